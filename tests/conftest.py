"""Shared fixtures. Tests that need ../shared use the `shared` fixture: they skip with a
reason when it is absent, and fail when MARSAD_REQUIRE_SHARED=1 (CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from marsad.health import shared_dir

REPO = Path(__file__).resolve().parents[1]
SEED_NAME = "000_99b0bc15da6edb02.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    found = shared_dir()
    if found is None:
        message = "../shared (or $MARSAD_SHARED) not found: it holds the data this test needs"
        if os.environ.get("MARSAD_REQUIRE_SHARED") == "1":
            pytest.fail(message + " and MARSAD_REQUIRE_SHARED=1")
        pytest.skip(message)
    return found


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    return shared / "seed" / SEED_NAME


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    import marsad

    return marsad.load()

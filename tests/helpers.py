"""Helpers for tests: run the installed CLI, validate records against the published schema."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import jsonschema

REPO = Path(__file__).resolve().parents[1]
MARSAD = Path(sys.executable).parent / "marsad"


def run_marsad(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
    """Run the `marsad` console script as a user would; returns the CompletedProcess."""
    return subprocess.run(
        [str(MARSAD), *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd or REPO,
        timeout=300,
    )


@lru_cache(maxsize=1)
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((REPO / "schemas" / "analysis-1.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def assert_valid_record(record: dict) -> None:
    errors = sorted(validator().iter_errors(record), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

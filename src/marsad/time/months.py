"""Arabic month names, Gregorian (data/months.yaml) and Hijri (data/hijri_months.yaml),
keyed for look-up."""

from __future__ import annotations

from functools import lru_cache

from marsad.datafiles import read_yaml
from marsad.text.normalize import normalize_key


def _table(name: str) -> dict[str, int]:
    table = read_yaml("marsad.time", f"data/{name}")
    return {normalize_key(name): int(month) for month, names in table.items() for name in names}


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Matching key of every Gregorian month name -> month number (1-12)."""
    return _table("months.yaml")


@lru_cache(maxsize=1)
def hijri_month_names() -> dict[str, int]:
    """Matching key of every Hijri month name -> month number (1-12)."""
    return _table("hijri_months.yaml")

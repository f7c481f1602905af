"""Arabic Gregorian month names (data/months.yaml), keyed for look-up."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from marsad.text.normalize import normalize_key


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Matching key of every month name -> month number (1-12)."""
    path = resources.files("marsad.time").joinpath("data/months.yaml")
    with path.open(encoding="utf-8") as f:
        table = yaml.safe_load(f)
    return {normalize_key(name): int(month) for month, names in table.items() for name in names}

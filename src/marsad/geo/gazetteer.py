"""The gazetteer: every place marsad knows, by matching key, loaded once into memory.

The index (``data/gazetteer.json``) is built by :mod:`marsad.geo.build` from installed
packages and ../shared; a look-up is a dict access, so geocoding a corpus never waits on
a database. Entries are made on first use, so loading stays a single ``json.loads``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.text.normalize import normalize_key

INDEX = "data/gazetteer.json"
# Features of political units: their names are GPEs; the others (regions, seas,
# facilities) are LOC or FAC.
POLITICAL = frozenset({"country", "admin1", "admin2", "city", "locality"})
ADMIN = frozenset({"admin1", "admin2"})
SETTLEMENT = frozenset({"city", "locality"})


class GazetteerMissing(RuntimeError):
    """The index file is absent: the package was installed without it."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer."""

    index: int
    name: str
    name_en: str | None
    feature: str
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    lat: float
    lon: float
    population: int
    geonames_id: int | None
    capital_of: str | None  # alpha-3 of the country whose capital this is

    @property
    def label(self) -> str:
        """Short English description for reasons and the CLI: «Tripoli (city, LBY)»."""
        where = f", {self.country}" if self.country and self.feature != "country" else ""
        return f"{self.name_en or self.name} ({self.feature}{where})"


class Gazetteer:
    def __init__(self, data: dict):
        self._rows: list[list] = data["places"]
        self._names: dict[str, list[int]] = data["names"]
        self._demonyms: dict[str, str] = data["demonyms"]
        self._defaults: dict[str, int] = data.get("defaults", {})
        self.common: frozenset[str] = frozenset(data["common"])  # names that are words too
        self._entries: dict[int, Entry] = {}
        self.max_words = max(key.count(" ") + 1 for key in self._names)
        # Every name's first word, first two words … whole name: a match in the text grows
        # only while it is one of these.
        self._beginnings = frozenset(
            " ".join(words[:n]) for words in (key.split(" ") for key in self._names)
            for n in range(1, len(words) + 1)
        )
        self._countries = {row[3]: i for i, row in enumerate(self._rows) if row[2] == "country"}
        self._capitals = {row[9]: i for i, row in enumerate(self._rows) if row[9]}

    def __contains__(self, key: str) -> bool:
        return key in self._names

    def __len__(self) -> int:
        return len(self._rows)

    def begins(self, key: str) -> bool:
        """Whether some name is ``key`` or begins with its words."""
        return key in self._beginnings

    def entry(self, i: int) -> Entry:
        found = self._entries.get(i)
        if found is None:
            found = self._entries[i] = Entry(i, *self._rows[i])
        return found

    def lookup(self, key: str) -> tuple[Entry, ...]:
        """Places named ``key`` (a matching key), most populous first."""
        return tuple(self.entry(i) for i in self._names.get(key, ()))

    def search(self, name: str) -> tuple[Entry, ...]:
        """Places named ``name`` as a user writes it (any spelling the key folds)."""
        return self.lookup(" ".join(normalize_key(name).replace("_", " ").split()))

    def default_reading(self, key: str) -> int | None:
        """The row a name shared by countries names without context («المملكة»)."""
        return self._defaults.get(key)

    def demonym(self, key: str) -> str | None:
        """The country (alpha-3) of a nationality adjective key: «ليبيه» -> LBY."""
        return self._demonyms.get(key)

    def country(self, code: str) -> Entry | None:
        i = self._countries.get(code.upper())
        return None if i is None else self.entry(i)

    def capital(self, code: str) -> Entry | None:
        i = self._capitals.get(code.upper())
        return None if i is None else self.entry(i)

    def country_code(self, text: str) -> str | None:
        """An alpha-3 code from a code or a country name (English or Arabic)."""
        if text.upper() in self._countries:
            return text.upper()
        for entry in self.search(text):
            if entry.feature == "country":
                return entry.country
        folded = text.casefold()
        for code, i in self._countries.items():
            if (self._rows[i][1] or "").casefold() == folded:
                return code
        return None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded on first use."""
    path = resources.files("marsad.geo").joinpath(INDEX)
    if not path.is_file():
        raise GazetteerMissing(
            f"the gazetteer index {INDEX} is missing; build it with `marsad geo build`"
        )
    return Gazetteer(json.loads(path.read_text(encoding="utf-8")))

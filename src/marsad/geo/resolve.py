"""Choosing one place for each toponym, from the document's own evidence.

A candidate's score is a prior (feature type and population: capitals and big cities
are named more often than villages) plus what the article says: how much of the
document's country evidence points to the candidate's country (countries and
unambiguous places mentioned, nationality adjectives such as التركي، الليبية), with a
bonus for the article's focus country, and agreement with a cue word (محافظة، مدينة).
Every choice carries a one-line ``reason`` naming what decided it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from marsad.geo.gazetteer import ADMIN, SETTLEMENT, Entry, Gazetteer
from marsad.geo.lexicon import word_keys
from marsad.geo.recognize import Mention, Tokens

# Feature prior, added to log10(population): a country's or a city's name is more
# likely meant than a same-named district's.
FEATURE_PRIOR = {"country": 2.0, "city": 1.0, "water": 1.0, "region": 1.0, "poi": 1.0,
                 "admin1": 0.5, "admin2": 0.2, "locality": 0.0}
CONTEXT_WEIGHT = 4.0  # for all of the document's country evidence
# ... in full from this much evidence (two countries named, four adjectives): one «مصري»
# does not make «الرياض» an Egyptian village
FULL_EVIDENCE = 2.0
FOCUS_BONUS = 1.0
CUE_BONUS = 4.0  # «مدينة الكويت» is the city even though the country is bigger
DEFAULT_BONUS = 0.5  # a shared country name's default reading (overrides.yaml), a prior
CUE_FEATURES = {"city": SETTLEMENT, "admin": ADMIN, "country": {"country"}}
SAME_PLACE_KM = 150  # a city and the district named after it are one reading


@dataclass(frozen=True)
class Choice:
    entry: Entry | None
    reason: str
    alternatives: tuple[tuple[Entry, float], ...] = ()  # every candidate with its score


@dataclass
class Context:
    """The document's country evidence: alpha-3 -> weight, and where it came from."""

    countries: Counter
    sources: dict[str, Counter]  # alpha-3 -> Counter of "named", "adjective", "place"

    @property
    def focus(self) -> str | None:
        """The country with the most evidence, when one leads."""
        ranked = [*self.countries.most_common(2), (None, 0), (None, 0)]
        (best, n), (_, second) = ranked[0], ranked[1]
        return best if n > second else None

    @property
    def strength(self) -> float:
        """How far the evidence is trusted: in full from :data:`FULL_EVIDENCE` on."""
        return min(1.0, sum(self.countries.values()) / FULL_EVIDENCE)

    def share(self, country: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries[country] / total if country and total else 0.0

    def describe(self, country: str) -> str:
        parts = [f"{kind} {n}×" for kind, n in sorted(self.sources[country].items())]
        return ", ".join(parts)


def distance_km(a: Entry, b: Entry) -> float:
    return haversine(a.lat, a.lon, b.lat, b.lon)


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def collapse(candidates: tuple[Entry, ...], cue: str | None) -> tuple[Entry, ...]:
    """A city and the same-named district around it (طرابلس, سرت, الدوحة) are one
    reading: keep the city, or the district after an administrative cue (محافظة)."""
    cities = [c for c in candidates if c.feature in SETTLEMENT]
    admins = [c for c in candidates if c.feature in ADMIN]
    drop = set()
    for admin in admins:
        for city in cities:
            if city.country == admin.country and distance_km(city, admin) < SAME_PLACE_KM:
                drop.add(city.index if cue == "admin" else admin.index)
    return tuple(c for c in candidates if c.index not in drop)


def document_context(tokens: Tokens, mentions: list[Mention], gazetteer: Gazetteer) -> Context:
    countries: Counter = Counter()
    sources: dict[str, Counter] = {}

    def add(country: str | None, kind: str, weight: float = 1.0) -> None:
        if country:
            countries[country] += weight
            sources.setdefault(country, Counter())[kind] += 1

    for mention in mentions:
        codes = {c.country for c in mention.candidates}
        if len(codes) != 1:
            continue
        (code,) = codes
        top = mention.candidates[0].feature
        add(code, "named" if top == "country" else "place", 1.0 if top == "country" else 0.5)
    for text, word in zip(tokens.text, tokens.word, strict=True):
        code = _demonym(gazetteer, text) if word else None
        if code:
            add(code, "adjective", 0.5)
    return Context(countries, sources)


@lru_cache(maxsize=100_000)
def _demonym(gazetteer: Gazetteer, word: str) -> str | None:
    """The country a word names as a nationality adjective («الليبية» -> LBY), if any."""
    for key in word_keys(word):
        code = gazetteer.demonym(key)
        if code:
            return code
    return None


def prior(entry: Entry) -> float:
    return math.log10(entry.population + 10) + FEATURE_PRIOR.get(entry.feature, 0.0)


def score(entry: Entry, mention: Mention, context: Context) -> float:
    value = prior(entry) + CONTEXT_WEIGHT * context.share(entry.country) * context.strength
    if entry.country and entry.country == context.focus:
        value += FOCUS_BONUS * context.strength
    if mention.cue in CUE_FEATURES and entry.feature in CUE_FEATURES[mention.cue]:
        value += CUE_BONUS
    if mention.extra.get("default") == entry.index:
        value += DEFAULT_BONUS
    return value


def choose(mention: Mention, context: Context) -> Choice:
    candidates = collapse(mention.candidates, mention.cue)
    if not candidates:
        return Choice(None, "not in the gazetteer")
    scored = sorted(((c, score(c, mention, context)) for c in candidates),
                    key=lambda pair: -pair[1])
    best = scored[0][0]
    return Choice(best, explain(best, scored, mention, context), tuple(scored))


def explain(best: Entry, scored: list[tuple[Entry, float]], mention: Mention,
            context: Context) -> str:
    if len(scored) == 1:
        return f"{best.label}: the only place of that name"
    runner = scored[1][0]
    over = f"over {runner.label}"
    if best.country != runner.country and context.share(best.country) > context.share(
        runner.country
    ):
        focus = ", the article's focus country" if best.country == context.focus else ""
        return (f"{best.label}: {best.country} is in the article's context "
                f"({context.describe(best.country)}{focus}), {over}")
    if mention.cue in CUE_FEATURES and best.feature in CUE_FEATURES[mention.cue] \
            and runner.feature not in CUE_FEATURES[mention.cue]:
        return f"{best.label}: the word before it announces a {mention.cue}, {over}"
    if best.feature != runner.feature and prior(best) - math.log10(best.population + 10) \
            > prior(runner) - math.log10(runner.population + 10):
        return f"{best.label}: a {best.feature} is the likelier reading, {over}"
    return f"{best.label}: the most populous place of that name ({best.population:,}), {over}"

"""Measuring the places stage on IDRISI-D (Arabic crisis tweets with geocoded toponyms).

Per gold toponym: *recognised* when a place mention overlaps its characters;
*placed* when that mention's place is within 161 km of the gold coordinates (acc@161,
the usual measure; a landmark placed at its city counts), or, for a country, when the
country code is right. The end-to-end score is the share of all gold toponyms that are
both. Each tweet is analysed alone: the event it belongs to is not given to the system.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from marsad.geo.resolve import haversine

ACC_KM = 161
IDRISI = Path("geo") / "idrisi" / "LMD" / "data" / "AR"


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    lat: float
    lon: float
    country: str | None  # alpha-3


@dataclass
class Scores:
    gold: Counter = field(default_factory=Counter)  # type -> gold toponyms
    recognised: Counter = field(default_factory=Counter)
    placed: Counter = field(default_factory=Counter)
    predicted: int = 0  # place mentions predicted
    spurious: int = 0  # ... overlapping no gold toponym
    tweets: int = 0

    def add(self, other: Scores) -> None:
        for name in ("gold", "recognised", "placed"):
            getattr(self, name).update(getattr(other, name))
        self.predicted += other.predicted
        self.spurious += other.spurious
        self.tweets += other.tweets

    @property
    def end_to_end(self) -> float:
        return _ratio(sum(self.placed.values()), sum(self.gold.values()))

    def table(self) -> list[dict]:
        rows = []
        for kind in [*sorted(self.gold, key=lambda k: -self.gold[k]), "all"]:
            n = sum(self.gold.values()) if kind == "all" else self.gold[kind]
            rec = sum(self.recognised.values()) if kind == "all" else self.recognised[kind]
            ok = sum(self.placed.values()) if kind == "all" else self.placed[kind]
            rows.append({"type": kind, "gold": n, "recognised": _ratio(rec, n),
                         "acc@161": _ratio(ok, rec), "end_to_end": _ratio(ok, n)})
        return rows

    def to_dict(self) -> dict:
        return {
            "tweets": self.tweets,
            "toponyms": sum(self.gold.values()),
            "end_to_end": self.end_to_end,
            "precision": _ratio(self.predicted - self.spurious, self.predicted),
            "by_type": self.table(),
        }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def idrisi_files(shared: Path) -> list[Path]:
    return sorted((shared / "data" / IDRISI).glob("*/train.jsonl"))


def read_tweets(paths: Iterable[Path], every: int = 1) -> Iterator[tuple[str, list[Gold]]]:
    """(text, gold toponyms) of each tweet; ``every`` > 1 keeps one tweet in that many."""
    import pycountry

    n = 0
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            n += 1
            if not line.strip() or (n - 1) % every:
                continue
            tweet = json.loads(line)
            gold = []
            for m in tweet["location_mentions"]:
                osm = m.get("osm_json") or {}
                if "lat" not in osm:
                    continue
                code = (osm.get("address") or {}).get("country_code")
                country = pycountry.countries.get(alpha_2=code.upper()) if code else None
                gold.append(Gold(m["start_offset"], m["end_offset"], m["text"], m["type"],
                                 float(osm["lat"]), float(osm["lon"]),
                                 country.alpha_3 if country else None))
            yield tweet["text"], gold


def score_doc(doc, gold: list[Gold]) -> Scores:
    scores = Scores(tweets=1)
    spans = [s for s in doc.spans.get("places", []) if s._.place is not None]
    scores.predicted = len(spans)
    scores.spurious = sum(
        1 for s in spans if not any(_overlap(s.start_char, s.end_char, g) for g in gold)
    )
    for g in gold:
        scores.gold[g.type] += 1
        overlapping = [s for s in spans if _overlap(s.start_char, s.end_char, g)]
        if not overlapping:
            continue
        scores.recognised[g.type] += 1
        if any(_correct(s._.place, g) for s in overlapping):
            scores.placed[g.type] += 1
    return scores


def _overlap(start: int, end: int, gold: Gold) -> int:
    return max(0, min(end, gold.end) - max(start, gold.start))


def _correct(place, gold: Gold) -> bool:
    if gold.type == "Country":
        return place.country is not None and place.country == gold.country
    if place.lat is None:
        return False
    return haversine(place.lat, place.lon, gold.lat, gold.lon) <= ACC_KM


def evaluate(nlp: Language, tweets: Iterable[tuple[str, list[Gold]]]) -> Scores:
    total = Scores()
    pairs = list(tweets)
    for doc, (_, gold) in zip(nlp.pipe(t for t, _ in pairs), pairs, strict=True):
        total.add(score_doc(doc, gold))
    return total


def places_pipeline() -> Language:
    """marsad's pipeline up to and including marsad_places (later stages cost time)."""
    from marsad.pipeline import load

    nlp = load()
    names = nlp.pipe_names
    later = names[names.index("marsad_places") + 1 :]
    for name in later:
        nlp.remove_pipe(name)
    return nlp


def errors(nlp: Language, tweets: Iterable[tuple[str, list[Gold]]]) -> dict:
    """What was missed and misplaced, most frequent first (for development)."""
    missed: Counter = Counter()
    wrong: Counter = Counter()
    spurious: Counter = Counter()
    pairs = list(tweets)
    for doc, (_, gold) in zip(nlp.pipe(t for t, _ in pairs), pairs, strict=True):
        spans = [s for s in doc.spans.get("places", []) if s._.place is not None]
        for g in gold:
            overlapping = [s for s in spans if _overlap(s.start_char, s.end_char, g)]
            if not overlapping:
                missed[(g.type, g.text)] += 1
            elif not any(_correct(s._.place, g) for s in overlapping):
                p = overlapping[0]._.place
                wrong[(g.type, g.text, p.name_en, p.country)] += 1
        for s in spans:
            if not any(_overlap(s.start_char, s.end_char, g) for g in gold):
                spurious[s.text] += 1
    grouped = defaultdict(list)
    for name, counter in (("missed", missed), ("misplaced", wrong), ("spurious", spurious)):
        grouped[name] = [[*k, n] if isinstance(k, tuple) else [k, n]
                         for k, n in counter.most_common(60)]
    return dict(grouped)

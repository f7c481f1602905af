"""Sentence-level event detection against the Arabic event GSR (``marsad eval events``).

The GSR sentences were judged by about three annotators each: "yes" (all accept),
"easy no" (all reject), "difficult no" (a dissenting accept), "ambiguous". A sentence is
detected when the pipeline codes an event of the type that the sentence itself reports
(:func:`marsad.events.component.reported`: not negated, not hypothetical, not a bare
mention). Precision, recall and F1 are "yes" against "easy no"; the firing rate on
"difficult no" is reported apart and "ambiguous" is left out, as the GSR's authors advise.
Rows are split by the parity of their id's last hex digit into a "tune" half and a
"check" half, so that tuning on one can be told from the other. The text is eval-only
data: it is read, never stored.

Arguments are scored on the GSR's span file (``protest_spans.json``): for each sentence the
PROTEST event whose trigger shares a word with the gold verb (else the first one) is
compared with the words all coders marked as source actor and target, and, where the
source matches, with the coders' country and sector codes (their most frequent code).
Words match through their clitic stems («للمتظاهرين» = «المتظاهرين»).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from marsad.analysis import Event, EventActor
from marsad.events.component import reported
from marsad.text.clitics import stems
from marsad.text.normalize import normalize_key

PROTEST_GSR = Path("data/events/arabic-event-gsr/protest_gsr.csv")
PROTEST_SPANS = Path("data/events/arabic-event-gsr/protest_spans.json")
UNCODED = (None, "None", "UNKNOWN")  # the coders' spellings of "no code"
LABELS = ("yes", "easy no", "difficult no")


@dataclass(frozen=True)
class Item:
    id: str  # a hex digest
    label: str
    text: str


@dataclass
class Score:
    counts: dict[tuple[str, bool], int] = field(default_factory=dict)

    def add(self, label: str, fired: bool) -> None:
        self.counts[label, fired] = self.counts.get((label, fired), 0) + 1

    def prf(self) -> tuple[float, float, float]:
        tp = self.counts.get(("yes", True), 0)
        fn = self.counts.get(("yes", False), 0)
        fp = self.counts.get(("easy no", True), 0)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def rate(self, label: str) -> tuple[int, int]:
        fired = self.counts.get((label, True), 0)
        return fired, fired + self.counts.get((label, False), 0)


def read_gsr(path: Path) -> list[Item]:
    with path.open(encoding="utf-8", newline="") as f:
        return [Item(row["id"], row["label"], row["text"])
                for row in csv.DictReader(f) if row["label"] in LABELS]


def detects(nlp: Language, texts: Iterable[str], event_type: str) -> Iterable[bool]:
    for doc in nlp.pipe(texts, batch_size=64):
        yield any(e.type == event_type and reported(e) for e in doc._.events or [])


def evaluate(nlp: Language, items: list[Item], event_type: str) -> dict[str, Score]:
    scores = {"all": Score(), "tune": Score(), "check": Score()}
    for item, fired in zip(items, detects(nlp, (i.text for i in items), event_type),
                           strict=True):
        scores["all"].add(item.label, fired)
        scores[half(item.id)].add(item.label, fired)
    return scores


def half(id_: str) -> str:
    return "tune" if int(id_[-1], 16) % 2 == 0 else "check"


# --- arguments ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SpanItem:
    id: str
    text: str
    verb: str
    source: str  # words all coders marked, "" when none
    target: str
    source_code: tuple[str | None, str | None]  # (country, sector)


def read_spans(path: Path) -> list[SpanItem]:
    with path.open(encoding="utf-8") as f:
        rows = json.load(f)
    return [SpanItem(row["_id"], row["text"], row["verb_gold"], row["source_gold"],
                     row["target_gold"], _code(row["spans"])) for row in rows]


def _code(spans: list[dict]) -> tuple[str | None, str | None]:
    """The coders' most frequent source code, as (country, sector) with None for none."""
    codes = Counter(
        tuple(None if role.get(k) in UNCODED else role.get(k) for k in ("main", "role"))
        for span in spans if isinstance(role := span["source_role"], dict) and role
    )
    return codes.most_common(1)[0][0] if codes else (None, None)


def _words(text: str) -> set[str]:
    return {stem for word in text.split() for stem in (normalize_key(word), *stems(word))
            if len(stem) > 1}


@dataclass
class ArgumentScore:
    counts: Counter = field(default_factory=Counter)

    def add(self, item: SpanItem, event: Event | None) -> None:
        c = self.counts
        c["sentences"] += 1
        c["found"] += event is not None
        actors = event.actor if event else []
        if item.source:
            c["source gold"] += 1
            hit = _matching(actors, item.source)
            if hit is not None:
                c["source right"] += 1
                c["country right"] += hit.country == item.source_code[0]
                c["sector right"] += hit.sector == item.source_code[1]
        recipients = event.recipient if event else []
        if item.target:
            c["target gold"] += 1
            c["target right"] += _matching(recipients, item.target) is not None
        elif event is not None:
            c["no target gold"] += 1
            c["no target right"] += not recipients

    def rows(self) -> list[tuple[str, int, int]]:
        """(what, right, out of) for the report."""
        c = self.counts
        return [
            ("PROTEST event found", c["found"], c["sentences"]),
            ("source actor", c["source right"], c["source gold"]),
            ("  its country code", c["country right"], c["source right"]),
            ("  its sector code", c["sector right"], c["source right"]),
            ("target", c["target right"], c["target gold"]),
            ("no target where none", c["no target right"], c["no target gold"]),
        ]


def _matching(actors: list[EventActor], gold: str) -> EventActor | None:
    words = _words(gold)
    return next((a for a in actors if _words(a.text) & words), None)


def _event_for(events: list[Event], verb: str, event_type: str) -> Event | None:
    candidates = [e for e in events if e.type == event_type]
    words = _words(verb)
    return next((e for e in candidates if _words(e.trigger.text) & words),
                candidates[0] if candidates else None)


def evaluate_arguments(nlp: Language, items: list[SpanItem],
                       event_type: str) -> dict[str, ArgumentScore]:
    scores = {"all": ArgumentScore(), "tune": ArgumentScore(), "check": ArgumentScore()}
    docs = nlp.pipe((i.text for i in items), batch_size=64)
    for item, doc in zip(items, docs, strict=True):
        event = _event_for(doc._.events or [], item.verb, event_type)
        scores["all"].add(item, event)
        scores[half(item.id)].add(item, event)
    return scores

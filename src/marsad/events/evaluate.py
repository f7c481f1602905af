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
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from marsad.events.component import reported

PROTEST_GSR = Path("data/events/arabic-event-gsr/protest_gsr.csv")
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
        half = "tune" if int(item.id[-1], 16) % 2 == 0 else "check"
        scores["all"].add(item.label, fired)
        scores[half].add(item.label, fired)
    return scores

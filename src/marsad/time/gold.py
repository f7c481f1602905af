"""The time gold set (tests/data/time/gold.tsv) and marsad's value accuracy on it.

The gold file holds annotations only: article URL, publication date, offsets into the
article's ``content`` in SaudiNewsNet, TIMEX3 type and value. The text is read from the
corpus in ../shared at evaluation time (its licence keeps it out of the repository).

Scoring: a gold expression is right when marsad tags an expression overlapping it with
the same type and value (spans are reported apart: an exact span is stricter than
TIMEX3 annotators agree on). A NONE line (a name that looks like a date) is right when
nothing overlapping it is tagged.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from marsad.analysis import Time

CORPUS = Path("data/corpus/saudinewsnet.jsonl.gz")  # under ../shared


@dataclass(frozen=True)
class GoldTime:
    url: str
    published: dt.date
    start: int
    end: int
    type: str  # DATE TIME DURATION SET, or NONE for a look-alike
    value: str
    approximate: bool


@dataclass
class Score:
    total: int = 0  # gold expressions (NONE lines apart)
    correct: int = 0
    exact_spans: int = 0  # correct with exactly the gold span
    lookalikes: int = 0  # NONE lines
    lookalikes_clean: int = 0  # ... with nothing tagged over them
    failures: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def summary(self) -> str:
        return (
            f"value accuracy {self.accuracy:.3f} ({self.correct}/{self.total}), "
            f"exact spans {self.exact_spans}/{self.total}, "
            f"look-alikes left alone {self.lookalikes_clean}/{self.lookalikes}"
        )


def load_gold(path: Path) -> list[GoldTime]:
    with path.open(encoding="utf-8") as f:
        lines = (line for line in f if not line.startswith("#"))
        return [
            GoldTime(r["url"], dt.date.fromisoformat(r["published"]), int(r["start"]),
                     int(r["end"]), r["type"], r["value"], r["approximate"] == "1")
            for r in csv.DictReader(lines, delimiter="\t")
        ]


def load_articles(shared: Path, urls: Iterable[str]) -> dict[str, str]:
    """The ``content`` of each wanted article of SaudiNewsNet, by URL."""
    wanted = set(urls)
    found: dict[str, str] = {}
    with gzip.open(shared / CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["url"] in wanted:
                found[record["url"]] = record["content"]
    return found


def by_article(gold: list[GoldTime]) -> dict[str, list[GoldTime]]:
    grouped: dict[str, list[GoldTime]] = {}
    for item in gold:
        grouped.setdefault(item.url, []).append(item)
    return grouped


def evaluate(
    gold: list[GoldTime],
    articles: dict[str, str],
    tagger: Callable[[str, dt.date], list[Time]],
) -> Score:
    """Tag each article whole (anchored at its publication date) and score the gold."""
    score = Score()
    for url, items in by_article(gold).items():
        text = articles[url]
        times = tagger(text, items[0].published)
        for item in items:
            overlapping = [t for t in times if t.start < item.end and item.start < t.end]
            _score(score, item, text, overlapping)
    return score


def _score(score: Score, item: GoldTime, text: str, overlapping: list[Time]) -> None:
    expression = text[item.start : item.end]
    if item.type == "NONE":
        score.lookalikes += 1
        score.lookalikes_clean += not overlapping
        if overlapping:
            score.failures.append(f"look-alike «{expression}» tagged {_show(overlapping)} "
                                  f"({item.url})")
        return
    score.total += 1
    right = [t for t in overlapping if (t.type, t.value) == (item.type, item.value)]
    if right:
        score.correct += 1
        score.exact_spans += any((t.start, t.end) == (item.start, item.end) for t in right)
        return
    score.failures.append(
        f"«{expression}» gold {item.type} {item.value} (anchor {item.published}), "
        f"marsad {_show(overlapping) or 'nothing'} ({item.url} {item.start})"
    )


def _show(times: list[Time]) -> str:
    return ", ".join(f"«{t.text}» {t.type} {t.value}" for t in times)

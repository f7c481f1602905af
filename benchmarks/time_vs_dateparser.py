"""marsad's temporal tagger against dateparser, on the time gold set, in one run.

Both taggers get the same sentences: each sentence of SaudiNewsNet that holds a gold
expression (tests/data/time/gold.tsv), with its article's publication date as anchor
(dateparser: ``search_dates(sentence, languages=["ar"], settings={"RELATIVE_BASE": ...})``).
A gold expression is right when the tagger returns something overlapping it with the gold
value. dateparser returns datetimes, so its answer is compared at the gold's precision
(day, month, year, ISO week; a part of day or clock time by its date); durations, sets,
decades, centuries and quarters it cannot express count as wrong. Throughput is gold
expressions per second of tagging (loading excluded, after a warm-up on other text).

    .venv/bin/python benchmarks/time_vs_dateparser.py [--json results.json]

Prints a markdown section; needs ../shared and dateparser (a dev dependency).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from marsad.health import shared_dir
from marsad.time import tag
from marsad.time.gold import GoldTime, load_articles, load_gold

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "data" / "time" / "gold.tsv"
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
_WARM_UP = "أعلنت الوزارة أمس الأحد أن الاجتماع سيعقد في 12 مارس 2016 لمدة ثلاثة أيام."


@dataclass
class Sentence:
    text: str
    offset: int  # of the sentence in its article
    anchor: dt.date
    gold: list[GoldTime]


def sentences(gold: list[GoldTime], articles: dict[str, str]) -> list[Sentence]:
    """The sentences that hold the gold expressions (NONE lines apart), each once."""
    found: dict[tuple[str, int], Sentence] = {}
    for item in gold:
        if item.type == "NONE":
            continue
        text = articles[item.url]
        start, end = _sentence_around(text, item.start, item.end)
        key = (item.url, start)
        if key not in found:
            found[key] = Sentence(text[start:end], start, item.published, [])
        found[key].gold.append(item)
    return list(found.values())


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    begin = 0
    for boundary in _SENTENCE_END.finditer(text):
        if boundary.start() >= end:
            return begin, boundary.start()
        if boundary.end() <= start:
            begin = boundary.end()
    return begin, len(text)


# --- the taggers, each returning (start, end, value-matcher) per expression -----------


def marsad_tags(sentence: Sentence) -> list[tuple[int, int, Callable[[GoldTime], bool]]]:
    return [
        (t.start, t.end, lambda g, t=t: (t.type, t.value) == (g.type, g.value))
        for t in tag(sentence.text, sentence.anchor)
    ]


def dateparser_tags(sentence: Sentence) -> list[tuple[int, int, Callable[[GoldTime], bool]]]:
    from dateparser.search import search_dates

    base = dt.datetime.combine(sentence.anchor, dt.time(12))
    found = search_dates(sentence.text, languages=["ar"],
                         settings={"RELATIVE_BASE": base}) or []
    tags, position = [], 0
    for substring, moment in found:
        start = sentence.text.find(substring, position)
        if start < 0:
            start = sentence.text.find(substring)
        position = max(start, 0) + len(substring)
        tags.append((start, start + len(substring), lambda g, m=moment: _same(m, g)))
    return tags


def _same(moment: dt.datetime, gold: GoldTime) -> bool:
    """Whether a datetime says what the gold value says, at the gold's precision."""
    value = gold.value
    day = moment.date().isoformat()
    forms = {
        r"\d{4}-\d\d-\d\d": day,
        r"\d{4}-\d\d": day[:7],
        r"\d{4}": day[:4],
        r"\d{4}-W\d\d": f"{moment.isocalendar()[0]}-W{moment.isocalendar()[1]:02d}",
        r"\d{4}-\d\d-\d\dT\d\d:\d\d": moment.strftime("%Y-%m-%dT%H:%M"),
        r"\d{4}-\d\d-\d\dT[A-Z]{2}": day + value[10:],  # a part of day: judged by its date
    }
    return any(re.fullmatch(form, value) and value == answer for form, answer in forms.items())


# --- measuring ----------------------------------------------------------------------


def measure(tagger, items: list[Sentence]) -> dict:
    started = time.perf_counter()
    answers = [tagger(s) for s in items]
    seconds = time.perf_counter() - started
    total = sum(len(s.gold) for s in items)
    correct = 0
    for sentence, tags in zip(items, answers, strict=True):
        for gold in sentence.gold:
            start, end = gold.start - sentence.offset, gold.end - sentence.offset
            correct += any(s < end and start < e and same(gold) for s, e, same in tags)
    return {"expressions": total, "correct": correct, "accuracy": correct / total,
            "seconds": seconds, "expressions_per_s": total / seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    options = parser.parse_args()
    shared = shared_dir()
    if shared is None:
        sys.exit("time_vs_dateparser: ../shared not found; set MARSAD_SHARED")
    gold = load_gold(GOLD)
    items = sentences(gold, load_articles(shared, {g.url for g in gold}))
    warm = Sentence(_WARM_UP, 0, dt.date(2016, 3, 1), [])
    warnings.filterwarnings("ignore")  # dateparser's deprecation chatter
    for tagger in (marsad_tags, dateparser_tags):
        tagger(warm)
    results = {"sentences": len(items), "marsad": measure(marsad_tags, items),
               "dateparser": measure(dateparser_tags, items)}
    ours, theirs = results["marsad"], results["dateparser"]
    results["throughput_ratio"] = ours["expressions_per_s"] / theirs["expressions_per_s"]
    print("\n".join([
        f"Temporal expressions of the time gold set ({ours['expressions']} in "
        f"{len(items)} SaudiNewsNet sentences), each tagger on the same sentences with the "
        "publication date as anchor; right = overlapping the gold span with the gold "
        "value.",
        "",
        "| tagger | value accuracy | expressions/s | throughput |",
        "|---|---:|---:|---:|",
        f"| marsad | **{ours['accuracy']:.3f}** | **{ours['expressions_per_s']:,.0f}** | "
        f"{results['throughput_ratio']:,.0f}× |",
        f"| dateparser.search.search_dates | {theirs['accuracy']:.3f} | "
        f"{theirs['expressions_per_s']:,.1f} | 1× |",
    ]))
    if options.json:
        options.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

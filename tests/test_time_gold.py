"""The time eval gate: value accuracy on the gold set (SaudiNewsNet, tests/data/time) and
on the seed article, and the seed's required values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from marsad.time import tag
from marsad.time.gold import evaluate, load_articles, load_gold

DATA = Path(__file__).parent / "data" / "time"
SEED_PUBLISHED = dt.date(2020, 7, 6)
GATE = 0.95

pytestmark = pytest.mark.shared


def test_gold_set_value_accuracy(shared):
    gold = load_gold(DATA / "gold.tsv")
    assert sum(item.type != "NONE" for item in gold) >= 200
    articles = load_articles(shared, {item.url for item in gold})
    assert len(articles) == len({item.url for item in gold}), "gold articles missing"
    for item in gold:  # the offsets still point at words in the corpus
        text = articles[item.url]
        assert text[item.start : item.end].strip() == text[item.start : item.end] != ""
    score = evaluate(gold, articles, tag)
    report = "\n".join([score.summary(), *score.failures])
    assert score.accuracy >= GATE, report
    assert score.lookalikes_clean >= 0.9 * score.lookalikes, report


def test_seed_value_accuracy(shared, seed_text):
    gold = load_gold(DATA / "seed.tsv")
    score = evaluate(gold, {gold[0].url: seed_text}, tag)
    assert score.accuracy >= GATE, "\n".join([score.summary(), *score.failures])
    assert score.lookalikes_clean == score.lookalikes, score.failures


@pytest.mark.parametrize(("expression", "value", "approximate"), [
    ("اليوم الاثنين", "2020-07-06", False),
    ("الأحد", "2020-07-05", False),
    ("4 يوليو الجاري", "2020-07-04", False),
    ("قبل نحو أسبوعين", "2020-06-22", True),
    ("قبل نحو شهر", "2020-06-06", True),
    ("14 شهرا", "P14M", False),
])
def test_seed_required_values(seed_text, expression, value, approximate):
    found = {t.text: t for t in tag(seed_text, SEED_PUBLISHED)}
    assert (found[expression].value, found[expression].approximate) == (value, approximate)
    time = found[expression]
    assert seed_text[time.start : time.end] == expression

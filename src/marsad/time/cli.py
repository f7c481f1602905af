"""Time commands: ``marsad eval time``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from marsad.cliutils import EXIT_FAILED, EXIT_OK, EXIT_USAGE, error, eval_group

COMMANDS: list[click.Command] = []


@eval_group.command("time")
@click.option("--gold", "gold_path", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Gold annotations (TSV: url, published, start, end, type, value, "
                   "approximate), e.g. tests/data/time/gold.tsv.")
@click.option("--min-accuracy", type=click.FloatRange(0, 1), default=None,
              help="Exit with status 1 when the value accuracy is below this.")
def eval_time(gold_path: Path, min_accuracy: float | None) -> None:
    """Temporal expressions against a gold set of SaudiNewsNet articles.

    Reads the articles the gold names from ../shared/data/corpus/saudinewsnet.jsonl.gz,
    tags each (anchored at its publication date) and prints the value accuracy (right
    type and value on an overlapping expression), exact spans, look-alikes left alone,
    and every miss.
    """
    from marsad.health import shared_dir
    from marsad.time import tag
    from marsad.time.gold import evaluate, load_articles, load_gold

    if not gold_path.is_file():
        error(f"gold file {gold_path} not found: pass --gold tests/data/time/gold.tsv")
        sys.exit(EXIT_USAGE)
    shared = shared_dir()
    if shared is None:
        error("../shared not found (it holds the corpus the gold points into): set "
              "$MARSAD_SHARED")
        sys.exit(EXIT_USAGE)
    gold = load_gold(gold_path)
    articles = load_articles(shared, {item.url for item in gold})
    missing = {item.url for item in gold} - articles.keys()
    if missing:
        error(f"{len(missing)} gold article(s) not in the corpus, e.g. {min(missing)}: "
              "is the gold file for saudinewsnet.jsonl.gz?")
        sys.exit(EXIT_USAGE)
    score = evaluate(gold, articles, tag)
    for failure in score.failures:
        click.echo(f"miss: {failure}")
    click.echo(score.summary())
    below = min_accuracy is not None and score.accuracy < min_accuracy
    sys.exit(EXIT_FAILED if below else EXIT_OK)

"""Framing commands: ``marsad eval framing`` and ``marsad train framing``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from marsad.cliutils import EXIT_USAGE, error, eval_group, train_group

COMMANDS: list[click.Command] = []
CORPUS = Path("data/corpus/saudinewsnet.jsonl.gz")
LEARNED = Path(__file__).parent / "data" / "learned_terms.tsv"


def _default_data() -> Path | None:
    from marsad.framing.evaluate import ARMPRO_DEV
    from marsad.health import shared_dir

    found = shared_dir()
    return found / ARMPRO_DEV if found else None


@eval_group.command("framing")
@click.option("--data", type=click.Path(dir_okay=False, path_type=Path),
              help="ArMPro span file [default: ../shared/data/framing/armpro/"
                   "ArMPro_span_dev_V2.jsonl].")
def eval_framing(data: Path | None) -> None:
    """Loaded-language spans against ArMPro's Loaded_Language spans.

    Prints precision, recall and F1 two ways: overlap (a predicted span is right when it
    shares a character with a gold span; a gold span is found when a predicted span
    shares a character with it) and ArAIEval's partial credit (overlap length over span
    length). Rows: all paragraphs, the "tune" half (used for error analysis) and the
    "check" half (never inspected: the honest figure). See docs/framing.md.
    """
    from marsad.framing.evaluate import evaluate, read_armpro, tokenizer_only

    data = data or _default_data()
    if data is None or not data.is_file():
        error(f"ArMPro spans not found ({data or '../shared'}): pass --data PATH or set "
              "$MARSAD_SHARED")
        sys.exit(EXIT_USAGE)
    scores = evaluate(tokenizer_only(), read_armpro(data))
    click.echo(f"{'paragraphs':<8} {'pred':>5} {'gold':>5}   overlap P / R / F1"
               "      partial P / R / F1")
    for name, score in scores.items():
        overlap = " / ".join(f"{x:.3f}" for x in score.overlap())
        partial = " / ".join(f"{x:.3f}" for x in score.partial())
        click.echo(f"{name:<10} {score.predicted:>5} {score.gold:>5}   {overlap}   {partial}")
    total = scores["all"]
    click.echo("precision by category (overlap, all paragraphs):")
    for category, n in total.categories.most_common():
        click.echo(f"  {category:<18} {total.categories_correct[category]:>4} / {n:<4} "
                   f"= {total.categories_correct[category] / n:.3f}")


@train_group.command("framing")
@click.option("--corpus", type=click.Path(dir_okay=False, path_type=Path),
              help="SaudiNewsNet-style JSONL.gz [default: ../shared/data/corpus/"
                   "saudinewsnet.jsonl.gz].")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="The candidates file; verdicts already in it are kept [default: the "
                   "package's framing/data/learned_terms.tsv].")
@click.option("--seed", type=int, default=13, show_default=True)
def train_framing(corpus: Path | None, out: Path | None, seed: int) -> None:
    """Learn loaded-word candidates from an unlabelled news corpus (a few minutes).

    Scores frequent words by how much they are used like the lexicon's loaded words and
    writes the best unlisted ones with their scores to the candidates file, for review:
    only rows given a verdict «category/part-of-speech» are used. See docs/framing.md.
    """
    from marsad.framing import learn
    from marsad.health import shared_dir

    found = shared_dir()
    corpus = corpus or (found / CORPUS if found else None)
    if corpus is None or not corpus.is_file():
        error(f"corpus not found ({corpus or '../shared'}): pass --corpus PATH or set "
              "$MARSAD_SHARED")
        sys.exit(EXIT_USAGE)
    out = out or LEARNED
    reviewed = learn.read(out.open(encoding="utf-8")) if out.is_file() else []
    candidates = learn.learn(corpus, seed)
    learn.write(candidates, reviewed, out, seed)
    click.echo(f"{len(candidates)} candidates written to {out}")

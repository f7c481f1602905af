"""``marsad ner``, ``marsad train ner`` and ``marsad eval ner``."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click
from click.core import ParameterSource

from marsad.cliutils import EXIT_FAILED, EXIT_USAGE, error, eval_group, train_group
from marsad.ner.groups import (
    ALL_CLUSTER_MINUTES,
    BILSTM_MINUTES,
    CONTEXT_MINUTES,
    GROUPS,
    WOJOOD_USES,
)

_MODEL_OPTION = click.option(
    "--model", "model_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="A model folder written by `marsad train ner` (default: the shipped model).",
)


def _load_model(model_dir: Path | None):
    from marsad.ner.model import ModelMissing, NerModel

    try:
        return NerModel.load(model_dir)
    except ModelMissing as exc:
        error(str(exc))
        sys.exit(EXIT_FAILED)


def _read_lines(path: str) -> list[str]:
    """The lines of ``path`` (``-``: standard input), or a one-line error and exit 2."""
    try:
        if path == "-":
            return sys.stdin.read().splitlines()
        return Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        error(f"cannot read {path} ({exc}); give a UTF-8 file with one token a line")
        sys.exit(EXIT_USAGE)


def _shared_or_exit() -> Path:
    from marsad.health import shared_dir

    found = shared_dir()
    if found is None:
        error("../shared not found: set MARSAD_SHARED to the folder that holds data/ner")
        sys.exit(EXIT_USAGE)
    return found


@click.command("ner")
@click.option("--conll", "conll", required=True, metavar="FILE",
              help="One token a line (the first whitespace-separated column; other columns "
                   "are ignored), a blank line between sentences; `-` for standard input.")
@_MODEL_OPTION
def ner(conll: str, model_dir: Path | None) -> None:
    """Tag named entities in a tokenised file: writes `token<TAB>TAG` lines.

    The output has the same tokens and blank lines as the input (a blank line closes
    every sentence), with BIO tags of the ANERcorp types PERS, LOC, ORG and MISC.
    """
    from marsad.ner.conll import read_token_blocks, write_tagged

    sentences = read_token_blocks(_read_lines(conll))
    model = _load_model(model_dir)
    write_tagged(sys.stdout, zip(sentences, model.tag_all(sentences), strict=True))


@train_group.command("ner")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the model folder (default: the package's marsad/ner/model).")
@click.option("--wojood", type=click.Choice(WOJOOD_USES), default="bilstm", show_default=True,
              help="Which taggers also train on the Wojood sample (train + val, mapped to "
                   "ANERcorp types): the BiLSTM (it gains; the CRF loses, see the model "
                   "card), all, or none.")
@click.option("--bilstm/--no-bilstm", default=True, show_default=True,
              help="Train the BiLSTM that the CRF is averaged with (needs PyTorch: "
                   f"`make train-ner`; about {BILSTM_MINUTES} minutes). Without it the CRF "
                   "tags alone.")
@click.option("--context-model/--no-context-model", "context", default=False, show_default=True,
              help="Give the BiLSTM the states of a context language model pre-trained on "
                   f"SaudiNewsNet (about {CONTEXT_MINUTES} minutes on two cores; with "
                   "--reuse-clusters, the one a --context-model run left in the folder is "
                   "reused when the word vectors and its settings are unchanged). Off: it did "
                   "not lift cross-validated F1 (the model card has the numbers).")
@click.option("--ablation", is_flag=True,
              help="Also retrain the CRF without each feature group and record the dev scores "
                   "in the model card (one more CRF fit per group and one with Wojood: about 8 "
                   "minutes with --jobs 2).")
@click.option("--cv", "cv_folds", type=click.IntRange(min=2), default=None, metavar="FOLDS",
              help="Also estimate micro F1 by cross-validation over the whole train file in "
                   "FOLDS contiguous folds, recorded in the model card (--cv 5: five more "
                   "fits, about 4 minutes with --jobs 2 for the CRF alone, 40 with the "
                   "BiLSTM). Steadier than the dev split for comparing two changes.")
@click.option("--jobs", type=click.IntRange(min=1), default=2, show_default=True,
              help="Ablation variants or folds trained at once (one process each).")
@click.option("--reuse-clusters", is_flag=True,
              help="Keep the word-cluster tables already in the output folder instead of "
                   "relearning them, and the context model trained on them (they are "
                   f"deterministic; this saves about {ALL_CLUSTER_MINUTES} minutes, "
                   f"{ALL_CLUSTER_MINUTES + CONTEXT_MINUTES} with --context-model).")
@click.option("--features", default=",".join(GROUPS), show_default=True,
              help="Comma-separated feature groups to use.")
@click.option("--rescore", is_flag=True,
              help="Train nothing: score the model already in the output folder on the dev "
                   "split with the code as it is now and rewrite its metadata and card "
                   "(after a change to the look-ups, decoding or consistency step; seconds). "
                   "Its cross-validation stays the training's.")
def train_ner(output: Path | None, wojood: str, bilstm: bool, context: bool, ablation: bool,
              cv_folds: int | None, jobs: int, reuse_clusters: bool, features: str,
              rescore: bool) -> None:
    """Train the NER model (a CRF and a BiLSTM) from ../shared and write the model folder
    and its card.

    ANERcorp's train file is split into sentences; its last 10% of sentences are the dev
    split, held out. Reproducible: the same data gives the same model.
    """
    from marsad.ner.clusters import TrainingDependencyMissing
    from marsad.ner.train import train

    output = output or Path(__file__).resolve().parent / "model"
    if rescore:
        _rescore(output)
        return
    shared = _shared_or_exit()
    groups = [g.strip() for g in features.split(",") if g.strip()]
    unknown = sorted(set(groups) - set(GROUPS))
    if unknown:
        error(f"unknown feature groups {unknown}; choose from {', '.join(GROUPS)}")
        sys.exit(EXIT_USAGE)
    if context and not bilstm:
        error("--context-model feeds the BiLSTM: drop --no-bilstm, or --context-model")
        sys.exit(EXIT_USAGE)
    try:
        metadata = train(
            shared, output, groups=groups, wojood=wojood, bilstm=bilstm, context=context,
            ablation=ablation,
            cv_folds=cv_folds, jobs=jobs,
            reuse_clusters=output if reuse_clusters else None,
            log=lambda message: click.echo(message, err=True),
        )
    except TrainingDependencyMissing as exc:
        error(str(exc))
        sys.exit(EXIT_FAILED)
    seconds = metadata["training_seconds"]
    click.echo(f"wrote {output}: dev micro F1 {metadata['dev']['micro']['f1']:.4f}, "
               f"{metadata['speed_tokens_per_second']} tokens/s, trained in "
               f"{sum(seconds.values()):.0f} s")


def _training_options_given() -> list[str]:
    """The options of `marsad train ner` given on the command line, other than --output
    and --rescore."""
    context = click.get_current_context()
    given = [option for option in context.command.params
             if option.name not in ("output", "rescore")
             and context.get_parameter_source(option.name) is not ParameterSource.DEFAULT]
    # a switch given as its negative form («--no-bilstm») is named so
    return [option.secondary_opts[0] if option.secondary_opts
            and context.params[option.name] is False else option.opts[-1] for option in given]


def _rescore(output: Path) -> None:
    from marsad.ner.model import METADATA, ModelMissing
    from marsad.ner.train import rescore

    training_options = _training_options_given()
    if training_options:
        error(f"--rescore trains nothing: drop {', '.join(training_options)}, or --rescore")
        sys.exit(EXIT_USAGE)
    if not (output / METADATA).is_file():
        error(f"no trained model in {output} to rescore: train one with `marsad train ner`")
        sys.exit(EXIT_USAGE)
    shared = _shared_or_exit()
    try:
        metadata = rescore(shared, output, log=lambda message: click.echo(message, err=True))
    except ModelMissing as exc:
        error(str(exc))
        sys.exit(EXIT_FAILED)
    click.echo(f"rescored {output}: dev micro F1 {metadata['dev']['micro']['f1']:.4f}, "
               f"{metadata['speed_tokens_per_second']} tokens/s")


@eval_group.command("ner")
@click.option("--gold", metavar="FILE", default=None,
              help="Gold CoNLL file: `token TAG` lines (the tag is the last column), blank "
                   "lines between sentences. Default: the dev split of ANERcorp in ../shared.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@_MODEL_OPTION
def eval_ner(gold: str | None, as_json: bool, model_dir: Path | None) -> None:
    """Score the NER model: per-type and micro precision, recall and F1 of exact spans."""
    from marsad.ner.conll import read_gold
    from marsad.ner.evaluate import score, table

    if gold is None:
        from marsad.ner.train import anercorp_splits

        sentences = anercorp_splits(_shared_or_exit())[1]
    else:
        lines = _read_lines(gold)
        sentences = read_gold(lines)
        if not sentences:
            error(f"{gold} has no tokens; give a file of `token TAG` lines")
            sys.exit(EXIT_USAGE)
    model = _load_model(model_dir)
    started = time.perf_counter()
    predicted = model.tag_all(s.tokens for s in sentences)
    speed = sum(len(s.tokens) for s in sentences) / (time.perf_counter() - started)
    scores = score((s.tags for s in sentences), predicted)
    if as_json:
        payload = {k: s.to_dict() for k, s in scores.items()}
        click.echo(json.dumps({**payload, "tokens_per_second": round(speed)}, indent=2))
    else:
        click.echo(table(scores))
        click.echo(f"{len(sentences)} sentences tagged at {speed:,.0f} tokens/s (model loaded)")


COMMANDS = [ner]

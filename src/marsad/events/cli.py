"""Events commands: ``marsad eval events``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from marsad.cliutils import EXIT_FAILED, EXIT_USAGE, error, eval_group

COMMANDS: list[click.Command] = []


@eval_group.command("events")
@click.option("--data", type=click.Path(dir_okay=False, path_type=Path),
              help="GSR sentences (CSV: id, label, text) [default: ../shared/data/events/"
                   "arabic-event-gsr/protest_gsr.csv].")
@click.option("--spans", type=click.Path(dir_okay=False, path_type=Path),
              help="GSR argument spans (JSON) [default, for PROTEST: ../shared/data/events/"
                   "arabic-event-gsr/protest_spans.json].")
@click.option("--type", "event_type", default="PROTEST", show_default=True,
              help="The PLOVER type the GSR file judges.")
def eval_events(data: Path | None, spans: Path | None, event_type: str) -> None:
    """Sentence-level event detection and argument accuracy against the Arabic event GSR.

    Prints precision, recall and F1 of "yes" against "easy no" sentences, and how often
    the pipeline fires on "difficult no" ones ("ambiguous" ones are left out), for all
    sentences and for the "tune" and "check" halves (even and odd last digit of the id).
    Then, on the span file, how often the event's source actor, its country and sector
    codes, and its target agree with the coders'.
    """
    from marsad.events.evaluate import PROTEST_GSR, PROTEST_SPANS, evaluate, read_gsr
    from marsad.health import shared_dir
    from marsad.pipeline import load

    found = shared_dir()
    if data is None:
        data = found / PROTEST_GSR if found else None
    if spans is None and event_type == "PROTEST" and found:
        spans = found / PROTEST_SPANS
    if data is None or not data.is_file():
        error(f"GSR file not found ({data or '../shared'}): pass --data PATH or set "
              "$MARSAD_SHARED")
        sys.exit(EXIT_USAGE)
    if spans is not None and not spans.is_file():
        error(f"span file not found ({spans}): pass --spans PATH or set $MARSAD_SHARED")
        sys.exit(EXIT_USAGE)
    try:
        nlp = load()
    except Exception as exc:
        error(f"the pipeline does not load ({exc}); run `marsad check`")
        sys.exit(EXIT_FAILED)
    if "marsad_framing" in nlp.pipe_names:
        nlp.remove_pipe("marsad_framing")  # events do not need it
    items = read_gsr(data)
    scores = evaluate(nlp, items, event_type)
    click.echo(f"{event_type} sentence detection, {data.name} (pipeline: "
               f"{' → '.join(nlp.pipe_names)})")
    click.echo(f"{'rows':<6} {'yes':>4} {'easy no':>8}   {'P':>5} {'R':>5} {'F1':>5}   "
               "fires on difficult no")
    for name, score in scores.items():
        p, r, f1 = score.prf()
        fired, total = score.rate("difficult no")
        yes, easy = score.rate("yes")[1], score.rate("easy no")[1]
        click.echo(f"{name:<6} {yes:>4} {easy:>8}   {p:.3f} {r:.3f} {f1:.3f}   "
                   f"{fired}/{total} = {fired / total if total else 0:.3f}")
    if spans is not None:
        _report_arguments(nlp, spans, event_type)


def _report_arguments(nlp, spans: Path, event_type: str) -> None:
    from marsad.events.evaluate import evaluate_arguments, read_spans

    scores = evaluate_arguments(nlp, read_spans(spans), event_type)
    click.echo(f"\n{event_type} arguments, {spans.name} (right / out of)")
    names = list(scores)
    click.echo(f"{'':<22}" + "".join(f"{n:>18}" for n in names))
    table = [score.rows() for score in scores.values()]
    for k, (what, _, _) in enumerate(table[0]):
        cells = [f"{right}/{total} = {right / total if total else 0:.2f}"
                 for _, right, total in (rows[k] for rows in table)]
        click.echo(f"{what:<22}" + "".join(f"{c:>18}" for c in cells))

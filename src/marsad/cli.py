"""The ``marsad`` command line. Every command's help text is its reference documentation:
``docs/cli.md`` is generated from it (``make docs``)."""

from __future__ import annotations

import contextlib
import importlib
import json
import sys
from collections import deque
from pathlib import Path

import click

from marsad import __version__
from marsad.cliutils import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    error,
    eval_group,
    parse_date,
    train_group,
    warning,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="marsad")
def cli() -> None:
    """marsad (مرصد): structured, sourced event data from Arabic news.

    Start with `marsad analyze ARTICLE.txt`; `marsad check` tells whether every model and
    data file is in place.
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...|URL|-")
@click.option("--date", "date", callback=parse_date, metavar="YYYY-MM-DD",
              help="Publication date for inputs whose metadata and dateline give none.")
@click.option("--lines", is_flag=True, help="Each non-empty line of the input is its own document.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default=None,
              help="table (the default on a terminal), json (one record, indented; an array "
                   "for several) or jsonl (one record a line, in input order; the default "
                   "otherwise).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write to FILE instead of standard output.")
@click.option("--errors", type=click.Choice(["strict", "replace"]), default="strict",
              show_default=True, help="On invalid UTF-8: stop with an error, or replace the "
                                      "bad bytes and go on.")
@click.option("--max-chars", type=click.IntRange(min=1), default=1_000_000, show_default=True,
              help="Refuse documents longer than this many characters.")
@click.option("--allow-private", is_flag=True,
              help="Allow fetching URLs on private, loopback or link-local addresses.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per core; small inputs run in one).")
def analyze(inputs, date, lines, fmt, output, errors, max_chars, allow_private, workers) -> None:
    """Analyse articles and print their Analysis records.

    Inputs are .txt files (the first line is the title), .html pages, .jsonl files (fields
    `text` or `content`, `title`, `published` or `date`, `url`, `source`), directories
    (read recursively), http(s) URLs, or `-` for standard input.

    A document that cannot be read is reported on standard error and skipped; the others
    are analysed. Exit status: 0 when every input was analysed, 2 when some input could
    not be read (or on a usage error), 1 when the analysis itself failed.
    """
    from marsad.ingest import InputError, ReadOptions, read_inputs
    from marsad.scale import serialize_parallel
    from marsad.text.language import not_arabic_warning

    options = ReadOptions(date=date, lines=lines, errors=errors, max_chars=max_chars,
                          allow_private=allow_private)
    stream = output.open("w", encoding="utf-8") if output else sys.stdout
    fmt = fmt or ("table" if stream.isatty() else "jsonl")
    status = EXIT_OK
    failures: list[str] = []
    origins: deque[str] = deque()  # the pipeline keeps input order: origins pair up

    def documents():
        nonlocal status
        for item in read_inputs(list(inputs), options):
            if isinstance(item, InputError):
                error(str(item))
                status = EXIT_USAGE
            else:
                origins.append(item.origin)
                yield item

    with contextlib.ExitStack() as stack:
        if output:
            stack.callback(stream.close)
        writer = _started(fmt, stream)
        try:
            for record in serialize_parallel(documents(), workers):
                origin = origins.popleft()
                if record.language != "ar":
                    warning(f"{origin}: {not_arabic_warning(record.language)}")
                writer.send(record)
        except Exception as exc:
            failures.append(f"analysis failed: {type(exc).__name__}: {exc}")
        writer.close()
    for failure in failures:
        error(failure)
    sys.exit(EXIT_FAILED if failures else status)


def _writer(fmt: str, stream):
    """A coroutine that writes each record it is sent (a ``marsad.scale.Serialized``), in
    the chosen format."""
    if fmt == "table":
        from rich.console import Console

        from marsad.render import render

        console = Console(file=stream, width=None if stream.isatty() else 120)
        while True:
            record = yield
            render(record.parse(), console)
    records: list[dict] = []
    try:
        while True:
            record = yield
            if fmt == "jsonl":
                stream.write(record.json + "\n")
                stream.flush()
            else:
                records.append(json.loads(record.json))
    except GeneratorExit:
        if fmt == "json" and records:
            payload = records[0] if len(records) == 1 else records
            stream.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _started(fmt: str, stream):
    writer = _writer(fmt, stream)
    next(writer)
    return writer


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the Analysis record (marsad.analysis/1)."""
    from marsad.analysis import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@cli.command()
def check() -> None:
    """Report every pipeline component, model and data file, and whether it loads.

    Exit status 1 when anything is missing or broken, with what to do about it.
    """
    from marsad.health import run_checks

    problems = 0
    for result in run_checks():
        mark = click.style("ok  ", fg="green") if result.ok else click.style("FAIL", fg="red")
        click.echo(f"{mark} {result.name}: {result.detail}")
        problems += not result.ok
    sys.exit(EXIT_FAILED if problems else EXIT_OK)


# Commands of the pipeline stages, one module a stage (see DEVELOPERS.md): each exports
# COMMANDS, its top-level commands, and may add subcommands to `train` and `eval`.
STAGE_COMMANDS: list[str] = [
    "marsad.kb.cli",
    "marsad.ner.cli",
    "marsad.geo.cli",
    "marsad.store.cli",
    "marsad.api.cli",
    "marsad.framing.cli",
    "marsad.events.cli",
    "marsad.time.cli",
]
for _module in STAGE_COMMANDS:
    for _command in importlib.import_module(_module).COMMANDS:
        cli.add_command(_command)
cli.add_command(train_group)
cli.add_command(eval_group)


def main() -> None:
    cli(prog_name="marsad")

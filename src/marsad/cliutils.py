"""What every marsad command shares: exit statuses, one-line messages, option parsers."""

from __future__ import annotations

import datetime as dt

import click

# Exit statuses, part of the command contract.
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def parse_date(ctx, param, value: str | None) -> dt.date | None:
    """click callback for YYYY-MM-DD options."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def error(message: str) -> None:
    """One line on standard error, never a traceback."""
    click.echo(f"marsad: error: {message}", err=True)


def warning(message: str) -> None:
    click.echo(f"marsad: warning: {message}", err=True)


@click.group("train")
def train_group() -> None:
    """Train marsad's models from the data in ../shared (fixed seeds, reproducible)."""


@click.group("eval")
def eval_group() -> None:
    """Measure a stage against gold data and print precision, recall and F1."""

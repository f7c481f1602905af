"""``marsad kb``: look names up in the actor knowledge base, see its coverage, rebuild
the nationality table."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

import click

from marsad.cliutils import EXIT_FAILED, EXIT_OK, EXIT_USAGE, error, eval_group, parse_date


@click.group("kb")
def kb_group() -> None:
    """The actor knowledge base: people, organisations, offices and dates."""


@kb_group.command("lookup")
@click.argument("name", nargs=-1, required=True)
@click.option("--date", "date", callback=parse_date, metavar="YYYY-MM-DD",
              help="The date to resolve offices on (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print the resolution as JSON.")
def lookup(name: tuple[str, ...], date: dt.date | None, as_json: bool) -> None:
    """Show how NAME resolves: every candidate, its score and reasons, and the choice.

    NAME is a name («خلوصي أكار», «الوفاق») or a title with its country or organisation
    («وزير الدفاع التركي», «أمير قطر», «وزير داخلية حكومة الوفاق»). Exit status 1 when
    nothing is chosen.
    """
    from marsad.kb.explain import explain

    text = " ".join(name)
    report = explain(text, date or dt.date.today())
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print(report)
    sys.exit(EXIT_OK if report["choice"] else EXIT_FAILED)


def _print(report: dict) -> None:
    click.echo(f"{report['query']}  ({report['reading']}, on {report['date']})")
    for cand in report["candidates"]:
        click.echo(f"  {cand['score']:+5.1f}  {cand['id']:<28} {cand['name']} ({cand['name_en']})"
                   f"  {cand['country'] or '-'} {cand['sector'] or '-'}")
        for reason in cand["reasons"]:
            click.echo(f"           · {reason}")
    choice = report["choice"]
    click.echo(f"→ {choice or 'unlinked'}: {report['why']}")


@kb_group.command("stats")
def stats() -> None:
    """Coverage of the KB: actors by type, aliases, offices, countries with demonyms."""
    from marsad.kb.lexicon import aliases
    from marsad.kb.model import load_kb
    from marsad.kb.nationalities import rows

    kb = load_kb()
    people = [a for a in kb.actors.values() if a.type == "PERSON"]
    lines = {
        "actors": len(kb.actors),
        **{f"  {t}": n for t, n in sorted(Counter(a.type for a in kb.actors.values()).items())},
        "aliases (full + short)": aliases().size,
        "offices with dates": sum(len(a.roles) for a in people),
        "actor countries": len({a.country for a in kb.actors.values() if a.country}),
        "nationality forms": len(rows()),
        "countries with demonyms": len({r.iso3 for r in rows() if r.kind == "adjective"}),
    }
    for label, value in lines.items():
        click.echo(f"{label:<26} {value}")
    if kb.problems:
        for problem in kb.problems:
            error(problem)
        sys.exit(EXIT_FAILED)


@kb_group.command("build-nationalities")
def build_nationalities() -> None:
    """Regenerate kb/data/nationalities.tsv from ../shared and the reviewed overrides."""
    from importlib import resources

    from marsad.health import shared_dir
    from marsad.kb.nationalities import TSV, generate

    shared = shared_dir()
    if shared is None:
        error("../shared not found: set MARSAD_SHARED to the folder that holds data/geo")
        sys.exit(EXIT_USAGE)
    target = Path(str(resources.files("marsad.kb").joinpath(TSV)))
    target.write_text(generate(shared), encoding="utf-8")
    click.echo(f"wrote {target}")


@eval_group.command("people")
@click.option("--data", "data_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Gold people (JSON lines: set, id, date, text, people with "
                                 "name, roles, country, sector); default the shipped sets.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every person missed or given a false role, country or sector.")
def eval_people(data_path: Path | None, as_json: bool, show_errors: bool) -> None:
    """Score people's roles, countries and sectors on hand-written news sentences.

    The shipped gold (marsad/kb/data/eval/people.jsonl) holds two sets written from
    general knowledge: «a» guided the title rules, «b» was first scored blind. Prints, per
    set, the share of people found and of gold roles, countries and sectors given right,
    and how many were given but differ from the gold.
    """
    from marsad.kb.evaluate import evaluate, read_gold, shipped_gold
    from marsad.pipeline import load

    path = data_path or shipped_gold()
    if not path.is_file():
        error(f"gold file {path} not found: pass --data FILE or reinstall marsad")
        sys.exit(EXIT_USAGE)
    scores = evaluate(load(), read_gold(path))
    if not show_errors:
        scores.pop("errors")
    if as_json:
        click.echo(json.dumps(scores, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'set':<6}{'people':>7}{'found':>7}{'role':>7}{'country':>9}{'sector':>8}"
               f"   given but different (role/country/sector), roles the gold lacks")
    for name, row in scores["sets"].items():
        differ = row["differ"]
        click.echo(f"{name:<6}{row['people']:>7}{row['found']:>7.3f}{row['role']:>7.3f}"
                   f"{row['country']:>9.3f}{row['sector']:>8.3f}   "
                   f"{differ['role']}/{differ['country']}/{differ['sector']}, "
                   f"{row['extra_roles']}")
    for miss in scores.get("errors", []):
        click.echo(f"{miss['item']}: {miss['gold']['name']} {miss['verdict']} — gold "
                   f"{miss['gold']['roles']} {miss['gold']['country']} {miss['gold']['sector']}"
                   f"; marsad {miss['entity']}")


COMMANDS = [kb_group]

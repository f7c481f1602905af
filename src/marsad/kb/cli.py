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
@click.option("--topic", "topic_names", multiple=True, metavar="TOPIC",
              help="Read NAME as in a story of TOPIC (kb/data/topics.yaml: football), "
                   "where some names mean another actor. Repeatable.")
@click.option("--json", "as_json", is_flag=True, help="Print the resolution as JSON.")
def lookup(name: tuple[str, ...], date: dt.date | None, topic_names: tuple[str, ...],
           as_json: bool) -> None:
    """Show how NAME resolves: every candidate, its score and reasons, and the choice.

    NAME is a name («خلوصي أكار», «الوفاق») or a title with its country or organisation
    («وزير الدفاع التركي», «أمير قطر», «وزير داخلية حكومة الوفاق»). Exit status 1 when
    nothing is chosen.
    """
    from marsad.kb.explain import explain
    from marsad.kb.lexicon import reading_topics, topics

    known = {topic.name for topic in topics()}
    unknown = set(topic_names) - known
    if unknown:
        raise click.BadParameter(f"no topic {', '.join(sorted(unknown))}; the topics are "
                                 f"{', '.join(sorted(known))}", param_hint="--topic")
    text = " ".join(name)
    with reading_topics(frozenset(topic_names)):
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


@kb_group.command("coverage")
@click.option("--gaps", "show_gaps", is_flag=True,
              help="Also list, per country and office, the spans of days with no holder.")
@click.option("--country", "countries", multiple=True, metavar="ISO3",
              help="Only these countries (repeatable); implies --gaps.")
@click.option("--json", "as_json", is_flag=True, help="Print every row as JSON.")
def coverage_command(show_gaps: bool, countries: tuple[str, ...], as_json: bool) -> None:
    """Which office holders the KB knows: heads of state and government, foreign,
    defence and interior ministers of the countries kb/data/coverage.yaml promises.

    Prints, per group of countries and office, the share of the period's days (2015-2025)
    on which the KB knows who held it; days with no such office or a vacancy (listed in
    coverage.yaml) do not count. A day short of 1.000 is a mention «وزير الدفاع
    الصومالي» of that day that stays unlinked.
    """
    from marsad.kb.coverage import coverage, promised, summary

    spec = promised()
    rows = coverage(spec=spec)
    wanted = {c.upper() for c in countries}
    if as_json:
        click.echo(json.dumps([
            {"country": r.country, "office": r.office, "share": round(r.share, 4),
             "gaps": [[s.isoformat(), e.isoformat()] for s, e in r.gaps],
             "exempt": list(r.exempt)}
            for r in rows if not wanted or r.country in wanted], ensure_ascii=False, indent=2))
        return
    if not wanted:
        click.echo(f"{'group':<18}" + "".join(f"{office:>{len(office) + 2}}"
                                               for office in spec.offices))
        for group, shares in summary(rows, spec).items():
            click.echo(f"{group:<18}" + "".join(f"{share:>{len(office) + 2}.3f}"
                                                for office, share in shares.items()))
    if show_gaps or wanted:
        for row in rows:
            if (row.gaps and not wanted) or row.country in wanted:
                spans = ", ".join(f"{s}..{e - dt.timedelta(days=1)}" for s, e in row.gaps)
                click.echo(f"{row.country} {row.office:<20}{row.share:6.3f}  {spans or '-'}")


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


def _eval_options(entries: str):
    """The options ``eval people`` and ``eval orgs`` share."""
    def decorate(command):
        command = click.option("--errors", "show_errors", is_flag=True,
                               help=f"Also list every one of the {entries} missed or given a "
                                    "false value.")(command)
        command = click.option("--json", "as_json", is_flag=True,
                               help="Print the scores as JSON.")(command)
        return click.option("--data", "data_path",
                            type=click.Path(dir_okay=False, path_type=Path), default=None,
                            help=f"Gold {entries} (JSON lines, see the shipped file's "
                                 "README); default the shipped sets.")(command)
    return decorate


@eval_group.command("people")
@_eval_options("people")
def eval_people(data_path: Path | None, as_json: bool, show_errors: bool) -> None:
    """Score people's roles, countries and sectors on hand-written news sentences.

    The shipped gold (marsad/kb/data/eval/people.jsonl) holds six sets written from
    general knowledge: «a» guided the title rules; «b» to «f» were first scored blind
    (their README). Prints, per set, the share of people found and of gold roles,
    countries and sectors given right, and how many were given but differ from the gold.
    """
    from marsad.kb.evaluate import PEOPLE

    _score(PEOPLE, data_path, as_json, show_errors, "roles the gold lacks", "extra_roles")


@eval_group.command("orgs")
@_eval_options("organisations")
def eval_orgs(data_path: Path | None, as_json: bool, show_errors: bool) -> None:
    """Score organisations' types, countries and sectors on hand-written news sentences.

    The shipped gold (marsad/kb/data/eval/orgs.jsonl) holds four sets («o» to «r») written
    from general knowledge by writers who did not see marsad, each first scored blind.
    Prints, per set, the share of organisations found and of those typed ORG and given the
    gold's country (none for an international body) and sector, how many were given but
    differ, and the organisations marsad found that the gold does not list.
    """
    from marsad.kb.evaluate import ORGS

    _score(ORGS, data_path, as_json, show_errors, "organisations not in the gold",
           "unlisted")


@eval_group.command("holders")
@_eval_options("holders")
def eval_holders(data_path: Path | None, as_json: bool, show_errors: bool) -> None:
    """Score office holders named by title alone («وزير الدفاع التركي») on dated sentences.

    The shipped gold (marsad/kb/data/eval/holders.jsonl) was written from general knowledge
    by a writer who did not see marsad: each title's holder on the sentence's date. Prints,
    per group of countries (those of `marsad kb coverage`) and per office, the share of
    holders linked to the right person, to someone else, to no KB actor, and not found.
    """
    from marsad.kb.evaluate import read_gold
    from marsad.kb.holders import VERDICTS, evaluate
    from marsad.pipeline import load

    path = _gold_path(data_path, "holders")
    scores = evaluate(load(), read_gold(path))
    if as_json:
        click.echo(json.dumps(scores if show_errors else scores["rows"], ensure_ascii=False,
                              indent=2))
        return
    click.echo(f"{'':<20}{'holders':>8}" + "".join(f"{v:>10}" for v in VERDICTS))
    for key, row in scores["rows"].items():
        click.echo(f"{key:<20}{row['holders']:>8}" + "".join(f"{row[v]:>10.3f}"
                                                            for v in VERDICTS))
    for miss in scores["errors"] if show_errors else ():
        click.echo(f"{miss['item']} {miss['date']} «{miss['title']}»: {miss['verdict']}, "
                   f"gold {miss['gold']}, marsad {miss['marsad'] or '-'}")


def _gold_path(data_path: Path | None, stem: str) -> Path:
    """The gold file to score: the one passed, or the shipped one; a usage error that
    says how to pass one when it is not there."""
    from marsad.kb.evaluate import gold_file

    path = data_path or gold_file(stem)
    if not path.is_file():
        error(f"gold file {path} not found: pass --data FILE or reinstall marsad")
        sys.exit(EXIT_USAGE)
    return path


def _score(kind, data_path: Path | None, as_json: bool, show_errors: bool,
           extra_header: str, extra_key: str) -> None:
    from marsad.kb.evaluate import evaluate, read_gold
    from marsad.pipeline import load

    path = _gold_path(data_path, kind.key)
    scores = evaluate(load(), read_gold(path), kind)
    if not show_errors:
        scores.pop("errors")
    if as_json:
        click.echo(json.dumps(scores, ensure_ascii=False, indent=2))
        return
    fields = kind.fields
    click.echo(f"{'set':<6}{kind.key:>7}{'found':>7}"
               + "".join(f"{name:>9}" for name in fields)
               + f"   given but different ({'/'.join(fields)}), {extra_header}")
    for name, row in scores["sets"].items():
        click.echo(f"{name:<6}{row[kind.key]:>7}{row['found']:>7.3f}"
                   + "".join(f"{row[field]:>9.3f}" for field in fields)
                   + f"   {'/'.join(str(row['differ'][field]) for field in fields)}, "
                   f"{row[extra_key]}")
    for miss in scores.get("errors", []):
        gold = miss["gold"]
        said = "not in the gold" if gold is None else \
            f"{gold['name']} {miss['verdict']} — gold " + " ".join(
                str(gold.get("roles" if field == "role" else field, "ORG")) for field in fields)
        click.echo(f"{miss['item']}: {said}; marsad {miss['entity']}")


COMMANDS = [kb_group]

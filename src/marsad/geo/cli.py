"""``marsad geo lookup|build`` and ``marsad eval geo``."""

from __future__ import annotations

import json
import sys

import click

from marsad.cliutils import EXIT_FAILED, EXIT_USAGE, error, eval_group


@click.group("geo")
def geo_group() -> None:
    """The gazetteer: look places up, rebuild the index."""


@geo_group.command()
@click.argument("name")
@click.option("--context", "context", metavar="COUNTRY",
              help="The article's country (ISO code or name, e.g. LBN or لبنان): "
                   "its places win ambiguous names.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def lookup(name: str, context: str | None, as_json: bool) -> None:
    """Print the places named NAME (any spelling, clitics allowed: بطرابلس), the one
    marsad would choose, and why.

    Example: `marsad geo lookup طرابلس --context لبنان`
    """
    from marsad.geo.gazetteer import GazetteerMissing, gazetteer

    try:
        gaz = gazetteer()
    except GazetteerMissing as exc:
        error(str(exc))
        sys.exit(EXIT_FAILED)
    code = None
    if context:
        code = gaz.country_code(context)
        if code is None:
            error(f"unknown country {context!r}; give an ISO code (LBN) or a name (لبنان)")
            sys.exit(EXIT_USAGE)
    result = _lookup(name, code)
    if result is None:
        error(f"no place named {name!r} in the gazetteer")
        sys.exit(EXIT_FAILED)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    for candidate in result["candidates"]:
        mark = "*" if candidate["chosen"] else " "
        click.echo(f"{mark} {candidate['name']}\t{candidate['name_en']}\t{candidate['feature']}"
                   f"\t{candidate['country'] or '-'}\t{candidate['lat']:.4f},"
                   f"{candidate['lon']:.4f}\tpop {candidate['population']:,}"
                   f"\tscore {candidate['score']:.2f}")
    click.echo(f"reason: {result['reason']}")


def _lookup(name: str, country: str | None) -> dict | None:
    """Resolve NAME alone in a tiny document, with COUNTRY as its context."""
    from collections import Counter

    from marsad.geo.gazetteer import gazetteer
    from marsad.geo.recognize import Mention
    from marsad.geo.resolve import Context, choose
    from marsad.text.clitics import analyses

    gaz = gazetteer()
    keys = [" ".join(name.replace("_", " ").replace("#", " ").split())]
    first, _, rest = keys[0].partition(" ")
    keys += [" ".join(filter(None, [a.definite_stem, rest]))
             for a in analyses(first) if not a.suffix]
    for text in keys:
        candidates = gaz.search(text)
        if candidates:
            break
    else:
        return None
    countries = Counter({country: 1.0} if country else {})
    sources = {country: Counter({"given": 1})} if country else {}
    choice = choose(Mention(0, 1, text, candidates, "lookup"), Context(countries, sources))
    return {
        "name": name,
        "context": country,
        "reason": choice.reason,
        "candidates": [
            {"name": e.name, "name_en": e.name_en, "feature": e.feature,
             "country": e.country, "admin1": e.admin1, "lat": e.lat, "lon": e.lon,
             "population": e.population, "geonames_id": e.geonames_id,
             "score": round(score, 3), "chosen": e == choice.entry}
            for e, score in choice.alternatives
        ],
    }


@geo_group.command()
def build() -> None:
    """Rebuild the gazetteer index (marsad/geo/data/gazetteer.json) from the installed
    packages and ../shared/data/geo (set MARSAD_SHARED if it is elsewhere); word counts
    and the shipped NER model's tags over SaudiNewsNet's first articles tell which names
    are common words (about 90 s)."""
    from marsad.geo.build import main

    main()


@eval_group.command("geo")
@click.option("--every", type=click.IntRange(min=1), default=1, show_default=True,
              help="Use one tweet in every N (a quick sample).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list the most frequent misses, misplacements and spurious names.")
def eval_geo(every: int, as_json: bool, show_errors: bool) -> None:
    """Score toponym recognition and geocoding on the IDRISI-D Arabic training tweets
    (../shared/data/geo/idrisi): share recognised and acc@161 km per place type, and the
    share of all gold toponyms recognised and correctly placed (end to end)."""
    from marsad.geo import evaluate
    from marsad.health import shared_dir

    shared = shared_dir()
    files = evaluate.idrisi_files(shared) if shared else []
    if not files:
        error("IDRISI data not found; set MARSAD_SHARED to the folder holding data/geo/idrisi")
        sys.exit(EXIT_USAGE)
    nlp = evaluate.places_pipeline()
    tweets = list(evaluate.read_tweets(files, every))
    scores = evaluate.evaluate(nlp, tweets).to_dict()
    if show_errors:
        scores["errors"] = evaluate.errors(nlp, tweets)
    if as_json:
        click.echo(json.dumps(scores, ensure_ascii=False, indent=2))
        return
    click.echo(f"IDRISI-D AR train: {scores['tweets']} tweets, {scores['toponyms']} toponyms; "
               f"pipeline: {' → '.join(nlp.pipe_names)}")
    click.echo(f"{'type':<30}{'gold':>6}{'recognised':>12}{'acc@161':>10}{'end-to-end':>12}")
    for row in scores["by_type"]:
        click.echo(f"{row['type']:<30}{row['gold']:>6}{row['recognised']:>12.3f}"
                   f"{row['acc@161']:>10.3f}{row['end_to_end']:>12.3f}")
    click.echo(f"precision of place mentions (against IDRISI's annotation): "
               f"{scores['precision']:.3f}")
    for kind, items in scores.get("errors", {}).items():
        click.echo(f"{kind}: " + "; ".join(" ".join(map(str, item)) for item in items[:30]))


COMMANDS = [geo_group]

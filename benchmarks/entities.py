"""The people, organisations and places marsad finds in news, to compare two versions of
the entity and places stages.

Writes the PERSON and ORG entities of the first articles of SaudiNewsNet (../shared, or
$MARSAD_SHARED), each article cut to its first 3,000 characters, with the text around each
mention, and every place mention with the place it was read as; then, given two such
files, counts what docs/entities.md reports, the place mentions and the readings of places
that changed most, and lists the entities whose reading changed (for a reader to judge).

    .venv/bin/python benchmarks/entities.py write before.json --articles 300
    ... change the code ...
    .venv/bin/python benchmarks/entities.py write after.json --articles 300
    .venv/bin/python benchmarks/entities.py compare before.json after.json
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from itertools import islice
from pathlib import Path

import marsad
from marsad.health import shared_dir

CORPUS = "data/corpus/saudinewsnet.jsonl.gz"
CHARS = 3000
BARE_TITLES = {"وزير", "وزيرة", "الوزير", "الوزيرة", "رئيس", "الرئيس"}
TYPES = ("PERSON", "ORG")
FIELDS = ("kb_id", "roles", "country", "sector")


def write(out: Path, articles: int) -> None:
    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared/data: set MARSAD_SHARED to the shared data folder")
    with gzip.open(shared / CORPUS, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in islice(f, articles)]
    entities = []
    for number, row in enumerate(rows):
        text = row["content"][:CHARS]
        published = (row.get("date_extracted") or "2015-06-01")[:10]
        analysis = marsad.analyze(text, published=published).to_dict()
        for entity in analysis["entities"]:
            if entity["type"] not in TYPES:
                continue
            entities.append({
                "article": number, "type": entity["type"], "name": entity["name"],
                **{field: entity[field] for field in FIELDS},
                "contexts": [text[max(0, m["start"] - 40):m["end"] + 40]
                             for m in entity["mentions"][:3]],
            })
        # every place mention, with the place it was read as (the places stage gives the
        # entity stage its countries)
        entities += [{"article": number, "type": "PLACE", "name": m["text"],
                      "place": [place["name_en"], place["country"], place["admin1"],
                                place["feature"]]}
                     for place in analysis["places"] for m in place["mentions"]]
    out.write_text(json.dumps(entities, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(entities)} people, organisations and place mentions in {len(rows)} articles"
          f" -> {out}")


def counts(entities: list[dict]) -> dict[str, int]:
    # imported here: `write` also runs with older versions of marsad, to compare with
    from marsad.ner.lexicon import name_proclitic
    from marsad.ner.model import shipped_lexicon

    people = [e for e in entities if e.get("type", "PERSON") == "PERSON"]
    organisations = [e for e in entities if e.get("type") == "ORG"]
    return {
        "people": len(people),
        "named by a bare title": sum(p["name"] in BARE_TITLES for p in people),
        "with a «و» or «ل» glued on": sum(
            bool(name_proclitic(p["name"].split()[0], shipped_lexicon())) for p in people),
        "with roles": sum(bool(p["roles"]) for p in people),
        "with a country": sum(bool(p["country"]) for p in people),
        "with a sector": sum(bool(p["sector"]) for p in people),
        "organisations": len(organisations),
        "organisations in the KB": sum(bool(o["kb_id"]) for o in organisations),
    }


def compare(before_file: Path, after_file: Path) -> None:
    before, after = (json.loads(f.read_text(encoding="utf-8")) for f in (before_file, after_file))
    for label, entities in (("before", before), ("after", after)):
        print(label, counts(entities))
    compare_places(*([e for e in entities if e["type"] == "PLACE"] for entities in (before, after)))
    before, after = ([e for e in entities if e["type"] in TYPES] for entities in (before, after))
    old = {(e["article"], e["name"]): e for e in before}
    new = {(e["article"], e["name"]): e for e in after}
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a and b and all(a.get(f) == b.get(f) for f in FIELDS):
            continue
        shown = {label: [e.get(f) for f in FIELDS] if e else None for label, e in (("was", a),
                                                                                 ("now", b))}
        print(key[1], shown, "|", (b or a)["contexts"][0].replace("\n", " "))


def compare_places(before: list[dict], after: list[dict], shown: int = 40) -> None:
    """Place mentions before and after, and the readings (mention → place) that became
    rarer or more frequent, most changed first."""
    old, new = (Counter((e["name"], *e["place"]) for e in places) for places in (before, after))
    print(f"place mentions {sum(old.values())} -> {sum(new.values())}")
    for reading, change in sorted(((r, new[r] - old[r]) for r in old.keys() | new.keys()),
                                  key=lambda item: -abs(item[1]))[:shown]:
        if change:
            print(f"  {change:+d}", reading)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    w = commands.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("--articles", type=int, default=300)
    c = commands.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        write(args.out, args.articles)
    else:
        compare(args.before, args.after)


if __name__ == "__main__":
    main()

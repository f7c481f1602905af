"""The people, organisations and places marsad finds in news, to compare two versions of
the entity and places stages.

Writes the PERSON and ORG entities of the first articles of SaudiNewsNet (../shared, or
$MARSAD_SHARED; ``--corpus armpro``, ``gsr`` or ``anercorp`` reads ArMPro's pages, the
Arabic event GSR's newswire or ANERcorp's instead), each article cut to its first 3,000
characters, with the text around each mention, and every place mention with the place it
was read as; then, given two such files, counts what docs/entities.md reports, the place
mentions and the readings of places that changed most, and lists the entities whose
reading changed (for a reader to judge).

    .venv/bin/python benchmarks/entities.py write before.json --articles 300
    ... change the code ...
    .venv/bin/python benchmarks/entities.py write after.json --articles 300
    .venv/bin/python benchmarks/entities.py compare before.json after.json

The links themselves are judged by a reader: ``sample`` draws linked people and
organisations (seeded) with their KB actor and contexts into files a reader fills with
verdicts («link», «roles», «country», «sector»: right, wrong, unsure or n/a), and
``tally`` counts the verdicts of the judged files:

    .venv/bin/python benchmarks/entities.py write new.json --skip 300 --articles 300
    .venv/bin/python benchmarks/entities.py sample new.json judge/ --per-type 150
    ... a reader writes judge/person_judged.jsonl and judge/org_judged.jsonl ...
    .venv/bin/python benchmarks/entities.py tally judge/*_judged.jsonl

``recheck`` says what became of the judged links with newer code (not blind: the same
sample), matching each judged entity by the text around its first mention:

    .venv/bin/python benchmarks/entities.py write newer.json --skip 300 --articles 300
    .venv/bin/python benchmarks/entities.py recheck newer.json judge/
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import json
import random
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import regex

import marsad
from marsad.health import shared_dir

CORPUS = "data/corpus/saudinewsnet.jsonl.gz"
# ArMPro's paragraphs of pan-Arab news (2005-2022, many outlets), a page's paragraphs joined:
# news of other years and countries than SaudiNewsNet's, for the KB's dated offices
ARMPRO = "data/framing/armpro/ArMPro_span_dev_V2.jsonl"
# the Arabic event GSR's newswire sentences, an article's joined in order: Gigaword's
# (Asharq Al-Awsat, An-Nahar …, 2000s) dated by their ids, the others undated, as much
# text users bring is
GSR = "data/events/arabic-event-gsr/protest_gsr.csv"
# ANERcorp's newswire (about 2002, undated), its tokens joined again and cut into
# articles of about 3,000 characters at sentence ends (the NER model trained on its tags;
# the linker never saw it)
ANERCORP = "data/ner/anercorp/train.txt"
CHARS = 3000
BARE_TITLES = {"وزير", "وزيرة", "الوزير", "الوزيرة", "رئيس", "الرئيس"}
TYPES = ("PERSON", "ORG")
FIELDS = ("kb_id", "roles", "country", "sector")


def news(corpus: str, articles: int, skip: int = 0) -> list[dict]:
    """Articles of a corpus in ../shared: ``text`` (its first 3,000 characters),
    ``published`` (ISO date or None) and ``url``."""
    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared/data: set MARSAD_SHARED to the shared data folder")
    if corpus == "armpro":
        return list(islice(_armpro_pages(shared / ARMPRO), skip, skip + articles))
    if corpus == "gsr":
        return list(islice(_gsr_articles(shared / GSR), skip, skip + articles))
    if corpus == "anercorp":
        return list(islice(_anercorp_articles(shared / ANERCORP), skip, skip + articles))
    with gzip.open(shared / CORPUS, "rt", encoding="utf-8") as f:
        return [{"text": row["content"][:CHARS], "url": row.get("url"),
                 "published": (row.get("date_extracted") or "2015-06-01")[:10]}
                for row in map(json.loads, islice(f, skip, skip + articles))]


def _armpro_pages(path: Path) -> Iterator[dict]:
    pages: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        pages.setdefault(row["page_id"], []).append(row)
    for rows in pages.values():
        rows.sort(key=lambda row: row["paragraph_id"])
        published = _page_date(rows[0].get("page_date") or "")
        yield {"text": "\n\n".join(row["paragraph"] for row in rows)[:CHARS],
               "url": rows[0].get("page_url"), "published": published and published.isoformat()}


def _gsr_articles(path: Path) -> Iterator[dict]:
    """Gigaword's sentences («AAW_ARB_20070111.0044-10»: the paper, the day, the story,
    the sentence) with their day; the others («<hash>_36») undated."""
    articles: dict[str, list[tuple[int, str]]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            gigaword = regex.fullmatch(r"(\w+_ARB_\d{8}\.\d+)-(\d+)", row["id"])
            article, number = gigaword.groups() if gigaword else row["id"].rsplit("_", 1)
            articles.setdefault(article, []).append((int(number), row["text"]))
    for article, sentences in articles.items():
        day = regex.search(r"_ARB_(\d{4})(\d\d)(\d\d)\.", article)
        yield {"text": "\n".join(text for _, text in sorted(sentences))[:CHARS], "url": None,
               "published": "-".join(day.groups()) if day else None}


def _anercorp_articles(path: Path) -> Iterator[dict]:
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.rsplit(" ", 1)[0] if " " in line else line
        words.append(word)
        if word in (".", "؟", "!") and sum(map(len, words)) + len(words) >= CHARS - 500:
            yield {"text": " ".join(words)[:CHARS], "url": None, "published": None}
            words = []
    if words:
        yield {"text": " ".join(words)[:CHARS], "url": None, "published": None}


def _page_date(value: str) -> dt.date | None:
    """ArMPro's page dates: ISO, «12 مايو/ أيار 2020», «الأحد 17 أيار / مايو 2020. 10:19»,
    «19:07:40  06 -05- 2020», «May 21, 2020 at …», «02/15/2021 …» (month first)."""
    from marsad.ingest.html import parse_iso_date
    from marsad.text.normalize import normalize
    from marsad.time.months import month_names

    if found := parse_iso_date(value):
        return found
    for pattern, width in (("%B %d, %Y", 3), ("%m/%d/%Y", 1)):
        try:
            return dt.datetime.strptime(" ".join(value.split()[:width]), pattern).date()
        except ValueError:
            continue
    words, months = regex.findall(r"\d+|\p{L}+", normalize(value).text), month_names()
    numbers = [int(word) for word in words if word.isdigit()]
    year = next((n for n in numbers if n > 1900), None)
    if year is None:
        return None
    if month := next((months[word] for word in words if word in months), None):
        day = next((n for n in numbers if 0 < n <= 31), None)
    else:  # day and month before the year, as digits
        at = numbers.index(year)
        day, month = numbers[at - 2:at] if at >= 2 else (None, None)
    try:
        return dt.date(year, month, day) if day and month else None
    except ValueError:
        return None


def write(out: Path, articles: int, skip: int = 0, corpus: str = "saudinewsnet") -> None:
    entities, rows = [], news(corpus, articles, skip)
    for number, article in enumerate(rows, start=skip):
        text, published = article["text"], article["published"]
        # (with its address: a paper's own copy names it as no other does)
        analysis = marsad.analyze(text, published=published, url=article["url"]).to_dict()
        for entity in analysis["entities"]:
            if entity["type"] not in TYPES:
                continue
            entities.append({
                "article": number, "date": published, "type": entity["type"],
                "name": entity["name"],
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
          f" of {corpus} -> {out}")


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


def sample(entities_file: Path, out: Path, per_type: int, seed: int = 15) -> None:
    """Linked people and organisations drawn at random, for a reader to judge."""
    from marsad.kb.model import load_kb

    kb, rng = load_kb(), random.Random(seed)
    entities = json.loads(entities_file.read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    for kind in TYPES:
        linked = [e for e in entities if e["type"] == kind and e.get("kb_id")]
        drawn = rng.sample(linked, min(per_type, len(linked)))
        lines = [json.dumps({
            "n": n, "date": e.get("date"),
            "linked_to": {"kb_id": e["kb_id"], "arabic": kb.actors[e["kb_id"]].name,
                          "english": kb.actors[e["kb_id"]].name_en},
            "said": {f: e[f] for f in FIELDS if f != "kb_id"}, "contexts": e["contexts"],
        }, ensure_ascii=False) for n, e in enumerate(drawn, start=1)]
        target = out / f"{kind.lower()}_sample.jsonl"
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(drawn)} of {len(linked)} linked {kind} mentions -> {target}")


def tally(judged: list[Path]) -> None:
    """The share of each verdict per field, over the lines each field was judged on."""
    for path in judged:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for field in ("link", "roles", "country", "sector"):
            verdicts = Counter(r[field] for r in rows if r.get(field) not in (None, "n/a"))
            total = sum(verdicts.values())
            if total:
                shares = ", ".join(f"{v} {c / total:.3f}" for v, c in verdicts.most_common())
                print(f"{path.name}: {field} ({total}): {shares}")


def recheck(entities_file: Path, judged_dir: Path) -> None:
    """Per type: judged-right links kept, lost or linked elsewhere, judged-wrong links
    fixed (unlinked), kept or linked elsewhere; the changed ones listed. A mention whose
    span changed shows as lost: read those."""
    entities = json.loads(entities_file.read_text(encoding="utf-8"))
    for kind in TYPES:
        drawn = (judged_dir / f"{kind.lower()}_sample.jsonl").read_text(encoding="utf-8")
        judged = (judged_dir / f"{kind.lower()}_judged.jsonl").read_text(encoding="utf-8")
        verdicts = {row["n"]: row["link"] for row in map(json.loads, judged.splitlines())}
        outcomes: Counter[str] = Counter()
        for row in map(json.loads, drawn.splitlines()):
            verdict, old = verdicts.get(row["n"]), row["linked_to"]["kb_id"]
            if verdict not in ("right", "wrong"):
                continue
            now = {e["kb_id"] for e in entities if e["type"] in TYPES
                   and row["contexts"][0] in e.get("contexts", [])} - {None}
            outcome = "kept" if old in now else "elsewhere" if now else "unlinked"
            outcomes[f"{verdict} {outcome}"] += 1
            if (verdict, outcome) != ("right", "kept") and (verdict, outcome) != \
                    ("wrong", "unlinked"):
                print(f"  {kind} {row['n']}: {verdict} {old} → {sorted(now)}  "
                      f"{row['contexts'][0][:60]!r}")
        print(kind, dict(sorted(outcomes.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    w = commands.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("--articles", type=int, default=300)
    w.add_argument("--skip", type=int, default=0, help="articles to pass over first")
    w.add_argument("--corpus", choices=("saudinewsnet", "armpro", "gsr", "anercorp"),
                   default="saudinewsnet",
                   help="SaudiNewsNet (31,030 articles, 2015), ArMPro's pages (496, 2005-2022)"
                        ", the event GSR's newswire (1,417 articles, most of 2006-2008) or"
                        " ANERcorp's (261, about 2002, undated)")
    c = commands.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    s = commands.add_parser("sample")
    s.add_argument("entities", type=Path)
    s.add_argument("out", type=Path)
    s.add_argument("--per-type", type=int, default=150)
    t = commands.add_parser("tally")
    t.add_argument("judged", type=Path, nargs="+")
    r = commands.add_parser("recheck")
    r.add_argument("entities", type=Path)
    r.add_argument("judged_dir", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        write(args.out, args.articles, args.skip, args.corpus)
    elif args.command == "sample":
        sample(args.entities, args.out, args.per_type)
    elif args.command == "tally":
        tally(args.judged)
    elif args.command == "recheck":
        recheck(args.entities, args.judged_dir)
    else:
        compare(args.before, args.after)


if __name__ == "__main__":
    main()

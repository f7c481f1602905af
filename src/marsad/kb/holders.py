"""``marsad eval holders``: office holders named by title alone («وزير الدفاع التركي»,
«أمير الكويت»), resolved on the article's date to the person who held the office.

The gold (``data/eval/holders.jsonl``, see ``data/eval/README.md``) was written from
general knowledge by writers who did not see marsad: each sentence is dated and names one
or more holders by title, with the holder's English name and, where the writer was sure,
Wikidata id. It measures the KB's coverage of offices and dates and the linking of titles
together: a holder the KB lacks, or lists with wrong dates, stays unlinked or is linked
to the wrong person.

A gold holder is matched to the PERSON entity with a mention over its title's place in
the text. The verdict is ``right`` (linked to the holder), ``wrong`` (linked to someone
else), ``unlinked`` (a person with no KB actor) or ``missing`` (no person there). The
holder is the KB actor when their Wikidata ids agree or, without ids, when their English
names do (``same_name``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence

from marsad.kb.coverage import promised
from marsad.kb.evaluate import analysed
from marsad.kb.model import load_kb

VERDICTS = ("right", "wrong", "unlinked", "missing")

# Words of an English name that do not tell two people apart: particles of Arabic
# names, styles and ordinals' "of".
_PARTICLES = frozenset({
    "al", "el", "ul", "bin", "ben", "ibn", "bint", "ould", "abu", "abou", "bou", "of",
    "the", "de", "van", "von", "der", "sheikh", "shaikh", "king", "emir", "amir",
    "prince", "sultan", "sayyid", "sir", "jr", "sr",
})


def _skeleton(word: str) -> str:
    """A spelling-blind key of a name word: its first letter (any vowel as «a») and the
    consonants after it, doubled letters once («Mohammed», «Mohamed», «Muhammad» →
    «mhmd»; «Irfan», «Erfan» → «arfn»)."""
    word = re.sub(r"(.)\1+", r"\1", word)
    return re.sub(r"^[aeiou]", "a", word[:1]) + re.sub(r"[aeiouy]", "", word[1:])


def name_words(name: str) -> list[str]:
    """The skeletons of a name's distinctive words; a regnal name ends before «of»
    («Salman of Saudi Arabia», «Abdullah II of Jordan»)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = plain.split(" of ")[0]
    return [_skeleton(w) for w in re.findall(r"[a-z]+", plain) if w not in _PARTICLES]


def same_name(gold: str, known: str) -> bool:
    """Whether two English names are one person's: the words of one (two at least, or
    a one-word name that is the other's first) all among the other's («Mohammed bin
    Salman» and «Mohammed bin Salman Al Saud»; not «Mohammed bin Abdulrahman Al Thani»
    and «Mohammed bin Hamad Al Thani»)."""
    shorter, longer = sorted((name_words(gold), name_words(known)), key=len)
    if len(shorter) < 2:  # a regnal name: «Salman» is «King Salman bin Abdulaziz»
        return bool(shorter) and shorter[0] == longer[0]
    if len(shorter) == len(longer) == 2 and shorter[1] == longer[1]:
        # a given name and its short form: «Nikolaos» and «Nikos Panagiotopoulos» (not
        # with a father's name between: «Hamad bin Jassim» is no «Hamad bin Khalifa»)
        return shorter[0][:2] == longer[0][:2]
    return set(shorter) <= set(longer)


def group_of(country: str) -> str:
    """The coverage.yaml group a country is promised in, else ``other``."""
    for group, countries in promised().groups.items():
        if country in countries:
            return group
    return "other"


def _title_spans(text: str, titles: Sequence[str]) -> list[tuple[int, int] | None]:
    """Where each title is, a repeated title at its next occurrence."""
    spans: list[tuple[int, int] | None] = []
    after: dict[str, int] = {}
    for title in titles:
        start = text.find(title, after.get(title, 0))
        spans.append(None if start < 0 else (start, start + len(title)))
        after[title] = start + 1 if start >= 0 else len(text)
    return spans


def verdict(gold: dict, entity: dict | None) -> str:
    if entity is None:
        return "missing"
    actor = load_kb().actors.get(entity.get("kb_id") or "")
    if actor is None:
        return "unlinked"
    if gold.get("qid") and actor.qid:
        return "right" if gold["qid"] == actor.qid else "wrong"
    return "right" if same_name(gold["en"], actor.name_en or "") else "wrong"


def _entity_at(entities: list[dict], span: tuple[int, int] | None) -> dict | None:
    if span is None:
        return None
    return next((e for e in entities if e["type"] == "PERSON" and any(
        m["start"] < span[1] and span[0] < m["end"] for m in e["mentions"])), None)


def evaluate(nlp, items: Sequence[dict]) -> dict:
    """Verdict counts and shares per group of countries and office, and every holder
    not resolved right."""
    counts: dict[str, Counter] = defaultdict(Counter)
    errors = []
    for item, record in analysed(nlp, items, "holders"):
        entities = record["entities"]
        spans = _title_spans(item["text"], [g["title"] for g in item["holders"]])
        for gold, span in zip(item["holders"], spans, strict=True):
            entity = _entity_at(entities, span)
            said = verdict(gold, entity)
            for key in (f"set {item['set']}", group_of(gold["country"]), gold["office"], "all"):
                counts[key][said] += 1
            if said != "right":
                errors.append({"item": f"{item['set']}{item['id']}", "date": item["date"],
                               "title": gold["title"], "gold": gold["en"], "verdict": said,
                               "marsad": entity and (entity.get("name_en") or entity["name"])})
    return {"rows": {key: _row(counts[key]) for key in sorted(counts, key=_order)},
            "errors": errors}


def _row(counts: Counter) -> dict:
    total = sum(counts.values())
    return {"holders": total, **{v: round(counts[v] / total, 3) for v in VERDICTS}}


def _order(key: str) -> tuple[int, str]:
    """Sets, then groups, then offices, then all."""
    known = [*promised().groups, "other", *promised().offices, "crown_prince", "all"]
    return (-1 if key.startswith("set ") else known.index(key) if key in known
            else len(known)), key

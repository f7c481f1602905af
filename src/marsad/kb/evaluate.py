"""``marsad eval people`` and ``marsad eval orgs``: the people and organisations of
hand-written news sentences, scored against what a careful reader says of them.

The gold (``data/eval/people.jsonl`` and ``orgs.jsonl``, see ``data/eval/README.md``) was
written for marsad from general knowledge by writers who did not see its code or output.
Each gold person or organisation is matched to the entity whose name or mention contains
the gold name, or the other way round (any entity type for an organisation, so that one
read as a place is found and its type scored). People are scored on role, country and
sector; organisations on type (ORG), country and sector, where a country the gold leaves
empty («الأمم المتحدة», «داعش») is a statement too: one given is wrong.

For people:

- a role counts when some role the entity has names the gold role's office: the same
  words (a feminine «وزيرة» is «وزير»), one the start of the other («مراسل قناة الجزيرة»
  and «مراسل»), or titles of ``roles.yaml`` that name one office («رئيس مجلس الوزراء»
  and «رئيس الوزراء»; «رئيس أركان الجيش الوطني الشعبي» and «رئيس الأركان»);
- country and sector count when equal to the gold's; a value where the gold has none
  is not scored.

A role, country or sector given but different from the gold's is counted apart
(``differ``): a wrong statement, or a role worded so differently that no title rule
relates the two («صهر الرئيس» for «كبير مستشاري الرئيس»); so are the people given a
role where the gold has none (``extra_roles``: mostly offices the KB knows for people the
text names without a title, which the gold leaves out). A former office («الرئيس
السابق») never counts for a holder the gold has in office.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from marsad.ingest.document import Document
from marsad.kb.lexicon import aliases, offices, out_of_office, spellings
from marsad.kb.mentions import title_at
from marsad.pipeline import analyze_documents
from marsad.text.normalize import normalize_key

# feminine title words read as the masculine («وزيرة الخارجية» is «وزير الخارجية»)
FEMININE = {"وزيره": "وزير", "رئيسه": "رئيس", "سفيره": "سفير", "نائبه": "نائب",
            "مندوبه": "مندوب", "مستشاره": "مستشار", "مراسله": "مراسل", "مديره": "مدير"}


@dataclass(frozen=True)
class Kind:
    """What one gold file scores."""

    key: str  # the gold items' list of entries, and the gold file's stem
    fields: tuple[str, ...]
    entity_types: frozenset[str] | None  # the entities an entry may match; None: any
    empty_is_stated: frozenset[str] = frozenset()  # fields whose empty gold value is scored
    listed_type: str | None = None  # entities of this type that match no entry are counted


PEOPLE = Kind("people", ("role", "country", "sector"), frozenset({"PERSON"}))
ORGS = Kind("orgs", ("type", "country", "sector"), None, frozenset({"country"}), "ORG")


def shipped_gold(kind: Kind = PEOPLE) -> Path:
    return gold_file(kind.key)


def gold_file(stem: str) -> Path:
    """A gold file shipped in data/eval/ («people», «orgs», «holders»)."""
    return Path(str(resources.files("marsad.kb").joinpath(f"data/eval/{stem}.jsonl")))


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


@dataclass
class Tally:
    """Counts for one set of sentences."""

    kind: Kind = PEOPLE
    entries: int = 0
    found: int = 0
    gold: dict[str, int] = field(default_factory=dict)
    right: dict[str, int] = field(default_factory=dict)
    differ: dict[str, int] = field(default_factory=dict)
    extra_roles: int = 0
    unlisted: int = 0  # entities of the kind's listed type that match no gold entry

    def __post_init__(self) -> None:
        for counts in (self.gold, self.right, self.differ):
            counts.update(dict.fromkeys(self.kind.fields, 0))

    def add(self, gold: dict, entity: dict | None) -> dict[str, str]:
        """Score one gold entry against its entity; the verdict per field."""
        self.entries += 1
        verdict: dict[str, str] = {}
        if entity is None:
            return {self.kind.key: "missing"}
        self.found += 1
        for name in self.kind.fields:
            wanted, given = _values(name, gold, entity)
            if not wanted and name not in self.kind.empty_is_stated:
                self.extra_roles += name == "role" and bool(given)
                continue
            self.gold[name] += 1
            right = any(same_office(g, p, gold.get("former", False))
                        for g in wanted for p in given) if name == "role" else wanted == given
            if right:
                self.right[name] += 1
            elif given:
                self.differ[name] += 1
                verdict[name] = "differs"
            else:
                verdict[name] = "missing"
        return verdict

    def to_dict(self) -> dict:
        extra = {"extra_roles": self.extra_roles} if "role" in self.kind.fields else \
            {"unlisted": self.unlisted}
        return {
            self.kind.key: self.entries, "found": _share(self.found, self.entries),
            **{name: _share(self.right[name], self.gold[name]) for name in self.kind.fields},
            "differ": dict(self.differ), **extra,
        }


def _values(name: str, gold: dict, entity: dict) -> tuple:
    """The gold's and the entity's value of one field."""
    if name == "role":
        return gold["roles"], entity["roles"]
    if name == "type":
        return gold.get("type", "ORG"), entity["type"]
    return gold[name], entity[name]


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def evaluate(nlp, items: Sequence[dict], kind: Kind = PEOPLE) -> dict:
    """Scores per set and for all items, and the entries with a value missing or
    different from the gold's."""
    tallies: dict[str, Tally] = {}
    errors = []
    for item, record in analysed(nlp, items, kind.key):
        entities = [e for e in record["entities"]
                    if kind.entity_types is None or e["type"] in kind.entity_types]
        keys = (item["set"], "all")
        matched = []
        for gold in item[kind.key]:
            entity = match(gold["name"], entities, kind.listed_type)
            matched.append(entity)
            verdicts = [tallies.setdefault(key, Tally(kind)).add(gold, entity) for key in keys]
            if verdicts[0]:
                errors.append({"item": f"{item['set']}{item['id']}", "gold": gold,
                               "entity": entity and {k: entity[k] for k in
                                                     ("name", "type", "roles", "country",
                                                      "sector")},
                               "verdict": verdicts[0]})
        for entity in entities:
            if entity["type"] == kind.listed_type and \
                    not any(entity is m for m in matched):
                for key in keys:
                    tallies.setdefault(key, Tally(kind)).unlisted += 1
                errors.append({"item": f"{item['set']}{item['id']}", "gold": None,
                               "entity": {k: entity[k] for k in
                                          ("name", "type", "country", "sector")},
                               "verdict": {kind.key: "not in the gold"}})
    order = sorted(tallies, key=lambda key: (key == "all", key))
    return {"sets": {key: tallies[key].to_dict() for key in order},
            "errors": errors}


def analysed(nlp, items: Sequence[dict], origin: str) -> Iterator[tuple[dict, dict]]:
    """Each gold item with the Analysis record, as a dict, of its text on its date."""
    documents = [Document(text=item["text"], origin=f"{origin}:{item['set']}{item['id']}",
                          published=dt.date.fromisoformat(item["date"])) for item in items]
    for item, record in zip(items, analyze_documents(documents, nlp=nlp), strict=True):
        yield item, record.to_dict()


def match(name: str, entities: Iterable[dict], prefer: str | None = None) -> dict | None:
    """The entity the gold name is: a name or mention containing it, or contained in it
    (at least three letters and half its words: «ولايتي» is not «علي أكبر ولايتي»), the
    one sharing most words with it, an entity of ``prefer``'s type before others."""
    wanted = _key(name)
    words = set(wanted.split())
    found = [e for e in entities
             if any(_contains(wanted, _key(text)) for text in _texts(e))]
    return max(found, key=lambda e: (e.get("type") == prefer, max(
        len(set(_key(text).split()) & words) for text in _texts(e))), default=None)


def _texts(entity: dict) -> list[str]:
    """An entity's name and the texts of its mentions."""
    return [entity["name"], *(m["text"] for m in entity["mentions"])]


def _contains(a: str, b: str) -> bool:
    return len(b) >= 3 and (a in b or (b in a and 2 * len(b.split()) >= len(a.split())))


def same_office(gold: str, given: str, former: bool = False) -> bool:
    """Whether two role labels name one office (see the module's docstring); a former
    office («الرئيس السابق») only for a ``former`` holder."""
    if not former and any(out_of_office().match_at(given.split(), i)
                          for i in range(len(given.split()))):
        return False
    bare = _without_body(given) if _bodies(gold) in (set(), _bodies(given)) else []
    return any(_same_label(gold, label) for label in (given, *bare))


def _bodies(role: str) -> set[str]:
    """The KB organisations a role label names («زعيم حزب الله»: Hezbollah)."""
    return {a.actor.id for m in aliases().find_all(role.split()) for a in m.values
            if a.actor.type == "ORG"}


def _same_label(gold: str, given: str) -> bool:
    a, b = _title_key(gold), _title_key(given)
    return a == b or a.startswith(b) or b.startswith(a) or \
        bool(_office_keys(gold) & _office_keys(given))


def _without_body(given: str) -> list[str]:
    """A label marsad wrote with its body («زعيم جماعة أنصار الله», roles.yaml
    `with_body`) is also read without it when the gold names no body the KB knows, or
    the same one («زعيم الحوثيين»): the body is more than the gold may say. Not a label
    that alone names many offices: «رئيس» may be a president, a prime minister, a
    speaker."""
    return [o.label for o in offices().values()
            if o.with_body and given.startswith(o.label + " ")
            and o.key in (keys := _office_keys(o.label)) and len(keys) <= 2]


def _office_keys(role: str) -> set[str]:
    """The offices a role label names: by its label, or by the title it is or begins
    with («رئيس أركان الجيش الوطني الشعبي» begins with «رئيس أركان الجيش»), unless that
    title is a construct that may name several offices («رئيس …»)."""
    words = role.split()
    keys = {key for key, office in offices().items() if office.label == role}
    found, agreeing = title_at(words, 0)
    if found:
        named = {key for title in agreeing for key in title.roles}
        if found.end == len(words) or len(named) == 1 or \
                not any(title.construct for title in agreeing):
            keys |= named
    return keys


def _key(text: str) -> str:
    """Matching key of a name, its compounds joined («عبد الله» is «عبدالله»)."""
    joined = min(spellings(text), key=len)
    return " ".join(normalize_key(word) for word in joined.split())


def _title_key(text: str) -> str:
    return " ".join(FEMININE.get(word, word) for word in _key(text).split())

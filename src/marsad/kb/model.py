"""The actor knowledge base: who is who, since when, in which office.

Actors are read from the YAML files in ``kb/data/actors/``. A file is a list of groups;
a group gives the defaults (``country``, ``type``, ``sector``) its actors share:

.. code-block:: yaml

    - country: TUR
      sector: GOV
      actors:
        - id: tur.akar
          name: خلوصي أكار
          en: Hulusi Akar
          aliases: [خلوصي آكار]      # full forms: safe to find anywhere in a text
          short: [أكار, آكار]        # surnames: only for a mention NER found, or one that
                                     # follows the full name in the same article
          roles:
            - [defence_minister, 2018-07-10, 2023-06-03]
            - {role: chief_of_staff, from: 2015-08-18, to: 2018-07-10, sector: MIL}

A medium may list names it goes by only in quotation marks (``quoted: [الشرق الأوسط]``,
the paper, not the region: «قال لـ«الشرق الأوسط»»), its web host (``site: al-jazirah.com``)
and names it goes by in quotation marks in its own copy only (``own_quoted: [الجزيرة]``:
«مصادر لـ«الجزيرة»» in Al-Jazirah is the paper, elsewhere maybe Qatar's channel).

An actor of a topic of news (``topic: football``, ``data/topics.yaml``) may list names it
goes by in stories of that topic (``in_topic: [الاتحاد الأوروبي]``, UEFA): there they name
it, not the actor they name elsewhere.

Dates are ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (a partial date means its first day);
``to`` is the first day out of office, absent while in office. A role's ``org`` names the
organisation actor it belongs to (``lby.gna``), whose country it inherits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from marsad.datafiles import load_yaml
from marsad.text.normalize import normalize_key

# PLOVER sector codes (PLOVER manual, "Sector Codes"), plus the codes PLOVER uses in the
# country field for non-state international actors, which marsad keeps as sectors because
# its country field is strictly ISO 3166-1 alpha-3.
SECTORS = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",  # frequent
    "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL",
    "SOC",
    "IGO", "NGO",  # PLOVER's non-state "countries", kept as sectors
})
FOUNDING_MARGIN = dt.timedelta(days=183)
TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "MISC"})


def parse_date(value: object) -> dt.date | None:
    """A YAML date: a ``date``, ``"YYYY-MM-DD"``, ``"YYYY-MM"`` or ``YYYY``; None if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    parts = [int(p) for p in text.split("-")]
    if not 1 <= len(parts) <= 3:
        raise ValueError(f"not a date: {text!r}")
    return dt.date(*parts, *[1] * (3 - len(parts)))


@dataclass(frozen=True, slots=True)
class Role:
    role: str  # a key of roles.yaml
    start: dt.date | None
    end: dt.date | None  # first day out of office; None while in office
    org: str | None = None  # id of the organisation actor the office belongs to
    country: str | None = None  # when it differs from the actor's (or the org's)
    sector: str | None = None  # when it differs from the role's default

    def active(self, day: dt.date | None) -> bool:
        """In office on ``day``; with no date, any role counts as held."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    type: str
    name: str
    name_en: str | None
    qid: str | None
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]  # every full form, the canonical name first
    short: tuple[str, ...]
    roles: tuple[Role, ...] = ()
    start: dt.date | None = None  # organisations: when it existed (or held that name)
    end: dt.date | None = None
    source: str = ""  # the data file, for error messages
    topic: str | None = None  # a topic of news (data/topics.yaml): football
    in_topic: tuple[str, ...] = ()  # names it goes by in stories of its topic
    quoted: tuple[str, ...] = ()  # names that are its only in quotation marks
    site: str | None = None  # a medium's web host: what it publishes is its own copy
    own_quoted: tuple[str, ...] = ()  # names that are its in quotation marks in its own copy

    def exists(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def founded_long_after(self, day: dt.date | None) -> bool:
        """Founded more than half a year after ``day``: words that name it then name
        another body («حكومة الوحدة الوطنية» of Chad in 1979, not Libya's of 2021); in the
        months before its formal start the press may name a body already."""
        return bool(day and self.start and day < self.start - FOUNDING_MARGIN)

    def roles_on(self, day: dt.date | None) -> list[Role]:
        return [r for r in self.roles if r.active(day)]


@dataclass
class KnowledgeBase:
    actors: dict[str, Actor]
    problems: list[str] = field(default_factory=list)  # what failed to parse, file: reason

    def by_role(self, roles: Iterable[str]) -> Iterator[tuple[Actor, Role]]:
        wanted = set(roles)
        for actor in self.actors.values():
            for role in actor.roles:
                if role.role in wanted:
                    yield actor, role

    def role_country(self, actor: Actor, role: Role) -> str | None:
        """The country an office belongs to: its own, its organisation's, the actor's."""
        if role.country:
            return role.country
        if role.org in self.actors:
            return self.actors[role.org].country  # null for an IGO: the office is not national
        return actor.country


def _role(item: object, source: str) -> Role:
    if isinstance(item, list):
        key, start, end = [*item, None, None][:3]
        return Role(str(key), parse_date(start), parse_date(end))
    if isinstance(item, dict):
        unknown = set(item) - {"role", "from", "to", "org", "country", "sector"}
        if unknown:
            raise ValueError(f"unknown role fields {sorted(unknown)}")
        return Role(
            str(item["role"]), parse_date(item.get("from")), parse_date(item.get("to")),
            item.get("org"), item.get("country"), item.get("sector"),
        )
    raise ValueError(f"a role is a list [role, from, to] or a mapping, not {item!r}")


_ACTOR_FIELDS = {
    "id", "name", "en", "qid", "type", "country", "sector", "aliases", "short", "roles",
    "from", "to", "note", "topic", "in_topic", "quoted", "site", "own_quoted",
}


def _actor(entry: dict, defaults: dict, source: str) -> Actor:
    unknown = set(entry) - _ACTOR_FIELDS
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    merged = {**defaults, **entry}
    return Actor(
        id=str(merged["id"]),
        type=merged.get("type", "PERSON"),
        name=merged["name"],
        name_en=merged.get("en"),
        qid=merged.get("qid"),
        country=merged.get("country"),
        sector=merged.get("sector"),
        aliases=tuple(dict.fromkeys([merged["name"], *merged.get("aliases", [])])),
        short=tuple(merged.get("short", [])),
        roles=tuple(_role(r, source) for r in merged.get("roles", [])),
        start=parse_date(merged.get("from")),
        end=parse_date(merged.get("to")),
        source=source,
        topic=merged.get("topic"),
        in_topic=tuple(merged.get("in_topic", [])),
        quoted=tuple(merged.get("quoted", [])),
        site=merged.get("site"),
        own_quoted=tuple(merged.get("own_quoted", [])),
    )


def read_actor_file(text: str, source: str) -> tuple[list[Actor], list[str]]:
    """Actors of one data file, and a line per entry that does not parse."""
    actors: list[Actor] = []
    problems: list[str] = []
    try:
        groups = load_yaml(text) or []
    except (yaml.YAMLError, ValueError) as exc:  # a bad date is a ValueError inside PyYAML
        return [], [f"{source}: not valid YAML ({exc})"]
    for group in groups:
        defaults = {k: v for k, v in group.items() if k != "actors"}
        for entry in group.get("actors", []):
            try:
                actors.append(_actor(entry, defaults, source))
            except (KeyError, ValueError, TypeError) as exc:
                problems.append(f"{source}: {entry.get('id', entry)}: {exc}")
    return actors, problems


def actor_files() -> list:
    folder = resources.files("marsad.kb").joinpath("data/actors")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The shipped knowledge base (cached: it is read once per process)."""
    actors: dict[str, Actor] = {}
    problems: list[str] = []
    for file in actor_files():
        found, bad = read_actor_file(file.read_text(encoding="utf-8"), f"actors/{file.name}")
        problems += bad
        for actor in found:
            if actor.id in actors:
                problems.append(f"{actor.source}: {actor.id}: id already used")
            actors[actor.id] = actor
    return KnowledgeBase(actors, problems)


def words(text: str) -> tuple[str, ...]:
    """The matching keys of the words of a name (punctuation such as ‑ or . dropped)."""
    return tuple(normalize_key(w) for w in text.replace("-", " ").split())

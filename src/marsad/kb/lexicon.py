"""The linguistic data of the KB stage: titles and offices, organisation patterns, the
alias indexes over the actors, and the rules for aliases that name several actors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from marsad.datafiles import load_yaml
from marsad.kb.index import PhraseIndex
from marsad.kb.model import Actor, load_kb


@cache  # several indexes read roles.yaml: parse it once
def _data(name: str) -> dict | list:
    text = resources.files("marsad.kb").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return load_yaml(text)


@dataclass(frozen=True, slots=True)
class Office:
    key: str
    label: str
    sector: str | None
    family: str | None


@dataclass(frozen=True, slots=True)
class Title:
    """What a title form in the text names."""

    form: str
    roles: tuple[str, ...] = ()
    family: str | None = None
    construct: bool = False  # needs its country or organisation after it
    country: str | None = None  # a title proper to one country («خادم الحرمين الشريفين»)
    rank: str | None = None  # a military rank: the sector it implies, no office


@lru_cache(maxsize=1)
def offices() -> dict[str, Office]:
    roles = _data("roles.yaml")["roles"]
    return {k: Office(k, v["label"], v.get("sector"), v.get("family")) for k, v in roles.items()}


@lru_cache(maxsize=1)
def titles() -> PhraseIndex[Title]:
    index: PhraseIndex[Title] = PhraseIndex()
    for entry in _data("roles.yaml")["titles"]:
        for form in entry["forms"]:
            index.add(form, Title(
                form, tuple(entry.get("roles", ())), entry.get("family"),
                bool(entry.get("construct")), entry.get("country"), entry.get("rank"),
            ))
    return index


@lru_cache(maxsize=1)
def honorifics() -> PhraseIndex[str]:
    return PhraseIndex().add_all((h, h) for h in _data("roles.yaml")["honorifics"])


@lru_cache(maxsize=1)
def anaphors() -> PhraseIndex[str]:
    return PhraseIndex().add_all((a, a) for a in _data("roles.yaml")["anaphors"])


def role_matches(role: str, title: Title) -> bool:
    """Whether an office (a role key) is one the title can name."""
    if role in title.roles:
        return True
    office = offices().get(role)
    return bool(title.family and office and office.family == title.family)


def roles_named(titles: Iterable[Title]) -> frozenset[str]:
    """Every office key some title of ``titles`` can name: the roles ``r`` for which
    ``role_matches(r, title)`` holds, to test many roles against one set."""
    titles = tuple(titles)
    families = {t.family for t in titles if t.family}
    return frozenset({r for t in titles for r in t.roles}
                     | {k for k, o in offices().items() if o.family in families})


@dataclass(frozen=True, slots=True)
class OrgHead:
    form: str
    sector: str  # a PLOVER sector, or "inherit"
    default: str | None  # the sector when inheriting from a bare nisba


@lru_cache(maxsize=1)
def org_heads() -> PhraseIndex[OrgHead]:
    index: PhraseIndex[OrgHead] = PhraseIndex()
    for entry in _data("org_patterns.yaml")["heads"]:
        for form in entry["forms"]:
            index.add(form, OrgHead(form, entry["sector"], entry.get("default")))
    return index


@lru_cache(maxsize=1)
def leader_heads() -> PhraseIndex[str]:
    return PhraseIndex().add_all((h, h) for h in _data("org_patterns.yaml")["leader_heads"])


@lru_cache(maxsize=1)
def org_middles() -> PhraseIndex[str]:
    return PhraseIndex().add_all((m, m) for m in _data("org_patterns.yaml")["middles"])


@lru_cache(maxsize=1)
def ambiguous() -> list[dict]:
    return _data("ambiguous.yaml")


@dataclass(frozen=True, slots=True)
class Alias:
    actor: Actor
    short: bool  # a surname or short form: needs context to be trusted


@lru_cache(maxsize=1)
def aliases() -> PhraseIndex[Alias]:
    """Every alias of every actor, full and short."""
    index: PhraseIndex[Alias] = PhraseIndex()
    for actor in load_kb().actors.values():
        for form in actor.aliases:
            index.add(form, Alias(actor, False))
        for form in actor.short:
            index.add(form, Alias(actor, True))
    return index

"""How much of what the KB promises it knows: for each promised country and office
(kb/data/coverage.yaml), the share of the period's days on which some actor held it, and
the gaps, as spans of days.

Days are counted as spans, not one by one: an office's terms are merged into disjoint
spans, the exempt days (no such office, a vacancy) are taken out of the period, and what
is left of the period outside the terms is the gap.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from marsad.datafiles import read_yaml
from marsad.kb.lexicon import offices
from marsad.kb.model import KnowledgeBase, load_kb, parse_date

Span = tuple[dt.date, dt.date]  # [first day, first day after)


@dataclass(frozen=True, slots=True)
class Row:
    country: str
    office: str
    days: int  # days that need a holder: the period less the exempt ones
    held: int  # of those, days with a holder in the KB
    gaps: tuple[Span, ...]
    exempt: tuple[str, ...]  # notes of the exemptions that apply

    @property
    def share(self) -> float:
        return self.held / self.days if self.days else 1.0


@dataclass(frozen=True, slots=True)
class Spec:
    period: Span
    offices: dict[str, frozenset[str]]  # office → the role keys that hold it
    groups: dict[str, tuple[str, ...]]
    exempt: tuple[dict, ...]


def read_spec(data: dict | None = None) -> Spec:
    """The promise of kb/data/coverage.yaml (or ``data`` shaped like it)."""
    data = data if data is not None else read_yaml("marsad.kb", "data/coverage.yaml")
    start, end = (parse_date(d) for d in data["period"])
    roles = offices()
    wanted = {
        name: frozenset(entry.get("roles", ()))
        | {key for key, office in roles.items()
           if "family" in entry and office.family == entry["family"]}
        for name, entry in data["offices"].items()
    }
    return Spec((start, end), wanted, {g: tuple(cs) for g, cs in data["groups"].items()},
                tuple(data.get("exempt", ())))


@cache
def promised() -> Spec:
    """What the shipped coverage.yaml promises (read once)."""
    return read_spec()


def merge(spans: Iterable[Span]) -> list[Span]:
    """Disjoint, sorted spans covering the same days."""
    merged: list[Span] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def subtract(spans: list[Span], holes: list[Span]) -> list[Span]:
    """The days of merged ``spans`` outside merged ``holes``."""
    left: list[Span] = []
    for start, end in spans:
        for hole_start, hole_end in holes:
            if hole_end <= start or hole_start >= end:
                continue
            if hole_start > start:
                left.append((start, hole_start))
            start = max(start, hole_end)
            if start >= end:
                break
        if start < end:
            left.append((start, end))
    return left


def _days(spans: Iterable[Span]) -> int:
    return sum((end - start).days for start, end in spans)


def _clip(span: Span, period: Span) -> Span:
    return max(span[0], period[0]), min(span[1], period[1])


def terms(kb: KnowledgeBase, spec: Spec) -> dict[tuple[str, str], list[Span]]:
    """(country, office) → the spans some actor held it, within the period."""
    found: dict[tuple[str, str], list[Span]] = defaultdict(list)
    first, last = spec.period
    for actor in kb.actors.values():
        for role in actor.roles:
            country = kb.role_country(actor, role)
            for office, keys in spec.offices.items():
                if role.role in keys:
                    found[country, office].append(
                        _clip((role.start or first, role.end or last), spec.period))
    return found


def coverage(kb: KnowledgeBase | None = None, spec: Spec | None = None) -> list[Row]:
    """A row per promised country and office, in the order of the groups."""
    kb = kb or load_kb()
    spec = spec or promised()
    held = terms(kb, spec)
    rows = []
    countries = dict.fromkeys(c for group in spec.groups.values() for c in group)
    for country in countries:
        for office in spec.offices:
            rules = [e for e in spec.exempt if e["country"] == country and e["office"] == office]
            exempt = merge(_clip((parse_date(e.get("from")) or spec.period[0],
                                  parse_date(e.get("to")) or spec.period[1]), spec.period)
                           for e in rules)
            needed = subtract([spec.period], exempt)
            gaps = subtract(needed, merge(held[country, office]))
            rows.append(Row(country, office, _days(needed), _days(needed) - _days(gaps),
                            tuple(gaps), tuple(e["note"] for e in rules)))
    return rows


def summary(rows: list[Row], spec: Spec | None = None) -> dict[str, dict[str, float]]:
    """group → office → the share of needed days held, over the group's countries."""
    spec = spec or promised()
    by_key = {(r.country, r.office): r for r in rows}
    table: dict[str, dict[str, float]] = {}
    for group, countries in spec.groups.items():
        table[group] = {}
        for office in spec.offices:
            picked = [by_key[c, office] for c in countries]
            needed = sum(r.days for r in picked)
            table[group][office] = sum(r.held for r in picked) / needed if needed else 1.0
    return table

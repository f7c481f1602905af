"""Event fusion: reports of one real-world event, in many articles, become one fused event.

A report joins a fused event when nothing contradicts it (same PLOVER type, polarity and
mode; dates within the window; actors, recipients and place not in conflict) and at
least one thing positively ties them (a shared actor, recipient or place, or the same
trigger in a wire copy of the same story). Unresolved names never contradict: two
different surface forms may be the same actor, two different linked ids are not.
Every report is kept: the fused event only points at them, and its article, outlet and
story counts are recounted from them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from marsad.store.index import AREA_FEATURES, ActorRef, EventProfile, PlaceRef

Relation = Literal["same", "conflict", "unknown"]

WINDOW_DAYS = 2  # a fused event spans at most this many days
PLACE_RADIUS_KM = 50.0


@dataclass
class Cluster:
    """The fused event's state, as fusion needs it."""

    type: str
    mode: str | None
    polarity: str
    day_first: int | None
    day_last: int | None
    place: PlaceRef | None
    actors: dict[str, str] = field(default_factory=dict)  # key -> name
    recipients: dict[str, str] = field(default_factory=dict)
    stories: set[str] = field(default_factory=set)  # "story_id|trigger key"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _point(place: PlaceRef) -> bool:
    return place.lat is not None and place.lon is not None and place.feature not in AREA_FEATURES


def place_relation(a: PlaceRef | None, b: PlaceRef | None) -> Relation:
    if a is None or b is None:
        return "unknown"
    if a.key == b.key:
        return "same"
    if a.country and b.country and a.country != b.country:
        return "conflict"
    if _point(a) and _point(b):
        near = distance_km(a.lat, a.lon, b.lat, b.lon) <= PLACE_RADIUS_KM
        return "same" if near else "conflict"
    return "unknown"  # e.g. a city and its province: neither same nor different


def _resolved(keys: set[str]) -> bool:
    return any(k.startswith(("kb:", "cs:")) for k in keys)


def actor_relation(a: set[str], b: set[str]) -> Relation:
    if not a or not b:
        return "unknown"
    if a & b:
        return "same"
    return "conflict" if _resolved(a) and _resolved(b) else "unknown"


def actor_keys(actors: list[ActorRef]) -> dict[str, str]:
    return {key: actor.name for actor in actors for key in actor.keys}


def _days_fit(day: int | None, cluster: Cluster) -> bool | None:
    """True/False when both are dated; None when either is not."""
    if day is None or cluster.day_first is None:
        return None
    return max(abs(day - cluster.day_first), abs(day - cluster.day_last)) <= WINDOW_DAYS


def score(report: EventProfile, cluster: Cluster) -> int | None:
    """How many things tie the report to the fused event; None when it cannot join."""
    event = report.event
    if (event.type, report.polarity) != (cluster.type, cluster.polarity):
        return None
    if event.mode and cluster.mode and event.mode != cluster.mode:
        return None
    wire_copy = bool(report.stories & cluster.stories)
    dated = _days_fit(report.day, cluster)
    if dated is False or (dated is None and not wire_copy):
        return None
    relations = [
        place_relation(report.place, cluster.place),
        actor_relation(set(actor_keys(report.actors)), set(cluster.actors)),
        actor_relation(set(actor_keys(report.recipients)), set(cluster.recipients)),
    ]
    if "conflict" in relations:
        return None
    ties = relations.count("same") + wire_copy
    return ties or None


def best_cluster(report: EventProfile, clusters: list[Cluster]) -> int | None:
    """Index of the fused event the report joins, or None for a new one."""
    scored = [(s, -i) for i, c in enumerate(clusters) if (s := score(report, c)) is not None]
    return -max(scored)[1] if scored else None


def new_cluster(report: EventProfile) -> Cluster:
    cluster = Cluster(report.event.type, report.event.mode, report.polarity, report.day,
                      report.day, report.place)
    merge(cluster, report)
    return cluster


def merge(cluster: Cluster, report: EventProfile) -> None:
    if report.day is not None:
        cluster.day_first = min(cluster.day_first or report.day, report.day)
        cluster.day_last = max(cluster.day_last or report.day, report.day)
    cluster.mode = cluster.mode or report.event.mode
    if report.place and (cluster.place is None or _more_precise(report.place, cluster.place)):
        cluster.place = report.place
    cluster.actors.update(actor_keys(report.actors))
    cluster.recipients.update(actor_keys(report.recipients))
    cluster.stories |= report.stories


def _more_precise(a: PlaceRef, b: PlaceRef) -> bool:
    return _point(a) and not _point(b)

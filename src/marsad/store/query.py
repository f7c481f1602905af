"""Structured queries over the store, shared by ``marsad query`` and the REST API.

:class:`EventFilter` holds the filters both accept; every list is paginated with
``limit``/``offset`` and returns plain JSON-ready dicts.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, and_, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from marsad.store.index import stem_key
from marsad.store.models import (
    ArticleRow,
    EntityRow,
    EventActorRow,
    EventRow,
    FusedEventRow,
    PlaceRow,
)
from marsad.store.search import matching_articles, snippet

KM_PER_DEGREE = 111.2
MAX_LIMIT = 500


class EventFilter(BaseModel):
    """Filters on events; an event matches when one of its reports matches them all."""

    q: str | None = Field(None, description="full-text query on the reporting article")
    actor: str | None = Field(None, description="actor: KB id, store key or name")
    country: str | None = Field(None, description="ISO alpha-3 of the place or an actor")
    sector: str | None = Field(None, description="PLOVER sector code of an actor (GOV, MIL…)")
    type: str | None = Field(None, description="PLOVER event type (ASSAULT, CONSULT…)")
    mode: str | None = Field(None, description="PLOVER mode")
    place: str | None = Field(None, description="place name or key")
    lat: float | None = Field(None, ge=-90, le=90, description="centre for `km`")
    lon: float | None = Field(None, ge=-180, le=180, description="centre for `km`")
    km: float | None = Field(None, gt=0, description="within this distance of lat/lon")
    date_from: dt.date | None = Field(None, description="first day, YYYY-MM-DD")
    date_to: dt.date | None = Field(None, description="last day, YYYY-MM-DD")
    outlet: str | None = Field(None, description="source outlet of a report")
    stance: str | None = Field(None, description="attribution stance of a report")
    # a closed set: an unknown value is refused, not read as "asserted"
    polarity: Literal["asserted", "negated", "hypothetical"] | None = Field(
        None, description="asserted, negated or hypothetical")
    article: str | None = Field(None, description="id of an article reporting the event")

    def conditions(self, session: Session) -> list[ColumnElement]:
        """Conditions on EventRow (joined with ArticleRow)."""
        found: list[ColumnElement] = []
        if self.type:
            found.append(EventRow.type == self.type.upper())
        if self.mode:
            found.append(EventRow.mode == self.mode)
        if self.outlet:
            found.append(ArticleRow.source == self.outlet)
        if self.stance:
            found.append(EventRow.stance == self.stance)
        if self.polarity:
            found.append(_polarity(self.polarity))
        if self.article:
            found.append(EventRow.article_id == self.article)
        if self.date_from:
            found.append(EventRow.day >= self.date_from.toordinal())
        if self.date_to:
            found.append(EventRow.day <= self.date_to.toordinal())
        if self.actor:
            found.append(_with_actor(EventActorRow.key.in_(actor_keys(session, self.actor))))
        if self.sector:
            found.append(_with_actor(EventActorRow.sector == self.sector.upper()))
        if self.country:
            code = self.country.upper()
            found.append(or_(EventRow.country == code, _with_actor(EventActorRow.country == code)))
        if self.place:
            found.append(EventRow.place_key.in_(place_keys(session, self.place)))
        if self.km is not None and self.lat is not None and self.lon is not None:
            found.append(_near(self.lat, self.lon, self.km))
        if self.q:
            matched = matching_articles(session, self.q)
            ids = matched[0].with_only_columns(matched[0].selected_columns[0]) if matched else []
            found.append(EventRow.article_id.in_(ids))
        return found


def _polarity(value: str) -> ColumnElement:
    return {
        "negated": EventRow.negated.is_(True),
        "hypothetical": and_(EventRow.hypothetical.is_(True), EventRow.negated.is_(False)),
    }.get(value, and_(EventRow.negated.is_(False), EventRow.hypothetical.is_(False)))


def _with_actor(condition: ColumnElement) -> ColumnElement:
    return exists().where(EventActorRow.event_id == EventRow.id, condition)


def _near(lat: float, lon: float, km: float) -> ColumnElement:
    """Within ``km`` of a point: an equirectangular distance, plain arithmetic that every
    database can index-scan (exact to a fraction of a percent at these ranges)."""
    scale = math.cos(math.radians(lat))
    dy = EventRow.lat - lat
    dx = (EventRow.lon - lon) * scale
    radius = km / KM_PER_DEGREE
    return and_(EventRow.lat.is_not(None), EventRow.lat.between(lat - radius, lat + radius),
                dx * dx + dy * dy <= radius * radius)


def actor_keys(session: Session, actor: str) -> list[str]:
    """Store keys an actor argument may mean: a key as is, a KB id, or a name (of a linked
    entity too: «وقطر» finds the actor linked to Qatar's KB id)."""
    name = stem_key(actor)
    linked = select(EntityRow.key).where(EntityRow.name_key == name).union(
        select(EventActorRow.key).where(EventActorRow.name_key == name))
    return list(dict.fromkeys([actor, f"kb:{actor}", f"name:{name}",
                               *session.scalars(linked)]))


def place_keys(session: Session, place: str) -> list[str]:
    by_name = select(PlaceRow.key).where(
        or_(PlaceRow.key == f"name:{stem_key(place)}", PlaceRow.name == place,
            func.lower(PlaceRow.name_en) == place.lower())
    ).distinct()
    return list(dict.fromkeys([place, f"name:{stem_key(place)}", *session.scalars(by_name)]))


def page_bounds(limit: int, offset: int) -> tuple[int, int]:
    return max(0, min(limit, MAX_LIMIT)), max(0, offset)


def _iso(day: int | None) -> str | None:
    return dt.date.fromordinal(day).isoformat() if day else None


# Fused events ---------------------------------------------------------------------------

def fused_ids_query(session: Session, flt: EventFilter):
    return (select(EventRow.fused_id)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .where(*flt.conditions(session)))


def events(session: Session, flt: EventFilter, limit: int = 50, offset: int = 0,
           reports: bool = True) -> dict:
    """Fused events that have a report matching the filter, newest first."""
    limit, offset = page_bounds(limit, offset)
    where = FusedEventRow.id.in_(fused_ids_query(session, flt))
    total = session.scalar(select(func.count()).select_from(FusedEventRow).where(where))
    rows = session.scalars(
        select(FusedEventRow).where(where)
        .order_by(FusedEventRow.day_first.desc().nulls_last(), FusedEventRow.n_articles.desc(),
                  FusedEventRow.id)
        .limit(limit).offset(offset)
    ).all()
    items = [fused_event_dict(row) for row in rows]
    if reports:
        attach_reports(session, items)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def event(session: Session, fused_id: int) -> dict | None:
    row = session.get(FusedEventRow, fused_id)
    if row is None:
        return None
    item = fused_event_dict(row)
    attach_reports(session, [item])
    return item


def _names(keys: dict[str, str]) -> list[str]:
    """Display names of the actors behind a set of keys (country+sector keys are aliases)."""
    return list(dict.fromkeys(n for k, n in keys.items() if not k.startswith("cs:")))


def fused_event_dict(row: FusedEventRow) -> dict:
    place = None
    if row.place_key:
        place = {"key": row.place_key, "name": row.place_name, "feature": row.place_feature,
                 "lat": row.lat, "lon": row.lon, "country": row.country}
    return {
        "id": row.id, "type": row.type, "mode": row.mode, "polarity": row.polarity,
        "date_first": _iso(row.day_first), "date_last": _iso(row.day_last), "place": place,
        "actors": _names(row.actors.get("actor", {})),
        "recipients": _names(row.actors.get("recipient", {})),
        "actor_keys": sorted(k for k in row.actors.get("actor", {}) if not k.startswith("cs:")),
        "recipient_keys": sorted(
            k for k in row.actors.get("recipient", {}) if not k.startswith("cs:")
        ),
        "n_reports": row.n_reports, "n_articles": row.n_articles, "n_outlets": row.n_outlets,
        "n_stories": row.n_stories, "intensity": row.intensity,
    }


def attach_reports(session: Session, items: list[dict]) -> None:
    """Each fused event's reports: the article, the sentence and who said it."""
    by_id = {item["id"]: item for item in items}
    for item in items:
        item["reports"] = []
    rows = session.execute(
        select(EventRow, ArticleRow.title, ArticleRow.source, ArticleRow.url,
               ArticleRow.published, ArticleRow.story_id)
        .join(ArticleRow, ArticleRow.id == EventRow.article_id)
        .where(EventRow.fused_id.in_(list(by_id)))
        .order_by(ArticleRow.published, EventRow.id)
    ).all()
    for ev, title, source, url, published, story in rows:
        by_id[ev.fused_id]["reports"].append({
            "article_id": ev.article_id, "event_id": ev.local_id, "title": title,
            "source": source, "url": url, "published": published, "story_id": story,
            "date": ev.date, "trigger": ev.trigger, "sentence": ev.sentence,
            "sentence_start": ev.sentence_start, "sentence_end": ev.sentence_end,
            "stance": ev.stance, "attributed_to": ev.attributed_to,
            "source_type": ev.source_type, "negated": ev.negated,
            "hypothetical": ev.hypothetical, "confidence": ev.confidence,
            "intensity": ev.intensity,
            "actors": [a.name for a in ev.actors if a.role == "actor"],
            "recipients": [a.name for a in ev.actors if a.role == "recipient"],
        })


# Articles and search --------------------------------------------------------------------

class ArticleFilter(BaseModel):
    q: str | None = Field(None, description="full-text query")
    outlet: str | None = Field(None, description="source outlet")
    date_from: dt.date | None = Field(None, description="published on or after")
    date_to: dt.date | None = Field(None, description="published on or before")
    story: str | None = Field(None, description="story id: the article's near-duplicates")


class SearchFilter(ArticleFilter):
    """``GET /search``: a query is required, and it may be matched by meaning."""

    q: str = Field(..., min_length=1, max_length=500,
                   description="words to find (full text), or what to find (semantic)")
    mode: Literal["fulltext", "semantic"] = Field(
        "fulltext", description="fulltext: Arabic words across clitics and spellings; "
                                "semantic: by meaning, from Arabic or English")


def article_summary(row: ArticleRow) -> dict:
    return {"id": row.id, "title": row.title, "published": row.published,
            "source": row.source, "url": row.url, "language": row.language,
            "story_id": row.story_id, "n_events": row.n_events}


def article_conditions(flt: ArticleFilter) -> list[ColumnElement]:
    """Conditions on ArticleRow for every filter but the full-text query ``q``."""
    found: list[ColumnElement] = []
    if flt.outlet:
        found.append(ArticleRow.source == flt.outlet)
    if flt.date_from:
        found.append(ArticleRow.published >= flt.date_from.isoformat())
    if flt.date_to:
        found.append(ArticleRow.published <= flt.date_to.isoformat())
    if flt.story:
        found.append(ArticleRow.story_id == flt.story)
    return found


def articles(session: Session, flt: ArticleFilter, limit: int = 50, offset: int = 0) -> dict:
    limit, offset = page_bounds(limit, offset)
    query = select(ArticleRow)
    order = [ArticleRow.published.desc().nulls_last(), ArticleRow.id]
    if flt.q:
        matched = matching_articles(session, flt.q)
        if matched is None:
            return {"total": 0, "limit": limit, "offset": offset, "items": []}
        sub = matched[0].subquery()
        query = query.join(sub, sub.c.article_id == ArticleRow.id)
        order = [sub.c.rank, ArticleRow.id]
    query = query.where(*article_conditions(flt))
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    rows = session.scalars(query.order_by(*order).limit(limit).offset(offset)).all()
    items = [article_summary(row) for row in rows]
    sizes = story_sizes(session, [row.story_id for row in rows])
    for item in items:
        item["story_size"] = sizes.get(item["story_id"], 1)
    if flt.q:
        for item, row in zip(items, rows, strict=True):
            item["snippet"] = snippet(row.text, flt.q)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def story_sizes(session: Session, story_ids: list[str]) -> dict[str, int]:
    rows = session.execute(select(ArticleRow.story_id, func.count())
                           .where(ArticleRow.story_id.in_(story_ids))
                           .group_by(ArticleRow.story_id)).all()
    return dict(rows)


# Actors, places, network, timeline, stats -----------------------------------------------

def actors(session: Session, q: str | None = None, country: str | None = None,
           limit: int = 50, offset: int = 0) -> dict:
    """Actors (linked entities and event participants) by the events they take part in."""
    limit, offset = page_bounds(limit, offset)
    found = all_actors(session)
    if q:
        wanted = stem_key(q)  # empty for "*" or "'": such a query names no one
        found = [a for a in found if wanted and any(wanted in stem_key(n) for n in a["names"])]
    if country:
        found = [a for a in found if a["country"] == country.upper()]
    return {"total": len(found), "limit": limit, "offset": offset,
            "items": found[offset : offset + limit]}


def all_actors(session: Session) -> list[dict]:
    table: dict[str, dict] = {}
    entity_rows = session.execute(
        select(EntityRow.key, EntityRow.name, EntityRow.type, EntityRow.kb_id,
               EntityRow.country, EntityRow.sector, func.count(distinct(EntityRow.article_id)),
               func.sum(EntityRow.mentions))
        .group_by(EntityRow.key, EntityRow.name, EntityRow.type, EntityRow.kb_id,
                  EntityRow.country, EntityRow.sector)
    ).all()
    for key, name, etype, kb_id, ctry, sector, n_articles, n_mentions in entity_rows:
        entry = table.setdefault(key, _actor_entry(key, name, kb_id, ctry, sector))
        _fill(entry, kb_id=kb_id, country=ctry, sector=sector, type=etype)
        entry["names"][name] += n_mentions or 0
        entry["n_articles"] += n_articles
    event_rows = session.execute(
        select(EventActorRow.key, EventActorRow.name, EventActorRow.kb_id,
               EventActorRow.country, EventActorRow.sector,
               func.count(distinct(EventRow.fused_id)))
        .join(EventRow, EventRow.id == EventActorRow.event_id)
        .group_by(EventActorRow.key, EventActorRow.name, EventActorRow.kb_id,
                  EventActorRow.country, EventActorRow.sector)
    ).all()
    for key, name, kb_id, ctry, sector, n_events in event_rows:
        entry = table.setdefault(key, _actor_entry(key, name, kb_id, ctry, sector))
        _fill(entry, kb_id=kb_id, country=ctry, sector=sector)
        entry["names"][name] += 0
        entry["n_events"] += n_events
    found = [_finish_actor(e) for e in table.values()]
    found.sort(key=lambda a: (-a["n_events"], -a["n_articles"], a["name"]))
    return found


def _actor_entry(key, name, kb_id, country, sector) -> dict:
    return {"id": key, "name": name, "type": None, "kb_id": kb_id, "country": country,
            "sector": sector, "names": Counter(), "n_articles": 0, "n_events": 0}


def _fill(entry: dict, **values) -> None:
    """Fill the fields one row left empty from another row of the same actor."""
    for name, value in values.items():
        entry[name] = entry.get(name) or value


def _finish_actor(entry: dict) -> dict:
    names = [n for n, _ in entry["names"].most_common()]
    return {**entry, "name": names[0] if names else entry["name"], "names": names}


def actor(session: Session, key: str) -> dict | None:
    keys = actor_keys(session, key)
    match = next((a for a in all_actors(session) if a["id"] in keys), None)
    if match is None:
        return None
    flt = EventFilter(actor=match["id"])
    match["events"] = events(session, flt, limit=50)["items"]
    match["partners"] = network(session, flt)["edges"]
    return match


def places(session: Session, q: str | None = None, country: str | None = None,
           limit: int = 50, offset: int = 0) -> dict:
    limit, offset = page_bounds(limit, offset)
    query = (select(PlaceRow.key, func.max(PlaceRow.name), func.max(PlaceRow.name_en),
                    func.max(PlaceRow.country), func.max(PlaceRow.feature),
                    func.avg(PlaceRow.lat), func.avg(PlaceRow.lon),
                    func.count(distinct(PlaceRow.article_id)), func.sum(PlaceRow.mentions))
             .group_by(PlaceRow.key))
    if country:
        query = query.where(PlaceRow.country == country.upper())
    if q:
        query = query.where(or_(PlaceRow.key == f"name:{stem_key(q)}", PlaceRow.name == q,
                                func.lower(PlaceRow.name_en) == q.lower()))
    rows = session.execute(query).all()
    n_events = dict(session.execute(
        select(EventRow.place_key, func.count(distinct(EventRow.fused_id)))
        .where(EventRow.place_key.is_not(None)).group_by(EventRow.place_key)
    ).all())
    found = [
        {"id": key, "name": name, "name_en": name_en, "country": ctry, "feature": feature,
         "lat": lat, "lon": lon, "n_articles": n_articles, "n_mentions": n_mentions or 0,
         "n_events": n_events.get(key, 0)}
        for key, name, name_en, ctry, feature, lat, lon, n_articles, n_mentions in rows
    ]
    found.sort(key=lambda p: (-p["n_events"], -p["n_articles"], p["name"]))
    return {"total": len(found), "limit": limit, "offset": offset,
            "items": found[offset : offset + limit]}


def network(session: Session, flt: EventFilter) -> dict:
    """Who acts on whom: actor → recipient edges weighted by fused events and intensity."""
    actor, recipient = EventActorRow.__table__.alias("a"), EventActorRow.__table__.alias("r")
    rows = session.execute(
        select(actor.c.key, actor.c.name, actor.c.country, actor.c.sector,
               recipient.c.key, recipient.c.name, recipient.c.country, recipient.c.sector,
               EventRow.fused_id, EventRow.intensity)
        .join(actor, and_(actor.c.event_id == EventRow.id, actor.c.role == "actor"))
        .join(recipient, and_(recipient.c.event_id == EventRow.id,
                              recipient.c.role == "recipient"))
        .join(ArticleRow, ArticleRow.id == EventRow.article_id)
        .where(*flt.conditions(session))
    ).all()
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str], dict] = defaultdict(lambda: {"fused": set(), "intensity": []})
    for a_key, a_name, a_c, a_s, r_key, r_name, r_c, r_s, fused_id, intensity in rows:
        for key, name, ctry, sector in ((a_key, a_name, a_c, a_s), (r_key, r_name, r_c, r_s)):
            node = nodes.setdefault(key, {"id": key, "name": name, "country": ctry,
                                          "sector": sector, "fused": set()})
            node["fused"].add(fused_id)
        edge = edges[(a_key, r_key)]
        if fused_id not in edge["fused"]:
            edge["fused"].add(fused_id)
            if intensity is not None:
                edge["intensity"].append(intensity)
    return {
        "nodes": [{**{k: v for k, v in n.items() if k != "fused"}, "n_events": len(n["fused"])}
                  for n in nodes.values()],
        "edges": [{"source": s, "target": t, "source_name": nodes[s]["name"],
                   "target_name": nodes[t]["name"], "weight": len(e["fused"]),
                   "intensity": _mean(e["intensity"])}
                  for (s, t), e in sorted(edges.items(), key=lambda x: -len(x[1]["fused"]))],
    }


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def timeline(session: Session, flt: EventFilter) -> dict:
    """Fused events per first day and type."""
    rows = session.execute(
        select(FusedEventRow.day_first, FusedEventRow.type, func.count())
        .where(FusedEventRow.id.in_(fused_ids_query(session, flt)),
               FusedEventRow.day_first.is_not(None))
        .group_by(FusedEventRow.day_first, FusedEventRow.type)
        .order_by(FusedEventRow.day_first)
    ).all()
    return {"items": [{"date": _iso(day), "type": etype, "events": n} for day, etype, n in rows]}


def stats(session: Session) -> dict:
    def count(column) -> int:
        return session.scalar(select(func.count(distinct(column)))) or 0

    dates = session.execute(select(func.min(ArticleRow.published),
                                   func.max(ArticleRow.published))).one()
    return {
        "articles": session.scalar(select(func.count()).select_from(ArticleRow)) or 0,
        "events": session.scalar(select(func.count()).select_from(EventRow)) or 0,
        "fused_events": session.scalar(select(func.count()).select_from(FusedEventRow)) or 0,
        "entities": count(EntityRow.key),
        "sources": count(ArticleRow.source),
        "stories": count(ArticleRow.story_id),
        "places": count(PlaceRow.key),
        "first_published": dates[0],
        "last_published": dates[1],
    }


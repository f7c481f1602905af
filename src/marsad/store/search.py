"""Full-text search in Arabic across clitics and spelling variants.

Articles are indexed by the stems of their words (matching keys: hamzas, ta marbuta, alef
maqsura and diacritics folded). A query word matches any of its candidate stems, so
«وأنقرة» finds «أنقرة» and «انقره», and «بالعاصمة» finds «العاصمة». SQLite uses an FTS5
table (ranked by bm25), PostgreSQL a GIN index over ``to_tsvector('simple', …)``.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, func, literal_column, select, text
from sqlalchemy.orm import Session

from marsad.store.db import FTS_TABLE
from marsad.store.index import WORD, words
from marsad.store.models import ArticleRow
from marsad.text.clitics import stems


def query_groups(query: str) -> list[tuple[str, ...]]:
    """Each query word as the tuple of stems that may stand for it (any of them matches)."""
    groups = []
    for word in words(query):
        group = tuple(s for s in stems(word) if words(s) == [s])
        if group:
            groups.append(group)
    return groups


def fts5_expression(groups: list[tuple[str, ...]]) -> str:
    # Stems are letters and digits only (see query_groups): quoting them is enough.
    return " AND ".join("(" + " OR ".join(f'"{s}"' for s in group) + ")" for group in groups)


def tsquery_expression(groups: list[tuple[str, ...]]) -> str:
    return " & ".join("(" + " | ".join(group) + ")" for group in groups)


def matching_articles(session: Session, query: str) -> tuple[Select, ColumnElement] | None:
    """A select of (article_id, rank) for the articles matching ``query``, best first when
    ordered by rank ascending; None when the query has no searchable word."""
    groups = query_groups(query)
    if not groups:
        return None
    if session.bind.dialect.name == "sqlite":
        sub = (
            select(literal_column("article_id").label("article_id"),
                   literal_column(f"bm25({FTS_TABLE})").label("rank"))
            .select_from(text(FTS_TABLE))
            .where(text(f"{FTS_TABLE} MATCH :fts").bindparams(fts=fts5_expression(groups)))
            .subquery()
        )
        return select(sub.c.article_id, sub.c.rank), sub.c.rank
    vector = func.to_tsvector(literal_column("'simple'"), ArticleRow.search_text)
    tsquery = func.to_tsquery(literal_column("'simple'"), tsquery_expression(groups))
    rank = -func.ts_rank(vector, tsquery)
    sub = (select(ArticleRow.id.label("article_id"), rank.label("rank"))
           .where(vector.op("@@")(tsquery)).subquery())
    return select(sub.c.article_id, sub.c.rank), sub.c.rank


def snippet(article_text: str, query: str, width: int = 90) -> dict:
    """The passage around the first word that matches the query, with its offsets."""
    wanted = {s for group in query_groups(query) for s in group}
    for match in WORD.finditer(article_text):
        if wanted & set(stems(match.group())):
            start = max(0, match.start() - width)
            end = min(len(article_text), match.end() + width)
            return {"text": article_text[start:end], "offset": start,
                    "match": [match.start() - start, match.end() - start]}
    return {"text": article_text[: 2 * width], "offset": 0, "match": None}

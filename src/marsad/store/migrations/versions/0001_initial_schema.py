"""Initial schema: articles, near-duplicate buckets, entities, places, events, actors,
fused events, and full-text search (SQLite FTS5 table or PostgreSQL GIN index).

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


def _place_columns() -> list[sa.Column]:
    return [
        sa.Column("place_key", sa.String(300)),
        sa.Column("place_name", sa.Text()),
        sa.Column("place_feature", sa.String(16)),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
    ]


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column])


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("url", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.String(10)),
        sa.Column("source", sa.String(200)),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("text_sha256", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("story_id", sa.String(32), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.Column("n_events", sa.Integer(), nullable=False),
        sa.Column("record", sa.LargeBinary(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
    )
    _index("articles", "published", "source", "story_id")

    op.create_table(
        "lsh_buckets",
        sa.Column("band", sa.SmallInteger(), primary_key=True),
        sa.Column("bucket", sa.BigInteger(), primary_key=True),
        sa.Column("article_id", sa.String(32), _article_fk(), primary_key=True),
    )

    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(32), _article_fk(), nullable=False),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.String(300), nullable=False),
        sa.Column("name_en", sa.Text()),
        sa.Column("kb_id", sa.String(64)),
        sa.Column("country", sa.String(3)),
        sa.Column("sector", sa.String(8)),
        sa.Column("mentions", sa.Integer(), nullable=False),
    )
    _index("entities", "article_id", "kb_id", "key", "name_key")

    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(32), _article_fk(), nullable=False),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_en", sa.Text()),
        sa.Column("country", sa.String(3)),
        sa.Column("admin1", sa.Text()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("feature", sa.String(16)),
        sa.Column("geonames_id", sa.BigInteger()),
        sa.Column("mentions", sa.Integer(), nullable=False),
    )
    _index("places", "article_id", "country", "key")

    op.create_table(
        "fused_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("polarity", sa.String(16), nullable=False),
        sa.Column("day_first", sa.Integer()),
        sa.Column("day_last", sa.Integer()),
        *_place_columns(),
        sa.Column("country", sa.String(3)),
        sa.Column("actors", sa.JSON(), nullable=False),
        sa.Column("stories", sa.JSON(), nullable=False),
        sa.Column("n_reports", sa.Integer(), nullable=False),
        sa.Column("n_articles", sa.Integer(), nullable=False),
        sa.Column("n_outlets", sa.Integer(), nullable=False),
        sa.Column("n_stories", sa.Integer(), nullable=False),
        sa.Column("intensity", sa.Float()),
    )
    _index("fused_events", "day_first", "type")

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(32), _article_fk(), nullable=False),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("fused_id", sa.Integer(), sa.ForeignKey("fused_events.id")),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("date", sa.String(10)),
        sa.Column("day", sa.Integer()),
        *_place_columns(),
        sa.Column("country", sa.String(3)),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("hypothetical", sa.Boolean(), nullable=False),
        sa.Column("intensity", sa.Float()),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("stance", sa.String(16)),
        sa.Column("attributed_to", sa.Text()),
        sa.Column("source_type", sa.String(16)),
    )
    _index("events", "article_id", "country", "day", "fused_id", "stance", "type")

    op.create_table(
        "event_actors",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("role", sa.String(9), nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.String(300), nullable=False),
        sa.Column("kb_id", sa.String(64)),
        sa.Column("country", sa.String(3)),
        sa.Column("sector", sa.String(8)),
    )
    _index("event_actors", "country", "event_id", "key", "name_key", "sector")

    if op.get_bind().dialect.name == "sqlite":
        # Word stems, already normalised by marsad: FTS5 only has to split on spaces.
        op.execute("CREATE VIRTUAL TABLE article_fts USING fts5("
                   "article_id UNINDEXED, body, tokenize='unicode61 remove_diacritics 0')")
    else:
        op.execute("CREATE INDEX ix_articles_search_tsv ON articles "
                   "USING gin (to_tsvector('simple', search_text))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE article_fts")
    for table in ("event_actors", "events", "fused_events", "places", "entities",
                  "lsh_buckets", "articles"):
        op.drop_table(table)

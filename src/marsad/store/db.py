"""Opening a store: database URLs, SQLite settings, and schema migrations (Alembic)."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

DEFAULT_DB = "marsad.db"
FTS_TABLE = "article_fts"  # SQLite FTS5 table (PostgreSQL: an index on articles)


class StoreError(Exception):
    """A store that cannot be opened or used; the message says how to fix it."""


def database_url(db: str | None) -> str:
    """A SQLAlchemy URL from ``--db``: a URL as is, a file path as SQLite, else the default
    (``$MARSAD_DB`` or ``./marsad.db``)."""
    db = db or os.environ.get("MARSAD_DB") or DEFAULT_DB
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    if db.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship; plain postgresql:// would ask for psycopg2.
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def make_engine(db: str | None) -> Engine:
    url = make_url(database_url(db))
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            folder = Path(url.database).expanduser().resolve().parent
            if not folder.is_dir():
                raise StoreError(f"folder {folder} does not exist: create it or pick another --db")
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    raise StoreError(f"unsupported database {url.get_backend_name()!r}: use a file path, "
                     "sqlite:///FILE or postgresql://USER@HOST/DB")


def _sqlite_pragmas(connection, _record) -> None:
    # WAL lets the API read while an ingest writes; NORMAL sync is safe with WAL.
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is current)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("marsad.store") / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")

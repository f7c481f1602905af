"""Alembic environment: marsad runs migrations itself (marsad.store.db.migrate), on the
connection it opened; `alembic` on the command line is not needed."""

from alembic import context

from marsad.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()

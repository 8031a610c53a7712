"""Alembic environment: migrations always run on a connection that the store has keyed."""

from alembic import context

from db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_name=lambda name, type_, parent: not (name or "").startswith("case_search"),
)
with context.begin_transaction():
    context.run_migrations()

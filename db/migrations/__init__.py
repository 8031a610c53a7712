"""Alembic migrations of the store schema, run on open (after a backup copy) by `db.store`."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, text

# The newest revision in versions/; tests check it matches Alembic's own view.
HEAD = "0013"


def current_revision(conn: Connection) -> str | None:
    has_table = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
    ).first()
    if not has_table:
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(conn: Connection):  # type: ignore[no-untyped-def]
    """Alembic's configuration for running on `conn` (Alembic is imported only when needed)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent))
    cfg.attributes["connection"] = conn
    return cfg


def upgrade(conn: Connection, revision: str = "head") -> None:
    """Bring the schema up to `revision` on an open connection."""
    from alembic import command

    command.upgrade(alembic_config(conn), revision)

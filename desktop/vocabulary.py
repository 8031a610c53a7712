"""The records' words the window shows and decides on (roles, stages), so that `ui/` imports
them from the core and never from how `db/` stores them."""

from __future__ import annotations

from db.models import Role, Stage

__all__ = ["Role", "Stage"]

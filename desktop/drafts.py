"""Drafts: what someone typed but has not saved yet, kept in the encrypted store.

A dialog or form saves its draft every few seconds and on lock, so a power cut, a crash or a
switch of user loses nothing. Drafts belong to one person; nobody else sees them. They are not
audited (they are not yet part of any case); saving the real record is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import Draft
from desktop import access
from desktop.session import UserSession


@dataclass(frozen=True)
class SavedDraft:
    data: dict[str, object]
    updated_at: datetime


@access.signed_in
def save_draft(
    us: UserSession,
    kind: str,
    key: str,
    data: dict[str, object],
    *,
    writer: str | None = None,
    sequence: int = 0,
) -> bool:
    """Keep `data`; False when a newer draft from the same `writer` (an open form) is already
    there. Saves run in the background and may finish out of order: the one taken later wins,
    so typing is never replaced by an older copy of itself."""
    if writer is not None:
        data = {**data, ORDER: {"writer": writer, "sequence": sequence}}
    text = json.dumps(data, ensure_ascii=False, default=str)
    with us.store.write() as s:
        draft = s.execute(
            select(Draft).where(Draft.user_id == us.user.id, Draft.kind == kind, Draft.key == key)
        ).scalar_one_or_none()
        if draft is not None and writer is not None and _newer(draft.data, writer, sequence):
            return False
        if draft is None:
            s.add(
                Draft(
                    user_id=us.user.id, kind=kind, key=key, data=text, updated_at=datetime.now(UTC)
                )
            )
        else:
            draft.data, draft.updated_at = text, datetime.now(UTC)
    return True


ORDER = "saved_by"  # in a draft's data: which open form took it, and its count of saves


def _newer(stored: str, writer: str, sequence: int) -> bool:
    try:
        order = json.loads(stored).get(ORDER) or {}
    except (ValueError, AttributeError):
        return False
    return order.get("writer") == writer and int(order.get("sequence", -1)) > sequence


@access.signed_in
def load_draft(us: UserSession, kind: str, key: str) -> SavedDraft | None:
    with us.store.read() as s:
        draft = s.execute(
            select(Draft).where(Draft.user_id == us.user.id, Draft.kind == kind, Draft.key == key)
        ).scalar_one_or_none()
        return None if draft is None else SavedDraft(json.loads(draft.data), draft.updated_at)


@access.signed_in
def discard_draft(us: UserSession, kind: str, key: str) -> None:
    with us.store.write() as s:
        discard_draft_in(s, us, kind, key)


def discard_draft_in(s: Session, us: UserSession, kind: str, key: str) -> None:
    """Drop a draft in the unit of work that saves the real record."""
    s.execute(
        delete(Draft).where(Draft.user_id == us.user.id, Draft.kind == kind, Draft.key == key)
    )


@access.signed_in
def drafts_under(us: UserSession, kind: str, prefix: str) -> dict[str, datetime]:
    """This person's drafts of `kind` whose key starts with `prefix`: key -> last saved."""
    with us.store.read() as s:
        rows = s.execute(
            select(Draft.key, Draft.updated_at).where(
                Draft.user_id == us.user.id, Draft.kind == kind, Draft.key.startswith(prefix)
            )
        )
        return {key: when for key, when in rows}

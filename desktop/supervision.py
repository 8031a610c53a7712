"""Supervision notes: a supervisor records a session with one of their caseworkers (Standard 15,
indicator 15.8; guidance note 4 [80]–[81]).

A note is about the worker, not about a child: it names the cases discussed by number only, it
is seen by that worker, supervisors and managers, and it never appears on a case document, in a
case's history or in a package. Recording one is audited with who and how many cases, never
what was said.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound, PermissionDenied
from db.models import Case, Role, SupervisionNote, User
from desktop import access
from desktop.session import UserSession

RECORDED = "supervision.recorded"
MAX_TEXT = 5000


@dataclass(frozen=True)
class SupervisionNoteInfo:
    id: int
    worker_id: int
    worker: str
    supervisor: str
    held_on: date
    case_numbers: tuple[str, ...]
    decisions: str
    follow_up: str


@dataclass(frozen=True)
class Supervisee:
    """A caseworker a supervisor may record a session with, and when they last did."""

    id: int
    name: str
    last_supervised: date | None
    case_numbers: tuple[str, ...]  # their open cases, to choose the ones discussed


def _team_ids(s: Session, us: UserSession) -> list[int] | None:
    """Whose notes `us` may read: None for everyone (a manager); a supervisor's team and
    themself; a caseworker only themself."""
    if Role.MANAGER in us.user.roles:
        return None
    if Role.SUPERVISOR in us.user.roles:
        team = s.execute(
            select(User.id).where(or_(User.supervisor_id == us.user.id, User.id == us.user.id))
        ).scalars()
        return list(team)
    return [us.user.id]


def _last_sessions(s: Session, ids: Sequence[int] | None) -> dict[int, date]:
    query = select(SupervisionNote.worker_id, func.max(SupervisionNote.held_on)).group_by(
        SupervisionNote.worker_id
    )
    if ids is not None:
        query = query.where(SupervisionNote.worker_id.in_(ids))
    return dict(s.execute(query).all())


@access.requires(
    Role.SUPERVISOR,
    action=QT_TRANSLATE_NOOP("errors", "record supervision sessions"),
)
def supervisees(us: UserSession) -> list[Supervisee]:
    """The caseworkers this supervisor supervises, with their last session and open cases."""
    with us.store.read() as s:
        team = list(
            s.execute(
                select(User.id, User.full_name)
                .where(User.supervisor_id == us.user.id, User.active)
                .order_by(User.full_name)
            )
        )
        ids = [i for i, _ in team]
        last = _last_sessions(s, ids)
        numbers: dict[int, list[str]] = {i: [] for i in ids}
        for worker, number in s.execute(
            select(Case.caseworker_id, Case.case_number)
            .where(Case.caseworker_id.in_(ids), Case.status == "open")
            .order_by(Case.case_number)
        ):
            numbers[worker].append(number)
        return [Supervisee(i, name, last.get(i), tuple(numbers[i])) for i, name in team]


@access.requires(
    Role.SUPERVISOR,
    action=QT_TRANSLATE_NOOP("errors", "record supervision sessions"),
)
def record_supervision(
    us: UserSession,
    worker_id: int,
    held_on: date,
    case_numbers: Sequence[str],
    decisions: str,
    follow_up: str = "",
) -> SupervisionNoteInfo:
    """Record a supervision session with one of this supervisor's caseworkers."""
    decisions, follow_up = decisions.strip(), follow_up.strip()
    if not decisions:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "Write what was decided: the caseworker reads it in their notes."
            )
        )
    if held_on > date.today():
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "A supervision session is recorded once it has taken place."
            )
        )
    if held_on < date.today() - timedelta(days=366):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The session's date is more than a year ago.")
        )
    if len(decisions) > MAX_TEXT or len(follow_up) > MAX_TEXT:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Keep each part of the note under 5,000 characters.")
        )
    try:
        with us.store.write() as s:
            worker = s.get(User, worker_id)
            if worker is None:
                raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The caseworker"))
            if worker.supervisor_id != us.user.id:
                raise PermissionDenied(
                    action=QT_TRANSLATE_NOOP(
                        "errors", "record a supervision session for another supervisor's team"
                    )
                )
            wanted = sorted({n.strip() for n in case_numbers if n.strip()})
            found = dict(
                s.execute(
                    select(Case.case_number, Case.id).where(
                        Case.case_number.in_(wanted), Case.caseworker_id == worker_id
                    )
                ).all()
            )
            missing = [n for n in wanted if n not in found]
            if missing:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "errors", "Case {number} is not one of this caseworker's cases."
                    ),
                    number=missing[0],
                )
            note = SupervisionNote(
                worker_id=worker_id,
                supervisor_id=us.user.id,
                held_on=held_on,
                case_ids=json.dumps([found[n] for n in wanted]),
                decisions=decisions,
                follow_up=follow_up,
            )
            s.add(note)
            s.flush()
            # Who and how many, never what was said: the note may name children.
            us.audit(
                s, RECORDED, summary=f"note {note.id}, worker {worker_id}, {len(wanted)} cases"
            )
            return _info(s, note, worker.full_name, us.user.full_name)
    except PermissionDenied as e:
        access.refuse(us, e)


@access.signed_in
def supervision_notes(us: UserSession, worker_id: int | None = None) -> list[SupervisionNoteInfo]:
    """Supervision notes, newest first: a caseworker's own; a supervisor's team's; all for a
    manager. Asking for a worker whose notes one may not read is refused (audited)."""
    with us.store.read() as s:
        allowed = _team_ids(s, us)
        if worker_id is not None and allowed is not None and worker_id not in allowed:
            access.refuse(
                us,
                PermissionDenied(
                    action=QT_TRANSLATE_NOOP("errors", "read another team's supervision notes")
                ),
            )
        query = select(SupervisionNote).order_by(
            SupervisionNote.held_on.desc(), SupervisionNote.id.desc()
        )
        if worker_id is not None:
            query = query.where(SupervisionNote.worker_id == worker_id)
        elif allowed is not None:
            query = query.where(SupervisionNote.worker_id.in_(allowed))
        notes = list(s.execute(query).scalars())
        names = dict(s.execute(select(User.id, User.full_name)).all())
        return [
            _info(s, n, names.get(n.worker_id, ""), names.get(n.supervisor_id or 0, ""))
            for n in notes
        ]


@access.requires(
    Role.SUPERVISOR,
    Role.MANAGER,
    action=QT_TRANSLATE_NOOP("errors", "see when caseworkers were last supervised"),
)
def last_supervised(us: UserSession) -> dict[int, date]:
    """The date of each worker's latest supervision session, for the supervisor's queue."""
    with us.store.read() as s:
        return _last_sessions(s, _team_ids(s, us))


def _info(s: Session, note: SupervisionNote, worker: str, supervisor: str) -> SupervisionNoteInfo:
    ids = json.loads(note.case_ids or "[]")
    numbers = (
        tuple(sorted(s.execute(select(Case.case_number).where(Case.id.in_(ids))).scalars()))
        if ids
        else ()
    )
    return SupervisionNoteInfo(
        id=note.id,
        worker_id=note.worker_id,
        worker=worker,
        supervisor=supervisor,
        held_on=note.held_on,
        case_numbers=numbers,
        decisions=note.decisions,
        follow_up=note.follow_up,
    )

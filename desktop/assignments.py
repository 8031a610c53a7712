"""Who holds a case: moving cases to another worker (one or many, with a reason), the cases a
person still has in hand when they leave, and the history of who held a case when.

Who may move which case to whom is decided in `desktop.access` (`reassignable_cases`,
`may_receive_cases`, `may_hand_over_caseload`). A case's tasks follow its holder: they are
worked out again (`case_state.refresh`) in the same unit of work as the move. Audit summaries
hold account ids, never a name or the reason (it may name people).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import case as sql_case
from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound, PermissionDenied
from db.keyslots import fold_username
from db.models import Case, CaseAssignment, CaseStatus, Role, Task, User
from desktop import access
from desktop.case_state import refresh
from desktop.session import UserSession

REASON_LIMIT = 1000
REASSIGNED = "case.reassigned"
REASSIGN_CASES = QT_TRANSLATE_NOOP("errors", "reassign cases")


@dataclass(frozen=True)
class Worker:
    """Someone who can be given cases: an active caseworker or supervisor."""

    username: str
    full_name: str
    open_cases: int


@dataclass(frozen=True)
class HeldCase:
    """A case someone has in hand, as Administration shows it: no child's name (an
    administrator manages accounts, not case files)."""

    uuid: str
    case_number: str
    stage: str
    status: str
    risk: str | None
    tasks: int
    overdue: int


@dataclass(frozen=True)
class AssignmentEntry:
    at: datetime
    from_name: str  # "" for the first holder of an imported or older case
    to_name: str
    by_name: str
    reason: str


def _reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "Say why the case changes hands: the reason is kept in its history."
            )
        )
    if len(text) > REASON_LIMIT:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The reason is too long: at most {n} characters."),
            n=REASON_LIMIT,
        )
    return text


def _target(s: Session, us: UserSession, username: str) -> User:
    user = s.execute(
        select(User).where(User.username == fold_username(username))
    ).scalar_one_or_none()
    if user is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "There is no account named {name}."),
            name=fold_username(username),
        )
    if not user.active or not user.role_set & {Role.CASEWORKER, Role.SUPERVISOR}:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "{name} cannot take cases: only an active caseworker or supervisor can."
            ),
            name=user.username,
        )
    if not access.may_receive_cases(us.user, user):
        raise PermissionDenied(
            action=QT_TRANSLATE_NOOP("errors", "give cases to someone outside your team")
        )
    return user


def move_cases(s: Session, us: UserSession, cases: Iterable[Case], to: User, reason: str) -> int:
    """Give `cases` to `to` in the unit of work `s`: the history row, one audit event per case,
    and the tasks worked out again for their new holder. Returns how many changed hands."""
    now = datetime.now(UTC)
    moved = [c for c in cases if c.caseworker_id != to.id]
    for case in moved:
        s.add(
            CaseAssignment(
                case_id=case.id,
                from_user_id=case.caseworker_id,
                to_user_id=to.id,
                by_user_id=us.user.id,
                at=now,
                reason=reason,
            )
        )
        us.audit(
            s, REASSIGNED, case_id=case.id, summary=f"user {case.caseworker_id or '-'} → {to.id}"
        )
        case.caseworker_id = to.id
        case.updated_at = now
    refresh(s, moved)
    return len(moved)


@access.requires(Role.SUPERVISOR, Role.MANAGER, action=REASSIGN_CASES)
def reassign(us: UserSession, case_uuids: list[str], to_username: str, reason: str) -> int:
    """Give one case or many to another worker, with a reason; their open tasks go with them.

    All or nothing: one case this person may not move refuses the whole request (audited).
    Returns how many cases changed hands (a case already with that worker stays as it is)."""
    text = _reason(reason)
    wanted = list(dict.fromkeys(case_uuids))
    if not wanted:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Choose at least one case to reassign."))
    with us.store.write() as s:
        target = _target(s, us, to_username)
        found = s.execute(
            select(Case, sql_case((access.reassignable_cases(us.user), True), else_=False)).where(
                Case.uuid.in_(wanted)
            )
        ).all()
        if len(found) != len(wanted):
            raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The case"))
        if not all(allowed for _, allowed in found):
            raise PermissionDenied(action=REASSIGN_CASES)
        chosen = [case for case, _ in found]
        if any(c.status == CaseStatus.TRANSFERRED.value for c in chosen):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "A transferred case is held by the agency it went to: it cannot be reassigned.",
                )
            )
        if all(c.caseworker_id == target.id for c in chosen):
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "{name} already holds the chosen cases."),
                name=target.full_name,
            )
        return move_cases(s, us, chosen, target, text)


def _in_hand(user_id: int):  # type: ignore[no-untyped-def]
    """The cases `user_id` holds that still need someone: open ones, and closed ones with work
    left (the visit after closure)."""
    return (Case.caseworker_id == user_id) & or_(
        Case.status == CaseStatus.OPEN.value,
        exists().where(Task.case_id == Case.id, Task.for_supervisor.is_(False)),
    )


def cases_in_hand(s: Session, user_id: int) -> list[Case]:
    return list(
        s.execute(select(Case).where(_in_hand(user_id)).order_by(Case.case_number)).scalars()
    )


def _holder(s: Session, us: UserSession, username: str) -> User:
    user = s.execute(
        select(User).where(User.username == fold_username(username))
    ).scalar_one_or_none()
    if user is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "There is no account named {name}."),
            name=fold_username(username),
        )
    if not access.may_hand_over_caseload(us.user, user):
        raise PermissionDenied(action=QT_TRANSLATE_NOOP("errors", "hand over this person's cases"))
    return user


@access.requires(
    Role.ADMINISTRATOR,
    Role.MANAGER,
    Role.SUPERVISOR,
    action=QT_TRANSLATE_NOOP("errors", "hand over this person's cases"),
)
def held_cases(us: UserSession, username: str) -> list[HeldCase]:
    """The cases `username` has in hand, with their open and overdue tasks (for handing over)."""
    now = datetime.now(UTC)
    with us.store.read() as s:
        holder = _holder(s, us, username)
        rows = cases_in_hand(s, holder.id)
        ids = [c.id for c in rows]
        tasks = dict(
            s.execute(
                select(Task.case_id, func.count())
                .where(Task.case_id.in_(ids), Task.for_supervisor.is_(False))
                .group_by(Task.case_id)
            ).all()
        )
        late = dict(
            s.execute(
                select(Task.case_id, func.count())
                .where(Task.case_id.in_(ids), Task.for_supervisor.is_(False), Task.due < now)
                .group_by(Task.case_id)
            ).all()
        )
        return [
            HeldCase(
                c.uuid,
                c.case_number,
                c.stage,
                c.status,
                c.risk,
                tasks.get(c.id, 0),
                late.get(c.id, 0),
            )
            for c in rows
        ]


@access.requires(
    Role.ADMINISTRATOR,
    Role.MANAGER,
    Role.SUPERVISOR,
    action=QT_TRANSLATE_NOOP("errors", "see who can take cases"),
)
def workers(us: UserSession, *, besides: str = "") -> list[Worker]:
    """The people this person may give cases to (all but `besides`), with their open cases."""
    with us.store.read() as s:
        people = s.execute(select(User).where(User.active).order_by(User.full_name)).scalars()
        left_out = fold_username(besides) if besides else None
        takers = [
            u for u in people if u.username != left_out and access.may_receive_cases(us.user, u)
        ]
        counts = dict(
            s.execute(
                select(Case.caseworker_id, func.count())
                .where(Case.status == CaseStatus.OPEN.value)
                .group_by(Case.caseworker_id)
            ).all()
        )
        return [Worker(u.username, u.full_name, counts.get(u.id, 0)) for u in takers]


def hand_over(
    s: Session, us: UserSession, holder: User, plan: Mapping[str, str], reason: str
) -> int:
    """Move `holder`'s cases as `plan` says (case uuid → username), in the unit of work `s`.
    Cases the plan does not name stay where they are. Returns how many moved."""
    if not plan:
        return 0
    text = _reason(reason)
    held = {c.uuid: c for c in cases_in_hand(s, holder.id)}
    unknown = set(plan) - set(held)
    if unknown:
        raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The case"))
    by_target: dict[str, list[Case]] = {}
    for uuid, username in plan.items():
        by_target.setdefault(fold_username(username), []).append(held[uuid])
    moved = 0
    for username, chosen in by_target.items():
        target = _target(s, us, username)
        if target.id == holder.id:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "Choose someone else: {name} is leaving."),
                name=holder.full_name,
            )
        moved += move_cases(s, us, chosen, target, text)
    return moved


@access.requires(Role.ADMINISTRATOR, Role.MANAGER, Role.SUPERVISOR, action=REASSIGN_CASES)
def hand_over_all(us: UserSession, from_username: str, to_username: str, reason: str) -> int:
    """Give every case `from_username` has in hand to `to_username` (someone leaves, or is
    away for long): the command line's `ulinzi reassign --from`."""
    with us.store.write() as s:
        holder = _holder(s, us, from_username)
        plan = {c.uuid: to_username for c in cases_in_hand(s, holder.id)}
        if not plan:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "{name} holds no open case."), name=holder.username
            )
        return hand_over(s, us, holder, plan, reason)


@access.reads_case()
def assignment_history(us: UserSession, case_uuid: str) -> list[AssignmentEntry]:
    """Who held the case when: each change of hands, oldest first."""
    with access.reading_case(us, case_uuid) as (s, case):
        return assignments_of(s, case.id)


def assignments_of(s: Session, case_id: int) -> list[AssignmentEntry]:
    names = dict(s.execute(select(User.id, User.full_name)).all())
    return [
        AssignmentEntry(
            a.at,
            names.get(a.from_user_id, "") if a.from_user_id else "",
            names.get(a.to_user_id, ""),
            names.get(a.by_user_id, "") if a.by_user_id else "",
            a.reason,
        )
        for a in s.execute(
            select(CaseAssignment)
            .where(CaseAssignment.case_id == case_id)
            .order_by(CaseAssignment.at, CaseAssignment.id)
        ).scalars()
    ]

"""The one permission gate: what each service needs, checked in one place, every refusal audited.

Every public service (a function of `desktop/` whose first argument is the signed-in person)
is registered here by a decorator that says what it needs: a role, the right to read or change
the case it names, or nothing beyond being signed in (what such a service shows is still
filtered by who asks). The decorator refuses a missing role before the service runs, and any
`PermissionDenied` that leaves a registered service is recorded in the audit log in a unit of
work of its own (the refused one changes nothing) before it reaches the person: a refusal that
is not audited cannot be written. `reading_case` and `changing_case` load a case for a service
and open its unit of work in one step. `tests/test_access.py` makes every registered service
refuse and counts one audit event each, and fails on a service that is not registered.
(Electrum's `@protected` and `@command` registry are the idea.)
"""

from __future__ import annotations

import enum
import functools
import inspect
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NoReturn, ParamSpec, TypeVar

from sqlalchemy import ColumnElement, false, or_, select, true
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied
from db.models import Case, FacilityStaff, Placement, Role, User
from desktop.session import UserInfo, UserSession

P = ParamSpec("P")
R = TypeVar("R")


class Need(enum.StrEnum):
    """What a service asks of the person before it runs."""

    SIGNED_IN = "signed in"  # everyone signed in; what it shows is filtered by who asks
    ROLE = "role"  # one of the entry's roles
    READ_CASE = "read case"  # the case it names is one they may open
    CHANGE_CASE = "change case"  # the case it names is theirs (or their team's) to change
    RULES = "workflow rules"  # the workflow rules decide inside (e.g. who approves a request)
    FACILITY_CHILD = "facility child"  # the case it names is a child placed at their facility


# The audit actions a refusal leaves (the case history and `ulinzi audit` show them).
REFUSED = "permission.denied"
OPEN_REFUSED = "case.open_refused"
CHANGE_REFUSED = "case.change_refused"
DOCUMENT_REFUSED = "document.refused"
SIGNED_COPY_REFUSED = "document.signed_copy_refused"
REFUSAL_EVENTS = frozenset(
    {
        REFUSED,
        OPEN_REFUSED,
        CHANGE_REFUSED,
        DOCUMENT_REFUSED,
        SIGNED_COPY_REFUSED,
        "approval.refused",
    }
)

OPEN_THIS_CASE = QT_TRANSLATE_NOOP("errors", "open this case")
CHANGE_THIS_CASE = QT_TRANSLATE_NOOP("errors", "change this case")


@dataclass(frozen=True)
class Entry:
    """A registered service: what it needs, and how its refusal reads and is recorded."""

    name: str  # module.function
    need: Need
    roles: frozenset[Role]
    action: str  # completes "You do not have permission to …"
    event: str  # the audit action of its refusal


REGISTRY: dict[str, Entry] = {}

_DEFAULT_EVENT = {
    Need.READ_CASE: OPEN_REFUSED,
    Need.CHANGE_CASE: CHANGE_REFUSED,
    Need.FACILITY_CHILD: OPEN_REFUSED,
}
_DEFAULT_ACTION = {Need.READ_CASE: OPEN_THIS_CASE, Need.CHANGE_CASE: CHANGE_THIS_CASE}


def service(
    need: Need,
    *,
    roles: Iterable[Role] = (),
    action: str = "",
    event: str | None = None,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Register a service entry point with what it needs (see the module's docstring)."""
    role_set = frozenset(roles)
    if (need == Need.ROLE) != bool(role_set) or (need == Need.ROLE and not action):
        raise ValueError("a role check names its roles and its refused action, and only it does")
    action = action or _DEFAULT_ACTION.get(need, "")

    def register(fn: Callable[P, R]) -> Callable[P, R]:
        entry = Entry(
            f"{fn.__module__}.{fn.__name__}",
            need,
            role_set,
            action,
            event or _DEFAULT_EVENT.get(need, REFUSED),
        )
        REGISTRY[entry.name] = entry
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def gated(*args: P.args, **kwargs: P.kwargs) -> R:
            bound = signature.bind_partial(*args, **kwargs).arguments
            us: UserSession = bound["us"]
            if role_set and not us.user.roles & role_set:
                refuse(us, PermissionDenied(action=action), entry.event)
            case_uuid = bound.get("case_uuid")
            try:
                if isinstance(case_uuid, str) and need in _CASE_RIGHTS:
                    # Who asks is checked before what they ask: a refused person learns
                    # nothing from the service's own checks. The service checks again in its
                    # unit of work (reading_case/changing_case), which is what counts.
                    with us.store.read() as s:
                        _check_case(s, case_uuid, _CASE_RIGHTS[need](us.user), action)
                return fn(*args, **kwargs)
            except PermissionDenied as e:
                refuse(us, e, entry.event, case_uuid)

        # mutation: equivalent — nothing reads `.entry` (the registry is read by name): it is
        # there for whoever inspects a service in a debugger.
        gated.entry = entry  # type: ignore[attr-defined]  # pragma: no mutate
        return gated

    return register


_CASE_RIGHTS: dict[Need, Callable[[UserInfo], ColumnElement[bool]]] = {}


def signed_in(fn: Callable[P, R]) -> Callable[P, R]:
    """A service open to everyone signed in (registered, so that this is a decision)."""
    return service(Need.SIGNED_IN)(fn)


def reads_case(event: str = OPEN_REFUSED) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """A service on the case its `case_uuid` names (or, without one, a case it finds): for
    whoever may open that case."""
    return service(Need.READ_CASE, event=event)


def changes_case(
    event: str = CHANGE_REFUSED, action: str = CHANGE_THIS_CASE
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """A service that changes the case its `case_uuid` names: for whoever may change it."""
    return service(Need.CHANGE_CASE, event=event, action=action)


def requires(*roles: Role, action: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """A service for people with one of `roles`; `action` completes the refusal's sentence."""
    return service(Need.ROLE, roles=roles, action=action)


def administrator(action: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    return requires(Role.ADMINISTRATOR, action=action)


def require(us: UserSession, *roles: Role, action: str) -> None:
    """Within a service: refuse (audited) unless `us` has one of `roles`."""
    if not us.user.roles & set(roles):
        refuse(us, PermissionDenied(action=action))


def refuse(
    us: UserSession, error: PermissionDenied, event: str = REFUSED, case_uuid: str | None = None
) -> NoReturn:
    """Record the refusal in a unit of work of its own, then raise it (once, however deep)."""
    if not error.audited and us.store.refusal is not None:
        # A refused store is not written (only `check` signs in on one): the refusal waits
        # beside it for the next open that may write (db.deferred).
        summary = str(error.params.get("action") or error.message)
        us.store.defer_event(us.user.id, us.user.username, event, summary)
        error.audited = True
    if not error.audited:
        with us.store.write() as s:
            case_id = (
                s.execute(select(Case.id).where(Case.uuid == case_uuid)).scalar()
                # mutation: equivalent — `or True`: looking up no uuid finds no case, None as well.
                if case_uuid
                else None
            )
            # What was refused ("add users"), in the log's language: never a case's details.
            summary = str(error.params.get("action") or error.message)
            us.audit(s, event, case_id=case_id, summary=summary)
        error.audited = True
    raise error


# -- who may read and change which case ----------------------------------------------------------


def _workers_of(user: UserInfo) -> ColumnElement[bool]:
    """Cases held by `user` or, for a supervisor, by their team, as one IN (index-friendly)."""
    if Role.SUPERVISOR in user.roles:
        team = select(User.id).where(or_(User.supervisor_id == user.id, User.id == user.id))
        return Case.caseworker_id.in_(team.scalar_subquery())
    if Role.CASEWORKER in user.roles:
        return Case.caseworker_id == user.id
    return false()


def visible_cases(user: UserInfo) -> ColumnElement[bool]:
    """The SQL condition for the cases `user` may read."""
    if Role.MANAGER in user.roles:
        return true()
    return _workers_of(user)


def editable_cases(user: UserInfo) -> ColumnElement[bool]:
    """The cases `user` may change: managers read only."""
    return _workers_of(user)


# -- residential care facility staff ---------------------------------------------------------------
# Facility staff are a role of their own, not caseworkers scoped to a facility: they do not hold
# cases, so nothing that reads or changes a case file is theirs (the case list, forms, plans,
# documents and packages refuse them, audited, above). What they need is the house's work: who is
# placed there now (name, age, since when, key worker, next review, stage) and the daily log of
# those children and of the house. A child who leaves the facility leaves their sight with them.


def is_current_placement() -> ColumnElement[bool]:
    """An approved placement that has not ended: a case has at most one (desktop.placements)."""
    return (Placement.state == "approved") & Placement.end_date.is_(None)


def facility_of(user: UserInfo) -> ColumnElement[int]:
    """The facility `user` works in, as a scalar subquery (NULL for anyone else)."""
    return (
        select(FacilityStaff.facility_id).where(FacilityStaff.user_id == user.id).scalar_subquery()
    )


def facility_children(user: UserInfo) -> ColumnElement[bool]:
    """The cases of the children placed now at the facility `user` works in."""
    if Role.FACILITY_STAFF not in user.roles:
        return false()
    placed = select(Placement.case_id).where(
        is_current_placement(), Placement.facility_id == facility_of(user)
    )
    return Case.id.in_(placed.scalar_subquery())


def for_facility_child(action: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """A service on a child of the person's facility: its `case_uuid`, when it names one, must
    be a child placed there now (facility staff only)."""
    return service(Need.FACILITY_CHILD, action=action)


_CASE_RIGHTS.update(
    {
        Need.READ_CASE: visible_cases,
        Need.CHANGE_CASE: editable_cases,
        Need.FACILITY_CHILD: facility_children,
    }
)


def case_in(s: Session, case_uuid: str, allowed: ColumnElement[bool], action: str) -> Case:
    """Load a case in the unit of work `s` if `allowed` holds for it; PermissionDenied otherwise
    (audited by the registered service it leaves, or by the context managers below)."""
    found = s.execute(
        # mutation: equivalent — `else_=None`, or no else: the CASE gives NULL, read as None,
        # which refuses as False does.
        select(Case, sql_case((allowed, True), else_=False)).where(Case.uuid == case_uuid)
    ).first()
    if found is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The case"))
    if not found[1]:
        raise PermissionDenied(action=action)
    return found[0]


def _check_case(s: Session, case_uuid: str, allowed: ColumnElement[bool], action: str) -> None:
    """`case_in` without loading the case: one indexed lookup."""
    found = s.execute(
        # mutation: equivalent — `else_=None`, or no else: as in `case_in`.
        select(sql_case((allowed, True), else_=False)).where(Case.uuid == case_uuid)
    ).first()
    if found is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The case"))
    if not found[0]:
        raise PermissionDenied(action=action)


def readable_case(s: Session, us: UserSession, case_uuid: str) -> Case:
    """A case `us` may open, in the unit of work `s`; refused otherwise."""
    return case_in(s, case_uuid, visible_cases(us.user), OPEN_THIS_CASE)


def may_change(s: Session, us: UserSession, case: Case) -> bool:
    return bool(
        # mutation: equivalent — `select(None)`: a row of NULL is still a row; only whether one is
        # found counts.
        s.execute(select(Case.id).where(Case.id == case.id, editable_cases(us.user))).first()
    )


@contextmanager
def reading_case(
    us: UserSession, case_uuid: str, *, event: str = OPEN_REFUSED, write: bool = False
) -> Iterator[tuple[Session, Case]]:
    """`with reading_case(us, uuid) as (s, case):` a unit of work (read-only unless `write`, for
    reading that is itself audited) with a case `us` may open; a refusal is audited."""
    try:
        with us.store.write() if write else us.store.read() as s:
            yield s, readable_case(s, us, case_uuid)
    except PermissionDenied as e:
        refuse(us, e, event, case_uuid)


@contextmanager
def changing_case(
    us: UserSession,
    case_uuid: str,
    *,
    action: str = CHANGE_THIS_CASE,
    event: str = CHANGE_REFUSED,
) -> Iterator[tuple[Session, Case]]:
    """`with changing_case(us, uuid) as (s, case):` one unit of work on a case `us` may change,
    committed at the end; a refusal is audited and changes nothing."""
    try:
        with us.store.write() as s:
            yield s, case_in(s, case_uuid, editable_cases(us.user), action)
    except PermissionDenied as e:
        refuse(us, e, event, case_uuid)


# -- who may hand a case to whom -------------------------------------------------------------------


def reassignable_cases(user: UserInfo) -> ColumnElement[bool]:
    """The cases `user` may give to another worker: a manager any, a supervisor their team's
    (and their own); a caseworker none (they ask their supervisor)."""
    if Role.MANAGER in user.roles:
        return true()
    if Role.SUPERVISOR in user.roles:
        return _workers_of(user)
    return false()


def may_hand_over_caseload(user: UserInfo, holder: User) -> bool:
    """Whether `user` may move every case `holder` has in hand (when they leave): an
    administrator (deactivating the account), a manager, or the holder's supervisor."""
    return bool(user.roles & {Role.ADMINISTRATOR, Role.MANAGER}) or (
        Role.SUPERVISOR in user.roles and holder.supervisor_id == user.id
    )


def may_receive_cases(user: UserInfo, target: User) -> bool:
    """Whether `user` may give cases to `target`: an active caseworker or supervisor; a
    supervisor (who is not also a manager or an administrator) only within their own team."""
    if not target.active or not target.role_set & {Role.CASEWORKER, Role.SUPERVISOR}:
        return False
    if user.roles & {Role.ADMINISTRATOR, Role.MANAGER}:
        return True
    return Role.SUPERVISOR in user.roles and (
        target.supervisor_id == user.id or target.id == user.id
    )

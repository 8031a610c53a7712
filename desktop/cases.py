"""Cases: registering, listing, searching, opening and updating, each checked against who asks.

Who sees what: a caseworker their own cases; a supervisor their own and their team's (the
caseworkers whose supervisor they are); a manager every case, read-only; an administrator none,
unless also given one of those roles (the rules and their checks live in `desktop.access`).
Every opening of a case file is audited, and so is every refusal.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import String, false, func, select, type_coerce
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session, aliased

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, PermissionDenied
from db.models import (
    AuditEvent,
    Case,
    CaseNumberCounter,
    CaseStatus,
    RiskLevel,
    Role,
    Sex,
    Stage,
    User,
)
from db.search import common_value, fts_query, index_case, matching, query_plan, read_ahead
from db.store import CASE_MARK_INFO_KEY
from desktop import access
from desktop.access import editable_cases, readable_case, visible_cases  # noqa: F401 (public here)
from desktop.case_state import refresh
from desktop.forms.saved import Submission, submissions_in
from desktop.placement_state import placed_cases
from desktop.session import UserSession
from reports.glyphs import describe, first_undrawable


@dataclass(frozen=True)
class CaseRow:
    """What the case list shows of a case."""

    id: int
    uuid: str
    case_number: str
    given_name: str
    family_name: str
    sex: str
    birth_date: date | None
    birth_date_estimated: bool
    location: str
    risk: str | None
    stage: str
    status: str
    caseworker: str
    registered_at: datetime
    updated_at: datetime
    next_action: str
    next_due: datetime | None

    @property
    def child_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    def age(self, today: date | None = None) -> int | None:
        if self.birth_date is None:
            return None
        today = today or date.today()
        born = self.birth_date
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


_CaseworkerUser = aliased(User)
_ROW_COLUMNS = (
    Case.id,
    Case.uuid,
    Case.case_number,
    Case.given_name,
    Case.family_name,
    Case.sex,
    Case.birth_date,
    Case.birth_date_estimated,
    Case.location,
    Case.risk,
    Case.stage,
    Case.status,
    func.coalesce(_CaseworkerUser.full_name, ""),
    Case.registered_at,
    Case.updated_at,
    Case.next_action,
    Case.next_due,
)


def _rows_query():  # type: ignore[no-untyped-def]
    return select(*_ROW_COLUMNS).outerjoin(
        _CaseworkerUser, _CaseworkerUser.id == Case.caseworker_id
    )


def _to_row(r) -> CaseRow:  # type: ignore[no-untyped-def]
    return CaseRow(*r)


# -- reading -------------------------------------------------------------------------------------


class Scope(enum.StrEnum):
    MINE = "mine"
    TEAM = "team"
    ALL = "all"


class SortKey(enum.StrEnum):
    CASE_NUMBER = "case_number"
    NAME = "name"
    AGE = "age"
    SEX = "sex"
    STAGE = "stage"
    RISK = "risk"
    CASEWORKER = "caseworker"
    NEXT_DUE = "next_due"
    UPDATED = "updated"
    REGISTERED = "registered"


_RISK_ORDER = sql_case(
    (Case.risk == RiskLevel.HIGH.value, 3),
    (Case.risk == RiskLevel.MEDIUM.value, 2),
    (Case.risk == RiskLevel.LOW.value, 1),
    else_=0,
)
_SORT_COLUMNS = {
    SortKey.CASE_NUMBER: (Case.case_number,),
    SortKey.NAME: (Case.given_name, Case.family_name),
    SortKey.AGE: (Case.birth_date,),  # direction inverted in _ordered: earlier born is older
    SortKey.SEX: (Case.sex,),
    SortKey.STAGE: (Case.stage,),
    SortKey.RISK: (_RISK_ORDER,),
    SortKey.CASEWORKER: (_CaseworkerUser.full_name,),
    SortKey.NEXT_DUE: (func.coalesce(Case.next_due, "9999-12-31"),),  # no due date sorts last
    SortKey.UPDATED: (Case.updated_at,),
    SortKey.REGISTERED: (Case.registered_at,),
}


@dataclass(frozen=True)
class CaseQuery:
    """What the case list asks for: scope, filters, search text and order."""

    scope: Scope = Scope.ALL
    status: str | None = None
    stage: str | None = None
    risk: str | None = None
    overdue_only: bool = False
    search: str | None = None
    # Children whose current placement is of this type, or at this facility (desktop.placements).
    placement: str | None = None
    facility: int | None = None
    sort: SortKey = SortKey.REGISTERED
    descending: bool = True


def _filtered(query, us: UserSession, q: CaseQuery, *, first_rows: bool = False):  # type: ignore[no-untyped-def]
    """`query` kept to what `us` may see and `q` asks for. For the whole list, the status is
    marked as a common value, so a team's cases are read from the caseworker index and sorted;
    for the first rows only, walking the cases in order and stopping early is quicker."""
    roles = us.user.roles
    query = query.where(visible_cases(us.user))
    if q.scope == Scope.MINE:
        query = query.where(Case.caseworker_id == us.user.id)
    elif q.scope == Scope.TEAM and Role.SUPERVISOR in roles and Role.MANAGER in roles:
        query = query.where(access._workers_of(us.user))  # (for others, visible_cases is it)
    if q.status:
        same_status = Case.status == CaseStatus(q.status).value
        query = query.where(same_status if first_rows else common_value(same_status))
    if q.stage:
        query = query.where(Case.stage == Stage(q.stage).value)
    if q.risk:
        query = query.where(Case.risk == RiskLevel(q.risk).value)
    if q.placement or q.facility:
        query = query.where(Case.id.in_(placed_cases(q.placement, q.facility)))
    if q.overdue_only:
        # Compared as stored text (naive UTC ISO), so the statement binds only plain values.
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
        query = query.where(type_coerce(Case.next_due, String) < now)
    if q.search:
        match = fts_query(q.search)
        if match is None:
            return query.where(false())
        query = query.where(matching(Case.id, leads=False)).params(match=match)
    return query


def _ordered(query, q: CaseQuery):  # type: ignore[no-untyped-def]
    descending = q.descending != (q.sort == SortKey.AGE)
    columns = [c.desc() if descending else c for c in _SORT_COLUMNS[q.sort]]
    return query.order_by(*columns, Case.id.desc() if q.descending else Case.id)


def _ids_statement(s: Session, us: UserSession, q: CaseQuery, limit: int | None) -> tuple:
    """The SQL text and values `case_ids` runs."""
    base = select(Case.id)
    if q.sort == SortKey.CASEWORKER:  # the join costs a third of the time: only when sorting by it
        base = base.outerjoin(_CaseworkerUser, _CaseworkerUser.id == Case.caseworker_id)
    query = _ordered(_filtered(base, us, q, first_rows=limit is not None), q)
    if limit is not None:
        query = query.limit(limit)
    # Every bound value here is a plain str or int, so no type processing is skipped.
    compiled = query.compile(dialect=s.get_bind().dialect)
    values = compiled.construct_params()
    return compiled.string, [values[name] for name in compiled.positiontup]


@access.signed_in
def case_ids(us: UserSession, q: CaseQuery, limit: int | None = None) -> list[int]:
    """The ids of the matching cases in order (the first `limit` of them when given)."""
    with us.store.read() as s:
        # 70,000 ids through the driver's cursor take a third of the time SQLAlchemy's result
        # rows do, and hold Python's lock less while the window paints.
        sql, values = _ids_statement(s, us, q, limit)
        cursor = s.connection().connection.driver_connection.execute(sql, values)
        return [row[0] for row in cursor]


@access.signed_in
def case_ids_plan(us: UserSession, q: CaseQuery) -> list[str]:
    """SQLite's query plan for `case_ids(us, q)`, one line per step (for tests and benchmarks:
    which index the case list reads)."""
    with us.store.read() as s:
        return query_plan(s, *_ids_statement(s, us, q, None))


@access.signed_in
def read_case_list_ahead(us: UserSession) -> None:
    """Right after sign-in, off the UI thread: the pages the case list and its search read,
    decrypted once now rather than during the person's first search (see db.search)."""
    with us.store.read() as s:
        read_ahead(s)


@access.signed_in
def rows_for_ids(us: UserSession, ids: list[int]) -> dict[int, CaseRow]:
    """The list rows of `ids` the signed-in person may see (others are silently left out)."""
    if not ids:
        return {}
    query = _rows_query().where(Case.id.in_(ids), visible_cases(us.user))
    with us.store.read() as s:
        return {r.id: r for r in map(_to_row, s.execute(query))}


@access.signed_in
def list_cases(
    us: UserSession,
    query: CaseQuery | None = None,
    *,
    status: str | None = None,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[CaseRow]:
    """The cases the signed-in person may see, newest registration first by default."""
    q = query or CaseQuery(status=status, search=search)
    statement = _ordered(_filtered(_rows_query(), us, q), q)
    if limit is not None:
        statement = statement.limit(limit).offset(offset)
    with us.store.read() as s:
        return [_to_row(r) for r in s.execute(statement)]


@access.signed_in
def count_cases(
    us: UserSession,
    query: CaseQuery | None = None,
    *,
    status: str | None = None,
    search: str | None = None,
) -> int:
    q = query or CaseQuery(status=status, search=search)
    with us.store.read() as s:
        return s.execute(_filtered(select(func.count(Case.id)), us, q)).scalar_one()


@dataclass(frozen=True)
class CaseFile:
    """An opened case: its list row and every revision of its forms."""

    row: CaseRow
    forms: list[Submission]


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    who: str
    action: str
    summary: str


@access.reads_case()
def open_case(us: UserSession, case_uuid: str) -> CaseFile:
    """Open a case file: allowed readers only, and every opening is in the audit log."""
    with access.reading_case(us, case_uuid, write=True) as (s, case):
        us.audit(s, "case.opened", case_id=case.id)
        return CaseFile(row_of(s, case), submissions_in(s, case.id))


@access.reads_case()
def case_again(us: UserSession, case_uuid: str) -> CaseFile:
    """The case file open on screen, read again after a change made from it. Not audited as an
    opening: it was audited when opened, and the change made is audited on its own."""
    with access.reading_case(us, case_uuid) as (s, case):
        return CaseFile(row_of(s, case), submissions_in(s, case.id))


@access.reads_case()
def case_history(us: UserSession, case_uuid: str) -> list[HistoryEntry]:
    """This case's audit events, oldest first, with the full names of who did what."""
    with access.reading_case(us, case_uuid) as (s, case):
        who = func.coalesce(User.full_name, AuditEvent.username)
        rows = s.execute(
            select(AuditEvent.at, who, AuditEvent.action, AuditEvent.summary)
            .outerjoin(User, User.id == AuditEvent.user_id)
            .where(AuditEvent.case_id == case.id)
            .order_by(AuditEvent.seq)
        )
        return [HistoryEntry(datetime.fromisoformat(r[0]), r[1], r[2], r[3]) for r in rows]


# -- changing ------------------------------------------------------------------------------------


def next_case_number(s: Session, agency_code: str, year: int) -> str:
    counter = s.get(CaseNumberCounter, year)
    if counter is None:
        counter = CaseNumberCounter(year=year, last=0)
        s.add(counter)
    # The audit head outside the database remembers the highest number ever issued: after an
    # older database was accepted, the numbers it lost are not given to other children.
    mark_year, mark_serial = s.info.get(CASE_MARK_INFO_KEY, (0, 0))
    if mark_year == year:
        counter.last = max(counter.last, mark_serial)
    counter.last += 1
    s.info[CASE_MARK_INFO_KEY] = max((mark_year, mark_serial), (year, counter.last))
    return f"{agency_code}-{year}-{counter.last:05d}"


def _check_choice(value: str | None, choices: type, what: str) -> str | None:
    if value is None:
        return None
    try:
        return choices(value).value
    except ValueError:
        allowed = ", ".join(c.value for c in choices)
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "{what} must be one of: {allowed}."),
            what=what,
            allowed=allowed,
        ) from None


@access.requires(
    Role.CASEWORKER, Role.SUPERVISOR, action=QT_TRANSLATE_NOOP("errors", "register cases")
)
def register_case(us: UserSession, **columns: Any) -> CaseRow:
    """Register a child from the list's columns alone (see `create_case`; the window goes
    through the registration and consent forms)."""
    with us.store.write() as s:
        return row_of(s, create_case(s, us, **columns))


# Per name part. The longest given or family names in civil registers run to about 60
# characters; 100 leaves room and keeps every screen and document readable.
NAME_LIMIT = 100


def check_name(value: object) -> None:
    """Refuse a name that is too long (said, never cut) or that holds a character the window
    and the documents cannot draw; the window, the command line and imports all come here."""
    text = str(value or "")
    if len(text.strip()) > NAME_LIMIT:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "A name can have at most {max} characters; this one has {count}. Nothing was "
                "cut: shorten it (a nickname will do until the full name is known).",
            ),
            max=NAME_LIMIT,
            count=len(text.strip()),
        )
    character = first_undrawable(text)
    if character is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "The name holds {character}, which cannot be shown on screen or printed: "
                "write it another way.",
            ),
            character=describe(character),
        )


def row_of(s: Session, case: Case) -> CaseRow:
    return _to_row(s.execute(_rows_query().where(Case.id == case.id)).one())


def create_case(
    s: Session,
    us: UserSession,
    *,
    given_name: str,
    family_name: str = "",
    sex: str = Sex.UNKNOWN.value,
    birth_date: date | None = None,
    birth_date_estimated: bool = False,
    location: str = "",
    registration_place: str = "",
    risk: str | None = None,
    caseworker: str | None = None,
    registered_at: datetime | None = None,
) -> Case:
    """Add a case in the unit of work `s`: a caseworker registers for themself; a supervisor
    may assign a worker of their team."""
    if not (us.user.roles & {Role.CASEWORKER, Role.SUPERVISOR}):
        raise PermissionDenied(action=QT_TRANSLATE_NOOP("errors", "register cases"))
    if not given_name.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The child's given name is required."))
    check_name(given_name)
    check_name(family_name)
    if birth_date and birth_date > date.today():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The date of birth cannot be in the future.")
        )
    sex = _check_choice(sex, Sex, QT_TRANSLATE_NOOP("errors", "Sex")) or Sex.UNKNOWN.value
    risk = _check_choice(risk, RiskLevel, QT_TRANSLATE_NOOP("errors", "Risk level"))
    when = registered_at or datetime.now(UTC)
    worker_id = us.user.id
    if caseworker:
        worker = s.execute(
            select(User).where(User.username == caseworker.strip().casefold())
        ).scalar_one_or_none()
        if worker is None or not worker.active:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "There is no active caseworker named {name}."),
                name=caseworker,
            )
        if worker.id != us.user.id and not (
            Role.SUPERVISOR in us.user.roles and worker.supervisor_id == us.user.id
        ):
            raise PermissionDenied(
                action=QT_TRANSLATE_NOOP("errors", "assign cases to that caseworker")
            )
        worker_id = worker.id
    case = Case(
        uuid=str(uuid.uuid4()),
        case_number=next_case_number(s, us.agency.code, when.year),
        given_name=given_name.strip(),
        family_name=family_name.strip(),
        sex=sex,
        birth_date=birth_date,
        birth_date_estimated=birth_date_estimated,
        location=location.strip(),
        registration_place=registration_place.strip(),
        risk=risk,
        stage=Stage.REGISTERED.value,
        status=CaseStatus.OPEN.value,
        caseworker_id=worker_id,
        registered_at=when,
        updated_at=datetime.now(UTC),
        stage_changed_at=when,
    )
    s.add(case)
    s.flush()
    refresh(s, case)
    reindex(s, case)
    us.audit(s, "case.registered", case_id=case.id, summary=case.case_number)
    return case


def reindex(s: Session, case: Case) -> None:
    index_case(s, case.id, case.given_name, case.family_name, case.case_number, case.location)


_EDITABLE = {
    "given_name",
    "family_name",
    "sex",
    "birth_date",
    "birth_date_estimated",
    "location",
    "risk",
}
_IDENTIFYING = {"given_name", "family_name", "birth_date", "location"}


@access.changes_case()
def update_case(us: UserSession, case_uuid: str, **changes: object) -> CaseRow:
    """Change a case's details. The audit summary names what changed, not identifying values."""
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "These details cannot be changed here: {names}."),
            names=", ".join(sorted(unknown)),
        )
    if "sex" in changes:
        changes["sex"] = _check_choice(changes["sex"], Sex, QT_TRANSLATE_NOOP("errors", "Sex"))  # type: ignore[arg-type]
    if "risk" in changes:
        changes["risk"] = _check_choice(
            changes["risk"], RiskLevel, QT_TRANSLATE_NOOP("errors", "Risk level")
        )  # type: ignore[arg-type]
    if "given_name" in changes and not str(changes["given_name"]).strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The child's given name is required."))
    for part in ("given_name", "family_name"):
        if part in changes:
            check_name(changes[part])
    with access.changing_case(us, case_uuid) as (s, case):
        notes = []
        for name, value in changes.items():
            old = getattr(case, name)
            if old == value:
                continue
            setattr(case, name, value)
            notes.append(f"{name} changed" if name in _IDENTIFYING else f"{name}: {old} → {value}")
        if not notes:
            return row_of(s, case)
        case.updated_at = datetime.now(UTC)
        if "risk" in changes:  # a high risk shortens the review interval
            refresh(s, case)
        if changes.keys() & {"given_name", "family_name", "location"}:
            reindex(s, case)
        us.audit(s, "case.updated", case_id=case.id, summary="; ".join(notes))
        return row_of(s, case)

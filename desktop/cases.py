"""Cases: registering, listing, searching, opening and updating, each checked against who asks.

Who sees what: a caseworker their own cases; a supervisor their own and their team's (the
caseworkers whose supervisor they are); a manager every case, read-only; an administrator none,
unless also given one of those roles. Every opening of a case file is audited, and so is every
refusal.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, false, func, or_, select, text, true
from sqlalchemy.orm import Session, aliased

from db.errors import InvalidInput, NotFound, PermissionDenied
from db.models import Case, CaseNumberCounter, CaseStatus, RiskLevel, Role, Sex, Stage, User
from db.search import fts_query, index_case
from desktop.session import UserInfo, UserSession


@dataclass(frozen=True)
class CaseRow:
    """What the case list shows of a case."""

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
)


def _rows_query():  # type: ignore[no-untyped-def]
    return select(*_ROW_COLUMNS).outerjoin(
        _CaseworkerUser, _CaseworkerUser.id == Case.caseworker_id
    )


def _to_row(r) -> CaseRow:  # type: ignore[no-untyped-def]
    return CaseRow(*r)


# -- permissions ---------------------------------------------------------------------------------


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


def _case_for(s: Session, case_uuid: str, allowed, verb: str) -> Case:  # type: ignore[no-untyped-def]
    """Load a case the user is allowed to `verb`; audit and refuse otherwise."""
    case = s.execute(select(Case).where(Case.uuid == case_uuid)).scalar_one_or_none()
    if case is None:
        raise NotFound(what="The case")
    permitted = s.execute(select(Case.id).where(Case.id == case.id, allowed)).first()
    if not permitted:
        raise PermissionDenied(action=f"{verb} this case")
    return case


def _refuse(us: UserSession, case_uuid: str, action: str, error: PermissionDenied) -> None:
    # The refusal is recorded in a unit of work of its own: the refused one changes nothing.
    with us.store.write() as s:
        case_id = s.execute(select(Case.id).where(Case.uuid == case_uuid)).scalar()
        us.audit(s, action, case_id=case_id, summary=error.message)
    raise error


# -- reading -------------------------------------------------------------------------------------


def _filtered(
    query,  # type: ignore[no-untyped-def]
    us: UserSession,
    status: str | None,
    search: str | None,
):
    query = query.where(visible_cases(us.user))
    if status:
        query = query.where(Case.status == CaseStatus(status).value)
    if search:
        match = fts_query(search)
        if match is None:
            return query.where(false())
        # FTS5 answers a MATCH with rowids; the sub-select keeps the filters in one statement.
        query = query.where(
            Case.id.in_(
                select(text("rowid"))
                .select_from(text("case_search"))
                .where(text("case_search MATCH :match"))
            )
        ).params(match=match)
    return query


def list_cases(
    us: UserSession,
    *,
    status: str | None = None,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[CaseRow]:
    """The cases the signed-in person may see, newest registration first."""
    query = _filtered(_rows_query(), us, status, search).order_by(
        Case.registered_at.desc(), Case.id.desc()
    )
    if limit is not None:
        query = query.limit(limit).offset(offset)
    with us.store.read() as s:
        return [_to_row(r) for r in s.execute(query)]


def count_cases(us: UserSession, *, status: str | None = None, search: str | None = None) -> int:
    query = _filtered(select(func.count(Case.id)), us, status, search)
    with us.store.read() as s:
        return s.execute(query).scalar_one()


def open_case(us: UserSession, case_uuid: str) -> CaseRow:
    """Open a case file: allowed readers only, and every opening is in the audit log."""
    try:
        with us.store.write() as s:
            case = _case_for(s, case_uuid, visible_cases(us.user), "open")
            us.audit(s, "case.opened", case_id=case.id)
            row = s.execute(_rows_query().where(Case.id == case.id)).one()
            return _to_row(row)
    except PermissionDenied as e:
        _refuse(us, case_uuid, "case.open_refused", e)
        raise  # unreachable: _refuse raises


# -- changing ------------------------------------------------------------------------------------


def next_case_number(s: Session, agency_code: str, year: int) -> str:
    counter = s.get(CaseNumberCounter, year)
    if counter is None:
        counter = CaseNumberCounter(year=year, last=0)
        s.add(counter)
    counter.last += 1
    return f"{agency_code}-{year}-{counter.last:05d}"


def _check_choice(value: str | None, choices: type, what: str) -> str | None:
    if value is None:
        return None
    try:
        return choices(value).value
    except ValueError:
        allowed = ", ".join(c.value for c in choices)
        raise InvalidInput(detail=f"{what} must be one of: {allowed}.") from None


def register_case(
    us: UserSession,
    *,
    given_name: str,
    family_name: str = "",
    sex: str = Sex.UNKNOWN.value,
    birth_date: date | None = None,
    birth_date_estimated: bool = False,
    location: str = "",
    risk: str | None = None,
    caseworker: str | None = None,
    registered_at: datetime | None = None,
) -> CaseRow:
    """Register a child. A caseworker registers for themself; a supervisor may assign a worker."""
    if not (us.user.roles & {Role.CASEWORKER, Role.SUPERVISOR}):
        raise PermissionDenied(action="register cases")
    if not given_name.strip():
        raise InvalidInput(detail="The child's given name is required.")
    if birth_date and birth_date > date.today():
        raise InvalidInput(detail="The date of birth cannot be in the future.")
    sex = _check_choice(sex, Sex, "Sex") or Sex.UNKNOWN.value
    risk = _check_choice(risk, RiskLevel, "Risk level")
    when = registered_at or datetime.now(UTC)
    with us.store.write() as s:
        worker_id = us.user.id
        if caseworker:
            worker = s.execute(
                select(User).where(User.username == caseworker.strip().casefold())
            ).scalar_one_or_none()
            if worker is None or not worker.active:
                raise NotFound(what=f"The caseworker {caseworker}")
            if worker.id != us.user.id and not (
                Role.SUPERVISOR in us.user.roles and worker.supervisor_id == us.user.id
            ):
                raise PermissionDenied(action="assign cases to that caseworker")
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
            risk=risk,
            stage=Stage.REGISTERED.value,
            status=CaseStatus.OPEN.value,
            caseworker_id=worker_id,
            registered_at=when,
            updated_at=when,
        )
        s.add(case)
        s.flush()
        index_case(s, case.id, case.given_name, case.family_name, case.case_number, case.location)
        us.audit(s, "case.registered", case_id=case.id, summary=case.case_number)
        return _to_row(s.execute(_rows_query().where(Case.id == case.id)).one())


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


def update_case(us: UserSession, case_uuid: str, **changes: object) -> CaseRow:
    """Change a case's details. The audit summary names what changed, not identifying values."""
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise InvalidInput(
            detail=f"These details cannot be changed here: {', '.join(sorted(unknown))}."
        )
    if "sex" in changes:
        changes["sex"] = _check_choice(changes["sex"], Sex, "Sex")  # type: ignore[arg-type]
    if "risk" in changes:
        changes["risk"] = _check_choice(changes["risk"], RiskLevel, "Risk level")  # type: ignore[arg-type]
    if "given_name" in changes and not str(changes["given_name"]).strip():
        raise InvalidInput(detail="The child's given name is required.")
    try:
        with us.store.write() as s:
            case = _case_for(s, case_uuid, editable_cases(us.user), "change")
            notes = []
            for name, value in changes.items():
                old = getattr(case, name)
                if old == value:
                    continue
                setattr(case, name, value)
                notes.append(
                    f"{name} changed" if name in _IDENTIFYING else f"{name}: {old} → {value}"
                )
            if not notes:
                return _to_row(s.execute(_rows_query().where(Case.id == case.id)).one())
            case.updated_at = datetime.now(UTC)
            if changes.keys() & {"given_name", "family_name", "location"}:
                index_case(
                    s, case.id, case.given_name, case.family_name, case.case_number, case.location
                )
            us.audit(s, "case.updated", case_id=case.id, summary="; ".join(notes))
            return _to_row(s.execute(_rows_query().where(Case.id == case.id)).one())
    except PermissionDenied as e:
        _refuse(us, case_uuid, "case.change_refused", e)
        raise

"""Residential care facilities: set up by an administrator, with their staff; who is placed
there now ("Who is here"), who came and left; and the daily log (occurrence book).

Facility staff see only the children placed at their facility now (`desktop.access`, where the
rule lives); the child's caseworker (and their supervisor, and managers) read the child's log
entries in the case file. A serious incident gives the caseworker and the supervisor a task
until one of them records the follow-up. Log entries are never printed on the child's plan.
Audit summaries hold codes (a kind of entry, a facility's number), never what was written.
"""

from __future__ import annotations

import uuid as uuid_module
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, or_, select, true
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from db.models import (
    Case,
    Facility,
    FacilityStaff,
    LogEntry,
    Placement,
    Role,
    User,
)
from desktop import access
from desktop.case_state import deadlines_in, facts_for, refresh
from desktop.placement_state import (
    CONTACT_HOW,
    LOG_KINDS,
    PlacementState,
    latest_reviews,
    review_due,
)
from desktop.session import UserSession

RECENT_DAYS = 90  # admissions and departures shown in "Who is here"


@dataclass(frozen=True)
class FacilityInfo:
    id: int | None
    name: str
    capacity: int = 0
    address: str = ""
    active: bool = True
    placed: int = 0  # children placed there now
    staff: tuple[str, ...] = ()  # usernames of its staff


@access.signed_in
def facilities(us: UserSession, active_only: bool = True) -> list[FacilityInfo]:
    """The agency's facilities (names and places, no child's data): for choosing a placement,
    for filtering the case list, for Administration."""
    with us.store.read() as s:
        query = select(Facility).order_by(Facility.name)
        if active_only:
            query = query.where(Facility.active)
        placed = dict(
            s.execute(
                select(Placement.facility_id, func.count())
                .where(access.is_current_placement())
                .group_by(Placement.facility_id)
            ).all()
        )
        staff: dict[int, list[str]] = {}
        for facility_id, username in s.execute(
            select(FacilityStaff.facility_id, User.username)
            .join(User, User.id == FacilityStaff.user_id)
            .where(User.active)
            .order_by(User.username)
        ):
            staff.setdefault(facility_id, []).append(username)
        return [
            FacilityInfo(
                f.id,
                f.name,
                f.capacity,
                f.address,
                f.active,
                placed.get(f.id, 0),
                tuple(staff.get(f.id, ())),
            )
            for f in s.execute(query).scalars()
        ]


@access.administrator(QT_TRANSLATE_NOOP("errors", "change the facilities"))
def save_facility(us: UserSession, info: FacilityInfo) -> FacilityInfo:
    """Add a facility, or change one's name, capacity, address or whether it is in use."""
    name = " ".join(info.name.split())
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A facility needs a name."))
    if len(name) > 200:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The facility's name is too long."))
    if not 0 < info.capacity <= 10000:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "Write how many children the facility can take (1 or more)."
            )
        )
    with us.store.write() as s:
        same = s.execute(
            select(Facility).where(func.lower(Facility.name) == name.lower())
        ).scalar_one_or_none()
        if same is not None and same.id != info.id:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "There is already a facility named {name}."), name=name
            )
        row = s.get(Facility, info.id) if info.id else None
        if info.id and row is None:
            raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The facility"))
        if row is None:
            row = Facility(created_at=datetime.now(UTC))
            s.add(row)
        row.name, row.capacity = name, info.capacity
        row.address, row.active = info.address.strip(), info.active
        s.flush()
        us.audit(s, "facility.saved", summary=str(row.id))
        return FacilityInfo(row.id, name, row.capacity, row.address, row.active)


@access.administrator(QT_TRANSLATE_NOOP("errors", "change the facilities"))
def assign_staff(us: UserSession, username: str, facility_id: int | None) -> None:
    """Put a facility staff account in a facility (None: in none, it then sees no child)."""
    with us.store.write() as s:
        user = s.execute(select(User).where(User.username == username.strip().lower())).scalar()
        if user is None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "There is no account named {name}."), name=username
            )
        if Role.FACILITY_STAFF not in user.role_set:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors", "{name} is not a facility staff account: give it that role first."
                ),
                name=user.username,
            )
        if facility_id is not None and s.get(Facility, facility_id) is None:
            raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The facility"))
        row = s.get(FacilityStaff, user.id)
        if facility_id is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(FacilityStaff(user_id=user.id, facility_id=facility_id))
        else:
            row.facility_id = facility_id
        us.audit(s, "facility.staff_assigned", summary=f"{user.username} → {facility_id or '-'}")


# -- who is here ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Resident:
    case_uuid: str
    case_number: str
    child_name: str
    birth_date: date | None
    birth_date_estimated: bool
    since: date
    key_worker: str  # the child's caseworker
    next_review: date | None
    stage: str  # the case's
    reintegration: str | None = None  # the step of the child's way home, if one was started

    def age(self, today: date | None = None) -> int | None:
        if self.birth_date is None:
            return None
        today = today or date.today()
        before = (today.month, today.day) < (self.birth_date.month, self.birth_date.day)
        return today.year - self.birth_date.year - before


@dataclass(frozen=True)
class Movement:
    """An admission or a departure: who and when (never where a child went)."""

    on: date
    child_name: str
    arrived: bool


@dataclass(frozen=True)
class House:
    facility: FacilityInfo
    residents: list[Resident]
    movements: list[Movement]  # the last RECENT_DAYS, newest first


def _facility_for(s: Session, us: UserSession, facility_id: int | None) -> Facility:
    """Facility staff: their own facility (and no other); others: the one they name."""
    if Role.FACILITY_STAFF in us.user.roles:
        own = s.execute(
            select(FacilityStaff.facility_id).where(FacilityStaff.user_id == us.user.id)
        ).scalar()
        if own is None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Your account does not belong to a facility yet. Ask an administrator to "
                    "choose yours in Administration.",
                )
            )
        facility_id = own
    facility = s.get(Facility, facility_id) if facility_id else None
    if facility is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The facility"))
    return facility


@access.requires(
    Role.FACILITY_STAFF,
    Role.SUPERVISOR,
    Role.MANAGER,
    Role.CASEWORKER,
    action=QT_TRANSLATE_NOOP("errors", "see who is placed at a facility"),
)
def who_is_here(us: UserSession, facility_id: int | None = None) -> House:
    """The children placed at a facility now, and who came and left lately. Facility staff see
    their own facility's; anyone else only the children whose cases they may open."""
    with us.store.read() as s:
        facility = _facility_for(s, us, facility_id)
        # Their own facility's staff see every child placed there now, and the names and dates
        # of those who came and left lately (never where they went); anyone else, the children
        # whose case files they may open.
        staff = Role.FACILITY_STAFF in us.user.roles
        allowed = true() if staff else access.visible_cases(us.user)
        rows = list(
            s.execute(
                select(Placement, Case, func.coalesce(User.full_name, ""))
                .join(Case, Case.id == Placement.case_id)
                .outerjoin(User, User.id == Case.caseworker_id)
                .where(
                    Placement.facility_id == facility.id,
                    Placement.state == PlacementState.APPROVED,
                    allowed,
                )
                .order_by(Case.given_name, Case.family_name, Case.id)
            )
        )
        months = deadlines_in(s).placement_review_months
        now_here = [(p, c, w) for p, c, w in rows if p.end_date is None]
        last = latest_reviews(s, [p.id for p, _, _ in now_here])
        facts = facts_for(s, [c for _, c, _ in now_here])
        residents = [
            Resident(
                c.uuid,
                c.case_number,
                f"{c.given_name} {c.family_name}".strip(),
                c.birth_date,
                c.birth_date_estimated,
                p.start_date,
                worker,
                review_due(p, last.get(p.id), months),
                c.stage,
                way.stage if (way := facts[c.id].reintegration) else None,
            )
            for p, c, worker in now_here
        ]
        since = date.today() - timedelta(days=RECENT_DAYS)
        movements = []
        for p, c, _ in rows:
            name = f"{c.given_name} {c.family_name}".strip()
            if p.start_date >= since:
                movements.append(Movement(p.start_date, name, True))
            if p.end_date is not None and p.end_date >= since:
                movements.append(Movement(p.end_date, name, False))
        movements.sort(key=lambda m: (m.on, m.arrived), reverse=True)
        info = FacilityInfo(
            facility.id, facility.name, facility.capacity, facility.address, facility.active
        )
        return House(info, residents, movements)


# -- the daily log --------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewLogEntry:
    on: date
    kind: str  # one of placement_state.LOG_KINDS
    text: str
    serious: bool = False  # an incident the caseworker and the supervisor must follow up
    family_member: str = ""  # a family contact: who
    contact_how: str = ""  # visit, call, other


@dataclass(frozen=True)
class LogEntryInfo:
    id: int
    on: date
    kind: str
    text: str
    serious: bool
    family_member: str
    contact_how: str
    case_uuid: str  # "" for the house
    child_name: str
    writer: str
    written_at: datetime
    followed_up_by: str
    followed_up_at: datetime | None
    follow_up_note: str


def _check_entry(entry: NewLogEntry) -> None:
    if entry.kind not in LOG_KINDS:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Choose what the entry is about."))
    if not entry.text.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Write what happened."))
    if entry.on > date.today():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "A log entry cannot be dated in the future.")
        )
    if entry.kind == "family_contact":
        if not entry.family_member.strip():
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors", "Write which family member the child was in contact with."
                )
            )
        if entry.contact_how not in CONTACT_HOW:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "Choose how: a visit, a call or another way.")
            )
    if entry.serious and entry.kind != "incident":
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Only an incident can be marked serious."))


def _entry_rows(s: Session, *where: object, limit: int = 1000) -> list[LogEntryInfo]:
    names = dict(s.execute(select(User.id, User.full_name)).all())
    found = []
    for e, uuid, given, family in s.execute(
        select(LogEntry, Case.uuid, Case.given_name, Case.family_name)
        .outerjoin(Case, Case.id == LogEntry.case_id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(LogEntry.on_date.desc(), LogEntry.id.desc())
        .limit(limit)
    ):
        found.append(
            LogEntryInfo(
                e.id,
                e.on_date,
                e.kind,
                e.text,
                e.serious,
                e.family_member,
                e.contact_how,
                uuid or "",
                f"{given or ''} {family or ''}".strip(),
                e.writer_name or names.get(e.written_by, ""),
                e.written_at,
                names.get(e.followed_up_by, "") if e.followed_up_by else "",
                e.followed_up_at,
                e.follow_up_note,
            )
        )
    return found


@access.for_facility_child(QT_TRANSLATE_NOOP("errors", "write in this facility's daily log"))
def add_log_entry(us: UserSession, case_uuid: str | None, entry: NewLogEntry) -> LogEntryInfo:
    """A line in the facility's daily log, about a child placed there (`case_uuid`) or about the
    house (None). A serious incident gives the caseworker and the supervisor a task."""
    access.require(
        us,
        Role.FACILITY_STAFF,
        action=QT_TRANSLATE_NOOP("errors", "write in a facility's daily log"),
    )
    _check_entry(entry)
    with us.store.write() as s:
        facility = _facility_for(s, us, None)
        case = None
        if case_uuid is not None:
            case = access.case_in(
                s,
                case_uuid,
                access.facility_children(us.user),
                QT_TRANSLATE_NOOP("errors", "write in this facility's daily log"),
            )
        elif entry.serious or entry.kind == "family_contact":
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "A serious incident or a family contact is about a child: choose the child.",
                )
            )
        row = LogEntry(
            uuid=str(uuid_module.uuid4()),
            facility_id=facility.id,
            case_id=case.id if case else None,
            on_date=entry.on,
            kind=entry.kind,
            text=entry.text.strip(),
            serious=entry.serious,
            family_member=" ".join(entry.family_member.split())[:200],
            contact_how=entry.contact_how if entry.kind == "family_contact" else "",
            written_by=us.user.id,
            writer_name=us.user.full_name,
            written_at=datetime.now(UTC),
        )
        s.add(row)
        s.flush()
        us.audit(
            s,
            "log.added",
            case_id=case.id if case else None,
            summary=f"{entry.kind}{' serious' if entry.serious else ''}",
        )
        if case is not None and entry.serious:
            refresh(s, case)
        return _entry_rows(s, LogEntry.id == row.id)[0]


@access.requires(
    Role.FACILITY_STAFF, action=QT_TRANSLATE_NOOP("errors", "read a facility's daily log")
)
def facility_log(us: UserSession, days: int = 31) -> list[LogEntryInfo]:
    """The daily log of the person's facility: the house, and the children placed there now."""
    with us.store.read() as s:
        facility = _facility_for(s, us, None)
        since = date.today() - timedelta(days=days)
        return _entry_rows(
            s,
            LogEntry.facility_id == facility.id,
            LogEntry.on_date >= since,
            or_(LogEntry.case_id.is_(None), access.facility_children(us.user)),
        )


def child_entries(s: Session, case: Case) -> list[LogEntryInfo]:
    """`child_log` in a unit of work that may read the case."""
    return _entry_rows(s, LogEntry.case_id == case.id)


@access.reads_case()
def child_log(us: UserSession, case_uuid: str) -> list[LogEntryInfo]:
    """Every log entry about the child, from every facility they lived in (the case file)."""
    with access.reading_case(us, case_uuid) as (s, case):
        return child_entries(s, case)


@access.changes_case()
def follow_up_incident(us: UserSession, case_uuid: str, entry_id: int, note: str) -> None:
    """The caseworker or the supervisor records what was done about a serious incident."""
    with access.changing_case(us, case_uuid) as (s, case):
        entry = s.get(LogEntry, entry_id)
        if entry is None or entry.case_id != case.id or not entry.serious:
            raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The serious incident"))
        if entry.followed_up_at is not None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "This incident's follow-up is already recorded.")
            )
        if not note.strip():
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "Write what was done: it is kept with the entry.")
            )
        entry.followed_up_by, entry.followed_up_at = us.user.id, datetime.now(UTC)
        entry.follow_up_note = note.strip()
        us.audit(s, "log.followed_up", case_id=case.id, summary=str(entry.id))
        refresh(s, case)

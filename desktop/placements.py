"""Placements: where and with whom a child in alternative care lives, decided with the
supervisor's approval, reviewed at the agency's interval, ended with a reason.

The API other parts of Ulinzi (and the reintegration pathway's "placement decision" form) call:

- `propose(us, case_uuid, details: PlacementDetails) -> PlacementInfo`: the caseworker's
  decision, waiting for the supervisor (an earlier proposal still waiting is withdrawn);
- `approve(us, placement_id) -> PlacementInfo` and
  `return_decision(us, placement_id, comment) -> PlacementInfo`: the supervisor's decision,
  through the same approvals as a closure (`desktop.case_flow.decide`). Approved, the placement
  is the case's current one and the one before it ends the day the new one starts;
- `end(us, case_uuid, end_date, reason) -> PlacementInfo`: the current placement ends, with
  no new one (the child left, ran away, came of age…);
- `record_review(us, case_uuid, review: ReviewDetails) -> PlacementInfo`: is the placement still
  in the child's best interests (UN Guidelines §67; seed 001, "Le réexamen");
- `current(us, case_uuid) -> PlacementInfo | None`, `history(us, case_uuid) -> list[...]`.

A case has at most one current placement: an approved one without an end date. Audit summaries
hold codes (the type of care, the answer of a review), never a name, an address or a reason.
"""

from __future__ import annotations

import uuid as uuid_module
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from db.models import (
    Approval,
    Case,
    CaseStatus,
    Facility,
    LogEntry,
    Placement,
    PlacementReview,
    User,
)
from desktop import access, case_flow
from desktop.case_state import deadlines_in, refresh, request_approval
from desktop.package_schema import received_day, received_moment
from desktop.placement_state import (
    BEST_INTERESTS,
    KIND_LABELS,
    KINDS,
    LEGAL_BASES,
    LEGAL_LABELS,
    LOG_KINDS,
    PlacementState,
    latest_reviews,
    review_due,
)
from desktop.session import UserSession
from desktop.workflow import ApprovalKind


@dataclass(frozen=True)
class PlacementDetails:
    """What a placement decision says (the caseworker's proposal)."""

    kind: str  # one of placement_state.KINDS
    start_date: date
    legal_basis: str  # court_order, administrative_decision, informal
    reason: str
    decided_by: str = ""  # the court, the authority or the person who decided
    carer: str = ""  # the carer's or family's name (not for a facility)
    facility_id: int | None = None  # residential care: the facility
    address: str = ""
    legal_reference: str = ""  # the order's or decision's number
    legal_date: date | None = None
    review_date: date | None = None  # the first review, if sooner than the agency's interval


@dataclass(frozen=True)
class ReviewDetails:
    reviewed_on: date
    best_interests: str  # yes, no, unsure
    child_views: str = ""
    notes: str = ""
    next_review: date | None = None


@dataclass(frozen=True)
class ReviewInfo:
    reviewed_on: date
    best_interests: str
    child_views: str
    notes: str
    next_review: date | None
    by: str


@dataclass(frozen=True)
class PlacementInfo:
    id: int
    uuid: str
    kind: str
    state: str  # proposed, approved, returned, withdrawn
    carer: str
    facility_id: int | None
    facility: str  # the facility's name
    address: str
    start_date: date
    legal_basis: str
    legal_reference: str
    legal_date: date | None
    reason: str
    decided_by: str
    review_date: date | None
    end_date: date | None
    end_reason: str
    replaced: bool  # ended because a new placement was approved
    proposed_by: str
    proposed_at: datetime
    approved_by: str  # the supervisor who decided (approved or returned)
    decided_at: datetime | None
    comment: str  # the supervisor's, when returned
    next_review: date | None  # the current placement's next review
    reviews: tuple[ReviewInfo, ...]  # newest first

    @property
    def is_current(self) -> bool:
        return self.state == PlacementState.APPROVED and self.end_date is None

    @property
    def where(self) -> str:
        """The facility or the carer: who the child lives with."""
        return self.facility or self.carer


def _text(value: str, limit: int) -> str:
    return " ".join(value.split())[:limit]


def details_problem(details: PlacementDetails) -> str | None:
    """What a placement decision still lacks (an untranslated message, marked in the "errors"
    context), or None: the dialog asks this before it closes, the service again before saving."""
    if details.kind not in KINDS:
        return QT_TRANSLATE_NOOP("errors", "Choose the type of placement.")
    if details.kind == "residential_care":
        if not details.facility_id:
            return QT_TRANSLATE_NOOP(
                "errors",
                "Choose the residential care facility (an administrator adds facilities in "
                "Administration).",
            )
    elif not details.carer.strip():
        return QT_TRANSLATE_NOOP(
            "errors", "Write the name of the carer or family the child lives with."
        )
    if details.legal_basis not in LEGAL_BASES:
        return QT_TRANSLATE_NOOP(
            "errors",
            "Choose the legal basis: a court order, an administrative decision or informal.",
        )
    if details.legal_basis != "informal" and not (
        details.legal_reference.strip() and details.legal_date
    ):
        return QT_TRANSLATE_NOOP(
            "errors",
            "A court order or an administrative decision needs its reference and its date.",
        )
    if details.legal_date and details.legal_date > date.today():
        return QT_TRANSLATE_NOOP("errors", "The date of the decision cannot be in the future.")
    if not details.reason.strip():
        return QT_TRANSLATE_NOOP(
            "errors", "Write why this placement is in the child's best interests."
        )
    if details.review_date and details.review_date <= details.start_date:
        return QT_TRANSLATE_NOOP("errors", "The first review comes after the placement starts.")
    return None


def check_details(s: Session, details: PlacementDetails) -> None:
    """A placement decision that can be approved: every part the paper form needs."""
    problem = details_problem(details)
    if problem is not None:
        raise InvalidInput(problem)
    if details.kind == "residential_care":
        facility = s.get(Facility, details.facility_id)
        if facility is None or not facility.active:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Choose the residential care facility (an administrator adds facilities in "
                    "Administration).",
                )
            )


def _infos(s: Session, rows: list[Placement]) -> list[PlacementInfo]:
    if not rows:
        return []
    names = dict(s.execute(select(User.id, User.full_name)).all())
    facilities = dict(s.execute(select(Facility.id, Facility.name)).all())
    approvals = {
        a.id: a
        for a in s.execute(
            select(Approval).where(Approval.id.in_([p.approval_id for p in rows if p.approval_id]))
        ).scalars()
    }
    reviews: dict[int, list[ReviewInfo]] = {}
    for r in s.execute(
        select(PlacementReview)
        .where(PlacementReview.placement_id.in_([p.id for p in rows]))
        .order_by(PlacementReview.reviewed_on.desc(), PlacementReview.id.desc())
    ).scalars():
        reviews.setdefault(r.placement_id, []).append(
            ReviewInfo(
                r.reviewed_on,
                r.best_interests,
                r.child_views,
                r.notes,
                r.next_review,
                names.get(r.user_id, "") if r.user_id else "",
            )
        )
    months = deadlines_in(s).placement_review_months
    last = latest_reviews(s, [p.id for p in rows])
    found = []
    for p in rows:
        a = approvals.get(p.approval_id) if p.approval_id else None
        current = p.state == PlacementState.APPROVED and p.end_date is None
        found.append(
            PlacementInfo(
                id=p.id,
                uuid=p.uuid,
                kind=p.kind,
                state=p.state,
                carer=p.carer,
                facility_id=p.facility_id,
                facility=facilities.get(p.facility_id, "") if p.facility_id else "",
                address=p.address,
                start_date=p.start_date,
                legal_basis=p.legal_basis,
                legal_reference=p.legal_reference,
                legal_date=p.legal_date,
                reason=p.reason,
                decided_by=p.decided_by,
                review_date=p.review_date,
                end_date=p.end_date,
                end_reason=p.end_reason,
                replaced=p.replaced_by is not None,
                proposed_by=names.get(p.proposed_by, "") if p.proposed_by else "",
                proposed_at=p.proposed_at,
                approved_by=names.get(a.decided_by, "") if a and a.decided_by else "",
                decided_at=a.decided_at if a else None,
                comment=a.comment if a else "",
                next_review=review_due(p, last.get(p.id), months) if current else None,
                reviews=tuple(reviews.get(p.id, ())),
            )
        )
    return found


def placements_of(s: Session, case: Case) -> list[PlacementInfo]:
    """A case's placements, newest first (in a unit of work that may read the case)."""
    rows = list(
        s.execute(
            select(Placement)
            .where(Placement.case_id == case.id)
            .order_by(Placement.start_date.desc(), Placement.id.desc())
        ).scalars()
    )
    return _infos(s, rows)


def _one(s: Session, placement: Placement) -> PlacementInfo:
    s.flush()
    return _infos(s, [placement])[0]


def _current_row(s: Session, case: Case) -> Placement | None:
    return s.execute(
        select(Placement).where(Placement.case_id == case.id, access.is_current_placement())
    ).scalar_one_or_none()


@access.changes_case()
def propose(us: UserSession, case_uuid: str, details: PlacementDetails) -> PlacementInfo:
    """Ask the supervisor to approve a placement decision for the case."""
    with access.changing_case(us, case_uuid) as (s, case):
        if case.status != CaseStatus.OPEN:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors", "Only an open case can have a new placement. Reopen it first."
                )
            )
        check_details(s, details)
        for waiting in s.execute(
            select(Placement).where(
                Placement.case_id == case.id, Placement.state == PlacementState.PROPOSED
            )
        ).scalars():
            waiting.state = PlacementState.WITHDRAWN.value
        approval = request_approval(s, us, case, ApprovalKind.PLACEMENT, None)
        placement = Placement(
            uuid=str(uuid_module.uuid4()),
            case_id=case.id,
            kind=details.kind,
            state=PlacementState.PROPOSED.value,
            carer="" if details.kind == "residential_care" else _text(details.carer, 200),
            facility_id=details.facility_id if details.kind == "residential_care" else None,
            address=details.address.strip(),
            start_date=details.start_date,
            legal_basis=details.legal_basis,
            legal_reference=_text(details.legal_reference, 200),
            legal_date=details.legal_date,
            reason=details.reason.strip(),
            decided_by=_text(details.decided_by, 200),
            review_date=details.review_date,
            approval_id=approval.id,
            proposed_by=us.user.id,
            proposed_at=datetime.now(UTC),
        )
        s.add(placement)
        case.updated_at = datetime.now(UTC)
        us.audit(s, "placement.proposed", case_id=case.id, summary=details.kind)
        refresh(s, case)
        return _one(s, placement)


def _approval_of(us: UserSession, placement_id: int) -> int:
    with us.store.read() as s:
        approval_id = s.execute(
            select(Placement.approval_id).where(Placement.id == placement_id)
        ).scalar()
    if approval_id is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The placement decision"))
    return approval_id


def _after_decision(us: UserSession, placement_id: int) -> PlacementInfo:
    with us.store.read() as s:
        placement = s.get(Placement, placement_id)
        assert placement is not None
        return _infos(s, [placement])[0]


@access.service(access.Need.RULES, event="approval.refused")
def approve(us: UserSession, placement_id: int) -> PlacementInfo:
    """The supervisor approves a placement decision: it becomes the current placement."""
    case_flow.decide(us, _approval_of(us, placement_id), True)
    return _after_decision(us, placement_id)


@access.service(access.Need.RULES, event="approval.refused")
def return_decision(us: UserSession, placement_id: int, comment: str) -> PlacementInfo:
    """The supervisor returns a placement decision with what needs to change."""
    case_flow.decide(us, _approval_of(us, placement_id), False, comment)
    return _after_decision(us, placement_id)


@access.changes_case()
def end(us: UserSession, case_uuid: str, end_date: date, reason: str) -> PlacementInfo:
    """The current placement ends without a new one (a new placement ends it by itself)."""
    with access.changing_case(us, case_uuid) as (s, case):
        placement = _current_row(s, case)
        if placement is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "This child has no current placement."))
        if not reason.strip():
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors", "Say why the placement ends: it is kept in its history."
                )
            )
        if end_date > date.today() or end_date < placement.start_date:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors", "A placement ends between the day it started and today."
                )
            )
        placement.end_date, placement.end_reason = end_date, reason.strip()
        case.updated_at = datetime.now(UTC)
        us.audit(s, "placement.ended", case_id=case.id, summary=placement.kind)
        refresh(s, case)
        return _one(s, placement)


@access.changes_case()
def record_review(us: UserSession, case_uuid: str, review: ReviewDetails) -> PlacementInfo:
    """A review of the current placement: still in the child's best interests?"""
    with access.changing_case(us, case_uuid) as (s, case):
        placement = _current_row(s, case)
        if placement is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "This child has no current placement."))
        if review.best_interests not in BEST_INTERESTS:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors", "Answer whether the placement is still in the child's best interests."
                )
            )
        if review.reviewed_on > date.today() or review.reviewed_on < placement.start_date:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors", "A review is held between the day the placement started and today."
                )
            )
        if review.next_review and review.next_review <= review.reviewed_on:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The next review comes after this one."))
        s.add(
            PlacementReview(
                placement_id=placement.id,
                reviewed_on=review.reviewed_on,
                best_interests=review.best_interests,
                child_views=review.child_views.strip(),
                notes=review.notes.strip(),
                next_review=review.next_review,
                user_id=us.user.id,
                at=datetime.now(UTC),
            )
        )
        case.updated_at = datetime.now(UTC)
        us.audit(s, "placement.reviewed", case_id=case.id, summary=review.best_interests)
        refresh(s, case)
        return _one(s, placement)


def decision_document(s: Session, case: Case, placement_id: int, facts: Any, language: str):  # type: ignore[no-untyped-def]
    """The printable placement decision of one of `case`'s placements (`facts`: the case's
    `desktop.document_data.Facts`, for the child and the case as every document names them)."""
    from reports.catalogue import translate
    from reports.placement_decision import PlacementDecision

    rows = placements_of(s, case)
    chosen = next((p for p in rows if p.id == placement_id), None)
    if chosen is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The placement decision"))
    if chosen.state not in (PlacementState.PROPOSED, PlacementState.APPROVED):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "This placement decision was returned or replaced: print the newer one.",
            )
        )
    in_order = sorted(
        (p for p in rows if p.state == PlacementState.APPROVED or p.id == chosen.id),
        key=lambda p: (p.start_date, p.id),
    )
    number = in_order.index(chosen) + 1
    before = [p for p in in_order[: number - 1]]

    def words(table: dict[str, str], code: str) -> str:
        return translate(language, "labels", table.get(code, code))

    previous = ""
    if before:
        p = before[-1]
        previous = f"{words(KIND_LABELS, p.kind)}: {p.where}"
    local = chosen.decided_at.astimezone().date() if chosen.decided_at else None
    return PlacementDecision(
        case=facts.identity(),
        version=number,
        kind=words(KIND_LABELS, chosen.kind),
        where=chosen.where,
        at_facility=chosen.kind == "residential_care",
        address=chosen.address,
        start_date=chosen.start_date,
        review_date=chosen.review_date,
        review_months=deadlines_in(s).placement_review_months,
        legal_basis=words(LEGAL_LABELS, chosen.legal_basis),
        legal_reference=chosen.legal_reference,
        legal_date=chosen.legal_date,
        decided_by=chosen.decided_by,
        reason=chosen.reason,
        previous=previous,
        proposed_by=chosen.proposed_by,
        approved_by=chosen.approved_by if chosen.state == PlacementState.APPROVED else "",
        approved_on=local if chosen.state == PlacementState.APPROVED else None,
    )


@dataclass(frozen=True)
class CasePlacements:
    """What the case file's Placements tab shows, read in one go."""

    placements: list[PlacementInfo]  # newest first
    log: list[Any]  # the child's daily log entries (desktop.facilities.LogEntryInfo)
    facilities: list[tuple[int, str]]  # the facilities in use, to choose from
    review_months: int
    can_change: bool


@access.reads_case()
def case_placements(us: UserSession, case_uuid: str) -> CasePlacements:
    from desktop.facilities import child_entries

    with access.reading_case(us, case_uuid) as (s, case):
        return CasePlacements(
            placements_of(s, case),
            child_entries(s, case),
            [
                (f.id, f.name)
                for f in s.execute(
                    select(Facility).where(Facility.active).order_by(Facility.name)
                ).scalars()
            ],
            deadlines_in(s).placement_review_months,
            access.may_change(s, us, case) and case.status == CaseStatus.OPEN,
        )


@access.reads_case()
def current(us: UserSession, case_uuid: str) -> PlacementInfo | None:
    """The case's current placement, if it has one."""
    with access.reading_case(us, case_uuid) as (s, case):
        row = _current_row(s, case)
        return _infos(s, [row])[0] if row is not None else None


@access.reads_case()
def history(us: UserSession, case_uuid: str) -> list[PlacementInfo]:
    """Every placement of the case, proposals and returned ones too, newest first."""
    with access.reading_case(us, case_uuid) as (s, case):
        return placements_of(s, case)


# -- hand-over: what a transfer package carries (desktop.exchange) ---------------------------------


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def records_of(s: Session, case: Case) -> dict[str, list[dict[str, Any]]]:
    """The case's placements (with their reviews) and the log entries about the child, as plain
    JSON for a package. The facility goes by its name: its number means nothing elsewhere."""
    names = dict(s.execute(select(User.id, User.full_name)).all())
    found = []
    for p in placements_of(s, case):
        found.append(
            {
                "uuid": p.uuid,
                "kind": p.kind,
                "state": p.state,
                "carer": p.carer,
                "facility": p.facility,
                "address": p.address,
                "start_date": _iso(p.start_date),
                "legal_basis": p.legal_basis,
                "legal_reference": p.legal_reference,
                "legal_date": _iso(p.legal_date),
                "reason": p.reason,
                "decided_by": p.decided_by,
                "review_date": _iso(p.review_date),
                "end_date": _iso(p.end_date),
                "end_reason": p.end_reason,
                "proposed_by": p.proposed_by,
                "proposed_at": _iso(p.proposed_at),
                "approved_by": p.approved_by,
                "decided_at": _iso(p.decided_at),
                "reviews": [
                    {
                        "reviewed_on": _iso(r.reviewed_on),
                        "best_interests": r.best_interests,
                        "child_views": r.child_views,
                        "notes": r.notes,
                        "next_review": _iso(r.next_review),
                        "by": r.by,
                    }
                    for r in p.reviews
                ],
            }
        )
    facilities = dict(s.execute(select(Facility.id, Facility.name)).all())
    entries = [
        {
            "uuid": e.uuid,
            "facility": facilities.get(e.facility_id, "") if e.facility_id else "",
            "on": _iso(e.on_date),
            "kind": e.kind,
            "text": e.text,
            "serious": e.serious,
            "family_member": e.family_member,
            "contact_how": e.contact_how,
            "writer": e.writer_name or names.get(e.written_by, ""),
            "written_at": _iso(e.written_at),
            "followed_up_by": names.get(e.followed_up_by, "") if e.followed_up_by else "",
            "followed_up_at": _iso(e.followed_up_at),
            "follow_up_note": e.follow_up_note,
        }
        for e in s.execute(
            select(LogEntry).where(LogEntry.case_id == case.id).order_by(LogEntry.id)
        ).scalars()
    ]
    return {"placements": found, "log_entries": entries}


def apply_records(s: Session, case: Case, record: dict[str, Any]) -> None:
    """A received case's placements and log entries, added to `case` (in the unit of work of
    the import). The sender's decisions are history here: a received placement keeps its
    state and dates, but no facility of ours (its name is kept as who the child lives with), so
    no facility's staff here sees the child until a placement is decided here. Raises KeyError,
    ValueError or TypeError on a damaged record (the import says so). A package made before
    placements existed has none: nothing is added. A child lives in one place at a time: two
    current placements (approved, not ended) are a damaged record."""
    received = record.get("placements") or []
    current = [
        p for p in received if p["state"] == PlacementState.APPROVED and not p.get("end_date")
    ]
    if len(current) > 1:
        raise ValueError("two current placements")
    for p in received:
        if p["kind"] not in KINDS or p["state"] not in PlacementState._value2member_map_:
            raise ValueError("placement")
        start, end = received_day(p["start_date"]), received_day(p.get("end_date"))
        if start is None or (end is not None and end < start):
            raise ValueError("placement dates")
        row = Placement(
            uuid=str(uuid_module.uuid4()),  # ours: the sender's may already be in this store
            case_id=case.id,
            kind=p["kind"],
            state=p["state"],
            carer=str(p.get("carer") or p.get("facility") or "")[:200],
            facility_id=None,
            address=str(p.get("address") or ""),
            start_date=start,
            legal_basis=str(p.get("legal_basis") or "informal"),
            legal_reference=str(p.get("legal_reference") or "")[:200],
            legal_date=received_day(p.get("legal_date")),
            reason=str(p.get("reason") or ""),
            decided_by=str(p.get("decided_by") or "")[:200],
            review_date=received_day(p.get("review_date")),
            end_date=received_day(p.get("end_date")),
            end_reason=str(p.get("end_reason") or ""),
            proposed_at=received_moment(p.get("proposed_at")) or datetime.now(UTC),
        )
        s.add(row)
        s.flush()
        for r in p.get("reviews") or []:
            reviewed = received_day(r["reviewed_on"])
            if reviewed is None or r["best_interests"] not in BEST_INTERESTS:
                raise ValueError("placement review")
            s.add(
                PlacementReview(
                    placement_id=row.id,
                    reviewed_on=reviewed,
                    best_interests=r["best_interests"],
                    child_views=str(r.get("child_views") or ""),
                    notes=str(r.get("notes") or ""),
                    next_review=received_day(r.get("next_review")),
                    at=datetime.now(UTC),
                )
            )
    for e in record.get("log_entries") or []:
        on = received_day(e["on"])
        if on is None or e["kind"] not in LOG_KINDS:
            raise ValueError("log entry")
        s.add(
            LogEntry(
                uuid=str(uuid_module.uuid4()),
                facility_id=None,
                case_id=case.id,
                on_date=on,
                kind=e["kind"],
                text=str(e["text"]),
                serious=bool(e.get("serious")),
                family_member=str(e.get("family_member") or "")[:200],
                contact_how=str(e.get("contact_how") or ""),
                writer_name=str(e.get("writer") or "")[:200],
                written_at=received_moment(e.get("written_at")) or datetime.now(UTC),
                followed_up_at=received_moment(e.get("followed_up_at")),
                follow_up_note=str(e.get("follow_up_note") or ""),
            )
        )

"""Placements in a case's workflow: what a supervisor's decision on a placement does, when the
next placement review is due, and the tasks that placements and the daily log give.

No services here and no Qt: `desktop.case_flow.decide` calls `decided` inside the decision's
unit of work, and `desktop.case_state.refresh` calls `tasks_for`, so that a placement's tasks are
kept up to date by the same refresh, in the same unit of work, as every other task of the case.
"""

from __future__ import annotations

import enum
import json
import uuid as uuid_module
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, InvalidInput
from db.models import (
    Approval,
    Case,
    CaseStatus,
    FormSubmission,
    LogEntry,
    Placement,
    PlacementReview,
)
from desktop.access import is_current_placement
from desktop.workflow import Deadlines, NextAction, add_months, end_of

_BATCH = 500


class PlacementState(enum.StrEnum):
    PROPOSED = "proposed"  # waiting for the supervisor's decision
    APPROVED = "approved"  # the current placement until it has an end date
    RETURNED = "returned"  # the supervisor asked for changes: a new proposal follows
    WITHDRAWN = "withdrawn"  # a newer proposal took its place before a decision


# The types of care of seed 001 (table 1) and the UN Guidelines, in the order people think of
# them: at home first, institutions last but one.
KINDS = (
    "parental_home",
    "kinship_formal",
    "kinship_informal",
    "foster_family",
    "residential_care",
    "supervised_independent_living",
    "adoption",
    "other",
)
LEGAL_BASES = ("court_order", "administrative_decision", "informal")
BEST_INTERESTS = ("yes", "no", "unsure")  # the review's question, answered
# Log entry kinds; a family contact (visit or call) is reintegration evidence.
LOG_KINDS = ("incident", "health", "school", "family_contact", "behaviour", "achievement")
CONTACT_HOW = ("visit", "call", "other")
INCIDENT_FOLLOW_UP_DAYS = 1  # a serious incident is followed up the next day at the latest

# Their words, for the window (`ui.common.label`) and for paper (`reports.catalogue.translate`).
KIND_LABELS = {
    "parental_home": QT_TRANSLATE_NOOP("labels", "Parental home"),
    "kinship_formal": QT_TRANSLATE_NOOP("labels", "Kinship care (formal)"),
    "kinship_informal": QT_TRANSLATE_NOOP("labels", "Kinship care (informal)"),
    "foster_family": QT_TRANSLATE_NOOP("labels", "Foster family"),
    "residential_care": QT_TRANSLATE_NOOP("labels", "Residential care facility"),
    "supervised_independent_living": QT_TRANSLATE_NOOP("labels", "Supervised independent living"),
    "adoption": QT_TRANSLATE_NOOP("labels", "Adoption"),
    "other": QT_TRANSLATE_NOOP("labels", "Other"),
}
LEGAL_LABELS = {
    "court_order": QT_TRANSLATE_NOOP("labels", "Court order"),
    "administrative_decision": QT_TRANSLATE_NOOP("labels", "Administrative decision"),
    "informal": QT_TRANSLATE_NOOP("labels", "Informal"),
}
STATE_LABELS = {
    "proposed": QT_TRANSLATE_NOOP("labels", "waiting for the supervisor"),
    "approved": QT_TRANSLATE_NOOP("labels", "approved"),
    "returned": QT_TRANSLATE_NOOP("labels", "returned"),
    "withdrawn": QT_TRANSLATE_NOOP("labels", "replaced by a newer request"),
}
BEST_INTERESTS_LABELS = {
    "yes": QT_TRANSLATE_NOOP("labels", "Yes, it is still in the child's best interests"),
    "no": QT_TRANSLATE_NOOP("labels", "No, a change is needed"),
    "unsure": QT_TRANSLATE_NOOP("labels", "Not sure: to discuss with the supervisor"),
}
LOG_KIND_LABELS = {
    "incident": QT_TRANSLATE_NOOP("labels", "Incident"),
    "health": QT_TRANSLATE_NOOP("labels", "Health"),
    "school": QT_TRANSLATE_NOOP("labels", "School"),
    "family_contact": QT_TRANSLATE_NOOP("labels", "Family contact"),
    "behaviour": QT_TRANSLATE_NOOP("labels", "Behaviour"),
    "achievement": QT_TRANSLATE_NOOP("labels", "Achievement"),
}
CONTACT_LABELS = {
    "visit": QT_TRANSLATE_NOOP("labels", "Visit"),
    "call": QT_TRANSLATE_NOOP("labels", "Call"),
    "other": QT_TRANSLATE_NOOP("labels", "Other"),
}


def placed_cases(kind: str | None, facility_id: int | None) -> Select[tuple[int]]:
    """The cases whose current placement is of type `kind` and/or at `facility_id`."""
    query = select(Placement.case_id).where(is_current_placement())
    if kind:
        query = query.where(Placement.kind == kind)
    if facility_id:
        query = query.where(Placement.facility_id == facility_id)
    return query


def decided(s: Session, approval: Approval, approve: bool) -> Placement | None:
    """A supervisor approved or returned a placement decision: approved, it becomes the case's
    current placement and the one before it ends on the day the new one starts."""
    placement = s.execute(
        select(Placement).where(Placement.approval_id == approval.id)
    ).scalar_one_or_none()
    if placement is None or placement.state != PlacementState.PROPOSED:
        return None
    if not approve:
        placement.state = PlacementState.RETURNED.value
        return placement
    for old in s.execute(
        select(Placement).where(
            Placement.case_id == placement.case_id,
            is_current_placement(),
            Placement.id != placement.id,
        )
    ).scalars():
        old.end_date = max(placement.start_date, old.start_date)
        old.replaced_by = placement.id
    placement.state = PlacementState.APPROVED.value
    return placement


# Where the reintegration's placement decision says the child will live, as a type of care.
KIND_OF_DECISION = {
    "birth_family": "parental_home",
    "extended_family": "kinship_formal",  # decided by the agency: a formal kinship placement
    "foster_family": "foster_family",
    "adoptive_family": "adoption",
    "supervised_independent_living": "supervised_independent_living",
}


def reunified(
    s: Session, case: Case, placed: dict[str, Any], by: int, decision: Approval
) -> Placement | None:
    """A reintegration's placement (the reunification form, first saved) under the placement
    decision the supervisor approved: the child's new placement starts on the day they were
    placed, approved by that decision, and the placement before it (a facility, a foster
    family) ends that day. The child leaves the facility's list of who is here; the history
    keeps both. None when the form's answers name no day (it is required, so never)."""
    row = s.get(FormSubmission, decision.submission_id) if decision.submission_id else None
    answers = json.loads(row.answers) if row is not None else {}
    try:
        start = date.fromisoformat(str(placed.get("placed_on")))
        legal_date = date.fromisoformat(str(answers.get("decided_on")))
    except ValueError:
        return None
    before = (
        s.execute(select(Placement).where(Placement.case_id == case.id, is_current_placement()))
        .scalars()
        .all()
    )
    earliest = max([legal_date, *(p.start_date for p in before)])
    if start < earliest:  # it would end the current placement before it began
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "The child was placed with the family on {placed}, before the placement "
                "decision or the current placement began ({day}). Check the date.",
            ),
            placed=start.isoformat(),
            day=earliest.isoformat(),
        )
    placement = Placement(
        uuid=str(uuid_module.uuid4()),
        case_id=case.id,
        kind=KIND_OF_DECISION.get(str(answers.get("option")), "other"),
        state=PlacementState.APPROVED.value,
        carer=str(placed.get("carer") or answers.get("carer") or "")[:200],
        address=str(placed.get("address") or answers.get("address") or ""),
        start_date=start,
        legal_basis="administrative_decision",
        legal_date=legal_date,
        reason=str(answers.get("best_interests") or ""),
        approval_id=decision.id,
        proposed_by=by,
    )
    s.add(placement)
    s.flush()
    for old in before:
        old.end_date = start
        old.replaced_by = placement.id
    return placement


def review_due(placement: Placement, last: PlacementReview | None, months: int) -> date:
    """The placement's next review: the date chosen at the last review (or in the decision),
    never later than the agency's interval after the last review (or the start)."""
    if last is not None:
        base, chosen = last.reviewed_on, last.next_review
    else:
        base, chosen = placement.start_date, placement.review_date
    limit = add_months(base, months)  # type: ignore[arg-type]  # works on dates as on datetimes
    return min(limit, chosen) if chosen else limit


def latest_reviews(s: Session, placement_ids: Iterable[int]) -> dict[int, PlacementReview]:
    """Each placement's latest review (by the day it was held, then as saved)."""
    found: dict[int, PlacementReview] = {}
    for chunk in _chunks(list(placement_ids)):
        for r in s.execute(
            select(PlacementReview)
            .where(PlacementReview.placement_id.in_(chunk))
            .order_by(PlacementReview.reviewed_on, PlacementReview.id)
        ).scalars():
            found[r.placement_id] = r
    return found


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _BATCH):
        yield ids[start : start + _BATCH]


def tasks_for(
    s: Session, cases: list[Case], deadlines: Deadlines, supervisors: dict[int, int | None]
) -> list[dict[str, Any]]:
    """The `tasks` rows placements and the daily log give `cases` (open cases only): a decision
    for the supervisor, a returned one to revise, the current placement's review, and each
    serious incident not yet followed up (for the caseworker and for the supervisor)."""
    open_cases = {c.id: c for c in cases if c.status == CaseStatus.OPEN.value}
    rows: list[dict[str, Any]] = []

    def add(case: Case, kind: str, due: Any, for_supervisor: bool = False, **more: Any) -> None:
        assignee = supervisors.get(case.caseworker_id) if for_supervisor else case.caseworker_id
        rows.append(
            {
                "case_id": case.id,
                "kind": kind,
                "assignee_id": assignee if case.caseworker_id else None,
                "for_supervisor": for_supervisor,
                "due": due,
                "form_id": "",
                "instance": None,
                "detail": str(more.get("detail", ""))[:500],
                "ref": str(more.get("ref", "")),
            }
        )

    for chunk in _chunks(list(open_cases)):
        latest: dict[int, tuple[Placement, Approval | None]] = {}
        current: dict[int, Placement] = {}
        for p, a in s.execute(
            select(Placement, Approval)
            .outerjoin(Approval, Approval.id == Placement.approval_id)
            .where(Placement.case_id.in_(chunk))
            .order_by(Placement.id)
        ):
            latest[p.case_id] = (p, a)
            if p.state == PlacementState.APPROVED and p.end_date is None:
                current[p.case_id] = p
        for case_id, (p, a) in latest.items():
            case = open_cases[case_id]
            if p.state == PlacementState.PROPOSED:
                due = p.proposed_at + timedelta(days=deadlines.approval_days)
                add(case, NextAction.PLACEMENT_APPROVAL, due, True, ref=p.id)
            elif p.state == PlacementState.RETURNED and a is not None and a.decided_at:
                due = a.decided_at + timedelta(days=deadlines.approval_days)
                add(case, NextAction.REVISE_PLACEMENT, due, ref=p.id)
        reviews = latest_reviews(s, [p.id for p in current.values()])
        for case_id, p in current.items():
            due = review_due(p, reviews.get(p.id), deadlines.placement_review_months)
            add(open_cases[case_id], NextAction.PLACEMENT_REVIEW, end_of(due), ref=p.id)
        for entry in s.execute(
            select(LogEntry)
            .where(
                LogEntry.case_id.in_(chunk),
                LogEntry.serious.is_(True),
                LogEntry.followed_up_at.is_(None),
            )
            .order_by(LogEntry.id)
        ).scalars():
            assert entry.case_id is not None
            due = entry.written_at + timedelta(days=INCIDENT_FOLLOW_UP_DAYS)
            for supervisor in (False, True):
                add(
                    open_cases[entry.case_id],
                    NextAction.SERIOUS_INCIDENT,
                    due,
                    supervisor,
                    ref=entry.id,
                    detail=entry.text,
                )
    return rows

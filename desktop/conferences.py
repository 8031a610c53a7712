"""Case conferences: a planned inter-agency meeting about one case, and its minutes.

A conference is scheduled for a case (when, where, who chairs, why); it is a task for the
caseworker and their supervisor until its minutes are finalised. The minutes are the
`case_conference` form, instance `number`: drafts autosave like every form, a finalised version
is never edited, and a correction is a new version that says what was corrected and why.

Who may hear about the child is checked against the consent form: an attendee from an
organisation the consent does not name is refused unless the minutes record why they attend
anyway (an override, counted in the audit log). On finalising, our agency's action points are
added to the case plan (and so to the caseworker's tasks); partner organisations' action
points are kept as their commitments, which the caseworker follows up.

Audit summaries hold numbers and codes, never a name, a reason or a note.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound, UlinziError
from db.models import (
    Case,
    Conference,
    ConferenceAction,
    ConferenceState,
    FormSubmission,
    PlanActionUpdate,
    Role,
    Stage,
    User,
)
from desktop import access, drafts
from desktop.access import may_change
from desktop.agency import agenda_in
from desktop.case_forms import (
    CONFERENCE,
    CONSENT,
    DRAFT_KIND,
    ConsentToShare,
    FormChangedMeanwhile,
    _add_submission,
    _checked,
    _latest,
    consent_to_share,
    draft_key,
    form_set,
)
from desktop.case_state import plan_actions, refresh
from desktop.forms.saved import Submission, submission_of
from desktop.session import UserSession
from desktop.workflow import OPEN_ACTION_STATUSES, FormNotNow, PlanAction, form_allowed

FORM_ID = CONFERENCE
PURPOSES = ("build_plan", "review_plan", "best_interests", "closure", "other")
COMMITMENT_STATUSES = ("not_started", "in_progress", "done", "dropped")
CORRECTION_KEY = "_correction"  # kept with a corrected version's answers (never a field id)
# The plan action's "how we will know it is done", in the agency's language.
_FROM_CONFERENCE = QT_TRANSLATE_NOOP("Conferences", "Agreed at the case conference of {date}")


class AttendeeNotCovered(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "{name} ({organisation}) cannot attend on the basis of consent: the consent form does "
        "not name “{organisation}”. Choose “Invited without recorded consent” and say why they "
        "attend, or record the consent in a new version of the consent form first. Your "
        "minutes are kept as a draft.",
    )


# -- what the window shows ----------------------------------------------------------------------


@dataclass(frozen=True)
class ConferenceInfo:
    number: int
    scheduled_at: datetime
    place: str
    chair: str
    purpose: str
    purpose_other: str
    state: str
    cancel_reason: str
    scheduled_by: str
    minutes_revision: int | None  # the latest finalised version of the minutes
    minutes_by: str
    minutes_at: datetime | None
    correction: str  # why the latest version corrected the one before


@dataclass(frozen=True)
class CommitmentRow:
    id: int
    conference_number: int
    action: str
    owner: str
    organisation: str
    ours: bool
    due: date | None
    status: str
    in_plan: bool


@dataclass(frozen=True)
class CaseConferences:
    conferences: list[ConferenceInfo]
    actions: list[CommitmentRow]
    can_change: bool


@access.reads_case()
def case_conferences(us: UserSession, case_uuid: str) -> CaseConferences:
    with access.reading_case(us, case_uuid) as (s, case):
        can_change = may_change(s, us, case)
        names = dict(s.execute(select(User.id, User.full_name)).all())
        minutes = {}
        for row in s.execute(
            select(FormSubmission)
            .where(FormSubmission.case_id == case.id, FormSubmission.form_id == FORM_ID)
            .order_by(FormSubmission.revision)
        ).scalars():
            minutes[row.instance] = row
        found = []
        numbers = {}
        for c in s.execute(
            select(Conference).where(Conference.case_id == case.id).order_by(Conference.number)
        ).scalars():
            numbers[c.id] = c.number
            m = minutes.get(c.number)
            found.append(
                ConferenceInfo(
                    number=c.number,
                    scheduled_at=c.scheduled_at,
                    place=c.place,
                    chair=c.chair,
                    purpose=c.purpose,
                    purpose_other=c.purpose_other,
                    state=c.state,
                    cancel_reason=c.cancel_reason,
                    scheduled_by=names.get(c.created_by, ""),
                    minutes_revision=m.revision if m else None,
                    minutes_by=names.get(m.submitted_by, "") if m else "",
                    minutes_at=m.submitted_at if m else None,
                    correction=str(json.loads(m.answers).get(CORRECTION_KEY) or "") if m else "",
                )
            )
        actions = [
            CommitmentRow(
                a.id,
                numbers.get(a.conference_id, 0),
                a.action,
                a.owner,
                a.organisation,
                a.ours,
                a.due,
                a.status,
                a.plan_index is not None,
            )
            for a in s.execute(
                select(ConferenceAction)
                .where(ConferenceAction.case_id == case.id)
                .order_by(ConferenceAction.conference_id, ConferenceAction.id)
            ).scalars()
        ]
        return CaseConferences(found, actions, can_change)


# -- scheduling ----------------------------------------------------------------------------------


def _check_stage(case: Case) -> None:
    stage = Stage(case.stage)
    if not form_allowed(stage, FORM_ID):
        raise FormNotNow(FormNotNow.TRANSFERRED if stage == Stage.TRANSFERRED else None)


def _conference(s: Session, case: Case, number: int) -> Conference:
    found = s.execute(
        select(Conference).where(Conference.case_id == case.id, Conference.number == number)
    ).scalar_one_or_none()
    if found is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The case conference"))
    return found


def _check_schedule(when: datetime, place: str, chair: str, purpose: str, other: str) -> None:
    if when.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware one")
    if purpose not in PURPOSES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "{what} must be one of: {allowed}."),
            what="purpose",
            allowed=", ".join(PURPOSES),
        )
    if purpose == "other" and not other.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Say what the conference is for."))
    if not place.strip():
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "Say where the conference takes place: a confidential place."
            )
        )
    if not chair.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Say who chairs the conference."))
    if max(len(place.strip()), len(chair.strip()), len(other.strip())) > 200:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "An answer is too long: at most 200 characters.")
        )


@access.changes_case()
def schedule(
    us: UserSession,
    case_uuid: str,
    when: datetime,
    place: str,
    chair: str,
    purpose: str,
    purpose_other: str = "",
    number: int | None = None,
) -> int:
    """Schedule a conference for a case, or (with `number`) move one still to be held.
    Returns the conference's number."""
    _check_schedule(when, place, chair, purpose, purpose_other)
    with access.changing_case(us, case_uuid) as (s, case):
        _check_stage(case)
        if number is None:
            last = s.execute(
                select(func.max(Conference.number)).where(Conference.case_id == case.id)
            ).scalar()
            conference = Conference(
                case_id=case.id,
                number=int(last or 0) + 1,
                created_by=us.user.id,
                created_at=datetime.now(UTC),
                state=ConferenceState.SCHEDULED.value,
            )
            s.add(conference)
            action = "conference.scheduled"
        else:
            conference = _conference(s, case, number)
            if conference.state != ConferenceState.SCHEDULED:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "This conference was held or cancelled: it cannot be moved.",
                    )
                )
            action = "conference.rescheduled"
        conference.scheduled_at = when
        conference.place, conference.chair = place.strip(), chair.strip()
        conference.purpose = purpose
        conference.purpose_other = purpose_other.strip() if purpose == "other" else ""
        s.flush()
        case.updated_at = datetime.now(UTC)
        us.audit(s, action, case_id=case.id, summary=f"#{conference.number}: {purpose}")
        refresh(s, case)
        return conference.number


@access.changes_case()
def cancel(us: UserSession, case_uuid: str, number: int, reason: str) -> None:
    if not reason.strip():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Say why the conference is cancelled: it is kept.")
        )
    with access.changing_case(us, case_uuid) as (s, case):
        _check_stage(case)
        conference = _conference(s, case, number)
        if conference.state != ConferenceState.SCHEDULED:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "Only a conference still to be held can be cancelled.")
            )
        conference.state = ConferenceState.CANCELLED.value
        conference.cancel_reason = reason.strip()
        case.updated_at = datetime.now(UTC)
        us.audit(s, "conference.cancelled", case_id=case.id, summary=f"#{number}")
        refresh(s, case)


# -- writing the minutes -------------------------------------------------------------------------


@dataclass(frozen=True)
class MinutesStart:
    """What the minutes are written from: the schedule, the saved version (for a correction),
    the agency's agenda, the case's plan, and whom the consent covers."""

    number: int
    conference: ConferenceInfo
    saved: Submission | None
    agenda: list[str] | None
    goals: list[str]
    overdue: list[PlanAction]
    consent: ConsentToShare
    case_number: str
    registered_at: datetime
    stage: str
    risk: str | None


@access.reads_case()
def minutes_start(us: UserSession, case_uuid: str, number: int) -> MinutesStart:
    with access.reading_case(us, case_uuid) as (s, case):
        _conference(s, case, number)
        saved_row = _latest(s, case.id, FORM_ID, number)
        saved = submission_of(s, saved_row) if saved_row else None
        consent_row = _latest(s, case.id, CONSENT)
        consent = consent_to_share([submission_of(s, consent_row)] if consent_row else [])
        plan = _latest(s, case.id, "case_plan")
        goals: list[str] = []
        overdue: list[PlanAction] = []
        if plan is not None:
            answers = json.loads(plan.answers)
            goals = [str(g.get("goal") or "") for g in answers.get("goals") or [] if g]
            today = datetime.now(UTC).astimezone().date()
            overdue = [
                a
                for a in plan_actions(answers, _updates(s, plan.id))
                if a.status in OPEN_ACTION_STATUSES and a.due is not None and a.due < today
            ]
        agenda_items = agenda_in(s)
        stage, risk = case.stage, case.risk
        case_number, registered_at = case.case_number, case.registered_at
    info = next(c for c in case_conferences(us, case_uuid).conferences if c.number == number)
    return MinutesStart(
        number,
        info,
        saved,
        agenda_items,
        goals,
        overdue,
        consent,
        case_number,
        registered_at,
        stage,
        risk,
    )


def _updates(s: Session, plan_id: int) -> dict[int, str]:
    return {
        u.action_index: u.status
        for u in s.execute(
            select(PlanActionUpdate)
            .where(PlanActionUpdate.submission_id == plan_id)
            .order_by(PlanActionUpdate.id)
        ).scalars()
    }


def uncovered_attendees(consent: ConsentToShare, attendees: Any) -> list[int]:
    """The attendees (indexes) said to attend on the basis of consent whose organisation the
    consent form does not cover."""
    found = []
    for index, entry in enumerate(attendees if isinstance(attendees, list) else []):
        if isinstance(entry, dict) and entry.get("basis") == "consent":
            organisation = str(entry.get("organisation") or "")
            if not organisation.strip() or not consent.covers(organisation):
                found.append(index)
    return found


@access.changes_case()
def save_minutes(
    us: UserSession,
    case_uuid: str,
    number: int,
    answers: dict[str, Any],
    based_on: int | None,
    correction: str = "",
) -> Submission:
    """Finalise the minutes of conference `number` (a first version, or with `based_on` a
    correction that says what changed and why), in one transaction with what follows from
    them: the conference is held, our action points join the case plan, partners'
    commitments are kept to follow up, and the case's tasks are worked out again."""
    form = form_set(us).get(FORM_ID)
    kept = _checked(form, answers)
    key = draft_key(case_uuid, FORM_ID, number)
    if based_on is not None and not correction.strip():
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "Finalised minutes are only corrected with a reason: say what is corrected and why.",
            )
        )
    try:
        with access.changing_case(us, case_uuid) as (s, case):
            _check_stage(case)
            conference = _conference(s, case, number)
            if conference.state == ConferenceState.CANCELLED:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP("errors", "This conference was cancelled: it has no minutes.")
                )
            previous = _latest(s, case.id, FORM_ID, number)
            if (previous.revision if previous else None) != based_on:
                raise FormChangedMeanwhile(form=form.title.en)
            consent_row = _latest(s, case.id, CONSENT)
            consent = consent_to_share([submission_of(s, consent_row)] if consent_row else [])
            attendees = kept.get("attendees") or []
            for index in uncovered_attendees(consent, attendees):
                entry = attendees[index]
                raise AttendeeNotCovered(
                    name=str(entry.get("name") or ""),
                    organisation=str(entry.get("organisation") or ""),
                )
            if based_on is not None:
                kept[CORRECTION_KEY] = correction.strip()
            row = _add_submission(s, us, case, form, kept, previous, number)
            overrides = sum(1 for a in attendees if a.get("basis") == "override")
            if overrides:
                us.audit(
                    s,
                    "conference.consent_override",
                    case_id=case.id,
                    summary=f"#{number}: {overrides}",
                )
            conference.state = ConferenceState.HELD.value
            added = _sync_actions(s, us, case, conference, kept)
            us.audit(
                s,
                "conference.minutes_final",
                case_id=case.id,
                summary=f"#{number} revision {row.revision}: {added} actions added",
            )
            case.updated_at = datetime.now(UTC)
            refresh(s, case)
            drafts.discard_draft_in(s, us, DRAFT_KIND, key)
            return submission_of(s, row)
    except (FormChangedMeanwhile, AttendeeNotCovered):
        drafts.save_draft(us, DRAFT_KIND, key, {"answers": {FORM_ID: answers}})
        raise


def _key(action: str, owner: str) -> tuple[str, str]:
    return (" ".join(action.split()).casefold(), " ".join(owner.split()).casefold())


def _sync_actions(
    s: Session, us: UserSession, case: Case, conference: Conference, answers: dict[str, Any]
) -> int:
    """Keep the conference's action points as its minutes say: new ones are added (ours to the
    plan when the case has one), and those a correction removed are dropped. Returns how many
    were added."""
    now = datetime.now(UTC)
    existing = {
        _key(a.action, a.owner): a
        for a in s.execute(
            select(ConferenceAction).where(ConferenceAction.conference_id == conference.id)
        ).scalars()
    }
    wanted: list[ConferenceAction] = []
    goals: dict[int, Any] = {}  # the plan goal each of ours serves, by position in `wanted`
    for entry in answers.get("actions") or []:
        key = _key(str(entry.get("action") or ""), str(entry.get("owner") or ""))
        if key in existing:
            existing.pop(key)
            continue
        due = entry.get("due")
        wanted.append(
            ConferenceAction(
                case_id=case.id,
                conference_id=conference.id,
                action=str(entry.get("action") or "").strip(),
                owner=str(entry.get("owner") or "").strip(),
                organisation=""
                if entry.get("our_agency")
                else str(entry.get("organisation") or ""),
                ours=bool(entry.get("our_agency")),
                due=date.fromisoformat(due) if isinstance(due, str) else None,
                status="not_started",
                updated_by=us.user.id,
                updated_at=now,
            )
        )
        goals[len(wanted) - 1] = entry.get("goal_number")
    for removed in existing.values():  # a correction took it out of the minutes
        if removed.status in OPEN_ACTION_STATUSES:
            removed.status, removed.updated_by, removed.updated_at = "dropped", us.user.id, now
            if removed.plan_submission_id is not None and removed.plan_index is not None:
                s.add(
                    PlanActionUpdate(
                        case_id=case.id,
                        submission_id=removed.plan_submission_id,
                        action_index=removed.plan_index,
                        status="dropped",
                        user_id=us.user.id,
                        at=now,
                    )
                )
    ours = [(a, goals.get(i)) for i, a in enumerate(wanted) if a.ours]
    if ours:
        _add_to_plan(s, us, case, conference, ours, answers)
    s.add_all(wanted)
    return len(wanted)


def _add_to_plan(
    s: Session,
    us: UserSession,
    case: Case,
    conference: Conference,
    ours: list[tuple[ConferenceAction, Any]],
    minutes: dict[str, Any],
) -> None:
    """Our agency's action points become actions of a new version of the case plan (with the
    statuses of the actions so far), when the case has a plan."""
    plan = _latest(s, case.id, "case_plan")
    if plan is None:
        return
    answers = json.loads(plan.answers)
    entries = [dict(e) for e in answers.get("actions") or [] if isinstance(e, dict)]
    for a in plan_actions(answers, _updates(s, plan.id)):
        if a.index < len(entries):
            entries[a.index]["status"] = a.status
    goals = len(answers.get("goals") or []) or 1
    language = us.agency.language
    from reports.catalogue import translate
    from reports.texts import format_date  # plain words and dates; no ReportLab

    held = minutes.get("held_on")
    day = format_date(date.fromisoformat(held), language) if isinstance(held, str) else ""
    for a, goal in ours:
        a.plan_index = len(entries)
        entries.append(
            {
                "goal_number": goal if isinstance(goal, int) and 1 <= goal <= goals else 1,
                "action": a.action,
                "term": "short",
                "responsible": "caseworker",
                "responsible_name": a.owner,
                "due": a.due.isoformat() if a.due else "",
                "indicator": translate(language, "Conferences", _FROM_CONFERENCE).format(date=day),
                "status": "not_started",
            }
        )
    answers["actions"] = entries
    plan_form = form_set(us).get("case_plan")
    row = _add_submission(s, us, case, plan_form, answers, plan)
    for a, _ in ours:
        a.plan_submission_id = row.id
    us.audit(
        s,
        "plan.actions_added",
        case_id=case.id,
        summary=f"conference #{conference.number}: {len(ours)}",
    )


@access.changes_case()
def set_commitment_status(us: UserSession, case_uuid: str, action_id: int, status: str) -> None:
    """Follow up a partner's commitment (or our own action point when the case had no plan)."""
    if status not in COMMITMENT_STATUSES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "{what} must be one of: {allowed}."),
            what="status",
            allowed=", ".join(COMMITMENT_STATUSES),
        )
    with access.changing_case(us, case_uuid) as (s, case):
        _check_stage(case)
        row = s.get(ConferenceAction, action_id)
        if row is None or row.case_id != case.id:
            raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The action"))
        if row.plan_index is not None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors", "This action is in the case plan: change its status there."
                )
            )
        row.status, row.updated_by, row.updated_at = status, us.user.id, datetime.now(UTC)
        case.updated_at = datetime.now(UTC)
        us.audit(s, "conference.action_status", case_id=case.id, summary=f"{row.id}: {status}")
        refresh(s, case)


@access.signed_in
def may_schedule(us: UserSession) -> bool:
    return bool(us.user.roles & {Role.CASEWORKER, Role.SUPERVISOR})

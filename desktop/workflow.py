"""The case workflow as rules on plain data: stages, allowed moves, approvals, deadlines, tasks.

Nothing here reads the store or knows Qt: `desktop.case_flow` gathers a case's facts from the
store, asks these rules what they mean, and keeps the answer (the case's next action, its tasks).

Stages follow DOMAIN.md's six steps. The process is not linear: a case may go back to any
earlier working stage, with a reason. Forward moves are made by the work itself: saving an
assessment, a case plan or a closure request, or a supervisor's approval.

SOP deadlines (agency settings; defaults from DOMAIN.md): initial assessment within 24 hours of
registration and never later than 48; full assessment within a week of registration; case plan
within two weeks of the assessment; plan review at least every three months (monthly for high
risk); a post-closure visit within three months. Days are calendar days: a weekend counts.

Some answers act (see "answers that act" below): a screening that closes or refers the child
elsewhere asks for the closure instead of the full assessment; "BID needed" is a task; a review
that prepares a closure or a transfer asks for that request; an urgent referral's outcome is
checked within days; home visits follow the child's risk. The SOP gives no figure for the last
three, so they are agency settings whose defaults are ours: a BID within 14 days of the
assessment that asks for it (ready for the case plan, itself due 14 days after the assessment),
an urgent referral checked within 2 days, visits weekly for high risk, every 30 days for medium
and every 90 for low.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from db.errors import QT_TRANSLATE_NOOP, UlinziError
from db.models import RiskLevel, Role, Stage
from desktop import pathway as reintegration


@dataclass(frozen=True)
class Deadlines:
    initial_assessment_hours: int = 24
    initial_assessment_max_hours: int = 48
    full_assessment_days: int = 7
    case_plan_days: int = 14
    review_months: int = 3
    review_months_high_risk: int = 1
    approval_days: int = 7
    post_closure_visit_months: int = 3
    due_soon_days: int = 3
    placement_review_months: int = 3  # UN Guidelines §67: "preferably at least every 3 months"
    # Answers that act: no SOP figure, so agency settings with our defaults (see the module).
    best_interests_days: int = 14
    urgent_referral_days: int = 2
    visit_days_high_risk: int = 7
    visit_days_medium_risk: int = 30
    visit_days_low_risk: int = 90

    def visit_days(self, risk: str | None) -> int | None:
        """Days between home visits for a child at `risk`; None before the risk is known."""
        days = {
            RiskLevel.HIGH: self.visit_days_high_risk,
            RiskLevel.MEDIUM: self.visit_days_medium_risk,
            RiskLevel.LOW: self.visit_days_low_risk,
        }
        return days.get(risk or "")  # type: ignore[call-overload]

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Deadlines:
        data = dict(data)
        if "closure_approval_days" in data:  # its name before every approval had a deadline
            data.setdefault("approval_days", data.pop("closure_approval_days"))
        known = {k: int(v) for k, v in data.items() if k in cls.__dataclass_fields__}  # type: ignore[call-overload]
        return cls(**known)


@dataclass(frozen=True)
class Rules:
    """Agency choices about approvals."""

    allow_self_approval: bool = False  # a supervisor may approve a request they made
    approve_best_interests: bool = False  # a BID needs the supervisor's approval too

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Rules:
        def yes(value: object) -> bool:
            return (
                value.strip().lower() in ("1", "true", "yes")
                if isinstance(value, str)
                else bool(value)
            )

        return cls(**{k: yes(v) for k, v in data.items() if k in cls.__dataclass_fields__})


class NextAction:
    """Codes stored on the case and its tasks; the window shows them in the user's language."""

    INITIAL_ASSESSMENT = "initial_assessment"
    FULL_ASSESSMENT = "full_assessment"
    CASE_PLAN = "case_plan"
    PLAN_REVIEW = "plan_review"
    PLAN_APPROVAL = "plan_approval"
    REVISE_PLAN = "revise_plan"
    CLOSURE_APPROVAL = "closure_approval"
    REVISE_CLOSURE = "revise_closure"
    TRANSFER_APPROVAL = "transfer_approval"
    REVISE_TRANSFER = "revise_transfer"
    SEND_TRANSFER = "send_transfer"
    BID_APPROVAL = "bid_approval"
    REVISE_BID = "revise_bid"
    POST_CLOSURE_VISIT = "post_closure_visit"
    FOLLOW_UP_VISIT = "follow_up_visit"
    REFERRAL_FOLLOW_UP = "referral_follow_up"
    PLAN_ACTION = "plan_action"
    CASE_CONFERENCE = "case_conference"  # to hold, and its minutes to finalise
    CONFERENCE_ACTION = "conference_action"  # a commitment made at a conference, to follow up
    # The reintegration pathway (desktop/pathway.py): the supervisor's decision, then the dates
    # the placement decision, the preparation sessions and the follow-ups choose.
    PLACEMENT_DECISION_APPROVAL = "placement_decision_approval"
    REVISE_PLACEMENT_DECISION = "revise_placement_decision"
    REINTEGRATION_PREPARATION = "reintegration_preparation"
    REUNIFICATION = "reunification"
    POST_PLACEMENT_FOLLOW_UP = "post_placement_follow_up"
    PLACEMENT_APPROVAL = "placement_approval"  # desktop.placement_state makes these four
    REVISE_PLACEMENT = "revise_placement"
    PLACEMENT_REVIEW = "placement_review"
    SERIOUS_INCIDENT = "serious_incident"
    # Asked for by an answer (the screening's or a review's next step, "BID needed").
    REQUEST_CLOSURE = "request_closure"
    REFER_ELSEWHERE = "refer_elsewhere"
    REQUEST_TRANSFER = "request_transfer"
    BEST_INTERESTS = "best_interests"
    NONE = ""


class ApprovalKind(enum.StrEnum):
    CASE_PLAN = "case_plan"
    CLOSURE = "closure"
    TRANSFER = "transfer"
    BEST_INTERESTS = "best_interests"
    PLACEMENT_DECISION = "placement_decision"
    PLACEMENT = "placement"  # a placement decision (desktop.placements)


class ApprovalState(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    RETURNED = "returned"
    REPLACED = "replaced"  # a newer request of the same kind took its place
    WITHDRAWN = "withdrawn"  # the case moved back before a decision


# The form that asks for each approval, and the one that does each task.
APPROVAL_OF_FORM = {
    "case_plan": ApprovalKind.CASE_PLAN,
    "closure_request": ApprovalKind.CLOSURE,
    "transfer_request": ApprovalKind.TRANSFER,
    "best_interests": ApprovalKind.BEST_INTERESTS,
    "placement_decision": ApprovalKind.PLACEMENT_DECISION,
}
FORM_OF_APPROVAL = {kind: form for form, kind in APPROVAL_OF_FORM.items()}
_WAITING = {
    ApprovalKind.CLOSURE: NextAction.CLOSURE_APPROVAL,
    ApprovalKind.TRANSFER: NextAction.TRANSFER_APPROVAL,
    ApprovalKind.CASE_PLAN: NextAction.PLAN_APPROVAL,
    ApprovalKind.BEST_INTERESTS: NextAction.BID_APPROVAL,
    ApprovalKind.PLACEMENT_DECISION: NextAction.PLACEMENT_DECISION_APPROVAL,
}
_RETURNED = {
    ApprovalKind.CLOSURE: NextAction.REVISE_CLOSURE,
    ApprovalKind.TRANSFER: NextAction.REVISE_TRANSFER,
    ApprovalKind.CASE_PLAN: NextAction.REVISE_PLAN,
    ApprovalKind.BEST_INTERESTS: NextAction.REVISE_BID,
    ApprovalKind.PLACEMENT_DECISION: NextAction.REVISE_PLACEMENT_DECISION,
}
FORM_OF_ACTION = {
    NextAction.INITIAL_ASSESSMENT: "initial_assessment",
    NextAction.FULL_ASSESSMENT: "full_assessment",
    NextAction.CASE_PLAN: "case_plan",
    NextAction.REVISE_PLAN: "case_plan",
    NextAction.PLAN_REVIEW: "review",
    NextAction.REVISE_CLOSURE: "closure_request",
    NextAction.REVISE_TRANSFER: "transfer_request",
    NextAction.REVISE_BID: "best_interests",
    NextAction.POST_CLOSURE_VISIT: "follow_up_visit",
    NextAction.FOLLOW_UP_VISIT: "follow_up_visit",
    NextAction.REFERRAL_FOLLOW_UP: "referral",
    NextAction.REVISE_PLACEMENT_DECISION: "placement_decision",
    NextAction.REQUEST_CLOSURE: "closure_request",
    NextAction.REFER_ELSEWHERE: "referral",
    NextAction.REQUEST_TRANSFER: "transfer_request",
    NextAction.BEST_INTERESTS: "best_interests",
}

# -- stages and moves ------------------------------------------------------------------------------

# The working order of DOMAIN.md's steps. Reopened sits beside Registered: a reopened case
# starts again from an assessment.
ORDER = (
    Stage.REGISTERED,
    Stage.INITIAL_ASSESSMENT,
    Stage.FULL_ASSESSMENT,
    Stage.CASE_PLAN,
    Stage.IMPLEMENTATION,
    Stage.FOLLOW_UP,
    Stage.CLOSURE_REQUESTED,
    Stage.CLOSED,
)
WORKING = ORDER[:6]  # the stages a case can be moved back to
OPEN = (*ORDER[:7], Stage.REOPENED)
# Saving these forms moves a case forward to their stage (never back).
STAGE_OF_FORM = {
    "initial_assessment": Stage.INITIAL_ASSESSMENT,
    "full_assessment": Stage.FULL_ASSESSMENT,
    "case_plan": Stage.CASE_PLAN,
    "follow_up_visit": Stage.FOLLOW_UP,
    "review": Stage.FOLLOW_UP,
    "closure_request": Stage.CLOSURE_REQUESTED,
    "post_placement_follow_up": Stage.FOLLOW_UP,  # a follow-up of the case, after a reunification
}


def rank(stage: Stage) -> int:
    return 0 if stage == Stage.REOPENED else ORDER.index(stage) if stage in ORDER else len(ORDER)


class MoveRefused(UlinziError):
    pass


def _refused(text: str, **params: object) -> MoveRefused:
    return MoveRefused(text, **params)


def check_back(current: Stage, target: Stage, reason: str) -> None:
    """May a person move a case from `current` back to the earlier `target`?"""
    if current == Stage.TRANSFERRED:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "errors", "This case was transferred to another agency: it is read only."
            )
        )
    if current == Stage.CLOSED:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "errors", "This case is closed. Reopen it, with a reason, to work on it again."
            )
        )
    if target not in WORKING:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "errors",
                "A case can only be moved back to one of its working stages; closing and "
                "transferring need a request and the supervisor's approval.",
            )
        )
    if current != Stage.REOPENED and rank(target) >= rank(current):
        raise _refused(
            QT_TRANSLATE_NOOP(
                "errors",
                "A case moves forward by doing the work: saving the assessment, the case plan, "
                "a visit or a review. Only a move back to an earlier stage is made by hand.",
            )
        )
    if not reason.strip():
        raise _refused(
            QT_TRANSLATE_NOOP(
                "errors", "Say why the case goes back: the reason is kept in its history."
            )
        )


def stage_after_form(current: Stage, form_id: str) -> Stage | None:
    """The stage saving `form_id` moves the case to, or None when it stays where it is."""
    target = STAGE_OF_FORM.get(form_id)
    if target is None or current not in OPEN or current == Stage.CLOSURE_REQUESTED:
        return None
    if target == Stage.FOLLOW_UP and current not in (Stage.IMPLEMENTATION, Stage.FOLLOW_UP):
        return None  # a visit before the plan is approved does not skip the plan
    return target if rank(target) > rank(current) or current == Stage.REOPENED else None


def form_allowed(stage: Stage, form_id: str, *, post_closure_visit_due: bool = False) -> bool:
    """Whether `form_id` may be saved for a case at `stage`."""
    if stage == Stage.TRANSFERRED:
        return False
    if stage == Stage.CLOSED:  # a supervisor reviews a closed file too
        return (form_id == "follow_up_visit" and post_closure_visit_due) or form_id == "file_review"
    return True


class FormNotNow(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "This case is closed: only the visit after closure can still be recorded. Reopen the "
        "case, with a reason, to fill in its other forms.",
    )
    TRANSFERRED = QT_TRANSLATE_NOOP(
        "errors", "This case was transferred to another agency: it is read only."
    )


# -- approvals ----------------------------------------------------------------------------------


def check_decider(
    decider_id: int,
    decider_roles: frozenset[Role],
    requester_id: int | None,
    caseworker_id: int | None,
    caseworker_supervisor_id: int | None,
    rules: Rules,
) -> None:
    """May this person approve or return a request? The caseworker's supervisor decides, and
    never on their own request unless the agency allows it."""
    if Role.SUPERVISOR not in decider_roles:
        raise _refused(
            QT_TRANSLATE_NOOP("errors", "Only a supervisor can approve or return a request.")
        )
    own = decider_id == requester_id
    if own and not rules.allow_self_approval:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "errors",
                "You made this request yourself: another supervisor must decide on it "
                "(the agency does not allow approving your own requests).",
            )
        )
    supervises = decider_id == caseworker_supervisor_id
    holds = decider_id == caseworker_id  # a supervisor who holds the case themself
    if not supervises and not (holds and rules.allow_self_approval):
        raise _refused(
            QT_TRANSLATE_NOOP(
                "errors",
                "Only the supervisor of this case's caseworker can decide on this request.",
            )
        )


def check_return_comment(comment: str) -> None:
    if not comment.strip():
        raise _refused(
            QT_TRANSLATE_NOOP(
                "errors", "Write what needs to change: the caseworker reads your comment."
            )
        )


# -- deadlines ----------------------------------------------------------------------------------


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later; the month's last day when it has no such day (31 → 30)."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def end_of(day: date) -> datetime:
    """A date chosen in a form, as a deadline: the end of that day where the office is."""
    return datetime.combine(day, time(23, 59, 59)).astimezone().astimezone(UTC)


class Urgency(enum.StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    LATER = "later"
    NONE = "none"


def urgency(due: datetime | None, now: datetime, deadlines: Deadlines = Deadlines()) -> Urgency:
    if due is None:
        return Urgency.NONE
    if due < now:
        return Urgency.OVERDUE
    if due <= now + timedelta(days=deadlines.due_soon_days):
        return Urgency.DUE_SOON
    return Urgency.LATER


# -- a case's facts, and what they call for -----------------------------------------------------


@dataclass(frozen=True)
class Approval:
    kind: ApprovalKind
    state: ApprovalState
    requested_at: datetime
    decided_at: datetime | None = None
    instance: int | None = None  # of the form asked about, when it is repeatable (a BID)


@dataclass(frozen=True)
class PlanAction:
    index: int  # position in the plan's list of actions, from 0
    goal_number: int | None
    action: str
    responsible: str
    due: date | None
    status: str


@dataclass(frozen=True)
class Referral:
    instance: int
    service_type: str
    provider: str
    outcome: str
    follow_up_on: date | None
    urgent: bool = False
    updated_at: datetime | None = None  # when this version of it was saved


@dataclass(frozen=True)
class ScheduledConference:
    number: int
    at: datetime
    place: str


@dataclass(frozen=True)
class Commitment:
    """An action point of a conference that is not in the case plan: a partner's, or ours
    when the case had no plan yet."""

    id: int
    action: str
    organisation: str
    due: date | None


@dataclass(frozen=True)
class CaseFacts:
    """What the rules need to know about one case: plain values read from its forms."""

    stage: Stage
    risk: str | None
    registered_at: datetime
    stage_since: datetime
    moved_back: bool = False  # the current stage was reached by a move back
    # The last move back or reopening: deadlines counted from registration count from it.
    restarted_at: datetime | None = None
    approvals: tuple[Approval, ...] = ()  # the latest request of each kind
    plan_approved_at: datetime | None = None
    plan_review_date: date | None = None  # chosen in the latest case plan
    last_review_on: date | None = None
    last_review_saved_at: datetime | None = None
    next_review: date | None = None  # chosen in the latest review
    next_visit: date | None = None  # chosen in the latest follow-up visit
    post_closure_visit_on: date | None = None  # chosen in the closure request
    visited_since_closure: bool = False
    plan_actions: tuple[PlanAction, ...] = ()
    referrals: tuple[Referral, ...] = ()
    conferences: tuple[ScheduledConference, ...] = ()  # scheduled, minutes not finalised
    commitments: tuple[Commitment, ...] = ()  # open ones
    reintegration: reintegration.Pathway | None = None  # a child's return to a family, if any
    # Answers that act. The screening's next step counts only when saved since the last
    # restart (a move back or a reopening asks for the work again).
    screening_next_step: str | None = None
    screening_saved_at: datetime | None = None
    review_next_step: str | None = None  # the latest review's
    last_visit_on: date | None = None
    last_referral_at: datetime | None = None  # the last time a referral was saved
    last_closure_request_at: datetime | None = None
    last_transfer_request_at: datetime | None = None
    bid_asked_at: datetime | None = None  # when the full assessment last asked for a BID
    last_bid_at: datetime | None = None
    closure_reason: str | None = None  # in the latest closure request

    def approval(self, kind: ApprovalKind) -> Approval | None:
        return next((a for a in self.approvals if a.kind == kind), None)


@dataclass(frozen=True)
class Task:
    """Something to do for a case, by when, and by whom (the caseworker or the supervisor)."""

    kind: str
    due: datetime | None
    for_supervisor: bool = False
    form_id: str = ""
    instance: int | None = None
    detail: str = ""
    latest: datetime | None = None  # a hard limit after the due date (the 48 h maximum)
    ref: str = field(default="")


OPEN_ACTION_STATUSES = ("not_started", "in_progress")
OPEN_REFERRAL_OUTCOMES = ("awaiting", "ongoing", "no_response")


def review_due(facts: CaseFacts, deadlines: Deadlines) -> datetime:
    """The next plan review: the date chosen in the plan or last review, never later than the
    SOP interval (one month for high risk) after the last review or the plan's approval."""
    months = (
        deadlines.review_months_high_risk
        if facts.risk == RiskLevel.HIGH
        else deadlines.review_months
    )
    reviewed = end_of(facts.last_review_on) if facts.last_review_on else None
    if reviewed is not None and not (facts.plan_approved_at and facts.plan_approved_at > reviewed):
        base = reviewed
        chosen = facts.next_review
    else:  # no review since the plan (or its newer version) was approved
        base = facts.plan_approved_at or facts.stage_since
        chosen = facts.plan_review_date
    limit = add_months(base, months)
    return min(limit, end_of(chosen)) if chosen else limit


def next_action(facts: CaseFacts, deadlines: Deadlines = Deadlines()) -> Task:
    """The one thing that must happen next for a case, and by when."""
    d = deadlines
    stage = facts.stage
    if stage == Stage.TRANSFERRED:
        return Task(NextAction.NONE, None)
    if stage == Stage.CLOSED:
        if facts.visited_since_closure:
            return Task(NextAction.NONE, None)
        if facts.closure_reason in NO_VISIT_AFTER:
            return Task(NextAction.NONE, None)
        due = add_months(facts.stage_since, d.post_closure_visit_months)
        if facts.post_closure_visit_on is not None:
            due = min(due, end_of(facts.post_closure_visit_on))
        return Task(NextAction.POST_CLOSURE_VISIT, due, form_id="follow_up_visit")
    for kind in (
        ApprovalKind.CLOSURE,
        ApprovalKind.TRANSFER,
        ApprovalKind.CASE_PLAN,
        ApprovalKind.BEST_INTERESTS,
        ApprovalKind.PLACEMENT_DECISION,
    ):
        a = facts.approval(kind)
        if a is not None and a.state == ApprovalState.PENDING:
            return Task(
                _WAITING[kind],
                a.requested_at + timedelta(days=d.approval_days),
                for_supervisor=True,
            )
    transfer = facts.approval(ApprovalKind.TRANSFER)
    if (
        transfer is not None
        and transfer.state == ApprovalState.APPROVED
        and transfer.decided_at
        and not (facts.restarted_at and facts.restarted_at > transfer.decided_at)
    ):
        return Task(NextAction.SEND_TRANSFER, transfer.decided_at + timedelta(days=d.approval_days))
    plan = facts.approval(ApprovalKind.CASE_PLAN)
    if (
        stage == Stage.CASE_PLAN
        and plan is not None
        and plan.state == ApprovalState.RETURNED
        and plan.decided_at is not None
    ):  # the plan must be revised before the work goes on
        return Task(
            NextAction.REVISE_PLAN,
            plan.decided_at + timedelta(days=d.approval_days),
            form_id="case_plan",
        )
    # Deadlines count from registration, from the move when the case went back, or from the
    # reopening.
    if facts.moved_back:
        start = facts.stage_since
    else:
        start = max(facts.registered_at, facts.restarted_at or facts.registered_at)
    match stage:
        case Stage.REGISTERED:
            return Task(
                NextAction.INITIAL_ASSESSMENT,
                start + timedelta(hours=d.initial_assessment_hours),
                form_id="initial_assessment",
                latest=start + timedelta(hours=d.initial_assessment_max_hours),
            )
        case Stage.INITIAL_ASSESSMENT if facts.screening_next_step in SCREENING_CLOSES:
            return _after_screening(facts, start + timedelta(days=d.full_assessment_days), d)
        case Stage.INITIAL_ASSESSMENT:
            return Task(
                NextAction.FULL_ASSESSMENT,
                start + timedelta(days=d.full_assessment_days),
                form_id="full_assessment",
            )
        case Stage.REOPENED:
            return Task(
                NextAction.FULL_ASSESSMENT,
                facts.stage_since + timedelta(days=d.full_assessment_days),
                form_id="full_assessment",
            )
        case Stage.FULL_ASSESSMENT | Stage.CASE_PLAN:
            return Task(
                NextAction.CASE_PLAN,
                facts.stage_since + timedelta(days=d.case_plan_days),
                form_id="case_plan",
            )
        case Stage.IMPLEMENTATION | Stage.FOLLOW_UP:
            return Task(NextAction.PLAN_REVIEW, review_due(facts, d), form_id="review")
        case _:  # closure requested, decided: the approval above
            return Task(NextAction.NONE, None)


def tasks(facts: CaseFacts, deadlines: Deadlines = Deadlines()) -> list[Task]:
    """Everything to do for a case: its next action, a returned request to settle, the next
    visit, the referrals whose outcome must be checked, the caseworker's plan actions, the
    conferences to hold and the commitments made at them to follow up."""
    first = next_action(facts, deadlines)
    found = [first] if first.kind else []
    if facts.stage not in OPEN:
        return found
    for kind in (
        ApprovalKind.CLOSURE,
        ApprovalKind.TRANSFER,
        ApprovalKind.BEST_INTERESTS,
        ApprovalKind.PLACEMENT_DECISION,
    ):
        # A returned request waits for a new one, or for a review that settles it otherwise.
        a = facts.approval(kind)
        if a is None or a.state != ApprovalState.RETURNED or a.decided_at is None:
            continue
        if facts.last_review_saved_at and facts.last_review_saved_at > a.decided_at:
            continue
        if facts.screening_saved_at and facts.screening_saved_at > a.decided_at:
            continue  # a new screening settles a closure returned after the last one
        code = _RETURNED[kind]
        if code == first.kind:
            continue
        found.append(
            Task(
                code,
                a.decided_at + timedelta(days=deadlines.approval_days),
                form_id=FORM_OF_ACTION[code],
                instance=a.instance,
            )
        )
    found += asked_by_answers(facts, deadlines)
    visit = next_visit_due(facts, deadlines)
    if visit is not None:
        found.append(Task(NextAction.FOLLOW_UP_VISIT, visit, form_id="follow_up_visit"))
    for r in facts.referrals:
        if r.outcome in OPEN_REFERRAL_OUTCOMES and r.follow_up_on is not None:
            found.append(
                Task(
                    NextAction.REFERRAL_FOLLOW_UP,
                    referral_check_due(r, deadlines),
                    form_id="referral",
                    instance=r.instance,
                    detail=r.provider,
                )
            )
    for a in facts.plan_actions:
        if a.responsible == "caseworker" and a.status in OPEN_ACTION_STATUSES and a.due:
            found.append(
                Task(NextAction.PLAN_ACTION, end_of(a.due), detail=a.action, ref=str(a.index))
            )
    for c in facts.conferences:  # the caseworker holds it; the supervisor is there too
        for supervisor in (False, True):
            found.append(
                Task(
                    NextAction.CASE_CONFERENCE,
                    c.at,
                    for_supervisor=supervisor,
                    detail=c.place,
                    ref=str(c.number),
                )
            )
    for m in facts.commitments:
        if m.due is not None:
            detail = f"{m.organisation}: {m.action}" if m.organisation else m.action
            found.append(
                Task(NextAction.CONFERENCE_ACTION, end_of(m.due), detail=detail, ref=str(m.id))
            )
    return found + reintegration_tasks(facts.reintegration)


def reintegration_tasks(p: reintegration.Pathway | None) -> list[Task]:
    """The dates a reintegration's forms chose, as the caseworker's tasks: the preparation
    sessions and the move under an approved placement decision, then each follow-up."""
    if p is None:
        return []
    found = []
    for kind, due, form_id in (
        (NextAction.REINTEGRATION_PREPARATION, p.preparation_due, reintegration.PREPARATION_FORM),
        (NextAction.REUNIFICATION, p.placement_due, reintegration.PLACEMENT_FORM),
        (NextAction.POST_PLACEMENT_FOLLOW_UP, p.follow_up_due, reintegration.FOLLOW_UP_FORM),
    ):
        if due is not None:
            found.append(Task(kind, end_of(due), form_id=form_id))
    return found


# -- answers that act ----------------------------------------------------------------------------

# The screening's next steps that end the work here: both close the case, with the supervisor's
# authorisation; "refer elsewhere" makes the referral first.
SCREENING_CLOSES = ("close", "refer_elsewhere")
# Closure reasons of a screening (closure_reasons in the forms' choices): nothing was planned,
# so no visit after closure is asked for.
NO_VISIT_AFTER = ("no_protection_concern", "referred_elsewhere")
# A review's next steps that ask for a request, and the request's task.
REVIEW_ASKS = {
    "prepare_closure": NextAction.REQUEST_CLOSURE,
    "consider_transfer": NextAction.REQUEST_TRANSFER,
}
_VISITED_STAGES = (Stage.IMPLEMENTATION, Stage.FOLLOW_UP, Stage.CLOSURE_REQUESTED)


def _after_screening(facts: CaseFacts, due: datetime, d: Deadlines) -> Task:
    """A screening that closes the case, or refers the child elsewhere and closes it, takes the
    full assessment's place and its deadline; a closure returned since waits for a revision."""
    saved = facts.screening_saved_at
    closure = facts.approval(ApprovalKind.CLOSURE)
    requested = facts.last_closure_request_at
    if requested is not None and saved is not None and requested > saved:
        if closure is not None and closure.state == ApprovalState.RETURNED and closure.decided_at:
            return Task(
                NextAction.REVISE_CLOSURE,
                closure.decided_at + timedelta(days=d.approval_days),
                form_id="closure_request",
            )
        return Task(NextAction.REQUEST_CLOSURE, due, form_id="closure_request")
    if facts.screening_next_step == "refer_elsewhere" and not (
        facts.last_referral_at and saved and facts.last_referral_at > saved
    ):
        return Task(NextAction.REFER_ELSEWHERE, due, form_id="referral")
    return Task(NextAction.REQUEST_CLOSURE, due, form_id="closure_request")


def asked_by_answers(facts: CaseFacts, deadlines: Deadlines) -> list[Task]:
    """The requests and the determination that answers ask for, until they are made: a
    review's closure or transfer (by the next review), a BID (within the agency's days)."""
    found = []
    if facts.stage in (Stage.IMPLEMENTATION, Stage.FOLLOW_UP) and facts.last_review_saved_at:
        kind = REVIEW_ASKS.get(facts.review_next_step or "")
        made = (
            facts.last_closure_request_at
            if kind == NextAction.REQUEST_CLOSURE
            else facts.last_transfer_request_at
        )
        if kind is not None and not (made and made > facts.last_review_saved_at):
            found.append(Task(kind, review_due(facts, deadlines), form_id=FORM_OF_ACTION[kind]))
    asked = facts.bid_asked_at
    if asked is not None and not (facts.last_bid_at and facts.last_bid_at >= asked):
        found.append(
            Task(
                NextAction.BEST_INTERESTS,
                asked + timedelta(days=deadlines.best_interests_days),
                form_id="best_interests",
            )
        )
    return found


def next_visit_due(facts: CaseFacts, deadlines: Deadlines) -> datetime | None:
    """The next home visit: the date chosen at the last visit, never later than the agency's
    interval for the child's risk after the last visit (or the plan's approval, if later)
    while the plan is carried out."""
    chosen = end_of(facts.next_visit) if facts.next_visit is not None else None
    days = deadlines.visit_days(facts.risk)
    if facts.stage not in _VISITED_STAGES or days is None:
        return chosen
    starts = [facts.plan_approved_at or facts.stage_since]
    if facts.last_visit_on is not None:
        starts.append(end_of(facts.last_visit_on))
    limit = max(starts) + timedelta(days=days)
    return min(limit, chosen) if chosen is not None else limit


def referral_check_due(r: Referral, deadlines: Deadlines) -> datetime:
    """When a referral's outcome is checked: the date chosen, and for an urgent one never later
    than the agency's days after it was made or last updated."""
    chosen = end_of(r.follow_up_on) if r.follow_up_on is not None else None
    if not r.urgent or r.updated_at is None:
        return chosen  # type: ignore[return-value]
    limit = end_of(
        r.updated_at.astimezone().date() + timedelta(days=deadlines.urgent_referral_days)
    )
    return min(limit, chosen) if chosen is not None else limit

"""A case's workflow state in the store: its facts read from forms and decisions, its next
action and open tasks kept up to date, its stage moves and approval requests recorded.

`refresh` runs in the same unit of work as every change to a case, so the case list's next
action and the `tasks` table ("My tasks", the supervisor's queue) are never stale. It works on
many cases at once with a fixed number of queries, so changing the SOP deadlines of a store of
100,000 cases, or building a demo store, takes seconds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, insert, select
from sqlalchemy.orm import Session

from db.models import (
    Approval,
    Case,
    CaseStatus,
    Conference,
    ConferenceAction,
    ConferenceState,
    FormSubmission,
    PlanActionUpdate,
    Setting,
    Stage,
    StageMove,
    Task,
    User,
)
from desktop import pathway as reintegration
from desktop import placement_state
from desktop.session import UserSession
from desktop.workflow import (
    OPEN_ACTION_STATUSES,
    ApprovalKind,
    ApprovalState,
    CaseFacts,
    Commitment,
    Deadlines,
    PlanAction,
    Referral,
    Rules,
    ScheduledConference,
    next_action,
    tasks,
)
from desktop.workflow import (
    Approval as ApprovalFact,
)

_FORMS_READ = (
    "case_plan",
    "review",
    "follow_up_visit",
    "closure_request",
    "referral",
    *reintegration.FORMS,
    # Their answers act too (desktop.workflow, "answers that act").
    "initial_assessment",
    "full_assessment",
    "best_interests",
    "transfer_request",
)
_BATCH = 500  # SQLite allows many more bound values; this keeps each statement small
TASKS_VERSION = "3"  # bump when the rules that make tasks change: every case is refreshed


def deadlines_in(s: Session) -> Deadlines:
    value = s.execute(select(Setting.value).where(Setting.key == "deadlines")).scalar()
    return Deadlines.from_dict(json.loads(value)) if value else Deadlines()


def rules_in(s: Session) -> Rules:
    value = s.execute(select(Setting.value).where(Setting.key == "workflow_rules")).scalar()
    return Rules.from_dict(json.loads(value)) if value else Rules()


def _day(value: Any) -> date | None:
    if isinstance(value, dict):
        value = value.get("date")
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def plan_actions(answers: dict[str, Any], updates: dict[int, str]) -> tuple[PlanAction, ...]:
    """The actions of a case plan, with the status changes made since it was saved."""
    found = []
    for index, entry in enumerate(answers.get("actions") or []):
        if not isinstance(entry, dict):
            continue
        found.append(
            PlanAction(
                index=index,
                goal_number=_int(entry.get("goal_number")),
                action=str(entry.get("action") or ""),
                responsible=str(entry.get("responsible") or ""),
                due=_day(entry.get("due")),
                status=updates.get(index, str(entry.get("status") or "not_started")),
            )
        )
    return tuple(found)


def made_here() -> ColumnElement[bool]:
    """Approvals asked for in this store: only their decisions count for what this store allows
    (a plan in force, a closure, a transfer form, sending the case on). Every request made here
    names who asked (`request_approval`); one that came in a package names nobody here, as the
    sender's people are not ours: it is the sender's history, shown, never a permission."""
    return Approval.requested_by.is_not(None)


def is_made_here(approval: Approval) -> bool:
    """`made_here` for a loaded row."""
    return approval.requested_by is not None


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _BATCH):
        yield ids[start : start + _BATCH]


def facts_for(s: Session, cases: list[Case]) -> dict[int, CaseFacts]:
    """Each case's facts, read with a handful of queries for the whole list."""
    ids = [c.id for c in cases]
    latest: dict[tuple[int, str, int], FormSubmission] = {}
    approvals: dict[int, dict[str, Approval]] = {}  # the latest request of each kind
    approved_plan: dict[int, datetime] = {}
    last_move: dict[int, StageMove] = {}
    restarted: dict[int, datetime] = {}
    pathway_moves: dict[int, list[reintegration.Move]] = {}
    updates: dict[int, dict[int, str]] = {}
    conferences: dict[int, list[ScheduledConference]] = {}
    commitments: dict[int, list[Commitment]] = {}
    bid_asked: dict[int, datetime] = {}
    bid_need: dict[int, tuple[bool, object]] = {}
    for chunk in _chunks(ids):
        for c in s.execute(
            select(Conference)
            .where(
                Conference.case_id.in_(chunk),
                Conference.state == ConferenceState.SCHEDULED.value,
            )
            .order_by(Conference.number)
        ).scalars():
            conferences.setdefault(c.case_id, []).append(
                ScheduledConference(c.number, c.scheduled_at, c.place)
            )
        for m in s.execute(
            select(ConferenceAction)
            .where(
                ConferenceAction.case_id.in_(chunk),
                ConferenceAction.plan_index.is_(None),
                ConferenceAction.status.in_(OPEN_ACTION_STATUSES),
            )
            .order_by(ConferenceAction.id)
        ).scalars():
            commitments.setdefault(m.case_id, []).append(
                Commitment(m.id, m.action, m.organisation, m.due)
            )
        for row in s.execute(
            select(FormSubmission)
            .where(FormSubmission.case_id.in_(chunk), FormSubmission.form_id.in_(_FORMS_READ))
            .order_by(FormSubmission.revision)
        ).scalars():
            latest[(row.case_id, row.form_id, row.instance)] = row
            if row.form_id == "full_assessment":
                _bid_asked(row, bid_need, bid_asked)
        for a in s.execute(
            select(Approval).where(Approval.case_id.in_(chunk), made_here()).order_by(Approval.id)
        ).scalars():
            approvals.setdefault(a.case_id, {})[a.kind] = a
            if a.kind == ApprovalKind.CASE_PLAN and a.state == ApprovalState.APPROVED:
                approved_plan[a.case_id] = a.decided_at or a.requested_at
        for m in s.execute(
            select(StageMove).where(StageMove.case_id.in_(chunk)).order_by(StageMove.id)
        ).scalars():
            if m.how == reintegration.MOVE_BACK:  # the reintegration's, not the case's stage
                pathway_moves.setdefault(m.case_id, []).append(reintegration.Move(m.at, m.to_stage))
                continue
            last_move[m.case_id] = m
            if m.how in ("back", "reopened", "received"):
                restarted[m.case_id] = m.at
        for u in s.execute(
            select(PlanActionUpdate)
            .where(PlanActionUpdate.case_id.in_(chunk))
            .order_by(PlanActionUpdate.id)
        ).scalars():
            updates.setdefault(u.submission_id, {})[u.action_index] = u.status

    # The determination each BID request is about (BIDs are repeatable).
    asked = [
        a.submission_id
        for kinds in approvals.values()
        for a in kinds.values()
        if a.kind == ApprovalKind.BEST_INTERESTS and a.submission_id is not None
    ]
    instances: dict[int | None, int] = {}
    for chunk in _chunks(asked):
        instances.update(
            s.execute(
                select(FormSubmission.id, FormSubmission.instance).where(
                    FormSubmission.id.in_(chunk)
                )
            ).all()
        )
    by_case: dict[int, dict[str, list[FormSubmission]]] = {}
    for (case_id, form_id, _), row in latest.items():
        by_case.setdefault(case_id, {}).setdefault(form_id, []).append(row)

    result = {}
    for case in cases:
        forms = by_case.get(case.id, {})
        answers = {
            form_id: [(row, json.loads(row.answers)) for row in rows]
            for form_id, rows in forms.items()
        }
        plan = answers.get("case_plan", [])
        plan_row, plan_answers = plan[0] if plan else (None, {})
        reviews = sorted(
            answers.get("review", []),
            key=lambda x: (_day(x[1].get("reviewed_on")) or date.min, x[0].id),
        )
        visits = sorted(
            answers.get("follow_up_visit", []),
            key=lambda x: (_day(x[1].get("visited_on")) or date.min, x[0].id),
        )
        closure = answers.get("closure_request", [])
        decision = approvals.get(case.id, {}).get(ApprovalKind.PLACEMENT_DECISION.value)
        screening = answers.get("initial_assessment", [])
        screening_row, screening_answers = screening[0] if screening else (None, {})
        restart = restarted.get(case.id)
        if (
            screening_row is not None
            and restart is not None
            and screening_row.submitted_at < restart
        ):
            screening_row, screening_answers = None, {}  # asked for again since
        stage = Stage(case.stage)
        closed_on = case.stage_changed_at.astimezone().date()
        move = last_move.get(case.id)
        result[case.id] = CaseFacts(
            stage=stage,
            risk=case.risk,
            registered_at=case.registered_at,
            stage_since=case.stage_changed_at,
            moved_back=move is not None and move.how == "back" and move.to_stage == case.stage,
            restarted_at=restarted.get(case.id),
            approvals=tuple(
                ApprovalFact(
                    ApprovalKind(a.kind),
                    ApprovalState(a.state),
                    a.requested_at,
                    a.decided_at,
                    instances.get(a.submission_id)
                    if a.kind == ApprovalKind.BEST_INTERESTS
                    else None,
                )
                for a in approvals.get(case.id, {}).values()
            ),
            plan_approved_at=approved_plan.get(case.id),
            plan_review_date=_day(plan_answers.get("review_date")),
            last_review_on=_day(reviews[-1][1].get("reviewed_on")) if reviews else None,
            last_review_saved_at=max(r.submitted_at for r, _ in reviews) if reviews else None,
            next_review=_day(reviews[-1][1].get("next_review")) if reviews else None,
            next_visit=_day(visits[-1][1].get("next_visit")) if visits else None,
            post_closure_visit_on=_day(closure[0][1].get("post_closure_visit_on"))
            if closure
            else None,
            # Recorded after the closure, and made on or after its day.
            visited_since_closure=stage == Stage.CLOSED
            and any(
                row.submitted_at >= case.stage_changed_at
                and (_day(a.get("visited_on")) or date.min) >= closed_on
                for row, a in visits
            ),
            plan_actions=plan_actions(plan_answers, updates.get(plan_row.id, {}))
            if plan_row
            else (),
            referrals=tuple(
                Referral(
                    instance=row.instance,
                    service_type=str(a.get("service_type") or ""),
                    provider=str(a.get("provider") or ""),
                    outcome=str(a.get("outcome") or ""),
                    follow_up_on=_day(a.get("follow_up_on")),
                    urgent=a.get("urgent") is True,
                    updated_at=row.submitted_at,
                )
                for row, a in sorted(answers.get("referral", []), key=lambda x: x[0].instance)
            ),
            conferences=tuple(conferences.get(case.id, ())),
            commitments=tuple(commitments.get(case.id, ())),
            reintegration=reintegration.pathway(
                [
                    reintegration.SavedForm(row.form_id, row.instance, row.submitted_at, a)
                    for form_id in reintegration.FORMS
                    for row, a in answers.get(form_id, [])
                ],
                pathway_moves.get(case.id, ()),
                (decision.state, decision.requested_at) if decision else None,
                case.stage,
            ),
            screening_next_step=str(screening_answers.get("next_step") or "") or None,
            screening_saved_at=screening_row.submitted_at if screening_row else None,
            review_next_step=str(reviews[-1][1].get("next_step") or "") or None
            if reviews
            else None,
            last_visit_on=_day(visits[-1][1].get("visited_on")) if visits else None,
            last_referral_at=_last_saved(forms.get("referral")),
            last_closure_request_at=_last_saved(forms.get("closure_request")),
            last_transfer_request_at=_last_saved(forms.get("transfer_request")),
            bid_asked_at=bid_asked.get(case.id),
            last_bid_at=_last_saved(forms.get("best_interests")),
            closure_reason=str(closure[0][1].get("reason") or "") or None if closure else None,
        )
    return result


def _last_saved(rows: list[FormSubmission] | None) -> datetime | None:
    return max((r.submitted_at for r in rows), default=None) if rows else None


def _bid_asked(
    row: FormSubmission,
    need: dict[int, tuple[bool, object]],
    asked: dict[int, datetime],
) -> None:
    """Follow a case's full assessments, oldest revision first: a BID is asked for when one
    says it is needed for a decision the revision before did not name (a correction of other
    answers does not ask again); a revision saying it is not needed withdraws the ask."""
    answers = json.loads(row.answers)
    now = (answers.get("bid_needed") is True, answers.get("bid_needed_reason"))
    if not now[0]:
        asked.pop(row.case_id, None)
    elif need.get(row.case_id) != now:
        asked[row.case_id] = row.submitted_at
    need[row.case_id] = now


def refresh(
    s: Session,
    cases: Case | list[Case],
    deadlines: Deadlines | None = None,
) -> None:
    """Work out again the next action and the open tasks of `cases` (in the unit of work `s`)."""
    cases = [cases] if isinstance(cases, Case) else cases
    if not cases:
        return
    s.flush()
    deadlines = deadlines or deadlines_in(s)
    supervisors = dict(s.execute(select(User.id, User.supervisor_id)).all())
    facts = facts_for(s, cases)
    rows = []
    for case in cases:
        found = tasks(facts[case.id], deadlines)
        first = next_action(facts[case.id], deadlines)
        case.next_action, case.next_due = first.kind, first.due
        for t in found:
            rows.append(
                {
                    "case_id": case.id,
                    "kind": t.kind,
                    "assignee_id": supervisors.get(case.caseworker_id)
                    if t.for_supervisor
                    else case.caseworker_id,
                    "for_supervisor": t.for_supervisor,
                    "due": t.due,
                    "form_id": t.form_id,
                    "instance": t.instance,
                    "detail": t.detail[:500],
                    "ref": t.ref,
                }
            )
    rows.extend(placement_state.tasks_for(s, cases, deadlines, supervisors))
    for chunk in _chunks([c.id for c in cases]):
        s.execute(delete(Task).where(Task.case_id.in_(chunk)))
    if rows:
        s.execute(insert(Task), rows)


def refresh_all(s: Session, deadlines: Deadlines | None = None) -> int:
    """Refresh every case, a batch at a time (after the SOP deadlines change, or an upgrade)."""
    deadlines = deadlines or deadlines_in(s)
    ids = list(s.execute(select(Case.id).order_by(Case.id)).scalars())
    for chunk in _chunks(ids):
        refresh(s, list(s.execute(select(Case).where(Case.id.in_(chunk))).scalars()), deadlines)
    _put(s, "tasks_version", TASKS_VERSION)
    return len(ids)


def tasks_current(s: Session) -> bool:
    row = s.get(Setting, "tasks_version")
    return row is not None and json.loads(row.value) == TASKS_VERSION


def _put(s: Session, key: str, value: object) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=json.dumps(value)))
    else:
        row.value = json.dumps(value)


def move(
    s: Session,
    us: UserSession,
    case: Case,
    to: Stage,
    how: str,
    reason: str = "",
) -> None:
    """Put `case` in stage `to`, keeping who moved it, how and why."""
    now = datetime.now(UTC)
    s.add(
        StageMove(
            case_id=case.id,
            at=now,
            user_id=us.user.id,
            how=how,
            from_stage=case.stage,
            to_stage=to.value,
            reason=reason.strip(),
        )
    )
    # A plan or a closure waiting for a decision is withdrawn when the case moves back: the
    # work it asked approval for is being done again.
    if how == "back":
        for a in s.execute(
            select(Approval).where(
                Approval.case_id == case.id,
                Approval.kind.in_((ApprovalKind.CASE_PLAN.value, ApprovalKind.CLOSURE.value)),
                Approval.state == ApprovalState.PENDING.value,
                made_here(),  # the sender's history stays as it came
            )
        ).scalars():
            a.state = ApprovalState.WITHDRAWN.value
    case.stage, case.stage_changed_at, case.updated_at = to.value, now, now
    case.status = {
        Stage.CLOSED: CaseStatus.CLOSED,
        Stage.TRANSFERRED: CaseStatus.TRANSFERRED,
    }.get(to, CaseStatus.OPEN).value
    # Stage names only: the reason may name people, and the audit log never holds them.
    us.audit(s, "case.stage_changed", case_id=case.id, summary=f"{how}: {to.value}")


def _instance(s: Session, submission_id: int | None) -> int | None:
    if submission_id is None:
        return None
    return s.execute(
        select(FormSubmission.instance).where(FormSubmission.id == submission_id)
    ).scalar()


def request_approval(
    s: Session, us: UserSession, case: Case, kind: ApprovalKind, submission_id: int | None
) -> Approval:
    """Ask the supervisor to decide; an earlier request of the same kind is replaced (for a
    BID, only the request about the same determination: each decision has its own)."""
    for a in s.execute(
        select(Approval).where(
            Approval.case_id == case.id,
            Approval.kind == kind.value,
            Approval.state == ApprovalState.PENDING.value,
            made_here(),
        )
    ).scalars():
        if kind == ApprovalKind.BEST_INTERESTS and _instance(s, a.submission_id) != _instance(
            s, submission_id
        ):
            continue
        a.state = ApprovalState.REPLACED.value
    approval = Approval(
        case_id=case.id,
        kind=kind.value,
        submission_id=submission_id,
        state=ApprovalState.PENDING.value,
        requested_by=us.user.id,
        requested_at=datetime.now(UTC),
    )
    s.add(approval)
    s.flush()
    us.audit(s, "approval.requested", case_id=case.id, summary=kind.value)
    return approval

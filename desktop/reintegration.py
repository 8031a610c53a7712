"""A child's reintegration (seed 001, box 2) in the store: where it stands, moving it back, and
what the case management report starts from.

The rules are in `desktop.pathway`; the pathway's forms are ordinary forms of the case (saved by
`desktop.case_forms.submit_form`, sent in packages with the others), and its stage is read from
them with the rest of the case's facts (`desktop.case_state.facts_for`). A move back is kept as
a stage move of its own kind, so the case's own stage, deadlines and tasks are untouched by it.
Audit summaries hold stage codes, never a reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Approval, Case, FormSubmission, StageMove
from desktop import access
from desktop import pathway as rules
from desktop.case_forms import _latest
from desktop.case_state import facts_for, made_here, plan_actions, refresh
from desktop.conferences import _updates
from desktop.session import UserSession
from desktop.workflow import OPEN_ACTION_STATUSES, ApprovalKind, ApprovalState, PlanAction


def pathway_in(s: Session, case: Case) -> rules.Pathway | None:
    """Where the case's reintegration stands (None: none of its forms was filled in)."""
    return facts_for(s, [case])[case.id].reintegration


@access.reads_case()
def reintegration(us: UserSession, case_uuid: str) -> rules.Pathway | None:
    with access.reading_case(us, case_uuid) as (s, case):
        return pathway_in(s, case)


@access.changes_case()
def move_back(us: UserSession, case_uuid: str, stage: str, reason: str) -> None:
    """Send a reintegration back to an earlier step, with a reason kept in the timeline: only
    forms saved from now on carry it forward again. Going back to the decision or before
    withdraws a placement decision still waiting for the supervisor."""
    with access.changing_case(us, case_uuid) as (s, case):
        current = pathway_in(s, case)
        rules.check_back(current, stage, reason)
        assert current is not None
        now = datetime.now(UTC)
        s.add(
            StageMove(
                case_id=case.id,
                at=now,
                user_id=us.user.id,
                how=rules.MOVE_BACK,
                from_stage=current.stage,
                to_stage=stage,
                reason=reason.strip(),
            )
        )
        if rules.rank(stage) <= rules.rank(rules.DECISION):
            for a in s.execute(
                select(Approval).where(
                    Approval.case_id == case.id,
                    Approval.kind == ApprovalKind.PLACEMENT_DECISION.value,
                    Approval.state == ApprovalState.PENDING.value,
                    made_here(),
                )
            ).scalars():
                a.state = ApprovalState.WITHDRAWN.value
        case.updated_at = now
        us.audit(
            s, "reintegration.moved_back", case_id=case.id, summary=f"{current.stage}: {stage}"
        )
        refresh(s, case)


@dataclass(frozen=True)
class ReportStart:
    """What the case management report starts from: the case summary the conference minutes
    present (`ui.conferences.summary_notes` reads these same names) and what the tracing and
    the family assessments found."""

    case_number: str
    registered_at: datetime
    stage: str
    risk: str | None
    goals: list[str]
    overdue: list[PlanAction]
    tracing_outcome: str | None  # found, not_found
    assessments: list[tuple[str, str, str]]  # family type, capacity, recommendation (codes)


@access.reads_case()
def report_start(us: UserSession, case_uuid: str) -> ReportStart:
    with access.reading_case(us, case_uuid) as (s, case):
        goals: list[str] = []
        overdue: list[PlanAction] = []
        plan = _latest(s, case.id, "case_plan")
        if plan is not None:
            answers = json.loads(plan.answers)
            goals = [str(g.get("goal") or "") for g in answers.get("goals") or [] if g]
            today = datetime.now(UTC).astimezone().date()
            overdue = [
                a
                for a in plan_actions(answers, _updates(s, plan.id))
                if a.status in OPEN_ACTION_STATUSES and a.due is not None and a.due < today
            ]
        tracing = _latest(s, case.id, rules.TRACING_FORM)
        outcome = json.loads(tracing.answers).get("outcome") if tracing else None
        latest: dict[int, FormSubmission] = {}
        for row in s.execute(
            select(FormSubmission)
            .where(
                FormSubmission.case_id == case.id,
                FormSubmission.form_id == rules.ASSESSMENT_FORM,
            )
            .order_by(FormSubmission.instance, FormSubmission.revision)
        ).scalars():
            latest[row.instance] = row  # each family assessed, as last corrected
        assessments = [
            (
                str(a.get("family_type") or ""),
                str(a.get("capacity") or ""),
                str(a.get("recommendation") or ""),
            )
            for a in (json.loads(row.answers) for row in latest.values())
        ]
        return ReportStart(
            case.case_number,
            case.registered_at,
            case.stage,
            case.risk,
            goals,
            overdue,
            outcome,
            assessments,
        )

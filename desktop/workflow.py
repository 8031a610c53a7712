"""Case stages and SOP deadlines: from them, each case's next action and its due date.

Defaults come from the SOP (DOMAIN.md): initial assessment within 24 hours of registration
(at most 48), full assessment within a week, case plan within two weeks of the assessment,
plan review at least every three months (monthly for high risk), and a post-closure visit
within three months. The workflow issue adds approvals and stage moves on top of this.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from db.models import RiskLevel, Stage


@dataclass(frozen=True)
class Deadlines:
    initial_assessment_hours: int = 24
    initial_assessment_max_hours: int = 48
    full_assessment_days: int = 7
    case_plan_days: int = 14
    review_months: int = 3
    review_months_high_risk: int = 1
    post_closure_visit_months: int = 3
    closure_approval_days: int = 7

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Deadlines:
        known = {k: int(v) for k, v in data.items() if k in cls.__dataclass_fields__}  # type: ignore[call-overload]
        return cls(**known)


class NextAction:
    """Codes stored on the case; the window shows them in the user's language."""

    INITIAL_ASSESSMENT = "initial_assessment"
    FULL_ASSESSMENT = "full_assessment"
    CASE_PLAN = "case_plan"
    PLAN_REVIEW = "plan_review"
    CLOSURE_APPROVAL = "closure_approval"
    POST_CLOSURE_VISIT = "post_closure_visit"
    NONE = ""


def _months(n: int) -> timedelta:
    return timedelta(days=30 * n)


def next_action(
    stage: str,
    risk: str | None,
    registered_at: datetime,
    stage_since: datetime,
    deadlines: Deadlines = Deadlines(),
) -> tuple[str, datetime | None]:
    """What must happen next for a case in `stage`, and by when."""
    d = deadlines
    review = _months(d.review_months_high_risk if risk == RiskLevel.HIGH else d.review_months)
    match Stage(stage):
        case Stage.REGISTERED:
            return NextAction.INITIAL_ASSESSMENT, registered_at + timedelta(
                hours=d.initial_assessment_hours
            )
        case Stage.INITIAL_ASSESSMENT:
            return NextAction.FULL_ASSESSMENT, registered_at + timedelta(
                days=d.full_assessment_days
            )
        case Stage.FULL_ASSESSMENT:
            return NextAction.CASE_PLAN, stage_since + timedelta(days=d.case_plan_days)
        case Stage.CASE_PLAN | Stage.IMPLEMENTATION | Stage.FOLLOW_UP | Stage.REOPENED:
            return NextAction.PLAN_REVIEW, stage_since + review
        case Stage.CLOSURE_REQUESTED:
            return NextAction.CLOSURE_APPROVAL, stage_since + timedelta(
                days=d.closure_approval_days
            )
        case Stage.CLOSED:
            return NextAction.POST_CLOSURE_VISIT, stage_since + _months(d.post_closure_visit_months)
        case Stage.TRANSFERRED:
            return NextAction.NONE, None

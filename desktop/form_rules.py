"""Rules of the work a form is for that its definition cannot state: the first review of a case
plan falls within the agency's interval for the child's risk, or the plan says why not; an
urgent referral's outcome is checked within the agency's days (two by default).

The same `FormRules` checks the answers next to the field in the window and in the service that
saves them, so the command line and imports meet the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from db.errors import QT_TRANSLATE_NOOP
from db.models import RiskLevel
from desktop.forms.answers import Answers, Problem, is_empty
from desktop.forms.definition import FormDefinition, FormField
from desktop.workflow import OPEN_REFERRAL_OUTCOMES, Deadlines, add_months

CASE_PLAN = "case_plan"
REVIEW_DATE = "review_date"
REVIEW_LATER_REASON = "review_later_reason"

REVIEW_TOO_LATE = QT_TRANSLATE_NOOP(
    "forms",
    "The agency's interval for this child's risk ends on {latest}: choose that date or an "
    "earlier one, or say below why the first review must wait.",
)
REASON_NEEDED = QT_TRANSLATE_NOOP(
    "forms",
    "The first review is after {latest}, the end of the agency's interval for this child's "
    "risk: say why it must wait.",
)


REFERRAL = "referral"
FOLLOW_UP_ON = "follow_up_on"
URGENT_TOO_LATE = QT_TRANSLATE_NOOP(
    "forms",
    "An urgent referral's outcome is checked within {days} days: choose {latest} or an "
    "earlier date.",
)


def first_review_by(risk: str | None, deadlines: Deadlines, today: date) -> date:
    """The latest first review of a plan made `today` without a reason (one month for a high
    risk by default): the interval counts from the plan, whose approval comes later."""
    high = risk == RiskLevel.HIGH.value
    months = deadlines.review_months_high_risk if high else deadlines.review_months
    return add_months(datetime.combine(today, datetime.min.time()), months).date()


@dataclass(frozen=True)
class FormRules:
    """What one case asks of one form beyond its definition (nothing, for most forms)."""

    review_by: date | None = None  # case plan: the latest first review without a reason
    urgent_check_by: date | None = None  # referral: the latest check of an urgent one's outcome
    urgent_days: int = 0

    def check(self, f: FormField, value: Any, answers: Answers) -> Problem | None:
        """The problem with one answer, or None (the form's own rules are checked first)."""
        if f.id == FOLLOW_UP_ON and self.urgent_check_by is not None:
            return self._urgent(answers)
        if self.review_by is None or f.id not in (REVIEW_DATE, REVIEW_LATER_REASON):
            return None
        chosen = answers.get(REVIEW_DATE)
        try:
            day = date.fromisoformat(chosen) if isinstance(chosen, str) else None
        except ValueError:
            return None  # the date's own rule says it cannot be read
        if day is None or day <= self.review_by or not is_empty(answers.get(REVIEW_LATER_REASON)):
            return None
        text = REVIEW_TOO_LATE if f.id == REVIEW_DATE else REASON_NEEDED
        return Problem(text, {"latest": self.review_by})

    def _urgent(self, answers: Answers) -> Problem | None:
        day = _date(answers.get(FOLLOW_UP_ON))
        if (
            answers.get("urgent") is not True
            or answers.get("outcome") not in OPEN_REFERRAL_OUTCOMES  # nothing left to check
            or day is None
            or day <= self.urgent_check_by  # type: ignore[operator]
        ):
            return None
        return Problem(URGENT_TOO_LATE, {"days": self.urgent_days, "latest": self.urgent_check_by})

    def problems(self, form: FormDefinition, answers: Answers) -> dict[str, Problem]:
        found = {}
        for f in form.all_fields():
            problem = self.check(f, answers.get(f.id), answers)
            if problem is not None:
                found[f.id] = problem
        return found


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None  # the date's own rule says it cannot be read


def rules_for(form_id: str, risk: str | None, deadlines: Deadlines, today: date) -> FormRules:
    if form_id == CASE_PLAN:
        return FormRules(review_by=first_review_by(risk, deadlines, today))
    if form_id == REFERRAL:  # counted from the day it is saved: made or last updated
        days = deadlines.urgent_referral_days
        return FormRules(urgent_check_by=today + timedelta(days=days), urgent_days=days)
    return FormRules()

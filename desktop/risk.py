"""The child's risk level over time: the case's risk is the latest one a form gave, and its
history (who, when, from which form) is read from the forms themselves.

A form gives a risk when it is saved for the first time (a new visit, a review, an assessment)
or when a new version changes its risk answer. A correction that leaves the risk answer alone
(a typo in an older initial assessment) gives nothing, so it never undoes a later assessment.
The history is derived, not stored: forms travel in packages, so the history travels with them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import FormSubmission
from desktop.forms.answers import Answers, column_values
from desktop.forms.definition import FormDefinition
from desktop.forms.saved import definition_of

RISK = "risk"


def risk_of(form: FormDefinition, answers: Answers) -> str | None:
    """The risk level a form's answers give the case, or None when the form has no risk."""
    value = column_values(form, answers).get(RISK)
    return str(value) if value else None


def risk_given(form: FormDefinition, answers: Answers, previous: FormSubmission | None) -> bool:
    """Whether saving `answers` gives the case its risk (see the module)."""
    if risk_of(form, answers) is None:
        return False
    return previous is None or risk_of(form, json.loads(previous.answers)) != risk_of(form, answers)


@dataclass(frozen=True)
class RiskChange:
    at: datetime
    user_id: int | None
    form_id: str
    instance: int
    before: str | None  # None: the first risk level given
    after: str


def risk_history(s: Session, case_id: int) -> list[RiskChange]:
    """Each change of the case's risk level, oldest first."""
    rows = s.execute(
        select(FormSubmission)
        .where(FormSubmission.case_id == case_id)
        .order_by(FormSubmission.submitted_at, FormSubmission.id)
    ).scalars()
    given: dict[tuple[str, int], str | None] = {}  # each form instance's last risk answer
    current: str | None = None
    changes = []
    for row in rows:
        form = definition_of(s, row.definition_id)
        if not any(f.column == RISK for f in form.all_fields()):
            continue
        value = risk_of(form, json.loads(row.answers))
        key = (row.form_id, row.instance)
        first = key not in given
        before_here, given[key] = given.get(key), value
        if value is None or (not first and before_here == value) or value == current:
            continue
        changes.append(
            RiskChange(
                row.submitted_at, row.submitted_by, row.form_id, row.instance, current, value
            )
        )
        current = value
    return changes

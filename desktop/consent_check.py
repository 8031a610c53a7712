"""Consent checked again when it matters: before a step shares information about the child (a
referral, a case conference, a transfer, a package sent), the current consent is shown and
confirmed, or recorded again.

Consent is informed only while it is current (DOMAIN.md: "informed consent/assent, re-checked at
each step"): one older than the agency's setting (12 months unless set), or recorded before the
child turned 18 (an adult now decides for themselves), must be recorded again, in a new version
of the consent form, before the step goes on. A confirmation is audited with the step it was
for; what the consent says stays in the form.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, InvalidInput
from db.models import Case, FormSubmission, Setting, User
from desktop import access
from desktop.case_forms import CONSENT
from desktop.session import UserSession

SETTING = "consent_renewal_months"
DEFAULT_MONTHS = 12
STEPS = ("referral", "conference", "transfer", "package")
CONFIRMED = "consent.confirmed"


class ConsentNeedsRenewal(InvalidInput):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "The consent must be recorded again before information is shared: fill in a new "
        "version of the consent form with the child and family.",
    )


@dataclass(frozen=True)
class ConsentState:
    """The current consent of a case, as the person confirming it needs to see it."""

    recorded: bool
    given_on: date | None  # the day it was given (the latest of the caregiver's and child's)
    caregiver: str | None  # to sharing: "given", "refused", or None (not asked)
    child: str | None
    organisations: tuple[str, ...]  # those it names for sharing
    recorded_by: str
    version: int
    months: int  # the agency's limit
    renewal: str  # "": current; "missing", "old" (older than the limit) or "adult" (turned 18)
    adult_on: date | None = None  # the 18th birthday, when it is why


def months_in(s: Session) -> int:
    value = s.execute(select(Setting.value).where(Setting.key == SETTING)).scalar()
    try:
        months = int(json.loads(value)) if value else DEFAULT_MONTHS
    except (TypeError, ValueError):
        return DEFAULT_MONTHS
    return months if 1 <= months <= 120 else DEFAULT_MONTHS


def _day(value: Any) -> date | None:
    if isinstance(value, dict):
        value = value.get("date")
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (12 on the same day a year later)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def _eighteenth(birth: date) -> date:
    try:
        return birth.replace(year=birth.year + 18)
    except ValueError:  # born on 29 February
        return date(birth.year + 18, 3, 1)


def state_of(s: Session, case: Case, today: date | None = None) -> ConsentState:
    today = today or datetime.now(UTC).astimezone().date()
    months = months_in(s)
    row = s.execute(
        select(FormSubmission)
        .where(FormSubmission.case_id == case.id, FormSubmission.form_id == CONSENT)
        .order_by(FormSubmission.revision.desc())
        .limit(1)
    ).scalar_one_or_none()
    if row is None:
        return ConsentState(False, None, None, None, (), "", 0, months, "missing")
    a: dict[str, Any] = json.loads(row.answers)
    days = [d for d in (_day(a.get("caregiver_consent")), _day(a.get("child_assent"))) if d]
    given_on = max(days) if days else row.submitted_at.astimezone().date()
    author = s.get(User, row.submitted_by) if row.submitted_by else None
    renewal, adult_on = "", None
    if case.birth_date is not None:
        adult_on = _eighteenth(case.birth_date)
        if given_on < adult_on <= today:
            renewal = "adult"
    if not renewal and _months_between(given_on, today) >= months:
        renewal = "old"
    return ConsentState(
        recorded=True,
        given_on=given_on,
        caregiver=a.get("caregiver_sharing"),
        child=a.get("child_sharing"),
        organisations=tuple(str(e.get("organisation", "")) for e in a.get("share_with") or [] if e),
        recorded_by=author.full_name if author else "",
        version=row.revision,
        months=months,
        renewal=renewal,
        adult_on=adult_on if renewal == "adult" else None,
    )


@access.reads_case()
def consent_state(us: UserSession, case_uuid: str) -> ConsentState:
    """The case's current consent, and whether it must be recorded again."""
    with access.reading_case(us, case_uuid) as (s, case):
        return state_of(s, case)


@access.changes_case()
def confirm_consent(us: UserSession, case_uuid: str, step: str) -> ConsentState:
    """The person checked the consent with the family before `step` (one of STEPS): audited.
    Refused when it must be recorded again."""
    if step not in STEPS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "{what} must be one of: {allowed}."),
            what="step",
            allowed=", ".join(STEPS),
        )
    with access.changing_case(us, case_uuid) as (s, case):
        state = state_of(s, case)
        if state.renewal:
            raise ConsentNeedsRenewal()
        us.audit(s, CONFIRMED, case_id=case.id, summary=f"{step}: version {state.version}")
        return state

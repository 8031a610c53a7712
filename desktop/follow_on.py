"""The form an answer asks for next, and the answers it starts with.

A screening whose next step is "close" asks for the closure request (the supervisor authorises
every closure); "refer elsewhere" asks for the referral, then the closure request. A review whose
next step is "prepare closure" or "consider transfer" asks for that request. The window opens the
form right after the saving one closes, filled in from the answers that asked for it; the same
starting answers are offered whenever the form is opened while its task waits (from My tasks,
the Forms tab, later). What asks and when is the workflow's rule (`desktop.workflow`, answers
that act): this module reads the tasks it made, so the two never disagree.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Case, Stage, Task
from desktop import access
from desktop.forms.answers import Answers
from desktop.forms.definition import FormDefinition
from desktop.forms.saved import Submission, instances, latest, submissions_in
from desktop.session import UserSession
from desktop.workflow import NextAction

SCREENING = "initial_assessment"
REVIEW = "review"
CLOSURE = "closure_request"
TRANSFER = "transfer_request"
REFERRAL = "referral"
PREFILLED = (CLOSURE, TRANSFER)  # and the referral, which reads its rules anyway
ASKING = (NextAction.REQUEST_CLOSURE, NextAction.REFER_ELSEWHERE, NextAction.REQUEST_TRANSFER)
# The forms whose saving may ask for another, and the tasks that ask for one then.
_AFTER = {
    SCREENING: (NextAction.REQUEST_CLOSURE, NextAction.REFER_ELSEWHERE),
    REFERRAL: (NextAction.REQUEST_CLOSURE,),  # the screening's referral made: the closure
    REVIEW: (NextAction.REQUEST_CLOSURE, NextAction.REQUEST_TRANSFER),
}
# The closure reasons of a screening (the shared choice list closure_reasons).
_SCREENING_REASON = {"close": "no_protection_concern", "refer_elsewhere": "referred_elsewhere"}


def _asking(s: Session, case: Case) -> dict[str, str]:
    """The forms the case's answers ask for now, by task kind."""
    return dict(
        s.execute(
            select(Task.kind, Task.form_id).where(Task.case_id == case.id, Task.kind.in_(ASKING))
        ).all()
    )


@access.reads_case()
def next_form(us: UserSession, case_uuid: str, saved_form_id: str) -> str | None:
    """The form to open right after `saved_form_id` was saved for this case, when its answers
    ask for one (see the module); None otherwise."""
    wanted = _AFTER.get(saved_form_id, ())
    with access.reading_case(us, case_uuid) as (s, case):
        if saved_form_id == REFERRAL and case.stage != Stage.INITIAL_ASSESSMENT:
            return None  # a referral in the plan's work asks for nothing more
        asked = _asking(s, case)
        return next((asked[kind] for kind in wanted if kind in asked), None)


@access.reads_case()
def starting_answers(us: UserSession, case_uuid: str, form: FormDefinition) -> Answers:
    """The answers `form` starts with for this case when an answer asked for it: from the
    screening or the review (empty when nothing asks for it)."""
    with access.reading_case(us, case_uuid) as (s, case):
        asked = set(_asking(s, case).items())
        if not any(form_id == form.id for _, form_id in asked):
            return {}
        subs = submissions_in(s, case.id)
        if case.stage == Stage.INITIAL_ASSESSMENT:
            found = _from_screening(form.id, latest(subs, SCREENING))
        else:
            found = _from_review(form.id, _latest_review(subs))
    return _fitting(form, found)


def _from_screening(form_id: str, screening: Submission | None) -> dict[str, Any]:
    if screening is None:
        return {}
    a = screening.answers
    if form_id == CLOSURE:
        return {
            "reason": _SCREENING_REASON.get(str(a.get("next_step"))),
            "reason_notes": a.get("next_step_reason"),
            "summary": a.get("risk_reasons"),
            "risk_at_closure": a.get("risk_level"),
        }
    if form_id == REFERRAL:
        return {"reason": a.get("next_step_reason")}
    return {}


def _latest_review(subs: list[Submission]) -> Submission | None:
    reviews = instances(subs, REVIEW)
    return max(reviews, key=lambda r: (_day(r.answers.get("reviewed_on")), r.id), default=None)


def _from_review(form_id: str, review: Submission | None) -> dict[str, Any]:
    if review is None:
        return {}
    a = review.answers
    if form_id == CLOSURE:
        return {
            "reason": "goals_met_safe" if a.get("goals_met") == "all" else None,
            "summary": a.get("goals_notes"),
            "goals_achieved": a.get("goals_met"),
            "risk_at_closure": a.get("risk_level"),
            "child_views": a.get("child_views"),
            "family_views": a.get("family_views"),
        }
    if form_id == TRANSFER:
        return {
            "case_reviewed": True,  # the review that proposes it
            "reason_notes": a.get("adjustments"),
            "child_views": a.get("child_views"),
        }
    return {}


def _day(value: Any) -> date:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else date.min
    except ValueError:
        return date.min


def _fitting(form: FormDefinition, found: dict[str, Any]) -> Answers:
    """Only answers this agency's form can hold: a question it has, a choice it offers."""
    kept: Answers = {}
    for field_id, value in found.items():
        f = form.field(field_id)
        if f is None or value is None or value == "":
            continue
        if f.type == "choice" and value not in f.choice_codes():
            continue
        kept[field_id] = value
    return kept

"""The reintegration pathway of a child in alternative care (seed 001, box 2) as rules on plain
data: its stage, derived from the forms filled; moving it back; the dates its forms set.

Nothing here reads the store: `desktop.case_state` gathers the pathway's forms, moves and the
placement decision's approval with the rest of a case's facts, and `desktop.workflow` turns the
dates into tasks. The stage is never stored: it is what the forms say, so an imported case or a
corrected form shows the right stage at once.

The stages follow box 2: family tracing → family assessment → decision (the case management
report, the conference and the placement decision) → preparation of the child, the family and
the community → placement or reunification → post-placement follow-up → closure. The process is
not linear: a move back (a placement that broke down, a family that withdrew) is kept with its
reason, and only forms saved after it carry the pathway forward again.

Deadlines: the seed gives none for these steps. The supervisor decides on a placement decision
within the agency's days for any approval; the other tasks fall on the dates the forms choose
(the decision's preparation and placement schedule, the next preparation session, the first and
next follow-up).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from db.errors import QT_TRANSLATE_NOOP, UlinziError

TRACING = "tracing"
ASSESSMENT = "assessment"
DECISION = "decision"
PREPARATION = "preparation"
PLACEMENT = "placement"
FOLLOW_UP = "follow_up"
CLOSURE = "closure"
STAGES = (TRACING, ASSESSMENT, DECISION, PREPARATION, PLACEMENT, FOLLOW_UP, CLOSURE)
BACK_TO = STAGES[:-1]  # closing is the case's closure request, approved by the supervisor

TRACING_FORM = "family_tracing"
ASSESSMENT_FORM = "family_assessment"
REPORT_FORM = "case_management_report"
DECISION_FORM = "placement_decision"
PREPARATION_FORM = "reintegration_preparation"
PLACEMENT_FORM = "reunification"
FOLLOW_UP_FORM = "post_placement_follow_up"
STAGE_OF_FORM = {
    TRACING_FORM: TRACING,
    ASSESSMENT_FORM: ASSESSMENT,
    REPORT_FORM: DECISION,
    DECISION_FORM: DECISION,
    PREPARATION_FORM: PREPARATION,
    PLACEMENT_FORM: PLACEMENT,
    FOLLOW_UP_FORM: FOLLOW_UP,
}
FORMS = tuple(STAGE_OF_FORM)
MOVE_BACK = "reintegration"  # how a stage move of the pathway is kept (the case's stage stays)
# The case's stages at which a pathway that reached the placement is closing.
CLOSING = ("closure_requested", "closed")


def rank(stage: str) -> int:
    return STAGES.index(stage) if stage in STAGES else -1


@dataclass(frozen=True)
class SavedForm:
    """The latest version of one pathway form (one instance of a repeatable one)."""

    form_id: str
    instance: int
    saved_at: datetime
    answers: Mapping[str, Any]


@dataclass(frozen=True)
class Move:
    at: datetime
    to: str


@dataclass(frozen=True)
class Pathway:
    """Where a child's reintegration stands, and what its forms ask for next."""

    stage: str
    decision: str | None = None  # the placement decision's approval: pending, approved, …
    decision_holds: bool = False  # approved here, and not undone by a move back since
    family_found: bool | None = None  # the tracing's outcome
    placement_holds: str | None = None  # the latest follow-up: stable, fragile, broken_down
    preparation_due: date | None = None
    placement_due: date | None = None
    follow_up_due: date | None = None


class PathwayRefused(UlinziError):
    NOT_STARTED = QT_TRANSLATE_NOOP(
        "errors", "This case has no reintegration under way: there is nothing to move back."
    )
    NOT_EARLIER = QT_TRANSLATE_NOOP(
        "errors",
        "A reintegration moves forward by filling in its forms. Only a move back to an earlier "
        "step is made by hand.",
    )
    NO_REASON = QT_TRANSLATE_NOOP(
        "errors", "Say why the reintegration goes back: the reason is kept in its timeline."
    )
    NOT_APPROVED = QT_TRANSLATE_NOOP(
        "errors",
        "The child can be placed only under a placement decision your supervisor has approved. "
        "Fill in the placement decision, or wait for the approval. Your answers are kept as a "
        "draft.",
    )


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def pathway(
    forms: Sequence[SavedForm],
    moves: Sequence[Move] = (),
    decision: tuple[str, datetime] | None = None,
    case_stage: str = "",
) -> Pathway | None:
    """The pathway of one case, or None when none of its forms was filled in.

    `moves` are the pathway's moves back, oldest first; `decision` the state of the latest
    approval request of a placement decision made here and when it was asked for."""
    last = moves[-1] if moves else None
    counted = [f for f in forms if last is None or f.saved_at > last.at]
    reached = max((rank(STAGE_OF_FORM[f.form_id]) for f in counted), default=-1)
    if last is not None:
        reached = max(reached, rank(last.to))
    if reached < 0:
        return None
    stage = STAGES[reached]
    if case_stage in CLOSING and reached >= rank(PLACEMENT):
        stage = CLOSURE

    def latest(form_id: str) -> SavedForm | None:
        found = [f for f in counted if f.form_id == form_id]
        return max(found, key=lambda f: (f.saved_at, f.instance)) if found else None

    tracing = next((f for f in reversed(forms) if f.form_id == TRACING_FORM), None)
    family_found = None
    if tracing is not None and tracing.answers.get("outcome") in ("found", "not_found"):
        family_found = tracing.answers.get("outcome") == "found"
    state, asked_at = decision if decision else (None, None)
    holds = (
        state == "approved"
        and asked_at is not None
        and (last is None or rank(last.to) > rank(DECISION) or asked_at > last.at)
    )
    result = Pathway(stage, state, holds, family_found)

    chosen = latest(DECISION_FORM) or next(
        (f for f in reversed(forms) if f.form_id == DECISION_FORM), None
    )
    if stage in (DECISION, PREPARATION) and holds and chosen is not None:
        sessions = sorted(
            (f for f in counted if f.form_id == PREPARATION_FORM and f.saved_at > chosen.saved_at),
            key=lambda f: (_day(f.answers.get("held_on")) or date.min, f.instance),
        )
        preparation_due = (
            _day(sessions[-1].answers.get("next_session_on"))
            if sessions
            else _day(chosen.answers.get("preparation_from"))
        )
        return _with(
            result,
            preparation_due=preparation_due,
            placement_due=_day(chosen.answers.get("placement_on")),
        )
    placed = latest(PLACEMENT_FORM) or next(
        (f for f in reversed(forms) if f.form_id == PLACEMENT_FORM), None
    )
    if stage in (PLACEMENT, FOLLOW_UP) and placed is not None:
        visits = sorted(
            (f for f in counted if f.form_id == FOLLOW_UP_FORM and f.saved_at > placed.saved_at),
            key=lambda f: (_day(f.answers.get("visited_on")) or date.min, f.instance),
        )
        if visits:
            return _with(
                result,
                placement_holds=str(visits[-1].answers.get("placement_holds") or "") or None,
                follow_up_due=_day(visits[-1].answers.get("next_follow_up_on")),
            )
        return _with(result, follow_up_due=_day(placed.answers.get("first_follow_up_on")))
    return result


def _with(p: Pathway, **changes: Any) -> Pathway:
    return replace(p, **changes)


def check_back(current: Pathway | None, target: str, reason: str) -> None:
    """May a person move a reintegration from where it stands back to `target`?"""
    if current is None:
        raise PathwayRefused(PathwayRefused.NOT_STARTED)
    if target not in BACK_TO or rank(target) >= rank(current.stage):
        raise PathwayRefused(PathwayRefused.NOT_EARLIER)
    if not reason.strip():
        raise PathwayRefused(PathwayRefused.NO_REASON)


def check_form(current: Pathway | None, form_id: str) -> None:
    """What the pathway asks before a form is saved: a child is placed only under a placement
    decision approved here (an approval that came with an imported case is its history)."""
    if form_id == PLACEMENT_FORM and (current is None or not current.decision_holds):
        raise PathwayRefused(PathwayRefused.NOT_APPROVED)


def back_stages(current: Pathway | None) -> list[str]:
    """The earlier steps a reintegration may go back to."""
    if current is None:
        return []
    return [s for s in BACK_TO if rank(s) < rank(current.stage)]

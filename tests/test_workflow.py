"""The pure workflow rules (desktop.workflow): stages and moves, approvals, deadlines, tasks."""

from __future__ import annotations

import calendar
import os
import time as time_module
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.errors import UlinziError
from db.models import RiskLevel, Role, Stage
from desktop.workflow import (
    APPROVAL_OF_FORM,
    FORM_OF_ACTION,
    FORM_OF_APPROVAL,
    OPEN,
    ORDER,
    WORKING,
    Approval,
    ApprovalKind,
    ApprovalState,
    CaseFacts,
    Deadlines,
    FormNotNow,
    MoveRefused,
    NextAction,
    PlanAction,
    Referral,
    Rules,
    Task,
    Urgency,
    add_months,
    check_back,
    check_decider,
    check_return_comment,
    end_of,
    form_allowed,
    next_action,
    rank,
    review_due,
    stage_after_form,
    tasks,
    urgency,
)

S = Stage
REG = datetime(2026, 3, 6, 17, 0, tzinfo=UTC)  # a Friday, 17:00 UTC

# -- stages -------------------------------------------------------------------------------------

# The working order written out by hand, so the tests do not borrow the module's own tables.
WORKING_ORDER = [
    S.REGISTERED,
    S.INITIAL_ASSESSMENT,
    S.FULL_ASSESSMENT,
    S.CASE_PLAN,
    S.IMPLEMENTATION,
    S.FOLLOW_UP,
]
ALL_STAGES = list(Stage)


def test_stage_tables_follow_the_six_steps():
    assert list(WORKING) == WORKING_ORDER
    assert set(OPEN) == set(Stage) - {S.CLOSED, S.TRANSFERRED}
    assert ORDER[-2:] == (S.CLOSURE_REQUESTED, S.CLOSED)
    assert [rank(stage) for stage in ORDER] == list(range(len(ORDER)))


def test_reopened_ranks_with_registered_and_transferred_after_everything():
    assert rank(S.REOPENED) == rank(S.REGISTERED) == 0
    assert rank(S.TRANSFERRED) > rank(S.CLOSED) > rank(S.CLOSURE_REQUESTED)


# -- manual moves (check_back) ------------------------------------------------------------------

ALLOWED = "allowed"
READ_ONLY = "read_only"
CLOSED = "closed"
NOT_WORKING = "not_working"
FORWARD = "forward"

MESSAGE_WORDS = {
    READ_ONLY: ("transferred to another agency", "read only"),
    CLOSED: ("closed", "Reopen it, with a reason"),
    NOT_WORKING: ("working stages", "supervisor's approval"),
    FORWARD: ("moves forward by doing the work", "earlier stage is made by hand"),
}


def expected_move(current: Stage, target: Stage) -> str:
    """What DOMAIN.md asks of a manual move, written independently of the module."""
    if current == S.TRANSFERRED:
        return READ_ONLY
    if current == S.CLOSED:
        return CLOSED
    if target not in WORKING_ORDER:
        return NOT_WORKING
    if current == S.REOPENED:
        return ALLOWED
    position = [*WORKING_ORDER, S.CLOSURE_REQUESTED]
    return ALLOWED if position.index(target) < position.index(current) else FORWARD


PAIRS = [(current, target) for current in ALL_STAGES for target in ALL_STAGES]


def passes(current: Stage, target: Stage, reason: str = "The family moved.") -> bool:
    try:
        check_back(current, target, reason)
    except MoveRefused:
        return False
    return True


def test_the_allowed_moves_back_are_exactly_the_expected_twenty_seven():
    allowed = {pair for pair in PAIRS if passes(*pair)}
    assert allowed == {pair for pair in PAIRS if expected_move(*pair) == ALLOWED}
    # 21 moves back among registered…closure requested, and 6 from a reopened case.
    assert len(allowed) == 27
    assert (S.FOLLOW_UP, S.REGISTERED) in allowed
    assert (S.CLOSURE_REQUESTED, S.FOLLOW_UP) in allowed
    assert (S.REOPENED, S.FOLLOW_UP) in allowed
    assert (S.FOLLOW_UP, S.FOLLOW_UP) not in allowed


@pytest.mark.parametrize(("current", "target"), PAIRS, ids=lambda s: s.value)
def test_manual_move(current, target):
    outcome = expected_move(current, target)
    if outcome == ALLOWED:
        assert check_back(current, target, "The family moved; assess again.") is None
        return
    with pytest.raises(MoveRefused) as refused:
        check_back(current, target, "The family moved; assess again.")
    assert isinstance(refused.value, UlinziError)
    for words in MESSAGE_WORDS[outcome]:
        assert words in refused.value.message
    others = set(MESSAGE_WORDS) - {outcome}
    assert not any(MESSAGE_WORDS[other][0] in refused.value.message for other in others)


@pytest.mark.parametrize("reason", ["", " ", "\t\n", "   \u00a0"])
@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.FOLLOW_UP, S.CASE_PLAN),
        (S.INITIAL_ASSESSMENT, S.REGISTERED),
        (S.CLOSURE_REQUESTED, S.IMPLEMENTATION),
        (S.REOPENED, S.FULL_ASSESSMENT),
    ],
)
def test_a_move_back_without_a_reason_is_refused(current, target, reason):
    with pytest.raises(MoveRefused) as refused:
        check_back(current, target, reason)
    assert refused.value.message == (
        "Say why the case goes back: the reason is kept in its history."
    )


@given(
    pair=st.sampled_from(PAIRS),
    reason=st.text(min_size=1).filter(lambda r: r.strip()),
)
def test_moves_back_are_allowed_exactly_to_earlier_working_stages(pair, reason):
    assert passes(*pair, reason) == (expected_move(*pair) == ALLOWED)


@given(
    pair=st.sampled_from([p for p in PAIRS if expected_move(*p) == ALLOWED]),
    reason=st.text(alphabet=" \t\n\r\u00a0\u2003", max_size=8),
)
def test_a_blank_reason_never_passes(pair, reason):
    with pytest.raises(MoveRefused) as refused:
        check_back(*pair, reason)
    assert refused.value.message.startswith("Say why the case goes back")


def test_a_refusal_reads_the_same_as_text_and_as_message():
    with pytest.raises(MoveRefused) as refused:
        check_back(S.CLOSED, S.FOLLOW_UP, "reason")
    assert str(refused.value) == refused.value.message


# -- forms moving a case (stage_after_form, form_allowed) ---------------------------------------

MOVING_FORMS = [
    "initial_assessment",
    "full_assessment",
    "case_plan",
    "follow_up_visit",
    "review",
    "closure_request",
]
# One row per stage, in MOVING_FORMS' order; None: the case stays where it is.
IA, FA, CP, FU, CR = (
    S.INITIAL_ASSESSMENT,
    S.FULL_ASSESSMENT,
    S.CASE_PLAN,
    S.FOLLOW_UP,
    S.CLOSURE_REQUESTED,
)
STAGE_AFTER = {
    S.REGISTERED: [IA, FA, CP, None, None, CR],
    S.INITIAL_ASSESSMENT: [None, FA, CP, None, None, CR],
    S.FULL_ASSESSMENT: [None, None, CP, None, None, CR],
    S.CASE_PLAN: [None, None, None, None, None, CR],
    S.IMPLEMENTATION: [None, None, None, FU, FU, CR],
    S.FOLLOW_UP: [None, None, None, None, None, CR],
    S.CLOSURE_REQUESTED: [None] * 6,
    S.CLOSED: [None] * 6,
    S.TRANSFERRED: [None] * 6,
    S.REOPENED: [IA, FA, CP, None, None, CR],
}
FORM_CASES = [
    (stage, form, STAGE_AFTER[stage][i])
    for stage in ALL_STAGES
    for i, form in enumerate(MOVING_FORMS)
]


def test_the_expected_table_covers_every_stage():
    assert set(STAGE_AFTER) == set(Stage)


@pytest.mark.parametrize(("stage", "form_id", "expected"), FORM_CASES, ids=str)
def test_saving_a_form_moves_the_case(stage, form_id, expected):
    assert stage_after_form(stage, form_id) == expected


@pytest.mark.parametrize(
    "form_id",
    ["registration", "consent", "best_interests", "referral", "transfer_request", "no_such_form"],
)
@pytest.mark.parametrize("stage", ALL_STAGES, ids=str)
def test_other_forms_never_move_a_case(stage, form_id):
    assert stage_after_form(stage, form_id) is None


@given(stage=st.sampled_from(ALL_STAGES), form_id=st.sampled_from(MOVING_FORMS))
def test_a_form_only_ever_moves_a_case_forward(stage, form_id):
    after = stage_after_form(stage, form_id)
    if after is not None:
        assert stage in OPEN and stage != S.CLOSURE_REQUESTED
        assert rank(after) > rank(stage) or stage == S.REOPENED


@pytest.mark.parametrize("stage", [s for s in ALL_STAGES if s not in (S.CLOSED, S.TRANSFERRED)])
@pytest.mark.parametrize("form_id", [*MOVING_FORMS, "registration", "referral", "best_interests"])
def test_any_form_may_be_saved_for_an_open_case(stage, form_id):
    assert form_allowed(stage, form_id) is True


@pytest.mark.parametrize("form_id", [*MOVING_FORMS, "registration", "referral"])
@pytest.mark.parametrize("due", [False, True])
def test_a_transferred_case_takes_no_form(form_id, due):
    assert form_allowed(S.TRANSFERRED, form_id, post_closure_visit_due=due) is False


@pytest.mark.parametrize(
    "form_id", [f for f in MOVING_FORMS if f != "follow_up_visit"] + ["referral", "registration"]
)
@pytest.mark.parametrize("due", [False, True])
def test_a_closed_case_takes_no_form_but_the_visit(form_id, due):
    assert form_allowed(S.CLOSED, form_id, post_closure_visit_due=due) is False


def test_a_closed_case_takes_the_post_closure_visit_only_while_it_is_due():
    assert form_allowed(S.CLOSED, "follow_up_visit", post_closure_visit_due=True) is True
    assert form_allowed(S.CLOSED, "follow_up_visit", post_closure_visit_due=False) is False
    assert form_allowed(S.CLOSED, "follow_up_visit") is False


def test_form_not_now_says_what_can_still_be_done():
    closed = FormNotNow().message
    assert closed.startswith("This case is closed")
    assert "visit after closure" in closed and "Reopen the case" in closed
    transferred = FormNotNow(FormNotNow.TRANSFERRED).message
    assert "transferred" in transferred and "read only" in transferred


# -- approvals: who decides ---------------------------------------------------------------------

SUP, WORKER, OTHER_SUP, MANAGER = 10, 20, 30, 40
SUPERVISOR = frozenset({Role.SUPERVISOR})
NO_SELF = Rules()
SELF_OK = Rules(allow_self_approval=True)

MSG_ONLY_SUPERVISOR = "Only a supervisor can approve or return a request."
MSG_OWN = "You made this request yourself"
MSG_NOT_THEIRS = "Only the supervisor of this case's caseworker can decide on this request."


def refusal(call) -> str | None:  # type: ignore[no-untyped-def]
    try:
        call()
    except MoveRefused as e:
        return e.message
    return None


@pytest.mark.parametrize("rules", [NO_SELF, SELF_OK], ids=["strict", "self_ok"])
def test_the_caseworkers_supervisor_decides(rules):
    assert check_decider(SUP, SUPERVISOR, WORKER, WORKER, SUP, rules) is None
    both = frozenset({Role.SUPERVISOR, Role.CASEWORKER})
    assert check_decider(SUP, both, WORKER, WORKER, SUP, rules) is None


@pytest.mark.parametrize(
    "roles",
    [
        frozenset({Role.CASEWORKER}),
        frozenset({Role.MANAGER}),
        frozenset({Role.ADMINISTRATOR}),
        frozenset(),
    ],
    ids=["caseworker", "manager", "administrator", "no_role"],
)
@pytest.mark.parametrize("rules", [NO_SELF, SELF_OK], ids=["strict", "self_ok"])
def test_only_a_supervisor_decides(roles, rules):
    # Even the case's own caseworker, or someone recorded as its supervisor without the role.
    for decider in (WORKER, SUP):
        message = refusal(lambda d=decider: check_decider(d, roles, WORKER, WORKER, SUP, rules))
        assert message == MSG_ONLY_SUPERVISOR


@pytest.mark.parametrize("rules", [NO_SELF, SELF_OK], ids=["strict", "self_ok"])
def test_another_teams_supervisor_may_not_decide(rules):
    message = refusal(lambda: check_decider(OTHER_SUP, SUPERVISOR, WORKER, WORKER, SUP, rules))
    assert message == MSG_NOT_THEIRS


def test_a_supervisor_cannot_decide_on_their_own_request_unless_allowed():
    message = refusal(lambda: check_decider(SUP, SUPERVISOR, SUP, WORKER, SUP, NO_SELF))
    assert message is not None and message.startswith(MSG_OWN)
    assert "does not allow approving your own requests" in message
    assert check_decider(SUP, SUPERVISOR, SUP, WORKER, SUP, SELF_OK) is None


def test_self_approval_does_not_let_a_stranger_decide_on_their_own_request():
    message = refusal(lambda: check_decider(OTHER_SUP, SUPERVISOR, OTHER_SUP, WORKER, SUP, SELF_OK))
    assert message == MSG_NOT_THEIRS


@pytest.mark.parametrize("requester", [SUP, WORKER, None], ids=["own", "someone_else", "unknown"])
def test_a_supervisor_holding_the_case_decides_only_with_self_approval(requester):
    # The supervisor is the case's caseworker and has no supervisor of their own.
    assert refusal(lambda: check_decider(SUP, SUPERVISOR, requester, SUP, None, NO_SELF))
    assert check_decider(SUP, SUPERVISOR, requester, SUP, None, SELF_OK) is None


def test_a_supervisor_holding_the_case_leaves_it_to_their_own_supervisor():
    # Sam holds the case and reports to Tess: Tess decides on Sam's request.
    assert check_decider(OTHER_SUP, SUPERVISOR, SUP, SUP, OTHER_SUP, NO_SELF) is None
    assert refusal(lambda: check_decider(SUP, SUPERVISOR, SUP, SUP, OTHER_SUP, NO_SELF))


def test_nobody_supervises_a_case_without_a_caseworker():
    message = refusal(lambda: check_decider(SUP, SUPERVISOR, WORKER, None, None, SELF_OK))
    assert message == MSG_NOT_THEIRS


@pytest.mark.parametrize("comment", ["", "   ", "\n\t"])
def test_returning_a_request_needs_a_comment(comment):
    with pytest.raises(MoveRefused) as refused:
        check_return_comment(comment)
    assert "Write what needs to change" in refused.value.message


def test_a_written_comment_is_enough_to_return():
    assert check_return_comment("Add the school's contact.") is None


def test_rules_from_settings_ignore_unknown_keys():
    rules = Rules.from_dict({"allow_self_approval": True, "retired_setting": True})
    assert rules == Rules(allow_self_approval=True, approve_best_interests=False)
    assert Rules.from_dict({}) == Rules()


# -- deadline arithmetic ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime(2026, 1, 31, 9, 30, tzinfo=UTC), 1, datetime(2026, 2, 28, 9, 30, tzinfo=UTC)),
        (datetime(2024, 1, 31, 9, 30, tzinfo=UTC), 1, datetime(2024, 2, 29, 9, 30, tzinfo=UTC)),
        (datetime(2025, 11, 30, 8, 0, tzinfo=UTC), 3, datetime(2026, 2, 28, 8, 0, tzinfo=UTC)),
        (datetime(2027, 11, 30, 8, 0, tzinfo=UTC), 3, datetime(2028, 2, 29, 8, 0, tzinfo=UTC)),
        (datetime(2025, 12, 15, 12, 0, tzinfo=UTC), 1, datetime(2026, 1, 15, 12, 0, tzinfo=UTC)),
        (datetime(2025, 10, 31, 12, 0, tzinfo=UTC), 3, datetime(2026, 1, 31, 12, 0, tzinfo=UTC)),
        (datetime(2025, 12, 31, 23, 59, tzinfo=UTC), 2, datetime(2026, 2, 28, 23, 59, tzinfo=UTC)),
        (datetime(2026, 8, 31, 0, 0, tzinfo=UTC), 1, datetime(2026, 9, 30, 0, 0, tzinfo=UTC)),
        (datetime(2024, 2, 29, 6, 0, tzinfo=UTC), 12, datetime(2025, 2, 28, 6, 0, tzinfo=UTC)),
        (datetime(2026, 3, 31, 6, 0, tzinfo=UTC), -1, datetime(2026, 2, 28, 6, 0, tzinfo=UTC)),
        (datetime(2026, 1, 10, 6, 0, tzinfo=UTC), -1, datetime(2025, 12, 10, 6, 0, tzinfo=UTC)),
        (datetime(2026, 5, 20, 6, 0, tzinfo=UTC), 0, datetime(2026, 5, 20, 6, 0, tzinfo=UTC)),
        (datetime(2026, 5, 20, 6, 0, tzinfo=UTC), 27, datetime(2028, 8, 20, 6, 0, tzinfo=UTC)),
    ],
)
def test_add_months(moment, months, expected):
    assert add_months(moment, months) == expected
    assert add_months(moment, months).tzinfo is UTC


@given(
    moment=st.datetimes(
        min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31), timezones=st.just(UTC)
    ),
    months=st.integers(min_value=-600, max_value=1200),
)
def test_add_months_never_fails_and_lands_in_the_right_month(moment, months):
    result = add_months(moment, months)
    year, month0 = divmod(moment.year * 12 + moment.month - 1 + months, 12)
    assert (result.year, result.month) == (year, month0 + 1)
    assert result.day == min(moment.day, calendar.monthrange(year, month0 + 1)[1])
    assert result.timetz() == moment.timetz()
    if months >= 0:
        assert result >= moment
    if months > 0:
        assert add_months(moment, months - 1) < result


def test_end_of_a_day_is_its_last_second_where_the_office_is():
    day = date(2026, 7, 14)
    moment = end_of(day)
    assert moment.tzinfo is UTC
    local = moment.astimezone()
    assert (local.date(), local.time()) == (day, time(23, 59, 59))


@pytest.fixture
def nairobi():
    """The office's clock on East Africa Time (UTC+3, no summer time)."""
    if not hasattr(time_module, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Africa/Nairobi"
    time_module.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time_module.tzset()


def test_end_of_uses_the_local_time_zone(nairobi):
    assert end_of(date(2026, 3, 10)) == datetime(2026, 3, 10, 20, 59, 59, tzinfo=UTC)


@pytest.mark.parametrize(
    ("offset", "days", "expected"),
    [
        (timedelta(seconds=-1), 3, Urgency.OVERDUE),
        (timedelta(days=-40), 3, Urgency.OVERDUE),
        (timedelta(0), 3, Urgency.DUE_SOON),
        (timedelta(days=1), 3, Urgency.DUE_SOON),
        (timedelta(days=3), 3, Urgency.DUE_SOON),
        (timedelta(days=3, seconds=1), 3, Urgency.LATER),
        (timedelta(days=2), 1, Urgency.LATER),
        (timedelta(days=5), 7, Urgency.DUE_SOON),
        (timedelta(hours=1), 0, Urgency.LATER),
        (timedelta(0), 0, Urgency.DUE_SOON),
    ],
)
def test_urgency(offset, days, expected):
    now = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    assert urgency(now + offset, now, Deadlines(due_soon_days=days)) == expected


def test_urgency_without_a_due_date_is_none():
    now = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    assert urgency(None, now) == Urgency.NONE


def test_urgency_defaults_to_three_days_due_soon():
    now = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    assert urgency(now + timedelta(days=3), now) == Urgency.DUE_SOON
    assert urgency(now + timedelta(days=4), now) == Urgency.LATER


# -- Deadlines settings -------------------------------------------------------------------------


def test_default_deadlines_are_the_sop_ones():
    d = Deadlines()
    assert (d.initial_assessment_hours, d.initial_assessment_max_hours) == (24, 48)
    assert (d.full_assessment_days, d.case_plan_days) == (7, 14)
    assert (d.review_months, d.review_months_high_risk) == (3, 1)
    assert (d.approval_days, d.post_closure_visit_months, d.due_soon_days) == (7, 3, 3)


def test_deadlines_accept_the_old_closure_approval_key():
    assert Deadlines.from_dict({"closure_approval_days": 10}).approval_days == 10
    both = Deadlines.from_dict({"closure_approval_days": 10, "approval_days": 5})
    assert both.approval_days == 5


def test_deadlines_ignore_unknown_keys_and_read_numbers_as_text():
    d = Deadlines.from_dict({"review_months": "6", "visits_per_week": 2, "colour": "red"})
    assert d == Deadlines(review_months=6)


def test_deadlines_round_trip_through_a_dict():
    d = Deadlines(initial_assessment_hours=12, review_months=6, due_soon_days=1)
    assert Deadlines.from_dict(d.as_dict()) == d
    assert Deadlines.from_dict({}) == Deadlines()


# -- next_action: the stage's own deadline ------------------------------------------------------


def facts(stage: Stage, **kw) -> CaseFacts:  # type: ignore[no-untyped-def]
    kw.setdefault("risk", RiskLevel.MEDIUM)
    kw.setdefault("registered_at", REG)
    kw.setdefault("stage_since", REG + timedelta(days=1))
    return CaseFacts(stage=stage, **kw)


def test_initial_assessment_is_due_a_day_after_registration_and_at_most_two():
    task = next_action(facts(S.REGISTERED, stage_since=REG))
    assert task.kind == NextAction.INITIAL_ASSESSMENT
    assert task.form_id == "initial_assessment"
    assert task.due == datetime(2026, 3, 7, 17, 0, tzinfo=UTC)
    assert task.latest == datetime(2026, 3, 8, 17, 0, tzinfo=UTC)
    assert task.for_supervisor is False


def test_full_assessment_is_due_a_week_after_registration_counting_the_weekend():
    assert REG.weekday() == calendar.FRIDAY
    task = next_action(facts(S.INITIAL_ASSESSMENT, stage_since=REG + timedelta(hours=20)))
    assert task.kind == NextAction.FULL_ASSESSMENT
    assert task.form_id == "full_assessment"
    assert task.due == datetime(2026, 3, 13, 17, 0, tzinfo=UTC)
    assert task.due.weekday() == calendar.FRIDAY
    assert task.latest is None


@pytest.mark.parametrize("stage", [S.FULL_ASSESSMENT, S.CASE_PLAN])
def test_case_plan_is_due_two_weeks_after_the_stage_began(stage):
    began = datetime(2026, 3, 11, 8, 15, tzinfo=UTC)
    task = next_action(facts(stage, stage_since=began))
    assert task.kind == NextAction.CASE_PLAN
    assert task.form_id == "case_plan"
    assert task.due == datetime(2026, 3, 25, 8, 15, tzinfo=UTC)


def test_a_reopened_case_needs_a_full_assessment_within_a_week_of_reopening():
    reopened = datetime(2027, 2, 1, 10, 0, tzinfo=UTC)
    task = next_action(facts(S.REOPENED, stage_since=reopened))
    assert task.kind == NextAction.FULL_ASSESSMENT
    assert task.due == datetime(2027, 2, 8, 10, 0, tzinfo=UTC)


def test_a_move_back_makes_deadlines_count_from_the_move():
    moved = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    back = next_action(facts(S.REGISTERED, stage_since=moved, moved_back=True))
    assert back.due == datetime(2026, 5, 5, 9, 0, tzinfo=UTC)
    assert back.latest == datetime(2026, 5, 6, 9, 0, tzinfo=UTC)
    assessed = next_action(facts(S.INITIAL_ASSESSMENT, stage_since=moved, moved_back=True))
    assert assessed.due == datetime(2026, 5, 11, 9, 0, tzinfo=UTC)


def test_without_a_move_back_deadlines_count_from_registration():
    moved = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    assert next_action(facts(S.REGISTERED, stage_since=moved)).due == REG + timedelta(hours=24)
    assert next_action(facts(S.INITIAL_ASSESSMENT, stage_since=moved)).due == REG + timedelta(
        days=7
    )


APPROVED = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)


def in_implementation(**kw) -> CaseFacts:  # type: ignore[no-untyped-def]
    kw.setdefault("stage_since", APPROVED)
    kw.setdefault("plan_approved_at", APPROVED)
    return facts(kw.pop("stage", S.IMPLEMENTATION), **kw)


@pytest.mark.parametrize("stage", [S.IMPLEMENTATION, S.FOLLOW_UP])
def test_plan_review_is_due_three_months_after_the_plan_was_approved(stage):
    task = next_action(in_implementation(stage=stage, stage_since=APPROVED + timedelta(days=20)))
    assert task.kind == NextAction.PLAN_REVIEW
    assert task.form_id == "review"
    assert task.due == datetime(2026, 5, 10, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("risk", [RiskLevel.HIGH, "high"])
def test_a_high_risk_case_is_reviewed_monthly(risk):
    task = next_action(in_implementation(risk=risk))
    assert task.due == datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("risk", [RiskLevel.LOW, RiskLevel.MEDIUM, None])
def test_other_risk_levels_are_reviewed_every_three_months(risk):
    assert next_action(in_implementation(risk=risk)).due == datetime(2026, 5, 10, 9, 0, tzinfo=UTC)


def test_a_review_date_chosen_later_than_the_sop_is_not_kept():
    task = next_action(in_implementation(plan_review_date=date(2026, 7, 1)))
    assert task.due == datetime(2026, 5, 10, 9, 0, tzinfo=UTC)
    high = next_action(in_implementation(risk=RiskLevel.HIGH, plan_review_date=date(2026, 4, 1)))
    assert high.due == datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def test_a_review_date_chosen_earlier_than_the_sop_is_kept():
    task = next_action(in_implementation(plan_review_date=date(2026, 4, 2)))
    assert task.due == end_of(date(2026, 4, 2))
    assert task.due < datetime(2026, 5, 10, 9, 0, tzinfo=UTC)


def test_without_an_approval_date_the_review_counts_from_the_stage():
    began = datetime(2026, 1, 31, 11, 0, tzinfo=UTC)
    task = next_action(in_implementation(plan_approved_at=None, stage_since=began))
    assert task.due == datetime(2026, 4, 30, 11, 0, tzinfo=UTC)


REVIEWED = date(2026, 5, 2)


def test_after_a_review_the_next_one_counts_from_the_review():
    reviewed = in_implementation(
        stage=S.FOLLOW_UP, last_review_on=REVIEWED, plan_review_date=date(2026, 4, 1)
    )
    # The plan's own date (1 April) is behind us; the SOP counts 3 months from 2 May.
    expected = end_of(REVIEWED) + (date(2026, 8, 2) - REVIEWED)
    assert next_action(reviewed).due == expected
    assert review_due(reviewed, Deadlines()) == expected
    high = in_implementation(stage=S.FOLLOW_UP, risk=RiskLevel.HIGH, last_review_on=REVIEWED)
    assert next_action(high).due == end_of(REVIEWED) + (date(2026, 6, 2) - REVIEWED)


def test_after_a_review_its_chosen_next_date_counts_but_never_beyond_the_sop():
    sooner = in_implementation(last_review_on=REVIEWED, next_review=date(2026, 6, 15))
    assert next_action(sooner).due == end_of(date(2026, 6, 15))
    later = in_implementation(last_review_on=REVIEWED, next_review=date(2026, 11, 1))
    assert next_action(later).due == end_of(REVIEWED) + (date(2026, 8, 2) - REVIEWED)


def test_a_review_chosen_in_the_last_review_is_ignored_without_that_review():
    # next_review only means something with the review it came from.
    task = next_action(in_implementation(next_review=date(2026, 3, 1)))
    assert task.due == datetime(2026, 5, 10, 9, 0, tzinfo=UTC)


CLOSED_AT = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)


def test_post_closure_visit_is_due_three_months_after_closure():
    task = next_action(facts(S.CLOSED, stage_since=CLOSED_AT))
    assert task.kind == NextAction.POST_CLOSURE_VISIT
    assert task.form_id == "follow_up_visit"
    assert task.due == datetime(2026, 4, 15, 10, 0, tzinfo=UTC)


def test_post_closure_visit_keeps_an_earlier_chosen_date_but_not_a_later_one():
    sooner = next_action(
        facts(S.CLOSED, stage_since=CLOSED_AT, post_closure_visit_on=date(2026, 3, 1))
    )
    assert sooner.due == end_of(date(2026, 3, 1))
    later = next_action(
        facts(S.CLOSED, stage_since=CLOSED_AT, post_closure_visit_on=date(2026, 6, 1))
    )
    assert later.due == datetime(2026, 4, 15, 10, 0, tzinfo=UTC)


def test_no_action_once_the_child_was_visited_after_closure():
    task = next_action(
        facts(
            S.CLOSED,
            stage_since=CLOSED_AT,
            visited_since_closure=True,
            post_closure_visit_on=date(2026, 3, 1),
        )
    )
    assert task == Task(NextAction.NONE, None)


def test_a_transferred_case_has_no_next_action_even_with_requests_left():
    pending = Approval(ApprovalKind.CLOSURE, ApprovalState.PENDING, REG)
    task = next_action(facts(S.TRANSFERRED, approvals=(pending,)))
    assert task == Task(NextAction.NONE, None)


def test_a_closure_request_without_a_pending_approval_asks_nothing():
    assert next_action(facts(S.CLOSURE_REQUESTED)).kind == NextAction.NONE


def test_custom_deadlines_change_every_result():
    d = Deadlines(
        initial_assessment_hours=12,
        initial_assessment_max_hours=36,
        full_assessment_days=5,
        case_plan_days=10,
        review_months=6,
        review_months_high_risk=2,
        approval_days=2,
        post_closure_visit_months=1,
    )
    registered = next_action(facts(S.REGISTERED), d)
    assert (registered.due, registered.latest) == (
        REG + timedelta(hours=12),
        REG + timedelta(hours=36),
    )
    assert next_action(facts(S.INITIAL_ASSESSMENT), d).due == datetime(
        2026, 3, 11, 17, 0, tzinfo=UTC
    )
    began = datetime(2026, 3, 11, 8, 0, tzinfo=UTC)
    assert next_action(facts(S.FULL_ASSESSMENT, stage_since=began), d).due == datetime(
        2026, 3, 21, 8, 0, tzinfo=UTC
    )
    assert next_action(in_implementation(), d).due == datetime(2026, 8, 10, 9, 0, tzinfo=UTC)
    assert next_action(in_implementation(risk=RiskLevel.HIGH), d).due == datetime(
        2026, 4, 10, 9, 0, tzinfo=UTC
    )
    closed = next_action(facts(S.CLOSED, stage_since=CLOSED_AT), d)
    assert closed.due == datetime(2026, 2, 15, 10, 0, tzinfo=UTC)
    requested = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
    pending = Approval(ApprovalKind.CLOSURE, ApprovalState.PENDING, requested)
    assert next_action(facts(S.CLOSURE_REQUESTED, approvals=(pending,)), d).due == (
        datetime(2026, 6, 3, 8, 0, tzinfo=UTC)
    )


# -- next_action: approvals first -----------------------------------------------------------------

ASKED = {
    ApprovalKind.CLOSURE: datetime(2026, 6, 1, 8, 0, tzinfo=UTC),
    ApprovalKind.TRANSFER: datetime(2026, 6, 2, 8, 0, tzinfo=UTC),
    ApprovalKind.CASE_PLAN: datetime(2026, 6, 3, 8, 0, tzinfo=UTC),
    ApprovalKind.BEST_INTERESTS: datetime(2026, 6, 4, 8, 0, tzinfo=UTC),
}
DECIDED = datetime(2026, 6, 10, 8, 0, tzinfo=UTC)
PRIORITY = [
    (ApprovalKind.CLOSURE, NextAction.CLOSURE_APPROVAL),
    (ApprovalKind.TRANSFER, NextAction.TRANSFER_APPROVAL),
    (ApprovalKind.CASE_PLAN, NextAction.PLAN_APPROVAL),
    (ApprovalKind.BEST_INTERESTS, NextAction.BID_APPROVAL),
]


def pending(kind: ApprovalKind) -> Approval:
    return Approval(kind, ApprovalState.PENDING, ASKED[kind])


def returned(kind: ApprovalKind) -> Approval:
    return Approval(kind, ApprovalState.RETURNED, ASKED[kind], DECIDED)


@pytest.mark.parametrize("position", range(len(PRIORITY)))
@pytest.mark.parametrize("stage", [S.REGISTERED, S.CASE_PLAN, S.FOLLOW_UP, S.CLOSURE_REQUESTED])
def test_pending_approvals_come_first_in_their_order(position, stage):
    kind, code = PRIORITY[position]
    # This request and every one of lower priority wait; the list order must not matter.
    waiting = tuple(reversed([pending(k) for k, _ in PRIORITY[position:]]))
    task = next_action(in_implementation(stage=stage, approvals=waiting))
    assert task.kind == code
    assert task.for_supervisor is True
    assert task.due == ASKED[kind] + timedelta(days=7)
    assert task.form_id == ""


def test_a_pending_approval_comes_before_an_approved_transfer_and_returned_requests():
    approvals = (
        Approval(
            ApprovalKind.TRANSFER, ApprovalState.APPROVED, ASKED[ApprovalKind.TRANSFER], DECIDED
        ),
        returned(ApprovalKind.CLOSURE),
        pending(ApprovalKind.BEST_INTERESTS),
    )
    task = next_action(in_implementation(approvals=approvals))
    assert (task.kind, task.for_supervisor) == (NextAction.BID_APPROVAL, True)


def test_an_approved_transfer_must_be_sent():
    approved = Approval(
        ApprovalKind.TRANSFER, ApprovalState.APPROVED, ASKED[ApprovalKind.TRANSFER], DECIDED
    )
    task = next_action(in_implementation(approvals=(approved, returned(ApprovalKind.CLOSURE))))
    assert task.kind == NextAction.SEND_TRANSFER
    assert task.due == DECIDED + timedelta(days=7)
    assert task.for_supervisor is False


def test_an_approved_transfer_without_a_decision_date_is_not_sent():
    odd = Approval(ApprovalKind.TRANSFER, ApprovalState.APPROVED, ASKED[ApprovalKind.TRANSFER])
    assert next_action(in_implementation(approvals=(odd,))).kind == NextAction.PLAN_REVIEW


RETURNED = [
    (ApprovalKind.CLOSURE, NextAction.REVISE_CLOSURE, "closure_request"),
    (ApprovalKind.TRANSFER, NextAction.REVISE_TRANSFER, "transfer_request"),
    (ApprovalKind.BEST_INTERESTS, NextAction.REVISE_BID, "best_interests"),
]


def test_a_returned_plan_must_be_revised_before_the_work_goes_on():
    task = next_action(facts(S.CASE_PLAN, approvals=(returned(ApprovalKind.CASE_PLAN),)))
    assert (task.kind, task.form_id) == (NextAction.REVISE_PLAN, "case_plan")
    assert task.due == DECIDED + timedelta(days=7)
    assert task.for_supervisor is False


@pytest.mark.parametrize(("kind", "code", "form_id"), RETURNED)
def test_a_returned_request_is_a_task_until_a_new_request_or_a_review(kind, code, form_id):
    case = in_implementation(approvals=(returned(kind),))
    # The case's own deadline (the plan review) stays its next action…
    assert next_action(case).kind == NextAction.PLAN_REVIEW
    # …and the returned request waits beside it, with the form that revises it.
    waiting = [t for t in tasks(case) if t.kind == code]
    assert [(t.form_id, t.due, t.for_supervisor) for t in waiting] == [
        (form_id, DECIDED + timedelta(days=7), False)
    ]
    # A review after the return settles it (the caseworker chose to go on with the plan).
    reviewed = in_implementation(
        approvals=(returned(kind),), last_review_saved_at=DECIDED + timedelta(hours=1)
    )
    assert not [t for t in tasks(reviewed) if t.kind == code]
    # A review saved earlier the same day does not: it came before the return.
    earlier = in_implementation(
        approvals=(returned(kind),), last_review_saved_at=DECIDED - timedelta(hours=1)
    )
    assert [t for t in tasks(earlier) if t.kind == code]


def test_a_stale_approved_transfer_is_not_sent_after_a_reopening():
    approved = Approval(
        ApprovalKind.TRANSFER, ApprovalState.APPROVED, ASKED[ApprovalKind.TRANSFER], DECIDED
    )
    assert next_action(in_implementation(approvals=(approved,))).kind == NextAction.SEND_TRANSFER
    later = in_implementation(approvals=(approved,), restarted_at=DECIDED + timedelta(days=3))
    assert next_action(later).kind == NextAction.PLAN_REVIEW


def test_a_reopened_case_counts_its_assessment_from_the_reopening():
    reopened = REG + timedelta(days=200)
    task = next_action(
        facts(S.INITIAL_ASSESSMENT, stage_since=reopened + timedelta(days=1), restarted_at=reopened)
    )
    assert (task.kind, task.due) == (NextAction.FULL_ASSESSMENT, reopened + timedelta(days=7))


def test_a_plan_approved_after_the_last_review_sets_the_next_review():
    review_day = (APPROVED + timedelta(days=30)).date()
    newer_plan = APPROVED + timedelta(days=40)
    chosen = (newer_plan + timedelta(days=20)).date()
    case = in_implementation(
        last_review_on=review_day,
        next_review=review_day + timedelta(days=80),
        plan_approved_at=newer_plan,
        plan_review_date=chosen,
    )
    assert next_action(case).due == end_of(chosen)


def test_a_returned_plan_gives_revise_plan_on_the_case_plan_form():
    task = next_action(facts(S.CASE_PLAN, approvals=(returned(ApprovalKind.CASE_PLAN),)))
    assert task == Task(NextAction.REVISE_PLAN, DECIDED + timedelta(days=7), form_id="case_plan")


@pytest.mark.parametrize(
    "state", [ApprovalState.APPROVED, ApprovalState.REPLACED, ApprovalState.WITHDRAWN]
)
@pytest.mark.parametrize(
    "kind", [ApprovalKind.CLOSURE, ApprovalKind.CASE_PLAN, ApprovalKind.BEST_INTERESTS]
)
def test_settled_requests_leave_the_stage_deadline(kind, state):
    settled = Approval(kind, state, ASKED[kind], DECIDED)
    task = next_action(in_implementation(approvals=(settled,)))
    assert task.kind == NextAction.PLAN_REVIEW


def test_the_form_of_each_revision_asks_for_the_same_approval_again():
    for kind, code, form_id in [
        *RETURNED,
        (ApprovalKind.CASE_PLAN, NextAction.REVISE_PLAN, "case_plan"),
    ]:
        assert FORM_OF_ACTION[code] == form_id
        assert APPROVAL_OF_FORM[form_id] == kind
        assert FORM_OF_APPROVAL[kind] == form_id


# -- tasks ----------------------------------------------------------------------------------------


def referral(
    instance: int, outcome: str, follow_up_on: date | None = date(2026, 6, 20)
) -> Referral:
    return Referral(instance, "health", f"Clinic {instance}", outcome, follow_up_on)


def action(index: int, responsible: str, status: str, due: date | None) -> PlanAction:
    return PlanAction(index, 1, f"Action {index}", responsible, due, status)


BUSY = dict(
    last_visit_on=date(2026, 6, 1),
    next_visit=date(2026, 6, 12),
    referrals=(
        referral(1, "awaiting"),
        referral(2, "ongoing", date(2026, 6, 21)),
        referral(3, "no_response", date(2026, 6, 22)),
        referral(4, "completed"),
        referral(5, "declined"),
        referral(6, "awaiting", None),
    ),
    plan_actions=(
        action(0, "caseworker", "not_started", date(2026, 7, 1)),
        action(1, "caseworker", "in_progress", date(2026, 7, 2)),
        action(2, "caseworker", "done", date(2026, 7, 3)),
        action(3, "caseworker", "dropped", date(2026, 7, 4)),
        action(4, "caseworker", "not_started", None),
        action(5, "caregiver", "not_started", date(2026, 7, 5)),
        action(6, "provider", "in_progress", date(2026, 7, 6)),
    ),
)


def test_tasks_add_the_visit_open_referrals_and_the_caseworkers_open_actions():
    found = tasks(in_implementation(stage=S.FOLLOW_UP, **BUSY))
    assert found[0] == next_action(in_implementation(stage=S.FOLLOW_UP))
    assert found[0].kind == NextAction.PLAN_REVIEW
    assert found[1] == Task(
        NextAction.FOLLOW_UP_VISIT, end_of(date(2026, 6, 12)), form_id="follow_up_visit"
    )
    referrals = [t for t in found if t.kind == NextAction.REFERRAL_FOLLOW_UP]
    assert [(t.instance, t.detail, t.due, t.form_id) for t in referrals] == [
        (1, "Clinic 1", end_of(date(2026, 6, 20)), "referral"),
        (2, "Clinic 2", end_of(date(2026, 6, 21)), "referral"),
        (3, "Clinic 3", end_of(date(2026, 6, 22)), "referral"),
    ]
    actions = [t for t in found if t.kind == NextAction.PLAN_ACTION]
    assert [(t.ref, t.detail, t.due) for t in actions] == [
        ("0", "Action 0", end_of(date(2026, 7, 1))),
        ("1", "Action 1", end_of(date(2026, 7, 2))),
    ]
    assert len(found) == 1 + 1 + 3 + 2
    assert not any(t.for_supervisor for t in found)


def test_a_case_with_nothing_more_has_its_next_action_and_the_visit_its_risk_asks_for():
    assert tasks(in_implementation()) == [
        next_action(in_implementation()),
        Task(NextAction.FOLLOW_UP_VISIT, APPROVED + timedelta(days=30), form_id="follow_up_visit"),
    ]
    assert tasks(in_implementation(risk=None)) == [next_action(in_implementation(risk=None))]


@pytest.mark.parametrize("stage", [S.CLOSURE_REQUESTED, S.REOPENED, S.REGISTERED])
def test_open_cases_keep_their_visits_and_referrals(stage):
    found = tasks(facts(stage, approvals=(pending(ApprovalKind.CLOSURE),), **BUSY))
    assert found[0].kind == NextAction.CLOSURE_APPROVAL and found[0].for_supervisor
    assert len(found) == 7


def test_tasks_leave_out_an_empty_next_action():
    found = tasks(facts(S.CLOSURE_REQUESTED, next_visit=date(2026, 6, 12)))
    assert [t.kind for t in found] == [NextAction.FOLLOW_UP_VISIT]


def test_a_closed_case_has_only_its_post_closure_visit():
    found = tasks(facts(S.CLOSED, stage_since=CLOSED_AT, **BUSY))
    assert [t.kind for t in found] == [NextAction.POST_CLOSURE_VISIT]
    visited = tasks(facts(S.CLOSED, stage_since=CLOSED_AT, visited_since_closure=True, **BUSY))
    assert visited == []


def test_a_transferred_case_has_no_tasks():
    assert tasks(facts(S.TRANSFERRED, approvals=(pending(ApprovalKind.CLOSURE),), **BUSY)) == []

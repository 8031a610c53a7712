"""Answers that act, through the services on a real store: what a caseworker and a supervisor
then see in My tasks, the supervisor's queue, the case list and the case's timeline.

A screening that closes the case or refers the child elsewhere asks for the closure (and the
referral first); the latest risk is the case's risk, its history in the timeline; "BID needed"
is a task and a BID can be repeated; a review's next step asks for the closure or the transfer;
an urgent referral is checked within days; home visits follow the risk.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from db.models import Stage
from desktop import agency as agency_settings
from desktop import case_flow, case_forms, documents, follow_on
from desktop.case_forms import FormIncomplete
from desktop.workflow import add_months, end_of
from tests.stories import (
    HEALTH_CENTRE,
    TODAY,
    answers,
    approval,
    case_in_implementation,
    consent,
    day,
    referral,
    registration,
    row,
    task_kinds,
    text_of,
    visit,
)


def registered(agency) -> str:
    with agency.sign_in("cara") as us:
        return case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent(HEALTH_CENTRE)}
        ).uuid


def screening(us, next_step: str, **more: object) -> dict[str, object]:
    fixed: dict[str, object] = {"next_step": next_step, "risk_level": "low", **more}
    if next_step != "full_assessment":
        fixed["next_step_reason"] = "The family was told on the day by Cara."
        fixed.setdefault("risk_reasons", "The child is safe with the grandmother.")
    return answers(us, "initial_assessment", **fixed)


def mine(us, uuid: str) -> list[case_flow.TaskRow]:
    return [t for t in case_flow.my_tasks(us, days=400) if t.case_uuid == uuid]


def starting(us, uuid: str, form_id: str) -> dict[str, object]:
    return follow_on.starting_answers(us, uuid, case_forms.form_set(us).get(form_id))


def closure_after_screening(us, uuid: str) -> dict[str, object]:
    """The closure request as the caseworker completes it from what the screening filled in."""
    start = starting(us, uuid, "closure_request")
    return answers(us, "closure_request", **start, decided_with_family=True)


# -- the screening's next step ------------------------------------------------------------------


def test_a_screening_that_closes_asks_for_the_closure_instead_of_the_full_assessment(agency):
    uuid = registered(agency)
    with agency.sign_in("cara") as us:
        registered_at = row(us, uuid).registered_at
        case_forms.submit_form(us, uuid, "initial_assessment", screening(us, "close"), None)
        now = row(us, uuid)
        assert (now.stage, now.next_action) == ("initial_assessment", "request_closure")
        # The full assessment's deadline: the step that takes its place keeps it.
        assert now.next_due == registered_at + timedelta(days=7)
        assert [(t.kind, t.form_id) for t in mine(us, uuid)] == [
            ("request_closure", "closure_request")
        ]
        assert "full_assessment" not in task_kinds(us, uuid)
        # Right after saving, the window opens the closure request, filled in from the screening.
        assert follow_on.next_form(us, uuid, "initial_assessment") == "closure_request"
        start = starting(us, uuid, "closure_request")
        assert start == {
            "reason": "no_protection_concern",
            "reason_notes": "The family was told on the day by Cara.",
            "summary": "The child is safe with the grandmother.",
            "risk_at_closure": "low",
        }
        case_forms.submit_form(us, uuid, "closure_request", closure_after_screening(us, uuid), None)
        assert row(us, uuid).stage == Stage.CLOSURE_REQUESTED
    with agency.sign_in("sam") as us:  # the SOP: every closure is authorised
        queued = [a for a in case_flow.supervisor_queue(us).approvals if a.case_uuid == uuid]
        assert [(a.kind, a.can_decide) for a in queued] == [("closure", True)]
        case_flow.decide(us, queued[0].id, True)
    with agency.sign_in("cara") as us:
        closed = row(us, uuid)
        assert (closed.stage, closed.next_action) == ("closed", "")
        assert mine(us, uuid) == []  # nothing was planned: no visit after closure


def test_a_closure_returned_after_the_screening_goes_back_to_the_screening(agency):
    uuid = registered(agency)
    with agency.sign_in("cara") as us:
        case_forms.submit_form(us, uuid, "initial_assessment", screening(us, "close"), None)
        case_forms.submit_form(us, uuid, "closure_request", closure_after_screening(us, uuid), None)
    with agency.sign_in("sam") as us:
        comment = "The school reports bruises: do the full assessment first."
        case_flow.decide(us, approval(us, uuid, "closure").id, False, comment)
    with agency.sign_in("cara") as us:
        back = row(us, uuid)
        assert (back.stage, back.next_action) == ("initial_assessment", "revise_closure")
        assert [t.kind for t in mine(us, uuid)] == ["revise_closure"]
        assert (
            follow_on.starting_answers(us, uuid, case_forms.form_set(us).get("closure_request"))
            == {}
        )  # the returned request is revised from what it said
        # The caseworker agrees: a new screening goes on with the full assessment.
        again = screening(us, "full_assessment", risk_level="medium")
        case_forms.submit_form(us, uuid, "initial_assessment", again, based_on=1)
        now = row(us, uuid)
        assert (now.stage, now.next_action) == ("initial_assessment", "full_assessment")
        assert [t.kind for t in mine(us, uuid)] == ["full_assessment"]


def test_a_screening_that_refers_elsewhere_asks_for_the_referral_then_the_closure(agency):
    uuid = registered(agency)
    with agency.sign_in("cara") as us:
        case_forms.submit_form(
            us, uuid, "initial_assessment", screening(us, "refer_elsewhere"), None
        )
        assert row(us, uuid).next_action == "refer_elsewhere"
        assert [(t.kind, t.form_id) for t in mine(us, uuid)] == [("refer_elsewhere", "referral")]
        assert follow_on.next_form(us, uuid, "initial_assessment") == "referral"
        assert starting(us, uuid, "referral") == {
            "reason": "The family was told on the day by Cara."
        }
        case_forms.submit_form(us, uuid, "referral", referral(us, HEALTH_CENTRE), None)
        assert row(us, uuid).next_action == "request_closure"
        assert follow_on.next_form(us, uuid, "referral") == "closure_request"
        assert starting(us, uuid, "closure_request")["reason"] == "referred_elsewhere"
        kinds = [t.kind for t in mine(us, uuid)]
        assert sorted(kinds) == ["referral_follow_up", "request_closure"]


# -- the risk ---------------------------------------------------------------------------------------


def risk_lines(us, uuid: str) -> list[tuple[str, str, str, str]]:
    """The timeline's risk changes, oldest first: (before, after, form, who)."""
    return [
        (e.text, e.code, e.form_id, e.who)
        for e in reversed(case_flow.case_workflow(us, uuid).timeline)
        if e.kind == "risk"
    ]


def test_the_full_assessment_risk_is_the_case_risk_with_its_history_in_the_timeline(agency):
    uuid = registered(agency)
    with agency.sign_in("cara") as us:
        first = screening(us, "full_assessment", risk_level="medium")
        case_forms.submit_form(us, uuid, "initial_assessment", first, None)
        assert row(us, uuid).risk == "medium"
        full = answers(us, "full_assessment", risk_level="high", bid_needed=False)
        case_forms.submit_form(us, uuid, "full_assessment", full, None)
        assert row(us, uuid).risk == "high"  # the case list's risk column
        # A correction of the older screening that leaves its risk alone changes nothing.
        fixed = dict(first, risk_reasons="Corrected: the grandmother is 70, not 60.")
        case_forms.submit_form(us, uuid, "initial_assessment", fixed, based_on=1)
        assert row(us, uuid).risk == "high"
        assert risk_lines(us, uuid) == [
            ("", "medium", "initial_assessment", "Cara Caseworker"),
            ("medium", "high", "full_assessment", "Cara Caseworker"),
        ]


def test_a_risk_change_mid_case_reschedules_the_review_and_the_visits(agency):
    uuid = case_in_implementation(agency, review_in=80)  # medium risk, reviewed by day 80
    with agency.sign_in("cara") as us:
        approved = approval(us, uuid, "case_plan", "approved").decided_at
        assert row(us, uuid).next_due == end_of(TODAY + timedelta(days=80))
        due = {t.kind: t.due for t in mine(us, uuid)}
        assert due["follow_up_visit"] == approved + timedelta(days=30)  # medium: monthly

        # A visit finds the child at high risk: the review within a month, visits weekly.
        case_forms.submit_form(
            us,
            uuid,
            "follow_up_visit",
            visit(us, visited=0, next_visit=20) | {"risk_level": "high"},
            None,
        )
        now = row(us, uuid)
        assert now.risk == "high"
        assert now.next_due == add_months(approved, 1)
        due = {t.kind: t.due for t in mine(us, uuid)}
        assert due["plan_review"] == add_months(approved, 1)
        assert due["follow_up_visit"] == end_of(TODAY) + timedelta(days=7)
        assert any(
            e.kind == "risk" and e.code == "high"
            for e in case_flow.case_workflow(us, uuid).timeline
        )

        # Low risk: every 90 days, but never later than the date chosen at the visit.
        case_forms.submit_form(
            us,
            uuid,
            "follow_up_visit",
            visit(us, visited=0, next_visit=60) | {"risk_level": "low"},
            None,
        )
        due = {t.kind: t.due for t in mine(us, uuid)}
        assert due["follow_up_visit"] == end_of(TODAY + timedelta(days=60))


def test_closing_the_case_removes_its_visit_tasks(agency):
    uuid = case_in_implementation(agency)
    with agency.sign_in("cara") as us:
        assert "follow_up_visit" in task_kinds(us, uuid)
        request = answers(
            us,
            "closure_request",
            reason="goals_met_safe",
            risk_at_closure="low",
            post_closure_visit_on=day(20),
        )
        case_forms.submit_form(us, uuid, "closure_request", request, None)
    with agency.sign_in("sam") as us:
        case_flow.decide(us, approval(us, uuid, "closure").id, True)
    with agency.sign_in("cara") as us:
        assert task_kinds(us, uuid) == {"post_closure_visit"}


def test_visit_intervals_are_agency_settings_and_saving_them_reschedules(agency):
    uuid = case_in_implementation(agency)
    with agency.sign_in("cara") as us:
        approved = approval(us, uuid, "case_plan", "approved").decided_at
    with agency.sign_in("admin") as us:
        settings = agency_settings.load_settings(us)
        assert (
            settings.deadlines.visit_days_high_risk,
            settings.deadlines.visit_days_medium_risk,
            settings.deadlines.visit_days_low_risk,
            settings.deadlines.urgent_referral_days,
            settings.deadlines.best_interests_days,
        ) == (7, 30, 90, 2, 14)
        agency_settings.save_settings(
            us, replace(settings, deadlines=replace(settings.deadlines, visit_days_medium_risk=14))
        )
    with agency.sign_in("cara") as us:
        due = {t.kind: t.due for t in mine(us, uuid)}
        assert due["follow_up_visit"] == approved + timedelta(days=14)


# -- best interests ---------------------------------------------------------------------------------

OPTIONS = [
    {
        "kind": kind,
        "description": where,
        "advantages": "Known and loved.",
        "disadvantages": "Far from school.",
    }
    for kind, where in [("kinship_care", "With the aunt"), ("foster_care", "A foster family")]
]


def bid(us, decision: str, situation: str) -> dict[str, object]:
    return answers(
        us, "best_interests", decision_type=decision, situation=situation, options=OPTIONS
    )


def test_bid_needed_is_a_task_and_each_new_decision_has_its_own_determination(agency):
    uuid = registered(agency)
    with agency.sign_in("cara") as us:
        case_forms.submit_form(
            us, uuid, "initial_assessment", screening(us, "full_assessment"), None
        )
        asked = answers(
            us,
            "full_assessment",
            bid_needed=True,
            bid_needed_reason="Whether Zawadi should live with her aunt.",
        )
        case_forms.submit_form(us, uuid, "full_assessment", asked, None)
        saved_at = case_forms.case_submissions(us, uuid)[-1].submitted_at
        task = next(t for t in mine(us, uuid) if t.kind == "best_interests")
        assert (task.form_id, task.due) == ("best_interests", saved_at + timedelta(days=14))

        first = case_forms.submit_form(
            us, uuid, "best_interests", bid(us, "alternative_care", "The aunt offers a home."), None
        )
        assert "best_interests" not in task_kinds(us, uuid)
        # A correction of the assessment elsewhere does not ask again…
        case_forms.submit_form(
            us, uuid, "full_assessment", dict(asked, strengths="Loves school."), 1
        )
        assert "best_interests" not in task_kinds(us, uuid)
        # …a new decision does, and its determination is a new one: both are kept.
        later = dict(asked, bid_needed_reason="Whether Zawadi can go home to her mother.")
        case_forms.submit_form(us, uuid, "full_assessment", later, 2)
        assert "best_interests" in task_kinds(us, uuid)
        second = case_forms.submit_form(
            us, uuid, "best_interests", bid(us, "reunification", "The mother is back."), None
        )
        assert (first.instance, second.instance) == (1, 2)
        assert "best_interests" not in task_kinds(us, uuid)
        kept = [s for s in case_forms.case_submissions(us, uuid) if s.form_id == "best_interests"]
        assert [(s.instance, s.answers["decision_type"]) for s in kept] == [
            (1, "alternative_care"),
            (2, "reunification"),
        ]
        summary = text_of(
            documents.make_document(
                us, uuid, "summary", language="en", sections=["assessments"]
            ).pdf
        )
        assert "The aunt offers a home." in summary and "The mother is back." in summary


# -- the review's next step -----------------------------------------------------------------------


def reviewed(us, uuid: str, next_step: str) -> None:
    review = answers(
        us,
        "review",
        reviewed_on=day(-1),
        plan_relevant=True,
        risk_level="low",
        goals_met="all",
        goals_notes="Zawadi goes to school every day.",
        child_views="I am happy at my grandmother's.",
        family_views="The grandmother agrees.",
        next_step=next_step,
        next_review=day(40),
        adjustments="The family moved to Musanze.",
    )
    case_forms.submit_form(us, uuid, "review", review, None)


def test_a_review_that_prepares_the_closure_asks_for_it_filled_in(agency):
    uuid = case_in_implementation(agency)
    with agency.sign_in("cara") as us:
        reviewed(us, uuid, "prepare_closure")
        assert follow_on.next_form(us, uuid, "review") == "closure_request"
        task = next(t for t in mine(us, uuid) if t.kind == "request_closure")
        assert (task.form_id, task.due) == ("closure_request", row(us, uuid).next_due)
        assert starting(us, uuid, "closure_request") == {
            "reason": "goals_met_safe",
            "summary": "Zawadi goes to school every day.",
            "goals_achieved": "all",
            "risk_at_closure": "low",
            "child_views": "I am happy at my grandmother's.",
            "family_views": "The grandmother agrees.",
        }
        request = answers(us, "closure_request", **starting(us, uuid, "closure_request"))
        case_forms.submit_form(
            us, uuid, "closure_request", request | {"post_closure_visit_on": day(20)}, None
        )
        assert "request_closure" not in task_kinds(us, uuid)
        assert row(us, uuid).next_action == "closure_approval"


def test_a_review_that_considers_a_transfer_asks_for_the_transfer_request(agency):
    uuid = case_in_implementation(agency)
    with agency.sign_in("cara") as us:
        reviewed(us, uuid, "consider_transfer")
        assert follow_on.next_form(us, uuid, "review") == "transfer_request"
        assert "request_transfer" in {t.kind for t in mine(us, uuid)}
        assert starting(us, uuid, "transfer_request") == {
            "case_reviewed": True,
            "reason_notes": "The family moved to Musanze.",
            "child_views": "I am happy at my grandmother's.",
        }
        reviewed(us, uuid, "continue_plan")  # a later review settles it otherwise
        assert "request_transfer" not in task_kinds(us, uuid)
        assert follow_on.next_form(us, uuid, "review") is None


# -- urgent referrals ---------------------------------------------------------------------------------


def test_an_urgent_referral_is_checked_within_two_days(agency):
    uuid = case_in_implementation(agency)
    with agency.sign_in("cara") as us:
        late = referral(us, HEALTH_CENTRE) | {"urgent": True, "follow_up_on": day(10)}
        with pytest.raises(FormIncomplete) as refused:
            case_forms.submit_form(us, uuid, "referral", late, None)
        assert "within 2 days" in str(refused.value.text.format(**refused.value.params))
        case_forms.submit_form(us, uuid, "referral", late | {"follow_up_on": day(2)}, None)
        normal = referral(us, HEALTH_CENTRE) | {"urgent": False, "follow_up_on": day(10)}
        case_forms.submit_form(us, uuid, "referral", normal, None)
        checks = sorted(
            (t.instance, t.due) for t in mine(us, uuid) if t.kind == "referral_follow_up"
        )
        assert checks == [
            (1, end_of(TODAY + timedelta(days=2))),
            (2, end_of(TODAY + timedelta(days=10))),
        ]

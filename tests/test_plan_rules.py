"""The case plan holds together: each action serves one of its goals, and the first review
falls within the agency's interval for the child's risk unless the plan says why not; the
service refuses what the window refuses, whoever sends it."""

from __future__ import annotations

from datetime import date

import pytest

from desktop import case_forms, documents
from desktop.case_forms import FormIncomplete
from desktop.form_rules import first_review_by
from desktop.forms.answers import NOT_AN_ENTRY, Problem, problems
from desktop.forms.definition import FormDefinitionError, load_form_set, shipped_sources
from desktop.workflow import Deadlines
from tests import stories
from tests.stories import assessed_case, day, plan, text_of

ACTION = {
    "goal_number": 3,
    "action": "Enrol Zawadi at the primary school",
    "term": "short",
    "responsible": "caseworker",
    "due": day(5),
    "indicator": "Zawadi's name is on the class register",
    "status": "not_started",
}
ONE_GOAL = [{"area": "education", "goal": "Zawadi goes to school every day"}]


def test_an_action_for_a_goal_that_does_not_exist_is_refused_by_the_rules():
    form = load_form_set(shipped_sources()).get("case_plan")
    answers = {"goals": ONE_GOAL, "actions": [ACTION]}
    found = problems(form, answers)["actions"]
    assert found.params["problem"] == Problem(NOT_AN_ENTRY, {"number": 3})
    assert found.params["number"] == 1 and found.params["field"] == "goal_number"
    assert "actions" not in problems(form, {**answers, "actions": [{**ACTION, "goal_number": 1}]})


def test_the_service_refuses_an_action_for_a_goal_that_does_not_exist(agency):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        answers = {**plan(us), "goals": ONE_GOAL, "actions": [ACTION]}
        with pytest.raises(FormIncomplete, match="there is no number 3 in it"):
            case_forms.submit_form(us, uuid, "case_plan", answers, None)


def test_a_list_entry_must_point_into_a_list_of_the_same_form():
    sources = shipped_sources()
    broken = sources["case_plan.yaml"].replace("entry_of: goals", "entry_of: made_on")
    with pytest.raises(FormDefinitionError, match="not a list"):
        load_form_set({**sources, "case_plan.yaml": broken})


@pytest.mark.parametrize(
    ("risk", "months", "latest"),
    [("high", 1, date(2027, 2, 28)), ("medium", 3, date(2027, 4, 30)), (None, 3, None)],
)
def test_the_first_review_is_due_within_the_agencys_interval(risk, months, latest):
    deadlines = Deadlines(review_months=3, review_months_high_risk=1)
    chosen = first_review_by(risk, deadlines, date(2027, 1, 31))
    assert chosen == (latest or date(2027, 4, 30))


def _high_risk_case(agency) -> str:
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        from desktop import cases

        cases.update_case(us, uuid, risk="high")
    return uuid


def test_a_later_first_review_for_a_high_risk_child_needs_a_reason(agency):
    uuid = _high_risk_case(agency)
    with agency.sign_in("cara") as us:
        answers = plan(us, review_in=150)
        answers.pop("review_later_reason", None)
        with pytest.raises(FormIncomplete, match="interval for this child's risk ends on"):
            case_forms.submit_form(us, uuid, "case_plan", answers, None)
        rules = case_forms.form_rules(us, uuid, "case_plan")
        assert rules.review_by is not None and (rules.review_by - date.today()).days <= 31
        reason = "The family is away for the harvest until then; the volunteer visits weekly."
        saved = case_forms.submit_form(
            us, uuid, "case_plan", {**answers, "review_later_reason": reason}, None
        )
        assert saved.answers["review_later_reason"] == reason
        assert saved.answers["review_date"] == day(150)


def test_a_first_review_within_the_interval_needs_no_reason(agency):
    uuid = _high_risk_case(agency)
    with agency.sign_in("cara") as us:
        answers = plan(us, review_in=20)
        answers.pop("review_later_reason", None)
        saved = case_forms.submit_form(us, uuid, "case_plan", answers, None)
        assert "review_later_reason" not in saved.answers


def test_the_printed_plan_names_each_actions_goal_in_words(agency):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        answers = plan(us, actions=[{**ACTION, "goal_number": 1}])
        answers["actions"] = [{**ACTION, "goal_number": 2}]
        answers["goals"] = [
            {"area": "safety", "goal": "Zawadi sleeps safely at home"},
            {"area": "education", "goal": "Zawadi goes to school every day"},
        ]
        case_forms.submit_form(us, uuid, "case_plan", answers, None)
        made = documents.make_document(us, uuid, "summary", language="en", sections=["plan"])
    text = text_of(made.pdf)
    stories.in_order(text, "For the goal", "2. Zawadi goes to school every day", "Enrol Zawadi")

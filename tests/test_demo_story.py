"""The demo is a plausible, working office: its answers agree with each other and with the
calendar, most work is on time and a few cases are late (by days or weeks, not years)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop import accounts, case_forms, cases
from desktop.demo import create_demo_store
from tests.conftest import FAST_KDF


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo") / "store"
    demo = create_demo_store(folder, 300, seed=7, kdf=FAST_KDF)
    demo.session.close()
    with accounts.sign_in(folder, "manager", demo.password) as us:
        rows = cases.list_cases(us)
        forms = {r.uuid: case_forms.case_submissions(us, r.uuid) for r in rows}
    return rows, forms


def _answers(forms, form_id: str):
    return [(uuid, s.answers) for uuid, subs in forms.items() for s in subs if s.form_id == form_id]


def test_most_open_work_is_on_time_and_the_late_is_late_by_weeks(office):
    rows, _forms = office
    now = datetime.now(UTC)
    open_rows = [r for r in rows if r.status == "open" and r.next_due is not None]
    late = [r for r in open_rows if r.next_due < now]
    assert len(open_rows) > 150
    assert 0.02 <= len(late) / len(open_rows) <= 0.12, len(late) / len(open_rows)
    assert all(now - r.next_due < timedelta(days=60) for r in late)
    assert all(r.next_due >= now for r in rows if r.status == "closed" and r.next_due)


def test_a_closure_agrees_with_its_reason(office):
    _rows, forms = office
    closures = _answers(forms, "closure_request")
    assert len(closures) > 20
    for _uuid, a in closures:
        assert a["goals_achieved"] != "none"
        if a["reason"] == "goals_met_safe":
            assert a["goals_achieved"] == "all", a


def test_a_visit_where_the_child_was_not_seen_does_not_speak_of_seeing_them(office):
    _rows, forms = office
    visits = _answers(forms, "follow_up_visit")
    assert {a["child_seen"] for _u, a in visits} == {True, False}
    for _uuid, a in visits:
        if not a["child_seen"]:
            assert "child_views" not in a and a["child_not_seen_reason"]
            texts = " ".join(str(v) for v in a.values() if isinstance(v, str)).casefold()
            assert "seen at home" not in texts and "the child said" not in texts


def test_each_plan_reviews_within_the_agencys_interval_and_its_actions_serve_its_goals(office):
    rows, forms = office
    risk = {r.uuid: r.risk for r in rows}
    plans = [(u, a) for u, a in _answers(forms, "case_plan")]
    assert len(plans) > 50
    for uuid, a in plans:
        days = 30 if risk[uuid] == "high" else 90
        made = date.fromisoformat(a["made_on"])
        assert date.fromisoformat(a["review_date"]) <= made + timedelta(days=days + 1), a
        assert "review_later_reason" not in a
        assert all(1 <= x["goal_number"] <= len(a["goals"]) for x in a["actions"])

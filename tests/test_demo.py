"""Demo stores: realistic spread, never over a real store, and big enough to test speed."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest

from desktop import (
    accounts,
    attachments,
    case_forms,
    cases,
    facilities,
    pathway,
    placements,
    reintegration,
)
from desktop.demo import create_demo_store, sample_answers
from desktop.documents import media_type_of
from desktop.forms.definition import load_form_set, shipped_sources
from desktop.placement_state import KIND_OF_DECISION
from tests.conftest import FAST_KDF


def test_a_demo_store_is_marked_and_spread_over_workers_stages_and_risks(tmp_path):
    demo = create_demo_store(tmp_path / "demo", 2000, seed=11, kdf=FAST_KDF)
    demo.session.close()
    with accounts.sign_in(tmp_path / "demo", "manager", demo.password) as us:
        assert us.agency.is_demo and us.agency.code == "DEMO"
        rows = cases.list_cases(us)
        assert us.store.check().ok
    assert len(rows) == 2000
    statuses = Counter(r.status for r in rows)
    assert statuses["open"] > statuses["closed"] > statuses["transferred"] > 0
    assert len(Counter(r.stage for r in rows)) >= 9
    assert len({r.caseworker for r in rows}) >= 8
    assert {r.risk for r in rows if r.stage != "registered"} == {"high", "medium", "low"}
    assert all(r.risk is None for r in rows if r.stage == "registered")
    ages = [r.age() for r in rows]
    assert min(ages) >= 0 and max(ages) <= 20
    assert any(r.birth_date_estimated for r in rows)
    assert all(r.registered_at.date() <= date.today() for r in rows)
    assert any("é" in r.given_name or "è" in r.given_name for r in rows)
    assert len({r.case_number for r in rows}) == 2000


def test_the_same_seed_gives_the_same_cases(tmp_path):
    names = []
    for run in ("a", "b"):
        demo = create_demo_store(tmp_path / run, 50, seed=4, kdf=FAST_KDF, today=date(2026, 11, 1))
        with demo.session as us:
            names.append([(r.case_number, r.child_name) for r in cases.list_cases(us)])
    assert names[0] == names[1]


def test_the_demo_shows_attached_documents_that_open(tmp_path):
    demo = create_demo_store(tmp_path / "demo", 30, seed=3, kdf=FAST_KDF)
    demo.session.close()
    with accounts.sign_in(tmp_path / "demo", "manager", demo.password) as us:
        shown = [
            (row.uuid, a)
            for row in cases.list_cases(us)
            for a in attachments.case_attachments(us, row.uuid)
        ]
        assert {a.kind for _, a in shown} == {"birth_certificate", "medical_report"}
        assert len(shown) == 4
        for case_uuid, listed in shown:
            info, data = attachments.attachment_data(us, case_uuid, listed.id)
            assert media_type_of(data) == info.media_type
            assert len(data) == info.size < 100_000


@pytest.mark.slow
def test_a_demo_store_of_100000_cases_is_built_and_searched(tmp_path):
    demo = create_demo_store(tmp_path / "big", 100_000, seed=1, kdf=FAST_KDF)
    demo.session.close()
    with accounts.sign_in(tmp_path / "big", "manager", demo.password) as us:
        assert cases.count_cases(us) == 100_000
        found = cases.list_cases(us, search="Helene", limit=100)
        assert found and all(r.given_name == "Hélène" for r in found)


def test_a_small_demo_store_has_children_at_each_step_of_a_reintegration(tmp_path):
    demo = create_demo_store(tmp_path / "demo", 40, seed=7, kdf=FAST_KDF)
    demo.session.close()
    with accounts.sign_in(tmp_path / "demo", "manager", demo.password) as us:
        found = [reintegration.reintegration(us, r.uuid) for r in cases.list_cases(us)]
    steps = Counter(p.stage for p in found if p is not None)
    assert set(steps) == set(pathway.STAGES)
    decisions = {p.decision for p in found if p is not None and p.stage == pathway.DECISION}
    assert {"pending", "approved"} <= decisions  # one waits for the supervisor, one may go on
    assert sum(steps.values()) < len(found) / 2  # most children are not going home from care


def test_the_demo_facility_has_children_at_each_step_before_home_and_those_reunified_left(
    tmp_path,
):
    """A trainer showing "Who is here" sees a child at each step of the way home; a child who
    was reunified has left the facility and lives with the family."""
    demo = create_demo_store(tmp_path / "demo", 300, seed=7, kdf=FAST_KDF)
    demo.session.close()
    with accounts.sign_in(tmp_path / "demo", "hope", demo.password) as us:
        house = facilities.who_is_here(us)
    # An office is weeks late for a review now and then, never years: a trainee sees a few
    # reviews overdue, none absurdly.
    late = [date.today() - r.next_review for r in house.residents if r.next_review < date.today()]
    assert late and max(late).days <= 45, late
    before_home = set(pathway.STAGES[: pathway.STAGES.index(pathway.PLACEMENT)])
    assert {r.reintegration for r in house.residents} >= before_home | {None}
    assert not {r.reintegration for r in house.residents} & {pathway.PLACEMENT, pathway.FOLLOW_UP}
    left = {m.child_name for m in house.movements if not m.arrived}
    assert left and not left & {r.child_name for r in house.residents}
    with accounts.sign_in(tmp_path / "demo", "manager", demo.password) as us:
        gone = [c for c in cases.list_cases(us) if c.child_name in left]
        for case in gone:
            way = reintegration.reintegration(us, case.uuid)
            assert way is not None and way.stage in (pathway.PLACEMENT, pathway.FOLLOW_UP)
            saved = {f.form_id: f.answers for f in case_forms.case_submissions(us, case.uuid)}
            home, decision = saved[pathway.PLACEMENT_FORM], saved["placement_decision"]
            now, *before = placements.case_placements(us, case.uuid).placements
            # As the reunification form's first save records it: where the decision chose,
            # with the form's carer, from the form's day; the facility's placement ended then.
            assert now.end_date is None and now.facility_id is None
            assert now.kind == KIND_OF_DECISION[decision["option"]]
            assert (now.carer, now.address) == (home["carer"], home["address"])
            assert now.start_date == date.fromisoformat(home["placed_on"])
            assert [(p.facility, p.end_date, p.replaced) for p in before] == [
                (house.facility.name, now.start_date, True)
            ]


def test_a_demo_office_has_a_case_that_changed_hands_and_contact_notes(tmp_path):
    from desktop import assignments, notes

    demo = create_demo_store(tmp_path / "demo", 120, seed=3, kdf=FAST_KDF)
    demo.session.close()
    with accounts.sign_in(tmp_path / "demo", "manager", demo.password) as us:
        rows = cases.list_cases(us, status="open")
        moved = [h for r in rows if (h := assignments.assignment_history(us, r.uuid))]
        noted = [n for r in rows if (n := notes.case_notes(us, r.uuid).notes)]
    assert len(moved) == 1
    (change,) = moved[0]
    assert change.from_name and change.to_name and change.from_name != change.to_name
    assert change.by_name and change.reason
    assert len(noted) >= 5
    assert all(n.text and n.kind for ns in noted for n in ns)


def test_the_demos_random_answers_are_valid_for_every_shipped_form_whatever_the_draw():
    """The demo store and the form tests fill each form with random answers; a draw that broke
    a rule of the form (a determination with one option, a time longer than its field) stopped
    `ulinzi demo` now and then."""
    for form in load_form_set(shipped_sources()).forms.values():
        for seed in range(60):
            sample_answers(form, random.Random(seed), date.today())  # asserts they are valid


def test_the_demo_shows_a_risk_that_rose_a_repeated_bid_and_an_urgent_referral(tmp_path):
    demo = create_demo_store(tmp_path / "demo", 60, seed=3, kdf=FAST_KDF, today=date(2026, 11, 1))
    demo.session.close()
    rose, bids, urgent = [], [], []
    with accounts.sign_in(tmp_path / "demo", "manager", demo.password) as us:
        for row in cases.list_cases(us):
            saved = case_forms.case_submissions(us, row.uuid)
            risks = [
                (s.form_id, s.answers.get("risk_level"))
                for s in saved
                if s.form_id in ("initial_assessment", "full_assessment")
            ]
            if len({level for _, level in risks}) == 2:
                rose.append(row.case_number)
                assert row.risk == dict(risks)["full_assessment"]  # the latest is the case's
            if len({s.instance for s in saved if s.form_id == "best_interests"}) >= 2:
                bids.append(row.case_number)
            if any(s.form_id == "referral" and s.answers.get("urgent") for s in saved):
                urgent.append(row.case_number)
    assert rose and bids and urgent

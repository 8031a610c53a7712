"""A child's reintegration into a family (seed 001, box 2): the stage follows the forms filled,
the placement decision waits for the supervisor, the dates the forms choose become tasks, a
reintegration moves back with a reason, and its forms travel with the case."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from db.models import AuditEvent, Stage
from desktop import case_flow, case_forms, documents, drafts, exchange, reintegration
from desktop.documents import DocumentUnavailable
from desktop.pathway import PathwayRefused
from desktop.workflow import end_of
from tests.conftest import make_agency
from tests.stories import (
    AUNT,
    PATHWAY_FORMS,
    TODAY,
    admitted_to_facility,
    answers,
    approval,
    case_in_implementation,
    closure,
    day,
    in_order,
    introduce,
    pathway_answers,
    reintegrated_to,
    row,
    text_of,
)


def stage(agency, uuid: str) -> str | None:
    with agency.sign_in("cara") as us:
        found = reintegration.reintegration(us, uuid)
    return found.stage if found else None


def tasks_of(agency, uuid: str, who: str = "cara") -> dict[str, object]:
    with agency.sign_in(who) as us:
        return {t.kind: t.due for t in case_flow.case_workflow(us, uuid).tasks}


def submit(agency, uuid: str, form_id: str, **fixed: object) -> None:
    with agency.sign_in("cara") as us:
        case_forms.submit_form(us, uuid, form_id, pathway_answers(us, form_id, **fixed), None)


def test_the_reintegration_stage_follows_the_forms_filled_in(agency):
    uuid = case_in_implementation(agency)
    assert stage(agency, uuid) is None  # no reintegration until its first form
    seen = []
    for form_id in PATHWAY_FORMS:
        submit(agency, uuid, form_id)
        if form_id == "placement_decision":
            with agency.sign_in("sam") as us:
                case_flow.decide(us, approval(us, uuid, "placement_decision").id, True)
        seen.append(stage(agency, uuid))
    assert seen == [
        "tracing",
        "assessment",
        "decision",  # the case management report prepares the decision
        "decision",
        "preparation",
        "placement",
        "follow_up",
    ]
    with agency.sign_in("cara") as us:  # a follow-up after the move is a follow-up of the case
        assert row(us, uuid).stage == Stage.FOLLOW_UP
        case_forms.submit_form(
            us, uuid, "closure_request", closure(us, reason="permanency_achieved"), None
        )
    assert stage(agency, uuid) == "closure"


def test_a_child_is_placed_only_under_a_placement_decision_the_supervisor_approved(agency):
    uuid = case_in_implementation(agency)
    reintegrated_to(agency, uuid, "case_management_report")
    with agency.sign_in("cara") as us:
        placed = pathway_answers(us, "reunification")
        with pytest.raises(PathwayRefused, match="approved"):
            case_forms.submit_form(us, uuid, "reunification", placed, None)
        case_forms.submit_form(
            us, uuid, "placement_decision", pathway_answers(us, "placement_decision"), None
        )
        with pytest.raises(PathwayRefused, match="approved"):  # still waiting
            case_forms.submit_form(us, uuid, "reunification", placed, None)
        assert reintegration.reintegration(us, uuid).decision == "pending"
    with agency.sign_in("sam") as us:
        case_flow.decide(
            us, approval(us, uuid, "placement_decision").id, False, "Ask the child alone first."
        )
    assert "revise_placement_decision" in tasks_of(agency, uuid)
    with agency.sign_in("cara") as us:
        with pytest.raises(PathwayRefused):
            case_forms.submit_form(us, uuid, "reunification", placed, None)
        kept = drafts.load_draft(
            us, case_forms.DRAFT_KIND, case_forms.draft_key(uuid, "reunification")
        )
        assert kept is not None and kept.data["answers"] == placed  # nothing typed is lost
        case_forms.submit_form(
            us, uuid, "placement_decision", pathway_answers(us, "placement_decision"), 1
        )
    with agency.sign_in("sam") as us:
        case_flow.decide(us, approval(us, uuid, "placement_decision").id, True)
    with agency.sign_in("cara") as us:
        case_forms.submit_form(us, uuid, "reunification", placed, None)
        assert reintegration.reintegration(us, uuid).stage == "placement"


def test_the_supervisor_decides_on_a_placement_decision_within_the_agencys_days(agency):
    uuid = case_in_implementation(agency)
    reintegrated_to(agency, uuid, "case_management_report")
    submit(agency, uuid, "placement_decision")
    with agency.sign_in("sam") as us:
        asked = approval(us, uuid, "placement_decision")
        assert asked.can_decide and asked.child_name == "Zawadi Wanjiru"
        queue = case_flow.supervisor_queue(us)
        assert [a.kind for a in queue.approvals] == ["placement_decision"]
        mine = {t.kind: t.due for t in case_flow.my_tasks(us, days=8)}
    assert mine["placement_decision_approval"] == asked.requested_at + timedelta(days=7)
    with agency.sign_in("cara") as us, pytest.raises(case_flow.MoveRefused):
        case_flow.decide(us, asked.id, True)  # a caseworker cannot approve it


def test_the_dates_the_pathway_chooses_become_the_caseworkers_tasks(agency):
    uuid = case_in_implementation(agency)
    reintegrated_to(agency, uuid, "case_management_report")
    submit(agency, uuid, "placement_decision", preparation_from=day(3), placement_on=day(30))
    assert "reintegration_preparation" not in tasks_of(agency, uuid)  # not before the approval
    with agency.sign_in("sam") as us:
        case_flow.decide(us, approval(us, uuid, "placement_decision").id, True)
    found = tasks_of(agency, uuid)
    assert found["reintegration_preparation"] == end_of(TODAY + timedelta(days=3))
    assert found["reunification"] == end_of(TODAY + timedelta(days=30))

    submit(agency, uuid, "reintegration_preparation", next_session_on=day(6))
    assert tasks_of(agency, uuid)["reintegration_preparation"] == end_of(TODAY + timedelta(days=6))
    submit(agency, uuid, "reintegration_preparation", next_session_on=None)  # complete
    found = tasks_of(agency, uuid)
    assert "reintegration_preparation" not in found and "reunification" in found

    submit(agency, uuid, "reunification", first_follow_up_on=day(10))
    found = tasks_of(agency, uuid)
    assert "reunification" not in found
    assert found["post_placement_follow_up"] == end_of(TODAY + timedelta(days=10))
    submit(agency, uuid, "post_placement_follow_up", next_follow_up_on=day(45))
    assert tasks_of(agency, uuid)["post_placement_follow_up"] == end_of(TODAY + timedelta(days=45))
    submit(agency, uuid, "post_placement_follow_up", next_follow_up_on=day(20))
    assert tasks_of(agency, uuid)["post_placement_follow_up"] == end_of(TODAY + timedelta(days=20))


def test_moving_a_reintegration_back_counts_only_the_forms_saved_after_it(agency):
    uuid = case_in_implementation(agency)
    reintegrated_to(agency, uuid, "reunification")
    with agency.sign_in("cara") as us:
        with pytest.raises(PathwayRefused, match="reason"):
            reintegration.move_back(us, uuid, "assessment", "  ")
        with pytest.raises(PathwayRefused, match="earlier"):
            reintegration.move_back(us, uuid, "follow_up", "forward by hand")
        reintegration.move_back(
            us, uuid, "assessment", "The aunt fell ill; her sister offers to take Zawadi."
        )
        now = reintegration.reintegration(us, uuid)
        assert now.stage == "assessment" and not now.decision_holds
        assert row(us, uuid).stage == Stage.IMPLEMENTATION  # the case's own stage stays
        timeline = case_flow.case_workflow(us, uuid).timeline
        assert (timeline[0].kind, timeline[0].code) == ("stage.reintegration", "assessment")
        assert timeline[0].text.startswith("The aunt fell ill")
        # Placing the child again needs a new decision, approved again.
        with pytest.raises(PathwayRefused):
            case_forms.submit_form(
                us, uuid, "reunification", pathway_answers(us, "reunification"), 1
            )
        case_forms.submit_form(
            us, uuid, "family_assessment", pathway_answers(us, "family_assessment"), None
        )
        assert reintegration.reintegration(us, uuid).stage == "assessment"
        case_forms.submit_form(
            us, uuid, "placement_decision", pathway_answers(us, "placement_decision"), 1
        )
        assert reintegration.reintegration(us, uuid).stage == "decision"
        # Back to before the decision again: the request waiting for Sam is withdrawn.
        reintegration.move_back(us, uuid, "tracing", "The sister moved away.")
        assert approval(us, uuid, "placement_decision", "withdrawn")
        with us.store.read() as s:
            summaries = list(
                s.execute(
                    select(AuditEvent.summary).where(
                        AuditEvent.action == "reintegration.moved_back"
                    )
                ).scalars()
            )
    assert summaries == ["placement: assessment", "decision: tracing"]  # codes, no reason


def test_tracing_and_reintegration_forms_travel_in_a_transfer_package(agency, tmp_path):
    partner = make_agency(tmp_path / "musanze", "Musanze District Office", "MUS")
    uuid = case_in_implementation(agency)
    reintegrated_to(agency, uuid, "post_placement_follow_up")
    with agency.sign_in("cara") as us:
        case_forms.submit_form(
            us,
            uuid,
            "family_tracing",
            pathway_answers(us, "family_tracing", outcome="not_found", next_option="foster_care"),
            1,
        )
        request = answers(
            us,
            "transfer_request",
            to_agency="Musanze District Office",
            reason="reintegration",
        )
        case_forms.submit_form(us, uuid, "transfer_request", request, None)
        consent = next(x for x in case_forms.case_submissions(us, uuid) if x.form_id == "consent")
        shared = dict(consent.answers)
        shared["share_with"] = [
            *shared["share_with"],
            {"organisation": "Musanze District Office", "service": "other"},
        ]
        case_forms.submit_form(us, uuid, "consent", shared, consent.revision)
        sent = {
            (x.form_id, x.instance, x.revision): x.answers
            for x in case_forms.case_submissions(us, uuid)
        }
    with agency.sign_in("sam") as us:
        case_flow.decide(us, approval(us, uuid, "transfer").id, True)
    introduce(agency, partner)
    out = tmp_path / "case.ulz"
    with agency.sign_in("cara") as us:
        exchange.export_case(us, uuid, out, recipient="MUS", reason="The aunt lives in Musanze.")
    with partner.sign_in("sam") as us:
        imported = exchange.import_package(us, out.read_bytes(), caseworker="cara")
        there = imported.case_uuid
        received = {
            (x.form_id, x.instance, x.revision): x.answers
            for x in case_forms.case_submissions(us, there)
        }
        pathway = reintegration.reintegration(us, there)
    for form_id in PATHWAY_FORMS:
        kept = {k: v for k, v in sent.items() if k[0] == form_id}
        assert kept and {k: v for k, v in received.items() if k[0] == form_id} == kept
    assert received[("family_tracing", 1, 2)]["outcome"] == "not_found"
    assert received[("family_tracing", 1, 1)]["outcome"] == "found"  # every version travels
    # The receiving office sees where the reintegration stands; the sender's approval of the
    # placement decision is history there, not a decision of theirs.
    assert pathway is not None and pathway.stage == "follow_up"
    assert pathway.family_found is False and not pathway.decision_holds


def test_the_reintegration_agreement_waits_for_the_approved_placement_decision(agency):
    uuid = case_in_implementation(agency)
    reintegrated_to(agency, uuid, "case_management_report")
    submit(agency, uuid, "placement_decision")
    with agency.sign_in("cara") as us, pytest.raises(DocumentUnavailable, match="approved"):
        documents.make_document(us, uuid, "reintegration")


def test_the_reintegration_agreement_says_where_with_whom_who_agreed_and_who_signs(agency):
    uuid = case_in_implementation(agency)
    reintegrated_to(agency, uuid, "reintegration_preparation")
    with agency.sign_in("cara") as us:
        before = documents.make_document(us, uuid, "reintegration", language="en")
        again = documents.make_document(us, uuid, "reintegration", language="en")
        case_forms.submit_form(
            us, uuid, "reunification", pathway_answers(us, "reunification"), None
        )
        placed = documents.make_document(us, uuid, "reintegration", language="en")
        french = documents.make_document(us, uuid, "reintegration", language="fr")
        number = row(us, uuid).case_number
    assert before.verification == again.verification  # the same record, the same code
    assert placed.code != before.code  # the move is on the paper: another content
    assert placed.verification.startswith(f"{number} · REINTEGRATION · v1 · ")
    text = text_of(placed.pdf)
    in_order(
        text,
        "Reintegration agreement",
        "Zawadi Wanjiru",
        "The placement decision",
        "With relatives (kinship care)",
        AUNT,
        "Aunt or uncle",
        "Musanze, Cyuve sector, Kabeza village",
        "Mr Habimana, village leader",
        "Approved by the supervisor",
        "Sam Supervisor",
        "The child moved on",
        "Agreement of both sides",
        "The child agrees Agrees",
        "The family agrees Agrees",
        "« Je veux vivre chez ma tante » – I want to live with my aunt.",
        "Worries still to settle",
        "The school fees for next term.",
        "Services in the community",
        "Education: Kabeza Primary School",
        "What each of us undertakes",
        "Signatures",
        "The child",
        "Thumbprint",
        "For the family",
        "Caseworker",
        "Supervisor",
    )
    assert "Planned placement date" not in text  # the child has moved: the day it happened
    assert text.count(placed.verification) == 2  # on each page's footer
    in_order(
        text_of(french.pdf),
        "Accord de réintégration",
        "Avec des proches (famille élargie)",
        "Accord des deux parties",
        "Ce à quoi chacun s'engage",
        "Pour la famille",
    )
    assert placed.file_name == f"Reintegration agreement {number} v1.pdf"  # never the name


def test_a_child_reunified_with_their_family_leaves_the_facility_the_same_day(agency):
    """Zawadi lives at Gisimba; the supervisor approved her placement with her aunt. When the
    caseworker records the reunification, her placement with the aunt (the kind the decision
    chose, approved by that decision) is her current one, and Gisimba's ends that day: she
    leaves the facility's list, its departures name her, and the history keeps both."""
    from desktop import facilities, placements

    uuid = case_in_implementation(agency)
    admitted_to_facility(agency, uuid)
    with agency.sign_in("fred") as us:
        here = facilities.who_is_here(us).residents
    assert [(r.case_uuid, r.reintegration) for r in here] == [(uuid, None)]  # no step yet
    reintegrated_to(agency, uuid, "reintegration_preparation")
    with agency.sign_in("cara") as us:
        assert placements.current(us, uuid).kind == "residential_care"  # not before the day
    with agency.sign_in("fred") as us:  # the staff see where her way home stands
        assert [r.reintegration for r in facilities.who_is_here(us).residents] == ["preparation"]
    submit(agency, uuid, "reunification")
    with agency.sign_in("cara") as us:
        now = placements.current(us, uuid)
        before = [p for p in placements.history(us, uuid) if p.kind == "residential_care"]
    assert (now.kind, now.carer, now.start_date) == ("kinship_formal", AUNT, TODAY)
    assert now.approved_by == "Sam Supervisor"
    assert [(p.end_date, p.is_current) for p in before] == [(TODAY, False)]
    with agency.sign_in("fred") as us:
        house = facilities.who_is_here(us)
    assert house.residents == []
    assert [(m.on, m.arrived) for m in house.movements][:1] == [(TODAY, False)]
    with agency.sign_in("cara") as us, us.store.read() as s:
        recorded = s.execute(
            select(AuditEvent.summary).where(AuditEvent.action == "placement.reunified")
        ).scalars()
        assert list(recorded) == ["kinship_formal"]


def test_a_reunification_dated_before_the_child_was_admitted_is_refused(agency):
    """Placed with the family 90 days ago, admitted to the home 60 days ago: ending the home's
    placement the day it began would erase the stay. Refused in plain words; nothing saved."""
    from desktop import placements
    from desktop.errors import InvalidInput

    uuid = case_in_implementation(agency)
    admitted_to_facility(agency, uuid, days_ago=60)
    reintegrated_to(agency, uuid, "reintegration_preparation")
    with agency.sign_in("cara") as us:
        with pytest.raises(InvalidInput, match="Check the date"):
            case_forms.submit_form(
                us, uuid, "reunification", pathway_answers(us, "reunification", placed_on=day(-90)),
                None,
            )  # fmt: skip
        assert placements.current(us, uuid).kind == "residential_care"
        assert "reunification" not in {x.form_id for x in case_forms.case_submissions(us, uuid)}


def test_a_reunification_saved_again_under_a_new_decision_places_the_child_there(agency):
    """The placement with the aunt broke down: the pathway moves back, the child returns to
    the home, a foster family is decided and approved, and the reunification form (not a
    repeatable one) is saved again. The foster family is the child's placement now."""
    from desktop import placements
    from desktop.placements import PlacementDetails

    uuid = case_in_implementation(agency)
    home = admitted_to_facility(agency, uuid)
    reintegrated_to(agency, uuid, "reunification")
    with agency.sign_in("cara") as us:
        reintegration.move_back(us, uuid, "decision", "The placement with the aunt broke down.")
        back = placements.propose(
            us,
            uuid,
            PlacementDetails(
                kind="residential_care", start_date=TODAY - timedelta(days=1),
                legal_basis="court_order", legal_reference="RC 13/2026",
                legal_date=TODAY - timedelta(days=1), decided_by="Gasabo Primary Court",
                reason="Back at the home after the breakdown.", facility_id=home,
            ),
        )  # fmt: skip
    with agency.sign_in("sam") as us:
        placements.approve(us, back.id)
    with agency.sign_in("cara") as us:
        saved = {x.form_id: x.revision for x in case_forms.case_submissions(us, uuid)}
        case_forms.submit_form(
            us, uuid, "placement_decision",
            pathway_answers(us, "placement_decision", option="foster_family", carer="Mrs Foster",
                            placement_on=day(0)),
            saved["placement_decision"],
        )  # fmt: skip
    with agency.sign_in("sam") as us:
        case_flow.decide(us, approval(us, uuid, "placement_decision").id, True)
    with agency.sign_in("cara") as us:
        case_forms.submit_form(
            us, uuid, "reunification",
            pathway_answers(us, "reunification", carer="Mrs Foster", placed_on=day(0)),
            saved["reunification"],
        )  # fmt: skip
        now = placements.current(us, uuid)
        history = placements.history(us, uuid)
    assert (now.kind, now.carer) == ("foster_family", "Mrs Foster")
    assert sum(p.is_current for p in history) == 1

"""The case workflow through its services, on a real store: what a caseworker, a supervisor and
a manager see and may do as a case moves from registration to closure and back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, func, select

from db.errors import InvalidInput, NotFound, PermissionDenied
from db.models import Case, CaseStatus, Setting, Stage, StageMove, Task
from desktop import accounts, case_flow, case_forms, cases, drafts
from desktop.case_forms import NoConsentToShare, draft_key
from desktop.demo import PROVIDERS, create_demo_store
from desktop.workflow import FormNotNow, MoveRefused, add_months, end_of
from tests.conftest import FAST_KDF
from tests.stories import (
    COUNSELLING,
    HEALTH_CENTRE,
    TODAY,
    answers,
    approval,
    assessed_case,
    assessment,
    audit,
    case_in_implementation,
    closure,
    consent,
    day,
    plan,
    put_setting,
    referral,
    registration,
    review,
    row,
    task_kinds,
    visit,
)

# -- 1. a case's life ----------------------------------------------------------------------------


def test_a_case_goes_from_registration_to_closure_and_is_reopened(agency):
    # Registration and assessments, by the caseworker.
    with agency.sign_in("cara") as us:
        registered = case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent(HEALTH_CENTRE)}
        )
        uuid = registered.uuid
        assert (registered.stage, registered.next_action) == ("registered", "initial_assessment")
        case_forms.submit_form(
            us, uuid, "initial_assessment", assessment(us, "initial_assessment"), None
        )
        assert row(us, uuid).stage == Stage.INITIAL_ASSESSMENT
        assert row(us, uuid).next_action == "full_assessment"
        case_forms.submit_form(us, uuid, "full_assessment", assessment(us, "full_assessment"), None)
        assert row(us, uuid).stage == Stage.FULL_ASSESSMENT
        assert row(us, uuid).next_action == "case_plan"

        saved_plan = case_forms.submit_form(us, uuid, "case_plan", plan(us, review_in=30), None)
        now = row(us, uuid)
        assert (now.stage, now.next_action) == ("case_plan", "plan_approval")
        waiting = [t for t in case_flow.case_workflow(us, uuid).tasks if t.kind == "plan_approval"]
        assert len(waiting) == 1 and waiting[0].for_supervisor
        assert approval(us, uuid, "case_plan").can_decide is False
        plan_id = approval(us, uuid, "case_plan").id
        # A caseworker cannot approve their own plan.
        with pytest.raises(MoveRefused):
            case_flow.decide(us, plan_id, True)

    # Another team's supervisor cannot decide either, and does not even see the case.
    with agency.sign_in("tess") as us:
        assert all(a.case_uuid != uuid for a in case_flow.supervisor_queue(us).approvals)
        with pytest.raises(MoveRefused):
            case_flow.decide(us, plan_id, True)

    # Cara's supervisor sees the plan in the queue and approves it.
    with agency.sign_in("sam") as us:
        assert approval(us, uuid, "case_plan").state == "pending"  # the refusals changed nothing
        assert row(us, uuid).stage == Stage.CASE_PLAN
        refusals = [e for e in audit(us, uuid) if e.action == "approval.refused"]
        assert [e.who for e in refusals] == ["Cara Caseworker", "Tess Supervisor"]
        assert all(e.summary == "case_plan" for e in refusals)
        queued = [a for a in case_flow.supervisor_queue(us).approvals if a.case_uuid == uuid]
        assert [(a.kind, a.form_id, a.can_decide) for a in queued] == [
            ("case_plan", "case_plan", True)
        ]
        assert queued[0].requested_by == "Cara Caseworker"
        assert any(
            t.case_uuid == uuid and t.kind == "plan_approval" for t in case_flow.my_tasks(us)
        )
        decided = case_flow.decide(us, plan_id, True)
        assert (decided.state, decided.decided_by) == ("approved", "Sam Supervisor")
        approved = row(us, uuid)
        assert (approved.stage, approved.next_action) == ("implementation", "plan_review")
        # Due on the date chosen in the plan, which is sooner than the three months' limit.
        assert approved.next_due == end_of(TODAY + timedelta(days=30))
        assert approved.next_due <= add_months(decided.decided_at, 3)
        assert all(t.kind != "plan_approval" for t in case_flow.my_tasks(us))

    with agency.sign_in("cara") as us:
        # A referral to a provider the family never agreed to share with is refused...
        typed = referral(us, COUNSELLING)
        with pytest.raises(NoConsentToShare):
            case_forms.submit_form(us, uuid, "referral", typed, None)
        assert all(s.form_id != "referral" for s in case_forms.case_submissions(us, uuid))
        kept = drafts.load_draft(us, "form", draft_key(uuid, "referral"))
        assert kept is not None and kept.data["answers"] == typed

        # ...one to the provider named in the consent is saved, as the first referral.
        first = case_forms.submit_form(us, uuid, "referral", referral(us, HEALTH_CENTRE), None)
        assert (first.instance, first.revision) == (1, 1)
        assert drafts.load_draft(us, "form", draft_key(uuid, "referral")) is None
        second = case_forms.submit_form(
            us, uuid, "referral", referral(us, HEALTH_CENTRE.lower()), None
        )
        assert (second.instance, second.revision) == (2, 1)
        follow_ups = [
            t for t in case_flow.case_workflow(us, uuid).tasks if t.kind == "referral_follow_up"
        ]
        assert sorted(t.instance for t in follow_ups) == [1, 2]
        assert row(us, uuid).stage == Stage.IMPLEMENTATION  # referrals do not move the case

        # A visit moves the case to follow-up; the next visit, within the week, is a task.
        case_forms.submit_form(us, uuid, "follow_up_visit", visit(us, next_visit=3), None)
        assert row(us, uuid).stage == Stage.FOLLOW_UP
        mine = [t for t in case_flow.my_tasks(us) if t.case_uuid == uuid]
        next_visits = [t for t in mine if t.kind == "follow_up_visit"]
        assert [(t.due, t.form_id) for t in next_visits] == [
            (end_of(TODAY + timedelta(days=3)), "follow_up_visit")
        ]
        assert "plan_review" not in {t.kind for t in mine}  # due in a month: not this week

        case_forms.submit_form(us, uuid, "review", review(us), None)
        assert row(us, uuid).stage == Stage.FOLLOW_UP

        case_forms.submit_form(us, uuid, "closure_request", closure(us), None)
        now = row(us, uuid)
        assert (now.stage, now.next_action) == ("closure_requested", "closure_approval")
        closure_id = approval(us, uuid, "closure").id

    # The supervisor sends the request back, with a comment: the case goes on.
    with agency.sign_in("sam") as us:
        with pytest.raises(MoveRefused):
            case_flow.decide(us, closure_id, False, "  ")
        assert approval(us, uuid, "closure").state == "pending"
        comment = "Visit the school once more before closing."
        returned = case_flow.decide(us, closure_id, False, comment)
        assert (returned.state, returned.comment) == ("returned", comment)
        assert row(us, uuid).stage == Stage.FOLLOW_UP

    with agency.sign_in("cara") as us:
        revise = [t for t in case_flow.case_workflow(us, uuid).tasks if t.kind == "revise_closure"]
        assert [(t.form_id, t.for_supervisor) for t in revise] == [("closure_request", False)]
        assert any(t.kind == "revise_closure" for t in case_flow.my_tasks(us))
        again = case_forms.submit_form(us, uuid, "closure_request", closure(us), based_on=1)
        assert again.revision == 2
        assert row(us, uuid).stage == Stage.CLOSURE_REQUESTED
        assert "revise_closure" not in task_kinds(us, uuid)
        closure_id = approval(us, uuid, "closure").id

    with agency.sign_in("sam") as us:
        decided = case_flow.decide(us, closure_id, True)
        closed = row(us, uuid)
        assert (closed.stage, closed.status) == ("closed", "closed")
        assert closed.next_action == "post_closure_visit"
        assert closed.next_due == end_of(TODAY + timedelta(days=20))
        assert closed.next_due <= add_months(decided.decided_at, 3)

    with agency.sign_in("cara") as us:
        with pytest.raises(FormNotNow):
            case_forms.submit_form(us, uuid, "case_plan", plan(us), based_on=saved_plan.revision)
        assert task_kinds(us, uuid) == {"post_closure_visit"}
        after = case_forms.submit_form(
            us, uuid, "follow_up_visit", visit(us, visited=0, next_visit=None), None
        )
        assert after.instance == 2
        closed = row(us, uuid)
        assert (closed.stage, closed.next_action) == ("closed", "")
        assert task_kinds(us, uuid) == set()
        with pytest.raises(FormNotNow):  # the visit after closure was made
            case_forms.submit_form(us, uuid, "follow_up_visit", visit(us, visited=0), None)

        with pytest.raises(InvalidInput):
            case_flow.reopen(us, uuid, "   ")
        assert row(us, uuid).stage == Stage.CLOSED
        why = "The grandmother called: the child is alone again."
        case_flow.reopen(us, uuid, why)
        reopened = row(us, uuid)
        assert (reopened.stage, reopened.status) == ("reopened", "open")
        assert reopened.next_action == "full_assessment"

        timeline = case_flow.case_workflow(us, uuid).timeline
        assert [e.at for e in timeline] == sorted((e.at for e in timeline), reverse=True)
        assert (timeline[0].kind, timeline[0].code, timeline[0].text) == (
            "stage.reopened",
            "reopened",
            why,
        )
        seen = {(e.kind, e.code, e.instance, e.revision) for e in timeline}
        for form_id, instance, revision in [
            ("registration", 1, 1),
            ("consent", 1, 1),
            ("initial_assessment", 1, 1),
            ("full_assessment", 1, 1),
            ("case_plan", 1, 1),
            ("referral", 1, 1),
            ("referral", 2, 1),
            ("follow_up_visit", 1, 1),
            ("follow_up_visit", 2, 1),
            ("review", 1, 1),
            ("closure_request", 1, 1),
            ("closure_request", 1, 2),
        ]:
            assert ("form", form_id, instance, revision) in seen
        texts = {(e.kind, e.code, e.text) for e in timeline}
        assert ("approval.returned", "closure", comment) in texts
        assert ("approval.approved", "case_plan", "") in texts
        assert ("approval.approved", "closure", "") in texts
        assert sum(1 for e in timeline if e.kind == "approval.requested") == 3
        moves = [(e.kind, e.code) for e in reversed(timeline) if e.kind.startswith("stage.")]
        assert moves == [
            ("stage.form", "initial_assessment"),
            ("stage.form", "full_assessment"),
            ("stage.form", "case_plan"),
            ("stage.approval", "implementation"),
            ("stage.form", "follow_up"),
            ("stage.form", "closure_requested"),
            ("stage.returned", "follow_up"),
            ("stage.form", "closure_requested"),
            ("stage.approval", "closed"),
            ("stage.reopened", "reopened"),
        ]
        returned_by = next(e for e in timeline if e.kind == "approval.returned")
        assert returned_by.who == "Sam Supervisor"


# -- 2. moving back ------------------------------------------------------------------------------


def test_a_case_moves_back_to_an_earlier_stage_with_a_reason_kept_out_of_the_audit_log(agency):
    uuid = assessed_case(agency)
    why = "Zawadi told the teacher about her uncle: assess the risk again."
    with agency.sign_in("cara") as us:
        case_flow.move_back(us, uuid, "initial_assessment", why)
        now = row(us, uuid)
        assert (now.stage, now.next_action) == ("initial_assessment", "full_assessment")
        with us.store.read() as s:
            last = s.execute(select(StageMove).order_by(StageMove.id.desc()).limit(1)).scalar_one()
            assert (last.how, last.from_stage, last.to_stage, last.reason) == (
                "back",
                "full_assessment",
                "initial_assessment",
                why,
            )
            assert now.next_due == last.at + timedelta(days=7)  # counted from the move
        newest = case_flow.case_workflow(us, uuid).timeline[0]
        assert (newest.kind, newest.code, newest.text) == ("stage.back", "initial_assessment", why)
        events = audit(us, uuid)
        assert ("case.stage_changed", "back: initial_assessment") in {
            (e.action, e.summary) for e in events
        }
        assert all("uncle" not in e.summary and why not in e.summary for e in events)


@pytest.mark.parametrize(
    "target, reason",
    [
        ("case_plan", "The plan is ready."),  # forward: made by saving the plan
        ("full_assessment", "Same stage."),
        ("closed", "Nothing more to do."),
        ("registered", ""),
        ("registered", "   "),
    ],
)
def test_a_move_forward_or_without_a_reason_is_refused(agency, target, reason):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        with pytest.raises(MoveRefused):
            case_flow.move_back(us, uuid, target, reason)
        assert row(us, uuid).stage == Stage.FULL_ASSESSMENT
        with us.store.read() as s:
            assert all(m.how == "form" for m in s.execute(select(StageMove)).scalars())


def test_moving_back_from_a_closure_request_withdraws_it(agency):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        # A child who moved away: the closure may be asked at any stage.
        case_forms.submit_form(us, uuid, "closure_request", closure(us, "moved_out_of_area"), None)
        assert row(us, uuid).stage == Stage.CLOSURE_REQUESTED
        closure_id = approval(us, uuid, "closure").id
        case_flow.move_back(us, uuid, "full_assessment", "The family came back to the district.")
        assert approval(us, uuid, "closure", state="withdrawn").id == closure_id
        now = row(us, uuid)
        assert (now.stage, now.next_action) == ("full_assessment", "case_plan")
    with agency.sign_in("sam") as us:
        assert all(a.case_uuid != uuid for a in case_flow.supervisor_queue(us).approvals)
        assert all(t.case_uuid != uuid for t in case_flow.my_tasks(us))
        with pytest.raises(InvalidInput):
            case_flow.decide(us, closure_id, True)
        assert row(us, uuid).stage == Stage.FULL_ASSESSMENT


@pytest.mark.parametrize("stage", ["full_assessment", "case_plan", "implementation"])
def test_a_returned_closure_goes_back_to_the_stage_it_was_requested_from(agency, stage):
    uuid = case_in_implementation(agency) if stage == "implementation" else assessed_case(agency)
    with agency.sign_in("cara") as us:
        if stage == "case_plan":
            case_forms.submit_form(us, uuid, "case_plan", plan(us), None)
        assert row(us, uuid).stage == stage
        case_forms.submit_form(us, uuid, "closure_request", closure(us, "moved_out_of_area"), None)
        assert row(us, uuid).stage == Stage.CLOSURE_REQUESTED
        closure_id = approval(us, uuid, "closure").id
    with agency.sign_in("sam") as us:
        case_flow.decide(us, closure_id, False, "The family is still in the district.")
    with agency.sign_in("cara") as us:
        assert row(us, uuid).stage == stage  # where the work stopped, not a later step
        timeline = case_flow.case_workflow(us, uuid).timeline  # newest first
        moves = [(e.kind, e.code) for e in timeline if e.kind.startswith("stage.")]
        assert moves[:2] == [("stage.returned", stage), ("stage.form", "closure_requested")]


def test_moving_back_from_the_case_plan_withdraws_the_pending_plan_approval(agency):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        case_forms.submit_form(us, uuid, "case_plan", plan(us), None)
        case_flow.move_back(us, uuid, "full_assessment", "The father was found: assess him too.")
        now = row(us, uuid)
        assert (now.stage, now.next_action) == ("full_assessment", "case_plan")
        assert approval(us, uuid, "case_plan", state="withdrawn")


def test_a_review_made_before_the_closure_request_does_not_settle_its_return(agency):
    uuid = case_in_implementation(agency)
    with agency.sign_in("cara") as us:
        case_forms.submit_form(us, uuid, "follow_up_visit", visit(us), None)
        case_forms.submit_form(us, uuid, "review", review(us, reviewed=0), None)
        case_forms.submit_form(us, uuid, "closure_request", closure(us), None)
        closure_id = approval(us, uuid, "closure").id
    with agency.sign_in("sam") as us:
        case_flow.decide(us, closure_id, False, "Wait for the school term to end.")
    with agency.sign_in("cara") as us:
        assert row(us, uuid).stage == Stage.FOLLOW_UP
        assert "revise_closure" in task_kinds(us, uuid)


def test_a_visit_made_the_day_a_case_closes_is_not_the_post_closure_visit(agency):
    uuid = case_in_implementation(agency)
    with agency.sign_in("cara") as us:
        case_forms.submit_form(us, uuid, "follow_up_visit", visit(us, visited=0), None)
        case_forms.submit_form(us, uuid, "closure_request", closure(us), None)
        closure_id = approval(us, uuid, "closure").id
    with agency.sign_in("sam") as us:
        case_flow.decide(us, closure_id, True)
        closed = row(us, uuid)
        assert closed.stage == Stage.CLOSED
        assert closed.next_action == "post_closure_visit"


# -- 3. approval rules ---------------------------------------------------------------------------


def test_a_supervisor_approves_a_plan_for_their_own_case_only_when_the_agency_allows_it(agency):
    uuid = assessed_case(agency, by="sam")
    with agency.sign_in("sam") as us:
        case_forms.submit_form(us, uuid, "case_plan", plan(us, review_in=150), None)
        own = approval(us, uuid, "case_plan")
        assert own.requested_by == "Sam Supervisor" and not own.can_decide
        with pytest.raises(MoveRefused):
            case_flow.decide(us, own.id, True)
        assert approval(us, uuid, "case_plan").state == "pending"
        assert row(us, uuid).stage == Stage.CASE_PLAN
        assert [e.action for e in audit(us, uuid)].count("approval.refused") == 1

        put_setting(us, "workflow_rules", {"allow_self_approval": True})
        assert approval(us, uuid, "case_plan").can_decide
        assert [a.id for a in case_flow.supervisor_queue(us).approvals if a.can_decide] == [own.id]
        decided = case_flow.decide(us, own.id, True)
        approved = row(us, uuid)
        assert (approved.stage, approved.next_action) == ("implementation", "plan_review")
        # The plan chose a review in five months: the SOP's three months win.
        assert approved.next_due == add_months(decided.decided_at, 3)


def test_self_approval_does_not_let_another_teams_supervisor_decide(agency):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        case_forms.submit_form(us, uuid, "case_plan", plan(us), None)
        plan_id = approval(us, uuid, "case_plan").id
    with agency.sign_in("tess") as us:
        put_setting(us, "workflow_rules", {"allow_self_approval": True})
        with pytest.raises(MoveRefused):
            case_flow.decide(us, plan_id, True)
    with agency.sign_in("sam") as us:
        assert approval(us, uuid, "case_plan").state == "pending"


def test_a_best_interests_determination_asks_for_approval_only_when_the_agency_wants_it(agency):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        options = [
            {
                "kind": kind,
                "description": where,
                "advantages": "Known and loved.",
                "disadvantages": "Far from school.",
            }
            for kind, where in [
                ("kinship_care", "With the grandmother"),
                ("foster_care", "A foster family"),
            ]
        ]
        bid = answers(us, "best_interests", options=options)
        case_forms.submit_form(us, uuid, "best_interests", bid, None)
        assert all(a.kind != "best_interests" for a in case_flow.case_workflow(us, uuid).approvals)
        assert row(us, uuid).next_action == "case_plan"

        put_setting(us, "workflow_rules", {"approve_best_interests": True})
        case_forms.submit_form(us, uuid, "best_interests", bid, based_on=1, instance=1)
        waiting = approval(us, uuid, "best_interests")
        assert waiting.form_id == "best_interests"
        assert row(us, uuid).next_action == "bid_approval"
        assert row(us, uuid).stage == Stage.FULL_ASSESSMENT  # a BID does not move the case
    with agency.sign_in("sam") as us:
        queued = [a for a in case_flow.supervisor_queue(us).approvals if a.case_uuid == uuid]
        assert [(a.kind, a.can_decide) for a in queued] == [("best_interests", True)]
        case_flow.decide(us, waiting.id, False, "Record the child's views in her own words.")
    with agency.sign_in("cara") as us:
        revise = [t for t in case_flow.case_workflow(us, uuid).tasks if t.kind == "revise_bid"]
        assert [t.form_id for t in revise] == ["best_interests"]


# -- 4. plan actions, and a manager's rights -----------------------------------------------------


def test_marking_a_plan_action_done_removes_its_task(agency):
    actions = [
        {
            "goal_number": 1,
            "action": "Take Zawadi to the school office",
            "term": "short",
            "responsible": "caseworker",
            "due": day(5),
            "indicator": "Enrolled",
            "status": "not_started",
        },
        {
            "goal_number": 1,
            "action": "Buy the uniform",
            "term": "short",
            "responsible": "caregiver",
            "due": day(6),
            "indicator": "Wears it",
            "status": "not_started",
        },
    ]
    uuid = case_in_implementation(agency, actions=actions)
    with agency.sign_in("cara") as us:
        flow = case_flow.case_workflow(us, uuid)
        assert [(t.kind, t.ref) for t in flow.tasks if t.kind == "plan_action"] == [
            ("plan_action", "0")
        ]
        assert any(t.kind == "plan_action" for t in case_flow.my_tasks(us))
        submission = flow.plan.submission_id

        with pytest.raises(InvalidInput):
            case_flow.set_action_status(us, uuid, submission, 0, "finished")
        with pytest.raises(NotFound):
            case_flow.set_action_status(us, uuid, submission, 2, "done")
        case_flow.set_action_status(us, uuid, submission, 0, "in_progress")
        assert "plan_action" in task_kinds(us, uuid)
        case_flow.set_action_status(us, uuid, submission, 0, "done", "Enrolled on Monday.")

        flow = case_flow.case_workflow(us, uuid)
        assert [a.status for a in flow.plan.actions] == ["done", "not_started"]
        assert "plan_action" not in {t.kind for t in flow.tasks}
        assert all(t.kind != "plan_action" for t in case_flow.my_tasks(us))
        assert (flow.timeline[0].kind, flow.timeline[0].code, flow.timeline[0].text) == (
            "action",
            "done",
            "Take Zawadi to the school office",
        )
        assert flow.plan.revision == 1  # no new version of the plan


def test_a_manager_reads_the_workflow_but_changes_nothing(agency):
    uuid = case_in_implementation(agency)
    with agency.sign_in("mina") as us:
        flow = case_flow.case_workflow(us, uuid)
        assert not flow.can_change
        assert flow.plan is not None and flow.plan.approval_state == "approved"
        assert [a.can_decide for a in flow.approvals] == [False]
        with pytest.raises(PermissionDenied):
            case_flow.set_action_status(us, uuid, flow.plan.submission_id, 0, "done")
        with pytest.raises(PermissionDenied):
            case_flow.move_back(us, uuid, "case_plan", "Let me see.")
        with pytest.raises(PermissionDenied):
            case_flow.reopen(us, uuid, "Let me see.")
        with pytest.raises(PermissionDenied):
            case_forms.submit_form(us, uuid, "follow_up_visit", visit(us), None)
        refused = [e for e in audit(us, uuid) if e.action == "case.change_refused"]
        assert len(refused) == 4 and all(e.who == "Mina Manager" for e in refused)
        assert case_flow.case_workflow(us, uuid).plan.actions[0].status == "not_started"
        assert row(us, uuid).stage == Stage.IMPLEMENTATION


# -- 5. the supervisor's queue -------------------------------------------------------------------


def test_the_supervisors_queue_shows_each_caseworkers_load_and_what_is_late(agency):
    three_days_ago = datetime.now(UTC) - timedelta(days=3)
    with agency.sign_in("sam") as us:
        with us.store.write() as s:
            for n in range(31):
                late = n < 5  # not assessed within 24 hours
                cases.create_case(
                    s,
                    us,
                    given_name=f"Carl's child {n}",
                    caseworker="carl",
                    registered_at=three_days_ago if late else None,
                )
            for n in range(15):
                cases.create_case(s, us, given_name=f"Cara's child {n}", caseworker="cara")
        cases.register_case(us, given_name="Sam's own child")

        queue = case_flow.supervisor_queue(us)
        load = {w.name: w for w in queue.workload}
        assert set(load) == {"Cara Caseworker", "Carl Caseworker", "Sam Supervisor"}
        carl, cara, sam = load["Carl Caseworker"], load["Cara Caseworker"], load["Sam Supervisor"]
        assert (carl.open_cases, carl.overdue, carl.due_this_week, carl.caseload) == (
            31,
            5,
            26,
            "over",
        )
        assert (cara.open_cases, cara.overdue, cara.caseload) == (15, 0, "within")
        assert (sam.open_cases, sam.caseload) == (1, "under")
        assert len(queue.overdue) == 5
        assert {(t.caseworker, t.kind) for t in queue.overdue} == {
            ("Carl Caseworker", "initial_assessment")
        }
        assert queue.approvals == []

    with agency.sign_in("tess") as us:
        queue = case_flow.supervisor_queue(us)
        assert [(w.name, w.open_cases) for w in queue.workload] == [("Cleo Caseworker", 0)]
        assert queue.overdue == []

    with agency.sign_in("mina") as us:
        names = {w.name for w in case_flow.supervisor_queue(us).workload}
        assert names == {"Cara Caseworker", "Carl Caseworker", "Cleo Caseworker"}

    with agency.sign_in("cara") as us, pytest.raises(PermissionDenied):
        case_flow.supervisor_queue(us)


# -- 6. tasks after an upgrade -------------------------------------------------------------------


def test_tasks_are_rebuilt_once_after_an_upgrade(agency):
    uuid = case_in_implementation(agency)
    with agency.sign_in("cara") as us:
        case_forms.submit_form(us, uuid, "referral", referral(us, HEALTH_CENTRE), None)
        cases.register_case(us, given_name="Amani")

        def task_rows():
            with us.store.read() as s:
                return sorted(
                    (t.case_id, t.kind, t.assignee_id, t.for_supervisor, t.due, t.form_id, t.ref)
                    for t in s.execute(select(Task)).scalars()
                )

        before = task_rows()
        assert len(before) >= 4
        with us.store.write() as s:
            s.execute(delete(Task))
            s.execute(delete(Setting).where(Setting.key == "tasks_version"))
        assert task_rows() == []
        assert case_flow.my_tasks(us) == []

        with us.store.read() as s:
            count = s.execute(select(func.count()).select_from(Case)).scalar()
        assert case_flow.ensure_tasks(us) == count == 2
        assert task_rows() == before
        assert case_flow.ensure_tasks(us) == 0
        assert task_rows() == before


# -- 7. a demo store -----------------------------------------------------------------------------


def test_a_demo_store_has_tasks_approvals_to_decide_and_providers(tmp_path):
    demo = create_demo_store(tmp_path / "demo", 300, seed=1, kdf=FAST_KDF)
    with demo.session as us:
        with us.store.read() as s:
            open_ids = set(
                s.execute(select(Case.id).where(Case.status == CaseStatus.OPEN.value)).scalars()
            )
            with_tasks = set(s.execute(select(Task.case_id)).scalars())
        assert open_ids and open_ids <= with_tasks

    for supervisor in ("grace", "joseph"):
        with accounts.sign_in(tmp_path / "demo", supervisor, demo.password) as us:
            queue = case_flow.supervisor_queue(us)
            assert queue.approvals and all(a.state == "pending" for a in queue.approvals)
            assert any(a.can_decide for a in queue.approvals)
            assert len(queue.workload) >= 4
            assert sum(w.open_cases for w in queue.workload) > 0
            assert case_flow.my_tasks(us, days=3650)

    with accounts.sign_in(tmp_path / "demo", "amina", demo.password) as us:
        mine = case_flow.my_tasks(us, days=3650)
        assert mine and {t.caseworker for t in mine} == {"Amina Juma"}
        assert [p.name for p in case_flow.providers(us)] == sorted(p[0] for p in PROVIDERS)


def test_the_approval_rules_are_agency_settings(agency):
    from dataclasses import replace

    from desktop import agency as agency_settings
    from desktop.workflow import Rules

    with agency.sign_in("admin") as us:
        before = agency_settings.load_settings(us)
        assert before.rules == Rules()  # by default: no self-approval, BID without approval
        agency_settings.save_settings(
            us, replace(before, rules=Rules(allow_self_approval=True, approve_best_interests=True))
        )
    with agency.sign_in("cara") as us:
        rules = agency_settings.load_settings(us).rules
    assert rules == Rules(allow_self_approval=True, approve_best_interests=True)

"""Cases change hands: a supervisor (or the manager) gives cases to another worker with a reason;
their tasks follow; the history says who held the case when; someone who leaves does not take
cases (or overdue work) with them, in the window or on the command line."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.errors import InvalidInput, PermissionDenied
from db.models import AuditEvent
from desktop import accounts, assignments, case_flow, case_forms, cases
from tests.conftest import run_signed_in
from tests.stories import HEALTH_CENTRE, consent, day, registration


def registered(agency, by: str = "cara", given: str = "Zawadi", days_ago: int = 10) -> str:
    """A case `by` registered `days_ago` days ago: its initial assessment is overdue."""
    with agency.sign_in(by) as us:
        return case_forms.register_with_forms(
            us,
            {
                "registration": {**registration(given), "registered_on": day(-days_ago)},
                "consent": consent(HEALTH_CENTRE),
            },
        ).uuid


def holder(us, uuid: str) -> str:
    return cases.open_case(us, uuid).row.caseworker


def events(us, action: str) -> list[str]:
    """The summaries of the audit events `action`."""
    with us.store.read() as s:
        return list(
            s.execute(select(AuditEvent.summary).where(AuditEvent.action == action)).scalars()
        )


def test_a_caseworker_cannot_reassign_and_the_refusal_is_audited(agency):
    uuid = registered(agency)
    with agency.sign_in("cara") as us:
        with pytest.raises(PermissionDenied, match="reassign cases"):
            assignments.reassign(us, [uuid], "carl", "I am going on leave")
        assert events(us, "permission.denied") == ["reassign cases"]
        assert holder(us, uuid) == "Cara Caseworker"


def test_a_supervisor_moves_team_cases_with_their_overdue_tasks_and_the_history_says_who_held_them(
    agency,
):
    first, second = registered(agency), registered(agency, given="Baraka")
    with agency.sign_in("sam") as us:
        assert assignments.reassign(us, [first, second], "carl", "Cara is on leave") == 2
        assert holder(us, first) == holder(us, second) == "Carl Caseworker"
        overdue = case_flow.supervisor_queue(us).overdue
        assert {(t.case_uuid, t.caseworker) for t in overdue} == {
            (first, "Carl Caseworker"),
            (second, "Carl Caseworker"),
        }
        [entry] = assignments.assignment_history(us, first)
        assert (entry.from_name, entry.to_name, entry.by_name, entry.reason) == (
            "Cara Caseworker",
            "Carl Caseworker",
            "Sam Supervisor",
            "Cara is on leave",
        )
        timeline = case_flow.case_workflow(us, first).timeline
        assert any(e.kind == "assigned" and e.text == "Cara is on leave" for e in timeline)
        moved = events(us, assignments.REASSIGNED)
        assert len(moved) == 2  # one event per case
        assert all("Cara" not in summary and "leave" not in summary for summary in moved)
    with agency.sign_in("carl") as us:
        assert {t.case_uuid for t in case_flow.my_tasks(us)} == {first, second}
    with agency.sign_in("cara") as us:
        assert case_flow.my_tasks(us) == []


def test_a_supervisor_cannot_move_another_teams_case_nor_give_one_outside_the_team(agency):
    ours, theirs = registered(agency), registered(agency, by="cleo", given="Chipo")
    with agency.sign_in("sam") as us:
        with pytest.raises(PermissionDenied):
            assignments.reassign(us, [ours, theirs], "carl", "Balancing the caseloads")
        with pytest.raises(PermissionDenied, match="outside your team"):
            assignments.reassign(us, [ours], "cleo", "Balancing the caseloads")
        assert holder(us, ours) == "Cara Caseworker"
        assert len(events(us, "permission.denied")) == 2
        assert events(us, assignments.REASSIGNED) == []


def test_the_manager_moves_a_case_across_teams(agency):
    uuid = registered(agency)
    with agency.sign_in("mina") as us:
        assert assignments.reassign(us, [uuid], "cleo", "The family moved to Tess's area") == 1
        assert holder(us, uuid) == "Cleo Caseworker"


def test_a_reassignment_needs_a_reason_and_an_active_worker(agency):
    uuid = registered(agency)
    with agency.sign_in("admin") as us:
        accounts.remove_user(us, "carl")
    with agency.sign_in("sam") as us:
        with pytest.raises(InvalidInput, match="Say why"):
            assignments.reassign(us, [uuid], "cara", "   ")
        with pytest.raises(InvalidInput, match="cannot take cases"):
            assignments.reassign(us, [uuid], "carl", "On leave")
        with pytest.raises(InvalidInput, match="cannot take cases"):
            assignments.reassign(us, [uuid], "mina", "On leave")


def test_an_account_with_open_cases_is_not_closed_until_each_has_an_owner(agency):
    first, second = registered(agency), registered(agency, given="Baraka")
    with agency.sign_in("admin") as us:
        with pytest.raises(accounts.CasesInHand, match="cara still holds 2 open cases"):
            accounts.remove_user(us, "cara")
        held = assignments.held_cases(us, "cara")
        assert {h.uuid for h in held} == {first, second}
        assert all(h.overdue == 1 for h in held)
        # Only one of the two handed over: nothing happens, not even that one.
        with pytest.raises(accounts.CasesInHand, match="1 open cases"):
            accounts.remove_user(us, "cara", {first: "carl"}, "Cara left the agency")
        accounts.remove_user(us, "cara", {first: "carl", second: "sam"}, "Cara left the agency")
        assert not next(u for u in accounts.list_users(us) if u.username == "cara").active
    with agency.sign_in("sam") as us:
        assert holder(us, first) == "Carl Caseworker"
        assert holder(us, second) == "Sam Supervisor"
        overdue = {(t.case_uuid, t.caseworker) for t in case_flow.supervisor_queue(us).overdue}
        assert overdue == {(first, "Carl Caseworker"), (second, "Sam Supervisor")}
        assert all(c.caseworker != "Cara Caseworker" for c in cases.list_cases(us))


def test_a_supervisor_with_a_team_is_not_closed_until_the_team_has_another(agency):
    with agency.sign_in("admin") as us:
        with pytest.raises(InvalidInput, match="supervises 2 people"):
            accounts.remove_user(us, "sam")
        accounts.assign_supervisor(us, "cara", "tess")
        accounts.assign_supervisor(us, "carl", "tess")
        accounts.remove_user(us, "sam")


def test_the_command_line_refuses_to_remove_someone_with_cases_and_says_how_to_move_them(agency):
    registered(agency)
    registered(agency, given="Baraka")
    refused = run_signed_in(agency.folder, "user", "remove", "cara")
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1
    assert "cara still holds 2 open cases" in refused.stderr
    assert "ulinzi reassign --from cara" in refused.stderr
    moved = run_signed_in(
        agency.folder, "reassign", "--from", "cara", "--to", "carl", "--reason", "Cara left"
    )
    assert moved.returncode == 0, moved.stderr
    assert "2 cases now held by carl" in moved.stdout
    assert run_signed_in(agency.folder, "user", "remove", "cara").returncode == 0
    with agency.sign_in("sam") as us:
        assert {t.caseworker for t in case_flow.supervisor_queue(us).overdue} == {"Carl Caseworker"}


def test_the_command_line_reassigns_cases_by_number(agency):
    uuid = registered(agency)
    with agency.sign_in("sam") as us:
        number = cases.open_case(us, uuid).row.case_number
    done = run_signed_in(
        agency.folder, "reassign", number, "--to", "carl", "--reason", "On leave", user="sam"
    )
    assert done.returncode == 0, done.stderr
    refused = run_signed_in(
        agency.folder, "reassign", number, "--to", "cara", "--reason", "Back", user="cara"
    )
    assert refused.returncode == 1
    assert refused.stderr.strip() == "ulinzi: You do not have permission to reassign cases."

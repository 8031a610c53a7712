"""Supervision notes: a supervisor records a session with a caseworker; the worker, supervisors
and managers read it; it never reaches a case document, a case's history or a package."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from db.errors import InvalidInput, PermissionDenied
from db.models import AuditEvent, User
from desktop import cases, documents, supervision
from tests.stories import assessed_case, row, text_of

DECISION = "Ask the school nurse about Zawadi's cough before Friday"


def _ids(us) -> dict[str, int]:
    with us.store.read() as s:
        return dict(s.execute(select(User.username, User.id)).all())


@pytest.fixture
def noted(agency):
    """Cara's assessed case, discussed with Sam two days ago."""
    uuid = assessed_case(agency)
    with agency.sign_in("sam") as us:
        ids = _ids(us)
        number = row(us, uuid).case_number
        note = supervision.record_supervision(
            us,
            ids["cara"],
            date.today() - timedelta(days=2),
            [number],
            DECISION,
            "Check the plan's first action",
        )
    return agency, uuid, ids, number, note


def test_a_supervisor_records_a_session_and_the_worker_reads_it(noted):
    agency, _uuid, ids, number, note = noted
    assert note.case_numbers == (number,) and note.supervisor == "Sam Supervisor"
    with agency.sign_in("cara") as us:
        mine = supervision.supervision_notes(us)
    assert [(n.worker, n.decisions, n.case_numbers) for n in mine] == [
        ("Cara Caseworker", DECISION, (number,))
    ]
    with agency.sign_in("mina") as us:  # the manager reads every team's
        assert [n.id for n in supervision.supervision_notes(us)] == [note.id]
    with agency.sign_in("carl") as us:  # a colleague of the same team does not
        assert supervision.supervision_notes(us) == []
        with pytest.raises(PermissionDenied):
            supervision.supervision_notes(us, ids["cara"])


def test_the_supervisor_queue_knows_when_each_worker_was_last_supervised(noted):
    agency, _uuid, ids, _number, note = noted
    with agency.sign_in("sam") as us:
        team = {w.name: w.last_supervised for w in supervision.supervisees(us)}
    assert team == {"Cara Caseworker": note.held_on, "Carl Caseworker": None}


def test_recording_is_audited_without_what_was_said(noted):
    agency, *_ = noted
    with agency.sign_in("sam") as us, us.store.read() as s:
        events = list(s.execute(select(AuditEvent.action, AuditEvent.summary)))
    recorded = [summary for action, summary in events if action == supervision.RECORDED]
    assert len(recorded) == 1
    assert all("Zawadi" not in summary and "nurse" not in summary for _, summary in events)


def test_another_teams_supervisor_and_a_caseworker_cannot_record_a_session(noted):
    agency, _uuid, ids, _number, _note = noted
    for who, message in (
        ("tess", "another supervisor's team"),
        ("cara", "record supervision sessions"),
    ):
        with agency.sign_in(who) as us, pytest.raises(PermissionDenied, match=message):
            supervision.record_supervision(us, ids["cara"], date.today(), [], DECISION)


@pytest.mark.parametrize(
    ("held_on", "cases_discussed", "decisions", "message"),
    [
        (date.today(), [], "  ", "Write what was decided"),
        (date.today() + timedelta(days=1), [], DECISION, "once it has taken place"),
        (date.today(), ["KGL-1999-9999"], DECISION, "is not one of this caseworker's cases"),
    ],
)
def test_a_session_without_decisions_in_the_future_or_about_other_cases_is_refused(
    noted, held_on, cases_discussed, decisions, message
):
    agency, _uuid, ids, *_ = noted
    with agency.sign_in("sam") as us, pytest.raises(InvalidInput, match=message):
        supervision.record_supervision(us, ids["carl"], held_on, cases_discussed, decisions)


def test_a_note_is_never_in_the_case_summary_nor_the_case_history(noted):
    agency, uuid, *_ = noted
    with agency.sign_in("cara") as us:
        made = documents.make_document(us, uuid, "summary", language="en")
        history = cases.case_history(us, uuid)
    assert "nurse" not in text_of(made.pdf)
    assert all("nurse" not in (h.summary or "") for h in history)

"""The audit log: a hash chain in the database and its head outside it."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import text

from db.errors import AuditHeadMissing, StoreRolledBack
from db.store import DB_FILE, HEAD_FILE
from desktop import cases
from tests.conftest import NAMES, PASSWORD, run_signed_in


def _register(us, i=0):
    return cases.register_case(us, given_name=f"{NAMES[0]}{i}", family_name=NAMES[1])


def _events(us):
    with us.store.read() as s:
        return list(
            s.execute(text("SELECT seq, action, username, case_id FROM audit_events ORDER BY seq"))
        )


def test_every_change_and_every_opening_is_one_event_in_the_same_unit_of_work(agency):
    with agency.sign_in("cara") as us:
        before = len(_events(us))
        row = _register(us)
        cases.open_case(us, row.uuid)
        cases.update_case(us, row.uuid, risk="high")
        actions = [e.action for e in _events(us)[before:]]
        assert actions == ["case.registered", "case.opened", "case.updated"]
        assert {e.username for e in _events(us)[before:]} == {"cara"}
        assert us.store.check().ok


def _tamper(agency, sql):
    with agency.sign_in("admin") as us, us.store.write() as s:
        s.execute(text(sql))


def _check(agency):
    with agency.sign_in("admin", PASSWORD) as us:
        return us.store.check()


def test_check_names_the_first_modified_event(agency):
    with agency.sign_in("cara") as us:
        for i in range(3):
            _register(us, i)
        target = _events(us)[-2].seq
    _tamper(agency, f"UPDATE audit_events SET summary = 'nothing happened' WHERE seq = {target}")
    report = _check(agency)
    assert not report.ok
    assert report.chain.first_broken == target
    assert report.chain.problem == "was modified"
    assert f"BROKEN at event {target}" in "\n".join(report.lines())


def test_check_notices_a_deleted_event(agency):
    with agency.sign_in("cara") as us:
        for i in range(3):
            _register(us, i)
        target = _events(us)[-3].seq
    _tamper(agency, f"DELETE FROM audit_events WHERE seq = {target}")
    report = _check(agency)
    assert report.chain.first_broken == target
    assert report.chain.problem == "missing"


def test_check_command_exits_1_and_names_the_broken_event(agency):
    with agency.sign_in("cara") as us:
        _register(us)
        target = _events(us)[-1].seq
    _tamper(agency, f"UPDATE audit_events SET username = 'someone else' WHERE seq = {target}")
    result = run_signed_in(agency.folder, "check")
    assert result.returncode == 1
    assert f"BROKEN at event {target}" in result.stdout
    assert "Traceback" not in result.stderr


def test_an_older_copy_of_the_database_put_back_is_detected(agency):
    with agency.sign_in("cara") as us:
        _register(us, 1)
    old = agency.folder.parent / "old-copy"
    old.mkdir()
    for name in (DB_FILE, DB_FILE + "-wal"):
        if (agency.folder / name).exists():
            shutil.copy2(agency.folder / name, old / name)
    with agency.sign_in("cara") as us:
        _register(us, 2)
        _register(us, 3)
    for name in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm"):
        (agency.folder / name).unlink(missing_ok=True)
        if (old / name).exists():
            shutil.copy2(old / name, agency.folder / name)
    with pytest.raises(StoreRolledBack) as caught:
        agency.sign_in("cara")
    assert "older copy" in caught.value.message
    result = run_signed_in(agency.folder, "check")
    assert result.returncode == 1
    assert "older copy" in result.stdout
    # An administrator who restored it on purpose can accept it, and work goes on.
    result = run_signed_in(agency.folder, "check", "--accept-current")
    assert result.returncode == 0, result.stderr
    with agency.sign_in("cara") as us:
        assert len(cases.list_cases(us)) == 1
        assert us.store.check().ok


def test_a_caseworker_cannot_accept_a_rolled_back_database(agency):
    result = run_signed_in(agency.folder, "check", "--accept-current", user="cara")
    assert result.returncode == 1
    assert "permission" in result.stderr


def test_a_deleted_head_file_is_reported(agency):
    (agency.folder / HEAD_FILE).unlink()
    with pytest.raises(AuditHeadMissing):
        agency.sign_in("cara")


def test_a_head_that_lags_after_a_crash_is_caught_up_not_reported(agency):
    head = (agency.folder / HEAD_FILE).read_bytes()
    with agency.sign_in("cara") as us:
        _register(us)
    (agency.folder / HEAD_FILE).write_bytes(head)  # as if the process died before writing it
    with agency.sign_in("cara") as us:
        assert us.store.check().ok
    assert (agency.folder / HEAD_FILE).read_bytes() != head

"""Encrypted backups of a real store and their restore into a new folder."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from db.errors import InvalidInput, PermissionDenied, WrongRecoveryKey
from db.models import AuditEvent
from desktop import accounts, backups, case_forms, cases
from desktop.backups import BackupError
from tests.conftest import NAMES, PASSWORD, run_cli, run_signed_in
from tests.stories import consent, registration

PASSPHRASE = "maize river blue lantern seven goats"


def register(agency, n: int) -> None:
    with agency.sign_in("cara") as us:
        for i in range(n):
            case_forms.register_with_forms(
                us,
                {
                    "registration": registration(given=f"Zawadi{i}" if i else "Zawadi"),
                    "consent": consent("Kibera Health Centre"),
                },
            )


def test_a_backup_restores_into_a_new_folder_that_opens_with_the_same_passwords(agency, tmp_path):
    register(agency, 3)
    out = tmp_path / "usb" / "ulinzi-backup.age"
    out.parent.mkdir()
    with agency.sign_in("sam") as us:
        before = [(r.case_number, r.child_name) for r in cases.list_cases(us)]
        assert backups.backup_state(us).due  # never backed up
        done = backups.backup(us, out, recovery_key=agency.recovery_key)
        assert done.cases == 3 and out.stat().st_size == done.size
        state = backups.backup_state(us)
        assert not state.due and state.last_by == "Sam Supervisor"
        with us.store.read() as s:
            actions = s.execute(select(AuditEvent.action)).scalars().all()
        assert "store.backup" in actions
    data = out.read_bytes()
    for name in NAMES:
        assert name.encode() not in data
    assert list((agency.folder / "backups").glob(".snapshot*")) == []  # the scratch copy is gone

    restored = backups.restore(data, tmp_path / "restored", agency.recovery_key)
    assert restored.checked and restored.cases == 3
    with accounts.sign_in(tmp_path / "restored", "sam", PASSWORD) as us:
        assert [(r.case_number, r.child_name) for r in cases.list_cases(us)] == before


def test_a_backup_taken_while_someone_saves_is_consistent(agency, tmp_path):
    register(agency, 1)
    # One process holds the store: a writer thread saves through the same session meanwhile.
    with agency.sign_in("sam") as us:
        writer = threading.Thread(
            target=lambda: [
                case_forms.register_with_forms(
                    us,
                    {"registration": registration(), "consent": consent("Kibera Health Centre")},
                )
                for _ in range(15)
            ]
        )
        writer.start()
        done = backups.backup(us, tmp_path / "b.age", passphrase=PASSPHRASE)
        writer.join()
    restored = backups.restore((tmp_path / "b.age").read_bytes(), tmp_path / "r", PASSPHRASE)
    assert not restored.checked  # a passphrase backup cannot be opened without a password
    with accounts.sign_in(tmp_path / "r", "sam", PASSWORD) as us:
        report = us.store.check()
        assert report.ok, report.lines()
        assert len(cases.list_cases(us)) == done.cases


def test_every_backup_taken_while_cases_are_registered_restores_and_opens(agency, tmp_path):
    """A case registered while the copy is made is in the live head but not in the copy: the
    backup's head must say what the copy holds, or the restored store is refused as "older"."""
    register(agency, 1)
    with agency.sign_in("sam") as us:
        stop = threading.Event()

        def keep_registering() -> None:
            while not stop.is_set():
                case_forms.register_with_forms(us, {"registration": registration()})

        writer = threading.Thread(target=keep_registering)
        writer.start()
        try:
            taken = [
                backups.backup(us, tmp_path / f"b{n}.age", passphrase=PASSPHRASE) for n in range(4)
            ]
        finally:
            stop.set()
            writer.join()
    for n, done in enumerate(taken):
        folder = tmp_path / f"r{n}"
        backups.restore((tmp_path / f"b{n}.age").read_bytes(), folder, PASSPHRASE)
        with accounts.sign_in(folder, "sam", PASSWORD) as us:
            assert len(cases.list_cases(us)) == done.cases


def test_only_the_stores_recovery_key_or_a_long_passphrase_locks_a_backup(agency, tmp_path):
    with agency.sign_in("sam") as us:
        with pytest.raises(WrongRecoveryKey):
            backups.backup(us, tmp_path / "b.age", recovery_key="A" * 30)
        with pytest.raises(InvalidInput, match="backup") as short:  # in backup words
            backups.backup(us, tmp_path / "b.age", passphrase="short")
        assert "package" not in str(short.value)
        with pytest.raises(InvalidInput):
            backups.backup(us, tmp_path / "b.age")
    with agency.sign_in("cara") as us, pytest.raises(PermissionDenied):
        backups.backup(us, tmp_path / "b.age", passphrase=PASSPHRASE)
    assert not (tmp_path / "b.age").exists()


def test_a_restore_never_writes_over_a_store_and_refuses_a_bad_backup(agency, tmp_path):
    register(agency, 1)
    with agency.sign_in("sam") as us:
        backups.backup(us, tmp_path / "b.age", passphrase=PASSPHRASE)
    data = (tmp_path / "b.age").read_bytes()
    with pytest.raises(BackupError) as refused:
        backups.restore(data, agency.folder, PASSPHRASE)  # the live store
    assert "never over a store" in str(refused.value)
    with pytest.raises(BackupError) as refused:
        backups.restore(data, tmp_path / "r1", "the wrong passphrase entirely")
    assert "not the recovery key or the passphrase" in str(refused.value)
    damaged = bytearray(data)
    damaged[len(damaged) // 2] ^= 0x01
    with pytest.raises(BackupError):
        backups.restore(bytes(damaged), tmp_path / "r2", PASSPHRASE)
    with pytest.raises(BackupError):
        backups.restore(b"not a backup", tmp_path / "r3", PASSPHRASE)
    assert not any((tmp_path / name).exists() for name in ("r1", "r2", "r3"))


def test_the_backup_reminder_follows_the_agency_interval(agency, tmp_path):
    with agency.sign_in("sam") as us:
        backups.backup(us, tmp_path / "b.age", passphrase=PASSPHRASE)
        with us.store.write() as s:
            from db.models import Setting

            row = s.get(Setting, backups.LAST_BACKUP)
            old = (datetime.now(UTC) - timedelta(days=8)).isoformat()
            row.value = row.value.replace(row.value.split('"at": "')[1].split('"')[0], old)
        assert backups.backup_state(us).due


def test_backup_and_restore_by_the_command_line(agency, tmp_path):
    register(agency, 2)
    out = tmp_path / "b.age"
    r = run_signed_in(
        agency.folder,
        "backup",
        "--to",
        str(out),
        user="admin",
        stdin=f"{PASSWORD}\n{agency.recovery_key}\n",
    )
    assert r.returncode == 0, r.stderr
    assert "2 cases" in r.stdout
    r = run_cli(
        "restore",
        str(out),
        "--into",
        str(tmp_path / "restored"),
        "--password-stdin",
        stdin=agency.recovery_key + "\n",
    )
    assert r.returncode == 0, r.stderr
    assert "checked: the store is whole" in r.stdout
    r = run_cli("restore", str(out), "--into", str(agency.folder), "--password-stdin", stdin="x\n")
    assert r.returncode == 1 and "never over a store" in r.stderr


def test_a_backup_killed_midway_leaves_only_encrypted_scratch_that_the_next_backup_removes(
    agency, tmp_path
):
    from tests.conftest import run_python

    with agency.sign_in("cara") as us:
        cases.register_case(us, given_name=NAMES[0], family_name=NAMES[1])
    usb = tmp_path / "usb"
    usb.mkdir()
    code = (
        "import os, signal\n"
        "from pathlib import Path\n"
        "import db.store\n"
        "from desktop import accounts, backups\n"
        "def die(*args):\n"  # the copy is made and open, its own history not yet ended
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "db.store.branch_root = die\n"
        f"us = accounts.sign_in({str(agency.folder)!r}, 'sam', {PASSWORD!r})\n"
        f"backups.backup(us, Path({str(usb / 'first.age')!r}), recovery_key={agency.recovery_key!r})\n"
    )
    assert run_python(code).returncode == -9
    left = sorted(usb.iterdir())
    assert left and all(p.name.startswith(backups.SCRATCH) for p in left)
    for path in left:  # encrypted: no SQLite header, no name of a child, in any of them
        data = path.read_bytes()
        assert not data.startswith(b"SQLite format 3")
        assert NAMES[0].encode() not in data and NAMES[0].encode("utf-16-le") not in data

    with agency.sign_in("sam") as us:
        backups.backup(us, usb / "second.age", recovery_key=agency.recovery_key)
    assert [p.name for p in usb.iterdir()] == ["second.age"]

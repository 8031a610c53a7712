"""The audit log: a hash chain in the database and its head outside it."""

from __future__ import annotations

import shutil
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from db.errors import AuditHeadBehind, AuditHeadMissing, StoreRolledBack
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
    result = run_signed_in(
        agency.folder, "check", "--accept-current", stdin=f"{PASSWORD}\n{agency.recovery_key}\n"
    )
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


def test_an_older_head_put_back_is_refused_not_caught_up(agency):
    """The head is written before each commit, so a head behind the database is never a crash
    (tests/test_attack_history.py kills the program at each step): it is a saved copy, whose
    seed would let its holder sign the later events again."""
    head = (agency.folder / HEAD_FILE).read_bytes()
    with agency.sign_in("cara") as us:
        _register(us)
    (agency.folder / HEAD_FILE).write_bytes(head)
    with pytest.raises(AuditHeadBehind):
        agency.sign_in("cara")
    assert (agency.folder / HEAD_FILE).read_bytes() == head


def _make_legacy(agency) -> list[tuple[int, str]]:
    """Turn a store into one written before signing: schema 0008, plain hashes, a version 1
    head. Returns its events' (seq, hash)."""
    import hashlib
    import hmac
    import struct

    from alembic import command

    from db import migrations
    from db.audit import AuditHeadFile, event_hash, genesis_hash

    with agency.sign_in("admin") as us:
        store = us.store
        with store.engine.begin() as conn:
            command.downgrade(migrations.alembic_config(conn), "0008")
            prev, out = genesis_hash(store.store_id), []
            for r in conn.execute(text("SELECT * FROM audit_events ORDER BY seq")).all():
                h = event_hash(
                    prev, r.seq, r.at, r.user_id, r.username, r.action, r.case_id, r.summary
                )
                conn.execute(
                    text("UPDATE audit_events SET prev_hash = :p, hash = :h WHERE seq = :s"),
                    {"p": prev, "h": h, "s": r.seq},
                )
                prev = h
                out.append((r.seq, h))
        head = AuditHeadFile(agency.folder / HEAD_FILE, bytes(store._key), store.store_id)
        seq, digest = out[-1][0], bytes.fromhex(out[-1][1])
        mac = hmac.new(
            head._mac_key,
            b"ulinzi head|" + store.store_id.encode() + struct.pack(">Q", seq) + digest,
            hashlib.sha256,
        ).digest()
        record = struct.pack(">4sBQ32s32s", b"ULZH", 1, seq, digest, mac).ljust(128, b"\0")
        store.engine.dispose()
    (agency.folder / HEAD_FILE).write_bytes(
        record + b"\0" * 128 if seq % 2 == 0 else b"\0" * 128 + record
    )
    return out


def test_an_existing_store_keeps_its_old_hashes_and_starts_signing_at_a_recorded_event(agency):
    old = _make_legacy(agency)
    with agency.sign_in("cara") as us:
        _register(us)
        with us.store.read() as s:
            rows = s.execute(
                text("SELECT seq, hash, action, summary, sig FROM audit_events ORDER BY seq")
            ).all()
        report = us.store.check()
    assert [(r.seq, r.hash) for r in rows[: len(old)]] == old  # untouched
    root = rows[len(old)]
    assert root.action == "audit.signing_started" and root.sig is None
    assert all(r.sig for r in rows[len(old) + 1 :])  # every later event is signed
    assert report.ok and report.chain.signed_from == root.seq
    assert f"signed from event {root.seq}" in "\n".join(report.lines())


def test_a_backup_does_not_carry_the_live_signing_seed(agency, tmp_path):
    from db.audit import AuditHeadFile, public_key_hex
    from desktop import backups

    with agency.sign_in("sam") as us:
        backups.backup(us, tmp_path / "b.age", recovery_key=agency.recovery_key)
        live = us.store._head.seed
    restored = backups.restore(
        (tmp_path / "b.age").read_bytes(), tmp_path / "r", agency.recovery_key
    )
    assert restored.checked
    with agency.sign_in("admin") as us:
        raw_key, store_id = bytes(us.store._key), us.store.store_id
        with us.store.read() as s:
            live_keys = set(s.execute(text("SELECT next_key FROM audit_events")).scalars())
    copy = AuditHeadFile(tmp_path / "r" / HEAD_FILE, raw_key, store_id).read()
    assert copy.seed is not None and copy.seed != live
    assert public_key_hex(copy.seed) not in live_keys  # it signs nothing of the live chain
    # The restored copy opens, goes on signing, and checks sound.
    from desktop import accounts

    with accounts.sign_in(tmp_path / "r", "cara", PASSWORD) as us:
        _register(us)
        assert us.store.check().ok


def test_a_receipt_brings_the_senders_anchor_back_for_check(agency, partner, tmp_path):
    from desktop import exchange
    from tests.stories import exported

    _, package = exported(agency, partner, tmp_path)
    with partner.sign_in("cara") as us:
        receipt = exchange.import_package(us, package.read_bytes()).receipt
    (tmp_path / "receipt.ulz").write_bytes(receipt)
    result = run_signed_in(agency.folder, "check", "--against", str(tmp_path / "receipt.ulz"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "receipt from MUS" in result.stdout and "unchanged" in result.stdout
    _tamper_all(agency)
    result = run_signed_in(agency.folder, "check", "--against", str(tmp_path / "receipt.ulz"))
    assert result.returncode == 1 and "DIFFERS" in result.stdout


def _tamper_all(agency):
    from tests.stories import rebuild_history

    rebuild_history(agency)


@given(
    st.binary(max_size=6000)
    | st.builds(
        lambda page, rest: struct.pack(">8I", 0x377F0682, 3007000, page, 0, 1, 2, 3, 4) + rest,
        st.sampled_from([0, 1, 512, 1000, 4096, 65536]),
        st.binary(max_size=9000),
    )
)
@settings(max_examples=200, deadline=None)
def test_any_bytes_found_as_a_wal_are_read_without_failing(data):
    from db.wal import WalImage

    assert WalImage(data).damaged in (True, False)

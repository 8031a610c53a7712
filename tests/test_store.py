"""The encrypted store: what is on disk, how it opens, and what happens when files go wrong."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest
import sqlcipher3
from sqlalchemy import text

from db import migrations
from db.errors import StoreClosed, StoreDamaged, StoreInUse, WrongCredentials
from db.keyslots import KeySlots
from db.store import DB_FILE, HEAD_FILE, KEYSLOTS_FILE, Password, open_store
from desktop import accounts, cases
from tests.conftest import FAST_KDF, NAMES, PASSWORD, ROOT


def _register(agency, username="cara", **details):
    with agency.sign_in(username) as us:
        return cases.register_case(
            us,
            given_name=details.pop("given_name", NAMES[0]),
            family_name=details.pop("family_name", NAMES[1]),
            sex="female",
            location=details.pop("location", "Nyamirambo"),
            **details,
        )


def test_the_files_on_disk_hold_none_of_the_typed_names(agency):
    _register(agency)
    for path in agency.folder.rglob("*"):
        if path.is_file():
            raw = path.read_bytes().lower()
            for name in (*NAMES, "nyamirambo", "cara caseworker", "kigali district"):
                assert name.lower().encode() not in raw, f"{name} readable in {path.name}"
            # not even as UTF-16, as some tools write text
            assert NAMES[0].lower().encode("utf-16-le") not in raw


def test_the_database_is_sqlcipher_4_with_the_settings_the_design_asks_for(agency):
    with agency.sign_in("admin") as us, us.store.engine.connect() as conn:
        version = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
        assert version.startswith("4.")
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -16 * 1024  # KiB
    # and it is not a plain SQLite file
    header = (agency.folder / DB_FILE).read_bytes()[:16]
    assert header != b"SQLite format 3\x00"


def test_the_file_opened_with_the_typed_password_as_key_is_not_readable(agency):
    conn = sqlcipher3.connect(str(agency.folder / DB_FILE))
    conn.execute(f"PRAGMA key = '{PASSWORD}'")
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_a_wrong_password_fails_with_a_clear_message(agency):
    with pytest.raises(WrongCredentials) as caught:
        agency.sign_in("cara", "not my password")
    assert caught.value.message == "The username or password is not correct."


def test_a_second_opening_is_told_who_has_the_store(agency):
    with agency.sign_in("cara"), pytest.raises(StoreInUse) as caught:
        agency.sign_in("carl")
    assert "already open on this computer by" in caught.value.message


def test_a_lock_left_by_a_killed_process_does_not_block_the_store(agency):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from desktop import accounts\n"
            f"s = accounts.sign_in({str(agency.folder)!r}, 'cara', {PASSWORD!r})\n"
            "print('open', flush=True)\n"
            "time.sleep(60)\n",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreInUse):
            agency.sign_in("carl")
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with agency.sign_in("carl") as us:
        assert us.user.username == "carl"


def test_right_password_on_a_damaged_first_page_is_reported_as_damage(agency):
    path = agency.folder / DB_FILE
    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged) as caught:
        agency.sign_in("cara")
    assert "damaged" in caught.value.message
    assert "not correct" not in caught.value.message


def test_a_flipped_byte_on_a_later_page_is_found_by_check(agency):
    for i in range(30):
        _register(agency, given_name=f"Child{i}", location="x" * 300)
    path = agency.folder / DB_FILE
    data = bytearray(path.read_bytes())
    assert len(data) > 8 * 4096
    data[6 * 4096 + 1000] ^= 0x01
    path.write_bytes(bytes(data))
    with agency.sign_in("admin") as us:
        report = us.store.check()
    assert not report.ok
    assert any("page" in p.lower() for p in report.cipher_problems + report.integrity_problems)


def test_password_change_is_proven_by_reopening(agency):
    with agency.sign_in("cara") as us:
        accounts.change_own_password(us, PASSWORD, "a brand new password", kdf=FAST_KDF)
    with pytest.raises(WrongCredentials):
        agency.sign_in("cara", PASSWORD)
    with agency.sign_in("cara", "a brand new password") as us:
        assert us.user.username == "cara"
    with agency.sign_in("carl") as us:  # others are untouched
        assert us.user.username == "carl"


def test_a_removed_user_cannot_sign_in_and_their_slot_is_gone(agency):
    with agency.sign_in("admin") as us:
        accounts.remove_user(us, "carl")
        assert not us.store.slots.has_user("carl")
    with pytest.raises(WrongCredentials):
        agency.sign_in("carl")
    slots = json.loads((agency.folder / KEYSLOTS_FILE).read_text())
    assert len(slots["slots"]) == 7  # admin, 2 supervisors, 2 caseworkers, manager, recovery


def test_the_recovery_key_sets_a_new_password(agency):
    accounts.recover(
        agency.folder, agency.recovery_key.lower(), "admin", "after the fire", kdf=FAST_KDF
    )
    with pytest.raises(WrongCredentials):
        agency.sign_in("admin", PASSWORD)
    with agency.sign_in("admin", "after the fire") as us:
        events = [r.action for r in _audit(us)]
    assert "account.recovered" in events


def _audit(us):
    with us.store.read() as s:
        return list(
            s.execute(text("SELECT seq, action, case_id, summary FROM audit_events ORDER BY seq"))
        )


def test_rekey_changes_the_database_key_and_everyone_still_signs_in(agency):
    _register(agency)
    old_bytes = (agency.folder / DB_FILE).read_bytes()
    with agency.sign_in("admin") as us:
        old_key = bytes(us.store._key)
        accounts.rekey(us)
        new_key = bytes(us.store._key)
        assert us.store.check().ok
    assert old_key != new_key
    # The old key no longer opens the file.
    conn = sqlcipher3.connect(str(agency.folder / DB_FILE))
    conn.execute(f"PRAGMA key = \"x'{old_key.hex()}'\"")
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()
    assert (agency.folder / DB_FILE).read_bytes() != old_bytes
    for username in ("admin", "cara", "sam", "mina"):
        with agency.sign_in(username) as us:
            assert us.store.check().ok
    with agency.sign_in("cara") as us:
        assert [r.given_name for r in cases.list_cases(us)] == [NAMES[0]]
    accounts.recover(
        agency.folder, agency.recovery_key, "cara", "recovered after rekey", kdf=FAST_KDF
    )


def test_closing_forgets_the_key_and_refuses_further_work(agency):
    us = agency.sign_in("cara")
    store = us.store
    us.close()
    assert not any(store._key)
    with pytest.raises(StoreClosed):
        cases.list_cases(us)


def test_alembic_head_is_the_one_the_store_expects():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "db" / "migrations"))
    assert ScriptDirectory.from_config(cfg).get_current_head() == migrations.HEAD


def test_migrations_build_exactly_the_models(agency):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from db.models import Base

    with agency.sign_in("admin") as us, us.store.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={"include_name": lambda name, *_: not (name or "").startswith("case_search")},
        )
        assert compare_metadata(ctx, Base.metadata) == []


def test_an_older_store_is_migrated_on_open_after_a_backup(tmp_path):
    from db.store import create_store

    store, _ = create_store(tmp_path / "old", "admin", PASSWORD, FAST_KDF)
    from alembic import command

    with store.engine.begin() as conn:  # take it back to the first schema
        command.downgrade(migrations.alembic_config(conn), "0001")
    store.close()
    # Going down to 0001 dropped the signatures of the events written since: the store rightly
    # refuses that history, which this test about migrating does not look at.
    store = open_store(tmp_path / "old", Password("admin", PASSWORD), verify_head=False)
    try:
        with store.engine.connect() as conn:
            assert migrations.current_revision(conn) == migrations.HEAD
            assert conn.exec_driver_sql("SELECT count(*) FROM cases").scalar() == 0
    finally:
        store.close()
    backups = list((tmp_path / "old" / "backups").iterdir())
    assert len(backups) == 1 and "before-migration-0001" in backups[0].name
    # The backup holds the old schema, encrypted, and opens with the same password's slot.
    raw_key = KeySlots.load(backups[0] / KEYSLOTS_FILE).unlock_user("admin", PASSWORD)
    conn = sqlcipher3.connect(str(backups[0] / DB_FILE))
    conn.execute(f"PRAGMA key = \"x'{raw_key.hex()}'\"")
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    conn.close()
    # Its head names the same event, without the seed: a seed in a copy would let whoever reads
    # the copy sign every later event again.
    from db.audit import AuditHeadFile

    store_id = KeySlots.load(backups[0] / KEYSLOTS_FILE).store_id
    records = AuditHeadFile(backups[0] / HEAD_FILE, raw_key, store_id).records()
    assert records and all(r.head.seed is None for r in records)


def test_a_store_opened_on_one_thread_is_released_on_another(agency):
    import threading

    opened = []
    worker = threading.Thread(target=lambda: opened.append(agency.sign_in("cara")))
    worker.start()
    worker.join()
    opened[0].close()  # on the main thread, as the window does
    with agency.sign_in("carl") as us:
        assert us.user.username == "carl"

"""The attacks of the adversarial review on the store's history, repeated end to end through the
command line: an older database put back, the audit head deleted, the audit log rewritten or cut
short by a signed-in insider with the store's own key, a damaged WAL frame, a damaged page.
Each must be refused or reported, and stay so until an administrator accepts it on purpose."""

from __future__ import annotations

import hashlib
import shutil
import struct
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import text

from db.audit import AuditHeadFile, Head, event_hash, evolve, genesis_hash, public_key_hex
from db.store import DB_FILE, HEAD_FILE
from desktop import cases
from tests.conftest import (
    FAST_KDF,
    NAMES,
    PASSWORD,
    make_agency,
    run_cli,
    run_python,
    run_signed_in,
)
from tests.stories import rebuild_history


def _register(agency, n: int, user: str = "cara") -> list[str]:
    with agency.sign_in(user) as us:
        return [
            cases.register_case(us, given_name=f"{NAMES[0]}{i}", family_name=NAMES[1]).case_number
            for i in range(n)
        ]


def _accept(agency, code: str | None = None):
    """An administrator's `check --accept-current`, with the recovery key that signs it."""
    code = agency.recovery_key if code is None else code
    return run_signed_in(agency.folder, "check", "--accept-current", stdin=f"{PASSWORD}\n{code}\n")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _store_files(folder: Path) -> dict[str, str]:
    return {p.name: _sha(p) for p in folder.iterdir() if p.is_file() and "lock" not in p.name}


@pytest.fixture
def store(tmp_path):
    agency = make_agency(tmp_path / "store")
    _register(agency, 2)
    return agency


# -- 19.1: a rollback stays refused until an administrator accepts it -------------------------


def test_an_older_database_put_back_stays_refused_by_every_command_until_accepted(store, tmp_path):
    old = tmp_path / "old.db"
    with store.sign_in("admin"):  # closing checkpoints the WAL into ulinzi.db
        pass
    shutil.copy2(store.folder / DB_FILE, old)
    lost = _register(store, 2)
    for leftover in ("-wal", "-shm"):
        (store.folder / (DB_FILE + leftover)).unlink(missing_ok=True)
    shutil.copy2(old, store.folder / DB_FILE)
    before = _store_files(store.folder)

    for attempt in range(2):  # the review's second `check` said "The store is sound."
        for user in ("admin", "cara"):
            result = run_signed_in(store.folder, "check", user=user)
            assert result.returncode == 1, (attempt, user, result.stdout)
            assert "older copy" in result.stdout and "sound" not in result.stdout
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 1 and "older copy" in result.stderr
    assert NAMES[0] not in result.stdout
    assert "Traceback" not in result.stderr
    result = run_signed_in(store.folder, "check", "--accept-current", user="cara")
    assert result.returncode == 1 and "permission" in result.stderr
    after = _store_files(store.folder)
    assert "audit-deferred" in after  # the refusal waits beside the store, sealed
    assert NAMES[0].encode() not in (store.folder / "audit-deferred").read_bytes()
    after.pop("audit-deferred")
    assert after == before  # nothing wrote to the store itself

    result = _accept(store)
    assert result.returncode == 0, result.stderr
    with store.sign_in("admin") as us, us.store.read() as s:
        accepted = s.execute(
            text("SELECT summary FROM audit_events WHERE action = 'store.rollback_accepted'")
        ).scalar_one()
        refused = s.execute(
            text(
                "SELECT summary FROM audit_events WHERE username = 'cara' "
                "AND action = 'permission.denied'"
            )
        ).scalar_one()
    assert accepted.startswith("events ") and "lost" in accepted
    assert "accept the database as current" in refused and "while the store was refused" in refused
    assert not (store.folder / "audit-deferred").exists()
    assert run_signed_in(store.folder, "check").returncode == 0
    # The two case numbers the lost database had issued are never given to another child.
    (again,) = _register(store, 1)
    assert again not in lost and again > max(lost)


def test_an_older_database_under_the_current_wal_is_refused(store, tmp_path):
    """SQLite lays the WAL's pages (the audit table's tail among them) over whatever file it
    finds: the audit tail matches the head, yet the children registered since are gone."""
    with store.sign_in("admin"):
        pass
    old = tmp_path / "old.db"
    shutil.copy2(store.folder / DB_FILE, old)
    lost = _register(store, 3)
    opened = run_python(  # a session that ends without checkpointing leaves the WAL behind
        "import os; from desktop import accounts; "
        f"accounts.sign_in({str(store.folder)!r}, 'carl', {PASSWORD!r}); os._exit(0)"
    )
    assert opened.returncode == 0, opened.stderr
    assert (store.folder / (DB_FILE + "-wal")).exists()
    shutil.copy2(old, store.folder / DB_FILE)

    for user in ("admin", "cara"):
        result = run_signed_in(store.folder, "check", user=user)
        assert result.returncode == 1 and "sound" not in result.stdout, result.stdout
        assert lost[0] in result.stdout and lost[-1] in result.stdout
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 1 and "older copy" in result.stderr, result.stderr

    result = _accept(store)
    assert result.returncode == 0, result.stderr
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "sound" in result.stdout, result.stdout
    again = _register(store, 1)
    assert again[0] not in lost and again[0] > lost[-1]  # lost numbers are not issued again


def test_a_deleted_head_is_not_first_use_and_stays_refused(store):
    (store.folder / HEAD_FILE).unlink()
    before = _store_files(store.folder)
    for _ in range(2):
        result = run_signed_in(store.folder, "check", user="cara")
        assert result.returncode == 1
        assert "missing or damaged" in result.stdout and "sound" not in result.stdout
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 1 and "has kept one since it was created" in result.stderr
    assert _store_files(store.folder) == before
    accepted = _accept(store)
    assert accepted.returncode == 0
    # Nothing here knows which numbers were issued after this copy: the administrator is told.
    assert "case numbers issued after that may be issued again" in accepted.stdout
    assert run_signed_in(store.folder, "check").returncode == 0
    assert run_signed_in(store.folder, "cases", user="cara").returncode == 0


# -- 19.2: an insider with the store's key cannot rewrite or cut the history ------------------


def _insider_rewrite(agency, user: str, seq: int | None, summary: str) -> None:
    """What a signed-in caseworker can do with the raw key: edit an event, sign it with the only
    seed there is (the head's), re-hash and re-sign every later event, re-seal the head. With
    `seq` None they first register a case, then hide that registration."""
    with agency.sign_in(user) as us:
        store = us.store
        if seq is None:
            cases.register_case(us, given_name=NAMES[0], family_name=NAMES[1])
            with store.read() as s:
                seq = s.execute(text("SELECT max(seq) FROM audit_events")).scalar()
        raw_key = bytes(store._key)
        head_file = AuditHeadFile(agency.folder / HEAD_FILE, raw_key, store.store_id)
        seed = head_file.read().seed
        with store.engine.begin() as conn:
            rows = conn.execute(
                text("SELECT * FROM audit_events WHERE seq >= :s ORDER BY seq"), {"s": seq}
            ).all()
            prev = conn.execute(
                text("SELECT hash FROM audit_events WHERE seq = :s"), {"s": seq - 1}
            ).scalar()
            for r in rows:
                new_summary = summary if r.seq == seq else r.summary
                h = event_hash(
                    prev,
                    r.seq,
                    r.at,
                    r.user_id,
                    r.username,
                    r.action,
                    r.case_id,
                    new_summary,
                    public_key_hex(evolve(seed)),
                )
                sig = Ed25519PrivateKey.from_private_bytes(seed).sign(bytes.fromhex(h)).hex()
                conn.execute(
                    text(
                        "UPDATE audit_events SET summary=:m, prev_hash=:p, hash=:h, "
                        "next_key=:k, sig=:g WHERE seq=:s"
                    ),
                    {
                        "m": new_summary,
                        "p": prev,
                        "h": h,
                        "k": public_key_hex(evolve(seed)),
                        "g": sig,
                        "s": r.seq,
                    },
                )
                prev, seed = h, evolve(seed)
            last = rows[-1].seq
        head = head_file.read()
        head_file.write(Head(last, prev, seed, head.verified, head.case_year, head.case_serial))
        store.engine.dispose()


def _last_seq(agency) -> int:
    with agency.sign_in("admin") as us, us.store.read() as s:
        return s.execute(text("SELECT max(seq) FROM audit_events")).scalar()


def test_an_insider_rewriting_and_re_signing_events_is_caught(store):
    target = _last_seq(store) - 4  # an event of an earlier session: caught by `check`
    _insider_rewrite(store, "cara", target, "nothing happened")
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 1
    assert f"BROKEN at event {target}" in result.stdout and "signature" in result.stdout


def test_an_insider_hiding_what_they_did_since_signing_in_is_caught_on_the_next_open(store):
    _insider_rewrite(store, "cara", None, "nothing happened")
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 1 and "history was changed" in result.stderr
    assert "signature" in result.stderr


def test_events_cut_off_the_end_are_caught(store):
    with store.sign_in("cara") as us:
        raw_key = bytes(us.store._key)
        store_id = us.store.store_id
        with us.store.engine.begin() as conn:
            last = conn.execute(text("SELECT max(seq) FROM audit_events")).scalar()
            conn.execute(text("DELETE FROM audit_events WHERE seq > :s"), {"s": last - 3})
            kept = conn.execute(
                text("SELECT hash FROM audit_events WHERE seq = :s"), {"s": last - 3}
            ).scalar()
        us.store.engine.dispose()
    head_file = AuditHeadFile(store.folder / HEAD_FILE, raw_key, store_id)
    head = head_file.read()
    head_file.write(Head(last - 3, kept, head.seed, 0, head.case_year, head.case_serial))
    for command in ("cases", "check"):
        result = run_signed_in(store.folder, command, user="cara")
        assert result.returncode == 1, result.stdout
        assert "sound" not in result.stdout
    # Without the seed, the head is damaged: still refused.
    head_file.write(Head(last - 3, kept, None, 0, head.case_year, head.case_serial))
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 1 and "missing or damaged" in result.stderr


def test_a_backup_anchors_the_history_outside_the_pc(store, tmp_path):
    backup = tmp_path / "usb" / "backup.age"
    backup.parent.mkdir()
    result = run_signed_in(
        store.folder,
        "backup",
        "--to",
        str(backup),
        stdin=f"{PASSWORD}\n{store.recovery_key}\n",
    )
    assert result.returncode == 0, result.stderr
    stdin = f"{PASSWORD}\n{store.recovery_key}\n"
    result = run_signed_in(store.folder, "check", "--against", str(backup), stdin=stdin)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the history up to it is unchanged" in result.stdout

    rebuild_history(store)
    result = run_signed_in(store.folder, "check", "--against", str(backup), stdin=stdin)
    assert result.returncode == 1
    assert "DIFFERS" in result.stdout and "sound" not in result.stdout


# -- 19.9: a damaged WAL frame, a damaged page ---------------------------------------------------


def _crash_after_registering(folder: Path, n: int) -> None:
    """Register cases and die without closing: the acknowledged commits stay in the WAL."""
    code = (
        "import os\n"
        "from desktop import accounts, cases\n"
        f"us = accounts.sign_in({str(folder)!r}, 'cara', {PASSWORD!r})\n"
        f"for i in range({n}):\n"
        "    cases.register_case(us, given_name=f'Late{i}', family_name='Child')\n"
        "os._exit(0)\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr


def _frames(wal: bytes) -> list[tuple[int, int]]:
    """(offset, commit size) of each frame of the WAL's current generation."""
    page_size = struct.unpack(">I", wal[8:12])[0]
    salts = wal[16:24]
    out, offset = [], 32
    while offset + 24 + page_size <= len(wal) and wal[offset + 8 : offset + 16] == salts:
        out.append((offset, struct.unpack(">I", wal[offset + 4 : offset + 8])[0]))
        offset += 24 + page_size
    return out


def test_a_damaged_wal_frame_is_reported_as_damage_with_what_is_missing(store):
    with store.sign_in("cara") as us:
        known = {r.case_number for r in cases.list_cases(us)}
    _crash_after_registering(store.folder, 2)
    wal_path = store.folder / (DB_FILE + "-wal")
    wal = bytearray(wal_path.read_bytes())
    frames = _frames(bytes(wal))
    commits = [i for i, (_, size) in enumerate(frames) if size]
    first_of_last = commits[-2] + 1  # the first frame of the last acknowledged transaction
    wal[frames[first_of_last][0] + 24 + 100] ^= 0x01
    wal_path.write_bytes(bytes(wal))

    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 1
    assert "journal of recent changes is damaged" in result.stderr
    assert "KGL-" in result.stderr  # names the missing case
    kept = list((store.folder / "backups" / "damaged-journal").iterdir())
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(wal)
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 1 and "journal of recent changes is damaged" in result.stdout
    assert "sound" not in result.stdout
    # Accepted by an administrator: work goes on, and the lost number is not given again.
    assert _accept(store).returncode == 0
    (new,) = _register(store, 1)
    with store.sign_in("cara") as us:
        now = {r.case_number for r in cases.list_cases(us)}
    assert known < now and new in now
    assert new == max(now) and int(new[-5:]) == len(known) + 3  # two numbers were issued, lost


def _damage_page(agency, table: str) -> None:
    with agency.sign_in("admin") as us, us.store.read() as s:  # closing checkpoints the WAL
        page = s.execute(
            text("SELECT rootpage FROM sqlite_master WHERE name = :t"), {"t": table}
        ).scalar()
    db = agency.folder / DB_FILE
    data = bytearray(db.read_bytes())
    data[(page - 1) * 4096 + 2000] ^= 0xFF  # fails the page's HMAC when read
    db.write_bytes(bytes(data))


def test_a_damaged_page_is_reported_as_damage_naming_check(store):
    _damage_page(store, "cases")  # read by the case list, not on sign-in
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 1
    assert "something went wrong" not in result.stderr
    assert "database is damaged" in result.stderr and "ulinzi check" in result.stderr
    _damage_page(store, "audit_events")  # read on sign-in: refused, but `check` still runs
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 1 and "database is damaged" in result.stderr
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 1 and "sound" not in result.stdout
    assert "encryption (page HMAC): ok" not in result.stdout


def test_the_window_refuses_a_store_without_its_head_even_after_a_check(store, qtbot):
    from PySide6.QtCore import Qt

    from ui.login import LoginWidget

    (store.folder / HEAD_FILE).unlink()
    assert run_signed_in(store.folder, "check", user="cara").returncode == 1
    before = _store_files(store.folder)

    login = LoginWidget(store.folder)
    qtbot.addWidget(login)
    login.show()
    signed_in = []
    login.signed_in.connect(signed_in.append)
    qtbot.keyClicks(login.username, "cara")
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: login.message.text() != "", timeout=10000)
    assert not signed_in
    assert "missing or damaged" in login.message.text()
    assert "ulinzi check" in login.message.text()
    assert _store_files(store.folder) == before


# -- 19, second review: saved heads, forged restarts, a `check` that changes nothing ------------


def _store_state(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file of the store's folder (the lock files aside): its hash and its mode."""
    return {
        p.name: (_sha(p), p.stat().st_mode)
        for p in folder.iterdir()
        if p.is_file() and "lock" not in p.name
    }


def _head_records(agency) -> list:
    with agency.sign_in("admin") as us:
        head_file = AuditHeadFile(
            agency.folder / HEAD_FILE, bytes(us.store._key), us.store.store_id
        )
    return head_file.records()


def _die_during_head_write(folder: Path, step: str) -> None:
    """Register a case and kill -9 the program at `step` of the head protocol: just after
    `prepare` (the head written, the database not yet committed) or just before `settle`
    (committed, the older record and its seed not yet erased)."""
    before = "" if step == "settle" else "    original(self, *args)\n"
    code = (
        "import os, signal\n"
        "from db.audit import AuditHeadFile\n"
        "from desktop import accounts, cases\n"
        f"us = accounts.sign_in({str(folder)!r}, 'cara', {PASSWORD!r})\n"
        f"original = AuditHeadFile.{step}\n"
        "def die(self, *args):\n"
        f"{before}"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        f"AuditHeadFile.{step} = die\n"
        "cases.register_case(us, given_name='Late', family_name='Child')\n"
    )
    result = run_python(code)
    assert result.returncode == -9, result.stderr


@pytest.mark.parametrize(("step", "kept"), [("prepare", False), ("settle", True)])
def test_a_kill_at_any_step_of_the_head_write_still_opens_and_loses_no_acknowledged_case(
    store, step, kept
):
    _die_during_head_write(store.folder, step)
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 0, result.stderr
    assert ("Late" in result.stdout) is kept  # committed, or never acknowledged
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout
    # The open settled the head: one record holds a seed, the other names the same event.
    records = _head_records(store)
    assert len({r.head.seq for r in records}) == 1
    assert sum(r.head.seed is not None for r in records) == 1


def _rewrite_with_saved_head(agency, saved: bytes, summary: str) -> int:
    """An insider kept a copy of `audit-head` (their own sign-in makes it readable); later
    events were written by others. With the copy's seed they rewrite the first later event,
    sign it and every one after it again, and put the copy back. Returns the rewritten seq."""
    with agency.sign_in("carl") as us:
        store = us.store
        raw_key = bytes(store._key)
        store_id = store.store_id
        store.engine.dispose()
    live = (agency.folder / HEAD_FILE).read_bytes()
    (agency.folder / HEAD_FILE).write_bytes(saved)
    old = AuditHeadFile(agency.folder / HEAD_FILE, raw_key, store_id).read()
    (agency.folder / HEAD_FILE).write_bytes(live)
    with agency.sign_in("carl") as us:
        with us.store.engine.begin() as conn:
            rows = conn.execute(
                text("SELECT * FROM audit_events WHERE seq > :s ORDER BY seq"), {"s": old.seq}
            ).all()
            prev, seed = old.hash, old.seed
            for r in rows:
                new_summary = summary if r.seq == rows[0].seq else r.summary
                key = public_key_hex(evolve(seed))
                h = event_hash(
                    prev, r.seq, r.at, r.user_id, r.username, r.action, r.case_id, new_summary, key
                )
                sig = Ed25519PrivateKey.from_private_bytes(seed).sign(bytes.fromhex(h)).hex()
                conn.execute(
                    text(
                        "UPDATE audit_events SET summary=:m, prev_hash=:p, hash=:h, next_key=:k, "
                        "sig=:g WHERE seq=:s"
                    ),
                    {"m": new_summary, "p": prev, "h": h, "k": key, "g": sig, "s": r.seq},
                )
                prev, seed = h, evolve(seed)
        us.store.engine.dispose()
    (agency.folder / HEAD_FILE).write_bytes(saved)
    return rows[0].seq


def test_an_older_head_put_back_to_rewrite_later_events_is_refused(store):
    saved = (store.folder / HEAD_FILE).read_bytes()
    _register(store, 2, user="cara")  # a colleague's work, after the copy was made
    target = _rewrite_with_saved_head(store, saved, "nothing happened")
    before = _store_state(store.folder)
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 1, result.stdout
    assert "older than the database" in result.stderr and "ulinzi check" in result.stderr
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 1 and "sound" not in result.stdout
    assert f"it ends at audit event {target - 1}, the database at" in result.stdout
    assert _store_state(store.folder) == before


def test_an_older_head_put_back_alone_is_refused_until_accepted(store):
    saved = (store.folder / HEAD_FILE).read_bytes()
    _register(store, 2, user="cara")
    (store.folder / HEAD_FILE).write_bytes(saved)
    for user in ("cara", "admin"):
        result = run_signed_in(store.folder, "cases", user=user)
        assert result.returncode == 1 and "older than the database" in result.stderr
    result = _accept(store)
    assert result.returncode == 0, result.stderr
    assert "were not in the audit head" in result.stdout
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout


def _forge_restart(agency, at: int, sign_root=None) -> None:  # type: ignore[no-untyped-def]
    """The insider's forged "signing restarted" root at event `at`, written through SQL with
    the store's key: every later event re-signed with keys of their own, the head re-sealed.
    `sign_root(hash_hex)` gives the root a signature (none by default)."""
    with agency.sign_in("carl") as us:
        store = us.store
        raw_key = bytes(store._key)
        with store.engine.begin() as conn:
            rows = conn.execute(
                text("SELECT * FROM audit_events WHERE seq >= :s ORDER BY seq"), {"s": at}
            ).all()
            prev = conn.execute(
                text("SELECT hash FROM audit_events WHERE seq = :s"), {"s": at - 1}
            ).scalar() or genesis_hash(store.store_id)
            seed = hashlib.sha256(b"insider").digest()
            for r in rows:
                if r.seq == at:
                    action, key, sig, summary = (
                        "audit.signing_started",
                        public_key_hex(seed),
                        None,
                        "",
                    )
                    summary = "signing restarted: events 3 to 4 lost"
                else:
                    action, summary = r.action, r.summary
                    signing, seed = seed, evolve(seed)
                    key = public_key_hex(seed)
                h = event_hash(
                    prev, r.seq, r.at, r.user_id, r.username, action, r.case_id, summary, key
                )
                if r.seq != at:
                    sig = Ed25519PrivateKey.from_private_bytes(signing).sign(bytes.fromhex(h)).hex()
                elif sign_root is not None:
                    sig = sign_root(h)
                conn.execute(
                    text(
                        "UPDATE audit_events SET action=:a, summary=:m, prev_hash=:p, hash=:h, "
                        "next_key=:k, sig=:g WHERE seq=:s"
                    ),
                    {"a": action, "m": summary, "p": prev, "h": h, "k": key, "g": sig, "s": r.seq},
                )
                prev = h
        head_file = AuditHeadFile(agency.folder / HEAD_FILE, raw_key, store.store_id)
        old = head_file.read()
        head_file.write(replace(old, seq=rows[-1].seq, hash=prev, seed=seed, verified=rows[-1].seq))
        store.engine.dispose()


def test_a_forged_restart_in_the_middle_of_the_history_is_not_sound(store):
    target = _last_seq(store) - 3
    _forge_restart(store, target)
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 1, result.stdout
    assert f"RESTARTED at event {target}" in result.stdout
    assert "--against" in result.stdout and "sound" not in result.stdout


def test_a_restart_after_an_accepted_loss_and_a_restored_backup_are_sound(store, tmp_path):
    saved = (store.folder / HEAD_FILE).read_bytes()
    _register(store, 1, user="cara")
    (store.folder / HEAD_FILE).write_bytes(saved)
    assert _accept(store).returncode == 0
    _register(store, 1, user="cara")
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "signing restarted at event" in result.stdout, result.stdout
    assert "RESTARTED" not in result.stdout
    # A backup's copy ends with a root of its own: restored, it is this store's own restart.
    backup = tmp_path / "b.age"
    stdin = f"{PASSWORD}\n{store.recovery_key}\n"
    assert run_signed_in(store.folder, "backup", "--to", str(backup), stdin=stdin).returncode == 0
    restored = tmp_path / "restored"
    result = run_cli(
        "restore", str(backup), "--into", str(restored), "--password-stdin",
        stdin=store.recovery_key + "\n",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    _register(replace(store, folder=restored), 1, user="cara")
    result = run_signed_in(restored, "check")
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout
    assert "RESTARTED" not in result.stdout


def test_check_or_any_command_on_a_refused_store_changes_no_file_not_even_the_journal(store):
    """The review's `check` folded the WAL into ulinzi.db and deleted -wal and -shm on close."""
    _crash_after_registering(store.folder, 2)  # the last changes are only in the WAL
    (store.folder / HEAD_FILE).unlink()  # refused: its head is gone
    before = _store_state(store.folder)
    assert {DB_FILE + "-wal", DB_FILE + "-shm", "throttle.json", "keyslots.json"} <= set(before)
    for user in ("admin", "cara"):
        result = run_signed_in(store.folder, "check", user=user)
        assert result.returncode == 1 and "missing or damaged" in result.stdout
        assert _store_state(store.folder) == before, user
        result = run_signed_in(store.folder, "cases", user=user)  # any command refused
        assert result.returncode == 1 and "missing or damaged" in result.stderr
        assert _store_state(store.folder) == before, user
    # A wrong password for `check` is still counted (and only the failed-login record changes).
    result = run_signed_in(store.folder, "check", user="cara", stdin="wrong password\n")
    assert result.returncode == 1 and "not correct" in result.stderr
    after = _store_state(store.folder)
    assert after.pop("throttle.json") != before.pop("throttle.json")
    assert after == before
    # The evidence is still whole: accepted, the changes only the WAL held are there.
    assert _accept(store).returncode == 0
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 0 and "Late1" in result.stdout, result.stdout


def test_an_older_database_and_its_own_head_put_back_together_differ_from_a_later_backup(
    store, tmp_path
):
    """A design limit (README, "What only --against can catch"): both files of an older moment
    agree with each other, so only an anchor that left the PC since can tell."""
    with store.sign_in("admin"):  # closing checkpoints the WAL into ulinzi.db
        pass
    older = {name: (store.folder / name).read_bytes() for name in (DB_FILE, HEAD_FILE)}
    _register(store, 2)
    backup = tmp_path / "usb" / "backup.age"
    backup.parent.mkdir()
    stdin = f"{PASSWORD}\n{store.recovery_key}\n"
    assert run_signed_in(store.folder, "backup", "--to", str(backup), stdin=stdin).returncode == 0
    for leftover in ("-wal", "-shm"):
        (store.folder / (DB_FILE + leftover)).unlink(missing_ok=True)
    for name, data in older.items():
        (store.folder / name).write_bytes(data)

    result = run_signed_in(store.folder, "check", "--against", str(backup), stdin=stdin)
    assert result.returncode == 1, result.stdout
    assert "DIFFERS: the history ends at event" in result.stdout
    assert "sound" not in result.stdout


# -- attacks kept as tests: forged restarts listed in the head, odd heads, refused stores ------


def _forge_restart_listed_in_head(agency, at: int) -> None:
    """As `_forge_restart`, but the insider also lists the forged root among the store's own
    roots in the head they re-seal (the head's sealing key comes from the raw key they hold)."""
    _forge_restart(agency, at)
    with agency.sign_in("carl") as us:
        raw_key, store_id = bytes(us.store._key), us.store.store_id
        us.store.engine.dispose()
    head_file = AuditHeadFile(agency.folder / HEAD_FILE, raw_key, store_id)
    head = head_file.read()
    head_file.write(replace(head, roots=(*head.roots, at)))


def test_a_forged_restart_listed_in_a_re_sealed_head_is_not_sound(store):
    target = _last_seq(store) - 3
    _forge_restart_listed_in_head(store, target)
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 1, result.stdout
    assert "sound" not in result.stdout


@pytest.mark.parametrize(
    "odd",
    [b"", b"ULZH", b"ULZH\x03" + b"\xff" * 507, bytes(512), b"\x00ULZH" * 200, b"ULZH\x09" * 64],
    ids=["empty", "magic-only", "version3-garbage", "zeros", "shifted-magic", "unknown-version"],
)
def test_odd_bytes_in_the_head_file_are_refused_as_a_damaged_head_and_change_no_file(store, odd):
    (store.folder / HEAD_FILE).write_bytes(odd)
    before = _store_state(store.folder)
    for command in ("cases", "check"):
        result = run_signed_in(store.folder, command, user="cara")
        assert result.returncode == 1, result.stdout
        assert "missing or damaged" in result.stdout + result.stderr
        assert "Traceback" not in result.stderr and "sound" not in result.stdout
    assert _store_state(store.folder) == before


def test_a_head_torn_in_its_second_record_still_opens_sound(store):
    records = _head_records(store)  # (signing in writes events: read the file after it)
    data = bytearray((store.folder / HEAD_FILE).read_bytes())
    seeded = next(r for r in records if r.head.seed is not None)
    other = 256 if seeded.offset == 0 else 0
    data[other : other + 256] = b"\xa5" * 256  # a torn write of the record without the seed
    (store.folder / HEAD_FILE).write_bytes(bytes(data))
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 0, result.stderr
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout


def test_the_head_of_another_store_is_refused(store, tmp_path):
    other = make_agency(tmp_path / "other")
    (store.folder / HEAD_FILE).write_bytes((other.folder / HEAD_FILE).read_bytes())
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 1 and "missing or damaged" in result.stderr


def test_a_deleted_wal_holding_acknowledged_cases_is_refused_as_an_older_copy(store):
    _crash_after_registering(store.folder, 2)
    (store.folder / (DB_FILE + "-wal")).unlink()
    (store.folder / (DB_FILE + "-shm")).unlink()
    before = _store_state(store.folder)
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 1 and "older copy" in result.stderr, result.stderr
    assert _store_state(store.folder) == before


def test_a_deleted_shm_alone_is_rebuilt_and_loses_nothing(store):
    _crash_after_registering(store.folder, 2)
    (store.folder / (DB_FILE + "-shm")).unlink()
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 0, result.stderr
    assert "Late0" in result.stdout and "Late1" in result.stdout


def test_a_refused_store_whose_shm_was_deleted_keeps_its_wal_and_database_as_found(store):
    _crash_after_registering(store.folder, 2)
    (store.folder / (DB_FILE + "-shm")).unlink()
    (store.folder / HEAD_FILE).unlink()
    before = _store_state(store.folder)
    for command in ("check", "cases"):
        result = run_signed_in(store.folder, command, user="cara")
        assert result.returncode == 1 and "missing or damaged" in result.stdout + result.stderr
        after = _store_state(store.folder)
        after.pop(DB_FILE + "-shm", None)  # SQLite must make one to read the WAL (documented)
        assert after == before, command


def test_an_older_wal_put_back_over_a_newer_database_is_refused(store):
    _crash_after_registering(store.folder, 1)
    older_wal = (store.folder / (DB_FILE + "-wal")).read_bytes()
    with store.sign_in("admin"):  # folds the WAL in
        pass
    _crash_after_registering(store.folder, 1)
    (store.folder / (DB_FILE + "-wal")).write_bytes(older_wal)
    (store.folder / (DB_FILE + "-shm")).unlink(missing_ok=True)
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr


def test_a_caseworker_accepting_a_sound_store_as_current_is_refused_and_audited(store):
    result = run_signed_in(store.folder, "check", "--accept-current", user="cara")
    assert result.returncode == 1 and "permission" in result.stderr
    with store.sign_in("admin") as us, us.store.read() as s:
        denied = s.execute(
            text(
                "SELECT count(*) FROM audit_events WHERE username = 'cara' AND action LIKE '%denied%'"
            )
        ).scalar_one()
        restarted = s.execute(
            text("SELECT count(*) FROM audit_events WHERE action = 'store.rollback_accepted'")
        ).scalar_one()
    assert denied == 1 and restarted == 0


def test_kill_9_at_random_moments_of_a_loop_of_writes_loses_no_acknowledged_case(store):
    """A power cut at any moment: the program registers cases one after another and says each
    number once its commit returned; it is killed at a random moment, again and again. Every
    number it said is there, and every open after the kill is sound."""
    import os
    import random
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    code = (
        "import sys\n"
        "from desktop import accounts, cases\n"
        f"us = accounts.sign_in({str(store.folder)!r}, 'cara', {PASSWORD!r})\n"
        "print('ready', flush=True)\n"
        "i = 0\n"
        "while True:\n"
        "    n = cases.register_case(us, given_name=f'Kill{i}', family_name='Child').case_number\n"
        "    print(n, flush=True)\n"
        "    i += 1\n"
    )
    rng = random.Random(19)
    said: list[str] = []
    for _ in range(6):
        proc = subprocess.Popen(
            [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        said += [line for line in out.split() if line]
        result = run_signed_in(store.folder, "cases", user="cara")
        assert result.returncode == 0, result.stderr
        missing = [n for n in said if n not in result.stdout]
        assert missing == [], missing
    assert said  # the kills did land between acknowledged writes
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout


def test_events_cut_off_the_end_behind_a_forged_root_listed_in_the_head_are_caught(store):
    from db.audit import branch_root

    hidden = _register(store, 1, user="cara")[0]  # the registration the insider hides
    with store.sign_in("cara") as us:
        raw_key, store_id = bytes(us.store._key), us.store.store_id
        with us.store.engine.begin() as conn:
            first = conn.execute(
                text(
                    "SELECT min(seq) FROM audit_events WHERE action = 'case.registered'"
                    " AND summary LIKE :n"
                ),
                {"n": f"%{hidden}%"},
            ).scalar()
            if first is None:  # whatever the summary says: the last registration
                first = conn.execute(
                    text("SELECT max(seq) FROM audit_events WHERE action = 'case.registered'")
                ).scalar()
            conn.execute(text("DELETE FROM audit_events WHERE seq >= :s"), {"s": first})
            prev = conn.execute(
                text("SELECT hash FROM audit_events WHERE seq = :s"), {"s": first - 1}
            ).scalar()
            seed = hashlib.sha256(b"insider").digest()
            root = branch_root(first - 1, prev, seed, "signing restarted: nothing lost")
            conn.execute(
                text(
                    "INSERT INTO audit_events (seq, at, user_id, username, action, case_id, "
                    "summary, prev_hash, hash, next_key, sig) VALUES (:seq, :at, :user_id, "
                    ":username, :action, :case_id, :summary, :prev_hash, :hash, :next_key, :sig)"
                ),
                root,
            )
        us.store.engine.dispose()
    head_file = AuditHeadFile(store.folder / HEAD_FILE, raw_key, store_id)
    head = head_file.read()
    head_file.write(
        replace(head, seq=first, hash=root["hash"], seed=seed, verified=first,
                roots=(*head.roots, first))
    )  # fmt: skip
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 1, result.stdout
    assert "sound" not in result.stdout


def test_check_against_a_tampered_backup_or_another_stores_backup_is_unreadable(store, tmp_path):
    stdin = f"{PASSWORD}\n{store.recovery_key}\n"
    backup = tmp_path / "backup.age"
    assert run_signed_in(store.folder, "backup", "--to", str(backup), stdin=stdin).returncode == 0
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.age"
    tampered.write_bytes(bytes(data))
    other = make_agency(tmp_path / "other")
    theirs = tmp_path / "theirs.age"
    result = run_signed_in(
        other.folder, "backup", "--to", str(theirs), stdin=f"{PASSWORD}\n{other.recovery_key}\n"
    )
    assert result.returncode == 0, result.stderr
    for path, key in ((tampered, store.recovery_key), (theirs, other.recovery_key)):
        result = run_signed_in(
            store.folder, "check", "--against", str(path), stdin=f"{PASSWORD}\n{key}\n"
        )
        assert result.returncode == 1, result.stdout
        assert "is not a backup or a receipt" in result.stderr
        assert "sound" not in result.stdout and "Traceback" not in result.stderr


def test_a_second_program_is_refused_while_one_holds_the_store_even_without_its_lock_file(store):
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys\n"
        "from desktop import accounts\n"
        f"us = accounts.sign_in({str(store.folder)!r}, 'cara', {PASSWORD!r})\n"
        "print('ready', flush=True)\n"
        "sys.stdin.readline()\n"
        "us.close()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ready"
        for lock in ("ulinzi.lock", "ulinzi.lock.json"):  # deleting the lock lets nobody in
            (store.folder / lock).unlink(missing_ok=True)
        before = _store_state(store.folder)
        for command in ("cases", "check", "cases"):
            result = run_signed_in(store.folder, command, user="carl")
            assert result.returncode == 1, result.stdout
            assert "Traceback" not in result.stderr and "sound" not in result.stdout
        assert _store_state(store.folder) == before
    finally:
        holder.communicate("\n", timeout=60)
    assert holder.returncode == 0
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout


def test_many_accepted_losses_are_all_the_stores_own_restarts(store):
    from db.audit import MAX_ROOTS

    for _ in range(MAX_ROOTS + 2):
        with store.sign_in("admin") as us:
            us.store.accept_database_as_current(recovery_code=store.recovery_key)
    result = run_signed_in(store.folder, "check")
    assert "RESTARTED" not in result.stdout, result.stdout
    assert result.returncode == 0 and "The store is sound." in result.stdout


@pytest.mark.parametrize("step", ["_start_signing", "_migrate_if_needed"])
def test_a_kill_during_accept_current_leaves_a_store_refused_until_accepted_again(store, step):
    saved = (store.folder / HEAD_FILE).read_bytes()
    _register(store, 1, user="cara")
    (store.folder / HEAD_FILE).write_bytes(saved)  # refused: an older head put back
    target = (
        "Store._start_signing" if step == "_start_signing" else "store_module._migrate_if_needed"
    )
    code = (
        "import os, signal\n"
        "import db.store as store_module\n"
        "from db.store import Store\n"
        "from desktop import accounts\n"
        "def die(*args, **kwargs):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        f"us = accounts.sign_in({str(store.folder)!r}, 'admin', {PASSWORD!r}, verify_head=False)\n"
        f"{target} = die\n"
        "us.store.accept_database_as_current()\n"
    )
    result = run_python(code)
    assert result.returncode == -9, result.stderr
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stdout
    result = _accept(store)
    assert result.returncode == 0, result.stderr
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout


def test_a_wal_truncated_in_its_last_frame_is_reported_as_damage_naming_the_lost_case(store):
    _crash_after_registering(store.folder, 2)
    wal = store.folder / (DB_FILE + "-wal")
    with open(wal, "r+b") as f:  # the last acknowledged commit's frame torn off at its end
        f.truncate(wal.stat().st_size - 100)
    before = _store_state(store.folder)
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr and "Late1" not in result.stdout
    assert _store_state(store.folder) == before
    assert "journal of recent changes is damaged" in result.stderr, result.stderr
    assert "KGL-" in result.stderr  # names the missing case


def test_every_command_on_a_refused_store_changes_no_file(store, tmp_path):
    _crash_after_registering(store.folder, 1)  # the last change only in the WAL
    saved = (store.folder / HEAD_FILE).read_bytes()
    _crash_after_registering(store.folder, 1)
    (store.folder / HEAD_FILE).write_bytes(saved)  # refused: an older head put back
    before = _store_state(store.folder)
    new = "a brand new password 19"
    recovery = f"{PASSWORD}\n{store.recovery_key}\n"
    attempts = [
        (("agency", "list"), "admin", PASSWORD + "\n"),
        (("user", "list"), "admin", PASSWORD + "\n"),
        (("forms", "list"), "admin", PASSWORD + "\n"),
        (("backup", "--to", str(tmp_path / "b.age")), "admin", recovery),
        (("rekey",), "admin", PASSWORD + "\n"),
        (("user", "passwd"), "cara", f"{PASSWORD}\n{new}\n{new}\n"),
        (("cases",), "sam", PASSWORD + "\n"),
    ]
    for args, user, stdin in attempts:
        result = run_signed_in(store.folder, *args, user=user, stdin=stdin)
        assert result.returncode == 1, (args, result.stdout)
        assert "older than the database" in result.stderr, (args, result.stderr)
        assert _store_state(store.folder) == before, args
    result = run_cli(
        "recover", "--store", str(store.folder), "--user", "cara", "--password-stdin",
        stdin=f"{store.recovery_key}\n{new}\n{new}\n",
    )  # fmt: skip
    assert result.returncode == 1 and "older than the database" in result.stderr, result.stderr
    assert _store_state(store.folder) == before
    assert not (tmp_path / "b.age").exists()


@pytest.mark.parametrize("shm_bytes", ["older", "zeros", "garbage", "empty"])
def test_an_older_or_odd_shm_beside_a_newer_wal_loses_nothing_and_opens(store, shm_bytes):
    import random

    _crash_after_registering(store.folder, 1)
    shm = store.folder / (DB_FILE + "-shm")
    older = shm.read_bytes()
    _crash_after_registering(store.folder, 1)
    odd = {
        "older": older,
        "zeros": bytes(len(older)),
        "garbage": random.Random(19).randbytes(len(older)),
        "empty": b"",
    }[shm_bytes]
    shm.write_bytes(odd)
    assert (store.folder / (DB_FILE + "-wal")).stat().st_size > 0  # the changes wait in the WAL
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Late0") == 2, result.stdout
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout


def test_after_a_deleted_head_is_accepted_the_stores_earlier_restarts_are_still_its_own(store):
    saved = (store.folder / HEAD_FILE).read_bytes()
    _register(store, 1, user="cara")
    (store.folder / HEAD_FILE).write_bytes(saved)
    assert _accept(store).returncode == 0  # a restart
    _register(store, 1, user="cara")
    (store.folder / HEAD_FILE).unlink()
    result = _accept(store)
    assert result.returncode == 0, result.stderr
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout


def test_kill_9_during_backups_leaves_a_sound_store_and_the_next_backup_cleans_up(store, tmp_path):
    import os
    import random
    import signal
    import subprocess
    import sys

    from tests.conftest import ROOT

    usb = tmp_path / "usb"
    usb.mkdir()
    rng = random.Random(1919)
    stdin = f"{PASSWORD}\n{store.recovery_key}\n"
    args = ["--store", str(store.folder), "--user", "admin", "--password-stdin"]
    for i in range(4):
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop.main", "backup", "--to", str(usb / f"{i}.age"), *args],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        proc.stdin.write(stdin)
        proc.stdin.flush()
        try:
            proc.wait(timeout=rng.uniform(1.5, 4.0))
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        result = run_signed_in(store.folder, "check")
        assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout
    result = run_signed_in(store.folder, "backup", "--to", str(usb / "last.age"), stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert not [p.name for p in usb.iterdir() if p.name.startswith(".ulinzi-scratch-")]
    result = run_signed_in(store.folder, "check", "--against", str(usb / "last.age"), stdin=stdin)
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout


def test_check_against_a_tampered_receipt_is_unreadable(tmp_path):
    from desktop import exchange
    from tests.stories import exported

    agency = make_agency(tmp_path / "kgl")
    partner = make_agency(tmp_path / "mus", "Musanze District Office", "MUS")
    _, package = exported(agency, partner, tmp_path)
    with partner.sign_in("cara") as us:
        receipt = exchange.import_package(us, package.read_bytes()).receipt
    for where in (len(receipt) // 3, len(receipt) // 2, len(receipt) - 40):
        data = bytearray(receipt)
        data[where] ^= 0x01
        path = tmp_path / f"receipt-{where}.ulz"
        path.write_bytes(bytes(data))
        result = run_signed_in(agency.folder, "check", "--against", str(path))
        assert result.returncode == 1, result.stdout
        assert "is not a backup or a receipt" in result.stderr, result.stderr
        assert "sound" not in result.stdout and "Traceback" not in result.stderr
    # The partner's own copy of the receipt, checked against the partner's store: not its anchor.
    (tmp_path / "own.ulz").write_bytes(receipt)
    result = run_signed_in(partner.folder, "check", "--against", str(tmp_path / "own.ulz"))
    assert result.returncode == 1 and "sound" not in result.stdout, result.stdout


# -- 19, third review: restarts that prove themselves, refusals on a refused store --------------


def _restarted(agency) -> int:
    """An accepted loss: an older head put back, accepted with the recovery key. Returns the
    restart's event."""
    saved = (agency.folder / HEAD_FILE).read_bytes()
    _register(agency, 1, user="cara")
    (agency.folder / HEAD_FILE).write_bytes(saved)
    result = _accept(agency)
    assert result.returncode == 0, result.stderr
    with agency.sign_in("admin") as us, us.store.read() as s:
        return s.execute(
            text("SELECT max(seq) FROM audit_events WHERE action = 'audit.signing_started'")
        ).scalar()


def test_a_forged_restart_at_the_start_in_place_of_the_restart_key_is_not_sound(store):
    _forge_restart_listed_in_head(store, 2)  # event 2 names the store's restart key
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 1, result.stdout
    assert "RESTARTED at event 2" in result.stdout and "sound" not in result.stdout


def test_a_forged_restart_in_place_of_the_restart_key_is_not_laundered_as_an_upgrade(store):
    """The insider also deletes the restart key's setting, so the next open takes the store for
    one older than restart keys and writes the head's list into the chain as its own restarts."""
    _forge_restart_listed_in_head(store, 2)
    with store.sign_in("carl") as us:
        with us.store.engine.begin() as conn:
            conn.execute(text("DELETE FROM settings WHERE key = 'audit_restart_key'"))
        us.store.engine.dispose()
    assert run_signed_in(store.folder, "cases", user="cara").returncode == 0  # the "upgrade"
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 1, result.stdout
    assert "RESTARTED at event 2" in result.stdout and "sound" not in result.stdout


def test_a_forged_restart_signed_with_a_key_of_the_insiders_own_is_not_sound(store):
    mine = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"my restart key").digest())
    target = _last_seq(store) - 3
    _forge_restart(store, target, lambda h: mine.sign(bytes.fromhex(h)).hex())
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 1, result.stdout
    assert f"RESTARTED at event {target}" in result.stdout


def test_a_signed_acceptance_replayed_later_in_the_history_is_not_sound(store):
    accepted = _restarted(store)
    _register(store, 2, user="cara")
    with store.sign_in("admin") as us, us.store.read() as s:
        genuine = s.execute(
            text("SELECT sig FROM audit_events WHERE seq = :s"), {"s": accepted}
        ).scalar()
    assert genuine  # the acceptance is signed (by the restart key)
    target = _last_seq(store) - 2
    _forge_restart(store, target, lambda h: genuine)
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 1, result.stdout
    assert f"RESTARTED at event {target}" in result.stdout
    assert f"RESTARTED at event {accepted}" not in result.stdout  # the genuine one still is


def test_an_acceptance_with_a_wrong_recovery_key_changes_nothing(store):
    from db.recovery_code import new_recovery_code

    saved = (store.folder / HEAD_FILE).read_bytes()
    _register(store, 1, user="cara")
    (store.folder / HEAD_FILE).write_bytes(saved)
    before = _store_state(store.folder)
    result = _accept(store, new_recovery_code())
    assert result.returncode == 1 and "does not open this store" in result.stderr, result.stderr
    assert _store_state(store.folder) == before
    result = _accept(store, "not a recovery key")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert _store_state(store.folder) == before


def test_accepting_without_the_recovery_key_opens_the_store_and_check_names_the_restart(store):
    saved = (store.folder / HEAD_FILE).read_bytes()
    _register(store, 1, user="cara")
    (store.folder / HEAD_FILE).write_bytes(saved)
    result = _accept(store, "")  # the recovery key is lost
    assert result.returncode == 0, result.stderr
    assert "reports this restart as not proven" in result.stdout
    assert run_signed_in(store.folder, "cases", user="cara").returncode == 0  # work goes on
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 1 and "RESTARTED at event" in result.stdout, result.stdout


def test_a_new_recovery_key_signs_the_next_acceptance_and_the_old_one_does_not(store):
    from desktop import accounts

    old_code = store.recovery_key
    with store.sign_in("admin") as us:
        new_code = accounts.new_recovery_key(us, kdf=FAST_KDF)
    saved = (store.folder / HEAD_FILE).read_bytes()
    _register(store, 1, user="cara")
    (store.folder / HEAD_FILE).write_bytes(saved)
    result = _accept(store, old_code)
    assert result.returncode == 1 and "does not open this store" in result.stderr
    result = _accept(store, new_code)
    assert result.returncode == 0, result.stderr
    assert "not proven" not in result.stdout
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout


def test_a_store_from_before_restart_keys_opens_names_one_and_keeps_only_its_listed_restarts(
    tmp_path, monkeypatch
):
    """A store whose head is of the current version but whose chain names no restart key
    (written before restart keys): its restarts were listed in the head. Its first open names
    a restart key and writes that list into the chain; an unlisted restart is still reported."""
    from db.store import Store

    monkeypatch.setattr(Store, "_name_restart_key", lambda *a, **k: None)  # the older program
    monkeypatch.setattr(Store, "_restart_key_named", lambda *a, **k: True)
    monkeypatch.setattr("db.store.CREATED_WITH_RESTART_KEYS", "store created")
    store = make_agency(tmp_path / "old")
    _register(store, 3)
    listed = _last_seq(store) - 2
    _forge_restart_listed_in_head(store, listed)  # as the old acceptance listed its restart
    _register(store, 1, user="cara")
    monkeypatch.undo()

    result = run_signed_in(store.folder, "cases", user="cara")  # the upgrade, by a caseworker
    assert result.returncode == 0, result.stderr
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout
    with store.sign_in("admin") as us, us.store.read() as s:
        named = s.execute(
            text("SELECT summary FROM audit_events WHERE action = 'audit.restart_key'")
        ).scalar_one()
    assert named.endswith(f"; earlier restarts: {listed}")
    # Restarts after the upgrade prove themselves: an accepted loss is sound, a forged one not.
    _restarted(store)
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout
    target = _last_seq(store) - 1
    _forge_restart_listed_in_head(store, target)
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 1 and f"RESTARTED at event {target}" in result.stdout


def test_a_history_replaced_from_its_first_event_is_caught_against_a_backup(store, tmp_path):
    """The limit that stays (README, "What only --against can catch"): a history re-rooted at
    event 1, restart key and all, proves nothing false on the PC; a backup made before does."""
    backup = tmp_path / "backup.age"
    stdin = f"{PASSWORD}\n{store.recovery_key}\n"
    assert run_signed_in(store.folder, "backup", "--to", str(backup), stdin=stdin).returncode == 0
    _forge_restart_listed_in_head(store, 1)
    result = run_signed_in(store.folder, "check", "--against", str(backup), stdin=stdin)
    assert result.returncode == 1 and "DIFFERS" in result.stdout, result.stdout


def test_a_write_just_before_rekey_closes_the_store_is_in_the_new_head(store, monkeypatch):
    """`rekey` read the head before making sure nothing else could write: a write landing in
    between left the re-keyed head behind the database, refused as an older copy."""
    from db.audit import append_event
    from db.store import Store
    from desktop import accounts

    original = Store.require_sole_process
    calls: list[int] = []

    def a_write_lands_first(self):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:  # the check inside Store.rekey (the first is accounts.rekey's)
            with self.write() as s:
                append_event(s, store_id=self.store_id, user_id=None, username="", action="late")
        original(self)

    monkeypatch.setattr(Store, "require_sole_process", a_write_lands_first)
    with store.sign_in("admin") as us:
        accounts.rekey(us)
    monkeypatch.undo()
    assert len(calls) == 2
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout


def test_a_case_number_whose_registration_was_cut_off_after_its_head_is_not_issued_again(store):
    """Killed after the head named the new case number and before the commit: the older head
    record is the live one, but the number it had reached may have been seen; it is skipped."""
    (issued,) = _register(store, 1)
    _die_during_head_write(store.folder, "prepare")  # would have been issued + 1
    (again,) = _register(store, 1)
    serial = int(issued.rsplit("-", 1)[1])
    assert int(again.rsplit("-", 1)[1]) == serial + 2, (issued, again)
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 0 and "The store is sound." in result.stdout, result.stdout


# -- 19.3: the sealed file of refusals kept for the next open -----------------------------------


def _deferred_actions(store) -> list[str]:
    with store.sign_in("admin") as us, us.store.read() as s:
        return list(
            s.execute(
                text("SELECT action FROM audit_events WHERE action LIKE 'audit.deferred%'")
            ).scalars()
        )


def test_a_refusal_on_a_refused_store_is_still_a_plain_refusal_with_a_folder_in_its_way(store):
    """Where the refusals of a refused store wait, a folder with something in it: the
    refusal could not be kept, and the caseworker's command crashed. It is still refused in
    plain words, and the next open says the record of refusals was unreadable."""
    saved = (store.folder / HEAD_FILE).read_bytes()
    _register(store, 1)
    (store.folder / HEAD_FILE).write_bytes(saved)  # refused: an older head put back
    (store.folder / "audit-deferred").mkdir()
    (store.folder / "audit-deferred" / "x").write_text("x")
    result = run_signed_in(
        store.folder, "check", "--accept-current", user="cara", stdin=f"{PASSWORD}\n\n"
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "You do not have permission to accept the database" in result.stderr


@pytest.mark.parametrize("kind", ["folder", "pipe", "link to /dev/zero", "huge file"])
def test_a_deferred_refusals_file_that_is_no_plain_file_never_stops_the_store(store, kind):
    """Whoever can write in the store's folder can put anything where the sealed refusals wait.
    A folder there crashed every command, a pipe hung it, a link to /dev/zero filled memory:
    now each is recorded once as unreadable, taken away, and the store opens."""
    import os

    place = store.folder / "audit-deferred"
    if kind == "folder":
        place.mkdir()
    elif kind == "pipe":
        os.mkfifo(place)
    elif kind == "link to /dev/zero":
        place.symlink_to("/dev/zero")
    else:
        with place.open("wb") as f:
            f.truncate(300 * 1024 * 1024)  # sparse: nothing is written
    result = run_signed_in(store.folder, "cases", user="cara")
    assert result.returncode == 0, result.stderr
    assert not place.exists() and not place.is_symlink()
    assert _deferred_actions(store) == ["audit.deferred_unreadable"]
    assert run_signed_in(store.folder, "check").returncode == 0


def test_a_sealed_deferred_record_of_anything_but_a_refusal_is_unreadable(store):
    """The file's key derives from the database key, which any signed-in person holds: an
    event they sealed by hand (a time that is not one, an action of their choosing) crashed
    every open. It is now refused as a whole and recorded as unreadable."""
    import json
    import secrets as token

    from db.deferred import DeferredEvents
    from db.files import atomic_write
    from desktop import accounts

    us = accounts.sign_in(store.folder, "carl", PASSWORD)
    deferred = DeferredEvents(store.folder, us.store._raw_key(), us.store.store_id)
    us.close()
    for event in (
        {"at": 0, "user_id": 1, "username": "admin", "action": "permission.denied", "summary": ""},
        {"at": "2026-12-07T10:00:00", "user_id": 1, "username": "admin",
         "action": "audit.signing_started", "summary": "forged"},
        # Each of these passed the file's checks and could not be written: every open of the
        # store, by anyone, stopped on it.
        {"at": "2026-12-07T10:00:00", "user_id": 2**70, "username": "admin",
         "action": "permission.denied", "summary": "a number no row has"},
        {"at": "2026-12-07T10:00:00", "user_id": 1, "username": "admin",
         "action": "permission.denied", "summary": "half a character: \ud800"},
    ):  # fmt: skip
        body = json.dumps({"events": [event], "dropped": 0}).encode()
        nonce = token.token_bytes(12)
        atomic_write(deferred.path, nonce + deferred._aead.encrypt(nonce, body, deferred._aad))
        result = run_signed_in(store.folder, "cases", user="cara")
        assert result.returncode == 0, result.stderr
        assert not deferred.path.exists()
    assert _deferred_actions(store) == ["audit.deferred_unreadable"] * 4
    assert run_signed_in(store.folder, "check").returncode == 0


@pytest.mark.parametrize("change", ["deleted", "replaced by the insider's own key"])
def test_an_insider_changing_the_restart_key_row_cannot_make_a_signed_acceptance_look_forged(
    store, change
):
    """The restart key's sealed half is a settings row, which anyone signed in can delete, or
    fill with a key of their own sealed to the recovery slot (no secret needed). An acceptance
    after that was signed by nothing, or by the insider's key, with no word to the
    administrator, and `check` called it forged for ever. The chain (not the row) now says
    which key the store has: the administrator is told this acceptance cannot be signed, and
    the next acceptance is signed by the key named after it."""
    import json

    from db.audit import new_seed
    from db.store import _restart_purpose

    saved = (store.folder / HEAD_FILE).read_bytes()
    with store.sign_in("carl") as us, us.store.engine.begin() as conn:  # a caseworker
        if change == "deleted":
            conn.execute(text("DELETE FROM settings WHERE key = 'audit_restart_key'"))
        else:
            private = new_seed()
            public = public_key_hex(private)
            sealed = us.store.slots.seal_for_recovery(private, _restart_purpose(public))
            conn.execute(
                text("UPDATE settings SET value = :v WHERE key = 'audit_restart_key'"),
                {"v": json.dumps({"public": public, "sealed": sealed})},
            )
    (store.folder / HEAD_FILE).write_bytes(saved)  # refused: an older head put back
    result = _accept(store)
    assert result.returncode == 0, result.stderr
    assert "restart key was removed from the database, or replaced" in result.stdout
    assert "not proven" in result.stdout
    result = run_signed_in(store.folder, "check")
    assert result.returncode == 1 and "RESTARTED at event" in result.stdout, result.stdout
    # The key named after that restart signs the next one.
    saved = (store.folder / HEAD_FILE).read_bytes()
    _register(store, 1)
    (store.folder / HEAD_FILE).write_bytes(saved)
    result = _accept(store)
    assert result.returncode == 0 and "not proven" not in result.stdout, result.stdout
    restarts = run_signed_in(store.folder, "check").stdout
    assert restarts.count("RESTARTED at event") == 1, restarts


def test_a_power_cut_after_the_deferred_refusals_are_recorded_does_not_record_them_twice(store):
    """The refusals met while the store was refused are appended in one unit of work, then their
    file is deleted: killed between the two, the next open appended them all again."""
    saved = (store.folder / HEAD_FILE).read_bytes()
    _register(store, 1)
    (store.folder / HEAD_FILE).write_bytes(saved)
    refused = run_signed_in(
        store.folder, "check", "--accept-current", user="cara", stdin=f"{PASSWORD}\n\n"
    )
    assert refused.returncode == 1 and (store.folder / "audit-deferred").exists()
    code = (
        "import os, signal\n"
        "from db.deferred import DeferredEvents\n"
        "from desktop import accounts\n"
        "DeferredEvents.remove = lambda self: os.kill(os.getpid(), signal.SIGKILL)\n"
        f"us = accounts.sign_in({str(store.folder)!r}, 'admin', {PASSWORD!r}, verify_head=False)\n"
        f"us.store.accept_database_as_current(recovery_code={store.recovery_key!r})\n"
    )
    assert run_python(code).returncode == -9
    assert run_signed_in(store.folder, "cases", user="cara").returncode == 0
    assert not (store.folder / "audit-deferred").exists()
    with store.sign_in("admin") as us, us.store.read() as s:
        refusals = s.execute(
            text("SELECT summary FROM audit_events WHERE action = 'permission.denied'")
        ).scalars()
        assert len([r for r in refusals if "while the store was refused" in r]) == 1


@pytest.mark.parametrize(
    ("file", "command"),
    [
        ("keyslots.json", ("agency", "identity")),
        ("ulinzi.db", ("report", "summary", "--case", "{number}")),
        ("a copy of the summary.pdf", ("report", "summary", "--case", "{number}")),
    ],
)
def test_no_command_writes_its_file_into_the_stores_folder(store, file, command):
    """A caseworker's `--out STORE/keyslots.json` replaced every key slot (nobody could open the
    store again), `--out STORE/ulinzi.db` wrote a PDF over the database, and any other name
    left a child's document in clear beside the store. Refused, and the store opens as before."""
    (number,) = _register(store, 1)
    keys, names = _sha(store.folder / "keyslots.json"), set(_store_files(store.folder))
    args = [a.format(number=number) for a in command]
    result = run_signed_in(store.folder, *args, "--out", str(store.folder / file), user="cara")
    assert result.returncode == 1 and "holds a Ulinzi store" in result.stderr, result.stderr
    assert set(_store_files(store.folder)) == names  # nothing new beside the store
    assert _sha(store.folder / "keyslots.json") == keys
    assert run_signed_in(store.folder, "check").returncode == 0  # the database opens, sound

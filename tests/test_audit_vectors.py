"""Every field of an audit event counts: known-answer vectors for the event hash, the evolving
signing key and the signed chain (fixed inputs give fixed hex, cross-checked by computing them
again here from the construction `db.audit` documents), and `check` reporting an event whose
time, action, person or case was changed."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import create_engine, select, text, update
from sqlalchemy.orm import Session

from db import audit
from db.models import AuditEvent
from desktop import cases
from tests.conftest import NAMES, PASSWORD

STORE_ID = "00000000-0000-4000-8000-00000000000a"
SEED = bytes(range(32))  # the root seed of the signed chain below
GENESIS = "581d9baab93f36e36ab959c05583d86ba0d7255204b6d8aa85b36efd3da45980"
EVENT = {
    "prev_hash": GENESIS,
    "seq": 1,
    "at": "2026-01-02T03:04:05.678901+00:00",
    "user_id": 7,
    "username": "cara",
    "action": "case.updated",
    "case_id": 42,
    "summary": "risk: high → medium",
}
EVENT_HASH = "e7af1c0065f0d12035a0a713c34f415ef0eef6372f525594dc99ff1beef3fff7"
PUBLIC = "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8"
EVOLVED = "2cff7eae21720b073736b88b6918b851f88136b35042288c663133b8a9f2b3d6"
# (seq, at, hash, next_key, sig) of a root event and two signed events.
CHAIN = [
    (
        1,
        "2026-01-02T03:04:05.000000+00:00",
        "6cf1fa70b30b0d41081a4112fda59a22ee79af4e66f34d23fa8d584ac144fd2e",
        PUBLIC,
        None,
    ),
    (
        2,
        "2026-01-02T03:04:06.000000+00:00",
        "ca0ff9aad7ad05c5a452d171ee787e460e9940d7f165c7e5beb0c39c2790bfab",
        "4cd45ba71182b72e45ad9a6409417403566af9b7a8e38eb7ce03ed4cde7a2a5b",
        "3ae93b02dc626c18891ca9c0b9906b5f9f89f086d89b4752ee5a50082fdeb1f3"
        "ea2c3475c55f14703d125eee5d2e975a1211a89aca1f83d420db6530060b0c05",
    ),
    (
        3,
        "2026-01-02T03:04:07.000000+00:00",
        "44086bb5a33ba3051954eb6112d087c7183eeb6ee5608dcd0b81d8798799d75d",
        "02acaa313b45534dc3b41e9d4429f70b7cc389e5e3c379cda9bc8f181e0be81a",
        "1c95a0bcf6a8ef827fa961b011e7d96a9bad8568d818949b0d032c10993a2406"
        "444afef4aaa97bdf4f999f5d1b5577f936681888413856df6862904191670600",
    ),
]


def _hash_as_documented(*fields: object) -> str:
    """The construction, written again: SHA-256 of the fields as a compact JSON array (UTF-8,
    not ASCII-escaped), in the order prev, seq, at, user id, username, action, case, summary
    (and, on signed events, the next key)."""
    body = json.dumps(list(fields), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


# -- the event hash ------------------------------------------------------------------------------


def test_a_fixed_event_has_the_recorded_hash():
    assert audit.genesis_hash(STORE_ID) == GENESIS
    assert hashlib.sha256(f"ulinzi audit genesis|{STORE_ID}".encode()).hexdigest() == GENESIS
    assert audit.event_hash(**EVENT) == EVENT_HASH
    assert _hash_as_documented(*EVENT.values()) == EVENT_HASH
    signed = audit.event_hash(**EVENT, next_key=PUBLIC)
    assert signed == _hash_as_documented(*EVENT.values(), PUBLIC) != EVENT_HASH


CHANGES = {
    "prev_hash": "681d9baab93f36e36ab959c05583d86ba0d7255204b6d8aa85b36efd3da45980",
    "seq": 2,
    "at": "2026-01-02T03:04:05.678902+00:00",  # one microsecond later
    "user_id": 8,
    "username": "carl",
    "action": "case.opened",
    "case_id": 43,
    "summary": "risk: high → low",
}


@pytest.mark.parametrize("field", list(CHANGES))
def test_changing_any_one_field_of_an_event_changes_its_hash(field):
    changed = {**EVENT, field: CHANGES[field]}
    assert audit.event_hash(**changed) != EVENT_HASH
    assert audit.event_hash(**changed) == _hash_as_documented(*changed.values())


def test_no_person_or_case_is_not_the_same_as_number_zero_and_fields_do_not_run_together():
    assert audit.event_hash(**{**EVENT, "user_id": None}) != audit.event_hash(
        **{**EVENT, "user_id": 0}
    )
    assert audit.event_hash(**{**EVENT, "case_id": None}) != audit.event_hash(
        **{**EVENT, "case_id": 0}
    )
    moved = {**EVENT, "username": "car", "action": "lcase.updated"}  # one letter moved over
    assert audit.event_hash(**moved) != EVENT_HASH
    assert audit.event_hash(**EVENT, next_key=PUBLIC) != audit.event_hash(**EVENT, next_key=EVOLVED)


# -- the evolving key ------------------------------------------------------------------------------


def test_the_signing_key_evolves_one_way_as_documented():
    assert audit.public_key_hex(SEED) == PUBLIC
    private = Ed25519PrivateKey.from_private_bytes(SEED)
    assert private.public_key().public_bytes_raw().hex() == PUBLIC
    assert audit.evolve(SEED).hex() == EVOLVED
    assert hashlib.sha256(b"ulinzi audit key evolve|" + SEED).hexdigest() == EVOLVED
    key = audit.ForwardKey(5, SEED)
    assert key.seed_for(5) == SEED
    assert key.seed_for(7) == audit.evolve(audit.evolve(SEED))
    with pytest.raises(ValueError, match="^audit event sequence behind the signing key$"):
        key.seed_for(4)  # behind the key: the database was rolled back under us
    key.advance_to(4)  # never backwards
    assert (key.seq, key.seed) == (5, SEED)
    key.advance_to(6)
    assert (key.seq, key.seed.hex()) == (6, EVOLVED)
    with pytest.raises(ValueError):
        key.seed_for(5)  # the old seed is gone
    assert len(audit.new_seed()) == audit.SEED_BYTES and audit.new_seed() != audit.new_seed()


# -- a signed chain -------------------------------------------------------------------------------


def _chain() -> Session:
    """A root event and two signed events, at fixed times, in a database of their own."""
    engine = create_engine("sqlite://")
    AuditEvent.__table__.create(engine)
    s = Session(engine)
    at = lambda second: datetime(2026, 1, 2, 3, 4, second, tzinfo=UTC)  # noqa: E731
    audit.append_event(
        s,
        store_id=STORE_ID,
        user_id=None,
        username="",
        action=audit.ROOT_ACTION,
        summary="signing started",
        at=at(5),
        root_seed=SEED,
    )
    s.info[audit.SIGNER_INFO_KEY] = audit.ForwardKey(2, SEED)
    for second, action, summary in ((6, "case.registered", "registered"), (7, "case.opened", "")):
        audit.append_event(
            s,
            store_id=STORE_ID,
            user_id=7,
            username="cara",
            action=action,
            case_id=42,
            summary=summary,
            at=at(second),
        )
    s.flush()
    return s


def test_a_fixed_signed_chain_has_the_recorded_hashes_keys_and_signatures():
    with _chain() as s:
        rows = s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars().all()
        assert [(r.seq, r.at, r.hash, r.next_key, r.sig) for r in rows] == CHAIN
        assert s.info[audit.HEAD_INFO_KEY] == (3, CHAIN[-1][2])
        report = audit.verify_chain(s, STORE_ID)
    assert report.ok and report.events == 3 and report.signed_from == 1
    assert (report.last_seq, report.last_hash, report.next_key) == (3, CHAIN[-1][2], CHAIN[-1][3])
    # Again from the construction: each event is signed by the seed whose public key the event
    # before it names, over its hash; the seed then evolves.
    seed, prev = SEED, GENESIS
    for row, (seq, at, digest, next_key, sig) in zip(rows, CHAIN, strict=True):
        assert row.prev_hash == prev
        assert digest == _hash_as_documented(
            prev, seq, at, row.user_id, row.username, row.action, row.case_id, row.summary, next_key
        )
        if seq > 1:
            signer = Ed25519PrivateKey.from_private_bytes(seed)
            assert signer.sign(bytes.fromhex(digest)).hex() == sig
            seed = hashlib.sha256(b"ulinzi audit key evolve|" + seed).digest()
        assert (
            next_key
            == Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw().hex()
        )
        prev = digest


@pytest.mark.parametrize(
    ("column", "value", "seq", "problem"),
    [
        ("at", "2026-01-02T03:04:06.000001+00:00", 2, "was modified"),
        ("action", "case.opened", 2, "was modified"),
        ("summary", "nothing", 3, "was modified"),
        ("prev_hash", GENESIS, 2, "does not follow the one before"),
        ("seq", 9, 3, "missing"),
        ("sig", "00" * 64, 3, "was modified (its signature does not match)"),
        ("sig", None, 2, "was modified (its signature does not match)"),
        ("next_key", None, 3, "was modified"),
    ],
)
def test_a_changed_signed_event_is_named_with_what_is_wrong(column, value, seq, problem):
    with _chain() as s:
        s.execute(update(AuditEvent).where(AuditEvent.seq == seq).values({column: value}))
        report = audit.verify_chain(s, STORE_ID)
        assert (report.first_broken, report.problem) == (seq, problem)
        assert report.last_seq == seq - 1 and report.events == seq - 1


def test_an_event_re_hashed_after_a_change_still_fails_its_signature():
    """Whoever holds the database key can recompute a hash, never the signature of the past."""
    with _chain() as s:
        row = s.get(AuditEvent, 2)
        row.action = "case.closed"
        row.hash = audit.event_hash(
            row.prev_hash,
            row.seq,
            row.at,
            row.user_id,
            row.username,
            row.action,
            row.case_id,
            row.summary,
            row.next_key,
        )
        s.flush()
        report = audit.verify_chain(s, STORE_ID)
    assert report.first_broken == 2
    assert report.problem == "was modified (its signature does not match)"


def test_verifying_from_a_point_or_up_to_an_event_walks_only_that_part():
    with _chain() as s:
        point = audit.chain_point(s, 2)
        assert point == audit.ChainPoint(2, CHAIN[1][2], CHAIN[1][3])
        assert audit.find_event_hash(s, 3) == CHAIN[2][2]
        assert audit.find_event_hash(s, 4) is None and audit.chain_point(s, 4) is None
        rest = audit.verify_from(s, point)
        assert rest.ok and rest.events == 1 and rest.last_hash == CHAIN[2][2]
        upto = audit.verify_chain(s, STORE_ID, upto=2)
        assert upto.ok and (upto.events, upto.last_hash) == (2, CHAIN[1][2])
        s.execute(update(AuditEvent).where(AuditEvent.seq == 3).values(summary="x"))
        assert audit.verify_chain(s, STORE_ID, upto=2).ok
        assert audit.verify_from(s, point).first_broken == 3


# -- through `check`, on a real store ------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("at", "'2020-01-01T00:00:00.000000+00:00'"),  # the time it happened
        ("action", "'case.opened'"),  # what happened
        ("user_id", "user_id + 1"),  # who did it
        ("case_id", "case_id + 1"),  # to which child's case
    ],
)
def test_check_reports_an_event_whose_time_action_person_or_case_was_changed(agency, column, value):
    with agency.sign_in("cara") as us:
        cases.register_case(us, given_name=NAMES[0], family_name=NAMES[1])
        with us.store.read() as s:
            target = s.execute(
                text("SELECT max(seq) FROM audit_events WHERE action = 'case.registered'")
            ).scalar()
    with agency.sign_in("admin") as us, us.store.write() as s:
        s.execute(text(f"UPDATE audit_events SET {column} = {value} WHERE seq = {target}"))
    with agency.sign_in("admin", PASSWORD) as us:
        report = us.store.check()
    assert not report.ok
    assert report.chain.first_broken == target
    assert f"BROKEN at event {target}" in "\n".join(report.lines())


# -- the head file ---------------------------------------------------------------------------------

RAW_KEY = bytes(range(100, 132))


def _head_file(tmp_path, raw_key: bytes = RAW_KEY, store_id: str = STORE_ID):
    return audit.AuditHeadFile(tmp_path / "audit.head", raw_key, store_id)


def test_the_head_file_gives_back_what_was_written_and_only_to_its_own_store(tmp_path):
    heads = _head_file(tmp_path)
    assert not heads.exists() and heads.read() is None
    head = audit.Head(5, CHAIN[2][2], SEED, verified=4, case_year=2026, case_serial=17)
    heads.write(head)
    assert heads.exists() and heads.read() == head
    assert _head_file(tmp_path, raw_key=bytes(32)).read() is None  # another key
    assert _head_file(tmp_path, store_id="another store").read() is None
    later = head.advanced(6, CHAIN[1][2], audit.evolve(SEED))
    heads.write(later)
    assert heads.read() == later and later.verified == 4 and later.case_serial == 17


def test_a_head_of_the_first_format_is_still_read(tmp_path):
    """Version 1: magic, version, seq, hash and an HMAC under a key derived from the raw key."""
    import hmac
    import struct

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    key = HKDF(hashes.SHA256(), 32, salt=STORE_ID.encode(), info=b"ulinzi audit head v1").derive(
        RAW_KEY
    )
    digest = bytes.fromhex(CHAIN[2][2])
    mac = hmac.new(
        key, b"ulinzi head|" + STORE_ID.encode() + struct.pack(">Q", 3) + digest, hashlib.sha256
    ).digest()
    record = struct.pack(">4sBQ32s32s", b"ULZH", 1, 3, digest, mac).ljust(128, b"\0")
    (tmp_path / "audit.head").write_bytes(record + bytes(128))
    assert _head_file(tmp_path).read() == audit.Head(3, CHAIN[2][2])
    (tmp_path / "audit.head").write_bytes(record[:77])  # the record alone, exactly
    assert _head_file(tmp_path).read() == audit.Head(3, CHAIN[2][2])
    forged = record[:13] + bytes(32) + record[45:]  # another hash under the same MAC
    (tmp_path / "audit.head").write_bytes(forged + bytes(128))
    assert _head_file(tmp_path).read() is None


# -- what a walk reports ---------------------------------------------------------------------------


def test_the_last_event_is_named_with_its_hash_and_the_key_it_names():
    with _chain() as s:
        assert tuple(audit.last_event(s)) == (3, CHAIN[2][2], CHAIN[2][3])
    engine = create_engine("sqlite://")
    AuditEvent.__table__.create(engine)
    with Session(engine) as empty:
        assert audit.last_event(empty) is None


def test_events_before_signing_walk_unsigned_and_a_signature_out_of_nowhere_is_named():
    engine = create_engine("sqlite://")
    AuditEvent.__table__.create(engine)
    with Session(engine) as s:
        for action in ("case.registered", "case.opened", "case.updated"):
            event = audit.append_event(
                s, store_id=STORE_ID, user_id=7, username="cara", action=action, case_id=42
            )
            assert (event.summary, event.sig, event.next_key) == ("", None, None)
        s.flush()
        report = audit.verify_chain(s, STORE_ID)
        assert report.ok and report.problem == "" and report.signed_from is None
        assert (report.events, report.last_seq, report.next_key) == (3, 3, None)
        for column, value in (("sig", "00" * 64), ("next_key", PUBLIC)):
            s.execute(update(AuditEvent).where(AuditEvent.seq == 2).values({column: value}))
            event = s.get(AuditEvent, 2)
            event.hash = audit.event_hash(
                event.prev_hash,
                2,
                event.at,
                7,
                "cara",
                event.action,
                42,
                "",
                event.next_key,
            )
            s.execute(update(AuditEvent).where(AuditEvent.seq == 3).values(prev_hash=event.hash))
            s.flush()
            event3 = s.get(AuditEvent, 3)
            event3.hash = audit.event_hash(
                event.hash, 3, event3.at, 7, "cara", event3.action, 42, "", None
            )
            s.flush()
            broken = audit.verify_chain(s, STORE_ID)
            assert (broken.first_broken, broken.problem) == (2, "is signed with no key before it")
            assert (broken.events, broken.last_seq, broken.last_hash) == (1, 1, event.prev_hash)


def test_a_restarted_signed_chain_is_listed_and_a_broken_walk_says_where_it_stood():
    with _chain() as s:
        seed = audit.evolve(audit.evolve(SEED))  # the seed that signs event 4
        s.info[audit.SIGNER_INFO_KEY] = audit.ForwardKey(4, seed)
        other = bytes(range(1, 33))
        restart = audit.append_event(
            s,
            store_id=STORE_ID,
            user_id=None,
            username="",
            action=audit.ROOT_ACTION,
            summary="signing restarted",
            root_seed=other,
        )
        assert restart.sig is None and restart.next_key == audit.public_key_hex(other)
        s.info[audit.SIGNER_INFO_KEY] = audit.ForwardKey(5, other)
        audit.append_event(s, store_id=STORE_ID, user_id=7, username="cara", action="case.opened")
        s.flush()
        report = audit.verify_chain(s, STORE_ID)
        assert report.ok and report.problem == ""
        assert (report.signed_from, report.restarts, report.events) == (1, (4,), 5)
        named = audit.public_key_hex(audit.evolve(other))
        assert report.next_key == named
        s.execute(update(AuditEvent).where(AuditEvent.seq == 5).values(summary="changed"))
        broken = audit.verify_chain(s, STORE_ID)
        assert (broken.first_broken, broken.signed_from, broken.restarts) == (5, 1, (4,))
        assert (broken.last_seq, broken.last_hash) == (4, restart.hash)
        assert broken.next_key == audit.public_key_hex(other)


def test_a_backups_branch_root_continues_the_chain_under_a_seed_of_its_own():
    other = bytes(range(1, 33))
    root = audit.branch_root(3, CHAIN[2][2], other, "backup 7")
    assert {k: root[k] for k in ("seq", "user_id", "username", "action", "case_id")} == {
        "seq": 4,
        "user_id": None,
        "username": "",
        "action": audit.ROOT_ACTION,
        "case_id": None,
    }
    assert (root["summary"], root["prev_hash"], root["sig"]) == ("backup 7", CHAIN[2][2], None)
    assert root["next_key"] == audit.public_key_hex(other)
    assert root["at"].endswith("+00:00") and len(root["at"]) == len(CHAIN[0][1])
    assert root["hash"] == _hash_as_documented(
        CHAIN[2][2], 4, root["at"], None, "", audit.ROOT_ACTION, None, "backup 7", root["next_key"]
    )
    with _chain() as s:
        s.add(AuditEvent(**root))
        s.flush()
        report = audit.verify_chain(s, STORE_ID)
    assert report.ok and report.restarts == (4,) and report.next_key == root["next_key"]


def test_an_event_at_another_time_zone_is_recorded_in_utc(monkeypatch):
    import time
    from datetime import timedelta, timezone

    monkeypatch.setenv("TZ", "Africa/Nairobi")
    time.tzset()
    try:
        with _chain() as s:
            nairobi = datetime(2026, 1, 2, 6, 4, 8, tzinfo=timezone(timedelta(hours=3)))
            event = audit.append_event(
                s, store_id=STORE_ID, user_id=7, username="cara", action="case.opened", at=nairobi
            )
            assert event.at == "2026-01-02T03:04:08.000000+00:00"
            now = audit.append_event(
                s, store_id=STORE_ID, user_id=7, username="cara", action="case.opened"
            )
            assert now.at.endswith("+00:00")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_head_advanced_keeps_what_it_is_given(tmp_path):
    head = audit.Head(5, CHAIN[2][2], SEED, verified=4, case_year=2026, case_serial=17)
    later = head.advanced(6, CHAIN[1][2], audit.evolve(SEED))
    assert (later.seq, later.hash, later.seed) == (6, CHAIN[1][2], audit.evolve(SEED))
    assert (later.verified, later.case_year, later.case_serial) == (4, 2026, 17)


def test_the_head_file_is_sealed_as_documented_and_read_at_its_exact_length(tmp_path):
    """Version 2: magic, version, seq, hash, nonce; then seed, verified point and case mark
    sealed with AES-256-GCM under HKDF(raw key, salt store id, "ulinzi audit head v2"), the
    public part and the store id as associated data."""
    import struct

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    key = HKDF(hashes.SHA256(), 32, salt=STORE_ID.encode(), info=b"ulinzi audit head v2").derive(
        RAW_KEY
    )
    nonce = bytes(12)
    public = struct.pack(">4sBQ32s12s", b"ULZH", 2, 9, bytes.fromhex(CHAIN[1][2]), nonce)
    secret = struct.pack(">32sQHI", SEED, 8, 2026, 41)
    record = public + AESGCM(key).encrypt(nonce, secret, public + STORE_ID.encode())
    assert len(record) == 119
    (tmp_path / "audit.head").write_bytes(record)  # one half, not padded
    assert _head_file(tmp_path).read() == audit.Head(9, CHAIN[1][2], SEED, 8, 2026, 41)
    for short in (record[:4], record[:5], record[:118]):
        (tmp_path / "audit.head").write_bytes(short)
        assert _head_file(tmp_path).read() is None


def test_the_head_file_is_for_the_store_s_users_only_and_a_full_disk_is_said_plainly(tmp_path):
    import os
    import stat as stats
    from pathlib import Path

    from db.errors import StoreFull

    _head_file(tmp_path).write(audit.Head(1, CHAIN[0][2], SEED))
    mode = stats.S_IMODE(os.stat(tmp_path / "audit.head").st_mode)
    assert mode & 0o007 == 0 and mode & 0o111 == 0  # nothing for others, never executable
    full = audit.AuditHeadFile(Path("/dev/full"), RAW_KEY, STORE_ID)
    with pytest.raises(StoreFull):
        full.write(audit.Head(1, CHAIN[0][2], SEED))

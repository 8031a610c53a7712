"""The audit log: a hash chain of events, signed with a forward-secure key, and its head kept
outside the database.

Every event's hash covers its fields and the previous event's hash, so a changed or deleted row
breaks the chain. SQLCipher's page HMACs do not notice a page, or the whole file, put back from
an older copy; the head file does: it holds the last event's sequence number and hash, and every
open compares the two. The head's new record is written before each commit and the old one
erased after it (see `AuditHeadFile`), so the live head never lags behind the database: a head
that names an event before the database's last one is an older copy put back, and is refused.

Why events are also signed, and with which key (the reasoning behind the design):

* Every key slot unlocks the same raw database key, so anything derived from that key (the old
  head MAC, a keyed chain) is known to every signed-in person: a caseworker could rewrite
  events, re-hash the chain and re-seal the head. A secret shared by all insiders cannot make
  history tamper-evident against them.
* We use a forward-secure signature chain (Bellare & Yee 1997; Schneier & Kelsey 1999, with
  Ed25519 signatures in place of MACs so that *anyone* can verify without holding a secret).
  Event i is signed with a private key derived from a 32-byte seed s_i, and names the public
  key of the next seed, s_{i+1} = SHA-256("evolve" | s_i), inside its hashed fields. The seed is
  one-way: whoever holds today's seed can derive tomorrow's keys, never yesterday's. So the
  person who holds the database key *now* (and the current seed) can add events, but cannot
  produce a valid signature for any event already written: editing, deleting or re-ordering one
  breaks its signature or the chain of public keys.
* The current seed lives only in the head file (encrypted there under a key derived from the
  raw key, so a stranger who copies the folder without a password learns nothing), never in the
  database: a database copy, a backup's database, or the raw key alone never yield it. The old
  seed is overwritten in the head at every event.
* Truncation: the head's seed must be the one whose public key the last event names. Cutting
  events off the end and re-sealing the head would need the seed of the new last event, which
  is gone.
* What the insider can still do is replace the *whole* signed history, starting a new root with
  keys of their own. The root event (``audit.signing_started``) is inside the hash chain, and
  backups, packages and receipts carry the head (sequence and hash) off the PC; ``ulinzi check
  --against`` proves the history up to such an anchor is unchanged. A re-rooted chain is also
  listed by ``check``.
* Events written before this scheme keep their old hashes; signing starts at a recorded
  sequence (the root event), which `check` reports.
* A root event in the middle of the chain (signing restarted) would let whoever writes one
  replace every event after it with a history signed by keys of their own. So a restart is
  sound only when it proves it was made by this store, with a key its forger does not hold:

  - **made while the store runs** (a backup's branch, see `branch_root`): signed by the seed
    that would have signed that very event. The segment before vouches for the new root; a
    forger would need a seed that was erased before they came (the same reason they cannot
    re-sign an event).
  - **an accepted loss** (`check --accept-current`): the chain it replaces is what was lost,
    so it cannot vouch. It is signed by the store's **restart key**, an Ed25519 key pair whose
    private half is sealed to the recovery slot (X25519, like the database key in each slot):
    only the recovery key, printed at setup for the office safe, opens it; no person's
    password does, an administrator's included. Its public half is named in the chain itself
    by an ``audit.restart_key`` event (``RESTART_KEY_ACTION``), which the forward-secure chain
    signs: a restart at event N is checked against the last restart key named *before* N,
    which a forger cannot change without rewriting an event before N. A new store names its
    key in its second event; a new recovery key names a new restart key (the old one only the
    old recovery key opens). Naming one needs no secret, so any open can upgrade a store.
  - a store created with restart keys says so in its first event (``CREATED_WITH_RESTART_KEYS``),
    so a restart forged at or before the event naming its key (which would remove that event)
    is not taken for one of an older store's: no head list speaks for it.
  - anything else (an unsigned root, a signature by neither key) is reported by `check` as
    "the history was RESTARTED at event N", with `--against` as the way to prove what came
    before. Nothing is listed beside the chain any more: a store may accept any number of
    losses, and a deleted head forgets none of them.

  Two limits of this, on purpose. A restart key opened once is known to whoever saw it, like
  any key; a new recovery key retires it for later restarts. And whoever holds the *current*
  seed (every signed-in person, through the head) can append an event naming a restart key
  of their own and later sign restarts after that event: the same power as keeping a copy of
  the head (below), over the history written after their own event, which `check` shows.
* **Stores older than restart keys** are upgraded in place by their first open that may write
  (the head's format is unchanged): it names a restart key, and the restarts the old head
  listed (``Head.roots``) are written into that event as "earlier restarts". What such a store
  can and cannot prove: every restart *after* the upgrade is proven as above; a restart
  *before* it is only as good as the old list, which was sealed with a key every signed-in
  person held. Someone who forges a restart before the upgrade rewrites everything after it,
  the upgrade's event included, so nothing on the PC tells that from the real history: only
  `check --against` a backup or receipt made since the upgrade does. (A store read while
  refused, before its upgrade, is checked against its head's list, as before.)
* The limit of all this, said plainly: a seed is a secret only while nobody has copied it. The
  head is readable by every account (all of them append events), so whoever signs in at time T
  and copies `audit-head` can, later, rewrite every event after T and write a matching head;
  and an older `ulinzi.db` put back *together with* its own older head is consistent, so nothing
  on this PC can tell it from the real one. What is done here: no copy of the head carries a
  seed (backups' heads hold a seed of their own branch; the before-migration copy holds none),
  a head that lags the database is refused, and the anchors that leave the PC (backups,
  packages, printed receipts) catch both with `ulinzi check --against`.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import os
import re
import secrets
import struct
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from db.errors import StoreFull
from db.models import AuditEvent

HEAD_INFO_KEY = "audit_head"  # Session.info key: (seq, hash) appended in this unit of work
SIGNER_INFO_KEY = "audit_signer"  # Session.info key: the store's ForwardKey, when signing
ROOT_ACTION = "audit.signing_started"
# The event naming the store's restart key (see the module's notes): "restart key <hex>", and
# on a store upgraded to it, the restarts its old head listed: "; earlier restarts: 12, 40".
RESTART_KEY_ACTION = "audit.restart_key"
# The reason a store created with restart keys gives in its first event: from there on every
# restart must prove itself, whatever a head lists (see the module's notes).
CREATED_WITH_RESTART_KEYS = "store created; its restarts are signed"
SEED_BYTES = 32
_RESTART_KEY = re.compile(
    r"restart key ([0-9a-f]{64})(?:; earlier restarts: ([0-9]+(?:, [0-9]+)*))?"
)


def restart_key_summary(public_hex: str, earlier: Iterable[int] = ()) -> str:
    listed = ", ".join(str(int(seq)) for seq in sorted(set(earlier)))
    return f"restart key {public_hex}" + (f"; earlier restarts: {listed}" if listed else "")


def _declared(summary: str) -> tuple[str, frozenset[int]] | None:
    match = _RESTART_KEY.fullmatch(summary)
    if match is None:
        return None
    earlier = match.group(2)
    return match.group(1), frozenset(
        int(n) for n in earlier.split(", ")
    ) if earlier else frozenset()


def declared_key(summary: str) -> str | None:
    """The public key an ``audit.restart_key`` event's summary names."""
    named = _declared(summary)
    return named[0] if named else None


def genesis_hash(store_id: str) -> str:
    return hashlib.sha256(f"ulinzi audit genesis|{store_id}".encode()).hexdigest()


def event_hash(
    prev_hash: str,
    seq: int,
    at: str,
    user_id: int | None,
    username: str,
    action: str,
    case_id: int | None,
    summary: str,
    next_key: str | None = None,
) -> str:
    fields: list[object] = [prev_hash, seq, at, user_id, username, action, case_id, summary]
    if next_key is not None:  # signed events also commit to the key that signs the next one
        fields.append(next_key)
    # mutation: equivalent — ensure_ascii=None is as false as False, and the ":" separator is
    # for objects, which the fields never hold (the line's other mutants are killed).
    body = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    # mutation: equivalent — "UTF-8": codec names are not case sensitive.
    return hashlib.sha256(body.encode("utf-8")).hexdigest()  # pragma: no mutate


# -- the forward-secure key ----------------------------------------------------------------------


def evolve(seed: bytes) -> bytes:
    """The next seed. One-way: the previous seed cannot be computed from this one."""
    return hashlib.sha256(b"ulinzi audit key evolve|" + seed).digest()


def public_key_hex(seed: bytes) -> str:
    return Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw().hex()


def new_seed() -> bytes:
    # mutation: equivalent — token_bytes(None) also gives 32 bytes (its default); the size is
    # said here on purpose.
    return secrets.token_bytes(SEED_BYTES)  # pragma: no mutate


class ForwardKey:
    """The seed that signs event `seq`; moves only forward (older seeds are dropped).

    (seq, seed) is one tuple, replaced whole, so a writer on another thread never reads the seq
    of one state with the seed of the next."""

    def __init__(self, seq: int, seed: bytes) -> None:
        self._state = (seq, seed)

    @property
    def seq(self) -> int:
        return self._state[0]

    @property
    def seed(self) -> bytes:
        return self._state[1]

    def seed_for(self, seq: int) -> bytes:
        at, seed = self._state
        if seq < at:
            # The database is behind the key: it was rolled back under a running program.
            raise ValueError("audit event sequence behind the signing key")
        for _ in range(seq - at):
            seed = evolve(seed)
        return seed

    def advance_to(self, seq: int) -> None:
        # mutation: equivalent — `>=`: advancing to the same event keeps the same seed.
        if seq > self.seq:  # pragma: no mutate
            self._state = (seq, self.seed_for(seq))


def last_event(session: Session | Connection):  # type: ignore[no-untyped-def]
    """The newest link of the chain as a (seq, hash, next_key) row, or None for an empty log."""
    return session.execute(
        select(AuditEvent.seq, AuditEvent.hash, AuditEvent.next_key)
        .order_by(AuditEvent.seq.desc())
        # mutation: equivalent — another limit: first() takes one row; the limit spares the rest.
        .limit(1)  # pragma: no mutate
    ).first()


def append_event(
    session: Session,
    *,
    store_id: str,
    user_id: int | None,
    username: str,
    action: str,
    case_id: int | None = None,
    summary: str = "",
    at: datetime | None = None,
    root_seed: bytes | None = None,
    root_signer: ForwardKey | bytes | None = None,
) -> AuditEvent:
    """Add the next link of the chain to `session` (committed with the change it records).

    The one place that numbers events: the sequence is read inside the writer's transaction
    (BEGIN IMMEDIATE), so two writers never get the same number. With the store's signing key
    in `session.info`, the event is signed; `root_seed` starts (or restarts) the signed chain:
    the event names that seed's public key. A restart is signed by `root_signer`: the chain's
    own key (a ForwardKey: the seed that would have signed this event vouches for the new one)
    or the store's restart key (32 bytes, after an accepted loss); a first root is unsigned.
    """
    last = last_event(session)
    seq, prev = (last.seq + 1, last.hash) if last else (1, genesis_hash(store_id))
    # mutation: equivalent — datetime.now(None): a local time made UTC by astimezone(UTC).
    when = (at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")
    signer: ForwardKey | None = session.info.get(SIGNER_INFO_KEY)
    next_key = sig = seed = None
    if root_seed is not None:
        next_key = public_key_hex(root_seed)
        seed = root_signer.seed_for(seq) if isinstance(root_signer, ForwardKey) else root_signer
    elif signer is not None:
        seed = signer.seed_for(seq)
        next_key = public_key_hex(evolve(seed))
    digest = event_hash(prev, seq, when, user_id, username, action, case_id, summary, next_key)
    if seed is not None:
        sig = Ed25519PrivateKey.from_private_bytes(seed).sign(bytes.fromhex(digest)).hex()
    event = AuditEvent(
        seq=seq,
        at=when,
        user_id=user_id,
        username=username,
        action=action,
        case_id=case_id,
        summary=summary,
        prev_hash=prev,
        hash=digest,
        next_key=next_key,
        sig=sig,
    )
    session.add(event)
    session.flush()
    session.info[HEAD_INFO_KEY] = (seq, digest)
    return event


def branch_root(
    prev_seq: int, prev_hash: str, seed: bytes, summary: str, vouch: bytes | None = None
) -> dict[str, object]:
    """The root event that ends a backup's copy of the database (a copy is a separate file
    with one writer, so it is numbered here, not by `append_event`): the copy's history goes on
    under a seed of its own, and the live store's seed never leaves the PC. `vouch` is the live
    chain's seed for this position: its signature proves the branch was made by the store."""
    seq = prev_seq + 1
    when = datetime.now(UTC).isoformat(timespec="microseconds")
    key = public_key_hex(seed)
    digest = event_hash(prev_hash, seq, when, None, "", ROOT_ACTION, None, summary, key)
    sig = None
    if vouch is not None:
        sig = Ed25519PrivateKey.from_private_bytes(vouch).sign(bytes.fromhex(digest)).hex()
    return {
        "seq": seq,
        "at": when,
        "user_id": None,
        "username": "",
        "action": ROOT_ACTION,
        "case_id": None,
        "summary": summary,
        "prev_hash": prev_hash,
        "hash": digest,
        "next_key": key,
        "sig": sig,
    }


# -- verifying -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainReport:
    events: int
    last_seq: int
    last_hash: str
    first_broken: int | None = None
    problem: str = ""
    signed_from: int | None = None  # the first root event: signing starts after it
    restarts: tuple[int, ...] = ()  # later root events (signing restarted, e.g. after a loss)
    next_key: str | None = None  # the public key the last event names
    # Restarts the chain does not prove to be the store's own: signed neither by the chain's
    # key at that point nor by the restart key in force, nor listed as an earlier restart by
    # the first restart-key event (before which they lie).
    unproven: tuple[int, ...] = ()
    # The first event naming a restart key, or the creation of a store made with them (None:
    # a store older than restart keys).
    restart_key_at: int | None = None

    @property
    def ok(self) -> bool:
        return self.first_broken is None


@dataclass(frozen=True)
class ChainPoint:
    """Where a walk stopped and may resume: the last event's seq, hash and named next key."""

    seq: int
    hash: str
    next_key: str | None


_COLUMNS = (
    AuditEvent.seq,
    AuditEvent.at,
    AuditEvent.user_id,
    AuditEvent.username,
    AuditEvent.action,
    AuditEvent.case_id,
    AuditEvent.summary,
    AuditEvent.prev_hash,
    AuditEvent.hash,
    AuditEvent.next_key,
    AuditEvent.sig,
)


def _walk(
    rows: Iterable,  # type: ignore[type-arg]
    start: ChainPoint,
    *,
    signed_from: int | None,
    upto: int | None = None,
) -> ChainReport:
    prev, key, expected_seq = start.hash, start.next_key, start.seq + 1
    count, restarts = 0, []
    authority: str | None = None  # the restart key in force (the last one named)
    declared_at: int | None = None
    earlier: frozenset[int] = frozenset()  # restarts the first restart-key event lists
    unproven: list[int] = []
    broken: str | None = None
    at_seq: int | None = None
    for r in rows:
        if upto is not None and r.seq > upto:
            break
        broken = None  # pragma: no mutate — mutation: equivalent — "" is as false as None
        if r.seq != expected_seq:
            broken, at_seq = "missing", expected_seq
        elif r.prev_hash != prev:
            broken, at_seq = "does not follow the one before", r.seq
        elif r.hash != event_hash(
            r.prev_hash,
            r.seq,
            r.at,
            r.user_id,
            r.username,
            r.action,
            r.case_id,
            r.summary,
            r.next_key,
        ):
            broken, at_seq = "was modified", r.seq
        elif r.action == ROOT_ACTION and r.next_key is not None and (r.sig is None or key):
            if key is None:
                signed_from = signed_from or r.seq
                if r.summary == CREATED_WITH_RESTART_KEYS and declared_at is None:
                    declared_at = r.seq  # never an old store: no head list speaks for it
            else:
                restarts.append(r.seq)
                vouched = r.sig is not None and (
                    _verifies(key, r.sig, r.hash)  # the store, while running (a backup)
                    or (authority is not None and _verifies(authority, r.sig, r.hash))
                )
                if not vouched:
                    unproven.append(r.seq)
            key = r.next_key
        elif key is not None:
            if r.sig is None or r.next_key is None or not _verifies(key, r.sig, r.hash):
                broken, at_seq = "was modified (its signature does not match)", r.seq
            elif r.action == RESTART_KEY_ACTION and (named := _declared(r.summary)):
                authority = named[0]
                if declared_at is None:
                    declared_at, earlier = r.seq, named[1]
            key = r.next_key
        elif r.sig is not None or r.next_key is not None:
            broken, at_seq = "is signed with no key before it", r.seq
        if broken:
            break
        prev = r.hash
        expected_seq += 1
        count += 1
    return ChainReport(
        events=count,
        last_seq=(at_seq or expected_seq) - 1,
        last_hash=prev,
        first_broken=at_seq,
        problem=broken or "",
        signed_from=signed_from,
        restarts=tuple(restarts),
        next_key=key,
        unproven=_unproven(unproven, declared_at, earlier),
        restart_key_at=declared_at,
    )


def _unproven(
    unvouched: list[int], declared_at: int | None, earlier: frozenset[int]
) -> tuple[int, ...]:
    """Before the first restart-key event a restart proves nothing by itself (the store was
    older than restart keys): it is the store's own when that event lists it."""
    if declared_at is None:
        return tuple(unvouched)
    return tuple(seq for seq in unvouched if seq > declared_at or seq not in earlier)


def _verifies(public_hex: str, sig_hex: str, hash_hex: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(
            bytes.fromhex(sig_hex), bytes.fromhex(hash_hex)
        )
        return True
    except (InvalidSignature, ValueError):
        return False


def verify_chain(conn: Connection | Session, store_id: str, upto: int | None = None) -> ChainReport:
    """Walk the whole chain (or up to event `upto`); report the first event that does not fit."""
    # mutation: equivalent on SQLite — no order: seq is the rowid, read in order anyway; kept
    # for other engines. The same in verify_from.
    rows = conn.execute(select(*_COLUMNS).order_by(AuditEvent.seq))  # pragma: no mutate
    return _walk(rows, ChainPoint(0, genesis_hash(store_id), None), signed_from=None, upto=upto)


def verify_from(conn: Connection | Session, point: ChainPoint) -> ChainReport:
    """Walk only the events after `point` (an event already verified): the cheap check on open."""
    rows = conn.execute(
        select(*_COLUMNS)
        .where(AuditEvent.seq > point.seq)
        .order_by(AuditEvent.seq)  # pragma: no mutate
    )
    return _walk(rows, point, signed_from=None)


def chain_point(conn: Connection | Session, seq: int) -> ChainPoint | None:
    row = conn.execute(
        select(AuditEvent.seq, AuditEvent.hash, AuditEvent.next_key).where(AuditEvent.seq == seq)
    ).first()
    return ChainPoint(row.seq, row.hash, row.next_key) if row else None


def find_event_hash(conn: Connection | Session, seq: int) -> str | None:
    return conn.execute(select(AuditEvent.hash).where(AuditEvent.seq == seq)).scalar()


# -- the head file -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Head:
    """What the head file holds: the last event (seq, hash) and, sealed, the store's secrets
    that must not live in the database."""

    seq: int
    hash: str
    seed: bytes | None = None  # signs event seq + 1
    verified: int = 0  # the chain was verified up to this event on an open
    case_year: int = 0  # the highest case number ever issued (year, serial), so numbers
    case_serial: int = 0  # lost with a rolled-back database are not issued again
    # Heads written before restart keys listed the store's own restarts here (sealed with a
    # key every signed-in person holds). Only read now: the upgrade names them in the chain
    # (see "restart key" in the module's notes) and `check` uses them for a store not yet
    # upgraded. Nothing adds to it any more.
    roots: tuple[int, ...] = ()

    @property
    def case_mark(self) -> tuple[int, int]:
        return (self.case_year, self.case_serial)

    def advanced(self, seq: int, hash_hex: str, seed: bytes | None) -> Head:
        return replace(self, seq=seq, hash=hash_hex, seed=seed)


MAX_ROOTS = 16  # the most a version 3 head lists


@dataclass(frozen=True)
class HeadRecord:
    """One authentic record of the head file and where it lies (its byte offset)."""

    offset: int
    head: Head


class AuditHeadFile:
    """Two records, written in turn, so a torn write never loses both; the write of a new head
    is part of the commit protocol (see `db.store.Store.write`):

    1. `prepare(new)` writes `new`, with its seed, over the record that is not the live one,
       and fsyncs, before the database commits;
    2. the database commits;
    3. `settle(new)` overwrites the old live record with `new` *without* its seed, and fsyncs:
       the seed that signed the earlier events is gone from the disk.

    After a normal write both records name the same event. Two records naming different events
    mean a write was cut off between 1 and 3 (`Store.compare_head` decides which one the
    database matches). A record that names an event *before* the database's last one is never
    the live head: it is an older copy put back (`Store.compare_head` refuses it).

    Version 3 records seal the seed, the verified point, the case-number mark and the store's own
    root events with AES-256-GCM under a key derived from the raw key, with magic, seq and hash
    as associated data. That key stops strangers and accidents, not insiders (who hold the raw
    key): against them, the head's worth is the seed, which only moves forward (see the module's
    notes). Versions 1 and 2 (128-byte records) are still read.
    """

    _MAGIC = b"ULZH"
    _SLOT = 256
    _OLD_SLOT = 128
    _V1 = struct.Struct(">4sBQ32s32s")
    _V2 = struct.Struct(">4sBQ32s12s")
    _SECRET = struct.Struct(">32sQHI")  # seed, verified, case year, case serial
    _SEALED = _SECRET.size + 16
    _V3 = struct.Struct(">4sBQ32s12sB")  # version 2's fields and how many root events follow

    def __init__(self, path: Path, raw_key: bytes, store_id: str) -> None:
        self.path = path
        self._store_id = store_id.encode()
        self._mac_key = HKDF(
            hashes.SHA256(), 32, salt=self._store_id, info=b"ulinzi audit head v1"
        ).derive(raw_key)
        self._seal = AESGCM(
            HKDF(hashes.SHA256(), 32, salt=self._store_id, info=b"ulinzi audit head v2").derive(
                raw_key
            )
        )
        self.live_offset: int | None = None  # where the live record lies, once known

    def _mac(self, seq: int, digest: bytes) -> bytes:
        # mutation: equivalent — ">q": the same bytes for every sequence number below 2**63.
        number = struct.pack(">Q", seq)  # pragma: no mutate
        msg = b"ulinzi head|" + self._store_id + number + digest
        return hmac.new(self._mac_key, msg, hashlib.sha256).digest()

    def encode(self, head: Head) -> bytes:
        digest = bytes.fromhex(head.hash)
        nonce = secrets.token_bytes(12)
        roots = head.roots[-MAX_ROOTS:]
        public = self._V3.pack(self._MAGIC, 3, head.seq, digest, nonce, len(roots))
        secret = self._SECRET.pack(
            head.seed or bytes(SEED_BYTES), head.verified, head.case_year, head.case_serial
        ) + struct.pack(f">{len(roots)}Q", *roots)
        sealed = self._seal.encrypt(nonce, secret, public + self._store_id)
        # mutation: equivalent — padding with spaces: what follows the record is never read.
        return (public + sealed).ljust(self._SLOT, b"\0")  # pragma: no mutate

    def exists(self) -> bool:
        return self.path.exists()

    def _decode(self, chunk: bytes) -> Head | None:
        # mutation: equivalent — `> 5` or `else 1`: a chunk of 5 bytes or fewer is too short for
        # either version, whatever version it is taken for. (`>= 4` is killed.)
        magic, version = chunk[:4], chunk[4] if len(chunk) > 4 else 0
        if magic != self._MAGIC:
            return None
        if version == 1 and len(chunk) >= self._V1.size:
            _, _, seq, digest, mac = self._V1.unpack(chunk[: self._V1.size])
            if hmac.compare_digest(mac, self._mac(seq, digest)):
                return Head(seq, digest.hex())
            return None
        if version == 2 and len(chunk) >= self._V2.size + self._SEALED:
            public = chunk[: self._V2.size]
            _, _, seq, digest, nonce = self._V2.unpack(public)
            count = 0
        elif version == 3 and len(chunk) >= self._V3.size:
            public = chunk[: self._V3.size]
            _, _, seq, digest, nonce, count = self._V3.unpack(public)
            if count > MAX_ROOTS:
                return None
        else:
            return None
        sealed = chunk[len(public) : len(public) + self._SEALED + 8 * count]
        try:
            secret = self._seal.decrypt(nonce, sealed, public + self._store_id)
        except InvalidTag:
            return None
        seed, verified, year, serial = self._SECRET.unpack(secret[: self._SECRET.size])
        roots = struct.unpack(f">{count}Q", secret[self._SECRET.size :])
        return Head(seq, digest.hex(), seed if any(seed) else None, verified, year, serial, roots)

    def records(self) -> list[HeadRecord]:
        """Every authentic record in the file (none when it is missing)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        out = []
        for offset in (0, self._OLD_SLOT, self._SLOT):
            size = self._SLOT if data[offset + 4 : offset + 5] == b"\x03" else self._OLD_SLOT
            head = self._decode(data[offset : offset + size])
            if head is not None:
                out.append(HeadRecord(offset, head))
        return out

    def read(self) -> Head | None:
        """The newest authentic record, or None when the file is missing or none is authentic."""
        records = self.records()
        if not records:
            return None
        return max(records, key=lambda r: (r.head.seq, r.head.seed is not None)).head

    def _pwrite(self, data: bytes, offset: int) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o660)
            try:
                os.pwrite(fd, data, offset)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as e:
            if e.errno == errno.ENOSPC:
                raise StoreFull() from e
            raise

    def _spare(self) -> int:
        """The record a new head goes into: never over the live one, nor overlapping it."""
        return 0 if self.live_offset == self._SLOT else self._SLOT

    def prepare(self, head: Head) -> int:
        """Step 1: write `head` with its seed beside the live record, durably. Returns where."""
        offset = self._spare()
        self._pwrite(self.encode(head), offset)
        return offset

    def settle(self, head: Head, offset: int) -> None:
        """Step 3, after the commit: the other record becomes `head` without its seed, durably,
        so the seed that signed the events before is on no disk."""
        other = self._SLOT if offset == 0 else 0
        self._pwrite(self.encode(replace(head, seed=None)), other)
        self.live_offset = offset

    def abandon(self, head: Head, offset: int) -> None:
        """The commit failed after `prepare`: the prepared record becomes the live `head`
        again without its seed (best effort: a reader also tells the two apart, see above)."""
        with suppress(StoreFull, OSError):
            self._pwrite(self.encode(replace(head, seed=None)), offset)

    def write(self, head: Head) -> None:
        """Write `head` whole (prepare and settle at once), where no commit goes with it."""
        self.settle(head, self.prepare(head))

    def full_image(self, head: Head) -> bytes:
        """A whole new file holding only `head`: for re-keying and resetting."""
        full, bare = self.encode(head), self.encode(replace(head, seed=None))
        return full + bare

    def bare_image(self, head: Head) -> bytes:
        """A whole file holding `head` without its seed: for every copy of the head that is not
        the live one (a seed anywhere else would let whoever holds the copy sign as the store)."""
        bare = self.encode(replace(head, seed=None))
        return bare + bare

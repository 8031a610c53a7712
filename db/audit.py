"""The audit log: a hash chain of events, and its head kept outside the database.

Every event's hash covers its fields and the previous event's hash, so a changed or deleted
row breaks the chain. SQLCipher's page HMACs do not notice a page, or the whole file, put back
from an older copy; the head file does: it holds the last event's sequence number and hash,
authenticated with a key derived from the database key, and every open compares the two.
The head is written after each commit, so after a crash it may lag behind the database (which
is fine and caught up on open) but never run ahead of it.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import os
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from db.errors import StoreFull
from db.models import AuditEvent

HEAD_INFO_KEY = "audit_head"  # Session.info key: (seq, hash) appended in this unit of work


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
) -> str:
    body = json.dumps(
        [prev_hash, seq, at, user_id, username, action, case_id, summary],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def last_event(session: Session | Connection):  # type: ignore[no-untyped-def]
    """The newest link of the chain as a (seq, hash) row, or None for an empty log."""
    return session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
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
) -> AuditEvent:
    """Add the next link of the chain to `session` (committed with the change it records)."""
    last = last_event(session)
    seq, prev = (last.seq + 1, last.hash) if last else (1, genesis_hash(store_id))
    when = (at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")
    event = AuditEvent(
        seq=seq,
        at=when,
        user_id=user_id,
        username=username,
        action=action,
        case_id=case_id,
        summary=summary,
        prev_hash=prev,
        hash=event_hash(prev, seq, when, user_id, username, action, case_id, summary),
    )
    session.add(event)
    session.flush()
    session.info[HEAD_INFO_KEY] = (seq, event.hash)
    return event


@dataclass(frozen=True)
class ChainReport:
    events: int
    last_seq: int
    last_hash: str
    first_broken: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.first_broken is None


def verify_chain(conn: Connection | Session, store_id: str) -> ChainReport:
    """Walk the whole chain; report the first event that does not fit."""
    prev = genesis_hash(store_id)
    expected_seq = 1
    count = 0
    rows = conn.execute(
        select(
            AuditEvent.seq,
            AuditEvent.at,
            AuditEvent.user_id,
            AuditEvent.username,
            AuditEvent.action,
            AuditEvent.case_id,
            AuditEvent.summary,
            AuditEvent.prev_hash,
            AuditEvent.hash,
        ).order_by(AuditEvent.seq)
    )
    for r in rows:
        if r.seq != expected_seq:
            return ChainReport(count, expected_seq - 1, prev, expected_seq, "missing")
        if r.prev_hash != prev:
            return ChainReport(count, r.seq - 1, prev, r.seq, "does not follow the one before")
        computed = event_hash(
            r.prev_hash, r.seq, r.at, r.user_id, r.username, r.action, r.case_id, r.summary
        )
        if computed != r.hash:
            return ChainReport(count, r.seq - 1, prev, r.seq, "was modified")
        prev = r.hash
        expected_seq += 1
        count += 1
    return ChainReport(count, expected_seq - 1, prev)


def find_event_hash(conn: Connection | Session, seq: int) -> str | None:
    return conn.execute(select(AuditEvent.hash).where(AuditEvent.seq == seq)).scalar()


class AuditHeadFile:
    """Two fixed-size records (A/B by sequence parity) so a torn write never loses both."""

    _FORMAT = struct.Struct(">4sBQ32s32s")
    _MAGIC = b"ULZH"
    _SLOT = 128

    def __init__(self, path: Path, raw_key: bytes, store_id: str) -> None:
        self.path = path
        self._store_id = store_id.encode()
        self._mac_key = HKDF(
            hashes.SHA256(), 32, salt=self._store_id, info=b"ulinzi audit head v1"
        ).derive(raw_key)

    def _mac(self, seq: int, digest: bytes) -> bytes:
        msg = b"ulinzi head|" + self._store_id + struct.pack(">Q", seq) + digest
        return hmac.new(self._mac_key, msg, hashlib.sha256).digest()

    def encode(self, seq: int, hash_hex: str) -> bytes:
        digest = bytes.fromhex(hash_hex)
        record = self._FORMAT.pack(self._MAGIC, 1, seq, digest, self._mac(seq, digest))
        return record.ljust(self._SLOT, b"\0")

    def exists(self) -> bool:
        return self.path.exists()

    def read(self) -> tuple[int, str] | None:
        """The newest authentic record, or None when the file is missing or none is authentic."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        best: tuple[int, str] | None = None
        for offset in (0, self._SLOT):
            chunk = data[offset : offset + self._FORMAT.size]
            if len(chunk) < self._FORMAT.size:
                continue
            magic, version, seq, digest, mac = self._FORMAT.unpack(chunk)
            if magic != self._MAGIC or version != 1:
                continue
            if not hmac.compare_digest(mac, self._mac(seq, digest)):
                continue
            if best is None or seq > best[0]:
                best = (seq, digest.hex())
        return best

    def write(self, seq: int, hash_hex: str) -> None:
        record = self.encode(seq, hash_hex)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                os.pwrite(fd, record, (seq % 2) * self._SLOT)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as e:
            if e.errno == errno.ENOSPC:
                raise StoreFull() from e
            raise

    def full_image(self, seq: int, hash_hex: str) -> bytes:
        """A whole new file holding only (seq, hash): for re-keying."""
        record = self.encode(seq, hash_hex)
        blank = b"\0" * self._SLOT
        return record + blank if seq % 2 == 0 else blank + record

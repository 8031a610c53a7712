"""Audit events that could not be written when they happened, kept sealed beside the store until
the next open that may write records them.

A refused store (rolled back, its head lost, its history altered) is evidence: nothing writes
to its database or its head until an administrator accepts it (see `db.store.open_store`). Yet
`check` signs people in on it, and a refusal met there (a caseworker's `--accept-current`) must
still reach the audit log, as every refusal does. It waits here: a small file, sealed with
AES-256-GCM under a key derived from the database key (it names a person, so it is no more
readable than the store), holding who was refused what and when, never child data. The next
open of the store that may write (the acceptance itself, or any sign-in after it) appends each
as an audit event, in one unit of work, and deletes the file.

What it cannot do: a person who can change the store's folder can delete this file, as they
can delete the store; the record is kept for the next open, not hidden from them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import stat
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from db.files import atomic_write

DEFERRED_FILE = "audit-deferred"
MAX_KEPT = 100  # a flood of refusals keeps the first ones and counts the rest
MAX_BYTES = 64 * 1024  # 100 events of a few hundred bytes each, sealed
_NONCE = 12
_ACTIONS = frozenset({"permission.denied"})  # the only events that wait here
_UNREADABLE = -1  # `dropped` when the file found was not one this store sealed


@dataclass(frozen=True)
class DeferredEvent:
    at: str  # ISO 8601 UTC: when it happened
    user_id: int | None
    username: str
    action: str
    summary: str

    @property
    def key(self) -> str:
        """Names this event among all others (its time is to the microsecond): how a recording
        cut off after its commit is not recorded twice."""
        body = json.dumps(asdict(self), sort_keys=True).encode()
        return hashlib.sha256(body).hexdigest()[:32]


def _event(e: object) -> DeferredEvent:
    """One event as this store wrote it, or ValueError: each field of its type and size, and a
    refusal, nothing else (the file's key is the database key's, held by anyone signed in)."""
    if not isinstance(e, dict) or set(e) != {"at", "user_id", "username", "action", "summary"}:
        raise ValueError("not an event")
    at, user_id, username, action, summary = (
        e["at"], e["user_id"], e["username"], e["action"], e["summary"]
    )  # fmt: skip
    if not (isinstance(at, str) and isinstance(username, str) and isinstance(summary, str)):
        raise ValueError("not an event")
    if user_id is not None and (type(user_id) is not int or not 0 < user_id < 2**63):
        raise ValueError("not an event")  # a row id: SQLite's integers are 64-bit
    if action not in _ACTIONS or len(username) > 200 or len(summary) > 500:
        raise ValueError("not a refusal")
    for text in (at, username, summary):
        text.encode("utf-8")  # UnicodeEncodeError (a ValueError) on a lone surrogate
    datetime.fromisoformat(at)  # ValueError when not a time
    return DeferredEvent(at, user_id, username, action, summary)


class DeferredEvents:
    """The sealed file of events waiting for a store that may be written."""

    def __init__(self, folder: Path, raw_key: bytes, store_id: str) -> None:
        self.path = folder / DEFERRED_FILE
        self._aad = f"ulinzi deferred audit v1|{store_id}".encode()
        self._aead = AESGCM(
            HKDF(
                hashes.SHA256(), 32, salt=store_id.encode(), info=b"ulinzi deferred audit v1"
            ).derive(raw_key)
        )

    def exists(self) -> bool:
        return self.path.is_symlink() or self.path.exists()

    def read(self) -> tuple[list[DeferredEvent], int]:
        """The events kept and how many more were not kept (-1: an earlier file was
        unreadable). ValueError when the file is not one this store sealed: damaged, put there
        by someone else, too large, or not a plain file (a folder, a pipe, a link, a device
        would hang or crash every open)."""
        try:
            data = self._bytes()
        except FileNotFoundError:
            return [], 0
        except OSError as e:
            raise ValueError("not a plain file of deferred audit events") from e
        try:
            plain = self._aead.decrypt(data[:_NONCE], data[_NONCE:], self._aad)
            body = json.loads(plain)
            events = [_event(e) for e in body["events"]]
            dropped = body["dropped"]
            if type(dropped) is not int or dropped < _UNREADABLE or len(events) > MAX_KEPT:
                raise ValueError("counts out of bounds")
            return events, dropped
        except (InvalidTag, ValueError, KeyError, TypeError) as e:
            raise ValueError("not a record of deferred audit events") from e

    def fingerprint(self) -> str:
        """The sealed file as it is now (each write seals it afresh), "" when it cannot be read."""
        try:
            return hashlib.sha256(self._bytes()).hexdigest()
        except OSError:
            return ""

    def _bytes(self) -> bytes:
        fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        try:
            found = os.fstat(fd)
            if not stat.S_ISREG(found.st_mode) or found.st_size > MAX_BYTES:
                raise OSError("not a plain file of a deferred record's size")
            return os.read(fd, MAX_BYTES + 1)
        finally:
            os.close(fd)

    def add(self, event: DeferredEvent) -> None:
        try:
            events, dropped = self.read()
        except ValueError:  # kept as found would lose this one; the next open says so
            events, dropped = [], _UNREADABLE
        if len(events) < MAX_KEPT:
            events.append(event)
        elif dropped != _UNREADABLE:
            dropped += 1
        body = json.dumps({"events": [asdict(e) for e in events], "dropped": dropped})
        nonce = secrets.token_bytes(_NONCE)
        self.remove()  # a folder or a pipe in its place would stop the write
        atomic_write(self.path, nonce + self._aead.encrypt(nonce, body.encode(), self._aad))

    def remove(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except IsADirectoryError:
            # An empty folder put in its place goes; a full one stays, and each open says again
            # that the record was unreadable.
            with contextlib.suppress(OSError):
                os.rmdir(self.path)

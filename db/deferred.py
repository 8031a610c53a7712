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

import json
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from db.files import atomic_write

DEFERRED_FILE = "audit-deferred"
MAX_KEPT = 100  # a flood of refusals keeps the first ones and counts the rest
_NONCE = 12


@dataclass(frozen=True)
class DeferredEvent:
    at: str  # ISO 8601 UTC: when it happened
    user_id: int | None
    username: str
    action: str
    summary: str


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
        return self.path.exists()

    def read(self) -> tuple[list[DeferredEvent], int]:
        """The events kept and how many more were not kept. ValueError when the file is not
        one this store sealed (damaged, or put there by someone else)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return [], 0
        try:
            plain = self._aead.decrypt(data[:_NONCE], data[_NONCE:], self._aad)
            body = json.loads(plain)
            events = [DeferredEvent(**e) for e in body["events"]]
            return events, int(body["dropped"])
        except (InvalidTag, ValueError, KeyError, TypeError) as e:
            raise ValueError("not a record of deferred audit events") from e

    def add(self, event: DeferredEvent) -> None:
        try:
            events, dropped = self.read()
        except ValueError:  # kept as found would lose this one; it is said in the next open
            events, dropped = [], 1
        if len(events) < MAX_KEPT:
            events.append(event)
        else:
            dropped += 1
        body = json.dumps({"events": [asdict(e) for e in events], "dropped": dropped})
        nonce = secrets.token_bytes(_NONCE)
        atomic_write(self.path, nonce + self._aead.encrypt(nonce, body.encode(), self._aad))

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)

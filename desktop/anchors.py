"""Audit-head anchors that leave the PC: backups, case packages and the receipts partners send
back carry the sequence and hash of the last audit event at the time. `ulinzi check --against`
proves from one of them that the history up to that event is unchanged here: whoever holds the
store's key today can re-hash a chain, but cannot make it end on a hash already written into a
file on a USB stick or in another agency's store.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.audit import last_event, verify_chain
from db.errors import QT_TRANSLATE_NOOP, UlinziError, WrongRecoveryKey
from db.models import PartnerAgency
from db.recovery_code import normalise_recovery_code
from db.store import Store
from desktop import access, packages
from desktop.session import UserSession

_HASH = re.compile(r"^[0-9a-f]{64}$")


class AnchorUnreadable(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "{name} is not a backup or a receipt this store can read, or it carries no audit head.",
    )


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    source: str  # "backup of 2026-12-07 09:14", "receipt from MUS"


@dataclass(frozen=True)
class AnchorCheck:
    anchor: Anchor
    ok: bool
    detail: str

    def line(self) -> str:
        head = f"anchor ({self.anchor.source}, audit event {self.anchor.seq}): "
        return head + self.detail


def anchor_of(s: Session) -> dict[str, Any] | None:
    """The head to write into a file that leaves the PC: the last committed audit event."""
    last = last_event(s)
    return {"seq": last.seq, "hash": last.hash} if last else None


def _parse(value: Any, source: str, name: str) -> Anchor:
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("seq"), int)
        or isinstance(value.get("seq"), bool)
        or value["seq"] < 1
        or not _HASH.match(str(value.get("hash") or ""))
    ):
        raise AnchorUnreadable(name=name)
    return Anchor(value["seq"], value["hash"], source)


@access.signed_in  # `check --against`: an anchor holds a head, no case
def read_anchor(us: UserSession, path: Path, ask: Callable[[str], str]) -> Anchor:
    """The anchor in a backup (asks for its recovery key or passphrase) or in a receipt (opened
    with this agency's key; only a receipt signed by a partner in the address book counts)."""
    from desktop import exchange

    data = exchange.read_file(path)
    name = path.name
    if data.startswith(b"age-encryption.org/v1\n-> scrypt"):
        secret = ask("Recovery key (or the backup's passphrase): ")
        candidates = [secret]
        with contextlib.suppress(WrongRecoveryKey):
            candidates.insert(0, normalise_recovery_code(secret))
        for candidate in candidates:
            try:
                plain = pyrage.passphrase.decrypt(data, candidate)
                break
            except Exception:  # noqa: BLE001 - pyrage's errors are not typed precisely
                continue
        else:
            raise AnchorUnreadable(name=name)
        try:
            with zipfile.ZipFile(io.BytesIO(plain)) as z:
                manifest = json.loads(z.read("backup.json"))
        except (zipfile.BadZipFile, KeyError, ValueError) as e:
            raise AnchorUnreadable(name=name) from e
        if manifest.get("store_id") != us.store.store_id:
            raise AnchorUnreadable(name=name)
        when = str(manifest.get("created_at") or "")[:16].replace("T", " ")
        return _parse(manifest.get("audit_head"), f"backup of {when}", name)
    with us.store.read() as s:
        keys = exchange.keys_in(s)  # read-only: keys made here now are rolled back, unused
        known = dict(s.execute(select(PartnerAgency.code, PartnerAgency.verify_key)).all())
    try:
        opened = packages.open_package(data, known, [keys.age_identity])
    except UlinziError as e:
        raise AnchorUnreadable(name=name) from e
    if opened.manifest.get("kind") != "receipt" or not opened.sender_known:
        raise AnchorUnreadable(name=name)
    about = opened.manifest.get("receipt_for") or {}
    return _parse(about.get("audit_head"), f"receipt from {opened.sender_code}", name)


def compare(store: Store, anchor: Anchor) -> AnchorCheck:
    """Walk the chain from its start to the anchor's event and compare the hash there."""
    with store.read() as s:
        report = verify_chain(s, store.store_id, upto=anchor.seq)
    if not report.ok:
        return AnchorCheck(
            anchor,
            False,
            f"DIFFERS: the history is broken at event {report.first_broken} "
            f"({report.problem}), before the anchor",
        )
    if report.last_seq < anchor.seq:
        return AnchorCheck(
            anchor, False, f"DIFFERS: the history ends at event {report.last_seq}, before it"
        )
    if report.last_hash != anchor.hash:
        return AnchorCheck(
            anchor, False, "DIFFERS: the history up to it was rewritten (its hash is not the same)"
        )
    return AnchorCheck(anchor, True, "ok, the history up to it is unchanged")

"""Encrypted backups of a whole store, and their restore into a new folder.

A backup is an **age** file (like a case package; the standard `age` tool opens it with the
passphrase) around a zip made in memory: the database as SQLite's backup API copies it while
the store stays open (still encrypted under the store's key), the key slots and the audit
head, and `backup.json` with their SHA-256. It is locked with the store's recovery key or with
a passphrase. Restoring writes a *new* store folder, never over an existing one: the restored
store opens with the same passwords and recovery key as the original did on the day of the
backup.
"""

from __future__ import annotations

import io
import json
import os
import re
import secrets
import socket
import time
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyrage
from sqlalchemy import select

from db.errors import (
    QT_TRANSLATE_NOOP,
    InvalidInput,
    UlinziError,
    WrongRecoveryKey,
)
from db.files import fsync_dir, write_durably, write_file, writing_to
from db.models import Agency, Role, Setting
from db.recovery_code import normalise_recovery_code
from db.store import (
    DB_FILE,
    HEAD_FILE,
    KEYSLOTS_FILE,
    RecoveryKey,
    StoreLock,
    open_store,
)
from desktop import access, accounts, packages
from desktop.session import UserSession

FORMAT = "ulinzi-backup"
MANIFEST = "backup.json"
FILES = (DB_FILE, KEYSLOTS_FILE, HEAD_FILE)
LAST_BACKUP = "last_backup"
BACKUP_DAYS = "backup_days"
DEFAULT_BACKUP_DAYS = 7
MAX_BACKUP_BYTES = 4 * 1024**3


class BackupError(UlinziError):
    pass


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    sha256: str
    cases: int
    at: datetime


SCRATCH = ".ulinzi-scratch-"  # + host + "-" + pid + "-" + random + ".snapshot"[-wal, -shm]
STALE_SCRATCH_SECONDS = 24 * 3600


def _scratch_prefix() -> str:
    host = re.sub(r"[^A-Za-z0-9]", "_", socket.gethostname())[:40] or "pc"
    return f"{SCRATCH}{host}-"


def remove_stale_scratch(folder: Path) -> list[str]:
    """Remove the scratch copies (and their -wal, -shm) that a killed backup left in `folder`:
    those of a process of this PC that is gone, and any older than a day (a folder on a network
    share may hold another PC's, still being written). Returns the names removed."""
    removed = []
    mine = _scratch_prefix()
    try:
        leftovers = sorted(folder.glob(f"{SCRATCH}*"))
    except OSError:
        return removed
    for path in leftovers:
        name = path.name
        try:
            stale = time.time() - path.stat().st_mtime > STALE_SCRATCH_SECONDS
            if not stale and name.startswith(mine):
                pid = int(name[len(mine) :].split("-", 1)[0])
                stale = pid != os.getpid() and not _running(pid)
            if stale:
                path.unlink()
                removed.append(name)
        except (OSError, ValueError):
            continue
    return removed


def _running(pid: int) -> bool:
    if os.name != "posix":  # signal 0 means something else there: the age alone decides
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # another account's process: alive
    return True


def _secret(us: UserSession | None, passphrase: str | None, recovery_key: str | None) -> str:
    if (passphrase is None) == (recovery_key is None):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Lock the backup with the recovery key or a passphrase.")
        )
    if passphrase is not None:
        if not packages.passphrase_is_strong(passphrase):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The passphrase is too short: use at least 4 different words and {min} "
                    "characters, for example five unrelated words. Without it the backup cannot "
                    "be restored: keep it written down apart from the backup drive.",
                ),
                min=packages.MIN_PASSPHRASE,
            )
        return passphrase
    code = normalise_recovery_code(recovery_key or "")
    if us is not None:
        us.store.slots.unlock_recovery(code)  # WrongRecoveryKey if it is not this store's
    return code


@access.requires(
    Role.ADMINISTRATOR, Role.SUPERVISOR, action=QT_TRANSLATE_NOOP("errors", "back up the store")
)
def check_backup(
    us: UserSession, folder: Path, *, passphrase: str | None = None, recovery_key: str | None = None
) -> None:
    """What `backup` would refuse, checked before anything is written: the window asks this
    while its dialog is still open, so a refusal never loses what was typed."""
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "The folder {folder} cannot be written to: plug the USB drive in, or choose "
                "another folder.",
            ),
            folder=str(folder),
        )
    _secret(us, passphrase, recovery_key)


@access.requires(
    Role.ADMINISTRATOR, Role.SUPERVISOR, action=QT_TRANSLATE_NOOP("errors", "back up the store")
)
def backup(
    us: UserSession,
    out: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
) -> BackupInfo:
    """Write an encrypted backup of the whole store to `out` (a USB drive's folder…)."""
    secret = _secret(us, passphrase, recovery_key)
    store = us.store
    now = datetime.now(UTC)
    with store.read() as s:
        agency = s.execute(select(Agency)).scalar_one()
        name, code = agency.name, agency.code
    # The scratch copy goes beside the backup, not into the store's folder: the store's disk
    # may be nearly full (the backup is what one makes before freeing space), and a full disk
    # there must not look like damage. It is encrypted under the store's key, like the live
    # database (and so are its -wal pages); its name lets the next backup to this folder
    # remove one left by a backup that was killed.
    remove_stale_scratch(out.parent)
    snapshot = out.parent / f"{_scratch_prefix()}{os.getpid()}-{secrets.token_hex(8)}.snapshot"
    files = {KEYSLOTS_FILE: (store.folder / KEYSLOTS_FILE).read_bytes()}
    with writing_to(out):
        try:
            # Encrypted under the store's key, like the live one, with a head of its own.
            copy = store.snapshot(snapshot, f"backup copy made by {us.user.username}")
            count = copy.cases
            files[DB_FILE] = snapshot.read_bytes()
            files[HEAD_FILE] = copy.head_image
        finally:
            for leftover in ("", "-wal", "-shm", "-journal"):
                Path(str(snapshot) + leftover).unlink(missing_ok=True)
    manifest = {
        "format": FORMAT,
        "version": 1,
        "store_id": store.store_id,
        "agency": {"name": name, "code": code},
        "created_at": now.isoformat(),
        "created_by": us.user.username,
        "cases": count,
        # `ulinzi check --against` proves the history up to this event is unchanged.
        "audit_head": {"seq": copy.anchor[0], "hash": copy.anchor[1]},
        "files": {n: {"sha256": packages.sha256(d), "size": len(d)} for n, d in files.items()},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(MANIFEST, json.dumps(manifest, indent=1))
        for n, d in files.items():
            z.writestr(n, d, zipfile.ZIP_STORED)  # encrypted pages do not compress
    data = pyrage.passphrase.encrypt(buffer.getvalue(), secret)
    del buffer, files
    write_file(out, data)
    digest = packages.sha256(data)
    with store.write() as s:
        value = json.dumps({"at": now.isoformat(), "by": us.user.full_name, "file": out.name})
        row = s.get(Setting, LAST_BACKUP)
        if row is None:
            s.add(Setting(key=LAST_BACKUP, value=value))
        else:
            row.value = value
        us.audit(s, "store.backup", summary=f"{count} cases, sha256 {digest}")
    return BackupInfo(out, len(data), digest, count, now)


@dataclass(frozen=True)
class BackupState:
    last_at: datetime | None
    last_by: str
    days: int  # the agency's interval

    @property
    def due(self) -> bool:
        return self.last_at is None or datetime.now(UTC) - self.last_at > timedelta(days=self.days)


@access.signed_in
def backup_state(us: UserSession) -> BackupState:
    with us.store.read() as s:
        last = s.get(Setting, LAST_BACKUP)
        days = s.get(Setting, BACKUP_DAYS)
        value = json.loads(last.value) if last else {}
        return BackupState(
            datetime.fromisoformat(value["at"]) if value.get("at") else None,
            str(value.get("by") or ""),
            int(json.loads(days.value)) if days else DEFAULT_BACKUP_DAYS,
        )


@dataclass(frozen=True)
class Restored:
    folder: Path
    agency: str
    cases: int
    created_at: str
    checked: bool  # opened with the recovery key and checked


def restore(data: bytes, into: Path, secret: str) -> Restored:
    """Restore a backup into the new folder `into` (refused when it exists and is not empty).
    `secret` is the recovery key or the passphrase the backup was locked with."""
    into = Path(into)
    if into.exists() and (not into.is_dir() or any(into.iterdir())):
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "errors",
                "A backup is restored into a new, empty folder, never over a store: {folder} "
                "is not empty.",
            ),
            folder=str(into),
        )
    if len(data) > MAX_BACKUP_BYTES or not data.startswith(b"age-encryption.org/v1\n"):
        raise BackupError(QT_TRANSLATE_NOOP("errors", "This file is not a Ulinzi backup."))
    candidates = [secret]
    recovery = None
    try:
        recovery = normalise_recovery_code(secret)
        candidates.insert(0, recovery)
    except WrongRecoveryKey:
        pass
    plain = None
    for candidate in candidates:
        try:
            plain = pyrage.passphrase.decrypt(data, candidate)
            break
        except Exception:  # noqa: BLE001 - pyrage's errors are not typed precisely
            continue
    if plain is None:
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This is not the recovery key or the passphrase of this backup, or the backup "
                "is damaged.",
            )
        )
    damaged = BackupError(
        QT_TRANSLATE_NOOP("errors", "This backup is damaged: it cannot be restored.")
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(plain))
        infos = archive.infolist()
        names = [i.filename for i in infos]
        if len(names) != len(set(names)) or not {MANIFEST} <= set(names) <= {MANIFEST, *FILES}:
            raise damaged
        if any(i.file_size > MAX_BACKUP_BYTES for i in infos):
            raise damaged
        manifest = json.loads(archive.read(MANIFEST))
        files = {n: archive.read(n) for n in names if n != MANIFEST}
    except (zipfile.BadZipFile, ValueError, KeyError, OSError, EOFError) as e:
        raise damaged from e
    if manifest.get("format") != FORMAT or manifest.get("version") != 1:
        raise damaged
    listed = manifest.get("files") or {}
    if set(listed) != set(files) or DB_FILE not in files or KEYSLOTS_FILE not in files:
        raise damaged
    for n, d in files.items():
        if listed[n].get("sha256") != packages.sha256(d):
            raise damaged
    into.mkdir(parents=True, exist_ok=True)
    lock = StoreLock(into)  # another restore into this folder at the same moment is refused
    lock.acquire()
    try:
        for n, d in files.items():
            write_durably(into / n, d)
        accounts.start_throttle_record(into)  # the slots say one is kept: a new store starts one
        fsync_dir(into)
    finally:
        lock.release()
    checked = False
    if recovery is not None:
        store = open_store(into, RecoveryKey(recovery))
        try:
            report = store.check()
            if not report.ok:
                raise damaged
            checked = True
        finally:
            store.close()
    agency = manifest.get("agency") or {}
    return Restored(
        into,
        f"{agency.get('name', '')} ({agency.get('code', '')})",
        int(manifest.get("cases") or 0),
        str(manifest.get("created_at") or ""),
        checked,
    )


@access.administrator(QT_TRANSLATE_NOOP("errors", "change the agency settings"))
def set_backup_days(us: UserSession, days: int) -> None:
    """How often the window reminds to back up (the agency's setting)."""
    if not 1 <= days <= 90:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The backup reminder is every 1 to 90 days.")
        )
    with us.store.write() as s:
        row = s.get(Setting, BACKUP_DAYS)
        if row is None:
            s.add(Setting(key=BACKUP_DAYS, value=json.dumps(days)))
        else:
            row.value = json.dumps(days)
        us.audit(s, "agency.settings_changed", summary="backup_days")

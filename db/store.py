"""The encrypted store: a folder with the SQLCipher database, its key slots and the audit head.

    ulinzi.db          SQLCipher 4, keyed with a random 256-bit raw key (never a typed password)
    keyslots.json      one slot per person and one for the recovery key (see db.keyslots)
    audit-head         the audit chain's last (sequence, hash), authenticated (see db.audit)
    audit-deferred     refusals met while the store was refused, until it may be written
    ulinzi.lock        held by the one process that has the store open
    backups/           copies written before a schema migration

A `Store` is an unlocked store: it owns the engine and the key, hands out one session per unit
of work (`read()` / `write()`), and forgets the key on `close()`.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import secrets
import shutil
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3
from filelock import FileLock, Timeout
from sqlalchemy import Connection, Engine, create_engine, delete, event, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from db import migrations
from db.audit import (
    CREATED_WITH_RESTART_KEYS,
    HEAD_INFO_KEY,
    RESTART_KEY_ACTION,
    ROOT_ACTION,
    SIGNER_INFO_KEY,
    AuditHeadFile,
    ChainReport,
    ForwardKey,
    Head,
    append_event,
    branch_root,
    chain_point,
    declared_key,
    last_event,
    new_seed,
    public_key_hex,
    restart_key_summary,
    verify_chain,
    verify_from,
)
from db.deferred import DeferredEvent, DeferredEvents
from db.errors import (
    AuditHeadBehind,
    AuditHeadMissing,
    AuditTampered,
    CannotWriteFolder,
    KeySlotsDamaged,
    PagesDamaged,
    StoreClosed,
    StoreDamaged,
    StoreExists,
    StoreFull,
    StoreInUse,
    StoreNotFound,
    StoreOpenElsewhere,
    StorePartlyOlder,
    StorePermissionDenied,
    StoreRolledBack,
    UlinziError,
    WalDamaged,
)
from db.files import (
    STORE_FILES,
    atomic_write,
    fsync_dir,
    is_group_shared,
    keep_shared,
    write_durably,
)
from db.keyslots import DEFAULT_KDF, RAW_KEY_BYTES, KdfParams, KeySlots
from db.models import AuditEvent, Setting
from db.recovery_code import new_recovery_code, normalise_recovery_code
from db.wal import WalImage

try:
    import fcntl
except ImportError:  # Windows: the lock file alone
    fcntl = None  # type: ignore[assignment]

DB_FILE, KEYSLOTS_FILE = STORE_FILES
HEAD_FILE = "audit-head"
LOCK_FILE = "ulinzi.lock"
LOCK_INFO_FILE = "ulinzi.lock.json"
BACKUPS_DIR = "backups"
PENDING = ".rekey"  # suffix of the files a re-key writes before it switches over
DAMAGED_WAL_DIR = "damaged-journal"  # under backups/: a damaged WAL kept as it was found
# Session.info key: the highest case number ever issued, (year, serial), as the head keeps it;
# desktop.cases numbers new cases above it and leaves the new mark there.
CASE_MARK_INFO_KEY = "case_mark"
ROOT_SEED_INFO_KEY = "audit_root_seed"  # (seq, seed): the seed a root event of this unit names
# The settings row holding the store's restart key: its public half (also named in the audit
# chain) and its private half sealed to the recovery slot (see db.audit, "restart key").
RESTART_KEY_SETTING = "audit_restart_key"
DEFERRED_RECORDED_SETTING = "audit_deferred_recorded"  # the last deferred record appended

# Decrypted pages kept per connection. The window holds up to four connections: at 64 MiB each,
# an hour's work on a 100,000-case store took it to 280 MiB; at 16 MiB, 227 MiB. Search goes
# through FTS5, not full-table LIKE scans (the reason for a larger cache in STACK.md).
PAGE_CACHE_KIB = 16 * 1024

log = logging.getLogger("ulinzi.store")


def is_store(folder: Path) -> bool:
    return (folder / KEYSLOTS_FILE).is_file() and (folder / DB_FILE).is_file()


def check_permissions(folder: Path) -> None:
    """Refuse, naming the file, when this PC account may not read and write part of the store:
    otherwise a missing right would show up later as a damaged key file or database."""
    try:
        folder.stat()
    except PermissionError:  # a closed parent folder: name it (it looks like no store at all)
        parents = reversed(folder.absolute().parents)
        closed = next((p for p in parents if not os.access(p, os.X_OK)), folder)
        raise StorePermissionDenied(
            account=_os_user(), file=str(closed), folder=str(folder)
        ) from None
    except OSError:
        return
    try:
        entries = [folder, *folder.iterdir()]
    except PermissionError:
        entries = [folder]
    except OSError:  # not a folder: open_store says there is no store there
        return
    for path in entries:
        need = os.R_OK | os.W_OK | (os.X_OK if path.is_dir() else 0)
        if not os.access(path, need):
            raise StorePermissionDenied(account=_os_user(), file=str(path), folder=str(folder))


def share_own_files(folder: Path) -> None:
    """In a group-shared store folder, give the files this account owns back to the group (a
    store made before Ulinzi kept them shared, or copied in by hand), so that the other
    accounts can open them again."""
    if os.name != "posix" or not is_group_shared(folder):
        return
    with suppress(OSError):
        for path in folder.iterdir():
            if path.is_file() and not path.is_symlink() and path.stat().st_uid == os.getuid():
                keep_shared(path)


def _is_disk_full(error: BaseException) -> bool:
    orig = getattr(error, "orig", error)
    return getattr(orig, "sqlite_errorcode", None) == 13 or "disk is full" in str(orig)


def _is_damage(error: BaseException) -> bool:
    """SQLITE_CORRUPT or SQLITE_NOTADB on a store already open: a page failed its HMAC or its
    structure (the key was right, or the store would not have opened)."""
    orig = getattr(error, "orig", error)
    return getattr(orig, "sqlite_errorcode", None) in (11, 26)


# -- the lock ------------------------------------------------------------------------------------


class StoreLock:
    """One process per store. The OS releases the lock when the holder dies, so it is never stale.

    Two OS locks: `ulinzi.lock` (taken first, also while a new store's database does not exist
    yet) and an exclusive `flock` on the database file itself. Anyone can delete the lock file
    under a running process and take a new one of the same name; nobody can swap the database
    file's inode under us without going through this lock, so the second lock is what keeps a
    re-key from replacing a database another process is writing. `flock` and SQLite's own
    `fcntl` byte-range locks are independent on Linux, so they do not interfere.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # Not thread-local: the window opens the store on a worker thread and closes it on the
        # UI thread, and both must see the same lock.
        self._lock = FileLock(folder / LOCK_FILE, timeout=0, thread_local=False)
        self._db_fd: int | None = None

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise self._in_use() from None
        try:
            if (self.folder / DB_FILE).exists():
                self.hold_database()
        except BaseException:
            self._lock.release()
            raise
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": _os_user(),
            "since": datetime.now().astimezone().isoformat(timespec="minutes"),
        }
        with suppress(OSError):
            (self.folder / LOCK_INFO_FILE).write_text(json.dumps(info), encoding="utf-8")

    def hold_database(self, path: Path | None = None) -> None:
        """Take the database file's own lock (again, after a re-key put a new file in place).

        `path` is the file about to become the database: it is locked before it is renamed
        over the old one, so there is no moment when the live database is unlocked.
        """
        if fcntl is None:
            return
        fd = os.open(path or self.folder / DB_FILE, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise self._in_use() from None
        # Closing our descriptor of the old file drops any POSIX lock this process holds on
        # it, so this happens only while no SQLite connection of ours is open on it.
        self._release_database()
        self._db_fd = fd

    def verify(self) -> None:
        """Before a destructive step: we still hold the live database, and nobody else has it
        open (another Ulinzi process, or any SQLite program, holds a lock in its `-shm`)."""
        if fcntl is None:
            return
        try:
            live = os.stat(self.folder / DB_FILE)
            held = os.fstat(self._db_fd) if self._db_fd is not None else None
        except OSError:
            held = None
        if held is None or (held.st_dev, held.st_ino) != (live.st_dev, live.st_ino):
            raise StoreOpenElsewhere()
        if _shm_in_use_elsewhere(self.folder / (DB_FILE + "-shm")):
            raise StoreOpenElsewhere()

    def _release_database(self) -> None:
        if self._db_fd is not None:
            os.close(self._db_fd)  # closing it releases the flock
            self._db_fd = None

    def _in_use(self) -> StoreInUse:
        try:
            info = json.loads((self.folder / LOCK_INFO_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            info = {}
        since = str(info.get("since", "?")).replace("T", " ")[:16]
        return StoreInUse(
            owner=info.get("user", "another user"), pid=info.get("pid", "?"), since=since
        )

    def release(self) -> None:
        if self._lock.is_locked:
            self._release_database()
            with suppress(OSError):
                (self.folder / LOCK_INFO_FILE).unlink()
            self._lock.release()


# SQLite's unix VFS: every connection to a WAL database holds a shared lock on this byte of the
# `-shm` file for as long as it is open (the "dead man switch").
_SHM_DMS_BYTE = 128


def _shm_in_use_elsewhere(shm: Path) -> bool:
    """True when another process has the database open. Call only while this process has no
    connection to it: closing our descriptor drops this process's locks on the file."""
    try:
        fd = os.open(shm, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return False  # a WAL database always has its -shm while any connection is open
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, _SHM_DMS_BYTE)
        return False
    finally:
        os.close(fd)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "another user"


# -- interrupted re-key --------------------------------------------------------------------------


def finish_interrupted_rekey(folder: Path) -> None:
    """Bring a store back to one consistent key after a re-key was cut off.

    A re-key writes ulinzi.db.rekey, audit-head.rekey and keyslots.json.rekey, then renames them
    over the live files in that order. If the new database is still beside the old one, the
    switch had not begun: the old files are whole, drop the new ones. If it is gone, the new
    database is live: finish the renames.
    """
    db_new = folder / (DB_FILE + PENDING)
    head_new = folder / (HEAD_FILE + PENDING)
    slots_new = folder / (KEYSLOTS_FILE + PENDING)
    if slots_new.exists() and not db_new.exists():
        if head_new.exists():
            os.replace(head_new, folder / HEAD_FILE)
        os.replace(slots_new, folder / KEYSLOTS_FILE)
    else:
        for leftover in (slots_new, head_new, db_new):
            leftover.unlink(missing_ok=True)
    fsync_dir(folder)


# -- engine --------------------------------------------------------------------------------------


def _configure(conn: sqlcipher3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")


def make_engine(
    path: Path, connect: Callable[[], sqlcipher3.Connection], pool_size: int = 4
) -> Engine:
    """An engine over `connect()`; transactions are begun by us, so writers can BEGIN IMMEDIATE."""
    engine = create_engine(
        "sqlite://",
        creator=connect,
        module=sqlcipher3,
        poolclass=QueuePool,
        pool_size=pool_size,
        # The connection used last is used next: its page cache holds what was just read
        # (and what the window read ahead after sign-in), already decrypted.
        pool_use_lifo=True,
        max_overflow=0 if pool_size == 1 else 10,  # one exclusive connection when read-only
        hide_parameters=True,  # an error's text must never quote a child's name
    )

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        mode = conn.get_execution_options().get("ulinzi_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _no_space_left(folder: Path) -> bool:
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return st.f_bavail * st.f_frsize < 64 * 1024


def _damaged(error: DBAPIError) -> PagesDamaged:
    """The plain refusal for damaged pages; the log keeps where it was met and SQLite's error
    code for whoever helps (the log's formatter drops the driver's message and every value)."""
    log.warning("damaged database pages met", exc_info=error)
    return PagesDamaged()


def _inspecting_uri_query(path: Path) -> str:
    """How to read a database without changing a byte of it, its -wal or its -shm (measured
    with SQLite 3.53): `mode=ro` alone still rewrites the -shm (the first connection rebuilds
    the WAL index) and creates -wal and -shm when there are none; `readonly_shm=1` keeps the
    index in this process's memory but cannot start without both files; with no WAL to read,
    `immutable=1` reads the file alone and touches nothing (it would ignore a WAL, so only
    then). A WAL without its -shm (deleted by hand) can only be read by letting SQLite make a
    new -shm: the files that were there still stay as they were."""
    wal = Path(f"{path}-wal")
    shm = Path(f"{path}-shm")
    try:
        wal_size = wal.stat().st_size
    except FileNotFoundError:
        wal_size = 0
    if wal_size == 0 and not shm.exists():
        return "?mode=ro&immutable=1"
    if shm.exists():
        return "?mode=ro&readonly_shm=1"
    return "?mode=ro"


def _keyed_connect(
    path: Path, key: bytearray, *, read_only: bool = False, inspect: bool = False
) -> Callable[[], sqlcipher3.Connection]:
    """`read_only`: one connection that needs no disk space (a full disk). `inspect`: also
    opened `mode=ro`, so that closing it cannot checkpoint the WAL into the database nor delete
    the -wal and -shm files (a refused store is evidence, see `open_store`)."""

    def connect() -> sqlcipher3.Connection:
        if not any(key):
            raise StoreClosed()
        if inspect:
            uri = path.absolute().as_uri() + _inspecting_uri_query(path)
            conn = sqlcipher3.connect(
                uri, uri=True, check_same_thread=False, isolation_level=None, timeout=30
            )
        else:
            conn = sqlcipher3.connect(
                str(path), check_same_thread=False, isolation_level=None, timeout=30
            )
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            if inspect:
                conn.execute("PRAGMA query_only = ON")
            elif read_only:
                # Before the first read: the WAL index then lives in this process's memory, so
                # no -shm file has to grow on a disk with no space left (SQLite's WAL docs).
                conn.execute("PRAGMA locking_mode = EXCLUSIVE")
                conn.execute("PRAGMA query_only = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if not read_only:
                _configure(conn)
        except sqlcipher3.DatabaseError as e:
            conn.close()
            if _is_disk_full(e) or (not read_only and _no_space_left(path.parent)):
                raise StoreFull() from e
            # The key came from an authenticated slot, so it is right: the file is damaged.
            raise StoreDamaged(detail=str(e)) from e
        return conn

    return connect


# -- check report --------------------------------------------------------------------------------


@dataclass
class CheckReport:
    cipher_problems: list[str] = field(default_factory=list)
    integrity_problems: list[str] = field(default_factory=list)
    chain: ChainReport | None = None
    head_problem: str = ""
    # Root events in the middle of the chain that this store did not write (see db.audit):
    # whoever wrote one may have replaced every event after it with a history of their own.
    unexplained_restarts: tuple[int, ...] = ()

    @property
    def ok(self) -> bool:
        return (
            not self.cipher_problems
            and not self.integrity_problems
            and self.chain is not None
            and self.chain.ok
            and not self.head_problem
            and not self.unexplained_restarts
        )

    def lines(self) -> list[str]:
        out = []
        out.append(
            "encryption (page HMAC): "
            + ("ok" if not self.cipher_problems else "; ".join(self.cipher_problems[:5]))
        )
        out.append(
            "database integrity: "
            + ("ok" if not self.integrity_problems else "; ".join(self.integrity_problems[:5]))
        )
        if self.chain is None:
            out.append("audit log: could not be read")
        elif self.chain.ok:
            signed = (
                f", signed from event {self.chain.signed_from}"
                if self.chain.signed_from
                else ", not signed"
            )
            restarts = ", ".join(str(r) for r in self.chain.restarts)
            again = f" (signing restarted at event {restarts})" if restarts else ""
            out.append(f"audit log: ok, {self.chain.events} events{signed}{again}")
            for seq in self.unexplained_restarts:
                out.append(
                    f"audit log: the history was RESTARTED at event {seq}, and not by this "
                    "store (no accepted loss, no backup): the events after it may have been "
                    "replaced. Compare with a backup or a printed receipt made before: "
                    "ulinzi check --against FILE"
                )
        else:
            out.append(
                f"audit log: BROKEN at event {self.chain.first_broken} "
                f"({self.chain.problem}); {self.chain.events} events before it are intact"
            )
        out.append("audit head: " + (self.head_problem or "ok, matches the database"))
        return out


@dataclass(frozen=True)
class _PendingHead:
    head: Head
    offset: int
    signer: ForwardKey | None


@dataclass(frozen=True)
class Snapshot:
    cases: int
    anchor: tuple[int, str]  # the live store's last audit event in the copy
    head_image: bytes  # the copy's own head file


# -- the store -----------------------------------------------------------------------------------


class Store:
    """An unlocked store. Create with `create_store()` or `open_store()`; always `close()`."""

    def __init__(self, folder: Path, lock: StoreLock, slots: KeySlots, raw_key: bytes) -> None:
        self.folder = folder
        self.store_id = slots.store_id
        self.slots = slots
        self._lock = lock
        self._key = bytearray(raw_key)
        self._head_file = AuditHeadFile(folder / HEAD_FILE, raw_key, self.store_id)
        self._head_mutex = threading.Lock()
        self.read_only = False
        self.inspecting = False  # not yet found sound: nothing on disk may change (open_store)
        self._head = Head(0, "")  # what the head file holds, once the store is opened
        self._signer: ForwardKey | None = None
        # Why this store may not be changed (rolled back, head lost, history altered); only
        # `check` opens a refused store, to read it, until an administrator accepts it.
        self.refusal: UlinziError | None = None
        self._head_unsettled = False  # the head file still holds a record beside the live one
        self.wal_at_open: WalImage | None = None
        self._start_engine()

    def connector(self) -> Callable[[], sqlcipher3.Connection]:
        """How each pooled connection is opened and keyed (a benchmark subclass opens plain)."""
        return _keyed_connect(
            self.db_path, self._key, read_only=self.read_only, inspect=self.inspecting
        )

    def open_read_only(self) -> None:
        """The disk is full: read with one connection that needs no disk space; every write is
        refused as StoreFull until the store is opened again with space free."""
        self.engine.dispose()
        self.read_only = True
        self._start_engine()

    def open_inspecting(self) -> None:
        """Read through one `mode=ro` connection until the store is known not to be refused
        (`_leave_inspection`): a refused store's files must stay as they were found."""
        self.engine.dispose()
        self.read_only = self.inspecting = True
        self._start_engine()

    def _leave_inspection(self) -> None:
        if self.inspecting:
            self.engine.dispose()
            self.read_only = self.inspecting = False
            self._start_engine()
            share_own_files(self.folder)

    def _start_engine(self) -> None:
        self.engine = make_engine(
            self.db_path, self.connector(), pool_size=1 if self.read_only else 4
        )
        self._reads = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._writes = sessionmaker(
            bind=self.engine.execution_options(ulinzi_begin="IMMEDIATE"), expire_on_commit=False
        )

    @property
    def db_path(self) -> Path:
        return self.folder / DB_FILE

    @property
    def is_open(self) -> bool:
        return any(self._key)

    # -- units of work ------------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only snapshot; anything left uncommitted is rolled back."""
        if not self.is_open:
            raise StoreClosed()
        session = self._reads()
        try:
            yield session
        except DBAPIError as e:
            if _is_damage(e):
                raise _damaged(e) from e
            raise
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: committed whole at the end, or not at all."""
        if not self.is_open:
            raise StoreClosed()
        if self.refusal is not None:
            raise self.refusal
        if self.read_only:
            raise StoreFull()
        session = self._writes()
        session.info["store_id"] = self.store_id
        if self._signer is not None:
            session.info[SIGNER_INFO_KEY] = self._signer
        session.info[CASE_MARK_INFO_KEY] = (self._head.case_year, self._head.case_serial)
        pending: _PendingHead | None = None
        committed = False
        try:
            yield session
            session.flush()
            if session.info.get(HEAD_INFO_KEY):
                # Before the commit, holding the head until it is settled after it (a second
                # writer thread waits here, inside its own transaction, never the other way).
                self._head_mutex.acquire()
                try:
                    pending = self._prepare_head(session.info)
                except BaseException:
                    self._head_mutex.release()
                    raise
            session.commit()
            committed = True
        except DBAPIError as e:
            session.rollback()
            self._abandon_head(pending)
            if _is_disk_full(e):
                raise StoreFull() from e
            if _is_damage(e):
                raise _damaged(e) from e
            raise
        except BaseException:
            session.rollback()
            self._abandon_head(pending)
            raise
        finally:
            try:
                session.close()
            finally:
                if committed and pending is not None:
                    self._settle_head(pending)

    def _prepare_head(self, info: dict) -> _PendingHead:  # type: ignore[type-arg]
        """Step 1 of the head protocol (see AuditHeadFile): the head of this unit of work, with
        the seed that signs the next event, written durably before the database commits. If
        the program dies after the commit and before `_settle_head`, the next open finds both
        records and takes the one the database matches: the head is never behind."""
        seq, hash_hex = info[HEAD_INFO_KEY]
        root = info.get(ROOT_SEED_INFO_KEY)
        signer = self._signer
        if root is not None:
            signer = ForwardKey(*root)
        seed = signer.seed_for(seq + 1) if signer is not None else None
        mark = max(info.get(CASE_MARK_INFO_KEY) or (0, 0), self._head.case_mark)
        head = replace(self._head, seq=seq, hash=hash_hex, seed=seed)
        head = replace(head, case_year=mark[0], case_serial=mark[1])
        offset = self._head_file.prepare(head)
        return _PendingHead(head, offset, signer)

    def _settle_head(self, pending: _PendingHead) -> None:
        """Step 3, after the commit: the head is live, the older seed is erased from the disk
        (a full disk cannot erase it: the next write or open does)."""
        try:
            self._head = pending.head
            self._signer = pending.signer
            if self._signer is not None:
                self._signer.advance_to(pending.head.seq + 1)
            with suppress(StoreFull):
                self._head_file.settle(pending.head, pending.offset)
        finally:
            self._head_mutex.release()

    def _abandon_head(self, pending: _PendingHead | None) -> None:
        if pending is not None:
            try:
                self._head_file.abandon(self._head, pending.offset)
            finally:
                self._head_mutex.release()

    # -- audit head ---------------------------------------------------------------------------
    def compare_head(self) -> bool:
        """Before anything may write (a migration included): is the head there, and does the
        database end exactly where it does? Works on any schema. Sets `refusal` when not.

        Why a head behind the database is refused, and how a crash is told from a copy:
        the head is written *before* each commit (AuditHeadFile.prepare) and its older record
        is erased after it (settle), so the live head is never behind the database, even
        after a kill -9 at any step: cut off before the commit, the file holds the live record
        and one naming an event the database never got (the live one is taken); cut off after
        it, the file holds both and the database matches the newer. A head that names an event
        *before* the database's last is therefore not a crash: it is an older copy of
        `audit-head` put back, whose seed would let its holder sign every later event again.
        It is refused like any other break of the history, until an administrator accepts it.
        """
        records = self._head_file.records()
        self.refusal = None
        if not records:
            self.refusal = AuditHeadMissing(file=HEAD_FILE)
            return False
        with self.engine.connect() as conn:
            last = conn.exec_driver_sql(
                "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"
            ).first()
            last_seq, last_hash = (last[0], last[1]) if last else (0, "")
            ordered = sorted(records, key=lambda r: (r.head.seq, r.head.seed is not None))
            chosen = ordered[-1]
            issued = max(r.head.case_mark for r in records)
            if chosen.head.seq > last_seq:
                # Cut off before the commit: the older record, if the database ends there.
                older = [r for r in ordered if (r.head.seq, r.head.hash) == (last_seq, last_hash)]
                if older and len({r.head.seq for r in records}) > 1:
                    chosen = max(older, key=lambda r: r.head.seed is not None)
            head = chosen.head
            self._head = head
            self._head_file.live_offset = chosen.offset
            at_head = conn.exec_driver_sql(
                "SELECT hash FROM audit_events WHERE seq = ?", (head.seq,)
            ).scalar()
            if head.seq > last_seq or at_head != head.hash:
                self.refusal = self._lost_changes(conn, head, last_seq)
            elif head.seq < last_seq:
                self.refusal = AuditHeadBehind(file=HEAD_FILE, seen=head.seq, last=last_seq)
            elif numbers := self._lost_case_numbers(conn, head):
                # The audit table is as new as the head, yet case numbers the head saw issued
                # are gone: an older database file under the current WAL (SQLite lays the WAL's
                # pages, the audit table's tail among them, over whatever file it finds).
                self.refusal = StorePartlyOlder(cases=numbers.strip(" ()"))
            if issued > head.case_mark:
                # The newer record's case number may have been shown before its change was lost
                # (committed, then the database put back): it is never issued again. The
                # database's counter catches up at the first open that may write.
                self._head = replace(head, case_year=issued[0], case_serial=issued[1])
            conn.rollback()
        seeded = [r for r in records if r.head.seed is not None]
        self._head_unsettled = len({r.head.seq for r in records}) > 1 or len(seeded) > 1
        return self.refusal is None

    def _catch_up_case_counter(self) -> None:
        """The database's case counter reaches the highest number the head saw issued, so the
        two agree and no number is issued twice (after an accepted loss, or a write cut off
        after its head was written)."""
        year, serial = self._head.case_mark
        if not year:
            return
        with self.engine.begin() as conn:
            have = conn.exec_driver_sql(
                "SELECT last FROM case_number_counters WHERE year = ?", (year,)
            ).scalar()
            if have is None or have < serial:
                conn.exec_driver_sql(
                    "INSERT INTO case_number_counters (year, last) VALUES (?, ?) "
                    "ON CONFLICT (year) DO UPDATE SET last = max(last, excluded.last)",
                    (year, serial),
                )

    def open_head(self) -> None:
        """After `compare_head` and the migrations: verify the events added since the last
        verified point and start signing if it has not started.

        Anything wrong sets `refusal` (and writes nothing, to the database or the head)."""
        head = self._head
        with self.read() as s:
            last = last_event(s)
            last_seq = last.seq if last else 0
            at_head = chain_point(s, head.seq) if head.seq else None
            if head.seed is None and at_head is not None and at_head.next_key is not None:
                # Signing had started, so the head had a seed: it was damaged or stripped.
                self.refusal = AuditHeadMissing(file=HEAD_FILE)
                return
            if head.seed is not None and (
                at_head is None or at_head.next_key != public_key_hex(head.seed)
            ):
                # The head's seed is not the one the event it names handed on: events were cut
                # off the end and the head written again.
                self.refusal = AuditTampered(seq=head.seq + 1, problem="is missing")
                return
            start = chain_point(s, head.verified) if head.verified else None
            report = verify_from(s, start) if start else verify_chain(s, self.store_id)
            if not report.ok:
                self.refusal = AuditTampered(seq=report.first_broken, problem=report.problem)
                return
        if not self.read_only:
            with suppress(StoreFull):  # before the head is written again with the mark
                self._catch_up_case_counter()
        signer = ForwardKey(head.seq + 1, head.seed) if head.seed is not None else None
        now = replace(head, verified=last_seq)
        with self._head_mutex:
            if (now != head or self._head_unsettled) and not self.read_only:
                # Also erases a seed left by a write cut off after its commit. A full disk
                # must not stop people signing in to read: the next open does it.
                with suppress(StoreFull):
                    self._head_file.write(now)
                    self._head_unsettled = False
            self._head = now
            self._signer = signer
        if self.read_only:
            return
        if signer is None:
            self._start_signing("signing started")
        else:
            with suppress(StoreFull):
                if not self._restart_key_named():
                    # A store older than restart keys: name one now. The restarts its head
                    # listed are taken as its own from here on (db.audit says what that
                    # proves).
                    with self.write() as s:
                        self._name_restart_key(s, head.roots)
        with suppress(StoreFull):
            self._record_deferred()

    def begin_history(self) -> None:
        """A new store: its first event starts the signed chain and writes the head; the next
        names the store's restart key."""
        self._head = Head(0, "")
        self._start_signing(CREATED_WITH_RESTART_KEYS)

    def _start_signing(
        self, reason: str, restart_key: bytes | None = None, earlier: tuple[int, ...] = ()
    ) -> None:
        """Append a root event naming a fresh seed's public key: signing starts after it.

        In the middle of the chain it is a restart, signed so that `check` knows it for the
        store's own: by the chain's current key when there is one (nothing was lost), or by
        the store's `restart_key` (an accepted loss); see db.audit. A store without a restart
        key names one in the same unit of work, listing `earlier` and this root as restarts
        it made before it had one."""
        seed = new_seed()
        with self.write() as s:
            vouch = s.info.pop(SIGNER_INFO_KEY, None)
            root = append_event(
                s,
                store_id=self.store_id,
                user_id=None,
                username="",
                action=ROOT_ACTION,
                summary=reason,
                root_seed=seed,
                root_signer=restart_key if restart_key is not None else vouch,
            )
            s.info[ROOT_SEED_INFO_KEY] = (root.seq + 1, seed)
            s.info[SIGNER_INFO_KEY] = ForwardKey(root.seq + 1, seed)
            if not self._restart_key_named(s):
                self._name_restart_key(s, (*earlier, root.seq))

    # -- the restart key ----------------------------------------------------------------------
    def _restart_key_named(self, session: Session | None = None) -> bool:
        if session is not None:
            return session.get(Setting, RESTART_KEY_SETTING) is not None
        with self.read() as s:
            return s.get(Setting, RESTART_KEY_SETTING) is not None

    @staticmethod
    def _restart_key_in_chain(session: Session) -> str | None:
        """The public half of the restart key the chain names last."""
        summary = session.execute(
            select(AuditEvent.summary)
            .where(AuditEvent.action == RESTART_KEY_ACTION)
            .order_by(AuditEvent.seq.desc())
            .limit(1)
        ).scalar()
        return declared_key(summary) if summary is not None else None

    @staticmethod
    def _restart_key_in_row(session: Session) -> str | None:
        """The public half of the restart key the settings row holds (None: no row)."""
        found = session.get(Setting, RESTART_KEY_SETTING)
        if found is None:
            return None
        try:
            return str(json.loads(found.value)["public"])
        except (ValueError, KeyError, TypeError):
            return ""  # a row, but not a key: not the one the chain names

    def _name_restart_key(self, session: Session, earlier: tuple[int, ...] = ()) -> None:
        """A new restart key: its public half named in the chain (an event signed like any
        other, so nobody can later put another key in force before an event already written),
        its private half sealed to the recovery slot (only the recovery key opens it; naming
        it needs no secret, so any open can upgrade a store)."""
        private = new_seed()
        public = public_key_hex(private)
        sealed = (
            self.slots.seal_for_recovery(private, _restart_purpose(public))
            if self.slots.has_recovery()
            else None
        )
        session.merge(
            Setting(key=RESTART_KEY_SETTING, value=json.dumps({"public": public, "sealed": sealed}))
        )
        append_event(
            session,
            store_id=self.store_id,
            user_id=None,
            username="",
            action=RESTART_KEY_ACTION,
            summary=restart_key_summary(public, earlier),
        )

    def restart_key(self, recovery_code: str) -> bytes | None:
        """The private half of the store's restart key, opened with the recovery key (which
        is checked first: WrongRecoveryKey). None when the database's restart key was sealed to
        another recovery key (it was replaced since this copy of the database was made)."""
        recovery_code = normalise_recovery_code(recovery_code)
        self.slots.unlock_recovery(recovery_code)  # WrongRecoveryKey, before anything else
        with self.read() as s:
            value = s.execute(
                select(Setting.value).where(Setting.key == RESTART_KEY_SETTING)
            ).scalar()
        try:
            named = json.loads(value) if value is not None else {}
            public, sealed = named["public"], named["sealed"]
            private = self.slots.open_with_recovery(recovery_code, sealed, _restart_purpose(public))
        except (KeySlotsDamaged, KeyError, TypeError, ValueError):
            return None
        return private if public_key_hex(private) == public else None

    # -- refusals met while the store was refused ----------------------------------------------
    def defer_event(self, user_id: int | None, username: str, action: str, summary: str) -> None:
        """Keep an audit event for the next open that may write (see db.deferred): the store
        is refused now, and a refused store is not written."""
        when = datetime.now(UTC).isoformat(timespec="microseconds")
        with suppress(OSError):  # a full folder in its place: the next open says it was unreadable
            self._deferred().add(DeferredEvent(when, user_id, username, action, summary))

    def _deferred(self) -> DeferredEvents:
        return DeferredEvents(self.folder, self._raw_key(), self.store_id)

    def _record_deferred(self) -> None:
        """Append the deferred events, then delete their file. The unit of work that appends
        them also notes what it appended (the file and each event), so a recording cut off
        between its commit and the deletion (a power cut) is not appended a second time."""
        deferred = self._deferred()
        if not deferred.exists():
            return
        try:
            events, dropped = deferred.read()
        except ValueError:
            events, dropped = [], -1
        fingerprint = deferred.fingerprint()
        try:
            self._append_deferred(events, dropped, fingerprint)
        except (DBAPIError, ValueError, OverflowError):
            # Sealed by someone holding the database key, it passed the file's checks and still
            # cannot be written (a user that is not one): recorded as unreadable, as a damaged
            # file is, never stopping the open (every open would meet it).
            self._append_deferred([], -1, fingerprint)
        deferred.remove()

    def _append_deferred(self, events: list[DeferredEvent], dropped: int, fingerprint: str) -> None:
        with self.write() as s:
            found = s.get(Setting, DEFERRED_RECORDED_SETTING)
            done = json.loads(found.value) if found is not None else {}
            if fingerprint and fingerprint == done.get("file"):
                events, dropped = [], 0  # this very file was recorded: only its deletion failed
            else:
                events = [e for e in events if e.key not in set(done.get("events", ()))]
            for e in events:
                append_event(
                    s,
                    store_id=self.store_id,
                    user_id=e.user_id,
                    username=e.username,
                    action=e.action,
                    summary=f"{e.summary} (at {e.at[:16].replace('T', ' ')} UTC, while the "
                    "store was refused: recorded at its next open)",
                )
            if dropped:
                append_event(
                    s,
                    store_id=self.store_id,
                    user_id=None,
                    username="",
                    action="audit.deferred_unreadable" if dropped < 0 else "audit.deferred_dropped",
                    summary="the record of refusals met while the store was refused was damaged "
                    "or replaced"
                    if dropped < 0
                    else f"{dropped} more refusals met while the store was refused",
                )
            recorded = {"file": fingerprint, "events": [e.key for e in events]}
            s.merge(Setting(key=DEFERRED_RECORDED_SETTING, value=json.dumps(recorded)))

    def _lost_changes(self, conn: Connection, head: Head, last_seq: int) -> UlinziError:
        """The database is behind its head: a damaged WAL if one was found damaged on open,
        else an older copy put back."""
        kept = self.folder / BACKUPS_DIR / DAMAGED_WAL_DIR
        wal = self.wal_at_open
        copy = None
        if wal is not None and wal.damaged:
            copy = wal.keep(kept, f"head-{head.seq}")
        else:
            # Found on an earlier open (SQLite has since dropped the WAL): still damage.
            copy = next(iter(sorted(kept.glob(f"ulinzi.db-wal-head-{head.seq}-*"))), None)
        if copy is not None:
            return WalDamaged(
                first=last_seq + 1,
                last=head.seq,
                cases=self._lost_case_numbers(conn, head),
                copy=str(copy),
            )
        return StoreRolledBack(expected=head.seq, found=last_seq)

    def _lost_case_numbers(self, conn: Connection, head: Head) -> str:
        if not head.case_year:
            return ""
        have = (
            conn.exec_driver_sql(
                "SELECT last FROM case_number_counters WHERE year = ?", (head.case_year,)
            ).scalar()
            or 0
        )
        if head.case_serial <= have:
            return ""
        code = conn.exec_driver_sql("SELECT code FROM agency").scalar() or ""
        first = f"{code}-{head.case_year}-{have + 1:05d}"
        last = f"{code}-{head.case_year}-{head.case_serial:05d}"
        return f" (cases {first} to {last})" if first != last else f" (case {first})"

    def head_problem(self) -> tuple[str, Exception | None]:
        """Compare the head file with the database: ("", None) when they agree."""
        if self.refusal is not None:
            return self.refusal.message, self.refusal
        return "", None

    def verify_head(self) -> None:
        if self.refusal is not None:
            raise self.refusal

    def accept_database_as_current(self, reason: str = "", recovery_code: str = "") -> str:
        """Trust the database as it is (an administrator restored a copy on purpose, or chose to
        work on after a loss). Returns what was lost, in words, for the audit event the caller
        records. Signing restarts with a fresh seed (the old one cannot be walked back), and the
        restart is signed with the store's restart key, opened with `recovery_code`, so that
        `check` can tell it from a forged one (see db.audit); without it (a lost recovery key)
        the store is accepted all the same and `check` reports the restart as not proven. The
        highest case number ever issued is kept, so lost numbers are not issued again."""
        refusal = self.refusal
        # The recovery key is checked before anything changes: a wrong one changes nothing.
        restart_key = self.restart_key(recovery_code) if recovery_code else None
        records = self._head_file.records()
        old = self._head_file.read()
        with self.read() as s:
            last = last_event(s)
            # The chain, not the settings row, says which restart key the store has: the row
            # holds its sealed private half, and whoever holds the database key can delete the
            # row or put a key of their own in it (never rewrite a signed event). A row that
            # is not the key the chain names last signs nothing.
            in_row, in_chain = self._restart_key_in_row(s), self._restart_key_in_chain(s)
            kept = in_row is not None and in_chain in (None, in_row)
            named = in_row is not None or in_chain is not None
            # A store older than restart keys, without its head: the restarts its database
            # holds are accepted with it (named in the audit event), as nothing can tell them
            # from forged ones any more. A store with a restart key needs no such list.
            found_roots = (
                ()
                if named
                else tuple(
                    s.execute(
                        select(AuditEvent.seq)
                        .where(AuditEvent.action == ROOT_ACTION, AuditEvent.seq > 1)
                        .order_by(AuditEvent.seq)
                    ).scalars()
                )
            )
        last_seq = last.seq if last else 0
        if old is None:
            # Without the head nothing here knows which numbers were issued after this copy:
            # say so, in the audit event and to the administrator.
            lost = (
                f"audit head missing; the database ends at event {last_seq}; case numbers "
                "issued after that may be issued again: compare with the paper files and the "
                "last backup (ulinzi check --against)"
            )
            if found_roots:
                lost += "; restarts accepted with it at events " + ", ".join(map(str, found_roots))
        elif old.seq > last_seq:
            with self.engine.connect() as conn:
                numbers = self._lost_case_numbers(conn, old)
                conn.rollback()
            lost = f"events {last_seq + 1} to {old.seq} lost{numbers}"
        elif isinstance(refusal, StorePartlyOlder):
            lost = f"part of the database older than event {old.seq}: {refusal.params['cases']}"
        elif isinstance(refusal, AuditHeadBehind):
            lost = (
                f"the events after {old.seq} (up to {last_seq}) were not in the audit head (an "
                "older copy of it was put back): they may have been rewritten; compare with the "
                "last backup (ulinzi check --against)"
            )
        elif isinstance(refusal, AuditTampered):
            lost = refusal.message.split("(", 1)[-1].split(")", 1)[0]
        elif refusal is not None:
            lost = f"events from {old.seq} differ from the recorded ones"
        else:
            lost = "nothing lost"
        lost = reason or lost
        if named and not kept:
            restart_key = None
            lost += (
                "; the store's restart key was removed from the database, or replaced by one "
                "its history does not name: this restart cannot be signed, ulinzi check "
                "reports it as not proven, and a new restart key is named after it"
            )
        elif named and restart_key is None:
            lost += (
                "; accepted without the store's restart key (no recovery key, or one made after "
                "this copy of the database): ulinzi check reports this restart as not proven"
            )
        mark = max((r.head.case_mark for r in records), default=(0, 0))
        earlier = old.roots if old else found_roots
        head = Head(last_seq, last.hash if last else "", None, last_seq, *mark)
        self._leave_inspection()
        with self._head_mutex:
            atomic_write(self.folder / HEAD_FILE, self._head_file.full_image(head))
            self._head_file.live_offset = 0
            self._head = head
            self._signer = None
            self.refusal = None
        if named and not kept:
            with self.write() as s:  # a key nobody can trust: the restart names a new one
                s.execute(delete(Setting).where(Setting.key == RESTART_KEY_SETTING))
        _migrate_if_needed(self)  # skipped while the store was refused
        # The database's own counter catches up with the highest number ever issued, so the
        # lost numbers are not issued again and the head and the database agree from now on.
        self._catch_up_case_counter()
        self._start_signing(f"signing restarted: {lost}", restart_key, earlier)
        self._record_deferred()
        return lost

    # -- checks -------------------------------------------------------------------------------
    def check(self) -> CheckReport:
        report = CheckReport()
        with self.engine.connect() as conn:
            try:
                rows = conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()
                report.cipher_problems = [str(r[0]) for r in rows]
                rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
                report.integrity_problems = [str(r[0]) for r in rows if r[0] != "ok"]
            except DBAPIError as e:
                report.integrity_problems.append(str(e.orig))
            try:
                report.chain = verify_chain(conn, self.store_id)
                unproven = report.chain.unproven
                if report.chain.restart_key_at is None:
                    # A store older than restart keys, read before its upgrade (a refused
                    # one): only its head's list speaks for its restarts (see db.audit).
                    unproven = tuple(r for r in unproven if r not in self._head.roots)
                report.unexplained_restarts = unproven
                if report.chain.ok and self.refusal is None and report.chain.next_key:
                    seed = self._head.seed
                    if seed is None or public_key_hex(seed) != report.chain.next_key:
                        report.head_problem = "its signing key does not follow the last event"
            except DBAPIError as e:
                report.integrity_problems.append(f"audit log unreadable: {e.orig}")
            conn.rollback()
        report.head_problem = report.head_problem or self.head_problem()[0]
        return report

    # -- key slots ----------------------------------------------------------------------------
    def _raw_key(self) -> bytes:
        if not self.is_open:
            raise StoreClosed()
        return bytes(self._key)

    def set_user_slot(self, username: str, password: str, kdf: KdfParams = DEFAULT_KDF) -> None:
        self.slots.set_user(username, password, self._raw_key(), kdf)
        self.slots.save(self.folder / KEYSLOTS_FILE)

    def remove_user_slot(self, username: str) -> bool:
        removed = self.slots.remove_user(username)
        if removed:
            self.slots.save(self.folder / KEYSLOTS_FILE)
        return removed

    def new_recovery_key(self, kdf: KdfParams = DEFAULT_KDF, session: Session | None = None) -> str:
        """A new recovery slot. With the unit of work `session`, the store also names a new
        restart key sealed to it (the old one only the old recovery key opens)."""
        code = new_recovery_code()
        self.slots.set_recovery(code, self._raw_key(), kdf)
        if session is not None:
            self._name_restart_key(session)
        self.slots.save(self.folder / KEYSLOTS_FILE)
        return code

    def snapshot(self, target: Path, reason: str = "backup copy") -> Snapshot:
        """A consistent copy of the live database through SQLite's backup API (never a copy of
        the file under a writer), still encrypted under the same key, at `target`, with the head
        file that goes with it.

        The copy's history is a branch: it ends with a root event of its own and its head holds
        a fresh seed, so the live store's seed never leaves the PC in a backup, and a restored
        copy opens and goes on signing. The anchor is the live store's last event in the copy."""
        with self._head_mutex:  # the seed for the copy's last event + 1 is derived from it
            live = ForwardKey(self._signer.seq, self._signer.seed) if self._signer else None
        source = self.connector()()
        try:
            copy = _keyed_connect(target, self._key)()
            try:
                source.backup(copy)
                cases = copy.execute("SELECT count(*) FROM cases").fetchone()[0]
                last = copy.execute(
                    "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"
                ).fetchone()
                # The copy's own highest case number, not the live head's: a case registered
                # while the copy was made is in the head but not in the copy, and a restored
                # backup would be refused for "missing" it.
                mark = copy.execute(
                    "SELECT year, last FROM case_number_counters ORDER BY year DESC LIMIT 1"
                ).fetchone() or (0, 0)
                seed = new_seed()
                # Signed by the live chain's seed for this position: the branch is proven the
                # store's own (the copy was taken after `live` was read, so it is not behind).
                vouch = live.seed_for(last[0] + 1) if live is not None else None
                root = branch_root(last[0], last[1], seed, reason, vouch)
                copy.execute(
                    "INSERT INTO audit_events (seq, at, user_id, username, action, case_id, "
                    "summary, prev_hash, hash, next_key, sig) VALUES (:seq, :at, :user_id, "
                    ":username, :action, :case_id, :summary, :prev_hash, :hash, :next_key, :sig)",
                    root,
                )
                copy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
        except sqlcipher3.OperationalError as e:
            if _is_disk_full(e):
                raise StoreFull() from e
            raise
        finally:
            source.close()
        head = Head(
            int(root["seq"]), str(root["hash"]), seed, int(root["seq"]), int(mark[0]), int(mark[1])
        )
        return Snapshot(int(cases), (last[0], last[1]), self._head_file.full_image(head))

    # -- re-key -------------------------------------------------------------------------------
    def require_sole_process(self) -> None:
        """Before replacing the database: refuse (StoreOpenElsewhere) unless this process alone
        has it open. Closes our own connections first; the next unit of work opens new ones."""
        self.engine.dispose()
        self._lock.verify()

    def rekey(self) -> None:
        """Re-encrypt the database under a fresh raw key and give it to every slot.

        Crash-safe: see `finish_interrupted_rekey`. The caller records the audit event first.
        """
        new_key = secrets.token_bytes(RAW_KEY_BYTES)
        db_new = self.folder / (DB_FILE + PENDING)
        db_new.unlink(missing_ok=True)
        self.require_sole_process()
        with self._head_mutex:  # after: nothing can write from here on, so this is the last head
            head = self._head
        conn = self.connector()()
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(db_new), f"x'{new_key.hex()}'"))
            conn.execute("SELECT sqlcipher_export('rekeyed')")
            conn.execute("DETACH DATABASE rekeyed")
        except sqlcipher3.OperationalError as e:
            db_new.unlink(missing_ok=True)
            if _is_disk_full(e):
                raise StoreFull() from e
            raise
        finally:
            conn.close()
        with open(db_new, "rb+") as f:
            os.fsync(f.fileno())
        keep_shared(db_new, self.db_path.stat())  # SQLite made it 0644 & ~umask, our group's
        new_slots = KeySlots(json.loads(self.slots.to_bytes()))
        new_slots.reseal_all(new_key)
        new_head = AuditHeadFile(self.folder / HEAD_FILE, new_key, self.store_id)
        if head.seq:
            write_durably(self.folder / (HEAD_FILE + PENDING), new_head.full_image(head))
        write_durably(self.folder / (KEYSLOTS_FILE + PENDING), new_slots.to_bytes())
        self._lock.hold_database(db_new)  # locked before it becomes the database
        for leftover in ("-wal", "-shm"):
            self.folder.joinpath(DB_FILE + leftover).unlink(missing_ok=True)
        fsync_dir(self.folder)
        os.replace(db_new, self.db_path)  # the switch: from here on the new key is the key
        fsync_dir(self.folder)
        finish_interrupted_rekey(self.folder)
        self.slots = new_slots
        self._key[:] = new_key
        self._head_file = new_head
        self._head_file.live_offset = 0  # full_image: the live record first
        self._start_engine()

    # -- lifetime -----------------------------------------------------------------------------
    def suspend(self) -> None:
        """Screen locked: close every connection and forget the key, but keep the folder."""
        self.engine.dispose()
        for i in range(len(self._key)):
            self._key[i] = 0

    def resume(self, credentials: Password | RecoveryKey) -> None:
        """Unlock again with someone's slot (the same person, or another switching in)."""
        raw_key = unlock_slot(self.slots, credentials)
        if self.is_open and bytes(self._key) != raw_key:
            raise StoreDamaged(detail="the key slot holds another key")
        self._key[:] = raw_key
        self._start_engine()

    def close(self) -> None:
        """Dispose of every connection, forget the key, release the folder."""
        if hasattr(self, "engine"):
            self.engine.dispose()
        for i in range(len(self._key)):
            self._key[i] = 0
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- creating and opening ------------------------------------------------------------------------


def create_store(
    folder: Path,
    username: str,
    password: str,
    kdf: KdfParams = DEFAULT_KDF,
    store_class: type[Store] = Store,
) -> tuple[Store, str]:
    """A new, empty store with one person's slot and a recovery slot. Returns the recovery key."""
    folder = Path(folder)
    try:
        if folder.exists() and any(folder.iterdir()):
            raise StoreExists(folder=str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        with suppress(OSError):  # keep setgid (inherited from a shared parent): see db.files
            folder.chmod(0o770 | (folder.stat().st_mode & 0o2000))
        lock = StoreLock(folder)
        lock.acquire()
    except PermissionError as e:
        raise CannotWriteFolder(folder=str(folder)) from e
    try:
        # SQLite would make the database 0644 & ~umask: not writable by the group's other
        # accounts. An empty file is a new database to it; its -wal and -shm take its mode.
        (folder / DB_FILE).touch(mode=0o666)
        raw_key = secrets.token_bytes(RAW_KEY_BYTES)
        store_id = str(uuid.uuid4())
        slots = KeySlots.new(store_id)
        slots.set_user(username, password, raw_key, kdf)
        code = new_recovery_code()
        slots.set_recovery(code, raw_key, kdf)
        store = store_class(folder, lock, slots, raw_key)
        with store.engine.begin() as conn:
            migrations.upgrade(conn)
        with store.write() as s:
            s.add(Setting(key="store_id", value=json.dumps(store_id)))
        lock.hold_database()
        store.begin_history()
        slots.save(folder / KEYSLOTS_FILE)
        return store, code
    except BaseException:
        lock.release()
        raise


@dataclass(frozen=True)
class Password:
    username: str
    password: str


@dataclass(frozen=True)
class RecoveryKey:
    code: str


def _restart_purpose(public_hex: str) -> str:
    return f"restart key {public_hex}"


def unlock_slot(slots: KeySlots, credentials: Password | RecoveryKey) -> bytes:
    if isinstance(credentials, Password):
        return slots.unlock_user(credentials.username, credentials.password)
    return slots.unlock_recovery(normalise_recovery_code(credentials.code))


def open_store(
    folder: Path,
    credentials: Password | RecoveryKey,
    *,
    verify_head: bool = True,
    before_unlock: Callable[[KeySlots], None] | None = None,
    store_class: type[Store] = Store,
) -> Store:
    """Lock the folder, unlock a slot, open the database, migrate it, compare the audit head.

    `before_unlock(slots)` runs after the lock is taken and before the (slow) key derivation:
    sign-in uses it to refuse attempts while a failed-login wait is running.

    Until the head comparison has found the store sound, nothing is written and no file's mode
    is changed, and the database is read through a `mode=ro` connection (a writable one would
    fold the WAL into the database and delete -wal and -shm when it closes): a refused store,
    whoever tried to open it (`check`, a command, the window), is left byte for byte as it was
    found, for whoever helps. An interrupted re-key is still finished first (it only completes
    renames the re-key had made durable; without it the slots and the database hold different
    keys).
    """
    folder = Path(folder)
    check_permissions(folder)
    if not is_store(folder):
        raise StoreNotFound(folder=str(folder))
    lock = StoreLock(folder)
    lock.acquire()
    store: Store | None = None
    try:
        finish_interrupted_rekey(folder)
        slots = KeySlots.load(folder / KEYSLOTS_FILE)
        if before_unlock is not None:
            before_unlock(slots)
        raw_key = unlock_slot(slots, credentials)
        # Before SQLite reads it: a damaged WAL is dropped silently, and deleted on close.
        wal = WalImage.read(folder / (DB_FILE + "-wal"))
        store = store_class(folder, lock, slots, raw_key)
        store.open_inspecting()  # until the head is found sound (see above)
        store.wal_at_open = wal
        try:
            try:
                _open_database(store, slots)
            except StoreFull:
                store.open_read_only()  # people can still sign in and read (see accounts.sign_in)
                _open_database(store, slots)
        except DBAPIError as e:
            if not _is_damage(e):
                raise
            # `check` may still open it, to say which pages; nothing else may use it.
            store.refusal = _damaged(e)
        store.wal_at_open = None
        if verify_head:
            store.verify_head()
        return store
    except BaseException:
        if store is not None:
            store.close()
        else:
            lock.release()
        raise


def _open_database(store: Store, slots: KeySlots) -> None:
    """Check the database belongs to these slots, compare the head (before any write, a
    migration included), migrate, then verify the events added since the last open."""
    with store.engine.connect() as conn:
        stored_id = conn.exec_driver_sql(
            "SELECT value FROM settings WHERE key = 'store_id'"
        ).scalar()
        conn.rollback()
    if stored_id is None or json.loads(stored_id) != slots.store_id:
        raise KeySlotsDamaged(detail="it belongs to another store")
    if store.compare_head():
        store._leave_inspection()  # sound: writable from here on
        _migrate_if_needed(store)
        store.open_head()


def _migrate_if_needed(store: Store) -> None:
    with store.engine.connect() as conn:
        current = migrations.current_revision(conn)
        conn.rollback()
    if current == migrations.HEAD:
        return
    backup_store_files(store, f"before-migration-{current or 'none'}")
    with store.engine.begin() as conn:
        migrations.upgrade(conn)


def backup_store_files(store: Store, label: str) -> Path:
    """Copy the store's files (still encrypted, same keys) into backups/<time>-<label>/.

    The head is copied without its seed: a seed in a copy would let whoever reads the copy
    later sign every event written after it (see db.audit). Put back, the copy is refused as a
    head without its seed until an administrator accepts it (`check --accept-current`)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = store.folder / BACKUPS_DIR / f"{stamp}-{label}"
    target.mkdir(parents=True, exist_ok=False)
    store.engine.dispose()
    conn = store.connector()()
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for name in (DB_FILE, KEYSLOTS_FILE):
        source = store.folder / name
        if source.exists():
            shutil.copy2(source, target / name)
            with open(target / name, "rb+") as f:
                os.fsync(f.fileno())
    with store._head_mutex:
        head = store._head
    if head.seq:
        write_durably(target / HEAD_FILE, store._head_file.bare_image(head))
    fsync_dir(target)
    return target

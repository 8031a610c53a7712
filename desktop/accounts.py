"""Accounts: setting up an agency, signing in (with a failed-login wait), users and passwords.

Sign-in happens before the database can be read, so the failed-login counts live outside it, in
`throttle.json`, keyed like the key slots (a salted hash of the username: the file names nobody).
Unknown usernames are counted too, so the wait does not reveal who has an account.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from db.errors import (
    QT_TRANSLATE_NOOP,
    InvalidInput,
    LoginThrottled,
    StoreFull,
    UlinziError,
    WeakPassword,
    WrongCredentials,
    WrongRecoveryKey,
)
from db.files import atomic_write
from db.keyslots import DEFAULT_KDF, RECOVERY_SLOT, KdfParams, KeySlots, fold_username
from db.models import Agency, Role, User
from db.store import KEYSLOTS_FILE, Password, RecoveryKey, Store, create_store, open_store
from desktop import access
from desktop.session import AgencyInfo, UserInfo, UserSession, load_session, record

MIN_PASSWORD_LENGTH = 10
FREE_ATTEMPTS = 5
FIRST_WAIT_SECONDS = 30
MAX_WAIT_SECONDS = 15 * 60
# Across every name: someone trying many names (each within its free attempts) slows everybody
# a little, never for long, so one person cannot lock an office out of its shared PC.
GLOBAL_FREE_ATTEMPTS = 20
GLOBAL_WINDOW_SECONDS = 15 * 60
GLOBAL_WAIT_SECONDS = 10
THROTTLE_FILE = "throttle.json"
THROTTLE_FORMAT = 2
_USERNAME = re.compile(r"^[\w.\-]{2,50}$")

log = logging.getLogger("ulinzi.accounts")

clock = time.time  # tests move time forward by replacing this


# -- failed-login wait ---------------------------------------------------------------------------


class Throttle:
    """Failures in a row per slot id, recent failures of any name, and the time before which no
    attempt is taken.

    Nothing can authenticate this file before the store is unlocked (no secret exists yet), so
    it cannot be protected against an edit by someone who may write the store's folder; what it
    must not do is reset silently. Once a store has kept a throttle file, `keyslots.json` says
    so (`KeySlots.throttle_kept`): a missing or unreadable file is then treated as the longest
    wait for every name, starting when it was noticed. (Whoever can write the folder can delete
    the database too; the Argon2 cost of each slot remains the real protection.)
    """

    def __init__(self, folder: Path, slots: KeySlots | None = None, *, keep: bool = True) -> None:
        self.path = folder / THROTTLE_FILE
        self._keep = keep  # False for `check`: a lost record is noticed, not rewritten
        self._accounts: dict[str, dict[str, float]] = {}
        self._recent: list[float] = []
        self._everyone_not_before = 0.0
        try:
            # mutation: equivalent — another encoding, and other words for the error: the record
            # is ASCII (hashed slot ids and numbers), and any ValueError here is a lost record.
            data = json.loads(self.path.read_text("utf-8"))  # pragma: no mutate
            if not isinstance(data, dict):
                raise ValueError("not an object")  # pragma: no mutate
            if data.get("format") == THROTTLE_FORMAT:
                self._accounts = _entries(data["accounts"])
                self._recent = [float(t) for t in data["recent"]]
                self._everyone_not_before = float(data["everyone_not_before"])
            elif slots is not None and slots.throttle_kept:
                # This store has always written the current format: anything else (`{}`) was
                # put there by hand, and counts as a lost record.
                self._lost()
            else:  # the first format: slot id -> entry
                self._accounts = _entries(data)
        except FileNotFoundError:
            if slots is not None and slots.throttle_kept:
                self._lost()
        except (OSError, ValueError, KeyError, TypeError):
            self._lost()

    def _lost(self) -> None:
        log.warning("the failed-login record was missing or damaged: every sign-in waits")
        self._accounts = {}
        self._recent = []
        self._everyone_not_before = clock() + MAX_WAIT_SECONDS
        if self._keep:
            with suppress(StoreFull):  # on a full disk the wait holds for this attempt only
                self._save()

    def wait_seconds(self, key: str) -> int:
        now = clock()
        self._bound(now)
        entry = self._accounts.get(key) or {}
        # mutation: equivalent — a default of 1 instead of 0: both are long past (and every entry
        # has its own time).
        not_before = max(float(entry.get("not_before", 0)), self._everyone_not_before)
        recent = self._recent_failures()
        if len(recent) >= GLOBAL_FREE_ATTEMPTS:
            not_before = max(not_before, recent[-1] + GLOBAL_WAIT_SECONDS)
        return max(0, int(not_before - now + 0.999))

    def _bound(self, now: float) -> None:
        """No wait ends later than its longest value from now. A clock set backwards (a flat
        battery, a wrong date typed in) would otherwise keep every wait running until the clock
        caught up, months later; the bound is saved, so the wait really ends after it."""
        latest = now + MAX_WAIT_SECONDS
        changed = self._everyone_not_before > latest
        self._everyone_not_before = min(self._everyone_not_before, latest)
        for entry in self._accounts.values():
            # mutation: equivalent — `>=`: a wait ending exactly at the bound is written unchanged.
            changed = changed or entry["not_before"] > latest
            entry["not_before"] = min(entry["not_before"], latest)
        if changed:
            with suppress(StoreFull):  # on a full disk the bound holds for this attempt only
                self._save()

    def _recent_failures(self) -> list[float]:
        now = clock()
        return [t for t in self._recent if now - GLOBAL_WINDOW_SECONDS < t <= now]

    def failed(self, key: str) -> None:
        # mutation: equivalent — a first "not before" of 1 instead of 0: both are long past, and
        # the entry gets its own time at its fifth failure.
        entry = self._accounts.setdefault(key, {"failures": 0, "not_before": 0})
        entry["failures"] = int(entry["failures"]) + 1
        extra = entry["failures"] - FREE_ATTEMPTS
        if extra >= 0:
            entry["not_before"] = clock() + min(FIRST_WAIT_SECONDS * 2**extra, MAX_WAIT_SECONDS)
        self._recent = [*self._recent_failures(), clock()][-GLOBAL_FREE_ATTEMPTS:]
        self._save()

    def succeeded(self, key: str) -> int:
        """Clear the count; return how many failures came before this success."""
        entry = self._accounts.pop(key, None)
        if entry is not None or not self.path.exists():
            self._save()
        return int(entry["failures"]) if entry else 0

    def _save(self) -> None:
        data = {
            "format": THROTTLE_FORMAT,
            "accounts": self._accounts,
            "recent": self._recent,
            "everyone_not_before": self._everyone_not_before,
        }
        # mutation: equivalent — "UTF-8": codec names are not case sensitive.
        atomic_write(self.path, json.dumps(data).encode("utf-8"))  # pragma: no mutate


def _entries(raw: Any) -> dict[str, dict[str, float]]:
    """Per-account entries as numbers (ValueError, TypeError or KeyError if they are not)."""
    if not isinstance(raw, dict):
        # mutation: equivalent — the words: any ValueError here is a lost record.
        raise ValueError("not an object")  # pragma: no mutate
    return {
        str(key): {"failures": int(v["failures"]), "not_before": float(v["not_before"])}
        for key, v in raw.items()
    }


def start_throttle_record(folder: Path) -> None:
    """An empty failed-login record, for a new store or one written from a backup."""
    Throttle(Path(folder))._save()


def _guarded_open(
    folder: Path,
    credentials: Password | RecoveryKey,
    # mutation: equivalent — a default of False: the only caller that leaves it out, `recover`,
    # writes at once, and a refused store refuses that write with the same error.
    verify_head: bool = True,
    store_class: type[Store] = Store,
) -> tuple[Store, int]:
    """Open the store, refusing while a wait runs and counting failures. Returns store, failures.

    With `verify_head` False (`check`, which may open a refused store, read-only: see
    `db.store.open_store`), a wrong password is still counted, since the count is what slows
    someone guessing, whichever command they guess through, and throttle.json holds no evidence
    about the store; but a right one clears nothing and a lost record is not rewritten, so a
    refused store's folder stays as it was found. (A lost record still means the longest wait:
    it is computed from the moment it is noticed, at every attempt.)"""
    folder = Path(folder)
    seen: dict[str, Any] = {}
    inspect = not verify_head

    def before_unlock(slots: KeySlots) -> None:
        key = (
            slots.slot_id(credentials.username)
            if isinstance(credentials, Password)
            else RECOVERY_SLOT
        )
        seen["key"], seen["slots"] = key, slots
        wait = Throttle(folder, slots, keep=not inspect).wait_seconds(key)
        if wait > 0:
            raise LoginThrottled(seconds=wait)

    try:
        store = open_store(
            folder,
            credentials,
            verify_head=verify_head,
            before_unlock=before_unlock,
            store_class=store_class,
        )
    except (WrongCredentials, WrongRecoveryKey):
        # The store lock is released by now; a second process could race here, which at worst
        # loses one count. The key slot's Argon2 cost is the real protection.
        with suppress(StoreFull):  # a full disk cannot keep the count; the answer stays "wrong"
            # mutation: equivalent — no slots: `before_unlock` has just read the record through
            # them, refused a lost one and (but for `check`) written it again, so the record
            # is here in the current format, which is read without the slots.
            Throttle(folder, seen["slots"]).failed(seen["key"])
        raise
    failures = 0
    if inspect:
        return store, failures
    try:
        # mutation: equivalent — no slots: as for `failed` above.
        failures = Throttle(folder, store.slots).succeeded(seen["key"])
        if not store.slots.throttle_kept:
            # From now on a missing throttle file is noticed (see Throttle). Written while the
            # store is held, so no other process rewrites the slots at the same moment.
            store.slots.throttle_kept = True
            store.slots.save(folder / KEYSLOTS_FILE)
    except StoreFull:
        pass  # a full disk: the count is cleared (and the slots marked) at a later sign-in
    except BaseException:
        store.close()
        raise
    return store, failures


# -- passwords and names -------------------------------------------------------------------------


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(minimum=MIN_PASSWORD_LENGTH)


def check_username(username: str) -> str:
    folded = fold_username(username)
    if not _USERNAME.match(folded):
        raise InvalidInput(
            detail="A username has 2 to 50 letters, digits, dots, dashes or underscores."
        )
    return folded


def parse_roles(roles: Iterable[str | Role]) -> frozenset[Role]:
    try:
        parsed = frozenset(Role(str(r).strip().lower()) for r in roles)
    except ValueError as e:
        names = ", ".join(r.value for r in Role)
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Roles are: {names}."), names=names) from e
    if not parsed:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A user needs at least one role."))
    if Role.FACILITY_STAFF in parsed and parsed & CASE_ROLES:
        # Facility staff read only the children placed at their facility now (desktop.access):
        # a role that holds or oversees case files would undo that need-to-know boundary.
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "Facility staff see only the children placed at their facility, so their "
                "account cannot also be a caseworker's, a supervisor's or a manager's. Give "
                "the person a second account for that work.",
            )
        )
    return parsed


CASE_ROLES = frozenset({Role.CASEWORKER, Role.SUPERVISOR, Role.MANAGER})


def _roles_text(roles: frozenset[Role]) -> str:
    return ",".join(sorted(r.value for r in roles))


# -- setting up ----------------------------------------------------------------------------------


def _readable_text(text: str) -> None:
    """Bytes that are not text (a command-line argument that is not UTF-8 arrives with lone
    surrogates) are refused before anything is created, not half-way through."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "A name holds bytes that are not text (not UTF-8).")
        ) from None


def init_agency(
    folder: Path,
    *,
    agency_name: str,
    agency_code: str,
    admin_username: str,
    admin_full_name: str,
    admin_password: str,
    country: str = "",
    district: str = "",
    language: str = "en",
    is_demo: bool = False,
    kdf: KdfParams = DEFAULT_KDF,
    store_class: type[Store] = Store,
) -> tuple[UserSession, str]:
    """Create a store for an agency with its first administrator. Returns the session and the
    recovery key (shown once)."""
    username = check_username(admin_username)
    check_password(admin_password)
    code = agency_code.strip().upper()
    if not re.fullmatch(r"[A-Z0-9]{2,10}", code):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The agency code has 2 to 10 letters or digits, e.g. KGL.")
        )
    if not agency_name.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The agency needs a name."))
    for text in (agency_name, admin_full_name, country, district):
        _readable_text(text)
    store, recovery_code = create_store(Path(folder), username, admin_password, kdf, store_class)
    try:
        start_throttle_record(store.folder)
        store.slots.throttle_kept = True  # from now on, a missing record is noticed
        store.slots.save(store.folder / KEYSLOTS_FILE)
        with store.write() as s:
            s.add(
                Agency(
                    name=agency_name.strip(),
                    code=code,
                    country=country.strip(),
                    district=district.strip(),
                    language=language,
                    is_demo=is_demo,
                )
            )
            admin = User(
                username=username,
                full_name=admin_full_name.strip() or username,
                roles=Role.ADMINISTRATOR.value,
            )
            s.add(admin)
            s.flush()
            record(s, store, admin, "store.created", summary=f"agency {code}")
        return load_session(store, admin), recovery_code
    except BaseException:
        store.close()
        raise


# -- signing in ----------------------------------------------------------------------------------


def prepare_sign_in() -> None:
    """Import what a sign-in imports on its way, before the click: the OpenSSL backend of the
    key slots' X25519 (about 70 ms) and the engine's SQLite dialect. The login window calls it
    off the UI thread while the password is typed (`ui.warmup`)."""
    import cryptography.hazmat.backends.openssl.backend  # noqa: F401
    import cryptography.hazmat.primitives.asymmetric.x25519  # noqa: F401
    import sqlalchemy.dialects.sqlite.pysqlcipher  # noqa: F401


def sign_in(
    folder: Path,
    username: str,
    password: str,
    *,
    verify_head: bool = True,
    store_class: type[Store] = Store,
) -> UserSession:
    """Unlock the store with a person's password and return their session."""
    folded = fold_username(username)
    store, failures = _guarded_open(
        Path(folder), Password(folded, password), verify_head, store_class
    )
    try:
        if store.read_only or store.refusal is not None:
            # The disk is full: nothing can be written, not this event and not the log (on the
            # same disk). People may still read what they are allowed to; everything that
            # needs an audit event (opening a case file, any change) is refused as StoreFull.
            # Or the store is refused (only `check` gets here, with verify_head=False): it
            # reads and may accept the store, but nothing, not even this sign-in, is written.
            with store.read() as s:
                user = s.execute(select(User).where(User.username == folded)).scalar_one_or_none()
                if user is None or not user.active:
                    raise WrongCredentials()
                agency = s.execute(select(Agency)).scalar_one()  # one connection: no nesting
                return UserSession(store, UserInfo.of(user), AgencyInfo.of(agency))
        with store.write() as s:
            user = s.execute(select(User).where(User.username == folded)).scalar_one_or_none()
            if user is None or not user.active:
                # A slot without an active account (e.g. removed while the slot stayed).
                raise WrongCredentials()
            user.failed_logins = failures
            user.last_login_at = datetime.now(UTC)
            record(
                s, store, user, "session.signed_in", summary=f"{failures} failed attempts before"
            )
        return load_session(store, user)
    except BaseException:
        store.close()
        raise


@access.signed_in
def unlock(us: UserSession, username: str, password: str) -> UserSession:
    """After the screen locked: the same person unlocks, or another switches in.

    The store's folder stays held by this program; only the key is derived again. The same
    failed-login wait applies as at sign-in.
    """
    store = us.store
    folded = fold_username(username)
    key = store.slots.slot_id(folded)
    throttle = Throttle(store.folder, store.slots)
    wait = throttle.wait_seconds(key)
    if wait > 0:
        raise LoginThrottled(seconds=wait)
    store.suspend()
    try:
        store.resume(Password(folded, password))
    except WrongCredentials:
        with suppress(StoreFull):
            throttle.failed(key)
        raise
    failures = 0
    with suppress(StoreFull):
        failures = throttle.succeeded(key)
    action = "session.unlocked" if folded == us.user.username else "session.switched"
    if store.read_only:  # a full disk: as at sign-in, reading without an event
        with store.read() as s:
            user = s.execute(select(User).where(User.username == folded)).scalar_one_or_none()
            if user is None or not user.active:
                store.suspend()
                raise WrongCredentials()
            agency = s.execute(select(Agency)).scalar_one()
            return UserSession(store, UserInfo.of(user), AgencyInfo.of(agency))
    with store.write() as s:
        user = s.execute(select(User).where(User.username == folded)).scalar_one_or_none()
        if user is None or not user.active:
            store.suspend()
            raise WrongCredentials()
        user.failed_logins = failures
        record(s, store, user, action, summary=f"{failures} failed attempts before")
    return load_session(store, user)


@access.signed_in
def reload_session(us: UserSession) -> UserSession:
    """The same person, with their account as it is now (e.g. after changing a password)."""
    with us.store.read() as s:
        user = s.get(User, us.user.id)
        return load_session(us.store, user)


@access.signed_in
def lock(us: UserSession) -> None:
    """Lock the screen: the key is forgotten until someone unlocks."""
    # On a full disk the screen still locks, unrecorded: the lock matters more than its event.
    with suppress(StoreFull), us.store.write() as s:
        us.audit(s, "session.locked")
    us.store.suspend()


def recover(
    folder: Path, recovery_code: str, username: str, new_password: str, kdf: KdfParams = DEFAULT_KDF
) -> None:
    """Use the recovery key to give an existing account a new password."""
    check_password(new_password)
    folded = fold_username(username)
    store, _ = _guarded_open(Path(folder), RecoveryKey(recovery_code))
    with store, store.write() as s:
        user = s.execute(select(User).where(User.username == folded)).scalar_one_or_none()
        if user is None or not user.active:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "There is no active account named {name}."), name=folded
            )
        user.must_change_password = False
        store.set_user_slot(folded, new_password, kdf)
        record(s, store, user, "account.recovered", summary="password set with the recovery key")


# -- managing users ------------------------------------------------------------------------------


class CasesInHand(InvalidInput):
    """An account about to be closed still holds cases: they need another owner first."""

    text = QT_TRANSLATE_NOOP(
        "errors",
        "{name} still holds {n} open cases. Give them to another worker first: "
        "Administration → Users → Deactivate asks who takes them, or "
        "`ulinzi reassign --from {name} --to USERNAME --reason TEXT`.",
    )


@dataclass(frozen=True)
class UserSummary:
    username: str
    full_name: str
    roles: frozenset[Role]
    team: str
    supervisor: str
    active: bool
    has_key_slot: bool


def _find_user(s, username: str) -> User:  # type: ignore[no-untyped-def]
    user = s.execute(
        select(User).where(User.username == fold_username(username))
    ).scalar_one_or_none()
    if user is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "There is no account named {name}."),
            name=fold_username(username),
        )
    return user


@access.administrator(QT_TRANSLATE_NOOP("errors", "add users"))
def add_user(
    us: UserSession,
    username: str,
    full_name: str,
    roles: Iterable[str | Role],
    password: str,
    *,
    team: str = "",
    supervisor: str | None = None,
    must_change_password: bool = True,
    kdf: KdfParams = DEFAULT_KDF,
) -> UserInfo:
    folded = check_username(username)
    role_set = parse_roles(roles)
    check_password(password)
    with us.store.write() as s:
        if s.execute(select(User.id).where(User.username == folded)).first():
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "The username {name} is already taken."), name=folded
            )
        supervisor_id = _find_user(s, supervisor).id if supervisor else None
        user = User(
            username=folded,
            full_name=full_name.strip() or folded,
            roles=_roles_text(role_set),
            team=team.strip(),
            supervisor_id=supervisor_id,
            must_change_password=must_change_password,
        )
        s.add(user)
        s.flush()
        us.audit(s, "account.added", summary=f"{folded} ({_roles_text(role_set)})")
        # The slot is written inside the unit of work: if it cannot be saved, no account is made.
        us.store.set_user_slot(folded, password, kdf)
        return UserInfo.of(user)


@access.signed_in
def change_own_password(
    us: UserSession, current: str, new: str, kdf: KdfParams = DEFAULT_KDF
) -> None:
    check_password(new)
    if current == new:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The new password must differ from the current one.")
        )
    try:
        us.store.slots.unlock_user(us.user.username, current)
    except WrongCredentials:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The current password is not correct.")
        ) from None
    with us.store.write() as s:
        user = _find_user(s, us.user.username)
        user.must_change_password = False
        us.audit(s, "account.password_changed", summary=us.user.username)
        us.store.set_user_slot(us.user.username, new, kdf)


@access.administrator(QT_TRANSLATE_NOOP("errors", "set other people's passwords"))
def reset_password(
    us: UserSession,
    username: str,
    new: str,
    *,
    temporary: bool = True,
    kdf: KdfParams = DEFAULT_KDF,
) -> None:
    """An administrator gives someone a new (by default temporary) password."""
    check_password(new)
    with us.store.write() as s:
        user = _find_user(s, username)
        if not user.active:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "The account {name} has been removed."),
                name=user.username,
            )
        user.must_change_password = temporary
        us.audit(s, "account.password_reset", summary=user.username)
        us.store.set_user_slot(user.username, new, kdf)


@access.administrator(QT_TRANSLATE_NOOP("errors", "remove users"))
def remove_user(
    us: UserSession, username: str, hand_over: Mapping[str, str] | None = None, reason: str = ""
) -> None:
    """Close an account: its key slot is deleted, its name stays in the history.

    Someone who leaves must not take cases with them: `hand_over` (case uuid → username) gives
    their cases to others in the same unit of work, and the account is closed only when no case
    is left in their hands and nobody is left in their team."""
    from desktop import assignments  # it builds on the case workflow, which needs this module

    with us.store.write() as s:
        user = _find_user(s, username)
        if user.id == us.user.id:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "You cannot remove your own account."))
        if user.active:
            assignments.hand_over(s, us, user, hand_over or {}, reason)
            left = len(assignments.cases_in_hand(s, user.id))
            if left:
                raise CasesInHand(name=user.username, n=left)
            team = s.execute(
                select(func.count()).where(User.supervisor_id == user.id, User.active)
            ).scalar()
            if team:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "{name} supervises {n} people: give them another supervisor first "
                        "(Administration → Users → Assign supervisor).",
                    ),
                    name=user.username,
                    n=team,
                )
        if Role.ADMINISTRATOR in user.role_set:
            others = s.execute(
                select(User.roles).where(User.active.is_(True), User.id != user.id)
            ).scalars()
            if not any(Role.ADMINISTRATOR.value in r.split(",") for r in others):
                raise InvalidInput(
                    QT_TRANSLATE_NOOP("errors", "The store must keep at least one administrator.")
                )
        user.active = False
        us.audit(s, "account.removed", summary=user.username)
        us.store.remove_user_slot(user.username)


@access.administrator(QT_TRANSLATE_NOOP("errors", "reactivate users"))
def reactivate_user(
    us: UserSession, username: str, temporary_password: str, kdf: KdfParams = DEFAULT_KDF
) -> None:
    """Give a removed account back, with a new key slot and a temporary password."""
    check_password(temporary_password)
    with us.store.write() as s:
        user = _find_user(s, username)
        if user.active:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "The account {name} is already active."),
                name=user.username,
            )
        user.active = True
        user.must_change_password = True
        us.audit(s, "account.reactivated", summary=user.username)
        us.store.set_user_slot(user.username, temporary_password, kdf)


@access.administrator(QT_TRANSLATE_NOOP("errors", "assign supervisors"))
def assign_supervisor(us: UserSession, username: str, supervisor: str | None) -> None:
    """Put a caseworker in a supervisor's team (or in none)."""
    with us.store.write() as s:
        user = _find_user(s, username)
        boss = _find_user(s, supervisor) if supervisor else None
        if boss is not None and (boss.id == user.id or Role.SUPERVISOR not in boss.role_set):
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "{name} is not a supervisor who can take this team."),
                name=boss.username,
            )
        user.supervisor_id = boss.id if boss else None
        us.audit(
            s,
            "account.supervisor_assigned",
            summary=f"{user.username} → {boss.username if boss else '-'}",
        )


@access.requires(
    Role.ADMINISTRATOR,
    Role.SUPERVISOR,
    Role.MANAGER,
    action=QT_TRANSLATE_NOOP("errors", "list the users"),
)
def list_users(us: UserSession) -> list[UserSummary]:
    with us.store.read() as s:
        users = s.execute(select(User).order_by(User.username)).scalars().all()
        names = {u.id: u.username for u in users}
        return [
            UserSummary(
                u.username,
                u.full_name,
                u.role_set,
                u.team,
                names.get(u.supervisor_id, "") if u.supervisor_id else "",
                u.active,
                us.store.slots.has_user(u.username),
            )
            for u in users
        ]


@access.administrator(QT_TRANSLATE_NOOP("errors", "re-key the store"))
def rekey(us: UserSession) -> None:
    """Re-encrypt the database under a new key (after someone who left may have copied it)."""
    us.store.require_sole_process()  # before the event: a refused re-key did not happen
    with us.store.write() as s:
        us.audit(s, "store.rekeyed", summary=f"{len(us.store.slots)} key slots resealed")
    us.store.rekey()


@access.administrator(QT_TRANSLATE_NOOP("errors", "make a new recovery key"))
def new_recovery_key(us: UserSession, kdf: KdfParams = DEFAULT_KDF) -> str:
    with us.store.write() as s:
        us.audit(s, "store.recovery_key_replaced")
        return us.store.new_recovery_key(kdf, s)


__all__ = [
    "UlinziError",
    "add_user",
    "change_own_password",
    "init_agency",
    "list_users",
    "new_recovery_key",
    "recover",
    "rekey",
    "remove_user",
    "reset_password",
    "sign_in",
]

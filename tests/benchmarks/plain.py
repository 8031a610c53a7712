"""The plain-SQLite side of the comparison, and signing in to either side."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import desktop.accounts
from db import store as store_module
from db.errors import StoreClosed, StoreDamaged
from db.keyslots import KdfParams
from db.store import Store
from desktop.session import UserSession

# Argon2id's smallest useful cost: for stores whose unlocking is not what is being measured.
FAST_KDF = KdfParams(8 * 1024, 1, 1)


class PlainStore(Store):
    """The real store with unencrypted connections; key slots, audit head and services unchanged."""

    def connector(self) -> Callable[[], sqlite3.Connection]:  # type: ignore[override]
        path = str(self.db_path)

        def connect() -> sqlite3.Connection:
            if not self.is_open:
                raise StoreClosed()
            conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
            # The production pragmas (WAL, synchronous=FULL, foreign keys, 64 MiB cache), so the
            # two sides differ only by encryption.
            store_module._configure(conn)  # type: ignore[arg-type]
            return conn

        return connect


SIDES: dict[str, type[Store]] = {"encrypted": Store, "plain": PlainStore}


@contextmanager
def _open_store_with(store_class: type[Store]) -> Iterator[None]:
    """Make `desktop.accounts` open stores as `store_class` when it does not pass it on itself."""
    original = desktop.accounts.open_store

    def open_store(*args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("store_class", store_class)
        return original(*args, **kwargs)

    desktop.accounts.open_store = open_store  # type: ignore[assignment]
    try:
        yield
    finally:
        desktop.accounts.open_store = original  # type: ignore[assignment]


def _sign_in_passes_store_class_on() -> bool:
    """Does `desktop.accounts.sign_in(..., store_class=)` reach `open_store`? Tried on a tiny store."""
    with tempfile.TemporaryDirectory(prefix="ulinzi-bench-") as tmp:
        folder = Path(tmp) / "probe"
        session, _ = desktop.accounts.init_agency(
            folder,
            agency_name="Probe",
            agency_code="PRB",
            admin_username="admin",
            admin_full_name="Probe",
            admin_password="probe-password",
            kdf=FAST_KDF,
            store_class=PlainStore,
        )
        session.close()
        try:
            session = desktop.accounts.sign_in(
                folder, "admin", "probe-password", store_class=PlainStore
            )
        except StoreDamaged:
            # The encrypted Store was used on the plain file: "file is not a database".
            return False
        passed_on = type(session.store) is PlainStore
        session.close()
        return passed_on


class SignIn:
    """`desktop.accounts.sign_in` for either side, checking that the side really is the one asked.

    If sign_in does not pass `store_class` on to `open_store` (seen in the working tree this suite
    was written against), `open_store` is given it by a temporary wrapper, and `workaround` says so.
    """

    def __init__(self) -> None:
        self.workaround = not _sign_in_passes_store_class_on()

    def __call__(
        self, folder: Path, username: str, password: str, store_class: type[Store]
    ) -> UserSession:
        if self.workaround and store_class is not Store:
            with _open_store_with(store_class):
                session = desktop.accounts.sign_in(
                    folder, username, password, store_class=store_class
                )
        else:
            session = desktop.accounts.sign_in(folder, username, password, store_class=store_class)
        if type(session.store) is not store_class:
            session.close()
            raise RuntimeError(
                f"sign_in opened a {type(session.store).__name__}, not a {store_class.__name__}"
            )
        return session

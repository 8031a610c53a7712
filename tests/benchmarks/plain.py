"""The plain-SQLite side of the comparison, and signing in to either side."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import desktop.accounts
from db import store as store_module
from db.errors import StoreClosed
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


class SignIn:
    """`desktop.accounts.sign_in` for either side, checking that the side really is the one asked."""

    def __call__(
        self, folder: Path, username: str, password: str, store_class: type[Store]
    ) -> UserSession:
        session = desktop.accounts.sign_in(folder, username, password, store_class=store_class)
        if type(session.store) is not store_class:
            session.close()
            raise RuntimeError(
                f"sign_in opened a {type(session.store).__name__}, not a {store_class.__name__}"
            )
        return session

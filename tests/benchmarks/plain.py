"""The plain side of the comparison: the same SQLite build (sqlcipher3) opened without a key, on a
plaintext copy of the store. Never the standard library's sqlite3: another SQLite version with
other compile options (17–39% slower on some rows), and two libraries must never share one WAL
file (a probe found the database malformed)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from db import store as store_module
from db.errors import StoreClosed
from db.keyslots import KdfParams, KeySlots
from db.store import DB_FILE, HEAD_FILE, KEYSLOTS_FILE, Store
from desktop.accounts import THROTTLE_FILE

# Argon2id's smallest useful cost: for stores whose unlocking is not what is being measured.
FAST_KDF = KdfParams(8 * 1024, 1, 1)


class PlainStore(Store):
    """The real store over an unencrypted database; key slots, audit head and services unchanged."""

    def connector(self) -> Callable[[], sqlcipher3.Connection]:  # type: ignore[override]
        path = str(self.db_path)

        def connect() -> sqlcipher3.Connection:
            if not self.is_open:
                raise StoreClosed()
            conn = sqlcipher3.connect(
                path, check_same_thread=False, isolation_level=None, timeout=30
            )
            # The production pragmas (WAL, synchronous=FULL, foreign keys, 64 MiB cache), so the
            # two sides differ only by encryption.
            store_module._configure(conn)
            return conn

        return connect


SIDES: dict[str, type[Store]] = {"encrypted": Store, "plain": PlainStore}


def plain_copy(folder: Path, target: Path, username: str, password: str) -> None:
    """`target`: the store in `folder`, its database decrypted (sqlcipher_export), the same key
    slots, audit head and failed-login record (they open the same way; PlainStore then ignores
    the key)."""
    raw_key = KeySlots.load(folder / KEYSLOTS_FILE).unlock_user(username, password)
    target.mkdir(parents=True)
    conn = sqlcipher3.connect(str(folder / DB_FILE), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{raw_key.hex()}'\"")
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target / DB_FILE),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    for name in (KEYSLOTS_FILE, HEAD_FILE, THROTTLE_FILE):
        shutil.copy2(folder / name, target / name)

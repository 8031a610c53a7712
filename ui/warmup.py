"""Work done before anyone waits for it: while a person types their password, the main
window's code is imported and the database file is read from the disk; once the first rows of
their case list are in the table, the pages the list and its search read are decrypted and the
printed documents' code and fonts are loaded.

Signing in used to import the window and the services only after the click (about a second on
a loaded PC), and a person's first search and first printed document paid for the rest."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.session import UserSession

log = logging.getLogger("ulinzi.ui")

DB_FILE = "ulinzi.db"  # db.store.DB_FILE, without importing the store code before the login shows

_started: list[threading.Thread] = []


def _import_window_code() -> None:
    try:
        # Modules only (their import makes no widget): widgets are made on the UI thread.
        import ui.main_window  # noqa: F401
        from desktop import accounts

        accounts.prepare_sign_in()
    except Exception:  # the click imports it again and shows what went wrong
        log.warning("importing the main window ahead failed", exc_info=True)


def _read_database_file(folder: Path) -> None:
    """Ask the OS to read the database file into its cache (the pages stay encrypted there)."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    try:
        fd = os.open(folder / DB_FILE, os.O_RDONLY)
    except OSError:
        return
    try:
        advise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
    except OSError:
        pass
    finally:
        os.close(fd)


def while_signing_in(folder: Path) -> None:
    """Start, once per process, importing the main window and reading the database file, on a
    thread of their own while the login window waits for the password."""
    if _started:
        return
    from ui.background import collect_on_ui_thread

    collect_on_ui_thread()  # Python's collector must not run on that thread

    def work() -> None:
        _read_database_file(folder)
        _import_window_code()

    thread = threading.Thread(target=work, name="ulinzi-warmup", daemon=True)
    _started.append(thread)
    thread.start()


def after_sign_in(us: UserSession) -> None:
    """Off the UI thread, once the first rows are shown: the pages of the case list and its
    search, then the printed documents' code and fonts."""
    from desktop import cases, documents

    cases.read_case_list_ahead(us)
    documents.prepare()

"""One measurement in a fresh process: `python -m tests.benchmarks.probe NAME JSON-ARGUMENTS`.

Each probe prints one line of JSON. A new process is what a person starting Ulinzi gets (no
module imported, no page decrypted yet); the runner drops the OS cache first for the cold rows.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STARTED = time.perf_counter()


def rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _wait(app, until, timeout: float = 600.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while not until():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there")
        _spin(app)
        time.sleep(0.001)


def _spin(app) -> None:  # type: ignore[no-untyped-def]
    """What the event loop does once: events, and the widgets whose deletion was asked
    (`processEvents` alone never deletes them, `app.exec()` would)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def sign_in_to_rows(folder: str, username: str, password: str, typing_s: float) -> dict[str, Any]:
    """The real window: the login shows, the person types for `typing_s`, clicks Sign in; until
    the first rows of the case list are painted."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from ui.app import Controller

    app = QApplication(sys.argv[:1])
    controller = Controller(Path(folder), Path(folder) / "no-demo", demo=False)
    controller.start()
    login_shown = time.perf_counter() - STARTED
    end = time.perf_counter() + typing_s
    while time.perf_counter() < end:  # typing the password
        app.processEvents()
        time.sleep(0.005)
    ready = hasattr(sys.modules.get("ui.main_window"), "MainWindow")
    from db.keyslots import DEFAULT_KDF

    started = time.perf_counter()
    DEFAULT_KDF.derive(password, os.urandom(16))
    argon2 = time.perf_counter() - started

    marks: dict[str, float] = {}

    class Painted(QObject):
        def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
            if event.type() == QEvent.Type.Paint and window.case_list.model.rowCount():
                marks.setdefault("painted", time.perf_counter())
            return False

    login = controller.login
    login.username.setText(username)
    login.password.setText(password)
    login.signed_in.connect(lambda _s: marks.setdefault("window", time.perf_counter()))
    click = time.perf_counter()
    login.button.click()
    _wait(app, lambda: "window" in marks)
    window = controller.window
    painted = Painted()
    window.case_list.table.viewport().installEventFilter(painted)
    _wait(app, lambda: "painted" in marks)
    rows = window.case_list.model.rowCount()
    window.sign_out()
    app.processEvents()
    return {
        "login_shown_s": login_shown,
        "code_ready_at_click": ready,
        "argon2_s": argon2,
        "click_to_window_s": marks["window"] - click,
        "click_to_painted_s": marks["painted"] - click,
        "window_to_painted_s": marks["painted"] - marks["window"],
        "rows": rows,
    }


def first_search(folder: str, password: str, side: str, read_ahead: bool) -> dict[str, Any]:
    """What the case list does for a person's first search after sign-in, through the services:
    the first page of ids, its rows, then every id."""
    from desktop import accounts, cases
    from desktop.cases import CaseQuery
    from tests.benchmarks.plain import SIDES
    from ui.case_list import PAGE

    us = accounts.sign_in(Path(folder), "manager", password, store_class=SIDES[side])
    before = rss_mib()
    started = time.perf_counter()
    if read_ahead:
        cases.read_case_list_ahead(us)  # the window does it once the first rows show
    ahead_s = time.perf_counter() - started
    ahead_mib = rss_mib() - before
    query = CaseQuery(status="open", search="hel")
    started = time.perf_counter()
    first = cases.case_ids(us, query, limit=PAGE)
    cases.rows_for_ids(us, first)
    every = cases.case_ids(us, query)
    took = time.perf_counter() - started
    us.close()
    return {
        "search_s": took,
        "found": len(every),
        "read_ahead_s": ahead_s,
        "read_ahead_mib": ahead_mib,
    }


def first_pdf(folder: str, password: str, prepare: bool) -> dict[str, Any]:
    """The first closure form of a session, after sign-in (and what the window prepares)."""
    from desktop import accounts, cases, documents

    us = accounts.sign_in(Path(folder), "manager", password)
    closed = cases.list_cases(us, status="closed", limit=1)[0].uuid
    started = time.perf_counter()
    if prepare:
        documents.prepare()  # the window does it off its thread once the first rows show
    prepared = time.perf_counter() - started
    started = time.perf_counter()
    made = documents.make_document(us, closed, "closure")
    took = time.perf_counter() - started
    started = time.perf_counter()
    documents.make_document(us, closed, "closure")
    second = time.perf_counter() - started
    us.close()
    return {"pdf_s": took, "second_pdf_s": second, "prepare_s": prepared, "pages": made.pages}


def session_rss(folder: str, password: str, repeats: int, opened: int) -> dict[str, Any]:
    """An hour's work in the real window (offscreen), `repeats` times: the list to its end,
    searches, sorts, `opened` case files, 5 printed documents, a referral package. RSS after
    each round."""
    import gc
    import tempfile

    from PySide6.QtWidgets import QApplication

    from desktop import accounts
    from ui.case_file import CaseFileWidget
    from ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    session = accounts.sign_in(Path(folder), "grace", password)
    window = MainWindow(session, Path(folder))
    window.ask_quit = lambda: True
    # A person at work moves the mouse and types; this script sends no input events, so on a
    # slow or busy machine the window would lock itself for idleness in the middle of a round.
    window.idle.idle.disconnect(window.lock)
    previews: list[Any] = []
    window.show_preview = lambda widget: previews.append(widget)
    window.show()
    case_list = window.case_list
    _wait(app, lambda: window.counts.text() != "")
    after_sign_in = rss_mib()
    rounds: list[float] = []
    package_error = ""
    out = Path(tempfile.mkdtemp(prefix="ulinzi-rss-"))

    def loaded(change) -> None:  # type: ignore[no-untyped-def]
        done: list[bool] = []
        case_list.loaded.connect(lambda: done.append(True))
        change()
        _wait(app, lambda: bool(done))

    for round_number in range(repeats):
        case_list.table.scrollToBottom()
        _spin(app)
        case_list.table.scrollToTop()
        for text in ("hel", "amani", "mwa", "DEMO-2026", ""):
            loaded(lambda text=text: case_list.search.setText(text))
        for column in (1, 4, 8, 0):
            loaded(lambda column=column: case_list.model.sort(column))
        uuids = [case_list.model.uuid_at(i) for i in range(opened)]
        for uuid in uuids:
            window.cases.open_case(uuid)
            _wait(app, lambda: bool(window.findChildren(CaseFileWidget)))
            window.close_tab(window.tabs.count() - 1)
            _spin(app)
        for uuid in uuids[:5]:
            window.documents.print_document(uuid, "summary", ["registration"], "supervision")
            _wait(app, lambda: bool(previews))
            preview = previews.pop()
            preview.close()
            preview.deleteLater()
        try:
            from desktop import exchange

            exchange.export_case(
                window.session,
                uuids[round_number % len(uuids)],
                out / f"referral-{round_number}.ulz",
                recipient="MUS",
                referral_forms=["registration"],
                consent_override="Benchmark",
            )
        except Exception as e:  # said in the results, not hidden
            package_error = f"{type(e).__name__}: {e}"
        for _ in range(5):
            _spin(app)
        gc.collect()
        rounds.append(rss_mib())
    window.sign_out()
    return {
        "rss_after_sign_in_mib": after_sign_in,
        "rss_after_each_round_mib": rounds,
        "package_error": package_error,
    }


def monthly_return(folder: str, password: str, fmt: str) -> dict[str, Any]:
    """The manager's monthly return of the last month that ended, for the whole agency: counted
    and written as a PDF, a workbook, a CSV or a DHIS2 file (the example mapping); twice, the
    second in the same process."""
    from desktop import accounts, dhis2, monthly
    from desktop.indicators import Period

    us = accounts.sign_in(Path(folder), "manager", password)
    month = Period.current("month").earlier(1)
    took, size = [], 0
    for _ in range(2):
        started = time.perf_counter()
        if fmt.startswith("dhis2"):
            mapping = dhis2.load_mapping(
                Path(dhis2.__file__).with_name("dhis2_mapping_example.json")
            )
            made = dhis2.data_value_set(us, month, mapping, fmt.removeprefix("dhis2-"))
        else:
            made = monthly.monthly_return(us, month, fmt)
        took.append(time.perf_counter() - started)
        size = len(made.data)
    us.close()
    return {"first_s": took[0], "second_s": took[1], "bytes": size, "new": made.made.value("new")}


def dashboard(folder: str, password: str) -> dict[str, Any]:
    """The manager's Dashboard of this month for the whole agency, as the window asks for it
    off its thread (every indicator over 12 months, the overdue work); twice, the second in the
    same process."""
    from desktop import accounts, indicators

    us = accounts.sign_in(Path(folder), "manager", password)
    month = indicators.Period.current("month")
    took = []
    for _ in range(2):
        started = time.perf_counter()
        board = indicators.dashboard(us, month, indicators.Scope.AGENCY)
        took.append(time.perf_counter() - started)
    us.close()
    caseload = board.current.figure("15.7").workers
    return {
        "first_s": took[0],
        "second_s": took[1],
        "periods": len(board.reports),
        "open_cases": sum(w.open_cases for w in caseload),
    }


PROBES = {
    "dashboard": dashboard,
    "monthly_return": monthly_return,
    "sign_in_to_rows": sign_in_to_rows,
    "first_search": first_search,
    "first_pdf": first_pdf,
    "session_rss": session_rss,
}


def main() -> int:
    name, arguments = sys.argv[1], json.loads(sys.argv[2])
    from desktop import logs

    logs.no_core_dumps()
    result = PROBES[name](**arguments)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

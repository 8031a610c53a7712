"""The moment after sign-in: what the window prepares while the password is typed, the first
rows of the case list before anything else, and My tasks written out only where it shows."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta

import pytest

from desktop import case_flow, cases
from desktop.case_flow import TaskRow
from tests.conftest import PASSWORD, run_python
from tests.wizard_helpers import open_window
from ui.background import wait_for_background
from ui.case_list import PAGE

WAIT_FOR_TYPING = """
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui.app import Controller

app = QApplication(sys.argv[:1])
controller = Controller(Path(sys.argv[1]), Path(sys.argv[1]) / "no-demo", demo=False)
controller.start()
# Each module with a name it defines last or near the end, so it is known to be whole.
wanted = {"ui.main_window": "MainWindow", "desktop.cases": "read_case_list_ahead",
          "desktop.accounts": "sign_in", "sqlalchemy.orm": "Session",
          # what unlocking a key slot and opening the engine import on their way
          "cryptography.hazmat.backends.openssl.backend": "backend",
          "sqlalchemy.dialects.sqlite.pysqlcipher": "dialect"}
deadline = time.monotonic() + 120
# Nobody clicks: the person is still typing their password.
while time.monotonic() < deadline and not all(
    hasattr(sys.modules.get(name), attribute) for name, attribute in wanted.items()
):
    app.processEvents()
    time.sleep(0.02)
print(json.dumps({
    "loaded": sorted(n for n, a in wanted.items() if hasattr(sys.modules.get(n), a)),
    "showing": type(controller.window.centralWidget()).__name__,
}))
"""


def test_the_login_window_loads_the_main_windows_code_while_the_password_is_typed(agency):
    done = run_python(WAIT_FOR_TYPING.replace("sys.argv[1]", repr(str(agency.folder))), timeout=240)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen == {
        "loaded": [
            "cryptography.hazmat.backends.openssl.backend",
            "desktop.accounts",
            "desktop.cases",
            "sqlalchemy.dialects.sqlite.pysqlcipher",
            "sqlalchemy.orm",
            "ui.main_window",
        ],
        "showing": "LoginWidget",
    }


def test_the_first_rows_of_the_case_list_are_read_before_my_tasks(qtbot, agency, monkeypatch):
    with agency.sign_in("cara") as us:
        cases.register_case(us, given_name="Neema", family_name="Achieng", sex="female")
    happened: list[str] = []
    lock = threading.Lock()

    def spy(name, service):
        def run(*args, **kwargs):
            first = kwargs.get("limit") == PAGE
            with lock:
                happened.append(f"{name} starts" + (" (first rows)" if first else ""))
            result = service(*args, **kwargs)
            with lock:
                happened.append(f"{name} ends" + (" (first rows)" if first else ""))
            return result

        return run

    monkeypatch.setattr(cases, "case_ids", spy("case_ids", cases.case_ids))
    monkeypatch.setattr(case_flow, "my_tasks", spy("my_tasks", case_flow.my_tasks))
    window = open_window(qtbot, agency, "cara")
    qtbot.waitUntil(lambda: bool(window.tasks.rows), timeout=10000)
    assert happened.index("case_ids ends (first rows)") < happened.index("my_tasks starts")
    assert window.tasks.rows[0].child_name == "Neema Achieng"


def _tasks(n: int) -> list[TaskRow]:
    now = datetime.now(UTC)
    return [
        TaskRow(
            f"uuid-{i}",
            f"KGL-2026-{i:05d}",
            f"Child {i}",
            "Cara Caseworker",
            "initial_assessment",
            now + timedelta(days=i % 9 - 4),
            False,
            "initial_assessment",
            None,
            "",
            f"ref-{i}",
        )
        for i in range(n)
    ]


def test_two_thousand_tasks_show_at_once_and_only_those_on_screen_are_written_out(
    qtbot, agency, monkeypatch
):
    import ui.tasks

    written: list[object] = []
    real_when_text = ui.tasks.when_text
    monkeypatch.setattr(ui.tasks, "when_text", lambda *a: written.append(a) or real_when_text(*a))
    window = open_window(qtbot, agency, "cara")
    window.show_tasks()
    tasks = window.tasks
    wait_for_background()  # its own tasks (none) are shown first
    qtbot.wait(20)
    written.clear()
    tasks._show(_tasks(2000))
    qtbot.wait(50)  # painted
    model = tasks.table.model()
    assert model.rowCount() == 2000
    assert model.index(0, 2).data() == "KGL-2026-00000"
    assert model.index(1999, 3).data() == "Child 1999"
    assert 0 < len(written) < 500


def test_reading_the_case_list_ahead_uses_only_indexes_the_store_has(agency):
    with agency.sign_in("cara") as us:
        cases.register_case(us, given_name="Neema", family_name="Achieng", sex="female")
        cases.read_case_list_ahead(us)  # an index renamed or dropped would fail here
        assert [r.given_name for r in cases.list_cases(us, search="nee")] == ["Neema"]


FIRST_DOCUMENT = """
import json, sys
from pathlib import Path
from desktop import accounts, cases, documents
from reportlab.pdfbase import pdfmetrics

folder, password = Path(sys.argv[1]), sys.argv[2]
with accounts.sign_in(folder, "manager", password) as us:
    closed = cases.list_cases(us, status="closed", limit=1)[0].uuid
    documents.prepare()  # what the window does off its thread right after sign-in
    modules, fonts = set(sys.modules), set(pdfmetrics.getRegisteredFontNames())
    made = documents.make_document(us, closed, "closure")
print(json.dumps({
    "new_modules": sorted(set(sys.modules) - modules),
    "new_fonts": sorted(set(pdfmetrics.getRegisteredFontNames()) - fonts),
    "pages": made.pages,
}))
"""


def test_after_preparing_the_first_document_of_a_session_loads_no_code_and_no_font(tmp_path):
    from desktop.demo import create_demo_store
    from tests.conftest import FAST_KDF

    demo = create_demo_store(tmp_path / "demo", 40, seed=3, kdf=FAST_KDF)
    demo.session.close()
    code = FIRST_DOCUMENT.replace("sys.argv[1]", repr(str(tmp_path / "demo")))
    done = run_python(code.replace("sys.argv[2]", repr(demo.password)))
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["new_modules"] == [] and seen["new_fonts"] == [] and seen["pages"] >= 1


NO_ENUM_OF_ITS_OWN = """
import enum, json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui import warmup
from ui.app import Controller

def qt_enums():
    seen, stack = set(), [enum.Enum]
    while stack:
        for sub in stack.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
    return {f"{e.__module__}.{e.__qualname__}" for e in seen if e.__module__.startswith("PySide6")}

folder, username, ahead = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "ahead"
if not ahead:
    warmup.ENUMS = ()
app = QApplication(sys.argv[:1])
controller = Controller(folder, folder / "no-demo", demo=False)
controller.start()
deadline = time.monotonic() + 120
while not (warmup.enums_made() and not warmup._started[0].is_alive()):  # typing the password
    if time.monotonic() > deadline:
        sys.exit("the login never made its enums")
    app.processEvents()
    time.sleep(0.01)
before = qt_enums()
controller.login.username.setText(username)
controller.login.password.setText(sys.argv[4])
controller.login.button.click()
while not (
    type(controller.window).__name__ == "MainWindow" and controller.window.case_list.model.rowCount()
):
    if time.monotonic() > deadline:
        sys.exit("no rows in the case list")
    app.processEvents()
for _ in range(20):
    app.processEvents()
print(json.dumps(sorted(qt_enums() - before)))
"""


def _enums_the_window_made(agency, username: str, ahead: bool) -> list[str]:
    code = (
        NO_ENUM_OF_ITS_OWN.replace("sys.argv[1]", repr(str(agency.folder)))
        .replace("sys.argv[2]", repr(username))
        .replace("sys.argv[3]", repr("ahead" if ahead else "not"))
        .replace("sys.argv[4]", repr(PASSWORD))
    )
    done = run_python(code, timeout=240)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("username", ["cara", "sam", "mina"])
def test_the_window_makes_no_qt_enum_of_its_own_after_the_login_made_them(agency, username):
    """Each Qt enum class the window uses is made while the password is typed (30 ms of the
    sign-in otherwise): a window that starts using another fails here, naming it, to be added
    to `ui.warmup.ENUMS`."""
    with agency.sign_in("cara") as us:
        cases.register_case(us, given_name="Neema", family_name="Achieng", sex="female")
    assert _enums_the_window_made(agency, username, ahead=True) == []


def test_without_the_enums_made_ahead_the_window_makes_them_while_signing_in(agency):
    with agency.sign_in("cara") as us:
        cases.register_case(us, given_name="Neema", family_name="Achieng", sex="female")
    made = _enums_the_window_made(agency, "sam", ahead=False)
    assert "PySide6.QtWidgets.QWizard.WizardButton" in made and len(made) > 50

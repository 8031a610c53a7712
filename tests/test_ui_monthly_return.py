"""The Dashboard's "Monthly return…" as a manager uses it with the keyboard: Alt+M opens it, the
month and the kind of file are chosen, Save asks where (the window's prompt, answered here in
the person's place) and the file is written off the window's thread; a DHIS2 file asks for the
agency's mapping first, and a mapping that cannot be used is said in plain words."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import case_forms
from desktop.indicators import Period
from tests.stories import HEALTH_CENTRE, consent, registration
from tests.wizard_helpers import open_window

TIMEOUT = 15000
MONTH = Period.current("month")


def _dashboard(qtbot, agency, tmp_path: Path, who: str = "mina"):
    with agency.sign_in("cara") as us:  # one child registered this month
        case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent(HEALTH_CENTRE)}
        )
    window = open_window(qtbot, agency, who)
    asked: list[tuple[str, str]] = []

    def save_path(title: str, name: str, pattern: str) -> str:
        asked.append((name, pattern))
        return str(tmp_path / name)

    window.ask_save_path = save_path
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    QTest.keySequence(window, "Ctrl+I")
    dashboard = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=TIMEOUT)
    return window, dashboard, asked


def _open_dialog(qtbot, dashboard):
    QTest.keyClick(dashboard.tiles["15.1"], Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=TIMEOUT)
    dialog = QApplication.activeModalWidget()
    assert dialog.objectName() == "monthlyReturn"
    qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT)
    return dialog


def _choose(dialog, month_steps_up: int, kind_steps_down: int) -> None:
    """What a person presses: the month (the last ended one is offered), then the file."""
    assert dialog.focusWidget() is dialog.month
    for _ in range(month_steps_up):
        QTest.keyClick(dialog.month, Qt.Key.Key_Up)
    QTest.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.kind
    for _ in range(kind_steps_down):
        QTest.keyClick(dialog.kind, Qt.Key.Key_Down)


def test_a_manager_saves_this_months_return_as_an_excel_workbook(qtbot, agency, tmp_path):
    window, dashboard, asked = _dashboard(qtbot, agency, tmp_path)
    dialog = _open_dialog(qtbot, dashboard)
    assert dialog.month.currentData() == MONTH.earlier(1).code  # the last month that ended
    assert not dialog.mapping.isEnabled()  # only a DHIS2 file needs the mapping
    _choose(dialog, month_steps_up=1, kind_steps_down=1)  # this month; Excel
    assert dialog.month.currentData() == MONTH.code
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    saved = tmp_path / f"Monthly return KGL {MONTH.code}.xlsx"
    qtbot.waitUntil(saved.exists, timeout=TIMEOUT)
    assert asked[0][1] == "Excel workbook (.xlsx) (*.xlsx)"
    book = load_workbook(saved)
    totals = {row[0].value: row[5].value for row in book["summary"].iter_rows(min_row=5)}
    assert totals["New cases"] == 1
    qtbot.waitUntil(lambda: "is saved" in dashboard.status.text(), timeout=TIMEOUT)
    assert str(saved) in dashboard.status.text()
    assert QApplication.activeModalWidget() is None  # the dialog closed


def test_a_dhis2_file_asks_for_the_mapping_and_says_plainly_what_it_cannot_use(
    qtbot, agency, tmp_path
):
    good = tmp_path / "mapping.json"
    good.write_text(
        json.dumps(
            {
                "dataSet": "cpMonthly01",
                "orgUnit": "kglDistrict",
                "dataValues": [
                    {
                        "figure": "new",
                        "dataElement": "cpNewCases1",
                        "categoryOptionCombo": "HllvX50cXC0",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    bad = tmp_path / "bad.json"
    bad.write_text(good.read_text().replace('"new"', '"adopted"'), encoding="utf-8")
    window, dashboard, _asked = _dashboard(qtbot, agency, tmp_path)
    chosen = [str(bad)]
    window.ask_open_path = lambda title, pattern: chosen[0]
    dialog = _open_dialog(qtbot, dashboard)
    _choose(dialog, month_steps_up=1, kind_steps_down=3)  # DHIS2 JSON
    # A button's mnemonic clicks it as a person sees it pressed: a moment later.
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "mapping file first" in dialog.status.text(), timeout=TIMEOUT)
    assert "Choose the agency's DHIS2 mapping file first" in dialog.status.text()
    assert dialog.focusWidget() is dialog.mapping

    QTest.keyClick(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # Choose…
    qtbot.waitUntil(lambda: dialog.mapping.text() == str(bad), timeout=TIMEOUT)
    said: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        said.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(said), timeout=TIMEOUT)
    assert "“adopted”, a figure the monthly return does not have" in said[0]
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=TIMEOUT)
    dialog.activateWindow()  # back in front once the message is closed, as on a screen
    qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT)

    chosen[0] = str(good)
    QTest.keyClick(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.mapping.text() == str(good), timeout=TIMEOUT)
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    saved = tmp_path / f"DHIS2 KGL {MONTH.dhis2}.json"
    qtbot.waitUntil(saved.exists, timeout=TIMEOUT)
    data = json.loads(saved.read_bytes())
    assert data["period"] == MONTH.dhis2
    assert data["dataValues"] == [
        {"dataElement": "cpNewCases1", "categoryOptionCombo": "HllvX50cXC0", "value": "1"}
    ]

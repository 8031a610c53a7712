"""A manager makes the de-identified case list from the Dashboard, with the keyboard: the
dialog says what the file holds before anything is saved, the columns ticked are the file's."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop import case_forms
from tests.stories import HEALTH_CENTRE, consent, registration
from tests.wizard_helpers import open_window

TIMEOUT = 15000
ALT = Qt.KeyboardModifier.AltModifier


def _dashboard(qtbot, agency, who: str):
    window = open_window(qtbot, agency, who)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    QTest.keySequence(window, "Ctrl+I")
    dashboard = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=TIMEOUT)
    window.activateWindow()  # in front again once the figures are in, as on a person's screen
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    return window, dashboard


def test_a_manager_saves_the_deidentified_list_after_reading_what_it_holds(qtbot, agency, tmp_path):
    with agency.sign_in("cara") as us:
        case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent(HEALTH_CENTRE)}
        )
    window, dashboard = _dashboard(qtbot, agency, "mina")
    assert dashboard.export_button.isVisible()
    seen: dict[str, object] = {}

    def in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isActiveWindow():
            QTimer.singleShot(20, in_the_dialog)
            return
        try:
            _use(dialog)
        finally:
            if dialog.isVisible():  # a failed step must not leave the dialog waiting
                dialog.reject()

    def _use(dialog) -> None:
        seen["holds"] = dialog.holds.text()
        seen["never"] = dialog.never_holds.text()

        def ask_save_path(name: str, pattern: str) -> str:
            seen["asked"] = (name, pattern)
            return str(tmp_path / "for-me")  # typed without its ending

        dialog.ask_save_path = ask_save_path
        # Keep three columns: untick the others with Space, walking with Tab.
        keep = {"code", "sex", "age_band"}
        for code, check in dialog.checks.items():
            if code not in keep:
                check.setFocus()
                QTest.keyClick(check, Qt.Key.Key_Space)
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_S, ALT)  # suppress small cells
        qtbot.waitUntil(dialog.suppress.isChecked, timeout=TIMEOUT)  # a mnemonic animates
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_V, ALT)  # save
        qtbot.waitUntil(lambda: "Saved" in dialog.status.text(), timeout=TIMEOUT)
        seen["status"] = dialog.status.text()
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)

    QTimer.singleShot(0, in_the_dialog)
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_X, ALT)
    qtbot.waitUntil(lambda: "status" in seen, timeout=TIMEOUT)
    assert seen["holds"].startswith("One row per case of the agency")
    assert seen["never"].startswith("Any name (of a child, a family member or a staff member)")
    assert "date of birth" in seen["never"] and "typed as text" in seen["never"]
    assert seen["asked"][0] == "cases-deidentified.xlsx"
    saved = tmp_path / "for-me.xlsx"
    assert str(saved) in seen["status"]
    rows = list(load_workbook(saved, read_only=True)["cases"].iter_rows(values_only=True))
    # One case: every value but its code is a small cell, so suppressed.
    assert rows == [("code", "sex", "age_band"), (rows[1][0], "suppressed", "suppressed")]


def test_a_supervisor_has_no_deidentified_export(qtbot, agency):
    _window, dashboard = _dashboard(qtbot, agency, "sam")
    assert not dashboard.export_button.isVisible()

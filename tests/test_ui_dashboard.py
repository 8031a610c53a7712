"""The Dashboard as a supervisor uses it with the keyboard: Ctrl+I opens it, each tile shows the
figure with its numerator and denominator, and Enter on a tile lists the cases behind it, from
which a case opens."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop import case_forms
from tests.stories import HEALTH_CENTRE, answers, consent, registration
from tests.wizard_helpers import case_files, open_window

TIMEOUT = 15000


def reduced_risk_case(agency) -> str:
    with agency.sign_in("cara") as us:
        uuid = case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent(HEALTH_CENTRE)}
        ).uuid
        for form_id, risk in (("initial_assessment", "high"), ("full_assessment", "low")):
            made = answers(us, form_id, risk_level=risk)
            case_forms.submit_form(us, uuid, form_id, made, None)
    return uuid


def open_dashboard(qtbot, agency, who: str = "sam"):
    window = open_window(qtbot, agency, who)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    QTest.keySequence(window, "Ctrl+I")
    dashboard = window.tabs.currentWidget()
    assert dashboard.objectName() == "dashboard"
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=TIMEOUT)
    return window, dashboard


def test_the_dashboard_shows_each_figure_with_its_numerator_and_opens_the_cases_behind(
    qtbot, agency
):
    uuid = reduced_risk_case(agency)
    window, dashboard = open_dashboard(qtbot, agency)
    tile = dashboard.tiles["15.1"]
    assert tile.figure.text() == "100%" and tile.ratio.text() == "1 of 1"
    assert "latest level is lower than the first" in tile.toolTip()
    assert dashboard.tiles["15.9"].figure.text() == "Not recorded"
    assert len(dashboard.data.trend("15.1")) == 12
    assert tile.hasFocus()
    QTest.keyClick(tile, Qt.Key.Key_Tab)  # the tiles are in the keyboard's path
    assert dashboard.tiles["15.2"].hasFocus()
    QTest.keyClick(dashboard.tiles["15.2"], Qt.Key.Key_Backtab)
    listed = []

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, choose)
            return
        listed.append([dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())])
        QTest.keyClick(dialog.table, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose)
    QTest.keyClick(tile, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(listed), timeout=TIMEOUT)
    assert len(listed[0]) == 1
    qtbot.waitUntil(lambda: len(case_files(window)) == 1, timeout=TIMEOUT)
    assert case_files(window)[0].uuid == uuid


def test_a_manager_sees_the_whole_agency(qtbot, agency):
    _window, dashboard = open_dashboard(qtbot, agency, "mina")
    assert [dashboard.scope.itemText(i) for i in range(dashboard.scope.count())] == [
        "The whole agency"
    ]


def test_a_caseworker_has_no_dashboard(qtbot, agency):
    window = open_window(qtbot, agency, "cara")
    assert not window.dashboard.action.isVisible()

"""Administration's Indicators tab, with the keyboard: an administrator sets the caseload
weights, a target and the agency's yes/no facts; a manager's Dashboard then counts with them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import agency as agency_service
from desktop import indicators
from tests.conftest import Agency
from ui.admin import AdminDialog
from ui.background import wait_for_background
from ui.dashboard import DashboardWidget
from ui.session_holder import SessionHolder

ALT = Qt.KeyboardModifier.AltModifier
TIMEOUT = 15_000


def _type(qtbot, text: str) -> None:
    """Select what the focused field holds and type `text` over it."""
    field = QApplication.focusWidget()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def _open(qtbot, agency: Agency) -> tuple[AdminDialog, object]:
    session = agency.sign_in("admin")
    dialog = AdminDialog(SessionHolder(session))
    with qtbot.waitActive(dialog):  # mnemonics (Alt+letter) need an active window
        dialog.show()
        dialog.activateWindow()
    qtbot.keyClick(dialog.tabs.tabBar(), Qt.Key.Key_T, ALT)
    assert dialog.tabs.currentWidget() is dialog.indicators
    return dialog, session


def _close(dialog: AdminDialog, session) -> None:
    wait_for_background()
    dialog.hide()
    session.close()
    dialog.deleteLater()


def test_an_administrator_sets_weights_targets_and_facts_and_the_dashboard_counts_with_them(
    qtbot, agency
):
    dialog, session = _open(qtbot, agency)
    page = dialog.indicators
    try:
        qtbot.keyClick(page, Qt.Key.Key_L, ALT)  # a low-risk case counts as
        assert page.weights["low"].hasFocus()
        _type(qtbot, "0.25")
        page.targets["15.2"].setFocus()
        _type(qtbot, "80")
        qtbot.keyClick(page.targets["15.2"], Qt.Key.Key_Tab)
        assert page.targets["15.3"].hasFocus()  # the targets follow one another
        answer, checked = page.facts["15.9"]
        answer.setFocus()
        qtbot.keyClick(answer, Qt.Key.Key_Down)  # Not recorded → Yes
        assert answer.currentText() == "Yes" and checked.isEnabled()
        assert page.is_changed()
        qtbot.keyClick(page, Qt.Key.Key_S, ALT)
        qtbot.waitUntil(lambda: "Saved" in page.status.text(), timeout=TIMEOUT)
        assert not page.is_changed()
    finally:
        _close(dialog, session)
    with agency.sign_in("mina") as us:
        saved = indicators.indicator_settings(us)
    assert saved.weights == {"high": 2.0, "medium": 1.0, "low": 0.25}
    assert saved.targets == {"15.2": 80.0}
    assert saved.facts["15.9"] == indicators.AgencyFact("15.9", True, date.today())
    # The manager's Dashboard: the target beside 15.2, the fact, the weights in the heading.
    manager = agency.sign_in("mina")
    try:
        dashboard = DashboardWidget(SessionHolder(manager))
        qtbot.addWidget(dashboard)
        qtbot.waitUntil(lambda: dashboard.data is not None, timeout=TIMEOUT)
        assert dashboard.tiles["15.2"].target.text() == "Target: 80%"
        assert dashboard.tiles["15.9"].figure.text() == "Yes"
        assert "low 0.25" in dashboard.caseload_heading.text()
    finally:
        wait_for_background()
        manager.close()


def test_weights_that_do_not_follow_the_risk_are_refused_in_plain_words(qtbot, agency):
    dialog, session = _open(qtbot, agency)
    page = dialog.indicators
    try:
        qtbot.keyClick(page, Qt.Key.Key_H, ALT)  # a high-risk case counts as
        _type(qtbot, "0.5")
        qtbot.keyClick(page, Qt.Key.Key_S, ALT)
        qtbot.waitUntil(lambda: page.status.text() != "", timeout=TIMEOUT)  # a mnemonic animates
        assert page.status.text().startswith("A case of higher risk counts at least as much")
        assert page.weights["high"].hasFocus()  # where to correct it
    finally:
        _close(dialog, session)
    with agency.sign_in("mina") as us:
        assert indicators.indicator_settings(us).weights == indicators.DEFAULT_WEIGHTS


def test_closing_with_changed_agency_and_indicator_settings_saves_both_when_asked(
    qtbot, agency, monkeypatch
):
    dialog, session = _open(qtbot, agency)
    try:
        dialog.indicators.targets["15.10"].setFocus()
        _type(qtbot, "75")
        dialog.agency.idle_minutes.setValue(30)
        asked = []
        monkeypatch.setattr(
            dialog, "ask_unsaved", lambda: asked.append(1) or QMessageBox.StandardButton.Save
        )
        qtbot.keyClick(dialog.indicators.targets["15.10"], Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
        assert asked == [1]  # one question for both tabs
        assert indicators.indicator_settings(session).targets == {"15.10": 75.0}
        assert agency_service.load_settings(session).idle_minutes == 30
    finally:
        _close(dialog, session)

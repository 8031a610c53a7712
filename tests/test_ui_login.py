"""The sign-in window under failed attempts: a wait holds up one account, not the office."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.errors import WrongCredentials
from tests.conftest import PASSWORD
from tests.wizard_helpers import ENTER, activate, keyboard
from ui.login import LoginWidget


def test_a_colleague_signs_in_at_once_while_another_account_waits(qtbot, agency):
    for _ in range(5):
        with pytest.raises(WrongCredentials):
            agency.sign_in("carl", "not the password")
    login = LoginWidget(agency.folder)
    qtbot.addWidget(login)
    login.show()
    qtbot.keyClicks(login.username, "carl")
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Too many failed attempts" in login.message.text(), timeout=10000)
    assert not login.button.isEnabled()

    login.username.clear()
    qtbot.keyClicks(login.username, "cara")
    qtbot.keyClicks(login.password, PASSWORD)
    with qtbot.waitSignal(login.signed_in, timeout=10000) as signal:
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    session = signal.args[0]
    assert session.user.username == "cara"
    session.close()


def test_a_caseworker_signs_in_with_the_keyboard_alone(qtbot, agency):
    login = LoginWidget(agency.folder)
    qtbot.addWidget(login)
    login.show()
    activate(qtbot, login)
    assert QApplication.focusWidget() is login.username  # ready to type at once
    keyboard(qtbot, "cara", ENTER)  # Enter goes on to the password
    assert QApplication.focusWidget() is login.password
    with qtbot.waitSignal(login.signed_in, timeout=10000) as signal:
        keyboard(qtbot, PASSWORD, ENTER)
    session = signal.args[0]
    assert session.user.username == "cara"
    session.close()

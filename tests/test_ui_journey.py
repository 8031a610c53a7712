"""A caseworker's first day, through the real windows from an empty PC to a locked screen.

Set up an agency, add a caseworker, sign in as them (choosing their own password), register a
child, find her by typing part of her name without its accent, open her file and see the
"viewed" event in its history, let the idle lock fire, check that no case data shows, unlock.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTabBar, QTableWidget

from tests.wizard_helpers import (
    CONSENT_ANSWERS,
    case_files,
    dialogs_answered,
    fill,
    fill_admin,
    fill_agency,
    press,
    registration_answers,
    tick,
    type_into,
    wait_for_wizard,
)
from ui.admin import AdminDialog
from ui.app import Controller
from ui.common import HISTORY_ACTIONS
from ui.login import ChangePasswordDialog

JOB_MS = 20_000  # the real Argon2 cost, on a slow machine
TEMPORARY = "first day pass 1"
OWN = "amina's own password"


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, qapp):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))


def click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_caseworkers_first_day(qtbot, tmp_path, monkeypatch):
    added: list[str] = []

    def add_amina(admin) -> int:  # Administration, where the administrator lands after set-up
        # 2. The administrator adds a caseworker with a temporary password: the first thing.
        admin.show()
        assert not admin.users.first_step.isHidden()
        assert admin.focusWidget() is admin.users.add_button
        click(qtbot, admin.users.add_button)
        add = admin.users.child_dialog
        qtbot.keyClicks(add.username, "amina")
        qtbot.keyClicks(add.full_name, "Amina Juma")
        qtbot.keyClicks(add.password, TEMPORARY)
        qtbot.keyClicks(add.again, TEMPORARY)
        with qtbot.waitSignal(add.accepted, timeout=JOB_MS):
            click(qtbot, add.ok)
        admin.close_now()
        added.append("amina")
        return 0

    monkeypatch.setattr(AdminDialog, "exec", add_amina)
    controller = Controller(tmp_path / "store", tmp_path / "demo", demo=False)
    controller.start()

    # 1. The first-run screen: set up the agency and its administrator; keep the recovery key.
    wizard = controller.window
    fill_agency(qtbot, wizard)
    click(qtbot, wizard.next_button)
    fill_admin(qtbot, wizard)
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.key_page, timeout=JOB_MS)
    tick(qtbot, wizard.stored_safely)
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: getattr(controller, "main", None) is not None, timeout=JOB_MS)
    main = controller.main
    assert main.session.user.is_administrator and main.admin_action.isVisible()

    qtbot.waitUntil(lambda: added == ["amina"], timeout=JOB_MS)
    main.sign_out()

    # 3. Amina signs in and must choose her own password first.
    login = controller.login
    qtbot.keyClicks(login.username, "amina")
    qtbot.keyClicks(login.password, TEMPORARY)

    def choose_own(dialog):  # the modal dialog, answered as Amina would
        assert isinstance(dialog, ChangePasswordDialog)
        type_into(qtbot, dialog, dialog.current, TEMPORARY)
        type_into(qtbot, dialog, dialog.new, OWN)
        type_into(qtbot, dialog, dialog.again, OWN)
        press(qtbot, dialog, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=JOB_MS)

    with dialogs_answered(qtbot, choose_own, timeout=JOB_MS):
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: controller.main is not main and controller.main.counts.text() != "",
            timeout=JOB_MS,
        )
    main = controller.main
    assert main.session.user.username == "amina" and not main.session.user.must_change_password

    # 4. She registers a child.
    main.new_case_action.trigger()
    wizard = wait_for_wizard(qtbot, main)
    answers = registration_answers("Hélène", "Uwimana")
    answers["location"] = "Kimironko, Kigali"
    fill(wizard, "registration", answers)
    fill(wizard, "consent", CONSENT_ANSWERS)
    with qtbot.waitSignal(wizard.saved, timeout=JOB_MS):
        click(qtbot, wizard.finish_button)

    # 5. She finds her by typing part of the name, without the accent, and opens the file.
    main.show_cases()
    for opened in case_files(main):  # the tab's close button, as she would
        index = main.tabs.indexOf(opened)
        close = main.tabs.tabBar().tabButton(index, QTabBar.ButtonPosition.RightSide)
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert case_files(main) == []
    qtbot.keyClicks(main.case_list.search, "helen")
    qtbot.waitUntil(lambda: main.counts.text() == "1 case shown", timeout=JOB_MS)
    main.case_list.table.setFocus()
    main.case_list.table.selectRow(0)
    qtbot.keyClick(main.case_list.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(case_files(main)) == 1, timeout=JOB_MS)
    case_file = case_files(main)[0]
    assert main.tabs.currentWidget() is case_file
    assert case_file.findChild(QLabel, "childName").text() == "Hélène Uwimana"
    history = case_file.findChild(QTableWidget, "history")
    assert history.item(0, 2).text() == HISTORY_ACTIONS["case.opened"]
    assert history.item(0, 1).text() == "Amina Juma"

    # 6. She steps away: the idle lock fires and nothing about the child is left on screen.
    main.idle.set_interval(300)
    main.idle.timer.start()
    qtbot.waitUntil(lambda: main.locked, timeout=5000)
    QApplication.processEvents()
    on_screen = [w.text() for w in main.findChildren(QLabel) if w.isVisible()]
    on_screen += [w.text() for w in main.findChildren(QLineEdit) if w.isVisible()]
    assert not any("Hélène" in t or "Uwimana" in t or "Kimironko" in t for t in on_screen)
    assert "Hélène" not in main.windowTitle()
    assert not main.tabs.isVisible() and main.case_list.model.rowCount() == 0

    # 7. She unlocks with her own password; her case file is still open.
    qtbot.keyClicks(main.lock_screen.password, OWN)
    qtbot.keyClick(main.lock_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: not main.locked and main.case_list.model.rowCount() == 1, timeout=JOB_MS
    )
    assert case_files(main)[0].findChild(QLabel, "childName").text() == "Hélène Uwimana"
    main.sign_out()
    controller.window.close()

"""The administration dialog, driven through its widgets against a real encrypted store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QSpinBox

import ui.admin as admin_module
from db.errors import InvalidInput, WrongCredentials
from desktop import accounts, attachments
from desktop import agency as agency_service
from tests.conftest import PASSWORD
from tests.wizard_helpers import (
    ENTER,
    TAB,
    activate,
    choose_row,
    click,
    keyboard,
    usable,
)
from ui.admin import AddUserDialog, AdminDialog, PasswordDialog, SupervisorDialog

TEMPORARY = "Temporary-Pass-42"
ALT = Qt.KeyboardModifier.AltModifier
JOB_MS = 15_000  # Argon2 with the strong default parameters, on a slow CI machine


def state_of(dialog: AdminDialog, username: str) -> str:
    model = dialog.users.model
    return model.index(model.row_of(username), model.STATE).data()


def answer_next_box(button_text: str) -> list[str]:
    """Click `button_text` in the next message box, once it is up; returns the box's text."""
    seen: list[str] = []

    def look(tries: int = 200) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            for button in box.buttons():
                if button.text().replace("&", "") == button_text:
                    button.click()
                    return
            box.reject()  # not the expected buttons: do not leave the test waiting
        elif tries:
            QTimer.singleShot(20, lambda: look(tries - 1))

    QTimer.singleShot(0, look)
    return seen


def type_password(qtbot, sub: PasswordDialog | AddUserDialog, password: str) -> None:
    qtbot.keyClicks(sub.password, password)
    qtbot.keyClicks(sub.again, password)


# -- users ---------------------------------------------------------------------------------------


def test_admin_adds_a_user_who_must_choose_their_own_password_at_first_sign_in(
    qtbot, agency, open_admin
):
    opened = open_admin()
    page = opened.dialog.users
    click(qtbot, page.add_button)
    sub = page.child_dialog
    assert isinstance(sub, AddUserDialog) and sub.isVisible()

    qtbot.keyClicks(sub.username, "dora")
    qtbot.keyClicks(sub.full_name, "Dora Caseworker")
    assert sub.roles[accounts.Role.CASEWORKER].isChecked()
    qtbot.keyClicks(sub.team, "North")
    sub.supervisor.setCurrentIndex(sub.supervisor.findData("sam"))
    qtbot.keyClicks(sub.password, TEMPORARY)
    assert sub.meter.value() >= 2 and sub.meter_word.text() in {"Good", "Strong"}
    qtbot.keyClicks(sub.again, TEMPORARY)

    with qtbot.waitSignal(sub.accepted, timeout=JOB_MS):
        click(qtbot, sub.ok)
    assert page.child_dialog is None
    assert page.selected_user().username == "dora"
    assert state_of(opened.dialog, "dora") == "Active"
    assert "Dora Caseworker" in page.status.text()
    assert opened.errors == []
    opened.close()

    dora = accounts.sign_in(agency.folder, "dora", TEMPORARY)
    try:
        assert dora.user.must_change_password is True
        assert dora.user.full_name == "Dora Caseworker"
        assert dora.user.roles == {accounts.Role.CASEWORKER}
    finally:
        dora.close()
    with agency.sign_in("admin") as admin:
        dora_row = next(u for u in accounts.list_users(admin) if u.username == "dora")
    assert (dora_row.team, dora_row.supervisor) == ("North", "sam")


def test_an_administrator_adds_a_user_with_the_keyboard_alone(qtbot, agency, open_admin):
    opened = open_admin()
    page = opened.dialog.users
    activate(qtbot, opened.dialog)
    keyboard(qtbot, (Qt.Key.Key_A, ALT))  # &Add user… (the click it animates lands just after)
    qtbot.waitUntil(lambda: page.child_dialog is not None)
    sub = page.child_dialog
    assert isinstance(sub, AddUserDialog)
    qtbot.waitExposed(sub)
    activate(qtbot, sub)
    assert QApplication.focusWidget() is sub.username
    keyboard(qtbot, "dora", TAB, "Dora Caseworker", (Qt.Key.Key_E, ALT), "North")
    keyboard(qtbot, (Qt.Key.Key_T, ALT), TEMPORARY, TAB)
    usable(sub, QApplication.focusWidget())
    assert QApplication.focusWidget() is sub.again
    with qtbot.waitSignal(sub.accepted, timeout=JOB_MS):
        keyboard(qtbot, TEMPORARY, ENTER)
    assert opened.errors == []
    opened.close()
    with agency.sign_in("admin") as admin:
        dora = next(u for u in accounts.list_users(admin) if u.username == "dora")
    assert (dora.full_name, dora.team) == ("Dora Caseworker", "North")


def test_a_too_short_password_shows_a_message_and_creates_nothing(qtbot, agency, open_admin):
    opened = open_admin()
    page = opened.dialog.users
    click(qtbot, page.add_button)
    sub = page.child_dialog
    qtbot.keyClicks(sub.username, "dan")
    type_password(qtbot, sub, "short")
    assert sub.meter.value() == 0
    click(qtbot, sub.ok)

    assert "at least 10 characters" in sub.message.text()
    assert sub.isVisible() and not sub.is_busy
    assert sub.username.text() == "dan"  # nothing typed is lost
    qtbot.keyClicks(sub.password, "-longer-now")
    click(qtbot, sub.ok)
    assert "differ" in sub.message.text()
    qtbot.keyClick(sub, Qt.Key.Key_Escape)
    assert page.child_dialog is None
    assert page.model.row_of("dan") == -1
    assert opened.errors == []
    opened.close()
    with agency.sign_in("admin") as admin:
        assert "dan" not in {u.username for u in accounts.list_users(admin)}


def test_a_taken_username_is_explained_in_the_add_dialog(qtbot, open_admin):
    opened = open_admin()
    page = opened.dialog.users
    click(qtbot, page.add_button)
    sub = page.child_dialog
    qtbot.keyClicks(sub.username, "cara")
    type_password(qtbot, sub, TEMPORARY)
    click(qtbot, sub.ok)
    qtbot.waitUntil(lambda: not sub.is_busy, timeout=JOB_MS)
    assert "already taken" in sub.message.text()
    assert sub.isVisible()
    assert opened.errors == []
    sub.reject()


def test_buttons_follow_the_selected_person(qtbot, agency, open_admin):
    with agency.sign_in("admin") as admin:
        accounts.remove_user(admin, "carl")
    opened = open_admin()
    page = opened.dialog.users
    buttons = (
        page.reset_button,
        page.supervisor_button,
        page.deactivate_button,
        page.reactivate_button,
    )
    assert page.add_button.isEnabled()
    assert not any(b.isEnabled() for b in buttons)  # nobody selected yet

    choose_row(qtbot, opened.dialog, "cara")
    assert [b.isEnabled() for b in buttons] == [True, True, True, False]
    choose_row(qtbot, opened.dialog, "carl")
    assert state_of(opened.dialog, "carl") == "Deactivated"
    assert [b.isEnabled() for b in buttons] == [False, False, False, True]
    choose_row(qtbot, opened.dialog, "admin")  # one's own account is not deactivated from here
    assert [b.isEnabled() for b in buttons] == [True, True, False, False]
    opened.close()


def test_deactivated_carl_can_no_longer_sign_in_after_a_confirmation(qtbot, agency, open_admin):
    opened = open_admin()
    dialog = opened.dialog
    choose_row(qtbot, dialog, "carl")

    seen = answer_next_box("Cancel")
    click(qtbot, dialog.users.deactivate_button)
    assert seen and "Carl Caseworker (carl)" in seen[0] and "history" in seen[0]
    assert state_of(dialog, "carl") == "Active"

    answer_next_box("Deactivate")
    click(qtbot, dialog.users.deactivate_button)
    qtbot.waitUntil(lambda: state_of(dialog, "carl") == "Deactivated", timeout=JOB_MS)
    assert not dialog.users.is_busy and dialog.users.isEnabled()
    assert dialog.users.selected_user().username == "carl"
    assert dialog.users.reactivate_button.isEnabled()
    assert not dialog.users.deactivate_button.isEnabled()
    assert opened.errors == []
    opened.close()

    with pytest.raises(WrongCredentials):
        accounts.sign_in(agency.folder, "carl", PASSWORD)


def test_reactivated_carl_signs_in_with_a_temporary_password(qtbot, agency, open_admin):
    with agency.sign_in("admin") as admin:
        accounts.remove_user(admin, "carl")
    opened = open_admin()
    page = opened.dialog.users
    choose_row(qtbot, opened.dialog, "carl")
    click(qtbot, page.reactivate_button)
    sub = page.child_dialog
    assert isinstance(sub, PasswordDialog) and sub.reactivate
    type_password(qtbot, sub, TEMPORARY)
    with qtbot.waitSignal(sub.accepted, timeout=JOB_MS):
        click(qtbot, sub.ok)
    assert state_of(opened.dialog, "carl") == "Active"
    assert opened.errors == []
    opened.close()

    carl = accounts.sign_in(agency.folder, "carl", TEMPORARY)
    try:
        assert carl.user.must_change_password is True
    finally:
        carl.close()


def test_reset_password_gives_cara_a_temporary_password(qtbot, agency, open_admin):
    opened = open_admin()
    page = opened.dialog.users
    choose_row(qtbot, opened.dialog, "cara")
    click(qtbot, page.reset_button)
    sub = page.child_dialog
    assert isinstance(sub, PasswordDialog) and not sub.reactivate
    type_password(qtbot, sub, TEMPORARY)
    with qtbot.waitSignal(sub.accepted, timeout=JOB_MS):
        qtbot.keyClick(sub.again, Qt.Key.Key_Return)  # Enter in the sub-dialog sets it
    assert opened.errors == []
    opened.close()

    with pytest.raises(WrongCredentials):
        accounts.sign_in(agency.folder, "cara", PASSWORD)
    cara = accounts.sign_in(agency.folder, "cara", TEMPORARY)
    try:
        assert cara.user.must_change_password is True
    finally:
        cara.close()


def test_cleo_is_moved_to_sams_team(qtbot, agency, open_admin):
    opened = open_admin()
    page = opened.dialog.users
    choose_row(qtbot, opened.dialog, "cleo")
    click(qtbot, page.supervisor_button)
    sub = page.child_dialog
    assert isinstance(sub, SupervisorDialog)
    assert sub.supervisor.currentData() == "tess"
    offered = [sub.supervisor.itemData(i) for i in range(sub.supervisor.count())]
    assert offered == [None, "sam", "tess"]
    sub.supervisor.setCurrentIndex(sub.supervisor.findData("sam"))
    with qtbot.waitSignal(sub.accepted, timeout=JOB_MS):
        click(qtbot, sub.ok)
    model = page.model
    assert model.index(model.row_of("cleo"), model.SUPERVISOR).data() == "Sam Supervisor"
    assert opened.errors == []
    opened.close()

    with agency.sign_in("admin") as admin:
        users = {u.username: u for u in accounts.list_users(admin)}
    assert users["cleo"].supervisor == "sam"
    assert users["cara"].supervisor == "sam"


def test_enter_never_deactivates_and_escape_closes(qtbot, open_admin, monkeypatch):
    opened = open_admin()
    dialog = opened.dialog
    asked: list[str] = []
    monkeypatch.setattr(dialog.users, "confirm", lambda *args: asked.append(args[1]) or False)
    choose_row(qtbot, dialog, "carl")
    assert dialog.focusWidget() is dialog.users.table
    for widget in (dialog.users.table, dialog.users.deactivate_button):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert asked == []
    assert state_of(dialog, "carl") == "Active"

    # Mnemonics reach the actions: Alt+S opens "Assign supervisor…", Escape closes it again.
    # (a mnemonic "animates" the button's click, which lands a moment later)
    qtbot.keyClick(dialog.users.table, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.users.child_dialog is not None)
    sub = dialog.users.child_dialog
    assert isinstance(sub, SupervisorDialog) and sub.isVisible()
    qtbot.keyClick(sub.supervisor, Qt.Key.Key_Escape)
    assert dialog.users.child_dialog is None and dialog.isVisible()
    with qtbot.waitActive(dialog):  # a window manager does this; the offscreen platform does not
        dialog.activateWindow()
    qtbot.keyClick(dialog.users.table, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(asked) == 1)  # the mnemonic asks first, like a click

    qtbot.keyClick(dialog.users.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == AdminDialog.DialogCode.Rejected
    opened.close()


def test_the_dialog_fits_a_1366_by_768_screen(open_admin):
    from ui.common import FRAME

    opened = open_admin()
    dialog = opened.dialog
    room = QSize(1366, 768) - FRAME  # with a window manager's title bar and borders
    assert room.expandedTo(dialog.size()) == room
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        hint = dialog.minimumSizeHint()
        assert room.expandedTo(hint) == room, hint
    opened.close()


# -- agency settings -----------------------------------------------------------------------------


def _replace_text(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def _set_spin(qtbot, spin: QSpinBox, value: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    assert spin.value() == value


def _logo(tmp_path: Path) -> Path:
    image = QImage(300, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565c0"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    return path


def test_agency_settings_are_saved_and_shown_again(
    qtbot, agency, open_admin, tmp_path, monkeypatch
):
    logo = _logo(tmp_path)
    monkeypatch.setattr(
        admin_module.QFileDialog, "getOpenFileName", lambda *a, **k: (str(logo), "")
    )
    opened = open_admin()
    dialog = opened.dialog
    page = dialog.agency
    qtbot.keyClick(dialog.tabs.tabBar(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert dialog.tabs.currentWidget() is page

    _replace_text(qtbot, page.name, "Gasabo District Social Welfare")
    _replace_text(qtbot, page.code, "gsb1")
    assert page.code.text() == "GSB1"
    assert "GSB1-" in page.code_hint.text()
    page.language.setCurrentIndex(page.language.findData("fr"))
    _set_spin(qtbot, page.idle_minutes, 12)
    _set_spin(qtbot, page.deadlines["review_months_high_risk"], 2)
    click(qtbot, page.choose_logo_button)
    assert page.logo_preview.pixmap().height() <= 120
    assert page.is_changed()

    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.saved.text() == "Saved.", timeout=JOB_MS)
    assert not page.is_changed()
    assert opened.session.agency.code == "GSB1"  # the main window's title follows
    assert opened.errors == []
    opened.close()

    again = open_admin()
    page = again.dialog.agency
    assert page.name.text() == "Gasabo District Social Welfare"
    assert page.code.text() == "GSB1"
    assert page.language.currentData() == "fr"
    assert page.idle_minutes.value() == 12
    assert page.deadlines["review_months_high_risk"].value() == 2
    assert not page.logo_preview.pixmap().isNull()
    settings = agency_service.load_settings(again.session)
    assert settings.idle_minutes == 12
    assert settings.deadlines.review_months_high_risk == 2
    assert settings.deadlines.review_months == 3
    assert settings.logo == logo.read_bytes()

    click(qtbot, page.remove_logo_button)
    assert page.logo_preview.text() == "No logo"
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.saved.text() == "Saved.", timeout=JOB_MS)
    assert agency_service.load_settings(again.session).logo is None
    again.close()


def test_the_conference_agenda_and_what_minutes_name_are_agency_settings(qtbot, open_admin):
    opened = open_admin()
    page = opened.dialog.agency
    assert page.agenda.toPlainText() == ""  # the standard agenda, shown in grey
    assert "Case summary" in page.agenda.placeholderText()
    assert page.minutes_identity.currentData() == "number"
    page.agenda.setPlainText("Welcome\n\n  Case   summary \nDecisions")
    page.minutes_identity.setCurrentIndex(page.minutes_identity.findData("initials"))
    assert page.is_changed()
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.saved.text() == "Saved.", timeout=JOB_MS)
    settings = agency_service.load_settings(opened.session)
    assert settings.conference_agenda == ("Welcome", "Case summary", "Decisions")
    assert settings.minutes_identity == "initials"
    opened.close()

    again = open_admin()
    page = again.dialog.agency
    assert page.agenda.toPlainText() == "Welcome\nCase summary\nDecisions"
    assert not page.is_changed()
    page.agenda.setPlainText("\n".join(f"Item {i}" for i in range(31)))
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: again.errors != [], timeout=JOB_MS)  # shown in a message box
    assert "at most 30 items" in str(again.errors[0])
    assert agency_service.load_settings(again.session).conference_agenda == (
        "Welcome",
        "Case summary",
        "Decisions",
    )
    again.close()


def test_the_largest_attachment_and_photos_of_children_are_agency_settings(qtbot, open_admin):
    opened = open_admin()
    page = opened.dialog.agency
    assert page.attachment_rules.max_mb.value() == 20
    assert not page.attachment_rules.photos.isChecked()  # off unless the agency decides

    _set_spin(qtbot, page.attachment_rules.max_mb, 5)
    page.attachment_rules.photos.setFocus()
    qtbot.keyClick(page.attachment_rules.photos, Qt.Key.Key_Space)
    assert page.is_changed()
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.saved.text() == "Saved.", timeout=JOB_MS)
    assert not page.is_changed()
    assert opened.errors == []
    opened.close()

    again = open_admin()
    rules = again.dialog.agency.attachment_rules
    assert rules.max_mb.value() == 5
    assert rules.photos.isChecked()
    assert attachments.attachment_rules(again.session) == attachments.AttachmentRules(5, True)
    again.close()


def test_saving_unchanged_settings_changes_nothing(qtbot, open_admin):
    opened = open_admin()
    page = opened.dialog.agency
    before = agency_service.load_settings(opened.session)
    assert not page.is_changed()
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.saved.text() == "Saved.", timeout=JOB_MS)
    assert agency_service.load_settings(opened.session) == before
    assert opened.errors == []
    opened.close()


def test_a_bad_agency_code_is_refused_with_a_message(qtbot, open_admin):
    opened = open_admin()
    page = opened.dialog.agency
    _replace_text(qtbot, page.code, "K")
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: bool(opened.errors), timeout=JOB_MS)
    assert isinstance(opened.errors[0], InvalidInput)
    assert page.saved.text() == "" and page.isEnabled()
    assert agency_service.load_settings(opened.session).code == "KGL"
    opened.close()


def test_a_latest_initial_assessment_shorter_than_the_usual_one_is_explained(qtbot, open_admin):
    opened = open_admin()
    page = opened.dialog.agency
    _set_spin(qtbot, page.deadlines["initial_assessment_max_hours"], 12)
    click(qtbot, page.save_button)
    assert "cannot be shorter" in page.saved.text()
    assert not page.is_busy
    opened.close()


def test_closing_with_unsaved_settings_asks_first(qtbot, open_admin, monkeypatch):
    opened = open_admin()
    dialog = opened.dialog
    _set_spin(qtbot, dialog.agency.idle_minutes, 30)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(dialog, "ask_unsaved", lambda: answers.pop(0))

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # Cancel: keep editing
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Save: saved, then closed
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=JOB_MS)
    assert agency_service.load_settings(opened.session).idle_minutes == 30
    assert opened.errors == []
    opened.close()

"""Where a person starts after signing in: an administrator, who reads no case files, starts in
Administration with adding the staff accounts as the first thing to do."""

from __future__ import annotations

from desktop import accounts
from tests.conftest import FAST_KDF, PASSWORD
from tests.wizard_helpers import sign_in
from ui.admin import AdminDialog
from ui.app import Controller

TIMEOUT = 10000


def land(qtbot, monkeypatch, folder, username) -> list[AdminDialog]:
    """Sign in through the application's controller; the Administration dialogs it opens."""
    opened: list[AdminDialog] = []
    monkeypatch.setattr(AdminDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    controller = Controller(folder, folder.parent / "demo", demo=False)
    controller.show_main(sign_in(qtbot, folder, username))
    qtbot.addWidget(controller.main)
    controller.main.ask_quit = lambda: True
    qtbot.wait(200)  # the window shows first, then where to start
    return opened


def test_an_administrator_lands_in_administration_with_adding_staff_first(
    qtbot, monkeypatch, tmp_path
):
    folder = tmp_path / "store"
    admin, _recovery = accounts.init_agency(
        folder,
        agency_name="Gasabo District Office",
        agency_code="GSB",
        admin_username="admin",
        admin_full_name="Alice Uwimana",
        admin_password=PASSWORD,
        kdf=FAST_KDF,
    )
    admin.close()
    opened = land(qtbot, monkeypatch, folder, "admin")
    assert len(opened) == 1
    dialog = opened[0]
    assert dialog.tabs.currentWidget() is dialog.users
    assert not dialog.users.first_step.isHidden()
    assert "adding the staff accounts" in dialog.users.first_step.text()
    assert dialog.focusWidget() is dialog.users.add_button
    assert dialog.users.add_button.text() == "&Add a staff account…"


def test_with_staff_already_added_administration_opens_on_the_list(qtbot, monkeypatch, agency):
    opened = land(qtbot, monkeypatch, agency.folder, "admin")
    assert len(opened) == 1
    assert opened[0].users.first_step.isHidden()


def test_a_caseworker_lands_on_the_case_list(qtbot, monkeypatch, agency):
    assert land(qtbot, monkeypatch, agency.folder, "cara") == []

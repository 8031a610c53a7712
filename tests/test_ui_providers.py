"""The directory of service providers, driven through its widgets against a real encrypted store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QMessageBox, QPushButton

import ui.providers as providers_module
from desktop import case_flow
from desktop.case_flow import ProviderInfo
from desktop.session import UserSession
from tests.conftest import Agency
from ui.background import wait_for_background
from ui.providers import ProvidersDialog, ProviderTableModel
from ui.session_holder import SessionHolder

JOB_MS = 10_000


@dataclass
class Opened:
    dialog: ProvidersDialog
    session: UserSession
    errors: list[BaseException] = field(default_factory=list)
    closed: bool = False

    def close(self) -> None:
        """Close the dialog and sign out, as the main window would."""
        if not self.closed:
            wait_for_background()
            self.dialog.close_now()
            self.session.close()
            self.dialog.deleteLater()
            self.closed = True


@pytest.fixture
def open_providers(qtbot, agency: Agency, monkeypatch) -> Iterator:
    """Opens the dialog as `username`, once the directory is read. Error boxes are recorded
    instead of shown (they would wait for a click); each test checks none came up."""
    opened: list[Opened] = []

    def open_(username: str) -> Opened:
        session = agency.sign_in(username)
        dialog = ProvidersDialog(SessionHolder(session))
        result = Opened(dialog, session)
        monkeypatch.setattr(
            providers_module, "show_error", lambda _parent, e: result.errors.append(e)
        )
        with qtbot.waitActive(dialog):  # mnemonics and focus need an active window
            dialog.show()
            dialog.activateWindow()
        qtbot.waitUntil(lambda: not dialog.is_busy, timeout=JOB_MS)
        opened.append(result)
        return result

    yield open_
    for item in opened:
        item.close()


def add_providers(agency: Agency, *providers: ProviderInfo) -> list[ProviderInfo]:
    with agency.sign_in("sam") as sam:
        return [case_flow.save_provider(sam, p) for p in providers]


def stored(agency: Agency) -> list[ProviderInfo]:
    with agency.sign_in("sam") as sam:
        return case_flow.providers(sam, active_only=False)


def click(qtbot, widget) -> None:
    # A box the editor has just made (choosing a provider with other services rebuilds them) is
    # shown at the next turn of Qt's event loop: a person clicks it once it is there to see.
    qtbot.waitUntil(widget.isVisible, timeout=2000)
    assert widget.isEnabled(), widget.objectName()
    if isinstance(widget, QCheckBox):  # on the box itself: the row may be wider than the text
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(6, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose_row(qtbot, dialog: ProvidersDialog, name: str) -> None:
    """Click the provider's row in the list, as a supervisor would."""
    model = dialog.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == name)
    index = dialog.proxy.mapFromSource(model.index(row, ProviderTableModel.PHONE))
    assert index.isValid(), name
    rect = dialog.table.visualRect(index)
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def replace_text(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def shown_names(dialog: ProvidersDialog) -> list[str]:
    proxy = dialog.proxy
    return [proxy.index(r, ProviderTableModel.NAME).data() for r in range(proxy.rowCount())]


# -- supervisors keep the directory ---------------------------------------------------------------


def test_a_supervisor_adds_a_provider_with_two_services(qtbot, agency, open_providers):
    opened = open_providers("sam")
    dialog, editor = opened.dialog, opened.dialog.editor
    assert dialog.model.rowCount() == 0
    assert editor.heading.text() == "New provider"
    assert "No providers yet" in dialog.empty.text()
    assert dialog.focusWidget() is editor.name  # an empty directory starts with a name
    assert not dialog.save_button.isEnabled()  # nothing typed yet

    # Boxes added to a shown window appear at the next turn of the event loop, and Tab skips
    # what is not on screen yet: wait until a person would see them.
    qtbot.waitUntil(lambda: all(b.isVisible() for b in editor.service_boxes.values()))
    qtbot.keyClicks(editor.name, "Isange One Stop Centre")
    qtbot.keyClick(editor.name, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is editor.service_boxes["health"]  # the services come next
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    click(qtbot, editor.service_boxes["psychosocial"])
    qtbot.keyClicks(editor.contact, "Desk officer")
    qtbot.keyClicks(editor.phone, "3029")
    qtbot.keyClicks(editor.address, "Kacyiru Police Hospital")
    qtbot.keyClicks(editor.eligibility, "Survivors of violence, any age")
    assert editor.active.isChecked()

    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "was added" in dialog.status.text(), timeout=JOB_MS)
    assert dialog.status.text() == "Isange One Stop Centre was added to the directory."
    assert opened.errors == []
    saved = dialog.shown_provider()
    assert saved.id is not None and dialog.selected_provider() == saved
    assert shown_names(dialog) == ["Isange One Stop Centre"]
    services = dialog.proxy.index(0, ProviderTableModel.SERVICES).data()
    assert services == "Health, Psychosocial support"
    assert not dialog.save_button.isEnabled()  # saved: nothing left to save
    opened.close()

    (provider,) = stored(agency)
    assert provider == ProviderInfo(
        saved.id,
        "Isange One Stop Centre",
        ("health", "psychosocial"),
        "Desk officer",
        "3029",
        "Kacyiru Police Hospital",
        "Survivors of violence, any age",
        True,
    )


def test_a_supervisor_renames_a_provider_and_enter_saves(qtbot, agency, open_providers):
    haguruka, _sos = add_providers(
        agency,
        ProviderInfo(None, "Haguruka", ("legal",), phone="+250 722 000 111"),
        ProviderInfo(None, "SOS Children's Villages", ("alternative_care", "education")),
    )
    opened = open_providers("tess")
    dialog, editor = opened.dialog, opened.dialog.editor
    assert shown_names(dialog) == ["Haguruka", "SOS Children's Villages"]
    choose_row(qtbot, dialog, "SOS Children's Villages")
    choose_row(qtbot, dialog, "Haguruka")
    assert editor.name.text() == "Haguruka"
    assert editor.service_boxes["legal"].isChecked()
    assert not editor.service_boxes["health"].isChecked()

    replace_text(qtbot, editor.name, "Haguruka Legal Aid")
    click(qtbot, editor.service_boxes["psychosocial"])
    assert dialog.save_button.isEnabled()
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "were saved" in dialog.status.text(), timeout=JOB_MS)
    assert opened.errors == []
    assert shown_names(dialog) == ["Haguruka Legal Aid", "SOS Children's Villages"]
    assert dialog.selected_provider().name == "Haguruka Legal Aid"
    opened.close()

    renamed = next(p for p in stored(agency) if p.id == haguruka.id)
    assert renamed.name == "Haguruka Legal Aid"
    assert renamed.services == ("psychosocial", "legal")  # in the order of the agency's list
    assert renamed.phone == "+250 722 000 111"
    assert len(stored(agency)) == 2


def test_a_duplicate_name_is_explained_and_changes_nothing(qtbot, agency, open_providers):
    add_providers(
        agency,
        ProviderInfo(None, "Gasabo District Hospital", ("health",)),
        ProviderInfo(None, "Haguruka", ("legal",)),
    )
    before = stored(agency)
    opened = open_providers("sam")
    dialog, editor = opened.dialog, opened.dialog.editor

    # A new provider under a name already taken (the case does not matter).
    click(qtbot, dialog.new_button)
    assert editor.heading.text() == "New provider" and dialog.focusWidget() is editor.name
    qtbot.keyClicks(editor.name, "gasabo district  HOSPITAL")
    click(qtbot, editor.service_boxes["health"])
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.is_busy and bool(dialog.message.text()), timeout=JOB_MS)
    assert dialog.message.text() == "There is already a provider named gasabo district HOSPITAL."
    assert editor.name.text() == "gasabo district  HOSPITAL"  # nothing typed is lost
    assert dialog.selected_provider() is None

    # Renaming another provider to it: refused the same way.
    dialog.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    choose_row(qtbot, dialog, "Haguruka")
    replace_text(qtbot, editor.name, "Gasabo District Hospital")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.is_busy and bool(dialog.message.text()), timeout=JOB_MS)
    assert "already a provider named Gasabo District Hospital" in dialog.message.text()
    assert dialog.selected_provider().name == "Haguruka"
    assert opened.errors == []
    opened.close()
    assert stored(agency) == before


def test_a_provider_needs_a_name_and_a_service_before_it_is_saved(qtbot, agency, open_providers):
    opened = open_providers("admin")
    dialog, editor = opened.dialog, opened.dialog.editor
    qtbot.keyClicks(editor.contact, "Someone")
    click(qtbot, dialog.save_button)
    assert dialog.message.text() == "Type the provider's name."
    assert dialog.focusWidget() is editor.name
    qtbot.keyClicks(editor.name, "Youth Centre")
    click(qtbot, dialog.save_button)
    assert dialog.message.text() == "Tick at least one service this provider offers."
    assert not dialog.is_busy
    opened.close()
    assert stored(agency) == []


def test_providers_not_in_use_are_greyed_and_can_be_taken_back(qtbot, agency, open_providers):
    add_providers(
        agency,
        ProviderInfo(None, "Old Youth Club", ("education",), active=False),
        ProviderInfo(None, "Haguruka", ("legal",)),
    )
    opened = open_providers("sam")
    dialog, editor = opened.dialog, opened.dialog.editor
    assert shown_names(dialog) == ["Haguruka", "Old Youth Club (not in use)"]
    index = dialog.proxy.index(1, ProviderTableModel.NAME)
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#757575"

    choose_row(qtbot, dialog, "Old Youth Club")
    assert editor.heading.text() == "Old Youth Club (not in use)"
    assert not editor.active.isChecked()
    click(qtbot, editor.active)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "were saved" in dialog.status.text(), timeout=JOB_MS)
    assert shown_names(dialog) == ["Haguruka", "Old Youth Club"]
    assert opened.errors == []
    opened.close()
    assert all(p.active for p in stored(agency))


def test_the_filter_finds_providers_by_name_service_or_place(qtbot, agency, open_providers):
    add_providers(
        agency,
        ProviderInfo(None, "Gasabo District Hospital", ("health",), address="Kacyiru"),
        ProviderInfo(None, "Haguruka", ("legal",), address="Kimihurura"),
        ProviderInfo(None, "Isange One Stop Centre", ("health", "legal"), address="Kacyiru"),
        ProviderInfo(None, "Hôpital de Nyamata", ("health",)),
    )
    opened = open_providers("cara")
    dialog = opened.dialog
    qtbot.keyClick(dialog.table, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.filter
    qtbot.keyClicks(dialog.filter, "legal")
    assert shown_names(dialog) == ["Haguruka", "Isange One Stop Centre"]
    qtbot.keyClicks(dialog.filter, " kacyiru")  # every word must match, the address too
    assert shown_names(dialog) == ["Isange One Stop Centre"]
    qtbot.keyClicks(dialog.filter, "x")
    assert shown_names(dialog) == [] and "No provider matches" in dialog.empty.text()
    replace_text(qtbot, dialog.filter, "HOPITAL")  # neither case nor accents matter
    assert shown_names(dialog) == ["Hôpital de Nyamata"]
    dialog.filter.clear()
    assert len(shown_names(dialog)) == 4 and not dialog.empty.isVisible()
    opened.close()


def test_a_service_type_the_agency_no_longer_lists_is_kept(qtbot, agency, open_providers):
    (club,) = add_providers(agency, ProviderInfo(None, "Youth Club", ("education", "sports")))
    opened = open_providers("sam")
    dialog, editor = opened.dialog, opened.dialog.editor
    assert dialog.proxy.index(0, ProviderTableModel.SERVICES).data() == "Education, sports"
    assert editor.service_boxes["sports"].isChecked()  # shown by its code, and can be unticked
    qtbot.keyClicks(editor.phone, "0788")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "were saved" in dialog.status.text(), timeout=JOB_MS)
    assert opened.errors == []
    opened.close()
    assert stored(agency) == [replace(club, phone="0788")]


# -- caseworkers read it -------------------------------------------------------------------------


def test_a_caseworker_reads_the_directory_without_editing_buttons(qtbot, agency, open_providers):
    add_providers(
        agency,
        ProviderInfo(
            None, "Haguruka", ("legal", "psychosocial"), "Jeanne", "0722", "Kimihurura", "Women"
        ),
    )
    opened = open_providers("cara")
    dialog, editor = opened.dialog, opened.dialog.editor
    assert dialog.findChild(QPushButton, "save") is None
    assert dialog.findChild(QPushButton, "newProvider") is None
    assert dialog.save_button is None and dialog.new_button is None
    assert "Ask your supervisor" in dialog.findChild(QLabel, "intro").text()

    choose_row(qtbot, dialog, "Haguruka")
    assert editor.name.text() == "Haguruka" and editor.name.isReadOnly()
    assert editor.address.isReadOnly() and editor.eligibility.isReadOnly()
    assert editor.services_text.text() == "Legal aid or justice, Psychosocial support"
    assert not editor.active.isVisible() and editor.active_text.text() == "Yes"
    qtbot.keyClicks(editor.name, "typed")
    assert editor.name.text() == "Haguruka" and not dialog.is_changed()

    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)  # nothing to save: Escape just closes
    assert not dialog.isVisible()
    assert opened.errors == []
    opened.close()


# -- unsaved changes, keyboard, size -------------------------------------------------------------


def test_leaving_a_changed_provider_asks_first(qtbot, agency, open_providers):
    add_providers(
        agency,
        ProviderInfo(None, "Gasabo District Hospital", ("health",)),
        ProviderInfo(None, "Haguruka", ("legal",)),
    )
    opened = open_providers("sam")
    dialog, editor = opened.dialog, opened.dialog.editor
    answers = [
        QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
        QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Discard,
    ]
    dialog.ask_unsaved = lambda: answers.pop(0)
    choose_row(qtbot, dialog, "Gasabo District Hospital")
    qtbot.keyClicks(editor.phone, "0788")

    choose_row(qtbot, dialog, "Haguruka")  # Cancel: stay, typed phone kept
    assert dialog.selected_provider().name == "Gasabo District Hospital"
    assert editor.phone.text() == "0788"
    choose_row(qtbot, dialog, "Haguruka")  # Save: saved, then Haguruka shown
    qtbot.waitUntil(lambda: editor.name.text() == "Haguruka", timeout=JOB_MS)
    assert dialog.selected_provider().name == "Haguruka"

    qtbot.keyClicks(editor.contact, "Jeanne")
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)  # Cancel: the dialog stays open
    assert dialog.isVisible() and editor.contact.text() == "Jeanne"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)  # Discard: closes
    assert not dialog.isVisible() and answers == []
    assert opened.errors == []
    opened.close()

    phones = {p.name: (p.phone, p.contact) for p in stored(agency)}
    assert phones == {"Gasabo District Hospital": ("0788", ""), "Haguruka": ("", "")}


def test_enter_in_the_list_moves_to_the_details_and_never_presses_a_button(
    qtbot, agency, open_providers
):
    add_providers(agency, ProviderInfo(None, "Haguruka", ("legal",)))
    opened = open_providers("sam")
    dialog = opened.dialog
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.editor.name
    assert dialog.isVisible() and dialog.status.text() == ""
    qtbot.keyClick(dialog.editor.name, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.editor.heading.text() == "New provider")
    opened.close()


def test_the_dialog_fits_a_1366_by_768_screen(open_providers):
    opened = open_providers("sam")
    dialog = opened.dialog
    hint = dialog.minimumSizeHint()
    # 768 pixels less a task bar and a title bar; the list and the details side by side.
    assert hint.width() <= 1000 and hint.height() <= 640, hint
    assert dialog.width() <= 1366 - 100 and dialog.height() <= 640, dialog.size()
    opened.close()

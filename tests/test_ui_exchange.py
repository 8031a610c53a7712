"""A case handed from one agency to another through the real windows: send it from the case
file, import it after the preview in the other store, and bring the receipt back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop import cases
from tests.stories import approved_transfer, introduce, records_of, snapshot
from tests.wizard_helpers import (
    ENTER,
    TAB,
    case_files,
    dialogs_answered,
    keyboard,
    open_case_file,
    open_window,
    press,
    usable,
)
from ui.case_file import RECEIVED_TAB
from ui.consent_check import ConsentCheckDialog
from ui.document_view import AttachmentView
from ui.exchange import BackupDialog, ExportDialog, ImportDialog

TIMEOUT = 15000
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def answering(window, tmp_path, told: list[str], **paths: str) -> None:
    """The window's questions, answered as a person would: the dialogs accepted as they
    are, files saved and opened where the test says."""
    window.ask_save_path = lambda title, name, pattern: str(tmp_path / paths.get("save", name))
    window.ask_open_path = lambda title, pattern: str(tmp_path / paths["open"])
    window.tell = lambda title, text: told.append(text)


def test_a_case_sent_from_one_window_is_imported_in_the_other_and_the_receipt_comes_back(
    qtbot, agency, partner, tmp_path
):
    uuid = approved_transfer(agency)
    introduce(agency, partner)
    before = snapshot(agency, uuid)

    # Agency A: the caseworker sends the case from its file.
    told: list[str] = []
    window = open_window(qtbot, agency, "cara")
    answering(window, tmp_path, told, save="case.ulz")
    case = open_case_file(qtbot, window, uuid)
    assert case.send_button.isVisible() and case.refer_button.isVisible()

    def send(dialog) -> None:  # by keyboard alone: Alt+W is "Why it is sent"
        assert isinstance(dialog, ExportDialog)
        assert dialog.to_partner.isChecked() and dialog.partner.currentData() == "MUS"
        keyboard(qtbot, (Qt.Key.Key_W, ALT))
        usable(dialog, QApplication.focusWidget())
        assert QApplication.focusWidget() is dialog.reason
        keyboard(qtbot, "The family moved to Musanze.", ENTER)

    def consent_confirmed(dialog) -> None:  # a package shares the child's information
        assert isinstance(dialog, ConsentCheckDialog)
        press(qtbot, dialog, dialog.confirm_button)

    with dialogs_answered(qtbot, consent_confirmed, send):
        qtbot.mouseClick(case.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told), timeout=TIMEOUT)
    assert "SHA-256" in told[0] and (tmp_path / "case.ulz").exists()
    qtbot.waitUntil(lambda: case_files(window)[0] is not case, timeout=TIMEOUT)
    case = case_files(window)[0]
    assert case.case.row.status == "transferred"
    assert not case.send_button.isVisible() and not case.refer_button.isVisible()
    window.ask_quit = lambda: True
    window.close()

    # Agency B: the package is previewed, then imported; the receipt is saved to send back.
    told.clear()
    other = open_window(qtbot, partner, "cara")
    answering(other, tmp_path, told, open="case.ulz", save="receipt.ulz")
    previews = []

    def accept(dialog) -> None:  # read, then Enter: the default button imports
        assert isinstance(dialog, ImportDialog)
        assert "signature checked" in dialog.findChild(QLabel, "sender").text()
        previews.append(dialog.preview)
        assert dialog.as_new.isChecked() and dialog.caseworker.currentData() == "cara"
        assert dialog.ok.isDefault() or dialog.ok.autoDefault()
        usable(dialog, dialog.ok)
        keyboard(qtbot, ENTER)

    with dialogs_answered(qtbot, accept):
        other.import_action.trigger()
        qtbot.waitUntil(lambda: bool(previews), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: bool(told), timeout=TIMEOUT)
    preview = previews[0]
    assert (preview.sender_code, preview.sender_verified, preview.child_name) == (
        "KGL",
        True,
        "Zawadi Wanjiru",
    )
    assert "receipt" in told[0] and (tmp_path / "receipt.ulz").exists()
    qtbot.waitUntil(lambda: len(case_files(other)) == 1, timeout=TIMEOUT)
    imported = case_files(other)[0]
    assert imported.case.row.case_number.startswith("MUS-")
    after = records_of(other.session, imported.uuid)
    strip = lambda forms: [{k: v for k, v in f.items() if k != "submitted_by"} for f in forms]  # noqa: E731
    assert strip(after["record"]["forms"]) == strip(before["record"]["forms"])

    # What Kigali sent is readable beside the case: their forms, their history, their PDF.
    assert imported.tabs.tabText(RECEIVED_TAB) == "From other a&gencies"
    imported.tabs.setCurrentIndex(RECEIVED_TAB)
    received = imported.received
    assert "Transfer from Kigali District Office (KGL)" in received.package.currentText()
    entries = [received.entries.item(i).text() for i in range(received.entries.count())]
    assert entries[0].startswith("Their history") and len(entries) == 1 + len(
        after["record"]["forms"]
    )
    assert entries[1].startswith("Registration\nversion 1")
    assert "Wanjiru" in received.view.toPlainText()  # the registration they saved
    received.entries.setCurrentRow(0)
    assert "At Kigali District Office" in received.view.toPlainText()
    assert "Registered the case" in received.view.toPlainText()
    shown = []
    other.show_preview = lambda widget: shown.append(widget)
    qtbot.mouseClick(received.form_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    assert isinstance(shown[0], AttachmentView) and shown[0].document.pageCount() >= 1
    shown[0].close()
    other.ask_quit = lambda: True
    other.close()

    # Agency A again: the receipt records that the case arrived.
    told.clear()
    window = open_window(qtbot, agency, "cara")
    answering(window, tmp_path, told, open="receipt.ulz")
    window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=TIMEOUT)
    assert "arrived" in told[0]
    history = [h.action for h in cases.case_history(window.session, uuid)]
    assert "package.receipt" in history
    window.ask_quit = lambda: True


def test_a_supervisor_backs_up_from_the_banner(qtbot, agency, tmp_path):
    told: list[str] = []
    window = open_window(qtbot, agency, "sam")
    answering(window, tmp_path, told)
    qtbot.waitUntil(lambda: window.backup_banner.isVisible(), timeout=TIMEOUT)
    assert "never been backed up" in window.backup_banner.text.text()

    def lock_with_the_recovery_key(dialog) -> None:  # by keyboard alone
        assert isinstance(dialog, BackupDialog)
        keyboard(qtbot, (Qt.Key.Key_F, ALT))  # the &Folder
        assert QApplication.focusWidget() is dialog.folder
        keyboard(qtbot, (Qt.Key.Key_A, CTRL), str(tmp_path), (Qt.Key.Key_R, ALT))  # &recovery
        assert dialog.by_recovery.isChecked()
        keyboard(qtbot, TAB)
        usable(dialog, QApplication.focusWidget())
        assert QApplication.focusWidget() is dialog.recovery
        keyboard(qtbot, agency.recovery_key, ENTER)

    with dialogs_answered(qtbot, lock_with_the_recovery_key):
        window.backup_action.trigger()
    assert "Backing up the store" in window.statusBar().currentMessage()  # a few seconds
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BusyCursor
    qtbot.waitUntil(lambda: bool(told), timeout=TIMEOUT)
    assert "backed up to" in told[0]
    assert window.statusBar().currentMessage() == "" and QApplication.overrideCursor() is None
    assert not window.backup_banner.isVisible()
    assert len(list(tmp_path.glob("ulinzi-KGL-*.backup"))) == 1
    window.ask_quit = lambda: True

"""Checks come before the file dialog and keep their dialog open: a refused backup or send says
why in the dialog the person is typing in, in that dialog's words, and loses nothing."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from desktop import case_flow
from tests.stories import approval, introduce, transfer_requested
from tests.wizard_helpers import answer_real_dialog, open_case_file, open_window
from ui.common import documents_folder
from ui.consent_check import ConsentCheckDialog
from ui.exchange import BackupDialog, suggest_passphrase

TIMEOUT = 10000


def test_a_backup_with_a_short_passphrase_keeps_the_dialog_open_and_says_why_in_backup_words(
    qtbot, agency, tmp_path
):
    usb = tmp_path / "usb"
    usb.mkdir()
    window = open_window(qtbot, agency, "sam")
    asked_for_files: list[str] = []
    window.ask_save_path = lambda *args: asked_for_files.append("save")
    shown: list[tuple[bool, str]] = []

    def short_then_escape(dialog) -> None:
        dialog.folder.setText(str(usb))
        QTest.keyClick(dialog.by_passphrase, Qt.Key.Key_Space)
        QTest.keyClicks(dialog.passphrase, "mango river")
        QTest.keyClicks(dialog.again, "mango river")
        QTest.keyClick(dialog.again, Qt.Key.Key_Return)  # "Back up": checked off the UI thread
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=TIMEOUT)
        shown.append((dialog.isVisible(), dialog.message.text()))
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    answer_real_dialog(qtbot, window, short_then_escape)
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    still_open, message = shown[0]
    assert still_open
    assert "passphrase is too short" in message and "backup" in message
    assert "package" not in message
    assert list(usb.iterdir()) == []


def test_the_backup_passphrase_must_be_typed_twice_alike(qtbot, tmp_path):
    dialog = BackupDialog()
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path))
    dialog.by_passphrase.setChecked(True)
    QTest.keyClicks(dialog.passphrase, "mango river olive tiger salmon")
    QTest.keyClicks(dialog.again, "mango river olive tiger salmom")
    assert not dialog.ok.isEnabled()
    assert "not the same" in dialog.message.text()
    QTest.keyClick(dialog.again, Qt.Key.Key_Backspace)
    QTest.keyClicks(dialog.again, "n")
    assert dialog.ok.isEnabled() and dialog.message.text() == ""


def test_the_backup_check_runs_off_the_window_thread_and_the_dialog_waits_for_it(qtbot, tmp_path):
    """A recovery key is checked with Argon2 (up to a second or more): the dialog keeps
    painting, Back up cannot be pressed twice, and it closes only once the check says yes."""
    release = threading.Event()
    checked: list[str] = []

    def slow_check(folder: Path, secret: dict) -> None:
        release.wait(10)
        checked.append(str(folder))

    dialog = BackupDialog(check=slow_check)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(tmp_path))
    QTest.keyClicks(dialog.recovery, "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY")
    assert dialog.ok.isEnabled()
    QTest.keyClick(dialog.recovery, Qt.Key.Key_Return)  # "Back up"
    qtbot.wait(100)  # the window keeps running its events meanwhile
    assert dialog.isVisible() and not dialog.ok.isEnabled() and not checked
    release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    assert checked == [str(tmp_path)] and dialog.result() == dialog.DialogCode.Accepted


def test_the_backup_dialog_shows_its_labels_and_proposes_a_removable_drive_first(qtbot):
    from ui.exchange import removable_folders

    QSettings().remove("backup/folder")
    dialog = BackupDialog()
    qtbot.addWidget(dialog)
    for caption in dialog.findChildren(QLabel):  # "&Folder:" with no field to go to shows the &
        if "&" in caption.text().replace("&&", ""):
            assert caption.buddy() is not None, caption.text()
    expected = (removable_folders() or [Path(documents_folder())])[0]
    assert dialog.folder.text() == str(expected)
    assert dialog.folder.text() != str(Path.cwd())
    mounts = ["/", "/home", "/media/amina/USB KEY", "/run/media/amina/BACKUP", "/boot/efi"]
    assert removable_folders(mounts) == [
        Path("/media/amina/USB KEY"),
        Path("/run/media/amina/BACKUP"),
    ]


def test_a_proposed_passphrase_never_repeats_a_word():
    for _ in range(2000):
        words = suggest_passphrase().split()
        assert len(words) == 6 and len(set(words)) == 6


def test_sending_a_case_checks_consent_before_asking_where_to_save(
    qtbot, agency, partner, tmp_path
):
    uuid = transfer_requested(agency)  # to Musanze; the consent form does not name it
    with agency.sign_in("sam") as us:
        case_flow.decide(us, approval(us, uuid, "transfer").id, True)
    introduce(agency, partner)
    window = open_window(qtbot, agency, "cara")
    asked_for_files: list[str] = []
    window.ask_save_path = lambda *args: asked_for_files.append("save")
    case = open_case_file(qtbot, window, uuid)
    shown: list[tuple[bool, str]] = []

    def send(dialog) -> bool:
        if isinstance(dialog, ConsentCheckDialog):  # the consent shown first: still valid
            dialog.confirm_button.click()
            return bool(dialog.result())
        QTest.keyClicks(dialog.reason, "The family moved to Musanze.")
        dialog.accept()  # "Send…"
        shown.append((dialog.result() == dialog.DialogCode.Accepted, dialog.message.text()))
        return bool(dialog.result())

    window.ask_dialog = send
    qtbot.mouseClick(case.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    closed, message = shown[0]
    assert not closed and "consent form does not record" in message
    assert asked_for_files == []


def test_a_referral_offers_only_partners_and_says_so_first_when_there_is_none(
    qtbot, agency, tmp_path
):
    uuid = transfer_requested(agency)
    window = open_window(qtbot, agency, "cara")
    told: list[str] = []
    window.tell = lambda title, text: told.append(text)
    asked: list[object] = []
    window.ask_dialog = lambda dialog: asked.append(dialog) or False
    case = open_case_file(qtbot, window, uuid)
    qtbot.mouseClick(case.refer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told), timeout=TIMEOUT)
    assert asked == [] and "address book" in told[0]

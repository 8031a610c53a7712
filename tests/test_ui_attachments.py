"""Attaching a document from the case file, with the keyboard, through the real window: the
refusals are said in the dialog, which stays open; the document is then listed and shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from tests.stories import assessed_case
from tests.wizard_helpers import (
    activate,
    case_files,
    dialogs_answered,
    keyboard,
    open_case_file,
    open_window,
    shown,
    usable,
)
from ui.document_view import AttachmentView

TIMEOUT = 10000
ALT = Qt.KeyboardModifier.AltModifier


def _photo_of_a_letter(tmp_path):
    path = tmp_path / "school-report.png"
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4eedc"))
    assert image.save(str(path))
    return path


def test_a_document_is_attached_with_the_keyboard_after_plain_refusals(qtbot, agency, tmp_path):
    too_large = tmp_path / "whole-court-file.pdf"
    with too_large.open("wb") as f:  # sparse: 50 MB on paper, nothing on the disk
        f.truncate(50 * 1024 * 1024)
    letter = _photo_of_a_letter(tmp_path)
    uuid = assessed_case(agency)
    window = open_window(qtbot, agency, "cara")
    viewers = shown(window)
    case = open_case_file(qtbot, window, uuid)
    activate(qtbot, window)
    keyboard(qtbot, (Qt.Key.Key_M, ALT))  # Attach&ments
    assert case.tabs.currentWidget() is case.attachments
    assert case.attachments.empty.isVisibleTo(case.attachments)

    def attach(dialog) -> None:
        usable(dialog, dialog.path)
        dialog.path.setFocus()
        qtbot.keyClicks(dialog.path, str(too_large))
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert "too large (50 MB)" in dialog.message.text()
        assert "at most 20 MB" in dialog.message.text()

        qtbot.keyClicks(dialog.path, str(letter))  # the refused path is selected: typed over
        qtbot.keyClick(dialog.path, Qt.Key.Key_Tab)  # to Choose…
        qtbot.keyClick(dialog.browse, Qt.Key.Key_Tab)
        assert dialog.kind.hasFocus()
        dialog.kind.setCurrentIndex(dialog.kind.findData("school_report"))
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.date.line, "Term 2")  # words where a date goes
        keyboard(qtbot, (Qt.Key.Key_A, ALT))  # &Attach
        qtbot.waitUntil(lambda: "not one Ulinzi can read" in dialog.message.text())
        assert dialog.isVisible()
        assert dialog.date.line.hasFocus()

        qtbot.keyClicks(dialog.date.line, "14/07/2026")  # the refused words are typed over
        qtbot.keyClick(dialog.date.line, Qt.Key.Key_Tab)  # to the calendar button
        qtbot.keyClick(dialog.date.pick, Qt.Key.Key_Tab)
        assert dialog.description.hasFocus()
        qtbot.keyClicks(dialog.description, "End of term report")
        qtbot.keyClick(dialog.description, Qt.Key.Key_Return)

    with dialogs_answered(qtbot, attach):
        keyboard(qtbot, (Qt.Key.Key_U, ALT))  # Attach a doc&ument…
    tree = case.attachments.tree
    qtbot.waitUntil(lambda: case_files(window)[0].attachments.tree.topLevelItemCount() == 1)
    case = case_files(window)[0]
    tree = case.attachments.tree
    row = tree.topLevelItem(0)
    assert row.text(0) == "School report: End of term report"
    assert row.text(1) == "14 Jul 2026"
    assert row.text(2).startswith("school-report.png")

    tree.setFocus()
    tree.setCurrentItem(row)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(viewers) == 1, timeout=TIMEOUT)
    assert isinstance(viewers[0], AttachmentView)
    assert viewers[0].windowTitle() == "School report: End of term report"
    viewers[0].close()

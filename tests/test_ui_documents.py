"""Printing a case's documents through the real window: the Print menu, the preview in memory,
the print dialog, the record of what was printed, and the signed copy filed back."""

from __future__ import annotations

import tempfile

from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QTableWidget

from tests.stories import case_in_implementation, closed_case, text_of
from tests.wizard_helpers import (
    case_files,
    change_shown,
    dialogs_answered,
    open_case_file,
    open_window,
    press,
    preview_pdf,
    shown,
    type_into,
    usable,
)

TIMEOUT = 10000


def menu_action(case, kind: str):
    return next(a for a in case.print_button.menu().actions() if a.data() == kind)


def test_the_closure_form_is_previewed_printed_recorded_and_its_signed_copy_filed(
    qtbot, agency, tmp_path, monkeypatch
):
    scratch = tmp_path / "scratch"  # where a program would put a temporary file
    scratch.mkdir()
    monkeypatch.chdir(scratch)
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    uuid = closed_case(agency)
    window = open_window(qtbot, agency, "cara")
    previews = shown(window)
    case = open_case_file(qtbot, window, uuid)
    assert case.tabs.tabText(4) == "&Documents"
    assert case.documents.empty.isVisibleTo(case.documents)

    # Every document of a closed case with a plan can be printed.
    assert all(menu_action(case, k).isEnabled() for k in ("closure", "child_plan", "summary"))
    assert not menu_action(case, "transfer").isEnabled()
    assert "approves the transfer" in menu_action(case, "transfer").toolTip()

    menu_action(case, "closure").trigger()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=TIMEOUT)
    preview = previews[0]
    number = case.case.row.case_number
    assert preview.windowTitle() == f"Case closure form – {number}"
    assert preview.page_count() >= 1
    assert "not encrypted" in preview.save_warning.text()
    assert list(scratch.iterdir()) == []  # shown from memory: nothing on disk

    printed = tmp_path / "printer.pdf"

    def printer_accepts(printer: QPrinter) -> bool:  # the print dialog, answered "Print"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    preview.printers_installed = lambda: True  # the office printer: a file here
    preview.ask_print = printer_accepts
    preview.confirm_unencrypted = lambda: True
    with change_shown(qtbot, window):
        with qtbot.waitSignal(preview.printed, timeout=TIMEOUT):  # printed off the UI thread
            qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
        assert len(PdfReader(printed).pages) == preview.page_count()

    # The case file shows its Documents tab with what was printed.
    assert case_files(window) == [case]
    assert case.tabs.currentIndex() == 4
    tree = case.documents.tree
    assert tree.topLevelItemCount() == 1
    item = tree.topLevelItem(0)
    assert item.text(0) == "Closure form, version 1"
    assert "Cara Caseworker" in item.text(2)
    assert item.child(0).text(0) == "No signed copy filed yet"
    code = item.text(1)
    assert code and code in text_of(preview_pdf(preview))
    history = case.findChild(QTableWidget, "history")
    rows = [history.item(r, 2).text() for r in range(history.rowCount())]  # newest first
    assert rows[:2] == [  # the change, and no second "viewed" for it
        f"Printed a document (closure v1 {code})",
        f"Prepared a document to print (closure v1 {code})",
    ]

    # The signed paper comes back as a phone photo: it is filed with its document.
    photo = tmp_path / "signed closure.jpg"
    Image.new("RGB", (900, 1200), "white").save(photo, "JPEG")
    window.ask_signed_copy_file = lambda: str(photo)
    tree.setCurrentItem(item)
    with change_shown(qtbot, window):
        qtbot.mouseClick(case.documents.attach_button, Qt.MouseButton.LeftButton)
    copy = case.documents.tree.topLevelItem(0).child(0)
    assert copy.text(0).startswith("Signed copy: signed closure.jpg (")
    assert "Cara Caseworker" in copy.text(2)

    case.documents.tree.setCurrentItem(copy)
    assert case.documents.show_button.isEnabled()
    qtbot.mouseClick(case.documents.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=TIMEOUT)
    assert previews[1].shown() and previews[1].windowTitle() == "signed closure.jpg"

    # Locking the screen closes what shows the child's data.
    window.lock()
    qtbot.waitUntil(lambda: not preview.isVisible() and not previews[1].isVisible())
    window.ask_quit = lambda: True


def test_a_case_summary_asks_which_sections_and_a_refusal_shows_in_plain_words(
    qtbot, agency, monkeypatch
):
    uuid = case_in_implementation(agency)
    window = open_window(qtbot, agency, "cara")
    previews = shown(window)
    errors: list[str] = []
    monkeypatch.setattr(
        "ui.operations.show_error", lambda parent, error: errors.append(error.message)
    )
    case = open_case_file(qtbot, window, uuid)
    assert not menu_action(case, "closure").isEnabled()

    def only_the_plan(dialog) -> None:
        for key, box in dialog.boxes.items():
            if box.isChecked() != (key == "plan"):
                usable(dialog, box)
                qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        assert dialog.sections() == ["plan"]
        type_into(qtbot, dialog, dialog.purpose, "supervision")
        press(qtbot, dialog, dialog.ok)

    with dialogs_answered(qtbot, only_the_plan):
        menu_action(case, "summary").trigger()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=TIMEOUT)
    text = text_of(preview_pdf(previews[0]))
    assert "Prepared for supervision" in text and "Enrol Zawadi at the primary school" in text
    assert "Often alone at night." not in text

    # A closure form asked for anyway (a stale menu) is refused with the reason.
    case.print_document.emit("closure", [], "")
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert "is not closed" in errors[0]
    assert len(previews) == 1


def test_the_summary_dialog_needs_at_least_one_section(qtbot):
    from ui.case_documents import SummaryDialog

    dialog = SummaryDialog()
    qtbot.addWidget(dialog)
    assert dialog.sections() == [
        "registration",
        "assessments",
        "plan",
        "services",
        "follow_up",
        "decisions",
        "closure",
        "other_forms",
        "attachments",
    ]
    for box in dialog.boxes.values():
        box.setChecked(False)
    assert not dialog.ok.isEnabled()
    dialog.boxes["plan"].setChecked(True)
    assert dialog.ok.isEnabled() and dialog.sections() == ["plan"]

"""Printouts and attachments show from memory, print the chosen pages, and save whole or not at
all, with plain words when the disk is full or the folder is closed to us."""

from __future__ import annotations

import errno
import io
import os
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ui.background import wait_for_background
from ui.document_view import AttachmentView, DocumentPreview

MARKERS = ("Page one marker", "Page two marker", "Page three marker")
CANNOT_SHOW = "This file cannot be shown: it may be damaged."


def make_pdf(markers=MARKERS) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for marker in markers:
        pdf.setFont("Helvetica", 24)
        pdf.drawString(72, 760, marker)
        pdf.drawString(72, 700, "Zawadi Wanjiru, case KGL-0042")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def make_image(fmt: str, width: int = 120, height: int = 80) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("darkcyan"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(buffer.data())


PDF = make_pdf()


class Preview(DocumentPreview):
    """The preview with its questions answered by the test instead of a person."""

    def __init__(self, *args, print_to=None, page_range=None, confirm=True, path=None, **kw):
        super().__init__(*args, **kw)
        self.print_to = print_to
        self.page_range = page_range
        self.confirm = confirm
        self.path = path
        self.asked_for_path = False

    def printers_installed(self) -> bool:
        return True  # printed to a file instead, below

    def ask_print(self, printer: QPrinter) -> bool:
        if self.print_to is None:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_to))
        if self.page_range:
            printer.setFromTo(*self.page_range)
        return True

    def confirm_unencrypted(self) -> bool:
        return self.confirm

    def ask_save_path(self) -> str | None:
        self.asked_for_path = True
        return None if self.path is None else str(self.path)


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def open_preview(qtbot, **kw) -> Preview:
    preview = Preview(PDF, "Case plan — KGL-0042", "case-plan-KGL-0042.pdf", **kw)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    return preview


def test_the_preview_shows_every_page_under_the_given_title(qtbot):
    preview = open_preview(qtbot)
    assert preview.page_count() == 3
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.windowTitle() == "Case plan — KGL-0042"
    assert preview.pages.text() == "3 pages"
    assert "not encrypted" in preview.save_warning.text()


def test_a_one_page_printout_says_1_page(qtbot):
    preview = DocumentPreview(make_pdf(MARKERS[:1]), "Referral", "referral.pdf")
    qtbot.addWidget(preview)
    assert preview.page_count() == 1
    assert preview.pages.text() == "1 page"


def test_the_buttons_have_mnemonics_and_escape_closes(qtbot):
    preview = open_preview(qtbot)
    assert preview.print_button.text() == "&Print…"
    assert preview.save_button.text() == "&Save as PDF…"
    assert preview.close_button.text() == "&Close"
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    assert not preview.isVisible()
    assert preview.result() == DocumentPreview.DialogCode.Rejected


def test_opening_the_preview_writes_nothing_to_disk(qtbot, tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    monkeypatch.setenv("TMPDIR", str(empty))
    monkeypatch.setenv("TEMP", str(empty))
    monkeypatch.setenv("TMP", str(empty))
    preview = open_preview(qtbot)
    with rendered(qtbot, preview.view):
        preview.resize(700, 500)  # lays the pages out again, rendering them
    with qtbot.waitSignal(preview.finished, timeout=5000):
        preview.close()
    assert list(empty.rglob("*")) == []


def rendered(qtbot, view):
    """Waits, around what it wraps, until the view has rendered a page: what would write a
    rendered page anywhere has run by then."""
    return qtbot.waitSignal(view.findChild(QPdfPageRenderer).pageRendered, timeout=5000)


def test_printing_prints_every_page_and_says_so(qtbot, tmp_path):
    target = tmp_path / "printed.pdf"
    preview = open_preview(qtbot, print_to=target)
    with qtbot.waitSignal(preview.printed, timeout=10_000):
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(target).pages) == 3


def test_printing_pages_2_to_2_prints_one_page(qtbot, tmp_path):
    target = tmp_path / "printed.pdf"
    preview = open_preview(qtbot, print_to=target, page_range=(2, 2))
    with qtbot.waitSignal(preview.printed, timeout=10_000):
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(target).pages) == 1


def test_cancelling_the_print_dialog_prints_nothing(qtbot, tmp_path):
    preview = open_preview(qtbot, print_to=None)
    with qtbot.assertNotEmitted(preview.printed):
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert list(tmp_path.iterdir()) == []


def test_a_printer_that_cannot_start_is_explained_and_nothing_is_printed(qtbot, tmp_path, warnings):
    preview = open_preview(qtbot, print_to=tmp_path / "no such folder" / "printed.pdf")
    with qtbot.assertNotEmitted(preview.printed):
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(warnings), timeout=5_000)  # the job runs off the UI thread
    assert preview.print_button.isEnabled()
    assert warnings == [
        "The printer could not be started. Check that it is switched on and connected, "
        "then try again."
    ]


def test_printing_leaves_the_window_responsive_and_closing_waits_for_the_job(qtbot, tmp_path):
    preview = open_preview(qtbot, print_to=tmp_path / "printed.pdf")
    recorded = []
    preview.printed.connect(lambda: recorded.append("printed"))
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert not preview.print_button.isEnabled()  # one job at a time, while it runs
    assert preview.pages.text() == "Printing…"
    preview.close()  # before the job reports: it still counts as printed
    assert recorded == ["printed"]
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 3


def test_saving_writes_exactly_the_printout_and_leaves_no_part_file(qtbot, tmp_path):
    target = tmp_path / "case-plan.pdf"
    preview = open_preview(qtbot, path=target)
    with qtbot.waitSignal(preview.saved, timeout=5_000) as signal:
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert signal.args == [str(target)]
    assert target.read_bytes() == PDF
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case-plan.pdf"]


def test_a_name_without_pdf_gets_pdf_added(qtbot, tmp_path):
    preview = open_preview(qtbot, path=tmp_path / "case-plan")
    with qtbot.waitSignal(preview.saved, timeout=5_000) as signal:
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert signal.args == [str(tmp_path / "case-plan.pdf")]
    assert (tmp_path / "case-plan.pdf").read_bytes() == PDF
    assert not (tmp_path / "case-plan").exists()


def test_saying_no_to_an_unencrypted_file_saves_nothing_and_asks_no_path(qtbot, tmp_path):
    preview = open_preview(qtbot, confirm=False, path=tmp_path / "case-plan.pdf")
    with qtbot.assertNotEmitted(preview.saved):
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert not preview.asked_for_path
    assert list(tmp_path.iterdir()) == []


def test_cancelling_the_save_dialog_saves_nothing(qtbot, tmp_path, warnings):
    preview = open_preview(qtbot, path=None)
    with qtbot.assertNotEmitted(preview.saved):
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert preview.asked_for_path
    assert warnings == []


def test_saving_into_a_missing_folder_is_explained_and_leaves_nothing(qtbot, tmp_path, warnings):
    preview = open_preview(qtbot, path=tmp_path / "gone" / "case-plan.pdf")
    with qtbot.assertNotEmitted(preview.saved):
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert len(warnings) == 1
    assert warnings[0].startswith("The PDF could not be saved: ")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux's /sys")
def test_saving_into_a_folder_nobody_may_write_in_is_explained_and_leaves_nothing(qtbot, warnings):
    """/sys refuses new files even to root (the tests may run as root, who writes anywhere
    else)."""
    target = Path("/sys/case-plan.pdf")
    preview = open_preview(qtbot, path=target)
    with qtbot.assertNotEmitted(preview.saved):
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert warnings == ["Ulinzi may not write in that folder: choose another place."]
    assert not target.exists() and not Path("/sys/case-plan.pdf.part").exists()


def test_a_folder_closed_to_us_is_explained_and_the_part_file_removed(
    qtbot, tmp_path, warnings, monkeypatch
):
    """The last step (the rename) refused, as a USB stick made read-only would: the .part
    already written must go too."""

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    preview = open_preview(qtbot, path=tmp_path / "case-plan.pdf")
    with qtbot.assertNotEmitted(preview.saved):
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert warnings == ["Ulinzi may not write in that folder: choose another place."]
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_explained_and_leaves_no_half_file(qtbot, tmp_path, warnings, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    preview = open_preview(qtbot, path=tmp_path / "case-plan.pdf")
    with qtbot.assertNotEmitted(preview.saved):
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert warnings == [
        "The disk is full: the PDF was not saved. Free some space or choose another place."
    ]
    assert list(tmp_path.iterdir()) == []


def test_saving_over_an_earlier_copy_replaces_it_whole(qtbot, tmp_path):
    target = tmp_path / "case-plan.pdf"
    target.write_bytes(b"an older printout")
    preview = open_preview(qtbot, path=target)
    with qtbot.waitSignal(preview.saved, timeout=5_000):
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == PDF


# Attachments --------------------------------------------------------------------------------


def open_attachment(qtbot, data: bytes, media_type: str) -> AttachmentView:
    view = AttachmentView(data, media_type, "Birth certificate")
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize(("fmt", "media_type"), [("PNG", "image/png"), ("JPEG", "image/jpeg")])
def test_an_attached_photo_is_shown(qtbot, fmt, media_type):
    view = open_attachment(qtbot, make_image(fmt), media_type)
    assert view.shown()
    assert view.windowTitle() == "Birth certificate"
    assert not view.image_label.pixmap().isNull()
    assert view.image_label.pixmap().size().width() == 120  # small: not enlarged


def test_a_large_photo_is_scaled_down_to_the_window_width(qtbot):
    view = open_attachment(qtbot, make_image("PNG", 3000, 2000), "image/png")
    pixmap = view.image_label.pixmap()
    assert pixmap.width() <= view.scroll.viewport().width()
    assert abs(pixmap.width() / pixmap.height() - 1.5) < 0.01
    assert not view.scroll.horizontalScrollBar().isVisible()


def test_an_attached_pdf_is_shown(qtbot):
    view = open_attachment(qtbot, PDF, "application/pdf")
    assert view.shown()
    assert view.page_count() == 3
    assert view.document.status() == QPdfDocument.Status.Ready


@pytest.mark.parametrize("media_type", ["image/png", "image/jpeg", "application/pdf"])
def test_a_damaged_file_is_explained_instead_of_shown(qtbot, media_type):
    view = open_attachment(qtbot, b"not an image", media_type)
    assert not view.shown()
    assert view.problem.text() == CANNOT_SHOW
    assert view.problem.isVisible()
    assert view.close_button.text() == "&Close"


@pytest.mark.parametrize("data", [PDF[: len(PDF) // 2], b""], ids=["truncated", "empty"])
def test_a_truncated_or_empty_pdf_is_explained_instead_of_shown(qtbot, data):
    view = open_attachment(qtbot, data, "application/pdf")
    assert not view.shown()
    assert view.problem.text() == CANNOT_SHOW


def test_nothing_is_written_to_disk_to_show_an_attachment(qtbot, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    for data, media_type in ((PDF, "application/pdf"), (make_image("PNG"), "image/png")):
        view = AttachmentView(data, media_type, "Birth certificate")
        qtbot.addWidget(view)
        if view.view is not None:  # a PDF: its pages render once it is shown
            with rendered(qtbot, view.view):
                view.show()
        else:  # a photo: painted as it is shown
            view.show()
            view.grab()
        with qtbot.waitSignal(view.finished, timeout=5000):
            view.close()
    assert list(Path(tmp_path).rglob("*")) == []


def test_with_no_printer_installed_print_says_so_before_any_dialog(qtbot, monkeypatch):
    from PySide6.QtPrintSupport import QPrinterInfo

    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: []))
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text, *a: told.append(text)
    )
    asked: list[QPrinter] = []
    preview = DocumentPreview(PDF, "Case plan — KGL-0042", "case-plan-KGL-0042.pdf")
    qtbot.addWidget(preview)
    preview.ask_print = lambda printer: asked.append(printer) or False
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert asked == [] and "No printer is installed" in told[0] and "Save as PDF" in told[0]


def test_printing_to_a_file_warns_that_it_is_not_encrypted(qtbot, tmp_path):
    target = tmp_path / "printed.pdf"
    preview = open_preview(qtbot, print_to=target, confirm=False)  # "Print to file", then No
    with qtbot.assertNotEmitted(preview.printed, wait=500):
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
        wait_for_background()  # a print job would have written by now
    assert not target.exists()

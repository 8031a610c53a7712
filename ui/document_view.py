"""Show a printout or an attachment on screen from memory, print it, or save it as a PDF."""

from __future__ import annotations

import contextlib
import errno
import os

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ui.background import wait_for_background
from ui.common import in_file_folder, remember_folder
from ui.operations import Op

# A page image at the printer's full resolution can pass 500 MB (A4 at 1200 dpi); 300 dpi keeps
# text sharp on paper and a page near 35 MB, which the office laptops can afford.
MAX_PRINT_DPI = 300


def pdf_document(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument read from `data` in memory: the PDF holds a child's data in clear, so it
    never goes through a temporary file. Check `status()` for `QPdfDocument.Status.Error`."""
    document = QPdfDocument(parent)
    array = QByteArray(data)
    # Parented to the document, the buffer lives exactly as long as it: PDFium reads pages from
    # it lazily. The Python references keep both wrappers from being collected early.
    buffer = QBuffer(document)
    buffer.setData(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    document._ulinzi_buffer = buffer  # type: ignore[attr-defined]
    document._ulinzi_bytes = array  # type: ignore[attr-defined]
    return document


def pdf_view(document: QPdfDocument, parent: QWidget | None = None) -> QPdfView:
    view = QPdfView(parent)
    view.setDocument(document)
    view.setPageMode(QPdfView.PageMode.MultiPage)
    view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Down scroll the pages
    return view


def _default_size(widget: QWidget) -> QSize:
    """900×700, or less on a small screen (1366×768 leaves ~700 px under the taskbar)."""
    size = QSize(900, 700)
    screen = widget.screen()
    if screen is not None:
        room = screen.availableGeometry().size() * 0.9
        size = size.boundedTo(room)
    return size


class DocumentPreview(QDialog):
    """A printout (a PDF made by `reports/`) on screen, with Print and Save as PDF."""

    printed = Signal()
    saved = Signal(str)

    def __init__(self, pdf: bytes, title: str, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.title = title
        self.pdf = pdf
        self.file_name = os.path.basename(file_name.replace("\\", "/")) or "document.pdf"

        self.document = pdf_document(pdf, self)
        self.buffer = self.document._ulinzi_buffer  # type: ignore[attr-defined]
        self.bytes = self.document._ulinzi_bytes  # type: ignore[attr-defined]
        self.view = pdf_view(self.document, self)

        n = self.page_count()
        self._pages_text = self.tr("1 page") if n == 1 else self.tr("{n} pages").format(n=n)
        self.pages = QLabel(self._pages_text)
        self._printing: QPrinter | None = None

        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(self.save_as_pdf)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.clicked.connect(self.reject)

        icon_size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning_icon = QLabel()
        warning_icon.setPixmap(
            self.style()
            .standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            .pixmap(icon_size, icon_size)
        )
        warning_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.save_warning = QLabel(
            self.tr(
                "A saved PDF is not encrypted: keep it only on a computer or USB stick that "
                "nobody else uses, and delete it once it is printed."
            )
        )
        self.save_warning.setWordWrap(True)
        self.save_warning.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        # On a line of its own, above the buttons: squeezed between them, a wrapped label gets
        # clipped on a narrow window.
        warning = QHBoxLayout()
        warning.addWidget(warning_icon)
        warning.addWidget(self.save_warning, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.view, 1)
        layout.addLayout(warning)
        layout.addLayout(buttons)

        QWidget.setTabOrder(self.view, self.print_button)
        QWidget.setTabOrder(self.print_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.close_button)
        self.view.setFocus()
        self.resize(_default_size(self))

    def page_count(self) -> int:
        return self.document.pageCount()

    # Printing -------------------------------------------------------------------------------

    def ask_print(self, printer: QPrinter) -> bool:
        """Let the user pick the printer and pages; False when cancelled. Tests override it."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        dialog.setMinMax(1, max(1, self.page_count()))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def printers_installed(self) -> bool:
        """Is there a printer to choose? Tests override it."""
        return bool(QPrinterInfo.availablePrinterNames())

    def tell_no_printer(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Print"),
            self.tr(
                "No printer is installed on this computer. Ask for one to be installed, or use "
                "Save as PDF (the file is not encrypted) and print it from a USB stick."
            ),
        )

    def print_document(self) -> None:
        """Ask for the printer, then print off the UI thread (a page takes a few hundred ms).
        With no printer the dialog would only offer a file: say so first. A printer that is a
        file ("Print to file") writes an unencrypted PDF: the same warning as Save as PDF."""
        if not self.printers_installed():
            self.tell_no_printer()
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        if not self.ask_print(printer):
            return
        if printer.outputFileName() and not self.confirm_unencrypted():
            return
        self._printing = printer  # kept alive, and untouched here, until the job reports
        self.print_button.setEnabled(False)
        self.pages.setText(self.tr("Printing…"))
        Op(self, lambda: print_pages(self.pdf, printer)).on_success(self._printed).on_failure(
            self._not_printed
        ).run()

    def _finished_printing(self) -> None:
        self._printing = None
        self.print_button.setEnabled(True)
        self.pages.setText(self._pages_text)

    def _printed(self, _result: object) -> None:
        self._finished_printing()
        self.printed.emit()

    def _not_printed(self, error: Exception) -> None:
        self._finished_printing()
        if not isinstance(error, PrinterUnavailable):
            raise error
        QMessageBox.warning(
            self,
            self.tr("Print"),
            self.tr(
                "The printer could not be started. Check that it is switched on and "
                "connected, then try again."
            ),
        )

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name: every way of closing
        if self._printing is not None:  # the job reports while the window still exists
            wait_for_background()
            QCoreApplication.sendPostedEvents()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._printing is not None:
            wait_for_background()
            QCoreApplication.sendPostedEvents()
        super().closeEvent(event)

    # Saving ---------------------------------------------------------------------------------

    def confirm_unencrypted(self) -> bool:
        """The user agrees that the saved file will not be encrypted. Tests override it."""
        answer = QMessageBox.question(
            self,
            self.tr("Save as PDF"),
            self.tr(
                "The saved PDF will NOT be encrypted: anyone who gets the file can read it.\n\n"
                "Save it anyway?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_save_path(self) -> str | None:
        """Where to save, or None when cancelled. Tests override it."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), in_file_folder(self.file_name), self.tr("PDF (*.pdf)")
        )
        return remember_folder(path)

    def save_as_pdf(self) -> None:
        if not self.confirm_unencrypted():
            return
        path = self.ask_save_path()
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            _write_atomically(path, self.pdf)
        except OSError as e:
            QMessageBox.warning(self, self.tr("Save as PDF"), self._save_error(e))
            return
        self.saved.emit(path)

    def _save_error(self, error: OSError) -> str:
        if error.errno == errno.ENOSPC:
            return self.tr(
                "The disk is full: the PDF was not saved. Free some space or choose another place."
            )
        if error.errno in (errno.EACCES, errno.EPERM):
            return self.tr("Ulinzi may not write in that folder: choose another place.")
        reason = error.strerror or str(error)
        return self.tr("The PDF could not be saved: {reason}").format(reason=reason)


class PrinterUnavailable(Exception):
    """The printer could not be started (switched off, disconnected, or a bad output file)."""


def print_pages(pdf: bytes, printer: QPrinter) -> None:
    """Print the pages the print dialog chose. Runs off the UI thread: Qt paints on a QPrinter
    from any thread, and the job reads its own copy of the document, shared with no widget."""
    document = pdf_document(pdf)
    try:
        n = document.pageCount()
        first = printer.fromPage() - 1 if printer.fromPage() > 0 else 0
        last = printer.toPage() - 1 if printer.toPage() > 0 else n - 1
        first, last = max(0, first), min(n - 1, last)
        painter = QPainter()
        if n == 0 or not painter.begin(printer):
            raise PrinterUnavailable()
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            paper = printer.pageLayout().paintRectPixels(printer.resolution())
            paper.moveTo(0, 0)  # the painter's origin is already the printable area's corner
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            for index in range(first, last + 1):
                if index > first:
                    printer.newPage()
                points = document.pagePointSize(index)
                image = document.render(
                    index,
                    QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)),
                )
                painter.drawImage(_fit(image.size(), paper), image)
        finally:
            painter.end()
    finally:
        document.deleteLater()


def print_picture(image: QImage, printer: QPrinter) -> None:
    """Print a photo or a scanned page on one sheet, as large as the paper allows. Runs off
    the UI thread, like `print_pages`."""
    painter = QPainter()
    if image.isNull() or not painter.begin(printer):
        raise PrinterUnavailable()
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        paper = printer.pageLayout().paintRectPixels(printer.resolution())
        paper.moveTo(0, 0)
        painter.drawImage(_fit(image.size(), paper), image)
    finally:
        painter.end()


def _write_atomically(path: str, data: bytes) -> None:
    """The whole file or none: a half-written PDF (disk full, USB stick pulled) is never left
    under the chosen name."""
    part = path + ".part"
    try:
        with open(part, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(part, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(part)
        raise


def _fit(size: QSize, area: QRect) -> QRect:
    """`size` scaled to fit `area`, keeping its shape, centred at the top."""
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = area.x() + (area.width() - scaled.width()) // 2
    return QRect(x, area.y(), scaled.width(), scaled.height())


class AttachmentView(QDialog):
    """An attached document (PDF, JPEG or PNG) on screen, read from memory."""

    def __init__(
        self,
        data: bytes,
        media_type: str,
        title: str,
        parent: QWidget | None = None,
        *,
        image: QImage | None = None,
    ):
        """`image`: the photo already decoded (off the UI thread), else it is decoded here."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.title = title
        self.media_type = media_type
        self._printing: QPrinter | None = None
        self.document: QPdfDocument | None = None
        self.view: QPdfView | None = None
        self.image = QImage()
        self.image_label: QLabel | None = None
        self.scroll: QScrollArea | None = None

        layout = QVBoxLayout(self)
        content: QWidget | None = None
        if media_type == "application/pdf":
            self.document = pdf_document(data, self)
            if self.document.status() != QPdfDocument.Status.Error:
                content = self.view = pdf_view(self.document, self)
        elif media_type in ("image/jpeg", "image/png"):
            self.image = image if image is not None else QImage.fromData(data)
            if not self.image.isNull():
                self.image_label = QLabel()
                self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.scroll = QScrollArea()
                self.scroll.setWidget(self.image_label)
                self.scroll.setWidgetResizable(True)
                self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
                content = self.scroll
        if content is None:
            self.problem = QLabel(self.tr("This file cannot be shown: it may be damaged."))
            self.problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.problem.setWordWrap(True)
            content = self.problem
        layout.addWidget(content, 1)

        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.reject)
        self.print_button = QPushButton(self.tr("&Print…"), objectName="printPicture")
        self.print_button.clicked.connect(self.print_document)
        self.print_button.setVisible(self.image_label is not None)  # a photo; a PDF has its view
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        # A one-line explanation needs no photo-sized window.
        self.resize(_default_size(self) if self.shown() else QSize(480, 200))
        self._fit_image()
        content.setFocus()

    # Printing a photo: the same steps as a printout's (DocumentPreview), one page.
    printers_installed = DocumentPreview.printers_installed
    tell_no_printer = DocumentPreview.tell_no_printer
    confirm_unencrypted = DocumentPreview.confirm_unencrypted

    def ask_print(self, printer: QPrinter) -> bool:
        """Let the user pick the printer; False when cancelled. Tests override it."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_document(self) -> None:
        """Print the photo on one page, fitted to the paper, off the UI thread."""
        if self.image.isNull():
            return
        if not self.printers_installed():
            self.tell_no_printer()
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        if not self.ask_print(printer):
            return
        if printer.outputFileName() and not self.confirm_unencrypted():
            return
        self._printing = printer
        self.print_button.setEnabled(False)
        image = self.image.copy()  # the job's own copy, shared with no widget
        Op(self, lambda: print_picture(image, printer)).on_success(self._printed).on_failure(
            self._not_printed
        ).run()

    def _printed(self, _result: object) -> None:
        self._printing = None
        self.print_button.setEnabled(True)

    def _not_printed(self, error: Exception) -> None:
        self._printed(None)
        if not isinstance(error, PrinterUnavailable):
            raise error
        QMessageBox.warning(
            self,
            self.tr("Print"),
            self.tr(
                "The printer could not be started. Check that it is switched on and "
                "connected, then try again."
            ),
        )

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name: every way of closing
        if self._printing is not None:  # the job reports while the window still exists
            wait_for_background()
            QCoreApplication.sendPostedEvents()
        super().done(result)

    def shown(self) -> bool:
        """Whether the file could be read and is on screen."""
        return self.view is not None or self.image_label is not None

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_image()

    def _fit_image(self) -> None:
        """A photo larger than the window is scaled down to its width; a small one stays as is."""
        if self.image_label is None or self.scroll is None:
            return
        width = self.scroll.viewport().width()
        if width <= 0:
            width = self.width() - 40
        pixmap = QPixmap.fromImage(self.image)
        if pixmap.width() > width > 0:
            if pixmap.height() * width / pixmap.width() > self.scroll.viewport().height():
                # tall: room for the vertical scroll bar, so no horizontal one is needed
                width -= self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        self.image_label.setPixmap(pixmap)

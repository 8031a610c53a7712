"""Printed case documents, signed copies and received transfer forms, shown from memory."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from desktop import documents, exchange
from ui.case_file import DOCUMENTS_TAB
from ui.document_view import AttachmentView, DocumentPreview
from ui.flows.base import Flow
from ui.flows.cases import CaseChanges
from ui.i18n import current_language

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class DocumentFlow(Flow):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.holder.locked.connect(self._close_printouts)

    def _close_printouts(self) -> None:
        """On lock: a printout or an attachment on screen shows a child's data; it goes with
        the key."""
        window = self.window
        for shown in (*window.findChildren(DocumentPreview), *window.findChildren(AttachmentView)):
            shown.close()
            shown.deleteLater()

    def print_document(
        self, uuid: str, kind: str, sections: list[str], purpose: str, conference: int = 0
    ) -> None:
        """Make a case document off the UI thread, then preview it (in memory) to print or save.
        `conference` is the number of the conference whose minutes to print, or the id of the
        placement whose decision to print."""
        language = current_language()

        def show(made: documents.MadeDocument) -> None:
            preview = DocumentPreview(
                made.pdf, f"{made.title} – {made.case_number}", made.file_name, self.window
            )
            preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            preview.printed.connect(lambda: self._record_output(uuid, made, "printed"))
            preview.saved.connect(lambda _path: self._record_output(uuid, made, "saved"))
            self.window.show_preview(preview)

        self.op(
            lambda s: documents.make_document(
                s,
                uuid,
                kind,
                language=language,
                sections=sections if kind == "summary" else None,
                purpose=purpose,
                conference=(conference or None) if kind != "placement" else None,
                placement=conference if kind == "placement" else None,
            )
        ).on_success(show).run()

    def _record_output(self, uuid: str, made: documents.MadeDocument, how: str) -> None:
        self.window.cases.change(
            uuid,
            lambda s: documents.record_output(s, made, how),
            CaseChanges.DOCUMENTS,
            tab=DOCUMENTS_TAB,
        )

    def attach_copy(self, uuid: str, document_id: int) -> None:
        path = self.window.ask_signed_copy_file()
        if not path:
            return
        self.window.cases.change(
            uuid,
            lambda s: documents.attach_signed_copy_file(s, uuid, document_id, Path(path)),
            CaseChanges.DOCUMENTS,
            tab=DOCUMENTS_TAB,
        )

    def show_copy(self, uuid: str, copy_id: int) -> None:
        def show(result: tuple[documents.SignedCopyInfo, bytes]) -> None:
            info, data = result
            view = AttachmentView(data, info.media_type, info.file_name, self.window)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.window.show_preview(view)

        self.op(lambda s: documents.signed_copy(s, uuid, copy_id)).on_success(show).run()

    def show_received_form(self, uuid: str, received_id: int) -> None:
        """The transfer form another agency sent with the case, on screen from memory."""

        def show(data: bytes) -> None:
            title = self.tr("Transfer form from the other agency")
            view = AttachmentView(data, "application/pdf", title, self.window)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.window.show_preview(view)

        self.op(lambda s: exchange.received_transfer_form(s, uuid, received_id)).on_success(
            show
        ).run()

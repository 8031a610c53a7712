"""A case's attached documents in the window: attach one, show or print it from memory, and a
supervisor's removal. Files are read, stored, fetched and decoded off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from desktop import attachments
from desktop.session import UserSession
from ui.attachments import AttachDialog, AttachmentsTab, kind_text
from ui.document_view import AttachmentView, DocumentPreview
from ui.flows.base import Flow
from ui.flows.cases import CaseChanges

Fetched = tuple[attachments.AttachmentInfo, bytes, QImage | None]


def _fetch(session: UserSession, uuid: str, attachment_id: int) -> Fetched:
    """An attachment's bytes, and for a photo its decoded picture: a 20 MB photo takes a
    noticeable moment to decode, so it is done here, away from the window's thread."""
    info, data = attachments.attachment_data(session, uuid, attachment_id)
    image = QImage.fromData(data) if info.media_type != "application/pdf" else None
    return info, data, image


class AttachmentFlow(Flow):
    def connect_tab(self, tab: AttachmentsTab, uuid: str) -> None:
        tab.add.connect(lambda: self.attach(uuid))
        tab.show_attachment.connect(lambda i: self.show(uuid, i))
        tab.print_attachment.connect(lambda i: self.show(uuid, i, print_it=True))
        tab.remove.connect(lambda i: self.remove(uuid, i))

    def _tab_index(self, uuid: str) -> int | None:
        widget = self.window.cases.case_widget(uuid)
        return widget.tabs.indexOf(widget.attachments) if widget is not None else None

    def attach(self, uuid: str) -> None:
        """Ask which file and what it is (the agency's rules read first), then store it."""

        def ask(rules: attachments.AttachmentRules) -> None:
            dialog = AttachDialog(rules, self.window.ask_attachment_file, self.window)
            if not self.window.ask_dialog(dialog):
                return
            choice = dialog.choice()
            self.window.cases.change(
                uuid,
                lambda s: attachments.attach_file(s, uuid, **choice),  # type: ignore[arg-type]
                CaseChanges.ATTACHMENTS,
                tab=self._tab_index(uuid),
            )

        self.op(attachments.attachment_rules).on_success(ask).run()

    def show(self, uuid: str, attachment_id: int, *, print_it: bool = False) -> None:
        """A PDF in the document view (print, save as PDF), a photo in the picture viewer."""

        def show(fetched: Fetched) -> None:
            info, data, image = fetched
            title = kind_text(info.kind) + (f": {info.description}" if info.description else "")
            if image is None:
                preview: DocumentPreview | AttachmentView = DocumentPreview(
                    data, title, info.file_name, self.window
                )
            else:
                preview = AttachmentView(data, info.media_type, title, self.window, image=image)
            preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.window.show_preview(preview)
            if print_it:
                preview.print_document()

        self.op(lambda s: _fetch(s, uuid, attachment_id)).with_progress(
            self.tr("Opening the document…")
        ).on_success(show).run()

    def remove(self, uuid: str, attachment_id: int) -> None:
        reason = self.ask_reason(
            self.tr("Remove the attached document"),
            self.tr(
                "The document will be deleted from the store; who removed it, when and why stay "
                "in the case file. Why is it removed?"
            ),
        )
        if not reason:
            return
        self.window.cases.change(
            uuid,
            lambda s: attachments.remove_attachment(s, uuid, attachment_id, reason),
            CaseChanges.ATTACHMENTS,
            tab=self._tab_index(uuid),
        )

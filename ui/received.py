"""A case file's tab "From other agencies": what another agency sent for this child (a transfer
or a referral), kept as it came beside our records: their forms, every version, with the
questions they asked; their history; and the transfer form they printed."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange import ReceivedFile
from ui.common import format_date, format_datetime, history_text
from ui.form_fields import text_of
from ui.form_view import answers_html

HISTORY = -1  # the list's entry for their history (the others are forms' positions)


class ReceivedTab(QWidget):
    """Each received file in a box at the top; its history and forms on the left; the chosen
    one on the right, read only. `show_transfer_form(received id)` asks the window to open
    the PDF they sent."""

    show_transfer_form = Signal(int)

    def __init__(self, files: list[ReceivedFile], parent: QWidget | None = None):
        super().__init__(parent)
        self.files = files
        self.package = QComboBox(objectName="receivedPackage")
        self.package.setAccessibleName(self.tr("Package received"))
        for f in files:
            kind = self.tr("Transfer") if f.kind == "transfer" else self.tr("Referral")
            self.package.addItem(
                self.tr(
                    "{kind} from {agency} ({code}), their case {number}, received {date}"
                ).format(
                    kind=kind,
                    agency=f.agency_name,
                    code=f.agency_code,
                    number=f.their_number,
                    date=format_date(f.received_at.astimezone()),
                ),
                f.id,
            )
        self.form_button = QPushButton(
            self.tr("Sho&w their transfer form"), objectName="receivedTransferForm"
        )
        self.form_button.clicked.connect(lambda: self.show_transfer_form.emit(self.current().id))
        note = QLabel(
            self.tr(
                "Kept as the other agency sent it, beside our records: it cannot be changed "
                "here. Our own forms are in the Forms tab."
            ),
            wordWrap=True,
        )
        note.setStyleSheet("color: #333; background: #eef4fb; padding: 6px;")
        self.entries = QListWidget(objectName="receivedEntries")
        self.entries.setFixedWidth(300)
        self.entries.setSpacing(3)
        self.entries.setWordWrap(True)  # a long form title wraps, never cut
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view = QTextBrowser(objectName="receivedView")
        self.view.setOpenLinks(False)

        top = QHBoxLayout()
        top.addWidget(self.package, 1)
        top.addWidget(self.form_button)
        body = QHBoxLayout()
        body.addWidget(self.entries)
        body.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addLayout(body, 1)

        self.package.currentIndexChanged.connect(self._package_chosen)
        self.entries.currentRowChanged.connect(self._entry_chosen)
        self._package_chosen(0)

    def current(self) -> ReceivedFile:
        return self.files[max(0, self.package.currentIndex())]

    def _package_chosen(self, _index: int) -> None:
        f = self.current()
        self.form_button.setEnabled(f.has_transfer_form)
        self.entries.blockSignals(True)
        self.entries.clear()
        history = QListWidgetItem(self.tr("Their history\n{n} events").format(n=len(f.history)))
        history.setData(Qt.ItemDataRole.UserRole, HISTORY)
        self.entries.addItem(history)
        for position, form in enumerate(f.forms):
            title = text_of(form.definition.title)
            if form.definition.repeatable:
                title = f"{title} {form.instance}"
            when = format_date(form.submitted_at.astimezone()) if form.submitted_at else ""
            item = QListWidgetItem(
                self.tr("{form}\nversion {n}, {date}, {who}").format(
                    form=title, n=form.revision, date=when, who=form.submitted_by
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, position)
            self.entries.addItem(item)
        self.entries.blockSignals(False)
        self.entries.setCurrentRow(1 if f.forms else 0)

    def _entry_chosen(self, row: int) -> None:
        item = self.entries.item(row)
        if item is None:
            return
        f = self.current()
        position = item.data(Qt.ItemDataRole.UserRole)
        if position == HISTORY:
            self.view.setHtml(self._history_html(f))
            return
        form = f.forms[position]
        self.view.setHtml(answers_html(form.definition, form.answers, form.changed))

    def _history_html(self, f: ReceivedFile) -> str:
        rows = "".join(
            "<tr><td>{when}</td><td>{who}</td><td>{what}</td></tr>".format(
                when=escape(format_datetime(e.at) if e.at else ""),
                who=escape(e.who),
                what=escape(history_text(e.action, e.summary)),
            )
            for e in reversed(f.history)  # newest first, like ours
        )
        heading = escape(self.tr("At {agency}").format(agency=f.agency_name))
        return (
            "<style>td{padding:3px 12px 3px 0;vertical-align:top} th{text-align:left;"
            "color:#444;padding-right:12px}</style>"
            f"<h3 style='color:#1f3a5f'>{heading}</h3><table><tr>"
            f"<th>{escape(self.tr('When'))}</th><th>{escape(self.tr('Who'))}</th>"
            f"<th>{escape(self.tr('What'))}</th></tr>{rows}</table>"
        )

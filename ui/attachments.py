"""A case's attached documents: the Attachments tab of the case file, the dialog that attaches
one, and the photo viewer's printing. The bytes are read off the UI thread by the window's flow
(`ui.flows.attachments`); this module only shows descriptions and asks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.attachments import (
    DESCRIPTION_LIMIT,
    KINDS,
    LARGEST_MAX_MB,
    AttachmentInfo,
    AttachmentRules,
    precheck,
)
from desktop.errors import UlinziError
from ui.case_documents import _size
from ui.common import format_date, format_datetime
from ui.form_fields import DateInput
from ui.i18n import error_text


def kind_text(kind: str) -> str:
    return QCoreApplication.translate("Attachments", KINDS.get(kind, KINDS["other"]))


class AttachmentsTab(QWidget):
    """The documents attached to a case, oldest first; a removed one stays listed, greyed, with
    who removed it and why. It asks the window: `add()`, `show_attachment(id)`,
    `print_attachment(id)` and `remove(id)` (a supervisor's)."""

    add = Signal()
    show_attachment = Signal(int)
    print_attachment = Signal(int)
    remove = Signal(int)

    def __init__(
        self,
        attachments: list[AttachmentInfo],
        editable: bool,
        may_remove: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.attachments = attachments
        self.editable = editable
        self.may_remove = may_remove
        self.tree = QTreeWidget(objectName="attachments")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels(
            [self.tr("Document"), self.tr("Dated"), self.tr("File"), self.tr("Added")]
        )
        self.tree.setAccessibleName(self.tr("Documents attached to the case"))
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.empty = QLabel(
            self.tr(
                "No document is attached to this case yet. Attach a birth certificate, a court "
                "order, a medical or school report… from a scan or a phone photo."
            ),
            objectName="noAttachments",
            wordWrap=True,
        )
        self.add_button = QPushButton(self.tr("Attach a doc&ument…"), objectName="addAttachment")
        self.show_button = QPushButton(self.tr("Sho&w"), objectName="showAttachment")
        self.print_button = QPushButton(
            self.tr("Print the do&cument…"), objectName="printAttachment"
        )
        self.remove_button = QPushButton(self.tr("Remo&ve…"), objectName="removeAttachment")
        self.add_button.clicked.connect(self.add)
        self.show_button.clicked.connect(lambda: self._emit(self.show_attachment))
        self.print_button.clicked.connect(lambda: self._emit(self.print_attachment))
        self.remove_button.clicked.connect(lambda: self._emit(self.remove))
        self.tree.itemActivated.connect(lambda *_: self._emit(self.show_attachment))
        self.tree.currentItemChanged.connect(lambda *_: self._update())
        self.note = QLabel(objectName="attachmentNote", wordWrap=True)
        self.note.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        for button in (self.add_button, self.show_button, self.print_button, self.remove_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.show_data(attachments, editable, may_remove)

    def show_data(
        self, attachments: list[AttachmentInfo], editable: bool, may_remove: bool
    ) -> None:
        chosen = self.selected()
        self.attachments, self.editable, self.may_remove = attachments, editable, may_remove
        self.tree.clear()
        for a in attachments:
            what = kind_text(a.kind) + (f": {a.description}" if a.description else "")
            if a.removed:
                added = self.tr("removed by {who}, {when}: {why}").format(
                    who=a.removed_by, when=format_datetime(a.removed_at), why=a.removal_reason
                )
            elif a.added_by:
                added = self.tr("{who}, {when}").format(
                    who=a.added_by, when=format_datetime(a.added_at)
                )
            else:
                added = self.tr("received from another agency, {when}").format(
                    when=format_datetime(a.added_at)
                )
            item = QTreeWidgetItem(
                [
                    what,
                    format_date(a.document_date) if a.document_date else self.tr("not known"),
                    f"{a.file_name} ({_size(a.size)})",
                    added,
                ]
            )
            item.setToolTip(0, what)
            item.setData(0, Qt.ItemDataRole.UserRole, a.id)
            if a.removed:
                for column in range(4):
                    item.setForeground(column, Qt.GlobalColor.darkGray)
            self.tree.addTopLevelItem(item)
            if a.id == chosen:
                self.tree.setCurrentItem(item)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.empty.setVisible(not attachments)
        self.tree.setVisible(bool(attachments))
        self.add_button.setVisible(editable)
        self.remove_button.setVisible(editable and may_remove)
        self._update()

    def titles(self) -> list[tuple[int, str]]:
        """Each attachment still kept, as (id, what it is): offered for a referral package."""
        return [
            (a.id, kind_text(a.kind) + (f": {a.description}" if a.description else ""))
            for a in self.attachments
            if not a.removed
        ]

    def set_rules(self, rules: AttachmentRules) -> None:
        self.note.setText(
            self.tr(
                "PDF, JPEG or PNG, at most {n} MB. Kept encrypted in the store, never as a file."
            ).format(n=rules.max_mb)
        )

    def selected(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, attachment_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == attachment_id:
                self.tree.setCurrentItem(item)

    def _chosen(self) -> AttachmentInfo | None:
        chosen = self.selected()
        return next((a for a in self.attachments if a.id == chosen), None)

    def _update(self) -> None:
        chosen = self._chosen()
        present = chosen is not None and not chosen.removed
        self.show_button.setEnabled(present)
        self.print_button.setEnabled(present)
        self.remove_button.setEnabled(present)

    def _emit(self, signal: Signal) -> None:
        chosen = self._chosen()
        if chosen is not None and not chosen.removed:
            signal.emit(chosen.id)  # type: ignore[attr-defined]


class AttachDialog(QDialog):
    """Which file, what it is, its date and a few words. The file's size and type are checked
    here, before the dialog closes; the file itself is read and stored off the UI thread."""

    def __init__(
        self,
        rules: AttachmentRules,
        choose_file: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.rules = rules
        self.choose_file = choose_file
        self.setWindowTitle(self.tr("Attach a document to the case"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.path = QLineEdit(objectName="attachmentPath")
        self.path.setPlaceholderText(self.tr("The scan, photo or PDF to attach"))
        self.browse = QPushButton(self.tr("&Choose…"), objectName="chooseFile")
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path)
        form.addRow(file_label, row)
        self.kind = QComboBox(objectName="attachmentKind")
        for code in rules.kinds():
            self.kind.addItem(kind_text(code), code)
        form.addRow(self.tr("&Kind of document:"), self.kind)
        self.date = DateInput()  # typed or picked; left empty when the date is not known
        self.date.line.setObjectName("attachmentDate")
        self.date.line.setToolTip(self.tr("Leave it empty if the document's date is not known."))
        self.date.setFocusProxy(self.date.line)
        form.addRow(self.tr("&Dated:"), self.date)
        self.description = QLineEdit(objectName="attachmentDescription")
        self.description.setMaxLength(DESCRIPTION_LIMIT)
        self.description.setPlaceholderText(self.tr("e.g. issued by the district hospital"))
        form.addRow(self.tr("D&escription:"), self.description)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "PDF, JPEG or PNG, at most {n} MB. The document is kept encrypted in the store; "
                "the file you choose is not changed or deleted."
            ).format(n=rules.max_mb),
            wordWrap=True,
        )
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        if not rules.photos_allowed:
            photos = QLabel(
                self.tr(
                    "This agency does not keep photos of children in case files (an "
                    "administrator can allow them)."
                ),
                wordWrap=True,
            )
            photos.setStyleSheet("color: #555;")
            layout.addWidget(photos)
        self.message = QLabel(objectName="attachMessage", wordWrap=True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Attach"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.path.textChanged.connect(lambda: self.message.clear())
        QWidget.setTabOrder(self.path, self.browse)
        QWidget.setTabOrder(self.browse, self.kind)
        QWidget.setTabOrder(self.kind, self.date.line)
        QWidget.setTabOrder(self.date.line, self.date.pick)
        QWidget.setTabOrder(self.date.pick, self.description)
        self.browse.setFocus()

    def _browse(self) -> None:
        chosen = self.choose_file()
        if chosen:
            self.path.setText(chosen)
            self.kind.setFocus()

    def accept(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.message.setText(self.tr("Choose the file to attach."))
            self.browse.setFocus()
            return
        try:
            precheck(Path(text), self.rules)
        except UlinziError as e:
            self.message.setText(error_text(e))
            self.path.setFocus()
            self.path.selectAll()
            return
        day = self._day()
        if day is not None and not day.isValid():
            self.message.setText(
                self.tr(
                    "The date is not one Ulinzi can read: type it as dd/mm/yyyy, choose it "
                    "on the calendar, or leave it empty if it is not known."
                )
            )
            self.date.line.setFocus()
            self.date.line.selectAll()
            return
        if day is not None and day > QDate.currentDate():
            self.message.setText(self.tr("The document's date cannot be in the future."))
            self.date.line.setFocus()
            self.date.line.selectAll()
            return
        super().accept()

    def _day(self) -> QDate | None:
        """The date typed or picked (an invalid QDate if unreadable), None if left empty."""
        typed = self.date.iso()
        return None if typed is None else QDate.fromString(typed, "yyyy-MM-dd")

    def choice(self) -> dict[str, object]:
        """The keyword arguments of `attachments.attach_file` this dialog stands for."""
        day = self._day()
        return {
            "path": Path(self.path.text().strip()),
            "kind": self.kind.currentData(),
            "document_date": None if day is None else date(day.year(), day.month(), day.day()),
            "description": self.description.text().strip(),
        }


class AttachmentRulesBox(QGroupBox):
    """Administration → Agency: the largest attachment, and whether photos of children are
    kept (off unless the agency decides otherwise)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Attached documents"), parent)
        self._loaded: AttachmentRules | None = None
        self.max_mb = QSpinBox(objectName="attachmentMaxMb", minimum=1, maximum=LARGEST_MAX_MB)
        self.max_mb.setSuffix(self.tr(" MB"))
        self.photos = QCheckBox(
            self.tr("Photos of children may be attached to case files"), objectName="photos"
        )
        self.photos.setToolTip(
            self.tr(
                "A photo identifies a child at a glance, on a screen or a printout: allow it "
                "only if the agency's policy asks for it."
            )
        )
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        caption = QLabel(self.tr("Largest &file"))
        caption.setBuddy(self.max_mb)
        form.addRow(caption, self.max_mb)
        form.addRow(self.photos)
        hint = QLabel(
            self.tr(
                "At most {n} MB: a package to another agency carries files up to that size."
            ).format(n=LARGEST_MAX_MB),
            wordWrap=True,
        )
        hint.setStyleSheet("color: #555;")
        form.addRow(hint)
        self.max_mb.valueChanged.connect(self.changed)
        self.photos.toggled.connect(self.changed)

    def show_rules(self, rules: AttachmentRules) -> None:
        self._loaded = rules
        self.max_mb.setValue(rules.max_mb)
        self.photos.setChecked(rules.photos_allowed)

    def rules(self) -> AttachmentRules:
        return AttachmentRules(self.max_mb.value(), self.photos.isChecked())

    def is_changed(self) -> bool:
        return self._loaded is not None and self.rules() != self._loaded

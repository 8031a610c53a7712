"""A case's printed documents: the Print menu of the case file, the choice of sections for a
case summary, and the Documents tab where the signed copies are filed back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.documents import (
    OPTIONAL_SECTIONS,
    SECTION_TITLES,
    SUMMARY_SECTIONS,
    PrintedDocumentInfo,
)
from ui.common import format_datetime


def document_titles() -> dict[str, str]:
    return {
        "closure": QCoreApplication.translate("CaseDocuments", "Closure form"),
        "transfer": QCoreApplication.translate("CaseDocuments", "Transfer form"),
        "child_plan": QCoreApplication.translate("CaseDocuments", "Plan for the child"),
        "summary": QCoreApplication.translate("CaseDocuments", "Case summary"),
        "minutes": QCoreApplication.translate("CaseDocuments", "Conference minutes"),
        "reintegration": QCoreApplication.translate("CaseDocuments", "Reintegration agreement"),
    }


def section_titles() -> dict[str, str]:
    return {
        key: QCoreApplication.translate("CaseDocuments", title)
        for key, title in SECTION_TITLES.items()
    }


def print_menu(parent: QWidget, available: dict[str, str]) -> QMenu:
    """The Print menu: each document, greyed out with the reason when the case cannot have it
    (`available` maps a kind to "" when it can, else to the reason)."""
    menu = QMenu(parent)
    menu.setToolTipsVisible(True)
    texts = {
        "closure": QCoreApplication.translate("CaseDocuments", "Print the &closure form…"),
        "transfer": QCoreApplication.translate("CaseDocuments", "Print the &transfer form…"),
        "child_plan": QCoreApplication.translate("CaseDocuments", "Print the &plan for the child…"),
        "summary": QCoreApplication.translate("CaseDocuments", "Print a case &summary…"),
        "reintegration": QCoreApplication.translate(
            "CaseDocuments", "Print the &reintegration agreement…"
        ),
    }
    for kind, text in texts.items():
        if kind not in available:
            continue  # a document this kind of case never has (no reintegration under way)
        action = menu.addAction(text)
        action.setObjectName(f"print_{kind}")
        action.setData(kind)
        reason = available.get(kind, "")
        action.setEnabled(not reason)
        if reason:
            action.setToolTip(reason)
    return menu


class SummaryDialog(QDialog):
    """Which sections go into a case summary, and whom it is for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print a case summary"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose what the reader needs to know. The child's identity and the case "
                "number are always printed."
            ),
            wordWrap=True,
        )
        layout.addWidget(intro)
        self.boxes: dict[str, QCheckBox] = {}
        titles = section_titles()
        for key in SUMMARY_SECTIONS:
            box = QCheckBox(titles[key], objectName=f"section_{key}")
            box.setChecked(key not in OPTIONAL_SECTIONS)
            box.toggled.connect(self._update)
            self.boxes[key] = box
            layout.addWidget(box)
        caption = QLabel(self.tr("Prepared &for (optional):"))
        self.purpose = QLineEdit(objectName="purpose", maxLength=120)
        self.purpose.setPlaceholderText(self.tr("e.g. the case conference of 12 March"))
        caption.setBuddy(self.purpose)
        layout.addWidget(caption)
        layout.addWidget(self.purpose)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Preview"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.sections()))

    def sections(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]


class DocumentsTab(QWidget):
    """What was printed from this case, newest first, each with the signed copies filed back.

    It asks the window to do the work: `attach(document id)` and `show_copy(signed copy id)`."""

    attach = Signal(int)
    show_copy = Signal(int)

    def __init__(
        self, printed: list[PrintedDocumentInfo], editable: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.printed = printed
        self.editable = editable
        titles = document_titles()
        self.tree = QTreeWidget(objectName="printedDocuments")
        self.tree.setHeaderLabels(
            [self.tr("Document"), self.tr("Verification code"), self.tr("Printed")]
        )
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        for doc in printed:
            item = QTreeWidgetItem(
                [
                    self.tr("{document}, version {n}").format(
                        document=titles.get(doc.kind, doc.kind), n=doc.version
                    ),
                    doc.code,
                    self._printed_text(doc),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, ("document", doc.id))
            if not doc.signed_copies:
                missing = QTreeWidgetItem([self.tr("No signed copy filed yet"), "", ""])
                missing.setForeground(0, Qt.GlobalColor.darkGray)
                missing.setData(0, Qt.ItemDataRole.UserRole, ("document", doc.id))
                item.addChild(missing)
            for copy in doc.signed_copies:
                child = QTreeWidgetItem(
                    [
                        self.tr("Signed copy: {file} ({size})").format(
                            file=copy.file_name, size=_size(copy.size)
                        ),
                        "",
                        self.tr("filed by {who}, {when}").format(
                            who=copy.added_by, when=format_datetime(copy.added_at)
                        ),
                    ]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, ("copy", copy.id))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

        self.empty = QLabel(
            self.tr(
                "Nothing has been printed from this case yet. Print a document from the "
                "Print menu above; once it is signed, scan or photograph it and file it here."
            ),
            objectName="noDocuments",
            wordWrap=True,
        )
        self.empty.setVisible(not printed)
        self.tree.setVisible(bool(printed))
        self.attach_button = QPushButton(self.tr("&Attach the signed copy…"), objectName="attach")
        self.show_button = QPushButton(self.tr("S&how the signed copy"), objectName="showCopy")
        self.attach_button.setVisible(editable)
        self.attach_button.clicked.connect(self._attach)
        self.show_button.clicked.connect(self._show)
        self.tree.itemDoubleClicked.connect(lambda *_: self._show())
        self.tree.currentItemChanged.connect(lambda *_: self._update())
        note = QLabel(
            self.tr("PDF, JPEG or PNG, at most 20 MB. The copy is kept encrypted in the store."),
            wordWrap=True,
        )
        note.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        if printed:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update()

    def _printed_text(self, doc: PrintedDocumentInfo) -> str:
        text = self.tr("{when} by {who}").format(
            when=format_datetime(doc.printed_at), who=doc.printed_by
        )
        if doc.times > 1:
            text += " " + self.tr("({n} times)").format(n=doc.times)
        return text

    def _selected(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _update(self) -> None:
        chosen = self._selected()
        self.attach_button.setEnabled(self.editable and chosen is not None)
        self.show_button.setEnabled(chosen is not None and chosen[0] == "copy")

    def select_document(self, document_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == ("document", document_id):
                self.tree.setCurrentItem(item)

    def _attach(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        if chosen[0] == "copy":  # another copy for the same document
            item = self.tree.currentItem().parent()
            chosen = item.data(0, Qt.ItemDataRole.UserRole)
        self.attach.emit(chosen[1])

    def _show(self) -> None:
        chosen = self._selected()
        if chosen is not None and chosen[0] == "copy":
            self.show_copy.emit(chosen[1])


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return QCoreApplication.translate("CaseDocuments", "{n} MB").format(
            n=f"{size / 1024 / 1024:.1f}"
        )
    return QCoreApplication.translate("CaseDocuments", "{n} KB").format(n=max(1, size // 1024))

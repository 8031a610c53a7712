"""The case file's Notes tab: the contact notes, newest first, a search within them, and the
short dialog that writes (or, for its author and for a day, corrects) one.

Every note of the case is read with the case file; the search runs on them here, as the person
types (`desktop.notes.matches`, the service's own rule), so it costs nothing to type.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.notes import CONTACT_LIMIT, KIND_WORDS, CaseNotes, Note, matches, search_words
from ui.common import format_date, format_datetime


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("ContactNotes", KIND_WORDS.get(kind, kind))


class NoteDialog(QDialog):
    """When, how, with whom and what: a new note, or a correction of one's own."""

    def __init__(self, note: Note | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Correct the note") if note else self.tr("Write a contact note")
        )
        self.setMinimumWidth(520)
        self.day = QDateEdit(objectName="noteDay", calendarPopup=True)
        self.day.setDisplayFormat("d MMM yyyy")
        self.day.setMaximumDate(QDate.currentDate())  # a note records what happened
        self.kind = QComboBox(objectName="noteKind")
        for code in KIND_WORDS:
            self.kind.addItem(kind_label(code), code)
        self.contact = QLineEdit(objectName="noteContact", maxLength=CONTACT_LIMIT)
        self.contact.setPlaceholderText(self.tr("e.g. the grandmother; the class teacher"))
        self.text = QPlainTextEdit(objectName="noteText")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("What was said, seen or agreed, in a few lines"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("&How"), self.kind)
        form.addRow(self.tr("&With whom"), self.contact)
        form.addRow(self.tr("Wh&at"), self.text)
        hint = QLabel(
            self.tr(
                "You may correct your note for a day; the first text is kept. Ctrl+Enter saves."
            ),
            wordWrap=True,
            objectName="noteHint",
        )
        hint.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setText(self.tr("&Save the note"))
        self.save.setObjectName("saveNote")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self._accept)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self._accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        if note is not None:
            self.day.setDate(
                QDate(note.happened_on.year, note.happened_on.month, note.happened_on.day)
            )
            self.kind.setCurrentIndex(max(0, self.kind.findData(note.kind)))
            self.contact.setText(note.contact)
            self.text.setPlainText(note.text)
        else:
            self.day.setDate(QDate.currentDate())
        self.text.textChanged.connect(self._update)
        self._update()
        self.kind.setFocus()

    def _update(self) -> None:
        self.save.setEnabled(bool(self.text.toPlainText().strip()))

    def _accept(self) -> None:
        if self.text.toPlainText().strip():
            self.accept()
        else:
            self.text.setFocus()

    def values(self) -> tuple[date, str, str, str]:
        day = self.day.date()
        return (
            date(day.year(), day.month(), day.day()),
            self.kind.currentData(),
            self.contact.text().strip(),
            self.text.toPlainText().strip(),
        )


class NotesTab(QWidget):
    """The notes of a case. It asks the window to save: `save_note(number, day, kind, who,
    what)`, number 0 for a new note."""

    save_note = Signal(int, object, str, str, str)

    def __init__(self, data: CaseNotes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        intro = QLabel(
            self.tr(
                "Calls, visits, meetings and what you saw, between the formal forms. "
                "Whoever may read the case reads its notes."
            ),
            wordWrap=True,
            objectName="tabNote",
        )
        intro.setStyleSheet("color: #555;")
        self.search = QLineEdit(objectName="noteSearch", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search the notes of this case – just type"))
        self.search.setAccessibleName(self.tr("Search the notes"))
        self.add_button = QPushButton(self.tr("&Write a note…"), objectName="addNote")
        self.correct_button = QPushButton(self.tr("Co&rrect…"), objectName="correctNote")
        self.add_button.clicked.connect(self.write)
        self.correct_button.clicked.connect(self.correct)
        self.table = QTableWidget(0, 4, objectName="notes")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("How, with whom"), self.tr("What"), self.tr("Written by")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.correct())
        self.count = QLabel(objectName="noteCount")
        self.count.setStyleSheet("color: #555;")
        self.search.textChanged.connect(lambda _t: self._fill())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.correct_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.shown: list[Note] = []
        self._fill()

    def show_data(self, data: CaseNotes) -> None:
        self.data = data
        self._fill()

    def _fill(self) -> None:
        words = search_words(self.search.text())
        self.shown = [n for n in self.data.notes if matches(n, words)] if words else self.data.notes
        self.table.setRowCount(len(self.shown))
        for row, note in enumerate(self.shown):
            how = kind_label(note.kind) + (f"\n{note.contact}" if note.contact else "")
            what = note.text
            if note.edited_at is not None:
                what += "\n" + self.tr("(corrected {when}; first written: “{text}”)").format(
                    when=format_datetime(note.edited_at), text=note.earlier[0].text
                )
            author = note.author + (f" ({note.agency_code})" if note.agency_code else "")
            for column, text in enumerate((format_date(note.happened_on), how, what, author)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, note.number)
                if column == 3:
                    item.setToolTip(
                        self.tr("Written {when}").format(when=format_datetime(note.written_at))
                    )
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        total = self.data.total if not words else len(self.data.notes)
        if not total:
            self.count.setText(self.tr("No notes yet."))
        elif words:
            self.count.setText(
                self.tr("{shown} of {total} notes match.").format(
                    shown=len(self.shown), total=total
                )
            )
        else:
            self.count.setText(
                self.tr("1 note") if total == 1 else self.tr("{n} notes").format(n=total)
            )
        self.add_button.setVisible(self.data.can_add)
        self._update_buttons()

    def selected(self) -> Note | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self.shown[row] if selected and 0 <= row < len(self.shown) else None

    def _update_buttons(self) -> None:
        note = self.selected()
        self.correct_button.setVisible(any(n.can_edit for n in self.data.notes))
        self.correct_button.setEnabled(note is not None and note.can_edit)

    # Each asks the person; tests answer in their place.
    def ask_note(self, note: Note | None = None) -> tuple[date, str, str, str] | None:
        dialog = NoteDialog(note, parent=self)
        return dialog.values() if dialog.exec() else None

    def write(self) -> None:
        if not self.data.can_add:
            return
        values = self.ask_note()
        if values is not None:
            self.save_note.emit(0, *values)

    def correct(self) -> None:
        note = self.selected()
        if note is None or not note.can_edit:
            return
        values = self.ask_note(note)
        if values is not None:
            self.save_note.emit(note.number, *values)

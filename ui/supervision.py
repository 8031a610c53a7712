"""Supervision notes in the window: the dialog a supervisor records a session in, and the list
a caseworker (or a supervisor, a manager) reads them in."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import supervision
from desktop.errors import UlinziError
from desktop.supervision import Supervisee, SupervisionNoteInfo
from ui.common import fit_to_screen, format_date, show_error
from ui.i18n import error_text
from ui.operations import SessionOp
from ui.session_holder import SessionHolder


class SupervisionDialog(QDialog):
    """Record a supervision session: with whom, when, the cases discussed, what was decided and
    what follows. A refusal is said under the form and the dialog stays open."""

    def __init__(
        self,
        holder: SessionHolder,
        team: list[Supervisee],
        worker_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="supervisionDialog")
        self.holder = holder
        self.team = team
        self.saved_note: SupervisionNoteInfo | None = None
        self.setWindowTitle(self.tr("Record a supervision session"))
        self.worker = QComboBox(objectName="supervisionWorker")
        for w in team:
            last = (
                self.tr("last supervised {date}").format(date=format_date(w.last_supervised))
                if w.last_supervised
                else self.tr("never supervised here")
            )
            self.worker.addItem(f"{w.name} ({last})", w.id)
        if worker_id is not None and self.worker.findData(worker_id) >= 0:
            self.worker.setCurrentIndex(self.worker.findData(worker_id))
        self.held_on = QDateEdit(objectName="supervisionDate", calendarPopup=True)
        self.held_on.setDisplayFormat("d MMM yyyy")
        self.held_on.setMaximumDate(QDate.currentDate())
        self.held_on.setMinimumDate(QDate.currentDate().addDays(-366))
        self.held_on.setDate(QDate.currentDate())
        self.cases = QListWidget(objectName="supervisionCases")
        self.cases.setAccessibleName(self.tr("Cases discussed"))
        self.decisions = QPlainTextEdit(objectName="supervisionDecisions")
        self.decisions.setTabChangesFocus(True)
        self.decisions.setPlaceholderText(self.tr("What was decided, for which case, by whom"))
        self.follow_up = QPlainTextEdit(objectName="supervisionFollowUp")
        self.follow_up.setTabChangesFocus(True)
        self.follow_up.setPlaceholderText(self.tr("What happens next, and by when"))
        self.problem = QLabel(objectName="supervisionProblem", wordWrap=True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Caseworker"), self.worker)
        form.addRow(self.tr("&Date of the session"), self.held_on)
        form.addRow(self.tr("Cases &discussed"), self.cases)
        form.addRow(self.tr("D&ecisions"), self.decisions)
        form.addRow(self.tr("&Follow-up"), self.follow_up)
        for row in range(form.rowCount()):
            buddy = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            label = form.labelForField(buddy)
            if isinstance(label, QLabel):
                label.setBuddy(buddy)
        hint = QLabel(
            self.tr(
                "Only this caseworker, supervisors and managers read supervision notes. They are "
                "never printed on a case document nor sent with a case."
            ),
            wordWrap=True,
        )
        hint.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.worker.currentIndexChanged.connect(self._worker_chosen)
        self._worker_chosen()
        fit_to_screen(self)

    def _worker_chosen(self) -> None:
        self.cases.clear()
        chosen = next((w for w in self.team if w.id == self.worker.currentData()), None)
        for number in chosen.case_numbers if chosen else ():
            item = QListWidgetItem(number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.cases.addItem(item)

    def chosen_cases(self) -> list[str]:
        return [
            self.cases.item(i).text()
            for i in range(self.cases.count())
            if self.cases.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        if self.worker.currentData() is None:
            self._show_problem(self.tr("Choose the caseworker."))
            return
        worker = int(self.worker.currentData())
        day = self.held_on.date()
        held_on = date(day.year(), day.month(), day.day())
        chosen, decisions = self.chosen_cases(), self.decisions.toPlainText()
        follow_up = self.follow_up.toPlainText()
        self.buttons.setEnabled(False)
        SessionOp(
            self,
            self.holder,
            lambda us: supervision.record_supervision(
                us, worker, held_on, chosen, decisions, follow_up
            ),
        ).writes().on_success(self._saved).on_failure(self._failed).run()

    def _saved(self, note: SupervisionNoteInfo) -> None:
        self.saved_note = note
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, UlinziError):
            self._show_problem(error_text(error))
            return
        show_error(self, error)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.decisions.setFocus()


class SupervisionNotesDialog(QDialog):
    """Supervision notes, newest first, read only."""

    def __init__(self, notes: list[SupervisionNoteInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="supervisionNotes")
        self.setWindowTitle(self.tr("Supervision notes"))
        columns = [
            self.tr("Date"),
            self.tr("Caseworker"),
            self.tr("Supervisor"),
            self.tr("Cases discussed"),
            self.tr("Decisions"),
            self.tr("Follow-up"),
        ]
        self.table = QTableWidget(len(notes), len(columns), objectName="supervisionNoteTable")
        self.table.setHorizontalHeaderLabels(columns)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for row, n in enumerate(notes):
            cells = (
                format_date(n.held_on),
                n.worker,
                n.supervisor,
                ", ".join(n.case_numbers),
                n.decisions,
                n.follow_up,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        empty = QLabel(self.tr("No supervision session is recorded yet."))
        empty.setVisible(not notes)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        fit_to_screen(self, share=0.7)
        self.table.setFocus()

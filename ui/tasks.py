""" "My tasks" and the supervisor's queue: what is late, what is due this week, what waits for a
decision, and each caseworker's caseload. Both read the `tasks` table off the UI thread."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import case_flow, supervision
from desktop.case_flow import ApprovalRow, SupervisorQueue, TaskRow
from desktop.errors import QT_TRANSLATE_NOOP
from desktop.vocabulary import Role
from desktop.workflow import Deadlines, Urgency, urgency
from ui.common import APPROVAL_KINDS, CASELOADS, NEXT_ACTIONS, format_date, label, show_error
from ui.operations import Op, SessionOp
from ui.session_holder import SessionHolder
from ui.supervision import SupervisionDialog, SupervisionNotesDialog
from ui.table_model import ModelIndex, RowsModel

OVERDUE = QColor("#c62828")
SOON = QColor("#b45309")


def show_supervision_notes(parent: QWidget, holder: SessionHolder) -> None:
    """The supervision notes the signed-in person may read, in a dialog."""
    SessionOp(parent, holder, supervision.supervision_notes).on_success(
        lambda notes: SupervisionNotesDialog(notes, parent).exec()
    ).run()


def _tr(text: str) -> str:
    return QCoreApplication.translate("tasks", text)


def when_text(widget: QWidget, due: datetime | None, now: datetime) -> str:
    """ "Overdue by 3 days", "Today", "In 2 days": how a person reads a due date."""
    if due is None:
        return ""
    local_due, today = due.astimezone().date(), now.astimezone().date()
    days = (local_due - today).days
    if due < now and days == -1:
        return _tr(QT_TRANSLATE_NOOP("tasks", "Overdue by 1 day"))
    if due < now and days < 0:
        return _tr(QT_TRANSLATE_NOOP("tasks", "Overdue by {n} days")).format(n=-days)
    if due < now:
        return _tr(QT_TRANSLATE_NOOP("tasks", "Overdue since today"))
    if days == 0:
        return _tr(QT_TRANSLATE_NOOP("tasks", "Today"))
    if days == 1:
        return _tr(QT_TRANSLATE_NOOP("tasks", "Tomorrow"))
    return _tr(QT_TRANSLATE_NOOP("tasks", "In {n} days")).format(n=days)


def _table(columns: list[str], name: str, stretch: int | None = None) -> QTableWidget:
    """A read-only table; column `stretch` takes the room left (the last one when None)."""
    table = QTableWidget(0, len(columns), objectName=name)
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    # No column grows past this for one long name: its text is elided, whole in the tooltip.
    header.setMaximumSectionSize(table.fontMetrics().averageCharWidth() * 36)
    for column in range(len(columns)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    elif stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def task_text(widget: QWidget, task: TaskRow) -> str:
    what = label(NEXT_ACTIONS, task.kind)
    return f"{what}: {task.detail}" if task.detail else what


def _fill_tasks(
    widget: QWidget, table: QTableWidget, rows: list[TaskRow], with_worker: bool
) -> None:
    now = datetime.now(UTC)
    deadlines = getattr(widget, "deadlines", Deadlines())
    table.setRowCount(len(rows))
    bold = QFont()
    bold.setBold(True)
    for position, task in enumerate(rows):
        state = urgency(task.due, now, deadlines)
        cells = [
            when_text(widget, task.due, now),
            format_date(task.due.astimezone()) if task.due else "",
            task.case_number,
            task.child_name,
            task_text(widget, task),
        ]
        if with_worker:
            cells.append(task.caseworker)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, position)
            if column == 0 and state == Urgency.OVERDUE:
                item.setForeground(OVERDUE)
                item.setFont(bold)
            elif column == 0 and state == Urgency.DUE_SOON:
                item.setForeground(SOON)
            table.setItem(position, column, item)


class TaskTableModel(RowsModel[TaskRow]):
    """My tasks, each cell worked out when the view shows it: a caseworker of a large store
    has thousands of tasks, and filling a table of items for all of them held the UI thread
    for a third of a second right after sign-in."""

    def __init__(self, widget: TasksWidget) -> None:
        super().__init__(lambda task: (task.case_uuid, task.kind, task.ref), widget)
        self.widget = widget
        self.now = datetime.now(UTC)
        self.bold = QFont()
        self.bold.setBold(True)
        self._texts: dict[TaskRow, tuple[str, ...]] = {}

    def set_rows(self, rows: Sequence[TaskRow]) -> None:
        self.now = datetime.now(UTC)
        self._texts = {}
        super().set_rows(rows)

    def headers(self) -> Sequence[str]:
        # In the context of the widget that showed these headers before the model did.
        return (
            QCoreApplication.translate("TasksWidget", "When"),
            QCoreApplication.translate("TasksWidget", "Due"),
            QCoreApplication.translate("TasksWidget", "Case"),
            QCoreApplication.translate("TasksWidget", "Child"),
            QCoreApplication.translate("TasksWidget", "What"),
        )

    def cell(self, row: TaskRow, column: int) -> str:
        texts = self._texts.get(row)
        if texts is None:  # the view asks for each cell again at every paint and resize
            texts = self._texts[row] = (
                when_text(self.widget, row.due, self.now),
                format_date(row.due.astimezone()) if row.due else "",
                row.case_number,
                row.child_name,
                task_text(self.widget, row),
            )
        return texts[column]

    def tooltip(self, row: TaskRow, column: int) -> str | None:
        return self.cell(row, column)  # whole, where a long name or task is elided

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        styled = (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole)
        if not (index.isValid() and index.column() == 0 and role in styled):
            return super().data(index, role)
        state = urgency(self.row_at(index.row()).due, self.now, self.widget.deadlines)
        if role == Qt.ItemDataRole.FontRole:
            return self.bold if state == Urgency.OVERDUE else None
        if state == Urgency.OVERDUE:
            return QBrush(OVERDUE)
        return QBrush(SOON) if state == Urgency.DUE_SOON else None


class TasksWidget(QWidget):
    """The signed-in person's tasks: overdue first, then what is due this week.
    Enter or a double click opens the form (or the case) that does the task."""

    open_task = Signal(object)  # TaskRow

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        holder.locked.connect(self.clear)
        self.deadlines = Deadlines()  # the agency's, set by the window
        self.rows: list[TaskRow] = []
        self.heading = QLabel(objectName="tasksHeading", wordWrap=True)
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.heading.setFont(font)
        self.model = TaskTableModel(self)
        self.table = QTableView(objectName="taskTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # No column grows past this for one long name: its text is elided, whole in the tooltip.
        header.setMaximumSectionSize(self.table.fontMetrics().averageCharWidth() * 36)
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        # Column widths from the rows on screen and a few more, not from every task.
        header.setResizeContentsPrecision(100)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        refresh = QPushButton(self.tr("&Refresh"), objectName="refreshTasks")
        refresh.clicked.connect(self.refresh)
        notes = QPushButton(self.tr("S&upervision notes…"), objectName="mySupervisionNotes")
        notes.clicked.connect(lambda: show_supervision_notes(self, self.holder))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(notes)
        top.addWidget(refresh)
        self.hint = QLabel(
            self.tr("Double-click a task, or press Enter, to open the form that does it."),
            objectName="tasksHint",
        )
        self.hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        session = self.holder.session
        Op(self, lambda: case_flow.my_tasks(session)).on_success(self._show).on_failure(
            self._error
        ).run()

    def _show(self, rows: list[TaskRow]) -> None:
        self.rows = rows
        now = datetime.now(UTC)
        late = sum(1 for r in rows if r.due and r.due < now)
        self.heading.setText(
            self.tr("My tasks: {late} overdue, {soon} due in the next 7 days").format(
                late=late, soon=len(rows) - late
            )
        )
        self.model.set_rows(rows)
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.rows):
            self.open_task.emit(self.rows[index.row()])

    def _error(self, error: Exception) -> None:
        if self.holder.session.store.is_open:  # not signed out or locked meanwhile
            show_error(self, error)

    def clear(self) -> None:
        self.rows = []
        self.model.set_rows([])
        self.heading.clear()


class DecisionDialog(QDialog):
    """Approve or return one request, saying which: the case, the child, what is decided, who
    asked and when. Enter approves; returning asks for the comment here (Ctrl+Enter sends it)."""

    def __init__(self, approval: ApprovalRow, approve: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="decisionDialog")
        self.setMinimumWidth(480)  # the case and the child on one line, as a rule
        self.approve = approve
        what = label(APPROVAL_KINDS, approval.kind)
        self.setWindowTitle(
            self.tr("Approve {what}?").format(what=what)
            if approve
            else self.tr("Return {what}?").format(what=what)
        )
        layout = QVBoxLayout(self)
        self.case = QLabel(
            self.tr("Case {number}: {child}").format(
                number=approval.case_number, child=approval.child_name
            ),
            objectName="decisionCase",
            textFormat=Qt.TextFormat.PlainText,
            wordWrap=True,
        )
        font = self.case.font()
        font.setBold(True)
        self.case.setFont(font)
        self.what = QLabel(
            self.tr("To decide: {what}, asked by {who} on {when}.").format(
                what=what, who=approval.requested_by, when=format_date(approval.requested_at)
            ),
            objectName="decisionWhat",
            textFormat=Qt.TextFormat.PlainText,
            wordWrap=True,
        )
        layout.addWidget(self.case)
        layout.addWidget(self.what)
        self.comment = QPlainTextEdit(objectName="decisionComment", tabChangesFocus=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        if approve:
            ok_text = self.tr("&Approve")
            layout.addWidget(
                QLabel(
                    self.tr("The caseworker sees your approval, and the case moves on."),
                    wordWrap=True,
                )
            )
            self.comment.hide()
        else:
            ok_text = self.tr("&Return to the caseworker")
            prompt = QLabel(
                self.tr(
                    "What needs to change? The caseworker reads your comment "
                    "(Ctrl+Enter returns the request)."
                ),
                wordWrap=True,
            )
            prompt.setBuddy(self.comment)
            layout.addWidget(prompt)
            layout.addWidget(self.comment, 1)
            self.resize(520, 320)
        self.ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("decisionConfirm")
        self.ok.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if approve:
            self.ok.setFocus()
        else:
            self.ok.setEnabled(False)
            self.comment.textChanged.connect(lambda: self.ok.setEnabled(bool(self.comment_text())))
            for keys in ("Ctrl+Return", "Ctrl+Enter"):
                QShortcut(QKeySequence(keys), self, activated=self._accept)
            self.comment.setFocus()

    def comment_text(self) -> str:
        return "" if self.approve else self.comment.toPlainText().strip()

    def _accept(self) -> None:
        if self.approve or self.comment_text():
            self.accept()


class SupervisorQueueWidget(QWidget):
    """Approvals waiting for the signed-in supervisor, each caseworker's caseload against the
    15–30 guideline, and the team's overdue tasks."""

    open_case = Signal(str)
    decide = Signal(int, bool)  # approval id, approve (False: return, with a comment asked)

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        holder.locked.connect(self.clear)
        self.deadlines = Deadlines()  # the agency's, set by the window
        self.queue: SupervisorQueue | None = None
        self.last_supervised: dict[int, date] = {}
        self.approvals_heading = QLabel(objectName="approvalsHeading", wordWrap=True)
        self.approvals = _table(
            [
                self.tr("Waiting since"),
                self.tr("Case"),
                self.tr("Child"),
                self.tr("To decide"),
                self.tr("Asked by"),
            ],
            "approvalTable",
        )
        self.approvals.doubleClicked.connect(self._approval_opened)
        self.approvals.activated.connect(self._approval_opened)
        self.approve_button = QPushButton(self.tr("&Approve"), objectName="queueApprove")
        self.return_button = QPushButton(
            self.tr("Return with a &comment…"), objectName="queueReturn"
        )
        self.open_button = QPushButton(self.tr("&Open the case"), objectName="queueOpen")
        self.approve_button.clicked.connect(lambda: self._decide(True))
        self.return_button.clicked.connect(lambda: self._decide(False))
        self.open_button.clicked.connect(lambda: self._approval_opened(None))
        self.approvals.itemSelectionChanged.connect(self._update_buttons)
        self.busy = False  # a decision is being saved: the buttons wait for it
        self.why_not = QLabel(objectName="queueWhyNot", wordWrap=True)
        self.why_not.setStyleSheet("color: #555;")
        self.why_not.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.approvals_heading, 1)
        for b in (self.open_button, self.approve_button, self.return_button):
            buttons.addWidget(b)
        self.workload_heading = QLabel(
            self.tr("Caseload per caseworker (guideline: 15 to 30 open cases)")
        )
        self.workload = _table(
            [
                self.tr("Caseworker"),
                self.tr("Open cases"),
                self.tr("Caseload"),
                self.tr("Overdue tasks"),
                self.tr("Due in 7 days"),
                self.tr("Last supervised"),
            ],
            "workloadTable",
            stretch=-1,
        )
        self.overdue_heading = QLabel(objectName="overdueHeading")
        self.overdue = _table(
            [
                self.tr("When"),
                self.tr("Due"),
                self.tr("Case"),
                self.tr("Child"),
                self.tr("What"),
                self.tr("Caseworker"),
            ],
            "teamOverdue",
            stretch=4,
        )
        self.overdue.doubleClicked.connect(self._overdue_opened)
        refresh = QPushButton(self.tr("&Refresh"), objectName="refreshQueue")
        refresh.clicked.connect(self.refresh)
        self.record_button = QPushButton(
            self.tr("Record a super&vision session…"), objectName="recordSupervision"
        )
        self.record_button.clicked.connect(self.record_supervision)
        notes = QPushButton(self.tr("S&upervision notes…"), objectName="teamSupervisionNotes")
        notes.clicked.connect(lambda: show_supervision_notes(self, self.holder))
        layout = QVBoxLayout(self)
        for heading in (self.approvals_heading, self.workload_heading, self.overdue_heading):
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(refresh)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.why_not)
        layout.addWidget(self.approvals, 2)
        workload_top = QHBoxLayout()
        workload_top.addWidget(self.workload_heading, 1)
        workload_top.addWidget(self.record_button)
        workload_top.addWidget(notes)
        layout.addLayout(workload_top)
        layout.addWidget(self.workload)
        layout.addWidget(self.overdue_heading)
        layout.addWidget(self.overdue, 2)

    def refresh(self) -> None:
        session = self.holder.session
        self.record_button.setVisible(Role.SUPERVISOR in session.user.roles)

        def read() -> tuple[SupervisorQueue, dict[int, date]]:
            return case_flow.supervisor_queue(session), supervision.last_supervised(session)

        Op(self, read).on_success(self._show_with_supervision).on_failure(self._error).run()

    def _show_with_supervision(self, found: tuple[SupervisorQueue, dict[int, date]]) -> None:
        self.last_supervised = found[1]
        self._show(found[0])

    def record_supervision(self) -> None:
        """The dialog for a session with a caseworker of the team (the one chosen below, if
        any); the queue shows the new date once it is saved."""
        row = self.workload.currentRow()
        chosen = (
            self.queue.workload[row].user_id
            if self.queue is not None and 0 <= row < len(self.queue.workload)
            else None
        )

        def show(team: list[supervision.Supervisee]) -> None:
            dialog = SupervisionDialog(self.holder, team, chosen, self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.refresh()

        SessionOp(self, self.holder, supervision.supervisees).on_success(show).run()

    def _show(self, queue: SupervisorQueue) -> None:
        # The chosen request stays chosen by what it is, not by its row: rows move as others
        # are decided, and a decision must never land on the request that slid under the cursor.
        first = self.queue is None
        chosen = self.selected_approval()
        self.queue = queue
        now = datetime.now(UTC)
        mine = [a for a in queue.approvals if a.can_decide]
        self.approvals_heading.setText(
            self.tr("Waiting for your decision: {n}").format(n=len(mine))
            if len(mine) == len(queue.approvals)
            else self.tr(
                "{n} requests wait for a decision; {mine} of them are yours to decide "
                "(choose one to see why another is not)."
            ).format(n=len(queue.approvals), mine=len(mine))
        )
        self.approvals.blockSignals(True)
        self.approvals.setCurrentCell(-1, -1)
        self.approvals.clearSelection()
        self.approvals.setRowCount(len(queue.approvals))
        for position, a in enumerate(queue.approvals):
            waiting = now - a.requested_at
            for column, text in enumerate(
                (
                    format_date(a.requested_at.astimezone()),
                    a.case_number,
                    a.child_name,
                    label(APPROVAL_KINDS, a.kind),
                    a.requested_by,
                )
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 0 and waiting > timedelta(days=self.deadlines.approval_days):
                    item.setForeground(OVERDUE)
                self.approvals.setItem(position, column, item)
        again = [p for p, a in enumerate(queue.approvals) if chosen and a.id == chosen.id]
        if again:
            self.approvals.selectRow(again[0])
        elif first and queue.approvals:
            self.approvals.selectRow(0)
        self.approvals.blockSignals(False)
        self._update_buttons()

        self.workload.setRowCount(len(queue.workload))
        for position, w in enumerate(queue.workload):
            cells = (
                w.name,
                str(w.open_cases),
                label(CASELOADS, w.caseload),
                str(w.overdue),
                str(w.due_this_week),
                format_date(self.last_supervised.get(w.user_id)) or self.tr("never", "supervised"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (1, 3, 4):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 2 and w.caseload != "within":
                    item.setForeground(OVERDUE if w.caseload == "over" else SOON)
                if column == 3 and w.overdue:
                    item.setForeground(OVERDUE)
                self.workload.setItem(position, column, item)
        # The whole team at a glance: the table is as tall as its rows (up to eight).
        shown = min(len(queue.workload), 8)
        self.workload.setFixedHeight(
            self.workload.horizontalHeader().height()
            + sum(self.workload.rowHeight(r) for r in range(shown))
            + 2 * self.workload.frameWidth()
        )
        self.overdue_heading.setText(
            self.tr("Overdue in the team: {n}").format(n=sum(w.overdue for w in queue.workload))
        )
        _fill_tasks(self, self.overdue, queue.overdue, with_worker=True)

    def selected_approval(self) -> ApprovalRow | None:
        row = self.approvals.currentRow()
        if self.queue is None or not 0 <= row < len(self.queue.approvals):
            return None
        return self.queue.approvals[row]

    def set_busy(self, busy: bool) -> None:
        """While a decision is saved, nothing else can be decided from here."""
        self.busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Approve and Return for the chosen request if it is this person's to decide; if it is
        not, they stay greyed and the rule that says why shows under them."""
        chosen = self.selected_approval()
        why = ""
        if chosen is not None and not chosen.can_decide:
            why = (
                QCoreApplication.translate("errors", chosen.why_not)
                if chosen.why_not
                else self.tr("This request is not yours to decide.")
            )
        may = chosen is not None and chosen.can_decide and not self.busy
        for button in (self.approve_button, self.return_button):
            button.setEnabled(may)
            button.setToolTip(why)
        self.open_button.setEnabled(chosen is not None and not self.busy)
        self.why_not.setText(why)
        self.why_not.setVisible(bool(why))

    def _decide(self, approve: bool) -> None:
        chosen = self.selected_approval()
        if chosen is not None and chosen.can_decide and not self.busy:
            self.decide.emit(chosen.id, approve)

    def _approval_opened(self, _index: QModelIndex) -> None:
        chosen = self.selected_approval()
        if chosen is not None:
            self.open_case.emit(chosen.case_uuid)

    def _overdue_opened(self, index: QModelIndex) -> None:
        if self.queue is not None and 0 <= index.row() < len(self.queue.overdue):
            self.open_case.emit(self.queue.overdue[index.row()].case_uuid)

    def _error(self, error: Exception) -> None:
        if self.holder.session.store.is_open:
            show_error(self, error)

    def clear(self) -> None:
        self.queue = None
        for table in (self.approvals, self.workload, self.overdue):
            table.setRowCount(0)
        self.busy = False
        self._update_buttons()

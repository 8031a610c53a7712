"""The case list: search as you type, filters, and a table that pages rows as it scrolls.

The ordered ids of the matching cases are fetched off the UI thread (for 100,000 cases that
takes longer than a frame); rows are then read a page at a time, by primary key, only for the
part of the table on screen. Opening 100,000 cases therefore costs what opening 100 does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import cases, facilities
from desktop.cases import CaseQuery, CaseRow, Scope, SortKey
from desktop.errors import QT_TRANSLATE_NOOP
from desktop.placement_state import KIND_LABELS
from desktop.vocabulary import Role
from ui.common import (
    NEXT_ACTIONS,
    RISK_COLOURS,
    RISKS,
    SEXES,
    STAGES,
    STATUSES,
    format_date,
    format_datetime,
    label,
    show_error,
)
from ui.operations import Op
from ui.session_holder import SessionHolder

PAGE = 100


COLUMNS = (
    (SortKey.CASE_NUMBER, QT_TRANSLATE_NOOP("CaseTableModel", "Case number")),
    (SortKey.NAME, QT_TRANSLATE_NOOP("CaseTableModel", "Child's name")),
    (SortKey.AGE, QT_TRANSLATE_NOOP("CaseTableModel", "Age")),
    (SortKey.SEX, QT_TRANSLATE_NOOP("CaseTableModel", "Sex")),
    (SortKey.STAGE, QT_TRANSLATE_NOOP("CaseTableModel", "Stage")),
    (SortKey.RISK, QT_TRANSLATE_NOOP("CaseTableModel", "Risk")),
    (SortKey.CASEWORKER, QT_TRANSLATE_NOOP("CaseTableModel", "Caseworker")),
    (SortKey.NEXT_DUE, QT_TRANSLATE_NOOP("CaseTableModel", "Next action")),
    (SortKey.UPDATED, QT_TRANSLATE_NOOP("CaseTableModel", "Last updated")),
)
CASE_UUID_ROLE = Qt.ItemDataRole.UserRole + 1


class CaseTableModel(QAbstractTableModel):
    """Rows by position in an ordered list of case ids; each page read when first shown."""

    sort_requested = Signal(object, bool)  # SortKey, descending

    def __init__(self, holder: SessionHolder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self._ids: list[int] = []
        self._rows: dict[int, CaseRow] = {}
        self.pages_read = 0  # for tests and benchmarks: how much was really read

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._rows = {}
        self.endResetModel()

    def ids_at(self, positions: Iterable[int]) -> set[int]:
        return {self._ids[p] for p in positions if 0 <= p < len(self._ids)}

    def positions_of(self, case_ids: set[int]) -> list[int]:
        return [p for p, case_id in enumerate(self._ids) if case_id in case_ids]

    def complete(self, ids: list[int]) -> bool:
        """The whole list arrived after its first rows: append, keeping selection and scroll.
        False (nothing changed) when it does not begin with the rows shown."""
        known = len(self._ids)
        if ids[:known] != self._ids:
            return False
        if len(ids) > known:
            self.beginInsertRows(QModelIndex(), known, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()
        return True

    def clear(self) -> None:
        """Forget every row (the screen is being locked)."""
        self.set_ids([])

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def row_at(self, position: int) -> CaseRow | None:
        case_id = self._ids[position]
        row = self._rows.get(case_id)
        if row is None and not self.holder.session.store.is_open:
            return None  # locked or signed out: columns sized from content must read nothing
        if row is None:
            start = position - position % PAGE
            page = self._ids[start : start + PAGE]
            self._rows.update(cases.rows_for_ids(self.holder.session, page))
            self.pages_read += 1
            row = self._rows.get(case_id)
        return row

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
            Qt.ItemDataRole.ToolTipRole,
            CASE_UUID_ROLE,
        ):
            return None
        row = self.row_at(index.row())
        if row is None:  # no longer visible to this user
            return None
        if role == CASE_UUID_ROLE:
            return row.uuid
        key = COLUMNS[index.column()][0]
        overdue = row.next_due is not None and row.next_due < datetime.now(UTC)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == SortKey.RISK and row.risk:
                return QBrush(RISK_COLOURS[row.risk])
            if key == SortKey.NEXT_DUE and overdue:
                return QBrush(QColor("#b71c1c"))
            return None
        if role == Qt.ItemDataRole.FontRole:
            if (key == SortKey.RISK and row.risk == "high") or (
                key == SortKey.NEXT_DUE and overdue
            ):
                font = QFont()
                font.setBold(True)
                return font
            return None
        return self._text(row, key, overdue, tooltip=role == Qt.ItemDataRole.ToolTipRole)

    def _text(self, row: CaseRow, key: SortKey, overdue: bool, tooltip: bool) -> str | None:
        match key:
            case SortKey.CASE_NUMBER:
                return row.case_number
            case SortKey.NAME:
                return row.child_name
            case SortKey.AGE:
                age = row.age()
                if age is None:
                    return ""
                return f"~{age}" if row.birth_date_estimated else str(age)
            case SortKey.SEX:
                return label(SEXES, row.sex)
            case SortKey.STAGE:
                return label(STAGES, row.stage)
            case SortKey.RISK:
                # The word is always there: colour alone must never carry the meaning.
                return label(RISKS, row.risk) if row.risk else self.tr("Not assessed")
            case SortKey.CASEWORKER:
                return row.caseworker
            case SortKey.NEXT_DUE:
                if not row.next_action:
                    return ""
                action = label(NEXT_ACTIONS, row.next_action)
                due = format_date(row.next_due.astimezone()) if row.next_due else ""
                if overdue:
                    return self.tr("{action} – overdue since {date}").format(
                        action=action, date=due
                    )
                return self.tr("{action} by {date}").format(action=action, date=due)
            case SortKey.UPDATED:
                return (
                    format_datetime(row.updated_at)
                    if tooltip
                    else format_date(row.updated_at.astimezone())
                )
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)

    def uuid_at(self, position: int) -> str | None:
        row = self.row_at(position)
        return row.uuid if row else None


class CaseListWidget(QWidget):
    """Search, filters, the table, and the counts for the status bar."""

    open_requested = Signal(str)  # case uuid
    counts_changed = Signal(str)
    loaded = Signal()  # a new list of cases is in the table
    first_rows = Signal()  # the first screenful of a new list is in the table (or it failed)
    reassign_requested = Signal(list, list)  # the chosen cases' uuids and numbers

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self._generation = 0
        self._sort = SortKey.REGISTERED
        self._descending = True
        self.model = CaseTableModel(holder, self)
        holder.locked.connect(self._hide_for_lock)

        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.scope = QComboBox(objectName="scope")
        self.status = QComboBox(objectName="status")
        self.stage = QComboBox(objectName="stage")
        self.risk = QComboBox(objectName="risk")
        self.placement = QComboBox(objectName="placement")  # a type of care, or a facility
        self.facilities = [(f.id, f.name) for f in facilities.facilities(holder.session)]
        self.overdue = QCheckBox(objectName="overdue")
        self.table = QTableView(objectName="cases")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # arrows move between cases; Tab leaves the list
        # Supervisors and managers choose several cases (Shift, Ctrl) to give to someone else.
        self.may_reassign = bool(holder.session.user.roles & {Role.SUPERVISOR, Role.MANAGER})
        self.table.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if self.may_reassign
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.reassign_button = QPushButton(objectName="reassign")
        self.reassign_button.setVisible(self.may_reassign)
        self.reassign_button.setEnabled(False)
        self.reassign_button.clicked.connect(self.reassign)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # A cell too narrow loses its middle, not its end: the next action's date stays in sight
        # (the whole text is in the tooltip).
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(False)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.installEventFilter(self)

        self._coalesce = QTimer(self, singleShot=True, interval=0)
        self._coalesce.timeout.connect(self._query_now)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._open_first)
        for combo in (self.scope, self.status, self.stage, self.risk, self.placement):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.overdue.toggled.connect(lambda _c: self.refresh())

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.scope, 1)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.stage, 1)
        filters.addWidget(self.risk, 1)
        filters.addWidget(self.placement, 1)
        filters.addWidget(self.overdue)
        filters.addWidget(self.reassign_button)
        self.empty = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, objectName="empty")
        self.empty.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        # With the filters the Reassign button stands before the table: Shift+Tab from the chosen
        # rows reaches it. (Set once they are in one window: before, Qt ignores it.)
        QWidget.setTabOrder(self.overdue, self.reassign_button)
        QWidget.setTabOrder(self.reassign_button, self.table)
        self._fill_filters()
        self._restore_header()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)
        # Only now: turning sorting on (and restoring the header) asks the model to sort by
        # column 0, and the list must open newest registration first, not by case number.
        self.model.sort_requested.connect(self._sort_by)

    # -- filters -------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            combos = (self.scope, self.status, self.stage, self.risk, self.placement)
            chosen = [c.currentData() for c in combos]
            for combo in combos:
                combo.blockSignals(True)
            self._fill_filters()
            for combo, data in zip(combos, chosen, strict=True):
                combo.setCurrentIndex(max(0, combo.findData(data)))
                combo.blockSignals(False)
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
            self.model.layoutChanged.emit()
        super().changeEvent(event)

    def _fill_filters(self) -> None:
        roles = self.holder.session.user.roles
        self.search.setPlaceholderText(self.tr("Search by name, case number or place – just type"))
        self.scope.blockSignals(True)
        self.scope.clear()
        if roles & {Role.CASEWORKER, Role.SUPERVISOR}:
            self.scope.addItem(self.tr("My cases"), Scope.MINE)
        if Role.SUPERVISOR in roles:
            self.scope.addItem(self.tr("My team's cases"), Scope.TEAM)
        if Role.MANAGER in roles or not self.scope.count():
            self.scope.addItem(self.tr("All cases"), Scope.ALL)
        self.scope.setCurrentIndex(1 if Role.SUPERVISOR in roles else 0)
        self.scope.setVisible(self.scope.count() > 1)  # one choice is no choice: not shown
        self.scope.blockSignals(False)
        self._fill(self.status, self.tr("Any status"), STATUSES, "open")
        self._fill(self.stage, self.tr("Any stage"), STAGES)
        self._fill(self.risk, self.tr("Any risk"), RISKS)
        self._fill(self.placement, self.tr("Any placement"), KIND_LABELS)
        self.placement.blockSignals(True)
        for facility_id, name in self.facilities:  # after the types of care
            self.placement.addItem(self.tr("At {facility}").format(facility=name), facility_id)
        self.placement.blockSignals(False)
        self.overdue.setText(self.tr("&Overdue only"))
        self.reassign_button.setText(self.tr("&Reassign…"))
        self.reassign_button.setToolTip(
            self.tr("Give the selected cases to another worker (choose several with Shift or Ctrl)")
        )
        self._name_filters()

    def _name_filters(self) -> None:
        """The filters have no labels on screen (their choices say it): screen readers need one."""
        self.search.setAccessibleName(self.tr("Search the cases"))
        self.scope.setAccessibleName(self.tr("Whose cases"))
        self.status.setAccessibleName(self.tr("Status"))
        self.stage.setAccessibleName(self.tr("Stage"))
        self.risk.setAccessibleName(self.tr("Risk"))
        self.placement.setAccessibleName(self.tr("Placement"))

    def _fill(
        self, combo: QComboBox, anything: str, table: dict[str, str], default: str | None = None
    ):  # type: ignore[no-untyped-def]
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(anything, None)
        for code in table:
            combo.addItem(label(table, code), code)
        combo.setCurrentIndex(max(0, combo.findData(default)) if default else 0)
        combo.blockSignals(False)

    def query(self) -> CaseQuery:
        care = self.placement.currentData()
        return CaseQuery(
            scope=self.scope.currentData() or Scope.ALL,
            status=self.status.currentData(),
            stage=self.stage.currentData(),
            risk=self.risk.currentData(),
            overdue_only=self.overdue.isChecked(),
            search=self.search.text().strip() or None,
            placement=care if isinstance(care, str) else None,  # a type of care…
            facility=care if isinstance(care, int) else None,  # …or a facility
            sort=self._sort,
            descending=self._descending,
        )

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Ask for the matching ids again. Several requests in one go make one query."""
        self._coalesce.start()

    def _query_now(self) -> None:
        """Fetch the first screenful of ids, then all of them, both in the background.

        The first rows show as fast for 100,000 cases as for 100; the rest is appended when
        the whole ordered list has been read. Only the newest request's answers are used.
        """
        self._generation += 1
        generation, session, query = self._generation, self.holder.session, self.query()

        def current() -> bool:
            return generation == self._generation and session.store.is_open

        def first(ids: list[int]) -> None:
            if not current():
                return
            if ids:
                self._show_ids(ids)
                self.empty.setVisible(False)
                self.table.setVisible(True)
            self.first_rows.emit()
            if len(ids) < PAGE:  # that was all of them
                done(ids)
            else:  # then the rest, without competing with the first screenful
                Op(self, lambda: cases.case_ids(session, query)).on_success(done).on_failure(
                    failed
                ).run()

        def done(ids: list[int]) -> None:
            if not current():
                return
            if not self.model.complete(ids):
                self._show_ids(ids)
            self.empty.setVisible(not ids)
            self.table.setVisible(bool(ids))
            if not ids:
                self.empty.setText(self._empty_text(query))
            self.counts_changed.emit(
                self.tr("1 case shown")
                if len(ids) == 1
                else self.tr("{n} cases shown").format(n=len(ids))
            )
            self.loaded.emit()

        def failed(error: Exception) -> None:
            if current():
                show_error(self, error)

        def first_failed(error: Exception) -> None:
            if current():
                self.first_rows.emit()
            failed(error)

        Op(self, lambda: cases.case_ids(session, query, limit=PAGE)).on_success(first).on_failure(
            first_failed
        ).run()

    def _show_ids(self, ids: list[int]) -> None:
        """The list's rows become `ids`, keeping the cases a person had chosen: a list read
        again (a search, another page shown, work saved) must not drop a selection being made
        for a reassignment, nor move the current row to another child."""
        chosen = self.model.ids_at(i.row() for i in self.table.selectionModel().selectedRows())
        current = self.model.ids_at([self.table.currentIndex().row()])
        self.model.set_ids(ids)
        if not chosen and not current:
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for position in self.model.positions_of(chosen):
            selection.select(self.model.index(position, 0), self.model.index(position, last))
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)
        for position in self.model.positions_of(current):
            self.table.selectionModel().setCurrentIndex(
                self.model.index(position, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def _empty_text(self, query: CaseQuery) -> str:
        if not self.holder.session.user.roles & {Role.CASEWORKER, Role.SUPERVISOR, Role.MANAGER}:
            return self.tr(
                "Administrators manage accounts and settings; they do not read case files. "
                "Sign in as a caseworker, supervisor or manager to see cases."
            )
        if query.search or query.stage or query.risk or query.overdue_only:
            return self.tr("No case matches. Check the spelling, or clear the filters.")
        return self.tr("No cases yet. Register a child with “New case”.")

    def _sort_by(self, key: SortKey, descending: bool) -> None:
        self._sort, self._descending = key, descending
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.refresh()

    def clear(self) -> None:
        self._generation += 1
        self.model.clear()

    def _hide_for_lock(self) -> None:
        self.save_header()
        self.clear()

    # -- reassigning ---------------------------------------------------------------------------
    def selected_cases(self) -> list[tuple[str, str]]:
        """The chosen cases' uuids and numbers, in the list's order."""
        found = []
        for index in sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row()):
            row = self.model.row_at(index.row())
            if row is not None:
                found.append((row.uuid, row.case_number))
        return found

    def _selection_changed(self) -> None:
        self.reassign_button.setEnabled(self.table.selectionModel().hasSelection())

    def reassign(self) -> None:
        chosen = self.selected_cases()
        if self.may_reassign and chosen:
            self.reassign_requested.emit([u for u, _ in chosen], [n for _, n in chosen])

    # -- opening -------------------------------------------------------------------------------
    def _open(self, position: int) -> None:
        uuid = self.model.uuid_at(position) if 0 <= position < self.model.rowCount() else None
        if uuid:
            self.open_requested.emit(uuid)

    def _open_first(self) -> None:
        if self.model.rowCount() == 1:
            self._open(0)
        elif self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open(self.table.currentIndex().row())
                return True
            text = key_event.text()
            if (
                text
                and text.isprintable()
                and not key_event.modifiers()
                & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            ):
                # Type to search: letters typed in the table go to the search field.
                self.search.setFocus()
                self.search.insert(text)
                return True
        return super().eventFilter(watched, event)

    # -- remembered columns ----------------------------------------------------------------------
    def _settings_key(self) -> str:
        return f"caselist/{self.holder.session.store.store_id}/{self.holder.session.user.id}/header"

    def _restore_header(self) -> None:
        header = self.table.horizontalHeader()
        state = QSettings().value(self._settings_key())
        if state is not None:
            header.restoreState(state)  # the order of the columns, and the widths people chose
        else:
            for column, width in enumerate((135, 185, 45, 65, 150, 95, 130, 320)):
                header.resizeSection(column, width)
        # Short columns take the width of what they show, in the language shown (measured on
        # the rows on screen only: a large list must not be read to size a column). "Next
        # action" takes the room left, so that its date is not cut; names keep the width
        # people give them (long ones are elided, whole in their tooltip).
        header.setResizeContentsPrecision(0)
        header.setStretchLastSection(False)
        for column, (key, _title) in enumerate(COLUMNS):
            if key == SortKey.NEXT_DUE:
                mode = QHeaderView.ResizeMode.Stretch
            elif key in (SortKey.NAME, SortKey.CASEWORKER):
                mode = QHeaderView.ResizeMode.Interactive
            else:
                mode = QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)

    def save_header(self) -> None:
        QSettings().setValue(self._settings_key(), self.table.horizontalHeader().saveState())

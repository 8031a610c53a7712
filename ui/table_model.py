"""The one Qt table model for a list of rows that the window shows and does not edit.

A subclass says its column headers and what each cell shows (`cell`), optionally a greyed row
(`muted`) and a cell's tooltip (`tooltip`); rows are the core's frozen dataclasses. Reading the
list again replaces it whole, and a row is found again by its key after that."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Row = TypeVar("Row")
ModelIndex = QModelIndex | QPersistentModelIndex

MUTED = QColor("#757575")


class RowsModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, key: Callable[[Row], Hashable], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._key = key

    # -- what a subclass says -------------------------------------------------------------------
    def headers(self) -> Sequence[str]:
        """The column titles, translated (called again after a change of language)."""
        return ()

    def cell(self, row: Row, column: int) -> Any:
        """What the cell shows."""
        return None

    def muted(self, row: Row) -> QColor | None:
        """A colour for a row that is there but out of use (a deactivated account…)."""
        return None

    def tooltip(self, row: Row, column: int) -> str | None:
        return None

    # -- the rows -------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, position: int) -> Row:
        return self._rows[position]

    def row_of(self, key: Hashable) -> int:
        """Where the row with `key` is now, or -1."""
        return next((i for i, row in enumerate(self._rows) if self._key(row) == key), -1)

    # -- Qt's side ------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.muted(row)
            return None if colour is None else QBrush(colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        return None

"""The Qt binding itself: a release that corrupts Python's memory must not pass unnoticed."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidgetItem, QTableWidgetItem


def test_setting_item_data_keeps_references_to_none(qapp):
    # PySide6 6.12.0 dropped a reference to None on every item setData: a few tens of thousands
    # of table cells (the supervisor queue of a large office) and Python aborted.
    table_item, list_item = QTableWidgetItem("x"), QListWidgetItem("x")
    colour = QColor("#c62828")
    before = sys.getrefcount(None)
    for _ in range(500):
        table_item.setData(Qt.ItemDataRole.UserRole, 1)
        table_item.setForeground(colour)
        list_item.setData(Qt.ItemDataRole.UserRole, 1)
    assert sys.getrefcount(None) - before > -50

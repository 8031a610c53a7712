"""The window's keyboard shortcuts work wherever the focus is, and never take a key that a text
field owns: pressing one in a field does what it says and leaves the field as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.forms.definition import load_form_set, shipped_sources
from tests.wizard_helpers import open_window

TIMEOUT = 10000

# Keys a text field owns on some platform (Qt's key bindings, seen under X11: Ctrl+E goes to the
# end of the line and Ctrl+U deletes it; Windows: Ctrl+Y redoes; everywhere: select all, copy,
# cut, paste, undo, word moves and deletes, line ends). An application shortcut on one of these
# either does nothing in a field or, worse, edits it.
FIELD_KEYS = {
    QKeySequence(k).toString()
    for k in (
        "Ctrl+A",
        "Ctrl+C",
        "Ctrl+E",
        "Ctrl+U",
        "Ctrl+V",
        "Ctrl+X",
        "Ctrl+Y",
        "Ctrl+Z",
        "Ctrl+Shift+Z",
        "Ctrl+K",
        "Ctrl+Backspace",
        "Ctrl+Del",
        "Ctrl+Left",
        "Ctrl+Right",
        "Ctrl+Home",
        "Ctrl+End",
        "Home",
        "End",
        "Shift+Ins",
        "Ctrl+Ins",
        "Ctrl+Return",
        "Ctrl+PgDown",
        "Ctrl+PgUp",
    )
}


def shortcut_actions(window) -> list[QAction]:
    """Every action of the window a key starts, as the signed-in person has them."""
    return [
        a
        for a in window.findChildren(QAction)
        if not a.shortcut().isEmpty() and a.isVisible() and a.parent() is window
    ]


def field_tab(window) -> dict[str, tuple[QWidget, object, object]]:
    """One field of each kind in a tab of the window: (widget, read its value, fill it)."""
    page = QWidget()
    layout = QVBoxLayout(page)
    line, text, combo, date = QLineEdit(), QPlainTextEdit(), QComboBox(), QDateEdit()
    combo.addItems(["Nyamirambo", "Gasabo", "Kicukiro"])
    table = QTableWidget(3, 2)
    for r in range(3):
        for c in range(2):
            table.setItem(r, c, QTableWidgetItem(f"{r}-{c}"))
    for widget in (line, text, combo, date, table):
        layout.addWidget(widget)
    window.tabs.addTab(page, "Fields")
    window.tabs.setCurrentWidget(page)
    return {
        "search box": (
            window.case_list.search,
            window.case_list.search.text,
            lambda: window.case_list.search.setText("Amani Kariuki"),
        ),
        "line edit": (line, line.text, lambda: line.setText("Marie Uwase")),
        "text edit": (text, text.toPlainText, lambda: text.setPlainText("Seen at home.\nWell.")),
        "combo box": (combo, combo.currentText, lambda: combo.setCurrentIndex(1)),
        "date edit": (date, date.date, lambda: date.setDate(QDate(2026, 3, 14))),
        "table": (
            table,
            lambda: (table.currentRow(), table.currentColumn(), table.item(1, 1).text()),
            lambda: table.setCurrentCell(1, 1),
        ),
    }


def test_no_application_shortcut_takes_a_key_that_text_fields_own(qtbot, agency):
    window = open_window(qtbot, agency, "sam")
    taken = {a.text(): a.shortcut().toString() for a in shortcut_actions(window)}
    assert taken  # the supervisor has them all: cases, tasks, queue, new case, lock, help
    assert {text: key for text, key in taken.items() if key in FIELD_KEYS} == {}
    assert len(set(taken.values())) == len(taken)  # one action per key


def test_every_application_shortcut_works_from_every_kind_of_field(qtbot, agency):
    window = open_window(qtbot, agency, "sam")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    actions = shortcut_actions(window)
    pressed: dict[str, int] = {}

    def counted(text: str):  # type: ignore[no-untyped-def]
        return lambda *_args: pressed.update({text: pressed[text] + 1})

    for action in actions:  # what each does is tested where it is made: here, that keys reach it
        action.triggered.disconnect()
        action.triggered.connect(counted(action.text()))
    fields = field_tab(window)
    for name, (widget, value, fill) in fields.items():
        for action in actions:
            if name == "search box":
                window.tabs.setCurrentIndex(0)
            else:
                window.tabs.setCurrentIndex(window.tabs.count() - 1)
            fill()
            before = value()
            widget.setFocus()
            qtbot.waitUntil(widget.hasFocus, timeout=TIMEOUT)
            pressed[action.text()] = 0
            QTest.keySequence(widget, action.shortcut())
            key = action.shortcut().toString()
            assert pressed[action.text()] == 1, f"{key} did nothing in the {name}"
            assert value() == before, f"{key} changed the {name}"


def test_the_readme_names_each_window_key_and_no_menu_the_window_lacks(qtbot, agency):
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    window = open_window(qtbot, agency, "sam")
    for action in shortcut_actions(window):
        key = action.shortcut().toString()
        if key != "F1":
            assert f"({key})" in readme, f"{action.text()}: {key}"
    assert window.menuBar().actions() == [] and "File →" not in readme


def test_f1_shows_the_help_of_the_screen_shown(qtbot, agency, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from tests.stories import assessed_case
    from tests.wizard_helpers import open_case_file

    uuid = assessed_case(agency)
    monkeypatch.setattr(QMessageBox, "about", lambda *args: None)  # not About: the screen's help
    window = open_window(qtbot, agency, "sam")
    told: list[tuple[str, str]] = []
    window.tell = lambda title, text: told.append((title, text))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)

    def f1(screen) -> tuple[str, str]:
        told.clear()
        QTest.keyClick(screen(), Qt.Key.Key_F1)
        assert len(told) == 1
        return told[0]

    window.show_cases()
    assert f1(lambda: window.case_list.search)[0] == "The case list"
    window.show_tasks()
    title, text = f1(lambda: window.tasks.table)
    assert title == "My tasks" and "Enter" in text
    window.show_queue()
    title, text = f1(lambda: window.queue.approvals)
    assert title == "The supervisor queue" and "Alt+A" in text and "Alt+C" in text
    case = open_case_file(qtbot, window, uuid)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    case.tabs.tabBar().setFocus()
    assert f1(lambda: case.tabs.tabBar())[0] == "A case file"
    window.sign_out()


@pytest.mark.parametrize("where", ["form", "admin"])
def test_f1_in_a_form_or_administration_shows_its_own_help(qtbot, agency, where):
    """Forms and Administration are windows of their own: F1 there explains them, not the list."""
    from ui.admin import AdminDialog
    from ui.form_wizard import FormWizard
    from ui.session_holder import SessionHolder

    holder = SessionHolder(agency.sign_in("admin" if where == "admin" else "cara"))
    try:
        if where == "admin":
            window = AdminDialog(holder)
            expected = "The staff accounts"
        else:
            forms = load_form_set(shipped_sources())
            window = FormWizard(
                holder, [forms.get("follow_up_visit")], lambda _a: "", draft_key="f1", title="F1"
            )
            expected = "One form, a page per section"
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
        seen: list[str] = []

        def read_and_close() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                seen.append(box.text())
                box.accept()

        QTimer.singleShot(100, read_and_close)
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
        assert seen[0].startswith(expected)
    finally:
        holder.session.close()

"""Recording a supervision session in the window, as a supervisor does it with the keyboard;
the queue then shows when each caseworker was last supervised."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop import supervision
from tests.stories import assessed_case, row
from tests.wizard_helpers import open_window
from ui.session_holder import SessionHolder
from ui.supervision import SupervisionDialog

TIMEOUT = 10000


def test_a_session_without_decisions_says_so_and_the_dialog_stays_open(qtbot, agency):
    uuid = assessed_case(agency)
    us = agency.sign_in("sam")
    number = row(us, uuid).case_number
    team = supervision.supervisees(us)
    dialog = SupervisionDialog(SessionHolder(us), team)
    qtbot.addWidget(dialog)
    dialog.show()
    cara = next(w for w in team if w.name == "Cara Caseworker")
    dialog.worker.setCurrentIndex(dialog.worker.findData(cara.id))
    assert [dialog.cases.item(i).text() for i in range(dialog.cases.count())] == [number]
    dialog.cases.setFocus()
    dialog.cases.setCurrentRow(0)
    QTest.keyClick(dialog.cases, Qt.Key.Key_Space)  # ticks the case discussed
    assert dialog.chosen_cases() == [number]
    dialog.save()
    qtbot.waitUntil(dialog.problem.isVisible, timeout=TIMEOUT)
    assert "Write what was decided" in dialog.problem.text()
    assert dialog.isVisible()
    QTest.keyClicks(dialog.decisions, "Visit the school with the grandmother")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_note is not None, timeout=TIMEOUT)
    assert dialog.saved_note.case_numbers == (number,)
    assert dialog.saved_note.held_on == date.today()
    us.close()


def test_the_queue_shows_when_each_caseworker_was_last_supervised(qtbot, agency):
    with agency.sign_in("sam") as us:
        cara = next(w for w in supervision.supervisees(us) if w.name == "Cara Caseworker")
        supervision.record_supervision(us, cara.id, date.today() - timedelta(days=3), [], "Go on")
    window = open_window(qtbot, agency, "sam")
    window.show_queue()
    queue = window.queue
    qtbot.waitUntil(lambda: queue.queue is not None, timeout=TIMEOUT)
    header = [
        queue.workload.horizontalHeaderItem(c).text() for c in range(queue.workload.columnCount())
    ]
    column = header.index("Last supervised")
    shown = {
        queue.workload.item(r, 0).text(): queue.workload.item(r, column).text()
        for r in range(queue.workload.rowCount())
    }
    assert shown["Carl Caseworker"] == "never"
    assert shown["Cara Caseworker"] not in ("", "never")
    assert queue.record_button.isVisible()

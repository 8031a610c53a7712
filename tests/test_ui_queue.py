"""The supervisor queue as a supervisor uses it: each decision says what is decided on which
child and asks to confirm, the chosen request stays chosen while the list changes, and a request
the supervisor may not decide says why instead of doing nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from desktop import case_flow, case_forms
from tests.stories import (
    HEALTH_CENTRE,
    approval,
    assessed_case,
    assessment,
    consent,
    plan,
    registration,
)
from tests.wizard_helpers import answer_real_dialog, open_window

TIMEOUT = 10000


def plans_waiting(agency, count: int = 2) -> list[str]:
    """Cara's cases whose plans wait for Sam, the oldest request first."""
    waiting = [assessed_case(agency) for _ in range(count)]
    for uuid in waiting:
        with agency.sign_in("cara") as us:
            case_forms.submit_form(us, uuid, "case_plan", plan(us), None)
    return waiting


def sams_own_plan(agency) -> str:
    """A case Sam holds himself: its plan is his own request."""
    with agency.sign_in("sam") as us:
        uuid = case_forms.register_with_forms(
            us,
            {
                "registration": registration("Imani", "Own"),
                "consent": consent(HEALTH_CENTRE),
            },
        ).uuid
        for form_id in ("initial_assessment", "full_assessment"):
            case_forms.submit_form(us, uuid, form_id, assessment(us, form_id), None)
        case_forms.submit_form(us, uuid, "case_plan", plan(us), None)
    return uuid


def open_queue(qtbot, agency):
    window = open_window(qtbot, agency, "sam")
    window.activateWindow()  # keys reach the window a person is looking at
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    window.show_queue()
    queue = window.queue
    qtbot.waitUntil(lambda: bool(queue.queue and queue.queue.approvals), timeout=TIMEOUT)
    return window, queue


def test_approving_from_the_queue_names_the_case_asks_to_confirm_and_shows_the_result(
    qtbot, agency
):
    first, second = plans_waiting(agency)
    window, queue = open_queue(qtbot, agency)
    assert queue.selected_approval().case_uuid == first

    # Escape: nothing is decided.
    seen = answer_real_dialog(qtbot, window, lambda d: QTest.keyClick(d, Qt.Key.Key_Escape))
    qtbot.keyClick(queue.approvals, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(seen) == 1 and not seen[0].isVisible(), timeout=TIMEOUT)
    text = " ".join(w.text() for w in seen[0].findChildren(QLabel))
    number = queue.selected_approval().case_number
    assert number in text and "Zawadi Wanjiru" in text and "the case plan" in text
    assert "Cara Caseworker" in text
    us = window.session
    assert approval(us, first, "case_plan").state == "pending"

    # Enter confirms.
    seen = answer_real_dialog(qtbot, window, lambda d: QTest.keyClick(d, Qt.Key.Key_Return))
    buttons: list[tuple[bool, bool]] = []  # (busy, Approve enabled) as the work starts and ends
    set_busy = queue.set_busy
    queue.set_busy = lambda busy: (
        set_busy(busy),
        buttons.append((busy, queue.approve_button.isEnabled())),
    )
    qtbot.keyClick(queue.approvals, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(queue.queue.approvals) == 1, timeout=TIMEOUT)
    assert buttons == [(True, False), (False, True)]
    assert f"Approved: the case plan of case {number}" in window.statusBar().currentMessage()
    us = window.session
    assert approval(us, first, "case_plan", state="approved").decided_by == "Sam Supervisor"
    assert approval(us, second, "case_plan").state == "pending"
    # The request that slid into the decided one's row is not chosen in its place.
    assert queue.selected_approval() is None
    assert not queue.approve_button.isEnabled()


def test_returning_from_the_queue_asks_the_comment_in_the_same_dialog(qtbot, agency):
    first, _second = plans_waiting(agency)
    window, queue = open_queue(qtbot, agency)

    def comment_then_send(dialog) -> None:
        assert not dialog.ok.isEnabled()  # a return needs a comment
        QTest.keyClicks(dialog.comment, "Add the school visit")
        QTest.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    seen = answer_real_dialog(qtbot, window, comment_then_send)
    qtbot.keyClick(queue.approvals, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: len(queue.queue.approvals) == 1, timeout=TIMEOUT)
    assert "Returned to the caseworker" in window.statusBar().currentMessage()
    us = window.session
    returned = approval(us, first, "case_plan", state="returned")
    assert returned.comment == "Add the school visit"


def test_the_chosen_request_stays_chosen_when_the_list_changes_under_it(qtbot, agency):
    first, second, _third = plans_waiting(agency, 3)
    window, queue = open_queue(qtbot, agency)
    queue.approvals.selectRow(1)
    assert queue.selected_approval().case_uuid == second
    # Meanwhile the older request is decided elsewhere (from its case file).
    us = window.session
    case_flow.decide(us, approval(us, first, "case_plan").id, True)
    queue.refresh()
    qtbot.waitUntil(lambda: len(queue.queue.approvals) == 2, timeout=TIMEOUT)
    assert queue.selected_approval().case_uuid == second  # not the one now in its row


def test_a_supervisors_own_request_cannot_be_approved_and_says_why(qtbot, agency):
    own = sams_own_plan(agency)
    window, queue = open_queue(qtbot, agency)
    assert queue.selected_approval().case_uuid == own
    for button in (queue.approve_button, queue.return_button):
        assert not button.isEnabled()
        assert "You made this request yourself" in button.toolTip()
    assert queue.why_not.isVisible()
    assert "another supervisor must decide" in queue.why_not.text()
    asked = []
    window.ask_dialog = lambda dialog: asked.append(dialog) or True
    qtbot.keyClick(queue.approvals, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(300)  # a mnemonic clicks after a moment
    assert asked == []

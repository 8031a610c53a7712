"""One case's whole life through the real windows: registration to closure, and reopening.

A caseworker (Cara) and her supervisor (Sam) take turns at the same store, as they would at a
shared office PC. Every step goes through the widgets a person uses: the wizard, the case file's
buttons, "My tasks" and the supervisor queue.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget
from sqlalchemy import func, select

from db.models import AuditEvent
from desktop import case_flow, case_forms
from desktop.demo import sample_answers
from tests.stories import approval, assessed_case, case_in_implementation, day, plan, row
from tests.wizard_helpers import (
    CONSENT_ANSWERS,
    ENTER,
    TAB,
    activate,
    case_files,
    change_shown,
    dialogs_answered,
    fill,
    keyboard,
    open_case_file,
    open_window,
    press,
    register_through_wizard,
    type_into,
    usable,
    wait_for_wizard,
)
from ui.common import NEXT_ACTIONS, STAGES, history_text, label

TIMEOUT = 10000
TODAY = date.today()
RNG = random.Random(5)


def case_file(qtbot, window):
    qtbot.waitUntil(lambda: len(case_files(window)) == 1, timeout=TIMEOUT)
    return case_files(window)[0]


def header(case) -> str:
    return " ".join(w.text() for w in case.findChildren(QLabel) if not w.isHidden())


def save(qtbot, window, wizard, form_id: str, **fixed):
    """Answer every question of the open form (with `fixed` answers) and save it; the open
    case file shows it."""
    answers = sample_answers(wizard.forms[0], RNG, TODAY, **fixed)
    fill(wizard, form_id, answers)
    with change_shown(qtbot, window) as case, qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        wizard.finish()
    assert case_files(window) == [case]  # the same file, not made again
    return case


def open_form(qtbot, window, form_id: str, *, new: bool = False):
    """Choose the form in the case file's Forms tab and press its button. A new referral shares
    the child's information: the consent shown first is confirmed, as the caseworker would."""
    case = case_files(window)[0]
    case.show_form(form_id)
    button = case.add_button if new else case.fill_button
    assert button.isVisible(), f"{form_id}: {button.text()}"
    if form_id == "referral" and new:
        with dialogs_answered(qtbot, lambda dialog: press(qtbot, dialog, dialog.confirm_button)):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return wait_for_wizard(qtbot, window)


def timeline(case) -> list[str]:
    table = case.findChild(QTableWidget, "timeline")
    return [table.item(r, 2).text() for r in range(table.rowCount())]


def test_a_case_from_registration_to_closure_and_reopening(qtbot, agency, monkeypatch):
    from ui.form_wizard import FormWizard

    monkeypatch.setattr(FormWizard, "ask_resume", lambda self, when: True)  # "Continue?" Yes
    with agency.sign_in("sam") as us:
        for name, service in (("Health centre", "health"), ("Hope Counselling", "psychosocial")):
            case_flow.save_provider(us, case_flow.ProviderInfo(None, name, (service,)))

    # -- Cara registers the child (consent to share with the health centre only) and assesses.
    window = open_window(qtbot, agency, "cara")
    register_through_wizard(qtbot, window, "Amani", "Kariuki")
    case = case_file(qtbot, window)
    assert "Registered" in header(case)
    case = save(
        qtbot,
        window,
        open_form(qtbot, window, "initial_assessment"),
        "initial_assessment",
        risk_level="high",
        next_step="full_assessment",
    )
    assert "Initial assessment" in header(case)
    case = save(
        qtbot,
        window,
        open_form(qtbot, window, "full_assessment"),
        "full_assessment",
        risk_level="high",
        bid_needed=False,
    )
    assert "Next: Case plan" in header(case)

    # -- The case plan, from the Plan tab; it waits for Sam's approval.
    case.tabs.setCurrentIndex(1)
    qtbot.mouseClick(case.plan_button, Qt.MouseButton.LeftButton)
    wizard = wait_for_wizard(qtbot, window)
    action = {
        "goal_number": 1,
        "action": "Visit the school with the caregiver",
        "term": "short",
        "responsible": "caseworker",
        "due": (TODAY + timedelta(days=3)).isoformat(),
        "indicator": "The head teacher has met the caregiver",
        "status": "not_started",
    }
    case = save(
        qtbot,
        window,
        wizard,
        "case_plan",
        actions=[action],
        review_date=(TODAY + timedelta(days=60)).isoformat(),
    )
    assert "Waiting for the supervisor's approval of the case plan" in header(case)
    assert not case.approve_button.isVisible()  # a caseworker does not approve
    window.show_tasks()
    qtbot.waitUntil(lambda: window.tasks.rows != [], timeout=TIMEOUT)
    assert any(r.kind == "plan_action" for r in window.tasks.rows)
    assert not any(r.kind == "plan_approval" for r in window.tasks.rows)  # that is Sam's
    window.sign_out()

    # -- Sam approves the plan from his queue.
    window = open_window(qtbot, agency, "sam")
    window.show_queue()
    queue = window.queue
    qtbot.waitUntil(lambda: bool(queue.queue and queue.queue.approvals), timeout=TIMEOUT)
    assert queue.approvals.item(0, 2).text() == "Amani Kariuki"
    assert queue.approvals.item(0, 3).text() == "the case plan"
    window.ask_dialog = lambda dialog: True  # "Approve the case plan?" Approve
    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not queue.queue.approvals, timeout=TIMEOUT)
    cara = next(w for w in queue.queue.workload if w.name == "Cara Caseworker")
    assert (cara.open_cases, cara.caseload) == (1, "under")
    window.sign_out()

    # -- Cara: the plan is in force. A referral without consent to share is refused…
    window = open_window(qtbot, agency, "cara")
    window.case_list.refresh()
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 1, timeout=TIMEOUT)
    window.case_list.table.selectRow(0)
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_Return)
    case = case_file(qtbot, window)
    assert "Implementation" in header(case)
    assert case.actions.item(0, 1).text() == "Visit the school with the caregiver"
    wizard = open_form(qtbot, window, "referral", new=True)
    fill(
        wizard,
        "referral",
        sample_answers(
            wizard.forms[0],
            RNG,
            TODAY,
            provider="Hope Counselling",
            service_type="psychosocial",
            urgent=False,
            outcome="awaiting",
            follow_up_on=(TODAY + timedelta(days=5)).isoformat(),
        ),
    )
    wizard.finish()
    qtbot.waitUntil(lambda: "consent" in wizard.message.text(), timeout=TIMEOUT)
    assert "Hope Counselling" in wizard.message.text()
    assert wizard.isVisible()  # nothing lost: the answers are still there, and kept as a draft
    wizard.discard()  # close it without the "keep a draft?" question

    # …then the caregiver agrees, a new version of the consent form says so, and it is made.
    wizard = open_form(qtbot, window, "consent")
    consent = dict(CONSENT_ANSWERS)
    consent["share_with"] = [
        {"organisation": "Health centre", "service": "health"},
        {"organisation": "Hope Counselling", "service": "psychosocial"},
    ]
    fill(wizard, "consent", consent)
    with change_shown(qtbot, window), qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        wizard.finish()
    wizard = open_form(qtbot, window, "referral", new=True)
    assert wizard.answers["referral"]["provider"] == "Hope Counselling"  # the draft came back
    case = save(
        qtbot,
        window,
        wizard,
        "referral",
        provider="Hope Counselling",
        service_type="psychosocial",
        urgent=False,  # an urgent one is checked within two days, not five
        outcome="awaiting",
        follow_up_on=(TODAY + timedelta(days=5)).isoformat(),
    )

    # -- A follow-up visit, a review, then the closure request.
    case = save(
        qtbot,
        window,
        open_form(qtbot, window, "follow_up_visit", new=True),
        "follow_up_visit",
        risk_level="low",
        next_visit=(TODAY + timedelta(days=2)).isoformat(),
    )
    assert "Follow-up and review" in header(case)
    case = save(
        qtbot,
        window,
        open_form(qtbot, window, "review", new=True),
        "review",
        risk_level="low",
        next_step="prepare_closure",
    )
    closure = {
        "reason": "goals_met_safe",
        "risk_at_closure": "low",
        "post_closure_visit_on": (TODAY + timedelta(days=4)).isoformat(),
    }
    case = save(
        qtbot, window, open_form(qtbot, window, "closure_request"), "closure_request", **closure
    )
    assert "Closure requested" in header(case)
    window.sign_out()

    # -- Sam returns the request with a comment, from the case file.
    window = open_window(qtbot, agency, "sam")
    window.show_queue()
    qtbot.waitUntil(
        lambda: bool(window.queue.queue and window.queue.queue.approvals), timeout=TIMEOUT
    )
    qtbot.mouseClick(window.queue.open_button, Qt.MouseButton.LeftButton)
    case = case_file(qtbot, window)
    assert case.return_button.isVisible()
    activate(qtbot, window)

    def comment(dialog) -> None:  # the supervisor's decision, by keyboard alone
        assert QApplication.focusWidget() is dialog.text
        keyboard(qtbot, "Visit once more after the school term starts.", TAB)
        assert QApplication.focusWidget() is dialog.ok
        keyboard(qtbot, ENTER)

    with change_shown(qtbot, window), dialogs_answered(qtbot, comment):
        keyboard(qtbot, (Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier))  # &Return…
    assert "Follow-up and review" in header(case)
    assert "Visit once more after the school term starts." in header(case)
    window.sign_out()

    # -- Cara finds the returned request in her tasks and asks again.
    window = open_window(qtbot, agency, "cara")
    window.show_tasks()
    qtbot.waitUntil(
        lambda: any(r.kind == "revise_closure" for r in window.tasks.rows), timeout=TIMEOUT
    )
    task = next(r for r in window.tasks.rows if r.kind == "revise_closure")
    window.cases.do_task(task)
    wizard = wait_for_wizard(qtbot, window)
    assert wizard.forms[0].id == "closure_request"
    save(qtbot, window, wizard, "closure_request", **closure)
    window.sign_out()

    # -- Sam approves it: the case closes, and a post-closure visit is due.
    window = open_window(qtbot, agency, "sam")
    window.show_queue()
    qtbot.waitUntil(
        lambda: bool(window.queue.queue and window.queue.queue.approvals), timeout=TIMEOUT
    )
    assert window.queue.approvals.item(0, 3).text() == "the closure"
    window.ask_dialog = lambda dialog: True  # "Approve the closure?" Approve
    qtbot.mouseClick(window.queue.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.queue.queue.approvals, timeout=TIMEOUT)
    window.sign_out()

    window = open_window(qtbot, agency, "cara")
    window.show_tasks()
    qtbot.waitUntil(
        lambda: any(r.kind == "post_closure_visit" for r in window.tasks.rows), timeout=TIMEOUT
    )
    visit = next(r for r in window.tasks.rows if r.kind == "post_closure_visit")
    assert visit.due.astimezone().date() == TODAY + timedelta(days=4)
    # One click on the task opens the visit form; the visit done, the task is gone.
    window.cases.do_task(visit)
    wizard = wait_for_wizard(qtbot, window)
    assert wizard.forms[0].id == "follow_up_visit"
    case = save(
        qtbot,
        window,
        wizard,
        "follow_up_visit",
        risk_level="low",
        next_visit=None,
        visited_on=TODAY.isoformat(),
    )
    assert "Closed" in header(case)
    assert "Next:" not in header(case)
    window.show_tasks()
    qtbot.waitUntil(lambda: window.tasks.rows == [], timeout=TIMEOUT)
    window.tabs.setCurrentWidget(case)
    case.show_form("case_plan")
    assert not case.fill_button.isVisible()  # a closed case's plan is read only

    # -- Cara reopens it with a reason; all its history stays.
    assert case.reopen_button.isVisible()

    def reason(dialog) -> None:
        type_into(qtbot, dialog, dialog.text, "The aunt called: the child left school again.")
        press(qtbot, dialog, dialog.ok)

    with change_shown(qtbot, window), dialogs_answered(qtbot, reason):
        qtbot.mouseClick(case.reopen_button, Qt.MouseButton.LeftButton)
    assert "Reopened" in header(case)
    assert "Next: Full assessment" in header(case)
    events = timeline(case)
    assert events[0] == "Reopened the case: “The aunt called: the child left school again.”"
    assert "Returned the closure: “Visit once more after the school term starts.”" in events
    assert "Approved the case plan" in events
    assert sum(e.startswith("Saved Service or referral") for e in events) == 1
    window.sign_out()


def test_a_case_moved_back_keeps_the_reason_in_its_timeline(qtbot, agency):
    window = open_window(qtbot, agency, "cara")
    register_through_wizard(qtbot, window, "Baraka", "Otieno")
    case_file(qtbot, window)
    save(
        qtbot,
        window,
        open_form(qtbot, window, "initial_assessment"),
        "initial_assessment",
        next_step="full_assessment",
    )
    case = save(
        qtbot,
        window,
        open_form(qtbot, window, "full_assessment"),
        "full_assessment",
        bid_needed=False,
    )
    assert case.move_back_button.isVisible()
    assert case.back_stages() == ["registered", "initial_assessment"]
    asked = []

    def answer(dialog) -> None:
        usable(dialog, dialog.stage)
        asked.append([dialog.stage.itemData(i) for i in range(dialog.stage.count())])
        assert dialog.stage.currentData() == "initial_assessment"  # the stage just before
        type_into(
            qtbot, dialog, dialog.text, "The family moved: the situation must be screened again."
        )
        press(qtbot, dialog, dialog.ok)

    with change_shown(qtbot, window), dialogs_answered(qtbot, answer):
        qtbot.mouseClick(case.move_back_button, Qt.MouseButton.LeftButton)
    assert asked == [["registered", "initial_assessment"]]
    assert "Initial assessment" in header(case)
    assert "Next: Full assessment" in header(case)
    assert timeline(case)[0] == (
        "Moved the case back to Initial assessment: "
        "“The family moved: the situation must be screened again.”"
    )
    window.sign_out()


def audit_count(window, action: str) -> int:
    with window.holder.session.store.read() as s:
        return s.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
        ).scalar_one()


TWO_ACTIONS = [
    {
        "goal_number": 1,
        "action": "Enrol Zawadi at the primary school",
        "term": "short",
        "responsible": "caseworker",
        "due": day(5),
        "indicator": "Zawadi's name is on the class register",
        "status": "not_started",
    },
    {
        "goal_number": 1,
        "action": "Visit the school with the caregiver",
        "term": "short",
        "responsible": "caseworker",
        "due": day(9),
        "indicator": "The head teacher has met the caregiver",
        "status": "not_started",
    },
]


def test_an_action_marked_done_shows_in_the_same_case_file_without_another_opening(qtbot, agency):
    uuid = case_in_implementation(agency, actions=TWO_ACTIONS)
    window = open_window(qtbot, agency, "cara")
    open_case_file(qtbot, window, uuid)
    case = case_files(window)[0]
    case.tabs.setCurrentIndex(1)  # the Plan tab
    case.actions.selectRow(1)  # the second action, which is not the first one shown
    case.status_choice.setCurrentIndex(case.status_choice.findData("done"))
    opened = audit_count(window, "case.opened")
    marked = audit_count(window, "plan.action_status")

    with change_shown(qtbot, window):
        qtbot.mouseClick(case.status_button, Qt.MouseButton.LeftButton)

    assert case_files(window) == [case]  # the same file, not made again
    assert case.tabs.currentIndex() == 1 and case.actions.currentRow() == 1
    assert case.actions.item(1, 5).text() == "Done"
    assert case.actions.item(0, 5).text() == "Not started"
    assert case.status_choice.currentData() == "done"
    assert timeline(case)[0] == "Marked a plan action “Done”: Visit the school with the caregiver"
    now = row(window.holder.session, uuid)  # what the case list says now
    assert now.next_action and case.next_label.text().startswith(
        "Next: " + label(NEXT_ACTIONS, now.next_action)
    )
    history = case.history_table
    assert history.item(0, 2).text() == history_text("plan.action_status", "2: done")
    assert audit_count(window, "plan.action_status") == marked + 1
    assert audit_count(window, "case.opened") == opened  # a change is not another opening
    window.sign_out()


def test_a_supervisors_decision_in_the_case_file_shows_in_the_same_file(qtbot, agency):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        case_forms.submit_form(us, uuid, "case_plan", plan(us), None)
        assert approval(us, uuid, "case_plan").state == "pending"
    window = open_window(qtbot, agency, "sam")
    open_case_file(qtbot, window, uuid)
    case = case_files(window)[0]
    case.tabs.setCurrentIndex(2)  # the Timeline tab
    assert case.approve_button.isVisible()
    assert "Waiting for the supervisor's approval of the case plan" in header(case)
    opened = audit_count(window, "case.opened")

    with change_shown(qtbot, window):
        qtbot.mouseClick(case.approve_button, Qt.MouseButton.LeftButton)

    assert case_files(window) == [case] and case.tabs.currentIndex() == 2
    assert not case.approve_button.isVisible() and not case.return_button.isVisible()
    assert "Waiting for the supervisor's approval" not in header(case)
    assert timeline(case)[:2] == ["The case moved on to: Implementation", "Approved the case plan"]
    assert "Implementation" in header(case)  # the header shows the stage it moved to
    assert "approved" in case.plan_summary.text().lower()
    now = row(window.holder.session, uuid)  # what the case list says now
    assert case.next_label.text().startswith("Next: " + label(NEXT_ACTIONS, now.next_action))
    assert label(STAGES, now.stage) in header(case)
    assert audit_count(window, "case.opened") == opened
    window.sign_out()

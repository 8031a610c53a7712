"""A child's return to a family through the real windows (seed 001, box 2): the family traced
and assessed, the case conference, the case management report, the placement decision approved
by the supervisor, the preparation, the reunification, two follow-ups, and the closure with the
permanency goal achieved; the deadlines and tasks along the way; the reintegration agreement
printed; a reintegration moved back with its reason.

Cara (caseworker) and Sam (her supervisor) take turns at the same store. The conference is held
through its service (the Conferences tab has its own tests); everything else goes through the
widgets a person uses. It starts at Gisimba, where Zawadi lives and Fred writes the daily log,
and ends there: the reunification ends her placement at the home the day she leaves.
"""

from __future__ import annotations

import random
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget

from desktop import conferences
from desktop.demo import sample_answers
from tests.stories import (
    AUNT,
    IN_TWO_DAYS,
    admitted_to_facility,
    attendee,
    case_in_implementation,
    day,
    minutes,
    text_of,
)
from tests.wizard_helpers import (
    case_files,
    change_shown,
    dialogs_answered,
    fill,
    keyboard,
    open_case_file,
    open_window,
    press,
    preview_pdf,
    shown,
    type_into,
    usable,
    wait_for_wizard,
)
from ui.common import REINTEGRATION_STAGES

TIMEOUT = 10000
TODAY = date.today()
CHILD = "Zawadi Wanjiru"
RNG = random.Random(24)


def header(case) -> str:
    return " ".join(w.text() for w in case.findChildren(QLabel) if not w.isHidden())


def stage_shown(case) -> str:
    label = case.reintegration_label
    return label.text() if label.isVisible() else ""


def timeline(case) -> list[str]:
    table = case.findChild(QTableWidget, "timeline")
    return [table.item(r, 2).text() for r in range(table.rowCount())]


def open_form(qtbot, window, form_id: str, *, new: bool = False):
    case = case_files(window)[0]
    case.show_form(form_id)
    button = case.add_button if new else case.fill_button
    assert button.isVisible(), f"{form_id}: {button.text()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return wait_for_wizard(qtbot, window)


def save(qtbot, window, form_id: str, *, new: bool = False, **fixed):
    """Open the form from the Forms tab, answer it (with `fixed` answers) and save it."""
    wizard = open_form(qtbot, window, form_id, new=new)
    fill(wizard, form_id, sample_answers(wizard.forms[0], RNG, TODAY, **fixed))
    with change_shown(qtbot, window) as case, qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        wizard.finish()
    return case


def my_tasks(qtbot, window, waiting_for: str) -> dict[str, str]:
    """What "My tasks" lists once it shows `waiting_for`: each kind of task and its due day."""
    window.show_tasks()
    qtbot.waitUntil(lambda: any(t.kind == waiting_for for t in window.tasks.rows), timeout=TIMEOUT)
    return {t.kind: t.due.astimezone().date().isoformat() for t in window.tasks.rows if t.due}


def test_a_child_goes_home_to_her_aunt_step_by_step(qtbot, agency, monkeypatch):
    from ui.form_wizard import FormWizard

    monkeypatch.setattr(FormWizard, "ask_resume", lambda self, when: True)
    uuid = case_in_implementation(agency)

    # -- Zawadi lives at Gisimba (a court order, two months ago). Fred, of its staff, writes in
    # the daily log: her aunt's visit, then school.
    admitted_to_facility(agency, uuid)
    window = open_window(qtbot, agency, "fred")
    house = window.facility.widget
    qtbot.waitUntil(lambda: house.residents.rowCount() == 1, timeout=TIMEOUT)
    for kind, member, happened in (
        ("Family", AUNT, "Her aunt visited; Zawadi asked to live with her."),
        ("School", None, "Top of her class in reading this term."),
    ):

        def write(dialog, kind=kind, member=member, happened=happened) -> None:
            dialog.activateWindow()  # mnemonics go to the window in front
            qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT)
            assert dialog.child.currentData() == uuid  # the child chosen in Who is here
            keyboard(qtbot, Qt.Key.Key_Tab, kind, Qt.Key.Key_Tab)
            if member:  # a family contact: who, and how (a visit, the first choice)
                keyboard(qtbot, member, Qt.Key.Key_Tab, Qt.Key.Key_Tab)
            keyboard(qtbot, happened, (Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier))

        rows = house.log.rowCount()
        with dialogs_answered(qtbot, write):
            qtbot.mouseClick(house.new_entry, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda rows=rows: house.log.rowCount() == rows + 1, timeout=TIMEOUT)
    log = [house.log.item(r, 3).text() for r in range(house.log.rowCount())]
    assert any(AUNT in line and "asked to live with her" in line for line in log), log
    window.sign_out()

    # -- Cara reads the log in the case file; she traces the family and assesses the aunt.
    window = open_window(qtbot, agency, "cara")
    case = open_case_file(qtbot, window, uuid)
    case.tabs.setCurrentWidget(case.placements)
    qtbot.waitUntil(lambda: case.placements.log.rowCount() == 2, timeout=TIMEOUT)
    assert "Gisimba" in case.placements.now.text()
    assert not case.reintegration_label.isVisible()  # no reintegration yet
    case = save(
        qtbot, window, "family_tracing", outcome="found", found_details=f"{AUNT}, in Musanze."
    )
    assert stage_shown(case) == "Family tracing"
    case = save(
        qtbot,
        window,
        "family_assessment",
        new=True,
        family_type="extended_family",
        capacity="able_with_support",
        recommendation="place_with_support",
    )
    assert stage_shown(case) == "Family assessment"

    # -- The case conference meets; the case management report starts from its case summary.
    us = window.holder.session  # the conference's own tab has its tests: here, its service
    conferences.schedule(us, uuid, IN_TWO_DAYS, "District office", "Sam Supervisor", "build_plan")
    conferences.save_minutes(
        us,
        uuid,
        1,
        minutes(attendee("Cara Caseworker", "", "agency", role="Caseworker"), actions=[]),
        None,
    )
    wizard = open_form(qtbot, window, "case_management_report")
    started = wizard.answers["case_management_report"]
    assert started["summary"].startswith("Case KGL-")  # the summary the minutes present
    assert "Stage: Implementation" in started["summary"]
    assert started["family_findings"].splitlines() == [
        "Family tracing: Family found.",
        "Family assessment 1: Extended family; can care for the child: Yes, with support; "
        "Place the child with this family once the support is in place.",
    ]
    fill(
        wizard,
        "case_management_report",
        sample_answers(wizard.forms[0], RNG, TODAY, proposed_option="kinship_care"),
    )
    with change_shown(qtbot, window) as case, qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        wizard.finish()
    assert stage_shown(case) == "Placement decision"

    # -- The placement decision waits for Sam; placing the child before is refused, kept.
    case = save(
        qtbot,
        window,
        "placement_decision",
        option="extended_family",
        carer=AUNT,
        preparation_from=day(1),
        placement_on=day(6),  # "My tasks" shows the week ahead
    )
    assert stage_shown(case) == "Placement decision (waiting for the supervisor)"
    assert "Waiting for the supervisor's approval of the placement decision" in header(case)
    assert not case.approve_button.isVisible()
    wizard = open_form(qtbot, window, "reunification")
    fill(wizard, "reunification", sample_answers(wizard.forms[0], RNG, TODAY, carer=AUNT))
    wizard.finish()
    qtbot.waitUntil(lambda: "approved" in wizard.message.text(), timeout=TIMEOUT)
    assert wizard.isVisible()  # nothing typed is lost
    wizard.discard()
    window.sign_out()

    # -- Sam approves it from his queue, within the agency's 7 days.
    window = open_window(qtbot, agency, "sam")
    window.show_queue()
    queue = window.queue
    qtbot.waitUntil(lambda: bool(queue.queue and queue.queue.approvals), timeout=TIMEOUT)
    assert queue.approvals.item(0, 3).text() == "the placement decision"
    assert my_tasks(qtbot, window, "placement_decision_approval")[
        "placement_decision_approval"
    ] == day(7)
    window.show_queue()
    window.ask_dialog = lambda dialog: True
    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not queue.queue.approvals, timeout=TIMEOUT)
    window.sign_out()

    # -- Cara: the schedule is in her tasks; the agreement prints; preparation, then the move.
    window = open_window(qtbot, agency, "cara")
    due = my_tasks(qtbot, window, "reunification")
    assert due["reintegration_preparation"] == day(1)
    assert due["reunification"] == day(6)
    case = open_case_file(qtbot, window, uuid)
    assert stage_shown(case) == "Placement decision (approved)"
    previews = shown(window)
    reintegration = case.print_button.menu().findChild(object, "print_reintegration")
    assert reintegration.isEnabled()
    reintegration.trigger()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=TIMEOUT)
    agreement = text_of(preview_pdf(previews[0]))
    assert "Reintegration agreement" in agreement and AUNT in agreement
    previews[0].close()

    case = save(
        qtbot,
        window,
        "reintegration_preparation",
        new=True,
        held_on=day(0),
        child_agrees="agrees",
        family_agrees="agrees",
        next_session_on=None,
    )
    assert stage_shown(case) == "Preparation"
    case = save(qtbot, window, "reunification", carer=AUNT, first_follow_up_on=day(5))
    assert stage_shown(case) == "Placement or reunification"
    due = my_tasks(qtbot, window, "post_placement_follow_up")
    assert due["post_placement_follow_up"] == day(5)
    case = open_case_file(qtbot, window, uuid)

    # -- Two follow-ups, by Cara and by the community volunteer.
    case = save(
        qtbot,
        window,
        "post_placement_follow_up",
        new=True,
        visited_on=day(-1),
        visited_by="caseworker",
        placement_holds="stable",
        risk_level="low",
        next_follow_up_on=day(30),
    )
    assert stage_shown(case) == "Post-placement follow-up"
    assert "Follow-up and review" in header(case)  # the case's own stage moved on
    case = save(
        qtbot,
        window,
        "post_placement_follow_up",
        new=True,
        visited_on=day(0),
        visited_by="community_volunteer",
        visitor_name="Jeanne Mukamana",
        placement_holds="stable",
        risk_level="low",
        next_follow_up_on=None,
    )
    assert "post_placement_follow_up" not in {t.kind for t in case.workflow.tasks}
    case = open_case_file(qtbot, window, uuid)

    # -- The closure: the permanency goal is achieved; Sam authorises it in the case file.
    case = save(
        qtbot,
        window,
        "closure_request",
        reason="permanency_achieved",
        risk_at_closure="low",
        post_closure_visit_on=day(60),
    )
    assert stage_shown(case) == "Closure"
    window.sign_out()
    window = open_window(qtbot, agency, "sam")
    case = open_case_file(qtbot, window, uuid)
    with change_shown(qtbot, window):
        qtbot.mouseClick(case.approve_button, Qt.MouseButton.LeftButton)
    assert "Closed" in header(case) and stage_shown(case) == "Closure"
    assert not case.reintegration_back_button.isVisible()
    window.sign_out()

    # -- Gisimba: Zawadi left on the day of the reunification; her placement with her aunt
    # (approved with the placement decision) is the one in her file.
    window = open_window(qtbot, agency, "fred")
    house = window.facility.widget
    qtbot.waitUntil(lambda: house.movements.count() > 0, timeout=TIMEOUT)
    assert house.residents.rowCount() == 0
    assert house.movements.item(0).text().endswith(f"{CHILD} left")
    window.sign_out()


def test_a_reintegration_moved_back_from_the_case_file_keeps_its_reason(qtbot, agency):
    from tests.stories import reintegrated_to

    uuid = case_in_implementation(agency)
    reintegrated_to(agency, uuid, "reunification")
    window = open_window(qtbot, agency, "cara")
    case = open_case_file(qtbot, window, uuid)
    assert stage_shown(case) == "Placement or reunification"
    assert not case.move_back_button.isHidden()  # the case's own move back is still there
    offered = []

    def answer(dialog) -> None:
        usable(dialog, dialog.stage)
        offered.append([dialog.stage.itemText(i) for i in range(dialog.stage.count())])
        dialog.stage.setCurrentIndex(1)  # Family assessment
        type_into(qtbot, dialog, dialog.text, "The aunt fell ill; assess her sister.")
        press(qtbot, dialog, dialog.ok)

    with change_shown(qtbot, window), dialogs_answered(qtbot, answer):
        qtbot.mouseClick(case.reintegration_back_button, Qt.MouseButton.LeftButton)
    assert offered == [
        [REINTEGRATION_STAGES[s] for s in ("tracing", "assessment", "decision", "preparation")]
    ]
    assert stage_shown(case) == "Family assessment"
    assert "Implementation" in header(case)  # the case's stage is untouched
    assert timeline(case)[0] == (
        "Moved the reintegration back to Family assessment: “The aunt fell ill; assess her sister.”"
    )
    reintegration = case.print_button.menu().findChild(object, "print_reintegration")
    assert not reintegration.isEnabled()  # a new decision must be approved first
    window.sign_out()


def test_the_proof_of_no_trace_is_one_next_away_once_the_family_is_not_found(qtbot, agency):
    """Choosing "not found" on the last section adds the proof of no trace after it: the
    wizard offers Next to it at once, as it would have if the section had been there."""
    from PySide6.QtWidgets import QRadioButton

    uuid = case_in_implementation(agency)
    window = open_window(qtbot, agency, "cara")
    open_case_file(qtbot, window, uuid)
    wizard = open_form(qtbot, window, "family_tracing")
    outcome = wizard.widget_for("family_tracing", "outcome")
    wizard.steps.setCurrentItem(next(p for p in wizard.pages if outcome in p.fields).item)
    assert wizard.next_button.isHidden()  # the outcome is the last section shown so far
    not_found = next(
        b for b in outcome.findChildren(QRadioButton) if b.text() == "Family not found"
    )
    qtbot.mouseClick(not_found, Qt.MouseButton.LeftButton)
    assert not wizard.next_button.isHidden()
    press(qtbot, wizard, wizard.next_button)
    assert wizard.section_title.text() == "Proof of no trace"
    wizard.discard()
    window.sign_out()

"""A case conference through the real window, in English and French: schedule it, invite
people (one from an organisation the consent does not name: warned, then let in with a
recorded reason), write and finalise the minutes, see the action points in the plan, and print
the minutes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication

from reports.minutes import words
from tests.stories import (
    COUNSELLING,
    HEALTH_CENTRE,
    case_in_implementation,
    in_order,
    scheduled,
    text_of,
)
from tests.wizard_helpers import (
    DOWN,
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
    preview_pdf,
    shown,
    type_into,
    usable,
    wait_for_wizard,
)
from ui import i18n
from ui.case_file import CONFERENCES_TAB, ReasonDialog
from ui.conferences import ScheduleDialog
from ui.consent_check import ConsentCheckDialog

TIMEOUT = 10000
ALT = Qt.KeyboardModifier.AltModifier
TODAY = date.today()


@pytest.fixture
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def consent_confirmed(qtbot):  # type: ignore[no-untyped-def]
    """A conference shares the child's information: the current consent, shown first, is
    confirmed as the caseworker would."""

    def answer(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, ConsentCheckDialog)
        press(qtbot, dialog, dialog.confirm_button)

    return answer


@pytest.mark.parametrize("language", ["en", "fr"], indirect=True)
def test_a_conference_from_schedule_to_signed_minutes(qtbot, agency, language):
    uuid = case_in_implementation(agency)  # the consent names the health centre only
    window = open_window(qtbot, agency, "cara")
    case = open_case_file(qtbot, window, uuid)
    case.tabs.setCurrentIndex(CONFERENCES_TAB)
    tab = case.conferences
    assert tab.table.rowCount() == 0 and tab.schedule_button.isVisible()

    # Schedule it for an hour ago: the meeting has just been held.
    def schedule(dialog) -> None:
        assert isinstance(dialog, ScheduleDialog)
        assert not dialog.ok.isEnabled()  # a place and a chair are needed
        usable(dialog, dialog.when)
        dialog.when.setDateTime(QDateTime(datetime.now() - timedelta(hours=1)))
        type_into(qtbot, dialog, dialog.place, "District office, room 2")
        type_into(qtbot, dialog, dialog.chair, "Sam Supervisor")
        usable(dialog, dialog.purpose)
        dialog.purpose.setCurrentIndex(dialog.purpose.findData("review_plan"))
        press(qtbot, dialog, dialog.ok)

    with change_shown(qtbot, window), dialogs_answered(qtbot, consent_confirmed(qtbot), schedule):
        qtbot.mouseClick(tab.schedule_button, Qt.MouseButton.LeftButton)
    # The consent's confirmation shows first, then the conference scheduled.
    qtbot.waitUntil(lambda: case.conferences.table.rowCount() == 1, timeout=TIMEOUT)
    assert case_files(window) == [case]  # shown again in place
    tab = case.conferences
    assert case.tabs.currentIndex() == CONFERENCES_TAB
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 3).text() == "District office, room 2"
    assert not tab.print_button.isEnabled()  # nothing to print before the minutes

    # The minutes open from the schedule, the agency's agenda and the case summary.
    qtbot.mouseClick(tab.minutes_button, Qt.MouseButton.LeftButton)
    wizard = wait_for_wizard(qtbot, window)
    answers = wizard.answers["case_conference"]
    assert (answers["place"], answers["chair"], answers["purpose"]) == (
        "District office, room 2",
        "Sam Supervisor",
        "review_plan",
    )
    agenda = answers["agenda"]
    assert len(agenda) == 7
    assert case.case.row.case_number in agenda[1]["notes"]  # the case summary item
    assert answers["attendees"][0]["name"] == "Cara Caseworker"

    nurse = {
        "name": "Grace Mutua",
        "organisation": HEALTH_CENTRE,
        "role": "Nurse",
        "attendance": "present",
        "basis": "consent",
    }
    counsellor = {
        "name": "Peter Otieno",
        "organisation": COUNSELLING,
        "role": "Counsellor",
        "contact": "0722 000 111",
        "attendance": "present",
        "basis": "consent",
    }
    agenda[2]["notes"] = "Zawadi wants to stay with her grandmother."
    fill(
        wizard,
        "case_conference",
        {
            "held_on": TODAY.isoformat(),
            "attendees": [answers["attendees"][0], nurse, counsellor],
            "agenda": agenda,
            "decisions": [
                {"decision": "Zawadi stays with her grandmother.", "best_interests": False},
                {
                    "decision": "No move to foster care.",
                    "best_interests": True,
                    "reasoning": "Zawadi wants to stay; a move would break her schooling.",
                },
            ],
            "actions": [
                {
                    "action": "Visit the school with the grandmother",
                    "owner": "Cara Caseworker",
                    "our_agency": True,
                    "goal_number": 1,
                    "due": (TODAY + timedelta(days=7)).isoformat(),
                },
                {
                    "action": "Weekly counselling sessions",
                    "owner": "Peter Otieno",
                    "our_agency": False,
                    "organisation": COUNSELLING,
                    "due": (TODAY + timedelta(days=14)).isoformat(),
                },
            ],
        },
    )

    # The counsellor's organisation is not in the consent form: the form says so, and waits.
    wizard.finish()
    attendees = wizard.widget_for("case_conference", "attendees")
    assert COUNSELLING in attendees.error.text() and "3" in attendees.error.text()
    assert wizard.isVisible() and tab.table.item(0, 5).text() != ""

    # The chair let him in: the override is recorded with its reason.
    counsellor |= {"basis": "override", "override_reason": "Sam decided: he sees Zawadi weekly."}
    fill(wizard, "case_conference", {"attendees": [answers["attendees"][0], nurse, counsellor]})
    with change_shown(qtbot, window), qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    tab = case.conferences
    assert case.tabs.currentIndex() == CONFERENCES_TAB
    assert "1" in tab.table.item(0, 5).text()  # finalised, version 1
    assert tab.actions.rowCount() == 2
    assert tab.minutes_button.text().replace("&", "") != "Write the minutes…"  # a correction now

    # Our action point is in the plan (and so in the caseworker's tasks); the partner's is
    # followed up as its commitment.
    plan = [a.action for a in case.workflow.plan.actions]
    assert plan == ["Enrol Zawadi at the primary school", "Visit the school with the grandmother"]
    assert {t.kind for t in case.workflow.tasks} >= {"plan_action", "conference_action"}

    # Printed from the app, in the reader's language.
    previews = shown(window)
    tab.select(1)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=TIMEOUT)
    text = text_of(preview_pdf(previews[0]))
    w = words(language)
    in_order(
        text,
        w["minutes_title"],
        case.case.row.case_number,
        w["attendees"],
        "Cara Caseworker",
        "Grace Mutua",
        "Peter Otieno",
        "Sam decided: he sees Zawadi weekly.",
        w["agenda"],
        "Zawadi wants to stay with her grandmother.",
        w["decisions"],
        "Zawadi stays with her grandmother.",
        "No move to foster care.",
        "a move would break her schooling",
        w["actions"],
        "Visit the school with the grandmother",
        "Weekly counselling sessions",
        w["role_chair"],
    )
    assert "Wanjiru" not in text
    previews[0].close()

    # A correction asks why, then opens the finalised minutes as a new version.
    def why(dialog) -> None:
        assert isinstance(dialog, ReasonDialog)
        usable(dialog, dialog.text)
        qtbot.keyClicks(dialog.text, "The nurse sent apologies.")
        press(qtbot, dialog, dialog.ok)

    with dialogs_answered(qtbot, why):
        qtbot.mouseClick(tab.minutes_button, Qt.MouseButton.LeftButton)
    wizard = wait_for_wizard(qtbot, window)
    people = wizard.answers["case_conference"]["attendees"]
    assert [p["name"] for p in people] == ["Cara Caseworker", "Grace Mutua", "Peter Otieno"]
    people[1]["attendance"] = "apologies"
    fill(wizard, "case_conference", {"attendees": people})
    with change_shown(qtbot, window), qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    assert "2" in case.conferences.table.item(0, 5).text()
    assert "The nurse sent apologies." in case.conferences.table.item(0, 5).toolTip()
    assert len(case.workflow.plan.actions) == 2  # the correction added no action twice
    window.ask_quit = lambda: True


def test_a_conference_is_scheduled_with_the_keyboard_alone(qtbot, agency):
    uuid = case_in_implementation(agency)
    window = open_window(qtbot, agency, "cara")
    case = open_case_file(qtbot, window, uuid)
    case.tabs.setCurrentIndex(CONFERENCES_TAB)

    def by_keyboard(dialog) -> None:

        assert QApplication.focusWidget() is dialog.place  # where to meet comes first
        keyboard(qtbot, "Gikondo school, staff room", TAB, "Sam Supervisor", TAB, DOWN, ENTER)

    activate(qtbot, window)
    with (
        change_shown(qtbot, window),
        dialogs_answered(qtbot, consent_confirmed(qtbot), by_keyboard),
    ):
        case.conferences.schedule_button.setFocus()
        keyboard(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: case.conferences.table.rowCount() == 1, timeout=TIMEOUT)
    table = case.conferences.table
    assert table.item(0, 3).text() == "Gikondo school, staff room"
    window.ask_quit = lambda: True


def test_the_minutes_are_written_and_finalised_with_the_keyboard_alone(qtbot, agency):
    uuid = case_in_implementation(agency)
    number = scheduled(agency, uuid)
    window = open_window(qtbot, agency, "cara")
    case = open_case_file(qtbot, window, uuid)
    case.tabs.setCurrentIndex(CONFERENCES_TAB)
    case.conferences.select(number)
    activate(qtbot, window)
    keyboard(qtbot, (Qt.Key.Key_W, ALT))  # &Write the minutes…
    wizard = wait_for_wizard(qtbot, window)
    activate(qtbot, wizard)
    assert wizard.answers["case_conference"]["chair"] == "Sam Supervisor"  # from the schedule
    held_on = wizard.widget_for("case_conference", "held_on")
    assert held_on.isVisibleTo(wizard)
    finalise = (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    keyboard(qtbot, finalise)  # too soon: the day it was held is still to be typed
    assert "missing" in wizard.message.text()
    assert held_on.isAncestorOf(QApplication.focusWidget())  # the focus is on that question
    with change_shown(qtbot, window), qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        keyboard(qtbot, TODAY.strftime("%d/%m/%Y"), finalise)
    assert "1" in case.conferences.table.item(0, 5).text()  # finalised, version 1
    window.ask_quit = lambda: True

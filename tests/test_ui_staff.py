"""Staff come and go, consent is checked again, contact notes: through the real windows.

A supervisor chooses cases in the list and gives them to someone else; an administrator
deactivating a caseworker is asked who takes each case; a step that shares information shows
the consent first; a caseworker writes a note in a few keys and finds it again."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from sqlalchemy import select

from db.models import AuditEvent
from desktop import accounts, case_forms, cases, notes
from tests.stories import HEALTH_CENTRE, case_in_implementation, consent, day, registration
from tests.wizard_helpers import (
    activate,
    choose_row,
    click,
    dialogs_answered,
    keyboard,
    open_case_file,
    open_window,
    press,
    type_into,
    wait_for_wizard,
)
from ui.consent_check import ConsentCheckDialog
from ui.contact_notes import NoteDialog
from ui.reassign import ReassignDialog

TIMEOUT = 10000
CTRL = Qt.KeyboardModifier.ControlModifier
TODAY = date.today()


def registered(agency, by: str = "cara", given: str = "Zawadi") -> str:
    with agency.sign_in(by) as us:
        return case_forms.register_with_forms(
            us,
            {
                "registration": {**registration(given), "registered_on": day(-10)},
                "consent": consent(HEALTH_CENTRE),
            },
        ).uuid


def holder(us, uuid: str) -> str:
    """Who holds the case, read by `us` (the window's own session while it is open: a store is
    held by one program at a time)."""
    return cases.open_case(us, uuid).row.caseworker


def audited(us, action: str) -> list[str]:
    with us.store.read() as s:
        return list(
            s.execute(select(AuditEvent.summary).where(AuditEvent.action == action)).scalars()
        )


# -- reassignment from the case list ------------------------------------------------------------


def test_a_supervisor_chooses_two_cases_in_the_list_and_gives_them_to_carl(qtbot, agency):
    first, second = registered(agency), registered(agency, given="Baraka")
    third = registered(agency, given="Chipo")
    window = open_window(qtbot, agency, "sam")
    table, model = window.case_list.table, window.case_list.model
    rows = {model.uuid_at(r): r for r in range(model.rowCount())}
    assert not window.case_list.reassign_button.isEnabled()  # nothing chosen yet
    for uuid, modifier in ((first, Qt.KeyboardModifier.NoModifier), (second, CTRL)):
        rect = table.visualRect(model.index(rows[uuid], 1))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())

    def answer(dialog: ReassignDialog) -> None:
        assert "2 cases" in dialog.findChild(type(dialog.message), "reassignIntro").text()
        press(qtbot, dialog, dialog.ok)  # nobody chosen: the dialog stays and says so
        assert dialog.isVisible() and "Choose who takes" in dialog.message.text()
        dialog.worker.setFocus()
        keyboard(qtbot, "Carl")  # type-ahead in the list of workers
        assert dialog.worker.currentData() == "carl"
        type_into(qtbot, dialog, dialog.reason, "Cara is on leave until March")
        press(qtbot, dialog, dialog.ok)

    with dialogs_answered(qtbot, answer):
        qtbot.mouseClick(window.case_list.reassign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "now held by Carl" in window.statusBar().currentMessage(), timeout=TIMEOUT
    )
    us = window.session
    assert holder(us, first) == holder(us, second) == "Carl Caseworker"
    assert holder(us, third) == "Cara Caseworker"
    assert len(audited(us, "case.reassigned")) == 2
    window.close()


def test_a_supervisor_gives_two_cases_to_carl_with_the_keyboard_alone(qtbot, agency):
    """Ctrl+F, Tab to the list, Shift+Down to take a second row (Shift+Tab reaches Reassign),
    Alt+R; in the dialog, type the worker's name, Tab, the reason, Alt+R again: no mouse."""
    first, second = registered(agency), registered(agency, given="Baraka")
    window = open_window(qtbot, agency, "sam")
    window.activateWindow()  # shortcuts go to the window in front (a window manager's job)
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    table = window.case_list.table
    keyboard(qtbot, (Qt.Key.Key_F, CTRL))
    for _ in range(12):  # through the search and the filters, to the list
        if table.hasFocus():
            break
        keyboard(qtbot, Qt.Key.Key_Tab)
    assert table.hasFocus()
    keyboard(qtbot, Qt.Key.Key_Home, (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier))
    assert len(table.selectionModel().selectedRows()) == 2
    qtbot.wait(500)  # the list is read again after Ctrl+F: the rows chosen stay chosen
    assert len(table.selectionModel().selectedRows()) == 2
    # Shift+Tab from the chosen rows reaches Reassign, beside the filters; Tab goes back.
    keyboard(qtbot, (Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier))
    assert window.case_list.reassign_button.hasFocus()
    keyboard(qtbot, Qt.Key.Key_Tab)
    assert table.hasFocus() and len(table.selectionModel().selectedRows()) == 2

    def answer(dialog: ReassignDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT)
        assert dialog.worker.hasFocus()
        keyboard(qtbot, "Carl", Qt.Key.Key_Tab, "Cara is on leave until March")
        assert dialog.worker.currentData() == "carl"
        keyboard(qtbot, (Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier))

    with dialogs_answered(qtbot, answer):
        keyboard(qtbot, (Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier))
    qtbot.waitUntil(
        lambda: "now held by Carl" in window.statusBar().currentMessage(), timeout=TIMEOUT
    )
    assert holder(window.session, first) == holder(window.session, second) == "Carl Caseworker"
    window.close()


def test_a_caseworker_chooses_one_case_at_a_time_and_has_no_reassign_button(qtbot, agency):
    registered(agency)
    window = open_window(qtbot, agency, "cara")
    assert not window.case_list.reassign_button.isVisibleTo(window)
    assert window.case_list.table.selectionMode() == table_single()
    window.close()


def table_single():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractItemView

    return QAbstractItemView.SelectionMode.SingleSelection


# -- deactivating someone who holds cases -------------------------------------------------------


def test_deactivating_cara_asks_who_takes_each_case_and_loses_no_task(
    qtbot,
    agency,
    open_admin,
):
    first, second = registered(agency), registered(agency, given="Baraka")
    opened = open_admin()
    page = opened.dialog.users
    choose_row(qtbot, opened.dialog, "cara")
    click(qtbot, page.deactivate_button)
    qtbot.waitUntil(lambda: page.child_dialog is not None, timeout=TIMEOUT)
    dialog = page.child_dialog
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    panel = dialog.panel
    assert panel.table.rowCount() == 2
    shown = " ".join(panel.table.item(r, 0).text() for r in range(2))
    assert "KGL-" in shown and "Zawadi" not in shown  # case numbers, never a child's name
    panel.each.setFocus()
    keyboard(qtbot, Qt.Key.Key_Space)  # "Choose for each case"
    panel.choices[0].setFocus()
    keyboard(qtbot, "Carl")
    press(qtbot, dialog, dialog.ok)  # one case without anybody: said, and nothing done
    assert dialog.isVisible() and "1 cases have nobody" in dialog.message.text()
    panel.choices[1].setFocus()
    keyboard(qtbot, "Sam")
    type_into(qtbot, dialog, dialog.reason, "Cara left the agency")
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        press(qtbot, dialog, dialog.ok)
    qtbot.waitUntil(lambda: "can no longer sign in" in page.status.text(), timeout=TIMEOUT)
    assert opened.errors == []
    opened.close()
    with agency.sign_in("sam") as us:
        assert {holder(us, first), holder(us, second)} == {"Carl Caseworker", "Sam Supervisor"}
        from desktop import case_flow

        overdue = {t.caseworker for t in case_flow.supervisor_queue(us).overdue}
        assert overdue == {"Carl Caseworker", "Sam Supervisor"}
    with pytest.raises(Exception, match="not correct|wrong"):
        accounts.sign_in(agency.folder, "cara", "correct horse battery")


# -- consent checked before sharing -------------------------------------------------------------


def consent_dated(agency, uuid: str, days_ago: int) -> None:
    with agency.sign_in("cara") as us:
        saved = next(x for x in case_forms.case_submissions(us, uuid) if x.form_id == "consent")
        answers = dict(saved.answers)
        answers["caregiver_consent"] = {
            "by": "Grandmother",
            "method": "thumbprint",
            "date": (TODAY - timedelta(days=days_ago)).isoformat(),
        }
        case_forms.submit_form(us, uuid, "consent", answers, saved.revision)


def confirm(qtbot):  # type: ignore[no-untyped-def]
    def answer(dialog: ConsentCheckDialog) -> None:
        assert "Grandmother" not in dialog.findChild(type(dialog.warning), "consentDetails").text()
        assert (
            "Kibera Health Centre"
            in dialog.findChild(type(dialog.warning), "consentDetails").text()
        )
        assert not dialog.warning.isVisibleTo(dialog)
        press(qtbot, dialog, dialog.confirm_button)

    return answer


def test_a_new_referral_shows_the_consent_and_goes_on_once_it_is_confirmed(qtbot, agency):
    uuid = case_in_implementation(agency)
    window = open_window(qtbot, agency, "cara")
    case = open_case_file(qtbot, window, uuid)
    case.show_form("referral")
    with dialogs_answered(qtbot, confirm(qtbot)):
        qtbot.mouseClick(case.add_button, Qt.MouseButton.LeftButton)
    wizard = wait_for_wizard(qtbot, window)
    assert wizard.forms[0].id == "referral"
    assert audited(window.session, "consent.confirmed") == ["referral: version 1"]
    wizard.discard()
    window.close()


def test_a_consent_older_than_a_year_must_be_recorded_again_before_a_referral(qtbot, agency):
    uuid = case_in_implementation(agency)
    consent_dated(agency, uuid, 400)
    window = open_window(qtbot, agency, "cara")
    case = open_case_file(qtbot, window, uuid)
    case.show_form("referral")

    def answer(dialog: ConsentCheckDialog) -> None:
        assert "more than 12 months old" in dialog.warning.text()
        assert not dialog.confirm_button.isVisibleTo(dialog)
        assert dialog.record_button.hasFocus()
        keyboard(qtbot, Qt.Key.Key_Return)  # the default: record it again

    with dialogs_answered(qtbot, answer):
        qtbot.mouseClick(case.add_button, Qt.MouseButton.LeftButton)
    wizard = wait_for_wizard(qtbot, window)
    assert wizard.forms[0].id == "consent"  # a new version of the consent form, not the referral
    assert audited(window.session, "consent.confirmed") == []
    wizard.discard()
    window.close()


def test_a_child_who_turned_18_gives_consent_again_before_the_case_is_sent(qtbot, agency):
    uuid = case_in_implementation(agency)
    consent_dated(agency, uuid, 30)
    with agency.sign_in("cara") as us:
        eighteen = TODAY.replace(year=TODAY.year - 18) - timedelta(days=5)
        cases.update_case(us, uuid, birth_date=eighteen)
    window = open_window(qtbot, agency, "cara")
    case = open_case_file(qtbot, window, uuid)

    def answer(dialog: ConsentCheckDialog) -> None:
        assert "turned 18" in dialog.warning.text()
        assert not dialog.confirm_button.isVisibleTo(dialog)
        dialog.reject()

    with dialogs_answered(qtbot, answer):
        case.send_case.emit(False)  # a package (a referral would first need a partner agency)
    assert audited(window.session, "consent.confirmed") == []
    window.close()


def test_a_conference_and_a_transfer_request_check_the_consent_first(qtbot, agency):
    uuid = case_in_implementation(agency)
    window = open_window(qtbot, agency, "cara")
    case = open_case_file(qtbot, window, uuid)
    scheduled: list[object] = []

    def schedule_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        scheduled.append(dialog)
        dialog.reject()

    with dialogs_answered(qtbot, confirm(qtbot), schedule_dialog):
        qtbot.mouseClick(case.conferences.schedule_button, Qt.MouseButton.LeftButton)
    assert type(scheduled[0]).__name__ == "ScheduleDialog"
    case.show_form("transfer_request")
    with dialogs_answered(qtbot, confirm(qtbot)):
        qtbot.mouseClick(case.fill_button, Qt.MouseButton.LeftButton)
    wizard = wait_for_wizard(qtbot, window)
    assert wizard.forms[0].id == "transfer_request"
    assert audited(window.session, "consent.confirmed") == [
        "conference: version 1",
        "transfer: version 1",
    ]
    wizard.discard()
    window.close()


# -- contact notes ------------------------------------------------------------------------------


def test_a_note_is_written_with_the_keyboard_and_found_again_by_a_word(qtbot, agency):
    uuid = registered(agency)
    with agency.sign_in("cara") as us:
        notes.add_note(us, uuid, TODAY - timedelta(days=2), "home_visit", "Uncle", "Roof mended.")
    window = open_window(qtbot, agency, "cara")
    case = open_case_file(qtbot, window, uuid)

    def write(dialog: NoteDialog) -> None:
        assert dialog.kind.hasFocus()
        keyboard(qtbot, "Ph", Qt.Key.Key_Tab)  # type-ahead: Phone call
        keyboard(qtbot, "Mrs Uwase, the teacher", Qt.Key.Key_Tab)
        keyboard(qtbot, "Zawadi came to school every day this week.")
        keyboard(qtbot, (Qt.Key.Key_Return, CTRL))

    with dialogs_answered(qtbot, write):
        activate(qtbot, window)
        case.tabs.setFocus()
        keyboard(qtbot, (Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier))
    table = case.notes.findChild(QTableWidget, "notes")
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=TIMEOUT)
    assert case.tabs.currentWidget() is case.notes
    assert "Phone call" in table.item(0, 1).text() and "Uwase" in table.item(0, 1).text()
    assert table.item(0, 2).text() == "Zawadi came to school every day this week."
    type_into(qtbot, case, case.notes.search, "UWASE every")
    assert table.rowCount() == 1 and "1 of 2 notes match" in case.notes.count.text()
    type_into(qtbot, case, case.notes.search, "roof")
    assert table.rowCount() == 1 and table.item(0, 2).text() == "Roof mended."
    window.close()
    with agency.sign_in("cara") as us:
        [new] = [n for n in notes.case_notes(us, uuid).notes if n.kind == "phone_call"]
        assert new.happened_on == TODAY and new.contact == "Mrs Uwase, the teacher"

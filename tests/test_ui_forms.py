"""The guided forms in the window: keyboard only, messages next to questions, drafts, versions."""

from __future__ import annotations

import random
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QTextBrowser

from desktop import drafts
from desktop.demo import sample_answers
from tests.wizard_helpers import (
    case_files,
    change_shown,
    close_form,
    fill,
    open_window,
    register_through_wizard,
    wait_for_wizard,
)
from ui import form_wizard
from ui.background import wait_for_background
from ui.form_wizard import FormWizard


def tab_to(qtbot, target, limit: int = 60) -> None:
    """Press Tab until `target` has the keyboard focus, as a person without a mouse would."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError(f"{target!r} cannot be reached with Tab")


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def next_page(qtbot) -> None:
    press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)


def previous_page(qtbot) -> None:
    press(qtbot, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)


def section(wizard: FormWizard) -> str:
    return wizard.section_title.text()


def radio(wizard: FormWizard, form_id: str, field_id: str, index: int):
    return wizard.widget_for(form_id, field_id).buttons[index]


def editor(wizard: FormWizard, form_id: str, field_id: str):
    return wizard.widget_for(form_id, field_id).focus_target()


def test_registering_a_child_with_the_keyboard_only(qtbot, agency):
    window = open_window(qtbot, agency)
    window.activateWindow()
    qtbot.keyClick(window.case_list.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wizard = wait_for_wizard(qtbot, window)
    wizard.activateWindow()
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is editor(wizard, "registration", "given_name")
    )
    assert section(wizard) == "The child"

    # The child: names, sex, date of birth.
    qtbot.keyClicks(QApplication.focusWidget(), "Imani")
    tab_to(qtbot, editor(wizard, "registration", "family_name"))
    qtbot.keyClicks(QApplication.focusWidget(), "Mwangi")
    tab_to(qtbot, radio(wizard, "registration", "sex", 0))
    press(qtbot, Qt.Key.Key_Space)  # Female
    tab_to(qtbot, editor(wizard, "registration", "birth_date"))
    qtbot.keyClicks(QApplication.focusWidget(), "14/03/2016")
    next_page(qtbot)
    assert section(wizard) == "Home and care"

    # Home and care: where, and the care arrangement from a drop-down list.
    qtbot.keyClicks(editor(wizard, "registration", "location"), "Kawangware, Nairobi")
    tab_to(qtbot, editor(wizard, "registration", "care_arrangement"))
    press(qtbot, Qt.Key.Key_Down)
    assert wizard.answers["registration"]["care_arrangement"] == "both_parents"
    next_page(qtbot)
    assert section(wizard) == "Concerns and priorities"

    # Next without the required answers: the messages appear next to the questions, and the
    # wizard stays on the page.
    next_page(qtbot)
    assert section(wizard) == "Concerns and priorities"
    concerns = wizard.widget_for("registration", "concerns")
    assert (
        concerns.error.isVisibleTo(wizard)
        and concerns.error.text() == "This question needs an answer."
    )
    assert "see the messages in red" in wizard.message.text()
    tab_to(qtbot, concerns.boxes["neglect"])
    press(qtbot, Qt.Key.Key_Space)
    assert not concerns.error.isVisibleTo(wizard)  # the message goes as soon as it is answered
    tab_to(qtbot, editor(wizard, "registration", "concerns_notes"))
    qtbot.keyClicks(QApplication.focusWidget(), "Left alone for days.")
    tab_to(qtbot, editor(wizard, "registration", "immediate_priorities"))
    qtbot.keyClicks(QApplication.focusWidget(), "Find the father.")

    # Back a page: what was typed there is still there.
    previous_page(qtbot)
    assert section(wizard) == "Home and care"
    assert wizard.widget_for("registration", "location").value() == "Kawangware, Nairobi"
    next_page(qtbot)
    next_page(qtbot)
    assert section(wizard) == "Registration and referral"
    assert wizard.widget_for("registration", "registered_on").value() == date.today().isoformat()
    qtbot.keyClicks(editor(wizard, "registration", "registration_place"), "District office")
    tab_to(qtbot, editor(wizard, "registration", "referred_by"))
    press(qtbot, Qt.Key.Key_Down)
    next_page(qtbot)

    # Consent: the caregiver could not be asked; the child was not asked either.
    assert section(wizard) == "Consent of the caregiver"
    tab_to(qtbot, radio(wizard, "consent", "caregiver_asked", 0))
    press(qtbot, Qt.Key.Key_Right)  # from Yes to No…
    press(qtbot, Qt.Key.Key_Space)  # …and choose it
    assert wizard.answers["consent"]["caregiver_asked"] is False
    tab_to(qtbot, editor(wizard, "consent", "caregiver_not_asked_reason"))
    qtbot.keyClicks(QApplication.focusWidget(), "No adult at home.")
    next_page(qtbot)
    assert section(wizard) == "Assent of the child"
    tab_to(qtbot, radio(wizard, "consent", "child_asked", 0))
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, editor(wizard, "consent", "child_not_asked_reason"))
    qtbot.keyClicks(QApplication.focusWidget(), "Too young to understand.")
    # The sharing and refusal pages do not apply: this is the last page.
    assert not wizard.next_button.isVisible()
    with qtbot.waitSignal(wizard.saved, timeout=10000):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: len(case_files(window)) == 1, timeout=10000)
    assert window.tabs.tabToolTip(window.tabs.indexOf(case_files(window)[0])) == "Imani Mwangi"
    window.show_cases()
    qtbot.keyClicks(window.case_list.search, "imani")
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 1, timeout=5000)
    model = window.case_list.model
    assert model.data(model.index(0, 1)) == "Imani Mwangi"
    assert drafts.load_draft(window.session, "form", "new") is None  # saved: no draft left
    window.sign_out()


def test_a_form_dropped_mid_way_comes_back_from_its_draft(qtbot, agency, monkeypatch):
    monkeypatch.setattr(form_wizard, "AUTOSAVE_MS", 50)  # the few seconds after typing
    window = open_window(qtbot, agency)
    window.new_case_action.trigger()
    wizard = wait_for_wizard(qtbot, window)
    fill(wizard, "registration", {"given_name": "Zuri", "location": "Mathare"})
    wizard.next()  # page 1 misses its sex and date of birth: the wizard stays…
    wizard.go_to(2)  # …but any page can be reached from the list on the left
    fill(wizard, "registration", {"concerns_notes": "Seen begging near the bus stop."})

    def kept() -> bool:  # the last few seconds of typing are in the store
        draft = drafts.load_draft(window.session, "form", "new")
        typed = draft.data["answers"]["registration"] if draft else {}
        on_page = draft is not None and draft.data.get("page") == wizard.current
        return on_page and typed.get("concerns_notes") == "Seen begging near the bus stop."

    qtbot.waitUntil(kept, timeout=5000)
    wait_for_background()
    # The program dies: no closing, no question asked, the widget simply goes.
    wizard.setParent(None)
    wizard.deleteLater()
    QApplication.processEvents()

    asked = []
    monkeypatch.setattr(FormWizard, "ask_resume", lambda self, when: asked.append(when) or True)
    window.new_case_action.trigger()
    resumed = wait_for_wizard(qtbot, window)
    assert asked, "reopening offers the draft"
    assert resumed.widget_for("registration", "given_name").value() == "Zuri"
    assert resumed.widget_for("registration", "location").value() == "Mathare"
    assert resumed.answers["registration"]["concerns_notes"] == "Seen begging near the bus stop."
    assert section(resumed) == "Concerns and priorities"  # back where the person stopped
    close_form(qtbot, resumed, keep_draft=False)
    window.sign_out()


def test_closing_a_form_with_typed_answers_asks_first(qtbot, agency):
    window = open_window(qtbot, agency)
    window.new_case_action.trigger()
    wizard = wait_for_wizard(qtbot, window)
    fill(wizard, "registration", {"given_name": "Baraka"})
    from PySide6.QtWidgets import QMessageBox

    wizard.ask_close = lambda: QMessageBox.StandardButton.Cancel
    wizard.reject()
    assert wizard.isVisible()  # "Cancel": nothing lost, still open
    wizard.ask_close = lambda: QMessageBox.StandardButton.Save
    wizard.reject()
    assert not wizard.isVisible()
    kept = drafts.load_draft(window.session, "form", "new")
    assert kept is not None and kept.data["answers"]["registration"]["given_name"] == "Baraka"
    window.sign_out()


def test_a_saved_form_is_read_only_and_a_new_version_keeps_the_history(qtbot, agency):
    window = open_window(qtbot, agency)
    register_through_wizard(qtbot, window, "Amani", "Otieno")
    qtbot.waitUntil(lambda: len(case_files(window)) == 1, timeout=10000)
    case_file = case_files(window)[0]
    view = case_file.findChild(QTextBrowser, "formView")
    assert "Nyamirambo, Kigali" in view.toPlainText()
    assert view.isReadOnly()
    forms = [case_file.form_list.item(i).text() for i in range(case_file.form_list.count())]
    assert forms[0].startswith("Registration\nversion 1")
    assert forms[2].startswith("Initial assessment\nnot filled in yet")

    # A correction: a new version, with the first one kept.
    assert case_file.fill_button.text() == "&New version"
    case_file.fill_button.click()
    wizard = wait_for_wizard(qtbot, window)
    assert wizard.widget_for("registration", "given_name").value() == "Amani"
    fill(wizard, "registration", {"location": "Gikondo, Kigali"})
    with change_shown(qtbot, window), qtbot.waitSignal(wizard.saved, timeout=10000):
        wizard.finish()
    assert case_files(window) == [case_file]  # the same file shows the new version
    revision = case_file.findChild(QComboBox, "revision")
    assert revision.count() == 2 and revision.currentText().startswith("Version 2")
    assert "Where the child lives now" in case_file.findChild(QLabel, "changes").text()
    assert "Gikondo" in case_file.view.toPlainText()
    revision.setCurrentIndex(1)
    assert "Nyamirambo" in case_file.view.toPlainText()

    # The initial assessment sets the risk shown at the top of the case file.
    case_file.form_list.setCurrentRow(2)
    assert case_file.fill_button.text() == "&Fill in"
    case_file.fill_button.click()
    wizard = wait_for_wizard(qtbot, window)
    form = wizard.forms[0]
    fill(
        wizard,
        "initial_assessment",
        sample_answers(
            form, random.Random(1), date.today(), risk_level="high", next_step="full_assessment"
        ),
    )
    with change_shown(qtbot, window), qtbot.waitSignal(wizard.saved, timeout=10000):
        wizard.finish()
    assert case_files(window)[0].findChild(QLabel, "risk").text() == "Risk: High"
    window.sign_out()


def test_a_list_of_entries_shows_them_in_order_when_filled_again(qtbot):
    """Filling a list again (a draft resumed, a correction opened) keeps the entries' order,
    and a problem in one entry is shown next to its question."""
    from desktop.case_forms import _form_set_of, shipped_sources
    from ui.form_fields import make_field

    form = _form_set_of(shipped_sources()).get("case_conference")
    group = make_field(form.field("attendees"))
    qtbot.addWidget(group)
    group.show()
    people = [{"name": n, "attendance": "present", "basis": "agency"} for n in ("A", "B", "C")]
    group.set_value(people[:1])
    group.set_value(people)
    group.set_value(list(reversed(people)))

    def shown_order() -> list[str]:
        layout = group.list_layout
        frames = [layout.itemAt(i).widget() for i in range(layout.count())]
        frames = [f for f in frames if f is not None]  # a dropped entry leaves the layout
        return [f.findChild(QLabel).text() for f in frames]

    assert shown_order() == ["<b>Attendee 1</b>", "<b>Attendee 2</b>", "<b>Attendee 3</b>"]
    assert [e["name"] for e in group.value()] == ["C", "B", "A"]

    group.set_error("Entry 2: wrong")
    group.mark_entry(2, "name", "Not this one")
    marked = next(w for w in group.entries[1][1] if w.field.id == "name")
    assert marked.error.text() == "Not this one" and group.focus_target() is marked.focus_target()
    group.set_error("")
    assert marked.error.isHidden()

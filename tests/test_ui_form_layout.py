"""The guided forms as people see them at 1366×768: every field of a list entry in its own
place with its label, messages that go once answers are fixed, nothing moving under the
pointer, and words that read well in English and French."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.case_forms import case_submissions
from desktop.forms.definition import FormField, load_form_set, shipped_sources
from tests.wizard_helpers import (
    CONSENT_ANSWERS,
    fill,
    open_window,
    registration_answers,
    wait_for_wizard,
)
from ui import i18n
from ui.form_fields import FieldWidget, GroupField
from ui.form_wizard import FormWizard
from ui.session_holder import SessionHolder

FORMS = load_form_set(shipped_sources())
LISTS = [
    (form.id, f.id)
    for form in FORMS.ordered()
    for f in form.all_fields()
    if f.type in ("group", "people")
]


@pytest.fixture
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def _rect(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def _page_of(wizard: FormWizard, form_id: str, field_id: str) -> int:
    return next(
        i
        for i, page in enumerate(wizard.pages)
        if page.form.id == form_id and any(w.field.id == field_id for w in page.fields)
    )


def _wizard(qtbot, holder: SessionHolder, form_id: str) -> FormWizard:
    wizard = FormWizard(
        holder, [FORMS.get(form_id)], lambda _answers: "", draft_key="layout", title="Layout"
    )
    qtbot.addWidget(wizard)
    wizard.resize(1366, 700)
    wizard.show()
    return wizard


def test_the_shipped_forms_have_lists_to_check():
    kinds = {FORMS.get(form_id).field(field_id).type for form_id, field_id in LISTS}
    assert len(LISTS) >= 10 and kinds == {"group", "people"}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_field_of_a_new_list_entry_has_its_own_place_and_label(qtbot, agency, language):
    """After “+ Add”, every question of the entry shows, labelled, and none is drawn on top of
    another: in every list of every form, in both languages."""
    i18n.set_language(language)
    holder = SessionHolder(agency.sign_in("cara"))
    try:
        for form_id, field_id in LISTS:
            wizard = _wizard(qtbot, holder, form_id)
            wizard.go_to(_page_of(wizard, form_id, field_id))
            group = wizard.widget_for(form_id, field_id)
            assert isinstance(group, GroupField)
            assert ":" not in group.add_button.text(), group.add_button.text()
            qtbot.mouseClick(group.add_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda g=group: g.entries and g.entries[-1][0].isVisible())
            QApplication.processEvents()
            shown: list[tuple[str, QRect]] = []
            for sub in group.entries[-1][1]:
                if not sub.isVisibleTo(wizard):
                    continue
                where = f"{form_id}.{field_id}.{sub.field.id} ({language})"
                assert sub.caption.isVisibleTo(wizard) and sub.caption.text().strip(), where
                assert sub.editor.isVisibleTo(wizard), where
                assert sub.editor.width() > 40 and sub.editor.height() > 10, where
                shown.append((where + " label", _rect(sub.caption, wizard)))
                shown.append((where, _rect(sub.editor, wizard)))
            assert len(shown) >= 4, (form_id, field_id)
            for (a, ra), (b, rb) in itertools.combinations(shown, 2):
                assert not ra.intersects(rb), f"{a} overlaps {b}"
            wizard.discard()
    finally:
        i18n.set_language("en")
        holder.session.close()


def _click_where_shown(qtbot, top: QWidget, widget: QWidget) -> None:
    """Click where `widget` appears on screen: on whatever is drawn there, as a person does."""
    point = widget.mapTo(top, widget.rect().center())
    hit = top.childAt(point)
    qtbot.mouseClick(hit, Qt.MouseButton.LeftButton, pos=hit.mapFrom(top, point))


def test_a_caregivers_phone_typed_in_its_field_is_saved_as_the_phone(qtbot, agency):
    window = open_window(qtbot, agency)
    window.new_case_action.trigger()
    wizard = wait_for_wizard(qtbot, window)
    wizard.activateWindow()
    fill(wizard, "registration", registration_answers("Imani", "Mwangi"))
    fill(wizard, "consent", CONSENT_ANSWERS)
    wizard.go_to(_page_of(wizard, "registration", "caregivers"))
    people = wizard.widget_for("registration", "caregivers")
    assert people.add_button.text() == "+ Add a person"
    people.add_button.setFocus()
    qtbot.keyClick(people.add_button, Qt.Key.Key_Space)
    name, relationship, contact = (w.focus_target() for w in people.entries[0][1])
    assert QApplication.focusWidget() is name
    qtbot.waitUntil(contact.isVisible)
    qtbot.keyClicks(name, "Marie Uwase")
    _click_where_shown(qtbot, wizard, relationship)
    qtbot.keyClicks(QApplication.focusWidget(), "mother")
    _click_where_shown(qtbot, wizard, contact)
    qtbot.keyClicks(QApplication.focusWidget(), "+250 788 000 111, via the school")
    with qtbot.waitSignal(wizard.saved, timeout=10000) as saved:
        qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    subs = case_submissions(window.holder.session, saved.args[0])
    registration = next(s for s in subs if s.form_id == "registration")
    assert registration.answers["caregivers"] == [
        {
            "name": "Marie Uwase",
            "relationship": "mother",
            "contact": "+250 788 000 111, via the school",
        }
    ]


def _people_field() -> FormField:
    return FORMS.get("registration").field("caregivers")


def test_people_fields_are_labelled_in_french(qtbot, french):
    group = GroupField(_people_field())
    qtbot.addWidget(group)
    group.show()
    qtbot.mouseClick(group.add_button, Qt.MouseButton.LeftButton)
    captions = [w.caption.text() for w in group.entries[0][1]]
    assert captions == ["Nom *", "Lien avec l'enfant", "Téléphone ou autre moyen de contact"]
    assert group.add_button.text() == "+ Ajouter une personne"
    assert all(isinstance(w, FieldWidget) for w in group.entries[0][1])


def test_a_radio_below_a_question_that_comes_and_goes_stays_under_the_pointer(qtbot, agency):
    """“Someone else” shows “Name of the visitor”: the place's answers below must not move,
    or the next click lands on another place."""
    holder = SessionHolder(agency.sign_in("cara"))
    try:
        wizard = _wizard(qtbot, holder, "follow_up_visit")
        visited_by = wizard.widget_for("follow_up_visit", "visited_by")
        school = wizard.widget_for("follow_up_visit", "place").buttons[1]
        name = wizard.widget_for("follow_up_visit", "visitor_name")
        qtbot.mouseClick(visited_by.buttons[0], Qt.MouseButton.LeftButton)  # the caseworker
        qtbot.waitUntil(lambda: not name.isVisible())
        qtbot.wait(100)  # the layout settles
        where = school.mapToGlobal(QPoint(0, 0))
        qtbot.mouseClick(visited_by.buttons[2], Qt.MouseButton.LeftButton)  # someone else
        qtbot.waitUntil(name.isVisible)
        qtbot.wait(100)
        assert school.mapToGlobal(QPoint(0, 0)) == where
        wizard.discard()
    finally:
        holder.session.close()


def test_the_missing_answers_message_goes_once_they_are_answered(qtbot, agency):
    holder = SessionHolder(agency.sign_in("cara"))
    try:
        wizard = _wizard(qtbot, holder, "follow_up_visit")
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        assert wizard.message.text().startswith("Some answers are missing")
        visited_by = wizard.widget_for("follow_up_visit", "visited_by")
        error = visited_by.error
        below = wizard.widget_for("follow_up_visit", "place").buttons[0]
        where = below.mapToGlobal(QPoint(0, 0))
        qtbot.mouseClick(visited_by.buttons[0], Qt.MouseButton.LeftButton)
        assert error.isHidden()
        assert wizard.message.text().startswith("Some answers are missing")  # the place is not
        qtbot.wait(100)
        assert below.mapToGlobal(QPoint(0, 0)) == where  # the mended message kept its line
        qtbot.mouseClick(below, Qt.MouseButton.LeftButton)
        assert wizard.message.text() == ""
        wizard.discard()
    finally:
        holder.session.close()


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [
        ("en", "1 of 9 questions answered", "2 of 9 questions answered"),
        ("fr", "1 réponse sur 9 questions", "2 réponses sur 9 questions"),
    ],
)
def test_the_progress_counts_answers_in_good_grammar(qtbot, agency, language, one, many):
    i18n.set_language(language)
    holder = SessionHolder(agency.sign_in("cara"))
    try:
        wizard = _wizard(qtbot, holder, "follow_up_visit")
        assert wizard.progress.value() == 1  # the date of the visit: today
        assert wizard.progress_text.text() == one.replace("9", str(wizard.progress.maximum()))
        qtbot.mouseClick(
            wizard.widget_for("follow_up_visit", "visited_by").buttons[0],
            Qt.MouseButton.LeftButton,
        )
        assert wizard.progress_text.text() == many.replace("9", str(wizard.progress.maximum()))
        wizard.discard()
    finally:
        i18n.set_language("en")
        holder.session.close()


@pytest.mark.parametrize(
    ("language", "keep", "discard"),
    [("en", "&Keep as draft", "&Discard what I typed"), ("fr", "&Garder en brouillon", None)],
)
def test_closing_a_form_says_that_save_keeps_only_a_draft(qtbot, agency, language, keep, discard):
    i18n.set_language(language)
    holder = SessionHolder(agency.sign_in("cara"))
    seen: list[tuple[str, ...]] = []

    def answer() -> None:
        from PySide6.QtWidgets import QMessageBox

        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
        seen.append(tuple(b.text() for b in box.buttons()))
        box.button(QMessageBox.StandardButton.Cancel).click()

    try:
        wizard = _wizard(qtbot, holder, "follow_up_visit")
        qtbot.mouseClick(
            wizard.widget_for("follow_up_visit", "visited_by").buttons[0],
            Qt.MouseButton.LeftButton,
        )
        from PySide6.QtCore import QTimer

        QTimer.singleShot(200, answer)
        wizard.reject()
        assert wizard.isVisible()  # "Go on typing": still open
        assert keep in seen[0] and "Save" not in seen[0] and "&Enregistrer" not in seen[0]
        if discard:
            assert discard in seen[0]
        wizard.discard()
    finally:
        i18n.set_language("en")
        holder.session.close()


# -- the case plan: goals and the first review ------------------------------------------------


def _type_goal(qtbot, goals: GroupField, text: str) -> None:
    qtbot.mouseClick(goals.add_button, Qt.MouseButton.LeftButton)
    area, goal = goals.entries[-1][1]
    area.set_value(area.options[0][0] if area.combo is None else area.combo.itemData(1))
    qtbot.keyClicks(goal.focus_target(), text)


def test_an_action_picks_its_goal_from_the_goals_written_before(qtbot, agency):
    holder = SessionHolder(agency.sign_in("cara"))
    try:
        wizard = _wizard(qtbot, holder, "case_plan")
        goals = wizard.widget_for("case_plan", "goals")
        _type_goal(qtbot, goals, "Amani is safe at home")
        _type_goal(qtbot, goals, "Amani goes to school every day")
        wizard.go_to(_page_of(wizard, "case_plan", "actions"))
        actions = wizard.widget_for("case_plan", "actions")
        qtbot.mouseClick(actions.add_button, Qt.MouseButton.LeftButton)
        pick = actions.entries[0][1][0]
        combo = pick.focus_target()
        assert [combo.itemText(i) for i in range(combo.count())] == [
            "Choose…",
            "1. Amani is safe at home",
            "2. Amani goes to school every day",
        ]
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert wizard.answers["case_plan"]["actions"] == [{"goal_number": 2}]

        # The first goal is removed: the action still serves the school goal, now number 1.
        wizard.go_to(_page_of(wizard, "case_plan", "goals"))
        remove = goals.entries[0][0].findChildren(type(goals.add_button))[0]
        assert remove.text() == "Remove"
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
        assert wizard.answers["case_plan"]["actions"] == [{"goal_number": 1}]
        assert combo.currentText() == "1. Amani goes to school every day"
        # A goal written later is offered at once.
        _type_goal(qtbot, goals, "The family has an income")
        assert combo.findText("2. The family has an income") == 2
        # Its goal removed, the action serves none and says so.
        remove = goals.entries[0][0].findChildren(type(goals.add_button))[0]
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
        assert wizard.answers["case_plan"]["actions"] is None
        assert combo.currentText() == "Choose…"
        wizard.discard()
    finally:
        holder.session.close()


def test_a_late_first_review_is_flagged_at_the_field_until_a_reason_is_given(qtbot, agency):
    from desktop import cases
    from tests.stories import assessed_case, day, plan
    from tests.wizard_helpers import open_case_file

    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        cases.update_case(us, uuid, risk="high")
        answers = plan(us, review_in=150)
    answers.pop("review_later_reason", None)
    window = open_window(qtbot, agency)
    open_case_file(qtbot, window, uuid)
    window.cases.fill_form(uuid, "case_plan")
    wizard = wait_for_wizard(qtbot, window)
    fill(wizard, "case_plan", answers)
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    review = wizard.widget_for("case_plan", "review_date")
    assert wizard.section_title.text() == "Review and closure"
    assert "interval for this child's risk ends on" in review.error.text()
    assert review.error.isVisibleTo(wizard)
    reason = wizard.widget_for("case_plan", "review_later_reason")
    assert "say why it must wait" in reason.error.text()
    qtbot.keyClicks(reason.focus_target(), "The family is away for the harvest.")
    assert review.error.isHidden() and reason.error.isHidden()
    assert wizard.message.text() == ""
    review.set_value(day(20))
    assert review.error.isHidden()
    wizard.discard()

"""The dialog that schedules a case conference, shown and filled in by keyboard alone, as a
person does: every field can be reached by its letter and is seen before it is typed into."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from desktop.forms.definition import load_form_set, shipped_sources
from ui.conferences import ScheduleDialog


@pytest.fixture(scope="module")
def conference_form():
    return load_form_set(shipped_sources()).get("case_conference")


def _shown(qtbot, dialog: ScheduleDialog) -> ScheduleDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    return dialog


def _type(qtbot, dialog: ScheduleDialog, letter: str, text: str):  # type: ignore[no-untyped-def]
    """Alt+letter, as underlined in the label, then type: returns the field the words went to."""
    qtbot.keyClick(dialog, letter, Qt.KeyboardModifier.AltModifier)
    field = dialog.focusWidget()
    assert field is not None and field.isVisibleTo(dialog)
    qtbot.keyClicks(field, text)
    return field


def _label_of(dialog: ScheduleDialog, field) -> str:  # type: ignore[no-untyped-def]
    labels = [w for w in dialog.findChildren(QLabel) if w.buddy() is field and w.isVisible()]
    assert len(labels) == 1, "each field has one visible label"
    return labels[0].text()


def test_a_conference_is_scheduled_by_keyboard_with_its_place_chair_and_purpose(
    qtbot, conference_form
):
    dialog = _shown(qtbot, ScheduleDialog(conference_form))
    assert not dialog.ok.isEnabled()  # a place and a chair are needed
    place = _type(qtbot, dialog, "p", "District office, room 2")
    assert place is dialog.place and _label_of(dialog, place) == "&Place:"
    assert not dialog.ok.isEnabled()  # still no chair
    chair = _type(qtbot, dialog, "h", "Sam Supervisor")
    assert chair is dialog.chair and _label_of(dialog, chair) == "C&haired by:"
    qtbot.keyClick(dialog, "u", Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.purpose
    while dialog.purpose.currentData() != "other":  # the last purpose, one arrow at a time
        qtbot.keyClick(dialog.purpose, Qt.Key.Key_Down)
    assert not dialog.ok.isEnabled()  # "other" needs to say which
    other = _type(qtbot, dialog, "w", "Plan the return to school")
    assert other is dialog.other and _label_of(dialog, other) == "&Which other purpose:"
    assert dialog.ok.isEnabled()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    _, where, who, purpose, why = dialog.values()
    assert (where, who, purpose, why) == (
        "District office, room 2",
        "Sam Supervisor",
        "other",
        "Plan the return to school",
    )


def test_the_place_has_the_focus_when_the_dialog_opens_and_escape_schedules_nothing(
    qtbot, conference_form
):
    dialog = _shown(qtbot, ScheduleDialog(conference_form, chair="Sam Supervisor"))
    assert dialog.focusWidget() is dialog.place and dialog.place.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.focusWidget(), "Children's desk, police station")
    assert dialog.ok.isEnabled()  # the supervisor chairs: the place was all that was missing
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected

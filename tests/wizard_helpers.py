"""Filling the guided forms in widget tests, as a person would see them filled."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ui.form_wizard import FormWizard


def wait_for_wizard(qtbot, window) -> FormWizard:
    """The form the window opened (forms load off the UI thread, so it may come a moment
    later). Saved or closed forms are hidden, so the open one is the visible one."""

    def open_ones() -> list[FormWizard]:
        return [w for w in window.findChildren(FormWizard) if w.isVisible()]

    qtbot.waitUntil(lambda: len(open_ones()) == 1, timeout=10000)
    return open_ones()[0]


def registration_answers(given: str, family: str, sex: str = "female") -> dict[str, object]:
    return {
        "given_name": given,
        "family_name": family,
        "sex": sex,
        "birth_date": {"date": date(date.today().year - 8, 3, 14).isoformat(), "estimated": False},
        "location": "Nyamirambo, Kigali",
        "care_arrangement": "one_parent",
        "concerns": ["neglect"],
        "concerns_notes": "Often alone at night.",
        "immediate_priorities": "Speak with the mother.",
        "registration_place": "District office",
        "referred_by": "self_referral",
    }


CONSENT_ANSWERS = {
    "caregiver_asked": True,
    "caregiver_interview": "given",
    "caregiver_sharing": "given",
    "caregiver_services": "given",
    "caregiver_consent": {"by": "Mother", "method": "written", "date": date.today().isoformat()},
    "child_asked": False,
    "child_not_asked_reason": "Asleep at the visit.",
    "share_with": [{"organisation": "Health centre", "service": "health"}],
}


def fill(wizard: FormWizard, form_id: str, answers: dict[str, object]) -> None:
    """Put answers in the form's questions, through the same widgets a person uses."""
    for field_id, value in answers.items():
        wizard.widget_for(form_id, field_id).set_value(value)


def register_through_wizard(
    qtbot, window, given: str, family: str, sex: str = "female"
) -> FormWizard:
    window.new_case_action.trigger()
    wizard = wait_for_wizard(qtbot, window)
    fill(wizard, "registration", registration_answers(given, family, sex))
    fill(wizard, "consent", CONSENT_ANSWERS)
    with qtbot.waitSignal(wizard.saved, timeout=10000):
        qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    return wizard


def case_files(window) -> list:
    """The case files open in the main window, in tab order."""
    from ui.case_file import CaseFileWidget

    found = (window.tabs.widget(i) for i in range(window.tabs.count()))
    return [w for w in found if isinstance(w, CaseFileWidget)]

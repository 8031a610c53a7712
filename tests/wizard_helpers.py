"""Driving the window in widget tests as a person would: signing in, setting up an agency,
opening a case file, filling the guided forms, reading a previewed document."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from tests.conftest import PASSWORD
from ui.first_run import FirstRunWizard
from ui.form_wizard import FormWizard
from ui.login import LoginWidget
from ui.main_window import MainWindow

TIMEOUT = 10000


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


def close_form(qtbot, wizard: FormWizard, *, keep_draft: bool) -> None:
    """Press Escape on a form; asked whether to keep what was typed, say Save or Discard."""
    answer = QMessageBox.StandardButton.Save if keep_draft else QMessageBox.StandardButton.Discard
    wizard.ask_close = lambda: answer
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=TIMEOUT)


def case_files(window) -> list:
    """The case files open in the main window, in tab order."""
    from ui.case_file import CaseFileWidget

    found = (window.tabs.widget(i) for i in range(window.tabs.count()))
    return [w for w in found if isinstance(w, CaseFileWidget)]


# -- the window -------------------------------------------------------------------------------


@contextmanager
def change_shown(qtbot, window, timeout: int = 10000) -> Iterator[object]:
    """Around a change made from the open case file: wait until that same file shows it again."""
    case = case_files(window)[0]
    with qtbot.waitSignal(case.refreshed, timeout=timeout):
        yield case


def sign_in(qtbot, folder, username, password=PASSWORD):
    login = LoginWidget(folder)
    qtbot.addWidget(login)
    login.show()
    qtbot.keyClicks(login.username, username)
    qtbot.keyClicks(login.password, password)
    with qtbot.waitSignal(login.signed_in, timeout=10000, raising=False) as signal:
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert signal.signal_triggered, login.message.text()
    return signal.args[0]


def open_window(qtbot, agency, username="cara"):
    session = sign_in(qtbot, agency.folder, username)
    window = MainWindow(session, agency.folder)
    window.ask_quit = lambda: True  # a failing test must not leave a question on screen
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.counts.text() != "", timeout=10000)
    return window


def answer_real_dialog(qtbot, window, keys) -> list:
    """The real dialog is shown (modal, as a person sees it); `keys(dialog)` is what they press."""
    seen: list = []

    def ask(dialog) -> bool:
        seen.append(dialog)

        def press() -> None:
            if not dialog.isActiveWindow():  # shown and in front, as it is on a person's screen
                dialog.activateWindow()
                QTimer.singleShot(20, press)
                return
            keys(dialog)

        QTimer.singleShot(0, press)
        return bool(dialog.exec())

    window.activateWindow()  # the window a dialog closed over is active again (a window manager's
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)  # job; offscreen, the test's)
    window.ask_dialog = ask
    return seen


def open_case_file(qtbot, window, uuid: str):
    window.cases.open_case(uuid)
    qtbot.waitUntil(lambda: len(case_files(window)) == 1, timeout=TIMEOUT)
    return case_files(window)[0]


def shown(window) -> list:
    """What the window put on screen beside itself (previews, signed copies)."""
    found: list = []
    window.show_preview = lambda widget: (found.append(widget), widget.show())
    return found


def preview_pdf(preview) -> bytes:
    """The document a preview shows (the bytes it would print or save)."""
    return preview.pdf


# -- setting up an agency ----------------------------------------------------------------------


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_agency(qtbot, w: FirstRunWizard) -> None:
    click(qtbot, w.setup_choice)
    assert w.pages.currentWidget() is w.agency_page
    qtbot.keyClicks(w.agency_name, "Gasabo District Office")
    qtbot.keyClicks(w.agency_code, "kgl")
    qtbot.keyClicks(w.country, "Rwanda")
    qtbot.keyClicks(w.district, "Gasabo")


def fill_admin(qtbot, w: FirstRunWizard) -> None:
    qtbot.keyClicks(w.username, "admin")
    qtbot.keyClicks(w.full_name, "Alice Uwimana")
    qtbot.keyClicks(w.password, PASSWORD)
    qtbot.keyClicks(w.again, PASSWORD)


def tick(qtbot, checkbox) -> None:  # type: ignore[no-untyped-def]
    # On the box itself: the check box stretches across the page, its middle may be empty.
    qtbot.mouseClick(checkbox, Qt.MouseButton.LeftButton, pos=QPoint(8, checkbox.height() // 2))

"""Driving the window in widget tests as a person would: signing in, setting up an agency,
opening a case file, filling the guided forms, reading a previewed document."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop.session import UserSession
from tests.conftest import PASSWORD
from ui.admin import AdminDialog
from ui.background import wait_for_background
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
    """Put answers in the form's questions, through the same widgets a person uses: each
    question's section is chosen in the list on the left first, as a person would, and a
    question that is not on screen or greyed out is refused (a person could not answer it)."""
    for field_id, value in answers.items():
        widget = wizard.widget_for(form_id, field_id)
        page = next(p for p in wizard.pages if widget in p.fields)
        if page.item.isHidden():
            raise AssertionError(f"{form_id}.{field_id}: its section is not shown")
        if wizard.steps.currentItem() is not page.item:
            wizard.steps.setCurrentItem(page.item)  # a click on the section's name
        usable(wizard, widget, f"{form_id}.{field_id}")
        widget.set_value(value)


def usable(dialog: QWidget, widget: QWidget, name: str = "") -> None:
    """Refuse a widget the person in front of `dialog` could not use: not shown (on another
    page, under a question that does not apply, in a dialog never opened) or greyed out."""
    name = name or widget.objectName() or type(widget).__name__
    if not dialog.isVisible() or not widget.isVisibleTo(dialog):
        raise AssertionError(f"{name} is not on screen: a person could not use it")
    if not widget.isEnabled():
        raise AssertionError(f"{name} is greyed out: a person could not use it")


def type_into(qtbot, dialog: QWidget, widget: QWidget, text: str) -> None:
    """Click into a field that is on screen, replace what it holds and type `text`."""
    usable(dialog, widget)
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def press(qtbot, dialog: QWidget, button: QWidget) -> None:
    """Click a button that is on screen and not greyed out."""
    usable(dialog, button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


TAB, BACKTAB, ENTER, ESCAPE, SPACE, DOWN, UP = (
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Return,
    Qt.Key.Key_Escape,
    Qt.Key.Key_Space,
    Qt.Key.Key_Down,
    Qt.Key.Key_Up,
)


def activate(qtbot, window: QWidget) -> None:
    """Bring `window` to the front, as a click on its title bar would: keys go to it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)


def keyboard(qtbot, *strokes: object) -> None:
    """Type on the keyboard alone: each text is typed and each key pressed where the focus is
    at that moment (Tab moves it, Enter presses the default button). A modifier goes with its
    key as a tuple: (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)."""
    for stroke in strokes:
        focus = QApplication.focusWidget()
        assert focus is not None, f"nothing has the keyboard's focus before {stroke!r}"
        if isinstance(stroke, str):
            qtbot.keyClicks(focus, stroke)
        elif isinstance(stroke, tuple):
            qtbot.keyClick(focus, stroke[0], stroke[1])
        else:
            qtbot.keyClick(focus, stroke)


@contextmanager
def dialogs_answered(qtbot, *answers, timeout: int = TIMEOUT) -> Iterator[list[QWidget]]:
    """Around what opens dialogs (a modal one waits in its own event loop, as for a person):
    each dialog that comes on screen is handed, once shown, to the next `answer(dialog)`, which
    uses it as a person would (fields checked on screen before typing, buttons or keys pressed
    to close it). At the end every answer must have been used, and each dialog closed. A
    failing answer closes its dialog first, so a test fails instead of waiting forever."""
    pending = list(answers)
    seen: list[QWidget] = []
    errors: list[BaseException] = []
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}

    def new_dialog() -> QWidget | None:
        return next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog)
                and w.isVisible()
                and id(w) not in before
                and all(w is not d for d in seen)
            ),
            None,
        )

    def look() -> None:
        if not pending or errors:
            return
        dialog = new_dialog()
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        seen.append(dialog)
        answer = pending.pop(0)
        try:
            qtbot.waitExposed(dialog)
            activate(qtbot, dialog)  # a window manager gives a new dialog the keyboard
            answer(dialog)
        except BaseException as e:  # noqa: BLE001 - handed to the test below
            errors.append(e)
            dialog.reject()
        if pending:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    yield seen
    if not errors:
        try:
            qtbot.waitUntil(lambda: not pending or bool(errors), timeout=timeout)
        except qtbot.TimeoutError:
            raise AssertionError(f"{len(pending)} dialog(s) the test answers never came") from None
    if errors:
        raise errors[0]
    qtbot.waitUntil(lambda: not any(d.isVisible() for d in seen), timeout=timeout)


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
    qtbot.waitExposed(login)
    usable(login, login.username)
    qtbot.keyClicks(login.username, username)
    usable(login, login.password)
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
    """A click on a button a person can click: one that is enabled."""
    assert button.isEnabled(), button.text()
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


# -- the administration dialog ------------------------------------------------------------------


@dataclass
class Opened:
    dialog: AdminDialog
    session: UserSession
    errors: list[BaseException] = field(default_factory=list)
    closed: bool = False

    def close(self) -> None:
        """Close the dialog and sign out, as the main window would."""
        if not self.closed:
            wait_for_background()
            self.dialog.hide()  # a hidden dialog closes without asking about unsaved settings
            self.session.close()
            self.dialog.deleteLater()
            self.closed = True


def choose_row(qtbot, dialog: AdminDialog, username: str) -> None:
    """Click the person's row in the table, as an administrator would."""
    page = dialog.users
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(username), 0)).row()
    assert row >= 0, username
    rect = page.table.visualRect(page.proxy.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_user().username == username

"""What every feature controller shares: the window it acts in and the signed-in person."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt

from desktop.session import UserSession
from ui.case_file import ReasonDialog
from ui.form_wizard import FormWizard
from ui.operations import SessionOp

if TYPE_CHECKING:
    from ui.main_window import MainWindow

T = TypeVar("T")


class Flow(QObject):
    """A feature's controller. It asks the person through the window's `ask_*` methods (tests
    answer there in the person's place) and never keeps a session: `self.holder.session` is read
    when work starts."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.holder = window.holder

    def op(self, work: Callable[[UserSession], T]) -> SessionOp[T]:
        """Work for the signed-in person, reported back to the window."""
        return SessionOp(self.window, self.holder, work)

    def ask_reason(self, title: str, prompt: str) -> str | None:
        """A reason or a comment, asked through the window (None: the person cancelled)."""
        dialog = ReasonDialog(title, prompt, parent=self.window)
        if not self.window.ask_dialog(dialog):
            return None
        return dialog.text.toPlainText()

    def show_wizard(self, wizard: FormWizard) -> None:
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.offer_draft()
        wizard.show()

    def raise_wizard(self, draft_key: str) -> bool:
        """Bring forward the form already open under `draft_key`, if there is one."""
        for existing in self.window.findChildren(FormWizard):
            if existing.draft_key == draft_key:
                existing.raise_()
                existing.activateWindow()
                return True
        return False

"""Finding one's way in the window: where a person starts after signing in, the help page of the
screen shown (F1), and the language, chosen after sign-in too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QStyle, QToolBar, QToolButton

from desktop.vocabulary import Role
from ui import i18n
from ui.case_file import CaseFileWidget
from ui.flows.base import Flow
from ui.help import page as help_page

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class GuidanceFlow(Flow):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        # The language, after sign-in too: each person's own, applied and saved at once.
        self.menu = QMenu(window)
        self.languages = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            choice = self.menu.addAction(name)
            choice.setData(code)
            choice.setCheckable(True)
            self.languages.addAction(choice)
        self.languages.triggered.connect(self.choose_language)
        self.menu.aboutToShow.connect(self._check_language)
        icon = window.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
        self.language_action = QAction(icon, "", window, menu=self.menu)

    @staticmethod
    def fit(bar: QToolBar, *actions: QAction) -> None:
        """Icons only for `actions` (their names in the tooltips): in French the toolbar must
        still show Lock and Sign out at 1366 pixels."""
        for made in actions:
            button = bar.widgetForAction(made)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
                if made.menu() is not None:
                    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def land(self) -> None:
        """Where a person starts after signing in: an administrator who works on no cases
        starts in Administration (the case list can never show them anything)."""
        user = self.holder.session.user
        if user.is_administrator and not user.roles & {Role.CASEWORKER, Role.SUPERVISOR}:
            QTimer.singleShot(0, self._land_in_administration)

    def _land_in_administration(self) -> None:
        window = self.window
        if not window.locked and not self.holder.is_closed and window.isVisible():
            window.admin_action.trigger()

    def show_help(self) -> None:
        """F1: what the screen shown is for, and its keys."""
        window = self.window
        widget = window.tabs.currentWidget()
        if widget is window.tasks:
            screen = "tasks"
        elif widget is window.queue:
            screen = "queue"
        elif isinstance(widget, CaseFileWidget):
            screen = "case"
        else:
            screen = "cases"
        window.tell(*help_page(screen))

    def _check_language(self) -> None:
        for choice in self.languages.actions():
            choice.setChecked(choice.data() == i18n.current_language())

    def choose_language(self, choice: QAction) -> None:
        window = self.window
        if window.locked or choice.data() == i18n.current_language():
            return
        i18n.choose_language(str(choice.data()), self.holder.session.user.username)
        # The lists and case files were built in the other language: built again, and the
        # open case files opened again (forms in their own windows keep their typing).
        shown = [window.tabs.widget(i) for i in range(window.tabs.count())]
        open_cases = [w.uuid for w in shown if isinstance(w, CaseFileWidget)]
        window.start_workspace()
        for uuid in open_cases:
            window.cases.open_case(uuid)

"""A residential care facility in the window: its "Who is here" tab, first for facility staff
(their whole work: the children placed there and the daily log), on demand for supervisors and
managers. The window registers this flow with its toolbar; the flow fills its part of each new
workspace itself, right after the window's own (`SessionHolder.replaced`, queued)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar

from desktop.vocabulary import Role
from ui.facility import FacilityWidget
from ui.flows.base import Flow

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# Who has the "Who is here" screen; facility staff have nothing else to work on.
ROLES = frozenset({Role.FACILITY_STAFF, Role.SUPERVISOR, Role.MANAGER})


class FacilityFlow(Flow):
    def __init__(self, window: MainWindow, bar: QToolBar, before: QAction) -> None:
        super().__init__(window)
        self.widget: FacilityWidget | None = None
        icon = window.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
        self.action = QAction(icon, "", window, triggered=self.show)
        self.action.setShortcut(QKeySequence("Ctrl+H"))
        bar.insertAction(before, self.action)
        window.installEventFilter(self)  # the language changes: the action and the tab say so
        self._retranslate()
        # After the window's own start of a workspace (made when the window is, and again when
        # another person unlocks it): queued, so the window's tabs are there first.
        self.holder.replaced.connect(self._replaced, Qt.ConnectionType.QueuedConnection)
        QTimer.singleShot(0, self.start)

    def _replaced(self, _session: object) -> None:
        self.start()

    def start(self) -> None:
        """Facility staff start on their facility, and see no case list (no case is theirs)."""
        if self.holder.is_locked or self.holder.is_closed:
            return
        old, self.widget = self.widget, None  # the previous person's, if the window kept it
        if old is not None and shiboken6.isValid(old) and self.window.tabs.indexOf(old) < 0:
            old.deleteLater()
        roles = self.holder.session.user.roles
        self.action.setVisible(bool(roles & ROLES))
        only_staff = roles == {Role.FACILITY_STAFF}
        self.window.tabs.setTabVisible(0, not only_staff)
        self.window.cases_action.setVisible(not only_staff)
        if Role.FACILITY_STAFF in roles:
            self.show()

    def show(self) -> None:
        tabs = self.window.tabs
        if self.widget is None:
            self.widget = FacilityWidget(self.holder, tabs)
            self.widget.open_case.connect(self.window.cases.open_case)
        index = tabs.indexOf(self.widget)
        if index < 0:
            index = tabs.insertTab(1, self.widget, self.tr("Who is here"))
            tabs.tabBar().setTabButton(index, tabs.tabBar().ButtonPosition.RightSide, None)
        tabs.setCurrentIndex(index)
        self.widget.refresh()
        self.widget.residents.setFocus()

    def _retranslate(self) -> None:
        self.action.setText(self.tr("&Who is here"))
        shortcut = self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.action.setToolTip(f"{self.tr('Who is here')} ({shortcut})")
        if self.widget is not None and self.window.tabs.indexOf(self.widget) >= 0:
            self.window.tabs.setTabText(
                self.window.tabs.indexOf(self.widget), self.tr("Who is here")
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

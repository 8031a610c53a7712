"""The Dashboard in the window (Ctrl+I): the Standard 15 indicators, caseloads and overdue work
of ui/dashboard.py, for supervisors and managers. The window registers this flow with its
toolbar; the flow shows or hides its action for each person who signs in (`SessionHolder.replaced`,
queued, after the window's own start of the workspace)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar

from desktop.vocabulary import Role
from ui.flows.base import Flow

if TYPE_CHECKING:
    from ui.dashboard import DashboardWidget
    from ui.main_window import MainWindow

ROLES = frozenset({Role.SUPERVISOR, Role.MANAGER})


class DashboardFlow(Flow):
    def __init__(self, window: MainWindow, bar: QToolBar, before: QAction) -> None:
        super().__init__(window)
        icon = window.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogInfoView)
        self.action = QAction(icon, "", window, triggered=self.show)
        self.action.setShortcut(QKeySequence("Ctrl+I"))
        bar.insertAction(before, self.action)
        window.installEventFilter(self)  # the language changes: the action and the tab say so
        self._retranslate()
        self.holder.replaced.connect(self._replaced, Qt.ConnectionType.QueuedConnection)
        QTimer.singleShot(0, self.start)

    def _replaced(self, _session: object) -> None:
        self.start()

    def start(self) -> None:
        if self.holder.is_locked or self.holder.is_closed:
            return
        self.action.setVisible(bool(self.holder.session.user.roles & ROLES))

    def _open(self) -> DashboardWidget | None:
        # Its code is imported by the first who opens it: until then no Dashboard is open (and
        # the window, made at every sign-in, does not import it to find that out).
        module = sys.modules.get("ui.dashboard")
        if module is None:
            return None
        tabs = self.window.tabs
        found = (tabs.widget(i) for i in range(tabs.count()))
        return next((w for w in found if isinstance(w, module.DashboardWidget)), None)

    def show(self) -> None:
        if not self.action.isVisible():
            return
        from ui.dashboard import DashboardWidget

        tabs = self.window.tabs
        dashboard = self._open()
        if dashboard is None:
            dashboard = DashboardWidget(self.holder, tabs)
            dashboard.open_case.connect(self.window.cases.open_case)
            tabs.addTab(dashboard, self.tr("Dashboard"))
        else:
            dashboard.refresh()
        tabs.setCurrentWidget(dashboard)
        dashboard.tiles["15.1"].setFocus()

    def _retranslate(self) -> None:
        self.action.setText(self.tr("&Dashboard"))
        shortcut = self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.action.setToolTip(f"{self.tr('Dashboard')} ({shortcut})")
        dashboard = self._open()
        if dashboard is not None:
            self.window.tabs.setTabText(self.window.tabs.indexOf(dashboard), self.tr("Dashboard"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

"""The window a caseworker lives in: it hosts the case list, task views and opened case files as
tabs, the toolbar's actions, and the lock screen.

What a person does is in `ui.flows` (one controller per feature); who is signed in is in
`self.holder` (`ui.session_holder`); work runs through `ui.operations`. The `ask_*`, `tell` and
`show_preview` methods are where the window asks or tells the person something: tests answer
there in the person's place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import accounts, agency
from desktop.session import UserSession
from desktop.vocabulary import Role
from ui.background import wait_for_background
from ui.case_file import CaseFileWidget
from ui.case_list import CaseListWidget
from ui.common import ROLES, fit_to_screen, label, show_error
from ui.exchange import BackupBanner
from ui.flows.administration import AdministrationFlow
from ui.flows.attachments import AttachmentFlow
from ui.flows.cases import CaseFlow
from ui.flows.conferences import ConferenceFlow
from ui.flows.dashboard import DashboardFlow
from ui.flows.documents import DocumentFlow
from ui.flows.exchange import ExchangeFlow
from ui.flows.facility import FacilityFlow
from ui.flows.guidance import GuidanceFlow
from ui.form_wizard import FormWizard
from ui.idle import IdleWatcher
from ui.login import ChangePasswordDialog, LoginWidget
from ui.prompts import Prompts
from ui.session_holder import SessionHolder
from ui.tasks import SupervisorQueueWidget, TasksWidget


class MainWindow(QMainWindow, Prompts):
    signed_out = Signal()

    def __init__(
        self,
        session: UserSession,
        folder: Path,
        *,
        demo_password: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.holder = SessionHolder(session, self)
        self.folder = folder
        self.demo_password = demo_password
        self.tasks: TasksWidget | None = None  # made when first shown
        self.queue: SupervisorQueueWidget | None = None
        fit_to_screen(self, share=1.0)  # the whole screen, its frame included
        self.cases = CaseFlow(self)
        self.documents = DocumentFlow(self)
        self.attachments = AttachmentFlow(self)
        self.conferences = ConferenceFlow(self)
        self.exchange = ExchangeFlow(self)
        self.admin = AdministrationFlow(self)
        self.guide = GuidanceFlow(self)

        self.stack = QStackedWidget()
        self.tabs = QTabWidget(objectName="workspace", tabsClosable=True, documentMode=True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        # "N cases shown" is the case list's: it shows with that tab only.
        self.tabs.currentChanged.connect(lambda index: self.counts.setVisible(index == 0))
        self.lock_screen: LoginWidget | None = None
        self.backup_banner = BackupBanner()
        self.backup_banner.back_up.connect(self.exchange.back_up)
        self.workspace = QWidget()
        column = QVBoxLayout(self.workspace)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.backup_banner)
        column.addWidget(self.tabs, 1)
        self.stack.addWidget(self.workspace)
        self.setCentralWidget(self.stack)

        self.counts = QLabel(objectName="counts")
        self.who = QLabel(objectName="who")
        self.statusBar().addWidget(self.counts, 1)
        self.statusBar().addPermanentWidget(self.who)
        self._build_actions()

        settings = agency.load_settings(session)
        self.deadlines = settings.deadlines
        self.idle = IdleWatcher(settings.idle_minutes, self)
        self.idle.idle.connect(self.lock)
        self.holder.unlocked.connect(lambda _session: self._welcome_back())
        self.holder.replaced.connect(lambda _session: self.start_workspace())
        self.start_workspace()

    @property
    def session(self) -> UserSession:
        """The signed-in person now (read from the holder, never kept)."""
        return self.holder.session

    @property
    def locked(self) -> bool:
        return self.holder.is_locked

    # -- set-up -----------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        icon, key = QStyle.StandardPixmap, QKeySequence

        def action(
            pixmap: QStyle.StandardPixmap,
            slot: Callable[[], object],
            shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        ) -> QAction:
            made = QAction(self.style().standardIcon(pixmap), "", self, triggered=slot)
            if shortcut is not None:
                made.setShortcut(shortcut)
            return made

        self.new_case_action = action(icon.SP_FileIcon, self.cases.new_case, key.StandardKey.New)
        self.cases_action = action(icon.SP_FileDialogListView, self.show_cases, key("Ctrl+F"))
        self.admin_action = action(icon.SP_FileDialogDetailedView, self.admin.administration)
        self.tasks_action = action(icon.SP_DialogApplyButton, self.show_tasks, key("Ctrl+T"))
        self.queue_action = action(icon.SP_FileDialogContentsView, self.show_queue, key("Ctrl+D"))
        self.providers_action = action(icon.SP_DirHomeIcon, self.admin.service_providers)
        self.import_action = action(icon.SP_ArrowDown, self.exchange.import_package)
        self.backup_action = action(icon.SP_DriveFDIcon, self.exchange.back_up)
        self.lock_action = action(icon.SP_DialogNoButton, self.lock, key("Ctrl+L"))
        self.sign_out_action = action(icon.SP_DialogCloseButton, self.sign_out)
        self.help_action = action(icon.SP_DialogHelpButton, self.guide.show_help, key("F1"))
        self.about_action = action(icon.SP_MessageBoxInformation, self.admin.about)
        bar = QToolBar(self.tr("Actions"), objectName="actions", movable=False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(bar)
        work = ("cases", "tasks", "queue", "new_case", "providers", "import", "backup", "admin")
        bar.addActions([getattr(self, f"{name}_action") for name in work])
        self.facility = FacilityFlow(self, bar, before=self.tasks_action)
        self.dashboard = DashboardFlow(self, bar, before=self.new_case_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.language_action = self.guide.language_action
        right = ("language", "help", "about", "lock", "sign_out")
        bar.addActions([getattr(self, f"{name}_action") for name in right])
        self.guide.fit(bar, self.language_action, self.help_action, self.about_action)
        self.toolbar = bar
        self._retranslate_actions()

    def _retranslate_actions(self) -> None:
        self.new_case_action.setText(self.tr("&New case"))
        self.cases_action.setText(self.tr("&Cases"))
        self.admin_action.setText(self.tr("&Administration"))
        self.tasks_action.setText(self.tr("My &tasks"))
        self.queue_action.setText(self.tr("&Supervisor queue"))
        self.providers_action.setText(self.tr("Service &providers"))
        self.import_action.setText(self.tr("&Import a package"))
        self.backup_action.setText(self.tr("&Back up"))
        self.lock_action.setText(self.tr("&Lock"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.about_action.setText(self.tr("A&bout Ulinzi"))
        self.help_action.setText(self.tr("&Help"))
        self.language_action.setText(self.tr("Lan&guage"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "case_list"):
            self._retranslate_actions()
            self.tabs.setTabText(0, self.tr("Cases"))
            for index in range(1, self.tabs.count()):
                widget = self.tabs.widget(index)
                if widget is self.tasks:
                    self.tabs.setTabText(index, self.tr("My tasks"))
                elif widget is self.queue:
                    self.tabs.setTabText(index, self.tr("Supervisor queue"))
            if not self.locked:
                self._show_who()
            self.update_title()
        super().changeEvent(event)

    def _show_who(self) -> None:
        user = self.session.user
        roles = ", ".join(label(ROLES, r.value) for r in sorted(user.roles))
        self.who.setText(
            self.tr("Signed in: {name} ({roles})").format(name=user.full_name, roles=roles)
        )

    def start_workspace(self) -> None:
        """Fill the window for the signed-in person (again, after a switch of user)."""
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        user = self.session.user
        self.case_list = CaseListWidget(self.holder)
        self.case_list.open_requested.connect(self.cases.open_case)
        self.case_list.counts_changed.connect(self.counts.setText)
        self.case_list.reassign_requested.connect(self.cases.reassign)
        self.tabs.addTab(self.case_list, self.tr("Cases"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        works = bool(user.roles & {Role.CASEWORKER, Role.SUPERVISOR})
        for view in (self.tasks, self.queue):  # the previous person's, if not in a tab
            if view is not None and self.tabs.indexOf(view) < 0:
                view.deleteLater()
        self.tasks = self.queue = None
        self.new_case_action.setVisible(works)
        self.tasks_action.setVisible(works)
        self.queue_action.setVisible(bool(user.roles & {Role.SUPERVISOR, Role.MANAGER}))
        self.providers_action.setVisible(
            bool(user.roles & {Role.CASEWORKER, Role.SUPERVISOR, Role.ADMINISTRATOR})
        )
        self.admin_action.setVisible(user.is_administrator)
        self.import_action.setVisible(works)
        keeper = bool(user.roles & {Role.SUPERVISOR, Role.ADMINISTRATOR})
        self.backup_action.setVisible(keeper)
        self.backup_banner.hide()
        self.case_list.first_rows.connect(  # the rest of the sign-in's work comes after them
            lambda: self.cases.after_first_rows(keeper), Qt.ConnectionType.SingleShotConnection
        )
        self._welcome_back()  # who, the title, the list, the idle countdown
        if works:  # its tab now, its tasks once the list shows
            self.show_tasks(refresh=False)
            self.tabs.setCurrentIndex(0)
        self.case_list.search.setFocus()

    def refresh_work(self) -> None:
        """After a change: the list, and the task views that are open."""
        if self.locked:
            return
        self.case_list.refresh()
        for widget in (self.tasks, self.queue, self.facility.widget):
            if widget is not None and self.tabs.indexOf(widget) >= 0:
                widget.refresh()

    def update_title(self) -> None:
        demo = self.tr("DEMO – ") if self.session.agency.is_demo else ""
        agency, person = self.session.agency.name, self.session.user.full_name
        state = self.tr("locked") if self.locked else f"{agency} – {person}"
        self.setWindowTitle(f"{demo}Ulinzi – {state}")

    # -- tabs -----------------------------------------------------------------------------------
    def show_cases(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.case_list.search.setFocus()
        self.case_list.search.selectAll()

    def _work_tab(self, widget: TasksWidget | SupervisorQueueWidget, title: str, refresh=True):
        index = self.tabs.indexOf(widget)
        if index < 0:
            index = self.tabs.insertTab(1 + (widget is self.queue), widget, title)
            self.tabs.tabBar().setTabButton(
                index, self.tabs.tabBar().ButtonPosition.RightSide, None
            )
        self.tabs.setCurrentIndex(index)
        if refresh:
            widget.refresh()

    def show_tasks(self, refresh: bool = True) -> None:
        """The signed-in person's overdue tasks and those due this week."""
        if not self.tasks_action.isVisible():
            return
        if self.tasks is None:
            self.tasks = TasksWidget(self.holder, self.tabs)
            self.tasks.deadlines = self.deadlines
            self.tasks.open_task.connect(self.cases.do_task)
        self._work_tab(self.tasks, self.tr("My tasks"), refresh)
        self.tasks.table.setFocus()

    def show_queue(self) -> None:
        """Approvals waiting, caseloads, and the team's overdue work."""
        if not self.queue_action.isVisible():
            return
        if self.queue is None:
            self.queue = SupervisorQueueWidget(self.holder, self.tabs)
            self.queue.deadlines = self.deadlines
            self.queue.open_case.connect(self.cases.open_case)
            self.queue.decide.connect(self.cases.decide_from_queue)
        self._work_tab(self.queue, self.tr("Supervisor queue"))
        self.queue.approvals.setFocus()

    def show_case_tab(self, widget: CaseFileWidget, old: CaseFileWidget | None) -> None:
        """Show a case file in a tab; read again, it takes the old one's place and sub-tab."""
        case = widget.case.row
        if old is not None:
            index = self.tabs.indexOf(old)
            tab = old.tabs.currentIndex()
            self.close_tab(index)
            index = self.tabs.insertTab(index, widget, case.case_number)
            widget.tabs.setCurrentIndex(tab)
        else:
            index = self.tabs.addTab(widget, case.case_number)
        self.tabs.setTabToolTip(index, case.child_name)
        self.tabs.setCurrentIndex(index)

    def close_tab(self, index: int) -> None:
        if index <= 0:
            return
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        if widget not in (self.tasks, self.queue, self.facility.widget):  # kept, shown again
            widget.deleteLater()

    # -- lock, switch, sign out --------------------------------------------------------------------
    def _open_dialogs(self) -> list[FormWizard]:
        return [w for w in self.findChildren(FormWizard) if w.isVisible()]

    def lock(self) -> None:
        """Hide every case detail, save typed work, forget the key until someone unlocks."""
        if self.locked:
            return
        # Each view hears this and hides what it shows: forms keep their typing as a draft and
        # hide, the list and task views empty, administration dialogs and printouts close.
        self.holder.lock()
        self.idle.timer.stop()
        self.counts.clear()
        wait_for_background()  # a save in flight finishes before the key goes
        try:
            accounts.lock(self.session)
        except Exception as e:  # the screen locks anyway: the key must go
            self.session.store.suspend()
            show_error(self, e)
        self.lock_screen = LoginWidget(
            self.folder, locked=self.session, demo_password=self.demo_password
        )
        self.lock_screen.signed_in.connect(self._unlocked)
        self.stack.addWidget(self.lock_screen)
        self.stack.setCurrentWidget(self.lock_screen)
        self.toolbar.setVisible(False)
        self.who.clear()
        self.update_title()
        self.lock_screen.focus()

    def _unlocked(self, session: UserSession) -> None:
        self.stack.setCurrentWidget(self.workspace)
        if self.lock_screen is not None:
            self.stack.removeWidget(self.lock_screen)
            self.lock_screen.deleteLater()
            self.lock_screen = None
        self.toolbar.setVisible(True)
        self.holder.unlock(session)  # `unlocked` (the same person) or `replaced` (another)
        self.ensure_own_password()

    def _welcome_back(self) -> None:
        self._show_who()
        self.update_title()
        self.refresh_work()
        self.idle.timer.start()

    def ensure_own_password(self) -> bool:
        """A temporary password must be changed before any work; refusing signs out."""
        if not self.session.user.must_change_password:
            return True
        dialog = ChangePasswordDialog(self.holder, parent=self)
        if dialog.exec() == ChangePasswordDialog.DialogCode.Accepted:
            self.holder.refresh(accounts.reload_session(self.session))
            return True
        self.sign_out()
        return False

    def sign_out(self) -> None:
        for dialog in self._open_dialogs():
            dialog.save_draft(wait=True)
            dialog.discard()
        self._finish()
        self.signed_out.emit()
        self.close()

    def _finish(self) -> None:
        if self.holder.is_closed:
            return
        if self.session.store.is_open:
            self.case_list.save_header()
        self.idle.stop()
        wait_for_background()  # reads in flight finish before the key goes
        self.holder.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.locked and self._open_dialogs():
            if not self.ask_quit():
                event.ignore()
                return
            for dialog in self._open_dialogs():
                dialog.save_draft(wait=True)
                dialog.discard(close=False)
        self._finish()
        super().closeEvent(event)

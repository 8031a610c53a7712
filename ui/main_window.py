"""The window a caseworker lives in: case list, opened case files, the lock screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from db.models import Role
from desktop import (
    accounts,
    agency,
    backups,
    case_flow,
    case_forms,
    cases,
    conferences,
    documents,
    drafts,
    exchange,
)
from desktop.case_flow import TaskRow
from desktop.forms.saved import latest
from desktop.session import UserSession
from ui.background import run_in_background, wait_for_background
from ui.case_file import CONFERENCES_TAB, DOCUMENTS_TAB, NEW, CaseFileWidget, ReasonDialog
from ui.case_list import CaseListWidget
from ui.common import ROLES, label, show_error
from ui.conferences import ScheduleDialog, attendee_check, minutes_answers
from ui.document_view import AttachmentView, DocumentPreview
from ui.exchange import BackupBanner, BackupDialog, ExportDialog, ImportDialog
from ui.form_fields import text_of
from ui.form_wizard import FormWizard
from ui.i18n import current_language
from ui.login import ChangePasswordDialog, LoginWidget
from ui.tasks import SupervisorQueueWidget, TasksWidget

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Any key, click or mouse move anywhere in the program restarts the idle countdown."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.idle)
        self.set_interval(minutes * 60_000)
        QApplication.instance().installEventFilter(self)

    def set_interval(self, milliseconds: int) -> None:
        self.timer.setInterval(milliseconds)
        if self.timer.isActive():
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)


class MainWindow(QMainWindow):
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
        self.session = session
        self.folder = folder
        self.demo_password = demo_password
        self.locked = False
        self._finished = False
        self.tasks: TasksWidget | None = None  # made when first shown
        self.queue: SupervisorQueueWidget | None = None
        self._hidden_dialogs: list[QWidget] = []
        self.resize(1366, 768)

        self.stack = QStackedWidget()
        self.tabs = QTabWidget(objectName="workspace", tabsClosable=True, documentMode=True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.lock_screen: LoginWidget | None = None
        self.backup_banner = BackupBanner()
        self.backup_banner.back_up.connect(self.back_up)
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
        self._start_workspace()

    # -- set-up -----------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        style = self.style()
        bar = QToolBar(self.tr("Actions"), objectName="actions", movable=False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(bar)
        self.new_case_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileIcon), "", self
        )
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_case_action.triggered.connect(self.new_case)
        self.cases_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogListView), "", self
        )
        self.cases_action.setShortcut(QKeySequence("Ctrl+F"))
        self.cases_action.triggered.connect(self.show_cases)
        self.admin_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView), "", self
        )
        self.admin_action.triggered.connect(self.administration)
        self.tasks_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton), "", self
        )
        self.tasks_action.setShortcut(QKeySequence("Ctrl+T"))
        self.tasks_action.triggered.connect(self.show_tasks)
        self.queue_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView), "", self
        )
        self.queue_action.setShortcut(QKeySequence("Ctrl+U"))
        self.queue_action.triggered.connect(self.show_queue)
        self.providers_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DirHomeIcon), "", self
        )
        self.providers_action.triggered.connect(self.service_providers)
        self.import_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown), "", self
        )
        self.import_action.triggered.connect(self.import_package)
        self.backup_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DriveFDIcon), "", self
        )
        self.backup_action.triggered.connect(self.back_up)
        self.lock_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogNoButton), "", self
        )
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.sign_out_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton),
            self.tr("Sign &out"),
            self,
        )
        self.sign_out_action.triggered.connect(self.sign_out)
        self.about_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation), "", self
        )
        self.about_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.about_action.triggered.connect(self.about)
        for action in (
            self.cases_action,
            self.tasks_action,
            self.queue_action,
            self.new_case_action,
            self.providers_action,
            self.import_action,
            self.backup_action,
            self.admin_action,
        ):
            bar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(self.about_action)
        bar.addAction(self.lock_action)
        bar.addAction(self.sign_out_action)
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
            self._update_title()
        super().changeEvent(event)

    def _show_who(self) -> None:
        user = self.session.user
        roles = ", ".join(label(ROLES, r.value) for r in sorted(user.roles))
        self.who.setText(
            self.tr("Signed in: {name} ({roles})").format(name=user.full_name, roles=roles)
        )

    def _start_workspace(self) -> None:
        """Fill the window for the signed-in person (again, after a switch of user)."""
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        user = self.session.user
        self.case_list = CaseListWidget(self.session)
        self.case_list.open_requested.connect(self.open_case)
        self.case_list.counts_changed.connect(self.counts.setText)
        self.tabs.addTab(self.case_list, self.tr("Cases"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        works = bool(user.roles & {Role.CASEWORKER, Role.SUPERVISOR})
        for view in (self.tasks, self.queue):  # the previous person's, if not in a tab
            if view is not None and self.tabs.indexOf(view) < 0:
                view.deleteLater()
        self.tasks = self.queue = None
        session = self.session
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
        if keeper:
            run_in_background(
                lambda: backups.backup_state(session),
                lambda state: not self.locked and self.backup_banner.show_state(state),
                self._error,
            )
        roles = ", ".join(label(ROLES, r.value) for r in sorted(user.roles))
        self.who.setText(
            self.tr("Signed in: {name} ({roles})").format(name=user.full_name, roles=roles)
        )
        self._update_title()
        self.case_list.refresh()
        self.case_list.search.setFocus()
        self.idle.timer.start()
        # After an upgrade, every case's tasks are worked out once, off the UI thread.
        run_in_background(
            lambda: case_flow.ensure_tasks(session),
            lambda built: built and self._refresh_work(),
            self._error,
        )
        if works:
            self.show_tasks()
            self.tabs.setCurrentIndex(0)

    def _error(self, error: Exception) -> None:
        """Background work failed: say so, unless the window is gone or locked meanwhile."""
        if self._finished or self.locked or not self.session.store.is_open:
            return
        show_error(self, error)

    def _slow(
        self,
        message: str,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        """Work of a few seconds (a package, a backup) away from the window's thread, with
        `message` in the status bar and a busy cursor until it ends."""
        self.statusBar().showMessage(message)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

        def ended() -> None:
            QApplication.restoreOverrideCursor()
            self.statusBar().clearMessage()

        def ok(result: Any) -> None:
            ended()
            done(result)

        def error(e: Exception) -> None:
            ended()
            (failed or self._error)(e)

        run_in_background(work, ok, error)

    def _refresh_work(self) -> None:
        """After a change: the list, and the task views that are open."""
        if self.locked:
            return
        self.case_list.refresh()
        for widget in (self.tasks, self.queue):
            if widget is not None and self.tabs.indexOf(widget) >= 0:
                widget.refresh()

    def _update_title(self) -> None:
        demo = self.tr("DEMO – ") if self.session.agency.is_demo else ""
        if self.locked:
            self.setWindowTitle(f"{demo}Ulinzi – " + self.tr("locked"))
        else:
            self.setWindowTitle(
                f"{demo}Ulinzi – {self.session.agency.name} – {self.session.user.full_name}"
            )

    # -- cases ----------------------------------------------------------------------------------
    def show_cases(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.case_list.search.setFocus()
        self.case_list.search.selectAll()

    def _work_tab(self, widget: QWidget, title: str) -> None:
        index = self.tabs.indexOf(widget)
        if index < 0:
            index = self.tabs.insertTab(1 + (widget is self.queue), widget, title)
            self.tabs.tabBar().setTabButton(
                index, self.tabs.tabBar().ButtonPosition.RightSide, None
            )
        self.tabs.setCurrentIndex(index)
        widget.refresh()

    def show_tasks(self) -> None:
        """The signed-in person's overdue tasks and those due this week."""
        if not self.tasks_action.isVisible():
            return
        if self.tasks is None:
            self.tasks = TasksWidget(self.session, self.tabs)
            self.tasks.deadlines = self.deadlines
            self.tasks.open_task.connect(self.do_task)
        self._work_tab(self.tasks, self.tr("My tasks"))
        self.tasks.table.setFocus()

    def show_queue(self) -> None:
        """Approvals waiting, caseloads, and the team's overdue work."""
        if not self.queue_action.isVisible():
            return
        if self.queue is None:
            self.queue = SupervisorQueueWidget(self.session, self.tabs)
            self.queue.deadlines = self.deadlines
            self.queue.open_case.connect(self.open_case)
            self.queue.decide.connect(self._queue_decide)
        self._work_tab(self.queue, self.tr("Supervisor queue"))
        self.queue.approvals.setFocus()

    def do_task(self, task: TaskRow) -> None:
        """Open what does the task: its form, the plan's action, or the case to decide on."""

        def then(widget: CaseFileWidget) -> None:
            if task.kind in ("case_conference", "conference_action"):
                widget.tabs.setCurrentIndex(CONFERENCES_TAB)
                if task.kind == "case_conference" and task.ref.isdigit():
                    widget.conferences.select(int(task.ref))
            elif task.kind == "plan_action" and task.ref.isdigit():
                widget.show_plan_action(int(task.ref))
            elif task.form_id and task.form_id in widget.form_set.forms:
                widget.show_form(task.form_id)
                form = widget.form_set.get(task.form_id)
                if widget.may_fill(task.form_id):
                    instance = (task.instance or NEW) if form.repeatable else 0
                    if task.kind in ("follow_up_visit", "post_closure_visit"):
                        instance = NEW  # a visit is a new one
                    self.fill_form(task.case_uuid, task.form_id, instance)

        self.open_case(task.case_uuid, then=then)

    def _case_tab(self, uuid: str) -> int | None:
        """The index of the tab showing case `uuid`, if it is open."""
        for index in range(1, self.tabs.count()):
            if getattr(self.tabs.widget(index), "uuid", None) == uuid:
                return index
        return None

    def open_case(self, uuid: str, *, reload: bool = False, then=None) -> None:  # type: ignore[no-untyped-def]
        """Show case `uuid` in its tab (read again when `reload`), then call `then(widget)`."""
        index = self._case_tab(uuid)
        if index is not None and not reload:
            self.tabs.setCurrentIndex(index)
            if then is not None:
                then(self.tabs.widget(index))
            return
        session = self.session

        def work():  # type: ignore[no-untyped-def]
            return (
                cases.open_case(session, uuid),
                cases.case_history(session, uuid),
                case_forms.form_set(session),
                drafts.drafts_under(session, case_forms.DRAFT_KIND, uuid + ":"),
                case_flow.case_workflow(session, uuid),
                [p.name for p in case_flow.providers(session)],
                documents.printed_documents(session, uuid),
                conferences.case_conferences(session, uuid),
                exchange.received_files(session, uuid),
            )

        def done(result) -> None:  # type: ignore[no-untyped-def]
            if self.locked or session is not self.session:
                return
            case, history, forms, kept, workflow, providers, printed, held, received = result
            editable = bool(session.user.roles & {Role.CASEWORKER, Role.SUPERVISOR})
            widget = CaseFileWidget(
                case, history, forms, kept, editable, workflow, printed, held, received
            )
            widget.providers = providers
            widget.fill_form.connect(self.fill_form)
            widget.decide.connect(lambda i, ok, c: self._decide(uuid, i, ok, c))
            widget.move_back.connect(
                lambda stage, reason: self._case_work(
                    uuid, lambda: case_flow.move_back(session, uuid, stage, reason)
                )
            )
            widget.reopen.connect(
                lambda reason: self._case_work(
                    uuid, lambda: case_flow.reopen(session, uuid, reason)
                )
            )
            widget.action_status.connect(
                lambda plan, index, status: self._case_work(
                    uuid,
                    lambda: case_flow.set_action_status(session, uuid, plan, index, status),
                    tab=1,
                )
            )
            widget.print_document.connect(
                lambda kind, sections, purpose: self.print_document(uuid, kind, sections, purpose)
            )
            widget.attach_copy.connect(lambda document_id: self.attach_copy(uuid, document_id))
            widget.show_copy.connect(lambda copy_id: self.show_copy(uuid, copy_id))
            widget.send_case.connect(lambda referral: self.send_case(uuid, referral))
            widget.show_received_form.connect(
                lambda received_id: self.show_received_form(uuid, received_id)
            )
            meetings = widget.conferences
            meetings.schedule.connect(lambda number: self.schedule_conference(uuid, number))
            meetings.cancel.connect(lambda number: self.cancel_conference(uuid, number))
            meetings.write_minutes.connect(lambda number: self.write_minutes(uuid, number))
            meetings.print_minutes.connect(
                lambda number: self.print_document(uuid, "minutes", [], "", number)
            )
            meetings.commitment_status.connect(
                lambda action_id, status: self._case_work(
                    uuid,
                    lambda: conferences.set_commitment_status(session, uuid, action_id, status),
                    tab=CONFERENCES_TAB,
                )
            )
            old = self._case_tab(uuid)
            if old is not None:  # reloaded: the new file takes the old one's place
                tab = self.tabs.widget(old).tabs.currentIndex()
                self._close_tab(old)
                index = self.tabs.insertTab(old, widget, case.row.case_number)
                widget.tabs.setCurrentIndex(tab)
            else:
                index = self.tabs.addTab(widget, case.row.case_number)
            self.tabs.setTabToolTip(index, case.row.child_name)
            self.tabs.setCurrentIndex(index)
            if then is not None:
                then(widget)

        run_in_background(work, done, self._error)

    def _case_work(self, uuid: str, work, tab: int | None = None) -> None:  # type: ignore[no-untyped-def]
        """Run a change to a case off the UI thread, then show the case and lists again."""

        def done(_result) -> None:  # type: ignore[no-untyped-def]
            self._refresh_work()
            self.open_case(
                uuid,
                reload=True,
                then=(lambda w: w.tabs.setCurrentIndex(tab)) if tab is not None else None,
            )

        run_in_background(work, done, self._error)

    # -- printed documents ----------------------------------------------------------------------
    def print_document(
        self, uuid: str, kind: str, sections: list[str], purpose: str, conference: int = 0
    ) -> None:
        """Make a case document off the UI thread, then preview it (in memory) to print or save.
        `conference` is the number of the conference whose minutes to print."""
        session = self.session
        language = current_language()

        def work():  # type: ignore[no-untyped-def]
            return documents.make_document(
                session,
                uuid,
                kind,
                language=language,
                sections=sections if kind == "summary" else None,
                purpose=purpose,
                conference=conference or None,
            )

        def done(made: documents.MadeDocument) -> None:
            if self.locked or session is not self.session:
                return
            preview = DocumentPreview(
                made.pdf, f"{made.title} – {made.case_number}", made.file_name, self
            )
            preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            preview.printed.connect(lambda: self._record_output(uuid, made, "printed"))
            preview.saved.connect(lambda _path: self._record_output(uuid, made, "saved"))
            self.show_preview(preview)

        run_in_background(work, done, self._error)

    def show_preview(self, preview: QWidget) -> None:
        """Show a document or a signed copy beside the window (tests look at it instead)."""
        preview.show()

    def _record_output(self, uuid: str, made, how: str) -> None:  # type: ignore[no-untyped-def]
        session = self.session
        self._case_work(
            uuid, lambda: documents.record_output(session, made, how), tab=DOCUMENTS_TAB
        )

    def ask_signed_copy_file(self) -> str | None:
        """The scan or photo of a signed paper to file (tests answer in its place)."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach the signed copy"),
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation),
            self.tr("Scans and photos (*.pdf *.jpg *.jpeg *.png);;All files (*)"),
        )
        return path or None

    def attach_copy(self, uuid: str, document_id: int) -> None:
        path = self.ask_signed_copy_file()
        if not path:
            return
        session = self.session
        self._case_work(
            uuid,
            lambda: documents.attach_signed_copy_file(session, uuid, document_id, Path(path)),
            tab=DOCUMENTS_TAB,
        )

    def show_copy(self, uuid: str, copy_id: int) -> None:
        session = self.session

        def done(result) -> None:  # type: ignore[no-untyped-def]
            if self.locked or session is not self.session:
                return
            info, data = result
            view = AttachmentView(data, info.media_type, info.file_name, self)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.show_preview(view)

        run_in_background(lambda: documents.signed_copy(session, uuid, copy_id), done, self._error)

    def show_received_form(self, uuid: str, received_id: int) -> None:
        """The transfer form another agency sent with the case, on screen from memory."""
        session = self.session

        def done(data: bytes) -> None:
            if self.locked or session is not self.session:
                return
            title = self.tr("Transfer form from the other agency")
            view = AttachmentView(data, "application/pdf", title, self)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.show_preview(view)

        run_in_background(
            lambda: exchange.received_transfer_form(session, uuid, received_id),
            done,
            self._error,
        )

    # -- exchange between agencies, and backups ---------------------------------------------------
    def ask_save_path(self, title: str, name: str, pattern: str) -> str | None:
        """Where to write a file (tests answer in the person's place)."""
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(start) / name), pattern)
        return path or None

    def ask_open_path(self, title: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, title, "", pattern)
        return path or None

    def ask_passphrase(self) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Passphrase"),
            self.tr(
                "This package is locked with a passphrase. Type the passphrase the sending agency gave you:"
            ),
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def tell(self, title: str, text: str) -> None:
        """A message after work is done (tests read it instead)."""
        QMessageBox.information(self, title, text)

    def send_case(self, uuid: str, referral: bool) -> None:
        """Send a case whose transfer was approved, or a referral package, as a package file."""
        widget = self._case_widget(uuid)
        if widget is None:
            return
        session = self.session

        def ready(partners) -> None:  # type: ignore[no-untyped-def]
            if self.locked or session is not self.session:
                return
            saved = {x.form_id for x in widget.case.forms}
            dialog = ExportDialog(
                partners,
                referral_forms=widget.form_set if referral else None,
                saved_forms=saved,
                supervisor=Role.SUPERVISOR in session.user.roles,
                parent=self,
            )
            if not self.ask_dialog(dialog):
                return
            choice = dialog.choice()
            number = widget.case.row.case_number
            kind = self.tr("referral") if referral else self.tr("transfer")
            path = self.ask_save_path(
                self.tr("Save the package"),
                f"{number}-{kind}.ulz",
                self.tr("Case packages (*.ulz)"),
            )
            if not path:
                return

            def done(result: exchange.Exported) -> None:
                text = self.tr(
                    "The package was written to {path}.\n\nIts SHA-256, kept in the case's "
                    "history: {sha}"
                ).format(path=result.path, sha=result.sha256)
                if choice["passphrase"]:
                    text += "\n\n" + self.tr(
                        "Send the passphrase by another way than the package (a phone call, "
                        "an SMS), never with it."
                    )
                self._refresh_work()
                self.open_case(uuid, reload=True)
                self.tell(self.tr("Package sent"), text)

            self._slow(
                self.tr("Making the package of case {number}…").format(number=number),
                lambda: exchange.export_case(session, uuid, Path(path), **choice),  # type: ignore[arg-type]
                done,
            )

        run_in_background(lambda: exchange.partners(session), ready, self._error)

    def import_package(self) -> None:
        """Open a package (or a receipt), preview it, then import it as the person chooses."""
        path = self.ask_open_path(
            self.tr("Import a case package"), self.tr("Case packages (*.ulz);;All files (*)")
        )
        if not path:
            return
        session = self.session

        def opened(result, passphrase: str | None = None) -> None:  # type: ignore[no-untyped-def]
            if self.locked or session is not self.session:
                return
            data, preview, caseworkers = result
            if preview.kind == "receipt" or preview.already_imported:
                self._slow(
                    importing,
                    lambda: exchange.import_package(session, data, passphrase=passphrase),
                    imported,
                )
                return
            dialog = ImportDialog(
                preview, caseworkers, supervisor=Role.SUPERVISOR in session.user.roles, parent=self
            )
            if not self.ask_dialog(dialog):
                return
            choice = dialog.choice()
            link = choice.pop("link_number")

            def work():  # type: ignore[no-untyped-def]
                link_to = documents.case_uuid_of(session, str(link)) if link else None
                return exchange.import_package(
                    session, data, passphrase=passphrase, link_to=link_to, **choice
                )

            self._slow(importing, work, lambda done: imported(done, preview))

        def imported(done: exchange.Imported, preview=None) -> None:  # type: ignore[no-untyped-def]
            self._refresh_work()
            if done.already:
                self.tell(
                    self.tr("Already imported"),
                    self.tr(
                        "This package was already imported (case {number}): nothing was changed."
                    ).format(number=done.case_number),
                )
                return
            if done.receipt is None:
                self.tell(
                    self.tr("Receipt recorded"),
                    self.tr(
                        "Case {number} arrived at the other agency: it is in its history."
                    ).format(number=done.case_number),
                )
                return
            if done.case_uuid:
                self.open_case(done.case_uuid, reload=True)
            target = self.ask_save_path(
                self.tr("Save the receipt for the sending agency"),
                f"{done.case_number}-receipt.ulz",
                self.tr("Case packages (*.ulz)"),
            )
            if target:
                try:
                    Path(target).write_bytes(done.receipt)
                except OSError as e:
                    show_error(self, e)
                    return
                self.tell(
                    self.tr("Case imported"),
                    self.tr(
                        "The case is {number}. Send the receipt {path} back to the sending "
                        "agency: it records that the case arrived."
                    ).format(number=done.case_number, path=target),
                )

        def read(passphrase: str | None):  # type: ignore[no-untyped-def]
            data = exchange.read_file(Path(path))
            preview, _ = exchange.open_package(session, data, passphrase)
            return data, preview, exchange.caseworkers(session)

        def failed(error: Exception) -> None:
            if (
                isinstance(error, exchange.PackageError)
                and "passphrase" in str(error)
                and ("locked" in error.text)
            ):
                passphrase = self.ask_passphrase()
                if passphrase:
                    self._slow(checking, lambda: read(passphrase), lambda r: opened(r, passphrase))
                return
            self._error(error)

        checking = self.tr("Opening the package and checking its signature…")
        importing = self.tr("Importing the case…")
        self._slow(checking, lambda: read(None), opened, failed)

    def back_up(self) -> None:
        dialog = BackupDialog(self)
        if not self.ask_dialog(dialog):
            return
        folder, secret = dialog.choice()
        session = self.session
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M")
        out = folder / f"ulinzi-{session.agency.code}-{stamp}.backup"

        def done(info: backups.BackupInfo) -> None:
            self.backup_banner.hide()
            self.tell(
                self.tr("Backup written"),
                self.tr("{cases} cases were backed up to {path} ({size} MB).").format(
                    cases=info.cases, path=info.path, size=round(info.size / 1024 / 1024, 1)
                ),
            )

        self._slow(
            self.tr("Backing up the store to {path}…").format(path=out),
            lambda: backups.backup(session, out, **secret),
            done,
        )

    # -- case conferences -----------------------------------------------------------------------
    def _case_widget(self, uuid: str) -> CaseFileWidget | None:
        index = self._case_tab(uuid)
        return None if index is None else self.tabs.widget(index)

    def schedule_conference(self, uuid: str, number: int) -> None:
        """Schedule a conference (`number` 0) or move conference `number`."""
        widget = self._case_widget(uuid)
        if widget is None:
            return
        form = widget.form_set.get(case_forms.CONFERENCE)
        existing = next(
            (c for c in widget.conferences.data.conferences if c.number == number), None
        )
        chair = self.session.user.full_name if Role.SUPERVISOR in self.session.user.roles else ""
        dialog = ScheduleDialog(form, chair, existing, self)
        if not self.ask_dialog(dialog):
            return
        when, place, chair, purpose, other = dialog.values()
        session = self.session
        self._case_work(
            uuid,
            lambda: conferences.schedule(
                session, uuid, when, place, chair, purpose, other, number=number or None
            ),
            tab=CONFERENCES_TAB,
        )

    def cancel_conference(self, uuid: str, number: int) -> None:
        dialog = ReasonDialog(
            self.tr("Cancel the case conference"),
            self.tr("Why is the conference cancelled? The reason is kept with it."),
            parent=self,
        )
        if not self.ask_dialog(dialog):
            return
        reason, session = dialog.text.toPlainText(), self.session
        self._case_work(
            uuid, lambda: conferences.cancel(session, uuid, number, reason), tab=CONFERENCES_TAB
        )

    def write_minutes(self, uuid: str, number: int) -> None:
        """Write the minutes of conference `number`, or correct them (a new version, with why)."""
        key = case_forms.draft_key(uuid, case_forms.CONFERENCE, number)
        for existing in self.findChildren(FormWizard):  # already open
            if existing.draft_key == key:
                existing.raise_()
                existing.activateWindow()
                return
        session = self.session

        def done(start: conferences.MinutesStart) -> None:
            widget = self._case_widget(uuid)
            if self.locked or session is not self.session or widget is None:
                return
            correction = ""
            if start.saved is not None:
                dialog = ReasonDialog(
                    self.tr("Correct the minutes"),
                    self.tr(
                        "What is corrected, and why? The minutes stay as they were finalised; "
                        "the correction is a new version that keeps your reason."
                    ),
                    parent=self,
                )
                if not self.ask_dialog(dialog):
                    return
                correction = dialog.text.toPlainText()
            form = widget.form_set.get(case_forms.CONFERENCE)
            based_on = start.saved.revision if start.saved else None
            answers = minutes_answers(start, widget.case.row.caseworker, session.agency.name)

            def submit(answers: dict[str, dict]) -> str:  # type: ignore[type-arg]
                conferences.save_minutes(
                    session, uuid, number, answers[case_forms.CONFERENCE], based_on, correction
                )
                return uuid

            title = self.tr("Minutes of case conference {number}: {child}").format(
                number=number, child=widget.case.row.child_name
            )
            if start.saved:
                title += " – " + self.tr("correction")
            wizard = FormWizard(
                session,
                [form],
                submit,
                draft_key=key,
                title=title,
                subtitle=widget.case.row.case_number,
                finish_text=self.tr("&Finalise the minutes"),
                answers={case_forms.CONFERENCE: answers},
                providers=getattr(widget, "providers", ()),
                check=attendee_check(start.consent),
                parent=self,
            )
            wizard.saved.connect(lambda u: self._case_work(u, lambda: None, tab=CONFERENCES_TAB))
            self._show_wizard(wizard)

        run_in_background(
            lambda: conferences.minutes_start(session, uuid, number), done, self._error
        )

    def _decide(self, uuid: str, approval_id: int, approve: bool, comment: str) -> None:
        session = self.session
        self._case_work(uuid, lambda: case_flow.decide(session, approval_id, approve, comment))

    def _queue_decide(self, approval_id: int, approve: bool) -> None:
        chosen = self.queue.selected_approval()
        if chosen is None:
            return
        comment = ""
        if not approve:
            dialog = ReasonDialog(
                self.tr("Return the request"),
                self.tr("What needs to change? The caseworker reads your comment."),
                parent=self,
            )
            if not self.ask_dialog(dialog):
                return
            comment = dialog.text.toPlainText()
        session = self.session
        run_in_background(
            lambda: case_flow.decide(session, approval_id, approve, comment),
            lambda _r: self._refresh_work(),
            self._error,
        )

    def ask_dialog(self, dialog) -> bool:  # type: ignore[no-untyped-def]
        """Show a modal dialog (tests answer in the person's place)."""
        return bool(dialog.exec())

    def service_providers(self) -> None:
        from ui.providers import ProvidersDialog

        ProvidersDialog(self.session, self).exec()

    def _close_tab(self, index: int) -> None:
        if index == 0:
            return
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        if widget is not self.tasks and widget is not self.queue:  # kept, to be shown again
            widget.deleteLater()

    def _show_wizard(self, wizard: FormWizard) -> None:
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.offer_draft()
        wizard.show()

    def new_case(self) -> None:
        """Register a child: the registration and consent forms, one section at a time."""
        session = self.session

        def done(result) -> None:  # type: ignore[no-untyped-def]
            if self.locked or session is not self.session:
                return
            forms, providers = result
            chosen = [forms.get(case_forms.REGISTRATION)]
            if case_forms.CONSENT in forms.forms:
                chosen.append(forms.get(case_forms.CONSENT))
            wizard = FormWizard(
                session,
                chosen,
                lambda answers: case_forms.register_with_forms(session, answers).uuid,
                draft_key=case_forms.NEW_CASE,
                title=self.tr("New case: register a child"),
                finish_text=self.tr("&Register the child"),
                providers=providers,
                parent=self,
            )
            wizard.saved.connect(self._registered)
            self._show_wizard(wizard)

        run_in_background(
            lambda: (case_forms.form_set(session), [p.name for p in case_flow.providers(session)]),
            done,
            self._error,
        )

    def _registered(self, uuid: str) -> None:
        self._refresh_work()
        self.open_case(uuid)

    def fill_form(self, uuid: str, form_id: str, instance: int = 0) -> None:
        """Fill in a form for a case: a first time, a new version of the saved one, or (for a
        repeatable form) another one: `instance` NEW."""
        index = self._case_tab(uuid)
        if index is None:
            return
        widget = self.tabs.widget(index)
        session = self.session
        form = widget.form_set.get(form_id)
        number = instance if form.repeatable and instance > 0 else None
        saved = latest(widget.case.forms, form_id, number or 1)
        if form.repeatable and number is None:
            saved = None
        based_on = saved.revision if saved else None
        answers = {form_id: _plan_with_status(widget, saved) if saved else {}}
        title = self.tr("{form}: {child}").format(
            form=text_of(form.title), child=widget.case.row.child_name
        )
        if saved:
            title += " – " + self.tr("new version")
        for existing in self.findChildren(FormWizard):  # the same form is already open
            if existing.draft_key == case_forms.draft_key(uuid, form_id, number):
                existing.raise_()
                existing.activateWindow()
                return

        def submit(answers: dict[str, dict]) -> str:  # type: ignore[type-arg]
            case_forms.submit_form(session, uuid, form_id, answers[form_id], based_on, number)
            return uuid

        wizard = FormWizard(
            session,
            [form],
            submit,
            draft_key=case_forms.draft_key(uuid, form_id, number),
            title=title,
            subtitle=widget.case.row.case_number,
            answers=answers,
            providers=getattr(widget, "providers", ()),
            parent=self,
        )
        wizard.saved.connect(self._form_saved)
        self._show_wizard(wizard)

    def _form_saved(self, uuid: str) -> None:
        self._refresh_work()
        self.open_case(uuid, reload=True)

    def administration(self) -> None:
        from ui.admin import AdminDialog

        dialog = AdminDialog(self.session, self)
        dialog.exec()
        self._update_title()
        self.idle.set_interval(agency.load_settings(self.session).idle_minutes * 60_000)

    def about(self) -> None:
        from desktop.version import version

        QMessageBox.about(
            self,
            self.about_action.text().replace("&", ""),
            "<h3>Ulinzi</h3><p>"
            + self.tr("Version {version}").format(version=version())
            + "</p><p>"
            + self.tr("Offline case management for child protection social workers.")
            + "</p>",
        )

    # -- lock, switch, sign out --------------------------------------------------------------------
    def _open_dialogs(self) -> list[QWidget]:
        return [w for w in self.findChildren(FormWizard) if w.isVisible()]

    def lock(self) -> None:
        """Hide every case detail, save typed work, forget the key until someone unlocks."""
        if self.locked:
            return
        self.locked = True
        self.idle.timer.stop()
        self._hidden_dialogs = []
        for dialog in self._open_dialogs():
            dialog.save_draft(wait=True)
            dialog.hide()
            self._hidden_dialogs.append(dialog)
        from ui.admin import AdminDialog  # already imported if one is open
        from ui.providers import ProvidersDialog

        for admin in self.findChildren(AdminDialog):
            admin.close_now()  # unsaved agency settings are dropped; accounts are saved as made
        for directory in self.findChildren(ProvidersDialog):
            directory.close_now()
        for shown in (*self.findChildren(DocumentPreview), *self.findChildren(AttachmentView)):
            shown.close()  # a printout shows a child's data: it goes with the key
            shown.deleteLater()
        self.case_list.save_header()
        self.case_list.clear()
        for view in (self.tasks, self.queue):
            if view is not None:
                view.clear()
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
        self._update_title()
        self.lock_screen.focus()

    def _unlocked(self, session: UserSession) -> None:
        same_person = session.user.id == self.session.user.id
        self.locked = False
        self.stack.setCurrentWidget(self.workspace)
        if self.lock_screen is not None:
            self.stack.removeWidget(self.lock_screen)
            self.lock_screen.deleteLater()
            self.lock_screen = None
        self.toolbar.setVisible(True)
        self.session = session
        if same_person:
            for dialog in self._hidden_dialogs:
                dialog.session = session
                dialog.show()
            self._hidden_dialogs = []
            self.case_list.session = session
            self.case_list.model.session = session
            for view in (self.tasks, self.queue):
                if view is not None:
                    view.session = session
            roles = ", ".join(label(ROLES, r.value) for r in sorted(session.user.roles))
            self.who.setText(
                self.tr("Signed in: {name} ({roles})").format(
                    name=session.user.full_name, roles=roles
                )
            )
            self._update_title()
            self._refresh_work()
            self.idle.timer.start()
        else:
            # The previous person's typed work is already kept as their draft.
            for dialog in self._hidden_dialogs:
                dialog._dirty = False
                dialog.close()
            self._hidden_dialogs = []
            self._start_workspace()
        self.ensure_own_password()

    def ensure_own_password(self) -> bool:
        """A temporary password must be changed before any work; refusing signs out."""
        if not self.session.user.must_change_password:
            return True
        dialog = ChangePasswordDialog(self.session, parent=self)
        if dialog.exec() == ChangePasswordDialog.DialogCode.Accepted:
            self.session = accounts.reload_session(self.session)
            return True
        self.sign_out()
        return False

    def sign_out(self) -> None:
        for dialog in self._open_dialogs():
            dialog.save_draft(wait=True)
            dialog._dirty = False
            dialog.close()
        self._finish()
        self.signed_out.emit()
        self.close()

    def _finish(self) -> None:
        self._finished = True
        if self.session.store.is_open:
            self.case_list.save_header()
        self.idle.stop()
        wait_for_background()  # reads in flight finish before the key goes
        self.session.close()

    def ask_quit(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Quit Ulinzi?"),
            self.tr("A form is still open. What you typed will be kept as a draft. Quit?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if not self.locked and self._open_dialogs():
            if not self.ask_quit():
                event.ignore()
                return
            for dialog in self._open_dialogs():
                dialog.save_draft(wait=True)
                dialog._dirty = False
        if not self._finished:
            self._finish()
        super().closeEvent(event)


def _plan_with_status(widget: CaseFileWidget, saved) -> dict:  # type: ignore[no-untyped-def, type-arg]
    """A new version of the case plan starts from the actions' statuses as they are now."""
    answers = dict(saved.answers)
    plan = widget.workflow.plan
    if saved.form_id == "case_plan" and plan is not None and plan.submission_id == saved.id:
        actions = [dict(a) for a in answers.get("actions") or []]
        for action in plan.actions:
            if action.index < len(actions):
                actions[action.index]["status"] = action.status
        answers["actions"] = actions
    return answers

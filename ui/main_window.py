"""The window a caseworker lives in: case list, opened case files, the lock screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolBar,
    QWidget,
)

from db.models import Role
from desktop import accounts, agency, case_forms, cases, drafts
from desktop.forms.saved import latest
from desktop.session import UserSession
from ui.background import run_in_background, wait_for_background
from ui.case_file import CaseFileWidget
from ui.case_list import CaseListWidget
from ui.common import ROLES, label, show_error
from ui.form_fields import text_of
from ui.form_wizard import FormWizard
from ui.login import ChangePasswordDialog, LoginWidget

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
        self._hidden_dialogs: list[QWidget] = []
        self.resize(1366, 768)

        self.stack = QStackedWidget()
        self.tabs = QTabWidget(objectName="workspace", tabsClosable=True, documentMode=True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.lock_screen: LoginWidget | None = None
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)

        self.counts = QLabel(objectName="counts")
        self.who = QLabel(objectName="who")
        self.statusBar().addWidget(self.counts, 1)
        self.statusBar().addPermanentWidget(self.who)
        self._build_actions()

        settings = agency.load_settings(session)
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
        for action in (self.cases_action, self.new_case_action, self.admin_action):
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
        self.lock_action.setText(self.tr("&Lock"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.about_action.setText(self.tr("A&bout Ulinzi"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "case_list"):
            self._retranslate_actions()
            self.tabs.setTabText(0, self.tr("Cases"))
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
        self.new_case_action.setVisible(bool(user.roles & {Role.CASEWORKER, Role.SUPERVISOR}))
        self.admin_action.setVisible(user.is_administrator)
        roles = ", ".join(label(ROLES, r.value) for r in sorted(user.roles))
        self.who.setText(
            self.tr("Signed in: {name} ({roles})").format(name=user.full_name, roles=roles)
        )
        self._update_title()
        self.case_list.refresh()
        self.case_list.search.setFocus()
        self.idle.timer.start()

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

    def _case_tab(self, uuid: str) -> int | None:
        """The index of the tab showing case `uuid`, if it is open."""
        for index in range(1, self.tabs.count()):
            if getattr(self.tabs.widget(index), "uuid", None) == uuid:
                return index
        return None

    def open_case(self, uuid: str, *, reload: bool = False) -> None:
        index = self._case_tab(uuid)
        if index is not None:
            if not reload:
                self.tabs.setCurrentIndex(index)
                return
            self._close_tab(index)
        session = self.session

        def work():  # type: ignore[no-untyped-def]
            return (
                cases.open_case(session, uuid),
                cases.case_history(session, uuid),
                case_forms.form_set(session),
                drafts.drafts_under(session, case_forms.DRAFT_KIND, uuid + ":"),
            )

        def done(result) -> None:  # type: ignore[no-untyped-def]
            if self.locked or session is not self.session:
                return
            case, history, forms, kept = result
            editable = bool(session.user.roles & {Role.CASEWORKER, Role.SUPERVISOR})
            widget = CaseFileWidget(case, history, forms, kept, editable)
            widget.fill_form.connect(self.fill_form)
            index = self.tabs.addTab(widget, case.row.case_number)
            self.tabs.setTabToolTip(index, case.row.child_name)
            self.tabs.setCurrentIndex(index)

        run_in_background(work, done, lambda e: show_error(self, e))

    def _close_tab(self, index: int) -> None:
        if index == 0:
            return
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        widget.deleteLater()

    def _show_wizard(self, wizard: FormWizard) -> None:
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.offer_draft()
        wizard.show()

    def new_case(self) -> None:
        """Register a child: the registration and consent forms, one section at a time."""
        session = self.session

        def done(forms) -> None:  # type: ignore[no-untyped-def]
            if self.locked or session is not self.session:
                return
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
                parent=self,
            )
            wizard.saved.connect(self._registered)
            self._show_wizard(wizard)

        run_in_background(lambda: case_forms.form_set(session), done, lambda e: show_error(self, e))

    def _registered(self, uuid: str) -> None:
        self.case_list.refresh()
        self.open_case(uuid)

    def fill_form(self, uuid: str, form_id: str) -> None:
        """Fill in a form for a case: a first time, or a new version of the saved one."""
        index = self._case_tab(uuid)
        if index is None:
            return
        widget = self.tabs.widget(index)
        session = self.session
        form = widget.form_set.get(form_id)
        saved = latest(widget.case.forms, form_id)
        based_on = saved.revision if saved else None
        answers = {form_id: saved.answers} if saved else {}
        title = self.tr("{form}: {child}").format(
            form=text_of(form.title), child=widget.case.row.child_name
        )
        if saved:
            title += " – " + self.tr("new version")

        def submit(answers: dict[str, dict]) -> str:  # type: ignore[type-arg]
            case_forms.submit_form(session, uuid, form_id, answers[form_id], based_on)
            return uuid

        wizard = FormWizard(
            session,
            [form],
            submit,
            draft_key=case_forms.draft_key(uuid, form_id),
            title=title,
            subtitle=widget.case.row.case_number,
            answers=answers,
            parent=self,
        )
        wizard.saved.connect(self._form_saved)
        self._show_wizard(wizard)

    def _form_saved(self, uuid: str) -> None:
        self.case_list.refresh()
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

        for admin in self.findChildren(AdminDialog):
            admin.close_now()  # unsaved agency settings are dropped; accounts are saved as made
        self.case_list.save_header()
        self.case_list.clear()
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
        self.stack.setCurrentWidget(self.tabs)
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
            roles = ", ".join(label(ROLES, r.value) for r in sorted(session.user.roles))
            self.who.setText(
                self.tr("Signed in: {name} ({roles})").format(
                    name=session.user.full_name, roles=roles
                )
            )
            self._update_title()
            self.case_list.refresh()
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

"""Administration: the people who may sign in to this store, and the agency's own settings.

Calls that derive an Argon2 key (a new account, a new or temporary password) take a noticeable
moment, and saving changed SOP deadlines recomputes the due dates of every case; both run off the
UI thread, with the dialog's controls paused until they report back.

Why one long module: its three pages and four small account dialogs share the busy/status
handling of `_Page` and close together when the screen locks; split, they would import each
other's privates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QMouseEvent, QPalette, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import accounts, assignments, attachments
from desktop import agency as agency_settings
from desktop.accounts import UserSummary
from desktop.agency import AgencySettings
from desktop.assignments import HeldCase, Worker
from desktop.errors import UlinziError
from desktop.session import UserInfo
from desktop.vocabulary import Role
from desktop.workflow import Deadlines, Rules
from ui import i18n
from ui.attachments import AttachmentRulesBox
from ui.common import (
    ROLES,
    file_folder,
    fit_to_screen,
    label,
    password_strength,
    remember_folder,
    show_error,
    two_columns,
)
from ui.conferences import default_agenda
from ui.help import add_help_key
from ui.operations import Op
from ui.reassign import HandOverPanel
from ui.session_holder import SessionHolder
from ui.table_model import MUTED, RowsModel

ModelIndex = QModelIndex | QPersistentModelIndex
LOGO_HEIGHT = 120
LOGO_MAX_WIDTH = 320
CAPTION_MAX_WIDTH = 310
ADMIN_SHARE = 0.85  # of the screen, for the Administration window
ERROR_STYLE = "color: #b71c1c;"
DONE_STYLE = "color: #1b5e20;"


def _hint(text: str = "") -> QLabel:
    """A line of help under a field: smaller and quieter than the field's own label."""
    hint = QLabel(text, wordWrap=True)
    palette = hint.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    hint.setPalette(palette)
    return hint


def _add_with_hint(form: QFormLayout, text: str, field: QWidget, hint: QLabel) -> None:
    """A form row whose field has its help line under it, in the same cell."""
    caption = QLabel(text)
    caption.setBuddy(field)  # the form sets buddies only for a bare widget
    cell = QVBoxLayout()
    cell.setSpacing(2)
    cell.addWidget(field)
    cell.addWidget(hint)
    form.addRow(caption, cell)


def _caption(text: str, buddy: QWidget) -> QLabel:
    """A form label that wraps when a translation is long, instead of widening the page."""
    caption = QLabel(text, wordWrap=True)
    caption.setBuddy(buddy)
    # A wrapping label would otherwise wrap even short texts; keep one line up to a limit.
    one_line = caption.fontMetrics().horizontalAdvance(text.replace("&", "")) + 4
    caption.setMinimumWidth(min(one_line, CAPTION_MAX_WIDTH))
    return caption


class _TickLabel(QLabel):
    """A check box's text on several lines: a click on it ticks the box, as on the box's own."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        buddy = self.buddy()
        left = event.button() == Qt.MouseButton.LeftButton
        if left and isinstance(buddy, QCheckBox) and buddy.isEnabled():
            buddy.toggle()
            buddy.setFocus()
        super().mouseReleaseEvent(event)


def _wrapping(box: QCheckBox) -> QWidget:
    """`box` with its text wrapping (a long translation would widen the page): the text moves
    to a label beside the box, which points at it and ticks it when clicked."""
    text = box.text()
    box.setText("")
    caption = _TickLabel(text, wordWrap=True)
    caption.setBuddy(box)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(caption, 1)
    return row


def _person(user: UserSummary) -> str:
    return f"{user.full_name} ({user.username})"


def _no_enter(*buttons: QPushButton) -> None:
    """Enter must never press these: only a click, Space on the focused button or its mnemonic."""
    for button in buttons:
        button.setAutoDefault(False)
        button.setDefault(False)


# -- the list of users ---------------------------------------------------------------------------


class UserTableModel(RowsModel[UserSummary]):
    """The store's accounts, active and deactivated, one row each."""

    USERNAME, FULL_NAME, ROLES, TEAM, SUPERVISOR, STATE = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(lambda user: user.username, parent)
        self._full_names: dict[str, str] = {}

    def set_rows(self, rows: Sequence[UserSummary]) -> None:
        self._full_names = {u.username: u.full_name for u in rows}
        super().set_rows(rows)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Username"),
            self.tr("Full name"),
            self.tr("Roles"),
            self.tr("Team"),
            self.tr("Supervisor"),
            self.tr("State"),
        )

    def cell(self, user: UserSummary, column: int) -> Any:
        if column == self.USERNAME:
            return user.username
        if column == self.FULL_NAME:
            return user.full_name
        if column == self.ROLES:
            return ", ".join(label(ROLES, r.value) for r in Role if r in user.roles)
        if column == self.TEAM:
            # A team named after its supervisor's account reads as that person's team.
            boss = self._full_names.get(user.team)
            return self.tr("{name}'s team").format(name=boss) if boss else user.team
        if column == self.SUPERVISOR:
            return self._full_names.get(user.supervisor, user.supervisor)
        if not user.active:
            return self.tr("Deactivated")
        return self.tr("Active") if user.has_key_slot else self.tr("Active, no password")

    def muted(self, user: UserSummary) -> QColor | None:
        return None if user.active else MUTED

    def tooltip(self, user: UserSummary, column: int) -> str | None:
        if column != self.STATE:
            return None
        if not user.active:
            return self.tr("Cannot sign in. The name stays in the case history.")
        if not user.has_key_slot:
            return self.tr("This account has no password yet: reset its password.")
        return None


# -- small dialogs for one account ---------------------------------------------------------------


class _AccountDialog(QDialog):
    """One change to one account: a short form, a message line, and the service call run off
    the UI thread. The dialog stays open (keeping what was typed) when the call is refused."""

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self.target = ""  # the username changed, to select it again in the list
        self.result_text = ""  # one sentence for the administration window's status line
        self.is_busy = False
        self._focus: QWidget | None = None
        self.intro = QLabel(wordWrap=True, objectName="intro")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = QLabel(wordWrap=True, objectName="message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.busy = QLabel(objectName="busy")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("ok")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch()
        layout.addLayout(bottom)
        self.setMinimumWidth(480)

    # -- temporary passwords, typed twice ------------------------------------------------------
    def _add_password_rows(self) -> None:
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="password")
        self.again = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="again")
        self.meter = QProgressBar(maximum=4, textVisible=False, objectName="strength")
        self.meter.setMaximumWidth(160)
        self.meter_word = QLabel(objectName="strengthWord")
        strength = QHBoxLayout()
        strength.addWidget(self.meter)
        strength.addWidget(self.meter_word, 1)
        self.form.addRow(self.tr("&Temporary password"), self.password)
        self.form.addRow(self.tr("Strength"), strength)
        hint = _hint(
            self.tr(
                "Give this password to the person privately. They must choose their own "
                "password when they next sign in."
            )
        )
        _add_with_hint(self.form, self.tr("Password a&gain"), self.again, hint)
        self.password.textChanged.connect(self._password_typed)
        self.again.textChanged.connect(self._password_typed)
        self._password_typed()

    def _password_typed(self) -> None:
        score, word = password_strength(self.password.text())
        self.meter.setValue(score)
        self.meter_word.setText(word)
        differ = self.again.text() and not self.password.text().startswith(self.again.text())
        self.message.setText(self.tr("The two passwords differ.") if differ else "")

    def _password_problem(self) -> str:
        if len(self.password.text()) < accounts.MIN_PASSWORD_LENGTH:
            self.password.setFocus()
            return self.tr("The temporary password needs at least {n} characters.").format(
                n=accounts.MIN_PASSWORD_LENGTH
            )
        if self.again.text() != self.password.text():
            self.again.setFocus()
            self.again.selectAll()
            return self.tr("The two passwords differ: type the same password twice.")
        return ""

    # -- what a subclass says ------------------------------------------------------------------
    def problem(self) -> str:
        """What to fix before calling the service ("" when nothing)."""
        return ""

    def work(self) -> Callable[[], object]:
        """The service call, with every value read from the widgets already (it runs off the
        UI thread, where widgets must not be touched)."""
        raise NotImplementedError

    # -- running it ----------------------------------------------------------------------------
    def submit(self) -> None:
        if self.is_busy:
            return
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        self.message.clear()
        work = self.work()
        self._set_busy(True)
        Op(self, work).writes().on_success(self._done).on_failure(self._failed).run()

    def _set_busy(self, busy: bool) -> None:
        self.is_busy = busy
        if busy:
            self._focus = self.focusWidget()
        for child in self.findChildren(QWidget):
            if child is not self.busy and child.parent() is self:
                child.setEnabled(not busy)
        self.busy.setText(self.tr("Saving…") if busy else "")
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
            if self._focus is not None:
                self._focus.setFocus()

    def _done(self, _result: object) -> None:
        self._set_busy(False)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, UlinziError):
            self.message.setText(i18n.error_text(error))
        else:
            show_error(self, error)

    def reject(self) -> None:
        if not self.is_busy:  # the change is being written: let it finish
            super().reject()


class AddUserDialog(_AccountDialog):
    """A new account with a temporary password, to be replaced at first sign-in."""

    def __init__(
        self,
        holder: SessionHolder,
        supervisors: list[UserSummary],
        teams: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(holder, parent)
        self.setWindowTitle(self.tr("Add user"))
        self.intro.setText(self.tr("A new person who may sign in to this computer's case files."))
        self.username = QLineEdit(objectName="username")
        self.username.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[\w.\-]{0,50}"), self.username)
        )
        self.full_name = QLineEdit(objectName="fullName")
        self.roles = {role: QCheckBox(label(ROLES, role.value)) for role in Role}
        for role, box in self.roles.items():
            box.setObjectName(f"role_{role.value}")
        self.roles[Role.CASEWORKER].setChecked(True)
        role_row = QHBoxLayout()
        for box in self.roles.values():
            role_row.addWidget(box)
        role_row.addStretch()
        self.team = QLineEdit(objectName="team")
        self.team.setCompleter(QCompleter(sorted(t for t in set(teams) if t), self.team))
        self.supervisor = QComboBox(objectName="supervisor")
        self.supervisor.addItem(self.tr("No supervisor"), None)
        for boss in supervisors:
            self.supervisor.addItem(_person(boss), boss.username)

        hint = _hint(self.tr("Used to sign in: letters, digits, dots, dashes or underscores."))
        _add_with_hint(self.form, self.tr("&Username"), self.username, hint)
        self.form.addRow(self.tr("&Full name"), self.full_name)
        roles_label = QLabel(self.tr("Roles"))
        self.form.addRow(roles_label, role_row)
        self.form.addRow(self.tr("T&eam"), self.team)
        self.form.addRow(self.tr("&Supervisor"), self.supervisor)
        self._add_password_rows()
        self.ok.setText(self.tr("&Add user"))
        self.username.setFocus()  # the buttons come first in creation order

    def problem(self) -> str:
        if len(self.username.text().strip()) < 2:
            self.username.setFocus()
            return self.tr("Type a username of at least 2 characters.")
        if not any(box.isChecked() for box in self.roles.values()):
            return self.tr("Tick at least one role.")
        return self._password_problem()

    def _done(self, result: object) -> None:
        if isinstance(result, UserInfo):
            self.target = result.username
        super()._done(result)

    def work(self) -> Callable[[], object]:
        session = self.holder.session
        username = self.username.text().strip()
        full_name = self.full_name.text().strip()
        roles = [role for role, box in self.roles.items() if box.isChecked()]
        team = self.team.text().strip()
        supervisor = self.supervisor.currentData()
        password = self.password.text()
        self.result_text = self.tr(
            "{name} was added. They must choose their own password when they first sign in."
        ).format(name=full_name or username)
        return lambda: accounts.add_user(
            session,
            username,
            full_name,
            roles,
            password,
            team=team,
            supervisor=supervisor,
            must_change_password=True,
        )


class PasswordDialog(_AccountDialog):
    """A temporary password: for someone who forgot theirs, or for a deactivated account."""

    def __init__(
        self,
        holder: SessionHolder,
        user: UserSummary,
        *,
        reactivate: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(holder, parent)
        self.user = user
        self.reactivate = reactivate
        self.target = user.username
        if reactivate:
            self.setWindowTitle(self.tr("Reactivate account"))
            self.intro.setText(
                self.tr(
                    "{person} will be able to sign in again with this temporary password."
                ).format(person=_person(user))
            )
            self.ok.setText(self.tr("&Reactivate"))
            self.result_text = self.tr("{name} can sign in again.").format(name=user.full_name)
        else:
            self.setWindowTitle(self.tr("Reset password"))
            self.intro.setText(
                self.tr(
                    "A new temporary password for {person}. Their old password stops working now."
                ).format(person=_person(user))
            )
            self.ok.setText(self.tr("&Set password"))
            self.result_text = self.tr("{name} has a new temporary password.").format(
                name=user.full_name
            )
        self._add_password_rows()
        self.password.setFocus()

    def problem(self) -> str:
        return self._password_problem()

    def work(self) -> Callable[[], object]:
        session, username, password = self.holder.session, self.user.username, self.password.text()
        if self.reactivate:
            return lambda: accounts.reactivate_user(session, username, password)
        return lambda: accounts.reset_password(session, username, password, temporary=True)


class SupervisorDialog(_AccountDialog):
    """Whose team someone belongs to (the supervisor sees and approves that team's cases)."""

    def __init__(
        self,
        holder: SessionHolder,
        user: UserSummary,
        supervisors: list[UserSummary],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(holder, parent)
        self.user = user
        self.target = user.username
        self.setWindowTitle(self.tr("Assign supervisor"))
        self.intro.setText(
            self.tr(
                "Choose whose team {person} belongs to. The supervisor sees the cases of their "
                "team and approves plans and closures."
            ).format(person=_person(user))
        )
        self.supervisor = QComboBox(objectName="supervisor")
        self.supervisor.addItem(self.tr("No supervisor"), None)
        for boss in supervisors:
            if boss.username != user.username:
                self.supervisor.addItem(_person(boss), boss.username)
        self.supervisor.setCurrentIndex(max(0, self.supervisor.findData(user.supervisor or None)))
        self.form.addRow(self.tr("&Supervisor"), self.supervisor)
        self.ok.setText(self.tr("&Assign"))
        self.supervisor.setFocus()

    def work(self) -> Callable[[], object]:
        session, username = self.holder.session, self.user.username
        supervisor = self.supervisor.currentData()
        self.result_text = (
            self.tr("{name} is now in the team of {boss}.").format(
                name=self.user.full_name, boss=self.supervisor.currentText()
            )
            if supervisor
            else self.tr("{name} has no supervisor now.").format(name=self.user.full_name)
        )
        return lambda: accounts.assign_supervisor(session, username, supervisor)


class DeactivateDialog(_AccountDialog):
    """Deactivating someone who still holds cases: who takes each of them, and why. The account
    is closed in the same step, and only once every case has someone."""

    def __init__(
        self,
        holder: SessionHolder,
        user: UserSummary,
        held: list[HeldCase],
        workers: list[Worker],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(holder, parent)
        self.user = user
        self.target = user.username
        self.setWindowTitle(self.tr("Deactivate account"))
        self.intro.setText(
            self.tr(
                "{person} still holds {n} cases. Choose who takes them: their open tasks go with "
                "them. Then the account is deactivated: the password stops working at once, the "
                "name stays in the case history."
            ).format(person=_person(user), n=len(held))
        )
        self.panel = HandOverPanel(held, workers, self)
        self.form.addRow(self.panel)
        self.reason = QPlainTextEdit(objectName="handReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(70)
        self.reason.setPlaceholderText(self.tr("e.g. Cara left the agency in March"))
        self.form.addRow(self.tr("&Why"), self.reason)
        self.ok.setText(self.tr("Hand over and &deactivate"))
        self.setMinimumSize(640, 520)
        self.panel.worker.setFocus()

    def problem(self) -> str:
        problem = self.panel.problem()
        if problem:
            return problem
        if not self.reason.toPlainText().strip():
            self.reason.setFocus()
            return self.tr("Say why the cases change hands: the reason is kept in their history.")
        return ""

    def work(self) -> Callable[[], object]:
        session, username = self.holder.session, self.user.username
        plan, reason = self.panel.plan(), self.reason.toPlainText().strip()
        self.result_text = self.tr(
            "{name} can no longer sign in; their {n} cases have new caseworkers."
        ).format(name=self.user.full_name, n=len(plan))
        return lambda: accounts.remove_user(session, username, plan, reason)


# -- the two pages -------------------------------------------------------------------------------


class _Page(QWidget):
    """A tab whose work may run in the background; it pauses its controls meanwhile."""

    busy_changed = Signal(str)  # what is being done, "" when done

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self.is_busy = False
        self._focus: QWidget | None = None

    def run(
        self, work: Callable[[], object], on_done: Callable[[Any], None], busy_text: str
    ) -> None:
        self._set_busy(True, busy_text)

        def done(result: object) -> None:
            self._set_busy(False, "")
            on_done(result)

        def failed(error: Exception) -> None:
            self._set_busy(False, "")
            show_error(self, error)

        Op(self, work).on_success(done).on_failure(failed).run()

    def _set_busy(self, busy: bool, text: str) -> None:
        self.is_busy = busy
        if busy:
            self._focus = QApplication.focusWidget()
        self.setEnabled(not busy)
        if busy:
            self.show_status("")
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
            if self._focus is not None and self._focus.isEnabled() and self._focus.isVisible():
                self._focus.setFocus()
        self.busy_changed.emit(text if busy else "")

    def show_status(self, text: str, style: str = "") -> None:
        raise NotImplementedError


class UsersPage(_Page):
    """Accounts: add one, give a temporary password, deactivate, reactivate, choose a team."""

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(holder, parent)
        self.child_dialog: _AccountDialog | None = None
        intro = QLabel(
            self.tr(
                "The people who may sign in to the case files on this computer. Select someone to "
                "reset their password, change their team or deactivate their account."
            ),
            wordWrap=True,
        )
        self.model = UserTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(objectName="users")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(UserTableModel.USERNAME, Qt.SortOrder.AscendingOrder)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.add_button = QPushButton(self.tr("&Add a staff account…"), objectName="addUser")
        self.reset_button = QPushButton(self.tr("&Reset password…"), objectName="resetPassword")
        self.deactivate_button = QPushButton(self.tr("&Deactivate"), objectName="deactivate")
        # "Re&activate" would share Alt+A with "&Add a staff account…"; T is free on this page.
        self.reactivate_button = QPushButton(self.tr("Reac&tivate…"), objectName="reactivate")
        self.supervisor_button = QPushButton(
            self.tr("Assign &supervisor…"), objectName="assignSupervisor"
        )
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.reactivate_button.clicked.connect(self.reactivate)
        self.supervisor_button.clicked.connect(self.assign_supervisor)
        buttons = (
            self.add_button,
            self.reset_button,
            self.supervisor_button,
            self.deactivate_button,
            self.reactivate_button,
        )
        _no_enter(*buttons)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addSpacing(24)
        for button in buttons[1:]:
            if button is self.deactivate_button:
                row.addSpacing(24)  # apart from the everyday actions
            row.addWidget(button)
        row.addStretch()
        self.status = QLabel(wordWrap=True, objectName="status")
        # Right after setting up, only the administrator exists: the first thing to do.
        self.first_step = QLabel(
            self.tr(
                "Only your account exists yet. Start by adding the staff accounts: caseworkers, "
                "supervisors and managers (each changes a temporary password at first sign-in)."
            ),
            wordWrap=True,
            objectName="firstStep",
        )
        self.first_step.setStyleSheet("background: #fff4d6; padding: 6px;")
        self.first_step.hide()
        self.alone = False

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.first_step)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        QWidget.setTabOrder(self.table, self.add_button)
        for first, second in zip(buttons, buttons[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.refresh()

    # -- the list ------------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        """Read the accounts again; keep (or move) the selection to `select`."""
        keep = select or (self.selected_user().username if self.selected_user() else None)
        try:
            users = accounts.list_users(self.holder.session)
        except Exception as error:  # noqa: BLE001 - shown to the person, logged if unexpected
            show_error(self, error)
            users = []
        self.model.set_rows(users)
        self.alone = len(users) == 1 and users[0].username == self.holder.session.user.username
        self.first_step.setVisible(self.alone)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):  # a little air between columns
            header.resizeSection(column, header.sectionSize(column) + 16)
        if keep:
            self.select(keep)
        self._update_buttons()

    def select(self, username: str) -> bool:
        row = self.model.row_of(username)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def selected_user(self) -> UserSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def supervisors(self) -> list[UserSummary]:
        return [u for u in self.model.rows() if u.active and Role.SUPERVISOR in u.roles]

    def _update_buttons(self) -> None:
        user = self.selected_user()
        active = user is not None and user.active
        self.reset_button.setEnabled(active)
        self.supervisor_button.setEnabled(active)
        self.deactivate_button.setEnabled(
            active and user is not None and user.username != self.holder.session.user.username
        )
        self.reactivate_button.setEnabled(user is not None and not user.active)

    def show_status(self, text: str, style: str = "") -> None:
        self.status.setStyleSheet(style)
        self.status.setText(text)

    # -- actions -------------------------------------------------------------------------------
    def add_user(self) -> None:
        teams = [u.team for u in self.model.rows()]
        self._open(AddUserDialog(self.holder, self.supervisors(), teams, self))

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is not None and user.active:
            self._open(PasswordDialog(self.holder, user, reactivate=False, parent=self))

    def reactivate(self) -> None:
        user = self.selected_user()
        if user is not None and not user.active:
            self._open(PasswordDialog(self.holder, user, reactivate=True, parent=self))

    def assign_supervisor(self) -> None:
        user = self.selected_user()
        if user is not None and user.active:
            self._open(SupervisorDialog(self.holder, user, self.supervisors(), self))

    def deactivate(self) -> None:
        user = self.selected_user()
        if user is None or not user.active:
            return
        session = self.holder.session
        try:  # a short read: a person holds tens of cases, not thousands
            held = assignments.held_cases(session, user.username)
            workers = assignments.workers(session, besides=user.username) if held else []
        except Exception as error:  # noqa: BLE001 - shown to the person, logged if unexpected
            show_error(self, error)
            return
        if held:  # someone who leaves must not take cases (and their overdue work) with them
            self._open(DeactivateDialog(self.holder, user, held, workers, self))
            return
        question = self.tr(
            "Deactivate the account of {person}?\n\n"
            "Their password stops working at once: their key to the case files is removed from "
            "this computer. Their name stays in the case history and the audit log.\n\n"
            "You can reactivate the account later with a new temporary password."
        ).format(person=_person(user))
        if not self.confirm(self.tr("Deactivate account"), question, self.tr("&Deactivate")):
            return
        session, username = self.holder.session, user.username
        self.run(
            lambda: accounts.remove_user(session, username),
            lambda _r: self._changed(
                username,
                self.tr("{name} can no longer sign in.").format(name=user.full_name),
            ),
            self.tr("Deactivating…"),
        )

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Ask before something that cannot simply be undone. Cancel is the default answer."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes

    def _open(self, dialog: _AccountDialog) -> None:
        self.child_dialog = dialog
        dialog.accepted.connect(lambda: self._changed(dialog.target, dialog.result_text))
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: _AccountDialog) -> None:
        if self.child_dialog is dialog:
            self.child_dialog = None
        dialog.deleteLater()
        self.table.setFocus()

    def _changed(self, username: str, text: str) -> None:
        self.refresh(select=username)
        self.show_status(text, DONE_STYLE)


class AgencyPage(_Page):
    """The agency's name and code, its logo for printouts, the idle lock and the SOP deadlines."""

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(holder, parent)
        self._logo: bytes | None = None
        self._loaded: AgencySettings | None = None

        self.name = QLineEdit(objectName="name")
        self.code = QLineEdit(objectName="code", maxLength=10)
        self.code.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z0-9]{0,10}"), self.code)
        )
        self.code.textEdited.connect(self._code_edited)
        self.code_hint = _hint()
        self.country = QLineEdit(objectName="country")
        self.district = QLineEdit(objectName="district")
        self.language = QComboBox(objectName="language")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.paper = QComboBox(objectName="paper")
        self.paper.addItem(self.tr("A4"), "A4")
        self.paper.addItem(self.tr("Letter (US)"), "Letter")
        self.logo_preview = QLabel(objectName="logoPreview", alignment=Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_preview.setMinimumSize(LOGO_MAX_WIDTH // 2, LOGO_HEIGHT + 8)
        self.logo_preview.setMaximumSize(LOGO_MAX_WIDTH + 8, LOGO_HEIGHT + 8)
        self.choose_logo_button = QPushButton(self.tr("C&hoose logo…"), objectName="chooseLogo")
        self.remove_logo_button = QPushButton(self.tr("&Remove logo"), objectName="removeLogo")
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button.clicked.connect(self.remove_logo)
        self.idle_minutes = QSpinBox(objectName="idleMinutes", minimum=1, maximum=120)
        self.deadlines: dict[str, QSpinBox] = {}
        self.save_button = QPushButton(self.tr("&Save"), objectName="save")
        self.save_button.clicked.connect(lambda: self.save())
        self.saved = QLabel(objectName="saved")
        _no_enter(self.choose_logo_button, self.remove_logo_button, self.save_button)

        identity = QGroupBox(self.tr("Agency"))
        form = QFormLayout(identity)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Name"), self.name)
        _add_with_hint(form, self.tr("Co&de"), self.code, self.code_hint)
        form.addRow(self.tr("C&ountry"), self.country)
        form.addRow(self.tr("D&istrict"), self.district)
        form.addRow(self.tr("Default &language"), self.language)
        logo_buttons = QHBoxLayout()
        logo_buttons.addWidget(self.choose_logo_button)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addStretch()
        logo = QVBoxLayout()
        logo.addWidget(self.logo_preview)
        logo.addLayout(logo_buttons)
        form.addRow(self.tr("Logo for printouts"), logo)
        form.addRow(self.tr("&Paper for printouts"), self.paper)

        lock = QGroupBox(self.tr("Screen lock"))
        lock_form = QFormLayout(lock)
        lock_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        lock_form.addRow(
            _caption(self.tr("Lock the screen after (idle &minutes)"), self.idle_minutes),
            self.idle_minutes,
        )
        lock_form.addRow(
            _hint(self.tr("Protects the children's information when someone leaves the desk."))
        )

        sop = QGroupBox(self.tr("Deadlines and approvals"))
        sop_form = QFormLayout(sop)
        sop_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        names = self._deadline_labels()
        for field in fields(Deadlines):
            spin = QSpinBox(objectName=field.name, minimum=1, maximum=self._maximum(field.name))
            spin.setAccelerated(True)
            self.deadlines[field.name] = spin
            text = names.get(field.name, field.name.replace("_", " "))
            sop_form.addRow(_caption(text, spin), spin)
        self.consent_months = QSpinBox(objectName="consentMonths", minimum=1, maximum=120)
        sop_form.addRow(
            _caption(self.tr("Consent asked again after (months)"), self.consent_months),
            self.consent_months,
        )
        sop_form.addRow(
            _hint(self.tr("Changing a deadline updates the due dates of every case on saving."))
        )
        self.self_approval = QCheckBox(
            self.tr("A supervisor may approve their own requests"), objectName="selfApproval"
        )
        self.approve_bid = QCheckBox(
            self.tr("A best interests determination needs the supervisor's approval"),
            objectName="approveBid",
        )
        for box in (self.self_approval, self.approve_bid):
            sop_form.addRow(_wrapping(box))
            box.toggled.connect(self._edited)
        spins = (self.idle_minutes, *self.deadlines.values(), self.consent_months)
        width = max(spin.sizeHint().width() for spin in spins)
        for spin in spins:  # one column of equal boxes reads more calmly
            spin.setMinimumWidth(width)

        meetings = QGroupBox(self.tr("Case conferences"))
        meetings_form = QFormLayout(meetings)
        meetings_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.agenda = QPlainTextEdit(objectName="conferenceAgenda")
        self.agenda.setTabChangesFocus(True)
        self.agenda.setPlaceholderText("\n".join(default_agenda()))
        self.agenda.setFixedHeight(self.agenda.fontMetrics().lineSpacing() * 8 + 12)
        meetings_form.addRow(_caption(self.tr("A&genda, one item per line"), self.agenda))
        meetings_form.addRow(self.agenda)
        meetings_form.addRow(
            _hint(
                self.tr(
                    "Empty: the standard agenda shown in grey, in each reader's language. The "
                    "item whose title says “summary” is filled in with the case summary and the "
                    "plan's overdue actions."
                )
            )
        )
        self.minutes_identity = QComboBox(objectName="minutesIdentity")
        self.minutes_identity.addItem(self.tr("The case number only"), "number")
        self.minutes_identity.addItem(
            self.tr("The case number and the child's initials"), "initials"
        )
        self.minutes_identity.addItem(self.tr("The case number and the child's name"), "name")
        meetings_form.addRow(
            _caption(self.tr("Printed &minutes name the child by"), self.minutes_identity),
            self.minutes_identity,
        )
        meetings_form.addRow(
            _hint(self.tr("Minutes go to other organisations: name the child no more than needed."))
        )

        self.attachment_rules = AttachmentRulesBox()
        self.attachment_rules.changed.connect(self._edited)
        scroll = two_columns([identity, meetings, self.attachment_rules], [lock, sop])
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # it scrolls to whichever field has focus

        save_row = QHBoxLayout()
        save_row.addStretch()
        save_row.addWidget(self.saved)
        save_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        save_row.setContentsMargins(9, 0, 9, 9)
        layout.addLayout(save_row)

        for edit in (self.name, self.code, self.country, self.district):
            edit.textChanged.connect(self._edited)
        self.language.currentIndexChanged.connect(self._edited)
        self.paper.currentIndexChanged.connect(self._edited)
        self.minutes_identity.currentIndexChanged.connect(self._edited)
        self.agenda.textChanged.connect(self._edited)
        for spin in (self.idle_minutes, *self.deadlines.values(), self.consent_months):
            spin.valueChanged.connect(self._edited)
        self.load()

    def _deadline_labels(self) -> dict[str, str]:
        return {
            "initial_assessment_hours": self.tr(
                "Initial assessment within (hours after registration)"
            ),
            "initial_assessment_max_hours": self.tr("Initial assessment at the latest (hours)"),
            "full_assessment_days": self.tr("Full assessment within (days after registration)"),
            "case_plan_days": self.tr("Case plan within (days after the assessment)"),
            "review_months": self.tr("Plan review every (months)"),
            "review_months_high_risk": self.tr("Plan review for high-risk cases every (months)"),
            "approval_days": self.tr("Supervisor decides on a request within (days)"),
            "due_soon_days": self.tr("A task shows as due soon (days before)"),
            "post_closure_visit_months": self.tr("Visit after closure within (months)"),
            "placement_review_months": self.tr("Placement review every (months)"),
            "best_interests_days": self.tr(
                "Best interests determination within (days after the assessment asks for it)"
            ),
            "urgent_referral_days": self.tr("Urgent referral's outcome checked within (days)"),
            "visit_days_high_risk": self.tr("Home visit for high-risk cases every (days)"),
            "visit_days_medium_risk": self.tr("Home visit for medium-risk cases every (days)"),
            "visit_days_low_risk": self.tr("Home visit for low-risk cases every (days)"),
        }

    @staticmethod
    def _maximum(name: str) -> int:
        if name.endswith("_hours"):
            return 24 * 30
        if name.endswith("_days"):
            return 365
        if name.endswith("_months"):
            return 36
        return 999

    # -- between the form and the settings -----------------------------------------------------
    def load(self) -> None:
        try:
            settings = agency_settings.load_settings(self.holder.session)
        except Exception as error:  # noqa: BLE001 - shown to the person, logged if unexpected
            show_error(self, error)
            self.setEnabled(False)
            return
        self._show(settings)
        self.attachment_rules.show_rules(attachments.attachment_rules(self.holder.session))

    def _show(self, settings: AgencySettings) -> None:
        self._loaded = settings
        self.name.setText(settings.name)
        self.code.setText(settings.code)
        self.country.setText(settings.country)
        self.district.setText(settings.district)
        index = self.language.findData(settings.language)
        if index < 0:  # a language this version does not offer yet: keep it, selectable
            self.language.addItem(settings.language, settings.language)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)
        self.idle_minutes.setValue(settings.idle_minutes)
        for name, value in settings.deadlines.as_dict().items():
            if name in self.deadlines:
                self.deadlines[name].setValue(value)
        self.consent_months.setValue(settings.consent_months)
        self.self_approval.setChecked(settings.rules.allow_self_approval)
        self.approve_bid.setChecked(settings.rules.approve_best_interests)
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.paper)))
        self.minutes_identity.setCurrentIndex(
            max(0, self.minutes_identity.findData(settings.minutes_identity))
        )
        self.agenda.setPlainText("\n".join(settings.conference_agenda))
        self._logo = settings.logo
        self._show_logo()
        self._update_code_hint()
        self.saved.clear()

    def settings(self) -> AgencySettings:
        """What the form says now."""
        return AgencySettings(
            name=self.name.text().strip(),
            code=self.code.text().strip().upper(),
            country=self.country.text().strip(),
            district=self.district.text().strip(),
            language=self.language.currentData(),
            idle_minutes=self.idle_minutes.value(),
            deadlines=Deadlines(**{k: spin.value() for k, spin in self.deadlines.items()}),
            logo=self._logo,
            rules=Rules(self.self_approval.isChecked(), self.approve_bid.isChecked()),
            paper=self.paper.currentData(),
            minutes_identity=self.minutes_identity.currentData(),
            conference_agenda=tuple(
                " ".join(line.split())
                for line in self.agenda.toPlainText().splitlines()
                if line.strip()
            ),
            consent_months=self.consent_months.value(),
        )

    def is_changed(self) -> bool:
        return (
            self._loaded is not None and self.settings() != self._loaded
        ) or self.attachment_rules.is_changed()

    def _edited(self, *_args: object) -> None:
        self.saved.clear()
        self._update_code_hint()

    def _code_edited(self, text: str) -> None:
        position = self.code.cursorPosition()
        self.code.setText(text.upper())
        self.code.setCursorPosition(position)

    def _update_code_hint(self) -> None:
        example = f"{self.code.text().strip().upper() or 'KGL'}-{date.today().year}-00001"
        self.code_hint.setText(
            self.tr(
                "2 to 10 letters or digits. New case numbers begin with it, e.g. {example}; "
                "numbers already given stay as they are."
            ).format(example=example)
        )

    # -- logo ----------------------------------------------------------------------------------
    def choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the logo for printouts"),
            file_folder(),
            self.tr("Pictures (*.png *.jpg *.jpeg)"),
        )
        remember_folder(path)
        if path:
            self.set_logo_file(Path(path))

    def set_logo_file(self, path: Path) -> bool:
        try:
            data = path.read_bytes()
        except OSError:
            self._logo_problem(self.tr("This file cannot be read."))
            return False
        if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8\xff")):
            self._logo_problem(self.tr("Choose a PNG or JPEG picture."))
            return False
        if len(data) > agency_settings.MAX_LOGO_BYTES:
            self._logo_problem(
                self.tr(
                    "This picture is too large (at most {kb} KB). Save a smaller copy and "
                    "choose it again."
                ).format(kb=agency_settings.MAX_LOGO_BYTES // 1024)
            )
            return False
        if not QPixmap().loadFromData(data):
            self._logo_problem(self.tr("This picture cannot be read. Choose another file."))
            return False
        self._logo = data
        self._show_logo()
        self._edited()
        return True

    def remove_logo(self) -> None:
        self._logo = None
        self._show_logo()
        self._edited()

    def _logo_problem(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Logo for printouts"), text)

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self._logo is not None and pixmap.loadFromData(self._logo):
            ratio = self.devicePixelRatioF()
            scaled = pixmap.scaled(
                QSize(LOGO_MAX_WIDTH, LOGO_HEIGHT) * ratio,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            scaled.setDevicePixelRatio(ratio)
            self.logo_preview.setPixmap(scaled)
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("No logo"))
        self.remove_logo_button.setEnabled(self._logo is not None)

    # -- saving --------------------------------------------------------------------------------
    def save(self, then: Callable[[], None] | None = None) -> None:
        new = self.settings()
        if new.deadlines.initial_assessment_max_hours < new.deadlines.initial_assessment_hours:
            self.show_status(
                self.tr(
                    "The latest time for the initial assessment cannot be shorter than the "
                    "usual time."
                ),
                ERROR_STYLE,
            )
            self.deadlines["initial_assessment_max_hours"].setFocus()
            return
        session = self.holder.session
        rules = self.attachment_rules.rules()

        def saved(result: tuple[AgencySettings, attachments.AttachmentRules]) -> None:
            self._show(result[0])
            self.attachment_rules.show_rules(result[1])
            self.show_status(self.tr("Saved."), DONE_STYLE)
            if then is not None:
                then()

        self.run(
            lambda: (
                agency_settings.save_settings(session, new),
                attachments.save_attachment_rules(session, rules),
            ),
            saved,
            self.tr("Saving… due dates are updated if a deadline changed."),
        )

    def show_status(self, text: str, style: str = "") -> None:
        self.saved.setStyleSheet(style)
        self.saved.setText(text)


# -- the dialog ----------------------------------------------------------------------------------


class AdminDialog(QDialog):
    """Users and agency settings, for administrators (the services check this again)."""

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        # Locked: unsaved agency settings are dropped; accounts are saved as they are made.
        holder.locked.connect(self.close_now)
        self.setWindowTitle(self.tr("Administration"))
        self.tabs = QTabWidget(objectName="tabs")
        add_help_key(self, "admin")
        self.users = UsersPage(holder)
        self.agency = AgencyPage(holder)
        self.tabs.addTab(self.users, self.tr("&Users"))
        self.tabs.addTab(self.agency, self.tr("A&gency"))
        from ui.exchange import PartnersPage

        self.partners = PartnersPage(holder)
        self.tabs.addTab(self.partners, self.tr("&Partners and backups"))
        from ui.facility_admin import FacilitiesPage

        self.facilities = FacilitiesPage(holder)
        self.tabs.addTab(self.facilities, self.tr("&Facilities"))
        from ui.indicator_settings import IndicatorsPage

        self.indicators = IndicatorsPage(holder)
        self.tabs.addTab(self.indicators, self.tr("Indica&tors"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        _no_enter(self.close_button)
        self.buttons.rejected.connect(self.reject)
        self.busy = QLabel(objectName="busy")
        for page in (self.users, self.agency, self.indicators):
            page.busy_changed.connect(self._busy_changed)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        # Its content's size, and more of a larger screen; never beyond the screen.
        fit_to_screen(self, share=ADMIN_SHARE)
        # Taken when the dialog is first shown: with nobody else yet, adding the staff.
        (self.users.add_button if self.users.alone else self.users.table).setFocus()

    def is_busy(self) -> bool:
        return self.users.is_busy or self.agency.is_busy or self.indicators.is_busy

    def _busy_changed(self, text: str) -> None:
        busy = self.is_busy()
        self.busy.setText(text)
        self.tabs.tabBar().setEnabled(not busy)
        self.close_button.setEnabled(not busy)

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel, for agency settings changed but not saved."""
        return QMessageBox.question(
            self,
            self.tr("Administration"),
            self.tr("The agency settings were changed but not saved. Save them now?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def reject(self) -> None:
        """Escape and Close: wait for work under way, and do not drop changed settings silently."""
        if self.is_busy():
            return
        changed = [page for page in (self.agency, self.indicators) if page.is_changed()]
        if changed:
            answer = self.ask_unsaved()
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.tabs.setCurrentWidget(changed[0])
                self._save_then_close(changed)
                return
        super().reject()

    def _save_then_close(self, pages: list[Any]) -> None:
        """Save each page in turn, then close; a page that cannot save keeps the dialog open."""
        if not pages:
            self.close_now()
            return
        pages[0].save(then=lambda: self._save_then_close(pages[1:]))

    def close_now(self) -> None:
        """Close without asking (e.g. when the screen locks); unsaved settings are dropped."""
        if self.users.child_dialog is not None:
            self.users.child_dialog.reject()
        super().reject()

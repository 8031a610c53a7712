"""Signing in, unlocking a locked screen, and the forced change of a temporary password."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import LoginThrottled, UlinziError
from ui import i18n
from ui.common import password_strength, show_error
from ui.operations import Op
from ui.session_holder import SessionHolder

if TYPE_CHECKING:
    from desktop.session import UserSession

# The login window shows before SQLAlchemy and the store code are imported (half a second on
# an old PC); signing in imports them on the worker thread, where the Argon2 work happens anyway.
MIN_PASSWORD_LENGTH = 10


class LoginWidget(QWidget):
    """Username, password and language. In unlock mode it opens the already held store again."""

    signed_in = Signal(object)  # UserSession

    def __init__(
        self,
        folder: Path,
        *,
        locked: UserSession | None = None,
        demo_password: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self.locked = locked
        self.demo_password = demo_password
        self._wait = 0
        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._tick)

        self.title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)

        self.username = QLineEdit(objectName="username")
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.username.textChanged.connect(self._another_name)
        self.language = QComboBox(objectName="language")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.language_chosen = False  # chosen here, now: it becomes the person's language
        self.language.currentIndexChanged.connect(self._language_changed)
        self.message = QLabel(objectName="message", wordWrap=True)
        self.message.setStyleSheet("color: #b71c1c;")
        self.demo_hint = QLabel(wordWrap=True, objectName="demoHint")
        self.demo_hint.setStyleSheet(
            "background: #fff8e1; border: 1px solid #f9a825; padding: 8px; border-radius: 4px;"
        )
        self.demo_hint.setVisible(demo_password is not None)
        self.demo_hint.setTextFormat(Qt.TextFormat.RichText)
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(objectName="signIn", default=True, autoDefault=True)
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)

        self.form = QFormLayout()
        self.labels = {}
        for field in (self.username, self.password, self.language):
            caption = QLabel()
            caption.setBuddy(field)
            self.labels[field] = caption
            self.form.addRow(caption, field)
        card = QFrame(objectName="card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(440)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addLayout(self.form)
        inner.addWidget(self.message)
        inner.addWidget(self.button)
        inner.addWidget(self.demo_hint)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(card)
        row.addStretch()
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

        if locked is not None:
            self.username.setText(locked.user.username)
        self.retranslate()

    # -- texts -----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.labels[self.username].setText(self.tr("&Username"))
        self.labels[self.password].setText(self.tr("&Password"))
        self.labels[self.language].setText(self.tr("&Language"))
        if self.locked is None:
            self.title.setText(self.tr("Ulinzi"))
            self.subtitle.setText(self.tr("Sign in to open the case files."))
            self.button.setText(self.tr("&Sign in"))
        else:
            self.title.setText(self.tr("Locked"))
            self.subtitle.setText(
                self.tr(
                    "The screen was locked to protect the children's information. "
                    "{name} can unlock it, or another person can sign in here."
                ).format(name=self.locked.user.full_name)
            )
            self.button.setText(self.tr("&Unlock"))
        if self.demo_password is not None:
            accounts = self.tr(
                "DEMO store with made-up children. Accounts: admin, manager, grace, joseph "
                "(supervisors), amina, baraka, chipo, daniel, esther, faith, gabriel, halima "
                "(caseworkers), hope (facility staff)."
            )
            password = self.tr("Password for all: {password}").format(password=self.demo_password)
            # The password's line never wraps: a break at its hyphen reads as two words.
            self.demo_hint.setText(
                f'<p>{escape(accounts)}</p><p style="white-space: pre">{escape(password)}</p>'
            )
        if self._wait > 0:
            self._show_wait()

    # -- signing in ------------------------------------------------------------------------------
    def focus(self) -> None:
        (self.password if self.username.text() else self.username).setFocus()

    def submit(self) -> None:
        if self._wait > 0 or not self.button.isEnabled():
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.message.setText(self.tr("Type your username and your password."))
            return
        self.message.clear()
        self.button.setEnabled(False)
        self.button.setText(self.tr("Opening…"))
        locked = self.locked
        folder = self.folder

        def work() -> UserSession:
            from desktop import accounts

            if locked is None:
                return accounts.sign_in(folder, username, password)
            return accounts.unlock(locked, username, password)

        Op(self, work).on_success(self._done).on_failure(self._failed).run()

    def _language_changed(self, _index: int) -> None:
        self.language_chosen = True
        i18n.choose_language(self.language.currentData())

    def _done(self, session: UserSession) -> None:
        self.password.clear()
        self.button.setEnabled(True)
        # Chosen on this screen: now theirs. Otherwise, the language they chose before.
        username = session.user.username
        if self.language_chosen:
            i18n.choose_language(i18n.current_language(), username)
        elif (theirs := i18n.language_of(username)) and theirs != i18n.current_language():
            i18n.set_language(theirs)
        self.retranslate()
        self.signed_in.emit(session)

    def _failed(self, error: Exception) -> None:
        self.password.clear()
        self.button.setEnabled(True)
        self.retranslate()
        self.password.setFocus()
        if isinstance(error, LoginThrottled):
            self._wait = int(error.params["seconds"])
            self._show_wait()
            self._countdown.start()
        elif isinstance(error, UlinziError):
            self.message.setText(i18n.error_text(error))
        else:
            show_error(self, error)

    def _another_name(self, _text: str) -> None:
        # A wait belongs to one account, not to this PC's window: a colleague may sign in at
        # once. If the name is the waiting one again, the next attempt is told the time left.
        if self._wait > 0:
            self._countdown.stop()
            self._wait = 0
            self.button.setEnabled(True)
            self.message.clear()

    def _show_wait(self) -> None:
        self.button.setEnabled(self._wait <= 0)
        self.message.setText(
            self.tr("Too many failed attempts. You can try again in {seconds} seconds.").format(
                seconds=self._wait
            )
        )

    def _tick(self) -> None:
        self._wait -= 1
        if self._wait <= 0:
            self._countdown.stop()
            self._wait = 0
            self.button.setEnabled(True)
            self.message.setText(self.tr("You can try again now."))
        else:
            self._show_wait()


class ChangePasswordDialog(QDialog):
    """Shown at sign-in when an administrator gave a temporary password: it must be replaced."""

    def __init__(
        self, holder: SessionHolder, current: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.holder = holder
        self.setWindowTitle(self.tr("Choose your own password"))
        self.setModal(True)
        intro = QLabel(
            self.tr(
                "Your administrator gave you a temporary password. Choose your own now: at "
                "least 10 characters; a short sentence is easy to remember and hard to guess."
            ),
            wordWrap=True,
        )
        self.current = QLineEdit(
            current, echoMode=QLineEdit.EchoMode.Password, objectName="current"
        )
        self.new = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="new")
        self.again = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="again")
        self.meter = QProgressBar(maximum=4, textVisible=False)
        self.meter_word = QLabel()
        self.message = QLabel(wordWrap=True, objectName="message")
        self.message.setStyleSheet("color: #b71c1c;")
        form = QFormLayout()
        form.addRow(self.tr("&Temporary password"), self.current)
        form.addRow(self.tr("&New password"), self.new)
        strength = QHBoxLayout()
        strength.addWidget(self.meter)
        strength.addWidget(self.meter_word)
        form.addRow(self.tr("Strength"), strength)
        form.addRow(self.tr("New password &again"), self.again)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Save password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Sign &out"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.new.textChanged.connect(self._update)
        self.again.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        score, word = password_strength(self.new.text())
        self.meter.setValue(score)
        self.meter_word.setText(word)
        problem = ""
        if self.again.text() and self.again.text() != self.new.text():
            problem = self.tr("The two new passwords differ.")
        self.message.setText(problem)
        ok = len(self.new.text()) >= MIN_PASSWORD_LENGTH and self.again.text() == self.new.text()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def save(self) -> None:
        session, current, new = self.holder.session, self.current.text(), self.new.text()
        self.buttons.setEnabled(False)

        def failed(error: Exception) -> None:
            self.buttons.setEnabled(True)
            if isinstance(error, UlinziError):
                self.message.setText(i18n.error_text(error))
            else:
                show_error(self, error)

        from desktop import accounts

        Op(self, lambda: accounts.change_own_password(session, current, new)).writes().on_success(
            lambda _r: self.accept()
        ).on_failure(failed).run()

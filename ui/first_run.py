"""The first-run screen: set up the agency's encrypted store, or open a demo store to explore.

Shown when the PC has no store yet. Two paths, each a few calm pages: the agency (name, code),
its first administrator, then the recovery key to print and lock away; or the demo store, with
its accounts and the one demo password. Slow work (Argon2, the demo's cases) runs off the UI
thread; the screen hands a signed-in session to the app through `ready`.

Why one long module: six pages of one wizard, with one set of checks and one hand-over; the
recovery sheet itself is made by `reports/` and printed by `ui.document_view`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QRegularExpressionValidator,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import accounts
from desktop.demo import STAFF, open_or_create_demo
from desktop.errors import CannotWriteFolder, InvalidInput
from desktop.session import UserSession
from desktop.store_setup import DEFAULT_KDF, KdfParams, RecoveryKeySheet, is_store, key_rows
from ui import i18n
from ui.common import ROLES, label, password_strength, show_error
from ui.operations import Op

DEMO_CASES = 300
ERROR_COLOUR = "#b71c1c"
HELP_COLOUR = "#555555"
CONTENT_WIDTH = 820  # a readable line length on a 1366-pixel screen
STYLE = f"""
QLabel[kind="help"] {{ color: {HELP_COLOUR}; }}
QLabel[kind="message"] {{ color: {ERROR_COLOUR}; }}
QLabel#recoveryKey {{
    background: #f5f5f5; border: 1px solid #9e9e9e; border-radius: 6px; padding: 14px;
}}
QLabel#savedNote {{
    background: #fff8e1; border: 1px solid #f9a825; border-radius: 4px; padding: 6px;
}}
QFrame#demoPasswordCard {{ background: #fff8e1; border: 1px solid #f9a825; border-radius: 6px; }}
"""


@dataclass(frozen=True)
class SetupResult:
    """What the first-run screen hands to the app: an open store and who is signed in."""

    folder: Path
    session: UserSession
    demo_password: str | None = None


# -- small building blocks ------------------------------------------------------------------------


def _heading(base: QFont, size_delta: int = 8) -> QLabel:
    heading = QLabel(wordWrap=True)
    font = QFont(base)
    font.setPointSize(font.pointSize() + size_delta)
    font.setBold(True)
    heading.setFont(font)
    return heading


def _help() -> QLabel:
    help_label = QLabel(wordWrap=True)
    help_label.setProperty("kind", "help")
    return help_label


def _message(name: str) -> QLabel:
    """A red line under a field that says what is wrong with it; empty when all is well."""
    message = QLabel(wordWrap=True, objectName=name)
    message.setProperty("kind", "message")
    message.setVisible(False)
    return message


def _set_message(message: QLabel, text: str) -> None:
    message.setText(text)
    message.setVisible(bool(text))


def _stack(*widgets: QWidget | QHBoxLayout) -> QWidget:
    """A field with its help and message lines under it, as one cell of a form."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(3)
    for w in widgets:
        if isinstance(w, QWidget):
            layout.addWidget(w)
        else:
            layout.addLayout(w)
    return box


def _column(*items: QWidget, centred: bool = False) -> QWidget:
    """A page: its content in one column of readable width, in the middle of the screen."""
    page = QWidget()
    content = QWidget()
    content.setMaximumWidth(CONTENT_WIDTH)
    content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    layout = QVBoxLayout(content)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(14)
    if centred:
        layout.addStretch(2)
    for item in items:
        layout.addWidget(item)
    layout.addStretch(3)
    row = QHBoxLayout(page)
    row.setContentsMargins(24, 8, 24, 8)
    row.addStretch()
    row.addWidget(content, 1)
    row.addStretch()
    return page


def _key_text(recovery_key: str) -> str:
    return "\n".join("   ".join(row) for row in key_rows(recovery_key))


# -- the screen -----------------------------------------------------------------------------------


class FirstRunWizard(QWidget):
    """The first screen on a PC with no store: set up the agency, or explore the demo."""

    ready = Signal(object)  # SetupResult

    def __init__(
        self,
        store_folder: Path,
        demo_folder: Path,
        parent: QWidget | None = None,
        *,
        kdf: KdfParams = DEFAULT_KDF,
        demo_cases: int = DEMO_CASES,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.store_folder = Path(store_folder)
        self.demo_folder = Path(demo_folder)
        self.kdf = kdf  # tests pass cheap Argon2 parameters
        self.demo_cases = demo_cases
        self._session: UserSession | None = None  # held until handed over with `ready`
        self._handed_over = False
        self._recovery_key = ""
        self._demo_password: str | None = None
        self._busy_kind = "store"  # what the busy page says is happening
        self._touched: set[QWidget] = set()
        self._agency_language_chosen = False
        self._saved_pdf: Path | None = None
        self._printing: QPrinter | None = None  # a print job running off the UI thread
        self._created = datetime.date.today()
        # People read this screen once, carefully: a size up from the small default.
        base = QFont(self.font())
        base.setPointSize(base.pointSize() + 2)
        self.setFont(base)

        # top bar: the language, before anything else is read
        self.brand = _heading(self.font(), 4)
        self.brand.setText("Ulinzi")
        self.language_caption = QLabel()
        self.language = QComboBox(objectName="language")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_caption.setBuddy(self.language)
        top = QHBoxLayout()
        top.addWidget(self.brand)
        top.addStretch()
        top.addWidget(self.language_caption)
        top.addWidget(self.language)

        self.pages = QStackedWidget()
        self.start_page = self._build_start_page()
        self.agency_page = self._build_agency_page()
        self.admin_page = self._build_admin_page()
        self.busy_page = self._build_busy_page()
        self.key_page = self._build_key_page()
        self.demo_page = self._build_demo_page()
        for page in (
            self.start_page,
            self.agency_page,
            self.admin_page,
            self.busy_page,
            self.key_page,
            self.demo_page,
        ):
            self.pages.addWidget(page)

        # bottom bar: back on the left, the one next step on the right
        self.back_button = QPushButton(objectName="back")
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(objectName="next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.go_next)
        self.step = QLabel(objectName="step")
        self.step.setProperty("kind", "help")
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch()
        bottom.addWidget(self.step)
        bottom.addStretch()
        bottom.addWidget(self.next_button)
        for button in (self.back_button, self.next_button):
            button.setMinimumWidth(150)
            button.setMinimumHeight(34)
            # A hidden button keeps its place, so the step in the middle stays in the middle.
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        line2 = QFrame()
        line2.setFrameShape(QFrame.Shape.HLine)
        line2.setFrameShadow(QFrame.Shadow.Sunken)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 14, 24, 14)
        outer.addLayout(top)
        outer.addWidget(line)
        outer.addWidget(self.pages, 1)
        outer.addWidget(line2)
        outer.addLayout(bottom)

        self._set_tab_order()
        # One style sheet for the whole screen, set once everything has its parent, so the
        # labels keep the screen's larger font.
        self.setStyleSheet(STYLE)
        self.pages.currentChanged.connect(lambda _i: self._page_changed())
        self.retranslate()
        self._page_changed()

    # -- pages -----------------------------------------------------------------------------------
    def _build_start_page(self) -> QWidget:
        self.welcome = _heading(self.font(), 10)
        self.welcome_text = QLabel(wordWrap=True)
        self.setup_choice = QCommandLinkButton(objectName="setUpAgency")
        self.demo_choice = QCommandLinkButton(objectName="exploreDemo")
        for choice in (self.setup_choice, self.demo_choice):
            choice.setMinimumHeight(88)
            font = QFont(self.font())
            font.setPointSize(font.pointSize() + 3)
            choice.setFont(font)
        self.setup_choice.clicked.connect(lambda: self._show(self.agency_page))
        self.demo_choice.clicked.connect(self.start_demo)
        return _column(
            self.welcome, self.welcome_text, self.setup_choice, self.demo_choice, centred=True
        )

    def _build_agency_page(self) -> QWidget:
        self.agency_heading = _heading(self.font())
        self.agency_intro = _help()
        self.agency_name = QLineEdit(objectName="agencyName", maxLength=200)
        self.agency_name_message = _message("agencyNameMessage")
        self.agency_code = QLineEdit(objectName="agencyCode", maxLength=10)
        self.agency_code.setValidator(
            QRegularExpressionValidator(r"[A-Za-z0-9]{0,10}", self.agency_code)
        )
        self.agency_code.setMaximumWidth(200)
        self.agency_code.textEdited.connect(self._upper_case_code)
        self.agency_code_help = _help()
        self.agency_code_message = _message("agencyCodeMessage")
        self.country = QLineEdit(objectName="country", maxLength=100)
        self.district = QLineEdit(objectName="district", maxLength=100)
        self.agency_language = QComboBox(objectName="agencyLanguage")
        for code, name in i18n.LANGUAGES.items():
            self.agency_language.addItem(name, code)
        self.agency_language.setCurrentIndex(
            max(0, self.agency_language.findData(i18n.current_language()))
        )
        self.agency_language.activated.connect(self._agency_language_picked)
        self.agency_language.setMaximumWidth(240)

        self.agency_form = QFormLayout()
        self.agency_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.agency_form.setVerticalSpacing(10)
        self.agency_captions = [QLabel() for _ in range(5)]
        cells = (
            (self.agency_name, _stack(self.agency_name, self.agency_name_message)),
            (
                self.agency_code,
                _stack(self.agency_code, self.agency_code_message, self.agency_code_help),
            ),
            (self.country, self.country),
            (self.district, self.district),
            (self.agency_language, self.agency_language),
        )
        for caption, (field, cell) in zip(self.agency_captions, cells, strict=True):
            caption.setBuddy(field)
            self.agency_form.addRow(caption, cell)
        for field in (self.agency_name, self.agency_code):
            field.editingFinished.connect(lambda f=field: self._touch(f))
        for w in (self.agency_name, self.agency_code, self.country, self.district):
            w.textChanged.connect(lambda _t: self._validate())
        form = QWidget()
        form.setLayout(self.agency_form)
        return _column(self.agency_heading, self.agency_intro, form)

    def _build_admin_page(self) -> QWidget:
        self.admin_heading = _heading(self.font())
        self.admin_intro = _help()
        self.username = QLineEdit(objectName="username", maxLength=50)
        self.username.setMaximumWidth(320)
        self.username_help = _help()
        self.username_message = _message("usernameMessage")
        self.full_name = QLineEdit(objectName="fullName", maxLength=200)
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.password_help = _help()
        self.meter = QProgressBar(objectName="strength", maximum=4, textVisible=False)
        self.meter.setMaximumWidth(200)
        self.meter.setMaximumHeight(12)
        self.meter_word = QLabel(objectName="strengthWord")
        strength = QHBoxLayout()
        strength.addWidget(self.meter)
        strength.addWidget(self.meter_word, 1)
        self.password_message = _message("passwordMessage")
        self.again = QLineEdit(objectName="again", echoMode=QLineEdit.EchoMode.Password)
        self.again_message = _message("againMessage")
        self.folder_note = _help()
        self.folder_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.admin_form = QFormLayout()
        self.admin_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.admin_form.setVerticalSpacing(10)
        self.admin_captions = [QLabel() for _ in range(4)]
        cells = (
            (self.username, _stack(self.username, self.username_message, self.username_help)),
            (self.full_name, self.full_name),
            (
                self.password,
                _stack(self.password, strength, self.password_message, self.password_help),
            ),
            (self.again, _stack(self.again, self.again_message)),
        )
        for caption, (field, cell) in zip(self.admin_captions, cells, strict=True):
            caption.setBuddy(field)
            self.admin_form.addRow(caption, cell)
        for field in (self.username, self.password, self.again):
            field.editingFinished.connect(lambda f=field: self._touch(f))
            field.textChanged.connect(lambda _t: self._validate())
        form = QWidget()
        form.setLayout(self.admin_form)
        return _column(self.admin_heading, self.admin_intro, form, self.folder_note)

    def _build_busy_page(self) -> QWidget:
        self.busy_heading = _heading(self.font(), 4)
        self.busy_heading.setObjectName("busyHeading")
        self.busy_heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy_bar = QProgressBar(minimum=0, maximum=0, textVisible=False)
        self.busy_help = _help()
        self.busy_help.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return _column(self.busy_heading, self.busy_bar, self.busy_help, centred=True)

    def _build_key_page(self) -> QWidget:
        self.key_heading = _heading(self.font())
        self.key_intro = QLabel(wordWrap=True)
        self.key_label = QLabel(objectName="recoveryKey", alignment=Qt.AlignmentFlag.AlignCenter)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(mono.pointSize() + 14)
        mono.setBold(True)
        self.key_label.setFont(mono)
        self.key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

        self.key_keep = QLabel(wordWrap=True)
        self.print_button = QPushButton(objectName="print")
        self.print_button.clicked.connect(self.print_key)
        self.save_button = QPushButton(objectName="savePdf")
        self.save_button.clicked.connect(self.save_pdf)
        for button in (self.print_button, self.save_button):
            button.setMinimumHeight(32)
            button.setMinimumWidth(150)
        self.pdf_note = _help()
        self.pdf_note.setObjectName("pdfNote")
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addWidget(self.pdf_note, 1)
        self.saved_note = QLabel(wordWrap=True, objectName="savedNote")

        self.saved_note.setVisible(False)
        self.stored_safely = QCheckBox(objectName="storedSafely")
        font = QFont(self.font())
        font.setBold(True)
        self.stored_safely.setFont(font)
        self.stored_safely.toggled.connect(lambda _c: self._update_buttons())
        return _column(
            self.key_heading,
            self.key_intro,
            self.key_label,
            self.key_keep,
            buttons,
            self.saved_note,
            self.stored_safely,
        )

    def _build_demo_page(self) -> QWidget:
        self.demo_heading = _heading(self.font())
        self.demo_intro = QLabel(wordWrap=True)
        self.accounts_caption = QLabel()
        bold = QFont(self.font())
        bold.setBold(True)
        self.accounts_caption.setFont(bold)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(self.font().pointSize())
        mono.setBold(True)
        people = [("admin", "Demo administrator", ("administrator",))] + [
            (s.username, s.full_name, tuple(r.value for r in s.roles)) for s in STAFF
        ]
        self.demo_roles: list[tuple[QLabel, tuple[str, ...]]] = []
        for i, (username, full_name, roles) in enumerate(people):
            user_label = QLabel(username)
            user_label.setFont(mono)
            user_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            role_label = QLabel()
            self.demo_roles.append((role_label, roles))
            grid.addWidget(user_label, i, 0)
            grid.addWidget(role_label, i, 1)
            grid.addWidget(QLabel(full_name), i, 2)
        grid.setColumnStretch(3, 1)
        accounts_box = QWidget()
        accounts_layout = QVBoxLayout(accounts_box)
        accounts_layout.setContentsMargins(0, 0, 0, 0)
        accounts_layout.addWidget(self.accounts_caption)
        accounts_layout.addLayout(grid)

        self.password_caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.password_caption.setFont(bold)
        self.demo_password_label = QLabel(
            objectName="demoPassword", alignment=Qt.AlignmentFlag.AlignCenter
        )
        big = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        big.setPointSize(big.pointSize() + 12)
        big.setBold(True)
        self.demo_password_label.setFont(big)
        self.demo_password_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.open_note = _help()
        self.open_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card = QFrame(objectName="demoPasswordCard")

        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(20, 16, 20, 16)
        card_layout.addWidget(self.password_caption)
        card_layout.addWidget(self.demo_password_label)
        card_layout.addWidget(self.open_note)
        card_layout.addStretch()

        both = QWidget()
        row = QHBoxLayout(both)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(28)
        row.addWidget(accounts_box, 3)
        row.addWidget(card, 2, Qt.AlignmentFlag.AlignTop)
        return _column(self.demo_heading, self.demo_intro, both)

    def _set_tab_order(self) -> None:
        chains = (
            (self.language, self.setup_choice, self.demo_choice),
            (self.demo_choice, self.agency_name, self.agency_code, self.country, self.district),
            (self.district, self.agency_language, self.username, self.full_name, self.password),
            (self.password, self.again, self.print_button, self.save_button),
            (self.save_button, self.stored_safely, self.back_button, self.next_button),
        )
        for chain in chains:
            for first, second in zip(chain, chain[1:], strict=False):
                QWidget.setTabOrder(first, second)

    # -- texts -----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.language_caption.setText(self.tr("&Language:"))

        self.welcome.setText(self.tr("Welcome to Ulinzi"))
        self.welcome_text.setText(
            self.tr(
                "Ulinzi keeps your agency's child protection case files on this computer, "
                "locked with encryption. To begin, choose one of these:"
            )
        )
        self.setup_choice.setText(self.tr("Set up my agency"))
        self.setup_choice.setDescription(
            self.tr(
                "Create the encrypted store for your office and its first administrator. "
                "Choose this to start real work."
            )
        )
        self.demo_choice.setText(self.tr("Explore with demo data"))
        self.demo_choice.setDescription(
            self.tr(
                "Try Ulinzi in a separate demo store with made-up children and staff. Nothing "
                "real goes in it, and your agency's store is not touched."
            )
        )

        self.agency_heading.setText(self.tr("Your agency"))
        self.agency_intro.setText(self.tr("These details appear on case files and printed forms."))
        for caption, text in zip(
            self.agency_captions,
            (
                self.tr("Agency na&me"),
                self.tr("Agency &code"),
                self.tr("C&ountry"),
                self.tr("&District"),
                self.tr("&Working language"),
            ),
            strict=True,
        ):
            caption.setText(text)
        self.agency_name.setPlaceholderText(self.tr("e.g. Gasabo District Social Welfare Office"))
        self.agency_code.setPlaceholderText(self.tr("e.g. KGL"))

        self.admin_heading.setText(self.tr("The administrator"))
        self.admin_intro.setText(
            self.tr(
                "The administrator adds the staff accounts and looks after the store. You can "
                "add more administrators later."
            )
        )
        for caption, text in zip(
            self.admin_captions,
            (
                self.tr("&Username"),
                self.tr("&Full name"),
                self.tr("&Password"),
                self.tr("Password &again"),
            ),
            strict=True,
        ):
            caption.setText(text)
        self.username_help.setText(
            self.tr(
                "Used to sign in: letters, digits, dots, dashes or underscores, e.g. admin or jmwangi."
            )
        )
        self.password_help.setText(
            self.tr(
                "At least {minimum} characters. A short sentence is easy to remember and hard "
                "to guess. Do not write it near the computer."
            ).format(minimum=accounts.MIN_PASSWORD_LENGTH)
        )
        self.folder_note.setText(
            self.tr("The store will be created in {folder}").format(folder=self.store_folder)
        )

        self.busy_heading.setText(
            {
                "store": self.tr("Creating the encrypted store…"),
                "new_demo": self.tr("Making the demo store with made-up children…"),
                "demo": self.tr("Opening the demo store…"),
            }[self._busy_kind]
        )
        self.busy_help.setText(self.tr("This takes a few seconds. Please wait."))

        self.key_heading.setText(self.tr("Your recovery key"))
        self.key_intro.setText(
            self.tr(
                "This is the only way back into Ulinzi if every administrator password is lost: "
                "with it, a new password can be set for an account. Whoever holds it can open "
                "every case file."
            )
        )
        self.key_keep.setText(
            self.tr(
                "Print it, or copy it carefully onto paper, and keep the paper in the office "
                "safe. Never photograph it or e-mail it. It is shown only this once."
            )
        )
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("Save as P&DF…"))
        self.pdf_note.setText(
            self.tr(
                "A PDF file is not encrypted: delete it after printing, or keep it only on a "
                "USB stick in the safe."
            )
        )
        if self._saved_pdf is not None:
            self.saved_note.setText(
                self.tr(
                    "Saved to {path}. This file is not encrypted: delete it after printing, or "
                    "keep it only on a USB stick in the safe."
                ).format(path=self._saved_pdf)
            )
        self.stored_safely.setText(
            self.tr("I have printed or written down the recovery key and stored it safely")
        )

        self.demo_heading.setText(self.tr("The demo store is ready"))
        self.demo_intro.setText(
            self.tr(
                "The demo store holds made-up children and staff to practise with. Nothing real "
                "goes in it. Each account below shows what a person in that role sees; they "
                "all use the same password."
            )
        )
        self.accounts_caption.setText(self.tr("Demo accounts"))
        for role_label, roles in self.demo_roles:
            role_label.setText(", ".join(label(ROLES, r) for r in roles))
        self.password_caption.setText(self.tr("Password for every demo account"))
        self.open_note.setText(
            self.tr(
                "“Open the demo” signs you in as admin. Sign out to try another account; the "
                "sign-in screen shows this password again."
            )
        )
        self._update_buttons()
        self._validate()

    # -- moving between pages --------------------------------------------------------------------
    def _show(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)

    def _page_changed(self) -> None:
        page = self.pages.currentWidget()
        first = {
            self.start_page: self.setup_choice,
            self.agency_page: self.agency_name,
            self.admin_page: self.username,
            self.key_page: self.print_button,
            self.demo_page: self.next_button,
        }.get(page)
        self._update_buttons()
        if first is not None:
            first.setFocus()

    def _update_buttons(self) -> None:
        page = self.pages.currentWidget()
        self.back_button.setText(self.tr("< &Back"))
        self.back_button.setVisible(page in (self.agency_page, self.admin_page, self.demo_page))
        steps = {self.agency_page: 1, self.admin_page: 2, self.key_page: 3}
        self.step.setText(self.tr("Step {n} of 3").format(n=steps[page]) if page in steps else "")
        texts = {
            self.agency_page: self.tr("&Next >"),
            self.admin_page: self.tr("&Create the store"),
            self.key_page: self.tr("&Finish"),
            self.demo_page: self.tr("&Open the demo"),
        }
        self.next_button.setVisible(page in texts)
        if page in texts:
            self.next_button.setText(texts[page])
        if page is self.agency_page:
            self.next_button.setEnabled(self._agency_problems() == {})
        elif page is self.admin_page:
            self.next_button.setEnabled(self._admin_problems() == {})
        elif page is self.key_page:
            self.next_button.setEnabled(self.stored_safely.isChecked())
        else:
            self.next_button.setEnabled(True)

    def go_back(self) -> None:
        page = self.pages.currentWidget()
        if not self.back_button.isVisible():
            return
        if page is self.agency_page:
            self._show(self.start_page)
        elif page is self.admin_page:
            self._show(self.agency_page)
        elif page is self.demo_page:
            self._release_session()
            self._show(self.start_page)

    def go_next(self) -> None:
        if not (self.next_button.isVisible() and self.next_button.isEnabled()):
            return
        page = self.pages.currentWidget()
        if page is self.agency_page:
            self._show(self.admin_page)
        elif page is self.admin_page:
            self.create_store()
        elif page is self.key_page:
            self.finish()
        elif page is self.demo_page:
            self.open_demo()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # A plain QWidget has no default button: Enter presses the focused button, or the next
        # step; Escape goes back, as in a dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused.isEnabled():
                focused.click()
            else:
                self.go_next()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.go_back()
            return
        super().keyPressEvent(event)

    # -- language --------------------------------------------------------------------------------
    def _language_chosen(self, _index: int) -> None:
        code = self.language.currentData()
        i18n.set_language(code)
        if not self._agency_language_chosen:
            self.agency_language.setCurrentIndex(max(0, self.agency_language.findData(code)))

    def _agency_language_picked(self, _index: int) -> None:
        self._agency_language_chosen = True

    # -- checking what was typed -----------------------------------------------------------------
    def _upper_case_code(self, text: str) -> None:
        if text != text.upper():
            position = self.agency_code.cursorPosition()
            self.agency_code.setText(text.upper())
            self.agency_code.setCursorPosition(position)

    def _touch(self, field: QWidget) -> None:
        if field not in self._touched:
            self._touched.add(field)
            self._validate()

    def _agency_problems(self) -> dict[QWidget, str]:
        problems: dict[QWidget, str] = {}
        if not self.agency_name.text().strip():
            problems[self.agency_name] = self.tr("Type the agency's name.")
        if not re.fullmatch(r"[A-Z0-9]{2,10}", self.agency_code.text().strip().upper()):
            problems[self.agency_code] = self.tr("The code has 2 to 10 letters or digits.")
        return problems

    def _admin_problems(self) -> dict[QWidget, str]:
        problems: dict[QWidget, str] = {}
        username = self.username.text().strip()
        try:
            accounts.check_username(username)
        except InvalidInput:
            problems[self.username] = (
                self.tr("Type a username.")
                if not username
                else self.tr(
                    "A username has 2 to 50 letters, digits, dots, dashes or underscores, "
                    "with no spaces."
                )
            )
        password, again = self.password.text(), self.again.text()
        if len(password) < accounts.MIN_PASSWORD_LENGTH:
            problems[self.password] = self.tr(
                "The password needs at least {minimum} characters; it has {count}."
            ).format(minimum=accounts.MIN_PASSWORD_LENGTH, count=len(password))
        if again != password:
            problems[self.again] = self.tr("The two passwords are not the same.")
        elif not again:
            problems[self.again] = self.tr("Type the password a second time.")
        return problems

    def _validate(self) -> None:
        """Show what is wrong next to each field the person has already worked on."""
        agency = self._agency_problems()
        for field, message in (
            (self.agency_name, self.agency_name_message),
            (self.agency_code, self.agency_code_message),
        ):
            _set_message(message, agency.get(field, "") if field in self._touched else "")
        code = self.agency_code.text().strip().upper() or "KGL"
        self.agency_code_help.setText(
            self.tr(
                "A short code for your office, used at the start of every case number: "
                "{example}. Choose it carefully; it appears on every case file."
            ).format(example=f"{code}-{self._created.year}-00001")
        )

        admin = self._admin_problems()
        password, again = self.password.text(), self.again.text()
        score, word = password_strength(password)
        self.meter.setValue(score)
        self.meter_word.setText(word if password else "")
        # A wrong character is said at once; a name still too short only once they move on.
        wrong_character = re.search(r"[^\w.\-]", self.username.text().strip()) is not None
        _set_message(
            self.username_message,
            admin.get(self.username, "")
            if self.username in self._touched or wrong_character
            else "",
        )
        # While the first password is being typed its strength word says enough; the sentence
        # comes once the person moves on.
        show_password = bool(password) and (self.password in self._touched or bool(again))
        _set_message(self.password_message, admin.get(self.password, "") if show_password else "")
        if self.password_message.text():  # the red sentence says it; no need to say it twice
            self.meter_word.clear()
        mismatch = bool(again) and again != password
        typing = password.startswith(again) and self.again.hasFocus()
        _set_message(
            self.again_message,
            admin.get(self.again, "")
            if (mismatch and not typing) or (self.again in self._touched and not again)
            else "",
        )
        self._update_buttons()

    # -- setting up the agency -------------------------------------------------------------------
    def create_store(self) -> None:
        if self._admin_problems() or self._agency_problems():
            return
        fields = {
            "agency_name": self.agency_name.text().strip(),
            "agency_code": self.agency_code.text().strip().upper(),
            "country": self.country.text().strip(),
            "district": self.district.text().strip(),
            "language": self.agency_language.currentData(),
            "admin_username": self.username.text().strip(),
            "admin_full_name": self.full_name.text().strip(),
            "admin_password": self.password.text(),
        }
        folder, kdf = self.store_folder, self.kdf
        self._busy("store")
        Op(self, lambda: accounts.init_agency(folder, kdf=kdf, **fields)).on_success(
            self._store_created
        ).on_failure(self._store_failed).run()

    def _busy(self, kind: str) -> None:
        self._busy_kind = kind
        self.retranslate()
        self._show(self.busy_page)

    def _store_created(self, result: tuple[UserSession, str]) -> None:
        self._session, self._recovery_key = result
        self.password.clear()
        self.again.clear()
        self._created = datetime.date.today()
        self.key_label.setText(_key_text(self._recovery_key))
        self._show(self.key_page)

    def _store_failed(self, error: Exception) -> None:
        self._show(self.admin_page)
        show_error(self, error)

    def recovery_sheet(self) -> RecoveryKeySheet:
        agency = self._session.agency if self._session else None
        return RecoveryKeySheet(
            agency_name=agency.name if agency else self.agency_name.text().strip(),
            agency_code=agency.code if agency else self.agency_code.text().strip().upper(),
            recovery_key=self._recovery_key,
            created=self._created,
            is_demo=bool(agency and agency.is_demo),
            language=agency.language if agency else self.agency_language.currentData(),
        )

    def print_key(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Ulinzi recovery key"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery key"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        from ui.document_view import print_pages

        pdf = self.recovery_sheet().pdf()
        self._printing = printer  # kept alive, and untouched here, until the job reports
        # A printer that went away is said in plain words; the page stays, to try again.
        Op(self, lambda: print_pages(pdf, printer)).on_success(self._printed).on_failure(
            self._not_printed
        ).run()

    def _printed(self, _result: object) -> None:
        self._printing = None

    def _not_printed(self, error: Exception) -> None:
        self._printing = None
        show_error(self, error)

    def save_pdf(self) -> None:
        sheet = self.recovery_sheet()
        suggested = Path.home() / self.tr("Ulinzi recovery key {code}.pdf").format(
            code=sheet.agency_code
        )
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery key – the PDF file is not encrypted"),
            str(suggested),
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            target.write_bytes(sheet.pdf())
        except PermissionError:
            show_error(self, CannotWriteFolder(folder=str(target.parent)))
            return
        except OSError as e:
            show_error(self, e)
            return
        self._saved_pdf = target
        self.saved_note.setVisible(True)
        self.retranslate()

    def finish(self) -> None:
        if self._session is None or not self.stored_safely.isChecked():
            return
        self._hand_over(SetupResult(self.store_folder, self._session))

    def _hand_over(self, result: SetupResult) -> None:
        self._handed_over = True
        self._session = None
        self.ready.emit(result)

    # -- the demo --------------------------------------------------------------------------------
    def start_demo(self) -> None:
        folder, cases, kdf = self.demo_folder, self.demo_cases, self.kdf
        self._busy("demo" if is_store(folder) else "new_demo")
        Op(self, lambda: open_or_create_demo(folder, cases, kdf)).on_success(
            self._demo_ready
        ).on_failure(self._demo_failed).run()

    def _demo_ready(self, result: tuple[UserSession | None, str]) -> None:
        self._session, self._demo_password = result
        self.demo_password_label.setText(self._demo_password)
        self._show(self.demo_page)

    def _demo_failed(self, error: Exception) -> None:
        self._show(self.start_page)
        show_error(self, error)

    def open_demo(self) -> None:
        password = self._demo_password or ""
        if self._session is not None:
            self._hand_over(SetupResult(self.demo_folder, self._session, password))
            return
        folder = self.demo_folder
        self.next_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self.next_button.setText(self.tr("Opening…"))

        def failed(error: Exception) -> None:
            self.back_button.setEnabled(True)
            self._update_buttons()
            show_error(self, error)

        Op(self, lambda: accounts.sign_in(folder, "admin", password)).on_success(
            lambda session: self._hand_over(SetupResult(folder, session, password))
        ).on_failure(failed).run()

    # -- closing ---------------------------------------------------------------------------------
    def _release_session(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.pages.currentWidget() is self.busy_page:
            # The store is being written; its result needs this window. It takes seconds.
            event.ignore()
            return
        if (
            self.pages.currentWidget() is self.key_page
            and not self._handed_over
            and not self.stored_safely.isChecked()
        ):
            answer = QMessageBox.question(
                self,
                self.tr("Close without the recovery key?"),
                self.tr(
                    "The recovery key is shown only now. If it is not printed or written down "
                    "and every administrator password is lost, nobody can open the case files. "
                    "Close anyway?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if not self._handed_over:
            self._release_session()
        super().closeEvent(event)

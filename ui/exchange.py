"""Exchange between agencies and backups, in the window: the Partner agencies page of the
administration (this agency's identity with its fingerprint and QR code, the address book),
sending a case (a transfer or a referral package), importing a package after a preview, and
backing up the store.

Why one long module: the four dialogs share the package and passphrase words and checks
(`suggest_passphrase`, the partner list); what they do runs in `ui.flows.exchange`.
"""

from __future__ import annotations

import secrets
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QStorageInfo, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import backups, exchange
from desktop.errors import UlinziError
from desktop.exchange import Identity, Partner, Preview
from desktop.forms.definition import FormSet
from desktop.qr import qr_modules
from ui.common import (
    documents_folder,
    file_folder,
    format_date,
    format_datetime,
    in_file_folder,
    remember_folder,
    show_error,
)
from ui.form_fields import text_of
from ui.i18n import error_text
from ui.operations import Op
from ui.session_holder import SessionHolder

# Words a person can read out and type back: a suggested passphrase is five of them.
_WORDS = [
    "amber",
    "anchor",
    "apple",
    "arrow",
    "basket",
    "beacon",
    "bison",
    "bottle",
    "bridge",
    "candle",
    "canoe",
    "castle",
    "cedar",
    "cherry",
    "clover",
    "comet",
    "copper",
    "coral",
    "cotton",
    "crane",
    "desert",
    "dolphin",
    "eagle",
    "ember",
    "falcon",
    "fern",
    "forest",
    "garden",
    "ginger",
    "glacier",
    "granite",
    "harbor",
    "hazel",
    "heron",
    "island",
    "ivory",
    "jasmine",
    "jungle",
    "kettle",
    "lagoon",
    "lantern",
    "lemon",
    "lilac",
    "maize",
    "maple",
    "marble",
    "meadow",
    "melon",
    "mirror",
    "mango",
    "nectar",
    "oasis",
    "olive",
    "orchid",
    "otter",
    "pepper",
    "pebble",
    "pine",
    "planet",
    "quartz",
    "quiver",
    "raven",
    "river",
    "saffron",
    "salmon",
    "shadow",
    "silver",
    "spider",
    "spruce",
    "summit",
    "thunder",
    "tiger",
    "timber",
    "tulip",
    "valley",
    "velvet",
    "walnut",
    "willow",
    "winter",
    "zebra",
]


def suggest_passphrase() -> str:
    """Six different words: a repeated word adds nothing to guess and looks like a mistake."""
    return " ".join(secrets.SystemRandom().sample(_WORDS, 6))


def qr_pixmap(text: str, size: int = 220) -> QPixmap:
    """A QR code of `text`, drawn by Qt."""
    modules = qr_modules(text)
    count = len(modules)
    border = 4
    cell = max(1, size // (count + 2 * border))
    side = cell * (count + 2 * border)
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for row in range(count):
        for column in range(count):
            if modules[row][column]:
                painter.fillRect(
                    (column + border) * cell, (row + border) * cell, cell, cell, QColor("black")
                )
    painter.end()
    return QPixmap.fromImage(image)


def _day(iso: str | None) -> str:
    try:
        return format_date(date.fromisoformat(iso)) if iso else ""
    except ValueError:
        return iso or ""


def _table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns), objectName=name)
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


# -- Administration → Partner agencies ------------------------------------------------------------


def _named_by(field: QWidget, choice: QRadioButton) -> None:
    """Screen readers name `field` after the choice it belongs to ("To a partner agency")."""
    field.setAccessibleName(choice.text().replace("&", "").rstrip(" :"))


class PartnersPage(QWidget):
    """This agency's public identity (text, file, QR code, fingerprint) and the address book."""

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self.identity: Identity | None = None
        self.partners: list[Partner] = []

        mine = QGroupBox(self.tr("This agency's public identity"))
        self.fingerprint = QLabel(objectName="fingerprint")
        font = self.fingerprint.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        font.setFamily("monospace")
        self.fingerprint.setFont(font)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # What the file says, as a person reads it (the file itself is for Ulinzi to read).
        self.identity_name = QLabel(objectName="identityName")
        self.identity_code = QLabel(objectName="identityCode")
        for shown in (self.identity_name, self.identity_code):
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts = QFormLayout()
        facts.addRow(self.tr("Agency"), self.identity_name)
        facts.addRow(self.tr("Code"), self.identity_code)
        self.qr = QLabel(objectName="identityQr")
        self.save_identity_button = QPushButton(
            self.tr("&Save the identity file…"), objectName="saveIdentity"
        )
        self.save_identity_button.clicked.connect(self.save_identity)
        explain = QLabel(
            self.tr(
                "Give this file (or the QR code) to the agencies you exchange cases with. It "
                "holds no secret. Read them the fingerprint by phone: they compare it with "
                "the one their Ulinzi shows."
            ),
            wordWrap=True,
        )
        explain.setStyleSheet("color: #555;")
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Fingerprint:")))
        left.addWidget(self.fingerprint)
        left.addWidget(explain)
        left.addLayout(facts)
        left.addWidget(self.save_identity_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout(mine)
        row.addLayout(left, 1)
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)

        book = QGroupBox(self.tr("Partner agencies"))
        self.table = _table(
            [self.tr("Code"), self.tr("Agency"), self.tr("Fingerprint"), self.tr("Checked")],
            "partners",
        )
        self.add_button = QPushButton(self.tr("&Add from a file…"), objectName="addPartner")
        self.verify_button = QPushButton(
            self.tr("&Fingerprint checked by phone…"), objectName="verifyPartner"
        )
        self.add_button.clicked.connect(self.add_from_file)
        self.verify_button.clicked.connect(self.verify)
        self.table.itemSelectionChanged.connect(self._update)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.verify_button)
        buttons.addStretch(1)
        column = QVBoxLayout(book)
        column.addWidget(self.table)
        column.addLayout(buttons)

        reminder = QGroupBox(self.tr("Backups"))
        form = QFormLayout(reminder)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.backup_days = QSpinBox(objectName="backupDays", minimum=1, maximum=90)
        self.backup_days.setSuffix(self.tr(" days"))
        self.backup_days.valueChanged.connect(self._days_changed)
        self.last_backup = QLabel(objectName="lastBackup")
        form.addRow(self.tr("Remind to back up every"), self.backup_days)
        form.addRow(self.tr("Last backup"), self.last_backup)

        layout = QVBoxLayout(self)
        layout.addWidget(mine)
        layout.addWidget(book, 1)
        layout.addWidget(reminder)
        self.load()

    def load(self) -> None:
        session = self.holder.session

        def work() -> tuple[Identity, list[Partner], backups.BackupState]:
            return (
                exchange.our_identity(session),
                exchange.partners(session),
                backups.backup_state(session),
            )

        Op(self, work).on_success(self._show).on_failure(lambda e: show_error(self, e)).run()

    def _show(self, result: tuple[Identity, list[Partner], backups.BackupState]) -> None:
        self.identity, self.partners, state = result
        self.fingerprint.setText(self.identity.fingerprint)
        self.identity_name.setText(self.identity.name)
        self.identity_code.setText(self.identity.code)
        self.qr.setPixmap(qr_pixmap(self.identity.to_json()))
        self.table.setRowCount(len(self.partners))
        for row, p in enumerate(self.partners):
            checked = (
                self.tr("Yes, by {who} on {date}").format(
                    who=p.verified_by, date=format_date(p.verified_at.astimezone())
                )
                if p.verified and p.verified_at
                else self.tr("Not yet")
            )
            for col, text in enumerate((p.code, p.name, p.fingerprint, checked)):
                item = QTableWidgetItem(text)
                if col == 3 and not p.verified:
                    item.setForeground(QColor("#b71c1c"))
                self.table.setItem(row, col, item)
        self.backup_days.blockSignals(True)
        self.backup_days.setValue(state.days)
        self.backup_days.blockSignals(False)
        self.last_backup.setText(
            self.tr("{date}, by {who}").format(
                date=format_datetime(state.last_at.astimezone()), who=state.last_by
            )
            if state.last_at
            else self.tr("Never")
        )
        self._update()

    def _update(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        chosen = self.partners[rows[0].row()] if rows else None
        self.verify_button.setEnabled(chosen is not None and not chosen.verified)

    def ask_open_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("A partner agency's identity"),
            file_folder(),
            self.tr("Identity (*.json)"),
        )
        return remember_folder(path)

    def ask_save_path(self, name: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the identity file"),
            in_file_folder(name),
            self.tr("Identity (*.json)"),
        )
        return remember_folder(path)

    def confirm(self, question: str) -> bool:
        return (
            QMessageBox.question(self, self.tr("Partner agencies"), question)
            == QMessageBox.StandardButton.Yes
        )

    def save_identity(self) -> None:
        if self.identity is None:
            return
        path = self.ask_save_path(f"{self.identity.code}-identity.json")
        if path:
            try:
                Path(path).write_text(self.identity.to_json(), encoding="utf-8")
            except OSError as e:
                show_error(self, e)

    def add_from_file(self) -> None:
        path = self.ask_open_path()
        if not path:
            return
        try:
            identity = Identity.from_json(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, exchange.InvalidInput) as e:
            show_error(self, e)
            return
        verified = self.confirm(
            self.tr(
                "Add {name} ({code})?\n\nIts fingerprint is {fingerprint}.\n\nDid you read "
                "this fingerprint with someone at {name} (by phone or in person)? Answer No if "
                "not yet: you can mark it checked later."
            ).format(name=identity.name, code=identity.code, fingerprint=identity.fingerprint)
        )
        session = self.holder.session
        Op(self, lambda: exchange.add_partner(session, identity, verified)).writes().on_success(
            lambda _r: self.load()
        ).on_failure(lambda e: show_error(self, e)).run()

    def verify(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        p = self.partners[rows[0].row()]
        if not self.confirm(
            self.tr(
                "Did someone at {name} read you the fingerprint {fingerprint}, and did it "
                "match exactly?"
            ).format(name=p.name, fingerprint=p.fingerprint)
        ):
            return
        session = self.holder.session
        Op(self, lambda: exchange.verify_partner(session, p.code)).writes().on_success(
            lambda _r: self.load()
        ).on_failure(lambda e: show_error(self, e)).run()

    def _days_changed(self, days: int) -> None:
        session = self.holder.session
        Op(self, lambda: backups.set_backup_days(session, days)).writes().on_success(
            lambda _r: None
        ).on_failure(lambda e: show_error(self, e)).run()


# -- sending a case --------------------------------------------------------------------------------


class ExportDialog(QDialog):
    """Send a case: to a partner agency's key, or locked with a passphrase (sent separately).
    A referral package also asks which forms the provider needs to know."""

    def __init__(
        self,
        partners: list[Partner],
        *,
        referral_forms: FormSet | None = None,
        saved_forms: set[str] = frozenset(),  # type: ignore[assignment]
        attachments: list[tuple[int, str]] = (),  # type: ignore[assignment]
        supervisor: bool = False,
        parent: QWidget | None = None,
        check: Callable[[dict[str, object]], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.check = check  # asked before the dialog closes (and before any file is chosen)
        self.referral = referral_forms is not None
        self.setWindowTitle(
            self.tr("Send a referral package") if self.referral else self.tr("Send the case")
        )
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Only the forms you tick go to the provider: what they need to know for the "
                "service. The case stays with us."
            )
            if self.referral
            else self.tr(
                "The whole case file goes to the receiving agency, encrypted so that only "
                "they can open it. Afterwards the case is read only here."
            ),
            wordWrap=True,
        )
        intro.setStyleSheet("color: #333; background: #eef4fb; padding: 6px;")
        layout.addWidget(intro)

        self.to_partner = QRadioButton(self.tr("To a &partner agency:"), objectName="toPartner")
        self.partner = QComboBox(objectName="partner")
        for p in partners:
            mark = "" if p.verified else " " + self.tr("(fingerprint not checked)")
            self.partner.addItem(f"{p.name} ({p.code}){mark}", p.code)
        self.to_passphrase = QRadioButton(
            self.tr("Locked with a pass&phrase"), objectName="toPassphrase"
        )
        self.passphrase = QLineEdit(suggest_passphrase(), objectName="passphrase")
        # Each input is named by the choice above it (a label cannot point at a radio button).
        _named_by(self.partner, self.to_partner)
        _named_by(self.passphrase, self.to_passphrase)
        warning = QLabel(
            self.tr(
                "Send the passphrase by another way than the package (a phone call, an SMS), "
                "never with it."
            ),
            wordWrap=True,
        )
        warning.setStyleSheet("color: #8a5a00;")
        group = QButtonGroup(self)
        group.addButton(self.to_partner)
        group.addButton(self.to_passphrase)
        (self.to_partner if partners else self.to_passphrase).setChecked(True)
        self.to_partner.setEnabled(bool(partners))
        layout.addWidget(self.to_partner)
        layout.addWidget(self.partner)
        layout.addWidget(self.to_passphrase)
        layout.addWidget(self.passphrase)
        layout.addWidget(warning)
        self.passphrase_warning = warning
        if self.referral:  # a referral goes to a partner in the address book, never by passphrase
            self.to_partner.setChecked(True)
            for widget in (self.to_passphrase, self.passphrase, warning):
                widget.setVisible(False)

        self.forms: dict[str, QCheckBox] = {}
        if referral_forms is not None:
            box = QGroupBox(self.tr("Forms to send"))
            column = QVBoxLayout(box)
            for form in referral_forms.ordered():
                if form.id in saved_forms:
                    check = QCheckBox(text_of(form.title), objectName=f"form_{form.id}")
                    check.setChecked(form.id == "registration")
                    check.toggled.connect(self._update)
                    self.forms[form.id] = check
                    column.addWidget(check)
            layout.addWidget(box)
        # Attached documents go with a referral only when ticked (none is ticked at first).
        self.attachments: dict[int, QCheckBox] = {}
        if referral_forms is not None and attachments:
            box = QGroupBox(self.tr("Attached documents to send"))
            column = QVBoxLayout(box)
            for attachment_id, title in attachments:
                check = QCheckBox(title, objectName=f"attachment_{attachment_id}")
                self.attachments[attachment_id] = check
                column.addWidget(check)
            layout.addWidget(box)

        form = QFormLayout()
        self.reason = QLineEdit(objectName="reason", maxLength=300)
        form.addRow(self.tr("&Why it is sent:"), self.reason)
        self.override = QPlainTextEdit(objectName="consentOverride")
        self.override.setTabChangesFocus(True)
        self.override.setMaximumHeight(60)
        self.override.setPlaceholderText(
            self.tr("Only if the consent form does not name this agency: why send it anyway")
        )
        self.override_label = QLabel(self.tr("Supervisor's &reason:"))
        self.override_label.setBuddy(self.override)
        form.addRow(self.override_label, self.override)
        self.override.setVisible(supervisor)
        self.override_label.setVisible(supervisor)
        layout.addLayout(form)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.message = QLabel(objectName="exportMessage", wordWrap=True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Send…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for widget in (self.to_partner, self.to_passphrase):
            widget.toggled.connect(self._update)
        self.passphrase.textChanged.connect(self._update)
        self._update()

    def accept(self) -> None:
        """Checked before closing, so before the file dialog: a refusal shows here."""
        if self.check is not None:
            try:
                self.check(self.choice())
            except UlinziError as e:
                self.message.setText(error_text(e))
                return
        super().accept()

    def _update(self) -> None:
        self.message.clear()
        by_phrase = self.to_passphrase.isChecked()
        self.partner.setEnabled(not by_phrase)
        self.passphrase.setEnabled(by_phrase)
        self.passphrase_warning.setVisible(by_phrase and not self.referral)
        ready = (by_phrase and len(self.passphrase.text().strip()) >= 20) or (
            not by_phrase and self.partner.count() > 0
        )
        if self.referral:
            ready = ready and any(c.isChecked() for c in self.forms.values())
        self.ok.setEnabled(ready)

    def choice(self) -> dict[str, object]:
        """The keyword arguments of `exchange.export_case` this dialog stands for."""
        by_phrase = self.to_passphrase.isChecked()
        return {
            "recipient": None if by_phrase else self.partner.currentData(),
            "passphrase": self.passphrase.text().strip() if by_phrase else None,
            "reason": self.reason.text().strip(),
            "consent_override": self.override.toPlainText().strip(),
            "referral_forms": [k for k, c in self.forms.items() if c.isChecked()]
            if self.referral
            else None,
            "referral_attachments": [k for k, c in self.attachments.items() if c.isChecked()]
            if self.referral
            else None,
        }


# -- importing a package -----------------------------------------------------------------------


class ImportDialog(QDialog):
    """What a package holds, before anything is imported: who sent it (and whether we know
    and checked their key), the case, and the children here it might be."""

    def __init__(
        self,
        preview: Preview,
        caseworkers: list[tuple[str, str]],
        *,
        supervisor: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Import a case package"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        sender = QLabel(objectName="sender", wordWrap=True)
        if not preview.sender_known:
            sender.setText(
                self.tr(
                    "UNKNOWN SENDER: {name} ({code}) is not in your address book. Anyone could "
                    "have made this package. Check its fingerprint {fingerprint} with that "
                    "agency by phone before importing."
                ).format(
                    name=preview.sender_name,
                    code=preview.sender_code,
                    fingerprint=preview.fingerprint,
                )
            )
            sender.setStyleSheet(
                "color: white; background: #b71c1c; padding: 8px; font-weight: bold;"
            )
        elif not preview.sender_verified:
            sender.setText(
                self.tr(
                    "From {name} ({code}), signed with the key in your address book; its "
                    "fingerprint was not checked by phone yet."
                ).format(name=preview.sender_name, code=preview.sender_code)
            )
            sender.setStyleSheet("background: #fff4d6; padding: 8px;")
        else:
            sender.setText(
                self.tr("From {name} ({code}): signature checked against its verified key.").format(
                    name=preview.sender_name, code=preview.sender_code
                )
            )
            sender.setStyleSheet("background: #e6f4ea; padding: 8px;")
        layout.addWidget(sender)

        facts = QFormLayout()
        kind = self.tr("Referral") if preview.kind == "referral" else self.tr("Transfer")
        for caption, value in (
            (self.tr("Kind"), kind),
            (self.tr("Made on"), preview.created_at[:16].replace("T", " ")),
            (self.tr("By"), preview.exported_by),
            (self.tr("Their case number"), preview.case_number),
            (self.tr("Child"), preview.child_name),
            (self.tr("Born"), _day(preview.birth_date)),
            (self.tr("Forms"), str(preview.forms)),
            (self.tr("Signed copies"), str(preview.attachments)),
        ):
            label = QLabel(value)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addRow(caption, label)
        layout.addLayout(facts)

        self.as_new = QRadioButton(self.tr("Import as a &new case, for:"), objectName="asNew")
        self.caseworker = QComboBox(objectName="caseworker")
        for username, name in caseworkers:
            self.caseworker.addItem(name, username)
        self.as_link = QRadioButton(
            self.tr("Add it &beside our case of the same child:"), objectName="asLink"
        )
        self.link = QComboBox(objectName="linkTo")
        _named_by(self.caseworker, self.as_new)
        _named_by(self.link, self.as_link)
        for number, name in preview.duplicates:
            self.link.addItem(f"{number} – {name}", number)
        if preview.duplicates:
            note = QLabel(
                self.tr(
                    "This child may already have a case here. Beside it, their history and "
                    "documents are added and their records kept as they came; nothing of ours "
                    "is written over."
                ),
                wordWrap=True,
            )
            note.setStyleSheet("background: #fff4d6; padding: 6px;")
            layout.addWidget(note)
        if preview.hidden_duplicates:  # never named: the case is not this person's to see
            hidden = QLabel(
                self.tr(
                    "A possible match for this child exists in a case you cannot see: ask your "
                    "supervisor before importing it as a new case."
                ),
                wordWrap=True,
                objectName="hiddenMatch",
            )
            hidden.setStyleSheet("background: #fff4d6; padding: 6px;")
            layout.addWidget(hidden)
        group = QButtonGroup(self)
        group.addButton(self.as_new)
        group.addButton(self.as_link)
        (self.as_link if preview.duplicates else self.as_new).setChecked(True)
        self.as_link.setVisible(bool(preview.duplicates))
        self.link.setVisible(bool(preview.duplicates))
        layout.addWidget(self.as_new)
        layout.addWidget(self.caseworker)
        layout.addWidget(self.as_link)
        layout.addWidget(self.link)

        self.checked = QCheckBox(
            self.tr("I checked the fingerprint with the sending agency by phone (supervisor)"),
            objectName="checkedByPhone",
        )
        self.checked.setVisible(not preview.sender_known)
        self.checked.setEnabled(supervisor)
        layout.addWidget(self.checked)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.checked.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(self.preview.sender_known or self.checked.isChecked())

    def choice(self) -> dict[str, object]:
        link = self.link.currentData() if self.as_link.isChecked() else None
        return {
            "caseworker": None if link else self.caseworker.currentData(),
            "confirm_unknown_sender": self.checked.isChecked(),
            "accept_duplicates": self.as_new.isChecked(),
            "link_number": link,
        }


# -- backups ---------------------------------------------------------------------------------------


def removable_folders(roots: list[str] | None = None) -> list[Path]:
    """Mounted removable drives, where a backup belongs: /media/<user>/… and /run/media/<user>/…
    on Linux, removable drive letters on Windows. `roots`: mount points to sort (tests)."""
    if roots is None:
        roots = [
            v.rootPath()
            for v in QStorageInfo.mountedVolumes()
            if v.isValid() and v.isReady() and not v.isReadOnly()
        ]
    found = []
    for root in roots:
        if sys.platform == "win32":
            import ctypes

            removable = ctypes.windll.kernel32.GetDriveTypeW(root) == 2  # DRIVE_REMOVABLE
        else:
            parts = Path(root).parts
            removable = (len(parts) > 3 and parts[:2] == ("/", "media")) or (
                len(parts) > 4 and parts[:3] == ("/", "run", "media")
            )
        if removable:
            found.append(Path(root))
    return found


def backup_folders(remembered: str | None) -> list[Path]:
    """Where to propose a backup, best first: removable drives (the remembered folder first if
    it is on one), the remembered folder if it is still there, then Documents; never the
    program's folder."""
    drives = removable_folders()
    last = Path(remembered) if remembered else None
    proposed: list[Path] = []
    if last is not None and last.is_dir() and any(last.is_relative_to(d) for d in drives):
        proposed.append(last)
    proposed += drives
    if last is not None and last.is_dir():
        proposed.append(last)
    proposed.append(Path(documents_folder()))
    return list(dict.fromkeys(proposed))


class BackupDialog(QDialog):
    """Where the backup goes (a USB drive, proposed first; the folder is remembered) and what
    locks it. `check(folder, secret)` is asked before the dialog closes: a refusal shows here,
    in backup words, and nothing typed is lost."""

    def __init__(
        self,
        parent: QWidget | None = None,
        check: Callable[[Path, dict[str, str | None]], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.check = check
        self.setWindowTitle(self.tr("Back up the store"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A backup holds every case, encrypted. Keep it away from this computer: on a "
                "USB drive in a locked drawer. It is restored into a new folder, never over "
                "this store."
            ),
            wordWrap=True,
        )
        intro.setStyleSheet("color: #333; background: #eef4fb; padding: 6px;")
        layout.addWidget(intro)
        remembered = QSettings().value("backup/folder")
        proposed = backup_folders(str(remembered) if remembered else None)
        form = QFormLayout()
        self.folder = QLineEdit(str(proposed[0]), objectName="backupFolder")
        choose = QPushButton(self.tr("C&hoose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        caption = QLabel(self.tr("&Folder:"))
        caption.setBuddy(self.folder)
        form.addRow(caption, row)
        self.drive_hint = QLabel(objectName="driveHint", wordWrap=True)
        self.drive_hint.setStyleSheet("color: #555;")
        drives = removable_folders()
        self.drive_hint.setText(
            self.tr("USB drives found: {drives}").format(drives=", ".join(map(str, drives)))
            if drives
            else self.tr("No USB drive found: plug one in, then press Choose…")
        )
        form.addRow("", self.drive_hint)
        self.by_recovery = QRadioButton(
            self.tr("Lock it with the store's &recovery key:"), objectName="byRecovery"
        )
        self.recovery = QLineEdit(objectName="recoveryKey")
        self.recovery.setPlaceholderText("XXXXX-XXXXX-…")
        self.recovery.setAccessibleName(self.tr("Recovery key"))
        self.by_passphrase = QRadioButton(
            self.tr("Lock it with a pass&phrase:"), objectName="byPassphrase"
        )
        self.passphrase = QLineEdit(objectName="backupPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.again = QLineEdit(objectName="backupPassphraseAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_label = QLabel(self.tr("Type the passphrase &again:"))
        self.again_label.setBuddy(self.again)
        self.by_recovery.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_recovery)
        group.addButton(self.by_passphrase)
        layout.addLayout(form)
        layout.addWidget(self.by_recovery)
        layout.addWidget(self.recovery)
        layout.addWidget(self.by_passphrase)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.again_label)
        layout.addWidget(self.again)
        self.message = QLabel(objectName="backupMessage", wordWrap=True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Back up"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for widget in (self.recovery, self.passphrase, self.again, self.folder):
            widget.textChanged.connect(self._update)
        self.by_recovery.toggled.connect(self._update)
        self._update()

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Backup folder"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    def _update(self) -> None:
        key = self.by_recovery.isChecked()
        self.recovery.setEnabled(key)
        for widget in (self.passphrase, self.again, self.again_label):
            widget.setEnabled(not key)
        secret = self.recovery.text() if key else self.passphrase.text()
        differ = not key and bool(self.again.text()) and self.again.text() != self.passphrase.text()
        self.message.setText(
            self.tr("The two passphrases are not the same: type it again.") if differ else ""
        )
        same = key or self.again.text() == self.passphrase.text()
        self.ok.setEnabled(bool(secret.strip() and self.folder.text().strip() and same))

    def accept(self) -> None:
        """Checked before closing, off the UI thread (a recovery key costs an Argon2 run): a
        refusal is shown here and the dialog stays open."""
        if not self.ok.isEnabled():
            return
        if self.check is None:
            super().accept()
            return
        folder, secret = self._chosen()
        check = self.check
        self.ok.setEnabled(False)  # one check at a time; Escape still closes the dialog
        self.message.clear()
        Op(self, lambda: check(folder, secret)).with_progress("").on_success(
            lambda _done: self._checked()
        ).on_failure(self._refused).run()

    def _checked(self) -> None:
        self._update()
        if self.isVisible():  # not closed while the check ran
            super().accept()

    def _refused(self, error: Exception) -> None:
        self._update()
        if isinstance(error, UlinziError):
            self.message.setText(error_text(error))
        else:
            show_error(self, error)

    def _chosen(self) -> tuple[Path, dict[str, str | None]]:
        key = self.by_recovery.isChecked()
        return Path(self.folder.text().strip()), {
            "recovery_key": self.recovery.text().strip() if key else None,
            "passphrase": None if key else self.passphrase.text(),
        }

    def choice(self) -> tuple[Path, dict[str, str | None]]:
        QSettings().setValue("backup/folder", self.folder.text().strip())
        return self._chosen()


class BackupBanner(QWidget):
    """Shown when the last backup is older than the agency's interval (or there is none)."""

    back_up = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupBanner")
        self.text = QLabel(objectName="backupBannerText")
        button = QPushButton(self.tr("Back &up now…"), objectName="backupNow")
        button.clicked.connect(self.back_up)
        self.button = button
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(button)
        self.setStyleSheet(
            "#backupBanner { background: #fff4d6; border-bottom: 1px solid #e0c068; }"
        )
        self.hide()

    def show_state(self, state: backups.BackupState) -> None:
        self.button.setText(self.tr("Back &up now…"))  # in the language chosen meanwhile
        if not state.due:
            self.hide()
            return
        self.text.setText(
            self.tr("This store has never been backed up.")
            if state.last_at is None
            else self.tr("The last backup was on {date}, more than {days} days ago.").format(
                date=format_date(state.last_at.astimezone()), days=state.days
            )
        )
        self.show()

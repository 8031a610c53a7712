"""Registering a child (DOMAIN.md step 1), with a draft saved as you type.

The guided-forms issue replaces this dialog with the registration form definition; until then
it records the same facts, and keeps what was typed through a power cut, a lock or a switch.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import cases, drafts
from desktop.registration import CONSENT_PURPOSES
from desktop.session import UserSession
from ui.background import run_in_background
from ui.common import (
    CARE_ARRANGEMENTS,
    CONCERNS,
    CONSENT_METHODS,
    REFERRERS,
    SEXES,
    format_datetime,
    label,
    show_error,
    two_columns,
)

DRAFT_KIND = "new_case"
AUTOSAVE_MS = 3000


class ConsentBox(QGroupBox):
    """Who agreed to what, and how (informed consent of the caregiver, assent of the child)."""

    def __init__(self, title: str, with_name: bool, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.purposes = {
            "interview": QCheckBox(self.tr("to the interview")),
            "sharing": QCheckBox(self.tr("to sharing information")),
            "services": QCheckBox(self.tr("to receiving services")),
        }
        self.method = QComboBox()
        self.method.addItem(self.tr("How was it given?"), None)
        for code in CONSENT_METHODS:
            self.method.addItem(label(CONSENT_METHODS, code), code)
        self.name = QLineEdit(placeholderText=self.tr("Name of the caregiver"))
        self.name.setVisible(with_name)
        layout = QVBoxLayout(self)
        for box in self.purposes.values():
            layout.addWidget(box)
        layout.addWidget(self.method)
        layout.addWidget(self.name)

    def value(self) -> dict[str, object]:
        data: dict[str, object] = {p: self.purposes[p].isChecked() for p in CONSENT_PURPOSES}
        data["method"] = self.method.currentData()
        if self.name.isVisible() or self.name.text():
            data["name"] = self.name.text().strip()
        return data

    def set_value(self, data: dict[str, object]) -> None:
        for purpose, box in self.purposes.items():
            box.setChecked(bool(data.get(purpose)))
        self.method.setCurrentIndex(max(0, self.method.findData(data.get("method"))))
        self.name.setText(str(data.get("name") or ""))

    def changed_signals(self) -> list:  # type: ignore[type-arg]
        return [b.toggled for b in self.purposes.values()] + [
            self.method.currentIndexChanged,
            self.name.textChanged,
        ]


class NewCaseDialog(QDialog):
    """The registration dialog. Emits `registered(uuid)` once the case is saved."""

    registered = Signal(str)

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._dirty = False
        self._saving = False
        self.setWindowTitle(self.tr("New case: register a child"))
        self.resize(1000, 680)

        # -- the child
        self.given_name = QLineEdit(objectName="givenName")
        self.family_name = QLineEdit(objectName="familyName")
        self.sex = QComboBox(objectName="sex")
        self.sex.addItem(self.tr("Choose…"), None)
        for code in SEXES:
            self.sex.addItem(label(SEXES, code), code)
        self.birth_date = QDateEdit(objectName="birthDate", calendarPopup=True)
        self.birth_date.setDisplayFormat("dd/MM/yyyy")
        self.birth_date.setMaximumDate(QDate.currentDate())
        self.birth_date.setDate(QDate.currentDate().addYears(-8))
        self.age_known = QCheckBox(
            self.tr("Date of birth not known: estimate the age"), objectName="estimated"
        )
        self.estimated_age = QSpinBox(
            objectName="estimatedAge", minimum=0, maximum=17, suffix=self.tr(" years")
        )
        self.estimated_age.setEnabled(False)
        self.location = QLineEdit(
            objectName="location", placeholderText=self.tr("Village or area, district")
        )
        self.name_error = QLabel(objectName="nameError")
        self.name_error.setStyleSheet("color: #b71c1c;")
        child = QGroupBox(self.tr("The child"))
        child_form = QFormLayout(child)
        child_form.addRow(self.tr("&Given name *"), self.given_name)
        child_form.addRow("", self.name_error)
        child_form.addRow(self.tr("&Family name"), self.family_name)
        child_form.addRow(self.tr("Se&x *"), self.sex)
        child_form.addRow(self.tr("Date of bir&th"), self.birth_date)
        age_row = QHBoxLayout()
        age_row.addWidget(self.age_known)
        age_row.addWidget(self.estimated_age)
        child_form.addRow("", age_row)
        child_form.addRow(self.tr("&Lives in"), self.location)

        # -- the registration
        self.registration_place = QLineEdit(objectName="registrationPlace")
        self.referred_by = QComboBox(objectName="referredBy")
        self.referred_by.addItem(self.tr("Choose…"), None)
        for code in REFERRERS:
            self.referred_by.addItem(label(REFERRERS, code), code)
        self.referrer_name = QLineEdit(
            objectName="referrerName", placeholderText=self.tr("Name and contact")
        )
        registration = QGroupBox(self.tr("Registration"))
        reg_form = QFormLayout(registration)
        reg_form.addRow(self.tr("&Place of registration"), self.registration_place)
        reg_form.addRow(self.tr("Identified or referred &by"), self.referred_by)
        reg_form.addRow(self.tr("Who (name, contact)"), self.referrer_name)

        # -- the situation
        self.care = QComboBox(objectName="care")
        self.care.addItem(self.tr("Choose…"), None)
        for code in CARE_ARRANGEMENTS:
            self.care.addItem(label(CARE_ARRANGEMENTS, code), code)
        self.concerns = {code: QCheckBox(label(CONCERNS, code)) for code in CONCERNS}
        concerns_grid = QGridLayout()
        for i, box in enumerate(self.concerns.values()):
            concerns_grid.addWidget(box, i // 2, i % 2)
        self.concerns_notes = QPlainTextEdit(objectName="concernsNotes")
        self.concerns_notes.setPlaceholderText(self.tr("What was seen or told, by whom, when"))
        self.priorities = QPlainTextEdit(objectName="priorities")
        self.priorities.setPlaceholderText(self.tr("What must happen now to keep the child safe"))
        for edit in (self.concerns_notes, self.priorities):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(60)
        situation = QGroupBox(self.tr("Situation"))
        sit_form = QFormLayout(situation)
        sit_form.addRow(self.tr("Current &care arrangement"), self.care)
        sit_form.addRow(self.tr("Protection concerns"), concerns_grid)
        sit_form.addRow(self.tr("About the conc&erns"), self.concerns_notes)
        sit_form.addRow(self.tr("&Immediate priorities"), self.priorities)

        # -- consent
        self.caregiver_consent = ConsentBox(self.tr("Consent of the caregiver"), with_name=True)
        self.child_assent = ConsentBox(self.tr("Assent of the child"), with_name=False)

        scroll = two_columns(
            [child, registration, self.caregiver_consent, self.child_assent], [situation]
        )

        self.draft_note = QLabel(objectName="draftNote")
        self.draft_note.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Register the child"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.draft_note, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addLayout(bottom)

        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)
        self.age_known.toggled.connect(self._age_mode)
        for signal in self._change_signals():
            signal.connect(self._changed)
        self.given_name.textChanged.connect(lambda _t: self._validate())
        self.sex.currentIndexChanged.connect(lambda _i: self._validate())
        self._validate(show=False)

    # -- values ----------------------------------------------------------------------------------
    def _change_signals(self) -> list:  # type: ignore[type-arg]
        signals = [
            self.given_name.textChanged,
            self.family_name.textChanged,
            self.sex.currentIndexChanged,
            self.birth_date.dateChanged,
            self.age_known.toggled,
            self.estimated_age.valueChanged,
            self.location.textChanged,
            self.registration_place.textChanged,
            self.referred_by.currentIndexChanged,
            self.referrer_name.textChanged,
            self.care.currentIndexChanged,
            self.concerns_notes.textChanged,
            self.priorities.textChanged,
        ]
        signals += [box.toggled for box in self.concerns.values()]
        return (
            signals + self.caregiver_consent.changed_signals() + self.child_assent.changed_signals()
        )

    def values(self) -> dict[str, object]:
        """Everything typed, as plain data (what a draft holds)."""
        return {
            "given_name": self.given_name.text(),
            "family_name": self.family_name.text(),
            "sex": self.sex.currentData(),
            "birth_date": self.birth_date.date().toString("yyyy-MM-dd"),
            "age_estimated": self.age_known.isChecked(),
            "estimated_age": self.estimated_age.value(),
            "location": self.location.text(),
            "registration_place": self.registration_place.text(),
            "referred_by": self.referred_by.currentData(),
            "referrer_name": self.referrer_name.text(),
            "care_arrangement": self.care.currentData(),
            "concerns": [code for code, box in self.concerns.items() if box.isChecked()],
            "concerns_notes": self.concerns_notes.toPlainText(),
            "immediate_priorities": self.priorities.toPlainText(),
            "caregiver_consent": self.caregiver_consent.value(),
            "child_assent": self.child_assent.value(),
        }

    def set_values(self, data: dict[str, object]) -> None:
        self.given_name.setText(str(data.get("given_name", "")))
        self.family_name.setText(str(data.get("family_name", "")))
        self.sex.setCurrentIndex(max(0, self.sex.findData(data.get("sex"))))
        born = QDate.fromString(str(data.get("birth_date", "")), "yyyy-MM-dd")
        if born.isValid():
            self.birth_date.setDate(born)
        self.age_known.setChecked(bool(data.get("age_estimated")))
        self.estimated_age.setValue(int(data.get("estimated_age", 0) or 0))
        self.location.setText(str(data.get("location", "")))
        self.registration_place.setText(str(data.get("registration_place", "")))
        self.referred_by.setCurrentIndex(max(0, self.referred_by.findData(data.get("referred_by"))))
        self.referrer_name.setText(str(data.get("referrer_name", "")))
        self.care.setCurrentIndex(max(0, self.care.findData(data.get("care_arrangement"))))
        chosen = set(data.get("concerns", []) or [])  # type: ignore[arg-type]
        for code, box in self.concerns.items():
            box.setChecked(code in chosen)
        self.concerns_notes.setPlainText(str(data.get("concerns_notes", "")))
        self.priorities.setPlainText(str(data.get("immediate_priorities", "")))
        self.caregiver_consent.set_value(data.get("caregiver_consent") or {})  # type: ignore[arg-type]
        self.child_assent.set_value(data.get("child_assent") or {})  # type: ignore[arg-type]

    def _age_mode(self, estimated: bool) -> None:
        self.estimated_age.setEnabled(estimated)
        self.birth_date.setEnabled(not estimated)

    def _validate(self, show: bool = True) -> bool:
        problems = []
        if not self.given_name.text().strip():
            problems.append(
                self.tr("The child's given name is needed (a nickname will do for now).")
            )
        if self.sex.currentData() is None:
            problems.append(self.tr("Choose the child's sex (“Not known” is a choice)."))
        self.name_error.setText("\n".join(problems) if show else "")
        self.save_button.setEnabled(not problems)
        return not problems

    # -- drafts ----------------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        self._dirty = True
        self._autosave.start()

    def offer_draft(self) -> None:
        """If this person left a registration unfinished, offer to continue it."""
        saved = drafts.load_draft(self.session, DRAFT_KIND, "")
        if saved is None:
            return
        answer = self.ask_resume(format_datetime(saved.updated_at))
        if answer:
            self.set_values(saved.data)
            self._dirty = False
            self.draft_note.setText(self.tr("Continuing the registration started earlier."))
        else:
            drafts.discard_draft(self.session, DRAFT_KIND, "")

    def ask_resume(self, when: str) -> bool:
        return (
            QMessageBox.question(
                self,
                self.tr("Unfinished registration"),
                self.tr(
                    "You started registering a child on {when} and did not finish. Continue it?"
                ).format(when=when),
            )
            == QMessageBox.StandardButton.Yes
        )

    def save_draft(self, *, wait: bool = False) -> None:
        """Keep what was typed, encrypted in the store (in the background unless `wait`)."""
        if not self._dirty or not self.session.store.is_open:
            return
        session, data = self.session, self.values()
        self._dirty = False
        if wait:  # locking: the key is about to be forgotten, so this must finish first
            drafts.save_draft(session, DRAFT_KIND, "", data)
            return
        run_in_background(
            lambda: drafts.save_draft(session, DRAFT_KIND, "", data),
            lambda _r: self.draft_note.setText(self.tr("Draft kept.")),
            lambda e: show_error(self, e),
        )

    # -- saving ----------------------------------------------------------------------------------
    def submit(self) -> None:
        if not self._validate() or self._saving:
            return
        data = self.values()
        if data["age_estimated"]:
            today = date.today()
            born = date(today.year - int(data["estimated_age"]), 7, 1)  # type: ignore[arg-type]
            born = min(born, today)
        else:
            born = date.fromisoformat(str(data["birth_date"]))
        details = {
            k: data[k]
            for k in (
                "registration_place",
                "referred_by",
                "referrer_name",
                "care_arrangement",
                "concerns",
                "concerns_notes",
                "immediate_priorities",
                "caregiver_consent",
                "child_assent",
            )
        }
        session = self.session
        self._saving = True
        self._autosave.stop()
        self.save_button.setEnabled(False)

        def work() -> str:
            row = cases.register_case(
                session,
                given_name=str(data["given_name"]),
                family_name=str(data["family_name"]),
                sex=str(data["sex"]),
                birth_date=born,
                birth_date_estimated=bool(data["age_estimated"]),
                location=str(data["location"]),
                details=details,
            )
            drafts.discard_draft(session, DRAFT_KIND, "")
            return row.uuid

        def done(uuid: str) -> None:
            self._saving = False
            self._dirty = False
            self.registered.emit(uuid)
            self.accept()

        def failed(error: Exception) -> None:
            self._saving = False
            self.save_button.setEnabled(True)
            self._dirty = True
            self.save_draft()
            show_error(self, error)

        run_in_background(work, done, failed)

    def reject(self) -> None:
        """Escape, "Close" and the window's X all come here: never lose what was typed."""
        if self._dirty and not self._saving and self.session.store.is_open:
            choice = self.ask_close()
            if choice == QMessageBox.StandardButton.Cancel:
                return
            if choice == QMessageBox.StandardButton.Discard:
                self._dirty = False
                drafts.discard_draft(self.session, DRAFT_KIND, "")
            else:
                self.save_draft(wait=True)
        super().reject()

    def ask_close(self) -> QMessageBox.StandardButton:
        return QMessageBox.question(
            self,
            self.tr("Close the registration?"),
            self.tr("Keep what you typed as a draft to finish later?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )

"""Before a step shares information about the child: the current consent, to confirm with the
family or to record again (`desktop.consent_check` says when it must be recorded again)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.consent_check import ConsentState
from ui.common import format_date


def step_text(step: str) -> str:
    texts = {
        "referral": QCoreApplication.translate("ConsentCheck", "a referral to a service provider"),
        "conference": QCoreApplication.translate("ConsentCheck", "a case conference"),
        "transfer": QCoreApplication.translate("ConsentCheck", "a transfer to another agency"),
        "package": QCoreApplication.translate(
            "ConsentCheck", "sending a package to another agency"
        ),
    }
    return texts.get(step, step)


def _answer(value: str | None) -> str:
    return {
        "given": QCoreApplication.translate("ConsentCheck", "agreed"),
        "refused": QCoreApplication.translate("ConsentCheck", "refused"),
    }.get(value or "", QCoreApplication.translate("ConsentCheck", "not asked"))


class ConsentCheckDialog(QDialog):
    """The consent as recorded; "Still valid" (confirmed, audited) or "Record it again". When
    it must be recorded again (too old, the child is now an adult, or none), only that."""

    def __init__(self, state: ConsentState, step: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = ""  # "confirm" or "record"
        self.setWindowTitle(self.tr("Check the consent first"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "This step shares information about the child: {step}. Check with the child and "
                "family that their consent still stands."
            ).format(step=step_text(step)),
            wordWrap=True,
            objectName="consentIntro",
        )
        details = QLabel(wordWrap=True, objectName="consentDetails")
        details.setTextFormat(Qt.TextFormat.RichText)
        details.setText(self._details(state))
        self.warning = QLabel(wordWrap=True, objectName="consentWarning")
        self.warning.setStyleSheet(
            "background: #fff4d6; border: 1px solid #e0c068; padding: 6px; border-radius: 4px;"
        )
        self.warning.setText(self._renewal(state))
        self.warning.setVisible(bool(state.renewal))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = QPushButton(self.tr("&Record it again…"), objectName="recordConsent")
        self.confirm_button = QPushButton(
            self.tr("It is &still valid: go on"), objectName="confirmConsent"
        )
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        if not state.renewal:
            buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.confirm_button.setDefault(True)
        else:
            self.confirm_button.hide()
            self.record_button.setDefault(True)
        self.record_button.clicked.connect(lambda: self._chosen("record"))
        self.confirm_button.clicked.connect(lambda: self._chosen("confirm"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(details)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addWidget(buttons)
        (self.record_button if state.renewal else self.confirm_button).setFocus()

    def _chosen(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def _details(self, state: ConsentState) -> str:
        if not state.recorded:
            return escape(self.tr("No consent form has been recorded for this case."))
        rows = [
            (self.tr("Given on"), format_date(state.given_on)),
            (self.tr("Caregiver, to sharing"), _answer(state.caregiver)),
            (self.tr("Child, to sharing"), _answer(state.child)),
            (
                self.tr("Organisations named"),
                ", ".join(state.organisations) or self.tr("none"),
            ),
            (
                self.tr("Recorded by"),
                self.tr("{who}, version {n}").format(who=state.recorded_by, n=state.version),
            ),
        ]
        return (
            "<table cellspacing='0' cellpadding='3'>"
            + "".join(
                f"<tr><td style='color:#555'>{escape(k)}</td><td><b>{escape(v)}</b></td></tr>"
                for k, v in rows
            )
            + "</table>"
        )

    def _renewal(self, state: ConsentState) -> str:
        if state.renewal == "old":
            return self.tr(
                "This consent is more than {months} months old (the agency's rule): record it "
                "again with the family before going on."
            ).format(months=state.months)
        if state.renewal == "adult":
            return self.tr(
                "The child turned 18 on {date}, after this consent was given: as an adult they "
                "now decide. Record their consent before going on."
            ).format(date=format_date(state.adult_on))
        if state.renewal == "missing":
            return self.tr("Record the consent before information is shared.")
        return ""

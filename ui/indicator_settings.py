"""Administration's Indicators tab: how the caseload is weighted by risk (15.7), the agency's
target for each Standard 15 indicator, and the two yes/no facts about the agency (15.9, 15.11)
with the day they were last checked. Saved through `desktop.indicators.save_indicator_settings`;
the Dashboard reads them on its next refresh."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import indicators
from desktop.indicators import AgencyFact, IndicatorSettings
from ui.common import show_error, two_columns
from ui.operations import Op
from ui.session_holder import SessionHolder

ERROR_STYLE = "color: #b71c1c;"
DONE_STYLE = "color: #1b5e20;"


def _indicator(text: str) -> str:
    return QCoreApplication.translate("indicators", text)


class IndicatorsPage(QWidget):
    """See the module's docstring. `is_changed` and `save(then)` serve the dialog's question
    about unsaved settings when it closes."""

    busy_changed = Signal(str)

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="indicatorSettings")
        self.holder = holder
        self.is_busy = False
        self._loaded: IndicatorSettings | None = None

        weights = QGroupBox(self.tr("Caseload weighted by risk (15.7)"))
        weights_form = QFormLayout(weights)
        self.weights: dict[str, QDoubleSpinBox] = {}
        names = {
            "high": self.tr("A &high-risk case counts as"),
            "medium": self.tr("A m&edium-risk case counts as"),
            "low": self.tr("A &low-risk case counts as"),
        }
        for level in indicators.DEFAULT_WEIGHTS:
            spin = QDoubleSpinBox(objectName=f"weight-{level}", minimum=0, maximum=10)
            spin.setDecimals(2)
            spin.setSingleStep(0.5)
            self.weights[level] = spin
            caption = QLabel(names[level])
            caption.setBuddy(spin)
            weights_form.addRow(caption, spin)
        weights_form.addRow(
            _note(
                self.tr(
                    "Cases a caseworker holds, each counted by its risk; not yet assessed counts "
                    "as medium. The standard's band is 15 to 30."
                )
            )
        )

        facts = QGroupBox(self.tr("Facts about the agency"))
        facts_form = QFormLayout(facts)
        self.facts: dict[str, tuple[QComboBox, QDateEdit]] = {}
        for code in indicators.FACT_CODES:
            answer = QComboBox(objectName=f"fact-{code}")
            answer.addItem(self.tr("Not recorded"), None)
            answer.addItem(self.tr("Yes"), True)
            answer.addItem(self.tr("No"), False)
            checked = QDateEdit(objectName=f"checked-{code}", calendarPopup=True)
            checked.setMaximumDate(QDate.currentDate())
            checked.setDate(QDate.currentDate())
            answer.currentIndexChanged.connect(
                lambda _i, a=answer, c=checked: c.setEnabled(a.currentData() is not None)
            )
            self.facts[code] = (answer, checked)
            title = f"{code}  {_indicator(indicators.DEFINITION[code].title)}"
            facts_form.addRow(_note(title, bold=True))
            facts_form.addRow(self.tr("Answer"), answer)
            facts_form.addRow(self.tr("Last checked on"), checked)

        targets = QGroupBox(self.tr("Targets"))
        targets_form = QFormLayout(targets)
        self.targets: dict[str, QSpinBox] = {}
        for code in indicators.CODES:
            if code in indicators.FACT_CODES:
                continue
            spin = QSpinBox(objectName=f"target-{code}", minimum=0, maximum=100, suffix=" %")
            spin.setSpecialValueText(self.tr("No target"))
            self.targets[code] = spin
            caption = QLabel(f"{code}  {_indicator(indicators.DEFINITION[code].title)}")
            caption.setBuddy(spin)
            targets_form.addRow(caption, spin)
        targets_form.addRow(
            _note(self.tr("The Dashboard shows each figure against its target; 0 is no target."))
        )

        self.save_button = QPushButton(self.tr("&Save"), objectName="saveIndicators")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(lambda: self.save())
        self.status = QLabel(objectName="indicatorsStatus", wordWrap=True)
        save_row = QHBoxLayout()
        save_row.addWidget(self.status, 1)
        save_row.addWidget(self.save_button)
        save_row.setContentsMargins(9, 0, 9, 9)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(two_columns([targets], [weights, facts]), 1)
        layout.addLayout(save_row)
        for spin in (*self.weights.values(), *self.targets.values()):
            spin.valueChanged.connect(self.status.clear)
        self.load()

    def load(self) -> None:
        try:
            settings = indicators.indicator_settings(self.holder.session)
        except Exception as error:  # noqa: BLE001 - shown to the person, logged if unexpected
            show_error(self, error)
            self.setEnabled(False)
            return
        self._show(settings)

    def _show(self, settings: IndicatorSettings) -> None:
        self._loaded = settings
        for level, spin in self.weights.items():
            spin.setValue(settings.weights[level])
        for code, spin in self.targets.items():
            spin.setValue(round(settings.targets.get(code, 0)))
        for code, (answer, checked) in self.facts.items():
            fact = settings.facts[code]
            answer.setCurrentIndex(answer.findData(fact.value) if fact.value is not None else 0)
            checked.setEnabled(fact.value is not None)
            if fact.checked_on is not None:
                checked.setDate(QDate(fact.checked_on))

    def settings(self) -> IndicatorSettings:
        """What the page says now."""
        facts = {}
        for code, (answer, checked) in self.facts.items():
            value = answer.currentData()
            day: date | None = checked.date().toPython() if value is not None else None
            facts[code] = AgencyFact(code, value, day)
        return IndicatorSettings(
            {level: spin.value() for level, spin in self.weights.items()},
            {code: float(spin.value()) for code, spin in self.targets.items() if spin.value()},
            facts,
        )

    def is_changed(self) -> bool:
        if self._loaded is None:
            return False

        def facts(found: IndicatorSettings) -> dict[str, tuple[bool | None, date | None]]:
            return {
                code: (f.value, f.checked_on if f.value is not None else None)
                for code, f in found.facts.items()
            }

        now = self.settings()
        return (
            now.weights != self._loaded.weights
            or now.targets != self._loaded.targets
            or facts(now) != facts(self._loaded)
        )

    def problem(self) -> tuple[str, QWidget] | None:
        """What stops saving, in plain words, and the field to correct."""
        high, medium, low = (self.weights[level].value() for level in ("high", "medium", "low"))
        if not high >= medium >= low:
            return (
                self.tr(
                    "A case of higher risk counts at least as much as one of lower risk: "
                    "high ≥ medium ≥ low."
                ),
                self.weights["high" if high < medium else "medium"],
            )
        return None

    def save(self, then: Callable[[], None] | None = None) -> None:
        problem = self.problem()
        if problem is not None:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(problem[0])
            problem[1].setFocus()
            return
        new = self.settings()
        session = self.holder.session
        self._busy(True)

        def saved(result: IndicatorSettings) -> None:
            self._busy(False)
            self._show(result)
            self.status.setStyleSheet(DONE_STYLE)
            self.status.setText(self.tr("Saved. The Dashboard shows them when it next counts."))
            if then is not None:
                then()

        def failed(error: Exception) -> None:
            self._busy(False)
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.clear()
            show_error(self, error)

        Op(self, lambda: indicators.save_indicator_settings(session, new)).writes().on_success(
            saved
        ).on_failure(failed).run()

    def _busy(self, busy: bool) -> None:
        self.is_busy = busy
        self.setEnabled(not busy)
        self.busy_changed.emit(self.tr("Saving…") if busy else "")


def _note(text: str, bold: bool = False) -> QLabel:
    note = QLabel(text, wordWrap=True)
    if bold:
        font = note.font()
        font.setBold(True)
        note.setFont(font)
    else:
        note.setStyleSheet("color: #555;")
    return note

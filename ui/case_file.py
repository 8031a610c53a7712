"""A case file: who the child is at a glance, the registration details, and the history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.cases import CaseFile, HistoryEntry
from ui.common import (
    CARE_ARRANGEMENTS,
    CONCERNS,
    CONSENT_METHODS,
    HISTORY_ACTIONS,
    NEXT_ACTIONS,
    REFERRERS,
    RISK_COLOURS,
    RISKS,
    SEXES,
    STAGES,
    STATUSES,
    format_date,
    format_datetime,
    label,
    years,
)


class CaseFileWidget(QWidget):
    """Read-only view of one case, as opened (the opening is already in the audit log)."""

    def __init__(self, case: CaseFile, history: list[HistoryEntry], parent: QWidget | None = None):
        super().__init__(parent)
        self.case = case
        row = case.row
        self.uuid = row.uuid

        name = QLabel(row.child_name, objectName="childName")
        font = name.font()
        font.setPointSize(font.pointSize() + 7)
        font.setBold(True)
        name.setFont(font)
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        age = row.age()
        age_text = "" if age is None else years(age, row.birth_date_estimated)
        risk = QLabel(objectName="risk")
        if row.risk:
            risk.setText(self.tr("Risk: {level}").format(level=label(RISKS, row.risk)))
            risk.setStyleSheet(
                f"color: white; background: {RISK_COLOURS[row.risk].name()}; padding: 3px 10px;"
                " border-radius: 10px; font-weight: bold;"
            )
        else:
            risk.setText(self.tr("Risk: not assessed yet"))
            risk.setStyleSheet("padding: 3px 10px; border: 1px solid #999; border-radius: 10px;")

        facts = QGridLayout()
        facts.setHorizontalSpacing(24)
        for column, (title, value) in enumerate(
            (
                (self.tr("Case number"), row.case_number),
                (self.tr("Age"), age_text),
                (self.tr("Sex"), label(SEXES, row.sex)),
                (self.tr("Stage"), label(STAGES, row.stage)),
                (self.tr("Status"), label(STATUSES, row.status)),
                (self.tr("Caseworker"), row.caseworker),
            )
        ):
            caption = QLabel(title)
            caption.setStyleSheet("color: #555;")
            facts.addWidget(caption, 0, column)
            value_label = QLabel(value)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addWidget(value_label, 1, column)
        facts.setColumnStretch(6, 1)

        header = QFrame(objectName="caseHeader")
        header.setStyleSheet(
            "#caseHeader { background: #f4f6f8; border-bottom: 1px solid #d0d5da; }"
        )
        top = QGridLayout(header)
        top.addWidget(name, 0, 0)
        top.addWidget(risk, 0, 1, Qt.AlignmentFlag.AlignRight)
        top.addLayout(facts, 1, 0, 1, 2)
        next_text = ""
        if row.next_action:
            next_text = self.tr("Next: {action}, due {date}").format(
                action=label(NEXT_ACTIONS, row.next_action),
                date=format_date(row.next_due.astimezone()) if row.next_due else "",
            )
        top.addWidget(QLabel(next_text, objectName="nextAction"), 2, 0, 1, 2)

        self.tabs = QTabWidget(objectName="caseTabs")
        self.tabs.addTab(self._summary(), self.tr("&Summary"))
        self.tabs.addTab(self._history(history), self.tr("&History"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(header)
        layout.addWidget(self.tabs)

    def _summary(self) -> QWidget:
        row, d = self.case.row, self.case.details
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        def add(title: str, value: object) -> None:
            text = "" if value is None else str(value)
            value_label = QLabel(text or "—", wordWrap=True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"<b>{title}</b>", value_label)

        born = format_date(row.birth_date) if row.birth_date else ""
        if born and row.birth_date_estimated:
            born = self.tr("{date} (estimated)").format(date=born)
        add(self.tr("Date of birth"), born)
        add(self.tr("Lives in"), row.location)
        add(self.tr("Registered on"), format_datetime(row.registered_at))
        add(self.tr("Place of registration"), d.get("registration_place"))
        referred = label(REFERRERS, d.get("referred_by")) if d.get("referred_by") else ""
        if d.get("referrer_name"):
            referred = f"{referred} – {d['referrer_name']}"
        add(self.tr("Identified or referred by"), referred)
        add(
            self.tr("Current care arrangement"), label(CARE_ARRANGEMENTS, d.get("care_arrangement"))
        )
        add(
            self.tr("Protection concerns"),
            ", ".join(label(CONCERNS, c) for c in d.get("concerns", [])),  # type: ignore[union-attr]
        )
        add(self.tr("About the concerns"), d.get("concerns_notes"))
        add(self.tr("Immediate priorities"), d.get("immediate_priorities"))
        add(self.tr("Consent of the caregiver"), self._consent(d.get("caregiver_consent")))
        add(self.tr("Assent of the child"), self._consent(d.get("child_assent")))
        page = QWidget()
        page.setLayout(form)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _consent(self, value: object) -> str:
        if not isinstance(value, dict) or not any(
            value.get(p) for p in ("interview", "sharing", "services")
        ):
            return self.tr("Not recorded")
        given = [
            text
            for key, text in (
                ("interview", self.tr("interview")),
                ("sharing", self.tr("sharing information")),
                ("services", self.tr("receiving services")),
            )
            if value.get(key)
        ]
        parts = [self.tr("Given for: {purposes}").format(purposes=", ".join(given))]
        if value.get("method"):
            parts.append(label(CONSENT_METHODS, str(value["method"])))
        if value.get("name"):
            parts.append(str(value["name"]))
        return " · ".join(parts)

    def _history(self, history: list[HistoryEntry]) -> QWidget:
        table = QTableWidget(len(history), 3, objectName="history")
        table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for position, entry in enumerate(reversed(history)):  # newest first
            what = label(HISTORY_ACTIONS, entry.action)
            if entry.summary and entry.action == "case.updated":
                what = f"{what} ({entry.summary})"
            for column, text in enumerate((format_datetime(entry.at), entry.who, what)):
                table.setItem(position, column, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

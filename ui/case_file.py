"""A case file: who the child is at a glance, its forms with their versions, and the history."""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.case_forms import draft_key
from desktop.cases import CaseFile, HistoryEntry
from desktop.forms.definition import FormSet
from desktop.forms.saved import latest
from ui.common import (
    HISTORY_ACTIONS,
    NEXT_ACTIONS,
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
from ui.form_fields import text_of
from ui.form_view import answers_html


class CaseFileWidget(QWidget):
    """One case, as opened (the opening is already in the audit log). `fill_form(uuid, form id)`
    asks for a form to be filled in: a first time, a new version, or a draft continued."""

    fill_form = Signal(str, str)

    def __init__(
        self,
        case: CaseFile,
        history: list[HistoryEntry],
        form_set: FormSet,
        drafts: dict[str, datetime],
        editable: bool,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.case = case
        self.form_set = form_set
        self.drafts = drafts
        self.editable = editable
        self.current_form = ""
        self.revisions: dict[int, object] = {}
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
        self.tabs.addTab(self._forms(), self.tr("&Forms"))
        self.tabs.addTab(self._history(history), self.tr("&History"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(header)
        layout.addWidget(self.tabs)

    def _forms(self) -> QWidget:
        """Each form of the case: its state on the left; the chosen revision on the right."""
        self.form_list = QListWidget(objectName="formList")
        self.form_list.setFixedWidth(300)
        self.form_list.setSpacing(4)
        self.revision = QComboBox(objectName="revision")
        self.revision.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.changes = QLabel(objectName="changes", wordWrap=True)
        self.changes.setStyleSheet("color: #555;")
        self.view = QTextBrowser(objectName="formView")
        self.view.setOpenLinks(False)
        self.fill_button = QPushButton(objectName="fillForm")
        self.fill_button.clicked.connect(self._fill_clicked)
        self.draft_label = QLabel(objectName="formDraft")
        self.draft_label.setStyleSheet("color: #8a5a00;")
        top = QHBoxLayout()
        top.addWidget(self.revision)
        top.addWidget(self.draft_label, 1)
        top.addWidget(self.fill_button)
        right = QVBoxLayout()
        right.addLayout(top)
        right.addWidget(self.changes)
        right.addWidget(self.view, 1)
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.addWidget(self.form_list)
        layout.addLayout(right, 1)

        for form in self.form_set.ordered():
            saved = latest(self.case.forms, form.id)
            if saved is not None:
                state = self.tr("version {n}, {date}").format(
                    n=saved.revision, date=format_date(saved.submitted_at.astimezone())
                )
            else:
                state = self.tr("not filled in yet")
            if draft_key(self.uuid, form.id) in self.drafts:
                state += " · " + self.tr("draft")
            item = QListWidgetItem(f"{text_of(form.title)}\n{state}")
            item.setData(Qt.ItemDataRole.UserRole, form.id)
            self.form_list.addItem(item)
        self.form_list.currentRowChanged.connect(self._form_chosen)
        self.revision.currentIndexChanged.connect(self._revision_chosen)
        self.form_list.setCurrentRow(0)
        return page

    def _form_chosen(self, row: int) -> None:
        item = self.form_list.item(row)
        if item is None:
            return
        self.current_form = item.data(Qt.ItemDataRole.UserRole)
        revisions = sorted(
            (x for x in self.case.forms if x.form_id == self.current_form),
            key=lambda x: -x.revision,
        )
        self.revision.blockSignals(True)
        self.revision.clear()
        for x in revisions:
            self.revision.addItem(
                self.tr("Version {n}: {date}, {who}").format(
                    n=x.revision, date=format_datetime(x.submitted_at), who=x.submitted_by
                ),
                x.id,
            )
        self.revision.blockSignals(False)
        self.revision.setVisible(bool(revisions))
        self.revisions = {x.id: x for x in revisions}
        kept = self.drafts.get(draft_key(self.uuid, self.current_form))
        self.draft_label.setText(
            self.tr("Draft kept {when}").format(when=format_datetime(kept)) if kept else ""
        )
        if not self.editable:
            self.fill_button.setVisible(False)
        elif kept:
            self.fill_button.setText(self.tr("&Continue the draft"))
        elif revisions:
            self.fill_button.setText(self.tr("&New version"))
        else:
            self.fill_button.setText(self.tr("&Fill in"))
        if revisions:
            self._revision_chosen(0)
        else:
            form = self.form_set.get(self.current_form)
            self.changes.setText("")
            self.view.setHtml(
                "<p style='color:#555'>"
                + self.tr("This form has not been filled in for this case yet.")
                + f"</p><p>{escape(text_of(form.description))}</p>"
            )

    def _revision_chosen(self, index: int) -> None:
        chosen = self.revisions.get(self.revision.itemData(index))
        if chosen is None:
            return
        changed = chosen.changed
        if changed:
            labels = [text_of(f.label) if (f := chosen.definition.field(i)) else i for i in changed]
            self.changes.setText(
                self.tr("Changed in this version (highlighted): {fields}").format(
                    fields=", ".join(labels)
                )
            )
        else:
            self.changes.setText("")
        self.view.setHtml(answers_html(chosen.definition, chosen.answers, changed))

    def _fill_clicked(self) -> None:
        self.fill_form.emit(self.uuid, self.current_form)

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

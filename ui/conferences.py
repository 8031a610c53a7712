"""A case's conferences: the Conferences tab of the case file, the dialog that schedules one,
and what the minutes form starts from (the schedule, the agency's agenda, the case summary,
and whom the consent covers)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.case_forms import ConsentToShare
from desktop.conferences import (
    CORRECTION_KEY,
    CaseConferences,
    ConferenceInfo,
    MinutesStart,
    uncovered_attendees,
)
from desktop.errors import QT_TRANSLATE_NOOP
from desktop.forms.answers import ENTRY_PROBLEM, Answers, Problem
from desktop.forms.definition import FormDefinition, FormField
from ui.common import ACTION_STATUSES, RISKS, STAGES, format_date, format_datetime, label
from ui.form_fields import text_of

DEFAULT_AGENDA = (
    QT_TRANSLATE_NOOP("Conferences", "Introductions and confidentiality reminder"),
    QT_TRANSLATE_NOOP("Conferences", "Case summary"),
    QT_TRANSLATE_NOOP("Conferences", "The child's views"),
    QT_TRANSLATE_NOOP("Conferences", "Discussion"),
    QT_TRANSLATE_NOOP("Conferences", "Decisions"),
    QT_TRANSLATE_NOOP("Conferences", "Action points"),
    QT_TRANSLATE_NOOP("Conferences", "Next meeting"),
)
NOT_COVERED = QT_TRANSLATE_NOOP(
    "forms",
    "The consent form does not name “{organisation}”. Choose “Invited without recorded "
    "consent” and say why this person attends, or record the consent first.",
)
NO_ORGANISATION = QT_TRANSLATE_NOOP(
    "forms", "Name the organisation the consent form names, or choose another basis."
)


def _t(text: str) -> str:
    return QCoreApplication.translate("Conferences", text)


def default_agenda() -> list[str]:
    return [_t(item) for item in DEFAULT_AGENDA]


def purposes(form: FormDefinition) -> list[tuple[str, str]]:
    """The purposes of a conference, as the minutes form words them."""
    f = form.field("purpose")
    return [(c.code, text_of(c.label)) for c in (f.choices if f and f.choices else [])]


# -- the minutes form, started from the schedule -------------------------------------------------


def summary_notes(start: MinutesStart) -> str:
    """The case summary presented at the meeting, and the plan's overdue actions."""
    lines = [
        QCoreApplication.translate(
            "Conferences", "Case {number}, registered on {date}. Stage: {stage}. Risk: {risk}."
        ).format(
            number=start.case_number,
            date=format_date(start.registered_at.astimezone()),
            stage=label(STAGES, start.stage),
            risk=label(RISKS, start.risk)
            if start.risk
            else QCoreApplication.translate("Conferences", "not assessed yet"),
        )
    ]
    if start.goals:
        lines.append(QCoreApplication.translate("Conferences", "Goals of the plan:"))
        lines += [f"{n}. {goal}" for n, goal in enumerate(start.goals, start=1)]
    if start.overdue:
        lines.append("")
        lines.append(QCoreApplication.translate("Conferences", "Overdue actions of the plan:"))
        lines += [
            "– "
            + QCoreApplication.translate("Conferences", "{action} (due {date}, {status})").format(
                action=a.action,
                date=format_date(a.due) if a.due else "",
                status=label(ACTION_STATUSES, a.status),
            )
            for a in start.overdue
        ]
    elif start.goals:
        lines.append(QCoreApplication.translate("Conferences", "No action of the plan is overdue."))
    return "\n".join(lines)


def minutes_answers(start: MinutesStart, caseworker: str, agency: str) -> dict[str, Any]:
    """The minutes as they open: the saved version for a correction; otherwise the schedule,
    the caseworker as the first attendee and the agency's agenda with the case summary."""
    if start.saved is not None:
        return {k: v for k, v in start.saved.answers.items() if k != CORRECTION_KEY}
    c = start.conference
    when = c.scheduled_at.astimezone()
    items = start.agenda or default_agenda()
    summary_at = next(
        (i for i, t in enumerate(items) if any(w in t.casefold() for w in ("summary", "résumé"))),
        min(1, len(items) - 1),
    )
    answers: dict[str, Any] = {
        "time": when.strftime("%H:%M"),
        "place": c.place,
        "chair": c.chair,
        "purpose": c.purpose,
        "attendees": [
            {
                "name": caseworker,
                "organisation": agency,
                "role": QCoreApplication.translate("Conferences", "Caseworker"),
                "attendance": "present",
                "basis": "agency",
            }
        ],
        "agenda": [
            {"item": item, "notes": summary_notes(start) if i == summary_at else ""}
            for i, item in enumerate(items)
        ],
    }
    if when.date() <= datetime.now().date():
        answers["held_on"] = when.date().isoformat()
    if c.purpose == "other":
        answers["purpose_other"] = c.purpose_other
    return answers


def attendee_check(consent: ConsentToShare):  # type: ignore[no-untyped-def]
    """The minutes form's extra rule: an attendee said to come on the basis of consent must be
    from an organisation the consent form names."""

    def check(f: FormField, value: Any, answers: Answers) -> Problem | None:
        if f.id != "attendees":
            return None
        for index in uncovered_attendees(consent, value):
            organisation = str(value[index].get("organisation") or "").strip()
            problem = (
                Problem(NOT_COVERED, {"organisation": organisation})
                if organisation
                else Problem(NO_ORGANISATION)
            )
            return Problem(
                ENTRY_PROBLEM, {"number": index + 1, "problem": problem, "field": "organisation"}
            )
        return None

    return check


# -- scheduling ------------------------------------------------------------------------------------


class ScheduleDialog(QDialog):
    """When and where a conference meets, who chairs it and why."""

    def __init__(
        self,
        form: FormDefinition,
        chair: str = "",
        conference: ConferenceInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Move the case conference")
            if conference
            else self.tr("Schedule a case conference")
        )
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A case conference is a planned meeting of the people who work with the child. "
                "Invite only those who need to know and whom the consent covers; meet in a "
                "place where you cannot be overheard."
            ),
            wordWrap=True,
        )
        intro.setStyleSheet("color: #333; background: #eef4fb; padding: 6px;")
        layout.addWidget(intro)
        rows = QFormLayout()
        start = datetime.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=7)
        self.when = QDateTimeEdit(objectName="conferenceWhen", calendarPopup=True)
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setDateTime(
            QDateTime(conference.scheduled_at.astimezone().replace(tzinfo=None))
            if conference
            else QDateTime(start)
        )
        self.place = QLineEdit(objectName="conferencePlace", maxLength=200)
        self.place.setPlaceholderText(self.tr("e.g. District office, meeting room 2"))
        self.chair = QLineEdit(chair, objectName="conferenceChair", maxLength=200)
        self.purpose = QComboBox(objectName="conferencePurpose")
        for code, text in purposes(form):
            self.purpose.addItem(text, code)
        self.other = QLineEdit(objectName="conferenceOther", maxLength=200)
        self.other.setPlaceholderText(self.tr("What the conference is for"))
        if conference:
            self.place.setText(conference.place)
            self.chair.setText(conference.chair)
            self.purpose.setCurrentIndex(max(0, self.purpose.findData(conference.purpose)))
            self.other.setText(conference.purpose_other)
        rows.addRow(self.tr("&Date and time:"), self.when)
        rows.addRow(self.tr("&Place:"), self.place)
        rows.addRow(self.tr("C&haired by:"), self.chair)
        rows.addRow(self.tr("P&urpose:"), self.purpose)
        self.other_label = QLabel(self.tr("&Which other purpose:"))
        self.other_label.setBuddy(self.other)
        rows.addRow(self.other_label, self.other)
        layout.addLayout(rows)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Schedule") if conference is None else self.tr("&Move"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for edit in (self.place, self.chair, self.other):
            edit.textChanged.connect(self._update)
        self.purpose.currentIndexChanged.connect(self._update)
        self._update()
        self.place.setFocus()

    def _update(self) -> None:
        other = self.purpose.currentData() == "other"
        self.other.setVisible(other)
        self.other_label.setVisible(other)
        self.ok.setEnabled(
            bool(self.place.text().strip() and self.chair.text().strip())
            and (not other or bool(self.other.text().strip()))
        )

    def values(self) -> tuple[datetime, str, str, str, str]:
        when = self.when.dateTime().toPython().astimezone().astimezone(UTC)
        return (
            when,
            self.place.text().strip(),
            self.chair.text().strip(),
            str(self.purpose.currentData()),
            self.other.text().strip(),
        )


# -- the tab ---------------------------------------------------------------------------------------


def _table(columns: list[str], name: str, stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(columns), objectName=name)
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class ConferencesTab(QWidget):
    """The case's conferences and the action points their minutes gave.

    It asks the window to do the work: `schedule(0)` a new one or `schedule(n)` move
    conference n, `cancel(n)`, `write_minutes(n)` (or correct them), `print_minutes(n)`, and
    `commitment_status(action id, status)`."""

    schedule = Signal(int)
    cancel = Signal(int)
    write_minutes = Signal(int)
    print_minutes = Signal(int)
    commitment_status = Signal(int, str)

    def __init__(self, data: CaseConferences, form: FormDefinition | None, editable: bool) -> None:
        super().__init__()
        self.data = data
        self.editable = editable and data.can_change
        self.purpose_words = dict(purposes(form)) if form else {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A case conference brings together the people working with the child to build "
                "or review the plan, or to take a best interests decision. Its minutes are "
                "printed, signed and filed."
            ),
            wordWrap=True,
        )
        intro.setStyleSheet("color: #555;")
        layout.addWidget(intro)
        self.table = _table(
            [
                self.tr("No."),
                self.tr("Date and time"),
                self.tr("Purpose"),
                self.tr("Place"),
                self.tr("Chaired by"),
                self.tr("Minutes"),
            ],
            "conferences",
            5,
        )
        layout.addWidget(self.table, 2)
        buttons = QHBoxLayout()
        self.schedule_button = QPushButton(
            self.tr("&Schedule a conference…"), objectName="scheduleConference"
        )
        self.minutes_button = QPushButton(self.tr("&Write the minutes…"), objectName="writeMinutes")
        self.print_button = QPushButton(self.tr("Print the &minutes…"), objectName="printMinutes")
        self.move_button = QPushButton(self.tr("&Move…"), objectName="moveConference")
        self.cancel_button = QPushButton(
            self.tr("&Cancel the conference…"), objectName="cancelConference"
        )
        for button in (
            self.schedule_button,
            self.minutes_button,
            self.print_button,
            self.move_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        caption = QLabel(self.tr("Action points agreed at the conferences"))
        font = caption.font()
        font.setBold(True)
        caption.setFont(font)
        layout.addWidget(caption)
        self.actions = _table(
            [
                self.tr("Conf."),
                self.tr("What will be done"),
                self.tr("Who"),
                self.tr("Organisation"),
                self.tr("By"),
                self.tr("Status"),
            ],
            "conferenceActions",
            1,
        )
        layout.addWidget(self.actions, 1)
        follow = QHBoxLayout()
        self.done_button = QPushButton(self.tr("Mark &done"), objectName="commitmentDone")
        self.dropped_button = QPushButton(self.tr("Mark dro&pped"), objectName="commitmentDropped")
        self.action_note = QLabel(objectName="actionNote", wordWrap=True)
        self.action_note.setStyleSheet("color: #555;")
        follow.addWidget(self.done_button)
        follow.addWidget(self.dropped_button)
        follow.addWidget(self.action_note, 1)
        layout.addLayout(follow)

        self._fill()
        self.schedule_button.setVisible(self.editable)
        self.schedule_button.clicked.connect(lambda: self.schedule.emit(0))
        self.minutes_button.clicked.connect(lambda: self._emit(self.write_minutes))
        self.print_button.clicked.connect(lambda: self._emit(self.print_minutes))
        self.move_button.clicked.connect(lambda: self._emit(self.schedule))
        self.cancel_button.clicked.connect(lambda: self._emit(self.cancel))
        self.done_button.clicked.connect(lambda: self._set_status("done"))
        self.dropped_button.clicked.connect(lambda: self._set_status("dropped"))
        self.table.itemSelectionChanged.connect(self._update)
        self.actions.itemSelectionChanged.connect(self._update)
        if self.data.conferences:
            self.table.selectRow(self.table.rowCount() - 1)
        self._update()

    def show_data(self, data: CaseConferences, editable: bool) -> None:
        """The case's conferences read again after a change; the chosen one stays chosen."""
        chosen = self.selected()
        self.data = data
        self.editable = editable and data.can_change
        self.table.blockSignals(True)
        self._fill()
        self.table.blockSignals(False)
        self.schedule_button.setVisible(self.editable)
        if chosen is not None and any(c.number == chosen.number for c in data.conferences):
            self.select(chosen.number)
        elif data.conferences:
            self.table.selectRow(self.table.rowCount() - 1)
        self._update()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.data.conferences))
        for row, c in enumerate(self.data.conferences):
            purpose = self.purpose_words.get(c.purpose, c.purpose)
            if c.purpose == "other" and c.purpose_other:
                purpose = c.purpose_other
            cells = (
                str(c.number),
                format_datetime(c.scheduled_at.astimezone()),
                purpose,
                c.place,
                c.chair,
                self.state_text(c),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 5 and c.correction:
                    item.setToolTip(self.tr("Corrected: {reason}").format(reason=c.correction))
                if c.state == "cancelled":
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(row, column, item)
        self.actions.setRowCount(len(self.data.actions))
        for row, a in enumerate(self.data.actions):
            status = label(ACTION_STATUSES, a.status)
            if a.in_plan:
                status = self.tr("In the case plan")
            cells = (
                str(a.conference_number),
                a.action,
                a.owner,
                a.organisation or self.tr("Our agency"),
                format_date(a.due) if a.due else "",
                status,
            )
            for column, text in enumerate(cells):
                self.actions.setItem(row, column, QTableWidgetItem(text))

    def state_text(self, c: ConferenceInfo) -> str:
        if c.state == "cancelled":
            return self.tr("Cancelled: {reason}").format(reason=c.cancel_reason)
        if c.minutes_revision is None:
            late = c.scheduled_at < datetime.now(UTC)
            return self.tr("To write") if late else self.tr("Scheduled")
        text = self.tr("Finalised, version {version}, by {who} on {date}").format(
            version=c.minutes_revision,
            who=c.minutes_by,
            date=format_date(c.minutes_at.astimezone()) if c.minutes_at else "",
        )
        return text

    def selected(self) -> ConferenceInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.data.conferences[rows[0].row()] if rows else None

    def select(self, number: int) -> None:
        for row, c in enumerate(self.data.conferences):
            if c.number == number:
                self.table.selectRow(row)

    def _emit(self, signal) -> None:  # type: ignore[no-untyped-def]
        chosen = self.selected()
        if chosen is not None:
            signal.emit(chosen.number)

    def _update(self) -> None:
        c = self.selected()
        scheduled = c is not None and c.state == "scheduled"
        final = c is not None and c.minutes_revision is not None
        self.minutes_button.setText(
            self.tr("&Correct the minutes…") if final else self.tr("&Write the minutes…")
        )
        self.minutes_button.setVisible(self.editable)
        self.minutes_button.setEnabled(c is not None and c.state != "cancelled")
        self.print_button.setEnabled(final)
        self.print_button.setToolTip(
            "" if final else self.tr("The minutes are printed once they are finalised.")
        )
        self.move_button.setVisible(self.editable)
        self.cancel_button.setVisible(self.editable)
        self.move_button.setEnabled(scheduled)
        self.cancel_button.setEnabled(scheduled)
        rows = self.actions.selectionModel().selectedRows()
        a = self.data.actions[rows[0].row()] if rows else None
        can_follow = self.editable and a is not None and not a.in_plan
        self.done_button.setVisible(self.editable)
        self.dropped_button.setVisible(self.editable)
        self.done_button.setEnabled(can_follow and a.status != "done")  # type: ignore[union-attr]
        self.dropped_button.setEnabled(can_follow and a.status != "dropped")  # type: ignore[union-attr]
        self.action_note.setText(
            self.tr("Our action points are followed in the case plan (Plan tab).")
            if a is not None and a.in_plan
            else ""
        )

    def _set_status(self, status: str) -> None:
        rows = self.actions.selectionModel().selectedRows()
        if rows:
            self.commitment_status.emit(self.data.actions[rows[0].row()].id, status)

"""The case file's Placements tab: where the child lives now and has lived, the placement
decisions waiting for the supervisor, the reviews, and the child's daily log entries from the
facilities (read here by the caseworker; never printed on the child's plan).

The tab asks the window to do the work: `propose(PlacementDetails)`, `review(ReviewDetails)`,
`end(date, reason)`, `print_decision(placement id)` and `follow_up(log entry id, note)`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.facilities import LogEntryInfo
from desktop.placement_state import (
    BEST_INTERESTS_LABELS,
    CONTACT_LABELS,
    KIND_LABELS,
    LEGAL_LABELS,
    LOG_KIND_LABELS,
    STATE_LABELS,
)
from desktop.placements import (
    CasePlacements,
    PlacementDetails,
    PlacementInfo,
    ReviewDetails,
    details_problem,
)
from desktop.workflow import add_months
from ui.common import DATE_FORMAT, format_date, label


def _date_edit(name: str, value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value), objectName=name, calendarPopup=True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


def _text(name: str, height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit(objectName=name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


def _problem_label() -> QLabel:
    problem = QLabel(objectName="problem", wordWrap=True)
    problem.setStyleSheet("color: #c62828; font-weight: bold;")
    problem.setVisible(False)
    return problem


def simple_table(columns: list[str], name: str, stretch: int) -> QTableWidget:
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


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class PlacementDialog(QDialog):
    """A placement decision for the supervisor's approval. It says what is missing before it
    closes (the service's own rule, `desktop.placements.details_problem`)."""

    def __init__(
        self,
        facilities: list[tuple[int, str]],
        review_months: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New placement decision"))
        self.review_months = review_months
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Where the child will live, on what legal basis, and why it is in the child's "
                "best interests. Ask the child's views first. The supervisor approves the "
                "decision; it then becomes the current placement and the one before it ends."
            ),
            wordWrap=True,
        )
        intro.setStyleSheet("color: #333; background: #eef4fb; padding: 6px;")
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kind = QComboBox(objectName="placementKind")
        for code in KIND_LABELS:
            self.kind.addItem(label(KIND_LABELS, code), code)
        self.facility = QComboBox(objectName="placementFacility")
        for facility_id, name in facilities:
            self.facility.addItem(name, facility_id)
        self.carer = QLineEdit(objectName="placementCarer", maxLength=200)
        self.carer.setPlaceholderText(self.tr("e.g. Mukamana Odette, the child's grandmother"))
        self.address = QLineEdit(objectName="placementAddress")
        today = date.today()
        self.start = _date_edit("placementStart", today)
        self.review = _date_edit("placementReview", add_months(today, review_months))  # type: ignore[arg-type]
        self.basis = QComboBox(objectName="placementBasis")
        for code in LEGAL_LABELS:
            self.basis.addItem(label(LEGAL_LABELS, code), code)
        self.reference = QLineEdit(objectName="placementReference", maxLength=200)
        self.legal_date = _date_edit("placementLegalDate", today)
        self.decided_by = QLineEdit(objectName="placementDecidedBy", maxLength=200)
        self.decided_by.setPlaceholderText(self.tr("e.g. Gasabo Primary Court"))
        self.reason = _text("placementReason", 90)
        form.addRow(self.tr("&Type of care:"), self.kind)
        self.facility_label = QLabel(self.tr("&Facility:"))
        self.facility_label.setBuddy(self.facility)
        form.addRow(self.facility_label, self.facility)
        self.carer_label = QLabel(self.tr("&Carer or family:"))
        self.carer_label.setBuddy(self.carer)
        form.addRow(self.carer_label, self.carer)
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.tr("Fr&om:"), self.start)
        form.addRow(self.tr("First re&view by:"), self.review)
        form.addRow(self.tr("&Legal basis:"), self.basis)
        self.reference_label = QLabel(self.tr("&Reference:"))
        self.reference_label.setBuddy(self.reference)
        form.addRow(self.reference_label, self.reference)
        self.legal_date_label = QLabel(self.tr("Dat&ed:"))
        self.legal_date_label.setBuddy(self.legal_date)
        form.addRow(self.legal_date_label, self.legal_date)
        form.addRow(self.tr("Decided &by:"), self.decided_by)
        reason_label = QLabel(self.tr("&Why this placement is in the child's best interests:"))
        reason_label.setWordWrap(True)
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label)
        form.addRow(self.reason)
        layout.addLayout(form)
        self.problem = _problem_label()
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, self.tr("Ask for a&pproval")))
        self.kind.currentIndexChanged.connect(self._update)
        self.basis.currentIndexChanged.connect(self._update)
        self.start.dateChanged.connect(
            lambda day: self.review.setDate(
                QDate(add_months(day.toPython(), self.review_months))  # type: ignore[arg-type]
            )
        )
        self._update()
        self.kind.setFocus()

    def _update(self) -> None:
        facility = self.kind.currentData() == "residential_care"
        for widget in (self.facility, self.facility_label):
            widget.setVisible(facility)
        for widget in (self.carer, self.carer_label):
            widget.setVisible(not facility)
        formal = self.basis.currentData() != "informal"
        for widget in (
            self.reference,
            self.reference_label,
            self.legal_date,
            self.legal_date_label,
        ):
            widget.setVisible(formal)

    def details(self) -> PlacementDetails:
        facility = self.kind.currentData() == "residential_care"
        formal = self.basis.currentData() != "informal"
        return PlacementDetails(
            kind=str(self.kind.currentData()),
            start_date=self.start.date().toPython(),  # type: ignore[arg-type]
            legal_basis=str(self.basis.currentData()),
            reason=self.reason.toPlainText(),
            decided_by=self.decided_by.text(),
            carer="" if facility else self.carer.text(),
            facility_id=self.facility.currentData() if facility else None,
            address=self.address.text(),
            legal_reference=self.reference.text() if formal else "",
            legal_date=self.legal_date.date().toPython() if formal else None,  # type: ignore[arg-type]
            review_date=self.review.date().toPython(),  # type: ignore[arg-type]
        )

    def accept(self) -> None:
        problem = details_problem(self.details())
        if problem is not None:  # said here, and the dialog stays open with what was typed
            self.problem.setText(QCoreApplication.translate("errors", problem))
            self.problem.setVisible(True)
            self._field_of(problem).setFocus()  # where the person types next
            return
        super().accept()

    def _field_of(self, problem: str) -> QWidget:
        """The field a problem of `details_problem` is about (its message names it)."""
        for words, field in (
            ("type of placement", self.kind),
            ("residential care facility", self.facility),
            ("carer or family", self.carer),
            ("legal basis", self.basis),
            ("reference and its date", self.reference),
            ("date of the decision", self.legal_date),
            ("best interests", self.reason),
            ("first review", self.review),
        ):
            if words in problem:
                return field
        return self.kind


class ReviewDialog(QDialog):
    """A placement review: is the placement still in the child's best interests?"""

    def __init__(self, placement: PlacementInfo, months: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Placement review"))
        self.started = placement.start_date
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Review the placement with the child, the carer and the family: is it still "
                "in the child's best interests, and how is the return to the family going?"
            ),
            wordWrap=True,
        )
        intro.setStyleSheet("color: #333; background: #eef4fb; padding: 6px;")
        layout.addWidget(intro)
        form = QFormLayout()
        today = date.today()
        self.on = _date_edit("reviewedOn", today)
        self.next = _date_edit("nextReview", add_months(today, months))  # type: ignore[arg-type]
        form.addRow(self.tr("Reviewed &on:"), self.on)
        question = QLabel(self.tr("Is the placement still in the child's best interests?"))
        question.setWordWrap(True)
        form.addRow(question)
        self.answers = QButtonGroup(self)
        for index, code in enumerate(BEST_INTERESTS_LABELS):
            button = QRadioButton(label(BEST_INTERESTS_LABELS, code), objectName=f"answer_{code}")
            if index == 0:
                question.setBuddy(button)
            self.answers.addButton(button)
            button.setProperty("code", code)
            form.addRow(button)
        self.views = _text("childViews")
        self.notes = _text("reviewNotes")
        views_label = QLabel(self.tr("The child's &views:"))
        views_label.setBuddy(self.views)
        form.addRow(views_label, self.views)
        notes_label = QLabel(self.tr("&Notes (how reintegration is going, what changes):"))
        notes_label.setWordWrap(True)
        notes_label.setBuddy(self.notes)
        form.addRow(notes_label, self.notes)
        form.addRow(self.tr("Ne&xt review by:"), self.next)
        layout.addLayout(form)
        self.problem = _problem_label()
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, self.tr("&Save the review")))
        self.on.setFocus()

    def details(self) -> ReviewDetails:
        chosen = self.answers.checkedButton()
        return ReviewDetails(
            reviewed_on=self.on.date().toPython(),  # type: ignore[arg-type]
            best_interests=str(chosen.property("code")) if chosen else "",
            child_views=self.views.toPlainText(),
            notes=self.notes.toPlainText(),
            next_review=self.next.date().toPython(),  # type: ignore[arg-type]
        )

    def accept(self) -> None:
        d = self.details()
        problem, field = "", None
        if not d.best_interests:
            problem = self.tr(
                "Answer whether the placement is still in the child's best interests."
            )
            field = self.answers.buttons()[0]
        elif d.reviewed_on > date.today() or d.reviewed_on < self.started:
            problem = self.tr("A review is held between the day the placement started and today.")
            field = self.on
        elif d.next_review and d.next_review <= d.reviewed_on:
            problem, field = self.tr("The next review comes after this one."), self.next
        if problem and field is not None:
            self.problem.setText(problem)
            self.problem.setVisible(True)
            field.setFocus()  # where the person types next
            return
        super().accept()


class EndDialog(QDialog):
    """The current placement ends, with no new one: when and why."""

    def __init__(self, placement: PlacementInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("End the placement"))
        self.started = placement.start_date
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A move to another placement is a new placement decision: it ends this one by "
                "itself once approved. End a placement here only when the child leaves it with "
                "no new placement (came of age, left on their own…)."
            ),
            wordWrap=True,
        )
        layout.addWidget(intro)
        form = QFormLayout()
        self.on = _date_edit("endedOn", date.today())
        self.reason = _text("endReason")
        form.addRow(self.tr("Ended &on:"), self.on)
        reason_label = QLabel(self.tr("&Why it ends:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, self.reason)
        layout.addLayout(form)
        self.problem = _problem_label()
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, self.tr("&End the placement")))
        self.reason.setFocus()

    def values(self) -> tuple[date, str]:
        return self.on.date().toPython(), self.reason.toPlainText()  # type: ignore[return-value]

    def accept(self) -> None:
        ended, reason = self.values()
        if not reason.strip():
            problem = self.tr("Say why the placement ends: it is kept in its history.")
        elif ended > date.today() or ended < self.started:
            problem = self.tr("A placement ends between the day it started and today.")
        else:
            super().accept()
            return
        self.problem.setText(problem)
        self.problem.setVisible(True)
        (self.on if reason.strip() else self.reason).setFocus()


def log_line(entry: LogEntryInfo) -> str:
    """What a log entry says, with its family contact and follow-up."""
    text = entry.text
    if entry.kind == "family_contact" and entry.family_member:
        text = QCoreApplication.translate("PlacementsTab", "{how} with {who}: {text}").format(
            how=label(CONTACT_LABELS, entry.contact_how), who=entry.family_member, text=text
        )
    if entry.followed_up_at is not None:
        text += "\n" + QCoreApplication.translate(
            "PlacementsTab", "Followed up by {who}: {note}"
        ).format(who=entry.followed_up_by, note=entry.follow_up_note)
    return text


def log_kind(entry: LogEntryInfo) -> str:
    kind = label(LOG_KIND_LABELS, entry.kind)
    if entry.serious:
        kind = QCoreApplication.translate("PlacementsTab", "{kind} (serious)").format(kind=kind)
    return kind


def ask(widget: QWidget, dialog: QDialog) -> bool:
    """Ask through the window (where tests answer in the person's place), or directly."""
    window = widget.window()
    if hasattr(window, "ask_dialog"):
        return bool(window.ask_dialog(dialog))
    return dialog.exec() == QDialog.DialogCode.Accepted


class PlacementsTab(QWidget):
    propose = Signal(object)  # PlacementDetails
    review = Signal(object)  # ReviewDetails
    end = Signal(object, str)  # date, reason
    print_decision = Signal(int)  # a placement's id
    follow_up = Signal(int, str)  # a serious incident's log entry id, what was done

    def __init__(self, data: CasePlacements, editable: bool) -> None:
        super().__init__()
        self.data = data
        self.editable = editable
        layout = QVBoxLayout(self)
        self.now = QLabel(objectName="currentPlacement", wordWrap=True)
        self.now.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.now)
        buttons = QHBoxLayout()
        self.propose_button = QPushButton(
            self.tr("N&ew placement decision…"), objectName="proposePlacement"
        )
        self.review_button = QPushButton(self.tr("Re&view the placement…"), objectName="review")
        self.end_button = QPushButton(self.tr("End the place&ment…"), objectName="endPlacement")
        self.print_button = QPushButton(
            self.tr("Print the pla&cement decision"), objectName="printDecision"
        )
        for button in (self.propose_button, self.review_button, self.end_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        self.history = simple_table(
            [
                self.tr("From"),
                self.tr("Until"),
                self.tr("Type of care"),
                self.tr("Where, with whom"),
                self.tr("Legal basis"),
                self.tr("Decision"),
            ],
            "placements",
            3,
        )
        self.log = simple_table(
            [self.tr("Date"), self.tr("About"), self.tr("What happened"), self.tr("Written by")],
            "childLog",
            2,
        )
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel(self.tr("Placement history")))
        top_layout.addWidget(self.history)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        log_row = QHBoxLayout()
        log_title = QLabel(
            self.tr(
                "Daily log entries about the child (from the facilities; family contacts are "
                "reintegration evidence). Never printed on the child's plan."
            ),
            wordWrap=True,
        )
        self.follow_up_button = QPushButton(
            self.tr("Record the follow-&up…"), objectName="followUp"
        )
        log_row.addWidget(log_title, 1)
        log_row.addWidget(self.follow_up_button)
        bottom_layout.addLayout(log_row)
        bottom_layout.addWidget(self.log)
        split.addWidget(top)
        split.addWidget(bottom)
        layout.addWidget(split, 1)
        self.propose_button.clicked.connect(self._propose)
        self.review_button.clicked.connect(self._review)
        self.end_button.clicked.connect(self._end)
        self.print_button.clicked.connect(self._print)
        self.follow_up_button.clicked.connect(self._follow_up)
        self.history.itemSelectionChanged.connect(self._update)
        self.log.itemSelectionChanged.connect(self._update)
        self.show_data(data, editable)

    # -- shown again after a change ---------------------------------------------------------------
    def show_data(self, data: CasePlacements, editable: bool) -> None:
        self.data = data
        self.editable = editable and data.can_change
        current = self.current()
        if current is None:
            self.now.setText(self.tr("The child has no current placement recorded."))
        else:
            text = self.tr(
                "Now: {kind} – {where}, since {since}. Next placement review by {review}."
            ).format(
                kind=label(KIND_LABELS, current.kind),
                where=current.where,
                since=format_date(current.start_date),
                review=format_date(current.next_review) if current.next_review else "",
            )
            self.now.setText(text)
        waiting = [p for p in data.placements if p.state == "proposed"]
        if waiting:
            self.now.setText(
                self.now.text()
                + "\n"
                + self.tr("A placement decision is waiting for the supervisor's approval.")
            )
        self.history.setRowCount(0)
        for p in data.placements:
            row = self.history.rowCount()
            self.history.insertRow(row)
            decision = label(STATE_LABELS, p.state)
            if p.state == "approved" and p.approved_by:
                decision = self.tr("approved by {who}").format(who=p.approved_by)
            if p.state == "returned" and p.comment:
                decision = self.tr("returned: “{comment}”").format(comment=p.comment)
            until = format_date(p.end_date) if p.end_date else ""
            if p.end_date and p.end_reason:
                until += f"\n{p.end_reason}"
            elif p.replaced:
                until += "\n" + self.tr("a new placement")
            for column, value in enumerate(
                (
                    format_date(p.start_date),
                    until,
                    label(KIND_LABELS, p.kind),
                    "\n".join(x for x in (p.where, p.address) if x),
                    label(LEGAL_LABELS, p.legal_basis)
                    + (f" {p.legal_reference}" if p.legal_reference else ""),
                    decision,
                )
            ):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                self.history.setItem(row, column, item)
        if data.placements:
            self.history.selectRow(0)
        self.log.setRowCount(0)
        for entry in data.log:
            row = self.log.rowCount()
            self.log.insertRow(row)
            for column, value in enumerate(
                (format_date(entry.on), log_kind(entry), log_line(entry), entry.writer)
            ):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                if entry.serious and entry.followed_up_at is None:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.log.setItem(row, column, item)
        self.history.resizeRowsToContents()
        self.log.resizeRowsToContents()
        self._update()

    def current(self) -> PlacementInfo | None:
        return next((p for p in self.data.placements if p.is_current), None)

    def selected(self) -> PlacementInfo | None:
        row = self.history.currentRow()
        if row < 0 or not self.history.selectedItems():
            return None
        chosen = self.history.item(row, 0).data(Qt.ItemDataRole.UserRole)
        return next((p for p in self.data.placements if p.id == chosen), None)

    def selected_incident(self) -> LogEntryInfo | None:
        row = self.log.currentRow()
        if row < 0 or not self.log.selectedItems():
            return None
        chosen = self.log.item(row, 0).data(Qt.ItemDataRole.UserRole)
        entry = next((e for e in self.data.log if e.id == chosen), None)
        return entry if entry and entry.serious and entry.followed_up_at is None else None

    def _update(self) -> None:
        current = self.current()
        self.propose_button.setVisible(self.editable)
        self.review_button.setVisible(self.editable and current is not None)
        self.end_button.setVisible(self.editable and current is not None)
        chosen = self.selected()
        self.print_button.setEnabled(
            chosen is not None and chosen.state in ("proposed", "approved")
        )
        self.follow_up_button.setVisible(self.editable)
        self.follow_up_button.setEnabled(self.selected_incident() is not None)

    # -- the person's requests --------------------------------------------------------------------
    def _propose(self) -> None:
        dialog = PlacementDialog(self.data.facilities, self.data.review_months, self)
        if ask(self, dialog):
            self.propose.emit(dialog.details())

    def _review(self) -> None:
        current = self.current()
        if current is None:
            return
        dialog = ReviewDialog(current, self.data.review_months, self)
        if ask(self, dialog):
            self.review.emit(dialog.details())

    def _end(self) -> None:
        current = self.current()
        if current is None:
            return
        dialog = EndDialog(current, self)
        if ask(self, dialog):
            self.end.emit(*dialog.values())

    def _print(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.print_decision.emit(chosen.id)

    def _follow_up(self) -> None:
        from ui.case_file import ReasonDialog

        incident = self.selected_incident()
        if incident is None:
            return
        dialog = ReasonDialog(
            self.tr("Follow-up of a serious incident"),
            self.tr("What was done about it (kept with the log entry):"),
            parent=self,
        )
        if ask(self, dialog):
            self.follow_up.emit(incident.id, dialog.text.toPlainText())

    def select_review(self) -> None:
        """From a task: the review, if a current placement is there to review."""
        if self.review_button.isVisible():
            self.review_button.setFocus()

"""A residential care facility at a glance: who is here now (name, age, since when, key worker,
next review, stage), who came and left lately, and the daily log (occurrence book), where the
facility's staff write what happened to a child or in the house.

Facility staff see their own facility; supervisors and managers choose one and see the children
whose cases they may open. The services decide what each person sees (`desktop.facilities`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import facilities
from desktop.facilities import House, LogEntryInfo, NewLogEntry, Resident
from desktop.placement_state import CONTACT_LABELS, LOG_KIND_LABELS
from desktop.vocabulary import Role
from ui.common import (
    DATE_FORMAT,
    REINTEGRATION_STAGES,
    STAGES,
    format_date,
    label,
    show_error,
    years,
)
from ui.operations import Op
from ui.placements import ask, log_kind, log_line, simple_table
from ui.session_holder import SessionHolder


class LogEntryDialog(QDialog):
    """A new line in the daily log: about a child here, or about the house."""

    def __init__(
        self, residents: list[Resident], chosen: str | None = None, parent: QWidget | None = None
    ) -> None:
        """`chosen`: the case of the child selected in Who is here, the entry's first subject."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("New daily log entry"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.on = QDateEdit(QDate.currentDate(), objectName="logDate", calendarPopup=True)
        self.on.setDisplayFormat(DATE_FORMAT)
        self.child = QComboBox(objectName="logChild")
        self.child.addItem(self.tr("The house (no one child)"), None)
        for r in residents:
            self.child.addItem(r.child_name, r.case_uuid)
        self.child.setCurrentIndex(max(0, self.child.findData(chosen)))
        self.kind = QComboBox(objectName="logKind")
        for code in LOG_KIND_LABELS:
            self.kind.addItem(label(LOG_KIND_LABELS, code), code)
        self.serious = QCheckBox(
            self.tr("&Serious: the caseworker and the supervisor must follow it up"),
            objectName="logSerious",
        )
        self.member = QLineEdit(objectName="logFamilyMember", maxLength=200)
        self.member.setPlaceholderText(self.tr("e.g. her mother, Uwase Claudine"))
        self.how = QComboBox(objectName="logContactHow")
        for code in CONTACT_LABELS:
            self.how.addItem(label(CONTACT_LABELS, code), code)
        self.text = QPlainTextEdit(objectName="logText")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)
        form.addRow(self.tr("&Date:"), self.on)
        form.addRow(self.tr("&About:"), self.child)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.serious)
        self.member_label = QLabel(self.tr("&Family member:"))
        self.member_label.setBuddy(self.member)
        form.addRow(self.member_label, self.member)
        self.how_label = QLabel(self.tr("&How:"))
        self.how_label.setBuddy(self.how)
        form.addRow(self.how_label, self.how)
        text_label = QLabel(self.tr("&What happened:"))
        text_label.setBuddy(self.text)
        form.addRow(text_label, self.text)
        layout.addLayout(form)
        self.problem = QLabel(objectName="problem", wordWrap=True)
        self.problem.setStyleSheet("color: #c62828; font-weight: bold;")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Write it in the &log"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._update)
        self._update()
        self.child.setFocus()

    def _update(self) -> None:
        kind = self.kind.currentData()
        self.serious.setVisible(kind == "incident")
        if kind != "incident":
            self.serious.setChecked(False)
        contact = kind == "family_contact"
        for widget in (self.member, self.member_label, self.how, self.how_label):
            widget.setVisible(contact)

    def entry(self) -> tuple[str | None, NewLogEntry]:
        contact = self.kind.currentData() == "family_contact"
        return self.child.currentData(), NewLogEntry(
            on=self.on.date().toPython(),  # type: ignore[arg-type]
            kind=str(self.kind.currentData()),
            text=self.text.toPlainText(),
            serious=self.serious.isChecked(),
            family_member=self.member.text() if contact else "",
            # By the kind, not by what is on screen: read after the dialog closed, nothing is.
            contact_how=str(self.how.currentData()) if contact else "",
        )

    def accept(self) -> None:
        child, entry = self.entry()
        problem, field = "", None
        if not entry.text.strip():
            problem, field = self.tr("Write what happened."), self.text
        elif entry.on > date.today():
            problem, field = self.tr("A log entry cannot be dated in the future."), self.on
        elif (entry.serious or entry.kind == "family_contact") and child is None:
            problem = self.tr(
                "A serious incident or a family contact is about a child: choose the child."
            )
            field = self.child
        elif entry.kind == "family_contact" and not entry.family_member.strip():
            problem = self.tr("Write which family member the child was in contact with.")
            field = self.member
        if problem and field is not None:
            self.problem.setText(problem)
            self.problem.setVisible(True)
            field.setFocus()  # where the person types next: the field the problem is about
            return
        super().accept()


class FacilityWidget(QWidget):
    """Who is here, who came and left, and the daily log. `open_case(uuid)` asks the window to
    open a child's case file (for those who may)."""

    open_case = Signal(str)

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self.house: House | None = None
        self.entries: list[LogEntryInfo] = []
        holder.locked.connect(self.clear)
        roles = holder.session.user.roles
        self.staff = Role.FACILITY_STAFF in roles
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel(objectName="facilityHeading", wordWrap=True)
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.heading.setFont(font)
        self.choice = QComboBox(objectName="facilityChoice")
        self.choice.setAccessibleName(self.tr("Facility"))
        if not self.staff:
            for f in facilities.facilities(holder.session):
                self.choice.addItem(f.name, f.id)
        self.choice.setVisible(not self.staff)
        self.choice.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.heading, 1)
        top.addWidget(self.choice)
        layout.addLayout(top)
        split = QSplitter(Qt.Orientation.Vertical)
        here = QWidget()
        here_layout = QHBoxLayout(here)
        here_layout.setContentsMargins(0, 0, 0, 0)
        self.residents = simple_table(
            [
                self.tr("Name"),
                self.tr("Age"),
                self.tr("Here since"),
                self.tr("Key worker"),
                self.tr("Next review"),
                self.tr("Stage"),
            ],
            "residents",
            0,
        )
        self.residents.doubleClicked.connect(self._open)
        self.movements = QListWidget(objectName="movements")
        self.movements.setMaximumWidth(360)
        moves = QVBoxLayout()
        moves.addWidget(QLabel(self.tr("Admissions and departures (90 days)")))
        moves.addWidget(self.movements)
        here_layout.addWidget(self.residents, 3)
        here_layout.addLayout(moves, 1)
        split.addWidget(here)
        book = QWidget()
        book_layout = QVBoxLayout(book)
        book_layout.setContentsMargins(0, 0, 0, 0)
        book_top = QHBoxLayout()
        book_top.addWidget(QLabel(self.tr("Daily log (last 31 days)")), 1)
        self.new_entry = QPushButton(self.tr("&New log entry…"), objectName="newLogEntry")
        self.new_entry.clicked.connect(self.write_entry)
        book_top.addWidget(self.new_entry)
        book_layout.addLayout(book_top)
        self.log = simple_table(
            [
                self.tr("Date"),
                self.tr("Child"),
                self.tr("About"),
                self.tr("What happened"),
                self.tr("Written by"),
            ],
            "facilityLog",
            3,
        )
        book_layout.addWidget(self.log)
        split.addWidget(book)
        book.setVisible(self.staff)  # the book is the facility's; caseworkers read it per child
        layout.addWidget(split, 1)

    def clear(self) -> None:
        self.house = None
        self.residents.setRowCount(0)
        self.movements.clear()
        self.log.setRowCount(0)
        self.heading.clear()

    def refresh(self) -> None:
        session = self.holder.session
        chosen = self.choice.currentData()
        if not self.staff and chosen is None:
            self.heading.setText(self.tr("No residential care facility is set up yet."))
            return
        Op(self, lambda: facilities.who_is_here(session, chosen)).on_success(self._show).on_failure(
            self._error
        ).run()
        if self.staff:
            Op(self, lambda: facilities.facility_log(session)).on_success(
                self._show_log
            ).on_failure(self._error).run()

    def _error(self, error: Exception) -> None:
        if self.holder.session.store.is_open:
            show_error(self, error)

    def _show(self, house: House) -> None:
        self.house = house
        f = house.facility
        self.heading.setText(
            self.tr("{name}: {n} children here, {capacity} places").format(
                name=f.name, n=len(house.residents), capacity=f.capacity
            )
        )
        self.residents.setRowCount(0)
        for r in house.residents:
            row = self.residents.rowCount()
            self.residents.insertRow(row)
            age = r.age()
            for column, value in enumerate(
                (
                    r.child_name,
                    "" if age is None else years(age, r.birth_date_estimated),
                    format_date(r.since),
                    r.key_worker,
                    format_date(r.next_review),
                    # Where the child's way home stands, for those on one; else the case's.
                    label(REINTEGRATION_STAGES, r.reintegration)
                    if r.reintegration
                    else label(STAGES, r.stage),
                )
            ):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, r.case_uuid)
                if column == 4 and r.next_review and r.next_review < date.today():
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.residents.setItem(row, column, item)
        if house.residents:
            self.residents.selectRow(0)
        self.movements.clear()
        for m in house.movements:
            text = (
                self.tr("{date}: {name} arrived") if m.arrived else self.tr("{date}: {name} left")
            )
            self.movements.addItem(text.format(date=format_date(m.on), name=m.child_name))

    def _show_log(self, entries: list[LogEntryInfo]) -> None:
        self.entries = entries
        self.log.setRowCount(0)
        for e in entries:
            row = self.log.rowCount()
            self.log.insertRow(row)
            for column, value in enumerate(
                (
                    format_date(e.on),
                    e.child_name or self.tr("The house"),
                    log_kind(e),
                    log_line(e),
                    e.writer,
                )
            ):
                item = QTableWidgetItem(value)
                if e.serious:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.log.setItem(row, column, item)
        self.log.resizeRowsToContents()

    def _open(self) -> None:
        row = self.residents.currentRow()
        if row >= 0 and not self.staff:
            self.open_case.emit(self.residents.item(row, 0).data(Qt.ItemDataRole.UserRole))

    def write_entry(self) -> None:
        if not self.staff or self.house is None:
            return
        row = self.residents.currentRow()
        chosen = self.residents.item(row, 0).data(Qt.ItemDataRole.UserRole) if row >= 0 else None
        dialog = LogEntryDialog(self.house.residents, chosen, self)
        if not ask(self, dialog):
            return
        child, entry = dialog.entry()
        session = self.holder.session

        def done(_result: object) -> None:
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(
                    QCoreApplication.translate("FacilityWidget", "Written in the daily log."), 8000
                )
            self.refresh()

        Op(self, lambda: facilities.add_log_entry(session, child, entry)).writes().on_success(
            done
        ).on_failure(self._error).run()

"""Administration's Facilities tab: the residential care facilities children are placed in
(name, capacity, address, in use) and which facility each facility staff account works at."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import accounts, facilities
from desktop.facilities import FacilityInfo
from desktop.vocabulary import Role
from ui.common import show_error
from ui.operations import Op
from ui.placements import ask, simple_table
from ui.session_holder import SessionHolder


class FacilityDialog(QDialog):
    def __init__(self, info: FacilityInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setWindowTitle(self.tr("Change the facility") if info else self.tr("Add a facility"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(info.name if info else "", objectName="facilityName", maxLength=200)
        self.capacity = QSpinBox(objectName="facilityCapacity", minimum=1, maximum=10000)
        self.capacity.setValue(info.capacity if info else 20)
        self.address = QPlainTextEdit(info.address if info else "", objectName="facilityAddress")
        self.address.setTabChangesFocus(True)
        self.address.setMaximumHeight(70)
        self.active = QCheckBox(self.tr("In &use (children can be placed there)"))
        self.active.setChecked(info.active if info else True)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Places (capacity):"), self.capacity)
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.active)
        layout.addLayout(form)
        self.problem = QLabel(objectName="problem", wordWrap=True)
        self.problem.setStyleSheet("color: #c62828; font-weight: bold;")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.name.setFocus()

    def accept(self) -> None:
        if not self.name.text().strip():
            self.problem.setText(self.tr("A facility needs a name."))
            self.problem.setVisible(True)
            self.name.setFocus()
            return
        super().accept()

    def value(self) -> FacilityInfo:
        return FacilityInfo(
            self.info.id if self.info else None,
            self.name.text(),
            self.capacity.value(),
            self.address.toPlainText(),
            self.active.isChecked(),
        )


class FacilitiesPage(QWidget):
    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self.rows: list[FacilityInfo] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The residential care facilities children are placed in. Facility staff "
                "accounts (the role “Facility staff” in Users) work at one facility and see only "
                "the children placed there now: who is here, and the daily log."
            ),
            wordWrap=True,
        )
        layout.addWidget(intro)
        self.table = simple_table(
            [
                self.tr("Name"),
                self.tr("Places"),
                self.tr("Children now"),
                self.tr("In use"),
                self.tr("Staff"),
                self.tr("Address"),
            ],
            "facilities",
            5,
        )
        self.table.doubleClicked.connect(lambda _i: self.edit())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add a facility…"), objectName="addFacility")
        self.edit_button = QPushButton(self.tr("C&hange…"), objectName="changeFacility")
        self.add_button.clicked.connect(lambda: self.edit(new=True))
        self.edit_button.clicked.connect(self.edit)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        staff = QHBoxLayout()
        self.account = QComboBox(objectName="staffAccount")
        self.works_at = QComboBox(objectName="staffFacility")
        self.assign_button = QPushButton(self.tr("&Save where they work"), objectName="assign")
        self.assign_button.clicked.connect(self.assign)
        self.account.currentTextChanged.connect(self._show_where)
        who = QLabel(self.tr("Facility staff a&ccount:"))
        who.setBuddy(self.account)
        where = QLabel(self.tr("&works at:"))
        where.setBuddy(self.works_at)
        for widget in (who, self.account, where, self.works_at, self.assign_button):
            staff.addWidget(widget)
        staff.addStretch()
        layout.addLayout(staff)
        self.status = QLabel(objectName="status")
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        session = self.holder.session

        def read() -> tuple[list[FacilityInfo], list[str]]:
            staff = [
                u.username
                for u in accounts.list_users(session)
                if u.active and Role.FACILITY_STAFF in u.roles
            ]
            return facilities.facilities(session, active_only=False), staff

        Op(self, read).on_success(self._show).on_failure(lambda e: show_error(self, e)).run()

    def _show(self, found: tuple[list[FacilityInfo], list[str]]) -> None:
        self.rows, staff = found
        self.table.setRowCount(0)
        for f in self.rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, value in enumerate(
                (
                    f.name,
                    str(f.capacity),
                    str(f.placed),
                    self.tr("yes") if f.active else self.tr("no"),
                    ", ".join(f.staff),
                    f.address,
                )
            ):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, f.id)
                self.table.setItem(row, column, item)
        if self.rows:
            self.table.selectRow(0)
        self.edit_button.setEnabled(bool(self.rows))
        self.account.clear()
        for username in staff:
            self.account.addItem(username)
        self.works_at.clear()
        self.works_at.addItem(self.tr("No facility"), None)
        for f in self.rows:
            if f.active:
                self.works_at.addItem(f.name, f.id)
        self.assign_button.setEnabled(bool(staff))
        self._show_where(self.account.currentText())

    def _show_where(self, username: str) -> None:
        """The chosen account's facility now, so that Save changes only what the person chose."""
        where = next((f.id for f in self.rows if username and username in f.staff), None)
        self.works_at.setCurrentIndex(max(0, self.works_at.findData(where)))

    def selected(self) -> FacilityInfo | None:
        row = self.table.currentRow()
        if row < 0:
            return None
        chosen = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        return next((f for f in self.rows if f.id == chosen), None)

    def edit(self, new: bool = False) -> None:
        dialog = FacilityDialog(None if new else self.selected(), self)
        if not ask(self, dialog):
            return
        session, info = self.holder.session, dialog.value()
        Op(self, lambda: facilities.save_facility(session, info)).writes().on_success(
            lambda saved: (
                self.status.setText(self.tr("Saved: {name}.").format(name=saved.name)),
                self.refresh(),
            )
        ).on_failure(lambda e: show_error(self, e)).run()

    def assign(self) -> None:
        username, facility_id = self.account.currentText(), self.works_at.currentData()
        if not username:
            return
        session = self.holder.session
        Op(
            self, lambda: facilities.assign_staff(session, username, facility_id)
        ).writes().on_success(
            lambda _r: (
                self.status.setText(
                    self.tr("{name} now works at {facility}.").format(
                        name=username, facility=self.works_at.currentText()
                    )
                ),
                self.refresh(),
            )
        ).on_failure(lambda e: show_error(self, e)).run()

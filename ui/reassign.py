"""Giving cases to another worker: from the case list (one case or many selected), and when an
account is deactivated (Administration asks who takes each case the person still holds)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.assignments import HeldCase, Worker
from ui.common import RISKS, STAGES, label


def fill_workers(combo: QComboBox, workers: list[Worker], prompt: str) -> None:
    """A choice of workers, each with their open cases (so the load is shared fairly)."""
    combo.clear()
    combo.addItem(prompt, None)
    for w in workers:
        combo.addItem(
            QCoreApplication.translate("ReassignDialog", "{name} – {n} open cases").format(
                name=w.full_name, n=w.open_cases
            ),
            w.username,
        )


class ReassignDialog(QDialog):
    """Who takes the chosen cases, and why (the reason is kept in each case's history)."""

    def __init__(
        self, case_numbers: list[str], workers: list[Worker], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reassign cases"))
        self.setMinimumWidth(520)
        if len(case_numbers) == 1:
            what = self.tr("Give case {number} to another worker.").format(number=case_numbers[0])
        else:
            shown = ", ".join(case_numbers[:6]) + (" …" if len(case_numbers) > 6 else "")
            what = self.tr("Give these {n} cases to another worker: {numbers}.").format(
                n=len(case_numbers), numbers=shown
            )
        intro = QLabel(
            what + " " + self.tr("Their open tasks go with them."),
            wordWrap=True,
            objectName="reassignIntro",
        )
        self.worker = QComboBox(objectName="reassignTo")
        fill_workers(self.worker, workers, self.tr("Choose who takes them"))
        self.reason = QPlainTextEdit(objectName="reassignReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("e.g. Cara is on leave until March"))
        self.message = QLabel(wordWrap=True, objectName="reassignMessage")
        self.message.setStyleSheet("color: #b71c1c;")
        # Once the person acts on what was said, the old complaint goes.
        self.worker.currentIndexChanged.connect(lambda _i: self.message.clear())
        self.reason.textChanged.connect(self.message.clear)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Give to"), self.worker)
        form.addRow(self.tr("&Why"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Reassign"))
        self.ok.setObjectName("reassignOk")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.worker.setFocus()

    def problem(self) -> str:
        if self.worker.currentData() is None:
            self.worker.setFocus()
            return self.tr("Choose who takes the cases.")
        if not self.reason.toPlainText().strip():
            self.reason.setFocus()
            return self.tr("Say why: the reason is kept in each case's history.")
        return ""

    def _accept(self) -> None:
        problem = self.problem()
        self.message.setText(problem)
        if not problem:
            self.accept()

    def values(self) -> tuple[str, str]:
        return self.worker.currentData(), self.reason.toPlainText().strip()


class HandOverPanel(QWidget):
    """In the deactivation dialog: who takes each case the person still holds (one worker for
    all, or one per case). Shows case numbers, stages and tasks, never a child's name."""

    def __init__(self, held: list[HeldCase], workers: list[Worker], parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.held = held
        self.all = QRadioButton(self.tr("One worker takes &all of them"), objectName="handAll")
        self.each = QRadioButton(self.tr("Choose for &each case"), objectName="handEach")
        group = QButtonGroup(self)
        group.addButton(self.all)
        group.addButton(self.each)
        self.all.setChecked(True)
        self.worker = QComboBox(objectName="handTo")
        fill_workers(self.worker, workers, self.tr("Choose who takes them"))
        self.table = QTableWidget(len(held), 4, objectName="handCases")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Case"), self.tr("Stage"), self.tr("Tasks (overdue)"), self.tr("Goes to")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.choices: list[QComboBox] = []
        for row, case in enumerate(held):
            stage = label(STAGES, case.stage)
            if case.risk:
                stage += " · " + label(RISKS, case.risk)
            for column, text in enumerate(
                (case.case_number, stage, f"{case.tasks} ({case.overdue})")
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
            combo = QComboBox(objectName=f"handTo_{row}")
            fill_workers(combo, workers, self.tr("Choose"))
            combo.setAccessibleName(
                self.tr("Who takes case {number}").format(number=case.case_number)
            )
            self.table.setCellWidget(row, 3, combo)
            self.choices.append(combo)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.all)
        layout.addWidget(self.worker)
        layout.addWidget(self.each)
        layout.addWidget(self.table, 1)
        self.all.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.worker.setEnabled(self.all.isChecked())
        self.table.setEnabled(self.each.isChecked())

    def plan(self) -> dict[str, str]:
        """Case uuid → who takes it, for those chosen."""
        if self.all.isChecked():
            chosen = self.worker.currentData()
            return {c.uuid: chosen for c in self.held} if chosen else {}
        return {
            c.uuid: combo.currentData()
            for c, combo in zip(self.held, self.choices, strict=True)
            if combo.currentData()
        }

    def problem(self) -> str:
        missing = len(self.held) - len(self.plan())
        if not missing:
            return ""
        if self.all.isChecked():
            self.worker.setFocus()
            return self.tr("Choose who takes the cases.")
        first = next(c for c in self.choices if not c.currentData())
        first.setFocus()
        return self.tr("{n} cases have nobody to take them yet: choose for each.").format(n=missing)

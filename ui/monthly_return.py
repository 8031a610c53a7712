"""The Dashboard's "Monthly return…": which month, which kind of file (a PDF to print, an Excel
workbook, a CSV, or a DHIS2 file through the agency's mapping) and where to save it.

The return is counted and written off the window's thread (`desktop.monthly`, `desktop.dhis2`);
where to save and which mapping to read are asked through the main window's prompts
(`ui/prompts.py`), where tests answer in the person's place.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import dhis2, monthly
from desktop.indicators import Period, Scope
from ui.common import fit_to_screen, show_error
from ui.dashboard import period_name
from ui.operations import SessionOp
from ui.prompts import Prompts
from ui.session_holder import SessionHolder

# The kinds of file: (format code, extension).
KINDS = (
    ("pdf", "pdf"),
    ("xlsx", "xlsx"),
    ("csv", "csv"),
    ("dhis2-json", "json"),
    ("dhis2-xml", "xml"),
)


class MonthlyReturnDialog(QDialog):
    """Choose the month and the file; Save asks where, then counts and writes."""

    saved = Signal(str)  # the path written

    def __init__(
        self, holder: SessionHolder, scope: Scope | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="monthlyReturn")
        self.holder, self.scope = holder, scope
        self.setWindowTitle(self.tr("Monthly return"))
        self.month = QComboBox(objectName="returnMonth")
        for p in reversed(Period.current("month").trend(13)):
            self.month.addItem(period_name(p), p.code)
        self.month.setCurrentIndex(1)  # the last month that has ended
        self.kind = QComboBox(objectName="returnKind")
        for code, text in zip(
            (code for code, _ in KINDS),
            (
                self.tr("PDF, to print"),
                self.tr("Excel workbook (.xlsx)"),
                self.tr("CSV table"),
                self.tr("DHIS2 data values (JSON)"),
                self.tr("DHIS2 data values (ADX XML)"),
            ),
            strict=True,
        ):
            self.kind.addItem(text, code)
        self.mapping = QLineEdit(objectName="dhis2Mapping")
        self.mapping.setPlaceholderText(self.tr("The agency's DHIS2 mapping file (.json)"))
        self.choose = QPushButton(self.tr("C&hoose…"), objectName="chooseMapping")
        self.choose.clicked.connect(self.choose_mapping)
        mapping_row = QHBoxLayout()
        mapping_row.addWidget(self.mapping, 1)
        mapping_row.addWidget(self.choose)
        self.mapping_label = QLabel(self.tr("DHIS2 ma&pping"))
        self.mapping_label.setBuddy(self.mapping)
        form = QFormLayout()
        month_label = QLabel(self.tr("&Month"))
        month_label.setBuddy(self.month)
        kind_label = QLabel(self.tr("&File"))
        kind_label.setBuddy(self.kind)
        form.addRow(month_label, self.month)
        form.addRow(kind_label, self.kind)
        form.addRow(self.mapping_label, mapping_row)
        note = QLabel(
            self.tr(
                "The return counts cases and names no child. The file is not encrypted: keep it "
                "on the office's computer or take it straight to the one that sends it."
            ),
            wordWrap=True,
        )
        self.status = QLabel(objectName="returnStatus", wordWrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        fit_to_screen(self, QSize(600, 260))  # room for a mapping file's path
        self.month.setFocus()

    def _ask_save_path(self, title: str, name: str, pattern: str) -> str | None:
        window = self.parentWidget().window() if self.parentWidget() else None
        if isinstance(window, Prompts):  # the main window asks (tests answer there)
            return window.ask_save_path(title, name, pattern)
        return Prompts.ask_save_path(self, title, name, pattern)  # type: ignore[arg-type]

    def _ask_open_path(self, title: str, pattern: str) -> str | None:
        window = self.parentWidget().window() if self.parentWidget() else None
        if isinstance(window, Prompts):
            return window.ask_open_path(title, pattern)
        return Prompts.ask_open_path(self, title, pattern)  # type: ignore[arg-type]

    def chosen(self) -> tuple[Period, str, str]:
        """The month, the format code and the file's extension."""
        code = self.kind.currentData()
        return Period.parse(self.month.currentData()), code, dict(KINDS)[code]

    def _kind_changed(self) -> None:
        dhis = self.kind.currentData().startswith("dhis2")
        for w in (self.mapping_label, self.mapping, self.choose):
            w.setEnabled(dhis)

    def choose_mapping(self) -> None:
        path = self._ask_open_path(
            self.tr("The DHIS2 mapping"), self.tr("DHIS2 mapping (*.json);;All files (*)")
        )
        if path:
            self.mapping.setText(path)

    def save(self) -> None:
        period, code, extension = self.chosen()
        mapping = self.mapping.text().strip()
        if code.startswith("dhis2") and not mapping:
            self.status.setText(
                self.tr(
                    "Choose the agency's DHIS2 mapping file first: it says where each figure goes."
                )
            )
            self.mapping.setFocus()
            return
        agency = self.holder.session.agency.code
        if code.startswith("dhis2"):
            name = f"DHIS2 {agency} {period.dhis2}.{extension}"
        else:
            name = f"{self.tr('Monthly return')} {agency} {period.code}.{extension}"
        path = self._ask_save_path(
            self.tr("Save the monthly return"),
            name,
            self.tr("{kind} (*.{extension})").format(
                kind=self.kind.currentText(), extension=extension
            ),
        )
        if not path:
            return
        if not path.lower().endswith(f".{extension}"):
            path += f".{extension}"
        scope = self.scope

        def work(us: object) -> str:
            if code.startswith("dhis2"):
                rules = dhis2.load_mapping(Path(mapping))
                made = dhis2.data_value_set(us, period, rules, extension, scope)  # type: ignore[arg-type]
            else:
                made = monthly.monthly_return(us, period, code, scope)  # type: ignore[arg-type]
            monthly.save(made, Path(path))
            return path

        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Counting and saving…"))
        SessionOp(self, self.holder, work).on_success(self._saved).on_failure(self._failed).run()

    def _saved(self, path: str) -> None:
        self.saved.emit(path)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.status.clear()
        show_error(self, error)

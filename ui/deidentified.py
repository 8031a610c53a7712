"""The de-identified case list for M&E, as a manager makes it from the Dashboard: what the file
holds and leaves out said first, the columns to tick, small cells suppressed or not, Excel or
CSV, then where to save it. The export runs off the window's thread (`desktop.deidentified`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import deidentified
from ui.common import fit_to_screen, in_file_folder, remember_folder, show_error
from ui.operations import SessionOp
from ui.session_holder import SessionHolder


def _column(text: str) -> str:
    return QCoreApplication.translate("deidentified", text)


class DeidentifiedExportDialog(QDialog):
    """See the module's docstring. `ask_save_path` is where the file dialog opens (tests answer
    there in the person's place)."""

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="deidentifiedExport")
        self.holder = holder
        holder.locked.connect(self.reject)  # the screen locks: nothing is left open over it
        self.setWindowTitle(self.tr("De-identified case list for M&E"))
        holds, never, care = (
            _column(text).format(k=deidentified.SMALL_CELL) for text in deidentified.STATEMENT
        )
        self.holds = QLabel(holds, objectName="holds", wordWrap=True)
        self.never_holds = QLabel(never, objectName="neverHolds", wordWrap=True)
        self.care = QLabel(care, objectName="care", wordWrap=True)
        statement = QVBoxLayout()
        for heading, text in (
            (self.tr("What the file holds"), self.holds),
            (self.tr("What it never holds"), self.never_holds),
            (None, self.care),
        ):
            if heading is not None:
                bold = QLabel(heading)
                font = bold.font()
                font.setBold(True)
                bold.setFont(font)
                statement.addWidget(bold)
            statement.addWidget(text)

        columns = QGroupBox(self.tr("Columns"))
        grid = QGridLayout(columns)
        self.checks: dict[str, QCheckBox] = {}
        for i, column in enumerate(deidentified.COLUMNS):
            check = QCheckBox(_column(column.label), objectName=f"column-{column.code}")
            check.setChecked(True)
            check.toggled.connect(self._enable)
            self.checks[column.code] = check
            grid.addWidget(check, i // 2, i % 2)

        self.suppress = QCheckBox(
            self.tr("&Suppress small cells: a value fewer than {k} cases share").format(
                k=deidentified.SMALL_CELL
            ),
            objectName="suppressSmall",
        )
        self.format = QComboBox(objectName="exportFormat")
        self.format.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        self.format.addItem(self.tr("CSV, for any program (.csv)"), "csv")
        format_label = QLabel(self.tr("&Format"))
        format_label.setBuddy(self.format)
        choices = QHBoxLayout()
        choices.addWidget(format_label)
        choices.addWidget(self.format)
        choices.addStretch(1)

        self.status = QLabel(objectName="exportStatus", wordWrap=True)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Sa&ve…"), objectName="saveDeidentified")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Close"))
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(statement)
        layout.addWidget(columns)
        layout.addWidget(self.suppress)
        layout.addLayout(choices)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        fit_to_screen(self, self.sizeHint().expandedTo(self.minimumSizeHint()))
        self.checks["code"].setFocus()

    def chosen_fields(self) -> list[str]:
        return [code for code, check in self.checks.items() if check.isChecked()]

    def _enable(self) -> None:
        self.save_button.setEnabled(bool(self.chosen_fields()))

    def ask_save_path(self, name: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the de-identified case list"), in_file_folder(name), pattern
        )
        return remember_folder(path)

    def save(self) -> None:
        kind = self.format.currentData()
        pattern = (
            self.tr("Excel workbook (*.xlsx)") if kind == "xlsx" else self.tr("CSV file (*.csv)")
        )
        chosen = self.ask_save_path(f"cases-deidentified.{kind}", pattern)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_name(f"{path.name}.{kind}")
        fields, suppress = self.chosen_fields(), self.suppress.isChecked()
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Writing the file…"))
        SessionOp(
            self,
            self.holder,
            lambda us: deidentified.export_deidentified(us, path, fields, suppress_small=suppress),
        ).writes().on_success(self._saved).on_failure(self._failed).run()

    def _saved(self, done: deidentified.DeidentifiedExport) -> None:
        self._enable()
        self.status.setText(
            self.tr(
                "Saved {file}: {n} rows, one per case. The file is not encrypted: keep it only "
                "as long as the work needs it."
            ).format(n=done.rows, file=str(done.path))
        )

    def _failed(self, error: Exception) -> None:
        self._enable()
        self.status.clear()
        show_error(self, error)

"""Where the main window asks or tells the person something, in one place: tests answer here in
the person's place (`window.ask_dialog = …`), and feature flows never open a file dialog or a
message box of their own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from ui.common import file_folder, in_file_folder, remember_folder

if TYPE_CHECKING:
    _Window = QWidget
else:
    _Window = object


class Prompts(_Window):
    """Mixed into the main window (a QWidget: dialogs open over it)."""

    def ask_dialog(self, dialog: QDialog) -> bool:
        """Show a modal dialog."""
        return bool(dialog.exec())

    def ask_save_path(self, title: str, name: str, pattern: str) -> str | None:
        """Where to write a file."""
        path, _ = QFileDialog.getSaveFileName(self, title, in_file_folder(name), pattern)
        return remember_folder(path)

    def ask_open_path(self, title: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, title, file_folder(), pattern)
        return remember_folder(path)

    def ask_attachment_file(self) -> str | None:
        """A document to attach to a case."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach a document"),
            file_folder(),
            self.tr("Documents and photos (*.pdf *.jpg *.jpeg *.png);;All files (*)"),
        )
        return remember_folder(path)

    def ask_signed_copy_file(self) -> str | None:
        """The scan or photo of a signed paper to file."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach the signed copy"),
            file_folder(),
            self.tr("Scans and photos (*.pdf *.jpg *.jpeg *.png);;All files (*)"),
        )
        return remember_folder(path)

    def ask_passphrase(self) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Passphrase"),
            self.tr(
                "This package is locked with a passphrase. Type the passphrase the sending agency gave you:"
            ),
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def tell(self, title: str, text: str) -> None:
        """A message after work is done."""
        QMessageBox.information(self, title, text)

    def show_preview(self, preview: QWidget) -> None:
        """Show a document or a signed copy beside the window."""
        preview.show()

    def ask_quit(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Quit Ulinzi?"),
            self.tr("A form is still open. What you typed will be kept as a draft. Quit?"),
        )
        return answer == QMessageBox.StandardButton.Yes

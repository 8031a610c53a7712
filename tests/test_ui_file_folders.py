"""File dialogs open where a person keeps files: Documents (home on a PC without one) at first, then the folder a file
was last chosen in; never the program's own folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from tests.wizard_helpers import open_window
from ui.common import documents_folder


def test_file_dialogs_open_in_documents_then_where_the_last_file_was(
    qtbot, agency, monkeypatch, tmp_path
):
    QSettings().remove("files/last_folder")
    usb = tmp_path / "usb"
    usb.mkdir()
    starts: list[str] = []

    def dialog(parent, title, folder, pattern, *more):  # the person picks a file on the USB drive
        starts.append(folder)
        return str(usb / "KGL-2026-00001-transfer.ulz"), pattern

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(dialog))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    window = open_window(qtbot, agency, "cara")
    try:
        window.ask_open_path("Import a case package", "Case packages (*.ulz)")
        window.ask_save_path("Save the receipt", "receipt.ulz", "Case packages (*.ulz)")
        assert starts[0] == documents_folder() and starts[0] not in ("", str(Path.cwd()))
        assert starts[1] == str(usb / "receipt.ulz")
    finally:
        QSettings().remove("files/last_folder")
        window.sign_out()

"""The first-run screen, driven like a person would: set up an agency, or open the demo."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from db.errors import CannotWriteFolder, DemoPasswordLost, StoreExists
from db.recovery_code import normalise_recovery_code
from db.store import is_store
from desktop import accounts, cases
from desktop.demo import STAFF, open_or_create_demo
from desktop.paths import DEMO_PASSWORD_FILE
from tests.conftest import FAST_KDF
from tests.wizard_helpers import click, fill_admin, fill_agency, tick
from ui import first_run, i18n
from ui.background import wait_for_background
from ui.first_run import FirstRunWizard, SetupResult

PASSWORD = "correct horse battery"
TIMEOUT = 10_000


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    # A question no test expected fails that test (a test that expects one answers it itself)
    # instead of waiting for a click that never comes, e.g. closing after a failure.
    def unexpected(parent, title, *_args, **_kwargs):
        raise AssertionError(f"a question no test expected: {title}")

    monkeypatch.setattr(QMessageBox, "question", staticmethod(unexpected))
    i18n.set_language("en")
    yield
    wait_for_background()  # no job may outlive its test's folders
    i18n.set_language("en")


@pytest.fixture
def errors(monkeypatch) -> list[BaseException]:
    """Errors the screen would show in a dialog (a modal dialog would stop the test)."""
    shown: list[BaseException] = []
    monkeypatch.setattr(first_run, "show_error", lambda _parent, error: shown.append(error))
    return shown


def _wizard(qtbot, tmp_path: Path, **kwargs) -> FirstRunWizard:
    wizard = FirstRunWizard(tmp_path / "store", tmp_path / "demo", **kwargs)
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _to_recovery_key(qtbot, w: FirstRunWizard) -> str:
    fill_agency(qtbot, w)
    click(qtbot, w.next_button)
    fill_admin(qtbot, w)
    click(qtbot, w.next_button)
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.key_page, timeout=TIMEOUT)
    return "-".join(re.findall(r"[0-9A-Z]{5}", w.key_label.text()))


def test_setting_up_an_agency_signs_the_administrator_in_and_the_recovery_key_opens_the_store(
    qtbot, tmp_path
):
    w = _wizard(qtbot, tmp_path)
    assert w.kdf == first_run.DEFAULT_KDF  # the real Argon2 cost, off the UI thread
    fill_agency(qtbot, w)
    assert w.agency_code.text() == "KGL"
    assert "KGL-" in w.agency_code_help.text()
    assert w.next_button.isEnabled()
    click(qtbot, w.next_button)
    assert w.pages.currentWidget() is w.admin_page
    assert not w.next_button.isEnabled()

    # too short: the button stays off and the field says why
    qtbot.keyClicks(w.username, "admin")
    qtbot.keyClicks(w.password, "short")
    qtbot.keyClicks(w.again, "short")
    assert not w.next_button.isEnabled()
    assert w.password_message.isVisible()
    assert "at least 10 characters" in w.password_message.text()
    assert w.meter.value() == 0

    # long enough but typed differently the second time
    w.password.clear()
    w.again.clear()
    qtbot.keyClicks(w.password, PASSWORD)
    qtbot.keyClicks(w.again, PASSWORD + "x")
    assert not w.next_button.isEnabled()
    assert w.again_message.isVisible()
    assert "not the same" in w.again_message.text()
    assert not w.password_message.isVisible()
    assert w.meter.value() >= 2 and w.meter_word.text()

    qtbot.keyClick(w.again, Qt.Key.Key_Backspace)
    assert w.next_button.isEnabled()
    assert not w.again_message.isVisible()
    click(qtbot, w.next_button)
    assert w.pages.currentWidget() is w.busy_page
    assert "Creating the encrypted store" in w.busy_heading.text()
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.key_page, timeout=TIMEOUT)

    groups = re.findall(r"\b[0-9A-Z]{5}\b", w.key_label.text())
    assert len(groups) == 8
    key = normalise_recovery_code("-".join(groups))
    assert not w.password.text()  # the password does not stay in the widget
    assert not w.next_button.isEnabled()
    assert not w.back_button.isVisible()  # the store exists: there is no way back
    tick(qtbot, w.stored_safely)
    assert w.stored_safely.isChecked()
    assert w.next_button.isEnabled()

    with qtbot.waitSignal(w.ready, timeout=TIMEOUT) as signal:
        click(qtbot, w.next_button)
    result = signal.args[0]
    assert isinstance(result, SetupResult)
    assert result.folder == tmp_path / "store"
    assert result.demo_password is None
    assert result.session.user.username == "admin"
    assert result.session.user.is_administrator
    assert result.session.agency.code == "KGL"
    assert result.session.agency.name == "Gasabo District Office"
    assert result.session.agency.district == "Gasabo"
    assert not result.session.agency.is_demo
    result.session.close()

    accounts.recover(tmp_path / "store", key, "admin", "new password 123", kdf=FAST_KDF)
    with accounts.sign_in(tmp_path / "store", "admin", "new password 123") as us:
        assert us.user.is_administrator
    assert not (tmp_path / "demo").exists()


def test_agency_fields_say_what_is_wrong_once_left(qtbot, tmp_path):
    w = _wizard(qtbot, tmp_path)
    click(qtbot, w.setup_choice)
    qtbot.keyClicks(w.agency_name, "Gasabo")
    qtbot.keyClicks(w.agency_code, "k")
    assert not w.agency_code_message.isVisible()  # not while still typing
    qtbot.keyClick(w.agency_code, Qt.Key.Key_Return)  # Enter: nothing to go on to yet
    assert w.pages.currentWidget() is w.agency_page
    assert w.agency_code_message.isVisible()
    assert "2 to 10 letters or digits" in w.agency_code_message.text()
    qtbot.keyClicks(w.agency_code, "g-l!")  # only letters and digits get in
    assert w.agency_code.text() == "KGL"
    assert not w.agency_code_message.isVisible()
    assert w.next_button.isEnabled()


def test_a_space_in_the_username_is_pointed_out_at_once(qtbot, tmp_path):
    w = _wizard(qtbot, tmp_path)
    fill_agency(qtbot, w)
    click(qtbot, w.next_button)
    qtbot.keyClicks(w.username, "alice u")
    assert w.username_message.isVisible()
    assert "no spaces" in w.username_message.text()


def test_enter_goes_on_and_escape_goes_back(qtbot, tmp_path):
    w = _wizard(qtbot, tmp_path)
    fill_agency(qtbot, w)
    qtbot.keyClick(w.district, Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.admin_page
    qtbot.keyClick(w.username, Qt.Key.Key_Escape)
    assert w.pages.currentWidget() is w.agency_page
    assert w.agency_name.text() == "Gasabo District Office"  # nothing typed is lost
    qtbot.keyClick(w.agency_name, Qt.Key.Key_Escape)
    assert w.pages.currentWidget() is w.start_page


def test_save_as_pdf_writes_the_key_and_says_the_file_is_not_encrypted(
    qtbot, tmp_path, monkeypatch
):
    w = _wizard(qtbot, tmp_path, kdf=FAST_KDF)
    key = _to_recovery_key(qtbot, w)
    asked = {}

    def save_dialog(parent, caption, directory, filters):  # type: ignore[no-untyped-def]
        asked.update(caption=caption, directory=directory, filters=filters)
        return str(tmp_path / "recovery key"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    click(qtbot, w.save_button)
    assert "not encrypted" in asked["caption"]
    assert asked["directory"].endswith("KGL.pdf")
    saved = tmp_path / "recovery key.pdf"
    data = saved.read_bytes()
    assert data.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert all(group in text for group in key.split("-"))
    assert "Gasabo District Office" in text
    assert w.saved_note.isVisible()
    assert str(saved) in w.saved_note.text() and "not encrypted" in w.saved_note.text()
    assert "not encrypted" in w.pdf_note.text()
    tick(qtbot, w.stored_safely)
    with qtbot.waitSignal(w.ready, timeout=TIMEOUT) as signal:
        click(qtbot, w.next_button)
    signal.args[0].session.close()


def test_print_sends_the_recovery_sheet_pdf_to_the_chosen_printer(qtbot, tmp_path, monkeypatch):
    target = tmp_path / "printed.pdf"

    class PrintDialog:  # the printer a person would pick, here a PDF file
        def __init__(self, printer: QPrinter, parent=None) -> None:  # type: ignore[no-untyped-def]
            self.printer = printer

        def setWindowTitle(self, _title: str) -> None:  # noqa: N802 - Qt's name
            pass

        def exec(self) -> QDialog.DialogCode:
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(target))
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(first_run, "QPrintDialog", PrintDialog)
    w = _wizard(qtbot, tmp_path, kdf=FAST_KDF)
    key = _to_recovery_key(qtbot, w)
    click(qtbot, w.print_button)
    wait_for_background()  # the page is drawn off the UI thread
    # The printer gets the page of the sheet the PDF button saves, as printed documents do: one
    # A4 page, drawn from the PDF (an image), so its words are those of the saved sheet.
    printed = PdfReader(str(target))
    assert len(printed.pages) == 1 and len(printed.pages[0].images) == 1
    width, height = (float(v) for v in printed.pages[0].mediabox.upper_right)
    assert abs(width - 595) < 3 and abs(height - 842) < 3  # A4, in points
    sheet = PdfReader(io.BytesIO(w.recovery_sheet().pdf()))
    text = " ".join(unicodedata.normalize("NFKC", sheet.pages[0].extract_text()).split())
    assert all(group in text for group in key.split("-"))
    assert "CONFIDENTIAL" in text and "office safe" in text
    tick(qtbot, w.stored_safely)
    with qtbot.waitSignal(w.ready, timeout=TIMEOUT) as signal:
        click(qtbot, w.next_button)
    signal.args[0].session.close()


def test_a_folder_that_already_holds_files_is_explained_and_the_page_kept(qtbot, tmp_path, errors):
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "notes.txt").write_text("someone's files")
    w = _wizard(qtbot, tmp_path, kdf=FAST_KDF)
    fill_agency(qtbot, w)
    click(qtbot, w.next_button)
    fill_admin(qtbot, w)
    click(qtbot, w.next_button)
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert isinstance(errors[0], StoreExists)
    assert w.pages.currentWidget() is w.admin_page
    assert w.username.text() == "admin" and w.password.text() == PASSWORD
    assert w.next_button.isEnabled()  # fix the folder and try again


def test_a_folder_that_cannot_be_written_is_said_in_plain_words(
    qtbot, tmp_path, errors, monkeypatch
):
    # /sys refuses new folders even to root: a real "permission denied" from the system.
    forbidden = Path("/sys/ulinzi-test")
    w = FirstRunWizard(forbidden / "store", tmp_path / "demo", kdf=FAST_KDF)
    qtbot.addWidget(w)
    w.show()
    fill_agency(qtbot, w)
    click(qtbot, w.next_button)
    fill_admin(qtbot, w)
    click(qtbot, w.next_button)
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert isinstance(errors[0], CannotWriteFolder)
    assert str(forbidden / "store") in errors[0].message
    assert w.pages.currentWidget() is w.admin_page


def test_closing_before_the_key_is_stored_asks_first(qtbot, tmp_path, monkeypatch):
    w = _wizard(qtbot, tmp_path, kdf=FAST_KDF)
    _to_recovery_key(qtbot, w)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: answers.pop(0)))
    assert not w.close()
    assert w.isVisible()
    assert w.close()
    # the store was let go: someone can sign in now
    with accounts.sign_in(tmp_path / "store", "admin", PASSWORD) as us:
        assert us.user.is_administrator


def test_exploring_the_demo_shows_its_accounts_and_password_and_opens_it(qtbot, tmp_path):
    w = _wizard(qtbot, tmp_path, kdf=FAST_KDF)
    click(qtbot, w.demo_choice)
    assert w.pages.currentWidget() is w.busy_page
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.demo_page, timeout=TIMEOUT)
    password = (tmp_path / "demo" / DEMO_PASSWORD_FILE).read_text("utf-8").strip()
    assert password.startswith("demo-")
    assert w.demo_password_label.text() == password
    roles = {role.text() for role, _codes in w.demo_roles}
    assert {"Administrator", "Manager", "Supervisor", "Caseworker"} <= roles
    assert len(w.demo_roles) == len(STAFF) + 1

    with qtbot.waitSignal(w.ready, timeout=TIMEOUT) as signal:
        click(qtbot, w.next_button)
    result = signal.args[0]
    assert result.folder == tmp_path / "demo"
    assert result.demo_password == password
    assert result.session.agency.is_demo
    assert result.session.user.username == "admin"
    result.session.close()
    with accounts.sign_in(tmp_path / "demo", "manager", password) as manager:
        assert cases.count_cases(manager) == first_run.DEMO_CASES == 300
    assert not (tmp_path / "store").exists()  # the agency's store is not touched


def test_an_existing_demo_store_is_opened_with_its_saved_password(qtbot, tmp_path):
    session, password = open_or_create_demo(tmp_path / "demo", 5, FAST_KDF)
    assert session is not None
    session.close()
    w = _wizard(qtbot, tmp_path, kdf=FAST_KDF)
    click(qtbot, w.demo_choice)
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.demo_page, timeout=TIMEOUT)
    assert w.demo_password_label.text() == password
    with qtbot.waitSignal(w.ready, timeout=TIMEOUT) as signal:
        qtbot.keyClick(w, Qt.Key.Key_Return)
    result = signal.args[0]
    assert result.session.user.username == "admin" and result.session.agency.is_demo
    result.session.close()


def test_going_back_from_the_demo_lets_the_demo_store_go(qtbot, tmp_path):
    w = _wizard(qtbot, tmp_path, kdf=FAST_KDF, demo_cases=5)
    click(qtbot, w.demo_choice)
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.demo_page, timeout=TIMEOUT)
    click(qtbot, w.back_button)
    assert w.pages.currentWidget() is w.start_page
    password = (tmp_path / "demo" / DEMO_PASSWORD_FILE).read_text("utf-8").strip()
    with accounts.sign_in(tmp_path / "demo", "grace", password) as us:
        assert us.agency.is_demo


def test_a_demo_store_without_its_password_file_is_explained(qtbot, tmp_path, errors):
    session, _password = open_or_create_demo(tmp_path / "demo", 1, FAST_KDF)
    session.close()
    (tmp_path / "demo" / DEMO_PASSWORD_FILE).unlink()
    w = _wizard(qtbot, tmp_path, kdf=FAST_KDF)
    click(qtbot, w.demo_choice)
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert isinstance(errors[0], DemoPasswordLost)
    assert w.pages.currentWidget() is w.start_page
    assert is_store(tmp_path / "demo")  # nothing was deleted


class _Marker(QTranslator):
    """Puts « » round every string of the first-run screen, to see which ones get translated."""

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name; an empty translator changes nothing
        return False

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
        return f"«{source}»" if context == "FirstRunWizard" else None


def test_every_text_is_translated_again_when_the_language_changes(qtbot, tmp_path):
    w = _wizard(qtbot, tmp_path)
    marker = _Marker()
    QCoreApplication.installTranslator(marker)
    try:
        qtbot.waitUntil(lambda: w.setup_choice.text().startswith("«"), timeout=TIMEOUT)
        for text in (
            w.setup_choice.text(),
            w.setup_choice.description(),
            w.demo_choice.text(),
            w.welcome.text(),
            w.language_caption.text(),
            w.agency_captions[1].text(),
            w.password_help.text(),
            w.stored_safely.text(),
            w.open_note.text(),
        ):
            assert text.startswith("«"), text
    finally:
        QCoreApplication.removeTranslator(marker)
    qtbot.waitUntil(lambda: w.setup_choice.text() == "Set up my agency", timeout=TIMEOUT)


def test_choosing_a_language_switches_it_and_the_agencys_language_follows(qtbot, tmp_path):
    w = _wizard(qtbot, tmp_path)
    w.language.setCurrentIndex(w.language.findData("fr"))
    assert i18n.current_language() == "fr"
    assert w.agency_language.currentData() == "fr"


def test_the_window_stays_open_while_the_store_is_being_written(qtbot, tmp_path):
    w = _wizard(qtbot, tmp_path, kdf=FAST_KDF)
    fill_agency(qtbot, w)
    click(qtbot, w.next_button)
    fill_admin(qtbot, w)
    click(qtbot, w.next_button)
    assert not w.close()  # the result comes back to this window
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.key_page, timeout=TIMEOUT)
    tick(qtbot, w.stored_safely)
    with qtbot.waitSignal(w.ready, timeout=TIMEOUT) as signal:
        qtbot.keyClick(w, Qt.Key.Key_Return)  # Enter finishes once the box is ticked
    signal.args[0].session.close()
    assert w.close()

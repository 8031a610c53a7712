"""The language after sign-in: each person changes it from the window, it applies at once, and
it is written at once (a power cut or a killed program does not bring the old one back)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings

from tests.conftest import ROOT
from tests.wizard_helpers import open_window, sign_in
from ui import i18n


@pytest.fixture
def english():
    """Each test starts and ends in English, with no one's language remembered."""
    settings = QSettings()
    for key in ("language", "user_language"):
        settings.remove(key)
    i18n.set_language("en")
    yield
    i18n.set_language("en")
    for key in ("language", "user_language"):
        settings.remove(key)


def test_a_signed_in_person_switches_the_window_to_french_at_once(qtbot, agency, english):
    window = open_window(qtbot, agency, "sam")  # the backup banner too: a supervisor backs up
    french = next(a for a in window.guide.languages.actions() if a.data() == "fr")
    french.trigger()
    qtbot.waitUntil(lambda: window.new_case_action.text() == "&Nouveau cas", timeout=5000)
    assert window.tabs.tabText(0) == "Cas"
    # What the tabs show is in French too, not only their titles and the toolbar.
    assert window.case_list.search.placeholderText().startswith("Recherche par nom")
    qtbot.waitUntil(lambda: window.backup_banner.button.text() != "Back &up now…", timeout=5000)
    toolbar = window.toolbar
    for action in (window.lock_action, window.sign_out_action):  # not pushed out of sight
        assert toolbar.widgetForAction(action).isVisible(), action.text()
    assert i18n.language_of("sam") == "fr"
    window.sign_out()


def test_each_person_gets_their_own_language_back_at_sign_in(qtbot, agency, english):
    i18n.choose_language("fr", "cara")
    i18n.choose_language("en", "carl")  # the last one at this PC chose English
    sign_in(qtbot, agency.folder, "cara").close()
    assert i18n.current_language() == "fr"
    sign_in(qtbot, agency.folder, "carl").close()
    assert i18n.current_language() == "en"


def run(code: str, config) -> subprocess.CompletedProcess:
    """A fresh program of ours with its own settings folder: a restart of Ulinzi."""
    env = dict(os.environ, XDG_CONFIG_HOME=str(config), QT_QPA_PLATFORM="offscreen")
    prelude = (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "app.setOrganizationName('Ulinzi'); app.setApplicationName('Ulinzi')\n"
    )
    return subprocess.run(
        [sys.executable, "-c", prelude + code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_the_language_chosen_at_sign_in_survives_a_killed_program(agency, tmp_path):
    chosen = run(
        "import os\n"
        "from ui.login import LoginWidget\n"
        f"login = LoginWidget({str(agency.folder)!r})\n"
        "login.language.setCurrentIndex(login.language.findData('fr'))\n"
        "os._exit(0)  # no clean exit: the power went\n",
        tmp_path,
    )
    assert chosen.returncode == 0, chosen.stderr
    again = run(
        "from PySide6.QtCore import QSettings\nprint(QSettings().value('language'))\n", tmp_path
    )
    assert again.stdout.strip() == "fr", again.stderr

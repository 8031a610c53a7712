"""Languages: Qt translators for our strings and Qt's own, switched without a restart.

Sources are `ui/translations/ulinzi_<lang>.ts` (made with pyside6-lupdate, committed); the
`.qm` files are compiled from them at install (`python -m ui.i18n`), or on first use.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop import languages as catalogue
from desktop.errors import UlinziError

FOLDER = catalogue.FOLDER


def _own_name(code: str) -> str:
    """A language in its own words, as the language lists show it (Français)."""
    if code == catalogue.SOURCE_LANGUAGE:
        return "English"  # QLocale("en") would say "American English"
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:]


LANGUAGES = {code: _own_name(code) for code in catalogue.languages()}
_installed: list[QTranslator] = []
_current = "en"


def compile_translations(force: bool = False) -> None:
    """Build each .qm from its .ts when missing or older."""
    catalogue.compile_catalogues(force)


def set_language(language: str) -> None:
    """Install the translators for `language`; open widgets get a LanguageChange event."""
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = language if language in LANGUAGES else "en"
    QLocale.setDefault(QLocale(_current))
    compile_translations()
    ours = QTranslator(app)  # for English, only the plural forms ("1 question", "2 questions")
    if ours.load(str(FOLDER / f"ulinzi_{_current}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    if _current == "en":
        return
    qt = QTranslator(app)
    if qt.load(f"qtbase_{_current}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)


def current_language() -> str:
    return _current


def choose_language(language: str, username: str | None = None) -> None:
    """A person's choice of language: applied at once and written at once (a power cut must
    not bring back the old one), as this computer's sign-in language and, when someone is
    signed in, as theirs."""
    set_language(language)
    settings = QSettings()
    settings.setValue("language", _current)
    if username:
        settings.setValue(f"user_language/{username}", _current)
    settings.sync()


def language_of(username: str) -> str | None:
    """The language `username` chose last, if they ever did."""
    chosen = QSettings().value(f"user_language/{username}")
    return str(chosen) if chosen in LANGUAGES else None


def error_text(error: UlinziError) -> str:
    """An error's message in the current language (its string parameters are tried too)."""
    translate = QCoreApplication.translate
    params = {
        k: translate("errors", v) if isinstance(v, str) else v for k, v in error.params.items()
    }
    return translate("errors", error.text).format(**params)


def update_sources() -> None:
    """Collect every marked string of the program into the .ts files (pyside6-lupdate)."""
    root = FOLDER.parent.parent
    sources = sorted(
        str(p.relative_to(root))
        for folder in ("ui", "desktop", "db", "reports")
        for p in (root / folder).rglob("*.py")
        if "migrations" not in p.parts
    )
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    for language in LANGUAGES:
        # English is the code's own words, except where a count decides the form (%n).
        only = ["-pluralonly", "-source-language", "en"] if language == "en" else []
        ts = FOLDER / f"ulinzi_{language}.ts"
        subprocess.run(
            [str(lupdate), "-no-obsolete", "-locations", "none", *only, *sources, "-ts", str(ts)],
            check=True,
            cwd=root,
        )


if __name__ == "__main__":
    # python -m ui.i18n          compile the .qm files (done at install)
    # python -m ui.i18n update   collect new strings into the .ts files (for translators)
    if sys.argv[1:] == ["update"]:
        update_sources()
    else:
        compile_translations(force=True)

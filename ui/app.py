"""Starting the window: first run, sign-in, the main window; and the demo store on request."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop import fonts, paths
from ui import error_hooks, i18n, warmup
from ui.background import collect_garbage, wait_for_background
from ui.common import fit_to_screen
from ui.login import LoginWidget

if TYPE_CHECKING:
    from desktop.session import UserSession


def is_store(folder: Path) -> bool:
    # Same test as db.store.is_store, without importing the store code before the login shows.
    return (folder / "keyslots.json").is_file() and (folder / "ulinzi.db").is_file()


class Controller:
    """Which top-level window is showing: first run, sign-in, or the main window."""

    def __init__(self, folder: Path, demo_folder: Path, *, demo: bool) -> None:
        self.folder = demo_folder if demo else folder
        self.store_folder = folder
        self.demo_folder = demo_folder
        self.window: QWidget | None = None

    def demo_password(self) -> str | None:
        path = self.folder / paths.DEMO_PASSWORD_FILE
        return path.read_text("utf-8").strip() if path.exists() else None

    def start(self) -> None:
        if is_store(self.folder):
            self.show_login()
        elif self.folder == self.demo_folder:
            self.make_demo()
        else:
            self.show_first_run()

    def make_demo(self) -> None:
        """`--demo` on a PC without one: make it (a few seconds), then show its login."""
        from PySide6.QtCore import QCoreApplication, Qt
        from PySide6.QtWidgets import QLabel

        from ui.common import show_error
        from ui.operations import Op

        waiting = QLabel(
            QCoreApplication.translate(
                "Controller", "Preparing the demo store with made-up children…"
            ),
            alignment=Qt.AlignmentFlag.AlignCenter,
        )
        waiting.setWindowTitle("DEMO – Ulinzi")
        fit_to_screen(waiting, share=1.0)
        self._show(waiting)
        folder = self.demo_folder

        def work() -> str:
            from desktop.demo import create_demo_store

            demo = create_demo_store(folder, 300)  # writes the password file beside the store
            demo.session.close()
            return demo.password

        def failed(error: Exception) -> None:
            show_error(waiting, error)
            QApplication.quit()

        Op(waiting, work).on_success(lambda _password: self.show_login()).on_failure(failed).run()

    def _show(self, window: QWidget) -> None:
        old, self.window = self.window, window
        window.show()
        if old is not None:
            old.close()
            old.deleteLater()

    def show_first_run(self) -> None:
        from ui.first_run import FirstRunWizard

        wizard = FirstRunWizard(self.store_folder, self.demo_folder)
        wizard.ready.connect(self._set_up)
        wizard.setWindowTitle("Ulinzi")
        fit_to_screen(wizard, share=1.0)
        self._show(wizard)

    def _set_up(self, result) -> None:  # type: ignore[no-untyped-def]
        self.folder = result.folder
        if result.demo_password is not None:
            # The demo's sign-in screen shows every account, so a trainee picks a role.
            if result.session is not None:
                result.session.close()
            self.show_login()
        else:
            self.show_main(result.session)

    def show_login(self) -> None:
        window = QMainWindow()
        window.setObjectName("loginWindow")
        demo = self.demo_password()
        window.setWindowTitle(("DEMO – " if demo else "") + "Ulinzi")
        login = LoginWidget(self.folder, demo_password=demo)
        login.signed_in.connect(self.show_main)
        window.setCentralWidget(login)
        fit_to_screen(window, share=1.0)
        self.login = login
        self._show(window)
        login.focus()
        warmup.while_signing_in(self.folder)

    def show_main(self, session: UserSession) -> None:
        from ui.main_window import MainWindow

        window = MainWindow(session, self.folder, demo_password=self.demo_password())
        window.signed_out.connect(self.show_login)
        self._show(window)
        self.main = window
        if window.ensure_own_password():
            window.guide.land()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ulinzi", description="Ulinzi: open the window.")
    parser.add_argument("--store", metavar="DIR", help="the store folder (or set ULINZI_STORE)")
    parser.add_argument(
        "--demo", action="store_true", help="open the demo store (made up if missing)"
    )
    return parser.parse_args(list(argv))


def use_document_fonts(app: QApplication) -> None:
    """The fonts the documents print with back up the window's own: a character accepted in
    a name (desktop.fonts) is drawn, never an empty box, whatever fonts this PC has."""
    families: set[str] = set()
    for file in fonts.FONTS:
        font_id = QFontDatabase.addApplicationFont(str(fonts.FOLDER / file))
        families.update(QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else [])
    for family in sorted(families):
        QFont.insertSubstitution(app.font().family(), family)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    use_document_fonts(app)
    app.setOrganizationName("Ulinzi")
    app.setApplicationName("Ulinzi")
    error_hooks.install()
    i18n.set_language(str(QSettings().value("language", "en")))
    folder = Path(args.store) if args.store else paths.default_store_folder()
    controller = Controller(folder, paths.default_demo_folder(), demo=args.demo)
    controller.start()
    code = app.exec()
    wait_for_background()  # work in flight finishes before Python tears down
    collect_garbage()  # and widgets left in cycles go while Qt is still there
    QSettings().setValue("language", i18n.current_language())
    return code

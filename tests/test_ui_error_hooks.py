"""An error nothing caught still reaches the person, and the log keeps no child data."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# A slot that fails the way a bug would, with a child's name in the exception's text. The
# program is the real one: its logging, its hooks, a real event loop; only the message box is
# answered in the person's place (it would wait for a click), and what it said is printed.
PROGRAM = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer, qWarning
    from PySide6.QtWidgets import QApplication, QMessageBox
    from desktop import logs, paths
    from ui import error_hooks

    logs.configure()
    app = QApplication([])
    error_hooks.install()
    QMessageBox.critical = staticmethod(lambda parent, title, text: print("SHOWN:", text))

    def fails():
        children = {}
        children["Zawadi Wanjiru"]  # KeyError: 'Zawadi Wanjiru'

    QTimer.singleShot(0, fails)
    QTimer.singleShot(0, lambda: qWarning("a Qt warning"))
    QTimer.singleShot(50, app.quit)
    app.exec()
    print("LOG:", paths.log_file())
    """
)


def test_an_uncaught_error_is_shown_and_logged_without_its_text(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    shown = next(line for line in lines if line.startswith("SHOWN:"))
    assert "Something went wrong" in shown and "Zawadi" not in shown
    log = Path(next(line for line in lines if line.startswith("LOG:"))[5:]).read_text("utf-8")
    assert "KeyError" in log  # what failed (desktop.logs writes where, in our own code)
    assert "Zawadi" not in log and "Wanjiru" not in log
    assert "Qt: a Qt warning" in log
    assert "Zawadi" not in done.stderr  # nor printed by Python's default hook

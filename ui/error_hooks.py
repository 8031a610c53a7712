"""No exception vanishes: an error nothing caught (in a slot, an event handler) is shown to the
person in plain words, after `desktop.logs`' hook has logged it without its values; Qt's own
messages go to the same log (Anki's `errors.py` and Electrum's exception hook do the same).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

log = logging.getLogger("ulinzi.ui")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def showing(previous: Callable[..., object]) -> Callable[..., None]:
    """`previous` (the log's hook) records the error; then the person sees it."""

    def excepthook(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        previous(kind, error, tb)
        if issubclass(kind, KeyboardInterrupt | SystemExit) or QApplication.instance() is None:
            return
        from ui.common import tell_error

        tell_error(QApplication.activeWindow(), error)

    return excepthook


def qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's warnings go to our log (they speak of widgets and plugins, not of children). Its debug
    and info messages only exist when someone turned a category on (QT_LOGGING_RULES, e.g. the
    start-time benchmark's paint log): they go to stderr, as Qt prints them, not into the log."""
    if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
        category = context.category or "default"
        sys.stderr.write(f"{category}: {message}\n")
        sys.stderr.flush()
        return
    log.log(_QT_LEVELS.get(kind, logging.WARNING), "Qt: %s", message)


def install() -> None:
    """After `desktop.logs.configure()`, whose hook logs (and writes to stderr) without values."""
    sys.excepthook = showing(sys.excepthook)
    qInstallMessageHandler(qt_message)

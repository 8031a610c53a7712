"""No exception vanishes: one hook for errors nothing caught (in a slot, an event handler, a
thread) and one for Qt's own messages. Both log without the error's text, which can hold a
child's name (a KeyError on a name, a value in a message); the log keeps the kind of error and
where it happened, and the person sees the usual plain message (Anki's `errors.py` and
Electrum's exception hook do the same)."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from desktop.errors import UlinziError

log = logging.getLogger("ulinzi.ui")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def where(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The error's kind and the code it went through, without its message."""
    return kind.__name__ + "\n" + "".join(traceback.format_tb(tb)).rstrip()


def excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    if not isinstance(error, UlinziError):  # ours are expected and say what to do
        log.error("unexpected error, not caught: %s", where(kind, tb))
    if QApplication.instance() is not None:
        from ui.common import tell_error

        tell_error(QApplication.activeWindow(), error)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    """A thread outside Qt's pool failed: log it; the window hears through its operation."""
    log.error("unexpected error in a thread: %s", where(args.exc_type, args.exc_traceback))


def qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's warnings go to our log (they speak of widgets and plugins, not of children)."""
    log.log(_QT_LEVELS.get(kind, logging.WARNING), "Qt: %s", message)


def install() -> None:
    sys.excepthook = excepthook
    threading.excepthook = _thread_hook
    qInstallMessageHandler(qt_message)

"""How the window runs work off its thread: `Op(parent, work).with_progress(text).on_success(cb).run()`.

A user action builds one `Op` (Anki's `CollectionOp`/`QueryOp` are the model). The op owns what
every action used to repeat by hand:
- the work runs on a worker thread; reads in parallel, writes (`.writes()`) one at a time in order;
- with a session holder (`SessionOp`), the work gets the session current when it starts, and a
  read's result is dropped if the screen was locked, another person signed in, or the window
  closed meanwhile: a late result never shows one person's data to the next. A write's success
  still reaches the same person after an unlock (what was changed must be told);
- `.with_progress(text)` puts a busy cursor and the text in the window's status bar until it ends;
- a failure goes to `on_failure` if given, else to `show_error` on the parent (plain words for our
  own errors, "something went wrong" and the log's place otherwise).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from ui import background
from ui.common import show_error
from ui.session_holder import SessionHolder

if TYPE_CHECKING:  # the store code loads after the sign-in screen shows
    from desktop.session import UserSession

log = logging.getLogger("ulinzi.ui")

T = TypeVar("T")


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


def _job(work: Callable[[], Any], signals: _Signals) -> Callable[[], None]:
    """What runs on the worker thread: the work, its outcome sent back as a signal.

    A plain callable, not a `QRunnable` subclass: the pool deletes it after it ran, whereas a
    Python runnable kept alive for its signals stayed referenced from C++ after it reported.

    The worker lets go of the work (and of the frames of a failure) *before* it reports. The work
    often holds a window (`lambda: print_pages(self.pdf, printer)`); after the report the op that
    also holds it goes, on the UI thread, and if the worker's reference were still there it would
    be the last, and the window would be deleted on the worker thread while the UI thread lays it
    out: a crash, seen when a printout's window closed as its job reported."""
    pending = [work]
    del work

    def run() -> None:
        job = pending.pop()
        try:
            result = job()
        except Exception as e:  # handed to the UI thread, which shows it
            del job
            traceback.clear_frames(e.__traceback__)  # the lines stay for the log; locals go
            signals.failed.emit(e)
        else:
            del job
            signals.done.emit(result)

    return run


_running: set[_Signals] = set()  # keeps each job's signal object alive until it reports


def _alive(widget: QWidget | None) -> bool:
    return widget is None or shiboken6.isValid(widget)


class Op(Generic[T]):
    """One piece of work for a user action, run off the UI thread; see the module's docstring."""

    def __init__(self, parent: QWidget | None, work: Callable[[], T]) -> None:
        self.parent = parent
        self._work = work
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[Exception], object] | None = None
        self._progress: str | None = None
        self._serial = False

    def with_progress(self, text: str) -> Self:
        self._progress = text
        return self

    def on_success(self, callback: Callable[[T], object]) -> Self:
        self._success = callback
        return self

    def on_failure(self, callback: Callable[[Exception], object]) -> Self:
        self._failure = callback
        return self

    def writes(self) -> Self:
        """The work changes the store: run it on the one writer thread, after earlier writes."""
        self._serial = True
        return self

    # -- what subclasses decide -----------------------------------------------------------------
    def _prepare(self) -> Callable[[], T]:
        return self._work

    def _still_wanted(self, succeeded: bool) -> bool:
        return _alive(self.parent)

    # -- running --------------------------------------------------------------------------------
    def run(self) -> None:
        background.collect_on_ui_thread()
        # Parented (owned by Qt, not by its Python wrapper): the worker may hold the wrapper
        # last, and the object must still be deleted here, by `deleteLater` in `_finished`.
        signals = _Signals(QApplication.instance())
        if self._progress is not None:
            self._start_progress(self._progress)
        signals.done.connect(lambda result: self._finished(signals, result, None))
        signals.failed.connect(lambda error: self._finished(signals, None, error))
        _running.add(signals)
        pool = background.writes() if self._serial else background.reads()
        pool.start(_job(self._prepare(), signals))

    def _finished(self, signals: _Signals, result: Any, error: Exception | None) -> None:
        # The callbacks hold this op (and its work) in Qt's connection list, out of the garbage
        # collector's sight: let go of them once the outcome is here. The signal object is
        # deleted on this thread, the one it lives in, whatever still refers to it.
        _running.discard(signals)
        signals.done.disconnect()
        signals.failed.disconnect()
        signals.deleteLater()
        try:
            self._report(result, error)
        finally:
            # PySide frees a disconnected callback (and with it this op) when it next gets to it,
            # which can be inside the worker's `emit`, on the worker thread. Nothing this op holds
            # (the window, the work and what it captured) may be freed there: a window deleted
            # off the UI thread while the UI thread paints it crashes. Let go of it all here.
            vars(self).clear()

    def _report(self, result: Any, error: Exception | None) -> None:
        if self._progress is not None:
            self._end_progress()
        if not self._still_wanted(error is None):
            if error is not None:
                log.info("work finished after its screen went: %s", type(error).__name__)
            return
        if error is None:
            if self._success is not None:
                self._success(result)
        elif self._failure is not None:
            self._failure(error)
        else:
            show_error(self.parent, error)

    def _status_bar_window(self) -> QMainWindow | None:
        window = self.parent.window() if _alive(self.parent) and self.parent else None
        return window if isinstance(window, QMainWindow) else None

    def _start_progress(self, text: str) -> None:
        window = self._status_bar_window()
        if window is not None:
            window.statusBar().showMessage(text)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def _end_progress(self) -> None:
        QApplication.restoreOverrideCursor()
        window = self._status_bar_window()
        if window is not None:
            window.statusBar().clearMessage()


class SessionOp(Op[T]):
    """Work for the signed-in person: `work(session)` gets the session current at `run()`, and
    the result is dropped if that session is no longer the one showing (locked, switched, closed)."""

    def __init__(
        self,
        parent: QWidget | None,
        holder: SessionHolder,
        work: Callable[[UserSession], T],
    ) -> None:
        super().__init__(parent, lambda: work(holder.session))
        self.holder = holder
        self._session_work = work
        self._session: UserSession | None = None

    def run(self) -> None:
        if self.holder.is_locked or self.holder.is_closed:
            return  # nobody to work for until someone unlocks (the key is gone)
        super().run()

    def _prepare(self) -> Callable[[], T]:
        session = self._session = self.holder.session
        work = self._session_work
        return lambda: work(session)

    def _still_wanted(self, succeeded: bool) -> bool:
        if not super()._still_wanted(succeeded) or self._session is None:
            return False
        if succeeded and self._serial:
            # A change that was made is reported even across a lock (the receipt of an import
            # must still be saved), but not to another person, nor after the window closed.
            return (
                not self.holder.is_closed and self._session.user.id == self.holder.session.user.id
            )
        return self.holder.is_current(self._session)

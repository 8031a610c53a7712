"""Run slow work off the UI thread and get the result back on it, as a signal.

The work function must not touch widgets; it gets its own database session from the services it
calls (each service opens one per unit of work).
"""

from __future__ import annotations

import atexit
import gc
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger("ulinzi.ui")


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as e:  # handed to the UI thread, which shows it
            self.signals.failed.emit(e)
        else:
            self.signals.done.emit(result)


_running: set[_Job] = set()  # keeps jobs (and their signal objects) alive until they report


class GarbageCollector(QObject):
    """Python's cycle collector, run on the UI thread only.

    Left automatic, it runs in whichever thread happens to allocate, and a worker thread that
    collects a cycle holding a deleted widget's wrapper crashes the program. So automatic
    collection is off, and this timer collects on the UI thread when Python's thresholds say so.
    """

    INTERVAL_MS = 500

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self, interval=self.INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        counts = gc.get_count()
        if counts[0] > self.thresholds[0]:
            generation = (
                2 if counts[2] > self.thresholds[2] else 1 if counts[1] > self.thresholds[1] else 0
            )
            gc.collect(generation)


_collector: list[GarbageCollector] = []


def _collect_on_ui_thread() -> None:
    app = QCoreApplication.instance()
    if app is not None and not _collector:
        _collector.append(GarbageCollector(app))
        atexit.register(_stop_collecting)


def _stop_collecting() -> None:
    """At exit Python's own order of clean-up applies again."""
    gc.enable()


def collect_garbage() -> None:
    """Collect now, on the UI thread: before the application object goes (tests, exit)."""
    gc.collect()


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None] | None = None,
) -> None:
    """Run `work()` on the thread pool; call `on_done(result)` or `on_error(exc)` on the UI thread."""
    _collect_on_ui_thread()
    job = _Job(work)
    job.setAutoDelete(False)

    def finished(callback: Callable[[Any], None] | None, value: Any) -> None:
        _running.discard(job)
        if callback is not None:
            callback(value)
        elif isinstance(value, Exception):
            log.error("background work failed", exc_info=value)

    job.signals.done.connect(lambda result: finished(on_done, result))
    job.signals.failed.connect(lambda error: finished(on_error, error))
    _running.add(job)
    QThreadPool.globalInstance().start(job)


def wait_for_background(timeout_ms: int = 10000) -> bool:
    """For tests and shutdown: wait until every job has finished."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)

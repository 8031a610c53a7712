"""The threads slow work runs on, and Python's garbage collector kept on the UI thread.

Reads run on Qt's global thread pool, in parallel. Writes run one at a time on their own
single-thread pool, in the order they were asked for (Picard saves on a one-thread pool "to avoid
race conditions"; Anki runs collection work on one serial executor): two changes to one case can
never race each other for the write lock. `ui.operations.Op` is the only way in.
"""

from __future__ import annotations

import atexit
import gc

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer

_writer: list[QThreadPool] = []


def reads() -> QThreadPool:
    return QThreadPool.globalInstance()


def writes() -> QThreadPool:
    """The one thread every change to the store runs on, in order."""
    if not _writer:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        _writer.append(pool)
    return _writer[0]


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


def collect_on_ui_thread() -> None:
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


def wait_for_background(timeout_ms: int = 10000) -> bool:
    """For tests, lock and shutdown: wait until every job, read or write, has finished."""
    done = all(pool.waitForDone(timeout_ms) for pool in _writer)
    return reads().waitForDone(timeout_ms) and done

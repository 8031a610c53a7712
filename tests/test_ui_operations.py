"""How the window runs work: a late result never reaches the next person, and changes to the
store happen one at a time, in the order they were asked for."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QWidget

from ui.background import wait_for_background
from ui.operations import Op, SessionOp
from ui.session_holder import SessionHolder


def test_a_result_that_arrives_after_the_lock_is_not_shown(qtbot, agency):
    holder = SessionHolder(agency.sign_in("cara"))
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    shown, failed = [], []

    def read(session):  # a search still running when the idle lock comes
        release.wait(5)
        return session.user.username

    SessionOp(parent, holder, read).on_success(shown.append).on_failure(failed.append).run()
    holder.lock()
    release.set()
    wait_for_background()
    delivered(qtbot, parent)  # the late result's signal has reached this thread
    assert shown == [] and failed == []
    # Nothing starts for a locked screen either.
    SessionOp(parent, holder, read).on_success(shown.append).run()
    wait_for_background()
    delivered(qtbot, parent)
    assert shown == []
    holder.close()


def delivered(qtbot, parent: QWidget) -> None:
    """Wait until every result of work already finished has been delivered on this thread: a
    job started now reports after them (its signal is queued behind theirs)."""
    marker: list[bool] = []
    Op(parent, lambda: True).on_success(marker.append).run()
    qtbot.waitUntil(lambda: marker == [True], timeout=5000)


def test_changes_run_one_at_a_time_in_the_order_asked(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    running, order, overlaps = [], [], []

    def change(n: int) -> int:
        if running:
            overlaps.append(n)
        running.append(n)
        time.sleep(0.02)
        running.remove(n)
        order.append(n)
        return n

    done: list[int] = []
    for n in range(5):
        Op(parent, lambda n=n: change(n)).writes().on_success(done.append).run()
    qtbot.waitUntil(lambda: len(done) == 5, timeout=5000)
    assert order == [0, 1, 2, 3, 4] and done == order and overlaps == []


def test_finished_work_is_let_go(qtbot):
    """A window runs thousands of operations in a day: once one has reported, nothing keeps it
    alive, nor its work and what the work holds (a case's answers, a page of rows)."""
    import gc
    import weakref

    parent = QWidget()
    qtbot.addWidget(parent)

    class Work:
        def __init__(self) -> None:
            self.page = list(range(1000))  # what a search or a case file holds

        def __call__(self) -> int:
            return len(self.page)

    kept: list[weakref.ref] = []
    shown: list[int] = []
    for n in range(6):
        work = Work()
        op = Op(parent, work).on_success(shown.append)
        if n % 2:
            op.writes()
        kept += [weakref.ref(work), weakref.ref(op)]
        op.run()
        del op, work
    failing = Op(parent, lambda: 1 / 0).on_failure(lambda error: shown.append(-1))
    kept.append(weakref.ref(failing))
    failing.run()
    del failing
    wait_for_background()
    qtbot.waitUntil(lambda: len(shown) == 7, timeout=5000)
    delivered(qtbot, parent)
    gc.collect()
    assert [ref() for ref in kept] == [None] * len(kept)


def test_an_op_that_reported_holds_nothing_of_its_window(qtbot):
    """A printout's window, closed as its print job reported, was sometimes deleted by the worker
    thread while the UI thread was laying it out: a crash, in one full suite run out of three.
    The job's work captured the window (`lambda: print_pages(self.pdf, printer)`), and PySide
    can hold a disconnected callback, with the op it captured, until the worker's `emit` returns:
    the worker then let go of the window last. An op that has reported must hold nothing of it,
    whoever still refers to the op (here the test, standing for PySide on the worker)."""
    import weakref

    window = QWidget()
    window.show()
    freed_on: list[str] = []
    weakref.finalize(window, lambda: freed_on.append(threading.current_thread().name))
    reported: list[object] = []
    op = Op(window, lambda window=window: window.objectName()).on_success(reported.append)
    op.run()
    qtbot.waitUntil(lambda: bool(reported), timeout=5000)
    wait_for_background()
    del window  # the person closed it; `op` is still referred to
    assert freed_on == [threading.main_thread().name]
    del op

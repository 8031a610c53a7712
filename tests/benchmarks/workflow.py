"""How fast "My tasks" and the supervisor queue open on a large store.

    python -m tests.benchmarks.workflow [--cases 100000] [--runs 7] [--output FILE]

Builds one encrypted demo store (its build time, with every case's tasks worked out, is reported
too), then times, as a caseworker and as a supervisor, the service call and the widget filled
with its rows (offscreen), each the median of `--runs`. The goal is under a second each.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path
from time import perf_counter

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select  # noqa: E402

from db.models import Task  # noqa: E402
from desktop import accounts, case_flow  # noqa: E402
from desktop.case_state import refresh_all  # noqa: E402
from desktop.demo import create_demo_store  # noqa: E402
from tests.benchmarks.plain import FAST_KDF  # noqa: E402

GOAL_S = 1.0


def _median(run, runs: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    samples, result = [], None
    for _ in range(runs):
        start = perf_counter()
        result = run()
        samples.append(perf_counter() - start)
    return statistics.median(samples), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.workflow")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--output", type=Path, default=Path("benchmark-workflow.json"))
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from ui.session_holder import SessionHolder
    from ui.tasks import SupervisorQueueWidget, TasksWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])
    results: dict[str, object] = {"cases": args.cases, "runs": args.runs}
    with tempfile.TemporaryDirectory(prefix="ulinzi-bench-") as tmp:
        folder = Path(tmp) / "demo"
        start = perf_counter()
        demo = create_demo_store(folder, args.cases, seed=7, kdf=FAST_KDF, today=date.today())
        results["build_demo_store_s"] = perf_counter() - start
        with demo.session.store.write() as s:
            start = perf_counter()
            refresh_all(s)
            results["refresh_all_cases_s"] = perf_counter() - start
            results["tasks"] = s.execute(select(func.count(Task.id))).scalar_one()
        demo.session.close()

        for username in ("amina", "grace"):
            with accounts.sign_in(folder, username, demo.password) as us:
                took, rows = _median(lambda us=us: case_flow.my_tasks(us), args.runs)
                results[f"my_tasks.{username}.service_s"] = took
                results[f"my_tasks.{username}.rows"] = len(rows)  # type: ignore[arg-type]
                widget = TasksWidget(SessionHolder(us))
                took, _ = _median(lambda w=widget, r=rows: w._show(r), args.runs)
                results[f"my_tasks.{username}.widget_fill_s"] = took
                if username == "grace":
                    took, queue = _median(lambda us=us: case_flow.supervisor_queue(us), args.runs)
                    results["queue.grace.service_s"] = took
                    results["queue.grace.approvals"] = len(queue.approvals)  # type: ignore[attr-defined]
                    results["queue.grace.overdue_rows"] = len(queue.overdue)  # type: ignore[attr-defined]
                    results["queue.grace.open_cases"] = sum(
                        w.open_cases
                        for w in queue.workload  # type: ignore[attr-defined]
                    )
                    view = SupervisorQueueWidget(SessionHolder(us))
                    took, _ = _median(lambda v=view, q=queue: v._show(q), args.runs)
                    results["queue.grace.widget_fill_s"] = took
                    view.deleteLater()
                widget.deleteLater()
    app.processEvents()

    for key, value in results.items():
        shown = f"{value * 1000:9.1f} ms" if key.endswith("_s") and value < 60 else f"{value}"  # type: ignore[operator]
        print(f"{key:40} {shown}")
    opened = {
        "my_tasks (caseworker)": results["my_tasks.amina.service_s"]  # type: ignore[operator]
        + results["my_tasks.amina.widget_fill_s"],
        "my_tasks (supervisor)": results["my_tasks.grace.service_s"]  # type: ignore[operator]
        + results["my_tasks.grace.widget_fill_s"],
        "supervisor queue": results["queue.grace.service_s"]  # type: ignore[operator]
        + results["queue.grace.widget_fill_s"],
    }
    for name, seconds in opened.items():
        verdict = "ok" if seconds < GOAL_S else "OVER THE GOAL"
        print(f"opens: {name:24} {seconds * 1000:9.1f} ms  ({verdict}: goal < {GOAL_S:g} s)")
    args.output.write_text(json.dumps({**results, "opened_s": opened}, indent=2) + "\n")
    return 0 if all(v < GOAL_S for v in opened.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())

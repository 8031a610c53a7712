"""Window timings: launch to the login window, and sign-in to a painted list of N cases.

Run with `python -m tests.benchmarks.ui` (offscreen). Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]

LAUNCH = """
import sys, time
started = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.app import Controller
from pathlib import Path
app = QApplication(sys.argv[:1])
controller = Controller(Path(sys.argv[1]), Path(sys.argv[1]), demo=False)
controller.start()
def shown():
    controller.window.repaint()
    print(f"{time.perf_counter() - started:.4f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def launch_times(folder: Path, runs: int) -> list[float]:
    """Whole process: interpreter start, imports, the login window painted."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", LAUNCH, str(folder)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        total = time.perf_counter() - started
        assert result.stdout.strip(), result.stderr
        times.append(total)
    return times


def list_time(folder: Path, password: str, username: str) -> tuple[float, float, float, int, int]:
    """Sign-in (Argon2 + open) and then MainWindow to a painted, counted list."""
    from PySide6.QtWidgets import QApplication

    from desktop import accounts
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    session = accounts.sign_in(folder, username, password)
    signed_in = time.perf_counter()
    window = MainWindow(session, folder)
    window.show()
    while not window.case_list.model.rowCount():
        app.processEvents()
        time.sleep(0.001)
    window.case_list.table.viewport().repaint()
    painted = time.perf_counter()
    while not window.counts.text():
        app.processEvents()
        time.sleep(0.001)
    counted = time.perf_counter()
    rows = window.case_list.model.rowCount()
    pages = window.case_list.model.pages_read
    window.sign_out()
    app.processEvents()
    return signed_in - started, painted - signed_in, counted - signed_in, rows, pages


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.ui")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", default="benchmark-ui.json")
    args = parser.parse_args()

    from desktop.demo import create_demo_store
    from tests.benchmarks.plain import FAST_KDF

    results = {}
    with tempfile.TemporaryDirectory(prefix="ulinzi-ui-bench-") as tmp:
        for n in (100, args.cases):
            folder = Path(tmp) / f"store-{n}"
            demo = create_demo_store(folder, n, seed=1, kdf=FAST_KDF)
            demo.session.close()
            launches = launch_times(folder, args.runs)
            sign_in, painted, counted, rows, pages = list_time(folder, demo.password, "manager")
            results[n] = {
                "launch_to_login_first_s": launches[0],
                "launch_to_login_median_s": statistics.median(launches),
                "sign_in_s": sign_in,
                "signed_in_to_painted_list_s": painted,
                "signed_in_to_whole_list_counted_s": counted,
                "rows": rows,
                "pages_read": pages,
            }
    print(
        f"{'cases':>8}  {'launch→login (1st / median)':>28}  {'sign-in':>8}  "
        f"{'→ first rows painted':>21}  {'→ whole list counted':>21}  pages read"
    )
    for n, r in results.items():
        print(
            f"{n:>8}  {r['launch_to_login_first_s'] * 1000:>12.0f} ms / {r['launch_to_login_median_s'] * 1000:>6.0f} ms"
            f"  {r['sign_in_s'] * 1000:>5.0f} ms  {r['signed_in_to_painted_list_s'] * 1000:>18.0f} ms"
            f"  {r['signed_in_to_whole_list_counted_s'] * 1000:>18.0f} ms  {r['pages_read']}"
        )
    Path(args.output).write_text(json.dumps(results, indent=2))
    print(f"results written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

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


def forms_times(folder: Path, password: str, runs: int) -> dict[str, float]:
    """The guided forms: loading the definitions (first time, then cached), building the
    largest wizard, the work done on the UI thread for each keystroke, and saving a form."""
    import random
    from datetime import date

    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop import accounts, case_forms, cases
    from desktop.demo import sample_answers
    from ui.form_wizard import FormWizard
    from ui.session_holder import SessionHolder

    app = QApplication.instance() or QApplication([])
    session = accounts.sign_in(folder, "amina", password)
    holder = SessionHolder(session)
    case_forms._cache.clear()
    started = time.perf_counter()
    forms = case_forms.form_set(session)
    first_load = time.perf_counter() - started
    started = time.perf_counter()
    case_forms.form_set(session)
    cached_load = time.perf_counter() - started
    form = forms.get("full_assessment")
    builds, keystrokes = [], []
    for _ in range(runs):
        started = time.perf_counter()
        wizard = FormWizard(holder, [form], lambda a: "", draft_key="bench", title="bench")
        builds.append(time.perf_counter() - started)
        wizard.show()
        app.processEvents()
        notes = wizard.widget_for("full_assessment", "strengths")
        for letter in "strengths":
            started = time.perf_counter()
            notes.edit.insertPlainText(letter)  # one keystroke: answers, visibility, progress
            keystrokes.append(time.perf_counter() - started)
        wizard.ask_close = lambda: QMessageBox.StandardButton.Discard  # "Close", "Discard"
        wizard.close()
        app.processEvents()
    uuid = cases.list_cases(session, status="open")[0].uuid
    opened, saves = [], []
    for i in range(runs):
        started = time.perf_counter()
        case_file = cases.open_case(session, uuid)
        opened.append(time.perf_counter() - started)
        answers = sample_answers(form, random.Random(i), date.today())
        previous = case_forms.latest(case_file.forms, "full_assessment")
        started = time.perf_counter()
        case_forms.submit_form(
            session, uuid, "full_assessment", answers, previous.revision if previous else None
        )
        saves.append(time.perf_counter() - started)
    session.close()
    return {
        "definitions_first_load_s": first_load,
        "definitions_cached_s": cached_load,
        "full_assessment_wizard_build_median_s": statistics.median(builds),
        "keystroke_median_s": statistics.median(keystrokes),
        "keystroke_max_s": max(keystrokes),
        "open_case_with_forms_median_s": statistics.median(opened),
        "save_full_assessment_median_s": statistics.median(saves),
    }


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
            if n == 100:
                demo_password_100 = demo.password
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
        forms = forms_times(Path(tmp) / "store-100", demo_password_100, args.runs)
    print("guided forms (store of 100 cases):")
    for name, seconds in forms.items():
        print(f"  {name:<40} {seconds * 1000:8.1f} ms")
    results["forms"] = forms
    print(
        f"{'cases':>8}  {'launch→login (1st / median)':>28}  {'sign-in':>8}  "
        f"{'→ first rows painted':>21}  {'→ whole list counted':>21}  pages read"
    )
    for n, r in results.items():
        if n == "forms":
            continue
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

"""Time from starting a Ulinzi command to its login window being painted (offscreen).

    python installer/start_time.py [--runs N] [--cold] [--timeout S] -- COMMAND [ARGS...]

e.g. `-- installer/dist/ulinzi/ulinzi --store /tmp/store` (the bundle), `-- .venv/bin/ulinzi
--store /tmp/store` or `-- ./ulinzi.sh --store /tmp/store` (from source). The store must exist,
so that the program shows its sign-in window. The moment is read from outside the program:
Qt's own paint log (QT_LOGGING_RULES=qt.widgets.painting=true) says when it draws the
LoginWidget; the program is then stopped. `--cold` empties the kernel's page cache before each
run (as root), as after switching the PC on. Prints one line per run and the median; exits 1
when the window never appears (the test of the bundle relies on that).
"""

from __future__ import annotations

import argparse
import os
import selectors
import statistics
import subprocess
import sys
import time
from pathlib import Path

PAINTED = "LoginWidget("  # in "Drawing QRegion(...) of LoginWidget(0x...) at ..." from Qt


def drop_caches() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def time_to_login(command: list[str], timeout: float) -> tuple[float | None, str]:
    """Seconds until the login window is painted (None if it never is), and what the program
    wrote on stderr other than the paint log."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.widgets.painting=true")
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stderr is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stderr, selectors.EVENT_READ)
    other: list[str] = []
    buffer = b""
    elapsed = None
    try:
        while elapsed is None and time.perf_counter() - started < timeout:
            if not selector.select(timeout=0.2):
                if process.poll() is not None:
                    break
                continue
            chunk = os.read(process.stderr.fileno(), 65536)
            if not chunk:
                break
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for raw in lines:
                line = raw.decode("utf-8", "replace")
                if "qt.widgets.painting" not in line:
                    other.append(line)
                elif "Drawing" in line and PAINTED in line:
                    elapsed = time.perf_counter() - started
                    break
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        selector.close()
        process.stderr.close()
    return elapsed, "\n".join(other)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python installer/start_time.py")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="drop the page cache first (root)")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()
    times = []
    for run in range(1, args.runs + 1):
        if args.cold:
            drop_caches()
        elapsed, stderr = time_to_login(args.command, args.timeout)
        if elapsed is None:
            print(f"run {run}: no login window within {args.timeout:.0f} s\n{stderr}")
            return 1
        times.append(elapsed)
        print(f"run {run}: {elapsed * 1000:.0f} ms", flush=True)
    print(f"median: {statistics.median(times) * 1000:.0f} ms ({'cold' if args.cold else 'warm'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Run the benchmarks: `python -m tests.benchmarks [--quick] [--cases N] [--output PATH]`."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path
from time import perf_counter

from tests.benchmarks.plain import SignIn
from tests.benchmarks.report import GOAL_RATIO, Result, machine_info, table, write_json
from tests.benchmarks.suites import (
    Settings,
    bench_build,
    bench_search,
    bench_unlock,
    bench_updates,
)

DEFAULT_CASES = 20_000
QUICK_CASES = 1_000


def settings_from(args: argparse.Namespace) -> Settings:
    if args.quick:
        return Settings(
            cases=args.cases or QUICK_CASES,
            unlock_repetitions=4,
            build_repetitions=2,
            search_repetitions=6,
            cold_search_repetitions=4,
            updates=100,
        )
    return Settings(
        cases=args.cases or DEFAULT_CASES,
        unlock_repetitions=10,
        build_repetitions=4,
        search_repetitions=30,
        cold_search_repetitions=10,
        updates=1_000,
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks",
        description="Time the encrypted store beside plain SQLite with the same schema.",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=Path("benchmark-results.json"),
        help="where to write the results (default: benchmark-results.json)",
    )
    parser.add_argument(
        "--cases",
        type=int,
        default=None,
        help=f"cases in the demo store (default {DEFAULT_CASES}, {QUICK_CASES} with --quick)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="a fast smoke run: fewer cases and repetitions"
    )
    args = parser.parse_args(argv)
    if args.cases is not None and args.cases < 1:
        parser.error("--cases must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = settings_from(args)
    logging.basicConfig(level=logging.WARNING)
    started = perf_counter()

    def step(text: str) -> None:
        print(f"[{perf_counter() - started:6.1f} s] {text}", file=sys.stderr, flush=True)

    machine = machine_info()
    sign_in = SignIn()
    notes: list[str] = []

    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="ulinzi-bench-") as tmp_name:
        tmp = Path(tmp_name)
        step("1/4 unlocking (Argon2id default parameters)")
        results += bench_unlock(settings, sign_in, tmp)
        step(f"2/4 building demo stores of {settings.cases} cases")
        build, demo = bench_build(settings, tmp)
        results.append(build)
        step("3/4 searching names")
        results += bench_search(settings, sign_in, demo)
        step(f"4/4 {settings.updates} single-case updates")
        results.append(bench_updates(settings, sign_in, demo))
    elapsed = perf_counter() - started
    step("done")

    print()
    print(table(results))
    over = [r for r in results if r.met is False]
    print()
    print(f"goal: encrypted ≤ {GOAL_RATIO:g}× plain, except unlocking (n/a: Argon2id dominates).")
    if over:
        print("over the goal (!): " + ", ".join(r.key for r in over))
    print(
        f"SQLCipher {machine['sqlcipher_cipher_version']} (SQLite "
        f"{machine['sqlcipher_sqlite_version']}) vs sqlite3 (SQLite "
        f"{machine['plain_sqlite_version']}); {machine['cpu_count']} CPUs; {elapsed:.0f} s in all."
    )
    for note in notes:
        print("note: " + note)

    write_json(
        args.output,
        {
            "machine": machine,
            "settings": {**vars(settings), "quick": args.quick},
            "elapsed_s": elapsed,
            "notes": notes,
            "results": [r.as_json() for r in results],
        },
    )
    print(f"results written to {args.output}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

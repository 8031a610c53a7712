"""Mutation testing of the security core: `python -m tests.mutation [SCOPE ...] [--output PATH]`.

Each scope is one module that guards keys, history or trust, with the fast tests that speak for
it. mutmut (3.x) changes the module one small way at a time (a `<` for a `<=`, a constant, a
dropped call…) and runs the tests that reach the changed function; a change no test notices is
a *survivor*: either a test is missing, or the change makes no difference a person could see (an
*equivalent* mutant, marked next to the code with `# mutation: equivalent — why` and
`# pragma: no mutate`, and counted apart here).

Every scope runs in a copy of the project under `build/mutation/SCOPE` (mutmut writes its
`mutants/` folder there), niced, with one worker: the machine is shared. The tests that start
`python -m desktop.main` run the mutated copy too (mutmut passes the mutant to the child process
through its environment). Not part of CI's run: a full pass takes tens of minutes. Re-run it
when one of these modules changes; the score table is in README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["db", "desktop", "ui", "reports"]  # what the tests import, copied into each run
# Libraries imported once by mutmut's fork server; never our own modules (see `prepare`).
PRELOAD = [
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "sqlalchemy",
    "sqlalchemy.orm",
    "sqlcipher3",
    "alembic",
    "cryptography.hazmat.primitives.asymmetric.ed25519",
    "cryptography.hazmat.primitives.ciphers.aead",
    "argon2",
    "pyrage",
    "pydantic",
    "ruamel.yaml",
    "reportlab.platypus",
    "pypdf",
    "hypothesis",
    "pytestqt.plugin",
]


@dataclass(frozen=True)
class Scope:
    module: str  # the file whose functions are mutated
    tests: tuple[str, ...]  # pytest arguments: the fast tests that speak for it
    only: tuple[str, ...] = ()  # mutant name patterns, when only part of the module is in scope
    # Code that runs when a module is imported (the permission gate's decorators) needs each
    # mutant's tests to import our modules afresh, after the mutant is chosen: mutmut's fork
    # server with only the heavy libraries loaded. About three times slower than forking from
    # a process that has imported everything, so only where it is needed.
    fresh_imports: bool = False

    @property
    def dotted(self) -> str:
        return self.module.removesuffix(".py").replace("/", ".")


# Smallest first. Names of class methods are `module.xǁClassǁmethod__mutmut_N`. A scope may come in
# parts, each with its own tests: the throttle's class is tested on its own file in milliseconds,
# while `_guarded_open` needs a real store to sign in to, so its mutants alone pay for one.
SCOPES: dict[str, tuple[Scope, ...]] = {
    "packages": (
        Scope(  # the pure tests: the two that import through two stores are slow
            "desktop/packages.py",
            (
                "tests/test_package_reader.py",
                "tests/test_package_signatures.py",
                "-k",
                "not forged_package and not cannot_send",
            ),
        ),
    ),
    "audit": (
        Scope(
            "db/audit.py",
            # The vectors, without the four that go through a store's `check` (slow).
            ("tests/test_audit_vectors.py", "-k", "not test_check"),
        ),
    ),
    "keyslots": (Scope("db/keyslots.py", ("tests/test_keyslots.py",)),),
    "throttle": (
        Scope(
            "desktop/accounts.py",
            ("tests/test_throttle.py", "-k", "not through_a_store"),
            (
                "desktop.accounts.xǁThrottleǁ*",
                "desktop.accounts.x__entries__mutmut_*",
                "desktop.accounts.x_start_throttle_record__mutmut_*",
            ),
        ),
        Scope(
            "desktop/accounts.py",
            ("tests/test_throttle.py", "-k", "through_a_store"),
            ("desktop.accounts.x__guarded_open__mutmut_*",),
        ),
    ),
    "access": (
        Scope(
            "desktop/access.py",
            # The gate's decisions on one small agency, and the registry's completeness; the
            # refusal of every registered service (test_access.py's story) takes half a minute.
            ("tests/test_gate.py", "tests/test_access.py", "-k", "test_gate or registered_with"),
            fresh_imports=True,
        ),
    ),
    "import": (
        Scope(
            "desktop/exchange.py",
            # Decision by decision, on copies of two stores built once for the whole run.
            ("tests/test_import.py", "tests/test_import_odd_packages.py"),
            tuple(
                f"desktop.exchange.x_{name}__mutmut_*"
                for name in (
                    "open_package",
                    "_open",
                    "_preview",
                    "_record",
                    "_duplicates",
                    "import_package",
                    "_date",
                    "_moment",
                    "_whole",
                    "_answer_out_of_bounds",
                    "_apply",
                    "_copies_and_history",
                    "_record_receipt",
                )
            ),
        ),
    ),
}

# Not mutated: the words of messages. QT_TRANSLATE_NOOP returns its text unchanged (its context
# is read by the translation tools only), and the words are guarded by tests/test_translations.py,
# which reads the source against the catalogue, not the running code mutmut can credit.
MESSAGE_LINES = [
    r"QT_TRANSLATE_NOOP\(",  # a marker on one line: its context and its words
    r'detail=f?"',  # the words in brackets of a "damaged" refusal
    r'^\s*"(errors|[^"]* [^"]*|[^"]*\.)"\s*,?\s*\)?,?\s*$',  # a line of a message's words, or its context
]
EQUIVALENT = re.compile(r"mutation:\s*equivalent")
STORY_CACHE = "ULINZI_STORY_CACHE"


def mutmut() -> str:
    beside = Path(sys.executable).with_name("mutmut")
    found = str(beside) if beside.exists() else shutil.which("mutmut")
    if not found:
        raise SystemExit("mutmut is not installed: pip install -e '.[mutation]'")
    return found


def prepare(name: str, scope: Scope, work: Path, root: Path = ROOT) -> Path:
    """A fresh copy of the project (`root`) for this scope, with mutmut's settings for it."""
    folder = work / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")
    for package in PACKAGES:
        shutil.copytree(root / package, folder / package, ignore=ignore)
    shutil.copytree(root / "tests", folder / "tests", ignore=ignore)
    for translations in (ROOT / "ui" / "translations").glob("*.qm"):  # built, not in git
        shutil.copy2(translations, folder / "ui" / "translations" / translations.name)
    settings = [
        "[tool.mutmut]",
        f"source_paths = {json.dumps(PACKAGES)}",
        f"only_mutate = {json.dumps([scope.module])}",
        f"do_not_mutate_patterns = {json.dumps(MESSAGE_LINES)}",
        f"pytest_add_cli_args_test_selection = {json.dumps(present(scope.tests, root))}",
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]',
        # A shared, niced machine: a slow run is not an endless loop.
        "timeout_constant = 20.0",
        "timeout_multiplier = 5.0",
    ]
    if scope.fresh_imports:
        settings += [
            'process_isolation = "forkserver"',
            'forkserver_warmup = "import"',
            'preload_modules_file = "preload.txt"',
        ]
    settings += [
        "",
        "[tool.pytest.ini_options]",
        'markers = ["slow: takes more than a few seconds"]',
    ]
    (folder / "pyproject.toml").write_text("\n".join(settings) + "\n", encoding="utf-8")
    (folder / "preload.txt").write_text("\n".join(PRELOAD) + "\n", encoding="utf-8")
    return folder


def present(tests: tuple[str, ...], root: Path) -> list[str]:
    """The test arguments, less the files `root` does not have (an older checkout)."""
    kept: list[str] = []
    for previous, arg in zip(("", *tests), tests, strict=False):
        if previous.startswith("-") or arg.startswith("-"):
            kept.append(arg)  # an option, or its value
        elif (root / arg.split("::")[0]).exists():
            kept.append(arg)
    return kept


def results(folder: Path) -> dict[str, str]:
    out = subprocess.run(
        [mutmut(), "results", "--all", "true"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = {}
    for line in out.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and "__mutmut_" in name:
            found[name] = status
    return found


def equivalent_marks(root: Path, module: Path) -> list[str]:
    """The places marked as holding equivalent mutants, with their reasons (a comment may go on
    over the next comment lines)."""
    lines = module.read_text(encoding="utf-8").splitlines()
    marks = []
    for i, line in enumerate(lines):
        found = EQUIVALENT.search(line)
        if not found:
            continue
        words = [line[found.start() :].split("# pragma")[0].strip()]
        for after in lines[i + 1 :]:
            if not after.strip().startswith("#"):
                break
            words.append(after.strip().lstrip("# ").strip())
        marks.append(f"{module.relative_to(root)}:{i + 1}: {' '.join(words)}")
    return marks


def run_scope(
    name: str, scope: Scope, work: Path, nice: int, root: Path = ROOT
) -> dict[str, object]:
    tests = present(scope.tests, root)
    if not any(t.startswith("tests/") for t in tests):
        # Without a test file pytest would run the whole suite under every mutant.
        raise SystemExit(f"{name}: none of {', '.join(scope.tests)} exists in {root}")
    folder = prepare(name, scope, work, root)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    # Stores a test module builds once (tests/test_import.py), kept for the whole run: built by
    # mutmut's first pass, with no mutant applied, and copied by each test after that.
    env[STORY_CACHE] = str(folder / "story-cache")
    started = time.monotonic()
    log = folder / "mutmut.log"
    with log.open("w", encoding="utf-8") as out:
        subprocess.run(
            ["nice", "-n", str(nice), mutmut(), "run", "--max-children", "1", *scope.only],
            cwd=folder,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    seconds = time.monotonic() - started
    found = {
        k: v
        for k, v in results(folder).items()
        if not scope.only or any(_matches(k, p) for p in scope.only)
    }
    counts = Counter(found.values())
    killed = counts.get("killed", 0) + counts.get("timeout", 0)
    tested = sum(counts.values()) - counts.get("skipped", 0)
    return {
        "module": scope.module,
        "root": str(root),
        "tests": present(scope.tests, root),
        "parts": list(scope.only),
        "mutants": sum(counts.values()),
        "killed": killed,
        "score": round(100 * killed / tested, 1) if tested else None,
        "counts": dict(sorted(counts.items())),
        "survivors": sorted(k for k, v in found.items() if v not in ("killed", "timeout")),
        "equivalent_marked": equivalent_marks(root, root / scope.module),
        "seconds": round(seconds),
        "log": str(log),
    }


def run_parts(
    name: str, parts: tuple[Scope, ...], work: Path, nice: int, root: Path = ROOT
) -> dict[str, object]:
    """Each part of a scope in a folder of its own (`NAME`, then `NAME-2`…), added up."""
    rows = [
        run_scope(name if i == 0 else f"{name}-{i + 1}", part, work, nice, root)
        for i, part in enumerate(parts)
    ]
    if len(rows) == 1:
        return rows[0]
    counts: Counter[str] = Counter()
    for r in rows:
        counts.update(r["counts"])  # type: ignore[arg-type]
    killed = counts.get("killed", 0) + counts.get("timeout", 0)
    tested = sum(counts.values()) - counts.get("skipped", 0)
    return {
        **rows[0],
        "tests": [r["tests"] for r in rows],
        "parts": [p for r in rows for p in r["parts"]],  # type: ignore[attr-defined]
        "mutants": sum(counts.values()),
        "killed": killed,
        "score": round(100 * killed / tested, 1) if tested else None,
        "counts": dict(sorted(counts.items())),
        "survivors": sorted(s for r in rows for s in r["survivors"]),  # type: ignore[attr-defined]
        "seconds": sum(r["seconds"] for r in rows),  # type: ignore[misc]
        "log": [r["log"] for r in rows],
    }


def _matches(name: str, pattern: str) -> bool:
    from fnmatch import fnmatch

    return fnmatch(name, pattern)


def table(rows: dict[str, dict[str, object]]) -> str:
    lines = [
        f"{'scope':<10} {'module':<22} {'mutants':>7} {'killed':>6} {'score':>6} "
        f"{'survived':>8} {'no tests':>8} {'equiv.':>6} {'time':>6}",
    ]
    for name, r in rows.items():
        counts = r["counts"]
        assert isinstance(counts, dict)
        lines.append(
            f"{name:<10} {r['module']!s:<22} {r['mutants']:>7} {r['killed']:>6} "
            f"{r['score']!s:>5}% {counts.get('survived', 0):>8} {counts.get('no tests', 0):>8} "
            f"{len(r['equivalent_marked']):>6} {int(r['seconds']) // 60:>4}min"  # type: ignore[arg-type]
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.mutation",
        description="Mutation testing of the security core (mutmut, one worker, niced).",
    )
    parser.add_argument("scopes", nargs="*", help=f"default: all of {', '.join(SCOPES)}")
    parser.add_argument("--output", type=Path, default=Path("mutation-results.json"))
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "mutation")
    parser.add_argument("--nice", type=int, default=15)
    parser.add_argument("--tests", nargs="+", help="pytest arguments in place of the scope's")
    parser.add_argument("--only", nargs="+", help="mutant name patterns in place of the scope's")
    parser.add_argument(
        "--root",
        type=Path,
        default=ROOT,
        help="mutate another checkout's code with its own tests (e.g. main's, for a score before)",
    )
    args = parser.parse_args(argv)
    chosen = args.scopes or list(SCOPES)
    unknown = set(chosen) - set(SCOPES)
    if unknown:
        parser.error(f"no scope named {', '.join(sorted(unknown))}; scopes: {', '.join(SCOPES)}")
    rows = {}
    scopes = {  # with --tests or --only, a scope is one part: the module and what was asked
        name: (
            (
                replace(
                    SCOPES[name][0],
                    tests=tuple(args.tests or SCOPES[name][0].tests),
                    only=tuple(args.only or SCOPES[name][0].only),
                ),
            )
            if args.tests or args.only
            else SCOPES[name]
        )
        for name in chosen
    }
    for name in chosen:
        print(f"{name}: mutating {scopes[name][0].module} …", flush=True)
        rows[name] = run_parts(name, scopes[name], args.work, args.nice, args.root.resolve())
        print(table({name: rows[name]}).splitlines()[1], flush=True)
    print()
    print(table(rows))
    for name, r in rows.items():
        for survivor in r["survivors"]:  # type: ignore[attr-defined]
            print(f"  {name}: {survivor}  (mutmut show {survivor}, in {args.work}/{name}*)")
    args.output.write_text(
        json.dumps(
            {"date": datetime.now().astimezone().isoformat(timespec="seconds"), "scopes": rows},
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"\nwritten to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

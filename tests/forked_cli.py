"""The `ulinzi` command line run as a process of its own, forked from a server that has already
imported it.

A new interpreter spends most of a second starting Python and importing SQLAlchemy, the models
and the services before the command does anything; the attack tests run hundreds of commands. A
fork of a process that has only imported the code (no store opened, no thread started, no
setting read) is still a separate process: its own memory, file handles, locks and exit code,
killed by the kernel like any other. The command runs with the caller's environment, working
folder, arguments and standard input, and its output is read back as `subprocess.run` gives it.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["desktop.main", "desktop.cli", "tests.forked_cli"])


def _command(argv: list[str], env: dict[str, str], cwd: str, files: tuple[str, str, str]) -> None:
    """In the forked process: become the command a shell would have started, then exit with
    its code."""
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    for fd, (path, flags) in enumerate(
        zip(files, (os.O_RDONLY, os.O_WRONLY | os.O_TRUNC, os.O_WRONLY | os.O_TRUNC), strict=True)
    ):
        opened = os.open(path, flags)
        os.dup2(opened, fd)
        os.close(opened)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 (the process's own)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.argv = [str(Path(cwd) / "desktop" / "main.py"), *argv]
    try:
        from desktop.main import main

        code = main(argv)
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        if not isinstance(e.code, int | None):
            print(e.code, file=sys.stderr)
    except BaseException:  # as the interpreter does: the traceback on stderr, exit code 1
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # no atexit of the server's, no multiprocessing clean-up


def run(argv: list[str], *, stdin: str, cwd: Path, timeout: float) -> subprocess.CompletedProcess:
    """`subprocess.run([python, "-m", "desktop.main", *argv], input=stdin, text=True,
    capture_output=True, cwd=cwd, timeout=timeout)`, by a fork."""
    with tempfile.TemporaryDirectory(prefix="ulinzi-cli-") as folder:
        files = tuple(str(Path(folder) / name) for name in ("stdin", "stdout", "stderr"))
        for path, content in zip(files, (stdin, "", ""), strict=True):
            Path(path).write_text(content, encoding="utf-8")
        process = _CONTEXT.Process(
            target=_command, args=(list(argv), dict(os.environ), str(cwd), files), daemon=False
        )
        process.start()
        process.join(timeout)
        if process.is_alive():
            process.kill()
            process.join()
            raise subprocess.TimeoutExpired([sys.executable, "-m", "desktop.main", *argv], timeout)
        out, err = (Path(p).read_text(encoding="utf-8") for p in files[1:])
    return subprocess.CompletedProcess(
        [sys.executable, "-m", "desktop.main", *argv], process.exitcode, out, err
    )

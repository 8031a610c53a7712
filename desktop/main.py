"""Entry point of the `ulinzi` command: a subcommand runs the command line, none opens the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from db.files import share_with_group
from desktop import logs


def wants_command_line(argv: Sequence[str]) -> bool:
    """A first word that is not an option is a subcommand: the window takes options only
    (`--store`, `--demo`), so `desktop.cli.build_parser` alone decides which commands exist
    and says so if the word is none of them."""
    return bool(argv) and (not argv[0].startswith("-") or argv[0] in ("-h", "--help"))


_RUNNING: list[int] = []  # the mutex handles, held until the process ends


def announce_running() -> None:
    """On Windows, hold the named mutex the installer's AppMutex looks for, so that setup asks
    to close Ulinzi before it replaces the program's files (installer/ulinzi.iss)."""
    if sys.platform != "win32":
        return
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = ctypes.c_void_p
    for name in ("Ulinzi.Running", "Global\\Ulinzi.Running"):
        handle = kernel32.CreateMutexW(None, False, name)
        if handle:
            _RUNNING.append(handle)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    logs.no_core_dumps()
    announce_running()
    share_with_group()  # before any file is made: the store is shared by the ulinzi group
    logs.configure()
    if wants_command_line(argv):
        from desktop import cli

        return cli.run(argv)
    # No command: the window. Qt is imported only on this path.
    from ui.app import main as window

    return window(argv)


if __name__ == "__main__":
    sys.exit(main())

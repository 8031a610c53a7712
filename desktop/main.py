"""Entry point of the `ulinzi` command: a subcommand runs the command line, none opens the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from desktop import logs

# The command line's subcommands (desktop.cli builds them); anything else opens the window.
COMMANDS = (
    "init",
    "user",
    "forms",
    "providers",
    "demo",
    "cases",
    "report",
    "check",
    "rekey",
    "recover",
    "agency",
    "export",
    "import",
    "backup",
    "restore",
)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    logs.no_core_dumps()
    logs.configure()
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        from desktop import cli

        return cli.run(argv)
    # No command: the window. Qt is imported only on this path.
    from ui.app import main as window

    return window(argv)


if __name__ == "__main__":
    sys.exit(main())

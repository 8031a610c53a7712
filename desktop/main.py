"""Entry point of the `ulinzi` command: a subcommand runs the command line, none opens the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from desktop import logs


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    logs.configure()
    from desktop import cli

    return cli.run(argv)


if __name__ == "__main__":
    sys.exit(main())

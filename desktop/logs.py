"""Logging to a rotating file that never holds names, case details, passwords or keys.

The log is plaintext on a shared PC, so what reaches it is decided here, once, rather than at
every call site: an exception is written as its type, where it happened in our code, and a few
facts that carry no data (an SQLite error name, an errno name). Exception messages are dropped:
a database driver's message can quote the statement's values, a validation error the value it
refused, a `KeyError` the key it missed (a form answer, a name).
"""

from __future__ import annotations

import errno
import logging
import logging.handlers
import os
import sys
import threading
import traceback
from contextlib import suppress
from pathlib import Path
from types import TracebackType

from desktop import paths

# Our packages: their frames are kept in a traceback; library frames are summarised.
_OURS = tuple(
    str(Path(__file__).resolve().parent.parent / p) + os.sep
    for p in ("desktop", "db", "ui", "reports")
)
_MAX_CHAIN = 5


def _facts(error: BaseException) -> str:
    """What an exception can tell without quoting data: codes and names, never its message."""
    facts = []
    for candidate in (error, getattr(error, "orig", None)):
        if candidate is None:
            continue
        name = getattr(candidate, "sqlite_errorname", None)
        if name:
            facts.append(str(name))
        number = getattr(candidate, "errno", None)
        if isinstance(number, int) and number in errno.errorcode:
            facts.append(errno.errorcode[number])
    text = getattr(error, "text", None)
    if isinstance(text, str) and type(error).__module__.startswith("db."):
        # Our own errors: the untranslated template, without its parameters.
        facts.append(repr(text))
    return f" ({', '.join(dict.fromkeys(facts))})" if facts else ""


def _frames(tb: TracebackType | None) -> list[str]:
    lines: list[str] = []
    skipped = 0
    for frame in traceback.extract_tb(tb):
        if frame.filename.startswith(_OURS):
            if skipped:
                lines.append(f"  … {skipped} library frame(s)")
                skipped = 0
            lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
        else:
            skipped += 1
    if skipped:
        lines.append(f"  … {skipped} library frame(s)")
    return lines


def describe_exception(error: BaseException) -> str:
    """A traceback without values: types, our frames and data-free facts, for the whole chain."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain and len(chain) < _MAX_CHAIN:
        chain.append(current)
        current = current.__cause__ or current.__context__
    parts = []
    for item in reversed(chain):
        kind = type(item)
        parts.append("Traceback (values removed):")
        parts.extend(_frames(item.__traceback__))
        parts.append(f"{kind.__module__}.{kind.__qualname__}{_facts(item)}")
    return "\n".join(parts)


class ScrubbingFormatter(logging.Formatter):
    """Formats exceptions with `describe_exception`; stack info is dropped."""

    def formatException(self, ei) -> str:  # type: ignore[no-untyped-def]  # noqa: N802
        return describe_exception(ei[1]) if ei and ei[1] is not None else ""

    def formatStack(self, stack_info: str) -> str:  # noqa: N802
        return ""


def no_core_dumps() -> None:
    """A crash must not write the process's memory (keys, names) to disk."""
    try:
        import resource
    except ImportError:  # Windows writes no core files
        return
    with suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_dumpable = 4
        with suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_dumpable, 0, 0, 0, 0)


def _uncaught(
    kind: type[BaseException], error: BaseException | None, tb: TracebackType | None
) -> None:
    """An error nobody caught (a Qt slot, a thread): to the log and stderr without its values.
    Stderr may be a file too (a desktop session's error log)."""
    if issubclass(kind, (KeyboardInterrupt, SystemExit)):
        sys.__excepthook__(kind, error or kind(), tb)
        return
    error = error if error is not None else kind.__new__(kind)
    logging.getLogger("ulinzi").error("uncaught error", exc_info=(kind, error, tb))
    with suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(describe_exception(error) + "\n")


def configure() -> None:
    folder = paths.log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_file(), maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("ulinzi")
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    sys.excepthook = _uncaught
    threading.excepthook = lambda a: _uncaught(a.exc_type, a.exc_value, a.exc_traceback)

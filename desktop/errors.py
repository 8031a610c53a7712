"""Our error classes and the translation marker, for the window: `ui/` imports them from here
(never from `db/`). Light on purpose: the sign-in screen needs them before the store code loads."""

from __future__ import annotations

from db.errors import (
    QT_TRANSLATE_NOOP,
    CannotWriteFolder,
    InvalidInput,
    LoginThrottled,
    UlinziError,
)

__all__ = [
    "QT_TRANSLATE_NOOP",
    "CannotWriteFolder",
    "InvalidInput",
    "LoginThrottled",
    "UlinziError",
]

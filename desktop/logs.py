"""Logging to a rotating file. Never log names, case details, passwords or keys."""

from __future__ import annotations

import logging
import logging.handlers

from desktop import paths


def configure() -> None:
    folder = paths.log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_file(), maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("ulinzi")
    root.setLevel(logging.INFO)
    root.addHandler(handler)

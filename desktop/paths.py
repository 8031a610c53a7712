"""Where things live on disk: the shared store folder and the log file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP = "Ulinzi"


def default_store_folder() -> Path:
    """The machine-wide store, shared by everyone who uses this PC (ULINZI_STORE overrides).

    Windows: C:\\ProgramData\\Ulinzi\\store. Linux: /var/lib/ulinzi/store, because a shared PC
    needs one place every account can reach and platformdirs' site folder (/usr/local/share)
    is read-only for users.
    """
    override = os.environ.get("ULINZI_STORE")
    if override:
        return Path(override)
    if sys.platform.startswith("linux"):
        return Path("/var/lib/ulinzi/store")
    return platformdirs.site_data_path(APP, appauthor=False) / "store"


def log_folder() -> Path:
    return platformdirs.user_log_path(APP, appauthor=False)


def log_file() -> Path:
    return log_folder() / "ulinzi.log"


def default_demo_folder() -> Path:
    """The demo store lives apart from the real one, in the user's own data folder."""
    override = os.environ.get("ULINZI_DEMO_STORE")
    if override:
        return Path(override)
    return platformdirs.user_data_path(APP, appauthor=False) / "demo-store"


DEMO_PASSWORD_FILE = "demo-password.txt"  # synthetic data only: the password is no secret

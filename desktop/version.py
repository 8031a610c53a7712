"""The program's version, as the About box and printouts show it: from the package metadata."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "ulinzi"
UNKNOWN = "unknown"


@cache
def version() -> str:
    """`0.1.0`: the installed distribution's version.

    The installed package (pip, or `pip install -e` for development) carries it in its
    metadata; the PyInstaller bundle copies that metadata in (`copy_metadata` in
    installer/ulinzi.spec). A source checkout run without installing falls back to
    pyproject.toml, and anything else to "unknown" rather than failing.
    """
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return _from_pyproject() or UNKNOWN


def _from_pyproject() -> str | None:
    path = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        with path.open("rb") as f:
            return str(tomllib.load(f)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return None

"""The fonts the documents print with, which back up the window's own: `reports/glyphs.py`,
re-exported so that `ui/` imports only `desktop/`."""

from __future__ import annotations

from reports.glyphs import FOLDER, FONTS, describe, first_undrawable

__all__ = ["FOLDER", "FONTS", "describe", "first_undrawable"]

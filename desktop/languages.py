"""The languages Ulinzi speaks, for the window: the one catalogue per language that the printed
documents read too (`reports/catalogue.py`), re-exported so that `ui/` imports only `desktop/`."""

from __future__ import annotations

from reports.catalogue import FOLDER, SOURCE_LANGUAGE, compile_catalogues, languages

__all__ = ["FOLDER", "SOURCE_LANGUAGE", "compile_catalogues", "languages"]

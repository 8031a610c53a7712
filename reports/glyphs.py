"""Which characters Ulinzi can show and print: those the bundled DejaVu Sans draws in each of
its three styles (regular, bold, oblique), so that nothing accepted turns into an empty box.

The window falls back to the same fonts (ui/app.py registers them), and the documents print
with them. Their coverage is kept as ranges in `fonts/coverage.txt`, written by
`python -m reports.glyphs` and checked against the fonts by the tests: reading the fonts' own
tables costs 150 ms, the ranges under 2 ms.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from pathlib import Path

# Not reports.layout: checking a name must not import ReportLab (300 ms) in the window.
FOLDER = Path(__file__).parent / "fonts"
FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
COVERAGE = FOLDER / "coverage.txt"
# Line breaks and tabs are not drawn, they move the text: a narrative may hold them.
_LAYOUT = frozenset("\n\r\t")


def font_coverage() -> set[int]:
    """The code points every style of the bundled font draws (read from the fonts)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    tables = [set(TTFontFile(str(FOLDER / f)).charToGlyph) for f in FONTS]
    return set.intersection(*tables) - set(range(0x20))


def _as_ranges(points: set[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for point in sorted(points):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return ranges


def write_coverage() -> None:
    lines = [f"{a:X}-{b:X}" for a, b in _as_ranges(font_coverage())]
    COVERAGE.write_text(
        "# Code points drawn by DejaVu Sans (all styles): python -m reports.glyphs\n"
        + "\n".join(lines)
        + "\n",
        encoding="ascii",
    )


@functools.cache
def _undrawn() -> re.Pattern[str]:
    """One character outside the ranges: a regular expression scans a 20,000-character
    narrative in C, where a Python loop over it would be felt at each keystroke."""
    ranges = [
        line.split("-")
        for line in COVERAGE.read_text(encoding="ascii").splitlines()
        if line and not line.startswith("#")
    ]
    allowed = "".join(
        f"{re.escape(chr(int(a, 16)))}-{re.escape(chr(int(b, 16)))}" for a, b in ranges
    )
    return re.compile(f"[^{re.escape(''.join(sorted(_LAYOUT)))}{allowed}]")


def drawable(character: str) -> bool:
    return _undrawn().match(character) is None


def first_undrawable(text: str) -> str | None:
    """The first character of `text` that would show as an empty box, or None."""
    found = _undrawn().search(text)
    return found.group() if found else None


def describe(character: str) -> str:
    """A character by its code and Unicode name ("U+1F476 BABY"), not by itself: the message
    saying that it cannot be drawn would show it as the very box it warns of."""
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X} {name}".strip()


if __name__ == "__main__":
    write_coverage()
    sys.exit(0)

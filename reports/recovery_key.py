"""The recovery key sheet: one A4 page to print, sign and lock in the office safe.

The words live here, in English, translated from the language's catalogue, so the window can
print the same sheet with Qt (`texts`, `key_rows`, `format_date`) as the PDF says. Text uses ReportLab's bundled Vera
TrueType fonts, embedded, so accents and œ print on any machine; the key itself uses Courier,
which every PDF reader has and which only needs the ASCII letters and digits of the key.
"""

from __future__ import annotations

import datetime
import io
from importlib import metadata
from pathlib import Path

import reportlab
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from reports.catalogue import QT_TRANSLATE_NOOP
from reports.texts import format_date, translated

SANS = "UlinziSans"
SANS_BOLD = "UlinziSans-Bold"
MONO = "Courier-Bold"
_FONT_FOLDER = Path(reportlab.__file__).parent / "fonts"

WORDS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("RecoveryKey", "Ulinzi recovery key"),
    "agency_code": QT_TRANSLATE_NOOP("RecoveryKey", "Agency code"),
    "created": QT_TRANSLATE_NOOP("RecoveryKey", "Created on {date}"),
    "key_label": QT_TRANSLATE_NOOP("RecoveryKey", "Recovery key"),
    "key_help": QT_TRANSLATE_NOOP(
        "RecoveryKey",
        "8 groups of 5 letters and digits. There is no letter I, L, O or U: 0 and 1 are always digits. The last character of each group is a check, so Ulinzi can tell which group was mistyped.",
    ),
    "what_heading": QT_TRANSLATE_NOOP("RecoveryKey", "What it is"),
    "what": QT_TRANSLATE_NOOP(
        "RecoveryKey",
        "This key opens the agency's encrypted Ulinzi store. It is the only way back in if every administrator password is lost: with it, a new password can be set for an account. Whoever holds this key can open every case file, so guard it like the case files themselves.",
    ),
    "keep_heading": QT_TRANSLATE_NOOP("RecoveryKey", "How to keep it"),
    "keep": QT_TRANSLATE_NOOP(
        "RecoveryKey",
        "Keep this sheet in a sealed envelope in the office safe. Never photograph it, scan it, e-mail it or send it by phone message, and keep no copy on any computer. If it is lost, or someone else may have seen it, an administrator must make a new recovery key at once: the old one then stops working.",
    ),
    "who_heading": QT_TRANSLATE_NOOP("RecoveryKey", "Who may use it"),
    "who": QT_TRANSLATE_NOOP(
        "RecoveryKey",
        "Only the head of the office, or an administrator they name, and only when no administrator can sign in. Write each use in the office register, then make a new recovery key.",
    ),
    "colon": QT_TRANSLATE_NOOP("RecoveryKey", ":"),
    "stored_by": QT_TRANSLATE_NOOP("RecoveryKey", "Stored by"),
    "signature": QT_TRANSLATE_NOOP("RecoveryKey", "Signature"),
    "date": QT_TRANSLATE_NOOP("RecoveryKey", "Date"),
    "confidential": QT_TRANSLATE_NOOP("RecoveryKey", "CONFIDENTIAL"),
    "footer": QT_TRANSLATE_NOOP("RecoveryKey", "Do not copy, photograph or send this page."),
    "demo_note": QT_TRANSLATE_NOOP(
        "RecoveryKey", "DEMO store with made-up data: this key opens only the demo store."
    ),
    "watermark": QT_TRANSLATE_NOOP("RecoveryKey", "DEMO"),
}


def texts(language: str) -> dict[str, str]:
    """The sheet's words in `language` (English when there is no such language)."""
    return translated(WORDS, "RecoveryKey", language)


def key_groups(recovery_key: str) -> list[str]:
    """The 8 groups of the key, however it was spaced or dashed."""
    cleaned = "".join(ch for ch in recovery_key.upper() if ch.isalnum())
    return [cleaned[i : i + 5] for i in range(0, len(cleaned), 5)]


def key_rows(recovery_key: str) -> list[list[str]]:
    """Two rows of four groups: short enough to copy by hand without losing one's place."""
    groups = key_groups(recovery_key)
    return [groups[i : i + 4] for i in range(0, len(groups), 4)]


def _register_fonts() -> None:
    if SANS not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(SANS, str(_FONT_FOLDER / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont(SANS_BOLD, str(_FONT_FOLDER / "VeraBd.ttf")))
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD)


def program_version() -> str:
    """Ulinzi's version for the footer, from the package metadata as desktop.version reads it
    (reports/ does not import desktop/); empty when the package is not installed."""
    try:
        return metadata.version("ulinzi")
    except metadata.PackageNotFoundError:
        return ""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


INK = HexColor("#1a1a1a")
MUTED = HexColor("#555555")
RULE = HexColor("#9e9e9e")
KEY_BACKGROUND = HexColor("#f2f2f2")
ALERT = HexColor("#9b1c1c")


def build_recovery_key_pdf(
    *,
    agency_name: str,
    agency_code: str,
    recovery_key: str,
    created: datetime.date,
    is_demo: bool = False,
    language: str = "en",
    version: str | None = None,
) -> bytes:
    """One A4 page; the same input always gives the same bytes (no timestamps, fixed ids).

    `version` is the program's, printed in the footer (the installed one when not given)."""
    _register_fonts()
    t = texts(language)
    width, height = A4
    margin = 22 * mm
    inner = width - 2 * margin
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1, pageCompression=1, initialFontName=SANS)
    c.setTitle(t["title"])
    c.setAuthor("Ulinzi")
    c.setCreator("Ulinzi")
    c.setSubject(f"{agency_name} ({agency_code})")

    if is_demo:
        # Drawn first so everything else prints over it.
        c.saveState()
        c.setFillColor(Color(0.91, 0.91, 0.91))
        c.translate(width / 2, height * 0.36)
        c.rotate(45)
        c.setFont(SANS_BOLD, 170)
        c.drawCentredString(0, -60, t["watermark"])
        c.restoreState()

    y = height - margin
    c.setFillColor(INK)
    c.setFont(SANS_BOLD, 22)
    y -= 22
    c.drawString(margin, y, t["title"])
    c.setFillColor(ALERT)
    c.setFont(SANS_BOLD, 10)
    c.drawRightString(width - margin, y + 6, t["confidential"])

    y -= 30
    c.setFillColor(INK)
    name_style = ParagraphStyle("agency", fontName=SANS_BOLD, fontSize=14, leading=18)
    name = Paragraph(_escape(agency_name), name_style)
    _, h = name.wrap(inner, 200)
    name.drawOn(c, margin, y - h + 14)
    y -= h + 2
    c.setFont(SANS, 10.5)
    c.setFillColor(MUTED)
    c.drawString(
        margin,
        y,
        f"{t['agency_code']}{t['colon']} {agency_code}    ·    "
        + t["created"].format(date=format_date(created, language)),
    )
    if is_demo:
        note_style = ParagraphStyle(
            "demo", fontName=SANS_BOLD, fontSize=10.5, leading=14, textColor=ALERT
        )
        note = Paragraph(_escape(t["demo_note"]), note_style)
        _, h = note.wrap(inner, 200)
        note.drawOn(c, margin, y - 6 - h)
        y -= h + 6

    y -= 14
    c.setStrokeColor(RULE)
    c.setLineWidth(0.6)
    c.line(margin, y, width - margin, y)

    # -- the key ---------------------------------------------------------------------------------
    y -= 30
    c.setFillColor(INK)
    c.setFont(SANS_BOLD, 12)
    c.drawString(margin, y, t["key_label"])
    rows = key_rows(recovery_key)
    size = 27
    group_width = pdfmetrics.stringWidth("MMMMM", MONO, size)
    gap = 34
    row_height = 58
    box_height = 22 + row_height * len(rows)
    y -= 10
    box_top = y
    c.setFillColor(KEY_BACKGROUND)
    c.setStrokeColor(RULE)
    c.roundRect(margin, box_top - box_height, inner, box_height, 6, stroke=1, fill=1)
    row_width = 4 * group_width + 3 * gap
    number = 0
    baseline = box_top - 14 - size
    for row in rows:
        x = margin + (inner - row_width) / 2
        for group in row:
            number += 1
            c.setFillColor(INK)
            c.setFont(MONO, size)
            c.drawString(x, baseline, group)
            # Group numbers match the error "group 3 looks mistyped".
            c.setFillColor(MUTED)
            c.setFont(SANS, 8)
            c.drawCentredString(x + group_width / 2, baseline - 15, str(number))
            x += group_width + gap
        baseline -= row_height
    y = box_top - box_height - 8

    help_style = ParagraphStyle(
        "help", fontName=SANS, fontSize=9, leading=12, textColor=MUTED, alignment=TA_LEFT
    )
    para = Paragraph(_escape(t["key_help"]), help_style)
    _, h = para.wrap(inner, 200)
    para.drawOn(c, margin, y - h)
    y -= h + 20

    # -- instructions ----------------------------------------------------------------------------
    heading = ParagraphStyle("h", fontName=SANS_BOLD, fontSize=12, leading=15, textColor=INK)
    body = ParagraphStyle(
        "body", fontName=SANS, fontSize=10.5, leading=15, textColor=INK, alignment=TA_LEFT
    )
    for key in ("what", "keep", "who"):
        for text, style, after in ((t[f"{key}_heading"], heading, 4), (t[key], body, 14)):
            para = Paragraph(_escape(text), style)
            _, h = para.wrap(inner, 400)
            para.drawOn(c, margin, y - h)
            y -= h + after

    # -- who stored it ---------------------------------------------------------------------------
    y -= 30
    c.setFillColor(INK)
    c.setStrokeColor(INK)
    c.setLineWidth(0.5)
    c.setFont(SANS, 10.5)
    columns = (("stored_by", 0.45), ("signature", 0.33), ("date", 0.22))
    x = margin
    for key, share in columns:
        label = t[key] + t["colon"]
        c.drawString(x, y, label)
        start = x + pdfmetrics.stringWidth(label, SANS, 10.5) + 4
        end = x + inner * share - 12
        c.line(start, y - 2, end, y - 2)
        x += inner * share

    # -- footer ----------------------------------------------------------------------------------
    footer_y = margin - 6
    c.setStrokeColor(RULE)
    c.line(margin, footer_y + 16, width - margin, footer_y + 16)
    c.setFillColor(ALERT)
    c.setFont(SANS_BOLD, 11)
    c.drawCentredString(width / 2, footer_y, t["confidential"])
    c.setFillColor(MUTED)
    c.setFont(SANS, 8.5)
    c.drawCentredString(width / 2, footer_y - 12, t["footer"])
    version = program_version() if version is None else version
    if version:  # which program made the sheet, for whoever finds it years later
        c.setFont(SANS, 7.5)
        c.drawRightString(width - margin, footer_y, f"Ulinzi {version}")

    c.showPage()
    c.save()
    return out.getvalue()

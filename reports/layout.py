"""The parts every printed case document shares: fonts, paper, letterhead, running header and
footer (CONFIDENTIAL, print date, page x of y, verification code), the DEMO watermark, field
tables, long text, signature blocks and the verification code with its QR code.

Builders give plain data and a list of flowables to `render`; the same input gives the same
bytes (ReportLab's invariant mode, no clock read here).
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import io
import itertools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from reports.texts import format_date, texts

FONT = "UlinziDejaVu"
FONT_BOLD = "UlinziDejaVu-Bold"
FONT_ITALIC = "UlinziDejaVu-Oblique"
FONT_FOLDER = Path(__file__).parent / "fonts"
FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
}
PAPERS = {"A4": A4, "Letter": LETTER}
MARGIN = 18 * mm

INK = HexColor("#1a1a1a")
MUTED = HexColor("#555555")
RULE = HexColor("#9e9e9e")
LIGHT = HexColor("#eef1f4")
ACCENT = HexColor("#1f3a5f")
ALERT = HexColor("#9b1c1c")
WATERMARK = Color(0.90, 0.90, 0.90)
NONE = "—"  # an unanswered question: visible, so a reader sees what was left out


def register_fonts() -> None:
    """DejaVu Sans, shipped in reports/fonts (free licence): accents, œ, « », curly quotes."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_FOLDER / file)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )


def missing_glyphs(text: str) -> set[str]:
    """Characters of `text` the document font cannot draw (tests check every form text)."""
    register_fonts()
    font = pdfmetrics.getFont(FONT)
    covered = font.face.charToGlyph
    return {ch for ch in text if ch not in "\n\r\t" and ord(ch) not in covered}


# -- plain data shared by the documents ------------------------------------------------------------


@dataclass(frozen=True)
class Letterhead:
    agency_name: str
    agency_code: str
    district: str = ""
    country: str = ""
    logo: bytes | None = None  # PNG or JPEG
    is_demo: bool = False


@dataclass(frozen=True)
class PrintOptions:
    """How this copy is printed; not part of the document's content or its verification code."""

    printed_on: datetime.date
    language: str = "en"
    paper: str = "A4"
    printed_by: str = ""


@dataclass(frozen=True)
class Verification:
    """What ties a paper copy to the record: case, document, version and a hash of the content."""

    case_number: str
    kind: str
    version: int
    digest: str  # SHA-256 hex of the document's content

    @property
    def short(self) -> str:
        return f"{self.digest[:4]}-{self.digest[4:8]}".upper()

    @property
    def text(self) -> str:
        return f"{self.case_number} · {self.kind.upper()} · v{self.version} · {self.short}"

    @property
    def payload(self) -> str:
        """What the QR code holds: the same facts, machine-readable, no name of anyone."""
        return f"ULINZI:{self.case_number}:{self.kind}:{self.version}:{self.short}"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    raise TypeError(f"cannot hash {type(value).__name__}")


def content_digest(content: Any) -> str:
    """SHA-256 of a document's content (a dataclass of plain data), canonically serialised."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, default=_plain)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- styles ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    note: ParagraphStyle
    section: ParagraphStyle


def styles(size: float = 9.5) -> Styles:
    """Paragraph styles from one body size (9.5 pt for forms, larger for a child's copy)."""
    register_fonts()
    lead = size * 1.35
    return Styles(
        body=ParagraphStyle("body", fontName=FONT, fontSize=size, leading=lead, textColor=INK),
        small=ParagraphStyle(
            "small", fontName=FONT, fontSize=size * 0.82, leading=size * 1.1, textColor=MUTED
        ),
        label=ParagraphStyle(
            "label", fontName=FONT, fontSize=size * 0.9, leading=size * 1.2, textColor=MUTED
        ),
        heading=ParagraphStyle(
            "heading",
            fontName=FONT_BOLD,
            fontSize=size * 1.25,
            leading=size * 1.6,
            textColor=ACCENT,
            spaceBefore=size * 1.2,
            spaceAfter=size * 0.4,
        ),
        title=ParagraphStyle(
            "title", fontName=FONT_BOLD, fontSize=size * 1.9, leading=size * 2.3, textColor=INK
        ),
        cell=ParagraphStyle("cell", fontName=FONT, fontSize=size * 0.92, leading=size * 1.22),
        cell_bold=ParagraphStyle(
            "cellb", fontName=FONT_BOLD, fontSize=size * 0.92, leading=size * 1.22
        ),
        note=ParagraphStyle(
            "note", fontName=FONT_ITALIC, fontSize=size * 0.9, leading=size * 1.25, textColor=MUTED
        ),
        section=ParagraphStyle(
            "section",
            fontName=FONT_BOLD,
            fontSize=size * 0.9,
            leading=size * 1.2,
            textColor=MUTED,
            spaceBefore=6,
            spaceAfter=2,
        ),
    )


def escape(text: str) -> str:
    """What a person typed is text, never markup; line breaks are kept."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r\n", "\n")
        .replace("\n", "<br/>")
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text) if text else NONE, style)


# -- building blocks ---------------------------------------------------------------------------------


def heading(text: str, st: Styles) -> Flowable:
    """A section heading that never sits alone at the bottom of a page.

    (Not keepWithNext: ReportLab then moves a long table that follows to a new page whole.)"""
    return KeepTogether([CondPageBreak(30 * mm), Paragraph(escape(text), st.heading)])


def fields_table(rows: Sequence[tuple[str, str]], st: Styles, width: float) -> Table:
    """Question and answer rows; a long answer splits across pages inside its row."""
    data = [[para(q, st.label), para(a, st.cell)] for q, a in rows]
    table = Table(
        data, colWidths=[width * 0.34, width * 0.66], splitInRow=1, hAlign="LEFT", repeatRows=0
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    st: Styles,
    widths: Sequence[float],
) -> Table:
    """A table whose header repeats on every page it runs over; cells wrap, rows may split."""
    data = [[para(h, st.cell_bold) for h in header]]
    data += [[para(c, st.cell) for c in row] for row in rows]
    table = Table(data, colWidths=list(widths), repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def long_text(label: str, text: str, st: Styles) -> list[Flowable]:
    """A labelled block of free text: each paragraph its own flowable, so it splits anywhere."""
    out: list[Flowable] = [Paragraph(escape(label), st.label)] if label else []
    chunks = [c for c in str(text or "").replace("\r\n", "\n").split("\n\n")] or [""]
    for chunk in chunks:
        out.append(para(chunk.strip(), st.body))
        out.append(Spacer(0, 3))
    out.append(Spacer(0, 4))
    return out


class SignatureBlock(Flowable):
    """Who signs: role, printed name (or a line to write it), signature and date lines, and for a
    child or caregiver who does not write, a box for a thumbprint."""

    def __init__(
        self,
        role: str,
        name: str,
        words: dict[str, str],
        width: float,
        thumbprint: bool = False,
        size: float = 9.5,
    ) -> None:
        super().__init__()
        self.role, self.name, self.words = role, name, words
        self.width, self.thumbprint, self.size = width, thumbprint, size
        self.height = (30 * mm if thumbprint else 26 * mm) * max(1.0, size / 9.5)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        size = self.size
        box = 24 * mm if self.thumbprint else 0
        line_end = self.width - (box + 6 * mm if box else 4 * mm)
        y = self.height - size
        c.setFillColor(ACCENT)
        c.setFont(FONT_BOLD, size)
        c.drawString(0, y, _fit(self.role, FONT_BOLD, size, line_end))
        c.setFillColor(INK)
        c.setStrokeColor(INK)
        c.setLineWidth(0.5)
        rows = (
            (self.words["name"], self.name),
            (self.words["signature"], ""),
            (self.words["date"], ""),
        )
        for caption, value in rows:
            y -= size * 2.1
            c.setFont(FONT, size * 0.9)
            text = caption + self.words["colon"]
            c.drawString(0, y, text)
            start = pdfmetrics.stringWidth(text, FONT, size * 0.9) + 4
            if value:  # a long name prints smaller rather than cut, down to 6 pt
                room = line_end - start
                fitted = size
                while fitted > 6 and pdfmetrics.stringWidth(value, FONT_BOLD, fitted) > room:
                    fitted -= 0.25
                c.setFont(FONT_BOLD, fitted)
                c.drawString(start, y + 1, _fit(value, FONT_BOLD, fitted, room))
            c.line(start, y - 2, line_end, y - 2)
        if box:
            x = self.width - box
            bottom = 5
            c.setStrokeColor(RULE)
            c.rect(x, bottom + size, box, box - 4, stroke=1, fill=0)
            c.setFillColor(MUTED)
            c.setFont(FONT, size * 0.72)
            c.drawCentredString(x + box / 2, bottom, self.words["thumbprint"])


@dataclass(frozen=True)
class Signer:
    role: str
    name: str = ""
    thumbprint: bool = False


def signatures(
    title: str, signers: Sequence[Signer], words: dict[str, str], st: Styles, width: float
) -> Flowable:
    """Signature blocks two by two under their heading, kept together on one page."""
    column = (width - 10 * mm) / 2
    size = min(st.body.fontSize, 12)  # a child's copy writes larger, within the column
    blocks = [SignatureBlock(s.role, s.name, words, column, s.thumbprint, size) for s in signers]
    rows = [
        blocks[i : i + 2] + [""] * (2 - len(blocks[i : i + 2])) for i in range(0, len(blocks), 2)
    ]
    table = Table(rows, colWidths=[column + 10 * mm, column], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return KeepTogether([Paragraph(escape(title), st.heading), table] if title else [table])


class QrCode(Flowable):
    """The verification code as a QR code, its dark modules drawn straight on the page.

    ReportLab's QrCodeWidget builds a drawing of one validated shape per run of modules and
    encodes the payload twice (for its bounds, then to draw): 100–200 ms per document, most of
    a printout's time. Encoding once and filling rectangles takes a few milliseconds."""

    BORDER = 4  # modules of quiet zone around the code, as the widget had

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload, self.size = payload, size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(self.payload)
        code.make()
        count = code.getModuleCount()
        module = self.size / (count + 2 * self.BORDER)
        self.canv.setFillColorRGB(0, 0, 0)
        path = self.canv.beginPath()
        for r, row in enumerate(code.modules):
            c = 0
            for dark, run in itertools.groupby(bool(m) for m in row):
                length = sum(1 for _ in run)
                if dark:
                    y = self.size - (r + self.BORDER + 1) * module
                    # A hair taller than a module, so no light line shows between rows.
                    path.rect((c + self.BORDER) * module, y, length * module, module * 1.05)
                c += length
        self.canv.drawPath(path, stroke=0, fill=1)


def letterhead(
    head: Letterhead,
    title: str,
    subtitle: str,
    verification: Verification,
    words: dict[str, str],
    st: Styles,
    width: float,
) -> Flowable:
    """The first page's top: logo, agency, document title, case number, and the verification
    code with its QR code at the right."""
    left: list[Flowable] = []
    agency_lines = [escape(head.agency_name)]
    place = ", ".join(p for p in (head.district, head.country) if p)
    if place:
        agency_lines.append(escape(place))
    agency = Paragraph(
        f"<b>{agency_lines[0]}</b>" + "".join(f"<br/>{line}" for line in agency_lines[1:]),
        st.body,
    )
    if head.logo:
        try:
            reader = ImageReader(io.BytesIO(head.logo))
            w, h = reader.getSize()
            reader.getRGBData()  # decode it all now: a truncated file fails here, not mid-build
            height = 16 * mm
            logo = _Image(reader, height * w / h, height)
            left.append(Table([[logo, agency]], colWidths=[height * w / h + 4 * mm, None]))
        except Exception:  # an unreadable logo must not stop a form from printing
            left.append(agency)
    else:
        left.append(agency)
    left.append(Spacer(0, 5 * mm))
    left.append(Paragraph(escape(title), st.title))
    if subtitle:
        left.append(Paragraph(escape(subtitle), st.body))
    qr_size = 24 * mm
    right = [
        QrCode(verification.payload, qr_size),
        Paragraph(escape(words["verification"]), st.small),
        Paragraph(
            f"<b>{escape(verification.case_number)}<br/>"
            f"{escape(verification.text.removeprefix(verification.case_number + ' · '))}</b>",
            st.small,
        ),
    ]
    table = Table(
        [[left, right]], colWidths=[width - qr_size - 26 * mm, qr_size + 26 * mm], hAlign="LEFT"
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 0.8, ACCENT),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


class _Image(Flowable):
    def __init__(self, reader: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.reader, self.width, self.height = reader, width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height, mask="auto")


# -- the page and the document ----------------------------------------------------------------------


def _numbered_canvas(footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds its pages until the end, to print "page x of y" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("invariant", 1)
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


@dataclass(frozen=True)
class Document:
    """What a builder returns: the PDF and the code printed on it."""

    pdf: bytes
    verification: Verification
    pages: int


def render(
    *,
    head: Letterhead,
    options: PrintOptions,
    title: str,
    verification: Verification,
    story: Iterable[Flowable],
    reference: str | None = None,
) -> Document:
    """Lay out `story` on the agency's paper with the shared header, footer and watermark.

    `reference` is what the running header names after the title (by default the case)."""
    register_fonts()
    words = texts(options.language)
    pagesize = PAPERS.get(options.paper, A4)
    page_width, page_height = pagesize
    printed = words["printed_on"].format(date=format_date(options.printed_on, options.language))
    reference = reference or f"{words['case']} {verification.case_number}"
    running = f"{head.agency_name} · {title} · {reference}"

    def page_begin(c: Canvas, doc: BaseDocTemplate) -> None:
        if head.is_demo:  # drawn first: everything else prints over it
            c.saveState()
            c.setFillColor(WATERMARK)
            c.translate(page_width / 2, page_height * 0.42)
            c.rotate(50)
            c.setFont(FONT_BOLD, 150)
            c.drawCentredString(0, -50, words["demo"])
            c.restoreState()
        if doc.page > 1:
            c.saveState()
            c.setFont(FONT, 8)
            c.setFillColor(MUTED)
            y = page_height - MARGIN + 6 * mm
            c.drawString(MARGIN, y, _fit(running, FONT, 8, page_width - 2 * MARGIN))
            c.setStrokeColor(RULE)
            c.setLineWidth(0.4)
            c.line(MARGIN, y - 3, page_width - MARGIN, y - 3)
            c.restoreState()

    def footer(c: Canvas, number: int, total: int) -> None:
        c.saveState()
        y = MARGIN - 8 * mm
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        c.line(MARGIN, y + 10, page_width - MARGIN, y + 10)
        c.setFillColor(ALERT)
        c.setFont(FONT_BOLD, 8.5)
        c.drawString(MARGIN, y, words["confidential"])
        c.setFillColor(MUTED)
        c.setFont(FONT, 8)
        c.drawCentredString(page_width / 2, y, printed)
        c.drawRightString(page_width - MARGIN, y, words["page_of"].format(page=number, pages=total))
        c.setFont(FONT, 7)
        c.drawString(MARGIN, y - 10, f"{words['verification']} {verification.text}")
        c.drawRightString(page_width - MARGIN, y - 10, words["confidential_note"])
        c.restoreState()

    counted: list[int] = []

    def footer_and_count(c: Canvas, number: int, total: int) -> None:
        footer(c, number, total)
        counted[:] = [total]

    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=f"{title} – {verification.case_number}",  # the metadata names no child
        author=head.agency_name,
        creator="Ulinzi",
        subject=verification.text,
        invariant=1,
        pageCompression=1,
    )
    frame = Frame(
        doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", showBoundary=0
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=page_begin)])
    doc.build(list(story), canvasmaker=_numbered_canvas(footer_and_count))
    return Document(pdf=out.getvalue(), verification=verification, pages=counted[0])


@functools.cache
def prepare() -> None:
    """Load what every document needs the first time (the fonts, ReportLab's lazily imported
    code and caches) by making a small throwaway one: the first printout of a session then
    costs what the next ones do. Nothing of it is kept but the caches."""
    st = styles()
    verification = Verification("X-0000-00000", "closure", 1, "0" * 64)
    render(
        head=Letterhead(agency_name="Ulinzi", agency_code="X"),
        options=PrintOptions(printed_on=datetime.date(2000, 1, 1)),
        title="Ulinzi",
        verification=verification,
        story=[
            heading("Ulinzi", st),
            fields_table([("é œ « »", "<b>Ulinzi</b>")], st, 300),
            *long_text("Ulinzi", "Ulinzi", st),
            signatures("Ulinzi", [Signer("Ulinzi", "", thumbprint=True)], texts("en"), st, 300),
            QrCode(verification.payload, 24 * mm),
        ],
    )


def frame_width(options: PrintOptions) -> float:
    return PAPERS.get(options.paper, A4)[0] - 2 * MARGIN


def _fit(text: str, font: str, size: float, width: float) -> str:
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def yes_no(value: bool | None, words: dict[str, str]) -> str:
    return "" if value is None else words["yes"] if value else words["no"]


__all__ = [
    "Document",
    "Letterhead",
    "PrintOptions",
    "Signer",
    "Styles",
    "Verification",
    "content_digest",
    "data_table",
    "escape",
    "fields_table",
    "frame_width",
    "heading",
    "letterhead",
    "long_text",
    "para",
    "render",
    "signatures",
    "styles",
]

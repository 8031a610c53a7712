"""The monthly return on paper: the office's counts for one month and the Standard 15 indicator
table, with the same letterhead, running header, footer and verification code as the closure
form. It names no child: only counts, in tables that fit A4 (or Letter) portrait.

The builder takes plain data (`ReturnDocument`), already in the return's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from reports.layout import (
    ACCENT,
    LIGHT,
    RULE,
    Document,
    Letterhead,
    PrintOptions,
    Styles,
    Verification,
    content_digest,
    escape,
    fields_table,
    frame_width,
    heading,
    letterhead,
    render,
    styles,
)
from reports.texts import texts

KIND = "monthly"


@dataclass(frozen=True)
class ReturnTable:
    title: str
    header: tuple[str, ...]  # the row heading, then each column's
    rows: tuple[tuple[str, ...], ...]  # a label, then the cells as printed
    total_last: bool = True  # the last row is the total: printed bold
    text_columns: int = 1  # the first columns hold words; the others numbers, to the right
    narrow_label: bool = False  # columns with long headings (Referrals made): more room for them


@dataclass(frozen=True)
class ReturnDocument:
    title: str
    subtitle: str  # the month and whose cases
    reference: str  # "KGL 2026-11": what the verification code and running header name
    facts: tuple[tuple[str, str], ...]  # agency, month, scope
    notes_title: str
    notes: tuple[str, ...]  # how each figure is counted
    tables: tuple[ReturnTable, ...]
    indicators: ReturnTable  # its second column is the indicator's name: wider


def verification_of(data: ReturnDocument) -> Verification:
    return Verification(data.reference, KIND, 1, content_digest(data))


def _table(t: ReturnTable, st: Styles, widths: Sequence[float]) -> Table:
    number = ParagraphStyle("number", parent=st.cell, alignment=TA_RIGHT)
    number_bold = ParagraphStyle("numberb", parent=st.cell_bold, alignment=TA_RIGHT)
    n = t.text_columns
    data = [
        [Paragraph(escape(h), st.cell_bold) for h in t.header[:n]]
        + [Paragraph(escape(h), number_bold) for h in t.header[n:]]
    ]
    for i, row in enumerate(t.rows):
        last = t.total_last and i == len(t.rows) - 1
        data.append(
            [Paragraph(escape(c), st.cell_bold if last else st.cell) for c in row[:n]]
            + [Paragraph(escape(c), number_bold if last else number) for c in row[n:]]
        )
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if t.total_last and t.rows:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 0.6, ACCENT))
    table.setStyle(TableStyle(style))
    return table


def _widths(columns: int, width: float, first: float) -> list[float]:
    return [first] + [(width - first) / (columns - 1)] * (columns - 1)


def build(data: ReturnDocument, head: Letterhead, options: PrintOptions) -> Document:
    st = styles(9)
    width = frame_width(options)
    words = texts(options.language)
    verification = verification_of(data)
    story: list[Flowable] = [
        letterhead(head, data.title, data.subtitle, verification, words, st, width),
        Spacer(0, 4 * mm),
        fields_table(list(data.facts), st, width),
    ]
    for t in data.tables:
        # Counts by sex: a wide label column; by measure: room for "Transferred" in a column.
        table = _table(t, st, _widths(len(t.header), width, 46 * mm if t.narrow_label else 62 * mm))
        # A short table stays with its heading on one page; a long one runs on, its header
        # repeated.
        if len(t.rows) <= 14:
            story.append(KeepTogether([Paragraph(escape(t.title), st.heading), table]))
        else:
            story.extend([heading(t.title, st), table])
    ind = data.indicators
    widths = [14 * mm, width - 14 * mm - 4 * 20 * mm, *([20 * mm] * 4)]
    story.append(KeepTogether([Paragraph(escape(ind.title), st.heading), _table(ind, st, widths)]))
    story.append(heading(data.notes_title, st))
    for note in data.notes:
        story.extend([Paragraph(escape(note), st.small), Spacer(0, 1.5 * mm)])
    return render(
        head=head,
        options=options,
        title=data.title,
        verification=verification,
        story=story,
        reference=data.reference,
    )

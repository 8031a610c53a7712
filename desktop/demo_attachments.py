"""A couple of attached documents for the demo store: a scanned birth certificate (a PNG drawn
here) and a medical report (a one-page PDF), on the newest open cases. Synthetic and small, so
the demo builds fast and shows the Attachments tab, the viewer and the case summary's list."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from datetime import UTC, datetime, timedelta
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import insert
from sqlalchemy.orm import Session

from db.models import CaseAttachment, CaseAttachmentData, CaseStatus

DEMO_NOTE = "Demo document: synthetic, not a real record."


def scanned_certificate(width: int = 420, height: int = 300) -> bytes:
    """A PNG that looks like a scanned form: a paper tint, a border, a header band and lines."""

    def pixel(x: int, y: int) -> bytes:
        if x < 8 or y < 8 or x >= width - 8 or y >= height - 8:
            return b"\x2f\x4f\x7f"  # the printed border
        if 20 <= y < 56 and 20 <= x < width - 20:
            return b"\x9d\xb7\xd6"  # the header band
        if y > 80 and (y - 80) % 28 < 2 and 30 <= x < width - 30:
            return b"\x8a\x8a\x8a"  # the lines the clerk wrote on
        return b"\xf7\xf1\xe1"  # the paper

    raw = b"".join(b"\x00" + b"".join(pixel(x, y) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def medical_report(day: datetime) -> bytes:
    """A one-page PDF letter from a (made-up) health centre."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=True)
    page.setTitle("Medical report")
    page.setFont("Helvetica-Bold", 16)
    page.drawString(72, 770, "Demo Health Centre")
    page.setFont("Helvetica", 11)
    lines = [
        f"Date: {day.date().isoformat()}",
        "",
        "Medical report",
        "",
        "The child was seen at the outpatient clinic. General condition good;",
        "weight and height within the expected range for the age.",
        "Vaccinations brought up to date. Follow-up in three months.",
        "",
        DEMO_NOTE,
    ]
    for n, line in enumerate(lines):
        page.drawString(72, 730 - 16 * n, line)
    page.showPage()
    page.save()
    return out.getvalue()


def add_demo_attachments(s: Session, cases: list[dict[str, Any]]) -> None:
    """Attach a certificate and a report to the two newest open cases, as their caseworker."""
    open_cases = [c for c in cases if c["status"] == CaseStatus.OPEN.value][-2:]
    certificate = scanned_certificate()
    for case in open_cases:
        registered: datetime = case["registered_at"]
        documents = [
            ("birth_certificate", case["birth_date"], "birth-certificate-scan.png", certificate),
            ("medical_report", registered.date(), "medical-report.pdf", medical_report(registered)),
        ]
        for kind, day, file_name, data in documents:
            attachment_id = s.execute(
                insert(CaseAttachment)
                .values(
                    case_id=case["id"],
                    kind=kind,
                    document_date=day,
                    description=DEMO_NOTE,
                    file_name=file_name,
                    media_type="image/png" if file_name.endswith(".png") else "application/pdf",
                    size=len(data),
                    sha256=hashlib.sha256(data).hexdigest(),
                    added_by=case["caseworker_id"],
                    added_at=min(registered + timedelta(minutes=30), datetime.now(UTC)),
                )
                .returning(CaseAttachment.id)
            ).scalar_one()
            s.execute(insert(CaseAttachmentData).values(attachment_id=attachment_id, data=data))

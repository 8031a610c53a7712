"""A QR code as rows of dark (True) and light modules, from ReportLab's encoder (a library we
already ship for the PDFs): the window draws it, so it needs no imaging library of its own."""

from __future__ import annotations


def qr_modules(text: str) -> list[list[bool]]:
    from reportlab.graphics.barcode.qr import QrCodeWidget

    widget = QrCodeWidget(text, barLevel="M")
    widget.draw()
    qr = widget.qr
    count = qr.getModuleCount()
    return [[bool(qr.isDark(row, column)) for column in range(count)] for row in range(count)]

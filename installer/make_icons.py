"""Render installer/ulinzi.svg into the PNG (Linux menus) and ICO (Windows) icons beside it.

Run after changing the SVG: `QT_QPA_PLATFORM=offscreen python installer/make_icons.py`.
The outputs are committed, so building an installer needs neither Qt's SVG module nor Pillow.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """Each size drawn from the vector shape, not scaled down from a big bitmap."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs it
    renderer = QSvgRenderer(str(HERE / "ulinzi.svg"))
    images = {size: render(renderer, size) for size in ICO_SIZES}
    images[256].save(HERE / "ulinzi.png", optimize=True)
    largest = images[256]
    largest.save(
        HERE / "ulinzi.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != 256],
    )


if __name__ == "__main__":
    main()

"""The recovery key sheet: the key, the agency and the warnings are on it, in either language."""

from __future__ import annotations

import io
import subprocess
from datetime import date

from pypdf import PdfReader

from db.recovery_code import new_recovery_code
from reports.recovery_key import build_recovery_key_pdf, format_date

AGENCY = "Office de protection de l'enfance – Hôpital Cœur"


def _pdf(language: str = "en", is_demo: bool = False, key: str | None = None) -> bytes:
    return build_recovery_key_pdf(
        agency_name=AGENCY,
        agency_code="KGL",
        recovery_key=key or "SCP3A-PGJV3-K093H-ESZ66-8C58Q-4702K-G5KVW-D4YPE",
        created=date(2026, 3, 1),
        is_demo=is_demo,
        language=language,
    )


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())  # line breaks fall anywhere


def test_the_sheet_shows_every_key_group_the_agency_and_the_warnings():
    key = new_recovery_code()
    text = _text(_pdf(key=key))
    for group in key.split("-"):
        assert group in text
    assert AGENCY in text  # accents, the dash and œ come through the embedded font
    assert "KGL" in text
    assert "1 March 2026" in text
    assert "CONFIDENTIAL" in text
    assert "office safe" in text
    assert "Never photograph it" in text
    assert "Stored by:" in text and "Signature:" in text and "Date:" in text
    assert "DEMO" not in text


def test_the_french_sheet_gives_the_instructions_in_french():
    text = _text(_pdf("fr"))
    assert "Clé de secours Ulinzi" in text
    assert "coffre-fort du bureau" in text
    assert "Ne la photographiez pas" in text
    assert "1er mars 2026" in text
    assert "CONFIDENTIEL" in text
    assert "Rangée par" in text
    assert AGENCY in text


def test_an_unknown_language_falls_back_to_english():
    assert "Ulinzi recovery key" in _text(_pdf("sw"))


def test_a_demo_sheet_says_demo():
    text = _text(_pdf(is_demo=True))
    assert "DEMO" in text
    assert "opens only the demo store" in text


def test_the_same_input_gives_the_same_bytes():
    assert _pdf() == _pdf()
    assert _pdf("fr", is_demo=True) == _pdf("fr", is_demo=True)
    assert _pdf() != _pdf("fr")


def test_dates_are_written_in_words():
    assert format_date(date(2026, 11, 14), "en") == "14 November 2026"
    assert format_date(date(2026, 8, 1), "fr") == "1er août 2026"
    assert format_date(date(2026, 8, 2), "fr") == "2 août 2026"


def test_the_sheet_renders_as_an_a4_page(tmp_path):
    source = tmp_path / "key.pdf"
    source.write_bytes(_pdf("fr", is_demo=True))
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-singlefile", str(source), str(tmp_path / "page")],
        check=True,
        capture_output=True,
        timeout=30,
    )
    png = (tmp_path / "page.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    width = int.from_bytes(png[16:20], "big")
    height = int.from_bytes(png[20:24], "big")
    assert abs(width - 496) <= 1 and abs(height - 702) <= 1  # A4 at 60 dpi
    assert len(png) > 20_000  # a blank page compresses to a few kilobytes

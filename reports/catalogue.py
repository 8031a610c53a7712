"""One catalogue of words per language: `ui/translations/ulinzi_<lang>.ts`, compiled to `.qm`.

The window installs it into Qt (`ui/i18n.py`); the printed documents and the command line read
the same compiled file here, without Qt: a PDF printed from the command line costs no QtCore
import (100-200 ms here) and needs no QApplication, and a French PDF can be printed while the
window speaks English. English is the source language: its words are the code's own.

Adding a language is adding its `.ts` file (and the forms' texts in their YAML).
"""

from __future__ import annotations

import functools
import logging
import os
import struct
import sys
from pathlib import Path

log = logging.getLogger("ulinzi.catalogue")
FOLDER = Path(__file__).resolve().parent.parent / "ui" / "translations"
SOURCE_LANGUAGE = "en"

# The compiled format written by Qt's lrelease (qtbase/src/corelib/kernel/qtranslator.cpp):
# blocks of (tag, length); the hashes block lists (hash of the source text, offset of its
# message) sorted by hash, and each message is a run of (tag, length, bytes) ending with END.
_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_HASHES_BLOCK, _MESSAGES_BLOCK = 0x42, 0x69
_TAG_END, _TAG_TRANSLATION, _TAG_OBSOLETE1 = 1, 3, 5
_TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 6, 7, 8
_NULL = 0xFFFFFFFF


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for Qt's translation tools; it is translated where it is shown or printed."""
    return text


def languages() -> tuple[str, ...]:
    """English, then every language that has a catalogue (a .ts to edit or a compiled .qm)."""
    found = {p.stem.removeprefix("ulinzi_") for p in FOLDER.glob("ulinzi_*.[tq][sm]")}
    return (SOURCE_LANGUAGE, *sorted(found - {SOURCE_LANGUAGE}))


def compile_catalogues(force: bool = False) -> None:
    """Build each .qm from its .ts when missing or older (pyside6-lrelease ships with PySide6).

    The bundle carries only the .qm files, so there is nothing to compile there. Each file is
    written beside its target and renamed over it: a second program starting at the same
    moment reads the old catalogue or the new one, never half of one."""
    for ts in FOLDER.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        import subprocess  # only when a catalogue is compiled, not on every start

        lrelease = Path(sys.executable).with_name("pyside6-lrelease")
        tool = str(lrelease) if lrelease.exists() else "pyside6-lrelease"
        partial = qm.with_name(f".{qm.name}.{os.getpid()}")
        try:
            done = subprocess.run([tool, str(ts), "-qm", str(partial)], capture_output=True)
            if done.returncode:
                raise OSError(f"pyside6-lrelease could not compile {ts.name}")
            os.replace(partial, qm)
        finally:
            partial.unlink(missing_ok=True)


def _elf_hash(data: bytes) -> int:
    """The hash Qt files each message under (QTranslator's elfHash)."""
    h = 0
    for byte in data:
        h = (h << 4) + byte
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


class Catalogue:
    """The translations of one language, looked up by Qt's (context, source text).

    Like QTranslator, it finds a message through the file's hash table instead of reading
    every message first: a document needs a few hundred of the thousand-odd texts."""

    def __init__(self, qm: bytes = b"") -> None:
        self._hashes = self._messages = b""
        if qm:
            if not qm.startswith(_QM_MAGIC):
                raise ValueError("not a Qt translation file")
            at = len(_QM_MAGIC)
            while at + 5 <= len(qm):
                tag, length = qm[at], struct.unpack_from(">I", qm, at + 1)[0]
                if at + 5 + length > len(qm):
                    raise ValueError("a Qt translation file cut short")
                if tag == _HASHES_BLOCK:
                    self._hashes = qm[at + 5 : at + 5 + length]
                elif tag == _MESSAGES_BLOCK:
                    self._messages = qm[at + 5 : at + 5 + length]
                at += 5 + length
        self._count = len(self._hashes) // 8
        self._found: dict[tuple[str, str], str] = {}

    def __len__(self) -> int:
        return self._count

    def translate(self, context: str, text: str) -> str:
        """`text` in this language; the English source when the catalogue lacks it."""
        key = (context, text)
        if key not in self._found:
            try:
                found = self._look_up(context.encode(), text.encode())
            except (struct.error, UnicodeDecodeError):  # a damaged message: its English
                found = None
            self._found[key] = found or text
        return self._found[key]

    def _look_up(self, context: bytes, source: bytes) -> str | None:
        wanted = _elf_hash(source)
        low, high = 0, self._count
        while low < high:  # the first entry with this hash
            middle = (low + high) // 2
            if struct.unpack_from(">I", self._hashes, middle * 8)[0] < wanted:
                low = middle + 1
            else:
                high = middle
        while low < self._count:
            hashed, offset = struct.unpack_from(">II", self._hashes, low * 8)
            if hashed != wanted:
                break
            found = self._message_at(offset, context, source)
            if found:
                return found
            low += 1
        return None

    def _message_at(self, at: int, context: bytes, source: bytes) -> str | None:
        """The translation of the message at `at` if it is (context, source) without a comment."""
        m, translation = self._messages, None
        while at < len(m):
            tag = m[at]
            at += 1
            if tag == _TAG_END:
                return translation
            if tag == _TAG_OBSOLETE1:
                at += 4
                continue
            (length,) = struct.unpack_from(">I", m, at)
            at += 4
            data = b"" if length == _NULL else m[at : at + length]
            at += len(data)
            if tag == _TAG_TRANSLATION and translation is None:  # plurals: the first form
                translation = data.decode("utf-16-be") if length != _NULL else None
            elif (
                (tag == _TAG_SOURCE and data != source)
                or (tag == _TAG_CONTEXT and data != context)
                or (tag == _TAG_COMMENT and data)
            ):
                return None
        return None


@functools.cache
def catalogue(language: str) -> Catalogue:
    """The catalogue of `language`, read once per program (empty for English and unknowns)."""
    if language == SOURCE_LANGUAGE or language not in languages():
        return Catalogue()
    try:
        if (FOLDER / f"ulinzi_{language}.ts").exists():
            compile_catalogues()
    except OSError as error:  # no lrelease here, or a .ts it refuses: the last compiled words
        log.warning("The %s translations cannot be compiled (%s)", language, error)
    try:
        qm = (FOLDER / f"ulinzi_{language}.qm").read_bytes()
    except OSError as error:
        return _english(language, error)
    return read(qm, language)


def read(qm: bytes, language: str = "") -> Catalogue:
    """The catalogue in `qm`, or none (English) if its blocks are damaged."""
    try:
        return Catalogue(qm)
    except ValueError as error:
        return _english(language, error)


def _english(language: str, error: Exception) -> Catalogue:
    # As Qt does when a translator fails to load: the words stay English, the work goes on.
    log.warning("The %s translations cannot be read (%s): English is used", language, error)
    return Catalogue()


def translate(language: str, context: str, text: str) -> str:
    """`text` (marked with QT_TRANSLATE_NOOP under `context`) in `language`."""
    return catalogue(language).translate(context, text)

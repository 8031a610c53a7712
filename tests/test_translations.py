"""French is complete, keeps every placeholder, and switches the open window without a restart."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ui import i18n

TS = i18n.FOLDER / "ulinzi_fr.ts"


def _messages():
    for context in ET.parse(TS).getroot():
        for message in context.findall("message"):
            yield (
                context.find("name").text,
                message.find("source").text,
                message.find("translation"),
            )


def test_every_string_has_a_french_translation_with_the_same_placeholders():
    count = 0
    for context, source, translation in _messages():
        count += 1
        # A count's sentence (%n) has one text per plural form: each is checked.
        texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
        for text in texts:
            assert translation.get("type") != "unfinished" and (text or "").strip(), (
                context,
                source,
            )
            assert sorted(re.findall(r"\{\w+\}|%n", source)) == sorted(
                re.findall(r"\{\w+\}|%n", text)
            ), source
    assert count > 300


def test_the_sources_hold_no_string_missing_from_the_translation(tmp_path):
    """Every marked string in the code is in the .ts (run `python -m ui.i18n update`)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    copy = tmp_path / "ulinzi_fr.ts"
    shutil.copy(TS, copy)
    root = i18n.FOLDER.parent.parent
    sources = sorted(
        str(p.relative_to(root))
        for f in ("ui", "desktop", "db", "reports")
        for p in (root / f).glob("*.py")
    )
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    out = subprocess.run(
        [str(lupdate), "-locations", "none", *sources, "-ts", str(copy)],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "0 new" in out.stdout, out.stdout


def test_the_login_switches_to_french_and_back(qtbot, tmp_path):
    from ui.login import LoginWidget

    login = LoginWidget(tmp_path)
    qtbot.addWidget(login)
    try:
        login.language.setCurrentIndex(login.language.findData("fr"))
        qtbot.waitUntil(lambda: login.button.text() == "Se &connecter", timeout=2000)
        assert i18n.current_language() == "fr"
    finally:
        login.language.setCurrentIndex(login.language.findData("en"))
    qtbot.waitUntil(lambda: login.button.text() == "&Sign in", timeout=2000)


def test_printed_documents_read_each_translation_as_the_window_does():
    """The command line and the PDFs read the compiled catalogue without Qt: every message
    comes out as Qt's own translator gives it to the window."""
    from PySide6.QtCore import QTranslator

    from reports import catalogue

    catalogue.compile_catalogues()
    ours = catalogue.catalogue("fr")
    qt = QTranslator()
    assert qt.load(str(TS.with_suffix(".qm")))
    messages = list(_messages())
    assert len(ours) == len(messages)
    for context, source, _ in messages:
        assert ours.translate(context, source) == qt.translate(context, source), source
    assert ours.translate("Documents", "No such text") == "No such text"
    assert catalogue.catalogue("en").translate("Documents", "Case") == "Case"


def test_no_python_table_holds_the_words_of_one_language():
    """Adding a language is adding its .ts (and the forms' texts): no dict keyed by a language
    code with words in it may hide in the code."""
    import ast

    root = i18n.FOLDER.parent.parent
    found = []
    for folder in ("catalogue", "db", "desktop", "reports", "ui"):
        for path in (root / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Dict) and any(
                    isinstance(k, ast.Constant) and k.value == "fr" for k in node.keys
                ):
                    found.append(f"{path.relative_to(root)}:{node.lineno}")
    assert found == []


SOURCES = [(context, source) for context, source, _ in _messages()]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.floats(0.1, 1.0, exclude_max=True), st.integers(1, 255)),
        min_size=8,
        max_size=24,
    )
)
def test_a_damaged_catalogue_gives_words_never_an_error(flips):
    """A .qm with damaged bytes (a bad copy to the office PC) must not stop a document from
    printing: each word is its translation, or its English."""
    from reports import catalogue

    catalogue.compile_catalogues()
    damaged = bytearray(TS.with_suffix(".qm").read_bytes())
    for where, mask in flips:  # mostly the messages, which follow the hash table
        damaged[int(where * len(damaged))] ^= mask
    words = catalogue.read(bytes(damaged), "fr")  # as printing reads it
    for context, source in SOURCES:
        assert words.translate(context, source)  # a word, never an exception


def test_an_unreadable_catalogue_prints_english(tmp_path, monkeypatch, caplog):
    from reports import catalogue

    catalogue.compile_catalogues()
    good = TS.with_suffix(".qm").read_bytes()
    (tmp_path / "ulinzi_fr.qm").write_bytes(good[: len(good) // 2])
    monkeypatch.setattr(catalogue, "FOLDER", tmp_path)
    catalogue.catalogue.cache_clear()
    try:
        assert catalogue.translate("fr", "Documents", "Case closure form") == "Case closure form"
        assert "cannot be read" in caplog.text
    finally:
        catalogue.catalogue.cache_clear()

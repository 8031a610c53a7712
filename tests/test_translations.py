"""French is complete, keeps every placeholder, and switches the open window without a restart."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

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
        assert translation.get("type") != "unfinished" and (translation.text or "").strip(), (
            context,
            source,
        )
        assert sorted(re.findall(r"\{\w+\}", source)) == sorted(
            re.findall(r"\{\w+\}", translation.text)
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
        str(p.relative_to(root)) for f in ("ui", "desktop", "db") for p in (root / f).glob("*.py")
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

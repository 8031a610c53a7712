"""Names as people type or paste them: bounded with a message (never cut), refused when a
character would show as an empty box, and a long name never pushes the window off the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont
from PySide6.QtWidgets import QApplication

from db.errors import InvalidInput
from desktop import case_forms, cases, documents
from desktop.cases import NAME_LIMIT
from reports import glyphs
from reports.layout import missing_glyphs
from tests.stories import HEALTH_CENTRE, consent, registration, text_of
from tests.wizard_helpers import open_case_file, open_window, wait_for_wizard
from ui.app import use_document_fonts

LONG = "Nyiramahoro" * 455  # 5,005 characters, as pasted from a broken export
HUNDRED = "Uwimana-Nyiramahoro-Mukamana-Habimana-Niyonsaba-Iradukunda-Hakizimana-Nshimiyimana-Twagiramungu"
ACCEPTED = "Ŋwɛ́ Łódź-Œuvre Ọ̀ṣun Ngʼang’a Ĳsselmeer"


def test_the_hundred_character_name_is_a_real_worst_case():
    assert len(HUNDRED) == 95 <= NAME_LIMIT and len(LONG) > 5000


def _registration_wizard(qtbot, agency):
    window = open_window(qtbot, agency)
    window.new_case_action.trigger()
    wizard = wait_for_wizard(qtbot, window)
    wizard.activateWindow()
    return window, wizard


def test_a_pasted_5000_character_name_is_kept_whole_and_refused_with_a_message(qtbot, agency):
    window, wizard = _registration_wizard(qtbot, agency)
    given = wizard.widget_for("registration", "given_name")
    QGuiApplication.clipboard().setText(LONG)
    given.focus_target().setFocus()
    qtbot.keyClick(given.focus_target(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert given.value() == LONG  # nothing cut behind the person's back
    assert given.error.isVisibleTo(wizard)
    assert given.error.text() == "This answer is too long: at most 100 characters."
    assert wizard.width() <= 1366
    # Shortened, the message goes.
    given.focus_target().selectAll()
    qtbot.keyClicks(given.focus_target(), "Zawadi")
    assert given.error.isHidden()
    wizard.discard()


def test_the_service_refuses_a_name_too_long_whoever_sends_it(agency):
    with agency.sign_in("cara") as us:
        with pytest.raises(case_forms.FormIncomplete, match="at most 100 characters"):
            case_forms.register_with_forms(
                us, {"registration": registration(LONG[:150]), "consent": consent(HEALTH_CENTRE)}
            )
        uuid = case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent(HEALTH_CENTRE)}
        ).uuid
        with pytest.raises(InvalidInput, match="at most 100 characters; this one has 5005"):
            cases.update_case(us, uuid, family_name=LONG)
        with pytest.raises(InvalidInput, match="U\\+1F476 BABY"):
            cases.update_case(us, uuid, given_name="Zawadi 👶")
        assert cases.update_case(us, uuid, family_name=HUNDRED).family_name == HUNDRED


def test_an_emoji_is_refused_at_the_field_naming_it(qtbot, agency):
    window, wizard = _registration_wizard(qtbot, agency)
    given = wizard.widget_for("registration", "given_name")
    qtbot.keyClicks(given.focus_target(), "Zawadi ")
    QGuiApplication.clipboard().setText("👶")  # an emoji comes from the picker or a paste
    qtbot.keyClick(given.focus_target(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert given.error.text().startswith("U+1F476 BABY cannot be shown on screen or printed")
    assert given.error.isVisibleTo(wizard)
    qtbot.keyClick(given.focus_target(), Qt.Key.Key_Backspace)
    qtbot.keyClick(given.focus_target(), Qt.Key.Key_Backspace)
    assert given.value() == "Zawadi" and given.error.isHidden()
    wizard.discard()


def test_every_character_accepted_is_drawn_by_the_fonts_the_window_falls_back_on(qapp):
    use_document_fonts(qapp)
    assert "dejavu sans" in [f.casefold() for f in QFont.substitutes(qapp.font().family())]
    raw = QRawFont(str(glyphs.FOLDER / glyphs.FONTS[0]), 14)
    assert raw.isValid()
    accepted = sorted(glyphs.font_coverage())
    assert len(accepted) > 5000
    assert all(raw.supportsCharacter(p) for p in accepted)  # by code point (UCS-4)
    assert all(glyphs.first_undrawable(chr(p)) is None for p in accepted)
    for refused in ("👶", "🇷🇼", "\U0001f9d2", "中", "\x07"):
        assert glyphs.first_undrawable(refused) is not None, refused
    assert not raw.supportsCharacter(ord("👶"))
    assert "DejaVu Sans" in QFontDatabase.families()


def test_the_kept_coverage_matches_the_fonts():
    """`fonts/coverage.txt` is what the fonts draw (regenerate: python -m reports.glyphs)."""
    points = glyphs.font_coverage()
    assert all(glyphs.drawable(chr(p)) for p in points)
    assert not any(glyphs.drawable(chr(p)) for p in range(0x20, 0x30000) if p not in points)


def test_a_name_accepted_in_the_window_prints_without_boxes(agency):
    assert missing_glyphs(ACCEPTED) == set() and glyphs.first_undrawable(ACCEPTED) is None
    with agency.sign_in("cara") as us:
        uuid = case_forms.register_with_forms(
            us, {"registration": registration(ACCEPTED, "Uwase"), "consent": consent(HEALTH_CENTRE)}
        ).uuid
        made = documents.make_document(us, uuid, "summary", language="en")
    assert "Ŋwɛ́ Łódź-Œuvre" in text_of(made.pdf)


def test_a_long_name_gives_way_in_the_header_and_the_window_stays_on_the_screen(qtbot, agency):
    with agency.sign_in("cara") as us:
        uuid = case_forms.register_with_forms(
            us, {"registration": registration(HUNDRED, HUNDRED), "consent": consent(HEALTH_CENTRE)}
        ).uuid
    window = open_window(qtbot, agency)
    window.resize(1366, 740)
    case_file = open_case_file(qtbot, window, uuid)
    window.tabs.setCurrentWidget(case_file)
    qtbot.wait(50)
    name = case_file.child_name
    assert name.text() == f"{HUNDRED} {HUNDRED}"
    assert name.shown_text().endswith("…") and name.toolTip() == name.text()
    assert window.minimumSizeHint().width() <= 1366
    assert window.width() <= 1366
    assert name.mapTo(window, name.rect().topRight()).x() <= window.width()
    # My tasks: the name column gives way too, and "What" stays in view.
    window.tabs.setCurrentWidget(window.tasks)
    table = window.tasks.table
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10000)
    header = table.horizontalHeader()
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    what = headings.index("What")
    assert header.sectionViewportPosition(what) + 40 < table.viewport().width()
    named = next(
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.index(r, c).data() == f"{HUNDRED} {HUNDRED}"
    )
    assert named.data(Qt.ItemDataRole.ToolTipRole) == named.data()
    assert QApplication.activeModalWidget() is None

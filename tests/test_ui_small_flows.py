"""Small things a new user trips on: the status bar's count belongs to the case list, a filter
with one choice is not shown, the demo password does not break across lines."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from tests.wizard_helpers import open_window
from ui import i18n
from ui.login import LoginWidget


def test_the_count_of_cases_shows_with_the_case_list_only(qtbot, agency):
    window = open_window(qtbot, agency, "cara")
    assert window.counts.isVisible() and "cases shown" in window.counts.text()
    window.show_tasks()
    assert not window.counts.isVisible()
    window.show_cases()
    assert window.counts.isVisible()
    window.sign_out()


def test_a_caseworker_has_no_scope_filter_with_a_single_choice(qtbot, agency):
    window = open_window(qtbot, agency, "cara")
    assert window.case_list.scope.count() == 1 and window.case_list.scope.isHidden()
    window.sign_out()
    window = open_window(qtbot, agency, "sam")  # my cases, my team's
    assert window.case_list.scope.count() == 2 and not window.case_list.scope.isHidden()
    window.sign_out()


def test_the_demo_password_never_breaks_across_lines_in_either_language(qtbot, agency):
    password = "démo-jjgqms"
    try:
        for language in ("en", "fr"):
            i18n.set_language(language)
            login = LoginWidget(agency.folder, demo_password=password)
            qtbot.addWidget(login)
            hint = login.demo_hint
            document = QTextDocument()
            document.setDefaultFont(hint.font())
            if hint.textFormat() == hint.textFormat().RichText:
                document.setHtml(hint.text())
            else:
                document.setPlainText(hint.text())
            text = document.toPlainText()
            start = text.index(password)
            for width in range(200, 700, 7):  # the hint as narrow or wide as the window makes it
                document.setTextWidth(width)
                document.size()  # lays the text out at that width
                block = document.findBlock(start)
                layout = block.layout()
                first = layout.lineForTextPosition(start - block.position())
                last = layout.lineForTextPosition(start + len(password) - 1 - block.position())
                assert first.lineNumber() == last.lineNumber(), (language, width)
    finally:
        i18n.set_language("en")

"""A saved form, read-only: its questions and answers as a page of text, in the person's language.

The questions come from the definition the answers were given to, so an older revision reads
as it was filled in, even after the agency changed the form. Every answer is escaped: what a
person typed is never read as markup.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.forms import display
from desktop.forms.answers import Answers, is_empty
from desktop.forms.definition import FormDefinition, FormField
from desktop.forms.display import Words
from ui.common import format_date
from ui.form_fields import text_of
from ui.i18n import current_language


def _words() -> Words:
    return Words(
        yes=QCoreApplication.translate("FormView", "Yes"),
        no=QCoreApplication.translate("FormView", "No"),
        estimated=QCoreApplication.translate("FormView", "{date} (estimated)"),
        consent=QCoreApplication.translate("FormView", "{who}, {how}, on {date}"),
        spoken=QCoreApplication.translate("FormView", "spoken"),
        signed=QCoreApplication.translate("FormView", "signed"),
        thumbprint=QCoreApplication.translate("FormView", "thumbprint"),
        format_date=format_date,
    )


def answer_text(f: FormField, value: Any) -> str:
    """One answer as plain text, in the person's language."""
    return display.answer_text(f, value, current_language(), _words())


def _group_html(f: FormField, value: Any) -> str:
    item = text_of(f.item_label) or text_of(f.label)
    parts = []
    for n, entry in enumerate(value or [], start=1):
        rows = "".join(
            f"<tr><td class='q' width='36%'>{escape(text_of(sub.label))}</td>"
            f"<td>{_multiline(answer_text(sub, entry[sub.id]))}</td></tr>"
            for sub in f.fields or []
            if not is_empty(entry.get(sub.id))
        )
        parts.append(f"<p><b>{escape(item)} {n}</b></p><table class='entry'>{rows}</table>")
    return "".join(parts)


def _multiline(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def answers_html(form: FormDefinition, answers: Answers, changed: tuple[str, ...] = ()) -> str:
    """The form as HTML for a QTextBrowser: sections, questions, answers; unanswered ones
    shown as "—" so a reader sees what was left out. Changed answers are marked."""
    style = (
        "<style>h3{margin-top:14px;color:#1f3a5f} td{padding:3px 10px 3px 0;vertical-align:top}"
        " td.q{color:#444;width:38%} .changed{background:#fff4cc} .none{color:#999}"
        " table.entry{margin-left:16px}</style>"
    )
    body = [style]
    for section in form.sections:
        rows = []
        answered = False  # a section with no answer at all is left out
        for f in section.fields:
            value = answers.get(f.id)
            if is_empty(value):
                if not f.required:
                    continue
                shown = "<span class='none'>—</span>"
            elif f.type == "group":
                shown, answered = _group_html(f, value), True
            else:
                shown, answered = _multiline(answer_text(f, value)), True
            mark = " class='changed'" if f.id in changed else ""
            rows.append(
                f"<tr{mark}><td class='q' width='36%'>{escape(text_of(f.label))}</td>"
                f"<td width='64%'>{shown}</td></tr>"
            )
        if answered:
            body.append(
                f"<h3>{escape(text_of(section.title))}</h3><table width='100%'>{''.join(rows)}</table>"
            )
    return "".join(body)

"""What the case management report of a reintegration starts from: the case summary the
conference minutes present (`ui.conferences.summary_notes`) and what the family tracing and the
family assessments found, in the reader's language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.forms.definition import FormSet
from desktop.pathway import ASSESSMENT_FORM, TRACING_FORM
from desktop.reintegration import ReportStart
from ui.conferences import summary_notes
from ui.i18n import current_language


def _choice(forms: FormSet, form_id: str, field_id: str, code: str) -> str:
    form = forms.forms.get(form_id)
    f = form.field(field_id) if form else None
    return f.choice_label(code, current_language()) if f and code else code


def findings(start: ReportStart, forms: FormSet) -> str:
    """One line for the tracing's outcome, one for each family assessed."""
    lines = []
    if start.tracing_outcome:
        lines.append(
            QCoreApplication.translate("Reintegration", "Family tracing: {outcome}.").format(
                outcome=_choice(forms, TRACING_FORM, "outcome", start.tracing_outcome)
            )
        )
    for number, (family, capacity, recommendation) in enumerate(start.assessments, start=1):
        lines.append(
            QCoreApplication.translate(
                "Reintegration",
                "Family assessment {n}: {family}; can care for the child: {capacity}; {advice}.",
            ).format(
                n=number,
                family=_choice(forms, ASSESSMENT_FORM, "family_type", family),
                capacity=_choice(forms, ASSESSMENT_FORM, "capacity", capacity),
                advice=_choice(forms, ASSESSMENT_FORM, "recommendation", recommendation),
            )
        )
    return "\n".join(lines)


def report_answers(start: ReportStart, forms: FormSet) -> dict[str, Any]:
    """The report's first answers; the caseworker completes and corrects them."""
    answers: dict[str, Any] = {"summary": summary_notes(start)}  # type: ignore[arg-type]
    found = findings(start, forms)
    if found:
        answers["family_findings"] = found
    return answers

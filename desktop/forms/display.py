"""Saved answers as words of a language, for every reader: the case file (with Qt's
translations) and the printed documents (with the reports' words)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.forms.definition import CONSENT_METHODS, PEOPLE_PARTS, FormField


@dataclass(frozen=True)
class Words:
    """The few words an answer needs beyond its form's own: yes and no, how consent was given."""

    yes: str
    no: str
    estimated: str  # "{date} (estimated)"
    consent: str  # "{who}, {how}, on {date}"
    spoken: str
    signed: str
    thumbprint: str
    format_date: Callable[[date], str]


def day_text(value: Any, words: Words) -> str:
    """A stored "YYYY-MM-DD" as a date in words; anything else as it is."""
    try:
        return words.format_date(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def consent_method(given: Any, words: Words) -> str:
    """How consent was given ("spoken", "signed", "thumbprint"), from a consent answer."""
    if not isinstance(given, dict):
        return ""
    methods = dict(
        zip(CONSENT_METHODS, (words.spoken, words.signed, words.thumbprint), strict=True)
    )
    return methods.get(str(given.get("method")), "")


def entry_text(f: FormField, value: Any, answers: dict[str, Any]) -> str:
    """An answer naming an entry of another list (an action's goal) as that entry's words:
    "2. Amani goes to school every day", not "2"."""
    entries = answers.get(f.entry_of or "")
    if not isinstance(value, int) or not isinstance(entries, list):
        return str(value)
    if not 1 <= value <= len(entries) or not isinstance(entries[value - 1], dict):
        return str(value)
    words = [v for v in entries[value - 1].values() if isinstance(v, str) and " " in v.strip()]
    return f"{value}. {' '.join(words[0].split())}" if words else str(value)


def answer_text(f: FormField, value: Any, language: str, words: Words) -> str:
    """One answer as plain text."""
    match f.type:
        case "yes_no":
            return words.yes if value else words.no
        case "choice":
            return f.choice_label(str(value), language)
        case "multi_choice":
            return ", ".join(f.choice_label(str(v), language) for v in value or [])
        case "date":
            if isinstance(value, dict):
                day = day_text(value.get("date"), words)
                return words.estimated.format(date=day) if value.get("estimated") else day
            return day_text(value, words)
        case "consent":
            return words.consent.format(
                who=value.get("by", ""),
                how=consent_method(value, words),
                date=day_text(value.get("date", ""), words),
            )
        case "people":
            return "; ".join(
                " – ".join(str(p[k]) for k in PEOPLE_PARTS if p.get(k)) for p in value or []
            )
    return str(value)

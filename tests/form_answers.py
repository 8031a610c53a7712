"""Hypothesis strategies for answers to any form definition.

`answers_for(form)` draws answers that are valid for every question, shown or not: each field
gets a value of its type within its choices and bounds (dates relative to `date.today()`), so
whatever the conditions decide, the questions that apply are answered. `clean()` then drops the
answers to the questions that do not apply. Texts carry accents and sometimes spaces around
them, which `clean()` trims.
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from desktop.forms.answers import ENTRY_LIMIT, LONG_TEXT_LIMIT, TEXT_LIMIT
from desktop.forms.definition import CONSENT_METHODS, FormDefinition, FormField, date_bound
from reports import glyphs

# Letters of the languages the forms speak, then any letter, number, punctuation or symbol
# that the window and the documents can draw (what they cannot is refused: reports.glyphs).
ACCENTS = "éèêëàâçîïôœùûüÉÈÀÇŒæ«»’–…"
_DRAWN = sorted(
    chr(point)
    for point in glyphs.font_coverage()
    if unicodedata.category(chr(point))[0] in "LNPS" and chr(point).strip()
)
_VISIBLE = st.one_of(st.sampled_from(ACCENTS), st.sampled_from(_DRAWN))
_INSIDE = st.one_of(_VISIBLE, st.sampled_from(" \u00a0"))
_AROUND = st.sampled_from(["", " ", "  ", "\n", "\t "])
# Most drawn texts are short; long ones repeat a short one up to the field's limit.
_SHORT = 40
_MOST_ENTRIES = 4
_EARLIEST = date(1900, 1, 1)
_LATEST = date(2200, 12, 31)


def text_answers(shortest: int, longest: int, *, lines: bool = False) -> SearchStrategy[str]:
    """Texts whose trimmed length is within [max(shortest, 1), longest] (never blank)."""
    shortest = max(shortest, 1)
    inside = st.one_of(_INSIDE, st.just("\n")) if lines else _INSIDE
    core = st.builds(
        lambda first, rest, last: first + rest + last,
        _VISIBLE,
        st.text(inside, max_size=min(_SHORT, longest)),
        _VISIBLE,
    ).map(str.strip)

    def fit(value: str, stretch: bool, before: str, after: str) -> str:
        if stretch:  # as long as the field allows
            value = (value + " ") * (longest // (len(value) + 1) + 1)
        value = value[:longest].strip()
        value += "é" * (shortest - len(value))
        padded = before + value + after
        return padded if len(padded) <= longest else value

    return st.builds(fit, core, st.booleans(), _AROUND, _AROUND)


def date_answers(f: FormField, today: date | None = None) -> SearchStrategy[str]:
    """ISO dates within the field's bounds."""
    today = today or date.today()
    earliest = date_bound(f.min, today) or _EARLIEST
    latest = date_bound(f.max, today) or _LATEST
    return st.dates(min_value=earliest, max_value=latest).map(date.isoformat)


def _count(f: FormField, most: int) -> tuple[int, int]:
    """How many entries to draw: at least one (the field may be required), within its bounds."""
    least = max(f.min if isinstance(f.min, int) else 0, 1)
    largest = min(f.max if isinstance(f.max, int) else ENTRY_LIMIT, ENTRY_LIMIT, most)
    return least, max(largest, least)


def value_for(f: FormField, today: date | None = None) -> SearchStrategy[Any]:
    """One valid, non-empty answer to `f` (a resolved field: shared choice lists copied in)."""
    today = today or date.today()
    match f.type:
        case "text" | "long_text" | "provider":
            limit = LONG_TEXT_LIMIT if f.type == "long_text" else TEXT_LIMIT
            longest = min(f.max, limit) if isinstance(f.max, int) else limit
            shortest = f.min if isinstance(f.min, int) else 1
            return text_answers(shortest, longest, lines=f.type == "long_text")
        case "integer":
            low = f.min if isinstance(f.min, int) else -(10**9)
            high = f.max if isinstance(f.max, int) else 10**9
            return st.integers(low, high)
        case "date":
            day = date_answers(f, today)
            if not f.estimated:
                return day
            return st.one_of(day, st.fixed_dictionaries({"date": day, "estimated": st.booleans()}))
        case "yes_no":
            return st.booleans()
        case "choice":
            return st.sampled_from(f.choice_codes())
        case "multi_choice":
            least, most = _count(f, len(f.choice_codes()))
            return st.lists(
                st.sampled_from(f.choice_codes()), min_size=least, max_size=most, unique=True
            )
        case "people":
            least, most = _count(f, _MOST_ENTRIES)
            person = st.fixed_dictionaries(
                {
                    "name": text_answers(1, TEXT_LIMIT),
                    "relationship": st.one_of(st.just(""), text_answers(1, TEXT_LIMIT)),
                    "contact": st.one_of(st.just(""), text_answers(1, TEXT_LIMIT)),
                }
            )
            return st.lists(person, min_size=least, max_size=most)
        case "group":
            least, most = _count(f, _MOST_ENTRIES)
            entry = st.fixed_dictionaries({sub.id: value_for(sub, today) for sub in f.fields or []})
            return st.lists(entry, min_size=least, max_size=most)
        case "consent":
            return st.fixed_dictionaries(
                {
                    "by": text_answers(1, TEXT_LIMIT),
                    "method": st.sampled_from(CONSENT_METHODS),
                    "date": st.dates(today - timedelta(days=3650), today).map(date.isoformat),
                }
            )
    raise AssertionError(f"no strategy for a {f.type} field")


def answers_for(form: FormDefinition, today: date | None = None) -> SearchStrategy[dict]:
    """Answers to every question of `form`, each valid for its field."""
    # One strategy per form and day: Hypothesis checks a new strategy's whole tree each time.
    key = (form.model_dump_json(), today)
    if key not in _STRATEGIES:
        drawn = st.fixed_dictionaries({f.id: value_for(f, today) for f in form.all_fields()})
        _STRATEGIES[key] = drawn.map(lambda answers: _into_entries(form, answers))
    return _STRATEGIES[key]


_STRATEGIES: dict[tuple[str, date | None], SearchStrategy[dict]] = {}


def _into_entries(form: FormDefinition, answers: dict) -> dict:
    """An answer naming an entry of another list (an action's goal) names one that exists."""
    for f in form.all_fields():
        for sub in f.fields or []:
            entries = answers.get(sub.entry_of or "")
            if sub.entry_of and isinstance(entries, list) and entries:
                for entry in answers.get(f.id) or []:
                    entry[sub.id] = (entry[sub.id] - 1) % len(entries) + 1
    return answers

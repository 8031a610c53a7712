"""Answers to a form: which questions apply, what is missing or wrong, and what changed.

Answers are plain JSON: text for text fields, a whole number, "YYYY-MM-DD" for a date (or
{"date": …, "estimated": true/false} when the date may be estimated), true/false, a choice's
code, a list of codes, a list of entries (people and groups), and {"by", "method", "date"} for a
consent block. The same rules run in the window (messages next to the field) and in the service
that saves (nothing invalid reaches the store, whoever sends it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from db.errors import QT_TRANSLATE_NOOP
from desktop.forms.definition import (
    CONSENT_METHODS,
    PEOPLE_PARTS,
    Condition,
    FormDefinition,
    FormField,
    Section,
    date_bound,
)
from reports.glyphs import describe, first_undrawable

Answers = dict[str, Any]
# Longest answers unless a definition says otherwise: a name or place, and a narrative.
TEXT_LIMIT = 500
LONG_TEXT_LIMIT = 20_000
ENTRY_LIMIT = 200


@dataclass(frozen=True)
class Problem:
    """What is wrong with one answer; `text` is translated in the "forms" context."""

    text: str
    params: dict[str, Any] = field(default_factory=dict)


REQUIRED = QT_TRANSLATE_NOOP("forms", "This question needs an answer.")
REQUIRED_ENTRY = QT_TRANSLATE_NOOP("forms", "Add at least one entry.")
NOT_TEXT = QT_TRANSLATE_NOOP("forms", "This answer must be text.")
TOO_LONG = QT_TRANSLATE_NOOP("forms", "This answer is too long: at most {max} characters.")
TOO_SHORT = QT_TRANSLATE_NOOP("forms", "This answer is too short: at least {min} characters.")
NOT_NUMBER = QT_TRANSLATE_NOOP("forms", "Write a whole number, like 3.")
TOO_SMALL = QT_TRANSLATE_NOOP("forms", "The number cannot be less than {min}.")
TOO_LARGE = QT_TRANSLATE_NOOP("forms", "The number cannot be more than {max}.")
NOT_DATE = QT_TRANSLATE_NOOP("forms", "Write a date, like 31/01/2020.")
DATE_TOO_EARLY = QT_TRANSLATE_NOOP("forms", "The date cannot be before {min}.")
DATE_TOO_LATE = QT_TRANSLATE_NOOP("forms", "The date cannot be after {max}.")
DATE_IN_FUTURE = QT_TRANSLATE_NOOP("forms", "The date cannot be in the future.")
NOT_YES_NO = QT_TRANSLATE_NOOP("forms", "Answer yes or no.")
NOT_A_CHOICE = QT_TRANSLATE_NOOP("forms", "Choose one of the options.")
TOO_FEW = QT_TRANSLATE_NOOP("forms", "Choose or add at least {min}.")
TOO_MANY = QT_TRANSLATE_NOOP("forms", "Choose or add at most {max}.")
ENTRY_PROBLEM = QT_TRANSLATE_NOOP("forms", "Entry {number}: {problem}")
NAME_NEEDED = QT_TRANSLATE_NOOP("forms", "Entry {number} needs a name.")
CONSENT_WHO = QT_TRANSLATE_NOOP("forms", "Write who gave their agreement.")
CONSENT_HOW = QT_TRANSLATE_NOOP("forms", "Choose how the agreement was given.")
CONSENT_WHEN = QT_TRANSLATE_NOOP("forms", "Give the date of the agreement.")
NOT_LIST = QT_TRANSLATE_NOOP("forms", "This answer must be a list.")
NO_GLYPH = QT_TRANSLATE_NOOP(
    "forms",
    "{character} cannot be shown on screen or printed (it would be an empty box): "
    "write it another way.",
)
NOT_AN_ENTRY = QT_TRANSLATE_NOOP(
    "forms", "Choose one from the list: there is no number {number} in it."
)


def text_problem(value: str, longest: int) -> Problem | None:
    """What is wrong with a text whatever the question: too long (never cut: said), or a
    character that would show as an empty box (an emoji the fonts lack)."""
    if len(value) > longest:
        return Problem(TOO_LONG, {"max": longest})
    character = first_undrawable(value)
    if character is not None:
        return Problem(NO_GLYPH, {"character": describe(character)})
    return None


def is_empty(value: Any) -> bool:
    if value is None or value == "" or value == [] or value == {}:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, dict) and "date" in value and "estimated" in value:
        return not value.get("date")
    if isinstance(value, dict) and set(value) <= {"by", "method", "date"}:
        return all(is_empty(v) for v in value.values())
    return False


def holds(condition: Condition | None, answers: Answers, local: Answers | None = None) -> bool:
    """Whether a condition holds; `local` is a group entry, whose fields are looked up first."""
    if condition is None:
        return True
    if condition.all is not None:
        return all(holds(c, answers, local) for c in condition.all)
    if condition.any is not None:
        return any(holds(c, answers, local) for c in condition.any)
    if condition.not_ is not None:
        return not holds(condition.not_, answers, local)
    name = condition.field or ""
    value = local[name] if local is not None and name in local else answers.get(name)
    if isinstance(value, dict) and "date" in value:
        value = value.get("date")
    if condition.answered is not None:
        return condition.answered != is_empty(value)
    if condition.equals is not None:
        return value == condition.equals
    if condition.not_equals is not None:
        return value != condition.not_equals
    if condition.in_ is not None:
        return value in condition.in_
    if condition.contains is not None:
        return isinstance(value, list) and condition.contains in value
    return False


def section_shown(section: Section, answers: Answers) -> bool:
    return holds(section.show_when, answers)


def field_shown(f: FormField, answers: Answers, local: Answers | None = None) -> bool:
    return holds(f.show_when, answers, local)


def field_required(f: FormField, answers: Answers, local: Answers | None = None) -> bool:
    return f.required or (f.required_when is not None and holds(f.required_when, answers, local))


def shown_fields(form: FormDefinition, answers: Answers) -> list[FormField]:
    """The questions that apply, given the answers so far."""
    answers = visible_answers(form, answers)
    return [
        f
        for section in form.sections
        if section_shown(section, answers)
        for f in section.fields
        if field_shown(f, answers)
    ]


def visible_answers(form: FormDefinition, answers: Answers) -> Answers:
    """The answers without those to hidden questions. A draft keeps an answer whose question was
    hidden later (consent refused, then "not asked"): it must not show or require anything."""
    ids = {f.id for f in form.all_fields()}
    current = answers
    for _ in range(len(ids) + 1):  # hiding one question may hide another that it showed
        shown = {
            f.id
            for section in form.sections
            if section_shown(section, current)
            for f in section.fields
            if field_shown(f, current)
        }
        narrower = {k: v for k, v in answers.items() if k in shown or k not in ids}
        if narrower.keys() == current.keys():
            break
        current = narrower
    return current


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def check_value(
    f: FormField, value: Any, answers: Answers, today: date, local: Answers | None = None
) -> Problem | None:
    """The problem with one answer, or None. Hidden questions are never checked."""
    if is_empty(value):
        if field_required(f, answers, local):
            return Problem(REQUIRED_ENTRY if f.type in ("people", "group") else REQUIRED)
        return None
    match f.type:
        case "text" | "long_text" | "provider":
            if not isinstance(value, str):
                return Problem(NOT_TEXT)
            limit = LONG_TEXT_LIMIT if f.type == "long_text" else TEXT_LIMIT
            longest = min(f.max, limit) if isinstance(f.max, int) else limit
            problem = text_problem(value, longest)
            if problem is not None:
                return problem
            if isinstance(f.min, int) and len(value.strip()) < f.min:
                return Problem(TOO_SHORT, {"min": f.min})
        case "integer":
            if not isinstance(value, int) or isinstance(value, bool):
                return Problem(NOT_NUMBER)
            if isinstance(f.min, int) and value < f.min:
                return Problem(TOO_SMALL, {"min": f.min})
            if isinstance(f.max, int) and value > f.max:
                return Problem(TOO_LARGE, {"max": f.max})
            if f.entry_of is not None:
                entries = answers.get(f.entry_of)
                if not 1 <= value <= (len(entries) if isinstance(entries, list) else 0):
                    return Problem(NOT_AN_ENTRY, {"number": value})
        case "date":
            raw = value.get("date") if isinstance(value, dict) and f.estimated else value
            if isinstance(value, dict) and not isinstance(value.get("estimated", False), bool):
                return Problem(NOT_DATE)
            day = _date(raw)
            if day is None:
                return Problem(NOT_DATE)
            return _check_date(f, day, today)
        case "yes_no":
            if not isinstance(value, bool):
                return Problem(NOT_YES_NO)
        case "choice":
            if value not in f.choice_codes():
                return Problem(NOT_A_CHOICE)
        case "multi_choice":
            if not isinstance(value, list) or any(v not in f.choice_codes() for v in value):
                return Problem(NOT_A_CHOICE)
            return _check_count(f, len(value))
        case "people" | "group":
            if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
                return Problem(NOT_LIST)
            problem = _check_count(f, len(value))
            if problem:
                return problem
            for number, entry in enumerate(value, start=1):
                problem = _check_entry(f, entry, answers, today, number)
                if problem:
                    return problem
        case "consent":
            return _check_consent(value, today)
    return None


def _check_date(f: FormField, day: date, today: date) -> Problem | None:
    earliest, latest = date_bound(f.min, today), date_bound(f.max, today)
    if earliest and day < earliest:
        return Problem(DATE_TOO_EARLY, {"min": earliest})
    if latest and day > latest:
        return Problem(DATE_IN_FUTURE if latest == today else DATE_TOO_LATE, {"max": latest})
    return None


def _check_count(f: FormField, count: int) -> Problem | None:
    if isinstance(f.min, int) and count < f.min:
        return Problem(TOO_FEW, {"min": f.min})
    largest = min(f.max, ENTRY_LIMIT) if isinstance(f.max, int) else ENTRY_LIMIT
    if count > largest:
        return Problem(TOO_MANY, {"max": largest})
    return None


def _check_entry(
    f: FormField, entry: Answers, answers: Answers, today: date, number: int
) -> Problem | None:
    if f.type == "people":
        if set(entry) - set(PEOPLE_PARTS) or not all(isinstance(v, str) for v in entry.values()):
            return Problem(NOT_LIST)
        if not str(entry.get("name", "")).strip():
            return Problem(NAME_NEEDED, {"number": number})
        for part in PEOPLE_PARTS:
            problem = text_problem(str(entry.get(part, "")), TEXT_LIMIT)
            if problem is not None:
                return Problem(ENTRY_PROBLEM, {"number": number, "problem": problem, "field": part})
        return None
    known = {sub.id for sub in f.fields or []}
    if set(entry) - known:
        return Problem(NOT_LIST)
    for sub in f.fields or []:
        if not field_shown(sub, answers, entry):
            continue
        problem = check_value(sub, entry.get(sub.id), answers, today, entry)
        if problem:
            return Problem(ENTRY_PROBLEM, {"number": number, "problem": problem, "field": sub.id})
    return None


def _check_consent(value: Any, today: date) -> Problem | None:
    if not isinstance(value, dict) or set(value) - {"by", "method", "date"}:
        return Problem(CONSENT_WHO)
    if not isinstance(value.get("by"), str) or not value["by"].strip():
        return Problem(CONSENT_WHO)
    problem = text_problem(value["by"], TEXT_LIMIT)
    if problem is not None:
        return problem
    if value.get("method") not in CONSENT_METHODS:
        return Problem(CONSENT_HOW)
    day = _date(value.get("date"))
    if day is None:
        return Problem(CONSENT_WHEN)
    if day > today:
        return Problem(DATE_IN_FUTURE)
    return None


def problems(
    form: FormDefinition, answers: Answers, today: date | None = None
) -> dict[str, Problem]:
    """Every problem of the questions that apply, by field id, in the order of the form."""
    today = today or date.today()
    answers = visible_answers(form, answers)
    found: dict[str, Problem] = {}
    for f in shown_fields(form, answers):
        problem = check_value(f, answers.get(f.id), answers, today)
        if problem:
            found[f.id] = problem
    return found


def clean(form: FormDefinition, answers: Answers) -> Answers:
    """What is kept on saving: the answered questions that apply, text trimmed, nothing else."""
    kept: Answers = {}
    answers = visible_answers(form, answers)
    for f in shown_fields(form, answers):
        value = _clean_value(f, answers.get(f.id), answers)
        if not is_empty(value):
            kept[f.id] = value
    return kept


def _clean_value(f: FormField, value: Any, answers: Answers, local: Answers | None = None) -> Any:
    if isinstance(value, str):
        return value.strip()
    if f.type == "group" and isinstance(value, list):
        entries = []
        for entry in value:
            kept = {
                sub.id: _clean_value(sub, entry.get(sub.id), answers, entry)
                for sub in f.fields or []
                if field_shown(sub, answers, entry)
            }
            kept = {k: v for k, v in kept.items() if not is_empty(v)}
            if kept:
                entries.append(kept)
        return entries
    if f.type == "people" and isinstance(value, list):
        people = [{k: str(v).strip() for k, v in e.items() if str(v).strip()} for e in value]
        return [p for p in people if p]
    if f.type == "consent" and isinstance(value, dict):
        trimmed = {k: v.strip() if isinstance(v, str) else v for k, v in value.items()}
        return {k: v for k, v in trimmed.items() if v}  # a blank "by" is not kept as ""
    return value


def changed_fields(form: FormDefinition, before: Answers, after: Answers) -> list[str]:
    """The ids of the questions whose answer differs, in the order of the form."""
    ids = [f.id for f in form.all_fields()]
    extra = sorted((before.keys() | after.keys()) - set(ids))
    return [i for i in ids + extra if before.get(i) != after.get(i)]


def column_values(form: FormDefinition, answers: Answers) -> dict[str, Any]:
    """The case columns this form fills (name, sex, date of birth…), from cleaned answers."""
    values: dict[str, Any] = {}
    for f in form.all_fields():
        if not f.column:
            continue
        value = answers.get(f.id)
        if f.type == "date":
            estimated = False
            if isinstance(value, dict):
                value, estimated = value.get("date"), bool(value.get("estimated"))
            values[f.column] = _date(value)
            if f.column == "birth_date":
                values["birth_date_estimated"] = estimated and value is not None
        else:
            values[f.column] = value
    return values

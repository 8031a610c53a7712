"""Form definitions: the YAML files of `desktop/forms/`, checked against a schema as they load.

A definition is data an agency may edit, so every problem is reported with the file, the line
and what is wrong, in words an administrator can act on. Choice lists shared between forms live
in `choices.yaml`; a loaded definition has them copied in (`resolve`), so the version kept with
a case's answers stands on its own even after the shared list changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from db.errors import QT_TRANSLATE_NOOP, UlinziError

SHIPPED_FOLDER = Path(__file__).parent
CHOICES_FILE = "choices.yaml"

FieldType = Literal[
    "text",
    "long_text",
    "integer",
    "date",
    "yes_no",
    "choice",
    "multi_choice",
    "people",
    "group",
    "consent",
    "provider",  # a service provider: typed, or picked from the agency's directory
]
# The workflow steps a form can belong to, in the order of DOMAIN.md.
STEPS = (
    "registration",
    "consent",
    "initial_assessment",
    "full_assessment",
    "best_interests",
    "case_plan",
    "implementation",
    # The reintegration pathway of a child in alternative care (001 box 2), in its order.
    "family_tracing",
    "family_assessment",
    "case_management_report",
    "placement_decision",
    "reintegration_preparation",
    "reunification",
    "post_placement_follow_up",
    "follow_up",
    "review",
    "closure",
    "transfer",
    "conference",
)
# Case columns a form may fill (what the case list shows and filters on), and the field types
# that can feed each one.
COLUMNS: dict[str, tuple[str, ...]] = {
    "given_name": ("text",),
    "family_name": ("text",),
    "sex": ("choice",),
    "birth_date": ("date",),
    "location": ("text",),
    "risk": ("choice",),
    "registered_on": ("date",),
    "registration_place": ("text",),
}
CONSENT_METHODS = ("verbal", "written", "thumbprint")
# Sub-fields of a "people" field: each person is a small group of these.
PEOPLE_PARTS = ("name", "relationship", "contact")

_ID = r"^[a-z][a-z0-9_]*$"
_RELATIVE_DATE = re.compile(r"^(today|[+-]\d+[dy]|\d{4}-\d{2}-\d{2})$")


class FormDefinitionError(UlinziError):
    text = QT_TRANSLATE_NOOP("errors", "Form definition {file}, line {line}: {problem}")


class Text(BaseModel):
    """A text in every language the form speaks; English is required, French is shipped."""

    model_config = ConfigDict(extra="allow", frozen=True)
    en: str = Field(min_length=1)

    @model_validator(mode="after")
    def _languages_only(self) -> Text:
        # An unquoted comma in YAML ({en: Said, in their words}) makes a fake language:
        # only language codes with text are allowed, so that mistake cannot pass unseen.
        for key, value in (self.model_extra or {}).items():
            if not re.fullmatch(r"[a-z]{2,3}", key) or not isinstance(value, str):
                raise ValueError(
                    f"“{key}” is not a language code with its text (a comma in an unquoted "
                    "text? put the text in quotes)"
                )
        return self

    def get(self, language: str) -> str:
        value = (self.model_extra or {}).get(language)
        return value if isinstance(value, str) and value else self.en

    def languages(self) -> set[str]:
        return {"en", *(self.model_extra or {})}


class Choice(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: Annotated[str, Field(pattern=_ID)]
    label: Text


class Condition(BaseModel):
    """`field` compared with one of equals / not_equals / in / contains / answered, or a
    combination: all (every one holds), any (one holds), not."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    field: Annotated[str, Field(pattern=_ID)] | None = None
    equals: str | int | bool | None = None
    not_equals: str | int | bool | None = None
    in_: list[str | int | bool] | None = Field(default=None, alias="in")
    contains: str | None = None
    answered: bool | None = None
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        tests = [
            n
            for n in ("equals", "not_equals", "in_", "contains", "answered")
            if getattr(self, n) is not None
        ]
        groups = [n for n in ("all", "any", "not_") if getattr(self, n) is not None]
        if groups:
            if self.field is not None or tests or len(groups) > 1:
                raise ValueError("use one of all, any or not on its own")
        elif self.field is None or len(tests) != 1:
            raise ValueError(
                "a condition names a field and one test: equals, not_equals, in, contains "
                "or answered"
            )
        return self

    def fields(self) -> set[str]:
        names = {self.field} if self.field else set()
        for part in (self.all or []) + (self.any or []) + ([self.not_] if self.not_ else []):
            names |= part.fields()
        return names


class FormField(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Annotated[str, Field(pattern=_ID)]
    type: FieldType
    label: Text
    help: Text | None = None
    placeholder: Text | None = None
    required: bool = False
    required_when: Condition | None = None
    show_when: Condition | None = None
    # integer: the smallest and largest number; date: "today", "-18y", "+30d" or a date;
    # text: the longest answer; multi_choice, people, group: how many entries.
    min: int | str | None = None
    max: int | str | None = None
    choices: str | list[Choice] | None = None  # a list, or the name of a shared list
    estimated: bool = False  # date: the answer may be an estimate (a date of birth)
    default: str | None = None  # date: "today"
    fields: list[FormField] | None = None  # group: the fields of one entry
    item_label: Text | None = None  # group, people: what one entry is called ("Goal")
    add_label: Text | None = None  # group, people: its button ("Add a goal")
    # integer in a group: the answer is the number of an entry of that other group of the form
    # (an action's goal), picked from its entries and never one that does not exist.
    entry_of: str | None = None
    column: str | None = None  # the case column this answer fills

    @field_validator("min", "max", mode="before")
    @classmethod
    def _date_as_text(cls, value: Any) -> Any:
        # YAML reads an unquoted 2020-01-31 as a date (a time too becomes text, and is refused).
        return value.isoformat() if isinstance(value, date) else value

    def choice_codes(self) -> list[str]:
        return [c.code for c in self.choices] if isinstance(self.choices, list) else []

    def choice_label(self, code: str, language: str) -> str:
        for choice in self.choices if isinstance(self.choices, list) else []:
            if choice.code == code:
                return choice.label.get(language)
        return code


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Annotated[str, Field(pattern=_ID)]
    title: Text
    help: Text | None = None
    show_when: Condition | None = None
    fields: list[FormField] = Field(min_length=1)


class FormDefinition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Annotated[str, Field(pattern=_ID)]
    version: int = Field(ge=1)
    title: Text
    description: Text | None = None
    step: Literal[STEPS]  # type: ignore[valid-type]
    # A repeatable form is filled in many times for one case (each visit, each referral);
    # otherwise a case has one of it, corrected by new versions.
    repeatable: bool = False
    sections: list[Section] = Field(min_length=1)

    def all_fields(self) -> list[FormField]:
        return [f for section in self.sections for f in section.fields]

    def field(self, field_id: str) -> FormField | None:
        return next((f for f in self.all_fields() if f.id == field_id), None)


class ChoiceLists(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    lists: dict[Annotated[str, Field(pattern=_ID)], list[Choice]]


# -- dates in definitions -----------------------------------------------------------------------


def date_bound(value: int | str | None, today: date) -> date | None:
    """A definition's date bound ("today", "-18y", "+30d", "2020-01-31") as a date."""
    if value is None or not isinstance(value, str):
        return None
    if value == "today":
        return today
    if value[0] in "+-":
        amount, unit = int(value[:-1]), value[-1]
        if unit == "d":
            return today + timedelta(days=amount)
        year = today.year + amount
        return today.replace(year=year, day=min(today.day, 28) if today.month == 2 else today.day)
    return date.fromisoformat(value)


# -- loading -------------------------------------------------------------------------------------


def _line_of(data: Any, path: tuple[Any, ...]) -> int:
    """The 1-based line of `path` in data loaded by ruamel (the deepest part that has one)."""
    line = 1
    node = data
    for part in path:
        try:
            if isinstance(node, dict) and part in node:
                line = node.lc.key(part)[0] + 1 if hasattr(node, "lc") else line
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                line = node.lc.item(part)[0] + 1
                node = node[part]
            else:
                break
        except (AttributeError, KeyError, TypeError):
            break
    return line


def _found(data: Any, path: tuple[Any, ...]) -> bool:
    node = data
    for part in path:
        if (
            isinstance(node, dict)
            and part in node
            or isinstance(node, list)
            and isinstance(part, int)
            and part < len(node)
        ):
            node = node[part]
        else:
            return False
    return True


def _problem(error: dict[str, Any]) -> str:
    """Pydantic's complaint, in the words of someone editing the file."""
    loc = [str(p) for p in error["loc"] if not isinstance(p, int)]
    name = loc[-1] if loc else "the form"
    kind = error["type"]
    if kind == "missing":
        return f"“{name}” is missing"
    if kind == "extra_forbidden":
        return f"“{name}” is not something a form can have (misspelt?)"
    if kind == "literal_error":
        return f"“{name}” must be one of {error['ctx']['expected']}"
    if kind == "string_pattern_mismatch":
        return f"“{name}” must be lower case letters, digits and _ (like first_name)"
    if kind in ("too_short",):
        return f"“{name}” cannot be empty"
    message = str(error.get("msg", "is not valid")).removeprefix("Value error, ")
    return f"“{name}”: {message}"


def _parse(file: str, source: str) -> Any:
    yaml = YAML(typ="rt")  # the round-trip loader builds plain data only, and keeps lines
    try:
        data = yaml.load(source)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        if e.context_mark and str(e.context).startswith("while parsing a flow"):
            mark = e.context_mark  # an unclosed bracket: where it opens
        raise FormDefinitionError(
            file=file,
            line=(mark.line + 1) if mark else 1,
            problem=f"not valid YAML ({e.problem or e.context})",
        ) from None
    except Exception as e:  # ruamel's DuplicateKeyError and friends
        raise FormDefinitionError(file=file, line=1, problem=str(e).splitlines()[0]) from None
    if not isinstance(data, dict):
        raise FormDefinitionError(file=file, line=1, problem="the file must describe one form")
    return data


def _validated(model: type[BaseModel], file: str, data: Any) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as e:
        # A misspelt key is also a missing one: name the line that is there to mend.
        errors = [{**x, "loc": _in_file(data, tuple(x["loc"]))} for x in e.errors()]
        first = next((x for x in errors if _found(data, x["loc"])), errors[0])
        # Each branch of a union complains: take the most precise complaint about that place.
        near = [x for x in errors if x["loc"][: len(first["loc"])] == first["loc"]]
        first = max(near, key=lambda x: (len(x["loc"]), _found(data, x["loc"])))
        raise FormDefinitionError(
            file=file, line=_line_of(data, first["loc"]), problem=_problem(first)
        ) from None


def _in_file(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """`loc` without pydantic's names for the branches of a union (“int”, “list[Choice]”): they
    come after a value that is not a mapping, where the file has no keys."""
    path: list[Any] = []
    node = data
    for part in loc:
        if isinstance(node, dict):
            path.append(part)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            path.append(part)
            node = node[part] if part < len(node) else None
        elif node is None:
            path.append(part)
    return tuple(path)


def _check_form(
    file: str, data: Any, form: FormDefinition, shared: dict[str, list[Choice]]
) -> None:
    """What a schema cannot say: unique ids, conditions naming real fields, sensible bounds."""

    def fail(path: tuple[Any, ...], problem: str) -> None:
        raise FormDefinitionError(file=file, line=_line_of(data, path), problem=problem)

    seen: dict[str, tuple[Any, ...]] = {}
    columns: set[str] = set()
    section_ids: set[str] = set()
    for si, section in enumerate(form.sections):
        if section.id in section_ids:
            fail(("sections", si, "id"), f"two sections are called “{section.id}”")
        section_ids.add(section.id)
        for fi, f in enumerate(section.fields):
            path = ("sections", si, "fields", fi)
            if f.id in seen:
                fail((*path, "id"), f"two fields are called “{f.id}”")
            seen[f.id] = path
            _check_field(fail, path, f, shared)
            if f.column:
                if f.column not in COLUMNS:
                    fail((*path, "column"), f"“{f.column}” is not a case column")
                if f.type not in COLUMNS[f.column]:
                    fail((*path, "column"), f"a {f.type} field cannot fill “{f.column}”")
                if f.column in columns:
                    fail((*path, "column"), f"two fields fill “{f.column}”")
                columns.add(f.column)
    for fi, f in _fields_with_entry_of(form):
        target = form.field(f.entry_of or "")
        if f.type != "integer":
            fail(fi, "only a whole number can name an entry of a list (“entry_of”)")
        if target is None or target.type != "group":
            fail(fi, f"“entry_of” names “{f.entry_of}”, not a list (group) of this form")
    # Conditions may look at any field of the form, before or after.
    for si, section in enumerate(form.sections):
        if section.show_when:
            for name in section.show_when.fields() - seen.keys():
                fail(("sections", si, "show_when"), f"the condition names “{name}”, not a field")
        for fi, f in enumerate(section.fields):
            # A group's own fields may also look at the other fields of the same entry.
            path = ("sections", si, "fields", fi)
            siblings = {sub.id for sub in f.fields or []}
            parts = [(path, f, set())]
            parts += [((*path, "fields", i), sub, siblings) for i, sub in enumerate(f.fields or [])]
            for where, part, local in parts:
                for key in ("show_when", "required_when"):
                    cond = getattr(part, key)
                    for name in cond.fields() - seen.keys() - local if cond else ():
                        fail((*where, key), f"the condition names “{name}”, not a field")


def _fields_with_entry_of(form: FormDefinition) -> list[tuple[tuple[Any, ...], FormField]]:
    """Every field (in groups too) that names an entry of a list, with its path in the file."""
    found = []
    for si, section in enumerate(form.sections):
        for fi, f in enumerate(section.fields):
            path = ("sections", si, "fields", fi)
            parts = [(path, f)] + [
                ((*path, "fields", i), sub) for i, sub in enumerate(f.fields or [])
            ]
            found += [(where, part) for where, part in parts if part.entry_of is not None]
    return found


def _check_field(fail, path, f: FormField, shared: dict[str, list[Choice]]) -> None:  # type: ignore[no-untyped-def]
    if f.type in ("choice", "multi_choice"):
        if f.choices is None:
            fail(path, f"the {f.type} field “{f.id}” needs “choices”")
        if isinstance(f.choices, str) and f.choices not in shared:
            fail((*path, "choices"), f"there is no shared choice list “{f.choices}”")
        codes = f.choice_codes()
        if len(codes) != len(set(codes)):
            fail((*path, "choices"), "two choices have the same code")
    elif f.choices is not None:
        fail((*path, "choices"), f"a {f.type} field has no choices")
    if f.type == "group":
        if not f.fields:
            fail(path, f"the group “{f.id}” needs “fields”")
        ids = [sub.id for sub in f.fields or []]
        if len(ids) != len(set(ids)):
            fail((*path, "fields"), "two fields of the group have the same id")
        for i, sub in enumerate(f.fields or []):
            if sub.type == "group":
                fail((*path, "fields", i, "type"), "a group cannot hold another group")
            if sub.column:
                fail((*path, "fields", i, "column"), "a field in a group cannot fill a column")
            _check_field(fail, (*path, "fields", i), sub, shared)
    elif f.fields is not None:
        fail((*path, "fields"), f"only a group has fields, not a {f.type}")
    if f.estimated and f.type != "date":
        fail((*path, "estimated"), "only a date can be estimated")
    if f.default is not None and not (f.type == "date" and f.default == "today"):
        fail((*path, "default"), "the only default is “today”, for a date")
    for key in ("min", "max"):
        bound = getattr(f, key)
        if bound is None:
            continue
        if f.type == "date":
            if not (isinstance(bound, str) and _RELATIVE_DATE.match(bound)) or not _is_date(bound):
                fail((*path, key), f"“{key}” of a date is today, -18y, +30d or 2020-01-31")
        elif f.type in (
            "integer",
            "text",
            "long_text",
            "provider",
            "multi_choice",
            "people",
            "group",
        ):
            if not isinstance(bound, int) or isinstance(bound, bool):
                fail((*path, key), f"“{key}” must be a whole number")
        else:
            fail((*path, key), f"a {f.type} field has no “{key}”")
    if isinstance(f.min, int) and isinstance(f.max, int) and f.min > f.max:
        fail((*path, "min"), "“min” is larger than “max”")
    if f.type == "date" and f.min is not None and f.max is not None:
        today = date.today()
        if date_bound(f.min, today) > date_bound(f.max, today):  # type: ignore[operator]
            fail((*path, "min"), "“min” is later than “max”")


def _is_date(bound: str) -> bool:
    try:
        date_bound(bound, date.today())  # 2020-13-45 has the shape of a date
    except (ValueError, OverflowError):
        return False
    return True


def _resolve(form: FormDefinition, shared: dict[str, list[Choice]]) -> FormDefinition:
    """The definition with shared choice lists copied in."""

    def field(f: FormField) -> FormField:
        changes: dict[str, Any] = {}
        if isinstance(f.choices, str):
            changes["choices"] = list(shared[f.choices])
        if f.fields:
            changes["fields"] = [field(sub) for sub in f.fields]
        return f.model_copy(update=changes) if changes else f

    sections = [
        s.model_copy(update={"fields": [field(f) for f in s.fields]}) for s in form.sections
    ]
    return form.model_copy(update={"sections": sections})


def parse_choices(file: str, source: str) -> dict[str, list[Choice]]:
    data = _parse(file, source)
    lists = _validated(ChoiceLists, file, {"lists": data})
    for name, choices in lists.lists.items():
        codes = [c.code for c in choices]
        if len(codes) != len(set(codes)):
            raise FormDefinitionError(
                file=file,
                line=_line_of(data, (name,)),
                problem=f"two choices of “{name}” have the same code",
            )
    return lists.lists


def parse_form(file: str, source: str, shared: dict[str, list[Choice]]) -> FormDefinition:
    """One definition file, checked and with its shared choice lists copied in."""
    data = _parse(file, source)
    form = _validated(FormDefinition, file, data)
    _check_form(file, data, form, shared)
    return _resolve(form, shared)


@dataclass(frozen=True)
class FormSet:
    """The forms in use: shipped definitions, with the agency's edited copies in their place."""

    forms: dict[str, FormDefinition]
    files: dict[str, str]  # form id -> the file it came from

    def ordered(self) -> list[FormDefinition]:
        return sorted(self.forms.values(), key=lambda f: (STEPS.index(f.step), f.id))

    def get(self, form_id: str) -> FormDefinition:
        return self.forms[form_id]

    def files_to_ids(self) -> dict[str, str]:
        return {file: form_id for form_id, file in self.files.items()}


def shipped_sources() -> dict[str, str]:
    """Every definition file shipped with the program: file name -> YAML text."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SHIPPED_FOLDER.glob("*.yaml"))}


def load_form_set(sources: dict[str, str]) -> FormSet:
    """Parse a complete set of definition files (choices.yaml and one file per form)."""
    shared = parse_choices(CHOICES_FILE, sources.get(CHOICES_FILE, "{}"))
    forms: dict[str, FormDefinition] = {}
    files: dict[str, str] = {}
    for file, source in sorted(sources.items()):
        if file == CHOICES_FILE:
            continue
        form = parse_form(file, source, shared)
        if form.id in forms:
            raise FormDefinitionError(
                file=file, line=1, problem=f"{files[form.id]} already defines the form “{form.id}”"
            )
        forms[form.id], files[form.id] = form, file
    return FormSet(forms, files)

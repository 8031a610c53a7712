"""Form definitions load, speak English and French, fail loudly with file and line when
broken, and their answers obey the rules of `desktop.forms.answers`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.forms import answers as rules
from desktop.forms.answers import (
    Problem,
    changed_fields,
    clean,
    column_values,
    problems,
    shown_fields,
)
from desktop.forms.definition import (
    CHOICES_FILE,
    Condition,
    FieldType,
    FormDefinition,
    FormDefinitionError,
    FormField,
    Text,
    load_form_set,
    parse_choices,
    parse_form,
    shipped_sources,
)
from tests.form_answers import answers_for

SHIPPED = load_form_set(shipped_sources())
FORM_IDS = [f.id for f in SHIPPED.ordered()]
SHARED = parse_choices(CHOICES_FILE, shipped_sources()[CHOICES_FILE])
LANGUAGE = re.compile(r"^[a-z]{2,3}$")  # en, fr, sw, rw…


def texts_of(form: FormDefinition) -> Iterator[tuple[str, Text]]:
    """Every text a person reads in a form, with where it is."""
    yield "title", form.title
    if form.description:
        yield "description", form.description
    for section in form.sections:
        yield f"{section.id}.title", section.title
        if section.help:
            yield f"{section.id}.help", section.help
        for f in section.fields:
            yield from _field_texts(f"{section.id}.{f.id}", f)


def _field_texts(where: str, f: FormField) -> Iterator[tuple[str, Text]]:
    yield f"{where}.label", f.label
    for key in ("help", "placeholder", "item_label"):
        if getattr(f, key) is not None:
            yield f"{where}.{key}", getattr(f, key)
    for choice in f.choices if isinstance(f.choices, list) else []:
        yield f"{where}.{choice.code}", choice.label
    for sub in f.fields or []:
        yield from _field_texts(f"{where}.{sub.id}", sub)


def conditions_of(form: FormDefinition) -> Iterator[tuple[Condition, dict[str, FormField]]]:
    """Every condition, with the fields it may name (the form's, and an entry's siblings)."""
    fields = {f.id: f for f in form.all_fields()}
    for section in form.sections:
        if section.show_when:
            yield section.show_when, fields
        for f in section.fields:
            for cond in (f.show_when, f.required_when):
                if cond:
                    yield cond, fields
            siblings = {**fields, **{sub.id: sub for sub in f.fields or []}}
            for sub in f.fields or []:
                for cond in (sub.show_when, sub.required_when):
                    if cond:
                        yield cond, siblings


def parts_of(cond: Condition) -> Iterator[Condition]:
    yield cond
    for part in (cond.all or []) + (cond.any or []) + ([cond.not_] if cond.not_ else []):
        yield from parts_of(part)


# -- the shipped definitions ----------------------------------------------------------------------


def test_every_shipped_definition_loads_from_its_own_file() -> None:
    assert set(FORM_IDS) >= {
        "registration",
        "consent",
        "initial_assessment",
        "full_assessment",
        "best_interests",
    }
    for form in SHIPPED.ordered():
        assert SHIPPED.files[form.id] == f"{form.id}.yaml"
        assert form.version >= 1
        assert form.all_fields()


def test_assessment_forms_belong_to_their_workflow_steps() -> None:
    for form_id in ("initial_assessment", "full_assessment", "best_interests"):
        assert SHIPPED.get(form_id).step == form_id


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_text_is_written_in_english_and_french(form_id: str) -> None:
    untranslated = [
        where
        for where, text in texts_of(SHIPPED.get(form_id))
        if not {"en", "fr"} <= text.languages()
        or not text.get("en").strip()
        or not (text.model_extra or {}).get("fr", "").strip()
    ]
    assert untranslated == []


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_no_text_is_cut_short_by_an_unquoted_comma(form_id: str) -> None:
    """YAML reads `{en: Views, in their words, fr: …}` as the text “Views” and one more
    “language” called “in their words”, with no text: the rest of the label is lost."""
    stray = [
        f"{where}: {key}"
        for where, text in texts_of(SHIPPED.get(form_id))
        for key, value in (text.model_extra or {}).items()
        if not LANGUAGE.match(key) or not isinstance(value, str)
    ]
    assert stray == []


def test_every_shared_choice_is_written_in_english_and_french() -> None:
    untranslated = [
        f"{name}.{choice.code}"
        for name, choices in SHARED.items()
        for choice in choices
        if choice.label.languages() != {"en", "fr"}
    ]
    assert untranslated == []


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_field_ids_are_unique_in_a_form_and_in_each_group(form_id: str) -> None:
    form = SHIPPED.get(form_id)
    ids = [f.id for f in form.all_fields()]
    assert len(ids) == len(set(ids))
    assert len({s.id for s in form.sections}) == len(form.sections)
    for f in form.all_fields():
        subs = [sub.id for sub in f.fields or []]
        assert len(subs) == len(set(subs)), f.id


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_form_has_a_required_question(form_id: str) -> None:
    assert any(f.required for f in SHIPPED.get(form_id).all_fields())


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_page_fits_a_small_screen(form_id: str) -> None:
    """A section is one wizard page at 1366×768: a handful of questions, not a wall."""
    assert [s.id for s in SHIPPED.get(form_id).sections if len(s.fields) > 7] == []


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_conditions_compare_with_answers_the_field_can_have(form_id: str) -> None:
    """A typo in a condition's value (`equals: othr`) would silently never hold."""
    wrong = []
    for cond, fields in conditions_of(SHIPPED.get(form_id)):
        for test in parts_of(cond):
            if test.field is None:
                continue
            target = fields[test.field]
            values = [test.equals, test.not_equals, *(test.in_ or [])]
            values = [v for v in values if v is not None]
            if target.type == "yes_no":
                wrong += [(test.field, v) for v in values if not isinstance(v, bool)]
            elif target.type in ("choice", "multi_choice"):
                codes = target.choice_codes()
                wrong += [(test.field, v) for v in values if v not in codes]
                if test.contains is not None:
                    assert target.type == "multi_choice", test.field
                    wrong += [(test.field, test.contains)] * (test.contains not in codes)
    assert wrong == []


def test_the_risk_column_is_filled_by_the_forms_that_rate_the_risk() -> None:
    """The initial assessment sets the risk; the full assessment, each visit (after a
    reunification too), review and closure updates it."""
    filling = [
        (form.id, f.id)
        for form in SHIPPED.ordered()
        for f in form.all_fields()
        if f.column == "risk"
    ]
    assert filling == [
        ("initial_assessment", "risk_level"),
        ("full_assessment", "risk_level"),
        ("post_placement_follow_up", "risk_level"),
        ("follow_up_visit", "risk_level"),
        ("review", "risk_level"),
        ("closure_request", "risk_at_closure"),
    ]
    for form_id, field_id in filling:
        risk = SHIPPED.get(form_id).field(field_id)
        assert risk is not None and risk.required and risk.column == "risk"
        assert risk.choice_codes() == [c.code for c in SHARED["risk_levels"]]


def test_the_shipped_forms_use_every_kind_of_question() -> None:
    used = {f.type for form in SHIPPED.ordered() for f in form.all_fields()}
    assert used == set(get_args(FieldType))


def test_the_full_assessment_asks_for_the_childs_own_words() -> None:
    form = SHIPPED.get("full_assessment")
    views = form.field("child_views")
    assert views is not None and views.required and views.type == "long_text"
    assert views.help is not None and "words" in views.help.get("en")
    assert form.field("strengths").required  # type: ignore[union-attr]


def test_a_concern_opens_its_notes_and_no_concern_hides_them() -> None:
    form = SHIPPED.get("full_assessment")
    base = {"health_level": "no_concern", "health_notes": "Malaria last month"}
    assert "health_notes" not in {f.id for f in shown_fields(form, base)}
    assert "health_notes" not in clean(form, base)
    worried = {"health_level": "serious_concern"}
    assert problems(form, worried)["health_notes"] == Problem(rules.REQUIRED)


def test_initial_assessment_asks_what_danger_only_when_there_is_one() -> None:
    form = SHIPPED.get("initial_assessment")
    shown = {f.id for f in shown_fields(form, {"immediate_danger": False})}
    assert "danger_description" not in shown
    found = problems(form, {"immediate_danger": True, "safe_place_needed": False})
    assert found["danger_description"] == Problem(rules.REQUIRED)
    assert found["immediate_actions"] == Problem(rules.REQUIRED)  # required when in danger
    assert "safe_place_arranged" not in found
    assert column_values(form, {"risk_level": "high"}) == {"risk": "high"}


# -- broken definitions: the file, the line and the problem ----------------------------------------

HEAD = """\
id: bad
version: 1
step: registration
title: {en: Bad, fr: Mauvais}
sections:
  - id: one
    title: {en: One, fr: Un}
    fields:
"""  # the fields below start on line 9


def snippet(fields: str) -> str:
    """Fields written in a test at 8 more spaces than in the file (items under `fields:`)."""
    lines = fields.splitlines()
    assert all(line.startswith(" " * 8) for line in lines if line.strip()), fields
    return "".join(line[8:] + "\n" for line in lines if line.strip())


def error_of(fields: str, *, head: str = HEAD) -> str:
    with pytest.raises(FormDefinitionError) as caught:
        parse_form("bad.yaml", head + snippet(fields), SHARED)
    return caught.value.message


def at(line: int) -> str:
    return f"Form definition bad.yaml, line {line}: "


def test_a_valid_small_definition_loads() -> None:
    form = parse_form("good.yaml", HEAD + "      - {id: a, type: text, label: {en: A}}\n", SHARED)
    assert [f.id for f in form.all_fields()] == ["a"]


def test_unknown_field_type_names_its_line() -> None:
    message = error_of(
        """\
              - id: name
                type: txt
                label: {en: Name}
        """
    )
    assert message.startswith(at(10) + "“type” must be one of")
    assert "'long_text'" in message


def test_misspelt_key_names_its_line() -> None:
    message = error_of(
        """\
              - id: name
                type: text
                label: {en: Name}
                requird: true
        """
    )
    assert message == at(12) + "“requird” is not something a form can have (misspelt?)"


def test_misspelt_label_points_at_the_misspelling_not_the_missing_label() -> None:
    message = error_of(
        """\
              - id: name
                type: text
                lable: {en: Name}
        """
    )
    assert message == at(11) + "“lable” is not something a form can have (misspelt?)"


def test_missing_label_names_the_field() -> None:
    message = error_of(
        """\
              - id: name
                type: text
              - id: age
                type: integer
        """
    )
    assert message == at(9) + "“label” is missing"


def test_label_without_english_is_refused() -> None:
    message = error_of(
        """\
              - id: name
                type: text
                label: {fr: Nom}
        """
    )
    assert message == at(11) + "“en” is missing"


def test_duplicate_field_id_names_the_second_one() -> None:
    message = error_of(
        """\
              - id: name
                type: text
                label: {en: Name}
              - id: name
                type: long_text
                label: {en: About}
        """
    )
    assert message == at(12) + "two fields are called “name”"


def test_duplicate_field_id_across_sections_is_refused() -> None:
    message = error_of(
        """\
              - {id: name, type: text, label: {en: Name}}
          - id: two
            title: {en: Two}
            fields:
              - {id: name, type: text, label: {en: Name again}}
        """
    )
    assert message == at(13) + "two fields are called “name”"


def test_condition_naming_an_unknown_field_names_its_line() -> None:
    message = error_of(
        """\
              - id: asked
                type: yes_no
                label: {en: Asked?}
              - id: reason
                type: long_text
                label: {en: Why not?}
                show_when: {field: askd, equals: false}
        """
    )
    assert message == at(15) + "the condition names “askd”, not a field"


def test_condition_inside_a_group_naming_an_unknown_field_names_its_line() -> None:
    message = error_of(
        """\
              - id: goals
                type: group
                label: {en: Goals}
                fields:
                  - {id: goal, type: text, label: {en: Goal}}
                  - id: done_on
                    type: date
                    label: {en: Done on}
                    show_when: {field: gaol, answered: true}
        """
    )
    assert message == at(17) + "the condition names “gaol”, not a field"


def test_condition_inside_a_group_may_name_a_sibling_or_a_form_field() -> None:
    fields = """\
              - {id: planned, type: yes_no, label: {en: Planned?}}
              - id: goals
                type: group
                label: {en: Goals}
                fields:
                  - {id: goal, type: text, label: {en: Goal}}
                  - id: done_on
                    type: date
                    label: {en: Done on}
                    show_when:
                      all:
                        - {field: goal, answered: true}
                        - {field: planned, equals: true}
        """
    form = parse_form("good.yaml", HEAD + snippet(fields), SHARED)
    assert form.field("goals") is not None


def test_condition_without_a_test_is_refused() -> None:
    message = error_of(
        """\
              - id: name
                type: text
                label: {en: Name}
                show_when: {field: name}
        """
    )
    assert message.startswith(at(12) + "“show_when”: a condition names a field and one test")


def test_unknown_shared_choice_list_names_its_line() -> None:
    message = error_of(
        """\
              - id: colour
                type: choice
                label: {en: Colour}
                choices: colours
        """
    )
    assert message == at(12) + "there is no shared choice list “colours”"


def test_choice_without_choices_is_refused() -> None:
    message = error_of(
        """\
              - id: colour
                type: choice
                label: {en: Colour}
        """
    )
    assert message == at(9) + "the choice field “colour” needs “choices”"


def test_misspelt_key_in_an_inline_choice_names_its_line() -> None:
    message = error_of(
        """\
              - id: colour
                type: choice
                label: {en: Colour}
                choices:
                  - {code: red, label: {en: Red}}
                  - {code: blue, lable: {en: Blue}}
        """
    )
    assert message == at(14) + "“lable” is not something a form can have (misspelt?)"


def test_unclosed_bracket_names_the_line_it_opens_on() -> None:
    message = error_of(
        """\
              - id: name
                type: text
                label: {en: Name, fr: Nom
                required: true
              - id: age
                type: integer
                label: {en: Age, fr: Âge}
        """
    )
    assert message.startswith(at(11) + "not valid YAML")


def test_bad_indentation_names_its_line() -> None:
    message = error_of(
        """\
              - id: name
                type: text
                 label: {en: Name}
        """
    )
    assert message.startswith(at(11) + "not valid YAML")


def test_duplicate_yaml_key_names_the_second_one() -> None:
    message = error_of(
        """\
              - id: name
                type: text
                label: {en: Name}
                type: long_text
        """
    )
    assert message.startswith(at(12) + "not valid YAML (found duplicate key")
    assert "type" in message


def test_group_without_fields_is_refused() -> None:
    message = error_of(
        """\
              - id: name
                type: text
                label: {en: Name}
              - id: goals
                type: group
                label: {en: Goals}
                fields: []
        """
    )
    assert message == at(12) + "the group “goals” needs “fields”"


def test_group_inside_a_group_is_refused() -> None:
    message = error_of(
        """\
              - id: goals
                type: group
                label: {en: Goals}
                fields:
                  - id: steps
                    type: group
                    label: {en: Steps}
                    fields:
                      - {id: step, type: text, label: {en: Step}}
        """
    )
    assert message == at(14) + "a group cannot hold another group"


def test_column_on_the_wrong_type_names_its_line() -> None:
    message = error_of(
        """\
              - id: risk
                type: text
                label: {en: Risk}
                column: risk
        """
    )
    assert message == at(12) + "a text field cannot fill “risk”"


def test_unknown_column_and_a_column_filled_twice_are_refused() -> None:
    assert (
        error_of(
            """\
              - {id: danger, type: choice, label: {en: Danger}, choices: risk_levels, column: danger}
        """
        )
        == at(9) + "“danger” is not a case column"
    )
    assert (
        error_of(
            """\
              - {id: risk, type: choice, label: {en: Risk}, choices: risk_levels, column: risk}
              - {id: risk_now, type: choice, label: {en: Risk now}, choices: risk_levels, column: risk}
        """
        )
        == at(10) + "two fields fill “risk”"
    )


@pytest.mark.parametrize("bound", ["tomorrow", "18y", "-18 y", "31/01/2020", "'2020-13-45'"])
def test_date_bound_in_a_bad_format_names_its_line(bound: str) -> None:
    message = error_of(
        f"""\
              - id: seen_on
                type: date
                label: {{en: Seen on}}
                max: {bound}
        """
    )
    assert message == at(12) + "“max” of a date is today, -18y, +30d or 2020-01-31"


@pytest.mark.parametrize("bound", ["2020-01-31", "'2020-01-31'", "today", "-18y", "+30d"])
def test_date_bounds_in_every_documented_format_load(bound: str) -> None:
    form = parse_form(
        "good.yaml",
        HEAD + f"      - {{id: seen_on, type: date, label: {{en: Seen on}}, min: {bound}}}\n",
        SHARED,
    )
    assert form.field("seen_on").min == bound.strip("'")  # type: ignore[union-attr]


def test_min_larger_than_max_names_its_line() -> None:
    message = error_of(
        """\
              - id: children
                type: integer
                label: {en: Children}
                min: 5
                max: 1
        """
    )
    assert message == at(12) + "“min” is larger than “max”"


def test_date_min_after_max_names_its_line() -> None:
    message = error_of(
        """\
              - id: seen_on
                type: date
                label: {en: Seen on}
                min: today
                max: -1y
        """
    )
    assert message == at(12) + "“min” is later than “max”"


def test_bound_on_a_field_that_has_none_is_refused() -> None:
    message = error_of(
        """\
              - id: agreed
                type: yes_no
                label: {en: Agreed?}
                max: 3
        """
    )
    assert message == at(12) + "a yes_no field has no “max”"


def test_a_fractional_bound_names_the_key_not_the_type() -> None:
    message = error_of(
        """\
              - id: children
                type: integer
                label: {en: Children}
                max: 2.5
        """
    )
    assert message.startswith(at(12) + "“max”")


def test_wrong_step_and_bad_id_are_explained() -> None:
    head = HEAD.replace("step: registration", "step: intake")
    message = error_of(" " * 14 + "- {id: a, type: text, label: {en: A}}\n", head=head)
    assert message.startswith(at(3) + "“step” must be one of")
    message = error_of(" " * 14 + "- {id: First-Name, type: text, label: {en: A}}\n")
    assert message == at(9) + "“id” must be lower case letters, digits and _ (like first_name)"


def test_an_agency_edit_with_a_typo_names_the_line_in_the_shipped_file() -> None:
    sources = shipped_sources()
    lines = sources["registration.yaml"].splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if "choices: care_arrangements" in text)
    lines[line - 1] = lines[line - 1].replace("care_arrangements", "care_arangements")
    with pytest.raises(FormDefinitionError) as caught:
        load_form_set({**sources, "registration.yaml": "\n".join(lines)})
    assert caught.value.message == (
        f"Form definition registration.yaml, line {line}: "
        "there is no shared choice list “care_arangements”"
    )


def test_broken_shared_choice_lists_name_choices_yaml() -> None:
    with pytest.raises(FormDefinitionError) as caught:
        load_form_set(
            {
                "choices.yaml": "colours:\n  - {code: red, label: {en: Red}}\n  - {code: red, label: {en: Rouge}}\n"
            }
        )
    assert caught.value.message == (
        "Form definition choices.yaml, line 1: two choices of “colours” have the same code"
    )
    with pytest.raises(FormDefinitionError) as caught:
        load_form_set({"choices.yaml": "colours:\n  - {code: red, label: {fr: Rouge}}\n"})
    assert caught.value.message == "Form definition choices.yaml, line 2: “en” is missing"


def test_two_files_defining_the_same_form_are_refused() -> None:
    sources = shipped_sources()
    with pytest.raises(FormDefinitionError) as caught:
        load_form_set({**sources, "copy.yaml": sources["consent.yaml"]})
    assert caught.value.message == (
        "Form definition copy.yaml, line 1: consent.yaml already defines the form “consent”"
    )


def test_a_file_that_is_not_a_form_is_refused() -> None:
    with pytest.raises(FormDefinitionError) as caught:
        parse_form("list.yaml", "- one\n- two\n", SHARED)
    assert (
        caught.value.message == "Form definition list.yaml, line 1: the file must describe one form"
    )


# -- the rules for answers -------------------------------------------------------------------------

TODAY = date(2024, 6, 15)

RULES = parse_form(
    "rules.yaml",
    """\
id: rules
version: 1
step: registration
title: {en: Rules}
sections:
  - id: child
    title: {en: Child}
    fields:
      - {id: name, type: text, label: {en: Name}, required: true, min: 2, max: 10, column: given_name}
      - {id: birth, type: date, label: {en: Born}, estimated: true, min: -25y, max: today, column: birth_date}
      - {id: registered, type: date, label: {en: Registered}, min: 2024-01-01, max: +30d, column: registered_on}
      - {id: risk, type: choice, label: {en: Risk}, choices: risk_levels, column: risk}
      - {id: siblings, type: integer, label: {en: Siblings}, min: 0, max: 5}
      - {id: concerns, type: multi_choice, label: {en: Concerns}, choices: protection_concerns, min: 1, max: 2}
      - {id: other_concern, type: text, label: {en: Which?}, show_when: {field: concerns, contains: other}, required_when: {field: concerns, contains: other}}
  - id: family
    title: {en: Family}
    fields:
      - {id: asked, type: yes_no, label: {en: Asked?}, required: true}
      - {id: consent, type: consent, label: {en: Given by}, show_when: {field: asked, equals: true}, required_when: {field: asked, equals: true}}
      - {id: why_not, type: long_text, label: {en: Why not?}, show_when: {field: asked, equals: false}}
      - {id: caregivers, type: people, label: {en: Caregivers}, max: 2, required_when: {field: asked, equals: true}}
      - id: goals
        type: group
        label: {en: Goals}
        required: true
        fields:
          - {id: goal, type: text, label: {en: Goal}, required: true}
          - {id: kind, type: choice, label: {en: Kind}, choices: [{code: safety, label: {en: Safety}}, {code: other, label: {en: Other}}]}
          - {id: kind_other, type: text, label: {en: Which kind?}, show_when: {field: kind, equals: other}, required_when: {field: kind, equals: other}}
  - id: refusal
    title: {en: Refusal}
    show_when: {field: consent_answer, equals: refused}
    fields:
      - {id: consent_answer, type: choice, label: {en: Answer}, choices: consent_answers, show_when: {field: asked, equals: true}}
      - {id: action, type: long_text, label: {en: Action}, required: true}
""",
    SHARED,
)

VALID = {
    "name": "Amani",
    "birth": {"date": "2015-03-01", "estimated": True},
    "registered": "2024-06-01",
    "risk": "medium",
    "siblings": 2,
    "concerns": ["neglect"],
    "asked": True,
    "consent": {"by": "Mother", "method": "thumbprint", "date": "2024-06-01"},
    "caregivers": [{"name": "Neema", "relationship": "mother", "contact": "0788 000 000"}],
    "goals": [{"goal": "Back to school", "kind": "safety"}],
}


def found(answers: dict, **changes: object) -> dict[str, Problem]:
    return problems(RULES, {**answers, **changes}, TODAY)


def test_valid_answers_have_no_problem() -> None:
    assert problems(RULES, VALID, TODAY) == {}
    assert clean(RULES, VALID) == VALID


def test_missing_required_answers_are_reported_in_form_order() -> None:
    result = problems(RULES, {}, TODAY)
    assert list(result) == ["name", "asked", "goals"]
    assert result["name"] == Problem(rules.REQUIRED)
    assert result["goals"] == Problem(rules.REQUIRED_ENTRY)
    assert found(VALID, name="   ") == {"name": Problem(rules.REQUIRED)}


def test_hidden_questions_are_never_reported_and_their_answers_dropped() -> None:
    answers = {**VALID, "asked": False, "why_not": "  Away  ", "other_concern": "x"}
    assert "consent" not in found(answers)  # required when asked, hidden when not
    assert found(answers) == {}
    kept = clean(RULES, answers)
    assert "consent" not in kept and "other_concern" not in kept
    assert kept["why_not"] == "Away"
    assert clean(RULES, {**VALID, "unknown": 1}) == VALID


def test_a_stale_hidden_answer_shows_no_other_question() -> None:
    """`consent_answer` is hidden once `asked` is no: its old "refused" must not open the
    refusal page nor require an action."""
    answers = {**VALID, "asked": False, "consent_answer": "refused"}
    assert "action" not in {f.id for f in shown_fields(RULES, answers)}
    assert found(answers) == {}
    assert "consent_answer" not in clean(RULES, answers)
    refused = {**VALID, "consent_answer": "refused"}
    assert found(refused) == {"action": Problem(rules.REQUIRED)}


def test_the_consent_form_does_not_ask_for_a_refusal_that_was_withdrawn() -> None:
    form = SHIPPED.get("consent")
    answers = {
        "caregiver_asked": False,
        "caregiver_not_asked_reason": "No caregiver found",
        "caregiver_interview": "refused",  # answered before "asked" was changed to no
        "child_asked": False,
        "child_not_asked_reason": "A baby",
    }
    assert problems(form, answers) == {}
    assert clean(form, clean(form, answers)) == clean(form, answers)


def test_required_when_follows_the_other_answer() -> None:
    assert found(VALID, caregivers=[]) == {"caregivers": Problem(rules.REQUIRED_ENTRY)}
    assert found(VALID, caregivers=[], asked=False) == {}
    assert found(VALID, concerns=["other"]) == {"other_concern": Problem(rules.REQUIRED)}


def test_numbers_respect_their_bounds() -> None:
    assert found(VALID, siblings=-1) == {"siblings": Problem(rules.TOO_SMALL, {"min": 0})}
    assert found(VALID, siblings=6) == {"siblings": Problem(rules.TOO_LARGE, {"max": 5})}
    assert found(VALID, siblings=0) == {}
    assert found(VALID, siblings="3") == {"siblings": Problem(rules.NOT_NUMBER)}
    assert found(VALID, siblings=True) == {"siblings": Problem(rules.NOT_NUMBER)}
    assert found(VALID, siblings=2.5) == {"siblings": Problem(rules.NOT_NUMBER)}


def test_text_length_is_checked_on_the_trimmed_answer() -> None:
    assert found(VALID, name="A") == {"name": Problem(rules.TOO_SHORT, {"min": 2})}
    assert found(VALID, name=" Al ") == {}
    assert found(VALID, name="Abcdefghijk") == {"name": Problem(rules.TOO_LONG, {"max": 10})}
    assert found(VALID, name=3) == {"name": Problem(rules.NOT_TEXT)}
    long_text = "x" * (rules.LONG_TEXT_LIMIT + 1)
    assert found(VALID, asked=False, why_not=long_text) == {
        "why_not": Problem(rules.TOO_LONG, {"max": rules.LONG_TEXT_LIMIT})
    }


def test_dates_respect_their_bounds_and_the_future() -> None:
    assert found(VALID, birth="2024-06-16") == {
        "birth": Problem(rules.DATE_IN_FUTURE, {"max": TODAY})
    }
    assert found(VALID, birth="1999-06-14") == {
        "birth": Problem(rules.DATE_TOO_EARLY, {"min": date(1999, 6, 15)})
    }
    assert found(VALID, birth="1999-06-15") == {}
    assert found(VALID, registered="2023-12-31") == {
        "registered": Problem(rules.DATE_TOO_EARLY, {"min": date(2024, 1, 1)})
    }
    assert found(VALID, registered="2024-07-16") == {
        "registered": Problem(rules.DATE_TOO_LATE, {"max": date(2024, 7, 15)})
    }
    assert found(VALID, registered="2024-07-15") == {}
    for wrong in ("15/06/2024", "2024-02-30", 20240601, {"date": "2024-06-01"}):
        assert found(VALID, registered=wrong) == {"registered": Problem(rules.NOT_DATE)}


def test_estimated_dates_are_dicts_with_a_flag() -> None:
    assert found(VALID, birth="2015-03-01") == {}
    assert found(VALID, birth={"date": "2015-03-01", "estimated": False}) == {}
    assert found(VALID, birth={"date": "2015-03-01", "estimated": "yes"}) == {
        "birth": Problem(rules.NOT_DATE)
    }
    assert found(VALID, birth={"date": "2030-01-01", "estimated": True}) == {
        "birth": Problem(rules.DATE_IN_FUTURE, {"max": TODAY})
    }
    assert found(VALID, birth={"date": "", "estimated": True}) == {}  # empty: not required
    assert "birth" not in clean(RULES, {**VALID, "birth": {"date": None, "estimated": True}})


def test_choices_must_be_known_codes_and_counted() -> None:
    assert found(VALID, risk="very_high") == {"risk": Problem(rules.NOT_A_CHOICE)}
    assert found(VALID, concerns=["neglect", "fire"]) == {"concerns": Problem(rules.NOT_A_CHOICE)}
    assert found(VALID, concerns="neglect") == {"concerns": Problem(rules.NOT_A_CHOICE)}
    three = ["neglect", "separated", "child_marriage"]
    assert found(VALID, concerns=three) == {"concerns": Problem(rules.TOO_MANY, {"max": 2})}
    assert found(VALID, asked="yes") == {"asked": Problem(rules.NOT_YES_NO)}


def test_a_consent_block_needs_who_how_and_when() -> None:
    def consent(**parts: object) -> dict[str, Problem]:
        return found(VALID, consent={**VALID["consent"], **parts})

    assert consent(by=" ") == {"consent": Problem(rules.CONSENT_WHO)}
    assert consent(method="email") == {"consent": Problem(rules.CONSENT_HOW)}
    assert consent(date="") == {"consent": Problem(rules.CONSENT_WHEN)}
    assert consent(date="2024-06-16") == {"consent": Problem(rules.DATE_IN_FUTURE)}
    assert consent(by="x" * (rules.TEXT_LIMIT + 1)) == {
        "consent": Problem(rules.TOO_LONG, {"max": rules.TEXT_LIMIT})
    }
    assert found(VALID, consent={"by": "", "method": "", "date": ""}) == {
        "consent": Problem(rules.REQUIRED)
    }
    assert found(VALID, consent="Mother") == {"consent": Problem(rules.CONSENT_WHO)}


def test_a_group_entry_missing_a_required_part_names_the_entry() -> None:
    goals = [{"goal": "School"}, {"kind": "safety"}]
    assert found(VALID, goals=goals) == {
        "goals": Problem(
            rules.ENTRY_PROBLEM,
            {"number": 2, "problem": Problem(rules.REQUIRED), "field": "goal"},
        )
    }
    other = [{"goal": "School", "kind": "other"}]
    assert found(VALID, goals=other)["goals"].params["field"] == "kind_other"
    hidden = [{"goal": "School", "kind": "safety", "kind_other": "stale"}]
    assert found(VALID, goals=hidden) == {}
    assert clean(RULES, {**VALID, "goals": hidden})["goals"] == [
        {"goal": "School", "kind": "safety"}
    ]
    assert found(VALID, goals=[{"goal": "School", "colour": "red"}]) == {
        "goals": Problem(rules.NOT_LIST)
    }
    assert found(VALID, goals="School") == {"goals": Problem(rules.NOT_LIST)}


def test_people_need_a_name_and_a_count_within_bounds() -> None:
    nameless = [{"name": "Neema"}, {"name": " ", "relationship": "uncle"}]
    assert found(VALID, caregivers=nameless) == {
        "caregivers": Problem(rules.NAME_NEEDED, {"number": 2})
    }
    three = [{"name": n} for n in ("A", "B", "C")]
    assert found(VALID, caregivers=three) == {"caregivers": Problem(rules.TOO_MANY, {"max": 2})}
    assert found(VALID, caregivers=[{"name": "A", "age": "3"}]) == {
        "caregivers": Problem(rules.NOT_LIST)
    }
    kept = clean(RULES, {**VALID, "caregivers": [{"name": " A ", "contact": ""}, {"name": ""}]})
    assert kept["caregivers"] == [{"name": "A"}]


def test_changed_fields_follow_the_form_order() -> None:
    after = {**VALID, "siblings": 3, "name": "Amani B", "zzz": 1}
    del after["risk"]
    assert changed_fields(RULES, VALID, after) == ["name", "risk", "siblings", "zzz"]
    assert changed_fields(RULES, VALID, dict(VALID)) == []


def test_column_values_fill_the_case_list() -> None:
    values = column_values(RULES, clean(RULES, VALID))
    assert values == {
        "given_name": "Amani",
        "birth_date": date(2015, 3, 1),
        "birth_date_estimated": True,
        "registered_on": date(2024, 6, 1),
        "risk": "medium",
    }
    exact = column_values(RULES, {**VALID, "birth": "2015-03-01"})
    assert exact["birth_date"] == date(2015, 3, 1) and exact["birth_date_estimated"] is False
    empty = column_values(RULES, {})
    assert empty == {
        "given_name": None,
        "birth_date": None,
        "birth_date_estimated": False,
        "registered_on": None,
        "risk": None,
    }


# -- any valid answers survive saving ---------------------------------------------------------------


@pytest.mark.parametrize("form_id", FORM_IDS)
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_valid_answers_survive_cleaning_and_json(form_id: str, data: st.DataObject) -> None:
    form = SHIPPED.get(form_id)
    answers = data.draw(answers_for(form), label="answers")
    kept = clean(form, answers)
    assert problems(form, kept) == {}
    assert problems(form, answers) == {}  # what is hidden is not checked, the rest is valid
    assert clean(form, kept) == kept
    assert json.loads(json.dumps(kept)) == kept
    assert json.loads(json.dumps(answers)) == answers
    assert set(kept) <= {f.id for f in shown_fields(form, kept)}


@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_the_strategy_draws_valid_answers_for_the_rules_form(data: st.DataObject) -> None:
    answers = data.draw(answers_for(RULES))
    kept = clean(RULES, answers)
    assert problems(RULES, kept) == {}
    assert clean(RULES, kept) == kept


def test_an_unquoted_comma_in_a_text_is_refused_with_its_line() -> None:
    source = """id: t
version: 1
step: registration
title: {en: T}
sections:
  - id: s
    title: {en: S}
    fields:
      - id: views
        type: long_text
        label: {en: What the child said, in their words}
"""
    with pytest.raises(FormDefinitionError, match=r"bad\.yaml, line 11: .*put the text in quotes"):
        parse_form("bad.yaml", source, {})

"""A case's forms: registering a child through the forms, saving answers, and their history.

Answers are saved as JSON with the form's id and the exact definition they answered (kept in
`form_definitions` by content), so they always display with their own questions. A correction is
a new revision; earlier ones stay, with who saved them, when, and which answers changed. The
answers that feed the case list (name, sex, date of birth, where the child lives, risk,
registration date and place) are copied to the case's columns in the same transaction.

The forms in use are the shipped definitions, except where the agency saved an edited copy in
its store (`save_form_file`): an upgrade of the program never overwrites an agency's forms.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, PermissionDenied, UlinziError
from db.models import Case, FormDefinitionRow, FormSubmission, Setting, Stage
from desktop import drafts
from desktop.cases import (
    CaseRow,
    _case_for,
    _refuse,
    create_case,
    deadlines_in,
    editable_cases,
    reindex,
    row_of,
    schedule,
    visible_cases,
)
from desktop.forms.answers import (
    Answers,
    Problem,
    changed_fields,
    clean,
    column_values,
    problems,
)
from desktop.forms.definition import (
    CHOICES_FILE,
    FormDefinition,
    FormDefinitionError,
    FormSet,
    load_form_set,
    shipped_sources,
)
from desktop.forms.saved import Submission, latest, submission_of, submissions_in
from desktop.session import UserSession

REGISTRATION = "registration"
CONSENT = "consent"
DRAFT_KIND = "form"
NEW_CASE = "new"
_OVERRIDE_PREFIX = "form_file:"
# Submitting these forms moves a case forward to their stage (never back).
_STAGE_OF_FORM = {
    "initial_assessment": Stage.INITIAL_ASSESSMENT,
    "full_assessment": Stage.FULL_ASSESSMENT,
}
_EARLY_STAGES = (Stage.REGISTERED, Stage.INITIAL_ASSESSMENT, Stage.FULL_ASSESSMENT)


class FormIncomplete(UlinziError):
    text = QT_TRANSLATE_NOOP("errors", "The form “{form}” is not complete: {field}: {problem}")


class FormChangedMeanwhile(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "Someone saved a newer version of “{form}” for this case while you were typing. "
        "Your answers are kept as a draft: open the form again to see the newer version.",
    )


# -- the forms in use -----------------------------------------------------------------------------

_cache: dict[str, FormSet] = {}


def _sources(s: Session) -> dict[str, str]:
    sources = shipped_sources()
    for key, value in s.execute(
        select(Setting.key, Setting.value).where(Setting.key.startswith(_OVERRIDE_PREFIX))
    ):
        sources[key.removeprefix(_OVERRIDE_PREFIX)] = json.loads(value)
    return sources


def _form_set_of(sources: dict[str, str]) -> FormSet:
    digest = hashlib.sha256(json.dumps(sources, sort_keys=True).encode()).hexdigest()
    if digest not in _cache:
        _cache.clear()  # one set in use at a time; an agency's edit replaces it
        _cache[digest] = load_form_set(sources)
    return _cache[digest]


def form_set(us: UserSession) -> FormSet:
    """The forms this agency uses now."""
    with us.store.read() as s:
        return _form_set_of(_sources(s))


@dataclass(frozen=True)
class FormFile:
    file: str
    form_id: str  # "" for the shared choice lists
    version: int
    edited_by_agency: bool
    shipped_version: int | None


def form_files(us: UserSession) -> list[FormFile]:
    """Each definition file in use, and whether the agency edited it."""
    with us.store.read() as s:
        sources = _sources(s)
        edited = {
            k.removeprefix(_OVERRIDE_PREFIX)
            for k in s.execute(
                select(Setting.key).where(Setting.key.startswith(_OVERRIDE_PREFIX))
            ).scalars()
        }
    forms = _form_set_of(sources)
    shipped = load_form_set(shipped_sources()) if edited else forms
    by_file = {file: form_id for form_id, file in forms.files.items()}
    result = []
    for file in sorted(sources):
        form_id = by_file.get(file, "")
        version = forms.forms[form_id].version if form_id else 0
        original = shipped.forms.get(form_id) if form_id else None
        result.append(
            FormFile(file, form_id, version, file in edited, original.version if original else None)
        )
    return result


def form_file_text(us: UserSession, file: str) -> str:
    """The YAML text of a definition file in use (the agency's copy if it has one)."""
    with us.store.read() as s:
        sources = _sources(s)
    if file not in sources:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "There is no form file {file}."), file=file)
    return sources[file]


def save_form_file(us: UserSession, file: str, text: str) -> FormSet:
    """Keep an agency's edited definition in the store, after checking the whole set loads.

    A changed form must carry a higher version number than the one in use, so the answers
    already given keep pointing at the questions they answered.
    """
    us.require_administrator(QT_TRANSLATE_NOOP("errors", "change the forms"))
    with us.store.write() as s:
        sources = _sources(s)
        if file not in sources:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "There is no form file {file}."), file=file
            )
        before = _form_set_of(sources)
        after = load_form_set({**sources, file: text})  # raises FormDefinitionError
        if file != CHOICES_FILE:
            new = next(f for f in after.forms.values() if after.files[f.id] == file)
            old = before.forms.get(new.id)
            if old is not None and new != old and new.version <= old.version:
                raise FormDefinitionError(
                    file=file,
                    line=1,
                    problem=f"the form changed, so its version must be higher than {old.version}",
                )
        key = _OVERRIDE_PREFIX + file
        setting = s.get(Setting, key)
        value = json.dumps(text)
        if setting is None:
            s.add(Setting(key=key, value=value))
        else:
            setting.value = value
        us.audit(s, "forms.changed", summary=file)
    return _form_set_of({**sources, file: text})


def restore_shipped_form_file(us: UserSession, file: str) -> None:
    """Go back to the definition shipped with the program."""
    us.require_administrator(QT_TRANSLATE_NOOP("errors", "change the forms"))
    with us.store.write() as s:
        sources = _sources(s)
        sources[file] = shipped_sources().get(file, "")
        load_form_set({k: v for k, v in sources.items() if v})
        s.execute(delete(Setting).where(Setting.key == _OVERRIDE_PREFIX + file))
        us.audit(s, "forms.restored", summary=file)


# -- saving answers -------------------------------------------------------------------------------


def definition_row(s: Session, form: FormDefinition) -> FormDefinitionRow:
    text = form.model_dump_json(by_alias=True, exclude_none=True)
    digest = hashlib.sha256(text.encode()).hexdigest()
    row = s.execute(
        select(FormDefinitionRow).where(FormDefinitionRow.digest == digest)
    ).scalar_one_or_none()
    if row is None:
        row = FormDefinitionRow(
            form_id=form.id, version=form.version, digest=digest, definition=text
        )
        s.add(row)
        s.flush()
    return row


def _checked(form: FormDefinition, answers: Answers) -> Answers:
    kept = clean(form, answers)
    found = problems(form, kept)
    if found:
        field_id, problem = next(iter(found.items()))
        f = form.field(field_id)
        raise FormIncomplete(
            form=form.title.en, field=f.label.en if f else field_id, problem=_english(problem)
        )
    return kept


def _english(problem: Problem) -> str:
    params = {k: _english(v) if isinstance(v, Problem) else v for k, v in problem.params.items()}
    return problem.text.format(**params)


def _registered_at(day: date | None) -> datetime:
    """Today's registration is timed now; an earlier one (typed from notes) at noon that day."""
    now = datetime.now(UTC)
    if day is None or day >= now.astimezone().date():
        return now
    return datetime.combine(day, time(12)).astimezone().astimezone(UTC)


def _apply_columns(s: Session, case: Case, form: FormDefinition, answers: Answers) -> list[str]:
    """Copy the answers that the case list shows to the case; returns the columns changed."""
    changed = []
    for column, value in column_values(form, answers).items():
        if column == "registered_on":
            continue  # the registration time is set once, when the case is registered
        if isinstance(value, str):
            value = value.strip()
        if column in ("family_name", "location", "registration_place") and value is None:
            value = ""
        if column == "given_name" and not value:
            continue
        if getattr(case, column) != value:
            setattr(case, column, value)
            changed.append(column)
    if changed:
        if {"given_name", "family_name", "location"} & set(changed):
            reindex(s, case)
        if "risk" in changed:
            schedule(case, deadlines_in(s))
    return changed


def _move_stage(s: Session, case: Case, form: FormDefinition) -> bool:
    target = _STAGE_OF_FORM.get(form.id)
    if target is None or Stage(case.stage) not in _EARLY_STAGES:
        return False
    if _EARLY_STAGES.index(target) <= _EARLY_STAGES.index(Stage(case.stage)):
        return False
    case.stage, case.stage_changed_at = target.value, datetime.now(UTC)
    schedule(case, deadlines_in(s))
    return True


def _add_submission(
    s: Session,
    us: UserSession,
    case: Case,
    form: FormDefinition,
    answers: Answers,
    previous: FormSubmission | None,
) -> FormSubmission:
    before = json.loads(previous.answers) if previous else {}
    changed = changed_fields(form, before, answers) if previous else []
    row = FormSubmission(
        case_id=case.id,
        form_id=form.id,
        revision=(previous.revision + 1) if previous else 1,
        definition_id=definition_row(s, form).id,
        answers=json.dumps(answers, ensure_ascii=False, sort_keys=True),
        changed=json.dumps(changed),
        submitted_by=us.user.id,
        submitted_at=datetime.now(UTC),
    )
    s.add(row)
    s.flush()
    # Field ids only: the audit log never holds a child's details.
    summary = f"{form.id} v{form.version}, revision {row.revision}"
    if changed:
        summary += ": " + ", ".join(changed)
    us.audit(s, "form.saved", case_id=case.id, summary=summary)
    return row


def register_with_forms(
    us: UserSession,
    answers: dict[str, Answers],
    caseworker: str | None = None,
) -> CaseRow:
    """Register a child from the registration and consent forms, in one transaction."""
    forms = form_set(us)
    registration = forms.get(REGISTRATION)
    kept = {REGISTRATION: _checked(registration, answers.get(REGISTRATION, {}))}
    for form_id in answers:
        if form_id != REGISTRATION:
            kept[form_id] = _checked(forms.get(form_id), answers[form_id])
    columns = column_values(registration, kept[REGISTRATION])
    with us.store.write() as s:
        case = create_case(
            s,
            us,
            given_name=str(columns.get("given_name") or ""),
            family_name=str(columns.get("family_name") or ""),
            sex=str(columns.get("sex") or "unknown"),
            birth_date=columns.get("birth_date"),
            birth_date_estimated=bool(columns.get("birth_date_estimated")),
            location=str(columns.get("location") or ""),
            registration_place=str(columns.get("registration_place") or ""),
            risk=columns.get("risk"),
            caseworker=caseworker,
            registered_at=_registered_at(columns.get("registered_on")),
        )
        for form_id, form_answers in kept.items():
            _add_submission(s, us, case, forms.get(form_id), form_answers, None)
        drafts.discard_draft_in(s, us, DRAFT_KIND, NEW_CASE)
        return row_of(s, case)


def submit_form(
    us: UserSession, case_uuid: str, form_id: str, answers: Answers, based_on: int | None
) -> Submission:
    """Save a form for a case: its first revision, or a new one based on revision `based_on`."""
    forms = form_set(us)
    form = forms.get(form_id)
    kept = _checked(form, answers)
    try:
        with us.store.write() as s:
            case = _case_for(
                s,
                case_uuid,
                editable_cases(us.user),
                QT_TRANSLATE_NOOP("errors", "change this case"),
            )
            previous = _latest(s, case.id, form_id)
            if (previous.revision if previous else None) != based_on:
                raise FormChangedMeanwhile(form=form.title.en)
            row = _add_submission(s, us, case, form, kept, previous)
            changed = _apply_columns(s, case, form, kept)
            moved = _move_stage(s, case, form)
            if changed or moved:
                case.updated_at = datetime.now(UTC)
            if moved:
                us.audit(s, "case.stage_changed", case_id=case.id, summary=case.stage)
            drafts.discard_draft_in(s, us, DRAFT_KIND, draft_key(case_uuid, form_id))
            return submission_of(s, row)
    except FormChangedMeanwhile:
        drafts.save_draft(us, DRAFT_KIND, draft_key(case_uuid, form_id), {"answers": answers})
        raise
    except PermissionDenied as e:
        _refuse(us, case_uuid, "case.change_refused", e)
        raise


def _latest(s: Session, case_id: int, form_id: str) -> FormSubmission | None:
    return s.execute(
        select(FormSubmission)
        .where(FormSubmission.case_id == case_id, FormSubmission.form_id == form_id)
        .order_by(FormSubmission.revision.desc())
        .limit(1)
    ).scalar_one_or_none()


def case_submissions(us: UserSession, case_uuid: str) -> list[Submission]:
    with us.store.read() as s:
        case = _case_for(
            s, case_uuid, visible_cases(us.user), QT_TRANSLATE_NOOP("errors", "open this case")
        )
        return submissions_in(s, case.id)


def draft_key(case_uuid: str, form_id: str) -> str:
    return f"{case_uuid}:{form_id}"


# -- what later steps read --------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsentToShare:
    """Whether information about the child may be shared, and with which organisations."""

    recorded: bool
    caregiver: str | None  # "given", "refused" or None (not asked)
    child: str | None
    organisations: tuple[str, ...]

    def covers(self, organisation: str) -> bool:
        wanted = organisation.strip().casefold()
        return (
            "refused" not in (self.caregiver, self.child)
            and "given" in (self.caregiver, self.child)
            and any(o.strip().casefold() == wanted for o in self.organisations)
        )


def consent_to_share(subs: list[Submission]) -> ConsentToShare:
    """Read the latest consent form: referrals, transfers and conferences check it."""
    consent = latest(subs, CONSENT)
    if consent is None:
        return ConsentToShare(False, None, None, ())
    a: dict[str, Any] = consent.answers
    organisations = tuple(
        str(entry.get("organisation", "")) for entry in a.get("share_with", []) if entry
    )
    return ConsentToShare(True, a.get("caregiver_sharing"), a.get("child_sharing"), organisations)

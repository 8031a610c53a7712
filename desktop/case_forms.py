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
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, UlinziError
from db.models import (
    Approval,
    Case,
    FormDefinitionRow,
    FormSubmission,
    Placement,
    Role,
    Setting,
    Stage,
)
from desktop import access, drafts, pathway, placement_state
from desktop.case_state import (
    deadlines_in,
    facts_for,
    made_here,
    move,
    refresh,
    request_approval,
    rules_in,
)
from desktop.cases import (
    CaseRow,
    create_case,
    reindex,
    row_of,
)
from desktop.form_rules import FormRules, rules_for
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
from desktop.risk import risk_given
from desktop.session import UserSession
from desktop.workflow import (
    APPROVAL_OF_FORM,
    ApprovalKind,
    ApprovalState,
    FormNotNow,
    form_allowed,
    stage_after_form,
)

REGISTRATION = "registration"
CONSENT = "consent"
REFERRAL = "referral"
CONFERENCE = "case_conference"  # its minutes are saved by desktop.conferences
# Forms only a supervisor fills in (a caseworker reads them): the review of a file's quality.
SUPERVISOR_FORMS = frozenset({"file_review"})
DRAFT_KIND = "form"
NEW_CASE = "new"
_OVERRIDE_PREFIX = "form_file:"


class FormIncomplete(UlinziError):
    text = QT_TRANSLATE_NOOP("errors", "The form “{form}” is not complete: {field}: {problem}")


class NoConsentToShare(UlinziError):
    text = QT_TRANSLATE_NOOP(
        "errors",
        "This referral cannot be saved: the consent form does not record that the caregiver or "
        "the child agreed to share information with “{provider}”. Ask them, record their answer "
        "in a new version of the consent form (Sharing information: with whom), then make the "
        "referral. Your answers are kept as a draft.",
    )


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


@access.signed_in
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
    added_by_agency: bool = False  # a form of the agency's own, not shipped with the program


@access.signed_in
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
    shipped_files = shipped_sources()
    for file in sorted(sources):
        form_id = by_file.get(file, "")
        version = forms.forms[form_id].version if form_id else 0
        original = shipped.forms.get(form_id) if form_id else None
        result.append(
            FormFile(
                file,
                form_id,
                version,
                file in edited,
                original.version if original else None,
                added_by_agency=file not in shipped_files,
            )
        )
    return result


@access.signed_in
def form_file_text(us: UserSession, file: str) -> str:
    """The YAML text of a definition file in use (the agency's copy if it has one)."""
    with us.store.read() as s:
        sources = _sources(s)
    if file not in sources:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "There is no form file {file}."), file=file)
    return sources[file]


@access.administrator(QT_TRANSLATE_NOOP("errors", "change the forms"))
def save_form_file(us: UserSession, file: str, text: str) -> FormSet:
    """Keep an agency's edited definition in the store, after checking the whole set loads.

    A changed form must carry a higher version number than the one in use, so the answers
    already given keep pointing at the questions they answered.
    """
    with us.store.write() as s:
        sources = _sources(s)
        added = file not in sources
        if added:
            _check_new_form(sources, file, text)
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
        us.audit(s, "forms.added" if added else "forms.changed", summary=file)
    return _form_set_of({**sources, file: text})


_FORM_FILE_NAME = r"[a-z0-9][a-z0-9_-]{0,60}\.yaml"


def _check_new_form(sources: dict[str, str], file: str, text: str) -> None:
    """A file the forms in use do not have is a new form of the agency's own: a plain file
    name, and a form id no other form has (an edited copy of a form replaces its file)."""
    if not re.fullmatch(_FORM_FILE_NAME, file) or file == CHOICES_FILE:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file}: a new form's file is named with lower-case letters, digits, - and _, "
                "ending in .yaml (like placement.yaml).",
            ),
            file=file[:80],
        )
    alone = load_form_set({CHOICES_FILE: sources.get(CHOICES_FILE, "{}"), file: text})
    new = next(iter(alone.forms.values()))
    existing = _form_set_of(sources).files.get(new.id)
    if existing is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "The form “{form}” is already defined by {existing}. To change it, import your "
                "edited copy in its place: ulinzi forms import {file} --file {existing}",
            ),
            form=new.id,
            existing=existing,
            file=file,
        )


@access.administrator(QT_TRANSLATE_NOOP("errors", "change the forms"))
def restore_shipped_form_file(us: UserSession, file: str) -> None:
    """Go back to the definition shipped with the program; a form the agency added is removed,
    but only while no case has answers to it (they need it to be filled again)."""
    with us.store.write() as s:
        sources = _sources(s)
        if file not in sources:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "There is no form file {file}."), file=file
            )
        shipped = shipped_sources()
        if file not in shipped:
            form_id = _form_set_of(sources).files_to_ids().get(file, "")
            answered = s.execute(
                select(func.count(func.distinct(FormSubmission.case_id))).where(
                    FormSubmission.form_id == form_id
                )
            ).scalar()
            if answered:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The form “{form}” cannot be removed: {n} case(s) have answers to it. "
                        "Answers are never deleted; to stop using the form, ask caseworkers not "
                        "to fill it in.",
                    ),
                    form=form_id,
                    n=answered,
                )
        sources[file] = shipped.get(file, "")
        load_form_set({k: v for k, v in sources.items() if v})
        s.execute(delete(Setting).where(Setting.key == _OVERRIDE_PREFIX + file))
        us.audit(s, "forms.removed" if file not in shipped else "forms.restored", summary=file)


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


def _apply_columns(
    s: Session,
    case: Case,
    form: FormDefinition,
    answers: Answers,
    previous: FormSubmission | None = None,
) -> list[str]:
    """Copy the answers that the case list shows to the case; returns the columns changed.

    The risk is the latest one given (`risk_given`): a new version of an older form that
    leaves its risk as it was does not undo a later assessment's."""
    changed = []
    for column, value in column_values(form, answers).items():
        if column == "registered_on":
            continue  # the registration time is set once, when the case is registered
        if column == "risk" and not risk_given(form, answers, previous):
            continue
        if isinstance(value, str):
            value = value.strip()
        if column in ("family_name", "location", "registration_place") and value is None:
            value = ""
        if column == "given_name" and not value:
            continue
        if getattr(case, column) != value:
            setattr(case, column, value)
            changed.append(column)
    if {"given_name", "family_name", "location"} & set(changed):
        reindex(s, case)
    return changed


def _add_submission(
    s: Session,
    us: UserSession,
    case: Case,
    form: FormDefinition,
    answers: Answers,
    previous: FormSubmission | None,
    instance: int = 1,
) -> FormSubmission:
    before = json.loads(previous.answers) if previous else {}
    changed = changed_fields(form, before, answers) if previous else []
    row = FormSubmission(
        case_id=case.id,
        form_id=form.id,
        instance=instance,
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
    if form.repeatable:
        summary = f"{form.id} #{instance} v{form.version}, revision {row.revision}"
    if changed:
        summary += ": " + ", ".join(changed)
    us.audit(s, "form.saved", case_id=case.id, summary=summary)
    return row


@access.requires(
    Role.CASEWORKER, Role.SUPERVISOR, action=QT_TRANSLATE_NOOP("errors", "register cases")
)
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
        refresh(s, case)
        return row_of(s, case)


@access.changes_case()
def submit_form(
    us: UserSession,
    case_uuid: str,
    form_id: str,
    answers: Answers,
    based_on: int | None,
    instance: int | None = None,
) -> Submission:
    """Save a form for a case: its first revision, or a new one based on revision `based_on`.

    A repeatable form (a visit, a referral) is saved as a new instance when `instance` is None.
    Saving moves the case forward when the form is its next step (an assessment, the case
    plan, a closure request), asks for the supervisor's approval when the form needs it, and
    works out the case's next action and tasks again, all in the same transaction."""
    if form_id == CONFERENCE:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "The minutes of a case conference are written from the case's Conferences tab.",
            )
        )
    if form_id in SUPERVISOR_FORMS:
        access.require(
            us, Role.SUPERVISOR, action=QT_TRANSLATE_NOOP("errors", "review a case file")
        )
    forms = form_set(us)
    form = forms.get(form_id)
    kept = _checked(form, answers)
    key = draft_key(case_uuid, form_id, instance)
    try:
        with access.changing_case(us, case_uuid) as (s, case):
            stage = Stage(case.stage)
            if not form_allowed(
                stage, form_id, post_closure_visit_due=case.next_action == "post_closure_visit"
            ):
                raise FormNotNow(FormNotNow.TRANSFERRED if stage == Stage.TRANSFERRED else None)
            if not form.repeatable:
                instance = 1
            elif instance is None:
                instance = _instances(s, case.id, form_id) + 1
            previous = _latest(s, case.id, form_id, instance)
            if (previous.revision if previous else None) != based_on:
                raise FormChangedMeanwhile(form=form.title.en)
            if form_id == REFERRAL:
                _check_consent(s, case, str(kept.get("provider") or ""))
            _check_rules(form, kept, _rules_in(s, case, form_id))
            if form_id == pathway.PLACEMENT_FORM:  # only under an approved placement decision
                pathway.check_form(facts_for(s, [case])[case.id].reintegration, form_id)
            row = _add_submission(s, us, case, form, kept, previous, instance)
            _apply_columns(s, case, form, kept, previous)
            if form_id == pathway.PLACEMENT_FORM:
                _record_reunification(s, us, case, kept)
            target = stage_after_form(stage, form_id)
            if target is not None:
                move(s, us, case, target, "form")
            kind = APPROVAL_OF_FORM.get(form_id)
            if kind is not None and (
                kind != ApprovalKind.BEST_INTERESTS or rules_in(s).approve_best_interests
            ):
                request_approval(s, us, case, kind, row.id)
            case.updated_at = datetime.now(UTC)
            refresh(s, case)
            drafts.discard_draft_in(s, us, DRAFT_KIND, key)
            return submission_of(s, row)
    except (FormChangedMeanwhile, NoConsentToShare, pathway.PathwayRefused):
        drafts.save_draft(us, DRAFT_KIND, key, {"answers": answers})
        raise


def approved_placement_decision(s: Session, case: Case) -> Approval | None:
    """The placement decision approved last in this store for `case`: the one the child's
    reunification is placed under."""
    return s.execute(
        select(Approval)
        .where(
            Approval.case_id == case.id,
            Approval.kind == ApprovalKind.PLACEMENT_DECISION.value,
            Approval.state == ApprovalState.APPROVED.value,
            made_here(),
        )
        .order_by(Approval.decided_at.desc(), Approval.id.desc())
        .limit(1)
    ).scalar()


def _record_reunification(s: Session, us: UserSession, case: Case, placed: Answers) -> None:
    """The child placed with their family is the case's new current placement, under the
    placement decision the supervisor approved (see `placement_state.reunified`): once for
    each decision, whether the form is saved for the first time or again after the pathway
    moved back and a new decision was approved."""
    decision = approved_placement_decision(s, case)
    if (
        decision is None
        or s.execute(select(Placement.id).where(Placement.approval_id == decision.id)).first()
    ):
        return  # recorded when the form was first saved under this decision
    placement = placement_state.reunified(s, case, dict(placed), us.user.id, decision)
    if placement is not None:
        us.audit(s, "placement.reunified", case_id=case.id, summary=placement.kind)


@access.reads_case()
def form_rules(us: UserSession, case_uuid: str, form_id: str) -> FormRules:
    """What this case asks of the form beyond its definition (the plan's first review date
    within the agency's interval for the child's risk), for the window to say at the field."""
    with access.reading_case(us, case_uuid) as (s, case):
        return _rules_in(s, case, form_id)


def _rules_in(s: Session, case: Case, form_id: str) -> FormRules:
    return rules_for(form_id, case.risk, deadlines_in(s), date.today())


def _check_rules(form: FormDefinition, answers: Answers, rules: FormRules) -> None:
    found = rules.problems(form, answers)
    if found:
        field_id, problem = next(iter(found.items()))
        f = form.field(field_id)
        raise FormIncomplete(
            form=form.title.en, field=f.label.en if f else field_id, problem=_english(problem)
        )


def _check_consent(s: Session, case: Case, provider: str) -> None:
    row = _latest(s, case.id, CONSENT)
    consent = consent_to_share([submission_of(s, row)] if row else [])
    if not consent.covers(provider):
        raise NoConsentToShare(provider=provider)


def _latest(s: Session, case_id: int, form_id: str, instance: int = 1) -> FormSubmission | None:
    return s.execute(
        select(FormSubmission)
        .where(
            FormSubmission.case_id == case_id,
            FormSubmission.form_id == form_id,
            FormSubmission.instance == instance,
        )
        .order_by(FormSubmission.revision.desc())
        .limit(1)
    ).scalar_one_or_none()


def _instances(s: Session, case_id: int, form_id: str) -> int:
    found = s.execute(
        select(func.max(FormSubmission.instance)).where(
            FormSubmission.case_id == case_id, FormSubmission.form_id == form_id
        )
    ).scalar()
    return int(found or 0)


@access.reads_case()
def case_submissions(us: UserSession, case_uuid: str) -> list[Submission]:
    with access.reading_case(us, case_uuid) as (s, case):
        return submissions_in(s, case.id)


def draft_key(case_uuid: str, form_id: str, instance: int | None = None) -> str:
    """Where typed answers wait: one draft per form of a case (per instance when repeated;
    a new one of a repeatable form is the form's own key)."""
    return f"{case_uuid}:{form_id}" + (f":{instance}" if instance else "")


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

"""Saved form answers as plain data: each revision with the exact definition it answered."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import FormDefinitionRow, FormSubmission, User
from desktop.forms.answers import Answers
from desktop.forms.definition import FormDefinition


@dataclass(frozen=True)
class Submission:
    """One saved revision of a form for a case."""

    id: int
    form_id: str
    instance: int  # 1 unless the form is repeatable (each visit, each referral)
    revision: int
    definition: FormDefinition
    answers: Answers
    changed: tuple[str, ...]
    submitted_by: str
    submitted_at: datetime


_parsed: dict[str, FormDefinition] = {}  # by content digest: the same in every store


def parse_definition(text: str, digest: str | None = None) -> FormDefinition:
    """A stored definition (ours, or one another agency sent) as a form, parsed once per
    content; `digest` is its SHA-256 when already known."""
    key = digest or hashlib.sha256(text.encode()).hexdigest()
    if key not in _parsed:
        _parsed[key] = FormDefinition.model_validate_json(text)
    return _parsed[key]


def definition_of(s: Session, definition_id: int) -> FormDefinition:
    digest, text = s.execute(
        select(FormDefinitionRow.digest, FormDefinitionRow.definition).where(
            FormDefinitionRow.id == definition_id
        )
    ).one()
    return parse_definition(text, digest)


def submission_of(s: Session, row: FormSubmission) -> Submission:
    who = s.execute(select(User.full_name).where(User.id == row.submitted_by)).scalar() or ""
    return Submission(
        id=row.id,
        form_id=row.form_id,
        instance=row.instance,
        revision=row.revision,
        definition=definition_of(s, row.definition_id),
        answers=json.loads(row.answers),
        changed=tuple(json.loads(row.changed)),
        submitted_by=who,
        submitted_at=row.submitted_at,
    )


def submissions_in(s: Session, case_id: int) -> list[Submission]:
    """Every revision of every form of a case, oldest first (for an opened case file)."""
    rows = s.execute(
        select(FormSubmission)
        .where(FormSubmission.case_id == case_id)
        .order_by(FormSubmission.submitted_at, FormSubmission.id)
    ).scalars()
    return [submission_of(s, row) for row in rows]


def latest(subs: list[Submission], form_id: str, instance: int = 1) -> Submission | None:
    found = [x for x in subs if x.form_id == form_id and x.instance == instance]
    return max(found, key=lambda x: x.revision) if found else None


def instances(subs: list[Submission], form_id: str) -> list[Submission]:
    """The latest revision of each instance of a repeatable form, first instance first."""
    found: dict[int, Submission] = {}
    for x in subs:
        if x.form_id == form_id and (
            x.instance not in found or x.revision > found[x.instance].revision
        ):
            found[x.instance] = x
    return [found[i] for i in sorted(found)]

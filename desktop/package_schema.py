"""The shape and bounds of a received case (`case.json` in a package), checked before any of it
is shown or stored.

A package from a trusted sender is still outside input: a bug at the sender or a hand-edited
file must give "this package is damaged", never a crash or a megabyte-long name. Texts have the
limits a typed form answer has (desktop.forms.answers), names the registration form's limit.
Unknown keys are ignored, so a newer sender's extra fields do not stop an import.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError

from desktop.forms.answers import LONG_TEXT_LIMIT, TEXT_LIMIT

# The years a received date may fall in: beyond them, arithmetic on it (a deadline, a time zone)
# overflows, and no case of a child has one (desktop.exchange and desktop.placements read them).
RECEIVED_YEARS = range(1900, 2200)


def received_day(value: Any) -> date | None:
    """A day a package wrote ("" or none: None). ValueError for one that is no ISO date or
    falls outside `RECEIVED_YEARS`: the import says the record is damaged."""
    day = date.fromisoformat(value) if isinstance(value, str) and value else None
    if day is not None and day.year not in RECEIVED_YEARS:
        raise ValueError("a date out of range")
    return day


def received_moment(value: Any) -> datetime | None:
    """A time a package wrote, in UTC when it names no zone ("" or none: None). ValueError as
    for `received_day`."""
    if not isinstance(value, str) or not value:
        return None
    moment = datetime.fromisoformat(value)
    if moment.year not in RECEIVED_YEARS:
        raise ValueError("a time out of range")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


NAME_LIMIT = 200  # the registration form's `max` for the child's names
MOST_ITEMS = 10_000  # forms, approvals, history entries… of one case
DEFINITION_LIMIT = 1_000_000  # the text of one form definition

Name = Annotated[StrictStr, Field(max_length=NAME_LIMIT)]
Short = Annotated[StrictStr, Field(max_length=TEXT_LIMIT)]
Long = Annotated[StrictStr, Field(max_length=LONG_TEXT_LIMIT)]
Count = Annotated[StrictInt, Field(ge=0, le=1_000_000)]
# A signed copy may be a scan of up to 20 MB (desktop.documents.MAX_SIGNED_COPY_BYTES).
Bytes = Annotated[StrictInt, Field(ge=0, le=20 * 1024 * 1024)]
Reference = Annotated[list[Short | Count], Field(max_length=3)]


def _items(kind: Any) -> Any:
    return Annotated[list[kind], Field(max_length=MOST_ITEMS)]


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore")


class CaseColumns(_Part):
    uuid: Short | None = None
    case_number: Short | None = None
    given_name: Name | None = None
    family_name: Name | None = None
    sex: Short | None = None
    birth_date: Short | None = None
    birth_date_estimated: StrictBool | None = None
    location: Short | None = None
    registration_place: Short | None = None
    risk: Short | None = None
    stage: Short | None = None
    registered_at: Short | None = None
    caseworker: Short | None = None


class SavedForm(_Part):
    form_id: Short
    instance: Count
    revision: Count
    definition: Annotated[StrictStr, Field(max_length=DEFINITION_LIMIT)]
    answers: dict[Short, Any]
    changed: _items(Short) | None = None
    submitted_by: Short | None = None
    submitted_at: Short | None = None


class ApprovalEntry(_Part):
    kind: Short
    submission: Reference | None = None
    state: Short
    requested_by: Short | None = None
    requested_at: Short | None = None
    decided_by: Short | None = None
    decided_at: Short | None = None
    comment: Long | None = None


class StageMoveEntry(_Part):
    at: Short | None = None
    by: Short | None = None
    how: Short
    from_: Annotated[Short, Field(alias="from")]
    to: Short
    reason: Long | None = None


class PlanActionUpdateEntry(_Part):
    submission: Reference | None = None
    action_index: Count
    status: Short
    note: Long | None = None
    by: Short | None = None
    at: Short | None = None


class ConferenceEntry(_Part):
    number: Count
    scheduled_at: Short | None = None
    place: Short | None = None
    chair: Short | None = None
    purpose: Short | None = None
    purpose_other: Short | None = None
    state: Short | None = None
    cancel_reason: Long | None = None


class ConferenceActionEntry(_Part):
    conference: Count | None = None
    action: Long
    owner: Short | None = None
    organisation: Short | None = None
    ours: StrictBool | None = None
    due: Short | None = None
    status: Short | None = None
    plan: Reference | None = None
    plan_index: Count | None = None


class PrintedDocumentRef(_Part):
    kind: Short
    version: Count
    code: Short
    language: Short | None = None


class SignedCopyEntry(_Part):
    entry: Short
    file_name: Short | None = None
    media_type: Short | None = None
    size: Bytes | None = None
    sha256: Short | None = None
    document: PrintedDocumentRef
    added_by: Short | None = None
    added_at: Short | None = None


class AttachmentEntry(_Part):
    entry: Short
    kind: Short | None = None
    document_date: Short | None = None
    description: Long | None = None
    file_name: Short | None = None
    media_type: Short | None = None
    size: Bytes | None = None
    sha256: Short
    added_by: Short | None = None
    added_at: Short | None = None


class HistoryEntry(_Part):
    at: Short
    username: Short | None = None
    action: Short
    summary: Long | None = None


class ContactNoteEntry(_Part):
    number: Count
    revision: Count
    happened_on: Short
    kind: Short
    contact: Short | None = None
    text: Long
    author: Short | None = None
    written_at: Short | None = None


class PlacementReviewEntry(_Part):
    reviewed_on: Short
    best_interests: Short
    child_views: Long | None = None
    notes: Long | None = None
    next_review: Short | None = None
    by: Short | None = None


class PlacementEntry(_Part):
    uuid: Short | None = None
    kind: Short
    state: Short
    carer: Name | None = None
    facility: Name | None = None
    address: Long | None = None
    start_date: Short
    legal_basis: Short | None = None
    legal_reference: Short | None = None
    legal_date: Short | None = None
    reason: Long | None = None
    decided_by: Short | None = None
    review_date: Short | None = None
    end_date: Short | None = None
    end_reason: Long | None = None
    proposed_by: Short | None = None
    proposed_at: Short | None = None
    approved_by: Short | None = None
    decided_at: Short | None = None
    reviews: _items(PlacementReviewEntry) | None = None


class LogEntryEntry(_Part):
    uuid: Short | None = None
    facility: Name | None = None
    on: Short
    kind: Short
    text: Long
    serious: StrictBool | None = None
    family_member: Name | None = None
    contact_how: Short | None = None
    writer: Short | None = None
    written_at: Short | None = None
    followed_up_by: Short | None = None
    followed_up_at: Short | None = None
    follow_up_note: Long | None = None


class CaseRecord(_Part):
    format: Literal[1]
    case: CaseColumns
    forms: _items(SavedForm) | None = None
    approvals: _items(ApprovalEntry) | None = None
    stage_moves: _items(StageMoveEntry) | None = None
    plan_action_updates: _items(PlanActionUpdateEntry) | None = None
    conferences: _items(ConferenceEntry) | None = None
    conference_actions: _items(ConferenceActionEntry) | None = None
    signed_copies: _items(SignedCopyEntry) | None = None
    attachments: _items(AttachmentEntry) | None = None
    history: _items(HistoryEntry) | None = None
    # Added after the first packages were sent: a package without it is whole.
    contact_notes: _items(ContactNoteEntry) | None = None
    # Since placements (a package made before has none, and still imports).
    placements: _items(PlacementEntry) | None = None
    log_entries: _items(LogEntryEntry) | None = None


def first_problem(record: Any) -> str | None:
    """Where `record` breaks the schema ("forms.3.revision"), or None when it fits. Only the
    place is told, never the value (it may be a child's name)."""
    try:
        CaseRecord.model_validate(record)
    except ValidationError as e:
        error = e.errors(include_input=False, include_url=False)[0]
        return ".".join(str(part) for part in error["loc"]) or "case.json"
    return None

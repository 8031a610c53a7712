"""The tables of a store, as typed SQLAlchemy 2 models.

The FTS5 index over case names (`case_search`) is a virtual table created by the migrations and
kept up to date by `db.search`; it is not part of this metadata.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Stored as naive UTC, always handed out timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Role(enum.StrEnum):
    CASEWORKER = "caseworker"
    SUPERVISOR = "supervisor"
    MANAGER = "manager"
    ADMINISTRATOR = "administrator"
    # Residential care staff: see only the children placed at their facility (desktop.access).
    FACILITY_STAFF = "facility_staff"


class Sex(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class RiskLevel(enum.StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Stage(enum.StrEnum):
    REGISTERED = "registered"
    INITIAL_ASSESSMENT = "initial_assessment"
    FULL_ASSESSMENT = "full_assessment"
    CASE_PLAN = "case_plan"
    IMPLEMENTATION = "implementation"
    FOLLOW_UP = "follow_up"
    CLOSURE_REQUESTED = "closure_requested"
    CLOSED = "closed"
    TRANSFERRED = "transferred"
    REOPENED = "reopened"


class CaseStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    TRANSFERRED = "transferred"


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Setting(Base):
    """Store-wide values (store id, agency preferences), as JSON text."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Agency(Base):
    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(20), unique=True)
    country: Mapped[str] = mapped_column(String(100), default="")
    district: Mapped[str] = mapped_column(String(100), default="")
    language: Mapped[str] = mapped_column(String(10), default="en")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)  # stored folded
    full_name: Mapped[str] = mapped_column(String(200))
    roles: Mapped[str] = mapped_column(String(100))  # comma-separated Role values
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    team: Mapped[str] = mapped_column(String(100), default="")
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def role_set(self) -> frozenset[Role]:
        return frozenset(Role(r) for r in self.roles.split(",") if r)


class CaseNumberCounter(Base):
    """Last case number given out in a year, so numbers are never reused."""

    __tablename__ = "case_number_counters"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_caseworker_status", "caseworker_id", "status", "registered_at"),
        Index("ix_cases_registered", "registered_at"),
        Index("ix_cases_status_stage", "status", "stage"),
        Index("ix_cases_risk", "risk"),
        Index("ix_cases_updated", "updated_at"),
        Index("ix_cases_next_due", "next_due"),
        Index("ix_cases_status_registered", "status", "registered_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    case_number: Mapped[str] = mapped_column(String(40), unique=True)
    given_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200), default="")
    sex: Mapped[str] = mapped_column(String(10), default=Sex.UNKNOWN.value)
    birth_date: Mapped[date | None] = mapped_column(Date)
    birth_date_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    location: Mapped[str] = mapped_column(String(200), default="")
    registration_place: Mapped[str] = mapped_column(String(200), default="", server_default="")
    risk: Mapped[str | None] = mapped_column(String(10))
    stage: Mapped[str] = mapped_column(String(30), default=Stage.REGISTERED.value)
    status: Mapped[str] = mapped_column(String(20), default=CaseStatus.OPEN.value)
    caseworker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    stage_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    next_action: Mapped[str] = mapped_column(String(40), default="", server_default="")
    next_due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Registration details of stores made before the guided forms (migration 0004); answers
    # now live in form_submissions.
    details: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


class FormDefinitionRow(Base):
    """A form definition exactly as some answers were given to it (choice lists copied in).

    Kept once per distinct content, so answers always display with the questions they
    answered, after an upgrade or an agency's edit of the form.
    """

    __tablename__ = "form_definitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[str] = mapped_column(String(60))
    version: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of `definition`
    definition: Mapped[str] = mapped_column(Text)  # JSON
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FormSubmission(Base):
    """One saved version of a form for a case; a correction is a new revision, never an edit."""

    __tablename__ = "form_submissions"
    __table_args__ = (
        UniqueConstraint(
            "case_id", "form_id", "instance", "revision", name="uq_form_submissions_revision"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    form_id: Mapped[str] = mapped_column(String(60))
    # A repeatable form (a visit, a referral) is filled in many times: each is an instance.
    instance: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    revision: Mapped[int] = mapped_column(Integer)
    definition_id: Mapped[int] = mapped_column(ForeignKey("form_definitions.id"))
    answers: Mapped[str] = mapped_column(Text)  # JSON
    changed: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of field ids
    submitted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Approval(Base):
    """A request for the supervisor's decision (a case plan, a closure, a transfer, a BID)."""

    __tablename__ = "approvals"
    __table_args__ = (
        Index("ix_approvals_case", "case_id", "kind"),
        Index("ix_approvals_state", "state", "requested_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(30))
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("form_submissions.id"))
    state: Mapped[str] = mapped_column(String(20))
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    comment: Mapped[str] = mapped_column(Text, default="", server_default="")


class StageMove(Base):
    """A case changing stage: by a form, a decision, a move back or a reopening, with why."""

    __tablename__ = "stage_moves"
    __table_args__ = (Index("ix_stage_moves_case", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    how: Mapped[str] = mapped_column(String(20))  # form, approval, returned, back, reopened…
    from_stage: Mapped[str] = mapped_column(String(30))
    to_stage: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class PlanActionUpdate(Base):
    """A change of an action's status in a case plan, made without a new version of the plan."""

    __tablename__ = "plan_action_updates"
    __table_args__ = (Index("ix_plan_action_updates_case", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    submission_id: Mapped[int] = mapped_column(ForeignKey("form_submissions.id"))
    action_index: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Task(Base):
    """An open task of a case, worked out from its state (see `desktop.case_flow.refresh`).

    Rebuilt whenever the case changes, so that "My tasks" and the supervisor's queue are one
    indexed query even over 100,000 cases."""

    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_assignee_due", "assignee_id", "due"),
        Index("ix_tasks_case", "case_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(40))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    for_supervisor: Mapped[bool] = mapped_column(Boolean, default=False)
    due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    form_id: Mapped[str] = mapped_column(String(60), default="", server_default="")
    instance: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")
    ref: Mapped[str] = mapped_column(String(40), default="", server_default="")


class Provider(Base):
    """A local service provider in the agency's directory."""

    __tablename__ = "providers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    services: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of service type codes
    contact: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    eligibility: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Draft(Base):
    """Typed but unsaved work (a dialog, a form), kept encrypted so a power cut loses nothing."""

    __tablename__ = "drafts"
    __table_args__ = (UniqueConstraint("user_id", "kind", "key", name="uq_drafts_owner_kind_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(80))
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEvent(Base):
    """One link of the audit hash chain; see `db.audit`."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_case", "case_id"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))  # ISO 8601 UTC, hashed as text
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(60))
    case_id: Mapped[int | None] = mapped_column(Integer)  # no foreign key: the log outlives rows
    summary: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # The forward-secure signature (hex Ed25519) and the public key of the next event's seed;
    # both empty on events written before signing started.
    next_key: Mapped[str | None] = mapped_column(String(64))
    sig: Mapped[str | None] = mapped_column(String(128))


class PrintedDocument(Base):
    """A case document that went to paper (or to a PDF file): what the verification code on
    the paper points to. The same content printed again is the same document, counted."""

    __tablename__ = "printed_documents"
    __table_args__ = (
        UniqueConstraint("case_id", "kind", "code", name="uq_printed_documents_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(20))  # closure, transfer, child_plan, summary
    version: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(20))  # the short content hash, e.g. 2BF9-FC25
    language: Mapped[str] = mapped_column(String(10))
    printed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    times: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class SignedCopy(Base):
    """A scan or photo of the signed paper, filed back against its printed document."""

    __tablename__ = "signed_copies"
    __table_args__ = (Index("ix_signed_copies_case", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    document_id: Mapped[int] = mapped_column(ForeignKey("printed_documents.id"))
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ConferenceState(enum.StrEnum):
    SCHEDULED = "scheduled"
    HELD = "held"  # its minutes are finalised
    CANCELLED = "cancelled"


class Conference(Base):
    """A case conference planned for a case; its minutes are the `case_conference` form,
    instance `number`."""

    __tablename__ = "conferences"
    __table_args__ = (
        UniqueConstraint("case_id", "number", name="uq_conferences_number"),
        Index("ix_conferences_state", "state", "scheduled_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    number: Mapped[int] = mapped_column(Integer)
    scheduled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str] = mapped_column(String(200), default="", server_default="")
    chair: Mapped[str] = mapped_column(String(200), default="", server_default="")
    purpose: Mapped[str] = mapped_column(String(30))
    purpose_other: Mapped[str] = mapped_column(String(200), default="", server_default="")
    state: Mapped[str] = mapped_column(String(20), default=ConferenceState.SCHEDULED.value)
    cancel_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ConferenceAction(Base):
    """An action point of a conference's minutes: ours (it also became a plan action when the
    case had a plan) or a partner organisation's commitment, followed up by the caseworker."""

    __tablename__ = "conference_actions"
    __table_args__ = (Index("ix_conference_actions_case", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id"))
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="", server_default="")
    organisation: Mapped[str] = mapped_column(String(200), default="", server_default="")
    ours: Mapped[bool] = mapped_column(Boolean)
    due: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    plan_submission_id: Mapped[int | None] = mapped_column(ForeignKey("form_submissions.id"))
    plan_index: Mapped[int | None] = mapped_column(Integer)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PartnerAgency(Base):
    """An agency cases are exchanged with: its public keys, and whether someone checked their
    fingerprint with that agency (by phone, in person)."""

    __tablename__ = "partner_agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    age_recipient: Mapped[str] = mapped_column(String(100))
    verify_key: Mapped[str] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(40))
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    verified_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ExchangedPackage(Base):
    """A case package this agency sent or received (or a receipt for one)."""

    __tablename__ = "exchanged_packages"
    __table_args__ = (
        UniqueConstraint("package_id", "direction", name="uq_exchanged_packages_id"),
        Index("ix_exchanged_packages_case", "case_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[str] = mapped_column(String(36))
    direction: Mapped[str] = mapped_column(String(10))  # sent, received
    kind: Mapped[str] = mapped_column(String(20))  # transfer, receipt
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    agency_code: Mapped[str] = mapped_column(String(20))  # the other agency
    sha256: Mapped[str] = mapped_column(String(64))  # of the encrypted file
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    receipt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    details: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


class ReceivedEvent(Base):
    """One event of a received case's history at the agency that sent it, kept as it came."""

    __tablename__ = "received_events"
    __table_args__ = (Index("ix_received_events_case", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    package_id: Mapped[str] = mapped_column(String(36))
    agency_code: Mapped[str] = mapped_column(String(20))
    at: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(100), default="", server_default="")
    action: Mapped[str] = mapped_column(String(60))
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")


class ReceivedRecord(Base):
    """A case file as another agency sent it (its records as JSON, and the transfer form), kept
    unchanged beside the case it became or was linked to."""

    __tablename__ = "received_records"
    __table_args__ = (Index("ix_received_records_case", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    package_id: Mapped[str] = mapped_column(String(36))
    agency_code: Mapped[str] = mapped_column(String(20))
    agency_name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # transfer, referral
    record: Mapped[str] = mapped_column(Text)
    transfer_form: Mapped[bytes | None] = mapped_column(LargeBinary)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CaseAssignment(Base):
    """A case handed from one worker to another: who held it, who took it, who decided, when
    and why (the child's history of who held the case)."""

    __tablename__ = "case_assignments"
    __table_args__ = (Index("ix_case_assignments_case", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    from_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    to_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class ContactNote(Base):
    """One revision of a contact note (a call, a visit, a meeting, an observation). An edit
    adds a revision; the list shows each note's latest. A note that came in a package names its
    author as the sending agency wrote it (`author_name`, `agency_code`), not one of ours."""

    __tablename__ = "contact_notes"
    __table_args__ = (
        UniqueConstraint("case_id", "number", "revision", name="uq_contact_notes_revision"),
        Index("ix_contact_notes_case", "case_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    number: Mapped[int] = mapped_column(Integer)
    revision: Mapped[int] = mapped_column(Integer)
    happened_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    contact: Mapped[str] = mapped_column(String(200), default="", server_default="")
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    author_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    agency_code: Mapped[str] = mapped_column(String(20), default="", server_default="")
    written_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Facility(Base):
    """A residential care facility children are placed in (set up in Administration)."""

    __tablename__ = "facilities"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    capacity: Mapped[int] = mapped_column(Integer, default=0)
    address: Mapped[str] = mapped_column(Text, default="", server_default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FacilityStaff(Base):
    """A facility staff account and the one facility it works in."""

    __tablename__ = "facility_staff"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))


class Placement(Base):
    """Where and with whom a child lives, proposed by the caseworker and approved by the
    supervisor. A case's current placement is its approved one without an end date."""

    __tablename__ = "placements"
    __table_args__ = (
        Index("ix_placements_case", "case_id", "state"),
        Index("ix_placements_facility", "facility_id", "state", "end_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(30))
    state: Mapped[str] = mapped_column(String(20))  # proposed, approved, returned, withdrawn
    carer: Mapped[str] = mapped_column(String(200), default="", server_default="")
    facility_id: Mapped[int | None] = mapped_column(ForeignKey("facilities.id"))
    address: Mapped[str] = mapped_column(Text, default="", server_default="")
    start_date: Mapped[date] = mapped_column(Date)
    legal_basis: Mapped[str] = mapped_column(String(30))
    legal_reference: Mapped[str] = mapped_column(String(200), default="", server_default="")
    legal_date: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    decided_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    review_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    replaced_by: Mapped[int | None] = mapped_column(ForeignKey("placements.id"))
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("approvals.id"))
    proposed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    proposed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PlacementReview(Base):
    """A review of a placement: is it still in the child's best interests (UN Guidelines §67)?"""

    __tablename__ = "placement_reviews"
    __table_args__ = (Index("ix_placement_reviews_placement", "placement_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placements.id"))
    reviewed_on: Mapped[date] = mapped_column(Date)
    best_interests: Mapped[str] = mapped_column(String(10))  # yes, no, unsure
    child_views: Mapped[str] = mapped_column(Text, default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    next_review: Mapped[date | None] = mapped_column(Date)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LogEntry(Base):
    """A line of a facility's daily log (occurrence book): about one child, or the house."""

    __tablename__ = "log_entries"
    __table_args__ = (
        Index("ix_log_entries_facility", "facility_id", "on_date"),
        Index("ix_log_entries_case", "case_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    facility_id: Mapped[int | None] = mapped_column(ForeignKey("facilities.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    on_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    serious: Mapped[bool] = mapped_column(Boolean, default=False)
    # A family contact (visit or call): who, and how; reintegration evidence.
    family_member: Mapped[str] = mapped_column(String(200), default="", server_default="")
    contact_how: Mapped[str] = mapped_column(String(20), default="", server_default="")
    written_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    writer_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    written_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    followed_up_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    followed_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    follow_up_note: Mapped[str] = mapped_column(Text, default="", server_default="")


class SupervisionNote(Base):
    """A supervision session of a caseworker with their supervisor (Standard 15, 15.8): the
    cases discussed, what was decided and what follows. Seen only by that worker, supervisors
    and managers; never printed on a case document nor carried in a package."""

    __tablename__ = "supervision_notes"
    __table_args__ = (Index("ix_supervision_notes_worker", "worker_id", "held_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    held_on: Mapped[date] = mapped_column(Date)
    case_ids: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of cases.id
    decisions: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CaseAttachment(Base):
    """A document belonging to a case (a birth certificate, a court order, a medical report…),
    described here; its bytes are in `case_attachment_data`, so that listing a case's
    attachments, or anything else about a case, never reads them."""

    __tablename__ = "case_attachments"
    __table_args__ = (Index("ix_case_attachments_case", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(30))  # desktop.attachments.KINDS
    document_date: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A removal keeps who, when and why; the bytes themselves are deleted.
    removed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    removal_reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class CaseAttachmentData(Base):
    """The bytes of one attachment, encrypted in the store like every page of it."""

    __tablename__ = "case_attachment_data"

    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("case_attachments.id"), primary_key=True, autoincrement=False
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)

"""Documents attached to a case (a birth certificate, a court order, a medical report, a photo of
the child where the agency allows it), kept encrypted inside the store and never as a file.

A file is checked before it is read (its size against the agency's limit, a regular file) and
by its first bytes (PDF, JPEG or PNG, whatever its name says). Its description lives in
`case_attachments` and its bytes in `case_attachment_data`, read only to show, print or send
that one attachment: the case list, the case file and the Attachments tab never read them.
Removal is a supervisor's, with a reason: the bytes go, who removed what and why stays.
Audit summaries hold the kind, the type, the size and the id, never a file name or a description.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from db.files import read_bounded
from db.models import CaseAttachment, CaseAttachmentData, Role, Setting, Stage, User
from desktop import access
from desktop.documents import media_type_of
from desktop.session import UserSession
from desktop.workflow import FormNotNow

SETTING = "attachments"
DEFAULT_MAX_MB = 20
# A package carries a file of at most 20 MB (desktop.package_schema): an attachment that could
# not travel with its case is not allowed in.
LARGEST_MAX_MB = 20
DESCRIPTION_LIMIT = 500
PHOTO = "photo_of_child"
# The kinds of document, in the order the window offers them.
KINDS: dict[str, str] = {
    "birth_certificate": QT_TRANSLATE_NOOP("Attachments", "Birth certificate"),
    "court_order": QT_TRANSLATE_NOOP("Attachments", "Court order"),
    "medical_report": QT_TRANSLATE_NOOP("Attachments", "Medical report"),
    "school_report": QT_TRANSLATE_NOOP("Attachments", "School report"),
    "identity_document": QT_TRANSLATE_NOOP("Attachments", "Identity document"),
    "police_report": QT_TRANSLATE_NOOP("Attachments", "Police report"),
    "letter": QT_TRANSLATE_NOOP("Attachments", "Letter"),
    PHOTO: QT_TRANSLATE_NOOP("Attachments", "Photo of the child"),
    "other": QT_TRANSLATE_NOOP("Attachments", "Other document"),
}

REMOVE_ACTION = QT_TRANSLATE_NOOP(
    "errors", "remove an attachment from a case (only a supervisor can)"
)
ADD_ACTION = QT_TRANSLATE_NOOP("errors", "attach documents to this case")
TOO_LARGE = QT_TRANSLATE_NOOP(
    "errors",
    "{name} is too large ({size} MB): this agency allows at most {limit} MB per attachment. "
    "Scan it at a lower resolution or in black and white, or split it into parts.",
)
NOT_A_TYPE_ALLOWED = QT_TRANSLATE_NOOP(
    "errors",
    "{name} cannot be attached: only PDF documents, JPEG photos and PNG pictures can be "
    "(Ulinzi looks at what the file holds, not at its name).",
)
NO_PHOTOS = QT_TRANSLATE_NOOP(
    "errors",
    "This agency does not keep photos of children in case files. An administrator can allow "
    "them in Administration → Agency.",
)
UNREADABLE = QT_TRANSLATE_NOOP("errors", "The file {name} could not be read: {reason}")
NOT_A_FILE = QT_TRANSLATE_NOOP("errors", "{name} is not a file that can be read.")


@dataclass(frozen=True)
class AttachmentRules:
    """What the agency allows: the largest file, and whether photos of children are kept.

    Photos are off by default: a child's picture identifies them at a glance, on a screen or a
    printout, which "do no harm" and need-to-know sharing weigh against (DOMAIN.md)."""

    max_mb: int = DEFAULT_MAX_MB
    photos_allowed: bool = False

    @property
    def max_bytes(self) -> int:
        return self.max_mb * 1024 * 1024

    def kinds(self) -> list[str]:
        """The kinds a person may choose when attaching a document."""
        return [k for k in KINDS if k != PHOTO or self.photos_allowed]


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment as the case file lists it (never its bytes)."""

    id: int
    kind: str
    document_date: date | None
    description: str
    file_name: str
    media_type: str
    size: int
    added_by: str
    added_at: datetime
    removed_by: str = ""
    removed_at: datetime | None = None
    removal_reason: str = ""

    @property
    def removed(self) -> bool:
        return self.removed_at is not None


# -- the agency's rules ----------------------------------------------------------------------------


def rules_in(s: Session) -> AttachmentRules:
    value = s.execute(select(Setting.value).where(Setting.key == SETTING)).scalar()
    data: Any = json.loads(value) if value else {}
    max_mb = data.get("max_mb", DEFAULT_MAX_MB) if isinstance(data, dict) else DEFAULT_MAX_MB
    if not isinstance(max_mb, int) or not 1 <= max_mb <= LARGEST_MAX_MB:
        max_mb = DEFAULT_MAX_MB
    return AttachmentRules(max_mb, bool(isinstance(data, dict) and data.get("photos_allowed")))


@access.signed_in
def attachment_rules(us: UserSession) -> AttachmentRules:
    with us.store.read() as s:
        return rules_in(s)


@access.administrator(QT_TRANSLATE_NOOP("errors", "change the agency settings"))
def save_attachment_rules(us: UserSession, rules: AttachmentRules) -> AttachmentRules:
    if not 1 <= rules.max_mb <= LARGEST_MAX_MB:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "An attachment may be limited to between 1 and {most} MB."),
            most=LARGEST_MAX_MB,
        )
    with us.store.write() as s:
        before = rules_in(s)
        row = s.get(Setting, SETTING)
        value = json.dumps({"max_mb": rules.max_mb, "photos_allowed": rules.photos_allowed})
        if row is None:
            s.add(Setting(key=SETTING, value=value))
        else:
            row.value = value
        if before != rules:
            us.audit(
                s,
                "agency.settings_changed",
                summary=f"attachments: {rules.max_mb} MB, photos "
                + ("allowed" if rules.photos_allowed else "not allowed"),
            )
    return rules


# -- attaching ---------------------------------------------------------------------------------------


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f}"


def check_file(path: Path, rules: AttachmentRules) -> bytes:
    """The bytes of the file at `path`, or a plain refusal: too large for the agency (told from
    its size, before anything is read), not a file, unreadable, or not a PDF, JPEG or PNG."""
    try:
        size = path.stat().st_size
        if size > rules.max_bytes:
            raise InvalidInput(TOO_LARGE, name=path.name, size=_mb(size), limit=rules.max_mb)
        data = read_bounded(path, rules.max_bytes)
    except OSError as e:
        raise InvalidInput(UNREADABLE, name=path.name, reason=e.strerror or str(e)) from e
    if data is None:  # it grew while it was read
        raise InvalidInput(
            TOO_LARGE, name=path.name, size=_mb(rules.max_bytes + 1), limit=rules.max_mb
        )
    if media_type_of(data) is None:
        raise InvalidInput(NOT_A_TYPE_ALLOWED, name=path.name)
    return data


def precheck(path: Path, rules: AttachmentRules) -> None:
    """What can be told of a file without reading it (its size, and its first bytes), so that
    the window says it while the person still has the dialog in front of them."""
    try:
        found = path.stat()
        if not stat.S_ISREG(found.st_mode):  # a pipe would hold `open` until someone writes
            raise InvalidInput(NOT_A_FILE, name=path.name)
        if found.st_size > rules.max_bytes:
            raise InvalidInput(
                TOO_LARGE, name=path.name, size=_mb(found.st_size), limit=rules.max_mb
            )
        with open(path, "rb") as f:
            start = f.read(16)
    except OSError as e:
        raise InvalidInput(UNREADABLE, name=path.name, reason=e.strerror or str(e)) from e
    if media_type_of(start) is None:
        raise InvalidInput(NOT_A_TYPE_ALLOWED, name=path.name)


@access.changes_case(action=ADD_ACTION)
def attach_file(
    us: UserSession,
    case_uuid: str,
    path: Path,
    kind: str,
    document_date: date | None = None,
    description: str = "",
) -> AttachmentInfo:
    """Attach the file at `path` to a case, checked first (see `check_file`)."""
    rules = attachment_rules(us)
    _check_kind(kind, rules)
    data = check_file(path, rules)
    return attach(us, case_uuid, path.name, data, kind, document_date, description)


@access.changes_case(action=ADD_ACTION)
def attach(
    us: UserSession,
    case_uuid: str,
    file_name: str,
    data: bytes,
    kind: str,
    document_date: date | None = None,
    description: str = "",
) -> AttachmentInfo:
    """Keep `data` with the case, encrypted in the store, described by kind, date and words."""
    name = re.sub(r"[\\/\x00-\x1f]", "_", file_name.strip())[-200:] or "document"
    media_type = media_type_of(data)
    if media_type is None:
        raise InvalidInput(NOT_A_TYPE_ALLOWED, name=name)
    description = " ".join(description.split())
    if len(description) > DESCRIPTION_LIMIT:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The description is too long: at most {most} characters."),
            most=DESCRIPTION_LIMIT,
        )
    if document_date is not None and document_date > date.today():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The document's date cannot be in the future.")
        )
    with access.changing_case(us, case_uuid, action=ADD_ACTION) as (s, case):
        rules = rules_in(s)
        _check_kind(kind, rules)
        if len(data) > rules.max_bytes:
            raise InvalidInput(TOO_LARGE, name=name, size=_mb(len(data)), limit=rules.max_mb)
        if case.stage == Stage.TRANSFERRED:
            raise FormNotNow(FormNotNow.TRANSFERRED)
        row = CaseAttachment(
            case_id=case.id,
            kind=kind,
            document_date=document_date,
            description=description,
            file_name=name,
            media_type=media_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            added_by=us.user.id,
            added_at=datetime.now(UTC),
        )
        s.add(row)
        s.flush()
        s.add(CaseAttachmentData(attachment_id=row.id, data=data))
        case.updated_at = datetime.now(UTC)
        us.audit(
            s,
            "attachment.added",
            case_id=case.id,
            summary=f"#{row.id} {kind} {media_type} {len(data)} bytes",
        )
        return _info(row, us.user.full_name, "")


def _check_kind(kind: str, rules: AttachmentRules) -> None:
    if kind == PHOTO and not rules.photos_allowed:
        raise InvalidInput(NO_PHOTOS)
    if kind not in KINDS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "Unknown kind of document: {kind}. The kinds are: {known}."
            ),
            kind=kind[:40],
            known=", ".join(rules.kinds()),
        )


# -- listing, showing, removing ----------------------------------------------------------------------


def _info(row: Any, added_by: str, removed_by: str) -> AttachmentInfo:
    return AttachmentInfo(
        row.id,
        row.kind,
        row.document_date,
        row.description,
        row.file_name,
        row.media_type,
        row.size,
        added_by,
        row.added_at,
        removed_by,
        row.removed_at,
        row.removal_reason,
    )


def attachments_in(s: Session, case_id: int) -> list[AttachmentInfo]:
    """A case's attachments in the order they were added, removed ones included (their
    description only): one indexed read that never touches the bytes."""
    names = dict(s.execute(select(User.id, User.full_name)).all())
    rows = s.execute(
        select(
            CaseAttachment.id,
            CaseAttachment.kind,
            CaseAttachment.document_date,
            CaseAttachment.description,
            CaseAttachment.file_name,
            CaseAttachment.media_type,
            CaseAttachment.size,
            CaseAttachment.added_by,
            CaseAttachment.added_at,
            CaseAttachment.removed_by,
            CaseAttachment.removed_at,
            CaseAttachment.removal_reason,
        )
        .where(CaseAttachment.case_id == case_id)
        .order_by(CaseAttachment.id)
    )
    return [
        _info(r, names.get(r.added_by, ""), names.get(r.removed_by, "") if r.removed_by else "")
        for r in rows
    ]


@access.reads_case()
def case_attachments(us: UserSession, case_uuid: str) -> list[AttachmentInfo]:
    """The attachments of a case, for whoever may open it."""
    with access.reading_case(us, case_uuid) as (s, case):
        return attachments_in(s, case.id)


def data_of(s: Session, attachment_id: int) -> bytes | None:
    return s.execute(
        select(CaseAttachmentData.data).where(CaseAttachmentData.attachment_id == attachment_id)
    ).scalar()


@access.reads_case()
def attachment_data(
    us: UserSession, case_uuid: str, attachment_id: int
) -> tuple[AttachmentInfo, bytes]:
    """One attachment's bytes, to show or print; opening it is in the audit log."""
    with access.reading_case(us, case_uuid, write=True) as (s, case):
        row = s.get(CaseAttachment, attachment_id)
        if row is None or row.case_id != case.id or row.removed_at is not None:
            raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The attachment"))
        data = data_of(s, row.id)
        if data is None or hashlib.sha256(data).hexdigest() != row.sha256:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "The attachment is damaged and cannot be shown.")
            )
        us.audit(s, "attachment.opened", case_id=case.id, summary=f"#{row.id}")
        who = s.execute(select(User.full_name).where(User.id == row.added_by)).scalar() or ""
        return _info(row, who, ""), data


@access.changes_case(action=REMOVE_ACTION)
def remove_attachment(
    us: UserSession, case_uuid: str, attachment_id: int, reason: str
) -> AttachmentInfo:
    """A supervisor removes an attachment (attached to the wrong case, a copy no longer to be
    kept): its bytes are deleted; who removed it, when and why stay in the case file."""
    access.require(us, Role.SUPERVISOR, action=REMOVE_ACTION)
    reason = reason.strip()
    if not reason:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "Say why the attachment is removed: it is kept in the file."
            )
        )
    with access.changing_case(us, case_uuid, action=REMOVE_ACTION) as (s, case):
        row = s.get(CaseAttachment, attachment_id)
        if row is None or row.case_id != case.id or row.removed_at is not None:
            raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The attachment"))
        data = s.get(CaseAttachmentData, row.id)
        if data is not None:
            s.delete(data)
        row.removed_by = us.user.id
        row.removed_at = datetime.now(UTC)
        row.removal_reason = reason[:DESCRIPTION_LIMIT]
        case.updated_at = datetime.now(UTC)
        us.audit(
            s,
            "attachment.removed",
            case_id=case.id,
            summary=f"#{row.id} {row.kind} sha256 {row.sha256}",
        )
        added_by = s.execute(select(User.full_name).where(User.id == row.added_by)).scalar()
        return _info(row, added_by or "", us.user.full_name)


__all__ = [
    "KINDS",
    "PHOTO",
    "AttachmentInfo",
    "AttachmentRules",
    "attach",
    "attach_file",
    "attachment_data",
    "attachment_rules",
    "attachments_in",
    "case_attachments",
    "check_file",
    "remove_attachment",
    "rules_in",
    "save_attachment_rules",
]

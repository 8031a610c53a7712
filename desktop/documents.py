"""Printed case documents: the closure form, the transfer form, the child's plan and the case
summary, made from a case's saved forms; what was printed, and the signed copies filed back.

Making a document reads the case as opening it does (same permission, an audit event); the
PDF stays in memory. Printing or saving it is recorded against the case with its verification
code, so that a paper copy can be matched to the record and its signed scan filed with it.
Audit summaries hold codes (kind, version, verification code), never a name.
"""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound, UlinziError
from db.models import (
    Case,
    PrintedDocument,
    SignedCopy,
    User,
)
from desktop import access
from desktop.access import DOCUMENT_REFUSED, SIGNED_COPY_REFUSED
from desktop.agency import minutes_identity_in, paper_in
from desktop.case_forms import CONSENT
from desktop.session import UserSession


class DocumentKind(enum.StrEnum):
    CLOSURE = "closure"
    TRANSFER = "transfer"
    CHILD_PLAN = "child_plan"
    SUMMARY = "summary"
    MINUTES = "minutes"  # of a case conference
    REINTEGRATION = "reintegration"  # the agreement under an approved placement decision
    PLACEMENT = "placement"  # a placement decision (desktop.placements)


# The case summary's sections, in order, with the forms each holds.
SUMMARY_SECTIONS: dict[str, tuple[str, ...]] = {
    "registration": ("registration", CONSENT),
    "assessments": ("initial_assessment", "full_assessment", "best_interests"),
    "plan": ("case_plan",),
    "services": ("referral",),
    "follow_up": ("follow_up_visit", "review"),
    "decisions": (),
    "closure": ("closure_request", "transfer_request"),
    "notes": (),  # contact notes: printed only when chosen
    # Every other form: the agency's own (`ulinzi forms import`), or one another agency sent.
    "other_forms": (),
    "attachments": (),  # the titles of the documents attached to the case, never their content
}
# Printed only when asked for by name: a summary without a choice of sections leaves them out.
OPTIONAL_SECTIONS = ("notes",)
# Their titles, in the window's Print dialog and on the summary itself.
SECTION_TITLES: dict[str, str] = {
    "registration": QT_TRANSLATE_NOOP("CaseDocuments", "Registration and consent"),
    "assessments": QT_TRANSLATE_NOOP("CaseDocuments", "Assessments"),
    "plan": QT_TRANSLATE_NOOP("CaseDocuments", "Case plan"),
    "services": QT_TRANSLATE_NOOP("CaseDocuments", "Services and referrals"),
    "follow_up": QT_TRANSLATE_NOOP("CaseDocuments", "Follow-up visits and reviews"),
    "decisions": QT_TRANSLATE_NOOP("CaseDocuments", "Decisions and stage changes"),
    "closure": QT_TRANSLATE_NOOP("CaseDocuments", "Closure and transfer"),
    "notes": QT_TRANSLATE_NOOP("CaseDocuments", "Contact notes"),
    "other_forms": QT_TRANSLATE_NOOP("CaseDocuments", "Other forms"),
    "attachments": QT_TRANSLATE_NOOP("CaseDocuments", "Attached documents"),
}
MAX_SIGNED_COPY_BYTES = 20 * 1024 * 1024  # a phone photo or a scanned multi-page PDF
_MEDIA_TYPES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)


_TOO_LARGE = QT_TRANSLATE_NOOP(
    "errors",
    "The file is too large ({size} MB): a signed copy may have at most 20 MB. "
    "Scan at a lower resolution or in black and white.",
)


class DocumentUnavailable(UlinziError):
    """A document the case cannot have yet (a closure form for an open case…)."""


# -- what comes back -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MadeDocument:
    """A document made in memory, ready to preview, print or save."""

    case_uuid: str
    case_number: str
    kind: DocumentKind
    version: int
    language: str
    code: str  # the short content hash printed on the paper
    verification: str  # the whole code line: case · kind · version · hash
    title: str
    file_name: str
    pdf: bytes
    pages: int


@dataclass(frozen=True)
class SignedCopyInfo:
    id: int
    document_id: int
    file_name: str
    media_type: str
    size: int
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class PrintedDocumentInfo:
    id: int
    kind: str
    version: int
    code: str
    language: str
    printed_by: str
    printed_at: datetime
    times: int
    signed_copies: tuple[SignedCopyInfo, ...]


def prepare() -> None:
    """Load the documents' code and fonts (about half a second the first time), so that the
    first document a person prints after signing in is as quick as the next ones. The window
    calls it off the UI thread right after sign-in."""
    # Imported for what follows, not used here.
    from desktop import agreement, document_data, placements  # noqa: F401
    from reports import (  # noqa: F401
        case_documents,
        layout,
        minutes,
        placement_decision,
        reintegration,
    )

    layout.prepare()


@access.signed_in
def case_uuid_of(us: UserSession, case_number: str) -> str:
    """The case with this number (who may see it is checked when it is used)."""
    with us.store.read() as s:
        uuid = s.execute(
            select(Case.uuid).where(Case.case_number == case_number.strip().upper())
        ).scalar()
    if uuid is None:
        raise NotFound(what=case_number.strip())
    return uuid


# -- making a document -----------------------------------------------------------------------------


@access.reads_case(event=DOCUMENT_REFUSED)
def make_document(
    us: UserSession,
    case_uuid: str,
    kind: DocumentKind | str,
    *,
    language: str | None = None,
    sections: Iterable[str] | None = None,
    purpose: str = "",
    conference: int | None = None,
    placement: int | None = None,
    today: date | None = None,
) -> MadeDocument:
    """Make one of a case's documents (in memory): whoever may open the case may make it.

    `sections` (the case summary only) picks from SUMMARY_SECTIONS, all when None;
    `conference` is the number of the conference whose minutes to print; `placement` the id of
    the placement whose decision to print."""
    from desktop import placements
    from desktop.agreement import agreement_of
    from desktop.document_data import Facts, letterhead
    from reports import case_documents as docs
    from reports import minutes, placement_decision, reintegration
    from reports.layout import PrintOptions
    from reports.texts import texts

    kind = DocumentKind(kind)
    language = language or us.agency.language
    today = today or datetime.now(UTC).astimezone().date()
    chosen = (
        [x for x in SUMMARY_SECTIONS if x not in OPTIONAL_SECTIONS]
        if sections is None
        else list(sections)
    )
    unknown = [x for x in chosen if x not in SUMMARY_SECTIONS]
    if unknown:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "Unknown summary section: {names}. The sections are: {known}."
            ),
            names=", ".join(unknown),
            known=", ".join(SUMMARY_SECTIONS),
        )
    # Read and audit in one unit of work; the PDF is built after it, holding no lock.
    with access.reading_case(us, case_uuid, write=True, event=DOCUMENT_REFUSED) as (s, case):
        facts = Facts(s, case, language)
        head = letterhead(s)
        paper = paper_in(s)
        if kind == DocumentKind.CLOSURE:
            data, build = facts.closure_form(), docs.build_closure_form
        elif kind == DocumentKind.TRANSFER:
            data, build = facts.transfer_form(us.agency.name), docs.build_transfer_form
        elif kind == DocumentKind.CHILD_PLAN:
            data, build = facts.child_plan(head.agency_name), docs.build_child_plan
        elif kind == DocumentKind.MINUTES:
            data = facts.minutes(conference or 0, minutes_identity_in(s))
            build = minutes.build_minutes
        elif kind == DocumentKind.REINTEGRATION:
            data, build = agreement_of(facts), reintegration.build_agreement
        elif kind == DocumentKind.PLACEMENT:
            data = placements.decision_document(s, case, placement or 0, facts, language)
            build = placement_decision.build_placement_decision
        else:
            data, build = facts.summary(chosen, purpose), docs.build_case_summary
        if kind == DocumentKind.MINUTES:
            check = minutes.verification_of(data, head)
        elif kind == DocumentKind.REINTEGRATION:
            check = reintegration.verification_of(data, head)
        elif kind == DocumentKind.PLACEMENT:
            check = placement_decision.verification_of(data, head)
        else:
            check = docs.verification_of(data, head)
        us.audit(
            s,
            "document.made",
            case_id=case.id,
            summary=f"{kind} v{check.version} {check.short}",
        )
    options = PrintOptions(
        printed_on=today, language=language, paper=paper, printed_by=us.user.full_name
    )
    made = build(data, head, options)  # type: ignore[arg-type]
    title = (
        reintegration.words(language)["title"]
        if kind == DocumentKind.REINTEGRATION
        else texts(language)[_TITLE_KEYS[kind]]
    )
    return MadeDocument(
        case_uuid=case_uuid,
        case_number=check.case_number,
        kind=kind,
        version=check.version,
        language=language,
        code=check.short,
        verification=check.text,
        title=title,
        file_name=_file_name(
            f"{title} {conference}" if kind == DocumentKind.MINUTES else title,
            check.case_number,
            check.version,
        ),
        pdf=made.pdf,
        pages=made.pages,
    )


_TITLE_KEYS = {
    DocumentKind.CLOSURE: "closure_title",
    DocumentKind.TRANSFER: "transfer_title",
    DocumentKind.CHILD_PLAN: "child_plan_title",
    DocumentKind.SUMMARY: "summary_title",
    DocumentKind.MINUTES: "minutes_title",
    DocumentKind.PLACEMENT: "placement_title",
}


def _file_name(title: str, case_number: str, version: int) -> str:
    """ "Case closure form KGL-2026-0042 v1.pdf": the case number, never the child's name."""
    safe = re.sub(r"[^\w\- ]+", "", f"{title} {case_number} v{version}", flags=re.UNICODE)
    return safe.strip() + ".pdf"


# -- printed, saved, and filed back ----------------------------------------------------------------


@access.reads_case(event=DOCUMENT_REFUSED)
def record_output(us: UserSession, made: MadeDocument, how: str) -> int:
    """Record that `made` went to a printer (`how`="printed") or to a PDF file ("saved"); the
    same content printed again counts on the same document. Returns the document's id."""
    if how not in ("printed", "saved"):
        raise ValueError(how)
    with access.reading_case(us, made.case_uuid, write=True, event=DOCUMENT_REFUSED) as (
        s,
        case,
    ):
        row = s.execute(
            select(PrintedDocument).where(
                PrintedDocument.case_id == case.id,
                PrintedDocument.kind == made.kind.value,
                PrintedDocument.code == made.code,
            )
        ).scalar_one_or_none()
        if row is None:
            row = PrintedDocument(
                case_id=case.id,
                kind=made.kind.value,
                version=made.version,
                code=made.code,
                language=made.language,
                printed_by=us.user.id,
                times=1,
            )
            s.add(row)
        else:
            row.times += 1
            row.printed_by = us.user.id
            row.printed_at = datetime.now(UTC)
        us.audit(
            s,
            f"document.{how}",
            case_id=case.id,
            summary=f"{made.kind} v{made.version} {made.code}",
        )
        s.flush()
        return row.id


@access.reads_case(event=DOCUMENT_REFUSED)
def printed_documents(us: UserSession, case_uuid: str) -> list[PrintedDocumentInfo]:
    """The documents of a case that went to paper, newest first, each with its signed copies."""
    with access.reading_case(us, case_uuid, event=DOCUMENT_REFUSED) as (s, case):
        names = dict(s.execute(select(User.id, User.full_name)).all())
        copies: dict[int, list[SignedCopyInfo]] = {}
        for c in s.execute(
            select(
                SignedCopy.id,
                SignedCopy.document_id,
                SignedCopy.file_name,
                SignedCopy.media_type,
                SignedCopy.size,
                SignedCopy.added_by,
                SignedCopy.added_at,
            )
            .where(SignedCopy.case_id == case.id)
            .order_by(SignedCopy.id)
        ):
            copies.setdefault(c.document_id, []).append(_copy_info(c, names.get(c.added_by, "")))
        rows = s.execute(
            select(PrintedDocument)
            .where(PrintedDocument.case_id == case.id)
            .order_by(PrintedDocument.printed_at.desc(), PrintedDocument.id.desc())
        ).scalars()
        return [
            PrintedDocumentInfo(
                r.id,
                r.kind,
                r.version,
                r.code,
                r.language,
                names.get(r.printed_by, ""),
                r.printed_at,
                r.times,
                tuple(copies.get(r.id, [])),
            )
            for r in rows
        ]


def _copy_info(copy: Any, added_by: str) -> SignedCopyInfo:
    """A signed copy as the case file lists it (from a row or a selected tuple), without data."""
    return SignedCopyInfo(
        copy.id,
        copy.document_id,
        copy.file_name,
        copy.media_type,
        copy.size,
        added_by,
        copy.added_at,
    )


def media_type_of(data: bytes) -> str | None:
    """PDF, JPEG or PNG by the file's first bytes (its name may say anything)."""
    return next((media for magic, media in _MEDIA_TYPES if data.startswith(magic)), None)


@access.changes_case(
    event=SIGNED_COPY_REFUSED,
    action=QT_TRANSLATE_NOOP("errors", "file a signed copy in this case"),
)
def attach_signed_copy(
    us: UserSession, case_uuid: str, document_id: int, file_name: str, data: bytes
) -> SignedCopyInfo:
    """File the scan or photo of a signed paper with its document, encrypted in the store."""
    media_type = media_type_of(data)
    if media_type is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "The signed copy must be a PDF, a JPEG photo or a PNG picture."
            )
        )
    if len(data) > MAX_SIGNED_COPY_BYTES:
        raise InvalidInput(_TOO_LARGE, size=f"{len(data) / 1024 / 1024:.0f}")
    name = re.sub(r"[\\/]", "_", file_name.strip())[-200:] or "signed-copy"
    with access.changing_case(
        us,
        case_uuid,
        action=QT_TRANSLATE_NOOP("errors", "file a signed copy in this case"),
        event=SIGNED_COPY_REFUSED,
    ) as (s, case):
        document = s.get(PrintedDocument, document_id)
        if document is None or document.case_id != case.id:
            raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The printed document"))
        row = SignedCopy(
            case_id=case.id,
            document_id=document.id,
            file_name=name,
            media_type=media_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
            added_by=us.user.id,
        )
        s.add(row)
        s.flush()
        us.audit(
            s,
            "document.signed_copy_added",
            case_id=case.id,
            summary=f"{document.kind} v{document.version} {document.code} {media_type}",
        )
        return _copy_info(row, us.user.full_name)


@access.changes_case(
    event=SIGNED_COPY_REFUSED,
    action=QT_TRANSLATE_NOOP("errors", "file a signed copy in this case"),
)
def attach_signed_copy_file(
    us: UserSession, case_uuid: str, document_id: int, path: Path
) -> SignedCopyInfo:
    """File a scan or photo chosen on disk; its size is checked before it is read."""
    try:
        size = path.stat().st_size
        if size > MAX_SIGNED_COPY_BYTES:
            raise InvalidInput(_TOO_LARGE, size=f"{size / 1024 / 1024:.0f}")
        data = path.read_bytes()
    except OSError as e:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The file {name} could not be read: {reason}"),
            name=path.name,
            reason=e.strerror or str(e),
        ) from e
    return attach_signed_copy(us, case_uuid, document_id, path.name, data)


@access.reads_case(event=DOCUMENT_REFUSED)
def signed_copy(us: UserSession, case_uuid: str, copy_id: int) -> tuple[SignedCopyInfo, bytes]:
    """A signed copy's file, to show; reading it is in the audit log like opening the case."""
    with access.reading_case(us, case_uuid, write=True, event=DOCUMENT_REFUSED) as (s, case):
        row = s.get(SignedCopy, copy_id)
        if row is None or row.case_id != case.id:
            raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The signed copy"))
        if hashlib.sha256(row.data).hexdigest() != row.sha256:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "The signed copy is damaged and cannot be shown.")
            )
        us.audit(s, "document.signed_copy_opened", case_id=case.id, summary=str(row.id))
        who = s.execute(select(User.full_name).where(User.id == row.added_by)).scalar() or ""
        return (
            _copy_info(row, who),
            row.data,
        )


__all__ = [
    "DocumentKind",
    "DocumentUnavailable",
    "MadeDocument",
    "PrintedDocumentInfo",
    "SignedCopyInfo",
    "SECTION_TITLES",
    "SUMMARY_SECTIONS",
    "attach_signed_copy",
    "make_document",
    "media_type_of",
    "printed_documents",
    "record_output",
    "signed_copy",
]

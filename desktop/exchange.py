"""Handing a case to another agency: the agency's keys, the address book of partners, the
export of a transferred case as an encrypted, signed package, its import, and the receipt that
tells the sending agency the case arrived.

The package format and its safe reading are in `desktop.packages`; here is what the store does
with them. A package is built and encrypted in memory, and the encrypted file is written in the
same unit of work that marks the case transferred: if either fails, neither happens. An import
is applied in one unit of work, or not at all; the same package imported twice changes nothing.
Audit summaries hold codes and hashes, never a name or a reason.
"""

from __future__ import annotations

import base64
import json
import uuid as uuids
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import case as sql_case
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.errors import (
    QT_TRANSLATE_NOOP,
    InvalidInput,
    NotFound,
    PermissionDenied,
    UlinziError,
)
from db.files import read_bounded, write_file
from db.models import (
    Agency,
    Approval,
    AuditEvent,
    Case,
    CaseAttachment,
    CaseAttachmentData,
    Conference,
    ConferenceAction,
    ExchangedPackage,
    FormDefinitionRow,
    FormSubmission,
    PartnerAgency,
    PlanActionUpdate,
    PrintedDocument,
    ReceivedEvent,
    ReceivedRecord,
    Role,
    Setting,
    SignedCopy,
    Stage,
    StageMove,
    User,
)
from db.search import fold, fts_query, matching
from desktop import access, package_schema, packages, placements
from desktop.access import DOCUMENT_REFUSED, case_in, editable_cases, visible_cases
from desktop.anchors import anchor_of
from desktop.attachments import KINDS as ATTACHMENT_KINDS
from desktop.attachments import PHOTO, attachments_in, rules_in
from desktop.attachments import data_of as attachment_bytes
from desktop.case_forms import CONSENT, REGISTRATION, consent_to_share, definition_row
from desktop.case_state import made_here, move, refresh
from desktop.cases import create_case, reindex
from desktop.documents import MAX_SIGNED_COPY_BYTES
from desktop.documents import media_type_of as documents_media_type
from desktop.forms import answers as answer_rules
from desktop.forms.definition import FormDefinition
from desktop.forms.saved import parse_definition, submission_of
from desktop.notes import add_received_notes, notes_record
from desktop.packages import AgencyKeys, PackageError
from desktop.session import UserSession
from desktop.workflow import ApprovalKind, ApprovalState

KEYS_SETTING = "agency_keys"
IDENTITY_FORMAT = "ulinzi-agency-identity"
CASE_FORMAT = 1  # of case.json
_MEDIA_SUFFIX = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


class NotTransferable(UlinziError):
    """A case that cannot be sent yet, and why."""


# -- the agency's keys and public identity --------------------------------------------------------


def keys_in(s: Session) -> AgencyKeys:
    """This agency's keys, made the first time they are needed (in the unit of work `s`)."""
    row = s.get(Setting, KEYS_SETTING)
    if row is None:
        keys = AgencyKeys.generate()
        value = {
            "age_identity": keys.age_identity,
            "signing_key": base64.b64encode(keys.signing_key).decode(),
        }
        s.add(Setting(key=KEYS_SETTING, value=json.dumps(value)))
        s.flush()
        return keys
    value = json.loads(row.value)
    return AgencyKeys(value["age_identity"], base64.b64decode(value["signing_key"]))


@dataclass(frozen=True)
class Identity:
    """An agency's public identity: what a partner needs to send it cases and check its
    signature. Safe to give to anyone."""

    name: str
    code: str
    age_recipient: str
    verify_key: str

    @property
    def fingerprint(self) -> str:
        return packages.fingerprint(self.code, self.age_recipient, self.verify_key)

    def public(self) -> dict[str, str]:
        """What a package's manifest says of its sender."""
        return {
            "name": self.name,
            "code": self.code,
            "age_recipient": self.age_recipient,
            "verify_key": self.verify_key,
            "fingerprint": self.fingerprint,
        }

    def to_json(self) -> str:
        return json.dumps(
            {"format": IDENTITY_FORMAT, "version": 1, **self.public()},
            ensure_ascii=False,
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> Identity:
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != IDENTITY_FORMAT:
                raise ValueError("format")
            found = cls(
                str(data["name"]).strip()[:200],
                str(data["code"]).strip().upper()[:20],
                packages.check_recipient(str(data["age_recipient"])),
                packages.check_verify_key(str(data["verify_key"])),
            )
        except (ValueError, KeyError, TypeError, PackageError) as e:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This file is not an agency's public identity from Ulinzi. Ask the agency "
                    "for the file made by “ulinzi agency identity” (or Administration → "
                    "Partner agencies).",
                )
            ) from e
        if "fingerprint" in data and data["fingerprint"] != found.fingerprint:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This identity file was changed: its fingerprint does not match its keys.",
                )
            )
        if not found.name or not found.code:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "The identity has no agency name or code.")
            )
        return found


def _identity(s: Session) -> Identity:
    agency = s.execute(select(Agency)).scalar_one()
    keys = keys_in(s)
    return Identity(agency.name, agency.code, keys.age_recipient, keys.verify_key)


@access.signed_in
def our_identity(us: UserSession) -> Identity:
    with us.store.write() as s:  # the keys are made on first use
        return _identity(s)


# -- the address book ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Partner:
    code: str
    name: str
    fingerprint: str
    verified: bool
    verified_by: str
    verified_at: datetime | None


@access.signed_in
def partners(us: UserSession) -> list[Partner]:
    with us.store.read() as s:
        names = dict(s.execute(select(User.id, User.full_name)).all())
        return [
            Partner(
                p.code,
                p.name,
                p.fingerprint,
                p.verified,
                names.get(p.verified_by, ""),
                p.verified_at,
            )
            for p in s.execute(select(PartnerAgency).order_by(PartnerAgency.name)).scalars()
        ]


@access.requires(
    Role.SUPERVISOR,
    Role.ADMINISTRATOR,
    action=QT_TRANSLATE_NOOP("errors", "change the partner agencies"),
)
def add_partner(us: UserSession, identity: Identity, verified: bool = False) -> Partner:
    """Add a partner agency from its identity (or replace its keys, which un-verifies it)."""
    now = datetime.now(UTC)
    with us.store.write() as s:
        if identity.code == s.execute(select(Agency.code)).scalar():
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "This is this agency's own identity."))
        row = s.execute(
            select(PartnerAgency).where(PartnerAgency.code == identity.code)
        ).scalar_one_or_none()
        if row is None:
            row = PartnerAgency(code=identity.code, added_by=us.user.id, added_at=now)
            s.add(row)
        elif (row.age_recipient, row.verify_key) != (identity.age_recipient, identity.verify_key):
            row.verified, row.verified_by, row.verified_at = False, None, None
        row.name = identity.name
        row.age_recipient, row.verify_key = identity.age_recipient, identity.verify_key
        row.fingerprint = identity.fingerprint
        if verified:
            row.verified, row.verified_by, row.verified_at = True, us.user.id, now
        s.flush()
        us.audit(
            s,
            "agency.partner_saved",
            summary=f"{identity.code} {identity.fingerprint}{' verified' if verified else ''}",
        )
        return Partner(
            row.code,
            row.name,
            row.fingerprint,
            row.verified,
            us.user.full_name if row.verified else "",
            row.verified_at,
        )


@access.requires(
    Role.SUPERVISOR,
    Role.ADMINISTRATOR,
    action=QT_TRANSLATE_NOOP("errors", "change the partner agencies"),
)
def verify_partner(us: UserSession, code: str) -> Partner:
    """Record that a partner's fingerprint was checked with that agency (by phone…)."""
    with us.store.read() as s:
        row = s.execute(
            select(PartnerAgency).where(PartnerAgency.code == code)
        ).scalar_one_or_none()
        if row is None:
            raise NotFound(what=code)
        identity = Identity(row.name, row.code, row.age_recipient, row.verify_key)
    return add_partner(us, identity, verified=True)


def _known_keys(s: Session) -> dict[str, str]:
    return dict(s.execute(select(PartnerAgency.code, PartnerAgency.verify_key)).all())


# -- exporting a case -----------------------------------------------------------------------------


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def case_records(s: Session, case: Case) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Everything the store holds about `case`, as plain JSON, and its attachments by entry
    name."""
    names = dict(s.execute(select(User.id, User.full_name)).all())
    subs = list(
        s.execute(
            select(FormSubmission)
            .where(FormSubmission.case_id == case.id)
            .order_by(FormSubmission.id)
        ).scalars()
    )
    definitions = {
        d.id: d.definition
        for d in s.execute(
            select(FormDefinitionRow).where(
                FormDefinitionRow.id.in_({x.definition_id for x in subs})
            )
        ).scalars()
    }
    ref = {x.id: [x.form_id, x.instance, x.revision] for x in subs}
    forms = [
        {
            "form_id": x.form_id,
            "instance": x.instance,
            "revision": x.revision,
            "definition": definitions[x.definition_id],
            "answers": json.loads(x.answers),
            "changed": json.loads(x.changed),
            "submitted_by": names.get(x.submitted_by, ""),
            "submitted_at": _iso(x.submitted_at),
        }
        for x in subs
    ]
    approvals = [
        {
            "kind": a.kind,
            "submission": ref.get(a.submission_id),
            "state": a.state,
            "requested_by": names.get(a.requested_by, ""),
            "requested_at": _iso(a.requested_at),
            "decided_by": names.get(a.decided_by, ""),
            "decided_at": _iso(a.decided_at),
            "comment": a.comment,
        }
        for a in s.execute(
            select(Approval).where(Approval.case_id == case.id).order_by(Approval.id)
        ).scalars()
    ]
    moves = [
        {
            "at": _iso(m.at),
            "by": names.get(m.user_id, ""),
            "how": m.how,
            "from": m.from_stage,
            "to": m.to_stage,
            "reason": m.reason,
        }
        for m in s.execute(
            select(StageMove).where(StageMove.case_id == case.id).order_by(StageMove.id)
        ).scalars()
    ]
    updates = [
        {
            "submission": ref.get(u.submission_id),
            "action_index": u.action_index,
            "status": u.status,
            "note": u.note,
            "by": names.get(u.user_id, ""),
            "at": _iso(u.at),
        }
        for u in s.execute(
            select(PlanActionUpdate)
            .where(PlanActionUpdate.case_id == case.id)
            .order_by(PlanActionUpdate.id)
        ).scalars()
    ]
    meetings = list(
        s.execute(
            select(Conference).where(Conference.case_id == case.id).order_by(Conference.number)
        ).scalars()
    )
    number_of = {c.id: c.number for c in meetings}
    conferences = [
        {
            "number": c.number,
            "scheduled_at": _iso(c.scheduled_at),
            "place": c.place,
            "chair": c.chair,
            "purpose": c.purpose,
            "purpose_other": c.purpose_other,
            "state": c.state,
            "cancel_reason": c.cancel_reason,
        }
        for c in meetings
    ]
    conference_actions = [
        {
            "conference": number_of.get(a.conference_id),
            "action": a.action,
            "owner": a.owner,
            "organisation": a.organisation,
            "ours": a.ours,
            "due": _iso(a.due),
            "status": a.status,
            "plan": ref.get(a.plan_submission_id),
            "plan_index": a.plan_index,
        }
        for a in s.execute(
            select(ConferenceAction)
            .where(ConferenceAction.case_id == case.id)
            .order_by(ConferenceAction.id)
        ).scalars()
    ]
    printed = {
        p.id: p
        for p in s.execute(
            select(PrintedDocument).where(PrintedDocument.case_id == case.id)
        ).scalars()
    }
    attachments: dict[str, bytes] = {}
    copies = []
    for n, c in enumerate(
        s.execute(
            select(SignedCopy).where(SignedCopy.case_id == case.id).order_by(SignedCopy.id)
        ).scalars(),
        start=1,
    ):
        entry = f"attachments/{n}.{_MEDIA_SUFFIX.get(c.media_type, 'pdf')}"
        attachments[entry] = c.data
        document = printed[c.document_id]
        copies.append(
            {
                "entry": entry,
                "file_name": c.file_name,
                "media_type": c.media_type,
                "size": c.size,
                "sha256": c.sha256,
                "document": {
                    "kind": document.kind,
                    "version": document.version,
                    "code": document.code,
                    "language": document.language,
                },
                "added_by": names.get(c.added_by, ""),
                "added_at": _iso(c.added_at),
            }
        )
    attached, files = attachment_entries(s, case, start=len(copies) + 1)
    attachments.update(files)
    history = [
        {"at": e.at, "username": e.username, "action": e.action, "summary": e.summary}
        for e in s.execute(
            select(AuditEvent).where(AuditEvent.case_id == case.id).order_by(AuditEvent.seq)
        ).scalars()
    ]
    history += [
        {"at": e.at, "username": e.username, "action": e.action, "summary": e.summary}
        for e in s.execute(
            select(ReceivedEvent).where(ReceivedEvent.case_id == case.id).order_by(ReceivedEvent.id)
        ).scalars()
    ]
    worker = s.get(User, case.caseworker_id) if case.caseworker_id else None
    record = {
        "format": CASE_FORMAT,
        "case": {
            "uuid": case.uuid,
            "case_number": case.case_number,
            "given_name": case.given_name,
            "family_name": case.family_name,
            "sex": case.sex,
            "birth_date": _iso(case.birth_date),
            "birth_date_estimated": case.birth_date_estimated,
            "location": case.location,
            "registration_place": case.registration_place,
            "risk": case.risk,
            "stage": case.stage,
            "registered_at": _iso(case.registered_at),
            "caseworker": worker.full_name if worker else "",
        },
        "forms": forms,
        "approvals": approvals,
        "stage_moves": moves,
        "plan_action_updates": updates,
        "conferences": conferences,
        "conference_actions": conference_actions,
        "signed_copies": copies,
        "attachments": attached,
        "history": history,
        "contact_notes": notes_record(s, case.id),
        **placements.records_of(s, case),
    }
    return record, attachments


def attachment_entries(
    s: Session, case: Case, *, start: int, only: list[int] | None = None
) -> tuple[list[dict[str, Any]], dict[str, bytes]]:
    """The documents attached to `case` (those in `only`, when given), described for case.json,
    and their bytes by entry name, numbered from `start` after the signed copies."""
    described, files = [], {}
    shown = [a for a in attachments_in(s, case.id) if not a.removed]
    chosen = [a for a in shown if only is None or a.id in only]
    for n, a in enumerate(chosen, start=start):
        data = attachment_bytes(s, a.id)
        if data is None:
            continue
        entry = f"attachments/{n}.{_MEDIA_SUFFIX.get(a.media_type, 'pdf')}"
        files[entry] = data
        described.append(
            {
                "entry": entry,
                "kind": a.kind,
                "document_date": _iso(a.document_date),
                "description": a.description,
                "file_name": a.file_name,
                "media_type": a.media_type,
                "size": a.size,
                "sha256": packages.sha256(data),
                "added_by": a.added_by,
                "added_at": _iso(a.added_at),
            }
        )
    return described, files


@dataclass(frozen=True)
class Exported:
    path: Path
    package_id: str
    sha256: str
    size: int
    to: str  # an agency code, or "passphrase"


@access.changes_case()
def export_case(
    us: UserSession,
    case_uuid: str,
    out: Path,
    *,
    recipient: str | None = None,
    passphrase: str | None = None,
    reason: str = "",
    consent_override: str = "",
    referral_forms: list[str] | None = None,
    referral_attachments: list[int] | None = None,
) -> Exported:
    """Send a case whose transfer the supervisor approved to another agency: a package
    encrypted to the partner's key (`recipient`, its code) or to a `passphrase`, written to
    `out`; the case is then transferred and read only.

    With `referral_forms`, a **referral package** instead: only those forms (as last saved),
    for a service provider that needs to know them, and the attachments chosen in
    `referral_attachments` (none unless chosen); the case stays ours, and open."""
    referral = _check_choice(recipient, passphrase, referral_forms)
    from desktop import documents

    transfer_form = (
        None if referral else documents.make_document(us, case_uuid, "transfer")
    )  # refused when the transfer is not approved
    with access.changing_case(us, case_uuid) as (s, case):
        partner = _recipient(s, recipient, referral)
        destination = "" if referral else _destination(s, case)
        overridden = _check_transfer(s, us, case, partner, destination, consent_override, referral)
        keys = keys_in(s)
        me = _identity(s)
        record, attachments = case_records(s, case)
        if referral:
            record = _need_to_know(record, referral_forms or [])
            chosen = list(referral_attachments or [])
            record["attachments"], attachments = attachment_entries(s, case, start=1, only=chosen)
            if len(record["attachments"]) != len(set(chosen)):
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "errors", "An attachment chosen for the referral is not in this case."
                    )
                )
        package_id = str(uuids.uuid4())
        now = datetime.now(UTC)
        kind = "referral" if referral else "transfer"
        manifest = {
            "kind": kind,
            "package_id": package_id,
            "created_at": _iso(now),
            "sender": me.public(),
            "recipient": {"code": partner.code, "name": partner.name}
            if partner
            else {"passphrase": True, "name": destination},
            "exported_by": {"username": us.user.username, "name": us.user.full_name},
            "cases": [case.uuid],
            "case_numbers": [case.case_number],
            "reason": reason.strip(),
            "audit_head": anchor_of(s),  # our history's head leaves the PC (see anchors)
        }
        entries = {
            packages.CASE: json.dumps(record, ensure_ascii=False, sort_keys=True).encode(),
            **({"documents/transfer-form.pdf": transfer_form.pdf} if transfer_form else {}),
            **attachments,
        }
        plain = packages.build(manifest, entries, keys)
        data = (
            packages.encrypt_to(plain, partner.age_recipient)
            if partner
            else packages.encrypt_with_passphrase(plain, passphrase or "")
        )
        del plain
        digest = packages.sha256(data)
        to = partner.code if partner else "passphrase"
        s.add(
            ExchangedPackage(
                package_id=package_id,
                direction="sent",
                kind=kind,
                case_id=case.id,
                agency_code=partner.code if partner else "",
                sha256=digest,
                user_id=us.user.id,
                at=now,
                details=json.dumps(
                    {
                        "to": partner.name if partner else destination,
                        "reason": reason.strip(),
                        "consent_override": consent_override.strip() if overridden else "",
                    },
                    ensure_ascii=False,
                ),
            )
        )
        if not referral:
            move(s, us, case, Stage.TRANSFERRED, "transferred", destination)
        us.audit(
            s,
            "package.exported",
            case_id=case.id,
            summary=f"{kind} to {to}: {package_id} sha256 {digest}",
        )
        refresh(s, case)
        write_file(out, data)  # last: a failure here rolls the whole transfer back
    return Exported(out, package_id, digest, len(data), to)


# A referral's choice that is not a form: the placements and the child's daily log entries.
PLACEMENTS = "placements"


def _need_to_know(record: dict[str, Any], form_ids: list[str]) -> dict[str, Any]:
    """A referral's records: the case's identity and the chosen forms as last saved."""
    latest: dict[tuple[str, int], dict[str, Any]] = {}
    for f in record["forms"]:
        if f["form_id"] in form_ids:
            key = (f["form_id"], f["instance"])
            if key not in latest or f["revision"] > latest[key]["revision"]:
                latest[key] = f
    case = {k: v for k, v in record["case"].items() if k != "stage"}
    chosen = {
        "format": CASE_FORMAT,
        "case": case,
        "forms": [{**f, "revision": 1, "changed": []} for f in latest.values()],
    }
    if PLACEMENTS in form_ids:  # where the child lives, and the daily log: only when chosen
        chosen["placements"] = record.get("placements") or []
        chosen["log_entries"] = record.get("log_entries") or []
    return chosen


def _destination(s: Session, case: Case) -> str:
    row = s.execute(
        select(FormSubmission)
        .where(FormSubmission.case_id == case.id, FormSubmission.form_id == "transfer_request")
        .order_by(FormSubmission.revision.desc())
        .limit(1)
    ).scalar_one_or_none()
    return str(json.loads(row.answers).get("to_agency") or "") if row else ""


def _check_transfer(
    s: Session,
    us: UserSession,
    case: Case,
    partner: PartnerAgency | None,
    destination: str,
    override: str,
    referral: bool = False,
    audit: bool = True,
) -> bool:
    """Refuse a send the case is not ready for; True when a supervisor's override of the
    consent was used (audited, unless only checking)."""
    approval = (
        None
        if referral
        else s.execute(
            select(Approval)
            .where(
                Approval.case_id == case.id,
                Approval.kind == ApprovalKind.TRANSFER.value,
                made_here(),  # a transfer the sender approved is not one approved here
            )
            .order_by(Approval.id.desc())
            .limit(1)
        ).scalar_one_or_none()
    )
    if not referral and (approval is None or approval.state != ApprovalState.APPROVED):
        raise NotTransferable(
            QT_TRANSLATE_NOOP(
                "errors",
                "Case {number} cannot be sent: its transfer request has not been approved by "
                "the supervisor.",
            ),
            number=case.case_number,
        )
    consent_row = s.execute(
        select(FormSubmission)
        .where(FormSubmission.case_id == case.id, FormSubmission.form_id == CONSENT)
        .order_by(FormSubmission.revision.desc())
        .limit(1)
    ).scalar_one_or_none()
    consent = consent_to_share([submission_of(s, consent_row)] if consent_row else [])
    names = [n for n in (partner.name if partner else "", destination) if n]
    if any(consent.covers(n) for n in names):
        return False
    if not override.strip():
        raise NotTransferable(
            QT_TRANSLATE_NOOP(
                "errors",
                "The consent form does not record agreement to share information with "
                "“{agency}”. Record the consent in a new version of the consent form, or a "
                "supervisor may send the case anyway with a reason.",
            ),
            agency=names[0] if names else "?",
        )
    if Role.SUPERVISOR not in us.user.roles:
        raise PermissionDenied(
            action=QT_TRANSLATE_NOOP("errors", "send a case without consent to share")
        )
    if not audit:
        return True
    us.audit(
        s,
        "package.consent_override",
        case_id=case.id,
        summary="referral" if referral else "transfer",
    )
    return True


def _check_choice(
    recipient: str | None, passphrase: str | None, referral_forms: list[str] | None
) -> bool:
    """What the sender chose, checked before anything is read: one way to lock the package, a
    passphrase long enough, and forms for a referral. True for a referral package."""
    referral = referral_forms is not None
    if referral and not referral_forms:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Choose the forms the provider needs to know.")
        )
    if (recipient is None) == (passphrase is None):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Choose one: the receiving agency's key, or a passphrase.")
        )
    if passphrase is not None:
        packages.check_passphrase(passphrase)
    return referral


def _recipient(s: Session, recipient: str | None, referral: bool) -> PartnerAgency | None:
    """The partner agency a package is sent to (None: locked with a passphrase); a referral
    goes only to one in the address book."""
    partner = None
    if recipient is not None:
        partner = s.execute(
            select(PartnerAgency).where(PartnerAgency.code == recipient.strip().upper())
        ).scalar_one_or_none()
        if partner is None:
            raise NotFound(what=recipient.strip().upper())
    if referral and partner is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "A referral package goes to a partner agency in the address book."
            )
        )
    return partner


@access.changes_case()
def check_export(
    us: UserSession,
    case_uuid: str,
    *,
    recipient: str | None = None,
    passphrase: str | None = None,
    consent_override: str = "",
    referral_forms: list[str] | None = None,
    referral_attachments: list[int] | None = None,  # checked when the package is made
) -> None:
    """What `export_case` would refuse (approval, consent, partner, passphrase, forms), asked
    while the send dialog is still open and before a file is chosen: nothing is written."""
    referral = _check_choice(recipient, passphrase, referral_forms)
    with access.reading_case(us, case_uuid) as (s, case):
        partner = _recipient(s, recipient, referral)
        destination = "" if referral else _destination(s, case)
        _check_transfer(s, us, case, partner, destination, consent_override, referral, audit=False)


# -- importing a package --------------------------------------------------------------------------


HIDDEN_MATCH = QT_TRANSLATE_NOOP(
    "errors",
    "A possible match for this child exists in a case you cannot see: ask your supervisor "
    "before importing it as a new case.",
)


@dataclass(frozen=True)
class Preview:
    """What a person sees before importing: who sent it, whether their key is known and
    checked, the case, and possible duplicates already in this store."""

    package_id: str
    kind: str
    sender_name: str
    sender_code: str
    sender_known: bool
    sender_verified: bool
    fingerprint: str
    created_at: str
    exported_by: str
    case_number: str
    child_name: str
    birth_date: str | None
    forms: int
    attachments: int
    duplicates: list[tuple[str, str]]  # (case number, child's name) here, of cases they may see
    already_imported: bool
    sha256: str
    hidden_duplicates: int = 0  # possible matches in cases they may not see: never named


@access.requires(
    Role.CASEWORKER, Role.SUPERVISOR, action=QT_TRANSLATE_NOOP("errors", "import packages")
)
def open_package(
    us: UserSession, data: bytes, passphrase: str | None = None
) -> tuple[Preview, packages.Opened]:
    """Open a package to show what it holds before importing; the look is in the audit log."""
    preview, opened, _ = _open(us, data, passphrase, audit=True)
    return preview, opened


def _open(
    us: UserSession, data: bytes, passphrase: str | None, *, audit: bool
) -> tuple[Preview, packages.Opened, int]:
    """The preview, the opened package, and the true count of matches in cases not visible."""
    with us.store.write() as s:  # our keys may be made on first use
        keys = keys_in(s)
        known = _known_keys(s)
        opened = packages.open_package(data, known, [keys.age_identity], passphrase)
        preview, hidden = _preview(s, us, opened)
        if audit:  # codes and counts only: the child's name stays out of the log
            unsaid = "" if hidden == preview.hidden_duplicates else " (not said: unknown sender)"
            us.audit(
                s,
                "package.previewed",
                summary=f"{preview.kind} from {preview.sender_code}: {preview.package_id}, "
                f"{len(preview.duplicates)} possible matches shown, "
                f"{hidden} not visible{unsaid}",
            )
        return preview, opened, hidden


def _preview(s: Session, us: UserSession, opened: packages.Opened) -> tuple[Preview, int]:
    """The preview, and how many possible matches lie in cases `us` may not see.

    Why a match in a case the person may not see is said at all, and when: two open cases for
    one child, in two teams, is a safeguarding risk (two plans, nobody seeing the whole), so a
    caseworker about to import one must stop and ask their supervisor; but the other team's
    case is not theirs to know (need-to-know sharing, DOMAIN.md), so the warning carries no
    detail: not a name, a number, a team, nor how many. It is said only for a package signed by
    an agency in the address book, the only kind a caseworker may import: a package from an
    unknown sender can be made by anyone, about any name, and would otherwise tell its maker
    whether some other team holds a case about that name. The search runs the same way in
    both cases (its time does not depend on the answer kept), and every preview is audited with
    the true count, for an administrator."""
    m = opened.manifest
    # mutation: equivalent — `or True`: `packages.open_package` refuses a manifest whose sender
    # is not a mapping, so it always is one here.
    sender = m.get("sender") if isinstance(m.get("sender"), dict) else {}
    partner = s.execute(
        select(PartnerAgency).where(PartnerAgency.code == opened.sender_code)
    ).scalar_one_or_none()
    kind, package_id = str(m.get("kind") or ""), str(m.get("package_id") or "")
    if not package_id:  # what "already imported", a receipt and a case's history go by
        raise PackageError(packages.DAMAGED, detail="package_id")
    child, number, born, forms, files, duplicates, hidden = "", "", None, 0, 0, [], 0
    if kind in ("transfer", "referral"):
        record = _record(opened)
        c = record["case"]
        child = f"{c.get('given_name') or ''} {c.get('family_name') or ''}".strip()
        number, born = str(c.get("case_number") or ""), c.get("birth_date")
        forms = len(record.get("forms") or [])
        files = len(record.get("signed_copies") or []) + len(record.get("attachments") or [])
        duplicates, hidden = _duplicates(s, us, record)
    already = (
        s.execute(
            # mutation: equivalent — `select(None)`: a row of NULL is still a row; only whether
            # one is found counts.
            select(ExchangedPackage.id).where(
                ExchangedPackage.package_id == package_id,
                ExchangedPackage.direction == "received",
            )
        ).first()
        is not None
    )
    return Preview(
        package_id=package_id,
        kind=kind,
        sender_name=str(sender.get("name") or ""),
        sender_code=opened.sender_code,
        sender_known=opened.sender_known,
        sender_verified=bool(partner and partner.verified and opened.sender_known),
        fingerprint=packages.fingerprint(
            opened.sender_code,
            str(sender.get("age_recipient") or ""),
            str(sender.get("verify_key") or ""),
        ),
        created_at=str(m.get("created_at") or ""),
        exported_by=str(
            m["exported_by"].get("name") or "" if isinstance(m.get("exported_by"), dict) else ""
        ),
        case_number=number,
        child_name=child,
        birth_date=born,
        forms=forms,
        attachments=files,
        duplicates=duplicates,
        already_imported=already,
        sha256=opened.digest,
        hidden_duplicates=hidden if opened.sender_known else 0,
    ), hidden


def _record(opened: packages.Opened) -> dict[str, Any]:
    record = opened.json(packages.CASE)
    if not isinstance(record, dict) or record.get("format") != CASE_FORMAT:
        raise PackageError(packages.DAMAGED, detail="case.json format")
    if not isinstance(record.get("case"), dict):
        raise PackageError(packages.DAMAGED, detail="case")
    problem = package_schema.first_problem(record)
    if problem is not None:
        raise PackageError(packages.DAMAGED, detail=problem)
    return record


def _folded(name: Any) -> str:
    """A name as the case search compares it ("  Émile " is "emile"); "" for none."""
    return " ".join(fold(str(name or "")).split())


def _caregivers(answers: Any) -> set[str]:
    """The folded names of the people in a registration's "caregivers" answer."""
    people = answers.get("caregivers") if isinstance(answers, dict) else None
    if people is not None and not isinstance(people, list):  # no list a person could fill in
        raise _damaged(f"forms: {REGISTRATION}.caregivers")
    return {_folded(p.get("name")) for p in people or [] if isinstance(p, dict)} - {""}


def _duplicates(
    s: Session, us: UserSession, record: dict[str, Any]
) -> tuple[list[tuple[str, str]], int]:
    """Our cases that may be the same child: the same given name with the same family name or
    date of birth, or the same date of birth and one of the same caregivers (a name spelled
    another way at the other office). Names compare as the case search does: "Émile" is
    "emile". Those `us` may see are named; the others are only counted, as a package anyone
    can make must not tell who else has a case here."""
    c = record["case"]
    given, family = _folded(c.get("given_name")), _folded(c.get("family_name"))
    try:
        born = _date(c.get("birth_date"))
    except ValueError as e:  # a year no child's case has
        raise _damaged("case: birth_date") from e
    # The record's shape is checked (`_record`): each form has its id and a count as revision.
    registrations = [f for f in record.get("forms") or [] if f["form_id"] == REGISTRATION]
    latest = max(registrations, key=lambda f: f["revision"], default={})
    theirs = _caregivers(latest.get("answers"))
    named = fts_query(given)  # None when no word is left to search
    candidates = []
    if named is not None:  # the search index: a prefix match, narrowed below
        candidates.append(matching(Case.id))
    if born is not None:
        candidates.append(Case.birth_date == born)
    if not candidates:
        return [], 0
    query = select(
        Case.id,
        Case.case_number,
        Case.given_name,
        Case.family_name,
        Case.birth_date,
        # mutation: equivalent — `else_=None`: NULL is as false as False is, below.
        sql_case((visible_cases(us.user), True), else_=False),
    ).where(or_(*candidates))
    found, hidden = [], 0
    # (`match` is not used when no name is searched.)
    for case_id, number, g, f, birth, visible in s.execute(query, {"match": named}):
        same_birth = born is not None and birth == born
        match = _folded(g) == given and (_folded(f) == family or same_birth)
        if not match and same_birth and theirs:
            answers = s.execute(
                select(FormSubmission.answers)
                .where(FormSubmission.case_id == case_id, FormSubmission.form_id == REGISTRATION)
                .order_by(FormSubmission.revision.desc())
                # mutation: equivalent — any limit, or none: `scalar()` reads the first row only.
                .limit(1)  # pragma: no mutate
            ).scalar()
            match = bool(answers) and bool(theirs & _caregivers(json.loads(answers)))
        if match and visible:
            found.append((number, f"{g} {f}".strip()))
        elif match:
            hidden += 1
    return found, hidden


@dataclass(frozen=True)
class Imported:
    case_uuid: str | None
    case_number: str
    already: bool
    receipt: bytes | None  # encrypted to the sender: write it and send it back
    # Attachments this agency's rules do not let in (a photo of the child where photos are not
    # kept, a file above the size limit): named, left with the sender, not in the case here.
    left_out: tuple[str, ...] = ()


@access.requires(
    Role.CASEWORKER, Role.SUPERVISOR, action=QT_TRANSLATE_NOOP("errors", "import packages")
)
def import_package(
    us: UserSession,
    data: bytes,
    *,
    passphrase: str | None = None,
    caseworker: str | None = None,
    confirm_unknown_sender: bool = False,
    accept_duplicates: bool = False,
    link_to: str | None = None,
) -> Imported:
    """Import a transfer or referral package as a new case, or with `link_to` (a case's uuid)
    beside a case already here: the sender's history and signed copies are added to it and
    its records kept as they came, never written over ours. A receipt for a package we sent
    is recorded. Everything in one unit of work; the same package twice changes nothing."""
    # The import is what is audited.
    preview, opened, hidden = _open(us, data, passphrase, audit=False)
    if preview.kind == "receipt":
        return _record_receipt(us, opened)
    if preview.kind not in ("transfer", "referral"):
        raise PackageError(packages.DAMAGED, detail="kind")
    if preview.already_imported:
        with us.store.read() as s:
            row = s.execute(
                select(Case.uuid, Case.case_number)
                .join(ExchangedPackage, ExchangedPackage.case_id == Case.id)
                .where(
                    ExchangedPackage.package_id == preview.package_id,
                    ExchangedPackage.direction == "received",
                    visible_cases(us.user),  # someone else's case is not named
                )
            ).first()
        return Imported(row[0] if row else None, row[1] if row else "", True, None)
    if not preview.sender_known and not (
        confirm_unknown_sender and Role.SUPERVISOR in us.user.roles
    ):
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This package comes from an agency that is not in your address book "
                "(“{name}”, {code}, fingerprint {fingerprint}): anyone could have made it. "
                "Add the agency's identity first, or a supervisor may confirm the import after "
                "checking the fingerprint with that agency by phone.",
            ),
            name=preview.sender_name[:100],
            code=preview.sender_code[:20],
            fingerprint=preview.fingerprint,
        )
    if preview.duplicates and not accept_duplicates and link_to is None:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This child may already have a case here: {cases}. Check before importing; "
                "import as a new case only if it is another child.",
            ),
            cases=", ".join(f"{n} ({name})" for n, name in preview.duplicates),
        )
    # Past the sender check: signed by a partner, or a supervisor confirmed who sent it.
    if hidden and not accept_duplicates and link_to is None:
        with us.store.write() as s:  # the refusal too: someone probing names leaves a trail
            us.audit(
                s,
                "package.import_refused",
                summary=f"{preview.kind} from {preview.sender_code}: {preview.package_id}, "
                "a possible match in a case not visible",
            )
        raise PackageError(HIDDEN_MATCH)
    record = _record(opened)
    try:  # kept as they came, and read again whenever the case is opened: readable, or refused
        for f in record.get("forms") or []:
            _received_form(f)
    except (KeyError, ValueError, TypeError) as e:
        raise _damaged("forms") from e
    _distinct(record)
    try:
        return _import(us, opened, preview, record, caseworker, link_to)
    except (ValueError, OverflowError) as e:  # a value no record of ours can hold
        raise _damaged("records") from e


def _import(
    us: UserSession,
    opened: packages.Opened,
    preview: Preview,
    record: dict[str, Any],
    caseworker: str | None,
    link_to: str | None,
) -> Imported:
    with us.store.write() as s:
        if link_to is None:
            case, left_out = _apply(s, us, opened, record, caseworker)
        else:
            case = case_in(s, link_to, editable_cases(us.user), access.CHANGE_THIS_CASE)
            left_out = _copies_and_history(s, case, opened, record)
            case.updated_at = datetime.now(UTC)
        s.add(
            ReceivedRecord(
                case_id=case.id,
                package_id=preview.package_id,
                agency_code=preview.sender_code,
                agency_name=preview.sender_name,
                kind=preview.kind,
                record=opened.entries[packages.CASE].decode("utf-8", "replace"),
                transfer_form=opened.entries.get("documents/transfer-form.pdf"),
                at=datetime.now(UTC),
            )
        )
        keys = keys_in(s)
        me = _identity(s)
        now = datetime.now(UTC)
        s.add(
            ExchangedPackage(
                package_id=preview.package_id,
                direction="received",
                kind=preview.kind,
                case_id=case.id,
                agency_code=preview.sender_code,
                sha256=opened.digest,
                user_id=us.user.id,
                at=now,
                details=json.dumps(
                    {
                        "from": preview.sender_name,
                        "case_number": preview.case_number,
                        "case_uuid": record["case"].get("uuid"),
                    },
                    ensure_ascii=False,
                ),
            )
        )
        us.audit(
            s,
            "package.imported",
            case_id=case.id,
            summary=f"{preview.kind} from {preview.sender_code}"
            f"{' (linked)' if link_to else ''}: {preview.package_id} sha256 {opened.digest}"
            + (f"; {len(left_out)} attachments left out by the agency's rules" if left_out else ""),
        )
        receipt = _receipt(opened, preview, case, me, keys, now)
        return Imported(case.uuid, case.case_number, False, receipt, tuple(left_out))


def _date(value: Any) -> date | None:
    try:
        found = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    if found is not None and found.year not in package_schema.RECEIVED_YEARS:
        # mutation: equivalent — the words: the import turns any ValueError into its own
        # "damaged" message, and keeps none of these.
        raise ValueError("a date out of range")  # pragma: no mutate
    return found


def _moment(value: Any) -> datetime | None:
    try:
        found = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    if found is not None and found.year not in package_schema.RECEIVED_YEARS:
        # mutation: equivalent — the words, as in `_date`.
        raise ValueError("a time out of range")  # pragma: no mutate
    return found if found is None or found.tzinfo else found.replace(tzinfo=UTC)


# What a received answer may not be, whatever its form's rules at the sender were: of the wrong
# kind, or beyond its bounds. (A missing answer, or a date now outside a range, is history.)
_SHAPE_PROBLEMS = frozenset(
    {
        answer_rules.TOO_LONG,
        answer_rules.NOT_TEXT,
        answer_rules.NOT_NUMBER,
        answer_rules.TOO_SMALL,
        answer_rules.TOO_LARGE,
        answer_rules.NOT_DATE,
        answer_rules.NOT_YES_NO,
        answer_rules.NOT_A_CHOICE,
        answer_rules.NOT_LIST,
        answer_rules.TOO_MANY,
    }
)


def _answer_out_of_bounds(form: FormDefinition, answers: dict[str, Any]) -> str:
    """The id of the first answer a person could not have typed into `form`, or ""."""
    for field_id, problem in answer_rules.problems(form, answers).items():
        # mutation: equivalent — no default for `get` (None, whose text is None) or for
        # `getattr`: a problem that is not nested is read by its own text first, and a nested
        # one is a Problem, which has a text.
        inner = problem.params.get("problem", problem)  # pragma: no mutate
        if problem.text in _SHAPE_PROBLEMS or getattr(inner, "text", None) in _SHAPE_PROBLEMS:
            return field_id
    return ""


def _place_in_plan(index: int | None, actions: Any) -> int | None:
    """A received conference action's place among its plan's actions. ValueError for a place
    the plan does not have, or a place without a plan (it would count as in the plan here)."""
    if index is not None and not (isinstance(actions, list) and index < len(actions)):
        raise ValueError("no such action in its plan")  # pragma: no mutate
    return index


def _damaged(what: str) -> PackageError:
    return PackageError(packages.DAMAGED, detail=what)


def _distinct(record: dict[str, Any]) -> None:
    """Each record a package carries once: a form revision, a conference, a note revision, a
    printed document. The schema keeps each entry's shape; two entries with one number are a
    damaged package (our store would refuse the second anyway, with a database error)."""
    keys = {
        "forms": lambda f: (f["form_id"], f["instance"], f["revision"]),
        "conferences": lambda m: m["number"],
        "contact_notes": lambda n: (n["number"], n["revision"]),
    }
    try:
        for what, key in keys.items():
            found = [key(item) for item in record.get(what) or []]
            if len(set(map(json.dumps, found))) != len(found):
                raise _damaged(f"{what}: one entry twice")
        versions: dict[tuple[str, str], Any] = {}
        for copy in record.get("signed_copies") or []:
            d = copy["document"]
            printed = (str(d["kind"]), str(d["code"]))
            if versions.setdefault(printed, d["version"]) != d["version"]:
                raise _damaged("signed_copies: one document code for two versions")
    except (KeyError, TypeError) as e:
        raise _damaged("records") from e


def _apply(
    s: Session,
    us: UserSession,
    opened: packages.Opened,
    record: dict[str, Any],
    caseworker: str | None,
) -> tuple[Case, list[str]]:
    """The received case, written into the store as a new case (in the unit of work `s`), and
    the attachments left out (see `_copies_and_history`)."""
    damaged = _damaged
    c = record["case"]
    try:
        case = create_case(
            s,
            us,
            given_name=str(c.get("given_name") or ""),
            family_name=str(c.get("family_name") or ""),
            sex=str(c.get("sex") or "unknown"),
            birth_date=_date(c.get("birth_date")),
            birth_date_estimated=bool(c.get("birth_date_estimated")),
            location=str(c.get("location") or ""),
            registration_place=str(c.get("registration_place") or ""),
            risk=c.get("risk") if c.get("risk") in ("high", "medium", "low") else None,
            caseworker=caseworker,
            registered_at=_moment(c.get("registered_at")),
        )
    except InvalidInput as e:
        raise damaged(f"case: {e.message}") from e
    subs: dict[tuple[Any, ...], int] = {}
    planned: dict[int, Any] = {}  # a submission's "actions" answer: a case plan's actions
    for f in record.get("forms") or []:
        try:
            form = parse_definition(f["definition"])
            if (
                not isinstance(f["answers"], dict)
                or form.id != f["form_id"]
                or (not form.repeatable and f["instance"] != 1)  # only ever the first here
            ):
                # mutation: equivalent — the words: any ValueError here is the "forms" damage.
                raise ValueError("not the form it names")  # pragma: no mutate
            wrong = _answer_out_of_bounds(form, f["answers"])
            if wrong:
                raise damaged(f"forms: {form.id}.{wrong}")
            row = FormSubmission(
                case_id=case.id,
                form_id=form.id,
                instance=int(f["instance"]),
                revision=int(f["revision"]),
                definition_id=definition_row(s, form).id,
                # mutation: equivalent — `ensure_ascii`, `sort_keys`: the stored text is only
                # ever read back as JSON (json.loads, SQLite's json_extract), the same answers
                # whatever the escapes or the order of the keys.
                answers=json.dumps(f["answers"], ensure_ascii=False, sort_keys=True),
                changed=json.dumps([str(x) for x in f.get("changed") or []]),
                # submitted_by: nobody here (the sender's person is in its history)
                submitted_at=_moment(f.get("submitted_at")) or datetime.now(UTC),
            )
        except (KeyError, ValueError, TypeError) as e:
            raise damaged("forms") from e
        s.add(row)
        s.flush()
        subs[(row.form_id, row.instance, row.revision)] = row.id
        planned[row.id] = f["answers"].get("actions")

    def submission(ref: Any) -> int | None:
        return subs.get(tuple(ref)) if isinstance(ref, list) and len(ref) == 3 else None

    try:
        for a in record.get("approvals") or []:
            s.add(
                Approval(  # the sender's decision: history here (`case_state.made_here`)
                    case_id=case.id,
                    kind=str(a["kind"]),
                    submission_id=submission(a.get("submission")),
                    state=str(a["state"]),  # requested_by, decided_by: nobody here
                    requested_at=_moment(a.get("requested_at")) or datetime.now(UTC),
                    decided_at=_moment(a.get("decided_at")),
                    comment=str(a.get("comment") or ""),
                )
            )
        for m in record.get("stage_moves") or []:
            s.add(
                StageMove(
                    case_id=case.id,
                    at=_moment(m.get("at")) or datetime.now(UTC),
                    how=str(m["how"]),
                    from_stage=str(m["from"]),
                    to_stage=str(m["to"]),
                    reason=str(m.get("reason") or ""),
                )
            )
        for u in record.get("plan_action_updates") or []:
            target = submission(u.get("submission"))
            if target is not None:
                s.add(
                    PlanActionUpdate(
                        case_id=case.id,
                        submission_id=target,
                        action_index=int(u["action_index"]),
                        status=str(u["status"]),
                        note=str(u.get("note") or ""),
                        at=_moment(u.get("at")) or datetime.now(UTC),
                    )
                )
        conference_ids = {}
        for m in record.get("conferences") or []:
            row = Conference(
                case_id=case.id,
                number=int(m["number"]),
                scheduled_at=_moment(m.get("scheduled_at")) or datetime.now(UTC),
                place=str(m.get("place") or ""),
                chair=str(m.get("chair") or ""),
                purpose=str(m.get("purpose") or "other"),
                purpose_other=str(m.get("purpose_other") or ""),
                state=str(m.get("state") or "scheduled"),
                cancel_reason=str(m.get("cancel_reason") or ""),
            )  # created_at: now, the column's default
            s.add(row)
            s.flush()
            conference_ids[row.number] = row.id
        for a in record.get("conference_actions") or []:
            if a.get("conference") not in conference_ids:
                continue
            plan = submission(a.get("plan"))
            s.add(
                ConferenceAction(
                    case_id=case.id,
                    conference_id=conference_ids[a["conference"]],
                    action=str(a["action"]),
                    owner=str(a.get("owner") or ""),
                    organisation=str(a.get("organisation") or ""),
                    ours=bool(a.get("ours")),
                    due=_date(a.get("due")),
                    status=str(a.get("status") or "not_started"),
                    plan_submission_id=plan,
                    plan_index=_place_in_plan(a.get("plan_index"), planned.get(plan)),
                )  # updated_at: now, the column's default
            )
        add_received_notes(s, case.id, record.get("contact_notes") or [], opened.sender_code)
        placements.apply_records(s, case, record)
    except (KeyError, ValueError, TypeError) as e:
        raise damaged("records") from e
    left_out = _copies_and_history(s, case, opened, record)
    stage = c.get("stage")  # a text or none (package_schema)
    working = (
        stage
        if stage in Stage._value2member_map_ and stage not in (Stage.CLOSED, Stage.TRANSFERRED)
        else Stage.REGISTERED.value
    )
    move(s, us, case, Stage(working), "received", opened.sender_code)
    reindex(s, case)
    refresh(s, case)
    return case, left_out


def _copies_and_history(
    s: Session, case: Case, opened: packages.Opened, record: dict[str, Any]
) -> list[str]:
    """The signed copies, attachments and the sender's history of a received case, added to
    `case`. Returns the attachments this agency's rules leave out, by file name: a photo of the
    child where photos are not kept, a file above the size limit. The rest of the case comes
    in; the sender still holds what was left out."""
    damaged = _damaged
    rules = rules_in(s)
    left_out: list[str] = []
    try:
        documents: dict[tuple[Any, ...], int] = {
            (row.kind, row.version, row.code): row.id  # a linked case's own printed documents
            for row in s.execute(
                select(PrintedDocument).where(PrintedDocument.case_id == case.id)
            ).scalars()
        }
        codes = {(kind, code) for kind, _, code in documents}
        # A photo of the child this agency keeps out is kept out in every part of the package.
        photos = {
            a.get("sha256")
            for a in record.get("attachments") or []
            if a.get("kind") == PHOTO and not rules.photos_allowed
        }
        filed = {  # a copy already filed here (a case coming back) is not filed twice
            (document_id, digest)
            for document_id, digest in s.execute(
                select(SignedCopy.document_id, SignedCopy.sha256).where(
                    SignedCopy.case_id == case.id
                )
            )
        }
        for copy in record.get("signed_copies") or []:
            data = opened.entries.get(str(copy["entry"]))
            if data is None or packages.sha256(data) != copy.get("sha256"):
                raise damaged(f"attachment {copy.get('entry')}")
            media_type = documents_media_type(data)  # by its bytes, never as the sender says
            if media_type is None:
                raise damaged(f"attachment {copy.get('entry')}")
            if len(data) > MAX_SIGNED_COPY_BYTES or packages.sha256(data) in photos:
                left_out.append(str(copy.get("file_name") or copy["entry"])[:200])
                continue
            d = copy["document"]
            key = (str(d["kind"]), int(d["version"]), str(d["code"]))
            if key not in documents:
                if (key[0], key[2]) in codes:  # the code of another version of a document here
                    raise damaged("signed_copies: a document code already used here")
                # (Two versions under one code within the package: refused by `_distinct`.)
                printed = PrintedDocument(
                    case_id=case.id,
                    kind=key[0],
                    version=key[1],
                    code=key[2],
                    language=str(d.get("language") or "en"),
                )  # printed_at: now, the column's default (its printing here is unknown)
                s.add(printed)
                s.flush()
                documents[key] = printed.id
            if (documents[key], packages.sha256(data)) in filed:
                continue  # ours already (the sender's own copies all come, as they wrote them)
            s.add(
                SignedCopy(
                    case_id=case.id,
                    document_id=documents[key],
                    file_name=str(copy.get("file_name") or copy["entry"])[:200],
                    media_type=media_type,
                    size=len(data),
                    sha256=packages.sha256(data),
                    data=data,
                    added_at=_moment(copy.get("added_at")) or datetime.now(UTC),
                )
            )
        for a in record.get("attachments") or []:
            data = opened.entries.get(str(a["entry"]))
            if data is None or packages.sha256(data) != a.get("sha256"):
                raise damaged(f"attachment {a.get('entry')}")
            media_type = documents_media_type(data)
            if media_type is None:
                raise damaged(f"attachment {a.get('entry')}")
            kind = a.get("kind")  # a text or none (package_schema)
            if (kind == PHOTO and not rules.photos_allowed) or len(data) > rules.max_bytes:
                left_out.append(str(a.get("file_name") or a["entry"])[:200])
                continue
            row = CaseAttachment(
                case_id=case.id,
                kind=kind if kind in ATTACHMENT_KINDS else "other",
                document_date=_date(a.get("document_date")),
                description=str(a.get("description") or ""),
                file_name=str(a.get("file_name") or a["entry"])[:200],
                media_type=media_type,
                size=len(data),
                sha256=packages.sha256(data),
                added_at=_moment(a.get("added_at")) or datetime.now(UTC),
            )
            s.add(row)
            s.flush()
            s.add(CaseAttachmentData(attachment_id=row.id, data=data))
        for e in record.get("history") or []:
            s.add(
                ReceivedEvent(
                    case_id=case.id,
                    package_id=str(opened.manifest.get("package_id")),
                    agency_code=opened.sender_code,
                    at=str(e["at"])[:32],
                    username=str(e.get("username") or "")[:100],
                    action=str(e["action"])[:60],
                    summary=str(e.get("summary") or ""),
                )
            )
    except (KeyError, ValueError, TypeError) as e:
        raise damaged("records") from e
    return left_out


def _receipt(
    opened: packages.Opened,
    preview: Preview,
    case: Case,
    me: Identity,
    keys: AgencyKeys,
    now: datetime,
) -> bytes:
    """A signed receipt for the sending agency, encrypted to its key."""
    sender = opened.manifest.get("sender") or {}
    manifest = {
        "kind": "receipt",
        "package_id": str(uuids.uuid4()),
        "created_at": _iso(now),
        "sender": me.public(),
        "recipient": {"code": preview.sender_code, "name": preview.sender_name},
        "receipt_for": {
            "package_id": preview.package_id,
            "sha256": opened.digest,
            "case_numbers": opened.manifest.get("case_numbers") or [],
            "received_at": _iso(now),
            "new_case_number": case.case_number,
            "audit_head": opened.manifest.get("audit_head"),  # the sender's anchor, signed back
        },
    }
    plain = packages.build(manifest, {}, keys)
    return packages.encrypt_to(plain, packages.check_recipient(str(sender.get("age_recipient"))))


def _record_receipt(us: UserSession, opened: packages.Opened) -> Imported:
    if not opened.sender_known:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This receipt comes from an agency that is not in your address book: it cannot "
                "be trusted.",
            )
        )
    about = opened.manifest.get("receipt_for")
    if not isinstance(about, dict):
        raise PackageError(packages.DAMAGED, detail="receipt_for")
    with us.store.write() as s:
        sent = s.execute(
            select(ExchangedPackage).where(
                # mutation: equivalent — `or "XXXX"`: no package sent here has either number.
                ExchangedPackage.package_id == str(about.get("package_id") or ""),
                ExchangedPackage.direction == "sent",
            )
        ).scalar_one_or_none()
        if (
            sent is None
            or sent.sha256 != about.get("sha256")
            or sent.agency_code
            not in (
                opened.sender_code,
                "",
            )
        ):
            raise PackageError(
                QT_TRANSLATE_NOOP(
                    "errors", "This receipt is for a package this agency did not send."
                )
            )
        # mutation: equivalent — `or True` and the "" in place of a number, here and below: a
        # sent package always names its case (`export_case` writes it), and no case is deleted.
        case = s.get(Case, sent.case_id) if sent.case_id else None
        if sent.receipt_at is not None:
            return Imported(
                case.uuid if case else None, case.case_number if case else "", True, None
            )
        try:
            received_at = _moment(about.get("received_at"))
        except ValueError as e:  # a year no receipt was written in
            raise PackageError(packages.DAMAGED, detail="receipt_for.received_at") from e
        sent.receipt_at = received_at or datetime.now(UTC)
        us.audit(
            s,
            "package.receipt",
            case_id=case.id if case else None,
            summary=f"{opened.sender_code} received {sent.package_id} as "
            f"{str(about.get('new_case_number') or '')[:40]}",
        )
        return Imported(case.uuid if case else None, case.case_number if case else "", False, None)


def read_file(path: Path) -> bytes:
    """A package file, refusing one too large before reading it."""
    try:
        data = read_bounded(path, packages.MAX_PACKAGE_BYTES)
        if data is None:
            raise PackageError(
                QT_TRANSLATE_NOOP(
                    "errors", "This file is too large to be a case package (at most {max} MB)."
                ),
                max=packages.MAX_PACKAGE_BYTES // (1024 * 1024),
            )
        return data
    except OSError as e:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The file {name} could not be read: {reason}"),
            name=path.name,
            reason=e.strerror or str(e),
        ) from e


@access.signed_in
def caseworkers(us: UserSession) -> list[tuple[str, str]]:
    """Whom an imported case can be given to: the signed-in person first, then (for a
    supervisor) the caseworkers of their team."""
    with us.store.read() as s:
        rows = (
            [(us.user.username, us.user.full_name)]
            if Role.CASEWORKER in us.user.roles or Role.SUPERVISOR in us.user.roles
            else []
        )
        if Role.SUPERVISOR in us.user.roles:
            rows += [
                (u.username, u.full_name)
                for u in s.execute(
                    select(User)
                    .where(User.supervisor_id == us.user.id, User.active)
                    .order_by(User.full_name)
                ).scalars()
                if u.username != us.user.username
            ]
        return rows


# -- what other agencies sent, as it came -----------------------------------------------------------


@dataclass(frozen=True)
class ReceivedForm:
    """One version of a form as the sending agency saved it, with the definition it used."""

    definition: FormDefinition
    instance: int
    revision: int
    answers: dict[str, Any]
    changed: tuple[str, ...]
    submitted_at: datetime | None
    submitted_by: str


@dataclass(frozen=True)
class ReceivedHistoryEntry:
    at: datetime | None
    who: str  # their username
    action: str
    summary: str


@dataclass(frozen=True)
class ReceivedFile:
    """A case file another agency sent us, kept unchanged beside our case."""

    id: int
    kind: str  # transfer, referral
    agency_name: str
    agency_code: str
    their_number: str
    received_at: datetime
    forms: list[ReceivedForm]
    history: list[ReceivedHistoryEntry]  # oldest first
    has_transfer_form: bool


@access.reads_case()
def received_files(us: UserSession, case_uuid: str) -> list[ReceivedFile]:
    """The case files other agencies sent for this case, newest first: their forms (every
    version) and their history, read only. Opening the case is what the audit log records."""
    with access.reading_case(us, case_uuid) as (s, case):
        rows = s.execute(
            select(ReceivedRecord)
            .where(ReceivedRecord.case_id == case.id)
            .order_by(ReceivedRecord.id.desc())
        ).scalars()
        found = []
        for row in rows:
            events = s.execute(
                select(ReceivedEvent)
                .where(ReceivedEvent.case_id == case.id, ReceivedEvent.package_id == row.package_id)
                .order_by(ReceivedEvent.id)
            ).scalars()
            record = json.loads(row.record)
            found.append(
                ReceivedFile(
                    id=row.id,
                    kind=row.kind,
                    agency_name=row.agency_name,
                    agency_code=row.agency_code,
                    their_number=str(record["case"].get("case_number") or ""),
                    received_at=row.at,
                    forms=[_received_form(f) for f in record.get("forms") or []],
                    history=[
                        ReceivedHistoryEntry(_moment(e.at), e.username, e.action, e.summary)
                        for e in events
                    ],
                    has_transfer_form=row.transfer_form is not None,
                )
            )
        return found


def _received_form(f: dict[str, Any]) -> ReceivedForm:
    """A form of a received record (checked when it was imported)."""
    return ReceivedForm(
        definition=parse_definition(f["definition"]),
        instance=int(f["instance"]),
        revision=int(f["revision"]),
        answers=f["answers"],
        changed=tuple(f.get("changed") or ()),
        submitted_at=_moment(f.get("submitted_at")),
        submitted_by=str(f.get("submitted_by") or ""),
    )


@access.reads_case(event=DOCUMENT_REFUSED)
def received_transfer_form(us: UserSession, case_uuid: str, received_id: int) -> bytes:
    """The transfer form (PDF) that came with a received case, to show; in the audit log."""
    with access.reading_case(us, case_uuid, write=True, event=DOCUMENT_REFUSED) as (s, case):
        row = s.get(ReceivedRecord, received_id)
        if row is None or row.case_id != case.id or row.transfer_form is None:
            raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The transfer form"))
        us.audit(
            s,
            "document.received_opened",
            case_id=case.id,
            summary=f"transfer form from {row.agency_code}: {row.package_id}",
        )
        return row.transfer_form

"""Contact notes: the short dated notes of the everyday work on a case between formal forms (a
phone call, a home visit, a meeting, an observation): when, how, with whom, and what.

A note is kept like a form answer: its author may correct it for a day after writing it (what
was noted in a hurry is fixed while it is fresh); a correction is a new revision and the earlier
text stays, shown with the note. After that day a note is part of the record: something new is
a new note. Whoever may read the case reads its notes; whoever may change the case adds them.
Audit summaries hold the kind and the note's number, never its text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from db.models import CaseStatus, ContactNote, User
from db.search import fold
from desktop import access
from desktop.forms.answers import LONG_TEXT_LIMIT
from desktop.package_schema import received_day, received_moment
from desktop.session import UserSession

# How a contact happened, in the words the window and the printed summary use.
KIND_WORDS: dict[str, str] = {
    "phone_call": QT_TRANSLATE_NOOP("ContactNotes", "Phone call"),
    "home_visit": QT_TRANSLATE_NOOP("ContactNotes", "Home visit"),
    "office_visit": QT_TRANSLATE_NOOP("ContactNotes", "Visit to the office"),
    "meeting": QT_TRANSLATE_NOOP("ContactNotes", "Meeting"),
    "observation": QT_TRANSLATE_NOOP("ContactNotes", "Observation"),
    "message": QT_TRANSLATE_NOOP("ContactNotes", "Message or letter"),
    "other": QT_TRANSLATE_NOOP("ContactNotes", "Other"),
}
KINDS = tuple(KIND_WORDS)
EDIT_WINDOW = timedelta(hours=24)
CONTACT_LIMIT = 200


@dataclass(frozen=True)
class NoteVersion:
    written_at: datetime
    happened_on: date
    kind: str
    contact: str
    text: str


@dataclass(frozen=True)
class Note:
    """A contact note as it reads now (its latest revision), with the earlier ones."""

    number: int
    happened_on: date
    kind: str
    contact: str
    text: str
    author: str  # a full name here, or as the sending agency wrote it
    agency_code: str  # "" for ours; the sender's code for a note that came in a package
    written_at: datetime  # when it was first written
    edited_at: datetime | None  # when last corrected, None if never
    can_edit: bool  # this person may still correct it
    earlier: tuple[NoteVersion, ...] = ()  # oldest first


def _checked(happened_on: date, kind: str, contact: str, text: str) -> tuple[str, str]:
    if kind not in KINDS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "{what} must be one of: {allowed}."),
            what="kind",
            allowed=", ".join(KINDS),
        )
    body = text.strip()
    if not body:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Write what happened: a note needs some text.")
        )
    if len(body) > LONG_TEXT_LIMIT:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The note is too long: at most {n} characters."),
            n=LONG_TEXT_LIMIT,
        )
    who = " ".join(contact.split())
    if len(who) > CONTACT_LIMIT:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "“Who” is too long: at most {n} characters."),
            n=CONTACT_LIMIT,
        )
    if happened_on > datetime.now(UTC).astimezone().date():
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "A contact note records what happened: its date cannot be in the future."
            )
        )
    return who, body


def _open_to_notes(case) -> None:  # type: ignore[no-untyped-def]
    if case.status == CaseStatus.TRANSFERRED.value:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "This case was transferred: notes are written by the agency that has it."
            )
        )


@access.changes_case()
def add_note(
    us: UserSession, case_uuid: str, happened_on: date, kind: str, contact: str, text: str
) -> int:
    """Add a contact note to a case; returns its number."""
    who, body = _checked(happened_on, kind, contact, text)
    with access.changing_case(us, case_uuid) as (s, case):
        _open_to_notes(case)
        number = (
            s.execute(
                select(func.max(ContactNote.number)).where(ContactNote.case_id == case.id)
            ).scalar()
            or 0
        ) + 1
        s.add(
            ContactNote(
                case_id=case.id,
                number=number,
                revision=1,
                happened_on=happened_on,
                kind=kind,
                contact=who,
                text=body,
                author_id=us.user.id,
                written_at=datetime.now(UTC),
            )
        )
        us.audit(s, "note.added", case_id=case.id, summary=f"{number}: {kind}")
        return number


@access.changes_case()
def correct_note(
    us: UserSession,
    case_uuid: str,
    number: int,
    happened_on: date,
    kind: str,
    contact: str,
    text: str,
) -> None:
    """Correct one's own note within a day of writing it: a new revision, the earlier kept."""
    who, body = _checked(happened_on, kind, contact, text)
    with access.changing_case(us, case_uuid) as (s, case):
        _open_to_notes(case)
        revisions = _revisions(s, case.id, number)
        if not revisions:
            raise NotFound(what=QT_TRANSLATE_NOOP("errors", "The note"))
        first, last = revisions[0], revisions[-1]
        if not _may_correct(us, first):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Only its author may correct a note, and only within a day of writing it. "
                    "Add a new note instead: the record keeps both.",
                )
            )
        if (happened_on, kind, who, body) == (last.happened_on, last.kind, last.contact, last.text):
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Nothing was changed in the note."))
        s.add(
            ContactNote(
                case_id=case.id,
                number=number,
                revision=last.revision + 1,
                happened_on=happened_on,
                kind=kind,
                contact=who,
                text=body,
                author_id=us.user.id,
                written_at=datetime.now(UTC),
            )
        )
        us.audit(s, "note.corrected", case_id=case.id, summary=str(number))


def _revisions(s: Session, case_id: int, number: int) -> list[ContactNote]:
    return list(
        s.execute(
            select(ContactNote)
            .where(ContactNote.case_id == case_id, ContactNote.number == number)
            .order_by(ContactNote.revision)
        ).scalars()
    )


def _may_correct(us: UserSession, first: ContactNote) -> bool:
    return (
        first.author_id == us.user.id
        and not first.agency_code
        and datetime.now(UTC) - first.written_at < EDIT_WINDOW
    )


def notes_of(s: Session, case_id: int, us: UserSession | None = None) -> list[Note]:
    """The notes of a case, newest first (by the day of the contact, then as written)."""
    names = dict(s.execute(select(User.id, User.full_name)).all())
    by_number: dict[int, list[ContactNote]] = {}
    for row in s.execute(
        select(ContactNote)
        .where(ContactNote.case_id == case_id)
        .order_by(ContactNote.number, ContactNote.revision)
    ).scalars():
        by_number.setdefault(row.number, []).append(row)
    found = []
    for number, rows in by_number.items():
        first, last = rows[0], rows[-1]
        found.append(
            Note(
                number=number,
                happened_on=last.happened_on,
                kind=last.kind,
                contact=last.contact,
                text=last.text,
                author=first.author_name or names.get(first.author_id, ""),
                agency_code=first.agency_code,
                written_at=first.written_at,
                edited_at=last.written_at if len(rows) > 1 else None,
                can_edit=us is not None and _may_correct(us, first),
                earlier=tuple(
                    NoteVersion(r.written_at, r.happened_on, r.kind, r.contact, r.text)
                    for r in rows[:-1]
                ),
            )
        )
    found.sort(key=lambda n: (n.happened_on, n.written_at, n.number), reverse=True)
    return found


def search_words(typed: str) -> list[str]:
    """The words a search of the notes looks for, accents and case aside."""
    return fold(typed).split()


def matches(note: Note, words: list[str]) -> bool:
    """Every word typed is found (accents and case aside) in who, what, or the author."""
    haystack = fold(" ".join((note.contact, note.text, note.author)))
    return all(word in haystack for word in words)


@dataclass(frozen=True)
class CaseNotes:
    notes: list[Note]
    total: int  # how many the case has, whatever the search
    can_add: bool


@access.reads_case()
def case_notes(us: UserSession, case_uuid: str, search: str = "") -> CaseNotes:
    """The case's contact notes, newest first; with `search`, those where every word typed is
    found in who was contacted, what was noted, or who wrote it."""
    with access.reading_case(us, case_uuid) as (s, case):
        notes = notes_of(s, case.id, us)
        can_add = access.may_change(s, us, case) and case.status != CaseStatus.TRANSFERRED.value
        if not can_add:
            notes = [replace(n, can_edit=False) for n in notes]
    words = search_words(search)
    shown = [n for n in notes if matches(n, words)] if words else notes
    return CaseNotes(shown, len(notes), can_add)


# -- in a package ------------------------------------------------------------------------------


def notes_record(s: Session, case_id: int) -> list[dict[str, object]]:
    """Every revision of the case's notes, as a transfer package carries them."""
    names = dict(s.execute(select(User.id, User.full_name)).all())
    return [
        {
            "number": n.number,
            "revision": n.revision,
            "happened_on": n.happened_on.isoformat(),
            "kind": n.kind,
            "contact": n.contact,
            "text": n.text,
            "author": n.author_name or names.get(n.author_id, ""),
            "written_at": n.written_at.isoformat(),
        }
        for n in s.execute(
            select(ContactNote)
            .where(ContactNote.case_id == case_id)
            .order_by(ContactNote.number, ContactNote.revision)
        ).scalars()
    ]


def add_received_notes(
    s: Session, case_id: int, entries: list[dict[str, object]], agency_code: str
) -> None:
    """The notes a package carried (checked by `package_schema` already), kept as their authors
    at the sending agency wrote them. ValueError when an entry cannot be one."""
    for e in entries:
        happened, written = received_day(e["happened_on"]), received_moment(e.get("written_at"))
        if happened is None or written is None:
            raise ValueError("a note without its day or the time it was written")
        s.add(
            ContactNote(
                case_id=case_id,
                number=int(e["number"]),  # type: ignore[call-overload]
                revision=int(e["revision"]),  # type: ignore[call-overload]
                happened_on=happened,
                kind=str(e["kind"]) if e["kind"] in KINDS else "other",
                contact=str(e.get("contact") or "")[:CONTACT_LIMIT],
                text=str(e["text"]),
                author_id=None,
                author_name=str(e.get("author") or "")[:200] or agency_code,
                agency_code=agency_code,
                written_at=written,
            )
        )

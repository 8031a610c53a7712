"""Contact notes: written on a case in a few words, found again by what they say, corrected by
their author while fresh (the first text kept), printed in the case summary when chosen, and
carried to the next agency with the case."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from db.errors import InvalidInput, PermissionDenied
from db.models import AuditEvent, ContactNote
from desktop import documents, exchange, notes
from tests.stories import approved_transfer, assessed_case, introduce, sent_package, text_of

TODAY = date.today()


def test_notes_are_listed_newest_first_and_found_by_any_words_they_hold(agency):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        notes.add_note(
            us,
            uuid,
            TODAY - timedelta(days=3),
            "home_visit",
            "Grandmother",
            "Zawadi was at school.",
        )
        notes.add_note(
            us, uuid, TODAY, "phone_call", "Mme Hélène Uwase", "Asked about the school fees."
        )
        notes.add_note(us, uuid, TODAY - timedelta(days=1), "observation", "", "Tired, thin.")
        shown = notes.case_notes(us, uuid)
        assert [n.kind for n in shown.notes] == ["phone_call", "observation", "home_visit"]
        assert shown.total == 3 and shown.can_add
        # Accents and case aside, every word typed must be found: in who, what or the author.
        assert [n.number for n in notes.case_notes(us, uuid, "helene FEES").notes] == [2]
        assert [n.number for n in notes.case_notes(us, uuid, "school").notes] == [2, 1]
        assert notes.case_notes(us, uuid, "school hospital").notes == []
        with us.store.read() as s:
            summaries = s.execute(
                select(AuditEvent.summary).where(AuditEvent.action == "note.added")
            ).scalars()
            assert list(summaries) == ["1: home_visit", "2: phone_call", "3: observation"]


def test_whoever_may_read_the_case_reads_its_notes_and_only_its_team_adds_them(agency):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        notes.add_note(us, uuid, TODAY, "meeting", "Teacher", "Met at the school.")
    with agency.sign_in("mina") as us:  # the manager reads every case, changes none
        seen = notes.case_notes(us, uuid)
        assert [n.contact for n in seen.notes] == ["Teacher"] and not seen.can_add
        with pytest.raises(PermissionDenied):
            notes.add_note(us, uuid, TODAY, "meeting", "Teacher", "Met again.")
    with agency.sign_in("cleo") as us, pytest.raises(PermissionDenied):
        notes.case_notes(us, uuid)


def test_a_note_needs_text_and_a_day_that_has_come(agency):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        with pytest.raises(InvalidInput, match="needs some text"):
            notes.add_note(us, uuid, TODAY, "phone_call", "Aunt", "   ")
        with pytest.raises(InvalidInput, match="cannot be in the future"):
            notes.add_note(us, uuid, TODAY + timedelta(days=1), "phone_call", "Aunt", "Called.")


def test_its_author_corrects_a_note_for_a_day_and_the_first_text_stays(agency):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        number = notes.add_note(us, uuid, TODAY, "phone_call", "Aunt", "Aunt will visit on Frday.")
        notes.correct_note(us, uuid, number, TODAY, "phone_call", "Aunt", "Aunt visits on Friday.")
        [note] = notes.case_notes(us, uuid).notes
        assert note.text == "Aunt visits on Friday." and note.edited_at is not None
        assert [v.text for v in note.earlier] == ["Aunt will visit on Frday."]
    with agency.sign_in("sam") as us:  # the supervisor may change the case, not Cara's words
        assert not notes.case_notes(us, uuid).notes[0].can_edit
        with pytest.raises(InvalidInput, match="Only its author"):
            notes.correct_note(us, uuid, number, TODAY, "phone_call", "Aunt", "Changed.")
    with agency.sign_in("cara") as us:
        with us.store.write() as s:  # a day later
            s.execute(
                update(ContactNote).values(written_at=datetime.now(UTC) - timedelta(hours=25))
            )
        assert not notes.case_notes(us, uuid).notes[0].can_edit
        with pytest.raises(InvalidInput, match="within a day"):
            notes.correct_note(us, uuid, number, TODAY, "phone_call", "Aunt", "Too late.")


def test_the_case_summary_prints_the_notes_only_when_they_are_chosen(agency):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        notes.add_note(us, uuid, TODAY, "home_visit", "Grandmother", "The roof leaks; œuf.")
        chosen = documents.make_document(us, uuid, "summary", sections=["notes"], language="fr")
        text = text_of(chosen.pdf)
        assert "Notes de contact" in text
        assert "Visite à domicile – Grandmother: The roof leaks; œuf." in text
        assert "Cara Caseworker" in text
        default = text_of(documents.make_document(us, uuid, "summary", language="en").pdf)
        assert "The roof leaks" not in default and "Contact notes" not in default


def test_notes_go_with_the_case_to_the_next_agency_and_an_older_package_still_imports(
    agency, partner, tmp_path
):
    uuid = approved_transfer(agency)
    with agency.sign_in("cara") as us:
        number = notes.add_note(us, uuid, TODAY, "phone_call", "Grandmother", "Moving on Monday.")
        notes.correct_note(us, uuid, number, TODAY, "phone_call", "Grandmother", "Moving Sunday.")
    introduce(agency, partner)
    out = tmp_path / "case.ulz"
    with agency.sign_in("cara") as us:
        exchange.export_case(us, uuid, out, recipient="MUS", reason="The family moved.")
    with partner.sign_in("cara") as us:
        done = exchange.import_package(us, out.read_bytes())
        [note] = notes.case_notes(us, done.case_uuid).notes
        assert (note.text, note.author, note.agency_code) == (
            "Moving Sunday.",
            "Cara Caseworker",
            "KGL",
        )
        assert [v.text for v in note.earlier] == ["Moving on Monday."]
        assert not note.can_edit  # the sender's words, kept as they came
        later = notes.add_note(us, done.case_uuid, TODAY, "home_visit", "Grandmother", "Settled.")
        assert later == number + 1


def test_a_package_made_before_notes_existed_imports_without_them(agency, partner, tmp_path):
    _, sent = sent_package(agency, partner, tmp_path)
    record = sent.record()
    record.pop("contact_notes")
    with partner.sign_in("cara") as us:
        done = exchange.import_package(us, sent.signed(record))
        assert notes.case_notes(us, done.case_uuid).notes == []

"""Printed case documents made from a real store: who may make them, when a case can have one,
what the paper says, what is recorded when it is printed, and the signed copies filed back."""

from __future__ import annotations

import io
import subprocess
from datetime import date

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo
from pypdf import PdfReader
from sqlalchemy import select, update

from db.errors import InvalidInput, NotFound, PermissionDenied
from db.models import PrintedDocument, SignedCopy
from desktop import case_flow, case_forms, cases, documents
from desktop.documents import DocumentUnavailable
from tests.conftest import PASSWORD, run_signed_in
from tests.stories import (
    HEALTH_CENTRE,
    RECEIVER,
    answers,
    approval,
    case_in_implementation,
    closed_case,
    day,
    in_order,
    text_of,
    transfer_requested,
    visit,
)

PRINTED_ON = date(2026, 12, 3)


def label(us, form_id: str, field_id: str, code: str, language: str = "en") -> str:
    return case_forms.form_set(us).get(form_id).field(field_id).choice_label(code, language)


# -- when a document can be made -------------------------------------------------------------------


def test_the_closure_form_of_a_closed_case_reads_as_its_record(agency):
    uuid = closed_case(agency)
    with agency.sign_in("cara") as us:
        made = documents.make_document(us, uuid, "closure", language="en", today=PRINTED_ON)
        number = cases.open_case(us, uuid).row.case_number
        reason = label(us, "closure_request", "reason", "goals_met_safe")
    assert made.case_number == number and made.pages >= 1
    assert made.file_name == f"Case closure form {number} v1.pdf"
    assert made.verification == f"{number} · CLOSURE · v1 · {made.code}"
    text = text_of(made.pdf)
    in_order(
        text,
        "Case closure form",
        number,
        "Zawadi Wanjiru",
        "Cara Caseworker",
        "Sam Supervisor",
        reason,
        "Zawadi goes to school every day",
        "Risk at registration (initial assessment) Medium",
        "Risk at closure Low",
        "« Je suis contente » – I like my school and my cœur is light.",
        "Closure authorised by Sam Supervisor",
        "The child",
        "Parent or caregiver",
        "Caseworker",
        "Supervisor",
    )
    assert "Printed on 3 December 2026" in text


def test_the_closure_form_speaks_french_with_the_forms_french_words(agency):
    uuid = closed_case(agency)
    with agency.sign_in("sam") as us:
        made = documents.make_document(us, uuid, "closure", language="fr", today=PRINTED_ON)
        reason = label(us, "closure_request", "reason", "goals_met_safe", "fr")
    text = text_of(made.pdf)
    in_order(
        text, "Formulaire de clôture du dossier", "Zawadi", reason, "Risque à la clôture Faible"
    )
    assert "Imprimé le 3 décembre 2026" in text
    assert made.file_name.startswith("Formulaire de clôture du dossier ")


def test_a_closure_form_is_refused_for_an_open_case_and_nothing_is_recorded(agency):
    uuid = case_in_implementation(agency)
    with agency.sign_in("cara") as us:
        number = cases.open_case(us, uuid).row.case_number
        with pytest.raises(DocumentUnavailable) as refused:
            documents.make_document(us, uuid, "closure")
        assert number in refused.value.message and "not closed" in refused.value.message
        assert documents.printed_documents(us, uuid) == []
        assert not [e for e in cases.case_history(us, uuid) if e.action.startswith("document.")]


def test_the_transfer_form_waits_for_the_supervisors_approval(agency):
    uuid = transfer_requested(agency)
    with agency.sign_in("cara") as us, pytest.raises(DocumentUnavailable) as refused:
        documents.make_document(us, uuid, "transfer")
    assert "approved a transfer request" in refused.value.message
    with agency.sign_in("sam") as us:
        case_flow.decide(us, approval(us, uuid, "transfer").id, True)
    with agency.sign_in("cara") as us:
        made = documents.make_document(us, uuid, "transfer", language="en", today=PRINTED_ON)
        reason = label(us, "transfer_request", "reason", "moved_district")
    text = text_of(made.pdf)
    in_order(
        text,
        "Case transfer form",
        "Agency transferring the case Kigali District Office",
        f"Agency receiving the case {RECEIVER}",
        reason,
        "The family moved to Musanze",
        "Zawadi Wanjiru",
        "Consent to share information",
        "Grandmother",
        HEALTH_CENTRE,
        # The family agreed to share with the health centre only, not with the new agency.
        "The consent covers the receiving agency No",
        "Open actions of the plan",
        "Zawadi keeps a diary of her school days",
        "Pay the school fees for the term",
        "Services and referrals",
        HEALTH_CENTRE,
        "Documents sent with this form",
        "Registration",
        "Case plan",
        "Transfer approved by Sam Supervisor",
        "Receipt by the receiving agency",
    )


def test_the_childs_plan_has_the_childs_own_actions_and_nothing_about_risk(agency):
    uuid = transfer_requested(agency)
    with agency.sign_in("cara") as us:
        made = documents.make_document(us, uuid, "child_plan", language="en", today=PRINTED_ON)
    text = text_of(made.pdf)
    in_order(
        text,
        "My plan",
        "This is your plan, Zawadi.",
        "What you will do",
        "Zawadi keeps a diary of her school days",
        "What others will do to help you",
        "Pay the school fees for the term",
        "Grandmother",
        "Who you can talk to",
        "Cara Caseworker",
    )
    assert "Wanjiru" not in text  # the name she is called by is enough
    assert "risk" not in text.lower() and "medium" not in text.lower()


def test_a_case_without_a_plan_has_no_childs_plan(agency):
    with agency.sign_in("cara") as us:
        uuid = case_forms.register_with_forms(
            us, {"registration": answers(us, "registration", given_name="Imani")}
        ).uuid
        with pytest.raises(DocumentUnavailable, match="no case plan yet"):
            documents.make_document(us, uuid, "child_plan")


def test_the_case_summary_holds_the_chosen_sections_only(agency):
    uuid = closed_case(agency)
    with agency.sign_in("sam") as us:
        everything = text_of(documents.make_document(us, uuid, "summary", language="en").pdf)
        plan_only = text_of(
            documents.make_document(
                us, uuid, "summary", language="en", sections=["plan"], purpose="supervision"
            ).pdf
        )
        with pytest.raises(InvalidInput, match="Unknown summary section: gossip"):
            documents.make_document(us, uuid, "summary", sections=["gossip"])
    in_order(
        everything,
        "Case summary",
        "Registration and consent",
        "Often alone at night.",
        "Assessments",
        "Case plan",
        "Enrol Zawadi at the primary school",
        "Services and referrals",
        HEALTH_CENTRE,
        "Follow-up visits and reviews",
        "Decisions and stage changes",
        "approved",
        "Closure and transfer",
    )
    in_order(plan_only, "Prepared for supervision", "Case plan", "Enrol Zawadi at the primary")
    assert "Often alone at night." not in plan_only
    assert "Registration and consent" not in plan_only


# -- who may make one, and what the audit log says ---------------------------------------------------


def test_another_teams_caseworker_is_refused_and_the_refusal_is_audited(agency):
    uuid = closed_case(agency)
    with agency.sign_in("cleo") as us, pytest.raises(PermissionDenied):
        documents.make_document(us, uuid, "closure")
    with agency.sign_in("admin") as us, pytest.raises(PermissionDenied):
        documents.make_document(us, uuid, "summary")
    with agency.sign_in("mina") as us:  # a manager reads every case
        made = documents.make_document(us, uuid, "closure")
    with agency.sign_in("sam") as us:
        events = [(e.who, e.action) for e in cases.case_history(us, uuid)]
    assert ("Cleo Caseworker", "document.refused") in events
    assert ("Alice Admin", "document.refused") in events
    assert ("Mina Manager", "document.made") in events
    assert made.kind == "closure"


def test_printing_is_recorded_with_the_code_and_no_name(agency):
    uuid = closed_case(agency)
    with agency.sign_in("cara") as us:
        made = documents.make_document(us, uuid, "closure", today=PRINTED_ON)
        first = documents.record_output(us, made, "printed")
        again = documents.make_document(us, uuid, "closure", today=date(2027, 1, 5))
        assert again.code == made.code  # the same record: the same code, whatever the day
        assert documents.record_output(us, again, "saved") == first
        printed = documents.printed_documents(us, uuid)
        history = cases.case_history(us, uuid)
    assert [(p.kind, p.version, p.code, p.times, p.printed_by) for p in printed] == [
        ("closure", 1, made.code, 2, "Cara Caseworker")
    ]
    outputs = [(e.action, e.summary) for e in history if e.action.startswith("document.")]
    assert outputs[-3:] == [
        ("document.printed", f"closure v1 {made.code}"),
        ("document.made", f"closure v1 {made.code}"),
        ("document.saved", f"closure v1 {made.code}"),
    ]
    assert all("Zawadi" not in e.summary for e in history)


def test_a_new_version_of_the_request_gives_a_new_code(agency):
    uuid = closed_case(agency)
    with agency.sign_in("cara") as us:
        before = documents.make_document(us, uuid, "summary", sections=["follow_up"])
        case_forms.submit_form(
            us, uuid, "follow_up_visit", visit(us, visited=0, next_visit=None), None
        )
        after = documents.make_document(us, uuid, "summary", sections=["follow_up"])
    assert after.code != before.code and after.version == before.version + 1


# -- signed copies -------------------------------------------------------------------------------


def png(marker: str = "signed by the grandmother") -> bytes:
    info = PngInfo()
    info.add_text("Comment", marker)
    out = io.BytesIO()
    Image.new("RGB", (200, 120), "white").save(out, "PNG", pnginfo=info)
    return out.getvalue()


def printed_closure(agency) -> tuple[str, int]:
    uuid = closed_case(agency)
    with agency.sign_in("cara") as us:
        made = documents.make_document(us, uuid, "closure")
        return uuid, documents.record_output(us, made, "printed")


def test_a_signed_copy_is_filed_with_its_document_encrypted_in_the_store(agency):
    uuid, document_id = printed_closure(agency)
    scan = png()
    with agency.sign_in("cara") as us:
        added = documents.attach_signed_copy(us, uuid, document_id, "scan 1.png", scan)
        listed = documents.printed_documents(us, uuid)
        info, data = documents.signed_copy(us, uuid, added.id)
    assert [c.file_name for c in listed[0].signed_copies] == ["scan 1.png"]
    assert (info.media_type, info.size, info.added_by) == (
        "image/png",
        len(scan),
        "Cara Caseworker",
    )
    assert data == scan
    raw = b"".join(p.read_bytes() for p in agency.folder.glob("ulinzi.db*"))
    assert b"signed by the grandmother" not in raw and scan[:64] not in raw


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.txt", b"just some text", "must be a PDF, a JPEG photo or a PNG picture"),
        ("photo.png", b"GIF89a" + b"\0" * 100, "must be a PDF, a JPEG photo or a PNG picture"),
        ("huge.pdf", b"%PDF-1.7\n" + b"\0" * (20 * 1024 * 1024), "at most 20 MB"),
    ],
)
def test_a_file_that_is_not_a_scan_is_refused_and_nothing_is_filed(agency, name, data, message):
    uuid, document_id = printed_closure(agency)
    with agency.sign_in("cara") as us:
        with pytest.raises(InvalidInput, match=message):
            documents.attach_signed_copy(us, uuid, document_id, name, data)
        assert documents.printed_documents(us, uuid)[0].signed_copies == ()


def test_only_the_team_files_signed_copies_and_only_against_this_cases_documents(agency):
    uuid, document_id = printed_closure(agency)
    with agency.sign_in("mina") as us, pytest.raises(PermissionDenied):
        documents.attach_signed_copy(us, uuid, document_id, "scan.png", png())
    with agency.sign_in("cara") as us:
        with pytest.raises(NotFound):
            documents.attach_signed_copy(us, uuid, document_id + 99, "scan.png", png())
        assert documents.printed_documents(us, uuid)[0].signed_copies == ()


def test_a_damaged_signed_copy_is_reported_not_shown(agency):
    uuid, document_id = printed_closure(agency)
    with agency.sign_in("cara") as us:
        added = documents.attach_signed_copy(us, uuid, document_id, "scan.png", png())
        with us.store.write() as s:
            s.execute(update(SignedCopy).values(data=png("changed afterwards")))
        with pytest.raises(InvalidInput, match="damaged"):
            documents.signed_copy(us, uuid, added.id)


# -- the command line ------------------------------------------------------------------------------


def test_ulinzi_report_writes_the_closure_form_and_refuses_an_open_case(agency, tmp_path):
    closed = closed_case(agency)
    still_open = case_in_implementation(agency)
    with agency.sign_in("cara") as us:
        closed_number = cases.open_case(us, closed).row.case_number
        open_number = cases.open_case(us, still_open).row.case_number
    out = tmp_path / "closure.pdf"
    r = run_signed_in(
        agency.folder,
        "report",
        "closure",
        "--case",
        closed_number,
        "--out",
        str(out),
        "--lang",
        "fr",
        user="cara",
        stdin=PASSWORD + "\n",
    )
    assert r.returncode == 0, r.stderr
    assert "not encrypted" in r.stderr
    assert f"Wrote {out}" in r.stdout
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Formulaire de clôture du dossier" in text and closed_number in text

    refused = tmp_path / "refused.pdf"
    r = run_signed_in(
        agency.folder,
        "report",
        "closure",
        "--case",
        open_number,
        "--out",
        str(refused),
        user="cara",
    )
    assert r.returncode == 1
    assert r.stderr.strip().count("\n") == 0
    assert f"case {open_number} is not closed" in r.stderr
    assert not refused.exists()

    r = run_signed_in(
        agency.folder,
        "report",
        "plan",
        "--case",
        "KGL-1999-9999",
        "--out",
        str(refused),
        user="cara",
    )
    assert (r.returncode, r.stderr.strip()) == (1, "ulinzi: KGL-1999-9999 was not found.")
    with agency.sign_in("cara") as us:
        printed = documents.printed_documents(us, closed)
    assert [(p.kind, p.language) for p in printed] == [("closure", "fr")]


def test_ulinzi_report_summary_sections_are_checked(agency, tmp_path):
    uuid = closed_case(agency)
    with agency.sign_in("sam") as us:
        number = cases.open_case(us, uuid).row.case_number
    out = tmp_path / "summary.pdf"
    r = run_signed_in(
        agency.folder,
        "report",
        "summary",
        "--case",
        number,
        "--out",
        str(out),
        "--sections",
        "plan,decisions",
        "--purpose",
        "the case conference",
        user="sam",
    )
    assert r.returncode == 0, r.stderr
    text = " ".join(
        subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split()
    )
    in_order(text, "Prepared for the case conference", "Case plan", "Decisions and stage changes")
    r = run_signed_in(
        agency.folder,
        "report",
        "closure",
        "--case",
        number,
        "--out",
        str(out),
        "--sections",
        "plan",
        user="sam",
    )
    assert r.returncode == 1 and "Only the case summary has sections" in r.stderr


def test_printed_documents_are_kept_per_case(agency):
    uuid, _ = printed_closure(agency)
    with agency.sign_in("cara") as us, us.store.read() as s:
        rows = s.execute(select(PrintedDocument.kind, PrintedDocument.language)).all()
    assert rows == [("closure", "en")]


def test_the_agencys_paper_size_and_logo_are_printed(agency):
    from dataclasses import replace

    from desktop import agency as agency_settings

    uuid = closed_case(agency)
    with agency.sign_in("admin") as us:
        settings = agency_settings.load_settings(us)
        assert settings.paper == "A4"
        logo = io.BytesIO()
        Image.new("RGB", (160, 80), "navy").save(logo, "PNG")
        agency_settings.save_settings(us, replace(settings, paper="Letter", logo=logo.getvalue()))
        with pytest.raises(InvalidInput, match="A4 or Letter"):
            agency_settings.save_settings(us, replace(settings, paper="A5"))
    with agency.sign_in("cara") as us:
        made = documents.make_document(us, uuid, "closure")
    first = PdfReader(io.BytesIO(made.pdf)).pages[0]
    assert [round(float(x)) for x in first.mediabox[2:]] == [612, 792]
    images = [
        x
        for x in first["/Resources"]["/XObject"].values()
        if x.get_object()["/Subtype"] == "/Image"
    ]
    assert images  # the logo


def test_the_childs_plan_leaves_out_dropped_actions_and_ticks_done_ones(agency):
    def action(text: str, status: str, responsible: str = "child") -> dict[str, object]:
        return {
            "goal_number": 1,
            "action": text,
            "term": "short",
            "responsible": responsible,
            "due": day(10),
            "indicator": "Seen at the visit",
            "status": status,
        }

    uuid = case_in_implementation(
        agency,
        actions=[
            action("Read one book a week", "done"),
            action("Join the football team", "dropped"),
            action("Walk to school with a friend", "in_progress"),
        ],
    )
    with agency.sign_in("cara") as us:
        text = text_of(documents.make_document(us, uuid, "child_plan").pdf)
    in_order(text, "What you will do", "☑ Read one book a week", "☐ Walk to school with a friend")
    assert "football" not in text

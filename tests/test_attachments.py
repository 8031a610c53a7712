"""Documents attached to a case, on real stores: kept encrypted inside the store and nowhere
else, refused in plain words when too large or of the wrong kind, removed only by a supervisor,
listed without reading their bytes, printed as titles in the case summary, and carried in
packages byte for byte."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import event, select

from db.errors import InvalidInput, PermissionDenied
from db.models import CaseAttachmentData
from desktop import attachments, cases, documents, exchange
from desktop.attachments import AttachmentRules
from tests.conftest import PASSWORD, ROOT
from tests.stories import (
    approved_transfer,
    assessed_case,
    audit,
    introduce,
    sent_package,
    text_of,
)

MB = 1024 * 1024


def pdf_with(marker: bytes, size: int = 200_000) -> bytes:
    """A file that starts like a PDF (the kind a scanner writes), holding `marker` in clear
    several times, the rest random (a scan does not compress)."""
    body = os.urandom(size)
    parts = [body[i : i + size // 4] for i in range(0, size, size // 4)]
    return b"%PDF-1.4\n" + marker.join(parts) + marker + b"\n%%EOF\n"


def png(colour: str = "teal") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


def on_disk(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / "scanner"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


# -- never on disk in clear ------------------------------------------------------------------------

_ATTACH_AND_USE = """
import sys
from datetime import date
from pathlib import Path
from desktop import accounts, attachments, documents
folder, source, password = Path(sys.argv[1]), Path(sys.argv[2]), sys.stdin.readline().strip()
us = accounts.sign_in(folder, "cara", password)
uuid = sys.argv[3]
added = attachments.attach_file(
    us, uuid, source, "court_order", date(2026, 11, 2), "Order of the children's court"
)
_info, data = attachments.attachment_data(us, uuid, added.id)
assert data == source.read_bytes()
documents.make_document(us, uuid, "summary")
us.close()
print(added.id)
"""


def test_attached_bytes_are_never_on_disk_in_clear(agency, tmp_path):
    """A marker written into a file, attached, read back and summarised by another program:
    every file of the store's folder, of that program's temporary folder and of its log is
    searched for the marker (and for a piece of the file), and none holds it."""
    uuid = assessed_case(agency)
    marker = b"ULINZI-MARKER-7f3c9e-court-order-of-Zawadi"
    source = on_disk(tmp_path, "court order.pdf", pdf_with(marker, 3 * MB))
    temporary, state = tmp_path / "tmp", tmp_path / "state"
    temporary.mkdir()
    env = {
        **os.environ,
        "TMPDIR": str(temporary),
        "SQLITE_TMPDIR": str(temporary),
        "XDG_STATE_HOME": str(state),
    }
    script = textwrap.dedent(_ATTACH_AND_USE)
    ran = subprocess.run(
        [sys.executable, "-c", script, str(agency.folder), str(source), uuid],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr
    piece = source.read_bytes()[100_000:100_064]
    searched = [
        p for folder in (agency.folder, temporary, state) for p in folder.rglob("*") if p.is_file()
    ]
    assert any(p.name == "ulinzi.db" for p in searched)
    for path in searched:
        content = path.read_bytes()
        assert marker not in content and piece not in content, path
    with agency.sign_in("cara") as us:  # and it is there, whole, for whoever may open the case
        (listed,) = attachments.case_attachments(us, uuid)
        assert attachments.attachment_data(us, uuid, listed.id)[1] == source.read_bytes()


# -- what is refused, in plain words ---------------------------------------------------------------


def test_a_50_mb_file_is_refused_before_it_is_read_when_the_limit_is_20_mb(agency, tmp_path):
    uuid = assessed_case(agency)
    sparse = tmp_path / "whole file scanned at 1200 dpi.pdf"
    with open(sparse, "wb") as f:  # 50 MB on paper, a few bytes on the disk
        f.write(b"%PDF-1.7\n")
        f.truncate(50 * MB)
    with agency.sign_in("cara") as us:
        started = time.perf_counter()
        with pytest.raises(InvalidInput) as refused:
            attachments.attach_file(us, uuid, sparse, "medical_report")
        took = time.perf_counter() - started
        assert attachments.case_attachments(us, uuid) == []
    assert refused.value.message == (
        "whole file scanned at 1200 dpi.pdf is too large (50 MB): this agency allows at most "
        "20 MB per attachment. Scan it at a lower resolution or in black and white, or split "
        "it into parts."
    )
    assert took < 1.0  # refused from its size: 50 MB were never read


def test_the_agency_sets_a_smaller_limit_and_it_holds(agency, tmp_path):
    uuid = assessed_case(agency)
    with agency.sign_in("admin") as us:
        assert attachments.attachment_rules(us) == AttachmentRules(20, False)
        attachments.save_attachment_rules(us, AttachmentRules(max_mb=2))
        with pytest.raises(InvalidInput, match="between 1 and 20 MB"):
            attachments.save_attachment_rules(us, AttachmentRules(max_mb=50))
    three = on_disk(tmp_path, "report.pdf", pdf_with(b"x", 3 * MB))
    with agency.sign_in("cara") as us:
        with pytest.raises(InvalidInput, match=r"too large \(3 MB\).*at most 2 MB"):
            attachments.attach_file(us, uuid, three, "school_report")
        with pytest.raises(InvalidInput, match="at most 2 MB"):
            attachments.attach(us, uuid, "report.pdf", three.read_bytes(), "school_report")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.txt", b"a note typed on a phone", "only PDF documents, JPEG photos and PNG"),
        ("certificate.pdf", b"GIF89a" + b"\0" * 100, "only PDF documents, JPEG photos and PNG"),
        ("empty.pdf", b"", "only PDF documents, JPEG photos and PNG"),
    ],
)
def test_a_file_of_a_kind_not_allowed_is_refused_and_nothing_is_kept(
    agency, tmp_path, name, data, message
):
    uuid = assessed_case(agency)
    path = on_disk(tmp_path, name, data)
    with agency.sign_in("cara") as us:
        with pytest.raises(InvalidInput, match=message):
            attachments.attach_file(us, uuid, path, "other")
        with pytest.raises(InvalidInput, match=message):
            attachments.precheck(path, AttachmentRules())  # what the dialog says first
        assert attachments.case_attachments(us, uuid) == []


def test_a_file_that_cannot_be_read_is_refused_in_plain_words(agency, tmp_path):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        with pytest.raises(InvalidInput, match="The file gone.pdf could not be read: No such"):
            attachments.attach_file(us, uuid, tmp_path / "gone.pdf", "other")
        with pytest.raises(InvalidInput, match="could not be read|not a file that can be read"):
            attachments.attach_file(us, uuid, tmp_path, "other")
        # A pipe chosen in the file dialog: opening it would wait for a writer for ever, and
        # the dialog's first check runs on the window's thread.
        pipe = tmp_path / "scan.pdf"
        os.mkfifo(pipe)
        rules = attachments.attachment_rules(us)
        with pytest.raises(InvalidInput, match="scan.pdf is not a file that can be read"):
            attachments.precheck(pipe, rules)
        with pytest.raises(InvalidInput, match="scan.pdf is not a file that can be read"):
            attachments.attach_file(us, uuid, pipe, "other")


def test_photos_of_children_are_kept_only_when_the_agency_allows_them(agency, tmp_path):
    uuid = assessed_case(agency)
    photo = on_disk(tmp_path, "zawadi.png", png())
    with agency.sign_in("cara") as us:
        assert attachments.PHOTO not in attachments.attachment_rules(us).kinds()
        with pytest.raises(InvalidInput, match="does not keep photos of children"):
            attachments.attach_file(us, uuid, photo, attachments.PHOTO)
    with agency.sign_in("admin") as us:
        attachments.save_attachment_rules(us, AttachmentRules(photos_allowed=True))
    with agency.sign_in("cara") as us:
        added = attachments.attach_file(us, uuid, photo, attachments.PHOTO)
    assert (added.kind, added.media_type, added.added_by) == (
        attachments.PHOTO,
        "image/png",
        "Cara Caseworker",
    )


# -- who may do what -------------------------------------------------------------------------------


def test_only_a_supervisor_removes_an_attachment_with_a_reason_and_its_bytes_go(agency, tmp_path):
    uuid = assessed_case(agency)
    path = on_disk(tmp_path, "certificate.pdf", pdf_with(b"birth"))
    with agency.sign_in("cara") as us:
        added = attachments.attach_file(
            us, uuid, path, "birth_certificate", date(2017, 3, 4), "Copy from the registry"
        )
        with pytest.raises(PermissionDenied, match="only a supervisor can"):
            attachments.remove_attachment(us, uuid, added.id, "wrong child")
    with agency.sign_in("mina") as us:  # a manager reads, and changes nothing
        assert [a.id for a in attachments.case_attachments(us, uuid)] == [added.id]
        with pytest.raises(PermissionDenied):
            attachments.attach_file(us, uuid, path, "other")
    with agency.sign_in("sam") as us:
        with pytest.raises(InvalidInput, match="Say why"):
            attachments.remove_attachment(us, uuid, added.id, "  ")
        attachments.remove_attachment(us, uuid, added.id, "Attached to the wrong case")
        (listed,) = attachments.case_attachments(us, uuid)
        with us.store.read() as s:
            assert s.execute(select(CaseAttachmentData)).all() == []
        actions = [e.action for e in audit(us, uuid)]
    assert listed.removed and listed.removed_by == "Sam Supervisor"
    assert listed.removal_reason == "Attached to the wrong case"
    assert listed.description == "Copy from the registry"  # what it was stays
    assert "permission.denied" in actions or "case.change_refused" in actions
    assert "attachment.added" in actions and "attachment.removed" in actions
    with agency.sign_in("cara") as us, pytest.raises(Exception, match="not found"):
        attachments.attachment_data(us, uuid, added.id)


def test_the_case_list_the_case_file_and_the_attachment_list_never_read_the_bytes(agency):
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        attachments.attach(us, uuid, "big.pdf", pdf_with(b"m", 5 * MB), "medical_report")
        statements: list[str] = []

        def seen(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
            statements.append(statement)

        engine = us.store.engine
        event.listen(engine, "before_cursor_execute", seen)
        try:
            cases.list_cases(us, cases.CaseQuery())
            cases.open_case(us, uuid)
            listed = attachments.case_attachments(us, uuid)
        finally:
            event.remove(engine, "before_cursor_execute", seen)
        assert [a.file_name for a in listed] == ["big.pdf"]
    assert statements and not [x for x in statements if "case_attachment_data" in x]


# -- printed, and carried -------------------------------------------------------------------------


def test_the_case_summary_lists_the_attached_documents_by_title_only(agency, tmp_path):
    uuid = assessed_case(agency)
    marker = b"CONTENT-OF-THE-REPORT-NOT-PRINTED"
    with agency.sign_in("cara") as us:
        attachments.attach(
            us,
            uuid,
            "hospital.pdf",
            pdf_with(marker),
            "medical_report",
            date(2026, 10, 1),
            "From Kigali hospital",
        )
        summary = documents.make_document(us, uuid, "summary", sections=["attachments"])
        french = documents.make_document(
            us, uuid, "summary", sections=["attachments"], language="fr"
        )
    text = " ".join(text_of(summary.pdf).split())
    assert "Attached documents" in text
    assert "Medical report: From Kigali hospital" in text and "hospital.pdf" in text
    assert "1 Oct 2026" in text or "1 October 2026" in text
    assert marker.decode() not in text
    assert "Rapport médical" in " ".join(text_of(french.pdf).split())


def attach_two(agency, uuid: str) -> tuple[bytes, bytes]:
    scan = pdf_with(b"court", 2 * MB)
    picture = png("orange")
    with agency.sign_in("cara") as us:
        attachments.attach(us, uuid, "order.pdf", scan, "court_order", date(2026, 9, 9), "Order")
        attachments.attach(us, uuid, "report.png", picture, "school_report")
    return scan, picture


def test_a_transfer_package_carries_the_attachments_byte_for_byte(agency, partner, tmp_path):
    uuid = approved_transfer(agency)
    scan, picture = attach_two(agency, uuid)
    introduce(agency, partner)
    out = tmp_path / "case.ulz"
    with agency.sign_in("cara") as us:
        exchange.export_case(us, uuid, out, recipient="MUS", reason="The family moved.")
    assert scan[1000:1064] not in out.read_bytes()  # encrypted inside the package
    with partner.sign_in("cara") as us:
        preview, _opened = exchange.open_package(us, out.read_bytes())
        done = exchange.import_package(us, out.read_bytes())
        received = attachments.case_attachments(us, done.case_uuid)
        datas = [attachments.attachment_data(us, done.case_uuid, a.id)[1] for a in received]
    assert preview.attachments == 2
    assert [(a.kind, a.file_name, a.document_date, a.description) for a in received] == [
        ("court_order", "order.pdf", date(2026, 9, 9), "Order"),
        ("school_report", "report.png", None, ""),
    ]
    assert datas == [scan, picture]
    assert received[0].added_by == ""  # added at the other agency: not one of our staff


def test_a_referral_package_carries_only_the_attachments_chosen(agency, partner, tmp_path):
    uuid = assessed_case(agency)
    scan, picture = attach_two(agency, uuid)
    introduce(agency, partner)
    why = "The consent was given by phone; the paper follows."  # the consent names no partner
    sending = {"recipient": "MUS", "referral_forms": ["registration"], "consent_override": why}
    with agency.sign_in("sam") as us:
        ids = [a.id for a in attachments.case_attachments(us, uuid)]
        exchange.export_case(us, uuid, tmp_path / "none.ulz", **sending)
        exchange.export_case(
            us, uuid, tmp_path / "one.ulz", **sending, referral_attachments=[ids[1]]
        )
        with pytest.raises(InvalidInput, match="not in this case"):
            exchange.export_case(
                us, uuid, tmp_path / "bad.ulz", **sending, referral_attachments=[ids[1] + 100]
            )
    with partner.sign_in("cara") as us:
        bare = exchange.import_package(us, (tmp_path / "none.ulz").read_bytes())
        assert attachments.case_attachments(us, bare.case_uuid) == []
    with partner.sign_in("carl") as us:
        one = exchange.import_package(
            us, (tmp_path / "one.ulz").read_bytes(), accept_duplicates=True
        )
        (got,) = attachments.case_attachments(us, one.case_uuid)
        assert attachments.attachment_data(us, one.case_uuid, got.id)[1] == picture


def test_a_package_made_before_attachments_existed_still_imports(agency, partner, tmp_path):
    _uuid, sent = sent_package(agency, partner, tmp_path)
    record = sent.record()
    assert record.pop("attachments") == []
    older = sent.signed(record)  # case.json as a sender without attachments wrote it
    with partner.sign_in("cara") as us:
        done = exchange.import_package(us, older)
        assert done.case_uuid and attachments.case_attachments(us, done.case_uuid) == []
        assert json.loads(sent.entries["case.json"])["forms"]

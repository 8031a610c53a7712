"""Handing a case to another agency, between two real stores: keys and the address book, the
export of a transferred case as an encrypted, signed package, its import, the receipt, and
every way a package can be wrong."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
import warnings
import zipfile
from collections import Counter

import hypothesis
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from db.errors import InvalidInput, NotFound, PermissionDenied
from db.models import AuditEvent, Case, ExchangedPackage
from desktop import case_flow, case_forms, cases, documents, exchange, packages
from desktop.exchange import NotTransferable
from desktop.packages import PackageError
from tests.conftest import ROOT, run_signed_in
from tests.stories import (
    approval,
    approved_transfer,
    exported,
    introduce,
    records_of,
    sent_package,
    snapshot,
    transfer_requested,
    visit,
)
from tests.stories import unzip as _unzip

PASSPHRASE = "maize river blue lantern seven goats"


# -- keys and partners ------------------------------------------------------------------------


def test_an_agency_identity_has_a_stable_fingerprint_and_a_changed_file_is_refused(agency):
    with agency.sign_in("cara") as us:
        first = exchange.our_identity(us)
        again = exchange.our_identity(us)
    assert first == again and first.code == "KGL"
    assert first.age_recipient.startswith("age1") and len(first.fingerprint) == 19
    data = json.loads(first.to_json())
    assert "age_identity" not in first.to_json() and "AGE-SECRET" not in first.to_json()
    data["verify_key"] = exchange.AgencyKeys.generate().verify_key
    with pytest.raises(InvalidInput):  # the fingerprint no longer matches the keys
        exchange.Identity.from_json(json.dumps(data))
    with pytest.raises(InvalidInput):
        exchange.Identity.from_json("{not json")


def test_only_supervisors_and_administrators_keep_the_address_book(agency, partner):
    with partner.sign_in("cara") as us:
        theirs = exchange.our_identity(us)
    with agency.sign_in("cara") as us, pytest.raises(PermissionDenied):
        exchange.add_partner(us, theirs)
    with agency.sign_in("admin") as us:
        added = exchange.add_partner(us, theirs)
        assert (added.code, added.verified) == ("MUS", False)
        assert exchange.add_partner(us, theirs, verified=True).verified
        assert [p.code for p in exchange.partners(us)] == ["MUS"]
        with pytest.raises(InvalidInput):
            exchange.add_partner(us, exchange.our_identity(us))  # ourselves


# -- the round trip ---------------------------------------------------------------------------


def test_a_case_goes_from_one_agency_to_another_whole_and_the_receipt_comes_back(
    agency, partner, tmp_path
):
    uuid = approved_transfer(agency)
    introduce(agency, partner)
    before = snapshot(agency, uuid)  # as the package holds it
    out = tmp_path / "case.ulz"
    with agency.sign_in("cara") as us:
        exchange.export_case(us, uuid, out, recipient="MUS", reason="The family moved.")
    data = out.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n")
    assert b"Zawadi" not in data and b"KGL-" not in data  # nothing readable

    with agency.sign_in("cara") as us:
        row = cases.open_case(us, uuid).row
        assert (row.stage, row.status) == ("transferred", "transferred")
        history = cases.case_history(us, uuid)
        sent = next(h for h in history if h.action == "package.exported")
        assert "to MUS" in sent.summary and packages.sha256(data) in sent.summary
        with pytest.raises(case_forms.FormNotNow):  # read only now
            case_forms.submit_form(us, uuid, "follow_up_visit", visit(us), None)

    with partner.sign_in("cara") as us:
        preview, _ = exchange.open_package(us, data)
        assert (preview.sender_code, preview.sender_known, preview.sender_verified) == (
            "KGL",
            True,
            True,
        )
        assert preview.child_name == "Zawadi Wanjiru" and preview.duplicates == []
        done = exchange.import_package(us, data)
        assert done.case_number.startswith("MUS-") and not done.already
        again = exchange.import_package(us, data)  # twice: nothing changes
        assert again.already and again.case_number == done.case_number
        with us.store.read() as s:
            assert s.execute(select(func.count()).select_from(Case)).scalar() == 1
        row = cases.open_case(us, done.case_uuid).row
        assert row.status == "open" and row.caseworker == "Cara Caseworker"

    after = snapshot(partner, done.case_uuid)
    mine, theirs = before["record"], after["record"]
    strip = lambda forms: [{k: v for k, v in f.items() if k != "submitted_by"} for f in forms]  # noqa: E731
    assert strip(theirs["forms"]) == strip(mine["forms"])  # every form, every version
    assert theirs["signed_copies"] == [] and after["attachments"] == before["attachments"]
    assert theirs["conference_actions"] == mine["conference_actions"]
    received = [(e["at"], e["action"], e["summary"]) for e in theirs["history"]]
    for event in mine["history"]:  # the sender's history, side by side with ours
        assert (event["at"], event["action"], event["summary"]) in received

    receipt = tmp_path / "receipt.ulz"
    receipt.write_bytes(done.receipt)
    with agency.sign_in("cara") as us:
        recorded = exchange.import_package(us, receipt.read_bytes())
        assert not recorded.already and recorded.case_uuid == uuid
        assert any(h.action == "package.receipt" for h in cases.case_history(us, uuid))
        assert exchange.import_package(us, receipt.read_bytes()).already
        with us.store.read() as s:
            sent = s.execute(
                select(ExchangedPackage).where(ExchangedPackage.direction == "sent")
            ).scalar_one()
            assert sent.receipt_at is not None


def test_an_imported_case_keeps_the_childs_date_of_birth_and_every_case_column(
    agency, partner, tmp_path
):
    """The receiving agency sees the same child: not only the forms, the case's own columns too
    (the case list, the duplicate check and the age shown come from them)."""
    uuid = approved_transfer(agency)
    introduce(agency, partner)
    with agency.sign_in("cara") as us:
        cases.update_case(us, uuid, risk="high")
        sent = records_of(us, uuid)["record"]["case"]
        exchange.export_case(us, uuid, tmp_path / "c.ulz", recipient="MUS", reason="Moved.")
    with partner.sign_in("cara") as us:
        done = exchange.import_package(us, (tmp_path / "c.ulz").read_bytes())
        row = cases.open_case(us, done.case_uuid).row
        received = records_of(us, done.case_uuid)["record"]["case"]
    assert row.birth_date is not None and row.birth_date.isoformat() == sent["birth_date"]
    assert row.age() is not None
    ours = {"uuid", "case_number", "stage", "caseworker"}  # given here, not carried over
    assert set(sent) - ours == {
        "given_name",
        "family_name",
        "sex",
        "birth_date",
        "birth_date_estimated",
        "location",
        "registration_place",
        "risk",
        "registered_at",
    }
    assert all(sent[k] not in (None, "") for k in set(sent) - ours - {"birth_date_estimated"})
    assert {k: received[k] for k in set(sent) - ours} == {k: sent[k] for k in set(sent) - ours}


def test_attachments_travel_with_the_case(agency, partner, tmp_path):
    uuid = approved_transfer(agency)
    introduce(agency, partner)
    with agency.sign_in("cara") as us:
        made = documents.make_document(us, uuid, "transfer")
        document_id = documents.record_output(us, made, "printed")
        photo = b"\xff\xd8\xff\xe0" + os.urandom(200_000)
        documents.attach_signed_copy(us, uuid, document_id, "signed transfer.jpg", photo)
        exchange.export_case(us, uuid, tmp_path / "c.ulz", recipient="MUS")
    with partner.sign_in("cara") as us:
        done = exchange.import_package(us, (tmp_path / "c.ulz").read_bytes())
        printed = documents.printed_documents(us, done.case_uuid)
        copy = printed[0].signed_copies[0]
        assert copy.file_name == "signed transfer.jpg"
        info, data = documents.signed_copy(us, done.case_uuid, copy.id)
        assert data == photo


def test_a_signed_copy_of_several_megabytes_travels_with_the_case(agency, partner, tmp_path):
    from desktop.documents import MAX_SIGNED_COPY_BYTES
    from desktop.package_schema import SignedCopyEntry

    uuid = approved_transfer(agency)
    introduce(agency, partner)
    scan = b"%PDF-1.4\n" + os.urandom(3 * 1024 * 1024)  # a scanned page does not compress
    with agency.sign_in("cara") as us:
        document_id = documents.record_output(
            us, documents.make_document(us, uuid, "transfer"), "printed"
        )
        documents.attach_signed_copy(us, uuid, document_id, "signed transfer.pdf", scan)
        exchange.export_case(us, uuid, tmp_path / "c.ulz", recipient="MUS")
    with partner.sign_in("cara") as us:
        done = exchange.import_package(us, (tmp_path / "c.ulz").read_bytes())
        copy = documents.printed_documents(us, done.case_uuid)[0].signed_copies[0]
        assert documents.signed_copy(us, done.case_uuid, copy.id)[1] == scan
    # The largest copy a store accepts is one a package may carry.
    document = {"kind": "transfer", "version": 1, "code": "KGL"}
    entry = {"entry": "attachments/1", "size": MAX_SIGNED_COPY_BYTES, "document": document}
    assert SignedCopyEntry.model_validate(entry).size == MAX_SIGNED_COPY_BYTES


def test_a_transfer_needs_the_supervisors_approval_and_consent_or_a_supervisors_reason(
    agency, partner, tmp_path
):
    uuid = transfer_requested(agency)  # asked, not approved; consent names the health centre
    introduce(agency, partner)
    out = tmp_path / "c.ulz"
    with agency.sign_in("cara") as us, pytest.raises(documents.DocumentUnavailable):
        exchange.export_case(us, uuid, out, recipient="MUS")
    with agency.sign_in("sam") as us:
        case_flow.decide(us, approval(us, uuid, "transfer").id, True)
    with agency.sign_in("cara") as us:
        with pytest.raises(NotTransferable) as refused:
            exchange.export_case(us, uuid, out, recipient="MUS")
        assert "Musanze District Office" in str(refused.value)
        with pytest.raises(PermissionDenied):  # only a supervisor overrides
            exchange.export_case(us, uuid, out, recipient="MUS", consent_override="Court order")
        with pytest.raises(NotFound):
            exchange.export_case(us, uuid, out, recipient="XYZ")
    assert not out.exists()
    with agency.sign_in("sam") as us:
        exchange.export_case(us, uuid, out, recipient="MUS", consent_override="Court order 12/2026")
        history = [h.action for h in cases.case_history(us, uuid)]
        assert "package.consent_override" in history and "package.exported" in history
    assert out.exists()


def test_a_failed_write_leaves_the_case_as_it_was(agency, partner, tmp_path):
    uuid = approved_transfer(agency)
    introduce(agency, partner)
    with agency.sign_in("cara") as us:
        with pytest.raises(InvalidInput):
            exchange.export_case(us, uuid, tmp_path / "missing" / "c.ulz", recipient="MUS")
        assert cases.open_case(us, uuid).row.status == "open"
        with us.store.read() as s:
            assert s.execute(select(func.count()).select_from(ExchangedPackage)).scalar() == 0
    assert list(tmp_path.glob("**/*.ulz")) == []


SEND_TO_FULL_DISK = """
import json, sys
from pathlib import Path
from db.errors import UlinziError
from desktop import accounts, cases, exchange
from tests.conftest import PASSWORD
store, uuid, usb = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
with accounts.sign_in(store, "cara", PASSWORD) as us:
    try:
        exchange.export_case(us, uuid, usb / "case.ulz", recipient="MUS")
        message = None
    except UlinziError as e:
        message = e.message
    status = cases.open_case(us, uuid).row.status
print(json.dumps({"message": message, "status": status, "left": sorted(p.name for p in usb.iterdir())}))
"""


def test_a_full_usb_drive_refuses_the_package_plainly_and_the_case_stays_open(
    agency, partner, tmp_path
):
    uuid = approved_transfer(agency)
    introduce(agency, partner)
    usb = tmp_path / "usb"
    usb.mkdir()
    # A private mount namespace with a 16 KiB tmpfs: a real full drive, the host untouched.
    result = subprocess.run(
        [
            "unshare",
            "-rm",
            "sh",
            "-c",
            f'mount -t tmpfs -o size=16k tmpfs "{usb}" && exec "{sys.executable}" -c "$0" "$@"',
            SEND_TO_FULL_DISK,
            str(agency.folder),
            uuid,
            str(usb),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["message"].startswith("The disk is full: case.ulz was not written.")
    assert outcome["status"] == "open" and outcome["left"] == []
    with agency.sign_in("cara") as us, us.store.read() as s:
        assert s.execute(select(func.count()).select_from(ExchangedPackage)).scalar() == 0


# -- what the receiving agency is protected from ----------------------------------------------


def test_a_package_for_another_agency_or_from_an_unknown_one_is_refused(agency, partner, tmp_path):
    uuid, out = exported(agency, partner, tmp_path)
    data = out.read_bytes()
    with agency.sign_in("cara") as us, pytest.raises(PackageError) as refused:
        exchange.import_package(us, data)  # KGL's own package, made for MUS
    assert "not made for this agency" in str(refused.value)

    # A third agency B's partner has never heard of, with a passphrase package.
    from tests.conftest import make_agency

    third = make_agency(tmp_path / "third", "Rubavu District Office", "RUB")
    uuid = approved_transfer(third)
    with third.sign_in("sam") as us:
        exchange.export_case(
            us, uuid, tmp_path / "p.ulz", passphrase=PASSPHRASE, consent_override="Court order"
        )
    data = (tmp_path / "p.ulz").read_bytes()
    with partner.sign_in("cara") as us:
        with pytest.raises(PackageError) as refused:
            exchange.import_package(us, data)
        assert "passphrase" in str(refused.value)
        with pytest.raises(PackageError) as refused:
            exchange.import_package(us, data, passphrase="wrong " * 5)
        assert "passphrase is not right" in str(refused.value)
        with pytest.raises(PackageError) as refused:
            exchange.import_package(us, data, passphrase=PASSPHRASE)
        assert "not in your address book" in str(refused.value) and "RUB" in str(refused.value)
        with pytest.raises(PackageError):  # a caseworker cannot confirm it
            exchange.import_package(us, data, passphrase=PASSPHRASE, confirm_unknown_sender=True)
    with partner.sign_in("sam") as us:
        preview, _ = exchange.open_package(us, data, PASSPHRASE)
        assert not preview.sender_known and preview.sender_code == "RUB"
        done = exchange.import_package(
            us, data, passphrase=PASSPHRASE, confirm_unknown_sender=True, caseworker="cara"
        )
        assert done.case_number.startswith("MUS-")


def test_a_short_passphrase_is_refused(agency, tmp_path):
    uuid = approved_transfer(agency)
    with agency.sign_in("sam") as us, pytest.raises(PackageError) as refused:
        exchange.export_case(us, uuid, tmp_path / "c.ulz", passphrase="secret")
    assert "another way" in str(refused.value)


def test_a_possible_duplicate_is_shown_and_needs_a_choice(agency, partner, tmp_path):
    uuid, out = exported(agency, partner, tmp_path)
    from tests.stories import consent, registration

    with partner.sign_in("cara") as us:
        case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent("Kibera Health Centre")}
        )
        preview, _ = exchange.open_package(us, out.read_bytes())
        assert [name for _, name in preview.duplicates] == ["Zawadi Wanjiru"]
        with pytest.raises(PackageError) as refused:
            exchange.import_package(us, out.read_bytes())
        assert "may already have a case" in str(refused.value)
        assert exchange.import_package(us, out.read_bytes(), accept_duplicates=True).case_number


def test_a_child_registered_under_another_spelling_is_found_by_birth_date_and_caregiver(
    agency, partner, tmp_path
):
    from tests.stories import consent, registration

    uuid = approved_transfer(agency)
    introduce(agency, partner)
    grandmother = {"name": "Mary Akinyi", "relationship": "grandmother"}
    with agency.sign_in("cara") as us:
        saved = next(
            x for x in case_forms.case_submissions(us, uuid) if x.form_id == "registration"
        )
        answers = {**saved.answers, "caregivers": [grandmother]}
        case_forms.submit_form(us, uuid, "registration", answers, saved.revision)
        exchange.export_case(us, uuid, tmp_path / "c.ulz", recipient="MUS")

    def registered(us, given: str, caregiver: str, year_earlier: int = 0) -> None:
        answers = registration(given=given)
        born = answers["birth_date"]["date"]  # type: ignore[index]
        year = int(born[:4]) - year_earlier
        answers["birth_date"] = {"date": f"{year}{born[4:]}", "estimated": False}
        answers["caregivers"] = [{"name": caregiver, "relationship": "grandmother"}]
        case_forms.register_with_forms(
            us, {"registration": answers, "consent": consent("Kibera Health Centre")}
        )

    with partner.sign_in("cara") as us:
        registered(us, "Zawady", "mary  AKINYI")  # the same child, spelled another way
        registered(us, "Amani", "Ruth Otieno")  # born the same day, another family
        registered(us, "Zawadie", "Mary Akinyi", year_earlier=1)  # a sibling, older
        registered(us, "ZAWÁDI", "Ruth Otieno")  # written in capitals, with an accent
        preview, _ = exchange.open_package(us, (tmp_path / "c.ulz").read_bytes())
    assert [name for _, name in preview.duplicates] == ["Zawady Wanjiru", "ZAWÁDI Wanjiru"]


def _forged(
    keys: exchange.AgencyKeys, recipient: str, entries: dict[str, bytes], **manifest
) -> bytes:
    base = {
        "kind": "transfer",
        "package_id": "00000000-0000-4000-8000-000000000000",
        "sender": {
            "code": "KGL",
            "name": "Kigali",
            "verify_key": keys.verify_key,
            "age_recipient": keys.age_recipient,
        },
    }
    return packages.encrypt_to(packages.build({**base, **manifest}, entries, keys), recipient)


def _rezip(entries: dict[str, bytes], extra: list[tuple[zipfile.ZipInfo, bytes]] = ()) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as z:
        warnings.simplefilter("ignore")  # a duplicate name is one of the tricks
        for name, data in entries.items():
            z.writestr(name, data)
        for info, data in extra:
            z.writestr(info, data)
    return buffer.getvalue()


def test_tampered_forged_and_tricked_packages_change_nothing(agency, partner, tmp_path):
    uuid, out = exported(agency, partner, tmp_path)
    data = out.read_bytes()
    with partner.sign_in("sam") as us, us.store.write() as s:
        mine = exchange.keys_in(s)
    with agency.sign_in("sam") as us, us.store.write() as s:
        theirs = exchange.keys_in(s)
    plain = packages.decrypt(data, [mine.age_identity])
    entries = _unzip(plain)
    record = json.loads(entries["case.json"])

    def attempt(package: bytes) -> str:
        with partner.sign_in("sam") as us:
            with pytest.raises(PackageError) as refused:
                exchange.import_package(
                    us, package, confirm_unknown_sender=True, accept_duplicates=True
                )
            with us.store.read() as s:
                assert s.execute(select(func.count()).select_from(Case)).scalar() == 0
        return str(refused.value)

    # A changed case record, signed manifest untouched: the hash does not match.
    changed = dict(entries, **{"case.json": entries["case.json"].replace(b"Zawadi", b"Zawadx")})
    assert "hash of case.json" in attempt(packages.encrypt_to(_rezip(changed), mine.age_recipient))
    # A manifest re-signed by someone else in KGL's name.
    forger = exchange.AgencyKeys.generate()
    assert "not signed with KGL's key" in attempt(
        _forged(forger, mine.age_recipient, {"case.json": entries["case.json"]})
    )
    # Path tricks, links, duplicates, an unknown name: refused before anything is read.
    for name in (
        "../evil.pdf",
        "/etc/passwd",
        "C:\\evil.pdf",
        "attachments/../../x.pdf",
        "evil.sh",
    ):
        tricked = _rezip(entries, [(zipfile.ZipInfo(name), b"x")])
        assert "entry name" in attempt(packages.encrypt_to(tricked, mine.age_recipient))
    link = zipfile.ZipInfo("attachments/9.pdf")
    link.external_attr = 0o120777 << 16
    assert "not a file" in attempt(
        packages.encrypt_to(_rezip(entries, [(link, b"/etc/passwd")]), mine.age_recipient)
    )
    twice = _rezip(entries, [(zipfile.ZipInfo("case.json"), b"{}")])
    assert "entry name" in attempt(packages.encrypt_to(twice, mine.age_recipient))
    # A 2 GB attachment (its header says so) and a zip bomb.
    huge = _rezip(entries, [(zipfile.ZipInfo("attachments/7.pdf"), b"x")])
    head = huge.rfind(b"PK\x01\x02")  # the last central directory entry: its size, 2 GB
    huge = huge[: head + 24] + (2 * 1024**3).to_bytes(4, "little") + huge[head + 28 :]
    assert "too large (attachments/7.pdf, 2048 MB" in attempt(
        packages.encrypt_to(huge, mine.age_recipient)
    )
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in entries.items():
            z.writestr(n, d)
        z.writestr("attachments/8.pdf", b"\0" * (20 * 1024 * 1024))
    assert "compressed too much" in attempt(
        packages.encrypt_to(bomb.getvalue(), mine.age_recipient)
    )
    # An unknown format version, invalid JSON, a truncated file, not a package at all.
    bad_json = _forged(theirs, mine.age_recipient, {"case.json": b"{not json"})
    assert "case.json" in attempt(bad_json)
    assert "cut short" in attempt(b"PK\x03\x04 not age")
    assert "not made for this agency" in attempt(data[: len(data) // 2])
    assert record["case"]["given_name"] == "Zawadi"


def test_a_signed_package_with_an_unreadable_form_is_refused_even_beside_a_case(
    agency, partner, tmp_path
):
    """The sender's signature is good but a form's definition is not one Ulinzi can read (a
    bug at the sender, say): refused, so that the case it would join always opens."""
    from tests.stories import consent, registration

    _, sent = sent_package(agency, partner, tmp_path)
    record = sent.record()
    record["forms"][0]["definition"] = '{"id": "registration"}'
    package = sent.signed(record)  # signed by KGL, as KGL's own software would
    with partner.sign_in("cara") as us:
        ours = case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent("Kibera Health Centre")}
        )
        with pytest.raises(PackageError) as refused:
            exchange.import_package(us, package, link_to=ours.uuid)
        assert "damaged" in str(refused.value) and "forms" in str(refused.value)
        assert exchange.received_files(us, ours.uuid) == []
        assert cases.open_case(us, ours.uuid).row.uuid == ours.uuid


def test_a_package_of_a_newer_format_asks_for_an_update(partner):
    keys = exchange.AgencyKeys.generate()
    plain = packages.build({"kind": "transfer", "sender": {"code": "X"}}, {}, keys)
    entries = _unzip(plain)
    manifest = json.loads(entries["manifest.json"])
    manifest["version"] = 9
    entries["manifest.json"] = json.dumps(manifest).encode()
    entries["manifest.sig"] = keys.sign(entries["manifest.json"])
    with partner.sign_in("sam") as us, us.store.write() as s:
        mine = exchange.keys_in(s)
    with pytest.raises(PackageError) as refused:
        packages.open_package(
            packages.encrypt_to(_rezip(entries), mine.age_recipient), {}, [mine.age_identity]
        )
    assert "newer version of Ulinzi" in str(refused.value)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cuts=st.lists(st.tuples(st.integers(0, 10**6), st.binary(min_size=0, max_size=8)), max_size=4)
)
def test_damaged_packages_never_raise_anything_else_and_import_nothing(partner_package, cuts):
    keys, data, known = partner_package
    damaged = bytearray(data)
    for at, junk in cuts:
        at %= len(damaged) + 1
        damaged[at : at + len(junk)] = junk
    try:
        opened = packages.open_package(bytes(damaged), known, [keys.age_identity])
    except PackageError:
        return
    assert bytes(damaged) == data  # only an undamaged package opens
    assert opened.json("case.json")["case"]["given_name"] == "Amani"


@pytest.fixture(scope="module")
def partner_package():
    sender, receiver = exchange.AgencyKeys.generate(), exchange.AgencyKeys.generate()
    record = {"format": 1, "case": {"given_name": "Amani"}}
    data = packages.encrypt_to(
        packages.build(
            {"kind": "transfer", "sender": {"code": "KGL", "verify_key": sender.verify_key}},
            {
                "case.json": json.dumps(record).encode(),
                "documents/transfer-form.pdf": b"%PDF-1.4 x",
            },
            sender,
        ),
        receiver.age_recipient,
    )
    return receiver, data, {"KGL": sender.verify_key}


# -- damage inside the encryption ------------------------------------------------------------
# Damage made to the encrypted file stops at age (the file is authenticated). These examples
# damage the plaintext a sender's software could have written — the zip, the manifest, its
# signature, an entry, a field of case.json — and encrypt it again for the real recipient, so the
# zip, signature, hash and schema checks are what they reach.


def _paths(node, prefix=()):
    yield prefix
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, value in children:
        yield from _paths(value, (*prefix, key))


def _replace(node, path, value):
    """A copy of `node` with the value at `path` replaced (or removed, for `_GONE`)."""
    node = json.loads(json.dumps(node))
    if not path:
        return {} if value is _GONE else value
    parent = node
    for key in path[:-1]:
        parent = parent[key]
    if value is _GONE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return node


_GONE = object()
ODD = st.one_of(
    st.just(_GONE),
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.text(max_size=6),
    st.text(min_size=3000, max_size=3000, alphabet="ab"),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)
CUTS = st.lists(
    st.tuples(st.integers(0, 10**6), st.binary(min_size=1, max_size=6)), min_size=1, max_size=3
)


def _cut(data: bytes, cuts) -> bytes:
    damaged = bytearray(data)
    for at, junk in cuts:
        at %= len(damaged) + 1
        damaged[at : at + len(junk)] = junk
    return bytes(damaged)


def _signed_zip(manifest_bytes: bytes, entries: dict[str, bytes], keys) -> bytes:
    """A zip whose manifest is signed as it is, however odd (packages.build would fix it)."""
    return _rezip({"manifest.json": manifest_bytes, "manifest.sig": keys.sign(manifest_bytes),
                   **entries})  # fmt: skip


def _branch(refused: PackageError) -> str:
    """Which check refused a package: zip, signature, hash, manifest or schema (and why)."""
    detail = str(refused.params.get("detail", ""))
    if refused.text is not packages.DAMAGED:
        words = refused.message
        for branch, says in (
            ("signature", "not signed with"),
            ("zip", "too large"),
            ("manifest", "newer version"),
            ("duplicate", "may already have"),
        ):
            if says in words:
                return f"{branch}: {says}"
        return f"other: {words[:40]}"
    head = detail.split(" ")[0]
    if detail == "zip" or head == "entry" or detail in ("too many entries", "too large in all"):
        return "zip: " + ("entry" if head == "entry" else detail)
    if detail in ("no signed manifest", "signature", "sender code"):
        return f"signature: {detail}"
    if detail.startswith("hash of") or detail == "entries differ from the manifest":
        return f"hash: {detail.split(' of ')[0]}"
    if detail in ("manifest", "manifest too large", "not a case package", "sender", "entries"):
        return f"manifest: {detail}"
    return "schema: " + detail.split(".")[0]  # a field's place, or the record, forms, kind


def _counts(us) -> tuple[int, int, int]:
    from db.models import ReceivedRecord

    with us.store.read() as s:
        return tuple(
            s.execute(select(func.count()).select_from(table)).scalar()
            for table in (Case, ExchangedPackage, ReceivedRecord)
        )


DEEP_PACKAGE_CHECKS = ("zip", "signature", "hash", "manifest", "schema")


def test_damage_inside_a_package_is_refused_plainly_by_the_check_it_reaches(
    agency, partner, tmp_path
):
    _, sent = sent_package(agency, partner, tmp_path)
    record = sent.record()
    manifest_bytes = json.dumps(
        {**sent.manifest, "format": packages.FORMAT, "version": packages.FORMAT_VERSION,
         "entries": {n: {"sha256": packages.sha256(d), "size": len(d)}
                     for n, d in sent.entries.items()}},
        ensure_ascii=False, sort_keys=True, indent=1,
    ).encode()  # fmt: skip
    manifest = json.loads(manifest_bytes)
    signature = sent.sender.sign(manifest_bytes)
    plain = _signed_zip(manifest_bytes, sent.entries, sent.sender)
    names = sorted(["manifest.json", "manifest.sig", *sent.entries])
    record_paths = sorted(_paths(record), key=lambda p: (len(p), [str(k) for k in p]))
    manifest_paths = sorted(_paths(manifest), key=lambda p: (len(p), [str(k) for k in p]))
    damage = st.one_of(
        st.tuples(st.just("zip bytes"), CUTS),
        st.tuples(st.just("entry bytes"), st.sampled_from(names), CUTS),
        st.tuples(
            st.just("entry name"),
            st.sampled_from(names),
            st.sampled_from(
                [
                    "",
                    "attachments/99.pdf",
                    "documents/x.pdf",
                    "../case.json",
                    "case.json",
                    "receipt.json",
                    "Case.JSON",
                ]
            ),
        ),  # fmt: skip
        st.tuples(st.just("manifest, unsigned"), st.sampled_from(manifest_paths), ODD),
        st.tuples(st.just("manifest, signed"), st.sampled_from(manifest_paths), ODD),
        st.tuples(st.just("case field, signed"), st.sampled_from(record_paths), ODD),
    )
    reached: Counter[str] = Counter()
    detailed: Counter[str] = Counter()  # printed with -s: which refusal, how often

    def package(how) -> bytes:
        layer = how[0]
        if layer == "zip bytes":
            return _cut(plain, how[1])
        if layer == "entry bytes":
            entries = {"manifest.json": manifest_bytes, "manifest.sig": signature, **sent.entries}
            entries[how[1]] = _cut(entries[how[1]], how[2])
            return _rezip(entries)
        if layer == "entry name":
            entries = {"manifest.json": manifest_bytes, "manifest.sig": signature, **sent.entries}
            data = entries.pop(how[1])
            extra = [(zipfile.ZipInfo(how[2]), data)] if how[2] else []
            return _rezip(entries, extra)
        if layer.startswith("manifest"):
            changed = json.dumps(_replace(manifest, how[1], how[2])).encode()
            if layer == "manifest, unsigned":
                return _rezip({"manifest.json": changed, "manifest.sig": signature,
                               **sent.entries})  # fmt: skip
            return _signed_zip(changed, sent.entries, sent.sender)
        return packages.build(sent.manifest, {**sent.entries, "case.json": json.dumps(
            _replace(record, how[1], how[2])).encode()}, sent.sender)  # fmt: skip

    with partner.sign_in("sam") as us:

        @settings(max_examples=150, deadline=None, derandomize=True, database=None)
        @given(how=damage)
        def damaged(how):
            before, zipped = _counts(us), package(how)
            try:
                exchange.import_package(
                    us,
                    packages.encrypt_to(zipped, sent.recipient.age_recipient),
                    confirm_unknown_sender=True,
                    accept_duplicates=True,
                )
            except PackageError as refused:
                label = _branch(refused)
                hypothesis.event(label)
                reached[label.split(":")[0]] += 1
                detailed[label] += 1
                assert _counts(us) == before  # nothing imported, not a row
                assert "Zawadi" not in refused.message
                return
            # Only the sender's key makes a package: what imports without it is what was sent.
            if "signed" not in how[0] or "unsigned" in how[0]:
                assert _unzip(zipped) == _unzip(plain)
            hypothesis.event(f"imported ({how[0]})")
            reached["imported"] += 1

        damaged()
    print(dict(reached), dict(detailed))  # the counts, with -s
    assert set(reached) >= set(DEEP_PACKAGE_CHECKS), set(DEEP_PACKAGE_CHECKS) - set(reached)


# -- the format is open --------------------------------------------------------------------------


def test_the_standard_age_tool_opens_a_passphrase_package(agency, tmp_path):
    uuid = approved_transfer(agency)
    out = tmp_path / "c.ulz"
    with agency.sign_in("sam") as us:
        exchange.export_case(us, uuid, out, passphrase=PASSPHRASE, consent_override="Court order")
    plain = tmp_path / "c.zip"
    pid, fd = pty.fork()  # age reads a passphrase from a terminal only
    if pid == 0:
        os.execvp("age", ["age", "--decrypt", "--output", str(plain), str(out)])
    output = b""
    while b"passphrase" not in output.lower():
        output += os.read(fd, 1024)
    os.write(fd, PASSPHRASE.encode() + b"\n")
    try:
        while os.read(fd, 1024):
            pass
    except OSError:
        pass
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    with zipfile.ZipFile(plain) as z:
        names = set(z.namelist())
        manifest = json.loads(z.read("manifest.json"))
    assert {"manifest.json", "manifest.sig", "case.json", "documents/transfer-form.pdf"} <= names
    assert manifest["sender"]["code"] == "KGL" and manifest["format"] == "ulinzi-package"


# -- the command line -------------------------------------------------------------------------


def test_the_round_trip_by_the_command_line(agency, partner, tmp_path):
    uuid = approved_transfer(agency)
    with agency.sign_in("cara") as us:
        number = cases.open_case(us, uuid).row.case_number
    ours, theirs = tmp_path / "kgl.json", tmp_path / "mus.json"
    r = run_signed_in(agency.folder, "agency", "identity", "--out", str(ours), user="cara")
    assert r.returncode == 0, r.stderr
    assert "fingerprint" in r.stdout
    assert run_signed_in(partner.folder, "agency", "identity", "--out", str(theirs)).returncode == 0
    r = run_signed_in(agency.folder, "agency", "add", str(theirs), "--verified", user="sam")
    assert r.returncode == 0 and "verified" in r.stdout, r.stderr
    assert (
        run_signed_in(
            partner.folder, "agency", "add", str(ours), "--verified", user="sam"
        ).returncode
        == 0
    )
    r = run_signed_in(agency.folder, "agency", "list", user="cara")
    assert r.stdout.startswith("MUS\tMusanze District Office\t")

    package = tmp_path / "case.ulz"
    r = run_signed_in(
        agency.folder,
        "export",
        "--case",
        number,
        "--to",
        str(package),
        "--recipient",
        "MUS",
        "--consent-checked",
        user="cara",
    )
    assert r.returncode == 0, r.stderr
    assert "now transferred" in r.stdout
    r = run_signed_in(partner.folder, "import", str(package), user="cara")
    assert r.returncode == 0, r.stderr
    assert "Imported as case MUS-" in r.stdout
    receipt = tmp_path / "case-receipt.ulz"
    assert receipt.exists()
    r = run_signed_in(partner.folder, "import", str(package), user="cara")
    assert r.returncode == 0 and "nothing was changed" in r.stdout
    r = run_signed_in(agency.folder, "import", str(receipt), user="cara")
    assert r.returncode == 0 and "arrived" in r.stdout, r.stderr

    r = run_signed_in(agency.folder, "import", str(tmp_path / "nothing.ulz"), user="cara")
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    (tmp_path / "junk.ulz").write_bytes(b"junk")
    r = run_signed_in(partner.folder, "import", str(tmp_path / "junk.ulz"), user="cara")
    assert r.returncode == 1 and "not a Ulinzi case package" in r.stderr


def test_a_referral_package_carries_only_the_chosen_forms_and_keeps_the_case(
    agency, partner, tmp_path
):
    from tests.stories import case_in_implementation

    uuid = case_in_implementation(agency)  # consent names the health centre only
    introduce(agency, partner)
    out = tmp_path / "referral.ulz"
    with agency.sign_in("cara") as us, pytest.raises(NotTransferable):  # not in the consent
        exchange.export_case(us, uuid, out, recipient="MUS", referral_forms=["registration"])
    with agency.sign_in("sam") as us:
        exchange.export_case(
            us,
            uuid,
            out,
            recipient="MUS",
            referral_forms=["registration", "initial_assessment"],
            consent_override="The family asked for it by phone; form to follow.",
        )
        row = cases.open_case(us, uuid).row
        assert row.status == "open"  # a referral keeps responsibility here
        with us.store.read() as s:
            sent = s.execute(select(ExchangedPackage)).scalar_one()
            assert sent.kind == "referral"
            assert "phone" in json.loads(sent.details)["consent_override"]
    with partner.sign_in("cara") as us:
        preview, opened = exchange.open_package(us, out.read_bytes())
        assert preview.kind == "referral" and preview.forms == 2 and preview.attachments == 0
        record = json.loads(opened.entries["case.json"])
        assert {f["form_id"] for f in record["forms"]} == {"registration", "initial_assessment"}
        assert "history" not in record and "documents/transfer-form.pdf" not in opened.entries
        done = exchange.import_package(us, out.read_bytes())
        forms = {x.form_id for x in case_forms.case_submissions(us, done.case_uuid)}
        assert forms == {"registration", "initial_assessment"}


def test_a_package_can_be_linked_to_a_case_already_here_without_overwriting_it(
    agency, partner, tmp_path
):
    from tests.stories import consent, registration

    uuid, out = exported(agency, partner, tmp_path)
    with partner.sign_in("cara") as us:
        ours = case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent("Kibera Health Centre")}
        )
        before = case_forms.case_submissions(us, ours.uuid)
        done = exchange.import_package(us, out.read_bytes(), link_to=ours.uuid)
        assert done.case_uuid == ours.uuid
        after = case_forms.case_submissions(us, ours.uuid)
        assert [(x.form_id, x.revision, x.answers) for x in after] == [
            (x.form_id, x.revision, x.answers) for x in before
        ]  # our records untouched
        history = [h.action for h in cases.case_history(us, ours.uuid)]
        assert "package.imported" in history
        with us.store.read() as s:
            from db.models import ReceivedEvent, ReceivedRecord

            kept = s.execute(select(ReceivedRecord)).scalar_one()
            assert json.loads(kept.record)["case"]["given_name"] == "Zawadi"
            assert kept.transfer_form.startswith(b"%PDF")
            received = s.execute(select(func.count()).select_from(ReceivedEvent)).scalar()
            assert received > 5
            assert s.execute(select(func.count()).select_from(Case)).scalar() == 1


def test_what_the_other_agency_sent_can_be_read_beside_our_case(agency, partner, tmp_path):
    from tests.stories import consent, registration

    uuid, out = exported(agency, partner, tmp_path)
    sent = snapshot(agency, uuid)["record"]
    with partner.sign_in("cara") as us:
        ours = case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent("Kibera Health Centre")}
        )
        exchange.import_package(us, out.read_bytes(), link_to=ours.uuid)
        [got] = exchange.received_files(us, ours.uuid)
        assert (got.kind, got.agency_code, got.agency_name) == (
            "transfer",
            "KGL",
            "Kigali District Office",
        )
        assert got.their_number == sent["case"]["case_number"]
        # Every version of every form, as they saved it, with the questions they asked.
        assert [(f.definition.id, f.revision, f.answers) for f in got.forms] == [
            (f["form_id"], f["revision"], f["answers"]) for f in sent["forms"]
        ]
        assert all(f.submitted_by and f.submitted_at for f in got.forms)
        theirs = [(h["action"], h.get("summary") or "") for h in sent["history"]]
        # Their history up to the package (the move to "transferred" and the export come after).
        assert [(h.action, h.summary) for h in got.history] == theirs[: len(got.history)]
        assert [a for a, _ in theirs[len(got.history) :]] == [
            "case.stage_changed",
            "package.exported",
        ]
        assert got.has_transfer_form
        pdf = exchange.received_transfer_form(us, ours.uuid, got.id)
        assert pdf.startswith(b"%PDF")
        assert "document.received_opened" in [h.action for h in cases.case_history(us, ours.uuid)]
        with pytest.raises(NotFound):
            exchange.received_transfer_form(us, ours.uuid, got.id + 1)
    with partner.sign_in("cleo") as us:  # another team's caseworker: not her case
        with pytest.raises(PermissionDenied):
            exchange.received_files(us, ours.uuid)
        with pytest.raises(PermissionDenied):
            exchange.received_transfer_form(us, ours.uuid, got.id)


def test_a_transfer_the_sender_approved_is_not_approved_here(agency, partner, tmp_path):
    """The sender's supervisor decided for the sender: here the case goes on only when our
    supervisor approves a transfer request made here."""
    _, out = exported(agency, partner, tmp_path)
    with partner.sign_in("cara") as us:
        uuid = exchange.import_package(us, out.read_bytes()).case_uuid
        received = [a for a in case_flow.case_workflow(us, uuid).approvals if a.kind == "transfer"]
        assert [(a.state, a.received) for a in received] == [("approved", True)]  # as history
        with pytest.raises(documents.DocumentUnavailable):
            documents.make_document(us, uuid, "transfer")
        with pytest.raises((NotTransferable, documents.DocumentUnavailable)):
            exchange.export_case(us, uuid, tmp_path / "on.ulz", passphrase=PASSPHRASE)
        assert cases.open_case(us, uuid).row.status == "open"
        saved = next(
            x for x in case_forms.case_submissions(us, uuid) if x.form_id == "transfer_request"
        )
        case_forms.submit_form(us, uuid, "transfer_request", dict(saved.answers), saved.revision)
    with partner.sign_in("sam") as us:
        assert not [a for a in case_flow.supervisor_queue(us).approvals if a.received]
        case_flow.decide(us, approval(us, uuid, "transfer").id, True)
    with partner.sign_in("cara") as us:
        assert documents.make_document(us, uuid, "transfer").pages >= 1


def test_the_import_preview_does_not_name_a_case_the_person_may_not_see(
    agency, partner, tmp_path, qtbot
):
    """Cleo (Tess's team) holds Zawadi's case at Musanze; Cara (Sam's team) previews a package
    about a child of the same name: she learns a match exists, not whose case or its number."""
    from PySide6.QtWidgets import QLabel

    from tests.stories import consent, registration
    from ui.exchange import ImportDialog

    _, out = exported(agency, partner, tmp_path)
    with partner.sign_in("cleo") as us:
        theirs = case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent("Kibera Health Centre")}
        )
    with partner.sign_in("cara") as us:
        preview, _ = exchange.open_package(us, out.read_bytes())
        assert (preview.duplicates, preview.hidden_duplicates) == ([], 1)
        with pytest.raises(PackageError) as refused:
            exchange.import_package(us, out.read_bytes())
        assert "a case you cannot see: ask your supervisor" in str(refused.value)
        assert theirs.case_number not in str(refused.value)
        with us.store.read() as s:
            looked = s.execute(
                select(AuditEvent.username, AuditEvent.summary).where(
                    AuditEvent.action == "package.previewed"
                )
            ).all()
        assert [who for who, _ in looked] == ["cara"]
        assert "1 not visible" in looked[0][1] and "Zawadi" not in looked[0][1]
        dialog = ImportDialog(preview, [("cara", "Cara Caseworker")], supervisor=False)
        qtbot.addWidget(dialog)
        assert "ask your supervisor" in dialog.findChild(QLabel, "hiddenMatch").text()
        assert theirs.case_number not in " ".join(w.text() for w in dialog.findChildren(QLabel))
    with partner.sign_in("tess") as us:  # Cleo's supervisor sees which case it is
        preview, _ = exchange.open_package(us, out.read_bytes())
        assert preview.duplicates == [(theirs.case_number, "Zawadi Wanjiru")]
        assert preview.hidden_duplicates == 0
        exchange.import_package(us, out.read_bytes(), accept_duplicates=True, caseworker="cleo")
    with partner.sign_in("cara") as us:  # imported already, into a case she may not see
        again = exchange.import_package(us, out.read_bytes())
        assert again.already and (again.case_uuid, again.case_number) == (None, "")


def test_a_package_anyone_can_make_does_not_tell_whether_another_team_has_the_child(
    agency, partner, tmp_path
):
    """A passphrase package from an agency not in the address book can be made by anyone about
    any name: its preview must read the same whether or not another team holds that child, and
    the answer goes to the audit log only."""
    from tests.stories import consent, registration

    uuid = approved_transfer(agency)
    out = tmp_path / "probe.ulz"
    with agency.sign_in("sam") as us:
        exchange.export_case(us, uuid, out, passphrase=PASSPHRASE, consent_override="Court order")
    with partner.sign_in("cara") as us:
        before, _ = exchange.open_package(us, out.read_bytes(), PASSPHRASE)
    with partner.sign_in("cleo") as us:  # Tess's team, not Cara's
        case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent("Kibera Health Centre")}
        )
    with partner.sign_in("cara") as us:
        after, _ = exchange.open_package(us, out.read_bytes(), PASSPHRASE)
        assert not after.sender_known
        assert after == before  # nothing differs: no line, no count
        with pytest.raises(PackageError) as refused:  # and importing it is refused as before
            exchange.import_package(us, out.read_bytes(), passphrase=PASSPHRASE)
        assert "not in your address book" in str(refused.value)
        with us.store.read() as s:
            looked = (
                s.execute(
                    select(AuditEvent.summary)
                    .where(AuditEvent.action == "package.previewed")
                    .order_by(AuditEvent.seq)
                )
                .scalars()
                .all()
            )
    assert "0 not visible" in looked[0]
    assert "1 not visible (not said: unknown sender)" in looked[1]


def test_an_import_refused_for_a_match_in_a_case_not_visible_is_audited(agency, partner, tmp_path):
    from tests.stories import consent, registration

    _, out = exported(agency, partner, tmp_path)
    with partner.sign_in("cleo") as us:
        case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent("Kibera Health Centre")}
        )
    with partner.sign_in("cara") as us:
        for _ in range(2):
            with pytest.raises(PackageError) as refused:
                exchange.import_package(us, out.read_bytes())
            assert str(refused.value) == exchange.HIDDEN_MATCH
        with us.store.read() as s:
            refusals = s.execute(
                select(AuditEvent.username, AuditEvent.case_id, AuditEvent.summary).where(
                    AuditEvent.action == "package.import_refused"
                )
            ).all()
    assert [(who, case) for who, case, _ in refusals] == [("cara", None)] * 2
    assert all("Zawadi" not in summary for *_, summary in refusals)


def test_a_request_still_waiting_at_the_sender_cannot_be_decided_here(agency, partner, tmp_path):
    """A package whose record holds a request still waiting for the sender's supervisor: here
    it is history, kept as it came; our supervisor's queue does not offer it."""
    _, sent = sent_package(agency, partner, tmp_path)
    record = sent.record()
    waiting = next(a for a in record["approvals"] if a["kind"] == "transfer")
    waiting.update(state="pending", decided_by="", decided_at=None)
    package = sent.signed(record)
    with partner.sign_in("cara") as us:
        uuid = exchange.import_package(us, package).case_uuid
    with partner.sign_in("sam") as us:  # Cara's supervisor
        assert [a for a in case_flow.supervisor_queue(us).approvals if a.case_uuid == uuid] == []
        theirs_waiting = approval(us, uuid, "transfer")  # shown in the case, as history
        assert theirs_waiting.received and not theirs_waiting.can_decide
        with pytest.raises(NotFound):
            case_flow.decide(us, theirs_waiting.id, True)
        assert approval(us, uuid, "transfer").state == "pending"  # as it came


def test_importing_a_package_anyone_can_make_reads_the_same_on_the_command_line_either_way(
    agency, partner, tmp_path
):
    """A caseworker's `ulinzi import` of a passphrase package about a child another team holds
    says exactly what it says when no team holds that child."""
    from tests.stories import consent, registration

    uuid = approved_transfer(agency)
    out = tmp_path / "probe.ulz"
    with agency.sign_in("sam") as us:
        exchange.export_case(us, uuid, out, passphrase=PASSPHRASE, consent_override="Court order")
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n")
    args = ("import", str(out), "--passphrase-file", str(secret))
    before = run_signed_in(partner.folder, *args, user="cara")
    with partner.sign_in("cleo") as us:  # Tess's team, not Cara's
        case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent("Kibera Health Centre")}
        )
    after = run_signed_in(partner.folder, *args, user="cara")
    assert before.returncode == after.returncode == 1
    assert (before.stdout, before.stderr) == (after.stdout, after.stderr)
    assert "not in your address book" in after.stderr

"""Importing a case another agency sent, decision by decision, on copies of two stores built once.

Kigali (KGL) approves the transfer of Zawadi's case and exports it to Musanze (MUS); each test
imports that package (or one its sender's software could have made) into a fresh copy of
Musanze's store: who sent it, whether the child may already have a case here (seen or not),
what is refused as damage, and what the receipt says back. `test_exchange.py` tells the same
stories through two stores built per test; these take a second each, so that `python -m
tests.mutation import` can run them under every mutant of the import.

The two stores and the package are built once per test session. Under the mutation run
(`ULINZI_STORY_CACHE` set by `tests.mutation`) they are built once for the whole run, by the
unchanged code, before any mutant is tried.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from sqlalchemy import func, select, update

from db.errors import PermissionDenied
from db.models import (
    Approval,
    AuditEvent,
    Case,
    Conference,
    ConferenceAction,
    ContactNote,
    ExchangedPackage,
    FormSubmission,
    PartnerAgency,
    Placement,
    PlanActionUpdate,
    PrintedDocument,
    ReceivedEvent,
    SignedCopy,
    StageMove,
    Task,
)
from desktop import case_forms, case_state, cases, exchange, packages
from desktop.forms.answers import TEXT_LIMIT
from desktop.packages import PackageError
from tests.conftest import Agency, case_count
from tests.stories import (
    HEALTH_CENTRE,
    BuiltExchange,
    SentPackage,
    consent,
    registration,
    unzip,
)

Built = BuiltExchange


def _events(us, action: str) -> list[tuple[int | None, str]]:  # type: ignore[no-untyped-def]
    with us.store.read() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(AuditEvent.case_id, AuditEvent.summary)
                .where(AuditEvent.action == action)
                .order_by(AuditEvent.seq)
            )
        ]


def _stranger(built: Built, **sender: str) -> bytes:
    """The same case, signed by an agency Musanze has never heard of (anyone can make one)."""
    sent = built.package()
    stranger = exchange.AgencyKeys.generate()
    manifest = {
        **sent.manifest,
        "sender": {
            "code": "XYZ",
            "name": "Stranger Office",
            "age_recipient": stranger.age_recipient,
            "verify_key": stranger.verify_key,
            **sender,
        },
    }
    return packages.encrypt_to(
        packages.build(manifest, sent.entries, stranger), built.keys["MUS"].age_recipient
    )


# -- what the preview says ------------------------------------------------------------------------


def test_the_preview_says_who_sent_what_and_the_look_is_audited_without_the_childs_name(built, mus):
    data = built.data
    sent = built.package()
    with mus.sign_in("cara") as us:
        preview, opened = exchange.open_package(us, data)
        previewed = _events(us, "package.previewed")
    kgl = sent.manifest["sender"]
    assert preview == exchange.Preview(
        package_id=sent.manifest["package_id"],
        kind="transfer",
        sender_name="Kigali District Office",
        sender_code="KGL",
        sender_known=True,
        sender_verified=True,
        fingerprint=packages.fingerprint("KGL", kgl["age_recipient"], kgl["verify_key"]),
        created_at=sent.manifest["created_at"],
        exported_by="Cara Caseworker",
        case_number=sent.record()["case"]["case_number"],
        child_name="Zawadi Wanjiru",
        birth_date=date(date.today().year - 9, 3, 14).isoformat(),
        forms=len(sent.record()["forms"]),
        attachments=0,
        duplicates=[],
        already_imported=False,
        sha256=packages.sha256(data),
        hidden_duplicates=0,
    )
    assert preview.case_number.startswith("KGL-") and preview.forms >= 6
    assert opened.sender_known and opened.digest == preview.sha256
    assert previewed == [
        (None, f"transfer from KGL: {preview.package_id}, 0 possible matches shown, 0 not visible")
    ]


def test_a_referral_is_previewed_as_a_transfer_is_and_another_kind_shows_no_child(built, mus):
    sent = built.package()
    with mus.sign_in("cara") as us:
        referral, _ = exchange.open_package(us, sent.signed(kind="referral"))
        notice, _ = exchange.open_package(us, sent.signed(kind="notice"))
    assert (referral.kind, referral.child_name, referral.forms) == (
        "referral",
        "Zawadi Wanjiru",
        len(sent.record()["forms"]),
    )
    assert referral.case_number == sent.record()["case"]["case_number"]
    # A kind the import refuses: its preview names no child and counts nothing.
    assert (
        notice.child_name,
        notice.case_number,
        notice.birth_date,
        notice.forms,
        notice.attachments,
        notice.duplicates,
        notice.hidden_duplicates,
    ) == ("", "", None, 0, 0, [], 0)


@pytest.mark.parametrize("exported_by", [None, {"name": None}])
def test_what_a_manifest_leaves_out_is_previewed_blank_never_made_up(built, mus, exported_by):
    """Another agency's software may leave out the sender's name, its keys, when the package
    was made, its kind and who exported it: the preview shows those blank. (Not its id: see
    `test_import_odd_packages.py`.)"""
    sent = built.package()
    kgl = sent.manifest["sender"]
    data = sent.signed(
        kind=None,
        created_at=None,
        exported_by=exported_by,
        sender={**kgl, "name": None, "age_recipient": None, "verify_key": None},
    )
    with mus.sign_in("cara") as us:
        preview, _ = exchange.open_package(us, data)  # a partner's: its signature is checked
    assert (
        preview.kind,
        preview.sender_name,
        preview.created_at,
        preview.exported_by,
        preview.fingerprint,
    ) == ("", "", "", "", packages.fingerprint("KGL", "", ""))


def test_the_preview_counts_the_signed_copies_and_the_attachments_together(built, mus):
    sent = built.package()
    record = sent.record()
    record["attachments"] = [
        {"entry": f"attachments/{n}.pdf", "sha256": packages.sha256(b"%PDF"), "kind": "letter"}
        for n in (1, 2)
    ]
    files = {f"attachments/{n}.pdf": b"%PDF" for n in (1, 2)}
    with mus.sign_in("cara") as us:
        preview, _ = exchange.open_package(us, _with(sent, record, **files))
    assert preview.attachments == len(record.get("signed_copies") or []) + 2


def test_a_partner_added_without_checking_its_fingerprint_is_known_but_not_verified(built, mus):
    with mus.sign_in("sam") as us:
        with us.store.write() as s:
            s.execute(update(PartnerAgency).values(verified=False))
        preview, _ = exchange.open_package(us, built.data)
    assert (preview.sender_known, preview.sender_verified) == (True, False)


# -- importing -------------------------------------------------------------------------------------


def test_an_imported_case_is_the_senders_child_with_its_forms_history_and_a_receipt(
    built, mus, tmp_path
):
    sent = built.package()
    theirs = sent.record()
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, built.data)
        row = cases.open_case(us, done.case_uuid).row
        forms = case_forms.case_submissions(us, done.case_uuid)
        with us.store.read() as s:
            case_id = s.execute(select(Case.id).where(Case.uuid == done.case_uuid)).scalar_one()
            history = s.execute(
                select(ReceivedEvent.action, ReceivedEvent.agency_code).where(
                    ReceivedEvent.case_id == case_id
                )
            ).all()
            received = s.execute(
                select(ExchangedPackage).where(ExchangedPackage.direction == "received")
            ).scalar_one()
            recorded = (
                received.package_id,
                received.agency_code,
                received.sha256,
                received.case_id,
            )
            details = json.loads(received.details)
        imported = _events(us, "package.imported")
    c = theirs["case"]
    assert not done.already and done.case_number == row.case_number
    assert row.case_number.startswith("MUS-") and row.case_number != c["case_number"]
    assert (row.given_name, row.family_name, row.sex) == (
        c["given_name"],
        c["family_name"],
        c["sex"],
    )
    assert row.birth_date.isoformat() == c["birth_date"]
    assert (row.location, row.caseworker, row.status) == (c["location"], "Cara Caseworker", "open")
    assert row.stage == c["stage"]  # the work goes on where it was
    assert sorted((f.form_id, f.revision) for f in forms) == sorted(
        (f["form_id"], f["revision"]) for f in theirs["forms"]
    )
    assert len(history) == len(theirs["history"]) and {h[1] for h in history} == {"KGL"}
    digest = packages.sha256(built.data)
    assert recorded == (sent.manifest["package_id"], "KGL", digest, case_id)
    assert details == {
        "from": "Kigali District Office",
        "case_number": c["case_number"],
        "case_uuid": c["uuid"],
    }
    assert imported == [
        (case_id, f"transfer from KGL: {sent.manifest['package_id']} sha256 {digest}")
    ]
    # The receipt goes back to Kigali, which records it once.
    kgl = built.store("KGL", tmp_path)
    plain = unzip(packages.decrypt(done.receipt, [built.keys["KGL"].age_identity]))
    said = json.loads(plain[packages.MANIFEST])["receipt_for"]
    with kgl.sign_in("cara") as us:
        with us.store.read() as s:
            ours, number = s.execute(
                select(Case.id, Case.case_number).where(Case.uuid == built.sender_case)
            ).one()
        noted = exchange.import_package(us, done.receipt)
        assert noted == exchange.Imported(built.sender_case, number, False, None)
        again = exchange.import_package(us, done.receipt)
        assert again == exchange.Imported(built.sender_case, number, True, None)
        with us.store.read() as s:
            receipt_at = s.execute(
                select(ExchangedPackage.receipt_at).where(ExchangedPackage.direction == "sent")
            ).scalar_one()
        # When Musanze received it (its words), not when Kigali read the receipt.
        assert receipt_at == datetime.fromisoformat(said["received_at"])
        assert _events(us, "package.receipt") == [
            (ours, f"MUS received {sent.manifest['package_id']} as {done.case_number}")
        ]


@pytest.mark.parametrize(("number", "logged"), [("N" * 50, "N" * 40), (None, "")])
def test_the_receipts_log_line_keeps_at_most_40_characters_of_the_number_it_names(
    built, mus, tmp_path, number, logged
):
    """The new case number a receipt names is the partner's words: the log keeps 40
    characters of it, and nothing when it names none."""
    data = built.receipt(mus, lambda r: {**r, "new_case_number": number})
    kgl = built.store("KGL", tmp_path)
    with kgl.sign_in("cara") as us:
        exchange.import_package(us, data)
        ((_, summary),) = _events(us, "package.receipt")
    package_id = built.package().manifest["package_id"]
    assert summary == f"MUS received {package_id} as {logged}"


def test_a_supervisor_gives_the_imported_case_to_a_caseworker_of_their_team(built, mus):
    with mus.sign_in("sam") as us:
        done = exchange.import_package(us, built.data, caseworker="carl")
        assert cases.open_case(us, done.case_uuid).row.caseworker == "Carl Caseworker"


def test_the_same_package_twice_changes_nothing_and_names_no_case_the_person_may_not_see(
    built, mus
):
    with mus.sign_in("cara") as us:
        first = exchange.import_package(us, built.data)
        again = exchange.import_package(us, built.data)
        assert exchange.open_package(us, built.data)[0].already_imported
    assert (again.already, again.case_uuid, again.case_number) == (
        True,
        first.case_uuid,
        first.case_number,
    )
    assert again.receipt is None
    with mus.sign_in("cleo") as us:  # Tess's team: Cara's case is not hers to see
        hers = exchange.import_package(us, built.data)
    assert (hers.already, hers.case_uuid, hers.case_number) == (True, None, "")
    assert case_count(mus) == 1


# -- who sent it -----------------------------------------------------------------------------------


def test_a_package_from_an_unknown_agency_needs_a_supervisor_who_checked_its_fingerprint(
    built, mus
):
    data = _stranger(built)
    with mus.sign_in("cara") as us:
        preview, _ = exchange.open_package(us, data)
        assert (preview.sender_known, preview.sender_verified) == (False, False)
        assert preview.sender_code == "XYZ" and preview.sender_name == "Stranger Office"
        with pytest.raises(PackageError) as caught:
            exchange.import_package(us, data, confirm_unknown_sender=True)  # not hers to confirm
    assert caught.value.message == (
        "This package comes from an agency that is not in your address book "
        f"(“Stranger Office”, XYZ, fingerprint {preview.fingerprint}): anyone could have made "
        "it. Add the agency's identity first, or a supervisor may confirm the import after "
        "checking the fingerprint with that agency by phone."
    )
    with mus.sign_in("sam") as us, pytest.raises(PackageError, match="not in your address book"):
        exchange.import_package(us, data)  # a supervisor who has not confirmed
    assert case_count(mus) == 0
    with mus.sign_in("sam") as us:
        done = exchange.import_package(us, data, confirm_unknown_sender=True, caseworker="cara")
    assert not done.already and case_count(mus) == 1


def test_a_stranger_cannot_fill_the_warning_with_a_long_name(built, mus):
    data = _stranger(built, name="S" * 500, code="X" * 40)
    with mus.sign_in("cara") as us, pytest.raises(PackageError) as caught:
        exchange.import_package(us, data)
    assert f"(“{'S' * 100}”, {'X' * 20}, fingerprint" in caught.value.message


def test_a_receipt_from_an_unknown_agency_or_for_a_package_not_sent_is_refused(
    built, mus, tmp_path
):
    with mus.sign_in("cara") as us:
        receipt = exchange.import_package(us, built.data).receipt
    kgl = built.store("KGL", tmp_path)
    recipient = built.keys["KGL"].age_recipient
    plain = unzip(packages.decrypt(receipt, [built.keys["KGL"].age_identity]))
    manifest = json.loads(plain[packages.MANIFEST])
    stranger = exchange.AgencyKeys.generate()
    forged = {
        **manifest,
        "sender": {**manifest["sender"], "code": "XYZ", "verify_key": stranger.verify_key},
    }
    for keys, changed, refusal in (
        (stranger, forged, "not in your address book: it cannot be trusted"),
        (
            built.keys["MUS"],
            {**manifest, "receipt_for": {**manifest["receipt_for"], "package_id": "other"}},
            "for a package this agency did not send",
        ),
        (
            built.keys["MUS"],
            {**manifest, "receipt_for": {**manifest["receipt_for"], "sha256": "0" * 64}},
            "for a package this agency did not send",
        ),
    ):
        data = packages.encrypt_to(packages.build(changed, {}, keys), recipient)
        with kgl.sign_in("cara") as us, pytest.raises(PackageError, match=refusal):
            exchange.import_package(us, data)
    with kgl.sign_in("cara") as us, us.store.read() as s:
        assert s.execute(select(ExchangedPackage.receipt_at)).scalar_one() is None
    # The package's own sender cannot pass a receipt off at Musanze for the package Musanze
    # received from it: a receipt is for a package this agency sent.
    back = {
        **manifest,
        "sender": built.package().manifest["sender"],
        "recipient": {"code": "MUS", "name": "Musanze District Office"},
    }
    data = packages.encrypt_to(
        packages.build(back, {}, built.keys["KGL"]), built.keys["MUS"].age_recipient
    )
    refusal = "for a package this agency did not send"
    with mus.sign_in("cara") as us, pytest.raises(PackageError, match=refusal):
        exchange.import_package(us, data)


# -- the same child here ---------------------------------------------------------------------------


def _register(agency: Agency, who: str, **answers: object) -> str:
    with agency.sign_in(who) as us:
        return case_forms.register_with_forms(
            us, {"registration": {**registration(), **answers}, "consent": consent(HEALTH_CENTRE)}
        ).uuid


BORN = date(date.today().year - 9, 3, 14).isoformat()
OTHER_DAY = date(date.today().year - 7, 1, 2).isoformat()
GRANDMOTHER = [{"name": "Mama  Wánjiru", "relationship": "grandmother"}]


@pytest.mark.parametrize(
    ("ours", "theirs", "same"),
    [
        ({}, {}, True),  # the same names and date of birth
        ({"given_name": " zawadi ", "family_name": "WANJIRU"}, {}, True),  # spelled alike
        ({"family_name": "Otieno"}, {}, True),  # the same given name and date of birth
        ({"birth_date": {"date": OTHER_DAY, "estimated": True}}, {}, True),  # same names
        (
            {"family_name": "Otieno", "birth_date": {"date": OTHER_DAY, "estimated": True}},
            {},
            False,
        ),
        ({"given_name": "Amina"}, {}, False),  # another child of the same family and age
        # The same date of birth and one of the same caregivers: a name spelled another way.
        (
            {"given_name": "Zawadia", "caregivers": GRANDMOTHER},
            {"caregivers": [{"name": "mama wanjiru", "relationship": "grandmother"}]},
            True,
        ),
        (
            {"given_name": "Zawadia", "caregivers": GRANDMOTHER},
            {"caregivers": [{"name": "Baba Otieno", "relationship": "uncle"}]},
            False,
        ),
        (
            {"given_name": "Zawadia", "caregivers": GRANDMOTHER},
            {},  # the package names no caregiver
            False,
        ),
        (  # another given name altogether: found by the date of birth alone, then the caregiver
            {"given_name": "Neema", "caregivers": GRANDMOTHER},
            {"caregivers": [{"name": "mama wanjiru", "relationship": "grandmother"}]},
            True,
        ),
        (
            {
                "given_name": "Zawadia",
                "caregivers": GRANDMOTHER,
                "birth_date": {"date": OTHER_DAY, "estimated": True},
            },
            {"caregivers": GRANDMOTHER},
            False,  # the same caregiver, another age: another child of the family
        ),
    ],
)
def test_a_child_who_may_already_have_a_case_here_is_named_before_importing(
    built, mus, ours, theirs, same
):
    here = _register(mus, "cara", **ours)
    sent = built.package()
    record = sent.record()
    if theirs:
        for f in record["forms"]:
            if f["form_id"] == "registration":
                f["answers"] = {**f["answers"], **theirs}
    data = sent.signed(record)
    with mus.sign_in("cara") as us:
        number = cases.open_case(us, here).row.case_number
        row = cases.open_case(us, here).row
        name = f"{row.given_name} {row.family_name}"
        preview, _ = exchange.open_package(us, data)
        assert preview.duplicates == ([(number, name)] if same else [])
        if same:
            with pytest.raises(PackageError) as caught:
                exchange.import_package(us, data)
            assert caught.value.message == (
                f"This child may already have a case here: {number} ({name}). Check before "
                "importing; import as a new case only if it is another child."
            )
            with us.store.read() as s:  # nothing imported
                assert s.execute(select(func.count()).select_from(Case)).scalar_one() == 1
            done = exchange.import_package(us, data, accept_duplicates=True)
        else:
            done = exchange.import_package(us, data)
    assert not done.already and case_count(mus) == 2


def test_a_child_held_by_another_team_is_not_named_but_stops_the_import(built, mus):
    _register(mus, "cleo")  # Tess's team: not Cara's to see
    with mus.sign_in("cara") as us:
        preview, _ = exchange.open_package(us, built.data)
        assert (preview.duplicates, preview.hidden_duplicates) == ([], 1)
        with pytest.raises(PackageError) as caught:
            exchange.import_package(us, built.data)
        assert caught.value.message == exchange.HIDDEN_MATCH
        refused = _events(us, "package.import_refused")
        previewed = _events(us, "package.previewed")
    pid = built.package().manifest["package_id"]
    assert refused == [(None, f"transfer from KGL: {pid}, a possible match in a case not visible")]
    assert previewed == [
        (None, f"transfer from KGL: {pid}, 0 possible matches shown, 1 not visible")
    ]
    assert case_count(mus) == 1
    with mus.sign_in("cara") as us:  # after asking the supervisor
        assert not exchange.import_package(us, built.data, accept_duplicates=True).already
    assert case_count(mus) == 2


def test_the_caregivers_compared_are_those_of_the_senders_latest_registration(built, mus):
    """A registration corrected at the sending office: the caregiver its latest revision names
    is the one compared, wherever that revision lies in the package."""
    here = _register(mus, "cara", given_name="Zawadia", caregivers=GRANDMOTHER)
    sent = built.package()
    record = sent.record()
    (first,) = [f for f in record["forms"] if f["form_id"] == "registration"]
    uncle = [{"name": "Baba Otieno", "relationship": "uncle"}]
    first["answers"] = {**first["answers"], "caregivers": uncle}
    corrected = {
        **first,
        "revision": first["revision"] + 1,
        "answers": {**first["answers"], "caregivers": GRANDMOTHER},
    }
    record["forms"].append(corrected)
    with mus.sign_in("cara") as us:
        row = cases.open_case(us, here).row
        preview, _ = exchange.open_package(us, sent.signed(record))
    assert preview.duplicates == [(row.case_number, f"{row.given_name} {row.family_name}")]


def test_the_administrators_log_counts_every_match_another_team_holds(built, mus):
    _register(mus, "cleo")
    _register(mus, "cleo", family_name="Otieno")  # the same given name and date of birth
    with mus.sign_in("cara") as us:
        preview, _ = exchange.open_package(us, built.data)
        assert (preview.duplicates, preview.hidden_duplicates) == ([], 2)
        previewed = _events(us, "package.previewed")
    pid = built.package().manifest["package_id"]
    assert previewed == [
        (None, f"transfer from KGL: {pid}, 0 possible matches shown, 2 not visible")
    ]


def test_a_package_anyone_can_make_does_not_tell_whether_another_team_has_the_child(built, mus):
    _register(mus, "cleo")
    data = _stranger(built)
    with mus.sign_in("sam") as us:  # Sam leads the other team
        preview, _ = exchange.open_package(us, data)
        assert (preview.duplicates, preview.hidden_duplicates) == ([], 0)
        # The administrator's log holds the true count.
        assert _events(us, "package.previewed")[-1][1].endswith(
            "0 possible matches shown, 1 not visible (not said: unknown sender)"
        )


def test_a_package_can_be_added_beside_a_case_already_here(built, mus):
    here = _register(mus, "cara")
    theirs = _register(mus, "cleo", given_name="Zawadia")
    with mus.sign_in("cara") as us:
        with pytest.raises(PermissionDenied):  # Cleo's case is not Cara's to add to
            exchange.import_package(us, built.data, link_to=theirs)
        done = exchange.import_package(us, built.data, link_to=here)
        assert (done.case_uuid, done.already) == (here, False)
        history = cases.case_history(us, here)
    assert case_count(mus) == 2
    linked = [h.summary for h in history if h.action == "package.imported"]
    assert len(linked) == 1 and linked[0].startswith("transfer from KGL (linked): ")
    with mus.sign_in("cara") as us, us.store.read() as s:
        case_id = s.execute(select(Case.id).where(Case.uuid == here)).scalar_one()
        assert s.execute(
            select(func.count()).select_from(ReceivedEvent).where(ReceivedEvent.case_id == case_id)
        ).scalar_one() == len(built.package().record()["history"])


# -- damage its sender's software could have written -------------------------------------------------


def _case(record: dict, **changes: object) -> dict:
    record["case"] = {**record["case"], **changes}
    return record


def _first_form(record: dict, which: str, **changes: object) -> dict:
    for f in record["forms"]:
        if f["form_id"] == which:
            f.update(changes)
            return record
    raise AssertionError(which)


_NOTE = {
    "number": 1,
    "revision": 1,
    "happened_on": "2026-01-02",
    "kind": "home_visit",
    "text": "Visited the grandmother.",
    "written_at": "2026-01-02T10:00:00+00:00",
}
# Approved and not ended: the child lives there now.
_PLACEMENT = {"kind": "residential_care", "state": "approved", "start_date": "2026-01-01"}


def _signed_copy(record: dict, version: int) -> dict:
    scan = next(iter(record["signed_copies"] or [{}]), {})
    return {
        "entry": scan.get("entry", "documents/transfer-form.pdf"),
        "sha256": scan.get("sha256", ""),
        "document": {"kind": "care_plan", "version": version, "code": "Z1"},
    }


def _registration_answers(record: dict) -> dict:
    return next(f for f in record["forms"] if f["form_id"] == "registration")["answers"]


@pytest.mark.parametrize(
    ("detail", "damage"),
    [
        ("case.json format", lambda r: {**r, "format": 2}),
        ("case", lambda r: {**r, "case": ["not", "a", "case"]}),
        ("case: The child's given name is required.", lambda r: _case(r, given_name="")),
        (
            "forms: registration.sex",
            lambda r: _first_form(
                r, "registration", answers={**_registration_answers(r), "sex": "dragon"}
            ),
        ),
        (  # a caregiver's name longer than anyone could type, inside the list of caregivers
            "forms: registration.caregivers",
            lambda r: _first_form(
                r,
                "registration",
                answers={
                    **_registration_answers(r),
                    "caregivers": [{"name": "x" * (TEXT_LIMIT + 1)}],
                },
            ),
        ),
        (
            "forms",
            lambda r: _first_form(r, "registration", form_id="closure"),
        ),
        # What the package's schema refuses, named by where it is.
        ("forms.0.instance", lambda r: _first_form(r, "registration", instance="first")),
        ("stage_moves.0.from", lambda r: {**r, "stage_moves": [{"how": "moved"}]}),
        ("approvals.0.kind", lambda r: {**r, "approvals": [{"state": "approved"}]}),
        ("history.0.at", lambda r: {**r, "history": [{"summary": "no time, no action"}]}),
        # One record twice, each shape fine: the store's own rules would have stopped it with a
        # database error in place of this message.
        ("forms: one entry twice", lambda r: {**r, "forms": r["forms"] + r["forms"][:1]}),
        ("conferences: one entry twice", lambda r: {**r, "conferences": [{"number": 1}] * 2}),
        ("contact_notes: one entry twice", lambda r: {**r, "contact_notes": [_NOTE] * 2}),
        (
            "signed_copies: one document code for two versions",
            lambda r: {**r, "signed_copies": [_signed_copy(r, 1), _signed_copy(r, 2)]},
        ),
        ("records", lambda r: {**r, "placements": [_PLACEMENT, {**_PLACEMENT, "carer": "B"}]}),
        (
            "records",
            lambda r: {**r, "placements": [{**_PLACEMENT, "end_date": "2025-12-31"}]},
        ),
        # Times at the end of the calendar: a deadline or a time zone on them overflowed.
        ("records", lambda r: _case(r, registered_at="9999-12-31T23:59:59+00:00")),
        (
            "forms",
            lambda r: _first_form(r, "registration", submitted_at="9999-12-31T23:59:59-05:00"),
        ),
        (
            "records",
            lambda r: {**r, "placements": [{**_PLACEMENT, "proposed_at": "9999-12-31T23:00:00"}]},
        ),
    ],
)
def test_a_signed_package_with_damaged_records_is_refused_and_imports_nothing(
    built, mus, detail, damage
):
    sent = built.package()
    data = sent.signed(damage(sent.record()))
    with mus.sign_in("cara") as us, pytest.raises(PackageError) as caught:
        exchange.import_package(us, data)
    assert caught.value.params.get("detail") == detail, caught.value.message
    assert caught.value.text == packages.DAMAGED  # the person is told the file is damaged
    assert case_count(mus) == 0


def test_a_package_of_another_kind_is_refused(built, mus):
    data = built.package().signed(kind="notice")
    with mus.sign_in("cara") as us, pytest.raises(PackageError) as caught:
        exchange.import_package(us, data)
    assert caught.value.params.get("detail") == "kind"
    assert case_count(mus) == 0


def test_a_signed_copy_that_is_not_the_one_its_record_names_is_refused(built, mus):
    sent = built.package()
    record = sent.record()
    record["signed_copies"] = [
        {
            "entry": "documents/transfer-form.pdf",
            "sha256": "0" * 64,
            "document": {"kind": "transfer_form", "version": 1, "code": "X"},
        }
    ]
    with mus.sign_in("cara") as us, pytest.raises(PackageError) as caught:
        exchange.import_package(us, sent.signed(record))
    assert caught.value.params.get("detail") == "attachment documents/transfer-form.pdf"
    assert case_count(mus) == 0


PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def _with(sent: SentPackage, record: dict, **files: bytes) -> bytes:
    """The package made again with `record` and more files (entry name: bytes)."""
    return replace(sent, entries={**sent.entries, **files}).signed(record)


def _copy_of(entry: str, data: bytes, version: int = 1, **more: object) -> dict:
    document = {"kind": "care_plan", "version": version, "code": "Z1"}
    return {"entry": entry, "sha256": packages.sha256(data), "document": document, **more}


def test_a_signed_copy_is_what_its_bytes_are_never_what_the_sender_says(built, mus):
    """A page of HTML named a PDF, or a picture said to be HTML: the window would hand the
    stored type to a viewer. Bytes that are no PDF, JPEG or PNG are a damaged package; the
    rest are kept as what they are."""
    sent = built.package()
    record = sent.record()
    html = b"<html><script>alert(1)</script></html>"
    record["signed_copies"] = [_copy_of("documents/scan.pdf", html, media_type="application/pdf")]
    with mus.sign_in("cara") as us, pytest.raises(PackageError) as caught:
        exchange.import_package(us, _with(sent, record, **{"documents/scan.pdf": html}))
    assert caught.value.params.get("detail") == "attachment documents/scan.pdf"
    assert case_count(mus) == 0
    record["signed_copies"] = [_copy_of("documents/scan.pdf", PNG, media_type="text/html")]
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, _with(sent, record, **{"documents/scan.pdf": PNG}))
        with us.store.read() as s:
            kept = s.execute(select(SignedCopy.media_type, SignedCopy.case_id)).all()
            case_id = s.execute(select(Case.id).where(Case.uuid == done.case_uuid)).scalar_one()
    assert kept == [("image/png", case_id)]


def test_attachments_this_agencys_rules_keep_out_are_named_and_the_case_still_arrives(built, mus):
    """Musanze keeps no photos of children and nothing above 1 MB; Kigali sent both. The
    child's case must still arrive (a transfer is not held up for a file), without them, and
    the person importing is told which files stayed with the sender."""
    from desktop import attachments

    with mus.sign_in("admin") as us:
        attachments.save_attachment_rules(us, attachments.AttachmentRules(max_mb=1))
    big = b"%PDF-1.4\n" + b"A" * (1024 * 1024)
    letter = b"%PDF-1.4\na letter from the school"
    at_the_limit = b"%PDF-1.4\n" + b"B" * (1024 * 1024 - 9)  # 1 MB exactly: allowed
    files = {
        "attachments/1.png": PNG,
        "attachments/2.pdf": big,
        "attachments/3.pdf": letter,
        "attachments/4.pdf": at_the_limit,
    }
    kinds = {"attachments/1.png": "photo_of_child", "attachments/2.pdf": "medical_report"}
    sent = built.package()
    record = sent.record()
    record["attachments"] = [
        {
            "entry": entry,
            "sha256": packages.sha256(data),
            "kind": kinds.get(entry, "letter"),
            "file_name": f"file-{i}",
        }
        for i, (entry, data) in enumerate(files.items(), 1)
    ]
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, _with(sent, record, **files))
        kept = attachments.case_attachments(us, done.case_uuid)
        (imported,) = _events(us, "package.imported")
    assert done.left_out == ("file-1", "file-2")
    assert sorted((a.kind, a.file_name, a.size) for a in kept) == [
        ("letter", "file-3", len(letter)),
        ("letter", "file-4", 1024 * 1024),
    ]
    assert imported[1].endswith("; 2 attachments left out by the agency's rules")


def test_an_attachment_arrives_with_the_date_description_and_time_its_sender_gave_it(built, mus):
    """What a caseworker wrote about a file (its date, what it is, when it was added) arrives as
    written; a kind this agency does not know is "other"; a file without a name keeps its entry's
    name in the package."""
    from desktop import attachments

    letter = b"%PDF-1.4\na letter from the school"
    report = b"%PDF-1.4\na report in a kind not known here"
    sent = built.package()
    record = sent.record()
    record["attachments"] = [
        {
            "entry": "attachments/1.pdf",
            "sha256": packages.sha256(letter),
            "kind": "letter",
            "file_name": "school-letter.pdf",
            "document_date": "2026-03-02",
            "description": "The head teacher on Zawadi's attendance",
            "added_at": "2026-03-04T09:15:00+00:00",
        },
        {"entry": "attachments/2.pdf", "sha256": packages.sha256(report), "kind": "x-ray"},
    ]
    files = {"attachments/1.pdf": letter, "attachments/2.pdf": report}
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, _with(sent, record, **files))
        kept = attachments.case_attachments(us, done.case_uuid)
    assert done.left_out == ()
    (unknown,) = [a for a in kept if a.file_name == "attachments/2.pdf"]
    assert sorted(
        (a.kind, a.file_name, a.document_date, a.description, a.added_at, a.size) for a in kept
    ) == [
        (
            "letter",
            "school-letter.pdf",
            date(2026, 3, 2),
            "The head teacher on Zawadi's attendance",
            datetime(2026, 3, 4, 9, 15, tzinfo=UTC),
            len(letter),
        ),
        ("other", "attachments/2.pdf", None, "", unknown.added_at, len(report)),
    ]
    assert datetime.now(UTC) - unknown.added_at < timedelta(minutes=5)  # no time given: now


@pytest.mark.parametrize("photos_kept", [False, True])
def test_a_photo_of_the_child_sent_as_a_signed_copy_too_follows_the_agencys_photo_rule(
    built, mus, photos_kept
):
    """Where photos of children are not kept (Musanze's rule by default), the same picture sent
    as an attachment and as a signed copy is left out as both: it was left out as one and
    stored as the other. Where they are kept, both arrive."""
    from desktop import attachments

    if photos_kept:
        with mus.sign_in("admin") as us:
            attachments.save_attachment_rules(us, attachments.AttachmentRules(photos_allowed=True))
    sent = built.package()
    record = sent.record()
    record["attachments"] = [
        {"entry": "attachments/1.png", "sha256": packages.sha256(PNG), "kind": "photo_of_child",
         "file_name": "child.png"},
    ]  # fmt: skip
    record["signed_copies"] = [_copy_of("documents/scan.pdf", PNG, file_name="signed.png")]
    data = _with(sent, record, **{"attachments/1.png": PNG, "documents/scan.pdf": PNG})
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, data)
        kept = [a.file_name for a in attachments.case_attachments(us, done.case_uuid)]
        with us.store.read() as s:
            copies = s.execute(select(SignedCopy.file_name)).scalars().all()
    if photos_kept:
        assert (done.left_out, kept, copies) == ((), ["child.png"], ["signed.png"])
    else:
        assert (done.left_out, kept, copies) == (("signed.png", "child.png"), [], [])


def test_a_case_coming_back_does_not_file_its_own_signed_copy_twice(built, mus):
    """A linked case may already hold the printed document a received signed copy belongs to,
    and that very copy (the case went out and came back): it is not filed twice; the same code
    for another version of the document is a damaged package."""
    here = _register(mus, "cara")
    sent = built.package()
    with mus.sign_in("cara") as us, us.store.write() as s:
        case_id = s.execute(select(Case.id).where(Case.uuid == here)).scalar_one()
        s.add(
            PrintedDocument(
                case_id=case_id,
                kind="care_plan",
                version=1,
                code="Z1",
                language="en",
                printed_at=datetime.now(UTC),
            )
        )
    record = sent.record()
    with mus.sign_in("cara") as us, us.store.write() as s:  # Musanze filed that copy already
        s.add(
            SignedCopy(
                case_id=case_id,
                document_id=s.execute(select(PrintedDocument.id)).scalar_one(),
                file_name="scan.png",
                media_type="image/png",
                size=len(PNG),
                sha256=packages.sha256(PNG),
                data=PNG,
                added_at=datetime.now(UTC),
            )
        )
    # That copy, and a second scan of the same paper Musanze does not hold yet.
    record["signed_copies"] = [
        _copy_of("documents/scan.pdf", PNG),
        _copy_of("documents/again.pdf", SCAN),
    ]
    files = {"documents/scan.pdf": PNG, "documents/again.pdf": SCAN}
    with mus.sign_in("cara") as us:
        exchange.import_package(us, _with(sent, record, **files), link_to=here)
        with us.store.read() as s:
            filed = s.execute(
                select(SignedCopy.case_id, SignedCopy.document_id, SignedCopy.sha256)
            ).all()
            printed = s.execute(
                select(PrintedDocument.id).where(PrintedDocument.case_id == case_id)
            ).all()
    assert len(printed) == 1
    assert filed == [
        (case_id, printed[0][0], packages.sha256(PNG)),
        (case_id, printed[0][0], packages.sha256(SCAN)),
    ]
    record["signed_copies"] = [_copy_of("documents/scan.pdf", PNG, version=2)]  # Z1 again
    another = replace(sent, entries={**sent.entries, "documents/scan.pdf": PNG})
    with mus.sign_in("cara") as us, pytest.raises(PackageError) as caught:
        exchange.import_package(us, another.signed(record, package_id=str(uuid4())), link_to=here)
    assert caught.value.params.get("detail") == "signed_copies: a document code already used here"


# -- everything the sender wrote arrives -----------------------------------------------------------

SCAN = b"%PDF-1.4 a signed closure plan, scanned"


def _carried(record: dict) -> dict:
    """The record with one of everything a case carries besides its forms, each field set to
    something other than its default, in the format `case_records` writes."""
    reg = next(f for f in record["forms"] if f["form_id"] == "registration")
    ref = [reg["form_id"], reg["instance"], reg["revision"]]
    plan = max(
        (f for f in record["forms"] if f["form_id"] == "case_plan"), key=lambda f: f["revision"]
    )
    last_action = len(plan["answers"]["actions"]) - 1  # the plan's last action
    record["case"] = {
        **record["case"],
        "birth_date_estimated": True,
        "registration_place": "Gisozi health centre",
        "risk": "high",
        "registered_at": "2026-01-05T08:30:00",  # no zone: UTC
    }
    record["approvals"] = [
        {
            "kind": "closure",
            "submission": ref,
            "state": "returned",
            "requested_at": "2026-02-01T09:00:00+02:00",
            "decided_at": "2026-02-02T10:30:00+00:00",
            "comment": "See the school first.",
        },
        {"kind": "case_plan", "state": "pending"},  # no submission, no times
    ]
    record["stage_moves"] = [
        {"at": "2026-01-06T07:00:00+00:00", "how": "form", "from": "registered", "to": "screened"},
        {"how": "back", "from": "screened", "to": "registered", "reason": "Wrong child."},
    ]
    record["plan_action_updates"] = [
        {
            "submission": ref,
            "action_index": 2,
            "status": "done",
            "note": "Enrolled.",
            "at": "2026-03-01T12:00:00+00:00",
        },
        {"submission": ["registration", 9, 9], "action_index": 0, "status": "done"},  # no such
        {"submission": ref, "action_index": 0, "status": "in_progress"},  # no note, no time
    ]
    record["conferences"] = [
        {
            "number": 1,
            "scheduled_at": "2026-03-10T09:00:00+00:00",
            "place": "Sector office",
            "chair": "Sam Supervisor",
            "purpose": "review",
            "purpose_other": "",
            "state": "cancelled",
            "cancel_reason": "The family moved.",
        },
        {"number": 2},  # what an older sender wrote: every default
        {"number": 3, "purpose": "other", "purpose_other": "A meeting at the school"},
    ]
    record["conference_actions"] = [
        {
            "conference": 1,
            "action": "Visit the school",
            "owner": "Cara",
            "organisation": "Sector education office",
            "ours": True,
            "due": "2026-04-01",
            "status": "in_progress",
            "plan": [plan["form_id"], plan["instance"], plan["revision"]],
            "plan_index": last_action,
        },
        {"conference": 7, "action": "Of a conference that did not come"},
        {"conference": 2, "action": "Call the aunt"},
    ]
    record["signed_copies"] = [
        {
            "entry": "documents/closure-scan.pdf",
            "file_name": "closure signed.pdf",
            "media_type": "application/pdf",
            "size": len(SCAN),
            "sha256": packages.sha256(SCAN),
            "document": {"kind": "closure", "version": 2, "code": "2BF9-FC25", "language": "fr"},
            "added_at": "2026-03-02T08:00:00+00:00",
        },
        {  # the same paper scanned again: one printed document, two copies
            "entry": "documents/closure-scan.pdf",
            "sha256": packages.sha256(SCAN),
            "document": {"kind": "closure", "version": 2, "code": "2BF9-FC25"},
        },
        {  # another document, its language not said, and a file name longer than ours hold
            "entry": "documents/closure-scan.pdf",
            "file_name": "p" * 250,
            "sha256": packages.sha256(SCAN),
            "document": {"kind": "care_plan", "version": 1, "code": "7C1E-0A2B"},
        },
    ]
    record["history"] = [
        {
            "at": "2026-01-05T08:30:00+00:00",
            "username": "cara",
            "action": "case.registered",
            "summary": "KGL-2026-0001",
        },
        {"at": "2026-01-06T07:00:00+00:00", "action": "case.viewed"},
        {"at": "2026-01-07T07:00:00.000000000+00:00 (sender's clock)", "username": "u" * 120,
         "action": "a" * 70},  # longer than the columns kept of a sender's history
    ]  # fmt: skip
    return record


def _rows(s, model, case_id: int, *columns: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    found = s.execute(select(model).where(model.case_id == case_id).order_by(model.id)).scalars()
    return [tuple(getattr(row, c) for c in columns) for row in found]


def test_a_case_sent_with_little_said_about_the_child_arrives_with_nothing_made_up(built, mus):
    """Another agency's software may leave out what it does not hold (the family name, the sex,
    where the child lives) or write a risk level Ulinzi does not have: the case arrives with
    those empty ("unknown" sex, no risk level), never with a value nobody wrote."""
    sent = built.package()
    record = sent.record()
    for gone in ("family_name", "sex", "location", "registration_place"):
        record["case"].pop(gone, None)
    record = _case(record, risk="extreme")
    data = sent.signed(record)
    with mus.sign_in("cara") as us:
        preview, _ = exchange.open_package(us, data)
        assert preview.child_name == record["case"]["given_name"]  # no family name to show
        done = exchange.import_package(us, data)
        with us.store.read() as s:
            case = s.execute(select(Case).where(Case.uuid == done.case_uuid)).scalar_one()
            arrived = (
                case.family_name,
                case.sex,
                case.location,
                case.registration_place,
                case.risk,
            )
    assert arrived == ("", "unknown", "", "", None)


@pytest.mark.parametrize("risk", ["high", "medium", "low"])
def test_each_risk_level_arrives_as_the_sender_assessed_it(built, mus, risk):
    sent = built.package()
    data = sent.signed(_case(sent.record(), risk=risk))
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, data)
        with us.store.read() as s:
            case = s.execute(select(Case).where(Case.uuid == done.case_uuid)).scalar_one()
            assert case.risk == risk


def test_a_received_cases_contact_notes_and_placements_arrive_as_the_sender_wrote_them(built, mus):
    """The notes of the sender's contacts with the family, and where the child has lived, come
    with the case: written by the sender's staff (named, at the sending agency), and the
    placement with no facility of this agency."""
    sent = built.package()
    record = sent.record()
    record["contact_notes"] = [
        {
            "number": 1,
            "revision": 2,
            "happened_on": "2026-02-01",
            "kind": "home_visit",
            "contact": "The aunt",
            "text": "The aunt can host the child.",
            "author": "Cara Caseworker",
            "written_at": "2026-02-01T15:00:00+00:00",
        }
    ]
    record["placements"] = [
        {
            "kind": "kinship_formal",
            "state": "approved",
            "carer": "Aunt Neema",
            "address": "Kinigi sector",
            "start_date": "2026-02-03",
        }
    ]
    data = sent.signed(record)
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, data)
        with us.store.read() as s:
            case_id = s.execute(select(Case.id).where(Case.uuid == done.case_uuid)).scalar_one()
            notes = _rows(
                s, ContactNote, case_id, "number", "revision", "happened_on", "kind", "contact",
                "text", "author_name", "agency_code", "written_at",
            )  # fmt: skip
            placed = _rows(
                s, Placement, case_id, "kind", "state", "carer", "address", "start_date",
                "facility_id",
            )  # fmt: skip
    assert notes == [
        (1, 2, date(2026, 2, 1), "home_visit", "The aunt", "The aunt can host the child.",
         "Cara Caseworker", "KGL", datetime(2026, 2, 1, 15, 0, tzinfo=UTC)),
    ]  # fmt: skip
    assert placed == [
        ("kinship_formal", "approved", "Aunt Neema", "Kinigi sector", date(2026, 2, 3), None)
    ]


def test_a_received_forms_instance_changes_and_time_are_the_senders(built, mus):
    """A form arrives as the sender saved it: which instance of a repeated form it is, which
    answers its revision changed, and when it was saved (not when it was imported)."""
    sent = built.package()
    record = _first_form(
        sent.record(),
        "referral",  # repeatable: one instance per referral
        instance=2,
        changed=["service", "organisation"],
        submitted_at="2026-01-05T08:45:00+00:00",
    )
    data = sent.signed(record)
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, data)
        (referral,) = [
            f for f in case_forms.case_submissions(us, done.case_uuid) if f.form_id == "referral"
        ]
    assert (
        referral.instance,
        referral.changed,
        referral.submitted_at,
    ) == (2, ("service", "organisation"), datetime(2026, 1, 5, 8, 45, tzinfo=UTC))


def test_everything_a_received_case_carries_arrives_as_its_sender_wrote_it(built, mus):
    sent = built.package()
    record = _carried(sent.record())
    consent_form = max(
        (f for f in record["forms"] if f["form_id"] == "consent"), key=lambda f: f["revision"]
    )
    del consent_form["submitted_at"]  # no time given: the time it arrived
    data = _with(sent, record, **{"documents/closure-scan.pdf": SCAN})
    utc = UTC
    arrived = datetime.now(UTC)
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, data)
        with us.store.read() as s:
            case = s.execute(select(Case).where(Case.uuid == done.case_uuid)).scalar_one()
            forms = {
                f.id: (f.form_id, f.instance, f.revision)
                for f in s.execute(
                    select(FormSubmission).where(FormSubmission.case_id == case.id)
                ).scalars()
            }
            form = forms.get
            submitted = s.execute(
                select(FormSubmission.submitted_at).where(
                    FormSubmission.case_id == case.id,
                    FormSubmission.form_id == "consent",
                    FormSubmission.instance == consent_form["instance"],
                    FormSubmission.revision == consent_form["revision"],
                )
            ).scalar_one()
            assert arrived <= submitted <= datetime.now(UTC)
            assert (
                case.birth_date_estimated,
                case.registration_place,
                case.risk,
                case.registered_at,
            ) == (True, "Gisozi health centre", "high", datetime(2026, 1, 5, 8, 30, tzinfo=utc))
            approvals = _rows(
                s, Approval, case.id, "kind", "submission_id", "state", "requested_by",
                "decided_by", "requested_at", "decided_at", "comment",
            )  # fmt: skip
            assert [(a[0], form(a[1]), *a[2:5], a[6], a[7]) for a in approvals] == [
                ("closure", ("registration", 1, 1), "returned", None, None,
                 datetime(2026, 2, 2, 10, 30, tzinfo=utc), "See the school first."),
                ("case_plan", None, "pending", None, None, None, ""),
            ]  # fmt: skip
            assert approvals[0][5] == datetime(2026, 2, 1, 7, 0, tzinfo=utc)
            assert approvals[1][5] is not None  # no time sent: the time it arrived
            moves = _rows(s, StageMove, case.id, "at", "how", "from_stage", "to_stage", "reason")
            assert moves[:2] == [
                (datetime(2026, 1, 6, 7, 0, tzinfo=utc), "form", "registered", "screened", ""),
                (moves[1][0], "back", "screened", "registered", "Wrong child."),
            ]
            assert moves[1][0] is not None
            assert (moves[2][1], moves[2][4]) == ("received", "KGL")  # from whom
            updates = _rows(
                s,
                PlanActionUpdate,
                case.id,
                "submission_id",
                "action_index",
                "status",
                "note",
                "at",
            )
            assert [(form(u[0]), *u[1:]) for u in updates] == [
                (("registration", 1, 1), 2, "done", "Enrolled.",
                 datetime(2026, 3, 1, 12, 0, tzinfo=utc)),
                (("registration", 1, 1), 0, "in_progress", "", updates[1][4]),
            ]  # fmt: skip
            assert arrived <= updates[1][4] <= datetime.now(UTC)
            conferences = _rows(
                s, Conference, case.id, "id", "number", "scheduled_at", "place", "chair",
                "purpose", "purpose_other", "state", "cancel_reason", "created_at",
            )  # fmt: skip
            assert [c[1:-1] for c in conferences] == [
                (1, datetime(2026, 3, 10, 9, 0, tzinfo=utc), "Sector office", "Sam Supervisor",
                 "review", "", "cancelled", "The family moved."),
                (2, conferences[1][2], "", "", "other", "", "scheduled", ""),
                (3, conferences[2][2], "", "", "other", "A meeting at the school", "scheduled",
                 ""),
            ]  # fmt: skip
            # Made here when it arrived.
            assert all(arrived <= c[-1] <= datetime.now(UTC) for c in conferences)
            number = {c[0]: c[1] for c in conferences}
            actions = _rows(
                s, ConferenceAction, case.id, "conference_id", "action", "owner", "organisation",
                "ours", "due", "status", "plan_submission_id", "plan_index",
            )  # fmt: skip
            plan = max(
                (f for f in record["forms"] if f["form_id"] == "case_plan"),
                key=lambda f: f["revision"],
            )
            assert [(number[a[0]], *a[1:7], form(a[7]), a[8]) for a in actions] == [
                (1, "Visit the school", "Cara", "Sector education office", True,
                 date(2026, 4, 1), "in_progress", ("case_plan", plan["instance"], plan["revision"]),
                 len(plan["answers"]["actions"]) - 1),  # the plan's last action
                (2, "Call the aunt", "", "", False, None, "not_started", None, None),
            ]  # fmt: skip
            printed = _rows(
                s, PrintedDocument, case.id, "id", "kind", "version", "code", "language"
            )
            assert [p[1:] for p in printed] == [
                ("closure", 2, "2BF9-FC25", "fr"),
                ("care_plan", 1, "7C1E-0A2B", "en"),  # no language said: English
            ]
            copies = _rows(
                s, SignedCopy, case.id, "document_id", "file_name", "media_type", "size",
                "sha256", "data", "added_at",
            )  # fmt: skip
            assert [c[:6] for c in copies] == [
                (printed[0][0], "closure signed.pdf", "application/pdf", len(SCAN),
                 packages.sha256(SCAN), SCAN),
                (printed[0][0], "documents/closure-scan.pdf", "application/pdf", len(SCAN),
                 packages.sha256(SCAN), SCAN),  # the type its bytes are, not one it was told
                (printed[1][0], "p" * 200, "application/pdf", len(SCAN), packages.sha256(SCAN),
                 SCAN),  # the first 200 characters of its name
            ]  # fmt: skip
            assert copies[0][6] == datetime(2026, 3, 2, 8, 0, tzinfo=utc)
            history = _rows(
                s, ReceivedEvent, case.id, "package_id", "agency_code", "at", "username",
                "action", "summary",
            )  # fmt: skip
            assert history == [
                (sent.manifest["package_id"], "KGL", "2026-01-05T08:30:00+00:00", "cara",
                 "case.registered", "KGL-2026-0001"),
                (sent.manifest["package_id"], "KGL", "2026-01-06T07:00:00+00:00", "",
                 "case.viewed", ""),
                (sent.manifest["package_id"], "KGL", "2026-01-07T07:00:00.000000000+00",
                 "u" * 100, "a" * 60, ""),  # as much as the columns keep
            ]  # fmt: skip


def test_a_package_locked_with_a_passphrase_opens_and_imports_with_it(built, mus):
    sent = built.package()
    phrase = "blue river seven lanterns"
    data = packages.encrypt_with_passphrase(
        packages.build(sent.manifest, sent.entries, sent.sender), phrase
    )
    with mus.sign_in("cara") as us:
        preview, _ = exchange.open_package(us, data, passphrase=phrase)
        assert (preview.sender_code, preview.package_id) == ("KGL", sent.manifest["package_id"])
        done = exchange.import_package(us, data, passphrase=phrase)
    assert done.case_number.startswith("MUS-") and case_count(mus) == 1


# -- what a sender may leave out, or write in a way ours does not -----------------------------


@pytest.mark.parametrize(
    ("theirs", "here"),
    [
        ("full_assessment", "full_assessment"),  # the work goes on where it was
        ("transferred", "registered"),  # the sender's end of the case is not ours
        ("closed", "registered"),
        ("a stage of their own", "registered"),
        (None, "registered"),
    ],
)
def test_a_received_case_goes_on_at_the_senders_stage_or_starts_at_registration(
    built, mus, theirs, here
):
    sent = built.package()
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, sent.signed(_case(sent.record(), stage=theirs)))
        assert cases.open_case(us, done.case_uuid).row.stage == here


def test_a_received_case_has_the_next_action_and_tasks_of_what_it_carries(built, mus):
    """Worked out from its forms and stage as they arrived, not from the empty case made
    first: a case that came in at assessment is not asked to be registered again."""
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, built.data)
        with us.store.write() as s:
            case = s.execute(select(Case).where(Case.uuid == done.case_uuid)).scalar_one()

            def now() -> tuple:
                tasks = s.execute(
                    select(Task.kind, Task.due, Task.form_id, Task.assignee_id)
                    .where(Task.case_id == case.id)
                    .order_by(Task.kind, Task.form_id)
                ).all()
                return case.next_action, case.next_due, tasks

            arrived = now()
            case_state.refresh(s, case)
            assert now() == arrived
    assert arrived[0] != "initial_assessment"  # the assessment it carries is counted


def test_a_received_form_may_lack_answers_its_form_requires(built, mus):
    """A required answer left blank is history (the sender's form saved it, or its rules were
    others): the form arrives as it was, not as damage."""
    sent = built.package()
    record = _first_form(sent.record(), "consent", answers={})
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, sent.signed(record))
        forms = case_forms.case_submissions(us, done.case_uuid)
    assert "consent" in {f.form_id for f in forms}


def test_a_received_case_without_a_given_name_or_number_is_previewed_with_what_it_has(built, mus):
    """The import refuses a case without the child's given name (the registration requires
    it), but the preview shows what the package holds first: the family name alone, no number
    made up, and the matches a date of birth and caregiver find."""
    here = _register(mus, "cara", given_name="Neema", caregivers=GRANDMOTHER)
    sent = built.package()
    record = _case(sent.record(), case_number=None)
    del record["case"]["given_name"]
    for f in record["forms"]:
        if f["form_id"] == "registration":
            f["answers"] = {**f["answers"], "caregivers": GRANDMOTHER}
    with mus.sign_in("cara") as us:
        row = cases.open_case(us, here).row
        preview, _ = exchange.open_package(us, sent.signed(record))
        assert (preview.child_name, preview.case_number) == (record["case"]["family_name"], "")
        assert preview.duplicates == [(row.case_number, f"{row.given_name} {row.family_name}")]
        del record["case"]["birth_date"]  # nothing left to look a match up by
        preview, _ = exchange.open_package(us, sent.signed(record))
        assert (preview.duplicates, preview.hidden_duplicates) == ([], 0)
        assert _events(us, "package.previewed")[-1][1].endswith(
            "0 possible matches shown, 0 not visible"
        )


def test_a_case_matched_by_its_caregiver_is_compared_with_its_own_latest_registration(built, mus):
    """The caregiver a case here names is the one its latest registration revision names,
    read from that case's own forms: not an earlier revision, nor another case's."""
    uncle = [{"name": "Baba Otieno", "relationship": "uncle"}]
    here = _register(mus, "cara", given_name="Neema", caregivers=uncle)
    other = _register(mus, "cara", given_name="Amani", birth_date={"date": OTHER_DAY})
    with mus.sign_in("cara") as us:
        # Neema's registration corrected once, the other child's twice: the latest revisions
        # here are Neema's 2nd (her grandmother) and Amani's 3rd (her uncle).
        for uuid, caregivers in ((here, GRANDMOTHER), (other, uncle), (other, uncle)):
            latest = max(
                (f for f in case_forms.case_submissions(us, uuid) if f.form_id == "registration"),
                key=lambda f: f.revision,
            )
            case_forms.submit_form(
                us,
                uuid,
                "registration",
                {**latest.answers, "caregivers": caregivers},
                based_on=latest.revision,
                instance=latest.instance,
            )
        row = cases.open_case(us, here).row
    sent = built.package()
    record = sent.record()
    for f in record["forms"]:
        if f["form_id"] == "registration":
            f["answers"] = {**f["answers"], "caregivers": GRANDMOTHER}
    with mus.sign_in("cara") as us:
        preview, _ = exchange.open_package(us, sent.signed(record))
    assert preview.duplicates == [(row.case_number, f"{row.given_name} {row.family_name}")]


def test_a_package_this_office_sent_opened_here_is_not_taken_for_one_it_imported(built, tmp_path):
    """Kigali opens the very package it sent (locked with a passphrase): the preview must not
    say it was imported here already, which would hide what it holds."""
    kgl = built.store("KGL", tmp_path)
    sent = built.package()
    phrase = "blue river seven lanterns"
    data = packages.encrypt_with_passphrase(
        packages.build(sent.manifest, sent.entries, sent.sender), phrase
    )
    with kgl.sign_in("sam") as us:
        preview, _ = exchange.open_package(us, data, passphrase=phrase)
    assert (preview.package_id, preview.already_imported) == (sent.manifest["package_id"], False)


# -- the files a received case carries ------------------------------------------------------------


def test_a_signed_copy_of_20_mb_arrives_and_one_byte_more_stays_with_the_sender(built, mus):
    from desktop.documents import MAX_SIGNED_COPY_BYTES

    largest = b"%PDF-1.4\n" + b"S" * (MAX_SIGNED_COPY_BYTES - 9)
    too_large = largest + b"S"
    sent = built.package()
    record = sent.record()
    record["signed_copies"] = [
        _copy_of("documents/1.pdf", largest, file_name="largest.pdf"),
        _copy_of("documents/2.pdf", too_large, file_name="too-large.pdf"),
    ]
    files = {"documents/1.pdf": largest, "documents/2.pdf": too_large}
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, _with(sent, record, **files))
        with us.store.read() as s:
            kept = s.execute(select(SignedCopy.file_name, SignedCopy.size)).all()
    assert done.left_out == ("too-large.pdf",)
    assert kept == [("largest.pdf", MAX_SIGNED_COPY_BYTES)]


def test_each_file_left_out_is_named_by_its_name_or_else_its_place_in_the_package(built, mus):
    """Where photos are not kept: every signed copy and attachment left out is named, with the
    first 200 characters of a long name, or the entry's name when the sender gave none."""
    sent = built.package()
    record = sent.record()
    record["signed_copies"] = [
        _copy_of("documents/a.pdf", PNG),
        _copy_of("documents/b.pdf", PNG, file_name="s" * 250),
    ]
    record["attachments"] = [
        {"entry": "attachments/3.png", "sha256": packages.sha256(PNG), "kind": "photo_of_child"},
        {"entry": "attachments/4.png", "sha256": packages.sha256(PNG), "kind": "photo_of_child",
         "file_name": "t" * 250},
        {"entry": "attachments/5.pdf", "sha256": packages.sha256(SCAN), "kind": "letter",
         "file_name": "l" * 250},
    ]  # fmt: skip
    files = {f"documents/{n}.pdf": PNG for n in "ab"} | {
        "attachments/3.png": PNG,
        "attachments/4.png": PNG,
        "attachments/5.pdf": SCAN,
    }
    from desktop import attachments

    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, _with(sent, record, **files))
        kept = [a.file_name for a in attachments.case_attachments(us, done.case_uuid)]
    assert done.left_out == ("documents/a.pdf", "s" * 200, "attachments/3.png", "t" * 200)
    assert kept == ["l" * 200]


@pytest.mark.parametrize(
    ("files", "detail"),
    [
        ({}, "attachment attachments/1.pdf"),  # named in the record, not in the package
        ({"attachments/1.pdf": b"<html><script>alert(1)</script></html>"},
         "attachment attachments/1.pdf"),  # no PDF, JPEG or PNG
        ({"attachments/1.pdf": SCAN}, "records"),  # a document date no calendar of ours has
    ],
)  # fmt: skip
def test_an_attachment_that_is_not_what_its_record_says_is_refused(built, mus, files, detail):
    sent = built.package()
    record = sent.record()
    data = files.get("attachments/1.pdf", b"")
    record["attachments"] = [
        {"entry": "attachments/1.pdf", "sha256": packages.sha256(data), "kind": "letter",
         "document_date": "1850-01-01"},
    ]  # fmt: skip
    with mus.sign_in("cara") as us, pytest.raises(PackageError) as caught:
        exchange.import_package(us, _with(sent, record, **files))
    assert caught.value.params.get("detail") == detail
    assert caught.value.text == packages.DAMAGED
    assert case_count(mus) == 0


# -- receipts -------------------------------------------------------------------------------------


def test_a_receipt_that_does_not_say_when_is_recorded_at_the_time_it_arrives(built, mus, tmp_path):
    data = built.receipt(mus, lambda r: {**r, "received_at": None})
    kgl = built.store("KGL", tmp_path)
    before = datetime.now(UTC)
    with kgl.sign_in("cara") as us:
        exchange.import_package(us, data)
        with us.store.read() as s:
            at = s.execute(select(ExchangedPackage.receipt_at)).scalar_one()
    assert before <= at <= datetime.now(UTC)


def test_a_partners_receipt_for_a_package_locked_with_a_passphrase_is_recorded(
    built, mus, tmp_path
):
    """A package locked with a passphrase is sent to no agency of the address book (its
    record names none): the receipt of a partner who opened it is still recorded."""
    data = built.receipt(mus)
    kgl = built.store("KGL", tmp_path)
    with kgl.sign_in("cara") as us:
        with us.store.write() as s:  # as `export_case` records a package locked with a phrase
            s.execute(update(ExchangedPackage).values(agency_code=""))
        assert not exchange.import_package(us, data).already
        with us.store.read() as s:
            assert s.execute(select(ExchangedPackage.receipt_at)).scalar_one() is not None

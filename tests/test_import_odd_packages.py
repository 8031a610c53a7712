"""Packages a partner's software (or someone holding a partner's signing key) could write:
schema-valid but odd `case.json` content, odd manifests and odd receipts. Each is either refused
with a plain "damaged" message and nothing stored, or it arrives with nothing made up. The
tests of the refusals were written against defects an attack found (a crash with another
error, a value stored that no person could have typed here, a history filed under "None").

Kigali (KGL) exports Cara's approved transfer to Musanze (MUS) once per module; each test works
on fresh copies of the two stores.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from db.models import ExchangedPackage
from desktop import attachments, cases, exchange, packages
from desktop.packages import PackageError
from tests.conftest import Agency, case_count
from tests.stories import BuiltExchange, SentPackage

Built = BuiltExchange


def _case(record: dict, **changes: object) -> dict:
    record["case"] = {**record["case"], **changes}
    return record


def _registration(record: dict) -> dict:
    return next(f for f in record["forms"] if f["form_id"] == "registration")


def _with(sent: SentPackage, record: dict, **files: bytes) -> bytes:
    return replace(sent, entries={**sent.entries, **files}).signed(record)


def _refused(agency: Agency, data: bytes, *, preview: bool = True) -> PackageError:
    """The plain refusal of `data`, by the preview (when asked) and by the import."""
    with agency.sign_in("cara") as us:
        if preview:
            with pytest.raises(PackageError):
                exchange.open_package(us, data)
        with pytest.raises(PackageError) as caught:
            exchange.import_package(us, data)
    assert case_count(agency) == 0
    return caught.value


PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
PDF = b"%PDF-1.4 a signed care plan, scanned"


# -- handled: refused as damaged, or arriving as the sender wrote it ------------------------------


@pytest.mark.parametrize(
    ("detail", "damage"),
    [
        ("conferences.0.number", lambda r: {**r, "conferences": [{"number": True}]}),
        ("forms.0.revision", lambda r: {**r, "forms": [{**r["forms"][0], "revision": 10**6 + 1}]}),
        ("case.birth_date_estimated", lambda r: _case(r, birth_date_estimated="yes")),
        ("history.0.at", lambda r: {**r, "history": [{"at": None, "action": "case.opened"}]}),
        (
            "conference_actions.0.plan_index",
            lambda r: {**r, "conference_actions": [{"action": "Visit", "plan_index": True}]},
        ),
    ],
)
def test_booleans_nulls_and_huge_counts_are_refused_by_the_schema(built, mus, detail, damage):
    sent = built.package()
    refusal = _refused(mus, sent.signed(damage(sent.record())))
    assert (refusal.text, refusal.params.get("detail")) == (packages.DAMAGED, detail)


def test_a_given_name_of_search_syntax_is_previewed_and_imported_as_written(built, mus):
    name = '"* NEAR( OR -x^'
    sent = built.package()
    data = sent.signed(_case(sent.record(), given_name=name))
    with mus.sign_in("cara") as us:
        preview, _ = exchange.open_package(us, data)
        assert preview.child_name == f"{name} Wanjiru"
        exchange.import_package(us, data)
    assert case_count(mus) == 1


@pytest.mark.parametrize("stage", ["", "Closed", "closed "])
def test_a_stage_that_is_none_of_ours_starts_at_registration(built, mus, stage):
    sent = built.package()
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, sent.signed(_case(sent.record(), stage=stage)))
        assert cases.open_case(us, done.case_uuid).row.stage == "registered"


def test_an_attachment_of_kind_null_arrives_as_other(built, mus):
    sent = built.package()
    record = sent.record()
    record["attachments"] = [
        {"entry": "attachments/1.pdf", "sha256": packages.sha256(PDF), "kind": None}
    ]
    with mus.sign_in("cara") as us:
        done = exchange.import_package(us, _with(sent, record, **{"attachments/1.pdf": PDF}))
        kept = attachments.case_attachments(us, done.case_uuid)
    assert [(a.kind, a.size) for a in kept] == [("other", len(PDF))]


def test_one_code_for_two_kinds_of_document_files_each_copy_under_its_own(built, mus):
    """The store keeps a code once per kind of document: two kinds may share one."""
    from db.models import PrintedDocument, SignedCopy

    sent = built.package()
    record = sent.record()
    record["signed_copies"] = [
        {
            "entry": "attachments/1.pdf",
            "sha256": packages.sha256(PDF),
            "document": {"kind": "care_plan", "version": 1, "code": "Z1"},
        },
        {
            "entry": "attachments/2.png",
            "sha256": packages.sha256(PNG),
            "document": {"kind": "closure", "version": 2, "code": "Z1"},
        },
    ]
    files = {"attachments/1.pdf": PDF, "attachments/2.png": PNG}
    with mus.sign_in("cara") as us:
        exchange.import_package(us, _with(sent, record, **files))
        with us.store.read() as s:
            filed = s.execute(
                select(PrintedDocument.kind, PrintedDocument.version, SignedCopy.sha256)
                .join(SignedCopy, SignedCopy.document_id == PrintedDocument.id)
                .order_by(PrintedDocument.kind)
            ).all()
    assert filed == [
        ("care_plan", 1, packages.sha256(PDF)),
        ("closure", 2, packages.sha256(PNG)),
    ]


def test_a_partners_package_without_its_age_key_is_refused_and_imports_nothing(built, mus):
    sent = built.package()
    sender = {k: v for k, v in sent.manifest["sender"].items() if k != "age_recipient"}
    _refused(mus, sent.signed(sender=sender), preview=False)


# -- defects: crashes in the preview's duplicate search ---------------------------------------


@pytest.mark.parametrize("caregivers", [5, True])
def test_a_caregivers_answer_that_is_not_a_list_is_refused_plainly(built, mus, caregivers):
    sent = built.package()
    record = sent.record()
    _registration(record)["answers"]["caregivers"] = caregivers
    refusal = _refused(mus, sent.signed(record))
    assert refusal.params.get("detail") == "forms: registration.caregivers"


@pytest.mark.parametrize("born", ["9999-01-01", "1800-01-01"])
def test_a_birth_date_beyond_the_received_years_is_refused_plainly(built, mus, born):
    sent = built.package()
    refusal = _refused(mus, sent.signed(_case(sent.record(), birth_date=born)))
    assert (refusal.text, refusal.params.get("detail")) == (packages.DAMAGED, "case: birth_date")


@pytest.mark.parametrize(
    ("changes", "shown"),
    [({"family_name": None}, "Zawadi"), ({"given_name": None}, "Wanjiru")],
)
def test_a_null_name_is_previewed_blank_never_as_none(built, mus, changes, shown):
    sent = built.package()
    with mus.sign_in("cara") as us:
        preview, _ = exchange.open_package(us, sent.signed(_case(sent.record(), **changes)))
    assert preview.child_name == shown


# -- defects: values stored that no person could have typed here --------------------------------


@pytest.mark.parametrize("where", ["no plan", "past the plan's actions"])
def test_a_conference_actions_place_in_the_plan_is_one_the_plan_has(built, mus, where):
    """A place in the plan without a plan would count the action as in the plan here (hidden
    from the commitments, its status fixed); a place past the plan's actions names none."""
    sent = built.package()
    record = sent.record()
    plan = next(f for f in record["forms"] if f["form_id"] == "case_plan")
    ref = [plan["form_id"], plan["instance"], plan["revision"]]
    action = {"conference": 1, "action": "Visit the school", "plan_index": 0}
    if where != "no plan":
        action.update(plan=ref, plan_index=len(plan["answers"]["actions"]))
    record["conferences"] = [{"number": 1}]
    record["conference_actions"] = [action]
    refusal = _refused(mus, sent.signed(record), preview=False)
    assert refusal.params.get("detail") == "records"


def test_a_form_that_is_not_repeatable_is_refused_in_a_second_instance(built, mus):
    """This app saves a registration once per case (instance 1): a second one would be a second
    child's registration in one case."""
    sent = built.package()
    record = sent.record()
    second = {**_registration(record), "instance": 2}
    second["answers"] = {**second["answers"], "given_name": "Another"}
    record["forms"].append(second)
    refusal = _refused(mus, sent.signed(record), preview=False)
    assert refusal.params.get("detail") == "forms"


def test_a_contact_note_dated_beyond_the_received_years_is_refused(built, mus):
    sent = built.package()
    record = sent.record()
    record["contact_notes"] = [
        {
            "number": 1,
            "revision": 1,
            "happened_on": "9999-12-31",
            "kind": "home_visit",
            "text": "Visited.",
            "written_at": "2026-01-02T10:00:00+00:00",
        }
    ]
    refusal = _refused(mus, sent.signed(record), preview=False)
    assert refusal.params.get("detail") == "records"


# -- defects: a manifest without its package id -------------------------------------------------


def _without_package_id(sent: SentPackage) -> SentPackage:
    return replace(sent, manifest={k: v for k, v in sent.manifest.items() if k != "package_id"})


def test_a_package_without_an_id_is_refused_as_damaged(built, mus):
    """Its id is what "already imported", the receipt and the case's history go by."""
    sent = _without_package_id(built.package())
    refusal = _refused(mus, sent.signed())
    assert (refusal.text, refusal.params.get("detail")) == (packages.DAMAGED, "package_id")


def test_a_second_package_without_an_id_is_not_taken_for_the_first(built, mus):
    sent = _without_package_id(built.package())
    other = _case(sent.record(), given_name="Imani", birth_date="2015-01-01", uuid="other")
    for data in (sent.signed(), sent.signed(other)):
        _refused(mus, data)


# -- receipts ------------------------------------------------------------------------------------


def _receipt_at(kgl: Agency) -> list:
    with kgl.sign_in("admin") as us, us.store.read() as s:
        return s.execute(select(ExchangedPackage.receipt_at)).scalars().all()


def test_a_receipt_naming_its_package_by_a_list_is_for_no_package_sent(built, mus, tmp_path):
    data = built.receipt(mus, lambda r: {**r, "package_id": [r["package_id"]]})
    kgl = built.store("KGL", tmp_path)
    with kgl.sign_in("cara") as us, pytest.raises(PackageError, match="did not send"):
        exchange.import_package(us, data)
    assert _receipt_at(kgl) == [None]


@pytest.mark.parametrize("about", [["a package"], "a package"])
def test_a_receipt_for_that_is_not_a_mapping_is_refused_plainly(built, mus, tmp_path, about):
    data = built.receipt(mus, lambda r: about)
    kgl = built.store("KGL", tmp_path)
    with kgl.sign_in("cara") as us, pytest.raises(PackageError) as caught:
        exchange.import_package(us, data)
    assert caught.value.params.get("detail") == "receipt_for"
    assert _receipt_at(kgl) == [None]


def test_a_receipt_received_beyond_the_received_years_is_refused_plainly(built, mus, tmp_path):
    data = built.receipt(mus, lambda r: {**r, "received_at": "2500-01-01T00:00:00"})
    kgl = built.store("KGL", tmp_path)
    with kgl.sign_in("cara") as us, pytest.raises(PackageError) as caught:
        exchange.import_package(us, data)
    assert caught.value.params.get("detail") == "receipt_for.received_at"
    assert _receipt_at(kgl) == [None]

"""The stories tests tell, built once: a case at each step of its life, the answers a caseworker
types, what a person reads back, and a case handed to another agency.

Test modules import their builders from here (and widget drivers from `wizard_helpers.py`),
never from each other, so that a test file can change without breaking another.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import random
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pypdf import PdfReader
from sqlalchemy import select, text, update

from db.audit import AuditHeadFile, Head, event_hash, evolve, genesis_hash, public_key_hex
from db.models import Case, Setting
from db.store import HEAD_FILE
from desktop import case_flow, case_forms, cases, conferences, exchange, packages
from desktop.demo import sample_answers

TODAY = date.today()
HEALTH_CENTRE = "Kibera Health Centre"
COUNSELLING = "Hope Counselling Centre"


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


# -- answers a caseworker would type ------------------------------------------------------------


def registration(given: str = "Zawadi", family: str = "Wanjiru") -> dict[str, object]:
    return {
        "given_name": given,
        "family_name": family,
        "sex": "female",
        "birth_date": {"date": date(TODAY.year - 9, 3, 14).isoformat(), "estimated": False},
        "location": "Kibera, Nairobi",
        "care_arrangement": "kinship",
        "concerns": ["neglect"],
        "concerns_notes": "Often alone at night.",
        "immediate_priorities": "Speak with the grandmother.",
        "registered_on": TODAY.isoformat(),
        "registration_place": "District office",
        "referred_by": "community_volunteer",
    }


def consent(*organisations: str) -> dict[str, object]:
    """The caregiver agrees to share with `organisations`; the child was not asked."""
    return {
        "caregiver_asked": True,
        "caregiver_interview": "given",
        "caregiver_sharing": "given",
        "caregiver_services": "given",
        "caregiver_consent": {"by": "Grandmother", "method": "thumbprint", "date": day(0)},
        "child_asked": False,
        "child_not_asked_reason": "Too young to understand today.",
        "share_with": [{"organisation": o, "service": "health"} for o in organisations],
    }


def answers(us, form_id: str, **fixed: object) -> dict[str, object]:
    form = case_forms.form_set(us).get(form_id)
    return sample_answers(form, random.Random(form_id), TODAY, **fixed)


def assessment(us, form_id: str) -> dict[str, object]:
    return answers(us, form_id, risk_level="medium")


def plan(us, review_in: int = 30, actions: list[dict[str, object]] | None = None):
    actions = actions or [
        {
            "goal_number": 1,
            "action": "Enrol Zawadi at the primary school",
            "term": "short",
            "responsible": "caseworker",
            "due": day(5),
            "indicator": "Zawadi's name is on the class register",
            "status": "not_started",
        }
    ]
    return answers(us, "case_plan", actions=actions, review_date=day(review_in))


def referral(us, provider: str) -> dict[str, object]:
    return answers(
        us,
        "referral",
        service_type="health",
        provider=provider,
        referred_on=day(0),
        urgent=False,  # an urgent one is checked within days (test_answers_act)
        outcome="awaiting",
        follow_up_on=day(10),
    )


# Visits and reviews are dated yesterday by default (the same-day cases have tests below).
def visit(us, visited: int = -1, next_visit: int | None = 3) -> dict[str, object]:
    return answers(
        us,
        "follow_up_visit",
        visited_on=day(visited),
        visited_by="caseworker",
        risk_level="medium",
        next_visit=None if next_visit is None else day(next_visit),
    )


def review(us, reviewed: int = -1) -> dict[str, object]:
    return answers(
        us,
        "review",
        reviewed_on=day(reviewed),
        plan_relevant=True,
        risk_level="medium",
        next_step="prepare_closure",
        next_review=day(40),
    )


def closure(us, reason: str = "goals_met_safe", visit_in: int = 20) -> dict[str, object]:
    fixed: dict[str, object] = {"reason": reason, "risk_at_closure": "low"}
    if reason not in ("died", "moved_out_of_area"):
        fixed["post_closure_visit_on"] = day(visit_in)
    return answers(us, "closure_request", **fixed)


# -- reading what people see --------------------------------------------------------------------


def row(us, uuid: str) -> cases.CaseRow:
    return next(r for r in cases.list_cases(us) if r.uuid == uuid)


def approval(us, uuid: str, kind: str, state: str = "pending") -> case_flow.ApprovalRow:
    found = [
        a
        for a in case_flow.case_workflow(us, uuid).approvals
        if a.kind == kind and a.state == state
    ]
    assert len(found) == 1, found
    return found[0]


def task_kinds(us, uuid: str) -> set[str]:
    return {t.kind for t in case_flow.case_workflow(us, uuid).tasks}


def audit(us, uuid: str) -> list[cases.HistoryEntry]:
    return cases.case_history(us, uuid)


def put_setting(us, key: str, value: object) -> None:
    with us.store.write() as s:
        found = s.get(Setting, key)
        if found is None:
            s.add(Setting(key=key, value=json.dumps(value)))
        else:
            found.value = json.dumps(value)


# -- cases at a given step ------------------------------------------------------------------------


def assessed_case(agency, by: str = "cara") -> str:
    """A case Cara (or `by`) registered and assessed: its plan is next."""
    with agency.sign_in(by) as us:
        uuid = case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent(HEALTH_CENTRE)}
        ).uuid
        case_forms.submit_form(
            us, uuid, "initial_assessment", assessment(us, "initial_assessment"), None
        )
        case_forms.submit_form(us, uuid, "full_assessment", assessment(us, "full_assessment"), None)
    return uuid


def case_in_implementation(agency, **plan_changes: object) -> str:
    """Cara's case whose plan Sam approved."""
    uuid = assessed_case(agency)
    with agency.sign_in("cara") as us:
        case_forms.submit_form(us, uuid, "case_plan", plan(us, **plan_changes), None)
    with agency.sign_in("sam") as us:
        case_flow.decide(us, approval(us, uuid, "case_plan").id, True)
    return uuid


# -- printed documents ----------------------------------------------------------------------


RECEIVER = "Musanze District Office"


def text_of(pdf: bytes) -> str:
    """The words of every page, in reading order, whitespace folded."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pages)


def in_order(text: str, *parts: str) -> None:
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} not found after position {at}"
        at = found + len(part)


def closed_case(agency) -> str:
    """Cara's case, visited, reviewed and closed with Sam's authorisation."""
    uuid = case_in_implementation(agency)
    with agency.sign_in("cara") as us:
        case_forms.submit_form(us, uuid, "referral", referral(us, HEALTH_CENTRE), None)
        case_forms.submit_form(us, uuid, "follow_up_visit", visit(us), None)
        case_forms.submit_form(us, uuid, "review", review(us), None)
        request = closure(us)
        request["summary"] = "Zawadi goes to school every day and sleeps at her grandmother's."
        request["child_views"] = "« Je suis contente » – I like my school and my cœur is light."
        case_forms.submit_form(us, uuid, "closure_request", request, None)
    with agency.sign_in("sam") as us:
        case_flow.decide(us, approval(us, uuid, "closure").id, True)
    return uuid


def transfer_requested(agency) -> str:
    uuid = case_in_implementation(
        agency,
        actions=[
            {
                "goal_number": 1,
                "action": "Zawadi keeps a diary of her school days",
                "term": "short",
                "responsible": "child",
                "due": day(10),
                "indicator": "She shows it at each visit",
                "status": "in_progress",
            },
            {
                "goal_number": 1,
                "action": "Pay the school fees for the term",
                "term": "short",
                "responsible": "caregiver",
                "responsible_name": "Grandmother",
                "due": day(20),
                "indicator": "The receipt is in the file",
                "status": "not_started",
            },
        ],
    )
    with agency.sign_in("cara") as us:
        case_forms.submit_form(us, uuid, "referral", referral(us, HEALTH_CENTRE), None)
        request = answers(
            us,
            "transfer_request",
            to_agency=RECEIVER,
            reason="moved_district",
            reason_notes="The family moved to Musanze for the grandmother's work.",
            documents=["registration", "case_plan"],
            case_reviewed=True,
            child_informed=True,
            child_views="I want to keep my diary in the new school.",
        )
        case_forms.submit_form(us, uuid, "transfer_request", request, None)
    return uuid


# -- a case handed to another agency -----------------------------------------------------------


def approved_transfer(agency) -> str:
    uuid = transfer_requested(agency)  # to Musanze District Office
    with agency.sign_in("sam") as us:
        case_flow.decide(us, approval(us, uuid, "transfer").id, True)
    with agency.sign_in("cara") as us:  # the family agreed to share with the new district
        saved = case_forms.case_submissions(us, uuid)
        consent = next(x for x in saved if x.form_id == "consent")
        answers = dict(consent.answers)
        answers["share_with"] = [
            *answers["share_with"],
            {"organisation": RECEIVER, "service": "other"},
        ]
        case_forms.submit_form(us, uuid, "consent", answers, consent.revision)
    return uuid


def introduce(a, b) -> None:
    """Each agency adds the other's identity, its fingerprint checked by phone."""
    with a.sign_in("sam") as us:
        a_id = exchange.our_identity(us)
    with b.sign_in("sam") as us:
        b_id = exchange.our_identity(us)
        exchange.add_partner(us, exchange.Identity.from_json(a_id.to_json()), verified=True)
    with a.sign_in("sam") as us:
        exchange.add_partner(us, exchange.Identity.from_json(b_id.to_json()), verified=True)


def snapshot(folder_agency, uuid: str) -> dict:
    """What a person can read of a case: its forms, attachments and history."""
    with folder_agency.sign_in("sam") as us:
        return records_of(us, uuid)


def records_of(us, uuid: str) -> dict:
    with us.store.read() as s:
        case = s.execute(select(Case).where(Case.uuid == uuid)).scalar_one()
        record, attachments = exchange.case_records(s, case)
    return {"record": record, "attachments": attachments}


def exported(agency, partner, tmp_path: Path) -> tuple[str, Path]:
    uuid = approved_transfer(agency)
    introduce(agency, partner)
    out = tmp_path / "case.ulz"
    with agency.sign_in("cara") as us:
        exchange.export_case(us, uuid, out, recipient="MUS", reason="The family moved.")
    return uuid, out


def unzip(zip_bytes: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as z:
        return {n: z.read(n) for n in z.namelist()}


@dataclass(frozen=True)
class SentPackage:
    """A package one agency sent another, opened with the recipient's key: its entries and
    manifest as the sender's software wrote them, and both agencies' keys to make it again."""

    entries: dict[str, bytes]  # every entry but manifest.json and manifest.sig
    manifest: dict
    sender: exchange.AgencyKeys
    recipient: exchange.AgencyKeys

    def record(self) -> dict:
        """case.json, a fresh copy to change."""
        return json.loads(self.entries["case.json"])

    def signed(self, record: dict | None = None, **manifest_changes: object) -> bytes:
        """The package as the sender's own software would make it (hashed, signed, encrypted
        for the recipient), with `record` as its case.json."""
        entries = dict(self.entries)
        if record is not None:
            entries["case.json"] = json.dumps(record).encode()
        manifest = {**self.manifest, **manifest_changes}
        return packages.encrypt_to(
            packages.build(manifest, entries, self.sender), self.recipient.age_recipient
        )


def sent_package(agency, partner, tmp_path: Path) -> tuple[str, SentPackage]:
    """Cara's approved transfer exported from `agency` (KGL) to `partner` (MUS), opened."""
    uuid, out = exported(agency, partner, tmp_path)
    with partner.sign_in("sam") as us, us.store.write() as s:
        recipient = exchange.keys_in(s)
    with agency.sign_in("sam") as us, us.store.write() as s:
        sender = exchange.keys_in(s)
    return uuid, opened(out.read_bytes(), sender, recipient)


def opened(data: bytes, sender: exchange.AgencyKeys, recipient: exchange.AgencyKeys) -> SentPackage:
    """A package `sender` made, opened with `recipient`'s key: to make again, changed."""
    entries = unzip(packages.decrypt(data, [recipient.age_identity]))
    manifest = json.loads(entries.pop(packages.MANIFEST))
    entries.pop(packages.SIGNATURE)
    return SentPackage(entries, manifest, sender, recipient)


@dataclass(frozen=True)
class BuiltExchange:
    """Two agencies' stores right after Kigali (KGL) sent Musanze (MUS) Cara's approved
    transfer (`folder/case.ulz`), built once (`build_exchange`) and copied per test."""

    folder: Path
    sender_case: str  # the case's uuid at Kigali
    recovery: dict[str, str]
    keys: dict[str, exchange.AgencyKeys]

    @property
    def data(self) -> bytes:
        return (self.folder / "case.ulz").read_bytes()

    def store(self, code: str, into: Path):  # type: ignore[no-untyped-def]
        """A fresh copy of one agency's store, as it was right after the package was sent."""
        from tests.conftest import Agency

        shutil.copytree(self.folder / code, into / code)
        return Agency(into / code, self.recovery[code])

    def package(self) -> SentPackage:
        """The package opened with Musanze's key: to make again, changed, as Kigali's
        software (or someone else's) could."""
        return opened(self.data, self.keys["KGL"], self.keys["MUS"])

    def receipt(self, mus, about: Callable[[Any], object] = lambda r: r) -> bytes:  # type: ignore[no-untyped-def]
        """The receipt `mus` (a copy of Musanze's store) writes importing the package, its
        `receipt_for` made `about(receipt_for)` and signed by Musanze again: as a partner's
        software could write it."""
        with mus.sign_in("cara") as us:
            receipt = exchange.import_package(us, self.data).receipt
        plain = unzip(packages.decrypt(receipt, [self.keys["KGL"].age_identity]))
        manifest = json.loads(plain[packages.MANIFEST])
        manifest["receipt_for"] = about(manifest["receipt_for"])
        return packages.encrypt_to(
            packages.build(manifest, {}, self.keys["MUS"]), self.keys["KGL"].age_recipient
        )


def build_exchange(folder: Path) -> BuiltExchange:
    """The two stores and the package in `folder`, made there the first time (their keys and
    recovery keys kept in `built.json`); a later call, or a later process such as a mutation
    run's, reads them back."""
    from tests.conftest import make_agency

    if not (folder / "built.json").exists():
        making = folder.with_name(f"{folder.name}.{os.getpid()}")
        shutil.rmtree(making, ignore_errors=True)
        making.mkdir(parents=True)
        kgl = make_agency(making / "KGL")
        mus = make_agency(making / "MUS", "Musanze District Office", "MUS")
        uuid, _ = exported(kgl, mus, making)  # Cara's approved transfer, in case.ulz
        keys = {}
        for agency, code in ((kgl, "KGL"), (mus, "MUS")):
            with agency.sign_in("sam") as us, us.store.write() as s:
                k = exchange.keys_in(s)
            keys[code] = [k.age_identity, base64.b64encode(k.signing_key).decode()]
        facts = {
            "sender_case": uuid,
            "recovery": {"KGL": kgl.recovery_key, "MUS": mus.recovery_key},
            "keys": keys,
        }
        (making / "built.json").write_text(json.dumps(facts))
        making.rename(folder)
    facts = json.loads((folder / "built.json").read_text())
    return BuiltExchange(
        folder,
        facts["sender_case"],
        facts["recovery"],
        {
            code: exchange.AgencyKeys(age, base64.b64decode(signing))
            for code, (age, signing) in facts["keys"].items()
        },
    )


# -- the forms of one child, complete (registration and consent) ----------------------------


def amani_registration(**changes: object) -> dict[str, object]:
    answers: dict[str, object] = {
        "given_name": "Amani",
        "family_name": "Wanjiru",
        "sex": "female",
        "birth_date": {"date": (TODAY - timedelta(days=9 * 365)).isoformat(), "estimated": True},
        "location": "Kibera, Nairobi",
        "care_arrangement": "kinship",
        "caregivers": [{"name": "Mama Wanjiru", "relationship": "grandmother", "contact": "0712"}],
        "concerns": ["neglect", "out_of_school"],
        "concerns_notes": "Seen alone at the market on school days.",
        "immediate_priorities": "Find the grandmother; school place.",
        "registered_on": TODAY.isoformat(),
        "registration_place": "District office",
        "referred_by": "community_volunteer",
        "referrer_name": "Joseph, volunteer",
    }
    answers.update(changes)
    return answers


def amani_consent(**changes: object) -> dict[str, object]:
    answers: dict[str, object] = {
        "caregiver_asked": True,
        "caregiver_interview": "given",
        "caregiver_sharing": "given",
        "caregiver_services": "given",
        "caregiver_consent": {"by": "Mama Wanjiru", "method": "thumbprint", "date": str(TODAY)},
        "child_asked": True,
        "child_interview": "given",
        "child_sharing": "given",
        "child_services": "given",
        "child_assent": {"by": "Amani", "method": "verbal", "date": str(TODAY)},
        "share_with": [{"organisation": "Kibera Health Centre", "service": "health"}],
    }
    answers.update(changes)
    return answers


# -- a case conference ---------------------------------------------------------------------


IN_TWO_DAYS = datetime.now(UTC) + timedelta(days=2)


def scheduled(agency, uuid: str) -> int:
    with agency.sign_in("cara") as us:
        return conferences.schedule(
            us, uuid, IN_TWO_DAYS, "District office, room 2", "Sam Supervisor", "review_plan"
        )


def attendee(name: str, organisation: str, basis: str, **more: str) -> dict[str, str]:
    return {
        "name": name,
        "organisation": organisation,
        "role": more.pop("role", "Nurse"),
        "attendance": more.pop("attendance", "present"),
        "basis": basis,
        **more,
    }


def minutes(*attendees: dict[str, str], actions: list[dict] | None = None) -> dict:
    return {
        "held_on": day(0),
        "time": "10:00",
        "place": "District office, room 2",
        "chair": "Sam Supervisor",
        "purpose": "review_plan",
        "attendees": list(attendees)
        or [attendee("Cara Caseworker", "", "agency", role="Caseworker")],
        "agenda": [
            {"item": "Introductions and confidentiality", "notes": "All agreed."},
            {"item": "Case summary", "notes": "School enrolment is late."},
        ],
        "decisions": [
            {"decision": "Zawadi stays with her grandmother.", "best_interests": False},
            {
                "decision": "No move to foster care.",
                "best_interests": True,
                "reasoning": "Zawadi wants to stay; the grandmother copes with support.",
            },
        ],
        "actions": actions
        if actions is not None
        else [
            {
                "action": "Visit the school with the grandmother",
                "owner": "Cara Caseworker",
                "our_agency": True,
                "goal_number": 1,
                "due": day(7),
            },
            {
                "action": "Weekly counselling sessions",
                "owner": "Ms Otieno",
                "our_agency": False,
                "organisation": COUNSELLING,
                "due": day(14),
            },
        ],
        "next_meeting_on": day(60),
    }


def finalised(agency) -> str:
    uuid = case_in_implementation(agency)
    scheduled(agency, uuid)
    counsellor = attendee(
        "Peter Otieno",
        COUNSELLING,
        "override",
        role="Counsellor",
        contact="0722 000 111",
        override_reason="Sam decided: he sees Zawadi weekly.",
    )
    absent = attendee("Grace Mutua", HEALTH_CENTRE, "consent", attendance="apologies")
    with agency.sign_in("cara") as us:
        conferences.save_minutes(us, uuid, 1, minutes(counsellor, absent), None)
    return uuid


# -- an insider with the key -----------------------------------------------------------------


def rebuild_history(agency) -> None:
    """The insider's last resort: a whole new, self-consistent chain with keys of their own."""
    with agency.sign_in("cara") as us:
        store = us.store
        raw_key = bytes(store._key)
        with store.engine.begin() as conn:
            rows = conn.execute(text("SELECT * FROM audit_events ORDER BY seq")).all()
            prev, seed = genesis_hash(store.store_id), None
            for r in rows:
                summary = "nothing happened" if r.action == "case.registered" else r.summary
                if seed is None:
                    seed = hashlib.sha256(b"insider").digest()
                    key, sig, signing = public_key_hex(seed), None, None
                else:
                    signing, seed = seed, evolve(seed)
                    key = public_key_hex(seed)
                h = event_hash(
                    prev, r.seq, r.at, r.user_id, r.username, r.action, r.case_id, summary, key
                )
                if signing is not None:
                    sig = Ed25519PrivateKey.from_private_bytes(signing).sign(bytes.fromhex(h))
                action = "audit.signing_started" if r.seq == 1 else r.action
                conn.execute(
                    text(
                        "UPDATE audit_events SET action=:a, summary=:m, prev_hash=:p, hash=:h, "
                        "next_key=:k, sig=:g WHERE seq=:s"
                    ),
                    {
                        "a": action,
                        "m": summary,
                        "p": prev,
                        "h": h,
                        "k": key,
                        "g": sig.hex() if sig else None,
                        "s": r.seq,
                    },
                )
                prev = h
        head_file = AuditHeadFile(agency.folder / HEAD_FILE, raw_key, store.store_id)
        old = head_file.read()
        head_file.write(Head(rows[-1].seq, prev, seed, 0, old.case_year, old.case_serial))
        store.engine.dispose()


def sample_preview() -> exchange.Preview:
    """What the import dialog shows for a package from an agency not in the address book,
    with a possible match here: for looking at the dialog (screenshots, geometry)."""
    return exchange.Preview(
        package_id="0",
        kind="transfer",
        sender_name="Rubavu District Office",
        sender_code="RUB",
        sender_known=False,
        sender_verified=False,
        fingerprint="C3I6-5CYE-IBLO-4BMK",
        created_at="2026-12-04T09:30",
        exported_by="Jean Habimana",
        case_number="RUB-2026-00017",
        child_name="Amani Uwase",
        birth_date="2016-05-02",
        forms=14,
        attachments=2,
        duplicates=[("DEMO-2026-00042", "Amani Uwase")],
        already_imported=False,
        sha256="",
    )


# -- a child's reintegration (seed 001, box 2) ------------------------------------------------

AUNT = "Aunt Josephine Uwase"


def pathway_answers(us, form_id: str, **fixed: object) -> dict[str, object]:
    """What a caseworker types in one form of the reintegration pathway (dates fixed: the
    deadlines tests read them)."""
    defaults: dict[str, dict[str, object]] = {
        "family_tracing": {"outcome": "found", "found_details": f"{AUNT} in Musanze."},
        "family_assessment": {"family_type": "extended_family", "capacity": "able_with_support"},
        "placement_decision": {
            "option": "extended_family",
            "carer": AUNT,
            "address": "Musanze, Cyuve sector",
            "preparation_from": day(3),
            "placement_on": day(30),
        },
        "reintegration_preparation": {
            "held_on": day(-1),
            "child_views": "« Je veux vivre chez ma tante » – I want to live with my aunt.",
            "child_agrees": "agrees",
            "family_agrees": "agrees",
            "concerns": "The school fees for next term.",
            "next_session_on": day(7),
        },
        "reunification": {
            "placed_on": day(0),
            "carer": AUNT,
            "relationship": "aunt_uncle",
            "address": "Musanze, Cyuve sector, Kabeza village",
            "phone": "+250 788 555 010",
            "local_contact": "Mr Habimana, village leader",
            "services": [{"service_type": "education", "provider": "Kabeza Primary School"}],
            "school": "Kabeza Primary School",
            "first_follow_up_on": day(14),
        },
        "post_placement_follow_up": {
            "visited_on": day(0),
            "placement_holds": "stable",
            "risk_level": "low",
            "next_follow_up_on": day(30),
        },
    }
    return answers(us, form_id, **{**defaults.get(form_id, {}), **fixed})


PATHWAY_FORMS = (
    "family_tracing",
    "family_assessment",
    "case_management_report",
    "placement_decision",
    "reintegration_preparation",
    "reunification",
    "post_placement_follow_up",
)


def admitted_to_facility(agency, uuid: str, days_ago: int = 60) -> int:
    """Gisimba Children's Home, with Fred on its staff; the child placed there `days_ago` by a
    court order (Cara's decision, approved by Sam). Returns the facility's id."""
    from desktop import accounts, facilities, placements
    from desktop.placements import PlacementDetails
    from tests.conftest import FAST_KDF, PASSWORD

    started = TODAY - timedelta(days=days_ago)
    with agency.sign_in("admin") as us:
        accounts.add_user(
            us, "fred", "Fred Facility", ["facility_staff"], PASSWORD, kdf=FAST_KDF,
            must_change_password=False,
        )  # fmt: skip
        home = facilities.save_facility(
            us, facilities.FacilityInfo(None, "Gisimba Children's Home", 40, "Nyamirambo")
        ).id
        facilities.assign_staff(us, "fred", home)
    with agency.sign_in("cara") as us:
        proposed = placements.propose(
            us,
            uuid,
            PlacementDetails(
                kind="residential_care",
                start_date=started,
                legal_basis="court_order",
                legal_reference="RC 12/2026",
                legal_date=started,
                decided_by="Gasabo Primary Court",
                reason="No safe family carer was found yet.",
                facility_id=home,
            ),
        )
    with agency.sign_in("sam") as us:
        placements.approve(us, proposed.id)
    return home


def reintegrated_to(agency, uuid: str, last_form: str) -> None:
    """Cara fills in the pathway's forms in order up to `last_form`; Sam approves the
    placement decision when it is filled."""
    for form_id in PATHWAY_FORMS[: PATHWAY_FORMS.index(last_form) + 1]:
        with agency.sign_in("cara") as us:
            case_forms.submit_form(us, uuid, form_id, pathway_answers(us, form_id), None)
        if form_id == "placement_decision":
            with agency.sign_in("sam") as us:
                case_flow.decide(us, approval(us, uuid, "placement_decision").id, True)


# -- a month an office reports on ----------------------------------------------------------------


def child(given: str, sex: str, age: int, location: str, *concerns: str) -> dict[str, object]:
    """Registration answers for a child `age` years old on the last day of any month this year
    (born on 1 January), living at `location`, with `concerns` (the first is the main one)."""
    return registration(given) | {
        "sex": sex,
        "birth_date": {"date": date(TODAY.year - age, 1, 1).isoformat(), "estimated": False},
        "location": location,
        "concerns": list(concerns),
    }


def monthly_story(agency) -> dict[str, str]:
    """This month, counted by hand (Sam's team is Cara's cases; Dalia is Cleo's, Tess's team):

    new: Amani (girl, 3, Nairobi, neglect), Zawadi (girl, 5-9, Nairobi, neglect), Dalia (girl,
    7, Butare, exploitation). Open at the end: Amani, Baraka (boy, 12, Gulu, physical abuse;
    registered last year), Dalia. Closed: Zawadi (goals met). Transferred: Chausiku (other, age
    not known, Butare, sexual abuse; registered last year). Referrals: Amani (psychosocial) and
    Zawadi (health); Amani's other referral is dated before this month. Eshe was registered and
    closed last year: counted nowhere."""
    last_year = datetime.now(UTC).replace(year=TODAY.year - 1)
    zawadi = closed_case(agency)  # girl, about 9, Kibera, Nairobi, neglect; health referral
    both = consent(HEALTH_CENTRE, COUNSELLING)
    uuids = {"Zawadi": zawadi}
    with agency.sign_in("cara") as us:
        for given, answers_ in (
            ("Amani", child("Amani", "female", 3, "Kibera, Nairobi", "neglect")),
            (
                "Baraka",
                child("Baraka", "male", 12, "Gulu Town,  Gulu ", "physical_abuse", "neglect"),
            ),
            ("Chausiku", child("Chausiku", "other", 16, "Huye, Butare", "sexual_abuse")),
            ("Eshe", child("Eshe", "female", 10, "Kibera, Nairobi", "neglect")),
        ):
            uuids[given] = case_forms.register_with_forms(
                us, {"registration": answers_, "consent": both}
            ).uuid
        for service, provider, when in (
            ("psychosocial", COUNSELLING, 0),
            ("health", HEALTH_CENTRE, -40),
        ):
            made = referral(us, provider) | {"service_type": service, "referred_on": day(when)}
            case_forms.submit_form(us, uuids["Amani"], "referral", made, None)
    with agency.sign_in("cleo") as us:
        uuids["Dalia"] = case_forms.register_with_forms(
            us,
            {
                "registration": child("Dalia", "female", 7, "Huye, Butare", "exploitation"),
                "consent": both,
            },
        ).uuid
    with agency.sign_in("admin") as us, us.store.write() as s:
        for given, changes in (
            ("Baraka", {"registered_at": last_year}),
            (
                "Chausiku",
                {
                    "registered_at": last_year,
                    "status": "transferred",
                    "stage": "transferred",
                    "birth_date": None,
                },
            ),
            (
                "Eshe",
                {
                    "registered_at": last_year,
                    "status": "closed",
                    "stage": "closed",
                    "stage_changed_at": last_year,
                },
            ),
        ):
            s.execute(update(Case).where(Case.uuid == uuids[given]).values(**changes))
    return uuids

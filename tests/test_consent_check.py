"""Consent is checked again before information is shared: a current consent is confirmed (and the
confirmation audited with the step), one older than the agency's setting or given before the
child turned 18 must be recorded again."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from db.errors import InvalidInput
from db.models import AuditEvent
from desktop import agency as agency_settings
from desktop import case_forms
from desktop.consent_check import ConsentNeedsRenewal, confirm_consent, consent_state
from tests.stories import HEALTH_CENTRE, consent, registration

TODAY = date.today()


def registered(agency, *, consent_days_ago: int = 0, birth: date | None = None) -> str:
    """Cara's case whose consent was given `consent_days_ago` days ago."""
    given = consent(HEALTH_CENTRE)
    given["caregiver_consent"] = {
        "by": "Grandmother",
        "method": "thumbprint",
        "date": (TODAY - timedelta(days=consent_days_ago)).isoformat(),
    }
    child = registration()
    if birth is not None:
        child["birth_date"] = {"date": birth.isoformat(), "estimated": False}
    with agency.sign_in("cara") as us:
        return case_forms.register_with_forms(us, {"registration": child, "consent": given}).uuid


def confirmations(us) -> list[str]:
    with us.store.read() as s:
        return list(
            s.execute(
                select(AuditEvent.summary).where(AuditEvent.action == "consent.confirmed")
            ).scalars()
        )


def test_a_current_consent_is_shown_and_its_confirmation_audited_with_the_step(agency):
    uuid = registered(agency, consent_days_ago=40)
    with agency.sign_in("cara") as us:
        state = consent_state(us, uuid)
        assert state.renewal == "" and state.given_on == TODAY - timedelta(days=40)
        assert state.caregiver == "given" and state.organisations == (HEALTH_CENTRE,)
        for step in ("referral", "conference", "transfer", "package"):
            confirm_consent(us, uuid, step)
        assert confirmations(us) == [
            f"{s}: version 1" for s in ("referral", "conference", "transfer", "package")
        ]
        with pytest.raises(InvalidInput):
            confirm_consent(us, uuid, "gossip")


def test_a_consent_older_than_the_agencys_setting_must_be_recorded_again(agency):
    uuid = registered(agency, consent_days_ago=400)
    with agency.sign_in("cara") as us:
        assert consent_state(us, uuid).renewal == "old"
        with pytest.raises(ConsentNeedsRenewal):
            confirm_consent(us, uuid, "referral")
        assert confirmations(us) == []
    with agency.sign_in("admin") as us:  # the agency keeps consent for two years
        settings = agency_settings.load_settings(us)
        assert settings.consent_months == 12
        agency_settings.save_settings(
            us, settings.__class__(**{**settings.__dict__, "consent_months": 24})
        )
    with agency.sign_in("cara") as us:
        assert consent_state(us, uuid).renewal == ""
        confirm_consent(us, uuid, "referral")


def test_a_consent_given_before_the_childs_18th_birthday_must_be_given_again_by_the_adult(agency):
    birth = TODAY.replace(year=TODAY.year - 18) - timedelta(days=5)  # 18 five days ago
    uuid = registered(agency, consent_days_ago=30, birth=birth)
    with agency.sign_in("cara") as us:
        state = consent_state(us, uuid)
        assert state.renewal == "adult" and state.adult_on == birth.replace(year=birth.year + 18)
        with pytest.raises(ConsentNeedsRenewal):
            confirm_consent(us, uuid, "package")
        saved = next(x for x in case_forms.case_submissions(us, uuid) if x.form_id == "consent")
        again = dict(saved.answers)
        again["caregiver_consent"] = {
            "by": "Zawadi herself",
            "method": "written",
            "date": TODAY.isoformat(),
        }
        case_forms.submit_form(us, uuid, "consent", again, saved.revision)
        assert consent_state(us, uuid).renewal == ""
        confirm_consent(us, uuid, "package")
        assert confirmations(us) == ["package: version 2"]


def test_no_consent_recorded_asks_for_one(agency):
    with agency.sign_in("cara") as us:
        uuid = case_forms.register_with_forms(us, {"registration": registration()}).uuid
        assert consent_state(us, uuid).renewal == "missing"
        with pytest.raises(ConsentNeedsRenewal):
            confirm_consent(us, uuid, "conference")


def test_the_command_line_sends_a_package_only_once_the_current_consent_is_checked(
    agency, tmp_path
):
    """`ulinzi export` asks what the window's consent dialog asks: without --consent-checked it
    says which consent to check and writes nothing; a consent that must be recorded again stops
    it whatever is said; the check it is told of is audited."""
    from desktop import cases
    from tests.conftest import run_signed_in

    current, old = registered(agency, consent_days_ago=40), registered(agency, consent_days_ago=400)
    with agency.sign_in("cara") as us:
        numbers = {u: cases.open_case(us, u).row.case_number for u in (current, old)}
    package = tmp_path / "case.ulz"

    def export(uuid: str, *more: str):
        return run_signed_in(
            agency.folder, "export", "--case", numbers[uuid], "--to", str(package),
            "--recipient", "MUS", "--referral", "registration", *more, user="cara",
        )  # fmt: skip

    r = export(current)
    assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
    assert f"version 1, given on {(TODAY - timedelta(days=40)).isoformat()}" in r.stderr
    assert "--consent-checked" in r.stderr and not package.exists()
    r = export(old, "--consent-checked")
    assert r.returncode == 1 and "recorded again" in r.stderr and not package.exists()
    r = export(current, "--consent-checked")  # checked; the partner is not known here
    assert r.returncode == 1 and "MUS" in r.stderr and not package.exists()
    with agency.sign_in("cara") as us:
        assert confirmations(us) == ["package: version 1"]

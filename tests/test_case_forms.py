"""Saving forms for a case: registration through the forms, revisions, columns, stages, rights."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from db.errors import PermissionDenied
from db.models import Stage
from desktop import case_forms, cases, drafts
from desktop.case_forms import FormChangedMeanwhile, FormIncomplete
from desktop.demo import sample_answers
from desktop.forms.definition import FormDefinitionError
from tests.stories import amani_consent as consent
from tests.stories import amani_registration as registration

TODAY = date.today()


def test_registering_through_the_forms_fills_the_case_list_columns(agency):
    with agency.sign_in("cara") as us:
        row = case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent()}
        )
        assert (row.given_name, row.family_name, row.sex) == ("Amani", "Wanjiru", "female")
        assert row.birth_date_estimated and row.age() in (8, 9)
        assert row.location == "Kibera, Nairobi"
        assert row.stage == Stage.REGISTERED
        assert [r.case_number for r in cases.list_cases(us, search="amani")] == [row.case_number]
        opened = cases.open_case(us, row.uuid)
    saved = {s.form_id: s for s in opened.forms}
    assert set(saved) == {"registration", "consent"}
    assert saved["registration"].answers["concerns"] == ["neglect", "out_of_school"]
    assert saved["registration"].definition.id == "registration"
    assert saved["registration"].submitted_by == "Cara Caseworker"
    assert saved["consent"].revision == 1


def test_a_registration_typed_from_yesterdays_notes_is_dated_yesterday(agency):
    yesterday = TODAY - timedelta(days=1)
    with agency.sign_in("cara") as us:
        row = case_forms.register_with_forms(
            us, {"registration": registration(registered_on=yesterday.isoformat())}
        )
    assert row.registered_at.astimezone().date() == yesterday


def test_an_incomplete_registration_is_refused_and_registers_nothing(agency):
    with agency.sign_in("cara") as us:
        with pytest.raises(FormIncomplete, match="Place of registration"):
            case_forms.register_with_forms(
                us, {"registration": registration(registration_place="")}
            )
        with pytest.raises(FormIncomplete, match="Consent and assent"):
            case_forms.register_with_forms(
                us, {"registration": registration(), "consent": consent(caregiver_consent=None)}
            )
        assert cases.count_cases(us) == 0


def test_hidden_answers_are_not_kept(agency):
    with agency.sign_in("cara") as us:
        row = case_forms.register_with_forms(
            us,
            {
                "registration": registration(
                    referred_by="self_referral", referrer_name="left from a first try"
                ),
                "consent": consent(caregiver_asked=False, caregiver_not_asked_reason="No adult"),
            },
        )
        forms = {s.form_id: s.answers for s in cases.open_case(us, row.uuid).forms}
    assert "referrer_name" not in forms["registration"]
    assert "caregiver_interview" not in forms["consent"]
    assert forms["consent"]["caregiver_not_asked_reason"] == "No adult"


def test_a_new_version_keeps_the_old_one_and_names_what_changed(agency):
    with agency.sign_in("cara") as us:
        row = case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent()}
        )
        second = case_forms.submit_form(
            us,
            row.uuid,
            "registration",
            registration(location="Mathare, Nairobi", given_name="Amani Grace"),
            based_on=1,
        )
        assert second.revision == 2
        assert second.changed == ("given_name", "location")
        listed = cases.list_cases(us, search="mathare")
        assert [r.given_name for r in listed] == ["Amani Grace"]
        forms = cases.open_case(us, row.uuid).forms
        history = cases.case_history(us, row.uuid)
    revisions = [(s.form_id, s.revision) for s in forms]
    assert revisions == [("registration", 1), ("consent", 1), ("registration", 2)]
    assert forms[0].answers["location"] == "Kibera, Nairobi"  # the first version is untouched
    saved = [h for h in history if h.action == "form.saved"]
    assert saved[-1].summary == "registration v1, revision 2: given_name, location"
    assert "Mathare" not in saved[-1].summary  # the log names fields, never a child's details


def test_saving_over_a_newer_version_is_refused_and_the_answers_kept_as_a_draft(agency):
    with agency.sign_in("cara") as us:
        row = case_forms.register_with_forms(us, {"registration": registration()})
        case_forms.submit_form(us, row.uuid, "registration", registration(location="A"), 1)
        with pytest.raises(FormChangedMeanwhile):
            case_forms.submit_form(us, row.uuid, "registration", registration(location="B"), 1)
        kept = drafts.load_draft(us, "form", case_forms.draft_key(row.uuid, "registration"))
    assert kept is not None and kept.data["answers"]["location"] == "B"


def test_the_initial_assessment_sets_the_risk_and_moves_the_case_on(agency):
    with agency.sign_in("cara") as us:
        row = case_forms.register_with_forms(us, {"registration": registration()})
        form = case_forms.form_set(us).get("initial_assessment")
        assert any(f.column == "risk" for f in form.all_fields())
        answers = sample_answers(
            form, random.Random(4), TODAY, risk_level="high", next_step="full_assessment"
        )
        case_forms.submit_form(us, row.uuid, "initial_assessment", answers, None)
        after = cases.open_case(us, row.uuid).row
    assert after.risk == "high"
    assert after.stage == Stage.INITIAL_ASSESSMENT
    assert after.next_action == "full_assessment"


def test_a_manager_reads_forms_but_cannot_save_them(agency):
    with agency.sign_in("cara") as us:
        row = case_forms.register_with_forms(us, {"registration": registration()})
    with agency.sign_in("mina") as us:
        assert len(case_forms.case_submissions(us, row.uuid)) == 1
        with pytest.raises(PermissionDenied):
            case_forms.submit_form(us, row.uuid, "registration", registration(), 1)
    with agency.sign_in("cleo") as us, pytest.raises(PermissionDenied):  # another team's
        case_forms.case_submissions(us, row.uuid)


def test_consent_to_share_is_read_from_the_latest_consent_form(agency):
    with agency.sign_in("cara") as us:
        row = case_forms.register_with_forms(
            us, {"registration": registration(), "consent": consent()}
        )
        share = case_forms.consent_to_share(case_forms.case_submissions(us, row.uuid))
        assert share.covers("kibera health centre")
        assert not share.covers("Mathare Police Post")
        case_forms.submit_form(
            us,
            row.uuid,
            "consent",
            consent(
                child_sharing="refused", refusal_action="explain_again", refusal_reason="Scared"
            ),
            1,
        )
        share = case_forms.consent_to_share(case_forms.case_submissions(us, row.uuid))
    assert not share.covers("Kibera Health Centre")  # the child now says no


AGENCY_EXTRA_FIELD = """
      - id: school_name
        type: text
        label: {en: School, fr: École}
"""


def test_an_agency_adds_a_field_and_older_answers_keep_their_questions(agency):
    with agency.sign_in("cara") as us:
        row = case_forms.register_with_forms(us, {"registration": registration()})
    with agency.sign_in("admin") as us:
        text = case_forms.form_file_text(us, "registration.yaml")
        edited = text.replace(
            "      - id: languages\n", AGENCY_EXTRA_FIELD.lstrip("\n") + "      - id: languages\n"
        )
        with pytest.raises(FormDefinitionError, match="version must be higher than 1"):
            case_forms.save_form_file(us, "registration.yaml", edited)
        edited = edited.replace("version: 1", "version: 2", 1)
        case_forms.save_form_file(us, "registration.yaml", edited)
        files = {f.file: f for f in case_forms.form_files(us)}
        assert files["registration.yaml"].edited_by_agency
        assert files["registration.yaml"].version == 2
        with pytest.raises(FormDefinitionError, match=r"registration\.yaml, line 4: “stepp”"):
            case_forms.save_form_file(us, "registration.yaml", edited.replace("step:", "stepp:"))
    with agency.sign_in("cara") as us:
        case_forms.submit_form(
            us, row.uuid, "registration", registration(school_name="Olympic Primary"), 1
        )
        first, second = cases.open_case(us, row.uuid).forms
    assert first.definition.version == 1 and first.definition.field("school_name") is None
    assert second.definition.version == 2
    assert second.answers["school_name"] == "Olympic Primary"
    with agency.sign_in("admin") as us:
        case_forms.restore_shipped_form_file(us, "registration.yaml")
        assert case_forms.form_set(us).get("registration").version == 1


def test_only_an_administrator_edits_the_forms(agency):
    with agency.sign_in("cara") as us, pytest.raises(PermissionDenied):
        case_forms.save_form_file(us, "consent.yaml", "")


@pytest.mark.parametrize(
    "form_id",
    ["registration", "consent", "initial_assessment", "full_assessment", "best_interests"],
)
def test_random_answers_round_trip_through_the_store(agency, form_id):
    from hypothesis import HealthCheck, given, settings

    from desktop.forms.answers import clean
    from tests.form_answers import answers_for

    with agency.sign_in("cara") as us:
        row = case_forms.register_with_forms(us, {"registration": registration()})
        form = case_forms.form_set(us).get(form_id)
        saved_revisions = [case_forms.latest(case_forms.case_submissions(us, row.uuid), form_id)]

        @settings(
            max_examples=15,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        )
        @given(answers_for(form))
        def round_trip(answers):
            before = saved_revisions[-1]
            saved = case_forms.submit_form(  # a repeatable form's (a BID's) first one
                us, row.uuid, form_id, answers, before.revision if before else None, 1
            )
            read = case_forms.latest(case_forms.case_submissions(us, row.uuid), form_id)
            assert read.revision == saved.revision
            assert read.answers == clean(form, answers)
            assert read.definition == form
            saved_revisions.append(read)

        round_trip()

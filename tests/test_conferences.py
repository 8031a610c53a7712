"""Case conferences on a real store: scheduling, the consent basis of each attendee, the
minutes and their corrections, and what the action points become."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from db.errors import InvalidInput, PermissionDenied
from db.models import ConferenceAction, FormSubmission, Task
from desktop import agency as agency_settings
from desktop import case_flow, case_forms, cases, conferences, documents, drafts
from desktop.conferences import AttendeeNotCovered
from reports.texts import texts
from tests.conftest import run_signed_in
from tests.stories import (
    COUNSELLING,
    HEALTH_CENTRE,
    IN_TWO_DAYS,
    attendee,
    case_in_implementation,
    finalised,
    in_order,
    minutes,
    scheduled,
    task_kinds,
    text_of,
)


def test_a_scheduled_conference_is_a_task_for_the_caseworker_and_the_supervisor(agency):
    uuid = case_in_implementation(agency)
    number = scheduled(agency, uuid)
    assert number == 1
    with agency.sign_in("cara") as us:
        mine = [t for t in case_flow.my_tasks(us, days=7) if t.kind == "case_conference"]
        assert [(t.ref, t.detail) for t in mine] == [("1", "District office, room 2")]
        info = conferences.case_conferences(us, uuid).conferences[0]
        assert (info.state, info.purpose, info.chair) == (
            "scheduled",
            "review_plan",
            "Sam Supervisor",
        )
    with agency.sign_in("sam") as us:
        theirs = [t for t in case_flow.my_tasks(us, days=7) if t.kind == "case_conference"]
        assert len(theirs) == 1 and theirs[0].for_supervisor

    # Moved to next week: the task follows; cancelled: it goes, the reason stays.
    with agency.sign_in("cara") as us:
        later = IN_TWO_DAYS + timedelta(days=7)
        conferences.schedule(
            us, uuid, later, "Health centre", "Sam Supervisor", "other", "Safety", number=1
        )
        task = next(
            t for t in case_flow.case_workflow(us, uuid).tasks if t.kind == "case_conference"
        )
        assert abs((task.due - later).total_seconds()) < 1
        conferences.cancel(us, uuid, 1, "The family moved the date.")
        assert "case_conference" not in task_kinds(us, uuid)
        info = conferences.case_conferences(us, uuid).conferences[0]
        assert (info.state, info.cancel_reason) == ("cancelled", "The family moved the date.")
        with pytest.raises(InvalidInput):
            conferences.save_minutes(us, uuid, 1, minutes(), None)
        actions = [h.action for h in cases.case_history(us, uuid)]
        assert {"conference.scheduled", "conference.rescheduled", "conference.cancelled"} <= set(
            actions
        )


def test_scheduling_needs_a_place_a_chair_and_a_known_purpose_and_someone_who_may_change_the_case(
    agency,
):
    uuid = case_in_implementation(agency)
    with agency.sign_in("cara") as us:
        for place, chair, purpose, other in (
            ("", "Sam", "review_plan", ""),
            ("Office", " ", "review_plan", ""),
            ("Office", "Sam", "party", ""),
            ("Office", "Sam", "other", ""),
        ):
            with pytest.raises(InvalidInput):
                conferences.schedule(us, uuid, IN_TWO_DAYS, place, chair, purpose, other)
        assert conferences.case_conferences(us, uuid).conferences == []
    with agency.sign_in("cleo") as us, pytest.raises(PermissionDenied):
        conferences.schedule(us, uuid, IN_TWO_DAYS, "Office", "Sam", "review_plan")


def test_an_organisation_the_consent_does_not_name_cannot_attend_without_an_override(agency):
    uuid = case_in_implementation(agency)  # the consent names the health centre only
    scheduled(agency, uuid)
    nurse = attendee("Grace Mutua", HEALTH_CENTRE.upper(), "consent")  # same name, other case
    counsellor = attendee("Peter Otieno", COUNSELLING, "consent", role="Counsellor")
    with agency.sign_in("cara") as us:
        with pytest.raises(AttendeeNotCovered) as refused:
            conferences.save_minutes(us, uuid, 1, minutes(nurse, counsellor), None)
        assert "Peter Otieno" in str(refused.value) and COUNSELLING in str(refused.value)
        # Nothing was saved; what was typed waits as a draft.
        assert conferences.case_conferences(us, uuid).conferences[0].minutes_revision is None
        kept = drafts.load_draft(
            us, case_forms.DRAFT_KIND, case_forms.draft_key(uuid, "case_conference", 1)
        )
        assert (
            kept is not None
            and kept.data["answers"]["case_conference"]["attendees"][1]["name"] == "Peter Otieno"
        )

        # An override needs its reason.
        counsellor["basis"] = "override"
        with pytest.raises(case_forms.FormIncomplete):
            conferences.save_minutes(us, uuid, 1, minutes(nurse, counsellor), None)
        counsellor["override_reason"] = "Sam decided: the counsellor sees Zawadi weekly."
        saved = conferences.save_minutes(us, uuid, 1, minutes(nurse, counsellor), None)
        assert saved.revision == 1
        assert saved.answers["attendees"][1]["override_reason"].startswith("Sam decided")
        history = [(h.action, h.summary) for h in cases.case_history(us, uuid)]
        assert ("conference.consent_override", "#1: 1") in history
        # Names and reasons stay out of the audit log.
        assert not any("Otieno" in s or "Sam decided" in s for _, s in history)
        assert (
            drafts.load_draft(
                us, case_forms.DRAFT_KIND, case_forms.draft_key(uuid, "case_conference", 1)
            )
            is None
        )


def test_finalised_minutes_add_our_actions_to_the_plan_and_track_partners_commitments(agency):
    uuid = case_in_implementation(agency)
    scheduled(agency, uuid)
    with agency.sign_in("cara") as us:
        plan = case_flow.case_workflow(us, uuid).plan
        case_flow.set_action_status(us, uuid, plan.submission_id, 0, "in_progress")
        conferences.save_minutes(us, uuid, 1, minutes(), None)

        work = case_flow.case_workflow(us, uuid)
        assert work.plan.revision == 2
        assert [(a.action, a.status, a.responsible) for a in work.plan.actions] == [
            ("Enrol Zawadi at the primary school", "in_progress", "caseworker"),
            ("Visit the school with the grandmother", "not_started", "caseworker"),
        ]
        assert (
            work.plan.approval_state == "approved"
        )  # the approved plan, with the conference's action
        tasks = {(t.kind, t.detail) for t in work.tasks}
        assert ("plan_action", "Visit the school with the grandmother") in tasks
        assert ("conference_action", f"{COUNSELLING}: Weekly counselling sessions") in tasks
        assert "case_conference" not in {k for k, _ in tasks}  # held
        held = conferences.case_conferences(us, uuid)
        assert held.conferences[0].state == "held"
        assert [(a.action, a.ours, a.in_plan) for a in held.actions] == [
            ("Visit the school with the grandmother", True, True),
            ("Weekly counselling sessions", False, False),
        ]
        partner = held.actions[1]
        with pytest.raises(InvalidInput):  # ours is followed in the plan
            conferences.set_commitment_status(us, uuid, held.actions[0].id, "done")
        conferences.set_commitment_status(us, uuid, partner.id, "done")
        assert "conference_action" not in task_kinds(us, uuid)


def test_a_correction_is_a_new_version_with_its_reason_and_changes_no_action_twice(agency):
    uuid = case_in_implementation(agency)
    scheduled(agency, uuid)
    with agency.sign_in("cara") as us:
        first = conferences.save_minutes(us, uuid, 1, minutes(), None)
        corrected = minutes()
        corrected["actions"] = corrected["actions"][:1]  # the counselling was not agreed after all
        corrected["decisions"][0]["decision"] = "Zawadi stays with her grandmother for now."
        with pytest.raises(InvalidInput):  # a correction says why
            conferences.save_minutes(us, uuid, 1, corrected, first.revision)
        with pytest.raises(case_forms.FormChangedMeanwhile):  # based on an old version
            conferences.save_minutes(us, uuid, 1, corrected, None, "Typo")
        second = conferences.save_minutes(
            us, uuid, 1, corrected, first.revision, "Wrong decision typed."
        )
        assert second.revision == 2
        info = conferences.case_conferences(us, uuid)
        assert (info.conferences[0].minutes_revision, info.conferences[0].correction) == (
            2,
            "Wrong decision typed.",
        )
        assert [(a.action, a.status) for a in info.actions] == [
            ("Visit the school with the grandmother", "not_started"),
            ("Weekly counselling sessions", "dropped"),
        ]
        # Both versions are kept; the plan got the action once.
        with us.store.read() as s:
            versions = s.execute(
                select(func.count()).where(FormSubmission.form_id == "case_conference")
            ).scalar()
            assert versions == 2
            assert s.execute(select(func.count()).select_from(ConferenceAction)).scalar() == 2
        assert case_flow.case_workflow(us, uuid).plan.revision == 2


def test_without_a_plan_our_action_points_are_followed_up_as_commitments(agency):
    from tests.stories import assessed_case

    uuid = assessed_case(agency)
    scheduled(agency, uuid)
    with agency.sign_in("cara") as us:
        conferences.save_minutes(us, uuid, 1, minutes(), None)
        assert case_flow.case_workflow(us, uuid).plan is None
        details = {
            t.detail
            for t in case_flow.case_workflow(us, uuid).tasks
            if t.kind == "conference_action"
        }
        assert details == {
            "Visit the school with the grandmother",
            f"{COUNSELLING}: Weekly counselling sessions",
        }


def test_minutes_are_not_saved_as_an_ordinary_form(agency):
    uuid = case_in_implementation(agency)
    scheduled(agency, uuid)
    with agency.sign_in("cara") as us, pytest.raises(InvalidInput):
        case_forms.submit_form(us, uuid, "case_conference", minutes(), None, 1)


def test_the_agenda_is_the_agencys_to_set(agency):
    uuid = case_in_implementation(agency)
    scheduled(agency, uuid)
    with agency.sign_in("cara") as us:
        assert conferences.minutes_start(us, uuid, 1).agenda is None  # the standard one
    with agency.sign_in("admin") as us:
        settings = agency_settings.load_settings(us)
        assert settings.conference_agenda == ()
        saved = agency_settings.save_settings(
            us, replace(settings, conference_agenda=("  Welcome ", "", "Case  summary"))
        )
        assert saved.conference_agenda == ("Welcome", "Case summary")
        with pytest.raises(InvalidInput):
            agency_settings.save_settings(
                us, replace(settings, conference_agenda=tuple(f"Item {i}" for i in range(31)))
            )
    with agency.sign_in("cara") as us:
        assert conferences.minutes_start(us, uuid, 1).agenda == ["Welcome", "Case summary"]
    with agency.sign_in("admin") as us:
        settings = agency_settings.load_settings(us)
        agency_settings.save_settings(us, replace(settings, conference_agenda=()))
        assert agency_settings.load_settings(us).conference_agenda == ()


def test_a_scheduled_conference_counts_in_the_supervisors_tasks_only_once_per_case(agency):
    uuid = case_in_implementation(agency)
    scheduled(agency, uuid)
    with agency.sign_in("sam") as us:
        with us.store.read() as s:
            rows = s.execute(
                select(Task.for_supervisor).where(Task.kind == "case_conference")
            ).all()
        assert sorted(r[0] for r in rows) == [False, True]


# -- the minutes on paper ---------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_minutes_pdf_holds_the_meeting_in_order(agency, language):
    uuid = finalised(agency)
    with agency.sign_in("sam") as us:
        made = documents.make_document(us, uuid, "minutes", conference=1, language=language)
    text = text_of(made.pdf)
    words = {
        "en": (
            "Case conference minutes",
            "Attendees",
            "Decisions",
            "Action points",
            "Next meeting",
        ),
        "fr": (
            "Procès-verbal de conférence de cas",
            "Participants",
            "Décisions",
            "Actions à mener",
            "Prochaine réunion",
        ),
    }[language]
    title, people, decided, actions, following = words
    in_order(
        text,
        title,
        made.case_number,
        "District office, room 2",
        "Sam Supervisor",
        people,
        "Peter Otieno",
        "0722 000 111",
        COUNSELLING,
        "Sam decided: he sees Zawadi weekly.",
        "Grace Mutua",
        HEALTH_CENTRE,
        "Introductions and confidentiality",
        "All agreed.",
        "Case summary",
        "School enrolment is late.",
        decided,
        "Zawadi stays with her grandmother.",
        "No move to foster care.",
        "Zawadi wants to stay",
        actions,
        "Visit the school with the grandmother",
        "Kigali District Office",
        "Weekly counselling sessions",
        "Ms Otieno",
        COUNSELLING,
        following,
    )
    w = texts(language)
    assert text.count(w["confidential"]) == made.pages >= 1
    for page in range(1, made.pages + 1):
        assert w["page_of"].format(page=page, pages=made.pages) in text
    assert "Wanjiru" not in text  # the case number only, by default
    assert made.file_name == f"{title} 1 {made.case_number} v1.pdf"


def test_the_agency_decides_how_much_of_the_child_the_minutes_name(agency):
    uuid = finalised(agency)
    for identity, shown, hidden in (
        ("initials", "Z. W.", "Zawadi Wanjiru"),
        ("name", "Zawadi Wanjiru", ""),
    ):
        with agency.sign_in("admin") as us:
            settings = agency_settings.load_settings(us)
            agency_settings.save_settings(us, replace(settings, minutes_identity=identity))
        with agency.sign_in("cara") as us:
            text = text_of(documents.make_document(us, uuid, "minutes", conference=1).pdf)
        assert shown in text
        if hidden:
            assert hidden not in text


def test_minutes_are_printed_only_once_finalised_and_a_correction_prints_as_a_new_version(agency):
    uuid = case_in_implementation(agency)
    scheduled(agency, uuid)
    with agency.sign_in("cara") as us:
        with pytest.raises(documents.DocumentUnavailable):
            documents.make_document(us, uuid, "minutes", conference=1)
        first = conferences.save_minutes(us, uuid, 1, minutes(), None)
        one = documents.make_document(us, uuid, "minutes", conference=1)
        conferences.save_minutes(us, uuid, 1, minutes(), first.revision, "The time was wrong.")
        two = documents.make_document(us, uuid, "minutes", conference=1)
    assert (one.version, two.version) == (1, 2) and one.code != two.code
    assert "corrected on" in text_of(two.pdf) and "The time was wrong." in text_of(two.pdf)


def test_ulinzi_report_minutes_needs_the_conference_number(agency, tmp_path):
    uuid = finalised(agency)
    with agency.sign_in("cara") as us:
        number = cases.open_case(us, uuid).row.case_number
    out = tmp_path / "minutes.pdf"
    r = run_signed_in(
        agency.folder, "report", "minutes", "--case", number, "--out", str(out), user="cara"
    )
    assert r.returncode == 1 and "--conference" in r.stderr and not out.exists()
    r = run_signed_in(
        agency.folder,
        "report",
        "minutes",
        "--case",
        number,
        "--conference",
        "1",
        "--out",
        str(out),
        "--lang",
        "fr",
        user="cara",
    )
    assert r.returncode == 0, r.stderr
    assert "not encrypted" in r.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Procès-verbal de conférence de cas" in text and "Peter Otieno" in text
    with agency.sign_in("cara") as us:
        printed = documents.printed_documents(us, uuid)
    assert [(p.kind, p.version, p.language) for p in printed] == [("minutes", 1, "fr")]

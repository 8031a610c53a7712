"""The Standard 15 indicators on small stores built for them, where each figure is known: the
numerator, the denominator and the cases behind them; and who may see which scope."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from db.errors import PermissionDenied
from db.models import AuditEvent, Case, FormSubmission, SupervisionNote, User
from desktop import case_flow, case_forms, indicators
from desktop.indicators import Period, Scope
from tests.conftest import run_signed_in
from tests.stories import (
    HEALTH_CENTRE,
    answers,
    approval,
    assessment,
    consent,
    day,
    plan,
    put_setting,
    registration,
    review,
    visit,
)

TODAY = date.today()
THIS_MONTH = Period.current("month")


def _register(us, given: str = "Zawadi") -> str:
    return case_forms.register_with_forms(
        us, {"registration": registration(given), "consent": consent(HEALTH_CENTRE)}
    ).uuid


def _assess(us, uuid: str, first: str, second: str) -> None:
    case_forms.submit_form(
        us, uuid, "initial_assessment", answers(us, "initial_assessment", risk_level=first), None
    )
    case_forms.submit_form(
        us, uuid, "full_assessment", answers(us, "full_assessment", risk_level=second), None
    )


def _agreed_plan(us, child: str, family: str) -> dict[str, object]:
    made = plan(us)
    made.update(
        child_participated=True,
        child_agreement=child,
        family_participated=True,
        family_agreement=family,
    )
    return made


def _closed(
    agency, goals: str, risk: str = "medium", agree: tuple[str, str] = ("agrees", "agrees")
):
    """Cara's case assessed at `risk`, planned, visited, reviewed and closed (Sam authorised),
    its closure request saying how many goals were met; the risk at closure is low."""
    with agency.sign_in("cara") as us:
        uuid = _register(us)
        _assess(us, uuid, risk, risk)
        case_forms.submit_form(us, uuid, "case_plan", _agreed_plan(us, *agree), None)
    with agency.sign_in("sam") as us:
        case_flow.decide(us, approval(us, uuid, "case_plan").id, True)
    with agency.sign_in("cara") as us:
        case_forms.submit_form(us, uuid, "follow_up_visit", visit(us) | {"risk_level": risk}, None)
        case_forms.submit_form(us, uuid, "review", review(us) | {"risk_level": risk}, None)
        request = answers(
            us,
            "closure_request",
            reason="goals_met_safe",
            risk_at_closure="low",
            goals_achieved=goals,
            post_closure_visit_on=day(20),
        )
        case_forms.submit_form(us, uuid, "closure_request", request, None)
    with agency.sign_in("sam") as us:
        case_flow.decide(us, approval(us, uuid, "closure").id, True)
    return uuid


def _case_id(us, uuid: str) -> int:
    with us.store.read() as s:
        return s.execute(select(Case.id).where(Case.uuid == uuid)).scalar_one()


def _report(agency, who: str = "mina", scope: Scope = Scope.AGENCY, period: Period = THIS_MONTH):
    with agency.sign_in(who) as us:
        return indicators.indicators(us, period, scope)


def test_risk_reduced_closed_with_plan_achieved_and_plans_agreed(agency):
    reduced = _closed(agency, goals="all", risk="high")  # high … then low at closure
    partly = _closed(agency, goals="some", risk="low", agree=("disagrees", "partly_agrees"))
    with agency.sign_in("cara") as us:
        same = _register(us, "Amani")
        _assess(us, same, "medium", "medium")  # assessed twice, not reduced
        raised = _register(us, "Baraka")
        _assess(us, raised, "low", "high")  # raised: counted, not reduced
        _register(us, "Neema")  # not assessed: not counted
        ids = {u: _case_id(us, u) for u in (reduced, partly, same, raised)}
    report = _report(agency)

    risk = report.figure("15.1")
    assert (risk.numerator, risk.denominator) == (1, 4)
    assert set(risk.case_ids) == set(ids.values()) and risk.met_case_ids == (ids[reduced],)
    assert risk.percent == 25.0

    closed = report.figure("15.2")
    assert (closed.numerator, closed.denominator) == (1, 2)
    assert closed.met_case_ids == (ids[reduced],)

    agreed = report.figure("15.10")
    assert (agreed.numerator, agreed.denominator) == (1, 2)
    assert agreed.met_case_ids == (ids[reduced],)


def _after_closure_visit(agency, uuid: str, **asked: object) -> None:
    with agency.sign_in("cara") as us:
        made = answers(
            us,
            "follow_up_visit",
            visited_on=day(0),
            visited_by="caseworker",
            risk_level="low",
            next_visit=None,
            after_closure=True,
            child_rating=None,
            caregiver_rating=None,
            child_safer=None,
        )
        case_forms.submit_form(us, uuid, "follow_up_visit", made | asked, None)


def test_satisfaction_and_safety_count_the_answers_given_at_the_visit_after_closure(agency):
    first = _closed(agency, goals="all")
    second = _closed(agency, goals="all")
    _after_closure_visit(
        agency, first, child_rating="good", caregiver_rating="dissatisfied", child_safer="safer"
    )
    # The child did not want to answer the first question: only the answers given count.
    _after_closure_visit(agency, second, caregiver_rating="very_satisfied", child_safer="same")
    report = _report(agency)
    satisfied = report.figure("15.3")
    assert (satisfied.numerator, satisfied.denominator) == (2, 3)
    safer = report.figure("15.4")
    assert (safer.numerator, safer.denominator) == (1, 2)
    with agency.sign_in("mina") as us:
        assert safer.met_case_ids == (_case_id(us, first),)


CHECKLIST_MET = {
    "reviewed_on": day(0),
    "consent_recorded": "yes",
    "assessments_on_time": "yes",
    "plan_agreed_signed": "not_applicable",
    "reviews_on_time": "not_applicable",
    "referrals_followed_up": "yes",
    "closure_authorised": "not_applicable",
    "notes_current": "yes",
}


def test_files_meeting_the_checklist_come_from_the_supervisors_file_reviews(agency):
    with agency.sign_in("cara") as us:
        good, poor = _register(us), _register(us, "Amani")
    with agency.sign_in("sam") as us:
        form = case_forms.form_set(us).get("file_review")
        assert form.repeatable
        case_forms.submit_form(
            us, good, "file_review", answers(us, "file_review", **CHECKLIST_MET), None
        )
        missing = CHECKLIST_MET | {"consent_recorded": "no"}
        case_forms.submit_form(us, poor, "file_review", answers(us, "file_review", **missing), None)
        good_id = _case_id(us, good)
    files = _report(agency).figure("15.5")
    assert (files.numerator, files.denominator) == (1, 2)
    assert files.met_case_ids == (good_id,)


def test_only_a_supervisor_reviews_a_file(agency):
    with agency.sign_in("cara") as us:
        uuid = _register(us)
        with pytest.raises(PermissionDenied, match="review a case file"):
            case_forms.submit_form(
                us, uuid, "file_review", answers(us, "file_review", **CHECKLIST_MET), None
            )


def _at(moment: datetime):  # noqa: ANN202
    return moment.replace(tzinfo=UTC)


def test_deadlines_met_counts_each_action_due_in_the_period_from_its_recorded_dates(agency):
    """A month two months ago: one case assessed on time, then its plan saved late; another
    whose initial assessment was late and whose full assessment was never saved."""
    period = Period.current("month").earlier(2)
    start = datetime.combine(period.start, datetime.min.time(), UTC)
    with agency.sign_in("cara") as us:
        prompt = _register(us)
        _assess(us, prompt, "medium", "medium")
        case_forms.submit_form(us, prompt, "case_plan", plan(us), None)
        slow = _register(us, "Amani")
        case_forms.submit_form(
            us, slow, "initial_assessment", assessment(us, "initial_assessment"), None
        )
        times = {
            # registered; initial +10 h (due +24 h); full +3 days (due +7); plan +20 days
            # after the full assessment (due +14): late.
            prompt: (
                start,
                [
                    start + timedelta(hours=10),
                    start + timedelta(days=3),
                    start + timedelta(days=23),
                ],
            ),
            # registered; initial after 30 hours (due 24): late; full never (due +7): late.
            slow: (start + timedelta(days=1), [start + timedelta(days=1, hours=30)]),
        }
        with us.store.write() as s:
            for uuid, (registered, saved) in times.items():
                cid = s.execute(select(Case.id).where(Case.uuid == uuid)).scalar_one()
                s.execute(
                    update(Case)
                    .where(Case.id == cid)
                    .values(registered_at=registered, stage_changed_at=saved[-1])
                )
                forms = ("initial_assessment", "full_assessment", "case_plan")
                for form_id, at in zip(forms, saved, strict=False):
                    s.execute(
                        update(FormSubmission)
                        .where(FormSubmission.case_id == cid, FormSubmission.form_id == form_id)
                        .values(submitted_at=at)
                    )
                s.execute(
                    update(FormSubmission)
                    .where(
                        FormSubmission.case_id == cid,
                        FormSubmission.form_id.in_(("registration", "consent")),
                    )
                    .values(submitted_at=registered)
                )
        prompt_id = _case_id(us, prompt)
    deadlines = _report(agency, period=period).figure("15.6")
    # prompt: initial ✓, full ✓, plan ✗; slow: initial ✗, full ✗ (never saved, due passed).
    assert (deadlines.numerator, deadlines.denominator) == (2, 5)
    assert len(deadlines.case_ids) == 2 and deadlines.met_case_ids == ()
    # The month before: nothing was due.
    earlier = _report(agency, period=period.earlier(1)).figure("15.6")
    assert (earlier.numerator, earlier.denominator) == (0, 0) and earlier.percent is None
    assert prompt_id in deadlines.case_ids


def _hold(us, n: int, risk: str | None, worker: int) -> None:
    with us.store.write() as s:
        for i in range(n):
            s.add(
                Case(
                    uuid=f"00000000-0000-4000-8000-{worker:04d}{i:08d}",
                    case_number=f"KGL-2026-{worker:03d}{i:03d}",
                    given_name="Child",
                    risk=risk,
                    caseworker_id=worker,
                    stage="implementation",
                )
            )


def test_caseload_is_weighted_by_risk_against_15_to_30_per_caseworker(agency):
    with agency.sign_in("admin") as us, us.store.read() as s:
        ids = dict(s.execute(select(User.username, User.id)).all())
    with agency.sign_in("admin") as us:
        _hold(us, 10, "high", ids["cara"])  # 20 weighted: within
        _hold(us, 20, "low", ids["carl"])  # 10 weighted: below
        _hold(us, 20, "high", ids["cleo"])  # 40: above (Tess's team)
    report = _report(agency)
    caseload = report.figure("15.7")
    workers = {w.name: (w.open_cases, w.weighted) for w in caseload.workers}
    assert workers == {
        "Cara Caseworker": (10, 20.0),
        "Carl Caseworker": (20, 10.0),
        "Cleo Caseworker": (20, 40.0),
    }
    assert (caseload.numerator, caseload.denominator, caseload.fact) == (1, 3, False)
    # The agency weighs low risk as 1: Carl's 20 cases are now within.
    with agency.sign_in("mina") as us:
        put_setting(us, indicators.WEIGHTS_SETTING, {"high": 2, "medium": 1, "low": 1})
    assert _report(agency).figure("15.7").numerator == 2
    # Sam's team only: Cara and Carl.
    team = _report(agency, "sam", Scope.TEAM).figure("15.7")
    assert {w.name for w in team.workers} == {"Cara Caseworker", "Carl Caseworker"}
    assert (team.numerator, team.denominator, team.fact) == (2, 2, True)


def test_supervision_in_place_needs_a_session_with_each_caseworker_every_month(agency):
    quarter = Period.current("quarter").earlier(1)
    months = [quarter.start, quarter.start.replace(month=quarter.start.month + 1), quarter.end]
    with agency.sign_in("admin") as us, us.store.read() as s:
        ids = dict(s.execute(select(User.username, User.id)).all())
    with agency.sign_in("sam") as us, us.store.write() as s:
        for held in months:  # Cara every month; Carl only in the first
            s.add(
                SupervisionNote(
                    worker_id=ids["cara"], supervisor_id=ids["sam"], held_on=held, decisions="d"
                )
            )
        s.add(
            SupervisionNote(
                worker_id=ids["carl"], supervisor_id=ids["sam"], held_on=months[0], decisions="d"
            )
        )
    team = _report(agency, "sam", Scope.TEAM, quarter).figure("15.8")
    assert {w.name: (w.sessions, w.months_supervised) for w in team.workers} == {
        "Cara Caseworker": (3, 3),
        "Carl Caseworker": (1, 1),
    }
    assert (team.numerator, team.denominator, team.fact) == (1, 2, False)
    first_month = Period.month(quarter.start.year, quarter.start.month)
    assert _report(agency, "sam", Scope.TEAM, first_month).figure("15.8").fact is True


def test_agency_facts_are_recorded_with_the_date_they_were_checked(agency):
    with agency.sign_in("mina") as us:
        settings = indicators.indicator_settings(us)
        facts = dict(settings.facts)
        facts["15.9"] = indicators.AgencyFact("15.9", True, TODAY - timedelta(days=3))
        indicators.save_indicator_settings(
            us,
            indicators.IndicatorSettings(settings.weights, {"15.1": 60.0}, facts),
        )
    report = _report(agency)
    sops = report.figure("15.9")
    assert (sops.fact, sops.checked_on) == (True, TODAY - timedelta(days=3))
    assert report.figure("15.11").fact is None  # never recorded: not "no"
    assert report.figure("15.1").target == 60.0


@pytest.mark.parametrize(
    ("who", "scope", "allowed"),
    [
        ("cara", Scope.OWN, True),
        ("cara", Scope.TEAM, False),
        ("cara", Scope.AGENCY, False),
        ("sam", Scope.TEAM, True),
        ("sam", Scope.AGENCY, False),
        ("mina", Scope.AGENCY, True),
    ],
)
def test_each_role_sees_its_own_scope_and_a_refusal_is_audited(agency, who, scope, allowed):
    with agency.sign_in(who) as us:
        if allowed:
            assert indicators.indicators(us, THIS_MONTH, scope).scope == scope
            return
        with pytest.raises(PermissionDenied):
            indicators.indicators(us, THIS_MONTH, scope)
        with us.store.read() as s:
            last = s.execute(select(AuditEvent.action).order_by(AuditEvent.seq.desc())).first()
        assert last[0] == "permission.denied"


def test_a_caseworker_sees_only_their_own_cases_behind_a_figure(agency):
    with agency.sign_in("cara") as us:
        mine = _register(us)
        _assess(us, mine, "high", "low")
    with agency.sign_in("cleo") as us:
        theirs = _register(us, "Amani")
        _assess(us, theirs, "high", "low")
    own = _report(agency, "cara", Scope.OWN).figure("15.1")
    assert (own.numerator, own.denominator) == (1, 1)
    everyone = _report(agency).figure("15.1")
    assert everyone.denominator == 2
    with agency.sign_in("cara") as us:  # asking for the agency's case ids shows only hers
        behind = indicators.cases_behind(us, everyone.case_ids, everyone.met_case_ids)
    assert [(c.uuid, c.counted) for c in behind] == [(mine, True)]


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "dhis2"),
    [
        ("2026-11", "month", date(2026, 11, 1), date(2026, 11, 30), "202611"),
        ("2026-Q1", "quarter", date(2026, 1, 1), date(2026, 3, 31), "2026Q1"),
        ("2025", "year", date(2025, 1, 1), date(2025, 12, 31), "2025"),
        ("2026-01-05..2026-02-04", "custom", date(2026, 1, 5), date(2026, 2, 4), None),
    ],
)
def test_periods_are_read_as_people_write_them(text, kind, start, end, dhis2):
    p = Period.parse(text)
    assert (p.kind, p.start, p.end, p.dhis2, p.code) == (kind, start, end, dhis2, text)


@pytest.mark.parametrize("text", ["2026-13", "26-11", "2026-Q5", "2026-02-30..2026-03-01", ""])
def test_a_period_that_is_not_one_says_how_to_write_it(text):
    with pytest.raises(indicators.PeriodError, match="is not a period"):
        Period.parse(text)


def test_twelve_periods_end_with_the_one_asked():
    trend = Period.parse("2026-02").trend(12)
    assert [p.code for p in (trend[0], trend[-2], trend[-1])] == ["2025-03", "2026-01", "2026-02"]
    assert Period.parse("2026-Q1").earlier(1).code == "2025-Q4"


def test_the_command_line_prints_the_indicators_of_a_period_and_audits_it(agency):
    _closed(agency, goals="all", risk="high")
    period = THIS_MONTH.code
    shown = run_signed_in(agency.folder, "report", "indicators", "--period", period, user="mina")
    assert shown.returncode == 0, shown.stderr
    assert f"{period}, scope agency" in shown.stdout
    assert "Cases closed with the plan achieved" in shown.stdout
    assert "100%  (1/1)" in shown.stdout.splitlines()[2]  # 15.2: the one closed case
    assert "Zawadi" not in shown.stdout
    with agency.sign_in("mina") as us, us.store.read() as s:
        audited = s.execute(
            select(AuditEvent.summary).where(AuditEvent.action == "report.indicators")
        ).scalars()
        assert list(audited) == [f"period {period}, scope agency"]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--period", "November"), "is not a period"),
        (("--period", THIS_MONTH.code, "--scope", "agency"), "permission to see the agency"),
        (("--period", THIS_MONTH.code, "--case", "KGL-1"), "not for one case"),
    ],
)
def test_the_command_line_says_in_one_line_what_is_wrong_with_an_indicators_request(
    agency, args, said
):
    refused = run_signed_in(agency.folder, "report", "indicators", *args, user="cara")
    assert refused.returncode != 0
    assert said in refused.stderr.lower() and len(refused.stderr.strip().splitlines()) == 1


def test_a_case_document_without_its_case_says_so_in_one_plain_line(agency):
    refused = run_signed_in(agency.folder, "report", "summary", "--out", "x.pdf")
    assert refused.returncode != 0
    assert refused.stderr.strip().splitlines() == [
        "ulinzi: Say which case with --case NUMBER and where to write it with --out FILE."
    ]

"""Cases: who may see and change what, and how the case list searches."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from db.errors import InvalidInput, PermissionDenied
from desktop import cases


@pytest.fixture
def caseload(agency):
    """cara and carl (Sam's team) and cleo (Tess's team) each register cases."""
    made = {}
    for worker, children in {
        "cara": [("Hélène", "Uwimana", "Nyamirambo"), ("Jean-Bosco", "Habimana", "Kimironko")],
        "carl": [("Cœur", "Ndayishimiye", "Rubavu"), ("Baraka", "Otieno", "Kibera")],
        "cleo": [("Chipo", "Moyo", "Mbare")],
    }.items():
        with agency.sign_in(worker) as us:
            made[worker] = [
                cases.register_case(
                    us,
                    given_name=g,
                    family_name=f,
                    location=loc,
                    sex="female",
                    birth_date=date(2015, 3, 1),
                )
                for g, f, loc in children
            ]
    return made


def _names(rows):
    return sorted(r.given_name for r in rows)


def test_each_role_sees_the_cases_it_should(agency, caseload):
    expectations = {
        "cara": ["Hélène", "Jean-Bosco"],
        "sam": ["Baraka", "Cœur", "Hélène", "Jean-Bosco"],
        "tess": ["Chipo"],
        "mina": ["Baraka", "Chipo", "Cœur", "Hélène", "Jean-Bosco"],
        "admin": [],
    }
    for username, expected in expectations.items():
        with agency.sign_in(username) as us:
            assert _names(cases.list_cases(us)) == expected, username
            assert cases.count_cases(us) == len(expected)


def test_a_caseworker_cannot_read_another_workers_case_and_the_refusal_is_audited(agency, caseload):
    other = caseload["carl"][0]
    with agency.sign_in("cara") as us:
        with pytest.raises(PermissionDenied):
            cases.open_case(us, other.uuid)
        with pytest.raises(PermissionDenied):
            cases.update_case(us, other.uuid, risk="low")
        assert cases.list_cases(us, search="coeur") == []
        with us.store.read() as s:
            refused = s.execute(
                text(
                    "SELECT action, username FROM audit_events WHERE action LIKE '%refused' ORDER BY seq"
                )
            ).all()
    assert [tuple(r) for r in refused] == [
        ("case.open_refused", "cara"),
        ("case.change_refused", "cara"),
    ]
    with agency.sign_in("carl") as us:  # nothing was changed by the refused update
        assert cases.open_case(us, other.uuid).row.risk is None


def test_an_administrator_without_a_case_role_cannot_read_case_files(agency, caseload):
    with agency.sign_in("admin") as us, pytest.raises(PermissionDenied):
        cases.open_case(us, caseload["cara"][0].uuid)


def test_a_manager_reads_every_case_but_changes_none(agency, caseload):
    case = caseload["cleo"][0]
    with agency.sign_in("mina") as us:
        assert cases.open_case(us, case.uuid).row.given_name == "Chipo"
        with pytest.raises(PermissionDenied):
            cases.update_case(us, case.uuid, risk="high")


def test_a_supervisor_changes_their_teams_cases_only(agency, caseload):
    with agency.sign_in("sam") as us:
        assert cases.update_case(us, caseload["carl"][1].uuid, risk="high").risk == "high"
        with pytest.raises(PermissionDenied):
            cases.update_case(us, caseload["cleo"][0].uuid, risk="high")
        with pytest.raises(PermissionDenied):
            cases.register_case(us, given_name="Someone", caseworker="cleo")
        assigned = cases.register_case(us, given_name="Neema", caseworker="carl")
    assert assigned.caseworker == "Carl Caseworker"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Helene", ["Hélène"]),
        ("hél", ["Hélène"]),
        ("coeur", ["Cœur"]),
        ("CŒUR", ["Cœur"]),
        ("jean", ["Jean-Bosco"]),
        ("jean-bo", ["Jean-Bosco"]),
        ("hab kim", ["Jean-Bosco"]),
        ("kibera", ["Baraka"]),
        ("KGL-2", ["Baraka", "Chipo", "Cœur", "Hélène", "Jean-Bosco"]),
        ('"; DROP', []),
        ("***", []),
    ],
)
def test_search_folds_accents_and_ligatures_and_matches_prefixes(agency, caseload, typed, expected):
    with agency.sign_in("mina") as us:
        assert _names(cases.list_cases(us, search=typed)) == expected


def test_search_finds_the_case_number(agency, caseload):
    number = caseload["cara"][1].case_number
    with agency.sign_in("mina") as us:
        assert [r.case_number for r in cases.list_cases(us, search=number)] == [number]


def test_a_renamed_child_is_found_by_the_new_name_only(agency, caseload):
    case = caseload["cara"][0]
    with agency.sign_in("cara") as us:
        cases.update_case(us, case.uuid, given_name="Noëlla")
        assert _names(cases.list_cases(us, search="noella")) == ["Noëlla"]
        assert cases.list_cases(us, search="helene") == []
        with us.store.read() as s:
            summary = s.execute(
                text("SELECT summary FROM audit_events WHERE action='case.updated'")
            ).scalar()
    assert summary == "given_name changed"  # the audit summary does not repeat names


def test_case_numbers_follow_the_agency_code_and_year(agency, caseload):
    numbers = sorted(r.case_number for rows in caseload.values() for r in rows)
    year = date.today().year
    assert numbers == [f"KGL-{year}-{n:05d}" for n in range(1, 6)]


def test_bad_details_are_refused_with_plain_messages(agency):
    with agency.sign_in("cara") as us:
        with pytest.raises(InvalidInput, match="given name is required"):
            cases.register_case(us, given_name="  ")
        with pytest.raises(InvalidInput, match="Risk level must be one of"):
            cases.register_case(us, given_name="A", risk="extreme")
        with pytest.raises(InvalidInput, match="future"):
            cases.register_case(us, given_name="A", birth_date=date(2999, 1, 1))
        assert cases.list_cases(us) == []


def test_status_filter(agency, caseload):
    with agency.sign_in("mina") as us:
        assert len(cases.list_cases(us, status="open")) == 5
        assert cases.list_cases(us, status="closed") == []


def test_new_cases_get_their_first_deadline_and_risk_shortens_reviews(agency):
    from datetime import UTC, datetime, timedelta

    from db.models import Stage
    from desktop.workflow import CaseFacts, Deadlines, NextAction, next_action

    with agency.sign_in("cara") as us:
        row = cases.register_case(us, given_name="Neema")
        assert row.next_action == NextAction.INITIAL_ASSESSMENT
        assert row.next_due - row.registered_at == timedelta(hours=24)
        opened = cases.open_case(us, row.uuid)
        assert opened.forms == []  # registered from the command line: no forms yet
        history = cases.case_history(us, row.uuid)
    assert [h.action for h in history] == ["case.registered", "case.opened"]
    assert history[0].who == "Cara Caseworker"
    since = datetime(2026, 1, 1, tzinfo=UTC)
    low = next_action(CaseFacts(Stage.IMPLEMENTATION, "low", since, since), Deadlines())
    high = next_action(CaseFacts(Stage.IMPLEMENTATION, "high", since, since), Deadlines())
    assert high.due < low.due


def test_filters_and_sorting_of_the_case_list(agency, caseload):
    from desktop.cases import CaseQuery, Scope, SortKey

    with agency.sign_in("sam") as us:
        mine = cases.list_cases(us, CaseQuery(scope=Scope.MINE))
        team = cases.list_cases(
            us, CaseQuery(scope=Scope.TEAM, sort=SortKey.NAME, descending=False)
        )
        ids = cases.case_ids(us, CaseQuery(sort=SortKey.NAME, descending=True))
        rows = cases.rows_for_ids(us, ids)
    assert mine == []
    assert [r.given_name for r in team] == ["Baraka", "Cœur", "Hélène", "Jean-Bosco"]
    assert [rows[i].given_name for i in ids] == ["Jean-Bosco", "Hélène", "Cœur", "Baraka"]
    with agency.sign_in("cara") as us:  # ids of others' cases give no rows
        assert cases.rows_for_ids(us, ids) == {
            i: r
            for i, r in cases.rows_for_ids(us, ids).items()
            if r.caseworker == "Cara Caseworker"
        }
        assert len(cases.rows_for_ids(us, ids)) == 2


def test_overdue_stage_and_risk_filters(agency):
    from datetime import UTC, datetime, timedelta

    from desktop.cases import CaseQuery

    with agency.sign_in("cara") as us:
        late = cases.register_case(
            us, given_name="Late", registered_at=datetime.now(UTC) - timedelta(days=5)
        )
        cases.register_case(us, given_name="Fresh", risk="high")
        overdue = cases.list_cases(us, CaseQuery(overdue_only=True))
        high = cases.list_cases(us, CaseQuery(risk="high"))
        registered = cases.case_ids(us, CaseQuery(stage="registered"))
        first = cases.case_ids(us, CaseQuery(), limit=1)
    assert [r.given_name for r in overdue] == ["Late"] and overdue[0].uuid == late.uuid
    assert [r.given_name for r in high] == ["Fresh"]
    assert len(registered) == 2 and len(first) == 1


@pytest.mark.parametrize(
    ("username", "scope"), [("cara", "mine"), ("sam", "team"), ("sam", "mine")]
)
def test_a_caseworkers_and_a_supervisors_open_cases_are_read_from_the_caseworker_index(
    agency, caseload, username, scope
):
    """The plan, not a time: the whole list of one worker's or a team's open cases is read from
    (caseworker_id, status, registered_at) alone, never case by case from the table."""
    from desktop.cases import CaseQuery, Scope

    with agency.sign_in(username) as us:
        plan = cases.case_ids_plan(us, CaseQuery(scope=Scope(scope), status="open"))
    reads = [step for step in plan if step.startswith(("SEARCH cases", "SCAN cases"))]
    assert reads == [
        "SEARCH cases USING COVERING INDEX ix_cases_caseworker_status "
        "(caseworker_id=? AND status=?)"
    ], plan


@pytest.mark.parametrize(
    ("username", "scope", "index"),
    [
        ("cara", "mine", "ix_cases_caseworker_status"),
        ("sam", "team", "ix_cases_caseworker_status"),
        ("mina", "all", "ix_cases_status_registered"),
    ],
)
def test_a_search_reads_the_list_from_its_covering_index_and_never_looks_up_each_match(
    agency, caseload, username, scope, index
):
    """The plan, not a time: while searching, the whole list still comes from the index the
    list reads (pages decrypted once, right after sign-in), the matches only filter it. Looked
    up by rowid, each match would read a table page of its own from disk."""
    from desktop.cases import CaseQuery, Scope

    query = CaseQuery(scope=Scope(scope), status="open", search="hel")
    with agency.sign_in(username) as us:
        plan = cases.case_ids_plan(us, query)
        found = cases.list_cases(us, query)
    reads = [step for step in plan if step.startswith(("SEARCH cases", "SCAN cases"))]
    assert len(reads) == 1 and reads[0].startswith(f"SEARCH cases USING COVERING INDEX {index} ")
    assert "INTEGER PRIMARY KEY" not in " ".join(plan), plan
    assert [r.given_name for r in found] == ["Hélène"]


def test_a_store_made_before_the_caseworker_index_gets_it_on_open_after_a_backup(agency, caseload):
    from alembic import command

    from db import migrations

    with agency.sign_in("admin") as us, us.store.engine.begin() as conn:
        command.downgrade(migrations.alembic_config(conn), "0009")
    with agency.sign_in("cara") as us:
        with us.store.read() as s:
            indexes = set(
                s.execute(text("SELECT name FROM sqlite_master WHERE tbl_name = 'cases'")).scalars()
            )
        assert _names(cases.list_cases(us)) == ["Hélène", "Jean-Bosco"]
    assert "ix_cases_caseworker_status" in indexes and "ix_cases_caseworker" not in indexes
    backups = sorted((agency.folder / "backups").iterdir())
    assert [b.name.split("-", 2)[-1] for b in backups] == ["before-migration-0009"]

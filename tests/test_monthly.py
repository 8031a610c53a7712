"""The monthly return on a small store where each count is known (tests/stories.py,
`monthly_story`): the counts, their agreement across the PDF, the workbook and the CSV, who may
make it for whose cases, what the audit log keeps, and the command line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from db.errors import InvalidInput, PermissionDenied
from db.models import AuditEvent
from desktop import access, case_forms, monthly
from desktop.indicators import Period, PeriodError, Scope
from tests.conftest import make_agency, run_signed_in
from tests.stories import HEALTH_CENTRE, child, consent, monthly_story, text_of

MONTH = Period.current("month")


@pytest.fixture(autouse=True)
def small_districts(monkeypatch):
    """The story's districts hold one to three children each: counted as districts here (the
    rule that puts a district of fewer than five of the agency's cases under "other places"
    has tests of its own, at the end)."""
    monkeypatch.setattr(monthly, "DISTRICT_SHARED_BY", 1)


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    agency = make_agency(tmp_path_factory.mktemp("monthly") / "store")
    monthly_story(agency)
    return agency


def _made(agency, fmt: str, who: str = "mina", scope: Scope | None = None):
    with agency.sign_in(who) as us:
        return monthly.monthly_return(us, MONTH, fmt, scope)


def _events(agency, action: str) -> list[str]:
    with agency.sign_in("admin") as us, us.store.read() as s:
        return list(
            s.execute(
                select(AuditEvent.summary)
                .where(AuditEvent.action == action)
                .order_by(AuditEvent.seq)
            ).scalars()
        )


def test_each_count_of_the_month_is_the_one_counted_by_hand(story):
    made = _made(story, "csv").made
    assert {m: made.value(m) for m in monthly.MEASURES} == {
        "new": 3,
        "open": 3,
        "closed": 1,
        "transferred": 1,
        "referred": 2,  # Amani's earlier referral is not this month's
    }
    assert made.value("new", sex="female") == 3
    assert made.value("open", sex="male", age="10-14") == 1  # Baraka
    assert made.value("new", age="0-4") == 1  # Amani, 3
    assert made.value("transferred", sex="other", age="unknown") == 1  # Chausiku, no birth date
    assert made.value("closed", reason="goals_met_safe") == 1
    assert made.value("referred", service="psychosocial") == 1
    assert made.value("referred", service="health") == 1
    assert made.value("open", concern="physical_abuse") == 1  # Baraka's first concern
    assert made.value("new", concern="neglect") == 2
    assert made.value("new", location="Nairobi") == 2
    assert made.value("open", location="Gulu") == 1  # "Gulu Town,  Gulu " read as Gulu
    assert made.value("transferred", location="Butare") == 1
    assert made.codes("location") == ("Butare", "Gulu", "Nairobi")  # most open first, then A-Z


def test_the_totals_agree_in_the_pdf_the_workbook_and_the_csv(story):
    pdf, xlsx, sheet_csv = (_made(story, f) for f in ("pdf", "xlsx", "csv"))
    text = text_of(pdf.data)
    # The summary table: girls, boys, other, not known, total.
    for line in (
        "New cases 3 0 0 0 3",
        "Open at the end of the month 2 1 0 0 3",
        "Closed 1 0 0 0 1",
        "Transferred 0 0 1 0 1",
        "Referrals made 2 0 0 0 2",
    ):
        assert line in text
    assert "Cases whose risk level was reduced" in text  # the indicator table follows

    book = load_workbook(io.BytesIO(xlsx.data))
    summary = book["summary"]
    assert summary["B1"].value == "Kigali District Office"
    assert summary["B2"].value == MONTH.code
    assert [c.value for c in summary[4]] == [
        "Cases",
        "Girls",
        "Boys",
        "Other",
        "Not known",
        "Total",
    ]
    totals = {row[0].value: row[5].value for row in summary.iter_rows(min_row=5)}
    assert totals == {
        "New cases": 3,
        "Open at the end of the month": 3,
        "Closed": 1,
        "Transferred": 1,
        "Referrals made": 2,
    }
    assert all(isinstance(v, int) for v in totals.values())  # numbers, not text
    assert book["by age, new"]["F11"].value == 3  # the age table's total row
    assert len(book.sheetnames) == len(pdf.made.tables())  # one sheet per table

    rows = list(csv.DictReader(io.StringIO(sheet_csv.data.decode())))
    assert list(rows[0]) == ["table", "row", "column", "value"]
    found = {(r["table"], r["row"], r["column"]): r["value"] for r in rows}
    for measure, n in (("new", 3), ("open", 3), ("closed", 1), ("transferred", 1)):
        assert found[("summary", measure, "total")] == str(n)
        assert found[(f"age_{measure}", "total", "total")] == str(n)
        assert found[("by_concern", "total", measure)] == str(n)
        assert found[("by_location", "total", measure)] == str(n)
    assert found[("closed_by_reason", "goals_met_safe", "female")] == "1"
    assert found[("referred_by_service", "total", "total")] == "2"
    assert found[("indicators", "15.2", "denominator")] == "1"  # Zawadi closed this month


def test_the_pdf_names_no_child_and_no_place_below_the_district(story):
    text = text_of(_made(story, "pdf").data)
    for name in ("Amani", "Baraka", "Zawadi", "Chausiku", "Dalia", "Wanjiru", "Kibera", "Huye"):
        assert name not in text
    assert "Nairobi" in text


def test_a_supervisor_makes_it_for_their_team_only(story):
    made = _made(story, "csv", who="sam").made
    assert made.scope == Scope.TEAM
    assert made.value("new") == 2  # Dalia is in Tess's team
    assert made.value("open") == 2
    with pytest.raises(PermissionDenied), story.sign_in("sam") as us:
        monthly.monthly_return(us, MONTH, "csv", Scope.AGENCY)
    assert _events(story, access.REFUSED)[-1] == "see the agency's figures"


def test_a_caseworker_is_refused_and_the_refusal_is_recorded(story):
    with pytest.raises(PermissionDenied), story.sign_in("cara") as us:
        monthly.monthly_return(us, MONTH, "pdf")
    assert _events(story, access.REFUSED)[-1] == "make the monthly return"


def test_making_it_records_the_month_scope_and_format_never_a_figure(story):
    before = len(_events(story, monthly.MONTHLY_EVENT))
    _made(story, "xlsx")
    events = _events(story, monthly.MONTHLY_EVENT)
    assert len(events) == before + 1
    assert events[-1] == f"period {MONTH.code}, scope agency, format xlsx"


def test_a_month_not_begun_a_quarter_or_an_unknown_format_is_refused_plainly():
    with pytest.raises(PeriodError, match="for one month"):
        monthly.month_of("2026-Q4")
    with pytest.raises(PeriodError, match="has not started"):
        monthly.month_of(MONTH.earlier(-2).code)
    with pytest.raises(PeriodError, match="is not a period"):
        monthly.month_of("November")
    with pytest.raises(InvalidInput, match=r"“\.docx” is not a format"):
        monthly.format_of("return.docx")


def test_the_command_line_writes_the_format_its_extension_names(story, tmp_path):
    out = tmp_path / "return.xlsx"
    done = run_signed_in(
        story.folder, "report", "monthly", "--period", MONTH.code, "--out", str(out), user="sam"
    )
    assert done.returncode == 0, done.stderr
    assert f"({MONTH.code}, cases of your team)" in done.stdout
    book = load_workbook(out)
    totals = {row[0].value: row[5].value for row in book["summary"].iter_rows(min_row=5)}
    assert totals["New cases"] == 2


@pytest.mark.parametrize(
    ("user", "period", "out", "says"),
    [
        ("mina", "2026-13", "r.pdf", "“2026-13” is not a period"),
        ("mina", MONTH.code, "r.docx", "“.docx” is not a format"),
        ("cara", MONTH.code, "r.pdf", "You do not have permission to make the monthly return"),
    ],
)
def test_the_command_line_says_what_is_wrong_in_one_line(story, tmp_path, user, period, out, says):
    target: Path = tmp_path / out
    done = run_signed_in(
        story.folder, "report", "monthly", "--period", period, "--out", str(target), user=user
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], done.stderr
    assert not target.exists()


def test_a_district_typed_like_a_formula_stays_text_in_the_workbook_and_the_csv(agency):
    """What follows the last comma is no place name: it is counted under "other places", and
    the formula reaches neither file (nor could it run if it did: cells are text)."""
    typed = '=HYPERLINK("http://example.org/leak")'
    with agency.sign_in("cara") as us:
        case_forms.register_with_forms(
            us,
            {
                "registration": child("Amani", "female", 3, f"Kibera, {typed}", "neglect"),
                "consent": consent(HEALTH_CENTRE),
            },
        )
    made = _made(agency, "xlsx")
    assert made.made.codes("location") == ("other",)
    assert b"HYPERLINK" not in made.data and b"HYPERLINK" not in _made(agency, "csv").data
    book = load_workbook(io.BytesIO(made.data))
    cell = next(row[0] for row in book["by district"].iter_rows(min_row=5) if row[1].value == 1)
    assert cell.data_type == "s" and cell.value == "Other places"


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "csv"])
def test_a_place_typed_with_a_name_in_it_never_reaches_the_return(agency, monkeypatch, fmt):
    """Where a child lives is typed as text; after its last comma someone wrote "with the aunt
    of Zawadi Wanjiru". The return said it names no child, and printed that as a district. A
    district fewer than five of the agency's cases share is now counted as "other places"."""
    monkeypatch.setattr(monthly, "DISTRICT_SHARED_BY", 5)
    with agency.sign_in("cara") as us:
        for given, place in [("Amani", "Kibera, with the aunt of Zawadi Wanjiru")] + [
            (f"Child {i}", "Kimironko, Gasabo") for i in range(5)
        ]:
            case_forms.register_with_forms(
                us,
                {
                    "registration": child(given, "female", 8, place, "neglect"),
                    "consent": consent(HEALTH_CENTRE),
                },
            )
    made = _made(agency, fmt)
    assert made.made.value("new", location="other") == 1
    assert made.made.value("new", location="Gasabo") == 5
    data = text_of(made.data) if fmt == "pdf" else made.data.decode("latin-1")
    if fmt == "xlsx":
        data = "".join(
            str(c.value) for ws in load_workbook(io.BytesIO(made.data)) for r in ws for c in r
        )
    assert "Zawadi" not in data and "Wanjiru" not in data and "aunt" not in data
    assert "Gasabo" in data

"""The de-identified case list for M&E: what its bytes hold and never hold, small cells, codes
that cannot be joined, who may make it, and the command line."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import select

from db.errors import InvalidInput, PermissionDenied
from db.models import AuditEvent, Case, FormSubmission, User
from desktop import case_forms, deidentified
from tests.conftest import make_agency, run_signed_in
from tests.stories import closed_case, consent, registration

# Where the five other children live: four in Nairobi (with Zawadi's Kibera, five), one
# described as people describe a place, which must never reach the file.
HOMES = (
    ("Baraka", "Otieno", "male", "Mathare, Nairobi"),
    ("Neema", "Achieng", "female", "Kawangware, Nairobi"),
    ("Imani", "Mwangi", "female", "Kangemi, Nairobi"),
    ("Furaha", "Njeri", "female", "Gikomba, Nairobi"),
    ("Amani", "Kamau", "female", "Mama Rose's blue house, behind the church"),
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Six children: Zawadi's case closed (Cara, Sam), five others registered by Cara."""
    agency = make_agency(tmp_path_factory.mktemp("deidentified") / "store")
    closed_case(agency)
    with agency.sign_in("cara") as us:
        for given, family, sex, home in HOMES:
            answers = registration(given, family)
            answers.update(
                sex=sex,
                location=home,
                concerns_notes=f"{given} was found selling charcoal at the bus stage.",
                immediate_priorities=f"Find {given}'s uncle at the Tuesday market.",
            )
            case_forms.register_with_forms(
                us, {"registration": answers, "consent": consent("Kibera Health Centre")}
            )
    return agency


def _export(agency, path: Path, **options) -> deidentified.DeidentifiedExport:
    with agency.sign_in("mina") as us:
        return deidentified.export_deidentified(us, path, **options)


def _rows(path: Path) -> list[dict[str, str]]:
    if path.suffix == ".csv":
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    sheet = load_workbook(path, read_only=True)["cases"]
    head, *body = [[c or "" for c in r] for r in sheet.iter_rows(values_only=True)]
    return [dict(zip(head, r, strict=True)) for r in body]


def _typed_text(value: object) -> list[str]:
    """Everything a person typed in an answer: text that is not a choice's code nor a date."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in _typed_text(v)]
    if isinstance(value, list):
        return [t for v in value for t in _typed_text(v)]
    if isinstance(value, str) and not re.fullmatch(r"[a-z0-9_]*|\d{4}-\d{2}-\d{2}", value):
        return [value]
    return []


def _what_must_not_leave(agency) -> tuple[list[str], list[str]]:
    """(texts, whole): every child's names and home, every staff member's name, everything
    typed in any form; and, searched whole, every case number, date of birth and date
    answered in any form."""
    texts, dates = [], []
    with agency.sign_in("admin") as us, us.store.read() as s:
        for given, family, number, birth, home in s.execute(
            select(
                Case.given_name, Case.family_name, Case.case_number, Case.birth_date, Case.location
            )
        ):
            texts += [given, family, home.split(",")[0]]
            dates += [number, birth.isoformat()]  # searched whole
        texts += list(s.execute(select(User.full_name)).scalars())
        for (answers,) in s.execute(select(FormSubmission.answers)):
            typed = json.loads(answers)
            if "location" in typed:  # "village, district": the district may be written
                typed["location"] = typed["location"].rsplit(",", 1)[0]
            texts += _typed_text(typed)
            dates += re.findall(r"\d{4}-\d{2}-\d{2}", answers)
    return texts, sorted(set(dates))


def _searchable(text: str) -> list[str]:
    """The runs of letters, digits and spaces of `text` long enough to be telling: found in the
    raw bytes whatever the file format escapes (quotes, apostrophes, ampersands)."""
    runs = [run.strip() for run in re.split(r"[^\w ]+", text)]
    return [run for run in runs if len(run) >= 5 and re.search(r"[^\W\d_]", run)]


def test_the_file_holds_no_name_birth_date_typed_text_or_staff_name(store, tmp_path):
    csv_file, xlsx_file = tmp_path / "cases.csv", tmp_path / "cases.xlsx"
    _export(store, csv_file)
    _export(store, xlsx_file)
    raw = {"cases.csv": csv_file.read_bytes()}
    with zipfile.ZipFile(xlsx_file) as z:
        raw.update({f"cases.xlsx:{n}": z.read(n) for n in z.namelist()})
    texts, dates = _what_must_not_leave(store)
    assert "Zawadi" in texts and "Cara Caseworker" in texts and "Often alone at night." in texts
    assert "Mama Rose's blue house" in texts and len(dates) > 5
    for where, data in raw.items():
        folded = data.decode("utf-8").casefold()
        for text in texts:
            for run in _searchable(text):
                assert run.casefold() not in folded, (where, run)
        if where == "cases.xlsx:docProps/core.xml":
            continue  # the moment the file was made (today): the only date it has
        for day in dates:
            assert day not in folded, (where, day)
    # The CSV holds no date at all, and the sheet's only dates are the file's own (when made).
    assert not re.search(r"\d{4}-\d{2}-\d{2}", raw["cases.csv"].decode())
    assert not re.search(rb"\d{4}-\d{2}-\d{2}", raw["cases.xlsx:xl/worksheets/sheet1.xml"])
    # What it does hold: one row per case, each value a code, a month or a band.
    rows = _rows(csv_file)

    def without_codes(found: list[dict[str, str]]) -> list[tuple[str, ...]]:
        return sorted(tuple(v for k, v in r.items() if k != "code") for r in found)

    assert without_codes(_rows(xlsx_file)) == without_codes(rows) and len(rows) == 6
    zawadi = next(r for r in rows if r["status"] == "closed")
    assert (zawadi["sex"], zawadi["age_band"], zawadi["main_concern"]) == (
        "female",
        "5-9",
        "neglect",
    )
    assert zawadi["closure_reason"] == "goals_met_safe" and zawadi["risk"] == "low"
    assert zawadi["initial_assessment_on_time"] == "yes" and zawadi["case_plan_on_time"] == "yes"
    assert re.fullmatch(r"\d{4}-\d{2}", zawadi["registration_month"])
    # The district, never the village; a home that names no district the cases share: "other".
    assert sorted(r["district"] for r in rows) == ["Nairobi"] * 5 + ["other"]


def test_small_cells_are_suppressed_only_when_asked(store, tmp_path):
    kept = _rows(_export(store, tmp_path / "kept.csv").path)
    assert sorted(r["sex"] for r in kept) == ["female"] * 5 + ["male"]
    assert sorted(r["status"] for r in kept) == ["closed"] + ["open"] * 5
    suppressed = _rows(_export(store, tmp_path / "small.csv", suppress_small=True).path)
    # One boy, one closed case: fewer than 5 share the value, so it is not written.
    assert sorted(r["sex"] for r in suppressed) == ["female"] * 5 + ["suppressed"]
    assert sorted(r["status"] for r in suppressed) == ["open"] * 5 + ["suppressed"]
    assert {r["closure_reason"] for r in suppressed} == {"", "suppressed"}
    assert {r["age_band"] for r in suppressed} == {"5-9"}  # six share it: kept
    assert len({r["code"] for r in suppressed}) == 6  # a code is never a cell to suppress


def test_codes_change_with_each_export_unless_the_key_is_kept(store, tmp_path):
    first = _export(store, tmp_path / "a.csv", fields=("code", "sex"))
    second = _export(store, tmp_path / "b.csv", fields=("code", "sex"))
    again = _export(store, tmp_path / "c.csv", fields=("code", "sex"), key=first.key)
    codes = [{r["code"] for r in _rows(e.path)} for e in (first, second, again)]
    assert codes[0].isdisjoint(codes[1]) and codes[0] == codes[2]
    assert list(_rows(first.path)[0]) == ["code", "sex"]  # only the chosen columns
    with store.sign_in("admin") as us, us.store.read() as s:
        numbers = set(s.execute(select(Case.case_number)).scalars())
        uuids = set(s.execute(select(Case.uuid)).scalars())
    for code in codes[0]:
        assert not any(code in n or n in code for n in numbers | uuids)


def test_only_managers_export_and_a_refusal_is_audited(store, tmp_path):
    for person in ("sam", "cara", "admin"):
        out = tmp_path / f"{person}.csv"
        with store.sign_in(person) as us:
            with pytest.raises(PermissionDenied):
                deidentified.export_deidentified(us, out)
            with us.store.read() as s:
                last = s.execute(
                    select(AuditEvent.action, AuditEvent.summary, AuditEvent.username)
                    .order_by(AuditEvent.seq.desc())
                    .limit(1)
                ).one()
        assert tuple(last) == (
            "permission.denied",
            "export the de-identified case list",
            person,
        )
        assert not out.exists()
    done = _export(store, tmp_path / "m.xlsx", fields=("sex", "district"), suppress_small=True)
    with store.sign_in("mina") as us, us.store.read() as s:
        summary = s.execute(
            select(AuditEvent.summary)
            .where(AuditEvent.action == "export.deidentified")
            .order_by(AuditEvent.seq.desc())
        ).scalar()
    assert summary == "xlsx; columns sex,district; 6 rows; small cells suppressed"
    assert done.rows == 6


def test_bad_choices_are_refused_in_plain_words(store, tmp_path):
    with pytest.raises(InvalidInput, match="Unknown column: name"):
        _export(store, tmp_path / "a.csv", fields=("sex", "name"))
    with pytest.raises(InvalidInput, match="at least one column"):
        _export(store, tmp_path / "a.csv", fields=())
    with pytest.raises(InvalidInput, match=r"\.csv or \.xlsx, not a\.pdf"):
        _export(store, tmp_path / "a.pdf")
    assert list(tmp_path.iterdir()) == []


def test_command_line_exports_the_chosen_columns_and_says_what_is_wrong_in_one_line(
    store, tmp_path
):
    out, key = tmp_path / "m.csv", tmp_path / "codes.key"
    args = ("export", "cases", "--deidentified", "--out", str(out))
    done = run_signed_in(
        store.folder,
        *args,
        "--fields",
        "code,sex",
        "--suppress-small",
        "--key-file",
        str(key),
        user="mina",
    )
    assert done.returncode == 0, done.stderr
    assert "Wrote" in done.stdout and "6 cases" in done.stdout
    assert "It never holds: Any name" in done.stderr  # what the file holds, said as it is made
    rows = _rows(out)
    assert list(rows[0]) == ["code", "sex"] and len(rows) == 6
    assert {r["code"] for r in rows} == {
        r["code"]
        for r in _rows(
            _export(
                store, tmp_path / "same.csv", fields=("code",), key=bytes.fromhex(key.read_text())
            ).path
        )
    }
    for bad, says in (
        (("--fields", "sex,name"), "ulinzi: Unknown column: name."),
        (("--out", str(tmp_path / "m.txt")), "ulinzi: Write the de-identified cases to a file"),
    ):
        refused = run_signed_in(store.folder, *args, *bad, user="mina")
        assert refused.returncode == 1 and refused.stderr.startswith(says), refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1
    refused = run_signed_in(store.folder, *args, user="cara")
    assert refused.stderr.strip() == (
        "ulinzi: You do not have permission to export the de-identified case list."
    )
    # The package export keeps its form, and says in one line what it lacks.
    package = run_signed_in(store.folder, "export", "--case", "KGL-1", user="cara")
    assert package.returncode == 1
    assert package.stderr.startswith("ulinzi: Say which case with --case NUMBER, the package")


@given(st.text(max_size=120))
def test_a_district_read_from_typed_text_is_a_place_name_or_nothing(location):
    """Whatever was typed where the child lives, the file gets a place name taken from its end
    (no digits, no formula a spreadsheet would run, no comma) or nothing."""
    found = deidentified.district_of(location)
    if found is not None:
        assert 0 < len(found) <= 60 and found[0].isalpha()
        assert not any(c.isdigit() or c in '=+@,;()\t\r\n"<>|' for c in found)
        tail = " ".join(location.rsplit(",", 1)[1].split())
        assert found == unicodedata.normalize("NFC", tail)


def test_a_district_is_the_text_after_the_last_comma():
    assert deidentified.district_of("Kibera, Nairobi") == "Nairobi"
    assert deidentified.district_of("Plot 4, Temeke,  Dar es  Salaam ") == "Dar es Salaam"
    for typed in ("Kibera", "Kibera, 12 Moi Avenue", "Kibera, =HYPERLINK(1)", "Kibera, "):
        assert deidentified.district_of(typed) is None

"""The monthly return for DHIS2: a data value set in JSON and in ADX, through the agency's
mapping, its figures those of the return (tests/stories.py, `monthly_story`); the mapping is
checked first, and each error names the entry."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import AuditEvent
from desktop import dhis2, monthly
from desktop.dhis2 import MappingError
from desktop.indicators import Period
from tests.conftest import make_agency, run_signed_in
from tests.stories import monthly_story

MONTH = Period.current("month")
EXAMPLE = Path(dhis2.__file__).with_name("dhis2_mapping_example.json")
ADX = "{urn:ihe:qrph:adx:2015}"

MAPPING = {
    "dataSet": "cpMonthly01",
    "orgUnit": "kglDistrict",
    "dataValues": [
        {"figure": m, "dataElement": f"de{m.title():<9}"[:11].replace(" ", "x"),
         "categoryOptionCombo": "HllvX50cXC0"}
        for m in monthly.MEASURES
    ]
    + [
        {
            "figure": "new",
            "disaggregation": {"sex": "female", "age": "0-4"},
            "dataElement": "deNewByAge1",
            "categoryOptionCombo": "cocF0to4001",
        },
        {
            "figure": "closed",
            "disaggregation": {"reason": "goals_met_safe"},
            "dataElement": "deClosedGls",
            "categoryOptionCombo": "HllvX50cXC0",
            "attributeOptionCombo": "aocDonor001",
        },
        {
            "figure": "15.2",
            "disaggregation": {"part": "denominator"},
            "dataElement": "deInd152Den",
            "categoryOptionCombo": "HllvX50cXC0",
        },
        {  # nothing recorded in Administration: no value is sent
            "figure": "15.9",
            "disaggregation": {"part": "answer"},
            "dataElement": "deInd159Yes",
            "categoryOptionCombo": "HllvX50cXC0",
        },
    ],
}  # fmt: skip
ELEMENT = {
    e["figure"]: e["dataElement"] for e in MAPPING["dataValues"] if "disaggregation" not in e
}


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    agency = make_agency(tmp_path_factory.mktemp("dhis2") / "store")
    monthly_story(agency)
    return agency


def _made(agency, fmt: str, mapping: dict = MAPPING, who: str = "mina"):
    with agency.sign_in(who) as us:
        return dhis2.data_value_set(us, MONTH, dhis2.read_mapping(json.dumps(mapping)), fmt)


def test_the_json_data_value_set_has_dhis2s_shape_and_the_returns_figures(story):
    made = _made(story, "json")
    data = json.loads(made.data)
    assert data["dataSet"] == "cpMonthly01" and data["orgUnit"] == "kglDistrict"
    assert re.fullmatch(r"\d{4}(0[1-9]|1[0-2])", data["period"])
    assert data["period"] == MONTH.start.strftime("%Y%m")
    assert "completeDate" not in data  # importing it must not mark the data set complete
    for value in data["dataValues"]:
        assert {"dataElement", "categoryOptionCombo", "value"} <= set(value)
        assert isinstance(value["value"], str) and value["value"].isdigit()
    sent = {(v["dataElement"], v["categoryOptionCombo"]): v["value"] for v in data["dataValues"]}
    # The same totals as the return's PDF, workbook and CSV (tests/test_monthly.py).
    for measure, n in (("new", 3), ("open", 3), ("closed", 1), ("transferred", 1), ("referred", 2)):
        assert sent[(ELEMENT[measure], "HllvX50cXC0")] == str(n)
        assert made.made.value(measure) == n
    assert sent[("deNewByAge1", "cocF0to4001")] == "1"  # Amani
    assert sent[("deInd152Den", "HllvX50cXC0")] == "1"
    assert ("deInd159Yes", "HllvX50cXC0") not in sent
    closed = next(v for v in data["dataValues"] if v["dataElement"] == "deClosedGls")
    assert closed["attributeOptionCombo"] == "aocDonor001"


def test_the_adx_file_is_adx_with_the_period_as_an_iso_month(story):
    made = _made(story, "xml")
    root = ET.fromstring(made.data)
    assert root.tag == f"{ADX}adx"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", root.get("exported", ""))
    groups = root.findall(f"{ADX}group")
    assert len(groups) == 2  # the default attribute option combo, and the donor's
    for group in groups:
        assert group.get("dataSet") == "cpMonthly01" and group.get("orgUnit") == "kglDistrict"
        assert group.get("period") == f"{MONTH.start.isoformat()}/P1M"
    donor = next(g for g in groups if g.get("attributeOptionCombo") == "aocDonor001")
    assert [v.get("dataElement") for v in donor.findall(f"{ADX}dataValue")] == ["deClosedGls"]
    values = {
        v.get("dataElement"): v.get("value") for g in groups for v in g.findall(f"{ADX}dataValue")
    }
    assert values[ELEMENT["new"]] == "3" and values[ELEMENT["referred"]] == "2"
    for value in root.iter(f"{ADX}dataValue"):
        assert set(value.attrib) == {"dataElement", "categoryOptionCombo", "value"}


def test_making_it_is_recorded_with_the_month_scope_and_format(story):
    _made(story, "xml", who="sam")
    with story.sign_in("admin") as us, us.store.read() as s:
        last = s.execute(
            select(AuditEvent.summary)
            .where(AuditEvent.action == dhis2.DHIS2_EVENT)
            .order_by(AuditEvent.seq.desc())
        ).scalar()
    assert last == f"period {MONTH.code}, scope team, format dhis2 xml"


def test_the_example_mapping_is_a_valid_mapping():
    mapping = dhis2.load_mapping(EXAMPLE)
    assert mapping.data_set and mapping.org_unit and len(mapping.entries) > 5


def _with(**entry: object) -> str:
    base = {"figure": "new", "dataElement": "deNew000001", "categoryOptionCombo": "HllvX50cXC0"}
    return json.dumps({"dataSet": "ds000000001", "orgUnit": "ou000000001",
                       "dataValues": [{**base, **entry}]})  # fmt: skip


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (_with(figure="adopted"), "“adopted”, a figure the monthly return does not have"),
        (_with(dataElement=None), "entry “new” names no dataElement"),
        (_with(categoryOptionCombo=""), "entry “new” names no categoryOptionCombo"),
        (
            _with(disaggregation={"service": "health"}),
            "entry “new (service health)” splits by service",
        ),
        (_with(disaggregation={"age": "3"}), "“3” is not a age of the monthly return"),
        (_with(dataElement="de 1; drop"), "“de 1; drop” is not a DHIS2 identifier"),
        ('{"dataSet": "x", "orgUnit": "y", "dataValues": []}', "gives no dataValues"),
        ("{not json", "is not JSON"),
        ("[" * 100_000, "is not JSON"),  # nested deeper than a reader goes
    ],
)
def test_a_mapping_the_return_cannot_fill_is_one_plain_error_naming_the_entry(text, says):
    with pytest.raises(MappingError) as error:
        dhis2.read_mapping(text, "mapping.json")
    assert says in error.value.message


def test_two_entries_sent_to_the_same_place_are_refused():
    twice = json.loads(_with())
    twice["dataValues"].append({**twice["dataValues"][0], "figure": "open"})
    with pytest.raises(MappingError, match="“new” and “open” to the same data element"):
        dhis2.read_mapping(json.dumps(twice))


def test_a_concern_the_agencys_list_does_not_hold_is_refused_before_anything_is_made(story):
    before = _count_events(story)
    wrong = json.loads(_with(disaggregation={"concern": "witchcraft"}))
    with pytest.raises(MappingError, match="“witchcraft” is not a concern"):
        _made(story, "json", wrong)
    assert _count_events(story) == before


def _count_events(agency) -> int:
    with agency.sign_in("admin") as us, us.store.read() as s:
        return len(
            s.execute(select(AuditEvent.seq).where(AuditEvent.action == dhis2.DHIS2_EVENT)).all()
        )


def test_the_command_line_writes_json_or_adx_from_the_extension(story, tmp_path):
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(MAPPING), encoding="utf-8")
    for name in ("return.json", "return.xml"):
        out = tmp_path / name
        done = run_signed_in(
            story.folder, "report", "dhis2", "--period", MONTH.code,
            "--mapping", str(mapping), "--out", str(out), user="mina",
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "return.json").read_bytes())["period"] == MONTH.dhis2
    assert ET.parse(tmp_path / "return.xml").getroot().tag == f"{ADX}adx"


def test_the_command_line_names_the_mapping_entry_it_cannot_fill(story, tmp_path):
    mapping = tmp_path / "mapping.json"
    mapping.write_text(_with(figure="adopted"), encoding="utf-8")
    done = run_signed_in(
        story.folder, "report", "dhis2", "--period", MONTH.code,
        "--mapping", str(mapping), "--out", str(tmp_path / "r.json"), user="mina",
    )  # fmt: skip
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and "“adopted”" in done.stderr
    assert not (tmp_path / "r.json").exists()

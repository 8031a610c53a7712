"""The monthly return as a DHIS2 data value set, in DHIS2's JSON or in ADX XML, for the national
system: no figure is typed again. No network is involved: the file is taken to a connected PC.

The agency edits a mapping file (JSON; see `dhis2_mapping_example.json` beside this module):
its DHIS2 data set and organisation unit, and for each figure of the return it reports, with
its disaggregation, the data element and category option combo (and, optionally, the attribute
option combo) that receive it. Figures are those of `desktop.monthly` (a measure split by sex,
age band, main concern, district, closure reason or service type) and the indicators' parts.
A mapping is checked before anything is counted: a figure we do not produce, a split we do not
make or a missing data element is one plain error naming the entry.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from db.errors import QT_TRANSLATE_NOOP, InvalidInput
from db.files import read_bounded
from desktop import access, indicators, monthly
from desktop.indicators import Period, Scope
from desktop.monthly import AGE_BANDS, DIMENSIONS, MEASURES, NOT_RECORDED, SEXES, MadeReturn
from desktop.session import UserSession

DHIS2_EVENT = "report.dhis2"
FORMATS = ("json", "xml")
ADX_NAMESPACE = "urn:ihe:qrph:adx:2015"
PARTS = ("numerator", "denominator", "percent", "answer")  # of an indicator
MAX_MAPPING_BYTES = 4 * 1024 * 1024
# An identifier DHIS2 accepts: its 11-character UIDs, or the codes an agency may import by.
_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,229}")


class MappingError(InvalidInput):
    pass


NOT_JSON = QT_TRANSLATE_NOOP(
    "errors", "The DHIS2 mapping file {name} is not JSON the mapping can read: {reason}"
)
MISSING = QT_TRANSLATE_NOOP(
    "errors", "The DHIS2 mapping gives no {what}: add it as in the example mapping."
)
UNKNOWN_FIGURE = QT_TRANSLATE_NOOP(
    "errors",
    "The DHIS2 mapping names “{key}”, a figure the monthly return does not have. Its figures "
    "are: {known}.",
)
UNKNOWN_SPLIT = QT_TRANSLATE_NOOP(
    "errors",
    "The DHIS2 mapping's entry “{key}” splits by {split}, which that figure is not split by.",
)
UNKNOWN_VALUE = QT_TRANSLATE_NOOP(
    "errors", "The DHIS2 mapping's entry “{key}”: “{value}” is not a {split} of the monthly return."
)
NO_ELEMENT = QT_TRANSLATE_NOOP(
    "errors", "The DHIS2 mapping's entry “{key}” names no {what}: give its identifier from DHIS2."
)
BAD_IDENTIFIER = QT_TRANSLATE_NOOP(
    "errors", "The DHIS2 mapping's entry “{key}”: “{value}” is not a DHIS2 identifier."
)
TWICE = QT_TRANSLATE_NOOP(
    "errors",
    "The DHIS2 mapping sends “{key}” and “{other}” to the same data element and category "
    "option combo: DHIS2 would keep only one.",
)


@dataclass(frozen=True)
class Entry:
    """One figure of the return and where it goes in DHIS2."""

    figure: str  # a measure (new, open…) or an indicator's code (15.1…)
    split: tuple[tuple[str, str], ...]  # (dimension, value), sorted
    data_element: str
    category_option_combo: str
    attribute_option_combo: str | None = None

    @property
    def key(self) -> str:
        """How an error names it: new (age 0-4, sex female)."""
        if not self.split:
            return self.figure
        return f"{self.figure} ({', '.join(f'{k} {v}' for k, v in self.split)})"


@dataclass(frozen=True)
class Mapping:
    data_set: str
    org_unit: str
    entries: tuple[Entry, ...]
    attribute_option_combo: str | None = None


def _identifier(value: Any, key: str, what: str, required: bool = True) -> str | None:
    if value is None or value == "":
        if required:
            raise MappingError(NO_ELEMENT, key=key, what=what)
        return None
    if not isinstance(value, str) or not _IDENTIFIER.fullmatch(value):
        raise MappingError(BAD_IDENTIFIER, key=key, value=str(value)[:60])
    return value


def read_mapping(text: str, name: str = "") -> Mapping:
    """Parse and check a mapping (its shape; the codes it names are checked against the
    agency's lists when the file is made)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as e:  # RecursionError: nested beyond reading
        raise MappingError(NOT_JSON, name=name, reason=str(e)) from e
    if not isinstance(data, dict):
        raise MappingError(NOT_JSON, name=name, reason="not an object { … }")
    data_set = _identifier(data.get("dataSet"), "dataSet", "dataSet")
    org_unit = _identifier(data.get("orgUnit"), "orgUnit", "orgUnit")
    default_aoc = _identifier(
        data.get("attributeOptionCombo"), "attributeOptionCombo", "", required=False
    )
    values = data.get("dataValues")
    if not isinstance(values, list) or not values:
        raise MappingError(MISSING, what="dataValues")
    known = (*MEASURES, *indicators.CODES)
    entries: list[Entry] = []
    seen: dict[tuple[str, str, str | None], str] = {}
    for item in values:
        if not isinstance(item, dict):
            raise MappingError(NOT_JSON, name=name, reason="a data value is not an object { … }")
        figure = str(item.get("figure", ""))
        split_given = item.get("disaggregation") or {}
        if not isinstance(split_given, dict):
            raise MappingError(UNKNOWN_SPLIT, key=figure, split=str(split_given)[:60])
        split = tuple(sorted((str(k), str(v)) for k, v in split_given.items()))
        key = Entry(figure, split, "", "").key
        if figure not in known:
            raise MappingError(UNKNOWN_FIGURE, key=key, known=", ".join(known))
        for dimension, value in split:
            allowed = _splits(figure)
            if dimension not in allowed:
                raise MappingError(UNKNOWN_SPLIT, key=key, split=dimension)
            fixed = allowed[dimension]
            if fixed is not None and value not in fixed:
                raise MappingError(UNKNOWN_VALUE, key=key, value=value, split=dimension)
        entry = Entry(
            figure,
            split,
            _identifier(item.get("dataElement"), key, "dataElement") or "",
            _identifier(item.get("categoryOptionCombo"), key, "categoryOptionCombo") or "",
            _identifier(item.get("attributeOptionCombo"), key, "", required=False) or default_aoc,
        )
        target = (entry.data_element, entry.category_option_combo, entry.attribute_option_combo)
        if target in seen:
            raise MappingError(TWICE, key=seen[target], other=key)
        seen[target] = key
        entries.append(entry)
    return Mapping(data_set or "", org_unit or "", tuple(entries), default_aoc)


def _splits(figure: str) -> dict[str, tuple[str, ...] | None]:
    """The dimensions a figure is split by, and their fixed values (None: the agency's list)."""
    if figure in indicators.CODES:
        return {"part": PARTS}
    found: dict[str, tuple[str, ...] | None] = {}
    for dimension, measure in DIMENSIONS.items():
        if measure is None or measure == figure:
            found[dimension] = {"sex": SEXES, "age": AGE_BANDS}.get(dimension)
    return found


def load_mapping(path: Path) -> Mapping:
    """Read a mapping file (bounded, a regular file) and check it."""
    try:
        data = read_bounded(path, MAX_MAPPING_BYTES)
        if data is None:
            raise MappingError(
                QT_TRANSLATE_NOOP("errors", "The file {name} is too large (at most {most} MB)."),
                name=path.name,
                most=MAX_MAPPING_BYTES // (1024 * 1024),
            )
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise MappingError(
            QT_TRANSLATE_NOOP("errors", "The file {name} could not be read: {reason}"),
            name=path.name,
            reason=getattr(e, "strerror", None) or str(e),
        ) from e
    return read_mapping(text, path.name)


def _value(made: monthly.MonthlyReturn, entry: Entry) -> float | None:
    split = dict(entry.split)
    if entry.figure in indicators.CODES:
        f = made.indicators.figure(entry.figure)
        part = split.get("part", "numerator")
        if part == "percent":
            return None if f.percent is None else round(f.percent, 1)
        if part == "answer":
            return None if f.fact is None else int(f.fact)
        return getattr(f, part)
    return made.value(entry.figure, **split)


def check_codes(mapping: Mapping, codes: dict[str, tuple[str, ...]]) -> None:
    """Refuse a concern, closure reason or service type the agency's lists do not hold."""
    for entry in mapping.entries:
        for dimension, value in entry.split:
            listed = codes.get(dimension)
            if listed is not None and value not in listed and value != NOT_RECORDED:
                raise MappingError(UNKNOWN_VALUE, key=entry.key, value=value, split=dimension)


@dataclass(frozen=True)
class DataValue:
    data_element: str
    category_option_combo: str
    attribute_option_combo: str | None
    value: str


def data_values(made: monthly.MonthlyReturn, mapping: Mapping) -> list[DataValue]:
    """The mapped figures; a figure with no value (an indicator nothing counted) is left out,
    as DHIS2 reads a missing value as no data."""
    found = []
    for entry in mapping.entries:
        value = _value(made, entry)
        if value is None:
            continue
        found.append(
            DataValue(
                entry.data_element,
                entry.category_option_combo,
                entry.attribute_option_combo,
                str(int(value)) if float(value).is_integer() else f"{value:g}",
            )
        )
    return found


def as_json(period: Period, mapping: Mapping, values: list[DataValue]) -> bytes:
    """DHIS2's JSON data value set (dataSet, period as YYYYMM, orgUnit, dataValues)."""
    document: dict[str, Any] = {
        "dataSet": mapping.data_set,
        # No completeDate: it would mark the data set complete on import; the district does.
        "period": period.dhis2,
        "orgUnit": mapping.org_unit,
        "dataValues": [
            {
                "dataElement": v.data_element,
                "categoryOptionCombo": v.category_option_combo,
                **(
                    {"attributeOptionCombo": v.attribute_option_combo}
                    if v.attribute_option_combo
                    else {}
                ),  # fmt: skip
                "value": v.value,
            }
            for v in values
        ],
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def as_adx(period: Period, mapping: Mapping, values: list[DataValue], now: datetime) -> bytes:
    """ADX (IHE QRPH): a group per attribute option combo, the period as 2026-11-01/P1M. The
    disaggregation is named by DHIS2's own attributes (categoryOptionCombo on a data value,
    attributeOptionCombo on a group), which DHIS2's ADX import reads beside ADX's categories."""
    ET.register_namespace("", ADX_NAMESPACE)
    root = ET.Element(
        f"{{{ADX_NAMESPACE}}}adx", exported=now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    )
    groups: dict[str | None, ET.Element] = {}
    for v in values:
        group = groups.get(v.attribute_option_combo)
        if group is None:
            attributes = {
                "dataSet": mapping.data_set,
                "orgUnit": mapping.org_unit,
                "period": f"{period.start.isoformat()}/P1M",
            }
            if v.attribute_option_combo:
                attributes["attributeOptionCombo"] = v.attribute_option_combo
            group = groups[v.attribute_option_combo] = ET.SubElement(
                root, f"{{{ADX_NAMESPACE}}}group", attributes
            )
        ET.SubElement(
            group,
            f"{{{ADX_NAMESPACE}}}dataValue",
            {
                "dataElement": v.data_element,
                "categoryOptionCombo": v.category_option_combo,
                "value": v.value,
            },
        )
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


@access.requires(*monthly.ROLES, action=monthly.MAKE_RETURN)
def data_value_set(
    us: UserSession,
    period: Period,
    mapping: Mapping,
    fmt: str,
    scope: Scope | None = None,
    *,
    now: datetime | None = None,
) -> MadeReturn:
    """The month's return for DHIS2 as JSON (`json`) or ADX (`xml`), through the agency's
    mapping; audited as `report.dhis2` with the period, scope and format."""
    fmt = monthly.format_of(f".{fmt}", FORMATS)
    now = now or datetime.now(UTC)
    check_codes(mapping, monthly.choices_of(us, us.agency.language)[0])
    made = monthly.produce(us, period, scope, DHIS2_EVENT, f"dhis2 {fmt}", now=now)
    values = data_values(made, mapping)
    if fmt == "json":
        data = as_json(period, mapping, values)
    else:
        data = as_adx(period, mapping, values, now)
    return MadeReturn(data, f"DHIS2 {made.agency_code} {period.dhis2}.{fmt}", fmt, made)

"""The de-identified case list for monitoring and evaluation: one row per case, no child named.

A manager chooses the columns; every value is a code, a month or a band, never something a
person typed. What the file holds and leaves out is said once here (`STATEMENT`), shown by the
window before saving and printed by the command line.

- **Codes.** A row's code is an HMAC-SHA256 of the case's identifier under a key drawn afresh
  for each export, not the case number and not a plain hash: the case identifier travels in
  packages to partner agencies, and a plain hash would let any of them join this file to the
  children they know. Two exports therefore cannot be joined unless the manager keeps the key
  and gives it again (the command line's `--key-file`). Rows are ordered by code, so their
  order says nothing about registration order either.
- **District.** "Where the child lives" is typed as "village or area, district": the district
  is the text after the last comma. Because it is typed, a district fewer than `SMALL_CELL`
  cases share is always written `other`, so a street or a house name can never become a column.
- **Small cells** (on request): in each chosen column, a value fewer than `SMALL_CELL` cases
  share is replaced by `suppressed`. Each column is looked at on its own: a combination of
  columns can still single a child out, which the statement says.
- **Age band** is the age on the day the case was registered (stable from one export to the
  next), from the date of birth, estimated or not.
- **Main protection concern**: the registration form has no "main" question, so it is the first
  concern ticked in the latest registration, in the order the form lists them.
- **Reason for closure** is the latest closure request's, for a closed case only (empty for the
  others). A value the record lacks is `not_recorded`.
- **Deadlines** (the agency's SOP, as the indicators read them): `yes` done by the deadline,
  `no` done late or overdue now, `not_due` not due yet, `not_applicable` the case ended before.

Exporting is audited as `export.deidentified` with the columns, the row count and whether small
cells were suppressed, never a value. Nothing here knows Qt.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import re
import secrets
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import JSON, select, type_coerce

from db.errors import QT_TRANSLATE_NOOP, InvalidInput
from db.files import write_file
from db.models import Case, CaseStatus, FormSubmission, Role
from desktop import access
from desktop.case_state import deadlines_in
from desktop.session import UserSession

SMALL_CELL = 5  # a value fewer cases than this share is a small cell
SUPPRESSED = "suppressed"
OTHER_DISTRICT = "other"
NOT_RECORDED = "not_recorded"
KEY_BYTES = 32


@dataclass(frozen=True)
class Column:
    code: str  # the column's heading in the file
    label: str  # marked for translation, context "deidentified"


COLUMNS = (
    Column("code", QT_TRANSLATE_NOOP("deidentified", "Pseudonymous code (not the case number)")),
    Column("registration_month", QT_TRANSLATE_NOOP("deidentified", "Month of registration")),
    Column("sex", QT_TRANSLATE_NOOP("deidentified", "Sex")),
    Column(
        "age_band",
        QT_TRANSLATE_NOOP("deidentified", "Age band at registration (0–4, 5–9, 10–14, 15–17, 18+)"),
    ),
    Column("main_concern", QT_TRANSLATE_NOOP("deidentified", "Main protection concern")),
    Column("stage", QT_TRANSLATE_NOOP("deidentified", "Stage")),
    Column("status", QT_TRANSLATE_NOOP("deidentified", "Status (open, closed, transferred)")),
    Column("closure_reason", QT_TRANSLATE_NOOP("deidentified", "Reason for closure")),
    Column("risk", QT_TRANSLATE_NOOP("deidentified", "Risk level")),
    Column("district", QT_TRANSLATE_NOOP("deidentified", "District (no village, no address)")),
    Column(
        "initial_assessment_on_time",
        QT_TRANSLATE_NOOP("deidentified", "Initial assessment within its deadline"),
    ),
    Column(
        "full_assessment_on_time",
        QT_TRANSLATE_NOOP("deidentified", "Full assessment within its deadline"),
    ),
    Column("case_plan_on_time", QT_TRANSLATE_NOOP("deidentified", "Case plan within its deadline")),
)
FIELDS = tuple(c.code for c in COLUMNS)

# What the file holds, what it never holds, and the care it still needs: shown by the window
# before saving (under two headings), printed by the command line.
HOLDS = QT_TRANSLATE_NOOP(
    "deidentified",
    "One row per case of the agency, with only the columns chosen. Each value is a code, a "
    "month or a band. The codes are drawn anew for every export, so two files cannot be "
    "joined. A district that fewer than {k} cases share is written “other”.",
)
NEVER_HOLDS = QT_TRANSLATE_NOOP(
    "deidentified",
    "Any name (of a child, a family member or a staff member), case number, date of birth or "
    "other exact date, address or village, or anything typed as text in a form.",
)
CARE = QT_TRANSLATE_NOOP(
    "deidentified",
    "Suppressing small cells replaces, in each column, a value that fewer than {k} cases share "
    "with “suppressed”. Columns taken together can still point to one child: share the file "
    "only with people entitled to these figures, and delete it when the work is done. The "
    "export is recorded in the audit log (its columns and row count, not its content).",
)
STATEMENT = (HOLDS, NEVER_HOLDS, CARE)


UNKNOWN_FIELD = QT_TRANSLATE_NOOP("errors", "Unknown column: {fields}. The columns are: {known}.")
NO_FIELD = QT_TRANSLATE_NOOP("errors", "Choose at least one column to export.")
BAD_FORMAT = QT_TRANSLATE_NOOP(
    "errors", "Write the de-identified cases to a file ending in .csv or .xlsx, not {name}."
)
BAD_KEY = QT_TRANSLATE_NOOP(
    "errors", "The codes' key is {n} bytes of hexadecimal text; this one is not."
)

# A value read from an answer is written only if it looks like a choice's code: an agency that
# edits a choice list adds codes, and anything else (a typed word) is not ours to pass on.
_CODE = re.compile(r"[a-z0-9_]{1,40}")
# A district is letters, with spaces, dots, apostrophes and hyphens between words, as place
# names are written; it starts with a letter, so a formula (=HYPERLINK…) never starts a cell.
_DISTRICT_MARKS = frozenset(" .'’-")
_MAX_DISTRICT = 60


@dataclass(frozen=True)
class DeidentifiedExport:
    path: Path
    fields: tuple[str, ...]
    rows: int
    suppressed_small_cells: bool
    key: bytes  # the codes' key: give it again for the same codes in a later export


def format_of(path: Path) -> str:
    """`csv` or `xlsx`, from the file's name; a plain refusal otherwise."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in ("csv", "xlsx"):
        raise InvalidInput(BAD_FORMAT, name=path.name)
    return suffix


def parse_fields(text: str | None) -> tuple[str, ...]:
    """The columns named in `a,b,c` (all of them when none are named), in the file's order."""
    if text is None:
        return FIELDS
    wanted = [f.strip().lower() for f in text.split(",") if f.strip()]
    return check_fields(wanted)


def check_fields(wanted: Sequence[str]) -> tuple[str, ...]:
    unknown = [f for f in wanted if f not in FIELDS]
    if unknown:
        raise InvalidInput(UNKNOWN_FIELD, fields=", ".join(unknown), known=", ".join(FIELDS))
    if not wanted:
        raise InvalidInput(NO_FIELD)
    return tuple(f for f in FIELDS if f in set(wanted))


def new_key() -> bytes:
    """A fresh key for the codes of one export (or of several, if the manager keeps it)."""
    return secrets.token_bytes(KEY_BYTES)


def parse_key(text: str) -> bytes:
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise InvalidInput(BAD_KEY, n=KEY_BYTES)
    return key


def age_band(birth: date | None, on: date) -> str:
    if birth is None or birth > on:
        return "unknown"
    years = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    for top, band in ((4, "0-4"), (9, "5-9"), (14, "10-14"), (17, "15-17")):
        if years <= top:
            return band
    return "18+"


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def district_of(location: str) -> str | None:
    """The text after the last comma of "village or area, district", if it reads as a place
    name; None otherwise (no comma, digits, symbols, too long)."""
    if "," not in location:
        return None
    part = unicodedata.normalize("NFC", " ".join(location.rsplit(",", 1)[1].split()))
    if not part or len(part) > _MAX_DISTRICT or not part[0].isalpha():
        return None
    if not all(c.isalpha() or c in _DISTRICT_MARKS for c in part):
        return None
    return part


def _code(value: object) -> str:
    return value if isinstance(value, str) and _CODE.fullmatch(value) else ""


def _answer(key: str | tuple[str | int, ...]):  # type: ignore[no-untyped-def]
    return type_coerce(FormSubmission.answers, JSON)[key].as_string()


def _on_time(due: datetime, done: datetime | None, ended: datetime | None, now: datetime) -> str:
    if done is not None:
        return "yes" if done <= due else "no"
    if ended is not None and ended <= due:
        return "not_applicable"
    return "no" if due < now else "not_due"


@dataclass
class _Row:
    uuid: str
    values: dict[str, str]


def _read_rows(us: UserSession, now: datetime) -> list[_Row]:
    """Every case of the agency as column values (all columns; the caller picks)."""
    rows: dict[int, _Row] = {}
    ended_at: dict[int, datetime | None] = {}
    registered: dict[int, datetime] = {}
    ended_statuses = (CaseStatus.CLOSED.value, CaseStatus.TRANSFERRED.value)
    with us.store.read() as s:
        deadlines = deadlines_in(s)
        for cid, uuid, sex, birth, location, risk, stage, status, reg, changed in s.execute(
            select(
                Case.id,
                Case.uuid,
                Case.sex,
                Case.birth_date,
                Case.location,
                Case.risk,
                Case.stage,
                Case.status,
                Case.registered_at,
                Case.stage_changed_at,
            )
        ):
            registered[cid] = reg
            ended_at[cid] = changed if status in ended_statuses else None
            rows[cid] = _Row(
                uuid,
                {
                    "registration_month": f"{reg:%Y-%m}",
                    "sex": _code(sex) or "unknown",
                    "age_band": age_band(birth, reg.date()),
                    "main_concern": "",
                    "stage": _code(stage),
                    "status": _code(status),
                    "closure_reason": "",
                    "risk": _code(risk) or "not_assessed",
                    "district": location or "",  # reduced below, with every case's
                },
            )
        first: dict[tuple[int, str], datetime] = {}
        for cid, form_id, at, concern, reason in s.execute(
            select(
                FormSubmission.case_id,
                FormSubmission.form_id,
                FormSubmission.submitted_at,
                _answer(("concerns", 0)),
                _answer("reason"),
            )
            .where(
                FormSubmission.form_id.in_(
                    (
                        "registration",
                        "initial_assessment",
                        "full_assessment",
                        "case_plan",
                        "closure_request",
                    )
                )
            )
            .order_by(FormSubmission.submitted_at, FormSubmission.id)
        ):
            row = rows.get(cid)
            if row is None:
                continue
            first.setdefault((cid, form_id), at)
            if form_id == "registration":  # the latest version counts
                row.values["main_concern"] = _code(concern)
            elif form_id == "closure_request":
                row.values["closure_reason"] = _code(reason)
    for cid, row in rows.items():
        reg, ended = registered[cid], ended_at[cid]
        if row.values["status"] != CaseStatus.CLOSED.value:
            row.values["closure_reason"] = ""
        elif not row.values["closure_reason"]:
            row.values["closure_reason"] = NOT_RECORDED
        if not row.values["main_concern"]:
            row.values["main_concern"] = NOT_RECORDED
        initial = first.get((cid, "initial_assessment"))
        full = first.get((cid, "full_assessment"))
        plan = first.get((cid, "case_plan"))
        row.values["initial_assessment_on_time"] = _on_time(
            reg + timedelta(hours=deadlines.initial_assessment_hours), initial, ended, now
        )
        row.values["full_assessment_on_time"] = _on_time(
            reg + timedelta(days=deadlines.full_assessment_days), full, ended, now
        )
        if full is None:
            row.values["case_plan_on_time"] = "not_applicable" if ended else "not_due"
        else:
            row.values["case_plan_on_time"] = _on_time(
                full + timedelta(days=deadlines.case_plan_days), plan, ended, now
            )
    _reduce_districts(list(rows.values()))
    return list(rows.values())


def shared_districts(locations: Mapping[str, int], shared_by: int = SMALL_CELL) -> dict[str, str]:
    """The districts at least `shared_by` cases name (`locations`: each place as typed, and how
    many cases name it; see `district_of`), each written as most of them spell it, by its folded
    name (`district_key`). A district fewer share, or text that does not read as one, is in none:
    reports write it as "other"."""
    spellings: dict[str, Counter[str]] = {}
    for location, cases in locations.items():
        place = district_of(location)
        if place is not None:
            spellings.setdefault(district_key(place), Counter())[place] += cases
    return {
        key: found.most_common(1)[0][0]
        for key, found in spellings.items()
        if found.total() >= shared_by
    }


def district_key(place: str) -> str:
    return _fold(place)


def _reduce_districts(rows: list[_Row]) -> None:
    """Each location to its district, written as most cases spell it; a district fewer than
    SMALL_CELL cases share, or text that does not read as one, becomes `other`."""
    typed = Counter(r.values["district"] for r in rows)  # the same places recur: each once
    kept = shared_districts(typed)
    district: dict[str, str] = {}
    for location in typed:
        place = district_of(location)
        found = kept.get(district_key(place)) if place is not None else None
        district[location] = found or OTHER_DISTRICT
    for row in rows:
        row.values["district"] = district[row.values["district"]]


def _suppress(table: list[list[str]], columns: Sequence[str]) -> None:
    for i, column in enumerate(columns):
        if column == "code":
            continue
        counts = Counter(r[i] for r in table)
        for r in table:
            if counts[r[i]] < SMALL_CELL:
                r[i] = SUPPRESSED


def _csv(columns: Sequence[str], table: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(table)
    return out.getvalue().encode("utf-8")


def _xlsx(columns: Sequence[str], table: list[list[str]]) -> bytes:
    from openpyxl import Workbook  # only for those who export to Excel

    book = Workbook(write_only=True)
    sheet = book.create_sheet("cases")
    sheet.append(list(columns))
    for r in table:
        sheet.append(r)
    book.properties.creator = "Ulinzi"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@access.requires(
    Role.MANAGER, action=QT_TRANSLATE_NOOP("errors", "export the de-identified case list")
)
def export_deidentified(
    us: UserSession,
    out: Path,
    fields: Sequence[str] = FIELDS,
    *,
    suppress_small: bool = False,
    key: bytes | None = None,
    now: datetime | None = None,
) -> DeidentifiedExport:
    """Write every case of the agency, de-identified (see the module's docstring), to `out`
    (.csv or .xlsx); managers only. A fresh key unless the manager gives the one kept."""
    kind = format_of(out)
    columns = check_fields(fields)
    key = key or new_key()
    rows = _read_rows(us, now or datetime.now(UTC))
    table = []
    for r in rows:
        values = dict(r.values)
        values["code"] = hmac.new(key, r.uuid.encode(), hashlib.sha256).hexdigest()[:16]
        table.append([values[c] for c in columns])
    if "code" in columns:
        at = columns.index("code")
        table.sort(key=lambda r: r[at])
    else:
        table.sort()
    if suppress_small:
        _suppress(table, columns)
    data = _csv(columns, table) if kind == "csv" else _xlsx(columns, table)
    write_file(out, data)
    try:
        with us.store.write() as s:
            us.audit(
                s,
                "export.deidentified",
                summary=f"{kind}; columns {','.join(columns)}; {len(table)} rows; small cells "
                + ("suppressed" if suppress_small else "kept"),
            )
    except BaseException:
        out.unlink(missing_ok=True)  # a file that left without its record in the audit log
        raise
    return DeidentifiedExport(out, columns, len(table), suppress_small, key)

"""The monthly return: the counts an office reports upward for one month, with the Standard 15
indicator table, for a supervisor's team or a manager's agency (a caseworker is refused).

Each count is defined once here, on the record, and every output (the PDF, the XLSX, the CSV
and the DHIS2 file of `desktop.dhis2`) reads the same `MonthlyReturn`: its totals cannot differ.
The indicators are those of `desktop.indicators`, not recomputed. Nothing here names a child.

The definitions (shown on the PDF, and in the README):
- new: cases registered in the month;
- open: cases registered by the end of the month and not closed or transferred by then;
- closed / transferred: cases whose closure or transfer took effect in the month (the closure
  by the reason of its latest closure request);
- referred: referrals (a case may have several) whose referral date falls in the month, by the
  type of service;
- sex from the registration, age in years on the month's last day, the main protection concern
  is the first one ticked at registration, the place is the district: what follows the last
  comma of where the child lives ("Kibera, Nairobi" → Nairobi).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, ColumnElement, and_, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, PermissionDenied
from db.models import Agency, Case, CaseStatus, FormSubmission, Role
from desktop import access, indicators
from desktop.deidentified import (
    SMALL_CELL,
    age_band,
    district_key,
    district_of,
    shared_districts,
)
from desktop.indicators import IndicatorReport, Period, PeriodError, Scope
from desktop.session import UserSession

MONTHLY_EVENT = "report.monthly"
MEASURES = ("new", "open", "closed", "transferred", "referred")
SEXES = ("female", "male", "other", "unknown")
AGE_BANDS = ("0-4", "5-9", "10-14", "15-17", "18+", "unknown")
TOTAL = "total"
NOT_RECORDED = "not_recorded"  # a concern, reason, service type or place nobody gave
FORMATS = ("pdf", "xlsx", "csv")
MAKE_RETURN = QT_TRANSLATE_NOOP("errors", "make the monthly return")
ROLES = (Role.SUPERVISOR, Role.MANAGER)

# The dimensions a count is split by, and the measure each one belongs to (None: every measure).
DIMENSIONS: dict[str, str | None] = {
    "sex": None,
    "age": None,
    "concern": None,
    "location": None,
    "reason": "closed",
    "service": "referred",
}

NOT_A_MONTH = QT_TRANSLATE_NOOP(
    "errors", "The monthly return is for one month: write it as 2026-11, not “{given}”."
)
NOT_STARTED = QT_TRANSLATE_NOOP(
    "errors", "{month} has not started yet: choose this month or an earlier one."
)
UNKNOWN_FORMAT = QT_TRANSLATE_NOOP(
    "errors", "“{given}” is not a format the monthly return is saved in: choose {known}."
)

# The words of the tables (files in the agency's language; the PDF's from reports/).
WORDS: dict[str, str] = {
    "new": QT_TRANSLATE_NOOP("Monthly", "New cases"),
    "open": QT_TRANSLATE_NOOP("Monthly", "Open at the end of the month"),
    "closed": QT_TRANSLATE_NOOP("Monthly", "Closed"),
    "transferred": QT_TRANSLATE_NOOP("Monthly", "Transferred"),
    "referred": QT_TRANSLATE_NOOP("Monthly", "Referrals made"),
    "female": QT_TRANSLATE_NOOP("Monthly", "Girls"),
    "male": QT_TRANSLATE_NOOP("Monthly", "Boys"),
    "other": QT_TRANSLATE_NOOP("Monthly", "Other"),
    "unknown": QT_TRANSLATE_NOOP("Monthly", "Not known"),
    "total": QT_TRANSLATE_NOOP("Monthly", "Total"),
    "not_recorded": QT_TRANSLATE_NOOP("Monthly", "Not recorded"),
    "other_places": QT_TRANSLATE_NOOP("Monthly", "Other places"),
    "0-4": QT_TRANSLATE_NOOP("Monthly", "0–4 years"),
    "5-9": QT_TRANSLATE_NOOP("Monthly", "5–9 years"),
    "10-14": QT_TRANSLATE_NOOP("Monthly", "10–14 years"),
    "15-17": QT_TRANSLATE_NOOP("Monthly", "15–17 years"),
    "18+": QT_TRANSLATE_NOOP("Monthly", "18 years and over"),
    "measure": QT_TRANSLATE_NOOP("Monthly", "Cases"),
    "age": QT_TRANSLATE_NOOP("Monthly", "Age"),
    "reason": QT_TRANSLATE_NOOP("Monthly", "Reason for closing"),
    "service": QT_TRANSLATE_NOOP("Monthly", "Type of service"),
    "concern": QT_TRANSLATE_NOOP("Monthly", "Main protection concern"),
    "location": QT_TRANSLATE_NOOP("Monthly", "District"),
    "summary": QT_TRANSLATE_NOOP("Monthly", "Cases by sex"),
    "age_table": QT_TRANSLATE_NOOP("Monthly", "{measure}, by age and sex"),
    "closed_by_reason": QT_TRANSLATE_NOOP("Monthly", "Cases closed, by reason and sex"),
    "referred_by_service": QT_TRANSLATE_NOOP("Monthly", "Referrals made, by service and sex"),
    "by_concern": QT_TRANSLATE_NOOP("Monthly", "Cases by main protection concern"),
    "by_location": QT_TRANSLATE_NOOP("Monthly", "Cases by district"),
    "indicators": QT_TRANSLATE_NOOP("Monthly", "Standard 15 indicators"),
    "code": QT_TRANSLATE_NOOP("Monthly", "Code"),
    "indicator": QT_TRANSLATE_NOOP("Monthly", "Indicator"),
    "numerator": QT_TRANSLATE_NOOP("Monthly", "Counted"),
    "denominator": QT_TRANSLATE_NOOP("Monthly", "Out of"),
    "percent": QT_TRANSLATE_NOOP("Monthly", "Percent"),
    "figure": QT_TRANSLATE_NOOP("Monthly", "Figure"),
    "target": QT_TRANSLATE_NOOP("Monthly", "Target"),
    "answer": QT_TRANSLATE_NOOP("Monthly", "Yes (1) or no (0)"),
    "title": QT_TRANSLATE_NOOP("Monthly", "Monthly return"),
    "period": QT_TRANSLATE_NOOP("Monthly", "Month"),
    "scope": QT_TRANSLATE_NOOP("Monthly", "Cases of"),
    "agency": QT_TRANSLATE_NOOP("Monthly", "Agency"),
    "scope_team": QT_TRANSLATE_NOOP("Monthly", "the team of {name}"),
    "scope_agency": QT_TRANSLATE_NOOP("Monthly", "the whole agency"),
    "subtitle": QT_TRANSLATE_NOOP("Monthly", "{month}, cases of {scope}"),
    "percent_of": QT_TRANSLATE_NOOP("Monthly", "{n}%"),
    "yes": QT_TRANSLATE_NOOP("Monthly", "Yes"),
    "no": QT_TRANSLATE_NOOP("Monthly", "No"),
    "notes_title": QT_TRANSLATE_NOOP("Monthly", "How the figures are counted"),
    "note_new": QT_TRANSLATE_NOOP(
        "Monthly",
        "New cases: registered in the month. Open: registered by the end of the month and not "
        "closed or transferred by then.",
    ),
    "note_ended": QT_TRANSLATE_NOOP(
        "Monthly",
        "Closed and transferred: the closure or the transfer took effect in the month; the "
        "reason for closing is that of the case's latest closure request.",
    ),
    "note_referred": QT_TRANSLATE_NOOP(
        "Monthly",
        "Referrals made: each referral dated in the month (a child may have several), by the "
        "type of service.",
    ),
    "note_child": QT_TRANSLATE_NOOP(
        "Monthly",
        "Sex as registered; age in years on the last day of the month; the main protection "
        "concern is the first one ticked at registration; the district is what follows the "
        "last comma of where the child lives, or “Other places” when fewer than 5 of the agency's "
        "cases live there.",
    ),
    "note_indicators": QT_TRANSLATE_NOOP(
        "Monthly",
        "The indicators are those of the Dashboard, for the same month and the same cases; "
        "each one's rule is shown there.",
    ),
}

NOTES = ("note_new", "note_ended", "note_referred", "note_child", "note_indicators")
SHEET_NAMES = {  # an Excel sheet's name: at most 31 characters, no : \ / ? * [ ]
    "summary": "summary",
    "closed_by_reason": "closed by reason",
    "referred_by_service": "referred by service",
    "by_concern": "by concern",
    "by_location": "by district",
    "indicators": "indicators",
}


def words(language: str) -> dict[str, str]:
    """The return's words in `language` (English when it has no catalogue)."""
    from reports.texts import translated  # the catalogue reader, without Qt

    return translated(WORDS, "Monthly", language)


# -- what is counted -------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """One table of the return: row and column codes, and a count in each cell."""

    key: str
    title: str  # in the return's language
    row_heading: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[float | None, ...], ...]
    row_labels: tuple[str, ...] = ()
    column_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class MonthlyReturn:
    period: Period
    scope: Scope
    scope_text: str  # "the whole agency", "the team of Sam Supervisor"
    agency_name: str
    agency_code: str
    language: str
    made_at: datetime
    counts: dict[tuple[str, ...], int]  # see SLOT
    choices: dict[str, tuple[str, ...]]  # dimension -> its codes in order (concern, reason…)
    labels: dict[str, dict[str, str]]  # dimension -> code -> label, in `language`
    indicators: IndicatorReport
    words: dict[str, str] = field(default_factory=dict)

    def value(self, measure: str, **split: str) -> int:
        """The count of `measure`, split by any of DIMENSIONS (`sex="female", age="0-4"`)."""
        unknown = set(split) - set(SLOT)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        at = [(SLOT[k], v) for k, v in split.items()]
        return sum(
            n for key, n in self._by_measure.get(measure, ()) if all(key[i] == v for i, v in at)
        )

    @cached_property
    def _by_measure(self) -> dict[str, list[tuple[tuple[str, ...], int]]]:
        """The counts of each measure: the tables ask for hundreds of values."""
        found: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for key, n in self.counts.items():
            found.setdefault(key[0], []).append((key, n))
        return found

    def label(self, dimension: str, code: str) -> str:
        if dimension in ("sex", "age") or code in (TOTAL, NOT_RECORDED):
            return self.words[code]
        if dimension == "location" and code == OTHER_PLACE:
            return self.words["other_places"]
        return self.labels.get(dimension, {}).get(code, code)

    def codes(self, dimension: str) -> tuple[str, ...]:
        """The rows a dimension shows: its codes in order, then any found that the lists no
        longer hold, and "not recorded" when a case had none."""
        if dimension == "sex":
            return SEXES
        if dimension == "age":
            return AGE_BANDS
        position = SLOT[dimension]
        measure = DIMENSIONS[dimension]
        found = {
            key[position]
            for key, n in self.counts.items()
            if n and (measure is None or key[0] == measure)
        }
        listed = self.choices.get(dimension, ())
        extra = sorted(found - set(listed) - {NOT_RECORDED, ""})
        rows = [*listed, *extra]
        if dimension == "location":
            rows = sorted(rows, key=lambda c: (-self.value("open", location=c), c.casefold()))
        if NOT_RECORDED in found:
            rows.append(NOT_RECORDED)
        return tuple(rows)

    def tables(self) -> list[Table]:
        """The return's tables, in the order the PDF prints them and the XLSX's sheets."""
        w = self.words
        by_sex = (*SEXES, TOTAL)
        sex_labels = tuple(w[c] for c in by_sex)
        tables = [
            self._table(
                "summary",
                w["summary"],
                w["measure"],
                MEASURES,
                by_sex,
                lambda r, c: self._split(r, sex=c),
                [w[m] for m in MEASURES],
                sex_labels,
                total_row=False,
            )
        ]
        for measure in MEASURES:
            tables.append(
                self._table(
                    f"age_{measure}",
                    w["age_table"].format(measure=w[measure]),
                    w["age"],
                    AGE_BANDS,
                    by_sex,
                    lambda r, c, m=measure: self._split(m, age=r, sex=c),
                    [w[a] for a in AGE_BANDS],
                    sex_labels,
                )
            )
        for key, measure, dimension in (
            ("closed_by_reason", "closed", "reason"),
            ("referred_by_service", "referred", "service"),
        ):
            rows = self.codes(dimension)
            tables.append(
                self._table(
                    key,
                    w[key],
                    w[dimension],
                    rows,
                    by_sex,
                    lambda r, c, m=measure, d=dimension: self._split(m, sex=c, **{d: r}),
                    [self.label(dimension, r) for r in rows],
                    sex_labels,
                )
            )
        for key, dimension in (("by_concern", "concern"), ("by_location", "location")):
            rows = self.codes(dimension)
            tables.append(
                self._table(
                    key,
                    w[key],
                    w[dimension],
                    rows,
                    MEASURES,
                    lambda r, c, d=dimension: self.value(c, **{d: r}),
                    [self.label(dimension, r) for r in rows],
                    [w[m] for m in MEASURES],
                )
            )
        tables.append(self._indicator_table())
        return tables

    def _split(self, measure: str, **split: str) -> int:
        return self.value(measure, **{k: v for k, v in split.items() if v != TOTAL})

    def _table(
        self,
        key: str,
        title: str,
        row_heading: str,
        rows: Iterable[str],
        columns: Iterable[str],
        value: Callable[[str, str], int],
        row_labels: Iterable[str],
        column_labels: Iterable[str],
        total_row: bool = True,
    ) -> Table:
        rows, row_labels = list(rows), list(row_labels)
        if total_row:
            rows.append(TOTAL)
            row_labels.append(self.words[TOTAL])
        columns = tuple(columns)
        cells = []
        for r in rows:
            if r == TOTAL:  # the column's total, whichever split the table shows
                cells.append(tuple(self._column_total(key, c) for c in columns))
            else:
                cells.append(tuple(value(r, c) for c in columns))
        return Table(
            key,
            title,
            row_heading,
            tuple(rows),
            columns,
            tuple(cells),
            tuple(row_labels),
            tuple(column_labels),
        )

    def _column_total(self, key: str, column: str) -> int:
        if column in MEASURES:
            return self.value(column)
        measure = {"closed_by_reason": "closed", "referred_by_service": "referred"}.get(
            key, key.removeprefix("age_")
        )
        return self._split(measure, sex=column)

    def _indicator_table(self) -> Table:
        w = self.words
        rows, labels, cells = [], [], []
        for f in self.indicators.figures:
            rows.append(f.code)
            labels.append(_indicator_title(f.code, self.language))
            percent = None if f.percent is None else round(f.percent, 1)
            answer = None if f.fact is None else int(f.fact)
            cells.append((f.numerator, f.denominator, percent, f.target, answer))
        columns = ("numerator", "denominator", "percent", "target", "answer")
        return Table(
            "indicators",
            w["indicators"],
            w["indicator"],
            tuple(rows),
            columns,
            tuple(cells),
            tuple(labels),
            tuple(w[c] for c in columns),
        )


# A count's key: (measure, sex, age band, concern, district, detail); the detail is a closure's
# reason or a referral's service type (empty for the other measures).
SLOT = {"sex": 1, "age": 2, "concern": 3, "location": 4, "reason": 5, "service": 5}


def _indicator_title(code: str, language: str) -> str:
    from reports.catalogue import translate

    return translate(language, "indicators", indicators.DEFINITION[code].title)


# A district fewer of the agency's cases than this share is counted as "other": where a child
# lives is typed as free text, and what follows its last comma may be no district at all ("with
# the aunt of …"): a name must never reach a return that says it names no child.
DISTRICT_SHARED_BY = SMALL_CELL
OTHER_PLACE = "other"


def districts_in(s: Session) -> Callable[[str], str]:
    """Where a child lives at district level: what follows the last comma, when it reads as a
    place name and at least DISTRICT_SHARED_BY of the agency's cases live there (written as
    most of them spell it); "other" otherwise, and NOT_RECORDED when nothing was typed."""
    # Each place as typed, with how many cases name it: the same text recurs (a village, a
    # district), and 100,000 cases name a few thousand places at most.
    kept = shared_districts(
        dict(
            s.execute(
                select(Case.location, func.count())
                .where(Case.location != "")
                .group_by(Case.location)
            ).all()
        ),
        DISTRICT_SHARED_BY,
    )

    def district(location: str) -> str:
        if not location.strip():
            return NOT_RECORDED
        place = district_of(location)
        return kept.get(district_key(place), OTHER_PLACE) if place is not None else OTHER_PLACE

    return district


def _answer(key: str | tuple[str | int, ...]) -> ColumnElement[str]:
    return type_coerce(FormSubmission.answers, JSON)[key].as_string()


def _latest_answers(
    s: Session, where: ColumnElement[bool], form_id: str, answer: ColumnElement[str]
) -> dict[int, str]:
    """Each case's answer in its latest revision of `form_id` (the last instance saved)."""
    found: dict[int, str] = {}
    for cid, value in s.execute(
        select(FormSubmission.case_id, answer)
        .join(Case, Case.id == FormSubmission.case_id)
        .where(where, FormSubmission.form_id == form_id)
        .order_by(FormSubmission.submitted_at, FormSubmission.id)
    ):
        found[cid] = value or ""
    return found


def _count(s: Session, where: ColumnElement[bool], p: Period) -> Counter[tuple[str, ...]]:
    counts: Counter[tuple[str, ...]] = Counter()
    ended_statuses = (CaseStatus.CLOSED.value, CaseStatus.TRANSFERRED.value)
    # A referral dated in the month was saved in it or later (its date is never in the future).
    referrals = [
        (cid, service)
        for cid, service, referred_on, at in s.execute(
            select(
                FormSubmission.case_id,
                _answer("service_type"),
                _answer("referred_on"),
                FormSubmission.submitted_at,
            )
            .join(Case, Case.id == FormSubmission.case_id)
            .where(
                where,
                FormSubmission.form_id == "referral",
                FormSubmission.revision == 1,
                FormSubmission.submitted_at >= p.starts,
            )
        )
        if p.start <= (indicators._day(referred_on) or at.date()) <= p.end
    ]
    # The cases a count can reach: registered by the month's end and not ended before it, and
    # those referred in the month (a referral may be dated after the case ended).
    reached = or_(
        and_(
            Case.registered_at < p.ends,
            or_(Case.status.not_in(ended_statuses), Case.stage_changed_at >= p.starts),
        ),
        Case.id.in_(sorted({cid for cid, _ in referrals})),
    )
    people: dict[int, tuple[str, str, str]] = {}  # case -> sex, age band, district
    counted: list[tuple[int, str]] = []
    starts, ends, last_day = p.starts, p.ends, p.end
    places: dict[str, str] = {}  # where a child lives -> its district (the same text recurs)
    ages: dict[date | None, str] = {}  # a day of birth -> the age band (many children share one)
    district = districts_in(s)
    # The same rule as the indicators': a closed or transferred case ended when its stage last
    # changed. The comparisons are made by SQLite: 100,000 moments are not parsed here.
    ended = Case.status.in_(ended_statuses)
    for cid, sex, born, location, status, by_end, new, ended_by_end, ended_after_start in (
        s.connection()
        .execute(
            select(
                Case.id,
                Case.sex,
                Case.birth_date,
                Case.location,
                Case.status,
                Case.registered_at < ends,
                Case.registered_at >= starts,
                and_(ended, Case.stage_changed_at < ends),
                Case.stage_changed_at >= starts,
            ).where(where, reached)
        )
        .all()
    ):
        location = location or ""
        place = places.get(location)
        if place is None:
            place = places[location] = district(location)
        age = ages.get(born)
        if age is None:
            age = ages[born] = age_band(born, last_day)
        people[cid] = (sex if sex in SEXES else "unknown", age, place)
        if not by_end:
            continue
        if new:
            counted.append((cid, "new"))
        if not ended_by_end:
            counted.append((cid, "open"))
        elif ended_after_start:
            counted.append((cid, status))
    concerns = _latest_answers(s, and_(where, reached), "registration", _answer(("concerns", 0)))
    closed_status = CaseStatus.CLOSED.value
    closed = [cid for cid, measure in counted if measure == closed_status]
    reasons = _latest_answers(s, Case.id.in_(closed), "closure_request", _answer("reason"))
    for cid, measure in counted:
        sex, age, place = people[cid]
        detail = (reasons.get(cid) or NOT_RECORDED) if measure == "closed" else ""
        counts[(measure, sex, age, concerns.get(cid) or NOT_RECORDED, place, detail)] += 1
    for cid, service in referrals:
        sex, age, place = people[cid]
        key = ("referred", sex, age, concerns.get(cid) or NOT_RECORDED, place)
        counts[(*key, service or NOT_RECORDED)] += 1
    return counts


@access.requires(*ROLES, action=MAKE_RETURN)
def choices_of(us: UserSession, language: str) -> tuple[dict[str, tuple[str, ...]], dict]:
    """The agency's lists of concerns, closure reasons and service types, and their labels."""
    from desktop import case_forms

    forms = case_forms.form_set(us)
    codes: dict[str, tuple[str, ...]] = {}
    labels: dict[str, dict[str, str]] = {}
    for dimension, form_id, field_id in (
        ("concern", "registration", "concerns"),
        ("reason", "closure_request", "reason"),
        ("service", "referral", "service_type"),
    ):
        form = forms.forms.get(form_id)
        found = form.field(field_id) if form is not None else None
        codes[dimension] = tuple(found.choice_codes()) if found is not None else ()
        labels[dimension] = {c: found.choice_label(c, language) for c in codes[dimension]}
    return codes, labels


def month_of(text: str, today: date | None = None) -> Period:
    """The month a person wrote (2026-11), refused plainly when it is not one or not begun."""
    period = Period.parse(text)
    if period.kind != "month":
        raise PeriodError(NOT_A_MONTH, given=text.strip())
    today = today or datetime.now(UTC).date()
    if period.start > today:
        raise PeriodError(NOT_STARTED, month=period.code)
    return period


@access.requires(*ROLES, action=MAKE_RETURN)
def scope_for(us: UserSession, scope: Scope | None) -> Scope:
    """The scope asked for, or the widest the person's role gives (a team or the agency)."""
    if scope is None:
        wide = [x for x in indicators.scopes_for(us.user.roles) if x != Scope.OWN]
        if not wide:
            access.refuse(us, PermissionDenied(action=MAKE_RETURN))
        scope = wide[0]
    if scope == Scope.OWN:
        access.refuse(us, PermissionDenied(action=MAKE_RETURN))
    indicators.check_scope(us, scope)
    return scope


def compute(
    s: Session,
    us: UserSession,
    period: Period,
    scope: Scope,
    language: str,
    choices: tuple[dict[str, tuple[str, ...]], dict],
    now: datetime | None = None,
) -> MonthlyReturn:
    """The return of `period` for `scope` (in a service's unit of work, the scope checked)."""
    now = now or datetime.now(UTC)
    where = indicators._case_filter(us, scope)
    agency = s.execute(select(Agency.name, Agency.code)).one()
    w = words(language)
    scope_text = (
        w["scope_agency"]
        if scope == Scope.AGENCY
        else w["scope_team"].format(name=us.user.full_name)
    )
    codes, labels = choices
    counts = _count(s, where, period)
    report = indicators.compute(s, us, scope, [period], now)[0]
    return MonthlyReturn(
        period=period,
        scope=scope,
        scope_text=scope_text,
        agency_name=agency.name,
        agency_code=agency.code,
        language=language,
        made_at=now,
        counts=dict(counts),  # type: ignore[arg-type]
        choices=codes,
        labels=labels,
        indicators=report,
        words=w,
    )


@access.requires(*ROLES, action=MAKE_RETURN)
def produce(
    us: UserSession,
    period: Period,
    scope: Scope | None,
    event: str,
    what: str,
    language: str | None = None,
    now: datetime | None = None,
) -> MonthlyReturn:
    """Compute the return and record, in the same unit of work, that it left the store: its
    period, scope and format (`what`), never a figure."""
    scope = scope_for(us, scope)
    language = language or us.agency.language
    choices = choices_of(us, language)
    with us.store.write() as s:
        made = compute(s, us, period, scope, language, choices, now)
        us.audit(s, event, summary=f"period {period.code}, scope {scope.value}, format {what}")
        return made


# -- the files ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MadeReturn:
    """A file made in memory, to save where the person chooses."""

    data: bytes
    file_name: str  # a suggestion: "Monthly return KGL 2026-11.pdf"
    format: str
    made: MonthlyReturn


def format_of(name: str, known: Iterable[str] = FORMATS) -> str:
    """The format a file name's extension asks for, refused plainly when we make no such file."""
    known = tuple(known)
    given = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if given not in known:
        raise InvalidInput(
            UNKNOWN_FORMAT, given=f".{given}" if given else name, known=", ".join(known)
        )
    return given


@access.requires(*ROLES, action=MAKE_RETURN)
def monthly_return(
    us: UserSession,
    period: Period,
    fmt: str,
    scope: Scope | None = None,
    *,
    language: str | None = None,
    now: datetime | None = None,
) -> MadeReturn:
    """The month's return as a PDF, an XLSX workbook or a CSV file, for the person's team (a
    supervisor) or agency (a manager): audited as `report.monthly`."""
    fmt = format_of(f".{fmt}")
    made = produce(us, period, scope, MONTHLY_EVENT, fmt, language, now)
    if fmt == "pdf":
        data = _pdf_of(us, made)
    elif fmt == "xlsx":
        data = xlsx_of(made)
    else:
        data = csv_of(made)
    name = f"{made.words['title']} {made.agency_code} {period.code}.{fmt}"
    return MadeReturn(data, name, fmt, made)


def save(made: MadeReturn, path: Path) -> None:
    """Write a made file where the person chose (whole, or not at all: written beside it and
    renamed over it)."""
    from db.files import write_file

    write_file(path, made.data)


def csv_of(made: MonthlyReturn) -> bytes:
    """One tidy long table: table, row, column, value (codes, not words: for a program)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(("table", "row", "column", "value"))
    for table in made.tables():
        for row, cells in zip(table.rows, table.cells, strict=True):
            for column, value in zip(table.columns, cells, strict=True):
                if value is not None:
                    writer.writerow((table.key, _inert(row), column, _number(value)))
    return out.getvalue().encode("utf-8")


# A district is typed by people: in a spreadsheet, text that starts like a formula would run.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(text: str) -> str:
    """Text a spreadsheet shows as text, never as a formula (OWASP's CSV injection advice)."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def xlsx_of(made: MonthlyReturn) -> bytes:
    """A workbook: one sheet per table, the agency and month on top, a header row, numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    w = made.words
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for table in made.tables():
        name = SHEET_NAMES.get(table.key) or table.key.replace("age_", "by age, ")
        sheet = book.create_sheet(name[:31])
        sheet.append([w["agency"], made.agency_name])
        sheet.append([w["period"], made.period.code, w["scope"], made.scope_text])
        for cell in (*sheet[1], *sheet[2]):
            cell.data_type = "s"  # the agency's name and a person's name are text
        sheet.append([table.title])
        sheet["A3"].font = bold
        header = [table.row_heading, *table.column_labels]
        if table.key == "indicators":
            header.insert(0, w["code"])
        sheet.append(header)
        for cell in sheet[4]:
            cell.font = bold
        for code, label, cells in zip(table.rows, table.row_labels, table.cells, strict=True):
            line: list[object] = [label, *cells]
            if table.key == "indicators":
                line.insert(0, code)
            sheet.append(line)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # openpyxl stores "=…" as a formula otherwise
        sheet.freeze_panes = "B5"
        sheet.column_dimensions["A"].width = 12 if table.key == "indicators" else 44
        if table.key == "indicators":
            sheet.column_dimensions["B"].width = 52
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sentence(text: str) -> str:
    """A capital first letter ("décembre 2026, …" opens a line in French)."""
    return text[:1].upper() + text[1:]


def _shown(value: float | None) -> str:
    return "–" if value is None else _number(value)


def document_of(made: MonthlyReturn) -> Any:
    """The return as the printed document's plain data, in the return's language."""
    from reports.catalogue import translate
    from reports.monthly_return import ReturnDocument, ReturnTable
    from reports.texts import MONTHS

    w = made.words
    month = translate(made.language, "Dates", MONTHS[made.period.start.month - 1])
    month = f"{month} {made.period.start.year}"
    tables = []
    found = made.tables()
    for table in found[:-1]:
        rows = tuple(
            (label, *(_shown(c) for c in cells))
            for label, cells in zip(table.row_labels, table.cells, strict=True)
        )
        tables.append(
            ReturnTable(
                table.title,
                (table.row_heading, *table.column_labels),
                rows,
                total_last=table.key != "summary",
                narrow_label=table.columns == MEASURES,
            )
        )
    figures = []
    for f in made.indicators.figures:
        if f.definition.kind == "yes_no":
            shown = "–" if f.fact is None else w["yes"] if f.fact else w["no"]
        elif f.percent is None:
            shown = "–"
        else:
            shown = w["percent_of"].format(n=f"{f.percent:.0f}")
        target = "" if f.target is None else w["percent_of"].format(n=f"{f.target:g}")
        figures.append(
            (
                f.code,
                _indicator_title(f.code, made.language),
                _shown(f.numerator),
                _shown(f.denominator),
                shown,
                target,
            )
        )
    ind = found[-1]
    indicator_table = ReturnTable(
        ind.title,
        (w["code"], w["indicator"], w["numerator"], w["denominator"], w["figure"], w["target"]),
        tuple(figures),
        total_last=False,
        text_columns=2,
    )
    return ReturnDocument(
        title=w["title"],
        subtitle=_sentence(w["subtitle"].format(month=month, scope=made.scope_text)),
        reference=f"{made.agency_code} {made.period.code}",
        facts=(
            (w["agency"], made.agency_name),
            (w["period"], month),
            (w["scope"], made.scope_text),
        ),
        notes_title=w["notes_title"],
        notes=tuple(w[k] for k in NOTES),
        tables=tuple(tables),
        indicators=indicator_table,
    )


def _pdf_of(us: UserSession, made: MonthlyReturn) -> bytes:
    from desktop.agency import paper_in
    from desktop.document_data import letterhead
    from reports import monthly_return
    from reports.layout import PrintOptions

    with us.store.read() as s:
        head, paper = letterhead(s), paper_in(s)
    options = PrintOptions(
        printed_on=made.made_at.astimezone().date(),
        language=made.language,
        paper=paper,
        printed_by=us.user.full_name,
    )
    return monthly_return.build(document_of(made), head, options).pdf


__all__ = [
    "AGE_BANDS",
    "MEASURES",
    "SEXES",
    "MadeReturn",
    "MonthlyReturn",
    "Table",
    "age_band",
    "districts_in",
    "format_of",
    "month_of",
    "monthly_return",
]

"""The Standard 15 indicators (seed 004, [50]–[60]; guidance note 10), computed from the record.

Each indicator is defined once here, with its rule in words beside it, and is used alike by the
dashboard, the monthly return (PDF, XLSX, CSV), the DHIS2 file and the command line. A figure
carries its numerator, its denominator and the cases behind them, for a period (a month, a
quarter, a year or chosen dates) and a scope that follows the person's role: a caseworker their
own caseload, a supervisor their team, a manager the agency. Nothing here knows Qt.

Dates: a period runs from the start of its first day to the end of its last, in UTC; form dates
typed by people (a visit's date, a review's date) are calendar days.
"""

from __future__ import annotations

import calendar
import enum
import json
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from itertools import pairwise
from types import MappingProxyType
from typing import Any, NamedTuple

from sqlalchemy import JSON, ColumnElement, String, func, or_, select, true, type_coerce
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP, InvalidInput, PermissionDenied
from db.models import (
    Approval,
    Case,
    CaseStatus,
    FormSubmission,
    RiskLevel,
    Role,
    Setting,
    SupervisionNote,
    Task,
    User,
)
from desktop import access
from desktop.case_state import deadlines_in
from desktop.session import UserSession
from desktop.workflow import Deadlines, add_months

# -- periods ------------------------------------------------------------------------------------


class PeriodError(InvalidInput):
    pass


BAD_PERIOD = QT_TRANSLATE_NOOP(
    "errors",
    "“{given}” is not a period: write a month (2026-11), a quarter (2026-Q4), a year (2026) or "
    "two dates (2026-01-01..2026-03-31).",
)


@dataclass(frozen=True)
class Period:
    """A month, a quarter, a year or chosen dates; `end` is its last day."""

    kind: str  # month, quarter, year, custom
    start: date
    end: date

    @classmethod
    def parse(cls, text: str) -> Period:
        t = text.strip()
        try:
            if m := re.fullmatch(r"(\d{4})-(\d{2})", t):
                year, month = int(m[1]), int(m[2])
                return cls.month(year, month)
            if m := re.fullmatch(r"(\d{4})-?Q([1-4])", t, re.IGNORECASE):
                year, quarter = int(m[1]), int(m[2])
                start = date(year, 3 * quarter - 2, 1)
                end = _month_end(year, 3 * quarter)
                return cls("quarter", start, end)
            if re.fullmatch(r"\d{4}", t):
                return cls("year", date(int(t), 1, 1), date(int(t), 12, 31))
            if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", t):
                start, end = date.fromisoformat(m[1]), date.fromisoformat(m[2])
                if start <= end and (end - start).days <= 3660:
                    return cls("custom", start, end)
        except ValueError:
            pass
        raise PeriodError(BAD_PERIOD, given=text)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12 or not 1900 <= year <= 9999:
            raise ValueError(month)
        return cls("month", date(year, month, 1), _month_end(year, month))

    @classmethod
    def current(cls, kind: str, today: date | None = None) -> Period:
        today = today or date.today()
        if kind == "quarter":
            return cls.parse(f"{today.year}-Q{(today.month - 1) // 3 + 1}")
        if kind == "year":
            return cls.parse(str(today.year))
        return cls.month(today.year, today.month)

    @property
    def code(self) -> str:
        """How the command line and the files write it: 2026-11, 2026-Q4, 2026, or two dates."""
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def dhis2(self) -> str | None:
        """DHIS2's period identifier (202611, 2026Q4, 2026); none for chosen dates."""
        if self.kind == "month":
            return f"{self.start:%Y%m}"
        if self.kind == "quarter":
            return f"{self.start.year}Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.start.year)
        return None

    @cached_property
    def starts(self) -> datetime:
        return datetime.combine(self.start, time(), UTC)

    @cached_property
    def ends(self) -> datetime:
        """The first moment after the period."""
        return datetime.combine(self.end + timedelta(days=1), time(), UTC)

    def earlier(self, n: int) -> Period:
        """The period `n` steps before this one (of the same length, for chosen dates)."""
        if self.kind == "custom":
            length = (self.end - self.start).days + 1
            return Period(
                "custom",
                self.start - timedelta(days=n * length),
                self.end - timedelta(days=n * length),
            )
        months = {"month": 1, "quarter": 3, "year": 12}[self.kind] * n
        start = add_months(datetime.combine(self.start, time()), -months).date()
        if self.kind == "month":
            return Period.month(start.year, start.month)
        if self.kind == "quarter":
            return Period.parse(f"{start.year}-Q{(start.month - 1) // 3 + 1}")
        return Period.parse(str(start.year))

    def trend(self, count: int = 12) -> list[Period]:
        """The last `count` periods, oldest first, ending with this one."""
        return [self.earlier(n) for n in range(count - 1, -1, -1)]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# -- scope --------------------------------------------------------------------------------------


class Scope(enum.StrEnum):
    OWN = "own"  # the person's own caseload
    TEAM = "team"  # a supervisor's team
    AGENCY = "agency"  # every case of the agency


SCOPE_ACTIONS = {
    Scope.OWN: QT_TRANSLATE_NOOP("errors", "see figures of your own caseload"),
    Scope.TEAM: QT_TRANSLATE_NOOP("errors", "see your team's figures"),
    Scope.AGENCY: QT_TRANSLATE_NOOP("errors", "see the agency's figures"),
}


def scopes_for(roles: Iterable[Role]) -> list[Scope]:
    """The scopes a person may ask for, widest first."""
    roles = set(roles)
    found = []
    if Role.MANAGER in roles:
        found.append(Scope.AGENCY)
    if Role.SUPERVISOR in roles:
        found.append(Scope.TEAM)
    if roles & {Role.SUPERVISOR, Role.CASEWORKER}:
        found.append(Scope.OWN)
    return found


@access.signed_in
def check_scope(us: UserSession, scope: Scope) -> None:
    """Refuse (audited) a scope the person's role does not give."""
    if scope not in scopes_for(us.user.roles):
        access.refuse(us, PermissionDenied(action=SCOPE_ACTIONS[scope]))


def _case_filter(us: UserSession, scope: Scope) -> ColumnElement[bool]:
    if scope == Scope.AGENCY:
        return true()
    if scope == Scope.TEAM:
        team = select(User.id).where(or_(User.supervisor_id == us.user.id, User.id == us.user.id))
        return Case.caseworker_id.in_(team.scalar_subquery())
    return Case.caseworker_id == us.user.id


def _workers(s: Session, us: UserSession, scope: Scope) -> list[tuple[int, str]]:
    """The caseworkers a scope counts (15.7, 15.8): everyone who holds cases in it."""
    query = select(User.id, User.full_name).where(User.active).order_by(User.full_name)
    if scope == Scope.OWN:
        query = query.where(User.id == us.user.id)
    elif scope == Scope.TEAM:
        query = query.where(User.supervisor_id == us.user.id)
    else:
        query = query.where(User.roles.contains(Role.CASEWORKER.value))
    return list(s.execute(query).all())


# -- settings -------------------------------------------------------------------------------------

WEIGHTS_SETTING = "caseload_weights"
TARGETS_SETTING = "indicator_targets"
FACTS_SETTING = "agency_facts"
DEFAULT_WEIGHTS = {"high": 2.0, "medium": 1.0, "low": 0.5}
CASELOAD_BAND = (15.0, 30.0)
UNASSESSED_WEIGHT = "medium"  # a case not assessed yet weighs as a medium one
FACT_CODES = ("15.9", "15.11")


@dataclass(frozen=True)
class AgencyFact:
    """A yes/no fact about the agency (15.9, 15.11), as Administration recorded it."""

    code: str
    value: bool | None
    checked_on: date | None


def _json_setting(s: Session, key: str) -> Any:
    value = s.execute(select(Setting.value).where(Setting.key == key)).scalar()
    return json.loads(value) if value else None


def weights_in(s: Session) -> dict[str, float]:
    found = _json_setting(s, WEIGHTS_SETTING) or {}
    return {k: float(found.get(k, v)) for k, v in DEFAULT_WEIGHTS.items()}


def targets_in(s: Session) -> dict[str, float]:
    return {str(k): float(v) for k, v in (_json_setting(s, TARGETS_SETTING) or {}).items()}


def facts_in(s: Session) -> dict[str, AgencyFact]:
    found = _json_setting(s, FACTS_SETTING) or {}
    facts = {}
    for code in FACT_CODES:
        item = found.get(code) or {}
        checked = item.get("checked_on")
        facts[code] = AgencyFact(
            code, item.get("value"), date.fromisoformat(checked) if checked else None
        )
    return facts


def _put(s: Session, key: str, value: object) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=json.dumps(value)))
    else:
        row.value = json.dumps(value)


@dataclass(frozen=True)
class IndicatorSettings:
    weights: dict[str, float]
    targets: dict[str, float]
    facts: dict[str, AgencyFact]


@access.signed_in
def indicator_settings(us: UserSession) -> IndicatorSettings:
    """The caseload weighting, the agency's targets and its yes/no facts (everyone may read)."""
    with us.store.read() as s:
        return IndicatorSettings(weights_in(s), targets_in(s), facts_in(s))


@access.requires(
    Role.ADMINISTRATOR,
    Role.MANAGER,
    action=QT_TRANSLATE_NOOP("errors", "change the indicators' settings"),
)
def save_indicator_settings(us: UserSession, new: IndicatorSettings) -> IndicatorSettings:
    """Save the weighting, the targets and the facts (with the date each was last checked)."""
    for level in DEFAULT_WEIGHTS:
        weight = new.weights.get(level)
        if weight is None or not 0 <= weight <= 10:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "A risk weight is a number from 0 to 10.")
            )
    for target in new.targets.values():
        if not 0 <= target <= 100:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A target is a percentage, 0 to 100."))
    for fact in new.facts.values():
        if fact.checked_on is not None and fact.checked_on > date.today():
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors", "The date a fact was checked cannot be in the future.")
            )
    with us.store.write() as s:
        _put(s, WEIGHTS_SETTING, {k: new.weights[k] for k in DEFAULT_WEIGHTS})
        _put(s, TARGETS_SETTING, {k: v for k, v in new.targets.items() if k in CODES})
        _put(
            s,
            FACTS_SETTING,
            {
                f.code: {
                    "value": f.value,
                    "checked_on": f.checked_on.isoformat() if f.checked_on else None,
                }
                for f in new.facts.values()
                if f.code in FACT_CODES
            },
        )
        us.audit(s, "indicators.settings_changed")
        return IndicatorSettings(weights_in(s), targets_in(s), facts_in(s))


# -- the definitions --------------------------------------------------------------------------


@dataclass(frozen=True)
class Definition:
    code: str
    title: str  # marked for translation, context "indicators"
    rule: str  # how it is computed, in words (shown beside the figure)
    kind: str = "percent"  # percent, or yes_no


DEFINITIONS = (
    Definition(
        "15.1",
        QT_TRANSLATE_NOOP("indicators", "Cases whose risk level was reduced"),
        QT_TRANSLATE_NOOP(
            "indicators",
            "Cases open at some time in the period whose risk was recorded at least twice by its "
            "end (assessments, visits, reviews, the closure request). Counted: the latest level "
            "is lower than the first one.",
        ),
    ),
    Definition(
        "15.2",
        QT_TRANSLATE_NOOP("indicators", "Cases closed with the plan achieved"),
        QT_TRANSLATE_NOOP(
            "indicators",
            "Cases closed in the period. Counted: the closure request says all the goals of the "
            "plan were met.",
        ),
    ),
    Definition(
        "15.3",
        QT_TRANSLATE_NOOP("indicators", "Children and caregivers satisfied with the services"),
        QT_TRANSLATE_NOOP(
            "indicators",
            "Answers of children and caregivers asked at a visit after closure in the period. "
            "Counted: the child said “good”, or the caregiver “satisfied” or “very satisfied”.",
        ),
    ),
    Definition(
        "15.4",
        QT_TRANSLATE_NOOP("indicators", "Children who feel safer after closure"),
        QT_TRANSLATE_NOOP(
            "indicators",
            "Children who answered at a visit after closure in the period. Counted: the child "
            "feels safer than before the help started.",
        ),
    ),
    Definition(
        "15.5",
        QT_TRANSLATE_NOOP("indicators", "Files meeting the quality checklist"),
        QT_TRANSLATE_NOOP(
            "indicators",
            "Files a supervisor reviewed in the period (file review form). Counted: every item "
            "of the checklist is met or does not apply.",
        ),
    ),
    Definition(
        "15.6",
        QT_TRANSLATE_NOOP("indicators", "Actions done within the SOP deadlines"),
        QT_TRANSLATE_NOOP(
            "indicators",
            "Initial and full assessments, case plans, plan reviews and visits after closure "
            "whose deadline (the agency's SOP) fell in the period, and already passed. Counted: "
            "the form was saved by its deadline.",
        ),
    ),
    Definition(
        "15.7",
        QT_TRANSLATE_NOOP("indicators", "Caseworkers with 15 to 30 cases, weighted by risk"),
        QT_TRANSLATE_NOOP(
            "indicators",
            "Open cases of each caseworker at the end of the period, weighted by their risk "
            "(high {high}, medium {medium}, low {low}; not yet assessed as medium). Counted: "
            "caseworkers whose weighted caseload is from 15 to 30. Yes when all are.",
        ),
        "yes_no",
    ),
    Definition(
        "15.8",
        QT_TRANSLATE_NOOP("indicators", "Supervision in place"),
        QT_TRANSLATE_NOOP(
            "indicators",
            "Supervision sessions recorded with each caseworker. Counted: caseworkers with at "
            "least one session in every month of the period. Yes when all are.",
        ),
        "yes_no",
    ),
    Definition(
        "15.9",
        QT_TRANSLATE_NOOP("indicators", "Job descriptions and SOPs in place and known"),
        QT_TRANSLATE_NOOP(
            "indicators", "Recorded in Administration, with the date it was last checked."
        ),
        "yes_no",
    ),
    Definition(
        "15.10",
        QT_TRANSLATE_NOOP("indicators", "Plans agreed with the child or family"),
        QT_TRANSLATE_NOOP(
            "indicators",
            "Case plans (each version) saved in the period. Counted: the child or the family "
            "agrees with the plan.",
        ),
    ),
    Definition(
        "15.11",
        QT_TRANSLATE_NOOP("indicators", "Case management staff meet the competencies"),
        QT_TRANSLATE_NOOP(
            "indicators", "Recorded in Administration, with the date it was last checked."
        ),
        "yes_no",
    ),
)
CODES = tuple(d.code for d in DEFINITIONS)
DEFINITION = {d.code: d for d in DEFINITIONS}


@dataclass(frozen=True)
class WorkerFigure:
    """One caseworker's part of 15.7 and 15.8."""

    user_id: int
    name: str
    open_cases: int
    weighted: float
    sessions: int
    months_supervised: int


@dataclass(frozen=True)
class Figure:
    code: str
    numerator: int | None
    denominator: int | None
    case_ids: tuple[int, ...] = ()  # the cases the denominator counts
    met_case_ids: tuple[int, ...] = ()  # those the numerator counts
    fact: bool | None = None  # a yes/no figure: its answer
    checked_on: date | None = None  # a recorded fact: when it was last checked
    target: float | None = None
    workers: tuple[WorkerFigure, ...] = ()

    @property
    def definition(self) -> Definition:
        return DEFINITION[self.code]

    @property
    def percent(self) -> float | None:
        if not self.denominator or self.numerator is None:
            return None
        return 100.0 * self.numerator / self.denominator


@dataclass(frozen=True)
class IndicatorReport:
    period: Period
    scope: Scope
    figures: tuple[Figure, ...]
    weights: dict[str, float] = field(default_factory=dict)

    def figure(self, code: str) -> Figure:
        return next(f for f in self.figures if f.code == code)


# -- reading the record -------------------------------------------------------------------------

RISK_FORMS = {
    "initial_assessment": "risk_level",
    "full_assessment": "risk_level",
    "follow_up_visit": "risk_level",
    "review": "risk_level",
    "closure_request": "risk_at_closure",
}
RANK = {RiskLevel.LOW.value: 0, RiskLevel.MEDIUM.value: 1, RiskLevel.HIGH.value: 2}
SATISFIED_CHILD = {"good"}
SATISFIED_CAREGIVER = {"very_satisfied", "satisfied"}
RATED = {"good", "okay", "not_good"}
RATED_CAREGIVER = {"very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied"}
SAFER = {"safer"}
SAFETY_ANSWERED = {"safer", "same", "less_safe"}
FILE_REVIEW = "file_review"
FILE_REVIEW_ITEMS = (
    "consent_recorded",
    "assessments_on_time",
    "plan_agreed_signed",
    "reviews_on_time",
    "closure_authorised",
    "notes_current",
    "referrals_followed_up",
)
CHECK_MET = {"yes", "not_applicable"}


def _answer(key: str | tuple[str | int, ...]) -> Any:
    """One answer read by the database (JSON path): portable SQL, no JSON parsed in Python."""
    return type_coerce(FormSubmission.answers, JSON)[key].as_string()


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


class _CaseFacts(NamedTuple):
    """One case as the indicators see it: a tuple, as 100,000 of them are made for a large
    agency's dashboard; most have no form, and share the empty defaults."""

    id: int
    worker: int | None
    status: str
    risk: str | None
    registered: datetime
    ended: datetime | None  # closed or transferred at
    readings: Sequence[tuple[datetime, str]] = ()  # in the order they were saved
    first: Mapping[str, datetime] = MappingProxyType({})  # form id -> first saved
    plan_approved: datetime | None = None
    reviews: Sequence[datetime] = ()
    visits: Sequence[datetime] = ()


def _utc(text: str) -> datetime:
    """A UTCDateTime read as the text it is stored as (naive UTC): parsed here with its zone,
    100,000 of them take a tenth of the time the ORM's conversion of each value takes."""
    return datetime.fromisoformat(text + "+00:00")


class _Record:
    """Everything the indicators read for one scope, read once for all the periods asked."""

    def __init__(self, s: Session, where: ColumnElement[bool], until: datetime) -> None:
        self.cases: dict[int, _CaseFacts] = {}
        ended_statuses = (CaseStatus.CLOSED.value, CaseStatus.TRANSFERRED.value)
        # Every case of the scope (100,000 in a large agency): read through the connection as
        # plain rows, not ORM rows, and the dates as text.
        for cid, worker, status, risk, registered, changed in (
            s.connection()
            .execute(
                select(
                    Case.id,
                    Case.caseworker_id,
                    Case.status,
                    Case.risk,
                    type_coerce(Case.registered_at, String),
                    type_coerce(Case.stage_changed_at, String),
                ).where(where, Case.registered_at < until)
            )
            .all()
        ):
            ended = _utc(changed) if status in ended_statuses else None
            self.cases[cid] = _CaseFacts(cid, worker, status, risk, _utc(registered), ended)
        readings: dict[int, list[tuple[datetime, str]]] = defaultdict(list)
        first: dict[int, dict[str, datetime]] = defaultdict(dict)
        reviews: dict[int, list[datetime]] = defaultdict(list)
        visits: dict[int, list[datetime]] = defaultdict(list)
        approved: dict[int, datetime] = {}
        self.closures: dict[int, str | None] = {}  # case -> goals met, latest closure request
        self.post_closure: list[tuple[int, date | None, str | None, str | None, str | None]] = []
        self.reviews_done: list[tuple[int, date | None, dict[str, str | None]]] = []
        self.plans: list[tuple[int, datetime, str | None, str | None]] = []
        query = (
            select(
                FormSubmission.case_id,
                FormSubmission.form_id,
                FormSubmission.submitted_at,
                FormSubmission.revision,
                _answer("risk_level"),
                _answer("risk_at_closure"),
                _answer("goals_achieved"),
                _answer("visited_on"),
                _answer("after_closure"),
                _answer("child_rating"),
                _answer("caregiver_rating"),
                _answer("child_safer"),
                _answer("child_agreement"),
                _answer("family_agreement"),
                _answer("reviewed_on"),
                *(_answer(item) for item in FILE_REVIEW_ITEMS),
            )
            .join(Case, Case.id == FormSubmission.case_id)
            .where(
                where,
                FormSubmission.submitted_at < until,
                FormSubmission.form_id.in_(
                    (*RISK_FORMS, "case_plan", FILE_REVIEW),
                ),
            )
            .order_by(FormSubmission.submitted_at, FormSubmission.id)
        )
        for (
            cid,
            form_id,
            at,
            revision,
            risk,
            closing_risk,
            goals,
            visited_on,
            after_closure,
            child_rating,
            caregiver_rating,
            safer,
            child_agrees,
            family_agrees,
            reviewed_on,
            *checks,
        ) in s.execute(query):
            case = self.cases.get(cid)
            if case is None:
                continue
            level = closing_risk if form_id == "closure_request" else risk
            if form_id in RISK_FORMS and level in RANK:
                readings[cid].append((at, level))
            if revision == 1:
                first[cid].setdefault(form_id, at)
            if form_id == "closure_request":
                self.closures[cid] = goals
            elif form_id == "review" and revision == 1:
                reviews[cid].append(at)
            elif form_id == "follow_up_visit" and revision == 1:
                visits[cid].append(at)
                if after_closure in ("1", "true", "True"):
                    self.post_closure.append(
                        (cid, _day(visited_on) or at.date(), child_rating, caregiver_rating, safer)
                    )
            elif form_id == "case_plan":
                self.plans.append((cid, at, child_agrees, family_agrees))
            elif form_id == FILE_REVIEW:  # every checklist answer, with the review's date
                self.reviews_done.append(
                    (
                        cid,
                        _day(reviewed_on) or at.date(),
                        dict(zip(FILE_REVIEW_ITEMS, checks, strict=True)),
                    )
                )
        for cid, decided in s.execute(
            select(Approval.case_id, func.min(Approval.decided_at))
            .join(Case, Case.id == Approval.case_id)
            .where(where, Approval.kind == "case_plan", Approval.state == "approved")
            .group_by(Approval.case_id)
        ):
            if cid in self.cases and decided is not None:
                approved[cid] = decided
        for cid in (
            readings.keys() | first.keys() | reviews.keys() | visits.keys() | approved.keys()
        ):
            self.cases[cid] = self.cases[cid]._replace(
                readings=readings.get(cid, ()),
                first=first.get(cid, {}),
                plan_approved=approved.get(cid),
                reviews=reviews.get(cid, ()),
                visits=visits.get(cid, ()),
            )


class _Periods:
    """The periods asked for, in order and apart (a trend): each case, date and deadline is put
    into the period it falls in, so the record is walked once for all of them."""

    def __init__(self, periods: Sequence[Period]) -> None:
        self.periods = list(periods)
        self.starts = [p.starts for p in self.periods]
        self.ends = [p.ends for p in self.periods]
        self.first_days = [p.start for p in self.periods]
        self.last_days = [p.end for p in self.periods]

    def __len__(self) -> int:
        return len(self.periods)

    def at(self, moment: datetime) -> int | None:
        """The period a moment falls in, if any."""
        i = bisect_right(self.starts, moment) - 1
        return i if i >= 0 and moment < self.ends[i] else None

    def on(self, day: date | None) -> int | None:
        """The period a calendar day falls in, if any."""
        if day is None:
            return None
        i = bisect_right(self.first_days, day) - 1
        return i if i >= 0 and day <= self.last_days[i] else None

    def ending_after(self, moment: datetime) -> int:
        """The first period that ends after a moment (every later one does too)."""
        return bisect_right(self.ends, moment)

    def started_by(self, moment: datetime) -> int:
        """How many periods have started by a moment."""
        return bisect_right(self.starts, moment)


def _in_turn(periods: Sequence[Period]) -> list[list[int]]:
    """The periods' places, grouped so that each group is in order and apart: one group for a
    trend, one group per period when they overlap."""
    order = sorted(range(len(periods)), key=lambda i: periods[i].start)
    if all(periods[a].end < periods[b].start for a, b in pairwise(order)):
        return [order]
    return [[i] for i in range(len(periods))]


def _figures(code: str, counted: list[list[int]], met: list[list[int]]) -> list[Figure]:
    return [
        Figure(code, len(m), len(c), tuple(c), tuple(m)) for c, m in zip(counted, met, strict=True)
    ]


def _risk_reduced(r: _Record, ps: _Periods) -> list[Figure]:
    """15.1: a case counts in each period it was open in (registered before its end, not ended
    before its start) once its second risk reading was recorded before the period's end."""
    counted: list[list[int]] = [[] for _ in ps.periods]
    met: list[list[int]] = [[] for _ in ps.periods]
    ends = ps.ends
    for case in r.cases.values():
        readings = case.readings
        if len(readings) < 2:
            continue
        first = max(ps.ending_after(case.registered), ps.ending_after(readings[1][0]))
        last = len(ps) if case.ended is None else ps.started_by(case.ended)
        first_rank = RANK[readings[0][1]]
        latest = 1  # the latest reading before the period's end
        for i in range(first, last):
            while latest + 1 < len(readings) and readings[latest + 1][0] < ends[i]:
                latest += 1
            counted[i].append(case.id)
            if RANK[readings[latest][1]] < first_rank:
                met[i].append(case.id)
    return _figures("15.1", counted, met)


def _closed_with_plan_achieved(r: _Record, ps: _Periods) -> list[Figure]:
    counted: list[list[int]] = [[] for _ in ps.periods]
    met: list[list[int]] = [[] for _ in ps.periods]
    closed = CaseStatus.CLOSED.value
    for case in r.cases.values():
        if case.status != closed or case.ended is None:
            continue
        i = ps.at(case.ended)
        if i is None:
            continue
        counted[i].append(case.id)
        if r.closures.get(case.id) == "all":
            met[i].append(case.id)
    return _figures("15.2", counted, met)


def _satisfaction(r: _Record, ps: _Periods) -> tuple[list[Figure], list[Figure]]:
    n = len(ps)
    rated, satisfied, answered, safer = [0] * n, [0] * n, [0] * n, [0] * n
    rated_cases: list[set[int]] = [set() for _ in range(n)]
    satisfied_cases: list[set[int]] = [set() for _ in range(n)]
    safety_cases: list[set[int]] = [set() for _ in range(n)]
    safer_cases: list[set[int]] = [set() for _ in range(n)]
    for cid, day, child, caregiver, feels in r.post_closure:
        i = ps.on(day)
        if i is None:
            continue
        for answer, good, scale in (
            (child, SATISFIED_CHILD, RATED),
            (caregiver, SATISFIED_CAREGIVER, RATED_CAREGIVER),
        ):
            if answer in scale:
                rated[i] += 1
                rated_cases[i].add(cid)
                if answer in good:
                    satisfied[i] += 1
                    satisfied_cases[i].add(cid)
        if feels in SAFETY_ANSWERED:
            answered[i] += 1
            safety_cases[i].add(cid)
            if feels in SAFER:
                safer[i] += 1
                safer_cases[i].add(cid)
    return (
        [
            Figure(
                "15.3",
                satisfied[i],
                rated[i],
                tuple(sorted(rated_cases[i])),
                tuple(sorted(satisfied_cases[i])),
            )
            for i in range(n)
        ],
        [
            Figure(
                "15.4",
                safer[i],
                answered[i],
                tuple(sorted(safety_cases[i])),
                tuple(sorted(safer_cases[i])),
            )
            for i in range(n)
        ],
    )


def _file_reviews(r: _Record, ps: _Periods) -> list[Figure]:
    counted: list[list[int]] = [[] for _ in ps.periods]
    met: list[list[int]] = [[] for _ in ps.periods]
    for cid, day, checks in r.reviews_done:
        i = ps.on(day)
        if i is None:
            continue
        counted[i].append(cid)
        if all(value in CHECK_MET for value in checks.values()):
            met[i].append(cid)
    return _figures("15.5", counted, met)


def _deadlines_met(r: _Record, ps: _Periods, d: Deadlines, now: datetime) -> list[Figure]:
    """Each required action whose deadline fell in the period and has passed (or was done)."""
    n = len(ps)
    due_count, on_time = [0] * n, [0] * n
    counted: list[set[int]] = [set() for _ in range(n)]
    late_cases: list[set[int]] = [set() for _ in range(n)]
    ends = ps.ends
    if not n:
        return []
    earliest, latest = ps.starts[0], ends[-1]

    def action(cid: int, due: datetime, done: datetime | None, reached: datetime) -> None:
        # `reached`: the latest deadline so far in the action's chain (reviews follow one
        # another); a period sees the action only when every deadline before it is inside.
        if not earliest <= due < latest or (done is None and due >= now):
            return
        i = ps.at(due)
        if i is None or reached >= ends[i]:
            return
        due_count[i] += 1
        counted[i].add(cid)
        if done is not None and done <= due:
            on_time[i] += 1
        else:
            late_cases[i].add(cid)

    initial = timedelta(hours=d.initial_assessment_hours)
    full = timedelta(days=d.full_assessment_days)
    plan = timedelta(days=d.case_plan_days)
    closed = CaseStatus.CLOSED.value
    # Most cases were registered, or closed, long before the periods: their deadlines are
    # passed over without being worked out (the bounds only leave out what falls outside).
    initial_from, initial_to = earliest - initial, latest - initial
    full_from, full_to = earliest - full, latest - full
    months_after = d.post_closure_visit_months
    closed_from, closed_to = (
        add_months(earliest, -months_after - 1),
        add_months(latest, 1 - months_after),
    )
    for case in r.cases.values():
        first = case.first
        registered = case.registered
        if initial_from <= registered < initial_to:
            due = registered + initial
            action(case.id, due, first.get("initial_assessment"), due)
        if full_from <= registered < full_to:
            due = registered + full
            action(case.id, due, first.get("full_assessment"), due)
        if "full_assessment" in first:
            due = first["full_assessment"] + plan
            action(case.id, due, first.get("case_plan"), due)
        if case.plan_approved is not None:
            # Reviews follow one another: each is due an interval after the one before (a
            # month for high risk), the first after the plan's approval.
            base = case.plan_approved
            reviews = [at for at in case.reviews if at > base]
            reached = None
            for k in range(len(reviews) + 1):
                level = _level_at(case, base)
                months = d.review_months_high_risk if level == "high" else d.review_months
                due = add_months(base, months)
                reached = due if reached is None else max(reached, due)
                done = reviews[k] if k < len(reviews) else None
                if case.ended is not None and done is None and case.ended <= due:
                    break  # closed before the review fell due
                action(case.id, due, done, reached)
                if done is None:
                    break
                base = done
        ended = case.ended
        if case.status == closed and ended is not None and closed_from <= ended < closed_to:
            due = add_months(ended, months_after)
            action(case.id, due, next((at for at in case.visits if at >= ended), None), due)
    return [
        Figure(
            "15.6",
            on_time[i],
            due_count[i],
            tuple(sorted(counted[i])),
            tuple(sorted(counted[i] - late_cases[i])),
        )
        for i in range(n)
    ]


def _level_at(case: _CaseFacts, moment: datetime) -> str | None:
    level = None
    for at, reading in case.readings:
        if at > moment:
            break
        level = reading
    return level


def _plans_agreed(r: _Record, ps: _Periods) -> list[Figure]:
    counted: list[list[int]] = [[] for _ in ps.periods]
    met: list[list[int]] = [[] for _ in ps.periods]
    for cid, at, child, family in r.plans:
        i = ps.at(at)
        if i is None:
            continue
        counted[i].append(cid)
        if "agrees" in (child, family):
            met[i].append(cid)
    return _figures("15.10", counted, met)


def _months_of(p: Period) -> list[tuple[int, int]]:
    months, day = [], p.start.replace(day=1)
    while day <= p.end:
        months.append((day.year, day.month))
        day = _month_end(day.year, day.month) + timedelta(days=1)
    return months


def _workload(
    r: _Record,
    ps: _Periods,
    workers: Sequence[tuple[int, str]],
    weights: dict[str, float],
    sessions: dict[int, list[date]],
) -> tuple[list[Figure], list[Figure]]:
    """15.7 and 15.8: a case weighs on its caseworker in each period it was open at the end of
    (registered before the end, not ended before it)."""
    n = len(ps)
    # Each case is counted at the edges of the run of periods it weighs in (+1 at the first,
    # -1 after the last), by caseworker and risk; a running sum then gives each period's count.
    edges: dict[tuple[int, str | None], list[int]] = {}
    for case in r.cases.values():
        if case.worker is None:
            continue
        first = ps.ending_after(case.registered)
        last = n if case.ended is None else ps.ending_after(case.ended)
        if first < last:
            key = (case.worker, case.risk)
            edge = edges.get(key) or edges.setdefault(key, [0] * (n + 1))
            edge[first] += 1
            edge[last] -= 1
    counts: list[dict[int, int]] = [defaultdict(int) for _ in range(n)]
    by_risk: list[dict[int, dict[str | None, int]]] = [defaultdict(dict) for _ in range(n)]
    for (worker, risk), edge in edges.items():
        running = 0
        for i in range(n):
            running += edge[i]
            if running:
                counts[i][worker] += running
                by_risk[i][worker][risk] = running
    weighted: list[dict[int, float]] = [defaultdict(float) for _ in range(n)]
    if all((w * 1024).is_integer() for w in weights.values()):
        # Weights in whole 1/1024ths (halves, quarters: the default): every sum of them is
        # exact, so counting by risk and multiplying gives the case-by-case sum to the bit.
        for i in range(n):
            for worker, found in by_risk[i].items():
                weighted[i][worker] = sum(
                    count * weights.get(risk or UNASSESSED_WEIGHT, 1.0)
                    for risk, count in found.items()
                )
    else:
        # Other weights (tenths): a float sum depends on its order; add case by case.
        for case in r.cases.values():
            if case.worker is None:
                continue
            first = ps.ending_after(case.registered)
            last = n if case.ended is None else ps.ending_after(case.ended)
            weight = weights.get(case.risk or UNASSESSED_WEIGHT, 1.0)
            for i in range(first, last):
                weighted[i][case.worker] += weight
    held: dict[int, list[list[date]]] = {}
    for uid, _name in workers:
        held[uid] = [[] for _ in range(n)]
        for day in sessions.get(uid, ()):
            i = ps.on(day)
            if i is not None:
                held[uid][i].append(day)
    low, high = CASELOAD_BAND
    caseloads, supervisions = [], []
    for i, p in enumerate(ps.periods):
        months = _months_of(p)
        rows = []
        for uid, name in workers:
            supervised = {(d.year, d.month) for d in held[uid][i]}
            rows.append(
                WorkerFigure(
                    uid,
                    name,
                    counts[i][uid],
                    round(weighted[i][uid], 2),
                    len(held[uid][i]),
                    sum(1 for m in months if m in supervised),
                )
            )
        within = sum(1 for w in rows if low <= w.weighted <= high)
        supervised_all = sum(1 for w in rows if w.months_supervised == len(months))
        caseloads.append(
            Figure(
                "15.7",
                within,
                len(rows),
                fact=bool(rows) and within == len(rows),
                workers=tuple(rows),
            )
        )
        supervisions.append(
            Figure(
                "15.8",
                supervised_all,
                len(rows),
                fact=bool(rows) and supervised_all == len(rows),
                workers=tuple(rows),
            )
        )
    return caseloads, supervisions


def _sessions(s: Session, worker_ids: Sequence[int], until: date) -> dict[int, list[date]]:
    found: dict[int, list[date]] = defaultdict(list)
    for uid, day in s.execute(
        select(SupervisionNote.worker_id, SupervisionNote.held_on).where(
            SupervisionNote.worker_id.in_(worker_ids), SupervisionNote.held_on <= until
        )
    ):
        found[uid].append(day)
    return found


def compute(
    s: Session,
    us: UserSession,
    scope: Scope,
    periods: Sequence[Period],
    now: datetime | None = None,
) -> list[IndicatorReport]:
    """Every indicator for each period (in a service's unit of work; the scope already
    checked). The record is read once, and walked once, for all the periods."""
    now = now or datetime.now(UTC)
    until = max(p.ends for p in periods)
    record = _Record(s, _case_filter(us, scope), until)
    workers = _workers(s, us, scope)
    sessions = _sessions(s, [w for w, _ in workers], max(p.end for p in periods))
    weights, targets, facts = weights_in(s), targets_in(s), facts_in(s)
    deadlines = deadlines_in(s)
    reports: list[IndicatorReport | None] = [None] * len(periods)
    for group in _in_turn(periods):
        ps = _Periods([periods[i] for i in group])
        satisfied, safer = _satisfaction(record, ps)
        caseload, supervision = _workload(record, ps, workers, weights, sessions)
        each = zip(
            _risk_reduced(record, ps),
            _closed_with_plan_achieved(record, ps),
            satisfied,
            safer,
            _file_reviews(record, ps),
            _deadlines_met(record, ps, deadlines, now),
            caseload,
            supervision,
            _plans_agreed(record, ps),
            strict=True,
        )
        for i, (risk, closed, sat, safe, reviewed, met, load, supervised, plans) in zip(
            group, each, strict=True
        ):
            found = [
                risk,
                closed,
                sat,
                safe,
                reviewed,
                met,
                load,
                supervised,
                _fact(facts["15.9"]),
                plans,
                _fact(facts["15.11"]),
            ]
            figures = tuple(replace(f, target=targets.get(f.code)) for f in found)
            reports[i] = IndicatorReport(periods[i], scope, figures, weights)
    return [r for r in reports if r is not None]


def _fact(fact: AgencyFact) -> Figure:
    return Figure(fact.code, None, None, fact=fact.value, checked_on=fact.checked_on)


# -- services -----------------------------------------------------------------------------------


@access.signed_in
def indicators(us: UserSession, period: Period, scope: Scope) -> IndicatorReport:
    """The indicators of a period for a scope the person's role gives (refused, audited,
    otherwise): on screen, nothing leaves the store, so it is not itself audited."""
    check_scope(us, scope)
    with us.store.read() as s:
        return compute(s, us, scope, [period])[0]


@access.signed_in
def indicator_table(us: UserSession, period: Period, scope: Scope) -> IndicatorReport:
    """The indicators as a report that leaves the window (the command line's table, a file):
    audited with its period and scope, never its figures."""
    check_scope(us, scope)
    with us.store.write() as s:
        report = compute(s, us, scope, [period])[0]
        us.audit(s, "report.indicators", summary=f"period {period.code}, scope {scope.value}")
        return report


@dataclass(frozen=True)
class Dashboard:
    reports: tuple[IndicatorReport, ...]  # the trend, oldest first; the last is the period
    overdue: dict[str, int]  # open tasks past their due date, by kind

    @property
    def current(self) -> IndicatorReport:
        return self.reports[-1]

    def trend(self, code: str) -> list[float | None]:
        """The figure over the periods (a percentage; 100 or 0 for a yes/no)."""
        values: list[float | None] = []
        for report in self.reports:
            f = report.figure(code)
            if f.definition.kind == "yes_no" and f.fact is not None and f.numerator is None:
                values.append(100.0 if f.fact else 0.0)
            else:
                values.append(f.percent)
        return values


@access.signed_in
def dashboard(
    us: UserSession, period: Period, scope: Scope, trend: int = 12, now: datetime | None = None
) -> Dashboard:
    """The dashboard's figures: each indicator over the last `trend` periods, and the overdue
    work by kind, for a scope the person's role gives."""
    check_scope(us, scope)
    now = now or datetime.now(UTC)
    with us.store.read() as s:
        reports = compute(s, us, scope, period.trend(trend), now)
        query = (
            select(Task.kind, func.count())
            .where(Task.due < now, Task.for_supervisor.is_(False))
            .group_by(Task.kind)
        )
        if scope != Scope.AGENCY:  # the agency's count needs no case (a join costs 4× the scan)
            query = query.join(Case, Case.id == Task.case_id).where(_case_filter(us, scope))
        overdue = dict(s.execute(query).all())
        return Dashboard(tuple(reports), overdue)


@dataclass(frozen=True)
class CaseBehind:
    uuid: str
    case_number: str
    child_name: str
    caseworker: str
    counted: bool  # in the numerator


@access.signed_in
def cases_behind(
    us: UserSession, case_ids: Sequence[int], met_ids: Sequence[int] = ()
) -> list[CaseBehind]:
    """The cases behind a figure, as far as the person may see them (the others are left out)."""
    met = set(met_ids)
    found = []
    with us.store.read() as s:
        ids = list(dict.fromkeys(case_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for cid, uuid, number, given, family, worker in s.execute(
                select(
                    Case.id,
                    Case.uuid,
                    Case.case_number,
                    Case.given_name,
                    Case.family_name,
                    func.coalesce(User.full_name, ""),
                )
                .outerjoin(User, User.id == Case.caseworker_id)
                .where(Case.id.in_(chunk), access.visible_cases(us.user))
                .order_by(Case.case_number)
            ):
                found.append(
                    CaseBehind(uuid, number, f"{given} {family}".strip(), worker, cid in met)
                )
    return sorted(found, key=lambda c: c.case_number)


def table_lines(report: IndicatorReport) -> list[str]:
    """The indicators as plain lines for the command line: code, title, figure, numerator over
    denominator, target (English, as the command line speaks)."""
    lines = [f"Standard 15 indicators, {report.period.code}, scope {report.scope.value}"]
    for f in report.figures:
        if f.numerator is None and f.definition.kind == "yes_no":
            answer = "not recorded" if f.fact is None else ("yes" if f.fact else "no")
            if f.checked_on is not None:
                answer += f" (checked {f.checked_on.isoformat()})"
            value = answer
        elif f.percent is None:
            value = f"-  ({f.numerator or 0}/{f.denominator or 0})"
        else:
            value = f"{f.percent:.0f}%  ({f.numerator}/{f.denominator})"
        target = "" if f.target is None else f"  target {f.target:g}%"
        lines.append(f"{f.code:<6}{f.definition.title:<56}{value}{target}")
    return lines

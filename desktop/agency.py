"""Agency settings: identity, logo for printouts, idle lock minutes, SOP deadlines."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, replace

from sqlalchemy import select

from db.errors import QT_TRANSLATE_NOOP, InvalidInput
from db.models import Agency, Setting
from desktop import access
from desktop.case_state import refresh_all
from desktop.consent_check import DEFAULT_MONTHS as DEFAULT_CONSENT_MONTHS
from desktop.consent_check import SETTING as CONSENT_SETTING
from desktop.consent_check import months_in as consent_months_in
from desktop.session import AgencyInfo, UserSession
from desktop.workflow import Deadlines, Rules

DEFAULT_IDLE_MINUTES = 5
MAX_LOGO_BYTES = 512 * 1024
PAPER_SIZES = ("A4", "Letter")  # printed documents; A4 unless the agency says otherwise
# How much of the child's identity conference minutes show: the case number only (the
# default: minutes go to other organisations), with the child's initials, or with the name.
MINUTES_IDENTITY = ("number", "initials", "name")
AGENDA_SETTING = "conference_agenda"
MAX_AGENDA_ITEMS = 30


@dataclass(frozen=True)
class AgencySettings:
    name: str
    code: str
    country: str
    district: str
    language: str
    idle_minutes: int
    deadlines: Deadlines
    logo: bytes | None
    rules: Rules = Rules()
    paper: str = "A4"
    minutes_identity: str = "number"
    # The case conference agenda, in order; empty for the standard one in the reader's language.
    conference_agenda: tuple[str, ...] = ()
    # Consent older than this is recorded again before information is shared.
    consent_months: int = DEFAULT_CONSENT_MONTHS


def _setting(s, key: str, default: object) -> object:  # type: ignore[no-untyped-def]
    value = s.execute(select(Setting.value).where(Setting.key == key)).scalar()
    return default if value is None else json.loads(value)


def _put(s, key: str, value: object) -> None:  # type: ignore[no-untyped-def]
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=json.dumps(value)))
    else:
        row.value = json.dumps(value)


@access.signed_in
def load_settings(us: UserSession) -> AgencySettings:
    """Everyone signed in may read these (the idle lock and deadlines apply to all)."""
    with us.store.read() as s:
        agency = s.execute(select(Agency)).scalar_one()
        return AgencySettings(
            name=agency.name,
            code=agency.code,
            country=agency.country,
            district=agency.district,
            language=agency.language,
            idle_minutes=int(_setting(s, "idle_minutes", DEFAULT_IDLE_MINUTES)),  # type: ignore[arg-type]
            deadlines=Deadlines.from_dict(_setting(s, "deadlines", {})),  # type: ignore[arg-type]
            logo=agency.logo,
            rules=Rules.from_dict(_setting(s, "workflow_rules", {})),  # type: ignore[arg-type]
            paper=paper_in(s),
            minutes_identity=minutes_identity_in(s),
            conference_agenda=tuple(agenda_in(s) or ()),
            consent_months=consent_months_in(s),
        )


def paper_in(s) -> str:  # type: ignore[no-untyped-def]
    """The agency's paper size for printed documents."""
    paper = _setting(s, "paper", PAPER_SIZES[0])
    return paper if paper in PAPER_SIZES else PAPER_SIZES[0]


def minutes_identity_in(s) -> str:  # type: ignore[no-untyped-def]
    value = _setting(s, "minutes_identity", MINUTES_IDENTITY[0])
    return value if value in MINUTES_IDENTITY else MINUTES_IDENTITY[0]


def agenda_in(s) -> list[str] | None:  # type: ignore[no-untyped-def]
    """The agency's conference agenda, or None for the standard one."""
    items = _setting(s, AGENDA_SETTING, None)
    return [str(x) for x in items] if isinstance(items, list) and items else None


def _agenda(items: tuple[str, ...]) -> list[str]:
    kept = [" ".join(x.split()) for x in items if x.strip()]
    if len(kept) > MAX_AGENDA_ITEMS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "An agenda has at most {max} items."), max=MAX_AGENDA_ITEMS
        )
    if any(len(x) > 200 for x in kept):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "An agenda item is too long: at most 200 characters.")
        )
    return kept


@access.administrator(QT_TRANSLATE_NOOP("errors", "change the agency settings"))
def save_settings(us: UserSession, new: AgencySettings) -> AgencySettings:
    if not new.name.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The agency needs a name."))
    code = new.code.strip().upper()
    if not re.fullmatch(r"[A-Z0-9]{2,10}", code):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The agency code has 2 to 10 letters or digits, e.g. KGL.")
        )
    if not 1 <= new.idle_minutes <= 120:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The screen locks after 1 to 120 idle minutes.")
        )
    if any(v <= 0 for v in new.deadlines.as_dict().values()):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Every deadline must be at least 1."))
    if new.deadlines.initial_assessment_max_hours < new.deadlines.initial_assessment_hours:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "The latest time for the initial assessment cannot be before the usual one.",
            )
        )
    if new.paper not in PAPER_SIZES:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The paper size is A4 or Letter."))
    if new.minutes_identity not in MINUTES_IDENTITY:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "{what} must be one of: {allowed}."),
            what="minutes_identity",
            allowed=", ".join(MINUTES_IDENTITY),
        )
    agenda = _agenda(new.conference_agenda)
    if not 1 <= new.consent_months <= 120:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors", "Consent is renewed after 1 to 120 months (12 is the usual)."
            )
        )
    if new.logo is not None and not new.logo.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The logo must be a PNG or JPEG picture."))
    if new.logo is not None and len(new.logo) > MAX_LOGO_BYTES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The logo file is too large (at most 512 KB).")
        )
    with us.store.write() as s:
        agency = s.execute(select(Agency)).scalar_one()
        changed = [
            name
            for name, old, value in (
                ("name", agency.name, new.name.strip()),
                ("code", agency.code, code),
                ("country", agency.country, new.country.strip()),
                ("district", agency.district, new.district.strip()),
                ("language", agency.language, new.language),
                ("logo", agency.logo, new.logo),
            )
            if old != value
        ]
        agency.name, agency.code = new.name.strip(), code
        agency.country, agency.district = new.country.strip(), new.district.strip()
        agency.language, agency.logo = new.language, new.logo
        if _setting(s, "idle_minutes", DEFAULT_IDLE_MINUTES) != new.idle_minutes:
            changed.append("idle_minutes")
        if Deadlines.from_dict(_setting(s, "deadlines", {})) != new.deadlines:  # type: ignore[arg-type]
            changed.append("deadlines")
        if Rules.from_dict(_setting(s, "workflow_rules", {})) != new.rules:  # type: ignore[arg-type]
            changed.append("workflow_rules")
        if paper_in(s) != new.paper:
            changed.append("paper")
        if minutes_identity_in(s) != new.minutes_identity:
            changed.append("minutes_identity")
        if (agenda_in(s) or []) != agenda:
            changed.append("conference_agenda")
        if consent_months_in(s) != new.consent_months:
            changed.append("consent_months")
        _put(s, CONSENT_SETTING, new.consent_months)
        _put(s, "idle_minutes", new.idle_minutes)
        _put(s, "deadlines", new.deadlines.as_dict())
        _put(s, "workflow_rules", asdict(new.rules))
        _put(s, "paper", new.paper)
        _put(s, "minutes_identity", new.minutes_identity)
        if agenda:
            _put(s, AGENDA_SETTING, agenda)
        elif (row := s.get(Setting, AGENDA_SETTING)) is not None:
            s.delete(row)
        if {"deadlines", "workflow_rules"} & set(changed):
            s.flush()
            refresh_all(s, new.deadlines)  # every case's due dates and who approves what
        us.audit(s, "agency.settings_changed", summary=", ".join(changed) or "nothing")
        us.agency = AgencyInfo.of(agency)
    return replace(new, code=code, conference_agenda=tuple(agenda))

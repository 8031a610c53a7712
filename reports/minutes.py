"""The minutes of a case conference, printed for the chair's and the caseworker's signatures.

A legal record of an inter-agency meeting: who came and on what basis, the agenda with its
notes, the decisions (with the best interests reasoning), the action points and the next
meeting. It names the case by its number and no more than the agency allows (`child`).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from reports.catalogue import QT_TRANSLATE_NOOP
from reports.layout import (
    NONE,
    Document,
    Letterhead,
    PrintOptions,
    Signer,
    Verification,
    content_digest,
    data_table,
    escape,
    fields_table,
    frame_width,
    heading,
    letterhead,
    long_text,
    para,
    render,
    signatures,
    styles,
)
from reports.texts import format_date, texts, translated

WORDS: dict[str, str] = {
    "minutes_subtitle": QT_TRANSLATE_NOOP(
        "Minutes", "Conference no. {number}: record of the meeting, for signature"
    ),
    "meeting": QT_TRANSLATE_NOOP("Minutes", "The meeting"),
    "child": QT_TRANSLATE_NOOP("Minutes", "Child"),
    "conference_no": QT_TRANSLATE_NOOP("Minutes", "Conference"),
    "held_on": QT_TRANSLATE_NOOP("Minutes", "Date and time"),
    "place": QT_TRANSLATE_NOOP("Minutes", "Place"),
    "chair": QT_TRANSLATE_NOOP("Minutes", "Chaired by"),
    "purpose": QT_TRANSLATE_NOOP("Minutes", "Purpose"),
    "version": QT_TRANSLATE_NOOP("Minutes", "Version of these minutes"),
    "version_first": QT_TRANSLATE_NOOP("Minutes", "{version}, finalised on {date} by {who}"),
    "version_corrected": QT_TRANSLATE_NOOP(
        "Minutes", "{version}, corrected on {date} by {who}: {reason}"
    ),
    "attendees": QT_TRANSLATE_NOOP("Minutes", "Attendees"),
    "attendee": QT_TRANSLATE_NOOP("Minutes", "Name and contact"),
    "organisation_role": QT_TRANSLATE_NOOP("Minutes", "Organisation and role"),
    "attendance": QT_TRANSLATE_NOOP("Minutes", "Attendance"),
    "basis": QT_TRANSLATE_NOOP("Minutes", "Basis for attending"),
    "override": QT_TRANSLATE_NOOP("Minutes", "{basis}: {reason}"),
    "confidentiality": QT_TRANSLATE_NOOP(
        "Minutes",
        "What is said about the child in this meeting stays between the people present, and is shared only with those who need to know.",
    ),
    "agenda": QT_TRANSLATE_NOOP("Minutes", "Agenda and notes"),
    "decisions": QT_TRANSLATE_NOOP("Minutes", "Decisions"),
    "no_decisions": QT_TRANSLATE_NOOP("Minutes", "No decision was taken."),
    "bid": QT_TRANSLATE_NOOP("Minutes", "Best interests decision. Reasoning:"),
    "actions": QT_TRANSLATE_NOOP("Minutes", "Action points"),
    "no_actions": QT_TRANSLATE_NOOP("Minutes", "No action point was agreed."),
    "action_no": QT_TRANSLATE_NOOP("Minutes", "No."),
    "action": QT_TRANSLATE_NOOP("Minutes", "What will be done"),
    "owner": QT_TRANSLATE_NOOP("Minutes", "Who"),
    "organisation": QT_TRANSLATE_NOOP("Minutes", "Organisation"),
    "due": QT_TRANSLATE_NOOP("Minutes", "By"),
    "next_meeting": QT_TRANSLATE_NOOP("Minutes", "Next meeting"),
    "next_on": QT_TRANSLATE_NOOP("Minutes", "Date"),
    "next_notes": QT_TRANSLATE_NOOP("Minutes", "Details"),
    "none_planned": QT_TRANSLATE_NOOP("Minutes", "No other meeting planned."),
    "role_chair": QT_TRANSLATE_NOOP("Minutes", "Chair of the conference"),
}


@dataclass(frozen=True)
class Attendee:
    name: str
    organisation: str
    role: str
    contact: str
    attendance: str  # in words
    basis: str  # in words
    override_reason: str = ""


@dataclass(frozen=True)
class AgendaItem:
    title: str
    notes: str


@dataclass(frozen=True)
class Decision:
    text: str
    best_interests: bool
    reasoning: str = ""


@dataclass(frozen=True)
class ActionPoint:
    action: str
    owner: str
    organisation: str
    due: datetime.date | None


@dataclass(frozen=True)
class Minutes:
    case_number: str
    child: str  # "" unless the agency lets the minutes name the child (or give initials)
    number: int
    version: int
    held_on: datetime.date | None
    time: str
    place: str
    chair: str
    purpose: str
    attendees: tuple[Attendee, ...]
    agenda: tuple[AgendaItem, ...]
    decisions: tuple[Decision, ...]
    actions: tuple[ActionPoint, ...]
    next_meeting_on: datetime.date | None
    next_meeting_notes: str
    caseworker: str
    finalised_by: str
    finalised_on: datetime.date | None
    correction: str = ""


def words(language: str) -> dict[str, str]:
    return {**texts(language), **translated(WORDS, "Minutes", language)}


def verification_of(minutes: Minutes, head: Letterhead) -> Verification:
    return Verification(
        minutes.case_number, "minutes", minutes.version, content_digest((minutes, head))
    )


def _day(value: datetime.date | None, language: str) -> str:
    return format_date(value, language) if value else ""


def _numbered(number: int, title: str, style) -> Paragraph:  # type: ignore[no-untyped-def]
    return Paragraph(f"<b>{number}.&nbsp;&nbsp;{escape(title)}</b>", style)


def build_minutes(minutes: Minutes, head: Letterhead, options: PrintOptions) -> Document:
    lang = options.language
    w = words(lang)
    check = verification_of(minutes, head)
    page = styles()
    width = frame_width(options)
    title = w["minutes_title"]
    story: list[Flowable] = [
        letterhead(
            head,
            title,
            w["minutes_subtitle"].format(number=minutes.number),
            check,
            w,
            page,
            width,
        )
    ]
    st = styles(9.5)
    if head.is_demo:
        story += [Spacer(0, 3 * mm), para(w["demo_note"], st.note)]

    when = _day(minutes.held_on, lang)
    if minutes.time:
        when = f"{when}, {minutes.time}" if when else minutes.time
    version = w["version_corrected" if minutes.correction else "version_first"].format(
        version=f"v{minutes.version}",
        date=_day(minutes.finalised_on, lang),
        who=minutes.finalised_by,
        reason=minutes.correction,
    )
    rows = [(w["case_number"], minutes.case_number)]
    if minutes.child:
        rows.append((w["child"], minutes.child))
    rows += [
        (w["conference_no"], str(minutes.number)),
        (w["held_on"], when),
        (w["place"], minutes.place),
        (w["chair"], minutes.chair),
        (w["purpose"], minutes.purpose),
        (w["version"], version),
    ]
    story += [heading(w["meeting"], st), fields_table(rows, st, width)]

    story += [
        heading(w["attendees"], st),
        _attendees(minutes.attendees, st, width, w),
        Spacer(0, 4),
        para(w["confidentiality"], st.note),
    ]

    story.append(heading(w["agenda"], st))
    for number, item in enumerate(minutes.agenda, start=1):
        block: list[Flowable] = [_numbered(number, item.title, st.body), Spacer(0, 2)]
        block += long_text("", item.notes or NONE, st)
        story.append(KeepTogether(block[:3]))  # a title stays with its first lines
        story += block[3:]

    story.append(heading(w["decisions"], st))
    if not minutes.decisions:
        story.append(para(w["no_decisions"], st.note))
    for number, d in enumerate(minutes.decisions, start=1):
        story += [_numbered(number, d.text, st.body), Spacer(0, 2)]
        if d.best_interests:
            story += long_text(w["bid"], d.reasoning, st)
        else:
            story.append(Spacer(0, 4))

    story.append(heading(w["actions"], st))
    if minutes.actions:
        story.append(_actions(minutes.actions, st, width, w, lang))
    else:
        story.append(para(w["no_actions"], st.note))

    story += [
        heading(w["next_meeting"], st),
        fields_table(
            [
                (w["next_on"], _day(minutes.next_meeting_on, lang) or w["none_planned"]),
                (w["next_notes"], minutes.next_meeting_notes),
            ]
            if minutes.next_meeting_on or minutes.next_meeting_notes
            else [(w["next_on"], w["none_planned"])],
            st,
            width,
        ),
        Spacer(0, 6),
        signatures(
            w["signatures"],
            [
                Signer(w["role_chair"], minutes.chair),
                Signer(w["role_caseworker"], minutes.caseworker),
            ],
            w,
            st,
            width,
        ),
    ]
    return render(head=head, options=options, title=title, verification=check, story=story)


def _attendees(people: Sequence[Attendee], st, width: float, w: dict[str, str]) -> Flowable:  # type: ignore[no-untyped-def]
    rows = []
    for p in people:
        who = p.name + (f"\n{p.contact}" if p.contact else "")
        where = " – ".join(x for x in (p.organisation, p.role) if x) or NONE
        basis = (
            w["override"].format(basis=p.basis, reason=p.override_reason)
            if p.override_reason
            else p.basis
        )
        rows.append((who, where, p.attendance, basis))
    return data_table(
        (w["attendee"], w["organisation_role"], w["attendance"], w["basis"]),
        rows,
        st,
        (width * 0.27, width * 0.27, width * 0.14, width * 0.32),
    )


def _actions(
    actions: Sequence[ActionPoint],
    st,  # type: ignore[no-untyped-def]
    width: float,
    w: dict[str, str],
    lang: str,
) -> Flowable:
    return data_table(
        (w["action_no"], w["action"], w["owner"], w["organisation"], w["due"]),
        [
            (str(i), a.action, a.owner, a.organisation or NONE, _day(a.due, lang) or NONE)
            for i, a in enumerate(actions, start=1)
        ],
        st,
        (width * 0.06, width * 0.42, width * 0.18, width * 0.18, width * 0.16),
    )

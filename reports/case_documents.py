"""The case documents printed for signature and filing: the closure form, the transfer form,
the child's own copy of the plan and the case summary.

Each builder takes plain data (answers already turned into words of the reader's language by
`desktop.documents`) and returns a `Document`: the PDF bytes and its verification code. Only
what a document's reader needs is in its data: the child's copy names no risk level and no
other person's details.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from reports.layout import (
    ALERT,
    NONE,
    Document,
    Letterhead,
    PrintOptions,
    Signer,
    Styles,
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
    yes_no,
)
from reports.texts import format_date, texts

# -- plain data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseIdentity:
    case_number: str
    child_name: str
    sex: str = ""
    birth_date: datetime.date | None = None
    birth_date_estimated: bool = False
    location: str = ""
    caregivers: str = ""
    caseworker: str = ""
    supervisor: str = ""
    registered_on: datetime.date | None = None
    stage: str = ""


@dataclass(frozen=True)
class Goal:
    number: int
    area: str
    text: str
    actions_done: int = 0
    actions_total: int = 0


@dataclass(frozen=True)
class Action:
    number: int
    goal_number: int | None
    text: str
    responsible: str  # "Caseworker", "The child", "Service provider"… in the reader's language
    responsible_name: str = ""
    due: datetime.date | None = None
    status: str = ""


@dataclass(frozen=True)
class Referral:
    service: str
    provider: str
    referred_on: datetime.date | None = None
    outcome: str = ""


@dataclass(frozen=True)
class ConsentLine:
    who: str  # "Parent or caregiver: Grace Uwase", "The child"
    answer: str  # yes / no / not asked, as words
    how: str = ""
    given_on: datetime.date | None = None


@dataclass(frozen=True)
class ClosureForm:
    case: CaseIdentity
    version: int  # the closure request's revision
    reason: str
    requested_on: datetime.date | None = None
    closed_on: datetime.date | None = None
    reason_notes: str = ""
    transition_plan: str = ""
    outcomes_summary: str = ""
    goals_achieved: str = ""
    goals: tuple[Goal, ...] = ()
    risk_at_registration: str = ""
    risk_at_closure: str = ""
    decided_with_family: bool | None = None
    child_views: str = ""
    family_views: str = ""
    post_closure_visit_on: datetime.date | None = None
    authorised_by: str = ""
    authorised_on: datetime.date | None = None
    caregiver: str = ""  # printed under the caregiver's signature line


@dataclass(frozen=True)
class TransferForm:
    case: CaseIdentity
    version: int  # the transfer request's revision
    from_agency: str
    to_agency: str
    reason: str
    to_agency_contact: str = ""
    reason_notes: str = ""
    case_reviewed: bool | None = None
    consent: tuple[ConsentLine, ...] = ()
    consent_organisations: tuple[str, ...] = ()
    consent_covers_receiver: bool | None = None  # None: no consent form at all
    concerns: str = ""
    care_arrangement: str = ""
    current_risk: str = ""
    permanency_goal: str = ""
    goals: tuple[Goal, ...] = ()
    open_actions: tuple[Action, ...] = ()
    referrals: tuple[Referral, ...] = ()
    risks: str = ""
    documents: tuple[str, ...] = ()
    child_informed: bool | None = None
    child_views: str = ""
    family_informed: bool | None = None
    approved_by: str = ""
    approved_on: datetime.date | None = None


@dataclass(frozen=True)
class ChildAction:
    text: str
    due: datetime.date | None = None
    who: str = ""  # empty for the child's own actions
    done: bool = False


@dataclass(frozen=True)
class ChildPlan:
    """The child's copy of the plan (DOMAIN.md step 3): goals and actions, nothing else."""

    case_number: str
    version: int  # the plan's revision
    child_name: str  # the name the child is called by
    agency_name: str
    caseworker: str
    made_on: datetime.date | None = None
    goals: tuple[str, ...] = ()
    child_actions: tuple[ChildAction, ...] = ()
    other_actions: tuple[ChildAction, ...] = ()
    review_on: datetime.date | None = None


@dataclass(frozen=True)
class Answer:
    """A question and its answer as words; a repeating group keeps its entries."""

    label: str
    value: str = ""
    long: bool = False
    item_label: str = ""
    entries: tuple[tuple[tuple[str, str], ...], ...] = ()


@dataclass(frozen=True)
class FormBlock:
    title: str
    caption: str  # "version 2, saved by … on …"
    sections: tuple[tuple[str, tuple[Answer, ...]], ...]


@dataclass(frozen=True)
class Event:
    at: datetime.date
    who: str
    what: str


@dataclass(frozen=True)
class SummarySection:
    key: str
    title: str
    forms: tuple[FormBlock, ...] = ()
    events: tuple[Event, ...] = ()
    # Attached documents: (kind, date, description, file name), never their content.
    documents: tuple[tuple[str, str, str, str], ...] = ()


@dataclass(frozen=True)
class CaseSummary:
    case: CaseIdentity
    version: int  # how many form versions the case had when printed
    purpose: str = ""
    sections: tuple[SummarySection, ...] = ()


# -- shared pieces -------------------------------------------------------------------------------


def _day(value: datetime.date | None, language: str) -> str:
    return format_date(value, language) if value else ""


def _identity(case: CaseIdentity, w: dict[str, str], language: str) -> list[tuple[str, str]]:
    born = _day(case.birth_date, language)
    if born and case.birth_date_estimated:
        born = w["estimated"].format(date=born)
    rows = [
        (w["case_number"], case.case_number),
        (w["child_name"], case.child_name),
        (w["sex"], case.sex),
        (w["birth_date"], born),
        (w["location"], case.location),
        (w["caregivers"], case.caregivers),
        (w["registered_on"], _day(case.registered_on, language)),
        (w["caseworker"], case.caseworker),
        (w["supervisor"], case.supervisor),
    ]
    if case.stage:
        rows.append((w["stage"], case.stage))
    return rows


identity_rows = _identity  # the child and the case, as every case document starts

Content = ClosureForm | TransferForm | ChildPlan | CaseSummary
_KINDS = {
    ClosureForm: "closure",
    TransferForm: "transfer",
    ChildPlan: "child-plan",
    CaseSummary: "summary",
}


def verification_of(content: Content, head: Letterhead) -> Verification:
    """The code printed on a document: the same content (and letterhead) always gives it."""
    number = content.case_number if isinstance(content, ChildPlan) else content.case.case_number
    return Verification(
        number, _KINDS[type(content)], content.version, content_digest((content, head))
    )


def _begin(
    head: Letterhead,
    options: PrintOptions,
    *,
    content: Content,
    title: str,
    subtitle: str,
    size: float = 9.5,
) -> tuple[str, dict[str, str], Styles, float, Verification, list[Flowable]]:
    """What every builder starts from: its language, words, styles (body `size`), width, its
    verification code, and a story opened by the letterhead (and the demo note)."""
    lang = options.language
    w = texts(lang)
    check = verification_of(content, head)
    page = styles()
    story: list[Flowable] = [
        letterhead(head, title, subtitle, check, w, page, frame_width(options))
    ]
    if head.is_demo:
        note = Paragraph(f"<b>{escape(w['demo_note'])}</b>", page.body)
        note.style = note.style.clone("demo", textColor=ALERT)
        story += [Spacer(0, 3 * mm), note]
    return lang, w, styles(size), frame_width(options), check, story


def _goals_table(goals: Sequence[Goal], st: Styles, width: float, w: dict[str, str]) -> Flowable:
    return data_table(
        (w["goal_no"], w["area"], w["goal"], w["actions_done"]),
        [
            (
                str(g.number),
                g.area,
                g.text,
                w["actions_done_of"].format(done=g.actions_done, total=g.actions_total)
                if g.actions_total
                else NONE,
            )
            for g in goals
        ],
        st,
        (width * 0.07, width * 0.2, width * 0.55, width * 0.18),
    )


# -- the closure form ----------------------------------------------------------------------------


def build_closure_form(form: ClosureForm, head: Letterhead, options: PrintOptions) -> Document:
    w = texts(options.language)
    lang, w, st, width, check, story = _begin(
        head,
        options,
        content=form,
        title=w["closure_title"],
        subtitle=w["closure_subtitle"],
    )

    story += [
        heading(w["identification"], st),
        fields_table(_identity(form.case, w, lang), st, width),
    ]

    closure = [
        (w["requested_on"], _day(form.requested_on, lang)),
        (w["closed_on"], _day(form.closed_on, lang)),
        (w["closure_reason"], form.reason),
    ]
    story += [heading(w["closure"], st), fields_table(closure, st, width), Spacer(0, 4)]
    if form.reason_notes:
        story += long_text(w["reason_notes"], form.reason_notes, st)
    if form.transition_plan:
        story += long_text(w["transition_plan"], form.transition_plan, st)

    story.append(heading(w["outcomes"], st))
    story += long_text(w["outcomes_summary"], form.outcomes_summary, st)
    story.append(fields_table([(w["goals_achieved"], form.goals_achieved)], st, width))
    story.append(Spacer(0, 6))
    story.append(
        _goals_table(form.goals, st, width, w) if form.goals else para(w["no_plan"], st.note)
    )

    story += [
        heading(w["risk"], st),
        fields_table(
            [
                (w["risk_at_registration"], form.risk_at_registration),
                (w["risk_at_closure"], form.risk_at_closure),
            ],
            st,
            width,
        ),
    ]

    story += [
        heading(w["views"], st),
        fields_table([(w["decided_with_family"], yes_no(form.decided_with_family, w))], st, width),
        Spacer(0, 6),
    ]
    story += long_text(w["child_views"], form.child_views, st)
    story += long_text(w["family_views"], form.family_views, st)

    story += [
        heading(w["after_closure"], st),
        fields_table(
            [(w["post_closure_visit_on"], _day(form.post_closure_visit_on, lang))], st, width
        ),
        Spacer(0, 4),
        para(w["post_closure_note"], st.note),
    ]

    story += [
        heading(w["authorisation"], st),
        fields_table(
            [
                (w["authorised_by"], form.authorised_by or w["not_authorised"]),
                (w["authorised_on"], _day(form.authorised_on, lang)),
            ],
            st,
            width,
        ),
    ]
    story += [
        signatures(
            w["signatures"],
            [
                Signer(w["role_child"], form.case.child_name, thumbprint=True),
                Signer(w["role_caregiver"], form.caregiver, thumbprint=True),
                Signer(w["role_caseworker"], form.case.caseworker),
                Signer(w["role_supervisor"], form.authorised_by or form.case.supervisor),
            ],
            w,
            st,
            width,
        ),
    ]
    return render(
        head=head, options=options, title=w["closure_title"], verification=check, story=story
    )


# -- the transfer form ---------------------------------------------------------------------------


def build_transfer_form(form: TransferForm, head: Letterhead, options: PrintOptions) -> Document:
    w = texts(options.language)
    lang, w, st, width, check, story = _begin(
        head,
        options,
        content=form,
        title=w["transfer_title"],
        subtitle=w["transfer_subtitle"],
    )

    story += [
        heading(w["agencies"], st),
        fields_table(
            [
                (w["from_agency"], form.from_agency),
                (w["to_agency"], form.to_agency),
                (w["to_agency_contact"], form.to_agency_contact),
                (w["transfer_reason"], form.reason),
                (w["case_reviewed"], yes_no(form.case_reviewed, w)),
            ],
            st,
            width,
        ),
        Spacer(0, 4),
    ]
    story += long_text(w["transfer_reason_notes"], form.reason_notes, st)

    story += [
        heading(w["identification"], st),
        fields_table(_identity(form.case, w, lang), st, width),
    ]

    story.append(heading(w["consent_to_share"], st))
    if form.consent_covers_receiver is None:
        story.append(para(w["no_consent_form"], st.note))
    else:
        story.append(
            data_table(
                (w["consent_who"], w["consent_answer"], w["consent_how"], w["consent_date"]),
                [(c.who, c.answer, c.how, _day(c.given_on, lang)) for c in form.consent],
                st,
                (width * 0.4, width * 0.2, width * 0.18, width * 0.22),
            )
        )
        story.append(Spacer(0, 6))
        story.append(
            fields_table(
                [
                    (w["consent_covers"], "\n".join(form.consent_organisations)),
                    (w["consent_covers_receiver"], yes_no(form.consent_covers_receiver, w)),
                ],
                st,
                width,
            )
        )

    story.append(heading(w["case_summary_heading"], st))
    story += long_text(w["concerns"], form.concerns, st)
    story.append(
        fields_table(
            [
                (w["care_arrangement"], form.care_arrangement),
                (w["current_risk"], form.current_risk),
            ],
            st,
            width,
        )
    )
    story.append(heading(w["current_plan"], st))
    if form.goals:
        story += [
            fields_table([(w["permanency_goal"], form.permanency_goal)], st, width),
            Spacer(0, 6),
            _goals_table(form.goals, st, width, w),
        ]
    else:
        story.append(para(w["no_plan"], st.note))
    story.append(heading(w["open_actions"], st))
    story.append(_actions_table(form.open_actions, st, width, w, lang))
    story.append(heading(w["referrals"], st))
    if form.referrals:
        story.append(
            data_table(
                (w["service"], w["provider"], w["referred_on"], w["outcome"]),
                [
                    (r.service, r.provider, _day(r.referred_on, lang), r.outcome)
                    for r in form.referrals
                ],
                st,
                (width * 0.25, width * 0.33, width * 0.2, width * 0.22),
            )
        )
    else:
        story.append(para(w["no_referrals"], st.note))

    story.append(heading(w["risks_heading"], st))
    story += long_text("", form.risks, st)

    story.append(heading(w["views"], st))
    story.append(
        fields_table(
            [
                (w["child_informed"], yes_no(form.child_informed, w)),
                (w["family_informed"], yes_no(form.family_informed, w)),
            ],
            st,
            width,
        )
    )
    story.append(Spacer(0, 6))
    story += long_text(w["child_views"], form.child_views, st)

    story.append(heading(w["documents_sent"], st))
    if form.documents:
        story += [para(f"☐ {d}", st.body) for d in form.documents]
    else:
        story.append(para(w["no_documents"], st.note))

    story += [
        heading(w["approval"], st),
        fields_table(
            [
                (w["approved_by"], form.approved_by),
                (w["approved_on"], _day(form.approved_on, lang)),
            ],
            st,
            width,
        ),
        signatures(
            w["signatures"],
            [
                Signer(w["role_caseworker"], form.case.caseworker),
                Signer(w["role_supervisor"], form.approved_by or form.case.supervisor),
            ],
            w,
            st,
            width,
        ),
    ]
    receipt = [
        heading(w["receipt"], st),
        para(w["receipt_note"], st.note),
        Spacer(0, 4),
        fields_table(
            [
                (w["to_agency"], form.to_agency),
                (w["received_by"], ""),
                (w["received_on"], ""),
                (w["documents_complete"], w["tick_yes_no"]),
            ],
            st,
            width,
        ),
        Spacer(0, 6),
        signatures("", [Signer(w["role_receiver"])], w, st, width),
    ]
    story.append(KeepTogether(receipt))
    return render(
        head=head, options=options, title=w["transfer_title"], verification=check, story=story
    )


def _actions_table(
    actions: Sequence[Action], st: Styles, width: float, w: dict[str, str], lang: str
) -> Flowable:
    if not actions:
        return para(w["no_open_actions"], st.note)
    return data_table(
        (w["action_no"], w["action"], w["responsible"], w["due"], w["status"]),
        [
            (
                str(a.number),
                a.text,
                ", ".join(p for p in (a.responsible, a.responsible_name) if p),
                _day(a.due, lang),
                a.status,
            )
            for a in actions
        ],
        st,
        (width * 0.07, width * 0.45, width * 0.2, width * 0.15, width * 0.13),
    )


# -- the child's copy of the plan ----------------------------------------------------------------


def build_child_plan(plan: ChildPlan, head: Letterhead, options: PrintOptions) -> Document:
    """Large type, short sentences, the child's own actions first; no risk, no other case data."""
    w = texts(options.language)
    lang, w, st, width, check, story = _begin(
        head,
        options,
        content=plan,
        title=w["child_plan_title"],
        subtitle="",
        size=14,
    )
    intro = (
        w["child_plan_intro"].format(name=plan.child_name, date=_day(plan.made_on, lang))
        if plan.made_on
        else w["child_plan_intro_undated"].format(name=plan.child_name)
    )
    story += [Spacer(0, 6 * mm), para(intro, st.body)]

    story.append(heading(w["child_goals"], st))
    story += [_numbered(n, text, st) for n, text in enumerate(plan.goals, start=1)]

    story.append(heading(w["child_actions"], st))
    if plan.child_actions:
        story += [_child_action(a, st, w, lang) for a in plan.child_actions]
    else:
        story.append(para(w["child_no_actions"], st.body))
    if plan.other_actions:
        story.append(heading(w["others_actions"], st))
        story += [_child_action(a, st, w, lang) for a in plan.other_actions]

    if plan.review_on:
        story += [
            heading(w["next_talk"], st),
            para(w["next_talk_text"].format(date=_day(plan.review_on, lang)), st.body),
        ]
    # Whom to talk to stays with the signatures: the child never gets a page of lines alone.
    story.append(
        KeepTogether(
            [
                Paragraph(escape(w["who_to_talk_to"]), st.heading),
                para(
                    w["who_to_talk_to_text"].format(
                        caseworker=plan.caseworker, agency=plan.agency_name
                    ),
                    st.body,
                ),
                Spacer(0, 3 * mm),
                signatures(
                    "",
                    [
                        Signer(w["role_child"], plan.child_name, thumbprint=True),
                        Signer(w["role_caseworker"], plan.caseworker),
                    ],
                    w,
                    st,
                    width,
                ),
            ]
        )
    )
    return render(
        head=head, options=options, title=w["child_plan_title"], verification=check, story=story
    )


def _numbered(number: int, text: str, st: Styles) -> Flowable:
    return Paragraph(
        f"<b>{number}.</b>&nbsp;&nbsp;{escape(text)}",
        st.body.clone("numbered", leftIndent=22, firstLineIndent=-22, spaceAfter=6),
    )


def _child_action(a: ChildAction, st: Styles, w: dict[str, str], lang: str) -> Flowable:
    parts = [f"{'☑' if a.done else '☐'}&nbsp;&nbsp;{escape(a.text)}"]
    extra = ", ".join(
        p for p in (a.who, w["by_date"].format(date=_day(a.due, lang)) if a.due else "") if p
    )
    if extra:
        parts.append(
            f"<br/><font size='{st.small.fontSize * 1.1:.1f}' color='#555555'>{escape(extra)}</font>"
        )
    return Paragraph(
        "".join(parts), st.body.clone("action", leftIndent=24, firstLineIndent=-24, spaceAfter=8)
    )


# -- the case summary ----------------------------------------------------------------------------


def build_case_summary(summary: CaseSummary, head: Letterhead, options: PrintOptions) -> Document:
    """The sections chosen for a supervisor or a conference; each form as it was last saved."""
    w = texts(options.language)
    lang, w, st, width, check, story = _begin(
        head,
        options,
        content=summary,
        title=w["summary_title"],
        subtitle=w["summary_subtitle"].format(purpose=summary.purpose) if summary.purpose else "",
    )
    story += [
        heading(w["identification"], st),
        fields_table(_identity(summary.case, w, lang), st, width),
    ]
    for section in summary.sections:
        story.append(heading(section.title, st))
        if not section.forms and not section.events and not section.documents:
            story.append(para(w["nothing_recorded"], st.note))
        if section.documents:
            story.append(
                data_table(
                    (w["attached_document"], w["dated"], w["attached_file"]),
                    [
                        (f"{kind}: {about}" if about else kind, dated, name)
                        for kind, dated, about, name in section.documents
                    ],
                    st,
                    (width * 0.48, width * 0.22, width * 0.3),
                )
            )
        for block in section.forms:
            story += _form_block(block, st, width)
        if section.events:
            story.append(
                data_table(
                    (w["when"], w["who"], w["what"]),
                    [(_day(e.at, lang), e.who, e.what) for e in section.events],
                    st,
                    (width * 0.2, width * 0.25, width * 0.55),
                )
            )
    return render(
        head=head, options=options, title=w["summary_title"], verification=check, story=story
    )


def _form_block(block: FormBlock, st: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [
        KeepTogether(
            [
                Spacer(0, 4),
                Paragraph(f"<b>{escape(block.title)}</b>", st.body),
                Paragraph(escape(block.caption), st.small),
            ]
        )
    ]
    for title, answers in block.sections:
        out.append(Paragraph(escape(title), st.section))
        out += _answers(answers, st, width)
    out.append(Spacer(0, 6))
    return out


def _answers(answers: Sequence[Answer], st: Styles, width: float) -> list[Flowable]:
    """Short answers share a table; a repeating group's entries and very long text stand alone."""
    out: list[Flowable] = []
    rows: list[tuple[str, str]] = []
    for a in answers:
        if not a.entries and not (a.long and len(a.value) > 600):
            rows.append((a.label, a.value))
            continue
        if rows:
            out.append(fields_table(rows, st, width))
            rows = []
        if a.entries:
            for n, entry in enumerate(a.entries, start=1):
                out.append(Paragraph(f"{escape(a.item_label)} {n}", st.label))
                out.append(fields_table(entry, st, width * 0.95))
        else:
            out += long_text(a.label, a.value, st)
    if rows:
        out.append(fields_table(rows, st, width))
    return out

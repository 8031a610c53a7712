"""The reintegration agreement, printed for the signatures of the child, the family that takes
the child in, the caseworker and the supervisor (seed 001, box 3: Kenya's and Zambia's
"reunification agreement"; box 2's placement decision and preparation).

It says where and with whom the child will live under the approved placement decision, that the
child and the family agreed in the preparation, the services they are linked to, and how the
follow-up will be made; then what each side undertakes. Same letterhead, verification code and
QR as the closure form.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reports.case_documents import CaseIdentity, _identity
from reports.catalogue import QT_TRANSLATE_NOOP
from reports.layout import (
    Document,
    Letterhead,
    PrintOptions,
    Signer,
    Verification,
    content_digest,
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

KIND = "reintegration"

WORDS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("Agreement", "Reintegration agreement"),
    "subtitle": QT_TRANSLATE_NOOP(
        "Agreement", "The child's return to a family, agreed by all, for signature"
    ),
    "decision": QT_TRANSLATE_NOOP("Agreement", "The placement decision"),
    "option": QT_TRANSLATE_NOOP("Agreement", "Where the child will live"),
    "carer": QT_TRANSLATE_NOOP("Agreement", "With whom"),
    "relationship": QT_TRANSLATE_NOOP("Agreement", "Relationship to the child"),
    "address": QT_TRANSLATE_NOOP("Agreement", "Address"),
    "phone": QT_TRANSLATE_NOOP("Agreement", "Phone"),
    "local_contact": QT_TRANSLATE_NOOP("Agreement", "Local leader or volunteer"),
    "decided_on": QT_TRANSLATE_NOOP("Agreement", "Decided on"),
    "approved": QT_TRANSLATE_NOOP("Agreement", "Approved by the supervisor"),
    "approved_by_on": QT_TRANSLATE_NOOP("Agreement", "{who}, on {date}"),
    "placement_on": QT_TRANSLATE_NOOP("Agreement", "Planned placement date"),
    "placed_on": QT_TRANSLATE_NOOP("Agreement", "The child moved on"),
    "agreement": QT_TRANSLATE_NOOP("Agreement", "Agreement of both sides"),
    "child_agrees": QT_TRANSLATE_NOOP("Agreement", "The child agrees"),
    "family_agrees": QT_TRANSLATE_NOOP("Agreement", "The family agrees"),
    "prepared": QT_TRANSLATE_NOOP("Agreement", "Preparation sessions held"),
    "last_session": QT_TRANSLATE_NOOP("Agreement", "{count} (the last on {date})"),
    "child_views": QT_TRANSLATE_NOOP("Agreement", "What the child said, in their words"),
    "concerns": QT_TRANSLATE_NOOP("Agreement", "Worries still to settle"),
    "support": QT_TRANSLATE_NOOP("Agreement", "Support and follow-up"),
    "services": QT_TRANSLATE_NOOP("Agreement", "Services in the community"),
    "school": QT_TRANSLATE_NOOP("Agreement", "School"),
    "first_follow_up": QT_TRANSLATE_NOOP("Agreement", "First follow-up visit"),
    "not_yet": QT_TRANSLATE_NOOP("Agreement", "Not set yet"),
    "undertakings": QT_TRANSLATE_NOOP("Agreement", "What each of us undertakes"),
    "family_undertakes": QT_TRANSLATE_NOOP(
        "Agreement",
        "The family cares for the child, keeps the child safe and in school, lets the "
        "caseworker and the community volunteer visit and see the child alone, and tells the "
        "caseworker at once of any difficulty.",
    ),
    "agency_undertakes": QT_TRANSLATE_NOOP(
        "Agreement",
        "The agency follows up the child and the family after the move, gives the support "
        "agreed, and links them to the services they need. The child may speak to the "
        "caseworker at any time.",
    ),
    "child_heard": QT_TRANSLATE_NOOP(
        "Agreement",
        "This agreement was read and explained to the child and the family in a language "
        "they understand.",
    ),
    "role_family": QT_TRANSLATE_NOOP("Agreement", "For the family"),
}


@dataclass(frozen=True)
class ReintegrationAgreement:
    case: CaseIdentity
    version: int  # the placement decision's revision
    option: str
    carer: str
    address: str
    decided_on: datetime.date | None = None
    approved_by: str = ""
    approved_on: datetime.date | None = None
    placement_on: datetime.date | None = None
    placed_on: datetime.date | None = None  # once the child moved (the reunification form)
    relationship: str = ""
    phone: str = ""
    local_contact: str = ""
    child_agrees: str = ""
    family_agrees: str = ""
    sessions: int = 0
    last_session_on: datetime.date | None = None
    child_views: str = ""
    concerns: str = ""  # what the last preparation session left open, for all to see
    services: tuple[str, ...] = ()
    school: str = ""
    first_follow_up_on: datetime.date | None = None


def words(language: str) -> dict[str, str]:
    return {**texts(language), **translated(WORDS, "Agreement", language)}


def verification_of(agreement: ReintegrationAgreement, head: Letterhead) -> Verification:
    return Verification(
        agreement.case.case_number, KIND, agreement.version, content_digest((agreement, head))
    )


def _day(value: datetime.date | None, language: str) -> str:
    return format_date(value, language) if value else ""


def build_agreement(
    agreement: ReintegrationAgreement, head: Letterhead, options: PrintOptions
) -> Document:
    lang = options.language
    w = words(lang)
    check = verification_of(agreement, head)
    width = frame_width(options)
    st = styles(9.5)
    story: list[Flowable] = [letterhead(head, w["title"], w["subtitle"], check, w, styles(), width)]
    if head.is_demo:
        story += [Spacer(0, 3 * mm), para(w["demo_note"], st.note)]
    a = agreement
    story += [
        heading(w["identification"], st),
        fields_table(_identity(a.case, w, lang), st, width),
    ]
    approved = (
        w["approved_by_on"].format(who=a.approved_by, date=_day(a.approved_on, lang))
        if a.approved_by
        else ""
    )
    rows = [
        (w["option"], a.option),
        (w["carer"], a.carer),
        (w["relationship"], a.relationship),
        (w["address"], a.address),
        (w["phone"], a.phone),
        (w["local_contact"], a.local_contact),
        (w["decided_on"], _day(a.decided_on, lang)),
        (w["approved"], approved),
        (
            (w["placed_on"], _day(a.placed_on, lang))
            if a.placed_on
            else (w["placement_on"], _day(a.placement_on, lang))
        ),
    ]
    story += [heading(w["decision"], st), fields_table([r for r in rows if r[1]], st, width)]
    sessions = (
        w["last_session"].format(count=a.sessions, date=_day(a.last_session_on, lang))
        if a.sessions and a.last_session_on
        else str(a.sessions)
    )
    story += [
        heading(w["agreement"], st),
        fields_table(
            [
                (w["child_agrees"], a.child_agrees),
                (w["family_agrees"], a.family_agrees),
                (w["prepared"], sessions),
            ],
            st,
            width,
        ),
        Spacer(0, 4),
    ]
    story += long_text(w["child_views"], a.child_views, st)
    if a.concerns:
        story += long_text(w["concerns"], a.concerns, st)
    support = [
        (w["services"], "; ".join(a.services)),
        (w["school"], a.school),
        (w["first_follow_up"], _day(a.first_follow_up_on, lang) or w["not_yet"]),
    ]
    story += [heading(w["support"], st), fields_table([r for r in support if r[1]], st, width)]
    story += [
        heading(w["undertakings"], st),
        para(w["family_undertakes"], st.body),
        Spacer(0, 4),
        para(w["agency_undertakes"], st.body),
        Spacer(0, 4),
        para(w["child_heard"], st.note),
        signatures(
            w["signatures"],
            [
                Signer(w["role_child"], a.case.child_name, thumbprint=True),
                Signer(w["role_family"], a.carer, thumbprint=True),
                Signer(w["role_caseworker"], a.case.caseworker),
                Signer(w["role_supervisor"], a.approved_by or a.case.supervisor),
            ],
            w,
            st,
            width,
        ),
    ]
    return render(head=head, options=options, title=w["title"], verification=check, story=story)

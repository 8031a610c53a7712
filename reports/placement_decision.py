"""The placement decision, printed for signatures: where and with whom the child will live, on
what legal basis, why, who decided, and when it is reviewed (UN Guidelines §67).

It looks like the closure form (letterhead, verification code and QR, signature lines) and, like
it, names only what the decision needs: never the daily log, never the family assessment.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reports.case_documents import CaseIdentity, identity_rows
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

WORDS: dict[str, str] = {
    "subtitle": QT_TRANSLATE_NOOP(
        "PlacementDecision", "Where the child will live, and why: for signature"
    ),
    "placement": QT_TRANSLATE_NOOP("PlacementDecision", "The placement"),
    "kind": QT_TRANSLATE_NOOP("PlacementDecision", "Type of care"),
    "facility": QT_TRANSLATE_NOOP("PlacementDecision", "Residential care facility"),
    "carer": QT_TRANSLATE_NOOP("PlacementDecision", "Carer or family"),
    "address": QT_TRANSLATE_NOOP("PlacementDecision", "Address"),
    "start": QT_TRANSLATE_NOOP("PlacementDecision", "From"),
    "review": QT_TRANSLATE_NOOP("PlacementDecision", "First review by"),
    "legal": QT_TRANSLATE_NOOP("PlacementDecision", "Legal basis"),
    "basis": QT_TRANSLATE_NOOP("PlacementDecision", "Basis"),
    "reference": QT_TRANSLATE_NOOP("PlacementDecision", "Reference"),
    "legal_date": QT_TRANSLATE_NOOP("PlacementDecision", "Dated"),
    "decided_by": QT_TRANSLATE_NOOP("PlacementDecision", "Decided by"),
    "reason": QT_TRANSLATE_NOOP(
        "PlacementDecision", "Why this placement is in the child's best interests"
    ),
    "previous": QT_TRANSLATE_NOOP("PlacementDecision", "Placement before this one"),
    "none_before": QT_TRANSLATE_NOOP("PlacementDecision", "None recorded"),
    "review_note": QT_TRANSLATE_NOOP(
        "PlacementDecision",
        "The placement is reviewed regularly, with the child, to see whether it is still in the "
        "child's best interests (at least every {months} months).",
    ),
    "proposed_by": QT_TRANSLATE_NOOP("PlacementDecision", "Proposed by"),
    "approved_by": QT_TRANSLATE_NOOP("PlacementDecision", "Approved by"),
    "approved_on": QT_TRANSLATE_NOOP("PlacementDecision", "Approved on"),
    "role_carer": QT_TRANSLATE_NOOP("PlacementDecision", "Carer, or the facility's manager"),
    "not_approved": QT_TRANSLATE_NOOP("PlacementDecision", "Not approved yet"),
}


@dataclass(frozen=True)
class PlacementDecision:
    case: CaseIdentity
    version: int  # the placement's number among the case's placements (1, 2, …)
    kind: str  # in words
    where: str  # the facility's or the carer's name
    at_facility: bool
    address: str
    start_date: datetime.date
    review_date: datetime.date | None
    review_months: int
    legal_basis: str  # in words
    legal_reference: str
    legal_date: datetime.date | None
    decided_by: str
    reason: str
    previous: str  # the placement before, in words
    proposed_by: str
    approved_by: str
    approved_on: datetime.date | None


def words(language: str) -> dict[str, str]:
    return {**texts(language), **translated(WORDS, "PlacementDecision", language)}


def verification_of(decision: PlacementDecision, head: Letterhead) -> Verification:
    return Verification(
        decision.case.case_number, "placement", decision.version, content_digest((decision, head))
    )


def _day(value: datetime.date | None, language: str) -> str:
    return format_date(value, language) if value else ""


def build_placement_decision(
    decision: PlacementDecision, head: Letterhead, options: PrintOptions
) -> Document:
    lang = options.language
    w = words(lang)
    check = verification_of(decision, head)
    width = frame_width(options)
    story: list[Flowable] = [
        letterhead(head, w["placement_title"], w["subtitle"], check, w, styles(), width)
    ]
    st = styles(9.5)
    if head.is_demo:
        story += [Spacer(0, 3 * mm), para(w["demo_note"], st.note)]
    story += [
        heading(w["identification"], st),
        fields_table(identity_rows(decision.case, w, lang), st, width),
        heading(w["placement"], st),
        fields_table(
            [
                (w["kind"], decision.kind),
                (w["facility"] if decision.at_facility else w["carer"], decision.where),
                (w["address"], decision.address),
                (w["start"], _day(decision.start_date, lang)),
                (w["review"], _day(decision.review_date, lang)),
                (w["previous"], decision.previous or w["none_before"]),
            ],
            st,
            width,
        ),
        Spacer(0, 4),
        para(w["review_note"].format(months=decision.review_months), st.note),
        heading(w["legal"], st),
        fields_table(
            [
                (w["basis"], decision.legal_basis),
                (w["reference"], decision.legal_reference),
                (w["legal_date"], _day(decision.legal_date, lang)),
                (w["decided_by"], decision.decided_by),
            ],
            st,
            width,
        ),
        Spacer(0, 6),
    ]
    story += long_text(w["reason"], decision.reason, st)
    story += [
        heading(w["authorisation"], st),
        fields_table(
            [
                (w["proposed_by"], decision.proposed_by),
                (w["approved_by"], decision.approved_by or w["not_approved"]),
                (w["approved_on"], _day(decision.approved_on, lang)),
            ],
            st,
            width,
        ),
    ]
    story.append(
        signatures(
            w["signatures"],
            [
                Signer(w["role_child"], decision.case.child_name, thumbprint=True),
                Signer(w["role_carer"], decision.where, thumbprint=not decision.at_facility),
                Signer(w["role_caseworker"], decision.case.caseworker),
                Signer(w["role_supervisor"], decision.approved_by or decision.case.supervisor),
            ],
            w,
            st,
            width,
        )
    )
    return render(
        head=head, options=options, title=w["placement_title"], verification=check, story=story
    )

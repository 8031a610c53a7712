"""The words of a reintegration agreement (`reports.reintegration`), from the case's placement
decision, its preparation sessions and, once the child moved, the placement form.

Loaded only when a document is made (it imports the PDF builders), like `desktop.document_data`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from db.errors import QT_TRANSLATE_NOOP
from desktop import pathway
from desktop.case_state import facts_for
from desktop.document_data import Facts, _local_day
from desktop.documents import DocumentUnavailable
from desktop.forms.saved import instances
from desktop.workflow import ApprovalKind
from reports.reintegration import ReintegrationAgreement

NOT_YET = QT_TRANSLATE_NOOP(
    "errors",
    "The reintegration agreement is printed once the supervisor has approved the placement "
    "decision of case {number}.",
)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def agreement_of(facts: Facts) -> ReintegrationAgreement:
    """The agreement under the placement decision the supervisor approved here."""
    current = facts_for(facts.s, [facts.case])[facts.case.id].reintegration
    decision = facts.latest(pathway.DECISION_FORM)
    approval = facts.approval(ApprovalKind.PLACEMENT_DECISION)
    if current is None or not current.decision_holds or decision is None or approval is None:
        raise DocumentUnavailable(NOT_YET, number=facts.case.case_number)
    sessions = sorted(
        (
            x
            for x in instances(facts.subs, pathway.PREPARATION_FORM)
            if x.submitted_at > decision.submitted_at
        ),
        key=lambda x: (_day(x.answers.get("held_on")) or date.min, x.instance),
    )
    last = sessions[-1] if sessions else None
    placed = facts.latest(pathway.PLACEMENT_FORM)
    if placed is not None and placed.submitted_at < decision.submitted_at:
        placed = None  # a placement before this decision (one that broke down) is not this one
    d, p = decision.answers, placed.answers if placed else {}
    services = []
    group = placed.definition.field("services") if placed else None
    for entry in p.get("services") or []:
        kind = facts.sub_choice(group, "service_type", entry.get("service_type"))
        provider = str(entry.get("provider") or "")
        services.append(f"{kind}: {provider}" if provider else kind)
    return ReintegrationAgreement(
        case=facts.identity(),
        version=decision.revision,
        option=facts.text(decision, "option"),
        carer=str(p.get("carer") or d.get("carer") or ""),
        address=str(p.get("address") or d.get("address") or ""),
        decided_on=_day(d.get("decided_on")),
        approved_by=facts.names.get(approval.decided_by, ""),
        approved_on=_local_day(approval.decided_at),
        placement_on=_day(d.get("placement_on")),
        placed_on=_day(p.get("placed_on")),
        relationship=facts.text(placed, "relationship"),
        phone=str(p.get("phone") or ""),
        local_contact=str(p.get("local_contact") or ""),
        child_agrees=facts.text(last, "child_agrees"),
        family_agrees=facts.text(last, "family_agrees"),
        sessions=len(sessions),
        last_session_on=_day(last.answers.get("held_on")) if last else None,
        child_views=str(last.answers.get("child_views") or "") if last else "",
        concerns=str(last.answers.get("concerns") or "") if last else "",
        services=tuple(services),
        school=str(p.get("school") or ""),
        first_follow_up_on=_day(p.get("first_follow_up_on")),
    )

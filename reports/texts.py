"""The printed documents' own words, and dates as words on paper.

Questions and choices come from the form definitions (in each of their languages); these are the
words of the documents themselves: titles, headings, signature captions, the footer. They are
written here in English, marked for Qt's tools, and translated from the language's catalogue
(`reports/catalogue.py`, the same `.ts` as the window's), so adding a language adds no table here.
"""

from __future__ import annotations

import datetime

from reports.catalogue import QT_TRANSLATE_NOOP, translate

WORDS: dict[str, str] = {
    "case": QT_TRANSLATE_NOOP("Documents", "Case"),
    "printed_on": QT_TRANSLATE_NOOP("Documents", "Printed on {date}"),
    "page_of": QT_TRANSLATE_NOOP("Documents", "Page {page} of {pages}"),
    "confidential": QT_TRANSLATE_NOOP("Documents", "CONFIDENTIAL"),
    "confidential_note": QT_TRANSLATE_NOOP("Documents", "Keep locked away. Do not copy or send."),
    "verification": QT_TRANSLATE_NOOP("Documents", "Verification code"),
    "demo": QT_TRANSLATE_NOOP("Documents", "DEMO"),
    "demo_note": QT_TRANSLATE_NOOP(
        "Documents", "Demo store with made-up children: this is not a real document."
    ),
    "yes": QT_TRANSLATE_NOOP("Documents", "Yes"),
    "no": QT_TRANSLATE_NOOP("Documents", "No"),
    "name": QT_TRANSLATE_NOOP("Documents", "Name"),
    "signature": QT_TRANSLATE_NOOP("Documents", "Signature"),
    "date": QT_TRANSLATE_NOOP("Documents", "Date"),
    "colon": QT_TRANSLATE_NOOP("Documents", ":"),
    "thumbprint": QT_TRANSLATE_NOOP("Documents", "Thumbprint"),
    "estimated": QT_TRANSLATE_NOOP("Documents", "{date} (estimated)"),
    "signatures": QT_TRANSLATE_NOOP("Documents", "Signatures"),
    "role_child": QT_TRANSLATE_NOOP("Documents", "The child"),
    "role_caregiver": QT_TRANSLATE_NOOP("Documents", "Parent or caregiver"),
    "role_caseworker": QT_TRANSLATE_NOOP("Documents", "Caseworker"),
    "role_supervisor": QT_TRANSLATE_NOOP("Documents", "Supervisor"),
    "identification": QT_TRANSLATE_NOOP("Documents", "The child and the case"),
    "case_number": QT_TRANSLATE_NOOP("Documents", "Case number"),
    "child_name": QT_TRANSLATE_NOOP("Documents", "Child's name"),
    "sex": QT_TRANSLATE_NOOP("Documents", "Sex"),
    "birth_date": QT_TRANSLATE_NOOP("Documents", "Date of birth"),
    "location": QT_TRANSLATE_NOOP("Documents", "Lives in"),
    "caregivers": QT_TRANSLATE_NOOP("Documents", "Parents or caregivers"),
    "caseworker": QT_TRANSLATE_NOOP("Documents", "Caseworker"),
    "supervisor": QT_TRANSLATE_NOOP("Documents", "Supervisor"),
    "registered_on": QT_TRANSLATE_NOOP("Documents", "Registered on"),
    "stage": QT_TRANSLATE_NOOP("Documents", "Stage"),
    "closure_title": QT_TRANSLATE_NOOP("Documents", "Case closure form"),
    "placement_title": QT_TRANSLATE_NOOP("Documents", "Placement decision"),
    "minutes_title": QT_TRANSLATE_NOOP("Documents", "Case conference minutes"),
    "closure_subtitle": QT_TRANSLATE_NOOP(
        "Documents", "Record of the decision to close the case, for signature"
    ),
    "closure": QT_TRANSLATE_NOOP("Documents", "The closure"),
    "requested_on": QT_TRANSLATE_NOOP("Documents", "Closure requested on"),
    "closed_on": QT_TRANSLATE_NOOP("Documents", "Case closed on"),
    "closure_reason": QT_TRANSLATE_NOOP("Documents", "Reason for closing"),
    "reason_notes": QT_TRANSLATE_NOOP("Documents", "About the reason"),
    "transition_plan": QT_TRANSLATE_NOOP("Documents", "Plan for after 18"),
    "outcomes": QT_TRANSLATE_NOOP("Documents", "Goals and outcomes"),
    "outcomes_summary": QT_TRANSLATE_NOOP("Documents", "Summary of the goals and outcomes"),
    "goals_achieved": QT_TRANSLATE_NOOP("Documents", "Goals of the plan met"),
    "goal_no": QT_TRANSLATE_NOOP("Documents", "No."),
    "area": QT_TRANSLATE_NOOP("Documents", "Area"),
    "goal": QT_TRANSLATE_NOOP("Documents", "Goal"),
    "actions_done": QT_TRANSLATE_NOOP("Documents", "Actions done"),
    "actions_done_of": QT_TRANSLATE_NOOP("Documents", "{done} of {total}"),
    "no_plan": QT_TRANSLATE_NOOP("Documents", "The case had no case plan."),
    "risk": QT_TRANSLATE_NOOP("Documents", "Risk"),
    "risk_at_registration": QT_TRANSLATE_NOOP(
        "Documents", "Risk at registration (initial assessment)"
    ),
    "risk_at_closure": QT_TRANSLATE_NOOP("Documents", "Risk at closure"),
    "views": QT_TRANSLATE_NOOP("Documents", "The child's and the family's views"),
    "decided_with_family": QT_TRANSLATE_NOOP(
        "Documents", "Closure decided with the child and the family"
    ),
    "child_views": QT_TRANSLATE_NOOP("Documents", "The child's views, in their words"),
    "family_views": QT_TRANSLATE_NOOP("Documents", "The family's views"),
    "after_closure": QT_TRANSLATE_NOOP("Documents", "After closure"),
    "post_closure_visit_on": QT_TRANSLATE_NOOP("Documents", "Visit after closure planned on"),
    "post_closure_note": QT_TRANSLATE_NOOP(
        "Documents",
        "A caseworker visits within three months of the closure to check that the child is still safe. The case can be reopened at any time if the child needs help again.",
    ),
    "authorisation": QT_TRANSLATE_NOOP("Documents", "Supervisor's authorisation"),
    "authorised_by": QT_TRANSLATE_NOOP("Documents", "Closure authorised by"),
    "authorised_on": QT_TRANSLATE_NOOP("Documents", "Authorised on"),
    "not_authorised": QT_TRANSLATE_NOOP("Documents", "Not authorised yet"),
    "transfer_title": QT_TRANSLATE_NOOP("Documents", "Case transfer form"),
    "transfer_subtitle": QT_TRANSLATE_NOOP(
        "Documents", "Responsibility for the case moves to another agency"
    ),
    "agencies": QT_TRANSLATE_NOOP("Documents", "From and to"),
    "from_agency": QT_TRANSLATE_NOOP("Documents", "Agency transferring the case"),
    "to_agency": QT_TRANSLATE_NOOP("Documents", "Agency receiving the case"),
    "to_agency_contact": QT_TRANSLATE_NOOP("Documents", "Contact at the receiving agency"),
    "transfer_reason": QT_TRANSLATE_NOOP("Documents", "Reason for the transfer"),
    "transfer_reason_notes": QT_TRANSLATE_NOOP("Documents", "Why the transfer is necessary"),
    "case_reviewed": QT_TRANSLATE_NOOP("Documents", "Case reviewed before the request"),
    "consent_to_share": QT_TRANSLATE_NOOP("Documents", "Consent to share information"),
    "consent_who": QT_TRANSLATE_NOOP("Documents", "Who"),
    "consent_answer": QT_TRANSLATE_NOOP("Documents", "Sharing information"),
    "consent_how": QT_TRANSLATE_NOOP("Documents", "How"),
    "consent_date": QT_TRANSLATE_NOOP("Documents", "Date"),
    "consent_covers": QT_TRANSLATE_NOOP("Documents", "Organisations named in the consent"),
    "consent_covers_receiver": QT_TRANSLATE_NOOP(
        "Documents", "The consent covers the receiving agency"
    ),
    "no_consent_form": QT_TRANSLATE_NOOP("Documents", "No consent form was recorded."),
    "case_summary_heading": QT_TRANSLATE_NOOP("Documents", "Summary of the case"),
    "concerns": QT_TRANSLATE_NOOP("Documents", "Protection concerns"),
    "care_arrangement": QT_TRANSLATE_NOOP("Documents", "Current care arrangement"),
    "current_risk": QT_TRANSLATE_NOOP("Documents", "Current risk level"),
    "current_plan": QT_TRANSLATE_NOOP("Documents", "The current case plan"),
    "permanency_goal": QT_TRANSLATE_NOOP("Documents", "Permanency goal"),
    "open_actions": QT_TRANSLATE_NOOP("Documents", "Open actions of the plan"),
    "action_no": QT_TRANSLATE_NOOP("Documents", "No."),
    "action": QT_TRANSLATE_NOOP("Documents", "Action"),
    "responsible": QT_TRANSLATE_NOOP("Documents", "Who"),
    "due": QT_TRANSLATE_NOOP("Documents", "By"),
    "status": QT_TRANSLATE_NOOP("Documents", "Status"),
    "no_open_actions": QT_TRANSLATE_NOOP("Documents", "No open action."),
    "referrals": QT_TRANSLATE_NOOP("Documents", "Services and referrals"),
    "service": QT_TRANSLATE_NOOP("Documents", "Service"),
    "provider": QT_TRANSLATE_NOOP("Documents", "Provider"),
    "referred_on": QT_TRANSLATE_NOOP("Documents", "Referred on"),
    "outcome": QT_TRANSLATE_NOOP("Documents", "Outcome"),
    "no_referrals": QT_TRANSLATE_NOOP("Documents", "No referral."),
    "risks_heading": QT_TRANSLATE_NOOP("Documents", "Risks and safety concerns"),
    "documents_sent": QT_TRANSLATE_NOOP("Documents", "Documents sent with this form"),
    "no_documents": QT_TRANSLATE_NOOP("Documents", "None listed."),
    "child_informed": QT_TRANSLATE_NOOP("Documents", "The child was told about the transfer"),
    "family_informed": QT_TRANSLATE_NOOP("Documents", "The family was told about the transfer"),
    "approval": QT_TRANSLATE_NOOP("Documents", "Supervisor's approval"),
    "approved_by": QT_TRANSLATE_NOOP("Documents", "Transfer approved by"),
    "approved_on": QT_TRANSLATE_NOOP("Documents", "Approved on"),
    "receipt": QT_TRANSLATE_NOOP("Documents", "Receipt by the receiving agency"),
    "receipt_note": QT_TRANSLATE_NOOP(
        "Documents",
        "To be filled in by the receiving agency, and a copy returned to the sending agency.",
    ),
    "received_by": QT_TRANSLATE_NOOP("Documents", "Received by (name and role)"),
    "received_on": QT_TRANSLATE_NOOP("Documents", "Date received"),
    "documents_complete": QT_TRANSLATE_NOOP(
        "Documents", "All the documents listed above were received"
    ),
    "role_receiver": QT_TRANSLATE_NOOP("Documents", "For the receiving agency"),
    "tick_yes_no": QT_TRANSLATE_NOOP("Documents", "☐ Yes    ☐ No"),
    "child_plan_title": QT_TRANSLATE_NOOP("Documents", "My plan"),
    "child_plan_intro": QT_TRANSLATE_NOOP(
        "Documents", "This is your plan, {name}. We made it together on {date}."
    ),
    "child_plan_intro_undated": QT_TRANSLATE_NOOP(
        "Documents", "This is your plan, {name}. We made it together."
    ),
    "child_goals": QT_TRANSLATE_NOOP("Documents", "What we want for you"),
    "child_actions": QT_TRANSLATE_NOOP("Documents", "What you will do"),
    "child_no_actions": QT_TRANSLATE_NOOP(
        "Documents", "Nothing for you to do for now: the grown-ups do their part."
    ),
    "others_actions": QT_TRANSLATE_NOOP("Documents", "What others will do to help you"),
    "by_date": QT_TRANSLATE_NOOP("Documents", "by {date}"),
    "next_talk": QT_TRANSLATE_NOOP("Documents", "When we will talk about it again"),
    "next_talk_text": QT_TRANSLATE_NOOP(
        "Documents", "We will look at your plan together again on {date}."
    ),
    "who_to_talk_to": QT_TRANSLATE_NOOP("Documents", "Who you can talk to"),
    "who_to_talk_to_text": QT_TRANSLATE_NOOP(
        "Documents",
        "{caseworker} at {agency}. You can ask to talk at any time, and you can say if something in the plan is not right for you.",
    ),
    "summary_title": QT_TRANSLATE_NOOP("Documents", "Case summary"),
    "summary_subtitle": QT_TRANSLATE_NOOP("Documents", "Prepared for {purpose}"),
    "summary_contents": QT_TRANSLATE_NOOP("Documents", "Contents"),
    "timeline": QT_TRANSLATE_NOOP("Documents", "Decisions and stage changes"),
    "when": QT_TRANSLATE_NOOP("Documents", "When"),
    "who": QT_TRANSLATE_NOOP("Documents", "Who"),
    "what": QT_TRANSLATE_NOOP("Documents", "What"),
    "version": QT_TRANSLATE_NOOP("Documents", "version {n}"),
    "filled_in": QT_TRANSLATE_NOOP("Documents", "{version}, saved by {who} on {date}"),
    "nothing_recorded": QT_TRANSLATE_NOOP("Documents", "Nothing recorded yet."),
    "attached_document": QT_TRANSLATE_NOOP("Documents", "Document"),
    "dated": QT_TRANSLATE_NOOP("Documents", "Dated"),
    "attached_file": QT_TRANSLATE_NOOP("Documents", "File"),
}

MONTHS = (
    QT_TRANSLATE_NOOP("Dates", "January"),
    QT_TRANSLATE_NOOP("Dates", "February"),
    QT_TRANSLATE_NOOP("Dates", "March"),
    QT_TRANSLATE_NOOP("Dates", "April"),
    QT_TRANSLATE_NOOP("Dates", "May"),
    QT_TRANSLATE_NOOP("Dates", "June"),
    QT_TRANSLATE_NOOP("Dates", "July"),
    QT_TRANSLATE_NOOP("Dates", "August"),
    QT_TRANSLATE_NOOP("Dates", "September"),
    QT_TRANSLATE_NOOP("Dates", "October"),
    QT_TRANSLATE_NOOP("Dates", "November"),
    QT_TRANSLATE_NOOP("Dates", "December"),
)


def translated(words: dict[str, str], context: str, language: str) -> dict[str, str]:
    """`words` (key → English marked under `context`) in `language`; English when missing."""
    return {key: translate(language, context, text) for key, text in words.items()}


def texts(language: str) -> dict[str, str]:
    """The documents' words in `language` (English when there is no such language)."""
    return translated(WORDS, "Documents", language)


def format_date(day: datetime.date, language: str) -> str:
    """14 March 2026 / 14 mars 2026 (1er mars in French): no number-only dates on paper."""
    if day.day == 1:
        pattern = QT_TRANSLATE_NOOP("Dates", "1 {month} {year}")
    else:
        pattern = QT_TRANSLATE_NOOP("Dates", "{day} {month} {year}")
    month = translate(language, "Dates", MONTHS[day.month - 1])
    return translate(language, "Dates", pattern).format(day=day.day, month=month, year=day.year)

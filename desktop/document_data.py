"""The words of a case's printed documents, from its saved forms and decisions: each builder's
plain data (reports/) filled in the reader's language. Imported when a document is made, so
ReportLab stays out of the program's start."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.errors import QT_TRANSLATE_NOOP
from db.models import Agency, Approval, Case, CaseStatus, PlanActionUpdate, StageMove, User
from desktop.attachments import KINDS as ATTACHMENT_KINDS
from desktop.attachments import attachments_in
from desktop.case_forms import CONFERENCE, CONSENT, consent_to_share
from desktop.case_state import is_made_here, plan_actions
from desktop.conferences import CORRECTION_KEY
from desktop.documents import SECTION_TITLES, SUMMARY_SECTIONS, DocumentUnavailable
from desktop.forms.answers import is_empty, shown_fields
from desktop.forms.definition import FormField
from desktop.forms.display import Words, answer_text, consent_method, entry_text
from desktop.forms.saved import Submission, instances, latest, submissions_in
from desktop.notes import KIND_WORDS, notes_of
from desktop.workflow import ApprovalKind, ApprovalState
from reports import case_documents as docs
from reports import minutes
from reports.layout import Letterhead
from reports.texts import format_date, texts, translated

_EVENTS: dict[str, str] = {
    "requested": QT_TRANSLATE_NOOP("Documents", "{kind}: approval asked"),
    "approved": QT_TRANSLATE_NOOP("Documents", "{kind}: approved"),
    "returned": QT_TRANSLATE_NOOP("Documents", "{kind}: returned – {comment}"),
    "back": QT_TRANSLATE_NOOP("Documents", "Moved back to “{stage}” – {reason}"),
    "reopened": QT_TRANSLATE_NOOP("Documents", "Reopened – {reason}"),
}
_CONSENT_WORDS = {
    "consent": QT_TRANSLATE_NOOP("Documents", "{who}, {how}, on {date}"),
    "spoken": QT_TRANSLATE_NOOP("Documents", "spoken"),
    "signed": QT_TRANSLATE_NOOP("Documents", "signed"),
    "thumbprint": QT_TRANSLATE_NOOP("Documents", "thumbprint"),
}
_APPROVAL_FORMS = {
    ApprovalKind.CASE_PLAN: "case_plan",
    ApprovalKind.CLOSURE: "closure_request",
    ApprovalKind.TRANSFER: "transfer_request",
    ApprovalKind.BEST_INTERESTS: "best_interests",
}


def letterhead(s: Session) -> Letterhead:
    agency = s.execute(select(Agency)).scalar_one()
    return Letterhead(
        agency_name=agency.name,
        agency_code=agency.code,
        district=agency.district,
        country=agency.country,
        logo=agency.logo,
        is_demo=agency.is_demo,
    )


def _words(language: str) -> Words:
    w = texts(language)
    how = translated(_CONSENT_WORDS, "Documents", language)
    return Words(
        yes=w["yes"],
        no=w["no"],
        estimated=w["estimated"],
        consent=how["consent"],
        spoken=how["spoken"],
        signed=how["signed"],
        thumbprint=how["thumbprint"],
        format_date=lambda d: format_date(d, language),
    )


def _date(value: Any) -> date | None:
    if isinstance(value, dict):
        value = value.get("date")
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _local_day(moment: datetime | None) -> date | None:
    return moment.astimezone().date() if moment else None


class Facts:
    """One case's saved forms and decisions, turned into words of `language` for the documents."""

    def __init__(self, s: Session, case: Case, language: str) -> None:
        self.s, self.case, self.language = s, case, language
        self.words = _words(language)
        self.subs = submissions_in(s, case.id)
        self.names = dict(s.execute(select(User.id, User.full_name)).all())
        self.approvals = list(
            s.execute(
                select(Approval).where(Approval.case_id == case.id).order_by(Approval.requested_at)
            ).scalars()
        )
        worker = s.get(User, case.caseworker_id) if case.caseworker_id else None
        self.caseworker = worker.full_name if worker else ""
        self.supervisor = (
            self.names.get(worker.supervisor_id, "") if worker and worker.supervisor_id else ""
        )

    # -- answers as words ------------------------------------------------------------------------
    def text(self, sub: Submission | None, field_id: str) -> str:
        if sub is None:
            return ""
        value = sub.answers.get(field_id)
        f = sub.definition.field(field_id)
        if f is None or is_empty(value):
            return ""
        return answer_text(f, value, self.language, self.words)

    def choice(self, sub: Submission | None, field_id: str, value: Any) -> str:
        f = sub.definition.field(field_id) if sub else None
        if f is None or is_empty(value):
            return str(value or "")
        return answer_text(f, value, self.language, self.words)

    def sub_choice(self, group: FormField | None, sub_id: str, value: Any) -> str:
        for f in (group.fields or []) if group else []:
            if f.id == sub_id and not is_empty(value):
                return answer_text(f, value, self.language, self.words)
        return str(value or "")

    def latest(self, form_id: str) -> Submission | None:
        return latest(self.subs, form_id)

    def approval(self, kind: ApprovalKind) -> Approval | None:
        """The latest decision of this kind made here (a received one is history only)."""
        found = [a for a in self.approvals if a.kind == kind and is_made_here(a)]
        return found[-1] if found else None

    # -- parts ---------------------------------------------------------------------------------
    def identity(self) -> docs.CaseIdentity:
        c = self.case
        registration = self.latest("registration")
        return docs.CaseIdentity(
            case_number=c.case_number,
            child_name=f"{c.given_name} {c.family_name}".strip(),
            sex=self.text(registration, "sex") or c.sex,
            birth_date=c.birth_date,
            birth_date_estimated=c.birth_date_estimated,
            location=c.location,
            caregivers=self.text(registration, "caregivers"),
            caseworker=self.caseworker,
            supervisor=self.supervisor,
            registered_on=_local_day(c.registered_at),
        )

    def _plan(self) -> tuple[Submission | None, tuple[Any, ...]]:
        plan = self.latest("case_plan")
        if plan is None:
            return None, ()
        updates = {
            u.action_index: u.status
            for u in self.s.execute(
                select(PlanActionUpdate)
                .where(PlanActionUpdate.submission_id == plan.id)
                .order_by(PlanActionUpdate.id)
            ).scalars()
        }
        return plan, plan_actions(plan.answers, updates)

    def goals(self) -> tuple[docs.Goal, ...]:
        plan, actions = self._plan()
        if plan is None:
            return ()
        goals_field = plan.definition.field("goals")
        out = []
        for number, entry in enumerate(plan.answers.get("goals") or [], start=1):
            mine = [a for a in actions if a.goal_number == number and a.status != "dropped"]
            out.append(
                docs.Goal(
                    number=number,
                    area=self.sub_choice(goals_field, "area", entry.get("area")),
                    text=str(entry.get("goal") or ""),
                    actions_done=sum(a.status == "done" for a in mine),
                    actions_total=len(mine),
                )
            )
        return tuple(out)

    def actions(self, *, open_only: bool) -> tuple[docs.Action, ...]:
        plan, actions = self._plan()
        if plan is None:
            return ()
        group = plan.definition.field("actions")
        entries = plan.answers.get("actions") or []
        out = []
        for a in actions:
            if open_only and a.status in ("done", "dropped"):
                continue
            entry = entries[a.index] if a.index < len(entries) else {}
            out.append(
                docs.Action(
                    number=a.index + 1,
                    goal_number=a.goal_number,
                    text=a.action,
                    responsible=self.sub_choice(group, "responsible", a.responsible),
                    responsible_name=str(entry.get("responsible_name") or ""),
                    due=a.due,
                    status=self.sub_choice(group, "status", a.status),
                )
            )
        return tuple(out)

    def first_risk(self) -> str:
        firsts = [x for x in self.subs if x.form_id == "initial_assessment"]
        first = min(firsts, key=lambda x: (x.instance, x.revision)) if firsts else None
        return self.text(first, "risk_level")

    # -- the documents -------------------------------------------------------------------------
    def closure_form(self) -> docs.ClosureForm:
        if self.case.status != CaseStatus.CLOSED:
            raise DocumentUnavailable(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The closure form is printed once the supervisor has authorised the closure: "
                    "case {number} is not closed.",
                ),
                number=self.case.case_number,
            )
        request = self.latest("closure_request")
        approval = self.approval(ApprovalKind.CLOSURE)
        approved = approval is not None and approval.state == ApprovalState.APPROVED
        closed_on = (
            approval.decided_at
            if approved
            else self.s.execute(
                select(StageMove.at)
                .where(StageMove.case_id == self.case.id, StageMove.to_stage == "closed")
                .order_by(StageMove.at.desc())
                .limit(1)
            ).scalar()
        )
        registration = self.latest("registration")
        caregivers = (registration.answers.get("caregivers") if registration else None) or []
        a = request.answers if request else {}
        return docs.ClosureForm(
            case=self.identity(),
            version=request.revision if request else 0,
            reason=self.text(request, "reason"),
            requested_on=_local_day(request.submitted_at) if request else None,
            closed_on=_local_day(closed_on),
            reason_notes=str(a.get("reason_notes") or ""),
            transition_plan=str(a.get("transition_plan") or ""),
            outcomes_summary=str(a.get("summary") or ""),
            goals_achieved=self.text(request, "goals_achieved"),
            goals=self.goals(),
            risk_at_registration=self.first_risk(),
            risk_at_closure=self.text(request, "risk_at_closure"),
            decided_with_family=a.get("decided_with_family"),
            child_views=str(a.get("child_views") or ""),
            family_views=str(a.get("family_views") or ""),
            post_closure_visit_on=_date(a.get("post_closure_visit_on")),
            authorised_by=self.names.get(approval.decided_by, "") if approved else "",  # type: ignore[union-attr]
            authorised_on=_local_day(approval.decided_at) if approved else None,  # type: ignore[union-attr]
            caregiver=str(caregivers[0].get("name", "")) if caregivers else "",
        )

    def transfer_form(self, from_agency: str) -> docs.TransferForm:
        request = self.latest("transfer_request")
        approval = self.approval(ApprovalKind.TRANSFER)
        if request is None or approval is None or approval.state != ApprovalState.APPROVED:
            raise DocumentUnavailable(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The transfer form is printed once the supervisor has approved a transfer "
                    "request for case {number}.",
                ),
                number=self.case.case_number,
            )
        a = request.answers
        to_agency = str(a.get("to_agency") or "")
        consent_sub = self.latest(CONSENT)
        consent = consent_to_share(self.subs)
        lines: list[docs.ConsentLine] = []
        if consent_sub is not None:
            c = consent_sub.answers
            for prefix, who, block in (
                ("caregiver", texts(self.language)["role_caregiver"], "caregiver_consent"),
                ("child", texts(self.language)["role_child"], "child_assent"),
            ):
                given = c.get(block) or {}
                by = str(given.get("by") or "") if isinstance(given, dict) else ""
                lines.append(
                    docs.ConsentLine(
                        who=f"{who}: {by}" if by else who,
                        answer=self.text(consent_sub, f"{prefix}_sharing")
                        or texts(self.language)["no"],
                        how=consent_method(given, self.words),
                        given_on=_date(given.get("date")) if isinstance(given, dict) else None,
                    )
                )
        registration = self.latest("registration")
        assessment = self.latest("full_assessment") or self.latest("initial_assessment")
        concerns = "\n".join(
            x
            for x in (
                self.text(registration, "concerns"),
                self.text(registration, "concerns_notes"),
            )
            if x
        )
        risks = "\n\n".join(
            x
            for x in (
                self.text(self.latest("initial_assessment"), "risk_reasons"),
                self.text(self.latest("full_assessment"), "safety_notes"),
                self.text(latest_visit(self.subs), "concerns"),
            )
            if x
        )
        referrals = tuple(
            docs.Referral(
                service=self.text(r, "service_type"),
                provider=str(r.answers.get("provider") or ""),
                referred_on=_date(r.answers.get("referred_on")),
                outcome=self.text(r, "outcome"),
            )
            for r in instances(self.subs, "referral")
        )
        plan = self.latest("case_plan")
        return docs.TransferForm(
            case=self.identity(),
            version=request.revision,
            from_agency=from_agency,
            to_agency=to_agency,
            reason=self.text(request, "reason"),
            to_agency_contact=str(a.get("to_agency_contact") or ""),
            reason_notes=str(a.get("reason_notes") or ""),
            case_reviewed=a.get("case_reviewed"),
            consent=tuple(lines),
            consent_organisations=consent.organisations,
            consent_covers_receiver=consent.covers(to_agency) if consent.recorded else None,
            concerns=concerns,
            care_arrangement=self.text(registration, "care_arrangement"),
            current_risk=self._current_risk(assessment),
            permanency_goal=self.text(plan, "permanency_goal"),
            goals=self.goals(),
            open_actions=self.actions(open_only=True),
            referrals=referrals,
            risks=risks,
            documents=tuple(
                self.choice(request, "documents", [code]) for code in a.get("documents") or []
            ),
            child_informed=a.get("child_informed"),
            child_views=str(a.get("child_views") or ""),
            family_informed=a.get("family_informed"),
            approved_by=self.names.get(approval.decided_by, ""),  # type: ignore[arg-type]
            approved_on=_local_day(approval.decided_at),
        )

    def _current_risk(self, assessment: Submission | None) -> str:
        return self.choice(assessment, "risk_level", self.case.risk) if self.case.risk else ""

    def child_plan(self, agency_name: str) -> docs.ChildPlan:
        if self.latest("case_plan") is None:
            raise DocumentUnavailable(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Case {number} has no case plan yet: there is nothing to print for the child.",
                ),
                number=self.case.case_number,
            )
        plan, actions = self._plan()
        group = plan.definition.field("actions")
        entries = plan.answers.get("actions") or []
        mine, others = [], []
        for a in actions:
            if a.status == "dropped":
                continue
            done = a.status == "done"
            if a.responsible == "child":
                mine.append(docs.ChildAction(a.action, a.due, done=done))
                continue
            entry = entries[a.index] if a.index < len(entries) else {}
            who = str(entry.get("responsible_name") or "") or self.sub_choice(
                group, "responsible", a.responsible
            )
            others.append(docs.ChildAction(a.action, a.due, who, done))
        return docs.ChildPlan(
            case_number=self.case.case_number,
            version=plan.revision,
            child_name=self.case.given_name,
            agency_name=agency_name,
            caseworker=self.caseworker,
            made_on=_date(plan.answers.get("made_on")),
            goals=tuple(str(g.get("goal") or "") for g in plan.answers.get("goals") or []),
            child_actions=tuple(mine),
            other_actions=tuple(others),
            review_on=_date(plan.answers.get("review_date")),
        )

    def summary(self, sections: list[str], purpose: str) -> docs.CaseSummary:
        titles = translated(SECTION_TITLES, "CaseDocuments", self.language)
        parts = []
        for key in SUMMARY_SECTIONS:
            if key not in sections:
                continue
            if key == "decisions":
                parts.append(docs.SummarySection(key, titles[key], events=self.events()))
                continue
            if key == "notes":
                parts.append(docs.SummarySection(key, titles[key], events=self.notes()))
                continue
            if key == "attachments":
                parts.append(docs.SummarySection(key, titles[key], documents=self.attached()))
                continue
            forms = []
            form_ids = SUMMARY_SECTIONS[key] if key != "other_forms" else self.other_forms()
            for form_id in form_ids:
                forms += [self.form_block(x) for x in instances(self.subs, form_id)]
            parts.append(docs.SummarySection(key, titles[key], forms=tuple(forms)))
        return docs.CaseSummary(
            case=self.identity(), version=len(self.subs), purpose=purpose, sections=tuple(parts)
        )

    def other_forms(self) -> list[str]:
        """The forms of the case that no other section prints, in the order first saved."""
        placed = {f for forms in SUMMARY_SECTIONS.values() for f in forms} | {CONFERENCE}
        return list(dict.fromkeys(x.form_id for x in self.subs if x.form_id not in placed))

    def attached(self) -> tuple[tuple[str, str, str, str], ...]:
        """What each attached document is (kind, date, description, file): titles only."""
        kinds = translated(ATTACHMENT_KINDS, "Attachments", self.language)
        return tuple(
            (
                kinds.get(a.kind, a.kind),
                format_date(a.document_date, self.language) if a.document_date else "",
                a.description,
                a.file_name,
            )
            for a in attachments_in(self.s, self.case.id)
            if not a.removed
        )

    def form_block(self, sub: Submission) -> docs.FormBlock:
        w = texts(self.language)
        form = sub.definition
        visible = set(f.id for f in shown_fields(form, sub.answers))
        sections = []
        for section in form.sections:
            answers = []
            for f in section.fields:
                value = sub.answers.get(f.id)
                if f.id not in visible or is_empty(value):
                    continue
                if f.type == "group":
                    entries = tuple(
                        tuple(
                            (
                                sf.label.get(self.language),
                                entry_text(sf, e[sf.id], sub.answers)
                                if sf.entry_of
                                else answer_text(sf, e[sf.id], self.language, self.words),
                            )
                            for sf in f.fields or []
                            if not is_empty(e.get(sf.id))
                        )
                        for e in value
                        if isinstance(e, dict)
                    )
                    label = f.item_label or f.label
                    answers.append(
                        docs.Answer(
                            f.label.get(self.language),
                            item_label=label.get(self.language),
                            entries=entries,
                        )
                    )
                else:
                    answers.append(
                        docs.Answer(
                            f.label.get(self.language),
                            answer_text(f, value, self.language, self.words),
                            long=f.type == "long_text",
                        )
                    )
            if answers:
                sections.append((section.title.get(self.language), tuple(answers)))
        caption = w["filled_in"].format(
            version=w["version"].format(n=sub.revision),
            who=sub.submitted_by,
            date=format_date(sub.submitted_at.astimezone().date(), self.language),
        )
        return docs.FormBlock(form.title.get(self.language), caption, tuple(sections))

    def events(self) -> tuple[docs.Event, ...]:
        e = translated(_EVENTS, "Documents", self.language)
        found: list[tuple[datetime, docs.Event]] = []
        for a in self.approvals:
            form = self._form_title(_APPROVAL_FORMS.get(ApprovalKind(a.kind), ""))
            who = self.names.get(a.requested_by, "")
            found.append(
                (
                    a.requested_at,
                    docs.Event(_local_day(a.requested_at), who, e["requested"].format(kind=form)),
                )
            )  # type: ignore[arg-type]
            if a.decided_at is not None and a.state in (
                ApprovalState.APPROVED,
                ApprovalState.RETURNED,
            ):
                text = e[a.state].format(kind=form, comment=a.comment)
                found.append(
                    (
                        a.decided_at,
                        docs.Event(
                            _local_day(a.decided_at), self.names.get(a.decided_by, ""), text
                        ),
                    )
                )  # type: ignore[arg-type]
        for m in self.s.execute(
            select(StageMove).where(StageMove.case_id == self.case.id)
        ).scalars():
            if m.how in ("back", "reopened"):
                text = e[m.how].format(stage=m.to_stage.replace("_", " "), reason=m.reason)
                found.append(
                    (m.at, docs.Event(_local_day(m.at), self.names.get(m.user_id, ""), text))
                )  # type: ignore[arg-type]
        found.sort(key=lambda x: x[0])
        return tuple(event for _, event in found)

    def notes(self) -> tuple[docs.Event, ...]:
        """The contact notes, oldest first as a record reads (each as last corrected)."""
        kinds = translated(KIND_WORDS, "ContactNotes", self.language)
        return tuple(
            docs.Event(
                n.happened_on,
                n.author + (f" ({n.agency_code})" if n.agency_code else ""),
                f"{kinds.get(n.kind, n.kind)}"
                + (f" – {n.contact}" if n.contact else "")
                + f": {n.text}",
            )
            for n in reversed(notes_of(self.s, self.case.id))
        )

    def minutes(self, number: int, identity: str) -> minutes.Minutes:
        """The minutes of conference `number` as last finalised; the child named no more than
        `identity` (an agency setting) allows."""
        sub = latest(self.subs, CONFERENCE, number)
        if sub is None:
            raise DocumentUnavailable(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The minutes of conference {conference} of case {number} are printed once "
                    "they are finalised.",
                ),
                conference=number,
                number=self.case.case_number,
            )
        a = sub.answers
        c = self.case
        child = ""
        if identity == "name":
            child = f"{c.given_name} {c.family_name}".strip()
        elif identity == "initials":
            child = " ".join(f"{n[0]}." for n in (c.given_name, c.family_name) if n.strip())
        attendees = sub.definition.field("attendees")
        actions = sub.definition.field("actions")
        agency = self.s.execute(select(Agency.name)).scalar() or ""
        return minutes.Minutes(
            case_number=c.case_number,
            child=child,
            number=number,
            version=sub.revision,
            held_on=_date(a.get("held_on")),
            time=str(a.get("time") or ""),
            place=str(a.get("place") or ""),
            chair=str(a.get("chair") or ""),
            purpose=str(a.get("purpose_other") or "")
            if a.get("purpose") == "other"
            else self.text(sub, "purpose"),
            attendees=tuple(
                minutes.Attendee(
                    name=str(e.get("name") or ""),
                    organisation=str(e.get("organisation") or ""),
                    role=str(e.get("role") or ""),
                    contact=str(e.get("contact") or ""),
                    attendance=self.sub_choice(attendees, "attendance", e.get("attendance")),
                    basis=self.sub_choice(attendees, "basis", e.get("basis")),
                    override_reason=str(e.get("override_reason") or "")
                    if e.get("basis") == "override"
                    else "",
                )
                for e in a.get("attendees") or []
            ),
            agenda=tuple(
                minutes.AgendaItem(str(e.get("item") or ""), str(e.get("notes") or ""))
                for e in a.get("agenda") or []
            ),
            decisions=tuple(
                minutes.Decision(
                    str(e.get("decision") or ""),
                    e.get("best_interests") is True,
                    str(e.get("reasoning") or "") if e.get("best_interests") is True else "",
                )
                for e in a.get("decisions") or []
            ),
            actions=tuple(
                minutes.ActionPoint(
                    action=str(e.get("action") or ""),
                    owner=str(e.get("owner") or ""),
                    organisation=agency
                    if e.get("our_agency")
                    else self.sub_choice(actions, "organisation", e.get("organisation")),
                    due=_date(e.get("due")),
                )
                for e in a.get("actions") or []
            ),
            next_meeting_on=_date(a.get("next_meeting_on")),
            next_meeting_notes=str(a.get("next_meeting_notes") or ""),
            caseworker=self.caseworker,
            finalised_by=sub.submitted_by,
            finalised_on=_local_day(sub.submitted_at),
            correction=str(a.get(CORRECTION_KEY) or ""),
        )

    def _form_title(self, form_id: str) -> str:
        sub = self.latest(form_id)
        return sub.definition.title.get(self.language) if sub else form_id.replace("_", " ")


def latest_visit(subs: list[Submission]) -> Submission | None:
    visits = instances(subs, "follow_up_visit")
    return visits[-1] if visits else None

"""Case files in the window: open one in its tab, fill its forms, decide, move it, register."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Flag, auto
from typing import Any

from desktop import (
    assignments,
    attachments,
    backups,
    case_flow,
    case_forms,
    cases,
    conferences,
    consent_check,
    documents,
    drafts,
    exchange,
    facilities,
    follow_on,
    notes,
    pathway,
    placements,
    reintegration,
)
from desktop.case_flow import TaskRow
from desktop.form_rules import CASE_PLAN
from desktop.forms.definition import FormSet
from desktop.forms.saved import latest
from desktop.session import UserSession
from desktop.vocabulary import Role
from ui import warmup
from ui.case_file import CONFERENCES_TAB, NEW, CaseFileWidget
from ui.common import APPROVAL_KINDS, label, show_error
from ui.consent_check import ConsentCheckDialog
from ui.flows.base import Flow
from ui.form_fields import text_of
from ui.form_wizard import FormWizard
from ui.reassign import ReassignDialog
from ui.reintegration import report_answers
from ui.tasks import DecisionDialog


@dataclass(frozen=True)
class CaseData:
    """Everything a case file shows, read in one go off the UI thread."""

    case: cases.CaseFile
    history: list[cases.HistoryEntry]
    forms: FormSet
    drafts: dict[str, datetime]
    workflow: case_flow.CaseWorkflow
    providers: list[str]
    printed: list[documents.PrintedDocumentInfo]
    conferences: conferences.CaseConferences
    received: list[exchange.ReceivedFile]
    notes: notes.CaseNotes
    placements: placements.CasePlacements
    attachments: list[attachments.AttachmentInfo]
    attachment_rules: attachments.AttachmentRules

    @classmethod
    def read(cls, session: UserSession, uuid: str) -> CaseData:
        return cls(
            cases.open_case(session, uuid),
            cases.case_history(session, uuid),
            case_forms.form_set(session),
            drafts.drafts_under(session, case_forms.DRAFT_KIND, uuid + ":"),
            case_flow.case_workflow(session, uuid),
            [p.name for p in case_flow.providers(session)],
            documents.printed_documents(session, uuid),
            conferences.case_conferences(session, uuid),
            exchange.received_files(session, uuid),
            notes.case_notes(session, uuid),
            placements.case_placements(session, uuid),
            attachments.case_attachments(session, uuid),
            attachments.attachment_rules(session),
        )


class CaseChanges(Flag):
    """What a change made from an open case file changed, so the file shows only that again
    (Anki's `OpChanges`). Every change is audited: the history is always read again."""

    CASE = auto()  # the case's row and saved forms: the header (stage, risk, next action), Forms
    WORKFLOW = auto()  # approvals, the plan and its actions, the timeline
    DRAFTS = auto()  # the drafts kept of its forms
    DOCUMENTS = auto()  # printed documents and their signed copies
    CONFERENCES = auto()  # conferences and their action points
    ATTACHMENTS = auto()  # the documents attached to the case
    HISTORY = auto()  # the audit history
    NOTES = auto()  # the contact notes
    PLACEMENTS = auto()  # placements, their reviews, the child's daily log

    @classmethod
    def stage(cls) -> CaseChanges:
        """A change to the case's work (a decision, a move, an action's status): it can move the
        case, its tasks and next action, its approvals, plan and timeline."""
        return cls.CASE | cls.WORKFLOW


@dataclass(frozen=True)
class CaseParts:
    """The parts of a case file read again after a change; None: not changed, left as shown."""

    case: cases.CaseFile | None = None
    workflow: case_flow.CaseWorkflow | None = None
    drafts: dict[str, datetime] | None = None
    printed: list[documents.PrintedDocumentInfo] | None = None
    conferences: conferences.CaseConferences | None = None
    history: list[cases.HistoryEntry] | None = None
    notes: notes.CaseNotes | None = None
    placements: placements.CasePlacements | None = None
    attachments: list[attachments.AttachmentInfo] | None = None

    @classmethod
    def read(cls, session: UserSession, uuid: str, changes: CaseChanges) -> CaseParts:
        """Only what `changes` names, each by its own service (the opening is not audited again)."""
        return cls(
            case=cases.case_again(session, uuid) if CaseChanges.CASE in changes else None,
            workflow=case_flow.case_workflow(session, uuid)
            if CaseChanges.WORKFLOW in changes
            else None,
            drafts=drafts.drafts_under(session, case_forms.DRAFT_KIND, uuid + ":")
            if CaseChanges.DRAFTS in changes
            else None,
            printed=documents.printed_documents(session, uuid)
            if CaseChanges.DOCUMENTS in changes
            else None,
            conferences=conferences.case_conferences(session, uuid)
            if CaseChanges.CONFERENCES in changes
            else None,
            history=cases.case_history(session, uuid) if CaseChanges.HISTORY in changes else None,
            notes=notes.case_notes(session, uuid) if CaseChanges.NOTES in changes else None,
            placements=placements.case_placements(session, uuid)
            if CaseChanges.PLACEMENTS in changes
            else None,
            attachments=attachments.case_attachments(session, uuid)
            if CaseChanges.ATTACHMENTS in changes
            else None,
        )

    def show_in(self, widget: CaseFileWidget) -> None:
        """Each part read into the open file; the case and its workflow first, as the other
        parts show what may be done from them."""
        if self.case is not None:
            widget.show_case(self.case)
        if self.workflow is not None:
            widget.show_workflow(self.workflow)
        if self.drafts is not None:
            widget.show_drafts(self.drafts)
        if self.printed is not None:
            widget.show_documents(self.printed)
        if self.conferences is not None:
            widget.show_conferences(self.conferences)
        if self.history is not None:
            widget.show_history(self.history)
        if self.notes is not None:
            widget.show_notes(self.notes)
        if self.placements is not None:
            widget.show_placements(self.placements)
        if self.attachments is not None:
            widget.show_attachments(self.attachments, widget.attachments.may_remove)


Then = Callable[[CaseFileWidget], object] | None
# Tasks done in the case file's Placements tab (desktop.placement_state makes them).
PLACEMENT_TASKS = ("placement_approval", "revise_placement", "placement_review", "serious_incident")


class CaseFlow(Flow):
    def case_widget(self, uuid: str) -> CaseFileWidget | None:
        """The open tab showing case `uuid`, if any."""
        tabs = self.window.tabs
        for index in range(1, tabs.count()):
            widget = tabs.widget(index)
            if isinstance(widget, CaseFileWidget) and widget.uuid == uuid:
                return widget
        return None

    def after_first_rows(self, keeper: bool) -> None:
        """The rest of a sign-in's work, once the first rows of the case list are in the table:
        before, nothing competes with them for Python's one thread."""
        window = self.window
        if window.locked:
            return
        if window.tasks is not None:
            window.tasks.refresh()
        if keeper:
            self.op(backups.backup_state).on_success(window.backup_banner.show_state).run()
        # After an upgrade, every case's tasks are worked out once, off the UI thread.
        self.op(case_flow.ensure_tasks).writes().on_success(
            lambda built: built and window.refresh_work()
        ).run()
        # What the next minutes will likely need, read while the person looks at the list.
        self.op(warmup.after_sign_in).run()

    def open_case(self, uuid: str, *, reload: bool = False, then: Then = None) -> None:
        """Show case `uuid` in its tab (read again when `reload`), then call `then(widget)`."""
        open_widget = self.case_widget(uuid)
        if open_widget is not None and not reload:
            self.window.tabs.setCurrentWidget(open_widget)
            if then is not None:
                then(open_widget)
            return

        def show(data: CaseData) -> None:
            user = self.holder.session.user
            editable = bool(user.roles & {Role.CASEWORKER, Role.SUPERVISOR})
            widget = CaseFileWidget(
                data.case,
                data.history,
                data.forms,
                data.drafts,
                editable,
                data.workflow,
                data.printed,
                data.conferences,
                data.received,
                data.placements,
                notes=data.notes,
            )
            widget.providers = data.providers
            widget.roles = user.roles  # some forms are a supervisor's (a file review)
            widget.attachments.set_rules(data.attachment_rules)
            widget.show_attachments(data.attachments, Role.SUPERVISOR in user.roles)
            self._connect(widget, uuid)
            self.window.show_case_tab(widget, self.case_widget(uuid))
            if then is not None:
                then(widget)

        self.op(lambda s: CaseData.read(s, uuid)).on_success(show).run()

    def _connect(self, widget: CaseFileWidget, uuid: str) -> None:
        """A case file's requests, each to the feature that does it."""
        window = self.window
        widget.fill_form.connect(self.fill_form)
        widget.decide.connect(lambda i, ok, c: self.decide(uuid, i, ok, c))
        widget.move_back.connect(
            lambda stage, reason: self.change(
                uuid, lambda s: case_flow.move_back(s, uuid, stage, reason), CaseChanges.stage()
            )
        )
        widget.move_reintegration_back.connect(
            lambda stage, reason: self.change(
                uuid,
                lambda s: reintegration.move_back(s, uuid, stage, reason),
                CaseChanges.stage(),
            )
        )
        widget.reopen.connect(
            lambda reason: self.change(
                uuid, lambda s: case_flow.reopen(s, uuid, reason), CaseChanges.stage()
            )
        )
        widget.action_status.connect(
            lambda plan, index, status: self.change(
                uuid,
                lambda s: case_flow.set_action_status(s, uuid, plan, index, status),
                CaseChanges.stage(),
                tab=1,
            )
        )
        documents_flow = window.documents
        widget.print_document.connect(
            lambda kind, sections, purpose: documents_flow.print_document(
                uuid, kind, sections, purpose
            )
        )
        widget.attach_copy.connect(
            lambda document_id: documents_flow.attach_copy(uuid, document_id)
        )
        widget.show_copy.connect(lambda copy_id: documents_flow.show_copy(uuid, copy_id))
        widget.show_received_form.connect(
            lambda received_id: documents_flow.show_received_form(uuid, received_id)
        )
        widget.send_case.connect(lambda referral: window.exchange.send_case(uuid, referral))
        widget.save_note.connect(
            lambda number, day, kind, who, what: self.save_note(uuid, number, day, kind, who, what)
        )
        self._connect_placements(widget, uuid)
        window.attachments.connect_tab(widget.attachments, uuid)
        meetings = widget.conferences
        conference_flow = window.conferences
        meetings.schedule.connect(lambda number: conference_flow.schedule(uuid, number))
        meetings.cancel.connect(lambda number: conference_flow.cancel(uuid, number))
        meetings.write_minutes.connect(lambda number: conference_flow.write_minutes(uuid, number))
        meetings.print_minutes.connect(
            lambda number: documents_flow.print_document(uuid, "minutes", [], "", number)
        )
        meetings.commitment_status.connect(
            lambda action_id, status: self.change(
                uuid,
                lambda s: conferences.set_commitment_status(s, uuid, action_id, status),
                CaseChanges.CONFERENCES | CaseChanges.stage(),
                tab=CONFERENCES_TAB,
            )
        )

    def _connect_placements(self, widget: CaseFileWidget, uuid: str) -> None:
        """The Placements tab's requests: each a change of the case's placements and tasks."""
        tab = widget.placements
        changed = CaseChanges.PLACEMENTS | CaseChanges.stage()

        def change(work: Callable[[UserSession], object]) -> None:
            self.change(uuid, work, changed, tab=widget.tabs.indexOf(tab))

        tab.propose.connect(lambda d: change(lambda s: placements.propose(s, uuid, d)))
        tab.review.connect(lambda d: change(lambda s: placements.record_review(s, uuid, d)))
        tab.end.connect(lambda on, why: change(lambda s: placements.end(s, uuid, on, why)))
        tab.follow_up.connect(
            lambda entry, note: change(
                lambda s: facilities.follow_up_incident(s, uuid, entry, note)
            )
        )
        tab.print_decision.connect(
            lambda placement_id: self.window.documents.print_document(
                uuid, "placement", [], "", placement_id
            )
        )

    def change(
        self,
        uuid: str,
        work: Callable[[UserSession], object],
        changes: CaseChanges,
        tab: int | None = None,
    ) -> None:
        """Make a change to a case off the UI thread, then show again the lists and the parts of
        its open file that `changes` names (and `tab`, if given)."""

        def done(_result: object) -> None:
            self.window.refresh_work()
            self.show_changes(uuid, changes, tab)

        self.op(work).writes().on_success(done).run()

    def show_changes(self, uuid: str, changes: CaseChanges, tab: int | None = None) -> None:
        """Read again what changed in case `uuid` and show it in its open file, in place: the
        tab, the chosen row and the scroll stay where the person left them."""
        then = (lambda w: w.tabs.setCurrentIndex(tab)) if tab is not None else None
        if self.case_widget(uuid) is None:  # closed meanwhile: opened again, as before
            self.open_case(uuid, then=then)
            return

        def show(parts: CaseParts) -> None:
            widget = self.case_widget(uuid)
            if widget is None:
                return
            parts.show_in(widget)
            if then is not None:
                then(widget)
            widget.refreshed.emit()

        changes |= CaseChanges.HISTORY
        self.op(lambda s: CaseParts.read(s, uuid, changes)).on_success(show).run()

    def decide(self, uuid: str, approval_id: int, approve: bool, comment: str) -> None:
        self.change(
            uuid, lambda s: case_flow.decide(s, approval_id, approve, comment), CaseChanges.stage()
        )

    def decide_from_queue(self, approval_id: int, approve: bool) -> None:
        """A supervisor's decision in the queue: the dialog says what is decided on which child
        and asks to confirm (a return asks what needs to change); the queue's buttons wait while
        it is saved, then the status bar says what was done and the request leaves the list."""
        queue = self.window.queue
        chosen = queue.selected_approval() if queue is not None else None
        if queue is None or chosen is None or chosen.id != approval_id or not chosen.can_decide:
            return
        dialog = DecisionDialog(chosen, approve, parent=self.window)
        if not self.window.ask_dialog(dialog):
            return
        comment = dialog.comment_text()
        what = label(APPROVAL_KINDS, chosen.kind)
        done_text = (
            self.tr("Approved: {what} of case {number} ({child}).")
            if approve
            else self.tr("Returned to the caseworker: {what} of case {number} ({child}).")
        ).format(what=what, number=chosen.case_number, child=chosen.child_name)

        def done(_result: object) -> None:
            queue.set_busy(False)
            self.window.statusBar().showMessage(done_text, 15000)
            self.window.refresh_work()

        def failed(error: Exception) -> None:
            queue.set_busy(False)
            show_error(self.window, error)
            queue.refresh()  # decided by someone else meanwhile, perhaps: show the list as it is

        queue.set_busy(True)
        self.op(
            lambda s: case_flow.decide(s, approval_id, approve, comment)
        ).writes().with_progress(self.tr("Saving your decision…")).on_success(done).on_failure(
            failed
        ).run()

    def do_task(self, task: TaskRow) -> None:
        """Open what does the task: its form, the plan's action, or the case to decide on."""

        def then(widget: CaseFileWidget) -> None:
            if task.kind in PLACEMENT_TASKS:
                widget.tabs.setCurrentWidget(widget.placements)
                if task.kind == "placement_review":
                    widget.placements.select_review()
            elif task.kind in ("case_conference", "conference_action"):
                widget.tabs.setCurrentIndex(CONFERENCES_TAB)
                if task.kind == "case_conference" and task.ref.isdigit():
                    widget.conferences.select(int(task.ref))
            elif task.kind == "plan_action" and task.ref.isdigit():
                widget.show_plan_action(int(task.ref))
            elif task.form_id and task.form_id in widget.form_set.forms:
                widget.show_form(task.form_id)
                form = widget.form_set.get(task.form_id)
                if widget.may_fill(task.form_id):
                    instance = (task.instance or NEW) if form.repeatable else 0
                    if task.kind in ("follow_up_visit", "post_closure_visit"):
                        instance = NEW  # a visit is a new one
                    self.fill_form(task.case_uuid, task.form_id, instance)

        self.open_case(task.case_uuid, then=then)

    # -- consent, notes, who holds the case ----------------------------------------------------------
    def with_consent(self, uuid: str, step: str, then: Callable[[], object]) -> None:
        """Before `step` shares information about the child: the current consent is shown, to
        confirm (audited, then `then()`) or to record again (a new version of the consent form;
        the step is started again once it is saved)."""

        def show(state: consent_check.ConsentState) -> None:
            dialog = ConsentCheckDialog(state, step, parent=self.window)
            if not self.window.ask_dialog(dialog):
                return
            if dialog.choice == "record":
                self.fill_form(uuid, case_forms.CONSENT, 0)
                return

            def confirmed(_state: object) -> None:
                self.show_changes(uuid, CaseChanges.HISTORY)
                then()

            self.op(lambda s: consent_check.confirm_consent(s, uuid, step)).writes().on_success(
                confirmed
            ).run()

        self.op(lambda s: consent_check.consent_state(s, uuid)).on_success(show).run()

    def save_note(self, uuid: str, number: int, day: Any, kind: str, who: str, what: str) -> None:
        """Write a contact note (number 0) or correct one; the Notes tab shows it."""

        def work(s: UserSession) -> object:
            if number:
                return notes.correct_note(s, uuid, number, day, kind, who, what)
            return notes.add_note(s, uuid, day, kind, who, what)

        def done(_result: object) -> None:
            widget = self.case_widget(uuid)
            if widget is not None:
                widget.tabs.setCurrentWidget(widget.notes)
            self.show_changes(uuid, CaseChanges.NOTES)

        self.op(work).writes().on_success(done).run()

    def reassign(self, uuids: list[str], numbers: list[str]) -> None:
        """Give the cases chosen in the list to another worker, with a reason."""

        def show(workers: list[assignments.Worker]) -> None:
            dialog = ReassignDialog(numbers, workers, parent=self.window)
            if not self.window.ask_dialog(dialog):
                return
            to, reason = dialog.values()
            name = next((w.full_name for w in workers if w.username == to), to)

            def done(moved: int) -> None:
                self.window.statusBar().showMessage(
                    self.tr("{n} cases are now held by {name}.").format(n=moved, name=name)
                    if moved != 1
                    else self.tr("1 case is now held by {name}.").format(name=name),
                    15000,
                )
                self.window.refresh_work()
                for uuid in uuids:
                    if self.case_widget(uuid) is not None:
                        self.show_changes(uuid, CaseChanges.stage())

            self.op(lambda s: assignments.reassign(s, uuids, to, reason)).writes().with_progress(
                self.tr("Reassigning…")
            ).on_success(done).run()

        self.op(assignments.workers).on_success(show).run()

    # -- forms ----------------------------------------------------------------------------------
    def new_case(self) -> None:
        """Register a child: the registration and consent forms, one section at a time."""

        def show(result: tuple[FormSet, list[str]]) -> None:
            forms, providers = result
            chosen = [forms.get(case_forms.REGISTRATION)]
            if case_forms.CONSENT in forms.forms:
                chosen.append(forms.get(case_forms.CONSENT))
            holder = self.holder
            wizard = FormWizard(
                holder,
                chosen,
                lambda answers: case_forms.register_with_forms(holder.session, answers).uuid,
                draft_key=case_forms.NEW_CASE,
                title=self.tr("New case: register a child"),
                finish_text=self.tr("&Register the child"),
                providers=providers,
                parent=self.window,
            )
            wizard.saved.connect(self._registered)
            self.show_wizard(wizard)

        self.op(
            lambda s: (case_forms.form_set(s), [p.name for p in case_flow.providers(s)])
        ).on_success(show).run()

    def _registered(self, uuid: str) -> None:
        self.window.refresh_work()
        self.open_case(uuid)

    def fill_form(
        self, uuid: str, form_id: str, instance: int = 0, *, consent_checked: bool = False
    ) -> None:
        """Fill in a form for a case: a first time, a new version of the saved one, or (for a
        repeatable form) another one: `instance` NEW. A new referral or transfer request first
        has the consent checked (`with_consent`)."""
        widget = self.case_widget(uuid)
        if widget is None:
            return
        form = widget.form_set.get(form_id)
        number = instance if form.repeatable and instance > 0 else None
        saved = latest(widget.case.forms, form_id, number or 1)
        if form.repeatable and number is None:
            saved = None
        based_on = saved.revision if saved else None
        answers = {form_id: _plan_with_status(widget, saved) if saved else {}}
        title = self.tr("{form}: {child}").format(
            form=text_of(form.title), child=widget.case.row.child_name
        )
        if saved:
            title += " – " + self.tr("new version")
        key = case_forms.draft_key(uuid, form_id, number)
        if self.raise_wizard(key):  # the same form is already open
            return
        step = _sharing_step(form_id, instance, saved)
        if step and not consent_checked:
            self.with_consent(
                uuid, step, lambda: self.fill_form(uuid, form_id, instance, consent_checked=True)
            )
            return
        holder = self.holder

        def submit(answers: dict[str, dict[str, Any]]) -> str:
            case_forms.submit_form(
                holder.session, uuid, form_id, answers[form_id], based_on, number
            )
            return uuid

        def show(start: tuple[case_forms.FormRules, dict[str, Any]]) -> None:
            rules, suggested = start
            if self.raise_wizard(key):  # opened twice while the rules were read
                return
            wizard = FormWizard(
                holder,
                [form],
                submit,
                draft_key=key,
                title=title,
                subtitle=widget.case.row.case_number,
                answers={form_id: {**answers[form_id], **suggested}},
                providers=widget.providers,
                check=rules.check,
                parent=self.window,
            )
            wizard.saved.connect(lambda saved_uuid: self._form_saved(saved_uuid, form_id))
            self.show_wizard(wizard)

        # The plan's first review and an urgent referral's check depend on the case and the
        # agency; a form an answer asked for starts from that answer's form.
        if form_id in (CASE_PLAN, case_forms.REFERRAL, *follow_on.PREFILLED):
            self.op(
                lambda s: (
                    case_forms.form_rules(s, uuid, form_id),
                    follow_on.starting_answers(s, uuid, form),
                )
            ).on_success(show).run()
        elif form_id == pathway.REPORT_FORM and saved is None:

            def started(start: reintegration.ReportStart) -> None:
                # The summary the conference minutes present, and what the family work found.
                answers[form_id] = report_answers(start, widget.form_set)
                show((case_forms.FormRules(), {}))

            self.op(lambda s: reintegration.report_start(s, uuid)).on_success(started).run()
        else:
            show((case_forms.FormRules(), {}))

    def _form_saved(self, uuid: str, form_id: str = "") -> None:
        self.window.refresh_work()
        # A saved form can move the case (its stage, tasks, approvals, plan), and its draft goes.
        # A new plan version can take in a conference's action points.
        changes = CaseChanges.stage() | CaseChanges.DRAFTS | CaseChanges.CONFERENCES
        self.show_changes(uuid, changes)
        if form_id:  # its answers may ask for the next form: a closure, a referral, a transfer

            def then(next_form: str | None) -> None:
                if next_form is not None:
                    self.open_case(uuid, then=lambda w: self._fill_asked(w, next_form))

            self.op(lambda s: follow_on.next_form(s, uuid, form_id)).on_success(then).run()

    def _fill_asked(self, widget: CaseFileWidget, form_id: str) -> None:
        if form_id in widget.form_set.forms and widget.may_fill(form_id):
            widget.show_form(form_id)
            repeatable = widget.form_set.get(form_id).repeatable
            self.fill_form(widget.uuid, form_id, NEW if repeatable else 0)


def _sharing_step(form_id: str, instance: int, saved: Any) -> str:
    """The consent-checked step a form starts ("" for none): a new referral, a first transfer
    request (a new version of either shares nothing new)."""
    if form_id == "referral" and instance == NEW:
        return "referral"
    if form_id == "transfer_request" and saved is None:
        return "transfer"
    return ""


def _plan_with_status(widget: CaseFileWidget, saved: Any) -> dict[str, Any]:
    """A new version of the case plan starts from the actions' statuses as they are now."""
    answers = dict(saved.answers)
    plan = widget.workflow.plan
    if saved.form_id == "case_plan" and plan is not None and plan.submission_id == saved.id:
        actions = [dict(a) for a in answers.get("actions") or []]
        for action in plan.actions:
            if action.index < len(actions):
                actions[action.index]["status"] = action.status
        answers["actions"] = actions
    return answers

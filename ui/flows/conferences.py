"""Case conferences: schedule or move one, cancel it, write or correct its minutes."""

from __future__ import annotations

from typing import Any

from desktop import case_forms, conferences
from desktop.vocabulary import Role
from ui.case_file import CONFERENCES_TAB
from ui.conferences import ScheduleDialog, attendee_check, minutes_answers
from ui.flows.base import Flow
from ui.flows.cases import CaseChanges
from ui.form_wizard import FormWizard


class ConferenceFlow(Flow):
    def schedule(self, uuid: str, number: int, *, consent_checked: bool = False) -> None:
        """Schedule a conference (`number` 0: the consent is checked first) or move conference
        `number`."""
        widget = self.window.cases.case_widget(uuid)
        if widget is None:
            return
        if not number and not consent_checked:
            self.window.cases.with_consent(
                uuid, "conference", lambda: self.schedule(uuid, 0, consent_checked=True)
            )
            return
        form = widget.form_set.get(case_forms.CONFERENCE)
        existing = next(
            (c for c in widget.conferences.data.conferences if c.number == number), None
        )
        user = self.holder.session.user
        chair = user.full_name if Role.SUPERVISOR in user.roles else ""
        dialog = ScheduleDialog(form, chair, existing, self.window)
        if not self.window.ask_dialog(dialog):
            return
        when, place, chair, purpose, other = dialog.values()
        self.window.cases.change(
            uuid,
            lambda s: conferences.schedule(
                s, uuid, when, place, chair, purpose, other, number=number or None
            ),
            CaseChanges.CONFERENCES | CaseChanges.stage(),
            tab=CONFERENCES_TAB,
        )

    def cancel(self, uuid: str, number: int) -> None:
        reason = self.ask_reason(
            self.tr("Cancel the case conference"),
            self.tr("Why is the conference cancelled? The reason is kept with it."),
        )
        if reason is None:
            return
        self.window.cases.change(
            uuid,
            lambda s: conferences.cancel(s, uuid, number, reason),
            CaseChanges.CONFERENCES | CaseChanges.stage(),
            tab=CONFERENCES_TAB,
        )

    def write_minutes(self, uuid: str, number: int) -> None:
        """Write the minutes of conference `number`, or correct them (a new version, with why)."""
        key = case_forms.draft_key(uuid, case_forms.CONFERENCE, number)
        if self.raise_wizard(key):  # already open
            return

        def show(start: conferences.MinutesStart) -> None:
            widget = self.window.cases.case_widget(uuid)
            if widget is None:
                return
            correction = ""
            if start.saved is not None:
                asked = self.ask_reason(
                    self.tr("Correct the minutes"),
                    self.tr(
                        "What is corrected, and why? The minutes stay as they were finalised; "
                        "the correction is a new version that keeps your reason."
                    ),
                )
                if asked is None:
                    return
                correction = asked
            form = widget.form_set.get(case_forms.CONFERENCE)
            based_on = start.saved.revision if start.saved else None
            holder = self.holder
            answers = minutes_answers(start, widget.case.row.caseworker, holder.session.agency.name)

            def submit(answers: dict[str, dict[str, Any]]) -> str:
                conferences.save_minutes(
                    holder.session,
                    uuid,
                    number,
                    answers[case_forms.CONFERENCE],
                    based_on,
                    correction,
                )
                return uuid

            title = self.tr("Minutes of case conference {number}: {child}").format(
                number=number, child=widget.case.row.child_name
            )
            if start.saved:
                title += " – " + self.tr("correction")
            wizard = FormWizard(
                holder,
                [form],
                submit,
                draft_key=key,
                title=title,
                subtitle=widget.case.row.case_number,
                finish_text=self.tr("&Finalise the minutes"),
                answers={case_forms.CONFERENCE: answers},
                providers=widget.providers,
                check=attendee_check(start.consent),
                parent=self.window,
            )
            wizard.saved.connect(self._minutes_saved)
            self.show_wizard(wizard)

        self.op(lambda s: conferences.minutes_start(s, uuid, number)).on_success(show).run()

    def _minutes_saved(self, uuid: str) -> None:
        self.window.refresh_work()
        # The minutes are a saved form whose action points can go into the plan; the draft goes.
        changes = CaseChanges.CONFERENCES | CaseChanges.stage() | CaseChanges.DRAFTS
        self.window.cases.show_changes(uuid, changes, tab=CONFERENCES_TAB)

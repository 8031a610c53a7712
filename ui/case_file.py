"""A case file: who the child is at a glance, what waits for a decision, its forms with their
versions, the case plan with its actions, the timeline of the work, and the audit history.

Why one long module: the file's tabs share the case and its workflow read in one go and signal
through one widget; each tab is a small class here rather than a module of its own.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.attachments import AttachmentInfo
from desktop.case_flow import ApprovalRow, CaseWorkflow, TimelineEntry
from desktop.case_forms import CONFERENCE, SUPERVISOR_FORMS, draft_key
from desktop.cases import CaseFile, HistoryEntry
from desktop.conferences import CaseConferences
from desktop.documents import PrintedDocumentInfo
from desktop.exchange import ReceivedFile
from desktop.forms.definition import FormDefinition, FormSet
from desktop.forms.saved import instances, latest
from desktop.notes import CaseNotes
from desktop.pathway import back_stages as reintegration_back_stages
from desktop.placements import CasePlacements
from desktop.vocabulary import Role, Stage
from desktop.workflow import WORKING, form_allowed, rank
from ui.attachments import AttachmentsTab
from ui.case_documents import DocumentsTab, SummaryDialog, print_menu
from ui.common import (
    ACTION_STATUSES,
    APPROVAL_KINDS,
    APPROVAL_STATES,
    NEXT_ACTIONS,
    REINTEGRATION_STAGES,
    RISK_COLOURS,
    RISKS,
    SEXES,
    STAGES,
    STATUSES,
    format_date,
    format_datetime,
    history_text,
    label,
    years,
)
from ui.conferences import ConferencesTab
from ui.contact_notes import NotesTab
from ui.elided import ElidedLabel
from ui.form_fields import text_of
from ui.form_view import answers_html
from ui.i18n import current_language
from ui.placements import PlacementsTab
from ui.received import ReceivedTab

NEW = -1  # fill_form's instance for a new one of a repeatable form
DOCUMENTS_TAB = 4  # the case file's tab of printed documents and signed copies
CONFERENCES_TAB = 5
RECEIVED_TAB = 6  # only when another agency sent the case


class ReasonDialog(QDialog):
    """Ask for a reason or a comment (and, to move a case back, the stage to go back to)."""

    def __init__(
        self,
        title: str,
        prompt: str,
        stages: list[str] | None = None,
        parent: QWidget | None = None,
        labels: dict[str, str] = STAGES,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 300)
        layout = QVBoxLayout(self)
        self.stage = QComboBox(objectName="stageChoice")
        if stages:
            caption = QLabel(self.tr("Back to the stage:"))
            caption.setBuddy(self.stage)
            layout.addWidget(caption)
            for code in stages:
                self.stage.addItem(label(labels, code), code)
            self.stage.setCurrentIndex(self.stage.count() - 1)  # the stage just before, most often
            layout.addWidget(self.stage)
        caption = QLabel(prompt, wordWrap=True)
        self.text = QPlainTextEdit(objectName="reasonText")
        self.text.setTabChangesFocus(True)
        caption.setBuddy(self.text)
        layout.addWidget(caption)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.text.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.text.toPlainText().strip()))
        )
        layout.addWidget(buttons)
        self.text.setFocus()

    def _accept(self) -> None:
        if self.text.toPlainText().strip():
            self.accept()


class CaseFileWidget(QWidget):
    """One case, as opened (the opening is already in the audit log).

    It asks the window to do the work, which runs off the UI thread: `fill_form(uuid, form id,
    instance)` fills in a form (0: the case's one; NEW: another of a repeatable form; n: a new
    version of that one); `decide(approval id, approve, comment)`, `move_back(stage, reason)`,
    `reopen(reason)`, `action_status(plan submission id, action index, status)`,
    `print_document(kind, summary sections, purpose)`, `attach_copy(printed document id)` and
    `show_copy(signed copy id)`. After a change, the window shows each part that changed again
    through `show_case`, `show_workflow`, … (filled by the code that filled it when made)."""

    fill_form = Signal(str, str, int)
    decide = Signal(int, bool, str)
    move_back = Signal(str, str)
    move_reintegration_back = Signal(str, str)
    reopen = Signal(str)
    action_status = Signal(int, int, str)
    print_document = Signal(str, list, str)
    attach_copy = Signal(int)
    show_copy = Signal(int)
    send_case = Signal(bool)  # True: a referral package; False: the transfer
    show_received_form = Signal(int)  # the transfer form another agency sent (received id)
    refreshed = Signal()  # a change made from it is shown: its parts were read again in place
    save_note = Signal(int, object, str, str, str)  # number (0: a new note), day, kind, who, what

    def __init__(
        self,
        case: CaseFile,
        history: list[HistoryEntry],
        form_set: FormSet,
        drafts: dict[str, datetime],
        editable: bool,
        workflow: CaseWorkflow | None = None,
        printed: list[PrintedDocumentInfo] | None = None,
        conferences: CaseConferences | None = None,
        received: list[ReceivedFile] | None = None,
        placements: CasePlacements | None = None,
        parent: QWidget | None = None,
        *,
        notes: CaseNotes | None = None,
    ):
        super().__init__(parent)
        self.case = case
        self.printed = printed or []
        self.form_set = form_set
        self.drafts = drafts
        self.workflow = workflow or CaseWorkflow([], [], None, [], False)
        self.may_edit = editable  # the person's roles; the case's workflow may still forbid it
        self.roles: frozenset[str] = frozenset()  # who reads it (set by whoever opens it)
        self.editable = editable and self.workflow.can_change
        self.current_form = ""
        self.revisions: dict[int, object] = {}
        row = case.row
        self.uuid = row.uuid
        self.providers: list[str] = []  # the directory's names, offered in forms
        self.stage = Stage(row.stage)

        self.child_name = name = ElidedLabel(objectName="childName")  # a long name gives way
        font = name.font()
        font.setPointSize(font.pointSize() + 7)
        font.setBold(True)
        name.setFont(font)
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.risk = risk = QLabel(objectName="risk")

        facts = QGridLayout()
        facts.setHorizontalSpacing(24)
        self.facts: list[QLabel] = []
        for column, title in enumerate(
            (
                self.tr("Case number"),
                self.tr("Age"),
                self.tr("Sex"),
                self.tr("Stage"),
                self.tr("Status"),
                self.tr("Caseworker"),
            )
        ):
            caption = QLabel(title)
            caption.setStyleSheet("color: #555;")
            facts.addWidget(caption, 0, column)
            value_label = QLabel()
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addWidget(value_label, 1, column)
            self.facts.append(value_label)
        # A child's reintegration into a family, when one is under way: its step of box 2.
        self.reintegration_caption = QLabel(self.tr("Reintegration"))
        self.reintegration_caption.setStyleSheet("color: #555;")
        self.reintegration_label = QLabel(objectName="reintegrationStage")
        self.reintegration_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        facts.addWidget(self.reintegration_caption, 0, 6)
        facts.addWidget(self.reintegration_label, 1, 6)
        facts.setColumnStretch(7, 1)

        header = QFrame(objectName="caseHeader")
        header.setStyleSheet(
            "#caseHeader { background: #f4f6f8; border-bottom: 1px solid #d0d5da; }"
        )
        top = QGridLayout(header)
        top.addWidget(name, 0, 0)
        top.addWidget(risk, 0, 1, Qt.AlignmentFlag.AlignRight)
        top.setColumnStretch(0, 1)
        top.addLayout(facts, 1, 0, 1, 2)
        self.next_label = QLabel(objectName="nextAction")
        top.addWidget(self.next_label, 2, 0, 1, 2)
        top.addLayout(self._decisions(), 3, 0, 1, 2)
        self._fill_header()

        self.tabs = QTabWidget(objectName="caseTabs")
        self.tabs.addTab(self._forms(), self.tr("&Forms"))
        self.tabs.addTab(self._plan(), self.tr("&Plan"))
        self.tabs.addTab(self._timeline(), self.tr("&Timeline"))
        self.tabs.addTab(self._history(history), self.tr("&History"))
        self.documents = self._documents_tab()
        self.tabs.addTab(self.documents, self.tr("&Documents"))
        self.conferences = ConferencesTab(
            conferences or CaseConferences([], [], False),
            form_set.forms.get(CONFERENCE),
            self.editable,
        )
        self.tabs.addTab(self.conferences, self.tr("Co&nferences"))
        self.received: ReceivedTab | None = None
        if received:  # only a case another agency sent has this tab
            self.received = ReceivedTab(received)
            self.received.show_transfer_form.connect(self.show_received_form)
            self.tabs.addTab(self.received, self.tr("From other a&gencies"))
        self.placements = PlacementsTab(
            placements or CasePlacements([], [], [], 3, False), self.editable
        )
        self.tabs.addTab(self.placements, self.tr("P&lacements"))
        # Last, so that the tabs before keep their places whether or not the case was received.
        self.notes = NotesTab(notes or CaseNotes([], 0, False))
        self.notes.save_note.connect(self.save_note)
        self.tabs.addTab(self.notes, self.tr("Not&es"))
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, activated=self.write_note)
        self.attachments = AttachmentsTab([], self.editable, may_remove=False)
        self.tabs.addTab(self.attachments, self.tr("Attach&ments"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(header)
        layout.addWidget(self.tabs)

    # -- after a change made from this file: each part shown again, the rest left as it is -------
    def show_case(self, case: CaseFile) -> None:
        """The case's row and saved forms: the header, what may be done, the Forms tab."""
        self.case = case
        self.stage = Stage(case.row.stage)
        self._fill_header()
        self._fill_decisions()
        self._fill_forms()
        self._fill_plan()

    def show_workflow(self, workflow: CaseWorkflow) -> None:
        """Approvals, the plan and the timeline (and whether the case may still be changed)."""
        self.workflow = workflow
        was_editable = self.editable
        self.editable = self.may_edit and workflow.can_change
        if self.editable != was_editable:  # e.g. closed or transferred: the other tabs say so
            self.show_documents(self.printed)
            self.show_conferences(self.conferences.data)
            self.show_attachments(self.attachments.attachments, self.attachments.may_remove)
        self._fill_decisions()
        self._fill_forms()
        self._fill_plan()
        self._fill_timeline()

    def show_drafts(self, drafts: dict[str, datetime]) -> None:
        self.drafts = drafts
        self._fill_forms()

    def show_history(self, history: list[HistoryEntry]) -> None:
        self._fill_history(history)

    def show_documents(self, printed: list[PrintedDocumentInfo]) -> None:
        """DocumentsTab fills itself when made: a new one takes the old one's place."""
        self.printed = printed
        index = self.tabs.indexOf(self.documents)
        current = self.tabs.currentIndex()
        old = self.documents
        self.documents = self._documents_tab()
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, self.documents, self.tr("&Documents"))
        self.tabs.setCurrentIndex(current)
        old.deleteLater()

    def show_conferences(self, data: CaseConferences) -> None:
        self.conferences.show_data(data, self.editable)

    def show_notes(self, data: CaseNotes) -> None:
        self.notes.show_data(data)

    def write_note(self) -> None:
        """Ctrl+Shift+N anywhere in the case file: the Notes tab, and a new note."""
        self.tabs.setCurrentWidget(self.notes)
        self.notes.write()

    def show_placements(self, data: CasePlacements) -> None:
        self.placements.show_data(data, self.editable)

    def show_attachments(self, attachments: list[AttachmentInfo], may_remove: bool) -> None:
        self.attachments.show_data(attachments, self.editable, may_remove)

    def _documents_tab(self) -> DocumentsTab:
        tab = DocumentsTab(self.printed, self.editable)
        tab.attach.connect(self.attach_copy)
        tab.show_copy.connect(self.show_copy)
        return tab

    def _fill_header(self) -> None:
        row = self.case.row
        self.child_name.setText(row.child_name)
        if row.risk:
            self.risk.setText(self.tr("Risk: {level}").format(level=label(RISKS, row.risk)))
            self.risk.setStyleSheet(
                f"color: white; background: {RISK_COLOURS[row.risk].name()}; padding: 3px 10px;"
                " border-radius: 10px; font-weight: bold;"
            )
        else:
            self.risk.setText(self.tr("Risk: not assessed yet"))
            self.risk.setStyleSheet(
                "padding: 3px 10px; border: 1px solid #999; border-radius: 10px;"
            )
        age = row.age()
        values = (
            row.case_number,
            "" if age is None else years(age, row.birth_date_estimated),
            label(SEXES, row.sex),
            label(STAGES, row.stage),
            label(STATUSES, row.status),
            row.caseworker,
        )
        for value_label, value in zip(self.facts, values, strict=True):
            value_label.setText(value)
        next_text = ""
        if row.next_action:
            next_text = self.tr("Next: {action}, due {date}").format(
                action=label(NEXT_ACTIONS, row.next_action),
                date=format_date(row.next_due.astimezone()) if row.next_due else "",
            )
        self.next_label.setText(next_text)
        self.next_label.setStyleSheet("")
        if row.next_due is not None and row.next_due < datetime.now(UTC):
            self.next_label.setText(next_text + " – " + self.tr("overdue"))
            self.next_label.setStyleSheet("color: #c62828; font-weight: bold;")

    # -- what waits for a decision, and moving the case -----------------------------------------
    def _decisions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.approval_label = QLabel(objectName="approvalBanner", wordWrap=True)
        self.approve_button = QPushButton(self.tr("&Approve"), objectName="approve")
        self.return_button = QPushButton(
            self.tr("&Return with a comment…"), objectName="returnRequest"
        )
        self.move_back_button = QPushButton(self.tr("Move &back…"), objectName="moveBack")
        self.reintegration_back_button = QPushButton(
            self.tr("Move the reintegration bac&k…"), objectName="moveReintegrationBack"
        )
        self.reopen_button = QPushButton(self.tr("Re&open…"), objectName="reopen")
        self.send_button = QPushButton(self.tr("&Send to the new agency…"), objectName="sendCase")
        self.refer_button = QPushButton(self.tr("Re&ferral package…"), objectName="referralPackage")
        self.print_button = QPushButton(self.tr("Pr&int"), objectName="print")
        row.addWidget(self.approval_label, 1)
        row.addStretch(1)  # the buttons keep their size when there is no message
        for button in (
            self.approve_button,
            self.return_button,
            self.move_back_button,
            self.reintegration_back_button,
            self.reopen_button,
            self.send_button,
            self.refer_button,
            self.print_button,
        ):
            row.addWidget(button)
        self.send_button.clicked.connect(lambda: self.send_case.emit(False))
        self.refer_button.clicked.connect(lambda: self.send_case.emit(True))
        self.approve_button.clicked.connect(self._approve)
        self.return_button.clicked.connect(self._return)
        self.move_back_button.clicked.connect(self._move_back)
        self.reintegration_back_button.clicked.connect(self._move_reintegration_back)
        self.reopen_button.clicked.connect(self._reopen)
        self._fill_decisions()
        return row

    def _fill_decisions(self) -> None:
        old_menu = self.print_button.menu()
        self.print_button.setMenu(print_menu(self, self.documents_available()))
        self.print_button.menu().triggered.connect(lambda action: self._print(action.data()))
        if old_menu is not None:
            old_menu.deleteLater()
        self.pending: ApprovalRow | None = None
        texts = []
        for a in self.workflow.approvals:
            kind = label(APPROVAL_KINDS, a.kind)
            if a.state == "pending":
                texts.append(
                    self.tr(
                        "Waiting for the supervisor's approval of {what} (asked by {who}, {when})."
                    ).format(
                        what=kind, who=a.requested_by, when=format_date(a.requested_at.astimezone())
                    )
                )
                if a.can_decide and self.pending is None:
                    self.pending = a
        latest_of: dict[str, ApprovalRow] = {}
        for a in self.workflow.approvals:
            latest_of[a.kind] = a
        for a in latest_of.values():
            if a.state == "returned":
                texts.append(
                    self.tr("{who} returned {what}: “{comment}”").format(
                        who=a.decided_by, what=label(APPROVAL_KINDS, a.kind), comment=a.comment
                    )
                )
        self.approval_label.setText("\n".join(texts))
        self.approval_label.setStyleSheet("")
        if texts:
            self.approval_label.setStyleSheet(
                "background: #fff4d6; border: 1px solid #e0c068; padding: 6px; border-radius: 4px;"
            )
        self.approval_label.setVisible(bool(texts))
        self.approve_button.setVisible(self.pending is not None)
        self.return_button.setVisible(self.pending is not None)
        self.move_back_button.setVisible(self.editable and bool(self.back_stages()))
        pathway = self.workflow.reintegration
        self.reintegration_back_button.setVisible(
            self.editable
            and self.stage not in (Stage.CLOSED, Stage.TRANSFERRED)
            and bool(reintegration_back_stages(pathway))
        )
        self.reintegration_caption.setVisible(pathway is not None)
        self.reintegration_label.setVisible(pathway is not None)
        self.reintegration_label.setText(self.reintegration_text())
        self.reopen_button.setVisible(self.editable and self.stage == Stage.CLOSED)
        transfer = [a for a in self.workflow.approvals if a.kind == "transfer" and not a.received]
        self.send_button.setVisible(
            self.editable
            and self.stage not in (Stage.CLOSED, Stage.TRANSFERRED)
            and bool(transfer)
            and transfer[-1].state == "approved"
        )
        self.refer_button.setVisible(
            self.editable and self.stage not in (Stage.CLOSED, Stage.TRANSFERRED)
        )

    def documents_available(self) -> dict[str, str]:
        """Each printed document: "" when this case can have it, else why not."""
        transfer = [a for a in self.workflow.approvals if a.kind == "transfer" and not a.received]
        return {
            "closure": ""
            if self.case.row.status == "closed"
            else self.tr("The closure form is printed once the closure is authorised."),
            "transfer": ""
            if transfer and transfer[-1].state == "approved"
            else self.tr("The transfer form is printed once the supervisor approves the transfer."),
            "child_plan": ""
            if self.workflow.plan is not None
            else self.tr("The case has no case plan yet."),
            "summary": "",
        } | self._reintegration_available()

    def _reintegration_available(self) -> dict[str, str]:
        """The reintegration agreement, for a case whose reintegration is under way."""
        pathway = self.workflow.reintegration
        if pathway is None:
            return {}
        return {
            "reintegration": ""
            if pathway.decision_holds
            else self.tr(
                "The reintegration agreement is printed once the supervisor approves the "
                "placement decision."
            )
        }

    def ask_summary(self) -> tuple[list[str], str] | None:
        """The sections of a case summary and whom it is for (tests answer in its place)."""
        dialog = SummaryDialog(self)
        if not dialog.exec():
            return None
        return dialog.sections(), dialog.purpose.text().strip()

    def _print(self, kind: str) -> None:
        if kind == "summary":
            chosen = self.ask_summary()
            if chosen is None:
                return
            self.print_document.emit(kind, chosen[0], chosen[1])
        else:
            self.print_document.emit(kind, [], "")

    def reintegration_text(self) -> str:
        """The reintegration's step, and what holds it: the supervisor, the family not found."""
        pathway = self.workflow.reintegration
        if pathway is None:
            return ""
        text = label(REINTEGRATION_STAGES, pathway.stage)
        if pathway.stage == "decision" and pathway.decision == "pending":
            text = self.tr("{stage} (waiting for the supervisor)").format(stage=text)
        elif pathway.stage == "decision" and pathway.decision == "returned":
            text = self.tr("{stage} (returned)").format(stage=text)
        elif pathway.stage == "decision" and pathway.decision_holds:
            text = self.tr("{stage} (approved)").format(stage=text)
        elif pathway.stage == "tracing" and pathway.family_found is False:
            text = self.tr("{stage} (family not found)").format(stage=text)
        elif pathway.placement_holds in ("fragile", "broken_down"):
            text = self.tr("{stage} (placement {state})").format(
                stage=text,
                state=self.tr("fragile")
                if pathway.placement_holds == "fragile"
                else self.tr("broken down"),
            )
        return text

    def back_stages(self) -> list[str]:
        """The earlier working stages this case may go back to."""
        if self.stage in (Stage.CLOSED, Stage.TRANSFERRED):
            return []
        if self.stage == Stage.REOPENED:
            return [s.value for s in WORKING]
        return [s.value for s in WORKING if rank(s) < rank(self.stage)]

    # Each asks the person; tests answer in their place.
    def ask_comment(self, title: str, prompt: str) -> str | None:
        dialog = ReasonDialog(title, prompt, parent=self)
        return dialog.text.toPlainText() if dialog.exec() else None

    def ask_move_back(self, stages: list[str]) -> tuple[str, str] | None:
        dialog = ReasonDialog(
            self.tr("Move the case back"),
            self.tr("Why does the case go back? The reason is kept in its timeline."),
            stages,
            parent=self,
        )
        if not dialog.exec():
            return None
        return dialog.stage.currentData(), dialog.text.toPlainText()

    def _approve(self) -> None:
        if self.pending is not None:
            self.decide.emit(self.pending.id, True, "")

    def _return(self) -> None:
        if self.pending is None:
            return
        comment = self.ask_comment(
            self.tr("Return {what}").format(what=label(APPROVAL_KINDS, self.pending.kind)),
            self.tr("What needs to change? The caseworker reads your comment."),
        )
        if comment and comment.strip():
            self.decide.emit(self.pending.id, False, comment)

    def _move_back(self) -> None:
        chosen = self.ask_move_back(self.back_stages())
        if chosen and chosen[1].strip():
            self.move_back.emit(*chosen)

    def ask_reintegration_back(self, stages: list[str]) -> tuple[str, str] | None:
        dialog = ReasonDialog(
            self.tr("Move the reintegration back"),
            self.tr(
                "Why does the reintegration go back? The reason is kept in the timeline; the "
                "step is done again from there."
            ),
            stages,
            parent=self,
            labels=REINTEGRATION_STAGES,
        )
        if not dialog.exec():
            return None
        return dialog.stage.currentData(), dialog.text.toPlainText()

    def _move_reintegration_back(self) -> None:
        chosen = self.ask_reintegration_back(reintegration_back_stages(self.workflow.reintegration))
        if chosen and chosen[1].strip():
            self.move_reintegration_back.emit(*chosen)

    def _reopen(self) -> None:
        reason = self.ask_comment(
            self.tr("Reopen the case"),
            self.tr("Why is the case reopened? Its history is kept; the reason is added to it."),
        )
        if reason and reason.strip():
            self.reopen.emit(reason)

    # -- forms -----------------------------------------------------------------------------------
    def _forms(self) -> QWidget:
        """Each form of the case: its state on the left; the chosen revision on the right."""
        self.form_list = QListWidget(objectName="formList")
        self.form_list.setFixedWidth(300)
        self.form_list.setSpacing(4)
        # A long title (the preparation of the child, family and community) wraps, never cut.
        self.form_list.setWordWrap(True)
        self.form_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.revision = QComboBox(objectName="revision")
        self.revision.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.revision.setAccessibleName(self.tr("Version of the form shown"))
        self.changes = QLabel(objectName="changes", wordWrap=True)
        self.changes.setStyleSheet("color: #555;")
        self.view = QTextBrowser(objectName="formView")
        self.view.setOpenLinks(False)
        self.fill_button = QPushButton(objectName="fillForm")
        self.fill_button.clicked.connect(self._fill_clicked)
        self.add_button = QPushButton(objectName="addForm")
        self.add_button.clicked.connect(self._add_clicked)
        self.draft_label = QLabel(objectName="formDraft")
        self.draft_label.setStyleSheet("color: #8a5a00;")
        top = QHBoxLayout()
        top.addWidget(self.revision)
        top.addWidget(self.draft_label, 1)
        top.addWidget(self.fill_button)
        top.addWidget(self.add_button)
        right = QVBoxLayout()
        right.addLayout(top)
        right.addWidget(self.changes)
        right.addWidget(self.view, 1)
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.addWidget(self.form_list)
        layout.addLayout(right, 1)
        self.form_list.currentRowChanged.connect(self._form_chosen)
        self.revision.currentIndexChanged.connect(self._revision_chosen)
        self._fill_forms()
        return page

    def _fill_forms(self) -> None:
        """Each form's state in the list; the form being looked at stays chosen."""
        showing = self.current_form
        self.form_list.blockSignals(True)
        self.form_list.clear()
        for form in self._forms_shown():
            if form.repeatable:
                count = len(instances(self.case.forms, form.id))
                if count == 1:
                    state = self.tr("1 recorded")
                elif count:
                    state = self.tr("{n} recorded").format(n=count)
                else:
                    state = self.tr("none recorded yet")
                kept = draft_key(self.uuid, form.id) in self.drafts or any(
                    k.startswith(draft_key(self.uuid, form.id) + ":") for k in self.drafts
                )
            else:
                saved = latest(self.case.forms, form.id)
                if saved is not None:
                    state = self.tr("version {n}, {date}").format(
                        n=saved.revision, date=format_date(saved.submitted_at.astimezone())
                    )
                else:
                    state = self.tr("not filled in yet")
                kept = draft_key(self.uuid, form.id) in self.drafts
            if kept:
                state += " · " + self.tr("draft")
            item = QListWidgetItem(f"{text_of(form.title)}\n{state}")
            item.setData(Qt.ItemDataRole.UserRole, form.id)
            self.form_list.addItem(item)
        self.form_list.blockSignals(False)
        ids = [
            self.form_list.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.form_list.count())
        ]
        row = ids.index(showing) if showing in ids else 0
        if self.form_list.currentRow() == row:  # no signal when it stays: show it again here
            self._form_chosen(row)
        else:
            self.form_list.setCurrentRow(row)

    def _forms_shown(self) -> list[FormDefinition]:
        """The agency's forms, then any other form this case has answers to (one another
        agency sent, or one the agency stopped using), with the questions last answered."""
        others: dict[str, FormDefinition] = {}
        for x in self.case.forms:
            if x.form_id not in self.form_set.forms:
                others[x.form_id] = x.definition
        return self.form_set.ordered() + list(others.values())

    def _definition(self, form_id: str) -> FormDefinition:
        return next(f for f in self._forms_shown() if f.id == form_id)

    def show_form(self, form_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        for row in range(self.form_list.count()):
            if self.form_list.item(row).data(Qt.ItemDataRole.UserRole) == form_id:
                self.form_list.setCurrentRow(row)

    def may_fill(self, form_id: str) -> bool:
        """Whether this person may fill in `form_id` here (conference minutes are written
        from the Conferences tab)."""
        return (
            form_id != CONFERENCE
            and (form_id not in SUPERVISOR_FORMS or Role.SUPERVISOR in self.roles)
            and form_id in self.form_set.forms
            and self.editable
            and form_allowed(
                self.stage,
                form_id,
                post_closure_visit_due=self.case.row.next_action == "post_closure_visit",
            )
        )

    def _form_chosen(self, row: int) -> None:
        item = self.form_list.item(row)
        if item is None:
            return
        self.current_form = item.data(Qt.ItemDataRole.UserRole)
        form = self._definition(self.current_form)
        revisions = sorted(
            (x for x in self.case.forms if x.form_id == self.current_form),
            key=lambda x: (-x.instance, -x.revision),
        )
        self.revision.blockSignals(True)
        self.revision.clear()
        for x in revisions:
            text = self.tr("Version {n}: {date}, {who}").format(
                n=x.revision, date=format_datetime(x.submitted_at), who=x.submitted_by
            )
            if form.repeatable:
                text = f"{x.instance}. " + text
            self.revision.addItem(text, x.id)
        self.revision.blockSignals(False)
        self.revision.setVisible(bool(revisions))
        self.revisions = {x.id: x for x in revisions}
        allowed = self.may_fill(self.current_form)
        self.add_button.setVisible(allowed and form.repeatable)
        kept = self.drafts.get(draft_key(self.uuid, self.current_form))
        if form.repeatable:
            self.add_button.setText(
                self.tr("&Continue the new one") if kept else self.tr("&Add a new one")
            )
            kept = None  # a draft of a correction shows with its own entry
        self.draft_label.setText(
            self.tr("Draft kept {when}").format(when=format_datetime(kept)) if kept else ""
        )
        if not allowed or (form.repeatable and not revisions):
            self.fill_button.setVisible(False)
        else:
            self.fill_button.setVisible(True)
            if kept:
                self.fill_button.setText(self.tr("&Continue the draft"))
            elif revisions:
                self.fill_button.setText(self.tr("&New version"))
            else:
                self.fill_button.setText(self.tr("&Fill in"))
        if revisions:
            self._revision_chosen(0)
        else:
            self.changes.setText("")
            self.view.setHtml(
                "<p style='color:#555'>"
                + self.tr("This form has not been filled in for this case yet.")
                + f"</p><p>{escape(text_of(form.description))}</p>"
            )

    def _revision_chosen(self, index: int) -> None:
        chosen = self.revisions.get(self.revision.itemData(index))
        if chosen is None:
            return
        changed = chosen.changed
        if changed:
            labels = [text_of(f.label) if (f := chosen.definition.field(i)) else i for i in changed]
            self.changes.setText(
                self.tr("Changed in this version (highlighted): {fields}").format(
                    fields=", ".join(labels)
                )
            )
        else:
            self.changes.setText("")
        if self._definition(self.current_form).repeatable:
            kept = self.drafts.get(draft_key(self.uuid, self.current_form, chosen.instance))
            self.fill_button.setText(
                self.tr("&Continue the draft") if kept else self.tr("&New version")
            )
        self.view.setHtml(answers_html(chosen.definition, chosen.answers, changed))

    def _fill_clicked(self) -> None:
        instance = 0
        if self.form_set.get(self.current_form).repeatable:
            chosen = self.revisions.get(self.revision.currentData())
            instance = chosen.instance if chosen else NEW
        self.fill_form.emit(self.uuid, self.current_form, instance)

    def _add_clicked(self) -> None:
        self.fill_form.emit(self.uuid, self.current_form, NEW)

    # -- the case plan -----------------------------------------------------------------------------
    def _plan(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.plan_summary = QLabel(objectName="planSummary", wordWrap=True)
        self.plan_summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.plan_summary)
        self.actions = QTableWidget(0, 6, objectName="planActions")
        self.actions.setHorizontalHeaderLabels(
            [
                self.tr("Goal"),
                self.tr("Action"),
                self.tr("Who"),
                self.tr("Due"),
                self.tr("How we know it is done"),
                self.tr("Status"),
            ]
        )
        self.actions.verticalHeader().setVisible(False)
        self.actions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.actions.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.actions.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.actions.setWordWrap(True)
        self.actions.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.actions.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.actions, 1)
        bar = QHBoxLayout()
        self.status_choice = QComboBox(objectName="actionStatus")
        for code in ACTION_STATUSES:
            self.status_choice.addItem(label(ACTION_STATUSES, code), code)
        self.status_button = QPushButton(self.tr("&Set the status"), objectName="setStatus")
        self.status_button.clicked.connect(self._set_status)
        mark = QLabel(self.tr("Selected action:"))
        mark.setBuddy(self.status_choice)
        bar.addWidget(mark)
        bar.addWidget(self.status_choice)
        bar.addWidget(self.status_button)
        bar.addStretch(1)
        self.plan_button = QPushButton(objectName="planForm")
        self.plan_button.clicked.connect(lambda: self.fill_form.emit(self.uuid, "case_plan", 0))
        bar.addWidget(self.plan_button)
        layout.addLayout(bar)
        self.status_bar = (mark, self.status_choice, self.status_button)
        self.actions.itemSelectionChanged.connect(self._action_chosen)
        self._fill_plan()
        return page

    def _fill_plan(self) -> None:
        """The plan and its actions; the action chosen stays chosen."""
        plan = self.workflow.plan
        chosen = self.actions.currentItem()
        chosen_index = chosen.data(Qt.ItemDataRole.UserRole) if chosen is not None else None
        can_plan = "case_plan" in self.form_set.forms and self.may_fill("case_plan")
        self.plan_button.setVisible(can_plan)
        self.plan_button.setText(
            self.tr("&New version of the plan") if plan else self.tr("&Make the case plan")
        )
        for widget in self.status_bar:
            widget.setVisible(self.editable and plan is not None and bool(plan.actions))
        if plan is None:
            self.plan_summary.setText(
                "<p style='color:#555'>"
                + self.tr(
                    "There is no case plan yet. It is made with the child and family, "
                    "within two weeks of the assessment."
                )
                + "</p>"
            )
            self.actions.setVisible(False)
            self.actions.setRowCount(0)
            return
        self.actions.setVisible(True)
        a = plan.answers
        form = self.form_set.forms.get("case_plan")
        area = form.field("goals").fields[0] if form and form.field("goals") else None
        goals = [
            f"<li>{escape(area.choice_label(str(g.get('area', '')), current_language()) if area else '')}"
            f"{': ' if area else ''}{escape(str(g.get('goal', '')))}</li>"
            for g in a.get("goals") or []
        ]
        permanency = form.field("permanency_goal") if form else None
        state = label(APPROVAL_STATES, plan.approval_state) if plan.approval_state else ""
        self.plan_summary.setText(
            "<p><b>"
            + escape(self.tr("Case plan, version {n}").format(n=plan.revision))
            + "</b>"
            + (f" – {escape(state)}" if state else "")
            + "</p><p>"
            + escape(self.tr("Permanency goal:"))
            + " "
            + escape(
                permanency.choice_label(str(a.get("permanency_goal", "")), current_language())
                if permanency
                else str(a.get("permanency_goal", ""))
            )
            + " · "
            + escape(self.tr("Next review by:"))
            + " "
            + escape(format_date(_date_of(a.get("review_date"))))
            + "</p><ol>"
            + "".join(goals)
            + "</ol>"
        )
        responsible = form.field("actions") if form else None
        who_field = (
            next((f for f in (responsible.fields or []) if f.id == "responsible"), None)
            if responsible
            else None
        )
        today = datetime.now().date()
        self.actions.blockSignals(True)
        self.actions.setRowCount(len(plan.actions))
        for position, action in enumerate(plan.actions):
            entry = (a.get("actions") or [])[action.index]
            who = (
                who_field.choice_label(action.responsible, current_language())
                if who_field
                else action.responsible
            )
            if entry.get("responsible_name"):
                who += f" ({entry['responsible_name']})"
            cells = (
                str(action.goal_number or ""),
                action.action,
                who,
                format_date(action.due),
                str(entry.get("indicator") or ""),
                label(ACTION_STATUSES, action.status),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, action.index)
                if (
                    column == 3
                    and action.due
                    and action.due < today
                    and action.status
                    in (
                        "not_started",
                        "in_progress",
                    )
                ):
                    item.setForeground(QColor("#c62828"))
                    item.setToolTip(self.tr("Overdue"))
                if column == 5 and action.status == "done":
                    item.setForeground(QColor("#2e7d32"))
                self.actions.setItem(position, column, item)
        self.actions.blockSignals(False)
        self.actions.resizeRowsToContents()
        indexes = [action.index for action in plan.actions]
        if plan.actions:
            self.actions.selectRow(indexes.index(chosen_index) if chosen_index in indexes else 0)
        self._action_chosen()

    def _action_chosen(self) -> None:
        plan = self.workflow.plan
        row = self.actions.currentRow()
        if plan is None or not 0 <= row < len(plan.actions):
            return
        index = self.status_choice.findData(plan.actions[row].status)
        self.status_choice.setCurrentIndex(max(index, 0))

    def show_plan_action(self, index: int) -> None:
        self.tabs.setCurrentIndex(1)
        plan = self.workflow.plan
        for row, action in enumerate(plan.actions if plan else ()):
            if action.index == index:
                self.actions.selectRow(row)

    def _set_status(self) -> None:
        plan = self.workflow.plan
        row = self.actions.currentRow()
        if plan is None or not 0 <= row < len(plan.actions):
            return
        self.action_status.emit(
            plan.submission_id, plan.actions[row].index, self.status_choice.currentData()
        )

    # -- timeline ------------------------------------------------------------------------------
    def _timeline(self) -> QWidget:
        table = self.timeline_table = QTableWidget(0, 3, objectName="timeline")
        table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._fill_timeline()
        return _explained(
            self.tr(
                "The work on the case: stages, forms saved, risk levels, decisions and plan "
                "actions. "
                "Who opened or printed the file is under History."
            ),
            table,
        )

    def _fill_timeline(self) -> None:
        entries = self.workflow.timeline
        table = self.timeline_table
        table.setRowCount(len(entries))
        for position, entry in enumerate(entries):  # newest first
            for column, text in enumerate(
                (format_datetime(entry.at), entry.who, self.timeline_text(entry))
            ):
                table.setItem(position, column, QTableWidgetItem(text))
        table.resizeRowsToContents()

    def timeline_text(self, e: TimelineEntry) -> str:
        if e.kind == "form":
            form = self.form_set.forms.get(e.code)
            title = text_of(form.title) if form else e.code
            if form is not None and form.repeatable:
                title = f"{title} {e.instance}"
            if e.revision > 1:
                return self.tr("Saved {form} (version {n})").format(form=title, n=e.revision)
            return self.tr("Saved {form}").format(form=title)
        if e.kind == "risk":
            form = self.form_set.forms.get(e.form_id)
            title = text_of(form.title) if form else e.form_id
            if e.text:
                return self.tr("Risk level {before} → {after} ({form})").format(
                    before=label(RISKS, e.text), after=label(RISKS, e.code), form=title
                )
            return self.tr("Risk level {after} ({form})").format(
                after=label(RISKS, e.code), form=title
            )
        what = label(APPROVAL_KINDS, e.code)
        stage = label(STAGES, e.code)
        if e.kind == "stage.reintegration":
            return self.tr("Moved the reintegration back to {step}: “{text}”").format(
                step=label(REINTEGRATION_STAGES, e.code), text=e.text
            )
        texts = {
            "approval.requested": self.tr("Asked the supervisor to approve {what}"),
            "approval.approved": self.tr("Approved {what}"),
            "approval.returned": self.tr("Returned {what}: “{text}”"),
            "stage.form": self.tr("The case moved on to: {stage}"),
            "stage.approval": self.tr("The case moved on to: {stage}"),
            "stage.returned": self.tr("The case went back to: {stage}"),
            "stage.back": self.tr("Moved the case back to {stage}: “{text}”"),
            "stage.reopened": self.tr("Reopened the case: “{text}”"),
            "stage.transferred": self.tr("Transferred the case"),
            "action": self.tr("Marked a plan action “{status}”: {text}"),
            "assigned": self.tr("Gave the case to {to}: “{text}”")
            if not e.previous
            else self.tr("Gave the case of {previous} to {to}: “{text}”"),
        }
        template = texts.get(e.kind)
        if template is None:
            return e.kind
        return template.format(
            what=what,
            stage=stage,
            text=e.text,
            status=label(ACTION_STATUSES, e.code),
            to=e.code,
            previous=e.previous,
        )

    def _history(self, history: list[HistoryEntry]) -> QWidget:
        table = self.history_table = QTableWidget(0, 3, objectName="history")
        table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self._fill_history(history)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return _explained(
            self.tr(
                "Everything done with this file, as the audit log keeps it: who viewed, "
                "changed, printed or sent it, and when. The work itself is under Timeline."
            ),
            table,
        )

    def _fill_history(self, history: list[HistoryEntry]) -> None:
        table = self.history_table
        table.setRowCount(len(history))
        for position, entry in enumerate(reversed(history)):  # newest first
            what = history_text(entry.action, entry.summary)
            for column, text in enumerate((format_datetime(entry.at), entry.who, what)):
                table.setItem(position, column, QTableWidgetItem(text))


def _explained(text: str, table: QWidget) -> QWidget:
    """A tab with one line at its top saying what it shows (Timeline and History look alike)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    note = QLabel(text, wordWrap=True, objectName="tabNote")
    note.setStyleSheet("color: #555;")
    layout.addWidget(note)
    layout.addWidget(table, 1)
    return box


def _date_of(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None

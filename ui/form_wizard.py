"""The guided form: any form definition (or several in a row) as one page per section.

On the left, the sections with their state (done, needs attention) and how far along the form
is; on the right, one section's questions. "Next" checks the page and says what is missing next
to each question; any section can be reached from the list. What is typed is kept as an
encrypted draft on every page change and a few seconds after typing stops, so a power cut or a
crash loses at most those seconds; closing asks whether to keep the draft.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import drafts
from desktop.errors import UlinziError
from desktop.forms.answers import (
    ENTRY_PROBLEM,
    Answers,
    Problem,
    check_value,
    field_required,
    field_shown,
    is_empty,
    section_shown,
    visible_answers,
)
from desktop.forms.definition import FormDefinition, FormField, Section
from ui.background import wait_for_background
from ui.common import error_text, fit_to_screen, format_datetime, show_error
from ui.form_fields import FieldWidget, GroupField, make_field, problem_text, text_of
from ui.help import add_help_key
from ui.operations import Op
from ui.session_holder import SessionHolder

DRAFT_KIND = "form"
AUTOSAVE_MS = 3000


@dataclass
class Page:
    form: FormDefinition
    section: Section
    widget: QWidget
    fields: list[FieldWidget]
    item: QListWidgetItem
    checked: bool = False  # "Next" or "Save" looked at it: its messages now follow typing
    visited: bool = False


class FormWizard(QDialog):
    """Fill in one or more forms. `submit(answers by form id)` runs off the UI thread and
    returns the case's uuid; then `saved(uuid)` is emitted and the wizard closes."""

    saved = Signal(str)

    def __init__(
        self,
        holder: SessionHolder,
        forms: list[FormDefinition],
        submit: Callable[[dict[str, Answers]], str],
        *,
        draft_key: str,
        title: str,
        subtitle: str = "",
        finish_text: str = "",
        answers: dict[str, Answers] | None = None,
        providers: Sequence[str] = (),
        check: Callable[[FormField, Any, Answers], Problem | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`check(field, answer, answers)` adds a rule of the work the form is for (whom the
        consent covers…): the answer's problem, or None."""
        super().__init__(parent)
        self.providers = providers
        self.extra_check = check
        self.holder = holder
        self._hidden_by_lock = False
        holder.locked.connect(self._lock)
        holder.unlocked.connect(self._unlock)
        holder.replaced.connect(self._unlock_for_another)
        self.forms = forms
        self.submit_work = submit
        self.draft_key = draft_key
        self._dirty = False
        self._saving = False
        self._filling = False
        self._kept = False  # a draft of these forms is in the store
        self._problems_pointed_out = False  # the message under the page speaks of them
        self._writer = uuid.uuid4().hex  # this open form, in the drafts it saves
        self._sequence = 0  # its saves so far: the store keeps the latest
        self._in_flight = False  # a background save runs
        self._save_again = False  # and something changed meanwhile
        self.answers: dict[str, Answers] = {
            f.id: dict((answers or {}).get(f.id, {})) for f in forms
        }
        for form in forms:  # a form started fresh gets its defaults ("today")
            if not (answers or {}).get(form.id):
                for f in form.all_fields():
                    if f.default == "today":
                        self.answers[form.id][f.id] = date.today().isoformat()
        self.setWindowTitle(title)
        fit_to_screen(self, QSize(1180, 700), share=0.75)

        # -- left: where am I
        heading = QLabel(title, wordWrap=True)
        font = heading.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        heading.setFont(font)
        self.subtitle = QLabel(subtitle, wordWrap=True)
        self.subtitle.setStyleSheet("color: #555;")
        self.steps = QListWidget(objectName="steps")
        self.steps.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setSpacing(2)
        self.steps.setAccessibleName(self.tr("Sections of the form"))
        # The count under the bar, not on it: written over the bar it is hard to read.
        self.progress = QProgressBar(objectName="progress", textVisible=False)
        self.progress.setMaximumHeight(10)
        self.progress_text = QLabel(objectName="progressText")
        self.progress.setAccessibleName(self.tr("Questions answered"))
        side = QVBoxLayout()
        side.addWidget(heading)
        side.addWidget(self.subtitle)
        side.addWidget(self.steps, 1)
        side.addWidget(self.progress)
        side.addWidget(self.progress_text)
        side_box = QWidget()
        side_box.setLayout(side)
        side_box.setFixedWidth(300)

        # -- right: the questions of one section
        self.form_title = QLabel(objectName="formTitle")
        self.form_title.setStyleSheet("color: #555;")
        self.section_title = QLabel(objectName="sectionTitle", wordWrap=True)
        font = self.section_title.font()
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.section_title.setFont(font)
        self.section_help = QLabel(objectName="sectionHelp", wordWrap=True)
        self.section_help.setStyleSheet("color: #333; background: #eef4fb; padding: 6px;")
        self.stack = QStackedWidget()
        self.pages: list[Page] = []
        bold = QFont(self.steps.font())
        bold.setBold(True)
        for form in forms:
            if len(forms) > 1:
                header = QListWidgetItem(text_of(form.title))
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                header.setFont(bold)
                header.setForeground(QColor("#1f3a5f"))
                self.steps.addItem(header)
            for section in form.sections:
                self._add_page(form, section)
        self.steps.currentRowChanged.connect(self._step_clicked)

        self.message = QLabel(objectName="wizardMessage", wordWrap=True)
        self.message.setStyleSheet("color: #b71c1c;")
        self.draft_note = QLabel(objectName="draftNote")
        self.draft_note.setStyleSheet("color: #555;")
        self.back_button = QPushButton(self.tr("< &Back"), objectName="back")
        self.next_button = QPushButton(self.tr("&Next >"), objectName="next")
        self.finish_button = QPushButton(finish_text or self.tr("&Save"), objectName="finish")
        self.close_button = QPushButton(self.tr("Close"), objectName="close")
        for button in (self.back_button, self.close_button, self.finish_button):
            button.setAutoDefault(False)
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.finish_button.clicked.connect(self.finish)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, self.next)
        QShortcut(QKeySequence("Ctrl+PgUp"), self, self.back)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.finish)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_draft_now)
        add_help_key(self, "form")
        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_note, 1)
        buttons.addWidget(self.close_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.finish_button)

        main = QVBoxLayout()
        main.addWidget(self.form_title)
        main.addWidget(self.section_title)
        main.addWidget(self.section_help)
        main.addWidget(self.stack, 1)
        main.addWidget(self.message)
        main.addLayout(buttons)
        line = QFrame(frameShape=QFrame.Shape.VLine)
        line.setStyleSheet("color: #d0d5da;")
        layout = QHBoxLayout(self)
        layout.addWidget(side_box)
        layout.addWidget(line)
        layout.addLayout(main, 1)

        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)
        self.current = -1
        self._fill(self.answers)
        self.go_to(self._visible_pages()[0])

    # -- building -------------------------------------------------------------------------------
    def _add_page(self, form: FormDefinition, section: Section) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(4, 4, 16, 4)
        widgets = []
        for f in section.fields:
            widget = make_field(f, providers=self.providers)
            widget.changed.connect(lambda form_id=form.id, w=widget: self._changed(form_id, w))
            if isinstance(widget, GroupField):
                widget.removed.connect(
                    lambda number, form_id=form.id, w=widget: self._entry_removed(
                        form_id, w, number
                    )
                )
            column.addWidget(widget)
            widgets.append(widget)
        column.addStretch(1)
        content.setMaximumWidth(820)
        content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.stack.addWidget(scroll)
        item = QListWidgetItem(text_of(section.title))
        self.steps.addItem(item)
        self.pages.append(Page(form, section, scroll, widgets, item))

    def _fill(self, answers: dict[str, Answers]) -> None:
        self._filling = True
        for page in self.pages:
            for widget in page.fields:
                widget.set_value(answers.get(page.form.id, {}).get(widget.field.id))
        self._filling = False
        self._refresh()

    def widget_for(self, form_id: str, field_id: str) -> FieldWidget:
        return next(
            w
            for page in self.pages
            if page.form.id == form_id
            for w in page.fields
            if w.field.id == field_id
        )

    # -- answers and what they show -------------------------------------------------------------
    def _changed(self, form_id: str, widget: FieldWidget) -> None:
        if self._filling:
            return
        self.answers[form_id][widget.field.id] = widget.value()
        self._dirty = True
        self._autosave.start()
        self.draft_note.setText("")
        self._refresh()
        if self._problems_pointed_out and not any(
            not w.error.isHidden()
            for page in self.pages
            if page.checked and not page.item.isHidden()
            for w in page.fields
        ):
            self.message.clear()  # the answers it spoke of are mended: it must not linger
            self._problems_pointed_out = False

    def _entry_removed(self, form_id: str, group: GroupField, number: int) -> None:
        """An entry of a list is removed: answers elsewhere that point into it follow (an
        action for goal 3 is for goal 2 once goal 1 is removed, and for none if it was 3)."""
        for page in self.pages:
            if page.form.id != form_id:
                continue
            for widget in page.fields:
                if isinstance(widget, GroupField) and widget is not group:
                    widget.entry_removed_from(group.field.id, number)
                    self.answers[form_id][widget.field.id] = widget.value()

    def _refresh(self) -> None:
        """Show the questions and sections that apply; keep messages of checked pages current."""
        counted = {form.id: self.shown_answers(form) for form in self.forms}
        for page in self.pages:
            answers = counted[page.form.id]
            page.item.setHidden(not section_shown(page.section, answers))
            for widget in page.fields:
                widget.setVisible(field_shown(widget.field, answers))
                widget.set_required(field_required(widget.field, answers))
                if isinstance(widget, GroupField):
                    widget.refresh(answers)
            if page.checked:
                self._check(page, answers)
            self._mark(page)
        if self.current >= 0:
            self._place_buttons()
        total = answered = 0
        for i in self._visible_pages():
            page = self.pages[i]
            for widget in page.fields:
                if widget.isVisibleTo(page.widget.widget()):
                    total += 1
                    answered += not is_empty(self.answers[page.form.id].get(widget.field.id))
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(answered)
        # Plural forms through Qt (%n): "1 réponse sur 21 questions", "1 of 1 question answered".
        questions = self.tr("%n question(s)", "", total)
        self.progress_text.setText(
            self.tr("%n of {questions} answered", "", answered).format(questions=questions)
        )

    def shown_answers(self, form: FormDefinition) -> Answers:
        """The answers that count: one to a question hidden since (a draft keeps it, in case
        the person changes their mind back) shows and requires nothing."""
        return visible_answers(form, self.answers[form.id])

    def _place_buttons(self) -> None:
        """Back, Next and Save for the page shown, among the sections shown now: an answer can
        add a section after it (the proof of no trace, when the family was not found)."""
        visible = self._visible_pages()
        last = self.current == visible[-1]
        self.back_button.setEnabled(self.current != visible[0])
        self.next_button.setVisible(not last)
        self.next_button.setDefault(not last)
        self.finish_button.setDefault(last)

    def _visible_pages(self) -> list[int]:
        return [i for i, p in enumerate(self.pages) if not p.item.isHidden()]

    def _check(self, page: Page, answers: Answers | None = None) -> list[FieldWidget]:
        """Put each problem next to its question; return the questions that have one."""
        if answers is None:
            answers = self.shown_answers(page.form)
        wrong = []
        today = date.today()
        shown = section_shown(page.section, answers)
        for widget in page.fields:
            problem = None
            if shown and field_shown(widget.field, answers):
                problem = check_value(widget.field, answers.get(widget.field.id), answers, today)
                if problem is None and self.extra_check is not None:
                    problem = self.extra_check(widget.field, answers.get(widget.field.id), answers)
            widget.set_error(problem_text(problem) if problem else "")
            if problem and problem.text == ENTRY_PROBLEM and isinstance(widget, GroupField):
                inner = problem.params.get("problem")
                widget.mark_entry(
                    int(problem.params.get("number") or 0),
                    str(problem.params.get("field") or ""),
                    problem_text(inner) if isinstance(inner, Problem) else "",
                )
            if problem:
                wrong.append(widget)
        return wrong

    def _mark(self, page: Page) -> None:
        wrong = page.checked and any(not w.error.isHidden() for w in page.fields)
        if wrong:
            page.item.setText("⚠ " + text_of(page.section.title))
            page.item.setForeground(Qt.GlobalColor.darkRed)
        elif page.checked:
            page.item.setText("✓ " + text_of(page.section.title))
            page.item.setForeground(Qt.GlobalColor.darkGreen)
        else:
            page.item.setText("    " + text_of(page.section.title))
            page.item.setForeground(self.palette().text())

    # -- moving ---------------------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        if index == self.current:
            return
        if self.current >= 0:
            self.save_draft()
        self.current = index
        page = self.pages[index]
        page.visited = True
        self.stack.setCurrentIndex(index)
        self.steps.blockSignals(True)
        self.steps.setCurrentItem(page.item)
        self.steps.blockSignals(False)
        self.form_title.setText(text_of(page.form.title))
        self.form_title.setVisible(len(self.forms) > 1 or bool(page.form.description))
        self.section_title.setText(text_of(page.section.title))
        self.section_help.setText(text_of(page.section.help))
        self.section_help.setVisible(bool(page.section.help))
        self._place_buttons()
        self.message.clear()
        self._problems_pointed_out = False
        first = next((w for w in page.fields if w.isVisibleTo(page.widget.widget())), None)
        if first is not None:
            first.focus_target().setFocus()

    def _step_clicked(self, row: int) -> None:
        item = self.steps.item(row)
        for i, page in enumerate(self.pages):
            if page.item is item:
                self.go_to(i)

    def next(self) -> None:
        page = self.pages[self.current]
        page.checked = True
        wrong = self._check(page)
        self._mark(page)
        if wrong:
            self.message.setText(
                self.tr("Some answers are missing or need a look: see the messages in red.")
            )
            self._problems_pointed_out = True
            wrong[0].focus_target().setFocus()
            page.widget.ensureWidgetVisible(wrong[0])
            return
        later = [i for i in self._visible_pages() if i > self.current]
        if later:
            self.go_to(later[0])

    def back(self) -> None:
        earlier = [i for i in self._visible_pages() if i < self.current]
        if earlier:
            self.go_to(earlier[-1])

    # -- drafts ---------------------------------------------------------------------------------
    def draft(self) -> dict[str, Any]:
        return {"answers": self.answers, "page": self.current}

    def resume(self, data: dict[str, Any]) -> None:
        """Put back what a draft held."""
        saved = data.get("answers", {})
        for form in self.forms:
            if isinstance(saved.get(form.id), dict):
                self.answers[form.id] = dict(saved[form.id])
        self._fill(self.answers)
        page = data.get("page")
        if isinstance(page, int) and page in self._visible_pages():
            self.go_to(page)
        self._kept = True
        self.draft_note.setText(self.tr("Continuing the draft kept earlier."))

    def offer_draft(self) -> None:
        """If this person left these forms unfinished, offer to continue them."""
        saved = drafts.load_draft(self.holder.session, DRAFT_KIND, self.draft_key)
        if saved is None:
            return
        if self.ask_resume(format_datetime(saved.updated_at)):
            self.resume(saved.data)
        else:
            drafts.discard_draft(self.holder.session, DRAFT_KIND, self.draft_key)

    def ask_resume(self, when: str) -> bool:
        return (
            QMessageBox.question(
                self,
                self.tr("Unfinished form"),
                self.tr(
                    "You started this on {when} and did not finish. Continue where you stopped?"
                ).format(when=when),
            )
            == QMessageBox.StandardButton.Yes
        )

    def save_draft_now(self) -> None:
        self._dirty = True
        self.save_draft()

    def save_draft(self, *, wait: bool = False) -> None:
        """Keep what was typed, encrypted in the store (in the background unless `wait`).

        One background save at a time: a change made while one runs is saved when it ends.
        Each save carries this form's count of saves, and the store keeps the later one, so a
        slow older save finishing after a newer one (or after the last save on closing) never
        puts back what was typed before."""
        self._autosave.stop()
        if not self._dirty or self._saving or not self.holder.session.store.is_open:
            return
        if self._in_flight and not wait:
            self._save_again = True
            return
        session, key, data = self.holder.session, self.draft_key, self.draft()
        self._dirty = False
        self._kept = True
        self._sequence += 1
        sequence, writer = self._sequence, self._writer
        if wait:  # locking or quitting: the key is about to go, so this must finish first
            drafts.save_draft(session, DRAFT_KIND, key, data, writer=writer, sequence=sequence)
            return

        def ended() -> None:
            self._in_flight = False
            if self._save_again:
                self._save_again = False
                self.save_draft()

        def done(_result: object) -> None:
            self.draft_note.setText(self.tr("Draft kept."))
            ended()

        def failed(error: Exception) -> None:
            self._dirty = True
            ended()
            show_error(self, error)

        self._in_flight = True
        Op(
            self,
            lambda: drafts.save_draft(
                session, DRAFT_KIND, key, data, writer=writer, sequence=sequence
            ),
        ).writes().on_success(done).on_failure(failed).run()

    # -- finishing ------------------------------------------------------------------------------
    def finish(self) -> None:
        if self._saving:
            return
        first_wrong = None
        for i, page in enumerate(self.pages):
            if page.item.isHidden():
                continue
            page.checked = True
            wrong = self._check(page)
            self._mark(page)
            if wrong and first_wrong is None:
                first_wrong = (i, wrong[0])
        if first_wrong is not None:
            i, widget = first_wrong
            self.go_to(i)
            self.message.setText(
                self.tr("Not saved yet: some answers are missing or need a look (in red).")
            )
            self._problems_pointed_out = True
            widget.focus_target().setFocus()
            self.pages[i].widget.ensureWidgetVisible(widget.focus_target())
            return
        self._saving = True
        self._autosave.stop()
        wait_for_background()  # a draft save still in flight must not outlive the saved form
        self.finish_button.setEnabled(False)
        self.message.setStyleSheet("color: #555;")
        self.message.setText(self.tr("Saving…"))
        answers = {form_id: dict(a) for form_id, a in self.answers.items()}
        work = self.submit_work

        def done(uuid: str) -> None:
            self._saving = False
            self._dirty = False
            self.saved.emit(uuid)
            self.accept()

        def failed(error: Exception) -> None:
            self._saving = False
            self.finish_button.setEnabled(True)
            self.message.setStyleSheet("color: #b71c1c;")
            self.message.clear()
            self._dirty = True
            self.save_draft()
            if isinstance(error, UlinziError):  # a refusal to read while mending the answers
                self.message.setText(error_text(error))
            else:
                show_error(self, error)

        Op(self, lambda: work(answers)).writes().on_success(done).on_failure(failed).run()

    def _lock(self) -> None:
        """The screen locks: keep what was typed (before the key goes) and hide."""
        if self.isVisible():
            self.save_draft(wait=True)
            self.hide()
            self._hidden_by_lock = True

    def _unlock(self) -> None:
        if self._hidden_by_lock:
            self._hidden_by_lock = False
            self.show()

    def _unlock_for_another(self) -> None:
        """Another person unlocked: the typing is the previous person's draft; go."""
        if self._hidden_by_lock:
            self._hidden_by_lock = False
            self.discard()

    def discard(self, *, close: bool = True) -> None:
        """Go without asking: what was typed is already kept as a draft (a lock that another
        person opened, a sign-out, a quit)."""
        self._autosave.stop()
        self._dirty = self._kept = False
        if close:
            self.close()

    def reject(self) -> None:
        """Escape, "Close" and the window's X all come here: never lose what was typed."""
        if self._saving:
            return
        if (self._kept or self._dirty) and self.holder.session.store.is_open:
            choice = self.ask_close()
            if choice == QMessageBox.StandardButton.Cancel:
                return
            if choice == QMessageBox.StandardButton.Discard:
                self._dirty = self._kept = False
                self._autosave.stop()
                self._save_again = False
                if self._in_flight:  # a save still running must not bring the draft back
                    wait_for_background()
                drafts.discard_draft(self.holder.session, DRAFT_KIND, self.draft_key)
            else:
                self.save_draft(wait=True)
        super().reject()

    def ask_close(self) -> QMessageBox.StandardButton:
        """Save keeps a draft (the form is not saved to the case): the buttons say so."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Close the form?"),
            self.tr(
                "The form is not saved to the case yet. Keep what you typed as a draft, "
                "to finish later?"
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("&Keep as draft"))
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("&Discard what I typed"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Go on &typing"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.standardButton(box.clickedButton())

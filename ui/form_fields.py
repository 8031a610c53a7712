"""One widget per kind of question of a form definition: the label, the input, help, and errors.

Every widget gives its answer as the plain JSON value `desktop.forms.answers` expects, and takes
one back, so drafts and saved answers go in and out unchanged. Labels sit above their input:
French labels are long, and one column reads top to bottom with the keyboard.

Why one long module: one widget per kind of question, each small, all under one contract.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from desktop.forms.answers import LONG_TEXT_LIMIT, TEXT_LIMIT, Problem, field_shown, text_problem
from desktop.forms.definition import CONSENT_METHODS, PEOPLE_PARTS, FormField, Text
from ui.common import format_date
from ui.i18n import current_language

ERROR_STYLE = "color: #b71c1c;"
HELP_STYLE = "color: #555;"
# At most this many choices are shown as radio buttons; more go in a drop-down list.
RADIO_LIMIT = 6
DATE_FORMATS = ("dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd", "d.M.yyyy")


def problem_text(problem: Problem) -> str:
    """A rule's message in the person's language ("forms" context), with its values."""
    params = {}
    for key, value in problem.params.items():
        if isinstance(value, Problem):
            value = problem_text(value)
        elif isinstance(value, date):
            value = format_date(value)
        params[key] = value
    return QCoreApplication.translate("forms", problem.text).format(**params)


def text_of(value: Text | None) -> str:
    return value.get(current_language()) if value is not None else ""


def parse_date(text: str) -> str | None:
    """A typed date as "YYYY-MM-DD" (None when empty); what cannot be read is kept as typed,
    so the rules can say so next to the field."""
    text = text.strip()
    if not text:
        return None
    for fmt in DATE_FORMATS:
        day = QDate.fromString(text, fmt)
        if day.isValid():
            return day.toString("yyyy-MM-dd")
    return text


def show_date(value: str | None) -> str:
    day = QDate.fromString(value or "", "yyyy-MM-dd")
    return day.toString("dd/MM/yyyy") if day.isValid() else (value or "")


def _keep_place_when_hidden(widget: QWidget) -> None:
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)


class FieldWidget(QWidget):
    """A question: caption, input, help text and the message when the answer is not right."""

    changed = Signal()

    def __init__(
        self,
        field: FormField,
        parent: QWidget | None = None,
        providers: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.providers = providers  # the agency's directory, for "provider" questions
        self.caption = QLabel(wordWrap=True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.help = QLabel(text_of(field.help), wordWrap=True)
        self.help.setStyleSheet(HELP_STYLE)
        self.help.setVisible(bool(field.help))
        self.error = QLabel(wordWrap=True, objectName="fieldError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        self.error.setAccessibleName(self.tr("Problem"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.setSpacing(3)
        layout.addWidget(self.caption)
        if field.help:
            layout.addWidget(self.help)
        self.editor = self.build()
        layout.addWidget(self.editor)
        layout.addWidget(self.error)
        self.caption.setBuddy(self.focus_target())
        self.set_required(field.required)
        if field.show_when is not None:
            # A question that comes and goes keeps its place: the questions below it must not
            # move under the pointer between two clicks (a click would land on another answer).
            _keep_place_when_hidden(self)

    # -- to be provided by each kind
    def build(self) -> QWidget:
        raise NotImplementedError  # every kind of question overrides it (see KINDS)

    def value(self) -> Any:
        raise NotImplementedError  # every kind of question overrides it (see KINDS)

    def set_value(self, value: Any) -> None:
        raise NotImplementedError  # every kind of question overrides it (see KINDS)

    def focus_target(self) -> QWidget:
        return self.editor

    # -- shared
    def set_required(self, required: bool) -> None:
        label = text_of(self.field.label)
        self.caption.setText(f"{label} *" if required else label)
        self.focus_target().setAccessibleName(label)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        if message:  # once shown, its line stays when the answer is mended (nothing jumps)
            _keep_place_when_hidden(self.error)

    def _emit(self, *_args: object) -> None:
        self.changed.emit()

    def _check_text(self, text: str, limit: int) -> None:
        """Say at once, as it is typed or pasted, that a text is too long or holds a character
        that would show as an empty box: it is never cut or changed behind the person's back."""
        longest = min(self.field.max, limit) if isinstance(self.field.max, int) else limit
        problem = text_problem(text, longest)
        if problem is not None:
            self.set_error(problem_text(problem))
            self._text_error = True
        elif getattr(self, "_text_error", False):
            self._text_error = False
            self.set_error("")


class TextField(FieldWidget):
    def build(self) -> QWidget:
        self.line = QLineEdit(placeholderText=text_of(self.field.placeholder))
        self.line.textChanged.connect(lambda text: self._check_text(text, TEXT_LIMIT))
        self.line.textChanged.connect(self._emit)
        return self.line

    def value(self) -> Any:
        return self.line.text() or None

    def set_value(self, value: Any) -> None:
        self.line.setText(value if isinstance(value, str) else "")


class ProviderField(FieldWidget):
    """A service provider: picked from the agency's directory, or typed when not in it."""

    def build(self) -> QWidget:
        self.combo = QComboBox(editable=True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(list(self.providers))
        self.combo.setCurrentIndex(-1)
        self.combo.editTextChanged.connect(lambda text: self._check_text(text, TEXT_LIMIT))
        self.combo.lineEdit().setPlaceholderText(self.tr("Choose from the directory, or type"))
        self.combo.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.combo.editTextChanged.connect(self._emit)
        return self.combo

    def value(self) -> Any:
        return self.combo.currentText().strip() or None

    def set_value(self, value: Any) -> None:
        self.combo.setEditText(value if isinstance(value, str) else "")


class LongTextField(FieldWidget):
    def build(self) -> QWidget:
        self.edit = QPlainTextEdit(placeholderText=text_of(self.field.placeholder))
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.edit.textChanged.connect(
            lambda: self._check_text(self.edit.toPlainText(), LONG_TEXT_LIMIT)
        )
        self.edit.textChanged.connect(self._emit)
        return self.edit

    def value(self) -> Any:
        return self.edit.toPlainText() or None

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText(value if isinstance(value, str) else "")


class EntryField(FieldWidget):
    """The number of an entry of another list of the form (an action's goal), picked from
    that list as it stands: the choices follow the entries added, mended and removed."""

    def build(self) -> QWidget:
        self.number: int | None = None
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(30)
        self.combo.addItem(self.tr("Choose…"), None)
        self.combo.activated.connect(self._picked)
        return self.combo

    def _picked(self, index: int) -> None:
        self.number = self.combo.itemData(index)
        self._emit()

    def set_entries(self, entries: Any) -> None:
        """The entries of the list it points into, as they are now."""
        texts = (
            [_entry_text(e) for e in entries if isinstance(e, dict)]
            if isinstance(entries, list)
            else []
        )
        wanted = [self.tr("Choose…")] + [
            self.tr("{number}. {text}").format(number=n, text=text) if text else str(n)
            for n, text in enumerate(texts, start=1)
        ]
        if [self.combo.itemText(i) for i in range(self.combo.count())] != wanted:
            self.combo.blockSignals(True)
            self.combo.clear()
            for n, text in enumerate(wanted):
                self.combo.addItem(text, n or None)
                self.combo.setItemData(n, text, Qt.ItemDataRole.ToolTipRole)
            self.combo.blockSignals(False)
        self._show_number()

    def entry_removed(self, number: int) -> None:
        """Entry `number` of that list was removed: the later ones moved up by one."""
        if self.number == number:
            self.number = None
        elif self.number is not None and self.number > number:
            self.number -= 1
        self._show_number()

    def _show_number(self) -> None:
        index = self.combo.findData(self.number) if self.number is not None else 0
        self.combo.setCurrentIndex(max(index, 0))

    def value(self) -> Any:
        return self.number

    def set_value(self, value: Any) -> None:
        self.number = value if isinstance(value, int) and not isinstance(value, bool) else None
        self._show_number()


def _entry_text(entry: dict[str, Any]) -> str:
    """An entry as one line: its first text answer (a goal's words), shortened."""
    text = next((v for v in entry.values() if isinstance(v, str) and " " in v.strip()), "")
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"


class IntegerField(FieldWidget):
    def build(self) -> QWidget:
        self.line = QLineEdit(maximumWidth=140)
        low = self.field.min if isinstance(self.field.min, int) else -1_000_000
        high = self.field.max if isinstance(self.field.max, int) else 1_000_000
        self.line.setValidator(QIntValidator(min(low, 0), high, self.line))
        self.line.textChanged.connect(self._emit)
        return self.line

    def value(self) -> Any:
        text = self.line.text().strip()
        try:
            return int(text) if text else None
        except ValueError:
            return text

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))


class DateInput(QWidget):
    """A date typed as dd/mm/yyyy, or picked from a calendar (the button next to it)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(placeholderText=self.tr("dd/mm/yyyy"), maximumWidth=140)
        self.pick = QToolButton(text=self.tr("Calendar"), toolTip=self.tr("Choose on a calendar"))
        self.pick.setAccessibleName(self.tr("Choose on a calendar"))
        self.calendar = QCalendarWidget()
        # The menu pops up on a click rather than through setMenu(): the style would draw its
        # arrow inside the button, over the end of "Calendar".
        menu = QMenu(self.pick)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.menu = menu
        self.pick.clicked.connect(self._open_calendar)
        menu.aboutToShow.connect(self._show_calendar)
        self.calendar.clicked.connect(self._picked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.pick)
        layout.addStretch(1)
        self.line.textChanged.connect(self.changed)

    def _open_calendar(self) -> None:
        self.menu.popup(self.pick.mapToGlobal(self.pick.rect().bottomLeft()))
        self.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.set_iso(day.toString("yyyy-MM-dd"))
        self.menu.close()

    def _show_calendar(self) -> None:
        day = QDate.fromString(parse_date(self.line.text()) or "", "yyyy-MM-dd")
        self.calendar.setSelectedDate(day if day.isValid() else QDate.currentDate())

    def iso(self) -> str | None:
        return parse_date(self.line.text())

    def set_iso(self, value: str | None) -> None:
        self.line.setText(show_date(value))


class DateField(FieldWidget):
    def build(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.input = DateInput()
        self.input.changed.connect(self._emit)
        layout.addWidget(self.input)
        self.estimated = QCheckBox(self.tr("Estimated, from the age in years:"))
        self.age = QSpinBox(minimum=0, maximum=25, suffix=self.tr(" years"))
        self.age.setAccessibleName(self.tr("Age in years"))
        for widget in (self.estimated, self.age):
            widget.setVisible(self.field.estimated)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.age.setEnabled(False)
        self.estimated.toggled.connect(self._estimate)
        self.age.valueChanged.connect(self._from_age)
        return box

    def focus_target(self) -> QWidget:
        return self.input.line

    def _estimate(self, on: bool) -> None:
        self.age.setEnabled(on)
        self.input.line.setReadOnly(on)
        self.input.pick.setEnabled(not on)
        if on:
            self._from_age(self.age.value())
        self._emit()

    def _from_age(self, years: int) -> None:
        if self.estimated.isChecked():
            today = date.today()
            born = min(date(today.year - years, 7, 1), today)  # mid-year: off by six months at most
            self.input.set_iso(born.isoformat())

    def value(self) -> Any:
        day = self.input.iso()
        if not self.field.estimated:
            return day
        return None if day is None else {"date": day, "estimated": self.estimated.isChecked()}

    def set_value(self, value: Any) -> None:
        estimated = False
        if isinstance(value, dict):
            value, estimated = value.get("date"), bool(value.get("estimated"))
        self.estimated.blockSignals(True)
        self.estimated.setChecked(estimated and self.field.estimated)
        self.estimated.blockSignals(False)
        self.age.setEnabled(self.estimated.isChecked())
        self.input.line.setReadOnly(self.estimated.isChecked())
        if estimated and isinstance(value, str):
            born = QDate.fromString(value, "yyyy-MM-dd")
            if born.isValid():
                self.age.blockSignals(True)
                self.age.setValue(max(0, date.today().year - born.year()))
                self.age.blockSignals(False)
        self.input.set_iso(value if isinstance(value, str) else None)


class _Buttons(FieldWidget):
    """Radio buttons that can also be left unanswered."""

    def _radios(self, options: list[tuple[object, str]], columns: int = 1) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(box)
        self.options = options
        self.buttons = []
        rows = (len(options) + columns - 1) // columns
        for i, (_code, text) in enumerate(options):
            button = QRadioButton(text)
            self.group.addButton(button, i)
            grid.addWidget(button, i % rows, i // rows)
            self.buttons.append(button)
        grid.setColumnStretch(columns, 1)
        self.group.idToggled.connect(lambda _i, on: on and self._emit())
        return box

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked or self.buttons[0]

    def value(self) -> Any:
        i = self.group.checkedId()
        return self.options[i][0] if i >= 0 else None

    def set_value(self, value: Any) -> None:
        self.group.setExclusive(False)  # so that "no answer" can be shown again
        for i, button in enumerate(self.buttons):
            button.setChecked(self.options[i][0] == value and value is not None)
        self.group.setExclusive(True)


class YesNoField(_Buttons):
    def build(self) -> QWidget:
        return self._radios([(True, self.tr("Yes")), (False, self.tr("No"))], columns=2)


class ChoiceField(_Buttons):
    def build(self) -> QWidget:
        language = current_language()
        options: list[tuple[object, str]] = [
            (c.code, c.label.get(language))
            for c in self.field.choices or []
            if not isinstance(c, str)
        ]
        if len(options) <= RADIO_LIMIT:
            self.combo = None
            short = len(options) <= 5 and all(len(text) <= 16 for _c, text in options)
            return self._radios(options, columns=len(options) if short else 1)
        self.combo = QComboBox()
        self.combo.addItem(self.tr("Choose…"), None)
        for code, text in options:
            self.combo.addItem(text, code)
        self.combo.currentIndexChanged.connect(self._emit)
        return self.combo

    def focus_target(self) -> QWidget:
        return self.combo if self.combo is not None else super().focus_target()

    def value(self) -> Any:
        return self.combo.currentData() if self.combo is not None else super().value()

    def set_value(self, value: Any) -> None:
        if self.combo is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(value)))
        else:
            super().set_value(value)


class MultiChoiceField(FieldWidget):
    def build(self) -> QWidget:
        language = current_language()
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        choices = [c for c in self.field.choices or [] if not isinstance(c, str)]
        rows = (len(choices) + 1) // 2
        for i, choice in enumerate(choices):
            check = QCheckBox(choice.label.get(language))
            check.toggled.connect(self._emit)
            grid.addWidget(check, i % rows, i // rows)
            self.boxes[choice.code] = check
        grid.setColumnStretch(2, 1)
        return box

    def focus_target(self) -> QWidget:
        return next(iter(self.boxes.values()))

    def value(self) -> Any:
        return [code for code, box in self.boxes.items() if box.isChecked()] or None

    def set_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in chosen)
            box.blockSignals(False)
        self._emit()


class ConsentField(FieldWidget):
    """Who gave their agreement, how (spoken, signed, thumbprint) and when."""

    def build(self) -> QWidget:
        box = QFrame(objectName="consentBox")
        box.setStyleSheet("#consentBox { border: 1px solid #c5cbd1; border-radius: 4px; }")
        grid = QGridLayout(box)
        self.by = QLineEdit(placeholderText=self.tr("Name of the person"))
        self.by.setMaxLength(TEXT_LIMIT)
        self.by.setAccessibleName(self.tr("Name of the person"))
        self.methods = QButtonGroup(box)
        method_row = QHBoxLayout()
        labels = {
            "verbal": self.tr("Spoken"),
            "written": self.tr("Signed"),
            "thumbprint": self.tr("Thumbprint"),
        }
        self.method_buttons = []
        for i, code in enumerate(CONSENT_METHODS):
            button = QRadioButton(labels[code])
            self.methods.addButton(button, i)
            method_row.addWidget(button)
            self.method_buttons.append(button)
        method_row.addStretch(1)
        self.when = DateInput()
        # Each part is named by its caption (Alt-less buddies: read out by a screen reader, and
        # a click on the caption goes to its part).
        who, how, when = QLabel(self.tr("Who")), QLabel(self.tr("How")), QLabel(self.tr("Date"))
        who.setBuddy(self.by)
        how.setBuddy(self.method_buttons[0])
        when.setBuddy(self.when.line)
        grid.addWidget(who, 0, 0)
        grid.addWidget(self.by, 0, 1)
        grid.addWidget(how, 1, 0)
        grid.addLayout(method_row, 1, 1)
        grid.addWidget(when, 2, 0)
        grid.addWidget(self.when, 2, 1)
        grid.setColumnStretch(1, 1)
        self.by.textChanged.connect(self._emit)
        self.methods.idToggled.connect(lambda _i, on: on and self._emit())
        self.when.changed.connect(self._emit)
        self.when.set_iso(date.today().isoformat())
        return box

    def focus_target(self) -> QWidget:
        return self.by

    def value(self) -> Any:
        value = {
            "by": self.by.text(),
            "method": CONSENT_METHODS[self.methods.checkedId()]
            if self.methods.checkedId() >= 0
            else None,
            "date": self.when.iso(),
        }
        value = {k: v for k, v in value.items() if v}
        # The date is filled in for convenience: alone, it is not an answer.
        return None if set(value) <= {"date"} else value

    def set_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        self.by.setText(str(value.get("by") or ""))
        self.methods.setExclusive(False)
        for code, button in zip(CONSENT_METHODS, self.method_buttons, strict=True):
            button.setChecked(value.get("method") == code)
        self.methods.setExclusive(True)
        self.when.set_iso(value.get("date") or date.today().isoformat())


class GroupField(FieldWidget):
    """A list of entries (people, goals, options…), each a few questions; add and remove.

    Its message shows under its caption (a list can be taller than the screen), and the
    entry's question that has the problem is marked too (`mark_entry`)."""

    removed = Signal(int)  # the number of the entry removed (from 1)

    def __init__(
        self,
        field: FormField,
        parent: QWidget | None = None,
        providers: Sequence[str] = (),
    ) -> None:
        self.marked: FieldWidget | None = None
        super().__init__(field, parent, providers)
        layout = self.layout()
        layout.removeWidget(self.error)
        layout.insertWidget(layout.indexOf(self.editor), self.error)

    def set_required(self, required: bool) -> None:
        label = text_of(self.field.label)
        self.caption.setText(f"{label} *" if required else label)
        # Not the first entry's name: it keeps its own ("Name"), for a screen reader too.
        self.add_button.setAccessibleName(self.add_button.text().removeprefix("+ "))

    def set_error(self, message: str) -> None:
        super().set_error(message)
        for _frame, widgets in self.entries:
            for w in widgets:
                w.set_error("")
        self.marked = None

    def mark_entry(self, number: int, field_id: str, message: str) -> None:
        """Put `message` next to question `field_id` of entry `number` (from 1)."""
        if not 1 <= number <= len(self.entries) or not message:
            return
        for w in self.entries[number - 1][1]:
            if w.field.id == field_id:
                w.set_error(message)
                self.marked = w

    def build(self) -> QWidget:
        box = QWidget()
        self.list_layout = QVBoxLayout(box)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.entries: list[tuple[QFrame, list[FieldWidget]]] = []
        item = text_of(self.field.item_label) or text_of(self.field.label)
        if self.field.add_label is not None:
            text = "+ " + text_of(self.field.add_label)
        else:  # an agency's own list that does not say how to call its button
            text = self.tr("+ Add: {item}").format(item=item.lower())
        self.add_button = QPushButton(text)
        self.add_button.clicked.connect(self._add_clicked)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.list_layout.addLayout(row)
        return box

    def focus_target(self) -> QWidget:
        if getattr(self, "marked", None) is not None:
            return self.marked.focus_target()  # type: ignore[union-attr]
        return self.entries[0][1][0].focus_target() if self.entries else self.add_button

    def _sub_fields(self) -> list[FormField]:
        if self.field.type == "people":
            names = {
                "name": (self.tr("Name"), True),
                "relationship": (self.tr("Relationship to the child"), False),
                "contact": (self.tr("Phone or how to reach them"), False),
            }
            return [
                FormField(
                    id=part, type="text", label=Text(en=names[part][0]), required=names[part][1]
                )
                for part in PEOPLE_PARTS
            ]
        return list(self.field.fields or [])

    def _add_clicked(self) -> None:
        widgets = self._add_entry({})
        widgets[0].focus_target().setFocus()
        self._emit()

    def _add_entry(self, value: dict[str, Any]) -> list[FieldWidget]:
        frame = QFrame(objectName="groupEntry")
        frame.setStyleSheet(
            "#groupEntry { background: #f6f8fa; border: 1px solid #d8dde2; border-radius: 4px; }"
        )
        grid = QGridLayout(frame)
        title = QLabel()
        remove = QPushButton(self.tr("Remove"))
        remove.setAccessibleName(self.tr("Remove this entry"))
        grid.addWidget(title, 0, 0)
        grid.addWidget(remove, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        widgets = []
        subs = self._sub_fields()
        compact = self.field.type == "people"
        for i, sub in enumerate(subs):
            widget = make_field(sub, providers=self.providers)
            widget.set_value(value.get(sub.id))
            widget.changed.connect(self._emit)
            if compact:  # name and relationship side by side, how to reach them below
                grid.addWidget(widget, 1 + i // 2, i % 2)
            else:
                grid.addWidget(widget, 1 + i, 0, 1, 2)
            widgets.append(widget)
        entry = (frame, widgets)
        remove.clicked.connect(lambda: self._remove(entry))
        self.entries.append(entry)
        self.list_layout.insertWidget(self.list_layout.count() - 1, frame)  # above "+ Add"
        self._number()
        return widgets

    def _drop(self, frame: QFrame) -> None:
        """Out of the layout now (a later entry must not be placed among dying ones)."""
        self.list_layout.removeWidget(frame)
        frame.hide()
        frame.deleteLater()

    def _remove(self, entry: tuple[QFrame, list[FieldWidget]]) -> None:
        self.removed.emit(self.entries.index(entry) + 1)
        self.entries.remove(entry)
        self._drop(entry[0])
        self._number()
        self.add_button.setFocus()
        self._emit()

    def _number(self) -> None:
        item = text_of(self.field.item_label) or text_of(self.field.label)
        for n, (frame, _widgets) in enumerate(self.entries, start=1):
            frame.findChild(QLabel).setText(f"<b>{item} {n}</b>")

    def value(self) -> Any:
        entries = []
        for _frame, widgets in self.entries:
            entry = {w.field.id: w.value() for w in widgets}
            entry = {k: v for k, v in entry.items() if v is not None}
            if entry:
                entries.append(entry)
        return entries or None

    def set_value(self, value: Any) -> None:
        for frame, _widgets in self.entries:
            self._drop(frame)
        self.entries = []
        self.marked = None
        for entry in value if isinstance(value, list) else []:
            if isinstance(entry, dict):
                self._add_entry(entry)
        self._emit()

    def refresh(self, answers: dict[str, Any]) -> None:
        for _frame, widgets in self.entries:
            entry = {w.field.id: w.value() for w in widgets}
            for w in widgets:
                w.setVisible(field_shown(w.field, answers, entry))
                if isinstance(w, EntryField):
                    w.set_entries(answers.get(w.field.entry_of or ""))

    def entry_removed_from(self, field_id: str, number: int) -> None:
        """Entry `number` of list `field_id` is gone: answers pointing into it follow."""
        for _frame, widgets in self.entries:
            for w in widgets:
                if isinstance(w, EntryField) and w.field.entry_of == field_id:
                    w.entry_removed(number)


KINDS: dict[str, type[FieldWidget]] = {
    "text": TextField,
    "long_text": LongTextField,
    "integer": IntegerField,
    "date": DateField,
    "yes_no": YesNoField,
    "choice": ChoiceField,
    "multi_choice": MultiChoiceField,
    "people": GroupField,
    "group": GroupField,
    "consent": ConsentField,
    "provider": ProviderField,
}


def make_field(
    field: FormField, parent: QWidget | None = None, providers: Sequence[str] = ()
) -> FieldWidget:
    kind = EntryField if field.entry_of is not None else KINDS[field.type]
    return kind(field, parent, providers)

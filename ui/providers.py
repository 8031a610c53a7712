"""The agency's directory of local service providers: a filtered list beside one provider's details.

Supervisors and administrators add and correct providers here; everyone else reads the same
dialog without the editing buttons (the service checks the role again). The list and the service
types are read off the UI thread when the dialog opens and again after each save.

Why one long module: the list, its filter and the editor are one dialog whose selection, unsaved
changes and busy state must move together (leaving an edited provider asks first).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import case_flow, case_forms
from desktop.case_flow import ProviderInfo
from desktop.errors import UlinziError
from desktop.forms.definition import CHOICES_FILE, SHIPPED_FOLDER, Choice, parse_choices
from desktop.session import UserSession
from desktop.vocabulary import Role
from ui import i18n
from ui.common import fit_to_screen, show_error
from ui.form_fields import text_of
from ui.operations import Op
from ui.session_holder import SessionHolder
from ui.table_model import RowsModel

ModelIndex = QModelIndex | QPersistentModelIndex
SERVICE_LIST = "service_types"  # the shared choice list in choices.yaml
EDITORS = frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR})
NOT_IN_USE = QColor("#757575")
ERROR_STYLE = "color: #b71c1c;"
DONE_STYLE = "color: #1b5e20;"
NAME_LIMIT, CONTACT_LIMIT, PHONE_LIMIT = 200, 200, 100  # the columns' sizes
LIST_WIDTH, DETAILS_WIDTH = 680, 470  # fits a 1366x768 screen, with room to spare
COLUMN_MAX = 220  # a long list of services is cut, and whole in its tooltip


def service_types(session: UserSession) -> list[Choice]:
    """The service types in use: the agency's edited choices.yaml if it has one, else ours."""
    try:
        lists = parse_choices(CHOICES_FILE, case_forms.form_file_text(session, CHOICES_FILE))
    except UlinziError:  # an unreadable agency copy must not hide the directory
        lists = {}
    if SERVICE_LIST not in lists:
        shipped = (SHIPPED_FOLDER / CHOICES_FILE).read_text(encoding="utf-8")
        lists = parse_choices(CHOICES_FILE, shipped)
    return list(lists.get(SERVICE_LIST, []))


def folded(text: str) -> str:
    """Lower case without accents, so "education" finds "Éducation"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def can_edit_providers(session: UserSession) -> bool:
    return bool(session.user.roles & EDITORS)


def _same(a: ProviderInfo, b: ProviderInfo) -> bool:
    """Whether saving `a` over `b` would change anything (as the service tidies the texts)."""

    def tidy(p: ProviderInfo) -> tuple[object, ...]:
        return (
            " ".join(p.name.split()),
            frozenset(p.services),
            p.contact.strip(),
            p.phone.strip(),
            p.address.strip(),
            p.eligibility.strip(),
            p.active,
        )

    return tidy(a) == tidy(b)


# -- the list ------------------------------------------------------------------------------------


class ProviderTableModel(RowsModel[ProviderInfo]):
    """Every provider of the directory, in use or not, one row each. One not in use is greyed
    and says so after its name (a column of "yes" would mostly repeat itself)."""

    NAME, SERVICES, CONTACT, PHONE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(lambda provider: provider.id, parent)
        self._words: dict[str, str] = {}

    def set_providers(self, providers: list[ProviderInfo], words: dict[str, str]) -> None:
        self._words = dict(words)
        self.set_rows(providers)

    def services_text(self, provider: ProviderInfo) -> str:
        # A code the agency has since removed from its list still shows, as the code.
        return ", ".join(self._words.get(code, code) for code in provider.services)

    def search_text(self, row: int) -> str:
        """What the filter looks in: the columns, and the address and who can be referred."""
        p = self.row_at(row)
        parts = (p.name, self.services_text(p), p.contact, p.phone, p.address, p.eligibility)
        return folded(" ".join(parts))

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Services"), self.tr("Contact person"), self.tr("Phone"))

    def cell(self, provider: ProviderInfo, column: int) -> Any:
        if column == self.NAME:
            if provider.active:
                return provider.name
            return self.tr("{name} (not in use)").format(name=provider.name)
        if column == self.SERVICES:
            return self.services_text(provider)
        return provider.contact if column == self.CONTACT else provider.phone

    def muted(self, provider: ProviderInfo) -> QColor | None:
        return None if provider.active else NOT_IN_USE

    def tooltip(self, provider: ProviderInfo, column: int) -> str | None:
        if column == self.SERVICES:
            return self.services_text(provider)
        if not provider.active:
            return self.tr("Not in use: no longer offered for new referrals.")
        return None


class ProviderFilter(QSortFilterProxyModel):
    """Keeps the rows holding every word typed, in any column, the address or eligibility."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)

    def set_filter_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self._words = folded(text).split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = folded(text).split()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802
        if not self._words:
            return True
        model = self.sourceModel()
        assert isinstance(model, ProviderTableModel)
        text = model.search_text(source_row)
        return all(word in text for word in self._words)


# -- one provider --------------------------------------------------------------------------------


class _TextBox(QPlainTextEdit):
    """A few lines of text: three when there is room, two at the least."""

    def __init__(self, name: str) -> None:
        super().__init__(objectName=name)
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def _height(self, lines: int) -> int:
        margins = self.contentsMargins()
        padding = 2 * int(self.document().documentMargin()) + margins.top() + margins.bottom()
        return self.fontMetrics().lineSpacing() * lines + padding

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self._height(3))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().minimumSizeHint().width(), self._height(2))


class ProviderEditor(QWidget):
    """The details of one provider; editable for supervisors and administrators."""

    changed = Signal()
    submitted = Signal()  # Enter in a one-line field

    def __init__(self, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editable = editable
        self._id: int | None = None
        self._choices: list[Choice] = []
        self._other_codes: list[str] = []  # codes no longer in the agency's list, kept as they are
        self.service_boxes: dict[str, QCheckBox] = {}

        self.heading = QLabel(objectName="heading", wordWrap=True)
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.heading.setFont(font)
        self.name = QLineEdit(objectName="name", maxLength=NAME_LIMIT)
        self.services = QWidget(objectName="services")
        self.services_grid = QGridLayout(self.services)
        self.services_grid.setContentsMargins(0, 0, 0, 0)
        self.services_grid.setHorizontalSpacing(16)
        self.services_text = QLabel(objectName="servicesText", wordWrap=True)
        self.contact = QLineEdit(objectName="contact", maxLength=CONTACT_LIMIT)
        self.phone = QLineEdit(objectName="phone", maxLength=PHONE_LIMIT)
        self.address = _TextBox("address")
        self.eligibility = _TextBox("eligibility")
        self.eligibility.setPlaceholderText(
            self.tr("e.g. girls under 18 in Gasabo; free of charge")
        )
        self.active = QCheckBox(self.tr("In &use for new referrals"), objectName="active")
        self.active_text = QLabel(objectName="activeText")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above their fields, as in the forms: French labels are long, the pane narrow.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.tr("Na&me"), self.name)
        form.addRow(self.tr("Services"), self.services if editable else self.services_text)
        form.addRow(self.tr("&Contact person"), self.contact)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("A&ddress"), self.address)
        form.addRow(self.tr("Who can be &referred"), self.eligibility)
        if editable:
            form.addRow(self.active)
        else:
            form.addRow(self.tr("In use"), self.active_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addStretch()

        for edit in (self.name, self.contact, self.phone):
            edit.setReadOnly(not editable)
            edit.textChanged.connect(self.changed)
            edit.returnPressed.connect(self.submitted)
        for box in (self.address, self.eligibility):
            box.setReadOnly(not editable)
            box.textChanged.connect(self.changed)
        self.active.toggled.connect(self.changed)
        if not editable:
            self.active.hide()
            self.services.hide()
            # Read, not typed into: no box around the text (it can still be selected and copied).
            for edit in (self.name, self.contact, self.phone):
                edit.setFrame(False)
            for box in (self.address, self.eligibility):
                box.setFrameShape(QFrame.Shape.NoFrame)
            for widget in (self.name, self.contact, self.phone, self.address, self.eligibility):
                palette = widget.palette()
                palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
                widget.setPalette(palette)
        self.show_provider(None)

    # -- services ------------------------------------------------------------------------------
    def set_service_types(self, choices: list[Choice]) -> None:
        """The boxes to tick, one per service type, in two columns."""
        if [(c.code, c.label) for c in choices] != [(c.code, c.label) for c in self._choices]:
            self._choices = list(choices)
            self._other_codes = []
            self._build_boxes(set(), rebuild=True)

    def _words(self) -> dict[str, str]:
        return {c.code: text_of(c.label) for c in self._choices}

    def _build_boxes(self, ticked: set[str], rebuild: bool = False) -> None:
        codes = [c.code for c in self._choices] + self._other_codes
        if not rebuild and codes == list(
            self.service_boxes
        ):  # the same boxes: only the ticks change
            for code, box in self.service_boxes.items():
                box.blockSignals(True)
                box.setChecked(code in ticked)
                box.blockSignals(False)
            return
        for box in self.service_boxes.values():
            self.services_grid.removeWidget(box)
            box.deleteLater()
        self.service_boxes = {}
        words = self._words()
        half = (len(codes) + 1) // 2
        for position, code in enumerate(codes):
            box = QCheckBox(words.get(code, code).replace("&", "&&"), objectName=f"service_{code}")
            box.setChecked(code in ticked)
            box.setEnabled(self.editable)
            box.toggled.connect(self.changed)
            self.services_grid.addWidget(box, position % half, position // half)
            self.service_boxes[code] = box
        self._chain_tab_order()

    def _chain_tab_order(self) -> None:
        chain = [self.name, *self.service_boxes.values(), self.contact, self.phone]
        chain += [self.address, self.eligibility, self.active]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- between the widgets and a provider ----------------------------------------------------
    def show_provider(self, provider: ProviderInfo | None) -> None:
        """Show `provider`, or an empty form for a new one (None)."""
        provider = provider or ProviderInfo(None, "")
        self._id = provider.id
        known = {c.code for c in self._choices}
        self._other_codes = [code for code in provider.services if code not in known]
        widgets = (self.name, self.contact, self.phone, self.address, self.eligibility, self.active)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self._build_boxes(set(provider.services))
            self.name.setText(provider.name)
            self.contact.setText(provider.contact)
            self.phone.setText(provider.phone)
            self.address.setPlainText(provider.address)
            self.eligibility.setPlainText(provider.eligibility)
            self.active.setChecked(provider.active)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        words = self._words()
        self.services_text.setText(", ".join(words.get(c, c) for c in provider.services) or "-")
        self.active_text.setText(
            self.tr("Yes") if provider.active else self.tr("No: not offered for new referrals")
        )
        if provider.id is None:
            self.heading.setText(self.tr("New provider"))
        elif provider.active:
            self.heading.setText(provider.name)
        else:
            self.heading.setText(self.tr("{name} (not in use)").format(name=provider.name))

    def provider(self) -> ProviderInfo:
        """What the form says now."""
        order = [c.code for c in self._choices] + self._other_codes
        return ProviderInfo(
            self._id,
            self.name.text(),
            tuple(code for code in order if self.service_boxes[code].isChecked()),
            self.contact.text(),
            self.phone.text(),
            self.address.toPlainText(),
            self.eligibility.toPlainText(),
            self.active.isChecked(),
        )

    def provider_id(self) -> int | None:
        return self._id


# -- the dialog ----------------------------------------------------------------------------------


class ProvidersDialog(QDialog):
    """The directory of service providers: find one, read its details, add or correct one."""

    loaded = Signal()  # the list was (re)read from the store
    saved = Signal(object)  # ProviderInfo, as stored

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        holder.locked.connect(self.close_now)
        self.editable = can_edit_providers(holder.session)
        self.is_busy = False
        self._shown = ProviderInfo(None, "")  # what the editor showed before any typing
        self._reverting = False  # while the dialog itself moves the selection
        self._filled = False  # the first reading of the directory has arrived
        self._focus: QWidget | None = None
        self.setWindowTitle(self.tr("Service providers"))

        intro = QLabel(
            self.tr(
                "Local organisations the agency refers children and families to. Supervisors "
                "and administrators keep this list up to date."
            )
            if self.editable
            else self.tr(
                "Local organisations the agency refers children and families to. Ask your "
                "supervisor to add a provider or correct one."
            ),
            wordWrap=True,
            objectName="intro",
        )

        self.filter = QLineEdit(objectName="filter", clearButtonEnabled=True)
        self.filter.setPlaceholderText(self.tr("Name, service, place…"))
        filter_label = QLabel(self.tr("&Find"))
        filter_label.setBuddy(self.filter)
        self.model = ProviderTableModel(self)
        self.proxy = ProviderFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(objectName="providers")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ProviderTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the details
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.empty = QLabel(objectName="empty", wordWrap=True)
        self.filter.textChanged.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.activated.connect(lambda _index: self._details_first_field().setFocus())

        find_row = QHBoxLayout()
        find_row.addWidget(filter_label)
        find_row.addWidget(self.filter, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(find_row)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        # Only those who may change the directory get the buttons that change it.
        self.new_button: QPushButton | None = None
        self.save_button: QPushButton | None = None
        if self.editable:
            self.new_button = QPushButton(self.tr("&New provider"), objectName="newProvider")
            self.save_button = QPushButton(self.tr("&Save"), objectName="save")
            self.new_button.clicked.connect(self.new_provider)
            self.save_button.clicked.connect(lambda: self.save())
            new_row = QHBoxLayout()
            new_row.addWidget(self.new_button)
            new_row.addStretch()
            left_layout.addLayout(new_row)

        self.editor = ProviderEditor(self.editable)
        self.editor.changed.connect(self._edited)
        self.message = QLabel(objectName="message", wordWrap=True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(12, 0, 0, 0)
        right_layout.addWidget(self.editor, 1)
        right_layout.addWidget(self.message)

        if self.save_button is not None:
            self.editor.submitted.connect(lambda: self.save())
            save_row = QHBoxLayout()
            save_row.addStretch()
            save_row.addWidget(self.save_button)
            right_layout.addLayout(save_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([LIST_WIDTH, DETAILS_WIDTH])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("close")
        self.buttons.rejected.connect(self.reject)
        self.busy = QLabel(objectName="busy")
        self.status = QLabel(objectName="status", wordWrap=True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.busy)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        # Enter saves from a one-line field (see ProviderEditor.submitted) and never presses a
        # button by surprise; Escape closes.
        for button in (self.new_button, self.save_button, self.close_button):
            if button is not None:
                button.setAutoDefault(False)
                button.setDefault(False)
        # The list and what acts on it, then the details (the editor chains its own fields).
        before = [self.filter, self.table, self.new_button, self.editor.name]
        last = self.editor.active if self.editable else self.editor.eligibility
        after = [last, self.save_button, self.close_button]
        for chain in (before, after):
            present = [w for w in chain if w is not None]
            for first, second in zip(present, present[1:], strict=False):
                QWidget.setTabOrder(first, second)

        fit_to_screen(self, QSize(LIST_WIDTH + DETAILS_WIDTH + 30, 640), share=0.75)
        self._set_busy(True, self.tr("Reading the directory…"))
        self._update_buttons()
        self.reload()

    # -- reading -------------------------------------------------------------------------------
    def reload(self, select: int | None = None, then: Callable[[], None] | None = None) -> None:
        """Read the directory and the service types again; select provider `select` after."""
        session = self.holder.session

        def read() -> tuple[list[Choice], list[ProviderInfo]]:
            return service_types(session), case_flow.providers(session, active_only=False)

        def done(result: tuple[list[Choice], list[ProviderInfo]]) -> None:
            self._set_busy(False, "")
            choices, providers = result
            self._fill(choices, providers, select)
            self.loaded.emit()
            if then is not None:
                then()

        self._set_busy(True, self.busy.text() or self.tr("Reading the directory…"))

        def failed(error: Exception) -> None:
            self._set_busy(False, "")
            show_error(self, error)

        Op(self, read).on_success(done).on_failure(failed).run()

    def _fill(
        self, choices: list[Choice], providers: list[ProviderInfo], select: int | None
    ) -> None:
        first_time = not self._filled
        self._filled = True
        self.editor.set_service_types(choices)
        self.model.set_providers(providers, {c.code: text_of(c.label) for c in choices})
        self._size_columns()
        self._update_empty()
        keep = select if select is not None else self._shown.id
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and first_time and self.proxy.rowCount() > 0:
            row = self.proxy.mapToSource(self.proxy.index(0, 0)).row()
        if row >= 0:
            self._show_row(row)
        else:
            self._select_shown_none()
            self._show(ProviderInfo(None, ""))
        if first_time:  # an empty directory starts with its first provider's name
            start = self.editor.name if self.editable and row < 0 else self.filter
            start.setFocus()

    def _size_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):  # a little air, and no giant column
            header.resizeSection(column, min(COLUMN_MAX, header.sectionSize(column) + 16))
        # The services give way when the list is narrow (whole in their tooltip): the phone
        # number, last, must not be the column that is cut (longer headers in French).
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ProviderTableModel.SERVICES, QHeaderView.ResizeMode.Stretch)

    def _update_empty(self) -> None:
        if self.model.rowCount() == 0:
            text = (
                self.tr("No providers yet: fill in the first one on the right.")
                if self.editable
                else self.tr("No providers yet.")
            )
        elif self.proxy.rowCount() == 0:
            text = self.tr("No provider matches “{text}”.").format(text=self.filter.text().strip())
        else:
            text = ""
        self.empty.setText(text)
        self.empty.setVisible(bool(text))

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_empty()

    # -- selection -----------------------------------------------------------------------------
    def selected_provider(self) -> ProviderInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def shown_provider(self) -> ProviderInfo:
        """The provider in the editor as last read or saved (id None for a new one)."""
        return self._shown

    def select(self, provider_id: int) -> bool:
        """Select a provider in the list and show its details (asks first about unsaved edits)."""
        row = self.model.row_of(provider_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # hidden by the filter
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        return self._shown.id == provider_id

    def _selection_changed(self) -> None:
        if self._reverting:
            return
        chosen = self.selected_provider()
        if chosen is None or chosen.id == self._shown.id:
            return
        target = chosen.id
        self._leave_then(lambda: self._show_id(target), self._select_shown)

    def _show_id(self, provider_id: int | None) -> None:
        row = self.model.row_of(provider_id)
        if row >= 0:
            self._show_row(row)

    def _show_row(self, row: int) -> None:
        """Show the provider of source row `row`, selected in the list."""
        self._reverting = True
        try:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.table.selectRow(index.row())
                self.table.scrollTo(index)
            else:
                self.table.clearSelection()
        finally:
            self._reverting = False
        self._show(self.model.row_at(row))

    def _select_shown(self) -> None:
        """Put the selection back on the provider whose details are shown."""
        self._reverting = True
        try:
            row = self.model.row_of(self._shown.id) if self._shown.id is not None else -1
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
            if index is not None and index.isValid():
                self.table.selectRow(index.row())
            else:
                self.table.clearSelection()
        finally:
            self._reverting = False

    def _show(self, provider: ProviderInfo) -> None:
        self._shown = provider
        self.editor.show_provider(provider)
        self.message.clear()
        self._update_buttons()

    def _details_first_field(self) -> QWidget:
        return self.editor.name

    # -- editing -------------------------------------------------------------------------------
    def is_changed(self) -> bool:
        return self.editable and not _same(self.editor.provider(), self._shown)

    def _edited(self) -> None:
        self.message.clear()
        self.status.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        if self.save_button is not None and self.new_button is not None:
            self.save_button.setEnabled(not self.is_busy and self.is_changed())
            self.new_button.setEnabled(not self.is_busy)

    def new_provider(self) -> None:
        """An empty form for a provider not in the directory yet."""
        if not self.editable:
            return

        def start() -> None:
            self._select_shown_none()
            self._show(ProviderInfo(None, ""))
            self.status.clear()
            self.editor.name.setFocus()

        self._leave_then(start, lambda: None)

    def _select_shown_none(self) -> None:
        self._reverting = True
        try:
            self.table.clearSelection()
        finally:
            self._reverting = False

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Write the editor's provider; the list is read again and the provider selected."""
        if not self.editable or self.is_busy:
            return
        info = self.editor.provider()
        if not " ".join(info.name.split()):
            self.show_message(self.tr("Type the provider's name."))
            self.editor.name.setFocus()
            return
        if not info.services:
            self.show_message(self.tr("Tick at least one service this provider offers."))
            boxes = list(self.editor.service_boxes.values())
            if boxes:
                boxes[0].setFocus()
            return
        if not self.is_changed() and info.id is not None:
            if then is not None:
                then()
            return
        session, is_new = self.holder.session, info.id is None

        def done(result: ProviderInfo) -> None:
            self._set_busy(False, "")
            self._shown = result  # so the reload keeps it selected, and nothing is "unsaved"
            text = (
                self.tr("{name} was added to the directory.")
                if is_new
                else self.tr("The changes to {name} were saved.")
            ).format(name=result.name)
            self.saved.emit(result)

            def after() -> None:
                self.show_status(text, DONE_STYLE)
                if then is not None:
                    then()

            self.reload(select=result.id, then=after)

        def failed(error: Exception) -> None:
            self._save_failed(error)
            self._select_shown()

        self.message.clear()
        self._set_busy(True, self.tr("Saving…"))
        Op(self, lambda: case_flow.save_provider(session, info)).writes().on_success(
            done
        ).on_failure(failed).run()

    def _save_failed(self, error: Exception) -> None:
        self._set_busy(False, "")
        if isinstance(error, UlinziError):  # a duplicate name, a refusal: next to the form
            self.show_message(i18n.error_text(error))
            self.editor.name.setFocus()
        else:
            show_error(self, error)

    def show_message(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    def show_status(self, text: str, style: str = "") -> None:
        self.status.setStyleSheet(style)
        self.status.setText(text)

    def _set_busy(self, busy: bool, text: str) -> None:
        self.is_busy = busy
        focused = QApplication.focusWidget()
        if busy and self._focus is None and focused is not None and self.isAncestorOf(focused):
            self._focus = focused
        self.splitter.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        self.busy.setText(text if busy else "")
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
            self.status.clear()
        else:
            self.unsetCursor()
            focus, self._focus = self._focus, None
            if focus is not None and focus.isEnabled() and focus.isVisible():
                focus.setFocus()
        self._update_buttons()

    # -- unsaved changes and closing -----------------------------------------------------------
    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel, for a provider changed but not saved."""
        name = " ".join(self.editor.name.text().split()) or self.tr("the new provider")
        return QMessageBox.question(
            self,
            self.tr("Service providers"),
            self.tr("The details of {name} were changed but not saved. Save them now?").format(
                name=name
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def _leave_then(self, proceed: Callable[[], None], stay: Callable[[], None]) -> None:
        """Run `proceed` once the editor's changes are saved or dropped; `stay` on Cancel."""
        if not self.is_changed():
            proceed()
            return
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Discard:
            proceed()
        elif answer == QMessageBox.StandardButton.Save:
            stay()  # the selection shows what is being saved until it is
            self.save(then=proceed)
        else:
            stay()

    def reject(self) -> None:
        """Escape and Close: wait for a save under way; do not drop typed changes silently."""
        if self.is_busy:
            return
        self._leave_then(super().reject, lambda: None)

    def close_now(self) -> None:
        """Close without asking (e.g. when the screen locks); unsaved changes are dropped."""
        super().reject()

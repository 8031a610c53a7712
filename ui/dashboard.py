"""The Dashboard for supervisors and managers: the Standard 15 indicators as tiles (figure,
numerator and denominator, the agency's target, a trend over 12 periods), caseload per
caseworker as bars against the 15–30 band, and the overdue work by kind.

Figures are computed off the window's thread (`desktop.indicators.dashboard`). Every tile takes
the keyboard focus; Enter, Space or a click lists the cases behind the figure (those the person
may see), and a case opens from there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import indicators
from desktop.errors import QT_TRANSLATE_NOOP
from desktop.indicators import CaseBehind, Dashboard, Figure, Period, Scope
from desktop.vocabulary import Role
from ui.common import NEXT_ACTIONS, fit_to_screen, format_date, label, show_error
from ui.operations import SessionOp
from ui.session_holder import SessionHolder

GOOD = QColor("#2e7d32")
BAD = QColor("#c62828")
LINE = QColor("#1565c0")
BAND = QColor("#e8f5e9")

PERIOD_KINDS = {
    "month": QT_TRANSLATE_NOOP("dashboard", "Month"),
    "quarter": QT_TRANSLATE_NOOP("dashboard", "Quarter"),
    "year": QT_TRANSLATE_NOOP("dashboard", "Year"),
}
SCOPES = {
    Scope.AGENCY: QT_TRANSLATE_NOOP("dashboard", "The whole agency"),
    Scope.TEAM: QT_TRANSLATE_NOOP("dashboard", "My team"),
    Scope.OWN: QT_TRANSLATE_NOOP("dashboard", "My own cases"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("dashboard", text)


def _indicator(text: str) -> str:
    return QCoreApplication.translate("indicators", text)


def number(value: float) -> str:
    """A number as the person's language writes it (QLocale): 0.5 in English, 0,5 in French."""
    if float(value).is_integer():
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "g", 6)


def period_name(p: Period) -> str:
    """How a period reads on screen: "Nov 2026", "2026 Q4", "2026"."""
    if p.kind == "month":
        return format_date(p.start).split(" ", 1)[1]
    if p.kind == "quarter":
        return f"{p.start.year} Q{(p.start.month - 1) // 3 + 1}"
    if p.kind == "year":
        return str(p.start.year)
    return f"{format_date(p.start)} – {format_date(p.end)}"


def figure_text(f: Figure) -> str:
    """The figure as a tile shows it: "25%", "Yes", "No", or a dash when nothing counts."""
    if f.definition.kind == "yes_no":
        if f.fact is None:
            return (
                _tr(QT_TRANSLATE_NOOP("dashboard", "Not recorded")) if f.numerator is None else "–"
            )
        return (
            _tr(QT_TRANSLATE_NOOP("dashboard", "Yes"))
            if f.fact
            else _tr(QT_TRANSLATE_NOOP("dashboard", "No"))
        )
    if f.percent is None:
        return "–"
    return _tr(QT_TRANSLATE_NOOP("dashboard", "{n}%")).format(n=number(round(f.percent)))


def ratio_text(f: Figure) -> str:
    if f.numerator is None or f.denominator is None:
        if f.checked_on is not None:
            return _tr(QT_TRANSLATE_NOOP("dashboard", "checked on {date}")).format(
                date=format_date(f.checked_on)
            )
        return _tr(QT_TRANSLATE_NOOP("dashboard", "Record it in Administration"))
    return _tr(QT_TRANSLATE_NOOP("dashboard", "{n} of {d}")).format(
        n=number(f.numerator), d=number(f.denominator)
    )


class Sparkline(QWidget):
    """A figure over the last periods: a line from 0 to 100, gaps where nothing counted, the
    target as a dotted line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[float | None] = []
        self.target: float | None = None
        self.setMinimumHeight(28)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(120, 30)

    def set_values(self, values: list[float | None], target: float | None) -> None:
        self.values, self.target = values, target
        self.update()

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        if not self.values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(3, 3, -3, -3)
        step = box.width() / max(len(self.values) - 1, 1)

        def at(i: int, v: float) -> QPointF:
            return QPointF(box.left() + i * step, box.bottom() - box.height() * v / 100.0)

        if self.target is not None:
            painter.setPen(QPen(QColor("#9e9e9e"), 1, Qt.PenStyle.DotLine))
            y = at(0, self.target).y()
            painter.drawLine(QPointF(box.left(), y), QPointF(box.right(), y))
        painter.setPen(QPen(LINE, 1.6))
        path, drawing = QPainterPath(), False
        for i, v in enumerate(self.values):
            if v is None:
                drawing = False
                continue
            if drawing:
                path.lineTo(at(i, v))
            else:
                path.moveTo(at(i, v))
                drawing = True
            painter.drawEllipse(at(i, v), 1.2, 1.2)
        painter.drawPath(path)
        last = self.values[-1]
        if last is not None:
            painter.setBrush(LINE)
            painter.drawEllipse(at(len(self.values) - 1, last), 3, 3)
        painter.end()


class Tile(QFrame):
    """One indicator: its code and name, the figure, numerator of denominator, the target and
    the trend. Focus it and press Enter (or click) for the cases behind it."""

    chosen = Signal(str)

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=f"tile-{code}")
        self.code = code
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = QLabel(wordWrap=True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.figure = QLabel(objectName="figure")
        big = QFont(self.figure.font())
        big.setPointSize(big.pointSize() + 8)
        big.setBold(True)
        self.figure.setFont(big)
        self.ratio = QLabel(objectName="ratio", wordWrap=True)
        self.target = QLabel(objectName="target")
        self.target.setStyleSheet("color: #555;")
        self.sparkline = Sparkline()
        numbers = QHBoxLayout()
        numbers.addWidget(self.figure)
        side = QVBoxLayout()
        side.addWidget(self.ratio)
        side.addWidget(self.target)
        numbers.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(numbers)
        layout.addWidget(self.sparkline)
        self.setStyleSheet(
            "Tile { background: palette(base); } Tile:focus { border: 2px solid #1565c0; }"
        )

    def show_figure(self, f: Figure, trend: list[float | None], weights: dict[str, float]) -> None:
        definition = f.definition
        self.title.setText(f"{f.code}  {_indicator(definition.title)}")
        self.figure.setText(figure_text(f))
        self.ratio.setText(ratio_text(f))
        target = f.target
        self.target.setText(
            _tr(QT_TRANSLATE_NOOP("dashboard", "Target: {n}%")).format(n=number(target))
            if target
            else ""
        )
        if target is not None and f.percent is not None:
            self.figure.setStyleSheet(f"color: {(GOOD if f.percent >= target else BAD).name()};")
        elif f.definition.kind == "yes_no" and f.fact is not None:
            self.figure.setStyleSheet(f"color: {(GOOD if f.fact else BAD).name()};")
        else:
            self.figure.setStyleSheet("")
        self.sparkline.set_values(trend, target)
        rule = _indicator(definition.rule)
        if f.code == "15.7":
            rule = rule.format(**{k: number(v) for k, v in weights.items()})
        self.setToolTip(rule)
        self.setAccessibleName(f"{f.code} {_indicator(definition.title)}: {figure_text(f)}")
        self.setAccessibleDescription(f"{ratio_text(f)}. {rule}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.chosen.emit(self.code)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit(self.code)
            return
        super().keyPressEvent(event)


class CaseloadBars(QWidget):
    """Each caseworker's weighted caseload as a bar, the 15–30 band shaded behind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="caseloadBars")
        self.rows: list[tuple[str, float, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_rows(self, rows: list[tuple[str, float, int]]) -> None:
        self.rows = rows
        self.setMinimumHeight(10 + 22 * max(len(rows), 1))
        self.setAccessibleDescription(
            "; ".join(
                f"{name}: {number(weighted)} ({number(cases)})" for name, weighted, cases in rows
            )
        )
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(360, 10 + 22 * max(len(self.rows), 1))

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        metrics = self.fontMetrics()
        names = max((metrics.horizontalAdvance(n) for n, _, _ in self.rows), default=0)
        left = min(names + 10, self.width() // 3)
        room = max(self.width() - left - 80, 10)
        top = max([40.0, *(w for _, w, _ in self.rows)])
        low, high = indicators.CASELOAD_BAND
        band = QRectF(left + room * low / top, 0, room * (high - low) / top, self.height())
        painter.fillRect(band, BAND)
        for i, (name, weighted, cases) in enumerate(self.rows):
            y = 5 + 22 * i
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, left - 8)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(0, y, left - 6, 18), Qt.AlignmentFlag.AlignRight, shown)
            width = room * weighted / top
            within = low <= weighted <= high
            painter.fillRect(QRectF(left, y + 2, width, 14), GOOD if within else BAD)
            painter.drawText(  # weighted, and the open cases it counts
                QRectF(left + width + 4, y, 80, 18),
                Qt.AlignmentFlag.AlignLeft,
                f"{number(weighted)} ({number(cases)})",
            )
        painter.end()


class CasesBehindDialog(QDialog):
    """The cases behind a figure, those counted marked; Enter or a double click opens one."""

    open_case = Signal(str)

    def __init__(self, title: str, rows: list[CaseBehind], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="casesBehind")
        self.setWindowTitle(title)
        self.rows = rows
        columns = [
            _tr(QT_TRANSLATE_NOOP("dashboard", "Case")),
            _tr(QT_TRANSLATE_NOOP("dashboard", "Child")),
            _tr(QT_TRANSLATE_NOOP("dashboard", "Caseworker")),
            _tr(QT_TRANSLATE_NOOP("dashboard", "Counted")),
        ]
        self.table = QTableWidget(len(rows), len(columns), objectName="casesBehindTable")
        self.table.setHorizontalHeaderLabels(columns)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for r, c in enumerate(rows):
            cells = (
                c.case_number,
                c.child_name,
                c.caseworker,
                _tr(QT_TRANSLATE_NOOP("dashboard", "yes")) if c.counted else "",
            )
            for column, text in enumerate(cells):
                self.table.setItem(r, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        note = QLabel(
            _tr(
                QT_TRANSLATE_NOOP(
                    "dashboard",
                    "{n} cases you may see. Double-click one, or press Enter, to open it.",
                )
            ).format(n=len(rows))
            if rows
            else _tr(QT_TRANSLATE_NOOP("dashboard", "No case you may see is behind this figure.")),
            wordWrap=True,
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(
            _tr(QT_TRANSLATE_NOOP("dashboard", "&Close"))
        )
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        fit_to_screen(self, QSize(720, 480))
        if rows:
            self.table.selectRow(0)
        self.table.setFocus()

    def _open(self, index: object) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.open_case.emit(self.rows[row].uuid)
            self.accept()


class DashboardWidget(QWidget):
    """The indicators of a period for a scope (see the module's docstring)."""

    open_case = Signal(str)

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="dashboard")
        self.holder = holder
        holder.locked.connect(self.clear)
        self.data: Dashboard | None = None
        self.kind = QComboBox(objectName="periodKind")
        for code, text in PERIOD_KINDS.items():
            self.kind.addItem(_tr(text), code)
        self.period = QComboBox(objectName="period")
        self.period.setAccessibleName(self.tr("Which month, quarter or year"))
        self.scope = QComboBox(objectName="scope")
        for scope in indicators.scopes_for(holder.session.user.roles):
            if scope != Scope.OWN:
                self.scope.addItem(_tr(SCOPES[scope]), scope.value)
        self.kind_label = kind_label = QLabel(self.tr("&Period"))
        kind_label.setBuddy(self.kind)
        self.scope_label = scope_label = QLabel(self.tr("&Whose cases"))
        scope_label.setBuddy(self.scope)
        self.refresh_button = QPushButton(self.tr("&Refresh"), objectName="refreshDashboard")
        self.refresh_button.clicked.connect(self.refresh)
        self.monthly_button = QPushButton(self.tr("&Monthly return…"), objectName="monthlyReturn")
        self.monthly_button.clicked.connect(self.make_monthly_return)
        self.status = QLabel(objectName="dashboardStatus")
        self.status.setStyleSheet("color: #555;")
        bar = QHBoxLayout()
        for w in (kind_label, self.kind, self.period, scope_label, self.scope):
            bar.addWidget(w)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.monthly_button)
        # Managers: every case, de-identified, for M&E (ui/deidentified.py).
        # Made with its parent: a button shown without one is a window of its own, which
        # flashed on screen and took the keyboard from the main window.
        self.export_button = QPushButton(
            self.tr("E&xport for M&&E…"), self, objectName="exportDeidentified"
        )
        self.export_button.clicked.connect(self.export_deidentified)
        bar.addWidget(self.export_button)
        self.export_button.setVisible(Role.MANAGER in holder.session.user.roles)

        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        grid.setSpacing(6)
        for i, code in enumerate(indicators.CODES):
            tile = Tile(code)
            tile.chosen.connect(self.show_cases)
            self.tiles[code] = tile
            grid.addWidget(tile, i // 4, i % 4)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        # Wrapped within its column: in French it is longer than the column is wide.
        self.caseload_heading = QLabel(objectName="caseloadHeading", wordWrap=True)
        self.bars = CaseloadBars()
        self.overdue_heading = QLabel(self.tr("Overdue work by kind"))
        self.overdue = QTableWidget(0, 2, objectName="overdueByKind")
        self.overdue.setHorizontalHeaderLabels([self.tr("What"), self.tr("Overdue")])
        self.overdue.verticalHeader().setVisible(False)
        self.overdue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overdue.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.overdue.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        for heading in (self.caseload_heading, self.overdue_heading):
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
        lower = QHBoxLayout()
        lower.setSpacing(24)  # the two headings read as two
        left = QVBoxLayout()
        left.addWidget(self.caseload_heading)
        left.addWidget(self.bars)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.overdue_heading)
        right.addWidget(self.overdue, 1)
        lower.addLayout(left, 3)
        lower.addLayout(right, 2)

        page = QWidget()
        content = QVBoxLayout(page)
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(grid)
        content.addLayout(lower, 1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

        self.kind.currentIndexChanged.connect(self._fill_periods)
        self._fill_periods()
        self.period.currentIndexChanged.connect(self.refresh)
        self.scope.currentIndexChanged.connect(self.refresh)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "tiles"):
            for i in range(self.kind.count()):
                self.kind.setItemText(i, _tr(PERIOD_KINDS[self.kind.itemData(i)]))
            for i in range(self.scope.count()):
                self.scope.setItemText(i, _tr(SCOPES[Scope(self.scope.itemData(i))]))
            for i in range(self.period.count()):
                self.period.setItemText(i, period_name(Period.parse(self.period.itemData(i))))
            self.kind_label.setText(self.tr("&Period"))
            self.period.setAccessibleName(self.tr("Which month, quarter or year"))
            self.scope_label.setText(self.tr("&Whose cases"))
            self.refresh_button.setText(self.tr("&Refresh"))
            self.monthly_button.setText(self.tr("&Monthly return…"))
            self.export_button.setText(self.tr("E&xport for M&&E…"))
            self.overdue_heading.setText(self.tr("Overdue work by kind"))
            self.overdue.setHorizontalHeaderLabels([self.tr("What"), self.tr("Overdue")])
            if self.data is not None:
                self._show(self.data)
        super().changeEvent(event)

    def chosen_period(self) -> Period:
        return Period.parse(self.period.currentData())

    def chosen_scope(self) -> Scope:
        return Scope(self.scope.currentData())

    def _fill_periods(self) -> None:
        current = Period.current(self.kind.currentData())
        self.period.blockSignals(True)
        self.period.clear()
        for p in reversed(current.trend(12)):
            self.period.addItem(period_name(p), p.code)
        self.period.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        if self.scope.count() == 0 or self.period.count() == 0:
            return
        period, scope = self.chosen_period(), self.chosen_scope()
        self.status.setText(self.tr("Counting…"))
        self.refresh_button.setEnabled(False)
        SessionOp(self, self.holder, lambda us: indicators.dashboard(us, period, scope)).on_success(
            self._show
        ).on_failure(self._failed).run()

    def _failed(self, error: Exception) -> None:
        self.refresh_button.setEnabled(True)
        self.status.clear()
        show_error(self, error)

    def _show(self, data: Dashboard) -> None:
        self.refresh_button.setEnabled(True)
        if data.current.period != self.chosen_period() or data.current.scope != self.chosen_scope():
            return  # another period was chosen meanwhile: its figures are on their way
        self.data = data
        report = data.current
        self.status.setText(
            self.tr("{period}; the lines show the last 12 periods.").format(
                period=period_name(report.period)
            )
        )
        for f in report.figures:
            self.tiles[f.code].show_figure(f, data.trend(f.code), report.weights)
        caseload = report.figure("15.7")
        self.caseload_heading.setText(
            self.tr(
                "Caseload per caseworker, weighted by risk (high {high}, medium {medium}, "
                "low {low}); the band is 15 to 30"
            ).format(**{k: number(v) for k, v in report.weights.items()})
        )
        self.bars.set_rows([(w.name, w.weighted, w.open_cases) for w in caseload.workers])
        overdue = sorted(data.overdue.items(), key=lambda kv: -kv[1])
        self.overdue.setRowCount(len(overdue))
        for r, (kind, n) in enumerate(overdue):
            self.overdue.setItem(r, 0, QTableWidgetItem(label(NEXT_ACTIONS, kind)))
            count = QTableWidgetItem(str(n))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.overdue.setItem(r, 1, count)

    def show_cases(self, code: str) -> None:
        """The cases behind a tile's figure, as far as this person may see them."""
        if self.data is None:
            return
        f = self.data.current.figure(code)
        if not f.case_ids and (f.workers or f.numerator is None):
            return  # about caseworkers (the bars show them) or the agency: no case behind it
        title = f"{f.code} {_indicator(f.definition.title)}"

        def show(rows: list[CaseBehind]) -> None:
            dialog = CasesBehindDialog(title, rows, self)
            dialog.open_case.connect(self.open_case)
            dialog.exec()

        ids, met = f.case_ids, f.met_case_ids
        SessionOp(self, self.holder, lambda us: indicators.cases_behind(us, ids, met)).on_success(
            show
        ).run()

    def make_monthly_return(self) -> None:
        """Ask for the month and the file (ui/monthly_return.py); say where it was saved."""
        from ui.monthly_return import MonthlyReturnDialog

        scope = self.chosen_scope() if self.scope.count() else None
        dialog = MonthlyReturnDialog(self.holder, scope, self)
        dialog.saved.connect(
            lambda path: self.status.setText(
                self.tr("The monthly return is saved: {path}").format(path=path)
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def export_deidentified(self) -> None:
        from ui.deidentified import DeidentifiedExportDialog  # only for those who export

        DeidentifiedExportDialog(self.holder, self).exec()

    def clear(self) -> None:
        self.data = None
        for tile in self.tiles.values():
            tile.figure.clear()
            tile.ratio.clear()
            tile.sparkline.set_values([], None)
        self.bars.set_rows([])
        self.overdue.setRowCount(0)

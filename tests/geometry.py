"""Where widgets really are on a 1366×768 screen: the checks of `test_screen_geometry.py`.

`look_at(window, screen)` returns what a person would see wrong on one screen (a window, a
dialog, one tab or one page of it, as shown now): widgets drawn over each other, text that does
not fit its widget, a window larger than the screen, an input without a label. Each finding
names the screen, the widgets, their rectangles in window coordinates and their text.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QTextDocument
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStyle,
    QTabBar,
    QTableView,
    QTextEdit,
    QToolButton,
    QWidget,
)

# The offices' PCs. Offscreen windows have no frame: a window manager adds about this much
# around a window (a title bar and thin borders), which must fit on the screen too.
SCREEN = QSize(1366, 768)
FRAME_WIDTH, FRAME_HEIGHT = 2 * 4, 30 + 4
INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)
# Up to this many rows of a table are measured (the rows a person sees first).
ROWS_MEASURED = 40
SLACK = 1  # pixels of rounding allowed everywhere


@dataclass
class Tally:
    """How much the checks looked at (the issue's note reports it)."""

    screens: int = 0
    widgets: int = 0
    findings: list[str] = field(default_factory=list)


def screen_size() -> QSize:
    """The test screen: the platform's when it is set to 1366×768, else 1366×768 anyway."""
    screen = QGuiApplication.primaryScreen()
    size = screen.availableGeometry().size() if screen is not None else SCREEN
    return size if size == SCREEN else SCREEN


def _rect(widget: QWidget, window: QWidget) -> QRect:
    """`widget` in window coordinates, clipped by every ancestor (a scroll area's viewport)."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect &= QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    return rect & window.rect()


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisible() and widget.window() is window


def _describe(widget: QWidget, rect: QRect | None = None) -> str:
    text = _text_of(widget) or widget.accessibleName() or ""
    name = widget.objectName()
    kind = type(widget).__name__ + (f"#{name}" if name else "")
    r = rect or widget.geometry()
    return f"{kind} {text[:60]!r} at ({r.x()},{r.y()} {r.width()}×{r.height()})"


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton)):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.text() or widget.placeholderText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QGroupBox):
        return widget.title()
    return ""


def _plain(text: str, mnemonic: bool) -> str:
    """The text as drawn: "&&" is "&", and a single "&" marks the mnemonic (not drawn)."""
    if not mnemonic:
        return text
    return re.sub(r"&(.)", r"\1", text)


def _interactive(widget: QWidget) -> bool:
    if isinstance(widget, QLabel):
        return (
            bool(widget.text().strip())
            or widget.pixmap() is not None
            and not widget.pixmap().isNull()
        )
    return isinstance(widget, (*INPUTS, QAbstractButton, QAbstractItemView, QTabBar))


def _inner(widget: QWidget) -> bool:
    """Part of a composite Qt widget (the line edit of a combo box or spin box, a header…)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QTabBar)):
            return True
        if isinstance(parent, QAbstractItemView) and not isinstance(widget, QHeaderView):
            return True  # editors and index widgets live inside the view they belong to
        parent = parent.parentWidget()
    return isinstance(widget, QHeaderView)


# -- overlaps -------------------------------------------------------------------------------------


def overlaps(window: QWidget, widgets: list[QWidget]) -> list[str]:
    """Two widgets drawn over each other (neither inside the other)."""
    boxes = []
    for w in widgets:
        if not _interactive(w) or _inner(w):
            continue
        r = _rect(w, window)
        if r.width() > 0 and r.height() > 0:
            boxes.append((r.x(), r.y(), r.right(), r.bottom(), w, r))
    boxes.sort(key=lambda b: b[0])
    found = []
    for i, (_x1, y1, r1, b1, w1, rect1) in enumerate(boxes):
        for x2, y2, r2, b2, w2, rect2 in boxes[i + 1 :]:
            if x2 > r1 - SLACK:
                break
            if min(b1, b2) - max(y1, y2) < SLACK + 1 or min(r1, r2) - x2 < SLACK + 1:
                continue
            if w1.isAncestorOf(w2) or w2.isAncestorOf(w1):
                continue
            found.append(f"overlap: {_describe(w1, rect1)} and {_describe(w2, rect2)}")
    return found


# -- text that does not fit -----------------------------------------------------------------------

_overheads: dict[tuple[type, bool], int] = {}


def _overhead(kind: type[QAbstractButton], widget: QAbstractButton) -> int:
    """What the style draws around a button's text (margins, a check box's box…), measured on a
    button of the same kind whose text is long enough that no minimum width applies."""
    key = (kind, not widget.icon().isNull())
    if key not in _overheads:
        long = "W" * 40
        probe = kind(long)
        probe.setFont(widget.font())
        if key[1]:
            probe.setIcon(widget.icon())
            probe.setIconSize(widget.iconSize())
        _overheads[key] = probe.sizeHint().width() - probe.fontMetrics().horizontalAdvance(long)
        probe.deleteLater()
    return _overheads[key]


def _label_cut(label: QLabel) -> str:
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return ""
    area = label.contentsRect()
    margin = label.margin()
    area.adjust(margin, margin, -margin, -margin)
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.mightBeRichText(text)
    )
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        if label.wordWrap():
            doc.setTextWidth(area.width())
        need = QSize(int(doc.idealWidth() + 0.99), int(doc.size().height() + 0.99))
    else:
        shown = _plain(text, label.buddy() is not None)
        flags = Qt.TextFlag.TextWordWrap if label.wordWrap() else 0
        width = area.width() if label.wordWrap() else 100_000
        need = (
            label.fontMetrics()
            .boundingRect(QRect(0, 0, max(width, 1), 100_000), int(flags), shown)
            .size()
        )
    if need.width() > area.width() + SLACK or need.height() > area.height() + SLACK:
        if text in label.toolTip():
            return ""  # it elides on purpose, the whole text in its tooltip
        return f"cut text: {_describe(label)} needs {need.width()}×{need.height()}"
    return ""


def _button_cut(button: QAbstractButton) -> str:
    text = button.text()
    if not text.strip():
        return ""
    shown = _plain(text, True)
    if isinstance(button, QToolButton):
        icon_only = button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        if icon_only and not button.icon().isNull():
            return ""  # without an icon, an "icon only" button shows its text
        hint = button.sizeHint()
        if button.width() + SLACK < hint.width() or button.height() + SLACK < hint.height():
            return f"cut text: {_describe(button)} needs {hint.width()}×{hint.height()}"
        if button.menu() is not None and (
            button.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup
        ):
            # The style draws the menu's arrow inside the button, over the end of the text.
            arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
            need = button.fontMetrics().horizontalAdvance(shown) + arrow + 8
            if button.width() + SLACK < need:
                return f"cut text: {_describe(button)} draws its menu arrow over the text"
        return ""
    kind = QCheckBox if isinstance(button, QCheckBox) else type(button)
    if not isinstance(button, (QPushButton, QCheckBox, QRadioButton)):
        return ""
    need = button.fontMetrics().horizontalAdvance(shown) + _overhead(kind, button)
    if not button.icon().isNull():
        need += button.iconSize().width()
    if button.width() + SLACK < need or button.height() + SLACK < button.fontMetrics().height():
        return f"cut text: {_describe(button)} needs {need} wide"
    return ""


def _groupbox_cut(box: QGroupBox) -> str:
    need = box.fontMetrics().horizontalAdvance(_plain(box.title(), True)) + 16
    if box.title() and box.width() + SLACK < need:
        return f"cut text: {_describe(box)} needs {need} wide"
    return ""


def _tabs_cut(bar: QTabBar) -> list[str]:
    found = []
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        shown, hint = bar.tabRect(i), bar.tabSizeHint(i)
        if shown.width() + SLACK < hint.width() and not bar.tabToolTip(i):
            found.append(
                f"cut tab: {bar.tabText(i)!r} is {shown.width()} wide, needs {hint.width()}"
            )
    return found


def _header_cut(view: QAbstractItemView, header: QHeaderView) -> list[str]:
    model = view.model()
    if model is None or not header.isVisible():
        return []
    found = []
    style = header.style()
    margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    metrics = QFontMetrics(header.font())
    bold = header.font()
    bold.setBold(True)  # a header may draw the current section in bold
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        text = model.headerData(logical, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        need = metrics.horizontalAdvance(str(text)) + margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
            need += arrow + margin
        start = header.sectionViewportPosition(logical)
        size = header.sectionSize(logical)
        if start >= header.viewport().width() or start + size <= 0:
            continue
        if size + SLACK < need:
            found.append(
                f"cut header: {type(view).__name__}#{view.objectName()} column {text!r} is "
                f"{size} wide, needs {need}"
            )
    return found


def _cells_cut(view: QTableView) -> list[str]:
    """Cells whose text does not fit their column, unless a tooltip says it all."""
    model = view.model()
    if model is None or view.wordWrap():
        return []
    found: list[str] = []
    first = max(view.rowAt(0), 0)
    for row in range(first, min(model.rowCount(), first + ROWS_MEASURED)):
        if view.rowViewportPosition(row) > view.viewport().height():
            break
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            x = view.columnViewportPosition(column)
            if x >= view.viewport().width():
                continue
            index = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text:
                continue
            font = index.data(Qt.ItemDataRole.FontRole) or view.font()
            need = QFontMetrics(font).horizontalAdvance(text) + 8
            width = view.columnWidth(column)
            visible = min(width, view.viewport().width() - x)
            if visible + SLACK >= need:
                continue
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and text.rstrip("…") in tip:
                continue  # elided on purpose, the whole text in the tooltip
            header = model.headerData(column, Qt.Orientation.Horizontal)
            found.append(
                f"cut cell: {type(view).__name__}#{view.objectName()} column {header!r} row "
                f"{row}: {text[:70]!r} shows {visible} of {need} px"
            )
            if len(found) >= 3:
                return found
    return found


def _list_cut(view: QListView) -> list[str]:
    model = view.model()
    if model is None or view.wordWrap():
        return []
    found = []
    for row in range(min(model.rowCount(), ROWS_MEASURED)):
        index: QModelIndex = model.index(row, 0)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text or view.isRowHidden(row):
            continue
        need = max(view.fontMetrics().horizontalAdvance(line) for line in text.split("\n")) + 8
        if need > view.viewport().width() + SLACK:
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if not (isinstance(tip, str) and text.rstrip("…") in tip):
                found.append(f"cut item: {_describe(view)} {text[:60]!r} needs {need}")
    return found


def cut_text(widgets: list[QWidget]) -> list[str]:
    found = []
    for w in widgets:
        if isinstance(w, QLabel):
            found.append(_label_cut(w))
        elif isinstance(w, QAbstractButton) and not _inner(w):
            found.append(_button_cut(w))
        elif isinstance(w, QGroupBox):
            found.append(_groupbox_cut(w))
        elif isinstance(w, QTabBar):
            found.extend(_tabs_cut(w))
        elif isinstance(w, QTableView):
            found.extend(_header_cut(w, w.horizontalHeader()))
            found.extend(_cells_cut(w))
        elif isinstance(w, QListView):
            found.extend(_list_cut(w))
        elif isinstance(w, QProgressBar) and w.isTextVisible() and w.text():
            found.append(f"text over a bar: {_describe(w)} writes {w.text()!r} over its bar")
    return [f for f in found if f]


# -- the window and its inputs --------------------------------------------------------------------


def sideways(widgets: list[QWidget]) -> list[str]:
    """A page or a table that must be scrolled sideways to be read."""
    found = []
    for w in widgets:
        if isinstance(w, QAbstractScrollArea) and not _inner(w):
            bar = w.horizontalScrollBar()
            if (
                bar.maximum() > 0
                and w.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            ):
                found.append(f"scrolls sideways: {_describe(w)} by {bar.maximum()} px")
    return found


def fits_screen(window: QWidget) -> list[str]:
    screen = screen_size()
    # Offscreen draws no title bar: count at least what a window manager adds.
    framed = window.frameGeometry().size()
    frame = QSize(
        window.width() + max(framed.width() - window.width(), FRAME_WIDTH),
        window.height() + max(framed.height() - window.height(), FRAME_HEIGHT),
    )
    found = []
    if frame.width() > screen.width() or frame.height() > screen.height():
        found.append(
            f"too big: the window with its frame is {frame.width()}×{frame.height()}, "
            f"the screen {screen.width()}×{screen.height()}"
        )
    least = window.minimumSizeHint()
    if window.layout() is not None and (
        window.width() + SLACK < least.width() or window.height() + SLACK < least.height()
    ):
        found.append(
            f"squeezed: the window is {window.width()}×{window.height()}, its content needs "
            f"at least {least.width()}×{least.height()}"
        )
    return found


def unlabelled(window: QWidget, widgets: list[QWidget]) -> list[str]:
    """Inputs with neither a label pointing at them (buddy) nor an accessible name."""
    buddies = {id(w.buddy()) for w in window.findChildren(QLabel) if w.buddy() is not None}
    found = []
    groups_done: set[int] = set()
    for w in widgets:
        if _inner(w) or w.accessibleName().strip() or id(w) in buddies:
            continue
        if isinstance(w, (QTextEdit, QPlainTextEdit)) and w.isReadOnly():
            continue  # shows text, takes none
        if isinstance(w, INPUTS) or (isinstance(w, QCheckBox) and not w.text().strip()):
            found.append(f"no label: {_describe(w, _rect(w, window))}")
        elif isinstance(w, QRadioButton) and _question(w):
            group = w.group()
            members = group.buttons() if group is not None else [w]
            if id(group) in groups_done:
                continue
            groups_done.add(id(group))
            if not any(m.accessibleName().strip() or id(m) in buddies for m in members):
                found.append(f"no label for the choice: {_describe(w, _rect(w, window))}")
    return found


def _question(radio: QRadioButton) -> bool:
    """A radio button answering a form's question (its own text, "Yes", does not say what is
    asked); elsewhere a radio button's text is its label."""
    from ui.form_fields import FieldWidget

    parent = radio.parentWidget()
    while parent is not None:
        if isinstance(parent, FieldWidget):
            return True
        parent = parent.parentWidget()
    return not radio.text().strip()


def look_at(window: QWidget, screen: str, tally: Tally | None = None) -> list[str]:
    """Everything wrong with `window` as it is shown now, each line starting with `screen`."""
    widgets = [w for w in window.findChildren(QWidget) if _shown(w, window)]
    found = [
        *fits_screen(window),
        *overlaps(window, widgets),
        *cut_text(widgets),
        *sideways(widgets),
        *unlabelled(window, widgets),
    ]
    findings = [f"{screen}: {f}" for f in found]
    folder = os.environ.get("GEOMETRY_SHOTS")  # to look at what was measured
    if folder:
        name = re.sub(r"[^\w\-\[\]]+", "_", screen).strip("_")
        window.grab().save(str(Path(folder) / f"{name}.png"))
    if tally is not None:
        tally.screens += 1
        tally.widgets += len(widgets)
        tally.findings.extend(findings)
    return findings

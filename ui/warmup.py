"""Work done before anyone waits for it: while a person types their password, the main
window's code is imported and the database file is read from the disk; once the first rows of
their case list are in the table, the pages the list and its search read are decrypted and the
printed documents' code and fonts are loaded.

Signing in used to import the window and the services only after the click (about a second on
a loaded PC), and a person's first search and first printed document paid for the rest."""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.session import UserSession

log = logging.getLogger("ulinzi.ui")

DB_FILE = "ulinzi.db"  # db.store.DB_FILE, without importing the store code before the login shows

_started: list[threading.Thread] = []

# PySide makes the Python class of each Qt enum the first time something uses it: about a quarter
# of a millisecond each, and building the window for its first rows used these 115 (30 ms). They
# are made while the login waits for the password instead, a few at a time on the UI thread
# (shiboken's lazy creation is not known to be safe on another thread). `tests/test_ui_warmup.py`
# checks that the window, for every role, makes none of its own.
ENUMS = (
    "QtCore.QAbstractAnimation.DeletionPolicy",
    "QtCore.QAbstractAnimation.Direction",
    "QtCore.QAbstractAnimation.State",
    "QtCore.QEventLoop.ProcessEventsFlag",
    "QtCore.QFileDevice.FileError",
    "QtCore.QFileDevice.FileHandleFlag",
    "QtCore.QFileDevice.FileTime",
    "QtCore.QFileDevice.MemoryMapFlag",
    "QtCore.QFileDevice.Permission",
    "QtCore.QLibrary.LoadHint",
    "QtCore.QProcess.ExitStatus",
    "QtCore.QProcess.InputChannelMode",
    "QtCore.QProcess.ProcessChannel",
    "QtCore.QProcess.ProcessChannelMode",
    "QtCore.QProcess.ProcessError",
    "QtCore.QProcess.ProcessState",
    "QtCore.QProcess.UnixProcessFlag",
    "QtCore.QRangeModel.AutoConnectPolicy",
    "QtCore.QRangeModel.RowCategory",
    "QtCore.QSharedMemory.AccessMode",
    "QtCore.QSharedMemory.SharedMemoryError",
    "QtCore.QSocketNotifier.Type",
    "QtCore.QSortFilterProxyModel.Direction",
    "QtCore.QThread.Priority",
    "QtCore.QThread.QualityOfService",
    "QtCore.QTimeLine.Direction",
    "QtCore.QTimeLine.State",
    "QtGui.QClipboard.Mode",
    "QtGui.QDoubleValidator.Notation",
    "QtGui.QGradient.CoordinateMode",
    "QtGui.QGradient.InterpolationMode",
    "QtGui.QGradient.Preset",
    "QtGui.QGradient.Spread",
    "QtGui.QGradient.Type",
    "QtGui.QIcon.Mode",
    "QtGui.QIcon.State",
    "QtGui.QIcon.ThemeIcon",
    "QtGui.QInputDevice.Capability",
    "QtGui.QInputDevice.DeviceType",
    "QtGui.QInputMethod.Action",
    "QtGui.QMovie.CacheMode",
    "QtGui.QMovie.MovieState",
    "QtGui.QOpenGLContext.OpenGLModuleType",
    "QtGui.QPdfWriter.ColorModel",
    "QtGui.QPointingDevice.GrabTransition",
    "QtGui.QPointingDevice.PointerType",
    "QtGui.QSessionManager.RestartHint",
    "QtGui.QSurface.SurfaceClass",
    "QtGui.QSurface.SurfaceType",
    "QtGui.QTextDocument.FindFlag",
    "QtGui.QTextDocument.MarkdownFeature",
    "QtGui.QTextDocument.MetaInformation",
    "QtGui.QTextDocument.ResourceType",
    "QtGui.QTextDocument.Stacks",
    "QtGui.QWindow.AncestorMode",
    "QtGui.QWindow.Visibility",
    "QtPdf.QPdfBookmarkModel.Role",
    "QtPdf.QPdfLinkModel.Role",
    "QtPdf.QPdfPageRenderer.RenderMode",
    "QtPdf.QPdfSearchModel.Role",
    "QtPrintSupport.QPrintPreviewWidget.ViewMode",
    "QtPrintSupport.QPrintPreviewWidget.ZoomMode",
    "QtWidgets.QAbstractItemDelegate.EndEditHint",
    "QtWidgets.QAbstractSlider.SliderAction",
    "QtWidgets.QAbstractSlider.SliderChange",
    "QtWidgets.QColorDialog.ColorDialogOption",
    "QtWidgets.QCompleter.CompletionMode",
    "QtWidgets.QCompleter.ModelSorting",
    "QtWidgets.QDataWidgetMapper.SubmitPolicy",
    "QtWidgets.QDockWidget.DockWidgetFeature",
    "QtWidgets.QFileSystemModel.Option",
    "QtWidgets.QFileSystemModel.Roles",
    "QtWidgets.QFontComboBox.FontFilter",
    "QtWidgets.QFontDialog.FontDialogOption",
    "QtWidgets.QGesture.GestureCancelPolicy",
    "QtWidgets.QGraphicsBlurEffect.BlurHint",
    "QtWidgets.QGraphicsEffect.ChangeFlag",
    "QtWidgets.QGraphicsEffect.PixmapPadMode",
    "QtWidgets.QGraphicsItem.CacheMode",
    "QtWidgets.QGraphicsItem.Extension",
    "QtWidgets.QGraphicsItem.GraphicsItemChange",
    "QtWidgets.QGraphicsItem.GraphicsItemFlag",
    "QtWidgets.QGraphicsItem.PanelModality",
    "QtWidgets.QGraphicsScene.ItemIndexMethod",
    "QtWidgets.QGraphicsScene.SceneLayer",
    "QtWidgets.QGraphicsView.CacheModeFlag",
    "QtWidgets.QGraphicsView.DragMode",
    "QtWidgets.QGraphicsView.OptimizationFlag",
    "QtWidgets.QGraphicsView.ViewportAnchor",
    "QtWidgets.QGraphicsView.ViewportUpdateMode",
    "QtWidgets.QLCDNumber.Mode",
    "QtWidgets.QLCDNumber.SegmentStyle",
    "QtWidgets.QMdiArea.AreaOption",
    "QtWidgets.QMdiArea.ViewMode",
    "QtWidgets.QMdiArea.WindowOrder",
    "QtWidgets.QMdiSubWindow.SubWindowOption",
    "QtWidgets.QPinchGesture.ChangeFlag",
    "QtWidgets.QRhiWidget.Api",
    "QtWidgets.QRhiWidget.TextureFormat",
    "QtWidgets.QRubberBand.Shape",
    "QtWidgets.QScroller.Input",
    "QtWidgets.QScroller.ScrollerGestureType",
    "QtWidgets.QScroller.State",
    "QtWidgets.QSlider.TickPosition",
    "QtWidgets.QStackedLayout.StackingMode",
    "QtWidgets.QSwipeGesture.SwipeDirection",
    "QtWidgets.QSystemTrayIcon.ActivationReason",
    "QtWidgets.QSystemTrayIcon.MessageIcon",
    "QtWidgets.QTabBar.ButtonPosition",
    "QtWidgets.QTabBar.SelectionBehavior",
    "QtWidgets.QTabBar.Shape",
    "QtWidgets.QWizard.WizardButton",
    "QtWidgets.QWizard.WizardOption",
    "QtWidgets.QWizard.WizardPixmap",
    "QtWidgets.QWizard.WizardStyle",
)
ENUMS_PER_TURN = 10  # about 3 ms of the UI thread at a time: typing is not held up
_enums_left: list[str] = []


def _import_window_code() -> None:
    try:
        # Modules only (their import makes no widget): widgets are made on the UI thread.
        import ui.main_window  # noqa: F401
        from desktop import accounts

        accounts.prepare_sign_in()
    except Exception:  # the click imports it again and shows what went wrong
        log.warning("importing the main window ahead failed", exc_info=True)


def _read_database_file(folder: Path) -> None:
    """Ask the OS to read the database file into its cache (the pages stay encrypted there)."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    try:
        fd = os.open(folder / DB_FILE, os.O_RDONLY)
    except OSError:
        return
    try:
        advise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
    except OSError:
        pass
    finally:
        os.close(fd)


def while_signing_in(folder: Path) -> None:
    """Start, once per process, importing the main window and reading the database file, on a
    thread of their own while the login window waits for the password."""
    if _started:
        return
    from ui.background import collect_on_ui_thread

    collect_on_ui_thread()  # Python's collector must not run on that thread

    def work() -> None:
        _read_database_file(folder)
        _import_window_code()

    thread = threading.Thread(target=work, name="ulinzi-warmup", daemon=True)
    _started.append(thread)
    thread.start()
    _enums_left[:] = ENUMS
    _make_enums_when(thread)


def _make_enums_when(thread: threading.Thread) -> None:
    """Once the window's modules are imported (their import lock is not taken from the UI
    thread while the warm-up thread holds it), make the enums a few per turn of the event
    loop."""
    from PySide6.QtCore import QTimer

    if thread.is_alive():
        QTimer.singleShot(50, lambda: _make_enums_when(thread))
    else:
        QTimer.singleShot(0, make_some_enums)


def make_some_enums() -> None:
    from PySide6.QtCore import QTimer

    turn, _enums_left[:ENUMS_PER_TURN] = _enums_left[:ENUMS_PER_TURN], []
    for name in turn:
        module, _, path = name.partition(".")
        found: object = sys.modules.get(f"PySide6.{module}")
        try:
            for part in path.split("."):
                found = getattr(found, part)
        except AttributeError:  # another PySide version: the window makes it when it needs it
            log.info("no enum %s to make ahead", name)
    if _enums_left:
        QTimer.singleShot(0, make_some_enums)


def enums_made() -> bool:
    return bool(_started) and not _enums_left


def after_sign_in(us: UserSession) -> None:
    """Off the UI thread, once the first rows are shown: the pages of the case list and its
    search, then the printed documents' code and fonts."""
    from desktop import cases, documents

    cases.read_case_list_ahead(us)
    documents.prepare()

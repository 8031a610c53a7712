"""A short help page per screen, for F1: what the screen is for and its keys, in the person's
language (the texts are translated like every other)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import QT_TRANSLATE_NOOP

# Where each screen's page is: the case list, My tasks, the supervisor queue, a case file, a
# form and Administration.
PAGES = {
    "cases": (
        QT_TRANSLATE_NOOP("help", "The case list"),
        QT_TRANSLATE_NOOP(
            "help",
            "The cases you may see. Type in the search box to find a child by name, case "
            "number or place; the filters narrow the list. Enter or a double click opens the "
            "case file.\n\n"
            "Keys that work everywhere in the window: Ctrl+F the case list, Ctrl+T my tasks, "
            "Ctrl+D the supervisor queue, Ctrl+N a new case, Ctrl+L lock the screen, F1 this "
            "help.",
        ),
    ),
    "tasks": (
        QT_TRANSLATE_NOOP("help", "My tasks"),
        QT_TRANSLATE_NOOP(
            "help",
            "What you must do: overdue tasks first (in red), then what is due in the next 7 "
            "days. Enter or a double click opens the form that does the task; doing it removes "
            "it from the list.\n\n"
            "Keys: the arrows choose a task, Enter opens it, Ctrl+F goes back to the case list.",
        ),
    ),
    "queue": (
        QT_TRANSLATE_NOOP("help", "The supervisor queue"),
        QT_TRANSLATE_NOOP(
            "help",
            "The requests waiting for a supervisor's decision (case plans, closures, transfers), "
            "each caseworker's caseload against the 15 to 30 guideline, and the team's overdue "
            "work. Choose a request, then Approve or Return with a comment: the dialog says "
            "which case, which child and what is decided before anything is saved. A request "
            "you may not decide (for example your own) says why.\n\n"
            "Keys: the arrows choose a request, Alt+A approve, Alt+C return with a comment, "
            "Alt+O open the case, Enter in the dialog confirms, Escape cancels.",
        ),
    ),
    "case": (
        QT_TRANSLATE_NOOP("help", "A case file"),
        QT_TRANSLATE_NOOP(
            "help",
            "Everything about one child: the forms (each saved version is kept), the plan and "
            "its actions, the timeline of what happened, the printed documents and their signed "
            "copies, the case conferences, and the history of who did what. The header says "
            "what must happen next, by when.\n\n"
            "Keys: Alt and the underlined letter choose a tab or a button; Ctrl+F goes back to "
            "the case list. A form opens in its own window: Ctrl+PgDown and Ctrl+PgUp change "
            "page, Ctrl+Return saves.",
        ),
    ),
    "form": (
        QT_TRANSLATE_NOOP("help", "A form"),
        QT_TRANSLATE_NOOP(
            "help",
            "One form, a page per section, listed on the left. Questions with a star must be "
            "answered; the line under the bar counts the answers. What you type is kept as a "
            "draft as you go, so it comes back if the computer stops.\n\n"
            "Keys: Tab goes to the next question, Ctrl+PgDown and Ctrl+PgUp change page, Ctrl+S "
            "keeps a draft now, Ctrl+Return saves the form, Escape closes it (you choose what "
            "happens to what you typed).",
        ),
    ),
    "admin": (
        QT_TRANSLATE_NOOP("help", "Administration"),
        QT_TRANSLATE_NOOP(
            "help",
            "The staff accounts (add one, reset a password, deactivate, assign a supervisor), "
            "the agency's settings (name, code, deadlines, approvals, screen lock) and the "
            "partner agencies and backups. Each change is recorded in the history.\n\n"
            "Keys: Ctrl+Tab changes tab, Alt and the underlined letter choose a field or a "
            "button, Escape closes.",
        ),
    ),
}


def add_help_key(window: QWidget, screen: str) -> None:
    """F1 in `window` (a form or Administration, outside the main window) shows its page."""
    QShortcut(QKeySequence("F1"), window, lambda: show_page(window, screen))


def show_page(parent: QWidget, screen: str) -> None:
    QMessageBox.information(parent, *page(screen))


def page(screen: str) -> tuple[str, str]:
    """The title and text of `screen`'s help page, translated."""
    title, text = PAGES[screen]
    return (
        QCoreApplication.translate("help", title),
        QCoreApplication.translate("help", text),
    )

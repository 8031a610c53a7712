"""Shared bits of the window: words for codes, risk colours, error dialogs, password strength."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QSettings,
    QSize,
    QStandardPaths,
    QTimeZone,
)
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.errors import QT_TRANSLATE_NOOP, UlinziError
from ui.i18n import error_text

log = logging.getLogger("ulinzi.ui")


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


STAGES = {
    "registered": QT_TRANSLATE_NOOP("labels", "Registered"),
    "initial_assessment": QT_TRANSLATE_NOOP("labels", "Initial assessment"),
    "full_assessment": QT_TRANSLATE_NOOP("labels", "Full assessment"),
    "case_plan": QT_TRANSLATE_NOOP("labels", "Case plan"),
    "implementation": QT_TRANSLATE_NOOP("labels", "Implementation"),
    "follow_up": QT_TRANSLATE_NOOP("labels", "Follow-up and review"),
    "closure_requested": QT_TRANSLATE_NOOP("labels", "Closure requested"),
    "closed": QT_TRANSLATE_NOOP("labels", "Closed"),
    "transferred": QT_TRANSLATE_NOOP("labels", "Transferred"),
    "reopened": QT_TRANSLATE_NOOP("labels", "Reopened"),
}
STATUSES = {
    "open": QT_TRANSLATE_NOOP("labels", "Open"),
    "closed": QT_TRANSLATE_NOOP("labels", "Closed"),
    "transferred": QT_TRANSLATE_NOOP("labels", "Transferred"),
}
RISKS = {
    "high": QT_TRANSLATE_NOOP("labels", "High"),
    "medium": QT_TRANSLATE_NOOP("labels", "Medium"),
    "low": QT_TRANSLATE_NOOP("labels", "Low"),
}
SEXES = {
    "female": QT_TRANSLATE_NOOP("labels", "Female"),
    "male": QT_TRANSLATE_NOOP("labels", "Male"),
    "other": QT_TRANSLATE_NOOP("labels", "Other"),
    "unknown": QT_TRANSLATE_NOOP("labels", "Not known"),
}
NEXT_ACTIONS = {
    "initial_assessment": QT_TRANSLATE_NOOP("labels", "Initial assessment"),
    "full_assessment": QT_TRANSLATE_NOOP("labels", "Full assessment"),
    "case_plan": QT_TRANSLATE_NOOP("labels", "Case plan"),
    "plan_review": QT_TRANSLATE_NOOP("labels", "Plan review"),
    "closure_approval": QT_TRANSLATE_NOOP("labels", "Closure approval"),
    "post_closure_visit": QT_TRANSLATE_NOOP("labels", "Post-closure visit"),
    "plan_approval": QT_TRANSLATE_NOOP("labels", "Case plan approval"),
    "revise_plan": QT_TRANSLATE_NOOP("labels", "Revise the returned case plan"),
    "revise_closure": QT_TRANSLATE_NOOP("labels", "Revise the returned closure request"),
    "transfer_approval": QT_TRANSLATE_NOOP("labels", "Transfer approval"),
    "revise_transfer": QT_TRANSLATE_NOOP("labels", "Revise the returned transfer request"),
    "send_transfer": QT_TRANSLATE_NOOP("labels", "Send the case to the receiving agency"),
    "bid_approval": QT_TRANSLATE_NOOP("labels", "Best interests determination approval"),
    "revise_bid": QT_TRANSLATE_NOOP("labels", "Revise the returned best interests determination"),
    "follow_up_visit": QT_TRANSLATE_NOOP("labels", "Follow-up visit"),
    "referral_follow_up": QT_TRANSLATE_NOOP("labels", "Check a referral's outcome"),
    "plan_action": QT_TRANSLATE_NOOP("labels", "Plan action"),
    "case_conference": QT_TRANSLATE_NOOP("labels", "Case conference"),
    "conference_action": QT_TRANSLATE_NOOP("labels", "Follow up a conference action point"),
    "placement_decision_approval": QT_TRANSLATE_NOOP("labels", "Placement decision approval"),
    "revise_placement_decision": QT_TRANSLATE_NOOP(
        "labels", "Revise the returned placement decision"
    ),
    "reintegration_preparation": QT_TRANSLATE_NOOP(
        "labels", "Prepare the child, the family and the community"
    ),
    "reunification": QT_TRANSLATE_NOOP("labels", "Place the child with the family"),
    "post_placement_follow_up": QT_TRANSLATE_NOOP("labels", "Post-placement follow-up"),
    # A placement record (desktop.placements: where the child lives), named apart from the
    # reintegration pathway's placement decision form above, so a supervisor never sees two
    # requests of one name for one child.
    "placement_approval": QT_TRANSLATE_NOOP("labels", "Placement approval"),
    "revise_placement": QT_TRANSLATE_NOOP("labels", "Revise the returned placement"),
    "placement_review": QT_TRANSLATE_NOOP("labels", "Placement review"),
    "serious_incident": QT_TRANSLATE_NOOP("labels", "Follow up a serious incident"),
    "request_closure": QT_TRANSLATE_NOOP("labels", "Ask to close the case"),
    "refer_elsewhere": QT_TRANSLATE_NOOP("labels", "Refer the child to another service"),
    "request_transfer": QT_TRANSLATE_NOOP("labels", "Ask to transfer the case"),
    "best_interests": QT_TRANSLATE_NOOP("labels", "Best interests determination"),
    "": "",
}
APPROVAL_KINDS = {
    "case_plan": QT_TRANSLATE_NOOP("labels", "the case plan"),
    "closure": QT_TRANSLATE_NOOP("labels", "the closure"),
    "transfer": QT_TRANSLATE_NOOP("labels", "the transfer"),
    "best_interests": QT_TRANSLATE_NOOP("labels", "the best interests determination"),
    "placement_decision": QT_TRANSLATE_NOOP("labels", "the placement decision"),
    "placement": QT_TRANSLATE_NOOP("labels", "the placement (where the child lives)"),
}
# The steps of a child's reintegration into a family (seed 001, box 2; desktop/pathway.py).
REINTEGRATION_STAGES = {
    "tracing": QT_TRANSLATE_NOOP("labels", "Family tracing"),
    "assessment": QT_TRANSLATE_NOOP("labels", "Family assessment"),
    "decision": QT_TRANSLATE_NOOP("labels", "Placement decision"),
    "preparation": QT_TRANSLATE_NOOP("labels", "Preparation"),
    "placement": QT_TRANSLATE_NOOP("labels", "Placement or reunification"),
    "follow_up": QT_TRANSLATE_NOOP("labels", "Post-placement follow-up"),
    "closure": QT_TRANSLATE_NOOP("labels", "Closure"),
}
APPROVAL_STATES = {
    "pending": QT_TRANSLATE_NOOP("labels", "waiting for the supervisor"),
    "approved": QT_TRANSLATE_NOOP("labels", "approved"),
    "returned": QT_TRANSLATE_NOOP("labels", "returned"),
    "replaced": QT_TRANSLATE_NOOP("labels", "replaced by a newer request"),
    "withdrawn": QT_TRANSLATE_NOOP("labels", "withdrawn"),
}
ACTION_STATUSES = {
    "not_started": QT_TRANSLATE_NOOP("labels", "Not started"),
    "in_progress": QT_TRANSLATE_NOOP("labels", "In progress"),
    "done": QT_TRANSLATE_NOOP("labels", "Done"),
    "dropped": QT_TRANSLATE_NOOP("labels", "Dropped"),
}
CASELOADS = {
    "under": QT_TRANSLATE_NOOP("labels", "below 15"),
    "within": QT_TRANSLATE_NOOP("labels", "within 15–30"),
    "over": QT_TRANSLATE_NOOP("labels", "above 30"),
}
ROLES = {
    "caseworker": QT_TRANSLATE_NOOP("labels", "Caseworker"),
    "supervisor": QT_TRANSLATE_NOOP("labels", "Supervisor"),
    "manager": QT_TRANSLATE_NOOP("labels", "Manager"),
    "administrator": QT_TRANSLATE_NOOP("labels", "Administrator"),
    "facility_staff": QT_TRANSLATE_NOOP("labels", "Facility staff"),
}
HISTORY_ACTIONS = {
    "case.registered": QT_TRANSLATE_NOOP("labels", "Registered the case"),
    "case.opened": QT_TRANSLATE_NOOP("labels", "Viewed the case file"),
    "case.updated": QT_TRANSLATE_NOOP("labels", "Changed the case details"),
    "case.open_refused": QT_TRANSLATE_NOOP("labels", "Was refused access to the case file"),
    "case.change_refused": QT_TRANSLATE_NOOP("labels", "Was refused a change to the case"),
    "case.stage_changed": QT_TRANSLATE_NOOP("labels", "Moved the case to its next stage"),
    "form.saved": QT_TRANSLATE_NOOP("labels", "Saved a form"),
    "attachment.added": QT_TRANSLATE_NOOP("labels", "Attached a document"),
    "attachment.opened": QT_TRANSLATE_NOOP("labels", "Looked at an attached document"),
    "attachment.removed": QT_TRANSLATE_NOOP("labels", "Removed an attached document"),
    "approval.requested": QT_TRANSLATE_NOOP("labels", "Asked for the supervisor's approval"),
    "approval.approved": QT_TRANSLATE_NOOP("labels", "Approved a request"),
    "approval.returned": QT_TRANSLATE_NOOP("labels", "Returned a request with a comment"),
    "approval.refused": QT_TRANSLATE_NOOP("labels", "Was refused a decision on a request"),
    "plan.action_status": QT_TRANSLATE_NOOP("labels", "Changed the status of a plan action"),
    "reintegration.moved_back": QT_TRANSLATE_NOOP("labels", "Moved the reintegration back"),
    "document.made": QT_TRANSLATE_NOOP("labels", "Prepared a document to print"),
    "document.printed": QT_TRANSLATE_NOOP("labels", "Printed a document"),
    "document.saved": QT_TRANSLATE_NOOP("labels", "Saved a document as a PDF file"),
    "document.refused": QT_TRANSLATE_NOOP("labels", "Was refused a document of the case"),
    "document.signed_copy_added": QT_TRANSLATE_NOOP("labels", "Filed a signed copy"),
    "document.signed_copy_opened": QT_TRANSLATE_NOOP("labels", "Viewed a signed copy"),
    "document.signed_copy_refused": QT_TRANSLATE_NOOP(
        "labels", "Was refused the filing of a signed copy"
    ),
    "case.reassigned": QT_TRANSLATE_NOOP("labels", "Gave the case to another worker"),
    "note.added": QT_TRANSLATE_NOOP("labels", "Wrote a contact note"),
    "note.corrected": QT_TRANSLATE_NOOP("labels", "Corrected a contact note"),
    "consent.confirmed": QT_TRANSLATE_NOOP(
        "labels", "Confirmed the consent before sharing information"
    ),
    "conference.scheduled": QT_TRANSLATE_NOOP("labels", "Scheduled a case conference"),
    "conference.rescheduled": QT_TRANSLATE_NOOP("labels", "Moved a case conference"),
    "conference.cancelled": QT_TRANSLATE_NOOP("labels", "Cancelled a case conference"),
    "conference.minutes_final": QT_TRANSLATE_NOOP(
        "labels", "Finalised the minutes of a case conference"
    ),
    "conference.consent_override": QT_TRANSLATE_NOOP(
        "labels", "Let someone attend a conference without recorded consent"
    ),
    "conference.action_status": QT_TRANSLATE_NOOP(
        "labels", "Followed up a conference action point"
    ),
    "plan.actions_added": QT_TRANSLATE_NOOP(
        "labels", "Added a conference's action points to the plan"
    ),
    "package.exported": QT_TRANSLATE_NOOP("labels", "Sent the case to another agency"),
    "package.imported": QT_TRANSLATE_NOOP("labels", "Received the case from another agency"),
    "package.receipt": QT_TRANSLATE_NOOP("labels", "The other agency confirmed it arrived"),
    "package.consent_override": QT_TRANSLATE_NOOP(
        "labels", "Sent the case without recorded consent (supervisor)"
    ),
    "document.received_opened": QT_TRANSLATE_NOOP(
        "labels", "Viewed the transfer form another agency sent"
    ),
    "placement.proposed": QT_TRANSLATE_NOOP("labels", "Proposed a placement decision"),
    "placement.ended": QT_TRANSLATE_NOOP("labels", "Ended the placement"),
    "placement.reviewed": QT_TRANSLATE_NOOP("labels", "Reviewed the placement"),
    "log.added": QT_TRANSLATE_NOOP("labels", "Wrote in a facility's daily log"),
    "log.followed_up": QT_TRANSLATE_NOOP("labels", "Followed up a serious incident"),
}
# Their audit summary (a document and its code, a package and its hash) is shown beside them.
DOCUMENT_ACTIONS = (
    "package.exported",
    "package.imported",
    "package.receipt",
    "document.made",
    "document.printed",
    "document.saved",
    "document.signed_copy_added",
    "document.received_opened",
)


def history_text(action: str, summary: str) -> str:
    """An audit event as a History tab says it: its label, with the summary where it tells a
    reader something (a change, a document's code, a package's hash)."""
    what = label(HISTORY_ACTIONS, action)
    if summary and action in ("case.updated", *DOCUMENT_ACTIONS):
        return f"{what} ({summary})"
    return what


def label(table: dict[str, str], code: str | None) -> str:
    """The word for `code` in the current language (the code itself if it is unknown)."""
    if code is None:
        return ""
    return _t(table.get(code, code))


RISK_COLOURS = {"high": QColor("#c62828"), "medium": QColor("#ef6c00"), "low": QColor("#2e7d32")}


# Day, month name, year: read the same way in every country ("3/4/26" is not), in the
# user's language ("23 Nov 2026", "23 nov. 2026").
DATE_FORMAT = "d MMM yyyy"


def format_date(value) -> str:  # type: ignore[no-untyped-def]
    """A date in the user's language."""
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), DATE_FORMAT)


def format_datetime(value) -> str:  # type: ignore[no-untyped-def]
    """An aware datetime shown in local time, in the user's language."""
    if value is None:
        return ""
    moment = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.systemTimeZone())
    return QLocale().toString(moment, DATE_FORMAT + " HH:mm")


def years(n: int, estimated: bool = False) -> str:
    """An age in words ("1 year", "about 7 years")."""
    if estimated:
        if n == 1:
            return _t(QT_TRANSLATE_NOOP("labels", "about 1 year"))
        return _t(QT_TRANSLATE_NOOP("labels", "about {n} years")).format(n=n)
    if n == 1:
        return _t(QT_TRANSLATE_NOOP("labels", "1 year"))
    return _t(QT_TRANSLATE_NOOP("labels", "{n} years")).format(n=n)


def file_folder() -> str:
    """Where a file dialog opens: the folder a file was last chosen in, else Documents; never
    the program's own folder (a dialog given no folder opens in the working directory)."""
    last = QSettings().value("files/last_folder")
    if last and Path(str(last)).is_dir():
        return str(last)
    return documents_folder()


def documents_folder() -> str:
    """The person's Documents folder, or their home folder on a PC that has none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if Path(documents).is_dir():
        return documents
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)


def in_file_folder(name: str = "") -> str:
    """`name` in the folder a file dialog opens in."""
    return str(Path(file_folder()) / name) if name else file_folder()


def remember_folder(path: str | None) -> str | None:
    """A file was chosen: its folder is where the next file dialog opens."""
    if path:
        QSettings().setValue("files/last_folder", str(Path(path).parent))
    return path or None


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Plain words for errors we expect; "something went wrong" and the log's place otherwise."""
    if not isinstance(error, UlinziError):
        log.error("unexpected error", exc_info=error)  # the log's formatter removes the values
    tell_error(parent, error)


def tell_error(parent: QWidget | None, error: BaseException) -> None:
    """Show `error` in plain words (it is already logged, if it needs to be)."""
    if isinstance(error, UlinziError):
        QMessageBox.warning(
            parent, QCoreApplication.translate("errors", "Ulinzi"), error_text(error)
        )
        return
    QMessageBox.critical(
        parent,
        QCoreApplication.translate("errors", "Ulinzi"),
        QCoreApplication.translate(
            "errors", "Something went wrong. Nothing typed has been lost. Details are in {log}."
        ).format(log=paths.log_file()),
    )


def password_strength(password: str) -> tuple[int, str]:
    """0-4 and a word: length counts most; mixing kinds of characters helps a little."""
    kinds = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    n = len(password)
    score = 0 if n < 10 else 1 if n < 12 else 2 if n < 16 else 3
    if n >= 10 and kinds >= 3:
        score += 1
    score = min(score, 4)
    words = [
        QT_TRANSLATE_NOOP("labels", "Too short: at least 10 characters"),
        QT_TRANSLATE_NOOP("labels", "Weak"),
        QT_TRANSLATE_NOOP("labels", "Fair"),
        QT_TRANSLATE_NOOP("labels", "Good"),
        QT_TRANSLATE_NOOP("labels", "Strong"),
    ]
    return score, _t(words[score])


# What a window manager adds around a window (a title bar, borders): a window must fit the screen
# with it. Qt knows the real frame only once the window is shown.
FRAME = QSize(8, 34)


def screen_room(widget: QWidget) -> QSize:
    """The room a window of `widget` has on its screen, its frame taken off."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry().size() if screen is not None else QSize(1366, 768)
    return available - FRAME


def fitted_size(wanted: QSize, least: QSize, room: QSize, share: float = 0.0) -> QSize:
    """A window's size: what it `wanted`, grown to `share` of the `room` on a larger screen,
    never less than its content needs (`least`) unless the screen is smaller still."""
    grown = QSize(int(room.width() * share), int(room.height() * share))
    return wanted.expandedTo(grown).expandedTo(least).boundedTo(room)


def fit_to_screen(window: QWidget, wanted: QSize | None = None, share: float = 0.0) -> None:
    """Size `window` to its content (or `wanted`), within its screen, frame included; a larger
    screen gives it `share` of the room (1.0: the whole screen, for a main window)."""
    window.resize(
        fitted_size(
            wanted or window.sizeHint(), window.minimumSizeHint(), screen_room(window), share
        )
    )


def two_columns(left: list[QWidget], right: list[QWidget]) -> QScrollArea:
    """Two equal columns of group boxes, top-aligned, scrolling when the screen is short."""
    columns = QHBoxLayout()
    for widgets in (left, right):
        column = QVBoxLayout()
        for widget in widgets:
            column.addWidget(widget)
        column.addStretch()
        columns.addLayout(column, 1)
    body = QWidget()
    body.setLayout(columns)
    scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    return scroll

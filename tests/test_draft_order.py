"""Drafts are never lost to their own saves: saves that finish out of order keep the newer
typing, and a form closed while a save runs keeps (or drops) exactly what the person chose."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop import drafts
from desktop.forms.definition import load_form_set, shipped_sources
from ui.background import wait_for_background
from ui.form_wizard import DRAFT_KIND, FormWizard
from ui.operations import Op
from ui.session_holder import SessionHolder

VISIT = load_form_set(shipped_sources()).get("follow_up_visit")


def test_an_older_save_finishing_last_does_not_replace_the_newer_draft(agency):
    with agency.sign_in("cara") as us:
        newer = {"answers": {"v": {"place_other": "typed second"}}}
        older = {"answers": {"v": {"place_other": "typed first"}}}
        assert drafts.save_draft(us, "form", "k", newer, writer="form-1", sequence=2)
        assert not drafts.save_draft(us, "form", "k", older, writer="form-1", sequence=1)
        kept = drafts.load_draft(us, "form", "k")
        assert kept is not None and kept.data["answers"] == newer["answers"]
        # The same form opened again later starts its own count: its saves are kept.
        again = {"answers": {"v": {"place_other": "typed next day"}}}
        assert drafts.save_draft(us, "form", "k", again, writer="form-2", sequence=1)
        assert drafts.load_draft(us, "form", "k").data["answers"] == again["answers"]


def _wizard(qtbot, holder) -> FormWizard:
    wizard = FormWizard(holder, [VISIT], lambda _a: "", draft_key="visit", title="Visit")
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _type_place(qtbot, wizard: FormWizard, text: str) -> None:
    place = wizard.widget_for("follow_up_visit", "place")
    place.set_value("other")
    other = wizard.widget_for("follow_up_visit", "place_other").focus_target()
    other.clear()
    qtbot.keyClicks(other, text)


def _writer_busy(wizard: FormWizard) -> threading.Event:
    """Other work holds the one writer thread (a backup, a big import) until the returned
    gate opens: the next background save waits in line behind it."""
    gate = threading.Event()
    Op(wizard, lambda: gate.wait(10)).writes().run()
    return gate


def _stored(holder) -> object:
    saved = drafts.load_draft(holder.session, DRAFT_KIND, "visit")
    return None if saved is None else saved.data["answers"]["follow_up_visit"].get("place_other")


def test_discarding_a_form_while_its_draft_is_saved_leaves_no_draft(qtbot, agency):
    holder = SessionHolder(agency.sign_in("cara"))
    try:
        wizard = _wizard(qtbot, holder)
        _type_place(qtbot, wizard, "Market")
        gate = _writer_busy(wizard)
        wizard.save_draft()  # waiting in line in the background
        wizard.ask_close = lambda: QMessageBox.StandardButton.Discard
        threading.Timer(0.5, gate.set).start()  # the other work ends in a moment
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)
        assert not wizard.isVisible()
        wait_for_background()
        qtbot.wait(50)
        assert drafts.load_draft(holder.session, DRAFT_KIND, "visit") is None
    finally:
        holder.session.close()

"""Screenshots of the real window under Xvfb, for the README and for looking at what we build.

    python -m tests.screenshots [--out tests/screenshots]

Starts Xvfb itself (a 1366×768 screen, the size of the offices' PCs) when no display is set,
runs the application on a fresh demo store, and saves: the first-run screen, the login, the case
list, a case file with its plan and timeline, "My tasks", the supervisor queue, the case list in
French, the first page of each form in English and French, the preview of a printed document,
a case's Documents tab, and the first page of the closure and transfer forms.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _relaunch_under_xvfb() -> int:
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print("Needs Xvfb: apt-get install xvfb", file=sys.stderr)
        return 1
    command = [xvfb, "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-m", "tests.screenshots"]
    return subprocess.call(command + sys.argv[1:], cwd=ROOT)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.screenshots")
    parser.add_argument("--out", default=str(ROOT / "tests" / "screenshots"))
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        return _relaunch_under_xvfb()
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("UlinziScreenshots")
    app.setApplicationName("Ulinzi")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)

    from desktop.demo import create_demo_store, sample_answers
    from tests.benchmarks.plain import FAST_KDF
    from ui import i18n
    from ui.app import Controller
    from ui.background import wait_for_background
    from ui.session_holder import SessionHolder

    def settle(seconds: float = 0.6) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.01)
        wait_for_background()
        app.processEvents()

    def shoot(name: str) -> None:
        settle()
        window = QApplication.activeWindow() or controller.window
        window.grab().save(str(out / f"{name}.png"))
        print(f"saved {out / name}.png")

    with tempfile.TemporaryDirectory(prefix="ulinzi-shots-") as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        empty, demo_folder = Path(tmp) / "store", Path(tmp) / "demo"

        controller = Controller(empty, demo_folder, demo=False)
        controller.start()
        shoot("first-run")

        demo = create_demo_store(demo_folder, 300, seed=7, kdf=FAST_KDF)
        demo.session.close()
        controller = Controller(empty, demo_folder, demo=True)
        controller.start()
        login = controller.login
        login.username.setText("amina")
        login.password.setText(demo.password)
        shoot("login")

        login.submit()
        for _ in range(200):
            settle(0.05)
            if getattr(controller, "main", None) is not None and controller.main.counts.text():
                break
        main = controller.main
        shoot("case-list")

        rows = main.case_list.model
        target = next(
            i for i in range(rows.rowCount()) if rows.row_at(i).stage == "follow_up"
        )  # a case with a plan, visits and a review to show
        main.cases.open_case(rows.uuid_at(target))
        settle(1.0)
        shoot("case-file")
        main.tabs.currentWidget().tabs.setCurrentIndex(1)
        shoot("case-plan")
        main.tabs.currentWidget().tabs.setCurrentIndex(2)
        shoot("case-timeline")
        main.tabs.currentWidget().tabs.setCurrentIndex(0)
        main.show_tasks()
        shoot("my-tasks")
        main.cases.open_case(rows.uuid_at(target))
        settle()

        # Each form's first page, in English and in French.
        from ui.form_wizard import FormWizard

        case_file = main.tabs.currentWidget()
        for language in ("en", "fr"):
            i18n.set_language(language)
            settle()
            for form in case_file.form_set.ordered():
                if form.id == "case_conference":
                    continue  # written from the Conferences tab, shot below
                if form.id == "registration":
                    main.cases.new_case()
                else:
                    main.cases.fill_form(case_file.uuid, form.id)
                settle(1.0)
                wizard = next(w for w in main.findChildren(FormWizard) if w.isVisible())
                wizard.resize(1366, 740)
                settle()
                wizard.grab().save(str(out / f"form-{form.id}-{language}.png"))
                print(f"saved {out}/form-{form.id}-{language}.png")
                wizard.ask_close = lambda: QMessageBox.StandardButton.Discard
                wizard.close()
                settle(0.3)

        # Printing: the closure form of a closed case, previewed, printed and filed back.
        from desktop import case_forms, cases, documents
        from ui.document_view import DocumentPreview

        i18n.set_language("en")
        settle()
        _people_section(main, settle, out)
        _long_name(main, settle, out)
        closed_uuid = cases.list_cases(main.session, status="closed")[0].uuid
        main.cases.open_case(closed_uuid)
        settle(1.0)
        main.documents.print_document(closed_uuid, "closure", [], "")
        settle(1.5)
        preview = next(w for w in main.findChildren(DocumentPreview) if w.isVisible())
        preview.resize(1000, 740)
        settle(0.5)
        preview.grab().save(str(out / "document-preview.png"))
        print(f"saved {out}/document-preview.png")
        _first_page(preview.pdf, out / "closure-form.png")
        preview.printed.emit()  # as if the print dialog said Print
        preview.close()
        settle(1.5)
        printed = documents.printed_documents(main.session, closed_uuid)
        documents.attach_signed_copy(
            main.session, closed_uuid, printed[0].id, "closure-signed.jpg", _photo()
        )
        main.cases.open_case(closed_uuid, reload=True)
        settle(1.0)
        main.tabs.currentWidget().tabs.setCurrentIndex(4)
        shoot("case-documents")

        # A case conference: scheduled, its minutes warned about an organisation the consent
        # does not name, then finalised with the override's reason, and printed.
        _conference(main, rows.uuid_at(target), settle, out)

        # A transfer request, approved below by the supervisor, for the transfer form.
        transfer = rows.uuid_at(target)
        form = case_forms.form_set(main.session).get("transfer_request")
        case_forms.submit_form(
            main.session,
            transfer,
            "transfer_request",
            sample_answers(
                form,
                random.Random(3),
                date.today(),
                to_agency="Demo North District Office",
                reason="moved_district",
                documents=["registration", "assessments", "case_plan"],
            ),
            None,
        )

        main.tabs.setCurrentIndex(0)
        i18n.set_language("fr")
        main.case_list.refresh()
        shoot("case-list-fr")
        i18n.set_language("en")
        main.sign_out()
        settle()

        # The supervisor's queue, as Grace (Amina's supervisor) sees it.
        from desktop import accounts
        from ui.tasks import SupervisorQueueWidget

        grace = accounts.sign_in(demo_folder, "grace", demo.password)
        queue = SupervisorQueueWidget(SessionHolder(grace))
        queue.resize(1366, 740)
        queue.show()
        queue.refresh()
        settle(1.0)
        queue.grab().save(str(out / "supervisor-queue.png"))
        print(f"saved {out}/supervisor-queue.png")
        # Approving from the queue: what is decided, on which child, asked before it is saved.
        from ui.tasks import DecisionDialog

        chosen = next((a for a in queue.queue.approvals if a.can_decide), None)
        if chosen is not None:
            confirm = DecisionDialog(chosen, True, parent=queue)
            confirm.show()
            settle()
            confirm.grab().save(str(out / "supervisor-approval.png"))
            print(f"saved {out}/supervisor-approval.png")
            confirm.close()
        queue.close()
        # The Dashboard, as Grace sees her team's figures, in English and in French.
        from ui.dashboard import DashboardWidget

        for language in ("en", "fr"):
            i18n.set_language(language)
            board = DashboardWidget(SessionHolder(grace))
            board.resize(1366, 740)
            board.show()
            for _ in range(60):
                if board.data is not None:
                    break
                settle(0.5)
            settle()
            board.grab().save(str(out / f"dashboard-{language}.png"))
            print(f"saved {out}/dashboard-{language}.png")
            board.close()
        i18n.set_language("en")
        # The monthly return's first page, as Grace prints her team's last month.
        from desktop import monthly
        from desktop.indicators import Period

        made_return = monthly.monthly_return(grace, Period.current("month").earlier(1), "pdf")
        _first_page(made_return.data, out / "monthly-return.png")
        from desktop import case_flow

        waiting = next(
            a for a in case_flow.supervisor_queue(grace).approvals if a.case_uuid == transfer
        )
        case_flow.decide(grace, waiting.id, True)
        made = documents.make_document(grace, transfer, "transfer", language="en")
        _first_page(made.pdf, out / "transfer-form.png")
        _exchange(grace, demo_folder, demo.password, settle, out)
        grace.close()
    return 0


def _exchange(grace, folder: Path, password: str, settle, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The address book, sending a case, and an import's preview from an unknown sender."""
    from desktop import exchange
    from desktop.exchange import Identity
    from tests.stories import sample_preview
    from ui.admin import AdminDialog
    from ui.exchange import ExportDialog, ImportDialog
    from ui.session_holder import SessionHolder

    for name, code, verified in (
        ("Musanze District Office", "MUS", True),
        ("Hope Counselling Centre", "HCC", False),
    ):
        keys = exchange.AgencyKeys.generate()
        exchange.add_partner(
            grace, Identity(name, code, keys.age_recipient, keys.verify_key), verified
        )
    partners = exchange.partners(grace)
    dialog = ExportDialog(partners, supervisor=True)
    dialog.reason.setText("The family moved to Musanze.")
    dialog.show()
    settle(0.5)
    dialog.grab().save(str(out / "send-case.png"))
    print(f"saved {out}/send-case.png")
    dialog.close()
    preview = sample_preview()
    dialog = ImportDialog(preview, [("grace", "Grace Mwangi")], supervisor=True)
    dialog.show()
    settle(0.5)
    dialog.grab().save(str(out / "import-preview.png"))
    print(f"saved {out}/import-preview.png")
    dialog.close()
    admin = AdminDialog(SessionHolder(grace))
    admin.resize(1000, 700)
    admin.tabs.setCurrentWidget(admin.partners)
    admin.show()
    settle(1.5)
    admin.grab().save(str(out / "partners.png"))
    print(f"saved {out}/partners.png")
    admin.close()

    # Administration → Agency in French: the deadlines read whole, without scrolling sideways.
    from ui import i18n

    i18n.set_language("fr")
    admin = AdminDialog(SessionHolder(grace))
    admin.tabs.setCurrentWidget(admin.agency)
    admin.show()
    settle(1.0)
    admin.grab().save(str(out / "admin-agency-fr.png"))
    print(f"saved {out}/admin-agency-fr.png")
    admin.close_now()
    i18n.set_language("en")

    # A case as another agency sent it (here, one of the demo's own cases, as if it came
    # from Rubavu), beside ours in the case file's tab.
    from datetime import UTC, datetime

    from desktop import case_forms, cases
    from desktop.exchange import ReceivedFile, ReceivedForm, ReceivedHistoryEntry
    from ui.received import ReceivedTab

    row = next(r for r in cases.list_cases(grace, status="open") if r.stage == "follow_up")
    sent = ReceivedFile(
        id=1,
        kind="transfer",
        agency_name="Rubavu District Office",
        agency_code="RUB",
        their_number="RUB-2026-00017",
        received_at=datetime.now(UTC),
        forms=[
            ReceivedForm(
                x.definition,
                x.instance,
                x.revision,
                x.answers,
                x.changed,
                x.submitted_at,
                "Jean Habimana",
            )  # fmt: skip
            for x in case_forms.case_submissions(grace, row.uuid)
        ],
        history=[  # a demo store keeps no history of its made-up cases: a likely one
            ReceivedHistoryEntry(row.registered_at, "jean", "case.registered", ""),
            *(
                ReceivedHistoryEntry(x.submitted_at, "jean", "form.saved", x.form_id)
                for x in case_forms.case_submissions(grace, row.uuid)
            ),
            ReceivedHistoryEntry(datetime.now(UTC), "jean", "package.exported", "transfer to DEMO"),
        ],
        has_transfer_form=True,
    )
    tab = ReceivedTab([sent])
    tab.resize(1100, 620)
    tab.show()
    settle(0.5)
    tab.grab().save(str(out / "received.png"))
    print(f"saved {out}/received.png")
    tab.close()


def _people_section(main, settle, out: Path) -> None:  # type: ignore[no-untyped-def]
    """Registration → Home and care, with a person added by its "+ Add" button and typed in."""
    from PySide6.QtWidgets import QMessageBox

    from ui.form_fields import GroupField
    from ui.form_wizard import FormWizard

    main.cases.new_case()
    settle(1.0)
    wizard = next(w for w in main.findChildren(FormWizard) if w.isVisible())
    page = next(i for i, p in enumerate(wizard.pages) if p.section.id == "home")
    wizard.go_to(page)
    group = next(f for f in wizard.pages[page].fields if isinstance(f, GroupField))
    group.add_button.click()
    typed = {"name": "Marie Uwase", "relationship": "Aunt", "contact": "+250 788 000 111"}
    for widget in group.entries[-1][1]:
        widget.set_value(typed.get(widget.field.id))
    settle()
    wizard.grab().save(str(out / "form-registration-people-en.png"))
    print(f"saved {out}/form-registration-people-en.png")
    wizard.ask_close = lambda: QMessageBox.StandardButton.Discard
    wizard.close()
    settle(0.3)


def _long_name(main, settle, out: Path) -> None:  # type: ignore[no-untyped-def]
    """A case whose child has a very long name: the window must still fit the screen."""
    from desktop import case_forms
    from tests.stories import consent, registration

    given = "Marie-Claire Immaculée Josephine Uwimana Nyiraneza"
    family = "Mukamazimpaka-Habyarimana Ingabire Uwase Nyirabahizi"
    made = case_forms.register_with_forms(
        main.session,
        {
            "registration": registration(given, family),
            "consent": consent("Kibera Health Centre"),
        },
    )
    main.cases.open_case(made.uuid)
    settle(1.0)
    main.grab().save(str(out / "case-long-name.png"))
    print(f"saved {out}/case-long-name.png")


def _conference(main, uuid: str, settle, out: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    from desktop import conferences, documents
    from ui.case_file import CONFERENCES_TAB
    from ui.form_wizard import FormWizard

    session = main.session
    conferences.schedule(
        session,
        uuid,
        datetime.now(UTC) - timedelta(hours=2),
        "District office, meeting room 2",
        "Grace Mwangi",
        "review_plan",
    )
    main.cases.open_case(uuid, reload=True)
    settle(1.0)
    main.conferences.write_minutes(uuid, 1)
    settle(1.0)
    wizard = next(w for w in main.findChildren(FormWizard) if w.isVisible())
    wizard.resize(1366, 740)
    answers = dict(wizard.answers["case_conference"])
    people = answers["attendees"] + [
        {
            "name": "Joseph Ndayisaba",
            "organisation": "Youth Football Club",
            "role": "Coach",
            "attendance": "present",
            "basis": "consent",
        }
    ]
    answers |= {
        "held_on": date.today().isoformat(),
        "attendees": people,
        "decisions": [
            {"decision": "The child stays with the grandmother.", "best_interests": False}
        ],
        "actions": [
            {
                "action": "Visit the school with the grandmother",
                "owner": "Amina Juma",
                "our_agency": True,
                "goal_number": 1,
                "due": date.today().isoformat(),
            },
            {
                "action": "Weekly sessions with the child",
                "owner": "Joseph Ndayisaba",
                "our_agency": False,
                "organisation": "Youth Football Club",
                "due": date.today().isoformat(),
            },
        ],
    }
    for field_id, value in answers.items():
        wizard.widget_for("case_conference", field_id).set_value(value)
    wizard.finish()  # refused: the club is not in the consent form
    settle(0.5)
    wizard.grab().save(str(out / "conference-attendees.png"))
    print(f"saved {out}/conference-attendees.png")
    people[-1] |= {
        "basis": "override",
        "override_reason": "The chair agreed: the coach sees the child every week.",
    }
    wizard.widget_for("case_conference", "attendees").set_value(people)
    wizard.finish()
    settle(1.5)
    main.tabs.currentWidget().tabs.setCurrentIndex(CONFERENCES_TAB)
    settle(0.5)
    main.grab().save(str(out / "case-conferences.png"))
    print(f"saved {out}/case-conferences.png")
    made = documents.make_document(session, uuid, "minutes", conference=1, language="en")
    _first_page(made.pdf, out / "conference-minutes.png")


def _first_page(pdf: bytes, png: Path) -> None:
    """A document's first page as the README shows it (pdftoppm reads the PDF from stdin)."""
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "80",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            "-",
            str(png.with_suffix("")),
        ],
        input=pdf,
        check=True,
    )
    print(f"saved {png}")


def _photo() -> bytes:
    """A stand-in for a phone photo of the signed paper."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 800), "#f7f5ef")
    ImageDraw.Draw(image).text((40, 40), "signed closure form", fill="#333333")
    out = io.BytesIO()
    image.save(out, "JPEG")
    return out.getvalue()


if __name__ == "__main__":
    sys.exit(main())

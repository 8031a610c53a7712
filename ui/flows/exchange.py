"""Packages between agencies (send a case, import one or its receipt) and backups."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from desktop import backups, documents, exchange
from desktop.packages import PassphraseNeeded
from desktop.session import UserSession
from desktop.vocabulary import Role
from ui.common import show_error
from ui.exchange import BackupDialog, ExportDialog, ImportDialog
from ui.flows.base import Flow

Opened = tuple[bytes, Any, list[tuple[str, str]]]  # the file, its preview, the caseworkers


class ExchangeFlow(Flow):
    def send_case(self, uuid: str, referral: bool) -> None:
        """Send a case whose transfer was approved, or a referral package, as a package file.
        A referral with no partner agency to go to says so before anything is asked; then the
        consent is checked, then the package is chosen."""
        window = self.window

        def ready(partners: list[exchange.Partner]) -> None:
            if referral and not partners:  # said before anything is asked
                window.tell(
                    self.tr("Send a referral package"),
                    self.tr(
                        "A referral package goes to a partner agency in the address book, and "
                        "there is none yet. An administrator adds the provider's agency in "
                        "Administration → Partners and backups."
                    ),
                )
                return
            window.cases.with_consent(
                uuid, "package", lambda: self._choose_package(uuid, referral, partners)
            )

        if self.window.cases.case_widget(uuid) is not None:
            self.op(exchange.partners).on_success(ready).run()

    def _choose_package(self, uuid: str, referral: bool, partners: list[exchange.Partner]) -> None:
        window = self.window
        holder = self.holder
        widget = window.cases.case_widget(uuid)
        if widget is None:
            return

        def check(choice: dict[str, object]) -> None:
            asked = {k: v for k, v in choice.items() if k != "reason"}
            exchange.check_export(holder.session, uuid, **asked)  # type: ignore[arg-type]

        saved = {x.form_id for x in widget.case.forms}
        dialog = ExportDialog(
            partners,
            referral_forms=widget.form_set if referral else None,
            saved_forms=saved,
            attachments=widget.attachments.titles(),
            supervisor=Role.SUPERVISOR in self.holder.session.user.roles,
            parent=window,
            check=check,
        )
        if not window.ask_dialog(dialog):
            return
        choice = dialog.choice()
        number = widget.case.row.case_number
        kind = self.tr("referral") if referral else self.tr("transfer")
        path = window.ask_save_path(
            self.tr("Save the package"),
            f"{number}-{kind}.ulz",
            self.tr("Case packages (*.ulz)"),
        )
        if not path:
            return

        def done(result: exchange.Exported) -> None:
            text = self.tr(
                "The package was written to {path}.\n\nIts SHA-256, kept in the case's "
                "history: {sha}"
            ).format(path=result.path, sha=result.sha256)
            if choice["passphrase"]:
                text += "\n\n" + self.tr(
                    "Send the passphrase by another way than the package (a phone call, "
                    "an SMS), never with it."
                )
            window.refresh_work()
            window.cases.open_case(uuid, reload=True)
            window.tell(self.tr("Package sent"), text)

        self.op(
            lambda s: exchange.export_case(s, uuid, Path(path), **choice)
        ).writes().with_progress(
            self.tr("Making the package of case {number}…").format(number=number)
        ).on_success(done).run()

    def import_package(self) -> None:
        """Open a package (or a receipt), preview it, then import it as the person chooses."""
        window = self.window
        path = window.ask_open_path(
            self.tr("Import a case package"), self.tr("Case packages (*.ulz);;All files (*)")
        )
        if not path:
            return
        checking = self.tr("Opening the package and checking its signature…")
        importing = self.tr("Importing the case…")

        def read(session: UserSession, passphrase: str | None) -> Opened:
            data = exchange.read_file(Path(path))
            preview, _ = exchange.open_package(session, data, passphrase)
            return data, preview, exchange.caseworkers(session)

        def opened(result: Opened, passphrase: str | None = None) -> None:
            data, preview, caseworkers = result
            if preview.kind == "receipt" or preview.already_imported:
                self.op(
                    lambda s: exchange.import_package(s, data, passphrase=passphrase)
                ).writes().with_progress(importing).on_success(self._imported).run()
                return
            dialog = ImportDialog(
                preview,
                caseworkers,
                supervisor=Role.SUPERVISOR in self.holder.session.user.roles,
                parent=window,
            )
            if not window.ask_dialog(dialog):
                return
            choice = dialog.choice()
            link = choice.pop("link_number")

            def work(session: UserSession) -> exchange.Imported:
                link_to = documents.case_uuid_of(session, str(link)) if link else None
                return exchange.import_package(
                    session, data, passphrase=passphrase, link_to=link_to, **choice
                )

            self.op(work).writes().with_progress(importing).on_success(self._imported).run()

        def failed(error: Exception) -> None:
            if isinstance(error, PassphraseNeeded):
                passphrase = window.ask_passphrase()
                if passphrase:
                    self.op(lambda s: read(s, passphrase)).with_progress(checking).on_success(
                        lambda r: opened(r, passphrase)
                    ).run()
                return
            show_error(window, error)

        self.op(lambda s: read(s, None)).with_progress(checking).on_success(opened).on_failure(
            failed
        ).run()

    def _imported(self, done: exchange.Imported) -> None:
        window = self.window
        window.refresh_work()
        if done.already:
            window.tell(
                self.tr("Already imported"),
                self.tr(
                    "This package was already imported (case {number}): nothing was changed."
                ).format(number=done.case_number),
            )
            return
        if done.receipt is None:
            window.tell(
                self.tr("Receipt recorded"),
                self.tr("Case {number} arrived at the other agency: it is in its history.").format(
                    number=done.case_number
                ),
            )
            return
        if done.case_uuid:
            window.cases.open_case(done.case_uuid, reload=True)
        if done.left_out:
            window.tell(
                self.tr("Attachments left out"),
                self.tr(
                    "This agency's rules keep these attachments out of case {number} (a photo "
                    "of the child where photos are not kept, or a file above the size limit): "
                    "{files}. The sending agency still holds them."
                ).format(number=done.case_number, files=", ".join(done.left_out)),
            )
        target = window.ask_save_path(
            self.tr("Save the receipt for the sending agency"),
            f"{done.case_number}-receipt.ulz",
            self.tr("Case packages (*.ulz)"),
        )
        if target:
            try:
                Path(target).write_bytes(done.receipt)
            except OSError as e:
                show_error(window, e)
                return
            window.tell(
                self.tr("Case imported"),
                self.tr(
                    "The case is {number}. Send the receipt {path} back to the sending "
                    "agency: it records that the case arrived."
                ).format(number=done.case_number, path=target),
            )

    def back_up(self) -> None:
        window = self.window
        holder = self.holder
        dialog = BackupDialog(
            window,
            check=lambda folder, secret: backups.check_backup(holder.session, folder, **secret),
        )
        if not window.ask_dialog(dialog):
            return
        folder, secret = dialog.choice()
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M")
        out = folder / f"ulinzi-{self.holder.session.agency.code}-{stamp}.backup"

        def done(info: backups.BackupInfo) -> None:
            window.backup_banner.hide()
            window.tell(
                self.tr("Backup written"),
                self.tr("{cases} cases were backed up to {path} ({size} MB).").format(
                    cases=info.cases, path=info.path, size=round(info.size / 1024 / 1024, 1)
                ),
            )

        self.op(lambda s: backups.backup(s, out, **secret)).writes().with_progress(
            self.tr("Backing up the store to {path}…").format(path=out)
        ).on_success(done).run()

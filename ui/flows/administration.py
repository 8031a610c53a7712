"""The agency's administration and its directory of service providers, as dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop import agency
from ui.flows.base import Flow


class AdministrationFlow(Flow):
    def administration(self) -> None:
        from ui.admin import AdminDialog

        AdminDialog(self.holder, self.window).exec()
        window = self.window
        if not self.holder.is_locked and not self.holder.is_closed:
            window.update_title()
            window.idle.set_interval(
                agency.load_settings(self.holder.session).idle_minutes * 60_000
            )

    def service_providers(self) -> None:
        from ui.providers import ProvidersDialog

        ProvidersDialog(self.holder, self.window).exec()

    def about(self) -> None:
        from desktop.version import version

        QMessageBox.about(
            self.window,
            self.window.about_action.text().replace("&", ""),
            "<h3>Ulinzi</h3><p>"
            + self.tr("Version {version}").format(version=version())
            + "</p><p>"
            + self.tr("Offline case management for child protection social workers.")
            + "</p>",
        )

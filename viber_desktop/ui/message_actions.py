"""The composition's file and clipboard actions: import, export, copy, curl, templates."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from viber_desktop.core.curl import curl_command
from viber_desktop.core.endpoints import endpoint_url
from viber_desktop.core.text import compact_json, pretty_json
from viber_desktop.services.atomic import write_atomic
from viber_desktop.services.sending import resolve_target
from viber_desktop.services.templates import TemplateError
from viber_desktop.ui.import_dialog import ImportDialog
from viber_desktop.ui.templates_dialog import TemplatesDialog

if TYPE_CHECKING:
    from viber_desktop.ui.main_window import MainWindow


class MessageActions(QObject):
    """Actions on the current composition, for the menus and buttons of ``window``."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window

    def import_json(self) -> None:
        dialog = ImportDialog(self.window)
        if dialog.exec() and dialog.payload is not None:
            self.window.modes.setCurrentIndex(0)
            self.window.replace_message(dialog.payload, self.tr("Import"), dialog.notice or "")

    def export_json(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export payload"), "message.json", self.tr("JSON files (*.json)")
        )
        if name:
            data = pretty_json(self.window.composer.payload()).encode("utf-8") + b"\n"

            def failed(exc: Exception) -> None:
                QMessageBox.warning(self.window, self.tr("Export"), str(exc))

            self.window.ctx.runner.run(
                lambda: write_atomic(Path(name), data),
                lambda _: self.window.status.showMessage(self.tr("Saved"), 4000),
                failed,
            )

    def copy_json(self) -> None:
        QApplication.clipboard().setText(compact_json(self.window.composer.payload()))
        self.window.status.showMessage(self.tr("JSON copied"), 3000)

    def copy_curl(self) -> None:
        profile = self.window.current_profile()
        QApplication.clipboard().setText(
            curl_command(
                endpoint_url(profile.public_api_url, "send_message"),
                compact_json(self.window.composer.payload()),
            )
        )
        self.window.status.showMessage(
            self.tr("curl command copied (token as $VIBER_AUTH_TOKEN)"), 4000
        )

    def copy_curl_with_token(self) -> None:
        """Copy curl with the real token, only after an explicit warning."""
        answer = QMessageBox.warning(
            self.window,
            self.tr("Copy the real token?"),
            self.tr(
                "The command will contain the bot token in plain text. Anyone who sees your "
                "clipboard, a pasted chat or your shell history can then send messages as your "
                "bot.\n\nCopy it anyway?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        profile = self.window.current_profile()
        body = compact_json(self.window.composer.payload())
        session_token = self.window.ctx.session_tokens.get(profile.name)

        def work() -> str:
            target = resolve_target(profile, session_token=session_token)
            return curl_command(endpoint_url(target.base_url, "send_message"), body, target.token)

        def failed(exc: Exception) -> None:
            QMessageBox.warning(self.window, self.tr("Copy as curl"), str(exc))

        def done(text: str) -> None:
            QApplication.clipboard().setText(text)
            self.window.status.showMessage(self.tr("curl command with the token copied"), 4000)

        self.window.ctx.runner.run(work, done, failed)

    def save_template(self) -> None:
        name, ok = QInputDialog.getText(
            self.window, self.tr("Save as template"), self.tr("Template name:")
        )
        if not ok or not name.strip():
            return
        store = self.window.ctx.templates
        try:
            if (
                store.exists(name)
                and QMessageBox.question(
                    self.window,
                    self.tr("Save as template"),
                    self.tr("Replace the template “%1”?").replace("%1", name.strip()),
                )
                != QMessageBox.StandardButton.Yes
            ):
                return
            store.save(name, self.window.composer.payload())
        except TemplateError as exc:
            QMessageBox.warning(self.window, self.tr("Save as template"), str(exc))
            return
        self.window.status.showMessage(self.tr("Template saved"), 4000)

    def open_templates(self) -> None:
        dialog = TemplatesDialog(self.window.ctx.templates, self.window)
        if dialog.exec() and dialog.payload is not None:
            self.window.modes.setCurrentIndex(0)
            self.window.replace_message(
                dialog.payload, self.tr("Open template"), dialog.notice or ""
            )

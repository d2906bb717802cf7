"""The message's file and clipboard actions: new, import, export, copy, curl, templates."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QStatusBar, QWidget

from viber_desktop.core.curl import curl_command
from viber_desktop.core.endpoints import endpoint_url
from viber_desktop.core.pointer import Edit
from viber_desktop.core.text import compact_json, pretty_json
from viber_desktop.services.atomic import write_atomic
from viber_desktop.services.sending import resolve_target
from viber_desktop.services.settings import Profile
from viber_desktop.services.templates import TemplateError
from viber_desktop.ui.assets import sample_payload
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.document import MessageDocument

if TYPE_CHECKING:  # records made after the start (issue 16)
    from viber_desktop.core.history_records import HistoryEntry


class MessageActions(QObject):
    """Actions on the message of ``doc``; dialogs open over ``parent``.

    Signals:
        replaced(): the whole message was replaced (show the composer).
    """

    replaced = Signal()

    def __init__(
        self,
        doc: MessageDocument,
        ctx: AppContext,
        status: QStatusBar,
        profile: Callable[[], Profile],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.ctx = ctx
        self.status = status
        self.profile = profile
        self.parent_widget = parent
        self._sender_defaults = ("", "")  # the last profile's default sender name and avatar

    def replace(self, payload: dict[str, Any], step: str, notice: str = "") -> None:
        """Replace the message as one undo step and say how to get it back."""
        self.doc.replace(payload, step)
        self.say_replaced(step, notice)

    def say_replaced(self, step: str, notice: str = "") -> None:
        """Show the composer and say how to get the replaced message back."""
        self.replaced.emit()
        undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        said = self.tr("{step}: the message was replaced. {undo} brings back the previous one.")
        self.status.showMessage(
            " ".join(filter(None, (said.format(step=step, undo=undo), notice))),
            0 if notice else 10_000,  # a notice stays until the next message
        )

    def use_profile_sender(self, profile: Profile) -> None:
        """Use the profile's default sender unless the user typed another one."""
        edits = []
        for path, default, previous in zip(
            ("/sender/name", "/sender/avatar"),
            (profile.sender_name, profile.sender_avatar),
            self._sender_defaults,
            strict=True,
        ):
            value = self.doc.get(path)
            if default and value in (None, "", previous) and value != default:
                edits.append(Edit("set", path, default))
        self._sender_defaults = (profile.sender_name, profile.sender_avatar)
        self.doc.apply(edits, self.tr("Use the profile's sender"))

    def new_message(self) -> None:
        self.replace(sample_payload("text"), self.tr("New message"))

    def open_example(self, key: str) -> None:
        """Start from one of the examples (the receiver and sender stay)."""
        from viber_desktop.ui.composer.gallery import example_message  # start-up: on first use

        self.replace(*example_message(self.doc.data, key))

    def open_entry(self, entry: HistoryEntry) -> None:
        """Open a sent request from the history in the composer."""
        try:
            payload = json.loads(entry.request)
        except ValueError:
            return
        if isinstance(payload, dict):
            self.replace(payload, self.tr("Open history entry #{id}").format(id=entry.id))

    def import_json(self) -> None:
        from viber_desktop.ui.import_dialog import ImportDialog  # start-up: on first use

        dialog = ImportDialog(self.parent_widget)
        if dialog.exec() and dialog.payload is not None:
            self.replace(dialog.payload, self.tr("Import"), dialog.notice or "")

    def export_json(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox  # start-up: their enums (2-3 ms)

        name, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("Export payload"),
            "message.json",
            self.tr("JSON files (*.json)"),
        )
        if name:
            data = pretty_json(self.doc.data).encode("utf-8") + b"\n"

            def failed(exc: Exception) -> None:
                QMessageBox.warning(self.parent_widget, self.tr("Export"), str(exc))

            self.ctx.runner.run(
                lambda: write_atomic(Path(name), data),
                lambda _: self.status.showMessage(self.tr("Saved"), 4000),
                failed,
            )

    def copy_json(self) -> None:
        QApplication.clipboard().setText(compact_json(self.doc.data))
        self.status.showMessage(self.tr("JSON copied"), 3000)

    def copy_curl(self) -> None:
        profile = self.profile()
        QApplication.clipboard().setText(
            curl_command(
                endpoint_url(profile.public_api_url, "send_message"), compact_json(self.doc.data)
            )
        )
        self.status.showMessage(self.tr("curl command copied (token as $VIBER_AUTH_TOKEN)"), 4000)

    def copy_curl_with_token(self) -> None:
        """Copy curl with the real token, only after an explicit warning."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.warning(
            self.parent_widget,
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
        profile = self.profile()
        body = compact_json(self.doc.data)
        session_token = self.ctx.session_tokens.get(profile.name)
        sandbox, vault = self.ctx.sandbox, self.ctx.vault

        def work() -> str:
            target = resolve_target(
                profile, session_token=session_token, sandbox=sandbox, vault=vault
            )
            return curl_command(endpoint_url(target.base_url, "send_message"), body, target.token)

        def failed(exc: Exception) -> None:
            QMessageBox.warning(self.parent_widget, self.tr("Copy as curl"), str(exc))

        def done(text: str) -> None:
            QApplication.clipboard().setText(text)
            self.status.showMessage(self.tr("curl command with the token copied"), 4000)

        self.ctx.runner.run(work, done, failed)

    def save_template(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        parent = self.parent_widget
        title = self.tr("Save as template")
        name, ok = QInputDialog.getText(parent, title, self.tr("Template name:"))
        if not ok or not name.strip():
            return
        store = self.ctx.templates
        try:
            if (
                store.exists(name)
                and QMessageBox.question(
                    parent,
                    title,
                    self.tr("Replace the template “{name}”?").format(name=name.strip()),
                )
                != QMessageBox.StandardButton.Yes
            ):
                return
            store.save(name, self.doc.data)
        except TemplateError as exc:
            QMessageBox.warning(parent, title, str(exc))
            return
        self.status.showMessage(self.tr("Template saved"), 4000)

    def open_templates(self) -> None:
        from viber_desktop.ui.templates_dialog import TemplatesDialog  # start-up: on first use

        dialog = TemplatesDialog(self.ctx.templates, self.parent_widget)
        if dialog.exec() and dialog.payload is not None:
            self.replace(dialog.payload, self.tr("Open template"), dialog.notice or "")

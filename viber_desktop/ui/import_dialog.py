"""Import JSON: paste or open a payload; the forms fill in, unknown fields are kept."""

from pathlib import Path
from typing import Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import i18n
from viber_desktop.core.body_token import BODY_TOKEN_NOTICE, strip_body_token
from viber_desktop.core.i18n import number
from viber_desktop.core.jsonio import JsonInputError, parse_json
from viber_desktop.ui.theme import state_color


def parse_payload(text: str) -> tuple[dict[str, Any] | None, str]:
    """Parse pasted JSON; return (payload, "") or (None, a message naming the problem).

    A bot token in the body (``auth_token``) is removed; see :func:`strip_body_token`.
    """
    if not text.strip():
        return None, "Paste a JSON payload or open a file."
    try:
        data = parse_json(text, what="The pasted text")
    except JsonInputError as exc:
        return None, str(exc)
    if not isinstance(data, dict):
        return None, "The payload must be a JSON object ({…}), not a list or a value."
    return data, ""


class ImportDialog(QDialog):
    """Paste or open a send_message payload. After ``exec()``, ``payload`` holds it and
    ``notice`` what the user must be told (a bot token was removed), or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import JSON payload"))
        self.payload: dict[str, Any] | None = None
        self.notice: str | None = None
        self.edit = QPlainTextEdit()
        self.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.edit.setPlaceholderText(
            '{"receiver": "…", "type": "text", "text": "…", "sender": {"name": "…"}}'
        )
        self.edit.setAccessibleName(self.tr("Payload JSON"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        open_btn = QPushButton(self.tr("&Open file…"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Paste a send_message body, or open a .json file. "
                    "Fields the forms do not edit are kept and flagged."
                )
            )
        )
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.error)
        layout.addWidget(open_btn)
        layout.addWidget(self.buttons)
        open_btn.clicked.connect(self.open_file)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(640, 480)

    def open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open payload"), "", self.tr("JSON files (*.json);;All files (*)")
        )
        if not name:
            return
        try:
            raw = Path(name).read_bytes()
            text = raw.decode("utf-8-sig")
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            self._error(self.tr("Cannot read {file}: {reason}").format(file=name, reason=reason))
            return
        except UnicodeDecodeError as exc:
            self._error(
                self.tr(
                    "{file} is not UTF-8 text (byte {byte}); save it as UTF-8 and open it again."
                ).format(file=name, byte=number(exc.start))
            )
            return
        self.edit.setPlainText(text)
        self.error.clear()

    def try_accept(self) -> None:
        payload, problem = parse_payload(self.edit.toPlainText())
        if payload is None:
            self._error(problem)
            return
        self.payload, removed = strip_body_token(payload)
        self.notice = i18n._(BODY_TOKEN_NOTICE) if removed else None
        self.accept()

    def _error(self, text: str) -> None:
        self.error.setText("✖ " + text)
        self.error.setStyleSheet(f"color: {state_color('error', self)};")

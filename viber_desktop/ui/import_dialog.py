"""Import JSON: paste or open a payload; the forms fill in, unknown fields are kept."""

import json
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

from viber_desktop.ui.theme import state_color


def parse_payload(text: str) -> tuple[dict[str, Any] | None, str]:
    """Parse pasted JSON; return (payload, "") or (None, a message naming the problem)."""
    if not text.strip():
        return None, "Paste a JSON payload or open a file."
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, f"Not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
    except RecursionError:
        return None, "The JSON is nested too deeply."
    if not isinstance(data, dict):
        return None, "The payload must be a JSON object ({…}), not a list or a value."
    if _depth(data) > MAX_IMPORT_DEPTH:
        return None, (
            f"The JSON is nested more than {MAX_IMPORT_DEPTH} levels deep; a Viber "
            "message needs fewer than 10. Check the file."
        )
    return data, ""


MAX_IMPORT_DEPTH = 100


def _depth(value: Any) -> int:
    """How deeply ``value`` nests, computed without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        children = (
            item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        )
        stack.extend((child, level + 1) for child in children)
    return deepest


class ImportDialog(QDialog):
    """Paste or open a send_message payload."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import JSON payload"))
        self.payload: dict[str, Any] | None = None
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
            self.edit.setPlainText(Path(name).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            self._error(self.tr("Cannot read %1: %2").replace("%1", name).replace("%2", str(exc)))

    def try_accept(self) -> None:
        payload, problem = parse_payload(self.edit.toPlainText())
        if payload is None:
            self._error(self.tr(problem))
            return
        self.payload = payload
        self.accept()

    def _error(self, text: str) -> None:
        self.error.setText("✖ " + text)
        self.error.setStyleSheet(f"color: {state_color('error', self)};")

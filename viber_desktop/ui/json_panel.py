"""The JSON tab: the exact request body, its size, and the copy buttons."""

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from viber_desktop.core.text import pretty_json
from viber_desktop.ui.document import MessageDocument


class JsonPanel(QWidget):
    """Shows ``doc`` as JSON; ``copy_json`` and ``copy_curl`` are its buttons."""

    def __init__(self, doc: MessageDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._shown = -1  # the document version the editor shows
        self.editor = QPlainTextEdit()
        self.editor.setReadOnly(True)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setAccessibleName(self.tr("Request JSON"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.copy_json = QPushButton(self.tr("Copy JSON"))
        self.copy_json.setToolTip(self.tr("Copy the exact bytes that will be sent (compact)"))
        self.copy_curl = QPushButton(self.tr("Copy as curl"))
        self.copy_curl.setToolTip(self.tr("The token is written as $VIBER_AUTH_TOKEN"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.editor, 1)
        row = QHBoxLayout()
        row.addWidget(self.copy_json)
        row.addWidget(self.copy_curl)
        row.addStretch(1)
        layout.addLayout(row)

    def refresh(self, size: int) -> None:
        """Show the document (when it changed) and its size in bytes as sent."""
        self.note.setText(
            self.tr(
                "Sent as compact UTF-8 JSON: {bytes} bytes (shown pretty-printed for reading). "
                "The token travels only in the X-Viber-Auth-Token header."
            ).format(bytes=f"{size:,}")
        )
        if self._shown != self.doc.version:
            self._shown = self.doc.version
            self.editor.setPlainText(pretty_json(self.doc.data))

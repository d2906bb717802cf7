"""The JSON tab: the exact request body, editable; its size; the copy buttons.

A valid edit replaces the message as one undo step ("Edit JSON") after a short pause, on
leaving the editor, or before a shortcut runs; typing again in the same stay merges into that
step. Text that is not a JSON object changes nothing and says why, and where.
"""

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QFontDatabase, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import i18n
from viber_desktop.core.body_token import BODY_TOKEN_NOTICE, strip_body_token
from viber_desktop.core.i18n import number
from viber_desktop.core.jsonio import JsonInputError, parse_json
from viber_desktop.core.pointer import Edit
from viber_desktop.core.rules import kind_of
from viber_desktop.core.text import pretty_json, utf16_len
from viber_desktop.ui.composer.fields import route_undo
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.theme import state_color

APPLY_AFTER_MS = 400
_EDITOR_UNSAFE = re.compile("[\ud800-\udfff\u2028\u2029\x85\xa0\ufeff\ufffc]")
"""Characters a text editor would drop or change (lone surrogates, line separators, the
no-break space Qt turns into a space…): shown as JSON escapes, so the text reads back exactly."""
_WHERE = re.compile(r"at line (\d+), column (\d+)\.$")
_CTRL, _ALT, _META = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.MetaModifier,
)


def json_text(data: Any) -> str:
    """``data`` pretty-printed as the editor shows it (reads back to the same JSON)."""
    return _EDITOR_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", pretty_json(data))


class JsonPanel(QWidget):
    """Shows ``doc`` as JSON and applies the user's edits to it; ``copy_json`` and
    ``copy_curl`` are its buttons."""

    def __init__(self, doc: MessageDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._shown = -1  # the document version the editor shows (or was made from)
        self._pending = False  # the user typed something not applied yet
        self._showing = False
        self._burst = 0  # edits in one stay in the editor merge into one undo step
        self.editor = QPlainTextEdit()
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setAccessibleName(self.tr("Request JSON"))
        self.editor.setUndoRedoEnabled(False)  # Ctrl+Z undoes the message, not the text
        self.editor.setTabChangesFocus(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        route_undo(self.editor, self._unapplied)
        self.editor.installEventFilter(self)  # after route_undo: it runs first
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setAccessibleName(self.tr("JSON problem"))
        self.problem.hide()
        self.copy_json = QPushButton(self.tr("Copy JSON"))
        self.copy_json.setToolTip(self.tr("Copy the exact bytes that will be sent (compact)"))
        self.copy_curl = QPushButton(self.tr("Copy as curl"))
        self.copy_curl.setToolTip(self.tr("The token is written as $VIBER_AUTH_TOKEN"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.problem)
        row = QHBoxLayout()
        row.addWidget(self.copy_json)
        row.addWidget(self.copy_curl)
        row.addStretch(1)
        layout.addLayout(row)
        self._timer = QTimer(self, singleShot=True, interval=APPLY_AFTER_MS)
        self._timer.timeout.connect(self.commit)
        self.editor.textChanged.connect(self._typed)

    def refresh(self, size: int) -> None:
        """Show the size in bytes as sent and, when something else changed it, the document."""
        self.note.setText(
            self.tr(
                "Sent as compact UTF-8 JSON: {bytes} bytes (shown pretty-printed). Edit it here "
                "or in the forms: a valid change applies after a short pause. The token travels "
                "only in the X-Viber-Auth-Token header."
            ).format(bytes=number(size))
        )
        if self._shown != self.doc.version:
            self._show_document()

    def commit(self) -> None:
        """Apply what the user typed, if anything: a JSON object replaces the message as one
        undo step; anything else changes nothing and says why."""
        self._timer.stop()
        if not self._pending:
            return
        self._pending = False
        text = self.editor.toPlainText()
        try:
            value = parse_json(text, what=self.tr("The text"))
        except JsonInputError as exc:
            self._say(f"{exc} " + self.tr("Nothing was changed: fix the text to apply it."))
            self._mark(str(exc))
            return
        if not isinstance(value, dict):
            self._say(
                self.tr(
                    "The text is {kind}, not a JSON object ({{…}}): a message is one object with "
                    "its fields inside. Nothing was changed."
                ).format(kind=kind_of(value))
            )
            return
        value, token_removed = strip_body_token(value)
        if json_text(value) != json_text(self.doc.data):  # spacing alone changes nothing
            self.doc.apply([Edit("set", "", value)], self.tr("Edit JSON"), merge=self._merge_key)
        self._shown = self.doc.version  # the user's text stays as typed
        if token_removed:
            self._show_document()  # the token disappears from the screen too
            self._say(i18n._(BODY_TOKEN_NOTICE), "warning")
        else:
            self._say("")

    def _unapplied(self) -> Callable[[], object] | None:
        """Ctrl+Z with text that is not the message (invalid, or not applied yet) goes back to
        the message as it is; otherwise it undoes the message."""
        if self._pending or self.problem.isVisible():
            return self._show_document
        return None

    @property
    def _merge_key(self) -> str:
        return f"json {self._burst}"

    def _typed(self) -> None:
        if not self._showing:
            self._pending = True
            self._timer.start()

    def _show_document(self) -> None:
        """Write the document into the editor, keeping the cursor and scroll where they were."""
        self._timer.stop()
        self._pending = False
        self._burst += 1
        cursor = self.editor.textCursor().position()
        scroll = self.editor.verticalScrollBar().value()
        self._showing = True
        self.editor.setPlainText(json_text(self.doc.data))
        self._showing = False
        self._shown = self.doc.version
        moved = self.editor.textCursor()
        moved.setPosition(min(cursor, self.editor.document().characterCount() - 1))
        self.editor.setTextCursor(moved)
        self.editor.verticalScrollBar().setValue(scroll)
        self._say("")

    def _say(self, text: str, state: str = "error") -> None:
        self.problem.setText(("✖ " if state == "error" else "⚠ ") + text if text else "")
        self.problem.setStyleSheet(f"color: {state_color(state, self)};")
        self.problem.setVisible(bool(text))
        if not text:
            self.editor.setExtraSelections([])

    def _mark(self, message: str) -> None:
        """Underline the place a parse error names."""
        found = _WHERE.search(message)
        if found is None:
            self.editor.setExtraSelections([])
            return
        line, column = int(found[1]), int(found[2])
        block = self.editor.document().findBlockByNumber(line - 1)
        cursor = QTextCursor(block)
        offset = min(utf16_len(block.text()[: column - 1]), max(block.length() - 2, 0))
        cursor.setPosition(block.position() + offset)
        cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor
        underline = QTextCharFormat()
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        underline.setUnderlineColor(QColor(state_color("error", self)))
        mark.format = underline
        self.editor.setExtraSelections([mark])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self._burst += 1
        elif kind == QEvent.Type.FocusOut:
            self.commit()
        elif kind == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if _may_be_shortcut(event):
                self.commit()  # Undo, Send, Copy… act on what the user sees
        return False


def _may_be_shortcut(event: QKeyEvent) -> bool:
    """A key that may run a shortcut; not a character typed with AltGr (Ctrl+Alt on Windows)."""
    mods = event.modifiers()
    if event.text().isprintable() and event.text():
        return bool(mods & _META) or (bool(mods & _CTRL) and not mods & _ALT)
    return bool(mods & (_CTRL | _ALT | _META))

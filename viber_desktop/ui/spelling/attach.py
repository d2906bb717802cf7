"""Spell checking for a text field: underlines and a context menu with corrections.

``spell_check(field, mode)`` is all a form does. A correction is reported by the field's
``stepped(value, undo_text)`` signal: one undo step of its own, never merged with the typing
around it (or by ``write(value, undo_text)`` when given).
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QWidget

from viber_desktop.core.spell_words import Mode, Word
from viber_desktop.ui.spelling.hub import SpellingHub, default_hub
from viber_desktop.ui.spelling.underline import LineUnderline, SpellHighlighter

Write = Callable[[str, str], None]
"""Put a field's new value into the message as one undo step named by the second argument."""


class SpellCheck(QObject):
    """A field's spell checking: its underlines and the suggestions in its context menu."""

    def __init__(
        self, field: QLineEdit | QPlainTextEdit, mode: Mode, write: Write, hub: SpellingHub
    ) -> None:
        super().__init__(field)
        self.field = field
        self.hub = hub
        self.write = write
        self.underline: SpellHighlighter | LineUnderline
        if isinstance(field, QPlainTextEdit):
            self.underline = SpellHighlighter(field, mode, hub)
        else:
            self.underline = LineUnderline(field, mode, hub)
        field.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        field.customContextMenuRequested.connect(self._menu)

    def menu(self, pos: QPoint) -> QMenu:
        """The field's standard menu, led by corrections when ``pos`` is on a misspelt word."""
        field = self.field
        if isinstance(field, QPlainTextEdit):
            position = field.cursorForPosition(pos).position()
            menu = field.createStandardContextMenu(pos)
        else:
            position = field.cursorPositionAt(pos)
            menu = field.createStandardContextMenu()
        menu.setParent(field, menu.windowFlags())
        hit = self.word_at(position)
        if hit is None or not self.hub.active or field.isReadOnly():
            return menu
        start, word = hit
        first = menu.actions()[0] if menu.actions() else None
        # Filled in when the worker has them (Ukrainian takes up to 0.2 s): the menu opens now.
        looking = QAction(self.tr("Looking for corrections…"), menu)
        looking.setEnabled(False)
        menu.insertAction(first, looking)  # type: ignore[arg-type]

        def show(suggestions: list[str]) -> None:
            for suggestion in suggestions:
                action = QAction(suggestion, menu)
                font = action.font()
                font.setBold(True)
                action.setFont(font)
                action.triggered.connect(lambda _=False, s=suggestion: self.replace(start, word, s))
                menu.insertAction(looking, action)
            if suggestions:
                menu.removeAction(looking)
            else:
                looking.setText(self.tr("No suggestions"))

        self.hub.suggest(word.text, show, menu)
        add = QAction(self.tr("Add “{word}” to dictionary").format(word=word.text), menu)
        add.triggered.connect(lambda: self.hub.add_word(word.text))
        ignore = QAction(self.tr("Ignore “{word}”").format(word=word.text), menu)
        ignore.setToolTip(self.tr("Accept this word until the app closes"))
        ignore.triggered.connect(lambda: self.hub.ignore_word(word.text))
        menu.insertSeparator(first)  # type: ignore[arg-type]
        menu.insertActions(first, [add, ignore])  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]
        return menu

    def word_at(self, position: int) -> tuple[int, Word] | None:
        """Where the misspelt word at ``position`` (UTF-16) starts in the field, and the word."""
        underline = self.underline
        if isinstance(underline, SpellHighlighter):
            found = underline.word_at(position)
            return None if found is None else (found[0].position() + found[1].start, found[1])
        word = underline.word_at(position)
        return None if word is None else (word.start, word)

    def replace(self, start: int, word: Word, replacement: str) -> None:
        """Write ``replacement`` over ``word`` at ``start``: one undo step of the message."""
        field = self.field
        length = word.end - word.start
        field.blockSignals(True)  # the write below is the edit, not typing merged with others
        try:
            if isinstance(field, QPlainTextEdit):
                cursor = QTextCursor(field.document())
                cursor.setPosition(start)
                cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
                if cursor.selectedText() != word.text:
                    return  # the text moved on since the menu opened
                cursor.insertText(replacement)
                field.setTextCursor(cursor)
                value = field.toPlainText()
            else:
                field.setSelection(start, length)
                if field.selectedText() != word.text:
                    return
                field.insert(replacement)
                value = field.text()
        finally:
            field.blockSignals(False)
        if isinstance(self.underline, LineUnderline):
            self.underline.follow(value)  # its textChanged was blocked with the typing handlers
        self.write(value, self.tr("Correct “{word}”").format(word=word.text))

    def _menu(self, pos: QPoint) -> None:
        menu = self.menu(pos)
        target: QWidget = (
            self.field.viewport() if isinstance(self.field, QPlainTextEdit) else self.field
        )
        menu.exec(target.mapToGlobal(pos))
        menu.deleteLater()


def spell_check(
    field: QLineEdit | QPlainTextEdit,
    mode: Mode,
    write: Write | None = None,
    hub: SpellingHub | None = None,
) -> SpellCheck:
    """Underline misspelt words of ``field`` and offer corrections in its context menu."""
    if write is None:
        stepped = getattr(field, "stepped", None)  # the composer's fields: a step of its own
        typed = getattr(field, "user_changed", None)

        def write(value: str, text: str) -> None:
            if stepped is not None:
                stepped.emit(value, text)
            elif typed is not None:
                typed.emit(value)

    hub = hub or default_hub()
    if not hub.language:  # the window sets the profile's language; until then the system's
        hub.use_language("")
    return SpellCheck(field, mode, write, hub)

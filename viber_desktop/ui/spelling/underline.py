"""Red wavy underlines under misspelt words, in a multi-line field and in a one-line field.

Both ask the hub to check a paragraph when it changes and show the answer when it comes; until
then the underlines of the words the edit did not touch stay where they were (no flicker).

A QLineEdit has no syntax highlighter: its underlines are text formats given by an input method
event, the way an input method underlines text it composes. Trap: that event also replaces
what an input method is composing in the field (rare in a one-line field: an answer arrives
only after a change of the text, which ends the composing).
"""

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import (
    QColor,
    QInputMethodEvent,
    QSyntaxHighlighter,
    QTextBlock,
    QTextBlockUserData,
    QTextCharFormat,
)
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from viber_desktop.core.spell_words import Mode, Word, shifted
from viber_desktop.ui.spelling.hub import Key, SpellingHub
from viber_desktop.ui.theme import state_color


def misspelt_format(widget: QWidget) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor(state_color("error", widget)))
    return fmt


class _Paragraph(QTextBlockUserData):
    """What a paragraph held when last shown, and its misspelt words."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.words: list[Word] = []


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines misspelt words of a QPlainTextEdit, one paragraph (text block) at a time."""

    def __init__(self, edit: QPlainTextEdit, mode: Mode, hub: SpellingHub) -> None:
        super().__init__(edit.document())
        self.edit = edit
        self.mode: Mode = mode
        self.hub = hub
        self.client = hub.new_client()
        self.misspelt = misspelt_format(edit)
        hub.checked.connect(self._checked)
        hub.state_changed.connect(self.rehighlight)
        hub.watch(self)

    def shows_words(self) -> bool:
        """True when a misspelt word is underlined in the field."""
        block = self.document().firstBlock()
        while block.isValid():
            data = block.userData()
            if isinstance(data, _Paragraph) and data.words:
                return True
            block = block.next()
        return False

    def highlightBlock(self, text: str) -> None:
        if not self.hub.active:
            self.hub.need(self.mode, text)
            return
        data = self.currentBlockUserData()
        if not isinstance(data, _Paragraph):
            data = _Paragraph()
            self.setCurrentBlockUserData(data)
        found = self.hub.cached(self.mode, text)
        if found is None:
            found = shifted(data.text, data.words, text)
            # Keyed by the paragraph's number now: a new question for the same place replaces
            # the old one, even after the whole text was replaced (no backlog of the dead).
            self.hub.request((self.client, self.currentBlock().blockNumber()), self.mode, text)
        data.text, data.words = text, found
        for w in found:
            self.setFormat(w.start, w.end - w.start, self.misspelt)

    def _checked(self, key: Key, mode: str, text: str, found: list[Word]) -> None:
        if key[0] != self.client:
            return
        block = self.document().firstBlock()
        while block.isValid():  # every paragraph with this text (it may have moved)
            data = block.userData()
            if isinstance(data, _Paragraph) and data.text == text and data.words != found:
                self.rehighlightBlock(block)  # (when the guess shown was right: no layout)
            block = block.next()

    def word_at(self, position: int) -> tuple[QTextBlock, Word] | None:
        """The misspelt word at document ``position`` and its paragraph, if there is one."""
        block = self.document().findBlock(position)
        data = block.userData()
        if not isinstance(data, _Paragraph) or data.text != block.text():
            return None
        offset = position - block.position()
        return next(((block, w) for w in data.words if w.start <= offset <= w.end), None)


class LineUnderline(QObject):
    """Underlines misspelt words of a QLineEdit."""

    def __init__(self, edit: QLineEdit, mode: Mode, hub: SpellingHub) -> None:
        super().__init__(edit)
        self.edit = edit
        self.mode: Mode = mode
        self.hub = hub
        self.client = hub.new_client()
        self.misspelt = misspelt_format(edit)
        self.text = ""
        self.words: list[Word] = []
        self._shown: list[Word] = []
        edit.textChanged.connect(self.follow)
        hub.checked.connect(self._checked)
        hub.state_changed.connect(self.recheck)
        hub.watch(self)
        self.recheck()

    def shows_words(self) -> bool:
        """True when a misspelt word is underlined in the field."""
        return bool(self._shown)

    def recheck(self) -> None:
        self.text, self.words = "", []
        self.follow(self.edit.text())

    def follow(self, text: str) -> None:
        """Show what is known of ``text`` (the field's text now) and have it checked."""
        if not self.hub.active:
            self.hub.need(self.mode, text)
            self.text, self.words = text, []
            self._show([])
            return
        found = self.hub.cached(self.mode, text)
        if found is None:
            found = shifted(self.text, self.words, text)
            self.hub.request((self.client, 0), self.mode, text)
        self.text, self.words = text, found
        self._show(found)

    def _checked(self, key: Key, mode: str, text: str, found: list[Word]) -> None:
        if key[0] == self.client and text == self.edit.text():
            self.text, self.words = text, found
            self._show(found)

    def _show(self, found: list[Word]) -> None:
        if found == self._shown and not found:
            return
        cursor = self.edit.cursorPosition()
        attributes = [
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat,
                w.start - cursor,  # relative to the cursor, where composed text would go
                w.end - w.start,
                self.misspelt,
            )
            for w in found
        ]
        self._shown = found
        QCoreApplication.sendEvent(self.edit, QInputMethodEvent("", attributes))

    def word_at(self, position: int) -> Word | None:
        """The misspelt word at ``position`` (UTF-16) of the text, if there is one."""
        if self.text != self.edit.text():
            return None
        return next((w for w in self.words if w.start <= position <= w.end), None)

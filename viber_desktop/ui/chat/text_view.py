"""A message text as the preview's bubble shows it, changed in place line by line.

A QLabel with rich text parses and lays out the whole text again on every change, several
times over (its size hints); at 7,000 characters that was most of a keystroke. This view keeps
one QTextDocument, one block per line, and on a change replaces only the lines that differ, so
Qt lays out only those blocks again. Formats come from Qt's own HTML reading of the tags
``markup.HTML_OF`` names, so a line looks as the QLabel drew it; spaces are kept as typed, as
Viber keeps them (rich text collapsed them).
"""

import functools
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from viber_desktop.core import markup

Run = tuple[str, int]
"""A stretch of one line and its marks (bits of ``BITS``; ``NOTE`` is the preview's italics)."""
Line = tuple[Run, ...]

BITS: dict[markup.Mark, int] = {m: 1 << i for i, m in enumerate(markup.MARKS)}
NOTE = 1 << len(markup.MARKS)
"""The preview's own note under a text (italic, as ``<i>``)."""


def lines_of(text: str) -> list[Line]:
    """``text`` as Viber shows it, marks applied: its lines, each a tuple of runs."""
    pieces: list[Run] = []
    _walk(text, markup.parse(text), 0, len(text), 0, pieces)
    lines: list[list[Run]] = [[]]
    for piece, bits in pieces:
        first, *rest = piece.split("\n")
        if first:
            lines[-1].append((first, bits))
        for part in rest:  # an empty line keeps its marks: they set its height
            lines.append([(part, bits)])
    return [tuple(line) for line in lines]


def _walk(
    text: str, spans: tuple[markup.Span, ...], lo: int, hi: int, bits: int, out: list[Run]
) -> None:
    pos = lo
    for span in spans:
        if span.start > pos:
            out.append((text[pos : span.start], bits))
        a, b = span.inner
        _walk(text, span.children, a, b, bits | BITS[span.mark], out)
        pos = span.end
    if hi > pos:
        out.append((text[pos:hi], bits))


@functools.lru_cache(maxsize=64)
def char_format(bits: int) -> QTextCharFormat:
    """The character format Qt's HTML reading gives the tags of ``bits`` (as the QLabel)."""
    tags = [markup.HTML_OF[m] for m in markup.MARKS if bits & BITS[m]]
    if bits & NOTE:
        tags.append("i")
    if not tags:
        return QTextCharFormat()
    doc = QTextDocument()
    doc.setHtml("".join(f"<{t}>" for t in tags) + "x" + "".join(f"</{t}>" for t in tags[::-1]))
    cursor = QTextCursor(doc)
    cursor.setPosition(1)
    return cursor.charFormat()


class TextView(QWidget):
    """Read-only rich text whose height follows its width; ``show_lines`` changes it in place.

    The mouse selects; Copy and Select all are in its context menu and on their keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = QTextDocument(self)
        self.doc.setDocumentMargin(0)  # as a QLabel's
        self.doc.setUndoRedoEnabled(False)
        self.doc.setDefaultFont(self.font())
        self.lines: list[Line] = [()]
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setCursor(Qt.CursorShape.IBeamCursor)
        self.hint_width = 0
        """The width the view asks for (the bubble sets it, with the minimum width, which
        lays the page out again when it changes)."""
        self._anchor = self._caret = 0

    # --- what it shows --------------------------------------------------------------------

    def show_lines(self, lines: Sequence[Line]) -> None:
        """Show ``lines``, replacing only the blocks of the lines that changed."""
        old, new = self.lines, list(lines) or [()]
        top = 0
        most = min(len(old), len(new))
        while top < most and old[top] == new[top]:
            top += 1
        tail = 0
        while tail < most - top and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        if top == len(old) == len(new):
            return
        cursor = QTextCursor(self.doc)
        cursor.beginEditBlock()
        gone, came = old[top : len(old) - tail], new[top : len(new) - tail]
        if gone:  # empty them to one block, then fill it
            cursor.setPosition(self.doc.findBlockByNumber(top).position())
            last = self.doc.findBlockByNumber(top + len(gone) - 1)
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            if not came:  # and the block itself, with a separator beside it
                if top:
                    cursor.deletePreviousChar()  # into the unchanged line before
                else:
                    cursor.deleteChar()  # the line after takes this block's formats
                    cursor.setBlockCharFormat(_block_format(new[0]))
        elif top < self.doc.blockCount():  # new lines before block ``top``
            cursor.setPosition(self.doc.findBlockByNumber(top).position())
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        for i, line in enumerate(came):
            if i:
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            cursor.setBlockCharFormat(_block_format(line))
            for piece, bits in line:
                if piece:
                    cursor.insertText(piece, char_format(bits))
        cursor.endEditBlock()
        self.lines = new
        self._anchor = self._caret = 0
        self._relayout()

    def plain_text(self) -> str:
        return "\n".join("".join(piece for piece, _ in line) for line in self.lines)

    def ideal_width(self, limit: int) -> int:
        """How wide the lines are unwrapped, up to ``limit`` (measured only where wrapped)."""
        self.doc.documentLayout().documentSize()  # laid out
        widest = 0.0
        block = self.doc.begin()
        while block.isValid():
            layout = block.layout()
            if layout.lineCount() == 1:
                widest = max(widest, layout.lineAt(0).naturalTextWidth())
            elif layout.lineCount() > 1:
                scratch = QTextDocument()
                scratch.setDocumentMargin(0)
                scratch.setDefaultFont(self.doc.defaultFont())
                QTextCursor(scratch).insertFragment(_block_fragment(block))
                widest = max(widest, scratch.idealWidth())
            if widest >= limit:
                return limit
            block = block.next()
        return min(limit, int(widest + 0.999))

    # --- size -----------------------------------------------------------------------------

    def _set_width(self, width: int) -> None:
        # Trap: setTextWidth lays the whole document out again even at the same width.
        if width != self.doc.textWidth():
            self.doc.setTextWidth(width)

    def _relayout(self) -> None:
        self._set_width(self.width())
        height = self.heightForWidth(self.width())
        if height != self.height():  # else the page around it need not be laid out again
            self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        self._set_width(width)  # the width it gets next: laid out once
        return int(self.doc.size().height() + 0.999)

    def sizeHint(self) -> QSize:
        width = self.hint_width or self.minimumWidth()
        return QSize(width, self.heightForWidth(max(width, self.width())))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.heightForWidth(max(self.width(), 1)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._set_width(self.width())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.doc.setDefaultFont(self.font())
            self._relayout()
        super().changeEvent(event)

    # --- drawing and selecting ------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as painter:
            context = QAbstractTextDocumentLayout.PaintContext()
            palette = QPalette(self.palette())  # the text in the style sheet's colour, as a label's
            palette.setColor(QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.WindowText))
            context.palette = palette
            context.clip = QRectF(event.rect())
            if self._anchor != self._caret:
                selection = QAbstractTextDocumentLayout.Selection()
                selection.cursor = self._selection()
                selection.format.setBackground(palette.brush(QPalette.ColorRole.Highlight))
                selection.format.setForeground(palette.brush(QPalette.ColorRole.HighlightedText))
                context.selections = [selection]
            painter.setClipRect(event.rect())
            self.doc.documentLayout().draw(painter, context)

    def _selection(self) -> QTextCursor:
        cursor = QTextCursor(self.doc)
        cursor.setPosition(self._anchor)
        cursor.setPosition(self._caret, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def selected_text(self) -> str:
        return self._selection().selectedText().replace("\u2029", "\n")

    def _at(self, event: QMouseEvent) -> int:
        hit = self.doc.documentLayout().hitTest(
            QPointF(event.position()), Qt.HitTestAccuracy.FuzzyHit
        )
        return max(hit, 0)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._anchor = self._caret = self._at(event)
            self.update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._caret = self._at(event)
            self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        cursor = QTextCursor(self.doc)
        cursor.setPosition(self._at(event))
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        self._anchor, self._caret = cursor.anchor(), cursor.position()
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
        else:
            super().keyPressEvent(event)

    def copy(self) -> None:
        if self._anchor != self._caret:
            QGuiApplication.clipboard().setText(self.selected_text())

    def select_all(self) -> None:
        self._anchor, self._caret = 0, self.doc.characterCount() - 1
        self.update()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        copy = menu.addAction(self.tr("&Copy"), self.copy)
        copy.setEnabled(self._anchor != self._caret)
        menu.addAction(self.tr("Select &all"), self.select_all)
        menu.exec(event.globalPos())


def _block_format(line: Line) -> QTextCharFormat:
    """An empty line is as high as its marks' font."""
    return char_format(line[0][1]) if line else QTextCharFormat()


def _block_fragment(block: QTextBlock) -> QTextDocumentFragment:
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    return QTextDocumentFragment(cursor)

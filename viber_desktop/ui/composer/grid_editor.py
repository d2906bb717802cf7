"""The grid as the editor: select, resize by dragging an edge, keys, card outlines, overflow."""

from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget

from viber_desktop.core import limits
from viber_desktop.core.layout import Placement
from viber_desktop.ui.composer.grid_view import ButtonGridView
from viber_desktop.ui.theme import state_color

_EDGE = 6.0
"""How close to a button's right or bottom edge a press starts a resize."""

# Keys the grid turns into editor commands (the editor does them, as undo steps).
_COMMANDS: dict[tuple[int, Qt.KeyboardModifier], str] = {
    (Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier): "add",
    (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): "delete",
    (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier): "delete",
    (Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier): "duplicate",
    (Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier): "move-left",
    (Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier): "move-right",
    (Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier): "move-left",
    (Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier): "move-right",
    (Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier): "narrower",
    (Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier): "wider",
    (Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier): "shorter",
    (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier): "taller",
}


class EditorGrid(ButtonGridView):
    """The buttons as the editor shows them: card names and outlines, the selection, what
    cannot fit (in red), and a resize by dragging the right or bottom edge of a button.

    Signals:
        clicked(int): a button was chosen with the mouse or the arrow keys.
        resized(int, int, int): button, new Columns, new Rows (after an edge drag).
        moved(int, int): a button dragged onto another: it takes that button's place.
        command(str): a key asked for an edit: add, delete, duplicate, move-left, move-right,
            narrower, wider, shorter, taller.
    """

    resized = Signal(int, int, int)
    moved = Signal(int, int)
    command = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, rich: bool) -> None:
        super().__init__(parent, cell=40 if rich else 56)
        self.rich = rich
        self.row_height = 32 if rich else 40
        self.top = 24.0 if rich else 4.0
        self.max_rows = limits.KEYBOARD_ROWS_MAX
        """The tallest a button may be (the group's rows)."""
        self._too_big: set[int] = set()
        self._drag: tuple[int, str] | None = None  # button, "w" / "h" / "wh"
        self._ghost: tuple[int, int] | None = None  # the span being dragged to
        self._press: tuple[int, QPointF] | None = None  # a button pressed, where
        self._moving: int | None = None  # the button being dragged to a new place
        self._drop = -1  # the button it would take the place of
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Buttons: the card editor"))
        self.mark_selection = False  # drawn above every button instead, with handles
        self.tiles = True
        # Right to left: card 1 on the right, where the scroll area starts (as the preview).
        self.mirrored = self.isRightToLeft()

    def _tooltip(self) -> str:
        return self.keys_help()

    def keys_help(self) -> str:
        return self.tr(
            "Click a button to edit it; drag it onto another to move it there, drag its right "
            "or bottom edge to resize it. Keys: arrows choose, Shift+arrows resize, "
            "Alt+Left/Right move, Insert adds, Delete removes, Ctrl+D duplicates."
        )

    # --- what is wrong, shown on the grid --------------------------------------------------

    def overflow_card(self, card: int) -> bool:
        return self.rich and card >= limits.RICH_MEDIA_CARDS_MAX

    def set_selected(self, index: int) -> None:
        """Mark button ``index`` (repaints only the old and the new selection)."""
        if index != self.selected:
            self._update_around(self.selected)
            self.selected = index
            self._update_around(index)

    def _update_around(self, index: int) -> None:
        rect = self.button_rect(index)
        area = rect.adjusted(-8, -8, 8, 8) if not rect.isEmpty() else self.card_rect(0)
        self.update(area.adjusted(-4, -4, 4, 4).toAlignedRect())

    def _laid_out(self, spans: list[tuple[int, int]]) -> None:
        tallest = self.rows if self.rows is not None else self.max_rows
        self._too_big = {
            i
            for i, (columns, rows) in enumerate(spans)
            if not (1 <= columns <= self.columns and 1 <= rows <= tallest)
        }

    def too_big(self, index: int) -> bool:
        """The button's Columns or Rows do not fit the grid (it is drawn clamped)."""
        return index in self._too_big

    # --- painting -------------------------------------------------------------------------

    def _paint_card(self, painter: QPainter, card: int, rect: QRectF) -> None:
        super()._paint_card(painter, card, rect)
        over = self.overflow_card(card)
        error = QColor(state_color("error", self))
        if over:
            painter.setPen(QPen(error, 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 8, 8)
        if not self.rich:
            return
        caption = (
            self.tr("Card {number}: over the limit of {limit}").format(
                number=card + 1, limit=limits.RICH_MEDIA_CARDS_MAX
            )
            if over
            else self.tr("Card {number}").format(number=card + 1)
        )
        painter.setPen(error if over else self.palette().color(QPalette.ColorRole.WindowText))
        font = painter.font()
        font.setBold(over)
        painter.setFont(font)
        text_rect = QRectF(rect.left() + 2, 0, rect.width() - 4, self.top - 4)
        elided = painter.fontMetrics().elidedText(
            caption, Qt.TextElideMode.ElideRight, int(text_rect.width())
        )
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(text_rect, left, elided)
        font.setBold(False)
        painter.setFont(font)
        if not self.buttons:
            painter.setPen(QColor("#606060"))
            painter.drawText(
                rect.adjusted(8, 8, -8, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr("No buttons yet: use + Button."),
            )

    def _tile_key(self, p: Placement, rect: QRectF) -> tuple[Any, ...]:
        return (*super()._tile_key(p, rect), self.too_big(p.button))

    def _paint_button(self, painter: QPainter, p: Placement, rect: QRectF) -> None:
        super()._paint_button(painter, p, rect)
        if not isinstance(self.buttons[p.button], dict) or self.too_big(p.button):
            painter.setPen(QPen(QColor(state_color("error", self)), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)

    def _paint_over(self, painter: QPainter) -> None:
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        rect = self.button_rect(self.selected)
        if not rect.isEmpty():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#ff9800"), 3))
            painter.drawRoundedRect(rect, 6, 6)
            painter.setPen(QPen(QColor("#202020"), 1))
            painter.setBrush(QColor("#ffffff"))
            for handle in self._handles(rect):
                painter.drawRect(handle)
        if self.hasFocus():
            focus = rect.adjusted(-3, -3, 3, 3) if not rect.isEmpty() else self.card_rect(0)
            painter.setPen(QPen(highlight, 2, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(focus, 8, 8)
        if self._moving is not None and 0 <= self._drop < len(self.places):
            target = self.button_rect(self._drop)
            painter.setPen(QPen(highlight, 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.button_rect(self._moving), 6, 6)
            # The bar shows where it lands: before the target, or after it when moving on.
            x = target.right() + 1 if self._drop > self._moving else target.left() - 1
            painter.fillRect(QRectF(x - 2, target.top(), 4, target.height()), highlight)
        if self._drag is not None and self._ghost is not None:
            p = self.places[self._drag[0]]
            ghost = self._rect(p._replace(columns=self._ghost[0], rows=self._ghost[1]))
            painter.setPen(QPen(highlight, 2, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(highlight.red(), highlight.green(), highlight.blue(), 60))
            painter.drawRoundedRect(ghost, 6, 6)
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(
                ghost, Qt.AlignmentFlag.AlignCenter, f"{self._ghost[0]} × {self._ghost[1]}"
            )

    @staticmethod
    def _handles(rect: QRectF) -> list[QRectF]:
        right = QRectF(rect.right() - 3, rect.center().y() - 5, 6, 10)
        bottom = QRectF(rect.center().x() - 5, rect.bottom() - 3, 10, 6)
        return [right, bottom]

    # --- mouse ----------------------------------------------------------------------------

    def _edge_at(self, pos: QPointF) -> tuple[int, str] | None:
        """The button whose right or bottom edge is under ``pos`` and which edges."""
        for p, rect in zip(self.places, self._rects(), strict=True):
            if not rect.adjusted(-_EDGE, -_EDGE, _EDGE, _EDGE).contains(pos):
                continue
            edges = ""
            if abs(pos.x() - rect.right()) <= _EDGE and rect.top() <= pos.y() <= rect.bottom():
                edges += "w"
            if abs(pos.y() - rect.bottom()) <= _EDGE and rect.left() <= pos.x() <= rect.right():
                edges += "h"
            if edges:
                return p.button, edges
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        edge = self._edge_at(event.position())
        if edge is not None:
            self._drag = edge
            self._ghost = (self.places[edge[0]].columns, self.places[edge[0]].rows)
            if edge[0] != self.selected:
                self.clicked.emit(edge[0])
            return
        index = self.index_at(event.position().x(), event.position().y())
        if index >= 0:
            self._press = (index, event.position())
            self.clicked.emit(index)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._move_drag(pos)
            return
        if self._drag is None:
            edge = self._edge_at(pos)
            shape = {
                "w": Qt.CursorShape.SizeHorCursor,
                "h": Qt.CursorShape.SizeVerCursor,
                "wh": Qt.CursorShape.SizeFDiagCursor,
            }.get(edge[1] if edge else "", Qt.CursorShape.ArrowCursor)
            self.setCursor(shape)
            return
        index, edges = self._drag
        if index >= len(self.places):  # the buttons changed under the drag
            self._drag = self._ghost = None
            return
        p = self.places[index]
        left = self._rect(p).left()
        top = self._rect(p).top()
        unit_w = self.card_size().width() / self.columns
        columns, rows = p.columns, p.rows
        if "w" in edges:
            columns = min(max(1, round((pos.x() - left) / unit_w)), self.columns)
        if "h" in edges:
            tallest = self.rows if self.rows is not None else self.max_rows
            rows = min(max(1, round((pos.y() - top) / self.row_height)), tallest)
        if (columns, rows) != self._ghost:
            self._ghost = (columns, rows)
            self.update()

    def _move_drag(self, pos: QPointF) -> None:
        assert self._press is not None
        index, start = self._press
        if self._moving is None:
            if (pos - start).manhattanLength() < QApplication.startDragDistance():
                return
            self._moving = index
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        drop = self.index_at(pos.x(), pos.y())
        if drop >= 0 and drop != self._drop:
            self._drop = drop
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        moving, drop = self._moving, self._drop
        self._press, self._moving, self._drop = None, None, -1
        if moving is not None:
            self.unsetCursor()
            self.update()
            if 0 <= drop < len(self.buttons) and drop != moving and moving < len(self.buttons):
                self.moved.emit(moving, drop)
            return
        if self._drag is None:
            return
        index, _ = self._drag
        ghost = self._ghost
        self._drag = self._ghost = None
        self.update()
        p = self.places[index] if index < len(self.places) else None
        if p is not None and ghost is not None and ghost != (p.columns, p.rows):
            self.resized.emit(index, *ghost)

    def leaveEvent(self, event: QEvent) -> None:
        if self._drag is None:
            self.unsetCursor()
        super().leaveEvent(event)

    # --- keys -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Escape and (self._drag is not None or self._moving is not None):
            self._drag = self._ghost = None
            self._press, self._moving, self._drop = None, None, -1
            self.unsetCursor()
            self.update()
            return
        name = _COMMANDS.get((key, mods))
        if name is not None:
            self.command.emit(name)
            return
        if mods != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        target = self._target(key)
        if target is None:
            super().keyPressEvent(event)
            return
        if 0 <= target < len(self.buttons) and target != self.selected:
            self.clicked.emit(target)

    def _target(self, key: int) -> int | None:
        """The button an arrow, Home, End or Page key goes to (None: not such a key)."""
        count, current = len(self.buttons), self.selected
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            return min(max(current + step, 0), count - 1) if current >= 0 else 0
        if key == Qt.Key.Key_Home:
            return 0
        if key == Qt.Key.Key_End:
            return count - 1
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            return self._card_step(-1 if key == Qt.Key.Key_PageUp else 1)
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            return self._vertical(-1 if key == Qt.Key.Key_Up else 1)
        return None

    def _card_step(self, step: int) -> int:
        if not self.places:
            return -1
        card = self.places[max(self.selected, 0)].card + step
        first = next((p.button for p in self.places if p.card == card), None)
        return self.selected if first is None else first

    def _vertical(self, step: int) -> int:
        """The nearest button above (step -1) or below (+1) in the same card."""
        if not 0 <= self.selected < len(self.places):
            return 0 if self.places else -1
        here = self.places[self.selected]
        middle = here.column + here.columns / 2
        if step < 0:
            near = [p for p in self.places if p.card == here.card and p.row + p.rows <= here.row]
            row = max((p.row + p.rows for p in near), default=None)
            near = [p for p in near if p.row + p.rows == row]
        else:
            near = [p for p in self.places if p.card == here.card and p.row >= here.row + here.rows]
            row = min((p.row for p in near), default=None)
            near = [p for p in near if p.row == row]
        if not near:
            return self.selected
        return min(near, key=lambda p: abs(p.column + p.columns / 2 - middle)).button

    def wheelEvent(self, event: QWheelEvent) -> None:
        scroller = self.parentWidget()
        scroller = scroller.parentWidget() if scroller is not None else None
        if isinstance(scroller, GridScroller):
            scroller.wheelEvent(event)  # sideways here; ignored at an end: the page scrolls
        else:
            super().wheelEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._update_around(self.selected)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._update_around(self.selected)


class GridScroller(QScrollArea):
    """Scrolls the cards sideways: the wheel (with or without Shift), the scroll bar, and the
    selection brought into view. A wheel turn at either end scrolls the page instead."""

    def __init__(self, grid: EditorGrid, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.setWidget(grid)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOn
            if grid.rich
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff  # a keyboard is as wide as the view
        )
        self.horizontalScrollBar().setAccessibleName(self.tr("Scroll the cards"))
        self.fit()

    def fit(self) -> None:
        """Be exactly as tall as the grid and its scroll bar; a keyboard is as wide as the
        view, as in Viber."""
        if not self.grid.rich:
            width = self.viewport().width() - 12
            cell = max(40, width // self.grid.columns)
            if cell != self.grid.cell:
                self.grid.cell = cell
                self.grid.updateGeometry()
        self.grid.resize(self.grid.sizeHint())
        bar = self.horizontalScrollBar().sizeHint().height() if self.grid.rich else 0
        height = self.grid.sizeHint().height() + bar + 2 * self.frameWidth()
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.grid.rich:
            self.fit()

    def bring_into_view(self, rect: QRectF) -> None:
        if rect.isEmpty():
            return
        center = rect.center()
        self.ensureVisible(round(center.x()), round(center.y()), round(rect.width() / 2) + 16, 0)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        step = delta.x() or delta.y()
        bar = self.horizontalScrollBar()
        can = (step > 0 and bar.value() > bar.minimum()) or (
            step < 0 and bar.value() < bar.maximum()
        )
        if not step or not can:
            event.ignore()  # the page scrolls
            return
        bar.setValue(bar.value() - step)
        event.accept()

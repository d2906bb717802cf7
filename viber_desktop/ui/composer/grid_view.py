"""Draws keyboard and rich-media buttons on Viber's 6-column grid (editor and preview)."""

import html
import re
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from viber_desktop.core import limits
from viber_desktop.core.keyboards import button_span, group_span
from viber_desktop.core.layout import Placement, card_count, place_buttons

_TAG = re.compile(r"<[^>]+>")
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def plain(text: Any) -> str:
    """Button text without its HTML tags (``<br>`` becomes a line break)."""
    if not isinstance(text, str):
        return ""
    return _TAG.sub("", re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE))


class ButtonGridView(QWidget):
    """Buttons laid out as Viber does; click selects a button.

    Signals:
        clicked(int): the index of the clicked button.
    """

    clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, cell: int = 38) -> None:
        super().__init__(parent)
        self.cell = cell
        self.buttons: list[Any] = []
        self.columns = limits.GRID_COLUMNS_MAX
        self.rows: int | None = None
        self.selected = -1
        self.bg = "#FFFFFF"
        self._places: list[Placement] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Button layout"))

    def set_buttons(
        self, buttons: list[Any], columns: Any, rows: Any, *, rich: bool, bg: Any = None
    ) -> None:
        self.buttons = buttons
        self.columns, self.rows = group_span(
            {"ButtonsGroupColumns": columns, "ButtonsGroupRows": rows}, rich=rich
        )
        self.bg = (
            bg if isinstance(bg, str) and _HEX.fullmatch(bg) else ("#FFFFFF" if rich else "#F0F1F5")
        )
        spans = [button_span(b) for b in buttons]
        self._places = place_buttons(spans, self.columns, self.rows)
        self.setToolTip(self.tr("%n card(s)", "", card_count(self._places)) if rich else "")
        self.updateGeometry()
        self.update()

    def card_size(self) -> QSize:
        rows = self.rows or max((p.row + p.rows for p in self._places), default=1)
        return QSize(self.columns * self.cell, rows * self.cell * 2 // 3 * 2)

    def sizeHint(self) -> QSize:
        cards = max(1, card_count(self._places))
        card = self.card_size()
        return QSize(cards * (card.width() + 10), card.height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.cell * 3, self.sizeHint().height())

    def _rect(self, p: Placement) -> QRectF:
        card = self.card_size()
        unit_w = card.width() / self.columns
        unit_h = self.cell * 4 / 3
        x = 4 + p.card * (card.width() + 10) + p.column * unit_w
        return QRectF(
            x + 1.5, 4 + p.row * unit_h + 1.5, p.columns * unit_w - 3, p.rows * unit_h - 3
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = self.card_size()
        for c in range(max(1, card_count(self._places))):
            rect = QRectF(2 + c * (card.width() + 10), 2, card.width() + 4, card.height() + 4)
            painter.setPen(QPen(QColor("#c8c8d0"), 1))
            painter.setBrush(QColor(self.bg))
            painter.drawRoundedRect(rect, 8, 8)
        for p in self._places:
            button = self.buttons[p.button]
            data = button if isinstance(button, dict) else {}
            color = data.get("BgColor")
            fill = (
                QColor(color)
                if isinstance(color, str) and _HEX.fullmatch(color)
                else QColor("#7360f2")
            )
            rect = self._rect(p)
            pen = (
                QPen(QColor("#ff9800"), 3)
                if p.button == self.selected
                else QPen(fill.darker(115), 1)
            )
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 6, 6)
            luminance = 0.299 * fill.red() + 0.587 * fill.green() + 0.114 * fill.blue()
            ink = "#ffffff" if luminance < 150 else "#202020"
            self._draw_text(painter, rect.adjusted(4, 2, -4, -2), data, ink)
        painter.end()

    def _draw_text(self, painter: QPainter, rect: QRectF, data: dict[str, Any], ink: str) -> None:
        """Button Text as Viber renders it: its HTML (b, i, u, br, font color), centred."""
        text = data.get("Text")
        if not isinstance(text, str) or not text:
            text = html.escape(str(data.get("ActionBody", ""))[:20])
        doc = QTextDocument()
        doc.setDefaultStyleSheet(f"body {{ color: {ink}; }}")
        option = QTextOption(Qt.AlignmentFlag.AlignCenter)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        doc.setDocumentMargin(0)
        doc.setHtml(f"<body>{text}</body>")
        doc.setTextWidth(rect.width())
        painter.save()
        offset = max(0.0, (rect.height() - doc.size().height()) / 2)
        painter.translate(rect.left(), rect.top() + offset)
        painter.setClipRect(QRectF(0, -offset, rect.width(), rect.height()))
        doc.drawContents(painter)
        painter.restore()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for p in self._places:
            if self._rect(p).contains(event.position()):
                self.clicked.emit(p.button)
                return
        super().mousePressEvent(event)

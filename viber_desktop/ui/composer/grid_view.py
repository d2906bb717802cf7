"""Draws keyboard and rich-media buttons on Viber's 6-column grid (editor and preview)."""

import html
import math
import re
from typing import Any

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QTextDocument,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from viber_desktop.core import limits
from viber_desktop.core.keyboards import button_span, group_span
from viber_desktop.core.layout import Placement, card_count, place_buttons
from viber_desktop.ui.composer.button_html import viber_html

_TAG = re.compile(r"<[^>]+>")
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
_TEXT_CACHE_MAX = 400
_PICTURE_CACHE_MAX = 120
_H_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
}
_TEXT_SIZES = {"small": 0.85, "regular": 1.0, "large": 1.3}
_SCALE_MODES = {
    "crop": Qt.AspectRatioMode.KeepAspectRatioByExpanding,
    "fill": Qt.AspectRatioMode.IgnoreAspectRatio,
    "fit": Qt.AspectRatioMode.KeepAspectRatio,
}
BUTTON_FILL = "#7360f2"
"""A button without a valid BgColor is drawn in Viber's purple."""


def plain(text: Any) -> str:
    """Button text without its HTML tags (``<br>`` becomes a line break)."""
    if not isinstance(text, str):
        return ""
    return _TAG.sub("", re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE))


def color_of(value: Any, default: str) -> QColor:
    """``value`` as a colour when it is ``#RRGGBB``, else ``default``."""
    return QColor(value if isinstance(value, str) and _HEX.fullmatch(value) else default)


class ButtonGridView(QWidget):
    """Buttons laid out as Viber does; click selects a button.

    Signals:
        clicked(int): the index of the clicked button.
    """

    clicked = Signal(int)
    GAP = 10
    """Horizontal space between two cards."""

    def __init__(self, parent: QWidget | None = None, *, cell: int = 38) -> None:
        super().__init__(parent)
        self.cell = cell
        self.row_height = cell * 4 / 3
        self.top = 4.0
        """Where the cards start (the editor writes card names above them)."""
        self.buttons: list[Any] = []
        self.columns = limits.GRID_COLUMNS_MAX
        self.rows: int | None = None
        self.rich = False
        self.selected = -1
        self.mark_selection = True
        self.bg = "#FFFFFF"
        self.pixmaps: dict[str, QPixmap] = {}
        """Loaded Image / BgMedia pictures by URL (filled by whoever loads them)."""
        self.card_radius = 8.0
        self.seamless = False
        """Buttons touch and the card's rounded corners cut them, as in a Viber rich-media
        card (else each button is a rounded tile with a gap around it, as on a keyboard)."""
        self.font_px: float | None = None
        """The pixel size of "regular" button text (None: the widget's font)."""
        self.mirrored = False
        """Card 1 on the right, the next cards to its left (right-to-left languages)."""
        self.stand_ins = True
        """A button without Text shows its picture's name or its action (the editor; Viber,
        and so the preview, shows nothing)."""
        self._scaled: dict[tuple[int, int, int, int], QPixmap] = {}
        self._places: list[Placement] = []
        self._rect_key: tuple[Any, ...] = ()
        self._rects_of: list[Placement] | None = None
        self._cards_of: list[Placement] | None = None
        self._card_total = 1
        self._rect_list: list[QRectF] = []
        self._texts: dict[tuple[str, bool, int, str, str, str], QTextDocument] = {}
        self.tiles = False
        """Keep each button drawn in a pixmap (the editor: a click repaints the old and new
        selection and their neighbours, a keystroke one button, the rest is copied)."""
        self._tiles: dict[int, tuple[tuple[Any, ...], QPoint, QPixmap]] = {}
        self._card_tiles: dict[int, tuple[tuple[Any, ...], QPoint, QPixmap]] = {}
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Button layout"))

    @property
    def places(self) -> list[Placement]:
        return self._places

    def set_buttons(
        self,
        buttons: list[Any],
        columns: Any,
        rows: Any,
        *,
        rich: bool,
        bg: Any = None,
        changed: set[int] | None = None,
    ) -> None:
        """Show ``buttons``; ``changed`` names the only buttons whose fields other than
        Columns and Rows may have changed since the last call (None: any change), so a
        keystroke neither lays out again nor repaints more than its button."""
        before = (self._places, self.columns, self.rows, self.bg, self.rich)
        self.buttons = buttons
        self.rich = rich
        self.columns, self.rows = group_span(
            {"ButtonsGroupColumns": columns, "ButtonsGroupRows": rows}, rich=rich
        )
        self.bg = color_of(bg, "#FFFFFF" if rich else "#F0F1F5").name()
        if (
            changed is None
            or any(i >= len(self._places) for i in changed)
            or len(buttons) != len(self._places)
        ):
            spans = [button_span(b) for b in buttons]
            self._places = place_buttons(spans, self.columns, self.rows)
            self._laid_out(spans)
            self._tiles.clear()
        else:
            for index in changed:
                self._tiles.pop(index, None)
        if changed is not None and before == (
            self._places,
            self.columns,
            self.rows,
            self.bg,
            self.rich,
        ):
            for index in changed:
                rect = self.button_rect(index)
                if not rect.isEmpty():
                    self.update(rect.adjusted(-6, -6, 6, 6).toAlignedRect())
            return
        self.setToolTip(self._tooltip())
        self.updateGeometry()
        self.update()

    def picture_urls(self) -> set[str]:
        """The Image and BgMedia pictures the buttons show."""
        return {
            button[key]
            for button in self.buttons
            if isinstance(button, dict)
            for key in ("Image", "BgMedia")
            if isinstance(button.get(key), str)
        }

    def _laid_out(self, spans: list[tuple[int, int]]) -> None:
        """Called with every button's (Columns, Rows) once they are placed."""

    def _tooltip(self) -> str:
        return self.tr("%n card(s)", "", card_count(self._places)) if self.rich else ""

    # --- geometry -------------------------------------------------------------------------

    def card_rows(self) -> int:
        return self.rows or max((p.row + p.rows for p in self._places), default=1)

    def card_size(self) -> QSize:
        return QSize(self.columns * self.cell, round(self.card_rows() * self.row_height))

    def cards(self) -> int:
        if self._cards_of is not self._places:  # counted once per layout, not per rectangle
            self._cards_of, self._card_total = self._places, max(1, card_count(self._places))
        return self._card_total

    def card_left(self, card: int) -> float:
        """Where card ``card`` starts (card 1 rightmost when mirrored)."""
        place = self.cards() - 1 - card if self.mirrored else card
        return 2 + place * (self.card_size().width() + self.GAP)

    def card_rect(self, card: int) -> QRectF:
        size = self.card_size()
        return QRectF(self.card_left(card), self.top - 2, size.width() + 4, size.height() + 4)

    def sizeHint(self) -> QSize:
        card = self.card_size()
        return QSize(self.cards() * (card.width() + self.GAP), round(self.top + card.height() + 4))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.cell * 3, self.sizeHint().height())

    def button_rect(self, index: int) -> QRectF:
        """Where button ``index`` is drawn (empty when there is no such button)."""
        if 0 <= index < len(self._places):
            return self._rects()[index]
        return QRectF()

    def _rects(self) -> list[QRectF]:
        """Every button's rectangle, kept while neither the layout nor the scale changes."""
        key = (
            self.cell,
            self.row_height,
            self.top,
            self.columns,
            self.rows,
            self.mirrored,
            self.seamless,
        )
        # Trap: not id(self._places) in the key: a later layout's list can get the id of a
        # freed one, and its rectangles were then another message's (a paint raised).
        if self._rect_key != key or self._rects_of is not self._places:
            self._rect_key, self._rects_of = key, self._places
            self._rect_list = [self._rect(p) for p in self._places]
        return self._rect_list

    def _rect(self, p: Placement) -> QRectF:
        card = self.card_size()
        unit_w = card.width() / self.columns
        x = self.card_left(p.card) + 2 + p.column * unit_w
        y = self.top + p.row * self.row_height
        inset = 0.0 if self.seamless else 1.5
        width, height = p.columns * unit_w, p.rows * self.row_height
        return QRectF(x + inset, y + inset, width - 2 * inset, height - 2 * inset)

    def index_at(self, x: float, y: float) -> int:
        """The button under the point, or -1."""
        for index, rect in enumerate(self._rects()):
            if rect.contains(x, y):
                return index
        return -1

    # --- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            # The exposed region, not its bounding box: a click repaints the old and the new
            # selection, which may be cards apart.
            region = event.region()
            bound = QRectF(event.rect()).adjusted(-4, -4, 4, 4)
            several = region.rectCount() > 1

            def exposed(rect: QRectF) -> bool:
                if not rect.intersects(bound):
                    return False
                return not several or region.intersects(rect.toAlignedRect().adjusted(-4, -4, 4, 4))

            for c in range(self.cards()):
                rect = self.card_rect(c)
                if not exposed(rect):
                    continue
                if self.tiles:
                    origin, tile = self._card_tile(c, rect)
                    painter.drawPixmap(origin, tile)
                else:
                    self._paint_card(painter, c, rect)
            for p, rect in zip(self._places, self._rects(), strict=True):
                if not exposed(rect):
                    continue
                if self.tiles:
                    origin, tile = self._tile(p, rect)
                    painter.drawPixmap(origin, tile)
                else:
                    self._paint_button(painter, p, rect)
            self._paint_over(painter)

    def _tile_key(self, p: Placement, rect: QRectF) -> tuple[Any, ...]:
        """What a button's tile shows besides its fields (which ``set_buttons`` tracks)."""
        button = self.buttons[p.button]
        data = button if isinstance(button, dict) else {}
        pictures = tuple(
            self.pixmaps[url].cacheKey() if url in self.pixmaps else 0
            for url in (str(data.get("BgMedia")), str(data.get("Image")))
        )
        selected = self.mark_selection and p.button == self.selected
        return (
            p,
            rect.getRect(),
            self.devicePixelRatioF(),
            self.bg,
            self.rich,
            self.seamless,
            selected,
            pictures,
            self.palette().cacheKey(),
            self.font().key(),
            self.font_px,
        )

    def _tile(self, p: Placement, rect: QRectF) -> tuple[QPoint, QPixmap]:
        """Button ``p`` drawn into a pixmap at a whole-pixel origin (its pen and marks
        reach a few pixels past ``rect``), kept until it changes."""
        key = self._tile_key(p, rect)
        kept = self._tiles.get(p.button)
        if kept is not None and kept[0] == key:
            return kept[1], kept[2]
        origin, tile = self._blank(rect)
        with QPainter(tile) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.translate(-origin)
            self._paint_button(painter, p, rect)
        self._tiles[p.button] = (key, origin, tile)
        return origin, tile

    def _card_tile(self, card: int, rect: QRectF) -> tuple[QPoint, QPixmap]:
        """Card ``card``'s background (and what the editor writes above it) in a pixmap."""
        key = (
            rect.getRect(),
            self.top,
            self.devicePixelRatioF(),
            self.bg,
            self.seamless,
            self.card_radius,
            bool(self.buttons),
            self.palette().cacheKey(),
            self.font().key(),
            self.cards(),
        )
        kept = self._card_tiles.get(card)
        if kept is not None and kept[0] == key:
            return kept[1], kept[2]
        area = QRectF(rect.left(), min(0.0, rect.top()), rect.width(), rect.bottom())
        origin, tile = self._blank(area)
        with QPainter(tile) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.translate(-origin)
            self._paint_card(painter, card, rect)
        self._card_tiles[card] = (key, origin, tile)
        return origin, tile

    def _blank(self, rect: QRectF) -> tuple[QPoint, QPixmap]:
        """A transparent pixmap over ``rect`` and 4 px around it, at a whole-pixel origin."""
        origin = QPoint(math.floor(rect.left()) - 4, math.floor(rect.top()) - 4)
        right, bottom = math.ceil(rect.right()) + 4, math.ceil(rect.bottom()) + 4
        ratio = self.devicePixelRatioF()
        tile = QPixmap(QSize(right - origin.x(), bottom - origin.y()) * ratio)
        tile.setDevicePixelRatio(ratio)
        tile.fill(Qt.GlobalColor.transparent)
        return origin, tile

    def _paint_card(self, painter: QPainter, card: int, rect: QRectF) -> None:
        painter.setPen(Qt.PenStyle.NoPen if self.seamless else QPen(QColor("#c8c8d0"), 1))
        painter.setBrush(QColor(self.bg))
        painter.drawRoundedRect(rect, self.card_radius, self.card_radius)

    def _paint_button(self, painter: QPainter, p: Placement, rect: QRectF) -> None:
        button = self.buttons[p.button]
        data = button if isinstance(button, dict) else {}
        # A rich-media button without a colour shows the card through it.
        fill = color_of(data.get("BgColor"), self.bg if self.rich else BUTTON_FILL)
        selected = self.mark_selection and p.button == self.selected
        painter.save()
        if self.seamless:
            outline = self.card_rect(p.card).adjusted(2, 2, -2, -2)
            corner = self.card_radius
            inside = outline.adjusted(corner, corner, -corner, -corner)
            sideways = rect.left() < inside.left() or rect.right() > inside.right()
            upright = rect.top() < inside.top() or rect.bottom() > inside.bottom()
            if sideways and upright:  # a clip path is slow: only for a button in a corner
                card = QPainterPath()
                card.addRoundedRect(outline, corner, corner)
                painter.setClipPath(card)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRect(rect)
        else:
            painter.setPen(QPen(QColor("#ff9800"), 3) if selected else QPen(fill.darker(115), 1))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 6, 6)
        pictured = False
        inner = rect if self.seamless else rect.adjusted(2, 2, -2, -2)
        for key, mode in (("BgMedia", "BgMediaScaleType"), ("Image", "ImageScaleType")):
            picture = self.pixmaps.get(str(data.get(key)))
            if picture is not None:
                pictured = True
                self._paint_picture(painter, picture, inner, str(data.get(mode)))
        painter.restore()
        luminance = 0.299 * fill.red() + 0.587 * fill.green() + 0.114 * fill.blue()
        ink = "#ffffff" if luminance < 150 else "#202020"
        self._draw_text(painter, rect.adjusted(4, 2, -4, -2), data, ink, pictured)

    def _paint_picture(self, painter: QPainter, picture: QPixmap, rect: QRectF, mode: str) -> None:
        """The picture in ``rect``: cropped to fill it (Viber's default), stretched or fitted."""
        aspect = _SCALE_MODES.get(mode, Qt.AspectRatioMode.KeepAspectRatioByExpanding)
        size = rect.size().toSize()
        key = (picture.cacheKey(), size.width(), size.height(), int(aspect.value))
        scaled = self._scaled.get(key)
        if scaled is None:  # smooth scaling is slow: once per picture and size
            if len(self._scaled) >= _PICTURE_CACHE_MAX:
                self._scaled.clear()
            scaled = picture.scaled(size, aspect, Qt.TransformationMode.SmoothTransformation)
            self._scaled[key] = scaled
        x = rect.left() + (rect.width() - scaled.width()) / 2
        y = rect.top() + (rect.height() - scaled.height()) / 2
        painter.save()
        painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
        painter.drawPixmap(round(x), round(y), scaled)
        painter.restore()

    def _paint_over(self, painter: QPainter) -> None:
        """Drawn above the buttons (the editor's selection, overflow and drag marks)."""

    def _draw_text(
        self, painter: QPainter, rect: QRectF, data: dict[str, Any], ink: str, pictured: bool
    ) -> None:
        """Button Text as Viber renders it: its HTML (b, i, u, s, br, font color and size),
        TextHAlign, TextVAlign, TextSize and TextOpacity.

        Without Text: the picture's file name until the picture is shown, else the action."""
        text = data.get("Text")
        markup = isinstance(text, str) and bool(text)
        if not markup:
            if pictured or not self.stand_ins:
                return
            media = data.get("BgMedia") or data.get("Image")
            if isinstance(media, str) and media:
                name = media.rstrip("/").rsplit("/", 1)[-1][:40]
                text = f"<small>🖼 {html.escape(name)}</small>"
            else:
                text = html.escape(str(data.get("ActionBody", ""))[:20])
        assert isinstance(text, str)
        h_align = data.get("TextHAlign")
        size = data.get("TextSize")
        doc = self._text_document(
            text,
            markup,
            int(rect.width()),
            ink,
            h_align if isinstance(h_align, str) and h_align in _H_ALIGN else "center",
            size if isinstance(size, str) and size in _TEXT_SIZES else "regular",
        )
        free = rect.height() - doc.size().height()
        v_align = data.get("TextVAlign")
        offset = max(0.0, free if v_align == "bottom" else 0.0 if v_align == "top" else free / 2)
        opacity = data.get("TextOpacity")
        painter.save()
        if type(opacity) is int and 0 <= opacity < 100:
            painter.setOpacity(opacity / 100)
        painter.translate(rect.left(), rect.top() + offset)
        painter.setClipRect(QRectF(0, -offset, rect.width(), rect.height()))
        doc.drawContents(painter)
        painter.restore()

    def _text_document(
        self, text: str, markup: bool, width: int, ink: str, h_align: str, size: str
    ) -> QTextDocument:
        # Laying out HTML is the costly part of a repaint: keep each button's layout.
        key = (text, markup, width, ink, h_align, size)
        doc = self._texts.get(key)
        if doc is None:
            if len(self._texts) >= _TEXT_CACHE_MAX:
                self._texts.clear()
            doc = QTextDocument()
            font = self.font()
            scale = _TEXT_SIZES[size]
            if self.font_px is not None:
                font.setPixelSize(max(6, round(self.font_px * scale)))
            elif scale != 1.0 and font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * scale)
            doc.setDefaultFont(font)
            doc.setDefaultStyleSheet(f"body {{ color: {ink}; }}")
            from PySide6.QtGui import QTextOption  # start-up: 3 enum classes, made once drawn

            option = QTextOption(_H_ALIGN[h_align])
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            doc.setDefaultTextOption(option)
            doc.setDocumentMargin(0)
            body = viber_html(text, (self.font_px or 14) / 14) if markup else text
            doc.setHtml(f"<body>{body}</body>")
            doc.setTextWidth(width)
            self._texts[key] = doc
        return doc

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().x(), event.position().y())
        if index >= 0:
            self.clicked.emit(index)
            return
        super().mousePressEvent(event)

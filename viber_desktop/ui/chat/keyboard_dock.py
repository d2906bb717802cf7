"""A keyboard where Viber puts it: at the bottom of the chat, in place of the phone's own
keyboard, under the input field, at the height its fields ask for.

Viber's rules (CH-KB): DefaultHeight true shows the keyboard as tall as the phone's own
keyboard; false shows a short keyboard at its buttons' height, at most that tall.
CustomDefaultHeight (40-70) takes that share of the chat's free height, never less than the
phone's keyboard. HeightScale (20-100) is a row's share of a square block. A keyboard taller
than its height scrolls.
"""

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from viber_desktop.core import limits
from viber_desktop.ui.composer.grid_view import ButtonGridView

NATIVE_SHARE = 0.4
"""The phone's own keyboard takes about 40 % of the chat's height (our reading)."""
BLOCK_MAX = 48
"""A row at HeightScale 100 is a square block: a sixth of the width, at most this tall."""


def keyboard_height(keyboard: dict[str, Any], content: int, area: int) -> int:
    """How tall Viber shows a keyboard whose buttons need ``content`` pixels, in a chat
    ``area`` pixels tall."""
    native = round(area * NATIVE_SHARE)
    custom = keyboard.get("CustomDefaultHeight")
    low, high = limits.CUSTOM_DEFAULT_HEIGHT_RANGE
    if type(custom) is int and low <= custom <= high:
        return max(round(area * custom / 100), native)
    if keyboard.get("DefaultHeight") is True:
        return native
    return min(content, native)


def row_height(keyboard: dict[str, Any], width: int) -> float:
    """One row of a keyboard ``width`` pixels wide: HeightScale percent of a square block."""
    scale = keyboard.get("HeightScale")
    low, high = limits.HEIGHT_SCALE_RANGE
    percent = scale if type(scale) is int and low <= scale <= high else high
    return min(width / limits.GRID_COLUMNS_MAX, BLOCK_MAX) * percent / 100


class KeyboardGrid(ButtonGridView):
    """The keyboard's buttons across the whole width (read-only)."""

    def __init__(self, pixmaps: dict[str, QPixmap], parent: QWidget | None = None) -> None:
        super().__init__(parent, cell=BLOCK_MAX)
        self.width_px = 6 * BLOCK_MAX
        self.card_radius = 0.0
        self.GAP = 0
        self.font_px = 13.0
        self.mark_selection = False
        self.stand_ins = False
        self.pixmaps = pixmaps
        self.setAccessibleName(self.tr("Keyboard"))

    def card_size(self) -> QSize:
        return QSize(self.width_px, round(self.card_rows() * self.row_height) + 4)

    def _paint_card(self, painter: Any, card: int, rect: Any) -> None:
        painter.fillRect(self.rect(), self.bg)


class KeyboardDock(QScrollArea):
    """The keyboard under the input field; ``fit`` sizes it for the chat it sits in."""

    def __init__(
        self, keyboard: dict[str, Any], pixmaps: dict[str, QPixmap], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.keyboard = keyboard
        self.grid = KeyboardGrid(pixmaps)
        buttons = keyboard.get("Buttons") if isinstance(keyboard.get("Buttons"), list) else []
        assert isinstance(buttons, list)
        self.grid.set_buttons(
            buttons,
            keyboard.get("ButtonsGroupColumns"),
            None,
            rich=False,
            bg=keyboard.get("BgColor"),
        )
        self.setWidget(self.grid)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setStyleSheet(f"QScrollArea {{ background: {self.grid.bg}; }}")
        self.setAccessibleName(self.tr("Keyboard"))

    def fit(self, width: int, area: int) -> None:
        """Lay the buttons out ``width`` pixels wide in a chat ``area`` pixels tall."""
        bar = self.verticalScrollBar().sizeHint().width()
        self.grid.row_height = row_height(self.keyboard, width)
        content = self.grid.card_size().height() + 4
        height = max(1, keyboard_height(self.keyboard, content, area))
        inner = width - (bar if content > height else 0) - 4
        self.grid.width_px = max(inner, 6)
        self.grid.cell = max(1, inner // max(1, self.grid.columns))
        self.grid.resize(width - (bar if content > height else 0), content)
        self.grid.update()
        self.setFixedHeight(height)

    def urls(self) -> set[str]:
        """The Image and BgMedia pictures the keyboard's buttons show."""
        return self.grid.picture_urls()

"""The chat preview's look: its colours, rounded boxes and small type, without a style sheet.

Trap: the preview had one style sheet for all of this, and a style sheet hands every widget
under it to Qt's style-sheet style, whose polish and size hints were 4 % of the CPU of a
window's start (issue 16). Palettes, fonts and boxes painted here look the same.
"""

from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from viber_desktop.ui.theme import is_dark


class ChatColors(NamedTuple):
    """The chat's colours in one theme."""

    screen: str
    bubble: str
    ink: str
    muted: str
    sender: str
    media: str
    input: str
    input_line: str


LIGHT = ChatColors(
    "#e6e9f0", "#ffffff", "#1d1d1f", "#7a7a80", "#5b47d6", "#eef0f5", "#ffffff", "#d5d8df"
)
DARK = ChatColors(
    "#17181b", "#2f3136", "#e6e6e6", "#9a9a9a", "#a99cff", "#3a3c42", "#24262b", "#34363c"
)
BUBBLE_RADIUS = 14
BUBBLE_CORNER = 4
"""The top-left corner of a bubble, next to the sender's avatar."""
MEDIA_RADIUS = 8
META_PIXELS = 11
DEMI_BOLD = QFont.Weight.DemiBold
"""The weight of titles and the sender's name (600)."""


def colors(widget: QWidget | None = None) -> ChatColors:
    """The chat's colours for ``widget``'s palette (else the application's)."""
    return DARK if is_dark(widget) else LIGHT


def fill(widget: QWidget, color: str) -> None:
    """``widget`` filled with ``color`` behind its children."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(color))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def ink(widget: QWidget, color: str) -> None:
    """Text in ``color`` in ``widget`` and the children that set none of their own."""
    palette = widget.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, QColor(color))
    widget.setPalette(palette)


def title(label: QLabel) -> QLabel:
    """A title line: demi-bold."""
    font = QFont(label.font())
    font.setWeight(DEMI_BOLD)
    label.setFont(font)
    return label


def sender(label: QLabel, chat: ChatColors) -> QLabel:
    """The sender's name above the message: demi-bold, in the sender colour."""
    ink(title(label), chat.sender)
    return label


def small(label: QLabel) -> QLabel:
    """A time or a size in a bubble: small, in the bubble's ink (muted would be under 4.5:1
    on white)."""
    font = QFont(label.font())
    font.setPixelSize(META_PIXELS)
    label.setFont(font)
    return label


def meta(label: QLabel, chat: ChatColors) -> QLabel:
    """A time or a hint on the chat's background: small and muted."""
    ink(small(label), chat.muted)
    return label


def rounded_path(rect: QRectF, radius: float, top_left: float) -> QPainterPath:
    """``rect`` with round corners of ``radius``, the top-left one of ``top_left``."""
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    r, t = min(radius, w / 2, h / 2), min(top_left, w / 2, h / 2)
    path = QPainterPath()
    path.moveTo(x + t, y)
    path.lineTo(x + w - r, y)
    path.arcTo(x + w - 2 * r, y, 2 * r, 2 * r, 90, -90)
    path.lineTo(x + w, y + h - r)
    path.arcTo(x + w - 2 * r, y + h - 2 * r, 2 * r, 2 * r, 0, -90)
    path.lineTo(x + r, y + h)
    path.arcTo(x, y + h - 2 * r, 2 * r, 2 * r, 270, -90)
    path.lineTo(x, y + t)
    path.arcTo(x, y, 2 * t, 2 * t, 180, -90)
    path.closeSubpath()
    return path


def paint_box(widget: QWidget, color: str, radius: float, top_left: float) -> None:
    """Paint ``widget``'s background as a rounded box of ``color``."""
    with QPainter(widget) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawPath(rounded_path(QRectF(widget.rect()), radius, top_left))


class MediaCard(QFrame):
    """A link's card in its bubble: a rounded box of the media colour."""

    def __init__(self, chat: ChatColors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("media")
        self.chat = chat

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_box(self, self.chat.media, MEDIA_RADIUS, MEDIA_RADIUS)
        super().paintEvent(event)

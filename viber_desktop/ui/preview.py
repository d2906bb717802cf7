"""Draws the message as a Viber chat bubble: every type, rich media and the keyboard."""

import copy
import html
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import markup
from viber_desktop.core.rules import is_http_url, is_int, is_number, last_segment_extension
from viber_desktop.ui.composer.grid_view import ButtonGridView
from viber_desktop.ui.images import ImageLoader
from viber_desktop.ui.theme import is_dark


def formatted(text: str) -> str:
    """Viber's text markdown as HTML (bold, italic, strike, monospace), escaped."""
    return markup.to_html(text)


def initials_avatar(name: str, size: int = 36) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#7360f2"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(0, 0, size, size)
    painter.setPen(QColor("#ffffff"))
    font = QFont()
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, (name.strip()[:1] or "?").upper())
    painter.end()
    return pix


def round_pixmap(image: QImage, size: int = 36) -> QPixmap:
    src = QPixmap.fromImage(image).scaled(
        size,
        size,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(src)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(0, 0, size, size)
    painter.end()
    return pix


class ChatPreview(QScrollArea):
    """A read-only chat view of one message."""

    def __init__(self, images: ImageLoader | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images = images
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Chat preview"))
        self._msg: dict[str, Any] = {}
        self._shown: dict[str, Any] | None = None
        if images is not None:
            images.loaded.connect(self._image_loaded)
        self.show_message({})

    def show_if_changed(self, msg: dict[str, Any]) -> None:
        """Redraw only when what the bubble shows changed (not tracking_data or the level)."""
        shown = {k: v for k, v in msg.items() if k not in ("tracking_data", "min_api_version")}
        if shown != self._shown:
            self._shown = copy.deepcopy(shown)  # the message document changes in place
            self.show_message(msg)

    def show_message(self, msg: Any) -> None:
        self._msg = msg if isinstance(msg, dict) else {}
        dark = is_dark(self)
        page = QWidget()
        page.setObjectName("chat")
        page.setStyleSheet(
            f"#chat {{ background: {'#17181b' if dark else '#e6e9f0'}; }}"
            f"QFrame#bubble {{ background: {'#2f3136' if dark else '#ffffff'}; "
            f"border-radius: 14px; }}"
            f"QFrame#bubble QLabel {{ color: {'#e6e6e6' if dark else '#1d1d1f'}; }}"
            f"QLabel#sender {{ color: {'#a99cff' if dark else '#5b47d6'}; font-weight: 600; }}"
            f"QLabel#meta {{ color: {'#9a9a9a' if dark else '#8a8a8a'}; }}"
            f"QFrame#media {{ background: {'#3a3c42' if dark else '#eef0f5'}; "
            f"border-radius: 10px; }}"
        )
        outer = QVBoxLayout(page)
        outer.setContentsMargins(12, 12, 12, 12)
        row = QHBoxLayout()
        self.avatar = QLabel()
        self.avatar.setFixedSize(36, 36)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignTop)
        sender = self._msg.get("sender") if isinstance(self._msg.get("sender"), dict) else {}
        assert isinstance(sender, dict)
        name = sender.get("name") if isinstance(sender.get("name"), str) else ""
        self.avatar.setPixmap(initials_avatar(str(name)))
        avatar_url = sender.get("avatar")
        if self.images is not None and isinstance(avatar_url, str) and is_http_url(avatar_url):
            self.images.request(avatar_url)
        row.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        label = QLabel(str(name) or self.tr("(no sender name)"))
        label.setObjectName("sender")
        label.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(label)
        column.addWidget(self._content())
        meta = QLabel(datetime.now().strftime("%H:%M"))
        meta.setObjectName("meta")
        column.addWidget(meta)
        row.addLayout(column, 1)
        outer.addLayout(row)
        outer.addStretch(1)
        keyboard = self._msg.get("keyboard")
        if isinstance(keyboard, dict):
            outer.addWidget(self._grid(keyboard, rich=False))
        self.setWidget(page)

    def _content(self) -> QWidget:
        msg = self._msg
        kind = msg.get("type")
        if kind == "rich_media" and isinstance(msg.get("rich_media"), dict):
            return self._grid(msg["rich_media"], rich=True)
        bubble = QFrame()
        bubble.setObjectName("bubble")
        bubble.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        bubble.setMaximumWidth(380)
        layout = QVBoxLayout(bubble)
        layout.setContentsMargins(12, 8, 12, 8)

        def text(value: str, rich: bool = False) -> None:
            lbl = QLabel(formatted(value) if rich else html.escape(value).replace("\n", "<br>"))
            lbl.setWordWrap(True)
            lbl.setTextFormat(Qt.TextFormat.RichText)
            lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lbl.setAccessibleName(self.tr("Message text"))
            layout.addWidget(lbl)

        def card(icon: str, title: str, sub: str = "") -> None:
            frame = QFrame()
            frame.setObjectName("media")
            inner = QHBoxLayout(frame)
            glyph = QLabel(icon)
            glyph.setStyleSheet("font-size: 26px;")
            inner.addWidget(glyph)
            words = QLabel(
                f"<b>{html.escape(title)}</b>" + (f"<br>{html.escape(sub)}" if sub else "")
            )
            words.setWordWrap(True)
            inner.addWidget(words, 1)
            layout.addWidget(frame)

        def name_of(url: Any) -> str:
            return url.rsplit("/", 1)[-1] or url if isinstance(url, str) else ""

        if kind == "text":
            text(str(msg.get("text", "")), rich=True)
        elif kind == "picture":
            media = msg.get("media")
            self.picture = QLabel("🖼  " + name_of(media))
            self.picture.setObjectName("media")
            self.picture.setMinimumSize(160, 100)
            self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(self.picture)
            if (
                self.images is not None
                and isinstance(media, str)
                and is_http_url(media)
                and last_segment_extension(media) in (".jpg", ".jpeg", ".png", ".gif")
            ):
                self.images.request(media)
            if msg.get("text"):
                text(str(msg.get("text")))
        elif kind == "video":
            size: Any = msg.get("size")
            dur: Any = msg.get("duration")
            sub = " · ".join(
                x
                for x in (
                    f"{size / 1048576:.1f} MB" if is_int(size) else "",
                    f"{dur // 60}:{dur % 60:02d}" if is_int(dur) else "",
                )
                if x
            )
            card("▶", name_of(msg.get("media")) or self.tr("video"), sub)
        elif kind == "file":
            size = msg.get("size")  # Any, like the video branch
            card(
                "📄",
                str(msg.get("file_name", "")) or self.tr("file"),
                f"{size / 1024:,.0f} KB" if is_int(size) else "",
            )
        elif kind == "contact":
            contact = msg.get("contact") if isinstance(msg.get("contact"), dict) else {}
            assert isinstance(contact, dict)
            card("👤", str(contact.get("name", "")), str(contact.get("phone_number", "")))
        elif kind == "location":
            loc = msg.get("location") if isinstance(msg.get("location"), dict) else {}
            assert isinstance(loc, dict)
            lat, lon = loc.get("lat"), loc.get("lon")
            where = f"{_coordinate(lat)}, {_coordinate(lon)}"
            card("📍", self.tr("Location"), where)
        elif kind == "url":
            url = html.escape(str(msg.get("media", "")))
            link = QLabel(f"🔗 <a href='{url}'>{url}</a>")
            link.setWordWrap(True)
            link.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(link)
        elif kind == "sticker":
            card("🙂", self.tr("Sticker {id}").format(id=msg.get("sticker_id", "")))
        elif kind is None and "keyboard" in msg:
            text(self.tr("(keyboard only: no message bubble)"))
        else:
            text(self.tr("(nothing to preview for type {type})").format(type=kind))
        return bubble

    def _grid(self, obj: dict[str, Any], rich: bool) -> QWidget:
        grid = ButtonGridView(cell=44 if rich else 56)
        buttons = obj.get("Buttons") if isinstance(obj.get("Buttons"), list) else []
        assert isinstance(buttons, list)
        grid.set_buttons(
            buttons,
            obj.get("ButtonsGroupColumns"),
            obj.get("ButtonsGroupRows"),
            rich=rich,
            bg=obj.get("BgColor"),
        )
        grid.setAccessibleName(self.tr("Rich media cards") if rich else self.tr("Keyboard"))
        scroll = QScrollArea()
        scroll.setWidget(grid)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(False)
        scroll.setMinimumHeight(grid.sizeHint().height() + 18)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setStyleSheet("background: transparent;")
        return scroll

    def _image_loaded(self, url: str, image: QImage | None, size: int, error: str) -> None:
        sender = self._msg.get("sender")
        if image is None:
            return
        if isinstance(sender, dict) and sender.get("avatar") == url:
            self.avatar.setPixmap(round_pixmap(image))
        if self._msg.get("type") == "picture" and self._msg.get("media") == url:
            self.picture.setPixmap(
                QPixmap.fromImage(image).scaled(
                    320,
                    240,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )


def _coordinate(value: object) -> str:
    """A latitude or longitude as the preview shows it; "?" for what is not a plain one."""
    if not is_number(value) or abs(value) > 180:  # type: ignore[arg-type]
        return "?"
    return f"{value:.5f}"

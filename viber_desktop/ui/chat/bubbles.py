"""One message's bubble as Viber draws it, per type (the rich-media carousel is carousel.py).

Pictures (picture, video thumbnail, sticker) are asked for through ``want(url, show)``: the
preview loads them off the GUI thread and calls ``show(image)`` later; until then a
placeholder of the final size stands in, so nothing moves when a picture arrives.

A text shows its first ``TEXT_MAX`` characters (Viber takes no more) and says how many more
there are; ``show_text`` changes it in place, as each keystroke does: only the lines that
changed are laid out again (text_view.py).
"""

import math
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from viber_desktop.core.i18n import number
from viber_desktop.core.limits import TEXT_MAX
from viber_desktop.core.markup import escape_html
from viber_desktop.core.rules import is_http_url, is_int, is_number, last_segment_extension
from viber_desktop.core.text import index_of, utf16_len
from viber_desktop.ui.chat import look
from viber_desktop.ui.chat.text_view import NOTE, TextView, lines_of

ImageWish = Callable[[str, Callable[[QImage], None]], None]
"""Ask for the picture at a URL; the callback gets it later, on the GUI thread."""

STICKER_URL = "https://viber.github.io/docs/img/stickers/{id}.png"
"""Where Viber's sticker pictures are public (the pattern nyaruka/courier uses)."""

_PICTURE_TYPES = (".jpg", ".jpeg", ".png", ".gif")
_SLACK = 2 * 4 + 2
"""Room beside a text's longest line, as the QLabel's rule gave it (a QTextDocument's
default margin of 4 each side, plus 2)."""


def human_size(size: int) -> str:
    """A byte count as Viber writes it under a file: "840 B", "12 KB", "3.4 MB"."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1048576:.1f} MB"


def duration_text(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def coordinate(value: object) -> str:
    """A latitude or longitude as the preview shows it; "?" for what is not a plain one."""
    if not is_number(value) or abs(value) > 180:  # type: ignore[arg-type]
        return "?"
    return f"{value:.5f}"


class PictureView(QWidget):
    """A picture with rounded corners, cropped to its box; a labelled placeholder until then.

    ``overlay`` draws a video's play button and duration over it."""

    def __init__(
        self,
        size: QSize,
        label: str,
        *,
        dark_placeholder: bool = False,
        duration: str = "",
        play: bool = False,
        radius: float = 10.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setFixedSize(size)
        self.label = label
        self.image: QImage | None = None
        self._scaled: QPixmap | None = None
        """The image scaled to the box, made at the first paint after it came (not at each)."""
        self._scaled_for = QSize()
        self.duration = duration
        self.play = play
        self.radius = radius
        self.dark_placeholder = dark_placeholder

    def set_image(self, image: QImage) -> None:
        self.image = image
        self._scaled = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            rect = QRectF(self.rect())
            path = QPainterPath()
            path.addRoundedRect(rect, self.radius, self.radius)
            painter.setClipPath(path)
            if self.image is not None:
                scaled = self._scaled
                if scaled is None or self._scaled_for != self.size():
                    self._scaled_for = self.size()
                    scaled = self._scaled = QPixmap.fromImage(self.image).scaled(
                        self.size(),
                        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                painter.drawPixmap(
                    (self.width() - scaled.width()) // 2,
                    (self.height() - scaled.height()) // 2,
                    scaled,
                )
            else:
                painter.fillRect(rect, QColor("#2b2d31" if self.dark_placeholder else "#d9dce3"))
                painter.setPen(QColor("#c8c8c8" if self.dark_placeholder else "#55585f"))
                painter.drawText(
                    rect.adjusted(8, 8, -8, -8),
                    Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                    self.label,
                )
            if self.play:
                center = rect.center()
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(0, 0, 0, 140))
                painter.drawEllipse(center, 24, 24)
                painter.setBrush(QColor("#ffffff"))
                x, y = center.x(), center.y()
                triangle = QPainterPath()
                triangle.moveTo(x - 7, y - 11)
                triangle.lineTo(x + 12, y)
                triangle.lineTo(x - 7, y + 11)
                triangle.closeSubpath()
                painter.drawPath(triangle)
            if self.duration:
                font = QFont(self.font())
                font.setPixelSize(12)
                painter.setFont(font)
                width = painter.fontMetrics().horizontalAdvance(self.duration) + 12
                badge = QRectF(8, rect.height() - 28, width, 20)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(0, 0, 0, 150))
                painter.drawRoundedRect(badge, 10, 10)
                painter.setPen(QColor("#ffffff"))
                painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.duration)


class PinCard(QWidget):
    """A location as a map-like tile with a pin (no map tiles are fetched)."""

    def __init__(self, size: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(size)

    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            rect = QRectF(self.rect())
            path = QPainterPath()
            path.addRoundedRect(rect, 10, 10)
            painter.setClipPath(path)
            painter.fillRect(rect, QColor("#e4efe0"))
            painter.setPen(QPen(QColor("#ffffff"), 6))
            painter.drawLine(
                0, round(rect.height() * 0.62), self.width(), round(rect.height() * 0.4)
            )
            painter.drawLine(
                round(rect.width() * 0.3), 0, round(rect.width() * 0.42), self.height()
            )
            painter.setPen(QPen(QColor("#cfe0c8"), 2))
            painter.drawLine(
                0, round(rect.height() * 0.2), self.width(), round(rect.height() * 0.28)
            )
            center = rect.center()
            pin = QPainterPath()
            pin.addEllipse(center.x() - 12, center.y() - 30, 24, 24)
            pin.moveTo(center.x() - 10, center.y() - 14)
            pin.lineTo(center.x(), center.y())
            pin.lineTo(center.x() + 10, center.y() - 14)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#7360f2"))
            painter.drawPath(pin.simplified())
            painter.setBrush(QColor("#ffffff"))
            painter.drawEllipse(QRectF(center.x() - 5, center.y() - 23, 10, 10))


class FileIcon(QWidget):
    """A document icon with the file's extension on it."""

    def __init__(self, extension: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.extension = extension.lstrip(".").upper()[:4]
        self.setFixedSize(40, 48)

    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            page = QPainterPath()
            page.moveTo(0, 4)
            page.quadTo(0, 0, 4, 0)
            page.lineTo(28, 0)
            page.lineTo(40, 12)
            page.lineTo(40, 44)
            page.quadTo(40, 48, 36, 48)
            page.lineTo(4, 48)
            page.quadTo(0, 48, 0, 44)
            page.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#7360f2"))
            painter.drawPath(page)
            painter.setBrush(QColor("#9f93f7"))
            fold = QPainterPath()
            fold.moveTo(28, 0)
            fold.lineTo(28, 12)
            fold.lineTo(40, 12)
            fold.closeSubpath()
            painter.drawPath(fold)
            font = QFont(self.font())
            font.setPixelSize(10)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(QRectF(0, 20, 40, 24), Qt.AlignmentFlag.AlignCenter, self.extension)


class Bubble(QFrame):
    """The bubble of one message that is not rich media, ``width`` pixels at most, in the
    chat's ``colors`` (its preview's theme; by default the application's)."""

    def __init__(
        self,
        msg: dict[str, Any],
        want: ImageWish,
        width: int,
        stamp: str,
        parent: QWidget | None = None,
        colors: look.ChatColors | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bubble")
        self.colors = colors or look.colors()
        look.ink(self, self.colors.ink)
        self.want = want
        self.media_width = width - 16
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.setMaximumWidth(width)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(8, 8, 8, 6)
        self.box.setSpacing(6)
        self.text_label: TextView | None = None
        """The message text of a text message (``show_text`` changes it)."""
        kind = msg.get("type")
        build = {
            "text": self._text,
            "picture": self._picture,
            "video": self._video,
            "file": self._file,
            "contact": self._contact,
            "location": self._location,
            "url": self._url,
            "sticker": self._sticker,
        }.get(str(kind))
        if build is not None:
            build(msg)
        elif kind is None and "keyboard" in msg:
            self._words(self.tr("(keyboard only: no message bubble)"))
        else:
            self._words(self.tr("(nothing to preview for type {type})").format(type=kind))
        time = QLabel(stamp)
        time.setObjectName("meta")
        look.small(time)
        self.box.addWidget(time, 0, Qt.AlignmentFlag.AlignRight)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.objectName() == "bubble":  # a sticker has none, as in Viber
            look.paint_box(self, self.colors.bubble, look.BUBBLE_RADIUS, look.BUBBLE_CORNER)
        super().paintEvent(event)

    # --- parts ----------------------------------------------------------------------------

    def _words(self, text: str, rich: str | None = None) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(self.tr("Message text"))
        self._fill(label, rich if rich is not None else escape_html(text).replace("\n", "<br>"))
        self.box.addWidget(label)
        return label

    def _fill(self, label: QLabel, rich: str) -> None:
        label.setText(rich)
        doc = QTextDocument()  # a wrapping label guesses a narrow width: its longest line's
        doc.setDefaultFont(label.font())
        doc.setHtml(rich)
        label.setMinimumWidth(min(math.ceil(doc.idealWidth()) + 2, self.media_width))

    def show_text(self, text: str) -> None:
        """Show ``text`` (Viber's formatting applied) in place of the text shown."""
        shown = text[: index_of(text, TEXT_MAX)]  # as Viber counts: UTF-16 units
        lines = lines_of(shown)
        if len(shown) < len(text):
            more = utf16_len(text) - TEXT_MAX
            note = self.tr(
                "… and {more} more character(s), not shown: Viber takes {limit} at most.", "", more
            ).format(more=number(more), limit=number(TEXT_MAX))
            lines.append(((note, NOTE),))
        view = self.text_label
        if view is None:
            view = self.text_label = TextView()
            view.setAccessibleName(self.tr("Message text"))
            self.box.addWidget(view)
        view.show_lines(lines)
        longest = max((sum(len(p) for p, _ in line) for line in lines), default=0)
        # A line this long wraps at any bubble width; else as wide as its longest line.
        if longest > 80:
            width = self.media_width
        else:
            width = min(view.ideal_width(self.media_width) + _SLACK, self.media_width)
        view.hint_width = width
        view.setMinimumWidth(width)

    def _picture_box(self, url: Any, size: QSize, label: str, **options: Any) -> PictureView:
        view = PictureView(size, label, **options)
        if isinstance(url, str) and is_http_url(url):
            self.want(url, view.set_image)
        self.box.addWidget(view)
        return view

    # --- one per type ---------------------------------------------------------------------

    def _text(self, msg: dict[str, Any]) -> None:
        self.show_text(str(msg.get("text", "")))

    def _picture(self, msg: dict[str, Any]) -> None:
        media = msg.get("media")
        width = self.media_width
        shown = media if last_segment_extension(str(media)) in _PICTURE_TYPES else None
        self.picture = self._picture_box(
            shown, QSize(width, width * 3 // 4), "🖼  " + _name_of(media)
        )
        self.picture.setAccessibleName(self.tr("Picture"))
        if msg.get("text"):
            self._words(str(msg.get("text")))

    def _video(self, msg: dict[str, Any]) -> None:
        width = self.media_width
        dur: Any = msg.get("duration")
        self.video = self._picture_box(
            msg.get("thumbnail"),
            QSize(width, width * 9 // 16),
            "",
            dark_placeholder=True,
            duration=duration_text(dur) if is_int(dur) and dur >= 0 else "",
            play=True,
        )
        self.video.setAccessibleName(self.tr("Video"))
        size: Any = msg.get("size")
        if is_int(size) and size >= 0:
            note = QLabel(human_size(size))
            note.setObjectName("meta")
            look.small(note)
            self.box.addWidget(note)

    def _file(self, msg: dict[str, Any]) -> None:
        name = str(msg.get("file_name", "")) or self.tr("file")
        size: Any = msg.get("size")
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(FileIcon(last_segment_extension(name) or "?"))
        words = QVBoxLayout()
        words.setSpacing(2)
        title = QLabel()
        title.setObjectName("title")
        look.title(title)
        title.setText(title.fontMetrics().elidedText(name, Qt.TextElideMode.ElideMiddle, 190))
        title.setToolTip(name)
        words.addWidget(title)
        sub = QLabel(human_size(size) if is_int(size) and size >= 0 else "")
        sub.setObjectName("meta")
        look.small(sub)
        words.addWidget(sub)
        row.addLayout(words, 1)
        self.box.addLayout(row)

    def _contact(self, msg: dict[str, Any]) -> None:
        from viber_desktop.ui.chat.avatar import initials_avatar

        contact = msg.get("contact") if isinstance(msg.get("contact"), dict) else {}
        assert isinstance(contact, dict)
        name = str(contact.get("name", ""))
        row = QHBoxLayout()
        row.setSpacing(10)
        face = QLabel()
        face.setPixmap(initials_avatar(name, 44))
        row.addWidget(face)
        words = QVBoxLayout()
        words.setSpacing(2)
        title = QLabel(name or self.tr("(no name)"))
        title.setObjectName("title")
        look.title(title)
        title.setTextFormat(Qt.TextFormat.PlainText)
        words.addWidget(title)
        phone = QLabel(str(contact.get("phone_number", "")))
        phone.setTextFormat(Qt.TextFormat.PlainText)
        words.addWidget(phone)
        row.addLayout(words, 1)
        self.box.addLayout(row)

    def _location(self, msg: dict[str, Any]) -> None:
        loc = msg.get("location") if isinstance(msg.get("location"), dict) else {}
        assert isinstance(loc, dict)
        width = self.media_width
        self.pin = PinCard(QSize(width, width // 2))
        self.pin.setAccessibleName(self.tr("Location"))
        self.box.addWidget(self.pin)
        where = f"{coordinate(loc.get('lat'))}, {coordinate(loc.get('lon'))}"
        title = QLabel(self.tr("Location"))
        title.setObjectName("title")
        look.title(title)
        self.box.addWidget(title)
        self.coordinates = QLabel(where)
        self.box.addWidget(self.coordinates)

    def _url(self, msg: dict[str, Any]) -> None:
        url = str(msg.get("media", ""))
        link = self._words("", f"<a href='{escape_html(url)}'>{escape_html(url)}</a>")
        link.setOpenExternalLinks(False)
        host = urlsplit(url).hostname if is_http_url(url) else None
        if host:
            card = look.MediaCard(self.colors)
            inner = QVBoxLayout(card)
            inner.setContentsMargins(10, 6, 10, 6)
            site = QLabel(host)
            site.setObjectName("title")
            look.title(site)
            site.setTextFormat(Qt.TextFormat.PlainText)
            inner.addWidget(site)
            hint = QLabel(self.tr("Link preview: Viber fills it from the page"))
            hint.setObjectName("meta")
            look.small(hint)
            hint.setWordWrap(True)
            inner.addWidget(hint)
            self.box.addWidget(card)

    def _sticker(self, msg: dict[str, Any]) -> None:
        self.setObjectName("sticker")  # no bubble behind a sticker, as in Viber
        sticker: Any = msg.get("sticker_id")
        url = STICKER_URL.format(id=sticker) if is_int(sticker) and sticker > 0 else None
        self.sticker = self._picture_box(
            url, QSize(150, 150), self.tr("Sticker {id}").format(id=sticker)
        )


def _name_of(url: Any) -> str:
    return (url.rsplit("/", 1)[-1] or url) if isinstance(url, str) else ""

"""Draws the message as Viber does: the sender, the bubble of every type, the rich-media
carousel, and the keyboard at the bottom in place of the phone's own, on a desktop-wide or a
360-px phone screen. Pictures load off the GUI thread; nothing here resizes the window.
"""

import copy
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import markup
from viber_desktop.core.rules import is_http_url
from viber_desktop.ui.chat import look
from viber_desktop.ui.chat.avatar import initials_avatar, round_pixmap
from viber_desktop.ui.chat.bubbles import Bubble
from viber_desktop.ui.chat.input_bar import InputBar
from viber_desktop.ui.images import ImageLoader
from viber_desktop.ui.theme import is_dark

if TYPE_CHECKING:
    # Loaded when a carousel or a keyboard is first drawn: they and their button grid are
    # not on a text message's first paint (start-up, issue 16).
    from viber_desktop.ui.chat.carousel import Carousel
    from viber_desktop.ui.chat.keyboard_dock import KeyboardDock

__all__ = ["ChatPreview", "formatted", "initials_avatar", "round_pixmap"]

PHONE_WIDTH = 360
"""The phone mode's screen width, in pixels."""
BUBBLE_MAX = 340
"""The widest a bubble gets on the desktop-wide screen."""
_AVATAR = 32
_NOT_IN_BUBBLE = ("keyboard", "tracking_data", "min_api_version", "receiver")


def formatted(text: str) -> str:
    """Viber's text markdown as HTML (bold, italic, strike, monospace), escaped."""
    return markup.to_html(text)


class ChatPreview(QWidget):
    """A read-only chat with one message: as wide as the pane, or a 360-px phone screen.

    Its size never follows its content (the window does not reflow when the message changes):
    a long message scrolls inside, a keyboard takes the bottom of the screen."""

    def __init__(self, images: ImageLoader | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images = images
        self.setAccessibleName(self.tr("Chat preview"))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(160, 120)
        self._msg: dict[str, Any] = {}
        self._shown: dict[str, Any] | None = None
        self._dark: bool | None = None
        self.chat_colors = look.colors(self)
        """The chat's colours, for the preview's theme (chat/look.py)."""
        self._focus = -1  # the rich-media button chosen in the editor
        self._body_shown: dict[str, Any] | None = None
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(40)
        self._follow.timeout.connect(self._scroll_to_focus)
        self._keyboard_shown: Any = None
        self.pixmaps: dict[str, QPixmap] = {}
        """Loaded card and keyboard pictures by URL (shared by every redraw)."""
        self._waiting: dict[str, list[Callable[[QImage], None]]] = {}
        self.carousel: Carousel | None = None
        self.keyboard: KeyboardDock | None = None
        self.bubble: Bubble | None = None

        self.desktop_btn = QToolButton()
        self.desktop_btn.setText(self.tr("Desktop"))
        self.desktop_btn.setToolTip(self.tr("Show the chat as wide as this pane"))
        self.phone_btn = QToolButton()
        self.phone_btn.setText(self.tr("Phone"))
        self.phone_btn.setToolTip(
            self.tr("Show the chat on a phone screen {width} pixels wide").format(width=PHONE_WIDTH)
        )
        self.modes = QButtonGroup(self)
        for button in (self.desktop_btn, self.phone_btn):
            button.setCheckable(True)
            button.setAutoRaise(True)
            self.modes.addButton(button)
        self.desktop_btn.setChecked(True)
        self.phone_btn.toggled.connect(self.set_phone)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addStretch(1)
        bar.addWidget(self.desktop_btn)
        bar.addWidget(self.phone_btn)

        self.device = QFrame()
        self.device.setObjectName("screen")
        self.device.installEventFilter(self)  # its height sets the keyboard's
        self.chat = QScrollArea()
        self.chat.setWidgetResizable(True)
        self.chat.setFrameShape(QFrame.Shape.NoFrame)
        self.chat.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.screen_box = QVBoxLayout(self.device)
        self.screen_box.setContentsMargins(0, 0, 0, 0)
        self.screen_box.setSpacing(0)
        self.screen_box.addWidget(self.chat, 1)
        self.input = InputBar("regular", colors=self.chat_colors)
        self.screen_box.addWidget(self.input)
        stage = QHBoxLayout()
        stage.setContentsMargins(0, 0, 0, 0)
        stage.addStretch(0)
        stage.addWidget(self.device, 1)
        stage.addStretch(0)
        self.stage = stage
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addLayout(stage, 1)
        if images is not None:
            images.loaded.connect(self._image_loaded)
        # No page yet: the window shows its draft before its first paint, so a page for an
        # empty message would be thrown away at once (start-up, issue 16). See showEvent.

    def showEvent(self, event: QShowEvent) -> None:
        if self._body_shown is None:  # shown before any message: the empty chat
            self.show_message(self._msg)
        super().showEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(420, 360)  # whatever it shows

    def minimumSizeHint(self) -> QSize:
        return self.minimumSize()

    # --- what it shows --------------------------------------------------------------------

    @property
    def phone(self) -> bool:
        return self.phone_btn.isChecked()

    def set_phone(self, on: bool) -> None:
        """Show the chat on a 360-px phone screen (else as wide as the pane)."""
        if on != self.phone_btn.isChecked():
            self.phone_btn.setChecked(on)
            self.desktop_btn.setChecked(not on)
            return  # the toggle comes back here
        if on:
            self.device.setFixedWidth(PHONE_WIDTH)
            self.stage.setStretch(0, 1)
            self.stage.setStretch(2, 1)
        else:
            self.device.setMinimumWidth(0)
            self.device.setMaximumWidth(16777215)
            self.stage.setStretch(0, 0)
            self.stage.setStretch(2, 0)
        self._body_shown = None  # the bubbles' widths change
        self.show_message(self._msg)

    def show_if_changed(self, msg: dict[str, Any]) -> None:
        """Redraw only when what the bubble shows changed (not tracking_data or the level)."""
        shown = {k: v for k, v in msg.items() if k not in ("tracking_data", "min_api_version")}
        if shown != self._shown:
            # The message document changes in place, before this redraw comes: the cards and
            # bubbles hold a copy of their own, which nothing changes (a paint in between
            # drew deleted buttons and raised).
            self._shown = _copy_sharing(self._shown, shown)
            self.show_message({**msg, **self._shown})

    def focus_button(self, index: int) -> None:
        """Scroll the carousel to the card of rich-media button ``index`` (the editor's
        choice) a moment later, in a frame of its own (the click's frame only repaints the
        editor); kept for the next redraw."""
        self._focus = index
        self._follow.start()

    def _scroll_to_focus(self) -> None:
        if self.carousel is not None and self._focus >= 0:
            self.carousel.focus_button(self._focus)

    def show_message(self, msg: Any) -> None:
        """Show ``msg``, which becomes the preview's (nobody changes it after): the page is
        rebuilt only when what it shows changed, and an edit of a carousel's buttons redraws
        the cards in place; the keyboard likewise."""
        self._msg = msg if isinstance(msg, dict) else {}
        self._style()
        body = {k: v for k, v in self._msg.items() if k not in _NOT_IN_BUBBLE}
        if body != self._body_shown:
            if not self._cards_in_place(body) and not self._text_in_place(body):
                self._build_page()
            self._body_shown = body  # ``msg`` is the preview's own copy
        keyboard = self._msg.get("keyboard")
        if keyboard != self._keyboard_shown:
            self._show_keyboard()
            self._keyboard_shown = keyboard
        self._drop_unshown_pictures()

    def _drop_unshown_pictures(self) -> None:
        """Let go of the pictures no card or key shows any more (each a full-size pixmap: the
        images of every message shown in a session were kept)."""
        shown: set[str] = set()
        for view in (self.carousel, self.keyboard):
            if view is not None:
                shown |= view.urls()
        for url in [url for url in self.pixmaps if url not in shown]:
            del self.pixmaps[url]

    def _cards_in_place(self, body: dict[str, Any]) -> bool:
        """Redraw the carousel's cards when only they changed (the scroll stays)."""
        old = self._body_shown or {}
        rich = body.get("rich_media")
        same_frame = all(old.get(k) == body.get(k) for k in ("type", "sender"))
        if self.carousel is None or not same_frame or not isinstance(rich, dict):
            return False
        self.carousel.show_cards(rich)
        self._want_pictures(self.carousel.urls())
        return True

    def _text_in_place(self, body: dict[str, Any]) -> bool:
        """Change the text of a text message in place when only it changed (a keystroke: the
        page is not built again)."""
        old = self._body_shown or {}
        if self.bubble is None or self.bubble.text_label is None or body.get("type") != "text":
            return False
        if {k: v for k, v in old.items() if k != "text"} != {
            k: v for k, v in body.items() if k != "text"
        }:
            return False
        self.bubble.show_text(str(body.get("text", "")))
        return True

    def _build_page(self) -> None:
        self._waiting.clear()
        page = QWidget()
        page.setObjectName("chat")
        look.fill(page, self.chat_colors.screen)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(10, 12, 10, 12)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.avatar = QLabel()
        self.avatar.setFixedSize(_AVATAR, _AVATAR)
        sender = self._msg.get("sender") if isinstance(self._msg.get("sender"), dict) else {}
        assert isinstance(sender, dict)
        name = sender.get("name") if isinstance(sender.get("name"), str) else ""
        self.avatar.setPixmap(initials_avatar(str(name), _AVATAR))
        self.avatar.setAccessibleName(self.tr("Sender avatar"))
        row.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(4)
        self.sender_name = QLabel(str(name) or self.tr("(no sender name)"))
        self.sender_name.setObjectName("sender")
        look.sender(self.sender_name, self.chat_colors)
        self.sender_name.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.sender_name)
        stamp = datetime.now().strftime("%H:%M")
        rich = self._msg.get("rich_media")
        self.bubble = None
        self.carousel = None
        if self._msg.get("type") == "rich_media" and isinstance(rich, dict):
            from viber_desktop.ui.chat.carousel import Carousel

            self.carousel = Carousel(rich, self.pixmaps)
            if self._focus >= 0:
                self.carousel.focus_button(self._focus)
            column.addWidget(self.carousel)
            time = QLabel(stamp)
            time.setObjectName("meta")
            look.meta(time, self.chat_colors)
            column.addWidget(time)
            self._want_pictures(self.carousel.urls())
        else:
            width = BUBBLE_MAX if not self.phone else PHONE_WIDTH - 2 * 10 - _AVATAR - 8 - 40
            self.bubble = Bubble(self._msg, self._want, width, stamp, colors=self.chat_colors)
            line = QHBoxLayout()  # not an alignment: that would cut a wrapped text's height
            line.addWidget(self.bubble)
            line.addStretch(1)
            column.addLayout(line)
        row.addLayout(column, 1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.chat.setWidget(page)
        avatar_url = sender.get("avatar")
        if isinstance(avatar_url, str) and is_http_url(avatar_url):
            avatar = self.avatar
            self._want(avatar_url, lambda image: avatar.setPixmap(round_pixmap(image, _AVATAR)))

    def _show_keyboard(self) -> None:
        """The input field as the keyboard leaves it, and the keyboard under it."""
        for old in (self.input, self.keyboard):
            if old is not None:
                self.screen_box.removeWidget(old)
                old.hide()  # deleted only when the event loop runs again
                old.deleteLater()
        keyboard = self._msg.get("keyboard")
        kb = keyboard if isinstance(keyboard, dict) else None
        self.input = InputBar(
            kb.get("InputFieldState") if kb is not None else "regular", colors=self.chat_colors
        )
        self.screen_box.addWidget(self.input)
        self.input.setVisible(self.input.state != "hidden")  # at once, not when the loop runs
        self.keyboard = None
        if kb is not None:
            from viber_desktop.ui.chat.keyboard_dock import KeyboardDock

            self.keyboard = KeyboardDock(kb, self.pixmaps)
            self.screen_box.addWidget(self.keyboard)
            self.keyboard.show()
            self._fit_keyboard()
            self._want_pictures(self.keyboard.urls())

    def _fit_keyboard(self) -> None:
        if self.keyboard is None:
            return
        area = self.device.height() - self.input.height() * (not self.input.isHidden())
        self.keyboard.fit(self.device.width(), max(area, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.device and event.type() == QEvent.Type.Resize:
            self._fit_keyboard()
        return super().eventFilter(watched, event)

    def _style(self) -> None:
        """The chat's background for the theme (the page and its parts take theirs as they
        are made: chat/look.py)."""
        dark = is_dark(self)
        if dark == self._dark:
            return
        self._dark = dark
        self.chat_colors = look.colors(self)
        look.fill(self.device, self.chat_colors.screen)
        self.input.restyle(self.chat_colors)

    # --- pictures, loaded off the GUI thread ----------------------------------------------

    def _want(self, url: str, show: Callable[[QImage], None]) -> None:
        self._waiting.setdefault(url, []).append(show)
        if self.images is not None:
            self.images.request(url)  # a cached picture comes back at once

    def _want_pictures(self, urls: set[str]) -> None:
        if self.images is None:
            return
        for url in sorted(urls):
            if url not in self.pixmaps and is_http_url(url):
                self.images.request(url)

    def _image_loaded(self, url: str, image: QImage | None, size: int, error: str) -> None:
        if image is None:
            return
        for show in self._waiting.pop(url, []):
            show(image)
        views = [v for v in (self.carousel, self.keyboard) if v is not None]
        wanted = any(url in view.urls() for view in views)
        if wanted and url not in self.pixmaps:
            self.pixmaps[url] = QPixmap.fromImage(image)
            if self.carousel is not None:
                self.carousel.cards.pictures_changed()
            if self.keyboard is not None:
                self.keyboard.grid.update()


def _copy_sharing(old: Any, new: Any) -> Any:
    """A deep copy of ``new`` that reuses the parts of ``old`` (an earlier copy, which
    nothing changes) equal to them: a keystroke copies one button, not the carousel. Equal
    means ``==``, as the preview compares (1 and true alike)."""
    if old == new:
        return old
    if isinstance(old, dict) and isinstance(new, dict):
        return {k: _copy_sharing(old.get(k), v) for k, v in new.items()}
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [_copy_sharing(a, b) for a, b in zip(old, new, strict=True)]
    return copy.deepcopy(new)

"""The writing bar above a text field: Viber's formatting on the selection and the emoji picker.

Message text and captions take Viber's markdown (``*bold*``…); keyboard and rich-media button
Text takes its HTML subset (``<b>``…, ``<font color>``, ``<br>``); ``core.markup`` does the
edits. Each action is one undo step of the message (the field's ``stepped`` signal), never
merged with the typing around it. Keys work while the field has the focus and take precedence
over the window's (Ctrl+I formats here; File > Import keeps Ctrl+I everywhere else); they are
the same physical keys in any keyboard layout (Ctrl with the key under B in Ukrainian is bold).
The format buttons are checked when the selection or the cursor is formatted so.
"""

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from viber_desktop.core import markup
from viber_desktop.core.markup import Edited

if TYPE_CHECKING:
    from PySide6.QtWidgets import QColorDialog

_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_MODS = _CTRL | _SHIFT | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
_K = Qt.Key
# The native code of each physical key the bar uses, where a Latin layout has that letter:
# Linux gives the XKB keycode (evdev + 8) as the scan code, Windows and macOS a virtual key
# that does not follow the layout. A non-Latin layout's key() is its own letter (Ctrl+И).
_PHYSICAL: dict[str, dict[int, Qt.Key]] = {
    "linux": {
        56: _K.Key_B,
        31: _K.Key_I,
        30: _K.Key_U,
        53: _K.Key_X,
        58: _K.Key_M,
        32: _K.Key_O,
        47: _K.Key_Semicolon,
    },
    "win32": {
        0x42: _K.Key_B,
        0x49: _K.Key_I,
        0x55: _K.Key_U,
        0x58: _K.Key_X,
        0x4D: _K.Key_M,
        0x4F: _K.Key_O,
        0xBA: _K.Key_Semicolon,
    },
    "darwin": {
        0x0B: _K.Key_B,
        0x22: _K.Key_I,
        0x20: _K.Key_U,
        0x07: _K.Key_X,
        0x2E: _K.Key_M,
        0x1F: _K.Key_O,
        0x29: _K.Key_Semicolon,
    },
}


class Editable(Protocol):
    """What the bar needs of a field (TextLine and TextField have it)."""

    def selected_range(self) -> tuple[int, int]: ...
    def replace_text(self, text: str, start: int, end: int, step: str) -> None: ...
    def value(self) -> object: ...


class _Action(NamedTuple):  # not a dataclass: 1-2 ms less at start (issue 16)
    key: str
    glyph: str
    name: str
    shortcut: str
    run: Callable[[], None]
    font: Callable[[QFont], None] | None = None


class WritingBar(QWidget):
    """Formatting buttons and an emoji button for ``field``; ``kind`` is ``"markdown"`` or
    ``"html"`` (``schema.Field.markup``)."""

    def __init__(self, field: QWidget, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.kind = kind
        self.color = "#7360F2"
        self.buttons: dict[str, QToolButton] = {}
        self.picker: QWidget | None = None
        self.formats: dict[str, QToolButton] = {}
        """The buttons checked when the selection is formatted so (by mark or tag)."""
        self.color_dialog: QColorDialog | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        self.actions_by_key: dict[tuple[Qt.Key, Qt.KeyboardModifier], _Action] = {}
        for action in self._actions():
            button = QToolButton(self)
            button.setAutoRaise(True)
            button.setText(action.glyph)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps its selection
            if action.font is not None:  # a format: checked when the selection has it
                button.setCheckable(True)
                self.formats[action.key] = button
            tip = action.name + (f" ({_native(action.shortcut)})" if action.shortcut else "")
            button.setToolTip(tip)
            button.setAccessibleName(action.name)
            if action.font is not None:
                font = button.font()
                action.font(font)
                button.setFont(font)
            button.clicked.connect(action.run)
            layout.addWidget(button)
            self.buttons[action.key] = button
            if action.shortcut:
                seq = QKeySequence(action.shortcut)[0]  # type: ignore[index]
                self.actions_by_key[seq.key(), seq.keyboardModifiers()] = action
        layout.addStretch(1)
        if "color" in self.buttons:  # HTML only: its module waits for one (start-up, issue 16)
            from viber_desktop.ui.composer.color_field import swatch_icon

            self.buttons["color"].setIcon(swatch_icon(self.color))
            self.buttons["color"].setIconSize(QSize(14, 14))
            self.buttons["color"].setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        field.installEventFilter(self)
        self._state = QTimer(self)
        self._state.setSingleShot(True)
        self._state.setInterval(0)  # once for a cursor move, a selection change and an edit
        self._state.timeout.connect(self.show_state)
        for signal in ("cursorPositionChanged", "selectionChanged", "textChanged"):
            if hasattr(field, signal):
                getattr(field, signal).connect(self._state.start)
        self.show_state()

    def show_state(self) -> None:
        """Check the buttons of the formatting the selection (or the cursor) has."""
        if not self.formats or not hasattr(self.field, "selected_range"):
            return
        text = self._text()
        start, end = self._target().selected_range()
        for key, button in self.formats.items():
            if self.kind == "html":
                on = markup.has_tag(text, start, end, key)
            else:
                on = markup.is_marked(text, start, end, key)  # type: ignore[arg-type]
            button.setChecked(on)

    def _actions(self) -> list[_Action]:
        def bold(f: QFont) -> None:
            f.setBold(True)

        def italic(f: QFont) -> None:
            f.setItalic(True)

        def strike(f: QFont) -> None:
            f.setStrikeOut(True)

        def underline(f: QFont) -> None:
            f.setUnderline(True)

        def mono(f: QFont) -> None:
            f.setStyleHint(QFont.StyleHint.Monospace)
            f.setFamily("monospace")

        emoji = _Action("emoji", "☺", self.tr("Insert an emoji"), "Ctrl+;", self.open_picker)
        if self.kind == "html":
            return [
                _Action("b", "B", self.tr("Bold"), "Ctrl+B", lambda: self.tag("b"), bold),
                _Action("i", "I", self.tr("Italic"), "Ctrl+I", lambda: self.tag("i"), italic),
                _Action("u", "U", self.tr("Underline"), "Ctrl+U", lambda: self.tag("u"), underline),
                _Action(
                    "s",
                    "S",
                    self.tr("Strikethrough"),
                    "Ctrl+Shift+X",
                    lambda: self.tag("s"),
                    strike,
                ),
                _Action("color", "", self.tr("Text colour"), "Ctrl+Shift+O", self.pick_color),
                _Action("br", "↵", self.tr("Line break (<br>)"), "Shift+Return", self.line_break),
                emoji,
            ]
        return [
            _Action("*", "B", self.tr("Bold"), "Ctrl+B", lambda: self.mark("*"), bold),
            _Action("_", "I", self.tr("Italic"), "Ctrl+I", lambda: self.mark("_"), italic),
            _Action(
                "~", "S", self.tr("Strikethrough"), "Ctrl+Shift+X", lambda: self.mark("~"), strike
            ),
            _Action(
                "```", "M", self.tr("Monospace"), "Ctrl+Shift+M", lambda: self.mark("```"), mono
            ),
            emoji,
        ]

    # --- acting on the field ----------------------------------------------------------------

    def _target(self) -> Editable:
        field = self.field
        assert hasattr(field, "replace_text")
        return field  # type: ignore[return-value]

    def _text(self) -> str:
        value = self._target().value()
        return value if isinstance(value, str) else ""

    def _apply(self, edit: Edited, step: str) -> None:
        if edit.text != self._text():
            self._target().replace_text(edit.text, edit.start, edit.end, step)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.show_state()  # a click checked or unchecked the button whatever happened

    def _usable(self) -> bool:
        return self.field.isEnabled() and not getattr(self.field, "isReadOnly", bool)()

    def mark(self, mark: markup.Mark) -> None:
        """Toggle Viber's markdown ``mark`` on the selection (one undo step)."""
        if self._usable():
            start, end = self._target().selected_range()
            step = self.tr("Format as {style}").format(style=self._style_name(mark))
            self._apply(markup.toggle(self._text(), start, end, mark), step)

    def tag(self, tag: markup.Tag) -> None:
        """Toggle the HTML ``tag`` on the selection of button Text (one undo step)."""
        if self._usable():
            start, end = self._target().selected_range()
            step = self.tr("Format as {style}").format(style=self._style_name(tag))
            self._apply(markup.toggle_tag(self._text(), start, end, tag), step)

    def line_break(self) -> None:
        if self._usable():
            start, end = self._target().selected_range()
            self._apply(
                markup.insert(self._text(), start, end, "<br>"), self.tr("Insert a line break")
            )

    def insert(self, piece: str, step: str) -> None:
        """Put ``piece`` (an emoji) at the cursor, replacing a selection (one undo step)."""
        if self._usable():
            start, end = self._target().selected_range()
            self._apply(markup.insert(self._text(), start, end, piece), step)

    def pick_color(self) -> None:
        """Choose a colour for the selection: ``<font color="#RRGGBB">``."""
        if not self._usable():
            return
        start, end = self._target().selected_range()
        from PySide6.QtWidgets import QColorDialog  # start-up: its and QDialog's enums

        dialog = QColorDialog(QColor(self.color), self)
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        dialog.setWindowTitle(self.tr("Text colour"))
        dialog.colorSelected.connect(
            lambda color: self.apply_color(color.name().upper(), start, end)
        )
        self.color_dialog = dialog
        dialog.open()

    def apply_color(self, color: str, start: int, end: int) -> None:
        from viber_desktop.ui.composer.color_field import swatch_icon

        self.color = color
        self.buttons["color"].setIcon(swatch_icon(color))
        step = self.tr("Colour the text {color}").format(color=color)
        self._apply(markup.set_font_color(self._text(), start, end, color), step)

    def open_picker(self) -> None:
        """Open the emoji picker under the emoji button; a pick goes in at the cursor."""
        if not self._usable():
            return
        from viber_desktop.ui.emoji_picker import EmojiPicker  # its data loads on first use

        picker = EmojiPicker(self)
        picker.chosen.connect(
            lambda char: self.insert(char, self.tr("Insert {emoji}").format(emoji=char))
        )
        self.picker = picker
        button = self.buttons["emoji"]
        picker.show_by(QRect(button.mapToGlobal(QPoint(0, 0)), button.size()))

    def _style_name(self, key: str) -> str:
        names = {
            "*": self.tr("bold"),
            "b": self.tr("bold"),
            "_": self.tr("italic"),
            "i": self.tr("italic"),
            "~": self.tr("strikethrough"),
            "s": self.tr("strikethrough"),
            "```": self.tr("monospace"),
            "u": self.tr("underline"),
        }
        return names.get(key, key)

    # --- keys ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.field and kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            mods = event.modifiers() & _MODS
            action = self.actions_by_key.get((_key(event), mods))
            if action is not None:
                event.accept()  # ours, not the window's Ctrl+I (Import) while here
                if kind == QEvent.Type.KeyPress:
                    action.run()
                return kind == QEvent.Type.KeyPress
        return False


def _key(event: QKeyEvent) -> Qt.Key:
    """The key, or for a letter of a non-Latin layout the Latin one on the same physical key."""
    key = event.key()
    if key < 0x80 or key >= Qt.Key.Key_Escape:
        return Qt.Key(key)
    if sys.platform in ("win32", "darwin"):
        table, code = _PHYSICAL[sys.platform], event.nativeVirtualKey()
    else:  # X11 and Wayland: XKB keycodes
        table, code = _PHYSICAL["linux"], event.nativeScanCode()
    return table.get(code, Qt.Key(key))


def _native(shortcut: str) -> str:
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)

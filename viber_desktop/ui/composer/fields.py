"""Field widgets that show a value of the message document and report what the user typed.

A widget never owns the value: ``display(value)`` displays what the document holds (a value of
another kind as text, flagged by its :class:`FieldBox`), and ``user_changed(value)`` says
what the user made of it (``None``: the field was emptied). Programmatic ``setText`` counts as
a user edit; only ``display`` does not.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QRegularExpressionValidator,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core.patterns import lazy_pattern
from viber_desktop.core.pointer import MISSING
from viber_desktop.core.rules import is_int, is_number, kind_of
from viber_desktop.core.text import index_of, utf16_at
from viber_desktop.ui.clear_icon import clear_icon

if TYPE_CHECKING:
    from viber_desktop.ui.composer.writing_bar import WritingBar

_LONE_SURROGATE = lazy_pattern("[\ud800-\udfff]")  # about 0.5 ms to compile: not at start
_LONGEST_LINE = 1 << 30  # QLineEdit's default of 32,767 would cut a longer imported value


class _UndoToWindow(QObject):
    """Let Ctrl+Z / Ctrl+Shift+Z reach the window's Undo/Redo, not the field's own history;
    with ``local``, Ctrl+Z first undoes typing the field has not handed to the message yet."""

    def __init__(
        self,
        local: Callable[[], Callable[[], object] | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.local = local

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            undo = event.matches(QKeySequence.StandardKey.Undo)
            if undo or event.matches(QKeySequence.StandardKey.Redo):
                step = self.local() if undo and self.local is not None else None
                if step is not None:  # the field's own typing: undo it there
                    if event.type() == QEvent.Type.KeyPress:
                        step()
                    event.accept()
                    return event.type() == QEvent.Type.KeyPress
                event.ignore()
                return event.type() == QEvent.Type.ShortcutOverride
        return False


_UNDO_FILTER: _UndoToWindow | None = None
_ON_FOCUS = "viber_route_undo_on_focus"
"""A field's dynamic property: it gets the shared undo filter when it first takes the focus."""
_WATCHING: list[QApplication] = []


def route_undo(
    widget: QWidget, local: Callable[[], Callable[[], object] | None] | None = None
) -> None:
    """Make ``widget`` leave undo and redo to the message document.

    ``local()`` returns how to undo what was typed but not yet applied (None: nothing), which
    Ctrl+Z then does instead of undoing the message.
    """
    if local is not None:
        widget.installEventFilter(_UndoToWindow(local, widget))  # the widget keeps it
        return
    # A filter sees every event of its widget in Python, and only the focused widget gets
    # keys: the shared filter waits for the focus (start-up, issue 16).
    if widget.hasFocus():
        widget.installEventFilter(_shared_filter())
        return
    widget.setProperty(_ON_FOCUS, True)
    app = QApplication.instance()
    if isinstance(app, QApplication) and app not in _WATCHING:
        _WATCHING[:] = [app]
        app.focusChanged.connect(_route_focused)


def _shared_filter() -> _UndoToWindow:
    global _UNDO_FILTER
    if _UNDO_FILTER is None:
        _UNDO_FILTER = _UndoToWindow()
    return _UNDO_FILTER


def _route_focused(_old: QWidget | None, new: QWidget | None) -> None:
    if new is not None and new.property(_ON_FOCUS):
        new.setProperty(_ON_FOCUS, None)
        new.installEventFilter(_shared_filter())


class TextLine(QLineEdit):
    """One line of JSON string.

    Signals:
        user_changed(object): the text the user left (a string; "" when emptied).
        stepped(object, str): a whole edit of the writing bar or the emoji picker (the text
            and the undo step's name): one step of its own, never merged with typing.
    """

    user_changed = Signal(object)
    stepped = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clear: QAction | None = None
        self.clearing = False
        """The clear button is emptying the field: a step of its own, not more typing."""
        self.setClearButtonEnabled(True)
        self.setMaxLength(_LONGEST_LINE)
        self._showing = False
        self.shown: Any = None
        route_undo(self)
        self.textChanged.connect(self._typed)

    def setClearButtonEnabled(self, enable: bool) -> None:
        """A clear button shown while there is text. Trap: not Qt's own, which fades in and
        out over 160 ms (repainting the field and every parent ten times) and then lays out
        the whole window again, whenever a field turns empty or filled: a click in the
        button grid fills and empties several."""
        if enable and self._clear is None:
            self._clear = QAction(clear_icon(), self.tr("Clear"), self)
            self.addAction(self._clear, QLineEdit.ActionPosition.TrailingPosition)
            self._clear.triggered.connect(self._clear_text)
            self._clear.setVisible(bool(self.text()))
        elif not enable and self._clear is not None:
            self.removeAction(self._clear)
            self._clear.deleteLater()
            self._clear = None

    def isClearButtonEnabled(self) -> bool:
        return self._clear is not None

    def _clear_text(self) -> None:
        if self.text():
            self.clearing = True
            try:
                self.clear()
                self.textEdited.emit("")
            finally:
                self.clearing = False

    def accepts(self, value: Any) -> bool:
        return isinstance(value, str)

    def natural(self, value: Any) -> Any:
        """What a value of another kind becomes when the user asks to replace it."""
        return _as_text(value)

    def target(self) -> str:
        """The kind this field holds, in words ("make it {target}")."""
        return self.tr("text")

    def value(self) -> Any:
        return self.text()

    def display(self, value: Any) -> None:
        self.shown = value
        text = _show(value)
        if self.text() != text:
            self._showing = True
            self.setText(text)
            self._showing = False

    def _typed(self) -> None:
        if self._clear is not None and self._clear.isVisible() != bool(self.text()):
            self._clear.setVisible(bool(self.text()))
        if not self._showing:
            self.user_changed.emit(self.value())

    def selected_range(self) -> tuple[int, int]:
        """The selection (or the cursor) as Python indices of ``text()``."""
        text = self.text()
        if self.hasSelectedText():
            a, b = self.selectionStart(), self.selectionEnd()
        else:
            a = b = self.cursorPosition()
        return index_of(text, a), index_of(text, b)

    def replace_text(self, text: str, start: int, end: int, step: str) -> None:
        """Show ``text`` with ``start``..``end`` selected and report it as the step ``step``."""
        self._showing = True
        self.setText(text)
        self._showing = False
        a, b = utf16_at(text, start), utf16_at(text, end)
        if a == b:
            self.setCursorPosition(a)
        else:
            self.setSelection(a, b - a)
        self.stepped.emit(self.value(), step)


class _JsonNumberField(TextLine):
    """A JSON number that may be absent; typing is limited to ``PATTERN``."""

    PATTERN = ""

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(False)
        self._validator = QRegularExpressionValidator(self.PATTERN, self)
        self.setValidator(self._validator)
        self.setPlaceholderText(placeholder)

    def _parse(self, text: str) -> Any:
        raise NotImplementedError

    def value(self) -> Any:
        return self._parse(self.text().strip())

    def natural(self, value: Any) -> Any:
        return self._parse(value.strip()) if isinstance(value, str) else None

    def display(self, value: Any) -> None:
        # The validator would refuse to display a value of another kind.
        foreign = value is not None and not self.accepts(value)
        self.setValidator(None if foreign else self._validator)  # type: ignore[arg-type]
        if self.accepts(value) and self._parse(self.text().strip()) == value:
            self.shown = value  # "1." or "-0" typed for 1 and 0: leave the user's text
            return
        super().display(value)


class IntField(_JsonNumberField):
    """An integer that may be absent; digits only, no clamping (the checker reports ranges)."""

    PATTERN = r"-?\d{0,15}"

    def target(self) -> str:
        return self.tr("a whole number")

    def accepts(self, value: Any) -> bool:
        return is_int(value)

    def _parse(self, text: str) -> Any:
        return int(text) if _int_text(text) else None


class NumberField(_JsonNumberField):
    """A JSON number that may be absent (latitude, longitude)."""

    PATTERN = r"-?\d{0,4}(\.\d{0,12})?"

    def target(self) -> str:
        return self.tr("a number")

    def accepts(self, value: Any) -> bool:
        return is_number(value)

    def _parse(self, text: str) -> Any:
        if _int_text(text):
            return int(text)
        try:
            return float(text)
        except ValueError:
            return None


class EnumCombo(QComboBox):
    """Choose from documented values; a value the document holds that is not one is added.

    Trap: the values live in a Python list, not in Qt item data, which cannot hold an
    integer beyond 64 bits (``"TextSize": 2**63`` would raise OverflowError).

    Signals:
        user_changed(object): the chosen value (None for the blank "default" entry).
    """

    user_changed = Signal(object)

    def __init__(
        self, values: tuple[str, ...], parent: QWidget | None = None, *, blank: str = ""
    ) -> None:
        super().__init__(parent)
        self.blank = blank
        self._values: list[Any] = []
        self._showing = False
        self.shown: Any = None
        if blank:
            self._add(blank, None)
        for v in values:
            self._add(v, v)
        self._documented = len(self._values)
        self.currentIndexChanged.connect(self._chosen)

    def _add(self, label: str, value: Any) -> None:
        self._values.append(value)
        self.addItem(label)

    def accepts(self, value: Any) -> bool:
        return True

    def natural(self, value: Any) -> Any:
        return None

    def target(self) -> str:
        return self.tr("one of the choices")

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_value(self, value: Any) -> None:
        """Choose ``value`` as the user would."""
        index = self._index(value)
        if index >= 0:
            self.setCurrentIndex(index)

    def display(self, value: Any) -> None:
        self.shown = value
        self._showing = True
        index = self._index(value)
        if index < 0 and value is not None:
            while self.count() > self._documented:  # the previous undocumented value
                self.removeItem(self.count() - 1)
                self._values.pop()
            self._add(self.tr("{value} (undocumented)").format(value=_show(value)), value)
            index = len(self._values) - 1
        self.setCurrentIndex(max(index, 0))
        self._showing = False

    def _index(self, value: Any) -> int:
        return next(
            (i for i, v in enumerate(self._values) if type(v) is type(value) and v == value), -1
        )

    def _chosen(self) -> None:
        if not self._showing:
            self.user_changed.emit(self.value())


class TextField(QPlainTextEdit):
    """Multi-line JSON string, shown and reported like :class:`TextLine`.

    Signals:
        user_changed(object): the text the user left.
        edited(): any change of the text (shown or typed).
        stepped(object, str): a whole edit of the writing bar or the emoji picker, as
            :class:`TextLine`'s.
    """

    user_changed = Signal(object)
    edited = Signal()
    stepped = Signal(object, str)

    def __init__(
        self, parent: QWidget | None = None, *, lines: int = 4, placeholder: str = ""
    ) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        route_undo(self)
        metrics = self.fontMetrics()
        self.setMinimumHeight(metrics.lineSpacing() * 2 + 12)
        self.setMaximumHeight(metrics.lineSpacing() * lines + 14)
        self._showing = False
        self.shown: Any = None
        self._known = ""
        """The text last shown or reported."""
        self.textChanged.connect(self._typed)

    def accepts(self, value: Any) -> bool:
        return isinstance(value, str)

    def natural(self, value: Any) -> Any:
        return _as_text(value)

    def target(self) -> str:
        return self.tr("text")

    def value(self) -> Any:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def display(self, value: Any) -> None:
        self.shown = value
        text = _show(value)
        if self.toPlainText() != text:
            self._showing = True
            self.setPlainText(text)
            self._showing = False

    def _typed(self) -> None:
        text = self.toPlainText()
        if text == self._known:
            # Trap: Qt says the text changed when only its formats did (the spelling
            # underlines, redrawn when the language changes): reported, a hidden field put
            # its stale text into a message of another type.
            return
        self._known = text
        self.edited.emit()
        if not self._showing:
            self.user_changed.emit(text)

    def createStandardContextMenu(self, pos: QPoint | None = None) -> QMenu:
        """Qt's menu with Undo and Redo as the window's (the field keeps no history of its
        own: they were always greyed out); spell checking adds to this menu."""
        menu = (
            super().createStandardContextMenu()
            if pos is None
            else (super().createStandardContextMenu(pos))
        )
        window = self.window()
        for name, attr in (("edit-undo", "undo_action"), ("edit-redo", "redo_action")):
            action = menu.findChild(QAction, name)
            target = getattr(window, attr, None)
            if isinstance(action, QAction) and isinstance(target, QAction):
                action.setEnabled(target.isEnabled() and not self.isReadOnly())
                action.triggered.connect(target.trigger)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())  # Qt's own would not call ours
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def selected_range(self) -> tuple[int, int]:
        """The selection (or the cursor) as Python indices of ``toPlainText()``."""
        cursor = self.textCursor()
        text = self.toPlainText()
        return index_of(text, cursor.selectionStart()), index_of(text, cursor.selectionEnd())

    def replace_text(self, text: str, start: int, end: int, step: str) -> None:
        """Show ``text`` with ``start``..``end`` selected and report it as the step ``step``
        (the view stays where it was scrolled)."""
        scrolled = self.verticalScrollBar().value()
        self._showing = True
        self.setPlainText(text)
        self._showing = False
        cursor = self.textCursor()
        cursor.setPosition(utf16_at(text, start))
        cursor.setPosition(utf16_at(text, end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(scrolled)
        self.stepped.emit(self.value(), step)


Field = TextLine | TextField | EnumCombo


class FieldBox(QWidget):
    """A field with its counter and, when the document holds a value of another kind, a
    button naming that kind that replaces it in one click."""

    def __init__(self, field: Field, counter: QWidget | None = None, *, markup: str = "") -> None:
        """``markup`` ("markdown" or "html") puts a writing bar above a text field."""
        super().__init__()
        self.field = field
        self.setFocusProxy(field)  # the row's mnemonic and finding clicks land in the field
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar: WritingBar | None = None
        if markup and isinstance(field, TextLine | TextField):
            from viber_desktop.ui.composer.writing_bar import WritingBar as Bar  # imports fields

            column = QWidget()
            stack = QVBoxLayout(column)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(0)
            self.bar = Bar(field, markup, column)
            stack.addWidget(self.bar)
            stack.addWidget(field)
            layout.addWidget(column, 1)
        else:
            layout.addWidget(field, 1)
        self.kind_button = QToolButton()
        self.kind_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.kind_button.hide()
        self.kind_button.clicked.connect(self._replace)
        layout.addWidget(self.kind_button)
        if counter is not None:
            layout.addWidget(counter)

    def show_value(self, value: Any) -> None:
        """Show ``value`` (``MISSING``: the document has none)."""
        if value is MISSING:
            self.field.display(None)
            self.kind_button.hide()
            return
        self.field.display(value)
        if value is not None and self.field.accepts(value):
            self.kind_button.hide()
            return
        if value is None:
            text = self.tr("null: clear")
            tip = self.tr(
                "This field holds null, which Viber treats as left out. Click to clear it."
            )
        else:
            replacement = self.field.natural(value)
            kind = kind_of(value)
            if replacement in (None, ""):
                text = self.tr("{kind}: clear").format(kind=kind)
                tip = self.tr("This field holds {kind}. Click to clear it.").format(kind=kind)
            else:
                text = self.tr("{kind}: make it {target}").format(kind=kind, target=self._target())
                tip = self.tr("This field holds {kind}. Click to write it as {value}.").format(
                    kind=kind, value=_show(replacement)
                )
        self.kind_button.setText(text)
        self.kind_button.setToolTip(tip)
        self.kind_button.setAccessibleName(tip)
        self.kind_button.show()

    def _target(self) -> str:
        target = getattr(self.field, "target", None)  # a field kind may not name itself
        return str(target()) if callable(target) else self.tr("the kind this field takes")

    def _replace(self) -> None:
        self.field.user_changed.emit(self.field.natural(self.field.shown))


def with_counter(widget: QWidget, counter: QWidget) -> QWidget:
    """Place a counter beside a widget that is not a bound field."""
    box = QWidget()
    box.setFocusProxy(widget)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget, 1)
    layout.addWidget(counter)
    return box


def point_buddies(layout: QFormLayout) -> None:
    """Make each row label's mnemonic (Alt+letter) focus the field itself.

    Trap: QFormLayout makes the row's widget the buddy, and a QLabel shortcut ignores a buddy
    that takes no focus, even one whose focus proxy would: a FieldBox or a row container.
    """
    for row in range(layout.rowCount()):
        label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or field is None:
            continue
        widget, target = label.widget(), field.widget()
        if not isinstance(widget, QLabel) or target is None:
            continue
        proxy = target.focusProxy()
        while proxy is not None:
            target, proxy = proxy, proxy.focusProxy()
        widget.setBuddy(target)


def form_layout(widget: QWidget) -> QFormLayout:
    layout = QFormLayout(widget)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return layout


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setEnabled(False)
    return label


def _as_text(value: Any) -> Any:
    """A number or true/false as its JSON text; anything else (null, objects) clears."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if is_number(value):
        try:
            return str(value)
        except ValueError:  # too many digits to write
            return None
    return None


def _int_text(text: str) -> bool:
    """Whether ``text`` fully matches ``-?\\d+`` (``\\d`` and isdecimal are both Unicode's Nd)."""
    return text.removeprefix("-").isdecimal()


def _show(value: Any) -> str:
    """``value`` as a widget shows it; a lone surrogate (Qt would drop it) shows as \ufffd."""
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            value.encode()  # fails on a lone surrogate only
        except UnicodeEncodeError:
            return _LONE_SURROGATE().sub("\ufffd", value)
        return value
    try:
        return str(value)
    except ValueError:  # an integer too long to convert to text
        return f"(a number of about {value.bit_length() * 0.30103:,.0f} digits)"

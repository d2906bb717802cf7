"""Field widgets that never silently change a value: empty means absent, bad input is kept.

A value a widget cannot show exactly (a non-string, a lone surrogate, a number too big for Qt,
text longer than a line edit holds) is shown as near as possible and kept exactly until the
user edits it; the checker flags it.
"""

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from viber_desktop.core.rules import is_int, is_number

_INT = re.compile(r"-?\d+")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class _JsonNumberField(QLineEdit):
    """A JSON number that may be absent. Typing is limited to ``PATTERN``; an imported value
    of another kind (a string, a bool) is shown and kept exactly until the user edits it."""

    PATTERN = ""

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self._validator = QRegularExpressionValidator(self.PATTERN, self)
        self.setValidator(self._validator)
        self.setPlaceholderText(placeholder)
        self._foreign: Any = None
        self._shown = ""

    def _accepts(self, value: Any) -> bool:
        raise NotImplementedError

    def _parse(self, text: str) -> Any:
        raise NotImplementedError

    def value(self) -> Any:
        if self._foreign is not None and self.text() == self._shown:
            return self._foreign
        return self._parse(self.text().strip())

    def set_value(self, value: Any) -> None:
        foreign = value is not None and not self._accepts(value)
        # The validator would refuse to display an imported non-number.
        self.setValidator(None if foreign else self._validator)  # type: ignore[arg-type]
        self.setText(_show(value))
        self._shown = self.text()
        exact = not foreign and self._parse(self._shown.strip()) == value
        self._foreign = None if value is None or exact else value


class IntField(_JsonNumberField):
    """An integer that may be absent; digits only, no clamping (the checker reports ranges)."""

    PATTERN = r"-?\d{0,15}"

    def _accepts(self, value: Any) -> bool:
        return is_int(value)

    def _parse(self, text: str) -> Any:
        return int(text) if _INT.fullmatch(text) else None


class NumberField(_JsonNumberField):
    """A JSON number that may be absent (latitude, longitude)."""

    PATTERN = r"-?\d{0,4}(\.\d{0,12})?"

    def _accepts(self, value: Any) -> bool:
        return is_number(value)

    def _parse(self, text: str) -> Any:
        if _INT.fullmatch(text):
            return int(text)
        try:
            return float(text)
        except ValueError:
            return None


class EnumCombo(QComboBox):
    """Choose from documented values; an imported undocumented value is added, not lost.

    Trap: the values live in a Python list, not in Qt item data, which cannot hold an
    integer beyond 64 bits (``"TextSize": 2**63`` would raise OverflowError).
    """

    def __init__(
        self, values: tuple[str, ...], parent: QWidget | None = None, *, blank: str = ""
    ) -> None:
        super().__init__(parent)
        self.blank = blank
        self._values: list[Any] = []
        if blank:
            self._add(blank, None)
        for v in values:
            self._add(v, v)
        self._documented = len(self._values)

    def _add(self, label: str, value: Any) -> None:
        self._values.append(value)
        self.addItem(label)

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_value(self, value: Any) -> None:
        while self.count() > self._documented:  # the previous import's undocumented value
            self.removeItem(self.count() - 1)
            self._values.pop()
        index = next(
            (i for i, v in enumerate(self._values) if type(v) is type(value) and v == value), -1
        )
        if index < 0 and value is not None:
            self._add(self.tr("%1 (undocumented)").replace("%1", _show(value)), value)
            index = len(self._values) - 1
        self.setCurrentIndex(max(index, 0))


class TextLine(QLineEdit):
    """A JSON string that may be absent; an imported non-string (a number, an object) is shown
    as text and kept exactly until the user edits it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._foreign: Any = None
        self._shown = ""

    def value(self) -> Any:
        return (
            self._foreign
            if self._foreign is not None and self.text() == self._shown
            else (self.text())
        )

    def set_value(self, value: Any) -> None:
        self.setText(_show(value))
        self._shown = self.text()
        self._foreign = None if value is None or value == self._shown else value


class TextField(QPlainTextEdit):
    """Multi-line JSON string; emits ``edited`` on every change; keeps imported non-strings
    like :class:`TextLine`."""

    edited = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, lines: int = 4, placeholder: str = ""
    ) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        metrics = self.fontMetrics()
        self.setMinimumHeight(metrics.lineSpacing() * 2 + 12)
        self.setMaximumHeight(metrics.lineSpacing() * lines + 14)
        self.textChanged.connect(self.edited)
        self._foreign: Any = None
        self._shown = ""

    def value(self) -> Any:
        text = self.toPlainText()
        return self._foreign if self._foreign is not None and text == self._shown else text

    def set_value(self, value: Any) -> None:
        self.setPlainText(_show(value))
        self._shown = self.toPlainText()
        self._foreign = None if value is None or value == self._shown else value


def with_counter(widget: QWidget, counter: QWidget) -> QWidget:
    """Place a counter under (multi-line) or beside (single-line) a field."""
    box = QWidget()
    box.setFocusProxy(widget)  # the row's mnemonic and finding clicks land in the field
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget, 1)
    layout.addWidget(counter)
    return box


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


def _show(value: Any) -> str:
    """``value`` as a widget shows it; a lone surrogate (Qt would drop it) shows as \ufffd."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    try:
        return str(value)
    except ValueError:  # an integer too long to convert to text
        return f"(a number of about {value.bit_length() * 0.30103:,.0f} digits)"

"""Field widgets that never silently change a value: empty means absent, bad input is kept."""

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

    def _accepts(self, value: Any) -> bool:
        raise NotImplementedError

    def _parse(self, text: str) -> Any:
        raise NotImplementedError

    def value(self) -> Any:
        if self._foreign is not None and self.text() == _show(self._foreign):
            return self._foreign
        return self._parse(self.text().strip())

    def set_value(self, value: Any) -> None:
        self._foreign = None if value is None or self._accepts(value) else value
        # The validator would refuse to display an imported non-number.
        self.setValidator(None if self._foreign is not None else self._validator)  # type: ignore[arg-type]
        self.setText(_show(value))


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
    """Choose from documented values; an imported undocumented value is added, not lost."""

    def __init__(
        self, values: tuple[str, ...], parent: QWidget | None = None, *, blank: str = ""
    ) -> None:
        super().__init__(parent)
        self.blank = blank
        if blank:
            self.addItem(blank, None)
        for v in values:
            self.addItem(v, v)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        index = self.findData(value)
        if index < 0 and value is not None:
            self.addItem(f"{value} (undocumented)", value)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


class TextLine(QLineEdit):
    """A JSON string that may be absent; an imported non-string (a number, an object) is shown
    as text and kept exactly until the user edits it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._foreign: Any = None

    def value(self) -> Any:
        return _kept(self._foreign, self.text())

    def set_value(self, value: Any) -> None:
        self._foreign = None if value is None or isinstance(value, str) else value
        self.setText(_show(value))


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

    def value(self) -> Any:
        return _kept(self._foreign, self.toPlainText())

    def set_value(self, value: Any) -> None:
        self._foreign = None if value is None or isinstance(value, str) else value
        self.setPlainText(_show(value))


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


def _kept(foreign: Any, text: str) -> Any:
    """The imported value while its text is unchanged, else the text."""
    return foreign if foreign is not None and text == _show(foreign) else text


def _show(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)

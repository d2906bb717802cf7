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

from viber_desktop.core.rules import is_int

_INT = re.compile(r"-?\d+")


class IntField(QLineEdit):
    """An integer that may be absent; digits only, no clamping (the checker reports ranges)."""

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self._validator = QRegularExpressionValidator(r"-?\d{0,15}", self)
        self.setValidator(self._validator)
        self.setPlaceholderText(placeholder)
        self._foreign: Any = None

    def value(self) -> Any:
        if self._foreign is not None and self.text() == _show(self._foreign):
            return self._foreign
        text = self.text().strip()
        return int(text) if _INT.fullmatch(text) else None

    def set_value(self, value: Any) -> None:
        """Show ``value``; a non-integer imported value is kept as it was until edited."""
        self._foreign = None if value is None or is_int(value) else value
        # An imported non-number is shown as is; the validator would refuse to display it.
        self.setValidator(None if self._foreign is not None else self._validator)  # type: ignore[arg-type]
        self.setText(_show(value))


class NumberField(QLineEdit):
    """A JSON number that may be absent (latitude, longitude)."""

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self._validator = QRegularExpressionValidator(r"-?\d{0,4}(\.\d{0,12})?", self)
        self.setValidator(self._validator)
        self.setPlaceholderText(placeholder)
        self._foreign: Any = None

    def value(self) -> Any:
        if self._foreign is not None and self.text() == _show(self._foreign):
            return self._foreign
        text = self.text().strip()
        try:
            number = float(text)
        except ValueError:
            return None
        return int(number) if re.fullmatch(r"-?\d+", text) else number

    def set_value(self, value: Any) -> None:
        self._foreign = None if value is None or isinstance(value, int | float) else value
        # An imported non-number is shown as is; the validator would refuse to display it.
        self.setValidator(None if self._foreign is not None else self._validator)  # type: ignore[arg-type]
        self.setText(_show(value))


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


class TextField(QPlainTextEdit):
    """Multi-line text; emits ``edited`` on every change."""

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

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, value: Any) -> None:
        self.setPlainText(
            value if isinstance(value, str) else ("" if value is None else str(value))
        )


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
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)

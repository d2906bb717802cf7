"""A form built from field specs: every field bound to a JSON path in the payload."""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from viber_desktop.core.findings import pointer
from viber_desktop.ui.composer.counter import Counter
from viber_desktop.ui.composer.fields import (
    EnumCombo,
    IntField,
    NumberField,
    TextField,
    TextLine,
    form_layout,
    hint,
    with_counter,
)


@dataclass(frozen=True)
class Spec:
    """One field: its path in the message, label, kind and limits."""

    path: tuple[str, ...]
    label: str
    kind: str = "line"  # line | text | int | number | enum
    limit: int | None = None
    warn_at: int | None = None
    soft: bool = False  # over the limit is cropped by Viber (a warning), not refused
    required: bool = False
    placeholder: str = ""
    choices: tuple[str, ...] = ()
    note: str = ""

    @property
    def pointer(self) -> str:
        return pointer(*self.path)


class SpecForm(QWidget):
    """Fields for one message type.

    Signals:
        changed(): any field was edited.
    """

    changed = Signal()

    def __init__(self, specs: tuple[Spec, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = specs
        self.widgets: dict[str, Any] = {}
        self.counters: dict[str, tuple[Spec, Counter]] = {}
        layout = form_layout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for spec in specs:
            widget = self._make(spec)
            widget.setAccessibleName(spec.label.replace("&", ""))
            if spec.placeholder and hasattr(widget, "setPlaceholderText"):
                widget.setPlaceholderText(spec.placeholder)
            self.widgets[spec.pointer] = widget
            shown: QWidget = widget
            if spec.limit is not None:
                counter = Counter(spec.limit, warn_at=spec.warn_at, soft=spec.soft)
                self.counters[spec.pointer] = (spec, counter)
                shown = with_counter(widget, counter)
            label = spec.label + (" *" if spec.required else "")
            layout.addRow(label, shown)
            if spec.note:
                layout.addRow("", hint(spec.note))

    def _make(self, spec: Spec) -> Any:
        if spec.kind == "text":
            text = TextField(self, lines=8)
            text.edited.connect(self._edited)
            return text
        if spec.kind == "int":
            field: Any = IntField(self)
        elif spec.kind == "number":
            field = NumberField(self)
        elif spec.kind == "enum":
            combo = EnumCombo(spec.choices, self, blank=self.tr("(default)"))
            combo.currentIndexChanged.connect(self._edited)
            return combo
        else:
            field = TextLine(self)
        field.textEdited.connect(self._edited)
        return field

    def _edited(self) -> None:
        self.changed.emit()

    def focus_widget(self, path: str) -> QWidget | None:
        """The widget for the JSON pointer ``path`` (or its nearest parent field)."""
        while path:
            if path in self.widgets:
                return self.widgets[path]
            path = path.rsplit("/", 1)[0]
        return None

    def load(self, msg: dict[str, Any]) -> None:
        for spec in self.specs:
            widget = self.widgets[spec.pointer]
            value = _get(msg, spec.path)
            widget.blockSignals(True)
            widget.set_value(value)
            widget.blockSignals(False)

    def dump(self, msg: dict[str, Any]) -> None:
        """Write this form's values into ``msg`` (absent when empty and optional)."""
        for spec in self.specs:
            widget = self.widgets[spec.pointer]
            value = widget.value()
            if value in (None, "") and not (spec.required and value == ""):
                _delete(msg, spec.path)
                continue
            _set(msg, spec.path, value)

    def update_counters(self, msg: dict[str, Any]) -> None:
        for spec, counter in self.counters.values():
            value = _get(msg, spec.path)
            counter.set_text_value(value if isinstance(value, str) else "")


def _get(msg: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(msg, dict):
            return None
        msg = msg.get(part)
    return msg


def _set(msg: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        nxt = msg.get(part)
        if not isinstance(nxt, dict):
            nxt = {}
            msg[part] = nxt
        msg = nxt
    msg[path[-1]] = value


def _delete(msg: dict[str, Any], path: tuple[str, ...]) -> None:
    parent = _get(msg, path[:-1]) if len(path) > 1 else msg
    if isinstance(parent, dict):
        parent.pop(path[-1], None)

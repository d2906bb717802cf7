"""A form built from field specs: every field bound to a JSON path in the payload."""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from viber_desktop.core import schema
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
    tooltip: str = ""
    scope: str = ""  # the schema scope the field comes from ("" for none)

    @property
    def pointer(self) -> str:
        return pointer(*self.path)


def field_spec(
    scope: str,
    path: tuple[str, ...],
    label: str,
    *,
    kind: str = "",
    placeholder: str = "",
    describe: bool = False,
    exclude: tuple[str, ...] = (),
) -> Spec:
    """A form field whose rules (limits, soft, required, choices, default, level) come from core.

    ``describe`` shows the schema's description under the field (else only as its tooltip);
    ``exclude`` leaves choices out of the list (actions a rich-media button cannot use).
    """
    f = schema.lookup(scope, path)
    if f is None:
        raise KeyError(f"{scope}:{'.'.join(path)} is not in the schema")
    if not kind:
        kind = {"integer": "int", "number": "number"}.get(f.kind, "enum" if f.choices else "line")
    if not placeholder and f.range is not None:
        placeholder = range_text(f)
    notes = [f.description] if describe else []
    if f.warn_note:
        notes.append(f.warn_note)
    if f.api_level > 1:
        notes.append(
            QCoreApplication.translate("Spec", "Needs min_api_version %1.").replace(
                "%1", str(f.api_level)
            )
        )
    return Spec(
        path,
        label,
        kind,
        limit=f.max_len,
        warn_at=f.warn_len,
        soft=f.soft,
        required=f.required,
        placeholder=placeholder,
        choices=tuple(c for c in f.choices if c not in exclude),
        note=" ".join(notes),
        tooltip=f.description,
        scope=scope,
    )


def range_text(f: schema.Field) -> str:
    """``1 – 6 (default 6)``, ``-90 … 90``: a numeric field's range from the schema."""
    assert f.range is not None
    lo, hi = (_num(x) for x in f.range)
    text = f"{lo} – {hi}" if f.range[1] is not None else f"{lo} or more"
    if f.range[0] is not None and f.range[0] < 0:
        text = f"{lo} … {hi}"
    if f.default is not None:
        text += f" (default {f.default})"
    return text


def _num(value: float | None) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


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
            if spec.tooltip:
                widget.setToolTip(spec.tooltip)
                row_label = layout.labelForField(shown)
                if row_label is not None:
                    row_label.setToolTip(spec.tooltip)
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

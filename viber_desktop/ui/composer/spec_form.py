"""A form built from field specs: every field bound to a JSON pointer of the message document."""

from functools import partial
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from viber_desktop.core import i18n, schema
from viber_desktop.core.i18n import number
from viber_desktop.core.pointer import MISSING, pointer
from viber_desktop.core.spell_words import SPELL_FIELDS, Mode
from viber_desktop.ui.composer.counter import Counter
from viber_desktop.ui.composer.fields import (
    EnumCombo,
    Field,
    FieldBox,
    IntField,
    NumberField,
    TextField,
    TextLine,
    form_layout,
    hint,
    point_buddies,
)
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.first_paint import after_first_paint


# NamedTuples, not dataclasses, for the window's records: a frozen dataclass costs 1-2 ms
# to make at start (its methods are compiled from source), a NamedTuple 0.2 (issue 16).
class Spec(NamedTuple):
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
    markup: str = ""  # the formatting the text takes: "markdown", "html" or "" (a writing bar)

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
    notes = [i18n._(f.description)] if describe else []
    if f.warn_note:
        notes.append(i18n._(f.warn_note))
    if f.api_level > 1:
        notes.append(
            QCoreApplication.translate("Spec", "Needs min_api_version {level}.").format(
                level=f.api_level
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
        tooltip=i18n._(f.description),
        scope=scope,
        markup=f.markup,
    )


def range_text(f: schema.Field) -> str:
    """``1 – 6 (default 6)``, ``-90 … 90``: a numeric field's range from the schema."""
    assert f.range is not None
    lo, hi = (_num(x) for x in f.range)
    if f.range[1] is None:
        text = QCoreApplication.translate("Spec", "{low} or more").format(low=lo)
    else:
        text = f"{lo} … {hi}" if f.range[0] is not None and f.range[0] < 0 else f"{lo} – {hi}"
    if f.default is not None:
        text = QCoreApplication.translate("Spec", "{range} (default {default})").format(
            range=text, default=f.default
        )
    return text


def _num(value: float | None) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return number(value) if isinstance(value, int) else str(value)


class SpecForm(QWidget):
    """Fields bound to pointers of the message document, under ``base`` (a button's pointer
    for the button form, "" for the message's own fields)."""

    def __init__(
        self,
        specs: tuple[Spec, ...],
        doc: MessageDocument,
        base: str | None = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.specs = specs
        self.doc = doc
        self.base: str | None = base
        self.widgets: dict[str, Field] = {}
        self.boxes: dict[str, FieldBox] = {}
        self.counters: dict[str, tuple[Spec, Counter]] = {}
        layout = form_layout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for spec in specs:
            widget = self._make(spec)
            widget.setAccessibleName(spec.label.replace("&", ""))
            if spec.placeholder and hasattr(widget, "setPlaceholderText"):
                widget.setPlaceholderText(spec.placeholder)
            self.widgets[spec.pointer] = widget
            counter = None
            if spec.limit is not None:
                counter = Counter(spec.limit, warn_at=spec.warn_at, soft=spec.soft)
                self.counters[spec.pointer] = (spec, counter)
            box = FieldBox(widget, counter, markup=spec.markup)
            self.boxes[spec.pointer] = box
            label = spec.label + (" *" if spec.required else "")
            layout.addRow(label, box)
            if spec.tooltip:
                widget.setToolTip(spec.tooltip)
                row_label = layout.labelForField(box)
                if row_label is not None:
                    row_label.setToolTip(spec.tooltip)
            if spec.note:
                layout.addRow("", hint(spec.note))
            widget.user_changed.connect(lambda value, spec=spec: self._write(spec, value))
            spelling = SPELL_FIELDS.get((spec.scope, spec.path))
            if (spec.markup or spelling) and isinstance(widget, TextLine | TextField):
                widget.stepped.connect(
                    lambda value, step, spec=spec: self._write(spec, value, step=step)
                )
            if spelling is not None and isinstance(widget, TextLine | TextField):
                # A correction comes as a step of its own. At start the underlines wait for
                # the first paint, as the dictionary does (start-up, issue 16).
                after_first_paint(partial(_spell_check, widget, spelling))
        point_buddies(layout)

    def _make(self, spec: Spec) -> Field:
        if spec.kind == "text":
            return TextField(self, lines=8)
        if spec.kind == "int":
            return IntField(self)
        if spec.kind == "number":
            return NumberField(self)
        if spec.kind == "enum":
            return EnumCombo(spec.choices, self, blank=self.tr("(default)"))
        return TextLine(self)

    def set_base(self, base: str | None) -> None:
        """Edit the object at ``base`` (None: nothing to edit, the fields are disabled)."""
        self.base = base
        self.setEnabled(base is not None)
        self.refresh()

    def refresh(self) -> None:
        """Show what the document holds (on every change: cheap when nothing moved)."""
        base = self.base
        for spec in self.specs:
            value = self.doc.get(base + spec.pointer, MISSING) if base is not None else MISSING
            self.boxes[spec.pointer].show_value(value)
            counted = self.counters.get(spec.pointer)
            if counted is not None:
                counted[1].set_text_value(value if isinstance(value, str) else "")

    def _write(self, spec: Spec, value: Any, *, step: str = "") -> None:
        """Write what the user typed (consecutive typing merges into one undo step), or a
        whole ``step`` of the writing bar (a step of its own)."""
        if self.base is None:
            return
        path = self.base + spec.pointer
        text = step or self.tr("Edit {field}").format(field=spec.label.replace("&", ""))
        cleared = getattr(self.widgets.get(spec.pointer), "clearing", False)
        merge = None if step or cleared else path
        if value is None or (value == "" and not spec.required):
            self.doc.delete(path, text, merge=merge)
        else:
            self.doc.set(path, value, text, merge=merge)

    def focus_widget(self, path: str) -> QWidget | None:
        """The widget for the JSON pointer ``path`` below ``base`` (or its nearest parent)."""
        while path.startswith("/"):  # Trap: "x".rsplit("/") never shortens: loop on pointers
            if path in self.widgets:
                return self.widgets[path]
            path = path.rsplit("/", 1)[0]
        return None


def _spell_check(field: TextLine | TextField, mode: Mode) -> None:
    if not isValid(field):
        return  # its form went before the first paint
    from viber_desktop.ui.spelling.attach import spell_check

    spell_check(field, mode)

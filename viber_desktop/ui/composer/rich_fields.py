"""Field kinds of the button and group forms: colour, yes/no, grid size, paddings.

Each shows a value of the document and reports the user's edit, like the widgets of
``fields.py`` (``display``, ``accepts``, ``natural``, ``user_changed``); ``ButtonForm`` is a
:class:`SpecForm` that builds them for specs of kind ``color``, ``bool``, ``spin`` and
``paddings``.
"""

import re
from typing import Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QSpinBox, QWidget

from viber_desktop.core import schema
from viber_desktop.core.rules import int_from_text, is_int
from viber_desktop.ui.composer.color_field import ColorField
from viber_desktop.ui.composer.fields import EnumCombo, Field, FieldBox, TextLine
from viber_desktop.ui.composer.spec_form import Spec, SpecForm
from viber_desktop.ui.document import MessageDocument

_SPIN_LIMIT = 2**31 - 1  # QSpinBox holds a 32-bit int
_PADDINGS = re.compile(r"\s*\d{1,2}\s*(,\s*\d{1,2}\s*){3}")


class BoolCombo(EnumCombo):
    """true / false, or left out (Viber's default)."""

    def __init__(self, parent: QWidget | None = None, *, default: Any = None) -> None:
        blank = (
            self.tr("(default: yes)")
            if default is True
            else self.tr("(default: no)")
            if default is False
            else self.tr("(default)")
        )
        super().__init__((), parent, blank=blank)
        self._add(self.tr("Yes"), True)
        self._add(self.tr("No"), False)
        self._documented = len(self._values)


class SpinField(QSpinBox):
    """A whole number stepped within a range (a button's Columns and Rows snap to the grid).

    A value outside the range is shown as it is (the range widens to hold it), so the field
    never hides what the document says; a missing value shows the default.

    Signals:
        user_changed(object): the number the user chose.
    """

    user_changed = Signal(object)

    def __init__(self, lo: int, hi: int, default: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lo, self.hi, self.default = lo, hi, default
        self.shown: Any = None
        self._showing = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setRange(lo, hi)
        self.valueChanged.connect(self._changed)

    def set_top(self, hi: int) -> None:
        """The largest value the grid allows now (the group's columns or rows)."""
        if hi != self.hi:
            self.hi = hi
            self.display(self.shown)

    def accepts(self, value: Any) -> bool:
        return is_int(value) and -_SPIN_LIMIT <= value <= _SPIN_LIMIT

    def natural(self, value: Any) -> Any:
        number = int_from_text(value)
        if number is None and is_int(value):
            number = value
        return None if number is None else min(max(number, self.lo), self.hi)

    def display(self, value: Any) -> None:
        self.shown = value
        number = value if self.accepts(value) else self.natural(value)
        if number is None:
            number = self.default
        self._showing = True
        lo, hi = min(self.lo, number), max(self.hi, number)
        if (self.minimum(), self.maximum()) != (lo, hi):  # setRange lays the form out again
            self.setRange(lo, hi)
        if self.value() != number:
            self.setValue(number)
        self._showing = False

    def _changed(self, value: int) -> None:
        if not self._showing:
            self.user_changed.emit(value)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():  # a wheel turn over it while scrolling the page changes nothing
            super().wheelEvent(event)
        else:
            event.ignore()


class PaddingsField(TextLine):
    """TextPaddings as ``top, left, bottom, right``; written once four numbers are typed."""

    def accepts(self, value: Any) -> bool:
        return isinstance(value, list) and len(value) == 4 and all(is_int(v) for v in value)

    def natural(self, value: Any) -> Any:
        return None

    def value(self) -> Any:
        text = self.text().strip()
        if not text:
            return None
        if _PADDINGS.fullmatch(text):
            return [int(part) for part in text.split(",")]
        return self.shown  # unfinished: the document keeps what it had

    def display(self, value: Any) -> None:
        if self.accepts(value) and self.value() == value:
            self.shown = value
            return
        self.shown = value
        text = ", ".join(str(v) for v in value) if self.accepts(value) else None
        if text is not None and self.text() != text:
            self._showing = True
            self.setText(text)
            self._showing = False
        elif text is None:
            super().display(value)

    def _typed(self) -> None:
        if not self._showing and self.value() != self.shown:
            self.user_changed.emit(self.value())


class ButtonForm(SpecForm):
    """A :class:`SpecForm` that also builds colour, yes/no, spin and paddings fields, and can
    rename or hide a row (the action's field follows the ActionType)."""

    def __init__(
        self,
        specs: tuple[Spec, ...],
        doc: MessageDocument,
        base: str | None = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(specs, doc, base, parent)
        layout = self.layout()
        assert isinstance(layout, QFormLayout)
        self.form = layout
        self.notes: dict[str, QLabel] = {}
        current = ""
        for row in range(layout.rowCount()):
            item = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, FieldBox):
                current = next(p for p, b in self.boxes.items() if b is widget)
            elif isinstance(widget, QLabel) and current:
                self.notes[current] = widget
        self.spins: dict[str, SpinField] = {}
        self._shown: dict[str, bool] = {}
        for pointer, widget in self.widgets.items():
            built: object = widget  # the cast in _make hides the kinds from mypy
            if isinstance(built, SpinField):
                self.spins[pointer] = built
            if isinstance(widget, EnumCombo):  # long choices must not widen the window
                widget.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                widget.setMinimumContentsLength(8)
            if isinstance(widget, ColorField):
                spec = next(s for s in specs if s.pointer == pointer)
                widget.picked.connect(lambda value, spec=spec: self._pick(spec, value))
                box_layout = self.boxes[pointer].layout()
                assert isinstance(box_layout, QHBoxLayout)
                box_layout.insertWidget(1, widget.swatch)

    def _make(self, spec: Spec) -> Field:
        f = schema.lookup(spec.scope, spec.path)
        if spec.kind == "color":
            return ColorField(self, name=spec.label.replace("&", ""))
        if spec.kind == "bool":
            # Trap: FieldBox only calls the methods every field kind has; the cast names
            # these kinds for mypy without widening fields.Field for every form.
            return cast(Field, BoolCombo(self, default=f.default if f else None))
        if spec.kind == "spin":
            assert f is not None
            assert f.range is not None
            lo = int(f.range[0] or 1)
            hi = int(f.range[1] or lo)
            return cast(Field, SpinField(lo, hi, int(f.default or lo), self))
        if spec.kind == "paddings":
            return PaddingsField(self)
        return super()._make(spec)

    def _pick(self, spec: Spec, value: str) -> None:
        if self.base is not None:
            name = spec.label.replace("&", "")
            self.doc.set(
                self.base + spec.pointer, value, self.tr("Choose {field}").format(field=name)
            )

    def label_of(self, pointer: str) -> QLabel | None:
        label = self.form.labelForField(self.boxes[pointer])
        return label if isinstance(label, QLabel) else None

    def set_row(
        self, pointer: str, *, visible: bool, label: str = "", note: str | None = None
    ) -> None:
        """Show or hide the field at ``pointer``; a new ``label`` and ``note`` when given."""
        box = self.boxes[pointer]
        if self._shown.get(pointer) != visible:  # setRowVisible lays the form out again
            self._shown[pointer] = visible
            self.form.setRowVisible(box, visible)
        if label:
            row_label = self.label_of(pointer)
            if row_label is not None and row_label.text() != label:
                row_label.setText(label)
        hint = self.notes.get(pointer)
        if hint is not None:
            if note is not None and hint.text() != note:
                hint.setText(note)
            shown = visible and bool(hint.text())
            if hint.isVisibleTo(self) != shown:
                self.form.setRowVisible(hint, shown)

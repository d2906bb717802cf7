"""The button editor shared by keyboards and rich media: add, remove, reorder, edit."""

import copy
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import limits, schema
from viber_desktop.ui.composer.grid_view import ButtonGridView, plain
from viber_desktop.ui.composer.spec_form import Spec, SpecForm, field_spec, range_text


def button_specs(rich: bool) -> tuple[Spec, ...]:
    rows = limits.RICH_MEDIA_ROWS_MAX if rich else limits.KEYBOARD_ROWS_MAX
    rows_field = schema.field_of("button", "Rows")
    return (
        field_spec(
            "button",
            ("Text",),
            "Te&xt",
            placeholder="<b>Buy</b> now (HTML: b, i, u, br, font color)",
        ),
        field_spec(
            "button",
            ("ActionType",),
            "&Action",
            exclude=schema.RICH_MEDIA_EXCLUDED_ACTIONS if rich else (),
        ),
        field_spec(
            "button",
            ("ActionBody",),
            "Action &body",
            placeholder="reply text, or a URL for open-url",
        ),
        field_spec("button", ("Columns",), "Co&lumns"),
        field_spec(
            "button",
            ("Rows",),
            "Ro&ws",
            # the schema's range has no top: a button is at most as tall as its group
            placeholder=range_text(replace(rows_field, range=(1, rows))),
        ),
        field_spec("button", ("BgColor",), "Back&ground", placeholder="#RRGGBB"),
        field_spec("button", ("TextSize",), "Text si&ze"),
        field_spec("button", ("TextHAlign",), "Hori&zontal align"),
        field_spec("button", ("TextVAlign",), "&Vertical align"),
        field_spec("button", ("Image",), "&Image URL", placeholder="https://…/icon.png"),
    )


class ButtonEditor(QWidget):
    """Edits a list of button objects; unknown keys in each button are kept.

    Signals:
        changed(): the buttons changed.
    """

    changed = Signal()

    def __init__(self, rich: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rich = rich
        self.buttons: list[Any] = []
        self._layout_args: tuple[Any, Any, Any] = (6, None, None)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Buttons"))
        self.list.setMaximumHeight(120)
        self.form = SpecForm(button_specs(rich))
        self.grid = ButtonGridView()
        actions = QGridLayout()
        self.add_btn = QPushButton(self.tr("&Add"))
        self.dup_btn = QPushButton(self.tr("D&uplicate"))
        self.remove_btn = QPushButton(self.tr("&Remove"))
        self.up_btn = QPushButton(self.tr("Move u&p"))
        self.down_btn = QPushButton(self.tr("Move dow&n"))
        for i, b in enumerate(
            (self.add_btn, self.dup_btn, self.remove_btn, self.up_btn, self.down_btn)
        ):
            actions.addWidget(b, 0, i)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(actions)
        layout.addWidget(self.form)
        layout.addWidget(self.grid)
        self.add_btn.clicked.connect(self.add)
        self.dup_btn.clicked.connect(self.duplicate)
        self.remove_btn.clicked.connect(self.remove)
        self.up_btn.clicked.connect(lambda: self.move_by(-1))
        self.down_btn.clicked.connect(lambda: self.move_by(1))
        self.list.currentRowChanged.connect(self._select)
        self.grid.clicked.connect(self.list.setCurrentRow)
        self.form.changed.connect(self._form_changed)
        self._refresh(0)

    # --- model --------------------------------------------------------------------------

    def set_buttons(self, buttons: Any) -> None:
        self.buttons = copy.deepcopy(buttons) if isinstance(buttons, list) else []
        self._refresh(0 if self.buttons else -1)

    def value(self) -> list[Any]:
        # One level deep: the form only ever sets a button's top-level keys (keystroke path).
        return [dict(b) if isinstance(b, dict) else b for b in self.buttons]

    def set_layout(self, columns: Any, rows: Any, bg: Any) -> None:
        self._layout_args = (columns, rows, bg)
        self.grid.set_buttons(self.buttons, columns, rows, rich=self.rich, bg=bg)

    def add(self) -> None:
        text = self.tr("Button %1").replace("%1", str(len(self.buttons) + 1))
        button: dict[str, Any] = {"Columns": 6, "Rows": 1, "Text": text}
        if self.rich:
            button.update(
                ActionType="open-url", ActionBody="https://example.com", BgColor="#7360F2"
            )
        else:
            button.update(ActionType="reply", ActionBody=text.lower())
        row = self.list.currentRow() + 1 if self.buttons else 0
        self.buttons.insert(row, button)
        self._refresh(row)
        self.changed.emit()

    def duplicate(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.buttons):
            self.buttons.insert(row + 1, copy.deepcopy(self.buttons[row]))
            self._refresh(row + 1)
            self.changed.emit()

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.buttons):
            del self.buttons[row]
            self._refresh(min(row, len(self.buttons) - 1))
            self.changed.emit()

    def move_by(self, delta: int) -> None:
        row = self.list.currentRow()
        new = row + delta
        if 0 <= row < len(self.buttons) and 0 <= new < len(self.buttons):
            self.buttons[row], self.buttons[new] = self.buttons[new], self.buttons[row]
            self._refresh(new)
            self.changed.emit()

    def focus_path(self, sub: str) -> None:
        """Select the button named by ``/N/Field`` and focus that field (else the list)."""
        parts = sub.strip("/").split("/", 1)
        if not parts[0].isdigit() or int(parts[0]) >= len(self.buttons):
            self.list.setFocus()
            return
        self.list.setCurrentRow(int(parts[0]))
        widget = self.form.focus_widget("/" + parts[1]) if len(parts) > 1 else None
        (widget or self.list).setFocus()

    # --- view ---------------------------------------------------------------------------

    def _label(self, i: int, button: Any) -> str:
        if not isinstance(button, dict):
            return self.tr("%1. (not an object)").replace("%1", str(i + 1))
        text = plain(button.get("Text")).replace("\n", " ") or str(button.get("ActionBody", ""))
        return f"{i + 1}. {text[:60]}"

    def _refresh(self, select: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for i, button in enumerate(self.buttons):
            self.list.addItem(self._label(i, button))
        self.list.blockSignals(False)
        if select >= 0:
            self.list.setCurrentRow(select)
        self._select(self.list.currentRow())
        self.set_layout(*self._layout_args)

    def _select(self, row: int) -> None:
        valid = 0 <= row < len(self.buttons) and isinstance(self.buttons[row], dict)
        self.form.setEnabled(valid)
        for b in (self.dup_btn, self.remove_btn):
            b.setEnabled(0 <= row < len(self.buttons))
        self.up_btn.setEnabled(row > 0)
        self.down_btn.setEnabled(0 <= row < len(self.buttons) - 1)
        self.form.load(self.buttons[row] if valid else {})
        if valid:
            self.form.update_counters(self.buttons[row])
        self.grid.selected = row
        self.grid.update()

    def _form_changed(self) -> None:
        row = self.list.currentRow()
        if not (0 <= row < len(self.buttons) and isinstance(self.buttons[row], dict)):
            return
        self.form.dump(self.buttons[row])
        self.form.update_counters(self.buttons[row])
        item = self.list.item(row)
        if item is not None:
            item.setText(self._label(row, self.buttons[row]))
        self.set_layout(*self._layout_args)
        self.changed.emit()

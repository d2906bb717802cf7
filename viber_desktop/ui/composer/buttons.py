"""The button editor shared by keyboards and rich media: add, remove, reorder, edit."""

import copy
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import limits, schema
from viber_desktop.core.pointer import Edit, child
from viber_desktop.ui.composer.grid_view import ButtonGridView, plain
from viber_desktop.ui.composer.spec_form import Spec, SpecForm, field_spec, range_text
from viber_desktop.ui.document import MessageDocument


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
    """Edits the list of buttons at ``path`` in the message document; each add, duplicate,
    remove and move is one undo step, and keys no form edits stay in their button."""

    def __init__(
        self, doc: MessageDocument, path: str, rich: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.path = path
        self.rich = rich
        self.row = -1
        """The selected button (view state: the buttons themselves live in the document)."""
        self._labels: list[str] = []
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Buttons"))
        self.list.setMaximumHeight(120)
        self.form = SpecForm(button_specs(rich), doc, None)
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

    # --- the document -------------------------------------------------------------------

    @property
    def buttons(self) -> list[Any]:
        value = self.doc.get(self.path)
        return value if isinstance(value, list) else []

    def add(self) -> None:
        buttons = self.buttons
        text = self.tr("Button {number}").format(number=len(buttons) + 1)
        button: dict[str, Any] = {"Columns": 6, "Rows": 1, "Text": text}
        if self.rich:
            button.update(
                ActionType="open-url", ActionBody="https://example.com", BgColor="#7360F2"
            )
        else:
            button.update(ActionType="reply", ActionBody=text.lower())
        if not isinstance(self.doc.get(self.path), list):
            self.row = 0
            self.doc.set(self.path, [button], self.tr("Add a button"))
            return
        self.row = self.row + 1 if buttons else 0
        at = child(self.path, self.row)
        self.doc.apply([Edit("insert", at, button)], self.tr("Add a button"))

    def duplicate(self) -> None:
        row = self.row
        if 0 <= row < len(self.buttons):
            copied = copy.deepcopy(self.buttons[row])
            self.row = row + 1
            self.doc.apply(
                [Edit("insert", child(self.path, row + 1), copied)], self.tr("Duplicate a button")
            )

    def remove(self) -> None:
        row = self.row
        if 0 <= row < len(self.buttons):
            self.row = min(row, len(self.buttons) - 2)
            self.doc.apply([Edit("delete", child(self.path, row))], self.tr("Remove a button"))

    def move_by(self, delta: int) -> None:
        row, new = self.row, self.row + delta
        buttons = self.buttons
        if 0 <= row < len(buttons) and 0 <= new < len(buttons):
            moved = buttons[row]
            self.row = new
            self.doc.apply(
                [
                    Edit("delete", child(self.path, row)),
                    Edit("insert", child(self.path, new), moved),
                ],
                self.tr("Move a button"),
            )

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

    def refresh(self, columns: Any, rows: Any, bg: Any) -> None:
        """Show the document's buttons (cheap when only a field of one button changed)."""
        buttons = self.buttons
        labels = [self._label(i, b) for i, b in enumerate(buttons)]
        self.row = min(max(self.row, 0 if buttons else -1), len(buttons) - 1)
        if labels != self._labels:
            self.list.blockSignals(True)
            if len(labels) != len(self._labels):
                self.list.clear()
                self.list.addItems(labels)
            else:
                for i, text in enumerate(labels):
                    item = self.list.item(i)
                    if item is not None and item.text() != text:
                        item.setText(text)
            self._labels = labels
            self.list.blockSignals(False)
        if self.list.currentRow() != self.row:
            self.list.blockSignals(True)
            self.list.setCurrentRow(self.row)
            self.list.blockSignals(False)
        self._show_row()
        self.grid.set_buttons(buttons, columns, rows, rich=self.rich, bg=bg)

    def _label(self, i: int, button: Any) -> str:
        if not isinstance(button, dict):
            return self.tr("{number}. (not an object)").format(number=i + 1)
        text = plain(button.get("Text")).replace("\n", " ") or str(button.get("ActionBody", ""))
        return f"{i + 1}. {text[:60]}"

    def _select(self, row: int) -> None:
        self.row = row
        self._show_row()
        self.grid.update()

    def _show_row(self) -> None:
        row, buttons = self.row, self.buttons
        valid = 0 <= row < len(buttons) and isinstance(buttons[row], dict)
        for b in (self.dup_btn, self.remove_btn):
            b.setEnabled(0 <= row < len(buttons))
        self.up_btn.setEnabled(row > 0)
        self.down_btn.setEnabled(0 <= row < len(buttons) - 1)
        base = child(self.path, row) if valid else None
        if base != self.form.base:
            self.form.set_base(base)
        else:
            self.form.refresh()
        self.grid.selected = row

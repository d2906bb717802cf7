"""The button editor shared by keyboards and rich media: the grid is the editor.

Click or arrow to a button in the grid, edit it in the panel under it; add a button at the
end of its card, add a card, duplicate, delete, move left or right, resize by the spin boxes,
the keys or an edge drag: each one undo step of the message document.
"""

import copy
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from viber_desktop.core import limits
from viber_desktop.core.bidi import isolate
from viber_desktop.core.keyboards import button_span
from viber_desktop.core.layout import card_count
from viber_desktop.core.pointer import Edit, child, parent
from viber_desktop.core.rules import is_http_url
from viber_desktop.ui.composer.button_panel import ButtonPanel
from viber_desktop.ui.composer.button_specs import button_specs
from viber_desktop.ui.composer.card_edits import Grid, add_slot, card_slot
from viber_desktop.ui.composer.flow_layout import FlowLayout
from viber_desktop.ui.composer.grid_editor import EditorGrid, GridScroller
from viber_desktop.ui.composer.grid_view import plain
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.images import ImageLoader
from viber_desktop.ui.layout_fence import LayoutFence
from viber_desktop.ui.theme import set_style, state_color

__all__ = ["ButtonEditor", "button_specs"]

_NEW_FILL = "#7360F2"
_LIGHT_FILL = "#E8E4FF"


class ButtonEditor(QWidget):
    """Edits the list of buttons at ``path`` in the message document; keys no form edits
    stay in their button.

    Signals:
        selection_changed(int): the chosen button (-1: none).
    """

    selection_changed = Signal(int)

    def __init__(
        self, doc: MessageDocument, path: str, rich: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.path = path
        self.rich = rich
        self.row = -1
        """The chosen button (view state: the buttons themselves live in the document)."""
        self.grid_size = Grid(limits.GRID_COLUMNS_MAX, limits.RICH_MEDIA_ROWS_MAX if rich else None)
        self.images: ImageLoader | None = None
        self._requested: set[str] = set()

        self.toolbar = FlowLayout()
        self.add_btn = self._tool(
            self.tr("+ Button"),
            self.tr("Add a button at the end of this card (Insert in the grid)"),
        )
        self.add_card_btn = self._tool(self.tr("+ Card"), self.tr("Add a card after this one"))
        self.dup_btn = self._tool(
            self.tr("Duplicate"), self.tr("Duplicate the button (Ctrl+D in the grid)")
        )
        self.delete_btn = self._tool(
            self.tr("Delete"), self.tr("Delete the button (Delete in the grid)")
        )
        self.left_btn = self._tool(
            self.tr("◀ Move"), self.tr("Move the button left (Alt+Left in the grid)")
        )
        self.right_btn = self._tool(
            self.tr("Move ▶"), self.tr("Move the button right (Alt+Right in the grid)")
        )
        self.left_btn.setAccessibleName(self.tr("Move left"))
        self.right_btn.setAccessibleName(self.tr("Move right"))
        self.add_card_btn.setVisible(rich)

        self.grid = EditorGrid(rich=rich)
        self.scroller = GridScroller(self.grid)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        self.panel = ButtonPanel(doc, rich)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.scroller)
        layout.addWidget(self.status)
        # A click that changes the panel's rows lays out the panel, not the composer.
        layout.addWidget(LayoutFence(self.panel, widths=False))

        self.add_btn.clicked.connect(self.add)
        self.add_card_btn.clicked.connect(self.add_card)
        self.dup_btn.clicked.connect(self.duplicate)
        self.delete_btn.clicked.connect(self.remove)
        self.left_btn.clicked.connect(lambda: self.move_by(-1))
        self.right_btn.clicked.connect(lambda: self.move_by(1))
        self._shown_version = -1
        self.grid.clicked.connect(self.select)
        self.grid.resized.connect(self.resize_button)
        self.grid.moved.connect(self.move_to)
        self.grid.command.connect(self.run_command)
        self._notice = ""

    def _tool(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(isolate(text))  # right to left: not "Button +", "Move ◀"
        button.setToolTip(tip)
        button.setAccessibleName(text)
        self.toolbar.addWidget(button)
        return button

    # --- the document -------------------------------------------------------------------

    @property
    def buttons(self) -> list[Any]:
        value = self.doc.get(self.path)
        return value if isinstance(value, list) else []

    def _insert(self, at: int, new: list[dict[str, Any]], text: str) -> None:
        if not isinstance(self.doc.get(self.path), list):
            self.row = 0
            self.doc.set(self.path, new, text)
            return
        self.row = at
        edits = [Edit("insert", child(self.path, at + i), b) for i, b in enumerate(new)]
        self.doc.apply(edits, text)

    def _new_button(self, columns: int, rows: int = 1) -> dict[str, Any]:
        number = len(self.buttons) + 1
        text = self.tr("Button {number}").format(number=number)
        button: dict[str, Any] = {"Columns": columns, "Rows": rows, "Text": text}
        if self.rich:
            button.update(
                ActionType="open-url", ActionBody="https://example.com", BgColor=_NEW_FILL
            )
            button["Text"] = f'<font color="#FFFFFF">{text}</font>'
        else:
            button.update(ActionType="reply", ActionBody=text.lower())
        return button

    def add(self) -> None:
        """A one-row button at the end of the chosen button's card, as wide as still fits."""
        slot = add_slot(self.buttons, self.grid_size, self.row)
        if slot is None:
            card = self.grid.places[self.row].card + 1 if self.row >= 0 else 1
            self._say(
                self.tr("Card {card} is full. Make a button on it smaller, or add a card.").format(
                    card=card
                )
            )
            return
        at, columns = slot
        self._insert(at, [self._new_button(columns)], self.tr("Add a button"))

    def add_card(self) -> None:
        """A new card after the chosen button's card, filled so later cards stay as they are."""
        if not self.rich:
            return
        at, heights = card_slot(self.buttons, self.grid_size, self.row)
        # Not "Card N": the card goes after the chosen one, and numbers shift as cards move.
        title = self.tr("New card")
        columns = self.grid_size.columns
        new: list[dict[str, Any]] = []
        for i, rows in enumerate(heights):
            if i == 0:
                new.append(
                    {
                        "Columns": columns,
                        "Rows": rows,
                        "ActionType": "open-url",
                        "ActionBody": "https://example.com",
                        "BgColor": _LIGHT_FILL,
                        "Text": f"<b>{title}</b>",
                    }
                )
            else:
                more = self.tr("More")
                new.append(
                    {
                        "Columns": columns,
                        "Rows": rows,
                        "ActionType": "open-url",
                        "ActionBody": "https://example.com",
                        "BgColor": _NEW_FILL,
                        "Text": f'<font color="#FFFFFF"><b>{more}</b></font>',
                    }
                )
        self._insert(at, new, self.tr("Add a card"))

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
            self.doc.apply([Edit("delete", child(self.path, row))], self.tr("Delete a button"))

    def move_by(self, delta: int) -> None:
        self.move_to(self.row, self.row + delta)

    def move_to(self, row: int, new: int) -> None:
        """Move button ``row`` so that it ends up at index ``new`` (one undo step)."""
        buttons = self.buttons
        if 0 <= row < len(buttons) and 0 <= new < len(buttons) and row != new:
            moved = buttons[row]
            self.row = new
            self.doc.apply(
                [
                    Edit("delete", child(self.path, row)),
                    Edit("insert", child(self.path, new), moved),
                ],
                self.tr("Move a button"),
            )

    def resize_button(self, index: int, columns: int, rows: int, merge: str | None = None) -> None:
        """Set the button's Columns and Rows together (one undo step)."""
        buttons = self.buttons
        if not (0 <= index < len(buttons) and isinstance(buttons[index], dict)):
            return
        base = child(self.path, index)
        edits = [
            Edit("set", child(base, key), value)
            for key, value in (("Columns", columns), ("Rows", rows))
            if buttons[index].get(key) != value or type(buttons[index].get(key)) is not int
        ]
        self.row = index
        self.doc.apply(edits, self.tr("Resize a button"), merge=merge)

    def run_command(self, name: str) -> None:
        """A key pressed in the grid."""
        steps = {"narrower": (-1, 0), "wider": (1, 0), "shorter": (0, -1), "taller": (0, 1)}
        if name in steps:
            if not 0 <= self.row < len(self.buttons):
                return
            columns, rows = button_span(self.buttons[self.row])
            dc, dr = steps[name]
            tallest = self.grid.rows if self.grid.rows is not None else self.grid.max_rows
            columns = min(max(1, columns + dc), self.grid.columns)
            rows = min(max(1, rows + dr), tallest)
            merge = f"{child(self.path, self.row)}:size"
            self.resize_button(self.row, columns, rows, merge)
            return
        actions = {
            "add": self.add,
            "delete": self.remove,
            "duplicate": self.duplicate,
            "move-left": lambda: self.move_by(-1),
            "move-right": lambda: self.move_by(1),
        }
        actions[name]()

    def select(self, row: int) -> None:
        """Choose button ``row``: the panel edits it and the grid scrolls to it."""
        if row != self.row:
            self.row = row
            self._notice = ""
            self._show_row()
            self.selection_changed.emit(row)

    def focus_path(self, sub: str) -> QWidget:
        """Select the button named by ``/N/Field`` and return that field (else the grid)."""
        parts = sub.strip("/").split("/", 1)
        if not parts[0].isdigit() or int(parts[0]) >= len(self.buttons):
            return self.grid
        self.select(int(parts[0]))
        widget = self.panel.focus_widget("/" + parts[1]) if len(parts) > 1 else None
        return widget or self.grid

    def set_images(self, images: ImageLoader | None) -> None:
        """Show Image and BgMedia pictures (loaded off the GUI thread by ``images``)."""
        if self.images is not None:
            self.images.loaded.disconnect(self._picture_loaded)
        self.images = images
        self._requested.clear()
        if images is not None:
            images.loaded.connect(self._picture_loaded)
        self.panel.set_images(images)
        self._request_pictures()

    # --- view ---------------------------------------------------------------------------

    def _changed_since_shown(self) -> set[int] | None:
        """The buttons that changed without moving since the last refresh (None: any may
        have moved). Read from the document: a refresh may come before or after this
        editor would hear of the change (the composer hears it first)."""
        version, self._shown_version = self._shown_version, self.doc.version
        if self.doc.version == version:
            return set()
        if self.doc.version != version + 1:
            return None  # several changes: no telling
        changed: set[int] = set()
        prefix = self.path + "/"
        for path in self.doc.last_paths:
            where = path[len(prefix) :].split("/") if path.startswith(prefix) else []
            sized = len(where) < 2 or where[1] in ("Columns", "Rows")
            if where and where[0].isdigit() and not sized:
                changed.add(int(where[0]))
            elif path.startswith(parent(self.path) + "/") or not path or where:
                return None  # the group's grid or colour, a button added or moved, or all
        return changed

    def refresh(self, columns: Any, rows: Any, bg: Any, max_rows: int | None = None) -> None:
        """Show the document's buttons (cheap when only a field of one button changed)."""
        buttons = self.buttons
        self.row = min(max(self.row, 0 if buttons else -1), len(buttons) - 1)
        self.grid.max_rows = max_rows or limits.KEYBOARD_ROWS_MAX
        changed = self._changed_since_shown()
        self.grid.set_buttons(buttons, columns, rows, rich=self.rich, bg=bg, changed=changed)
        self.grid_size = Grid(self.grid.columns, self.grid.rows)
        self.panel.set_grid(self.grid.columns, self.grid.rows or self.grid.max_rows)
        self.scroller.fit()
        self._show_row()
        self._request_pictures()

    def _show_row(self) -> None:
        row, buttons = self.row, self.buttons
        chosen = 0 <= row < len(buttons)
        valid = chosen and isinstance(buttons[row], dict)
        for b in (self.dup_btn, self.delete_btn):
            b.setEnabled(chosen)
        self.left_btn.setEnabled(chosen and row > 0)
        self.right_btn.setEnabled(chosen and row < len(buttons) - 1)
        base = child(self.path, row) if valid else None
        title = self._title(row) if chosen else ""
        if base != self.panel.base:
            self.panel.set_base(base, title)
        else:
            self.panel.set_title(title)
            self.panel.refresh()
        self.grid.set_selected(row)
        self.scroller.bring_into_view(self.grid.button_rect(row))
        self._show_status()

    def _title(self, row: int) -> str:
        button = self.buttons[row]
        text = plain(button.get("Text")).replace("\n", " ") if isinstance(button, dict) else ""
        text = text if len(text) <= 30 else text[:29] + "…"
        count = len(self.buttons)
        if self.rich and row < len(self.grid.places):
            where = self.tr("Button {number} of {count}, card {card}").format(
                number=row + 1, count=count, card=self.grid.places[row].card + 1
            )
        else:
            where = self.tr("Button {number} of {count}").format(number=row + 1, count=count)
        return f"{where}: {text}" if text else where

    def _say(self, text: str) -> None:
        self._notice = text
        self._show_status()

    def _show_status(self) -> None:
        """What cannot fit, said under the grid (and drawn in red on it), and the last refusal."""
        lines = [f"⚠ {self._notice}"] if self._notice else []
        cards = card_count(self.grid.places)
        if self.rich and cards > limits.RICH_MEDIA_CARDS_MAX:
            lines.append(
                "✖ "
                + self.tr(
                    "{cards} cards: a carousel holds at most {limit}. Remove buttons or make "
                    "them smaller until the red cards are gone."
                ).format(cards=cards, limit=limits.RICH_MEDIA_CARDS_MAX)
            )
        too_big = [i + 1 for i in range(len(self.buttons)) if self.grid.too_big(i)]
        if len(too_big) == 1:
            lines.append(
                "✖ "
                + self.tr(
                    "Button {number} is bigger than the grid (red outline): make it smaller."
                ).format(number=too_big[0])
            )
        elif too_big:
            shown = ", ".join(map(str, too_big[:8])) + (", …" if len(too_big) > 8 else "")
            lines.append(
                "✖ "
                + self.tr(
                    "Buttons {numbers} are bigger than the grid (red outline): make them smaller."
                ).format(numbers=shown)
            )
        text = "\n".join(lines)
        if text != self.status.text():
            self.status.setText(text)
            error = any(line.startswith("✖") for line in lines)
            set_style(self.status, f"color: {state_color('error' if error else 'warning', self)};")
        self.status.setVisible(bool(text))

    # --- pictures -----------------------------------------------------------------------

    def _request_pictures(self) -> None:
        """Ask for the buttons' pictures, and let go of those no button shows any more (each
        a pixmap of up to 2048 px a side: every picture typed in a session was kept)."""
        urls = [
            url
            for button in self.buttons
            if isinstance(button, dict)
            for key in ("Image", "BgMedia")
            if isinstance(url := button.get(key), str) and is_http_url(url)
        ]
        for gone in self._requested - set(urls):
            self._requested.discard(gone)
            self.grid.pixmaps.pop(gone, None)
        if self.images is None:
            return
        for url in urls:
            if url not in self._requested:
                self._requested.add(url)
                self.images.request(url)

    def _picture_loaded(self, url: str, image: QImage | None, size: int, error: str) -> None:
        if image is not None and url in self._requested:
            self.grid.pixmaps[url] = QPixmap.fromImage(image)
            self.grid.update()

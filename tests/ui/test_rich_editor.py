"""The rich-media and keyboard editor, driven with the mouse and the keyboard: the grid selects,
adds, resizes and moves; every change lands in the message document as one undo step."""

import copy
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QPropertyAnimation,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.pictures import png
from viber_desktop.core import limits, schema
from viber_desktop.core.checker import check_payload
from viber_desktop.core.layout import card_count
from viber_desktop.ui.composer import button_specs
from viber_desktop.ui.composer.color_field import ColorField
from viber_desktop.ui.composer.containers import GroupEditor, keyboard_editor, rich_media_editor
from viber_desktop.ui.composer.fields import EnumCombo, TextLine
from viber_desktop.ui.composer.gallery import ExampleGallery, example_payload, examples
from viber_desktop.ui.composer.rich_fields import BoolCombo, PaddingsField, SpinField
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.images import ImageLoader
from viber_desktop.ui.layout_fence import LayoutFence
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.tasks import TaskRunner

LEFT = Qt.MouseButton.LeftButton


def combo(widget: object) -> EnumCombo:
    assert isinstance(widget, EnumCombo)
    return widget


def line(widget: object) -> TextLine:
    assert isinstance(widget, TextLine)
    return widget


def button(text: str, columns: int = 6, rows: int = 1, **more: Any) -> dict[str, Any]:
    return {
        "Columns": columns,
        "Rows": rows,
        "ActionType": "reply",
        "ActionBody": text.lower(),
        "Text": text,
        **more,
    }


def carousel(buttons: list[dict[str, Any]], rows: int = 7) -> dict[str, Any]:
    return {
        "receiver": "r",
        "sender": {"name": "Shop"},
        "min_api_version": 2,
        "type": "rich_media",
        "rich_media": {
            "Type": "rich_media",
            "ButtonsGroupColumns": 6,
            "ButtonsGroupRows": rows,
            "BgColor": "#FFFFFF",
            "Buttons": buttons,
        },
    }


def six_cards() -> dict[str, Any]:
    """6 full cards of 7 buttons each (42 buttons)."""
    cards = []
    for c in range(6):
        cards += [button(f"C{c + 1} top", 6, 2)] + [
            button(f"C{c + 1} b{i}", 3, 1) for i in range(4)
        ]
        cards += [button(f"C{c + 1} wide", 6, 2), button(f"C{c + 1} end", 6, 1)]
    return carousel(cards)


class Editor:
    """A group editor on its own document, shown, refreshed on every change as the composer
    refreshes it."""

    def __init__(self, qtbot: QtBot, msg: dict[str, Any], rich: bool = True) -> None:
        self.doc = MessageDocument(msg)
        self.group: GroupEditor = rich_media_editor(self.doc) if rich else keyboard_editor(self.doc)
        self.doc.changed.connect(lambda _: self.group.refresh())
        self.group.refresh()
        qtbot.addWidget(self.group)
        self.group.resize(700, 1400)
        self.group.show()
        qtbot.waitExposed(self.group)
        self.editor = self.group.editor
        self.grid = self.editor.grid
        self.qtbot = qtbot
        self.key = "rich_media" if rich else "keyboard"

    @property
    def buttons(self) -> list[Any]:
        return self.doc.data[self.key]["Buttons"]

    def click(self, index: int) -> None:
        self.qtbot.mouseClick(self.grid, LEFT, pos=self.grid.button_rect(index).center().toPoint())

    def key_press(
        self, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self.grid, key, mods)

    def undo_all(self) -> None:
        while self.doc.undo_stack.canUndo():
            self.doc.undo_stack.undo()


@pytest.fixture
def big(qtbot: QtBot) -> Editor:
    return Editor(qtbot, six_cards())


def test_a_click_in_the_grid_selects_and_the_panel_edits_that_button(
    qtbot: QtBot, big: Editor
) -> None:
    big.click(8)
    assert big.editor.row == 8 and big.grid.selected == 8
    assert big.editor.panel.heading.text() == "Button 9 of 42, card 2: C2 b0"
    text = line(big.editor.panel.form.widgets["/Text"])
    assert text.text() == "C2 b0"
    text.selectAll()
    qtbot.keyClicks(text, "Hello")
    assert big.buttons[8]["Text"] == "Hello"
    assert big.doc.undo_stack.count() == 1  # typing in one field is one step
    big.doc.undo_stack.undo()
    assert big.buttons[8]["Text"] == "C2 b0" and text.text() == "C2 b0"


def test_keys_walk_the_grid_and_the_selection_is_scrolled_into_view(big: Editor) -> None:
    bar = big.editor.scroller.horizontalScrollBar()
    big.click(0)
    assert bar.value() == 0 and bar.maximum() > 0  # 6 cards do not fit in 700 px
    big.key_press(Qt.Key.Key_End)
    assert big.editor.row == 41
    view = big.editor.scroller.viewport().rect()
    rect = big.grid.button_rect(41).translated(-bar.value(), 0)
    assert view.contains(rect.toRect()), (view, rect)
    big.key_press(Qt.Key.Key_Home)
    assert big.editor.row == 0 and bar.value() == 0
    big.key_press(Qt.Key.Key_Down)  # from the top button to the half-width one under it
    assert big.editor.row == 1 and big.grid.places[1].row == 2
    big.key_press(Qt.Key.Key_Right)
    assert big.editor.row == 2
    big.key_press(Qt.Key.Key_Down)  # straight down: the right half of the next row
    assert big.editor.row == 4
    big.key_press(Qt.Key.Key_Up)
    big.key_press(Qt.Key.Key_Up)
    assert big.editor.row == 0
    big.key_press(Qt.Key.Key_PageDown)
    assert big.editor.row == 7 and big.grid.places[7].card == 1
    assert big.doc.undo_stack.count() == 0  # choosing changes nothing


def _wheel(widget: Any, dy: int = 0, dx: int = 0) -> bool:
    pos = QPointF(20, 20)
    event = QWheelEvent(
        pos,
        widget.mapToGlobal(pos),
        QPoint(),
        QPoint(dx, dy),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_the_wheel_scrolls_the_cards_sideways_and_the_page_at_either_end(big: Editor) -> None:
    bar = big.editor.scroller.horizontalScrollBar()
    assert bar.value() == 0
    assert not _wheel(big.grid, dy=120)  # at the start: the page scrolls up instead
    assert _wheel(big.grid, dy=-120)  # the wheel turned down: the cards move left
    assert bar.value() > 0
    first = bar.value()
    assert _wheel(big.grid, dx=-120)  # Shift+wheel (and touchpads) scroll sideways too
    assert bar.value() > first
    bar.setValue(bar.maximum())
    assert not _wheel(big.grid, dy=-120)


def test_add_puts_the_button_at_the_end_of_the_chosen_card(qtbot: QtBot) -> None:
    e = Editor(qtbot, carousel([button("A", 6, 2), button("B", 6, 4)], rows=4))
    before = copy.deepcopy(e.doc.data)
    e.click(0)
    qtbot.mouseClick(e.editor.add_btn, LEFT)
    assert [b["Text"] for b in e.buttons] == ["A", "Button 3", "B"] or e.buttons[1]["Columns"] == 6
    assert e.buttons[1]["Columns"] == 6 and e.buttons[1]["Rows"] == 1
    assert [p.card for p in e.grid.places] == [0, 0, 1]  # B stays on card 2
    assert e.editor.row == 1
    e.key_press(Qt.Key.Key_Insert)  # the key adds too; one row is still free on card 1
    assert [p.card for p in e.grid.places] == [0, 0, 0, 1]
    assert e.doc.undo_stack.count() == 2
    assert e.doc.undo_stack.undoText() == "Add a button"
    e.undo_all()
    assert e.doc.data == before


def test_add_fits_the_width_that_is_left_and_a_full_card_says_why_not(qtbot: QtBot) -> None:
    e = Editor(qtbot, carousel([button("A", 6, 1), button("B", 2, 1), button("C", 6, 1)], rows=2))
    e.click(1)
    qtbot.mouseClick(e.editor.add_btn, LEFT)
    assert e.buttons[2]["Columns"] == 4  # what is left of the row: card 2 keeps C
    assert [p.card for p in e.grid.places] == [0, 0, 0, 1]
    e.click(0)
    full = copy.deepcopy(e.doc.data)
    qtbot.mouseClick(e.editor.add_btn, LEFT)
    assert e.doc.data == full
    assert e.editor.status.isVisibleTo(e.group)
    assert "Card 1 is full" in e.editor.status.text()


def test_add_card_starts_a_new_card_after_the_chosen_one(big: Editor) -> None:
    places = [(p.row, p.column, p.rows, p.columns) for p in big.grid.places]
    big.click(10)  # on card 2
    big.qtbot.mouseClick(big.editor.add_card_btn, LEFT)
    new = big.grid.places
    assert card_count(new) == 7
    assert big.editor.row == 14  # the new card's first button, after card 2's seven
    assert [p.card for p in new[14:16]] == [2, 2]
    # Card 4 starts with a 2-row button: the new card leaves one row free, or card 4 would
    # move up into it.
    assert new[14].rows == 5 and new[15].rows == 1
    assert [(p.row, p.column, p.rows, p.columns) for p in new[:14] + new[16:]] == places
    assert [p.card for p in new[16:]] == [c for c in range(3, 7) for _ in range(7)]
    assert big.doc.undo_stack.undoText() == "Add a card"
    big.qtbot.mouseClick(big.editor.add_btn, LEFT)  # "+ Button" right after it fits
    assert "full" not in big.editor.status.text()
    assert big.editor.row == 16 and big.grid.places[16].card == 2
    assert [p.card for p in big.grid.places[17:]] == [c for c in range(3, 7) for _ in range(7)]
    big.doc.undo_stack.undo()
    big.doc.undo_stack.undo()
    assert len(big.buttons) == 42


def test_add_button_right_after_add_card_at_the_end_has_room(qtbot: QtBot) -> None:
    full = [button("Top", 6, 3), button("Name", 6, 1), button("Buy", 6, 2), button("End", 6, 1)]
    e = Editor(qtbot, carousel(full + copy.deepcopy(full)))
    e.click(7)  # the last card
    qtbot.mouseClick(e.editor.add_card_btn, LEFT)
    assert e.editor.row == 8
    assert [(p.card, p.rows) for p in e.grid.places[8:]] == [(2, 3), (2, 1)]
    for n in range(3):  # the three free rows
        qtbot.mouseClick(e.editor.add_btn, LEFT)
        assert "full" not in e.editor.status.text()
        assert e.editor.row == 10 + n and e.grid.places[10 + n].card == 2
    qtbot.mouseClick(e.editor.add_btn, LEFT)
    assert "Card 3 is full" in e.editor.status.text()


def test_add_card_after_a_short_card_starts_a_new_one_with_room(qtbot: QtBot) -> None:
    # Card 1 uses 3 of 7 rows: a 3-row picture would fit there, so the new card's is taller.
    e = Editor(qtbot, carousel([button("Top", 6, 2), button("Buy", 6, 1)]))
    e.click(1)
    qtbot.mouseClick(e.editor.add_card_btn, LEFT)
    new = e.grid.places
    assert [p.card for p in new] == [0, 0, 1, 1]
    assert new[2].rows + new[3].rows < 7  # room left on the new card
    qtbot.mouseClick(e.editor.add_btn, LEFT)
    assert e.grid.places[e.editor.row].card == 1 and "full" not in e.editor.status.text()


def test_duplicate_delete_and_move_are_one_step_each_by_key_and_button(big: Editor) -> None:
    start = copy.deepcopy(big.doc.data)
    big.click(1)
    big.key_press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert big.buttons[2] == big.buttons[1] and len(big.buttons) == 43
    big.key_press(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert big.editor.row == 3 and big.buttons[3]["Text"] == "C1 b0"
    big.qtbot.mouseClick(big.editor.left_btn, LEFT)
    assert big.editor.row == 2 and big.buttons[2]["Text"] == "C1 b0"
    big.key_press(Qt.Key.Key_Delete)
    assert len(big.buttons) == 42
    big.qtbot.mouseClick(big.editor.dup_btn, LEFT)
    big.qtbot.mouseClick(big.editor.delete_btn, LEFT)
    names = []
    while big.doc.undo_stack.canUndo():
        names.append(big.doc.undo_stack.undoText())
        big.doc.undo_stack.undo()
    assert names == [
        "Delete a button",
        "Duplicate a button",
        "Delete a button",
        "Move a button",
        "Move a button",
        "Duplicate a button",
    ]
    assert big.doc.data == start


def test_columns_and_rows_spin_boxes_snap_to_the_grid(qtbot: QtBot) -> None:
    e = Editor(qtbot, carousel([button("A", 5, 1)], rows=3))
    e.click(0)
    columns = e.editor.panel.form.spins["/Columns"]
    rows = e.editor.panel.form.spins["/Rows"]
    widgets: dict[str, object] = dict(e.editor.panel.form.widgets)
    assert widgets["/Columns"] is columns
    assert (columns.maximum(), rows.maximum()) == (6, 3)  # the card's grid
    columns.setFocus()
    qtbot.keyClick(columns, Qt.Key.Key_Up)
    qtbot.keyClick(columns, Qt.Key.Key_Up)  # stops at the grid's 6
    assert e.buttons[0]["Columns"] == 6
    rows.setFocus()
    for _ in range(5):
        qtbot.keyClick(rows, Qt.Key.Key_Up)
    assert e.buttons[0]["Rows"] == 3
    assert e.grid.places[0].rows == 3
    assert [e.doc.undo_stack.text(i) for i in range(e.doc.undo_stack.count())] == [
        "Edit Columns",
        "Edit Rows",
    ]


def test_dragging_a_right_or_bottom_edge_resizes_in_one_step(qtbot: QtBot) -> None:
    e = Editor(qtbot, carousel([button("A", 6, 1), button("B", 6, 1)], rows=4))
    e.click(0)
    rect = e.grid.button_rect(0)
    unit = e.grid.card_size().width() / 6
    start = QPoint(int(rect.right()), int(rect.center().y()))
    qtbot.mousePress(e.grid, LEFT, pos=start)
    qtbot.mouseMove(e.grid, start - QPoint(int(unit * 1.5), 0))
    qtbot.mouseMove(e.grid, start - QPoint(int(unit * 3), 0))
    assert e.buttons[0]["Columns"] == 6  # nothing written while dragging
    qtbot.mouseRelease(e.grid, LEFT, pos=start - QPoint(int(unit * 3), 0))
    assert e.buttons[0]["Columns"] == 3
    rect = e.grid.button_rect(0)
    bottom = QPoint(int(rect.center().x()), int(rect.bottom()))
    qtbot.mousePress(e.grid, LEFT, pos=bottom)
    qtbot.mouseMove(e.grid, bottom + QPoint(0, int(e.grid.row_height * 1.1)))
    qtbot.mouseRelease(e.grid, LEFT, pos=bottom + QPoint(0, int(e.grid.row_height * 1.1)))
    assert (e.buttons[0]["Columns"], e.buttons[0]["Rows"]) == (3, 2)
    assert e.doc.undo_stack.count() == 2
    assert e.doc.undo_stack.undoText() == "Resize a button"
    e.doc.undo_stack.undo()
    assert (e.buttons[0]["Columns"], e.buttons[0]["Rows"]) == (3, 1)


def test_shift_arrows_resize_within_the_grid_and_merge_into_one_step(qtbot: QtBot) -> None:
    e = Editor(qtbot, carousel([button("A", 2, 1)], rows=2))
    e.click(0)
    for _ in range(6):
        e.key_press(Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    e.key_press(Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    e.key_press(Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert (e.buttons[0]["Columns"], e.buttons[0]["Rows"]) == (6, 2)
    e.key_press(Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert e.buttons[0]["Columns"] == 5
    assert e.doc.undo_stack.count() == 1
    e.doc.undo_stack.undo()
    assert (e.buttons[0]["Columns"], e.buttons[0]["Rows"]) == (2, 1)


def _has_color(image: QImage, rect: Any, color: str, tolerance: int = 40) -> bool:
    want = QColor(color)
    for x in range(int(rect.left()), int(rect.right())):
        for y in (int(rect.top()) + 1, int(rect.center().y())):
            got = image.pixelColor(x, y)
            if (
                abs(got.red() - want.red())
                + abs(got.green() - want.green())
                + abs(got.blue() - want.blue())
                < tolerance
            ):
                return True
    return False


def test_what_cannot_fit_is_drawn_red_on_the_grid_and_said_under_it(qtbot: QtBot) -> None:
    msg = carousel([button(f"Card {i}", 6, 7) for i in range(7)] + [button("Wide", 9, 1)])
    e = Editor(qtbot, msg)
    e.grid.resize(e.grid.sizeHint())
    image = e.grid.grab().toImage()
    red = "#c62828"  # the light palette's error colour
    outline = e.grid.card_rect(6)
    assert _has_color(image, outline.adjusted(0, 0, 0, -outline.height() + 3), red)
    assert not _has_color(
        image, e.grid.card_rect(1).adjusted(0, 0, 0, -e.grid.card_rect(1).height() + 3), red
    )
    assert e.grid.overflow_card(6) and not e.grid.overflow_card(5)
    assert e.grid.too_big(7) and not e.grid.too_big(0)
    status = e.editor.status.text()
    assert f"8 cards: a carousel holds at most {limits.RICH_MEDIA_CARDS_MAX}" in status
    assert "Button 8 is bigger than the grid" in status


def test_the_action_type_changes_the_form(qtbot: QtBot) -> None:
    e = Editor(qtbot, carousel([button("A")]))
    e.click(0)
    panel = e.editor.panel
    action = combo(panel.form.widgets["/ActionType"])
    body = panel.form.boxes["/ActionBody"]
    label = panel.form.label_of("/ActionBody")
    assert label is not None
    assert label.text() == "Reply message *" and body.isVisibleTo(panel)
    action.set_value("open-url")
    assert e.buttons[0]["ActionType"] == "open-url"
    assert label.text() == "URL *" and "opens this page" in panel.action_hint.text()
    panel.show_advanced(True)
    url_box = next(f for g, _, f in panel.group_forms if "/OpenURLType" in f.boxes)
    assert url_box.boxes["/OpenURLType"].isVisibleTo(panel)
    browser = next(b for g, b, _ in panel.group_forms if g.owner == "InternalBrowser")
    assert browser.isVisibleTo(panel)
    e.doc.set("/rich_media/Buttons/0/ActionBody", "", "clear")
    action.set_value("none")
    assert body.isVisibleTo(panel)  # Viber requires ActionBody even of a button that does nothing
    assert "does nothing" in panel.action_hint.text()
    assert not url_box.boxes["/OpenURLType"].isVisibleTo(panel)
    assert not browser.isVisibleTo(panel)
    assert "share-phone" not in [action.itemText(i) for i in range(action.count())]
    k = Editor(
        qtbot,
        {"receiver": "r", "keyboard": {"Type": "keyboard", "Buttons": [button("P")]}},
        rich=False,
    )
    k.click(0)
    combo(k.editor.panel.form.widgets["/ActionType"]).set_value("share-phone")
    assert "phone number" in k.editor.panel.action_hint.text()
    assert k.editor.panel.action_hint.isVisibleTo(k.editor.panel)
    combo(k.editor.panel.form.widgets["/ActionType"]).set_value("location-picker")
    assert "location" in k.editor.panel.action_hint.text()


def test_a_click_on_another_kind_of_button_keeps_the_panel_and_the_window_still(
    qtbot: QtBot,
) -> None:
    """Buttons of other actions, with and without a picture or an empty field: the panel
    keeps its height, so a click lays out nothing outside it (a click laid out the whole
    composer, and Qt's clear buttons faded for 160 ms, 40 ms of work a click)."""
    e = Editor(
        qtbot,
        carousel(
            [
                button("Pic", 6, 3, ActionType="open-url", ActionBody="https://e.com",
                       Image="https://e.com/a.png", BgColor="#FFFFFF"),
                button("Buy"),
                {"Columns": 6, "Rows": 1, "ActionType": "none"},
                button("Phone", ActionType="share-phone"),
            ]
        ),
    )  # fmt: skip
    for index in (0, 1, 3, 0):  # the grid takes the focus; each form is shown once
        e.click(index)
        qtbot.wait(30)
    panel = e.editor.panel
    assert isinstance(panel.parentWidget(), LayoutFence)
    requests: list[int] = []
    current = 0

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.LayoutRequest:
                requests.append(current)
            return False

    watch = Watch()
    e.editor.installEventFilter(watch)
    height = panel.height()
    for index in (1, 0, 3, 1, 0, 3):
        current = index
        e.click(index)
        qtbot.wait(30)
        assert panel.height() == height, index
    assert requests == []
    assert panel.action_hint.isVisibleTo(panel)
    e.click(2)  # "none": Viber still requires its ActionBody
    qtbot.wait(30)
    assert panel.height() == height and panel.form.boxes["/ActionBody"].isVisibleTo(panel)


def test_fields_clear_with_their_own_button_in_one_undo_step(qtbot: QtBot) -> None:
    e = Editor(qtbot, carousel([button("Buy")]))
    e.click(0)
    field = line(e.editor.panel.form.widgets["/Text"])
    clear = next(a for a in field.actions() if a.toolTip() == "Clear")
    assert field.isClearButtonEnabled() and clear.isVisible()
    clear.trigger()
    assert field.text() == "" and not clear.isVisible()
    assert not field.findChildren(QPropertyAnimation)  # Qt's own button fades for 160 ms
    assert "Text" not in e.buttons[0] or e.buttons[0]["Text"] == ""
    e.doc.undo_stack.undo()
    assert e.buttons[0]["Text"] == "Buy" and field.text() == "Buy" and clear.isVisible()


def test_the_first_key_after_a_load_redraws_only_its_button(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The window's composer hears a change before the editor: a load made the editor's next
    refresh, the first keystroke's, lay out and draw all 42 buttons again."""
    window.composer.load_payload(carousel([button(f"B{i}", 3) for i in range(12)]))
    group = window.composer.forms["rich_media"]
    assert isinstance(group, GroupEditor)
    editor = group.editor
    qtbot.waitUntil(lambda: bool(editor.grid._tiles))
    editor.select(1)
    qtbot.wait(30)
    kept = dict(editor.grid._tiles)
    field = line(editor.panel.form.widgets["/Text"])
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_X)
    qtbot.wait(30)
    assert editor.buttons[1]["Text"] == "B1x"
    tiles = editor.grid._tiles
    assert tiles[0][2] is kept[0][2]  # not drawn again
    assert tiles[1][2] is not kept[1][2]


def test_an_emptied_action_body_stays_under_the_mouse(qtbot: QtBot) -> None:
    """A "none" button's action body, emptied, stays with the focus in it (the row vanished
    under the mouse), and a missing one can be filled in (Viber requires it)."""
    e = Editor(
        qtbot,
        carousel([button("A", ActionType="none", ActionBody="old"), button("B")]),
    )
    e.click(0)
    panel = e.editor.panel
    body = panel.form.boxes["/ActionBody"]
    assert body.isVisibleTo(panel)
    field = line(panel.form.widgets["/ActionBody"])
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert e.buttons[0].get("ActionBody", "") == ""
    assert body.isVisibleTo(panel) and field.window().focusWidget() is field
    e.click(1)
    e.click(0)
    assert body.isVisibleTo(panel)
    qtbot.keyClicks(field, "x")
    assert e.buttons[0]["ActionBody"] == "x"


def test_the_preview_draws_no_stand_in_label(qtbot: QtBot) -> None:
    """The editor names a button without Text by its action; Viber shows nothing."""
    from viber_desktop.ui.chat.carousel import CarouselCards
    from viber_desktop.ui.composer.grid_editor import EditorGrid

    editor_grid, cards = EditorGrid(rich=True), CarouselCards({})
    qtbot.addWidget(editor_grid)  # closed and deleted after the test, not by a later collection
    qtbot.addWidget(cards)
    assert editor_grid.stand_ins and not cards.stand_ins
    bare = {"Columns": 6, "Rows": 1, "ActionType": "reply", "ActionBody": "buy running-shoes"}
    cards.set_buttons([bare], 6, 1, rich=True, bg="#FFFFFF")
    cards.resize(cards.sizeHint())
    picture = cards.grab().toImage()
    inside = cards.button_rect(0).adjusted(6, 6, -6, -6).toRect()
    colours = {
        picture.pixelColor(x, y).name()
        for x in range(inside.left(), inside.right(), 2)
        for y in range(inside.top(), inside.bottom(), 2)
    }
    assert colours == {"#ffffff"}  # no ink: an empty white button


def _leaves() -> set[tuple[str, ...]]:
    parents = {f.path[:-1] for f in schema.FIELDS if f.scope == "button" and len(f.path) > 1}
    return {f.path for f in schema.FIELDS if f.scope == "button" and f.path not in parents}


def test_every_button_field_of_the_schema_is_editable_typed_with_its_level(qtbot: QtBot) -> None:
    for rich in (True, False):
        assert {s.path for s in button_specs.button_specs(rich)} == _leaves()
    e = Editor(qtbot, carousel([button("A")]))
    e.click(0)
    panel = e.editor.panel
    assert not panel.advanced.isVisibleTo(panel)
    shown = set(panel.form.widgets) | {p for _, _, f in panel.group_forms for p in f.widgets}
    assert {"/" + "/".join(p) for p in _leaves()} == shown
    kinds = {
        "/BgColor": ColorField,
        "/Columns": SpinField,
        "/Rows": SpinField,
    }
    for pointer, kind in kinds.items():
        assert isinstance(panel.form.widgets[pointer], kind)
    advanced = {p: w for _, _, f in panel.group_forms for p, w in f.widgets.items()}
    assert isinstance(advanced["/Frame/BorderColor"], ColorField)
    assert isinstance(advanced["/TextShouldFit"], BoolCombo)
    assert isinstance(advanced["/TextPaddings"], PaddingsField)
    headings = {g.owner: b for g, b, _ in panel.group_forms}
    for owner in ("InternalBrowser", "Map", "Frame", "MediaPlayer"):
        level = schema.field_of("button", owner).api_level
        texts = [label.text() for label in headings[owner].findChildren(QLabel)]
        assert f"Needs min_api_version {level}." in texts, owner
    target = e.group.focus_path("/rich_media/Buttons/0/Frame/BorderWidth")
    assert target is advanced["/Frame/BorderWidth"]
    assert panel.advanced.isVisibleTo(panel)
    qtbot.keyClicks(advanced["/Frame/BorderWidth"], "4")
    qtbot.keyClicks(advanced["/InternalBrowser/CustomTitle"], "Shop")
    assert e.buttons[0]["Frame"] == {"BorderWidth": 4}
    assert e.buttons[0]["InternalBrowser"] == {"CustomTitle": "Shop"}
    report = check_payload(e.doc.data)
    assert report.min_api_version_required == 6  # Frame's level, from the schema


def test_yes_no_and_paddings_fields_write_json_kinds(qtbot: QtBot) -> None:
    e = Editor(qtbot, carousel([button("A")]))
    e.click(0)
    e.editor.panel.show_advanced(True)
    advanced = {p: w for _, _, f in e.editor.panel.group_forms for p, w in f.widgets.items()}
    fit = advanced["/TextShouldFit"]
    assert isinstance(fit, BoolCombo)
    fit.set_value(True)
    assert e.buttons[0]["TextShouldFit"] is True
    fit.set_value(None)
    assert "TextShouldFit" not in e.buttons[0]
    pads = line(advanced["/TextPaddings"])
    qtbot.keyClicks(pads, "1, 2, 3")
    assert "TextPaddings" not in e.buttons[0]  # not four numbers yet
    qtbot.keyClicks(pads, ", 4")
    assert e.buttons[0]["TextPaddings"] == [1, 2, 3, 4]
    assert pads.text() == "1, 2, 3, 4"


def test_a_colour_is_picked_typed_and_shown_as_a_swatch(qtbot: QtBot) -> None:
    e = Editor(qtbot, carousel([button("A", BgColor="#FF0000")]))
    e.click(0)
    field = e.editor.panel.form.widgets["/BgColor"]
    assert isinstance(field, ColorField)
    swatch = field.swatch
    assert swatch.isVisibleTo(e.group) and swatch.focusPolicy() != Qt.FocusPolicy.NoFocus
    red = swatch.icon().pixmap(18, 18).toImage().pixelColor(9, 9)
    assert red == QColor("#FF0000")
    qtbot.mouseClick(swatch, LEFT)
    dialog = field.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.currentColor() == QColor("#FF0000")
    dialog.setCurrentColor(QColor("#112233"))
    dialog.accept()
    assert e.buttons[0]["BgColor"] == "#112233"
    assert swatch.icon().pixmap(18, 18).toImage().pixelColor(9, 9) == QColor("#112233")
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert field.dialog is not dialog and field.dialog is not None and field.dialog.isVisible()
    field.dialog.reject()
    field.selectAll()
    qtbot.keyClicks(field, "#00FF00")
    assert e.buttons[0]["BgColor"] == "#00FF00"
    stack = e.doc.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Choose Background", "Edit Background"]


def test_a_keyboard_uses_the_same_editor_with_keyboard_rules(qtbot: QtBot) -> None:
    msg = {
        "receiver": "r",
        "keyboard": {"Type": "keyboard", "Buttons": [button("A", 3), button("B", 3)]},
    }
    e = Editor(qtbot, msg, rich=False)
    assert not e.editor.add_card_btn.isVisibleTo(e.group)
    e.click(1)
    rows = e.editor.panel.form.spins["/Rows"]
    assert rows.maximum() == limits.KEYBOARD_ROWS_MAX
    qtbot.mouseClick(e.editor.add_btn, LEFT)
    assert e.buttons[2]["ActionType"] == "reply" and e.buttons[2]["Columns"] == 6
    props = e.group.props
    assert {
        "/keyboard/InputFieldState",
        "/keyboard/DefaultHeight",
        "/keyboard/CustomDefaultHeight",
        "/keyboard/HeightScale",
        "/keyboard/ButtonsGroupColumns",
        "/keyboard/ButtonsGroupRows",
    } <= set(props.widgets)
    assert "Needs min_api_version 4." in props.notes["/keyboard/ButtonsGroupRows"].text()
    assert isinstance(props.widgets["/keyboard/BgColor"], ColorField)
    line(props.widgets["/keyboard/ButtonsGroupRows"]).setText("1")
    assert rows.maximum() == 1
    assert e.grid.width() >= e.editor.scroller.viewport().width() - 12  # as wide as Viber's


def test_examples_open_as_new_documents_in_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    composer = window.composer
    editor = composer.forms["rich_media"]
    assert isinstance(editor, GroupEditor)
    window.doc.set("/receiver", "my-subscriber", "typed")
    before = copy.deepcopy(window.doc.data)
    for example in examples():
        payload = example_payload(example.key)
        report = check_payload(payload)
        assert report.ok, (example.key, [f.message for f in report.findings])
        editor.show_gallery()
        gallery = editor.gallery
        assert isinstance(gallery, ExampleGallery)
        keys = [
            gallery.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(gallery.list.count())
        ]
        gallery.list.setCurrentRow(keys.index(example.key))
        with qtbot.waitSignal(editor.example_opened) as opened:
            qtbot.mouseClick(gallery.open_btn, LEFT)
        assert opened.args == [f"Open example {example.title}"]
        assert window.undo_action.text() == f"&Undo Open example {example.title}"
        data = window.doc.data
        assert data["receiver"] == "my-subscriber"
        assert {k: v for k, v in data.items() if k != "receiver"} == {
            k: v for k, v in payload.items() if k != "receiver"
        }
        window.undo_action.trigger()
        assert json.dumps(window.doc.data) == json.dumps(before)
    carousel_example = example_payload("product_carousel")["rich_media"]
    assert len(carousel_example["Buttons"]) >= 12


def test_everything_is_reachable_by_keyboard_with_visible_focus(qtbot: QtBot, big: Editor) -> None:
    editor = big.editor
    tools = [
        editor.add_btn,
        editor.add_card_btn,
        editor.dup_btn,
        editor.delete_btn,
        editor.left_btn,
        editor.right_btn,
        big.group.examples_btn,
    ]
    for tool in tools:
        assert tool.focusPolicy() & Qt.FocusPolicy.TabFocus, tool.text()
        assert tool.toolTip()
    big.group.activateWindow()
    editor.right_btn.setFocus()
    focused = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused.append(QApplication.focusWidget())
    assert big.grid in focused
    assert editor.panel.form.widgets["/Text"] in focused
    assert editor.panel.advanced_btn in focused
    big.grid.setFocus()
    big.key_press(Qt.Key.Key_Right)
    before = big.grid.grab().toImage()
    big.grid.clearFocus()
    after = big.grid.grab().toImage()
    assert before != after  # the focus ring is drawn


@pytest.fixture
def picture_server() -> Iterator[str]:
    data = png(8, 8)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_image_and_bgmedia_show_thumbnails_loaded_off_the_gui_thread(
    qtbot: QtBot, picture_server: str
) -> None:
    url = f"{picture_server}/shoe.png"
    e = Editor(qtbot, carousel([button("", Image=url), button("B")]))
    runner = TaskRunner()
    e.group.set_images(ImageLoader(runner))
    e.click(0)
    thumb = e.editor.panel.thumbs["/Image"]
    assert thumb.isVisibleTo(e.group)
    qtbot.waitUntil(
        lambda: thumb.pixmap() is not None and not thumb.pixmap().isNull(), timeout=10_000
    )
    assert url in e.grid.pixmaps
    assert thumb.toolTip() == "8 × 8 px"
    other = f"{picture_server}/other.png"
    e.doc.set("/rich_media/Buttons/0/Image", other, "another picture")
    qtbot.waitUntil(lambda: other in e.grid.pixmaps, timeout=10_000)
    assert url not in e.grid.pixmaps  # no button shows it: let go
    e.doc.undo_stack.undo()
    qtbot.waitUntil(lambda: url in e.grid.pixmaps, timeout=10_000)  # back, from the loader
    assert other not in e.grid.pixmaps
    assert runner.wait(10_000)


def test_a_keystroke_repaints_its_button_and_a_size_change_lays_out_again(
    qtbot: QtBot, big: Editor
) -> None:
    big.click(9)
    before = big.grid.grab().toImage()
    text = big.editor.panel.form.widgets["/Text"]
    qtbot.keyClicks(text, "WWW")
    after = big.grid.grab().toImage()
    rect = big.grid.button_rect(9).toRect()
    changed = {
        (x, y)
        for x in range(0, before.width(), 3)
        for y in range(0, before.height(), 3)
        if before.pixelColor(x, y) != after.pixelColor(x, y)
    }
    assert changed and all(rect.adjusted(-8, -8, 8, 8).contains(x, y) for x, y in changed)
    places = list(big.grid.places)
    big.doc.set("/rich_media/Buttons/9/Columns", 6, "wider")  # b2 no longer fits its row
    assert big.grid.places != places and big.grid.places[9].columns == 6
    big.doc.undo_stack.undo()
    assert big.grid.places == places


def test_dragging_a_button_onto_another_moves_it_there_in_one_step(qtbot: QtBot) -> None:
    e = Editor(qtbot, carousel([button(t, 3, 1) for t in "ABCD"], rows=2))
    start = e.grid.button_rect(0).center().toPoint()
    target = e.grid.button_rect(3).center().toPoint()
    qtbot.mousePress(e.grid, LEFT, pos=start)
    qtbot.mouseMove(e.grid, start + QPoint(20, 0))
    qtbot.mouseMove(e.grid, target)
    assert [b["Text"] for b in e.buttons] == list("ABCD")  # nothing moves until the drop
    qtbot.mouseRelease(e.grid, LEFT, pos=target)
    assert [b["Text"] for b in e.buttons] == list("BCDA")
    assert e.editor.row == 3 and e.doc.undo_stack.undoText() == "Move a button"
    qtbot.mousePress(e.grid, LEFT, pos=e.grid.button_rect(3).center().toPoint())
    qtbot.mouseMove(e.grid, e.grid.button_rect(1).center().toPoint())
    e.key_press(Qt.Key.Key_Escape)  # a drag given up changes nothing
    qtbot.mouseRelease(e.grid, LEFT, pos=e.grid.button_rect(1).center().toPoint())
    assert [b["Text"] for b in e.buttons] == list("BCDA")
    e.doc.undo_stack.undo()
    assert [b["Text"] for b in e.buttons] == list("ABCD")


def test_right_to_left_editor_starts_at_card_1(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        e = Editor(qtbot, six_cards())
        assert e.grid.mirrored
        assert e.grid.card_rect(0).left() > e.grid.card_rect(1).left()
        e.click(0)
        e.group.resize(500, 700)
        e.group.show()
        qtbot.waitExposed(e.group)
        viewport = e.editor.scroller.viewport()
        shown = QRectF(e.grid.mapFrom(viewport, QPoint(0, 0)), QSizeF(viewport.size()))
        assert shown.intersects(e.grid.button_rect(0))
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

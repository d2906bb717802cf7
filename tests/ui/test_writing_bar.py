"""The writing bar and the emoji picker, driven with the mouse and keys in the real window."""

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from viber_desktop.core.text import utf16_at
from viber_desktop.services.recent_emoji import FILE_NAME
from viber_desktop.ui.composer.fields import FieldBox, TextField, TextLine
from viber_desktop.ui.composer.spec_form import SpecForm
from viber_desktop.ui.emoji_picker import EmojiPicker
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.spelling.attach import SpellCheck

# The offscreen platform cannot raise a popup or let it grab the keyboard; a desktop can.
POPUP = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def text_field(window: MainWindow, kind: str = "text") -> tuple[TextField, FieldBox]:
    combo = window.composer.type_combo
    combo.setCurrentIndex(combo.findData(kind))
    form = window.composer.forms[kind]
    assert isinstance(form, SpecForm)
    field = form.widgets["/text"]
    assert isinstance(field, TextField)
    return field, form.boxes["/text"]


def select(field: TextField, start: int, end: int) -> None:
    """Select Python indices ``start``..``end`` (Qt counts UTF-16 units)."""
    text = field.toPlainText()
    cursor = field.textCursor()
    cursor.setPosition(utf16_at(text, start))
    cursor.setPosition(utf16_at(text, end), QTextCursor.MoveMode.KeepAnchor)
    field.setTextCursor(cursor)


def focus(qtbot: QtBot, window: MainWindow, field: TextField | TextLine) -> None:
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)


def test_ctrl_b_bolds_the_selection_as_its_own_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    field, _ = text_field(window)
    focus(qtbot, window, field)
    field.selectAll()
    qtbot.keyClicks(field, "Big sale today")
    typed = window.doc.undo_stack.count()
    select(field, 4, 8)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert window.doc.data["text"] == "Big *sale* today"
    assert field.textCursor().selectedText() == "sale"
    assert window.doc.undo_stack.count() == typed + 1  # not merged into the typing
    assert window.undo_action.text() == "&Undo Format as bold"
    field.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(field, "!")
    assert window.doc.undo_stack.count() == typed + 2  # typing after it is a new step
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.doc.data["text"] == "Big sale today"
    window.redo_action.trigger()
    assert field.toPlainText() == "Big *sale* today"


def test_the_buttons_toggle_with_the_mouse(qtbot: QtBot, window: MainWindow) -> None:
    field, box = text_field(window)
    assert box.bar is not None
    field.setPlainText("Hello world")
    select(field, 0, 5)
    qtbot.mouseClick(box.bar.buttons["_"], Qt.MouseButton.LeftButton)
    assert window.doc.data["text"] == "_Hello_ world"
    qtbot.mouseClick(box.bar.buttons["_"], Qt.MouseButton.LeftButton)
    assert window.doc.data["text"] == "Hello world"
    select(field, 6, 11)
    qtbot.mouseClick(box.bar.buttons["```"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(box.bar.buttons["~"], Qt.MouseButton.LeftButton)
    assert window.doc.data["text"] == "Hello ~```world```~"
    assert box.bar.buttons["*"].toolTip().startswith("Bold (Ctrl+B")


def test_keys_on_emoji_and_right_to_left_text(qtbot: QtBot, window: MainWindow) -> None:
    field, _ = text_field(window)
    focus(qtbot, window, field)
    field.setPlainText("שלום 😀🇺🇦 עולם")
    select(field, 5, 8)  # the emoji and the flag: 6 UTF-16 units
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    assert window.doc.data["text"] == "שלום _😀🇺🇦_ עולם"
    select(field, 11, 15)
    qtbot.keyClick(field, Qt.Key.Key_X, CTRL | SHIFT)
    assert window.doc.data["text"] == "שלום _😀🇺🇦_ ~עולם~"
    select(field, 0, 14)  # inside the first word to inside the struck one: whole words
    qtbot.keyClick(field, Qt.Key.Key_M, CTRL | SHIFT)
    assert window.doc.data["text"] == "```שלום _😀🇺🇦_ ~עולם~```"


def test_ctrl_i_in_the_text_formats_instead_of_importing(qtbot: QtBot, window: MainWindow) -> None:
    field, _ = text_field(window)
    opened: list[bool] = []
    window.menus.import_json.triggered.disconnect()
    window.menus.import_json.triggered.connect(lambda: opened.append(True))
    focus(qtbot, window, field)
    field.setPlainText("word")
    select(field, 0, 4)
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    assert window.doc.data["text"] == "_word_" and not opened
    window.composer.receiver.setFocus()
    qtbot.waitUntil(window.composer.receiver.hasFocus)
    qtbot.keyClick(window.composer.receiver, Qt.Key.Key_I, CTRL)
    assert opened  # elsewhere Ctrl+I still imports


def test_the_caption_has_the_bar_too(qtbot: QtBot, window: MainWindow) -> None:
    field, box = text_field(window, "picture")
    assert box.bar is not None
    field.setPlainText("New menu")
    select(field, 0, 3)
    qtbot.mouseClick(box.bar.buttons["*"], Qt.MouseButton.LeftButton)
    assert window.doc.data["text"] == "*New* menu"


def rich_text_field(window: MainWindow) -> tuple[TextLine, FieldBox]:
    combo = window.composer.type_combo
    combo.setCurrentIndex(combo.findData("rich_media"))
    editor = window.composer.forms["rich_media"].editor  # type: ignore[union-attr]
    editor.select(0)
    form = editor.panel.form
    field = form.widgets["/Text"]
    assert isinstance(field, TextLine)
    return field, form.boxes["/Text"]


def test_button_text_gets_html_tags_and_a_colour(qtbot: QtBot, window: MainWindow) -> None:
    field, box = rich_text_field(window)
    assert box.bar is not None and "*" not in box.bar.buttons
    base = window.composer.forms["rich_media"].editor.panel.form.base  # type: ignore[union-attr]
    path = f"{base}/Text"
    field.setText("Buy now")
    field.setSelection(0, 3)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert window.doc.get(path) == "<b>Buy</b> now"
    field.setSelection(11, 3)
    box.bar.pick_color()
    dialog = box.bar.color_dialog
    assert dialog is not None
    dialog.setCurrentColor(QColor("#e53935"))
    dialog.accept()
    assert window.doc.get(path) == '<b>Buy</b> <font color="#E53935">now</font>'
    assert window.undo_action.text() == "&Undo Colour the text #E53935"
    field.setCursorPosition(len(field.text()))
    qtbot.mouseClick(box.bar.buttons["br"], Qt.MouseButton.LeftButton)
    assert window.doc.get(path).endswith("</font><br>")


def open_picker(qtbot: QtBot, window: MainWindow, field: TextField) -> EmojiPicker:
    focus(qtbot, window, field)
    qtbot.keyClick(field, Qt.Key.Key_Semicolon, CTRL)
    box = field.parentWidget()
    while not isinstance(box, FieldBox):
        assert box is not None
        box = box.parentWidget()
    picker = box.bar.picker if box.bar is not None else None
    assert isinstance(picker, EmojiPicker)
    qtbot.waitUntil(picker.isVisible)
    return picker


@POPUP
def test_the_picker_searches_and_inserts_at_the_cursor_once(
    qtbot: QtBot, window: MainWindow, app_dirs: dict[str, Path]
) -> None:
    field, _ = text_field(window)
    field.setPlainText("Thanks !")
    steps = window.doc.undo_stack.count()
    select(field, 7, 7)
    picker = open_picker(qtbot, window, field)
    qtbot.keyClicks(picker.search, "thumbs up")
    assert picker.shown()[0] == "👍"
    assert "counts as 2 character" in picker.about.text()
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert not picker.isVisible()
    assert window.doc.data["text"] == "Thanks 👍!"
    assert window.doc.undo_stack.count() == steps + 1
    assert window.undo_action.text() == "&Undo Insert 👍"
    saved = json.loads((app_dirs["data"] / FILE_NAME).read_text(encoding="utf-8"))
    assert saved["recent"] == ["👍"]
    again = open_picker(qtbot, window, field)
    assert again.tabs.currentIndex() == 0 and again.shown() == ["👍"]  # recently used
    again.close()


@POPUP
def test_skin_tone_categories_and_what_a_flag_costs(qtbot: QtBot, window: MainWindow) -> None:
    field, _ = text_field(window)
    field.setPlainText("")
    picker = open_picker(qtbot, window, field)
    picker.tabs.setCurrentIndex(2)  # People & body
    assert picker.tabs.tabToolTip(2) == "People & body"
    picker.tone.setCurrentIndex(3)
    assert "👋🏽" in picker.shown()
    qtbot.keyClicks(picker.search, "flag ukraine")
    assert picker.shown() == ["🇺🇦"]
    assert "counts as 4 character" in picker.about.text()
    picker.search.clear()
    qtbot.keyClicks(picker.search, "family man woman girl boy")
    assert "counts as 11 character" in picker.about.text()
    picker.search.clear()
    qtbot.keyClicks(picker.search, "waving hand")
    item = picker.grid.item(0)
    assert item.text() == "👋🏽"
    rect = picker.grid.visualItemRect(item)
    qtbot.mouseClick(picker.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.doc.data["text"] == "👋🏽"
    assert QApplication.focusWidget() is field


def press(
    field: QWidget, key: int, mods: Qt.KeyboardModifier, scan: int, vkey: int, text: str
) -> bool:
    """Send a key as the platform does: first as a shortcut override, then pressed; whether
    the field claimed it before the window's shortcuts."""
    override = QKeyEvent(QEvent.Type.ShortcutOverride, key, mods, scan, vkey, 0, text)
    override.ignore()
    QApplication.sendEvent(field, override)
    QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, key, mods, scan, vkey, 0, text))
    return override.isAccepted()


# Ctrl with the physical B and I keys in a Ukrainian layout: Qt's key() is the Cyrillic letter.
UKRAINIAN_B = {
    "linux": (0x418, 56, 0x6C9),
    "win32": (0x418, 0x30, 0x42),
    "darwin": (0x418, 0, 0x0B),
}
UKRAINIAN_I = {
    "linux": (0x428, 31, 0x6DB),
    "win32": (0x428, 0x17, 0x49),
    "darwin": (0x428, 0, 0x22),
}


def test_the_keys_work_in_a_ukrainian_layout(qtbot: QtBot, window: MainWindow) -> None:
    field, _ = text_field(window)
    opened: list[bool] = []
    window.menus.import_json.triggered.disconnect()
    window.menus.import_json.triggered.connect(lambda: opened.append(True))
    focus(qtbot, window, field)
    field.setPlainText("Знижка сьогодні")
    select(field, 0, 6)
    platform = sys.platform if sys.platform in ("win32", "darwin") else "linux"
    key, scan, vkey = UKRAINIAN_B[platform]
    assert press(field, key, CTRL, scan, vkey, "и")
    assert window.doc.data["text"] == "*Знижка* сьогодні"
    key, scan, vkey = UKRAINIAN_I[platform]
    assert press(field, key, CTRL, scan, vkey, "ш")  # claimed: not the window's Import
    assert window.doc.data["text"] == "*_Знижка_* сьогодні" and not opened


def test_the_format_buttons_show_what_the_selection_has(qtbot: QtBot, window: MainWindow) -> None:
    field, box = text_field(window)
    assert box.bar is not None
    bold, italic = box.bar.buttons["*"], box.bar.buttons["_"]
    assert bold.isCheckable() and not bold.isChecked()
    field.setPlainText("*big _sale_* now")
    select(field, 2, 2)
    qtbot.waitUntil(bold.isChecked)
    assert not italic.isChecked()
    select(field, 6, 10)
    qtbot.waitUntil(italic.isChecked)
    assert bold.isChecked()
    select(field, 13, 16)
    qtbot.waitUntil(lambda: not bold.isChecked())
    qtbot.mouseClick(bold, Qt.MouseButton.LeftButton)
    assert window.doc.data["text"] == "*big _sale_* *now*" and bold.isChecked()
    qtbot.mouseClick(bold, Qt.MouseButton.LeftButton)
    assert window.doc.data["text"] == "*big _sale_* now" and not bold.isChecked()


def test_ctrl_b_on_marks_and_a_space_from_a_drag_unbolds(qtbot: QtBot, window: MainWindow) -> None:
    field, _ = text_field(window)
    focus(qtbot, window, field)
    field.setPlainText("Big *sale* now")
    select(field, 4, 11)  # "*sale* "
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert window.doc.data["text"] == "Big sale now"
    field.setPlainText("Big *sale now*")
    select(field, 5, 9)  # "sale": only it loses bold
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert window.doc.data["text"] == "Big sale *now*"
    assert field.textCursor().selectedText() == "sale"


def test_button_text_toggles_off_and_colours_with_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    field, box = rich_text_field(window)
    assert box.bar is not None
    base = window.composer.forms["rich_media"].editor.panel.form.base  # type: ignore[union-attr]
    path = f"{base}/Text"
    focus(qtbot, window, field)
    field.setText("<b>Buy now</b>")
    field.setCursorPosition(5)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert window.doc.get(path) == "Buy now"
    field.setSelection(0, 3)
    qtbot.keyClick(field, Qt.Key.Key_O, CTRL | SHIFT)  # the colour dialog, from the keyboard
    dialog = box.bar.color_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.setCurrentColor(QColor("#e53935"))
    dialog.accept()
    assert window.doc.get(path) == '<font color="#E53935">Buy</font> now'
    field.setSelection(22, 3)
    qtbot.keyClick(field, Qt.Key.Key_O, CTRL | SHIFT)
    dialog = box.bar.color_dialog
    assert dialog is not None
    dialog.setCurrentColor(QColor("#1e88e5"))
    dialog.accept()
    assert window.doc.get(path) == '<font color="#1E88E5">Buy</font> now'  # replaced, not nested
    focus(qtbot, window, field)
    field.setCursorPosition(len(field.text()))
    qtbot.keyClick(field, Qt.Key.Key_Return, SHIFT)
    assert window.doc.get(path).endswith(" now<br>")
    assert "Ctrl+Shift+O" in box.bar.buttons["color"].toolTip()


@POPUP
def test_the_picker_stays_on_the_screen_and_opens_leftwards_right_to_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    picker = EmojiPicker(window)
    qtbot.addWidget(picker)
    area = picker.screen().availableGeometry()
    near_corner = QRect(area.right() - 30, area.bottom() - 20, 24, 20)
    picker.show_by(near_corner)
    assert area.contains(picker.frameGeometry())
    # (offscreen windows get a fake 2-pixel frame)
    assert picker.frameGeometry().bottom() <= near_corner.top() + 2  # above: no room below
    picker.close()
    picker.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    button = QRect(area.left() + 500, area.top() + 40, 24, 20)
    picker.show_by(button)
    frame = picker.frameGeometry()
    assert abs(frame.right() - button.right()) <= 2 and abs(frame.top() - button.bottom()) <= 3
    picker.close()
    picker.show_by(QRect(area.left() + 10, area.top() + 40, 24, 20))  # no room on the left
    assert area.left() <= picker.frameGeometry().left() <= area.left() + 2
    picker.close()


@POPUP
def test_searching_selects_a_results_tab_and_says_names_are_english(
    qtbot: QtBot, window: MainWindow
) -> None:
    picker = EmojiPicker(window)
    qtbot.addWidget(picker)
    picker.tabs.setCurrentIndex(4)
    picker.search.insert("серце")  # QTest types ASCII only
    assert picker.tabs.currentIndex() == picker.results_tab
    assert picker.tabs.isTabVisible(picker.results_tab)
    assert picker.shown() == [] and "in English" in picker.about.text()
    picker.search.clear()
    assert picker.tabs.currentIndex() == 4 and not picker.tabs.isTabVisible(picker.results_tab)
    qtbot.keyClicks(picker.search, "heart")
    picker.tabs.setCurrentIndex(2)  # a category chosen while searching shows that category
    assert picker.search.text() == "" and picker.tabs.currentIndex() == 2
    assert "👋" in picker.shown()
    assert picker.tabs.tabText(5) == "✈\ufe0f" and picker.tabs.tabText(8) == "❤\ufe0f"
    first = picker.grid.visualItemRect(picker.grid.item(0))
    assert first.height() >= 36 and first.top() >= 0  # the whole cell: tall glyphs not cut


def test_the_text_menu_undoes_and_redoes_the_message(qtbot: QtBot, window: MainWindow) -> None:
    field, _ = text_field(window)
    focus(qtbot, window, field)
    before = window.doc.data["text"]
    field.selectAll()
    qtbot.keyClicks(field, "Sale")
    spelling = field.findChild(SpellCheck)
    for menu in (
        field.createStandardContextMenu(QPoint(2, 2)),
        *([spelling.menu(QPoint(2, 2))] if spelling is not None else []),
    ):
        actions = {a.objectName(): a for a in menu.actions()}
        undo, redo = actions["edit-undo"], actions["edit-redo"]
        assert undo.isEnabled() and not redo.isEnabled()
        undo.trigger()
        assert window.doc.data["text"] == before
        window.redo_action.trigger()
        assert window.doc.data["text"] == "Sale"
    assert spelling is not None  # the spelling menu keeps the routed Undo too

"""The composer owns one message document: what goes in comes out, and every change undoes."""

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viber_desktop.core import limits
from viber_desktop.ui.composer.composer_widget import KEYBOARD_ONLY, ComposerWidget
from viber_desktop.ui.main_window import MainWindow

KEYS = st.sampled_from(
    ["receiver", "type", "sender", "name", "avatar", "tracking_data", "min_api_version", "text",
     "media", "size", "keyboard", "rich_media", "Buttons", "Text", "Columns", "chat_id", "x"]
)  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6)
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=14,
)
TYPES = st.sampled_from([*limits.MESSAGE_TYPES, "Text", 5, None])


def exact(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False)


@st.composite
def messages(draw: st.DrawFn) -> dict[str, Any]:
    msg = draw(st.dictionaries(KEYS, JSON, max_size=6))
    kind = draw(TYPES)
    if kind is not None:
        msg["type"] = kind
    return msg


@pytest.fixture(scope="module")
def composer() -> ComposerWidget:
    return ComposerWidget()


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(messages())
def test_any_object_loaded_comes_back_byte_identical(
    qtbot: QtBot, composer: ComposerWidget, msg: dict[str, Any]
) -> None:
    composer.load_payload(msg)
    composer.refresh()  # every form shows it again: showing never writes
    assert exact(composer.payload()) == exact(msg)
    assert composer.doc.undo_stack.count() == 0


@pytest.mark.parametrize("kind", [*limits.MESSAGE_TYPES, KEYBOARD_ONLY])
def test_every_type_round_trips_with_odd_kinds_and_unknown_fields(
    window: MainWindow, kind: str
) -> None:
    msg: dict[str, Any] = {
        "chat_id": 7,
        "receiver": 123,
        "sender": {"x": [1], "name": None, "avatar": 5},
        "tracking_data": None,
        "min_api_version": "3",
        "keyboard": {"Type": "keyboard", "Buttons": [{"Text": 1, "Columns": "6", "Q": {}}]},
        "rich_media": {"Buttons": "not a list", "Type": 4},
        "text": ["a"],
        "media": 1.5,
        "size": "big",
        "contact": None,
        "location": {"lat": "1", "lon": None},
        "sticker_id": "46105",
        "alt_text": False,
        "file_name": {"a": 1},
    }
    if kind:
        msg = {"type": kind, **msg}
    window.composer.load_payload(msg)
    assert exact(window.composer.payload()) == exact(msg)


def test_typing_is_one_undo_step_per_field(qtbot: QtBot, window: MainWindow) -> None:
    before = window.composer.doc.snapshot()
    qtbot.keyClicks(window.composer.receiver, "-abc")
    qtbot.keyClicks(window.composer.sender_name, "!")
    stack = window.doc.undo_stack
    assert stack.count() == 2
    assert window.undo_action.text() == "&Undo Edit Sender name"
    window.undo_action.trigger()
    assert window.composer.sender_name.text() == before["sender"]["name"]
    window.undo_action.trigger()
    assert window.composer.receiver.text() == before["receiver"]
    assert exact(window.composer.payload()) == exact(before)
    window.redo_action.trigger()
    assert window.composer.receiver.text() == before["receiver"] + "-abc"


def test_ctrl_z_in_a_field_undoes_the_message_not_the_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    receiver = window.composer.receiver
    original = receiver.text()
    receiver.setFocus()
    qtbot.keyClicks(receiver, "zz")
    qtbot.keyClick(receiver, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert receiver.text() == original
    assert window.composer.payload()["receiver"] == original
    assert window.doc.undo_stack.index() == 0
    qtbot.keyClick(
        receiver,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert receiver.text() == original + "zz"


def test_changing_type_drops_the_old_fields_and_undo_brings_them_back(
    window: MainWindow,
) -> None:
    window.composer.load_payload(
        {"receiver": "r", "sender": {"name": "S"}, "type": "text", "text": "Keep me", "zz": 1}
    )
    combo = window.composer.type_combo
    combo.setCurrentIndex(combo.findData("location"))
    out = window.composer.payload()
    assert out["type"] == "location" and "text" not in out and out["zz"] == 1
    assert window.undo_action.text() == "&Undo Change the type to Location"
    window.undo_action.trigger()
    assert window.composer.payload() == {
        "receiver": "r",
        "sender": {"name": "S"},
        "type": "text",
        "text": "Keep me",
        "zz": 1,
    }
    assert window.composer.forms["text"].widgets["/text"].value() == "Keep me"  # type: ignore[union-attr]
    assert combo.currentData() == "text"


def test_keyboard_attach_and_remove_are_undoable(qtbot: QtBot, window: MainWindow) -> None:
    box = window.composer.keyboard_box
    assert not box.isChecked() and "keyboard" not in window.composer.payload()
    box.click()
    assert window.composer.payload()["keyboard"]["Type"] == "keyboard"
    assert window.composer.keyboard_group.isVisibleTo(window)
    box.click()
    assert "keyboard" not in window.composer.payload()
    window.undo_action.trigger()
    assert "keyboard" in window.composer.payload() and box.isChecked()


def test_button_edits_are_undo_steps(qtbot: QtBot, window: MainWindow) -> None:
    combo = window.composer.type_combo
    combo.setCurrentIndex(combo.findData("rich_media"))
    editor = window.composer.forms["rich_media"].editor  # type: ignore[union-attr]
    start = exact(window.composer.payload())
    count = len(editor.buttons)
    editor.select(0)
    qtbot.mouseClick(editor.add_card_btn, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.right_btn, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.dup_btn, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.panel.form.widgets["/Text"], "!")
    qtbot.mouseClick(editor.delete_btn, Qt.MouseButton.LeftButton)
    assert len(editor.buttons) == count + 2
    texts = [window.undo_action.text()]
    while window.doc.undo_stack.canUndo() and window.doc.undo_stack.index() > 1:
        window.undo_action.trigger()
        texts.append(window.undo_action.text())
    window.undo_action.trigger()  # the type change
    assert texts[:5] == [
        "&Undo Delete a button",
        "&Undo Edit Text",
        "&Undo Duplicate a button",
        "&Undo Move a button",
        "&Undo Add a card",
    ]
    combo.setCurrentIndex(combo.findData("rich_media"))
    assert exact(window.composer.payload()) == start
    assert len(editor.grid.places) == count


def test_a_replacement_is_one_undo_step_and_says_how_to_undo(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClicks(window.composer.receiver, "-mine")
    mine = window.composer.doc.snapshot()
    window.new_action.trigger()
    assert window.composer.payload() != mine
    assert "Ctrl+Z" in window.status.currentMessage()
    assert window.undo_action.text() == "&Undo New message"
    window.undo_action.trigger()
    assert exact(window.composer.payload()) == exact(mine)


def test_a_null_tracking_data_is_shown_and_cleared_in_one_click(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.composer.load_payload(
        {"receiver": "r", "sender": {"name": "S"}, "type": "text", "tracking_data": None}
    )
    box = window.composer.boxes["/tracking_data"]
    assert box.kind_button.isVisibleTo(window)
    assert "null" in box.kind_button.text()
    assert any(f.path == "/tracking_data" for f in window.report.findings)
    box.kind_button.click()
    assert "tracking_data" not in window.composer.payload()
    assert not box.kind_button.isVisibleTo(window)
    assert not any(f.path == "/tracking_data" for f in window.report.findings)
    window.undo_action.trigger()
    assert window.composer.payload()["tracking_data"] is None


def test_a_number_in_a_text_field_is_named_and_replaced(window: MainWindow) -> None:
    window.composer.load_payload(
        {"receiver": 12345, "sender": {"name": "S"}, "type": "text", "text": "t"}
    )
    box = window.composer.boxes["/receiver"]
    assert box.kind_button.isVisibleTo(window) and "integer" in box.kind_button.text()
    assert window.composer.receiver.text() == "12345"
    box.kind_button.click()
    assert window.composer.payload()["receiver"] == "12345"
    assert not box.kind_button.isVisibleTo(window)


def test_an_example_from_the_file_menu_is_one_undo_step(window: MainWindow) -> None:
    mine = window.composer.doc.snapshot()
    window.menus.fill_examples()  # as opening the submenu does
    actions = window.menus.examples.actions()
    assert len(actions) >= 4
    actions[0].trigger()
    out = window.composer.payload()
    assert out != mine and out["receiver"] == mine["receiver"]  # the receiver stays
    assert "Ctrl+Z" in window.status.currentMessage()
    assert window.undo_action.text().startswith("&Undo Open example")
    window.undo_action.trigger()
    assert exact(window.composer.payload()) == exact(mine)


def test_editors_of_types_not_shown_are_built_when_first_shown(window: MainWindow) -> None:
    composer = window.composer
    assert composer.kind == "text"
    assert "rich_media" not in composer.forms and composer._keyboard is None
    combo = composer.type_combo
    combo.setCurrentIndex(combo.findData("rich_media"))
    assert composer.stack.currentWidget() is composer.forms["rich_media"]
    assert composer.forms["rich_media"].isVisibleTo(window)
    composer.keyboard_box.click()
    assert composer.keyboard.isVisibleTo(window)


def test_typing_after_a_pause_is_a_new_undo_step(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from viber_desktop.ui import document

    monkeypatch.setattr(document, "MERGE_PAUSE_S", -1.0)  # every key counts as after a pause
    before = window.composer.receiver.text()
    qtbot.keyClicks(window.composer.receiver, "ab")
    assert window.doc.undo_stack.count() == 2
    window.undo_action.trigger()
    assert window.composer.receiver.text() == before + "a"


def test_a_stale_edit_changes_nothing_and_leaves_no_step(window: MainWindow) -> None:
    from viber_desktop.core.pointer import Edit

    before = exact(window.composer.payload())
    window.doc.apply([Edit("delete", "/no_such_field")], "Remove no_such_field")
    window.doc.apply([Edit("set", "/sender/name", "Z"), Edit("insert", "/nope/5", 1)], "Broken")
    assert window.doc.undo_stack.count() == 0
    assert exact(window.composer.payload()) == before

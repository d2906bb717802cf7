"""A field hands Ctrl+Z to the message's undo once it has the focus; its undo filter, which sees
every event of the field in Python, waits for that focus (start-up, issue 16)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_writing_bar import focus, text_field
from viber_desktop.ui.composer import fields
from viber_desktop.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def waiting(widget: QWidget) -> bool:
    return bool(widget.property(fields._ON_FOCUS))


def test_the_fields_of_a_start_wait_for_the_focus_then_undo_the_message(
    qtbot: QtBot, window: MainWindow
) -> None:
    field, _box = text_field(window)
    assert waiting(field)  # fails when the filter goes on at build
    focus(qtbot, window, field)
    assert not waiting(field)
    steps = window.doc.undo_stack.index()
    qtbot.keyClicks(field, " more")
    qtbot.waitUntil(lambda: window.doc.undo_stack.index() > steps, timeout=2000)
    typed = field.toPlainText()
    assert typed.startswith(" more")

    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)

    assert window.doc.undo_stack.index() == steps  # the message's step, not the field's
    assert not field.toPlainText().startswith(" more")
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert field.toPlainText() == typed
    focus(qtbot, window, field)  # the focus again: the filter is not added twice
    assert not waiting(field)

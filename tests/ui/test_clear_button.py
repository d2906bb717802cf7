"""The clear button of a line is an undo step of its own, however soon after typing."""

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from viber_desktop.ui.composer.fields import TextLine
from viber_desktop.ui.main_window import MainWindow


def clear_action(field: TextLine) -> QAction:
    assert field._clear is not None
    return field._clear


@pytest.mark.parametrize("where", ["composer", "form"])
def test_clearing_right_after_typing_undoes_on_its_own(
    qtbot: QtBot, window: MainWindow, where: str
) -> None:
    window.composer.load_payload(
        {"receiver": "r", "type": "url", "media": "https://a.example/x", "sender": {"name": "S"}}
    )
    if where == "composer":
        field = window.composer.sender_name
        read = lambda: window.doc.get("/sender/name")  # noqa: E731
    else:
        form = window.composer.forms["url"]
        field = form.widgets["/media"]  # type: ignore[attr-defined]
        read = lambda: window.doc.get("/media")  # noqa: E731
    assert isinstance(field, TextLine)
    before = read()
    field.setFocus()
    field.end(False)
    qtbot.keyClicks(field, "abc")
    clear_action(field).trigger()  # well within a second of the typing
    assert read() in (None, "")
    window.undo_action.trigger()
    assert read() == before + "abc"  # the clear alone is undone
    window.undo_action.trigger()
    assert read() == before  # then the typing

"""Ctrl+Enter right after typing an error, while the check waits for a pause in typing."""

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viber_desktop.core.findings import CheckReport
from viber_desktop.ui import live_check
from viber_desktop.ui.main_window import MainWindow


def test_the_refusal_selects_the_error_just_typed(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live_check, "SLOW_CHECK_S", -1.0)  # every check counts as slow
    window.checks.run()
    assert window.send_btn.isEnabled()
    seen: list[CheckReport] = []
    window.checks.checked.connect(seen.append)
    name = window.composer.sender_name
    name.setFocus()
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Backspace)  # a sender name is required
    assert seen == []  # the check waits for a pause
    qtbot.keyClick(name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Not sent" in window.response.headline.text()
    current = window.findings.list.currentItem()
    assert current is not None and "/sender/name" in current.text()
    assert not window.send_btn.isEnabled()


def test_typing_while_the_send_is_prepared_marks_the_answer_as_earlier(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The send looks up Viber's hourly limit in a task first: a key typed then is not in the
    message that leaves, and its answer is not the answer for the composer's message."""
    receiver = window.composer.receiver
    receiver.setFocus()
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()
        qtbot.keyClicks(receiver, "0")  # before the lookup's answer: no event loop ran yet
    panel = window.response
    assert "Accepted" in panel.headline.text()
    assert panel.stale and "The message has changed since." in panel.banner.text()
    qtbot.keyClick(receiver, Qt.Key.Key_Backspace)  # back to what was sent
    assert not panel.stale

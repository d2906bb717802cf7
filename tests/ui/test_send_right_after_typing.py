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

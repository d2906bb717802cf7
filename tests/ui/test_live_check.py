"""A slow check waits for a pause in typing; whoever reads the report gets a fresh one."""

import pytest
from pytestqt.qtbot import QtBot

from viber_desktop.core.findings import CheckReport
from viber_desktop.ui import live_check
from viber_desktop.ui.main_window import MainWindow


def test_fast_checks_run_on_every_key(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[CheckReport] = []
    window.checks.checked.connect(seen.append)
    window.checks.cost = 0.0
    qtbot.keyClicks(window.composer.receiver, "abc")
    assert len(seen) == 3


def test_slow_checks_wait_for_a_pause_and_reading_flushes(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live_check, "SLOW_CHECK_S", -1.0)  # every check counts as slow
    seen: list[CheckReport] = []
    window.checks.checked.connect(seen.append)
    window.checks.run()
    seen.clear()
    window.composer.sender_name.clear()  # an error: a sender name is required
    qtbot.keyClicks(window.composer.receiver, "xyz")
    assert seen == []  # nothing checked while typing
    assert window.composer.sender_counter.text().startswith("0")  # counters do not wait
    assert any(f.path == "/sender/name" for f in window.report.errors)  # reading flushes
    assert len(seen) == 1
    assert not window.send_btn.isEnabled()
    qtbot.keyClicks(window.composer.sender_name, "S")
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=2000)  # after the pause
    assert not any(f.path == "/sender/name" for f in seen[-1].errors)

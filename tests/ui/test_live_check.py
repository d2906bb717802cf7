"""A slow check waits for a pause in typing; whoever reads the report gets a fresh one."""

import time

import pytest
from pytestqt.qtbot import QtBot

from viber_desktop.core.findings import CheckReport
from viber_desktop.ui import live_check
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.main_window import MainWindow


def test_fast_checks_run_on_every_key(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live_check, "SLOW_CHECK_S", 10.0)  # fast, however loaded the machine
    seen: list[CheckReport] = []
    window.checks.checked.connect(seen.append)
    window.checks.slow = False
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


def test_a_check_near_the_line_does_not_run_in_every_other_key(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once slow, checks wait for pauses until one takes under half the limit (a check of
    about the limit ran in the keystroke every other key)."""
    monkeypatch.setattr(live_check, "SLOW_CHECK_S", 0.2)
    costs = iter([0.3, 0.15, 0.001])
    real = live_check.check_payload

    def timed(data: object) -> CheckReport:
        time.sleep(next(costs))
        return real(data)

    checks = live_check.LiveCheck(MessageDocument({"receiver": "r", "type": "text", "text": "a"}))
    monkeypatch.setattr(live_check, "check_payload", timed)
    slow = []
    for _ in range(3):
        checks.run()
        slow.append(checks.slow)
    assert slow == [True, True, False]


def test_showing_the_check_counts_toward_slow(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A quick check whose findings take long to show waits for pauses too."""
    monkeypatch.setattr(live_check, "SLOW_CHECK_S", 0.05)
    checks = live_check.LiveCheck(MessageDocument({"receiver": "r", "type": "text", "text": "a"}))
    checks.checked.connect(lambda _report: time.sleep(0.1))
    checks.run()
    assert checks.slow


def test_a_slow_check_waits_for_typing_only(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A click, a fix or an undo is checked at once, slow or not: only typing comes in runs."""
    monkeypatch.setattr(live_check, "SLOW_CHECK_S", -1.0)  # every check counts as slow
    window.checks.run()
    seen: list[CheckReport] = []
    window.checks.checked.connect(seen.append)
    qtbot.keyClicks(window.composer.sender_name, "x")
    assert seen == []  # typed: waits for the pause
    window.undo_action.trigger()
    assert len(seen) == 1  # the undo (and the typing it took back) checked at once
    window.doc.set("/tracking_data", "campaign=x", "Edit tracking data")
    assert len(seen) == 2

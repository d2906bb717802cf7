"""The command exits at once after the window (its stores closed first), normally otherwise."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from viber_desktop import main as entry_module


def test_after_the_window_the_exit_skips_the_teardown(monkeypatch: pytest.MonkeyPatch) -> None:
    def window_ran() -> int:
        monkeypatch.setattr(entry_module, "_window_closed", True)
        return 0

    def fast(code: int) -> None:
        raise SystemExit(("fast", code))

    monkeypatch.setattr(entry_module, "main", window_ran)
    monkeypatch.setattr(os, "_exit", fast)
    with pytest.raises(SystemExit) as stop:
        entry_module.entry()
    assert stop.value.args[0] == ("fast", 0)


def test_the_command_line_exits_normally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entry_module, "main", lambda: 3)
    monkeypatch.setattr(entry_module, "_window_closed", False)
    with pytest.raises(SystemExit) as stop:
        entry_module.entry()
    assert stop.value.code == 3


CLOSE_WHEN_OPEN = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([sys.argv[0]])  # make_app reuses it

def close_once_the_history_is_open():
    for widget in app.topLevelWidgets():
        if type(widget).__name__ == "MainWindow" and widget.ctx.history is not None:
            print("history open", flush=True)
            widget.close()  # as the user closes it
            return
    QTimer.singleShot(20, close_once_the_history_is_open)

QTimer.singleShot(20, close_once_the_history_is_open)
from viber_desktop.main import entry
sys.argv = ["viber-desktop"]
entry()
"""


def test_a_real_start_and_quick_exit_keeps_what_it_wrote(tmp_path: Path) -> None:
    """The history opens after the first paint; the window closed, it is closed before the
    quick exit (the smoke test quits before it opens)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("CONFIG", "DATA", "CACHE"):
        env[f"VIBER_DESKTOP_{name}_DIR"] = str(tmp_path / name.lower())
    done = subprocess.run(
        [sys.executable, "-c", CLOSE_WHEN_OPEN],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "history open" in done.stdout  # printed before the quick exit: flushed
    history = tmp_path / "data" / "history.sqlite3"
    assert history.exists()
    assert not Path(f"{history}-wal").exists() or Path(f"{history}-wal").stat().st_size == 0
    assert (tmp_path / "data" / "draft.json").exists()  # the close saved the draft


SCAN = """
import inspect, sys
import PySide6
from viber_desktop import main
if sys.argv[1] == "skip":
    main.skip_pyside_source_scan()
read = []
original = inspect.getsource
inspect.getsource = lambda obj: read.append(obj.__name__) or original(obj)
import viber_desktop.ui.about
print(len([name for name in read if name.startswith("viber_desktop")]))
"""


def test_the_window_stops_pyside_reading_the_source_of_each_module() -> None:
    def sources_read(how: str) -> int:
        out = subprocess.run(
            [sys.executable, "-c", SCAN, how], capture_output=True, text=True, check=True
        )
        return int(out.stdout)

    assert sources_read("scan") > 0  # PySide6's import hook still reads them: still worth it
    assert sources_read("skip") == 0

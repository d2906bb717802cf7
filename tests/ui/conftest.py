"""Fixtures for widget tests: a real window over real stores in tmp_path."""

import faulthandler
import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viber_desktop.services.history import HistoryStore
from viber_desktop.services.settings import SettingsStore
from viber_desktop.services.vault import TokenVault
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.images import ImageLoader
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.tasks import TaskRunner


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    runner = TaskRunner()
    store = SettingsStore(tmp_path / "settings.json")
    context = AppContext(
        store,
        store.load(),
        TokenVault(),
        runner,
        ImageLoader(runner),
        history=HistoryStore(tmp_path / "history.sqlite3"),
    )
    yield context
    assert runner.wait(15_000), "tasks still running at teardown"
    context.close()
    if context.history is not None:
        context.history.close()


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[MainWindow]:
    win = MainWindow(ctx)
    # A test that failed mid-send must not hang on the "close during a send?" question:
    # pytest-qt closes its widgets before fixtures are torn down.
    qtbot.addWidget(win, before_close_func=lambda w: w.stop_waiting())
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=10_000)
    yield win
    ctx.runner.wait_detached(15_000)
    ctx.runner.wait(15_000)


@pytest.fixture(autouse=True)
def hang_watchdog() -> Iterator[None]:
    """A widget test that hangs (an unexpected modal dialog) ends the run with tracebacks
    after 3 minutes, instead of running into CI's time limit."""
    faulthandler.dump_traceback_later(180, exit=True, file=sys.stderr)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(autouse=True)
def nothing_stays_frozen() -> Iterator[None]:
    """A test that starts the window freezes what start-up made (first_paint.settled): the
    next tests' garbage must stay collectable."""
    yield
    gc.unfreeze()

"""The history table keeps a bounded window of pages: far pages are let go, fetched again.

Pages are made small here (10 rows, 3 kept) so a few hundred real rows cover many pages.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from viber_desktop.core.bidi import plain
from viber_desktop.services.history import HistoryStore
from viber_desktop.ui.history import model as model_module
from viber_desktop.ui.history.model import HistoryModel
from viber_desktop.ui.history.panel import HistoryPanel
from viber_desktop.ui.tasks import TaskRunner

ROWS = 95
PAGE = 10
KEEP = 3


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_module, "PAGE", PAGE)
    monkeypatch.setattr(model_module, "KEEP_PAGES", KEEP)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    history = HistoryStore(tmp_path / "history.sqlite3")
    with history._tx() as db:  # one transaction: quicker than ROWS sends
        db.executemany(
            "INSERT INTO history (created_ts, profile, api_url, endpoint, receiver, msg_type, "
            "sender_name, request_body, body_bytes, outcome, status) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    1e9 + i,
                    "Sandbox",
                    "u",
                    "send_message",
                    f"user-{i}",
                    "text",
                    "S",
                    "{}",
                    2,
                    "ok",
                    0,
                )
                for i in range(ROWS)
            ],
        )
    yield history
    history.close()


def load_all(qtbot: QtBot, model: HistoryModel) -> None:
    def done() -> bool:
        model.fetchMore(QModelIndex())  # a no-op while a page is on its way
        return model.rowCount() == ROWS and not model.canFetchMore(QModelIndex())

    qtbot.waitUntil(done, timeout=10_000)


def shown(qtbot: QtBot, model: HistoryModel, row: int, column: int = 2) -> Any:
    """The cell's text once its page is in memory (asking for it fetches the page)."""
    qtbot.waitUntil(lambda: model.data(model.index(row, column)) is not None, timeout=5000)
    return plain(model.data(model.index(row, column)))  # the isolates are for RTL only


def test_far_pages_are_let_go_and_fetched_again_by_id(
    qtbot: QtBot, qtmodeltester: Any, store: HistoryStore
) -> None:
    model = HistoryModel(TaskRunner())
    model.set_store(store)
    load_all(qtbot, model)
    assert model.pages_in_memory <= KEEP
    assert model.entry(0) is None  # the first page was let go ...
    assert [model.entry_id(r) for r in (0, 50, ROWS - 1)] == [ROWS, ROWS - 50, 1]  # ... not its ids
    assert shown(qtbot, model, 0) == f"user-{ROWS - 1}"  # ... and comes back when shown
    assert shown(qtbot, model, 47) == f"user-{ROWS - 48}"
    assert model.pages_in_memory <= KEEP
    qtmodeltester.check(model)
    assert model.pages_in_memory <= KEEP
    model.runner.wait()


def test_a_row_deleted_meanwhile_stays_empty_and_the_others_keep_their_rows(
    qtbot: QtBot, store: HistoryStore
) -> None:
    model = HistoryModel(TaskRunner())
    model.set_store(store)
    load_all(qtbot, model)
    store.delete([ROWS - 2])  # row 2 (rows are newest first), in a page let go
    assert model.entry(2) is None
    assert shown(qtbot, model, 3) == f"user-{ROWS - 4}"
    assert model.data(model.index(2, 2)) is None and model.entry(2) is None
    assert shown(qtbot, model, 1) == f"user-{ROWS - 2}"
    model.runner.wait()


def test_scrolling_back_in_a_view_shows_the_rows_again(qtbot: QtBot, store: HistoryStore) -> None:
    model = HistoryModel(TaskRunner())
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 200)
    view.show()
    model.set_store(store)
    load_all(qtbot, model)
    view.scrollToBottom()
    QApplication.processEvents()
    view.scrollToTop()
    qtbot.waitUntil(
        lambda: plain(model.data(model.index(0, 2)) or "") == f"user-{ROWS - 1}", timeout=5000
    )
    assert model.pages_in_memory <= KEEP
    model.runner.wait()


@pytest.fixture
def panel(qtbot: QtBot, store: HistoryStore) -> Iterator[HistoryPanel]:
    runner = TaskRunner()
    widget = HistoryPanel(runner)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    widget.set_store(store)
    yield widget
    assert runner.wait(10_000)
    QApplication.processEvents()


def test_a_selected_entry_stays_in_memory_while_the_list_scrolls_away(
    qtbot: QtBot, panel: HistoryPanel
) -> None:
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)
    panel.select_row(0)
    assert panel.open_btn.isEnabled()
    load_all(qtbot, panel.model)
    panel.table.scrollToBottom()
    QApplication.processEvents()
    assert [e.receiver for e in panel.selected()] == [f"user-{ROWS - 1}"]
    assert panel.open_btn.isEnabled() and panel.resend_btn.isEnabled()
    assert panel.details.currentIndex() == 1  # its details are shown


def test_delete_counts_and_deletes_every_selected_row_in_memory_or_not(
    qtbot: QtBot, panel: HistoryPanel, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_all(qtbot, panel.model)
    panel.table.selectAll()
    assert len(panel.selected()) < ROWS  # most pages are not in memory
    asked: list[str] = []

    def ask(parent: Any, title: str, text: str, *a: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", ask)
    panel.delete_btn.click()
    assert asked == [f"Delete {ROWS} selected entries? This cannot be undone."]
    qtbot.waitUntil(lambda: store.count() == 0, timeout=5000)

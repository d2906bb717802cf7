"""The history panel, resend, compare, templates, curl and crash-safe drafts."""

import json
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.core.helpers import base
from viber_desktop.core.bidi import plain
from viber_desktop.core.history import HistoryFilter
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.text import body_bytes
from viber_desktop.sandbox.rules import SANDBOX_TOKEN
from viber_desktop.services.history import HistoryStore
from viber_desktop.ui.history.compare import diff_html
from viber_desktop.ui.history.model import PAGE, HistoryModel
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.tasks import TaskRunner


def fill(store: HistoryStore, n: int) -> None:
    for i in range(n):
        msg = base(receiver=f"user-{i % 7}", text=f"message number {i}")
        entry = store.record_pending(
            profile="Sandbox",
            api_url="u",
            endpoint="send_message",
            body=body_bytes(msg),
            payload=msg,
        )
        store.record_result(
            entry,
            ApiResult(
                outcome="ok" if i % 3 else "api_error",
                status=0 if i % 3 else 6,
                message_token=2**60 + i,
                raw_response='{"status":0}',
            ),
        )


@pytest.fixture
def model(qtbot: QtBot, tmp_path: Path) -> HistoryModel:
    store = HistoryStore(tmp_path / "h.db")
    fill(store, PAGE * 2 + 50)
    runner = TaskRunner()
    model = HistoryModel(runner)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_store(store)
    return model


def test_model_pages_lazily_and_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: Any, model: HistoryModel
) -> None:
    assert model.rowCount() == PAGE
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE * 2
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE * 2 + 50
    assert not model.canFetchMore(QModelIndex())
    assert plain(model.data(model.index(0, 2))) == f"user-{(PAGE * 2 + 49) % 7}"
    assert model.data(model.index(0, 7)) == str(2**60 + PAGE * 2 + 49)
    qtmodeltester.check(model)
    model.runner.wait()


def test_model_tester_while_pages_arrive(
    qtbot: QtBot, qtmodeltester: Any, model: HistoryModel
) -> None:
    qtmodeltester.check(model)

    def all_loaded() -> bool:
        model.fetchMore(QModelIndex())  # a no-op while a page is on its way
        return model._exhausted and not model._fetching

    qtbot.waitUntil(all_loaded, timeout=5000)
    assert model.rowCount() == PAGE * 2 + 50  # every page once, none twice
    assert len({e.id for e in model.entries}) == PAGE * 2 + 50
    qtmodeltester.check(model)
    model.runner.wait()


def test_model_filter_and_count(qtbot: QtBot, model: HistoryModel) -> None:
    counts: list[int] = []
    model.counted.connect(counts.append)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(HistoryFilter(receiver="user-3"))
    assert all(e.receiver == "user-3" for e in model.entries)
    qtbot.waitUntil(lambda: counts == [64], timeout=5000)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(HistoryFilter(text="number 17"))
    assert model.entries
    assert all("number 17" in e.request for e in model.entries)
    model.runner.wait()


def send_one(qtbot: QtBot, window: MainWindow, receiver: str, text: str = "hi") -> None:
    window.composer.load_payload(base(receiver=receiver, text=text))
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()
    qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=5000)


def test_panel_search_open_and_resend(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    send_one(qtbot, window, "sandbox-user-1", "first")
    send_one(qtbot, window, "status-6", "second")
    panel = window.history_panel
    window.modes.setCurrentIndex(1)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    panel.search.setText("first")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    panel.select_row(0)
    assert "first" in panel.request.toPlainText()
    assert panel.response.fields["status"].text() == "0 ok"
    panel.open_btn.click()
    assert window.modes.currentIndex() == 0
    assert window.composer.payload()["text"] == "first"

    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> Any:
        def ask(parent: Any, title: str, text: str, *a: Any) -> QMessageBox.StandardButton:
            asked.append(text)
            return reply

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    panel.select_row(0)
    panel.resend_btn.click()
    assert "sandbox-user-1" in asked[0] and "Sandbox" in asked[0]
    assert window.ctx.history is not None and window.ctx.history.count() == 2
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        panel.resend_btn.click()
    assert window.ctx.history.count() == 3
    window.ctx.runner.wait()


def test_compare_shows_both_sides() -> None:
    from viber_desktop.core.history import HistoryEntry

    def entry(i: int, text: str) -> HistoryEntry:
        return HistoryEntry(
            id=i,
            time=datetime(2026, 1, 1, tzinfo=UTC),
            profile="P",
            api_url="u",
            endpoint="send_message",
            receiver="r",
            type="text",
            sender_name="S",
            request=json.dumps(base(text=text)),
            bytes=1,
            outcome="ok",
            response='{"status":0}',
        )

    html = diff_html(entry(1, "Spring sale"), entry(2, "Winter sale"))
    assert "#1" in html and "#2" in html
    assert "sale" in html and "diff_chg" in html


def test_export_from_the_panel(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    send_one(qtbot, window, "sandbox-user-1")
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window.history_panel.export_btn.click()
    qtbot.waitUntil(target.exists, timeout=5000)
    assert "sandbox-user-1" in target.read_text(encoding="utf-8")


def test_save_and_open_template_in_the_window(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.composer.load_payload(base(text="template text"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Promo", True))
    window.message_actions.save_template()
    assert window.ctx.templates.names() == ["Promo"]
    window.composer.load_payload(base(text="other"))
    window.composer.load_payload(window.ctx.templates.load("Promo"))
    assert window.composer.payload()["text"] == "template text"


def test_copy_as_curl_hides_the_token_unless_asked(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.message_actions.copy_curl()
    text = QApplication.clipboard().text()
    assert "$VIBER_AUTH_TOKEN" in text and SANDBOX_TOKEN not in text
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.No)
    window.message_actions.copy_curl_with_token()
    assert QApplication.clipboard().text() == text
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.message_actions.copy_curl_with_token()
    qtbot.waitUntil(lambda: SANDBOX_TOKEN in QApplication.clipboard().text(), timeout=5000)


def test_killed_process_loses_nothing_typed_a_second_before(
    qtbot: QtBot, ctx: Any, app_dirs: dict[str, Path]
) -> None:
    script = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QTimer
        from viber_desktop.ui.app import make_app
        from viber_desktop.ui.context import build_context
        from viber_desktop.ui.main_window import MainWindow
        app = make_app()
        window = MainWindow(build_context())
        window.show()
        def type_it():
            window.composer.receiver.setText("typed-before-the-crash")
            print("typed", flush=True)
        QTimer.singleShot(200, type_it)
        app.exec()
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "typed"
        time.sleep(1.0)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
    restored = MainWindow(ctx)
    qtbot.addWidget(restored)
    assert restored.composer.receiver.text() == "typed-before-the-crash"


def test_the_table_by_keyboard_selects_a_row_and_tab_leaves_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    send_one(qtbot, window, "sandbox-user-1", "first")
    panel = window.history_panel
    window.modes.setCurrentIndex(1)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    assert plain(panel.model.data(panel.model.index(0, 3))) == "Text"  # the type in words
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.search.setFocus()
    for _ in range(20):
        if panel.table.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert panel.selected_rows() == [0]  # arriving by Tab shows the entry at once
    assert "first" in panel.request.toPlainText()
    qtbot.keyClick(panel.table, Qt.Key.Key_Tab)
    assert not panel.table.hasFocus()  # Tab goes on, not from cell to cell

"""The History tab tells the truth: details follow the list, compare shows outcomes, a summary."""

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.core.helpers import base
from viber_desktop.core.bidi import plain
from viber_desktop.core.history import STATE_LABELS, HistoryEntry, HistoryFilter, HistorySummary
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.text import body_bytes
from viber_desktop.services.history import HistoryStore
from viber_desktop.ui.history.compare import CompareDialog, diff_html
from viber_desktop.ui.history.model import local_time
from viber_desktop.ui.history.panel import HistoryPanel
from viber_desktop.ui.history.summary import summary_line
from viber_desktop.ui.tasks import TaskRunner

RESULTS = {
    "alice": ApiResult(outcome="ok", status=0, billing_status=5, message_token=2**62 + 1),
    "bob": ApiResult(outcome="api_error", status=6, status_message="notSubscribed"),
    "carol": ApiResult(outcome="not_sent", error="could not connect: refused"),
    "dave": ApiResult(outcome="unknown", error="no answer within 20 s"),
}


def record(store: HistoryStore, receiver: str, result: ApiResult | None, text: str = "hi") -> int:
    msg = base(receiver=receiver, text=text)
    entry = store.record_pending(
        profile="Sandbox",
        api_url="sandbox:",
        endpoint="send_message",
        body=body_bytes(msg),
        payload=msg,
    )
    if result is not None:
        store.record_result(entry, result)
    return entry


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    history = HistoryStore(tmp_path / "history.sqlite3")
    for receiver, result in RESULTS.items():
        record(history, receiver, result, f"text for {receiver}")
    record(history, "erin", None)  # still being sent
    yield history
    history.close()


@pytest.fixture
def panel(qtbot: QtBot, store: HistoryStore) -> Iterator[HistoryPanel]:
    runner = TaskRunner()
    widget = HistoryPanel(runner)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.model.loaded, timeout=5000):
        widget.set_store(store)
    widget.resize(1200, 700)
    widget.show()
    yield widget
    assert runner.wait(10_000)
    QApplication.processEvents()  # deliver the last answers while the panel is alive


def row_of(panel: HistoryPanel, receiver: str) -> int:
    return next(r for r, e in enumerate(panel.model.entries) if e.receiver == receiver)


def test_details_are_cleared_when_a_filter_hides_the_selected_entry(
    qtbot: QtBot, panel: HistoryPanel
) -> None:
    panel.select_row(row_of(panel, "alice"))
    assert "text for alice" in panel.request.toPlainText()
    assert panel.open_btn.isEnabled() and panel.resend_btn.isEnabled()

    with qtbot.waitSignal(panel.model.loaded, timeout=5000):
        panel.receiver.setText("bob")  # debounced: the list reloads a moment later
    assert [e.receiver for e in panel.model.entries] == ["bob"]
    assert panel.selected() == []
    assert not panel.open_btn.isEnabled()
    assert not panel.resend_btn.isEnabled()
    assert not panel.compare_btn.isEnabled()
    assert not panel.delete_btn.isEnabled()
    assert panel.request.toPlainText() == ""
    assert not panel.response.isVisible()  # no details of a hidden entry
    assert panel.details.currentWidget() is panel.placeholder
    assert panel.placeholder.text().startswith("Select an entry")
    opened: list[HistoryEntry] = []
    panel.open_requested.connect(opened.append)
    panel.open_btn.click()
    assert opened == []


def test_details_stay_when_the_new_list_still_shows_the_entry(
    qtbot: QtBot, panel: HistoryPanel
) -> None:
    panel.select_row(row_of(panel, "bob"))
    with qtbot.waitSignal(panel.model.loaded, timeout=5000):
        panel.search.setText("text for")
    assert [e.receiver for e in panel.selected()] == ["bob"]
    assert "text for bob" in panel.request.toPlainText()
    assert panel.open_btn.isEnabled() and panel.resend_btn.isEnabled()
    assert panel.response.fields["status"].text().startswith("6 ")


def test_two_selected_clears_single_details_and_enables_only_compare(panel: HistoryPanel) -> None:
    panel.select_row(row_of(panel, "alice"))
    assert panel.request.toPlainText()
    panel.table.selectionModel().select(
        panel.model.index(row_of(panel, "bob"), 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert panel.compare_btn.isEnabled()
    assert not panel.open_btn.isEnabled() and not panel.resend_btn.isEnabled()
    assert panel.request.toPlainText() == ""
    assert not panel.response.isVisible()
    assert "Compare" in panel.placeholder.text()


def test_outcomes_are_words_in_the_list_and_the_filter(panel: HistoryPanel) -> None:
    shown = {
        e.receiver: plain(panel.model.data(panel.model.index(r, 4)))
        for r, e in enumerate(panel.model.entries)
    }
    assert shown == {
        "alice": "Accepted",
        "bob": "Refused",
        "carol": "Not sent",
        "dave": "Outcome unknown",
        "erin": "Being sent",
    }
    reasons = {
        e.receiver: plain(panel.model.data(panel.model.index(r, 5)))
        for r, e in enumerate(panel.model.entries)
    }
    assert reasons["dave"] == "no answer within 20 s"  # why there is no status, in the list
    assert reasons["bob"] == "6 receiverNotSubscribed"
    items = [panel.outcome.itemText(i) for i in range(panel.outcome.count())]
    assert items == [
        "Any outcome",
        "Being sent",
        "Accepted",
        "Refused",
        "Not sent",
        "Outcome unknown",
    ]
    for text in items:
        assert "_" not in text
    assert set(STATE_LABELS) == {panel.outcome.itemData(i) for i in range(1, len(items))}


def test_compare_shows_both_outcomes_above_the_diff(
    qtbot: QtBot, panel: HistoryPanel, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[CompareDialog] = []
    monkeypatch.setattr(CompareDialog, "exec", lambda self: shown.append(self) or 0)
    panel.select_row(row_of(panel, "alice"))
    panel.table.selectionModel().select(
        panel.model.index(row_of(panel, "bob"), 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    panel.compare_btn.click()
    assert len(shown) == 1
    dialog = shown[0]
    qtbot.addWidget(dialog)
    text = dialog.view.toPlainText()
    alice, bob = (store.get(e.id) for e in sorted(panel.selected(), key=lambda e: e.id))
    assert alice is not None and bob is not None
    for expected in (
        "Accepted",
        "Refused",
        "0 ok",
        "6 receiverNotSubscribed (notSubscribed)",
        "5 outOfSessionBilledMessage: Charged out-of-session message.",
        "alice",
        "bob",
        local_time(alice),
        local_time(bob),
    ):
        assert expected in text, expected
    assert text.index("Refused") < text.index("Request") < text.index("Response")
    assert "api_error" not in text


def test_compare_escapes_and_isolates_hostile_receivers(store: HistoryStore) -> None:
    first = store.get(record(store, "<img src=x>\u05e9\u05dc\u05d5\u05dd", RESULTS["dave"]))
    second = store.get(record(store, "x", ApiResult(outcome="ok", status=0, billing_status=99)))
    assert first is not None and second is not None
    page = diff_html(first, second)
    assert "<img" not in page and "&lt;img src=x&gt;" in page
    assert "\u2068&lt;img" in page  # isolated: RTL text cannot reorder the table
    assert "99 (a billing status this app does not know)" in page
    assert "Outcome unknown" in page and "no answer within 20 s" in page


def test_summary_counts_what_is_shown_off_the_gui_thread(
    qtbot: QtBot, panel: HistoryPanel, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.waitUntil(lambda: panel.summary.text().startswith("5 shown"), timeout=5000)
    assert panel.summary.text() == (
        "5 shown: 1 accepted, 1 refused, 1 not sent, 1 outcome unknown, 1 being sent"
        " · 1 billed, 0 free"
    )
    assert "5 outOfSessionBilledMessage" in panel.summary.toolTip()
    threads: list[str] = []
    real = store.summary

    def spy(flt: HistoryFilter | None = None) -> HistorySummary:
        threads.append(threading.current_thread().name)
        return real(flt)

    monkeypatch.setattr(store, "summary", spy)
    panel.outcome.setCurrentIndex(panel.outcome.findData("api_error"))
    qtbot.waitUntil(lambda: panel.summary.text().startswith("1 shown"), timeout=5000)
    assert panel.summary.text() == "1 shown: 1 refused"
    assert threads and threading.main_thread().name not in threads
    panel.outcome.setCurrentIndex(0)
    for typed in ("t", "te", "text for"):  # typing: counted once, when it stops
        panel.search.setText(typed)
    qtbot.waitUntil(lambda: panel.summary.text().startswith("4 shown"), timeout=5000)
    assert len(threads) == 3  # "refused", "any outcome", then the typed search once


def test_summary_of_an_empty_list(qtbot: QtBot, panel: HistoryPanel) -> None:
    panel.receiver.setText("nobody")
    qtbot.waitUntil(lambda: panel.summary.text() == "No entries match the filter.", timeout=5000)
    assert panel.placeholder.text() == "No entry to show."


def test_summary_line_counts_thousands_and_billing() -> None:
    summary = HistorySummary.from_counts(
        [
            ("ok", 5, 312),
            ("ok", 0, 788),
            ("api_error", None, 80),
            ("not_sent", None, 20),
            ("unknown", None, 4),
        ]
    )
    assert summary_line(summary) == (
        "1,204 shown: 1,100 accepted, 80 refused, 20 not sent, 4 outcome unknown"
        " · 312 billed, 788 free"
    )

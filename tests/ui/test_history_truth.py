"""The History tab tells the truth: details follow the list, compare shows outcomes, a summary."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.core.helpers import base
from viber_desktop.core.history import STATE_LABELS, HistoryEntry
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.text import body_bytes
from viber_desktop.services.history import HistoryStore
from viber_desktop.ui.history.panel import HistoryPanel
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
    assert "alice" not in panel.response.headline.text()
    assert panel.response.headline.text().startswith("Select an entry")
    assert all(not f.text() for f in panel.response.fields.values())
    assert not panel.response.raw_toggle.isEnabled()
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
    from PySide6.QtCore import QItemSelectionModel

    panel.table.selectionModel().select(
        panel.model.index(row_of(panel, "bob"), 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert panel.compare_btn.isEnabled()
    assert not panel.open_btn.isEnabled() and not panel.resend_btn.isEnabled()
    assert panel.request.toPlainText() == ""
    assert "Compare" in panel.response.headline.text()


def test_outcomes_are_words_in_the_list_and_the_filter(panel: HistoryPanel) -> None:
    shown = {
        e.receiver: panel.model.data(panel.model.index(r, 4))
        for r, e in enumerate(panel.model.entries)
    }
    assert shown == {
        "alice": "Accepted",
        "bob": "Refused",
        "carol": "Not sent",
        "dave": "Outcome unknown",
        "erin": "Being sent",
    }
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

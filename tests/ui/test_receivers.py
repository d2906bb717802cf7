"""The Receivers menu in the window: the book, completion with labels, lookups within Viber's
limit, the older-Viber question before a send, and list sends with progress and Stop.

Real widgets, the context's loopback sandbox, real SQLite files in tmp_path.
"""

import itertools
import json
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_send_flow import answer_next_box
from viber_desktop.core.history import HistoryFilter
from viber_desktop.sandbox.server import Sandbox
from viber_desktop.services.receivers import ReceiverStore
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.receivers.book_dialog import BookDialog
from viber_desktop.ui.receivers.list_send_dialog import ListSendDialog
from viber_desktop.ui.receivers.lookup_dialog import LookupDialog

Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No
PROFILE = "Sandbox"
# The offscreen platform cannot raise a window or grab the keyboard for a completion popup.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


@pytest.fixture
def sb(ctx: AppContext) -> Sandbox:
    return ctx.sandbox.running()


@pytest.fixture
def book(ctx: AppContext) -> ReceiverStore:
    """The window's own book in tmp_path (the test writes to it directly, as a CLI would)."""
    return ctx.book()


def message(receiver: str, **extra: Any) -> dict[str, Any]:
    return {
        "receiver": receiver,
        "type": "text",
        "text": "Hello",
        "sender": {"name": "Shop"},
        **extra,
    }


def requests_to(sandbox: Sandbox, endpoint: str) -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in sandbox.requests if r.path.endswith("/" + endpoint)]


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item.text()


def open_book(qtbot: QtBot, window: MainWindow) -> BookDialog:
    dialog = window.receiver_actions.open_book()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.ready and not dialog.busy)
    return dialog


def look_up(qtbot: QtBot, window: MainWindow, receiver: str) -> LookupDialog:
    dialog = open_book(qtbot, window)
    qtbot.waitUntil(lambda: any(r.id == receiver for r in dialog.shown))
    dialog.select_ids([receiver])
    lookup = dialog.look_up_selected()
    assert lookup is not None
    qtbot.waitUntil(lambda: not lookup.busy and lookup.lookup is not None)
    return lookup


def ask(qtbot: QtBot, lookup: LookupDialog) -> None:
    lookup.ask_viber()
    qtbot.waitUntil(lambda: not lookup.busy, timeout=10_000)


# --- completion and labels --------------------------------------------------------------------


def test_the_receiver_field_completes_labels_and_recent_receivers_and_inserts_the_id(
    qtbot: QtBot, window: MainWindow, book: ReceiverStore, sb: Sandbox
) -> None:
    window.composer.load_payload(message("sandbox-user-3"))
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()
    book.put(PROFILE, "sandbox-user-2", label="Anna, iPhone test")
    window.receiver_hints.refresh()
    model = window.composer.receiver_model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    shown = [model.item(row).text() for row in range(model.rowCount())]
    assert shown == ["Anna, iPhone test (sandbox-user-2)", "sandbox-user-3"]

    field = window.composer.receiver
    field.clear()
    field.setFocus()
    qtbot.keyClicks(field, "iphone")
    popup = window.composer.receiver_completer.popup()
    assert isinstance(popup, QAbstractItemView)
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: field.text() == "sandbox-user-2")
    assert window.doc.data["receiver"] == "sandbox-user-2"
    # The line under the field names the receiver by its label.
    note = window.composer.receiver_note
    qtbot.waitUntil(lambda: note.isVisible() and "Anna, iPhone test" in note.text())


def test_the_response_panel_shows_the_label_beside_the_id(
    qtbot: QtBot, window: MainWindow, book: ReceiverStore, sb: Sandbox
) -> None:
    book.put(PROFILE, "sandbox-user-1", label="Anna")
    window.composer.load_payload(message("sandbox-user-1"))
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()
    assert "to “Anna (sandbox-user-1)”" in window.response.context.text()


# --- the book ---------------------------------------------------------------------------------


def test_the_book_adds_from_the_field_edits_lists_exports_and_imports(
    qtbot: QtBot, window: MainWindow, book: ReceiverStore, tmp_path: Path
) -> None:
    window.composer.load_payload(message("sandbox-user-1"))
    dialog = open_book(qtbot, window)
    assert dialog.add_field_btn.isEnabled()
    from viber_desktop.ui.receivers.edit_dialog import Entry

    dialog.save(Entry("sandbox-user-1", "Anna", "test phone", ["QA", "iPhone"]))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1 and not dialog.busy)
    assert cell(dialog.table, 0, 0) == "Anna"
    assert cell(dialog.table, 0, 2) == "QA; iPhone"
    assert "Added Anna (sandbox-user-1)" in dialog.message.text()

    dialog.add_to_list("QA phones", ["sandbox-user-1"])
    qtbot.waitUntil(lambda: dialog.show_combo.count() == 2 and not dialog.busy)
    assert dialog.show_combo.itemText(1) == "List “QA phones” (1)"
    dialog.show_combo.setCurrentIndex(1)
    assert dialog.delete_list_btn.isEnabled()

    out = tmp_path / "book.csv"
    dialog.export_csv(out)
    qtbot.waitUntil(lambda: out.exists() and not dialog.busy)
    assert "sandbox-user-1,Anna,test phone,QA; iPhone,QA phones" in out.read_text("utf-8-sig")

    dialog.delete_list("QA phones")
    qtbot.waitUntil(lambda: dialog.show_combo.count() == 1 and not dialog.busy)
    assert dialog.shown_list() == "" and dialog.table.rowCount() == 1
    dialog.remove(["sandbox-user-1"])
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0 and not dialog.busy)
    dialog.import_csv(out)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1 and not dialog.busy)
    assert "1 added" in dialog.message.text()
    assert book.get(PROFILE, "sandbox-user-1") is not None


def test_a_damaged_book_is_said_in_words(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database at all" * 100)
    ctx.book_path = damaged
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    dialog = window.receiver_actions.open_book()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "damaged" in dialog.message.text())
    assert "Move or rename that file" in dialog.message.text()


# --- lookups ----------------------------------------------------------------------------------


def test_lookup_shows_details_and_age_and_refuses_a_third_call_in_words(
    qtbot: QtBot, window: MainWindow, book: ReceiverStore, sb: Sandbox
) -> None:
    book.put(PROFILE, "sandbox-user-old", label="Olga")
    lookup = look_up(qtbot, window, "sandbox-user-old")
    assert lookup.age.text().startswith("Not looked up yet.")
    assert "2 left now" in lookup.age.text()

    ask(qtbot, lookup)
    assert lookup.fields["name"].text() == "Olga (sandbox, old phone)"
    assert lookup.fields["api_version"].text() == "2"
    assert lookup.fields["primary_device_os"].text() == "Android 5.1"
    assert lookup.fields["device_type"].text() == "GT-I9300"
    assert lookup.fields["country"].text() == "PL"
    assert "Viber's answer from just now" in lookup.age.text()
    assert "1 left now" in lookup.age.text()
    assert lookup.avatar.toolTip().endswith("/sandbox-user-old.jpg")

    ask(qtbot, lookup)
    assert "0 left now" in lookup.age.text()
    assert not lookup.ask.isEnabled()
    ask(qtbot, lookup)  # as a second window or a stale button would
    text = lookup.message.text()
    assert "Viber allows 2 lookups of a receiver every 12 hours" in text
    assert "Olga was looked up 2 times already" in text
    assert "Nothing was asked." in text
    assert len(requests_to(sb, "get_user_details")) == 2
    # The kept answer is still shown.
    assert lookup.fields["api_version"].text() == "2"


def test_who_is_online_asks_once_for_the_shown_receivers(
    qtbot: QtBot, window: MainWindow, book: ReceiverStore, sb: Sandbox
) -> None:
    for rid in ("sandbox-user-1", "sandbox-user-2", "sandbox-user-3"):
        book.put(PROFILE, rid)
    dialog = open_book(qtbot, window)
    dialog.ask_online()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert "online state of 3" in dialog.message.text(), dialog.message.text()
    assert len(requests_to(sb, "get_online")) == 1
    states = {cell(dialog.table, row, 1): cell(dialog.table, row, 6) for row in range(3)}
    assert states["sandbox-user-1"] == "online"
    assert states["sandbox-user-2"].startswith("offline · last seen 2 h")
    assert states["sandbox-user-3"] == "undisclosed"


# --- compatibility ----------------------------------------------------------------------------


def test_an_older_viber_is_said_under_the_receiver_and_asked_about_before_sending(
    qtbot: QtBot, window: MainWindow, book: ReceiverStore, sb: Sandbox
) -> None:
    book.put(PROFILE, "sandbox-user-old", label="Olga")
    window.composer.load_payload(message("sandbox-user-old", min_api_version=3))
    note = window.composer.receiver_note
    qtbot.waitUntil(lambda: note.text() == "Olga")
    lookup = look_up(qtbot, window, "sandbox-user-old")
    ask(qtbot, lookup)
    lookup.close()  # the window reads the kept answer's API level
    expected = "Olga's Viber supports API level 2; this message needs 3"
    qtbot.waitUntil(lambda: expected in note.text())
    assert "status 13" in note.text()
    shown = window.findings._findings  # the findings list says it too
    assert any(f.code == "receiver_api_level" and expected in f.message for f in shown)

    seen: list[str] = []
    answer_next_box(No, seen)
    with qtbot.waitSignal(window.send_flow.state_changed, timeout=10_000):
        window.send()
    qtbot.waitUntil(lambda: bool(seen) and not window.send_flow.busy)
    assert expected in seen[0]
    assert requests_to(sb, "send_message") == []
    assert "you chose not to send" in window.response.headline.text()

    answer_next_box(Yes, seen)
    with qtbot.waitSignal(window.send_finished, timeout=15_000) as finished:
        window.send()
    result = finished.args[0]
    assert result.status == 13
    assert len(requests_to(sb, "send_message")) == 1

    # A message that fits is sent without the question.
    window.composer.load_payload(message("sandbox-user-old"))
    qtbot.waitUntil(lambda: expected not in note.text())
    assert not any(f.code == "receiver_api_level" for f in window.findings._findings)
    with qtbot.waitSignal(window.send_finished, timeout=15_000) as finished:
        window.send()
    assert finished.args[0].outcome == "ok"
    assert len(seen) == 2


# --- list sends -------------------------------------------------------------------------------


def start_list_send(qtbot: QtBot, window: MainWindow, name: str, seen: list[str]) -> ListSendDialog:
    actions = window.receiver_actions
    answer_next_box(Yes, seen)
    actions.send_to_list(name)
    qtbot.waitUntil(lambda: actions.list_dialog is not None, timeout=10_000)
    dialog = actions.list_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_a_list_send_confirms_shows_each_outcome_skips_with_reasons_and_records_each(
    qtbot: QtBot, window: MainWindow, book: ReceiverStore, sb: Sandbox, ctx: AppContext
) -> None:
    members = [
        "sandbox-user-1",
        "sandbox-user-old",
        "sandbox-user-2",
        "fault-http500",
        "sandbox-user-3",
    ]
    for rid in members:
        book.put(PROFILE, rid, label=rid.removeprefix("sandbox-").title(), lists=["QA phones"])
    lookup = look_up(qtbot, window, "sandbox-user-old")
    ask(qtbot, lookup)
    lookup.close()
    window.composer.load_payload(message("", min_api_version=3))
    seen: list[str] = []
    dialog = start_list_send(qtbot, window, "QA phones", seen)
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)

    assert "the 5 receiver(s) of the list “QA phones” with the profile “Sandbox”" in seen[0]
    assert "at most 50 receivers" in seen[0] and "not for campaigns" in seen[0]
    assert "1 receiver(s) have a Viber older" in seen[0] and "User-Old" in seen[0]
    outcomes = [cell(dialog.table, row, 2) for row in range(5)]
    assert outcomes[0] == "accepted"
    assert outcomes[1] == "skipped"
    assert "supports API level 2; this message needs 3" in cell(dialog.table, 1, 3)
    assert outcomes[2] == "accepted"
    # A refusal that would come back for everyone stops the list; the rest are not tried.
    assert outcomes[3] != "accepted"
    assert outcomes[4] == "not tried"
    assert dialog.progress.value() == 5
    assert dialog.summary().startswith("Done: 5 receiver(s): accepted: 2, skipped: 1,")
    sent = [b["receiver"] for b in requests_to(sb, "send_message")]
    assert sent == ["sandbox-user-1", "sandbox-user-2", "fault-http500"]
    assert ctx.history is not None
    recorded = [e.receiver for e in ctx.history.query(HistoryFilter(profile=PROFILE), limit=10)]
    assert sorted(recorded) == sorted(sent)


def test_stop_after_this_one_ends_the_list_without_freezing_the_window(
    qtbot: QtBot, window: MainWindow, book: ReceiverStore, sb: Sandbox
) -> None:
    for rid in ("fault-delay-1.5", "sandbox-user-1", "sandbox-user-2"):
        book.put(PROFILE, rid, lists=["Slow"])
    window.composer.load_payload(message(""))
    ticks: list[float] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    seen: list[str] = []
    dialog = start_list_send(qtbot, window, "Slow", seen)
    qtbot.waitUntil(lambda: cell(dialog.table, 0, 2) == "sending…")
    qtbot.mouseClick(dialog.stop_btn, Qt.MouseButton.LeftButton)
    assert "Stopping after the current receiver" in dialog.status.text()
    assert not dialog.close_btn.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=15_000)
    timer.stop()

    assert cell(dialog.table, 0, 2) == "accepted"
    assert cell(dialog.table, 0, 3).startswith("The sandbox accepted the message.")  # not Viber
    assert [cell(dialog.table, row, 2) for row in (1, 2)] == ["not tried"] * 2
    assert "you stopped the list send" in cell(dialog.table, 1, 3)
    assert [b["receiver"] for b in requests_to(sb, "send_message")] == ["fault-delay-1.5"]
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 30 and max(gaps) < 0.5, f"the window froze for {max(gaps):.2f} s"
    assert dialog.close_btn.isEnabled()


def test_a_list_over_the_list_send_maximum_is_refused_in_words(
    qtbot: QtBot, window: MainWindow, book: ReceiverStore, sb: Sandbox
) -> None:
    for n in range(51):
        book.put(PROFILE, f"sandbox-user-{n + 10}", lists=["Big"])
    window.composer.load_payload(message(""))
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Ok, seen)
    window.receiver_actions.send_to_list("Big")
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "The list 'Big' has 51 receivers" in seen[0]
    assert "at most 50 receivers" in seen[0] and "Nothing was sent" in seen[0]
    assert requests_to(sb, "send_message") == []


def test_closing_the_window_during_a_list_send_stops_after_the_current_one_then_closes(
    qtbot: QtBot, window: MainWindow, book: ReceiverStore, sb: Sandbox
) -> None:
    for rid in ("fault-delay-1", "sandbox-user-1"):
        book.put(PROFILE, rid, lists=["Slow"])
    window.composer.load_payload(message(""))
    seen: list[str] = []
    dialog = start_list_send(qtbot, window, "Slow", seen)
    qtbot.waitUntil(lambda: cell(dialog.table, 0, 2) == "sending…")
    answer_next_box(No, seen)
    window.close()
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert "The message is being sent to the list “Slow” (0 of 2 done)" in seen[1]
    assert window.isVisible() and dialog.running
    answer_next_box(Yes, seen)
    window.close()
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert window.isVisible()  # still waiting for the current receiver's answer
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=15_000)
    assert [cell(dialog.table, row, 2) for row in (0, 1)] == ["accepted", "not tried"]
    assert [b["receiver"] for b in requests_to(sb, "send_message")] == ["fault-delay-1"]


def test_typing_and_sending_never_create_a_book(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, sb: Sandbox, app_dirs: dict[str, Path]
) -> None:
    window.composer.load_payload(message("sandbox-user-1"))
    window.receiver_hints.refresh()
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()
    qtbot.waitUntil(lambda: not ctx.runner.busy)
    assert not (app_dirs["data"] / "receivers.sqlite3").exists()
    assert window.composer.receiver_model.rowCount() == 1  # the history's recent receiver

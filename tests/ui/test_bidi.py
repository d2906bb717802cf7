"""Mixed-direction texts are built with Unicode isolates, so they read right in a right-to-left
window: pointers, codes, IDs and times left to right, names and messages in their own direction."""

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viber_desktop.core.bidi import FSI, LRI, PDI, isolate, ltr, named, plain
from viber_desktop.core.findings import CheckReport, Finding
from viber_desktop.core.history import HistoryEntry
from viber_desktop.ui.findings_panel import FindingsPanel
from viber_desktop.ui.history.model import _cell, local_time
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.response_panel import ResponsePanel


def test_the_helpers() -> None:
    assert ltr("/sender/name") == f"{LRI}/sender/name{PDI}"
    assert isolate("Add profile…") == f"{FSI}Add profile…{PDI}"
    assert ltr("") == isolate("") == ""  # nothing to isolate: no stray marks
    assert named("שלום", "user-1") == f"{FSI}{FSI}שלום{PDI} ({LRI}user-1{PDI}){PDI}"
    assert plain(named("Anna", "user-1")) == "Anna (user-1)"


def _entry(**kw: Any) -> HistoryEntry:
    base: dict[str, Any] = {
        "id": 1,
        "time": datetime(2026, 11, 27, 22, 43, 13, tzinfo=UTC),
        "profile": "Shop",
        "api_url": "https://chatapi.viber.com/pa",
        "endpoint": "send_message",
        "receiver": "user-1",
        "type": "text",
        "sender_name": "Shop",
        "request": "{}",
        "bytes": 176,
        "outcome": "api_error",
        "status": 6,
        "status_name": "receiverNotSubscribed",
    }
    base.update(kw)
    return HistoryEntry(**base)


def test_history_cells_keep_times_codes_and_ids_left_to_right() -> None:
    entry = _entry()
    assert _cell(entry, 0) == ltr(local_time(entry))  # not "22:43:13 2026-11-27"
    assert _cell(entry, 5) == ltr("6 receiverNotSubscribed")  # not "receiverNotSubscribed 6"
    assert _cell(entry, 2) == ltr("user-1")  # not "1-user"
    assert _cell(entry, 1) == isolate("Shop")
    failed = _entry(status=None, status_name=None, error="HTTP 500 with an HTTP error")
    assert _cell(failed, 5) == isolate("HTTP 500 with an HTTP error")


def test_a_finding_reads_pointer_then_message(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    message = "sender.name is 30 characters; the limit is 28. Shorten it by 2."
    finding = Finding("error", "/sender/name", "too_long", message)
    panel.show_report(CheckReport((finding,), 100, 1))
    text = panel.list.item(0).text()
    assert text == f"✖ {ltr('/sender/name')}: {isolate(message)}"  # not "Shorten .it by 2"
    panel.deleteLater()


def test_buttons_ending_in_an_ellipsis_are_isolated(window: MainWindow) -> None:
    for button in (
        window.profile_bar.add_btn,
        window.profile_bar.token_btn,
        window.history_panel.resend_btn,
        window.history_panel.book_btn,
    ):
        text = button.text()
        assert text.startswith(FSI) and text.endswith(f"…{PDI}"), text  # not "…Add profile"


def test_response_codes_and_numbers_read_left_to_right(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        panel = ResponsePanel()
        qtbot.addWidget(panel)
        for key in ("status", "message_token", "chat_hostname", "endpoint"):
            value = panel.fields[key]
            assert value.layoutDirection() == Qt.LayoutDirection.LeftToRight, key
            assert value.alignment() & Qt.AlignmentFlag.AlignRight, key  # beside its name
        words = panel.fields["status_message"]  # the server's words: the window's direction
        assert words.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

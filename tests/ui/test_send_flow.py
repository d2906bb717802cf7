"""The window tells the truth about a send: what the answer is for, refusals, waiting, closing."""

import json
import re
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.core.helpers import base
from viber_desktop.core.body_token import BODY_TOKEN_NOTICE
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.sandbox.server import Sandbox
from viber_desktop.services.settings import Profile
from viber_desktop.services.vault import TokenVault
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.response_panel import ResponsePanel

Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No


@pytest.fixture
def sb(ctx: AppContext) -> Sandbox:
    """The Sandbox profile's own server: the context's (the one the window sends to)."""
    return ctx.sandbox.running()


def sends(sandbox: Sandbox) -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in sandbox.requests if r.path.endswith("/send_message")]


def answer_next_box(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click ``button`` in the next message box that opens (it runs its own event loop)."""
    tries = [0]

    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        elif tries[0] < 500:
            tries[0] += 1
            QTimer.singleShot(10, click)

    QTimer.singleShot(0, click)


def send_and_wait(qtbot: QtBot, window: MainWindow, receiver: str) -> None:
    window.composer.load_payload(base(receiver=receiver))
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()


def finish_background(qtbot: QtBot, window: MainWindow) -> None:
    """Let sends the window stopped waiting for end inside the test."""
    qtbot.waitUntil(lambda: not window.ctx.runner.detached_busy, timeout=15_000)


def test_the_panel_names_receiver_profile_endpoint_time_and_the_sandbox(
    qtbot: QtBot, window: MainWindow, sb: Sandbox
) -> None:
    send_and_wait(qtbot, window, "sandbox-user-1")
    panel = window.response
    assert panel.headline.text() == "✔ Accepted by the sandbox"
    assert "Viber" not in panel.headline.text()
    context = panel.context.text()
    assert "“sandbox-user-1”" in context and "“Sandbox”" in context
    assert re.search(r"sent at \d\d:\d\d:\d\d", context)
    assert panel.fields["endpoint"].text() == f"{sb.base_url}/send_message"
    assert (
        window.statusBar().currentMessage().startswith("Accepted by the sandbox — “sandbox-user-1”")
    )
    assert not panel.banner.isVisible() and not panel.stale

    send_and_wait(qtbot, window, "status-6")
    assert panel.headline.text() == "✖ Refused by the sandbox"
    assert window.statusBar().currentMessage().startswith("Refused by the sandbox")


def test_an_edit_or_another_profile_marks_the_result_as_earlier(
    qtbot: QtBot, window: MainWindow
) -> None:
    send_and_wait(qtbot, window, "sandbox-user-1")
    panel = window.response
    window.composer.receiver.setFocus()
    qtbot.keyClicks(window.composer.receiver, "0")
    assert panel.stale and panel.banner.isVisible() and panel.dim.isEnabled()
    banner = panel.banner.text()
    assert banner.startswith("Earlier result — for the message as it was sent at ")
    assert "to “sandbox-user-1”" in banner and "The message has changed since." in banner
    assert "Accepted" not in window.statusBar().currentMessage()
    qtbot.keyClick(window.composer.receiver, Qt.Key.Key_Backspace)  # back to what was sent
    assert not panel.stale and not panel.banner.isVisible()

    window.ctx.settings.profiles.append(Profile(name="Work", api_url="http://127.0.0.1:9/pa"))
    window.profile_bar.fill()
    window.profile_bar.combo.setCurrentIndex(window.profile_bar.combo.findData("Work"))
    assert panel.stale and "The profile has changed since." in panel.banner.text()
    qtbot.waitUntil(lambda: not window.ctx.runner.busy)


def test_ctrl_enter_with_errors_says_why_and_points_at_the_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    send_and_wait(qtbot, window, "sandbox-user-1")
    assert "Accepted" in window.statusBar().currentMessage()
    window.composer.load_payload(base(receiver="", text=""))
    window.tabs.setCurrentIndex(0)
    assert not window.send_btn.isEnabled()
    window.composer.sender_name.setFocus()
    qtbot.keyClick(
        window.composer.sender_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    message = window.statusBar().currentMessage()
    assert message == "Not sent: 2 problems must be fixed first — Receiver must not be empty."
    panel = window.response
    assert window.tabs.currentWidget() is panel
    assert panel.headline.text() == "⏹ Not sent: 2 problems must be fixed first"
    assert "Receiver must not be empty." in panel.explanation.text()
    assert "Accepted" not in panel.headline.text() + message
    current = window.findings.list.currentItem()
    assert current is not None and "/receiver" in current.text()
    qtbot.waitUntil(window.composer.receiver.hasFocus)
    assert len(window.ctx.history.query()) == 1  # type: ignore[union-attr]


def test_sending_shows_busy_state_and_stop_waiting_abandons_without_resending(
    qtbot: QtBot, window: MainWindow, sb: Sandbox
) -> None:
    window.composer.load_payload(base(receiver="fault-delay-6"))
    window.send()
    qtbot.waitUntil(lambda: window.send_btn.text() == "Sending…")
    assert window.send_bar.busy.isVisible() and window.send_bar.busy.maximum() == 0  # indeterminate
    assert window.send_bar.stop_btn.isVisible() and not window.send_btn.isEnabled()
    panel = window.response
    assert panel.headline.text() == "Sending to “fault-delay-6”…"
    qtbot.waitUntil(lambda: "Waiting for an answer… 1 s" in panel.explanation.text(), timeout=3000)

    # The Send action's handler, not a key: offscreen, a window left inactive by an earlier
    # test's dialog gets no shortcuts (Ctrl+Enter itself is tested with errors above).
    window.send()
    assert window.statusBar().currentMessage().startswith("A send is already in progress")
    with qtbot.waitSignal(window.send_finished) as finished:
        qtbot.mouseClick(window.send_bar.stop_btn, Qt.MouseButton.LeftButton)
    assert finished.args == [None]
    assert panel.headline.text().startswith("⚠ Outcome unknown: stopped waiting after ")
    explanation = panel.explanation.text()
    assert "may have been" in explanation and "did not cancel or resend" in explanation
    assert "Check the receiver's chat" in explanation
    assert window.send_btn.isEnabled() and window.send_btn.text() == "&Send"
    bar = window.send_bar
    qtbot.waitUntil(lambda: not bar.stop_btn.isVisible() and not bar.busy.isVisible())
    window.modes.setCurrentWidget(window.history_panel)  # the user looks at the history
    qtbot.waitUntil(lambda: window.history_panel.model.rowCount() == 1)  # listed while pending
    assert window.history_panel.model.entries[0].outcome == "pending"

    # The late answer replaces "unknown" on the panel: it never contradicts the history.
    qtbot.waitUntil(lambda: "the answer arrived later" in panel.notes.text(), timeout=15_000)
    assert panel.headline.text() == "✔ Accepted by the sandbox"
    assert "Nothing was resent" in panel.notes.text()
    assert window.statusBar().currentMessage().startswith("The answer to the send you stopped")
    assert len(sends(sb)) == 1  # never resent
    [entry] = window.ctx.history.query()  # type: ignore[union-attr]
    assert entry.outcome == "ok"  # the background send recorded the real answer
    finish_background(qtbot, window)


def test_a_late_answer_never_overwrites_a_newer_send(qtbot: QtBot, window: MainWindow) -> None:
    window.composer.load_payload(base(receiver="fault-delay-2"))
    window.send()
    qtbot.waitUntil(lambda: window.send_bar.stop_btn.isVisible())
    window.stop_waiting()
    send_and_wait(qtbot, window, "sandbox-user-2")
    finish_background(qtbot, window)
    panel = window.response
    assert panel.headline.text() == "✔ Accepted by the sandbox"
    assert "“sandbox-user-2”" in panel.context.text()
    assert "later answer" not in panel.notes.text()
    outcomes = {e.receiver: e.outcome for e in window.ctx.history.query()}  # type: ignore[union-attr]
    assert outcomes == {"fault-delay-2": "ok", "sandbox-user-2": "ok"}


def test_closing_during_a_send_asks_and_does_not_wait_for_the_answer(
    qtbot: QtBot, ctx: AppContext, sb: Sandbox
) -> None:
    win = MainWindow(ctx)  # not handed to qtbot: this test deletes it itself
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=10_000)
    win.composer.load_payload(base(receiver="fault-delay-3"))
    win.send()
    qtbot.waitUntil(lambda: win.send_bar.stop_btn.isVisible())

    seen: list[str] = []
    answer_next_box(No, seen)
    win.close()
    assert win.isVisible() and "Close anyway?" in seen[0]
    assert "'outcome unknown' if no answer arrives" in seen[0]

    answer_next_box(Yes, seen)
    started = time.perf_counter()
    win.close()
    took = time.perf_counter() - started
    assert not win.isVisible()
    assert took < 1.0, f"closing took {took:.2f} s"
    win.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(win))  # gone before its answer arrives
    qtbot.waitUntil(lambda: not ctx.runner.detached_busy, timeout=10_000)  # late answer: quiet
    [entry] = ctx.history.query()  # type: ignore[union-attr]
    assert entry.outcome == "ok"


def test_a_limited_receiver_asks_first_naming_the_rule(
    qtbot: QtBot, window: MainWindow, sb: Sandbox
) -> None:
    send_and_wait(qtbot, window, "status-12")
    window.composer.load_payload(base(receiver="status-12"))
    seen: list[str] = []
    answer_next_box(No, seen)
    window.send()
    qtbot.waitUntil(lambda: bool(seen))
    assert "Viber allows 100 messages an hour to one user who has not replied" in seen[0]
    assert "status 12 (tooManyRequests)" in seen[0] and "less than an hour ago" in seen[0]
    qtbot.waitUntil(window.send_btn.isEnabled)
    assert len(sends(sb)) == 1
    assert (
        window.statusBar().currentMessage() == "Not sent: you chose not to send to “status-12” now."
    )
    assert window.response.headline.text() == "⏹ Not sent: you chose not to send"
    assert "Viber allows 100 messages an hour" in window.response.explanation.text()

    answer_next_box(Yes, seen)
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()
    assert len(sends(sb)) == 2


def test_a_receiver_at_100_messages_this_hour_asks_first(
    qtbot: QtBot, window: MainWindow, sb: Sandbox
) -> None:
    history = window.ctx.history
    assert history is not None
    for _ in range(100):
        entry = history.record_pending(
            profile="Sandbox",
            api_url=sb.base_url,
            endpoint="send_message",
            body=b"{}",
            payload={"receiver": "sandbox-user-3"},
        )
        history.record_result(entry, ApiResult(outcome="ok", status=0))
    window.composer.load_payload(base(receiver="sandbox-user-3"))
    seen: list[str] = []
    answer_next_box(No, seen)
    window.send()
    qtbot.waitUntil(lambda: bool(seen))
    assert "100 messages went to “sandbox-user-3” in the last hour." in seen[0]
    assert "Viber allows 100 messages an hour" in seen[0]
    qtbot.waitUntil(window.send_btn.isEnabled)
    assert sends(sb) == []


def test_a_token_in_the_body_is_not_sent_and_the_user_is_told(
    qtbot: QtBot, window: MainWindow, sb: Sandbox
) -> None:
    window.composer.load_payload(base(receiver="sandbox-user-1", auth_token="secret-in-body-1"))
    assert "auth_token" in window.composer.payload()
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()
    [sent] = sends(sb)
    assert "auth_token" not in sent
    assert window.response.notes.text().count(BODY_TOKEN_NOTICE) == 1
    [entry] = window.ctx.history.query()  # type: ignore[union-attr]
    assert "secret-in-body-1" not in entry.request


def test_no_token_is_a_plain_refusal(qtbot: QtBot, window: MainWindow) -> None:
    window.ctx.settings.profiles.append(Profile(name="Work"))
    window.profile_bar.fill()
    window.profile_bar.combo.setCurrentIndex(window.profile_bar.combo.findData("Work"))
    window.composer.load_payload(base(receiver="someone"))
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()
    panel = window.response
    assert panel.headline.text() == "⏹ Not sent"
    assert "No bot token is stored for the profile “Work”. Press Token…" in (
        panel.explanation.text()
    )
    assert "viber-desktop token set" not in panel.explanation.text()  # no CLI advice in the window
    assert window.statusBar().currentMessage().startswith("Not sent: no bot token")
    assert panel.fields["endpoint"].text() == "https://chatapi.viber.com/pa/send_message"
    qtbot.waitUntil(lambda: not window.ctx.runner.busy)


class AskedVault(TokenVault):
    """The window's vault, noting what it was asked."""

    def __init__(self) -> None:
        super().__init__(separate=True)
        self.asked: list[str] = []

    def get(self, profile: str) -> str | None:
        self.asked.append(profile)
        return super().get(profile)


def test_a_send_asks_the_windows_own_vault(qtbot: QtBot, window: MainWindow) -> None:
    """Its calls go through helper processes (secret_process.py): a vault made on the spot
    would load the Secret Service's encryption into the window."""
    window.ctx.vault = tokens = AskedVault()
    window.ctx.settings.profiles.append(Profile(name="Work"))
    window.profile_bar.fill()
    window.profile_bar.combo.setCurrentIndex(window.profile_bar.combo.findData("Work"))
    qtbot.waitUntil(lambda: not window.ctx.runner.busy)
    tokens.asked.clear()  # the profile bar's own lookup
    window.composer.load_payload(base(receiver="someone"))
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()
    assert tokens.asked == ["Work"]
    qtbot.waitUntil(lambda: not window.ctx.runner.busy)


def test_a_history_that_could_not_be_updated_is_shown_prominently(qtbot: QtBot) -> None:
    panel = ResponsePanel()
    qtbot.addWidget(panel)
    result = ApiResult(outcome="ok", status=0, history_error="The history is full.")
    panel.show_result(result, 7)
    assert panel.notes.isVisibleTo(panel)
    assert panel.notes.text() == "⚠ History not updated: The history is full."
    assert panel.headline.text() == "✔ Accepted by Viber"


def test_an_answer_the_history_could_not_store_is_still_shown_as_it_was(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    with sqlite3.connect(tmp_path / "history.sqlite3") as db:  # the window's own history file
        db.execute(
            "CREATE TRIGGER full BEFORE UPDATE ON history BEGIN "
            "SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
    send_and_wait(qtbot, window, "sandbox-user-1")
    panel = window.response
    assert panel.headline.text() == "✔ Accepted by the sandbox"  # the true outcome
    assert panel.notes.isVisibleTo(panel)
    assert panel.notes.text().startswith("⚠ History not updated: ")
    assert "could not be updated" in panel.notes.text()
    assert window.statusBar().currentMessage().endswith("the history could not be updated")


def test_resending_a_stored_request_that_is_not_an_object_says_so(
    qtbot: QtBot, window: MainWindow, sb: Sandbox
) -> None:
    history = window.ctx.history
    assert history is not None
    history.record_pending(
        profile="Sandbox", api_url=sb.base_url, endpoint="send_message", body=b"[1]", payload=[1]
    )
    [entry] = history.query()
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Ok, seen)
    window.send_flow.resend(entry)
    assert seen == ["The stored request is not a JSON object."]
    assert sends(sb) == []


def test_ctrl_enter_on_the_history_tab_shows_the_message_instead_of_sending(
    qtbot: QtBot, window: MainWindow, sb: Sandbox
) -> None:
    window.composer.load_payload(base(receiver="sandbox-user-1"))
    window.modes.setCurrentWidget(window.history_panel)
    window.send()
    assert window.modes.currentWidget() is window.splitter
    assert window.statusBar().currentMessage().startswith("Nothing was sent.")
    assert sends(sb) == []
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()  # now the user has seen it
    assert len(sends(sb)) == 1


def test_a_pending_entry_cannot_be_resent_and_a_kept_selection_stays_in_sight(
    qtbot: QtBot, window: MainWindow
) -> None:
    history = window.ctx.history
    assert history is not None
    pending = history.record_pending(
        profile="Sandbox",
        api_url="http://127.0.0.1:1/pa",
        endpoint="send_message",
        body=b'{"receiver":"waiting"}',
        payload={"receiver": "waiting"},
    )
    panel = window.history_panel
    window.modes.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.select_row(0)
    assert panel.open_btn.isEnabled() and not panel.resend_btn.isEnabled()
    for n in range(60):  # newer sends push the kept selection down, out of sight
        history.record_result(
            history.record_pending(
                profile="Sandbox",
                api_url="http://127.0.0.1:1/pa",
                endpoint="send_message",
                body=b"{}",
                payload={"receiver": f"r{n}"},
            ),
            ApiResult(outcome="ok", status=0),
        )
    panel.refresh()
    qtbot.waitUntil(lambda: [e.id for e in panel.selected()] == [pending])
    row = next(r for r, e in enumerate(panel.model.entries) if e.id == pending)
    qtbot.waitUntil(
        lambda: (
            panel.table.viewport()
            .rect()
            .intersects(panel.table.visualRect(panel.model.index(row, 0)))
        )
    )

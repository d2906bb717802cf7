"""A list send against the sandbox over loopback, with a real history file: stops, faults,
interrupts at every point, and what is (never) resent."""

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from viber_desktop.core import receivers as rules
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.receiver_records import Receiver, TestList
from viber_desktop.sandbox.server import Sandbox
from viber_desktop.services import list_send
from viber_desktop.services.history import HistoryStore
from viber_desktop.services.list_send import ListSend, MemberResult, list_problem
from viber_desktop.services.sending import SendRefused, Target
from viber_desktop.services.viber_client import ViberClient

MESSAGE: dict[str, Any] = {"type": "text", "text": "Hi", "sender": {"name": "Shop"}}


def members(*ids: str) -> list[Receiver]:
    return [Receiver(id=i, label=f"L{n}") for n, i in enumerate(ids)]


@pytest.fixture
def history(tmp_path: Path) -> HistoryStore:
    return HistoryStore(tmp_path / "h.db")


@pytest.fixture
def target(sandbox: Sandbox) -> Target:
    return Target("Sandbox", sandbox.base_url, sandbox.token)


def sent(sandbox: Sandbox) -> int:
    return len([r for r in sandbox.requests if r.path == "/pa/send_message"])


def outcomes(results: list[MemberResult]) -> list[str]:
    return [r.outcome for r in results]


def test_list_problems() -> None:
    assert list_problem(TestList(name="QA", members=tuple(members("a")))) is None
    assert "has no receivers" in (list_problem(TestList(name="QA")) or "")
    big = TestList(name="QA", members=tuple(members(*[f"u{i}" for i in range(51)])))
    assert "at most 50" in (list_problem(big) or "")


def test_more_than_fifty_is_refused_before_anything(target: Target, history: HistoryStore) -> None:
    with pytest.raises(SendRefused, match="at most 50"):
        ListSend(MESSAGE, members(*[f"u{i}" for i in range(51)]), target, history)
    assert history.count() == 0


def test_an_invalid_receiver_is_skipped_and_the_rest_sent(
    target: Target, history: HistoryStore, sandbox: Sandbox
) -> None:
    send = ListSend(MESSAGE, members("+49 170 1234567", "sandbox-user-1"), target, history)
    first, second = send.run()
    assert first.outcome == "skipped" and "phone number" in (first.reason or "")
    assert second.outcome == "ok" and sent(sandbox) == 1
    assert first.as_json()["explanation"] == first.reason


def test_stop_from_another_thread_ends_after_the_current_one(
    target: Target, history: HistoryStore, sandbox: Sandbox
) -> None:
    send = ListSend(MESSAGE, members("fault-delay-1", "sandbox-user-1"), target, history)
    threading.Timer(0.3, send.stop).start()
    results = list(send.run())
    assert outcomes(results) == ["ok", "not_tried"]
    assert results[1].reason == rules.NOT_TRIED_STOPPED and sent(sandbox) == 1


def test_a_history_that_stops_recording_stops_the_list(
    target: Target, history: HistoryStore, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = list_send.send_checked

    def then_break(*args: Any, **kwargs: Any) -> tuple[int | None, ApiResult]:
        answer = real(*args, **kwargs)
        history._db.execute("PRAGMA query_only = 1")  # as when the disk fills up
        return answer

    monkeypatch.setattr(list_send, "send_checked", then_break)
    send = ListSend(
        MESSAGE, members("sandbox-user-1", "sandbox-user-2", "sandbox-user-3"), target, history
    )
    results = list(send.run())
    assert outcomes(results) == ["ok", "not_sent", "not_tried"]
    assert "nothing was sent" in (results[1].result.error or "")  # type: ignore[union-attr]
    assert sent(sandbox) == 1


# --- an interrupt at each point of a send ---------------------------------------------------


def interrupted(send: ListSend) -> list[MemberResult]:
    """Run the list as the CLI does when a second Ctrl+C arrives during a send."""
    results: list[MemberResult] = []
    try:
        for r in send.run():
            results.append(r)
    except KeyboardInterrupt:
        cut = send.abandon_current()
        assert cut is not None
        results.append(cut)
    return results


def test_interrupt_before_the_request_is_recorded(
    target: Target, history: HistoryStore, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ctrl_c(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(list_send, "send_checked", ctrl_c)
    send = ListSend(MESSAGE, members("sandbox-user-1", "sandbox-user-2"), target, history)
    [cut] = interrupted(send)
    assert cut.outcome == "not_sent" and cut.reason == rules.STOPPED_BEFORE_IT_LEFT
    assert send.stopping and sent(sandbox) == 0 and history.count() == 0


def test_interrupt_while_waiting_marks_the_row_unknown(
    target: Target, history: HistoryStore, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ctrl_c(self: ViberClient, body: bytes) -> ApiResult:
        raise KeyboardInterrupt

    monkeypatch.setattr(ViberClient, "send_message", ctrl_c)
    send = ListSend(MESSAGE, members("sandbox-user-1", "sandbox-user-2"), target, history)
    [cut] = interrupted(send)
    assert cut.outcome == "unknown" and cut.reason == rules.STOPPED_WAITING
    [entry] = history.query()
    assert entry.id == cut.history_id
    assert entry.outcome == "unknown" and entry.error == rules.STOPPED_WAITING
    # The rest are not tried; the same list again skips the unknown one.
    assert outcomes([r for r in send.run()]) == ["not_tried", "not_tried"]
    monkeypatch.undo()
    again = list(ListSend(MESSAGE, members("sandbox-user-1"), target, history).run())
    assert again[0].outcome == "skipped" and f"history #{entry.id}" in (again[0].reason or "")
    assert sent(sandbox) == 0


def test_interrupt_after_the_answer_keeps_the_answer(
    target: Target, history: HistoryStore, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = list_send.send_checked

    def answered_then_ctrl_c(*args: Any, **kwargs: Any) -> None:
        real(*args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(list_send, "send_checked", answered_then_ctrl_c)
    send = ListSend(MESSAGE, members("sandbox-user-1", "sandbox-user-2"), target, history)
    [cut] = interrupted(send)
    assert cut.outcome == "ok" and cut.result is not None
    assert cut.result.message_token is not None and cut.reason is None
    assert [e.outcome for e in history.query()] == ["ok"] and sent(sandbox) == 1


def test_nothing_to_abandon_between_sends(target: Target, history: HistoryStore) -> None:
    send = ListSend(MESSAGE, members("sandbox-user-1"), target, history)
    assert send.abandon_current() is None


def test_an_unknown_send_is_held_only_for_an_hour(
    target: Target, history: HistoryStore, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = list(ListSend(MESSAGE, members("fault-drop"), target, history).run())
    assert first[0].outcome == "unknown"
    later = time.time() + rules.UNKNOWN_HOLD_S + 1
    again = list(
        ListSend(MESSAGE, members("fault-drop"), target, history, clock=lambda: later).run()
    )
    assert again[0].outcome == "unknown"  # sent again: an hour had passed
    other = list(
        ListSend({**MESSAGE, "text": "other"}, members("fault-drop"), target, history).run()
    )
    assert other[0].outcome == "unknown"  # another message is not held
    assert sent(sandbox) == 3

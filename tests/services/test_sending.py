"""send_checked after the request has left: the true answer always comes back, never a traceback.

Real SQLite files, the real sandbox on loopback, and a real loopback server for raw answers.
"""

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from tests.services.loopback import TOKEN
from viber_desktop.core.body_token import BODY_TOKEN_KEY
from viber_desktop.sandbox.server import Sandbox
from viber_desktop.services.history import HistoryStore
from viber_desktop.services.sending import Target, send_checked


def payload(receiver: str = "sandbox-user-1", **extra: Any) -> dict[str, Any]:
    return {"receiver": receiver, "type": "text", "text": "Hi", "sender": {"name": "Shop"}, **extra}


def sandbox_target(sandbox: Sandbox) -> Target:
    return Target("Sandbox", sandbox.base_url, sandbox.token)


def on_delivery(sandbox: Sandbox, action: Any) -> None:
    """Run ``action`` while the sandbox handles the send (the request has left)."""
    original = sandbox.state.deliver

    def spy(receiver: str) -> dict[str, Any]:
        answer = original(receiver)
        return action(answer) or answer

    sandbox.state.deliver = spy  # type: ignore[method-assign]


def test_locked_history_gives_the_true_answer_in_bounded_time(
    tmp_path: Path, sandbox: Sandbox
) -> None:
    db = tmp_path / "h.db"
    store = HistoryStore(db)
    blocker = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    # Another program takes the write lock while our request is out (and keeps it 14 s+).

    def lock(_answer: dict[str, Any]) -> None:
        blocker.execute("BEGIN EXCLUSIVE")

    on_delivery(sandbox, lock)
    start = time.monotonic()
    entry_id, result = send_checked(payload(), sandbox_target(sandbox), store)
    elapsed = time.monotonic() - start
    assert elapsed < 8, f"waited {elapsed:.1f} s for a locked history"
    assert result.outcome == "ok" and result.message_token is not None
    assert result.history_error is not None
    assert "the database is locked" in result.history_error
    assert "outcome unknown" in result.history_error
    assert entry_id is not None
    blocker.execute("ROLLBACK")
    blocker.close()
    # The lock is gone: the next write (here: closing) marks the row unknown, never pending.
    store.close()
    reopened = HistoryStore(db)
    entry = reopened.get(entry_id)
    assert entry is not None and entry.outcome == "unknown"
    assert entry.error and "status 0 ok" in entry.error and "locked" in entry.error


def test_full_disk_leaves_the_row_unknown_and_the_answer_true(
    tmp_path: Path, sandbox: Sandbox
) -> None:
    store = HistoryStore(tmp_path / "h.db")

    def fill_the_disk(answer: dict[str, Any]) -> dict[str, Any]:
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages}")  # SQLITE_FULL from now on
        return {**answer, "status_message": "ok " + "x" * 60_000}  # a long answer to store

    on_delivery(sandbox, fill_the_disk)
    entry_id, result = send_checked(payload(), sandbox_target(sandbox), store)
    assert result.outcome == "ok" and result.status == 0
    assert result.history_error and "the disk is full" in result.history_error
    entry = store.get(entry_id or 0)
    assert entry is not None and entry.outcome == "unknown"  # the minimal update fitted
    assert entry.error and "disk is full" in entry.error


def test_a_failure_after_the_request_left_is_unknown_not_a_traceback(
    tmp_path: Path, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No real part fails here today (the decoder is hardened): a bug is simulated after the
    real request reached the sandbox, to prove the guard turns it into "unknown"."""
    from viber_desktop.services.viber_client import ViberClient

    real_call = ViberClient.call

    def call_then_fail(self: ViberClient, endpoint: str, body: bytes) -> Any:
        real_call(self, endpoint, body)
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(ViberClient, "call", call_then_fail)
    store = HistoryStore(tmp_path / "h.db")
    entry_id, result = send_checked(payload(), sandbox_target(sandbox), store)
    assert len([r for r in sandbox.requests if r.path == "/pa/send_message"]) == 1
    assert result.outcome == "unknown" and result.error
    assert "recursion" not in result.explanation  # plain words, no library dump
    entry = store.get(entry_id or 0)
    assert entry is not None and entry.outcome == "unknown" and entry.error == result.error


def test_body_token_is_neither_sent_nor_stored(tmp_path: Path, sandbox: Sandbox) -> None:
    store = HistoryStore(tmp_path / "h.db")
    sdk_body = payload(**{BODY_TOKEN_KEY: TOKEN})
    entry_id, result = send_checked(sdk_body, sandbox_target(sandbox), store)
    assert result.outcome == "ok"
    [request] = [r for r in sandbox.requests if r.path == "/pa/send_message"]
    assert TOKEN.encode() not in request.body and BODY_TOKEN_KEY.encode() not in request.body
    entry = store.get(entry_id or 0)
    assert entry is not None and TOKEN not in entry.request and BODY_TOKEN_KEY not in entry.request
    assert sdk_body[BODY_TOKEN_KEY] == TOKEN  # the caller's payload is not changed
    db_bytes = b"".join(p.read_bytes() for p in tmp_path.glob("h.db*"))
    assert TOKEN.encode() not in db_bytes


def test_a_token_elsewhere_in_the_body_is_sent_but_never_stored(tmp_path: Path) -> None:
    other = "another-bots-token-0123456789abcdef"
    content = payload(
        sender={"name": TOKEN[:25], "auth_token": TOKEN},
        tracking_data=f"pasted {TOKEN} here",
        Auth_Token=TOKEN,
        keyboard={
            "Type": "keyboard",
            "Buttons": [{"ActionType": "reply", "ActionBody": other, "auth_token": other}],
        },
        **{BODY_TOKEN_KEY: TOKEN},
    )
    store = HistoryStore(tmp_path / "h.db")
    with Sandbox(token=TOKEN) as sandbox:
        entry_id, result = send_checked(content, sandbox_target(sandbox), store)
        [request] = [r for r in sandbox.requests if r.path == "/pa/send_message"]
    assert result.outcome == "ok"
    assert request.body.count(TOKEN.encode()) == 3  # the user's content goes out as written
    assert other.encode() in request.body
    store.export(tmp_path / "export.jsonl")
    store.export(tmp_path / "export.csv")
    entry = store.get(entry_id or 0)
    assert entry is not None and "[token hidden]" in entry.request
    assert TOKEN not in entry.request and other not in entry.request
    for path in tmp_path.iterdir():  # the database, its journal, both exports
        data = path.read_bytes()
        assert TOKEN[:20].encode() not in data and other[:20].encode() not in data, path

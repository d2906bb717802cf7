"""The history store with real SQLite files: crash safety, concurrency, migrations, export."""

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from viber_desktop.core.history import CRASHED_NOTE, HistoryFilter
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.text import body_bytes
from viber_desktop.sandbox.server import Sandbox
from viber_desktop.services import history as history_mod
from viber_desktop.services.history import HistoryError, HistoryStore
from viber_desktop.services.sending import Target, send_checked
from viber_desktop.services.sqlite_tx import statements


def payload(receiver: str = "sandbox-user-1", text: str = "Hello", kind: str = "text") -> dict:
    return {"receiver": receiver, "type": kind, "text": text, "sender": {"name": "Shop"}}


def add(store: HistoryStore, result: ApiResult, **kw: str) -> int:
    p = payload(**kw)
    i = store.record_pending(
        profile="Sandbox",
        api_url="http://127.0.0.1/pa",
        endpoint="send_message",
        body=body_bytes(p),
        payload=p,
    )
    store.record_result(i, result)
    return i


OK = ApiResult(
    outcome="ok",
    status=0,
    status_message="ok",
    message_token=2**63 - 1,
    billing_status=5,
    raw_response='{"status":0,"message_token":9223372036854775807}',
)


def test_row_is_pending_while_the_request_is_in_flight(tmp_path: Path, sandbox: Sandbox) -> None:
    store = HistoryStore(tmp_path / "h.db")
    seen: list[str] = []
    original = sandbox.state.deliver

    def spy(receiver: str) -> dict:
        reader = sqlite3.connect(tmp_path / "h.db")
        seen.extend(r[0] for r in reader.execute("SELECT outcome FROM history"))
        reader.close()
        return original(receiver)

    sandbox.state.deliver = spy  # type: ignore[method-assign]
    target = Target("Sandbox", sandbox.base_url, sandbox.token)
    entry_id, result = send_checked(payload(), target, store)
    assert seen == ["pending"]
    entry = store.get(entry_id or 0)
    assert entry is not None and entry.outcome == "ok"
    assert entry.message_token == result.message_token
    assert entry.request == body_bytes(payload()).decode()
    assert sandbox.token not in entry.request + (entry.response or "")


def test_crash_mid_send_leaves_an_unknown_row(tmp_path: Path, sandbox: Sandbox) -> None:
    db = tmp_path / "h.db"
    script = textwrap.dedent(f"""
        from viber_desktop.services.history import HistoryStore
        from viber_desktop.services.sending import Target, send_checked
        store = HistoryStore({str(db)!r})
        msg = {{"receiver": "fault-delay-30", "type": "text", "text": "x",
                "sender": {{"name": "a"}}}}
        send_checked(msg, Target("Sandbox", {sandbox.base_url!r}, {sandbox.token!r}), store)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 20
        while not [r for r in sandbox.requests if r.path == "/pa/send_message"]:
            assert time.monotonic() < deadline, "the subprocess never sent"
            time.sleep(0.05)
        live = HistoryStore(db)  # the sender is alive: its pending row is left alone
        assert [e.outcome for e in live.query()] == ["pending"]
        live.close()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    store = HistoryStore(db)
    [entry] = store.query()
    assert entry.outcome == "unknown" and entry.error == CRASHED_NOTE


def test_the_host_name_is_the_one_socket_gives() -> None:
    """Rows name their computer without importing socket (start-up), as socket names it."""
    import socket

    assert history_mod.host_name() == socket.gethostname()


def test_concurrent_writer_and_reader_processes(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    HistoryStore(db).close()
    writer = textwrap.dedent(f"""
        from viber_desktop.services.history import HistoryStore
        from viber_desktop.core.outcomes import ApiResult
        s = HistoryStore({str(db)!r})
        for i in range(150):
            n = s.record_pending(profile="P", api_url="u", endpoint="send_message",
                                 body=b"{{}}", payload={{"receiver": "r", "type": "text"}})
            s.record_result(n, ApiResult(outcome="ok", status=0))
    """)
    reader = textwrap.dedent(f"""
        from viber_desktop.services.history import HistoryStore
        s = HistoryStore({str(db)!r})
        for i in range(150):
            s.query(limit=20); s.count()
    """)
    procs = [
        subprocess.Popen([sys.executable, "-c", code]) for code in (writer, writer, reader, reader)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    store = HistoryStore(db)
    assert store.count() == 300
    assert store.count(HistoryFilter(outcome="ok")) == 300


def test_filters_search_and_paging(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.db")
    add(store, OK, receiver="alice", text="Spring sale")
    add(
        store,
        ApiResult(outcome="api_error", status=6, raw_response='{"status":6}'),
        receiver="bob",
        text="Winter",
    )
    add(store, OK, receiver="alice", text="Привет мир", kind="text")
    assert [e.receiver for e in store.query()] == ["alice", "bob", "alice"]
    assert store.count(HistoryFilter(receiver="alice")) == 2
    assert store.count(HistoryFilter(outcome="api_error")) == 1
    assert store.count(HistoryFilter(text="sale")) == 1
    assert store.count(HistoryFilter(text="мир")) == 1
    assert store.count(HistoryFilter(text="Wi")) == 1  # short text: LIKE path
    assert store.count(HistoryFilter(text='"status":6')) == 1  # response body
    assert store.count(HistoryFilter(type="text", profile="Sandbox")) == 3
    future = datetime.now(UTC) + timedelta(hours=1)
    assert store.count(HistoryFilter(since=future)) == 0
    assert len(store.query(limit=2, offset=2)) == 1
    newest = store.query()[0].id
    assert [e.id for e in store.query(before_id=newest)] == [newest - 1, newest - 2]
    assert store.receivers("al") == ["alice"]
    store.delete([store.query()[0].id])
    assert store.count() == 2
    store.clear()
    assert store.count() == 0


def test_exact_64bit_token_round_trip(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.db")
    add(store, OK)
    assert store.query()[0].message_token == 2**63 - 1


def test_rate_awareness(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.db")
    for _ in range(3):
        add(store, OK, receiver="r1")
    add(store, ApiResult(outcome="not_sent"), receiver="r1")
    assert store.sent_last_hour("r1") == 3
    assert store.sent_last_hour("r1", now=time.time() + 3601) == 0
    assert store.limited_until("r1") is None
    add(store, ApiResult(outcome="api_error", status=12), receiver="r1")
    until = store.limited_until("r1")
    assert until is not None and until > time.time() + 3500


def test_response_is_capped(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.db")
    add(store, ApiResult(outcome="unknown", raw_response="x" * 100_000))
    response = store.query()[0].response or ""
    assert len(response) < 70_000 and "cut at" in response


def test_export_round_trips(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.db")
    add(store, OK, text='Привет, "мир"\nline 2')
    n = store.export(tmp_path / "out.jsonl")
    [line] = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    data = json.loads(line)
    assert n == 1 and data["request"]["text"] == 'Привет, "мир"\nline 2'
    assert data["message_token"] == 2**63 - 1
    store.export(tmp_path / "out.csv")
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert json.loads(row["request"])["text"] == 'Привет, "мир"\nline 2'
    assert int(row["message_token"]) == 2**63 - 1
    with pytest.raises(HistoryError, match=r"\.jsonl or \.csv"):
        store.export(tmp_path / "out.txt")


def test_migration_from_version_1(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    conn = sqlite3.connect(db)
    conn.executescript(history_mod.MIGRATIONS[1])
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO history (created_ts, profile, api_url, endpoint, receiver, msg_type, "
        "sender_name, request_body, body_bytes, outcome, message_token) VALUES "
        "(?, 'P', 'u', 'send_message', 'old', 'text', 'S', '{\"text\":\"legacy row\"}', 20, "
        "'ok', '5741311803571721087')",
        (time.time(),),
    )
    conn.commit()
    conn.close()
    store = HistoryStore(db)
    assert store.schema_version == history_mod.SCHEMA_VERSION
    [entry] = store.query(HistoryFilter(text="legacy"))
    assert entry.message_token == 5741311803571721087


def test_newer_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(HistoryError, match="newer"):
        HistoryStore(db)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_database_refuses_the_send(tmp_path: Path) -> None:  # pragma: no cover
    db = tmp_path / "h.db"
    HistoryStore(db).close()
    db.chmod(0o444)
    store = HistoryStore(db)
    with pytest.raises(HistoryError, match="nothing was sent"):
        add(store, OK)


def test_query_only_database_refuses_the_send(tmp_path: Path, sandbox: Sandbox) -> None:
    """A database that cannot be written (as when the disk is full) refuses the send."""
    store = HistoryStore(tmp_path / "h.db")
    store._db.execute("PRAGMA query_only = 1")
    target = Target("Sandbox", sandbox.base_url, sandbox.token)
    from viber_desktop.services.sending import SendRefused

    with pytest.raises(SendRefused, match="nothing was sent"):
        send_checked(payload(), target, store)
    assert sandbox.requests == []


def test_summary_counts_what_the_filter_shows(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.db")
    for billing in (5, 5, 2, 0):
        add(store, replace(OK, billing_status=billing), receiver="alice")
    add(store, ApiResult(outcome="api_error", status=6), receiver="alice")
    add(store, ApiResult(outcome="not_sent"), receiver="bob")
    add(store, OK, receiver="bob")
    summary = store.summary(HistoryFilter(receiver="alice"))
    assert summary.total == 5 == store.count(HistoryFilter(receiver="alice"))
    assert summary.by_outcome == {
        "pending": 0,
        "ok": 4,
        "api_error": 1,
        "not_sent": 0,
        "unknown": 0,
    }
    assert summary.billed == 2
    assert summary.by_billing == {5: 2, 2: 1, 0: 1, None: 1}
    everything = store.summary()
    assert (everything.total, everything.billed) == (7, 3)
    assert everything.by_outcome["not_sent"] == 1
    assert store.summary(HistoryFilter(text="Hello")).total == 7  # the FTS filter applies too
    empty = store.summary(HistoryFilter(receiver="nobody"))
    assert (empty.total, empty.billed, empty.by_billing) == (0, 0, {})
    assert set(empty.by_outcome) == {"pending", "ok", "api_error", "not_sent", "unknown"}


def test_unfiltered_summary_reads_an_index_not_the_rows(tmp_path: Path) -> None:
    """At 100,000 rows a table scan takes ~110 ms, the covering index ~15 ms."""
    db = tmp_path / "h.db"
    conn = sqlite3.connect(db)  # a version-2 file from before the index existed
    for step in (1, 2):
        for statement in statements(history_mod.MIGRATIONS[step]):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    store = HistoryStore(db)
    traced: list[str] = []
    store._db.set_trace_callback(traced.append)
    store.summary()
    store._db.set_trace_callback(None)
    [sql] = [s for s in traced if "GROUP BY" in s]
    plan = " ".join(str(row) for row in store._db.execute(f"EXPLAIN QUERY PLAN {sql}"))
    assert "COVERING INDEX" in plan

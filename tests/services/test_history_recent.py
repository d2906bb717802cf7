"""The small table of recent receivers: filled from an old file, kept right by every write."""

import random
import sqlite3
import time
from pathlib import Path

import pytest

from viber_desktop.services import history as history_mod
from viber_desktop.services.history import HistoryError, HistoryStore
from viber_desktop.services.sqlite_tx import statements

OLD_WAY = "SELECT receiver FROM history GROUP BY receiver ORDER BY max(id) DESC"
"""What ``receivers()`` read before the table: a scan of the whole history (the oracle)."""


def version_2_file(path: Path, rows: list[tuple[float, object]]) -> None:
    """A history as the app of schema 2 left it: its scripts, its inserts, no new table."""
    conn = sqlite3.connect(path)
    for step in (1, 2):
        for statement in statements(history_mod.MIGRATIONS[step]):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.executemany(
        "INSERT INTO history (created_ts, profile, api_url, endpoint, receiver, msg_type, "
        "sender_name, request_body, body_bytes, outcome, pid, host) VALUES "
        "(?, 'P', 'u', 'send_message', ?, 'text', 'S', '{}', 2, 'ok', 1, 'h')",
        rows,
    )
    conn.commit()
    conn.close()


def names(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def oracle(store: HistoryStore) -> list[str]:
    return [r[0] for r in store._rows(OLD_WAY)]


def table(store: HistoryStore) -> dict[str, tuple[int, float]]:
    rows = store._rows("SELECT receiver, last_id, last_ts FROM recent_receivers")
    return {r: (i, ts) for r, i, ts in rows}


def newest(store: HistoryStore) -> dict[str, tuple[int, float]]:
    rows = store._rows(
        "SELECT receiver, id, created_ts FROM history h WHERE id = "
        "(SELECT max(id) FROM history WHERE receiver = h.receiver)"
    )
    return {r: (i, ts) for r, i, ts in rows}


def send(store: HistoryStore, receiver: str) -> int:
    return store.record_pending(
        profile="P", api_url="u", endpoint="send", body=b"{}", payload={"receiver": receiver}
    )


def test_an_old_file_is_filled_once_with_each_receivers_newest_send(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    version_2_file(
        db,
        [(100.0, "alice"), (200.0, "bob"), (300.0, "alice"), (50.0, "carol"), (400.0, "bob")],
    )
    store = HistoryStore(db)
    assert store.schema_version == 3
    assert store.receivers() == ["bob", "carol", "alice"] == oracle(store)
    # carol's send has an older time but a newer id: the order is by id, as before
    assert table(store) == {"alice": (3, 300.0), "bob": (5, 400.0), "carol": (4, 50.0)}
    assert store.receivers("a") == ["alice"]
    store.close()


def test_prefix_and_limit(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.db")
    for receiver in ("al_x", "alice", "alfred", "bob", "al%"):
        send(store, receiver)
    assert store.receivers("al") == ["al%", "alfred", "alice", "al_x"]
    assert store.receivers("al_") == ["al_x"]  # _ and % are literal
    assert store.receivers("al%") == ["al%"]
    assert store.receivers(limit=2) == ["al%", "bob"]


def test_a_failed_migration_leaves_the_old_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The step fails after its table was created and filled: nothing of it may stay."""
    db = tmp_path / "h.db"
    version_2_file(db, [(100.0, "alice"), (200.0, "bob")])
    before = names(db)
    broken = {**history_mod.MIGRATIONS, 3: history_mod.MIGRATIONS[3] + "\nSELECT no_such();"}
    monkeypatch.setattr(history_mod, "MIGRATIONS", broken)
    with pytest.raises(HistoryError):
        HistoryStore(db)
    assert names(db) == before and "recent_receivers" not in before
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM history").fetchone()[0] == 2
    conn.close()
    monkeypatch.undo()
    store = HistoryStore(db)
    assert store.receivers() == ["bob", "alice"]


def test_deletes_and_other_writers_keep_it_right(tmp_path: Path) -> None:
    """Random sends and deletes; after each, the table is what a scan of the history says."""
    db = tmp_path / "h.db"
    store = HistoryStore(db)
    other = sqlite3.connect(db, isolation_level=None)  # a CLI writing to the same file
    rng = random.Random(16)
    people = [f"user-{n}" for n in range(12)] + ["user-\\ud800"]
    for round_ in range(30):
        for _ in range(rng.randrange(1, 15)):
            receiver = rng.choice(people)
            if rng.random() < 0.3:
                other.execute(
                    "INSERT INTO history (created_ts, profile, api_url, endpoint, receiver, "
                    "msg_type, sender_name, request_body, body_bytes, outcome) VALUES "
                    "(?, 'P', 'u', 'send_message', ?, 'text', 'S', '{}', 2, 'ok')",
                    (time.time(), receiver),
                )
            else:
                send(store, receiver)
        ids = [e.id for e in store.query(limit=1000)]
        store.delete(rng.sample(ids, k=rng.randrange(0, len(ids) // 2 + 1)))
        assert store.receivers(limit=100) == oracle(store), round_
        assert table(store) == newest(store)
    store.delete([e.id for e in store.query(limit=1000)])
    assert store.receivers() == [] and table(store) == {}
    send(store, "again")
    store.clear()
    assert store.receivers() == [] and table(store) == {}
    other.close()


def test_receivers_reads_the_small_table_only(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.db")
    send(store, "alice")
    traced: list[str] = []
    store._db.set_trace_callback(traced.append)
    store.receivers("a")
    store._db.set_trace_callback(None)
    [sql] = traced
    plan = " ".join(str(r[-1]) for r in store._db.execute(f"EXPLAIN QUERY PLAN {sql}"))
    assert "recent_receivers" in plan and "history" not in plan.replace("recent_receivers", "")
    assert "TEMP B-TREE" not in plan  # read in last_id order from its index, no sort


def test_a_receiver_that_is_not_utf8_is_read_escaped(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    version_2_file(db, [(100.0, "alice")])
    conn = sqlite3.connect(db)
    conn.execute("UPDATE history SET receiver = CAST(x'ff41' AS TEXT)")
    conn.commit()
    conn.close()
    assert HistoryStore(db).receivers() == ["\\xffA"]

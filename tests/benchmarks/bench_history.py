"""The history at 100,000 rows: insert rate, first page, filters, text search, open, size,
recent receivers (and the one-time migration that fills their table)."""

import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from viber_desktop.core.history import HistoryFilter
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.text import body_bytes
from viber_desktop.services.history import HistoryStore

ROWS = 100_000
WORDS = [
    "spring",
    "sale",
    "offer",
    "discount",
    "welcome",
    "order",
    "shipped",
    "delivered",
    "новинка",
    "скидка",
    "😀",
]


def timed(fn, runs: int = 20) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    rng = random.Random(7)
    path = Path(tempfile.mkdtemp()) / "history.sqlite3"
    store = HistoryStore(path)
    t0 = time.perf_counter()
    for i in range(ROWS):
        receiver = f"user-{rng.randrange(2000)}"
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(5, 60)))
        msg = {
            "receiver": receiver,
            "type": "text",
            "text": f"#{i} {text}",
            "sender": {"name": "Shop"},
        }
        entry = store.record_pending(
            profile=rng.choice(["Sandbox", "Prod"]),
            api_url="u",
            endpoint="send_message",
            body=body_bytes(msg),
            payload=msg,
        )
        status = rng.choice([0, 0, 0, 0, 6, 12])
        store.record_result(
            entry,
            ApiResult(
                outcome="ok" if status == 0 else "api_error",
                status=status,
                message_token=5741311803571721087 + i,
                billing_status=5,
                raw_response=f'{{"status":{status},"message_token":{5741311803571721087 + i}}}',
            ),
        )
    elapsed = time.perf_counter() - t0
    store.close()
    size = path.stat().st_size + sum(p.stat().st_size for p in path.parent.glob("*-wal"))
    print(
        f"insert: {ROWS:,} sends (pending + result, 2 transactions each) in {elapsed:.1f} s"
        f" = {ROWS / elapsed:,.0f} sends/s"
    )
    print(f"file size: {size / 1e6:.1f} MB = {size / ROWS:.0f} bytes per row")

    t0 = time.perf_counter()
    store = HistoryStore(path)
    store.query(limit=100)
    print(f"open to first page: {(time.perf_counter() - t0) * 1000:.1f} ms")
    cases = {
        "first page (newest 100)": lambda: store.query(limit=100),
        "page 500 (offset 50,000)": lambda: store.query(limit=100, offset=50_000),
        "page 500 (keyset, as the panel pages)": lambda: store.query(limit=100, before_id=50_000),
        "count all": lambda: store.count(),
        "filter receiver": lambda: store.query(HistoryFilter(receiver="user-42"), limit=100),
        "filter outcome+profile": lambda: store.query(
            HistoryFilter(outcome="api_error", profile="Prod"), limit=100
        ),
        "text search 'скидка 😀' (FTS trigram)": lambda: store.query(
            HistoryFilter(text="скидка 😀"), limit=100
        ),
        "text search rare '#99999 '": lambda: store.query(HistoryFilter(text="#99999 "), limit=100),
        "text search + count": lambda: store.count(HistoryFilter(text="discount")),
        "rate count for a receiver": lambda: store.sent_last_hour("user-42"),
        "receivers() at start (newest 50)": lambda: store.receivers(limit=50),
        "receivers('user-19') (completion)": lambda: store.receivers("user-19", limit=50),
        "receivers, the old scan of the history (yardstick)": lambda: store._rows(OLD_RECEIVERS),
    }
    for name, fn in cases.items():
        median, worst = timed(fn)
        print(f"{name}: median {median:.2f} ms, max {worst:.2f} ms")
    store.close()
    if (ms := migration_ms(path)) is not None:
        print(f"migration to schema 3 (fills recent_receivers), once: {ms:.0f} ms")
    print("targets: first page < 20 ms, text search < 150 ms")


OLD_RECEIVERS = (
    "SELECT receiver FROM history WHERE receiver LIKE '%' ESCAPE '\\' "
    "GROUP BY receiver ORDER BY max(id) DESC LIMIT 50"
)
"""What receivers() read before schema 3: every row of the history, grouped."""


def migration_ms(path: Path) -> float | None:
    """Open a copy of ``path`` taken back to schema 2 (no recent_receivers): the step's time.

    None for a tree from before schema 3 (run there to measure the old code)."""
    old = path.with_name("schema2.sqlite3")
    shutil.copy(path, old)
    conn = sqlite3.connect(old)
    if conn.execute("PRAGMA user_version").fetchone()[0] < 3:
        return None
    conn.executescript(
        "DROP TRIGGER recent_receivers_ai; DROP TRIGGER recent_receivers_ad; "
        "DROP TABLE recent_receivers; PRAGMA user_version = 2;"
    )
    conn.close()
    t0 = time.perf_counter()
    HistoryStore(old).close()
    return (time.perf_counter() - t0) * 1000


if __name__ == "__main__":
    main()

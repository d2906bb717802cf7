"""The History tab over 100,000 rows: paging through all of them, scrolling, memory.

The history is built in a child process, so the figures are the panel's own: RSS while paging
through every row (and its peak), the GUI thread's time per page arrival, and scroll steps
(scrollbar move + repaint) across the whole table, with how long far rows take to appear.

    .venv/bin/python tests/benchmarks/bench_history_panel.py [--rows N]
"""

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROWS = 100_000
MIB = 1024 * 1024
WORDS = ("spring", "sale", "offer", "discount", "welcome", "order", "скидка", "новинка", "😀")


def _stats(values: list[float]) -> str:
    values = sorted(values)
    return (
        f"median {statistics.median(values):.2f} ms, "
        f"p99 {values[max(0, int(len(values) * 0.99) - 1)]:.2f} ms, max {values[-1]:.2f} ms"
    )


def rss_mib() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / MIB


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MIB  # kB on Linux


def _body(i: int, rng: random.Random) -> str:
    """Mostly text messages of a few hundred bytes; every 20th a rich-media card set (~6 KB)."""
    if i % 20 == 0:
        buttons = [
            {
                "Columns": 6,
                "Rows": 1,
                "ActionType": "open-url",
                "ActionBody": f"https://shop.example.com/item/{i}/{k}",
                "Text": f"<b>Item {k}</b> " + " ".join(rng.choice(WORDS) for _ in range(12)),
                "Image": f"https://cdn.example.com/{i}/{k}.jpg",
            }
            for k in range(24)
        ]
        msg: dict[str, object] = {
            "receiver": f"user-{i % 2000}",
            "type": "rich_media",
            "rich_media": {"Type": "rich_media", "ButtonsGroupColumns": 6, "Buttons": buttons},
        }
    else:
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(10, 80)))
        msg = {"receiver": f"user-{i % 2000}", "type": "text", "text": f"#{i} {text}"}
    msg["sender"] = {"name": "Shop"}
    return json.dumps(msg, ensure_ascii=False)


def build(path: Path, rows: int) -> None:
    from viber_desktop.services.history import HistoryStore

    rng = random.Random(7)
    store = HistoryStore(path)
    now = time.time()
    store._db.execute("BEGIN")
    for start in range(0, rows, 5000):
        batch = []
        for i in range(start, min(rows, start + 5000)):
            body = _body(i, rng)
            kind = "rich_media" if i % 20 == 0 else "text"
            batch.append(
                (
                    *(now - rows + i, "Sandbox", "u", "send_message", f"user-{i % 2000}", kind),
                    *("Shop", body, len(body.encode()), "ok", 0, "ok"),
                    *(str(5741311803571721087 + i), 5, "HOST", '{"status":0}', 12.0, None),
                )
            )
        store._db.executemany(
            "INSERT INTO history (created_ts, profile, api_url, endpoint, receiver, msg_type, "
            "sender_name, request_body, body_bytes, outcome, status, status_message, "
            "message_token, billing_status, chat_hostname, response_body, duration_ms, error) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            batch,
        )
    store._db.execute("COMMIT")
    store.close()


def main(rows: int) -> None:
    path = Path(tempfile.mkdtemp()) / "history.sqlite3"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--build", str(path), str(rows)], check=True)
    size = path.stat().st_size / MIB
    print(f"built {rows:,} rows in {time.perf_counter() - t0:.1f} s ({size:.0f} MiB file)")

    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication

    from viber_desktop.services.history import HistoryStore
    from viber_desktop.ui.history.panel import HistoryPanel
    from viber_desktop.ui.tasks import TaskRunner

    app = QApplication([])
    runner = TaskRunner()
    panel = HistoryPanel(runner)
    panel.resize(1200, 800)
    panel.show()
    model, view = panel.model, panel.table
    for _ in range(10):
        app.processEvents()
    print(f"RSS with the empty panel shown: {rss_mib():.0f} MiB")
    store = HistoryStore(path)
    t0 = time.perf_counter()
    panel.set_store(store)
    while model.rowCount() == 0:
        app.processEvents()
    print(f"first page visible after {(time.perf_counter() - t0) * 1000:.1f} ms")

    # Paging through every row the way a user drags to the end: the view asks for more.
    arrival_ms: list[float] = []
    rss_seen: list[float] = []
    start = time.perf_counter()
    last, stalled = -1, time.perf_counter()
    while model.rowCount() < rows and time.perf_counter() - stalled < 10:
        view.scrollToBottom()
        model.fetchMore(QModelIndex())
        before = model.rowCount()
        t2 = time.perf_counter()
        app.processEvents()
        if model.rowCount() != before:  # this call delivered a page: insert + repaint
            arrival_ms.append((time.perf_counter() - t2) * 1000)
            stalled = time.perf_counter()
            if model.rowCount() // 10_000 != last:
                last = model.rowCount() // 10_000
                rss_seen.append(rss_mib())
        else:
            time.sleep(0.0005)
    total = time.perf_counter() - start
    print(
        f"paged through {model.rowCount():,} rows in {total:.1f} s; GUI thread per page "
        f"arrival (insert + repaint): {_stats(arrival_ms)}"
    )
    print(
        "RSS every 10,000 rows (MiB): "
        + ", ".join(f"{r:.0f}" for r in rss_seen)
        + f"; now {rss_mib():.0f}, peak {peak_mib():.0f}"
    )

    # Scrolling across all rows: small steps and far jumps, with pages coming and going.
    bar = view.verticalScrollBar()
    rng = random.Random(3)
    step_ms: list[float] = []
    shown_ms: list[float] = []
    for step in range(600):
        target = rng.randrange(bar.maximum() + 1) if step % 3 == 0 else bar.value() + 3
        t3 = time.perf_counter()
        bar.setValue(min(target, bar.maximum()))
        view.viewport().repaint()
        step_ms.append((time.perf_counter() - t3) * 1000)
        top = view.rowAt(0)
        if step % 3 == 0:  # a far jump: until the rows in sight are there
            while model.data(model.index(max(top, 0), 0)) is None:
                app.processEvents()
                time.sleep(0.0005)
            shown_ms.append((time.perf_counter() - t3) * 1000)
        app.processEvents()
    print(f"scroll step over {rows:,} rows (scroll + repaint): {_stats(step_ms)}")
    print(f"far jump until its rows are shown: {_stats(shown_ms)}")
    print(f"RSS after scrolling: {rss_mib():.0f} MiB, peak {peak_mib():.0f} MiB (target < 150)")
    runner.wait()
    store.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--build"]:
        build(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        main(int(sys.argv[sys.argv.index("--rows") + 1]) if "--rows" in sys.argv else ROWS)

"""Scrolling the history panel's table through 100,000 rows: page fetch and insert times."""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QTableView

from viber_desktop.services.history import HistoryStore
from viber_desktop.ui.history.model import HistoryModel
from viber_desktop.ui.tasks import TaskRunner

ROWS = 100_000


def _stats(values: list[float]) -> str:
    values = sorted(values)
    return (
        f"median {statistics.median(values):.2f} ms, "
        f"p99 {values[max(0, int(len(values) * 0.99) - 1)]:.2f} ms"
    )


def build(path: Path) -> None:
    store = HistoryStore(path)
    body = '{"receiver":"user","type":"text","text":"Spring sale: 30% off","sender":{"name":"S"}}'
    now = time.time()
    rows = [
        (
            now - i,
            "Sandbox",
            "u",
            "send_message",
            f"user-{i % 2000}",
            "text",
            "S",
            body,
            len(body),
            "ok",
            0,
            "ok",
            str(5741311803571721087 + i),
            5,
            "HOST",
            '{"status":0}',
            12.0,
            None,
        )
        for i in range(ROWS)
    ]
    store._db.execute("BEGIN")
    store._db.executemany(
        "INSERT INTO history (created_ts, profile, api_url, endpoint, receiver, msg_type, "
        "sender_name, request_body, body_bytes, outcome, status, status_message, "
        "message_token, billing_status, chat_hostname, response_body, duration_ms, error) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    store._db.execute("COMMIT")
    store.close()


def main() -> None:
    app = QApplication([])
    path = Path(tempfile.mkdtemp()) / "history.sqlite3"
    build(path)
    store = HistoryStore(path)
    runner = TaskRunner()
    model = HistoryModel(runner)
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    t0 = time.perf_counter()
    model.set_store(store)
    while model.rowCount() == 0:
        app.processEvents()
    print(f"first page visible after {(time.perf_counter() - t0) * 1000:.1f} ms")
    insert_ms, fetch_ms = [], []
    start = time.perf_counter()
    while model.canFetchMore(QModelIndex()):
        t1 = time.perf_counter()
        view.scrollToBottom()  # the view asks for the next page (canFetchMore/fetchMore)
        model.fetchMore(QModelIndex())
        while model._fetching:
            rows = model.rowCount()
            t2 = time.perf_counter()
            app.processEvents()
            if model.rowCount() != rows:  # this call delivered the page: insert + repaint
                insert_ms.append((time.perf_counter() - t2) * 1000)
        fetch_ms.append((time.perf_counter() - t1) * 1000)
    total = time.perf_counter() - start
    print(
        f"paged through {model.rowCount():,} rows in {total:.1f} s ({len(fetch_ms)} pages of "
        f"200): request to rows shown median {statistics.median(fetch_ms):.1f} ms"
    )
    print(f"GUI thread per page arrival (insert + repaint): {_stats(insert_ms)}")
    bar = view.verticalScrollBar()
    paint_ms = []
    for step in range(300):
        t3 = time.perf_counter()
        bar.setValue((step * 7919) % bar.maximum() if step % 2 else bar.value() + 3)
        view.viewport().repaint()
        paint_ms.append((time.perf_counter() - t3) * 1000)
    print(f"scroll step over 100,000 loaded rows (scroll + repaint): {_stats(paint_ms)}")
    runner.wait()


if __name__ == "__main__":
    main()

"""Keystroke and grid-click latency of the rich-media editor with 6 cards and 42 buttons.

Each sample is one event as the user makes it (a key typed in the selected button's Text, a
click on a button in the grid) plus everything it repaints, measured in the whole window
(the live check included) and in the editor alone. Budget: p99 under 16 ms (one frame).

    .venv/bin/python tests/benchmarks/bench_rich_editor.py
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import keyring
from keyring.backend import KeyringBackend
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

SAMPLES = 300


class _MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def six_cards() -> dict[str, Any]:
    """6 full cards of 7 buttons each: 42 buttons with HTML text and colours."""
    buttons = []
    for c in range(6):
        product = f"<b>Product {c}</b> <font color='#6FC133'>$1{c}.99</font>"
        buy = "<font color='#FFFFFF'><b>Buy</b></font>"
        buttons += [
            {"Columns": 6, "Rows": 3, "ActionType": "open-url", "BgColor": "#F2F0FF",
             "ActionBody": f"https://example.com/p{c}", "Image": f"https://example.com/{c}.jpg"},
            {"Columns": 6, "Rows": 1, "ActionType": "reply", "ActionBody": f"t{c}",
             "Text": product},
            {"Columns": 3, "Rows": 1, "ActionType": "reply", "ActionBody": f"a{c}",
             "Text": "Size S"},
            {"Columns": 3, "Rows": 1, "ActionType": "reply", "ActionBody": f"b{c}",
             "Text": "Size M"},
            {"Columns": 6, "Rows": 1, "ActionType": "reply", "ActionBody": f"buy{c}",
             "Text": buy, "BgColor": "#7360F2"},
            {"Columns": 3, "Rows": 1, "ActionType": "open-url",
             "ActionBody": "https://example.com", "Text": "Details"},
            {"Columns": 3, "Rows": 1, "ActionType": "reply", "ActionBody": f"s{c}",
             "Text": "Share"},
        ]  # fmt: skip
    return {
        "receiver": "sandbox-user-1",
        "sender": {"name": "Bench"},
        "min_api_version": 2,
        "type": "rich_media",
        "alt_text": "bench",
        "rich_media": {
            "Type": "rich_media",
            "ButtonsGroupColumns": 6,
            "ButtonsGroupRows": 7,
            "BgColor": "#FFFFFF",
            "Buttons": buttons,
        },
    }


def _stats(label: str, values: list[float]) -> None:
    values = sorted(values)
    p99 = values[max(0, int(len(values) * 0.99) - 1)]
    print(
        f"{label}: median {statistics.median(values):.2f} ms, p99 {p99:.2f} ms, "
        f"max {values[-1]:.2f} ms ({len(values)} samples)"
    )


def measure(app: QApplication, editor: Any, label: str) -> None:
    grid = editor.grid
    editor.select(8)
    app.processEvents()
    field = editor.panel.form.widgets["/Text"]
    field.setFocus()
    keys: list[float] = []
    for i in range(SAMPLES):
        t0 = time.perf_counter()
        if i % 20:
            QTest.keyClick(field, Qt.Key.Key_X)
        else:
            QTest.keyClick(field, Qt.Key.Key_Backspace)
        app.processEvents()  # the repaint of the field, the grid and the panel
        keys.append((time.perf_counter() - t0) * 1000)
    clicks: list[float] = []
    targets = [p.button for p in grid.places if p.card < 3]  # the cards in view
    for i in range(SAMPLES):
        index = targets[(i * 7) % len(targets)]
        center = grid.button_rect(index).center()
        editor.scroller.ensureVisible(int(center.x()), int(center.y()))
        app.processEvents()
        t0 = time.perf_counter()
        QTest.mouseClick(
            grid, Qt.MouseButton.LeftButton, pos=QPoint(int(center.x()), int(center.y()))
        )
        app.processEvents()
        clicks.append((time.perf_counter() - t0) * 1000)
        assert editor.row == index
    _stats(f"{label} keystroke in Text", keys)
    _stats(f"{label} click in the grid", clicks)


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name in ("CONFIG", "DATA", "CACHE"):  # never the user's own files
        os.environ[f"VIBER_DESKTOP_{name}_DIR"] = tempfile.mkdtemp()
    keyring.set_keyring(_MemoryKeyring())
    from viber_desktop.services.history import HistoryStore
    from viber_desktop.services.settings import SettingsStore
    from viber_desktop.services.vault import TokenVault
    from viber_desktop.ui.app import make_app
    from viber_desktop.ui.composer.containers import GroupEditor, rich_media_editor
    from viber_desktop.ui.context import AppContext
    from viber_desktop.ui.document import MessageDocument
    from viber_desktop.ui.images import ImageLoader
    from viber_desktop.ui.main_window import MainWindow
    from viber_desktop.ui.tasks import TaskRunner

    app = make_app([])
    tmp = Path(tempfile.mkdtemp())
    runner = TaskRunner()
    store = SettingsStore(tmp / "settings.json")
    ctx = AppContext(
        store,
        store.load(),
        TokenVault(),
        runner,
        ImageLoader(runner, fetch=lambda url: b""),
        history=HistoryStore(tmp / "history.sqlite3"),
    )
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    window.composer.load_payload(six_cards())
    app.processEvents()
    group = window.composer.forms["rich_media"]
    assert isinstance(group, GroupEditor)
    assert len(group.editor.grid.places) == 42 and group.editor.grid.cards() == 6
    measure(app, group.editor, "window")

    doc = MessageDocument(six_cards())
    alone = rich_media_editor(doc)
    doc.changed.connect(lambda _: alone.refresh())
    alone.refresh()
    alone.resize(640, 900)
    alone.show()
    app.processEvents()
    measure(app, alone.editor, "editor alone")
    window.close()
    runner.wait(5000)
    ctx.close()


if __name__ == "__main__":
    main()

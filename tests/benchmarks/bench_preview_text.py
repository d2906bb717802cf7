"""What a keystroke in a long message text costs the preview (issue 18 review, item 11).

A ChatPreview at 420x600 (offscreen) shows a text message; each "keystroke" adds a character
and shows the message again, as the window does. Sizes: 200 characters (the yardstick), the
7,000-character limit and a 100 KB paste; then a rich-media button whose Text holds 1,000
unclosed <font> tags. Rounds interleave the cases; per round the median of 10 keystrokes, then
the median and range over rounds, and the ratio to the yardstick.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_preview_text.py [--rounds 5]
"""

import argparse
import os
import statistics
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from viber_desktop.ui.preview import ChatPreview

UNIT = "Big *summer sale* today: _everything_ must go, see the shop. "


def text_msg(size: int) -> dict[str, Any]:
    return {
        "type": "text",
        "sender": {"name": "Shop"},
        "text": (UNIT * (size // len(UNIT) + 1))[:size],
    }


def fonts_msg() -> dict[str, Any]:
    button = {
        "Columns": 6,
        "Rows": 1,
        "ActionType": "none",
        "Text": "<font color=#ff0000>" * 1000 + "Buy",
    }
    rich = {
        "Type": "rich_media",
        "ButtonsGroupColumns": 6,
        "ButtonsGroupRows": 1,
        "Buttons": [button],
    }
    return {"type": "rich_media", "sender": {"name": "Shop"}, "rich_media": rich}


def keystrokes(app: QApplication, preview: ChatPreview, msg: dict[str, Any], n: int = 10) -> float:
    preview.show_message(msg)
    app.processEvents()
    times = []
    for i in range(n):
        msg = dict(msg)
        if msg["type"] == "text":
            msg["text"] = msg["text"] + "abcdefghij"[i]
        else:
            rich = dict(msg["rich_media"])
            button = dict(rich["Buttons"][0])
            button["Text"] = button["Text"] + "x"
            rich["Buttons"] = [button]
            msg["rich_media"] = rich
        began = time.perf_counter()
        preview.show_message(msg)
        app.processEvents()  # layout and paint
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    preview = ChatPreview()
    preview.resize(420, 600)
    preview.show()
    cases = {
        "200 chars": text_msg(200),
        "7,000 chars": text_msg(7000),
        "100 KB": text_msg(100_000),
        "1,000 <font>": fonts_msg(),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for r in range(rounds):
        order = list(cases)[r % 4 :] + list(cases)[: r % 4]
        for name in order:
            preview.show_message({})
            app.processEvents()
            times[name].append(keystrokes(app, preview, cases[name]))
    base = statistics.median(times["200 chars"])
    for name, got in times.items():
        med = statistics.median(got)
        print(
            f"{name:>14}: median {med * 1000:8.1f} ms per keystroke "
            f"(range {min(got) * 1000:.1f}-{max(got) * 1000:.1f}), "
            f"{med / base:6.1f}x the 200-char text"
        )


if __name__ == "__main__":
    main()

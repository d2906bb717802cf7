"""Grab screenshots of the main window (offscreen) for the README and for review.

Usage: python packaging/screenshot.py OUT.png [--size 1280x800] [--dark] [--type rich_media]
       [--tab preview|json|response] [--send N] [--history] [--rtl] [--lang en|uk]
"""

import argparse
import json
import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for name in ("CONFIG", "DATA", "CACHE"):  # never touch the user's files
    os.environ.setdefault(f"VIBER_DESKTOP_{name}_DIR", tempfile.mkdtemp(prefix="vd-shot-"))

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from viber_desktop.ui.app import make_app
from viber_desktop.ui.assets import sample_payload
from viber_desktop.ui.context import build_context
from viber_desktop.ui.main_window import MainWindow

SAMPLES = {
    "error": {
        "receiver": "",
        "type": "text",
        "text": "Hi",
        "sender": {"name": "A" * 30},
        "tracking_data": None,
    },
    "odd": {
        "receiver": 12345,
        "chat_id": 7,
        "type": "text",
        "text": "Hi",
        "sender": {"name": "Shop", "x": {"deep": [1, 2]}},
        "tracking_data": None,
        "min_api_version": "3",
    },
}

FULL_KEYBOARD = {
    "Type": "keyboard",
    "DefaultHeight": True,
    "BgColor": "#F0F1F5",
    "Buttons": [
        {
            "Columns": 2 if i % 4 else 6,
            "Rows": 1,
            "ActionType": "reply",
            "ActionBody": f"choice {i}",
            "Text": f"<b>Choice {i + 1}</b>" if i % 4 else "<font color='#FFFFFF'>Menu</font>",
            "BgColor": "#7360F2" if i % 4 == 0 else "#FFFFFF",
        }
        for i in range(24)
    ],
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--rtl", action="store_true")
    parser.add_argument("--lang", default="en", choices=("en", "uk"))
    parser.add_argument("--type", default="")
    parser.add_argument("--tab", default="preview")
    parser.add_argument("--send", type=int, default=0, help="send N times first")
    parser.add_argument("--history", action="store_true", help="show the History tab")
    parser.add_argument("--payload", default="", help="open this JSON message")
    parser.add_argument("--keyboard", action="store_true", help="add a full 24-button keyboard")
    parser.add_argument("--phone", action="store_true", help="the preview's 360-px phone mode")
    args = parser.parse_args()
    app = make_app(dark=args.dark, lang=args.lang)
    if args.rtl:
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    window = MainWindow(build_context())
    payload = None
    if args.payload:
        with open(args.payload, encoding="utf-8") as file:
            payload = json.load(file)
    elif args.type:
        payload = sample_payload("rich_media") if args.type == "rich_media" else SAMPLES[args.type]
    if args.keyboard:
        payload = dict(payload or sample_payload("text"))
        payload["keyboard"] = FULL_KEYBOARD
    if payload is not None:
        window.composer.load_payload(payload)
    if args.phone:
        window.preview.set_phone(True)
    w, h = (int(x) for x in args.size.split("x"))
    window.resize(w, h)
    window.show()
    window.ctx.runner.wait()
    app.processEvents()
    tabs = {"preview": 0, "json": 1, "response": 2}
    window.tabs.setCurrentIndex(tabs[args.tab])

    def grab() -> None:
        window.grab().save(args.out)
        window.close()
        QApplication.quit()

    if args.send:
        receivers = ["sandbox-user-1", "status-6", "fault-http500", "sandbox-user-2", "status-12"]
        left = [args.send]

        def next_send(_: object = None) -> None:
            if left[0] == 0:
                if args.history:
                    window.modes.setCurrentIndex(1)
                    window.history_panel.select_row(0)
                QTimer.singleShot(400, grab)
                return
            left[0] -= 1
            window.composer.receiver.setText(receivers[left[0] % len(receivers)])
            QTimer.singleShot(50, window.send)

        window.send_finished.connect(next_send)
        QTimer.singleShot(500, next_send)
    else:
        QTimer.singleShot(600, grab)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

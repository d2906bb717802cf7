"""Grab screenshots of the main window (offscreen) for the README and for review.

Usage: python packaging/screenshot.py OUT.png [--size 1280x800] [--dark] [--type rich_media]
       [--tab preview|json|response] [--send N] [--history] [--rtl] [--lang en|uk]
"""

import argparse
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
    args = parser.parse_args()
    app = make_app(dark=args.dark, lang=args.lang)
    if args.rtl:
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    window = MainWindow(build_context())
    if args.type:
        window.composer.load_payload(
            sample_payload("rich_media") if args.type == "rich_media" else SAMPLES[args.type]
        )
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

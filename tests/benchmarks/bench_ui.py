"""Start-up against a bare PySide6 window, idle memory, and keystroke latency at 30 KB."""

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE = """
import time; t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.resize(1280, 800)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print(f"startup_ms={(time.perf_counter() - t0) * 1000:.0f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""


def _stats(values: list[float]) -> str:
    values = sorted(values)
    return (
        f"median {statistics.median(values):.2f} ms, "
        f"p99 {values[int(len(values) * 0.99) - 1]:.2f} ms"
    )


def run_ms(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(startup_ms printed by the program, process wall time in ms)."""
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    wall = (time.perf_counter() - t0) * 1000
    return float(out.strip().split("startup_ms=")[1].split()[0]), wall


def startup(runs: int = 7) -> None:
    env = dict(os.environ)
    for name in ("CONFIG", "DATA", "CACHE"):
        env[f"VIBER_DESKTOP_{name}_DIR"] = tempfile.mkdtemp()
    bare = [run_ms([sys.executable, "-c", BARE], env) for _ in range(runs)]
    app = [
        run_ms([sys.executable, "-m", "viber_desktop", "--smoke-test"], env) for _ in range(runs)
    ]
    for name, data in (("bare window", bare), ("viber-desktop", app)):
        print(
            f"{name}: first paint median {statistics.median(d[0] for d in data):.0f} ms "
            f"(in-process), process wall median {statistics.median(d[1] for d in data):.0f} ms"
        )
    ratio = statistics.median(d[1] for d in app) / statistics.median(d[1] for d in bare)
    print(f"start-up ratio (process wall, app / bare): {ratio:.2f} (target <= 2)")


def in_process() -> None:
    for name in ("CONFIG", "DATA", "CACHE"):
        os.environ[f"VIBER_DESKTOP_{name}_DIR"] = tempfile.mkdtemp()
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.benchmarks.payloads import big_rich_media
    from viber_desktop.ui.app import make_app
    from viber_desktop.ui.context import build_context
    from viber_desktop.ui.main_window import MainWindow

    app = make_app()
    window = MainWindow(build_context())
    window.show()
    window.ctx.runner.wait()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.05)
    rss_mb = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"idle memory after start: RSS {rss_mb:.0f} MB (peak {peak_mb:.0f} MB, target < 150)")

    msg = big_rich_media()
    window.composer.load_payload(msg)
    app.processEvents()
    print(f"payload in the window: {window.report.bytes:,} bytes")
    editor = window.composer.forms["rich_media"].editor
    editor.list.setCurrentRow(2)
    fields = {
        "tracking_data (not in the preview)": window.composer.tracking,
        "a rich-media button's Text (redraws the preview)": editor.form.widgets["/Text"],
    }
    for name, field in fields.items():
        field.setFocus()
        latencies, deferred = [], []
        for i in range(300):
            t0 = time.perf_counter()
            QTest.keyClick(field, Qt.Key.Key_A if i % 2 == 0 else Qt.Key.Key_Backspace)
            app.processEvents()  # counters, findings, size meter, Send state, repaint
            latencies.append((time.perf_counter() - t0) * 1000)
            t1 = time.perf_counter()
            window._refresh_views()  # the preview: what the 60 ms debounce runs once typing pauses
            app.processEvents()  # ... with its repaint and the old preview's deletion
            deferred.append((time.perf_counter() - t1) * 1000)
        print(f"typing into {name}:")
        print(
            f"  keystroke -> counters, findings, meter, Send state: {_stats(latencies)}"
            " (target p99 < 16 ms)"
        )
        print(f"  debounced preview redraw: {_stats(deferred)}")
    window.close()


if __name__ == "__main__":
    if "--in-process" in sys.argv:
        in_process()
    else:
        startup()
        subprocess.run([sys.executable, __file__, "--in-process"], check=True)

"""Keystroke latency in a 7,000-character message text with spell checking on (issue 18).

In the real window (offscreen): a text message of 7,000 characters, keys typed in the middle
of it (a sentence, a character a key), each measured from the key to the end of the event
loop's work it caused (counters, findings, the document, the underline guess and the worker's
answer when it has come), as wall time and as the GUI thread's own CPU time (which a loaded
machine disturbs less). The same number of keys is typed with spell checking off (no
dictionary) in alternate rounds of the same run: the ratio is the yardstick on a loaded
machine. Two texts: one paragraph of 7,000 characters (the worst case for the underlines: the
paragraph is laid out again when they change) and 70 paragraphs of 100.

``--pace MS`` types as a person does instead, a key every MS milliseconds with the Preview tab
shown, and counts for each key all the GUI thread's work until the next one: the key itself
and what it defers (the preview's redraw 60 ms later, a slow check, the underlines); per key
the sum (busy), the longest single stretch (stall) and the CPU time; and the key's latency as a
person sees it: keys fall due on a fixed clock, and a key is measured from when it fell due (a
key due during deferred work waits for it) to the end of the pass that painted it. A
200-character text with spelling on is the yardstick in the same window.

    .venv/bin/python tests/benchmarks/bench_spelling.py [--runs 5] [--keys 300] [--pace 120]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from viber_desktop.ui.spelling.hub import SpellingHub

SENTENCE = (
    "Our winter colection is here: warm coats, scarves and boots at up to 40% off, "
    "see https://shop.example.com/winter?utm_source=viber or reply {first_name}. "
)


TYPED = "and a new colour of the seasn for everyone who loves warm things "
"""Typed forward, a character a key: every key makes a text not checked before."""


def message_text(paragraphs: int) -> str:
    """7,000 characters of prose with a few typos, in ``paragraphs`` paragraphs."""
    size = 7_000 // paragraphs
    text = (SENTENCE * (size // len(SENTENCE) + 1))[: size - 1]
    return "\n".join([text] * paragraphs)[:7_000]


def p99(values: list[float]) -> float:
    values = sorted(values)
    return values[max(0, int(len(values) * 0.99) - 1)]


SPENT = [0.0]
"""CPU seconds the GUI thread spent in the spell checker's own code (see ``_timed``)."""
_DEPTH = [0]


def _timed(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn``, adding the GUI thread's CPU time in it to SPENT (outermost calls only)."""

    def timed(*args: Any, **kwargs: Any) -> Any:
        _DEPTH[0] += 1
        start = time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            _DEPTH[0] -= 1
            if _DEPTH[0] == 0:
                SPENT[0] += time.thread_time() - start

    return timed


def type_keys(
    app: "QApplication", field: "QPlainTextEdit", keys: int
) -> tuple[list[float], list[float], list[float]]:
    """Wall time, the GUI thread's CPU time and that spent in spelling code, per key, in ms."""
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    cursor = field.textCursor()
    cursor.setPosition(len(field.toPlainText()) // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord)
    field.setTextCursor(cursor)
    wall, cpu, spelling = [], [], []
    for i in range(keys):
        t0, c0, s0 = time.perf_counter(), time.thread_time(), SPENT[0]
        QTest.keyClicks(field, TYPED[i % len(TYPED)])
        app.processEvents()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
        spelling.append((SPENT[0] - s0) * 1000)
    return wall, cpu, spelling


def type_paced(
    app: "QApplication", field: "QPlainTextEdit", keys: int, pace: float
) -> tuple[list[float], list[float], list[float], list[float]]:
    """Per key typed every ``pace`` seconds: the GUI thread's busy time until the next key,
    its longest stretch, its CPU time, and the key's latency, in ms (the sleeps between are
    not counted).

    Keys are due on a fixed clock (``pace`` apart), as a person's are: a key due while deferred
    work still runs waits for it, so its latency, from when it was due to the end of the
    event loop's pass that painted it, includes that wait.
    """
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    cursor = field.textCursor()
    cursor.setPosition(len(field.toPlainText()) // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord)
    field.setTextCursor(cursor)
    busy, stall, cpu, latency = [], [], [], []
    due = time.perf_counter()
    for i in range(keys):
        start = time.perf_counter()
        c0 = time.thread_time()
        QTest.keyClicks(field, TYPED[i % len(TYPED)])
        app.processEvents()  # the key's own work and the field's repaint
        end = time.perf_counter()
        latency.append((end - due) * 1000)
        first = end - start
        total, longest = first, first
        due += pace
        while time.perf_counter() < due:
            time.sleep(0.001)
            t0 = time.perf_counter()
            app.processEvents()
            took = time.perf_counter() - t0
            if took > 0.0002:  # work, not an empty look at the queue
                total += took
                longest = max(longest, took)
        due = max(due, time.perf_counter() - pace)  # a key is never due twice at once
        busy.append(total * 1000)
        stall.append(longest * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    return busy, stall, cpu, latency


LATENCIES: dict[str, list[float]] = {}
"""Every key's latency per case of a paced run, for the p99 over all runs' keys."""


def settle(app: "QApplication", hub: "SpellingHub") -> None:
    """Until the first check of every paragraph is shown (a cost of loading the text, not of
    typing: 50 fixed rounds sometimes left the answers for 70 paragraphs to the first keys)."""
    quiet, deadline = 0, time.monotonic() + 20
    while quiet < 5 and time.monotonic() < deadline:
        app.processEvents()
        quiet = quiet + 1 if hub.wait(0.02) else 0
        time.sleep(0.01)


def run_paced(keys: int, pace: float) -> dict[str, tuple[float, ...]]:
    """(busy median, busy p99, stall p99, CPU p99, key latency median and p99) in ms per
    case, one window."""
    for name in ("CONFIG", "DATA", "CACHE"):
        os.environ[f"VIBER_DESKTOP_{name}_DIR"] = tempfile.mkdtemp()
    from PySide6.QtWidgets import QPlainTextEdit

    from viber_desktop.ui import first_paint
    from viber_desktop.ui.app import make_app
    from viber_desktop.ui.composer.spec_form import SpecForm
    from viber_desktop.ui.context import build_context
    from viber_desktop.ui.main_window import MainWindow
    from viber_desktop.ui.spelling.hub import default_hub

    app = make_app()
    window = MainWindow(build_context())
    window.resize(1280, 800)
    window.show()
    window.tabs.setCurrentWidget(window.preview)
    window.composer.load_payload({"receiver": "r", "type": "text", "text": "x"})
    app.processEvents()
    first_paint.settled()  # as the app does once its window has painted
    form = window.composer.forms["text"]
    assert isinstance(form, SpecForm)
    field = form.widgets["/text"]
    assert isinstance(field, QPlainTextEdit)
    hub = default_hub()
    figures: dict[str, tuple[float, ...]] = {}
    texts = {"200 chars": message_text(1)[:200], "1 paragraph": message_text(1)}
    texts["70 paragraphs"] = message_text(70)
    for name, text in texts.items():
        window.composer.load_payload({"receiver": "r", "type": "text", "text": text})
        for on in (True, False) if name != "200 chars" else (True,):
            hub.language = ""
            hub.use_language("en" if on else "xx")
            deadline = time.monotonic() + 15
            while not (hub.active or hub.problem) and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.01)
            assert hub.active == on, hub.status()
            field.setFocus()
            settle(app, hub)
            busy, stall, cpu, latency = type_paced(app, field, keys, pace)
            LATENCIES[f"{name}, spelling {'on' if on else 'off'}"] = latency
            figures[f"{name}, spelling {'on' if on else 'off'}"] = (
                statistics.median(busy),
                p99(busy),
                p99(stall),
                p99(cpu),
                statistics.median(latency),
                p99(latency),
            )
    window.close()
    return figures


def run(keys: int, rounds: int = 4) -> dict[str, tuple[float, ...]]:
    """(median, p99, GUI thread CPU p99, spelling code's p99) in ms per case, spelling on and
    off in alternate rounds of one window."""
    for name in ("CONFIG", "DATA", "CACHE"):
        os.environ[f"VIBER_DESKTOP_{name}_DIR"] = tempfile.mkdtemp()
    from PySide6.QtWidgets import QPlainTextEdit

    from viber_desktop.ui import first_paint
    from viber_desktop.ui.app import make_app
    from viber_desktop.ui.composer.spec_form import SpecForm
    from viber_desktop.ui.context import build_context
    from viber_desktop.ui.main_window import MainWindow
    from viber_desktop.ui.spelling.attach import SpellCheck
    from viber_desktop.ui.spelling.hub import SpellingHub, default_hub
    from viber_desktop.ui.spelling.underline import SpellHighlighter

    # Before any is made: the GUI thread's work of the spell checker, timed.
    SpellHighlighter.highlightBlock = _timed(SpellHighlighter.highlightBlock)  # type: ignore[method-assign]
    SpellingHub._on_answered = _timed(SpellingHub._on_answered)  # type: ignore[method-assign]
    SpellingHub.request = _timed(SpellingHub.request)  # type: ignore[method-assign]

    app = make_app()
    window = MainWindow(build_context())
    window.show()
    window.composer.load_payload({"receiver": "r", "type": "text", "text": "x"})
    app.processEvents()
    first_paint.settled()  # as the app does once its window has painted
    form = window.composer.forms["text"]
    assert isinstance(form, SpecForm)
    field = form.widgets["/text"]
    assert isinstance(field, QPlainTextEdit) and field.findChild(SpellCheck) is not None
    hub = default_hub()
    latencies: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    own: dict[str, list[float]] = {}
    for paragraphs in (1, 70):
        window.composer.load_payload(
            {"receiver": "r", "type": "text", "text": message_text(paragraphs)}
        )
        for _ in range(rounds):
            for on in (False, True):
                hub.language = ""  # use_language again, even for the same language
                hub.use_language("en" if on else "xx")  # xx: no dictionary, checking off
                deadline = time.monotonic() + 15
                while not (hub.active or hub.problem) and time.monotonic() < deadline:
                    app.processEvents()
                    time.sleep(0.01)
                assert hub.active == on, hub.status()
                field.setFocus()
                for _ in range(30):  # the first check of every paragraph
                    app.processEvents()
                    hub.wait(0.01)
                name = f"{paragraphs} paragraph(s), spelling {'on' if on else 'off'}"
                wall, used, spelling = type_keys(app, field, keys // rounds)
                latencies.setdefault(name, []).extend(wall)
                cpu.setdefault(name, []).extend(used)
                own.setdefault(name, []).extend(spelling)
    window.close()
    return {
        name: (statistics.median(v), p99(v), p99(cpu[name]), p99(own[name]))
        for name, v in latencies.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--pace", type=float, default=0, help="ms between keys (0: none)")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.one:  # one run in this process
        got = run_paced(opts.keys, opts.pace / 1000) if opts.pace else run(opts.keys)
        for name, figures in got.items():
            print("\t".join([name, *(f"{x:.3f}" for x in figures)]), flush=True)
        for name, latency in LATENCIES.items():
            print("\t".join(["keys", name, *(f"{x:.3f}" for x in latency)]), flush=True)
        return
    import subprocess

    table: dict[str, list[tuple[float, ...]]] = {}
    pooled: dict[str, list[float]] = {}
    for _ in range(opts.runs):  # a fresh process per run: no warm caches between runs
        out = subprocess.run(
            [sys.executable, __file__, "--one", "--keys", str(opts.keys), "--pace", str(opts.pace)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for line in out.splitlines():
            name, *numbers = line.split("\t")
            if name == "keys":
                pooled.setdefault(numbers[0], []).extend(float(x) for x in numbers[1:])
                continue
            table.setdefault(name, []).append(tuple(float(x) for x in numbers))
    if opts.pace:
        paced_report(table, opts)
        print("  key latency p99 over every key of the runs (target < 16 ms):")
        for name, latency in pooled.items():
            worst = max(latency)
            print(f"    {name}: {p99(latency):.1f} ms ({len(latency)} keys, worst {worst:.1f})")
        return
    print(f"{opts.runs} runs of {opts.keys} keys, 7,000 characters (target p99 < 16 ms):")
    for name, runs in table.items():
        medians, highs, cpu_p99, own_p99 = (sorted(column) for column in zip(*runs, strict=True))
        print(
            f"  {name}: p99 {', '.join(f'{h:.1f}' for h in highs)} ms "
            f"(median of runs {statistics.median(highs):.1f}); "
            f"median {medians[0]:.2f}-{medians[-1]:.2f} ms; "
            f"GUI thread CPU p99 {', '.join(f'{u:.1f}' for u in cpu_p99)} ms"
        )
        if name.endswith("on"):
            print(
                "    of which the spell checker's own code on the GUI thread, p99: "
                f"{', '.join(f'{u:.2f}' for u in own_p99)} ms"
            )
    for paragraphs in ("1 paragraph(s)", "70 paragraph(s)"):
        on = table[f"{paragraphs}, spelling on"]
        off = table[f"{paragraphs}, spelling off"]
        for label, index in (("p99", 1), ("GUI thread CPU p99", 2)):
            ratios = sorted(a[index] / b[index] for a, b in zip(on, off, strict=True))
            print(
                f"  {paragraphs}: {label} on / off in the same run "
                f"{', '.join(f'{r:.2f}' for r in ratios)}"
            )


def paced_report(table: dict[str, list[tuple[float, ...]]], opts: argparse.Namespace) -> None:
    print(f"{opts.runs} runs of {opts.keys} keys, a key every {opts.pace:g} ms, Preview shown:")
    for name, runs in table.items():
        columns = [sorted(column) for column in zip(*runs, strict=True)]
        print(f"  {name}:")
        for label, column in zip(
            ("busy median", "busy p99", "stall p99", "CPU p99", "key median", "key p99"),
            columns,
            strict=True,
        ):
            print(f"    {label:>11}: {', '.join(f'{x:.1f}' for x in column)} ms")
    yard = table["200 chars, spelling on"]
    for name, runs in table.items():
        if name.startswith("200"):
            continue
        ratios = sorted(a[1] / b[1] for a, b in zip(runs, yard, strict=True))
        print(f"  {name}: busy p99 / the 200-char text's: {', '.join(f'{r:.2f}' for r in ratios)}")


if __name__ == "__main__":
    main()

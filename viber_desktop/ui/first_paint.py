"""Work that waits until the starting window has painted once (start-up, issue 16).

Trap: a worker thread started during start-up (opening the spelling dictionary, say) is not
free: while it runs Python it holds the interpreter lock half the time, so the window's own
imports and construction wait for it. Work that the first look does not need is handed to
:func:`after_first_paint` instead; outside a start (tests, the CLI) it runs at once.
"""

import gc
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

_held: list[Callable[[], None]] | None = None
_dropped = False


def hold() -> None:
    """Keep work back from now until :func:`release` (the window is being built)."""
    global _held
    if _held is None:
        _held = []


def drop() -> None:
    """Never run the work kept back, nor work given from now on: the app quits at its first
    paint (``--smoke-test``), as the yardstick of issue 16 does; work held for after the
    paint (a worker's start, say) would only make the quit wait."""
    global _dropped
    _dropped = True
    if _held is not None:
        _held.clear()


def release() -> None:
    """Run the work kept back, in the order it came; later work runs at once."""
    global _held
    waiting, _held = _held or [], None
    if _dropped:
        return
    for work in waiting:
        work()
    settled()


def settled() -> None:
    """The window is built: what start-up made lives as long as the app, so the garbage
    collector need not look at it again. Trap: a full collection looks at every object the
    app holds, about 45 ms with the window built (a 42-button carousel's editor open), a
    pause that came back every few hundred keystrokes; frozen, it looks at newer ones only.

    A start turns the collector off until now (main._window): the build's ten or so small
    collections found some hundred objects of garbage, 2-3 ms before the first paint. The
    one collection here finds them after it, before they could be frozen for good.
    """
    if not gc.isenabled():
        gc.collect()
        gc.enable()
    gc.freeze()


def holding() -> bool:
    """True while a starting window has not painted yet (work given now would wait)."""
    return _held is not None or _dropped


def after_first_paint(work: Callable[[], None]) -> None:
    """Run ``work`` now, or after the first paint of the window being started."""
    if _dropped:
        return
    if _held is None:
        work()
    else:
        _held.append(work)


LATEST_MS = 3000
"""Held work starts by then even if the window has not painted (started minimized, on another
desktop): the history, the dictionary and the collector must not wait for it to be seen."""


class FirstPaintGate(QObject):
    """Watches the window: at its first paint, :func:`release` is queued (it runs once the
    paint is over); at the latest LATEST_MS after the gate is made."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = QTimer(self, singleShot=True, interval=LATEST_MS)
        self._latest.timeout.connect(self._release)
        self._latest.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._latest.stop()
            QTimer.singleShot(0, release)
        return False

    @staticmethod
    def _release() -> None:
        if _held is not None:  # not released yet (nor dropped: a smoke test has quit)
            release()

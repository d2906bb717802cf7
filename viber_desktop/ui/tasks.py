"""Run blocking work (network, keyring, SQLite) off the GUI thread; results come back by signal.

Trap: each task's signal carrier is created on the GUI thread, owned by the runner, so queued
connections deliver its signals there and Python's GC never frees it while a signal is on
its way; it is deleted with ``deleteLater`` once its callback has run. A worker that
finishes after the application is gone finds its carrier deleted and stays quiet.
"""

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal


class _Carrier(QObject):
    done = Signal(object)
    failed = Signal(object)


def _deliver(carrier: _Carrier, fn: Callable[[], Any]) -> None:
    try:
        result = fn()
    except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
        signal, value = carrier.failed, exc
    else:
        signal, value = carrier.done, result
    # "Signal source has been deleted": the app closed while this ran; nobody listens.
    with contextlib.suppress(RuntimeError):
        signal.emit(value)


class TaskRunner(QObject):
    """Starts tasks on a thread pool (or a detached thread) and calls back on the GUI thread.

    Signals:
        busy_changed(bool): True while any pool task is running.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(4)
        self._running: set[_Carrier] = set()
        self._detached: dict[_Carrier, threading.Thread] = {}

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``fn`` on the pool; ``wait`` (at close) waits for it."""
        carrier = _Carrier(self)
        self._running.add(carrier)
        if len(self._running) == 1:
            self.busy_changed.emit(True)

        def finish() -> None:
            self._running.discard(carrier)
            if not self._running:
                self.busy_changed.emit(False)

        self._connect(carrier, finish, on_done, on_error)
        self.pool.start(lambda: _deliver(carrier, fn))

    def run_detached(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``fn`` on its own daemon thread, which ``wait`` does not wait for.

        For work that may outlive the window (a send waiting for a slow server): closing
        never freezes on it; a process that exits first leaves it unfinished.
        """
        carrier = _Carrier(self)
        thread = threading.Thread(target=_deliver, args=(carrier, fn), name="viber-send")
        thread.daemon = True
        self._detached[carrier] = thread
        self._connect(carrier, lambda: self._detached.pop(carrier, None), on_done, on_error)
        thread.start()

    @staticmethod
    def _connect(
        carrier: _Carrier,
        finish: Callable[[], object],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
    ) -> None:
        def done(result: Any) -> None:
            finish()
            carrier.deleteLater()
            if on_done is not None:
                on_done(result)

        def failed(exc: Exception) -> None:
            finish()
            carrier.deleteLater()
            if on_error is not None:
                on_error(exc)

        carrier.done.connect(done)
        carrier.failed.connect(failed)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    @property
    def detached_busy(self) -> bool:
        """True until every detached task's callback has run."""
        return bool(self._detached)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for every pool task (at shutdown and in tests); detached work is not waited for."""
        return self.pool.waitForDone(msecs)

    def wait_detached(self, msecs: int = 30_000) -> bool:
        """Wait for the detached threads to end (tests); their callbacks still need the loop."""
        for thread in list(self._detached.values()):
            thread.join(msecs / 1000)
        return not any(t.is_alive() for t in self._detached.values())

"""Run blocking work (network, keyring, SQLite) on a pool thread; results come back by signal.

Trap: the signal carrier is created on the GUI thread, so queued connections deliver its
signals there; ``setAutoDelete(False)`` plus the runner's reference keeps the QRunnable alive
until it has finished, so neither Python's GC nor Qt frees it twice.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Carrier(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.carrier = _Carrier()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            self.carrier.failed.emit(exc)
        else:
            self.carrier.done.emit(result)


class TaskRunner(QObject):
    """Starts tasks on a thread pool and calls back on the GUI thread.

    Signals:
        busy_changed(bool): True while any task is running.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(4)
        self._running: set[_Task] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        task = _Task(fn)
        self._running.add(task)
        if len(self._running) == 1:
            self.busy_changed.emit(True)

        def finish() -> None:
            self._running.discard(task)
            if not self._running:
                self.busy_changed.emit(False)

        def done(result: Any) -> None:
            finish()
            if on_done is not None:
                on_done(result)

        def failed(exc: Exception) -> None:
            finish()
            if on_error is not None:
                on_error(exc)

        task.carrier.done.connect(done)
        task.carrier.failed.connect(failed)
        self.pool.start(task)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for every task (at shutdown and in tests)."""
        return self.pool.waitForDone(msecs)

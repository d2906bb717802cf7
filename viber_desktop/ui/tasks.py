"""Run blocking work (network, keyring, SQLite) off the GUI thread; results come back by signal.

Trap: a worker thread must never emit on a QObject the GUI thread may delete meanwhile (a
runner closed with its window, a carrier deleted after its callback): that race crashes the
process. Every worker emits on one hub that lives as long as the process.

Trap: runners are not connected to the hub; the hub hands each answer to the runner that
started the task (held weakly). A runner with a slot on the hub received every task's answer
(every runner's), also once dropped and waiting for the garbage collector; a collection that
ran while PySide called into that runner deleted it inside its own event (a segfault in
"Garbage-collecting", seen in test_send_flow after earlier tests' runners were dropped).

Trap: workers are Python threads, not ``QThreadPool.start(callable)``: PySide wraps the
callable in a QRunnable that the pool deletes on its own thread, and a garbage collection on
the GUI thread meanwhile crashed the process now and then (seen in tests, a segfault in
"Garbage-collecting" while a pool task loaded a history page).
"""

import itertools
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from shiboken6 import isValid


class _Hub(QObject):
    """Receives every worker's answer on the GUI thread and passes it to its runner."""

    finished = Signal(int, bool, object)  # task id, succeeded, result or exception

    def __init__(self) -> None:
        super().__init__()
        self.runners: dict[int, weakref.ref[TaskRunner]] = {}
        """The runner of each task not answered yet (GUI thread only)."""
        self.finished.connect(self._answer, Qt.ConnectionType.QueuedConnection)

    @Slot(int, bool, object)
    def _answer(self, task_id: int, ok: bool, value: object) -> None:
        ref = self.runners.pop(task_id, None)
        runner = ref() if ref is not None else None
        if runner is not None and isValid(runner):  # Qt deleted it: its answers are dropped
            runner._finished(task_id, ok, value)


_hub: _Hub | None = None
_ids = itertools.count(1)
_ids_lock = threading.Lock()


def _the_hub() -> _Hub:
    """The process-wide hub, created on the GUI thread by the first runner."""
    global _hub
    if _hub is None:
        _hub = _Hub()
    return _hub


def _next_id() -> int:
    with _ids_lock:
        return next(_ids)


def _deliver(hub: _Hub, task_id: int, fn: Callable[[], Any]) -> None:
    try:
        result = fn()
    except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
        hub.finished.emit(task_id, False, exc)
    else:
        hub.finished.emit(task_id, True, result)


Callbacks = tuple[Callable[[Any], None] | None, Callable[[Exception], None] | None]


class TaskRunner(QObject):
    """Starts tasks on worker threads (at most four at once, or detached) and calls back on
    the GUI thread.

    Signals:
        busy_changed(bool): True while any pool task is running.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._slots = threading.BoundedSemaphore(4)
        self._workers: dict[int, threading.Thread] = {}
        self._hub = _the_hub()
        self._pooled: dict[int, Callbacks] = {}
        self._detached: dict[int, Callbacks] = {}
        self._threads: dict[int, threading.Thread] = {}

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``fn`` on the pool; ``wait`` (at close) waits for it."""
        task_id = _next_id()
        self._hub.runners[task_id] = weakref.ref(self)
        self._pooled[task_id] = (on_done, on_error)
        if len(self._pooled) == 1:
            self.busy_changed.emit(True)
        worker = threading.Thread(
            target=self._work, args=(task_id, fn), name="viber-task", daemon=True
        )
        self._workers[task_id] = worker
        worker.start()

    def _work(self, task_id: int, fn: Callable[[], Any]) -> None:
        with self._slots:
            _deliver(self._hub, task_id, fn)

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
        task_id = _next_id()
        self._hub.runners[task_id] = weakref.ref(self)
        self._detached[task_id] = (on_done, on_error)
        thread = threading.Thread(
            target=_deliver, args=(self._hub, task_id, fn), name="viber-send", daemon=True
        )
        self._threads[task_id] = thread
        thread.start()

    def _finished(self, task_id: int, ok: bool, value: object) -> None:
        """A task of this runner ended (called by the hub, on the GUI thread)."""
        if task_id in self._pooled:
            callbacks = self._pooled.pop(task_id)
            self._workers.pop(task_id, None)
            if not self._pooled:
                self.busy_changed.emit(False)
        elif task_id in self._detached:
            callbacks = self._detached.pop(task_id)
            self._threads.pop(task_id, None)
        else:
            return
        on_done, on_error = callbacks
        if ok and on_done is not None:
            on_done(value)
        elif not ok and on_error is not None:
            assert isinstance(value, Exception)
            on_error(value)

    @property
    def busy(self) -> bool:
        return bool(self._pooled)

    @property
    def detached_busy(self) -> bool:
        """True until every detached task's callback has run."""
        return bool(self._detached)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for every pool task (at shutdown and in tests); detached work is not waited for."""
        return _join(self._workers, msecs)

    def wait_detached(self, msecs: int = 30_000) -> bool:
        """Wait for the detached threads to end (tests); their callbacks still need the loop."""
        return _join(self._threads, msecs)


def _join(threads: dict[int, threading.Thread], msecs: int) -> bool:
    """Wait up to ``msecs`` in all for ``threads`` to end; True when none is left running."""
    deadline = time.monotonic() + msecs / 1000
    for thread in list(threads.values()):
        thread.join(max(0.0, deadline - time.monotonic()))
    return not any(t.is_alive() for t in list(threads.values()))

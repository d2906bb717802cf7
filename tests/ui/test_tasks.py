"""The task runner: answers come back on the GUI thread, and never to a runner that is gone."""

import gc
import threading
import time

import shiboken6
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viber_desktop.ui.tasks import TaskRunner


def test_results_and_errors_come_back_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[str, object, bool]] = []
    main = threading.get_ident()

    def fail() -> None:
        raise ValueError("boom")

    runner.run(lambda: 41 + 1, lambda r: seen.append(("done", r, threading.get_ident() == main)))
    runner.run(fail, None, lambda e: seen.append(("error", str(e), threading.get_ident() == main)))
    runner.run_detached(lambda: "late", lambda r: seen.append(("detached", r, True)))
    qtbot.waitUntil(lambda: len(seen) == 3 and not runner.busy and not runner.detached_busy)
    assert sorted(seen) == [("detached", "late", True), ("done", 42, True), ("error", "boom", True)]


def test_a_runner_deleted_while_its_tasks_finish_stays_quiet(qtbot: QtBot) -> None:
    """Workers finishing while their runner is deleted must not crash the process."""
    called: list[object] = []
    for _ in range(40):
        runner = TaskRunner()
        release = threading.Event()

        def work(release: threading.Event = release) -> int:
            release.wait(2)
            time.sleep(0.001)
            return 1

        for _ in range(5):
            runner.run_detached(work, called.append, called.append)
        release.set()  # the workers emit while the runner is being deleted
        shiboken6.delete(runner)
        qtbot.wait(2)
    qtbot.wait(100)
    assert called == []


def test_a_dropped_runner_freed_by_the_collector_while_answers_arrive_stays_quiet(
    qtbot: QtBot,
) -> None:
    """A runner nobody holds any more waits for the garbage collector. Answers to other
    runners' tasks must not call into it: a collection during that call deleted it inside its
    own event (a segfault in "Garbage-collecting" in the full run; every time here before)."""
    threshold = gc.get_threshold()
    process_events = QApplication.processEvents
    try:
        for round_ in range(20):
            dropped = TaskRunner()
            dropped.cycle = dropped  # type: ignore[attr-defined]  # freed by the collector only
            del dropped
            runner = TaskRunner()  # made after it: a slot of its own would be called second
            done: list[int] = []
            gc.disable()
            runner.run(lambda round_=round_: round_, done.append)
            assert runner.wait(5_000)  # the answer is waiting in the event queue
            gc.set_threshold(1)  # the next allocation collects the dropped runner: while
            gc.enable()  # the answers are handed out, not before (no qtbot.waitUntil here)
            deadline = time.monotonic() + 5
            while not done and time.monotonic() < deadline:
                process_events()
            gc.set_threshold(*threshold)
            assert done == [round_]
    finally:
        gc.set_threshold(*threshold)
        gc.enable()

"""The task runner: answers come back on the GUI thread, and never to a runner that is gone."""

import threading
import time

import shiboken6
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

"""Work kept back until the starting window has painted (ui/first_paint.py, issue 16)."""

import gc
import threading
import time
import weakref
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from viber_desktop.services.spelling import SpellingOff
from viber_desktop.ui import first_paint
from viber_desktop.ui.spelling import hub as hub_module
from viber_desktop.ui.spelling.hub import SpellingHub


@pytest.fixture(autouse=True)
def released() -> Iterator[None]:
    yield
    first_paint.release()  # a failed test leaves nothing held for the next


def test_outside_a_start_work_runs_at_once() -> None:
    done: list[int] = []
    first_paint.after_first_paint(lambda: done.append(1))
    assert done == [1]


def test_held_work_runs_in_order_once_the_window_has_painted(qtbot: QtBot) -> None:
    done: list[int] = []
    first_paint.hold()
    first_paint.after_first_paint(lambda: done.append(1))
    first_paint.after_first_paint(lambda: done.append(2))
    window = QLabel("start")
    qtbot.addWidget(window)
    gate = first_paint.FirstPaintGate(window)
    window.installEventFilter(gate)
    assert done == []
    window.show()
    qtbot.waitUntil(lambda: done == [1, 2], timeout=5000)
    assert not gate._latest.isActive()  # painted: nothing is released a second time
    first_paint.after_first_paint(lambda: done.append(3))
    assert done == [1, 2, 3]


def test_held_work_starts_at_the_latest_when_the_window_does_not_paint(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A window started minimized (or on another desktop) paints only when seen: the history
    and the collector (off since the start) do not wait for that."""
    monkeypatch.setattr(first_paint, "LATEST_MS", 50)
    done: list[int] = []
    first_paint.hold()
    first_paint.after_first_paint(lambda: done.append(1))
    window = QLabel("never shown")
    qtbot.addWidget(window)
    window.installEventFilter(first_paint.FirstPaintGate(window))
    qtbot.waitUntil(lambda: done == [1], timeout=5000)
    assert not first_paint.holding()


def test_the_spelling_worker_starts_after_the_first_paint(qtbot: QtBot) -> None:
    first_paint.hold()
    hub = SpellingHub()
    assert not hub._thread.is_alive()
    first_paint.release()
    qtbot.waitUntil(hub._thread.is_alive, timeout=5000)
    hub.close()
    assert not hub._thread.is_alive()


def test_a_hub_closed_before_the_first_paint_closes_quietly() -> None:
    first_paint.hold()
    hub = SpellingHub()
    hub.close()
    first_paint.release()  # its worker starts, sees the stop and ends
    hub._thread.join(5)
    assert not hub._thread.is_alive()


def slow_dictionary(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Opening a dictionary waits for ``go_on`` (set ``opening`` first), then fails."""
    opening, go_on = threading.Event(), threading.Event()

    def slow_open(language: str) -> object:
        opening.set()
        go_on.wait(10)
        raise SpellingOff("not today")

    monkeypatch.setattr(hub_module, "open_speller", slow_open)
    return opening, go_on


def test_quitting_does_not_wait_for_a_dictionary_to_open(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opening, go_on = slow_dictionary(monkeypatch)
    hub = SpellingHub()
    hub.use_language("en")
    hub.need("plain", "Hello")  # a field holds words: the dictionary is opened
    qtbot.waitUntil(opening.is_set, timeout=5000)  # (asked once its presence is known)
    start = time.perf_counter()
    hub.close(wait=False)
    assert time.perf_counter() - start < 0.5 and hub._thread.is_alive()
    go_on.set()
    hub.close()  # the default still waits for the worker
    assert not hub._thread.is_alive()


def test_what_start_up_made_is_frozen_once_the_window_has_painted() -> None:
    """A full collection looked at every object of the built window (about 45 ms, a pause
    every few hundred keys): released, start-up's objects are frozen."""
    made = [[object()] for _ in range(1000)]  # what a window build leaves, long-lived
    gc.unfreeze()
    try:
        first_paint.hold()
        first_paint.release()
        assert gc.get_freeze_count() >= len(made)
    finally:
        gc.unfreeze()  # the tests' own objects stay collectable


def test_the_collector_off_for_a_start_is_on_again_after_the_first_paint() -> None:
    """main._window turns it off for the imports and the build; the garbage they left is
    collected at the release, not frozen for good."""

    class Cycle:
        me: object = None

    gc.disable()
    try:
        first_paint.hold()
        cycle = Cycle()
        cycle.me = cycle
        ref = weakref.ref(cycle)
        del cycle
        first_paint.release()
        assert gc.isenabled()
        assert ref() is None
    finally:
        gc.enable()
        gc.unfreeze()


def test_a_window_closed_while_a_dictionary_opens_ends_the_worker_quietly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hub deleted under its worker (the window closed): the worker's answer used to
    raise "Signal source has been deleted" in its thread."""
    opening, go_on = slow_dictionary(monkeypatch)
    hub = SpellingHub()
    worker = hub._thread
    hub.use_language("en")
    hub.need("plain", "Hello")
    qtbot.waitUntil(opening.is_set, timeout=5000)
    shiboken6.delete(hub)
    go_on.set()
    worker.join(5)
    assert not worker.is_alive()


def test_a_starting_forms_spelling_attaches_after_the_first_paint(qtbot: QtBot) -> None:
    from viber_desktop.ui.composer.spec_form import SpecForm
    from viber_desktop.ui.composer.type_forms import type_specs
    from viber_desktop.ui.document import MessageDocument
    from viber_desktop.ui.spelling.attach import SpellCheck

    doc = MessageDocument({"type": "text", "text": "Hello"})
    first_paint.hold()
    form = SpecForm(type_specs()["text"], doc)
    qtbot.addWidget(form)
    gone = SpecForm(type_specs()["text"], doc)
    shiboken6.delete(gone)  # a form deleted before the paint: its fields are skipped
    field = form.widgets["/text"]
    assert field.findChild(SpellCheck) is None
    first_paint.release()
    assert field.findChild(SpellCheck) is not None
    later = SpecForm(type_specs()["text"], doc)  # after the paint: at once
    qtbot.addWidget(later)
    assert later.widgets["/text"].findChild(SpellCheck) is not None

"""The app's parts, built once and handed to the window (tests build their own)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from shiboken6 import isValid

from viber_desktop.sandbox.local import LocalSandbox
from viber_desktop.services.paths import data_dir_problem, receiver_book_path
from viber_desktop.services.settings import Settings, SettingsStore
from viber_desktop.services.templates import TemplateStore
from viber_desktop.services.vault import TokenVault
from viber_desktop.ui.images import ImageLoader
from viber_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the book opens on first use, its module with it (start-up, issue 16)
    from viber_desktop.services.history import HistoryStore
    from viber_desktop.services.receivers import ReceiverStore

T = TypeVar("T")


def alive(owner: QObject, fn: Callable[[T], None] | None) -> Callable[[T], None] | None:
    """``fn``, skipped once ``owner`` is deleted (a task may end after its window closed)."""
    if fn is None:
        return None
    callback = fn

    def call(value: T) -> None:
        if isValid(owner):
            callback(value)

    return call


def _open_history() -> HistoryStore:
    """The history, opened on a pool thread; sqlite3 loads with it, after the first paint."""
    from viber_desktop.services.history import HistoryStore

    return HistoryStore()


HistoryWaiter = tuple[Callable[["HistoryStore"], None] | None, Callable[[str], None] | None]


class AppContext:
    """Settings, vault, history, the sandbox and the task runner the window works with.

    A plain class, not a dataclass: one is 1-2 ms to make at start (issue 16).
    """

    def __init__(
        self,
        settings_store: SettingsStore,
        settings: Settings,
        vault: TokenVault,
        runner: TaskRunner,
        images: ImageLoader,
        templates: TemplateStore | None = None,
        history: HistoryStore | None = None,
        history_problem: str | None = None,
        session_tokens: dict[str, str] | None = None,
        sandbox: LocalSandbox | None = None,
        book_path: Path | None = None,
    ) -> None:
        self.settings_store = settings_store
        self.settings = settings
        self.vault = vault
        self.runner = runner
        self.images = images
        self.templates = templates if templates is not None else TemplateStore()
        self.history = history
        """The open history; None while it opens or when it cannot (see ``history_problem``)."""
        self.history_problem = history_problem
        """Why the history could not be opened, in plain words."""
        self.session_tokens: dict[str, str] = session_tokens if session_tokens is not None else {}
        """Tokens the user chose to keep in memory for this session only, by profile."""
        self.sandbox = sandbox if sandbox is not None else LocalSandbox()
        """The Sandbox profile's server: this context's own, started on first use."""
        self.book_path = book_path
        """The receiver book's file (None: ``receivers.sqlite3`` in the data folder)."""
        self._history_waiters: list[HistoryWaiter] | None = None
        self._book: ReceiverStore | None = None
        self._book_lock = threading.Lock()

    def book(self) -> ReceiverStore:
        """The receiver book, opened on first use. Blocking: call it only in a task
        (``with_book``), never on the GUI thread."""
        from viber_desktop.services.receivers import ReceiverStore

        with self._book_lock:
            if self._book is None:
                self._book = ReceiverStore(self.book_path)
            return self._book

    def book_if_any(self) -> ReceiverStore | None:
        """The book, or None when it was never made (reading never creates it). Blocking."""
        with self._book_lock:
            if self._book is None and not (self.book_path or receiver_book_path()).exists():
                return None
        return self.book()

    def with_book(
        self,
        work: Callable[[ReceiverStore], T],
        done: Callable[[T], None] | None = None,
        failed: Callable[[Exception], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run ``work(book)`` on a pool thread; ``done(result)`` or ``failed(exc)`` on the GUI
        thread (a book that cannot open is a ReceiverError in plain words), unless ``owner``
        was deleted meanwhile."""
        if owner is not None:
            done, failed = alive(owner, done), alive(owner, failed)
        self.runner.run(lambda: work(self.book()), done, failed)

    def open_history(
        self,
        done: Callable[[HistoryStore], None] | None = None,
        failed: Callable[[str], None] | None = None,
    ) -> None:
        """Open the history on a pool thread (once); then ``done(store)`` or ``failed(why)``
        on the GUI thread. Called again, it answers when the first opening ends (or at once)."""
        if self.history is not None or self.history_problem is not None:
            if self.history is not None and done is not None:
                done(self.history)
            elif self.history_problem is not None and failed is not None:
                failed(self.history_problem)
            return
        opening = self._history_waiters is not None
        self._history_waiters = [*(self._history_waiters or []), (done, failed)]
        if opening:
            return

        def opened(store: HistoryStore) -> None:
            self.history = store
            for on_done, _ in self._take_waiters():
                if on_done is not None:
                    on_done(store)

        def refused(exc: Exception) -> None:
            self.history_problem = data_dir_problem() or str(exc)
            for _, on_failed in self._take_waiters():
                if on_failed is not None:
                    on_failed(self.history_problem)

        self.runner.run(_open_history, opened, refused)

    def _take_waiters(self) -> list[HistoryWaiter]:
        waiters, self._history_waiters = self._history_waiters or [], None
        return waiters

    def close(self) -> None:
        """Stop what the context started; call once its tasks have finished.

        The history stays open while a send the user stopped waiting for may still record its
        answer (its row is settled as unknown at the next start otherwise).
        """
        self.sandbox.stop()
        if self.history is not None and not self.runner.detached_busy:
            self.history.close()
            self.history = None
        with self._book_lock:
            if self._book is not None:
                self._book.close()
                self._book = None


def build_context() -> AppContext:
    store = SettingsStore()
    settings = store.load()
    runner = TaskRunner()
    return AppContext(store, settings, TokenVault(separate=True), runner, ImageLoader(runner))

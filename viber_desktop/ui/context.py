"""The app's parts, built once and handed to the window (tests build their own)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from viber_desktop.sandbox.local import LocalSandbox
from viber_desktop.services.history import HistoryStore
from viber_desktop.services.paths import data_dir_problem
from viber_desktop.services.settings import Settings, SettingsStore
from viber_desktop.services.templates import TemplateStore
from viber_desktop.services.vault import TokenVault
from viber_desktop.ui.images import ImageLoader
from viber_desktop.ui.tasks import TaskRunner

HistoryWaiter = tuple[Callable[[HistoryStore], None] | None, Callable[[str], None] | None]


@dataclass
class AppContext:
    """Settings, vault, history, the sandbox and the task runner the window works with."""

    settings_store: SettingsStore
    settings: Settings
    vault: TokenVault
    runner: TaskRunner
    images: ImageLoader
    templates: TemplateStore = field(default_factory=TemplateStore)
    history: HistoryStore | None = None
    """The open history; None while it opens or when it cannot (see ``history_problem``)."""
    history_problem: str | None = None
    """Why the history could not be opened, in plain words."""
    session_tokens: dict[str, str] = field(default_factory=dict, repr=False)
    """Tokens the user chose to keep in memory for this session only, by profile."""
    sandbox: LocalSandbox = field(default_factory=LocalSandbox)
    """The Sandbox profile's server: this context's own, started on first use."""
    _history_waiters: list[HistoryWaiter] | None = field(default=None, init=False, repr=False)

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

        self.runner.run(HistoryStore, opened, refused)

    def _take_waiters(self) -> list[HistoryWaiter]:
        waiters, self._history_waiters = self._history_waiters or [], None
        return waiters

    def close(self) -> None:
        """Stop what the context started; call once its tasks have finished."""
        self.sandbox.stop()


def build_context() -> AppContext:
    store = SettingsStore()
    settings = store.load()
    runner = TaskRunner()
    return AppContext(store, settings, TokenVault(), runner, ImageLoader(runner))

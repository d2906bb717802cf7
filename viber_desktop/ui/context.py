"""The app's parts, built once and handed to the window (tests build their own)."""

from dataclasses import dataclass, field

from viber_desktop.sandbox.local import LocalSandbox
from viber_desktop.services.history import HistoryStore
from viber_desktop.services.settings import Settings, SettingsStore
from viber_desktop.services.templates import TemplateStore
from viber_desktop.services.vault import TokenVault
from viber_desktop.ui.images import ImageLoader
from viber_desktop.ui.tasks import TaskRunner


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
    session_tokens: dict[str, str] = field(default_factory=dict, repr=False)
    """Tokens the user chose to keep in memory for this session only, by profile."""
    sandbox: LocalSandbox = field(default_factory=LocalSandbox)
    """The Sandbox profile's server: this context's own, started on first use."""

    def close(self) -> None:
        """Stop what the context started; call once its tasks have finished."""
        self.sandbox.stop()


def build_context() -> AppContext:
    store = SettingsStore()
    settings = store.load()
    runner = TaskRunner()
    return AppContext(store, settings, TokenVault(), runner, ImageLoader(runner))

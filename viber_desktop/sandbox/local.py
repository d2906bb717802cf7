"""The sandbox behind the Sandbox profile, owned by whoever made it.

The app context, a CLI command or a test makes one, hands it to ``resolve_target`` and stops
it when done; nothing listens until the first use. Trap: ``sandbox.server`` (http.server) is
imported on that first use, not at start-up.
"""

import threading
from typing import TYPE_CHECKING

from viber_desktop.sandbox.rules import SANDBOX_TOKEN

if TYPE_CHECKING:
    from viber_desktop.sandbox.server import Sandbox


class SandboxStopped(RuntimeError):
    """The owner stopped its sandbox; it does not start again."""


class LocalSandbox:
    """A loopback sandbox started on first use (from any thread) and stopped by its owner."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._server: Sandbox | None = None
        self._stopped = False

    @property
    def token(self) -> str:
        """The token the sandbox accepts (known without starting it)."""
        return SANDBOX_TOKEN

    @property
    def started(self) -> bool:
        with self._lock:
            return self._server is not None

    def running(self) -> "Sandbox":
        """The running server, started now if this is the first use.

        Raises OSError when it cannot listen, SandboxStopped after :meth:`stop`.
        """
        with self._lock:
            if self._stopped:
                raise SandboxStopped("the built-in sandbox has stopped: the app is closing")
            if self._server is None:
                from viber_desktop.sandbox.server import Sandbox

                self._server = Sandbox(token=SANDBOX_TOKEN).start()
            return self._server

    @property
    def base_url(self) -> str:
        """The API base URL; starts the sandbox if needed."""
        return self.running().base_url

    def stop(self) -> None:
        """Stop listening, if started; later uses raise SandboxStopped. Safe to call twice."""
        with self._lock:
            server, self._server = self._server, None
            self._stopped = True
        if server is not None:
            server.stop()

    def __enter__(self) -> "LocalSandbox":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

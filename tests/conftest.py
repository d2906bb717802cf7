"""Shared fixtures: offscreen Qt, private app directories, an in-memory keyring, a sandbox."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
from keyring.backend import KeyringBackend

from viber_desktop.sandbox.server import Sandbox


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything when the test ends."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


@pytest.fixture(autouse=True)
def app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point config, data and cache at tmp_path: tests never touch the user's files."""
    dirs = {name: tmp_path / name for name in ("config", "data", "cache")}
    for name, path in dirs.items():
        monkeypatch.setenv(f"VIBER_DESKTOP_{name.upper()}_DIR", str(path))
    monkeypatch.delenv("VIBER_AUTH_TOKEN", raising=False)
    return dirs


@pytest.fixture(autouse=True)
def memory_keyring(request: pytest.FixtureRequest) -> Iterator[MemoryKeyring | None]:
    """Every test gets an in-memory keyring, except those marked ``keyring`` (real one)."""
    if request.node.get_closest_marker("keyring"):
        yield None
        return
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """A real sandbox HTTP server on a free loopback port."""
    with Sandbox() as sb:
        yield sb


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def english_texts() -> Iterator[None]:
    """Every test starts and ends with the core's texts in English (the app may switch them)."""
    from viber_desktop.core import i18n

    i18n.use(None)
    yield
    i18n.use(None)

"""The token vault: in-memory backend, failure paths, and a real Secret Service."""

import os
import uuid

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from tests.conftest import MemoryKeyring
from viber_desktop.services.vault import SERVICE, TokenVault, VaultError


def test_set_get_delete(memory_keyring: MemoryKeyring) -> None:
    vault = TokenVault()
    assert vault.get("Prod") is None
    vault.set("Prod", "abc-123-token")
    assert memory_keyring.items[(SERVICE, "Prod")] == "abc-123-token"
    assert vault.get("Prod") == "abc-123-token"
    assert vault.delete("Prod") is True
    assert vault.delete("Prod") is False


@pytest.mark.parametrize("token", ["", " x", "a\nb"])
def test_bad_tokens_refused(token: str) -> None:
    with pytest.raises(VaultError):
        TokenVault().set("P", token)


class FailingKeyring(KeyringBackend):
    priority = 1

    def __init__(self, exc: Exception) -> None:
        super().__init__()
        self.exc = exc

    def get_password(self, service: str, username: str) -> str | None:
        raise self.exc

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.exc

    def delete_password(self, service: str, username: str) -> None:
        raise self.exc


@pytest.mark.parametrize(
    ("exc", "needle"),
    [
        (keyring.errors.NoKeyringError("none"), "no OS keyring is available"),
        (keyring.errors.KeyringLocked("locked"), "locked"),
        (keyring.errors.InitError("dbus"), "could not be opened"),
        (keyring.errors.PasswordSetError("denied"), "refused"),
        # keyring's SecretService backend lets D-Bus and socket failures through as they come
        (FileNotFoundError(2, "No such file or directory"), r"could not be opened \(\[Errno 2\]"),
        (TimeoutError("Did not authenticate in 1.0 seconds"), "could not be opened"),
        (RuntimeError("DBus transports ({'tcp'}) not supported"), r"refused .*\(RuntimeError: "),
        (
            UnicodeDecodeError("utf-8", b"tok\xffen", 3, 4, "invalid start byte"),
            "the stored token is not text; store it again$",
        ),
    ],
)
def test_keyring_errors_become_clear_messages(
    exc: Exception, needle: str, tmp_path: object
) -> None:
    keyring.set_keyring(FailingKeyring(exc))
    vault = TokenVault()
    for call in (
        lambda: vault.get("P"),
        lambda: vault.set("P", "tok-123"),
        lambda: vault.delete("P"),
    ):
        with pytest.raises(VaultError, match=needle) as info:
            call()
        assert "tok-123" not in str(info.value)


def test_real_no_backend_error() -> None:
    from keyring.backends.fail import Keyring as FailKeyring

    keyring.set_keyring(FailKeyring())
    with pytest.raises(VaultError, match="no OS keyring"):
        TokenVault().set("P", "token-value")


def test_plaintext_backends_are_refused() -> None:
    class PlaintextKeyring(MemoryKeyring):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    keyring.set_keyring(PlaintextKeyring())
    with pytest.raises(VaultError, match="plain file"):
        TokenVault().set("P", "token-value")


def _secret_service_running() -> bool:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    try:
        from keyring.backends import SecretService

        return bool(SecretService.Keyring.priority)  # raises when unavailable
    except Exception:  # noqa: BLE001 - any failure means: not available here
        return False


@pytest.mark.keyring
def test_real_secret_service_round_trip() -> None:
    """Runs against gnome-keyring in CI (run-tests.sh sets VIBER_DESKTOP_STRICT_TESTS)."""
    if not _secret_service_running():
        if os.environ.get("VIBER_DESKTOP_STRICT_TESTS"):
            pytest.fail("a Secret Service was required but none is running")
        pytest.skip("no Secret Service in this session")
    from keyring.backends import SecretService

    previous = keyring.get_keyring()
    keyring.set_keyring(SecretService.Keyring())
    try:
        vault = TokenVault()
        profile = f"test-{uuid.uuid4()}"
        vault.set(profile, "real-secret-token-0001")
        assert vault.get(profile) == "real-secret-token-0001"
        assert vault.delete(profile) is True
        assert vault.get(profile) is None
    finally:
        keyring.set_keyring(previous)


class PlaintextKeyring(MemoryKeyring):
    """Stands in for keyrings.alt's PlaintextKeyring (not installed here): same module."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


def chainer_over(monkeypatch: pytest.MonkeyPatch, *backends: KeyringBackend) -> None:
    """A real ChainerBackend whose discovery finds exactly ``backends``."""
    from keyring import backend as keyring_backend
    from keyring.backends.chainer import ChainerBackend

    monkeypatch.setattr(keyring_backend, "get_all_keyring", lambda: list(backends))
    monkeypatch.setattr(keyring_backend, "_limit", None)
    keyring.set_keyring(ChainerBackend())


def test_a_plaintext_backend_behind_a_chainer_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plain = PlaintextKeyring()
    chainer_over(monkeypatch, plain, MemoryKeyring())
    with pytest.raises(VaultError, match=r"PlaintextKeyring \(used through ChainerBackend\)"):
        TokenVault().set("P", "token-value")
    assert plain.items == {}
    with pytest.raises(VaultError, match="plain file"):
        TokenVault().get("P")


def test_a_chainer_over_real_keyrings_works(monkeypatch: pytest.MonkeyPatch) -> None:
    memory = MemoryKeyring()
    chainer_over(monkeypatch, memory)
    TokenVault().set("P", "token-value")
    assert memory.items == {(SERVICE, "P"): "token-value"}


def test_a_chainer_with_nothing_to_chain_is_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """It would accept the token and keep nothing."""
    chainer_over(monkeypatch)
    with pytest.raises(VaultError, match="no OS keyring"):
        TokenVault().set("P", "token-value")


def test_a_chainer_too_long_to_check_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    chainer_over(monkeypatch, *(MemoryKeyring() for _ in range(60)))
    with pytest.raises(VaultError, match="too many to check"):
        TokenVault().set("P", "token-value")


def test_the_null_backend_is_no_keyring() -> None:
    from keyring.backends.null import Keyring as NullKeyring

    keyring.set_keyring(NullKeyring())
    with pytest.raises(VaultError, match="no OS keyring"):
        TokenVault().set("P", "token-value")

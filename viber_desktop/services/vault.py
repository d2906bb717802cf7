"""The token vault: bot tokens live in the OS keyring and nowhere else.

Trap: keyring is imported on first use, not at start-up (it scans entry points: ~40 ms).
"""

from typing import Any

from viber_desktop import APP_NAME

SERVICE = APP_NAME


class VaultError(Exception):
    """The keyring cannot be used; the message gives the reason and what to do."""


def _keyring() -> Any:
    import keyring
    import keyring.errors

    return keyring


def _backend_problem() -> str | None:
    backend = _keyring().get_keyring()
    module = type(backend).__module__
    if module.startswith("keyrings.alt"):
        return (
            f"the keyring backend {type(backend).__name__} stores secrets in a plain file; "
            "viber-desktop refuses it. Uninstall keyrings.alt and use the system keyring."
        )
    return None


def _explain(exc: Exception, action: str) -> VaultError:
    errors = _keyring().errors
    if isinstance(exc, errors.NoKeyringError):
        why = (
            "no OS keyring is available (on Linux: no Secret Service such as gnome-keyring "
            "or KWallet is running in this session). Start one, or set VIBER_AUTH_TOKEN "
            "for a single command"
        )
    elif isinstance(exc, errors.KeyringLocked):
        why = "the keyring is locked; unlock it (log in to the desktop session) and try again"
    elif isinstance(exc, errors.InitError):
        why = f"the keyring could not be opened ({exc})"
    else:
        why = f"the keyring refused the request ({type(exc).__name__}: {exc})"
    return VaultError(f"cannot {action} the token: {why}")


class TokenVault:
    """Get, set and delete a profile's token (service ``viber-desktop``, user = profile)."""

    def get(self, profile: str) -> str | None:
        keyring = self._check_backend("read")
        try:
            value = keyring.get_password(SERVICE, profile)
        except keyring.errors.KeyringError as exc:
            raise _explain(exc, "read") from None
        return value if isinstance(value, str) else None

    def set(self, profile: str, token: str) -> None:
        if not token or token != token.strip() or not token.isprintable():
            raise VaultError("the token is empty or has spaces or control characters")
        keyring = self._check_backend("store")
        try:
            keyring.set_password(SERVICE, profile, token)
        except keyring.errors.KeyringError as exc:
            raise _explain(exc, "store") from None

    def delete(self, profile: str) -> bool:
        """Delete the token; False when there was none."""
        keyring = self._check_backend("delete")
        try:
            keyring.delete_password(SERVICE, profile)
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.KeyringError as exc:
            raise _explain(exc, "delete") from None
        return True

    @staticmethod
    def _check_backend(action: str) -> Any:
        problem = _backend_problem()
        if problem:
            raise VaultError(f"cannot {action} the token: {problem}")
        return _keyring()

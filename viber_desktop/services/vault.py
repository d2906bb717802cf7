"""The token vault: bot tokens live in the OS keyring and nowhere else.

Trap: keyring is imported on first use, not at start-up (it scans entry points: ~40 ms). On
Linux, when keyring could choose only the Secret Service or no keyring at all, it is not
imported: :mod:`secret_service` reads and writes the same items (22 MiB resident less with the
service, issue 16). Once keyring is imported (tests set its backend), keyring decides; when it
chooses its SecretService backend as it comes, :class:`SecretServiceStore` makes the calls (the
same items, with a time limit keyring's calls lack).
"""

import sys
import threading
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from viber_desktop import APP_NAME
from viber_desktop.core.i18n import N_, _
from viber_desktop.services import secret_service
from viber_desktop.services.secret_service import SecretServiceError, SecretServiceStore

if TYPE_CHECKING:  # subprocess loads with the first helper, after the first paint
    from viber_desktop.services.secret_process import SeparateSecretStore

SERVICE = APP_NAME


class VaultError(Exception):
    """The keyring cannot be used; the message gives the reason and what to do."""


def _keyring() -> Any:
    import keyring
    import keyring.errors

    return keyring


NO_KEYRING = N_(
    "no OS keyring is available (on Linux: no Secret Service such as gnome-keyring "
    "or KWallet is running in this session). Start one, or set VIBER_AUTH_TOKEN "
    "for a single command"
)


MAX_CHAINED = 50
"""More backends than any real chain holds: the walk below stops there."""


def _chained(top: Any) -> list[Any]:
    """``top`` and every backend it hands secrets to (a ChainerBackend's ``backends``)."""
    found: list[Any] = []
    pending = [top]
    while pending and len(found) < MAX_CHAINED:
        current = pending.pop()
        if any(current is seen for seen in found):
            continue
        found.append(current)
        try:
            inner = getattr(current, "backends", None)
        except Exception:  # noqa: BLE001 - a backend listing its chain may fail in any way
            inner = None
        if isinstance(inner, list | tuple):
            pending.extend(inner)
    return found


def _stores_in_plain_file(backend: Any) -> bool:
    cls = type(backend)
    return cls.__module__.startswith("keyrings.alt") or "plaintext" in cls.__name__.lower()


def _is_no_keyring(backend: Any) -> bool:
    """keyring's own fail and null backends: they keep nothing."""
    return type(backend).__module__ in ("keyring.backends.fail", "keyring.backends.null")


def _backend_problem() -> str | None:
    top = _keyring().get_keyring()
    chain = _chained(top)
    for backend in chain:
        if _stores_in_plain_file(backend):
            via = (
                ""
                if backend is top
                else " " + _("(used through {name})").format(name=type(top).__name__)
            )
            return _(
                "the keyring backend {name}{via} stores secrets in a plain file; viber-desktop "
                "refuses it. Uninstall keyrings.alt and use the system keyring."
            ).format(name=type(backend).__name__, via=via)
    if len(chain) >= MAX_CHAINED:
        return _(
            "the keyring hands secrets to {count} or more backends, too many to check that "
            "none stores them in a plain file. Use the system keyring directly."
        ).format(count=MAX_CHAINED)
    delegates = chain[1:]
    if type(top).__module__ == "keyring.backends.null" or (
        _is_chainer(top) and all(_is_no_keyring(b) for b in delegates)
    ):
        return _(NO_KEYRING)  # it would accept the token and keep nothing
    return None


def _is_chainer(backend: Any) -> bool:
    try:
        return isinstance(getattr(backend, "backends", None), list | tuple)
    except Exception:  # noqa: BLE001 - see _chained
        return False


LOCKED = N_("the keyring is locked; unlock it (log in to the desktop session) and try again")
UNOPENED = N_("the keyring could not be opened ({problem})")
REFUSED = N_("the keyring refused the request ({kind}: {problem})")
NO_ANSWER = N_(
    "the keyring did not answer in {seconds} s; check that gnome-keyring or KWallet is "
    "running and try again"
)
NOT_TEXT = N_("the stored token is not text; store it again")


def _explain(exc: Exception, action: str) -> VaultError:
    """Any failure of a keyring call (its backends raise more than KeyringError) in words."""
    errors = _keyring().errors
    if isinstance(exc, errors.NoKeyringError):
        why = _(NO_KEYRING)
    elif isinstance(exc, errors.KeyringLocked):
        why = _(LOCKED)
    elif isinstance(exc, UnicodeDecodeError):
        why = _(NOT_TEXT)  # the message quotes a byte of the secret
    elif isinstance(exc, errors.InitError | OSError) or secret_service.is_storage_error(exc):
        why = _(UNOPENED).format(problem=str(exc) or type(exc).__name__)
    else:
        why = _(REFUSED).format(kind=type(exc).__name__, problem=exc)
    return VaultError(cannot(action, why))


_CANNOT = {
    "read": N_("cannot read the token: {why}"),
    "store": N_("cannot store the token: {why}"),
    "delete": N_("cannot delete the token: {why}"),
}


def cannot(action: str, why: str) -> str:
    """'cannot delete the token: {why}' for ``action`` read, store or delete."""
    return _(_CANNOT[action]).format(why=why)


NO_STORE: Final = "no keyring"
"""The choice when keyring would find no backend (see :func:`_direct`)."""
Store: TypeAlias = "SecretServiceStore | SeparateSecretStore"
_choice: "dict[bool, Store | str | None]" = {}
"""The store chosen at the first use, once per process and way (in a helper process or not):
the Secret Service, NO_STORE, or None (keyring's own choice)."""
_choosing = threading.Lock()


def _direct(separate: bool) -> "Store | str | None":
    """The Secret Service (or NO_STORE) when keyring, left to itself, could choose only that;
    ``separate``: its calls made by helper processes (whether one runs is asked each time).

    A bus too slow to answer raises SecretServiceError and is asked again at the next use.
    """
    with _choosing:
        if separate not in _choice:
            _choice[separate] = _choose(separate)
        return _choice[separate]


def _choose(separate: bool) -> "Store | str | None":
    if "keyring" in sys.modules or not secret_service.keyring_left_to_default():
        return None
    if separate:
        from viber_desktop.services.secret_process import SeparateSecretStore

        return SeparateSecretStore()
    return SecretServiceStore() if secret_service.available() else NO_STORE


def _explain_direct(exc: SecretServiceError, action: str) -> VaultError:
    """The words of :func:`_explain` for the same failure seen through keyring."""
    if exc.kind == "absent":
        why = _(NO_KEYRING)
    elif exc.kind == "locked":
        why = _(LOCKED)
    elif exc.kind == "unopened":
        why = _(UNOPENED).format(problem=exc.problem)
    elif exc.kind == "timeout":
        why = _(NO_ANSWER).format(seconds=secret_service.TIMEOUT)
    elif exc.kind == "not_text":
        why = _(NOT_TEXT)
    else:
        kind, _sep, problem = exc.problem.partition(": ")
        why = _(REFUSED).format(kind=kind, problem=problem)
    return VaultError(cannot(action, why))


def _same_store(backend: Any) -> SecretServiceStore | None:
    """keyring's SecretService backend as it comes (default scheme, collection and appid) is
    :class:`SecretServiceStore`, whose calls give up after 25 s: keyring's wait forever."""
    module = sys.modules.get("keyring.backends.SecretService")
    if module is None or type(backend) is not module.Keyring:
        return None
    try:
        plain = backend.scheme == "default" and backend.appid == secret_service.APPLICATION
        if not plain or hasattr(backend, "preferred_collection"):
            return None  # set by keyringrc.cfg or KEYRING_PROPERTY_*: keyring's own calls
    except Exception:  # noqa: BLE001 - see _chained
        return None
    return SecretServiceStore()


class TokenVault:
    """Get, set and delete a profile's token (service ``viber-desktop``, user = profile).

    ``separate``: the Secret Service's calls, when it is the store, are made by a helper process
    (the window: the encrypted session's 12.7 MiB stay out of it, secret_process.py).
    """

    def __init__(self, *, separate: bool = False) -> None:
        self.separate = separate

    def get(self, profile: str) -> str | None:
        store, keyring = self._stores("read")
        if store is not None:
            try:
                return store.get(SERVICE, profile)
            except SecretServiceError as exc:
                raise _explain_direct(exc, "read") from None
        try:
            value = keyring.get_password(SERVICE, profile)
        except Exception as exc:  # noqa: BLE001 - see _explain
            raise _explain(exc, "read") from None
        return value if isinstance(value, str) else None

    def set(self, profile: str, token: str) -> None:
        if not token or token != token.strip() or not token.isprintable():
            raise VaultError(_("the token is empty or has spaces or control characters"))
        store, keyring = self._stores("store")
        if store is not None:
            try:
                store.set(SERVICE, profile, token)
            except SecretServiceError as exc:
                raise _explain_direct(exc, "store") from None
            return
        try:
            keyring.set_password(SERVICE, profile, token)
        except Exception as exc:  # noqa: BLE001 - see _explain
            raise _explain(exc, "store") from None

    def delete(self, profile: str) -> bool:
        """Delete the token; False when there was none."""
        store, keyring = self._stores("delete")
        if store is not None:
            try:
                return store.delete(SERVICE, profile)
            except SecretServiceError as exc:
                raise _explain_direct(exc, "delete") from None
        try:
            keyring.delete_password(SERVICE, profile)
        except keyring.errors.PasswordDeleteError:
            return False
        except Exception as exc:  # noqa: BLE001 - see _explain
            raise _explain(exc, "delete") from None
        return True

    def _stores(self, action: str) -> "tuple[Store | None, Any]":
        """The Secret Service to call, else keyring (the second) to call."""
        store = self._direct_store(action)
        if store is not None:
            return store, None
        keyring = self._check_backend(action)
        return _same_store(keyring.get_keyring()), keyring

    def _direct_store(self, action: str) -> "Store | None":
        """The Secret Service when used without keyring (None: keyring decides)."""
        try:
            store = _direct(self.separate)
        except SecretServiceError as exc:
            raise _explain_direct(exc, action) from None
        if store == NO_STORE:
            raise VaultError(cannot(action, _(NO_KEYRING)))
        return None if store is None or isinstance(store, str) else store

    @staticmethod
    def _check_backend(action: str) -> Any:
        problem = _backend_problem()
        if problem:
            raise VaultError(cannot(action, problem))
        return _keyring()

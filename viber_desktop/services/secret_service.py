"""Tokens in the Secret Service (gnome-keyring, KWallet 6, KeePassXC) without loading keyring.

keyring finds its backend by importing ~150 modules (importlib_metadata, urllib.request and
ssl for jaraco.context, every backend); in the window that is 8 MiB resident on top of the
14 MiB the Secret Service itself costs (secretstorage, jeepney, cryptography), for good (issue
16). :func:`keyring_left_to_default` says when keyring could choose nothing but the Secret
Service (or no keyring at all); then :class:`SecretServiceStore` reads and writes the very
items keyring's SecretService backend does: same attributes, label and default collection.

Trap: every answer here must stay what keyring would give. Anything that could make keyring
choose another backend (its environment variables, its config file, a plug-in, the Python
modules of its KWallet and libsecret backends, an install this cannot read) leaves it to keyring.
"""

import importlib.util
import os
import sys
from contextlib import closing
from pathlib import Path
from typing import Any, Final, Literal

APPLICATION: Final = "Python keyring library"
"""The ``application`` attribute keyring's SecretService backend gives the items it creates."""
BUS_NAME: Final = "org.freedesktop.secrets"
KEYRING_BACKENDS: Final = frozenset(
    {"KWallet", "SecretService", "Windows", "chainer", "libsecret", "macOS"}
)
"""keyring's own backend entry points (25.x) whose choice on Linux is known here."""
OTHER_LINUX_BACKENDS: Final = ("dbus", "gi")
"""Modules without which keyring's KWallet (dbus-python) and libsecret (PyGObject) backends
cannot be chosen."""

TIMEOUT: Final = 25
"""Seconds a call to the bus or the service may take; a prompt waiting for the user has no limit."""

Kind = Literal["locked", "unopened", "refused", "timeout", "not_text", "absent"]
"""How the Secret Service refused (``absent``: none runs here; only a helper process says it)."""


class SecretServiceError(Exception):
    """The Secret Service refused: ``kind`` says how (vault.py words it), ``problem`` the detail."""

    def __init__(self, kind: Kind, problem: str) -> None:
        super().__init__(problem)
        self.kind = kind
        self.problem = problem


def keyring_left_to_default() -> bool:
    """True when keyring on this computer could choose only the Secret Service, else nothing.

    No keyring environment variable, no keyringrc.cfg, no backend plug-in, and neither
    dbus-python nor PyGObject importable; Linux only.
    """
    if not sys.platform.startswith("linux"):
        return False
    # keyring applies every variable that merely contains the prefix (set_properties_from_env)
    if any(k == "PYTHON_KEYRING_BACKEND" or "KEYRING_PROPERTY_" in k for k in os.environ):
        return False
    try:
        config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        if Path(config, "python_keyring", "keyringrc.cfg").exists():
            return False
        if any(importlib.util.find_spec(name) is not None for name in OTHER_LINUX_BACKENDS):
            return False
    except (OSError, RuntimeError, ValueError, ImportError):
        return False
    found = _keyring_entry_points()
    # keyring's own entry points, and no other distribution's (a plug-in, a second keyring)
    if found is None or len(found) != 1:
        return False
    return "SecretService" in found[0] and found[0] <= KEYRING_BACKENDS


def _keyring_entry_points() -> list[frozenset[str]] | None:
    """The ``keyring.backends`` entry points of each installed distribution that has any;
    None when an entry of sys.path cannot be read here (a zip file: a bundle, an egg) or an
    entry_points.txt is malformed.

    Trap: the rules are importlib_metadata's, which keyring uses (importing it costs 1.6 MiB):
    ``.dist-info``/``.egg-info`` in any letter case, ``EGG-INFO`` inside a ``*.egg`` folder.
    """
    found: list[frozenset[str]] = []
    for entry in sys.path:
        folder = Path(entry or ".")
        try:
            if not folder.exists():
                continue  # python311.zip, path hooks' markers
            if not folder.is_dir():
                return None
            is_egg = folder.name.lower().endswith(".egg")
            for name in os.listdir(folder):
                low = name.lower()
                if not (
                    low.endswith((".dist-info", ".egg-info")) or (is_egg and low == "egg-info")
                ):
                    continue
                file = folder / name / "entry_points.txt"
                if file.is_file():
                    backends = _section(file.read_text(encoding="utf-8"), "keyring.backends")
                    if backends is None:
                        return None
                    if backends:
                        found.append(backends)
        except (OSError, UnicodeDecodeError):
            return None
    return found


def _section(text: str, name: str) -> frozenset[str] | None:
    """The entry names of section ``[name]`` of an entry_points.txt, as importlib_metadata
    reads it (only ``#`` starts a comment); None when a line has no ``=`` (keyring fails)."""
    names: set[str] = set()
    section: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
        elif section is not None:
            if "=" not in line:
                return None
            if section == name:
                names.add(line.split("=", 1)[0].strip())
    return frozenset(names)


def available() -> bool:
    """True when a Secret Service runs (or D-Bus can start one) and secretstorage loads.

    Raises SecretServiceError when the bus is too slow to tell: that is no answer to keep.
    """
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False  # jeepney finds the session bus by this variable only, as keyring does
    opened = False
    try:
        from jeepney import DBusAddress, new_method_call

        bus = DBusAddress("/org/freedesktop/DBus", "org.freedesktop.DBus", "org.freedesktop.DBus")
        with closing(_connect()) as connection:
            opened = True
            owner = connection.send_and_get_reply(
                new_method_call(bus, "NameHasOwner", "s", (BUS_NAME,))
            )
            running = owner.body[0] == 1
            if not running:
                names = connection.send_and_get_reply(new_method_call(bus, "ListActivatableNames"))
                running = BUS_NAME in names.body[0]
        if not running:
            return False
        import secretstorage
    except TimeoutError as exc:
        raise _failure(exc, opened=opened) from None
    except SecretServiceError as exc:
        if exc.kind == "timeout":
            raise
        return False
    except Exception:  # noqa: BLE001 - any other failure: no keyring, as keyring would find
        return False
    return bool(secretstorage.__version_tuple__ >= (3, 2))


class SecretServiceStore:
    """keyring's SecretService backend, its default scheme and collection, and nothing else."""

    def get(self, service: str, username: str) -> str | None:
        def read(collection: Any) -> str | None:
            for item in collection.search_items(_query(service, username)):
                _unlock_item(item)
                return str(item.get_secret().decode("utf-8"))
            return None

        return self._with_collection(read)

    def set(self, service: str, username: str, secret: str) -> None:
        label = f"Password for '{username}' on '{service}'"
        attributes = _query(service, username) | {"application": APPLICATION}
        self._with_collection(
            lambda collection: collection.create_item(label, attributes, secret, replace=True)
        )

    def delete(self, service: str, username: str) -> bool:
        """Delete the first item found; False when there was none."""

        def remove(collection: Any) -> bool:
            for item in collection.search_items(_query(service, username)):
                item.delete()
                return True
            return False

        return bool(self._with_collection(remove))

    @staticmethod
    def _with_collection(work: Any) -> Any:
        import secretstorage
        from secretstorage.util import add_match_rules

        opened = False
        try:
            with closing(_connect()) as connection:
                opened = True
                add_match_rules(connection)  # a prompt's answer comes as a signal
                collection = secretstorage.get_default_collection(connection)
                if collection.is_locked():
                    collection.unlock()
                    if collection.is_locked():  # the user dismissed the prompt
                        raise SecretServiceError("locked", "Failed to unlock the collection!")
                return work(collection)
        except SecretServiceError:
            raise
        except Exception as exc:  # noqa: BLE001 - D-Bus and the service fail in many ways
            raise _failure(exc, opened=opened) from None


def _connect() -> Any:
    """A connection to the session bus whose every call, the greeting included, ends within
    TIMEOUT (a prompt the user answers, unlocking or a new collection, waits elsewhere).

    Trap: jeepney bounds the authentication (1 s) but not the ``Hello`` call its connection
    makes next, so a bus that stopped answering there held the lookup forever.
    """
    from jeepney.bus import get_bus
    from jeepney.io.blocking import DBusConnection, prep_socket

    class Connection(DBusConnection):
        def send_and_get_reply(self, message: Any, *, timeout: float | None = None) -> Any:
            return super().send_and_get_reply(message, timeout=timeout or TIMEOUT)

    try:
        sock = prep_socket(get_bus("SESSION"), timeout=1.0)  # jeepney's own limit
    except KeyError as exc:  # the address variable (as secretstorage's dbus_init says it)
        raise SecretServiceError("unopened", f"{exc.args[0]} is not set") from None
    except ValueError as exc:
        raise SecretServiceError("unopened", str(exc)) from None
    try:
        return Connection(sock)
    except TimeoutError:
        sock.close()
        raise SecretServiceError("timeout", f"no answer in {TIMEOUT} s") from None
    except BaseException:
        sock.close()
        raise


def _failure(exc: Exception, *, opened: bool) -> SecretServiceError:
    """``exc`` as a SecretServiceError; ``opened``: the connection to the bus was made."""
    if isinstance(exc, TimeoutError) and opened:
        return SecretServiceError("timeout", f"no answer in {TIMEOUT} s")
    if isinstance(exc, UnicodeDecodeError):
        return SecretServiceError("not_text", "the stored secret is not UTF-8")
    if isinstance(exc, OSError) or is_storage_error(exc):
        return SecretServiceError("unopened", str(exc) or type(exc).__name__)
    return SecretServiceError("refused", f"{type(exc).__name__}: {exc}")


def is_storage_error(exc: BaseException) -> bool:
    """True for secretstorage's own errors (not imported for this: only it raises them)."""
    module = sys.modules.get("secretstorage.exceptions")
    return module is not None and isinstance(exc, module.SecretStorageException)


def _query(service: str, username: str) -> dict[str, str]:
    return {"username": username, "service": service}


def _unlock_item(item: Any) -> None:
    if hasattr(item, "unlock"):
        item.unlock()
    if item.is_locked():
        raise SecretServiceError("locked", "Failed to unlock the item!")

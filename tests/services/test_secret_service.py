"""The Secret Service without keyring: when it is chosen, what it writes, and the fallbacks."""

import gc
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import uuid
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from tests.conftest import MemoryKeyring
from tests.fresh_process import seen_in_fresh_process
from viber_desktop.services import secret_service, vault
from viber_desktop.services.secret_service import (
    SecretServiceError,
    SecretServiceStore,
    keyring_left_to_default,
)
from viber_desktop.services.vault import SERVICE, TokenVault, VaultError


@pytest.fixture
def default_world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No keyring configuration, no plug-in: keyring left to itself (on Linux)."""
    for key in list(os.environ):
        if key == "PYTHON_KEYRING_BACKEND" or "KEYRING_PROPERTY_" in key:
            monkeypatch.delenv(key)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(secret_service, "OTHER_LINUX_BACKENDS", ("no_such_module_kwallet_x",))
    monkeypatch.setattr(sys, "platform", "linux")
    return tmp_path


def test_left_to_default_without_configuration(default_world: Path) -> None:
    assert keyring_left_to_default()


@pytest.mark.parametrize(
    "variable",
    [
        "PYTHON_KEYRING_BACKEND",
        "KEYRING_PROPERTY_SCHEME",
        "KEYRING_PROPERTY_X",
        "MY_KEYRING_PROPERTY_X",
    ],
)
def test_a_keyring_variable_leaves_it_to_keyring(
    default_world: Path, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "KeePassXC")
    assert not keyring_left_to_default()


def test_a_keyring_config_file_leaves_it_to_keyring(default_world: Path) -> None:
    config = default_world / "config" / "python_keyring" / "keyringrc.cfg"
    config.parent.mkdir(parents=True)
    config.write_text("[backend]\ndefault-keyring=keyring.backends.null.Keyring\n")
    assert not keyring_left_to_default()


def test_a_plugin_leaves_it_to_keyring(
    default_world: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = default_world / "site"
    info = site / "keyrings.alt-5.0.dist-info"
    info.mkdir(parents=True)
    (info / "entry_points.txt").write_text(
        "[console_scripts]\nx = y:z\n\n[keyring.backends]\nfile = keyrings.alt.file\n"
    )
    monkeypatch.setattr(sys, "path", [str(site), *sys.path])
    assert not keyring_left_to_default()
    (info / "entry_points.txt").write_text("[console_scripts]\nx = y:z\n")
    assert keyring_left_to_default()  # the same package without a keyring backend


@pytest.mark.parametrize(
    ("folder", "info", "entries"),
    [
        ("site", "KeyRings.Alt-5.0.DIST-INFO", "[keyring.backends]\nfile = keyrings.alt.file\n"),
        ("site", "keyrings.alt-5.0.Egg-Info", "[keyring.backends]\nfile = keyrings.alt.file\n"),
        ("keyrings.alt-5.0-py3.11.egg", "EGG-INFO", "[keyring.backends]\nf = keyrings.alt.file\n"),
        ("site", "plug-1.0.dist-info", "[keyring.backends]\n; file = keyrings.alt.file\n"),
        ("site", "plug-1.0.dist-info", "[console_scripts]\nbroken line\n"),
    ],
)
def test_plugins_are_found_as_importlib_metadata_finds_them(
    default_world: Path, monkeypatch: pytest.MonkeyPatch, folder: str, info: str, entries: str
) -> None:
    """Any letter case, an egg's EGG-INFO, ';' starting an entry; keyring fails on a bad line."""
    (default_world / folder / info).mkdir(parents=True)
    (default_world / folder / info / "entry_points.txt").write_text(entries)
    monkeypatch.setattr(sys, "path", [str(default_world / folder), *sys.path])
    assert not keyring_left_to_default()


def test_egg_info_counts_only_inside_an_egg(
    default_world: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = default_world / "site"
    (site / "EGG-INFO").mkdir(parents=True)
    (site / "EGG-INFO" / "entry_points.txt").write_text("[keyring.backends]\nf = x.y\n")
    monkeypatch.setattr(sys, "path", [str(site), *sys.path])
    assert keyring_left_to_default()


def test_a_zip_on_the_path_leaves_it_to_keyring(
    default_world: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = default_world / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("x.py", "")
    monkeypatch.setattr(sys, "path", [*sys.path, str(archive)])
    assert not keyring_left_to_default()


def test_the_modules_of_other_backends_leave_it_to_keyring(
    default_world: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = default_world / "site"
    (site / "fake_gi_x").mkdir(parents=True)
    (site / "fake_gi_x" / "__init__.py").write_text("")
    monkeypatch.setattr(sys, "path", [str(site), *sys.path])
    monkeypatch.setattr(secret_service, "OTHER_LINUX_BACKENDS", ("dbus_no_such_x", "fake_gi_x"))
    assert not keyring_left_to_default()


def test_other_systems_leave_it_to_keyring(
    default_world: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for platform in ("darwin", "win32"):
        monkeypatch.setattr(sys, "platform", platform)
        assert not keyring_left_to_default()


def test_no_session_bus_is_no_secret_service(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    assert not secret_service.available()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus-socket")
    assert not secret_service.available()


class RefusingStore(SecretServiceStore):
    def __init__(self, exc: SecretServiceError) -> None:
        self.exc = exc

    def get(self, service: str, username: str) -> str | None:
        raise self.exc

    def set(self, service: str, username: str, secret: str) -> None:
        raise self.exc

    def delete(self, service: str, username: str) -> bool:
        raise self.exc


@pytest.mark.parametrize(
    ("exc", "message"),
    [
        (
            SecretServiceError("locked", "Failed to unlock the collection!"),
            "cannot read the token: the keyring is locked; unlock it",
        ),
        (
            SecretServiceError("unopened", "Failed to create the collection: gone."),
            "cannot read the token: the keyring could not be opened (Failed to create the "
            "collection: gone.)",
        ),
        (
            SecretServiceError("refused", "DBusErrorResponse: denied"),
            "cannot read the token: the keyring refused the request (DBusErrorResponse: denied)",
        ),
    ],
)
def test_direct_failures_say_what_keyring_failures_say(
    monkeypatch: pytest.MonkeyPatch, exc: SecretServiceError, message: str
) -> None:
    monkeypatch.setattr(vault, "_choice", {False: RefusingStore(exc)})
    with pytest.raises(VaultError) as info:
        TokenVault().get("P")
    assert str(info.value).startswith(message)
    with pytest.raises(VaultError, match="cannot store the token"):
        TokenVault().set("P", "token-value-1")
    with pytest.raises(VaultError, match="cannot delete the token"):
        TokenVault().delete("P")


def test_no_store_is_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault, "_choice", {False: vault.NO_STORE})
    with pytest.raises(VaultError, match="cannot store the token: no OS keyring is available"):
        TokenVault().set("P", "token-value-1")


def test_with_keyring_loaded_keyring_decides() -> None:
    """Tests set keyring's backend (conftest): the vault must use it, never go around it."""
    assert "keyring" in sys.modules
    assert vault._choose(separate=False) is None
    assert vault._choose(separate=True) is None


SCRIPT = textwrap.dedent(
    """
    import json, sys
    from viber_desktop.services.vault import TokenVault, VaultError
    vault = TokenVault()
    seen = {}
    try:
        vault.set(sys.argv[1], "token-from-the-vault-1")
        seen["got"] = vault.get(sys.argv[1])
    except VaultError as exc:
        seen["error"] = str(exc)
    seen["keyring"] = "keyring" in sys.modules
    print("SEEN=" + json.dumps(seen))
    """
)


def run_vault(env: dict[str, str], profile: str = "P") -> dict[str, object]:
    return seen_in_fresh_process(SCRIPT, env, profile, timeout=60)


def clean_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k != "PYTHON_KEYRING_BACKEND" and "KEYRING_PROPERTY_" not in k
    }
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg-config")
    return env


def test_no_session_bus_says_no_keyring_without_loading_it(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    seen = run_vault(env)
    assert seen["keyring"] is False
    assert str(seen["error"]).startswith("cannot store the token: no OS keyring is available")


def test_a_configured_plain_file_backend_is_still_refused(tmp_path: Path) -> None:
    """keyring's configuration is honoured, and our refusal of plain files with it."""
    (tmp_path / "plainring.py").write_text(
        textwrap.dedent(
            """
            from keyring.backend import KeyringBackend

            class PlaintextKeyring(KeyringBackend):
                priority = 1
                items = {}
                def get_password(self, service, username):
                    return self.items.get((service, username))
                def set_password(self, service, username, password):
                    self.items[(service, username)] = password
            """
        )
    )
    env = clean_env(tmp_path)
    env["PYTHONPATH"] = str(tmp_path)
    env["PYTHON_KEYRING_BACKEND"] = "plainring.PlaintextKeyring"
    seen = run_vault(env)
    assert seen["keyring"] is True
    assert "stores secrets in a plain file" in str(seen["error"])
    config = tmp_path / "xdg-config" / "python_keyring" / "keyringrc.cfg"
    config.parent.mkdir(parents=True)
    config.write_text("[backend]\ndefault-keyring=plainring.PlaintextKeyring\n")
    del env["PYTHON_KEYRING_BACKEND"]
    seen = run_vault(env)
    assert seen["keyring"] is True
    assert "stores secrets in a plain file" in str(seen["error"])


def _secret_service_running() -> bool:
    from tests.services.test_vault import _secret_service_running as running

    return running()


@pytest.fixture
def real_service() -> None:
    if not _secret_service_running():
        if os.environ.get("VIBER_DESKTOP_STRICT_TESTS"):
            pytest.fail("a Secret Service was required but none is running")
        pytest.skip("no Secret Service in this session")


@pytest.mark.keyring
@pytest.mark.usefixtures("real_service")
def test_direct_items_are_keyrings_items() -> None:
    """What one writes the other reads, both ways, and deletes."""
    from keyring.backends import SecretService

    store, backend = SecretServiceStore(), SecretService.Keyring()
    mine, theirs = f"test-{uuid.uuid4()}", f"test-{uuid.uuid4()}"
    try:
        assert store.get(SERVICE, mine) is None
        store.set(SERVICE, mine, "direct-token-0001")
        store.set(SERVICE, mine, "direct-token-0002")  # replaced, not added
        assert backend.get_password(SERVICE, mine) == "direct-token-0002"
        backend.set_password(SERVICE, theirs, "keyring-token-0001")
        assert store.get(SERVICE, theirs) == "keyring-token-0001"
        assert store.delete(SERVICE, theirs) is True
        assert backend.get_password(SERVICE, theirs) is None
        assert store.delete(SERVICE, theirs) is False
    finally:
        for name in (mine, theirs):
            store.delete(SERVICE, name)


@pytest.mark.keyring
@pytest.mark.usefixtures("real_service")
def test_the_vault_uses_the_secret_service_without_keyring(tmp_path: Path) -> None:
    from keyring.backends import SecretService

    profile = f"test-{uuid.uuid4()}"
    seen = run_vault(clean_env(tmp_path), profile)
    try:
        assert seen == {"got": "token-from-the-vault-1", "keyring": False}
        assert SecretService.Keyring().get_password(SERVICE, profile) == seen["got"]
    finally:
        SecretServiceStore().delete(SERVICE, profile)


BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={path}</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
"""A session bus of its own, with no service it could start (never the user's keyring)."""

FAKE_SERVICE = textwrap.dedent(
    """
    import sys
    from jeepney import MessageType, new_error
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    connection = open_dbus_connection()
    connection.send_and_get_reply(message_bus.RequestName("org.freedesktop.secrets"))
    print("ready", flush=True)
    while True:
        message = connection.receive()
        if message.header.message_type != MessageType.method_call or sys.argv[1] == "hang":
            continue
        connection.send_message(new_error(message, sys.argv[1], "s", ("denied by policy",)))
    """
)
"""A Secret Service that answers every call with the error ``argv[1]``, or never (hang)."""

ACCESS_DENIED = "org.freedesktop.DBus.Error.AccessDenied"


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A folder whose sockets fit the 108-byte limit of a socket path."""
    with tempfile.TemporaryDirectory(prefix="vd-bus-", dir="/tmp") as folder:
        yield Path(folder)


@pytest.fixture
def private_bus(short_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A real dbus-daemon of this test's own; the session bus variable points at it."""
    if shutil.which("dbus-daemon") is None:
        if os.environ.get("VIBER_DESKTOP_STRICT_TESTS"):
            pytest.fail("dbus-daemon was required but is not installed")
        pytest.skip("no dbus-daemon here")
    config = short_dir / "bus.conf"
    config.write_text(BUS_CONFIG.format(path=short_dir / "bus"))
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address.startswith("unix:")
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        if daemon.stdout is not None:
            daemon.stdout.close()


@pytest.fixture
def fake_service(private_bus: str) -> Iterator[Callable[[str], None]]:
    """Starts the fake Secret Service on the private bus, answering as told."""
    started: list[subprocess.Popen[str]] = []

    def start(mode: str) -> None:
        service = subprocess.Popen(
            [sys.executable, "-c", FAKE_SERVICE, mode],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": private_bus},
        )
        started.append(service)
        assert service.stdout is not None
        assert service.stdout.readline().strip() == "ready"

    yield start
    for service in started:
        service.terminate()
        service.wait(timeout=10)
        if service.stdout is not None:
            service.stdout.close()


def failure_within(seconds: float, call: Callable[[], object]) -> BaseException | None:
    """What ``call`` raised, in a thread so that a call that hangs fails the test instead.

    The thread ends when the private bus stops at the end of the test (its socket closes).
    """
    failures: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            failures.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            failures.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert failures, f"no answer in {seconds} s"
    return failures[0]


def direct_vault(monkeypatch: pytest.MonkeyPatch) -> TokenVault:
    """The vault on the direct path, as chosen at a first use with a service running."""
    monkeypatch.setattr(vault, "_choice", {False: SecretServiceStore()})
    return TokenVault()


def all_calls(tokens: TokenVault) -> list[Callable[[], object]]:
    return [
        lambda: tokens.get("P"),
        lambda: tokens.set("P", "token-value-1"),
        lambda: tokens.delete("P"),
    ]


def test_a_service_refusing_access_is_a_plain_refusal(
    fake_service: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_service(ACCESS_DENIED)
    for call in all_calls(direct_vault(monkeypatch)):
        with pytest.raises(
            VaultError, match=r"the keyring refused the request \(DBusErrorResponse"
        ):
            call()


def keyring_secret_service(collection: str | None = None) -> KeyringBackend:
    """keyring's SecretService backend; with a preferred collection keyring makes its own calls."""
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    if collection is not None:
        backend.preferred_collection = collection  # type: ignore[attr-defined]
    return backend


@pytest.mark.parametrize("collection", [None, "/org/freedesktop/secrets/aliases/default"])
def test_keyring_sees_a_refusing_service_the_same_way(
    fake_service: Callable[[str], None], collection: str | None
) -> None:
    """keyring's own SecretService calls let the D-Bus error through: the vault words it."""
    import keyring

    fake_service(ACCESS_DENIED)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring_secret_service(collection))
    try:
        # Trap: keyring leaves its connection open when the collection fails; closed at collection
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            for call in all_calls(TokenVault()):
                with pytest.raises(VaultError, match=r"refused the request \(DBusErrorResponse"):
                    call()
            gc.collect()
    finally:
        keyring.set_keyring(previous)


def test_keyrings_plain_secret_service_is_given_up_too(
    fake_service: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """keyring's calls have no time limit: its plain SecretService choice goes through the store."""
    import keyring

    fake_service("hang")
    monkeypatch.setattr(secret_service, "TIMEOUT", 1)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring_secret_service())
    try:
        failure = failure_within(10, lambda: TokenVault().get("P"))
        assert "did not answer in 1 s" in str(failure)
    finally:
        keyring.set_keyring(previous)


def test_only_keyrings_plain_secret_service_is_the_store() -> None:
    from keyring.backends import SecretService

    assert isinstance(vault._same_store(SecretService.Keyring()), SecretServiceStore)
    assert (
        vault._same_store(keyring_secret_service("/org/freedesktop/secrets/collection/x")) is None
    )
    other_scheme, other_app = SecretService.Keyring(), SecretService.Keyring()
    other_scheme.scheme = "KeePassXC"
    other_app.appid = "another application"
    assert vault._same_store(other_scheme) is None
    assert vault._same_store(other_app) is None
    assert vault._same_store(MemoryKeyring()) is None


def test_a_service_that_never_answers_is_given_up(
    fake_service: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_service("hang")
    monkeypatch.setattr(secret_service, "TIMEOUT", 1)
    tokens = direct_vault(monkeypatch)
    assert str(failure_within(10, lambda: tokens.get("P"))) == (
        "cannot read the token: the keyring did not answer in 1 s; check that gnome-keyring "
        "or KWallet is running and try again"
    )


def test_a_helper_waiting_on_the_service_ends_with_the_window(
    fake_service: Callable[[str], None],
) -> None:
    """The window's end closes the helper's input: a helper stuck on the bus (or on a prompt
    nobody answers) exits then, instead of living on."""
    from viber_desktop.services.secret_process import helper_command

    fake_service("hang")
    helper = subprocess.Popen(
        helper_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert helper.stdin is not None
    assert helper.stdout is not None
    helper.stdin.write(b'{"call": "get", "service": "s", "username": "u"}\n')
    helper.stdin.flush()
    with pytest.raises(subprocess.TimeoutExpired):
        helper.wait(timeout=1.5)  # waiting for the service, which never answers
    helper.stdin.close()
    assert helper.wait(timeout=5) == 1
    assert helper.stdout.read() == b""
    helper.stdout.close()


def test_a_bus_gone_after_the_choice_cannot_be_opened(
    short_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={short_dir / 'gone'}")
    for call in all_calls(direct_vault(monkeypatch)):
        with pytest.raises(VaultError, match=r"the keyring could not be opened \(\[Errno 2\]"):
            call()
    with socket.socket(socket.AF_UNIX) as mute:  # takes connections, never answers
        mute.bind(str(short_dir / "mute"))
        mute.listen(4)
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={short_dir / 'mute'}")
        with pytest.raises(VaultError, match=r"could not be opened \(Did not authenticate"):
            TokenVault().get("P")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "tcp:host=localhost,port=1")
    with pytest.raises(VaultError, match=r"refused the request \(RuntimeError: DBus transports"):
        TokenVault().get("P")


def _silent_after_greeting(server: socket.socket, stop: threading.Event) -> None:
    """A bus that authenticates its callers, then never answers (not even ``Hello``)."""
    server.settimeout(0.1)
    held = []
    while not stop.is_set():
        try:
            peer, _ = server.accept()
        except TimeoutError:
            continue
        held.append(peer)
        peer.settimeout(5)
        with suppress(OSError):
            peer.recv(1)  # the credentials byte
            data = b""
            while b"BEGIN\r\n" not in data:
                chunk = peer.recv(1024)
                if not chunk:
                    break
                data += chunk
                if chunk.startswith(b"AUTH"):
                    peer.sendall(b"OK " + uuid.uuid4().hex.encode() + b"\r\n")
                elif chunk.startswith(b"NEGOTIATE_UNIX_FD"):
                    peer.sendall(b"AGREE_UNIX_FD\r\n")
    for peer in held:
        peer.close()


def test_a_bus_silent_after_the_greeting_is_given_up(
    short_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """jeepney bounds the authentication only; the ``Hello`` after it is bounded here."""
    monkeypatch.setattr(secret_service, "TIMEOUT", 1)
    stop = threading.Event()
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(short_dir / "silent"))
        server.listen(4)
        bus = threading.Thread(target=_silent_after_greeting, args=(server, stop), daemon=True)
        bus.start()
        try:
            monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={short_dir / 'silent'}")
            for call in all_calls(direct_vault(monkeypatch)):
                failure = failure_within(10, call)
                assert isinstance(failure, VaultError)
                assert "did not answer in 1 s" in str(failure)
            failure = failure_within(10, secret_service.available)
            assert isinstance(failure, SecretServiceError) and failure.kind == "timeout"
        finally:
            stop.set()
            bus.join(10)


SLOW_FIRST_USE = textwrap.dedent(
    """
    import json, os, sys
    from viber_desktop.services import vault
    seen = []
    for address in sys.argv[1:]:
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
        try:
            seen.append(vault.TokenVault().get("P"))
        except vault.VaultError as exc:
            seen.append(str(exc))
    seen.append("keyring" in sys.modules)
    print("SEEN=" + json.dumps(seen))
    """
)


def test_a_slow_bus_at_first_use_is_asked_again(
    fake_service: Callable[[str], None], short_dir: Path, private_bus: str, tmp_path: Path
) -> None:
    """The choice made at the first use is kept; a bus too slow to say is not a choice."""
    fake_service(ACCESS_DENIED)
    with socket.socket(socket.AF_UNIX) as mute:
        mute.bind(str(short_dir / "mute"))
        mute.listen(4)
        out = subprocess.run(
            [sys.executable, "-c", SLOW_FIRST_USE, f"unix:path={short_dir / 'mute'}", private_bus],
            capture_output=True,
            text=True,
            env=clean_env(tmp_path),
            timeout=60,
            check=True,
        ).stdout
    line = next(x for x in out.splitlines() if x.startswith("SEEN="))
    first, second, keyring_loaded = json.loads(line.removeprefix("SEEN="))
    assert first.startswith("cannot read the token: the keyring could not be opened (Did not")
    assert second.startswith("cannot read the token: the keyring refused the request (DBusError")
    assert keyring_loaded is False


BAD_TEXT = b"SECRET\xffTOKEN"


def store_bad_text(profile: str) -> None:
    from contextlib import closing

    import secretstorage

    with closing(secretstorage.dbus_init()) as connection:
        secretstorage.get_default_collection(connection).create_item(
            "x",
            {"service": SERVICE, "username": profile, "application": secret_service.APPLICATION},
            BAD_TEXT,
            replace=True,
        )


@pytest.mark.keyring
@pytest.mark.usefixtures("real_service")
def test_a_stored_token_that_is_not_text_is_said_without_its_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import keyring
    from keyring.backends import SecretService

    profile = f"test-{uuid.uuid4()}"
    store_bad_text(profile)
    expected = "cannot read the token: the stored token is not text; store it again"
    previous = keyring.get_keyring()
    try:
        with pytest.raises(VaultError) as info:
            direct_vault(monkeypatch).get(profile)
        assert str(info.value) == expected
        monkeypatch.setattr(vault, "_choice", {False: None})
        keyring.set_keyring(SecretService.Keyring())
        with pytest.raises(VaultError) as info:
            TokenVault().get(profile)
        assert str(info.value) == expected
    finally:
        keyring.set_keyring(previous)
        SecretServiceStore().delete(SERVICE, profile)


@pytest.mark.keyring
@pytest.mark.usefixtures("real_service")
def test_keyrings_own_calls_keep_its_settings() -> None:
    """A scheme set for keyring (keyringrc.cfg, KEYRING_PROPERTY_SCHEME) is keyring's to apply."""
    from contextlib import closing

    import keyring
    import secretstorage
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    backend.scheme = "KeePassXC"
    profile = f"test-{uuid.uuid4()}"
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        TokenVault().set(profile, "keepassxc-token-1")
        with closing(secretstorage.dbus_init()) as connection:
            collection = secretstorage.get_default_collection(connection)
            found = list(collection.search_items({"UserName": profile, "Title": SERVICE}))
            assert [item.get_secret() for item in found] == [b"keepassxc-token-1"]
        assert TokenVault().delete(profile) is True
    finally:
        keyring.set_keyring(previous)

"""The Secret Service without keyring: when it is chosen, what it writes, and the fallbacks."""

import json
import os
import subprocess
import sys
import textwrap
import uuid
import zipfile
from pathlib import Path

import pytest

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
        if key == "PYTHON_KEYRING_BACKEND" or key.startswith("KEYRING_PROPERTY_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(secret_service, "OTHER_LINUX_BACKENDS", ("no_such_module_kwallet_x",))
    monkeypatch.setattr(sys, "platform", "linux")
    return tmp_path


def test_left_to_default_without_configuration(default_world: Path) -> None:
    assert keyring_left_to_default()


@pytest.mark.parametrize(
    "variable", ["PYTHON_KEYRING_BACKEND", "KEYRING_PROPERTY_SCHEME", "KEYRING_PROPERTY_X"]
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
    monkeypatch.setattr(vault, "_choice", [RefusingStore(exc)])
    with pytest.raises(VaultError) as info:
        TokenVault().get("P")
    assert str(info.value).startswith(message)
    with pytest.raises(VaultError, match="cannot store the token"):
        TokenVault().set("P", "token-value-1")
    with pytest.raises(VaultError, match="cannot delete the token"):
        TokenVault().delete("P")


def test_no_store_is_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault, "_choice", [vault.NO_STORE])
    with pytest.raises(VaultError, match="cannot store the token: no OS keyring is available"):
        TokenVault().set("P", "token-value-1")


def test_with_keyring_loaded_keyring_decides() -> None:
    """Tests set keyring's backend (conftest): the vault must use it, never go around it."""
    assert "keyring" in sys.modules
    assert vault._choose() is None


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
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, profile],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("SEEN="))
    seen: dict[str, object] = json.loads(line.removeprefix("SEEN="))
    return seen


def clean_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k != "PYTHON_KEYRING_BACKEND" and not k.startswith("KEYRING_PROPERTY_")
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

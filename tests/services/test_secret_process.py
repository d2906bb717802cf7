"""The window's Secret Service calls made by a helper process: the request, the answer, and
what the window is left holding (no cryptography)."""

import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

import viber_desktop
from tests.fresh_process import seen_in_fresh_process
from tests.services.test_secret_service import clean_env, real_service  # noqa: F401
from viber_desktop.commands import SECRET_SERVICE_CALL
from viber_desktop.services import secret_process, vault
from viber_desktop.services.secret_process import SeparateSecretStore, helper_command, serve_call
from viber_desktop.services.secret_service import SecretServiceError
from viber_desktop.services.vault import SERVICE, TokenVault, VaultError


def served(request: bytes) -> tuple[int, bytes]:
    out = io.BytesIO()
    return serve_call(io.BytesIO(request), out), out.getvalue()


@pytest.mark.parametrize(
    "request_line",
    [
        b"",
        b"not json\n",
        b"[1, 2]\n",
        b'{"call": "list", "service": "s", "username": "u"}\n',
        b'{"call": "get", "service": "s"}\n',
        b'{"call": "get", "service": "s", "username": 5}\n',
        b'{"call": "get", "service": "s", "username": "u", "secret": "x"}\n',
        b'{"call": "set", "service": "s", "username": "u"}\n',
        b'{"call": "get", "service": "' + b"s" * 2_000_000 + b'", "username": "u"}\n',
        b'{"call": ["get"], "service": "s", "username": "u"}\n',
        b'{"call": "get", "service": "s", "username": ' + b"[" * 5000 + b"]" * 5000 + b"}\n",
        b'{"call": "get", "service": "s", "username": "\xff\xfe"}\n',
    ],
)
def test_a_malformed_request_is_not_served(request_line: bytes) -> None:
    assert served(request_line) == (2, b"")


def test_without_a_session_bus_the_helper_answers_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    code, out = served(b'{"call": "get", "service": "s", "username": "u"}\n')
    assert code == 0
    assert json.loads(out) == {"error": "absent"}


@pytest.mark.parametrize(
    ("program", "detail"),
    [
        ("pass", "no answer"),
        ("import sys; sys.exit(3)", "exit code 3"),
        ("print('Traceback (most recent call last)')", "no answer"),
        ("print('[1]')", "no answer"),
        ("print('x' * 2_000_000)", "an answer over 1024 KB"),
        ("print('[' * 5000)", "no answer"),  # deeper than json reads
        ('print(\'{"value": "\\\\ud800"}\')', "an answer that is not a token"),
        ('print(\'{"error": ["exploded", "x"]}\')', "an answer it could not read"),
        ("print('{\"value\": 5}')", "an answer that is not a token"),
    ],
)
def test_a_helper_without_a_proper_answer_is_said_in_words(
    monkeypatch: pytest.MonkeyPatch, program: str, detail: str
) -> None:
    monkeypatch.setattr(secret_process, "helper_command", lambda: [sys.executable, "-c", program])
    monkeypatch.setattr(vault, "_choice", {True: SeparateSecretStore()})
    with pytest.raises(VaultError) as info:
        TokenVault(separate=True).get("P")
    assert str(info.value) == (
        "cannot read the token: the keyring could not be opened (its helper process ended "
        f"without an answer: {detail})"
    )


def test_a_helper_that_cannot_start_is_said_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(secret_process, "helper_command", lambda: ["/nonexistent/viber-desktop"])
    with pytest.raises(SecretServiceError) as info:
        SeparateSecretStore().delete(SERVICE, "P")
    assert (info.value.kind, info.value.problem) == ("unopened", "No such file or directory")


def test_refusals_come_back_as_the_helper_saw_them(monkeypatch: pytest.MonkeyPatch) -> None:
    answer = json.dumps({"error": ["locked", "Failed to unlock the item!"]})
    monkeypatch.setattr(
        secret_process, "helper_command", lambda: [sys.executable, "-c", f"print({answer!r})"]
    )
    monkeypatch.setattr(vault, "_choice", {True: SeparateSecretStore()})
    with pytest.raises(VaultError, match="cannot store the token: the keyring is locked"):
        TokenVault(separate=True).set("P", "token-value-1")


def test_the_helper_is_this_app_started_again(monkeypatch: pytest.MonkeyPatch) -> None:
    command = helper_command()
    assert command[:3] == [sys.executable, "-P", "-c"]
    assert command[4] == str(Path(viber_desktop.__file__).parent.parent)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert helper_command() == [sys.executable, SECRET_SERVICE_CALL]


def test_a_checkout_run_without_installing_has_a_helper_too(tmp_path: Path) -> None:
    """A copy of the package that is on no path: the helper runs that copy, from anywhere."""
    copy = tmp_path / "checkout" / "viber_desktop"
    shutil.copytree(
        Path(viber_desktop.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    with (copy / "services" / "secret_process.py").open("a", encoding="utf-8") as module:
        module.write(
            "\n\ndef _make(request):  # this copy's own answer\n"
            "    raise SecretServiceError('refused', 'the copy answered')\n"
        )
    script = textwrap.dedent(
        """
        import json, sys
        sys.path.insert(0, sys.argv[1])
        import viber_desktop
        from viber_desktop.services.secret_process import SeparateSecretStore
        from viber_desktop.services.secret_service import SecretServiceError
        try:
            SeparateSecretStore().get("viber-desktop", "P")
        except SecretServiceError as exc:
            print("SEEN=" + json.dumps([viber_desktop.__file__, exc.problem]))
        """
    )
    env = {
        k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "PYTHONPATH")
    }
    out = subprocess.run(
        [sys.executable, "-P", "-c", script, str(tmp_path / "checkout")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
        timeout=60,
    ).stdout
    file, problem = json.loads(out.split("SEEN=")[1])
    assert file.startswith(str(copy)) and problem == "the copy answered"


WINDOW_VAULT = textwrap.dedent(
    """
    import json, sys
    from viber_desktop.services.vault import TokenVault, VaultError
    tokens = TokenVault(separate=True)
    seen = {}
    try:
        tokens.set(sys.argv[1], "token-from-a-helper-1")
        seen["got"] = tokens.get(sys.argv[1])
        seen["deleted"] = [tokens.delete(sys.argv[1]), tokens.delete(sys.argv[1])]
    except VaultError as exc:
        seen["error"] = str(exc)
    seen["loaded"] = sorted(
        m for m in ("keyring", "secretstorage", "jeepney", "cryptography") if m in sys.modules
    )
    print("SEEN=" + json.dumps(seen))
    """
)
"""The window's vault in a fresh process, as it is at start (keyring not imported)."""


def test_without_a_session_bus_the_window_is_told_there_is_no_keyring(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    seen = seen_in_fresh_process(WINDOW_VAULT, env, "P", timeout=60)
    assert str(seen["error"]).startswith("cannot store the token: no OS keyring is available")
    assert seen["loaded"] == []


@pytest.mark.keyring
@pytest.mark.usefixtures("real_service")
def test_the_window_keeps_its_tokens_without_loading_the_secret_service(tmp_path: Path) -> None:
    """What the helpers write is keyring's item; the window itself loads none of it."""
    from keyring.backends import SecretService

    profile = f"test-{uuid.uuid4()}"
    seen = seen_in_fresh_process(WINDOW_VAULT, clean_env(tmp_path), profile, timeout=60)
    assert seen == {"got": "token-from-a-helper-1", "deleted": [True, False], "loaded": []}
    assert SecretService.Keyring().get_password(SERVICE, profile) is None

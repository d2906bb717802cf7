"""The command line, in-process against the sandbox, plus one real subprocess."""

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MemoryKeyring
from viber_desktop.cli import main
from viber_desktop.sandbox.server import Sandbox


def write(tmp_path: Path, data: Any, name: str = "p.json") -> str:
    path = tmp_path / name
    path.write_text(
        data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8"
    )
    return str(path)


GOOD = {"receiver": "sandbox-user-1", "type": "text", "text": "Hi 😀", "sender": {"name": "S"}}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_ok_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", write(tmp_path, GOOD))
    assert code == 0 and "OK: 0 errors" in out
    code, out, _ = run(capsys, "check", "--json", write(tmp_path, GOOD))
    data = json.loads(out)
    assert code == 0
    assert data == {
        "ok": True,
        "bytes": len(json.dumps(GOOD, ensure_ascii=False, separators=(",", ":")).encode()),
        "min_api_version_required": 1,
        "findings": [],
        "error": None,
    }


def test_check_errors_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = {**GOOD, "sender": {"name": "x" * 29}}
    code, out, _ = run(capsys, "check", "--json", write(tmp_path, bad))
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    assert data["findings"][0] == {
        "severity": "error",
        "path": "/sender/name",
        "code": "too_long",
        "message": data["findings"][0]["message"],
        "used": 29,
        "limit": 28,
        "fix": {
            "label": 'Shorten to 28 characters (cuts "x")',
            "op": "set",
            "path": "/sender/name",
            "value": "x" * 28,
        },
        "fixes": [data["findings"][0]["fix"]],
    }
    code, out, _ = run(capsys, "check", write(tmp_path, bad))
    assert code == 1 and "error: /sender/name:" in out


@pytest.mark.parametrize("content", ["{", "", "\xff"])
def test_check_unreadable_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content.encode("latin-1"))
    code, out, err = run(capsys, "check", str(path))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "check", str(tmp_path / "missing.json"))
    assert code == 2 and "cannot read" in err


def test_check_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps([1]).encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "check", "--json", "-")
    assert code == 1 and json.loads(out)["findings"][0]["code"] == "not_an_object"


def test_send_with_env_token(
    tmp_path: Path,
    sandbox: Sandbox,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", sandbox.token)
    code, out, _ = run(
        capsys, "send", "--json", "--api-url", sandbox.base_url, write(tmp_path, GOOD)
    )
    data = json.loads(out)
    assert code == 0
    assert set(data) == {
        "outcome",
        "status",
        "status_name",
        "status_message",
        "message_token",
        "billing_status",
        "billing_name",
        "chat_hostname",
        "explanation",
        "profile",
        "endpoint",
        "error",
        "history_error",
    }
    assert data["message_token"] == 5741311803571721087
    code, out, _ = run(capsys, "history", "--json")
    [entry] = json.loads(out)
    assert entry["message_token"] == 5741311803571721087 and entry["request"] == GOOD
    for key in (
        "id",
        "time",
        "profile",
        "receiver",
        "type",
        "outcome",
        "status",
        "status_name",
        "billing_status",
        "bytes",
    ):
        assert key in entry


@pytest.mark.parametrize(
    ("receiver", "code", "outcome"),
    [
        ("status-6", 1, "api_error"),
        ("fault-http500", 3, "unknown"),
        ("fault-drop", 3, "unknown"),
    ],
)
def test_send_exit_codes(
    tmp_path: Path,
    sandbox: Sandbox,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    receiver: str,
    code: int,
    outcome: str,
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", sandbox.token)
    got, out, err = run(
        capsys,
        "send",
        "--api-url",
        sandbox.base_url,
        write(tmp_path, {**GOOD, "receiver": receiver}),
    )
    assert got == code and f"outcome: {outcome}" in out and "Traceback" not in err


def test_send_not_sent_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", "tok")
    code, out, _ = run(capsys, "send", "--api-url", "http://127.0.0.1:9/pa", write(tmp_path, GOOD))
    assert code == 3 and "outcome: not_sent" in out


def test_send_refuses_invalid_payload(
    tmp_path: Path,
    sandbox: Sandbox,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", sandbox.token)
    code, _, err = run(
        capsys, "send", "--api-url", sandbox.base_url, write(tmp_path, {**GOOD, "text": ""})
    )
    assert code == 2 and "nothing was sent" in err
    assert sandbox.requests == []


def test_send_without_token_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "profile", "add", "Prod")
    code, _, err = run(capsys, "send", "--profile", "Prod", write(tmp_path, GOOD))
    assert code == 2 and "no token" in err


def test_send_refuses_plain_http_public(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", "tok")
    code, _, err = run(capsys, "send", "--api-url", "http://example.com/pa", write(tmp_path, GOOD))
    assert code == 2 and "unencrypted" in err


def test_dry_run_prints_body_and_curl_without_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", "secret-token-value")
    code, out, _ = run(capsys, "send", "--dry-run", write(tmp_path, GOOD))
    body, curl = out.strip().splitlines()
    assert code == 0 and json.loads(body) == GOOD
    assert "$VIBER_AUTH_TOKEN" in curl and "secret-token-value" not in out


def test_default_sandbox_profile_sends_out_of_the_box(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "send", write(tmp_path, GOOD))
    assert code == 0 and "outcome: ok" in out


def test_profiles_and_tokens(
    capsys: pytest.CaptureFixture[str],
    sandbox: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    assert run(capsys, "profile", "add", "Local", "--api-url", sandbox.base_url)[0] == 0
    code, _, err = run(capsys, "profile", "add", "Bad", "--api-url", "http://example.com")
    assert code == 2 and "api_url" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO(sandbox.token + "\n"))
    code, out, _ = run(capsys, "token", "set", "--profile", "Local")
    assert code == 0 and sandbox.token not in out and sandbox.token[-4:] in out
    code, out, _ = run(capsys, "token", "status", "--profile", "Local", "--check")
    assert code == 0 and "Sandbox Bot" in out and sandbox.token not in out
    assert run(capsys, "profile", "use", "Local")[0] == 0
    assert "* Local" in run(capsys, "profile", "list")[1]
    assert run(capsys, "token", "delete")[1].strip() == "Local: token deleted"
    assert run(capsys, "token", "status")[0] == 1
    assert run(capsys, "profile", "remove", "Local")[0] == 0
    assert memory_keyring.items == {}


def test_history_export_and_search(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "send", write(tmp_path, GOOD))
    run(capsys, "send", write(tmp_path, {**GOOD, "receiver": "status-7"}))
    code, out, _ = run(capsys, "history", "--outcome", "api_error")
    assert code == 0 and "status-7" in out and "sandbox-user-1" not in out
    code, out, _ = run(capsys, "history", "export", str(tmp_path / "h.csv"))
    assert code == 0 and "exported 2 entries" in out
    assert run(capsys, "history", "export", str(tmp_path / "h.xml"))[0] == 2


def test_sandbox_help_lists_test_receivers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["sandbox", "--help"])
    out = capsys.readouterr().out
    assert "status-N" in out and "fault-drop" in out and "sandbox-user-1" in out


def test_console_entry_point_never_shows_a_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, "[", "broken.json")
    done = subprocess.run(
        [sys.executable, "-m", "viber_desktop", "check", path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("viber-desktop check:")


def test_sandbox_command_serves_in_the_foreground(tmp_path: Path) -> None:
    from viber_desktop.core.text import body_bytes
    from viber_desktop.services.viber_client import ViberClient

    proc = subprocess.Popen(
        [sys.executable, "-m", "viber_desktop", "sandbox", "--quiet"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().split(" at ", 1)[1].strip()
        token = proc.stdout.readline().split(": ", 1)[1].strip()
        assert url.startswith("http://127.0.0.1:")
        result = ViberClient(url, token).send_message(body_bytes(GOOD))
        assert result.outcome == "ok" and result.message_token is not None
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()


def test_token_commands_explain_a_broken_keyring(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    import keyring.errors

    from tests.services.test_vault import FailingKeyring

    run(capsys, "profile", "add", "Prod")
    keyring.set_keyring(FailingKeyring(keyring.errors.KeyringLocked("locked")))
    monkeypatch.setattr(sys, "stdin", io.StringIO("secret-token-1234\n"))
    code, _, err = run(capsys, "token", "set", "--profile", "Prod")
    assert code == 2 and "locked" in err and "secret-token-1234" not in err
    code, _, err = run(capsys, "token", "status", "--profile", "Prod")
    assert code == 2 and "unlock" in err
    code, _, err = run(capsys, "send", "--profile", "Prod", write(tmp_path, GOOD))
    assert code == 2 and "nothing was sent" in err


def test_the_check_summary_counts_in_words() -> None:
    from viber_desktop.cli.check_cmd import format_report
    from viber_desktop.core.checker import check_payload

    one = format_report(check_payload({"receiver": "r", "sender": {"name": "S"}, "type": "text"}))
    assert "NOT SENDABLE: 1 error, " in one.splitlines()[-1]

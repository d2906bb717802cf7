"""Holes a hostile-input probe found in ``send``: timeouts, dry-run URLs, a damaged data folder."""

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import GOOD, run, write
from viber_desktop.sandbox.server import Sandbox
from viber_desktop.services.history import HistoryStore

Capsys = pytest.CaptureFixture[str]


def test_a_timeout_over_the_overall_limit_is_refused_before_anything_is_recorded(
    tmp_path: Path, sandbox: Sandbox, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", sandbox.token)
    args = ("send", "--api-url", sandbox.base_url, "--timeout", "3599", write(tmp_path, GOOD))
    code, _, err = run(capsys, *args)
    assert code == 2, err
    assert "Nothing was sent" in err and "--timeout" in err and "3,600 seconds" in err
    assert "MAY HAVE BEEN" not in err.upper() and "unexpected" not in err
    code, out, _ = run(capsys, *args[:1], "--json", *args[1:])
    assert code == 2 and json.loads(out)["outcome"] == "not_sent"
    assert sandbox.requests == []
    assert HistoryStore().count() == 0


@pytest.mark.parametrize("seconds", ["1e-320", "0.0009"])
def test_a_timeout_under_one_millisecond_is_a_usage_error(
    tmp_path: Path, capsys: Capsys, seconds: str
) -> None:
    code, _, err = run(capsys, "send", "--timeout", seconds, write(tmp_path, GOOD))
    assert code == 2 and "at least 0.001 seconds" in err


@pytest.mark.parametrize(
    "url", ["http://198.51.100.7/pa", "https://user@example.com/pa", "https://a\\b.com/pa"]
)
def test_dry_run_refuses_an_unsafe_api_url(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", "secret-token-value")
    code, out, err = run(capsys, "send", "--dry-run", "--api-url", url, write(tmp_path, GOOD))
    assert code == 2 and "curl" not in out and "not safe to send a token" in err


def test_dry_run_with_a_safe_api_url_still_prints_curl(tmp_path: Path, capsys: Capsys) -> None:
    url = "https://example.com/pa"
    code, out, _ = run(capsys, "send", "--dry-run", "--api-url", url, write(tmp_path, GOOD))
    assert code == 0 and f"{url}/send_message" in out


def test_a_data_folder_that_is_a_file_is_named_in_plain_words(
    tmp_path: Path, sandbox: Sandbox, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("VIBER_DESKTOP_DATA_DIR", str(blocker))
    code, out, err = run(capsys, "history")
    assert code == 2 and out == "", err
    assert str(blocker) in err and "not a folder" in err and "VIBER_DESKTOP_DATA_DIR" in err
    assert "unexpected" not in err and "FileExistsError" not in err
    monkeypatch.setenv("VIBER_AUTH_TOKEN", sandbox.token)
    code, _, err = run(capsys, "send", "--api-url", sandbox.base_url, write(tmp_path, GOOD))
    assert code == 2 and str(blocker) in err and "nothing was sent" in err
    assert sandbox.requests == []


def test_a_data_folder_below_a_file_is_named_in_plain_words(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("VIBER_DESKTOP_DATA_DIR", str(blocker / "data"))
    code, _, err = run(capsys, "history")
    assert code == 2 and str(blocker / "data") in err and "NotADirectoryError" not in err


def test_send_after_the_active_profile_was_set_aside_uses_the_sandbox(
    tmp_path: Path, app_dirs: dict[str, Path], capsys: Capsys
) -> None:
    app_dirs["config"].mkdir()
    bad = {"name": "Prod", "api_url": "http://198.51.100.7/pa"}
    (app_dirs["config"] / "settings.json").write_text(
        json.dumps({"profiles": [bad], "active_profile": "Prod"}), encoding="utf-8"
    )
    payload = write(tmp_path, GOOD)
    code, out, err = run(capsys, "send", "--dry-run", payload)
    assert code == 0 and "warning:" in err and "Sandbox profile is active now" in err
    for _ in range(2):  # later sends: no warning, never "None"
        code, out, err = run(capsys, "send", payload)
        assert code == 0 and "None" not in out + err and "'Sandbox'" in out, err


def test_an_unknown_profile_is_named(tmp_path: Path, capsys: Capsys) -> None:
    code, _, err = run(capsys, "send", "--profile", "Nope", write(tmp_path, GOOD))
    assert code == 2 and "no profile named 'Nope'" in err


def test_history_escapes_c1_and_bidi_controls(capsys: Capsys) -> None:
    receiver = "evil\u202egnp.exe\x9b2J\u2066x\u2069\u2028y"
    payload = {"receiver": receiver, "type": "text", "text": "hi"}
    HistoryStore().record_pending(
        profile="Sandbox",
        api_url="http://127.0.0.1:1/pa",
        endpoint="send_message",
        body=json.dumps(payload).encode(),
        payload=payload,
    )
    code, out, err = run(capsys, "history")
    assert code == 0, err
    for char in "\u202e\x9b\u2066\u2069\u2028":
        assert char not in out
    assert "\\u202e" in out and "\\x9b" in out and "\\u2028" in out

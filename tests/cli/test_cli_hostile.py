"""The command line under hostile input and failure: exit codes, JSON always, quiet pipes."""

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import GOOD, run, write
from viber_desktop.cli import send_cmd
from viber_desktop.core.body_token import BODY_TOKEN_NOTICE
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.main import main as entry_main
from viber_desktop.sandbox.server import Sandbox
from viber_desktop.services.history import HistoryStore
from viber_desktop.services.sending import send_checked

Capsys = pytest.CaptureFixture[str]


def cli(
    *args: str, env: dict[str, str] | None = None, **kw: Any
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m viber_desktop`` for real (pipes, locale, exit code)."""
    return subprocess.run(
        [sys.executable, "-m", "viber_desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="strict",
        check=False,
        timeout=120,
        env=env,
        **kw,
    )


def boom(*_: Any, **__: Any) -> Any:
    raise ValueError("boom")


# --- 1. an unexpected error is exit 4, one plain line -----------------------------------------


def test_unexpected_error_is_exit_4_in_one_plain_line(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("viber_desktop.cli.check_cmd.check_payload", boom)
    code, out, err = run(capsys, "check", write(tmp_path, GOOD))
    assert code == 4 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "unexpected error" in err and "ValueError: boom" in err and "report it" in err


def test_debug_variable_shows_the_traceback(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("viber_desktop.cli.check_cmd.check_payload", boom)
    monkeypatch.setenv("VIBER_DESKTOP_DEBUG", "1")
    code, _, err = run(capsys, "check", write(tmp_path, GOOD))
    assert code == 4 and "Traceback" in err and "ValueError: boom" in err


def test_send_failing_before_the_request_says_nothing_was_sent(
    tmp_path: Path, sandbox: Sandbox, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", sandbox.token)
    monkeypatch.setattr(send_cmd, "HistoryStore", boom)
    args = ("send", "--api-url", sandbox.base_url, write(tmp_path, GOOD))
    code, _, err = run(capsys, *args)
    assert code == 4 and "Nothing was sent" in err and err.count("\n") == 1
    code, out, _ = run(capsys, *args[:1], "--json", *args[1:])
    assert code == 4 and json.loads(out)["outcome"] == "not_sent"
    assert sandbox.requests == []


def test_send_failing_after_the_request_left_never_says_not_sent(
    tmp_path: Path, sandbox: Sandbox, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug of ours after the request left: the outcome is unknown, never "nothing sent"."""
    monkeypatch.setenv("VIBER_AUTH_TOKEN", sandbox.token)

    def sent_then_boom(*args: Any, **kw: Any) -> Any:
        send_checked(*args, **kw)
        raise ValueError("boom")

    monkeypatch.setattr(send_cmd, "send_checked", sent_then_boom)
    path = write(tmp_path, GOOD)
    code, out, err = run(capsys, "send", "--api-url", sandbox.base_url, path)
    assert code == 4 and len(sandbox.requests) == 1
    assert "MAY HAVE BEEN DELIVERED" in err and "othing was sent" not in err
    assert sandbox.token not in err + out
    code, out, err = run(capsys, "send", "--json", "--api-url", sandbox.base_url, path)
    data = json.loads(out)
    assert code == 4 and data["outcome"] == "unknown" and data["profile"] == "Sandbox"
    assert data["endpoint"] == f"{sandbox.base_url}/send_message"


def test_send_failing_while_printing_the_answer_names_the_true_outcome(
    tmp_path: Path, sandbox: Sandbox, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", sandbox.token)
    monkeypatch.setattr(send_cmd, "format_result", boom)
    code, _, err = run(capsys, "send", "--api-url", sandbox.base_url, write(tmp_path, GOOD))
    assert code == 4 and "was sent and the answer came back (accepted)" in err


def test_a_module_that_fails_to_load_is_exit_4(tmp_path: Path) -> None:
    """Even an import error inside the CLI ends in one plain line, not a traceback."""
    boot = tmp_path / "sitecustomize.py"
    boot.write_text(
        "import sys, importlib.abc\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'viber_desktop.cli.history_cmd':\n"
        "            raise ImportError('history_cmd is broken')\n"
        "sys.meta_path.insert(0, Block())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = cli("send", "--json", write(tmp_path, GOOD), env=env)
    assert done.returncode == 4 and "Traceback" not in done.stderr
    assert "history_cmd is broken" in done.stderr
    assert json.loads(done.stdout)["outcome"] == "not_sent"


# --- 2. --timeout is checked at parsing, before anything is recorded ---------------------------


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-1", "1e9", "abc", "1e999"])
def test_send_timeout_refused_before_anything_is_recorded(
    tmp_path: Path, sandbox: Sandbox, capsys: Capsys, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", sandbox.token)
    path = write(tmp_path, GOOD)
    code, out, err = run(capsys, "send", f"--timeout={value}", "--api-url", sandbox.base_url, path)
    assert code == 2 and out == "" and "--timeout" in err and "seconds" in err
    assert "Traceback" not in err
    assert sandbox.requests == [] and HistoryStore().count() == 0


def test_send_timeout_in_range_is_used(
    tmp_path: Path, sandbox: Sandbox, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", sandbox.token)
    path = write(tmp_path, {**GOOD, "receiver": "fault-delay-3"})
    code, out, _ = run(capsys, "send", "--timeout", "0.5", "--api-url", sandbox.base_url, path)
    assert code == 3 and "outcome: unknown" in out


# --- 3. --json always prints one JSON object --------------------------------------------------


@pytest.mark.parametrize("content", [b"{", b"", b"\xff", b"[" * 200 + b"]" * 200, b"NaN x"])
def test_check_json_unreadable_input_is_still_json(
    tmp_path: Path, capsys: Capsys, content: bytes
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    code, out, err = run(capsys, "check", "--json", str(path))
    data = json.loads(out)
    assert code == 2 and data["ok"] is False and data["findings"] == []
    assert data["error"] and data["error"] in err and "Traceback" not in err


@pytest.mark.parametrize("where", ["missing.json", "."])
def test_check_json_missing_file_or_folder_is_still_json(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "--json", where)
    assert code == 2 and "cannot read" in json.loads(out)["error"]


def test_send_json_refusals_are_json(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, GOOD)
    code, out, _ = run(capsys, "send", "--json", write(tmp_path, {**GOOD, "text": ""}, "e.json"))
    data = json.loads(out)
    assert code == 2 and data["outcome"] == "not_sent" and "nothing was sent" in data["error"]
    assert [f["path"] for f in data["findings"]] == ["/text"]
    run(capsys, "profile", "add", "Prod")
    code, out, _ = run(capsys, "send", "--json", "--profile", "Prod", path)
    assert code == 2 and "no token" in json.loads(out)["error"]
    monkeypatch.setenv("VIBER_AUTH_TOKEN", "tok-0123456789")
    code, out, _ = run(capsys, "send", "--json", "--api-url", "http://example.com/pa", path)
    assert code == 2 and "not safe" in json.loads(out)["error"]
    code, out, _ = run(capsys, "send", "--json", "--profile", "Nobody", path)
    assert code == 2 and "Nobody" in json.loads(out)["error"]
    code, out, _ = run(capsys, "send", "--json", str(tmp_path / "missing.json"))
    assert code == 2 and json.loads(out)["outcome"] == "not_sent"


def test_send_json_history_error_is_json(
    tmp_path: Path, capsys: Capsys, app_dirs: dict[str, Path]
) -> None:
    app_dirs["data"].mkdir(parents=True)
    (app_dirs["data"] / "history.sqlite3").write_bytes(b"not a database" * 100)
    code, out, err = run(capsys, "send", "--json", write(tmp_path, GOOD))
    data = json.loads(out)
    assert code == 2 and data["outcome"] == "not_sent" and "nothing was sent" in err


def test_send_dry_run_json_is_json(tmp_path: Path, capsys: Capsys) -> None:
    code, out, _ = run(capsys, "send", "--dry-run", "--json", write(tmp_path, GOOD))
    data = json.loads(out)
    assert code == 0 and data["body"] == GOOD and data["profile"] == "Sandbox"
    assert data["endpoint"].endswith("/send_message") and "$VIBER_AUTH_TOKEN" in data["curl"]


# --- 4. a closed pipe ends quietly ------------------------------------------------------------


def big_output_payload(tmp_path: Path) -> str:
    """A payload whose findings print well over a pipe's 64 KB buffer."""
    return write(tmp_path, {**GOOD, **{f"{i}{'k' * 20_000}": 1 for i in range(50)}}, "big.json")


@pytest.mark.parametrize("as_json", [False, True])
def test_closed_pipe_ends_quietly(tmp_path: Path, as_json: bool) -> None:
    path = big_output_payload(tmp_path)
    err_file = tmp_path / "err.txt"
    with err_file.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "viber_desktop", "check", *(["--json"] * as_json), path],
            stdout=subprocess.PIPE,
            stderr=err,
        )
        assert proc.stdout is not None
        head = proc.stdout.read(10)
        proc.stdout.close()
        code = proc.wait(timeout=60)
    assert len(head) == 10
    assert err_file.read_text() == "" and code == 141  # 128 + SIGPIPE, as documented


def test_history_into_head_ends_quietly(tmp_path: Path) -> None:
    store = HistoryStore()
    for i in range(40):
        receiver = f"user-{i}-" + "r" * 5000
        store.record_pending(
            profile="Sandbox",
            api_url="http://127.0.0.1:1/pa",
            endpoint="send_message",
            body=json.dumps({**GOOD, "receiver": receiver}).encode(),
            payload={**GOOD, "receiver": receiver},
        )
    store.close()
    done = subprocess.run(
        f"'{sys.executable}' -m viber_desktop history --limit 40 | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.stderr == "" and done.stdout.startswith("    ID  TIME")


# --- 5. an unknown command is an error, not a window ------------------------------------------


def test_unknown_command_names_the_commands_without_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from viber_desktop.main import main; rc = main(['chek', 'p.json']); "
        "assert 'PySide6' not in sys.modules, 'Qt was imported'; sys.exit(rc)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 2 and done.stdout == ""
    assert "unknown command 'chek'; did you mean 'check'?" in done.stderr
    assert "Commands: check, send, sandbox, token, profile, history" in done.stderr


def test_unknown_command_in_process(capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    def window(*_: Any) -> int:
        raise AssertionError("the window was opened")  # it would block this test forever

    monkeypatch.setattr("viber_desktop.ui.app.run", window)
    assert entry_main(["--dark", "histroy"]) == 2
    assert "did you mean 'history'" in capsys.readouterr().err
    assert entry_main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "unknown command 'frobnicate';" in err and "did you mean" not in err


@pytest.mark.parametrize(
    ("args", "word"),
    [
        ([], None),
        (["--smoke-test"], None),
        (["--dark", "--rtl"], None),
        (["-platform", "offscreen", "--smoke-test"], None),
        (["-style=fusion", "-reverse"], None),
        (["--style", "fusion"], None),
        (["chek", "p.json"], "chek"),
        (["--dark", "p.json"], "p.json"),
        (["-platform", "offscreen", "sned"], "sned"),
    ],
)
def test_window_arguments_are_options_only(args: list[str], word: str | None) -> None:
    from viber_desktop.main import stray_word

    assert stray_word(args) == word


def test_window_options_still_open_the_window() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = cli("-platform", "offscreen", "--smoke-test", env=env)
    assert done.returncode == 0 and "startup_ms=" in done.stdout


# --- 6. send says which profile and endpoint, and drops a body token ---------------------------


def test_send_names_profile_and_endpoint_first(tmp_path: Path, capsys: Capsys) -> None:
    endpoint = r"http://127\.0\.0\.1:[0-9]+/pa/send_message"  # the command's own sandbox
    code, out, _ = run(capsys, "send", write(tmp_path, GOOD))
    assert code == 0
    assert re.fullmatch(f"Sending with profile 'Sandbox' to {endpoint} ...", out.splitlines()[0])
    code, out, _ = run(capsys, "send", "--json", write(tmp_path, GOOD))
    data = json.loads(out)
    assert data["profile"] == "Sandbox" and re.fullmatch(endpoint, data["endpoint"])
    port = int(data["endpoint"].split(":")[2].split("/")[0])
    with socket.socket() as s:  # the command stopped its sandbox before it returned
        assert s.connect_ex(("127.0.0.1", port)) != 0


def test_send_drops_a_body_token_and_says_so_once(
    tmp_path: Path, sandbox: Sandbox, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", sandbox.token)
    payload = {"auth_token": "body-token-0123456789abcdef", **GOOD}
    code, out, err = run(capsys, "send", "--api-url", sandbox.base_url, write(tmp_path, payload))
    assert code == 0 and err.count(BODY_TOKEN_NOTICE) == 1
    [request] = sandbox.requests
    assert json.loads(request.body) == GOOD
    code, out, err = run(capsys, "send", "--dry-run", write(tmp_path, payload))
    assert code == 0 and "body-token" not in out and err.count(BODY_TOKEN_NOTICE) == 1


def test_send_prints_a_history_error(
    tmp_path: Path, sandbox: Sandbox, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer came back but the history row could not be updated (a full disk, say)."""
    from viber_desktop.services.history import HistoryError

    def disk_full(*_: Any, **__: Any) -> None:
        raise HistoryError("cannot write the history: the disk is full", "the disk is full")

    monkeypatch.setenv("VIBER_AUTH_TOKEN", sandbox.token)
    monkeypatch.setattr(HistoryStore, "record_result", disk_full)
    path = write(tmp_path, GOOD)
    code, out, _ = run(capsys, "send", "--api-url", sandbox.base_url, path)
    assert code == 0 and "outcome: ok" in out
    assert "history: The answer was received but the history could not be updated" in out
    code, out, _ = run(capsys, "send", "--json", "--api-url", sandbox.base_url, path)
    data = json.loads(out)
    assert data["outcome"] == "ok" and "the disk is full" in data["history_error"]


# --- 7. history: a header row, and why a send ended unknown or not sent -------------------------


def test_history_has_a_header_and_shows_why(
    tmp_path: Path, sandbox: Sandbox, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIBER_AUTH_TOKEN", sandbox.token)
    for receiver in ("fault-http500", "status-6"):
        run(
            capsys,
            "send",
            "--api-url",
            sandbox.base_url,
            write(tmp_path, {**GOOD, "receiver": receiver}),
        )
    run(capsys, "send", "--api-url", "http://127.0.0.1:9/pa", write(tmp_path, GOOD))
    code, out, _ = run(capsys, "history")
    header, not_sent, api_error, unknown = out.splitlines()
    assert code == 0 and header.split() == [
        "ID",
        "TIME",
        "PROFILE",
        "RECEIVER",
        "TYPE",
        "OUTCOME",
        "STATUS",
        "/",
        "REASON",
    ]
    assert "not sent" in not_sent and ("refused" in not_sent or "connect" in not_sent)
    assert "6 receiverNotSubscribed" in api_error
    assert "outcome unknown" in unknown and "HTTP 500" in unknown


def test_history_row_escapes_hostile_text(capsys: Capsys) -> None:
    store = HistoryStore()
    payload = {**GOOD, "receiver": "a\nb\ud800"}
    entry = store.record_pending(
        profile="Sandbox",
        api_url="http://127.0.0.1:1/pa",
        endpoint="send_message",
        body=b"{}",
        payload=payload,
    )
    store.record_result(entry, ApiResult(outcome="unknown", error="cut\roff \ud800"))
    store.close()
    code, out, _ = run(capsys, "history")
    assert code == 0 and len(out.splitlines()) == 2
    assert "a\\x0ab\\ud800" in out and "cut\\x0doff \\ud800" in out


# --- 8. check never raises: lone surrogates, huge numbers, floods of unknown keys --------------

SURROGATES = (
    '{"receiver": "\\ud800", "type": "text", "text": "hi \\ud83d\\ude00", '
    '"sender": {"name": "S"}, "\\udc00key": 1}'
)


def test_lone_surrogates_print_escaped_in_process(tmp_path: Path, capsys: Capsys) -> None:
    path = write(tmp_path, SURROGATES)
    code, out, _ = run(capsys, "check", path)
    assert code == 1 and "/\\udc00key" in out
    code, out, _ = run(capsys, "check", "--json", path)
    paths = {f["path"] for f in json.loads(out)["findings"]}
    assert code == 1 and "/\udc00key" in paths and "/receiver" in paths


@pytest.mark.parametrize(
    "locale",
    [{"LC_ALL": "C.UTF-8"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}],
)
def test_lone_surrogates_print_through_a_real_stdout(
    tmp_path: Path, locale: dict[str, str]
) -> None:
    path = write(tmp_path, SURROGATES.replace('"S"', '"Śklep 😀"'))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "LANG")}
    env.update(locale)
    done = cli("check", path, env=env)
    assert done.returncode == 1 and done.stderr == ""
    assert "/\\udc00key" in done.stdout and "NOT SENDABLE" in done.stdout
    done = cli("check", "--json", path, env=env)
    assert done.returncode == 1 and done.stderr == ""
    assert "/\udc00key" in {f["path"] for f in json.loads(done.stdout)["findings"]}


def test_oversized_integer_is_a_finding(tmp_path: Path, capsys: Capsys) -> None:
    body = (
        '{"receiver": "sandbox-user-1", "type": "sticker", "sender": {"name": "S"}, '
        f'"sticker_id": {"7" * 5000}}}'
    )
    code, out, err = run(capsys, "check", write(tmp_path, body))
    assert code == 1 and err == ""
    assert "/sticker_id: sticker_id is a number with 5,000 digits; Viber cannot read it" in out


def test_a_flood_of_unknown_keys_is_summarised(tmp_path: Path, capsys: Capsys) -> None:
    keys = {f"x{i}": i for i in range(20_000)}
    code, out, _ = run(capsys, "check", "--json", write(tmp_path, {**GOOD, **keys}))
    findings = json.loads(out)["findings"]
    unknown = [f for f in findings if f["code"] == "unknown_field"]
    assert code == 1 and len(unknown) == 51
    assert unknown[-1]["message"].startswith("And 19,950 more unknown fields")


def test_a_file_too_large_to_be_a_message_is_refused(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from viber_desktop.cli import payload_input

    monkeypatch.setattr(payload_input, "READ_MAX", 1000)
    code, out, err = run(capsys, "check", "--json", write(tmp_path, {"x": "y" * 2000}))
    assert code == 2 and "larger than" in json.loads(out)["error"] and "30 KB" in err


def test_readme_documents_every_exit_code() -> None:
    import viber_desktop.cli as cli_module

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    codes = {v for k, v in vars(cli_module).items() if k.startswith("EXIT_")}
    assert codes == {0, 1, 2, 3, 4, 130, 141}
    for code in codes:
        assert f"\n| {code} | " in readme


def test_ctrl_c_while_waiting_says_the_outcome_is_unknown(tmp_path: Path) -> None:
    import signal

    path = write(tmp_path, {**GOOD, "receiver": "fault-delay-30"})
    proc = subprocess.Popen(
        [sys.executable, "-m", "viber_desktop", "send", path],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("Sending with profile 'Sandbox' to ")
    time.sleep(0.5)  # the request is out: the sandbox holds the answer for 30 s
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 130 and "Traceback" not in err
    assert "stopped waiting" in err and "MAY HAVE BEEN DELIVERED" in err

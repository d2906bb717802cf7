"""``viber-desktop receivers ...`` and ``send --list`` against real loopback sandboxes, with
real SQLite files in the test's data folder."""

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from viber_desktop.cli import main
from viber_desktop.core import receivers as rules
from viber_desktop.core.history import HistoryFilter
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.text import body_bytes
from viber_desktop.sandbox import users
from viber_desktop.sandbox.server import Sandbox
from viber_desktop.services import list_send
from viber_desktop.services.history import HistoryStore

Capsys = pytest.CaptureFixture[str]
README = Path(__file__).resolve().parents[2] / "README.md"
MESSAGE = {"type": "text", "text": "Hi 😀", "sender": {"name": "Shop"}}
NEEDS_4 = {
    **MESSAGE,
    "min_api_version": 4,
    "keyboard": {
        "Type": "keyboard",
        "ButtonsGroupColumns": 6,
        "Buttons": [{"ActionType": "reply", "ActionBody": "a", "Text": "A"}],
    },
}


def run(capsys: Capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, data: Any, name: str = "msg.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def make_list(capsys: Capsys, name: str, *members: str) -> None:
    for rid in members:
        code, _, err = run(capsys, "receivers", "add", rid, "--list", name)
        assert code == 0, err


def lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def send_requests(sandbox: Sandbox) -> list[str]:
    """The receiver of each send_message the sandbox got."""
    return [
        json.loads(r.body)["receiver"] for r in sandbox.requests if r.path == "/pa/send_message"
    ]


@pytest.fixture
def live(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    """Send to this sandbox (a server the test can stop) with its token from the environment."""
    monkeypatch.setenv("VIBER_AUTH_TOKEN", sandbox.token)
    return sandbox


# --- the book -------------------------------------------------------------------------------


def test_add_list_change_and_remove(capsys: Capsys) -> None:
    code, out, _ = run(
        capsys, "receivers", "add", "01234567890A=", "--label", "Anna, iPhone test",
        "--tag", "QA", "--tag", "iOS", "--list", "QA phones",
    )  # fmt: skip
    assert code == 0 and "Anna, iPhone test (01234567890A=)" in out and "QA phones" in out
    run(capsys, "receivers", "add", "B=", "--label", "Boris", "--list", "QA phones")
    code, out, _ = run(capsys, "receivers", "list")
    assert code == 0
    assert re.search(r"Anna, iPhone test\s+01234567890A=.*QA; iOS\s+QA phones", out)
    code, out, _ = run(capsys, "receivers", "list", "--json", "--tag", "ios")
    [anna] = json.loads(out)
    assert anna["label"] == "Anna, iPhone test" and anna["lists"] == ["QA phones"]
    assert anna["api_version"] is None and anna["looked_up"] is None
    code, out, _ = run(capsys, "receivers", "list", "--lists")
    assert out.strip() == "QA phones (2): Anna, iPhone test; Boris"
    code, out, _ = run(capsys, "receivers", "remove", "Boris", "--list", "QA phones")
    assert code == 0 and "took Boris (B=) off the list" in out
    code, out, _ = run(capsys, "receivers", "remove", "anna, iphone test")  # label, any case
    assert code == 0 and "removed Anna, iPhone test" in out
    code, out, _ = run(capsys, "receivers", "list", "--list", "QA phones", "--json")
    assert json.loads(out) == []
    code, _, _ = run(capsys, "receivers", "remove", "--list", "QA phones")
    assert code == 0
    code, _, err = run(capsys, "receivers", "remove", "--list", "QA phones")
    assert code == 2 and "no list named 'QA phones'" in err


def test_refusals_are_one_plain_line(capsys: Capsys) -> None:
    for args, words in (
        (("add", "with space"), "spaces or invisible characters"),
        (("add", "x", "--label", "x" * 200), "keep it to 80"),
        (("add", "x", "--profile", "Nobody"), "no profile named 'Nobody'"),
        (("remove", "ghost"), "not in the book"),
        (("remove",), "name a receiver"),
        (("list", "--list", "ghost"), "no list named 'ghost'"),
    ):
        code, out, err = run(capsys, "receivers", *args)
        assert code == 2 and out == "", args
        assert len(err.strip().splitlines()) == 1 and words in err, (args, err)
        assert "Traceback" not in err


def test_a_damaged_book_is_a_plain_refusal(
    tmp_path: Path, capsys: Capsys, app_dirs: dict[str, Path]
) -> None:
    app_dirs["data"].mkdir(parents=True, exist_ok=True)
    (app_dirs["data"] / "receivers.sqlite3").write_bytes(b"garbage" * 1000)
    code, _, err = run(capsys, "receivers", "list")
    assert code == 2 and "damaged" in err and "Move or rename" in err
    code, out, err = run(capsys, "send", "--json", "--list", "QA", write(tmp_path, MESSAGE))
    assert code == 2 and json.loads(out)["outcome"] == "not_sent"
    assert "Nothing was sent" in err


def test_csv_export_and_import(tmp_path: Path, capsys: Capsys) -> None:
    run(capsys, "receivers", "add", "u1", "--label", "=1+1", "--list", "QA")
    csv_path = tmp_path / "book.csv"
    code, out, _ = run(capsys, "receivers", "export", str(csv_path))
    assert code == 0 and "exported 1 receivers" in out
    assert "'=1+1" in csv_path.read_text(encoding="utf-8-sig")
    code, out, _ = run(capsys, "receivers", "import", str(csv_path), "--profile", "Sandbox")
    assert code == 0 and "0 added, 1 updated, 0 skipped" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("receiver_id,label\nnew,New\nwith space,X\n", encoding="utf-8")
    code, out, err = run(capsys, "receivers", "import", str(bad))
    assert code == 1 and "1 added, 0 updated, 1 skipped" in out and "line 3" in err
    huge = tmp_path / "huge.csv"
    huge.write_bytes(b"receiver_id\n" + b"a" * (rules.CSV_BYTES_MAX + 1))
    code, _, err = run(capsys, "receivers", "import", str(huge))
    assert code == 2 and "larger than 4 MB" in err


# --- lookups and online states --------------------------------------------------------------


def test_lookup_twice_then_refused_with_when(capsys: Capsys) -> None:
    run(capsys, "receivers", "add", users.OLD_USER, "--label", "Olga")
    code, out, _ = run(capsys, "receivers", "lookup", "Olga")
    assert code == 0 and "API level: 2" in out and "Device system: Android 5.1" in out
    assert "1 of 2 lookups left" in out
    code, out, _ = run(capsys, "receivers", "lookup", "Olga")  # the kept answer, no call
    assert code == 0 and "Kept answer, from just now (1 of 2 lookups left" in out
    code, out, _ = run(capsys, "receivers", "lookup", "Olga", "--refresh", "--json")
    data = json.loads(out)
    assert code == 0 and data["fresh"] and data["lookups_left"] == 0
    assert data["details"]["api_version"] == 2 and data["label"] == "Olga"
    code, out, err = run(capsys, "receivers", "lookup", "Olga", "--refresh")
    assert code == 2 and "Viber allows 2 lookups" in err and "Nothing was asked" in err
    assert "API level: 2" in out and "Kept answer, from just now." in out
    code, out, _ = run(capsys, "receivers", "list")
    assert re.search(r"Olga\s+sandbox-user-old\s+2\s+just now", out)


def test_lookup_of_a_stranger_and_a_refusal(capsys: Capsys) -> None:
    code, out, err = run(capsys, "receivers", "lookup", "stranger-id")
    assert code == 1 and out == "" and "status 6 receiverNotSubscribed" in err
    code, out, _ = run(capsys, "receivers", "lookup", "stranger-id", "--json")
    data = json.loads(out)
    assert code == 1 and data["details"] is None and data["status"] == 6


def test_online_for_a_list_and_for_ids(capsys: Capsys) -> None:
    make_list(capsys, "QA", "sandbox-user-1", users.OLD_USER, "nobody")
    code, out, _ = run(capsys, "receivers", "online", "--list", "QA")
    assert code == 0
    assert "sandbox-user-1: online" in out
    assert re.search(r"sandbox-user-old: offline, last online .* \(30 h ago\)", out)
    assert "nobody: not reachable" in out
    code, out, _ = run(capsys, "receivers", "online", "sandbox-user-3", "--json")
    [entry] = json.loads(out)
    assert entry["online_status_name"] == "undisclosed" and entry["label"] == ""
    ids = [f"u{i}" for i in range(rules.ONLINE_IDS_MAX + 1)]
    code, _, err = run(capsys, "receivers", "online", *ids)
    assert code == 2 and "at most 100" in err


# --- send --list ----------------------------------------------------------------------------


def test_list_send_skips_the_old_phone_and_records_every_send(
    tmp_path: Path, capsys: Capsys, live: Sandbox
) -> None:
    make_list(capsys, "QA", "sandbox-user-1", users.OLD_USER, "sandbox-user-2")
    run(capsys, "receivers", "lookup", users.OLD_USER)
    path = write(tmp_path, NEEDS_4)
    code, out, _ = run(capsys, "send", path, "--list", "QA", "--api-url", live.base_url)
    assert code == 1
    assert "Sending to list 'QA' (3 receivers) with profile 'Sandbox'" in out
    assert "[2/3] sandbox-user-old: Skipped: sandbox-user-old's Viber supports API level 2; " in out
    assert "needs 4 (keyboard ButtonsGroupColumns)" in out and "status 13" in out
    assert send_requests(live) == ["sandbox-user-1", "sandbox-user-2"]
    code, out, _ = run(
        capsys, "send", path, "--list", "QA", "--api-url", live.base_url, "--json",
        "--allow-older",
    )  # fmt: skip
    results = lines(out)
    assert code == 1 and [r["outcome"] for r in results] == ["ok", "api_error", "ok"]
    assert results[1]["status"] == 13 and results[1]["status_name"] == "apiVersionNotSupported"
    assert {r["list"] for r in results} == {"QA"} and results[0]["of"] == 3
    assert results[0]["endpoint"] == f"{live.base_url}/send_message"
    assert results[0]["message_token"] > 2**53 and results[0]["history_id"]
    history = HistoryStore()
    assert history.count() == 5
    assert history.get(results[1]["history_id"]).status == 13  # type: ignore[union-attr]


def test_a_list_over_fifty_is_refused_plainly(
    tmp_path: Path, capsys: Capsys, live: Sandbox
) -> None:
    make_list(capsys, "Big", *[f"sandbox-user-{i}" for i in range(rules.LIST_SEND_MAX + 1)])
    code, out, err = run(
        capsys, "send", write(tmp_path, MESSAGE), "--list", "Big", "--api-url", live.base_url
    )
    assert code == 2 and out == ""
    assert "has 51 receivers" in err and "at most 50" in err
    assert "testers' phones, not for campaigns" in err and "Nothing was sent" in err
    assert send_requests(live) == [] and HistoryStore().count() == 0


def test_a_payload_with_errors_sends_nothing(tmp_path: Path, capsys: Capsys, live: Sandbox) -> None:
    make_list(capsys, "QA", "sandbox-user-1")
    bad = write(tmp_path, {**MESSAGE, "text": ""})
    code, out, _ = run(capsys, "send", bad, "--list", "QA", "--json")
    assert code == 2 and [f["path"] for f in json.loads(out)["findings"]] == ["/text"]
    code, _, err = run(capsys, "send", bad, "--list", "QA", "--dry-run")
    assert code == 2 and "--dry-run cannot be combined with --list" in err
    code, _, err = run(capsys, "send", write(tmp_path, MESSAGE), "--list", "Missing")
    assert code == 2 and "no list named 'Missing'" in err


class StopsAfter:
    """Wraps the list's send: after ``n`` sends, breaks the server as ``how`` says."""

    def __init__(self, sandbox: Sandbox, n: int, how: str) -> None:
        self.sandbox, self.n, self.how, self.calls = sandbox, n, how, 0
        self.real = list_send.send_checked

    def __call__(self, *args: Any, **kwargs: Any) -> tuple[int | None, ApiResult]:
        answer = self.real(*args, **kwargs)
        self.calls += 1
        if self.calls == self.n:
            if self.how == "dies":
                self.sandbox.stop()  # nothing listens any more
            else:
                self.sandbox.state.fault = "fault-drop"  # reads the next request, hangs up
        return answer


@pytest.mark.parametrize(("how", "third"), [("dies", "not_sent"), ("drops", "unknown")])
def test_a_fault_in_the_middle_stops_the_list_and_nothing_is_resent(
    tmp_path: Path,
    capsys: Capsys,
    live: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
    third: str,
) -> None:
    members = [f"sandbox-user-{i}" for i in range(1, 6)]
    make_list(capsys, "QA", *members)
    real = list_send.send_checked
    monkeypatch.setattr(list_send, "send_checked", StopsAfter(live, 2, how))
    path = write(tmp_path, MESSAGE)
    code, out, _ = run(capsys, "send", path, "--list", "QA", "--api-url", live.base_url, "--json")
    results = lines(out)
    assert code == 3
    assert [r["outcome"] for r in results] == ["ok", "ok", third, "not_tried", "not_tried"]
    assert [r["receiver"] for r in results] == members
    assert results[3]["reason"].startswith("Not tried: the list stopped after sandbox-user-3")
    assert results[3]["history_id"] is None and results[3]["message_token"] is None
    if third == "unknown":
        assert "MAY HAVE BEEN DELIVERED" in results[2]["explanation"]
    # The server saw each request once: nothing was resent.
    reached = send_requests(live)
    assert reached == members[: 3 if how == "drops" else 2]
    history = HistoryStore()
    rows = {e.receiver: e.outcome for e in history.query()}
    assert rows == {members[0]: "ok", members[1]: "ok", members[2]: third}
    assert history.count() == 3

    if how == "drops":  # the same list again: the unknown one is skipped, never resent
        live.state.fault = None
        monkeypatch.setattr(list_send, "send_checked", real)
        code, out, _ = run(
            capsys, "send", path, "--list", "QA", "--api-url", live.base_url, "--json"
        )
        again = lines(out)
        assert [r["outcome"] for r in again] == ["ok", "ok", "skipped", "ok", "ok"]
        assert "unknown outcome" in again[2]["reason"] and "history #3" in again[2]["reason"]
        assert send_requests(live).count(members[2]) == 1


def test_receiver_refusals_go_on_and_bot_refusals_stop(
    tmp_path: Path, capsys: Capsys, live: Sandbox
) -> None:
    make_list(capsys, "QA", "stranger", "sandbox-user-1", "status-2", "sandbox-user-2")
    code, out, _ = run(
        capsys, "send", write(tmp_path, MESSAGE), "--list", "QA", "--api-url", live.base_url
    )
    assert code == 3
    assert "[1/4] stranger: refused, status 6 receiverNotSubscribed" in out
    assert "[2/4] sandbox-user-1: accepted" in out
    assert "[3/4] status-2: refused, status 2 invalidAuthToken" in out
    assert "[4/4] sandbox-user-2: Not tried: the list stopped after status-2 (status 2" in out
    assert send_requests(live) == ["stranger", "sandbox-user-1", "status-2"]


def test_receivers_at_their_hourly_limit_are_skipped(
    tmp_path: Path, capsys: Capsys, live: Sandbox
) -> None:
    make_list(capsys, "QA", "sandbox-user-1", "sandbox-user-2", "sandbox-user-3")
    history = HistoryStore()
    for receiver, answer, n in (
        ("sandbox-user-1", ApiResult(outcome="ok", status=0), 100),
        ("sandbox-user-2", ApiResult(outcome="api_error", status=12), 1),
    ):
        for _ in range(n):
            msg = {**MESSAGE, "receiver": receiver}
            i = history.record_pending(
                profile="Sandbox",
                api_url="u",
                endpoint="send_message",
                body=body_bytes(msg),
                payload=msg,
            )
            history.record_result(i, answer)
    code, out, _ = run(
        capsys, "send", write(tmp_path, {**MESSAGE, "text": "new"}), "--list", "QA",
        "--api-url", live.base_url,
    )  # fmt: skip
    assert code == 1
    assert "[1/3] sandbox-user-1: Skipped: 100 messages went to sandbox-user-1 in the last" in out
    assert "[2/3] sandbox-user-2: Skipped: Viber answered 'too many requests'" in out
    assert "[3/3] sandbox-user-3: accepted" in out
    assert send_requests(live) == ["sandbox-user-3"]


# --- Ctrl+C ---------------------------------------------------------------------------------


@pytest.fixture
def cli_env(live: Sandbox) -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1"}


def _spawn(tmp_path: Path, env: dict[str, str], base_url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable, "-m", "viber_desktop", "send", write(tmp_path, MESSAGE),
            "--list", "QA", "--api-url", base_url, "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )  # fmt: skip


def _wait_for_request(sandbox: Sandbox) -> None:
    deadline = time.monotonic() + 60
    while not send_requests(sandbox):
        assert time.monotonic() < deadline, "the list send never started"
        time.sleep(0.05)


@pytest.fixture
def proc_cleanup() -> Iterator[list[subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for p in procs:
        if p.poll() is None:
            p.kill()
            p.wait()


@pytest.mark.slow
def test_ctrl_c_stops_after_the_current_receiver(
    tmp_path: Path,
    capsys: Capsys,
    live: Sandbox,
    cli_env: dict[str, str],
    proc_cleanup: list[subprocess.Popen[str]],
) -> None:
    make_list(capsys, "QA", "fault-delay-2", "sandbox-user-1", "sandbox-user-2")
    proc = _spawn(tmp_path, cli_env, live.base_url)
    proc_cleanup.append(proc)
    _wait_for_request(live)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert [r["outcome"] for r in lines(out)] == ["ok", "not_tried", "not_tried"]
    assert "Stopping after the current receiver" in err and "Traceback" not in err
    assert send_requests(live) == ["fault-delay-2"]
    assert [e.outcome for e in HistoryStore().query()] == ["ok"]


@pytest.mark.slow
def test_a_second_ctrl_c_stops_waiting_and_says_unknown(
    tmp_path: Path,
    capsys: Capsys,
    live: Sandbox,
    cli_env: dict[str, str],
    proc_cleanup: list[subprocess.Popen[str]],
) -> None:
    make_list(capsys, "QA", "fault-delay-30", "sandbox-user-1")
    proc = _spawn(tmp_path, cli_env, live.base_url)
    proc_cleanup.append(proc)
    _wait_for_request(live)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    first, second = lines(out)
    assert first["outcome"] == "unknown" and "MAY HAVE BEEN DELIVERED" in first["explanation"]
    assert second["outcome"] == "not_tried" and "Traceback" not in err
    [entry] = HistoryStore().query(HistoryFilter(receiver="fault-delay-30"))
    assert entry.outcome == "unknown" and entry.error == rules.STOPPED_WAITING


# --- the README -----------------------------------------------------------------------------


def test_readme_names_every_receivers_action_and_its_rules_come_from_core() -> None:
    text = README.read_text(encoding="utf-8")
    for action in ("list", "add", "remove", "lookup", "online", "import", "export"):
        assert f"viber-desktop receivers {action}" in text
    assert "viber-desktop send payload.json --list NAME" in text
    block = re.search(
        "<!-- BEGIN receiver-rules -->\n(.*?)\n<!-- END receiver-rules -->", text, re.DOTALL
    )
    assert block and block.group(1) == rules.readme_rules()


def test_an_interrupt_in_process_reports_every_receiver(
    tmp_path: Path, capsys: Capsys, live: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """KeyboardInterrupt inside a send (as from a second Ctrl+C): one line per receiver."""
    make_list(capsys, "QA", "sandbox-user-1", "sandbox-user-2", "sandbox-user-3")
    real = list_send.send_checked
    calls: list[int] = []

    def second_interrupted(*args: Any, **kwargs: Any) -> tuple[int | None, ApiResult]:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(list_send, "send_checked", second_interrupted)
    code, out, _ = run(
        capsys, "send", write(tmp_path, MESSAGE), "--list", "QA", "--api-url", live.base_url
    )
    assert code == 130
    assert "[1/3] sandbox-user-1: accepted" in out
    assert "[2/3] sandbox-user-2: You stopped the list before this request left" in out
    assert "[3/3] sandbox-user-3: Not tried: you stopped the list send." in out


def test_an_unexpected_error_mid_list_says_what_may_have_left(
    tmp_path: Path, capsys: Capsys, live: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_list(capsys, "QA", "sandbox-user-1", "sandbox-user-2")
    real = list_send.send_checked

    def broken_second(*args: Any, **kwargs: Any) -> tuple[int | None, ApiResult]:
        if send_requests(live):
            raise RuntimeError(f"a bug, with the token {live.token}")
        return real(*args, **kwargs)

    monkeypatch.setattr(list_send, "send_checked", broken_second)
    code, out, err = run(
        capsys, "send", write(tmp_path, MESSAGE), "--list", "QA", "--api-url", live.base_url,
        "--json",
    )  # fmt: skip
    assert code == 4
    *sent_lines, error = out.splitlines()
    assert [json.loads(line)["outcome"] for line in sent_lines] == ["ok"]
    data = json.loads(error)
    assert data["outcome"] == "unknown" and data["list"] == "QA"
    assert "sandbox-user-2 may have left, so its outcome is unknown" in err
    assert live.token not in out + err and "Traceback" not in err


def test_odd_corners_of_the_receivers_command(
    capsys: Capsys, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "receivers", "list")
    assert code == 0 and "no receivers in the book" in out
    code, out, _ = run(capsys, "receivers", "list", "--lists")
    assert code == 0 and "no test lists" in out
    code, _, err = run(capsys, "receivers", "online")
    assert code == 2 and "the book is empty" in err
    run(capsys, "receivers", "add", "a1", "--label", "Twin", "--list", "QA")
    run(capsys, "receivers", "add", "a2", "--label", "twin")
    code, _, err = run(capsys, "receivers", "lookup", "TWIN")
    assert code == 2 and "2 receivers are labelled 'TWIN' (a1, a2); use the ID" in err
    code, out, _ = run(capsys, "receivers", "list", "--lists", "--json")
    assert json.loads(out) == [
        {"name": "QA", "members": [{"id": "a1", "label": "Twin", "notes": "", "tags": [],
                                    "lists": ["QA"]}]}
    ]  # fmt: skip
    code, _, err = run(capsys, "receivers", "remove", "a2", "--list", "QA")
    assert code == 2 and "is not in the list 'QA'" in err
    # A profile of a real bot: no token, then a wrong one.
    run(capsys, "profile", "add", "Live", "--api-url", sandbox.base_url)
    code, _, err = run(capsys, "receivers", "lookup", "a1", "--profile", "Live")
    assert code == 2 and "no token for profile 'Live'" in err and "nothing was asked" in err
    monkeypatch.setenv("VIBER_AUTH_TOKEN", "wrong-token-0123456789")
    code, _, err = run(capsys, "receivers", "online", "a1", "--profile", "Live")
    assert code == 1 and "status 2 invalidAuthToken" in err
    code, out, _ = run(capsys, "receivers", "online", "a1", "--profile", "Live", "--json")
    assert code == 1 and json.loads(out)["status"] == 2


def test_the_history_shows_the_label_beside_the_id(
    tmp_path: Path, capsys: Capsys, app_dirs: dict[str, Path]
) -> None:
    run(capsys, "send", write(tmp_path, {**MESSAGE, "receiver": "sandbox-user-1"}))
    assert not (app_dirs["data"] / "receivers.sqlite3").exists()  # reading makes no book
    code, out, _ = run(capsys, "history")
    assert code == 0 and "sandbox-user-1 " in out and "(" not in out.splitlines()[1]
    run(capsys, "receivers", "add", "sandbox-user-1", "--label", "Anna")
    code, out, _ = run(capsys, "history")
    assert "sandbox-user-1 (Anna)" in out
    code, out, _ = run(capsys, "history", "--json")
    assert json.loads(out)[0]["label"] == "Anna"
    (app_dirs["data"] / "receivers.sqlite3").write_bytes(b"damaged" * 1000)
    code, out, err = run(capsys, "history")
    assert code == 0 and "sandbox-user-1 " in out and err == ""

"""The token dialog and the profile bar's token state, against the sandbox and keyrings."""

import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from tests.conftest import MemoryKeyring
from tests.services.test_vault import FailingKeyring
from viber_desktop.core.redact import mask_token
from viber_desktop.sandbox.local import LocalSandbox
from viber_desktop.sandbox.server import Sandbox
from viber_desktop.services.settings import SANDBOX, Profile
from viber_desktop.services.vault import TokenVault
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.token_dialog import TokenDialog


def test_check_shows_the_bot_and_session_only_keeps_it_in_memory(
    qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring
) -> None:
    ctx = window.ctx
    dialog = TokenDialog(SANDBOX, ctx.runner, TokenVault(), ctx.images, sandbox=ctx.sandbox)
    qtbot.addWidget(dialog)
    assert dialog.edit.echoMode() == QLineEdit.EchoMode.Password
    dialog.reveal_box.setChecked(True)
    assert dialog.edit.echoMode() == QLineEdit.EchoMode.Normal
    dialog.edit.setText(ctx.sandbox.token)
    dialog.check()
    qtbot.waitUntil(lambda: "Sandbox Bot" in dialog.bot_label.text(), timeout=10_000)
    asked = [r.path for r in ctx.sandbox.running().requests]
    assert asked == ["/pa/get_account_info"]  # the context's own sandbox
    qtbot.waitUntil(lambda: not dialog.bot_icon.pixmap().isNull(), timeout=10_000)
    assert dialog.use_name.isEnabled()
    dialog.use_name.setChecked(True)
    dialog.session.setChecked(True)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.sender_name == "Sandbox Bot"
    assert memory_keyring.items == {}
    window.ctx.runner.wait()


def test_wrong_token_is_reported(qtbot: QtBot, window: MainWindow) -> None:
    dialog = TokenDialog(SANDBOX, window.ctx.runner, TokenVault(), sandbox=window.ctx.sandbox)
    qtbot.addWidget(dialog)
    dialog.edit.setText("not-the-token")
    dialog.check()
    qtbot.waitUntil(lambda: "invalidAuthToken" in dialog.bot_label.text(), timeout=10_000)
    window.ctx.runner.wait()


def test_save_stores_in_the_keyring(
    qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring
) -> None:
    profile = Profile(name="Prod")
    dialog = TokenDialog(profile, window.ctx.runner, TokenVault(), sandbox=window.ctx.sandbox)
    qtbot.addWidget(dialog)
    dialog.edit.setText("prod-token-1234567890")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    assert memory_keyring.items[("viber-desktop", "Prod")] == "prod-token-1234567890"


def test_keyring_failure_offers_session_only(qtbot: QtBot, window: MainWindow) -> None:
    keyring.set_keyring(FailingKeyring(keyring.errors.KeyringLocked("locked")))
    dialog = TokenDialog(
        Profile(name="Prod"), window.ctx.runner, TokenVault(), sandbox=window.ctx.sandbox
    )
    qtbot.addWidget(dialog)
    dialog.edit.setText("prod-token-1234567890")
    dialog.save()
    qtbot.waitUntil(lambda: "locked" in dialog.error.text(), timeout=5000)
    assert "session only" in dialog.error.text()
    assert "prod-token-1234567890" not in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted


@pytest.mark.parametrize(
    ("backend", "expected"),
    [("stored", "token stored"), ("missing", "no token stored"), ("broken", "keyring unavailable")],
)
def test_profile_bar_token_state(
    qtbot: QtBot,
    window: MainWindow,
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,
    backend: str,
    expected: str,
) -> None:
    window.ctx.settings.profiles.append(Profile(name="Prod", api_url=sandbox.base_url))
    if backend == "stored":
        memory_keyring.items[("viber-desktop", "Prod")] = "prod-token-1234567890"
    if backend == "broken":
        keyring.set_keyring(FailingKeyring(keyring.errors.NoKeyringError("none")))
    window.profile_bar.fill()
    window.profile_bar.combo.setCurrentIndex(window.profile_bar.combo.findData("Prod"))
    qtbot.waitUntil(lambda: expected in window.profile_bar.token_label.text(), timeout=5000)
    if backend == "stored":
        assert mask_token("prod-token-1234567890") in window.profile_bar.token_label.text()
        assert "prod-token-1234567890" not in window.profile_bar.token_label.text()


def test_send_with_a_stored_token_to_a_profile(
    qtbot: QtBot, window: MainWindow, sandbox: Sandbox, memory_keyring: MemoryKeyring
) -> None:
    window.ctx.settings.profiles.append(Profile(name="Local", api_url=sandbox.base_url))
    memory_keyring.items[("viber-desktop", "Local")] = sandbox.token
    window.profile_bar.fill()
    window.profile_bar.combo.setCurrentIndex(window.profile_bar.combo.findData("Local"))
    window.composer.receiver.setText("sandbox-user-3")
    with qtbot.waitSignal(window.send_finished, timeout=15_000) as blocker:
        window.send()
    result: Any = blocker.args[0]
    assert result.outcome == "ok"
    assert sandbox.requests[-1].headers["X-Viber-Auth-Token"] == sandbox.token


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def hang_up_server() -> Iterator[int]:
    """A loopback server that reads the request and closes the connection without answering."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.recv(65536)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    stop.set()
    thread.join()
    server.close()


@pytest.mark.parametrize("case", ["refused", "tls", "dns", "hang_up", "error_page"])
def test_offline_check_says_the_token_was_not_judged(
    qtbot: QtBot,
    window: MainWindow,
    sandbox: Sandbox,
    closed_port: int,
    hang_up_server: int,
    case: str,
) -> None:
    url = {
        "refused": f"http://127.0.0.1:{closed_port}/pa",
        "tls": sandbox.base_url.replace("http://", "https://"),  # plain HTTP server
        "dns": "https://viber-offline.invalid/pa",
        "hang_up": f"http://127.0.0.1:{hang_up_server}/pa",
        "error_page": sandbox.base_url + "/no-such-path",  # answers, but not as Viber
    }[case]
    dialog = TokenDialog(
        Profile(name="Prod", api_url=url),
        window.ctx.runner,
        TokenVault(),
        sandbox=window.ctx.sandbox,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edit.setText(sandbox.token)
    dialog.check()
    qtbot.waitUntil(lambda: dialog.verdict not in ("", "checking"), timeout=15_000)
    label = dialog.bot_label  # the dialog grew: the whole sentence is visible
    assert label.height() >= label.heightForWidth(label.width())
    text = dialog.bot_label.text()
    assert dialog.verdict == "not_checked", text
    assert "the token was NOT checked" in text
    what = "gave no valid answer" if case == "error_page" else "could not be reached"
    assert text.startswith(f"⚠ Viber {what} (")
    assert "not valid" not in text.lower() and "invalid" not in text.lower()
    assert sandbox.token not in text
    assert dialog.check_btn.isEnabled() and not dialog.use_name.isEnabled()
    window.ctx.runner.wait()


def test_only_status_2_says_the_token_is_wrong(qtbot: QtBot, window: MainWindow) -> None:
    dialog = TokenDialog(SANDBOX, window.ctx.runner, TokenVault(), sandbox=window.ctx.sandbox)
    qtbot.addWidget(dialog)
    dialog.edit.setText("not-the-token")
    dialog.check()
    qtbot.waitUntil(lambda: dialog.verdict == "invalid", timeout=10_000)
    assert dialog.bot_label.text() == (
        "✖ Not valid: the sandbox says this token is wrong (status 2 invalidAuthToken). "
        "Copy the token again from the bot's Info screen in the Viber Admin Panel."
    )
    dialog.edit.setText("tok\u00e9n")  # a header cannot carry it: judged without a request
    dialog.check()
    qtbot.waitUntil(lambda: dialog.verdict == "invalid", timeout=10_000)
    assert "spaces or characters" in dialog.bot_label.text()
    window.ctx.runner.wait()


def test_a_stopped_sandbox_says_the_token_was_not_checked(qtbot: QtBot, window: MainWindow) -> None:
    stopped = LocalSandbox()
    stopped.stop()
    dialog = TokenDialog(SANDBOX, window.ctx.runner, TokenVault(), sandbox=stopped)
    qtbot.addWidget(dialog)
    dialog.edit.setText(stopped.token)
    dialog.check()
    assert dialog.verdict == "not_checked"
    assert dialog.bot_label.text().startswith(
        "⚠ The sandbox could not be reached (the built-in sandbox has stopped: the app is "
        "closing), so the token was NOT checked"
    )
    assert dialog.check_btn.isEnabled() and not stopped.started


@pytest.fixture
def silent_server() -> Iterator[tuple[int, threading.Event, threading.Event]]:
    """A loopback server that takes the request and answers nothing until told to hang up."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    got, hang_up = threading.Event(), threading.Event()

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            conn.recv(65536)
            got.set()
            hang_up.wait(30)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield int(server.getsockname()[1]), got, hang_up
    hang_up.set()
    thread.join(5)
    server.close()


def test_a_check_waiting_on_a_silent_server_can_be_stopped(
    qtbot: QtBot,
    window: MainWindow,
    silent_server: tuple[int, threading.Event, threading.Event],
) -> None:
    port, got, hang_up = silent_server
    profile = Profile(name="Prod", api_url=f"http://127.0.0.1:{port}/pa")
    dialog = TokenDialog(profile, window.ctx.runner, TokenVault(), sandbox=window.ctx.sandbox)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edit.setText("445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9")
    qtbot.mouseClick(dialog.check_btn, Qt.MouseButton.LeftButton)
    assert got.wait(10)
    assert dialog.verdict == "checking"
    assert dialog.check_btn.text() == "S&top checking" and dialog.check_btn.isEnabled()
    qtbot.mouseClick(dialog.check_btn, Qt.MouseButton.LeftButton)
    assert dialog.verdict == "not_checked"
    assert "Check stopped" in dialog.bot_label.text()
    assert dialog.check_btn.text() == "&Check"
    hang_up.set()  # the late failure is ignored: the verdict stays
    window.ctx.runner.wait()
    qtbot.wait(50)
    assert "Check stopped" in dialog.bot_label.text()


@pytest.mark.usefixtures("qapp")
def test_the_window_makes_its_keyring_calls_in_helper_processes(
    app_dirs: dict[str, Path],
) -> None:
    """The Secret Service's encryption stays out of the window (issue 16, secret_process.py)."""
    from viber_desktop.ui.context import build_context

    ctx = build_context()
    try:
        assert ctx.vault.separate
    finally:
        ctx.runner.wait(5_000)
        ctx.close()

"""The token dialog and the profile bar's token state, against the sandbox and keyrings."""

from typing import Any

import keyring
import pytest
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from tests.conftest import MemoryKeyring
from tests.services.test_vault import FailingKeyring
from viber_desktop.core.redact import mask_token
from viber_desktop.sandbox.server import Sandbox
from viber_desktop.services.settings import SANDBOX, Profile
from viber_desktop.services.vault import TokenVault
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.token_dialog import TokenDialog


def test_check_shows_the_bot_and_session_only_keeps_it_in_memory(
    qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring
) -> None:
    from viber_desktop.services.sending import shared_sandbox

    dialog = TokenDialog(SANDBOX, window.ctx.runner, TokenVault(), window.ctx.images)
    qtbot.addWidget(dialog)
    assert dialog.edit.echoMode() == QLineEdit.EchoMode.Password
    dialog.reveal_box.setChecked(True)
    assert dialog.edit.echoMode() == QLineEdit.EchoMode.Normal
    dialog.edit.setText(shared_sandbox().token)
    dialog.check()
    qtbot.waitUntil(lambda: "Sandbox Bot" in dialog.bot_label.text(), timeout=10_000)
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
    dialog = TokenDialog(SANDBOX, window.ctx.runner, TokenVault())
    qtbot.addWidget(dialog)
    dialog.edit.setText("not-the-token")
    dialog.check()
    qtbot.waitUntil(lambda: "invalidAuthToken" in dialog.bot_label.text(), timeout=10_000)
    window.ctx.runner.wait()


def test_save_stores_in_the_keyring(
    qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring
) -> None:
    profile = Profile(name="Prod")
    dialog = TokenDialog(profile, window.ctx.runner, TokenVault())
    qtbot.addWidget(dialog)
    dialog.edit.setText("prod-token-1234567890")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    assert memory_keyring.items[("viber-desktop", "Prod")] == "prod-token-1234567890"


def test_keyring_failure_offers_session_only(qtbot: QtBot, window: MainWindow) -> None:
    keyring.set_keyring(FailingKeyring(keyring.errors.KeyringLocked("locked")))
    dialog = TokenDialog(Profile(name="Prod"), window.ctx.runner, TokenVault())
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

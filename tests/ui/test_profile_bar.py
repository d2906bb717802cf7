"""The profile bar and the CLI apply the same profile rules to the same settings file.

Both paths work on the real settings file (in tmp_path) and the in-memory keyring; the words
a refusal shows in a dialog are the words the CLI prints.
"""

from collections.abc import Iterator

import keyring
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import MemoryKeyring
from tests.services.test_vault import FailingKeyring
from viber_desktop.cli import main
from viber_desktop.services.settings import SANDBOX_PROFILE, Settings, SettingsStore
from viber_desktop.services.vault import TokenVault
from viber_desktop.ui import first_paint
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.images import ImageLoader
from viber_desktop.ui.profile_bar import ProfileBar
from viber_desktop.ui.profile_dialog import ProfileDialog
from viber_desktop.ui.tasks import TaskRunner

Capsys = pytest.CaptureFixture[str]
TOKEN = ("viber-desktop", "Shop")


def new_context() -> AppContext:
    """A context over the settings file the CLI uses (tests/conftest.py points it at tmp_path)."""
    runner = TaskRunner()
    store = SettingsStore()
    return AppContext(store, store.load(), TokenVault(), runner, ImageLoader(runner))


@pytest.fixture
def bar(qtbot: QtBot) -> Iterator[ProfileBar]:
    ctx = new_context()
    widget = ProfileBar(ctx, lambda: ctx.settings_store.save(ctx.settings))
    qtbot.addWidget(widget)
    widget.fill()
    yield widget
    assert ctx.runner.wait(15_000)
    ctx.close()


def cli(capsys: Capsys, *args: str) -> tuple[int, str]:
    """Run the CLI; the exit code and the error it printed, without its prefix."""
    code = main(list(args))
    err = capsys.readouterr().err.strip()
    return code, err.removeprefix("viber-desktop profile: ").removeprefix("warning: ")


def saved() -> Settings:
    return SettingsStore().load()


def reload(bar: ProfileBar) -> None:
    """Show what the CLI wrote, as the window shows it after a restart."""
    bar.ctx.settings = saved()
    bar.fill()


def answer_boxes(bar: ProfileBar, seen: list[str], button: QMessageBox.StandardButton) -> None:
    """Note the text of each message box that opens while ``bar`` lives; click ``button`` in a
    question, OK in any other."""
    timer = QTimer(bar)  # ends with the bar

    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            (box.button(button) or box.button(QMessageBox.StandardButton.Ok)).click()

    timer.timeout.connect(click)
    timer.start(10)


def test_a_duplicate_name_is_refused_with_the_same_sentence(
    qtbot: QtBot, bar: ProfileBar, capsys: Capsys
) -> None:
    assert cli(capsys, "profile", "add", "Shop")[0] == 0
    code, cli_words = cli(capsys, "profile", "add", "Shop")
    assert code == 2 and cli_words == "A profile named “Shop” already exists: choose another name."
    reload(bar)
    shown: list[str] = []

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ProfileDialog):
            QTimer.singleShot(10, fill_in)
            return
        dialog.name.setText("Shop")
        shown.append(dialog.problem.text())
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        shown.append("enabled" if ok.isEnabled() else "disabled")
        dialog.reject()

    QTimer.singleShot(0, fill_in)
    bar.add_profile()
    assert shown == [cli_words, "disabled"]
    assert [p.name for p in saved().profiles] == ["Shop"]


def test_the_sandbox_cannot_be_removed_either_way(
    qtbot: QtBot, bar: ProfileBar, capsys: Capsys
) -> None:
    code, cli_words = cli(capsys, "profile", "remove", SANDBOX_PROFILE)
    assert code == 2 and cli_words == "The built-in Sandbox profile cannot be removed."
    assert bar.current().name == SANDBOX_PROFILE
    shown: list[str] = []
    answer_boxes(bar, shown, QMessageBox.StandardButton.Ok)
    bar.remove_profile()
    assert shown == [cli_words]
    assert bar.ctx.settings == Settings() and not SettingsStore().path.exists()


def remove_shop_in_the_bar(qtbot: QtBot, bar: ProfileBar, shown: list[str], boxes: int) -> None:
    bar.combo.setCurrentIndex(bar.combo.findData("Shop"))
    assert bar.ctx.settings.active_profile == "Shop"
    answer_boxes(bar, shown, QMessageBox.StandardButton.Yes)
    bar.remove_profile()
    qtbot.waitUntil(lambda: len(shown) == boxes and not bar.ctx.runner.busy, timeout=10_000)


def test_removing_a_profile_leaves_the_same_file_and_deletes_its_token(
    qtbot: QtBot, bar: ProfileBar, capsys: Capsys, memory_keyring: MemoryKeyring
) -> None:
    for args in (("add", "Shop"), ("add", "Other"), ("use", "Shop"), ("remove", "Shop")):
        memory_keyring.items[TOKEN] = "shop-token-1234567890"
        assert cli(capsys, "profile", *args) == (0, "")
    by_cli = saved()
    assert [p.name for p in by_cli.profiles] == ["Other"]
    assert by_cli.active_profile == SANDBOX_PROFILE and TOKEN not in memory_keyring.items

    assert cli(capsys, "profile", "add", "Shop") == (0, "")
    memory_keyring.items[TOKEN] = "shop-token-1234567890"
    reload(bar)
    bar.ctx.session_tokens["Shop"] = "session-token-1234567890"
    shown: list[str] = []
    remove_shop_in_the_bar(qtbot, bar, shown, boxes=1)
    assert shown == ["Remove the profile “Shop” and its stored token?"]
    assert saved() == bar.ctx.settings == by_cli
    assert TOKEN not in memory_keyring.items and bar.ctx.session_tokens == {}
    assert bar.current().name == SANDBOX_PROFILE


def test_a_locked_keyring_on_removal_says_the_same_either_way(
    qtbot: QtBot, bar: ProfileBar, capsys: Capsys
) -> None:
    assert cli(capsys, "profile", "add", "Shop") == (0, "")
    keyring.set_keyring(FailingKeyring(keyring.errors.KeyringLocked("locked")))
    code, cli_words = cli(capsys, "profile", "remove", "Shop")
    assert code == 0 and cli_words.startswith(
        "The profile “Shop” is removed, but its token could not be deleted from the keyring: "
        "the keyring is locked"
    )
    assert saved().profiles == []

    assert cli(capsys, "profile", "add", "Shop") == (0, "")
    reload(bar)
    shown: list[str] = []
    remove_shop_in_the_bar(qtbot, bar, shown, boxes=2)
    assert shown[1] == cli_words
    assert saved().profiles == []


def test_two_contexts_get_two_sandboxes_each_stopped_by_its_own(qtbot: QtBot) -> None:
    first, second = new_context(), new_context()
    try:
        assert not first.sandbox.started and not second.sandbox.started
        assert first.sandbox.base_url != second.sandbox.base_url
        second_server = second.sandbox.running()
        first.close()
        assert not first.sandbox.started
        assert second.sandbox.running() is second_server
    finally:
        first.close()
        second.close()


def test_a_start_looks_the_token_up_once_after_the_first_paint(
    qtbot: QtBot, capsys: Capsys, memory_keyring: MemoryKeyring
) -> None:
    """Issue 16: keyring is slow to load; the window is shown first, then the token looked up."""
    assert cli(capsys, "profile", "add", "Shop")[0] == 0
    assert cli(capsys, "profile", "use", "Shop")[0] == 0
    memory_keyring.items[TOKEN] = "shop-token-1234567890"
    ctx = new_context()
    first_paint.hold()
    try:
        widget = ProfileBar(ctx, lambda: None)
        qtbot.addWidget(widget)
        widget.fill()
        widget.refresh_token_state()  # asked twice before the paint: one lookup
        qtbot.wait(100)
        assert widget.state == "checking" and widget._lookup_waiting
        first_paint.release()
        qtbot.waitUntil(lambda: widget.state == "stored", timeout=5000)
        assert "shop-token" not in widget.token_label.text()
    finally:
        first_paint.release()
        assert ctx.runner.wait(15_000)
        ctx.close()

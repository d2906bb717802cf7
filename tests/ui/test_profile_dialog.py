"""The Add profile dialog: every problem is one plain sentence naming the field."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from viber_desktop.services.settings import SettingsStore
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.profile_dialog import ProfileDialog
from viber_desktop.ui.token_dialog import TokenDialog

DUMP_MARKS = ("[type=", "value_error", "Value error", "pydantic", "validation error", "input_value")


@pytest.fixture
def dialog(qtbot: QtBot) -> ProfileDialog:
    widget = ProfileDialog(["Sandbox", "Shop"])
    qtbot.addWidget(widget)
    widget.name.setText("Prod")
    return widget


def ok_enabled(dialog: ProfileDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def assert_plain(text: str) -> None:
    assert text and "\n" not in text
    for mark in DUMP_MARKS:
        assert mark not in text, text


@pytest.mark.parametrize(
    "url",
    [
        "http://192.0.2.2:18200\\@127.0.0.1/pa",
        "http://chatapi.viber.com/pa",
        "https://user:pw@chatapi.viber.com/pa",
        "chatapi.viber.com/pa",
        "ftp://chatapi.viber.com/pa",
        "https://chat api.viber.com/pa",
        "",
        "https://\ud800.com/pa",
    ],
)
def test_a_bad_api_url_is_one_plain_sentence(dialog: ProfileDialog, url: str) -> None:
    dialog.url.setText(url)
    text = dialog.problem.text()
    assert text.startswith("API URL: "), text
    assert_plain(text)
    assert not ok_enabled(dialog)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("", "Give the profile a name"),
        ("Sandbox", "A profile named “Sandbox” already exists"),
        ("Shop", "A profile named “Shop” already exists"),
        ("x" * 65, "The profile name is too long: at most 64 characters."),
        (" Prod", "The profile name must be printable"),
        ("Pro\x07d", "The profile name must be printable"),
    ],
)
def test_a_bad_profile_name_is_one_plain_sentence(
    dialog: ProfileDialog, name: str, expected: str
) -> None:
    dialog.name.setText(name)
    assert dialog.problem.text().startswith(expected), dialog.problem.text()
    assert_plain(dialog.problem.text())
    assert not ok_enabled(dialog)


@pytest.mark.parametrize(
    ("name", "avatar", "expected"),
    [
        ("S" * 40, "", "The sender name is 40 characters; the limit is 28."),
        ("Shop", "not a picture address", "The sender avatar must be an http:// or https://"),
    ],
)
def test_sender_problems_use_the_message_rules(
    dialog: ProfileDialog, name: str, avatar: str, expected: str
) -> None:
    dialog.sender_name.setText(name)
    dialog.sender_avatar.setText(avatar)
    assert dialog.problem.text().startswith(expected), dialog.problem.text()
    assert_plain(dialog.problem.text())
    assert not ok_enabled(dialog)


def test_a_good_profile_is_accepted(dialog: ProfileDialog) -> None:
    dialog.url.setText("https://chatapi.viber.com/pa ")
    dialog.sender_name.setText("Shop")
    dialog.sender_avatar.setText("https://example.com/a.jpg")
    assert dialog.problem.text() == ""
    assert ok_enabled(dialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.profile is not None
    assert dialog.profile.as_dict() == {
        "name": "Prod",
        "api_url": "https://chatapi.viber.com/pa",
        "sender_name": "Shop",
        "sender_avatar": "https://example.com/a.jpg",
        "spell_language": "",
    }


def test_the_spelling_language_is_chosen_with_the_profile(dialog: ProfileDialog) -> None:
    offered = [dialog.spell_language.itemData(i) for i in range(dialog.spell_language.count())]
    assert offered == ["", "en", "uk"]  # the system's language first, as the default
    assert dialog.spell_language.itemText(2) == "Ukrainian"
    dialog.spell_language.setCurrentIndex(2)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.profile is not None and dialog.profile.spell_language == "uk"


def test_add_profile_from_the_bar_saves_it_and_asks_for_the_token(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: list[str] = []

    def answer_dialogs() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, ProfileDialog):
            modal.name.setText("Prod")
            modal.url.setText("http://192.0.2.2:18200\\@127.0.0.1/pa")
            seen.append(modal.problem.text())
            modal.url.setText("https://chatapi.viber.com/pa")
            modal.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        elif isinstance(modal, TokenDialog):
            seen.append(modal.windowTitle())
            modal.reject()
            return
        QTimer.singleShot(20, answer_dialogs)

    QTimer.singleShot(20, answer_dialogs)
    window.profile_bar.add_profile()
    assert seen[0].startswith("API URL: ")
    assert_plain(seen[0])
    assert seen[1] == "Bot token for Prod"
    assert window.profile_bar.current().name == "Prod"
    saved = SettingsStore(window.ctx.settings_store.path).load()
    assert [p.name for p in saved.profiles] == ["Prod"]
    assert saved.active_profile == "Prod"
    window.ctx.runner.wait()

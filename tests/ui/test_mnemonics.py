"""Every labelled field of the composer has a working Alt mnemonic that lands in the field."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar
from pytestqt.qtbot import QtBot

from viber_desktop.core import limits
from viber_desktop.ui.main_window import MainWindow

_MNEMONIC = re.compile(r"&([^&\s])")


def _labels(window: MainWindow) -> list[QLabel]:
    found = []
    for label in window.composer.findChildren(QLabel):
        if (
            label.isVisibleTo(window)
            and label.buddy() is not None
            and _MNEMONIC.search(label.text())
        ):
            found.append(label)
    return found


@pytest.mark.parametrize("kind", [k for k in limits.MESSAGE_TYPES if k != "rich_media"])
def test_each_field_mnemonic_focuses_its_field(qtbot: QtBot, window: MainWindow, kind: str) -> None:
    combo = window.composer.type_combo
    combo.setCurrentIndex(combo.findData(kind))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    labels = _labels(window)
    letters = [_MNEMONIC.search(label.text()).group(1).lower() for label in labels]  # type: ignore[union-attr]
    assert len(letters) == len(set(letters)), f"a letter is used twice: {sorted(letters)}"
    assert len(labels) >= 6  # receiver, sender, avatar, type, tracking data, min API, fields
    for label, letter in zip(labels, letters, strict=True):
        window.send_btn.setFocus()
        key = getattr(Qt.Key, f"Key_{letter.upper()}")
        qtbot.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
        focused = QApplication.focusWidget()
        assert focused is label.buddy(), (label.text(), focused)
        assert focused.focusPolicy() != Qt.FocusPolicy.NoFocus


def _window_letters(window: MainWindow) -> list[tuple[str, str]]:
    """Every Alt letter the window offers now: menus, tabs, buttons and field labels."""
    found = []
    for action in window.menuBar().actions():
        found.append(action.text())
    for bar in window.findChildren(QTabBar):
        if bar.isVisibleTo(window):
            found += [bar.tabText(i) for i in range(bar.count())]
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window):
            found.append(button.text())
    found += [label.text() for label in _labels(window)]
    return [(m.group(1).lower(), text) for text in found if (m := _MNEMONIC.search(text))]


@pytest.mark.parametrize("kind", [*limits.MESSAGE_TYPES, ""])
@pytest.mark.parametrize("keyboard", [False, True])
def test_no_alt_letter_is_used_twice_in_the_window(
    qtbot: QtBot, window: MainWindow, kind: str, keyboard: bool
) -> None:
    combo = window.composer.type_combo
    combo.setCurrentIndex(combo.findData(kind))
    if keyboard != window.composer.keyboard_box.isChecked() and kind:
        window.composer.keyboard_box.click()
    letters = _window_letters(window)
    seen: dict[str, str] = {}
    for letter, text in letters:
        assert letter not in seen, f"Alt+{letter.upper()}: {seen.get(letter)!r} and {text!r}"
        seen[letter] = text


def test_f6_moves_between_the_composer_the_tabs_and_the_findings(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.composer.sender_name.setFocus()
    seen = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        seen.append(QApplication.focusWidget())
    assert seen == [window.tabs.tabBar(), window.findings.list, window.composer.receiver]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.findings.list

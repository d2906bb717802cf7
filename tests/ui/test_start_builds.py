"""Start-up builds each part once, for what the first look shows (issue 16)."""

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from viber_desktop.core.bidi import isolate
from viber_desktop.ui.composer.composer_widget import ComposerWidget
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.preview import ChatPreview


def counted(monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> list[int]:
    """Count the calls of ``owner.name`` (still made)."""
    calls: list[int] = []
    real: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, wrapper)
    return calls


def test_the_preview_builds_one_page_the_drafts(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = counted(monkeypatch, ChatPreview, "_build_page")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert len(pages) == 1  # not an empty message's first
    name = window.doc.get("/sender/name")
    assert isinstance(name, str) and name and window.preview.sender_name.text() == name
    window.show()
    qtbot.waitExposed(window)
    assert len(pages) == 1


def test_a_preview_shown_before_any_message_shows_an_empty_chat(qtbot: QtBot) -> None:
    preview = ChatPreview()
    qtbot.addWidget(preview)
    assert preview.chat.widget() is None  # nothing built until needed
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.chat.widget() is not None and preview.bubble is not None
    assert preview.sender_name.text() == "(no sender name)"


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_the_examples_submenu_is_filled_when_first_opened(qtbot: QtBot, window: MainWindow) -> None:
    examples = window.menus.examples
    assert examples.actions() == []  # the gallery waits for the menu
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu) and examples.menuAction() in file_menu.actions()
    file_menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(file_menu.isVisible)
    file_menu.setActiveAction(examples.menuAction())
    qtbot.keyClick(file_menu, Qt.Key.Key_Right)  # opens the submenu, as a user does
    qtbot.waitUntil(examples.isVisible)
    titles = [a.text() for a in examples.actions()]
    assert len(titles) >= 4 and all(titles)
    examples.hide()
    file_menu.hide()
    window.menus.fill_examples()  # once
    assert [a.text() for a in examples.actions()] == titles


def test_the_composer_shows_the_draft_not_an_empty_message_first(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    refreshes = counted(monkeypatch, ComposerWidget, "refresh")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert len(refreshes) == 1  # the draft's, not the empty document's first
    composer = window.composer
    assert composer.kind == "text" and composer.type_combo.currentData() == "text"
    assert composer.type_box.title() == isolate("Text message")  # the list was on Text already
    assert composer.stack.currentWidget() is composer.forms["text"]


def test_a_composer_of_its_own_shows_its_empty_message_at_once(qtbot: QtBot) -> None:
    composer = ComposerWidget()
    qtbot.addWidget(composer)
    assert composer.type_box.title() == "Keyboard only" and composer.type_combo.currentData() == ""
    composer.load_payload({"type": "text", "text": "hi"})
    assert composer.type_box.title() == isolate("Text message")

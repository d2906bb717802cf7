"""Texts that end (or start) in a sign read right in a right-to-left window: the menus, the
rich-media editor's buttons and the counters (issue 15)."""

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from viber_desktop.core.bidi import FSI, PDI, isolate, ltr
from viber_desktop.ui.composer.containers import GroupEditor
from viber_desktop.ui.composer.counter import Counter
from viber_desktop.ui.main_window import MainWindow


def _menu_actions(actions: list[QAction]) -> list[QAction]:
    found = []
    for action in actions:
        menu = action.menu()
        if isinstance(menu, QMenu):
            found += _menu_actions(menu.actions())
        elif action.text():
            found.append(action)
    return found


def _isolated(text: str) -> bool:
    return text.startswith(FSI) and text.endswith(PDI)


def test_menu_items_ending_in_an_ellipsis_are_isolated(window: MainWindow) -> None:
    window.menus.fill_examples()  # as opening its submenu does
    actions = _menu_actions(window.menuBar().actions())
    labels = [a.text().split("\t")[0] for a in actions]
    dotted = [t for t in labels if t.rstrip(PDI).endswith("…")]
    assert len(dotted) >= 10  # Import JSON…, Preferences…, Receiver book… and more
    assert [t for t in dotted if not _isolated(t)] == []  # not "…Import JSON"
    # Qt's own shortcut text would read ",+Ctrl": the menu shows an isolated one.
    assert window.menus.preferences.text() == f"{isolate('Pre&ferences…')}\t{ltr('Ctrl+,')}"
    assert window.menus.preferences.shortcut().toString() == "Ctrl+,"
    examples = window.menus.examples.actions()
    assert examples and all(_isolated(a.text()) for a in examples)  # titles are data


def test_the_rich_media_editor_buttons_are_isolated(qtbot: QtBot, window: MainWindow) -> None:
    combo = window.composer.type_combo
    combo.setCurrentIndex(combo.findData("rich_media"))
    editor = window.composer.forms["rich_media"]
    assert isinstance(editor, GroupEditor)
    buttons = editor.editor
    for button in (buttons.add_btn, buttons.add_card_btn, buttons.left_btn, buttons.right_btn):
        assert _isolated(button.text()), button.text()  # not "Button +", "Move ◀"
        assert FSI not in button.accessibleName()  # read out without marks
    assert _isolated(editor.examples_btn.text())  # not "…Examples"
    assert _isolated(buttons.panel.advanced_btn.text())  # not "more fields 5 :Advanced"


def test_counters_keep_their_numbers_left_to_right(qtbot: QtBot) -> None:
    counter = Counter(28)
    qtbot.addWidget(counter)
    counter.set_used(30)
    # No letters: a label lays such a text out left to right even in a right-to-left window.
    assert counter.text() == "✖ 30 / 28"
    with_unit = Counter(30_720, unit="בייטים")
    qtbot.addWidget(with_unit)
    with_unit.set_used(959)
    assert with_unit.text() == f"{ltr('959 / 30,720')} בייטים"  # not "בייטים 30,720 / 959"


def test_the_type_group_title_is_isolated(qtbot: QtBot, window: MainWindow) -> None:
    """«Повідомлення типу «Текст»: quotes around the type would jump right to left."""
    combo = window.composer.type_combo
    for kind in ("text", "picture"):
        combo.setCurrentIndex(combo.findData(kind))
        assert _isolated(window.composer.type_box.title())

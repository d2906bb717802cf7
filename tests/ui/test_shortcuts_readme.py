"""The README's keyboard list names exactly the shortcuts the window has."""

import re
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel

from tests.ui.test_mnemonics import _window_letters
from viber_desktop.ui.main_window import MainWindow

README = Path(__file__).resolve().parents[2] / "README.md"
KEY = re.compile(
    r"(?<![\w+])(?:(?:(?:Ctrl|Shift|Alt)\+)+(?:F\d{1,2}|Enter|Return|Tab|[A-Z](?![a-z])|[.,])"
    r"|F\d{1,2}\b|Tab\b)"
)
QT_OWN = {"Tab", "Shift+Tab", "Ctrl+Tab", "Ctrl+Shift+Tab"}
"""Keys Qt itself handles (tests/ui/test_tab_order.py checks what they do here)."""


def _listed() -> set[str]:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- BEGIN shortcuts.*?-->\n(.*?)<!-- END shortcuts -->", text, re.S)
    assert match, "the README lost its shortcut list"
    return {m.group(0) for m in KEY.finditer(match.group(1))}


def _portable(key: QKeySequence) -> str:
    return key.toString(QKeySequence.SequenceFormat.PortableText)


def _window_keys(window: MainWindow) -> list[tuple[str, set[str]]]:
    found = []
    for action in window.findChildren(QAction):
        keys = {_portable(k) for k in action.shortcuts()} - {""}
        if keys:
            found.append((action.text(), keys))
    for shortcut in window.findChildren(QShortcut):
        found.append((shortcut.objectName() or "QShortcut", {_portable(shortcut.key())}))
    return found


def test_every_listed_key_is_a_real_shortcut(window: MainWindow) -> None:
    listed = _listed()
    assert {"Ctrl+Enter", "F6", "Ctrl+Tab", "Alt+R"} <= listed  # the parser reads the list
    real = set().union(*(keys for _, keys in _window_keys(window)))
    letters = {letter for letter, _ in _window_letters(window)} | {
        m.group(1).lower()
        for label in window.findChildren(QLabel)
        if label.buddy() is not None and (m := re.search(r"&([^&\s])", label.text()))
    }
    for key in sorted(listed):
        if key.startswith("Alt+"):
            assert key[4:].lower() in letters, f"README lists {key}: no such Alt letter"
        else:
            assert key in real | QT_OWN, f"README lists {key}: the window has no such shortcut"


def test_every_shortcut_of_the_window_is_listed(window: MainWindow) -> None:
    listed = _listed()
    for name, keys in _window_keys(window):
        assert keys & listed, f"{name!r} ({', '.join(sorted(keys))}) is missing from the README"

"""No dialog offers one Alt letter twice (its buttons, check boxes, labels and standard buttons)."""

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialog, QGroupBox, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.test_mnemonics import _MNEMONIC
from tests.ui.test_translations_uk import _dialogs
from viber_desktop.core.receiver_records import Receiver
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.receivers.lookup_dialog import LookupDialog

# The receiver book raises its window when it opens; the offscreen platform cannot.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def dialog_letters(dialog: QDialog) -> list[tuple[str, str]]:
    """Every Alt letter the dialog offers while shown."""
    texts = [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
    texts += [g.title() for g in dialog.findChildren(QGroupBox) if g.isVisibleTo(dialog)]
    texts += [
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.isVisibleTo(dialog) and label.buddy() is not None
    ]
    return [(m.group(1).lower(), text) for text in texts if (m := _MNEMONIC.search(text))]


def clashes(dialog: QDialog) -> list[str]:
    seen: dict[str, str] = {}
    found = []
    for letter, text in dialog_letters(dialog):
        if letter in seen:
            found.append(f"Alt+{letter.upper()}: {seen[letter]!r} and {text!r}")
        seen[letter] = text
    return found


def test_no_dialog_offers_an_alt_letter_twice(
    qtbot: QtBot, window: MainWindow, ctx: AppContext
) -> None:
    found = []
    for name, dialog in _dialogs(window, ctx).items():
        dialog.show()
        found += [f"{name}: {clash}" for clash in clashes(dialog)]
        dialog.close()
    profile = ctx.settings.all_profiles()[0]
    lookup = LookupDialog(ctx, profile, Receiver(id="sandbox-user-1", label="Olga"), window)
    lookup.show()
    found += [f"lookup: {clash}" for clash in clashes(lookup)]
    lookup.close()
    book = window.receiver_actions.open_book()
    qtbot.addWidget(book)
    qtbot.waitUntil(lambda: book.ready and not book.busy)
    found += [f"book: {clash}" for clash in clashes(book)]
    book.close()
    assert not found, "\n".join(found)


def test_the_check_sees_a_clash(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QCheckBox, QPushButton, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QCheckBox("&Show token"))
    layout.addWidget(QPushButton("&Save"))
    dialog.show()
    assert clashes(dialog) == ["Alt+S: '&Show token' and '&Save'"]

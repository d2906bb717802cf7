"""Counters: every edit refreshes every counter of the form; only a change is redrawn."""

from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from viber_desktop.ui.composer.counter import Counter


def test_an_unchanged_count_is_not_set_again_but_a_new_palette_is(qtbot: QtBot) -> None:
    counter = Counter(28)
    qtbot.addWidget(counter)
    counter.set_used(5)
    counter.setText("stale")
    counter.set_used(5)
    assert counter.text() == "stale"  # nothing moved: the label was left alone
    counter.set_used(29)
    assert counter.text().startswith("✖ 29")
    counter.setText("stale")
    palette = QPalette(counter.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    counter.setPalette(palette)
    counter.set_used(29)
    assert counter.text().startswith("✖ 29")  # its colours follow the new palette

"""Guard against Qt bindings that drop references to None (PySide6 6.12.0 on Python 3.11).

Such a binding makes every void Qt call decrement None's reference count; a long session
then aborts with "Fatal Python error: none_dealloc". pyproject.toml pins the bindings; this
test fails if a version with the bug comes back.
"""

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(2000):
        label.setText(str(i % 7))
        label.setToolTip("x")
    assert sys.getrefcount(None) - before > -100

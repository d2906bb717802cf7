"""F6 / Shift+F6 move the focus between the window's panes, as in most desktop apps."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

Pane = Callable[[], QWidget]
"""Gives the widget that takes the focus in a pane (it may change, e.g. the current tab)."""


class PaneCycle(QObject):
    """Cycles the focus through ``panes`` of ``window`` (only the visible ones)."""

    def __init__(self, window: QWidget, panes: list[tuple[QWidget, Pane]]) -> None:
        super().__init__(window)
        self.panes = panes
        """(the pane's area, the widget to focus in it)."""
        for key, step in (("F6", 1), ("Shift+F6", -1)):
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda step=step: self.move(step))

    def move(self, step: int) -> None:
        shown = [(area, target) for area, target in self.panes if area.isVisible()]
        if not shown:
            return
        focus = QApplication.focusWidget()
        inside = [i for i, (area, _) in enumerate(shown) if focus and area.isAncestorOf(focus)]
        here = inside[0] if inside else (-1 if step > 0 else 0)
        _area, target = shown[(here + step) % len(shown)]
        target().setFocus(Qt.FocusReason.ShortcutFocusReason)

"""The chat's input field under the messages, as a keyboard's InputFieldState leaves it.

A module of its own: every preview shows it, the keyboard and its button grid only some
(they load when a message first has a keyboard; start-up, issue 16).
"""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from viber_desktop.ui.chat import look


class InputBar(QFrame):
    """The chat's input field as the keyboard's InputFieldState leaves it."""

    def __init__(
        self, state: Any, parent: QWidget | None = None, colors: look.ChatColors | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("input")
        self.colors = colors or look.colors()
        self.hint: QLabel | None = None
        self.state = state if state in ("regular", "minimized", "hidden") else "regular"
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        if self.state == "minimized":
            hint = QLabel("⌃")
            hint.setToolTip(self.tr("The input field is minimized: a tap opens it"))
            row.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
            self.setFixedHeight(20)
        else:
            hint = self.hint = QLabel(self.tr("Type a message…"))
            hint.setObjectName("meta")
            look.meta(hint, self.colors)
            row.addWidget(hint, 1)
            self.setFixedHeight(40)
        if self.state == "hidden":
            self.hide()  # trap: setVisible(True) here would show it as a window of its own

    def restyle(self, colors: look.ChatColors) -> None:
        """Take the chat's ``colors`` (its preview's theme changed)."""
        self.colors = colors
        if self.hint is not None:
            look.meta(self.hint, colors)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Trap: not fillRect, whose overloads make PySide build QGradient's enums (2 ms).
        with QPainter(self) as painter:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.colors.input))
            painter.drawRect(self.rect())
            painter.setBrush(QColor(self.colors.input_line))
            painter.drawRect(0, 0, self.width(), 1)
        super().paintEvent(event)

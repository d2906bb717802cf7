"""The findings pane's Fix button and the hint beside it, laid out by hand (issue 18)."""

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QWidget

SPACING = 6
WIDTH_STEP = 40
"""The row's minimum width grows by this much at a time and never shrinks (see ``FixRow``)."""


class FixRow(QWidget):
    """``button`` and ``hint`` side by side, as a QHBoxLayout would place them.

    The trap: the button's text names the fix, and for a too-long text the fix quotes the words
    it cuts, so it changes on every key. In a layout each change went up through the panes to
    the main window, which then repainted whole (~4 paints of the right-hand side a key). Here
    only a change of the row's height, or a wider button than ever before, goes up."""

    def __init__(self, button: QToolButton, hint: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button, self.hint = button, hint
        button.setParent(self)
        hint.setParent(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._told: tuple[int, int, int] | None = None
        self._widest = 0

    def _min_width(self) -> int:
        wanted = self.button.sizeHint().width() + SPACING + self.hint.minimumSizeHint().width()
        self._widest = max(self._widest, -(-wanted // WIDTH_STEP) * WIDTH_STEP)
        return self._widest

    def _hint_height(self, width: int) -> int:
        rest = max(0, width - self.button.sizeHint().width() - SPACING)
        high = self.hint.heightForWidth(rest)
        return high if high >= 0 else self.hint.sizeHint().height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.button.sizeHint().height(), self._hint_height(width))

    def sizeHint(self) -> QSize:
        width = self.button.sizeHint().width() + SPACING + self.hint.sizeHint().width()
        return QSize(max(width, self._min_width()), self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._min_width(), self.button.sizeHint().height())

    def resizeEvent(self, event: object) -> None:
        self._place()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a child's text or size changed
            self._place()
            told = (self._min_width(), self.heightForWidth(self.width()), self.sizeHint().height())
            if told != self._told:
                self._told = told
                self.updateGeometry()
            return True
        return super().event(event)

    def _place(self) -> None:
        width, height = self.width(), self.height()
        button = self.button.sizeHint()
        shown = QRect(
            0, (height - button.height()) // 2, min(button.width(), width), button.height()
        )
        rest = QRect(
            shown.right() + 1 + SPACING, 0, max(0, width - shown.width() - SPACING), height
        )
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            shown, rest = mirrored(shown, width), mirrored(rest, width)
        self.button.setGeometry(shown)
        self.hint.setGeometry(rest)


def mirrored(rect: QRect, width: int) -> QRect:
    """``rect`` mirrored in a row ``width`` wide, as ``QStyle.visualRect`` does right to left
    (which makes QStyle's 11 enum classes, issue 16)."""
    return QRect(width - rect.x() - rect.width(), rect.y(), rect.width(), rect.height())

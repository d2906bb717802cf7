"""Stop a widget's layout changes at its edge unless its size needs change.

Trap: Qt passes every layout change up to the window. A layout that was told to lay out
again calls ``updateGeometry()`` on its widget when done, whatever came of it, so a label that
takes another text, a row shown in a form or a line edit's clear button appearing lays out
every ancestor and its siblings again (in the composer: the group box, the scroll area and
the fields under them, 5-20 ms a click). A fence holds one widget without a layout: when the
widget asks, the fence compares the widget's size hints with those it last passed up and
stays quiet when they are the same.
"""

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QWidget

_Hints = tuple[QSize, QSize, QSize, QSize, int]


class LayoutFence(QWidget):
    """Holds ``inner`` at its own size and passes on only the changes its parent must see.

    ``widths=False``: the parent gives ``inner`` the width it has whatever it asks for (a
    word-wrapped label, a panel in a column wider than it needs), so only new heights are
    passed on (for a height-for-width widget, its height at the width it has).
    """

    def __init__(
        self, inner: QWidget, parent: QWidget | None = None, *, widths: bool = True
    ) -> None:
        super().__init__(parent)
        self.inner = inner
        self.widths = widths
        inner.setParent(self)
        self.setSizePolicy(inner.sizePolicy())
        self._hints: _Hints | None = None

    def _read(self) -> _Hints:
        inner = self.inner
        height = inner.heightForWidth(self.width()) if inner.hasHeightForWidth() else -1
        hint = inner.sizeHint()
        least = inner.minimumSizeHint().expandedTo(inner.minimumSize())
        if not self.widths and height >= 0:
            # A word-wrapped label's hints are for widths it will not get (its least size is
            # a word a line): its height at the width it has is what counts.
            hint, least = QSize(), QSize()
        elif not self.widths:
            hint, least = QSize(0, hint.height()), QSize(0, least.height())
        return (
            hint,
            least,
            inner.minimumSize(),
            inner.maximumSize(),
            height,
        )

    def sizeHint(self) -> QSize:
        return self.inner.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.inner.minimumSizeHint().expandedTo(self.inner.minimumSize())

    def hasHeightForWidth(self) -> bool:
        return self.inner.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return self.inner.heightForWidth(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.inner.setGeometry(self.rect())
        self._hints = self._read()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._changed()  # asks made while hidden were not passed on
        super().showEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # ``inner`` called updateGeometry()
            self._changed()
            return True
        return super().event(event)

    def _changed(self) -> None:
        hints = self._read()
        if hints != self._hints:
            self._hints = hints
            self.setSizePolicy(self.inner.sizePolicy())
            self.updateGeometry()

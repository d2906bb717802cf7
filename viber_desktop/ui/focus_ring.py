"""A two-pixel ring in the focus colour around the widget that has the focus."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFocusFrame, QProxyStyle, QScrollArea, QStyle, QWidget
from shiboken6 import isValid

from viber_desktop.ui.first_paint import after_first_paint

if TYPE_CHECKING:  # PySide makes a class's enums when it is first touched (issue 16)
    from PySide6.QtWidgets import QStyleHintReturn, QStyleOption


class RingStyle(QProxyStyle):
    """The focus frame's own style (no other widget's): the ring lies above the widget.

    Fusion puts a QFocusFrame under the widget, in its parent, where a tight layout (tool
    buttons side by side, a tab bar at the top of its pane) hides the ring. Above, the frame
    lives in the window (or the scroll area's viewport) and no neighbour covers it. Python
    runs for the frame's own style questions only, never for other widgets' painting.
    """

    def __init__(self) -> None:
        super().__init__("Fusion")

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: "QStyleOption | None" = None,
        widget: QWidget | None = None,
        returnData: "QStyleHintReturn | None" = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1
        return super().styleHint(hint, option, widget, returnData)


class FocusRing(QObject):
    """Moves one QFocusFrame to the focused widget.

    QFocusFrame follows the widget's moves and resizes in C++; Fusion fills it with its
    WindowText colour (here the focus colour), masked to a ring two pixels wide just outside
    the widget. Python runs once per focus change.
    """

    def __init__(self, app: QApplication, palette: QPalette) -> None:
        super().__init__(app)
        self.palette = palette
        self.style: RingStyle | None = None
        self.frame: QFocusFrame | None = None
        app.focusChanged.connect(self.follow)

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.style is None:
            # The first ring waits for the window's first paint (Fusion's own outline marks
            # a focused field until then): the frame's first style question costs 8-10 ms
            # once, PySide making every QStyleOption class and its enums (issue 16).
            self.style = RingStyle()
            self.style.setParent(self)
            after_first_paint(lambda: self.follow(None, QApplication.focusWidget()))
            return
        # A scroll area holding a whole form got no ring before either.
        if new is not None and isinstance(new, QScrollArea):
            new = None
        frame = self.frame
        # Trap: the frame lives in the focused widget's window or viewport and dies with it.
        if frame is None or not isValid(frame):
            if new is None:
                return
            frame = self.frame = QFocusFrame()
            frame.setStyle(self.style)
        # QFocusFrame copies the widget's palette when that one changes: set the ring's again.
        frame.setPalette(self.palette)
        frame.setWidget(new)  # type: ignore[arg-type]  # None: no widget (Qt takes a null)

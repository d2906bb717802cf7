"""A two-pixel ring in the focus colour around the widget that has the focus."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFocusFrame,
    QRadioButton,
    QScrollArea,
    QTabBar,
    QWidget,
)
from shiboken6 import isValid

from viber_desktop.ui.first_paint import after_first_paint

if TYPE_CHECKING:  # PySide makes a class's enums when it is first touched (issue 16)
    from PySide6.QtWidgets import QProxyStyle, QStyleHintReturn, QStyleOption

_ABOVE: "type[QProxyStyle] | None" = None


def above_style() -> "QProxyStyle":
    """The focus frame's style for one QFocusFrame.setWidget: the ring goes above the widget.

    Fusion puts a QFocusFrame under the widget, in its parent, where a flush layout (a field
    in its FieldBox, a tab bar at the top of its pane, tool buttons side by side) hides the
    ring. Above, it lives in the window (or the scroll area's viewport).

    Python answers only setWidget's first question, SH_FocusFrame_AboveWidget; the answer
    then removes itself, and shiboken, finding no Python method, leaves Fusion (C++) to answer
    the rest for good. Trap: a Python styleHint still there is handed the mask's QStyleOption,
    and PySide then makes every QStyleOption class and its enums (75 enum classes, 11-17 ms).
    Hence a new one per setWidget (0.3 ms). Should PySide ever keep calling it, it answers
    like Fusion, only slower.

    Trap: the class is made on first use, after the first paint: a QProxyStyle subclass makes
    QStyle's and QCommonStyle's enum classes, and its answer QStyleOption's and
    QStyleHintReturn's (about 14 ms of the start, issue 16).
    """
    global _ABOVE
    if _ABOVE is None:
        from PySide6.QtWidgets import QProxyStyle, QStyle

        class AboveStyle(QProxyStyle):
            def __init__(self) -> None:
                super().__init__("Fusion")
                self.styleHint = self.above  # type: ignore[method-assign]  # removable: on self

            def above(
                self,
                hint: QStyle.StyleHint,
                option: "QStyleOption | None" = None,
                widget: QWidget | None = None,
                returnData: "QStyleHintReturn | None" = None,
            ) -> int:
                if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
                    del self.styleHint
                    return 1
                return QProxyStyle.styleHint(self, hint, option, widget, returnData)

        _ABOVE = AboveStyle
    return _ABOVE()


class FocusRing(QObject):
    """Moves one QFocusFrame to the focused widget.

    QFocusFrame follows the widget's moves and resizes in C++; Fusion fills it with its
    WindowText colour (here the focus colour), masked to a ring two pixels wide just outside
    the widget. Python runs once per focus change.
    """

    def __init__(self, app: QApplication, palette: QPalette) -> None:
        super().__init__(app)
        self.palette = palette
        self.frame: QFocusFrame | None = None
        self._next: QWidget | None = None
        self._queued = False
        app.focusChanged.connect(self.follow)

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Ring ``new``; while a window starts, the last focus once it has painted (the
        ring's style is made on first use, see :func:`above_style`)."""
        self._next = new
        if not self._queued:
            self._queued = True
            after_first_paint(self._follow_next)

    def _follow_next(self) -> None:
        new, self._next, self._queued = self._next, None, False
        if new is not None and not isValid(new):
            new = QApplication.focusWidget()
        # A scroll area holding a whole form got no ring before either.
        if new is not None and isinstance(new, QScrollArea):
            new = None
        self._place(part_to_ring(new) if new is not None else None)
        frame = self.frame
        if new is not None and frame is not None and isValid(frame) and not frame.isVisible():
            # Trap: QFocusFrame hides itself when the widget is out of its scroll area's view
            # and shows again only on a new setWidget; Tab and a finding's "go to the field"
            # scroll the field into view just after focusing it.
            QTimer.singleShot(0, self._place_again)

    def _place_again(self) -> None:
        """Put the ring on the focused widget again, now that it may be in view."""
        frame = self.frame
        if frame is None or not isValid(frame) or frame.isVisible():
            return
        widget = frame.widget()
        focused = QApplication.focusWidget()
        if widget is not None and focused is not None and widget is part_to_ring(focused):
            self._place(None)  # setWidget does nothing for the widget it already has
            self._place(widget)

    def _place(self, new: QWidget | None) -> None:
        frame = self.frame
        # Trap: the frame lives in the focused widget's window or viewport and dies with it.
        if frame is None or not isValid(frame):
            if new is None:
                return
            frame = self.frame = QFocusFrame()
        # QFocusFrame copies the widget's palette when that one changes: set the ring's again.
        frame.setPalette(self.palette)
        if new is None:  # no widget, no place: the style's answer does not matter
            frame.setWidget(None)  # type: ignore[arg-type]  # Qt takes a null
            return
        style = above_style()
        frame.setStyle(style)
        frame.setWidget(new)
        frame.setStyle(None)  # type: ignore[arg-type]  # None: the application's style
        style.deleteLater()


PART = "focus_ring_part"
"""Object name of the child that stands for the part of a widget the ring goes round."""


def part_to_ring(widget: QWidget) -> QWidget:
    """``widget``, or a child standing for the part of it that has the focus: a tab bar's
    current tab (a document-mode bar spans the window), a check box's or radio button's box
    and label (a form row stretches it far past them)."""
    if isinstance(widget, QTabBar) and widget.currentIndex() >= 0:
        rect = widget.tabRect(widget.currentIndex())
    elif isinstance(widget, (QCheckBox, QRadioButton)):
        width = min(widget.width(), widget.sizeHint().width())
        left = widget.width() - width if widget.isRightToLeft() else 0
        rect = QRect(left, 0, width, widget.height())
    else:
        return widget
    part = widget.findChild(QWidget, PART, Qt.FindChildOption.FindDirectChildrenOnly)
    if part is None:
        part = QWidget(widget)
        part.setObjectName(PART)
        part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        part.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if isinstance(widget, QTabBar):  # arrow keys move the focus from tab to tab
            widget.currentChanged.connect(lambda _index: _fit(widget, part))
    part.setGeometry(rect)
    part.show()
    return part


def _fit(widget: QWidget, part: QWidget) -> None:
    """Move ``part`` (the ring follows it) onto ``widget``'s part with the focus."""
    if isValid(widget) and isValid(part):
        part_to_ring(widget)

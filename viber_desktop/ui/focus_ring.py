"""A two-pixel ring in the focus colour around the widget that has the focus."""

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QPalette, QRegion
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QRadioButton,
    QScrollArea,
    QTabBar,
    QToolBar,
    QWidget,
)
from shiboken6 import isValid

WIDTH = 2
"""The ring's width all round, in pixels (Fusion's focus frame margins)."""

RING = "qt_rubberband"
"""Object name of the ring."""

_MOVES = frozenset((QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show))
_FOLLOWED = _MOVES | {QEvent.Type.Hide, QEvent.Type.ZOrderChange, QEvent.Type.ParentChange}


class FocusRing(QObject):
    """Keeps one ring round the focused widget: what Qt's QFocusFrame does "above the widget",
    which no Linux style asks of it (Fusion puts it under the widget, in its parent, where a
    flush layout hides it; a Python QStyle answering "above" cost 10-17 ms of every start).

    The ring is a plain widget in the widget's window, tool bar or scroll area viewport,
    raised, filled in C++ (its palette's Window colour) and masked to two pixels just outside
    the widget. It follows the widget's and its ancestors' moves and resizes through an event
    filter; nothing in Python paints it.
    """

    def __init__(self, app: QApplication, palette: QPalette) -> None:
        """``palette``: the ring's, its Window colour the ring's (theme.ring_palette)."""
        super().__init__(app)
        self.palette = palette
        self.frame: QWidget | None = None
        self._widget: QWidget | None = None
        self._between: list[QWidget] = []  # the widget's ancestors below the ring's parent
        self._watched: list[QWidget] = []
        self._mask: QRegion | None = None
        app.focusChanged.connect(self.follow)

    def widget(self) -> QWidget | None:
        """The widget the ring goes round (None: none)."""
        widget = self._widget
        return widget if widget is not None and isValid(widget) else None

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Ring ``new`` (at once, also while a window starts: its first frame shows the ring
        round the field that has the focus; placing it costs no QStyle now)."""
        # A scroll area holding a whole form got no ring before either.
        if new is not None and isinstance(new, QScrollArea):
            new = None
        new = part_to_ring(new) if new is not None else None
        frame = self.frame
        if new is None or new is not self.widget() or frame is None or not isValid(frame):
            self._place(new)

    def _place(self, new: QWidget | None) -> None:
        for watched in self._watched:
            if isValid(watched):
                watched.removeEventFilter(self)
        self._watched, self._between, self._widget = [], [], None
        # Trap: parent(), not parentWidget(): PySide makes every lazy Qt class (171 enum
        # classes, 13 ms) when a function typed QWidget* hands it a plain QWidget made in C++
        # (a scroll area's viewport); so does QObject.inherits.
        parent = new.parent() if new is not None else None
        if new is None or not isinstance(parent, QWidget) or new.isWindow():
            if self.frame is not None and isValid(self.frame):
                self.frame.hide()
            return
        # Like QFocusFrame: the nearest window or tool bar, or a scroll area's viewport.
        between: list[QWidget] = []
        while not (parent.isWindow() or isinstance(parent, QToolBar)):
            if isinstance(parent, QAbstractScrollArea):
                parent = between.pop() if between else parent
                break
            grand = parent.parent()
            if not isinstance(grand, QWidget):
                break
            between.append(parent)
            parent = grand
        frame = self._frame_in(parent)
        self._widget, self._between = new, between
        # Not the ring's parent: the ring moves with it (and a window's events are many).
        self._watched = [new, *between]
        for watched in self._watched:
            watched.installEventFilter(self)
        self._fit(shown=True)
        frame.raise_()

    def _frame_in(self, parent: QWidget) -> QWidget:
        """The ring, a child of ``parent``."""
        frame = self.frame
        # Trap: the ring lives in the focused widget's window or viewport and dies with it.
        if frame is None or not isValid(frame):
            frame = self.frame = QWidget()
            # Qt's name for a drawn-only helper (a splitter's or dock's rubber band), which
            # accessibility leaves out of the tree, as it leaves out a QFocusFrame.
            frame.setObjectName(RING)
            # Not a child a layout-minding parent (a splitter) sees; no mouse, no focus.
            frame.setAttribute(Qt.WidgetAttribute.WA_NoChildEventsForParent)
            frame.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            frame.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            frame.setAutoFillBackground(True)
            frame.setPalette(self.palette)
            # Trap: a widget without a role of its own fills with its parent's (a tool bar's
            # is Button): the ring would vanish into the tool bar.
            frame.setBackgroundRole(QPalette.ColorRole.Window)
            self._mask = None
        if frame.parent() is not parent:
            frame.setParent(parent)
        return frame

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _FOLLOWED:  # Trap: runs for every event of these widgets; keep it short
            if kind in _MOVES:
                self._fit(shown=True)
            elif kind == QEvent.Type.Hide:
                self._fit(shown=watched is not self._widget)
            elif kind == QEvent.Type.ZOrderChange:
                if self.frame is not None and isValid(self.frame):
                    self.frame.raise_()
            else:  # ParentChange: the ring may need another parent
                self._place(self.widget())
        return False

    def _fit(self, *, shown: bool) -> None:
        """Put the ring round the widget, masked to what of it is in view."""
        widget, frame = self._widget, self.frame
        if widget is None or frame is None or not isValid(widget) or not isValid(frame):
            return
        parent = frame.parent()
        if not isinstance(parent, QWidget):
            return
        width, height = widget.width(), widget.height()
        at = widget.mapTo(parent, QPoint(0, 0))
        rect = QRect(at.x() - WIDTH, at.y() - WIDTH, width + 2 * WIDTH, height + 2 * WIDTH)
        if frame.geometry() != rect:
            frame.setGeometry(rect)
        # As QFocusFrame paints: the part of the widget its ancestors show, grown by the ring.
        clip, offset, child = QRect(0, 0, width, height), QPoint(0, 0), widget
        for ancestor in self._between:
            offset -= child.pos()
            clip &= QRect(offset, ancestor.size())
            child = ancestor
        mask = QRegion(0, 0, rect.width(), rect.height()).subtracted(
            QRegion(WIDTH, WIDTH, width, height)
        )
        if clip != QRect(0, 0, width, height):
            mask = mask.intersected(QRegion(clip.adjusted(0, 0, 2 * WIDTH, 2 * WIDTH)))
        if mask != self._mask:
            self._mask = mask
            frame.setMask(mask)
        frame.setVisible(shown and widget.isVisible() and parent.rect().intersects(rect))


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

"""Tab / Shift+Tab in the window: its areas in a fixed order, and no stops on what takes no input.

Qt's own chain follows the order widgets were made in, and the composer builds a type's form
when it is first shown, so that form would come after the whole window. Here the areas come in
the order the window gives, and inside an area the widgets in the order they were put in
their parents (a tab widget's tabs before its page).

Trap: the walk never asks Qt for its chain from Python. PySide ties the widget that
``nextInFocusChain()`` / ``previousInFocusChain()`` returns to the widget asked, as if it were
its child: when the asked widget is deleted (a preview page redrawn, a lazy tab's
placeholder), the wrapper of the one after it dies too ("Internal C++ object already deleted")
and so on down the chain (tests/ui/test_tab_order.py reproduces it).
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QButtonGroup,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QWidget,
)

Areas = Callable[[], Sequence[QWidget | None]]
"""The window's areas in Tab order (asked on every key press: forms come and go)."""


def takes_input(widget: QWidget) -> bool:
    """True for a widget Tab should stop at: it takes focus by Tab, is shown and enabled, and
    is not a view that only shows (a read-only text or a preview), unless the keys scroll it."""
    # Start-up: imported on the first Tab, not with the window (six enum classes, 1-2 ms).
    from PySide6.QtWidgets import QAbstractSpinBox, QTextEdit

    if widget.focusProxy() is not None or not widget.isVisible() or not widget.isEnabled():
        return False
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return False
    if isinstance(widget, QScrollArea):
        inner = widget.widget()
        fields = inner is not None and any(
            child.focusPolicy() & Qt.FocusPolicy.TabFocus for child in inner.findChildren(QWidget)
        )
        return not fields and _scrolls(widget)  # else its fields are the stops
    if isinstance(widget, QTextEdit | QPlainTextEdit) and widget.isReadOnly():
        return _scrolls(widget)
    if isinstance(widget, QLineEdit) and widget.isReadOnly():
        return False
    if isinstance(widget, QAbstractButton) and _unchecked_choice(widget):
        return False  # as in Qt: one stop per choice, the arrows move inside it
    # The line edit inside an editable combo box or a spin box is not a stop of its own.
    return not isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox)


def _unchecked_choice(button: QAbstractButton) -> bool:
    """True for an unchecked button of a one-of-several choice that has a checked one."""
    if not button.isCheckable() or button.isChecked():
        return False
    group: QButtonGroup | None = button.group()
    if group is not None:
        return group.exclusive() and group.checkedButton() is not None
    parent = button.parentWidget()
    if not button.autoExclusive() or parent is None:
        return False
    return any(
        other.autoExclusive() and other.isChecked() and other.group() is None
        for other in parent.findChildren(
            QAbstractButton, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
    )


def _scrolls(view: QAbstractScrollArea) -> bool:
    return view.verticalScrollBar().maximum() > 0 or view.horizontalScrollBar().maximum() > 0


class TabOrder(QObject):
    """Moves the focus through the stops of ``areas()`` of ``window``, wrapping at the ends."""

    def __init__(self, window: QWidget, areas: Areas) -> None:
        super().__init__(window)
        self.window = window
        self.areas = areas

    def stops(self) -> list[QWidget]:
        """Every widget Tab stops at now, in order."""
        return [widget for widget, is_stop in self._walk() if is_stop]

    def move(self, forward: bool) -> bool:
        """Focus the next (previous) stop; False when the focus is outside every area."""
        focus = QApplication.focusWidget()
        walk = self._walk()
        stops = [widget for widget, is_stop in walk if is_stop]
        if focus is None or not stops:
            return False
        if focus in stops:
            here = stops.index(focus)
            target = stops[(here + (1 if forward else -1)) % len(stops)]
        else:  # on a widget that is no stop (clicked, or being hidden): go on from there
            at = next((i for i, (widget, _) in enumerate(walk) if widget is focus), None)
            if at is None:
                return False
            after = [w for w, is_stop in walk[at + 1 :] if is_stop]
            before = [w for w, is_stop in walk[:at] if is_stop]
            if forward:
                target = after[0] if after else stops[0]
            else:
                target = before[-1] if before else stops[-1]
        reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        scroll_to(target)
        return True

    def _walk(self) -> list[tuple[QWidget, bool]]:
        """The widgets of the shown areas, area by area, and which are stops."""
        areas = [area for area in self.areas() if area is not None]
        others = set(areas)
        walk: list[tuple[QWidget, bool]] = []
        for area in dict.fromkeys(areas):
            if area.isVisible():
                walk += [(widget, takes_input(widget)) for widget in _tree(area, others)]
        return walk


def _tree(area: QWidget, areas: set[QWidget]) -> list[QWidget]:
    """``area`` and the widgets inside it but not inside another of ``areas``, each parent
    before its children, children in the order they were put in (findChildren's order), a
    tab widget's tab bar before its pages."""
    found: list[QWidget] = [area]
    children = area.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if isinstance(area, QTabWidget):
        bar = area.tabBar()
        children.sort(key=lambda child: child is not bar)
    for child in children:
        # A dialog or menu parented here is a window of its own, no part of the area.
        if child not in areas and not child.isWindow():
            found += _tree(child, areas)
    return found


def scroll_to(widget: QWidget) -> None:
    """Bring ``widget`` into view in the scroll areas around it (Qt does it only for its own
    chain's moves)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            inner: QWidget | None = parent.widget()
            if inner is not None and inner.isAncestorOf(widget):
                parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()

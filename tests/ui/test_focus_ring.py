"""The focus ring's pixels, as Qt's QFocusFrame drew them above the widget: two pixels in the
focus colour just outside the focused widget (or its focused part), clipped to the scroll
area's view, following the widget when the form scrolls, the window resizes, right to left.

Each image is compared with the same window with the ring hidden: the ring changes exactly
the pixels of its expected rectangles and nothing else.
"""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QRegion
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTabBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from tests.ui.styled import app_ring
from viber_desktop.ui.focus_ring import WIDTH, FocusRing, part_to_ring
from viber_desktop.ui.theme import focus_color


@pytest.fixture(params=["light", "dark"])
def ring(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[FocusRing]:
    """The app's style and focus ring; the test app's own come back afterwards."""
    yield from app_ring(qapp, dark=request.param == "dark")


def flush(widget: QWidget) -> QWidget:
    """``widget`` in a container with no margins, as the window's fields sit in a FieldBox."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(widget)
    return box


def shown(qtbot: QtBot, window: QWidget, width: int, height: int) -> QWidget:
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def ring_region(window: QWidget, part: QWidget, clip: QRect | None = None) -> QRegion:
    """Where the ring should be, in ``window``'s pixels: ``part`` grown by two pixels, less
    ``part``, within ``clip`` (the scroll area's view)."""
    rect = QRect(part.mapTo(window, QPoint(0, 0)), part.size())
    ring = QRegion(rect.adjusted(-WIDTH, -WIDTH, WIDTH, WIDTH)).subtracted(QRegion(rect))
    return ring.intersected(QRegion(clip)) if clip is not None else ring


def focus(qtbot: QtBot, ring: FocusRing, widget: QWidget) -> QWidget:
    """Give ``widget`` the focus; the part the ring goes round once it is there."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    part = part_to_ring(widget)
    qtbot.waitUntil(lambda: ring.widget() is part and ring.frame is not None)
    assert ring.frame is not None and ring.frame.isVisible()
    return part


def rects(region: QRegion) -> list[QRect]:
    """The rectangles ``region`` is made of (PySide iterates a QRegion; its stubs say not)."""
    return list(region)  # type: ignore[call-overload]


def check_ring(window: QWidget, ring: FocusRing, expected: QRegion) -> None:
    """The ring's pixels are exactly ``expected``, in the focus colour."""
    frame = ring.frame
    assert frame is not None and isValid(frame)
    QApplication.processEvents()
    with_ring = window.grab().toImage()
    frame.hide()
    without = window.grab().toImage()
    frame.show()
    color = focus_color(window.palette()).rgb()
    changed = QRegion()
    for y in range(with_ring.height()):
        for x in range(with_ring.width()):
            if with_ring.pixel(x, y) != without.pixel(x, y):
                changed = changed.united(QRect(x, y, 1, 1))
    want = expected.intersected(QRegion(window.rect()))
    # QRegion's == compares how the region is cut into rectangles, not what it covers.
    assert changed.xored(want).isEmpty(), (
        rects(changed.subtracted(want)),  # changed, where no ring should be
        rects(want.subtracted(changed)),  # no ring, where it should be
    )
    for rect in rects(expected):
        for point in (rect.topLeft(), rect.bottomRight()):
            assert with_ring.pixel(point) == color, point


def test_ring_round_a_field_a_button_a_tab_and_a_check_box(qtbot: QtBot, ring: FocusRing) -> None:
    tabs = QTabBar()
    tabs.addTab("Compose")
    tabs.addTab("History")
    widgets = [QLineEdit("text"), QPushButton("Send"), tabs, QCheckBox("Attach a keyboard")]
    window = QWidget()
    grid = QGridLayout(window)
    for i, widget in enumerate(widgets):
        grid.addWidget(flush(widget), i // 2, i % 2)
    shown(qtbot, window, 500, 160)
    for widget in widgets:
        part = focus(qtbot, ring, widget)
        check_ring(window, ring, ring_region(window, part))
    tabs.setFocus()
    qtbot.keyClick(tabs, Qt.Key.Key_Right)  # the next tab
    check_ring(window, ring, ring_region(window, part_to_ring(tabs)))


def test_ring_follows_a_field_when_the_form_scrolls(qtbot: QtBot, ring: FocusRing) -> None:
    form = QWidget()
    column = QVBoxLayout(form)
    fields = [QLineEdit(f"field {i}") for i in range(20)]
    for field in fields:
        column.addWidget(flush(field))
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(form)
    window = QWidget()
    QVBoxLayout(window).addWidget(area)
    shown(qtbot, window, 300, 250)
    view = QRect(area.viewport().mapTo(window, QPoint(0, 0)), area.viewport().size())
    field = fields[3]
    focus(qtbot, ring, field)
    check_ring(window, ring, ring_region(window, field, view))
    before = field.mapTo(window, QPoint(0, 0))
    area.verticalScrollBar().setValue(field.mapTo(form, QPoint(0, 10)).y())  # half out, at the top
    QApplication.processEvents()
    assert field.mapTo(window, QPoint(0, 0)) != before
    check_ring(window, ring, ring_region(window, field, view))
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())  # out of view
    QApplication.processEvents()
    assert ring.frame is not None and not ring.frame.isVisible()
    area.verticalScrollBar().setValue(0)  # back: the ring with it
    QApplication.processEvents()
    check_ring(window, ring, ring_region(window, field, view))


def test_ring_follows_a_field_when_the_window_resizes(qtbot: QtBot, ring: FocusRing) -> None:
    window = QWidget()
    column = QVBoxLayout(window)
    field = QLineEdit("text")
    column.addStretch()
    column.addWidget(flush(field))
    shown(qtbot, window, 300, 120)
    focus(qtbot, ring, field)
    before = QRect(field.mapTo(window, QPoint(0, 0)), field.size())
    window.resize(420, 200)
    qtbot.waitUntil(lambda: window.width() == 420)
    QApplication.processEvents()
    assert QRect(field.mapTo(window, QPoint(0, 0)), field.size()) != before
    check_ring(window, ring, ring_region(window, field))


def test_ring_right_to_left(qtbot: QtBot, ring: FocusRing) -> None:
    window = QWidget()
    window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    column = QVBoxLayout(window)
    field, check = QLineEdit("نص"), QCheckBox("Attach a keyboard")
    column.addWidget(flush(field))
    column.addWidget(flush(check))
    shown(qtbot, window, 500, 120)
    focus(qtbot, ring, field)
    check_ring(window, ring, ring_region(window, field))
    part = focus(qtbot, ring, check)
    assert part.geometry().right() == check.width() - 1  # the box and label, on the right
    check_ring(window, ring, ring_region(window, part))


def test_ring_takes_no_click_no_focus_and_is_not_in_the_accessibility_tree(
    qtbot: QtBot, ring: FocusRing
) -> None:
    """As QFocusFrame: the window's accessible children leave it out."""
    window = QWidget()
    field = QLineEdit("text")
    QVBoxLayout(window).addWidget(flush(field))
    shown(qtbot, window, 300, 80)
    focus(qtbot, ring, field)
    frame = ring.frame
    assert frame is not None and frame.parent() is window
    on_ring = field.mapTo(window, QPoint(-1, field.height() // 2))
    assert window.childAt(on_ring) is not frame
    assert frame.focusPolicy() == Qt.FocusPolicy.NoFocus
    accessible = QAccessible.queryAccessibleInterface(frame)
    assert accessible is not None and not accessible.state().focusable
    parent = QAccessible.queryAccessibleInterface(window)
    assert parent is not None and parent.indexOfChild(accessible) == -1
    children = [parent.child(i).object() for i in range(parent.childCount())]
    assert frame not in children and len(children) == 1


def test_ring_of_a_field_its_container_cuts_and_moves(qtbot: QtBot, ring: FocusRing) -> None:
    """As QFocusFrame painted: round the part of the field its container shows, grown by the
    ring (open where the container cuts it), and with the container when it moves."""
    window = QWidget()
    box = QWidget(window)
    box.setGeometry(20, 20, 120, 40)
    field = QLineEdit("clipped", box)
    field.setGeometry(10, 10, 200, 24)  # past the box's right edge
    shown(qtbot, window, 300, 120)
    for at in (QPoint(20, 20), QPoint(30, 25)):
        box.move(at)
        focus(qtbot, ring, field)
        shows = QRect(box.mapTo(window, QPoint(0, 0)), box.size())
        cut = shows.intersected(QRect(field.mapTo(window, QPoint(0, 0)), field.size()))
        check_ring(
            window, ring, ring_region(window, field, cut.adjusted(-WIDTH, -WIDTH, WIDTH, WIDTH))
        )
        assert cut.right() < field.mapTo(window, QPoint(field.width() - 1, 0)).x()


def test_ring_round_a_button_in_a_tool_bar(qtbot: QtBot, ring: FocusRing) -> None:
    # The window's profile bar: the ring is the tool bar's child, which fills with Button.
    window = QMainWindow()
    bar = QToolBar("Profile")
    send = QPushButton("Send")
    bar.addWidget(QPushButton("Token…"))
    bar.addWidget(send)
    window.addToolBar(bar)
    window.setCentralWidget(QLineEdit("text"))
    shown(qtbot, window, 400, 120)
    part = focus(qtbot, ring, send)
    assert ring.frame is not None and ring.frame.parent() is bar
    check_ring(window, ring, ring_region(window, part))

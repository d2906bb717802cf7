"""What the user sees, measured in rendered pixels: field, check box and list borders and the
focus ring meet WCAG AA (3:1) in the light and dark palettes, with the app's style installed.

Each widget sits flush in a container of its own, as the window's fields do (a FieldBox with
no margins): a ring drawn in the widget's parent would lose its edges there.
"""

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from tests.ui.styled import app_ring
from viber_desktop.ui.focus_ring import FocusRing, part_to_ring
from viber_desktop.ui.theme import contrast, focus_color, is_dark

BORDERED = ("line edit", "text box", "combo box", "check box", "radio button", "list")


@pytest.fixture(params=["light", "dark"])
def ring(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[FocusRing]:
    """The app's style, palette and focus ring; the test app's own come back afterwards."""
    yield from app_ring(qapp, dark=request.param == "dark")


def build(qtbot: QtBot) -> tuple[QWidget, dict[str, QWidget]]:
    combo = QComboBox()
    combo.addItems(["Text", "Picture"])
    tabs = QTabBar()
    tabs.addTab("Compose")
    tabs.addTab("History")
    rows = QListWidget()
    rows.addItems(["one", "two"])
    tool = QToolButton()
    tool.setText("B")
    widgets: dict[str, QWidget] = {
        "line edit": QLineEdit("text"),
        "text box": QPlainTextEdit("text"),
        "combo box": combo,
        "check box": QCheckBox("Attach"),
        "radio button": QRadioButton("Radio"),
        "list": rows,
        "button": QPushButton("Send"),
        "tab bar": tabs,
        "tool button": tool,
    }
    window = QWidget()
    grid = QGridLayout(window)
    grid.setSpacing(14)
    for i, widget in enumerate(widgets.values()):
        if isinstance(widget, (QPlainTextEdit, QListWidget)):
            widget.setFixedHeight(60)
        box = QWidget()  # flush: the widget touches its container's edges
        flush = QHBoxLayout(box)
        flush.setContentsMargins(0, 0, 0, 0)
        flush.addWidget(widget)
        grid.addWidget(box, i // 3, i % 3)
    qtbot.addWidget(window)
    window.resize(600, 300)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window, widgets


def ringed(ring: FocusRing) -> QWidget | None:
    """The widget the ring is around (None: no ring shown)."""
    frame = ring.frame
    if frame is None or not isValid(frame) or not frame.isVisible():
        return None
    return ring.widget()


def rect_in(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def outline(image: QImage, rect: QRect) -> tuple[QColor, QColor, QColor]:
    """Outside, edge and inside colours across the left edge, at the middle row (the text
    starts 3 px in)."""
    y = rect.center().y()
    outside = QColor(image.pixel(rect.left() - 4, y))
    edge = max(
        (QColor(image.pixel(rect.left() + dx, y)) for dx in range(2)),
        key=lambda color: contrast(color, outside),
    )
    return outside, edge, QColor(image.pixel(rect.left() + 2, y))


def test_borders_of_fields_check_boxes_and_lists(qtbot: QtBot, ring: FocusRing) -> None:
    window, widgets = build(qtbot)
    window.setFocus()
    image = window.grab().toImage()
    for name in BORDERED:
        outside, edge, inside = outline(image, rect_in(window, widgets[name]))
        assert contrast(edge, outside) >= 3, (name, edge.name(), outside.name())
        assert contrast(edge, inside) >= 3, (name, edge.name(), inside.name())


def test_focus_ring_on_all_four_sides(qtbot: QtBot, ring: FocusRing) -> None:
    window, widgets = build(qtbot)
    ring_color = focus_color(window.palette())
    for name, widget in widgets.items():
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        part = part_to_ring(widget)  # a tab bar's current tab, a check box's box and label
        qtbot.waitUntil(lambda p=part: ringed(ring) is p)  # type: ignore[misc]
        image = window.grab().toImage()
        r = rect_in(window, part)
        c = r.center()
        sides = {  # the side's middle pixel on the widget's edge, and the way out
            "left": (QPoint(r.left(), c.y()), QPoint(-1, 0)),
            "right": (QPoint(r.right(), c.y()), QPoint(1, 0)),
            "top": (QPoint(c.x(), r.top()), QPoint(0, -1)),
            "bottom": (QPoint(c.x(), r.bottom()), QPoint(0, 1)),
        }
        for side, (edge, out) in sides.items():
            for step in (1, 2):  # two pixels wide, just outside the widget
                color = QColor(image.pixel(edge + out * step))
                assert color == ring_color, (name, side, step, color.name(), ring_color.name())
            background = QColor(image.pixel(edge + out * 4))
            assert contrast(ring_color, background) >= 3, (name, side, background.name())


def test_the_ring_goes_round_the_focused_tab_and_a_check_boxs_label(
    qtbot: QtBot, ring: FocusRing
) -> None:
    """Not round a whole document-mode tab bar or a check box stretched along a form row."""
    window = QWidget()
    tabs = QTabBar()
    tabs.setDocumentMode(True)
    tabs.setExpanding(False)
    for name in ("Compose", "History"):
        tabs.addTab(name)
    check = QCheckBox("Attach a keyboard")
    layout = QVBoxLayout(window)
    layout.addWidget(tabs)
    layout.addWidget(check)
    qtbot.addWidget(window)
    window.resize(700, 200)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    tabs.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: ringed(ring) is not None)
    ringed_part = ringed(ring)
    assert ringed_part is not None and ringed_part.parent() is tabs
    assert ringed_part.geometry() == tabs.tabRect(0)
    qtbot.keyClick(tabs, Qt.Key.Key_Right)  # the focus moves to the next tab
    assert tabs.currentIndex() == 1 and ringed_part.geometry() == tabs.tabRect(1)
    check.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: ringed(ring) is not None and ringed(ring) is not ringed_part)
    boxed = ringed(ring)
    assert boxed is not None and boxed.parent() is check
    assert check.width() > 600 and boxed.width() == check.sizeHint().width()


def test_dark_is_told_by_fields_too(qtbot: QtBot, ring: FocusRing) -> None:
    """Fields get a Window colour of their own (the one Fusion darkens into their border):
    counters and notes that ask a field whether the theme is dark must still be told."""
    window, widgets = build(qtbot)
    for widget in widgets.values():
        assert is_dark(widget) == is_dark(window) == is_dark(), type(widget).__name__


def test_no_python_paints_the_widgets(qtbot: QtBot, ring: FocusRing, qapp: QApplication) -> None:
    """A Python style in the paint path cost 30-40 ms of every start (issue 16)."""
    assert qapp.style().metaObject().className() == "QFusionStyle"
    assert type(qapp.style()).__module__.startswith("PySide6")


def test_ring_outlives_a_closed_dialog_and_skips_scroll_areas(
    qtbot: QtBot, ring: FocusRing
) -> None:
    window, widgets = build(qtbot)
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: ringed(ring) is field)
    dialog.close()
    dialog.deleteLater()  # the ring lived in the dialog and goes with it
    qtbot.waitUntil(lambda: ring.frame is not None and not isValid(ring.frame))
    window.activateWindow()
    line = widgets["line edit"]
    line.setFocus()
    qtbot.waitUntil(lambda: ringed(ring) is line)

    area = QScrollArea(window)
    area.setWidget(QWidget())
    area.show()
    area.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is area)
    assert ringed(ring) is None


def test_scroll_bar_corner_shows_the_window(qtbot: QtBot, ring: FocusRing) -> None:
    """The fields' own Window colour only sets their outline: the corner between a text box's
    two scroll bars (the JSON editor's, unwrapped) is the window's colour, not that grey."""
    window = QWidget()
    editor = QPlainTextEdit("\n".join("x" * 300 for _ in range(60)), window)
    editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    editor.setGeometry(10, 10, 300, 150)
    qtbot.addWidget(window)
    window.resize(320, 170)
    window.show()
    qtbot.waitExposed(window)
    bars = editor.horizontalScrollBar(), editor.verticalScrollBar()
    assert all(bar.isVisible() for bar in bars)
    across, down = (bar.mapTo(window, bar.rect().center()) for bar in bars)
    image = window.grab().toImage()
    corner = QColor(image.pixel(down.x(), across.y()))
    assert corner == window.palette().color(QPalette.ColorRole.Window), corner.name()


RING_SCRIPT = """
import sys
from PySide6 import QtWidgets
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QScrollArea, QWidget
from viber_desktop.ui.style import install_style, new_app

app = new_app([sys.argv[0]])
ring = install_style(app, dark=False)
window = QWidget()
box = QHBoxLayout(window)
area = QScrollArea()
inner = QLineEdit()
area.setWidget(inner)
fields = [QLineEdit(), QLineEdit(), inner]
for field in fields[:2]:
    box.addWidget(field)
box.addWidget(area)
window.show()
for field in fields + fields:
    field.setFocus()
    app.processEvents()
    assert ring.widget() is field
window.resize(700, 200)
app.processEvents()
watched = ("QStyle", "QProxyStyle", "QStyleOptionFrame", "QStyleHintReturnMask", "QFileDialog")
made = [n for n in watched if n in vars(QtWidgets)]
print("MADE=" + ",".join(made))
"""


def test_ring_hands_python_no_style_option() -> None:
    """The ring asks no style in Python: a Python QStyle made QStyle's enum classes, and a
    QStyleOption handed to Python every QStyleOption class (75 enum classes, 11-17 ms); nor
    does it make every lazy class (QFileDialog's) on the scroll area's viewport."""
    out = subprocess.run(
        [sys.executable, "-c", RING_SCRIPT],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=True,
    ).stdout
    assert "MADE=\n" in out, out

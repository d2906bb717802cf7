"""A fence passes a widget's layout changes up only when its size needs change."""

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_fix_row import LayoutRequests
from viber_desktop.ui.layout_fence import LayoutFence


def test_a_new_text_of_the_same_height_stays_inside(qtbot: QtBot) -> None:
    outer = QWidget()
    qtbot.addWidget(outer)
    label = QLabel("Button 1 of 42: Buy")
    label.setWordWrap(True)
    fence = LayoutFence(label, widths=False)
    layout = QVBoxLayout(outer)
    layout.addWidget(fence)
    layout.addWidget(QLabel("under it"))
    outer.resize(300, 200)
    outer.show()
    qtbot.waitExposed(outer)
    qtbot.wait(50)  # the first layout settles
    requests = LayoutRequests()
    outer.installEventFilter(requests)
    label.setText("Button 2 of 42: Size M")
    qtbot.wait(20)
    assert requests.seen == 0
    assert label.geometry() == fence.rect()
    label.setText("A much longer name " * 12)  # wraps onto more lines: the window must know
    qtbot.waitUntil(lambda: requests.seen > 0)
    qtbot.waitUntil(lambda: fence.height() >= label.heightForWidth(fence.width()))
    assert label.geometry() == fence.rect()


def test_widths_count_unless_told_not_to(qtbot: QtBot) -> None:
    outer = QWidget()
    qtbot.addWidget(outer)
    inner = QLabel("short")
    fence = LayoutFence(inner)
    QVBoxLayout(outer).addWidget(fence)
    outer.show()
    qtbot.waitExposed(outer)
    requests = LayoutRequests()
    outer.installEventFilter(requests)
    inner.setText("a good deal wider than before")
    qtbot.waitUntil(lambda: requests.seen > 0)
    assert fence.sizeHint() == inner.sizeHint()

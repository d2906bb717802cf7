"""A field that gets the focus below the composer's view is scrolled to, with its ring around it.

QFocusFrame hides itself when its widget is outside the scroll area's view at the moment the
focus moves, and Tab (and a finding) scroll only after focusing: the ring stayed hidden on
every field Tab brought into view.
"""

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from tests.ui.styled import app_ring
from viber_desktop.ui import first_paint
from viber_desktop.ui.assets import sample_payload
from viber_desktop.ui.focus_ring import FocusRing
from viber_desktop.ui.main_window import MainWindow


@pytest.fixture
def ring(qapp: QApplication) -> Iterator[FocusRing]:
    """The app's style and focus ring; the test app's own come back afterwards."""
    yield from app_ring(qapp, dark=False)


def ringed(ring: FocusRing) -> QWidget | None:
    frame = ring.frame
    if frame is None or not isValid(frame) or not frame.isVisible():
        return None
    return ring.widget()


def test_ring_shows_on_a_field_scrolled_into_view(qtbot: QtBot, ring: FocusRing) -> None:
    form = QWidget()
    top, bottom = QLineEdit("top"), QLineEdit("bottom")
    column = QVBoxLayout(form)
    column.addWidget(top)
    column.addSpacing(2000)
    column.addWidget(bottom)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(form)
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    area.activateWindow()
    top.setFocus()
    qtbot.waitUntil(lambda: ringed(ring) is top)
    bottom.setFocus()  # as Tab does: focus, then scroll
    area.ensureWidgetVisible(bottom)
    qtbot.waitUntil(lambda: ringed(ring) is bottom)
    assert not bottom.visibleRegion().isEmpty()


def test_a_finding_scrolls_the_composer_to_its_field(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1024, 700)
    payload = sample_payload("rich_media")
    payload["tracking_data"] = "x" * 5000  # an error in the last fields of a long form
    window.composer.load_payload(payload)
    window.composer.receiver.setFocus()
    tracking = window.composer.tracking
    qtbot.waitUntil(lambda: window.findings.list.count() > 0)
    qtbot.waitUntil(lambda: tracking.visibleRegion().isEmpty())
    rows = [window.findings.list.item(i) for i in range(window.findings.list.count())]
    item = next(row for row in rows if "/tracking_data" in row.text())
    window.findings.list.itemActivated.emit(item)
    qtbot.waitUntil(lambda: window.focusWidget() is tracking)
    qtbot.waitUntil(lambda: not tracking.visibleRegion().isEmpty())


def test_a_starting_window_shows_the_ring_in_its_first_frame(qtbot: QtBot, ring: FocusRing) -> None:
    """The ring costs no QStyle now (issue 16): while a window starts it goes round the
    focused widget at once, so the first frame shows it (cold review: it came 20-100 ms
    after the first paint when it waited for it)."""
    window = QWidget()
    first, second = QLineEdit("first"), QLineEdit("second")
    column = QVBoxLayout(window)
    column.addWidget(first)
    column.addWidget(second)
    qtbot.addWidget(window)
    first_paint.hold()
    try:
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        first.setFocus()
        second.setFocus()
        qtbot.waitUntil(lambda: ringed(ring) is second, timeout=1000)  # held work waits
    finally:
        first_paint.release()
    first.setFocus()
    assert ringed(ring) is first

"""The app's style, palette and focus ring on the test application, undone afterwards."""

from collections.abc import Iterator

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QStyleFactory

from viber_desktop.ui.focus_ring import FocusRing
from viber_desktop.ui.style import install_style


def app_ring(qapp: QApplication, *, dark: bool) -> Iterator[FocusRing]:
    """For a fixture: ``yield from app_ring(qapp, dark=...)``."""
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    ring = install_style(qapp, dark=dark)
    yield ring
    qapp.focusChanged.disconnect(ring.follow)
    ring.setParent(None)
    qapp.setStyle(QStyleFactory.create(style))
    qapp.setPalette(palette)  # a new application palette drops the per-class ones
    assert QApplication.palette(QLineEdit()) == qapp.palette()

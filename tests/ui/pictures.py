"""Pictures for the image tests, as a server would send them."""

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage


def png_bytes(image: QImage) -> bytes:
    """``image`` as a PNG file."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes, Qt str
    return bytes(data.data())


def png(width: int = 16, height: int = 8, color: str = "#00AA00") -> bytes:
    """A PNG of one colour (it compresses well: a few KB whatever its size)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    return png_bytes(image)

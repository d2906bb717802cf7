"""The sender's avatar: a round picture, or the name's initial on Viber's purple."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap


def initials_avatar(name: str, size: int = 36) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    with QPainter(pix) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("#7360f2"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(0, 0, size, size)
        painter.setPen(QColor("#ffffff"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(8, size * 2 // 5))
        painter.setFont(font)
        painter.drawText(
            pix.rect(), Qt.AlignmentFlag.AlignCenter, (name.strip()[:1] or "?").upper()
        )
    return pix


def round_pixmap(image: QImage, size: int = 36) -> QPixmap:
    src = QPixmap.fromImage(image).scaled(
        size,
        size,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    with QPainter(pix) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(src)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(0, 0, size, size)
    return pix

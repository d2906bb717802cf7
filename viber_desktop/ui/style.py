"""Fusion with field borders, check boxes and a focus ring that stay visible in any palette.

Fusion derives its outlines from the window colour (about 2:1 against it, much less in the
dark palette) and shows focus on buttons, tabs and list rows faintly or not at all. This
proxy draws them in colours from :mod:`viber_desktop.ui.theme` that meet WCAG AA (3:1).
"""

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionComplex, QWidget

from viber_desktop.ui.theme import border_color, focus_color

PE = QStyle.PrimitiveElement
CE = QStyle.ControlElement
CC = QStyle.ComplexControl
_FRAMES = (PE.PE_FrameLineEdit, PE.PE_Frame)
_INDICATORS = (PE.PE_IndicatorCheckBox, PE.PE_IndicatorRadioButton)
_FOCUSED_CONTROLS = (CE.CE_PushButton, CE.CE_TabBarTab)
_FIELDS = (CC.CC_ComboBox, CC.CC_SpinBox)


class AccessibleStyle(QProxyStyle):
    """Fusion, with legible borders and a two-pixel focus ring."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == PE.PE_FrameFocusRect:
            _ring(painter, option, option.rect)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in _FRAMES and _framed(widget):
            _outline(painter, option)
        elif element in _INDICATORS:
            _outline(painter, option, radius=0 if element == PE.PE_IndicatorCheckBox else 6)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element in _FOCUSED_CONTROLS and option.state & QStyle.StateFlag.State_HasFocus:
            _ring(painter, option, option.rect.adjusted(2, 2, -2, -2))

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _FIELDS:
            _outline(painter, option)


def _framed(widget: QWidget | None) -> bool:
    """Line edits and text boxes, not every QFrame (labels, scroll areas, group boxes)."""
    if widget is None:
        return True
    return any(
        widget.inherits(name)
        for name in ("QLineEdit", "QPlainTextEdit", "QTextEdit", "QAbstractSpinBox", "QListView")
    )


def _outline(painter: QPainter, option: QStyleOption, radius: int = 2) -> None:
    focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
    enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    palette = option.palette
    if focused and enabled:
        painter.setPen(QPen(focus_color(palette), 2))
        rect = option.rect.adjusted(1, 1, -1, -1)
    else:
        painter.setPen(QPen(border_color(palette), 1))
        rect = option.rect.adjusted(0, 0, -1, -1)
    painter.drawRoundedRect(rect, radius, radius)
    painter.restore()


def _ring(painter: QPainter, option: QStyleOption, rect: QRect) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(focus_color(option.palette), 2))
    painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
    painter.restore()

"""A colour field: hex text, a swatch that shows it, and a colour picker behind the swatch."""

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QToolButton, QWidget

from viber_desktop.ui.composer.fields import TextLine

if TYPE_CHECKING:
    from PySide6.QtWidgets import QColorDialog

_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
_SWATCH = 18


def swatch_icon(value: Any) -> QIcon:
    """A square of the colour ``value`` (a crossed square when it is not ``#RRGGBB``)."""
    pixmap = QPixmap(_SWATCH, _SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    with QPainter(pixmap) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#808080"), 1))
        valid = isinstance(value, str) and _HEX.fullmatch(value) is not None
        painter.setBrush(QColor(value) if valid else QColor("#ffffff"))
        painter.drawRoundedRect(1, 1, _SWATCH - 2, _SWATCH - 2, 3, 3)
        if not valid:  # none: a grey stroke; not a colour: a red one
            painter.setPen(QPen(QColor("#c62828" if value else "#9e9e9e"), 1.5))
            painter.drawLine(4, _SWATCH - 4, _SWATCH - 4, 4)
    return QIcon(pixmap)


class ColorField(TextLine):
    """``#RRGGBB`` typed as hex or chosen with the picker (the swatch button, or Alt+Down /
    F4 in the field). ``swatch`` is placed beside the field by its form.

    Signals:
        user_changed(object): the text typed (as every field).
        picked(str): a colour chosen in the picker (its own undo step, not merged with typing).
    """

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        self.name = name
        self.setPlaceholderText("#RRGGBB")
        self.swatch = QToolButton()
        self.swatch.setIconSize(QSize(_SWATCH, _SWATCH))
        self.swatch.setToolTip(self.tr("Choose a colour (Alt+Down in the field)"))
        self.swatch.setAccessibleName(
            self.tr("Choose {name}").format(name=name) if name else self.tr("Choose a colour")
        )
        self.swatch.clicked.connect(self.pick)
        self.dialog: QColorDialog | None = None
        self._shown_icon: Any = object()
        self.textChanged.connect(self._paint_swatch)
        self._paint_swatch()
        self.installEventFilter(self)

    def _paint_swatch(self) -> None:
        text = self.text().strip()
        if text != self._shown_icon:
            self._shown_icon = text
            self.swatch.setIcon(swatch_icon(text))

    def pick(self) -> None:
        """Open the picker on the current colour; choosing writes it as ``#RRGGBB``."""
        from PySide6.QtWidgets import QColorDialog  # start-up: its and QDialog's enums

        current = self.text().strip()
        dialog = QColorDialog(
            QColor(current) if _HEX.fullmatch(current) else QColor("#ffffff"), self
        )
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        dialog.setWindowTitle(self.name or self.tr("Colour"))
        dialog.colorSelected.connect(self._picked)
        self.dialog = dialog
        dialog.open()

    def _picked(self, color: QColor) -> None:
        if color.isValid():
            value = color.name().upper()
            self._showing = True
            self.setText(value)
            self._showing = False
            self.picked.emit(value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt_down = event.key() == Qt.Key.Key_Down and (
                event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.pick()
                return True
        return False

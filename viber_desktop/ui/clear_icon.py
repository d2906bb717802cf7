"""The clear button's icon in a text line, as Fusion gives it, without asking a QStyle."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon

BUNDLED = ":/qt-project.org/styles/commonstyle/images/cleartext-{size}.png"
"""Qt's own clear icon (in QtWidgets' resources), the one Fusion falls back on."""

SIZES = (16, 32, 128)


def clear_icon() -> QIcon:
    """What Fusion's ``standardIcon(SP_LineEditClearButton)`` gives: the icon theme's clear
    icon for the layout direction, else its plain one, else Qt's bundled one.

    Trap: asking the style for it makes PySide build QStyle's 11 enum classes (issue 16).
    """
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # Qt's names, crossed as QCommonStyle crosses them: "-rtl" in a left-to-right layout.
    directed = "edit-clear-locationbar-ltr" if rtl else "edit-clear-locationbar-rtl"
    for name in (directed, "edit-clear"):
        if QIcon.hasThemeIcon(name):
            return QIcon.fromTheme(name)
    icon = QIcon()
    for size in SIZES:
        icon.addFile(BUNDLED.format(size=size), QSize(size, size))
    return icon

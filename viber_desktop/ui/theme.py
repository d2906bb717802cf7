"""Colours that stay legible in light and dark palettes, and the dark palette itself."""

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget


def is_dark(widget: QWidget | None = None) -> bool:
    palette = widget.palette() if widget is not None else QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def state_color(state: str, widget: QWidget | None = None) -> str:
    """Text colour for ``ok`` / ``warning`` / ``error`` states."""
    dark = is_dark(widget)
    return {
        "ok": "#7fd48a" if dark else "#1b7a2b",
        "warning": "#ffc25c" if dark else "#9a5b00",
        "error": "#ff8a80" if dark else "#c62828",
        "muted": "#a0a0a0" if dark else "#606060",
    }[state]


def set_style(widget: QWidget, style: str) -> None:
    """Set a style sheet only when it changes: restyling on every keystroke is costly."""
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


def dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d31"), QColor("#e6e6e6")
    for role, color in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Highlight, QColor("#7360f2")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.Link, QColor("#a99cff")),
        (QPalette.ColorRole.PlaceholderText, QColor("#8a8a8a")),
    ):
        p.setColor(role, color)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#777777"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#777777"))
    return p

"""Colours that stay legible in light and dark palettes, and the dark palette itself."""

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget


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


def fix_label_size(label: QLabel, *texts: str) -> None:
    """Give a label that changes on every keystroke a fixed size that fits ``texts``.

    Trap: QLabel.setText calls updateGeometry(); unless the widget's minimum and maximum sizes
    are equal in both directions, that re-lays out and repaints the whole window.
    """
    metrics = label.fontMetrics()
    width = max(metrics.horizontalAdvance(text) for text in texts) + 8
    if width > label.maximumWidth() or label.minimumWidth() != label.maximumWidth():
        label.setFixedSize(width, metrics.height() + 4)


def set_fixed_text(label: QLabel, text: str) -> None:
    """Set the text of a fixed-size label, growing it (rarely) when the text no longer fits."""
    fix_label_size(label, text)
    label.setText(text)


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

"""Colours that stay legible in light and dark palettes, and the dark palette itself."""

from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget


def is_dark(widget: QWidget | None = None) -> bool:
    return _dark(widget.palette() if widget is not None else QApplication.palette())


def state_color(state: str, widget: QWidget | None = None) -> str:
    """Text colour for ``ok`` / ``warning`` / ``error`` states."""
    dark = is_dark(widget)
    return {
        "ok": "#7fd48a" if dark else "#1b7a2b",
        "warning": "#ffc25c" if dark else "#9a5b00",
        "error": "#ff8a80" if dark else "#c62828",
        "muted": "#a0a0a0" if dark else "#606060",
    }[state]


def border_color(palette: QPalette) -> QColor:
    """Field and check-box borders: at least 3:1 against the window and the field."""
    return QColor("#8a8f98" if _dark(palette) else "#767676")


def focus_color(palette: QPalette) -> QColor:
    """The focus ring: at least 3:1 against the window, fields and buttons."""
    return QColor("#a99cff" if _dark(palette) else "#5b48d6")


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def _dark(palette: QPalette) -> bool:
    # Base, not Window: fields and lists get a lighter Window (bordered_palette).
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def bordered_palette(palette: QPalette) -> QPalette:
    """``palette`` with the Window colour that Fusion darkens into :func:`border_color`.

    Fusion outlines a field, check box or list in its Window colour made 140 % darker (HSV
    value / 1.4). The colour comes in a brush that paints nothing: what these widgets fill with
    Window (the corner between a text box's two scroll bars) shows the window behind instead.
    """
    border = border_color(palette)
    hue, saturation, value = border.hsvHue(), border.hsvSaturation(), border.value()
    window = QColor.fromHsv(hue, saturation, 255)
    for lighter in range(value, 256):
        candidate = QColor.fromHsv(hue, saturation, lighter)
        if candidate.darker(140).value() >= value:
            window = candidate
            break
    brush = QBrush()  # Qt.NoBrush; QBrush(QColor) would make QGradient's enums (issue 16)
    brush.setColor(window)
    p = QPalette(palette)
    p.setBrush(QPalette.ColorRole.Window, brush)
    return p


def ring_palette(palette: QPalette) -> QPalette:
    """``palette`` for the focus ring: its Window, which the ring widget is filled with in
    C++, is the focus colour."""
    p = QPalette(palette)
    p.setColor(QPalette.ColorRole.Window, focus_color(palette))
    return p


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


FUSION_LIGHT = (
    (QPalette.ColorRole.WindowText, "#000000", "#bebebe"),
    (QPalette.ColorRole.Button, "#efefef", "#efefef"),
    (QPalette.ColorRole.Light, "#ffffff", "#ffffff"),
    (QPalette.ColorRole.Midlight, "#cb04cb04cb04", "#cb04cb04cb04"),
    (QPalette.ColorRole.Dark, "#9ff49ff49ff4", "#bebebe"),
    (QPalette.ColorRole.Mid, "#b890b890b890", "#b890b890b890"),
    (QPalette.ColorRole.Text, "#000000", "#bebebe"),
    (QPalette.ColorRole.BrightText, "#ffffff", "#ffffff"),
    (QPalette.ColorRole.ButtonText, "#000000", "#bebebe"),
    (QPalette.ColorRole.Base, "#ffffff", "#efefef"),
    (QPalette.ColorRole.Window, "#efefef", "#efefef"),
    (QPalette.ColorRole.Shadow, "#767b767b767b", "#b1b8b1b8b1b8"),
    (QPalette.ColorRole.Highlight, "#308cc6", "#919191"),
    (QPalette.ColorRole.HighlightedText, "#ffffff", "#ffffff"),
    (QPalette.ColorRole.Link, "#0000ff", "#0000ff"),
    (QPalette.ColorRole.LinkVisited, "#ff00ff", "#ff00ff"),
    (QPalette.ColorRole.AlternateBase, "#f7f7f7", "#f7f7f7"),
    (QPalette.ColorRole.ToolTipBase, "#ffffdc", "#ffffdc"),
    (QPalette.ColorRole.ToolTipText, "#000000", "#000000"),
    (QPalette.ColorRole.PlaceholderText, "#80000000", "#80000000"),
    (QPalette.ColorRole.Accent, "#308cc6", "#919191"),
)
"""Fusion's standard palette, role by role: (active and inactive, disabled), 16 bits a channel
where Fusion shades a colour; NoRole keeps its empty brush. Written down because asking Fusion
for it makes PySide build QStyle's 11 enum classes (13 ms of the start, issue 16);
tests/ui/test_contrast.py checks it against Fusion's."""

FUSION_RESOLVE_MASK = 0x7CFFFFE7FFFF3FFF
"""Which roles Fusion's standard palette counts as set (not all: Qt then treats ours alike)."""


def light_palette() -> QPalette:
    """Fusion's light palette with a selection white text reads on (its blue gives 3.7:1)."""
    p = QPalette()
    for role, color, disabled in FUSION_LIGHT:
        p.setColor(role, QColor(color))
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    p.setResolveMask(FUSION_RESOLVE_MASK)
    p.setColor(QPalette.ColorRole.Highlight, QColor("#5b48d6"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#666666"))
    return p


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
        (QPalette.ColorRole.Highlight, QColor("#6a56e8")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.Link, QColor("#a99cff")),
        (QPalette.ColorRole.PlaceholderText, QColor("#8a8a8a")),
    ):
        p.setColor(role, color)
    # Disabled text stays readable (4.5:1) while clearly dimmer than #e6e6e6.
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9a9a9a"))
    return p

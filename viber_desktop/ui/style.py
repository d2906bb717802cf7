"""Fusion with field borders, check boxes and a focus ring that stay visible in any palette.

Fusion derives its outlines from the window colour (about 2:1 against it, much less in the
dark palette) and shows focus on buttons, tabs and list rows faintly or not at all. The fix
is palettes only, so that no Python runs while Qt paints:

- fields, check boxes, radio buttons and lists get a palette whose Window colour is the one
  Fusion darkens into :func:`~viber_desktop.ui.theme.border_color` (3:1, WCAG AA);
- a :class:`~viber_desktop.ui.focus_ring.FocusRing` (a widget Qt fills, placed as QFocusFrame
  places itself above a widget) draws a two-pixel ring in
  :func:`~viber_desktop.ui.theme.focus_color` around the widget with the focus.

Trap: a QProxyStyle with Python paint overrides cost 30-40 ms of every start (shiboken names
every private Qt type it is handed, and makes the enums of every lazy Qt class) and a Python
call per element drawn.
"""

from PySide6.QtWidgets import QApplication

from viber_desktop.ui.focus_ring import FocusRing
from viber_desktop.ui.theme import bordered_palette, dark_palette, light_palette, ring_palette

BORDERED = (
    "QLineEdit",
    "QAbstractSpinBox",
    "QComboBox",
    "QCheckBox",
    "QRadioButton",
    "QListView",
    "QPlainTextEdit",
    "QTextEdit",
)
"""Classes whose Fusion outline comes from their own Window colour (and a subclass of one
inherits from none of the others: Qt picks among matching class palettes in no set order)."""

UNBORDERED = ("QScrollBar",)
"""Children of those that keep the application's palette (their groove uses Window)."""


FUSION = "viber_desktop_fusion"
"""Dynamic property of an application that :func:`new_app` started in Fusion."""


def new_app(argv: list[str]) -> QApplication:
    """A new application in Fusion, chosen on its command line (after any ``-style`` given).

    Trap: ``setStyle`` hands the style back to Python, and PySide then makes QStyle's 11 enum
    classes and QCommonStyle (about 13 ms of every start, issue 16).
    """
    app = QApplication([*argv, "-style", "Fusion"])
    app.setProperty(FUSION, True)
    return app


def install_style(app: QApplication, *, dark: bool) -> FocusRing:
    """Fusion, the light or dark palette, legible borders and the focus ring."""
    if not app.property(FUSION):  # an application made elsewhere (tests)
        app.setStyle("Fusion")
    palette = dark_palette() if dark else light_palette()
    app.setPalette(palette)  # Trap: a new application palette drops the per-class ones
    bordered = bordered_palette(palette)
    # The stubs say bytes; PySide6 6.11 takes only str (bytes raise ValueError).
    for name in BORDERED:
        app.setPalette(bordered, name)  # type: ignore[arg-type]
    for name in UNBORDERED:
        app.setPalette(palette, name)  # type: ignore[arg-type]
    return FocusRing(app, ring_palette(palette))

"""Colours meet WCAG AA, computed from the palettes: 4.5:1 for text, 3:1 for borders and focus."""

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyleFactory, QWidget
from pytestqt.qtbot import QtBot

from viber_desktop.ui.theme import (
    border_color,
    bordered_palette,
    contrast,
    dark_palette,
    focus_color,
    light_palette,
    state_color,
)

R = QPalette.ColorRole
G = QPalette.ColorGroup


def palettes() -> dict[str, QPalette]:
    fusion = QStyleFactory.create("Fusion")
    return {"light": light_palette(fusion.standardPalette()), "dark": dark_palette()}


def test_contrast_matches_wcag_examples() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)
    assert contrast(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)
    assert contrast(QColor("#123456"), QColor("#123456")) == 1


@pytest.mark.parametrize("name", ["light", "dark"])
def test_text_counters_borders_and_focus(qtbot: QtBot, name: str) -> None:
    palette = palettes()[name]
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setPalette(palette)
    window, base, button = (palette.color(r) for r in (R.Window, R.Base, R.Button))
    text_pairs = {
        "window text": (palette.color(R.WindowText), window),
        "field text": (palette.color(R.Text), base),
        "button text": (palette.color(R.ButtonText), button),
        "selected row": (palette.color(R.HighlightedText), palette.color(R.Highlight)),
    }
    for state in ("ok", "warning", "error", "muted"):  # counters, findings, notes
        color = QColor(state_color(state, widget))
        text_pairs[f"{state} on window"] = (color, window)
        text_pairs[f"{state} on field"] = (color, base)
    for what, (fg, bg) in text_pairs.items():
        assert contrast(fg, bg) >= 4.5, (name, what, fg.name(), bg.name())
    # Fusion outlines fields, check boxes and lists in their Window colour made 140 % darker.
    outline = bordered_palette(palette).color(R.Window).darker(140)
    for what, color in (
        ("border", border_color(palette)),
        ("Fusion's outline", outline),
        ("focus", focus_color(palette)),
    ):
        for against in (window, base, button):
            assert contrast(color, against) >= 3, (name, what, color.name(), against.name())


@pytest.mark.parametrize("name", ["light", "dark"])
def test_disabled_and_placeholder_text_are_readable(name: str) -> None:
    palette = palettes()[name]
    base, window = palette.color(R.Base), palette.color(R.Window)
    for role, bg in ((R.Text, base), (R.WindowText, window), (R.ButtonText, window)):
        disabled = palette.color(G.Disabled, role)
        assert contrast(disabled, bg) >= 4.5, role
        assert disabled != palette.color(G.Active, role)  # still looks disabled
    assert contrast(palette.color(R.PlaceholderText), base) >= 4.5

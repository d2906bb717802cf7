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
DISABLED_TEXT = (R.Text, R.ButtonText, R.WindowText)


def palettes() -> dict[str, QPalette]:
    return {"light": light_palette(), "dark": dark_palette()}


def test_the_light_palette_is_fusions_own_role_by_role() -> None:
    """ui/theme.py writes Fusion's standard palette down (asking the style for it makes QStyle's
    enum classes at start, issue 16): it must not drift from the Fusion in use."""
    fusion = QStyleFactory.create("Fusion").standardPalette()
    ours = light_palette()
    changed = {R.Highlight, R.HighlightedText}  # and disabled text: see light_palette
    roles = [role for role in R if role not in (R.NColorRoles,)]
    for group in (G.Active, G.Inactive, G.Disabled):
        for role in roles:
            theirs, mine = fusion.brush(group, role), ours.brush(group, role)
            assert mine.style() == theirs.style(), (group, role)
            if role in changed or (group == G.Disabled and role in DISABLED_TEXT):
                continue
            assert mine.color() == theirs.color(), (group, role)
    assert ours.resolveMask() == fusion.resolveMask()


def test_the_light_palette_changes_only_the_selection_and_disabled_text() -> None:
    """The same as before issue 16: Fusion's palette with the selection and disabled text set."""
    before = QPalette(QStyleFactory.create("Fusion").standardPalette())
    before.setColor(R.Highlight, QColor("#5b48d6"))
    before.setColor(R.HighlightedText, QColor("#ffffff"))
    for role in DISABLED_TEXT:
        before.setColor(G.Disabled, role, QColor("#666666"))
    assert light_palette() == before
    assert light_palette().resolveMask() == before.resolveMask()


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

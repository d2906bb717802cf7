"""The line's clear icon is the one Fusion gives, found without asking the style (issue 16)."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleFactory
from pytestqt.qtbot import QtBot

from viber_desktop.ui.clear_icon import clear_icon
from viber_desktop.ui.composer.fields import TextLine
from viber_desktop.ui.theme import contrast, dark_palette, light_palette

DIRECTIONS = [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]


def fusions() -> QIcon:
    style = QStyleFactory.create("Fusion")
    return style.standardIcon(QStyle.StandardPixmap.SP_LineEditClearButton)


def same(a: QIcon, b: QIcon) -> bool:
    """The same pixels at every size, scale and mode a line edit can ask for."""
    for size in (16, 20, 24, 32, 48):
        for scale in (1.0, 1.5, 2.0):
            for mode in (QIcon.Mode.Normal, QIcon.Mode.Disabled, QIcon.Mode.Active):
                one = a.pixmap(QSize(size, size), scale, mode).toImage()
                other = b.pixmap(QSize(size, size), scale, mode).toImage()
                if one.isNull() or one != other:
                    return False
    return True


@pytest.fixture
def direction(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[None]:
    qapp.setLayoutDirection(request.param)
    yield
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.mark.parametrize("direction", DIRECTIONS, indirect=True)
def test_without_an_icon_theme_it_is_qts_own(direction: None) -> None:
    assert QIcon.themeName() == ""  # tests run without a desktop icon theme
    assert same(clear_icon(), fusions())


@pytest.fixture
def theme(tmp_path: Path) -> Iterator[Path]:
    """An icon theme of our own, the one in use while the test runs."""
    folder = tmp_path / "icons" / "probe" / "actions" / "16"
    folder.mkdir(parents=True)
    (folder.parents[1] / "index.theme").write_text(
        "[Icon Theme]\nName=probe\nDirectories=actions/16\n[actions/16]\nSize=16\nType=Fixed\n"
    )
    paths, name = QIcon.themeSearchPaths(), QIcon.themeName()
    QIcon.setThemeSearchPaths([str(tmp_path / "icons")])
    QIcon.setThemeName("probe")
    yield folder
    QIcon.setThemeSearchPaths(paths)
    QIcon.setThemeName(name)


@pytest.mark.parametrize(
    "names",
    [
        ["edit-clear"],
        ["edit-clear-locationbar-rtl"],
        ["edit-clear-locationbar-ltr", "edit-clear"],
        ["edit-clear-locationbar-rtl", "edit-clear-locationbar-ltr", "edit-clear"],
    ],
)
@pytest.mark.parametrize("direction", DIRECTIONS, indirect=True)
def test_an_icon_theme_s_clear_icon_as_fusion_picks_it(
    theme: Path, names: list[str], direction: None
) -> None:
    for shade, name in enumerate(names):
        image = QImage(16, 16, QImage.Format.Format_ARGB32)
        image.fill(QColor(60 * shade + 30, 0, 0))
        assert image.save(str(theme / f"{name}.png"))
    assert same(clear_icon(), fusions())


@pytest.mark.parametrize("palette", [light_palette, dark_palette])
def test_the_icon_stands_out_and_the_button_is_named(
    qtbot: QtBot, palette: Callable[[], QPalette]
) -> None:
    """A white cross on a grey disc (the same pixels as before issue 16): the cross stands out
    from the disc, and the icon from the field's Base colour, in both palettes (3:1)."""
    line = TextLine()
    qtbot.addWidget(line)
    line.setText("x")
    action = line.actions()[0]
    assert action.text() == "Clear" and action.isVisible()
    image = action.icon().pixmap(16).toImage()
    opaque = [
        color
        for color in (QColor.fromRgba(image.pixel(x, y)) for x in range(16) for y in range(16))
        if color.alpha() > 200
    ]
    cross, disc = max(opaque, key=QColor.lightness), min(opaque, key=QColor.lightness)
    assert contrast(cross, disc) >= 4.5
    base = palette().color(QPalette.ColorRole.Base)
    assert max(contrast(color, base) for color in opaque) >= 3

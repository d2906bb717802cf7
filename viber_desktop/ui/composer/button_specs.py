"""Every field of a keyboard or rich-media button as a form field: labels here, rules in core.

The common fields sit in the button panel; the rest ("Advanced") are grouped as the API
groups them, the objects (InternalBrowser, Map, Frame, MediaPlayer) under their own heading.
"""

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from viber_desktop.core import limits, schema
from viber_desktop.ui.composer.spec_form import Spec, field_spec, range_text


def _t(text: str) -> str:
    return QCoreApplication.translate("ButtonSpecs", text)


class Group(NamedTuple):
    """A heading of the Advanced section and the fields under it."""

    title: str
    owner: str  # the object the fields belong to ("" for the button itself)
    paths: tuple[tuple[str, ...], ...]


COMMON: tuple[tuple[str, ...], ...] = (
    ("Text",),
    ("ActionType",),
    ("ActionBody",),
    ("Columns",),
    ("Rows",),
    ("BgColor",),
    ("Image",),
    ("BgMedia",),
    ("TextSize",),
    ("TextHAlign",),
    ("TextVAlign",),
)


def groups() -> tuple[Group, ...]:
    return (
        Group(
            _t("Text"),
            "",
            (("TextOpacity",), ("TextPaddings",), ("TextShouldFit",), ("TextBgGradientColor",)),
        ),
        Group(
            _t("Pictures"),
            "",
            (("BgMediaType",), ("BgMediaScaleType",), ("BgLoop",), ("ImageScaleType",)),
        ),
        Group(_t("Tap"), "", (("Silent",), ("OpenURLType",), ("OpenURLMediaType",))),
        Group(
            _t("Internal browser"),
            "InternalBrowser",
            tuple(("InternalBrowser", n) for n in schema.children("button", "InternalBrowser")),
        ),
        Group(_t("Map"), "Map", tuple(("Map", n) for n in schema.children("button", "Map"))),
        Group(
            _t("Frame"), "Frame", tuple(("Frame", n) for n in schema.children("button", "Frame"))
        ),
        Group(
            _t("Media player"),
            "MediaPlayer",
            tuple(("MediaPlayer", n) for n in schema.children("button", "MediaPlayer")),
        ),
    )


# No Alt letters in the editors: the menus, tabs and message fields use every free letter
# (tests/ui/test_mnemonics.py); the grid, Tab and the mouse reach these fields.
_LABELS = {
    "Text": "Text",
    "ActionType": "On tap",
    "ActionBody": "Action body",
    "Columns": "Columns",
    "Rows": "Rows",
    "BgColor": "Background",
    "Image": "Image URL",
    "BgMedia": "Background picture",
    "TextSize": "Text size",
    "TextHAlign": "Horizontal align",
    "TextVAlign": "Vertical align",
    "TextOpacity": "Text opacity (%)",
    "TextPaddings": "Text paddings",
    "TextShouldFit": "Shrink text to fit",
    "TextBgGradientColor": "Text gradient",
    "BgMediaType": "Background kind",
    "BgMediaScaleType": "Background scaling",
    "BgLoop": "Loop GIF background",
    "ImageScaleType": "Image scaling",
    "Silent": "Silent",
    "OpenURLType": "Open URL in",
    "OpenURLMediaType": "Open URL as",
    "InternalBrowser.ActionButton": "Action button",
    "InternalBrowser.ActionPredefinedURL": "Shared URL",
    "InternalBrowser.TitleType": "Title shows",
    "InternalBrowser.CustomTitle": "Custom title",
    "InternalBrowser.Mode": "Size",
    "InternalBrowser.FooterType": "Footer",
    "InternalBrowser.ActionReplyData": "Reply data",
    "Map.Latitude": "Latitude",
    "Map.Longitude": "Longitude",
    "Frame.BorderWidth": "Border width (px)",
    "Frame.CornerRadius": "Corner radius (px)",
    "Frame.BorderColor": "Border colour",
    "MediaPlayer.Title": "Title",
    "MediaPlayer.Subtitle": "Subtitle",
    "MediaPlayer.ThumbnailURL": "Thumbnail URL",
    "MediaPlayer.Loop": "Loop",
}

_PLACEHOLDERS = {
    "Text": "<b>Buy</b> now (HTML: b, i, u, br, font color)",
    "ActionBody": "reply text, or a URL for open-url",
    "Image": "https://…/icon.png",
    "BgMedia": "https://…/photo.jpg",
    "InternalBrowser.ActionPredefinedURL": "https://…",
    "MediaPlayer.ThumbnailURL": "https://…/thumb.jpg",
}


def _kind(f: schema.Field) -> str:
    if f.path in (("Columns",), ("Rows",)):
        return "spin"
    if f.format == "color":
        return "color"
    if f.kind == "boolean":
        return "bool"
    if f.path == ("TextPaddings",):
        return "paddings"
    return ""


def _spec(path: tuple[str, ...], rich: bool) -> Spec:
    f = schema.field_of("button", *path)
    dotted = ".".join(path)
    placeholder = _t(_PLACEHOLDERS[dotted]) if dotted in _PLACEHOLDERS else ""
    if path == ("Rows",):
        # the schema's range has no top: a button is at most as tall as its group
        rows = limits.RICH_MEDIA_ROWS_MAX if rich else limits.KEYBOARD_ROWS_MAX
        placeholder = range_text(f._replace(range=(1, rows)))
    if path == ("TextPaddings",):
        placeholder = _t("top, left, bottom, right: {range}").format(range=range_text(f))
    return field_spec(
        "button",
        path,
        _t(_LABELS[dotted]),
        kind=_kind(f),
        placeholder=placeholder,
        exclude=schema.RICH_MEDIA_EXCLUDED_ACTIONS if rich and path == ("ActionType",) else (),
    )


def common_specs(rich: bool) -> tuple[Spec, ...]:
    return tuple(_spec(path, rich) for path in COMMON)


def group_specs(group: Group, rich: bool) -> tuple[Spec, ...]:
    return tuple(_spec(path, rich) for path in group.paths)


def button_specs(rich: bool) -> tuple[Spec, ...]:
    """Every button field the schema has: the common ones first, then the Advanced ones."""
    specs = common_specs(rich)
    for group in groups():
        specs += group_specs(group, rich)
    return specs

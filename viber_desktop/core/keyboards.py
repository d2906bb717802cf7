"""Checks for keyboards, rich-media carousels and their buttons (viber-api.md section 4)."""

import re
from typing import Any, Final

from viber_desktop.core import limits, schema
from viber_desktop.core.findings import child
from viber_desktop.core.layout import card_count, place_buttons
from viber_desktop.core.rules import Context, int_from_text, is_http_url, is_int, label, present
from viber_desktop.core.text import utf16_len

ACTION_TYPES: Final = schema.choices("button", "ActionType")
TEXT_SIZES: Final = schema.choices("button", "TextSize")
V_ALIGNS: Final = schema.choices("button", "TextVAlign")
H_ALIGNS: Final = schema.choices("button", "TextHAlign")
MEDIA_TYPES: Final = schema.choices("button", "BgMediaType")
SCALE_TYPES: Final = schema.choices("button", "BgMediaScaleType")
OPEN_URL_TYPES: Final = schema.choices("button", "OpenURLType")
OPEN_URL_MEDIA_TYPES: Final = schema.choices("button", "OpenURLMediaType")
INPUT_FIELD_STATES: Final = schema.choices("message", "keyboard", "InputFieldState")
BROWSER_ACTION_BUTTONS: Final = schema.choices("button", "InternalBrowser", "ActionButton")
BROWSER_TITLE_TYPES: Final = schema.choices("button", "InternalBrowser", "TitleType")
BROWSER_MODES: Final = schema.choices("button", "InternalBrowser", "Mode")
BROWSER_FOOTER_TYPES: Final = schema.choices("button", "InternalBrowser", "FooterType")

KEYBOARD_FIELDS: Final = schema.children("message", "keyboard")
RICH_MEDIA_FIELDS: Final = schema.children("rich_media", "rich_media")
BUTTON_FIELDS: Final = schema.children("button")
# A tag's attributes stop at the next "<" or ">": linear even on "<font <font <font …".
_FONT_TAG = re.compile(r"<font\b([^<>]*)", re.IGNORECASE)
_SIZE_ATTR = re.compile(r"\bsize\s*=\s*[\"']?([^\"'\s>]*)", re.IGNORECASE)
_STRIKE_TAG = re.compile(r"<s>", re.IGNORECASE)
_PHONE_ONLY_ACTIONS = schema.RICH_MEDIA_EXCLUDED_ACTIONS
_APP_LINK = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):\S+")
_NOT_APP_SCHEMES = ("http", "https", "javascript", "data", "file", "about", "blob")
_CONTENT_FIELDS = ("Text", "Image", "BgMedia", "BgColor")


def check_keyboard(ctx: Context, kb: Any, path: str) -> None:
    """Check a ``keyboard`` object at ``path``."""
    if not isinstance(kb, dict):
        ctx.wrong_kind(path, kb, "an object")
        return
    _check_type_tag(ctx, kb, path, "keyboard")
    ctx.unknown_fields(kb, path, KEYBOARD_FIELDS)
    ctx.color(kb, "BgColor", path)
    ctx.boolean(kb, "DefaultHeight", path)
    if (
        ctx.integer(
            kb,
            "CustomDefaultHeight",
            path,
            lo=limits.CUSTOM_DEFAULT_HEIGHT_RANGE[0],
            hi=limits.CUSTOM_DEFAULT_HEIGHT_RANGE[1],
        )
        is not None
    ):
        ctx.need(3, "keyboard CustomDefaultHeight", child(path, "CustomDefaultHeight"))
    if (
        ctx.integer(
            kb,
            "HeightScale",
            path,
            lo=limits.HEIGHT_SCALE_RANGE[0],
            hi=limits.HEIGHT_SCALE_RANGE[1],
        )
        is not None
    ):
        ctx.need(3, "keyboard HeightScale", child(path, "HeightScale"))
    group_cols = ctx.integer(kb, "ButtonsGroupColumns", path, lo=1, hi=limits.GRID_COLUMNS_MAX)
    if present(kb, "ButtonsGroupColumns"):
        ctx.need(4, "keyboard ButtonsGroupColumns", child(path, "ButtonsGroupColumns"))
    group_rows = ctx.integer(kb, "ButtonsGroupRows", path, lo=1, hi=limits.KEYBOARD_ROWS_MAX)
    if present(kb, "ButtonsGroupRows"):
        ctx.need(4, "keyboard ButtonsGroupRows", child(path, "ButtonsGroupRows"))
    if ctx.enum(kb, "InputFieldState", path, INPUT_FIELD_STATES) is not None:
        ctx.need(4, "keyboard InputFieldState", child(path, "InputFieldState"))
    ctx.obj(kb, "FavoritesMetadata", path)
    if present(kb, "FavoritesMetadata"):
        ctx.need(6, "keyboard FavoritesMetadata", child(path, "FavoritesMetadata"))
    buttons = _buttons(ctx, kb, path)
    for i, button in enumerate(buttons):
        check_button(
            ctx,
            button,
            child(child(path, "Buttons"), i),
            rich=False,
            group_cols=group_cols or limits.GRID_COLUMNS_MAX,
            max_rows=group_rows or limits.KEYBOARD_ROWS_MAX,
        )


def check_rich_media(ctx: Context, rm: Any, path: str) -> None:
    """Check a ``rich_media`` object at ``path``; rich media itself needs API level 2."""
    if not isinstance(rm, dict):
        ctx.wrong_kind(path, rm, "an object")
        return
    ctx.need(
        limits.RICH_MEDIA_MIN_API_VERSION, "rich media", path, rule=limits.RICH_MEDIA_LEVEL_RULE
    )
    _check_type_tag(ctx, rm, path, "rich_media")
    ctx.unknown_fields(rm, path, RICH_MEDIA_FIELDS)
    if "BgColor" not in rm:
        ctx.warn(
            child(path, "BgColor"),
            "missing_recommended_field",
            f"{label(child(path, 'BgColor'))} is marked required in Viber's documentation; "
            "add a colour such as #FFFFFF.",
        )
    ctx.color(rm, "BgColor", path)
    ctx.integer(rm, "ButtonsGroupColumns", path, lo=1, hi=limits.GRID_COLUMNS_MAX)
    ctx.integer(rm, "ButtonsGroupRows", path, lo=1, hi=limits.RICH_MEDIA_ROWS_MAX)
    cols, group_rows = group_span(rm, rich=True)
    rows = group_rows or limits.RICH_MEDIA_ROWS_MAX
    buttons = _buttons(ctx, rm, path)
    for i, button in enumerate(buttons):
        check_button(
            ctx, button, child(child(path, "Buttons"), i), rich=True, group_cols=cols, max_rows=rows
        )
    spans = [button_span(b) for b in buttons]
    cards = card_count(place_buttons(spans, cols, rows))
    if cards > limits.RICH_MEDIA_CARDS_MAX:
        where = child(path, "Buttons")
        defaulted = any(
            not isinstance(b, dict) or not (present(b, "Columns") and present(b, "Rows"))
            for b in buttons
        )
        ctx.error(
            where,
            "too_many_cards",
            f"{label(where)} fill {cards} cards of {cols}x{rows} (a button that does not fit "
            "in the rest of a row goes to the row below"
            + (f"; {limits.BUTTON_SIZE_RULE}" if defaulted else "")
            + f"); a carousel holds at most {limits.RICH_MEDIA_CARDS_MAX}. Remove buttons or "
            "make them smaller.",
            used=cards,
            limit=limits.RICH_MEDIA_CARDS_MAX,
        )


def group_span(obj: Any, *, rich: bool) -> tuple[int, int | None]:
    """Return the grid a keyboard or carousel lays its buttons on: ``(columns, rows)``.

    Missing or bad values give the defaults ("3" reads as 3); a keyboard has no row limit
    (None: it grows downwards). The checker, the grid view and the preview all use this.
    """
    data = obj if isinstance(obj, dict) else {}
    cols = _span_value(data.get("ButtonsGroupColumns"), limits.GRID_COLUMNS_MAX)
    if not 1 <= cols <= limits.GRID_COLUMNS_MAX:
        cols = limits.GRID_COLUMNS_MAX
    if not rich:
        return cols, None
    rows = _span_value(data.get("ButtonsGroupRows"), limits.RICH_MEDIA_ROWS_MAX)
    if not 1 <= rows <= limits.RICH_MEDIA_ROWS_MAX:
        rows = limits.RICH_MEDIA_ROWS_MAX
    return cols, rows


def button_span(button: Any) -> tuple[int, int]:
    """Return a button's ``(Columns, Rows)``: defaults for missing values, "6" read as 6."""
    if not isinstance(button, dict):
        return limits.BUTTON_COLUMNS_DEFAULT, limits.BUTTON_ROWS_DEFAULT
    return (
        _span_value(button.get("Columns"), limits.BUTTON_COLUMNS_DEFAULT),
        _span_value(button.get("Rows"), limits.BUTTON_ROWS_DEFAULT),
    )


def _span_value(value: Any, default: int) -> int:
    if is_int(value):
        return int(value)
    spelled = int_from_text(value)
    return default if spelled is None else spelled


def check_button(
    ctx: Context, button: Any, path: str, *, rich: bool, group_cols: int, max_rows: int
) -> None:
    """Check one keyboard or rich-media button."""
    if not isinstance(button, dict):
        ctx.wrong_kind(path, button, "an object")
        return
    ctx.unknown_fields(button, path, BUTTON_FIELDS)
    cols = ctx.integer(button, "Columns", path, lo=1, hi=limits.GRID_COLUMNS_MAX)
    if cols is not None and cols <= limits.GRID_COLUMNS_MAX and cols > group_cols:
        where = child(path, "Columns")
        ctx.error(
            where,
            "wider_than_group",
            f"{label(where)} is {cols} but ButtonsGroupColumns is {group_cols}; "
            f"use at most {group_cols}.",
            used=cols,
            limit=group_cols,
        )
    ctx.integer(button, "Rows", path, lo=1, hi=max_rows)
    action = ctx.enum(button, "ActionType", path, ACTION_TYPES)
    if action in _PHONE_ONLY_ACTIONS:
        where = child(path, "ActionType")
        if rich:
            ctx.error(
                where,
                "not_allowed_in_rich_media",
                f'{label(where)} "{action}" cannot be used in rich media; use it in a keyboard.',
            )
        else:
            ctx.need(3, f"{action} button", where)
            ctx.warn(
                where,
                "not_on_desktop",
                f'{label(where)} "{action}" does not work in Viber\'s desktop clients.',
            )
    body = ctx.string(
        button,
        "ActionBody",
        path,
        required=True,
        max_len=limits.ACTION_BODY_MAX,
        rule=limits.ACTION_BODY_RULE,
    )
    if body is not None and action == "open-url":
        _check_open_url(ctx, body, child(path, "ActionBody"))
    elif body == "" and action in (None, "reply", *_PHONE_ONLY_ACTIONS):
        where = child(path, "ActionBody")
        ctx.error(where, "empty", f"{label(where)} must not be empty for this action.")
    text = ctx.string(button, "Text", path)
    if text:
        _check_text(ctx, text, child(path, "Text"))
    if not any(button.get(key) not in (None, "") for key in _CONTENT_FIELDS):
        ctx.warn(
            path,
            "empty_button",
            f"{label(path)} has no Text, Image, BgMedia or BgColor, so it shows as an empty "
            "button. Give it a label, a picture or a colour.",
        )
    ctx.enum(button, "TextSize", path, TEXT_SIZES, tolerated={"medium": "regular"})
    valign = ctx.enum(button, "TextVAlign", path, V_ALIGNS)
    ctx.enum(button, "TextHAlign", path, H_ALIGNS, tolerated={"middle": "center"})
    ctx.integer(
        button,
        "TextOpacity",
        path,
        lo=limits.TEXT_OPACITY_RANGE[0],
        hi=limits.TEXT_OPACITY_RANGE[1],
    )
    _check_paddings(ctx, button, path)
    ctx.color(button, "TextBgGradientColor", path)
    if present(button, "TextBgGradientColor") and valign not in ("top", "bottom"):
        where = child(path, "TextBgGradientColor")
        ctx.warn(
            where, "ignored_field", f"{label(where)} only shows when TextVAlign is top or bottom."
        )
    if ctx.boolean(button, "TextShouldFit", path) is not None:
        ctx.need(6, "button TextShouldFit", child(path, "TextShouldFit"))
    ctx.color(button, "BgColor", path)
    ctx.enum(button, "BgMediaType", path, MEDIA_TYPES)
    ctx.url(button, "BgMedia", path)
    for key in ("BgMediaScaleType", "ImageScaleType"):
        if ctx.enum(button, key, path, SCALE_TYPES) is not None:
            ctx.need(6, f"button {key}", child(path, key))
    ctx.boolean(button, "BgLoop", path)
    ctx.url(button, "Image", path)
    ctx.boolean(button, "Silent", path)
    ctx.enum(button, "OpenURLType", path, OPEN_URL_TYPES)
    ctx.enum(button, "OpenURLMediaType", path, OPEN_URL_MEDIA_TYPES)
    _check_browser(ctx, button, path)
    _check_api6_objects(ctx, button, path)


def _check_open_url(ctx: Context, body: str, where: str) -> None:
    if not body:
        ctx.error(
            where,
            "empty",
            f"{label(where)} is empty, but an open-url button needs the address to open: "
            "add an https:// URL.",
        )
        return
    if is_http_url(body):
        return
    link = _APP_LINK.fullmatch(body)
    if link and link.group(1).lower() not in _NOT_APP_SCHEMES:
        ctx.warn(
            where,
            "app_link",
            f"{label(where)} is an app link ({link.group(1)}:…); it opens only on devices that "
            "have that app. Use an https:// address if every receiver should be able to open it.",
        )
        return
    ctx.error(
        where,
        "invalid_url",
        f"{label(where)} must be a web address (https://…) or an app link such as viber://… "
        "for an open-url button.",
    )


def _check_text(ctx: Context, text: str, where: str) -> None:
    used = utf16_len(text)
    if used > limits.BUTTON_TEXT_MAX:
        ctx.warn(
            where,
            "text_cropped",
            f"{label(where)} is {used} characters; Viber shows the first "
            f"{limits.BUTTON_TEXT_MAX} and ends it with “…”. Shorten it by "
            f"{used - limits.BUTTON_TEXT_MAX} to show it all (emoji count as 2).",
            used=used,
            limit=limits.BUTTON_TEXT_MAX,
        )
    sizes = [
        attr.group(1)
        for tag in _FONT_TAG.finditer(text)
        if (attr := _SIZE_ATTR.search(tag.group(1))) is not None
    ]
    if sizes or _STRIKE_TAG.search(text):
        ctx.need(4, "<s> or <font size> in button Text", where)
    lo, hi = limits.FONT_SIZE_RANGE
    for size in sizes:
        number = int(size) if size.isascii() and size.isdigit() and len(size) < 6 else None
        if number is None or not lo <= number <= hi:
            shown = size if len(size) <= 12 else size[:12] + "…"
            ctx.warn(
                where,
                "font_size_out_of_range",
                f'{label(where)} has <font size="{shown}">; Viber documents sizes {lo} to {hi}, '
                "so it may show another size. Use a size from "
                f"{lo} to {hi}.",
                used=number,
                limit=hi,
            )


def _check_type_tag(ctx: Context, obj: dict[str, Any], path: str, tag: str) -> None:
    value = ctx.string(obj, "Type", path, required=True)
    if value is not None and value != tag:
        where = child(path, "Type")
        ctx.error(where, "invalid_value", f'{label(where)} must be "{tag}", not "{value}".')


def _buttons(ctx: Context, obj: dict[str, Any], path: str) -> list[Any]:
    present, buttons = ctx.get(obj, "Buttons", path, "an array of buttons", required=True)
    where = child(path, "Buttons")
    if not present:
        return []
    if not isinstance(buttons, list):
        ctx.wrong_kind(where, buttons, "an array of buttons")
        return []
    if not buttons:
        ctx.error(where, "empty", f"{label(where)} must hold at least one button.")
    return buttons


def _check_paddings(ctx: Context, button: dict[str, Any], path: str) -> None:
    found, pads = ctx.get(button, "TextPaddings", path, "4 integers", required=False)
    if not found:
        return
    where = child(path, "TextPaddings")
    ctx.need(4, "button TextPaddings", where)
    lo, hi = limits.TEXT_PADDING_RANGE
    if (
        not isinstance(pads, list)
        or len(pads) != 4
        or not all(is_int(p) or int_from_text(p) is not None for p in pads)
    ):
        ctx.error(
            where, "wrong_type", f"{label(where)} must be 4 integers [top, left, bottom, right]."
        )
        return
    for i, pad in enumerate(pads):
        ctx.integer({str(i): pad}, str(i), where, lo=lo, hi=hi)


def _check_browser(ctx: Context, button: dict[str, Any], path: str) -> None:
    browser = ctx.obj(button, "InternalBrowser", path)
    if browser is None:
        return
    where = child(path, "InternalBrowser")
    ctx.need(3, "InternalBrowser", where)
    ctx.unknown_fields(browser, where, schema.children("button", "InternalBrowser"))
    if ctx.enum(browser, "ActionButton", where, BROWSER_ACTION_BUTTONS) == "send-to-bot":
        ctx.need(6, "InternalBrowser send-to-bot", child(where, "ActionButton"))
    ctx.url(browser, "ActionPredefinedURL", where, non_empty=True)
    ctx.enum(browser, "TitleType", where, BROWSER_TITLE_TYPES)
    ctx.string(browser, "CustomTitle", where, max_len=limits.BROWSER_TITLE_MAX)
    ctx.enum(browser, "Mode", where, BROWSER_MODES)
    ctx.enum(browser, "FooterType", where, BROWSER_FOOTER_TYPES)
    if ctx.string(browser, "ActionReplyData", where) is not None:
        ctx.need(6, "InternalBrowser ActionReplyData", child(where, "ActionReplyData"))


def _check_api6_objects(ctx: Context, button: dict[str, Any], path: str) -> None:
    maps = ctx.obj(button, "Map", path)
    if maps is not None:
        where = child(path, "Map")
        ctx.need(6, "button Map", where)
        ctx.unknown_fields(maps, where, schema.children("button", "Map"))
        # Optional, and the docs' own format is a string such as "12.12345".
        ctx.number(maps, "Latitude", where, lo=-limits.LAT_MAX, hi=limits.LAT_MAX, text_ok=True)
        ctx.number(maps, "Longitude", where, lo=-limits.LON_MAX, hi=limits.LON_MAX, text_ok=True)
    frame = ctx.obj(button, "Frame", path)
    if frame is not None:
        where = child(path, "Frame")
        ctx.need(6, "button Frame", where)
        ctx.unknown_fields(frame, where, schema.children("button", "Frame"))
        lo, hi = limits.FRAME_RANGE
        ctx.integer(frame, "BorderWidth", where, lo=lo, hi=hi)
        ctx.integer(frame, "CornerRadius", where, lo=lo, hi=hi)
        ctx.color(frame, "BorderColor", where)
    player = ctx.obj(button, "MediaPlayer", path)
    if player is not None:
        where = child(path, "MediaPlayer")
        ctx.need(6, "button MediaPlayer", where)
        ctx.unknown_fields(player, where, schema.children("button", "MediaPlayer"))
        ctx.string(player, "Title", where)
        ctx.string(player, "Subtitle", where)
        ctx.url(player, "ThumbnailURL", where)
        ctx.boolean(player, "Loop", where)

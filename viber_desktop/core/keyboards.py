"""Checks for keyboards, rich-media carousels and their buttons (viber-api.md section 4)."""

import re
from typing import Any, Final

from viber_desktop.core import fixes, limits, markup, schema
from viber_desktop.core.findings import Fix, child
from viber_desktop.core.i18n import N_, _, ngettext
from viber_desktop.core.layout import card_count, place_buttons
from viber_desktop.core.patterns import lazy_pattern
from viber_desktop.core.rules import (
    Context,
    int_from_text,
    is_http_url,
    is_int,
    label,
    present,
    url_fixes,
)
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
_FONT_TAG = lazy_pattern(r"<font\b([^<>]*)", re.IGNORECASE)
_SIZE_ATTR = lazy_pattern(r"\bsize\s*=\s*[\"']?([^\"'\s>]*)", re.IGNORECASE)
_STRIKE_TAG = lazy_pattern(r"<s>", re.IGNORECASE)
_PHONE_ONLY_ACTIONS = schema.RICH_MEDIA_EXCLUDED_ACTIONS
_APP_LINK = lazy_pattern(r"([A-Za-z][A-Za-z0-9+.-]*):\S+")
_NOT_APP_SCHEMES = ("http", "https", "javascript", "data", "file", "about", "blob")
_CONTENT_FIELDS = ("Text", "Image", "BgMedia", "BgColor")
_BUTTON_TEXT: Final = schema.field_of("button", "Text")
_PADDINGS: Final = schema.field_of("button", "TextPaddings")
_BACKGROUND: Final = "#FFFFFF"
_HAND_CHECKED = ("Type", "Buttons")


def check_keyboard(ctx: Context, kb: Any, path: str) -> None:
    """Check a ``keyboard`` object at ``path``."""
    if not isinstance(kb, dict):
        ctx.wrong_kind(path, kb, N_("an object"))
        return
    _check_type_tag(ctx, kb, path, "keyboard")
    ctx.unknown_fields(kb, path, KEYBOARD_FIELDS)
    values = ctx.check_fields(kb, "message", ("keyboard",), path, skip=_HAND_CHECKED)
    group_cols, group_rows = values.get("ButtonsGroupColumns"), values.get("ButtonsGroupRows")
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
        ctx.wrong_kind(path, rm, N_("an object"))
        return
    ctx.need(
        limits.RICH_MEDIA_MIN_API_VERSION,
        N_("rich media"),
        path,
        rule=limits.RICH_MEDIA_LEVEL_RULE,
    )
    _check_type_tag(ctx, rm, path, "rich_media")
    ctx.unknown_fields(rm, path, RICH_MEDIA_FIELDS)
    if "BgColor" not in rm:
        ctx.warn(
            child(path, "BgColor"),
            "missing_recommended_field",
            _(
                "{field} is marked required in Viber's documentation; add a colour such as "
                "{colour}."
            ).format(field=label(child(path, "BgColor")), colour=_BACKGROUND),
            fixes=(
                fixes.set_to(
                    child(path, "BgColor"),
                    _BACKGROUND,
                    _("Add a white background ({colour})").format(colour=_BACKGROUND),
                ),
            ),
        )
    ctx.check_fields(rm, "rich_media", ("rich_media",), path, skip=_HAND_CHECKED)
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
            ngettext(
                "{field} fill {cards} cards of {cols}x{rows} (a button that does not fit in the "
                "rest of a row goes to the row below{rule}); a carousel holds at most {limit}. "
                "Remove buttons or make them smaller.",
                "{field} fill {cards} cards of {cols}x{rows} (a button that does not fit in the "
                "rest of a row goes to the row below{rule}); a carousel holds at most {limit}. "
                "Remove buttons or make them smaller.",
                cards,
            ).format(
                field=label(where),
                cards=cards,
                cols=cols,
                rows=rows,
                rule=f"; {_(limits.BUTTON_SIZE_RULE)}" if defaulted else "",
                limit=limits.RICH_MEDIA_CARDS_MAX,
            ),
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
        ctx.wrong_kind(path, button, N_("an object"))
        return
    ctx.unknown_fields(button, path, BUTTON_FIELDS)

    def columns(cols: Any, _values: dict[str, Any]) -> None:
        if cols is not None and cols <= limits.GRID_COLUMNS_MAX and cols > group_cols:
            where = child(path, "Columns")
            ctx.error(
                where,
                "wider_than_group",
                _(
                    "{field} is {cols} but ButtonsGroupColumns is {group}; use at most {group}."
                ).format(field=label(where), cols=cols, group=group_cols),
                used=cols,
                limit=group_cols,
                fixes=(
                    fixes.set_to(
                        where,
                        group_cols,
                        ngettext(
                            "Make it {n} column wide", "Make it {n} columns wide", group_cols
                        ).format(n=group_cols),
                    ),
                ),
            )

    def action_type(action: Any, _values: dict[str, Any]) -> None:
        if action not in _PHONE_ONLY_ACTIONS:
            return
        where = child(path, "ActionType")
        if rich:
            ctx.error(
                where,
                "not_allowed_in_rich_media",
                _('{field} "{action}" cannot be used in rich media; use it in a keyboard.').format(
                    field=label(where), action=action
                ),
            )
        else:
            ctx.need(3, _("{action} button").format(action=action), where)
            ctx.warn(
                where,
                "not_on_desktop",
                _('{field} "{action}" does not work in Viber\'s desktop clients.').format(
                    field=label(where), action=action
                ),
            )

    def action_body(body: Any, values: dict[str, Any]) -> None:
        action = values.get("ActionType")
        if body is not None and action == "open-url":
            _check_open_url(ctx, body, child(path, "ActionBody"))
        elif body == "" and action in (None, "reply", *_PHONE_ONLY_ACTIONS):
            where = child(path, "ActionBody")
            ctx.error(
                where,
                "empty",
                _("{field} must not be empty for this action.").format(field=label(where)),
            )

    def text(value: Any, _values: dict[str, Any]) -> None:
        if value:
            where = child(path, "Text")
            _check_text(ctx, value, where)
            markup.check(ctx, _BUTTON_TEXT.markup, value, where, label(where))
        if not any(button.get(key) not in (None, "") for key in _CONTENT_FIELDS):
            ctx.warn(
                path,
                "empty_button",
                _(
                    "{field} has no Text, Image, BgMedia or BgColor, so it shows as an empty "
                    "button. Give it a label, a picture or a colour."
                ).format(field=label(path)),
            )

    def gradient(_value: Any, values: dict[str, Any]) -> None:
        if present(button, "TextBgGradientColor") and values.get("TextVAlign") not in (
            "top",
            "bottom",
        ):
            where = child(path, "TextBgGradientColor")
            ctx.warn(
                where,
                "ignored_field",
                _("{field} only shows when TextVAlign is top or bottom.").format(
                    field=label(where)
                ),
                fixes=(
                    fixes.remove(where),
                    fixes.set_to(
                        child(path, "TextVAlign"), "bottom", _("Move the text to the bottom")
                    ),
                ),
            )

    def browser_button(value: Any, _values: dict[str, Any]) -> None:
        if value == "send-to-bot":
            where = child(path, "InternalBrowser")
            ctx.need(6, "InternalBrowser send-to-bot", child(where, "ActionButton"))

    ctx.check_fields(
        button,
        "button",
        (),
        path,
        tops={"Rows": max_rows},
        hooks={
            "Columns": columns,
            "ActionType": action_type,
            "ActionBody": action_body,
            "Text": text,
            "TextPaddings": lambda _, __: _check_paddings(ctx, button, path),
            "TextBgGradientColor": gradient,
            "InternalBrowser.ActionButton": browser_button,
        },
    )


def _check_open_url(ctx: Context, body: str, where: str) -> None:
    if not body:
        ctx.error(
            where,
            "empty",
            _(
                "{field} is empty, but an open-url button needs the address to open: "
                "add an https:// URL."
            ).format(field=label(where)),
        )
        return
    if is_http_url(body):
        return
    link = _APP_LINK().fullmatch(body)
    if link and link.group(1).lower() not in _NOT_APP_SCHEMES:
        ctx.warn(
            where,
            "app_link",
            _(
                "{field} is an app link ({scheme}:…); it opens only on devices that have that "
                "app. Use an https:// address if every receiver should be able to open it."
            ).format(field=label(where), scheme=link.group(1)),
        )
        return
    ctx.error(
        where,
        "invalid_url",
        _(
            "{field} must be a web address (https://…) or an app link such as viber://… "
            "for an open-url button."
        ).format(field=label(where)),
        fixes=url_fixes(where, body),
    )


def _check_text(ctx: Context, text: str, where: str) -> None:
    used = utf16_len(text)
    if used > limits.BUTTON_TEXT_MAX:
        ways = fixes.shorten(_BUTTON_TEXT, where, text, limits.BUTTON_TEXT_MAX)
        tail = text[len(ways[0].value) :] if ways else ""
        if "<" in tail or ">" in tail:
            ways = ()  # the cut would split or drop markup (<b>…</b>): the writer decides
        ctx.warn(
            where,
            "text_cropped",
            ngettext(
                "{field} is {used} characters; Viber shows the first {limit} and ends it with "
                "“…”. Shorten it by {over} to show it all (emoji count as 2).",
                "{field} is {used} characters; Viber shows the first {limit} and ends it with "
                "“…”. Shorten it by {over} to show it all (emoji count as 2).",
                used,
            ).format(
                field=label(where),
                used=used,
                limit=limits.BUTTON_TEXT_MAX,
                over=used - limits.BUTTON_TEXT_MAX,
            ),
            used=used,
            limit=limits.BUTTON_TEXT_MAX,
            fixes=ways,
        )
    sizes = [
        (attr, tag.start(1))
        for tag in _FONT_TAG().finditer(text)
        if (attr := _SIZE_ATTR().search(tag.group(1))) is not None
    ]
    if sizes or _STRIKE_TAG().search(text):
        ctx.need(4, N_("<s> or <font size> in button Text"), where)
    lo, hi = limits.FONT_SIZE_RANGE
    for attr, offset in sizes:
        size = attr.group(1)
        digits = size.isascii() and size.isdigit()
        number = int(size) if digits and len(size) < 6 else None
        if number is None or not lo <= number <= hi:
            if ctx.over_cap("warning", "font_size_out_of_range"):
                continue  # counted; its fix would copy the whole text once more
            shown = size if len(size) <= 12 else size[:12] + "…"
            ctx.warn(
                where,
                "font_size_out_of_range",
                _(
                    '{field} has <font size="{size}">; Viber documents sizes {lo} to {hi}, so it '
                    "may show another size. Use a size from {lo} to {hi}."
                ).format(field=label(where), size=shown, lo=lo, hi=hi),
                used=number,
                limit=hi,
                fixes=_font_size(where, text, offset + attr.start(1), size) if digits else (),
            )


def _font_size(where: str, text: str, start: int, size: str) -> tuple[Fix, ...]:
    """The size at ``text[start:]`` moved to the nearest documented one ("Use font size 32")."""
    lo, hi = limits.FONT_SIZE_RANGE
    value = size.lstrip("0")  # trap: int() refuses more than 4,300 digits
    near = lo if len(value) <= len(str(lo)) and int(value or "0") < lo else hi
    fixed = f"{text[:start]}{near}{text[start + len(size) :]}"
    return (fixes.set_to(where, fixed, _("Use font size {size}").format(size=near)),)


def _check_type_tag(ctx: Context, obj: dict[str, Any], path: str, tag: str) -> None:
    where = child(path, "Type")
    if "Type" not in obj:
        ctx.missing(
            where,
            N_("a string"),
            (fixes.set_to(where, tag, _('Add Type "{tag}"').format(tag=tag)),),
        )
        return
    value = ctx.string(obj, "Type", path, required=True)
    if value is not None and value != tag:
        ctx.error(
            where,
            "invalid_value",
            _('{field} must be "{tag}", not "{value}".').format(
                field=label(where), tag=tag, value=value
            ),
            fixes=(fixes.set_to(where, tag, _('Write "{value}"').format(value=tag)),),
        )


def _buttons(ctx: Context, obj: dict[str, Any], path: str) -> list[Any]:
    present, buttons = ctx.get(obj, "Buttons", path, N_("an array of buttons"), required=True)
    where = child(path, "Buttons")
    if not present:
        return []
    if not isinstance(buttons, list):
        ctx.wrong_kind(where, buttons, N_("an array of buttons"))
        return []
    if not buttons:
        ctx.error(
            where, "empty", _("{field} must hold at least one button.").format(field=label(where))
        )
    return buttons


def _check_paddings(ctx: Context, button: dict[str, Any], path: str) -> None:
    found, pads = ctx.get(button, "TextPaddings", path, N_("4 integers"), required=False)
    if not found:
        return
    where = child(path, "TextPaddings")
    lo, hi = limits.TEXT_PADDING_RANGE
    if (
        not isinstance(pads, list)
        or len(pads) != 4
        or not all(is_int(p) or int_from_text(p) is not None for p in pads)
    ):
        ctx.error(
            where,
            "wrong_type",
            _("{field} must be 4 integers [top, left, bottom, right].").format(field=label(where)),
        )
        return
    for i, pad in enumerate(pads):
        ctx.integer({str(i): pad}, str(i), where, lo=lo, hi=hi, field=_PADDINGS)

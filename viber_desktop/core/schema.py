"""Every field of a send_message body, declared once: kind, limits, choices, default, level, source.

A field lives in a *scope*: ``"message"`` (every message type), one of ``MESSAGE_TYPES`` (that
type's own fields) or ``"button"`` (a keyboard or rich-media button). Its ``path`` is relative to
the message (or to the button): ``("keyboard", "ButtonsGroupColumns")``, ``("InternalBrowser",
"Mode")``. Lengths count UTF-16 code units. The checker checks each field's kind, presence,
length, range and choices from here; the forms take limits, choices, defaults, tooltips and
API-level notes from here; the README's limits table is generated from here. Sources name the
sections of the shared reference (viber-api.md) or Viber's public docs pages; where the sources
disagree, ``rule`` says what this app keeps and why (findings quote it).
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final, Literal, NamedTuple

from viber_desktop.core import limits
from viber_desktop.core.i18n import N_

Kind = Literal["string", "integer", "number", "boolean", "object", "array"]
Format = Literal["", "url", "color"]
Markup = Literal["", "markdown", "html"]
LevelWhen = Literal["valid", "present"]

MESSAGE_TYPES: Final = limits.MESSAGE_TYPES
"""The message types send_message documents (``payment`` is known but unchecked: see limits)."""

_API = "viber-api.md §3 send_message"
_TYPES = "viber-api.md §3.2 message types"
_KEYBOARDS = "viber-api.md §4.1 keyboards; developers.viber.com/docs/tools/keyboards"
_BUTTONS = "viber-api.md §4.3 buttons; developers.viber.com/docs/tools/keyboards#buttons-parameters"
_RICH = "viber-api.md §4.2 rich media; developers.viber.com/docs/tools/keyboard-examples"
_BROWSER = "developers.viber.com/docs/tools/keyboards#internal-browser"
_API6 = "developers.viber.com/docs/tools/keyboards (API level 6 objects)"
_ACCEPTS = "Viber's answers to real bodies (issue 13, What Viber really accepts)"

RICH_MEDIA_EXCLUDED_ACTIONS: Final = ("location-picker", "share-phone")
"""Button actions that work only in a keyboard (the rich-media form does not offer them)."""


class Field(NamedTuple):
    """One field of the body: where it is, what it holds and the rules it follows.

    A NamedTuple, not a frozen dataclass: about 2 ms less at every start (issue 16). Made by
    :func:`_f`, which fills ``name`` and ``dotted`` from ``path``.
    """

    scope: str
    path: tuple[str, ...]
    kind: Kind
    description: str
    source: str
    required: bool = False
    format: Format = ""
    min_len: int = 0
    max_len: int | None = None
    """Above this (UTF-16 units) is an error, or only a warning when ``soft``."""
    warn_len: int | None = None
    soft: bool = False
    """Over ``max_len`` Viber crops the text (a warning) instead of refusing it."""
    warn_note: str = ""
    range: tuple[float | None, float | None] | None = None
    unit: str = ""
    choices: tuple[str, ...] = ()
    tolerated: Mapping[str, str] = MappingProxyType({})
    """Undocumented values Viber renders, mapped to what it shows instead (a warning)."""
    default: Any = None
    api_level: int = 1
    level_when: LevelWhen = "valid"
    """Whether the API level is needed once the value is valid, or as soon as it is present."""
    feature: str = ""
    """The feature's name in "needs min_api_version" findings (default: derived from the path)."""
    extensions: tuple[str, ...] = ()
    extensions_advised: bool = False
    what: str = ""
    text_ok: bool = False
    """A number may be written as a decimal string such as "12.12345"."""
    rule: str = ""
    """Today's decision where the sources disagree; findings quote it."""
    markup: Markup = ""
    """The formatting Viber reads in this text: its markdown (message text, 14.6+) or the
    button HTML subset (core.markup; viber-api.md §3.2 and §4.2, DV-FMT)."""

    name: str = ""
    """The field's own key: the last part of ``path`` (kept, not derived: read in hot loops)."""
    dotted: str = ""
    """The path within the scope: ``"InternalBrowser.ActionButton"``."""

    @property
    def key(self) -> str:
        """``scope:path.parts``: unique across the schema."""
        return f"{self.scope}:{'.'.join(self.path)}"

    @property
    def feature_name(self) -> str:
        if self.feature:
            return self.feature
        owner = self.path[-2] if len(self.path) > 1 else self.scope
        return f"{owner} {self.name}"


def _f(scope: str, dotted: str, kind: Kind, description: str, source: str, **kw: Any) -> Field:
    path = tuple(dotted.split("."))
    return Field(scope, path, kind, description, source, **kw, name=path[-1], dotted=dotted)


_PICTURE = N_("a JPEG, PNG or GIF image")
_LAT = (-limits.LAT_MAX, limits.LAT_MAX)
_LON = (-limits.LON_MAX, limits.LON_MAX)

FIELDS: Final[tuple[Field, ...]] = (
    # --- every message -----------------------------------------------------------------------
    _f(
        "message",
        "receiver",
        "string",
        N_("The subscriber's Viber user ID, as webhook events give it."),
        _API,
        required=True,
        min_len=1,
    ),
    _f(
        "message",
        "type",
        "string",
        N_("The message type."),
        _API,
        required=True,
        choices=MESSAGE_TYPES,
    ),
    _f(
        "message",
        "sender",
        "object",
        N_("Who the message is from; without it receivers see the bot account's name."),
        _ACCEPTS,
    ),
    _f(
        "message",
        "sender.name",
        "string",
        N_("The sender name shown to receivers."),
        _API,
        required=True,
        min_len=1,
        max_len=limits.SENDER_NAME_MAX,
    ),
    _f(
        "message",
        "sender.avatar",
        "string",
        N_("The sender's avatar image URL (under 100 KB)."),
        _API,
        format="url",
    ),
    _f(
        "message",
        "tracking_data",
        "string",
        N_("Data your webhook receives back with replies (never null)."),
        _API,
        max_len=limits.TRACKING_DATA_MAX,
        rule=limits.TRACKING_DATA_RULE,
    ),
    _f(
        "message",
        "min_api_version",
        "integer",
        N_("The lowest Viber API level the receiver's client needs to get the message."),
        _API,
        range=(1, None),
        default=1,
    ),
    _f(
        "message",
        "keyboard",
        "object",
        N_("A custom keyboard shown under the message."),
        _KEYBOARDS,
    ),
    _f(
        "message",
        "keyboard.Type",
        "string",
        N_('Always "keyboard".'),
        _KEYBOARDS,
        required=True,
        choices=("keyboard",),
    ),
    _f(
        "message",
        "keyboard.Buttons",
        "array",
        N_("The keyboard's buttons."),
        _KEYBOARDS,
        required=True,
    ),
    _f(
        "message",
        "keyboard.BgColor",
        "string",
        N_("The keyboard's background colour."),
        _KEYBOARDS,
        format="color",
    ),
    _f(
        "message",
        "keyboard.DefaultHeight",
        "boolean",
        N_("Use the default height (true) or the height the buttons need."),
        _KEYBOARDS,
        default=False,
    ),
    _f(
        "message",
        "keyboard.CustomDefaultHeight",
        "integer",
        N_("The keyboard's height in percent of the screen."),
        _KEYBOARDS,
        range=limits.CUSTOM_DEFAULT_HEIGHT_RANGE,
        api_level=3,
    ),
    _f(
        "message",
        "keyboard.HeightScale",
        "integer",
        N_("Scales the keyboard's row height, in percent."),
        _KEYBOARDS,
        range=limits.HEIGHT_SCALE_RANGE,
        default=100,
        api_level=3,
    ),
    _f(
        "message",
        "keyboard.ButtonsGroupColumns",
        "integer",
        N_("Columns of the button grid."),
        _KEYBOARDS,
        range=(1, limits.GRID_COLUMNS_MAX),
        default=limits.GRID_COLUMNS_MAX,
        api_level=4,
        level_when="present",
    ),
    _f(
        "message",
        "keyboard.ButtonsGroupRows",
        "integer",
        N_("Rows of the button grid shown at once."),
        _KEYBOARDS,
        range=(1, limits.KEYBOARD_ROWS_MAX),
        default=limits.KEYBOARD_ROWS_MAX,
        api_level=4,
        level_when="present",
    ),
    _f(
        "message",
        "keyboard.InputFieldState",
        "string",
        N_("How the text input field is shown."),
        _KEYBOARDS,
        choices=("regular", "minimized", "hidden"),
        default="regular",
        api_level=4,
    ),
    _f(
        "message",
        "keyboard.FavoritesMetadata",
        "object",
        N_("GIF or link favourites metadata."),
        _KEYBOARDS,
        api_level=6,
        level_when="present",
    ),
    # --- per type ----------------------------------------------------------------------------
    _f(
        "text",
        "text",
        "string",
        N_("The message text."),
        _TYPES,
        required=True,
        min_len=1,
        max_len=limits.TEXT_MAX,
        markup="markdown",
    ),
    _f(
        "picture",
        "text",
        "string",
        N_("The caption under the picture (may be empty)."),
        _TYPES,
        required=True,
        max_len=limits.PICTURE_TEXT_MAX,
        warn_len=limits.PICTURE_TEXT_WARN,
        warn_note=N_("Older Viber clients and partners cut picture text at 512."),
        markup="markdown",
    ),
    _f(
        "picture",
        "media",
        "string",
        N_("The image URL: JPEG, PNG or static GIF; up to 1 MB on iOS, 3 MB on Android."),
        _TYPES,
        required=True,
        min_len=1,
        format="url",
        extensions=limits.PICTURE_EXTENSIONS,
        what=_PICTURE,
    ),
    _f(
        "picture",
        "thumbnail",
        "string",
        N_("A small preview image URL."),
        _TYPES,
        format="url",
        extensions=limits.PICTURE_EXTENSIONS,
        extensions_advised=True,
        what=_PICTURE,
    ),
    _f(
        "video",
        "media",
        "string",
        N_("The video URL: MP4 (H.264), at most 26 MB."),
        _TYPES,
        required=True,
        min_len=1,
        format="url",
        extensions=limits.VIDEO_EXTENSIONS,
        what=N_("an MP4 video"),
    ),
    _f(
        "video",
        "size",
        "integer",
        N_("The video's size in bytes."),
        _TYPES,
        required=True,
        range=(1, limits.VIDEO_SIZE_MAX),
        unit=N_(" bytes"),
    ),
    _f(
        "video",
        "duration",
        "integer",
        N_("The video's length in seconds."),
        _TYPES,
        range=(0, limits.VIDEO_DURATION_MAX),
        unit=N_(" s"),
    ),
    _f(
        "video",
        "thumbnail",
        "string",
        N_("A JPEG preview image URL."),
        _TYPES,
        format="url",
        extensions=limits.JPEG_EXTENSIONS,
        extensions_advised=True,
        what=N_("a JPEG image"),
    ),
    _f(
        "file",
        "media",
        "string",
        N_("The file URL; it should end with the file's extension."),
        _TYPES,
        required=True,
        min_len=1,
        format="url",
    ),
    _f(
        "file",
        "size",
        "integer",
        N_("The file's size in bytes."),
        _TYPES,
        required=True,
        range=(1, limits.FILE_SIZE_MAX),
        unit=N_(" bytes"),
    ),
    _f(
        "file",
        "file_name",
        "string",
        N_("The name receivers see; executables and scripts (.exe, .apk, .bat…) are refused."),
        _TYPES,
        required=True,
        min_len=1,
        max_len=limits.FILE_NAME_MAX,
    ),
    _f("contact", "contact", "object", N_("The contact card."), _TYPES, required=True),
    _f(
        "contact",
        "contact.name",
        "string",
        N_("The contact's name."),
        _TYPES,
        required=True,
        min_len=1,
        max_len=limits.CONTACT_NAME_MAX,
    ),
    _f(
        "contact",
        "contact.phone_number",
        "string",
        N_("The contact's phone number: an optional leading +, then digits only."),
        _TYPES,
        required=True,
        min_len=1,
        max_len=limits.CONTACT_PHONE_MAX,
    ),
    _f("location", "location", "object", N_("The place to show."), _TYPES, required=True),
    _f(
        "location",
        "location.lat",
        "number",
        N_("Latitude in degrees."),
        _TYPES,
        required=True,
        range=_LAT,
        rule=limits.LOCATION_RULE,
    ),
    _f(
        "location",
        "location.lon",
        "number",
        N_("Longitude in degrees."),
        _TYPES,
        required=True,
        range=_LON,
        rule=limits.LOCATION_RULE,
    ),
    _f(
        "url",
        "media",
        "string",
        N_("The link to send."),
        _TYPES,
        required=True,
        min_len=1,
        format="url",
        max_len=limits.URL_MEDIA_MAX,
    ),
    _f(
        "sticker",
        "sticker_id",
        "integer",
        N_("The sticker's ID from Viber's sticker packs."),
        _TYPES,
        required=True,
        range=(1, None),
        rule=limits.STICKER_ID_RULE,
    ),
    _f(
        "rich_media",
        "rich_media",
        "object",
        N_("The carousel of cards."),
        _RICH,
        required=True,
        api_level=limits.RICH_MEDIA_MIN_API_VERSION,
        feature=N_("rich media"),
        rule=limits.RICH_MEDIA_LEVEL_RULE,
    ),
    _f(
        "rich_media",
        "rich_media.Type",
        "string",
        N_('Always "rich_media".'),
        _RICH,
        required=True,
        choices=("rich_media",),
    ),
    _f(
        "rich_media",
        "rich_media.Buttons",
        "array",
        N_("The carousel's buttons, laid out card by card."),
        _RICH,
        required=True,
    ),
    _f(
        "rich_media",
        "rich_media.BgColor",
        "string",
        N_("The cards' background colour (marked required in the docs: a warning when missing)."),
        _RICH,
        format="color",
    ),
    _f(
        "rich_media",
        "rich_media.ButtonsGroupColumns",
        "integer",
        N_("Columns of each card."),
        _RICH,
        range=(1, limits.GRID_COLUMNS_MAX),
        default=limits.GRID_COLUMNS_MAX,
    ),
    _f(
        "rich_media",
        "rich_media.ButtonsGroupRows",
        "integer",
        N_("Rows of each card."),
        _RICH,
        range=(1, limits.RICH_MEDIA_ROWS_MAX),
        default=limits.RICH_MEDIA_ROWS_MAX,
    ),
    _f(
        "rich_media",
        "alt_text",
        "string",
        N_("Text shown by clients that cannot show rich media."),
        _RICH,
    ),
    # --- buttons (keyboard and rich media) ---------------------------------------------------
    _f(
        "button",
        "Columns",
        "integer",
        N_("Button width in grid columns."),
        _BUTTONS,
        range=(1, limits.GRID_COLUMNS_MAX),
        default=limits.BUTTON_COLUMNS_DEFAULT,
        rule=limits.BUTTON_SIZE_RULE,
    ),
    _f(
        "button",
        "Rows",
        "integer",
        N_("Button height in grid rows (at most the group's rows)."),
        _BUTTONS,
        range=(1, None),
        default=limits.BUTTON_ROWS_DEFAULT,
        rule=limits.BUTTON_SIZE_RULE,
    ),
    _f(
        "button",
        "ActionType",
        "string",
        N_("What a tap does."),
        _BUTTONS + "; creators docs (buy)",
        choices=("reply", "open-url", "location-picker", "share-phone", "none", "buy"),
        default="reply",
    ),
    _f(
        "button",
        "ActionBody",
        "string",
        N_("The reply text sent back, or the URL to open."),
        _BUTTONS + "; " + _ACCEPTS,
        required=True,
        max_len=limits.ACTION_BODY_MAX,
        rule=limits.ACTION_BODY_RULE,
    ),
    _f(
        "button",
        "Text",
        "string",
        N_("The button's label; HTML b, i, u, br, font color/size."),
        _BUTTONS,
        max_len=limits.BUTTON_TEXT_MAX,
        soft=True,
        markup="html",
    ),
    _f(
        "button",
        "TextSize",
        "string",
        N_("The label's text size."),
        _BUTTONS,
        choices=("small", "regular", "large"),
        tolerated={"medium": "regular"},
        default="regular",
    ),
    _f(
        "button",
        "TextVAlign",
        "string",
        N_("Vertical alignment of the label."),
        _BUTTONS,
        choices=("top", "middle", "bottom"),
        default="middle",
    ),
    _f(
        "button",
        "TextHAlign",
        "string",
        N_("Horizontal alignment of the label."),
        _BUTTONS,
        choices=("left", "center", "right"),
        tolerated={"middle": "center"},
        default="center",
    ),
    _f(
        "button",
        "TextOpacity",
        "integer",
        N_("The label's opacity in percent."),
        _BUTTONS,
        range=limits.TEXT_OPACITY_RANGE,
        default=100,
    ),
    _f(
        "button",
        "TextPaddings",
        "array",
        N_("Label paddings [top, left, bottom, right]."),
        _BUTTONS,
        range=limits.TEXT_PADDING_RANGE,
        default=(12, 12, 12, 12),
        api_level=4,
        level_when="present",
    ),
    _f(
        "button",
        "TextBgGradientColor",
        "string",
        N_("Gradient behind the label (top or bottom aligned text only)."),
        _BUTTONS,
        format="color",
    ),
    _f(
        "button",
        "TextShouldFit",
        "boolean",
        N_("Shrink the label to fit the button."),
        _BUTTONS,
        default=False,
        api_level=6,
    ),
    _f(
        "button",
        "BgColor",
        "string",
        N_("The button's background colour."),
        _BUTTONS,
        format="color",
    ),
    _f(
        "button",
        "BgMediaType",
        "string",
        N_("The kind of background media."),
        _BUTTONS,
        choices=("picture", "gif"),
        default="picture",
    ),
    _f("button", "BgMedia", "string", N_("Background image URL."), _BUTTONS, format="url"),
    _f(
        "button",
        "BgMediaScaleType",
        "string",
        N_("How the background is scaled."),
        _BUTTONS,
        choices=("crop", "fill", "fit"),
        api_level=6,
    ),
    _f(
        "button",
        "ImageScaleType",
        "string",
        N_("How the image is scaled."),
        _BUTTONS,
        choices=("crop", "fill", "fit"),
        api_level=6,
    ),
    _f("button", "BgLoop", "boolean", N_("Loop a GIF background."), _BUTTONS, default=True),
    _f(
        "button",
        "Image",
        "string",
        N_("Image URL shown on the button (transparent PNG works)."),
        _BUTTONS,
        format="url",
    ),
    _f(
        "button",
        "Silent",
        "boolean",
        N_("Do not show the reply in the chat."),
        _BUTTONS,
        default=False,
    ),
    _f(
        "button",
        "OpenURLType",
        "string",
        N_("Open URLs in Viber's browser or the device's."),
        _BUTTONS,
        choices=("internal", "external"),
        default="internal",
    ),
    _f(
        "button",
        "OpenURLMediaType",
        "string",
        N_("Open the URL as media in Viber."),
        _BUTTONS,
        choices=("not-media", "video", "gif", "picture"),
        default="not-media",
    ),
    _f(
        "button",
        "InternalBrowser",
        "object",
        N_("How Viber's internal browser looks."),
        _BROWSER,
        api_level=3,
        feature="InternalBrowser",
    ),
    _f(
        "button",
        "InternalBrowser.ActionButton",
        "string",
        N_("The browser's action button."),
        _BROWSER,
        choices=("forward", "send", "open-externally", "send-to-bot", "none"),
        default="forward",
    ),
    _f(
        "button",
        "InternalBrowser.ActionPredefinedURL",
        "string",
        N_("The URL the action button shares."),
        _BROWSER,
        format="url",
        min_len=1,
    ),
    _f(
        "button",
        "InternalBrowser.TitleType",
        "string",
        N_("What the title bar shows."),
        _BROWSER,
        choices=("default", "domain"),
        default="default",
    ),
    _f(
        "button",
        "InternalBrowser.CustomTitle",
        "string",
        N_("The title bar's own text."),
        _BROWSER,
        max_len=limits.BROWSER_TITLE_MAX,
    ),
    _f(
        "button",
        "InternalBrowser.Mode",
        "string",
        N_("The browser's size and orientation."),
        _BROWSER,
        choices=("fullscreen", "fullscreen-portrait", "fullscreen-landscape", "partial-size"),
        default="fullscreen",
    ),
    _f(
        "button",
        "InternalBrowser.FooterType",
        "string",
        N_("Show or hide the browser's footer."),
        _BROWSER,
        choices=("default", "hidden"),
        default="default",
    ),
    _f(
        "button",
        "InternalBrowser.ActionReplyData",
        "string",
        N_("Data sent to the bot by send-to-bot."),
        _BROWSER,
        api_level=6,
    ),
    _f("button", "Map", "object", N_("A map shown on the button."), _API6, api_level=6),
    _f(
        "button",
        "Map.Latitude",
        "number",
        N_("The map's latitude."),
        _API6,
        range=_LAT,
        text_ok=True,
    ),
    _f(
        "button",
        "Map.Longitude",
        "number",
        N_("The map's longitude."),
        _API6,
        range=_LON,
        text_ok=True,
    ),
    _f("button", "Frame", "object", N_("A border around the button."), _API6, api_level=6),
    _f(
        "button",
        "Frame.BorderWidth",
        "integer",
        N_("Border width in pixels."),
        _API6,
        range=limits.FRAME_RANGE,
        default=1,
    ),
    _f(
        "button",
        "Frame.CornerRadius",
        "integer",
        N_("Corner radius in pixels."),
        _API6,
        range=limits.FRAME_RANGE,
        default=0,
    ),
    _f(
        "button",
        "Frame.BorderColor",
        "string",
        N_("Border colour."),
        _API6,
        format="color",
        default="#000000",
    ),
    _f("button", "MediaPlayer", "object", N_("Play media inside the button."), _API6, api_level=6),
    _f("button", "MediaPlayer.Title", "string", N_("The player's title."), _API6),
    _f("button", "MediaPlayer.Subtitle", "string", N_("The player's subtitle."), _API6),
    _f(
        "button",
        "MediaPlayer.ThumbnailURL",
        "string",
        N_("The player's thumbnail URL."),
        _API6,
        format="url",
    ),
    _f("button", "MediaPlayer.Loop", "boolean", N_("Loop the media."), _API6, default=False),
)

BY_KEY: Final[dict[str, Field]] = {f.key: f for f in FIELDS}


def field_of(scope: str, *path: str) -> Field:
    """The field at ``path`` in ``scope`` (KeyError for a field the schema does not declare)."""
    return BY_KEY[f"{scope}:{'.'.join(path)}"]


def lookup(scope: str, path: tuple[str, ...]) -> Field | None:
    """The field at ``path`` for a message type (or "message", "button"), common fields included."""
    found = BY_KEY.get(f"{scope}:{'.'.join(path)}")
    if found is None and scope in MESSAGE_TYPES:
        found = BY_KEY.get(f"message:{'.'.join(path)}")
    return found


def children(scope: str, *parent: str) -> tuple[str, ...]:
    """The names of the fields directly under ``parent`` in ``scope``, in declaration order."""
    return tuple(f.name for f in fields_under(scope, *parent))


def choices(scope: str, *path: str) -> tuple[str, ...]:
    return field_of(scope, *path).choices


def _group(fields: tuple[Field, ...]) -> dict[tuple[str, tuple[str, ...]], tuple[Field, ...]]:
    groups: dict[tuple[str, tuple[str, ...]], list[Field]] = {}
    for f in fields:
        groups.setdefault((f.scope, f.path[:-1]), []).append(f)
    return {where: tuple(group) for where, group in groups.items()}


_UNDER: Final = _group(FIELDS)


def fields_under(scope: str, *parent: str) -> tuple[Field, ...]:
    """The fields directly under ``parent`` in ``scope``, in declaration (= checking) order."""
    return _UNDER.get((scope, parent), ())

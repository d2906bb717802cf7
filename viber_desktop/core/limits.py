"""Every numeric limit of the send_message API, defined once.

Character limits count UTF-16 code units (an emoji such as 😀 counts 2); byte limits
count the UTF-8 bytes of the compact JSON body (``core.text.body_bytes``). Where Viber's
sources disagree, the ``*_RULE`` texts say which value this project keeps and why; findings
quote them.
"""

from typing import Final

from viber_desktop.core.i18n import N_

SENDER_NAME_MAX: Final = 28
TRACKING_DATA_MAX: Final = 4000
TRACKING_DATA_RULE: Final = N_(
    "Viber's current docs say 4,000; an older copy says 4,096, and this app keeps 4,000"
)
TEXT_MAX: Final = 7000
PICTURE_TEXT_MAX: Final = 768
PICTURE_TEXT_WARN: Final = 512
URL_MEDIA_MAX: Final = 2000
CONTACT_NAME_MAX: Final = 28
CONTACT_PHONE_MAX: Final = 18
FILE_NAME_MAX: Final = 256
BUTTON_TEXT_MAX: Final = 250
"""Button Text longer than this is cropped by Viber and ends in "…" (a warning, not an error)."""
ACTION_BODY_MAX: Final = 250
ACTION_BODY_RULE: Final = N_(
    'Viber refuses a longer one with status 3, "is too long (maximum allowed: 250)"'
)
FONT_SIZE_RANGE: Final = (12, 32)
"""``<font size=N>`` in button Text: sizes Viber documents (API level 4)."""
BROWSER_TITLE_MAX: Final = 15

REQUEST_BYTES_MAX: Final = 30_720
REQUEST_BYTES_WARN: Final = 30_000

VIDEO_SIZE_MAX: Final = 27_262_976
VIDEO_DURATION_MAX: Final = 180
FILE_SIZE_MAX: Final = 52_428_800
AVATAR_BYTES_WARN: Final = 100 * 1024

LAT_MAX: Final = 90.0
LON_MAX: Final = 180.0
LOCATION_RULE: Final = N_(
    "Viber's current docs type location.lat and lon as numbers; an older example sends "
    "strings, and this app keeps the numbers"
)
STICKER_ID_RULE: Final = N_(
    "Viber's API examples and SDKs send a number; the current docs show a string, and this "
    "app keeps the number"
)

GRID_COLUMNS_MAX: Final = 6
KEYBOARD_ROWS_MAX: Final = 2
RICH_MEDIA_ROWS_MAX: Final = 7
RICH_MEDIA_CARDS_MAX: Final = 6
CUSTOM_DEFAULT_HEIGHT_RANGE: Final = (40, 70)
HEIGHT_SCALE_RANGE: Final = (20, 100)
TEXT_OPACITY_RANGE: Final = (0, 100)
TEXT_PADDING_RANGE: Final = (0, 12)
FRAME_RANGE: Final = (0, 10)
BUTTON_COLUMNS_DEFAULT: Final = 6
BUTTON_ROWS_DEFAULT: Final = 1
BUTTON_SIZE_RULE: Final = N_(
    "a button without Columns or Rows counts as 6 columns by 1 row, the keyboard defaults; "
    "Viber's rich-media docs give no default"
)
RICH_MEDIA_MIN_API_VERSION: Final = 2
RICH_MEDIA_LEVEL_RULE: Final = N_(
    "Viber's SDKs send 2 for rich media; the docs' examples use 1 or 7, and this app keeps 2"
)

RECEIVER_MESSAGES_PER_HOUR: Final = 100
RECEIVER_WARN_FROM: Final = 90

WARN_FRACTION: Final = 0.9
"""Counters turn amber at this fraction of their limit."""

PICTURE_EXTENSIONS: Final = (".jpg", ".jpeg", ".png", ".gif")
JPEG_EXTENSIONS: Final = (".jpg", ".jpeg")
VIDEO_EXTENSIONS: Final = (".mp4",)
FORBIDDEN_FILE_EXTENSIONS: Final = frozenset(
    # Windows
    [
        ".bat",
        ".bin",
        ".cmd",
        ".com",
        ".cpl",
        ".exe",
        ".gadget",
        ".inf1",
        ".ins",
        ".inx",
        ".isu",
        ".job",
        ".jse",
        ".lnk",
        ".msc",
        ".msi",
        ".msp",
        ".mst",
        ".paf",
        ".pif",
        ".ps1",
        ".reg",
        ".rgs",
        ".sct",
        ".shb",
        ".shs",
        ".u3p",
        ".vb",
        ".vbe",
        ".vbs",
        ".vbscript",
        ".ws",
        ".wsf",
        ".action",
        ".app",
        ".command",
        ".csh",
        ".osx",
        ".workflow",
        ".ksh",
        ".out",
        ".run",
        ".apk",
        ".ipa",
        ".prg",
    ]
)

PAYMENT_TYPE: Final = "payment"
"""Sent through send_message from API level 10; only its common fields are checked."""
PAYMENT_MIN_API_VERSION: Final = 10

MESSAGE_TYPES: Final = (
    "text",
    "picture",
    "video",
    "file",
    "contact",
    "location",
    "url",
    "sticker",
    "rich_media",
)

"""Every numeric limit of the send_message API, defined once.

Character limits count UTF-16 code units (an emoji such as 😀 counts 2); byte limits
count the UTF-8 bytes of the compact JSON body (see ``core.body``).
"""

from typing import Final

SENDER_NAME_MAX: Final = 28
TRACKING_DATA_MAX: Final = 4000
TEXT_MAX: Final = 7000
PICTURE_TEXT_MAX: Final = 768
PICTURE_TEXT_WARN: Final = 512
URL_MEDIA_MAX: Final = 2000
CONTACT_NAME_MAX: Final = 28
CONTACT_PHONE_MAX: Final = 18
FILE_NAME_MAX: Final = 256
BUTTON_TEXT_MAX: Final = 250
BROWSER_TITLE_MAX: Final = 15

REQUEST_BYTES_MAX: Final = 30_720
REQUEST_BYTES_WARN: Final = 30_000

VIDEO_SIZE_MAX: Final = 27_262_976
VIDEO_DURATION_MAX: Final = 180
FILE_SIZE_MAX: Final = 52_428_800
AVATAR_BYTES_WARN: Final = 100 * 1024

LAT_MAX: Final = 90.0
LON_MAX: Final = 180.0

GRID_COLUMNS_MAX: Final = 6
KEYBOARD_ROWS_MAX: Final = 2
RICH_MEDIA_ROWS_MAX: Final = 7
RICH_MEDIA_CARDS_MAX: Final = 6
CUSTOM_DEFAULT_HEIGHT_RANGE: Final = (40, 70)
HEIGHT_SCALE_RANGE: Final = (20, 100)
TEXT_OPACITY_RANGE: Final = (0, 100)
TEXT_PADDING_RANGE: Final = (0, 12)
FRAME_RANGE: Final = (0, 10)

RECEIVER_MESSAGES_PER_HOUR: Final = 100
RECEIVER_WARN_FROM: Final = 90

WARN_FRACTION: Final = 0.9
"""Counters turn amber at this fraction of their limit."""

PICTURE_EXTENSIONS: Final = (".jpg", ".jpeg", ".png", ".gif")
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

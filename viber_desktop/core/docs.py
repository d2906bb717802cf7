"""Markdown for the README, generated from the tables in core (the README must match)."""

from viber_desktop.core import limits
from viber_desktop.core.statuses import BILLING, STATUSES


def status_table() -> str:
    rows = ["| Code | Name | Meaning | What to do |", "|---|---|---|---|"]
    rows += [f"| {s.code} | `{s.name}` | {s.meaning} | {s.advice} |" for s in STATUSES.values()]
    rows.append(
        "| other | `generalError` | Viber reported an error this app does not know. | "
        "Read status_message. |"
    )
    rows += ["", "| billing_status | Name | Meaning |", "|---|---|---|"]
    rows += [f"| {b.code} | `{b.name}` | {b.meaning} |" for b in BILLING.values()]
    return "\n".join(rows)


def limits_table() -> str:
    items = [
        (
            "sender.name",
            f"1-{limits.SENDER_NAME_MAX} characters; no sender at all is a warning (receivers "
            "see the bot account's name)",
        ),
        (
            "tracking_data",
            f"0-{limits.TRACKING_DATA_MAX} characters, a string (never null); "
            f"{limits.TRACKING_DATA_RULE}",
        ),
        ("text (text message)", f"1-{limits.TEXT_MAX} characters"),
        (
            "text (picture caption)",
            f"0-{limits.PICTURE_TEXT_MAX}, warning above {limits.PICTURE_TEXT_WARN}",
        ),
        ("media (url message)", f"1-{limits.URL_MEDIA_MAX} characters"),
        (
            "contact.name / phone_number",
            f"1-{limits.CONTACT_NAME_MAX} / 1-{limits.CONTACT_PHONE_MAX} (+ then digits)",
        ),
        ("file_name", f"1-{limits.FILE_NAME_MAX}, extension not forbidden"),
        (
            "video size / duration",
            f"1-{limits.VIDEO_SIZE_MAX:,} bytes / 0-{limits.VIDEO_DURATION_MAX} s",
        ),
        ("file size", f"1-{limits.FILE_SIZE_MAX:,} bytes"),
        (
            "button Text",
            f"longer than {limits.BUTTON_TEXT_MAX} characters is cropped with “…” (a warning); "
            f"`<font size>` {limits.FONT_SIZE_RANGE[0]}-{limits.FONT_SIZE_RANGE[1]}",
        ),
        (
            "button ActionBody",
            f"0-{limits.ACTION_BODY_MAX} characters; a URL or app link for open-url",
        ),
        (
            "rich media",
            f"at most {limits.RICH_MEDIA_CARDS_MAX} cards, rows 1-{limits.RICH_MEDIA_ROWS_MAX}; "
            f"min_api_version {limits.RICH_MEDIA_MIN_API_VERSION} ({limits.RICH_MEDIA_LEVEL_RULE})",
        ),
        (
            "request body",
            f"error above {limits.REQUEST_BYTES_MAX:,} bytes, warning above "
            f"{limits.REQUEST_BYTES_WARN:,}",
        ),
    ]
    rows = ["| Field | Rule |", "|---|---|"] + [f"| {a} | {b} |" for a, b in items]
    return "\n".join(rows)

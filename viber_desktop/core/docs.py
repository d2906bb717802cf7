"""Markdown for the README, generated from the tables in core (the README must match)."""

import json

from viber_desktop.core import limits, schema
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
    """One row per field with a limit, a range, an API level or a rule kept where sources differ."""
    rows = ["| Field | Rule | API level | Source |", "|---|---|---|---|"]
    for f in schema.FIELDS:
        if f.max_len is None and f.range is None and f.api_level == 1 and not f.rule:
            continue
        level = str(f.api_level) if f.api_level > 1 else ""
        rows.append(f"| {field_label(f)} | {field_rule(f)} | {level} | {f.source} |")
    rows += [f"| {name} | {rule} | | {source} |" for name, rule, source in _across_fields()]
    return "\n".join(rows)


def field_label(f: schema.Field) -> str:
    """``sender.name``, ``picture: text``, ``button InternalBrowser.CustomTitle``."""
    dotted = ".".join(f.path)
    if f.scope == "message":
        return dotted
    if f.scope == "button":
        return f"button {dotted}"
    return f"{f.scope}: {dotted}"


def field_rule(f: schema.Field) -> str:
    """The field's rules in words: length or range, default, and the rule kept."""
    parts = ["required" if f.required else "optional"]
    if f.max_len is not None and f.soft:
        parts.append(
            f"longer than {f.max_len} characters is cropped with “…” (a warning, not an error)"
        )
    elif f.max_len is not None:
        warn = f", warning above {f.warn_len}" if f.warn_len is not None else ""
        parts.append(f"{f.min_len}-{f.max_len} characters{warn}")
    if f.range is not None:
        lo, hi = f.range
        what = "each of 4 integers " if f.kind == "array" else ""
        if hi is None:
            parts.append(f"at least {_num(lo)}")
        elif lo is not None and lo < 0:
            parts.append(f"{what}from {_num(lo)} to {_num(hi)}{f.unit}")
        else:
            parts.append(f"{what}{_num(lo)}-{_num(hi)}{f.unit}")
    if f.default is not None and not isinstance(f.default, tuple):
        parts.append(f"default {json.dumps(f.default)}")
    if f.rule:
        parts.append(f.rule)
    return "; ".join(parts)


def _num(value: float | None) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def _across_fields() -> list[tuple[str, str, str]]:
    """Rules that tie fields together, checked by hand-written code (not one field's limits)."""
    lo, hi = limits.FONT_SIZE_RANGE
    return [
        (
            "sender",
            "no sender at all is a warning (receivers see the bot account's name)",
            "Viber's answers to real bodies",
        ),
        ("tracking_data", "a string, never null (Viber rejects null)", "Viber's answers"),
        (
            "file: file_name",
            "has an extension that Viber does not refuse; media should end with it",
            "viber-api.md §3.2",
        ),
        ("contact: contact.phone_number", "an optional + then digits", "viber-api.md §3.2"),
        ("button Text", f"`<font size>` {lo}-{hi} (a warning outside)", "keyboards docs"),
        ("button ActionBody", "a URL or app link for open-url", "keyboards docs"),
        (
            "rich media",
            f"at most {limits.RICH_MEDIA_CARDS_MAX} cards; a button that does not fit in the "
            "rest of a row goes to the row below",
            "rich media docs",
        ),
        (
            "request body",
            f"error above {limits.REQUEST_BYTES_MAX:,} bytes, warning above "
            f"{limits.REQUEST_BYTES_WARN:,}",
            "viber-api.md §3",
        ),
    ]

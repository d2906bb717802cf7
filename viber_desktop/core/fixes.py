"""Ways out of findings: the fixes a rule offers, built only once it raises a finding.

A fix is pure data (:class:`~viber_desktop.core.findings.Fix`): set a JSON Pointer to a value,
or remove it. A rule builds its fixes next to the finding it raises, from the helpers here; the
first fix is the recommended one. A rule offers a fix only where the change is safe and plainly
what the writer wants; where it is not (a URL cut short, a video size lowered), it offers none.
"""

import math
from typing import Any, Final

from viber_desktop.core.findings import Fix
from viber_desktop.core.i18n import _, ngettext, number
from viber_desktop.core.patterns import lazy_pattern
from viber_desktop.core.pointer import label as pointer_label
from viber_desktop.core.pointer import parts
from viber_desktop.core.schema import Field
from viber_desktop.core.text import compact_json, trim_utf16, utf16_len

CUT_FIELDS: Final = frozenset(
    {
        "message:sender.name",
        "text:text",
        "picture:text",
        "contact:contact.name",
        "file:file_name",
        "button:Text",
        "button:InternalBrowser.CustomTitle",
    }
)
"""Text people read, which a fix may cut to its limit (a file name keeps its extension).

Never cut: tracking_data and ActionBody (data the bot reads back), URLs and phone numbers (a cut
one leads elsewhere)."""

CLAMPED_FIELDS: Final = frozenset(
    {
        "message:min_api_version",
        "message:keyboard.CustomDefaultHeight",
        "message:keyboard.HeightScale",
        "message:keyboard.ButtonsGroupColumns",
        "message:keyboard.ButtonsGroupRows",
        "rich_media:rich_media.ButtonsGroupColumns",
        "rich_media:rich_media.ButtonsGroupRows",
        "button:Columns",
        "button:Rows",
        "button:TextOpacity",
        "button:TextPaddings",
        "button:Frame.BorderWidth",
        "button:Frame.CornerRadius",
    }
)
"""Layout numbers a fix may move to the nearest allowed value.

Never moved: sizes and durations (facts about the file: lowering them does not shrink it),
coordinates (another place) and sticker_id (another sticker)."""

_NAME_MAX = 30
_SNIPPET_MAX = 20
_HOST_FIRST = lazy_pattern(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]{1,5})?([/?#]\S*)?")
_HEX = lazy_pattern(r"[0-9A-Fa-f]+")
_SPACES = lazy_pattern(r"\s+")


def remove(where: str, label: str = "") -> Fix:
    """Remove the value at ``where`` ("Remove chat_id" unless ``label`` says otherwise)."""
    return Fix(
        label=label or _("Remove {field}").format(field=place(where)), op="remove", path=where
    )


def set_to(where: str, value: Any, label: str) -> Fix:
    return Fix(label=label, op="set", path=where, value=value)


def raise_api(level: int) -> Fix:
    return set_to(
        "/min_api_version", level, _("Raise min_api_version to {level}").format(level=level)
    )


def place(where: str) -> str:
    """Where the field is (``sender.x``), its end kept when that is too long for a button."""
    if len(parts(where)) < 2:
        return name(where)
    full = _SPACES().sub(" ", without_lone_surrogates(pointer_label(where)[-8 * _NAME_MAX :]))
    return full if len(full) <= _NAME_MAX else "…" + full[-(_NAME_MAX - 1) :]


def name(where: str) -> str:
    """The field's own key, short enough for a button."""
    keys = parts(where)
    return snippet(keys[-1] if keys else _("the body"), _NAME_MAX)


def snippet(text: str, limit: int = _SNIPPET_MAX) -> str:
    """``text`` on one line, at most ``limit`` characters (then "…"), broken emoji as "�"."""
    if len(text) <= limit and text.isprintable():  # no line breaks, no lone surrogates
        return text
    piece = text[: 4 * limit]  # enough to fill the snippet once runs of spaces are one
    shown = without_lone_surrogates(_SPACES().sub(" ", piece))
    return shown if len(shown) <= limit and piece == text else shown[:limit] + "…"


def without_lone_surrogates(text: str) -> str:
    """``text`` with every unpaired surrogate (a broken emoji) replaced by U+FFFD."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-16 units, never inside a surrogate pair or right
    after a zero-width joiner (half an emoji sequence)."""
    kept = trim_utf16(text, limit)
    after = text[len(kept) : len(kept) + 1]
    if kept and "\ud800" <= kept[-1] <= "\udbff" and "\udc00" <= after <= "\udfff":
        kept = kept[:-1]  # a pair held as two code points: keep both halves or neither
    return kept.rstrip("\u200d")


def word_cut(text: str, limit: int) -> str:
    """``text`` cut as :func:`cut` does, back to the end of the last whole word when the cut
    would split one (if that keeps two thirds of the limit), without spaces at the end."""
    kept = cut(text, limit)
    rest = text[len(kept) :]
    if rest[:1].isalnum() and kept[-1:].isalnum():
        space = next((i for i in range(len(kept) - 1, -1, -1) if kept[i].isspace()), -1)
        if space >= 0 and utf16_len(kept[:space]) >= limit * 2 // 3:
            kept = kept[:space]
    return kept.rstrip()


def shorten(field: Field | None, where: str, text: str, limit: int) -> tuple[Fix, ...]:
    """'Shorten to N characters (cuts "…")' for text people read; a file name keeps its
    extension."""
    if field is None or field.key not in CUT_FIELDS:
        return ()
    keep = ""
    if field.name == "file_name":
        stem, dot, ext = text.rpartition(".")
        keep = f".{ext}" if dot and stem and ext else ""
    stem = text[: len(text) - len(keep)]
    kept = cut(stem, limit - utf16_len(keep)) if keep else word_cut(stem, limit)
    if not kept.strip():
        return ()  # nothing worth keeping: what to write instead is the writer's choice
    removed = stem[len(kept) :]
    return (
        set_to(
            where,
            kept + keep,
            ngettext(
                'Shorten to {limit} characters (cuts "{cut}")',
                'Shorten to {limit} characters (cuts "{cut}")',
                limit,
            ).format(limit=number(limit), cut=snippet(removed)),
        ),
    )


def clamp(
    field: Field | None, where: str, value: float, lo: float | None, hi: float | None
) -> tuple[Fix, ...]:
    """Move a layout number to the nearest allowed value ("Lower it to 6")."""
    if field is None or field.key not in CLAMPED_FIELDS:
        return ()
    if lo is not None and value < lo:
        return (set_to(where, _whole(lo), _("Raise it to {value}").format(value=_whole(lo))),)
    if hi is not None and value > hi:
        return (set_to(where, _whole(hi), _("Lower it to {value}").format(value=_whole(hi))),)
    return ()


def as_text(field: Field | None, where: str, value: Any) -> tuple[Fix, ...]:
    """A number where plain text belongs: the same digits in quotes (lossless)."""
    if field is None or field.kind != "string" or field.format or field.choices:
        return ()
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ()
    if isinstance(value, float) and not math.isfinite(value):
        return ()
    try:
        text = compact_json(value)
    except ValueError:  # an int of over 4,300 digits
        return ()
    return (set_to(where, text, _('Write "{text}" in quotes').format(text=snippet(text))),)


def choice(value: str, options: tuple[str, ...]) -> str | None:
    """The one option ``value`` means when it differs only in case, spaces or -/_ ("Open_URL")."""
    wanted = _loose(value)
    matches = [option for option in options if _loose(option) == wanted]
    return matches[0] if len(matches) == 1 else None


def color(value: str) -> str | None:
    """``#RRGGBB`` for the forms that plainly mean one colour: ``#FFF``, ``2DB9B9``, spaces."""
    digits = value.strip().removeprefix("#")
    if not _HEX().fullmatch(digits):
        return None
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return f"#{digits}" if len(digits) == 6 else None


def url(value: str) -> tuple[str, str] | None:
    """``(address, label)`` for an address that only lacks ``https://`` or has spaces around it;
    the caller checks the result is valid."""
    stripped = value.strip()
    if stripped != value and stripped:
        return stripped, _("Remove the spaces around it")
    if _HOST_FIRST().fullmatch(value):
        return f"https://{value}", _('Add "https://" in front')
    return None


def _loose(text: str) -> str:
    return text.strip().casefold().replace("_", "-").replace(" ", "-")


def _whole(value: float) -> float:
    return int(value) if float(value).is_integer() else value

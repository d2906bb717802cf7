"""How the API counts characters and bytes."""

import json
from typing import Any

from viber_desktop.core.patterns import lazy_pattern


def utf16_len(text: str) -> int:
    """Return the length of ``text`` in UTF-16 code units (what Viber limits count)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def trim_utf16(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` UTF-16 units without splitting a surrogate pair."""
    if utf16_len(text) == len(text):  # no character takes two units (a per-key fix: fast)
        return text[: max(limit, 0)]
    pos = used = 0  # text[:pos] takes ``used`` units
    stop = len(text)
    for m in _ASTRAL().finditer(text):
        at = m.start()
        if used + (at - pos) + 2 > limit:
            stop = at
            break
        used += at - pos + 2
        pos = at + 1
    return text[: pos + max(0, min(limit - used, stop - pos))]


def index_of(text: str, units: int) -> int:
    """The Python index of the UTF-16 position ``units`` in ``text`` (Qt counts UTF-16 units)."""
    if text.isascii():
        return min(units, len(text))
    count = 0
    for i, ch in enumerate(text):
        if count >= units:
            return i
        count += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def utf16_at(text: str, index: int) -> int:
    """The UTF-16 position of the Python index ``index`` in ``text``."""
    return utf16_len(text[:index])


_ASTRAL = lazy_pattern("[\U00010000-\U0010ffff]")
"""A character outside the BMP: two UTF-16 units."""


def body_bytes(payload: Any) -> bytes:
    """Return the exact bytes sent for ``payload``: compact JSON, UTF-8, not ASCII-escaped.

    This is the single serialiser: the checker measures these bytes and the client sends them.
    Raises UnicodeEncodeError for lone surrogates and ValueError for NaN or infinity (the
    checker reports both, so a checked payload always serialises).
    """
    return compact_json(payload, strict=True).encode("utf-8")


def compact_json(payload: Any, *, strict: bool = False) -> str:
    """Return the compact JSON text of ``payload`` (``strict``: refuse NaN and infinity)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=not strict)


def pretty_json(payload: Any) -> str:
    """Return ``payload`` pretty-printed for reading (never what is sent)."""
    return json.dumps(payload, ensure_ascii=False, indent=2)

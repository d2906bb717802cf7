"""Tags in button Text (Viber's HTML subset): find them, toggle them, colour a selection.

Split from core/markup.py (which hands these out by name too) and loaded when first used:
the window's start shows a text message, whose writing bar needs none of it (issue 16).
"""

import re
from dataclasses import dataclass

from viber_desktop.core.markup import Edited, Tag, _trim, _word_at
from viber_desktop.core.patterns import lazy_pattern

_ANY_TAG = lazy_pattern(r"<(/?)([a-zA-Z]+)\b([^<>]*)>")


@dataclass(frozen=True, slots=True)
class Element:
    """A tag and its closing tag in button Text: ``<name…>`` is ``start``..``inner[0]``,
    ``</name>`` is ``inner[1]``..``end``."""

    name: str
    start: int
    end: int
    inner: tuple[int, int]
    attrs: str


def elements(text: str) -> list[Element]:
    """The closed ``<b> <i> <u> <s> <font>`` elements of ``text``; a closing tag closes what
    was opened inside it too, as a browser does (tags left open are not elements)."""
    out: list[Element] = []
    stack: list[tuple[str, int, int, str]] = []
    for m in _ANY_TAG().finditer(text):
        name = m.group(2).lower()
        if name not in ("b", "i", "u", "s", "font"):
            continue
        if not m.group(1):
            stack.append((name, m.start(), m.end(), m.group(3)))
        elif any(opened[0] == name for opened in stack):
            while stack:
                opened = stack.pop()
                if opened[0] == name:
                    out.append(Element(name, opened[1], m.end(), (opened[2], m.start()), opened[3]))
                    break
    out.sort(key=lambda e: e.start)
    return out


def _inside_tags(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection without whole tags at its ends ("<b>Buy</b>" selected is "Buy")."""
    moved = True
    while moved:
        moved = False
        m = _ANY_TAG().match(text, start)
        if m is not None and m.end() <= end:
            start, moved = m.end(), True
        tail = text.rfind("<", start, end)
        if tail >= 0 and end > start and text[end - 1] == ">":
            m = _ANY_TAG().fullmatch(text, tail, end)
            if m is not None:
                end, moved = tail, True
    return start, end


def _enclosing(text: str, start: int, end: int, name: str) -> tuple[Element, int, int] | None:
    """The innermost ``name`` element whose inside holds the selection, and the selection
    without whole tags at its ends."""
    start, end = _inside_tags(text, start, end)
    found = [
        e for e in elements(text) if e.name == name and e.inner[0] <= start <= end <= e.inner[1]
    ]
    return (max(found, key=lambda e: e.start), start, end) if found else None


def has_tag(text: str, start: int, end: int, tag: str) -> bool:
    """Whether the selection (or the cursor) is inside a ``<tag>`` element: the bar shows it."""
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    return _enclosing(text, start, end, tag) is not None


def toggle_tag(text: str, start: int, end: int, tag: Tag) -> Edited:
    """Wrap the selection in ``<tag>…</tag>``, or unwrap the element it is already inside (the
    cursor in ``<b>Buy now</b>`` unbolds it all, as the markdown bar does)."""
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    found = _enclosing(text, start, end, tag)
    if found is not None:
        el, start, end = found
        (a, b), head = el.inner, el.inner[0] - el.start
        new = text[: el.start] + text[a:b] + text[el.end :]
        return Edited(new, start - head, end - head)
    opening, closing = f"<{tag}>", f"</{tag}>"
    if start == end:
        start, end = _word_at(text, start)
    trimmed = _trim(text, start, end)
    if trimmed[0] < trimmed[1]:
        start, end = trimmed
    new = text[:start] + opening + text[start:end] + closing + text[end:]
    return Edited(new, start + len(opening), end + len(opening))


_COLOR_ATTR = lazy_pattern(r"""\s*\bcolor\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)""", re.IGNORECASE)


def set_font_color(text: str, start: int, end: int, color: str) -> Edited:
    """Colour the selection: ``<font color="#RRGGBB">…</font>``. The cursor in a ``<font>``
    element, or a selection of all it holds (tags aside), changes that element's colour
    instead of nesting a second one."""
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    attr = f' color="{color}"'
    found = _enclosing(text, start, end, "font")
    if found is not None:
        el, lo, hi = found
        a, b = el.inner
        whole = _inside_tags(text, a, b) == _inside_tags(text, lo, hi) or start == end
        if whole:
            tag = f"<font{attr}{_COLOR_ATTR().sub('', el.attrs)}>"
            new = text[: el.start] + tag + text[a:]
            shift = len(tag) - (a - el.start)
            return Edited(new, start + shift, end + shift)
    if start == end:
        start, end = _word_at(text, start)
    trimmed = _trim(text, start, end)
    if trimmed[0] < trimmed[1]:
        start, end = trimmed
    opening = f"<font{attr}>"
    new = text[:start] + opening + text[start:end] + "</font>" + text[end:]
    return Edited(new, start + len(opening), end + len(opening))

"""Viber's text formatting: the markdown of message text and the HTML subset of button Text.

Markdown (developers.viber.com/docs/tools/text-formatting, viber-api.md §3.2 "DV-FMT"):
``*bold*``, ``_italic_``, ``~strike~`` and ````` ```monospace``` `````. A span is formatted only
when its opening mark is followed by a non-space and its closing mark preceded by one, and the
closing mark is not followed by a letter or digit ("*Viber*bots" stays as typed). Two choices
the docs leave open, kept here: an opening mark right after a letter or digit does not open
(``snake_case_name`` stays as typed), and marks nest (``*_both_*``) except inside monospace.
Viber 14.6 and newer show it; older apps show the marks. Keyboards and rich media do not
format markdown: their button ``Text`` takes ``<b> <i> <u> <s> <font color= size=> <br>``.

Positions are Python string indices; Qt counts UTF-16 units (``core.text.index_of``, ``utf16_at``).
"""

import functools
from bisect import bisect_left
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

from viber_desktop.core.findings import Fix
from viber_desktop.core.i18n import N_
from viber_desktop.core.patterns import lazy_pattern

if TYPE_CHECKING:  # only for the type: the checker builds the context
    from viber_desktop.core.button_tags import Element as Element
    from viber_desktop.core.button_tags import elements as elements
    from viber_desktop.core.button_tags import has_tag as has_tag
    from viber_desktop.core.button_tags import set_font_color as set_font_color
    from viber_desktop.core.button_tags import toggle_tag as toggle_tag
    from viber_desktop.core.rules import Context

_BUTTON_TAGS = frozenset({"Element", "elements", "has_tag", "set_font_color", "toggle_tag"})
"""Tag editing of button Text, in core/button_tags.py: loaded when first used (issue 16)."""


def __getattr__(name: str) -> object:
    if name in _BUTTON_TAGS:
        from viber_desktop.core import button_tags

        return getattr(button_tags, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


Mark = Literal["*", "_", "~", "```"]
Tag = Literal["b", "i", "u", "s"]

MARKS: Final[tuple[Mark, ...]] = ("```", "*", "_", "~")
"""Monospace first: its backticks are read before anything inside them."""
MARK_NAMES: Final[dict[Mark, str]] = {
    "*": N_("bold"),
    "_": N_("italic"),
    "~": N_("strikethrough"),
    "```": N_("monospace"),
}
"""English; findings show them through ``_()``."""
HTML_OF: Final[dict[Mark, str]] = {"*": "b", "_": "i", "~": "s", "```": "tt"}
"""The preview's tag for each mark (Qt rich text shows <tt> in a fixed-pitch font)."""
BUTTON_TAGS: Final[tuple[str, ...]] = ("b", "i", "u", "s", "font", "br")
"""The HTML tags Viber documents in keyboard and rich-media button Text (viber-api.md §4.2)."""
MIN_VIBER_APP: Final = "14.6"
"""The Viber app version that shows markdown formatting (DV-FMT)."""

_CANDIDATE = lazy_pattern(r"```|[*_~]")


class Span(NamedTuple):
    """A formatted stretch: ``start``..``end`` includes both marks; ``inner`` is what shows."""

    start: int
    end: int
    mark: Mark
    children: tuple["Span", ...] = ()

    @property
    def inner(self) -> tuple[int, int]:
        width = len(self.mark)
        return self.start + width, self.end - width


def _word(ch: str) -> bool:
    return ch.isalnum()


def _positions(text: str) -> dict[Mark, tuple[list[int], list[int]]]:
    """Where each mark may open and where it may close, for the whole text.

    Trap: a nested parse reads the same lists: at the edges of a span's inside the outer mark
    (never a space, letter or digit) decides an opening or closing as the edge itself would.
    (One scan with a test per mark beats a regular expression with look-arounds by 2-3x.)
    """
    found: dict[Mark, tuple[list[int], list[int]]] = {m: ([], []) for m in MARKS}
    size = len(text)
    for m in _CANDIDATE().finditer(text):
        mark: Mark = m.group()  # type: ignore[assignment]
        at, after = m.start(), m.end()
        before = text[at - 1] if at else ""
        nxt = text[after] if after < size else ""
        opens, closes = found[mark]
        if nxt and not nxt.isspace() and not (before and before.isalnum()):
            opens.append(at)
        if before and not before.isspace() and not (nxt and nxt.isalnum()):
            closes.append(at)
    return found


@functools.lru_cache(maxsize=16)  # the checker and the preview read each text once a keystroke
def parse(text: str) -> tuple[Span, ...]:
    """The formatted spans of ``text`` as Viber shows them (outermost first, in order)."""
    if not _CANDIDATE().search(text):
        return ()
    return _parse(_positions(text), 0, len(text), MARKS)


def _parse(
    places: dict[Mark, tuple[list[int], list[int]]], lo: int, hi: int, allowed: tuple[Mark, ...]
) -> tuple[Span, ...]:
    """Spans in ``lo``..``hi``: the first opening mark that has a closing one after it wins,
    closed at the nearest closing mark; then on after it (linear in the marks, with bisects)."""
    openers: list[tuple[int, Mark]] = []
    for mark in allowed:
        opens = places[mark][0]
        openers.extend((at, mark) for at in opens[bisect_left(opens, lo) : bisect_left(opens, hi)])
    openers.sort()
    spans: list[Span] = []
    pos = lo
    dead: set[Mark] = set()  # no closing after an opening: none after any later one either
    for start, mark in openers:
        if start < pos or mark in dead:
            continue
        width = len(mark)
        closes = places[mark][1]
        j = bisect_left(closes, start + width + 1)  # at least one character inside
        if j == len(closes) or closes[j] + width > hi:
            dead.add(mark)
            continue
        close = closes[j]
        inner = _INNER[mark] if mark != "```" else ()
        kids = (
            _parse(places, start + width, close, tuple(m for m in inner if m in allowed))
            if inner and _any_opens(places, inner, start + width, close)
            else ()
        )
        spans.append(Span(start, close + width, mark, kids))
        pos = close + width
    return tuple(spans)


_INNER: Final[dict[Mark, tuple[Mark, ...]]] = {m: tuple(o for o in MARKS if o != m) for m in MARKS}


def _any_opens(
    places: dict[Mark, tuple[list[int], list[int]]], marks: tuple[Mark, ...], lo: int, hi: int
) -> bool:
    for mark in marks:
        opens = places[mark][0]
        i = bisect_left(opens, lo)
        if i < len(opens) and opens[i] < hi:
            return True
    return False


def flatten(spans: tuple[Span, ...]) -> list[Span]:
    """Every span, nested ones too, in order of their start."""
    out: list[Span] = []
    for span in spans:
        out.append(span)
        out.extend(flatten(span.children))
    return out


def uses_formatting(text: str) -> bool:
    return bool(parse(text))


def plain(text: str) -> str:
    """``text`` as Viber 14.6 and newer show it, without the marks (and without styles)."""
    return "".join(_pieces(text, parse(text), 0, len(text), html_out=False))


def to_html(text: str) -> str:
    """``text`` as Viber shows it, as escaped rich text for a QLabel (newlines as <br>)."""
    return "".join(_pieces(text, parse(text), 0, len(text), html_out=True))


def _pieces(text: str, spans: tuple[Span, ...], lo: int, hi: int, *, html_out: bool) -> list[str]:
    out: list[str] = []
    pos = lo
    for span in spans:
        out.append(_escape(text[pos : span.start], html_out))
        a, b = span.inner
        tag = HTML_OF[span.mark]
        if html_out:
            out.append(f"<{tag}>")
        out.extend(_pieces(text, span.children, a, b, html_out=html_out))
        if html_out:
            out.append(f"</{tag}>")
        pos = span.end
    out.append(_escape(text[pos:hi], html_out))
    return out


def escape_html(text: str) -> str:
    """``html.escape(text)``: the stdlib's module loads its 2,231 entity names (start-up)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;")


def _escape(text: str, html_out: bool) -> str:
    return escape_html(text).replace("\n", "<br>") if html_out else text


# --- the writing bar ------------------------------------------------------------------------


class Edited(NamedTuple):
    """A text after a toolbar action and the selection to show (Python indices)."""

    text: str
    start: int
    end: int


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave spaces at the ends of a selection outside the marks."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a selection that starts after or ends before a letter or digit to the whole word:
    a mark there does not format."""
    while start > 0 and _word(text[start - 1]):
        start -= 1
    while end < len(text) and _word(text[end]):
        end += 1
    return start, end


def _word_at(text: str, pos: int) -> tuple[int, int]:
    start = end = pos
    while start > 0 and _word(text[start - 1]):
        start -= 1
    while end < len(text) and _word(text[end]):
        end += 1
    return start, end


def toggle(text: str, start: int, end: int, mark: Mark) -> Edited:
    """Add ``mark`` around the selection ``start``..``end``, or remove it when everything the
    selection shows is already formatted with it (as a word processor does: a selection inside
    a span splits it, when the pieces still format; else the whole span is unformatted).

    Spaces at the ends of the selection stay outside; a selection inside a word grows to the
    word; an empty selection takes the word at the cursor, or inserts a pair of marks with the
    cursor between them.
    """
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    width = len(mark)
    same = [s for s in flatten(parse(text)) if s.mark == mark]
    if start == end:
        for span in same:
            a, b = span.inner
            if a <= start <= b:
                new = text[: span.start] + text[a:b] + text[span.end :]
                return Edited(new, start - width, start - width)
        start, end = _word_at(text, start)
        if start == end:
            return Edited(text[:start] + mark + mark + text[start:], start + width, start + width)
    start, end = _trim(text, start, end)
    if start == end:
        return Edited(text, start, end)
    marked = _marked_spans(text, start, end, mark)
    if marked:
        return _unformat(text, start, end, marked)
    start, end = _to_words(text, start, end)
    # A span the selection cuts through is taken whole (spans nest, never cross); so is a
    # monospace one, inside which nothing formats.
    moved = True
    while moved:
        moved = False
        for span in flatten(parse(text)):
            a, b = span.inner
            if span.start < end and start < span.end:
                within = a <= start and end <= b and span.mark != "```"
                if not within and (span.start < start or end < span.end):
                    start, end = min(start, span.start), max(end, span.end)
                    moved = True
    # The same formatting inside the selection merges into the new span ("*a* *b*" -> "*a b*").
    inside = [s for s in same if start <= s.start and s.end <= end]
    body = text[start:end]
    for span in reversed(inside):
        a, b = span.inner
        at = span.start - start
        body = body[:at] + text[a:b] + body[at + span.end - span.start :]
    new = text[:start] + mark + body + mark + text[end:]
    return Edited(new, start + width, start + width + len(body))


def is_marked(text: str, start: int, end: int, mark: Mark) -> bool:
    """Whether the selection (or the cursor) is formatted with ``mark``: the bar shows it."""
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    if start == end:
        return any(
            a <= start <= b for a, b in (s.inner for s in flatten(parse(text)) if s.mark == mark)
        )
    start, end = _trim(text, start, end)
    return bool(_marked_spans(text, start, end, mark))


def _marked_spans(text: str, start: int, end: int, mark: Mark) -> list[Span]:
    """The ``mark`` spans that format every shown character of ``start``..``end`` (marks are
    not shown), or none when a shown character there is not formatted with it."""
    spans = flatten(parse(text))
    state = bytearray(end - start)  # 0 shown and not formatted, 1 formatted, 2 a mark
    same = [s for s in spans if s.mark == mark and s.start < end and start < s.end]
    for span in same:
        a, b = span.inner
        lo, hi = max(a, start) - start, min(b, end) - start
        if lo < hi:
            state[lo:hi] = b"\x01" * (hi - lo)
    for span in spans:
        if span.start < end and start < span.end:
            w = len(span.mark)
            for at in (*range(span.start, span.start + w), *range(span.end - w, span.end)):
                if start <= at < end:
                    state[at - start] = 2
    if 0 in state or 1 not in state:
        return []
    return [s for s in same if s.inner[0] < end and start < s.inner[1]]


def _unformat(text: str, start: int, end: int, spans: list[Span]) -> Edited:
    """Remove ``spans``' mark from ``start``..``end``; a span reaching past the selection keeps
    its mark on the words outside it ("*big sale now*" -> "*big* sale *now*")."""
    edits: list[tuple[int, int, str]] = []  # (where, characters removed, inserted)
    lo, hi = start, end
    for n, span in enumerate(spans):
        a, b = span.inner
        mark, width = span.mark, len(span.mark)
        x, y = _to_words(text, max(a, start), min(b, end))
        x, y = max(a, x), min(b, y)
        kids = flatten(span.children)
        moved = True
        while moved:  # never split inside a nested span
            moved = False
            for kid in kids:
                if kid.start < x < kid.end or kid.start < y < kid.end:
                    x, y = min(x, kid.start), max(y, kid.end)
                    moved = True
        left = text[a:x].rstrip()
        right = text[y:b].lstrip()
        edits.append((span.start, 0 if left else width, ""))
        if left:
            edits.append((a + len(left), 0, mark))
        if right:
            edits.append((b - len(right), 0, mark))
        edits.append((b, 0 if right else width, ""))
        if n == 0:
            lo = x
        if n == len(spans) - 1:
            hi = y
    new = _apply_edits(text, edits)
    if plain(new) != plain(text):  # a piece would not format ("*big-*sale"): all of it, then
        edits = [
            e for s in spans for e in ((s.start, len(s.mark), ""), (s.inner[1], len(s.mark), ""))
        ]
        new = _apply_edits(text, edits)
        lo, hi = max(start, spans[0].inner[0]), min(end, spans[-1].inner[1])
    return Edited(new, _moved(lo, edits, after=True), _moved(hi, edits, after=False))


def _apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    for at, removed, added in sorted(edits, key=lambda e: e[0], reverse=True):
        text = text[:at] + added + text[at + removed :]
    return text


def _moved(pos: int, edits: list[tuple[int, int, str]], *, after: bool) -> int:
    """Where ``pos`` is after ``edits``; an insertion right at ``pos`` goes before it when
    ``after`` (a selection's start), else after it (its end)."""
    shift = 0
    for at, removed, added in edits:
        if at + removed < pos or (at + removed == pos and (removed or after)):
            shift += len(added) - removed
    return pos + shift


# --- button Text: Viber's HTML subset (its tags: core/button_tags.py) ---------------------


def insert(text: str, start: int, end: int, piece: str) -> Edited:
    """Replace the selection with ``piece`` (an emoji, ``<br>``); the cursor after it."""
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    new = text[:start] + piece + text[end:]
    return Edited(new, start + len(piece), start + len(piece))


def markdown_to_html(text: str) -> str:
    """Button Text written with markdown, as the HTML tags a button formats (monospace has no
    tag there: its marks are dropped)."""
    spans = parse(text)
    if not spans:
        return text
    return "".join(_as_tags(text, spans, 0, len(text)))


def _as_tags(text: str, spans: tuple[Span, ...], lo: int, hi: int) -> list[str]:
    out: list[str] = []
    pos = lo
    for span in spans:
        out.append(text[pos : span.start])
        a, b = span.inner
        tag = {"*": "b", "_": "i", "~": "s"}.get(span.mark, "")
        out.append(f"<{tag}>" if tag else "")
        out.extend(_as_tags(text, span.children, a, b))
        out.append(f"</{tag}>" if tag else "")
        pos = span.end
    out.append(text[pos:hi])
    return out


# --- positions: Qt counts UTF-16 units ------------------------------------------------------


# --- findings -------------------------------------------------------------------------------


def check(ctx: "Context", kind: str, text: str, where: str, name: str) -> None:
    """Findings on the formatting of ``text`` at ``where``: markdown in a message text shows
    only on newer apps; markdown in button Text is not formatted at all (HTML is)."""
    from viber_desktop.core.i18n import _  # the checker's hot path imports nothing it skips

    if not _CANDIDATE().search(text):
        return
    spans = parse(text)
    if not spans:
        return
    kinds = ", ".join(sorted({_(MARK_NAMES[s.mark]) for s in flatten(spans)}))
    if kind == "markdown":
        ctx.warn(
            where,
            "formatting_needs_new_app",
            _(
                "{name} uses formatting ({kinds}). Receivers with Viber {version} or newer see "
                "it; older Viber apps show the marks as typed."
            ).format(name=name, kinds=kinds, version=MIN_VIBER_APP),
        )
    elif kind == "html":
        fixed = markdown_to_html(text)
        ctx.warn(
            where,
            "markdown_in_button",
            _(
                "{name} uses formatting marks ({kinds}), which buttons do not format: receivers "
                "see the marks. Buttons take HTML tags such as <b>bold</b>."
            ).format(name=name, kinds=kinds),
            fixes=(Fix(_("Use HTML tags"), "set", where, fixed),) if fixed != text else (),
        )

"""Which words of a paragraph a spell checker looks at, and where they are.

Skipped: web addresses, e-mail addresses, ``{placeholders}``, @mentions, #hashtags, words with
digits or underscores (codes, ``snake_case``), words in CAPITALS (acronyms, SKUs), one-letter
words, Viber's monospace spans, and in button text HTML tags and entities. Viber's formatting
marks (``*bold*``, ``_italic_``, ``~strike~``) are punctuation here, so ``*word*`` checks
``word``.

Positions are UTF-16 code units from the start of the paragraph, as Qt counts them (and as
Viber's limits do): an emoji before a word moves it by two.
"""

import functools
import re
from typing import Final, Literal, NamedTuple

from viber_desktop.core import i18n
from viber_desktop.core.text import utf16_len

Mode = Literal["plain", "markup", "html"]
"""plain: a name; markup: message text with Viber's marks; html: button text (Viber's HTML)."""

SPELL_FIELDS: Final[dict[tuple[str, tuple[str, ...]], Mode]] = {
    ("text", ("text",)): "markup",
    ("picture", ("text",)): "markup",
    ("contact", ("contact", "name")): "plain",
    ("rich_media", ("alt_text",)): "plain",
    ("button", ("Text",)): "html",
}
"""The fields whose words are checked (schema scope and path), and how their text is read."""

LANGUAGES: Final = i18n.LANGUAGES
"""Spelling languages a profile can choose (an empty choice follows the window's language)."""


class Word(NamedTuple):
    """A word to check: ``start``/``end`` in UTF-16 units within its paragraph."""

    start: int
    end: int
    text: str


_APOSTROPHES = "'’ʼ"
_WORD = rf"[^\W_]+(?:[-{_APOSTROPHES}][^\W_]+)*"
_SKIP_COMMON = (
    r"(?:https?|ftp|viber|tel|mailto)://\S*"  # scheme addresses (viber://pa?chatURI=...)
    r"|(?:https?|viber|tel|mailto):\S+"
    r"|www\.\S+"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|\b(?:[a-z0-9-]+\.)+(?:com|net|org|info|biz|io|me|app|shop|store|ua|uk|us|eu|de)\b\S*"
    r"|\{\{?[^{}\n]*\}?\}"  # {placeholder} and {{placeholder}}
    r"|[@#][^\W]+"  # @mentions and #hashtags
    r"|\bViber\b"  # the messenger itself: in every message, in no dictionary
)
_SKIP: Final[dict[Mode, tuple[str, int]]] = {
    "plain": (_SKIP_COMMON, re.IGNORECASE),
    "markup": (r"```.*?```|`[^`\n]*`|" + _SKIP_COMMON, re.IGNORECASE | re.DOTALL),
    "html": (r"<[^<>]*>?|&#?\w+;|" + _SKIP_COMMON, re.IGNORECASE),
}


_MULTI_WORD: Final[dict[Mode, tuple[str, int]]] = {
    "plain": (r"\{\{?[^{}\n]*\}?\}", 0),
    "markup": (r"```.*?```|`[^`\n]*`|\{\{?[^{}\n]*\}?\}", re.DOTALL),
    "html": (r"<[^<>]*>?|\{\{?[^{}\n]*\}?\}", 0),
}
"""The skipped spans that may hold spaces; every other skipped span is one run of non-spaces."""
_SPACE = r"\s"


@functools.cache
def _compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled on first use: spelling starts after the window's first paint, and
    these patterns took a few milliseconds of every start (issue 16)."""
    return re.compile(source, flags)


SEGMENT: Final = 240
"""About how many characters :func:`segments` puts in a piece."""


def segments(paragraph: str, mode: Mode = "plain") -> list[tuple[int, str]]:
    """``paragraph`` cut at spaces into pieces of about SEGMENT characters (with where each
    starts), never inside a skipped span: the words of the pieces are the paragraph's words.

    A checker remembers pieces, so a key typed in a long paragraph tokenizes one piece.
    """
    if len(paragraph) <= SEGMENT:
        return [(0, paragraph)]
    spans = [m.span() for m in _compiled(*_MULTI_WORD[mode]).finditer(paragraph)]
    pieces: list[tuple[int, str]] = []
    space = _compiled(_SPACE)
    start, s = 0, 0
    while len(paragraph) - start > SEGMENT:
        cut = space.search(paragraph, start + SEGMENT)
        while cut is not None:
            while s < len(spans) and spans[s][1] <= cut.start():
                s += 1
            if s == len(spans) or spans[s][0] > cut.start():
                break  # not inside a span that holds spaces
            cut = space.search(paragraph, spans[s][1])
        if cut is None:
            break
        end = cut.end()
        pieces.append((start, paragraph[start:end]))
        start = end
    pieces.append((start, paragraph[start:]))
    return pieces


def words(paragraph: str, mode: Mode = "plain") -> list[Word]:
    """The words of ``paragraph`` worth checking, in order."""
    skipped = [m.span() for m in _compiled(*_SKIP[mode]).finditer(paragraph)]
    found: list[Word] = []
    wide = _has_astral(paragraph)
    s = 0  # index into ``skipped``: spans and words both come in order
    for m in _compiled(_WORD).finditer(paragraph):
        start, end = m.span()
        while s < len(skipped) and skipped[s][1] <= start:
            s += 1
        if s < len(skipped) and skipped[s][0] < end:
            continue  # inside (or touching) an address, a placeholder, a tag…
        text = m.group()
        if not _worth_checking(text, paragraph, start, end):
            continue
        if wide:
            start, end = utf16_len(paragraph[:start]), utf16_len(paragraph[:end])
        found.append(Word(start, end, text))
    return found


def _worth_checking(text: str, paragraph: str, start: int, end: int) -> bool:
    if len(text) < 2 or any(c.isdigit() for c in text):
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return False  # an acronym or a code: SKU, UTM, ВАТ
    before = paragraph[start - 1] if start else ""
    after = paragraph[end] if end < len(paragraph) else ""
    # Part of an identifier or a path (snake_case, file.txt, a/b) rather than a word.
    if before in "_\\/" and start >= 2 and paragraph[start - 2].isalnum():
        return False
    if after in "_\\/" and end + 1 < len(paragraph) and paragraph[end + 1].isalnum():
        return False
    if before == "." and start >= 2 and paragraph[start - 2].isalpha():
        return False  # file.txt, a.b: a name, not prose
    return not (after == "." and end + 1 < len(paragraph) and paragraph[end + 1].isalpha())


def _has_astral(text: str) -> bool:
    return not text.isascii() and any(ord(c) > 0xFFFF for c in text)


def shifted(old: str, found: list[Word], new: str) -> list[Word]:
    """The words of ``found`` (in ``old``) that an edit turning ``old`` into ``new`` left
    alone, moved to where they are in ``new``: a guess to show until ``new`` is checked."""
    if not found or old == new:
        return found if old == new else []
    prefix = _common_prefix(old, new)
    limit = min(len(old), len(new)) - prefix
    suffix = _common_prefix(old[::-1][:limit], new[::-1][:limit])
    head = utf16_len(old[:prefix])
    tail_old = utf16_len(old) - utf16_len(old[len(old) - suffix :])
    delta = utf16_len(new) - utf16_len(old)
    kept: list[Word] = []
    for w in found:
        if w.end < head:  # a word touching the edit may have grown: drop it
            kept.append(w)
        elif w.start > tail_old:
            kept.append(Word(w.start + delta, w.end + delta, w.text))
    return kept


def _common_prefix(a: str, b: str) -> int:
    """How many first characters ``a`` and ``b`` share (slices compare in C: a long
    paragraph costs microseconds, not a Python loop per character)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low

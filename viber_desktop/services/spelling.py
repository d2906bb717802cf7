"""Spell checking with Enchant (pyenchant) and the system's Hunspell dictionaries.

One :class:`Speller` per language, plus a personal dictionary shared by every language (brand
and product names) in the data folder: an added word is appended to the file's bytes as read
(comments, any number of lines and bytes that are not UTF-8 stay), written atomically; a file
that could not be read is never written. In Ukrainian, words in Latin letters are checked in
English (a Ukrainian dictionary accepts every one). Without the Enchant library or the
language's dictionary, :func:`open_speller` raises :class:`SpellingOff` saying why and what to
install; the app works on without underlines.

Trap: an Enchant dictionary is not safe to use from two threads at once, and opening one takes
a noticeable time (Hunspell reads the whole .dic file): open and check on a worker thread; every
call here takes the speller's lock.

An open dictionary is large (English 8 MiB, Ukrainian 39), so a speller can let it go while
nothing is checked (:meth:`Speller.release`) and opens it again for the next word it does not
know yet (English about 50 ms, Ukrainian 300, on the worker).
"""

import errno
import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from viber_desktop.core.i18n import N_, _
from viber_desktop.core.spell_words import LANGUAGES, Mode, Word, segments, words
from viber_desktop.core.text import utf16_len
from viber_desktop.services.atomic import write_atomic
from viber_desktop.services.local_files import read_local_file
from viber_desktop.services.paths import data_dir

PERSONAL_FILE: Final = "personal-dictionary.txt"
"""The personal dictionary's file name in the data folder: one word a line, UTF-8."""
PERSONAL_MAX: Final = 20_000
"""Words read from the end of the personal file (a damaged or huge one cannot slow every
check); the file keeps all of them."""
WORD_MAX: Final = 64
"""Longer 'words' are never looked up or added (a pasted token, not a word)."""
SUGGESTIONS_MAX: Final = 7
DICTIONARY_TAGS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("en_US", "en_GB", "en"),
    "uk": ("uk_UA", "uk"),
}
"""Dictionaries tried for each language, in order."""
LATIN_IN_ENGLISH: Final = {"uk": True}
"""Languages whose words in Latin letters are checked with the English dictionary."""
APT_PACKAGES: Final = {"en": "hunspell-en-us", "uk": "hunspell-uk"}
LANGUAGE_NAMES: Final = {"en": N_("English"), "uk": N_("Ukrainian")}
_CACHE_MAX = 50_000
_PIECES_MAX = 5_000


class SpellingOff(Exception):
    """Spell checking cannot run; the message says why and what to install."""


def language_name(language: str) -> str:
    return _(LANGUAGE_NAMES.get(language, language))


def personal_path() -> Path:
    return data_dir() / PERSONAL_FILE


def _enchant() -> Any:
    """The pyenchant module, or SpellingOff when it or the Enchant library cannot be loaded."""
    try:
        import enchant
    # Trap: not only ImportError. With PYENCHANT_LIBRARY_PATH naming a missing file pyenchant
    # fails an assert; a broken library can raise OSError.
    except (ImportError, AssertionError, OSError, ValueError):
        chosen = os.environ.get("PYENCHANT_LIBRARY_PATH")
        if chosen:
            raise SpellingOff(
                _(
                    "Spell checking is off: the Enchant spelling library could not be loaded "
                    "from {path} (set by PYENCHANT_LIBRARY_PATH). Correct or remove that "
                    "setting and restart the app."
                ).format(path=chosen)
            ) from None
        raise SpellingOff(
            _(
                "Spell checking is off: the Enchant spelling library is not installed. "
                "Install libenchant-2-2 (on Debian or Ubuntu: sudo apt install libenchant-2-2) "
                "and restart the app."
            )
        ) from None
    return enchant


def available_languages() -> list[str]:
    """The languages of :data:`LANGUAGES` with a dictionary on this computer."""
    try:
        enchant = _enchant()
        tags = set(enchant.list_languages())
    except (SpellingOff, OSError):
        return []
    return [lang for lang in LANGUAGES if any(t in tags for t in DICTIONARY_TAGS[lang])]


Checkers = tuple[Any, Any]
"""A language's Enchant dictionary and the one for its words in Latin letters (or None)."""


class Speller:
    """Checks words in one language; knows the personal dictionary and ignored words."""

    def __init__(
        self,
        language: str,
        checker: Any,
        personal: Path | None = None,
        latin: Any = None,
        *,
        reopen: Callable[[], Checkers] | None = None,
    ) -> None:
        """``reopen`` opens the dictionaries again after :meth:`release` (None: never let go)."""
        self.language = language
        self._checker: Any = checker
        self._latin: Any = latin
        """The checker for words in Latin letters (English in Ukrainian), None: the main one."""
        self._reopen = reopen
        self.last_used = time.monotonic()
        """When a dictionary was last asked (time.monotonic)."""
        self.personal_path = personal or personal_path()
        self.personal: set[str] = set()
        self.ignored: set[str] = set()
        """Words ignored for this session (not saved)."""
        self.problem: str | None = None
        """Why the personal dictionary could not be read, in plain words (it is never
        written then)."""
        self._known: dict[str, bool] = {}
        self._pieces: dict[tuple[str, str], list[Word]] = {}
        """Misspelt words of pieces of paragraphs already checked (see ``misspelt``)."""
        self._lock = threading.RLock()
        self._read_personal()

    # --- checking -----------------------------------------------------------------------

    def correct(self, word: str) -> bool:
        """True when ``word`` is spelt right, in the personal dictionary or ignored."""
        with self._lock:
            known = self._known.get(word)
            if known is None:
                known = self._look_up(word)
                if len(self._known) >= _CACHE_MAX:
                    self._known.clear()
                self._known[word] = known
            return known

    def misspelt(self, paragraph: str, mode: Mode = "plain") -> list[Word]:
        """The words of ``paragraph`` that are misspelt (positions in UTF-16 units).

        A long paragraph is checked in pieces, each remembered: a key typed in it checks
        one piece again, not 7,000 characters.
        """
        found: list[Word] = []
        astral = not paragraph.isascii() and any(ord(c) > 0xFFFF for c in paragraph)
        with self._lock:
            for start, piece in segments(paragraph, mode):
                wrong = self._pieces.get((mode, piece))
                if wrong is None:
                    wrong = [w for w in words(piece, mode) if not self.correct(w.text)]
                    if len(self._pieces) >= _PIECES_MAX:
                        self._pieces.clear()
                    self._pieces[(mode, piece)] = wrong
                if wrong and start:
                    offset = utf16_len(paragraph[:start]) if astral else start
                    wrong = [Word(w.start + offset, w.end + offset, w.text) for w in wrong]
                found.extend(wrong)
        return found

    def suggestions(self, word: str) -> list[str]:
        """Up to SUGGESTIONS_MAX corrections, best first (slow: tens of milliseconds)."""
        if len(word) > WORD_MAX:
            return []
        with self._lock:
            try:
                found = self._checker_for(word).suggest(_plain_apostrophes(word))
            except (ValueError, OSError, SpellingOff):
                return []
        return _ranked(word, list(dict.fromkeys(found)))[:SUGGESTIONS_MAX]

    @property
    def holds_dictionary(self) -> bool:
        """True while the dictionaries are open (False once let go, until the next lookup)."""
        return self._checker is not None

    def release(self) -> bool:
        """Let the dictionaries go and give their memory back to the system; the next word
        not checked before opens them again. False when this speller cannot reopen them."""
        with self._lock:
            if self._reopen is None or self._checker is None:
                return False
            self._checker = self._latin = None  # Enchant frees a dictionary with its last user
        give_back_memory()
        return True

    def _checker_for(self, word: str) -> Any:
        self.last_used = time.monotonic()
        if self._checker is None:
            assert self._reopen is not None
            self._checker, self._latin = self._reopen()  # OSError/SpellingOff: caller decides
        if self._latin is not None and _latin_script(word):
            return self._latin
        return self._checker

    def _look_up(self, word: str) -> bool:
        if len(word) > WORD_MAX or self._listed(word):
            return True
        try:
            checker = self._checker_for(word)
            if checker.check(word):
                return True
            plain = _plain_apostrophes(word)
            if plain != word and checker.check(plain):
                return True
            # A hyphenated word the dictionary lacks is right when each part is (e-shop).
            parts = [p for p in word.split("-") if p]
            return len(parts) > 1 and all(self.correct(p) for p in parts)
        except (ValueError, OSError, SpellingOff):  # Enchant refuses some strings, a dictionary
            return True  # removed since the start cannot reopen: never underline them

    def _listed(self, word: str) -> bool:
        if word[-2:] in ("'s", "’s") and len(word) > 3:
            word = word[:-2]  # Vibershop's when Vibershop is listed
        for known in (self.personal, self.ignored):
            if word in known or word.lower() in known or word.capitalize() in known:
                return True
        return False

    # --- the personal dictionary ---------------------------------------------------------

    def add(self, word: str) -> None:
        """Add ``word`` to the personal dictionary and save it.

        OSError (with words in strerror) when it cannot be saved; the word is accepted until
        the app closes all the same.
        """
        with self._lock:
            if not word or len(word) > WORD_MAX or "\n" in word or "\r" in word:
                return
            self.personal.add(word)
            self._forget(word)
            self._append_personal(word)

    def ignore(self, word: str) -> None:
        """Accept ``word`` until the app closes."""
        with self._lock:
            self.ignored.add(word)
            self._forget(word)

    def _forget(self, word: str) -> None:
        self._pieces.clear()
        for variant in (word, word.lower(), word.capitalize(), word.upper()):
            self._known.pop(variant, None)
        if "-" not in word:  # hyphenated words containing it were cached as wrong
            self._known = {k: v for k, v in self._known.items() if v or "-" not in k}

    def _read_personal(self) -> None:
        try:
            raw = read_local_file(self.personal_path)
        except FileNotFoundError:
            return
        except OSError as exc:
            self.problem = _(
                "Your personal dictionary {path} cannot be read ({why}): its words are not "
                "known, and words you add are accepted only until the app closes (the file is "
                "left as it is)."
            ).format(path=self.personal_path, why=exc.strerror or type(exc).__name__)
            return
        text = raw.decode("utf-8", "replace")
        self.personal = set(_clean(text.splitlines()))

    def _append_personal(self, word: str) -> None:
        """Append ``word`` to the file's bytes as they are now; never write one not read."""
        if self.problem is not None:
            raise OSError(errno.EIO, _("it could not be read, so it is left as it is"))
        try:
            raw = read_local_file(self.personal_path)
        except FileNotFoundError:
            raw = b""
        except OSError as exc:  # changed since the start: still never overwritten
            why = exc.strerror or type(exc).__name__
            raise OSError(
                exc.errno or errno.EIO,
                _("{why}; it could not be read, so it is left as it is").format(why=why),
            ) from None
        try:
            line = word.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: accepted, not written
            return
        if line in (kept.strip() for kept in raw.splitlines()):
            return
        if raw and not raw.endswith((b"\n", b"\r")):
            raw += b"\n"
        write_atomic(self.personal_path, raw + line + b"\n")


def _clean(lines: Sequence[str]) -> list[str]:
    """The file's words, the last PERSONAL_MAX of them (words are added at the end)."""
    kept: list[str] = []
    for line in reversed(lines):
        word = line.strip()
        if word and len(word) <= WORD_MAX and "\ufffd" not in word and not word.startswith("#"):
            kept.append(word)
            if len(kept) >= PERSONAL_MAX:
                break
    return kept


def _ranked(word: str, found: list[str]) -> list[str]:
    """Single words first; splits ("bi gest" for bigest) only when no single word is one
    edit away (thankyou: "thank you" stays), and "thank-you" only without "thank you"."""
    breaks = _breaks(word)
    whole = [s for s in found if _breaks(s) <= breaks]
    if any(_one_edit(word.lower(), s.lower()) for s in whole):
        return whole
    spaced = set(found)
    splits = [
        s for s in found if _breaks(s) > breaks and not ("-" in s and s.replace("-", " ") in spaced)
    ]
    return whole + splits


def _breaks(text: str) -> int:
    return text.count(" ") + text.count("-")


def _one_edit(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with one letter added, dropped, changed or two swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        return a[start + 1 :] == b[start + 1 :] or (
            a[start + 2 :] == b[start + 2 :] and a[start : start + 2] == b[start : start + 2][::-1]
        )
    return a[start + 1 :] == b[start:] if len(a) > len(b) else a[start:] == b[start + 1 :]


def _latin_script(word: str) -> bool:
    """True when the word's letters are Latin ones (an English word in a Ukrainian text)."""
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c < "\u0250" for c in letters)


def _plain_apostrophes(word: str) -> str:
    return word.replace("’", "'").replace("ʼ", "'")


def open_speller(language: str, personal: Path | None = None) -> Speller:
    """A speller for ``language`` ('en' or 'uk'); SpellingOff says why there is none.

    In Ukrainian, words in Latin letters are checked with the English dictionary when it is
    installed (the Ukrainian one accepts them all).
    """
    checker, latin = _open_checkers(language)
    return Speller(language, checker, personal, latin, reopen=lambda: _open_checkers(language))


def _open_checkers(language: str) -> Checkers:
    enchant = _enchant()
    checker = _open_dictionary(enchant, language)
    if checker is None:
        raise _no_dictionary(language)
    latin = _open_dictionary(enchant, "en") if LATIN_IN_ENGLISH.get(language) else None
    return checker, latin


def give_back_memory() -> None:
    """Return freed heap memory to the system where the C library can (glibc's malloc_trim).

    Trap: a dictionary's memory, freed, stays in the worker thread's malloc arena and in the
    process's resident size until it is trimmed; elsewhere this does nothing.
    """
    import ctypes  # loaded by Enchant anyway; not at start

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):  # not glibc (musl, macOS, Windows)
        return
    trim(0)


def find_dictionary(language: str) -> None:
    """Raise :class:`SpellingOff` as :func:`open_speller` would when ``language`` has no
    dictionary here, without opening it (Enchant is loaded: 4 MiB; en_US would be 8 more)."""
    enchant = _enchant()
    for tag in DICTIONARY_TAGS.get(language, (language,)):
        try:
            if enchant.dict_exists(tag):
                return
        except (enchant.errors.Error, OSError, ValueError):
            continue
    raise _no_dictionary(language)


def _no_dictionary(language: str) -> SpellingOff:
    name = language_name(language)
    package = APT_PACKAGES.get(language, "hunspell")
    return SpellingOff(
        _(
            "Spell checking is off: no {language} dictionary is installed. Install {package} "
            "(on Debian or Ubuntu: sudo apt install {package}) and restart the app."
        ).format(language=name, package=package)
    )


def _open_dictionary(enchant: Any, language: str) -> Any:
    for tag in DICTIONARY_TAGS.get(language, (language,)):
        try:
            if enchant.dict_exists(tag):
                return enchant.Dict(tag)
        except (enchant.errors.Error, OSError, ValueError):
            continue
    return None

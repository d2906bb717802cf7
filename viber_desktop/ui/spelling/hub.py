"""The spell checker's worker: one thread opens the dictionary and checks paragraphs.

The dictionary is opened the first time a field holds words to check (``need``): until then
the worker only finds out whether it is installed (an empty draft keeps 8 MiB free, issue 16).
Fields ask for a paragraph to be checked (``request``) and show the answer when ``checked``
brings it; answers are kept (by text) so a paragraph is checked once. A field asking again for
the same place before the worker got to it replaces its earlier question, so fast typing in a
long paragraph checks only the latest text.

Trap: the worker emits on the hub from its own thread; a hub must outlive its worker
(``close`` joins it), and the app's hub lives as long as the process.
"""

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from shiboken6 import isValid

from viber_desktop.core import i18n
from viber_desktop.core.spell_words import Mode, Word, words
from viber_desktop.services.spelling import (
    APT_PACKAGES,
    Speller,
    SpellingOff,
    find_dictionary,
    language_name,
    open_speller,
)
from viber_desktop.ui.first_paint import after_first_paint

QUIET_S = 0.08
"""A paragraph is checked once its text has stood this long: while keys come faster, the
worker waits instead of taking the interpreter from the GUI thread on every key."""
IDLE_S = 30.0
"""With the dictionary unused this long and no misspelt word underlined, the worker lets the
dictionary go (English 8 MiB, Ukrainian 39: memory a window left open all day should not
hold); the next word not checked yet opens it again on the worker (English 50 ms, Ukrainian
300). A word underlined keeps it: its suggestions would wait for the reopening."""
_KEPT = 300
"""Checked paragraphs remembered (a long message has a few dozen; each key adds one)."""


class Underline(Protocol):
    """A field's underlines (ui/spelling/underline.py), as the hub sees them."""

    def shows_words(self) -> bool: ...


Key = tuple[int, Hashable]
"""Who asked: a client's number and its own name for the place (a paragraph, a field)."""


class SpellingHub(QObject):
    """Checks words off the GUI thread in the profile's language.

    Signals:
        checked(object, str, str, object): key, mode, paragraph, misspelt words (list[Word]).
        state_changed(): the language, the dictionary or the personal words changed: fields
            check everything again.
    """

    checked = Signal(object, str, str, object)
    state_changed = Signal()
    _answered = Signal(object, str, str, object, int)
    _opened = Signal(str, object, int)
    _idle = Signal()
    _suggested = Signal(str, object, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = ""
        """The language in use ('en', 'uk'); "" until one is chosen."""
        self.speller: Speller | None = None
        self.problem: str | None = None
        """Why spell checking is off, in plain words (None: on, or still opening)."""
        self.note: str | None = None
        """A problem with the personal dictionary (checking goes on), in plain words."""
        self._generation = 0
        self._results: OrderedDict[tuple[str, str], list[Word]] = OrderedDict()
        self._pending: OrderedDict[Key, tuple[Mode, str, int, float]] = OrderedDict()
        """Paragraphs to check, oldest request first: (mode, text, generation, when due)."""
        self._jobs: list[tuple[Callable[[], object], int]] = []
        self._words: list[tuple[str, int]] = []
        """Words to find corrections for (a menu is open), and their generation."""
        self._corrections: OrderedDict[str, list[str]] = OrderedDict()
        self._waiting: dict[str, list[Callable[[list[str]], None]]] = {}
        self._want: tuple[str, int, bool] | None = None
        """The language to find (False) or open (True) for a generation."""
        self._found = False
        """The language's dictionary is installed (not opened until a field needs it)."""
        self._needed = False
        """A field has held words to check: dictionaries are opened from now on."""
        self._lock = threading.Condition()
        self._stop = False
        self._ids = 0
        self._release = False
        """The GUI thread found nothing underlined: the idle worker may let the dictionary go."""
        self._asked = 0.0
        """When the worker last asked the GUI thread whether to let the dictionary go."""
        self._underlines: weakref.WeakSet[Underline] = weakref.WeakSet()
        self._answered.connect(self._on_answered)
        self._idle.connect(self._on_idle)
        self._suggested.connect(self._on_suggested)
        self._opened.connect(self._on_opened)
        self._thread = threading.Thread(target=self._work, name="viber-spelling", daemon=True)
        after_first_paint(self._thread.start)  # opening a dictionary would slow the start

    # --- asked by the GUI thread ----------------------------------------------------------

    def new_client(self) -> int:
        """A number for a field's requests (its keys start with it)."""
        self._ids += 1
        return self._ids

    def use_language(self, language: str) -> None:
        """Check in ``language`` ('en', 'uk'; "" for the window's) from now on."""
        language = language or window_language()
        if language == self.language:
            return
        self.language = language
        self.speller = None
        self.problem = self.note = None
        self._found = False
        self._results.clear()
        self._corrections.clear()
        with self._lock:
            self._generation += 1
            self._pending.clear()
        self._ask(open_now=self._needed)
        self.state_changed.emit()

    def need(self, mode: Mode, text: str) -> None:
        """A field holds ``text``: the first time one holds words, the dictionary is opened."""
        if self._needed or not words(text, mode):
            return
        self._needed = True
        if self._found:
            self._ask(open_now=True)

    def _ask(self, open_now: bool) -> None:
        with self._lock:
            self._want = (self.language, self._generation, open_now)
            self._lock.notify_all()

    @property
    def active(self) -> bool:
        """True when words are being checked (a dictionary is open)."""
        return self.speller is not None

    def status(self) -> str:
        """One sentence for the status bar: the language in use, or why checking is off."""
        if self.problem is not None:
            return self.problem
        if not self.language:
            return self.tr("Spell checking starts when a language is chosen.")
        name = language_name(self.language)
        if self.speller is None and (self._needed or not self._found):
            return self.tr("Spell checking: opening the {language} dictionary…").format(
                language=name
            )
        text = self.tr("Spell checking in {language}.").format(language=name)
        return f"{text} {self.note}" if self.note else text

    def cached(self, mode: Mode, text: str) -> list[Word] | None:
        """The misspelt words of ``text`` when it was checked already."""
        found = self._results.get((mode, text))
        if found is not None:
            self._results.move_to_end((mode, text))
        return found

    def request(self, key: Key, mode: Mode, text: str) -> None:
        """Check ``text`` soon; ``checked`` brings the answer with ``key``."""
        if self.speller is None:
            return
        with self._lock:
            self._pending.pop(key, None)
            self._pending[key] = (mode, text, self._generation, time.monotonic() + QUIET_S)
            self._lock.notify_all()

    def add_word(self, word: str) -> None:
        """Add ``word`` to the personal dictionary (saved on the worker), then recheck."""
        speller = self.speller
        if speller is not None:
            self._run(lambda: self._save_word(speller, word))

    def ignore_word(self, word: str) -> None:
        """Accept ``word`` for this session, then recheck."""
        speller = self.speller
        if speller is not None:
            self._run(lambda: speller.ignore(word))

    def suggest(self, word: str, done: Callable[[list[str]], None], owner: QObject) -> None:
        """Corrections for ``word``, best first, to ``done`` (at once when known, else from
        the worker: Hunspell takes 40-55 ms in English, 80-210 in Ukrainian, which a menu
        should not freeze for); nothing when ``owner`` was deleted meanwhile."""
        found = self._corrections.get(word)
        if found is not None or self.speller is None:
            done(found or [])
            return
        waiting = self._waiting.setdefault(word, [])
        waiting.append(lambda found: done(found) if isValid(owner) else None)
        if len(waiting) == 1:
            with self._lock:
                self._words.append((word, self._generation))
                self._lock.notify_all()

    def wait(self, timeout: float = 10.0) -> bool:
        """Wait until the worker has nothing left to do (tests, benchmarks)."""
        with self._lock:
            return self._lock.wait_for(
                lambda: (
                    not (self._pending or self._jobs or self._words or self._want or self._busy)
                ),
                timeout,
            )

    def close(self, wait: bool = True) -> None:
        """Stop the worker and wait for it (its answers after this are dropped); with
        ``wait=False`` only tell it to stop: quitting never waits for a dictionary to open."""
        with self._lock:
            self._stop = True
            self._lock.notify_all()
        if wait and self._thread.is_alive():  # never started if closed before the first paint
            self._thread.join(10)

    # --- the worker -----------------------------------------------------------------------

    _busy = False

    def _run(self, job: Callable[[], object]) -> None:
        with self._lock:
            self._jobs.append((job, self._generation))
            self._lock.notify_all()

    def _save_word(self, speller: Speller, word: str) -> str | None:
        try:
            speller.add(word)
        except OSError as exc:
            return self.tr(
                "The word was not saved to your personal dictionary {path} ({why}); it is "
                "accepted until the app closes."
            ).format(path=speller.personal_path, why=exc.strerror or type(exc).__name__)
        return None

    def _work(self) -> None:
        speller: Speller | None = None
        while True:
            with self._lock:
                self._busy = False
                self._lock.notify_all()
                release = False
                while not (self._stop or self._want or self._jobs or self._words or self._due()):
                    release, self._release = self._release and _idle(speller), False
                    if release:
                        break
                    self._lock.wait(_sooner(self._until_due(), self._ask_if_idle(speller)))
                if self._stop:
                    return
            if release and speller is not None:
                speller.release()  # reopened by the next word it has not checked yet
                continue
            with self._lock:
                self._busy = True
                want, self._want = self._want, None
                job = self._jobs.pop(0) if self._jobs and not want else None
                asked = self._words.pop(0) if self._words and not want and job is None else None
                item = None
                if not want and job is None and asked is None:
                    item = self._pending.popitem(last=False)
            if want is not None:
                language, generation, open_now = want
                speller = None
                try:
                    if open_now:
                        speller = open_speller(language)
                    else:
                        find_dictionary(language)
                except SpellingOff as exc:
                    self._say(self._opened, language, str(exc), generation)
                except Exception:  # noqa: BLE001 - a worker that died would say "opening" forever
                    self._say(self._opened, language, self._failed(language), generation)
                else:
                    self._say(self._opened, language, speller or True, generation)
            elif job is not None:
                work, generation = job
                note = work()
                self._say(self._opened, "", note, generation)  # a changed word list: recheck
            elif asked is not None:
                word, generation = asked
                corrections = speller.suggestions(word) if speller is not None else []
                self._say(self._suggested, word, corrections, generation)
            elif item is not None and speller is not None:
                key, (mode, text, generation, _) = item
                found = speller.misspelt(text, mode)
                self._say(self._answered, key, mode, text, found, generation)

    def _ask_if_idle(self, speller: Speller | None) -> float | None:
        """Ask the GUI thread (``_idle``) whether to let an unused dictionary go, at most once
        an IDLE_S; how long to wait before looking again (None: no dictionary)."""
        if speller is None:
            return None
        now = time.monotonic()
        if not speller.holds_dictionary:
            return IDLE_S  # look again now and then
        unused = now - speller.last_used
        if unused < IDLE_S:
            return IDLE_S - unused
        if now - self._asked >= IDLE_S:
            self._asked = now
            self._say(self._idle)
        return IDLE_S

    def _say(self, signal: Any, *args: Any) -> None:
        """Emit ``signal`` from the worker. Trap: the window may close (deleting this hub)
        while the worker reads a dictionary: the emit then raises in this thread; the worker
        stops quietly instead."""
        try:
            signal.emit(*args)
        except RuntimeError:
            with self._lock:
                self._stop = True

    def _failed(self, language: str) -> str:
        return self.tr(
            "Spell checking is off: the {language} dictionary could not be opened. Restart the "
            "app; if this happens again, reinstall libenchant-2-2 and {package}."
        ).format(language=language_name(language), package=APT_PACKAGES.get(language, "hunspell"))

    def _due(self) -> bool:
        return bool(self._pending) and self._until_due() == 0

    def _until_due(self) -> float | None:
        """Seconds until the oldest request is due (None: there is none)."""
        if not self._pending:
            return None
        due = next(iter(self._pending.values()))[3]
        return max(0.0, due - time.monotonic())

    # --- answers, on the GUI thread -------------------------------------------------------

    @Slot(object, str, str, object, int)
    def _on_answered(self, key: Key, mode: str, text: str, found: object, generation: int) -> None:
        if generation != self._generation:
            return
        assert isinstance(found, list)
        self._results[(mode, text)] = found
        while len(self._results) > _KEPT:
            self._results.popitem(last=False)
        self.checked.emit(key, mode, text, found)

    @Slot(str, object, int)
    def _on_suggested(self, word: str, found: object, generation: int) -> None:
        assert isinstance(found, list)
        if generation == self._generation:
            self._corrections[word] = found
            while len(self._corrections) > _KEPT:
                self._corrections.popitem(last=False)
        for done in self._waiting.pop(word, []):
            done(found)

    @Slot()
    def _on_idle(self) -> None:
        """The dictionary went unused for IDLE_S: let it go, unless a field shows a misspelt
        word (its suggestions menu would wait for the dictionary to open again)."""
        if any(isValid(u) and u.shows_words() for u in list(self._underlines)):
            return
        with self._lock:
            self._release = True
            self._lock.notify_all()

    def watch(self, underline: "Underline") -> None:
        """Count ``underline``'s misspelt words in before letting the dictionary go."""
        self._underlines.add(underline)

    @Slot(str, object, int)
    def _on_opened(self, language: str, value: object, generation: int) -> None:
        if generation != self._generation:
            return
        if language:  # the dictionary opened, was found, or could not
            if isinstance(value, Speller):
                self.speller, self.note = value, value.problem
            elif value is True:
                self._found = True
                if self._needed:  # a field asked while it was being found
                    self._ask(open_now=True)
            else:
                self.speller, self.problem = None, str(value)
        else:  # the personal words changed
            self._results.clear()
            self._corrections.clear()
            if isinstance(value, str):
                self.note = value
        self.state_changed.emit()


def _idle(speller: Speller | None) -> bool:
    """True when ``speller`` holds a dictionary nobody asked for IDLE_S."""
    return (
        speller is not None
        and speller.holds_dictionary
        and time.monotonic() - speller.last_used >= IDLE_S
    )


def _sooner(a: float | None, b: float | None) -> float | None:
    """The shorter of two waits (None: no limit)."""
    return b if a is None else a if b is None else min(a, b)


def window_language() -> str:
    """The spelling language of a profile that chose none: the window's ('en', 'uk')."""
    return i18n.language()


_default: SpellingHub | None = None


def default_hub() -> SpellingHub:
    """The app's hub, made on first use (on the GUI thread)."""
    global _default
    if _default is None:
        _default = SpellingHub()
        app = QCoreApplication.instance()
        if app is not None:  # stop the worker before Qt goes away (the process ends soon)
            app.aboutToQuit.connect(lambda hub=_default: hub.close(wait=False))
    return _default


def set_default_hub(hub: SpellingHub | None) -> SpellingHub | None:
    """Make ``hub`` the one new fields use (tests); returns the previous one."""
    global _default
    previous, _default = _default, hub
    return previous

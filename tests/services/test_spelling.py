"""The Enchant speller on the system's real Hunspell dictionaries, and its personal words."""

import builtins
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.fresh_process import seen_in_fresh_process
from viber_desktop.services import spelling
from viber_desktop.services.spelling import (
    PERSONAL_FILE,
    SpellingOff,
    available_languages,
    open_speller,
    personal_path,
)


def test_both_dictionaries_are_installed_by_the_set_up_command() -> None:
    # packaging/dev-setup.sh installs libenchant-2-2, hunspell-en-us and hunspell-uk.
    assert available_languages() == ["en", "uk"]


def test_english_misspelt_words_are_found_with_utf16_positions() -> None:
    speller = open_speller("en")
    found = speller.misspelt("😀 Helo, see https://exmple.com {frist_name} and the wrold", "markup")
    assert [(w.text, w.start) for w in found] == [("Helo", 3), ("wrold", 53)]
    assert speller.correct("don’t") and speller.correct("e-shop") and speller.correct("Hello")


def test_ukrainian_words_are_checked_in_ukrainian() -> None:
    speller = open_speller("uk")
    found = speller.misspelt("Привіт, друзі! Знижка на м’ясо та прівіт будь-який день")
    assert [w.text for w in found] == ["прівіт"]
    assert "привіт" in speller.suggestions("прівіт")


def test_suggestions_come_best_first_and_bounded() -> None:
    speller = open_speller("en")
    suggestions = speller.suggestions("wrold")
    assert "world" in suggestions[:3] and len(suggestions) <= spelling.SUGGESTIONS_MAX
    assert speller.suggestions("x" * 100) == []


def test_single_words_are_suggested_before_splits() -> None:
    speller = open_speller("en")
    assert speller.suggestions("bigest")[0] == "biggest"
    assert not any(" " in s or "-" in s for s in speller.suggestions("bigest"))
    assert speller.suggestions("Discont")[0] == "Discount"
    assert not any(" " in s or "-" in s for s in speller.suggestions("Discont"))
    # No single word one letter away: the split is the answer, once, after the single words.
    thanks = speller.suggestions("thankyou")
    assert "thank you" in thanks and "thank-you" not in thanks
    assert thanks.index("thank you") == len([s for s in thanks if " " not in s])
    assert speller.suggestions("e-shp")[:7].count("e-shop") == 1  # its own hyphen is no split


def test_ukrainian_checks_words_in_latin_letters_in_english() -> None:
    speller = open_speller("uk")
    found = speller.misspelt("Привіт! Helo, нові prodcts у Vibershop, колекцыя Hello world")
    assert [w.text for w in found] == ["Helo", "prodcts", "Vibershop", "колекцыя"]
    assert "Hello" in speller.suggestions("Helo") and "привіт" in speller.suggestions("прівіт")
    speller.add("Vibershop")
    assert speller.correct("Vibershop")


def test_an_added_word_is_saved_in_the_data_folder_and_read_back(app_dirs: dict[str, Path]) -> None:
    speller = open_speller("en")
    assert not speller.correct("Vibershop")
    speller.add("Vibershop")
    assert speller.correct("Vibershop") and speller.correct("VIBERSHOP".capitalize())
    path = personal_path()
    assert path == app_dirs["data"] / PERSONAL_FILE
    assert path.read_text(encoding="utf-8") == "Vibershop\n"
    assert [p.name for p in path.parent.iterdir()] == [PERSONAL_FILE]  # no temp file left
    again = open_speller("uk")  # one personal dictionary for every language
    assert again.correct("Vibershop")


def test_an_ignored_word_is_accepted_until_the_app_closes() -> None:
    speller = open_speller("en")
    speller.ignore("Zorgle")
    assert speller.correct("Zorgle") and not personal_path().exists()
    assert not open_speller("en").correct("Zorgle")


def test_a_damaged_personal_dictionary_keeps_what_it_can(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_bytes(b"Brandname\n\xff\xfebroken\n# comment\n" + b"x" * 200 + b"\n\nZorgle\n")
    speller = open_speller("en", path)
    assert speller.personal == {"Brandname", "Zorgle"}
    folder = tmp_path / "folder"
    folder.mkdir()
    unreadable = open_speller("en", folder)  # a folder where the file should be
    assert unreadable.problem is not None and str(folder) in unreadable.problem
    with pytest.raises(OSError, match="left as it is"):
        unreadable.add("Brandname")
    assert folder.is_dir() and unreadable.correct("Brandname")  # accepted for the session


@pytest.mark.parametrize("kind", ["huge", "fifo"])
def test_a_personal_dictionary_that_could_not_be_read_is_never_overwritten(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "words.txt"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.write_bytes(b"Brandname\n" * 1_620_001)  # 16 MB: above what is read
    before = path.stat()
    speller = open_speller("en", path)
    assert speller.problem is not None and "left as it is" in speller.problem
    with pytest.raises(OSError, match="could not be read, so it is left as it is"):
        speller.add("Zorgle")
    assert speller.correct("Zorgle")  # accepted until the app closes
    after = path.stat()
    assert (after.st_ino, after.st_size, after.st_mode) == (
        before.st_ino,
        before.st_size,
        before.st_mode,
    )
    assert [p.name for p in tmp_path.iterdir()] == ["words.txt"]  # no temp file left


def test_a_file_that_became_unreadable_after_the_start_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_bytes(b"Brandname\n")
    speller = open_speller("en", path)
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(OSError, match="left as it is"):
        speller.add("Zorgle")
    assert stat.S_ISFIFO(path.stat().st_mode)


def test_adding_a_word_keeps_every_byte_of_a_long_personal_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    lines = [f"Brand{n}".encode() for n in range(25_000)]
    old = b"# our brands\n" + b"\n".join(lines[:100]) + b"\nCaf\xe9\n" + b"\n".join(lines[100:])
    path.write_bytes(old)  # no newline at the end, a Latin-1 line, more than PERSONAL_MAX
    speller = open_speller("en", path)
    speller.add("Zorgle")
    assert path.read_bytes() == old + b"\nZorgle\n"
    speller.add("Zorgle")  # already there: not twice
    speller.add("Brand24999")
    assert path.read_bytes() == old + b"\nZorgle\n"
    assert [p.name for p in tmp_path.iterdir()] == ["words.txt"]
    assert open_speller("en", path).correct("Zorgle")


def test_no_enchant_library_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_enchant(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "enchant":
            raise ImportError("The 'enchant' C library was not found")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "enchant", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_enchant)
    with pytest.raises(SpellingOff, match="Spell checking is off") as caught:
        open_speller("en")
    assert "libenchant-2-2" in str(caught.value) and "Traceback" not in str(caught.value)
    assert available_languages() == []


def test_an_enchant_library_that_cannot_be_loaded_turns_spell_checking_off(
    tmp_path: Path,
) -> None:
    # pyenchant fails an assert (not ImportError) when this names a missing file: a fresh
    # process, as the app starts with it.
    missing = tmp_path / "no-libenchant.so"
    code = (
        "from viber_desktop.services.spelling import SpellingOff, available_languages,"
        " open_speller\n"
        "try:\n    open_speller('en')\nexcept SpellingOff as exc:\n    print(exc)\n"
        "print(available_languages())\n"
    )
    env = {**os.environ, "PYENCHANT_LIBRARY_PATH": str(missing)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    said, languages = done.stdout.splitlines()
    assert said.startswith("Spell checking is off:") and str(missing) in said
    assert "PYENCHANT_LIBRARY_PATH" in said and languages == "[]"


def test_a_missing_dictionary_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(spelling.DICTIONARY_TAGS, "uk", ("xx_NOPE",))
    with pytest.raises(SpellingOff) as caught:
        open_speller("uk")
    assert "Ukrainian dictionary" in str(caught.value) and "hunspell-uk" in str(caught.value)


def test_a_long_paragraph_is_checked_in_pieces_with_utf16_positions() -> None:
    speller = open_speller("en")
    paragraph = "😀 good words here, " * 100 + "and a wrold at the end"
    [found] = speller.misspelt(paragraph, "markup")
    units = paragraph.encode("utf-16-le")
    assert units[found.start * 2 : found.end * 2].decode("utf-16-le") == "wrold"
    assert speller.misspelt(paragraph, "markup") == [found]  # the pieces are remembered
    edited = paragraph.replace("wrold", "world")
    assert speller.misspelt(edited, "markup") == []


def test_the_remembered_words_and_pieces_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spelling, "_CACHE_MAX", 3)
    monkeypatch.setattr(spelling, "_PIECES_MAX", 2)
    speller = open_speller("en")
    for n in range(10):
        assert [w.text for w in speller.misspelt(f"piece {n} has a tipo")] == ["tipo"]
    assert len(speller._known) <= 3 and len(speller._pieces) <= 2
    assert not speller.correct("foo-wrold") and speller.correct("well-known")


class Refusing:
    """An engine that refuses every string, as Enchant does with some it cannot take."""

    def check(self, word: str) -> bool:
        raise ValueError("cannot check this")

    def suggest(self, word: str) -> list[str]:
        raise ValueError("cannot suggest for this")


def test_a_word_the_engine_refuses_is_never_underlined(tmp_path: Path) -> None:
    speller = spelling.Speller("en", Refusing(), tmp_path / "words.txt")
    assert speller.misspelt("anything at all") == []
    assert speller.suggestions("anything") == []


def test_a_released_speller_opens_its_dictionary_again_for_a_word_not_checked_yet() -> None:
    speller = open_speller("en")
    assert [w.text for w in speller.misspelt("Helo wrold")] == ["Helo", "wrold"]
    assert speller.release() and not speller.holds_dictionary
    assert not speller.release()  # once is enough
    # Words checked before are answered from memory: the dictionary stays closed.
    assert [w.text for w in speller.misspelt("Helo wrold")] == ["Helo", "wrold"]
    assert not speller.holds_dictionary
    assert [w.text for w in speller.misspelt("new colection")] == ["colection"]
    assert speller.holds_dictionary
    speller.release()
    assert "world" in speller.suggestions("wrold")[:3] and speller.holds_dictionary


def test_a_released_ukrainian_speller_reopens_its_english_one_too() -> None:
    speller = open_speller("uk")
    speller.release()
    assert [w.text for w in speller.misspelt("Знижка на shooes та прівіт")] == ["shooes", "прівіт"]


def test_a_speller_that_cannot_reopen_keeps_its_dictionary(tmp_path: Path) -> None:
    speller = spelling.Speller("en", Refusing(), tmp_path / "words.txt")
    assert not speller.release() and speller.holds_dictionary


def test_a_dictionary_that_cannot_reopen_underlines_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    speller = open_speller("en")
    speller.release()
    monkeypatch.setattr(spelling, "DICTIONARY_TAGS", {"en": ("xx_NONE",)})
    assert speller.misspelt("Helo wrold") == [] and speller.suggestions("wrold") == []


RELEASE_SCRIPT = """
import json
from viber_desktop.services.spelling import open_speller

def rss():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS")) / 1024

speller = open_speller("en")
speller.misspelt("Helo wrold, our new colection is here")
held = rss()
speller.release()
print("SEEN=" + json.dumps({"held": held, "released": rss()}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; glibc trims")
def test_releasing_the_dictionary_gives_its_memory_back() -> None:
    seen = seen_in_fresh_process(RELEASE_SCRIPT, dict(os.environ))
    # en_US holds about 8 MiB once open; let go and trimmed, nearly all of it comes back.
    assert seen["held"] - seen["released"] > 5, seen

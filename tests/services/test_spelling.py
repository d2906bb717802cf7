"""The Enchant speller on the system's real Hunspell dictionaries, and its personal words."""

import builtins
import sys
from pathlib import Path
from typing import Any

import pytest

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
    with pytest.raises(IsADirectoryError):
        unreadable.add("Brandname")


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

"""The core's text catalogue: switching language, plural forms, and a catalogue that is complete."""

from collections.abc import Iterator

import pytest

from viber_desktop.core import i18n


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.use(None)


def test_english_is_the_default_and_unknown_languages_fall_back_to_it() -> None:
    assert i18n.language() == "en"
    i18n.use("fr_FR.UTF-8")
    assert i18n.language() == "en"
    assert i18n._("Anything") == "Anything"


@pytest.mark.parametrize("name", ["uk", "uk_UA.UTF-8", "uk-UA", "UK"])
def test_ukrainian_is_found_from_a_locale_name(name: str) -> None:
    i18n.use(name)
    assert i18n.language() == "uk"


def test_use_none_restores_english() -> None:
    i18n.use("uk")
    i18n.use(None)
    assert i18n.language() == "en"
    assert i18n.ngettext("{n} error", "{n} errors", 1) == "{n} error"
    assert i18n.ngettext("{n} error", "{n} errors", 2) == "{n} errors"

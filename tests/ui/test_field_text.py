"""How the fields read and show text without compiling a pattern at start (issue 16)."""

import re

import pytest

from viber_desktop.ui.composer.fields import _int_text, _show


@pytest.mark.parametrize(
    "text",
    ["", "-", "--1", "1", "-1", "12a", " 1", "1\n", "+1", "1.0", "-0", "0-", "٣٤", "-𝟏", "¹"],
)
def test_an_integer_text_is_what_the_old_pattern_matched(text: str) -> None:
    assert _int_text(text) == bool(re.fullmatch(r"-?\d+", text))


def test_a_lone_surrogate_shows_as_a_replacement_character() -> None:
    assert _show("a\ud800b\udfff") == "a\ufffdb\ufffd"
    assert _show("Hi 👋 Привіт") == "Hi 👋 Привіт"
    assert _show(None) == "" and _show(12) == "12"

"""Which words the spell checker looks at, and where they are (UTF-16 units)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viber_desktop.core import schema
from viber_desktop.core.i18n import language_code
from viber_desktop.core.spell_words import (
    SEGMENT,
    SPELL_FIELDS,
    Mode,
    Word,
    segments,
    shifted,
    words,
)
from viber_desktop.core.text import utf16_len


def texts(paragraph: str, mode: str = "plain") -> list[str]:
    return [w.text for w in words(paragraph, mode)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "skipped",
    [
        "https://exmple.com/sael?utm_campain=wintr",
        "http://shop.exmple.ua",
        "www.exmple.com/pathh",
        "viber://pa?chatURI=mybott",
        "exmple.com",
        "bob.smiht@exmaple.org",
        "{frist_name}",
        "{{frist name}}",
        "@jonh",
        "#sael",
        "3rd",
        "mp4",
        "SKU",
        "ВАТ",
        "snake_caes",
        "fiel.txt",
        "a",
        "Viber",
        "viber",
    ],
)
def test_addresses_placeholders_codes_and_acronyms_are_not_checked(skipped: str) -> None:
    assert texts(f"Helo {skipped} wrold") == ["Helo", "wrold"]


def test_viber_markup_marks_are_punctuation_and_monospace_is_code() -> None:
    text = "*bold* _italic_ ~strike~ ```prnt(x) lne``` and `vrb` end"
    assert texts(text, "markup") == ["bold", "italic", "strike", "and", "end"]
    assert "prnt" in texts(text, "plain")  # only message text has monospace spans


def test_button_html_tags_and_entities_are_not_checked() -> None:
    text = '<b>Buy</b> nowe &amp; <font color="#ff0000" size="12">svae</font><br>'
    assert texts(text, "html") == ["Buy", "nowe", "svae"]
    assert "font" in texts(text, "plain")


def test_words_keep_apostrophes_and_hyphens_inside() -> None:
    assert texts("don't м’ясо мʼясо будь-який 'quoted' -dash-") == [
        "don't",
        "м’ясо",
        "мʼясо",
        "будь-який",
        "quoted",
        "dash",
    ]


def test_positions_are_utf16_units_after_an_emoji() -> None:
    text = "😀 helo 👨‍👩‍👧 wrold"
    found = words(text)
    assert [(w.start, w.end) for w in found] == [(3, 7), (17, 22)]
    encoded = text.encode("utf-16-le")
    assert [encoded[w.start * 2 : w.end * 2].decode("utf-16-le") for w in found] == [
        "helo",
        "wrold",
    ]


def test_utf16_length_counts_surrogate_pairs() -> None:
    assert utf16_len("abc") == 3
    assert utf16_len("я😀") == 3


def test_an_edit_keeps_the_words_it_did_not_touch() -> None:
    old = "helo wrold and smoe more"
    found = [w for w in words(old) if w.text in ("helo", "wrold", "smoe")]
    moved = shifted(old, found, "Big helo wrold and smoe more")
    assert [(w.text, w.start) for w in moved] == [("wrold", 9), ("smoe", 19)]
    assert [w.text for w in shifted(old, found, "helo world and smoe more")] == ["helo", "smoe"]
    assert shifted(old, found, old) == found
    assert shifted("", [], "new") == []
    emoji = shifted(old, found, "😀 " + old)  # the guess moves in UTF-16 units
    assert [(w.text, w.start) for w in emoji] == [("wrold", 8), ("smoe", 18)]


def test_the_checked_fields_are_text_fields_of_the_schema() -> None:
    for scope, path in SPELL_FIELDS:
        field = schema.lookup(scope, path)
        assert field is not None and field.kind == "string", (scope, path)


@pytest.mark.parametrize(
    ("locale", "language"),
    [("uk_UA", "uk"), ("uk-UA.UTF-8", "uk"), ("en_GB", "en"), ("C", "en"), ("de_DE", "en")],
)
def test_the_system_locale_picks_the_spelling_language(locale: str, language: str) -> None:
    assert language_code(locale) == language


def test_a_word_is_a_value() -> None:
    assert Word(0, 4, "helo") == Word(0, 4, "helo")


_PARTS = [
    "helo",
    "world",
    " ",
    "  ",
    "\n",
    "{first name}",
    "{{ order id }}",
    '<font color="#ff0000" size="12">',
    "</font>",
    "```code with spaces\nand lines```",
    "`vrb x`",
    "https://exmple.com/a b",
    "bob@exmaple.org",
    "😀",
    "*bold text*",
    "_snake_case_",
    "don't",
    "{unclosed brace",
    "<unclosed tag",
    "`",
]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(_PARTS), min_size=50, max_size=400),
    st.sampled_from(["plain", "markup", "html"]),
)
def test_pieces_of_a_long_paragraph_hold_exactly_its_words(parts: list[str], mode: Mode) -> None:
    paragraph = "".join(parts)
    pieces = segments(paragraph, mode)
    assert "".join(piece for _, piece in pieces) == paragraph
    assert all(paragraph.startswith(piece, start) for start, piece in pieces)
    joined = [
        Word(
            w.start + utf16_len(paragraph[:start]),
            w.end + utf16_len(paragraph[:start]),
            w.text,
        )
        for start, piece in pieces
        for w in words(piece, mode)
    ]
    assert joined == words(paragraph, mode)


def test_a_long_paragraph_is_cut_near_every_segment_length() -> None:
    paragraph = "word " * 1_000
    pieces = segments(paragraph)
    assert len(pieces) > 15 and all(len(p) <= SEGMENT + 10 for _, p in pieces)
    assert segments("short one") == [(0, "short one")]

"""Viber's text formatting: what formats (as the docs' examples say), toggles and positions."""

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viber_desktop.core import markup
from viber_desktop.core.markup import MARKS, Mark
from viber_desktop.core.text import index_of, utf16_at

# The docs' own examples (developers.viber.com/docs/tools/text-formatting), then our choices.
SHOWN = [
    ("*This text will be bold*", "<b>This text will be bold</b>"),
    ("_This text will be in italics_", "<i>This text will be in italics</i>"),
    ("```This text will be in monospace```", "<tt>This text will be in monospace</tt>"),
    ("~This text will have a strikethrough~", "<s>This text will have a strikethrough</s>"),
    ("*Viber*bots", "*Viber*bots"),  # no space after the closing mark
    ("*Viber* bots", "<b>Viber</b> bots"),
    ("* Viber*", "* Viber*"),  # a space after the opening mark
    ("*Viber *", "*Viber *"),  # a space before the closing mark
    ("snake_case_name", "snake_case_name"),  # marks inside words
    ("2*3*4", "2*3*4"),
    ("**", "**"),
    ("*_both_*", "<b><i>both</i></b>"),
    ("```*not bold*```", "<tt>*not bold*</tt>"),
    ("*Ціна* знижена", "<b>Ціна</b> знижена"),
    ("*מבצע* היום", "<b>מבצע</b> היום"),
    ("*😀*!", "<b>😀</b>!"),
    ("<b>*x*</b>", "&lt;b&gt;<b>x</b>&lt;/b&gt;"),
    ("a\n*b*", "a<br><b>b</b>"),
]


@pytest.mark.parametrize(("text", "shown"), SHOWN)
def test_formatting_shows_as_viber_documents_it(text: str, shown: str) -> None:
    assert markup.to_html(text) == shown


def test_a_long_text_of_unclosed_marks_parses_quickly() -> None:
    import time

    text = "*a _b ~c " * 800  # 7,200 characters, nothing closes
    nested = "*_~a~_* " * 900  # 2,700 spans, three deep
    began = time.perf_counter()
    assert markup.parse(text) == ()
    assert len(markup.flatten(markup.parse(nested))) == 2700
    assert time.perf_counter() - began < 0.5  # linear: about 30 ms on a loaded machine


WORDS = st.text(
    # letters, Cyrillic and right-to-left ones, digits, an emoji, flag halves and a joiner
    alphabet=st.sampled_from(
        [*"abcXYZ 12\n,.!", "😀", "\U0001f1fa", "\U0001f1e6", "ї", "ש", "ب", "\u200d"]
    ),
    max_size=40,
)
ANY = st.text(alphabet=st.sampled_from([*"ab *_~`\n.", "😀", "ש"]), max_size=40)
MARK = st.sampled_from(MARKS)


@given(WORDS, st.integers(0, 40), st.integers(0, 40), MARK)
def test_a_toggle_formats_the_selected_words_and_a_second_removes_it(
    text: str, a: int, b: int, mark: Mark
) -> None:
    once = markup.toggle(text, a, b, mark)
    assert 0 <= once.start <= once.end <= len(once.text)
    if once.text == text:  # only spaces selected: nothing to format
        return
    assert once.text.replace(mark, "") == text
    if once.start == once.end and mark * 2 in once.text:
        return  # no word at the cursor: a pair of marks to type into
    spans = [s for s in markup.flatten(markup.parse(once.text)) if s.mark == mark]
    assert [s.inner for s in spans] == [(once.start, once.end)]
    chosen = once.text[once.start : once.end]
    assert chosen == chosen.strip() and chosen
    twice = markup.toggle(once.text, once.start, once.end, mark)
    assert twice.text == text


@given(ANY, st.integers(0, 40), st.integers(0, 40), MARK)
def test_a_toggle_only_adds_or_removes_marks(text: str, a: int, b: int, mark: Mark) -> None:
    done = markup.toggle(text, a, b, mark)
    assert 0 <= done.start <= done.end <= len(done.text)
    strip = re.compile(re.escape(mark))
    assert strip.sub("", done.text) == strip.sub("", text)


@given(ANY)
def test_spans_nest_inside_the_text_and_html_keeps_every_shown_character(text: str) -> None:
    spans = markup.parse(text)

    def inside(spans: tuple[markup.Span, ...], lo: int, hi: int) -> None:
        last = lo
        for s in spans:
            assert last <= s.start < s.end <= hi
            a, b = s.inner
            assert text[s.start : a] == s.mark == text[b : s.end] and a < b
            assert not text[a].isspace() and not text[b - 1].isspace()
            inside(s.children, a, b)
            last = s.end

    inside(spans, 0, len(text))
    shown = re.sub(r"<[^>]+>", "", markup.to_html(text).replace("<br>", "\n"))
    assert html.unescape(shown) == markup.plain(text)


@given(st.text(max_size=30), st.data())
def test_utf16_positions_round_trip(text: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(text)))
    units = utf16_at(text, i)
    assert units == len(text[:i].encode("utf-16-le", "surrogatepass")) // 2
    assert index_of(text, units) == i


def test_toggles_on_examples() -> None:
    assert markup.toggle("buy now", 0, 3, "*").text == "*buy* now"
    assert markup.toggle("buy now ", 4, 8, "_").text == "buy _now_ "  # the space stays out
    assert markup.toggle("discount", 2, 5, "~").text == "~discount~"  # a word, not its middle
    assert markup.toggle("*a* *b*", 0, 7, "*").text == "*a b*"
    assert markup.toggle("*buy* now", 2, 2, "*").text == "buy now"  # the cursor in a span
    assert markup.toggle("buy  now", 4, 4, "*") == markup.Edited("buy ** now", 5, 5)


def test_button_html_toggles() -> None:
    done = markup.toggle_tag("Buy now", 0, 3, "b")
    assert done == markup.Edited("<b>Buy</b> now", 3, 6)
    assert markup.toggle_tag(done.text, done.start, done.end, "b").text == "Buy now"
    assert markup.toggle_tag("<u>Buy</u> now", 0, 10, "u").text == "Buy now"
    assert markup.toggle_tag("Buy", 1, 1, "s").text == "<s>Buy</s>"
    colored = markup.set_font_color("Buy now", 4, 7, "#7360F2")
    assert colored.text == 'Buy <font color="#7360F2">now</font>'
    again = markup.set_font_color(colored.text, colored.start, colored.end, "#FF0000")
    assert again.text == 'Buy <font color="#FF0000">now</font>'
    assert markup.insert("ab", 1, 1, "<br>") == markup.Edited("a<br>b", 5, 5)


def test_markdown_in_button_text_becomes_tags() -> None:
    assert (
        markup.markdown_to_html("*Buy* _now_ ~old~ ```x```") == "<b>Buy</b> <i>now</i> <s>old</s> x"
    )
    assert markup.markdown_to_html("plain") == "plain"


def codes(payload: dict[str, object]) -> list[tuple[str, str, str]]:
    from viber_desktop.core.checker import check_payload

    return [(f.severity, f.code, f.path) for f in check_payload(payload).findings]


def test_formatted_text_and_captions_warn_that_older_apps_show_the_marks() -> None:
    from tests.core.helpers import base

    note = ("warning", "formatting_needs_new_app", "/text")
    assert note in codes(base("text", text="*Sale* today"))
    assert note in codes(base("picture", media="https://example.com/a.jpg", text="_new_"))
    assert note not in codes(base("text", text="snake_case_name and 2*3*4"))
    assert note not in codes(base("text", text="*Viber*bots"))


def test_markdown_in_rich_media_button_text_is_named() -> None:
    from tests.core.helpers import base

    msg = base(
        "rich_media",
        min_api_version=2,
        rich_media={
            "Type": "rich_media",
            "BgColor": "#FFFFFF",
            "Buttons": [{"ActionBody": "x", "Text": "~old~ price", "Columns": 6, "Rows": 1}],
        },
    )
    assert ("warning", "markdown_in_button", "/rich_media/Buttons/0/Text") in codes(msg)
    msg["rich_media"]["Buttons"][0]["Text"] = "<s>old</s> price"
    assert not [c for c in codes(msg) if c[1] == "markdown_in_button"]


def test_formatting_inside_monospace_goes_around_it() -> None:
    done = markup.toggle("Hello ```world```", 9, 14, "~")
    assert done == markup.Edited("Hello ~```world```~", 7, 18)
    assert markup.to_html(done.text) == "Hello <s><tt>world</tt></s>"


@given(WORDS, st.integers(0, 40), st.integers(0, 40), st.sampled_from(["b", "i", "u", "s"]))
def test_a_button_tag_toggles_on_and_off(text: str, a: int, b: int, tag: markup.Tag) -> None:
    once = markup.toggle_tag(text, a, b, tag)
    assert 0 <= once.start <= once.end <= len(once.text)
    assert once.text.replace(f"<{tag}>", "").replace(f"</{tag}>", "") == text
    if once.text != text:
        assert once.text[: once.start].endswith(f"<{tag}>")
        assert once.text[once.end :].startswith(f"</{tag}>")
        assert markup.toggle_tag(once.text, once.start, once.end, tag).text == text


@pytest.mark.parametrize(
    ("text", "a", "b", "mark", "done"),
    [
        ("*sale* now", 0, 7, "*", "sale now"),  # the marks and a space, as a drag selects
        ("big *sale*", 3, 10, "*", "big sale"),
        ("_*sale*_", 0, 8, "*", "_sale_"),  # bold off, italic kept
        ("*_sale_*", 0, 8, "_", "*sale*"),
        ("*big sale now*", 5, 9, "*", "*big* sale *now*"),  # only the selection loses bold
        ("*big sale now*", 1, 13, "*", "big sale now"),
        ("*big sale now*", 5, 13, "*", "*big* sale now"),
        ("*big-sale*", 5, 9, "*", "big-sale"),  # "*big-*sale" would not format: all of it
        ("*a _b c_ d*", 4, 5, "*", "*a* _b c_ *d*"),  # never inside a nested span
        ("*a* b", 0, 5, "*", "*a b*"),  # partly bold: all bold
    ],
)
def test_a_toggle_removes_formatting_that_everything_selected_has(
    text: str, a: int, b: int, mark: Mark, done: str
) -> None:
    edited = markup.toggle(text, a, b, mark)
    assert edited.text == done
    assert markup.plain(edited.text) == markup.plain(text)
    assert markup.is_marked(text, a, b, mark) != markup.is_marked(
        edited.text, edited.start, edited.end, mark
    )


@given(WORDS.filter(lambda t: t.strip()), st.data(), MARK)
def test_unformatting_part_of_a_span_shows_the_same_text(
    text: str, data: st.DataObject, mark: Mark
) -> None:
    once = markup.toggle(text, 0, len(text), mark)
    if once.start == once.end:
        return
    a = data.draw(st.integers(once.start, once.end))
    b = data.draw(st.integers(a, once.end))
    twice = markup.toggle(once.text, a, b, mark)
    assert markup.plain(twice.text) == markup.plain(once.text)  # every piece still formats
    if twice.text[twice.start : twice.end].strip():
        assert not markup.is_marked(twice.text, twice.start, twice.end, mark)


@pytest.mark.parametrize(
    ("text", "a", "b", "done"),
    [
        ("<b><i>Buy</i></b>", 6, 9, "<i>Buy</i>"),
        ("<b>Buy now</b>", 5, 5, "Buy now"),  # the cursor inside
        ("<b>Buy now</b>", 3, 6, "Buy now"),
        ("<B>Buy</B> now", 0, 10, "Buy now"),
        ("<i>Buy</i>", 3, 6, "<i><b>Buy</b></i>"),
    ],
)
def test_a_button_tag_toggles_off_around_the_selection(
    text: str, a: int, b: int, done: str
) -> None:
    assert markup.toggle_tag(text, a, b, "b").text == done


def test_recolouring_changes_the_font_tag_instead_of_nesting_one() -> None:
    text = '<font color="#FF0000" size="12"><b>Buy</b></font> now'
    done = markup.set_font_color(text, 35, 38, "#00FF00")
    assert done.text == '<font color="#00FF00" size="12"><b>Buy</b></font> now'
    assert done.text[done.start : done.end] == "Buy"
    cursor = markup.set_font_color(text, 36, 36, "#0000FF")
    assert cursor.text.count("<font") == 1 and 'color="#0000FF"' in cursor.text
    part = markup.set_font_color('<font color="#FF0000">Buy now</font>', 26, 29, "#00FF00")
    assert part.text == '<font color="#FF0000">Buy <font color="#00FF00">now</font></font>'


@given(st.text())
def test_escape_html_is_the_stdlib_escape(text: str) -> None:
    """Kept off the start (html loads its entity table at import), not different."""
    assert markup.escape_html(text) == html.escape(text)
    tricky = "<a href='x'>\"&amp;\"</a>"
    assert markup.escape_html(tricky) == html.escape(tricky)

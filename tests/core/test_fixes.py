"""Issue 12, "every finding has a way out": each mechanical fix resolves its own finding."""

import ast
import copy
from pathlib import Path
from typing import Any

import pytest

from tests.core.helpers import base, check
from tests.core.test_rule_corrections import rich, with_button
from viber_desktop.core import fixes, pointer
from viber_desktop.core.body_token import BODY_TOKEN_KEY
from viber_desktop.core.findings import Finding, Fix
from viber_desktop.core.schema import field_of

B = "/keyboard/Buttons/0"
R = "/rich_media/Buttons/0"
CORE = Path(__file__).resolve().parents[2] / "viber_desktop" / "core"


def keyboard(**fields: Any) -> dict[str, Any]:
    return {"Type": "keyboard", "Buttons": [{"ActionBody": "x", "Text": "Go"}], **fields}


def rich_without_bgcolor() -> dict[str, Any]:
    msg = rich({"ActionBody": "x", "Text": "Go"})
    del msg["rich_media"]["BgColor"]
    return msg


def contact(phone: str) -> dict[str, Any]:
    return base("contact", contact={"name": "Ann", "phone_number": phone})


Case = tuple[str, dict[str, Any], str, str, list[tuple[str, str, Any]]]
"""(id, payload, code, path, [(label, op, value)] the finding offers, in order)."""

FIXABLE: list[Case] = [
    (
        "markdown in a button",
        with_button(Text="*Buy* _now_"),
        "markdown_in_button",
        f"{B}/Text",
        [("Use HTML tags", "set", "<b>Buy</b> <i>now</i>")],
    ),
    (
        "null optional field",
        base(sender={"name": "Shop", "avatar": None}),
        "null_value",
        "/sender/avatar",
        [("Remove sender.avatar", "remove", None)],
    ),
    (
        "null tracking_data",
        base(tracking_data=None),
        "null_value",
        "/tracking_data",
        [("Remove tracking_data", "remove", None), ("Make tracking_data empty", "set", "")],
    ),
    (
        "token in the body",
        base(**{BODY_TOKEN_KEY: "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9"}),
        "bot_token_in_body",
        f"/{BODY_TOKEN_KEY}",
        [("Remove the token", "remove", None)],
    ),
    (
        "unknown top-level field",
        base(chat_id="1"),
        "unknown_field",
        "/chat_id",
        [("Remove chat_id", "remove", None)],
    ),
    (
        "unknown button field",
        with_button(Colour="#FFFFFF"),
        "unknown_field",
        f"{B}/Colour",
        [("Remove keyboard.Buttons[0].Colour", "remove", None)],
    ),
    (
        "integer as text",
        with_button(Columns="6"),
        "number_as_text",
        f"{B}/Columns",
        [("Write 6 without quotes", "set", 6)],
    ),
    (
        "boolean as text",
        with_button(Silent="false"),
        "boolean_as_text",
        f"{B}/Silent",
        [("Write false without quotes", "set", False)],
    ),
    (
        "value Viber's examples use",
        with_button(TextSize="medium"),
        "undocumented_value",
        f"{B}/TextSize",
        [('Write "regular"', "set", "regular")],
    ),
    (
        "rich media at level 1",
        {**rich({"ActionBody": "x", "Text": "Go"}), "min_api_version": 1},
        "min_api_version_too_low",
        "/min_api_version",
        [("Raise min_api_version to 2", "set", 2)],
    ),
    (
        "level 4 feature without min_api_version",
        base(keyboard=keyboard(InputFieldState="hidden")),
        "min_api_version_too_low",
        "/min_api_version",
        [("Raise min_api_version to 4", "set", 4)],
    ),
    (
        "sender name cut before an emoji, not inside it",
        base(sender={"name": "a" + "😀" * 14}),
        "too_long",
        "/sender/name",
        [('Shorten to 28 characters (cuts "😀")', "set", "a" + "😀" * 13)],
    ),
    (
        "text",
        base(text="x" * 7000 + " the tail"),
        "too_long",
        "/text",
        [('Shorten to 7,000 characters (cuts " the tail")', "set", "x" * 7000)],
    ),
    (
        "file name keeps its extension",
        base("file", file_name="n" * 300 + ".pdf"),
        "too_long",
        "/file_name",
        [(f'Shorten to 256 characters (cuts "{"n" * 20}…")', "set", "n" * 252 + ".pdf")],
    ),
    (
        "contact name",
        base("contact", contact={"name": "Ann " * 8, "phone_number": "+15555555555"}),
        "too_long",
        "/contact/name",
        [('Shorten to 28 characters (cuts " Ann ")', "set", "Ann " * 6 + "Ann")],  # no end space
    ),
    (
        "browser title",
        with_button(6, InternalBrowser={"CustomTitle": "Our summer sale"[:15] + "!"}),
        "too_long",
        f"{B}/InternalBrowser/CustomTitle",
        [('Shorten to 15 characters (cuts "!")', "set", "Our summer sale")],
    ),
    (
        "picture text over 512",
        base("picture", text="p" * 520),
        "over_recommended_length",
        "/text",
        [('Shorten to 512 characters (cuts "pppppppp")', "set", "p" * 512)],
    ),
    (
        "button text Viber crops",
        with_button(Text="Go " * 100),
        "text_cropped",
        f"{B}/Text",
        [(f'Shorten to 250 characters (cuts " {"Go " * 6}G…")', "set", ("Go " * 100)[:248])],
    ),
    (
        "number where text belongs",
        base(receiver=12345),
        "wrong_type",
        "/receiver",
        [('Write "12345" in quotes', "set", "12345")],
    ),
    (
        "whole number written with a point",
        with_button(Columns=6.0),
        "wrong_type",
        f"{B}/Columns",
        [("Write 6", "set", 6)],
    ),
    (
        "latitude in quotes",
        base("location", location={"lat": " 37.7898", "lon": -122.3942}),
        "wrong_type",
        "/location/lat",
        [("Write 37.7898 without quotes", "set", 37.7898)],
    ),
    (
        "sticker_id in quotes",
        base("sticker", sticker_id="40129"),
        "wrong_type",
        "/sticker_id",
        [("Write 40129 without quotes", "set", 40129)],
    ),
    (
        "choice in another case and with _",
        with_button(ActionType="Open_URL", ActionBody="https://example.com"),
        "invalid_value",
        f"{B}/ActionType",
        [('Write "open-url"', "set", "open-url")],
    ),
    (
        "keyboard Type misspelt",
        base(keyboard=keyboard(Type="Keyboard")),
        "invalid_value",
        "/keyboard/Type",
        [('Write "keyboard"', "set", "keyboard")],
    ),
    (
        "missing keyboard Type",
        base(keyboard={"Buttons": [{"ActionBody": "x", "Text": "Go"}]}),
        "missing_field",
        "/keyboard/Type",
        [('Add Type "keyboard"', "set", "keyboard")],
    ),
    (
        "message type in capitals",
        base("text", type="TEXT"),
        "unknown_type",
        "/type",
        [('Write "text"', "set", "text")],
    ),
    (
        "short colour",
        with_button(BgColor="#FFF"),
        "invalid_color",
        f"{B}/BgColor",
        [('Write "#FFFFFF"', "set", "#FFFFFF")],
    ),
    (
        "colour without #",
        with_button(BgColor=" 2db9b9"),
        "invalid_color",
        f"{B}/BgColor",
        [('Write "#2db9b9"', "set", "#2db9b9")],
    ),
    (
        "button too wide",
        with_button(Columns=7),
        "out_of_range",
        f"{B}/Columns",
        [("Lower it to 6", "set", 6)],
    ),
    (
        "keyboard rows",
        with_button(Rows=3),
        "out_of_range",
        f"{B}/Rows",
        [("Lower it to 2", "set", 2)],
    ),
    (
        "negative opacity",
        with_button(TextOpacity=-5),
        "out_of_range",
        f"{B}/TextOpacity",
        [("Raise it to 0", "set", 0)],
    ),
    (
        "padding",
        with_button(TextPaddings=[13, 0, 0, 0]),
        "out_of_range",
        f"{B}/TextPaddings/0",
        [("Lower it to 12", "set", 12)],
    ),
    (
        "min_api_version 0",
        base(min_api_version=0),
        "out_of_range",
        "/min_api_version",
        [("Raise it to 1", "set", 1)],
    ),
    (
        "font size above 32",
        with_button(4, Text='<font size="40">Big</font> <font size=20>fine</font>'),
        "font_size_out_of_range",
        f"{B}/Text",
        [("Use font size 32", "set", '<font size="32">Big</font> <font size=20>fine</font>')],
    ),
    (
        "font size below 12",
        with_button(4, Text="<font color='red' size='5'>small</font>"),
        "font_size_out_of_range",
        f"{B}/Text",
        [("Use font size 12", "set", "<font color='red' size='12'>small</font>")],
    ),
    (
        "font size of 5,000 digits",
        with_button(4, Text=f"<font size={'0' * 2500}{'9' * 2500}>x</font>"),
        "font_size_out_of_range",
        f"{B}/Text",
        [("Use font size 32", "set", "<font size=32>x</font>")],
    ),
    (
        "font size 0007",
        with_button(4, Text="<font size=0007>x</font>"),
        "font_size_out_of_range",
        f"{B}/Text",
        [("Use font size 12", "set", "<font size=12>x</font>")],
    ),
    (
        "button wider than its group",
        base(
            min_api_version=4,
            keyboard=keyboard(
                ButtonsGroupColumns=3, Buttons=[{"ActionBody": "x", "Text": "Go", "Columns": 6}]
            ),
        ),
        "wider_than_group",
        f"{B}/Columns",
        [("Make it 3 columns wide", "set", 3)],
    ),
    (
        "broken emoji",
        base(text="Hi \ud83d there"),
        "invalid_unicode",
        "/text",
        [("Replace the broken character with �", "set", "Hi \ufffd there")],
    ),
    (
        "rich media without BgColor",
        rich_without_bgcolor(),
        "missing_recommended_field",
        "/rich_media/BgColor",
        [("Add a white background (#FFFFFF)", "set", "#FFFFFF")],
    ),
    (
        "gradient that does not show",
        with_button(TextBgGradientColor="#000000"),
        "ignored_field",
        f"{B}/TextBgGradientColor",
        [
            ("Remove …uttons[0].TextBgGradientColor", "remove", None),
            ("Move the text to the bottom", "set", "bottom"),
        ],
    ),
    (
        "file name without extension, media has one",
        base("file", file_name="report."),
        "missing_extension",
        "/file_name",
        [('Rename to "report.pdf"', "set", "report.pdf")],
    ),
    (
        "file name with a forbidden extension after a good one",
        base("file", file_name="photo.jpg.exe", media="https://example.com/photo.jpg"),
        "forbidden_extension",
        "/file_name",
        [('Rename to "photo.jpg"', "set", "photo.jpg")],
    ),
    (
        "phone number with spaces and brackets",
        contact("+1 (555) 555-5555"),
        "invalid_phone_number",
        "/contact/phone_number",
        [('Write "+15555555555"', "set", "+15555555555")],
    ),
    (
        "media without https://",
        base("picture", media="example.com/a.jpg"),
        "invalid_url",
        "/media",
        [('Add "https://" in front', "set", "https://example.com/a.jpg")],
    ),
    (
        "media with spaces around it",
        base("url", media=" https://example.com/shop\n"),
        "invalid_url",
        "/media",
        [("Remove the spaces around it", "set", "https://example.com/shop")],
    ),
    (
        "open-url without https://",
        with_button(ActionType="open-url", ActionBody="www.example.com/shop?id=3"),
        "invalid_url",
        f"{B}/ActionBody",
        [('Add "https://" in front', "set", "https://www.example.com/shop?id=3")],
    ),
]

NO_MECHANICAL_FIX: dict[str, str] = {
    "not_an_object": "the whole body must be rewritten as an object",
    "too_deeply_nested": "which levels to flatten is the writer's choice",
    "invalid_number": "no other number says the same (NaN, infinity, thousands of digits)",
    "receiver_is_phone_number": "the subscriber's user ID comes from a webhook event",
    "receiver_looks_like_phone": "the subscriber's user ID comes from a webhook event",
    "no_sender": "the name receivers should see is the writer's choice",
    "unchecked_type": "a note that payment fields are not checked; nothing to change",
    "empty": "what to write is the writer's choice",
    "request_too_large": "what to leave out is the writer's choice",
    "request_size_grey_zone": "what to leave out is the writer's choice",
    "extension_mismatch": "which of the two names is right is unknown",
    "invalid_extension": "the file itself must be in another format",
    "unexpected_extension": "the address may well serve the right file",
    "not_allowed_in_rich_media": "the button needs another action or belongs in a keyboard",
    "not_on_desktop": "a note: the button still works on phones",
    "empty_button": "the label, picture or colour is the writer's choice",
    "app_link": "an app link may be intended",
    "too_many_cards": "which buttons to remove or shrink is the writer's choice",
    "formatting_needs_new_app": "the formatting is meant; older apps still show every word",
}

NOT_OFFERED: list[tuple[str, dict[str, Any], str, str]] = [
    (
        "tracking_data is data, not cut",
        base(tracking_data="x" * 4001),
        "too_long",
        "/tracking_data",
    ),
    (
        "ActionBody is data, not cut",
        with_button(ActionBody="x" * 251),
        "too_long",
        f"{B}/ActionBody",
    ),
    ("a cut phone number is another", contact("1" * 19), "too_long", "/contact/phone_number"),
    (
        "a cut URL leads elsewhere",
        base("url", media="https://example.com/" + "a" * 2000),
        "too_long",
        "/media",
    ),
    (
        "cut text would end inside a tag",
        with_button(Text="x" * 248 + "<b>" + "y" * 10),
        "text_cropped",
        f"{B}/Text",
    ),
    (
        "cut text would drop markup",
        with_button(Text="x" * 245 + "<b>bold</b>"),
        "text_cropped",
        f"{B}/Text",
    ),
    ("a smaller size is a lie", base("video", size=10**9), "out_of_range", "/size"),
    ("a shorter duration is a lie", base("video", duration=200), "out_of_range", "/duration"),
    (
        "another latitude is another place",
        base("location", location={"lat": 95, "lon": 0}),
        "out_of_range",
        "/location/lat",
    ),
    ("another id is another sticker", base("sticker", sticker_id=0), "out_of_range", "/sticker_id"),
    (
        "setup.exe has no other name",
        base("file", file_name="setup.exe"),
        "forbidden_extension",
        "/file_name",
    ),
    (
        "a.bat.exe is still forbidden",
        base("file", file_name="a.bat.exe"),
        "forbidden_extension",
        "/file_name",
    ),
    (
        "media without an extension",
        base("file", file_name="report", media="https://example.com/download"),
        "missing_extension",
        "/file_name",
    ),
    ("a named colour", with_button(BgColor="red"), "invalid_color", f"{B}/BgColor"),
    ("8 hex digits", with_button(BgColor="#FF00FF00"), "invalid_color", f"{B}/BgColor"),
    ("true is not text", base(text=True), "wrong_type", "/text"),
    ("a number for a choice", with_button(TextSize=5), "wrong_type", f"{B}/TextSize"),
    ("a fraction for an integer", with_button(Columns=2.5), "wrong_type", f"{B}/Columns"),
    ("no choice is meant", with_button(ActionType="Maybe"), "invalid_value", f"{B}/ActionType"),
    ("no type is meant", base("text", type="sms"), "unknown_type", "/type"),
    (
        "a word size",
        with_button(4, Text='<font size="big">x</font>'),
        "font_size_out_of_range",
        f"{B}/Text",
    ),
    (
        "letters in a phone number",
        contact("+1 555 CALL"),
        "invalid_phone_number",
        "/contact/phone_number",
    ),
    ("not an address", base("picture", media="a picture"), "invalid_url", "/media"),
    (
        "a scheme Viber does not open",
        base("url", media="ftp://example.com/a"),
        "invalid_url",
        "/media",
    ),
    (
        "a broken key",
        {"receiver": "a", "type": "text", "text": "x", "\udc00": 1},
        "invalid_unicode",
        "",
    ),
]


def finding(payload: Any, code: str, path: str) -> Finding:
    matches = [f for f in check(payload).findings if (f.code, f.path) == (code, path)]
    assert len(matches) == 1, check(payload).findings
    return matches[0]


@pytest.mark.parametrize(
    ("payload", "code", "path", "offered"),
    [case[1:] for case in FIXABLE],
    ids=[c[0] for c in FIXABLE],
)
def test_each_fix_resolves_its_finding_and_undoes_exactly(
    payload: dict[str, Any], code: str, path: str, offered: list[tuple[str, str, Any]]
) -> None:
    found = finding(payload, code, path)
    assert [(fix.label, fix.op, fix.value) for fix in found.fixes] == offered
    assert found.fix == found.fixes[0]
    for fix in found.fixes:
        doc = copy.deepcopy(payload)
        undo = pointer.apply(doc, fix.edit())
        after = check(doc)
        assert not [f for f in after.findings if (f.code, f.path) == (code, path)], fix
        pointer.apply(doc, undo)
        assert doc == payload and list(doc) == list(payload)


@pytest.mark.parametrize(
    ("payload", "code", "path"), [case[1:] for case in NOT_OFFERED], ids=[c[0] for c in NOT_OFFERED]
)
def test_no_fix_where_no_change_is_plainly_wanted(
    payload: dict[str, Any], code: str, path: str
) -> None:
    assert finding(payload, code, path).fixes == ()


def emitted_codes() -> set[str]:
    """Every literal finding code in core: ``ctx.error(path, "code", …)``, ``warn``, ``add``."""
    codes: set[str] = set()
    for source in CORE.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            at = {"error": 1, "warn": 1, "add": 2}.get(node.func.attr)
            if at is None or len(node.args) <= at:
                continue
            arg = node.args[at]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                codes.add(arg.value)
    return codes


def test_every_finding_code_has_decided_whether_it_has_a_fix() -> None:
    codes = emitted_codes()
    assert {"too_long", "null_value", "wrong_type", "too_many_cards"} <= codes  # the scan works
    fixable = {case[2] for case in FIXABLE}
    undecided = codes - fixable - set(NO_MECHANICAL_FIX)
    assert not undecided, (
        f"add a fix (and a FIXABLE case) or a NO_MECHANICAL_FIX reason: {undecided}"
    )
    assert not fixable & set(NO_MECHANICAL_FIX)
    assert fixable | set(NO_MECHANICAL_FIX) <= codes  # no stale entries


def test_a_summary_of_omitted_findings_offers_no_fix() -> None:
    report = check(base("text", **{f"k{i}": i for i in range(60)}))
    [summary] = [f for f in report.findings if f.path == ""]
    assert summary.code == "unknown_field" and summary.fixes == ()
    assert all(f.fixes for f in report.findings if f.path)


def test_json_shows_the_first_fix_and_all_fixes() -> None:
    data = finding(base(tracking_data=None), "null_value", "/tracking_data").as_json()
    assert data["fix"] == {
        "label": "Remove tracking_data",
        "op": "remove",
        "path": "/tracking_data",
    }
    assert data["fixes"] == [
        data["fix"],
        {"label": "Make tracking_data empty", "op": "set", "path": "/tracking_data", "value": ""},
    ]
    assert "fixes" not in finding(base(text=""), "empty", "/text").as_json()


def test_a_finding_takes_fixes_not_the_old_fix() -> None:
    with pytest.raises(TypeError, match="fix"):
        Finding(
            severity="error",
            path="/a",
            code="x",
            message="m",
            fix=Fix(label="l", op="remove", path="/a"),  # type: ignore[call-arg]
        )


@pytest.mark.parametrize(
    ("text", "limit", "kept"),
    [
        ("ab😀", 3, "ab"),  # never half an emoji
        ("ab😀", 4, "ab😀"),
        ("ab\ud83d\ude00", 3, "ab"),  # a pair held as two code points stays whole
        ("a👩\u200d💻", 4, "a👩"),  # no dangling zero-width joiner
        ("abc", 0, ""),
    ],
)
def test_cut_counts_utf16_units_and_never_splits_a_character(
    text: str, limit: int, kept: str
) -> None:
    assert fixes.cut(text, limit) == kept


@pytest.mark.parametrize(
    ("text", "limit", "kept"),
    [
        ("Дуже довге імʼя відправника повідомлення", 28, "Дуже довге імʼя відправника"),
        ("Our summer sale!", 15, "Our summer sale"),  # ends at a sign, not inside a word
        ("Supercalifragilistic day", 10, "Supercalif"),  # no word end near: cut at the limit
        ("a b " * 10, 8, "a b a b"),
    ],
)
def test_shorten_ends_at_a_whole_word_without_a_space(text: str, limit: int, kept: str) -> None:
    assert fixes.word_cut(text, limit) == kept


def test_shorten_offers_nothing_when_nothing_would_be_left() -> None:
    name = field_of("file", "file_name")
    assert fixes.shorten(name, "/file_name", "a." + "x" * 300, 256) == ()
    assert fixes.shorten(field_of("text", "text"), "/text", " " * 7001, 7000) == ()


def test_labels_stay_one_short_line() -> None:
    [found] = check(base("text", **{"a\nb" * 40: 1})).findings
    assert found.fix is not None and found.fix.label == "Remove " + "a ba ba b" * 3 + "a b…"


def test_no_text_fix_for_numbers_json_cannot_spell_plainly() -> None:
    text = field_of("text", "text")
    assert fixes.as_text(text, "/text", 10**5000) == ()
    assert fixes.as_text(text, "/text", float("inf")) == ()
    assert fixes.as_text(field_of("button", "TextSize"), "/x", 5) == ()


@pytest.mark.parametrize(
    ("value", "meant"),
    [("#abc", "#aabbcc"), ("ABCDEF", "#ABCDEF"), ("#ABCD", None), ("#GGGGGG", None), ("", None)],
)
def test_colour_forms(value: str, meant: str | None) -> None:
    assert fixes.color(value) == meant


@pytest.mark.parametrize(
    ("value", "meant"),
    [
        ("example.com", "https://example.com"),
        ("example.com:8080/a?b=c", "https://example.com:8080/a?b=c"),
        ("mailto:a@example.com", None),
        ("localhost/a", None),
        ("   ", None),
    ],
)
def test_url_forms(value: str, meant: str | None) -> None:
    found = fixes.url(value)
    assert (found[0] if found else None) == meant


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("short", "short"),
        ("a\n\n\n\nb", "a b"),
        ("x" + "\n" * 100 + "y" * 30, "x …"),  # a long run of spaces ends the look-ahead
        ("a" + " " * 200 + "b", "a …"),
        ("\ud800", "\ufffd"),
    ],
)
def test_snippets_are_one_line_and_say_when_they_stop_short(text: str, shown: str) -> None:
    assert fixes.snippet(text) == shown

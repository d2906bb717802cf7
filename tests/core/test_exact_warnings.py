"""Warnings and value scans asserted exactly: ``.ok`` ignores warnings, so these do not use it.

Unknown fields at every level (a misspelt button "Colums"), lone surrogates and NaN inside
arrays, and the warnings that keep a message sendable but tell the user something.
"""

import math
from typing import Any

import pytest

from tests.core.helpers import base, check
from viber_desktop.core.findings import CheckReport

Row = tuple[str, str, str, int | None, int | None]


def exact(report: CheckReport) -> list[Row]:
    return [(f.severity, f.code, f.path, f.used, f.limit) for f in report.findings]


def warning(code: str, path: str) -> Row:
    return ("warning", code, path, None, None)


def keyboard(*buttons: dict[str, Any], level: int = 6, **kb: Any) -> dict[str, Any]:
    body = {"Type": "keyboard", "Buttons": list(buttons), **kb}
    return base(min_api_version=level, keyboard=body)


BUTTON = {"ActionBody": "x", "Text": "t"}


def test_a_misspelt_button_field_is_named_and_the_button_keeps_its_default_width() -> None:
    report = check(keyboard({**BUTTON, "Colums": 3}, {**BUTTON, "Columns": 3}))
    assert exact(report) == [warning("unknown_field", "/keyboard/Buttons/0/Colums")]
    assert "Colums is not a documented field" in report.findings[0].message


@pytest.mark.parametrize(
    ("msg", "path"),
    [
        (keyboard(BUTTON, Colour="#000000"), "/keyboard/Colour"),
        (keyboard({**BUTTON, "Map": {"Lat": 1}}), "/keyboard/Buttons/0/Map/Lat"),
        (keyboard({**BUTTON, "Frame": {"Radius": 1}}), "/keyboard/Buttons/0/Frame/Radius"),
        (keyboard({**BUTTON, "MediaPlayer": {"Url": "u"}}), "/keyboard/Buttons/0/MediaPlayer/Url"),
        (
            base("rich_media", rich_media={**base("rich_media")["rich_media"], "Rows": 1}),
            "/rich_media/Rows",
        ),
        (
            base(
                "rich_media",
                rich_media={
                    "Type": "rich_media",
                    "BgColor": "#FFFFFF",
                    "Buttons": [{**BUTTON, "Colums": 6}],
                },
            ),
            "/rich_media/Buttons/0/Colums",
        ),
        (
            base("contact", contact={"name": "A", "phone_number": "1", "email": "e"}),
            "/contact/email",
        ),
        (base("location", location={"lat": 1, "lon": 1, "alt": 3}), "/location/alt"),
        (base("text", media="https://example.com/a.jpg"), "/media"),
        (base("picture", file_name="a.jpg"), "/file_name"),
        (base("text", sender={"name": "S", "avatar_url": "u"}), "/sender/avatar_url"),
    ],
)
def test_an_unknown_field_is_one_warning_at_its_path(msg: dict[str, Any], path: str) -> None:
    assert exact(check(msg)) == [warning("unknown_field", path)]


def test_fields_of_other_types_are_unknown_but_the_own_type_fields_are_not() -> None:
    assert exact(check(base("video", duration=10, thumbnail="https://e.com/t.jpg"))) == []
    assert exact(check(base("video", sticker_id=1))) == [warning("unknown_field", "/sticker_id")]


def test_an_unknown_type_or_a_payment_adds_no_unknown_field_noise() -> None:
    report = check(base("carousel", foo=1))
    assert exact(report) == [("error", "unknown_type", "/type", None, None)]
    payment = check(base("payment", min_api_version=10, payment={"amount": 1}))
    assert exact(payment) == [warning("unchecked_type", "/type")]


@pytest.mark.parametrize(
    ("bad", "code"), [("a\ud800", "invalid_unicode"), (math.nan, "invalid_number")]
)
def test_bad_values_inside_arrays_are_named_by_index(bad: Any, code: str) -> None:
    msg = keyboard(BUTTON, {**BUTTON, "Text": "ok", "Frame": {}}, {"ActionBody": "x", "Text": bad})
    report = check(msg)
    assert ("error", code, "/keyboard/Buttons/2/Text", None, None) in exact(report)
    assert not report.ok
    deeper = check(base(tracking_data="t", extra=[[1, [bad]]]))
    assert ("error", code, "/extra/0/1/0", None, None) in exact(deeper)


def test_nan_in_text_paddings_is_named_once_at_its_index() -> None:
    msg = keyboard({**BUTTON, "TextPaddings": [0, math.nan, 0, 0]}, level=4)
    assert exact(check(msg)) == [
        ("error", "invalid_number", "/keyboard/Buttons/0/TextPaddings/1", None, None),
        ("error", "wrong_type", "/keyboard/Buttons/0/TextPaddings", None, None),
    ]


def test_a_lone_surrogate_in_a_key_inside_an_array() -> None:
    report = check(keyboard({**BUTTON, "k\ud800": 1}))
    assert ("error", "invalid_unicode", "/keyboard/Buttons/0", None, None) in exact(report)


def test_media_not_ending_like_the_file_name_is_a_warning() -> None:
    report = check(base("file", media="https://example.com/r.zip", file_name="r.pdf"))
    assert exact(report) == [warning("extension_mismatch", "/media")]
    assert "does not end in .pdf" in report.findings[0].message
    same = base("file", media="https://example.com/R.PDF?x=1", file_name="r.pdf")
    assert exact(check(same)) == []


@pytest.mark.parametrize("action", ["share-phone", "location-picker"])
def test_phone_actions_warn_they_do_not_work_on_desktop(action: str) -> None:
    report = check(keyboard({**BUTTON, "ActionType": action}, level=3))
    assert exact(report) == [warning("not_on_desktop", "/keyboard/Buttons/0/ActionType")]
    assert action in report.findings[0].message


def test_rich_media_without_bgcolor_is_a_warning() -> None:
    rm = {"Type": "rich_media", "Buttons": [BUTTON]}
    report = check(base("rich_media", rich_media=rm))
    assert exact(report) == [warning("missing_recommended_field", "/rich_media/BgColor")]
    assert "#FFFFFF" in report.findings[0].message


def test_gradient_colour_shows_only_at_top_or_bottom() -> None:
    path = "/keyboard/Buttons/0/TextBgGradientColor"
    for valign, expected in (
        ("top", []),
        ("bottom", []),
        ("middle", [warning("ignored_field", path)]),
        (None, [warning("ignored_field", path)]),
    ):
        button = {**BUTTON, "TextBgGradientColor": "#000000"}
        if valign:
            button["TextVAlign"] = valign
        assert exact(check(keyboard(button))) == expected


@pytest.mark.parametrize(
    ("receiver", "expected"),
    [
        ("380501234567", [warning("receiver_looks_like_phone", "/receiver")]),
        ("123456", []),
        ("1234567", [warning("receiver_looks_like_phone", "/receiver")]),
        ("123456789012345", [warning("receiver_looks_like_phone", "/receiver")]),
        ("1234567890123456", []),
        ("+123456", [("error", "receiver_is_phone_number", "/receiver", None, None)]),
        ("+12345", []),
        ("01234567=", []),
    ],
)
def test_receivers_that_look_like_phone_numbers(receiver: str, expected: list[Row]) -> None:
    assert exact(check(base(receiver=receiver))) == expected


def test_a_keyboard_only_message_has_no_type_finding() -> None:
    msg = base(None, keyboard={"Type": "keyboard", "Buttons": [BUTTON]})
    assert exact(check(msg)) == []
    msg = base(None)
    assert exact(check(msg)) == [("error", "missing_field", "/type", None, None)]


def test_findings_name_the_field_as_a_marketer_reads_it() -> None:
    report = check(keyboard({**BUTTON, "Colums": 3, "TextOpacity": 101}))
    messages = [f.message for f in report.findings]
    assert messages[0].startswith("keyboard.Buttons[0].Colums is not a documented field")
    assert messages[1] == "keyboard.Buttons[0].TextOpacity is 101; it must be between 0 and 100."
    sticker = check(base("sticker", sticker_id=0)).findings[0].message
    assert sticker == "sticker_id is 0; it must be at least 1."
    video = check(base("video", duration=181)).findings[0].message
    assert video == "duration is 181 s; it must be between 0 and 180 s."


def test_a_fractional_coordinate_out_of_range_has_no_used_count() -> None:
    report = check(base("location", location={"lat": 90.5, "lon": 0}))
    assert exact(report) == [("error", "out_of_range", "/location/lat", None, 90)]
    assert report.findings[0].message == "location.lat is 90.5; it must be between -90 and 90."


@pytest.mark.parametrize(
    ("size", "used"), [("99999", 99999), ("123456", None), ("1x", None), ("", None)]
)
def test_odd_font_sizes_are_a_warning_with_the_number_when_there_is_one(
    size: str, used: int | None
) -> None:
    report = check(keyboard({**BUTTON, "Text": f'<font size="{size}">Hi</font>'}, level=4))
    assert exact(report) == [
        ("warning", "font_size_out_of_range", "/keyboard/Buttons/0/Text", used, 32)
    ]


def test_a_button_over_6_columns_is_out_of_range_not_wider_than_its_group() -> None:
    report = check(keyboard({**BUTTON, "Columns": 7}, ButtonsGroupColumns=3, level=4))
    assert exact(report) == [("error", "out_of_range", "/keyboard/Buttons/0/Columns", 7, 6)]


@pytest.mark.parametrize("receiver", ["+12 34 5", "+1 (2) 3-45"])
def test_a_plus_with_fewer_than_6_digits_is_not_a_phone_number(receiver: str) -> None:
    assert exact(check(base(receiver=receiver))) == []


def test_a_long_broken_key_is_shown_cut_at_40_characters() -> None:
    at_40 = "k" * 39 + "\ud800"
    keyed: dict[str, Any] = {at_40: 1}
    [short] = [f for f in check(base("text", **keyed)).findings if f.code == "invalid_unicode"]
    assert f'"{at_40}"' in short.message
    over = "k" * 40 + "\ud800"
    keyed = {over: 1}
    [long] = [f for f in check(base("text", **keyed)).findings if f.code == "invalid_unicode"]
    assert f'"{"k" * 40}…"' in long.message


@pytest.mark.parametrize(
    ("kind", "what"), [("picture", "a JPEG, PNG or GIF image"), ("video", "a JPEG image")]
)
def test_a_thumbnail_warning_says_what_viber_expects(kind: str, what: str) -> None:
    report = check(base(kind, thumbnail="https://example.com/t.webp"))
    assert exact(report) == [warning("unexpected_extension", "/thumbnail")]
    assert f"Viber expects {what}, so check" in report.findings[0].message

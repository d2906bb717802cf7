"""Issue 13, "Rules to correct": each rule at its boundary, with the exact findings."""

from typing import Any

import pytest

from tests.core.helpers import base, check
from viber_desktop.core import limits
from viber_desktop.core.findings import CheckReport

BUTTON = "/keyboard/Buttons/0"


def found(report: CheckReport, under: str = "") -> list[tuple[str, str, str]]:
    """(severity, code, path) of every finding at or below ``under``."""
    return [
        (f.severity, f.code, f.path)
        for f in report.findings
        if f.path == under or f.path.startswith(under + "/")
    ]


def with_button(min_api: int = 1, **fields: Any) -> dict[str, Any]:
    button = {"ActionBody": "x", "Text": "Go", **fields}
    return base(min_api_version=min_api, keyboard={"Type": "keyboard", "Buttons": [button]})


def rich(*buttons: dict[str, Any]) -> dict[str, Any]:
    return base(
        "rich_media",
        rich_media={"Type": "rich_media", "BgColor": "#FFFFFF", "Buttons": list(buttons)},
    )


# --- open-url ------------------------------------------------------------------------------


def test_open_url_with_an_empty_action_body_is_an_error() -> None:
    report = check(with_button(ActionType="open-url", ActionBody=""))
    assert found(report, BUTTON) == [("error", "empty", f"{BUTTON}/ActionBody")]
    assert "https://" in report.findings[0].message


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("https://example.com/x", []),
        ("viber://pa?chatURI=shop", [("warning", "app_link")]),
        ("tg://resolve?domain=x", [("warning", "app_link")]),
        ("not a url", [("error", "invalid_url")]),
        ("javascript:alert(1)", [("error", "invalid_url")]),
        ("https://", [("error", "invalid_url")]),
    ],
)
def test_open_url_takes_web_addresses_and_app_links(
    body: str, expected: list[tuple[str, str]]
) -> None:
    report = check(with_button(ActionType="open-url", ActionBody=body))
    assert [(s, c) for s, c, _ in found(report, BUTTON)] == expected
    assert all(f.path == f"{BUTTON}/ActionBody" for f in report.findings)


def test_app_link_warning_says_where_it_opens() -> None:
    [finding] = check(with_button(ActionType="open-url", ActionBody="viber://chats")).findings
    assert "only on devices that have that app" in finding.message


# --- text lengths: n and n+1 in UTF-16 units, with astral characters --------------------


@pytest.mark.parametrize("unit", ["a", "\uffff", "\U00010000", "😀"])
def test_button_text_over_250_is_cropped_a_warning(unit: str) -> None:
    width = 2 if ord(unit) > 0xFFFF else 1
    at_limit = unit * (limits.BUTTON_TEXT_MAX // width)
    assert found(check(with_button(Text=at_limit)), BUTTON) == []
    report = check(with_button(Text=at_limit + "x"))
    assert report.ok
    [finding] = report.findings
    assert (finding.severity, finding.code, finding.path, finding.used, finding.limit) == (
        "warning",
        "text_cropped",
        f"{BUTTON}/Text",
        251,
        250,
    )
    assert "“…”" in finding.message


def test_button_text_counts_utf16_units_not_characters() -> None:
    report = check(with_button(Text="\U00010000" * 126))  # 126 characters, 252 units
    assert [(f.code, f.used) for f in report.findings] == [("text_cropped", 252)]


@pytest.mark.parametrize("unit", ["a", "\uffff", "😀"])
def test_action_body_over_250_is_an_error(unit: str) -> None:
    width = 2 if ord(unit) > 0xFFFF else 1
    at_limit = unit * (limits.ACTION_BODY_MAX // width)
    assert found(check(with_button(ActionBody=at_limit)), BUTTON) == []
    report = check(with_button(ActionBody=at_limit + "y"))
    [finding] = report.findings
    assert (finding.severity, finding.code, finding.path, finding.used, finding.limit) == (
        "error",
        "too_long",
        f"{BUTTON}/ActionBody",
        251,
        250,
    )
    assert "status 3" in finding.message


def test_an_open_url_address_over_250_is_too_long() -> None:
    url = "https://example.com/" + "a" * 231
    assert len(url) == 251
    report = check(with_button(ActionType="open-url", ActionBody=url))
    assert found(report, BUTTON) == [("error", "too_long", f"{BUTTON}/ActionBody")]


# --- Map -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "map_",
    [
        {},
        {"Latitude": 1.5},
        {"Longitude": -2},
        {"Latitude": "12.12345", "Longitude": "-122.3942"},
        {"Latitude": "90", "Longitude": "-180"},
        {"Latitude": -90, "Longitude": 180.0},
    ],
)
def test_map_coordinates_are_optional_and_may_be_numeric_strings(map_: dict[str, Any]) -> None:
    report = check(with_button(6, Map=map_))
    assert report.findings == ()


@pytest.mark.parametrize(
    ("map_", "path", "expected"),
    [
        ({"Latitude": "90.5"}, "Latitude", ("error", "out_of_range")),
        ({"Longitude": "-180.000001"}, "Longitude", ("error", "out_of_range")),
        ({"Latitude": 91}, "Latitude", ("error", "out_of_range")),
        ({"Latitude": "north"}, "Latitude", ("error", "wrong_type")),
        ({"Latitude": "1e3"}, "Latitude", ("error", "wrong_type")),
        ({"Latitude": True}, "Latitude", ("error", "wrong_type")),
    ],
)
def test_map_coordinates_out_of_range_or_not_numbers(
    map_: dict[str, Any], path: str, expected: tuple[str, str]
) -> None:
    report = check(with_button(6, Map=map_))
    assert found(report, BUTTON) == [(*expected, f"{BUTTON}/Map/{path}")]


def test_location_strings_stay_an_error_naming_the_rule() -> None:
    report = check(base("location", location={"lat": "37.7", "lon": 1}))
    [finding] = report.findings
    assert (finding.severity, finding.code, finding.path) == (
        "error",
        "wrong_type",
        "/location/lat",
    )
    assert limits.LOCATION_RULE in finding.message


# --- extensions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "thumbnail"),
    [
        ("picture", "https://cdn.example.com/thumb"),
        ("picture", "https://cdn.example.com/t.webp"),
        ("video", "https://cdn.example.com/t.png"),
    ],
)
def test_a_thumbnail_without_an_image_extension_is_a_warning(kind: str, thumbnail: str) -> None:
    report = check(base(kind, thumbnail=thumbnail))
    assert report.ok
    assert found(report) == [("warning", "unexpected_extension", "/thumbnail")]


def test_thumbnail_warning_names_what_it_ends_in() -> None:
    [bare] = check(base("picture", thumbnail="https://x.com/t")).findings
    assert "has no extension" in bare.message
    [webp] = check(base("picture", thumbnail="https://x.com/t.webp")).findings
    assert 'ends in ".webp"' in webp.message


@pytest.mark.parametrize("kind", ["picture", "video"])
def test_a_message_media_without_its_extension_stays_an_error(kind: str) -> None:
    report = check(base(kind, media="https://cdn.example.com/media"))
    assert found(report) == [("error", "invalid_extension", "/media")]


@pytest.mark.parametrize("field", ["Image", "BgMedia"])
def test_button_images_need_no_extension(field: str) -> None:
    fields: dict[str, Any] = {field: "https://cdn.example.com/render?id=4"}
    report = check(with_button(**fields))
    assert report.findings == ()


# --- action types and the payment type ----------------------------------------------------


def test_action_type_buy_is_accepted() -> None:
    assert check(with_button(ActionType="buy")).findings == ()


def test_payment_is_a_known_type_needing_api_level_10() -> None:
    msg = base("payment", payment={"amount": 1})
    report = check(msg)
    assert found(report) == [
        ("warning", "unchecked_type", "/type"),
        ("error", "min_api_version_too_low", "/min_api_version"),
    ]
    level = report.at("/min_api_version")[0]
    assert (level.used, level.limit) == (1, limits.PAYMENT_MIN_API_VERSION)
    assert "not checked yet" in report.at("/type")[0].message
    msg["min_api_version"] = 10
    assert found(check(msg)) == [("warning", "unchecked_type", "/type")]


def test_payment_common_fields_are_still_checked() -> None:
    msg = base("payment", min_api_version=10, sender={"name": "x" * 29})
    del msg["receiver"]
    assert found(check(msg)) == [
        ("error", "missing_field", "/receiver"),
        ("error", "too_long", "/sender/name"),
        ("warning", "unchecked_type", "/type"),
    ]


# --- button text markup, empty buttons, the internal browser ------------------------------


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ('<font size="12">a</font>', False),
        ("<font size=32>a</font>", False),
        ("<font color='#ff0000' size='20'>a</font>", False),
        ('<font size="11">a</font>', True),
        ('<font size="33">a</font>', True),
        ('<font size="big">a</font>', True),
        ('<font size="">a</font>', True),
    ],
)
def test_font_size_outside_12_to_32_is_a_warning(text: str, warned: bool) -> None:
    report = check(with_button(4, Text=text))
    expected = [("warning", "font_size_out_of_range", f"{BUTTON}/Text")] if warned else []
    assert found(report) == expected


def test_each_bad_font_size_is_named() -> None:
    report = check(with_button(4, Text='<font size="8">a</font><font size="40">b</font>'))
    assert [(f.code, f.used, f.limit) for f in report.findings] == [
        ("font_size_out_of_range", 8, 32),
        ("font_size_out_of_range", 40, 32),
    ]


def test_a_button_with_nothing_to_show_is_a_warning() -> None:
    msg = base(keyboard={"Type": "keyboard", "Buttons": [{"ActionBody": "x", "Text": ""}]})
    report = check(msg)
    assert report.ok
    assert found(report) == [("warning", "empty_button", BUTTON)]


@pytest.mark.parametrize(
    "content",
    [
        {"Text": "Go"},
        {"Image": "https://x.com/a.png"},
        {"BgMedia": "https://x.com/a.gif"},
        {"BgColor": "#000000"},
    ],
)
def test_any_one_of_text_image_bgmedia_bgcolor_is_enough(content: dict[str, Any]) -> None:
    msg = base(keyboard={"Type": "keyboard", "Buttons": [{"ActionBody": "x", **content}]})
    assert check(msg).findings == ()


def test_action_predefined_url_must_not_be_empty() -> None:
    report = check(with_button(3, InternalBrowser={"ActionPredefinedURL": ""}))
    path = f"{BUTTON}/InternalBrowser/ActionPredefinedURL"
    assert found(report) == [("error", "empty", path)]
    ok = check(with_button(3, InternalBrowser={"ActionPredefinedURL": "https://x.com"}))
    assert ok.findings == ()


# --- where the sources disagree, the finding names the rule it applies ---------------------


def test_tracking_data_limit_names_its_rule() -> None:
    assert check(base(tracking_data="😀" * 2000)).findings == ()
    [finding] = check(base(tracking_data="😀" * 2000 + "x")).findings
    assert (finding.code, finding.used, finding.limit) == ("too_long", 4001, 4000)
    assert "4,096" in finding.message and limits.TRACKING_DATA_RULE in finding.message


def test_sticker_id_as_a_string_stays_an_error_naming_the_rule() -> None:
    [finding] = check(base("sticker", sticker_id="40129")).findings
    assert (finding.severity, finding.code) == ("error", "wrong_type")
    assert limits.STICKER_ID_RULE in finding.message
    assert finding.fix is not None and (finding.fix.op, finding.fix.value) == ("set", 40129)


def test_rich_media_level_names_its_rule() -> None:
    msg = rich({"ActionBody": "x", "Text": "t"})
    msg["min_api_version"] = 1
    [finding] = check(msg).findings
    assert (finding.code, finding.used, finding.limit) == ("min_api_version_too_low", 1, 2)
    assert limits.RICH_MEDIA_LEVEL_RULE in finding.message
    assert finding.fix is not None
    assert (finding.fix.op, finding.fix.path, finding.fix.value) == ("set", "/min_api_version", 2)


def test_a_level_without_a_disputed_source_names_none() -> None:
    [finding] = check(with_button(1, TextShouldFit=True)).findings
    assert finding.message.endswith("needs 6; set min_api_version to 6.")

"""Button and keyboard features by API level, nested objects, and the text helpers."""

from typing import Any

import pytest

from tests.core.helpers import base, check, codes, only
from viber_desktop.core.rules import file_extension, is_http_url, last_segment_extension
from viber_desktop.core.text import trim_utf16, utf16_len


def with_button(min_api: int = 1, **fields: Any) -> dict[str, Any]:
    button = {"ActionBody": "x", **fields}
    return base(min_api_version=min_api, keyboard={"Type": "keyboard", "Buttons": [button]})


@pytest.mark.parametrize(
    ("fields", "level", "feature"),
    [
        ({"InternalBrowser": {"Mode": "partial-size"}}, 3, "InternalBrowser"),
        ({"InternalBrowser": {"ActionButton": "send-to-bot"}}, 6, "send-to-bot"),
        ({"InternalBrowser": {"ActionReplyData": "x"}}, 6, "ActionReplyData"),
        ({"Map": {"Latitude": 1.5, "Longitude": 2}}, 6, "Map"),
        ({"Frame": {"BorderWidth": 2, "BorderColor": "#000000"}}, 6, "Frame"),
        ({"MediaPlayer": {"Title": "t", "Loop": True}}, 6, "MediaPlayer"),
        ({"TextShouldFit": True}, 6, "TextShouldFit"),
        ({"BgMediaScaleType": "fit"}, 6, "BgMediaScaleType"),
        ({"ImageScaleType": "crop"}, 6, "ImageScaleType"),
        ({"TextPaddings": [1, 2, 3, 4]}, 4, "TextPaddings"),
        ({"Text": "<s>old</s> price"}, 4, "<s>"),
    ],
)
def test_feature_levels(fields: dict[str, Any], level: int, feature: str) -> None:
    report = check(with_button(**fields))
    assert report.min_api_version_required == level
    assert feature in only(report, "/min_api_version").message
    assert check(with_button(level, **fields)).ok


def test_keyboard_level_features() -> None:
    msg = base(
        keyboard={
            "Type": "keyboard",
            "Buttons": [{"ActionBody": "x"}],
            "FavoritesMetadata": {"type": "gif"},
            "CustomDefaultHeight": 50,
        }
    )
    report = check(msg)
    assert report.min_api_version_required == 6
    assert {f.name for f in report.features} == {
        "keyboard FavoritesMetadata",
        "keyboard CustomDefaultHeight",
    }


@pytest.mark.parametrize(
    ("fields", "path", "code"),
    [
        ({"InternalBrowser": {"CustomTitle": "x" * 16}}, "InternalBrowser/CustomTitle", "too_long"),
        ({"InternalBrowser": {"Mode": "tiny"}}, "InternalBrowser/Mode", "invalid_value"),
        ({"InternalBrowser": {"Colour": 1}}, "InternalBrowser/Colour", "unknown_field"),
        ({"InternalBrowser": "open"}, "InternalBrowser", "wrong_type"),
        ({"Map": {"Latitude": 91, "Longitude": 0}}, "Map/Latitude", "out_of_range"),
        ({"Map": {"Latitude": "-90.5"}}, "Map/Latitude", "out_of_range"),
        ({"Frame": {"CornerRadius": 11}}, "Frame/CornerRadius", "out_of_range"),
        ({"Frame": {"BorderColor": "black"}}, "Frame/BorderColor", "invalid_color"),
        ({"MediaPlayer": {"ThumbnailURL": "nope"}}, "MediaPlayer/ThumbnailURL", "invalid_url"),
        ({"MediaPlayer": {"Loop": "yes"}}, "MediaPlayer/Loop", "wrong_type"),
        ({"BgMediaType": "video"}, "BgMediaType", "invalid_value"),
        ({"Silent": 1}, "Silent", "wrong_type"),
        ({"ActionBody": ""}, "ActionBody", "empty"),
        ({"TextBgGradientColor": "#FFFFFF"}, "TextBgGradientColor", "ignored_field"),
    ],
)
def test_nested_button_rules(fields: dict[str, Any], path: str, code: str) -> None:
    report = check(with_button(6, **fields))
    assert code in codes(report, f"/keyboard/Buttons/0/{path}")


def test_empty_action_body_is_fine_for_none() -> None:
    assert check(with_button(ActionBody="", ActionType="none")).ok


def test_odd_button_containers() -> None:
    msg = base(keyboard={"Type": "keyboard", "Buttons": ["button", 3]})
    assert codes(check(msg), "/keyboard/Buttons/0") == ["wrong_type"]
    msg = base(keyboard={"Type": "keyboard", "Buttons": {"0": {}}})
    assert codes(check(msg), "/keyboard/Buttons") == ["wrong_type"]
    assert codes(check(base(keyboard=[])), "/keyboard") == ["wrong_type"]


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("abc", 2, "ab"),
        ("a😀b", 2, "a"),
        ("a😀b", 3, "a😀"),
        ("😀😀", 1, ""),
        ("", 5, ""),
    ],
)
def test_trim_utf16_never_splits_a_pair(text: str, limit: int, expected: str) -> None:
    assert trim_utf16(text, limit) == expected
    assert utf16_len(trim_utf16(text, limit)) <= limit


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://a.b/c", True),
        ("http://[::1]:8080/x", True),
        ("http://[::1/x", False),
        ("https://", False),
        ("mailto:a@b.c", False),
        ("https://a b.c", False),
    ],
)
def test_is_http_url(url: str, ok: bool) -> None:
    assert is_http_url(url) is ok


@pytest.mark.parametrize(
    ("name", "ext"),
    [
        ("a.PDF", ".pdf"),
        (".bashrc", ""),
        ("noext", ""),
        ("a.", ""),
        ("a.tar.gz", ".gz"),
    ],
)
def test_file_extension(name: str, ext: str) -> None:
    assert file_extension(name) == ext


def test_last_segment_extension_ignores_query_and_bad_urls() -> None:
    assert last_segment_extension("https://x.com/a/b.JPG?size=2") == ".jpg"
    assert last_segment_extension("http://[::1/x.png") == ""

"""Required fields that are present but empty, missing parts of objects, and wrong containers.

Each case asserts the whole list of findings, so a rule that stops firing, fires twice or
fires at another path fails here.
"""

from typing import Any

import pytest

from tests.core.helpers import base, check
from viber_desktop.core.findings import CheckReport

Row = tuple[str, str, str, int | None, int | None]


def exact(report: CheckReport) -> list[Row]:
    return [(f.severity, f.code, f.path, f.used, f.limit) for f in report.findings]


def empty(path: str, limit: int | None = None) -> Row:
    return ("error", "empty", path, 0, limit)


@pytest.mark.parametrize(
    ("msg", "expected"),
    [
        (base("picture", media=""), [empty("/media")]),
        (base("video", media=""), [empty("/media")]),
        (base("file", media=""), [empty("/media")]),
        (base("url", media=""), [empty("/media", 2000)]),
        (base("text", receiver=""), [empty("/receiver")]),
        (base("text", text=""), [empty("/text", 7000)]),
        (base("file", file_name=""), [empty("/file_name", 256)]),
        (
            base("contact", contact={"name": "Ann", "phone_number": ""}),
            [empty("/contact/phone_number", 18)],
        ),
        (
            base("contact", contact={"name": "", "phone_number": "+15555555555"}),
            [empty("/contact/name", 28)],
        ),
        (base("text", sender={"name": ""}), [empty("/sender/name", 28)]),
    ],
)
def test_an_empty_required_value_is_one_error(msg: dict[str, Any], expected: list[Row]) -> None:
    report = check(msg)
    assert exact(report) == expected
    assert "must not be empty" in report.findings[0].message


@pytest.mark.parametrize("missing", [("lat",), ("lon",), ("lat", "lon")])
def test_a_location_without_lat_or_lon(missing: tuple[str, ...]) -> None:
    location = {"lat": 1.5, "lon": 2.5}
    for key in missing:
        del location[key]
    report = check(base("location", location=location))
    assert exact(report) == [
        ("error", "missing_field", f"/location/{key}", None, None) for key in missing
    ]


def test_a_contact_without_name_or_number() -> None:
    assert exact(check(base("contact", contact={}))) == [
        ("error", "missing_field", "/contact/name", None, None),
        ("error", "missing_field", "/contact/phone_number", None, None),
    ]


@pytest.mark.parametrize("map_", [{}, {"Longitude": 1}, {"Latitude": "12.12345"}])
def test_a_map_without_latitude_or_longitude_is_fine(map_: dict[str, Any]) -> None:
    button = {"ActionBody": "x", "Text": "t", "Map": map_}
    msg = base(min_api_version=6, keyboard={"Type": "keyboard", "Buttons": [button]})
    assert exact(check(msg)) == []


@pytest.mark.parametrize("value", ["x", None, [], 1])
def test_rich_media_that_is_not_an_object(value: Any) -> None:
    report = check(base("rich_media", rich_media=value))
    assert exact(report) == [("error", "wrong_type", "/rich_media", None, None)]
    assert report.min_api_version_required == 1  # nothing to draw, so no level to claim


def test_rich_media_that_is_missing() -> None:
    msg = base("rich_media")
    del msg["rich_media"]
    assert exact(check(msg)) == [("error", "missing_field", "/rich_media", None, None)]


@pytest.mark.parametrize(
    ("msg", "path"),
    [
        (base(keyboard={"Type": "keyboard", "Buttons": []}), "/keyboard/Buttons"),
        (
            base(
                "rich_media",
                rich_media={"Type": "rich_media", "BgColor": "#FFFFFF", "Buttons": []},
            ),
            "/rich_media/Buttons",
        ),
    ],
)
def test_an_empty_button_list(msg: dict[str, Any], path: str) -> None:
    assert exact(check(msg)) == [("error", "empty", path, None, None)]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, [("error", "empty", "/keyboard/Buttons/0/ActionBody", None, None)]),
        (
            {"ActionType": "reply"},
            [("error", "empty", "/keyboard/Buttons/0/ActionBody", None, None)],
        ),
        ({"ActionType": "none"}, []),
        ({"ActionType": "buy"}, []),
    ],
)
def test_an_empty_action_body(fields: dict[str, Any], expected: list[Row]) -> None:
    button = {"ActionBody": "", "Text": "t", **fields}
    report = check(base(keyboard={"Type": "keyboard", "Buttons": [button]}))
    assert exact(report) == expected


def test_an_empty_action_body_on_a_phone_action() -> None:
    button = {"ActionBody": "", "Text": "t", "ActionType": "share-phone"}
    report = check(base(min_api_version=3, keyboard={"Type": "keyboard", "Buttons": [button]}))
    assert exact(report) == [
        ("warning", "not_on_desktop", "/keyboard/Buttons/0/ActionType", None, None),
        ("error", "empty", "/keyboard/Buttons/0/ActionBody", None, None),
    ]


@pytest.mark.parametrize(
    ("obj", "path"),
    [
        ({"Buttons": [{"ActionBody": "x", "Text": "t"}]}, "/keyboard/Type"),
        ({"Type": "keyboard"}, "/keyboard/Buttons"),
    ],
)
def test_a_keyboard_missing_its_type_or_buttons(obj: dict[str, Any], path: str) -> None:
    assert exact(check(base(keyboard=obj))) == [("error", "missing_field", path, None, None)]


def test_a_missing_action_body() -> None:
    msg = base(keyboard={"Type": "keyboard", "Buttons": [{"Text": "t"}]})
    assert exact(check(msg)) == [
        ("error", "missing_field", "/keyboard/Buttons/0/ActionBody", None, None)
    ]

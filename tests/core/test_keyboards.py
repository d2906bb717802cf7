"""Keyboards, rich media and min_api_version."""

from typing import Any

import pytest

from tests.core.helpers import base, check, codes, only
from viber_desktop.core.layout import card_count, place_buttons


def kb(*buttons: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"Type": "keyboard", "Buttons": list(buttons) or [{"ActionBody": "x"}], **fields}


def rm(*buttons: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {
        "Type": "rich_media",
        "BgColor": "#FFFFFF",
        "Buttons": list(buttons) or [{"ActionBody": "x"}],
        **fields,
    }


def test_keyboard_needs_type_and_buttons() -> None:
    assert codes(check(base(keyboard={"Buttons": [{"ActionBody": "x"}]})), "/keyboard/Type") == [
        "missing_field"
    ]
    assert codes(
        check(base(keyboard={"Type": "keyboard", "Buttons": []})), "/keyboard/Buttons"
    ) == ["empty"]
    assert codes(check(base(keyboard={"Type": "keyboard"})), "/keyboard/Buttons") == [
        "missing_field"
    ]
    assert codes(check(base(keyboard=kb({"Text": "x"}))), "/keyboard/Buttons/0/ActionBody") == [
        "missing_field"
    ]


@pytest.mark.parametrize(
    ("button", "path", "code"),
    [
        ({"ActionBody": "x", "Columns": 7}, "Columns", "out_of_range"),
        ({"ActionBody": "x", "Columns": 0}, "Columns", "out_of_range"),
        ({"ActionBody": "x", "Rows": 3}, "Rows", "out_of_range"),
        ({"ActionBody": "x", "ActionType": "call"}, "ActionType", "invalid_value"),
        ({"ActionBody": "x", "TextSize": "huge"}, "TextSize", "invalid_value"),
        ({"ActionBody": "x", "BgColor": "red"}, "BgColor", "invalid_color"),
        ({"ActionBody": "x", "BgColor": "#12345"}, "BgColor", "invalid_color"),
        ({"ActionBody": "x", "TextOpacity": 101}, "TextOpacity", "out_of_range"),
        ({"ActionBody": "not a url", "ActionType": "open-url"}, "ActionBody", "invalid_url"),
        ({"ActionBody": "x", "Image": "nope"}, "Image", "invalid_url"),
    ],
)
def test_button_rules(button: dict[str, Any], path: str, code: str) -> None:
    report = check(base(keyboard=kb(button)))
    assert code in codes(report, f"/keyboard/Buttons/0/{path}")
    assert not report.ok


def test_documented_example_values_only_warn() -> None:
    report = check(
        base(
            keyboard=kb(
                {"ActionBody": "x", "Text": "Go", "TextSize": "medium", "TextHAlign": "middle"}
            )
        )
    )
    assert report.ok
    assert codes(report) == ["undocumented_value", "undocumented_value"]


def test_column_wider_than_group() -> None:
    msg = base(
        min_api_version=4, keyboard=kb({"ActionBody": "x", "Columns": 4}, ButtonsGroupColumns=3)
    )
    assert codes(check(msg), "/keyboard/Buttons/0/Columns") == ["wider_than_group"]


def test_keyboard_group_needs_api_4() -> None:
    msg = base(keyboard=kb(ButtonsGroupColumns=6, ButtonsGroupRows=2))
    report = check(msg)
    finding = only(report, "/min_api_version")
    assert finding.code == "min_api_version_too_low"
    assert "ButtonsGroup" in finding.message and "4" in finding.message
    assert report.min_api_version_required == 4
    msg["min_api_version"] = 4
    assert check(msg).ok


@pytest.mark.parametrize("action", ["share-phone", "location-picker"])
def test_phone_actions_need_api_3(action: str) -> None:
    msg = base(keyboard=kb({"ActionBody": "x", "ActionType": action}))
    report = check(msg)
    assert report.min_api_version_required == 3
    assert action in only(report, "/min_api_version").message
    msg["min_api_version"] = 3
    assert check(msg).ok


def test_rich_media_needs_api_2_but_its_groups_need_nothing_more() -> None:
    msg = base(
        "rich_media", min_api_version=1, rich_media=rm(ButtonsGroupColumns=6, ButtonsGroupRows=7)
    )
    report = check(msg)
    assert report.min_api_version_required == 2
    assert "rich media" in only(report, "/min_api_version").message
    msg["min_api_version"] = 2
    assert check(msg).ok


def test_absent_min_api_version_means_1() -> None:
    msg = base("rich_media")
    del msg["min_api_version"]
    finding = only(check(msg), "/min_api_version")
    assert (finding.code, finding.used, finding.limit) == ("min_api_version_too_low", 1, 2)


def test_api_6_features() -> None:
    msg = base(min_api_version=3, keyboard=kb({"ActionBody": "x", "Frame": {"BorderWidth": 2}}))
    assert check(msg).min_api_version_required == 6
    assert "Frame" in only(check(msg), "/min_api_version").message


def test_font_size_markup_needs_api_4() -> None:
    msg = base(keyboard=kb({"ActionBody": "x", "Text": '<font size="20">Big</font>'}))
    assert check(msg).min_api_version_required == 4


def test_phone_actions_not_in_rich_media() -> None:
    msg = base("rich_media", rich_media=rm({"ActionBody": "x", "ActionType": "share-phone"}))
    assert codes(check(msg), "/rich_media/Buttons/0/ActionType") == ["not_allowed_in_rich_media"]


def test_rich_media_rows_up_to_7_and_cards_up_to_6() -> None:
    card = {"ActionBody": "x", "Columns": 6, "Rows": 7}
    assert check(base("rich_media", rich_media=rm(*[card] * 6))).ok
    report = check(base("rich_media", rich_media=rm(*[card] * 7)))
    finding = only(report, "/rich_media/Buttons")
    assert (finding.code, finding.used, finding.limit) == ("too_many_cards", 7, 6)
    over = check(base("rich_media", rich_media=rm({"ActionBody": "x", "Rows": 8})))
    assert codes(over, "/rich_media/Buttons/0/Rows") == ["out_of_range"]


def test_rich_media_type_tag_and_group_ranges() -> None:
    bad = rm(ButtonsGroupColumns=7, ButtonsGroupRows=8)
    bad["Type"] = "keyboard"
    report = check(base("rich_media", rich_media=bad))
    assert codes(report, "/rich_media/Type") == ["invalid_value"]
    assert codes(report, "/rich_media/ButtonsGroupColumns") == ["out_of_range"]
    assert codes(report, "/rich_media/ButtonsGroupRows") == ["out_of_range"]


def test_keyboard_ranges() -> None:
    msg = base(
        min_api_version=4,
        keyboard=kb(
            ButtonsGroupRows=3, CustomDefaultHeight=80, HeightScale=10, InputFieldState="gone"
        ),
    )
    report = check(msg)
    assert codes(report, "/keyboard/ButtonsGroupRows") == ["out_of_range"]
    assert codes(report, "/keyboard/CustomDefaultHeight") == ["out_of_range"]
    assert codes(report, "/keyboard/HeightScale") == ["out_of_range"]
    assert codes(report, "/keyboard/InputFieldState") == ["invalid_value"]


def test_text_paddings() -> None:
    msg = base(min_api_version=4, keyboard=kb({"ActionBody": "x", "TextPaddings": [0, 12, 13, 1]}))
    assert codes(check(msg), "/keyboard/Buttons/0/TextPaddings/2") == ["out_of_range"]
    msg["keyboard"]["Buttons"][0]["TextPaddings"] = [1, 2]
    assert codes(check(msg), "/keyboard/Buttons/0/TextPaddings") == ["wrong_type"]


def test_layout_flows_and_wraps() -> None:
    places = place_buttons([(3, 1), (3, 1), (6, 2), (2, 1)], 6, 2)
    assert [(p.card, p.row, p.column) for p in places] == [
        (0, 0, 0),
        (0, 0, 3),
        (1, 0, 0),
        (2, 0, 0),
    ]
    assert card_count(places) == 3
    assert card_count(place_buttons([(2, 1)] * 6, 6, None)) == 1

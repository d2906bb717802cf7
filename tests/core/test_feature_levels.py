"""Each API-level feature alone: the level it needs is that feature's own level.

Two features in one message hide each other (the higher wins), so every feature here is
the only one in its message, with a valid value, and is checked at its level and one below.
"""

from typing import Any

import pytest

from tests.core.helpers import base, check
from viber_desktop.core.findings import CheckReport


def keyboard(button: dict[str, Any] | None = None, **kb: Any) -> dict[str, Any]:
    buttons = [{"ActionBody": "x", "Text": "t", **(button or {})}]
    return base(keyboard={"Type": "keyboard", "Buttons": buttons, **kb})


def features(report: CheckReport) -> list[tuple[int, str, str]]:
    return [(f.level, f.name, f.path) for f in report.features]


KB = "/keyboard"
BTN = "/keyboard/Buttons/0"
Case = tuple[dict[str, Any], int, str, str]


def kb_field(field: str, value: Any, level: int) -> Case:
    return keyboard(**{field: value}), level, f"keyboard {field}", f"{KB}/{field}"


def btn_field(field: str, value: Any, level: int, name: str) -> Case:
    return keyboard({field: value}), level, name, f"{BTN}/{field}"


ALONE: list[Case] = [
    kb_field("CustomDefaultHeight", 40, 3),
    kb_field("CustomDefaultHeight", 70, 3),
    kb_field("HeightScale", 20, 3),
    kb_field("HeightScale", 100, 3),
    kb_field("ButtonsGroupColumns", 6, 4),
    kb_field("ButtonsGroupRows", 2, 4),
    kb_field("InputFieldState", "regular", 4),
    kb_field("InputFieldState", "minimized", 4),
    kb_field("InputFieldState", "hidden", 4),
    kb_field("FavoritesMetadata", {"type": "gif"}, 6),
    btn_field("ActionType", "location-picker", 3, "location-picker button"),
    btn_field("ActionType", "share-phone", 3, "share-phone button"),
    btn_field("Text", "<font size=20>Hi</font>", 4, "<s> or <font size> in button Text"),
    btn_field("InternalBrowser", {"Mode": "fullscreen"}, 3, "InternalBrowser"),
    btn_field("TextPaddings", [12, 0, 0, 12], 4, "button TextPaddings"),
    btn_field("TextShouldFit", False, 6, "button TextShouldFit"),
    btn_field("Frame", {"BorderWidth": 0}, 6, "button Frame"),
]


@pytest.mark.parametrize(("msg", "level", "name", "path"), ALONE)
def test_a_feature_alone_needs_its_own_level(
    msg: dict[str, Any], level: int, name: str, path: str
) -> None:
    report = check(msg)
    assert report.min_api_version_required == level
    assert features(report) == [(level, name, path)]
    below = check({**msg, "min_api_version": level - 1})
    finding = below.at("/min_api_version")
    assert [(f.severity, f.code, f.used, f.limit) for f in finding] == [
        ("error", "min_api_version_too_low", level - 1, level)
    ]
    assert finding[0].fix is not None and finding[0].fix.value == level
    assert name in finding[0].message and path in finding[0].message
    at = check({**msg, "min_api_version": level})
    assert [(f.severity, f.code) for f in at.findings if f.severity == "error"] == []


def test_no_min_api_version_means_level_1() -> None:
    report = check(keyboard(HeightScale=50))
    assert [(f.code, f.used, f.limit) for f in report.at("/min_api_version")] == [
        ("min_api_version_too_low", 1, 3)
    ]


def test_a_keyboard_without_features_needs_level_1() -> None:
    report = check(keyboard({"ActionType": "reply", "Columns": 6, "Rows": 1}))
    assert (report.min_api_version_required, features(report), report.findings) == (1, [], ())


def test_the_highest_feature_is_named() -> None:
    report = check(keyboard({"TextShouldFit": True}, HeightScale=50, ButtonsGroupRows=1))
    assert report.min_api_version_required == 6
    message = report.at("/min_api_version")[0].message
    assert "button TextShouldFit" in message and "set min_api_version to 6" in message


def test_rich_media_alone_needs_level_2() -> None:
    msg = base("rich_media")
    del msg["min_api_version"]
    report = check(msg)
    assert features(report) == [(2, "rich media", "/rich_media")]
    assert [(f.code, f.used, f.limit) for f in report.findings] == [
        ("min_api_version_too_low", 1, 2)
    ]

"""Every limit stated as the number the sources give, never read back from limits.py.

A test that takes its expectation from ``limits.X`` cannot notice ``limits.X`` being wrong;
these state 28, 4000, 7000… themselves and check the exact finding at n and n+1 UTF-16 units,
with astral characters (which count 2) wherever text is involved.
"""

from typing import Any

import pytest

from tests.core.helpers import base, check
from viber_desktop.core import limits
from viber_desktop.core.findings import CheckReport

Row = tuple[str, str, str, int | None, int | None]


def exact(report: CheckReport) -> list[Row]:
    """Every finding as (severity, code, path, used, limit), in order."""
    return [(f.severity, f.code, f.path, f.used, f.limit) for f in report.findings]


def units(n: int) -> str:
    """Exactly ``n`` UTF-16 units, mostly astral characters (2 units each)."""
    return "😀" * (n // 2) + "a" * (n % 2)


def put(msg: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    target: Any = msg
    parts = path.strip("/").split("/")
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target[part]
    target[parts[-1]] = value
    return msg


def keyboard(level: int = 1, **button: Any) -> dict[str, Any]:
    return base(
        min_api_version=level,
        keyboard={"Type": "keyboard", "Buttons": [{"ActionBody": "x", "Text": "t", **button}]},
    )


TEXT_LIMITS = [
    # (message, path, the limit the sources state)
    (lambda: base("text"), "/sender/name", 28),
    (lambda: base("text"), "/tracking_data", 4000),
    (lambda: base("text"), "/text", 7000),
    (lambda: base("contact"), "/contact/name", 28),
    (lambda: keyboard(), "/keyboard/Buttons/0/ActionBody", 250),
    (
        lambda: keyboard(3, InternalBrowser={"CustomTitle": "x"}),
        "/keyboard/Buttons/0/InternalBrowser/CustomTitle",
        15,
    ),
]


@pytest.mark.parametrize(("make", "path", "limit"), TEXT_LIMITS)
def test_text_limits_at_n_and_n_plus_1(make: Any, path: str, limit: int) -> None:
    assert exact(check(put(make(), path, units(limit)))) == []
    over = check(put(make(), path, units(limit + 1)))
    assert exact(over) == [("error", "too_long", path, limit + 1, limit)]


def test_picture_text_warns_over_512_and_refuses_over_768() -> None:
    assert exact(check(base("picture", text=units(512)))) == []
    assert exact(check(base("picture", text=units(513)))) == [
        ("warning", "over_recommended_length", "/text", 513, 768)
    ]
    assert exact(check(base("picture", text=units(768)))) == [
        ("warning", "over_recommended_length", "/text", 768, 768)
    ]
    assert exact(check(base("picture", text=units(769)))) == [
        ("error", "too_long", "/text", 769, 768)
    ]


def test_button_text_is_cropped_over_250() -> None:
    path = "/keyboard/Buttons/0/Text"
    assert exact(check(put(keyboard(), path, units(250)))) == []
    assert exact(check(put(keyboard(), path, units(251)))) == [
        ("warning", "text_cropped", path, 251, 250)
    ]


def test_url_media_is_at_most_2000() -> None:
    head = "https://example.com/"
    at = head + units(2000 - len(head))
    assert exact(check(base("url", media=at))) == []
    assert exact(check(base("url", media=at + "a"))) == [
        ("error", "too_long", "/media", 2001, 2000)
    ]


def test_file_name_is_at_most_256() -> None:
    at = units(252) + ".pdf"
    assert exact(check(base("file", file_name=at))) == []
    assert exact(check(base("file", file_name="a" + at))) == [
        ("error", "too_long", "/file_name", 257, 256)
    ]


def test_contact_phone_number_is_at_most_18() -> None:
    def msg(phone: str) -> dict[str, Any]:
        return base("contact", contact={"name": "Ann", "phone_number": phone})

    assert exact(check(msg("+" + "1" * 17))) == []
    assert exact(check(msg("+" + "1" * 18))) == [
        ("error", "too_long", "/contact/phone_number", 19, 18)
    ]


@pytest.mark.parametrize(
    ("kind", "field", "top"),
    [("video", "size", 27_262_976), ("video", "duration", 180), ("file", "size", 52_428_800)],
)
def test_media_numbers_at_their_stated_maximum(kind: str, field: str, top: int) -> None:
    assert exact(check(base(kind, **{field: top}))) == []
    assert exact(check(base(kind, **{field: top + 1}))) == [
        ("error", "out_of_range", f"/{field}", top + 1, top)
    ]


@pytest.mark.parametrize(("field", "top"), [("lat", 90), ("lon", 180)])
def test_location_bounds_are_90_and_180(field: str, top: int) -> None:
    for edge in (top, -top):
        location = {"lat": 0, "lon": 0, field: edge}
        assert exact(check(base("location", location=location))) == []
    for over in (top + 1, -top - 1):
        location = {"lat": 0, "lon": 0, field: over}
        assert exact(check(base("location", location=location))) == [
            ("error", "out_of_range", f"/location/{field}", over, top)
        ]


def test_rich_media_needs_level_2_and_payment_level_10() -> None:
    rich = base("rich_media")
    assert check(rich).min_api_version_required == 2
    rich["min_api_version"] = 1
    assert exact(check(rich)) == [("error", "min_api_version_too_low", "/min_api_version", 1, 2)]
    payment = base("payment", min_api_version=9)
    assert check(payment).min_api_version_required == 10
    assert ("error", "min_api_version_too_low", "/min_api_version", 9, 10) in exact(check(payment))


def test_a_button_without_a_size_is_6_columns_by_1_row() -> None:
    # 6 default buttons fill one card of 6x6; a 7th needs a second card.
    def carousel(n: int) -> dict[str, Any]:
        buttons = [{"ActionBody": "x", "ActionType": "reply", "Text": "t"}] * n
        rm = {"Type": "rich_media", "BgColor": "#FFFFFF", "Buttons": buttons}
        return base("rich_media", rich_media={**rm, "ButtonsGroupRows": 6})

    assert exact(check(carousel(36))) == []
    report = check(carousel(37))
    assert exact(report) == [("error", "too_many_cards", "/rich_media/Buttons", 7, 6)]
    assert "6 columns by 1 row" in report.findings[0].message


def test_values_other_layers_take_from_core() -> None:
    # Used by the sandbox, the window and the composer; stated here as the sources give them.
    assert limits.RECEIVER_MESSAGES_PER_HOUR == 100
    assert limits.RECEIVER_WARN_FROM == 90
    assert limits.AVATAR_BYTES_WARN == 100 * 1024
    assert limits.WARN_FRACTION == 0.9
    assert limits.REQUEST_BYTES_MAX == 30_720
    assert limits.REQUEST_BYTES_WARN == 30_000

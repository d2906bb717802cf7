"""Every character limit at the limit and one over, in four scripts."""

from typing import Any

import pytest

from tests.core.helpers import base, check, codes, only
from viber_desktop.core import limits
from viber_desktop.core.text import utf16_len

# (unit, UTF-16 units per unit)
SCRIPTS = [("a", 1), ("Ж", 1), ("字", 1), ("😀", 2)]


def fill(n: int, unit: str, width: int) -> str:
    """A string of exactly n UTF-16 units (n odd with a 2-unit char ends in 'x')."""
    text = unit * (n // width)
    return text + "x" * (n - utf16_len(text))


def set_path(msg: dict[str, Any], path: str, value: str) -> None:
    parts = path.strip("/").split("/")
    target: Any = msg
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target[part]
    target[parts[-1]] = value


KB = {"Type": "keyboard", "Buttons": [{"ActionBody": "x"}]}
CASES = [
    ("text", "/sender/name", limits.SENDER_NAME_MAX, {}),
    ("text", "/tracking_data", limits.TRACKING_DATA_MAX, {}),
    ("text", "/text", limits.TEXT_MAX, {}),
    ("picture", "/text", limits.PICTURE_TEXT_MAX, {}),
    ("contact", "/contact/name", limits.CONTACT_NAME_MAX, {}),
    ("text", "/keyboard/Buttons/0/ActionBody", limits.ACTION_BODY_MAX, {"keyboard": KB}),
]
# Button Text over its limit is a warning (Viber crops it): tests/core/test_rule_corrections.py


@pytest.mark.parametrize(("unit", "width"), SCRIPTS)
@pytest.mark.parametrize(("kind", "path", "limit", "extra"), CASES)
def test_limit_and_one_over(
    kind: str, path: str, limit: int, extra: dict[str, Any], unit: str, width: int
) -> None:
    msg = base(kind, **extra)
    set_path(msg, path, fill(limit, unit, width))
    assert "too_long" not in codes(check(msg), path)
    set_path(msg, path, fill(limit + 1, unit, width))
    finding = only(check(msg), path)
    assert (finding.code, finding.severity, finding.used, finding.limit) == (
        "too_long",
        "error",
        limit + 1,
        limit,
    )
    assert finding.message.startswith(path.strip("/").split("/")[-1]) or "." in finding.message


def test_emoji_counts_two_units() -> None:
    msg = base(sender={"name": "😀" * 14})
    assert check(msg).ok
    msg["sender"]["name"] = "😀" * 14 + "a"
    assert only(check(msg), "/sender/name").used == 29


def test_url_media_limit() -> None:
    url = "https://example.com/"
    msg = base("url", media=url + "a" * (limits.URL_MEDIA_MAX - len(url)))
    assert check(msg).ok
    msg["media"] += "a"
    assert codes(check(msg), "/media") == ["too_long"]


def test_file_name_limit() -> None:
    name = "ж" * (limits.FILE_NAME_MAX - 4) + ".pdf"
    assert check(base("file", file_name=name)).ok
    assert codes(check(base("file", file_name="ж" + name)), "/file_name") == ["too_long"]


def test_phone_number_limit_and_shape() -> None:
    ok = base("contact", contact={"name": "A", "phone_number": "+" + "1" * 17})
    assert check(ok).ok
    over = base("contact", contact={"name": "A", "phone_number": "1" * 19})
    assert codes(check(over), "/contact/phone_number") == ["too_long"]
    bad = base("contact", contact={"name": "A", "phone_number": "+1 555-555"})
    assert codes(check(bad), "/contact/phone_number") == ["invalid_phone_number"]


def test_picture_text_warns_above_512() -> None:
    report = check(base("picture", text="a" * 513))
    assert report.ok
    finding = only(report, "/text")
    assert (finding.severity, finding.code) == ("warning", "over_recommended_length")
    assert not check(base("picture", text="a" * 512)).findings


@pytest.mark.parametrize(
    ("field", "value", "ok"),
    [
        ("size", limits.VIDEO_SIZE_MAX, True),
        ("size", limits.VIDEO_SIZE_MAX + 1, False),
        ("size", 0, False),
        ("duration", limits.VIDEO_DURATION_MAX, True),
        ("duration", limits.VIDEO_DURATION_MAX + 1, False),
        ("duration", 0, True),
    ],
)
def test_video_ranges(field: str, value: int, ok: bool) -> None:
    assert check(base("video", **{field: value})).ok is ok


@pytest.mark.parametrize(
    ("value", "ok"), [(limits.FILE_SIZE_MAX, True), (limits.FILE_SIZE_MAX + 1, False), (1, True)]
)
def test_file_size(value: int, ok: bool) -> None:
    assert check(base("file", size=value)).ok is ok


@pytest.mark.parametrize(
    ("lat", "lon", "ok"),
    [
        (90, 180, True),
        (-90, -180, True),
        (0, 0, True),
        (90.0001, 0, False),
        (0, -180.5, False),
    ],
)
def test_location_bounds(lat: float, lon: float, ok: bool) -> None:
    assert check(base("location", location={"lat": lat, "lon": lon})).ok is ok


def test_location_strings_are_errors_with_a_fix() -> None:
    report = check(base("location", location={"lat": "37.7", "lon": 1}))
    assert "without quotes" in only(report, "/location/lat").message

"""Per-type rules, required fields, shapes and unknown fields."""

from typing import Any

import pytest

from tests.core.helpers import base, check, codes, only
from viber_desktop.core.limits import MESSAGE_TYPES


@pytest.mark.parametrize("kind", MESSAGE_TYPES)
def test_every_type_has_a_valid_example(kind: str) -> None:
    report = check(base(kind))
    assert report.ok, report.findings
    assert not report.findings


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("text", "text"),
        ("picture", "media"),
        ("picture", "text"),
        ("video", "media"),
        ("video", "size"),
        ("file", "media"),
        ("file", "size"),
        ("file", "file_name"),
        ("contact", "contact"),
        ("location", "location"),
        ("url", "media"),
        ("sticker", "sticker_id"),
        ("rich_media", "rich_media"),
    ],
)
def test_required_fields(kind: str, field: str) -> None:
    msg = base(kind)
    del msg[field]
    finding = only(check(msg), f"/{field}")
    assert finding.code == "missing_field"
    assert field in finding.message


def test_receiver_is_required() -> None:
    msg = base()
    del msg["receiver"]
    assert codes(check(msg), "/receiver") == ["missing_field"]


def test_missing_sender_name_and_empty_name() -> None:
    assert codes(check(base(sender={})), "/sender/name") == ["missing_field"]
    assert codes(check(base(sender={"name": ""})), "/sender/name") == ["empty"]


def test_empty_text() -> None:
    assert codes(check(base(text="")), "/text") == ["empty"]


def test_tracking_data_null_and_wrong_type() -> None:
    assert codes(check(base(tracking_data=None)), "/tracking_data") == ["null_value"]
    assert codes(check(base(tracking_data=5)), "/tracking_data") == ["wrong_type"]
    assert check(base(tracking_data="")).ok


@pytest.mark.parametrize(
    ("media", "ok"),
    [
        ("https://x.com/a.JPG", True),
        ("https://x.com/a.jpeg", True),
        ("http://x.com/a.png", True),
        ("https://x.com/a.gif?x=1", True),
        ("https://x.com/a.bmp", False),
        ("https://x.com/a.jpg/b", False),
        ("ftp://x.com/a.jpg", False),
        ("a.jpg", False),
    ],
)
def test_picture_media(media: str, ok: bool) -> None:
    assert check(base("picture", media=media)).ok is ok


def test_video_needs_mp4() -> None:
    assert codes(check(base("video", media="https://x.com/v.mov")), "/media") == [
        "invalid_extension"
    ]


@pytest.mark.parametrize("name", ["setup.exe", "x.APK", "a.prg", "run.sh.bat", "s.vbscript"])
def test_forbidden_file_extensions(name: str) -> None:
    msg = base("file", file_name=name, media=f"https://x.com/{name}")
    assert codes(check(msg), "/file_name") == ["forbidden_extension"]


def test_file_without_extension() -> None:
    assert codes(check(base("file", file_name="README")), "/file_name") == ["missing_extension"]


def test_sticker_id() -> None:
    assert check(base("sticker", sticker_id=1)).ok
    assert codes(check(base("sticker", sticker_id=0)), "/sticker_id") == ["out_of_range"]
    assert (
        "without quotes" in only(check(base("sticker", sticker_id="40129")), "/sticker_id").message
    )
    assert codes(check(base("sticker", sticker_id=True)), "/sticker_id") == ["wrong_type"]


def test_avatar_must_be_url() -> None:
    assert check(base(sender={"name": "a", "avatar": "https://x.com/a.jpg"})).ok
    assert codes(check(base(sender={"name": "a", "avatar": "x"})), "/sender/avatar") == [
        "invalid_url"
    ]


def test_min_api_version_shape() -> None:
    assert codes(check(base(min_api_version=0)), "/min_api_version") == ["out_of_range"]
    assert codes(check(base(min_api_version="x")), "/min_api_version") == ["wrong_type"]
    assert codes(check(base(min_api_version=True)), "/min_api_version") == ["wrong_type"]
    assert check(base(min_api_version=7)).ok


def test_unknown_type_and_missing_type() -> None:
    assert codes(check(base("gif")), "/type") == ["unknown_type"]
    assert codes(check(base(None)), "/type") == ["missing_field"]


def test_keyboard_only_message_needs_no_type() -> None:
    msg = base(None, keyboard={"Type": "keyboard", "Buttons": [{"ActionBody": "hi", "Text": "Hi"}]})
    report = check(msg)
    assert report.ok and not report.findings


def test_unknown_fields_are_warnings() -> None:
    report = check(base(chat_id="x", sender={"name": "a", "nick": "b"}))
    assert report.ok
    assert codes(report, "/chat_id") == ["unknown_field"]
    assert codes(report, "/sender/nick") == ["unknown_field"]


def test_receiver_that_looks_like_a_phone() -> None:
    report = check(base(receiver="380501234567"))
    assert report.ok and codes(report, "/receiver") == ["receiver_looks_like_phone"]


@pytest.mark.parametrize("payload", [[], "x", 1, None, True, 1.5, [{"type": "text"}]])
def test_not_an_object(payload: Any) -> None:
    report = check(payload)
    assert not report.ok and codes(report, "") == ["not_an_object"]


def test_wrong_kinds_everywhere() -> None:
    msg = base("contact", contact=[1], sender="Shop", receiver=5, keyboard="kb")
    report = check(msg)
    assert set(codes(report)) == {"wrong_type"}
    assert {f.path for f in report.findings} == {"/contact", "/sender", "/receiver", "/keyboard"}


def test_lone_surrogate_and_nan() -> None:
    report = check(base(text="a\ud800b", location=None))
    assert "invalid_unicode" in codes(report, "/text")
    report = check(base("location", location={"lat": float("nan"), "lon": 0}))
    assert "invalid_number" in codes(report, "/location/lat")


def test_pointer_escaping() -> None:
    report = check(base(**{"a/b~c": 1}))
    assert codes(report, "/a~1b~0c") == ["unknown_field"]

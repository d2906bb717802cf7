"""The field table: one entry per field, well formed, and the checker's field lists come from it."""

import pytest

from viber_desktop.core import checker, keyboards, limits, schema
from viber_desktop.core.schema import FIELDS, field_of


def test_every_field_is_declared_once_with_a_description_and_a_source() -> None:
    keys = [f.key for f in FIELDS]
    assert len(keys) == len(set(keys))
    for f in FIELDS:
        assert f.description and "\n" not in f.description, f.key
        assert f.source, f.key
        assert f.scope in ("message", "button", *schema.MESSAGE_TYPES), f.key


def test_a_nested_field_has_its_parent_object_declared() -> None:
    for f in FIELDS:
        if len(f.path) > 1:
            parent = schema.lookup(f.scope, f.path[:-1])
            assert parent is not None and parent.kind == "object", f.key


def test_limits_carry_the_documented_numbers() -> None:
    # The numbers are written here, not read back from limits.py: a changed constant fails.
    assert field_of("message", "sender", "name").max_len == 28
    assert field_of("message", "tracking_data").max_len == 4000
    assert field_of("text", "text").max_len == 7000
    picture = field_of("picture", "text")
    assert (picture.max_len, picture.warn_len, picture.min_len) == (768, 512, 0)
    assert field_of("url", "media").max_len == 2000
    assert field_of("contact", "contact", "name").max_len == 28
    assert field_of("contact", "contact", "phone_number").max_len == 18
    assert field_of("file", "file_name").max_len == 256
    assert field_of("video", "size").range == (1, 27_262_976)
    assert field_of("video", "duration").range == (0, 180)
    assert field_of("file", "size").range == (1, 52_428_800)
    text = field_of("button", "Text")
    assert (text.max_len, text.soft) == (250, True)
    body = field_of("button", "ActionBody")
    assert (body.max_len, body.soft, body.required) == (250, False, True)
    assert field_of("button", "InternalBrowser", "CustomTitle").max_len == 15
    assert field_of("message", "keyboard", "CustomDefaultHeight").range == (40, 70)
    assert field_of("message", "keyboard", "HeightScale").range == (20, 100)
    assert field_of("message", "keyboard", "ButtonsGroupRows").range == (1, 2)
    assert field_of("rich_media", "rich_media", "ButtonsGroupRows").range == (1, 7)
    assert field_of("button", "TextOpacity").range == (0, 100)
    assert field_of("button", "TextPaddings").range == (0, 12)
    assert field_of("button", "Frame", "BorderWidth").range == (0, 10)
    assert field_of("location", "location", "lat").range == (-90.0, 90.0)
    assert field_of("button", "Map", "Longitude").range == (-180.0, 180.0)


def test_api_levels_and_defaults() -> None:
    assert field_of("rich_media", "rich_media").api_level == 2
    assert field_of("message", "keyboard", "HeightScale").api_level == 3
    assert field_of("button", "InternalBrowser").api_level == 3
    assert field_of("message", "keyboard", "InputFieldState").api_level == 4
    assert field_of("button", "TextPaddings").api_level == 4
    assert field_of("button", "Map").api_level == 6
    assert field_of("button", "Columns").default == 6
    assert field_of("button", "Rows").default == 1
    assert field_of("rich_media", "rich_media", "ButtonsGroupRows").default == 7


def test_where_sources_disagree_the_field_says_what_is_kept() -> None:
    for key, words in (
        (("message", "tracking_data"), "4,096"),
        (("sticker", "sticker_id"), "string"),
        (("location", "location", "lat"), "strings"),
        (("rich_media", "rich_media"), "keeps 2"),
        (("button", "Columns"), "6 columns by 1 row"),
    ):
        assert words in field_of(*key).rule, key


def test_message_types_have_one_definition() -> None:
    assert schema.MESSAGE_TYPES is limits.MESSAGE_TYPES
    assert set(checker.TYPE_FIELDS) == set(schema.MESSAGE_TYPES)
    assert set(checker._TYPE_CHECKS) == set(schema.MESSAGE_TYPES)
    assert field_of("message", "type").choices == schema.MESSAGE_TYPES


def test_checker_field_lists_come_from_the_schema() -> None:
    assert checker.COMMON_FIELDS == (
        "receiver",
        "type",
        "sender",
        "tracking_data",
        "min_api_version",
        "keyboard",
    )
    assert checker.TYPE_FIELDS["video"] == ("media", "size", "duration", "thumbnail")
    assert "Colums" not in keyboards.BUTTON_FIELDS and "Columns" in keyboards.BUTTON_FIELDS
    assert keyboards.ACTION_TYPES == (
        "reply",
        "open-url",
        "location-picker",
        "share-phone",
        "none",
        "buy",
    )
    assert schema.children("button", "Map") == ("Latitude", "Longitude")


def test_an_undeclared_field_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        field_of("button", "Colums")
    assert schema.lookup("picture", ("sender", "name")) is field_of("message", "sender", "name")
    assert schema.lookup("button", ("sender", "name")) is None

"""The field table: one entry per field, well formed, and the checker's field lists come from it."""

import copy
import os
import subprocess
import sys
from pathlib import Path

import pytest

from viber_desktop.core import checker, keyboards, limits, schema
from viber_desktop.core.checker import check_payload
from viber_desktop.core.schema import FIELDS, field_of


def test_every_field_is_declared_once_with_a_description_and_a_source() -> None:
    keys = [f.key for f in FIELDS]
    assert len(keys) == len(set(keys))
    for f in FIELDS:
        assert f.description and "\n" not in f.description, f.key
        assert f.source, f.key
        assert f.scope in ("message", "button", *schema.MESSAGE_TYPES), f.key


def test_every_field_knows_its_name_and_dotted_path() -> None:
    """Kept in the record (read in hot loops), filled from the path when the field is made."""
    for f in FIELDS:
        assert f.name == f.path[-1] and f.dotted == ".".join(f.path), f
        assert f._replace(range=(1, 2)).dotted == f.dotted
    assert not field_of("message", "receiver").tolerated  # the default: nothing tolerated


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


# --- the checker applies each field's limits exactly as the schema states them -------------

_BUTTON = {"ActionBody": "a", "Text": "x"}
_BASE: dict[str, dict[str, object]] = {
    "text": {"type": "text", "text": "hi"},
    "picture": {"type": "picture", "text": "", "media": "https://example.com/a.jpg"},
    "video": {"type": "video", "media": "https://example.com/a.mp4", "size": 10},
    "file": {"type": "file", "media": "https://e.com/a.pdf", "size": 10, "file_name": "a.pdf"},
    "contact": {"type": "contact", "contact": {"name": "Ann", "phone_number": "+15555555555"}},
    "location": {"type": "location", "location": {"lat": 1.5, "lon": 2.5}},
    "url": {"type": "url", "media": "https://example.com"},
    "sticker": {"type": "sticker", "sticker_id": 46105},
    "rich_media": {
        "type": "rich_media",
        "min_api_version": 2,
        "rich_media": {
            "Type": "rich_media",
            "BgColor": "#FFFFFF",
            "Buttons": [{**_BUTTON, "Columns": 1, "Rows": 1}],
        },
    },
}


def _message(f: schema.Field, value: object) -> tuple[dict[str, object], str]:
    """A valid message of the field's scope with ``value`` at the field; and its pointer."""
    msg = copy.deepcopy(_BASE.get(f.scope, _BASE["text"]))
    msg.update(receiver="01234567890A=", sender={"name": "Bot"})
    target: dict[str, object] = msg
    prefix = ""
    if f.scope == "button" or f.path[0] == "keyboard":
        msg["keyboard"] = {"Type": "keyboard", "Buttons": [dict(_BUTTON)]}
    if f.scope == "button":
        target = msg["keyboard"]["Buttons"][0]  # type: ignore[index]
        prefix = "/keyboard/Buttons/0"
    for part in f.path[:-1]:
        target = target.setdefault(part, {})  # type: ignore[assignment]
    target[f.name] = value
    return msg, prefix + "/" + "/".join(f.path)


def _text(f: schema.Field, n: int) -> str:
    if f.name == "file_name":
        return "a" * (n - 4) + ".pdf"
    if f.name == "phone_number":
        return "+" + "1" * (n - 1)
    if f.format == "url":
        return "https://example.com/" + "a" * (n - 20)
    return "😀" + "a" * (n - 2)  # an astral character counts 2 UTF-16 units


def _at(f: schema.Field, value: object) -> list[tuple[str, str]]:
    msg, where = _message(f, value)
    report = check_payload(msg)
    return [(x.severity, x.code) for x in report.findings if x.path == where]


LENGTHS = [f for f in FIELDS if f.max_len is not None]
RANGES = [f for f in FIELDS if f.range is not None]


@pytest.mark.parametrize("f", LENGTHS, ids=lambda f: f.key)
def test_checker_applies_the_schema_length(f: schema.Field) -> None:
    assert f.max_len is not None
    at_limit = [] if f.warn_len is None else [("warning", "over_recommended_length")]
    assert _at(f, _text(f, f.max_len)) == at_limit
    over = [("warning", "text_cropped")] if f.soft else [("error", "too_long")]
    assert _at(f, _text(f, f.max_len + 1)) == over
    if f.warn_len is not None:
        assert _at(f, _text(f, f.warn_len)) == []
        assert _at(f, _text(f, f.warn_len + 1)) == [("warning", "over_recommended_length")]


@pytest.mark.parametrize("f", RANGES, ids=lambda f: f.key)
def test_checker_applies_the_schema_range(f: schema.Field) -> None:
    assert f.range is not None
    lo, hi = f.range

    def value(x: float) -> object:
        number = x if f.kind == "number" else int(x)
        return [number] * 4 if f.kind == "array" else number

    def at(x: float) -> list[tuple[str, str]]:
        found = _at(f, value(x))
        if f.kind == "array":  # each padding is checked on its own: look at the first
            msg, where = _message(f, value(x))
            found = [
                (y.severity, y.code) for y in check_payload(msg).findings if y.path == where + "/0"
            ]
        return found

    out = [("error", "out_of_range")]
    for edge, step in ((lo, -1), (hi, 1)):
        if edge is None:
            continue
        assert at(edge) == [], edge
        assert at(edge + step) == out, edge + step


@pytest.mark.parametrize("f", [f for f in FIELDS if f.choices], ids=lambda f: f.key)
def test_checker_accepts_exactly_the_schema_choices(f: schema.Field) -> None:
    if f.name == "type":
        return  # the message type chooses the other fields: test_types covers it
    for choice in f.choices:
        assert [x for x in _at(f, choice) if x[0] == "error"] == [], choice
    assert _at(f, "no-such-value") == [("error", "invalid_value")]


def test_an_object_the_schema_does_not_detail_is_not_searched_for_unknown_fields() -> None:
    favourites = {"type": "gif", "url": "https://example.com/a.gif", "title": "A"}
    f = field_of("message", "keyboard", "FavoritesMetadata")
    msg, where = _message(f, favourites)
    msg["min_api_version"] = 6
    assert [x for x in check_payload(msg).findings if x.path.startswith(where)] == []


def test_a_misspelt_field_in_a_detailed_object_is_named() -> None:
    msg, _ = _message(field_of("button", "Frame", "BorderWidth"), 2)
    msg["min_api_version"] = 6
    msg["keyboard"]["Buttons"][0]["Frame"]["BorderWidht"] = 2  # type: ignore[index]
    found = [(x.path, x.code) for x in check_payload(msg).findings]
    assert found == [("/keyboard/Buttons/0/Frame/BorderWidht", "unknown_field")]


# --- the library: public names and the README's example ---------------------------------


def test_core_exports_its_public_api_lazily() -> None:
    code = (
        "import sys, viber_desktop.core as core\n"
        "assert 'viber_desktop.core.checker' not in sys.modules\n"
        "assert 'pydantic' not in sys.modules\n"
        "for name in core.__all__: getattr(core, name)\n"
        "assert 'viber_desktop.core.checker' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    import viber_desktop.core as core

    for name in ("check_payload", "CheckReport", "Finding", "body_bytes", "STATUSES", "FIELDS"):
        assert name in core.__all__
    assert core.FIELDS is schema.FIELDS
    with pytest.raises(AttributeError):
        _ = core.no_such_name


def test_the_readme_python_example_runs_and_prints_what_the_readme_says() -> None:
    from tests.core.test_readme import block

    code = block("python-example").removeprefix("```python\n").removesuffix("\n```")
    printed = block("python-example-output").removeprefix("```\n").removesuffix("\n```")
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.stdout.rstrip("\n") == printed

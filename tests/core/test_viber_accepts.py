"""Issue 13, "What Viber really accepts": an error means Viber will reject the message."""

from typing import Any

import pytest

from tests.core.helpers import base, check
from tests.core.test_rule_corrections import found, with_button
from viber_desktop.core.body_token import BODY_TOKEN_KEY
from viber_desktop.core.findings import Fix

BUTTON = "/keyboard/Buttons/0"


# --- sender -------------------------------------------------------------------------------


def test_no_sender_is_accepted_with_a_warning_naming_what_receivers_see() -> None:
    msg = base()
    del msg["sender"]
    report = check(msg)
    assert report.ok
    assert found(report) == [("warning", "no_sender", "/sender")]
    assert "bot account's own name" in report.findings[0].message


def test_a_null_sender_is_no_sender() -> None:
    report = check(base(sender=None))
    assert found(report) == [("warning", "no_sender", "/sender")]
    assert report.findings[0].message.startswith("sender is null")


@pytest.mark.parametrize(
    ("sender", "expected"),
    [
        ({"name": ""}, ("error", "empty", "/sender/name")),
        ({"name": "😀" * 14 + "a"}, ("error", "too_long", "/sender/name")),
        ({}, ("error", "missing_field", "/sender/name")),
        ("Shop", ("error", "wrong_type", "/sender")),
    ],
)
def test_a_present_sender_with_a_bad_name_stays_an_error(
    sender: Any, expected: tuple[str, str, str]
) -> None:
    assert found(check(base(sender=sender))) == [expected]


def test_a_28_unit_name_with_emoji_is_fine() -> None:
    assert check(base(sender={"name": "😀" * 14})).findings == ()


# --- numbers and booleans written as text ------------------------------------------------


@pytest.mark.parametrize(("field", "text", "value"), [("Columns", "6", 6), ("Rows", "1", 1)])
def test_integers_as_numeric_strings_are_a_warning(field: str, text: str, value: int) -> None:
    report = check(with_button(**{field: text}))
    assert report.ok
    assert found(report) == [("warning", "number_as_text", f"{BUTTON}/{field}")]
    [finding] = report.findings
    assert finding.fix == Fix(
        label=f"Write {value} without quotes", op="set", path=f"{BUTTON}/{field}", value=value
    )


def test_a_numeric_string_is_still_range_checked() -> None:
    assert found(check(with_button(Rows="3"))) == [
        ("warning", "number_as_text", f"{BUTTON}/Rows"),
        ("error", "out_of_range", f"{BUTTON}/Rows"),
    ]
    assert found(check(with_button(Columns="0"))) == [
        ("warning", "number_as_text", f"{BUTTON}/Columns"),
        ("error", "out_of_range", f"{BUTTON}/Columns"),
    ]


@pytest.mark.parametrize("text", ["6.0", "", " 6", "six", "9" * 19, "+6"])
def test_other_strings_for_integers_stay_errors(text: str) -> None:
    assert found(check(with_button(Columns=text))) == [("error", "wrong_type", f"{BUTTON}/Columns")]


def test_numeric_strings_elsewhere() -> None:
    assert found(check(base("video", size="1000", duration="180"))) == [
        ("warning", "number_as_text", "/size"),
        ("warning", "number_as_text", "/duration"),
    ]
    assert found(check(base("video", duration="181"))) == [
        ("warning", "number_as_text", "/duration"),
        ("error", "out_of_range", "/duration"),
    ]
    kb = {"Type": "keyboard", "Buttons": [{"ActionBody": "x", "Text": "t"}], "HeightScale": "20"}
    assert found(check(base(min_api_version="3", keyboard=kb))) == [
        ("warning", "number_as_text", "/keyboard/HeightScale"),
        ("warning", "number_as_text", "/min_api_version"),
    ]
    pads = check(with_button(4, TextPaddings=["1", 2, "12", 0]))
    assert found(pads) == [
        ("warning", "number_as_text", f"{BUTTON}/TextPaddings/0"),
        ("warning", "number_as_text", f"{BUTTON}/TextPaddings/2"),
    ]


def test_a_numeric_string_min_api_version_counts() -> None:
    msg = with_button(TextPaddings=[1, 2, 3, 4])
    msg["min_api_version"] = "4"
    assert found(check(msg)) == [("warning", "number_as_text", "/min_api_version")]
    msg["min_api_version"] = "3"
    assert [f.code for f in check(msg).findings] == ["number_as_text", "min_api_version_too_low"]


@pytest.mark.parametrize(("text", "value"), [("true", True), ("false", False)])
def test_booleans_as_strings_are_a_warning(text: str, value: bool) -> None:
    report = check(with_button(Silent=text))
    assert found(report) == [("warning", "boolean_as_text", f"{BUTTON}/Silent")]
    assert report.findings[0].fix == Fix(
        label=f"Write {text} without quotes", op="set", path=f"{BUTTON}/Silent", value=value
    )


@pytest.mark.parametrize("text", ["True", "yes", "1", ""])
def test_other_strings_for_booleans_stay_errors(text: str) -> None:
    assert found(check(with_button(Silent=text))) == [("error", "wrong_type", f"{BUTTON}/Silent")]


# --- null ---------------------------------------------------------------------------------


def test_what_the_node_sdk_sends_is_accepted() -> None:
    msg = base(
        "video",
        keyboard=None,
        thumbnail=None,
        duration=None,
        min_api_version=None,
        sender={"name": "Shop", "avatar": None},
    )
    report = check(msg)
    assert report.ok
    assert found(report) == [
        ("warning", "null_value", "/sender/avatar"),
        ("warning", "null_value", "/keyboard"),
        ("warning", "null_value", "/duration"),
        ("warning", "null_value", "/thumbnail"),
        ("warning", "null_value", "/min_api_version"),
    ]
    assert all(f.fix and (f.fix.op, f.fix.path) == ("remove", f.path) for f in report.findings)


def test_null_keyboard_fields_are_absent() -> None:
    kb = {
        "Type": "keyboard",
        "Buttons": [{"ActionBody": "x", "Text": "t", "TextPaddings": None, "Map": None}],
        "BgColor": None,
        "DefaultHeight": None,
        "ButtonsGroupColumns": None,
        "FavoritesMetadata": None,
    }
    report = check(base(keyboard=kb))
    assert report.ok and report.min_api_version_required == 1  # no level for absent features
    assert {f.code for f in report.findings} == {"null_value"}
    assert len(report.findings) == 6


def test_tracking_data_null_stays_an_error() -> None:
    report = check(base(tracking_data=None))
    assert found(report) == [("error", "null_value", "/tracking_data")]


@pytest.mark.parametrize(("kind", "field"), [("text", "text"), ("picture", "media")])
def test_a_required_field_set_to_null_stays_an_error(kind: str, field: str) -> None:
    assert found(check(base(kind, **{field: None}))) == [("error", "wrong_type", f"/{field}")]


# --- receiver ------------------------------------------------------------------------------


@pytest.mark.parametrize("receiver", ["+380501234567", "+1 (555) 555-5555", "+123456"])
def test_a_phone_number_receiver_is_an_error(receiver: str) -> None:
    report = check(base(receiver=receiver))
    assert found(report) == [("error", "receiver_is_phone_number", "/receiver")]
    assert "webhook events" in report.findings[0].message
    assert "999" in report.findings[0].message


@pytest.mark.parametrize(
    ("receiver", "expected"),
    [
        ("380501234567", [("warning", "receiver_looks_like_phone", "/receiver")]),
        ("+12345", []),
        ("01234567890A==", []),
        ("a+380501234567", []),
    ],
)
def test_other_receivers(receiver: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(check(base(receiver=receiver))) == expected


# --- the bot token in the body ---------------------------------------------------------


def test_the_bot_token_in_the_body_is_its_own_finding_with_a_fix() -> None:
    report = check(base(**{BODY_TOKEN_KEY: "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9"}))
    assert report.ok
    assert found(report) == [("warning", "bot_token_in_body", f"/{BODY_TOKEN_KEY}")]
    [finding] = report.findings
    assert "bot token is in the body" in finding.message
    assert finding.fix == Fix(label="Remove the token", op="remove", path=f"/{BODY_TOKEN_KEY}")
    assert finding.as_json()["fix"] == {
        "label": "Remove the token",
        "op": "remove",
        "path": f"/{BODY_TOKEN_KEY}",
    }


def test_a_finding_without_a_fix_has_no_fix_in_json() -> None:
    [finding] = check(base(text="")).findings
    assert "fix" not in finding.as_json()


# --- undocumented values Viber renders ------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [("TextHAlign", "middle", "center"), ("TextSize", "medium", "regular")],
)
def test_example_values_are_a_quiet_warning_saying_what_viber_shows(
    field: str, value: str, shown: str
) -> None:
    report = check(with_button(**{field: value}))
    assert found(report) == [("warning", "undocumented_value", f"{BUTTON}/{field}")]
    [finding] = report.findings
    assert f'Viber shows it as "{shown}"' in finding.message
    assert "reject" not in finding.message
    assert finding.fix == Fix(
        label=f'Write "{shown}"', op="set", path=f"{BUTTON}/{field}", value=shown
    )

"""The receiver rules in core: CSV cells, the lookup limit, answers of any shape, compatibility."""

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viber_desktop.core import receivers as rules
from viber_desktop.core.checker import check_payload
from viber_desktop.core.receiver_records import UserDetails, decode_online
from viber_desktop.core.receivers import (
    USER_DETAILS_LIMIT,
    Need,
    calls_left,
    csv_cell,
    csv_value,
    fit_problem,
    needed_level,
    next_call_at,
)

H = 3600.0
KEYBOARD = {
    "Type": "keyboard",
    "ButtonsGroupColumns": 6,
    "Buttons": [{"ActionType": "reply", "ActionBody": "a", "Text": "A"}],
}


@given(st.text())
def test_csv_cells_round_trip_and_never_start_a_formula(text: str) -> None:
    cell = csv_cell(text)
    assert csv_value(cell) == text
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize(
    ("text", "cell"),
    [("=1+1", "'=1+1"), ("+49 170", "'+49 170"), ("-x", "'-x"), ("@A1", "'@A1"), ("'q", "''q")],
)
def test_csv_cells_get_an_apostrophe(text: str, cell: str) -> None:
    assert csv_cell(text) == cell


def test_a_plain_apostrophe_from_a_spreadsheet_is_kept() -> None:
    assert csv_value("'hello") == "'hello"


def test_two_lookups_per_twelve_hours() -> None:
    now = 100 * H
    assert USER_DETAILS_LIMIT.calls == 2 and USER_DETAILS_LIMIT.window_s == 12 * H
    assert next_call_at([], now) == now and calls_left([], now) == 2
    assert next_call_at([now - H], now) == now and calls_left([now - H], now) == 1
    two = [now - 5 * H, now - H]
    assert next_call_at(two, now) == now + 7 * H and calls_left(two, now) == 0
    assert next_call_at([now - H, now - 5 * H, now - 13 * H], now) == now + 7 * H
    assert next_call_at([now - 12 * H, now - H], now) == now  # exactly 12 h ago: out


@given(st.lists(st.integers(0, 10**6).map(float), max_size=6), st.integers(0, 10**6))
def test_the_next_call_is_never_in_the_past_and_frees_a_call(times: list[float], now: int) -> None:
    at = next_call_at(times, now)
    assert at >= now
    assert calls_left(times, at) >= 1


def test_lookup_refusal_says_when() -> None:
    now = datetime(2024, 5, 1, 9, 0).timestamp()
    text = rules.lookup_refused("Anna", now + 3 * H + 20 * 60, now)
    assert "Anna" in text and "at 12:20" in text and "in 3 h 20 min" in text
    later = rules.lookup_refused("Anna", now + 20 * H, now)
    assert "2024-05-02 05:00" in later


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (5, "just now"),
        (60, "1 min"),
        (3600, "1 h"),
        (3 * H + 1200, "3 h 20 min"),
        (50 * H, "2 days"),
    ],
)
def test_age_words(seconds: float, words: str) -> None:
    assert rules.age_words(seconds) == words


def test_user_details_of_any_shape() -> None:
    assert UserDetails.from_answer(None) is None
    assert UserDetails.from_answer({"user": "Anna"}) is None
    odd = UserDetails.from_answer(
        {
            "user": {
                "id": 5,
                "name": "A\ud800" + "x" * 1000,
                "api_version": True,
                "mcc": -1,
                "mnc": 10**30,
                "viber_version": None,
                "avatar": "https://" + "a" * 5000,
            }
        }
    )
    assert odd is not None
    assert odd.id is None and odd.api_version is None and (odd.mcc, odd.mnc) == (None, None)
    assert odd.name is not None and odd.name.startswith("A\ufffd") and len(odd.name) == 301
    assert odd.avatar is not None and len(odd.avatar) == 2001
    good = UserDetails.from_answer({"user": {"name": "Anna", "api_version": 3, "country": "DE"}})
    assert good is not None and good.lines()[:2] == [("Name", "Anna"), ("Country", "DE")]
    assert ("API level", "3") in good.lines()


def test_online_answers_of_any_shape() -> None:
    assert decode_online(None) == [] and decode_online({"users": {"id": "a"}}) == []
    entries = decode_online(
        {
            "users": [
                {"id": "a", "online_status": 1, "last_online": 1457764197627},
                {"id": "b", "online_status": 9},
                {"id": "c", "online_status": "0", "last_online": -5},
                {"online_status": 0},
                "d",
                {"id": "e", "online_status": 0, "last_online": 10**20},
            ]
            * 30
        }
    )
    assert len(entries) <= rules.ONLINE_IDS_MAX
    a, b, c, e = entries[:4]
    assert a.state.name == "offline" and a.last_online == datetime(
        2016, 3, 12, 6, 29, 57, 627000, tzinfo=UTC
    )
    assert b.state.name == "unknown" and "9" in b.state.words
    assert c.code is None and c.last_online is None and e.last_online is None
    assert a.as_json()["words"] == "offline"


def message(**extra: Any) -> dict[str, Any]:
    return {"receiver": "x", "type": "text", "text": "hi", **extra}


def test_compatibility_names_the_feature() -> None:
    payload = message(min_api_version=4, keyboard=KEYBOARD)
    need = needed_level(check_payload(payload), payload)
    assert need == Need(4, "keyboard ButtonsGroupColumns")
    assert fit_problem("Anna", 3, need) == (
        "Anna's Viber supports API level 3; this message needs 4 (keyboard ButtonsGroupColumns)"
    )
    assert fit_problem("Anna", 4, need) is None and fit_problem("Anna", None, need) is None


def test_compatibility_uses_the_declared_level_when_higher() -> None:
    payload = message(min_api_version=7)
    need = needed_level(check_payload(payload), payload)
    assert need == Need(7, "its min_api_version is 7")
    plain = message()
    assert needed_level(check_payload(plain), plain) == Need(1, "its min_api_version is 1")
    odd = message(min_api_version=True)
    assert needed_level(check_payload(odd), odd).level == 1


@pytest.mark.parametrize(
    ("outcome", "status", "stops"),
    [
        ("ok", 0, False),
        ("api_error", 6, False),
        ("api_error", 12, False),
        ("api_error", 13, False),
        ("api_error", 2, True),
        ("api_error", 3, True),
        ("api_error", 999, True),
        ("not_sent", None, True),
        ("unknown", None, True),
    ],
)
def test_which_results_stop_a_list(outcome: Any, status: int | None, stops: bool) -> None:
    assert rules.list_stops_after(outcome, status) is stops


def test_names_split_and_checked() -> None:
    assert rules.split_names(" QA ;iPhone,  qa;; Android  phones ") == [
        "QA",
        "iPhone",
        "Android phones",
    ]
    assert rules.name_problem("QA", "tag", 32) is None
    assert rules.tags_problem(["ok", " x"]) is not None

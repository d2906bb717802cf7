"""The checker on hostile payloads: huge integers, lone surrogates, floods of findings."""

import time
import tracemalloc

import pytest

from viber_desktop.core.checker import check_payload
from viber_desktop.core.jsonio import parse_json
from viber_desktop.core.rules import SAME_CODE_MAX

GOOD = '"receiver": "u1", "sender": {"name": "S"}'


def at(report_json: str, path: str) -> list[tuple[str, str, str]]:
    report = check_payload(parse_json(report_json))
    return [(f.severity, f.code, f.message) for f in report.at(path)]


@pytest.mark.parametrize(
    ("body", "path", "digits"),
    [
        (f'{{{GOOD}, "type": "sticker", "sticker_id": {"7" * 5000}}}', "/sticker_id", "5,000"),
        (
            f'{{{GOOD}, "type": "location", "location": {{"lat": -{"1" * 4301}, "lon": 0}}}}',
            "/location/lat",
            "4,301",
        ),
        (
            f'{{{GOOD}, "type": "text", "text": "hi", "keyboard": {{"Type": "keyboard", '
            f'"Buttons": [{{"ActionBody": "a", "Columns": {"6" * 9000}}}]}}}}',
            "/keyboard/Buttons/0/Columns",
            "9,000",
        ),
    ],
)
def test_an_oversized_integer_is_one_plain_finding(body: str, path: str, digits: str) -> None:
    [(severity, code, message)] = at(body, path)
    assert severity == "error" and code == "invalid_number"
    assert f"is a number with {digits} digits; Viber cannot read it" in message
    assert "inf" not in message


def test_nan_is_reported_once_not_twice() -> None:
    [(_, code, _)] = at(
        f'{{{GOOD}, "type": "location", "location": {{"lat": NaN, "lon": 0}}}}', "/location/lat"
    )
    assert code == "invalid_number"


def test_a_lone_surrogate_key_is_named() -> None:
    report = check_payload(
        {"receiver": "u", "type": "text", "text": "t", "sender": {"name": "S"}, "k\ud800": 1}
    )
    [finding] = [f for f in report.findings if f.code == "invalid_unicode"]
    assert '"k\ud800"' in finding.message and not report.ok


def test_a_flood_of_unknown_keys_is_summarised_in_bounded_time_and_memory() -> None:
    n = 200_000
    payload = {"receiver": "u", "type": "text", "text": "t", "sender": {"name": "S"}}
    payload.update((f"key{i}", i) for i in range(n))
    tracemalloc.start()
    started = time.perf_counter()
    report = check_payload(payload)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    unknown = [f for f in report.findings if f.code == "unknown_field"]
    assert len(unknown) == SAME_CODE_MAX + 1 == 51
    assert unknown[-1].message.startswith(f"And {n - SAME_CODE_MAX:,} more unknown fields")
    assert unknown[-1].severity == "warning" and unknown[-1].path == ""
    # One finding per key used ~1 KB each (200 MB here); the summary keeps it to the body's size.
    assert peak < 40 * 2**20 and seconds < 30


def test_exactly_the_cap_needs_no_summary() -> None:
    payload = {"receiver": "u", "type": "text", "text": "t", "sender": {"name": "S"}}
    payload.update((f"key{i}", i) for i in range(SAME_CODE_MAX))
    report = check_payload(payload)
    assert [f.code for f in report.findings].count("unknown_field") == SAME_CODE_MAX
    assert not any(f.message.startswith("And ") for f in report.findings)


def test_every_code_is_capped_and_errors_stay_errors() -> None:
    payload = {"receiver": "u", "type": "text", "text": "t", "sender": {"name": "S"}}
    payload["tracking_data"] = "x"
    payload["keyboard"] = {
        "Type": "keyboard",
        "Buttons": [{"ActionBody": f"bad\ud800{i}"} for i in range(120)],
    }
    report = check_payload(payload)
    broken = [f for f in report.findings if f.code == "invalid_unicode"]
    assert len(broken) == SAME_CODE_MAX + 1 and not report.ok
    assert broken[-1].severity == "error"
    assert broken[-1].message.startswith("And 70 more problems of the same kind (invalid_unicode)")


@pytest.mark.parametrize(
    "text",
    [
        "<font " * 50_000,
        "<font" + " size" * 100_000,
        "<s" * 100_000,
        "<font size='" * 30_000,
        '<font size="99">x</font>' * 15_000,  # a fix per size copied the whole text: quadratic
    ],
)
def test_button_markup_is_read_in_linear_time(text: str) -> None:
    # The markup scan was quadratic: 30 KB of "<font " took 3 s, 120 KB took 85 s.
    payload = {
        "receiver": "u",
        "type": "text",
        "text": "t",
        "sender": {"name": "S"},
        "min_api_version": 4,
        "keyboard": {"Type": "keyboard", "Buttons": [{"ActionBody": "x", "Text": text}]},
    }
    started = time.perf_counter()
    report = check_payload(payload)
    assert time.perf_counter() - started < 1.0
    assert "text_cropped" in {f.code for f in report.findings}


def test_a_font_size_in_other_digits_is_named_not_raised() -> None:
    report = check_payload(
        {
            "receiver": "u",
            "type": "text",
            "text": "t",
            "sender": {"name": "S"},
            "min_api_version": 4,
            "keyboard": {
                "Type": "keyboard",
                "Buttons": [{"ActionBody": "x", "Text": "<font size=²٣>a</font>"}],
            },
        }
    )
    [finding] = report.findings
    assert (finding.code, finding.used) == ("font_size_out_of_range", None)
    assert 'size="²٣"' in finding.message


BIG = 10**400  # converts to text, but not to a float: math.isfinite and float() overflow


@pytest.mark.parametrize(
    "payload",
    [
        {"location": {"lat": BIG, "lon": -BIG}, "type": "location"},
        {"type": "video", "media": "https://x.example/a.mp4", "size": BIG, "duration": BIG},
        {
            "type": "rich_media",
            "min_api_version": BIG,
            "rich_media": {
                "Type": "rich_media",
                "ButtonsGroupColumns": BIG,
                "ButtonsGroupRows": -BIG,
                "Buttons": [
                    {
                        "ActionType": "reply",
                        "ActionBody": "x",
                        "Columns": BIG,
                        "Rows": BIG,
                        "TextOpacity": BIG,
                        "Map": {"Latitude": BIG, "Longitude": BIG},
                        "Frame": {"BorderWidth": BIG, "CornerRadius": BIG},
                        "TextPaddings": [BIG, BIG, BIG, BIG],
                    }
                ],
            },
        },
    ],
)
def test_integers_too_big_for_a_float_are_out_of_range_not_a_crash(payload: dict) -> None:
    report = check_payload({"receiver": "abc123==", "sender": {"name": "Bot"}, **payload})
    assert not report.ok
    assert "out_of_range" in {f.code for f in report.errors}

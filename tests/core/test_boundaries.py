"""Every numeric rule at both ends: the last value allowed and the first refused.

The numbers are the documented ones, written here (not read from limits.py), and each case
asserts the exact finding (severity, code, path, used, limit), so a flipped comparison or a
bound off by one fails a test.
"""

import json
import sys
from typing import Any

import pytest

from tests.core.helpers import base, check
from viber_desktop.core.endpoints import base_url_problem, parse_base_url, timeout_problem
from viber_desktop.core.findings import CheckReport
from viber_desktop.core.history import HistorySummary
from viber_desktop.core.jsonio import JsonInputError, OversizedNumber, depth, parse_json
from viber_desktop.core.layout import card_count, place_buttons
from viber_desktop.core.outcomes import ApiResult, decode_answer
from viber_desktop.core.redact import mask_token, redact, secret_forms
from viber_desktop.core.rules import last_segment_extension
from viber_desktop.core.statuses import status_info
from viber_desktop.core.text import compact_json, pretty_json, trim_utf16, utf16_len
from viber_desktop.core.token_check import token_verdict

Row = tuple[str, str, str, int | None, int | None]
Row5 = tuple[int, int, int, int, int]


def exact(report: CheckReport) -> list[Row]:
    return [(f.severity, f.code, f.path, f.used, f.limit) for f in report.findings]


def keyboard(level: int = 6, button: dict[str, Any] | None = None, **kb: Any) -> dict[str, Any]:
    buttons = [{"ActionBody": "x", "Text": "t", **(button or {})}]
    return base(min_api_version=level, keyboard={"Type": "keyboard", "Buttons": buttons, **kb})


def carousel(button: dict[str, Any] | None = None, **rm: Any) -> dict[str, Any]:
    buttons = [{"ActionBody": "x", "Text": "t", **(button or {})}]
    body = {"Type": "rich_media", "BgColor": "#FFFFFF", "Buttons": buttons, **rm}
    return base("rich_media", min_api_version=6, rich_media=body)


def out_of_range(path: str, used: int, limit: int | None) -> list[Row]:
    return [("error", "out_of_range", path, used, limit)]


# (build(value), path, lowest allowed, highest allowed); None: no bound on that side.
KB = "/keyboard"
BTN = "/keyboard/Buttons/0"
RANGES: list[tuple[Any, str, int, int | None]] = [
    (lambda v: keyboard(CustomDefaultHeight=v), f"{KB}/CustomDefaultHeight", 40, 70),
    (lambda v: keyboard(HeightScale=v), f"{KB}/HeightScale", 20, 100),
    (lambda v: keyboard(ButtonsGroupColumns=v), f"{KB}/ButtonsGroupColumns", 1, 6),
    (lambda v: keyboard(ButtonsGroupRows=v), f"{KB}/ButtonsGroupRows", 1, 2),
    (lambda v: keyboard(button={"TextOpacity": v}), f"{BTN}/TextOpacity", 0, 100),
    (lambda v: keyboard(button={"TextPaddings": [0, 0, v, 0]}), f"{BTN}/TextPaddings/2", 0, 12),
    (lambda v: keyboard(button={"Frame": {"BorderWidth": v}}), f"{BTN}/Frame/BorderWidth", 0, 10),
    (
        lambda v: keyboard(button={"Frame": {"CornerRadius": v}}),
        f"{BTN}/Frame/CornerRadius",
        0,
        10,
    ),
    (lambda v: keyboard(button={"Rows": v}), f"{BTN}/Rows", 1, 2),
    (lambda v: carousel(ButtonsGroupColumns=v), "/rich_media/ButtonsGroupColumns", 1, 6),
    (lambda v: carousel(ButtonsGroupRows=v), "/rich_media/ButtonsGroupRows", 1, 7),
    (lambda v: carousel(button={"Rows": v}), "/rich_media/Buttons/0/Rows", 1, 7),
    (lambda v: base("video", size=v), "/size", 1, 27_262_976),
    (lambda v: base("video", duration=v), "/duration", 0, 180),
    (lambda v: base("file", size=v), "/size", 1, 52_428_800),
    (lambda v: base("sticker", sticker_id=v), "/sticker_id", 1, None),
]


@pytest.mark.parametrize(("build", "path", "lo", "hi"), RANGES)
def test_both_ends_of_every_range(build: Any, path: str, lo: int, hi: int | None) -> None:
    assert exact(check(build(lo))) == []
    assert exact(check(build(lo - 1))) == out_of_range(path, lo - 1, hi)
    if hi is not None:
        assert exact(check(build(hi))) == []
        assert exact(check(build(hi + 1))) == out_of_range(path, hi + 1, hi)


def test_button_columns_1_to_6_and_within_the_group() -> None:
    path = f"{BTN}/Columns"
    assert exact(check(keyboard(button={"Columns": 1}))) == []
    assert exact(check(keyboard(button={"Columns": 6}))) == []
    assert exact(check(keyboard(button={"Columns": 0}))) == out_of_range(path, 0, 6)
    assert exact(check(keyboard(button={"Columns": 7}))) == out_of_range(path, 7, 6)
    narrow = {"ButtonsGroupColumns": 3}
    assert exact(check(keyboard(button={"Columns": 3}, **narrow))) == []
    assert exact(check(keyboard(button={"Columns": 4}, **narrow))) == [
        ("error", "wider_than_group", path, 4, 3)
    ]


def test_a_keyboard_button_may_be_as_tall_as_its_group_rows() -> None:
    path = f"{BTN}/Rows"
    assert exact(check(keyboard(button={"Rows": 1}, ButtonsGroupRows=1))) == []
    assert exact(check(keyboard(button={"Rows": 2}, ButtonsGroupRows=1))) == out_of_range(
        path, 2, 1
    )


def test_a_rich_media_button_may_be_as_tall_as_its_group_rows() -> None:
    path = "/rich_media/Buttons/0/Rows"
    assert exact(check(carousel({"Rows": 3}, ButtonsGroupRows=3))) == []
    assert exact(check(carousel({"Rows": 4}, ButtonsGroupRows=3))) == out_of_range(path, 4, 3)


def test_min_api_version_starts_at_1() -> None:
    assert exact(check(base(min_api_version=1))) == []
    assert exact(check(base(min_api_version=0))) == out_of_range("/min_api_version", 0, None)


@pytest.mark.parametrize(("size", "ok"), [(12, True), (11, False), (32, True), (33, False)])
def test_font_sizes_12_to_32(size: int, ok: bool) -> None:
    report = check(keyboard(button={"Text": f"<font size={size}>Hi</font>"}))
    path = f"{BTN}/Text"
    assert exact(report) == ([] if ok else [("warning", "font_size_out_of_range", path, size, 32)])


def test_six_cards_fit_a_seventh_does_not() -> None:
    full: list[Any] = [{"ActionBody": "x", "Text": "t", "Columns": 6, "Rows": 7}]
    assert exact(check(carousel(Buttons=full * 6))) == []
    assert exact(check(carousel(Buttons=full * 7))) == [
        ("error", "too_many_cards", "/rich_media/Buttons", 7, 6)
    ]


def test_bmp_characters_count_1_and_astral_characters_2() -> None:
    assert utf16_len("\uffff") == 1
    assert utf16_len("\U00010000") == 2
    assert exact(check(base(sender={"name": "\uffff" * 28}))) == []
    assert exact(check(base(sender={"name": "\U00010000" * 14}))) == []
    assert exact(check(base(sender={"name": "\U00010000" * 14 + "\uffff"}))) == [
        ("error", "too_long", "/sender/name", 29, 28)
    ]


def test_trimming_keeps_a_bmp_character_and_never_half_an_astral_one() -> None:
    assert trim_utf16("\uffff\uffff", 1) == "\uffff"
    assert trim_utf16("a\U00010000", 2) == "a"
    assert trim_utf16("a\U00010000", 3) == "a\U00010000"
    assert trim_utf16("\U00010000\uffff", 3) == "\U00010000\uffff"


@pytest.mark.parametrize(
    ("http", "what"),
    [
        (399, "a body that is not Viber JSON"),
        (400, "an HTTP error page"),
        (500, "an HTTP error page"),
        (200, "a body that is not Viber JSON"),
    ],
)
def test_http_error_pages_start_at_400(http: int, what: str) -> None:
    result = decode_answer(http, b"<html>Bad Request</html>", 1.0)
    assert (result.outcome, result.http_status, result.error) == (
        "unknown",
        http,
        f"HTTP {http} with {what}",
    )


def test_a_viber_answer_on_an_error_status_is_still_read() -> None:
    result = decode_answer(400, b'{"status":3,"status_message":"bad data"}', 1.0)
    assert (result.outcome, result.status, result.http_status) == ("api_error", 3, 400)
    assert decode_answer(500, b'{"status":0}', 1.0).outcome == "ok"


def grid(spans: list[tuple[int, int]], width: int, height: int | None) -> list[Row5]:
    return [
        (p.card, p.row, p.column, p.rows, p.columns) for p in place_buttons(spans, width, height)
    ]


def test_a_one_column_group_puts_each_button_on_its_own_row() -> None:
    assert grid([(1, 1), (1, 1)], 1, None) == [(0, 0, 0, 1, 1), (0, 1, 0, 1, 1)]
    assert grid([(1, 1), (1, 1)], 1, 1) == [(0, 0, 0, 1, 1), (1, 0, 0, 1, 1)]


@pytest.mark.parametrize("bad", [0, -3])
def test_a_group_of_no_columns_or_rows_is_drawn_as_one(bad: int) -> None:
    assert grid([(2, 2), (1, 1)], bad, bad) == [(0, 0, 0, 1, 1), (1, 0, 0, 1, 1)]


def test_buttons_that_fill_a_row_or_a_card_exactly_stay_on_it() -> None:
    assert grid([(3, 1), (3, 1)], 6, 1) == [(0, 0, 0, 1, 3), (0, 0, 3, 1, 3)]
    assert grid([(6, 1), (6, 1), (6, 1)], 6, 2) == [
        (0, 0, 0, 1, 6),
        (0, 1, 0, 1, 6),
        (1, 0, 0, 1, 6),
    ]
    assert grid([(6, 7)], 6, 7) == [(0, 0, 0, 7, 6)]


def test_a_button_skips_exactly_the_cells_a_taller_one_holds() -> None:
    # Row 1 starts under button 0 (1 wide, 2 high): button 2 goes to column 1, not 2.
    assert grid([(1, 2), (5, 1), (2, 1)], 6, 2) == [
        (0, 0, 0, 2, 1),
        (0, 0, 1, 1, 5),
        (0, 1, 1, 1, 2),
    ]
    # The same on the second card, after a wrap.
    assert grid([(6, 2), (1, 2), (5, 1), (2, 1)], 6, 2)[1:] == [
        (1, 0, 0, 2, 1),
        (1, 0, 1, 1, 5),
        (1, 1, 1, 1, 2),
    ]


def test_a_new_card_starts_at_its_top_left() -> None:
    assert grid([(4, 2), (4, 1), (1, 1)], 6, 2) == [
        (0, 0, 0, 2, 4),
        (1, 0, 0, 1, 4),
        (1, 0, 4, 1, 1),
    ]


def test_card_counts() -> None:
    assert card_count([]) == 0
    assert card_count(place_buttons([(6, 1)], 6, 1)) == 1
    assert card_count(place_buttons([(6, 1)] * 3, 6, 1)) == 3


def test_a_base_url_of_2000_characters_passes_2001_does_not() -> None:
    head = "https://example.com/"
    assert base_url_problem(head + "a" * (2000 - len(head))) is None
    problem = base_url_problem(head + "a" * (2001 - len(head))) or ""
    assert "is longer than 2,000 characters" in problem


def test_a_refused_address_is_shown_cut_at_200_characters() -> None:
    at = "https://example.com/" + "a" * 179 + "?"
    assert len(at) == 200 and "cut at" not in (base_url_problem(at) or "x cut at")
    assert repr(at) in (base_url_problem(at) or "")
    over = at + "b"
    assert "(cut at 200 of 201 characters)" in (base_url_problem(over) or "")


def test_a_server_name_of_253_characters_passes_254_does_not() -> None:
    host = ".".join(["a" * 63] * 3) + "." + "b" * 61  # 3 * 64 + 61 = 253
    assert len(host) == 253
    assert parse_base_url(f"https://{host}/pa").host == host
    assert "server name" in (base_url_problem(f"https://{host}b/pa") or "")


@pytest.mark.parametrize(("port", "ok"), [("1", True), ("65535", True), ("65536", False)])
def test_ports_1_to_65535(port: str, ok: bool) -> None:
    assert (base_url_problem(f"https://example.com:{port}/pa") is None) is ok


@pytest.mark.parametrize(("seconds", "ok"), [(3600, True), (3600.5, False), (3601, False)])
def test_timeouts_up_to_one_hour(seconds: float, ok: bool) -> None:
    assert (timeout_problem(seconds) is None) is ok


def test_json_nested_100_deep_is_read_101_is_refused() -> None:
    assert depth(1) == 1 and depth([]) == 1 and depth({"a": [1]}) == 3
    assert depth(parse_json("[" * 100 + "]" * 100)) == 100
    with pytest.raises(JsonInputError, match="more than 100 levels"):
        parse_json("[" * 101 + "]" * 101)


def test_integers_of_4300_digits_are_read_4301_are_named() -> None:
    assert parse_json("9" * 4300) == int("9" * 4300)
    assert parse_json("-" + "9" * 4300) == -int("9" * 4300)
    big = parse_json("-" + "9" * 4301)
    assert isinstance(big, OversizedNumber) and big.digits == 4301


def test_a_type_that_is_not_text_is_one_error() -> None:
    assert exact(check(base(type=5))) == [("error", "wrong_type", "/type", None, None)]


def test_history_counts_start_at_zero() -> None:
    summary = HistorySummary.from_counts([("ok", 5, 2), ("api_error", None, 1), ("odd", 0, 3)])
    assert (summary.total, summary.billed) == (6, 2)
    assert summary.by_outcome["ok"] == 2 and summary.by_outcome["unknown"] == 3
    assert summary.by_outcome["pending"] == 0
    assert summary.by_billing == {5: 2, None: 1, 0: 3}
    empty = HistorySummary.from_counts([])
    assert (empty.total, empty.billed, empty.by_billing) == (0, 0, {})


def test_an_api_error_without_a_status_is_explained_as_an_unknown_status() -> None:
    result = ApiResult(outcome="api_error")
    unknown = status_info(-1)
    assert result.explanation == f"{unknown.meaning} {unknown.advice}"
    assert result.explanation != ApiResult(outcome="api_error", status=0).explanation


def test_secrets_of_8_characters_are_hidden_7_are_not() -> None:
    assert redact("key=abcdefgh;", "abcdefgh") == "key=[token hidden];"
    assert redact("key=abcdefg;", "abcdefg") == "key=abcdefg;"


def test_a_mask_is_8_bullets_and_the_last_4_from_12_characters() -> None:
    assert mask_token("abcdefghijkl") == "•" * 8 + "ijkl"
    assert mask_token("abcdefghijk") == "•" * 8
    assert mask_token("") == "(none)"


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (999_999, "status 999999 "),
        (10**6, "an odd status"),
        (0, "status 0 "),
        (-1, "an odd status"),
    ],
)
def test_status_codes_are_named_up_to_six_digits(status: int, code: str) -> None:
    verdict = token_verdict(ApiResult(outcome="api_error", status=status))
    assert f"({code}" in verdict.text


def test_no_answer_without_a_reason_says_so() -> None:
    verdict = token_verdict(ApiResult(outcome="unknown"))
    assert "(no valid answer came back)" in verdict.text
    with_reason = token_verdict(ApiResult(outcome="unknown", error="timed out"))
    assert "(timed out)" in with_reason.text


def test_a_url_path_extension_is_the_last_segment_s() -> None:
    assert last_segment_extension("https://example.com/img.jpg/view") == ""
    assert last_segment_extension("https://example.com/v1.2/a.PNG") == ".png"


def test_pretty_json_indents_by_two() -> None:
    assert pretty_json({"a": [1]}) == '{\n  "a": [\n    1\n  ]\n}'


def test_a_too_deep_body_with_empty_objects_and_arrays_is_measured_exactly() -> None:
    depth_ = sys.getrecursionlimit() + 100  # deeper than json.dumps can go
    inner: Any = {}
    for i in range(depth_):
        inner = [inner, [], {}] if i % 2 else {"k": inner, "e": {}, "a": []}
    payload = {"receiver": "r", "type": "text", "text": "t", "sender": {"name": "s"}, "x": inner}
    report = check(payload)
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(old + 4000)
    try:
        expected = len(compact_json(payload).encode("utf-8"))
    finally:
        sys.setrecursionlimit(old)
    assert report.bytes == expected


def test_a_not_sent_result_explains_with_its_reason() -> None:
    result = ApiResult(outcome="not_sent", error="could not connect: refused")
    assert result.explanation.endswith(" could not connect: refused")
    assert not ApiResult(outcome="not_sent").explanation.endswith(" ")


@pytest.mark.parametrize(
    ("count", "shown"),
    [
        (0, "0 subscribers"),
        (-1, "subscriber count not given"),
        (10**15 - 1, "999,999,999,999,999 subscribers"),
        (10**15, "subscriber count not given"),
    ],
)
def test_subscriber_counts_from_0_below_10_to_the_15(count: int, shown: str) -> None:
    result = ApiResult(outcome="ok", status=0, data={"name": "Shop", "subscribers_count": count})
    assert token_verdict(result).text == f"Valid: Viber knows this token (Shop, {shown})."


def test_a_secret_escaped_inside_json_is_hidden_and_its_quotes_kept() -> None:
    secret = 'ab"cdefgh'
    text = json.dumps({"t": secret})
    assert redact(text, *secret_forms(secret)) == '{"t": "[token hidden]"}'

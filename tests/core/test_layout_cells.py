"""Where buttons land, cell by cell: a button that does not fit goes to the row below."""

from collections.abc import Sequence
from string import ascii_letters

import pytest

from tests.core.helpers import base, check
from viber_desktop.core.keyboards import button_span, group_span
from viber_desktop.core.layout import Placement, card_count, place_buttons


def cells(places: Sequence[Placement], width: int, height: int) -> list[list[str]]:
    """Each card as rows of cells: button 0 is 'a', 1 is 'b'…, an empty cell is '.'."""
    cards = [[["."] * width for _ in range(height)] for _ in range(card_count(places))]
    for p in places:
        for r in range(p.row, p.row + p.rows):
            for c in range(p.column, p.column + p.columns):
                assert cards[p.card][r][c] == ".", f"button {p.button} overlaps at {r},{c}"
                cards[p.card][r][c] = ascii_letters[p.button]
    return [["".join(row) for row in card] for card in cards]


def test_a_button_that_does_not_fit_goes_to_the_row_below() -> None:
    places = place_buttons([(4, 1), (4, 1), (2, 1)], 6, 2)
    # The 2-wide hole at the end of row 0 stays empty: button 2 follows button 1 in row 1.
    assert cells(places, 6, 2) == [["aaaa..", "bbbbcc"]]


def test_a_hole_in_an_earlier_row_is_never_filled() -> None:
    spans = [(2, 1), (2, 2), (2, 1), (4, 1), (2, 1)]
    places = place_buttons(spans, 6, 3)
    # Button 3 cannot fit in row 1 (button 1 reaches down into it), so it goes to row 2;
    # button 4 (2 wide) could use the holes in row 1 but follows button 3 instead.
    assert cells(places, 6, 3) == [["aabbcc", "..bb..", "ddddee"]]


def test_a_free_place_further_along_the_current_row_is_used() -> None:
    places = place_buttons([(2, 1), (2, 2), (2, 1), (2, 1), (2, 1)], 6, 2)
    assert cells(places, 6, 2) == [["aabbcc", "ddbbee"]]
    assert [(p.row, p.column) for p in places] == [(0, 0), (0, 2), (0, 4), (1, 0), (1, 4)]


def test_row_spans() -> None:
    places = place_buttons([(3, 2), (3, 1), (3, 1), (2, 1)], 6, 2)
    assert cells(places, 6, 2) == [["aaabbb", "aaaccc"], ["dd....", "......"]]
    assert [(p.rows, p.columns) for p in places] == [(2, 3), (1, 3), (1, 3), (1, 2)]


def test_a_button_taller_than_the_rows_left_starts_a_new_card() -> None:
    places = place_buttons([(6, 1), (6, 2), (6, 1)], 6, 2)
    assert cells(places, 6, 2) == [
        ["aaaaaa", "......"],
        ["bbbbbb", "bbbbbb"],
        ["cccccc", "......"],
    ]


def test_4_4_2_2_six_times_fills_7_cards_of_6x2_not_6() -> None:
    spans = [(c, 1) for c in [4, 4, 2, 2] * 6]
    places = place_buttons(spans, 6, 2)
    assert card_count(places) == 7
    # The first card leaves a hole at the end of row 0; from then on each card starts with
    # the 2-wide button that no longer fitted and holds four buttons.
    assert cells(places, 6, 2) == [
        ["aaaa..", "bbbbcc"],
        ["ddeeee", "ffffgg"],
        ["hhiiii", "jjjjkk"],
        ["llmmmm", "nnnnoo"],
        ["ppqqqq", "rrrrss"],
        ["ttuuuu", "vvvvww"],
        ["xx....", "......"],
    ]


def test_the_checker_counts_those_7_cards() -> None:
    buttons = [{"ActionBody": "x", "Text": "t", "Columns": c, "Rows": 1} for c in [4, 4, 2, 2] * 6]
    rich = {
        "Type": "rich_media",
        "BgColor": "#FFFFFF",
        "ButtonsGroupColumns": 6,
        "ButtonsGroupRows": 2,
        "Buttons": buttons,
    }
    report = check(base("rich_media", rich_media=rich))
    [finding] = report.findings
    assert (finding.severity, finding.path, finding.code, finding.used, finding.limit) == (
        "error",
        "/rich_media/Buttons",
        "too_many_cards",
        7,
        6,
    )
    assert "goes to the row below" in finding.message
    assert "6 columns by 1 row" not in finding.message  # every button gives its size
    rich["Buttons"] = buttons[:-1]  # 23 buttons: 6 cards
    assert not check(base("rich_media", rich_media=rich)).findings


def test_the_default_size_rule_is_named_when_a_button_has_none() -> None:
    rich = {
        "Type": "rich_media",
        "BgColor": "#FFFFFF",
        "Buttons": [{"ActionBody": "x", "Text": "t"}] * 43,
    }
    [finding] = check(base("rich_media", rich_media=rich)).findings
    assert (finding.code, finding.used) == ("too_many_cards", 7)  # 7 rows of 6x1 per card
    assert "6 columns by 1 row" in finding.message


def test_a_keyboard_grows_downwards_on_one_card() -> None:
    places = place_buttons([(4, 1), (4, 1), (6, 2), (1, 1)], 6, None)
    assert cells(places, 6, 5) == [["aaaa..", "bbbb..", "cccccc", "cccccc", "d....."]]


@pytest.mark.parametrize(
    ("span", "placed"),
    [((0, 0), (1, 1)), ((9, 9), (6, 2)), ((-3, 5), (1, 2))],
)
def test_bad_spans_are_clamped_to_the_grid(span: tuple[int, int], placed: tuple[int, int]) -> None:
    [p] = place_buttons([span], 6, 2)
    assert (p.columns, p.rows) == placed
    [k] = place_buttons([span], 6, None)
    assert (k.columns, k.rows) == placed  # a keyboard button is at most 2 rows high


def test_narrow_groups_wrap_sooner() -> None:
    places = place_buttons([(2, 1), (2, 1), (1, 1)], 3, 2)
    assert cells(places, 3, 2) == [["aa.", "bbc"]]


def test_button_span_reads_defaults_and_numeric_text() -> None:
    assert button_span({}) == (6, 1)
    assert button_span("x") == (6, 1)
    assert button_span({"Columns": "3", "Rows": "2"}) == (3, 2)
    assert button_span({"Columns": None, "Rows": 1.5}) == (6, 1)
    assert button_span({"Columns": True, "Rows": "x"}) == (6, 1)


@pytest.mark.parametrize(
    ("obj", "rich", "expected"),
    [
        ({}, True, (6, 7)),
        ({}, False, (6, None)),
        ({"ButtonsGroupColumns": 3, "ButtonsGroupRows": 2}, True, (3, 2)),
        ({"ButtonsGroupColumns": "3", "ButtonsGroupRows": "2"}, True, (3, 2)),
        ({"ButtonsGroupColumns": 1, "ButtonsGroupRows": 1}, True, (1, 1)),
        ({"ButtonsGroupColumns": 7, "ButtonsGroupRows": 8}, True, (6, 7)),
        ({"ButtonsGroupColumns": 0, "ButtonsGroupRows": 0}, True, (6, 7)),
        ({"ButtonsGroupColumns": None, "ButtonsGroupRows": True}, True, (6, 7)),
        ({"ButtonsGroupColumns": 4, "ButtonsGroupRows": 2}, False, (4, None)),
        ("x", True, (6, 7)),
    ],
)
def test_group_span_is_the_grid_everyone_draws(
    obj: object, rich: bool, expected: tuple[int, int | None]
) -> None:
    assert group_span(obj, rich=rich) == expected


def test_the_checker_wraps_on_a_group_written_as_text() -> None:
    card = {"ActionBody": "x", "Text": "t", "Columns": 2, "Rows": 1}
    rich = {
        "Type": "rich_media",
        "BgColor": "#FFFFFF",
        "ButtonsGroupColumns": "3",
        "ButtonsGroupRows": 1,
        "Buttons": [card] * 7,  # one per card in 3x1: 7 cards (6 columns would make 4)
    }
    report = check(base("rich_media", rich_media=rich, min_api_version=4))
    assert [(f.code, f.used) for f in report.findings] == [
        ("number_as_text", None),
        ("too_many_cards", 7),
    ]


def test_absurd_grids_are_clamped_to_the_largest_real_grid() -> None:
    huge = 2**63
    places = place_buttons([(huge, huge), (huge, -huge)], huge, huge)
    assert [(p.card, p.row, p.column, p.rows, p.columns) for p in places] == [
        (0, 0, 0, 7, 6),
        (1, 0, 0, 1, 6),
    ]
    [k] = place_buttons([(huge, huge)], huge, None)
    assert (k.rows, k.columns) == (2, 6)

"""Where the editor's Add button and Add card put new buttons (pure: no Qt).

Viber flows buttons into cards; a card ends only where the next button does not fit. So a
button added "at the end of a card" must fit in what is left of that card, or every later
card would shift, and a new card must start with a button that cannot fit in the card before.
"""

from collections.abc import Sequence
from typing import Any, NamedTuple

from viber_desktop.core.keyboards import button_span
from viber_desktop.core.layout import Placement, place_buttons


class Grid(NamedTuple):
    """The group's grid: ``rows`` is None for a keyboard (one card that grows downwards)."""

    columns: int
    rows: int | None


def placements(buttons: Sequence[Any], grid: Grid) -> list[Placement]:
    return place_buttons([button_span(b) for b in buttons], grid.columns, grid.rows)


def card_of(places: Sequence[Placement], index: int) -> int:
    """The card of button ``index`` (the last card when there is no such button)."""
    if 0 <= index < len(places):
        return places[index].card
    return places[-1].card if places else 0


def card_buttons(places: Sequence[Placement], card: int) -> range:
    """The indexes of the buttons on ``card`` (buttons of a card are consecutive)."""
    on = [p.button for p in places if p.card == card]
    return range(on[0], on[-1] + 1) if on else range(0)


def add_slot(buttons: Sequence[Any], grid: Grid, selected: int) -> tuple[int, int] | None:
    """Where a new one-row button goes at the end of the selected button's card, and how many
    columns wide it can be (the widest that still lands on that card); None: the card is full."""
    places = placements(buttons, grid)
    if not places:
        return 0, grid.columns
    card = card_of(places, selected)
    at = card_buttons(places, card).stop
    if grid.rows is None:
        return at, grid.columns
    spans = [button_span(b) for b in buttons]
    for columns in range(grid.columns, 0, -1):
        trial = [*spans[:at], (columns, 1), *spans[at:]]
        if place_buttons(trial, grid.columns, grid.rows)[at].card == card:
            return at, columns
    return None


def card_slot(buttons: Sequence[Any], grid: Grid, selected: int) -> tuple[int, list[int]]:
    """Where a new card goes (after the selected button's card) and the rows of its buttons,
    each as wide as the card: a picture-sized button and a one-row button under it, leaving
    rows free for the buttons the user adds next ("+ Button" right after "+ Card" fits).

    The first button is made taller only as far as it must be to start a new card (not fit
    in the card before), and so that the card after does not move up into the new one's
    free rows; a card too short for that is filled (the old, full card)."""
    places = placements(buttons, grid)
    rows = grid.rows or 1
    first = max(1, (rows - 1) // 2)  # 7 rows: 3 + 1, three left free
    roomy = [[h, 1] for h in range(first, rows - 1)] + [[h] for h in range(1, rows)]
    full = [[rows - 1, 1], [rows]] if rows > 1 else [[rows]]
    if not places:
        return 0, (roomy or full)[0]
    card = card_of(places, selected)
    at = card_buttons(places, card).stop
    spans = [button_span(b) for b in buttons]
    after = [(p.card + 1, p.row, p.column) for p in places[at:]]
    for heights in roomy + full:
        new = [(grid.columns, h) for h in heights]
        trial = place_buttons([*spans[:at], *new, *spans[at:]], grid.columns, grid.rows)
        starts = trial[at].card == card + 1 and all(
            p.card == card + 1 for p in trial[at:][: len(new)]
        )
        kept = [(p.card, p.row, p.column) for p in trial[at + len(new) :]] == after
        if starts and kept:
            return at, heights
    return at, [rows]

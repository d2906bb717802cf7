"""Where keyboard and rich-media buttons land on Viber's 6-column grid."""

from collections.abc import Sequence
from typing import NamedTuple


class Placement(NamedTuple):
    """A button's cell: the card (page) it lands on, its top-left cell and its span."""

    button: int
    card: int
    row: int
    column: int
    rows: int
    columns: int


def place_buttons(
    spans: Sequence[tuple[int, int]], group_columns: int, group_rows: int | None
) -> list[Placement]:
    """Flow buttons (``(columns, rows)`` each) into cards of ``group_columns`` x ``group_rows``.

    Buttons fill rows left to right and wrap, as Viber draws them. With ``group_rows`` None
    (a keyboard) there is one card that grows downwards. Spans are clamped to the grid so a
    bad value still yields a drawable layout; the checker reports the bad value itself.
    """
    width = max(1, group_columns)
    height = max(1, group_rows) if group_rows is not None else None
    placements: list[Placement] = []
    card, occupied = 0, set[tuple[int, int]]()
    for index, (cols, rows) in enumerate(spans):
        cols = min(max(1, cols), width)
        rows = max(1, rows) if height is None else min(max(1, rows), height)
        spot = _first_fit(occupied, cols, rows, width, height)
        if spot is None:
            card, occupied = card + 1, set()
            spot = (0, 0)
        row, col = spot
        occupied.update((row + r, col + c) for r in range(rows) for c in range(cols))
        placements.append(Placement(index, card, row, col, rows, cols))
    return placements


def _first_fit(
    occupied: set[tuple[int, int]], cols: int, rows: int, width: int, height: int | None
) -> tuple[int, int] | None:
    limit = (
        (height - rows + 1)
        if height is not None
        else (max((r for r, _ in occupied), default=-1) + 2)
    )
    for row in range(max(0, limit)):
        for col in range(width - cols + 1):
            if all((row + r, col + c) not in occupied for r in range(rows) for c in range(cols)):
                return row, col
    return None


def card_count(placements: Sequence[Placement]) -> int:
    """Return how many cards (carousel pages) the placements use."""
    return max((p.card for p in placements), default=-1) + 1

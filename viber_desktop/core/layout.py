"""Where keyboard and rich-media buttons land on Viber's 6-column grid."""

from collections.abc import Sequence
from typing import NamedTuple

from viber_desktop.core import limits


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
    # Trap: clamped to the largest real grid, so 2**63 neither builds a 2**63-bit mask nor
    # appends 2**63 rows.
    width = min(max(1, group_columns), limits.GRID_COLUMNS_MAX)
    height = min(max(1, group_rows), limits.RICH_MEDIA_ROWS_MAX) if group_rows is not None else None
    full = (1 << width) - 1
    placements: list[Placement] = []
    card, rows_used = 0, [0]  # one bit mask of occupied columns per row
    for index, (cols, rows) in enumerate(spans):
        cols = min(max(1, cols), width)
        rows = min(max(1, rows), height or limits.RICH_MEDIA_ROWS_MAX)
        spot = _first_fit(rows_used, cols, rows, width, height, full)
        if spot is None:
            card, rows_used = card + 1, [0]
            spot = (0, 0)
        row, col = spot
        while len(rows_used) < row + rows:
            rows_used.append(0)
        mask = ((1 << cols) - 1) << col
        for r in range(row, row + rows):
            rows_used[r] |= mask
        placements.append(Placement(index, card, row, col, rows, cols))
    return placements


def _first_fit(
    rows_used: list[int], cols: int, rows: int, width: int, height: int | None, full: int
) -> tuple[int, int] | None:
    last = (height - rows) if height is not None else len(rows_used)
    start = 0
    while start < len(rows_used) and rows_used[start] == full:
        start += 1
    span = (1 << cols) - 1
    for row in range(start, last + 1):
        for col in range(width - cols + 1):
            mask = span << col
            if all(
                (rows_used[r] if r < len(rows_used) else 0) & mask == 0
                for r in range(row, row + rows)
            ):
                return row, col
    return None


def card_count(placements: Sequence[Placement]) -> int:
    """Return how many cards (carousel pages) the placements use."""
    return max((p.card for p in placements), default=-1) + 1

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

    As Viber draws them: buttons go left to right in send order; one that does not fit in the
    rest of the current row goes to the row below, and a hole left in an earlier row stays
    empty (like CSS grid's sparse auto-placement). A button that does not fit below the last
    row starts a new card. With ``group_rows`` None (a keyboard) there is one card that grows
    downwards. Spans are clamped to the grid so a bad value still yields a drawable layout;
    the checker reports the bad value itself.
    """
    # Trap: clamped to the largest real grid, so 2**63 neither builds a 2**63-bit mask nor
    # appends 2**63 rows.
    width = min(max(1, group_columns), limits.GRID_COLUMNS_MAX)
    height = min(max(1, group_rows), limits.RICH_MEDIA_ROWS_MAX) if group_rows is not None else None
    tallest = height if height is not None else limits.KEYBOARD_ROWS_MAX
    placements: list[Placement] = []
    card, row, col = 0, 0, 0  # the cursor only moves forward
    used: list[int] = []  # one bit mask of occupied columns per row of the current card
    for index, (cols, rows) in enumerate(spans):
        cols = min(max(1, cols), width)
        rows = min(max(1, rows), tallest)
        mask = (1 << cols) - 1
        while True:
            if height is not None and row + rows > height:
                card, row, col, used = card + 1, 0, 0, []
            if col + cols > width:
                row, col = row + 1, 0
                continue
            if not any(used[r] & (mask << col) for r in range(row, min(row + rows, len(used)))):
                break
            col += 1
        while len(used) < row + rows:
            used.append(0)
        for r in range(row, row + rows):
            used[r] |= mask << col
        placements.append(Placement(index, card, row, col, rows, cols))
        col += cols
    return placements


def card_count(placements: Sequence[Placement]) -> int:
    """Return how many cards (carousel pages) the placements use."""
    return max((p.card for p in placements), default=-1) + 1

"""A table model over the history store that loads pages on demand, off the GUI thread.

Memory stays bounded however far the user scrolls: see :class:`HistoryModel`.
"""

from array import array
from collections.abc import Callable, Iterable
from datetime import UTC
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtCore import Signal as _Signal
from PySide6.QtGui import QBrush, QColor

from viber_desktop.core.bidi import isolate, ltr, named
from viber_desktop.core.history import STATE_LABELS, HistoryEntry, HistoryFilter, State
from viber_desktop.services.history import HistoryStore
from viber_desktop.services.receivers import ReceiverError, ReceiverStore
from viber_desktop.ui.composer.composer_widget import KEYBOARD_ONLY, TYPE_LABELS
from viber_desktop.ui.tasks import TaskRunner
from viber_desktop.ui.theme import state_color

PAGE = 200
KEEP_PAGES = 8
"""Pages of entries kept in memory (the view shows a few dozen rows): about 2 to 10 MB."""
MAX_REFETCHING = 2
"""Pages fetched again at once: a fast scroll does not queue a fetch for every page passed."""
COLUMNS = ("Time", "Profile", "Receiver", "Type", "Outcome", "Status", "Bytes", "Message token")
_TONE = {
    "ok": "ok",
    "api_error": "error",
    "unknown": "error",
    "not_sent": "warning",
    "pending": "muted",
}
Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_USER = int(Qt.ItemDataRole.UserRole.value)
_ROLES = frozenset({_DISPLAY, _FOREGROUND, _ALIGNMENT, _TOOLTIP, _USER})
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


def state_words(state: State) -> str:
    """A history state as a list or filter shows it: "Accepted", "Outcome unknown"."""
    label = STATE_LABELS[state]
    return label[:1].upper() + label[1:]


Cells = tuple[str, ...]


class _Page:
    """The rows of one page in memory: entries and their display text, by row in the page."""

    __slots__ = ("cells", "entries")

    def __init__(self, entries: list[HistoryEntry | None], cells: list[Cells | None]) -> None:
        self.entries = entries
        self.cells = cells


class HistoryModel(QAbstractTableModel):
    """Rows of :class:`HistoryEntry`, newest first, fetched a page at a time off the GUI thread.

    Only the ids of the rows found so far stay in memory for good (8 bytes a row). Entries are
    kept in pages of ``PAGE`` rows, at most ``KEEP_PAGES`` of them: the pages nearest the rows
    last shown. A page that was let go is fetched again (by id, not OFFSET) when its rows are
    shown again; until it arrives, its cells are empty.

    Signals:
        counted(int): the number of entries matching the filter (after reset()).
        loaded(): a page arrived.
    """

    counted = _Signal(int)
    loaded = _Signal()

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.store: HistoryStore | None = None
        self.filter = HistoryFilter()
        self._ids = array("q")
        """The id of every row found so far, by row."""
        self._pages: dict[int, _Page] = {}
        self._focus = 0
        """The page of the row last shown: pages far from it are let go first."""
        self._wanted: set[int] = set()
        """Pages let go whose rows were shown again, to fetch."""
        self._refetching: set[int] = set()
        self._pinned: set[int] = set()
        """Pages kept whatever the focus (the selected rows)."""
        self._brushes: dict[str, QBrush] = {}
        self._exhausted = True
        self._fetching = False
        self._generation = 0
        self.book: Callable[[], ReceiverStore | None] | None = None
        """Opens the receiver book on a worker (None when there is none): rows show labels."""

    def set_store(self, store: HistoryStore) -> None:
        self.store = store
        self.reset()

    def set_filter(self, flt: HistoryFilter) -> None:
        self.filter = flt
        self.reset()

    def reset(self) -> None:
        """Drop the rows and start again from the newest (after a send or a new filter)."""
        self._generation += 1
        self.beginResetModel()
        self._ids = array("q")
        self._pages = {}
        self._wanted = set()
        self._refetching = set()
        self._pinned = set()
        self._focus = 0
        self._exhausted = self.store is None
        self._fetching = False
        self.endResetModel()
        store, flt = self.store, self.filter
        if store is not None:
            generation = self._generation
            self.runner.run(
                lambda: store.count(flt),
                lambda n: self.counted.emit(n) if generation == self._generation else None,
            )
            self.fetchMore(QModelIndex())

    # --- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Trap: called some 800 times per repaint; plain ints and early returns keep a scroll
        # step short (Qt enum lookups and index.isValid() cost as much as the rest).
        if role not in _ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._ids):  # an invalid index has row -1
            return None
        number, at = divmod(row, PAGE)
        page = self._pages.get(number)
        if role == _DISPLAY:
            self._focus = number
            if page is None:
                self._want(number)
                return None
            cells = page.cells[at]
            return None if cells is None else cells[index.column()]
        entry = None if page is None else page.entries[at]
        if entry is None:  # not in memory, or deleted since the page was first read
            return None
        column = index.column()
        if role == _FOREGROUND:
            if column != 4:
                return None
            tone = _TONE[entry.outcome]
            if tone not in self._brushes:
                self._brushes[tone] = QBrush(QColor(state_color(tone)))
            return self._brushes[tone]
        if role == _ALIGNMENT:
            return _RIGHT if column in (6, 7) else None
        if role == _TOOLTIP:
            return entry.error or entry.status_message
        return entry  # _USER

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index) -> None:
        """Find the next page of rows (the view asks when it is scrolled to the end)."""
        if parent.isValid() or self._exhausted or self._fetching or self.store is None:
            return
        self._fetching = True
        store, flt = self.store, self.filter
        before = self._ids[-1] if self._ids else None
        generation = self._generation

        def done(result: tuple[list[HistoryEntry], list[Cells]]) -> None:
            page, cells = result
            if generation != self._generation:
                return
            if len(page) < PAGE:
                self._exhausted = True
            if page:
                # Trap: views call canFetchMore from rowsInserted; stay "fetching" until the
                # rows are in, or they would ask for the same rows again.
                first = len(self._ids)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._ids.extend(e.id for e in page)
                self._pages[first // PAGE] = _Page(list(page), list(cells))
                self.endInsertRows()
                self._focus = first // PAGE
                self._let_go()
            self._fetching = False
            self.loaded.emit()

        def failed(exc: Exception) -> None:
            if generation == self._generation:
                self._fetching = False
                self._exhausted = True
                self.loaded.emit()

        book = self.book
        self.runner.run(lambda: _load(store, flt, before, PAGE, book), done, failed)

    # --- rows and entries -----------------------------------------------------------------

    def entry(self, row: int) -> HistoryEntry | None:
        """The entry of ``row``, or None when its page is not in memory."""
        if not 0 <= row < len(self._ids):
            return None
        page = self._pages.get(row // PAGE)
        return None if page is None else page.entries[row % PAGE]

    def entry_id(self, row: int) -> int | None:
        """The id of the entry in ``row``: known for every row found so far."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def rows_of(self, ids: set[int]) -> list[int]:
        """The rows showing these entry ids, in order."""
        return [row for row, i in enumerate(self._ids) if i in ids] if ids else []

    @property
    def entries(self) -> list[HistoryEntry]:
        """The entries in memory from the first row on, up to the first row not in memory."""
        shown: list[HistoryEntry] = []
        for number in range((len(self._ids) + PAGE - 1) // PAGE):
            page = self._pages.get(number)
            if page is None:
                break
            for entry in page.entries:
                if entry is None:
                    return shown
                shown.append(entry)
        return shown

    def pin(self, rows: Iterable[int]) -> None:
        """Keep the pages of ``rows`` in memory (the selection), and fetch any let go."""
        self._pinned = {row // PAGE for row in rows}
        for number in self._pinned - self._pages.keys():
            self._want(number)

    @property
    def pages_in_memory(self) -> int:
        return len(self._pages)

    # --- pages let go and fetched again ---------------------------------------------------

    def _want(self, number: int) -> None:
        if number in self._wanted or number in self._refetching:
            return
        self._wanted.add(number)
        if len(self._wanted) == 1:
            QTimer.singleShot(0, self, self._refetch)  # once the paint that asked is over

    def _refetch(self) -> None:
        """Fetch the wanted page nearest the focus; forget those too far from it by now."""
        if self.store is None or not self._wanted or len(self._refetching) >= MAX_REFETCHING:
            return
        keep = KEEP_PAGES // 2
        self._wanted = {
            n for n in self._wanted if abs(n - self._focus) <= keep or n in self._pinned
        }
        if not self._wanted:
            return
        number = min(self._wanted, key=lambda n: abs(n - self._focus))
        self._wanted.discard(number)
        self._refetching.add(number)
        first = number * PAGE
        ids = self._ids[first : first + PAGE]
        store, flt, generation = self.store, self.filter, self._generation

        def done(result: tuple[list[HistoryEntry], list[Cells]]) -> None:
            if generation != self._generation:
                return
            self._refetching.discard(number)
            page, cells = result
            by_id = {e.id: (e, c) for e, c in zip(page, cells, strict=True)}
            found = [by_id.get(i) for i in ids]
            self._pages[number] = _Page(
                [f[0] if f else None for f in found], [f[1] if f else None for f in found]
            )
            self._let_go()
            last = first + len(ids) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
            self.loaded.emit()
            self._refetch()

        def failed(exc: Exception) -> None:
            if generation == self._generation:
                self._refetching.discard(number)
                self._refetch()

        # ids are newest first: the page is the len(ids) rows at or below its first id.
        book = self.book
        self.runner.run(lambda: _load(store, flt, ids[0] + 1, len(ids), book), done, failed)
        self._refetch()  # a second one may run alongside

    def _let_go(self) -> None:
        """Keep at most KEEP_PAGES pages: those nearest the focus, and the pinned ones."""
        if len(self._pages) <= KEEP_PAGES:
            return
        loose = sorted(
            (n for n in self._pages if n not in self._pinned),
            key=lambda n: abs(n - self._focus),
        )
        for number in loose[max(0, KEEP_PAGES - len(self._pinned)) :]:
            del self._pages[number]


def _load(
    store: HistoryStore,
    flt: HistoryFilter,
    before: int | None,
    limit: int,
    book: Callable[[], ReceiverStore | None] | None = None,
) -> tuple[list[HistoryEntry], list[Cells]]:
    """A page and its display text (on a worker thread), receivers with their book label."""
    page = store.query(flt, limit=limit, before_id=before)
    labels = _labels(book, {e.profile for e in page})
    cells = []
    for e in page:
        row = [_cell(e, c) for c in range(len(COLUMNS))]
        label = labels.get((e.profile, e.receiver))
        if label:
            row[2] = named(label, e.receiver)
        cells.append(tuple(row))
    return page, cells


def _labels(
    book: Callable[[], ReceiverStore | None] | None, profiles: set[str]
) -> dict[tuple[str, str], str]:
    """(profile, receiver id) -> label, from the receiver book (empty without one)."""
    if book is None or not profiles:
        return {}
    try:
        store = book()
        if store is None:
            return {}
        return {
            (profile, r.id): r.label
            for profile in profiles
            for r in store.receivers(profile)
            if r.label
        }
    except ReceiverError:  # a damaged book: the history still shows, with IDs alone
        return {}


def local_time(entry: HistoryEntry) -> str:
    """The entry's time in this computer's time zone (stored times are UTC)."""
    when = entry.time if entry.time.tzinfo else entry.time.replace(tzinfo=UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _cell(entry: HistoryEntry, column: int) -> str:
    if column == 0:
        return ltr(local_time(entry))
    if column == 1:
        return isolate(entry.profile)
    if column == 2:
        return ltr(entry.receiver)
    if column == 3:  # as the composer names the type (worker threads may translate)
        label = TYPE_LABELS.get(entry.type or KEYBOARD_ONLY)
        if label is None:
            return entry.type or ""
        return QCoreApplication.translate("ComposerWidget", label)
    if column == 4:
        return state_words(entry.outcome)
    if column == 5:  # Viber's status, or why there is none (the full text is the tooltip)
        if entry.status is not None:
            return ltr(f"{entry.status} {entry.status_name}")
        return isolate((entry.error or "")[:200])
    if column == 6:
        return f"{entry.bytes:,}"
    return "" if entry.message_token is None else str(entry.message_token)

"""A table model over the history store that loads pages on demand, off the GUI thread."""

from datetime import UTC
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtCore import Signal as _Signal
from PySide6.QtGui import QBrush, QColor

from viber_desktop.core.history import STATE_LABELS, HistoryEntry, HistoryFilter, State
from viber_desktop.services.history import HistoryStore
from viber_desktop.ui.tasks import TaskRunner
from viber_desktop.ui.theme import state_color

PAGE = 200
COLUMNS = ("Time", "Profile", "Receiver", "Type", "Outcome", "Status", "Bytes", "Message token")
_TONE = {
    "ok": "ok",
    "api_error": "error",
    "unknown": "error",
    "not_sent": "warning",
    "pending": "muted",
}
Index = QModelIndex | QPersistentModelIndex


def state_words(state: State) -> str:
    """A history state as a list or filter shows it: "Accepted", "Outcome unknown"."""
    label = STATE_LABELS[state]
    return label[:1].upper() + label[1:]


class HistoryModel(QAbstractTableModel):
    """Rows of :class:`HistoryEntry`, newest first, fetched a page at a time.

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
        self.entries: list[HistoryEntry] = []
        self._cells: list[tuple[str, ...]] = []
        """Display text per row, formatted on the worker thread with the page."""
        self._brushes: dict[str, QBrush] = {}
        self._exhausted = True
        self._fetching = False
        self._generation = 0

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
        self.entries = []
        self._cells = []
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
        return 0 if parent.isValid() else len(self.entries)

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 4:
            tone = _TONE[entry.outcome]
            if tone not in self._brushes:
                self._brushes[tone] = QBrush(QColor(state_color(tone)))
            return self._brushes[tone]
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.error or entry.status_message
        if role == Qt.ItemDataRole.UserRole:
            return entry
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (6, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._exhausted or self._fetching or self.store is None:
            return
        self._fetching = True
        store, flt = self.store, self.filter
        before = self.entries[-1].id if self.entries else None
        generation = self._generation

        def load() -> tuple[list[HistoryEntry], list[tuple[str, ...]]]:
            page = store.query(flt, limit=PAGE, before_id=before)
            return page, [tuple(_cell(e, c) for c in range(len(COLUMNS))) for e in page]

        def done(result: tuple[list[HistoryEntry], list[tuple[str, ...]]]) -> None:
            page, cells = result
            if generation != self._generation:
                return
            if len(page) < PAGE:
                self._exhausted = True
            if page:
                # Trap: views call canFetchMore from rowsInserted; stay "fetching" until the
                # rows are in, or they would ask for the same offset again.
                first = len(self.entries)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self.entries.extend(page)
                self._cells.extend(cells)
                self.endInsertRows()
            self._fetching = False
            self.loaded.emit()

        def failed(exc: Exception) -> None:
            if generation == self._generation:
                self._fetching = False
                self._exhausted = True
                self.loaded.emit()

        self.runner.run(load, done, failed)

    def entry(self, row: int) -> HistoryEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None


def local_time(entry: HistoryEntry) -> str:
    """The entry's time in this computer's time zone (stored times are UTC)."""
    when = entry.time if entry.time.tzinfo else entry.time.replace(tzinfo=UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _cell(entry: HistoryEntry, column: int) -> str:
    if column == 0:
        return local_time(entry)
    if column == 1:
        return entry.profile
    if column == 2:
        return entry.receiver
    if column == 3:
        return entry.type or "keyboard"
    if column == 4:
        return state_words(entry.outcome)
    if column == 5:  # Viber's status, or why there is none (the full text is the tooltip)
        if entry.status is not None:
            return f"{entry.status} {entry.status_name}"
        return (entry.error or "")[:200]
    if column == 6:
        return f"{entry.bytes:,}"
    return "" if entry.message_token is None else str(entry.message_token)

"""The history panel: search, filters, a lazily paged table and the selected entry's details."""

from dataclasses import fields
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core.bidi import isolate
from viber_desktop.core.endpoints import is_loopback_host
from viber_desktop.core.history import STATES, HistoryEntry, HistoryFilter, HistorySummary
from viber_desktop.core.limits import MESSAGE_TYPES
from viber_desktop.services.history import HistoryStore
from viber_desktop.services.settings import SANDBOX_PROFILE
from viber_desktop.ui.history.compare import CompareDialog, readable
from viber_desktop.ui.history.model import HistoryModel, state_words
from viber_desktop.ui.history.summary import billing_breakdown, summary_line
from viber_desktop.ui.response_panel import LOCAL_SERVER, SANDBOX, VIBER, ResponsePanel, SendInfo
from viber_desktop.ui.tasks import TaskRunner

PERIODS = (
    ("Any time", None),
    ("Last hour", timedelta(hours=1)),
    ("Last 24 hours", timedelta(days=1)),
    ("Last 7 days", timedelta(days=7)),
    ("Last 30 days", timedelta(days=30)),
)


def entry_info(entry: HistoryEntry) -> SendInfo:
    """What a history entry was for, as the response panel names it."""
    try:
        host = urlsplit(entry.api_url).hostname
    except ValueError:  # a stored URL is data: it may be anything
        host = None
    if entry.profile == SANDBOX_PROFILE:
        who = SANDBOX
    elif is_loopback_host(host):
        who = LOCAL_SERVER
    else:
        who = VIBER
    when = entry.time if entry.time.tzinfo else entry.time.replace(tzinfo=UTC)
    return SendInfo(entry.receiver, entry.profile, who, entry.endpoint, when.astimezone())


_BY_KEYBOARD = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


class HistoryPanel(QWidget):
    """Signals:
    open_requested(object): load this HistoryEntry's request into the composer.
    resend_requested(object): send this HistoryEntry's request again (after confirmation).
    add_to_book_requested(object): name this HistoryEntry's receiver in the receiver book.
    """

    open_requested = Signal(object)
    resend_requested = Signal(object)
    add_to_book_requested = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.model = HistoryModel(runner, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search requests and responses…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search history"))
        self.receiver = QLineEdit()
        self.receiver.setPlaceholderText(self.tr("receiver"))
        self.receiver.setAccessibleName(self.tr("Filter by receiver"))
        self.profile = QComboBox()
        self.profile.setAccessibleName(self.tr("Filter by profile"))
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Filter by outcome"))
        self.outcome.addItem(self.tr("Any outcome"), None)
        for state in STATES:
            self.outcome.addItem(self.tr(state_words(state)), state)
        self.type = QComboBox()
        self.type.setAccessibleName(self.tr("Filter by type"))
        self.type.addItem(self.tr("Any type"), None)
        for kind in (*MESSAGE_TYPES, "keyboard"):
            self.type.addItem(kind, kind)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Filter by time"))
        for label, delta in PERIODS:
            self.period.addItem(self.tr(label), delta)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(self.tr("Summary of the entries shown"))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for w in (self.receiver, self.profile, self.outcome, self.type, self.period):
            filters.addWidget(w, 1)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Send history"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)  # one line per entry; long cells end in "…"
        self.table.setTabKeyNavigation(False)  # Tab goes on to the details, arrows move rows
        self.table.installEventFilter(self)
        for column, width in enumerate((150, 120, 170, 120, 160, 180, 70)):
            self.table.setColumnWidth(column, width)

        self.request = QPlainTextEdit()
        self.request.setReadOnly(True)
        self.request.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.request.setAccessibleName(self.tr("Request sent"))
        self.request.setPlaceholderText(self.tr("The exact request of the selected entry"))
        self.response = ResponsePanel()
        # A long answer scrolls instead of being clipped. Kept as an attribute: see the trap
        # in ResponsePanel (a garbage collection could delete an unreferenced scroll area).
        self.response_scroll = response_scroll = QScrollArea()
        response_scroll.setWidgetResizable(True)
        response_scroll.setFrameShape(QFrame.Shape.NoFrame)
        response_scroll.setWidget(self.response)
        shown = QSplitter(Qt.Orientation.Horizontal)
        shown.addWidget(self.request)
        shown.addWidget(response_scroll)
        shown.setStretchFactor(0, 1)
        shown.setStretchFactor(1, 1)
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setAccessibleName(self.tr("Entry details"))
        self.details = QStackedWidget()
        self.details.addWidget(self.placeholder)
        self.details.addWidget(shown)

        self.open_btn = QPushButton(self.tr("&Open in composer"))
        # Isolated: in a right-to-left window "Resend…" would read "…Resend".
        self.resend_btn = QPushButton(isolate(self.tr("Re&send…")))
        self.compare_btn = QPushButton(self.tr("Co&mpare two"))
        self.export_btn = QPushButton(isolate(self.tr("E&xport shown…")))
        self.delete_btn = QPushButton(isolate(self.tr("&Delete…")))
        self.book_btn = QPushButton(isolate(self.tr("Add to receiver book…")))
        self.book_btn.setToolTip(self.tr("Give this entry's receiver a name in the receiver book"))
        actions = QHBoxLayout()
        for b in (self.open_btn, self.resend_btn, self.compare_btn, self.book_btn):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.export_btn)
        actions.addWidget(self.delete_btn)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        # The details scroll, so their hint is small: share 1:1 (at 700 px high 3:2 left the
        # answer four lines and the table mostly empty rows).
        split.setSizes([500, 500])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(actions)

        self._filter_timer = QTimer(self, singleShot=True, interval=250)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._filter_timer.start)
        self.receiver.textChanged.connect(self._filter_timer.start)
        for combo in (self.profile, self.outcome, self.type, self.period):
            combo.currentIndexChanged.connect(self.apply_filter)
        self._summary_generation = 0
        self.model.modelReset.connect(self._update_summary)  # resets follow the debounced filter
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # Trap: a model reset clears the selection without selectionChanged; without these
        # the details pane would keep showing (and Open/Resend acting on) a hidden entry.
        self._keep_ids: set[int] = set()
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._selection_changed)
        self.model.loaded.connect(self._restore_selection)
        self.model.dataChanged.connect(self._page_arrived)
        self.table.doubleClicked.connect(lambda _: self._open())
        self.open_btn.clicked.connect(self._open)
        self.resend_btn.clicked.connect(self._resend)
        self.compare_btn.clicked.connect(self._compare)
        self.export_btn.clicked.connect(self._export)
        self.delete_btn.clicked.connect(self._delete)
        self.book_btn.clicked.connect(self._add_to_book)
        self.set_profiles([])
        self._selection_changed()

    # --- data ----------------------------------------------------------------------------

    def set_store(self, store: HistoryStore) -> None:
        self.model.set_store(store)

    def set_profiles(self, names: list[str]) -> None:
        current = self.profile.currentData()
        self.profile.blockSignals(True)
        self.profile.clear()
        self.profile.addItem(self.tr("Any profile"), None)
        for name in names:
            self.profile.addItem(name, name)
        self.profile.setCurrentIndex(max(0, self.profile.findData(current)))
        self.profile.blockSignals(False)

    def current_filter(self) -> HistoryFilter:
        delta = self.period.currentData()
        return HistoryFilter(
            text=self.search.text() or None,
            receiver=self.receiver.text().strip() or None,
            profile=self.profile.currentData(),
            outcome=self.outcome.currentData(),
            type=self.type.currentData(),
            since=datetime.now(UTC) - delta if isinstance(delta, timedelta) else None,
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        self.model.reset()

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def selected(self) -> list[HistoryEntry]:
        """The selected entries in memory (all of a selection of one or two: they are kept)."""
        return [e for r in self.selected_rows() if (e := self.model.entry(r)) is not None]

    def selected_ids(self) -> list[int]:
        """The ids of every selected entry, in memory or not."""
        return [i for r in self.selected_rows() if (i := self.model.entry_id(r)) is not None]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Coming to the table by keyboard with nothing selected selects the current row (or
        the first), so the details show at once and the arrows move from there."""
        if (
            watched is self.table
            and isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusIn
            and event.reason() in _BY_KEYBOARD
            and self.model.rowCount() > 0
            and not self.table.selectionModel().hasSelection()
        ):
            current = self.table.currentIndex()
            self.select_row(current.row() if current.isValid() else 0)
        return super().eventFilter(watched, event)

    def select_row(self, row: int) -> None:
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _remember_selection(self) -> None:
        self._keep_ids = set(self.selected_ids())

    def _restore_selection(self) -> None:
        """Select again, once, what was selected before the reset if the new list shows it."""
        keep, self._keep_ids = self._keep_ids, set()
        rows = self.model.rows_of(keep)
        selection = self.table.selectionModel()
        for row in rows:
            selection.select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        if rows:  # the details act on it: it must be in sight
            self.table.doItemsLayout()  # trap: the scroll range lags the inserted rows
            self.table.scrollTo(self.model.index(rows[0], 0))
        if not self.selected():
            self._clear_details(0)  # the placeholder's words depend on whether rows came

    # --- actions -------------------------------------------------------------------------

    def _selection_changed(self) -> None:
        rows = self.selected_rows()
        # A selection of one or two is shown or compared: its pages stay in memory.
        self.model.pin(rows if len(rows) <= 2 else ())
        chosen = self.selected()
        if len(chosen) != len(rows) and len(rows) <= 2:  # a page on its way: see _page_arrived
            chosen = []
        self.open_btn.setEnabled(len(chosen) == 1)
        # Resending while the answer is awaited could deliver the message twice.
        self.resend_btn.setEnabled(len(chosen) == 1 and chosen[0].outcome != "pending")
        self.compare_btn.setEnabled(len(chosen) == 2)
        self.book_btn.setEnabled(len(chosen) == 1)
        self.delete_btn.setEnabled(bool(rows))
        if len(rows) == 1 and not chosen:
            self._clear_details(0)
            self.placeholder.setText(self.tr("Loading the selected entry…"))
            return
        if len(chosen) != 1:
            self._clear_details(len(rows))
            return
        entry = chosen[0]
        self.details.setCurrentIndex(1)
        self.request.setPlainText("\n".join(readable(entry.request)))
        result = entry.result()
        info = entry_info(entry)
        if result is None:
            self.response.show_sending(info)
            self.response.headline.setText(self.tr("Being sent: no answer is recorded yet."))
            self.response.explanation.setText(
                self.tr(
                    "The request left or is leaving this computer. The answer is recorded "
                    "here when it comes; do not send the message again before that."
                )
            )
        else:
            self.response.show_result(result, entry.id, info)

    def _page_arrived(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        """Show a selected entry whose page was fetched again (scrolled back to, or pinned)."""
        rows = self.selected_rows()
        if len(rows) <= 2 and any(top_left.row() <= r <= bottom_right.row() for r in rows):
            self._selection_changed()

    def _clear_details(self, selected: int) -> None:
        self.request.clear()
        if selected == 2:
            text = self.tr("Two entries selected: Compare shows them side by side.")
        elif selected:
            text = self.tr("%n entries selected.", "", selected)
        elif self.model.rowCount():
            text = self.tr("Select an entry to see what was sent and what came back.")
        else:
            text = self.tr("No entry to show.")
        self.placeholder.setText(text)
        self.details.setCurrentWidget(self.placeholder)

    def _update_summary(self) -> None:
        """Count what the filter shows, off the GUI thread; only the latest answer is shown."""
        store = self.model.store
        if store is None:
            self.summary.clear()
            return
        self._summary_generation += 1
        generation, flt = self._summary_generation, self.model.filter

        def done(summary: HistorySummary) -> None:
            if generation == self._summary_generation:
                filtered = any(getattr(flt, f.name) is not None for f in fields(flt))
                self.summary.setText(summary_line(summary, filtered))
                self.summary.setToolTip(billing_breakdown(summary))

        def failed(exc: Exception) -> None:
            if generation == self._summary_generation:
                self.summary.setText(
                    self.tr("The history could not be counted: {reason}").format(reason=exc)
                )

        self.runner.run(lambda: store.summary(flt), done, failed)

    def _add_to_book(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.add_to_book_requested.emit(chosen[0])

    def _open(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.open_requested.emit(chosen[0])

    def _resend(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.resend_requested.emit(chosen[0])

    def _compare(self) -> None:
        chosen = self.selected()
        if len(chosen) == 2:
            CompareDialog(chosen[1], chosen[0], self).exec()

    def _export(self) -> None:
        store = self.model.store
        if store is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export history"),
            "history.jsonl",
            self.tr("JSON Lines (*.jsonl);;CSV (*.csv)"),
        )
        if not name:
            return
        flt = self.current_filter()

        def done(count: int) -> None:
            QMessageBox.information(
                self,
                self.tr("Export"),
                self.tr("Exported %n entries to {file}", "", count).format(file=name),
            )

        def failed(exc: Exception) -> None:
            QMessageBox.warning(self, self.tr("Export"), str(exc))

        self.runner.run(lambda: store.export(Path(name), flt), done, failed)

    def _delete(self) -> None:
        store = self.model.store
        ids = self.selected_ids()
        if store is None or not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete history entries"),
            self.tr("Delete %n selected entries? This cannot be undone.", "", len(ids)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.runner.run(lambda: store.delete(ids), lambda _: self.refresh())

"""The receiver book of one profile: labels, notes, tags, test lists, lookups, online states,
CSV import and export. Every read and write of the book runs off the GUI thread."""

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import receivers as rules
from viber_desktop.core.receiver_records import OnlineEntry, Receiver, TestList
from viber_desktop.services.receivers import (
    CachedDetails,
    ImportReport,
    ReceiverStore,
    online_states,
)
from viber_desktop.services.settings import Profile
from viber_desktop.ui.context import AppContext, alive
from viber_desktop.ui.receivers.api import client_for, problem_text
from viber_desktop.ui.receivers.edit_dialog import Entry, ReceiverEditDialog
from viber_desktop.ui.receivers.lookup_dialog import LookupDialog
from viber_desktop.ui.theme import state_color

COLUMNS = ("Label", "Receiver ID", "Tags", "Lists", "API level", "Looked up", "Online")
ALL = ""
Contents = tuple[list[Receiver], list[TestList], dict[str, CachedDetails]]


class BookDialog(QDialog):
    """The book of ``profile``; ``field_receiver`` gives the receiver in the composer.

    Signals:
        changed(): the book changed (completion and the receiver's line follow).
        send_list_requested(str): send the composed message to this list.
        loaded(): the table shows the book as read last.
    """

    changed = Signal()
    send_list_requested = Signal(str)
    loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        profile: Profile,
        field_receiver: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.profile, self.field_receiver = ctx, profile, field_receiver
        self.book: list[Receiver] = []
        self.lists: list[TestList] = []
        self.details: dict[str, CachedDetails] = {}
        self.online: dict[str, OnlineEntry] = {}
        self.shown: list[Receiver] = []
        self.busy = False
        self.ready = False
        """True once the book has been read (the table shows it)."""
        self.setWindowTitle(self.tr("Receivers of “{profile}”").format(profile=profile.name))

        self.show_combo = QComboBox()
        self.show_combo.setAccessibleName(self.tr("Show receivers"))
        self.show_combo.currentIndexChanged.connect(self._fill_table)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find by label, ID or tag"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill_table)
        top = QHBoxLayout()
        show_label = QLabel(self.tr("S&how:"))
        show_label.setBuddy(self.show_combo)
        top.addWidget(show_label)
        top.addWidget(self.show_combo, 1)
        top.addWidget(self.search, 2)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(self.tr("Receivers"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((210, 160, 90, 90, 70, 90)):
            header.resizeSection(column, width)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        def button(text: str, slot: Callable[[], Any], tip: str = "") -> QPushButton:
            btn = QPushButton(text)
            btn.clicked.connect(slot)
            btn.setToolTip(tip)
            return btn

        self.add_btn = button(self.tr("&Add…"), self.add_by_hand)
        self.add_field_btn = button(
            self.tr("Add from &message…"),
            self.add_from_field,
            self.tr("Add the receiver now in the message's Receiver field"),
        )
        self.edit_btn = button(self.tr("&Edit…"), self.edit_selected)
        self.remove_btn = button(self.tr("&Remove…"), self.remove_selected)
        self.lookup_btn = button(
            self.tr("&Look up…"), self.look_up_selected, rules.USER_DETAILS_LIMIT.source
        )
        self.online_btn = button(
            self.tr("Who is &online?"),
            self.ask_online,
            self.tr("Asks Viber about the selected receivers (or all shown), at most {n}").format(
                n=rules.ONLINE_IDS_MAX
            ),
        )
        self.to_list_btn = button(self.tr("Add to lis&t…"), self.add_selected_to_list)
        self.off_list_btn = button(self.tr("Take o&ff this list"), self.remove_selected_from_list)
        self.delete_list_btn = button(self.tr("&Delete this list…"), self.delete_shown_list)
        self.send_list_btn = button(self.tr("&Send message to list…"), self.send_to_shown_list)
        self.import_btn = button(self.tr("&Import CSV…"), self.import_csv)
        self.export_btn = button(self.tr("E&xport CSV…"), self.export_csv)
        grid = QGridLayout()
        for index, btn in enumerate(
            (
                self.add_btn,
                self.add_field_btn,
                self.edit_btn,
                self.remove_btn,
                self.lookup_btn,
                self.online_btn,
                self.to_list_btn,
                self.off_list_btn,
                self.delete_list_btn,
                self.send_list_btn,
                self.import_btn,
                self.export_btn,
            )
        ):
            grid.addWidget(btn, index // 6, index % 6)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("What happened"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton(self.tr("&Close"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(grid)
        layout.addLayout(bottom)
        self.resize(920, 520)
        self._update_buttons()
        self.reload()

    # --- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the book again (off the GUI thread)."""
        profile = self.profile.name

        def work(book: ReceiverStore) -> Contents:
            receivers = book.receivers(profile)
            details = {r.id: kept for r in receivers if (kept := book.cached(profile, r.id))}
            return receivers, book.lists(profile), details

        self.ctx.with_book(work, self._loaded, self._failed, owner=self)

    def _loaded(self, contents: Contents) -> None:
        self.book, self.lists, self.details = contents
        chosen = self.shown_list()
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        self.show_combo.addItem(
            self.tr("All receivers ({count})").format(count=len(self.book)), ALL
        )
        for test_list in self.lists:
            self.show_combo.addItem(
                self.tr("List “{name}” ({count})").format(
                    name=test_list.name, count=len(test_list.members)
                ),
                test_list.name,
            )
        found = self.show_combo.findData(chosen)
        self.show_combo.setCurrentIndex(max(0, found))
        self.show_combo.blockSignals(False)
        self._fill_table()
        self.ready = True
        self.loaded.emit()

    def shown_list(self) -> str:
        """The list shown ("" for the whole book)."""
        data = self.show_combo.currentData()
        return data if isinstance(data, str) else ALL

    def _fill_table(self) -> None:
        name = self.shown_list()
        if name:
            found = next((t for t in self.lists if t.name == name), None)
            rows = list(found.members) if found else []
        else:
            rows = list(self.book)
        needle = self.search.text().casefold().strip()
        if needle:
            rows = [
                r
                for r in rows
                if needle in r.label.casefold()
                or needle in r.id.casefold()
                or any(needle in t.casefold() for t in r.tags)
            ]
        self.shown = rows
        now = time.time()
        self.table.setRowCount(len(rows))
        for row, r in enumerate(rows):
            kept = self.details.get(r.id)
            level = kept.details.api_version if kept else None
            online = self.online.get(r.id)
            cells = (
                r.label,
                r.id,
                "; ".join(r.tags),
                "; ".join(r.lists),
                "—" if level is None else str(level),
                rules.ago(now - kept.fetched_ts) if kept else self.tr("never"),
                self._online_words(online) if online else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                tip = r.notes if column == 0 and r.notes else text
                if column == 6 and online is not None:
                    tip = online.state.words
                item.setToolTip(tip)
                self.table.setItem(row, column, item)
        self._update_buttons()

    def _online_words(self, entry: OnlineEntry) -> str:
        words = {"tryLater": "try later"}.get(entry.state.name, entry.state.name)
        if entry.last_online is not None:
            last = entry.last_online.timestamp()
            words += " · " + self.tr("last seen {age}").format(age=rules.ago(time.time() - last))
        return words

    def selected(self) -> list[Receiver]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.shown[row] for row in rows if row < len(self.shown)]

    def select_ids(self, ids: Sequence[str]) -> None:
        """Select the rows of these receivers (tests and after an add)."""
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row, r in enumerate(self.shown):
            if r.id in ids:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _update_buttons(self) -> None:
        count = len(self.selected())
        ready = not self.busy
        for btn in (self.edit_btn, self.lookup_btn):
            btn.setEnabled(ready and count == 1)
        for btn in (self.remove_btn, self.to_list_btn):
            btn.setEnabled(ready and count >= 1)
        self.off_list_btn.setEnabled(ready and count >= 1 and bool(self.shown_list()))
        self.delete_list_btn.setEnabled(ready and bool(self.shown_list()))
        self.send_list_btn.setEnabled(ready and bool(self.lists))
        self.online_btn.setEnabled(ready and bool(self.shown))
        self.add_field_btn.setEnabled(ready and bool(self.field_receiver().strip()))
        self.export_btn.setEnabled(ready and bool(self.book))

    # --- writing -------------------------------------------------------------------------

    def _say(self, text: str, tone: str = "muted") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {state_color(tone, self.message)};")

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self._say(problem_text(exc), "error")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _change(self, work: Callable[[ReceiverStore], str]) -> None:
        """Change the book off the GUI thread; ``work`` returns what to say."""

        def done(words: str) -> None:
            self._set_busy(False)
            self._say(words, "ok")
            self.changed.emit()
            self.reload()

        self._set_busy(True)
        self.ctx.with_book(work, done, self._failed, owner=self)

    def save(self, entry: Entry) -> None:
        """Add or update one receiver."""
        profile = self.profile.name

        def work(book: ReceiverStore) -> str:
            new = book.get(profile, entry.id) is None
            saved = book.put(
                profile, entry.id, label=entry.label, notes=entry.notes, tags=entry.tags
            )
            text = self.tr("Added {who}.") if new else self.tr("Saved {who}.")
            return text.format(who=saved.shown)

        self._change(work)

    def add_by_hand(self) -> None:
        self._edit(None)

    def add_from_field(self) -> None:
        rid = self.field_receiver().strip()
        problem = rules.receiver_id_problem(rid)
        if problem:
            self._say(problem, "error")
            return
        known = next((r for r in self.book if r.id == rid), None)
        self._edit(known or Receiver(id=rid))

    def edit_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self._edit(chosen[0])

    def _edit(self, receiver: Receiver | None) -> None:
        dialog = ReceiverEditDialog(receiver, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save(dialog.entry())

    def remove_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        names = ", ".join(r.who for r in chosen[:5]) + ("…" if len(chosen) > 5 else "")
        answer = QMessageBox.question(
            self,
            self.tr("Remove receivers"),
            self.tr(
                "Remove %n receiver(s) from the book of “{profile}”: {names}?\n\nThey are "
                "taken off every test list too. The send history keeps their sends.",
                "",
                len(chosen),
            ).format(profile=self.profile.name, names=names),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove([r.id for r in chosen])

    def remove(self, ids: Sequence[str]) -> None:
        profile = self.profile.name

        def work(book: ReceiverStore) -> str:
            gone = sum(book.remove(profile, rid) for rid in ids)
            return self.tr("Removed %n receiver(s).", "", gone)

        self._change(work)

    def add_selected_to_list(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Add to a test list"),
            self.tr("Test list (choose one, or type a new name):"),
            [t.name for t in self.lists],
            0,
            True,
        )
        if ok and name.strip():
            self.add_to_list(" ".join(name.split()), [r.id for r in chosen])

    def add_to_list(self, name: str, ids: Sequence[str]) -> None:
        profile = self.profile.name

        def work(book: ReceiverStore) -> str:
            for rid in ids:
                book.add_to_list(profile, name, rid)
            return self.tr("Added %n receiver(s) to the list “{name}”.", "", len(ids)).format(
                name=name
            )

        self._change(work)

    def remove_selected_from_list(self) -> None:
        name, chosen = self.shown_list(), self.selected()
        if not name or not chosen:
            return
        profile = self.profile.name

        def work(book: ReceiverStore) -> str:
            for r in chosen:
                book.remove_from_list(profile, name, r.id)
            return self.tr("Took %n receiver(s) off the list “{name}”.", "", len(chosen)).format(
                name=name
            )

        self._change(work)

    def delete_shown_list(self) -> None:
        name = self.shown_list()
        if not name:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete list"),
            self.tr("Delete the test list “{name}”? Its receivers stay in the book.").format(
                name=name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_list(name)

    def delete_list(self, name: str) -> None:
        profile = self.profile.name

        def work(book: ReceiverStore) -> str:
            book.delete_list(profile, name)
            return self.tr("Deleted the list “{name}”; its receivers stay in the book.").format(
                name=name
            )

        self._change(work)

    def send_to_shown_list(self) -> None:
        name = self.shown_list()
        if not name:
            names = [t.name for t in self.lists]
            name, ok = QInputDialog.getItem(
                self, self.tr("Send to a test list"), self.tr("Test list:"), names, 0, False
            )
            if not ok:
                return
        self.send_list_requested.emit(name)

    # --- Viber ---------------------------------------------------------------------------

    def look_up_selected(self) -> LookupDialog | None:
        chosen = self.selected()
        if len(chosen) != 1:
            return None
        dialog = LookupDialog(self.ctx, self.profile, chosen[0], self)
        dialog.finished.connect(self._looked_up)
        dialog.open()
        return dialog

    def _looked_up(self, _code: int) -> None:
        self.reload()
        self.changed.emit()  # a new API level changes the receiver's line in the window

    def ask_online(self) -> None:
        """get_online for the selected receivers, or all shown; at most 100 in one call."""
        chosen = self.selected() or self.shown
        ids = [r.id for r in chosen][: rules.ONLINE_IDS_MAX]
        if not ids:
            return
        left_out = len(chosen) - len(ids)
        ctx, profile = self.ctx, self.profile

        def work() -> tuple[Any, list[OnlineEntry]]:
            client = client_for(ctx, profile)
            try:
                return online_states(client, ids)
            finally:
                client.close()

        def done(answer: tuple[Any, list[OnlineEntry]]) -> None:
            self._set_busy(False)
            result, entries = answer
            if result.outcome != "ok":
                self._say(result.explanation, "error")
                return
            self.online.update({e.id: e for e in entries})
            text = self.tr(
                "Viber told the online state of %n receiver(s) at {time}.", "", len(entries)
            ).format(time=time.strftime("%H:%M"))
            if left_out:
                text += " " + self.tr(
                    "Viber answers about at most {most} at once: {left} were not asked; "
                    "select them and ask again."
                ).format(most=rules.ONLINE_IDS_MAX, left=left_out)
            self._say(text, "ok")
            self._fill_table()

        self._set_busy(True)
        self._say(self.tr("Asking Viber who is online…"))
        ctx.runner.run(work, alive(self, done), alive(self, self._failed))

    # --- CSV -----------------------------------------------------------------------------

    def import_csv(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import receivers"), "", self.tr("CSV files (*.csv);;All files (*)")
            )
            if not chosen:
                return
            path = Path(chosen)
        profile, shown = self.profile.name, str(path)

        def work(book: ReceiverStore) -> str:
            report: ImportReport = book.import_csv(profile, path)
            text = self.tr("Imported {file}: {added} added, {updated} updated.").format(
                file=shown, added=report.added, updated=report.updated
            )
            if report.problems:
                text += " " + self.tr("{count} row(s) skipped: {first}").format(
                    count=len(report.problems), first="; ".join(report.problems[:3])
                )
            return text

        self._change(work)

    def export_csv(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export receivers"),
                f"receivers-{self.profile.name}.csv",
                self.tr("CSV files (*.csv)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        profile = self.profile.name

        def work(book: ReceiverStore) -> str:
            count = book.export_csv(profile, path)
            return self.tr("Wrote %n receiver(s) to {file}.", "", count).format(file=str(path))

        self._change(work)

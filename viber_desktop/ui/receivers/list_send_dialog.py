"""Sending the composed message to every member of a test list, with a row per receiver.

The sends run on their own thread (services/list_send.py: one send_message per receiver, each
recorded first, never a resend of an unknown); results come back through a queue the dialog
reads on a timer, so the worker never touches a widget.
"""

import queue
from collections import Counter
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import receivers as rules
from viber_desktop.core.receiver_records import TestList
from viber_desktop.services.history import HistoryStore
from viber_desktop.services.list_send import ListSend, MemberResult
from viber_desktop.services.sending import resolve_target
from viber_desktop.services.settings import Profile
from viber_desktop.ui.context import AppContext, alive
from viber_desktop.ui.response_panel import answered_by, explain
from viber_desktop.ui.theme import state_color

TONES = {
    "ok": "ok",
    "api_error": "error",
    "unknown": "error",
    "not_sent": "warning",
    "skipped": "warning",
    "not_tried": "muted",
}
COLUMNS = ("#", "Receiver", "Outcome", "What happened")


class _Run:
    """What the worker thread and the dialog share: plain Python, never a widget."""

    def __init__(self) -> None:
        self.results: queue.SimpleQueue[MemberResult] = queue.SimpleQueue()
        self.sender: ListSend | None = None
        self.stop_wanted = False

    def stop(self) -> None:
        self.stop_wanted = True
        sender = self.sender
        if sender is not None:
            sender.stop()


class ListSendDialog(QDialog):
    """Progress of one list send; Stop ends it after the current receiver.

    Signals:
        recorded(): the history changed (a send was recorded or answered).
        finished_sending(object): the list of MemberResult, when the list has ended.
    """

    recorded = Signal()
    finished_sending = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        profile: Profile,
        payload: dict[str, Any],
        test_list: TestList,
        history: HistoryStore,
        levels: Mapping[str, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.profile, self.payload = ctx, profile, payload
        self._who = answered_by(profile)
        self.test_list, self.history, self.levels = test_list, history, dict(levels)
        self.results: list[MemberResult] = []
        self.running = False
        self._run = _Run()
        members = test_list.members
        self.setWindowTitle(self.tr("Sending to the list “{name}”").format(name=test_list.name))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("List send progress"))
        self.progress = QProgressBar()
        self.progress.setRange(0, len(members))
        self.progress.setFormat(self.tr("%v of %m"))
        self.table = QTableWidget(len(members), len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Interactive,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
            )
        ):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(1, 220)
        for row, member in enumerate(members):
            self._cell(row, 0, str(row + 1))
            self._cell(row, 1, member.shown)
            self._cell(row, 2, self.tr("waiting"), "muted")
            self._cell(row, 3, "")
        self.stop_btn = QPushButton(self.tr("&Stop after this one"))
        self.stop_btn.setToolTip(
            self.tr("The receiver being sent to now gets its answer; no one after it is sent to.")
        )
        self.stop_btn.clicked.connect(self.stop)
        self.close_btn = QPushButton(self.tr("&Close"))
        self.close_btn.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.stop_btn)
        buttons.addWidget(self.close_btn)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(760, 420)
        self._poll = QTimer(self, interval=100)
        self._poll.timeout.connect(self._drain)

    def _cell(self, row: int, column: int, text: str, tone: str | None = None) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        if tone:
            item.setForeground(self._color(tone))
        self.table.setItem(row, column, item)

    def _color(self, tone: str) -> QColor:
        return QColor(state_color(tone, self))

    # --- running -------------------------------------------------------------------------

    def start(self) -> None:
        """Send to every member, one after another, on a thread of its own."""
        ctx, profile, run = self.ctx, self.profile, self._run
        payload, members, history = self.payload, self.test_list.members, self.history
        levels = self.levels
        session_token = ctx.session_tokens.get(profile.name)
        timeouts = (ctx.settings.connect_timeout, ctx.settings.read_timeout)

        def work() -> None:
            target = resolve_target(
                profile, sandbox=ctx.sandbox, vault=ctx.vault, session_token=session_token
            )
            sender = ListSend(
                payload,
                members,
                target,
                history,
                levels=levels,
                connect_timeout=timeouts[0],
                read_timeout=timeouts[1],
            )
            run.sender = sender
            if run.stop_wanted:
                sender.stop()
            for result in sender.run():
                run.results.put(result)

        self.running = True
        self.close_btn.setEnabled(False)
        self._mark_current(0)
        self._poll.start()
        ctx.runner.run_detached(
            work, alive(self, lambda _none: self._ended(None)), alive(self, self._ended)
        )

    def stop(self) -> None:
        """End the list after the current receiver (its answer is still waited for)."""
        if not self.running:
            return
        self._run.stop()
        self.stop_btn.setEnabled(False)
        self.status.setText(
            self.tr("Stopping after the current receiver… its answer is still waited for.")
        )

    def _drain(self) -> None:
        changed = False
        while True:
            try:
                result = self._run.results.get_nowait()
            except queue.Empty:
                break
            self._show_result(result)
            changed = changed or result.result is not None
        if changed:
            self.recorded.emit()

    def _show_result(self, result: MemberResult) -> None:
        self.results.append(result)
        row = result.position - 1
        # The status code and its meaning are in the explanation column beside it.
        words = rules.LIST_OUTCOME_LABELS.get(result.outcome, result.outcome)
        self._cell(row, 2, words, TONES.get(result.outcome, "muted"))
        answer = result.result if result.reason is None else None
        self._cell(row, 3, explain(answer, self._who) if answer else result.explanation)
        self.table.resizeRowToContents(row)
        self.progress.setValue(len(self.results))
        if self.running and not self._run.stop_wanted:
            self._mark_current(result.position)

    def _mark_current(self, row: int) -> None:
        if row >= len(self.test_list.members):
            return
        member = self.test_list.members[row]
        self._cell(row, 2, self.tr("sending…"))
        item = self.table.item(row, 0)
        if item is not None:
            self.table.scrollToItem(item)
        self.status.setText(
            self.tr("Sending {position} of {total} to “{who}”…").format(
                position=row + 1, total=len(self.test_list.members), who=member.who
            )
        )

    def _ended(self, exc: Exception | None) -> None:
        self._poll.stop()
        self._drain()
        self.running = False
        self.stop_btn.setEnabled(False)
        self.close_btn.setEnabled(True)
        self.close_btn.setFocus()
        if exc is not None and not self.results:
            why = str(exc) or type(exc).__name__
            self.status.setText(
                self.tr("Nothing was sent: {why}").format(why=why[:1].upper() + why[1:])
            )
            for row in range(len(self.test_list.members)):
                self._cell(row, 2, self.tr("not sent"), "warning")
        else:
            self.status.setText(self.summary())
        self.finished_sending.emit(list(self.results))

    def summary(self) -> str:
        counts = Counter(r.outcome for r in self.results)
        parts = [
            self.tr("{outcome}: {count}").format(
                outcome=rules.LIST_OUTCOME_LABELS.get(outcome, outcome), count=n
            )
            for outcome, n in counts.items()
        ]
        text = self.tr("Done: %n receiver(s): {parts}.", "", len(self.results)).format(
            parts=", ".join(parts)
        )
        if counts.get("unknown"):
            text += " " + self.tr(
                "Check the chats of receivers whose outcome is unknown before sending to them "
                "again: nothing is resent automatically."
            )
        return text

    # --- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        if self.running:
            self.stop()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.stop()
            event.ignore()
            return
        super().closeEvent(event)


def members_older(test_list: TestList, levels: Mapping[str, int], need: rules.Need) -> list[str]:
    """Who on the list has a looked-up Viber older than the message needs (they are skipped)."""
    return [
        m.who
        for m in test_list.members
        if rules.fit_problem(m.who, levels.get(m.id), need) is not None
    ]

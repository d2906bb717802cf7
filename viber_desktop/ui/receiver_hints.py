"""What the app knows about the receiver being typed: completion from the book (with labels)
and the history, the count sent this hour, and whether the message fits its Viber."""

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from viber_desktop.core import i18n, limits
from viber_desktop.core import receivers as rules
from viber_desktop.core.findings import CheckReport
from viber_desktop.services.settings import Profile
from viber_desktop.ui.composer.composer_widget import ComposerWidget
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.first_paint import after_first_paint, holding
from viber_desktop.ui.theme import set_style, state_color

if TYPE_CHECKING:
    from viber_desktop.services.receivers import ReceiverStore

RECENT_MAX = 50


class Known(NamedTuple):  # not a dataclass: 1-2 ms less at start (issue 16)
    """What the book knows about one receiver of one profile."""

    profile: str
    receiver: str
    label: str = ""
    level: int | None = None
    looked_up: float | None = None

    @property
    def who(self) -> str:
        return self.label or self.receiver


def completions(
    book: "ReceiverStore | None", profile: str, recent: list[str]
) -> list[tuple[str, str]]:
    """(ID, label) for the book's receivers, then recent receivers not in the book."""
    entries = [(r.id, r.label) for r in book.receivers(profile)] if book else []
    known = {rid for rid, _ in entries}
    return entries + [(rid, "") for rid in recent if rid not in known]


class ReceiverHints(QObject):
    """Fills the composer's receiver completion, its rate label and the line under it.

    Signals:
        known_changed(): what is known of the receiver changed (its fit may have).
    """

    known_changed = Signal()

    def __init__(
        self, ctx: AppContext, composer: ComposerWidget, profile: Callable[[], Profile]
    ) -> None:
        super().__init__(composer)
        self.ctx = ctx
        self.composer = composer
        self.profile = profile
        self.known: Known | None = None
        """The book's entry for the receiver in the field (None while unknown)."""
        self._report: CheckReport | None = None
        self._payload: Any = None
        self._refresh_waiting = False
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.refresh_receiver)
        composer.receiver.textChanged.connect(self._timer.start)

    def refresh(self) -> None:
        """The history, the book or the profile changed: completion and this receiver.

        At start it waits for the first paint, once: its three look-ups on pool threads took
        the interpreter from the window being shown, and their answers came after the paint
        anyway (start-up, issue 16)."""
        if holding():
            if not self._refresh_waiting:
                self._refresh_waiting = True
                after_first_paint(self._refresh_now)
            return
        self._refresh_now()

    def _refresh_now(self) -> None:
        self._refresh_waiting = False
        if not isValid(self.composer):  # the window closed before its first paint
            return
        self.refresh_receiver()
        history = self.ctx.history
        profile = self.profile().name

        def work() -> list[tuple[str, str]]:
            recent = history.receivers(limit=RECENT_MAX) if history is not None else []
            try:
                book = self.ctx.book_if_any()
            except Exception:  # noqa: BLE001 - a damaged book: complete from the history alone
                book = None
            return completions(book, profile, recent)

        def done(entries: list[tuple[str, str]]) -> None:
            if isValid(self.composer):  # the window closed meanwhile
                self.composer.set_receivers(entries)

        self.ctx.runner.run(work, done)

    def refresh_receiver(self) -> None:
        self.refresh_rate()
        self.refresh_known()

    def refresh_known(self) -> None:
        """Read the book's label and looked-up API level of the receiver in the field."""
        receiver, profile = self.composer.receiver.text(), self.profile().name
        if not receiver or rules.receiver_id_problem(receiver):
            self.known = None
            self._show_note()
            return

        def work() -> Known:
            book = self.ctx.book_if_any()
            found = book.get(profile, receiver) if book else None
            kept = book.cached(profile, receiver) if book else None
            return Known(
                profile,
                receiver,
                found.label if found else "",
                kept.details.api_version if kept else None,
                kept.fetched_ts if kept else None,
            )

        def done(known: Known) -> None:
            if not isValid(self.composer):  # the window closed meanwhile
                return
            if (known.receiver, known.profile) == (
                self.composer.receiver.text(),
                self.profile().name,
            ):
                self.known = known
                self._show_note()
                self.known_changed.emit()

        self.ctx.runner.run(work, done, lambda _exc: None)

    def show_fit(self, report: CheckReport, payload: Any) -> None:
        """The message changed: say again whether it fits the receiver's Viber."""
        self._report, self._payload = report, payload
        self._show_note()

    def with_fit(self, report: CheckReport, payload: Any) -> CheckReport:
        """``report`` with a warning when the receiver's Viber is too old for the message."""
        warning = rules.fit_finding(self.fit_problem(report, payload))
        return report if warning is None else report._replace(findings=(*report.findings, warning))

    def fit_problem(self, report: CheckReport, payload: Any) -> str | None:
        known = self.known
        if known is None or known.receiver != self.composer.receiver.text():
            return None
        return rules.fit_problem(known.who, known.level, rules.needed_level(report, payload))

    def _show_note(self) -> None:
        note, known = self.composer.receiver_note, self.known
        if known is None or known.receiver != self.composer.receiver.text():
            note.hide()
            self.composer.fit_receiver_line()
            return
        parts = [known.label] if known.label else []
        if known.level is not None and known.looked_up is not None:
            parts.append(
                self.tr("Viber API level {level} (looked up {age})").format(
                    level=known.level, age=rules.ago(time.time() - known.looked_up)
                )
            )
        problem = (
            self.fit_problem(self._report, self._payload) if self._report is not None else None
        )
        if problem:
            note.setText(f"⚠ {problem}. {i18n._(rules.STATUS_13_NOTE)}.")
            tone = "warning"
        else:
            note.setText(" · ".join(parts))
            tone = "muted"
        set_style(note, f"color: {state_color(tone, note)};")  # each key: only when it changes
        note.setVisible(bool(note.text()))
        self.composer.fit_receiver_line()

    def refresh_rate(self) -> None:
        history = self.ctx.history
        field, label = self.composer.receiver, self.composer.rate_label
        receiver = field.text()
        self.composer.count_coming = history is not None or self.ctx.history_problem is None
        if history is None or not receiver:
            label.clear()
            self.composer.fit_receiver_line()
            return

        def work() -> tuple[int, float | None]:
            return history.sent_last_hour(receiver), history.limited_until(receiver)

        def done(result: tuple[int, float | None]) -> None:
            if not isValid(field) or receiver != field.text():
                return
            count, until = result
            if until is not None:
                label.setText("✖ " + self.tr("limited (status 12)"))
                tone = "error"
            else:
                warn = count >= limits.RECEIVER_WARN_FROM
                label.setText(
                    ("⚠ " if warn else "")
                    + self.tr("{count} of {limit} this hour").format(
                        count=count, limit=limits.RECEIVER_MESSAGES_PER_HOUR
                    )
                )
                tone = "warning" if warn else "muted"
            set_style(label, f"color: {state_color(tone, label)};")
            self.composer.fit_receiver_line()

        self.ctx.runner.run(work, done)

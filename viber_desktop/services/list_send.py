"""Sending one message to every member of a test list: one send_message per receiver, one
after another, each through :func:`services.sending.send_checked` (recorded in the history
before it leaves).

Never a resend: a receiver whose send of the same message ended ``unknown`` is skipped, and the
list stops after a send that got no answer or a refusal that is not about its receiver (the
rest are ``not_tried``). :meth:`ListSend.stop` ends the list after the current receiver.
"""

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from viber_desktop.core import receivers as rules
from viber_desktop.core.checker import check_payload
from viber_desktop.core.findings import CheckReport
from viber_desktop.core.history import HistoryEntry, HistoryFilter
from viber_desktop.core.i18n import _
from viber_desktop.core.limits import RECEIVER_MESSAGES_PER_HOUR
from viber_desktop.core.outcomes import OUTCOME_LABELS, ApiResult
from viber_desktop.core.receiver_records import Receiver, TestList
from viber_desktop.core.receivers import ListOutcome
from viber_desktop.core.text import body_bytes
from viber_desktop.services.history import HistoryError, HistoryStore
from viber_desktop.services.send_target import Target
from viber_desktop.services.sending import SendRefused, send_checked


@dataclass(frozen=True)
class MemberResult:
    """What happened for one member of the list."""

    position: int
    """1 for the first member."""
    total: int
    receiver: Receiver
    outcome: ListOutcome
    result: ApiResult | None = None
    """The send's result; None when nothing was sent (skipped, not tried)."""
    history_id: int | None = None
    reason: str | None = None
    """Why it was skipped or not tried, or why the answer is unknown."""

    @property
    def explanation(self) -> str:
        if self.result is not None and self.reason is None:
            return self.result.explanation
        return self.reason or ""

    def as_json(self) -> dict[str, Any]:
        """One line of ``send --list --json``: the send's keys, the receiver, the reason."""
        result = self.result or ApiResult(outcome="not_sent")
        return {
            "position": self.position,
            "of": self.total,
            "receiver": self.receiver.id,
            "label": self.receiver.label,
            **result.as_json(),
            "outcome": self.outcome,
            "explanation": self.explanation,
            "reason": self.reason,
            "error": result.error if self.result else None,
            "history_id": self.history_id,
            "history_error": result.history_error if self.result else None,
        }


def list_problem(test_list: TestList) -> str | None:
    """Why this list cannot be sent to at all (empty, or over the list-send maximum)."""
    if not test_list.members:
        return rules.empty_list(test_list.name)
    if len(test_list.members) > rules.LIST_SEND_MAX:
        return rules.too_many_for_a_list_send(test_list.name, len(test_list.members))
    return None


def for_receiver(payload: dict[str, Any], receiver_id: str) -> dict[str, Any]:
    """The message as it goes to one receiver: the same, with ``receiver`` set."""
    return {**payload, "receiver": receiver_id}


class ListSend:
    """One list send; iterate :meth:`run` for a result per member, in list order.

    Args:
        payload: the message (a JSON object); its ``receiver`` is replaced for each member.
        members: the receivers, at most ``LIST_SEND_MAX``.
        levels: the known API level of members that were looked up.
        allow_older: send to receivers whose Viber is older than the message needs.
    """

    def __init__(
        self,
        payload: dict[str, Any],
        members: Sequence[Receiver],
        target: Target,
        history: HistoryStore,
        *,
        levels: Mapping[str, int] | None = None,
        allow_older: bool = False,
        connect_timeout: float = 5.0,
        read_timeout: float = 20.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if len(members) > rules.LIST_SEND_MAX:
            raise SendRefused(rules.too_many_for_a_list_send("(unnamed)", len(members)))
        self.payload = payload
        self.members = tuple(members)
        self.target = target
        self.history = history
        self.levels = dict(levels or {})
        self.allow_older = allow_older
        self.timeouts = (connect_timeout, read_timeout)
        self.clock = clock
        self.need = rules.needed_level(check_payload(payload), payload)
        self.current: Receiver | None = None
        """The member whose request may be in flight (None between sends)."""
        self._started = 0.0
        self._stop = threading.Event()
        self._halt: str | None = None

    def stop(self) -> None:
        """End the list after the current receiver (from any thread)."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def run(self) -> Iterator[MemberResult]:
        total = len(self.members)
        for position, member in enumerate(self.members, 1):
            if self._stop.is_set() or self._halt:
                why = _(rules.NOT_TRIED_STOPPED) if self._stop.is_set() else self._halt
                yield MemberResult(position, total, member, "not_tried", reason=why)
                continue
            payload = for_receiver(self.payload, member.id)
            report = check_payload(payload)
            skip = self._skip_reason(member, payload, report)
            if skip:
                yield MemberResult(position, total, member, "skipped", reason=skip)
                continue
            yield self._send(position, total, member, payload, report)

    def _send(
        self,
        position: int,
        total: int,
        member: Receiver,
        payload: dict[str, Any],
        report: CheckReport,
    ) -> MemberResult:
        self.current, self._started = member, self.clock()
        try:
            entry_id, result = send_checked(
                payload,
                self.target,
                self.history,
                report=report,
                connect_timeout=self.timeouts[0],
                read_timeout=self.timeouts[1],
            )
        except SendRefused as exc:  # the history cannot record: nothing left, nothing will
            result = ApiResult(outcome="not_sent", error=str(exc))
            entry_id = None
        # Trap: not in a finally: after an interrupt, abandon_current needs to know.
        self.current = None
        if rules.list_stops_after(result.outcome, result.status):
            self._halt = rules.not_tried_after(member.who, _what(result))
        return MemberResult(position, total, member, result.outcome, result, entry_id)

    def _skip_reason(
        self, member: Receiver, payload: dict[str, Any], report: CheckReport
    ) -> str | None:
        who = member.who
        if not report.ok:
            first = report.errors[0]
            where = first.path or _("(body)")
            return rules.skip_invalid(f"{where}: {first.message}")
        earlier = self._unknown_before(member.id, payload)
        if earlier is not None:
            return rules.skip_unknown(who, earlier.id)
        now = self.clock()
        until = self.history.limited_until(member.id, now)
        if until is not None:
            return rules.skip_limited(who, rules.clock_time(until, now))
        sent = self.history.sent_last_hour(member.id, now)
        if sent >= RECEIVER_MESSAGES_PER_HOUR:
            return rules.skip_hourly(who, sent, RECEIVER_MESSAGES_PER_HOUR)
        fit = rules.fit_problem(who, self.levels.get(member.id), self.need)
        if fit and not self.allow_older:
            return rules.skip_old(fit)
        return None

    def _unknown_before(self, receiver_id: str, payload: dict[str, Any]) -> HistoryEntry | None:
        """An unanswered (or still pending) send of this same body to this receiver lately."""
        body = body_bytes(payload).decode("utf-8")
        since = datetime.fromtimestamp(self.clock() - rules.UNKNOWN_HOLD_S, UTC)
        for state in ("unknown", "pending"):
            flt = HistoryFilter(
                profile=self.target.profile, receiver=receiver_id, outcome=state, since=since
            )
            for entry in self.history.query(flt, limit=50):
                if entry.endpoint == "send_message" and entry.request == body:
                    return entry
        return None

    def abandon_current(self) -> MemberResult | None:
        """After the wait for the current receiver was cut short (a second Ctrl+C): its
        result as the history knows it; a row still pending is marked ``unknown``."""
        member = self.current
        if member is None:
            return None
        self.current = None
        self._stop.set()
        position = self.members.index(member) + 1
        total = len(self.members)
        body = body_bytes(for_receiver(self.payload, member.id)).decode("utf-8")
        flt = HistoryFilter(
            profile=self.target.profile,
            receiver=member.id,
            since=datetime.fromtimestamp(self._started - 1, UTC),
        )
        try:
            rows = [e for e in self.history.query(flt, limit=20) if e.request == body]
        except (HistoryError, sqlite3.Error):
            result = ApiResult(outcome="unknown", error=_("the history could not be read"))
            return MemberResult(
                position, total, member, "unknown", result, None, _(rules.STOPPED_WAITING)
            )
        if not rows:
            return MemberResult(
                position, total, member, "not_sent", reason=_(rules.STOPPED_BEFORE_IT_LEFT)
            )
        entry = rows[0]
        if entry.outcome == "pending" or entry.outcome == "unknown":
            self.history.settle_unknown(entry.id, _(rules.STOPPED_WAITING))
            result = ApiResult(outcome="unknown", error=_("you stopped waiting for the answer"))
            return MemberResult(
                position, total, member, "unknown", result, entry.id, _(rules.STOPPED_WAITING)
            )
        return MemberResult(position, total, member, entry.outcome, entry.result(), entry.id)


def _what(result: ApiResult) -> str:
    """A few words for what stopped the list."""
    if result.status is not None:
        return _("status {code} {name}").format(code=result.status, name=result.status_name)
    label = OUTCOME_LABELS[result.outcome]
    return f"{label}: {result.error}" if result.error else label

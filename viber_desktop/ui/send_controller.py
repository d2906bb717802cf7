"""The send flow: refuse or confirm, send once, wait, and say truthfully what came back.

The response panel always answers one send: the one the window waits for or, once an answer
is in, the last one shown. It is marked as an earlier result when the message or the profile
changes; an answer the user stopped waiting for never overwrites a newer send.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStatusBar, QWidget

from viber_desktop.core import i18n, limits
from viber_desktop.core import receivers as rules
from viber_desktop.core.body_token import BODY_TOKEN_NOTICE, strip_body_token
from viber_desktop.core.checker import check_payload
from viber_desktop.core.endpoints import endpoint_url
from viber_desktop.core.findings import CheckReport
from viber_desktop.core.jsonio import JsonInputError, parse_json
from viber_desktop.core.statuses import status_info
from viber_desktop.core.text import compact_json
from viber_desktop.services.sending import NoTokenError, SendRefused, resolve_target, send_checked
from viber_desktop.services.settings import Profile
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.document import MessageDocument

if TYPE_CHECKING:  # records made and panels built after the start (issue 16)
    from viber_desktop.core.api_result import ApiResult
    from viber_desktop.core.history_records import HistoryEntry
    from viber_desktop.ui.response_panel import ResponsePanel, SendInfo


class SendController(QObject):
    """Sends the message of ``doc`` (or a stored request) and shows it in ``response``.

    Signals:
        state_changed(): a send started or stopped being prepared or waited for.
        finished(object): the ApiResult of a send; None when refused, abandoned or failed.
        recorded(): the history changed (a send was recorded or answered).
        show_compose(): show the message: it is about to be sent, or must be seen first.
        show_response(): the response panel has something to say.
        point_at_error(): a refusal: select the first error and focus its field.
    """

    state_changed = Signal()
    finished = Signal(object)
    recorded = Signal()
    show_compose = Signal()
    show_response = Signal()
    point_at_error = Signal()

    def __init__(
        self,
        ctx: AppContext,
        doc: MessageDocument,
        response: Callable[[], ResponsePanel],
        status: QStatusBar,
        profile: Callable[[], Profile],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc = doc
        self._response = response
        self.status = status
        self.profile = profile
        self.parent_widget = parent
        self.sending = False
        """True while the window waits for an answer."""
        self._preparing = False  # checking the receiver's hourly limit before a send
        self._closed = False
        self._send_seq = 0
        self._waiting_seq: int | None = None  # the send whose answer the window waits for
        self._shown_seq: int | None = None  # the send the response panel shows
        self._send_started = 0.0
        self._shown_for: tuple[str, str] | None = None  # (message JSON, profile) shown
        self._send_status = ""  # the status-bar text of the last send, cleared when stale
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._tick_waiting)

    # --- state --------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A send is being prepared or waits for its answer."""
        return self.sending or self._preparing

    def blocked_reason(self, report: CheckReport) -> str:
        """Why Send is disabled now ("" when it is not)."""
        errors = report.errors
        if self.busy:
            return self.tr("A send is in progress.")
        if errors:
            return self.tr("Fix {count} error(s) first, e.g. {path}: {message}").format(
                count=len(errors), path=errors[0].path or "body", message=errors[0].message
            )
        if self.ctx.history is None:
            return self.ctx.history_problem or self.tr("Opening the history…")
        return ""

    def history_unavailable(self, why: str) -> None:
        """The history cannot be opened: sending stays disabled; say so once."""
        from PySide6.QtWidgets import QMessageBox

        self.state_changed.emit()
        self.status.showMessage(self.tr("History unavailable: {why}").format(why=why))
        QMessageBox.warning(
            self.parent_widget,
            self.tr("History unavailable"),
            self.tr(
                "The send history cannot be opened, so sending is disabled (every send must "
                "be recorded first).\n\n{why}"
            ).format(why=why),
        )

    def may_close(self) -> bool:
        """True unless a send waits for its answer and the user keeps the window open."""
        return (
            self._waiting_seq is None
            or self._closed
            or self._ask(
                self.tr("A message is being sent"),
                self.tr(
                    "A message is being sent and its answer has not arrived yet.\n\nClose "
                    "anyway? The history will show it as 'outcome unknown' if no answer arrives."
                ),
                self.tr("Close anyway"),
                self.tr("Keep the window open"),
            )
        )

    def close(self) -> None:
        """The window closes: late answers and checks no longer touch it."""
        self._closed = True
        self._tick.stop()

    # --- starting a send ----------------------------------------------------------------

    def _refuse_while_sending(self) -> bool:
        """True (and the status bar says why) while a send is being prepared or waits."""
        if self.busy:
            self.status.showMessage(
                self.tr(
                    "A send is already in progress: wait for its answer, or press Stop waiting."
                ),
                8000,
            )
        return self.busy

    def send(self, seen: bool) -> None:
        """Send the message once (Ctrl+Enter); ``seen``: the composer is on screen."""
        if self._refuse_while_sending():
            return
        if not seen:
            # Never send a message the user cannot see: show it first.
            self.show_compose.emit()
            self.status.showMessage(
                self.tr(
                    "Nothing was sent. This is the message Ctrl+Enter sends: check it, then "
                    "press Ctrl+Enter again."
                ),
                10_000,
            )
            return
        if self.ctx.history is None:
            self.status.showMessage(
                self.tr(
                    "Not sent: the history is not open yet (every send is recorded before it "
                    "leaves). Try again in a moment."
                ),
                8000,
            )
            return
        self._send_after_limits(self.doc.snapshot(), self.profile())

    def resend(self, entry: HistoryEntry) -> None:
        """Send a past request again, after a confirmation naming the receiver and profile."""
        from PySide6.QtWidgets import QMessageBox

        if self._refuse_while_sending():
            return
        parent = self.parent_widget
        try:
            payload = parse_json(entry.request, what=self.tr("The stored request"))
            profile = self.ctx.settings.profile(entry.profile)
            if not isinstance(payload, dict):
                raise JsonInputError(self.tr("The stored request is not a JSON object."))
        except ValueError as exc:
            QMessageBox.warning(parent, self.tr("Resend"), str(exc))
            return
        except KeyError:
            QMessageBox.warning(
                parent,
                self.tr("Resend"),
                self.tr(
                    "The profile “{profile}” no longer exists; open the entry in the composer and "
                    "send it with another profile."
                ).format(profile=entry.profile),
            )
            return
        answer = QMessageBox.question(
            parent,
            self.tr("Resend message"),
            self.tr(
                "Send this {type} message again to “{receiver}” with the profile “{profile}”?"
                "\n\nThe receiver gets it a second time."
            ).format(type=entry.type or "keyboard", receiver=entry.receiver, profile=entry.profile),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.show_compose.emit()
        self._send_after_limits(payload, profile, resend_of=entry.id)

    def _send_info(
        self, payload: dict[str, Any], profile: Profile, resend_of: int | None = None
    ) -> SendInfo:
        from viber_desktop.ui.response_panel import SANDBOX, SendInfo, answered_by

        receiver = payload.get("receiver")
        who = answered_by(profile)
        endpoint = (
            self.tr("the built-in sandbox on this computer")
            if who == SANDBOX
            else endpoint_url(profile.api_url, "send_message")
        )
        return SendInfo(
            receiver=(
                (receiver if len(receiver) <= 80 else receiver[:79] + "…")
                if isinstance(receiver, str)
                else self.tr("(not text)")
            ),
            profile=profile.name,
            who=who,
            endpoint=endpoint,
            started=datetime.now(),
            resend_of=resend_of,
        )

    def _refuse(self, report: CheckReport, info: SendInfo) -> None:
        """Payload errors: say so in the panel and the status bar, and point at the first."""
        errors = report.errors
        first = errors[0].message
        first = first[:1].upper() + first[1:]
        headline = (
            self.tr("Not sent: 1 problem must be fixed first")
            if len(errors) == 1
            else self.tr("Not sent: {count} problems must be fixed first").format(count=len(errors))
        )
        self.response.show_refused(
            headline,
            first
            + "\n"
            + self.tr(
                "The first problem is selected in the findings list and its field has the "
                "focus. Nothing left this computer."
            ),
            info,
        )
        self._remember_shown(None, info.profile)
        self._show_send_status(f"{headline} — {first}")
        self.show_response.emit()
        self.point_at_error.emit()

    def _send_after_limits(
        self, payload: dict[str, Any], profile: Profile, resend_of: int | None = None
    ) -> None:
        """Refuse a payload with errors; ask first when the receiver is at Viber's hourly
        limit; then send."""
        info = self._send_info(payload, profile, resend_of)
        report = check_payload(strip_body_token(payload)[0])
        if not report.ok:
            self._refuse(report, info)
            return
        history = self.ctx.history
        receiver = payload.get("receiver")
        if history is None or not isinstance(receiver, str):
            self._start_send(payload, profile, info)
            return
        self._preparing = True
        self.state_changed.emit()
        profile_name = profile.name

        def work() -> tuple[int, float | None, str, int | None]:
            label, level = self._book_facts(profile_name, receiver)
            return history.sent_last_hour(receiver), history.limited_until(receiver), label, level

        def done(facts: tuple[int, float | None, str, int | None]) -> None:
            self._preparing = False
            if self._closed:
                return
            self.state_changed.emit()
            count, until, label, level = facts
            sent_info = info._replace(label=label)
            question = self.limit_question(sent_info.named, count, until)
            if question and not self._ask(
                self.tr("Viber's hourly limit"),
                question,
                self.tr("Send anyway"),
                self.tr("Don't send"),
            ):
                self._declined(question.rsplit("\n\n", 1)[0], sent_info)
                return
            fit = rules.fit_problem(label or receiver, level, rules.needed_level(report, payload))
            if fit:
                question = self.tr(
                    "{fit}. {status13}.\n\nThe API level comes from the last lookup of this "
                    "receiver; Viber may have been updated since. Send anyway?"
                ).format(fit=fit, status13=i18n._(rules.STATUS_13_NOTE))
                if not self._ask(
                    self.tr("Older Viber"), question, self.tr("Send anyway"), self.tr("Don't send")
                ):
                    self._declined(f"{fit}. {i18n._(rules.STATUS_13_NOTE)}.", sent_info)
                    return
            self._start_send(payload, profile, sent_info)

        def failed(_exc: Exception) -> None:
            # The count is advice only; recording the send decides whether it may go.
            done((0, None, "", None))

        self.ctx.runner.run(work, done, failed)

    def _book_facts(self, profile: str, receiver: str) -> tuple[str, int | None]:
        """The receiver's label and looked-up API level (in a task; advice only)."""
        try:
            book = self.ctx.book_if_any()
            if book is None:
                return "", None
            found = book.get(profile, receiver)
            kept = book.cached(profile, receiver)
        except Exception:  # noqa: BLE001 - a damaged book never stops a send
            return "", None
        return (found.label if found else ""), (kept.details.api_version if kept else None)

    def _declined(self, why: str, info: SendInfo) -> None:
        """The user answered Don't send: say so in the panel and the status bar."""
        self.response.show_refused(self.tr("Not sent: you chose not to send"), why, info)
        self._remember_shown(None, info.profile)
        self.show_response.emit()
        self._show_send_status(
            self.tr("Not sent: you chose not to send to “{receiver}” now.").format(
                receiver=info.named
            )
        )

    def limit_question(self, receiver: str, count: int, until: float | None) -> str:
        """The confirmation naming Viber's rule, or "" when the receiver is not at the limit."""
        per_hour = limits.RECEIVER_MESSAGES_PER_HOUR
        rule = self.tr(
            "Viber allows {per_hour} messages an hour to one user who has not replied; more are "
            "refused with status 12 ({status})."
        ).format(per_hour=per_hour, status=status_info(12).name)
        if until is not None:
            situation = self.tr(
                "“{receiver}” answered status 12 less than an hour ago: the limit applies until "
                "about {time} (or until the user replies)."
            ).format(receiver=receiver, time=_clock(until))
        elif count >= per_hour:
            situation = self.tr("{count} messages went to “{receiver}” in the last hour.").format(
                count=count, receiver=receiver
            )
        else:
            return ""
        return f"{rule}\n\n{situation}\n\n" + self.tr(
            "This message will most likely be refused. Send it anyway?"
        )

    def _ask(self, title: str, text: str, yes: str, no: str) -> bool:
        """A question whose buttons say what they do; No is the default."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent_widget)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(yes)
        box.button(QMessageBox.StandardButton.No).setText(no)
        return box.exec() == QMessageBox.StandardButton.Yes

    # --- the send and its answer --------------------------------------------------------

    def _start_send(self, payload: dict[str, Any], profile: Profile, info: SendInfo) -> None:
        ctx = self.ctx
        history = ctx.history
        if self.sending or history is None or self._closed:
            return
        # The composer is compared with the message that leaves, not with itself now (it may
        # have been typed into while the limits were looked up); a resend keeps the composer's.
        shown = self.doc.data if info.resend_of is not None else payload
        payload, token_removed = strip_body_token(payload)
        report = check_payload(payload)
        if not report.ok:
            self._refuse(report, info)
            return
        session_token = ctx.session_tokens.get(profile.name)
        sandbox, vault = ctx.sandbox, ctx.vault
        connect_timeout = ctx.settings.connect_timeout
        read_timeout = ctx.settings.read_timeout
        self._send_seq += 1
        seq = self._send_seq
        self._waiting_seq = self._shown_seq = seq
        self._send_started = time.monotonic()
        self._set_sending(True)
        self.response.show_sending(info)  # builds the tab: its module is loaded from here on
        from viber_desktop.ui.response_panel import outcome_title  # not in the answer's handler

        if token_removed:
            self.response.add_note(i18n._(BODY_TOKEN_NOTICE))
        self._remember_shown(shown, profile.name)
        self._show_send_status(
            self.tr("Sending to “{receiver}”… waiting for an answer.").format(
                receiver=info.receiver
            )
        )
        self.show_response.emit()

        def work() -> tuple[int | None, ApiResult, str]:
            target = resolve_target(
                profile, session_token=session_token, sandbox=sandbox, vault=vault
            )
            entry_id, result = send_checked(
                payload,
                target,
                history,
                report=report,
                connect_timeout=connect_timeout,
                read_timeout=read_timeout,
            )
            return entry_id, result, endpoint_url(target.base_url, "send_message")

        def done(outcome: tuple[int | None, ApiResult, str]) -> None:
            if self._closed:
                return
            entry_id, result, endpoint = outcome
            self.recorded.emit()
            sent = info._replace(endpoint=endpoint)
            _state, icon, title = outcome_title(result.outcome, info.who)
            if seq != self._waiting_seq:
                self._late_answer(seq, result, entry_id, sent, f"{icon} {title}")
                return
            self._waiting_seq = None
            self._set_sending(False)
            self.response.show_result(result, entry_id, sent)
            if token_removed:
                self.response.add_note(i18n._(BODY_TOKEN_NOTICE))
            self.check_stale()  # the message may have been edited while it was sent
            words = self.tr("{title} — “{receiver}”, {time}").format(
                title=title, receiver=info.named, time=f"{datetime.now():%H:%M:%S}"
            )
            if result.history_error:
                words += " — " + self.tr("the history could not be updated")
            self._show_send_status(words)
            self.finished.emit(result)

        def failed(exc: Exception) -> None:
            if self._closed:
                return
            self.recorded.emit()
            if seq != self._waiting_seq:
                return
            self._waiting_seq = None
            self._set_sending(False)
            self._failed(exc, info)
            self.finished.emit(None)

        self.ctx.runner.run_detached(work, done, failed)

    def _failed(self, exc: Exception, info: SendInfo) -> None:
        if isinstance(exc, SendRefused | ValueError):
            # Raised before the request was made: the service never raises after.
            reason = str(exc)
            if isinstance(exc, NoTokenError):
                reason = self.tr(
                    "no bot token is stored for the profile “{profile}”. Press Token… "
                    "next to the profile to add it."
                ).format(profile=exc.profile)
            self.response.show_refused(self.tr("Not sent"), reason[:1].upper() + reason[1:], info)
            self._show_send_status(self.tr("Not sent: {reason}").format(reason=reason))
            return
        self.response.show_refused(
            self.tr("Send failed on this computer"),
            self.tr(
                "The app ran into a problem of its own while sending ({problem}). Open the "
                "History tab: if this send is listed as being sent or outcome unknown, the "
                "message may have been delivered, so check the receiver's chat before sending "
                "it again."
            ).format(problem=type(exc).__name__),
            info,
        )
        self._show_send_status(self.tr("Send failed on this computer: see the response"))

    def _late_answer(
        self, seq: int, result: ApiResult, entry_id: int | None, info: SendInfo, title: str
    ) -> None:
        """An answer for a send the user stopped waiting for.

        If the panel still shows that send, the true result replaces "outcome unknown" (with a
        note that it came late), so the panel never contradicts the history; otherwise only
        the status bar says it.
        """
        note = (
            self.tr("You stopped waiting; the answer arrived later, at {time}. Nothing was resent.")
        ).format(time=f"{datetime.now():%H:%M:%S}")
        if seq == self._shown_seq:
            self.response.show_result(result, entry_id, info)
            self.response.add_note(note)
            self.check_stale()
            self._show_send_status(
                self.tr("The answer to the send you stopped waiting for came: {title}").format(
                    title=title
                )
            )
        else:
            self.status.showMessage(
                self.tr("Earlier send to “{receiver}”: {title}. {note}").format(
                    receiver=info.receiver, title=title, note=note
                ),
                10_000,
            )

    def stop_waiting(self) -> None:
        """Abandon the wait: the outcome is unknown; nothing is cancelled or resent."""
        if self._waiting_seq is None:
            return
        seconds = int(time.monotonic() - self._send_started)
        self._waiting_seq = None
        self._set_sending(False)
        self.response.show_abandoned(seconds)
        self.recorded.emit()  # the entry is recorded as being sent
        self._show_send_status(
            self.tr(
                "Stopped waiting: the outcome is unknown. Check the receiver's chat before "
                "sending again."
            )
        )
        self.finished.emit(None)

    def _set_sending(self, sending: bool) -> None:
        self.sending = sending
        if sending:
            self._tick.start()
        else:
            self._tick.stop()
        self.state_changed.emit()

    def _tick_waiting(self) -> None:
        seconds = int(time.monotonic() - self._send_started)
        if self._waiting_seq is not None and self._waiting_seq == self._shown_seq:
            self.response.show_waiting(seconds)

    def _show_send_status(self, text: str) -> None:
        self._send_status = text
        self.status.showMessage(text, 15_000)

    # --- what the response panel answers ------------------------------------------------

    @property
    def response(self) -> ResponsePanel:
        """The response panel (the window builds its tab the first time it is needed)."""
        return self._response()

    def _remember_shown(self, message: dict[str, Any] | None, profile: str) -> None:
        self._shown_for = (_fingerprint(self.doc.data if message is None else message), profile)

    def check_stale(self) -> None:
        """Mark the response panel as an earlier result once the message or profile changed."""
        if self._shown_for is None or self._waiting_seq is not None:
            return
        message, profile = self._shown_for
        if profile != self.profile().name:
            reason = self.tr("The profile has changed since.")
        elif message != _fingerprint(self.doc.data):
            reason = self.tr("The message has changed since.")
        else:
            reason = None
        was_stale = self.response.stale
        self.response.set_stale(reason)
        if reason and not was_stale and self.status.currentMessage() == self._send_status:
            self.status.clearMessage()


def _fingerprint(payload: dict[str, Any]) -> str:
    try:
        return compact_json(payload)
    except (ValueError, RecursionError):  # too deep to write: compare by identity
        return f"<unwritable {id(payload)}>"


def _clock(timestamp: float) -> str:
    """HH:MM of a stored time, or a plain phrase when the stored value is absurd."""
    try:
        return datetime.fromtimestamp(timestamp).strftime("%H:%M")
    except (OverflowError, OSError, ValueError):
        return "an hour after the refusal"

"""The answer to one send: what it was for, the outcome in words, status, billing, raw body.

The panel always names the send it answers (receiver, profile, endpoint, time) and is marked
as an earlier result as soon as the composition or the profile changes, so a past "accepted"
is never read as the answer for the message now on screen.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGraphicsOpacityEffect,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core.endpoints import is_loopback_host
from viber_desktop.core.outcomes import Outcome
from viber_desktop.core.statuses import billing_info, status_info
from viber_desktop.services.settings import Profile
from viber_desktop.ui.theme import state_color

if TYPE_CHECKING:  # records made after the start (issue 16)
    from viber_desktop.core.api_result import ApiResult

SANDBOX = "the sandbox"
LOCAL_SERVER = "the local server"
VIBER = "Viber"
_DIMMED = 0.45


class SendInfo(NamedTuple):  # not a dataclass: 1-2 ms less at start (issue 16)
    """What a send was for, named above its result."""

    receiver: str
    profile: str
    who: str
    """Who answers: ``SANDBOX``, ``LOCAL_SERVER`` or ``VIBER``."""
    endpoint: str
    started: datetime
    resend_of: int | None = None
    label: str = ""
    """The receiver's label in the book ("" when it has none)."""

    @property
    def named(self) -> str:
        """``Anna, iPhone test (01234567890A=)``, or the receiver alone without a label."""
        return f"{self.label} ({self.receiver})" if self.label else self.receiver

    @property
    def clock(self) -> str:
        return self.started.strftime("%H:%M:%S")


def answered_by(profile: Profile) -> str:
    """Who answers a send with ``profile``: ``SANDBOX``, ``LOCAL_SERVER`` or ``VIBER``."""
    if profile.is_sandbox:
        return SANDBOX
    return LOCAL_SERVER if is_loopback_host(urlsplit(profile.api_url).hostname) else VIBER


_LEFT_TO_RIGHT = ("status", "message_token", "chat_hostname", "endpoint", "duration", "history")
"""Values that are codes, numbers and addresses: "6 receiverNotSubscribed", never
"receiverNotSubscribed 6", in a right-to-left window."""


def _left_to_right(label: QLabel) -> None:
    """Lay ``label``'s text out left to right (Qt's equivalent of an isolate, the text kept as it
    is), still beside its name in a right-to-left form."""
    label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    flag = Qt.AlignmentFlag
    side = flag.AlignRight if QGuiApplication.isRightToLeft() else flag.AlignLeft
    label.setAlignment(side | flag.AlignAbsolute | flag.AlignVCenter)


def _t(text: str) -> str:
    return QCoreApplication.translate("ResponsePanel", text)


def explain(result: ApiResult, who: str) -> str:
    """The core's explanation of ``result``, naming who answered when it was not Viber."""
    text = result.explanation
    if who == VIBER:
        return text
    if result.outcome == "ok":
        accepted = (
            _t("The sandbox accepted the message.")
            if who == SANDBOX
            else _t("The local server accepted the message.")
        )
        text = text.replace(status_info(0).meaning, accepted)
    where = (
        _t(
            "This answer came from the sandbox on this computer, which answers as Viber "
            "would; no phone received anything."
        )
        if who == SANDBOX
        else _t("This answer came from a server on this computer, not from Viber.")
    )
    return f"{text}\n{where}"


def outcome_title(outcome: Outcome, who: str) -> tuple[str, str, str]:
    """(state colour, icon, headline) for an outcome answered by ``who``, translated."""
    if outcome == "ok":
        accepted = {
            SANDBOX: _t("Accepted by the sandbox"),
            LOCAL_SERVER: _t("Accepted by the local server"),
        }
        return "ok", "✔", accepted.get(who) or _t("Accepted by Viber")
    if outcome == "api_error":
        refused = {
            SANDBOX: _t("Refused by the sandbox"),
            LOCAL_SERVER: _t("Refused by the local server"),
        }
        return "error", "✖", refused.get(who) or _t("Viber refused the message")
    if outcome == "not_sent":
        return "warning", "⏹", _t("Not sent: nothing left this computer")
    return "error", "⚠", _t("Outcome unknown: the message may have been delivered")


class ResponsePanel(QWidget):
    """Shows the last send's decoded result, and says when it no longer matches the message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: SendInfo | None = None
        self.sent = False
        """False while the panel shows a send that was refused before anything left."""
        self.stale = False
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setAccessibleName(self.tr("Earlier result"))
        self.banner.hide()
        self.body = QWidget()
        self.context = QLabel()
        self.context.setWordWrap(True)
        self.context.setTextFormat(Qt.TextFormat.PlainText)
        self.context.setAccessibleName(self.tr("What this result is for"))
        self.headline = QLabel(self.tr("Nothing sent yet. Press Send (Ctrl+Enter)."))
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setAccessibleName(self.tr("Send outcome"))
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setAccessibleName(self.tr("Notes on this send"))
        self.notes.hide()
        self.fields: dict[str, QLabel] = {}
        self.form = form = QFormLayout()
        for key, label in (
            ("status", self.tr("Status")),
            ("status_message", self.tr("Status message")),
            ("billing", self.tr("Billing")),
            ("message_token", self.tr("Message token")),
            ("chat_hostname", self.tr("Chat host")),
            ("endpoint", self.tr("Endpoint")),
            ("duration", self.tr("Duration")),
            ("history", self.tr("History entry")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)  # server text is never rich text
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            self.fields[key] = value
            if key in _LEFT_TO_RIGHT:
                _left_to_right(value)
            form.addRow(label + ":", value)
        self.raw_toggle = QPushButton(self.tr("Show raw response"))
        self.raw_toggle.setCheckable(True)
        self.raw_toggle.setEnabled(False)
        self.raw = QPlainTextEdit()
        self.raw.setReadOnly(True)
        self.raw.setAccessibleName(self.tr("Raw response"))
        self.raw.hide()
        self.raw_toggle.toggled.connect(self.raw.setVisible)
        inner = QVBoxLayout(self.body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.context)
        inner.addWidget(self.headline)
        inner.addWidget(self.explanation)
        inner.addWidget(self.notes)
        inner.addLayout(form)
        inner.addWidget(self.raw_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.raw, 1)
        inner.addStretch(0)
        self.dim = QGraphicsOpacityEffect(self.body)
        self.dim.setOpacity(1.0)
        self.dim.setEnabled(False)
        self.body.setGraphicsEffect(self.dim)
        # The banner stays in view; a long answer scrolls below it instead of being clipped.
        # Trap: kept as an attribute. A wrapper for the scroll area that PySide makes later (a
        # walk up parentWidget() from the body, say) can end up in a reference cycle with its
        # viewport's wrapper and be taken as Python's to delete: a garbage collection then
        # deleted the scroll area and the body with it (seen after editing, before a send).
        self.body_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)

    # --- states --------------------------------------------------------------------------

    def _start(self, info: SendInfo | None, context: str, *, sent: bool = True) -> None:
        self.info = info
        self.sent = sent
        self.set_stale(None)
        self.context.setText(context)
        self.context.setStyleSheet(f"color: {state_color('muted', self)};")
        self.explanation.clear()
        self.notes.clear()
        self.notes.hide()
        for value in self.fields.values():
            value.clear()
        self._rows("endpoint")
        self.raw.clear()
        self.raw_toggle.setChecked(False)
        self.raw_toggle.setEnabled(False)

    def _rows(self, *keys: str) -> None:
        """Show only the rows that say something in this state (all of them for a result)."""
        for key, value in self.fields.items():
            self.form.setRowVisible(value, not keys or key in keys)

    def _headline(self, text: str, state: str | None) -> None:
        self.headline.setText(text)
        self.headline.setStyleSheet(
            f"color: {state_color(state, self)}; font-weight: 700; font-size: 15px;"
            if state
            else "font-weight: 600; font-size: 15px;"
        )

    def _context(self, info: SendInfo) -> str:
        what = (
            self.tr("Resent from history entry #{id}").format(id=info.resend_of)
            if info.resend_of is not None
            else self.tr("Message")
        )
        return self.tr("{what} to “{receiver}” · profile “{profile}” · sent at {time}").format(
            what=what,
            receiver=info.named or self.tr("(no receiver)"),
            profile=info.profile,
            time=info.clock,
        )

    def show_sending(self, info: SendInfo) -> None:
        self._start(info, self._context(info))
        self._headline(self.tr("Sending to “{receiver}”…").format(receiver=info.named), None)
        self.fields["endpoint"].setText(info.endpoint)
        self.show_waiting(0)

    def show_waiting(self, seconds: int) -> None:
        self.explanation.setText(
            self.tr(
                "Waiting for an answer… {seconds} s\nThe message is sent once and never retried. "
                "Stop waiting if it takes too long: the answer is still recorded in the history."
            ).format(seconds=seconds)
        )

    def show_refused(self, headline: str, detail: str, info: SendInfo) -> None:
        """Nothing left this computer: say why (``headline``) and what to do (``detail``)."""
        context = self._context(info).replace(self.tr("sent at"), self.tr("tried at"))
        self._start(info, context, sent=False)
        self._headline("⏹ " + headline, "warning")
        self.explanation.setText(detail)
        self.fields["endpoint"].setText(info.endpoint)

    def show_result(
        self, result: ApiResult, history_id: int | None = None, info: SendInfo | None = None
    ) -> None:
        info = info or self.info
        who = info.who if info is not None else VIBER
        self._start(info, self._context(info) if info is not None else "")
        state, icon, title = outcome_title(result.outcome, who)
        self._headline(f"{icon} {title}", state)
        self.explanation.setText(self._explain(result, who))
        self._rows()
        if result.history_error:
            self.add_note(
                self.tr("History not updated: {why}").format(why=result.history_error), "error"
            )
        f = self.fields
        f["status"].setText(
            f"{result.status} {result.status_name}" if result.status is not None else "—"
        )
        f["status_message"].setText(result.status_message or result.error or "—")
        billing = billing_info(result.billing_status)
        f["billing"].setText(
            f"{billing.code} {billing.name}: {billing.meaning}" if billing else "—"
        )
        f["message_token"].setText(
            str(result.message_token) if result.message_token is not None else "—"
        )
        f["chat_hostname"].setText(result.chat_hostname or "—")
        f["endpoint"].setText(info.endpoint if info is not None else "—")
        f["duration"].setText(self.tr("{ms} ms").format(ms=f"{result.duration_ms:.0f}"))
        f["history"].setText(f"#{history_id}" if history_id else "—")
        self.raw.setPlainText(result.raw_response or "")
        self.raw_toggle.setEnabled(result.raw_response is not None)

    def _explain(self, result: ApiResult, who: str) -> str:
        return explain(result, who)

    def show_abandoned(self, seconds: int, history_id: int | None = None) -> None:
        """The user stopped waiting: the outcome is unknown, and nothing will be resent."""
        self._headline(
            "⚠ "
            + self.tr("Outcome unknown: stopped waiting after {seconds} s").format(seconds=seconds),
            "error",
        )
        self.explanation.setText(
            self.tr(
                "The request had already left this computer, so the message may have been "
                "delivered. The app stopped waiting but did not cancel or resend anything: if an "
                "answer still comes, the History tab records it. Check the receiver's chat "
                "before you send this message again."
            )
        )
        self.fields["history"].setText(f"#{history_id}" if history_id else "—")
        if history_id:
            self._rows("endpoint", "history")
        else:
            self._rows("endpoint")

    def add_note(self, text: str, state: str = "warning") -> None:
        """Add a prominent line under the headline (history not updated, token removed…)."""
        lines = [line for line in (self.notes.text(), "⚠ " + text) if line]
        self.notes.setText("\n".join(lines))
        self.notes.setStyleSheet(f"color: {state_color(state, self)}; font-weight: 600;")
        self.notes.show()

    def set_stale(self, reason: str | None) -> None:
        """Mark the panel as an earlier result (``reason`` says what changed), or as current."""
        stale = reason is not None and self.info is not None
        if stale and reason is not None and self.info is not None:
            info = self.info
            text = (
                self.tr(
                    "Earlier result — for the message as it was sent at {time} to “{receiver}” "
                    "(profile “{profile}”). {reason} It is not the answer for the message now "
                    "in the composer."
                )
                if self.sent
                else self.tr(
                    "Earlier attempt — for the message as it was at {time} to “{receiver}” "
                    "(profile “{profile}”), which was not sent. {reason}"
                )
            )
            self.banner.setText(
                text.format(
                    time=info.started.strftime("%H:%M"),
                    receiver=info.named,
                    profile=info.profile,
                    reason=reason,
                )
            )
            warn = state_color("warning", self)
            self.banner.setStyleSheet(
                f"border: 2px solid {warn}; border-radius: 4px; padding: 6px; font-weight: 600;"
            )
        self.banner.setVisible(stale)
        self.dim.setOpacity(_DIMMED if stale else 1.0)
        self.dim.setEnabled(stale)
        self.stale = stale

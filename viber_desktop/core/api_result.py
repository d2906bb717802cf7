"""The decoded result of one API call (built by ``outcomes.decode_answer``).

A plain frozen dataclass in a module of its own, loaded on first use: the window's start
makes none (issue 16), and pydantic stays off the path to its first paint.
"""

from dataclasses import dataclass
from typing import Any

from viber_desktop.core.i18n import _
from viber_desktop.core.outcomes import NOT_SENT_NOTE, UNKNOWN_WARNING, Outcome
from viber_desktop.core.statuses import billing_info, status_info


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiResult:
    """The decoded result of one API call (``dataclasses.replace`` makes a changed copy)."""

    outcome: Outcome
    status: int | None = None
    status_message: str | None = None
    message_token: int | None = None
    billing_status: int | None = None
    chat_hostname: str | None = None
    http_status: int | None = None
    raw_response: str | None = None
    error: str | None = None
    duration_ms: float = 0.0
    data: dict[str, Any] | None = None
    history_error: str | None = None
    """Set when the answer came back but the history row could not be updated."""

    @property
    def status_name(self) -> str | None:
        return None if self.status is None else status_info(self.status).name

    @property
    def billing_name(self) -> str | None:
        info = billing_info(self.billing_status)
        return info.name if info else None

    @property
    def explanation(self) -> str:
        """Plain-language meaning and advice for this result."""
        if self.outcome == "unknown":
            return f"{_(UNKNOWN_WARNING)} ({self.error})" if self.error else _(UNKNOWN_WARNING)
        if self.outcome == "not_sent":
            return f"{_(NOT_SENT_NOTE)} {self.error or ''}".strip()
        info = status_info(self.status if self.status is not None else -1)
        return f"{info.meaning} {info.advice}"

    def as_json(self) -> dict[str, Any]:
        """The shape ``viber-desktop send --json`` prints."""
        return {
            "outcome": self.outcome,
            "status": self.status,
            "status_name": self.status_name,
            "status_message": self.status_message,
            "message_token": self.message_token,
            "billing_status": self.billing_status,
            "billing_name": self.billing_name,
            "chat_hostname": self.chat_hostname,
            "explanation": self.explanation,
        }

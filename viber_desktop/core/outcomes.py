"""What a call to the Viber API ended in: one of four outcomes, decoded."""

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from viber_desktop.core.statuses import billing_info, status_info

Outcome = Literal["ok", "api_error", "not_sent", "unknown"]
OUTCOMES: tuple[Outcome, ...] = ("ok", "api_error", "not_sent", "unknown")
OUTCOME_LABELS: dict[Outcome, str] = {
    "ok": "accepted",
    "api_error": "refused",
    "not_sent": "not sent",
    "unknown": "outcome unknown",
}
"""Each outcome in the words a user reads (lists, filters, summaries); codes stay internal."""

UNKNOWN_WARNING = (
    "No valid answer came back from Viber, so the message MAY HAVE BEEN DELIVERED. "
    "Check the receiver's chat before sending it again."
)
NOT_SENT_NOTE = "The request never left this computer: nothing was delivered."


class ApiResult(BaseModel):
    """The decoded result of one API call."""

    model_config = ConfigDict(frozen=True, defer_build=True)

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
            return f"{UNKNOWN_WARNING} ({self.error})" if self.error else UNKNOWN_WARNING
        if self.outcome == "not_sent":
            return f"{NOT_SENT_NOTE} {self.error or ''}".strip()
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


def decode_answer(http_status: int, body: bytes, duration_ms: float) -> ApiResult:
    """Classify an HTTP answer: a Viber JSON answer is ok/api_error, anything else unknown.

    Parsed with the standard json module so a 64-bit message_token stays exact.
    """
    text = body.decode("utf-8", "replace")
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    status = data.get("status") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(status, int) or isinstance(status, bool):
        what = "an HTTP error page" if http_status >= 400 else "a body that is not Viber JSON"
        return ApiResult(
            outcome="unknown",
            http_status=http_status,
            raw_response=text,
            duration_ms=duration_ms,
            error=f"HTTP {http_status} with {what}",
        )
    token = data.get("message_token")
    billing = data.get("billing_status")
    message = data.get("status_message")
    host = data.get("chat_hostname")
    return ApiResult(
        outcome="ok" if status == 0 else "api_error",
        status=status,
        status_message=message if isinstance(message, str) else None,
        message_token=token if isinstance(token, int) and not isinstance(token, bool) else None,
        billing_status=_as_int(billing),
        chat_hostname=host if isinstance(host, str) else None,
        http_status=http_status,
        raw_response=text,
        duration_ms=duration_ms,
        data=data,
    )


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():  # CH-SEND types billing_status as string
        return int(value)
    return None

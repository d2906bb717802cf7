"""The history entry model and its query filter (storage lives in services/history.py)."""

import json
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from viber_desktop.core.outcomes import OUTCOME_LABELS, OUTCOMES, Outcome

State = Literal["pending", Outcome]
STATES: tuple[State, ...] = ("pending", *OUTCOMES)
STATE_LABELS: dict[State, str] = {
    "pending": "being sent",
    **{o: OUTCOME_LABELS[o] for o in OUTCOMES},
}
"""A history row's state in words: the outcome labels plus the moment before the answer."""
RESPONSE_CAP = 65_536
"""Raw response bodies are kept up to this many characters (the rest is cut and marked)."""
CRASHED_NOTE = "The app stopped before the outcome was known: the message may have been sent."


class HistoryEntry(BaseModel):
    """One recorded API call: what was sent, and what came back."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    id: int
    time: datetime
    profile: str
    api_url: str
    endpoint: str
    receiver: str
    type: str
    sender_name: str
    request: str
    bytes: int
    outcome: State
    status: int | None = None
    status_name: str | None = None
    status_message: str | None = None
    message_token: int | None = None
    billing_status: int | None = None
    chat_hostname: str | None = None
    response: str | None = None
    duration_ms: float | None = None
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The export / ``history --json`` shape; ``request`` is the body as a JSON object."""
        try:
            request: Any = json.loads(self.request)
        except ValueError:
            request = self.request
        data = self.model_dump(mode="json")
        data["time"] = self.time.isoformat()
        data["request"] = request
        data["message_token"] = self.message_token
        return data


class HistoryFilter(BaseModel):
    """What to show: every field optional; text searches the request and the response."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    profile: str | None = None
    receiver: str | None = None
    outcome: State | None = None
    type: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None

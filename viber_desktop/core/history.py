"""The history entry and its query filter (storage lives in services/history.py).

Plain frozen dataclasses: a page of the History tab builds hundreds of entries, and pydantic
stays off the path to the window's first paint.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, Literal

from viber_desktop.core.i18n import N_, Translated, _
from viber_desktop.core.outcomes import OUTCOME_LABELS, OUTCOMES, ApiResult, Outcome
from viber_desktop.core.statuses import billing_info, status_info

State = Literal["pending", Outcome]
STATES: tuple[State, ...] = ("pending", *OUTCOMES)
STATE_LABELS: Translated[State] = Translated(
    {"pending": N_("being sent"), **{o: OUTCOME_LABELS.source[o] for o in OUTCOMES}}
)
"""A history row's state in words: the outcome labels plus the moment before the answer."""
RESPONSE_CAP = 65_536
"""Raw response bodies are kept up to this many characters (the rest is cut and marked)."""
CRASHED_NOTE = N_("The app stopped before the outcome was known: the message may have been sent.")
HISTORY_NOT_UPDATED = N_(
    "The answer was received but the history could not be updated ({reason}). The entry stays "
    "'outcome unknown' in the history; the result shown here is the true one, so note it down "
    "if you need it, and do not send the message again."
)
"""``ApiResult.history_error`` when the answer came back but could not be stored."""


def unrecorded_note(result: ApiResult, reason: str) -> str:
    """The ``error`` of a row left ``unknown`` because its answer could not be stored."""
    if result.status is not None:
        try:
            code = str(result.status)
        except ValueError:  # over 4,300 digits
            code = _("(a number too long to show)")
        answer = _("status {code} {name}").format(code=code, name=status_info(result.status).name)
    elif result.error:
        answer = result.error
    else:
        answer = result.outcome.replace("_", " ")
    return _(
        "An answer came back ({answer}) but could not be written to the history ({reason}): "
        "the message may have been sent."
    ).format(answer=answer, reason=reason)


@dataclass(frozen=True, slots=True, kw_only=True)
class HistoryEntry:
    """One recorded API call: what was sent, and what came back."""

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
        data = self.as_dict()
        data["time"] = self.time.isoformat()
        data["request"] = request
        return data

    def as_dict(self) -> dict[str, Any]:
        """Every field by name, in declaration order (the CSV export's columns)."""
        return {name: getattr(self, name) for name in ENTRY_FIELDS}

    def result(self) -> ApiResult | None:
        """The recorded outcome as an ApiResult (None while it is still pending)."""
        if self.outcome == "pending":
            return None
        return ApiResult(
            outcome=self.outcome,
            status=self.status,
            status_message=self.status_message,
            message_token=self.message_token,
            billing_status=self.billing_status,
            chat_hostname=self.chat_hostname,
            raw_response=self.response,
            error=self.error,
            duration_ms=self.duration_ms or 0.0,
        )


ENTRY_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(HistoryEntry))
"""The names of :class:`HistoryEntry`'s fields, in order."""


@dataclass(frozen=True, slots=True, kw_only=True)
class HistoryFilter:
    """What to show: every field optional; text searches the request and the response."""

    profile: str | None = None
    receiver: str | None = None
    outcome: State | None = None
    type: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None


@dataclass(frozen=True)
class HistorySummary:
    """Counts for what a filter shows: by outcome, and by billing status (how many billed)."""

    total: int
    by_outcome: dict[str, int]
    """Every state in ``STATES`` (and no other), zero when absent."""
    billed: int
    """Entries whose billing status Viber charges for (``Billing.billed``)."""
    by_billing: dict[int | None, int]
    """Billing status (None: no billing status) to count, only those present."""

    @classmethod
    def from_counts(cls, rows: Iterable[tuple[str, int | None, int]]) -> "HistorySummary":
        """Build from (outcome, billing status, count) groups."""
        by_outcome: dict[str, int] = dict.fromkeys(STATES, 0)
        by_billing: dict[int | None, int] = {}
        total = billed = 0
        for outcome, billing, n in rows:
            total += n
            state = outcome if outcome in by_outcome else "unknown"  # as HistoryEntry reads it
            by_outcome[state] += n
            by_billing[billing] = by_billing.get(billing, 0) + n
            info = billing_info(billing)
            if info is not None and info.billed:
                billed += n
        return cls(total, by_outcome, billed, by_billing)

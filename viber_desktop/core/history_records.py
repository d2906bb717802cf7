"""The history's records: an entry, the History tab's filter and its summary.

Plain frozen dataclasses: a page of the History tab builds hundreds of entries, and pydantic
stays off the path to the window's first paint. Loaded on first use (issue 16).
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from viber_desktop.core.api_result import ApiResult
from viber_desktop.core.history import STATES, State
from viber_desktop.core.statuses import billing_info


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

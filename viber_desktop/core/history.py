"""A history row's states and notes (storage lives in services/history.py).

The records (:class:`HistoryEntry`, :class:`HistoryFilter`, :class:`HistorySummary`) live in
core/history_records.py, loaded on first use: the window's start reads none (issue 16);
``from viber_desktop.core.history import HistoryEntry`` still finds them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from viber_desktop.core.i18n import N_, Translated, _
from viber_desktop.core.outcomes import OUTCOME_LABELS, OUTCOMES, Outcome
from viber_desktop.core.statuses import status_info

if TYPE_CHECKING:
    from viber_desktop.core.api_result import ApiResult
    from viber_desktop.core.history_records import ENTRY_FIELDS as ENTRY_FIELDS
    from viber_desktop.core.history_records import HistoryEntry as HistoryEntry
    from viber_desktop.core.history_records import HistoryFilter as HistoryFilter
    from viber_desktop.core.history_records import HistorySummary as HistorySummary

_RECORDS = frozenset({"ENTRY_FIELDS", "HistoryEntry", "HistoryFilter", "HistorySummary"})

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


def __getattr__(name: str) -> object:
    """The records, loaded on first use (their module imports this one)."""
    if name in _RECORDS:
        from viber_desktop.core import history_records

        return getattr(history_records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

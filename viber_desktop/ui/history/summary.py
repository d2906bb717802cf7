"""One line that sums up what the history list shows: counts by outcome and by billing."""

from PySide6.QtCore import QCoreApplication

from viber_desktop.core.history import STATE_LABELS, STATES, HistorySummary
from viber_desktop.core.statuses import billing_info


def _t(text: str) -> str:
    return QCoreApplication.translate("HistorySummary", text)


def summary_line(summary: HistorySummary, filtered: bool = True) -> str:
    """ "1,204 shown: 1,100 accepted, 80 refused, 20 not sent, 4 outcome unknown · 312 billed"."""
    if summary.total == 0:
        if not filtered:
            return _t("Nothing sent yet: every send is listed here, recorded before it leaves.")
        return _t("No entries match the filter.")
    parts = [
        _t("{count} {state}").format(
            count=f"{summary.by_outcome.get(state, 0):,}", state=STATE_LABELS[state]
        )
        for state in (*STATES[1:], STATES[0])  # "being sent" last: it is rare
        if summary.by_outcome.get(state, 0)
    ]
    line = _t("{count} shown: {parts}").format(count=f"{summary.total:,}", parts=", ".join(parts))
    free = sum(
        n
        for code, n in summary.by_billing.items()
        if (info := billing_info(code)) is not None and not info.billed
    )
    if summary.billed or free:
        line += " · " + _t("{billed} billed, {free} free").format(
            billed=f"{summary.billed:,}", free=f"{free:,}"
        )
    return line


def billing_breakdown(summary: HistorySummary) -> str:
    """The count per billing status, one per line (the summary line's tooltip)."""
    lines = []
    for code, n in sorted(summary.by_billing.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)):
        info = billing_info(code)
        if code is None:
            what = _t("no billing status (refused, not sent, unknown or older answers)")
        elif info is None:
            what = _t("billing status {code} (not one this app knows)").format(code=code)
        else:
            what = f"{info.code} {info.name}: {info.meaning}"
        lines.append(f"{n:,} × {what}")
    return "\n".join(lines)

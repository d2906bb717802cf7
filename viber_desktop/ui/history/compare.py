"""Compare two history entries: both outcomes, then requests and responses as a JSON diff."""

import difflib
import html
import json
import re

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from viber_desktop.core.bidi import isolate
from viber_desktop.core.history import HistoryEntry
from viber_desktop.core.statuses import billing_info
from viber_desktop.ui.history.model import local_time, state_words

_CSS = """
table.diff { font-family: monospace; border-collapse: collapse; }
td { padding: 0 4px; color: #1d1d1f; background: #ffffff; }
th { color: #444; background: #eeeeee; }
.diff_header { background: #eeeeee; color: #555; }
.diff_next { background: #eeeeee; }
.diff_add { background: #c8f0c8; }
.diff_chg { background: #fff0a0; }
.diff_sub { background: #ffc8c8; }
table.outcomes { border-collapse: collapse; margin-bottom: 8px; }
table.outcomes th { text-align: left; padding: 2px 8px; }
table.outcomes td { padding: 2px 8px; vertical-align: top; }
"""


_NEXT_COLUMN = re.compile(r'<t[dh] class="diff_next"[^>]*>.*?</t[dh]>', re.DOTALL)


def readable(text: str | None) -> list[str]:
    """Pretty JSON lines when ``text`` is JSON (sorted keys), else its own lines."""
    if text is None:
        return ["(no response)"]
    try:
        return json.dumps(
            json.loads(text), ensure_ascii=False, indent=2, sort_keys=True
        ).splitlines()
    except ValueError:
        return text.splitlines()


def outcome_facts(entry: HistoryEntry) -> list[tuple[str, str]]:
    """What happened to one entry, in words: outcome, status, billing, time, receiver, profile."""
    status = "" if entry.status is None else f"{entry.status} {entry.status_name or ''}".strip()
    detail = entry.error or entry.status_message
    if detail:
        status = f"{status} ({detail})" if status else detail
    billing = billing_info(entry.billing_status)
    if billing is not None:
        billed = f"{billing.code} {billing.name}: {billing.meaning}"
    elif entry.billing_status is not None:
        billed = f"{entry.billing_status} (a billing status this app does not know)"
    else:
        billed = "—"
    return [
        ("Outcome", state_words(entry.outcome)),
        ("Status", status or "—"),
        ("Billing", billed),
        ("Time", local_time(entry)),
        ("Receiver", entry.receiver or "—"),
        ("Profile", entry.profile),
    ]


def _outcomes_table(a: HistoryEntry, b: HistoryEntry) -> str:
    rows = [f"<tr><th></th><th>#{a.id}</th><th>#{b.id}</th></tr>"]
    for (label, left), (_, right) in zip(outcome_facts(a), outcome_facts(b), strict=True):
        mark = "" if left == right else ' class="diff_chg"'
        cells = "".join(
            f'<td align="left"{mark}>{html.escape(isolate(v))}</td>' for v in (left, right)
        )
        rows.append(f"<tr><th>{label}</th>{cells}</tr>")
    return '<h3>Outcome</h3><table class="outcomes">' + "".join(rows) + "</table>"


def diff_html(a: HistoryEntry, b: HistoryEntry) -> str:
    """An HTML page with both outcomes, then side-by-side diffs of requests and responses."""
    maker = difflib.HtmlDiff(wrapcolumn=60)
    parts = [f"<style>{_CSS}</style>", _outcomes_table(a, b)]
    for title, left, right in (
        ("Request", a.request, b.request),
        ("Response", a.response, b.response),
    ):
        parts.append(f"<h3>{title}</h3>")
        table = maker.make_table(readable(left), readable(right), f"#{a.id}", f"#{b.id}")
        # difflib's "next change" link columns mean nothing in a dialog: drop them
        parts.append(_NEXT_COLUMN.sub("", table))
    return "".join(parts)


class CompareDialog(QDialog):
    """Shows the diff of two entries."""

    def __init__(self, a: HistoryEntry, b: HistoryEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Compare #{first} and #{second}").format(first=a.id, second=b.id)
        )
        self.view = QTextBrowser()
        self.view.setAccessibleName(self.tr("Differences"))
        self.view.setHtml(diff_html(a, b))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(1000, 650)

"""Compare two history entries: requests and responses side by side as a JSON diff."""

import difflib
import json
import re

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from viber_desktop.core.history import HistoryEntry

_CSS = """
table.diff { font-family: monospace; border-collapse: collapse; }
td { padding: 0 4px; color: #1d1d1f; background: #ffffff; }
th { color: #444; background: #eeeeee; }
.diff_header { background: #eeeeee; color: #555; }
.diff_next { background: #eeeeee; }
.diff_add { background: #c8f0c8; }
.diff_chg { background: #fff0a0; }
.diff_sub { background: #ffc8c8; }
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


def diff_html(a: HistoryEntry, b: HistoryEntry) -> str:
    """An HTML page with side-by-side diffs of the two requests and the two responses."""
    maker = difflib.HtmlDiff(wrapcolumn=60)
    parts = [f"<style>{_CSS}</style>"]
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
            self.tr("Compare #%1 and #%2").replace("%1", str(a.id)).replace("%2", str(b.id))
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

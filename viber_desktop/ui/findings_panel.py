"""The request-size meter and the findings list; activating a finding focuses its field."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import limits
from viber_desktop.core.findings import CheckReport, Finding
from viber_desktop.ui.composer.counter import counter_state
from viber_desktop.ui.theme import fix_label_size, set_fixed_text, set_style, state_color

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2


class FindingsPanel(QWidget):
    """Signals:
    focus_requested(str): the JSON pointer of the activated finding.
    """

    focus_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meter = QProgressBar()
        self.meter.setRange(0, limits.REQUEST_BYTES_MAX)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Request size"))
        self.meter.setMaximumHeight(10)
        self.size_label = QLabel()
        fix_label_size(self.size_label, "✖ 30,720 / 30,720 bytes")
        self.size_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.summary = QLabel()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Findings"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.size_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.meter)
        layout.addWidget(self.list, 1)
        self._shown: tuple[Finding, ...] | None = None
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)

    def show_report(self, report: CheckReport) -> None:
        size = report.bytes
        state = counter_state(size, limits.REQUEST_BYTES_MAX, limits.REQUEST_BYTES_WARN)
        icon = {"ok": "", "warning": "⚠ ", "error": "✖ "}[state]
        self.meter.setValue(min(size, limits.REQUEST_BYTES_MAX))
        color = state_color(state, self)
        set_style(self.meter, f"QProgressBar::chunk {{ background: {color}; }}")
        set_fixed_text(
            self.size_label,
            self.tr("%1%2 / %3 bytes")
            .replace("%1", icon)
            .replace("%2", f"{size:,}")
            .replace("%3", f"{limits.REQUEST_BYTES_MAX:,}"),
        )
        set_style(
            self.size_label, f"color: {state_color(state if state != 'ok' else 'muted', self)};"
        )
        self.meter.setToolTip(
            self.tr("Compact UTF-8 JSON body; warning above %1 bytes").replace(
                "%1", f"{limits.REQUEST_BYTES_WARN:,}"
            )
        )
        n_err, n_warn = len(report.errors), len(report.warnings)
        if n_err:
            text, tone = (
                self.tr("✖ %1 error(s), %2 warning(s): cannot send")
                .replace("%1", str(n_err))
                .replace("%2", str(n_warn)),
                "error",
            )
        elif n_warn:
            text, tone = self.tr("⚠ %1 warning(s): can send").replace("%1", str(n_warn)), "warning"
        else:
            text, tone = self.tr("✔ Ready to send"), "ok"
        self.summary.setText(text)
        set_style(self.summary, f"color: {state_color(tone, self)}; font-weight: 600;")
        if report.findings == self._shown:
            return
        self._shown = report.findings
        self.list.clear()
        if not report.findings:
            item = QListWidgetItem(self.tr("No findings: the message passes every check."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        ordered = sorted(report.findings, key=lambda f: f.severity != "error")
        for f in ordered:
            mark = "✖" if f.severity == "error" else "⚠"
            where = f.path or self.tr("(whole body)")
            # U+200E keeps JSON pointers readable in a right-to-left layout
            item = QListWidgetItem(f"{mark} \u200e{where}: {f.message}")
            item.setData(PATH_ROLE, f.path)
            item.setData(SEVERITY_ROLE, f.severity)
            item.setForeground(QBrush(QColor(state_color(f.severity, self))))
            item.setToolTip(f"{f.code}" + (f" ({f.used} / {f.limit})" if f.limit else ""))
            self.list.addItem(item)

    def select_first_error(self) -> str | None:
        """Select and scroll to the first error; return its JSON pointer (None: no error)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(SEVERITY_ROLE) == "error":
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return str(item.data(PATH_ROLE))
        return None

    def _activated(self, item: QListWidgetItem) -> None:
        self.focus_requested.emit(str(item.data(PATH_ROLE)))

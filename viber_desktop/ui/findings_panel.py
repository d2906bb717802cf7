"""The request-size meter and the findings list; activating a finding focuses its field, and a
finding's fixes are one click (or Ctrl+.) away."""

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFocusEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import limits
from viber_desktop.core.bidi import isolate, ltr
from viber_desktop.core.findings import CheckReport, Finding, Fix
from viber_desktop.core.i18n import number
from viber_desktop.ui.composer.counter import counter_state
from viber_desktop.ui.fix_row import FixRow
from viber_desktop.ui.theme import fix_label_size, set_fixed_text, set_style, state_color

GROW_UP_TO = 8
"""The findings pane grows to show this many findings (then the list scrolls)."""
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2


class FindingsPanel(QWidget):
    """Signals:
    focus_requested(str): the JSON pointer of the activated finding.
    fix_requested(object): the :class:`Fix` the user chose.
    """

    focus_requested = Signal(str)
    fix_requested = Signal(object)

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
        self.summary.setWordWrap(True)  # a long summary (Ukrainian) must not widen the pane
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Findings"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # At least four one-line findings stay in view however small the window.
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 4 + 12)
        # A long finding wraps; it must not widen the pane (the composer would jump).
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustIgnored)
        self.fix_btn = QToolButton()
        self.fix_btn.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.fix_btn.setAccessibleName(self.tr("Fix the selected finding"))
        self.fix_menu = QMenu(self)
        self.fix_hint = QLabel()
        self.fix_hint.setWordWrap(True)
        self.fix_hint.setEnabled(False)
        quick = QAction(self.tr("Fix"), self.list)
        quick.setShortcut(QKeySequence("Ctrl+."))
        # Window-wide: a click on a finding puts the focus in its field; Ctrl+. still fixes it.
        quick.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        quick.triggered.connect(self.apply_first_fix)
        self.list.addAction(quick)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.size_label)
        self.fix_row = FixRow(self.fix_btn, self.fix_hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.meter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.fix_row)
        self._shown: tuple[Finding, ...] | None = None
        self._user_sized = False  # the user dragged the splitter: their size stays
        self._splitter: QSplitter | None = None
        self._findings: list[Finding] = []
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.list.installEventFilter(self)
        self.list.currentRowChanged.connect(self._show_fixes)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.fix_btn.clicked.connect(self.apply_first_fix)
        self._show_fixes(-1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab into the list selects its current finding (the first when none): the row
        Enter acts on is then marked plainly, not by Qt's faint current-row frame."""
        if (
            watched is self.list
            and event.type() == QEvent.Type.FocusIn
            and isinstance(event, QFocusEvent)
            and event.reason() != Qt.FocusReason.MouseFocusReason
            and self.list.count()
            and not self.list.selectedItems()
        ):
            self.list.setCurrentRow(max(self.list.currentRow(), 0))
        return super().eventFilter(watched, event)

    def show_report(self, report: CheckReport) -> None:
        size = report.bytes
        state = counter_state(size, limits.REQUEST_BYTES_MAX, limits.REQUEST_BYTES_WARN)
        icon = {"ok": "", "warning": "⚠ ", "error": "✖ "}[state]
        self.meter.setValue(min(size, limits.REQUEST_BYTES_MAX))
        color = state_color(state, self)
        set_style(self.meter, f"QProgressBar::chunk {{ background: {color}; }}")
        set_fixed_text(
            self.size_label,
            icon
            + self.tr("{used} / {limit} bytes").format(
                used=number(size), limit=number(limits.REQUEST_BYTES_MAX)
            ),
        )
        set_style(
            self.size_label, f"color: {state_color(state if state != 'ok' else 'muted', self)};"
        )
        self.meter.setToolTip(
            self.tr("Compact UTF-8 JSON body; warning above {limit} bytes").format(
                limit=number(limits.REQUEST_BYTES_WARN)
            )
        )
        n_err, n_warn = len(report.errors), len(report.warnings)
        if n_err:
            text, tone = (
                self.tr("✖ {errors}, {warnings}: cannot send").format(
                    errors=self.tr("%n error(s)", "", n_err),
                    warnings=self.tr("%n warning(s)", "", n_warn),
                ),
                "error",
            )
        elif n_warn:
            text = self.tr("⚠ {warnings}: can send").format(
                warnings=self.tr("%n warning(s)", "", n_warn)
            )
            tone = "warning"
        else:
            text, tone = self.tr("✔ Ready to send"), "ok"
        self.summary.setText(text)
        set_style(self.summary, f"color: {state_color(tone, self)}; font-weight: 600;")
        if report.findings == self._shown:
            return
        self._shown = report.findings
        ordered = sorted(report.findings, key=lambda f: f.severity != "error")
        if self._same_rows(ordered):
            self._update_rows(ordered)
            return
        current = self.current_finding()
        was = (current.code, current.path) if current is not None else None
        self.list.blockSignals(True)
        self.list.clear()
        if not report.findings:
            item = QListWidgetItem(self.tr("No findings: the message passes every check."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not selectable
            self.list.addItem(item)
        self._findings = ordered
        for f in ordered:
            item = QListWidgetItem(self._row_text(f))
            item.setData(PATH_ROLE, f.path)
            item.setData(SEVERITY_ROLE, f.severity)
            # Start-up: a QColor, not QBrush(QColor): QBrush's constructors make QGradient's
            # enums (169 presets, 2-3 ms); the item converts it to the same solid brush.
            item.setForeground(QColor(state_color(f.severity, self)))
            item.setToolTip(self._row_tip(f))
            self.list.addItem(item)
        # Keep the selection on the same finding, else offer the first one with a fix.
        row = next(
            (i for i, f in enumerate(ordered) if (f.code, f.path) == was),
            next((i for i, f in enumerate(ordered) if f.fixes), -1),
        )
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._show_fixes(row)
        self.fit_rows()

    def _row_text(self, f: Finding) -> str:
        mark = "✖" if f.severity == "error" else "⚠"
        where = ltr(f.path) if f.path else isolate(self.tr("(whole body)"))
        return f"{mark} {where}: {isolate(f.message)}"

    def _row_tip(self, f: Finding) -> str:
        tip = f"{f.code}" + (f" ({f.used} / {f.limit})" if f.limit else "")
        if f.fixes:
            tip += "\n" + self.tr("Fix (Ctrl+.): {fix}").format(fix=f.fixes[0].label)
        return tip

    def _same_rows(self, ordered: list[Finding]) -> bool:
        """Whether ``ordered`` are the findings shown, only their numbers changed (a key in an
        over-long text): then the rows are updated in place instead of rebuilt."""
        return (
            bool(ordered)
            and len(ordered) == len(self._findings) == self.list.count()
            and [_row_key(f) for f in ordered] == [_row_key(f) for f in self._findings]
        )

    def _update_rows(self, ordered: list[Finding]) -> None:
        self._findings = ordered
        grown = False
        for i, f in enumerate(ordered):
            item = self.list.item(i)
            text = self._row_text(f)
            if item.text() != text:
                grown = grown or len(text) > len(item.text())
                item.setText(text)
            item.setToolTip(self._row_tip(f))
        self._show_fixes(self.list.currentRow())  # the fixes carry the new text
        if grown:
            self.fit_rows()  # a longer row may wrap to one more line

    def fit_rows(self) -> None:
        """Make room for the findings, up to GROW_UP_TO rows, with height from the pane above
        in the splitter. Never shrinks (no jump when the message turns valid) and leaves a
        size the user dragged alone."""
        splitter = self.parentWidget()
        if not isinstance(splitter, QSplitter) or not self.isVisible():
            return
        if self._splitter is not splitter:
            self._splitter = splitter
            splitter.splitterMoved.connect(self._dragged)
        if self._user_sized:
            return
        self.list.doItemsLayout()  # wrapped rows: their real height, not one line's
        rows = min(self.list.count(), GROW_UP_TO)
        wanted = sum(self.list.visualItemRect(self.list.item(i)).height() for i in range(rows))
        # Not viewport(): handing Qt's private viewport class to Python makes shiboken create
        # every lazy Qt class to name it (15-20 ms before the first paint; issue 16). With no
        # horizontal scroll bar, the viewport is exactly this tall.
        extra = wanted + 2 * self.list.frameWidth() - self.list.maximumViewportSize().height()
        here = splitter.indexOf(self)
        if extra <= 0 or here < 1:
            return
        sizes = splitter.sizes()
        above = splitter.widget(here - 1)
        room = sizes[here - 1] - (above.minimumSizeHint().height() if above else 0)
        give = min(extra, room)
        if give > 0:
            sizes[here - 1] -= give
            sizes[here] += give
            splitter.setSizes(sizes)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.fit_rows)  # findings shown before the window was

    def _dragged(self) -> None:
        self._user_sized = True

    def current_finding(self) -> Finding | None:
        row = self.list.currentRow()
        return self._findings[row] if 0 <= row < len(self._findings) else None

    def apply_first_fix(self) -> None:
        """Apply the recommended fix of the selected finding."""
        finding = self.current_finding()
        if finding is not None and finding.fixes:
            self.fix_requested.emit(finding.fixes[0])

    def _show_fixes(self, row: int) -> None:
        finding = self._findings[row] if 0 <= row < len(self._findings) else None
        fixes = finding.fixes if finding is not None else ()
        self.fix_btn.setEnabled(bool(fixes))
        self.fix_menu.clear()
        if fixes:
            self.fix_btn.setText(self.tr("Fix: {fix}").format(fix=isolate(_short(fixes[0].label))))
            self.fix_btn.setToolTip(fixes[0].label)
            self.fix_hint.setText(
                self.tr("{count} other ways to fix it: see the arrow.").format(count=len(fixes) - 1)
                if len(fixes) > 2
                else self.tr("Or: {fix}").format(fix=isolate(fixes[1].label))
                if len(fixes) == 2
                else ""
            )
            for fix in fixes:
                self._add_fix(self.fix_menu, fix)
            several = len(fixes) > 1
            self.fix_btn.setMenu(self.fix_menu if several else None)  # type: ignore[arg-type]
            self.fix_btn.setPopupMode(
                QToolButton.ToolButtonPopupMode.MenuButtonPopup
                if several
                else QToolButton.ToolButtonPopupMode.DelayedPopup
            )
        else:
            self.fix_btn.setText(self.tr("Fix"))
            self.fix_btn.setToolTip("")
            self.fix_btn.setMenu(None)  # type: ignore[arg-type]
            self.fix_btn.setPopupMode(QToolButton.ToolButtonPopupMode.DelayedPopup)
            self.fix_hint.setText(
                self.tr("This finding has no automatic fix: change the field yourself.")
                if finding is not None
                else ""
            )

    def _add_fix(self, menu: QMenu, fix: Fix) -> None:
        action = menu.addAction(fix.label)
        action.triggered.connect(lambda: self.fix_requested.emit(fix))

    def _context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        self.list.setCurrentItem(item)
        finding = self.current_finding()
        if finding is None:
            return
        menu = QMenu(self)
        for fix in finding.fixes:
            self._add_fix(menu, fix)
        if finding.fixes:
            menu.addSeparator()
        go = menu.addAction(self.tr("Go to the field"))
        go.triggered.connect(lambda: self.focus_requested.emit(finding.path))
        menu.exec(self.list.viewport().mapToGlobal(pos))

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
        path = item.data(PATH_ROLE)
        if isinstance(path, str):  # not the "No findings" row
            self.focus_requested.emit(path)


def _row_key(f: Finding) -> tuple[str, str, str, bool]:
    """What a row is, apart from the numbers in its text."""
    return f.code, f.path, f.severity, bool(f.fixes)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

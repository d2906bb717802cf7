"""The check of the message as it is typed: at once, or after a short pause when it is slow."""

import time

from PySide6.QtCore import QObject, QTimer, Signal

from viber_desktop.core.checker import check_payload
from viber_desktop.core.findings import CheckReport
from viber_desktop.ui.document import MessageDocument

SLOW_CHECK_S = 0.002
"""A check slower than this (a big carousel, a long text) waits for a pause in typing, so a
keystroke stays well inside a frame; counters do not wait (they read the document), and other
changes (a click, a fix, an undo) are checked at once. The time counts the check and showing
it (findings, hints, Send): at 7,000 characters showing cost as much as checking. Checks stay
slow until one takes under half this: a check near the line ran in every other key."""
PAUSE_MS = 60


class LiveCheck(QObject):
    """Checks ``doc`` once per change (or per burst of typing when checks are slow).

    Signals:
        checked(object): the new CheckReport.
    """

    checked = Signal(object)

    def __init__(self, doc: MessageDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._report = check_payload(doc.data)
        self.slow = False
        """Checks wait for a pause in typing."""
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.run)

    @property
    def report(self) -> CheckReport:
        """The check of the message as it is now (a waiting check runs first)."""
        self.flush()
        return self._report

    def flush(self) -> None:
        """Run now a check that waits for a pause in typing (and show it)."""
        if self._timer.isActive():
            self.run()

    def changed(self) -> None:
        if self.slow and self.doc.typed:  # a click, a fix or an undo is checked at once
            self._timer.start()
        else:
            self.run()

    def run(self) -> None:
        self._timer.stop()
        start = time.perf_counter()
        self._report = check_payload(self.doc.data)
        self.checked.emit(self._report)
        cost = time.perf_counter() - start
        self.slow = cost > SLOW_CHECK_S or (self.slow and cost > SLOW_CHECK_S / 2)

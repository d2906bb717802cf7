"""Autosave of the message being composed: the draft is read at start, written after edits."""

from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStatusBar

from viber_desktop.services.drafts import load_draft, save_draft
from viber_desktop.services.paths import data_dir_problem
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.tasks import TaskRunner


class DraftKeeper(QObject):
    """Saves ``doc`` on a pool thread shortly after each change; problems go to ``status``."""

    def __init__(
        self, doc: MessageDocument, runner: TaskRunner, status: QStatusBar, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.runner = runner
        self.status = status
        self._failed = False  # the user was told the draft cannot be saved
        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(self.save)
        doc.changed.connect(self._timer.start)

    def load(self) -> dict[str, Any] | None:
        """The saved draft, or None (a problem reading it is said in the status bar)."""
        draft, problem = load_draft()
        if problem:
            self.status.showMessage(problem)
        return draft

    def save(self) -> None:
        """Autosave now; a failure is said once (until a save works again)."""
        self._timer.stop()
        payload = self.doc.snapshot()

        def saved(_: object) -> None:
            self._failed = False

        def failed(exc: Exception) -> None:
            if self._failed or data_dir_problem():  # the data-folder warning says it
                return
            self._failed = True
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.status.showMessage(
                self.tr(
                    "The draft could not be saved ({reason}); your message is only in the window."
                ).format(reason=reason)
            )

        self.runner.run(lambda: save_draft(payload), saved, failed)

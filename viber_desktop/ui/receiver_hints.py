"""What the history knows about receivers: completion, and the count sent this hour."""

from PySide6.QtCore import QObject, QTimer

from viber_desktop.core import limits
from viber_desktop.ui.composer.composer_widget import ComposerWidget
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.theme import state_color


class ReceiverHints(QObject):
    """Fills the composer's receiver completion and, shortly after typing, its rate label."""

    def __init__(self, ctx: AppContext, composer: ComposerWidget) -> None:
        super().__init__(composer)
        self.ctx = ctx
        self.composer = composer
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.refresh_rate)
        composer.receiver.textChanged.connect(self._timer.start)

    def refresh(self) -> None:
        """The history changed: the known receivers and this receiver's count."""
        self.refresh_rate()
        history = self.ctx.history
        if history is not None:
            self.ctx.runner.run(lambda: history.receivers(), self.composer.set_receivers)

    def refresh_rate(self) -> None:
        history = self.ctx.history
        field, label = self.composer.receiver, self.composer.rate_label
        receiver = field.text()
        if history is None or not receiver:
            label.clear()
            return

        def work() -> tuple[int, float | None]:
            return history.sent_last_hour(receiver), history.limited_until(receiver)

        def done(result: tuple[int, float | None]) -> None:
            if receiver != field.text():
                return
            count, until = result
            if until is not None:
                label.setText("✖ " + self.tr("limited (status 12)"))
                tone = "error"
            else:
                warn = count >= limits.RECEIVER_WARN_FROM
                label.setText(
                    ("⚠ " if warn else "")
                    + self.tr("{count} of {limit} this hour").format(
                        count=count, limit=limits.RECEIVER_MESSAGES_PER_HOUR
                    )
                )
                tone = "warning" if warn else "muted"
            label.setStyleSheet(f"color: {state_color(tone, label)};")

        self.ctx.runner.run(work, done)

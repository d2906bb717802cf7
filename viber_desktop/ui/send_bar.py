"""Send, and while a send waits for its answer: a busy bar and Stop waiting."""

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget


class SendBar(QWidget):
    """The Send button, the busy bar and Stop waiting (shown only while a send waits)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.send_btn = QPushButton(self.tr("&Send"))
        self.send_btn.setAccessibleName(self.tr("Send message"))
        # Not a "default" button: in a main window that only draws a frame like the focus
        # ring, so two widgets looked focused. Bold says it is the main action instead.
        font = self.send_btn.font()
        font.setBold(True)
        self.send_btn.setFont(font)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setAccessibleName(self.tr("Sending"))
        self.stop_btn = QPushButton(self.tr("Stop waiting"))
        self.stop_btn.setAccessibleName(self.tr("Stop waiting for the answer"))
        self.stop_btn.setToolTip(
            self.tr(
                "Stop waiting for the answer. Nothing is cancelled or resent: the message may "
                "still be delivered, and the history records the answer if it comes."
            )
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.busy, self.stop_btn, self.send_btn):
            layout.addWidget(widget)
        self.show_state(sending=False, blocked="")

    def show_state(self, *, sending: bool, blocked: str) -> None:
        """``sending``: a send waits for its answer; ``blocked``: why Send is disabled."""
        self.busy.setVisible(sending)
        self.stop_btn.setVisible(sending)
        self.send_btn.setText(self.tr("Sending…") if sending else self.tr("&Send"))
        self.send_btn.setEnabled(not blocked)
        self.send_btn.setToolTip(blocked or self.tr("Send once (Ctrl+Enter); never retried"))

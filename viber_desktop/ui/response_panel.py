"""The decoded answer: outcome, status, meaning and advice, billing, token, raw body."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.statuses import billing_info
from viber_desktop.ui.theme import state_color

_OUTCOME = {
    "ok": ("ok", "✔", "Accepted by Viber"),
    "api_error": ("error", "✖", "Viber refused the message"),
    "not_sent": ("warning", "⏹", "Not sent"),
    "unknown": ("error", "⚠", "Outcome unknown: the message may have been delivered"),
}


class ResponsePanel(QWidget):
    """Shows the last send's decoded result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = QLabel(self.tr("Nothing sent yet. Press Send (Ctrl+Enter)."))
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName(self.tr("Send outcome"))
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("status", self.tr("Status")),
            ("status_message", self.tr("Status message")),
            ("billing", self.tr("Billing")),
            ("message_token", self.tr("Message token")),
            ("chat_hostname", self.tr("Chat host")),
            ("duration", self.tr("Duration")),
            ("history", self.tr("History entry")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)  # server text is never rich text
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            self.fields[key] = value
            form.addRow(label + ":", value)
        self.raw_toggle = QPushButton(self.tr("Show raw response"))
        self.raw_toggle.setCheckable(True)
        self.raw_toggle.setEnabled(False)
        self.raw = QPlainTextEdit()
        self.raw.setReadOnly(True)
        self.raw.setAccessibleName(self.tr("Raw response"))
        self.raw.hide()
        self.raw_toggle.toggled.connect(self.raw.setVisible)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.raw_toggle)
        layout.addWidget(self.raw, 1)
        layout.addStretch(0)

    def show_sending(self, receiver: str) -> None:
        self.headline.setText(self.tr("Sending to %1…").replace("%1", receiver))
        self.headline.setStyleSheet("")
        self.explanation.clear()
        for value in self.fields.values():
            value.clear()

    def show_refused(self, reason: str) -> None:
        self.headline.setText("⏹ " + self.tr("Not sent"))
        self.headline.setStyleSheet(f"color: {state_color('warning', self)}; font-weight: 600;")
        self.explanation.setText(reason)

    def show_result(self, result: ApiResult, history_id: int | None = None) -> None:
        state, icon, title = _OUTCOME[result.outcome]
        self.headline.setText(f"{icon} {self.tr(title)}")
        self.headline.setStyleSheet(
            f"color: {state_color(state, self)}; font-weight: 700; font-size: 15px;"
        )
        self.explanation.setText(result.explanation)
        f = self.fields
        f["status"].setText(
            f"{result.status} {result.status_name}" if result.status is not None else "—"
        )
        f["status_message"].setText(result.status_message or result.error or "—")
        billing = billing_info(result.billing_status)
        f["billing"].setText(
            f"{billing.code} {billing.name}: {billing.meaning}" if billing else "—"
        )
        f["message_token"].setText(
            str(result.message_token) if result.message_token is not None else "—"
        )
        f["chat_hostname"].setText(result.chat_hostname or "—")
        f["duration"].setText(f"{result.duration_ms:.0f} ms")
        f["history"].setText(f"#{history_id}" if history_id else "—")
        self.raw.setPlainText(result.raw_response or "")
        self.raw_toggle.setEnabled(result.raw_response is not None)

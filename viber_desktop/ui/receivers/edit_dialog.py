"""Add a receiver to the book, or edit its label, notes and tags."""

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import receivers as rules
from viber_desktop.core.receiver_records import Receiver
from viber_desktop.ui.theme import state_color


@dataclass(frozen=True)
class Entry:
    """What the user typed, checked against the book's rules."""

    id: str
    label: str
    notes: str
    tags: list[str]


class ReceiverEditDialog(QDialog):
    """One receiver's fields; OK only when every field follows the book's rules."""

    def __init__(self, receiver: Receiver | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        editing = receiver is not None and bool(receiver.label or receiver.notes or receiver.tags)
        self.setWindowTitle(self.tr("Edit receiver") if editing else self.tr("Add receiver"))
        self.receiver_id = QLineEdit(receiver.id if receiver else "")
        self.receiver_id.setPlaceholderText(self.tr("e.g. 01234567890A="))
        self.receiver_id.setReadOnly(editing)
        self.label = QLineEdit(receiver.label if receiver else "")
        self.label.setMaxLength(rules.LABEL_MAX)
        self.label.setPlaceholderText(self.tr("e.g. Anna, iPhone test"))
        self.notes = QPlainTextEdit(receiver.notes if receiver else "")
        self.notes.setFixedHeight(80)
        self.tags = QLineEdit("; ".join(receiver.tags) if receiver else "")
        self.tags.setPlaceholderText(self.tr("e.g. QA; iPhone (separate with ;)"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {state_color('error', self)};")
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("Receiver &ID"), self.receiver_id)
        form.addRow(self.tr("&Label"), self.label)
        form.addRow(self.tr("&Notes"), self.notes)
        form.addRow(self.tr("&Tags"), self.tags)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        (self.label if receiver else self.receiver_id).setFocus()

    def entry(self) -> Entry:
        return Entry(
            self.receiver_id.text().strip(),
            " ".join(self.label.text().split()),
            self.notes.toPlainText().strip(),
            rules.split_names(self.tags.text()),
        )

    def first_problem(self) -> str | None:
        e = self.entry()
        return (
            rules.receiver_id_problem(e.id)
            or rules.label_problem(e.label)
            or rules.notes_problem(e.notes)
            or rules.tags_problem(e.tags)
        )

    def accept(self) -> None:
        problem = self.first_problem()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        super().accept()

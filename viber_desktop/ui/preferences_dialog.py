"""Preferences: how long a send waits to connect and for the answer (stored in settings)."""

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.services.settings import TIMEOUT_BOUNDS, Settings
from viber_desktop.ui.theme import state_color


def timeout_bounds(field: str) -> tuple[float, float]:
    """(more than, at most) seconds for a timeout, as the settings define them."""
    return TIMEOUT_BOUNDS.get(field, (0.0, math.inf))


def parse_seconds(text: str, what: str, field: str) -> tuple[float | None, str | None]:
    """Read a number of seconds typed by the user: (value, None) or (None, plain problem)."""
    low, high = timeout_bounds(field)
    rule = f"a number of seconds above {low:g} and at most {high:g}"
    cleaned = text.strip().removesuffix("s").strip().replace(",", ".")
    if not cleaned:
        return None, f"Enter the {what}: {rule}."
    try:
        value = float(cleaned)
    except ValueError:
        return None, f"The {what} “{text.strip()[:40]}” is not a number: enter {rule}, e.g. 20."
    if not math.isfinite(value) or value <= low or value > high:
        return None, f"The {what} must be {rule}; {cleaned[:40]} is outside that range."
    return value, None


class PreferencesDialog(QDialog):
    """Edits the connect and read timeouts of ``settings``; ``accept`` stores the new values."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        intro = QLabel(
            self.tr(
                "How long a send waits. A send is never retried: when the answer does not come "
                "in time, the outcome is unknown and the message may have been delivered."
            )
        )
        intro.setWordWrap(True)
        self.connect_edit = QLineEdit(f"{settings.connect_timeout:g}")
        self.connect_edit.setAccessibleName(self.tr("Connect timeout in seconds"))
        self.read_edit = QLineEdit(f"{settings.read_timeout:g}")
        self.read_edit.setAccessibleName(self.tr("Answer timeout in seconds"))
        form = QFormLayout()
        c_low, c_high = timeout_bounds("connect_timeout")
        r_low, r_high = timeout_bounds("read_timeout")
        self.connect_edit.setToolTip(
            self.tr(
                "How long to try to reach the server ({low} to {high} s). Nothing is sent before."
            ).format(low=f"{c_low:g}", high=f"{c_high:g}")
        )
        self.read_edit.setToolTip(
            self.tr(
                "How long to wait for the answer once the message has left ({low} to {high} s)."
            ).format(low=f"{r_low:g}", high=f"{r_high:g}")
        )
        connect_label = QLabel(self.tr("&Connect timeout (s):"))
        connect_label.setBuddy(self.connect_edit)
        read_label = QLabel(self.tr("&Answer timeout (s):"))
        read_label.setBuddy(self.read_edit)
        form.addRow(connect_label, self.connect_edit)
        form.addRow(read_label, self.read_edit)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.setStyleSheet(f"color: {state_color('error', self)}; font-weight: 600;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def accept(self) -> None:
        connect, problem = parse_seconds(
            self.connect_edit.text(), self.tr("connect timeout"), "connect_timeout"
        )
        if problem is None:
            read, problem = parse_seconds(
                self.read_edit.text(), self.tr("answer timeout"), "read_timeout"
            )
        else:
            read = None
        if problem is not None or connect is None or read is None:
            self.problem.setText(problem or "")
            self.problem.show()
            self.adjustSize()  # room for the wrapped problem text, never clipped
            (self.connect_edit if connect is None else self.read_edit).setFocus()
            return
        self.settings.connect_timeout = connect
        self.settings.read_timeout = read
        super().accept()

"""Templates: list, open, rename and delete saved compositions."""

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core.bidi import isolate, ltr
from viber_desktop.services.templates import TemplateError, TemplateStore

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class ElidedLabel(QLabel):
    """One line of text (a path) that gives up width: "…" in the middle when too long."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("…" * 8))
        self.setText(ltr(text))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        shown = self.fontMetrics().elidedText(
            self.full, Qt.TextElideMode.ElideMiddle, max(self.width(), 0)
        )
        self.setText(ltr(shown))


class TemplatesDialog(QDialog):
    """After ``exec()``, ``payload`` holds the opened template (or None) and ``notice`` what
    the user must be told about it (a bot token was removed), or None."""

    def __init__(self, store: TemplateStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.payload: dict[str, Any] | None = None
        self.notice: str | None = None
        self._names: list[str] = []  # the real names (a list item cannot hold a lone surrogate)
        self.setWindowTitle(self.tr("Templates"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Templates"))
        self.open_btn = QPushButton(self.tr("&Open"))
        self.rename_btn = QPushButton(isolate(self.tr("&Rename…")))
        self.delete_btn = QPushButton(isolate(self.tr("&Delete…")))
        close = QPushButton(self.tr("&Close"))
        buttons = QHBoxLayout()
        for b in (self.open_btn, self.rename_btn, self.delete_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        about = QLabel(
            self.tr("Templates are payload files; 'viber-desktop check' reads them as they are.")
        )
        about.setWordWrap(True)
        # A long folder must not stretch the dialog: elided in the middle, whole in the tooltip.
        self.folder = ElidedLabel(str(store.folder))
        self.folder.setToolTip(str(store.folder))
        self.folder.setAccessibleName(self.tr("Templates folder"))
        layout.addWidget(about)
        layout.addWidget(self.folder)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.open_btn.clicked.connect(self.open_selected)
        self.rename_btn.clicked.connect(self.rename_selected)
        self.delete_btn.clicked.connect(self.delete_selected)
        self.list.itemActivated.connect(lambda _: self.open_selected())
        self.list.currentRowChanged.connect(self._update)
        close.clicked.connect(self.reject)
        self.reload()
        self.resize(480, 360)

    def reload(self) -> None:
        self.list.clear()
        self._names = self.store.names()
        self.list.addItems([_LONE_SURROGATE.sub("\ufffd", name) for name in self._names])
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def _name(self) -> str | None:
        row = self.list.currentRow()
        return self._names[row] if 0 <= row < len(self._names) else None

    def _update(self) -> None:
        has = self._name() is not None
        for b in (self.open_btn, self.rename_btn, self.delete_btn):
            b.setEnabled(has)

    def open_selected(self) -> None:
        name = self._name()
        if name is None:
            return
        try:
            self.payload, self.notice = self.store.open(name)
        except TemplateError as exc:
            QMessageBox.warning(self, self.tr("Templates"), str(exc))
            return
        self.accept()

    def rename_selected(self) -> None:
        name = self._name()
        if name is None:
            return
        new, ok = QInputDialog.getText(
            self, self.tr("Rename template"), self.tr("New name:"), text=name
        )
        if ok and new.strip() and new.strip() != name:
            try:
                self.store.rename(name, new.strip())
            except TemplateError as exc:
                QMessageBox.warning(self, self.tr("Templates"), str(exc))
            self.reload()

    def delete_selected(self) -> None:
        name = self._name()
        if name is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete template"),
            self.tr("Delete the template “{name}”?").format(
                name=_LONE_SURROGATE.sub("\ufffd", name)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.store.delete(name)
            except TemplateError as exc:
                QMessageBox.warning(self, self.tr("Templates"), str(exc))
            self.reload()

"""Fields no form edits (undocumented keys anywhere in the message), shown, edited as JSON and
removable, so nothing in the message is invisible."""

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from viber_desktop.core.bidi import isolate
from viber_desktop.core.findings import CheckReport
from viber_desktop.core.jsonio import JsonInputError, parse_json
from viber_desktop.core.pointer import MISSING, label
from viber_desktop.core.text import compact_json
from viber_desktop.ui.composer.fields import route_undo
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.theme import set_style, state_color

_CODES = ("unknown_field",)
_SHOWN_MAX = 2000  # characters of a value shown in its line; longer values are edited in JSON


class OtherFields(QGroupBox):
    """One row per undocumented key: its place, its value as JSON, and Remove."""

    def __init__(self, doc: MessageDocument, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Other fields"), parent)
        self.doc = doc
        self.paths: list[str] = []
        self.editors: dict[str, QLineEdit] = {}
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(1, 1)
        note = QLabel(
            self.tr(
                "Fields Viber does not document. They are sent as written; edit a value as JSON "
                "and press Enter, or remove the field."
            )
        )
        note.setWordWrap(True)
        self._grid.addWidget(note, 0, 0, 1, 3)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self._grid.addWidget(self.problem, 1, 0, 1, 3)
        self._rows: list[QWidget] = []
        self.setVisible(False)

    def show_report(self, report: CheckReport) -> None:
        """List the fields the check found undocumented; refresh their values."""
        paths = [f.path for f in report.findings if f.code in _CODES]
        if paths != self.paths:
            self._rebuild(paths)
        for path, editor in self.editors.items():
            if not editor.hasFocus() or not editor.isModified():
                self._show(path, editor)

    def focus_path(self, path: str) -> QWidget | None:
        editor = self.editors.get(path)
        if editor is not None:
            editor.setFocus()
            editor.selectAll()
        return editor

    def _rebuild(self, paths: list[str]) -> None:
        for widget in self._rows:
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self._rows = []
        self.editors = {}
        self.paths = paths
        self.problem.hide()
        for row, path in enumerate(paths, start=2):
            name = QLabel(isolate(label(path)))
            name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            editor = QLineEdit()
            editor.setAccessibleName(self.tr("Value of {field}, as JSON").format(field=label(path)))
            route_undo(editor, functools.partial(_typing, editor))
            name.setBuddy(editor)
            remove = QPushButton(self.tr("Remove"))
            remove.setAccessibleName(self.tr("Remove {field}").format(field=label(path)))
            editor.returnPressed.connect(lambda path=path, e=editor: self._commit(path, e))
            editor.editingFinished.connect(lambda path=path, e=editor: self._commit(path, e))
            remove.clicked.connect(lambda _=False, path=path: self._remove(path))
            self._grid.addWidget(name, row, 0)
            self._grid.addWidget(editor, row, 1)
            self._grid.addWidget(remove, row, 2)
            self._rows += [name, editor, remove]
            self.editors[path] = editor
            self._show(path, editor)
        self.setVisible(bool(paths))

    def _show(self, path: str, editor: QLineEdit) -> None:
        value = self.doc.get(path, MISSING)
        text = "" if value is MISSING else _json(value)
        long = len(text) > _SHOWN_MAX
        editor.setReadOnly(long)
        if long:
            text = self.tr("(a long value: edit it in the JSON tab)")
        if editor.text() != text:
            editor.setText(text)
        editor.setModified(False)

    def _commit(self, path: str, editor: QLineEdit) -> None:
        if not editor.isModified() or editor.isReadOnly():
            return
        editor.setModified(False)
        try:
            value: Any = parse_json(editor.text(), what=label(path))
        except JsonInputError as exc:
            self._say(str(exc))
            return
        self.problem.hide()
        self.doc.set(path, value, self.tr("Edit {field}").format(field=label(path)))

    def _remove(self, path: str) -> None:
        self.problem.hide()
        self.doc.delete(path, self.tr("Remove {field}").format(field=label(path)))

    def _say(self, text: str) -> None:
        self.problem.setText("✖ " + text)
        set_style(self.problem, f"color: {state_color('error', self)};")
        self.problem.show()


def _json(value: Any) -> str:
    try:
        return compact_json(value)
    except (ValueError, RecursionError):
        return "?"


def _typing(editor: QLineEdit) -> Callable[[], object] | None:
    """Undo for what was typed into ``editor`` and not applied yet (None: nothing)."""
    return editor.undo if editor.isModified() and editor.isUndoAvailable() else None

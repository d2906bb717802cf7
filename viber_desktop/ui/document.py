"""The message being composed: one JSON object, changed only through undoable commands."""

import copy
import time
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from viber_desktop.core import pointer as jp
from viber_desktop.core.pointer import MISSING, Edit, PointerError

_MERGE_ID = 1201
UNDO_LIMIT = 500
"""Steps kept; a run of typing in one field is one step, so this is a long afternoon of edits."""
MERGE_PAUSE_S = 1.0
"""Typing in one field after a pause this long starts a new undo step, as editors do."""


class _EditCommand(QUndoCommand):
    """Edits made together and undone together; consecutive typing in one field merges."""

    def __init__(
        self, doc: "MessageDocument", edits: list[Edit], text: str, merge: str | None
    ) -> None:
        super().__init__(text)
        self.doc = doc
        self.edits = edits
        self.merge = merge
        self.undos: list[Edit] = []
        self.last = time.monotonic()

    def id(self) -> int:
        return _MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _EditCommand) or other.merge != self.merge:
            return False
        if other.last - self.last > MERGE_PAUSE_S:
            return False
        self.last = other.last
        # ``other`` has already been applied: its undo becomes part of ours.
        paths = {e.path for e in self.edits} | {e.path for e in other.edits}
        if len(paths) == 1 and len(other.edits) == 1:
            # One field typed into: the last value says it all (no copy per keystroke kept).
            self.edits = other.edits
        else:
            self.edits = self.edits + other.edits
            self.undos = other.undos + self.undos
        return True

    def redo(self) -> None:
        data = self.doc.data
        done: list[Edit] = []
        try:
            for e in self.edits:
                if e.op == "delete" and not jp.exists(data, e.path):
                    continue  # already gone: removing it again changes nothing
                done.append(jp.apply(data, e))
        except PointerError:
            for undo in reversed(done):
                jp.apply(data, undo)
            done = []
        if not done:
            # A stale edit (a fix for a field already gone): change nothing, keep no step.
            self.undos = []
            self.setObsolete(True)
            return
        self.undos = done[::-1]
        self.doc._changed(self.edits, typed=self.merge is not None)

    def undo(self) -> None:
        data = self.doc.data
        for e in self.undos:
            jp.apply(data, e)
        self.doc._changed(self.edits)


class MessageDocument(QObject):
    """Holds the message; widgets read it and change it only through these methods.

    Signals:
        changed(str): after every change (and its undo); the pointer that changed, "" for many.
    """

    changed = Signal(str)

    def __init__(self, data: dict[str, Any] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data: dict[str, Any] = copy.deepcopy(data) if data is not None else {}
        """Read freely; never change it directly (the undo stack would not know)."""
        self.version = 0
        """Grows with every change: views redraw only when it moved."""
        self.last_paths: list[str] = [""]
        """What the last change changed (``""``: everything)."""
        self.typed = False
        """The last change was typing (or dragging): one of a run of edits merged into a step."""
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)

    # --- reading ------------------------------------------------------------------------

    def get(self, path: str, default: Any = None) -> Any:
        value = jp.get(self.data, path)
        return default if value is MISSING else value

    def has(self, path: str) -> bool:
        return jp.exists(self.data, path)

    def snapshot(self) -> dict[str, Any]:
        """A copy that later edits cannot touch (for a send, a draft, another thread)."""
        return copy.deepcopy(self.data)

    # --- changing -----------------------------------------------------------------------

    def set(self, path: str, value: Any, text: str, *, merge: str | None = None) -> None:
        """Set one value; ``merge`` names a field whose consecutive edits undo as one."""
        now = jp.get(self.data, path)
        if now == value and type(now) is type(value):
            return
        self.apply([Edit("set", path, value)], text, merge=merge)

    def delete(self, path: str, text: str, *, merge: str | None = None) -> None:
        if jp.exists(self.data, path):
            self.apply([Edit("delete", path)], text, merge=merge)

    def apply(self, edits: list[Edit], text: str, *, merge: str | None = None) -> None:
        """Make ``edits`` as one undo step named ``text`` ("Undo {text}")."""
        if edits:
            self.undo_stack.push(_EditCommand(self, edits, text, merge))

    def replace(self, data: dict[str, Any], text: str) -> None:
        """Replace the whole message as one undo step (New, Import, Open template…)."""
        self.apply([Edit("set", "", copy.deepcopy(data))], text)

    def reset(self, data: dict[str, Any]) -> None:
        """Start over with ``data`` and no undo history (the draft at start-up)."""
        fresh = copy.deepcopy(data)  # ``data`` may be this document's own dict
        self.undo_stack.clear()
        self.data.clear()
        self.data.update(fresh)
        self._changed([Edit("set", "")])

    def _changed(self, edits: list[Edit], *, typed: bool = False) -> None:
        self.version += 1
        self.typed = typed
        self.last_paths = [e.path for e in edits]
        self.changed.emit(edits[0].path if len(edits) == 1 else "")

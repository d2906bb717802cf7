"""Rich-media carousel and keyboard editors: group properties plus the button editor."""

import copy
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from viber_desktop.ui.composer.buttons import ButtonEditor
from viber_desktop.ui.composer.spec_form import Spec, SpecForm, field_spec

_ABSENT = object()


class GroupEditor(QWidget):
    """Edits a ``keyboard`` or ``rich_media`` object held under ``key`` in the message.

    Signals:
        changed(): anything changed.
    """

    changed = Signal()

    def __init__(
        self, key: str, specs: tuple[Spec, ...], rich: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.tag = "rich_media" if rich else "keyboard"
        self.props = SpecForm(specs)
        self.editor = ButtonEditor(rich)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.props)
        layout.addWidget(self.editor)
        self.props.changed.connect(self._changed)
        self.editor.changed.connect(self._changed)
        self._obj: dict[str, Any] = {}
        """The object's own fields, Buttons excepted (those are the editor's)."""
        self._raw_buttons: Any = None

    def load(self, msg: dict[str, Any]) -> None:
        obj = msg.get(self.key)
        self._obj = copy.deepcopy(obj) if isinstance(obj, dict) else {}
        # Buttons live in the editor; an absent or non-list value is kept until one is added.
        buttons = self._obj.pop("Buttons", _ABSENT)
        self._raw_buttons = None if isinstance(buttons, list) else buttons
        self.props.load(msg)
        self.editor.set_buttons(buttons)
        self._relayout(msg)

    def dump(self, msg: dict[str, Any]) -> None:
        obj = dict(self._obj)  # the property form sets top-level keys only
        obj.setdefault("Type", self.tag)
        msg[self.key] = obj
        self.props.dump(msg)
        if self.editor.buttons or self._raw_buttons is None:
            obj["Buttons"] = self.editor.value()
        elif self._raw_buttons is not _ABSENT:
            obj["Buttons"] = self._raw_buttons

    def update_counters(self, msg: dict[str, Any]) -> None:
        self.props.update_counters(msg)

    def _relayout(self, msg: dict[str, Any]) -> None:
        obj = msg.get(self.key) if isinstance(msg.get(self.key), dict) else {}
        assert isinstance(obj, dict)
        self.editor.set_layout(
            obj.get("ButtonsGroupColumns"), obj.get("ButtonsGroupRows"), obj.get("BgColor")
        )

    def _changed(self) -> None:
        msg: dict[str, Any] = {self.key: dict(self._obj)}
        self.props.dump(msg)
        self._obj = msg[self.key]
        self._relayout(msg)
        self.changed.emit()

    def focus_path(self, path: str) -> QWidget | None:
        prefix = f"/{self.key}/Buttons"
        if path.startswith(prefix):
            self.editor.focus_path(path[len(prefix) :])
            return self.editor
        return self.props.focus_widget(path)


def rich_media_editor() -> GroupEditor:
    specs = (
        field_spec(
            "rich_media", ("rich_media", "BgColor"), "Card &background", placeholder="#FFFFFF"
        ),
        field_spec("rich_media", ("rich_media", "ButtonsGroupColumns"), "Card &columns"),
        field_spec("rich_media", ("rich_media", "ButtonsGroupRows"), "Card &rows"),
        field_spec(
            "rich_media",
            ("alt_text",),
            "&Fallback text",
            placeholder="shown by clients without rich media",
        ),
    )
    return GroupEditor("rich_media", specs, rich=True)


def keyboard_editor() -> GroupEditor:
    specs = (
        field_spec(
            "message", ("keyboard", "BgColor"), "Keyboard &background", placeholder="#FFFFFF"
        ),
        field_spec("message", ("keyboard", "InputFieldState"), "&Input field"),
        field_spec("message", ("keyboard", "ButtonsGroupColumns"), "Group co&lumns"),
        field_spec("message", ("keyboard", "ButtonsGroupRows"), "Group ro&ws"),
    )
    return GroupEditor("keyboard", specs, rich=False)

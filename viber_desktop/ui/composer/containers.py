"""Rich-media carousel and keyboard editors: group properties plus the button editor."""

from PySide6.QtWidgets import QVBoxLayout, QWidget

from viber_desktop.core.pointer import pointer
from viber_desktop.ui.composer.buttons import ButtonEditor
from viber_desktop.ui.composer.spec_form import Spec, SpecForm, field_spec
from viber_desktop.ui.document import MessageDocument


class GroupEditor(QWidget):
    """Edits the ``keyboard`` or ``rich_media`` object held under ``key`` in the document."""

    def __init__(
        self,
        doc: MessageDocument,
        key: str,
        specs: tuple[Spec, ...],
        rich: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.key = key
        self.props = SpecForm(specs, doc)
        self.editor = ButtonEditor(doc, pointer(key, "Buttons"), rich)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.props)
        layout.addWidget(self.editor)

    def refresh(self) -> None:
        self.props.refresh()
        obj = self.doc.get(pointer(self.key))
        obj = obj if isinstance(obj, dict) else {}
        self.editor.refresh(
            obj.get("ButtonsGroupColumns"), obj.get("ButtonsGroupRows"), obj.get("BgColor")
        )

    def focus_path(self, path: str) -> QWidget | None:
        prefix = f"/{self.key}/Buttons"
        if path.startswith(prefix):
            self.editor.focus_path(path[len(prefix) :])
            return self.editor
        return self.props.focus_widget(path)


def rich_media_editor(doc: MessageDocument) -> GroupEditor:
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
    return GroupEditor(doc, "rich_media", specs, rich=True)


def keyboard_editor(doc: MessageDocument) -> GroupEditor:
    specs = (
        field_spec(
            "message", ("keyboard", "BgColor"), "Keyboard &background", placeholder="#FFFFFF"
        ),
        field_spec("message", ("keyboard", "InputFieldState"), "&Input field"),
        field_spec("message", ("keyboard", "ButtonsGroupColumns"), "Group co&lumns"),
        field_spec("message", ("keyboard", "ButtonsGroupRows"), "Group ro&ws"),
    )
    return GroupEditor(doc, "keyboard", specs, rich=False)

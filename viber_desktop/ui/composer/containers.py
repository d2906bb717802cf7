"""Rich-media carousel and keyboard editors: the button editor, then the group's settings."""

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from viber_desktop.core import limits
from viber_desktop.core.bidi import isolate
from viber_desktop.core.keyboards import group_span
from viber_desktop.core.pointer import pointer
from viber_desktop.ui.composer.buttons import ButtonEditor
from viber_desktop.ui.composer.gallery import ExampleGallery, open_example
from viber_desktop.ui.composer.rich_fields import ButtonForm
from viber_desktop.ui.composer.spec_form import Spec, field_spec
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.images import ImageLoader


class GroupEditor(QWidget):
    """Edits the ``keyboard`` or ``rich_media`` object held under ``key`` in the document.

    Signals:
        example_opened(str): an example replaced the message (the undo step's name).
    """

    example_opened = Signal(str)

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
        self.rich = rich
        self.editor = ButtonEditor(doc, pointer(key, "Buttons"), rich)
        self.props = ButtonForm(specs, doc)
        self.examples_btn = QPushButton(isolate(self.tr("Examples…")))
        self.examples_btn.setToolTip(self.tr("Start from a good example (replaces the message)"))
        self.editor.toolbar.addWidget(self.examples_btn)
        self.gallery: ExampleGallery | None = None
        settings = QGroupBox(self.tr("Carousel settings") if rich else self.tr("Keyboard settings"))
        QVBoxLayout(settings).addWidget(self.props)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        layout.addWidget(settings)
        self.examples_btn.clicked.connect(self.show_gallery)

    def refresh(self) -> None:
        self.props.refresh()
        obj = self.doc.get(pointer(self.key))
        obj = obj if isinstance(obj, dict) else {}
        _, rows = group_span(obj, rich=self.rich)
        if not self.rich:
            declared = obj.get("ButtonsGroupRows")
            fits = isinstance(declared, int) and 1 <= declared <= limits.KEYBOARD_ROWS_MAX
            rows = declared if fits else limits.KEYBOARD_ROWS_MAX
        self.editor.refresh(
            obj.get("ButtonsGroupColumns"), obj.get("ButtonsGroupRows"), obj.get("BgColor"), rows
        )

    def focus_path(self, path: str) -> QWidget | None:
        prefix = f"/{self.key}/Buttons"
        if path.startswith(prefix):
            return self.editor.focus_path(path[len(prefix) :])
        return self.props.focus_widget(path)

    def set_images(self, images: ImageLoader | None) -> None:
        """Show Image / BgMedia thumbnails, loaded off the GUI thread by ``images``."""
        self.editor.set_images(images)

    def show_gallery(self) -> None:
        self.gallery = ExampleGallery(self)
        self.gallery.chosen.connect(self.open_example)
        self.gallery.open()

    def open_example(self, key: str) -> None:
        """Replace the message with an example (one undo step)."""
        self.example_opened.emit(open_example(self.doc, key))


def _t(text: str) -> str:
    return QCoreApplication.translate("GroupEditor", text)


def rich_media_editor(doc: MessageDocument) -> GroupEditor:
    specs = (
        field_spec("rich_media", ("rich_media", "BgColor"), _t("Card background"), kind="color"),
        field_spec("rich_media", ("rich_media", "ButtonsGroupColumns"), _t("Card columns")),
        field_spec("rich_media", ("rich_media", "ButtonsGroupRows"), _t("Card rows")),
        field_spec(
            "rich_media",
            ("alt_text",),
            _t("Fallback text"),
            placeholder=_t("shown by clients without rich media"),
        ),
    )
    return GroupEditor(doc, "rich_media", specs, rich=True)


def keyboard_editor(doc: MessageDocument) -> GroupEditor:
    specs = (
        field_spec("message", ("keyboard", "BgColor"), _t("Keyboard background"), kind="color"),
        field_spec("message", ("keyboard", "InputFieldState"), _t("Input field")),
        field_spec("message", ("keyboard", "ButtonsGroupColumns"), _t("Group columns")),
        field_spec("message", ("keyboard", "ButtonsGroupRows"), _t("Group rows")),
        field_spec("message", ("keyboard", "DefaultHeight"), _t("Default height"), kind="bool"),
        field_spec("message", ("keyboard", "CustomDefaultHeight"), _t("Height (% of screen)")),
        field_spec("message", ("keyboard", "HeightScale"), _t("Row height (%)")),
    )
    return GroupEditor(doc, "keyboard", specs, rich=False)

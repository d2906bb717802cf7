"""Starting points: good example messages that open as a new document (one undo step).

The window can list them in a menu with :func:`examples_menu`; the editors open
:class:`ExampleGallery` from their "Examples…" button.
"""

from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.ui.assets import sample_payload
from viber_desktop.ui.document import MessageDocument

_KEEP = ("receiver", "sender")
"""Who the message goes to and comes from stays when an example opens."""


class Example(NamedTuple):
    key: str  # the sample's file name in resources/samples
    title: str
    description: str


def _t(text: str) -> str:
    return QCoreApplication.translate("Gallery", text)


def examples() -> tuple[Example, ...]:
    return (
        Example(
            "product_carousel",
            _t("Product carousel"),
            _t("Four product cards, each with a picture, a name and price, Buy and More details."),
        ),
        Example(
            "yes_no_keyboard",
            _t("Yes / no keyboard"),
            _t("A question with two answer buttons under it."),
        ),
        Example(
            "menu_keyboard",
            _t("Menu keyboard"),
            _t("Six menu choices in two columns; one opens your website."),
        ),
        Example(
            "share_phone_location",
            _t("Share phone and location"),
            _t("Buttons that ask for the phone number and the location (Viber on phones)."),
        ),
    )


def example_payload(key: str) -> dict[str, Any]:
    return sample_payload(key)


def example_message(current: dict[str, Any], key: str) -> tuple[dict[str, Any], str]:
    """Example ``key`` keeping the receiver and sender of ``current``, and the undo step's
    name."""
    example = next(e for e in examples() if e.key == key)
    payload = example_payload(key)
    for field in _KEEP:
        if field in current:
            payload[field] = current[field]
    return payload, _t("Open example {name}").format(name=example.title)


def open_example(doc: MessageDocument, key: str) -> str:
    """Replace the message with example ``key`` as one undo step; the receiver and sender
    already filled in stay. Returns the undo step's name."""
    payload, text = example_message(doc.data, key)
    doc.replace(payload, text)
    return text


def examples_menu(doc: MessageDocument, parent: QWidget) -> QMenu:
    """A menu of the examples, for the window's menu bar."""
    menu = QMenu(_t("Start from an &example"), parent)
    for example in examples():
        action = QAction(example.title, menu)
        action.setStatusTip(example.description)
        action.triggered.connect(lambda _=False, key=example.key: open_example(doc, key))
        menu.addAction(action)
    return menu


class ExampleGallery(QDialog):
    """Lists the examples with what each shows; Open (or Enter, or a double click) chooses.

    Signals:
        chosen(str): the key of the chosen example.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QDialogButtonBox  # start-up: its enums when first opened

        super().__init__(parent)
        self.setWindowTitle(self.tr("Start from an example"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Examples"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        for example in examples():
            item = QListWidgetItem(f"{example.title}\n{example.description}")
            item.setData(Qt.ItemDataRole.UserRole, example.key)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        note = QLabel(
            self.tr(
                "The example replaces the message (Undo brings it back); the receiver and "
                "sender you filled in stay."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_btn = buttons.button(QDialogButtonBox.StandardButton.Open)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(440, 320)

    def accept(self) -> None:
        item = self.list.currentItem()
        super().accept()
        if item is not None:
            self.chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))

"""The composer: common fields, a form per message type, and an optional keyboard."""

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import limits
from viber_desktop.core.bidi import isolate
from viber_desktop.core.checker import TYPE_FIELDS
from viber_desktop.core.findings import CheckReport
from viber_desktop.core.pointer import MISSING, Edit, pointer
from viber_desktop.core.rules import is_http_url, is_int
from viber_desktop.ui.assets import sample_payload
from viber_desktop.ui.composer.counter import Counter
from viber_desktop.ui.composer.fields import (
    FieldBox,
    IntField,
    TextField,
    TextLine,
    form_layout,
    point_buddies,
)
from viber_desktop.ui.composer.other_fields import OtherFields
from viber_desktop.ui.composer.spec_form import SpecForm
from viber_desktop.ui.composer.type_forms import type_specs
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.images import ImageLoader, original_size
from viber_desktop.ui.theme import fix_label_size, set_style, state_color

if TYPE_CHECKING:
    # Imported when a keyboard or rich media is first shown: the button editors and their
    # modules are a tenth of the window's imports (start-up, issue 16).
    from viber_desktop.ui.composer.containers import GroupEditor

KEYBOARD_ONLY = ""
UNKNOWN_TYPE = "\0unknown"
"""The type list's entry for a type Viber does not have: it is kept and flagged, not replaced."""
TYPE_LABELS = {
    "text": "Text",
    "picture": "Picture",
    "video": "Video",
    "file": "File",
    "contact": "Contact",
    "location": "Location",
    "url": "URL",
    "sticker": "Sticker",
    "rich_media": "Rich media (carousel)",
    KEYBOARD_ONLY: "Keyboard only (no type)",
}


RECEIVER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ReceiverCompleter(QCompleter):
    """Matches a label or an ID anywhere in ``label (ID)``, and puts only the ID in the field."""

    def __init__(self, model: QStandardItemModel, parent: QWidget) -> None:
        super().__init__(model, parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        rid = index.data(RECEIVER_ID_ROLE)
        return rid if isinstance(rid, str) else super().pathFromIndex(index)


class ComposerWidget(QWidget):
    """Forms on the message document: every field shows and changes one pointer of it.

    Signals:
        changed(): the document changed (emitted once per change, after the forms show it).
        example_opened(str): an editor's Examples button replaced the message (the step's name).
        card_button_chosen(int): a rich-media button was chosen in the editor (the preview
            scrolls to its card).
    """

    changed = Signal()
    example_opened = Signal(str)
    card_button_chosen = Signal(int)

    def __init__(
        self,
        doc: MessageDocument | None = None,
        images: ImageLoader | None = None,
        parent: QWidget | None = None,
        *,
        show_now: bool = True,
    ) -> None:
        """``show_now=False``: the caller loads a message next (the window's start), so the
        empty document is not shown first (a form page shown and laid out for nothing)."""
        super().__init__(parent)
        self.doc = doc if doc is not None else MessageDocument(parent=self)
        self.images = images
        self._required = 1  # the API level the last check asked for
        self._avatar_shown: Any = None
        self._showing = False  # the type list is being set to what the document holds
        self._kind_shown = ""
        self._type_shown: str | None = None  # the type the type list and the stack show

        # --- common fields ----------------------------------------------------------------
        self.common_box = common = QGroupBox(self.tr("Message"))
        self._common_form = form = form_layout(common)
        self.receiver = TextLine()
        self.receiver.setPlaceholderText(self.tr("subscriber ID, e.g. sandbox-user-1"))
        self.receiver.setAccessibleName(self.tr("Receiver"))
        # Room for an ID beside a wrong-kind button ("an integer: make it text") at 1024 px.
        self.receiver.setMinimumWidth(self.receiver.fontMetrics().horizontalAdvance("x" * 24))
        self.receiver_model = QStandardItemModel(self)
        self.receiver_completer = ReceiverCompleter(self.receiver_model, self)
        self.receiver.setCompleter(self.receiver_completer)
        self.receiver_note = QLabel()
        self.receiver_note.setWordWrap(True)
        self.receiver_note.setAccessibleName(self.tr("About this receiver"))
        self.receiver_note.hide()
        self.rate_label = QLabel()
        fix_label_size(
            self.rate_label, self.tr("✖ limited (status 12)"), self.tr("⚠ 100 of 100 this hour")
        )
        self.rate_label.setAccessibleName(self.tr("Messages to this receiver this hour"))
        self.boxes: dict[str, FieldBox] = {}
        form.addRow(
            self.tr("&Receiver *"),
            self._bind(self.receiver, "/receiver", self.tr("Receiver"), None, True),
        )
        # The count goes under the field, not beside it: at 1024 px the field, a wrong-kind
        # button and the count did not fit on one line.
        self.receiver_line = under = QWidget()
        under_row = QHBoxLayout(under)
        under_row.setContentsMargins(0, 0, 0, 0)
        under_row.addWidget(self.rate_label, 0, Qt.AlignmentFlag.AlignTop)
        under_row.addWidget(self.receiver_note, 1)
        form.addRow("", under)
        form.setRowVisible(under, False)  # until it has something to say (fit_receiver_line)
        self.count_coming = False
        """A count for the receiver is on its way (the history is open or opening): the line
        keeps its room meanwhile, so the form does not jump down when the count comes."""
        self.receiver.textChanged.connect(self.fit_receiver_line)

        self.sender_name = TextLine()
        self.sender_name.setAccessibleName(self.tr("Sender name"))
        self.sender_name.setPlaceholderText(self.tr("shown above the message"))
        self.sender_counter = Counter(limits.SENDER_NAME_MAX)
        form.addRow(
            self.tr("Sender &name *"),
            self._bind(
                self.sender_name, "/sender/name", self.tr("Sender name"), self.sender_counter, True
            ),
        )

        self.avatar = TextLine()
        self.avatar.setAccessibleName(self.tr("Sender avatar URL"))
        self.avatar.setPlaceholderText("https://example.com/avatar.jpg")
        self.avatar_thumb = QLabel()
        self.avatar_thumb.setFixedSize(32, 32)
        self.avatar_thumb.setScaledContents(True)
        self.avatar_thumb.setAccessibleName(self.tr("Avatar thumbnail"))
        self.avatar_note = QLabel()
        self.avatar_note.setWordWrap(True)
        form.addRow(
            self.tr("Sender a&vatar"),
            self._bind(self.avatar, "/sender/avatar", self.tr("Sender avatar"), self.avatar_thumb),
        )
        form.addRow("", self.avatar_note)
        self.avatar_note.hide()

        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName(self.tr("Message type"))
        for kind in (*limits.MESSAGE_TYPES, KEYBOARD_ONLY):
            self.type_combo.addItem(self.tr(TYPE_LABELS[kind]), kind)
        form.addRow(self.tr("T&ype"), self.type_combo)

        point_buddies(form)

        # Tracking data and the API level come after the content, in view as in Tab order.
        self.options_box = QGroupBox(self.tr("Delivery"))
        options = form_layout(self.options_box)
        self.tracking = TextField(lines=3, placeholder=self.tr("echoed back in the reply webhook"))
        self.tracking.setAccessibleName(self.tr("Tracking data"))
        self.tracking_counter = Counter(limits.TRACKING_DATA_MAX)
        options.addRow(
            self.tr("Tracking &data"),
            self._bind(
                self.tracking, "/tracking_data", self.tr("Tracking data"), self.tracking_counter
            ),
        )

        self.api_version = IntField(placeholder=self.tr("not set (means 1)"))
        self.api_version.setAccessibleName(self.tr("Minimum API version"))
        self.api_required = QLabel()
        fix_label_size(self.api_required, "required: 6")
        self.raise_api = QPushButton()
        self.raise_api.setAccessibleName(self.tr("Raise min_api_version"))
        self.raise_api.hide()
        api_row = QWidget()
        api_layout = QHBoxLayout(api_row)
        api_layout.setContentsMargins(0, 0, 0, 0)
        api_box = self._bind(self.api_version, "/min_api_version", self.tr("Min API version"))
        api_row.setFocusProxy(api_box)
        api_layout.addWidget(api_box, 1)
        api_layout.addWidget(self.api_required)
        api_layout.addWidget(self.raise_api)
        options.addRow(self.tr("Min &API version"), api_row)
        point_buddies(options)

        # --- per-type forms ---------------------------------------------------------------
        self.type_box = QGroupBox()
        self.stack = QStackedWidget()
        QVBoxLayout(self.type_box).addWidget(self.stack)
        # Built when first shown: the editors of types not shown cost start-up time.
        self.forms = _LazyForms(self._build_form)
        for _kind in limits.MESSAGE_TYPES:
            self.stack.addWidget(QWidget())
        empty = QLabel(
            self.tr(
                "A keyboard-only message has no type and no content: "
                "it replaces the receiver's keyboard."
            )
        )
        empty.setWordWrap(True)
        self.stack.addWidget(empty)
        unknown = QLabel(
            self.tr(
                "This message type is not one Viber documents. Its fields are "
                "kept exactly as imported; choose a type above to edit it."
            )
        )
        unknown.setWordWrap(True)
        self.stack.addWidget(unknown)

        self.keyboard_box = QCheckBox(self.tr("Attach a &keyboard"))
        self._keyboard: GroupEditor | None = None
        self.keyboard_group = QGroupBox(self.tr("Keyboard"))
        QVBoxLayout(self.keyboard_group)
        self.keyboard_group.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(common)
        layout.addWidget(self.type_box)
        layout.addWidget(self.keyboard_box)
        layout.addWidget(self.keyboard_group)
        self.other = OtherFields(self.doc)
        layout.addWidget(self.other)
        layout.addWidget(self.options_box)
        layout.addStretch(1)

        # --- wiring -----------------------------------------------------------------------
        self._avatar_timer = QTimer(self, singleShot=True, interval=600)
        self._avatar_timer.timeout.connect(self._load_avatar)
        self.type_combo.currentIndexChanged.connect(self._type_chosen)
        self.keyboard_box.clicked.connect(self._keyboard_clicked)
        self.raise_api.clicked.connect(self._raise_api)
        if images is not None:
            images.loaded.connect(self._avatar_loaded)
        self.doc.changed.connect(self.refresh)
        if show_now:
            self.refresh()

    # --- forms built on first use -------------------------------------------------------

    @property
    def keyboard(self) -> "GroupEditor":
        """The keyboard editor (built the first time a keyboard is shown)."""
        if self._keyboard is None:
            from viber_desktop.ui.composer.containers import keyboard_editor

            self._keyboard = keyboard_editor(self.doc)
            self._adopt(self._keyboard)
            layout = self.keyboard_group.layout()
            assert layout is not None
            layout.addWidget(self._keyboard)
        return self._keyboard

    def _build_form(self, kind: str) -> "SpecForm | GroupEditor":
        form: SpecForm | GroupEditor
        if kind == "rich_media":
            from viber_desktop.ui.composer.containers import rich_media_editor

            form = rich_media_editor(self.doc)
            self._adopt(form)
        else:
            form = SpecForm(type_specs()[kind], self.doc)
        index = limits.MESSAGE_TYPES.index(kind)
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, form)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        return form

    def _adopt(self, editor: "GroupEditor") -> None:
        if self.images is not None:
            editor.set_images(self.images)
        editor.example_opened.connect(self.example_opened)
        if editor.rich:
            editor.editor.selection_changed.connect(self.card_button_chosen)

    def _form(self, kind: str) -> "SpecForm | GroupEditor | None":
        return self.forms[kind] if kind in limits.MESSAGE_TYPES else None

    def fit_receiver_line(self) -> None:
        """The line under the receiver takes room only while it shows a count or a note, or
        a count is coming (none without a receiver or a history)."""
        coming = self.count_coming and bool(self.receiver.text())
        shown = coming or bool(self.rate_label.text()) or not self.receiver_note.isHidden()
        form = self._common_form
        if shown != form.isRowVisible(self.receiver_line):
            form.setRowVisible(self.receiver_line, shown)  # its empty name and spacing too

    def tab_areas(self) -> list[QWidget]:
        """The composer's parts in Tab order (the window's TabOrder walks them)."""
        return [
            self.common_box,
            self.type_box,
            self.keyboard_box,
            self.keyboard_group,
            self.other,
            self.options_box,
        ]

    # --- the document -------------------------------------------------------------------

    @property
    def kind(self) -> str:
        """The message type as the type list names it (KEYBOARD_ONLY, UNKNOWN_TYPE)."""
        return kind_of_message(self.doc.data)

    def payload(self) -> dict[str, Any]:
        """The message as it will be sent. Read only: change it through ``doc``; copy it
        (``doc.snapshot()``) before handing it to another thread."""
        return self.doc.data

    def load_payload(self, msg: dict[str, Any], text: str = "") -> None:
        """Replace the message: one undo step named ``text``, or a fresh start without one."""
        if text:
            self.doc.replace(msg, text)
        else:
            self.doc.reset(msg)

    def use_sender(self, name: str, avatar: str = "") -> None:
        """Fill the sender from a profile's defaults (one undo step)."""
        edits = [Edit("set", "/sender/name", name)]
        if avatar:
            edits.append(Edit("set", "/sender/avatar", avatar))
        self.doc.apply(edits, self.tr("Use the profile's sender"))

    def refresh(self, path: str = "") -> None:
        """Show the document in every form that is visible (on every change).

        ``path``: the one pointer that changed ("" for many), so a keystroke in one field does
        not redraw the button editors.
        """
        data = self.doc.data
        for where, box in self.boxes.items():
            box.show_value(self.doc.get(where, MISSING))
        sender_name = self.doc.get("/sender/name")
        self.sender_counter.set_text_value(sender_name if isinstance(sender_name, str) else "")
        tracking = data.get("tracking_data")
        self.tracking_counter.set_text_value(tracking if isinstance(tracking, str) else "")
        kind = self.kind
        whole = not path or path == "/type" or kind != self._kind_shown
        self._kind_shown = kind
        form = self._form(kind)  # built before the stack shows its page
        self._show_type(kind, data.get("type"))
        if form is not None and (whole or _within(path, TYPE_FIELDS.get(kind, ()))):
            form.refresh()
        has_keyboard = "keyboard" in data
        self.keyboard_box.setChecked(has_keyboard)
        self.keyboard_box.setEnabled(kind != KEYBOARD_ONLY or not has_keyboard)
        if has_keyboard and (
            whole or _within(path, ("keyboard",)) or self.keyboard_group.isHidden()
        ):
            self.keyboard.refresh()
        self.keyboard_group.setVisible(has_keyboard)
        avatar = self.doc.get("/sender/avatar")
        if avatar != self._avatar_shown:
            self._avatar_shown = avatar
            self._avatar_timer.start()
        self.changed.emit()

    def _bind(
        self,
        field: TextLine | TextField,
        path: str,
        name: str,
        counter: QWidget | None = None,
        required: bool = False,
    ) -> FieldBox:
        box = FieldBox(field, counter)
        self.boxes[path] = box

        def write(value: Any) -> None:
            text = self.tr("Edit {field}").format(field=name)
            merge = None if getattr(field, "clearing", False) else path  # the clear button
            if value is None or (value == "" and not required):
                self.doc.delete(path, text, merge=merge)
            else:
                self.doc.set(path, value, text, merge=merge)

        field.user_changed.connect(write)
        return box

    def _type_chosen(self, index: int) -> None:
        """The user picked a type: one undo step that also removes the old type's fields."""
        new = self.type_combo.itemData(index)
        old = self.kind
        if self._showing or new in (old, UNKNOWN_TYPE):
            return
        data = self.doc.data
        keep = set(TYPE_FIELDS.get(new, ()))
        edits = [
            Edit("delete", pointer(key))
            for key in TYPE_FIELDS.get(old, ())
            if key in data and key not in keep
        ]
        if new == KEYBOARD_ONLY:
            if "type" in data:
                edits.append(Edit("delete", "/type"))
            if "keyboard" not in data:
                edits.append(Edit("set", "/keyboard", _sample_keyboard()))
        else:
            edits.append(Edit("set", "/type", new))
        if new == "rich_media":
            sample = sample_payload("rich_media")
            for key in ("rich_media", "alt_text"):
                if key not in data:
                    edits.append(Edit("set", pointer(key), sample[key]))
        self.doc.apply(
            edits, self.tr("Change the type to {type}").format(type=self.tr(TYPE_LABELS[new]))
        )

    def _keyboard_clicked(self, on: bool) -> None:
        if on and "keyboard" not in self.doc.data:
            self.doc.set("/keyboard", _sample_keyboard(), self.tr("Attach a keyboard"))
        elif not on and self.kind != KEYBOARD_ONLY:
            self.doc.delete("/keyboard", self.tr("Remove the keyboard"))
        else:
            self.refresh()  # a keyboard-only message keeps its keyboard

    def show_report(self, report: CheckReport, msg: dict[str, Any]) -> None:
        """Show the API level a check of ``msg`` asked for, and the fields no form edits."""
        self.other.show_report(report)
        required = report.min_api_version_required
        declared = msg.get("min_api_version")
        declared_level = declared if is_int(declared) and isinstance(declared, int) else 1
        self.api_required.setText(self.tr("required: {level}").format(level=required))
        low = declared_level < required
        set_style(self.api_required, f"color: {state_color('error' if low else 'muted', self)};")
        self.raise_api.setVisible(low)
        self.raise_api.setText(self.tr("Raise to {level}").format(level=required))
        self._required = required

    def focus_path(self, path: str) -> None:
        """Focus the widget for the JSON pointer ``path``."""
        if path and not path.startswith("/"):
            return
        simple = {
            "/receiver": self.receiver,
            "/sender": self.sender_name,
            "/sender/name": self.sender_name,
            "/sender/avatar": self.avatar,
            "/tracking_data": self.tracking,
            "/min_api_version": self.api_version,
            "/type": self.type_combo,
        }
        if path in simple:
            simple[path].setFocus()
            return
        if self.other.focus_path(path) is not None:
            return
        if path.startswith("/keyboard") and "keyboard" in self.doc.data:
            target = self.keyboard.focus_path(path)
            if target is not None:
                target.setFocus()
            return
        form = self._form(self.kind)
        if isinstance(form, SpecForm):
            target = form.focus_widget(path)
        elif form is not None:
            target = form.focus_path(path)
        else:
            target = None
        (target or self.type_combo).setFocus()

    def set_receivers(self, receivers: Sequence[str | tuple[str, str]]) -> None:
        """Completion for the receiver field: IDs, or (ID, label) shown as ``label (ID)``."""
        self.receiver_model.clear()
        for entry in receivers:
            rid, label = (entry, "") if isinstance(entry, str) else entry
            item = QStandardItem(f"{label} ({rid})" if label else rid)
            item.setData(rid, RECEIVER_ID_ROLE)
            item.setEditable(False)
            self.receiver_model.appendRow(item)

    # --- internals ----------------------------------------------------------------------

    def _show_type(self, kind: str, raw: Any) -> None:
        self._showing = True
        try:
            self._show_type_now(kind, raw)
        finally:
            self._showing = False

    def _show_type_now(self, kind: str, raw: Any) -> None:
        if kind == UNKNOWN_TYPE:
            label = self.tr("{type} (not a Viber type)").format(type=_json_text(raw))
            index = self.type_combo.findData(UNKNOWN_TYPE)
            if index < 0:
                self.type_combo.addItem(label, UNKNOWN_TYPE)
            else:
                self.type_combo.setItemText(index, label)
        else:
            index = self.type_combo.findData(UNKNOWN_TYPE)
            if index >= 0:
                self.type_combo.removeItem(index)
        index = self.type_combo.findData(kind)
        if (
            self._type_shown == kind
            and self.type_combo.currentIndex() == index
            and self.stack.currentIndex() == index
        ):
            return
        self._type_shown = kind
        self.type_combo.setCurrentIndex(index)
        self.stack.setCurrentIndex(index)
        if kind == UNKNOWN_TYPE:
            self.type_box.setTitle(self.tr("Unknown type"))
        elif kind:
            self.type_box.setTitle(  # isolated: quotes around the type stay put right to left
                isolate(self.tr("{type} message").format(type=self.tr(TYPE_LABELS[kind])))
            )
        else:
            self.type_box.setTitle(self.tr("Keyboard only"))
        self._fit_stack()

    def _fit_stack(self) -> None:
        # A QStackedWidget is as tall as its tallest page; size it to the current one.
        current = self.stack.currentWidget()
        for i in range(self.stack.count()):
            page = self.stack.widget(i)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if page is current else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.stack.adjustSize()

    def _raise_api(self) -> None:
        self.doc.set(
            "/min_api_version",
            self._required,
            self.tr("Raise min_api_version to {level}").format(level=self._required),
        )

    def _load_avatar(self) -> None:
        url = self.avatar.text().strip()
        self.avatar_thumb.clear()
        self.avatar_note.hide()
        if self.images is not None and is_http_url(url):
            self.avatar_note.setText(self.tr("Loading avatar…"))
            self.avatar_note.show()
            self.images.request(url)

    def _avatar_loaded(self, url: str, image: QImage | None, size: int, error: str) -> None:
        if url != self.avatar.text().strip():
            return
        if image is None:
            self.avatar_thumb.clear()
            self.avatar_note.setText(
                "✖ " + self.tr("Avatar not loaded: {reason}").format(reason=error)
            )
            set_style(self.avatar_note, f"color: {state_color('error', self)};")
            self.avatar_note.show()
            return
        self.avatar_thumb.setPixmap(QPixmap.fromImage(image))
        if size > limits.AVATAR_BYTES_WARN:
            self.avatar_note.setText(
                "⚠ "
                + self.tr("The avatar is {size} KB; Viber recommends at most 100 KB.").format(
                    size=size // 1024
                )
            )
            set_style(self.avatar_note, f"color: {state_color('warning', self)};")
            self.avatar_note.show()
        else:
            width, height = original_size(image)
            self.avatar_note.setText(
                self.tr("{width} × {height} px, {size} KB").format(
                    width=width, height=height, size=f"{size / 1024:.1f}"
                )
            )
            set_style(self.avatar_note, f"color: {state_color('muted', self)};")
            self.avatar_note.show()


def kind_of_message(msg: dict[str, Any]) -> str:
    """The type list's entry for ``msg``: its type, KEYBOARD_ONLY or UNKNOWN_TYPE."""
    if "type" not in msg:
        return KEYBOARD_ONLY
    raw = msg["type"]
    return raw if isinstance(raw, str) and raw in TYPE_FIELDS else UNKNOWN_TYPE


def _sample_keyboard() -> Any:
    return sample_payload("rich_media")["keyboard"]


def _json_text(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)[:60]
    except (ValueError, RecursionError):
        return "?"


def _within(path: str, keys: tuple[str, ...]) -> bool:
    """True when ``path`` lies in one of the top-level ``keys`` (or is one of them)."""
    top = path.split("/", 2)[1] if path.count("/") else ""
    return top.replace("~1", "/").replace("~0", "~") in keys


class _LazyForms(dict[str, "SpecForm | GroupEditor"]):
    """The form of each message type, built by ``build`` the first time it is asked for."""

    def __init__(self, build: Callable[[str], "SpecForm | GroupEditor"]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, kind: str) -> "SpecForm | GroupEditor":
        form = self[kind] = self._build(kind)
        return form

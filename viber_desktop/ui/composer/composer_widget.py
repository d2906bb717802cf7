"""The composer: common fields, a form per message type, and an optional keyboard."""

import copy
import json
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
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
from viber_desktop.core.checker import COMMON_FIELDS, TYPE_FIELDS
from viber_desktop.core.findings import CheckReport
from viber_desktop.core.rules import is_http_url
from viber_desktop.ui.assets import sample_payload
from viber_desktop.ui.composer.containers import GroupEditor, keyboard_editor, rich_media_editor
from viber_desktop.ui.composer.counter import Counter
from viber_desktop.ui.composer.fields import (
    IntField,
    TextField,
    TextLine,
    form_layout,
    with_counter,
)
from viber_desktop.ui.composer.spec_form import SpecForm
from viber_desktop.ui.composer.type_forms import type_specs
from viber_desktop.ui.images import ImageLoader
from viber_desktop.ui.theme import fix_label_size, set_style, state_color

_ABSENT = object()
KEYBOARD_ONLY = ""
UNKNOWN_TYPE = "\0unknown"
"""Combo data for an imported type Viber does not have: it is kept and flagged, not replaced."""
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


class ComposerWidget(QWidget):
    """Builds the payload from forms; keeps unknown imported fields.

    Signals:
        changed(): the payload changed (emitted on every edit).
        avatar_changed(str): the avatar URL settled (debounced).
    """

    changed = Signal()

    def __init__(self, images: ImageLoader | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images = images
        self._extras: dict[str, Any] = {}
        self._nested: dict[str, dict[str, Any]] = {}
        self._imported_tracking: Any = _ABSENT
        self._required = 1  # the API level the last check asked for
        self._loading = False

        # --- common fields ----------------------------------------------------------------
        common = QGroupBox(self.tr("Message"))
        form = form_layout(common)
        self.receiver = TextLine()
        self.receiver.setPlaceholderText(self.tr("subscriber ID, e.g. sandbox-user-1"))
        self.receiver.setAccessibleName(self.tr("Receiver"))
        self.receiver_model = QStringListModel(self)
        completer = QCompleter(self.receiver_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.receiver.setCompleter(completer)
        self.rate_label = QLabel()
        fix_label_size(
            self.rate_label, self.tr("✖ limited (status 12)"), self.tr("⚠ 100 of 100 this hour")
        )
        self.rate_label.setAccessibleName(self.tr("Messages to this receiver this hour"))
        form.addRow(self.tr("&Receiver *"), with_counter(self.receiver, self.rate_label))

        self.sender_name = TextLine()
        self.sender_name.setAccessibleName(self.tr("Sender name"))
        self.sender_name.setPlaceholderText(self.tr("shown above the message"))
        self.sender_counter = Counter(limits.SENDER_NAME_MAX)
        form.addRow(self.tr("Sender &name *"), with_counter(self.sender_name, self.sender_counter))

        self.avatar = TextLine()
        self.avatar.setAccessibleName(self.tr("Sender avatar URL"))
        self.avatar.setPlaceholderText("https://example.com/avatar.jpg")
        self.avatar_thumb = QLabel()
        self.avatar_thumb.setFixedSize(32, 32)
        self.avatar_thumb.setScaledContents(True)
        self.avatar_thumb.setAccessibleName(self.tr("Avatar thumbnail"))
        self.avatar_note = QLabel()
        self.avatar_note.setWordWrap(True)
        avatar_row = QWidget()
        avatar_row.setFocusProxy(self.avatar)
        ar = QHBoxLayout(avatar_row)
        ar.setContentsMargins(0, 0, 0, 0)
        ar.addWidget(self.avatar, 1)
        ar.addWidget(self.avatar_thumb)
        form.addRow(self.tr("Sender a&vatar"), avatar_row)
        form.addRow("", self.avatar_note)
        self.avatar_note.hide()

        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName(self.tr("Message type"))
        for kind in (*limits.MESSAGE_TYPES, KEYBOARD_ONLY):
            self.type_combo.addItem(self.tr(TYPE_LABELS[kind]), kind)
        form.addRow(self.tr("T&ype"), self.type_combo)

        self.tracking = TextField(lines=3, placeholder=self.tr("echoed back in the reply webhook"))
        self.tracking.setAccessibleName(self.tr("Tracking data"))
        self.tracking_counter = Counter(limits.TRACKING_DATA_MAX)
        form.addRow(self.tr("Tracking &data"), with_counter(self.tracking, self.tracking_counter))

        self.api_version = IntField(placeholder=self.tr("not set (means 1)"))
        self.api_version.setAccessibleName(self.tr("Minimum API version"))
        self.api_required = QLabel()
        fix_label_size(self.api_required, "required: 6")
        self.raise_api = QPushButton()
        self.raise_api.setAccessibleName(self.tr("Raise min_api_version"))
        self.raise_api.hide()
        api_row = QWidget()
        api_row.setFocusProxy(self.api_version)
        api_layout = QHBoxLayout(api_row)
        api_layout.setContentsMargins(0, 0, 0, 0)
        api_layout.addWidget(self.api_version, 1)
        api_layout.addWidget(self.api_required)
        api_layout.addWidget(self.raise_api)
        form.addRow(self.tr("Min &API version"), api_row)

        # --- per-type forms ---------------------------------------------------------------
        self.type_box = QGroupBox()
        self.stack = QStackedWidget()
        QVBoxLayout(self.type_box).addWidget(self.stack)
        self.forms: dict[str, SpecForm | GroupEditor] = {}
        for kind, specs in type_specs().items():
            self.forms[kind] = SpecForm(specs)
        self.forms["rich_media"] = rich_media_editor()
        for kind in limits.MESSAGE_TYPES:
            self.stack.addWidget(self.forms[kind])
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
        self._unknown_type: Any = None

        self.keyboard_box = QCheckBox(self.tr("Attach a &keyboard"))
        self.keyboard_box.setChecked(False)
        self.keyboard = keyboard_editor()
        self.keyboard_group = QGroupBox(self.tr("Keyboard"))
        QVBoxLayout(self.keyboard_group).addWidget(self.keyboard)
        self.keyboard_group.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(common)
        layout.addWidget(self.type_box)
        layout.addWidget(self.keyboard_box)
        layout.addWidget(self.keyboard_group)
        layout.addStretch(1)

        # --- wiring -----------------------------------------------------------------------
        self._avatar_timer = QTimer(self, singleShot=True, interval=600)
        self._avatar_timer.timeout.connect(self._load_avatar)
        for line in (self.receiver, self.sender_name, self.avatar, self.api_version):
            line.textChanged.connect(self._edited)
        self.avatar.textChanged.connect(self._avatar_timer.start)
        self.tracking.edited.connect(self._edited)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        for f in self.forms.values():
            f.changed.connect(self._edited)
        self.keyboard.changed.connect(self._edited)
        self.keyboard_box.toggled.connect(self._keyboard_toggled)
        self.raise_api.clicked.connect(self._raise_api)
        if images is not None:
            images.loaded.connect(self._avatar_loaded)
        self._seed_keyboard()
        self._type_changed()

    # --- payload ------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return str(self.type_combo.currentData())

    def payload(self) -> dict[str, Any]:
        """The message as it will be sent (unknown imported fields included).

        Trap: nested values may be shared with the editors; deep-copy before handing the
        payload to another thread (send does).
        """
        msg: dict[str, Any] = {"receiver": self.receiver.value()}
        api = self.api_version.value()
        if api is not None:
            msg["min_api_version"] = api
        sender = dict(self._nested.get("sender", {}))
        sender["name"] = self.sender_name.value()
        if self.avatar.text():
            sender["avatar"] = self.avatar.value()
        else:
            sender.pop("avatar", None)
        msg["sender"] = sender
        tracking = self.tracking.value()
        if tracking != "":
            msg["tracking_data"] = tracking
        elif self._imported_tracking in (None, ""):  # an imported null or "" is kept as it was
            msg["tracking_data"] = self._imported_tracking
        kind = self.kind
        if kind == UNKNOWN_TYPE:
            msg["type"] = self._unknown_type
        elif kind:
            msg["type"] = kind
            for key in TYPE_FIELDS[kind]:
                if isinstance(self._nested.get(key), dict):
                    msg[key] = dict(self._nested[key])
            self.forms[kind].dump(msg)
        if self.keyboard_box.isChecked() or kind == KEYBOARD_ONLY:
            self.keyboard.dump(msg)
        for key, value in self._extras.items():
            msg.setdefault(key, value)  # kept as imported; nothing here mutates it
        return msg

    def load_payload(self, msg: dict[str, Any]) -> None:
        """Fill every form from ``msg``; fields no form edits are kept and sent as they are."""
        self._loading = True
        raw_type = msg.get("type")
        if "type" not in msg:
            kind = KEYBOARD_ONLY
        elif isinstance(raw_type, str) and raw_type in TYPE_FIELDS:
            kind = raw_type
        else:
            kind = self._set_unknown_type(raw_type)
        managed = set(COMMON_FIELDS) | set(TYPE_FIELDS.get(kind, ()))
        self._extras = {k: copy.deepcopy(v) for k, v in msg.items() if k not in managed}
        self._nested = {
            k: copy.deepcopy(v)
            for k, v in msg.items()
            if k in ("sender", *TYPE_FIELDS.get(kind, ())) and isinstance(v, dict)
        }
        self._imported_tracking = msg.get("tracking_data", _ABSENT)
        sender = msg.get("sender") if isinstance(msg.get("sender"), dict) else {}
        assert isinstance(sender, dict)
        self.receiver.set_value(msg.get("receiver"))
        self.sender_name.set_value(sender.get("name"))
        self.avatar.set_value(sender.get("avatar"))
        self.tracking.set_value(msg.get("tracking_data"))
        self.api_version.set_value(msg.get("min_api_version"))
        self.type_combo.setCurrentIndex(self.type_combo.findData(kind))
        if kind in self.forms:
            self.forms[kind].load(msg)
        has_keyboard = "keyboard" in msg
        self.keyboard_box.setChecked(has_keyboard and bool(kind))
        if has_keyboard:
            self.keyboard.load(msg if isinstance(msg.get("keyboard"), dict) else {})
        self._loading = False
        self._type_changed()
        self._edited()

    # --- findings and levels --------------------------------------------------------------

    def show_report(self, report: CheckReport, msg: dict[str, Any]) -> None:
        """Update counters and the required API level from a check of ``msg``."""
        self.sender_counter.set_text_value(self.sender_name.text())
        self.tracking_counter.set_text_value(self.tracking.toPlainText())
        form = self.forms.get(self.kind)
        if form is not None:
            form.update_counters(msg)
        if self.keyboard_box.isChecked() or self.kind == KEYBOARD_ONLY:
            self.keyboard.update_counters(msg)
        required = report.min_api_version_required
        declared = self.api_version.value()
        declared_level = declared if isinstance(declared, int) else 1
        self.api_required.setText(self.tr("required: %1").replace("%1", str(required)))
        low = declared_level < required
        set_style(self.api_required, f"color: {state_color('error' if low else 'muted', self)};")
        self.raise_api.setVisible(low)
        self.raise_api.setText(self.tr("Raise to %1").replace("%1", str(required)))
        self._required = required

    def focus_path(self, path: str) -> None:
        """Focus the widget for the JSON pointer ``path``."""
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
        if path.startswith("/keyboard"):
            self.keyboard_box.setChecked(True)
            target = self.keyboard.focus_path(path)
            if target is not None:
                target.setFocus()
            return
        form = self.forms.get(self.kind)
        if isinstance(form, GroupEditor):
            target = form.focus_path(path)
        elif form is not None:
            target = form.focus_widget(path)
        else:
            target = None
        (target or self.type_combo).setFocus()

    def set_receivers(self, receivers: list[str]) -> None:
        self.receiver_model.setStringList(receivers)

    # --- internals ----------------------------------------------------------------------

    def _set_unknown_type(self, value: Any) -> str:
        self._unknown_type = value
        label = self.tr("%1 (not a Viber type)").replace(
            "%1", json.dumps(value, ensure_ascii=False)
        )
        index = self.type_combo.findData(UNKNOWN_TYPE)
        if index < 0:
            self.type_combo.addItem(label, UNKNOWN_TYPE)
        else:
            self.type_combo.setItemText(index, label)
        return UNKNOWN_TYPE

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    def _type_changed(self) -> None:
        kind = self.kind
        self.stack.setCurrentIndex(self.type_combo.currentIndex())
        if kind == UNKNOWN_TYPE:
            self.type_box.setTitle(self.tr("Unknown type"))
        elif kind:
            self.type_box.setTitle(self.tr("%1 message").replace("%1", self.tr(TYPE_LABELS[kind])))
        else:
            self.type_box.setTitle(self.tr("Keyboard only"))
        if kind == KEYBOARD_ONLY:
            self.keyboard_box.setChecked(True)  # a keyboard-only message needs its keyboard
        self._show_keyboard(self.keyboard_box.isChecked())
        self._fit_stack()
        self._edited()

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

    def _keyboard_toggled(self, on: bool) -> None:
        if not on and self.kind == KEYBOARD_ONLY:
            self.keyboard_box.setChecked(True)
            return
        self._show_keyboard(on)
        self._edited()

    def _show_keyboard(self, on: bool) -> None:
        self.keyboard_group.setVisible(on)

    def _seed_keyboard(self) -> None:
        """Start the keyboard and rich-media editors from the shipped sample, not empty."""
        sample = sample_payload("rich_media")
        self.keyboard.load(sample)
        self.forms["rich_media"].load(sample)

    def _raise_api(self) -> None:
        self.api_version.set_value(self._required)
        self._edited()

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
            self.avatar_note.setText("✖ " + self.tr("Avatar not loaded: %1").replace("%1", error))
            set_style(self.avatar_note, f"color: {state_color('error', self)};")
            self.avatar_note.show()
            return
        self.avatar_thumb.setPixmap(QPixmap.fromImage(image))
        if size > limits.AVATAR_BYTES_WARN:
            self.avatar_note.setText(
                "⚠ "
                + self.tr("The avatar is %1 KB; Viber recommends at most 100 KB.").replace(
                    "%1", str(size // 1024)
                )
            )
            set_style(self.avatar_note, f"color: {state_color('warning', self)};")
            self.avatar_note.show()
        else:
            self.avatar_note.setText(
                self.tr("%1 × %2 px, %3 KB")
                .replace("%1", str(image.width()))
                .replace("%2", str(image.height()))
                .replace("%3", f"{size / 1024:.1f}")
            )
            set_style(self.avatar_note, f"color: {state_color('muted', self)};")
            self.avatar_note.show()

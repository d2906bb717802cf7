"""The selected button's properties: the common fields, then every other field under
"Advanced", each from the schema. The form follows the ActionType."""

from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import schema
from viber_desktop.core.bidi import isolate
from viber_desktop.core.pointer import MISSING
from viber_desktop.core.rules import is_http_url
from viber_desktop.ui.composer.button_specs import Group, common_specs, group_specs, groups
from viber_desktop.ui.composer.fields import hint
from viber_desktop.ui.composer.rich_fields import ButtonForm
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.images import ImageLoader, original_size
from viber_desktop.ui.layout_fence import LayoutFence

_URL_FIELDS = ("/OpenURLType", "/OpenURLMediaType")
_PICTURES = ("/Image", "/BgMedia")


_ACTIONS = ("reply", "open-url", "none", "share-phone", "location-picker", "?")
"""The actions whose note the ActionBody row keeps room for ("?": any other, "buy" among them)."""


class _Note(QLabel):
    """The hint under ActionBody, sized for the longest of ``texts`` whatever it shows, so a
    click on a button of another action neither moves the fields under it nor lays them out."""

    def __init__(self, texts: list[str]) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self.texts = [t for t in texts if t]
        self._sizes: dict[Any, Any] = {}

    def _most(self, key: Any, measure: Any) -> Any:
        """The largest of ``measure(label)`` over the texts, for a label like this one."""
        if key not in self._sizes:
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setFont(self.font())
            label.setContentsMargins(self.contentsMargins())
            found = []
            for text in self.texts:
                label.setText(text)
                found.append(measure(label))
            self._sizes[key] = max(found)
        return self._sizes[key]

    def heightForWidth(self, width: int) -> int:
        return int(self._most(width, lambda label: label.heightForWidth(width)))

    def sizeHint(self) -> QSize:
        return QSize(
            self._most("width", lambda label: label.sizeHint().width()),
            self._most("height", lambda label: label.sizeHint().height()),
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(
            self._most("min width", lambda label: label.minimumSizeHint().width()),
            self._most("min height", lambda label: label.minimumSizeHint().height()),
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._sizes.clear()
        super().changeEvent(event)


class ButtonPanel(QFrame):
    """Edits the button at ``base`` (a pointer into the document; None: no button chosen)."""

    def __init__(self, doc: MessageDocument, rich: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.rich = rich
        self.base: str | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # A label, not a group box title: Qt cuts a title that holds emoji short.
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.images: ImageLoader | None = None
        self.form = ButtonForm(common_specs(rich), doc, None)
        self.action_hint = _Note([self._action_row(a)[1] for a in _ACTIONS])
        position: Any = self.form.form.getWidgetPosition(self.form.boxes["/ActionBody"])
        self.form.form.insertRow(position[0] + 1, "", self.action_hint)
        self.form.notes["/ActionBody"] = self.action_hint
        self.thumbs: dict[str, QLabel] = {}
        for pointer in _PICTURES:
            thumb = QLabel()
            thumb.setFixedSize(28, 28)
            thumb.setScaledContents(True)
            policy = thumb.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # the row keeps its height without a picture
            thumb.setSizePolicy(policy)
            thumb.setAccessibleName(self.tr("Picture thumbnail"))
            thumb.hide()
            layout = self.form.boxes[pointer].layout()
            assert isinstance(layout, QHBoxLayout)
            layout.addWidget(thumb)
            self.thumbs[pointer] = thumb
        self._thumb_urls: dict[str, str] = {}
        self._thumb_timer = QTimer(self, singleShot=True, interval=500)
        self._thumb_timer.timeout.connect(self._request_thumbs)

        self.advanced_btn = QToolButton()
        self.advanced_btn.setCheckable(True)
        self.advanced_btn.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_btn.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_btn.setAutoRaise(True)
        self.advanced = QWidget()
        self.advanced.setVisible(False)
        self.group_forms: list[tuple[Group, QWidget, ButtonForm]] = []
        adv_layout = QVBoxLayout(self.advanced)
        adv_layout.setContentsMargins(12, 0, 0, 0)
        count = 0
        for group in groups():
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 6, 0, 0)
            heading = QLabel(f"<b>{group.title}</b>")
            box_layout.addWidget(heading)
            level = schema.field_of("button", group.owner).api_level if group.owner else 1
            if level > 1:
                box_layout.addWidget(
                    hint(self.tr("Needs min_api_version {level}.").format(level=level))
                )
            form = ButtonForm(group_specs(group, rich), doc, None)
            box_layout.addWidget(form)
            adv_layout.addWidget(box)
            self.group_forms.append((group, box, form))
            count += len(group.paths)
        self.advanced_btn.setText(
            isolate(self.tr("Advanced: {count} more fields").format(count=count))
        )
        self.advanced_btn.toggled.connect(self.show_advanced)

        self._aligned = False
        layout = QVBoxLayout(self)
        layout.addWidget(LayoutFence(self.heading, widths=False))  # each click names another button
        layout.addWidget(self.form)
        layout.addWidget(self.advanced_btn, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.advanced)
        self.set_base(None, "")

    def showEvent(self, event: QShowEvent) -> None:
        if not self._aligned:  # sizes are final once the style has polished the labels
            self._aligned = True
            self._align_labels()
        super().showEvent(event)

    def _align_labels(self) -> None:
        """One label column for the common form and every Advanced group."""
        forms = [self.form] + [form for _, _, form in self.group_forms]
        labels = [
            label
            for form in forms
            for row in range(form.form.rowCount())
            if (item := form.form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
            and isinstance(label := item.widget(), QLabel)
        ]
        longest = self.tr("Reply message *")  # the ActionBody label changes with the action
        metrics = self.fontMetrics()  # polished: a hidden group's labels are not yet
        width = 16 + max(
            metrics.horizontalAdvance(text.replace("&", ""))
            for text in [longest, *(label.text() for label in labels)]
        )
        for label in labels:
            indent = 12 if label.parentWidget() is not self.form else 0
            label.setMinimumWidth(width - indent)  # the Advanced groups sit 12 px further in

    # --- what is edited -------------------------------------------------------------------

    def set_base(self, base: str | None, title: str) -> None:
        """Edit the button at ``base`` (None: none chosen); ``title`` names it."""
        self.set_title(title)
        self.base = base
        self.form.set_base(base)
        on = self.advanced_btn.isChecked()
        for _, _, form in self.group_forms:
            if on or form.base is not None:  # hidden forms wait until they are opened
                form.set_base(base if on else None)
        self.setEnabled(base is not None)
        self._follow_action()
        self._update_thumbs()

    def set_title(self, title: str) -> None:
        text = title or self.tr("No button chosen")
        if self.heading.text() != text:
            self.heading.setText(text)

    def set_grid(self, columns: int, rows: int) -> None:
        """The group's grid: the largest Columns and Rows the spin boxes offer."""
        self.form.spins["/Columns"].set_top(columns)
        self.form.spins["/Rows"].set_top(rows)

    def refresh(self) -> None:
        self.form.refresh()
        if self.advanced_btn.isChecked():
            for _, _, form in self.group_forms:
                form.refresh()
        self._follow_action()
        self._update_thumbs()

    def show_advanced(self, on: bool) -> None:
        self.advanced_btn.setChecked(on)
        self.advanced_btn.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.advanced.setVisible(on)
        for _, _, form in self.group_forms:
            form.set_base(self.base if on else None)
        self._follow_action()

    def focus_widget(self, sub: str) -> QWidget | None:
        """The field for ``sub`` (``/Text``, ``/InternalBrowser/Mode``), shown first."""
        widget = self.form.focus_widget(sub)
        if widget is not None:
            return widget
        for _, _, form in self.group_forms:
            widget = form.focus_widget(sub)
            if widget is not None:
                self.show_advanced(True)
                return widget
        return None

    # --- the form follows the action ------------------------------------------------------

    def _value(self, sub: str) -> Any:
        return self.doc.get(self.base + sub, MISSING) if self.base is not None else MISSING

    def _follow_action(self) -> None:
        action = self._value("/ActionType")
        label, note = self._action_row(action)
        self.form.set_row("/ActionBody", visible=True, label=label, note=note)
        body_field = self.form.widgets["/ActionBody"]
        placeholder = (
            "https://example.com/page" if action == "open-url" else self.tr("what the bot receives")
        )
        if body_field.placeholderText() != placeholder:
            body_field.setPlaceholderText(placeholder)
        if not self.advanced_btn.isChecked():
            return
        opens_url = action == "open-url"
        for group, box, form in self.group_forms:
            if group.owner == "InternalBrowser":
                box.setVisible(opens_url or self._value("/InternalBrowser") is not MISSING)
            for pointer in _URL_FIELDS:
                if pointer in form.boxes:
                    shown = opens_url or self._value(pointer) is not MISSING
                    form.set_row(pointer, visible=shown)

    def _action_row(self, action: Any) -> tuple[str, str]:
        """The ActionBody row's label and the hint under it (shown for every action: Viber
        requires ActionBody of every button)."""
        if action == "open-url":
            return (
                self.tr("URL *"),
                self.tr(
                    "A tap opens this page (in Viber's own browser unless Advanced says otherwise)."
                ),
            )
        if action == "none":
            # Hidden, a missing ActionBody (which Viber requires) was an error nobody could
            # fix in the form.
            return (
                self.tr("Action body *"),
                self.tr("A tap does nothing; Viber still needs some text here."),
            )
        if action == "share-phone":
            return (
                self.tr("Action body *"),
                self.tr(
                    "A tap asks the user to share their phone number; your bot receives it "
                    "as a contact message."
                ),
            )
        if action == "location-picker":
            return (
                self.tr("Action body *"),
                self.tr(
                    "A tap opens Viber's location picker; your bot receives the chosen place "
                    "as a location message."
                ),
            )
        if action in (MISSING, None, "reply"):
            return (
                self.tr("Reply message *"),
                self.tr("A tap sends this text to your bot as the user's message."),
            )
        return (
            self.tr("Action body *"),
            self.tr("What a tap does with this action: see Viber's documentation."),
        )

    # --- thumbnails -----------------------------------------------------------------------

    def set_images(self, images: ImageLoader | None) -> None:
        if self.images is not None:
            self.images.loaded.disconnect(self._loaded)
        self.images = images
        if images is not None:
            images.loaded.connect(self._loaded)
        self._thumb_urls.clear()
        self._update_thumbs()

    def _update_thumbs(self) -> None:
        for pointer, thumb in self.thumbs.items():
            value = self._value(pointer)
            url = value.strip() if isinstance(value, str) else ""
            if self._thumb_urls.get(pointer) == url:
                continue
            self._thumb_urls[pointer] = url
            thumb.clear()
            thumb.setVisible(self.images is not None and is_http_url(url))
            thumb.setToolTip(self.tr("Loading the picture…"))
            if thumb.isVisibleTo(self):
                self._thumb_timer.start()

    def _request_thumbs(self) -> None:
        if self.images is None:
            return
        for url in set(self._thumb_urls.values()):
            if is_http_url(url):
                self.images.request(url)

    def _loaded(self, url: str, image: QImage | None, size: int, error: str) -> None:
        for pointer, thumb in self.thumbs.items():
            if self._thumb_urls.get(pointer) != url:
                continue
            if image is None:
                thumb.clear()
                thumb.setText("⚠")  # not ✖: beside the field's clear button it read as one
                thumb.setToolTip(self.tr("Picture not loaded: {reason}").format(reason=error))
            else:
                thumb.setPixmap(QPixmap.fromImage(image))
                width, height = original_size(image)
                tip = self.tr("{width} × {height} px").format(width=width, height=height)
                thumb.setToolTip(tip)

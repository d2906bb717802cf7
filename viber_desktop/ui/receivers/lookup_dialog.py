"""A receiver's details from get_user_details: the kept answer with its age, or a new one
within Viber's 2-per-12-hours limit (a third call is refused in words, nothing is asked)."""

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import receivers as rules
from viber_desktop.core.receiver_records import Receiver
from viber_desktop.services.receivers import CachedDetails, Lookup, ReceiverStore, look_up
from viber_desktop.services.settings import Profile
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.receivers.api import client_for, problem_text
from viber_desktop.ui.theme import state_color

AVATAR_PX = 72


class LookupDialog(QDialog):
    """Shows what Viber told about ``receiver``; Ask Viber makes one counted call."""

    def __init__(
        self, ctx: AppContext, profile: Profile, receiver: Receiver, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.profile, self.receiver = ctx, profile, receiver
        self.lookup: Lookup | None = None
        self.busy = False
        self._avatar_url: str | None = None
        self.setWindowTitle(self.tr("Look up {who}").format(who=receiver.who))
        heading = QLabel(receiver.shown)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: 600; font-size: 14px;")
        self.avatar = QLabel()
        self.avatar.setFixedSize(AVATAR_PX, AVATAR_PX)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.avatar.setAccessibleName(self.tr("Avatar"))
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, words in rules.USER_FIELDS.items():
            if key == "avatar":
                continue
            value = QLabel("—")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.fields[key] = value
            form.addRow(self.tr(words), value)
        top = QHBoxLayout()
        top.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(form, 1)
        self.age = QLabel()
        self.age.setWordWrap(True)
        self.age.setAccessibleName(self.tr("How old this answer is"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("What happened"))
        self.message.hide()
        self.ask = QPushButton(self.tr("&Ask Viber"))
        self.ask.setToolTip(rules.USER_DETAILS_LIMIT.source)
        self.ask.clicked.connect(self.ask_viber)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.ask, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.age)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        # Room for every row and a three-line message (a refusal) without squeezing the rows.
        self.setMinimumSize(520, 420)
        ctx.images.loaded.connect(self._avatar_loaded)
        self._load()

    def _load(self) -> None:
        profile, rid = self.profile.name, self.receiver.id

        def work(book: ReceiverStore) -> tuple[CachedDetails | None, int]:
            kept = book.cached(profile, rid)
            return kept, rules.calls_left(book.lookup_times(profile, rid), book.clock())

        def done(found: tuple[CachedDetails | None, int]) -> None:
            kept, left = found
            self._show(Lookup(rid, kept, calls_left=left))

        self._set_busy(True)
        self.ctx.with_book(work, done, self._failed, owner=self)

    def ask_viber(self) -> None:
        """One get_user_details call, counted before it leaves (or refused in words)."""
        if self.busy:
            return
        ctx, profile, receiver = self.ctx, self.profile, self.receiver

        def work(book: ReceiverStore) -> Lookup:
            client = client_for(ctx, profile)
            try:
                return look_up(
                    book, client, profile.name, receiver.id, refresh=True, who=receiver.who
                )
            finally:
                client.close()

        self._set_busy(True)
        self._say(self.tr("Asking Viber…"), "muted")
        self.ctx.with_book(work, self._show, self._failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ask.setEnabled(not busy)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self._say(problem_text(exc), "error")

    def _show(self, lookup: Lookup) -> None:
        self._set_busy(False)
        self.lookup = lookup
        kept = lookup.cached
        shown = kept.details.as_json() if kept else {}
        for key, value in self.fields.items():
            value.setText(str(shown[key]) if shown.get(key) not in (None, "") else "—")
        now = time.time()
        if kept is None:
            self.age.setText(self.tr("Not looked up yet."))
        else:
            self.age.setText(
                self.tr("Viber's answer from {age} (at {time}).").format(
                    age=rules.ago(now - kept.fetched_ts),
                    time=rules.clock_time(kept.fetched_ts, now),
                )
            )
        limit = rules.USER_DETAILS_LIMIT
        self.age.setText(
            self.age.text()
            + " "
            + self.tr(
                "Viber allows {calls} lookups of a receiver every {hours:g} hours: {left} left now."
            ).format(calls=limit.calls, hours=limit.window_s / rules.HOUR, left=lookup.calls_left)
        )
        self._tone(self.age, "muted")
        self.ask.setEnabled(lookup.calls_left > 0)
        if lookup.refused:
            self._say(lookup.refused, "error")
        elif lookup.result is not None and lookup.result.outcome != "ok":
            self._say(lookup.result.explanation, "error")
        elif lookup.fresh:
            self._say(self.tr("Viber answered just now."), "ok")
        elif self.message.text() == self.tr("Asking Viber…"):
            self.message.hide()
        self._show_avatar(kept.details.avatar if kept else None)

    def _say(self, text: str, tone: str) -> None:
        self.message.setText(text)
        self._tone(self.message, tone)
        self.message.show()

    def _tone(self, label: QLabel, tone: str) -> None:
        label.setStyleSheet(f"color: {state_color(tone, label)};")

    def _show_avatar(self, url: str | None) -> None:
        self._avatar_url = url
        self.avatar.setToolTip(url or "")
        self.avatar.setPixmap(QPixmap())
        self.avatar.setText(self.tr("no avatar") if not url else "…")
        if url:
            self.ctx.images.request(url)

    def _avatar_loaded(self, url: str, image: QImage | None, _size: int, _error: str) -> None:
        if url != self._avatar_url:
            return
        if image is None or image.isNull():
            self.avatar.setText(self.tr("avatar\nnot loaded"))
            return
        self.avatar.setPixmap(
            QPixmap.fromImage(image).scaled(
                AVATAR_PX,
                AVATAR_PX,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

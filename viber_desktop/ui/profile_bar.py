"""The profile bar: choose a bot profile, see its token state, set a token, add or remove."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget
from shiboken6 import isValid

from viber_desktop.core.bidi import isolate
from viber_desktop.core.redact import mask_token
from viber_desktop.services.profiles import (
    ProfileError,
    add_profile,
    delete_token,
    removal_problem,
    remove_profile,
    use_profile,
)
from viber_desktop.services.settings import Profile
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.first_paint import after_first_paint, holding
from viber_desktop.ui.theme import set_style, state_color


class ProfileBar(QWidget):
    """Signals:
    changed(object): the current Profile changed (also after its token changed).
    profiles_changed(list): the profile names, after one was added or removed.
    sender_name_chosen(str): the user chose the bot's name as sender in the token dialog.
    """

    changed = Signal(object)
    profiles_changed = Signal(list)
    sender_name_chosen = Signal(str)

    def __init__(
        self, ctx: AppContext, save_settings: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.save_settings = save_settings
        self.state = "unknown"
        self._lookup_waiting = False
        """Set while a token lookup waits for the first paint (keyring is slow to load)."""
        label = QLabel(self.tr("&Bot profile:"))
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Bot profile"))
        self.combo.setMinimumContentsLength(12)
        label.setBuddy(self.combo)
        self.token_label = QLabel()
        self.token_label.setAccessibleName(self.tr("Token state"))
        # Isolated: in a right-to-left window "Add profile…" would read "…Add profile".
        self.token_btn = QPushButton(isolate(self.tr("Token…")))
        self.add_btn = QPushButton(isolate(self.tr("Add profile…")))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (label, self.combo, self.token_label, self.token_btn, self.add_btn):
            layout.addWidget(w)
        self.combo.currentIndexChanged.connect(self._combo_changed)
        self.token_btn.clicked.connect(self.edit_token)
        self.add_btn.clicked.connect(self.add_profile)

    def current(self) -> Profile:
        name = self.combo.currentData() or self.ctx.settings.active_profile
        try:
            return self.ctx.settings.profile(str(name))
        except KeyError:
            return self.ctx.settings.all_profiles()[0]

    def fill(self) -> None:
        """Rebuild the list from the settings and select the active profile."""
        profiles = self.ctx.settings.all_profiles()
        self.combo.blockSignals(True)
        self.combo.clear()
        for p in profiles:
            self.combo.addItem(p.name, p.name)
        self.combo.setCurrentIndex(max(self.combo.findData(self.ctx.settings.active_profile), 0))
        self.combo.blockSignals(False)
        self.profiles_changed.emit([p.name for p in profiles])
        self._combo_changed()

    def _combo_changed(self) -> None:
        profile = self.current()
        if self.ctx.settings.active_profile != profile.name:
            use_profile(self.ctx.settings, profile.name)
            self.save_settings()
        self.refresh_token_state()
        self.changed.emit(profile)

    def refresh_token_state(self) -> None:
        profile = self.current()
        if profile.is_sandbox:
            self.show_state("sandbox")
            return
        if profile.name in self.ctx.session_tokens:
            self.show_state("session", self.ctx.session_tokens[profile.name])
            return
        self.show_state("checking")
        if holding():  # the window appears first
            if not self._lookup_waiting:
                self._lookup_waiting = True
                after_first_paint(self._look_up)
            return
        self._look_up()

    def _look_up(self) -> None:
        """Ask the keyring for the current profile's token, on a thread of its own.

        Trap: loading keyring and finding its backend takes 100 ms or more; a detached thread
        keeps that off the first paint, and quitting never waits for it.
        """
        self._lookup_waiting = False
        profile = self.current()
        if profile.is_sandbox or profile.name in self.ctx.session_tokens:
            return  # chosen since the lookup was asked for: its state is shown already

        def done(token: str | None) -> None:
            if isValid(self) and self.current().name == profile.name:  # the bar may be gone
                self.show_state("stored" if token else "missing", token)

        def failed(exc: Exception) -> None:
            if isValid(self) and self.current().name == profile.name:
                self.show_state("unavailable", str(exc))

        vault = self.ctx.vault
        self.ctx.runner.run_detached(lambda: vault.get(profile.name), done, failed)

    def show_state(self, state: str, detail: str | None = None) -> None:
        self.state = state
        text, tone = {
            "checking": (self.tr("checking token…"), "muted"),
            "sandbox": (self.tr("built-in sandbox token"), "ok"),
            "session": (self.tr("session token {token}").format(token=mask_token(detail)), "ok"),
            "stored": (self.tr("✔ token stored {token}").format(token=mask_token(detail)), "ok"),
            "missing": (self.tr("✖ no token stored"), "error"),
            "unavailable": (self.tr("⚠ keyring unavailable"), "warning"),
        }[state]
        self.token_label.setText(text)
        self.token_label.setToolTip(detail if state == "unavailable" and detail else "")
        set_style(self.token_label, f"color: {state_color(tone, self)}; padding: 0 6px;")

    def edit_token(self) -> None:
        from viber_desktop.ui.token_dialog import TokenDialog  # start-up: on first use

        profile = self.current()
        ctx = self.ctx
        dialog = TokenDialog(profile, ctx.runner, ctx.vault, ctx.images, self, sandbox=ctx.sandbox)
        if not dialog.exec():
            return
        if dialog.session_only:
            self.ctx.session_tokens[profile.name] = dialog.token
        else:
            self.ctx.session_tokens.pop(profile.name, None)
        if dialog.sender_name:
            self.sender_name_chosen.emit(dialog.sender_name)
        self.refresh_token_state()

    def add_profile(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from viber_desktop.ui.profile_dialog import ProfileDialog  # start-up: on first use

        dialog = ProfileDialog([p.name for p in self.ctx.settings.all_profiles()], self)
        if not dialog.exec() or dialog.profile is None:
            return
        try:
            profile = add_profile(self.ctx.settings, **dialog.profile.as_dict())
        except ProfileError as exc:  # the dialog checks as you type: only a rule it lacks
            QMessageBox.warning(self, self.tr("Add profile"), str(exc))
            return
        use_profile(self.ctx.settings, profile.name)
        self.save_settings()
        self.fill()
        self.edit_token()

    def remove_profile(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        profile = self.current()
        problem = removal_problem(self.ctx.settings, profile.name)
        if problem:
            QMessageBox.information(self, self.tr("Remove profile"), problem)
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove profile"),
            self.tr("Remove the profile “{name}” and its stored token?").format(name=profile.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        remove_profile(self.ctx.settings, profile.name)
        self.ctx.session_tokens.pop(profile.name, None)
        self.save_settings()

        def done(problem: str | None) -> None:
            if problem:
                QMessageBox.warning(self, self.tr("Remove profile"), problem)

        vault = self.ctx.vault
        self.ctx.runner.run(lambda: delete_token(vault, profile.name), done)
        self.fill()

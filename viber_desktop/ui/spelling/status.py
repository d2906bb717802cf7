"""The status bar's spelling button: the language in use, or why spell checking is off.

Its menu chooses the active profile's spelling language (saved with the profile); the built-in
Sandbox profile is not saved, so its choice lasts while it stays the active profile.
"""

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QStatusBar, QToolButton, QWidget

from viber_desktop.core.spell_words import LANGUAGES, language_of_locale
from viber_desktop.services.settings import Profile, Settings
from viber_desktop.services.spelling import language_name
from viber_desktop.ui.spelling.hub import SpellingHub, default_hub


class SpellStatus(QToolButton):
    """Shows the spelling language (or 'Spell checking off') and lets the user change it."""

    def __init__(
        self,
        status: QStatusBar,
        settings: Settings,
        save: Callable[[], object],
        hub: SpellingHub | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.status = status
        self.settings = settings
        self.save = save
        self.hub = hub or default_hub()
        self.profile: Profile | None = None
        self._said: str | None = None
        self.setAutoRaise(True)
        # Not a Tab stop (status-bar items are not); the profile dialog chooses it too.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAccessibleName(self.tr("Spelling language"))
        self.choices = QMenu(self)
        self.setMenu(self.choices)
        self.choices.aboutToShow.connect(self._fill)
        self.hub.state_changed.connect(self.show_state)
        status.addPermanentWidget(self)
        self.show_state()

    def use_profile(self, profile: Profile) -> None:
        """Check the words in ``profile``'s language (the system's when it has none)."""
        self.profile = profile
        self.hub.use_language(profile.spell_language)
        self.show_state()

    def show_state(self) -> None:
        hub = self.hub
        sentence = hub.status()
        if hub.problem is not None:
            self.setText(self.tr("Spell checking off"))
            if self._said != hub.problem:  # say why once, in full, where it is read
                self._said = hub.problem
                self.status.showMessage(hub.problem, 15_000)
        elif hub.language:
            self.setText(
                self.tr("Spelling: {language}").format(language=language_name(hub.language))
            )
        else:
            self.setText(self.tr("Spelling"))
        tip = self.tr("{state} Click to choose the language for this profile.").format(
            state=sentence
        )
        self.setToolTip(tip)

    def _fill(self) -> None:
        self.choices.clear()
        group = QActionGroup(self.choices)
        chosen = self.profile.spell_language if self.profile is not None else ""
        system = language_name(language_of_locale(QLocale.system().name()))
        options = [("", self.tr("System language ({language})").format(language=system))]
        options += [(code, language_name(code)) for code in LANGUAGES]
        for code, label in options:
            action = QAction(label, self.choices)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _=False, code=code: self.choose(code))
            group.addAction(action)
            self.choices.addAction(action)

    def choose(self, language: str) -> None:
        """Make ``language`` ("" for the system's) the active profile's spelling language."""
        profile = self.profile
        if profile is None or profile.spell_language == language:
            return
        changed = dataclasses.replace(profile, spell_language=language)
        profiles = self.settings.profiles
        for index, kept in enumerate(profiles):
            if kept.name == profile.name:
                profiles[index] = changed
                self.save()
                break
        self.use_profile(changed)

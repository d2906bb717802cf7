"""The status bar's spelling button: the language in use, or why spell checking is off.

Its menu chooses the active profile's spelling language (saved with the profile); the built-in
Sandbox profile is not saved, so its choice lasts while it stays the active profile. A problem
(spell checking off, a personal dictionary that cannot be read or saved) shows a warning icon,
is said once in the status bar, is in full in the tooltip, and the menu's first item shows it in
a message box (the status bar cuts a long sentence and clears it).
"""

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon
from PySide6.QtWidgets import QMenu, QStatusBar, QToolButton, QWidget

from viber_desktop.core.spell_words import LANGUAGES
from viber_desktop.services.settings import Profile, Settings
from viber_desktop.services.spelling import language_name
from viber_desktop.ui.spelling.hub import SpellingHub, default_hub, window_language


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
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAccessibleName(self.tr("Spelling language"))
        self.choices = QMenu(self)
        self.setMenu(self.choices)
        self.choices.aboutToShow.connect(self._fill)
        self.hub.state_changed.connect(self.show_state)
        status.addPermanentWidget(self)
        self.show_state()

    def use_profile(self, profile: Profile) -> None:
        """Check the words in ``profile``'s language (the window's when it has none)."""
        self.profile = profile
        self.hub.use_language(profile.spell_language)
        self.show_state()

    def problem(self) -> str | None:
        """What is wrong, in full: spell checking is off, or the personal dictionary."""
        return self.hub.problem if self.hub.problem is not None else self.hub.note

    def show_state(self) -> None:
        hub = self.hub
        sentence = hub.status()
        problem = self.problem()
        if hub.problem is not None:
            self.setText(self.tr("Spell checking off"))
        elif hub.language:
            self.setText(
                self.tr("Spelling: {language}").format(language=language_name(hub.language))
            )
        else:
            self.setText(self.tr("Spelling"))
        if problem is not None:
            from PySide6.QtWidgets import QStyle  # rarely needed: 11 enum classes (issue 16)

            self.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            if self._said != problem:  # say it once where it is read; the menu keeps it
                self.status.showMessage(problem, 15_000)
            tip = self.tr(
                "{state} Click to see the whole message or to choose the language for this profile."
            ).format(state=sentence)
        else:
            self.setIcon(QIcon())
            tip = self.tr("{state} Click to choose the language for this profile.").format(
                state=sentence
            )
        self._said = problem
        self.setToolTip(tip)

    def explain(self) -> None:
        """Show the whole problem in a message box (the status bar cuts and clears it)."""
        from PySide6.QtWidgets import QMessageBox

        problem = self.problem()
        if problem is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Spell checking"), problem, parent=self.window()
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

    def _fill(self) -> None:
        self.choices.clear()
        if self.hub.problem is not None or self.hub.note is not None:
            why = QAction(
                self.tr("Why spell checking is off…")
                if self.hub.problem is not None
                else self.tr("Problem with your personal dictionary…"),
                self.choices,
            )
            why.triggered.connect(self.explain)
            self.choices.addAction(why)
            self.choices.addSeparator()
        group = QActionGroup(self.choices)
        chosen = self.profile.spell_language if self.profile is not None else ""
        window = language_name(window_language())
        options = [("", self.tr("Same as the window ({language})").format(language=window))]
        options += [(code, language_name(code)) for code in LANGUAGES]
        for code, label in options:
            action = QAction(label, self.choices)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _=False, code=code: self.choose(code))
            group.addAction(action)
            self.choices.addAction(action)

    def choose(self, language: str) -> None:
        """Make ``language`` ("" for the window's) the active profile's spelling language."""
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

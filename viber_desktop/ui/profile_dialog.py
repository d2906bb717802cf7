"""The Add profile dialog: name, API URL, sender defaults and the spelling language; each
text is checked as you type.

A problem is one plain sentence naming the field (never a validation library's dump); the
name rule is the one the CLI uses (services.profiles), the URL rule is core's
``base_url_problem`` and the sender rules are the message checker's.
"""

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core.checker import check_payload
from viber_desktop.core.endpoints import DEFAULT_API_URL, base_url_problem
from viber_desktop.core.spell_words import LANGUAGES
from viber_desktop.services.profiles import name_problem
from viber_desktop.services.settings import Profile
from viber_desktop.services.spelling import language_name
from viber_desktop.ui.spelling.hub import window_language
from viber_desktop.ui.theme import set_style, state_color

_SENDER_FIELDS = {"/sender/name": "sender.name", "/sender/avatar": "sender.avatar"}
_SENDER_WORDS = {"sender.name": "The sender name", "sender.avatar": "The sender avatar"}


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be the profile's API URL (core's rule), or None."""
    problem = base_url_problem(url.strip())
    return None if problem is None else f"API URL: {problem}"


def sender_problem(name: str, avatar: str) -> str | None:
    """The first problem with the optional sender defaults, by the message checker's rules."""
    sender: dict[str, str] = {}
    if name:
        sender["name"] = name
    if avatar:
        sender["avatar"] = avatar
    if not sender:
        return None
    sender.setdefault("name", "x")  # the name is optional here, required in a message
    report = check_payload({"receiver": "r", "type": "text", "text": "t", "sender": sender})
    for finding in report.errors:
        field = _SENDER_FIELDS.get(finding.path)
        if field is not None:
            message = finding.message
            if message.startswith(field):
                message = _SENDER_WORDS[field] + message[len(field) :]
            return message
    return None


class ProfileDialog(QDialog):
    """Ask for a new profile. After ``exec()`` is Accepted, ``profile`` holds it."""

    def __init__(self, taken: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add profile"))
        self.taken = list(taken)
        self.profile: Profile | None = None
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("for example Shop bot"))
        self.url = QLineEdit(DEFAULT_API_URL)
        self.sender_name = QLineEdit()
        self.sender_name.setPlaceholderText(self.tr("optional: the name messages are sent as"))
        self.sender_avatar = QLineEdit()
        self.sender_avatar.setPlaceholderText(self.tr("optional: https://… address of a picture"))
        self.spell_language = QComboBox()
        window = language_name(window_language())
        self.spell_language.addItem(
            self.tr("Same as the window ({language})").format(language=window), ""
        )
        for code in LANGUAGES:
            self.spell_language.addItem(language_name(code), code)
        self.spell_language.setToolTip(
            self.tr("The language this bot's messages are spell checked in")
        )
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout()
        for label, edit, accessible in (
            (self.tr("Profile &name:"), self.name, self.tr("Profile name")),
            (self.tr("&API URL:"), self.url, self.tr("API URL")),
            (self.tr("&Sender name:"), self.sender_name, self.tr("Sender name")),
            (self.tr("Sender a&vatar:"), self.sender_avatar, self.tr("Sender avatar")),
            (self.tr("Spell&ing language:"), self.spell_language, self.tr("Spelling language")),
        ):
            edit.setAccessibleName(accessible)
            buddy = QLabel(label)
            buddy.setBuddy(edit)
            form.addRow(buddy, edit)
        intro = QLabel(
            self.tr(
                "A profile is one bot: where to send (the API URL) and who the messages come "
                "from. Its token is asked for next and kept in your system keyring."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for edit in (self.name, self.url, self.sender_name, self.sender_avatar):
            edit.textChanged.connect(self._validate)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self._validate()
        self.resize(560, self.sizeHint().height())

    def first_problem(self) -> str | None:
        """The first problem, field by field in the order shown, or None."""
        return (
            name_problem(self.name.text(), self.taken)
            or url_problem(self.url.text())
            or sender_problem(self.sender_name.text(), self.sender_avatar.text().strip())
        )

    def _validate(self) -> None:
        problem = self.first_problem()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(problem is None)
        # An empty new dialog is not an error: say what to do, in a quiet colour.
        blank = not self.name.text()
        self.problem.setText(self.tr(problem) if problem else "")
        tone = "muted" if blank else "error"
        set_style(self.problem, f"color: {state_color(tone, self)};")

    def _accept(self) -> None:
        if self.first_problem() is not None:
            return
        try:
            self.profile = Profile(
                name=self.name.text(),
                api_url=self.url.text().strip(),
                sender_name=self.sender_name.text(),
                sender_avatar=self.sender_avatar.text().strip(),
                spell_language=self.spell_language.currentData() or "",
            )
        except ValueError:  # pydantic's ValidationError: a rule the checks above do not know
            self.problem.setText(
                self.tr("This profile cannot be saved: check each field and try again.")
            )
            return
        self.accept()

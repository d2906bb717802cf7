"""The token dialog: masked entry, reveal, check against get_account_info, store or session."""

from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import limits
from viber_desktop.core.endpoints import UnsafeUrl
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.redact import redact
from viber_desktop.core.text import trim_utf16
from viber_desktop.core.token_check import not_checked, token_verdict
from viber_desktop.sandbox.local import LocalSandbox, SandboxStopped
from viber_desktop.services.settings import Profile
from viber_desktop.services.vault import TokenVault
from viber_desktop.ui.images import ImageLoader
from viber_desktop.ui.tasks import TaskRunner
from viber_desktop.ui.theme import state_color

_VERDICT_LOOK = {
    "checking": ("", ""),
    "valid": ("✔", "ok"),
    "invalid": ("✖", "error"),
    "refused": ("✖", "error"),
    "not_checked": ("⚠", "warning"),
}


class TokenDialog(QDialog):
    """Enter a bot token for ``profile``.

    After ``exec()``: ``token``, ``session_only`` and ``sender_name`` (the bot's name, trimmed
    to 28 units, when the user asked to use it).
    """

    def __init__(
        self,
        profile: Profile,
        runner: TaskRunner,
        vault: TokenVault,
        images: ImageLoader | None = None,
        parent: QWidget | None = None,
        *,
        sandbox: LocalSandbox,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.sandbox = sandbox
        """The owner's sandbox: the Sandbox profile's token is checked there."""
        self.runner = runner
        self.vault = vault
        self.images = images
        self.token = ""
        self.session_only = False
        self.sender_name: str | None = None
        self.verdict = ""
        """The last check's verdict: "", "checking", or a ``core.token_check`` verdict."""
        self._bot_name = ""
        self._checking = 0  # the number of the check whose answer is awaited; 0: none
        self._checks = 0
        self._icon_url: str | None = None
        self.setWindowTitle(self.tr("Bot token for {profile}").format(profile=profile.name))

        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(self.tr("paste the token from the Viber Admin Panel"))
        self.edit.setAccessibleName(self.tr("Bot token"))
        self.reveal_box = QCheckBox(self.tr("&Show token"))
        self.reveal_box.setToolTip(self.tr("Show or hide the token"))
        self.reveal_box.toggled.connect(self._toggle_reveal)
        self.check_btn = QPushButton(self.tr("S&top checking"))
        self.check_btn.setMinimumWidth(self.check_btn.sizeHint().width())  # the field stays put
        self.check_btn.setText(self.tr("&Check"))
        self.check_btn.setToolTip(self.tr("Ask Viber's get_account_info whether the token works"))
        self.bot_icon = QLabel()
        self.bot_icon.setFixedSize(40, 40)
        self.bot_icon.setScaledContents(True)
        self.bot_label = QLabel()
        self.bot_label.setWordWrap(True)
        self.use_name = QCheckBox(self.tr("Use the bot's &name as sender (trimmed to 28)"))
        self.use_name.setEnabled(False)
        self.session = QCheckBox(
            self.tr("Use for this sessi&on only (keep it in memory, do not store it)")
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.error = QLabel()
        self.error.setWordWrap(True)

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.check_btn)
        token_label = QLabel(self.tr("&Token"))
        token_label.setBuddy(self.edit)
        form.addRow(token_label, row)
        form.addRow("", self.reveal_box)
        bot = QHBoxLayout()
        bot.addWidget(self.bot_icon)
        bot.addWidget(self.bot_label, 1)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The token is kept in your system keyring (service "
                "“viber-desktop”), never in a file, a log or the history."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(bot)
        layout.addWidget(self.use_name)
        layout.addWidget(self.session)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.check_btn.clicked.connect(self._check_clicked)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._changed)
        if images is not None:
            images.loaded.connect(self._icon_loaded)
        self._changed()
        self.resize(520, self.sizeHint().height())

    def _toggle_reveal(self, on: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)

    def _changed(self) -> None:
        ok = bool(self.edit.text().strip())
        self.check_btn.setEnabled(ok or bool(self._checking))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(ok)

    def _check_clicked(self) -> None:
        if self._checking:
            self.stop_check()
        else:
            self.check()

    def _checked(self, number: int) -> bool:
        """True when the answer of check ``number`` is the one awaited (then none is)."""
        if number != self._checking:
            return False
        self._checking = 0
        self.check_btn.setText(self.tr("&Check"))
        self.check_btn.setEnabled(bool(self.edit.text().strip()))
        return True

    def stop_check(self) -> None:
        """Stop waiting for the check's answer (a slow or silent server); it is ignored."""
        if self._checked(self._checking):
            self._show_verdict(
                "not_checked",
                self.tr("Check stopped: the token was not checked. You can save it anyway."),
            )

    def check(self) -> None:
        token = self.edit.text().strip()
        self._checks += 1
        number = self._checks
        self._checking = number
        self.check_btn.setText(self.tr("S&top checking"))
        self.use_name.setEnabled(False)
        self._bot_name = ""
        self._show_verdict("checking", self.tr("Checking… (you can stop waiting or save now)"))
        who = self.tr("the sandbox") if self.profile.is_sandbox else self.tr("Viber")
        try:
            base_url = self.sandbox.base_url if self.profile.is_sandbox else self.profile.api_url
        except (OSError, SandboxStopped) as exc:  # the sandbox could not start (no free port…)
            self._checked(number)
            self._show_verdict("not_checked", not_checked(who, str(exc)).text)
            return

        def call() -> ApiResult:
            from viber_desktop.services.viber_client import ViberClient  # on a worker thread

            client = ViberClient(base_url, token)
            try:
                return client.get_account_info()
            finally:
                client.close()

        def done(result: ApiResult) -> None:
            if not self._checked(number):
                return
            verdict = token_verdict(result, who)
            self._show_verdict(verdict.verdict, redact(verdict.text, token))
            if verdict.verdict != "valid":
                return
            self._bot_name = verdict.bot_name
            self.use_name.setEnabled(bool(self._bot_name))
            icon = (result.data or {}).get("icon")
            if self.images is not None and isinstance(icon, str):
                self._icon_url = icon
                self.images.request(icon)

        def failed(exc: Exception) -> None:
            from viber_desktop.services.viber_client import BadTokenError  # loaded by call()

            if not self._checked(number):
                return
            if isinstance(exc, BadTokenError):
                text = self.tr(
                    "Not valid: the token contains spaces or characters a Viber token never "
                    "has. Copy it again from the bot's Info screen in the Viber Admin Panel."
                )
                self._show_verdict("invalid", text)
            elif isinstance(exc, UnsafeUrl):
                text = self.tr(
                    "The token was NOT checked: the profile's API URL cannot be used. {reason}"
                ).format(reason=exc)
                self._show_verdict("not_checked", redact(text, token))
            else:
                self._show_verdict("not_checked", redact(not_checked(who, str(exc)).text, token))

        self.runner.run(call, done, failed)

    def _show_verdict(self, verdict: str, text: str) -> None:
        icon, tone = _VERDICT_LOOK[verdict]
        self.verdict = verdict
        self.bot_label.setText(f"{icon} {text}".strip())
        self.bot_label.setStyleSheet(f"color: {state_color(tone, self)};" if tone else "")
        box = self.layout()
        if box is not None:
            box.activate()  # grow to fit a longer verdict instead of clipping it
        self.resize(self.width(), max(self.height(), self.heightForWidth(self.width())))

    def _icon_loaded(self, url: str, image: QImage | None, size: int, error: str) -> None:
        if image is not None and url == self._icon_url:
            self.bot_icon.setPixmap(QPixmap.fromImage(image))

    def save(self) -> None:
        self.token = self.edit.text().strip()
        self.session_only = self.session.isChecked()
        if self.use_name.isChecked() and self._bot_name:
            self.sender_name = trim_utf16(self._bot_name, limits.SENDER_NAME_MAX)
        if self.session_only:
            self.accept()
            return
        self.buttons.setEnabled(False)

        def failed(exc: Exception) -> None:
            self.buttons.setEnabled(True)
            self.error.setText(
                "✖ "
                + redact(str(exc), self.token)
                + "\n"
                + self.tr("You can tick “Use for this session only” to keep it in memory instead.")
            )
            self.error.setStyleSheet(f"color: {state_color('error', self)};")

        self.runner.run(
            lambda: self.vault.set(self.profile.name, self.token), lambda _: self.accept(), failed
        )

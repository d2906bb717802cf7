"""The main window: profile bar, composer, live checks, JSON, preview, send and response."""

import base64
import copy
import json
import time
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from viber_desktop.core import limits
from viber_desktop.core.body_token import BODY_TOKEN_NOTICE, strip_body_token
from viber_desktop.core.checker import check_payload
from viber_desktop.core.endpoints import endpoint_url, is_loopback_host
from viber_desktop.core.findings import CheckReport
from viber_desktop.core.history import HistoryEntry
from viber_desktop.core.jsonio import JsonInputError, parse_json
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.statuses import status_info
from viber_desktop.core.text import compact_json, pretty_json
from viber_desktop.services.drafts import load_draft, save_draft
from viber_desktop.services.history import HistoryStore
from viber_desktop.services.paths import data_dir_problem
from viber_desktop.services.sending import (
    NoTokenError,
    SendRefused,
    resolve_target,
    send_checked,
)
from viber_desktop.services.settings import Profile
from viber_desktop.ui.about import AboutDialog
from viber_desktop.ui.assets import sample_payload
from viber_desktop.ui.composer.composer_widget import ComposerWidget
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.findings_panel import FindingsPanel
from viber_desktop.ui.history.panel import HistoryPanel
from viber_desktop.ui.message_actions import MessageActions
from viber_desktop.ui.preferences_dialog import PreferencesDialog
from viber_desktop.ui.preview import ChatPreview
from viber_desktop.ui.profile_bar import ProfileBar
from viber_desktop.ui.response_panel import (
    LOCAL_SERVER,
    SANDBOX,
    VIBER,
    ResponsePanel,
    SendInfo,
    outcome_title,
)
from viber_desktop.ui.theme import state_color


class MainWindow(QMainWindow):
    """The composer window.

    Signals:
        send_finished(object): the ApiResult of a send (also None when refused).
    """

    send_finished = Signal(object)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.report: CheckReport = check_payload({})
        self._payload: dict[str, Any] = {}
        self._sending = False
        self._preparing = False  # checking the receiver's hourly limit before a send
        self._closed = False
        self._send_seq = 0
        self._waiting_seq: int | None = None  # the send whose answer the window waits for
        self._shown_seq: int | None = None  # the send the response panel shows
        self._send_started = 0.0
        self._shown_for: tuple[str, str] | None = None  # (composition JSON, profile) shown
        self._send_status = ""  # the status-bar text of the last send, cleared when stale
        self._json_shown = -1  # the document version the JSON tab shows
        self._preview_shown: dict[str, Any] | None = None
        self._sender_defaults = ("", "")  # the last profile's default sender name and avatar
        self._draft_failed = False  # the user was told the draft cannot be saved
        self._history_problem: str | None = None  # why the history could not be opened
        self.setWindowTitle(self.tr("Viber Desktop Composer"))
        self.setAccessibleName(self.tr("Viber Desktop Composer"))

        # --- profile bar --------------------------------------------------------------------
        bar = QToolBar(self.tr("Profile"))
        bar.setObjectName("profile_bar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.profile_bar = ProfileBar(ctx, self._save_settings)
        self.send_btn = QPushButton(self.tr("&Send"))
        self.send_btn.setAccessibleName(self.tr("Send message"))
        self.send_btn.setDefault(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setAccessibleName(self.tr("Sending"))
        self.stop_btn = QPushButton(self.tr("Stop waiting"))
        self.stop_btn.setAccessibleName(self.tr("Stop waiting for the answer"))
        self.stop_btn.setToolTip(
            self.tr(
                "Stop waiting for the answer. Nothing is cancelled or resent: the message may "
                "still be delivered, and the history records the answer if it comes."
            )
        )
        bar.addWidget(self.profile_bar)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        bar.addWidget(spacer)
        # Trap: a widget on a tool bar is shown and hidden through its action, not itself.
        self.busy_action = bar.addWidget(self.busy)
        self.busy_action.setVisible(False)
        self.stop_action = bar.addWidget(self.stop_btn)
        self.stop_action.setVisible(False)
        bar.addWidget(self.send_btn)

        # --- composer and panels ----------------------------------------------------------
        self.doc = MessageDocument(parent=self)
        self.composer = ComposerWidget(self.doc, ctx.images)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.composer)
        scroll.setMinimumWidth(360)

        self.preview = ChatPreview(ctx.images)
        self.json_view = QPlainTextEdit()
        self.json_view.setReadOnly(True)
        self.json_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.json_view.setAccessibleName(self.tr("Request JSON"))
        self.json_note = QLabel()
        self.json_note.setWordWrap(True)
        copy_json = QPushButton(self.tr("Copy JSON"))
        copy_json.setToolTip(self.tr("Copy the exact bytes that will be sent (compact)"))
        copy_curl = QPushButton(self.tr("Copy as curl"))
        copy_curl.setToolTip(self.tr("The token is written as $VIBER_AUTH_TOKEN"))
        json_page = QWidget()
        jl = QVBoxLayout(json_page)
        jl.addWidget(self.json_note)
        jl.addWidget(self.json_view, 1)
        row = QHBoxLayout()
        row.addWidget(copy_json)
        row.addWidget(copy_curl)
        row.addStretch(1)
        jl.addLayout(row)
        self.response = ResponsePanel()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Preview, JSON and response"))
        self.tabs.addTab(self.preview, self.tr("Previe&w"))
        self.tabs.addTab(json_page, self.tr("&JSON"))
        self.tabs.addTab(self.response, self.tr("Resp&onse"))
        self.tabs.currentChanged.connect(self._refresh_views)
        self.findings = FindingsPanel()

        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.tabs)
        self.right.addWidget(self.findings)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.history_panel = HistoryPanel(ctx.runner)
        self.modes = QTabWidget()
        self.modes.setAccessibleName(self.tr("Compose or history"))
        self.modes.setDocumentMode(True)
        self.modes.addTab(self.splitter, self.tr("&Compose"))
        self.modes.addTab(self.history_panel, self.tr("H&istory"))
        self.setCentralWidget(self.modes)
        self.history_panel.open_requested.connect(self.open_entry)
        self.history_panel.resend_requested.connect(self.resend)
        # A send still waiting for its answer is already recorded: show it when looked at.
        self.modes.currentChanged.connect(
            lambda index: self.history_panel.refresh() if index == 1 else None
        )
        self.status = self.statusBar()

        self._build_menus(copy_json, copy_curl)

        # --- timers and wiring ------------------------------------------------------------
        self._view_timer = QTimer(self, singleShot=True, interval=60)
        self._view_timer.timeout.connect(self._refresh_views)
        self._draft_timer = QTimer(self, singleShot=True, interval=400)
        self._draft_timer.timeout.connect(self.save_draft)
        self._rate_timer = QTimer(self, singleShot=True, interval=300)
        self._rate_timer.timeout.connect(self._refresh_rate)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._tick_waiting)
        self.composer.changed.connect(self.on_changed)
        self.composer.receiver.textChanged.connect(self._rate_timer.start)
        self.findings.focus_requested.connect(self.composer.focus_path)
        self.send_btn.clicked.connect(self.send)
        self.stop_btn.clicked.connect(self.stop_waiting)
        self.profile_bar.changed.connect(self._profile_changed)
        self.profile_bar.profiles_changed.connect(self.history_panel.set_profiles)
        self.profile_bar.sender_name_chosen.connect(self.composer.use_sender)
        self.profile_bar.fill()
        self.composer.load_payload(self._initial_payload())
        self.on_changed()
        self._open_history()
        self.resize(1280, 800)
        self._restore_geometry()

    # --- menus ------------------------------------------------------------------------------

    def _build_menus(self, copy_json: QPushButton, copy_curl: QPushButton) -> None:
        self.message_actions = MessageActions(self)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import JSON…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.message_actions.import_json)
        export = QAction(self.tr("&Export JSON…"), self)
        export.setShortcut(QKeySequence("Ctrl+E"))
        export.triggered.connect(self.message_actions.export_json)
        self.new_action = new = QAction(self.tr("&New message"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(
            lambda: self.replace_message(sample_payload("text"), self.tr("New message"))
        )
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for a in (new, self.import_action, export):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.doc.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.doc.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self.copy_json_action = QAction(self.tr("Copy &JSON"), self)
        self.copy_json_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_json_action.triggered.connect(self.message_actions.copy_json)
        self.copy_curl_action = QAction(self.tr("Copy as c&url"), self)
        self.copy_curl_action.triggered.connect(self.message_actions.copy_curl)
        edit.addAction(self.copy_json_action)
        edit.addAction(self.copy_curl_action)
        curl_token = QAction(self.tr("Copy as curl with the real &token…"), self)
        curl_token.triggered.connect(self.message_actions.copy_curl_with_token)
        edit.addAction(curl_token)
        edit.addSeparator()
        self.preferences_action = QAction(self.tr("Pre&ferences…"), self)
        self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.triggered.connect(self.preferences)
        edit.addAction(self.preferences_action)
        templates = self.menuBar().addMenu(self.tr("&Templates"))
        save_template = QAction(self.tr("&Save as template…"), self)
        save_template.setShortcut(QKeySequence.StandardKey.Save)
        save_template.triggered.connect(self.message_actions.save_template)
        open_template = QAction(self.tr("&Templates…"), self)
        open_template.setShortcut(QKeySequence("Ctrl+T"))
        open_template.triggered.connect(self.message_actions.open_templates)
        templates.addAction(save_template)
        templates.addAction(open_template)
        copy_json.clicked.connect(self.message_actions.copy_json)
        copy_curl.clicked.connect(self.message_actions.copy_curl)
        message = self.menuBar().addMenu(self.tr("&Message"))
        send = QAction(self.tr("&Send"), self)
        # On the action, not the button: the button's text (&Send) owns its Alt+S mnemonic.
        send.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        send.triggered.connect(self.send)
        message.addAction(send)
        profiles = self.menuBar().addMenu(self.tr("&Profiles"))
        profiles.addAction(self.tr("&Token…"), self.profile_bar.edit_token)
        profiles.addAction(self.tr("&Add profile…"), self.profile_bar.add_profile)
        profiles.addAction(self.tr("&Remove profile"), self.profile_bar.remove_profile)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&About"), self.about)

    # --- checking and views -------------------------------------------------------------

    def on_changed(self) -> None:
        """Every edit: check now (counters, findings), redraw JSON and preview shortly."""
        self._payload = self.composer.payload()
        self.report = check_payload(self._payload)
        self.composer.show_report(self.report, self._payload)
        self.findings.show_report(self.report)
        self._update_send_state()
        self._check_stale()
        self._view_timer.start()
        self._draft_timer.start()

    def _refresh_views(self) -> None:
        """Redraw only the visible tab, and the preview only when what it shows changed."""
        current = self.tabs.currentIndex()
        if current == 1 and self._json_shown != self.doc.version:
            self._json_shown = self.doc.version
            self.json_view.setPlainText(pretty_json(self._payload))
            self.json_note.setText(
                self.tr(
                    "Sent as compact UTF-8 JSON: %1 bytes (shown pretty-printed for reading). "
                    "The token travels only in the X-Viber-Auth-Token header."
                ).replace("%1", f"{self.report.bytes:,}")
            )
        if current == 0:
            shown = {
                k: v
                for k, v in self._payload.items()
                if k not in ("tracking_data", "min_api_version")
            }
            if shown != self._preview_shown:
                self._preview_shown = copy.deepcopy(shown)  # the document changes in place
                self.preview.show_message(self._payload)

    def _update_send_state(self) -> None:
        errors = self.report.errors
        if self._sending or self._preparing:
            reason = self.tr("A send is in progress.")
        elif errors:
            reason = (
                self.tr("Fix %1 error(s) first, e.g. %2: %3")
                .replace("%1", str(len(errors)))
                .replace("%2", errors[0].path or "body")
                .replace("%3", errors[0].message)
            )
        elif self.ctx.history is None:
            reason = self._history_problem or self.tr("Opening the history…")
        else:
            reason = ""
        self.send_btn.setEnabled(not reason)
        self.send_btn.setToolTip(reason or self.tr("Send once (Ctrl+Enter); never retried"))

    # --- profiles ----------------------------------------------------------------------

    def current_profile(self) -> Profile:
        return self.profile_bar.current()

    def _profile_changed(self, profile: Profile) -> None:
        """Use the profile's default sender unless the user typed another one."""
        previous = self._sender_defaults
        name = self.doc.get("/sender/name")
        avatar = self.doc.get("/sender/avatar")
        use_name = profile.sender_name and name in (None, "", previous[0])
        use_avatar = profile.sender_avatar and avatar in (None, "", previous[1])
        if use_name or use_avatar:
            self.composer.use_sender(
                profile.sender_name if use_name else name,
                profile.sender_avatar if use_avatar else "",
            )
        self._sender_defaults = (profile.sender_name, profile.sender_avatar)
        self._check_stale()

    # --- sending ------------------------------------------------------------------------

    def _refuse_while_sending(self) -> bool:
        """True (and the status bar says why) while a send is being prepared or waits."""
        if self._sending or self._preparing:
            self.status.showMessage(
                self.tr(
                    "A send is already in progress: wait for its answer, or press Stop waiting."
                ),
                8000,
            )
        return self._sending or self._preparing

    def send(self) -> None:
        """Send the composition once (Ctrl+Enter); when it cannot go, say why."""
        if self._refuse_while_sending():
            return
        if self.modes.currentWidget() is not self.splitter:
            # Never send a message the user cannot see: show it first.
            self.modes.setCurrentWidget(self.splitter)
            self.status.showMessage(
                self.tr(
                    "Nothing was sent. This is the message Ctrl+Enter sends: check it, then "
                    "press Ctrl+Enter again."
                ),
                10_000,
            )
            return
        if self.ctx.history is None:
            self.status.showMessage(
                self.tr(
                    "Not sent: the history is not open yet (every send is recorded before it "
                    "leaves). Try again in a moment."
                ),
                8000,
            )
            return
        self._send_after_limits(copy.deepcopy(self.composer.payload()), self.current_profile())

    def resend(self, entry: HistoryEntry) -> None:
        """Send a past request again, after a confirmation naming the receiver and profile."""
        if self._refuse_while_sending():
            return
        try:
            payload = parse_json(entry.request, what=self.tr("The stored request"))
            profile = self.ctx.settings.profile(entry.profile)
            if not isinstance(payload, dict):
                raise JsonInputError(self.tr("The stored request is not a JSON object."))
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Resend"), str(exc))
            return
        except KeyError:
            QMessageBox.warning(
                self,
                self.tr("Resend"),
                self.tr(
                    "The profile “%1” no longer exists; open the entry in the composer and send it "
                    "with another profile."
                ).replace("%1", entry.profile),
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Resend message"),
            self.tr(
                "Send this %1 message again to “%2” with the profile “%3”?\n\nThe receiver gets "
                "it a second time."
            )
            .replace("%1", entry.type or "keyboard")
            .replace("%2", entry.receiver)
            .replace("%3", entry.profile),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.modes.setCurrentIndex(0)
        self._send_after_limits(payload, profile, resend_of=entry.id)

    def open_entry(self, entry: HistoryEntry) -> None:
        try:
            payload = json.loads(entry.request)
        except ValueError:
            return
        if isinstance(payload, dict):
            self.modes.setCurrentIndex(0)
            self.replace_message(payload, self.tr("Open history entry #{id}").format(id=entry.id))

    def replace_message(self, payload: dict[str, Any], step: str, notice: str = "") -> None:
        """Replace the composed message as one undo step and say how to get it back."""
        self.composer.load_payload(payload, step)
        undo = self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        said = self.tr("{step}: the message was replaced. {undo} brings back the previous one.")
        self.status.showMessage(
            " ".join(filter(None, (said.format(step=step, undo=undo), notice))),
            0 if notice else 10_000,  # a notice stays until the next message
        )

    def _send_info(
        self, payload: dict[str, Any], profile: Profile, resend_of: int | None = None
    ) -> SendInfo:
        receiver = payload.get("receiver")
        if profile.is_sandbox:
            who, endpoint = SANDBOX, self.tr("the built-in sandbox on this computer")
        else:
            endpoint = endpoint_url(profile.api_url, "send_message")
            local = is_loopback_host(urlsplit(profile.api_url).hostname)
            who = LOCAL_SERVER if local else VIBER
        return SendInfo(
            receiver=(
                (receiver if len(receiver) <= 80 else receiver[:79] + "…")
                if isinstance(receiver, str)
                else self.tr("(not text)")
            ),
            profile=profile.name,
            who=who,
            endpoint=endpoint,
            started=datetime.now(),
            resend_of=resend_of,
        )

    def _refuse(self, report: CheckReport, info: SendInfo) -> None:
        """Payload errors: say so in the panel and the status bar, and point at the first."""
        errors = report.errors
        first = errors[0].message
        first = first[:1].upper() + first[1:]
        headline = (
            self.tr("Not sent: 1 problem must be fixed first")
            if len(errors) == 1
            else self.tr("Not sent: %1 problems must be fixed first").replace(
                "%1", str(len(errors))
            )
        )
        self.response.show_refused(
            headline,
            first
            + "\n"
            + self.tr(
                "The first problem is selected in the findings list and its field has the "
                "focus. Nothing left this computer."
            ),
            info,
        )
        self._remember_shown(None, info.profile)
        self._show_send_status(f"{headline} — {first}")
        self.tabs.setCurrentWidget(self.response)
        path = self.findings.select_first_error()
        if path is not None:
            self.composer.focus_path(path)

    def _send_after_limits(
        self, payload: dict[str, Any], profile: Profile, resend_of: int | None = None
    ) -> None:
        """Refuse a payload with errors; ask first when the receiver is at Viber's hourly
        limit; then send."""
        info = self._send_info(payload, profile, resend_of)
        report = check_payload(strip_body_token(payload)[0])
        if not report.ok:
            self._refuse(report, info)
            return
        history = self.ctx.history
        receiver = payload.get("receiver")
        if history is None or not isinstance(receiver, str):
            self._start_send(payload, profile, info)
            return
        self._preparing = True
        self._update_send_state()

        def work() -> tuple[int, float | None]:
            return history.sent_last_hour(receiver), history.limited_until(receiver)

        def done(counts: tuple[int, float | None]) -> None:
            self._preparing = False
            if self._closed:
                return
            question = self._limit_question(info.receiver, *counts)
            if question and not self._ask(
                self.tr("Viber's hourly limit"),
                question,
                self.tr("Send anyway"),
                self.tr("Don't send"),
            ):
                self._update_send_state()
                self.response.show_refused(
                    self.tr("Not sent: you chose not to send"), question.rsplit("\n\n", 1)[0], info
                )
                self._remember_shown(None, info.profile)
                self.tabs.setCurrentWidget(self.response)
                self._show_send_status(
                    self.tr("Not sent: you chose not to send to “%1” now.").replace(
                        "%1", info.receiver
                    )
                )
                return
            self._start_send(payload, profile, info)

        def failed(_exc: Exception) -> None:
            # The count is advice only; recording the send decides whether it may go.
            done((0, None))

        self.ctx.runner.run(work, done, failed)

    def _limit_question(self, receiver: str, count: int, until: float | None) -> str:
        """The confirmation naming Viber's rule, or "" when the receiver is not at the limit."""
        per_hour = limits.RECEIVER_MESSAGES_PER_HOUR
        rule = self.tr(
            "Viber allows %1 messages an hour to one user who has not replied; more are refused "
            "with status 12 (%2)."
        )
        rule = rule.replace("%1", str(per_hour)).replace("%2", status_info(12).name)
        if until is not None:
            situation = (
                self.tr(
                    "“%1” answered status 12 less than an hour ago: the limit applies until "
                    "about %2 (or until the user replies)."
                )
                .replace("%1", receiver)
                .replace("%2", _clock(until))
            )
        elif count >= per_hour:
            situation = (
                self.tr("%1 messages went to “%2” in the last hour.")
                .replace("%1", str(count))
                .replace("%2", receiver)
            )
        else:
            return ""
        return f"{rule}\n\n{situation}\n\n" + self.tr(
            "This message will most likely be refused. Send it anyway?"
        )

    def _ask(self, title: str, text: str, yes: str, no: str) -> bool:
        """A question whose buttons say what they do; No is the default."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(yes)
        box.button(QMessageBox.StandardButton.No).setText(no)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _start_send(self, payload: dict[str, Any], profile: Profile, info: SendInfo) -> None:
        if self._sending or self.ctx.history is None or self._closed:
            return
        payload, token_removed = strip_body_token(payload)
        report = check_payload(payload)
        if not report.ok:
            self._refuse(report, info)
            return
        session_token = self.ctx.session_tokens.get(profile.name)
        history: HistoryStore = self.ctx.history
        connect_timeout = self.ctx.settings.connect_timeout
        read_timeout = self.ctx.settings.read_timeout
        self._send_seq += 1
        seq = self._send_seq
        self._waiting_seq = self._shown_seq = seq
        self._send_started = time.monotonic()
        self._set_sending(True)
        self.response.show_sending(info)
        if token_removed:
            self.response.add_note(self.tr(BODY_TOKEN_NOTICE))
        self._remember_shown(self.composer.payload(), profile.name)
        self._show_send_status(
            self.tr("Sending to “%1”… waiting for an answer.").replace("%1", info.receiver)
        )
        self.tabs.setCurrentWidget(self.response)

        def work() -> tuple[int | None, ApiResult, str]:
            target = resolve_target(profile, session_token=session_token)
            entry_id, result = send_checked(
                payload,
                target,
                history,
                report=report,
                connect_timeout=connect_timeout,
                read_timeout=read_timeout,
            )
            return entry_id, result, endpoint_url(target.base_url, "send_message")

        def done(outcome: tuple[int | None, ApiResult, str]) -> None:
            if self._closed:
                return
            entry_id, result, endpoint = outcome
            self._refresh_rate()
            self._load_receivers()
            self.history_panel.refresh()
            sent = SendInfo(
                receiver=info.receiver,
                profile=info.profile,
                who=info.who,
                endpoint=endpoint,
                started=info.started,
                resend_of=info.resend_of,
            )
            _state, icon, title = outcome_title(result.outcome, info.who)
            if seq != self._waiting_seq:
                self._late_answer(seq, result, entry_id, sent, f"{icon} {self.tr(title)}")
                return
            self._waiting_seq = None
            self._set_sending(False)
            self.response.show_result(result, entry_id, sent)
            if token_removed:
                self.response.add_note(self.tr(BODY_TOKEN_NOTICE))
            self._check_stale()  # the message may have been edited while it was sent
            words = f"{self.tr(title)} — “{info.receiver}”, {datetime.now():%H:%M:%S}"
            if result.history_error:
                words += " — " + self.tr("the history could not be updated")
            self._show_send_status(words)
            self.send_finished.emit(result)

        def failed(exc: Exception) -> None:
            if self._closed:
                return
            self.history_panel.refresh()
            if seq != self._waiting_seq:
                return
            self._waiting_seq = None
            self._set_sending(False)
            if isinstance(exc, SendRefused | ValueError):
                # Raised before the request was made: the service never raises after.
                reason = str(exc)
                if isinstance(exc, NoTokenError):
                    reason = self.tr(
                        "no bot token is stored for the profile “{profile}”. Press Token… "
                        "next to the profile to add it."
                    ).format(profile=exc.profile)
                self.response.show_refused(
                    self.tr("Not sent"), reason[:1].upper() + reason[1:], info
                )
                self._show_send_status(self.tr("Not sent: %1").replace("%1", reason))
            else:
                self.response.show_refused(
                    self.tr("Send failed on this computer"),
                    self.tr(
                        "The app ran into a problem of its own while sending (%1). Open the "
                        "History tab: if this send is listed as being sent or outcome unknown, "
                        "the message may have been delivered, so check the receiver's chat "
                        "before sending it again."
                    ).replace("%1", type(exc).__name__),
                    info,
                )
                self._show_send_status(self.tr("Send failed on this computer: see the response"))
            self.send_finished.emit(None)

        self.ctx.runner.run_detached(work, done, failed)

    def _late_answer(
        self, seq: int, result: ApiResult, entry_id: int | None, info: SendInfo, title: str
    ) -> None:
        """An answer for a send the user stopped waiting for.

        If the panel still shows that send, the true result replaces "outcome unknown" (with a
        note that it came late), so the panel never contradicts the history; otherwise only
        the status bar says it.
        """
        note = (
            self.tr("You stopped waiting; the answer arrived later, at {time}. Nothing was resent.")
        ).format(time=f"{datetime.now():%H:%M:%S}")
        if seq == self._shown_seq:
            self.response.show_result(result, entry_id, info)
            self.response.add_note(note)
            self._check_stale()
            self._show_send_status(
                self.tr("The answer to the send you stopped waiting for came: {title}").format(
                    title=title
                )
            )
        else:
            self.status.showMessage(
                self.tr("Earlier send to “{receiver}”: {title}. {note}").format(
                    receiver=info.receiver, title=title, note=note
                ),
                10_000,
            )

    def stop_waiting(self) -> None:
        """Abandon the wait: the outcome is unknown; nothing is cancelled or resent."""
        if self._waiting_seq is None:
            return
        seconds = int(time.monotonic() - self._send_started)
        self._waiting_seq = None
        self._set_sending(False)
        self.response.show_abandoned(seconds)
        self.history_panel.refresh()  # the entry is recorded as being sent
        self._show_send_status(
            self.tr(
                "Stopped waiting: the outcome is unknown. Check the receiver's chat before "
                "sending again."
            )
        )
        self.send_finished.emit(None)

    def _set_sending(self, sending: bool) -> None:
        self._sending = sending
        self.busy_action.setVisible(sending)
        self.stop_action.setVisible(sending)
        self.send_btn.setText(self.tr("Sending…") if sending else self.tr("&Send"))
        if sending:
            self._tick.start()
        else:
            self._tick.stop()
        self._update_send_state()

    def _tick_waiting(self) -> None:
        seconds = int(time.monotonic() - self._send_started)
        if self._waiting_seq is not None and self._waiting_seq == self._shown_seq:
            self.response.show_waiting(seconds)

    def _show_send_status(self, text: str) -> None:
        self._send_status = text
        self.status.showMessage(text, 15_000)

    # --- what the response panel answers ------------------------------------------------

    def _remember_shown(self, composition: dict[str, Any] | None, profile: str) -> None:
        self._shown_for = (self._fingerprint(composition or self._payload), profile)

    @staticmethod
    def _fingerprint(payload: dict[str, Any]) -> str:
        try:
            return compact_json(payload)
        except (ValueError, RecursionError):  # too deep to write: compare by identity
            return f"<unwritable {id(payload)}>"

    def _check_stale(self) -> None:
        """Mark the response panel as an earlier result once the message or profile changed."""
        if self._shown_for is None or self._waiting_seq is not None:
            return
        composition, profile = self._shown_for
        if profile != self.current_profile().name:
            reason = self.tr("The profile has changed since.")
        elif composition != self._fingerprint(self._payload):
            reason = self.tr("The message has changed since.")
        else:
            reason = None
        was_stale = self.response.stale
        self.response.set_stale(reason)
        if reason and not was_stale and self.status.currentMessage() == self._send_status:
            self.status.clearMessage()

    def preferences(self) -> None:
        """Edit the timeouts; the next send uses them."""
        dialog = PreferencesDialog(self.ctx.settings, self)
        if dialog.exec():
            self._save_settings()
            self.status.showMessage(self.tr("Preferences saved: the next send uses them."), 6000)

    # --- history ------------------------------------------------------------------------

    def _open_history(self) -> None:
        if self.ctx.history is not None:
            self.history_panel.set_store(self.ctx.history)
            self._load_receivers()
            return

        def done(store: HistoryStore) -> None:
            self.ctx.history = store
            self.history_panel.set_store(store)
            self._update_send_state()
            self._load_receivers()
            self._refresh_rate()

        def failed(exc: Exception) -> None:
            self._history_problem = data_dir_problem() or str(exc)
            self._update_send_state()
            self.status.showMessage(
                self.tr("History unavailable: %1").replace("%1", self._history_problem)
            )
            QMessageBox.warning(
                self,
                self.tr("History unavailable"),
                self.tr(
                    "The send history cannot be opened, so sending is disabled (every send must "
                    "be recorded first).\n\n%1"
                ).replace("%1", self._history_problem),
            )

        self.ctx.runner.run(HistoryStore, done, failed)

    def _load_receivers(self) -> None:
        history = self.ctx.history
        if history is not None:
            self.ctx.runner.run(lambda: history.receivers(), self.composer.set_receivers)

    def _refresh_rate(self) -> None:
        history = self.ctx.history
        receiver = self.composer.receiver.text()
        if history is None or not receiver:
            self.composer.rate_label.clear()
            return

        def work() -> tuple[int, float | None]:
            return history.sent_last_hour(receiver), history.limited_until(receiver)

        def done(result: tuple[int, float | None]) -> None:
            if receiver != self.composer.receiver.text():
                return
            count, until = result
            label = self.composer.rate_label
            if until is not None:
                label.setText("✖ " + self.tr("limited (status 12)"))
                tone = "error"
            else:
                label.setText(
                    ("⚠ " if count >= limits.RECEIVER_WARN_FROM else "")
                    + self.tr("%1 of %2 this hour")
                    .replace("%1", str(count))
                    .replace("%2", str(limits.RECEIVER_MESSAGES_PER_HOUR))
                )
                tone = "warning" if count >= limits.RECEIVER_WARN_FROM else "muted"
            label.setStyleSheet(f"color: {state_color(tone, self)};")

        self.ctx.runner.run(work, done)

    # --- import, export, copy -------------------------------------------------------------

    # --- drafts, settings, geometry -------------------------------------------------------

    def _initial_payload(self) -> dict[str, Any]:
        draft, problem = load_draft()
        if problem:
            self.status.showMessage(problem)
        return draft if draft is not None else sample_payload("text")

    def save_draft(self) -> None:
        """Autosave on a pool thread; a failure is said once (until a save works again)."""
        payload = copy.deepcopy(self._payload)

        def saved(_: object) -> None:
            self._draft_failed = False

        def failed(exc: Exception) -> None:
            if self._draft_failed or data_dir_problem():  # the data-folder warning says it
                return
            self._draft_failed = True
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.status.showMessage(
                self.tr(
                    "The draft could not be saved (%1); your message is only in the window."
                ).replace("%1", reason)
            )

        self.ctx.runner.run(lambda: save_draft(payload), saved, failed)

    def _save_settings(self) -> None:
        try:
            self.ctx.settings_store.save(self.ctx.settings)
        except OSError as exc:
            self.status.showMessage(self.tr("Settings not saved: %1").replace("%1", str(exc)))

    def _restore_geometry(self) -> None:
        saved = self.ctx.settings.window
        for key, restore in (
            ("geometry", self.restoreGeometry),
            ("splitter", self.splitter.restoreState),
            ("right", self.right.restoreState),
        ):
            try:  # the settings check the text; Qt refuses bad bytes and clamps sizes itself
                data = base64.b64decode(saved.get(key) or "", validate=True)
            except ValueError:
                continue
            if data:
                restore(QByteArray(data))

    def closeEvent(self, event: QCloseEvent) -> None:
        if (
            self._waiting_seq is not None
            and not self._closed
            and not self._ask(
                self.tr("A message is being sent"),
                self.tr(
                    "A message is being sent and its answer has not arrived yet.\n\nClose anyway? "
                    "The history will show it as 'outcome unknown' if no answer arrives."
                ),
                self.tr("Close anyway"),
                self.tr("Keep the window open"),
            )
        ):
            event.ignore()
            return
        self._closed = True  # late answers and checks no longer touch the window
        self._tick.stop()
        self._draft_timer.stop()
        self._payload = self.composer.payload()
        self.save_draft()
        self.ctx.settings.window = {
            "geometry": base64.b64encode(bytes(self.saveGeometry().data())).decode(),
            "splitter": base64.b64encode(bytes(self.splitter.saveState().data())).decode(),
            "right": base64.b64encode(bytes(self.right.saveState().data())).decode(),
        }
        self._save_settings()
        self.ctx.runner.wait(10_000)
        super().closeEvent(event)

    def about(self) -> None:
        AboutDialog(self).exec()


def _clock(timestamp: float) -> str:
    """HH:MM of a stored time, or a plain phrase when the stored value is absurd."""
    try:
        return datetime.fromtimestamp(timestamp).strftime("%H:%M")
    except (OverflowError, OSError, ValueError):
        return "an hour after the refusal"

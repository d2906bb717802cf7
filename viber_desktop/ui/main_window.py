"""The main window: profile bar, composer, live checks, JSON, preview, send and response."""

import base64
import copy
import json
from typing import Any

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
from viber_desktop.core.checker import check_payload
from viber_desktop.core.findings import CheckReport
from viber_desktop.core.history import HistoryEntry
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.text import pretty_json
from viber_desktop.services.drafts import load_draft, save_draft
from viber_desktop.services.history import HistoryStore
from viber_desktop.services.paths import data_dir_problem
from viber_desktop.services.sending import SendRefused, resolve_target, send_checked
from viber_desktop.services.settings import Profile
from viber_desktop.ui.about import AboutDialog
from viber_desktop.ui.assets import sample_payload
from viber_desktop.ui.composer.composer_widget import ComposerWidget
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.findings_panel import FindingsPanel
from viber_desktop.ui.history.panel import HistoryPanel
from viber_desktop.ui.message_actions import MessageActions
from viber_desktop.ui.preview import ChatPreview
from viber_desktop.ui.profile_bar import ProfileBar
from viber_desktop.ui.response_panel import ResponsePanel
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
        self._send_seq = 0
        self._json_shown: dict[str, Any] | None = None
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
        self.busy.hide()
        bar.addWidget(self.profile_bar)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        bar.addWidget(spacer)
        bar.addWidget(self.busy)
        bar.addWidget(self.send_btn)

        # --- composer and panels ----------------------------------------------------------
        self.composer = ComposerWidget(ctx.images)
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
        self.status = self.statusBar()

        self._build_menus(copy_json, copy_curl)

        # --- timers and wiring ------------------------------------------------------------
        self._view_timer = QTimer(self, singleShot=True, interval=60)
        self._view_timer.timeout.connect(self._refresh_views)
        self._draft_timer = QTimer(self, singleShot=True, interval=400)
        self._draft_timer.timeout.connect(self.save_draft)
        self._rate_timer = QTimer(self, singleShot=True, interval=300)
        self._rate_timer.timeout.connect(self._refresh_rate)
        self.composer.changed.connect(self.on_changed)
        self.composer.receiver.textChanged.connect(self._rate_timer.start)
        self.findings.focus_requested.connect(self.composer.focus_path)
        self.send_btn.clicked.connect(self.send)
        self.profile_bar.changed.connect(self._profile_changed)
        self.profile_bar.profiles_changed.connect(self.history_panel.set_profiles)
        self.profile_bar.sender_name_chosen.connect(self.composer.sender_name.setText)
        self.ctx.runner.busy_changed.connect(self._busy)
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
        new = QAction(self.tr("&New message"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(lambda: self.composer.load_payload(sample_payload("text")))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for a in (new, self.import_action, export):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
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
        self._view_timer.start()
        self._draft_timer.start()

    def _refresh_views(self) -> None:
        """Redraw only the visible tab, and the preview only when what it shows changed."""
        current = self.tabs.currentIndex()
        if current == 1 and self._json_shown is not self._payload:
            self._json_shown = self._payload
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
                self._preview_shown = shown
                self.preview.show_message(self._payload)

    def _update_send_state(self) -> None:
        errors = self.report.errors
        if self._sending:
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
        composer = self.composer
        if profile.sender_name and composer.sender_name.text() in ("", previous[0]):
            composer.sender_name.setText(profile.sender_name)
        if profile.sender_avatar and composer.avatar.text() in ("", previous[1]):
            composer.avatar.setText(profile.sender_avatar)
        self._sender_defaults = (profile.sender_name, profile.sender_avatar)

    # --- sending ------------------------------------------------------------------------

    def send(self) -> None:
        """Send the composition once (Ctrl+Enter)."""
        if not self.send_btn.isEnabled() or self._sending:
            return
        self._start_send(copy.deepcopy(self.composer.payload()), self.current_profile())

    def resend(self, entry: HistoryEntry) -> None:
        """Send a past request again, after a confirmation naming the receiver and profile."""
        try:
            payload = json.loads(entry.request)
            profile = self.ctx.settings.profile(entry.profile)
        except ValueError:
            QMessageBox.warning(
                self, self.tr("Resend"), self.tr("The stored request is not valid JSON.")
            )
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
        self._start_send(payload, profile)

    def open_entry(self, entry: HistoryEntry) -> None:
        try:
            payload = json.loads(entry.request)
        except ValueError:
            return
        if isinstance(payload, dict):
            self.composer.load_payload(payload)
            self.modes.setCurrentIndex(0)
            self.status.showMessage(
                self.tr("Loaded history entry #%1").replace("%1", str(entry.id)), 5000
            )

    def _start_send(self, payload: dict[str, Any], profile: Profile) -> None:
        report = check_payload(payload)
        if self._sending or self.ctx.history is None:
            return
        if not report.ok:
            self.response.show_refused(report.errors[0].message)
            self.tabs.setCurrentWidget(self.response)
            return
        session_token = self.ctx.session_tokens.get(profile.name)
        history: HistoryStore = self.ctx.history
        settings = self.ctx.settings
        self._sending = True
        self._send_seq += 1
        seq = self._send_seq
        self._update_send_state()
        self.response.show_sending(str(payload.get("receiver", "")))
        self.tabs.setCurrentWidget(self.response)

        def work() -> tuple[int | None, ApiResult]:
            target = resolve_target(profile, session_token=session_token)
            return send_checked(
                payload,
                target,
                history,
                report=report,
                connect_timeout=settings.connect_timeout,
                read_timeout=settings.read_timeout,
            )

        def done(outcome: tuple[int | None, ApiResult]) -> None:
            if seq != self._send_seq:
                return
            self._sending = False
            entry_id, result = outcome
            self.response.show_result(result, entry_id)
            self.status.showMessage(
                self.tr("Send finished: %1").replace("%1", result.outcome), 8000
            )
            self._update_send_state()
            self._refresh_rate()
            self._load_receivers()
            self.history_panel.refresh()
            self.send_finished.emit(result)

        def failed(exc: Exception) -> None:
            if seq != self._send_seq:
                return
            self._sending = False
            text = (
                str(exc)
                if isinstance(exc, SendRefused | ValueError)
                else (f"{type(exc).__name__}: {exc}")
            )
            self.response.show_refused(self.tr("Nothing was sent: %1").replace("%1", text))
            self._update_send_state()
            self.history_panel.refresh()
            self.send_finished.emit(None)

        self.ctx.runner.run(work, done, failed)

    def _busy(self, busy: bool) -> None:
        self.busy.setVisible(busy and self._sending)
        self.send_btn.setText(self.tr("Sending…") if self._sending else self.tr("&Send"))

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

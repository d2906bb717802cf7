"""The main window: profile bar, composer, live checks, JSON, preview, send and response.

Layout and wiring only; the parts it wires do the work (send_controller, message_actions…).
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolBar,
    QWidget,
)

from viber_desktop.core.findings import CheckReport
from viber_desktop.services.settings import Profile
from viber_desktop.ui.assets import sample_payload
from viber_desktop.ui.composer.composer_widget import ComposerWidget
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.draft_keeper import DraftKeeper
from viber_desktop.ui.findings_panel import FindingsPanel
from viber_desktop.ui.first_paint import after_first_paint
from viber_desktop.ui.lazy_tab import LazyTab
from viber_desktop.ui.live_check import LiveCheck
from viber_desktop.ui.menus import Menus
from viber_desktop.ui.message_actions import MessageActions
from viber_desktop.ui.pane_cycle import PaneCycle
from viber_desktop.ui.preview import ChatPreview
from viber_desktop.ui.profile_bar import ProfileBar
from viber_desktop.ui.receivers.actions import ReceiverActions
from viber_desktop.ui.send_bar import SendBar
from viber_desktop.ui.send_controller import SendController
from viber_desktop.ui.spelling.status import SpellStatus
from viber_desktop.ui.tab_order import TabOrder, scroll_to
from viber_desktop.ui.window_layout import Part, restore_layout, saved_layout

if TYPE_CHECKING:  # sqlite3 loads when the history opens, after the first paint
    from viber_desktop.services.history import HistoryStore
    from viber_desktop.ui.history.panel import HistoryPanel
    from viber_desktop.ui.json_panel import JsonPanel
    from viber_desktop.ui.response_panel import ResponsePanel


class MainWindow(QMainWindow):
    """The composer window.

    Signals:
        send_finished(object): the ApiResult of a send (None when refused or abandoned).
    """

    send_finished = Signal(object)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Viber Desktop Composer"))
        self.setAccessibleName(self.tr("Viber Desktop Composer"))

        bar = QToolBar(self.tr("Profile"))
        bar.setObjectName("profile_bar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.profile_bar = ProfileBar(ctx, self._save_settings)
        self.send_bar = SendBar()
        self.send_btn = self.send_bar.send_btn
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        for widget in (self.profile_bar, spacer, self.send_bar):
            bar.addWidget(widget)

        self.doc = MessageDocument(parent=self)
        self.checks = LiveCheck(self.doc, self)
        self.composer = ComposerWidget(self.doc, ctx.images, show_now=False)  # the draft, below
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.composer)
        scroll.setMinimumWidth(360)
        self.preview = ChatPreview(ctx.images)
        self.composer.card_button_chosen.connect(self.preview.focus_button)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Preview, JSON and response"))
        # No Alt letters here: the composer's fields need them (tests/ui/test_mnemonics.py).
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.json_tab = LazyTab(self.tabs, self.tr("JSON"), self._build_json)
        # Built when first shown or when a send has something to say (start-up, issue 16).
        self.response_tab = LazyTab(self.tabs, self.tr("Response"), self._build_response)
        self.findings = FindingsPanel()
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.tabs)
        self.right.addWidget(self.findings)
        self.right.setStretchFactor(0, 2)
        self.right.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.modes = QTabWidget()
        self.modes.setAccessibleName(self.tr("Compose or history"))
        self.modes.setDocumentMode(True)
        self.modes.addTab(self.splitter, self.tr("&Compose"))
        self.history_tab = LazyTab(self.modes, self.tr("H&istory"), self._build_history)
        self.setCentralWidget(self.modes)
        self.status = self.statusBar()
        self.spelling = SpellStatus(self.status, ctx.settings, self._save_settings)
        self.panes = PaneCycle(
            self,
            [
                (scroll, lambda: self.composer.receiver),
                (self.tabs, self.tabs.tabBar),  # arrows then switch Preview, JSON, Response
                (self.findings, lambda: self.findings.list),
            ],
        )
        # Tab: receiver … the type's fields … Send, then the tabs, findings and profile bar.
        self.tab_order = TabOrder(
            self,
            lambda: [
                *self.composer.tab_areas(),
                self.modes.widget(1),  # History (built when first shown)
                self.send_bar,
                self.tabs,
                self.findings,
                self.profile_bar,
                self.modes.tabBar(),
            ],
        )

        profile = self.current_profile
        self.spelling.use_profile(profile())
        self.send_flow = SendController(
            ctx, self.doc, self.response_tab.page, self.status, profile, self
        )
        self.message_actions = MessageActions(self.doc, ctx, self.status, profile, self)
        self.drafts = DraftKeeper(self.doc, ctx.runner, self.status, self)
        self.receiver_actions = ReceiverActions(
            ctx, self.doc, self.composer, profile, self.status, self
        )
        self.receiver_hints = self.receiver_actions.hints
        self._build_menus()
        self._wire()
        # The draft replaces the message next: the profile's sender set on the empty one is
        # not drawn nor checked, and the draft's reset checks once (issue 16).
        blocked = self.doc.blockSignals(True)
        try:
            self.profile_bar.fill()
        finally:
            self.doc.blockSignals(blocked)
        self.composer.count_coming = True  # the history opens below: the line keeps its room
        draft = self.drafts.load()
        self.composer.load_payload(draft if draft is not None else sample_payload("text"))
        # After the first paint: opened on a pool thread during the build, it held the
        # interpreter lock from the window's own work (2-3 % more CPU a start; issue 16).
        after_first_paint(
            lambda: ctx.open_history(self._history_opened, self.send_flow.history_unavailable)
        )
        self.resize(1280, 800)
        restore_layout(ctx.settings.window, self._layout())
        # The first paint shows the message in the preview, not an empty chat redrawn a
        # moment later by the view timer (a second layout and paint of the pane; issue 16).
        self._view_timer.stop()
        self._refresh_views()
        self.composer.receiver.setFocus()

    def _build_menus(self) -> None:
        self.menus = Menus(
            self.menuBar(),
            self.doc.undo_stack,
            self.message_actions,
            self.profile_bar,
            self.receiver_actions,
            send=self.send,
            preferences=self.preferences,
            about=self.about,
            quit=self.close,
        )
        self.undo_action, self.redo_action = self.menus.undo, self.menus.redo
        self.new_action, self.preferences_action = self.menus.new, self.menus.preferences

    def _wire(self) -> None:
        flow, actions = self.send_flow, self.message_actions
        self._view_timer = QTimer(self, singleShot=True, interval=60)
        self._view_timer.timeout.connect(self._refresh_views)
        self.tabs.currentChanged.connect(self._refresh_views)
        self.composer.changed.connect(self.on_changed)
        self.checks.checked.connect(self._checked)
        self.findings.focus_requested.connect(self.go_to_field)
        self.findings.fix_requested.connect(lambda fix: self.doc.apply([fix.edit()], fix.label))
        self.send_btn.clicked.connect(self.send)
        self.send_bar.stop_btn.clicked.connect(flow.stop_waiting)
        flow.state_changed.connect(self._update_send_state)
        flow.finished.connect(self.send_finished)
        flow.recorded.connect(self._refresh_history)
        flow.recorded.connect(self.receiver_hints.refresh)
        self.receiver_actions.recorded.connect(self._refresh_history)
        flow.show_compose.connect(lambda: self.modes.setCurrentWidget(self.splitter))
        flow.show_response.connect(lambda: self.tabs.setCurrentWidget(self.response))
        flow.point_at_error.connect(self._point_at_first_error)
        actions.replaced.connect(lambda: self.modes.setCurrentWidget(self.splitter))
        self.composer.example_opened.connect(actions.say_replaced)
        self.receiver_actions.book_changed.connect(self._refresh_history)
        self.receiver_hints.known_changed.connect(lambda: self._checked(self.report))
        # A send still waiting for its answer is already recorded: show it when looked at.
        self.modes.currentChanged.connect(
            lambda index: self._refresh_history() if index == 1 else None
        )
        self.profile_bar.changed.connect(self._profile_changed)
        self.profile_bar.profiles_changed.connect(self._history_profiles)
        self.profile_bar.sender_name_chosen.connect(self.composer.use_sender)

    @property
    def report(self) -> CheckReport:
        return self.checks.report

    def on_changed(self) -> None:
        """Every edit: check (findings, meter, Send), redraw JSON and preview shortly."""
        self.send_flow.check_stale()  # at once: the check may wait for a pause in typing
        self.checks.changed()
        self._view_timer.start()

    def _checked(self, report: CheckReport) -> None:
        self.composer.show_report(report, self.doc.data)
        self.findings.show_report(self.receiver_hints.with_fit(report, self.doc.data))
        self.receiver_hints.show_fit(report, self.doc.data)
        self._update_send_state()

    def _refresh_views(self) -> None:
        """Redraw only the visible tab, and the preview only when what it shows changed."""
        current = self.tabs.currentWidget()
        if current is not None and current is self.json_tab.page_if_built():
            self.json_panel.refresh(self.report.bytes)
        elif current is self.preview:
            self.preview.show_if_changed(self.doc.data)

    def _update_send_state(self) -> None:
        blocked = self.send_flow.blocked_reason(self.report)
        self.send_bar.show_state(sending=self.send_flow.sending, blocked=blocked)

    def send(self) -> None:
        """Send the message once (Ctrl+Enter), never one the user cannot see."""
        self._commit_json()
        # Ctrl+Enter right after a key: the findings and Send show the message a refusal
        # tells of, and its first error can be selected (the check may wait for a pause).
        self.checks.flush()
        self.send_flow.send(seen=self.modes.currentWidget() is self.splitter)

    def stop_waiting(self) -> None:
        self.send_flow.stop_waiting()

    def _point_at_first_error(self) -> None:
        path = self.findings.select_first_error()
        if path is not None:
            self.go_to_field(path)

    def go_to_field(self, path: str) -> None:
        """Focus the field of the JSON pointer ``path`` and scroll the composer to it."""
        self.composer.focus_path(path)
        focus = self.focusWidget()
        if focus is not None and self.composer.isAncestorOf(focus):
            scroll_to(focus)

    def current_profile(self) -> Profile:
        return self.profile_bar.current()

    def _profile_changed(self, profile: Profile) -> None:
        self.spelling.use_profile(profile)
        self.message_actions.use_profile_sender(profile)
        self.send_flow.check_stale()
        self.receiver_hints.refresh()

    @property
    def response(self) -> "ResponsePanel":
        """The Response tab's panel, built on first use."""
        return self.response_tab.page()

    @property
    def json_panel(self) -> "JsonPanel":
        """The JSON tab, built when first shown or asked for."""
        return self.json_tab.page()

    def _build_response(self) -> "ResponsePanel":
        from viber_desktop.ui.response_panel import ResponsePanel

        return ResponsePanel()

    def _build_json(self) -> "JsonPanel":
        from viber_desktop.ui.json_panel import JsonPanel

        panel = JsonPanel(self.doc)
        panel.copy_json.clicked.connect(self.message_actions.copy_json)
        panel.copy_curl.clicked.connect(self.message_actions.copy_curl)
        return panel

    def _commit_json(self) -> None:
        """Apply what was typed in the JSON tab and not applied yet (if it was ever built)."""
        panel = self.json_tab.page_if_built()
        if panel is not None:
            panel.commit()

    @property
    def history_panel(self) -> "HistoryPanel":
        """The History tab's panel, built on first use (the tab is rarely the first look)."""
        return self.history_tab.page()

    def _build_history(self) -> "HistoryPanel":
        from viber_desktop.ui.history.panel import HistoryPanel

        panel = HistoryPanel(self.ctx.runner)
        panel.model.book = self.ctx.book_if_any  # labels beside receiver IDs
        panel.set_profiles([p.name for p in self.ctx.settings.all_profiles()])
        if self.ctx.history is not None:
            panel.set_store(self.ctx.history)
        panel.open_requested.connect(self.message_actions.open_entry)
        panel.resend_requested.connect(self.send_flow.resend)
        panel.add_to_book_requested.connect(
            lambda entry: self.receiver_actions.add(entry.receiver, entry.profile)
        )
        return panel

    def _refresh_history(self) -> None:
        """Show what changed in the history; a panel not built yet reads it when built."""
        panel = self.history_tab.page_if_built()
        if panel is not None:
            panel.refresh()

    def _history_profiles(self, names: list[str]) -> None:
        panel = self.history_tab.page_if_built()
        if panel is not None:
            panel.set_profiles(names)

    def _history_opened(self, store: "HistoryStore") -> None:
        panel = self.history_tab.page_if_built()
        if panel is not None:
            panel.set_store(store)
        self._update_send_state()
        self.receiver_hints.refresh()

    def preferences(self) -> None:
        """Edit the timeouts; the next send uses them."""
        from viber_desktop.ui.preferences_dialog import PreferencesDialog

        if PreferencesDialog(self.ctx.settings, self).exec():
            self._save_settings()
            self.status.showMessage(self.tr("Preferences saved: the next send uses them."), 6000)

    def about(self) -> None:
        from viber_desktop.ui.about import AboutDialog

        AboutDialog(self).exec()

    def _save_settings(self) -> None:
        try:
            self.ctx.settings_store.save(self.ctx.settings)
        except OSError as exc:
            self.status.showMessage(self.tr("Settings not saved: {why}").format(why=exc))

    def _layout(self) -> dict[str, Part]:
        return {
            "geometry": (self.saveGeometry, self.restoreGeometry),
            "splitter": (self.splitter.saveState, self.splitter.restoreState),
            "right": (self.right.saveState, self.right.restoreState),
        }

    def focusNextPrevChild(self, next: bool) -> bool:
        return self.tab_order.move(next) or super().focusNextPrevChild(next)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.receiver_actions.close_waits(event):
            return
        if not self.send_flow.may_close():
            event.ignore()
            return
        self.send_flow.close()  # late answers and checks no longer touch the window
        self._commit_json()
        self.drafts.save()
        self.ctx.settings.window = saved_layout(self._layout())
        self._save_settings()
        self.ctx.runner.wait(10_000)
        super().closeEvent(event)

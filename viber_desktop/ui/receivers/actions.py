"""The Receivers menu: open the book, look up or add the receiver in the message, and send
the message to a test list (a confirmation naming the list, its size and the profile first)."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar, QWidget

from viber_desktop.core import receivers as rules
from viber_desktop.core.body_token import strip_body_token
from viber_desktop.core.checker import check_payload
from viber_desktop.core.findings import CheckReport
from viber_desktop.services.settings import Profile
from viber_desktop.ui.composer.composer_widget import ComposerWidget
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.receiver_hints import ReceiverHints
from viber_desktop.ui.receivers.api import problem_text

if TYPE_CHECKING:  # the dialogs, the book and its records load when first used (issue 16)
    from PySide6.QtGui import QCloseEvent

    from viber_desktop.core.receiver_records import TestList
    from viber_desktop.services.history import HistoryStore
    from viber_desktop.services.receivers import ReceiverStore
    from viber_desktop.ui.receivers.book_dialog import BookDialog
    from viber_desktop.ui.receivers.list_send_dialog import ListSendDialog

ListFacts = tuple["TestList | None", dict[str, int]]


class ReceiverActions(QObject):
    """What the Receivers menu does; ``hints`` keeps the receiver field's completion and
    line up to date with the book.

    Signals:
        book_changed(): the book changed (completion, labels and the receiver's line follow).
        recorded(): a list send recorded or answered a send (the history changed).
    """

    book_changed = Signal()
    recorded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        doc: MessageDocument,
        composer: ComposerWidget,
        profile: Callable[[], Profile],
        status: QStatusBar,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.doc, self.status = ctx, doc, status
        self.field_receiver, self.profile = composer.receiver.text, profile
        self.parent_widget = parent
        self.book_dialog: BookDialog | None = None
        self.list_dialog: ListSendDialog | None = None
        self.hints = ReceiverHints(ctx, composer, profile)
        self.book_changed.connect(self.hints.refresh)
        self.recorded.connect(self.hints.refresh)

    def close_waits(self, event: "QCloseEvent") -> bool:
        """Closing the window during a list send: stop after the current receiver first
        (True: the close is ignored). The window asks in its closeEvent; an event filter on
        it saw every event of the window in Python (start-up, issue 16)."""
        dialog = self.list_dialog
        if dialog is None or not dialog.running:
            return False
        event.ignore()
        if self._ask_stop_and_close(dialog):
            dialog.finished_sending.connect(lambda _results: self.parent_widget.close())
            dialog.stop()
        return True

    def _ask_stop_and_close(self, dialog: "ListSendDialog") -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("A list send is running"),
            self.tr(
                "The message is being sent to the list “{name}” ({done} of {total} done).\n\n"
                "Stop after the current receiver and close the window when its answer is in?"
            ).format(
                name=dialog.test_list.name,
                done=len(dialog.results),
                total=len(dialog.test_list.members),
            ),
            parent=self.parent_widget,
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Stop and close"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep sending"))
        return box.exec() == QMessageBox.StandardButton.Yes

    def open_book(self) -> "BookDialog":
        """The book of the current profile (one window; shown again when open)."""
        from viber_desktop.ui.receivers.book_dialog import BookDialog

        profile = self.profile()
        dialog = self.book_dialog
        if dialog is None or dialog.profile.name != profile.name:
            if dialog is not None:
                dialog.close()
            dialog = BookDialog(self.ctx, profile, self.field_receiver, self.parent_widget)
            dialog.changed.connect(self.book_changed)
            dialog.send_list_requested.connect(self.send_to_list)
            self.book_dialog = dialog
        else:
            dialog.reload()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _field_id(self) -> str | None:
        rid = self.field_receiver().strip()
        problem = rules.receiver_id_problem(rid)
        if problem:
            self.status.showMessage(problem, 8000)
            return None
        return rid

    def look_up_current(self) -> None:
        """Look up the receiver in the message (its label from the book, when it has one)."""
        rid = self._field_id()
        if rid is None:
            return
        from viber_desktop.core.receiver_records import Receiver

        profile = self.profile()

        def found(receiver: Receiver | None) -> None:
            from viber_desktop.ui.receivers.lookup_dialog import LookupDialog

            dialog = LookupDialog(
                self.ctx, profile, receiver or Receiver(id=rid), self.parent_widget
            )
            dialog.finished.connect(lambda _code: self.book_changed.emit())
            dialog.open()

        self.ctx.with_book(
            lambda book: book.get(profile.name, rid), found, self._failed, owner=self
        )

    def add_current(self) -> None:
        """Add the receiver in the message to the book (or edit its entry)."""
        rid = self._field_id()
        if rid is not None:
            self.add(rid, self.profile().name)

    def add(self, rid: str, profile_name: str) -> None:
        """Add ``rid`` to the book of ``profile_name`` (or edit its entry), asking its label."""
        from viber_desktop.core.receiver_records import Receiver

        def found(receiver: Receiver | None) -> None:
            from viber_desktop.ui.receivers.edit_dialog import ReceiverEditDialog

            dialog = ReceiverEditDialog(receiver or Receiver(id=rid), self.parent_widget)
            if dialog.exec() != ReceiverEditDialog.DialogCode.Accepted:
                return
            entry = dialog.entry()

            def save(book: "ReceiverStore") -> Receiver:
                return book.put(
                    profile_name, entry.id, label=entry.label, notes=entry.notes, tags=entry.tags
                )

            def saved(receiver: Receiver) -> None:
                self.status.showMessage(
                    self.tr("Saved {who} in the book of “{profile}”.").format(
                        who=receiver.shown, profile=profile_name
                    ),
                    8000,
                )
                self.book_changed.emit()

            self.ctx.with_book(save, saved, self._failed, owner=self)

        self.ctx.with_book(
            lambda book: book.get(profile_name, rid), found, self._failed, owner=self
        )

    def choose_list(self) -> None:
        """Ask which test list to send the message to."""
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        profile = self.profile()

        def chosen(names: list[str]) -> None:
            if not names:
                QMessageBox.information(
                    self.parent_widget,
                    self.tr("Send to a test list"),
                    self.tr(
                        "The profile “{profile}” has no test lists yet. Open Receivers → "
                        "Receiver book, select receivers and press Add to list."
                    ).format(profile=profile.name),
                )
                return
            name, ok = QInputDialog.getItem(
                self.parent_widget,
                self.tr("Send to a test list"),
                self.tr("Send the message to every receiver of the list:"),
                names,
                0,
                False,
            )
            if ok:
                self.send_to_list(name)

        self.ctx.with_book(
            lambda book: [t.name for t in book.lists(profile.name)],
            chosen,
            self._failed,
            owner=self,
        )

    def send_to_list(self, name: str) -> None:
        """Send the composed message to every member of ``name``, after a confirmation."""
        if self.list_dialog is not None and self.list_dialog.running:
            self.list_dialog.raise_()
            self.status.showMessage(self.tr("A list send is still running."), 8000)
            return
        history = self.ctx.history
        if history is None:
            self._warn(
                self.ctx.history_problem
                or self.tr(
                    "The history is not open yet (every send is recorded before it leaves). "
                    "Try again in a moment."
                )
            )
            return
        profile = self.profile()
        payload = strip_body_token(self.doc.snapshot())[0]

        def work(book: "ReceiverStore") -> ListFacts:
            found = book.test_list(profile.name, name)
            ids = [m.id for m in found.members] if found else []
            return found, book.api_levels(profile.name, ids)

        def facts(answer: ListFacts) -> None:
            from viber_desktop.services.list_send import for_receiver, list_problem

            test_list, levels = answer
            if test_list is None:
                self._warn(self.tr("There is no list named “{name}”.").format(name=name))
                return
            problem = list_problem(test_list)
            if problem:
                self._warn(problem)
                return
            report = check_payload(for_receiver(payload, test_list.members[0].id))
            if not report.ok:
                first = report.errors[0]
                self._warn(
                    self.tr("Fix the message first: {path}: {message}").format(
                        path=first.path or "body", message=first.message
                    )
                )
                return
            if self._confirm(test_list, profile, levels, report, payload):
                self._start(profile, payload, test_list, history, levels)

        self.ctx.with_book(work, facts, self._failed, owner=self)

    def confirmation(
        self,
        test_list: "TestList",
        profile: Profile,
        levels: dict[str, int],
        need: rules.Need,
        kind: str,
    ) -> str:
        size = len(test_list.members)
        text = self.tr(
            "Send this {kind} message to the %n receiver(s) of the list “{name}” with the "
            "profile “{profile}”?\n\nOne message per receiver, one after another; each is "
            "recorded in the history before it leaves. {rule}.",
            "",
            size,
        ).format(
            kind=kind,
            name=test_list.name,
            profile=profile.name,
            rule=rules.list_send_rule(),
        )
        from viber_desktop.ui.receivers.list_send_dialog import members_older

        older = members_older(test_list, levels, need)
        if older:
            text += "\n\n" + self.tr(
                "%n receiver(s) have a Viber older than this message needs (API level "
                "{level}: {why}) and will be skipped: {names}.",
                "",
                len(older),
            ).format(level=need.level, why=need.why, names=", ".join(older[:5]))
        return text

    def _confirm(
        self,
        test_list: "TestList",
        profile: Profile,
        levels: dict[str, int],
        report: CheckReport,
        payload: dict[str, Any],
    ) -> bool:
        from PySide6.QtWidgets import QMessageBox

        need = rules.needed_level(report, payload)
        kind = str(payload.get("type") or "keyboard")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Send to a test list"),
            self.confirmation(test_list, profile, levels, need, kind),
            parent=self.parent_widget,
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(
            self.tr("Send to {size}").format(size=len(test_list.members))
        )
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Don't send"))
        return box.exec() == QMessageBox.StandardButton.Yes

    def _start(
        self,
        profile: Profile,
        payload: dict[str, Any],
        test_list: "TestList",
        history: "HistoryStore",
        levels: dict[str, int],
    ) -> None:
        from viber_desktop.ui.receivers.list_send_dialog import ListSendDialog

        dialog = ListSendDialog(
            self.ctx, profile, payload, test_list, history, levels, self.parent_widget
        )
        dialog.recorded.connect(self.recorded)
        self.list_dialog = dialog
        dialog.open()
        dialog.start()

    def _warn(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.parent_widget, self.tr("Send to a test list"), text)

    def _failed(self, exc: Exception) -> None:
        self.status.showMessage(problem_text(exc), 10_000)

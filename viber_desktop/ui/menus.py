"""The window's menu bar: every action, its shortcut and what it calls."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar

from viber_desktop.core.bidi import isolate, ltr
from viber_desktop.ui.message_actions import MessageActions
from viber_desktop.ui.profile_bar import ProfileBar
from viber_desktop.ui.receivers.actions import ReceiverActions

Slot = Callable[[], Any]


def _add(menu: QMenu, text: str, slot: Slot, *keys: Any) -> QAction:
    sequences = [QKeySequence(key) for key in keys]
    # Isolated for a right-to-left menu: not "…Import JSON", nor ",+Ctrl" (Qt shows the
    # shortcut after a tab in the text instead of its own, unisolated one).
    shown = isolate(text)
    if sequences:
        shown += "\t" + ltr(sequences[0].toString(QKeySequence.SequenceFormat.NativeText))
    action = menu.addAction(shown)
    action.triggered.connect(slot)
    action.setShortcuts(sequences)
    return action


class Menus(QObject):
    """Fills ``bar``; the actions tests and other parts need are attributes."""

    def __init__(
        self,
        bar: QMenuBar,
        undo_stack: QUndoStack,
        actions: MessageActions,
        profile_bar: ProfileBar,
        receivers: ReceiverActions,
        *,
        send: Slot,
        preferences: Slot,
        about: Slot,
        quit: Slot,
    ) -> None:
        super().__init__(bar)
        file_menu = bar.addMenu(self.tr("&File"))
        New, Save = QKeySequence.StandardKey.New, QKeySequence.StandardKey.Save
        self.new = _add(file_menu, self.tr("&New message"), actions.new_message, New)
        # Filled when first shown: the gallery's module and actions wait (start-up, issue 16).
        self.examples = file_menu.addMenu(self.tr("Start from an e&xample"))
        self.examples.aboutToShow.connect(self.fill_examples)
        self._open_example = actions.open_example
        self.import_json = _add(file_menu, self.tr("&Import JSON…"), actions.import_json, "Ctrl+I")
        _add(file_menu, self.tr("&Export JSON…"), actions.export_json, "Ctrl+E")
        file_menu.addSeparator()
        _add(file_menu, self.tr("&Quit"), quit, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu(self.tr("&Edit"))
        self.undo = undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        self.copy_json = _add(edit, self.tr("Copy &JSON"), actions.copy_json, "Ctrl+Shift+C")
        self.copy_curl = _add(edit, self.tr("Copy as c&url"), actions.copy_curl)
        _add(edit, self.tr("Copy as curl with the real &token…"), actions.copy_curl_with_token)
        edit.addSeparator()
        self.preferences = _add(edit, self.tr("Pre&ferences…"), preferences, "Ctrl+,")
        templates = bar.addMenu(self.tr("&Templates"))
        _add(templates, self.tr("&Save as template…"), actions.save_template, Save)
        _add(templates, self.tr("&Templates…"), actions.open_templates, "Ctrl+T")
        message = bar.addMenu(self.tr("&Message"))
        # On the action, not the button: the button's text (&Send) owns its Alt+S mnemonic.
        _add(message, self.tr("&Send"), send, "Ctrl+Return", "Ctrl+Enter")
        # No Alt letter: every letter of "Receivers" belongs to a composer field or a tab.
        book = bar.addMenu(self.tr("Receivers"))
        self.receiver_book = _add(book, self.tr("Receiver &book…"), receivers.open_book, "Ctrl+R")
        _add(book, self.tr("&Look up this receiver…"), receivers.look_up_current)
        _add(book, self.tr("&Add this receiver to the book…"), receivers.add_current)
        book.addSeparator()
        self.send_to_list = _add(book, self.tr("&Send to a test list…"), receivers.choose_list)
        profiles = bar.addMenu(self.tr("&Profiles"))
        _add(profiles, self.tr("&Token…"), profile_bar.edit_token)
        _add(profiles, self.tr("&Add profile…"), profile_bar.add_profile)
        _add(profiles, self.tr("&Remove profile"), profile_bar.remove_profile)
        _add(bar.addMenu(self.tr("&Help")), self.tr("&About"), about)

    def fill_examples(self) -> None:
        """Put the gallery's examples in their submenu (once; Qt asks before showing it)."""
        if self.examples.actions():
            return
        from viber_desktop.ui.composer import gallery

        for example in gallery.examples():
            action = self.examples.addAction(isolate(example.title))
            action.triggered.connect(lambda _=False, k=example.key: self._open_example(k))
            action.setStatusTip(example.description)

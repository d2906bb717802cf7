"""At 1024x700 and 1280x800: panes keep their size when the message changes, the findings pane
grows with its findings, and long texts do not stretch or squeeze what is around them."""

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QScrollArea
from pytestqt.qtbot import QtBot

from tests.ui.test_translations_uk import uk_window, ukrainian  # noqa: F401 - fixtures
from viber_desktop.core.history import HistoryEntry
from viber_desktop.core.receiver_records import Receiver, TestList
from viber_desktop.core.receivers import LABEL_MAX
from viber_desktop.services.templates import TemplateStore
from viber_desktop.ui.findings_panel import GROW_UP_TO
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.templates_dialog import TemplatesDialog

SIZES = [(1024, 700), (1280, 800)]
VALID = {
    "receiver": "sandbox-user-1",
    "type": "text",
    "text": "Hi",
    "sender": {"name": "Shop"},
}
INVALID = {  # errors, warnings and wrong-kind buttons beside the fields
    "receiver": 12345,
    "chat_id": 7,
    "type": "text",
    "text": "Hi",
    "sender": {"name": "Shop", "x": {"deep": [1, 2]}},
    "tracking_data": None,
    "min_api_version": "3",
}


def _load(qtbot: QtBot, window: MainWindow, msg: dict[str, Any], ok: bool) -> None:
    window.composer.load_payload(msg, "Load")
    qtbot.waitUntil(lambda: window.report.ok is ok and window.composer.payload() == msg)
    qtbot.wait(50)  # let layouts settle
    QApplication.processEvents()


def _sized(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    QApplication.processEvents()


@pytest.mark.parametrize("size", SIZES)
def test_panes_do_not_jump_when_the_message_turns_invalid_and_back(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    _sized(qtbot, window, size)
    _load(qtbot, window, VALID, True)
    across, right = window.splitter.sizes(), window.right.sizes()
    _load(qtbot, window, INVALID, False)
    assert window.splitter.sizes() == across  # the composer keeps its width
    grown = window.right.sizes()
    assert sum(grown) == sum(right) and grown[1] >= right[1]  # the findings may only grow
    _load(qtbot, window, VALID, True)
    assert window.splitter.sizes() == across
    assert window.right.sizes() == grown  # and do not shrink back: no jump


@pytest.mark.parametrize("size", SIZES)
def test_the_findings_pane_grows_with_its_findings_up_to_a_limit(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    _sized(qtbot, window, size)
    _load(qtbot, window, VALID, True)
    _load(qtbot, window, INVALID, False)
    findings = window.findings.list
    count = findings.count()
    assert 4 <= count <= GROW_UP_TO
    last = findings.visualItemRect(findings.item(count - 1))
    assert findings.viewport().rect().contains(last), "the last finding is cut off"


def test_the_findings_pane_keeps_the_size_the_user_gave_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    _sized(qtbot, window, (1024, 700))
    _load(qtbot, window, VALID, True)
    handle = window.right.handle(1)
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=QPoint(5, 2))
    qtbot.mouseMove(handle, QPoint(5, 40))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(5, 40))
    chosen = window.right.sizes()
    _load(qtbot, window, INVALID, False)
    assert window.right.sizes() == chosen


def test_a_wrong_kind_button_leaves_the_receiver_room(qtbot: QtBot, window: MainWindow) -> None:
    _sized(qtbot, window, (1024, 700))
    _load(qtbot, window, INVALID, False)
    box = window.composer.boxes["/receiver"]
    assert box.kind_button.isVisible()
    receiver = window.composer.receiver
    assert receiver.width() >= receiver.fontMetrics().horizontalAdvance("x" * 24)
    assert not receiver.geometry().intersects(box.kind_button.geometry())
    scroll = window.splitter.widget(0)
    assert isinstance(scroll, QScrollArea)
    assert scroll.horizontalScrollBar().maximum() == 0, "the composer is wider than its pane"


def test_a_long_templates_folder_does_not_stretch_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / ("very-long-folder-name-" * 12) / "templates"
    dialog = TemplatesDialog(TemplateStore(folder))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 600
    shown = dialog.folder.text()
    assert "…" in shown and shown.endswith("templates\u2069")  # elided in the middle
    assert dialog.folder.toolTip() == str(folder)


def _dialogs(window: MainWindow, tmp_path: Path) -> list[QDialog]:
    from viber_desktop.ui.about import AboutDialog
    from viber_desktop.ui.history.compare import CompareDialog
    from viber_desktop.ui.import_dialog import ImportDialog
    from viber_desktop.ui.preferences_dialog import PreferencesDialog
    from viber_desktop.ui.profile_dialog import ProfileDialog
    from viber_desktop.ui.receivers.book_dialog import BookDialog
    from viber_desktop.ui.receivers.edit_dialog import ReceiverEditDialog
    from viber_desktop.ui.receivers.list_send_dialog import ListSendDialog
    from viber_desktop.ui.receivers.lookup_dialog import LookupDialog
    from viber_desktop.ui.token_dialog import TokenDialog

    entry = HistoryEntry(
        id=1,
        time=datetime(2026, 11, 27, tzinfo=UTC),
        profile="Shop",
        api_url="https://chatapi.viber.com/pa",
        endpoint="send_message",
        receiver="user-1",
        type="text",
        sender_name="Shop",
        request='{"text": "' + "long " * 400 + '"}',
        bytes=2000,
        outcome="ok",
    )
    ctx, profile = window.ctx, window.current_profile()
    list_name = "QA Olga from the Kyiv shop weekend shift and the night shift too"
    long = ("Olga from the Kyiv shop, weekend shift " * 3)[:LABEL_MAX]  # as long as allowed
    members = tuple(
        Receiver(id=f"sandbox-user-{i}-" + "x" * 40, label=long, notes=long * 3) for i in range(30)
    )
    book = ctx.book()
    for member in (*members, Receiver("sandbox-user-1", long, long * 3)):
        book.put(profile.name, member.id, label=member.label, notes=member.notes)
        book.add_to_list(profile.name, list_name, member.id)
    assert ctx.history is not None
    return [
        BookDialog(ctx, profile, lambda: "sandbox-user-1", window),
        LookupDialog(ctx, profile, Receiver("sandbox-user-1", long, long * 3), window),
        ListSendDialog(ctx, profile, VALID, TestList(list_name, members), ctx.history, {}, window),
        TokenDialog(profile, ctx.runner, ctx.vault, sandbox=ctx.sandbox, parent=window),
        AboutDialog(window),
        ImportDialog(window),
        PreferencesDialog(window.ctx.settings, window),
        ProfileDialog([], window),
        ReceiverEditDialog(None, window),
        TemplatesDialog(TemplateStore(tmp_path / ("long-folder-" * 20)), window),
        CompareDialog(entry, entry, window),
    ]


def test_every_dialog_fits_a_1024x700_screen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from viber_desktop.ui.receivers.book_dialog import BookDialog
    from viber_desktop.ui.receivers.lookup_dialog import LookupDialog

    for dialog in _dialogs(window, tmp_path):
        dialog.show()
        qtbot.waitExposed(dialog)
        _fits(dialog)
        if isinstance(dialog, BookDialog):  # with its receivers and lists read
            qtbot.waitUntil(lambda d=dialog: d.ready, timeout=10_000)  # type: ignore[misc]
            assert dialog.show_combo.count() == 2 and len(dialog.shown) == 31
            _fits(dialog)
        if isinstance(dialog, LookupDialog):  # and once Viber answered (the sandbox here)
            dialog.ask_viber()
            qtbot.waitUntil(lambda d=dialog: not d.busy, timeout=10_000)  # type: ignore[misc]
            assert dialog.lookup is not None
            _fits(dialog)
        dialog.close()
        dialog.deleteLater()


def _fits(dialog: QDialog) -> None:
    QApplication.processEvents()
    name = type(dialog).__name__
    assert dialog.width() <= 1024 and dialog.height() <= 660, (name, dialog.size())
    smallest = dialog.minimumSizeHint()
    assert smallest.width() <= 1024 and smallest.height() <= 660, (name, smallest)


@pytest.mark.parametrize("size", SIZES)
def test_the_line_under_the_receiver_takes_room_only_when_it_says_something(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    _sized(qtbot, window, size)
    _load(qtbot, window, VALID, True)
    c = window.composer
    qtbot.waitUntil(lambda: c.rate_label.text() != "" and c.receiver_line.isVisible())
    across, right = window.splitter.sizes(), window.right.sizes()
    below = c.sender_name.mapTo(c, QPoint()).y()

    def empty() -> None:
        qtbot.waitUntil(lambda: not c.receiver_line.isVisible())
        QApplication.processEvents()
        assert c.sender_name.mapTo(c, QPoint()).y() < below  # its room goes to the fields
        assert window.splitter.sizes() == across and window.right.sizes() == right

    c.receiver.clear()  # no receiver: no count
    empty()
    c.receiver.setText("sandbox-user-1")
    qtbot.waitUntil(lambda: c.receiver_line.isVisible())
    QApplication.processEvents()
    assert c.sender_name.mapTo(c, QPoint()).y() == below
    # A history that could not be opened: no count either.
    history, window.ctx.history = window.ctx.history, None
    window.ctx.history_problem = "the disk is full"
    try:
        window.receiver_hints.refresh_receiver()
        empty()
    finally:
        window.ctx.history, window.ctx.history_problem = history, None


def test_panes_do_not_jump_in_ukrainian_either(
    qtbot: QtBot,
    uk_window: MainWindow,  # noqa: F811 - the fixture imported above
) -> None:
    """Ukrainian runs longer: a long findings summary wraps instead of widening its pane."""
    window = uk_window
    _sized(qtbot, window, (1024, 700))
    _load(qtbot, window, VALID, True)
    across = window.splitter.sizes()
    long_name = {**VALID, "sender": {"name": "Дуже довге імʼя відправника повідомлення"}}
    _load(qtbot, window, long_name, False)
    assert window.splitter.sizes() == across
    _load(qtbot, window, INVALID, False)
    assert window.splitter.sizes() == across


def test_the_line_under_the_receiver_keeps_its_room_while_the_count_comes(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A start with a receiver in the draft: the count comes after the first paint; the form
    must not jump down 24 px when it does (cold review)."""
    c = window.composer
    _load(qtbot, window, VALID, True)
    qtbot.waitUntil(lambda: c.rate_label.text() != "")
    below = c.sender_name.mapTo(c, QPoint()).y()
    history, window.ctx.history = window.ctx.history, None  # opening, as at start
    try:
        c.rate_label.clear()
        window.receiver_hints.refresh_receiver()
        QApplication.processEvents()
        assert c.receiver_line.isVisible() and c.rate_label.text() == ""
        assert c.sender_name.mapTo(c, QPoint()).y() == below  # room kept
    finally:
        window.ctx.history = history
    window.receiver_hints.refresh_receiver()
    qtbot.waitUntil(lambda: c.rate_label.text() != "")
    assert c.sender_name.mapTo(c, QPoint()).y() == below  # the count came: nothing moved

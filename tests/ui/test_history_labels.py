"""The history shows a receiver's book label beside its ID, and names a receiver from an entry."""

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.test_history_panel import fill
from viber_desktop.core.bidi import plain
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.receivers.edit_dialog import ReceiverEditDialog


def receiver_cells(window: MainWindow) -> list[str]:
    model = window.history_panel.model
    return [plain(model.index(row, 2).data() or "") for row in range(model.rowCount())]


def test_rows_show_the_book_label_and_an_entry_adds_to_the_book(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = window.ctx.history
    assert history is not None
    fill(history, 14)
    window.ctx.book().put("Sandbox", "user-3", label="Anna, iPhone")
    window.modes.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.history_panel.model.rowCount() == 14, timeout=5000)
    qtbot.waitUntil(lambda: "Anna, iPhone (user-3)" in receiver_cells(window), timeout=5000)
    assert "user-4" in receiver_cells(window)  # no label: the ID alone

    row = receiver_cells(window).index("user-4")
    window.history_panel.table.selectRow(row)
    assert window.history_panel.book_btn.isEnabled()

    def named(dialog: ReceiverEditDialog) -> int:
        dialog.label.setText("Bohdan, Pixel")
        return ReceiverEditDialog.DialogCode.Accepted

    monkeypatch.setattr(ReceiverEditDialog, "exec", named)
    window.history_panel.book_btn.click()
    qtbot.waitUntil(lambda: "Bohdan, Pixel (user-4)" in receiver_cells(window), timeout=5000)
    saved = window.ctx.book().get("Sandbox", "user-4")
    assert saved is not None and saved.label == "Bohdan, Pixel"

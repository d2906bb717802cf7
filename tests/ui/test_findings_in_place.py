"""The findings list updates its rows in place when only their numbers change (issue 18)."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viber_desktop.core.checker import check_payload
from viber_desktop.ui.findings_panel import FindingsPanel


def over_long(size: int) -> dict[str, object]:
    return {"receiver": "r", "type": "text", "text": "word " * (size // 5), "sender": {}}


def test_a_key_in_an_over_long_text_updates_the_rows_in_place(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_report(check_payload(over_long(8_000)))
    rows = [panel.list.item(i) for i in range(panel.list.count())]
    assert len(rows) >= 2
    panel.list.setCurrentRow(1)
    before = [item.text() for item in rows]
    panel.show_report(check_payload(over_long(8_100)))
    assert [panel.list.item(i) for i in range(panel.list.count())] == rows  # the same items
    assert [item.text() for item in rows] != before  # showing the new numbers
    assert panel.list.currentRow() == 1
    assert panel.current_finding() is not None
    # The fixes follow the new text: the first fix is the one the new report offers.
    fresh = FindingsPanel()
    qtbot.addWidget(fresh)
    fresh.show_report(check_payload(over_long(8_100)))
    assert [fresh.list.item(i).text() for i in range(fresh.list.count())] == [
        item.text() for item in rows
    ]
    assert [fresh.list.item(i).toolTip() for i in range(fresh.list.count())] == [
        item.toolTip() for item in rows
    ]
    fresh.list.setCurrentRow(1)
    assert fresh.current_finding() == panel.current_finding()


def test_a_different_finding_rebuilds_the_list(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_report(check_payload(over_long(8_000)))
    first = panel.list.item(0)
    panel.show_report(check_payload({"receiver": "r", "type": "text", "text": "ok"}))
    assert panel.list.count() == 1 and panel.list.item(0) is not first
    assert panel.current_finding() is None


def test_tab_into_the_list_selects_the_row_enter_acts_on(qtbot: QtBot) -> None:
    """No finding has a fix, so none is chosen; Tab selects the first, plainly marked."""
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_report(check_payload({"receiver": "r", "type": "text", "text": "hi", "x": 1}))
    panel.list.clearSelection()
    panel.list.setCurrentRow(-1)
    assert panel.list.count() and not panel.list.selectedItems()
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.list.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.list.hasFocus)
    assert panel.list.currentRow() == 0 and panel.list.item(0).isSelected()

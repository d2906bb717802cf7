"""Every finding has a way out in the window: fixes as buttons, a menu and Ctrl+., each one undo
step; fields no form edits are listed, editable as JSON and removable."""

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viber_desktop.core.checker import check_payload
from viber_desktop.core.findings import Fix
from viber_desktop.ui.composer.composer_widget import ComposerWidget
from viber_desktop.ui.findings_panel import FindingsPanel
from viber_desktop.ui.main_window import MainWindow

MSG: dict[str, Any] = {
    "receiver": "r",
    "chat_id": 7,
    "sender": {"name": "S", "x": {"deep": [1, 2]}},
    "type": "text",
    "text": "hello",
    "tracking_data": None,
}


@pytest.fixture
def wired(qtbot: QtBot) -> tuple[FindingsPanel, ComposerWidget]:
    """A findings panel applying its fixes to a composer's document, as the window does."""
    composer = ComposerWidget()
    panel = FindingsPanel()
    qtbot.addWidget(composer)
    qtbot.addWidget(panel)

    def check() -> None:
        report = check_payload(composer.payload())
        composer.show_report(report, composer.payload())
        panel.show_report(report)

    composer.changed.connect(check)
    panel.fix_requested.connect(lambda fix: composer.doc.apply([fix.edit()], fix.label))
    composer.load_payload(MSG)
    return panel, composer


def test_the_first_fixable_finding_is_offered(wired: tuple[FindingsPanel, ComposerWidget]) -> None:
    panel, _composer = wired
    finding = panel.current_finding()
    assert finding is not None and finding.fixes
    assert panel.fix_btn.isEnabled()
    assert panel.fix_btn.text().startswith("Fix: ")


def test_each_fix_is_one_undo_step_and_removes_its_finding(
    qtbot: QtBot, wired: tuple[FindingsPanel, ComposerWidget]
) -> None:
    panel, composer = wired
    applied: list[str] = []
    while (finding := panel.current_finding()) is not None and finding.fixes:
        before = (finding.code, finding.path)
        qtbot.mouseClick(panel.fix_btn, Qt.MouseButton.LeftButton)
        applied.append(finding.fixes[0].label)
        report = check_payload(composer.payload())
        assert before not in {(f.code, f.path) for f in report.findings}
    assert "chat_id" not in composer.payload()
    assert "x" not in composer.payload()["sender"]
    assert "tracking_data" not in composer.payload()
    stack = composer.doc.undo_stack
    assert stack.count() == len(applied) >= 3
    while stack.canUndo():
        stack.undo()
    assert composer.payload() == MSG


def test_ctrl_dot_and_the_context_menu_offer_the_fixes(
    qtbot: QtBot, wired: tuple[FindingsPanel, ComposerWidget]
) -> None:
    panel, composer = wired
    chosen: list[Fix] = []
    panel.fix_requested.connect(chosen.append)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    row = next(i for i, f in enumerate(panel._findings) if f.path == "/tracking_data")
    panel.list.setCurrentRow(row)
    finding = panel.current_finding()
    assert finding is not None
    assert len(finding.fixes) >= 2  # remove it, or make it empty
    assert panel.fix_btn.menu() is not None
    labels = [a.text() for a in panel.fix_btn.menu().actions()]
    assert labels == [f.label for f in finding.fixes]
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert chosen == [finding.fixes[0]]
    assert "tracking_data" not in composer.payload()


def test_other_fields_are_listed_edited_as_json_and_removed(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.composer.load_payload(MSG)
    other = window.composer.other
    assert other.isVisibleTo(window)
    assert other.paths == ["/chat_id", "/sender/x"] or set(other.paths) == {"/chat_id", "/sender/x"}
    editor = other.editors["/sender/x"]
    assert editor.text() == '{"deep":[1,2]}'
    editor.selectAll()
    qtbot.keyClicks(editor, '{"deep": true')
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "not valid JSON" in other.problem.text() or "JSON" in other.problem.text()
    assert window.composer.payload()["sender"]["x"] == {"deep": [1, 2]}
    editor.setText('{"deep": true}')
    editor.setModified(True)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.composer.payload()["sender"]["x"] == {"deep": True}
    remove = next(
        b for b in other.findChildren(type(window.send_btn)) if "chat_id" in b.accessibleName()
    )
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert "chat_id" not in window.composer.payload()
    assert "/chat_id" not in window.composer.other.paths
    window.undo_action.trigger()
    assert window.composer.payload()["chat_id"] == 7


def test_a_finding_on_an_other_field_focuses_its_editor(qtbot: QtBot, window: MainWindow) -> None:
    window.composer.load_payload(MSG)
    window.show()
    qtbot.waitExposed(window)
    window.composer.focus_path("/chat_id")
    assert window.composer.other.editors["/chat_id"].hasFocus()


def test_clicking_the_no_findings_row_does_nothing(qtbot: QtBot, window: MainWindow) -> None:
    window.composer.load_payload(
        {"receiver": "r", "sender": {"name": "S"}, "type": "text", "text": "ok"}
    )
    assert not window.report.findings
    item = window.findings.list.item(0)
    rect = window.findings.list.visualItemRect(item)
    focused = []
    window.findings.focus_requested.connect(focused.append)
    qtbot.mouseClick(window.findings.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert focused == []


def test_ctrl_z_in_an_other_field_undoes_the_typing_first(qtbot: QtBot, window: MainWindow) -> None:
    window.composer.load_payload(MSG)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor = window.composer.other.editors["/chat_id"]
    editor.setFocus()
    editor.end(False)
    qtbot.keyClicks(editor, "{bad")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() != "7{bad"  # the field's own typing went first
    assert window.composer.payload()["chat_id"] == 7  # the message is untouched
    assert window.doc.undo_stack.count() == 0


def test_ctrl_dot_fixes_the_clicked_finding_from_its_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.composer.load_payload(MSG)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = window.findings
    row = next(i for i, f in enumerate(panel._findings) if f.path == "/tracking_data")
    item = panel.list.item(row)
    qtbot.mouseClick(
        panel.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.list.visualItemRect(item).center(),
    )
    assert window.composer.tracking.hasFocus()  # the click went to the field
    assert (
        panel.fix_btn.popupMode() != panel.fix_btn.popupMode().MenuButtonPopup
        or len(panel._findings[row].fixes) > 1
    )
    qtbot.keyClick(window.composer.tracking, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert "tracking_data" not in window.composer.payload()

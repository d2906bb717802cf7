"""The JSON tab is an editor of the message: valid edits are undo steps, others change nothing."""

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.core.helpers import base
from viber_desktop.core.body_token import BODY_TOKEN_NOTICE
from viber_desktop.core.jsonio import parse_json
from viber_desktop.ui.document import MessageDocument
from viber_desktop.ui.json_panel import APPLY_AFTER_MS, JsonPanel, json_text
from viber_desktop.ui.main_window import MainWindow

Ctrl = Qt.KeyboardModifier.ControlModifier


def exact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@pytest.fixture
def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window with a known message, its JSON tab open and the editor focused."""
    window.composer.load_payload(base(receiver="sandbox-user-1"))
    window.tabs.setCurrentWidget(window.json_panel)
    window.activateWindow()
    editor = window.json_panel.editor
    qtbot.waitUntil(lambda: editor.toPlainText() == json_text(window.doc.data))
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    return window


def put_cursor_after(window: MainWindow, text: str) -> None:
    editor = window.json_panel.editor
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index(text) + len(text))
    editor.setTextCursor(cursor)


def test_a_valid_edit_is_one_undo_step_and_the_forms_follow(
    qtbot: QtBot, shown: MainWindow
) -> None:
    window, editor = shown, shown.json_panel.editor
    stack = window.doc.undo_stack
    put_cursor_after(window, "sandbox-user-1")
    qtbot.keyClicks(editor, "-x")
    assert window.composer.receiver.text() == "sandbox-user-1"  # not before the pause
    qtbot.waitUntil(lambda: window.composer.receiver.text() == "sandbox-user-1-x")
    assert stack.count() == 1 and window.undo_action.text() == "&Undo Edit JSON"
    qtbot.keyClicks(editor, "y")  # the same stay in the editor: the same undo step
    typed = editor.toPlainText()
    qtbot.waitUntil(lambda: window.doc.data["receiver"] == "sandbox-user-1-xy")
    assert stack.count() == 1
    window._refresh_views()  # what the view timer runs: the user's text is not rewritten
    assert editor.toPlainText() == typed

    window.undo_action.trigger()
    assert window.doc.data["receiver"] == "sandbox-user-1"
    assert window.composer.receiver.text() == "sandbox-user-1"
    window._refresh_views()
    assert editor.toPlainText() == json_text(window.doc.data)  # undo shows the message again


def test_text_typed_in_its_own_layout_stays_as_typed(qtbot: QtBot, shown: MainWindow) -> None:
    window, editor = shown, shown.json_panel.editor
    compact = json.dumps({**window.doc.data, "text": "new"}, separators=(",", ":"))
    editor.setPlainText(compact)
    qtbot.waitUntil(lambda: window.doc.data["text"] == "new")
    window._refresh_views()
    assert editor.toPlainText() == compact


def test_invalid_json_says_where_and_changes_nothing(qtbot: QtBot, shown: MainWindow) -> None:
    window, panel = shown, shown.json_panel
    before = exact(window.doc.data)
    put_cursor_after(window, '"sandbox-user-1"')
    qtbot.keyClicks(panel.editor, " oops")
    qtbot.waitUntil(panel.problem.isVisible)
    line = 1 + panel.editor.toPlainText().split("\n").index('  "receiver": "sandbox-user-1" oops,')
    column = len('  "receiver": "sandbox-user-1" ') + 1
    message = panel.problem.text()
    assert message.startswith("✖ The text is not valid JSON")
    assert f"at line {line}, column {column}." in message
    assert "Nothing was changed" in message
    assert exact(window.doc.data) == before and window.doc.undo_stack.count() == 0
    [mark] = panel.editor.extraSelections()
    assert mark.cursor.selectedText() == "o"  # the place the message names is underlined

    for _ in " oops":
        qtbot.keyClick(panel.editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not panel.problem.isVisible())
    assert exact(window.doc.data) == before and window.doc.undo_stack.count() == 0


@pytest.mark.parametrize(
    ("text", "kind"), [("[1, 2]", "an array"), ('"hi"', "a string"), ("null", "null")]
)
def test_valid_json_that_is_not_an_object_says_so(
    qtbot: QtBot, shown: MainWindow, text: str, kind: str
) -> None:
    window, panel = shown, shown.json_panel
    before = exact(window.doc.data)
    panel.editor.setPlainText(text)
    qtbot.waitUntil(panel.problem.isVisible)
    assert f"The text is {kind}, not a JSON object ({{…}})" in panel.problem.text()
    assert exact(window.doc.data) == before and window.doc.undo_stack.count() == 0


def test_a_body_token_typed_into_the_json_is_removed_and_said(
    qtbot: QtBot, shown: MainWindow
) -> None:
    window, panel = shown, shown.json_panel
    with_token = {**window.doc.data, "auth_token": "secret-typed-1", "text": "changed"}
    panel.editor.setPlainText(json.dumps(with_token))
    qtbot.waitUntil(lambda: window.doc.data.get("text") == "changed")
    assert "auth_token" not in window.doc.data
    assert "secret-typed-1" not in panel.editor.toPlainText()  # gone from the screen too
    assert BODY_TOKEN_NOTICE in panel.problem.text() and panel.problem.isVisible()


def test_ctrl_z_in_the_editor_undoes_the_message(qtbot: QtBot, shown: MainWindow) -> None:
    window, editor = shown, shown.json_panel.editor
    original = exact(window.doc.data)
    put_cursor_after(window, "sandbox-user-1")
    qtbot.keyClicks(editor, "-a")
    qtbot.waitUntil(lambda: window.doc.data["receiver"] == "sandbox-user-1-a")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Ctrl)
    assert exact(window.doc.data) == original
    qtbot.waitUntil(lambda: editor.toPlainText() == json_text(window.doc.data))
    qtbot.keyClick(editor, Qt.Key.Key_Z, Ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert window.doc.data["receiver"] == "sandbox-user-1-a"
    qtbot.waitUntil(lambda: '"sandbox-user-1-a"' in editor.toPlainText())

    # Before the pause too: Ctrl+Z applies what was typed, then undoes it.
    put_cursor_after(window, "sandbox-user-1-a")
    qtbot.keyClicks(editor, "b")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Ctrl)
    assert window.doc.data["receiver"] == "sandbox-user-1-a"
    qtbot.waitUntil(lambda: '"sandbox-user-1-a"' in editor.toPlainText())
    qtbot.wait(APPLY_AFTER_MS + 100)
    assert window.doc.data["receiver"] == "sandbox-user-1-a"


def test_leaving_the_editor_or_sending_applies_at_once(qtbot: QtBot, shown: MainWindow) -> None:
    window, editor = shown, shown.json_panel.editor
    put_cursor_after(window, "sandbox-user-1")
    qtbot.keyClicks(editor, "0")
    window.composer.receiver.setFocus()
    qtbot.waitUntil(lambda: not editor.hasFocus())
    assert window.doc.data["receiver"] == "sandbox-user-1" + "0"  # no pause needed

    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # the cursor stayed after the 0
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()  # at once, before the pause
    assert window.doc.data["receiver"] == "sandbox-user-1"
    [entry] = window.ctx.history.query()  # type: ignore[union-attr]
    assert json.loads(entry.request)["receiver"] == "sandbox-user-1"


def test_an_edit_in_the_forms_shows_in_the_json(qtbot: QtBot, shown: MainWindow) -> None:
    window, editor = shown, shown.json_panel.editor
    window.composer.receiver.setFocus()
    qtbot.keyClicks(window.composer.receiver, "-form")
    qtbot.waitUntil(lambda: '"sandbox-user-1-form"' in editor.toPlainText())
    assert f"{window.report.bytes:,} bytes" in window.json_panel.note.text()
    assert "X-Viber-Auth-Token header" in window.json_panel.note.text()


def test_a_fix_chosen_in_the_findings_is_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    window.composer.load_payload(base(receiver="r", chat_id=7))
    [finding] = [f for f in window.report.findings if f.path == "/chat_id"]
    window.findings.fix_requested.emit(finding.fixes[0])
    assert "chat_id" not in window.doc.data
    assert window.undo_action.text() == f"&Undo {finding.fixes[0].label}"
    window.undo_action.trigger()
    assert window.doc.data["chat_id"] == 7


ODD_TEXT = st.text(
    st.characters(exclude_categories=())
    | st.sampled_from('\xa0\u2028\u2029\x85\ufeff\ufffc\ud800\udfff\t\r\n\\"'),
    max_size=8,
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False)
    | ODD_TEXT
)
OBJECTS = st.dictionaries(
    ODD_TEXT,
    st.recursive(
        SCALARS,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ODD_TEXT, inner, max_size=3),
        max_leaves=10,
    ),
    max_size=5,
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(OBJECTS)
def test_what_the_editor_shows_reads_back_exactly(qtbot: QtBot, data: dict[str, Any]) -> None:
    doc = MessageDocument(data)
    panel = JsonPanel(doc)
    panel.refresh(0)
    shown = panel.editor.toPlainText()
    assert json_text(parse_json(shown)) == json_text(doc.data)  # the editor changed nothing
    panel.editor.setPlainText(shown)  # as if the user retyped it
    panel.commit()
    assert doc.undo_stack.count() == 0 and not panel.problem.isVisible()
    panel.deleteLater()


def test_ctrl_z_after_an_invalid_edit_goes_back_to_the_last_valid_text(
    qtbot: QtBot, shown: MainWindow
) -> None:
    window, panel = shown, shown.json_panel
    put_cursor_after(window, "sandbox-user-1")
    qtbot.keyClicks(panel.editor, "-a")
    qtbot.waitUntil(lambda: window.doc.data["receiver"] == "sandbox-user-1-a")
    valid = exact(window.doc.data)
    steps = window.doc.undo_stack.count()
    put_cursor_after(window, '"sandbox-user-1-a"')
    qtbot.keyClicks(panel.editor, ",,")
    qtbot.waitUntil(panel.problem.isVisible)
    qtbot.keyClick(panel.editor, Qt.Key.Key_Z, Ctrl)
    assert exact(window.doc.data) == valid  # the valid edit stays
    assert window.doc.undo_stack.count() == steps
    assert panel.editor.toPlainText() == json_text(window.doc.data)
    assert not panel.problem.isVisible()
    qtbot.keyClick(panel.editor, Qt.Key.Key_Z, Ctrl)  # now the message's own undo
    assert window.doc.data["receiver"] == "sandbox-user-1"

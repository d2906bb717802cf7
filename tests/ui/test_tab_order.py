"""Tab walks the window in a fixed order (receiver … Send), with no stops on read-only views."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from viber_desktop.ui.composer.color_field import ColorField
from viber_desktop.ui.composer.spec_form import SpecForm
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.tab_order import takes_input

SEND_WITHIN = 8
"""Tab presses from the receiver to Send for a text message."""


def _active(qtbot: QtBot, window: MainWindow, kind: str = "text") -> None:
    combo = window.composer.type_combo
    combo.setCurrentIndex(combo.findData(kind))
    # A picture loading (or failing to) may show or hide a widget: let it settle first.
    qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=10_000)
    qtbot.wait(100)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _walk(qtbot: QtBot, start: QWidget, presses: int, back: bool = False) -> list[QWidget | None]:
    start.setFocus()
    seen = [QApplication.focusWidget()]
    mod = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    for _ in range(presses):
        focus = QApplication.focusWidget()
        assert focus is not None, f"the focus left the window after {[_name(w) for w in seen]}"
        qtbot.keyClick(focus, Qt.Key.Key_Tab, mod)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_goes_from_the_receiver_to_send_then_round_the_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    _active(qtbot, window)
    c = window.composer
    form = c.forms["text"]
    assert isinstance(form, SpecForm)
    text = form.focus_widget("/text")
    expected = [
        c.receiver,
        c.sender_name,
        c.avatar,
        c.type_combo,
        text,
        c.keyboard_box,
        c.tracking,
        c.api_version,
        window.send_btn,
        window.tabs.tabBar(),
        *[w for w in window.tab_order.stops() if window.preview.isAncestorOf(w)],
        window.findings.list,
        window.profile_bar.combo,
        window.profile_bar.token_btn,
        window.profile_bar.add_btn,
        window.modes.tabBar(),
        c.receiver,
    ]
    seen = _walk(qtbot, c.receiver, len(expected) - 1)
    assert [_name(w) for w in seen] == [_name(w) for w in expected]
    assert seen == expected
    assert seen.index(window.send_btn) <= SEND_WITHIN
    # Shift+Tab walks the same stops backwards.
    back = _walk(qtbot, c.receiver, len(expected) - 1, back=True)
    assert back == list(reversed(expected))


@pytest.mark.parametrize("kind", ["text", "picture", "rich_media", "location"])
def test_no_stop_is_a_widget_that_takes_no_input(
    qtbot: QtBot, window: MainWindow, kind: str
) -> None:
    _active(qtbot, window, kind)
    stops = window.tab_order.stops()
    seen = _walk(qtbot, window.composer.receiver, len(stops))
    assert seen[-1] is seen[0], "Tab did not come back round to the receiver"
    assert seen[:-1] == stops
    for widget in stops:
        assert takes_input(widget), _name(widget)
    assert window.preview not in seen  # a read-only view, reached with F6 and the tab bar
    # Every focusable widget that is shown is somewhere in the order: nothing unreachable.
    shown = {w for w in window.findChildren(QWidget) if takes_input(w)}
    assert shown == set(stops), sorted(_name(w) for w in shown ^ set(stops))
    # The type's fields come between the type and the delivery options, whatever the type.
    c = window.composer
    form = c.stack.currentWidget()
    assert form is not None
    fields = [w for w in stops if form.isAncestorOf(w)]
    assert fields
    assert stops.index(c.type_combo) + 1 == stops.index(fields[0])
    assert stops.index(fields[-1]) < stops.index(c.keyboard_box) < stops.index(c.tracking)


def test_a_read_only_view_is_a_stop_only_when_keys_scroll_it(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    view = QPlainTextEdit(box)
    view.setReadOnly(True)
    view.resize(200, 80)
    box.show()
    qtbot.waitExposed(box)
    view.setPlainText("short")
    assert not takes_input(view)
    view.setPlainText("\n".join(f"line {i}" for i in range(200)))
    assert takes_input(view)
    view.setReadOnly(False)
    view.setPlainText("")
    assert takes_input(view)  # editable: always a stop


def test_the_json_editor_follows_its_tab(qtbot: QtBot, window: MainWindow) -> None:
    _active(qtbot, window)
    window.tabs.setCurrentWidget(window.json_panel)
    stops = window.tab_order.stops()
    assert stops.index(window.tabs.tabBar()) + 1 == stops.index(window.json_panel.editor)
    assert window.json_panel.copy_json in stops


def test_a_widget_that_is_no_stop_hands_tab_on(qtbot: QtBot, window: MainWindow) -> None:
    """A widget that is no stop but got the focus (a click) hands Tab to the next stop."""
    _active(qtbot, window)
    view = window.json_panel.editor
    window.tabs.setCurrentWidget(window.json_panel)
    view.setReadOnly(True)  # now a view: no stop while it has nothing to scroll
    view.setPlainText("{}")
    view.setFocus()
    assert not takes_input(view)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.json_panel.copy_json
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.tabs.tabBar()


def test_ctrl_tab_switches_compose_and_history(qtbot: QtBot, window: MainWindow) -> None:
    _active(qtbot, window)
    window.composer.receiver.setFocus()
    qtbot.keyClick(window.composer.receiver, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.modes.currentWidget() is window.history_panel
    focus = QApplication.focusWidget()
    assert focus is not None and window.history_panel.isAncestorOf(focus)
    qtbot.keyClick(
        focus,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.modes.currentWidget() is window.splitter
    # In the preview tabs Ctrl+Tab switches them, as Qt does.
    window.tabs.tabBar().setFocus()
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.json_panel
    assert window.modes.currentWidget() is window.splitter


def test_history_has_no_dead_stops_and_tab_leaves_the_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    _active(qtbot, window)
    window.modes.setCurrentWidget(window.history_panel)
    stops = window.tab_order.stops()
    panel = window.history_panel
    assert panel.search in stops and panel.table in stops
    assert panel.request not in stops
    seen = _walk(qtbot, panel.table, 1)
    assert seen[1] is not panel.table  # Tab leaves the table instead of walking its cells


def _tab_round(qtbot: QtBot, window: MainWindow) -> None:
    window.composer.receiver.setFocus()
    for _ in range(len(window.tab_order.stops()) + 1):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)


def _dead_after(
    qtbot: QtBot, window: MainWindow, change: Callable[[], object], leaving: QWidget
) -> list[str]:
    """The widgets outside ``leaving`` whose Python side died when ``change`` ran."""
    kept = [w for w in window.findChildren(QWidget) if not leaving.isAncestorOf(w)]  # nor it
    change()
    qtbot.wait(400)  # the preview redraws a moment after an edit
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return [type(w).__name__ for w in kept if not isValid(w)]


def test_tabbing_leaves_every_widget_alive_when_a_page_is_replaced(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Trap: PySide ties the widget nextInFocusChain() returns to the widget asked; a walk
    of Qt's chain from Python made the next widget's wrapper die with a redrawn preview page
    or a lazy tab's placeholder ("Internal C++ object (QStatusBar) already deleted")."""
    _active(qtbot, window)
    _tab_round(qtbot, window)
    page = window.preview.chat.widget()
    assert page is not None
    rename = lambda: window.composer.sender_name.setText("Ann")  # noqa: E731
    assert _dead_after(qtbot, window, rename, page) == []
    assert not isValid(page)  # the page was replaced
    _tab_round(qtbot, window)
    placeholder = window.modes.widget(1)
    assert placeholder is not None
    assert _dead_after(qtbot, window, lambda: window.modes.setCurrentIndex(1), placeholder) == []
    assert not isValid(placeholder)
    # The widgets after them are still usable from Python.
    window.status.showMessage("still here")
    assert window.tabs.tabBar().count() == 3
    assert window.modes.tabBar().currentIndex() == 1


def test_stops_come_in_the_order_the_widgets_sit_in_their_parents(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A colour's Choose button follows its field, although it was made later."""
    _active(qtbot, window, "rich_media")
    stops = window.tab_order.stops()
    for field in window.findChildren(ColorField):
        if field.isVisible():
            assert stops.index(field.swatch) == stops.index(field) + 1


def _name(widget: QWidget | None) -> str:
    if widget is None:
        return "None"
    return f"{type(widget).__name__}:{widget.accessibleName() or widget.objectName()}"

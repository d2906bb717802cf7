"""Start-up builds only what the first look shows (issue 16): the History tab on first use."""

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from tests.fresh_process import seen_in_fresh_process
from tests.ui.test_history_panel import fill, send_one
from viber_desktop.ui import first_paint
from viber_desktop.ui.main_window import MainWindow


def test_the_history_tab_is_built_when_first_shown(qtbot: QtBot, window: MainWindow) -> None:
    assert window.ctx.history is not None
    fill(window.ctx.history, 3)  # recorded before the panel exists
    assert window.history_tab.page_if_built() is None
    assert window.modes.count() == 2 and window.modes.tabText(1) == "H&istory"
    changes: list[int] = []
    window.modes.currentChanged.connect(changes.append)

    window.modes.setCurrentIndex(1)

    assert window.history_tab.built
    panel = window.history_panel
    assert window.modes.currentWidget() is panel and window.modes.widget(1) is panel
    assert changes == [1]  # the swap of the empty page for the panel is not seen
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=5000)
    assert panel.model.store is window.ctx.history
    profiles = [panel.profile.itemData(i) for i in range(panel.profile.count())]
    assert profiles[0] is None and "Sandbox" in profiles
    window.modes.setCurrentIndex(0)
    window.modes.setCurrentIndex(1)
    assert window.history_panel is panel  # built once
    qtbot.wait(50)  # deferred deletions run
    assert isValid(window.status) and isValid(window.receiver_actions.status)
    window.status.showMessage("still here")


def test_asking_for_the_panel_builds_it_in_its_tab(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.history_panel
    assert window.modes.widget(1) is panel and window.modes.currentIndex() == 0
    window.modes.setCurrentWidget(panel)
    assert window.modes.currentIndex() == 1


def test_a_send_then_the_history_tab_lists_it(qtbot: QtBot, window: MainWindow) -> None:
    send_one(qtbot, window, "sandbox-user-1", "first")
    assert window.history_tab.page_if_built() is None  # a send does not build it
    window.modes.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.history_panel.model.rowCount() == 1, timeout=5000)


def test_the_json_tab_is_built_when_first_shown(qtbot: QtBot, window: MainWindow) -> None:
    assert window.json_tab.page_if_built() is None
    assert [window.tabs.tabText(i) for i in range(3)] == ["Preview", "JSON", "Response"]
    window.tabs.setCurrentIndex(1)
    panel = window.json_panel
    assert window.tabs.currentWidget() is panel
    qtbot.waitUntil(lambda: '"receiver"' in panel.editor.toPlainText(), timeout=2000)
    assert f"{window.report.bytes:,} bytes" in panel.note.text()


SCRIPT = """
import json, os, sys, threading
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

app = QApplication([sys.argv[0]])
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "at_paint" not in seen:
            seen["at_paint"] = sorted(m for m in sys.modules if m.startswith("viber_desktop."))
            seen["stdlib"] = [m for m in ("socket", "csv", "html") if m in sys.modules]
            seen["enchant"] = "enchant" in sys.modules
            seen["threads"] = [t.name for t in threading.enumerate()]
            seen["dataclasses"] = sorted(
                f"{name}.{cls.__name__}"
                for name, module in list(sys.modules.items())
                if name.startswith("viber_desktop.")
                for cls in vars(module).values()
                if isinstance(cls, type)
                and cls.__module__ == name
                and hasattr(cls, "__dataclass_fields__")
            )
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
from viber_desktop.main import main
seen["code"] = main(["--smoke-test"])
seen["enchant_at_exit"] = "enchant" in sys.modules
seen["threads_at_exit"] = [t.name for t in threading.enumerate()]
seen["qt_threads_at_exit"] = sorted(
    open(f"/proc/self/task/{task}/comm").read().strip() for task in os.listdir("/proc/self/task")
)
print("SEEN=" + json.dumps(seen))
"""


def test_the_first_paint_waits_for_no_history_panel_dialog_or_dictionary(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for name in ("CONFIG", "DATA", "CACHE"):
        env[f"VIBER_DESKTOP_{name}_DIR"] = str(tmp_path / name.lower())
    seen = seen_in_fresh_process(SCRIPT, env)
    assert seen["code"] == 0
    loaded = set(seen["at_paint"])
    assert "viber_desktop.ui.main_window" in loaded  # the check can fail
    later = {"viber_desktop.ui.history.panel", "viber_desktop.ui.about"}
    later |= {"viber_desktop.ui.preferences_dialog", "viber_desktop.ui.json_panel"}
    later |= {f"viber_desktop.ui.receivers.{name}" for name in ("book_dialog", "list_send_dialog")}
    later.add("viber_desktop.ui.composer.gallery")  # the File menu's examples, when opened
    later.add("viber_desktop.core.receiver_records")  # the book's records, when first used
    # A text message's preview: no carousel, no keyboard, so no button grid.
    later |= {f"viber_desktop.ui.chat.{name}" for name in ("carousel", "keyboard_dock")}
    later.add("viber_desktop.ui.composer.grid_view")
    # The text's spelling underlines attach after the paint, as the dictionary opens; a
    # Markdown writing bar has no colour button.
    later |= {"viber_desktop.ui.spelling.underline", "viber_desktop.ui.spelling.attach"}
    later.add("viber_desktop.ui.composer.color_field")
    later.add("viber_desktop.ui.response_panel")  # the Response tab, built on first use
    assert not loaded & later
    # Records are NamedTuples or plain classes: a dataclass is about 1 ms to make. The settings'
    # two stay dataclasses (validated in __post_init__, copied with replace, saved with asdict).
    assert seen["dataclasses"] == [
        "viber_desktop.services.settings.Profile",
        "viber_desktop.services.settings.Settings",
    ]
    assert not seen["enchant"] and "viber-spelling" not in seen["threads"]
    # The smoke test quits at the first paint as the yardstick's bare window does: the work
    # held for after it (the spelling worker, the receiver hints) never starts.
    assert not seen["enchant_at_exit"] and "viber-spelling" not in seen["threads_at_exit"]
    # Nor does Qt start its pool of GUI threads for the frames' fills (ui/style.py's new_app).
    assert "Thread (pooled)" not in seen["qt_threads_at_exit"] and seen["qt_threads_at_exit"]
    # The history's host name and export need neither; the preview escapes without html's
    # 2,231 entity names.
    assert seen["stdlib"] == []


def test_the_focus_moves_into_a_tab_built_on_showing(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.composer.receiver.setFocus()
    qtbot.waitUntil(window.composer.receiver.hasFocus)
    window.modes.setCurrentIndex(1)  # as Ctrl+Tab does: the focus was on the page left
    focus = QApplication.focusWidget()
    assert focus is not None and window.history_panel.isAncestorOf(focus)


def test_the_receiver_hints_of_a_start_wait_for_its_first_paint_once(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.ctx.history is not None
    fill(window.ctx.history, 2)  # user-0 and user-1, after the window read the history
    model = window.composer.receiver_model
    before = model.rowCount()
    first_paint.hold()
    try:
        window.receiver_hints.refresh()
        window.receiver_hints.refresh()  # the history opened, the profile was chosen…
        qtbot.wait(100)
        assert model.rowCount() == before and not window.ctx.runner.busy  # nothing asked
        first_paint.release()
        qtbot.waitUntil(lambda: model.rowCount() == before + 2, timeout=5000)
        assert not window.receiver_hints._refresh_waiting
    finally:
        first_paint.release()

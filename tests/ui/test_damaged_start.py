"""The window starts over damaged files and an unusable data folder, and says what it did."""

import base64
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from viber_desktop.core.jsonio import OversizedNumber
from viber_desktop.services.drafts import load_draft
from viber_desktop.services.settings import SettingsStore
from viber_desktop.services.vault import TokenVault
from viber_desktop.ui import first_paint
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.images import ImageLoader
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.tasks import TaskRunner

ODD_DRAFT = (
    '{"receiver": "sandbox-user-1", "sender": {"name": "Shop"}, "type": "text", "text": "hi",'
    ' "min_api_version": ' + "9" * 5000 + ', "tracking_data": 1e308,'
    ' "keyboard": {"Type": "keyboard", "Buttons": [{"ActionType": "reply", "ActionBody": "a",'
    ' "TextSize": 9223372036854775808, "Columns": "wide", "Rows": -1e308,'
    ' "TextHAlign": ["left"]}]}}'
)


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=10_000)
    return win


def test_a_draft_the_widgets_cannot_show_is_shown_kept_and_flagged(
    qtbot: QtBot, ctx: AppContext, app_dirs: dict[str, Path]
) -> None:
    (app_dirs["data"]).mkdir(parents=True, exist_ok=True)
    (app_dirs["data"] / "draft.json").write_text(ODD_DRAFT, encoding="utf-8")
    win = _window(qtbot, ctx)
    payload = win.composer.payload()
    button = payload["keyboard"]["Buttons"][0]
    assert button["TextSize"] == 2**63 and button["Columns"] == "wide"
    assert button["Rows"] == -1e308 and button["TextHAlign"] == ["left"]
    assert isinstance(payload["min_api_version"], OversizedNumber)
    assert payload["tracking_data"] == 1e308
    assert not win.report.ok
    assert {"/keyboard/Buttons/0/TextSize", "/min_api_version"} <= {
        f.path for f in win.report.errors
    }
    win.close()
    ctx.runner.wait(10_000)
    saved, problem = load_draft()
    assert problem is None and saved is not None
    assert saved["keyboard"]["Buttons"][0]["TextSize"] == 2**63


def test_a_lone_surrogate_imported_then_closed_is_saved_escaped(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.composer.load_payload(
        {
            "receiver": "sandbox-user-1",
            "sender": {"name": "\ud800"},
            "type": "text",
            "text": "\udfff",
        }
    )
    window.on_changed()
    assert window.composer.payload()["text"] == "\udfff"  # kept, not dropped by Qt
    assert window.composer.payload()["sender"]["name"] == "\ud800"
    assert "\ufffd" in window.composer.sender_name.text()  # shown where it is
    window.drafts.save()
    window.close()
    window.ctx.runner.wait(10_000)
    saved, problem = load_draft()
    assert problem is None and saved is not None
    assert saved["text"] == "\udfff" and saved["sender"]["name"] == "\ud800"


def test_a_damaged_draft_is_set_aside_and_the_window_says_so(
    qtbot: QtBot, ctx: AppContext, app_dirs: dict[str, Path]
) -> None:
    app_dirs["data"].mkdir(parents=True, exist_ok=True)
    (app_dirs["data"] / "draft.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    win = _window(qtbot, ctx)
    assert win.composer.payload()["type"] == "text"  # a new message
    assert "nested more than 100 levels" in win.status.currentMessage()
    assert [p.name for p in app_dirs["data"].glob("draft.json.corrupt-*")]


@pytest.mark.parametrize(
    "window_state",
    [
        {"geometry": "not base64!", "splitter": "%%%"},
        {"geometry": base64.b64encode(b"\x01\xd9\xd0\xcb" + b"\xff" * 60).decode()},
        {"splitter": base64.b64encode(b"\x00" * 5000).decode(), "right": ""},
    ],
)
def test_a_bad_window_layout_is_ignored(
    qtbot: QtBot, ctx: AppContext, window_state: dict[str, str]
) -> None:
    ctx.settings.window = window_state
    win = _window(qtbot, ctx)
    screen = win.screen().availableGeometry()
    assert win.width() <= max(screen.width(), 1280) and win.height() <= max(screen.height(), 800)


def test_an_unwritable_data_folder_is_said_once_and_disables_sending(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("VIBER_DESKTOP_DATA_DIR", str(blocker / "data"))
    warnings: list[str] = []

    def warn(parent: Any, title: str, text: str, *a: Any, **k: Any) -> Any:
        warnings.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    runner = TaskRunner()
    store = SettingsStore(tmp_path / "settings.json")
    ctx = AppContext(store, store.load(), TokenVault(), runner, ImageLoader(runner))
    win = _window(qtbot, ctx)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert ctx.history is None
    (text,) = warnings
    assert "data folder" in text and "Not a directory" in text and "VIBER_DESKTOP_DATA_DIR" in text
    assert not win.send_btn.isEnabled()
    assert "data folder" in win.send_btn.toolTip()
    win.composer.receiver.setText("sandbox-user-2")  # autosave fails: not said again
    win.drafts.save()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert "The draft could not be saved" not in win.status.currentMessage()
    win.close()
    assert runner.wait(10_000)
    assert warnings == [text]


def test_the_history_opens_after_the_first_paint_and_reaches_the_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    runner = TaskRunner()
    store = SettingsStore(tmp_path / "settings.json")
    ctx = AppContext(store, store.load(), TokenVault(), runner, ImageLoader(runner))
    first_paint.hold()  # as ui/app.py does, before the window is built
    try:
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        qtbot.wait(50)
        assert ctx.history is None and not runner.busy  # not asked for before the paint
        assert win.send_btn.toolTip() == "Opening the history…"
        win.installEventFilter(first_paint.FirstPaintGate(win))
        win.show()
        qtbot.waitUntil(
            lambda: ctx.history is not None and win.send_btn.isEnabled(), timeout=10_000
        )
    finally:
        first_paint.release()
    assert win.history_panel.model.store is ctx.history
    win.close()
    assert runner.wait(10_000)
    ctx.close()
    assert ctx.history is None  # closed with the context once nothing waits on it


def test_the_app_starts_over_a_damaged_settings_file(tmp_path: Path) -> None:
    config = tmp_path / "cfg"
    config.mkdir()
    damaged = json.dumps(
        {"schema_version": "2", "read_timeout": None, "window": {"geometry": "!"}}
    ).encode()
    (config / "settings.json").write_bytes(damaged)
    env = {
        **os.environ,
        "VIBER_DESKTOP_CONFIG_DIR": str(config),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-m", "viber_desktop", "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "startup_ms=" in done.stdout and "Traceback" not in done.stderr
    (aside,) = config.glob("settings.json.corrupt-*")
    assert aside.read_bytes() == damaged


def test_templates_dialog_lists_odd_names_and_names_a_damaged_template(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from viber_desktop.services.templates import TemplateStore
    from viber_desktop.ui.templates_dialog import TemplatesDialog

    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "Deep.json").write_text("[" * 200 + "]" * 200, encoding="utf-8")
    (folder / "\udcff odd.json").write_text('{"text": "\\ud800", "auth_token": "t"}')
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    dialog = TemplatesDialog(TemplateStore(folder))
    qtbot.addWidget(dialog)
    assert [dialog.list.item(i).text() for i in range(2)] == ["Deep", "\ufffd odd"]
    dialog.list.setCurrentRow(0)
    dialog.open_selected()
    assert dialog.payload is None
    (text,) = warnings
    assert "“Deep” is nested more than 100 levels" in text
    dialog.list.setCurrentRow(1)
    dialog.open_selected()
    assert dialog.payload == {"text": "\ud800"}
    assert dialog.notice is not None and "auth_token" in dialog.notice


def test_a_location_draft_with_a_number_too_big_for_a_float_starts(
    qtbot: QtBot, ctx: AppContext, app_dirs: dict[str, Path]
) -> None:
    lat = "1" + "0" * 400  # a valid JSON integer; float() of it overflows
    draft = (
        '{"receiver": "abc123==", "sender": {"name": "Bot"}, "type": "location",'
        f' "location": {{"lat": {lat}, "lon": 2}}}}'
    )
    (app_dirs["data"]).mkdir(parents=True, exist_ok=True)
    (app_dirs["data"] / "draft.json").write_text(draft, encoding="utf-8")
    win = _window(qtbot, ctx)
    win.tabs.setCurrentWidget(win.preview)
    qtbot.wait(300)  # the preview redraws after a pause: it must not raise either
    assert win.composer.payload()["location"]["lat"] == int(lat)  # kept exactly
    assert "/location/lat" in {f.path for f in win.report.errors}

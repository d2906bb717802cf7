"""The composer window driven through its real widgets."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.core.helpers import base
from viber_desktop.core import limits
from viber_desktop.core.checker import check_payload
from viber_desktop.core.limits import MESSAGE_TYPES
from viber_desktop.ui.composer.composer_widget import KEYBOARD_ONLY
from viber_desktop.ui.import_dialog import parse_payload
from viber_desktop.ui.main_window import MainWindow


def load(window: MainWindow, msg: dict[str, Any]) -> None:
    window.composer.load_payload(msg)


def test_typing_updates_the_counter_and_errors_disable_send(
    qtbot: QtBot, window: MainWindow
) -> None:
    name = window.composer.sender_name
    name.clear()
    counter = window.composer.sender_counter
    # The check runs at once, or after a 60 ms pause when it is slow (a loaded machine).
    qtbot.keyClicks(name, "x" * 25)
    qtbot.waitUntil(lambda: counter.text() == "25 / 28", timeout=2000)
    qtbot.keyClicks(name, "x")
    qtbot.waitUntil(lambda: counter.text() == "⚠ 26 / 28", timeout=2000)
    assert counter.state == "warning"
    qtbot.waitUntil(window.send_btn.isEnabled, timeout=2000)
    name.insert("😀😀")  # QTest cannot type characters outside the BMP
    qtbot.waitUntil(lambda: not window.send_btn.isEnabled(), timeout=2000)
    assert counter.text() == "✖ 30 / 28"
    assert "/sender/name" in window.send_btn.toolTip()
    assert "sender.name" in window.findings.list.item(0).text()
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    qtbot.waitUntil(window.send_btn.isEnabled, timeout=2000)


def test_clicking_a_finding_focuses_its_field(qtbot: QtBot, window: MainWindow) -> None:
    load(window, base("contact", contact={"name": "A", "phone_number": "12-34"}))
    item = window.findings.list.item(0)
    assert "/contact/phone_number" in item.text()
    window.findings.list.itemActivated.emit(item)
    phone = window.composer.forms["contact"].widgets["/contact/phone_number"]
    qtbot.waitUntil(phone.hasFocus)


def test_raise_min_api_version(qtbot: QtBot, window: MainWindow) -> None:
    msg = base(
        keyboard={"Type": "keyboard", "Buttons": [{"ActionBody": "p", "ActionType": "share-phone"}]}
    )
    load(window, msg)
    assert window.composer.raise_api.isVisible()
    assert window.composer.raise_api.text() == "Raise to 3"
    qtbot.mouseClick(window.composer.raise_api, Qt.MouseButton.LeftButton)
    assert window.composer.payload()["min_api_version"] == 3
    assert window.report.ok


def test_send_to_the_sandbox_fills_the_response_panel(qtbot: QtBot, window: MainWindow) -> None:
    load(window, base(receiver="sandbox-user-1"))
    window.composer.receiver.setFocus()
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        qtbot.keyClick(
            window.composer.receiver, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    panel = window.response
    assert "Accepted" in panel.headline.text()
    assert panel.fields["status"].text() == "0 ok"
    assert int(panel.fields["message_token"].text()) > 2**53
    assert "outOfSessionBilledMessage" in panel.fields["billing"].text()
    assert window.ctx.history is not None
    [entry] = window.ctx.history.query()
    assert entry.outcome == "ok"
    assert window.send_btn.isEnabled()


def test_unknown_outcome_says_it_may_have_been_delivered(qtbot: QtBot, window: MainWindow) -> None:
    load(window, base(receiver="fault-http500"))
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()
    assert "may have been delivered" in window.response.headline.text()
    assert "MAY HAVE BEEN DELIVERED" in window.response.explanation.text()
    assert window.response.raw_toggle.isEnabled()


def test_window_stays_responsive_during_a_slow_send(qtbot: QtBot, window: MainWindow) -> None:
    load(window, base(receiver="fault-delay-1.5"))
    window.send()
    assert not window.send_btn.isEnabled()
    qtbot.keyClicks(window.composer.receiver, "x")  # the GUI thread is free
    assert window.composer.receiver.text().endswith("x")
    qtbot.waitSignal(window.send_finished, timeout=15_000).wait()
    assert window.ctx.history is not None
    assert window.ctx.history.query()[0].outcome == "ok"


def test_api_error_is_decoded(qtbot: QtBot, window: MainWindow) -> None:
    load(window, base(receiver="status-6"))
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()
    assert window.response.fields["status"].text() == "6 receiverNotSubscribed"
    assert "subscribe" in window.response.explanation.text()


def test_import_fills_forms_and_keeps_unknown_fields(window: MainWindow) -> None:
    text = json.dumps(base("picture", chat_id="legacy", sender={"name": "S", "x": 1}))
    payload, problem = parse_payload(text)
    assert payload is not None and not problem
    load(window, payload)
    assert window.composer.kind == "picture"
    assert window.composer.forms["picture"].widgets["/media"].text() == "https://example.com/a.jpg"
    out = window.composer.payload()
    assert out["chat_id"] == "legacy" and out["sender"]["x"] == 1
    assert {f.path for f in window.report.warnings} == {"/chat_id", "/sender/x"}


@pytest.mark.parametrize("text", ["", "{", "[1]", "5", '{"a":' + "[" * 150 + "]" * 150 + "}"])
def test_import_refuses_what_is_not_an_object(text: str) -> None:
    payload, problem = parse_payload(text)
    assert payload is None and problem


ROUND_TRIP = [base(kind) for kind in MESSAGE_TYPES] + [
    base(None, keyboard={"Type": "keyboard", "Buttons": [{"ActionBody": "a", "Text": "A"}]}),
    base(
        "text",
        tracking_data="t",
        min_api_version=4,
        keyboard={
            "Type": "keyboard",
            "ButtonsGroupColumns": 3,
            "InputFieldState": "hidden",
            "Buttons": [
                {"ActionBody": "x", "Columns": 3, "Rows": 2, "Silent": True, "TextSize": "medium"}
            ],
        },
    ),
    base("video", duration=30, thumbnail="https://x.com/t.jpg"),
    base("text", sender={"name": "S", "avatar": "https://x.com/a.png"}),
    base("location", location={"lat": "1.5", "lon": 200}),
    base("text", tracking_data=""),
    base("text", tracking_data=None),
    base("sticker", sticker_id="40129"),
]


@pytest.mark.parametrize("msg", ROUND_TRIP, ids=lambda m: str(m.get("type", "keyboard")))
def test_every_form_round_trips_to_the_same_json(window: MainWindow, msg: dict[str, Any]) -> None:
    load(window, msg)
    assert window.composer.payload() == msg
    window.composer.payload()  # idempotent
    load(window, window.composer.payload())
    assert window.composer.payload() == msg


def test_keyboard_only_message(window: MainWindow) -> None:
    combo = window.composer.type_combo
    combo.setCurrentIndex(combo.findData(KEYBOARD_ONLY))
    out = window.composer.payload()
    assert "type" not in out and out["keyboard"]["Type"] == "keyboard"
    assert window.report.ok


def test_button_editor_add_remove_reorder(qtbot: QtBot, window: MainWindow) -> None:
    combo = window.composer.type_combo
    combo.setCurrentIndex(combo.findData("rich_media"))
    editor = window.composer.forms["rich_media"].editor  # type: ignore[union-attr]
    before = len(window.composer.payload()["rich_media"]["Buttons"])
    editor.scroller.ensureVisible(int(editor.grid.button_rect(before - 1).center().x()), 0)
    qtbot.mouseClick(
        editor.grid,
        Qt.MouseButton.LeftButton,
        pos=editor.grid.button_rect(before - 1).center().toPoint(),
    )
    assert editor.row == before - 1
    # The sample's cards are full: a new button needs a new card (a tall button and a short one).
    qtbot.mouseClick(editor.add_card_btn, Qt.MouseButton.LeftButton)
    buttons = window.composer.payload()["rich_media"]["Buttons"]
    assert len(buttons) == before + 2
    assert editor.row == before
    text = editor.panel.form.widgets["/Text"]
    text.clear()
    qtbot.keyClicks(text, "Last")
    assert window.composer.payload()["rich_media"]["Buttons"][before]["Text"] == "Last"
    qtbot.mouseClick(editor.left_btn, Qt.MouseButton.LeftButton)
    buttons = window.composer.payload()["rich_media"]["Buttons"]
    assert buttons[before - 1]["Text"] == "Last"
    qtbot.mouseClick(editor.delete_btn, Qt.MouseButton.LeftButton)
    assert len(window.composer.payload()["rich_media"]["Buttons"]) == before + 1
    assert "Last" not in [b.get("Text") for b in window.composer.payload()["rich_media"]["Buttons"]]


def test_rich_media_card_limit_is_reported(window: MainWindow) -> None:
    card = {"ActionBody": "x", "Columns": 6, "Rows": 7}
    load(
        window,
        base(
            "rich_media",
            rich_media={"Type": "rich_media", "BgColor": "#FFFFFF", "Buttons": [card] * 7},
        ),
    )
    assert any(f.code == "too_many_cards" for f in window.report.errors)
    assert not window.send_btn.isEnabled()


def test_out_of_range_values_are_kept_not_clamped(window: MainWindow) -> None:
    msg = base(keyboard={"Type": "keyboard", "Buttons": [{"ActionBody": "x", "Columns": 9}]})
    load(window, msg)
    assert window.composer.payload()["keyboard"]["Buttons"][0]["Columns"] == 9
    assert not check_payload(window.composer.payload()).ok


def test_size_meter_at_30kb(window: MainWindow) -> None:
    msg = base(
        "text",
        text="Ж" * 7000,
        tracking_data="Ж" * 4000,
        keyboard={"Type": "keyboard", "Buttons": [{"ActionBody": "a" * 8000}]},
    )
    load(window, msg)
    assert window.report.bytes > limits.REQUEST_BYTES_WARN
    assert "⚠" in window.findings.size_label.text() or "✖" in window.findings.size_label.text()


def test_draft_is_saved_and_restored(
    qtbot: QtBot, window: MainWindow, app_dirs: dict[str, Path]
) -> None:
    qtbot.keyClicks(window.composer.receiver, "-draft")
    draft = app_dirs["data"] / "draft.json"
    qtbot.waitUntil(lambda: draft.exists() and "-draft" in draft.read_text(), timeout=5000)
    second = MainWindow(window.ctx)
    qtbot.addWidget(second)
    assert second.composer.receiver.text().endswith("-draft")


def test_screenshot_is_not_blank(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1024, 700)
    image = window.grab().toImage()
    assert (image.width(), image.height()) == (1024, 700)
    colours = {image.pixel(x, y) for x in range(0, 1024, 37) for y in range(0, 700, 29)}
    assert len(colours) > 5


def test_smoke_test_flag_prints_startup(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "viber_desktop", "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("startup_ms=")


def test_about_names_versions_licences_and_places(app_dirs: dict[str, Path]) -> None:
    from viber_desktop.ui.about import about_html

    text = about_html()
    assert "LGPL-3.0" in text and "Apache-2.0" in text
    assert str(app_dirs["config"]) in text and str(app_dirs["data"]) in text
    assert "viber-desktop" in text


def test_ctrl_enter_keeps_working_after_a_send(qtbot: QtBot, window: MainWindow) -> None:
    load(window, base(receiver="sandbox-user-1"))
    for _ in range(2):
        window.composer.receiver.setFocus()
        with qtbot.waitSignal(window.send_finished, timeout=15_000):
            qtbot.keyClick(
                window.composer.receiver, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
            )
    assert window.ctx.history is not None and window.ctx.history.count() == 2


def test_every_focusable_control_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QWidget

    unnamed = []
    for widget in window.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(window):
            continue
        if type(widget).__name__ in (
            "QScrollBar",
            "QTabBar",
            "QSplitterHandle",
            "QToolButton",
            "QWidget",
            "QScrollArea",
            "QListView",
            "QMenuBar",
        ):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text):
            label = widget.text() if hasattr(widget, "text") else ""
            unnamed.append(f"{type(widget).__name__} {widget.objectName()} {label}")
    assert unnamed == [], unnamed


def test_geometry_and_splitters_are_remembered(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(760, 560)  # inside the offscreen screen (800x600): no clamping
    window.splitter.setSizes([500, 250])
    window.close()
    again = MainWindow(window.ctx)
    qtbot.addWidget(again)
    assert (again.size().width(), again.size().height()) == (760, 560)
    assert again.splitter.sizes()[0] > again.splitter.sizes()[1]


@pytest.mark.parametrize("value", [True, "12", 1e300, None, -7])
def test_number_fields_keep_whatever_was_imported(window: MainWindow, value: Any) -> None:
    msg = base("location", location={"lat": value, "lon": 0})
    if value is None:
        del msg["location"]["lat"]
    load(window, msg)
    assert window.composer.payload() == msg


@pytest.mark.parametrize(
    "msg",
    [
        base("gif", media="https://x.com/a.gif"),
        base(5),
        base("text", receiver=12345, sender={"name": 7, "avatar": False}),
        base("picture", media=5, text=["caption"], tracking_data=42),
        base(keyboard={"Type": "keyboard", "Buttons": [{"ActionBody": 1, "Text": 3}]}),
        base(keyboard={"Type": "keyboard", "Buttons": {"0": {"ActionBody": "x"}}}),
        base(keyboard={"Type": "keyboard"}),
    ],
    ids=[
        "unknown-type",
        "numeric-type",
        "non-string-fields",
        "non-string-type-fields",
        "non-string-button-fields",
        "non-list-buttons",
        "no-buttons",
    ],
)
def test_odd_imports_are_kept_exactly_and_flagged(window: MainWindow, msg: dict[str, Any]) -> None:
    load(window, msg)
    assert window.composer.payload() == msg
    assert not window.report.ok


def test_no_display_gives_a_clear_message() -> None:
    from viber_desktop.ui.app import display_problem

    assert display_problem({}, "linux") is not None
    assert "viber-desktop --help" in (display_problem({}, "linux") or "")
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "darwin") is None
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "viber_desktop"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "no display found" in done.stderr


def test_forms_cover_exactly_the_fields_core_knows() -> None:
    from viber_desktop.core.checker import TYPE_FIELDS
    from viber_desktop.ui.composer.type_forms import type_specs

    specs = type_specs()
    assert set(specs) | {"rich_media"} == set(TYPE_FIELDS)
    for kind, fields in specs.items():
        assert {spec.path[0] for spec in fields} == set(TYPE_FIELDS[kind]), kind


def test_button_counters_follow_the_rules_text_is_cropped_action_body_refused(
    qtbot: QtBot, window: MainWindow
) -> None:
    combo = window.composer.type_combo
    combo.setCurrentIndex(combo.findData("rich_media"))
    editor = window.composer.forms["rich_media"].editor  # type: ignore[union-attr]
    editor.select(0)
    counters = editor.panel.form.counters
    for pointer, state in (("/Text", "warning"), ("/ActionBody", "error")):
        field = editor.panel.form.widgets[pointer]
        field.setText("😀" * 125)  # QTest cannot type astral characters
        qtbot.keyClicks(field, "x")  # 251 UTF-16 units: one over the limit
        _, counter = counters[pointer]
        assert (counter.used, counter.limit, counter.state) == (251, 250, state)
    assert "Viber cuts the rest off" in counters["/Text"][1].accessibleName()

"""Preferences: the send timeouts, validated in plain words, stored, used by the next send."""

import json

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.core.helpers import base
from viber_desktop.services.settings import Settings
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.preferences_dialog import PreferencesDialog, parse_seconds


def save(dialog: PreferencesDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "Enter the answer timeout: a number of seconds above 0 and at most 600."),
        ("abc", "The answer timeout “abc” is not a number: enter a number of seconds"),
        ("0", "The answer timeout must be a number of seconds above 0 and at most 600; 0 is"),
        ("-3", "must be a number of seconds above 0 and at most 600; -3 is outside"),
        ("601", "at most 600; 601 is outside that range."),
        ("nan", "at most 600; nan is outside that range."),
        ("inf", "at most 600; inf is outside that range."),
        ("1e400", "at most 600; 1e400 is outside that range."),
    ],
)
def test_bad_timeouts_are_refused_in_plain_words(qtbot: QtBot, text: str, problem: str) -> None:
    settings = Settings()
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.read_edit.setText(text)
    save(dialog)
    assert dialog.isVisible()  # still open: nothing stored
    assert dialog.problem.isVisible() and problem in dialog.problem.text()
    assert settings.read_timeout == 20.0


def test_commas_and_units_are_understood() -> None:
    assert parse_seconds(" 2,5 s ", "connect timeout", "connect_timeout") == (2.5, None)
    value, problem = parse_seconds("121", "connect timeout", "connect_timeout")
    assert value is None and problem is not None and "at most 120" in problem


def test_ctrl_comma_opens_preferences_and_the_next_send_uses_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: list[PreferencesDialog] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PreferencesDialog):
            QTimer.singleShot(10, fill)
            return
        seen.append(dialog)
        assert dialog.connect_edit.text() == "5" and dialog.read_edit.text() == "20"
        dialog.read_edit.setText("1")
        save(dialog)

    QTimer.singleShot(0, fill)
    window.activateWindow()
    window.preferences_action.trigger()
    assert window.preferences_action.shortcut().toString() == "Ctrl+,"
    assert seen and window.ctx.settings.read_timeout == 1.0
    stored = json.loads(window.ctx.settings_store.path.read_text(encoding="utf-8"))
    assert stored["read_timeout"] == 1.0

    window.composer.load_payload(base(receiver="fault-delay-3"))
    with qtbot.waitSignal(window.send_finished, timeout=15_000) as finished:
        window.send()
    result = finished.args[0]
    assert result.outcome == "unknown" and result.duration_ms < 2500  # not the 3 s delay
    assert window.menuBar().actions()[1].menu().actions()[-1] is window.preferences_action

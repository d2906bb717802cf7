"""The import path over hostile payloads: parse, load into the composer, autosave, never raise.

Generated payloads (any JSON, lone surrogates, huge and negative integers, non-finite floats,
nulls, deep-ish nesting, Viber-looking messages with every field of the wrong kind) go
through what File > Import does: ``parse_json`` on their JSON text, ``composer.load_payload``,
the window's check and views, and ``save_draft``. pytest-qt fails the test on an exception in
the event loop or a Qt warning.
"""

import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viber_desktop.core.body_token import BODY_TOKEN_NOTICE
from viber_desktop.core.checker import TYPE_FIELDS
from viber_desktop.core.jsonio import JsonInputError, OversizedNumber, parse_json
from viber_desktop.services.drafts import load_draft
from viber_desktop.ui.import_dialog import ImportDialog, parse_payload
from viber_desktop.ui.main_window import MainWindow

HUGE = "\x00HUGE"
"""Replaced in the JSON text by a 5,000-digit integer (json.dumps cannot write one)."""

ODD_KEYS = st.sampled_from(["\ud800", "a\udfffb", "\udc00\ud800", "\x00", "😀", "", " "])
ODD_TEXT = ODD_KEYS | st.sampled_from(["<b>x</b>", "x" * 40_000, HUGE])
NUMBERS = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.sampled_from([2**63, 2**64, -(2**63) - 1, 0, -1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e308, -1e308, 5e-324]),
)
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, st.text(max_size=12), ODD_TEXT)
ANY_JSON = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.one_of(st.text(max_size=8), ODD_KEYS), children, max_size=4)
    ),
    max_leaves=20,
)


def _deep(value: Any, levels: int) -> Any:
    for _ in range(levels):
        value = {"a": [value]}
    return value


BUTTON_KEYS = (
    "Columns",
    "Rows",
    "ActionType",
    "ActionBody",
    "Text",
    "TextSize",
    "TextHAlign",
    "TextVAlign",
    "BgColor",
    "Image",
    "Silent",
)
BUTTONS = st.lists(
    st.one_of(
        st.fixed_dictionaries({}, optional={k: ANY_JSON for k in BUTTON_KEYS}),
        SCALARS,
    ),
    max_size=4,
)
GROUP = st.fixed_dictionaries(
    {"Buttons": st.one_of(BUTTONS, SCALARS)},
    optional={
        "Type": st.one_of(st.just("keyboard"), st.just("rich_media"), SCALARS),
        "ButtonsGroupColumns": NUMBERS,
        "ButtonsGroupRows": NUMBERS,
        "BgColor": SCALARS,
        "DefaultHeight": ANY_JSON,
    },
)
FIELDS = sorted({f for fields in TYPE_FIELDS.values() for f in fields} - {"rich_media"})
MESSAGES = st.fixed_dictionaries(
    {
        "receiver": st.one_of(st.just("sandbox-user-1"), SCALARS),
        "type": st.one_of(st.sampled_from([*TYPE_FIELDS, "gif"]), SCALARS),
        "sender": st.one_of(
            st.fixed_dictionaries({"name": SCALARS}, optional={"avatar": SCALARS}), SCALARS
        ),
    },
    optional={
        **{f: ANY_JSON for f in FIELDS},
        "contact": st.fixed_dictionaries({"name": SCALARS, "phone_number": SCALARS}),
        "location": st.fixed_dictionaries({"lat": NUMBERS, "lon": NUMBERS}),
        "rich_media": GROUP,
        "keyboard": st.one_of(GROUP, SCALARS),
        "tracking_data": SCALARS,
        "min_api_version": st.one_of(NUMBERS, SCALARS),
        "auth_token": st.just("445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9"),
        "\ud800": ANY_JSON,
    },
)
PAYLOADS = st.one_of(
    MESSAGES,
    MESSAGES.map(lambda m: {**m, "extra": _deep(m.get("type"), 30)}),
    ANY_JSON,
)


def _json_text(payload: Any) -> str:
    text = json.dumps(payload, ensure_ascii=True, allow_nan=True)
    return re.sub(re.escape(json.dumps(HUGE)) + r"(?!\s*:)", "9" * 5000, text)  # values only


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(payload=PAYLOADS)
def test_any_payload_imports_into_the_composer_and_autosaves(
    window: MainWindow, payload: Any
) -> None:
    text = _json_text(payload)
    data = parse_json(text, what="The payload")  # never deeper than 100 here: must not raise
    checked, problem = parse_payload(text)
    if not isinstance(data, dict):
        assert checked is None and problem
        return
    assert checked == data or text.count("NaN")  # NaN != NaN
    window.composer.load_payload(data)
    window.on_changed()
    for tab in (0, 1, 0):
        window.tabs.setCurrentIndex(tab)
        window._refresh_views()
    window.drafts.save()
    assert window.ctx.runner.wait(10_000)
    saved, problem = load_draft()
    assert problem is None and isinstance(saved, dict)
    assert "auth_token" not in saved


def test_the_import_dialog_refuses_what_cannot_be_used_in_plain_words(qtbot: QtBot) -> None:
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    for text, why in (
        ("[" * 5000 + "]" * 5000, "nested more than 100 levels"),
        ('{"a": ' * 200 + "1" + "}" * 200, "nested more than 100 levels"),
        ("{nope", "not valid JSON"),
        ("[1]", "must be a JSON object"),
        ("  ", "Paste a JSON payload"),
    ):
        dialog.edit.setPlainText(text)
        dialog.try_accept()
        assert why in dialog.error.text() and dialog.payload is None


def test_import_keeps_huge_numbers_and_lone_surrogates_and_drops_a_body_token(
    qtbot: QtBot, window: MainWindow
) -> None:
    text = (
        '{"receiver": "sandbox-user-1", "sender": {"name": "\\ud800"}, "type": "sticker",'
        ' "sticker_id": ' + "9" * 5000 + ', "auth_token": "secret-token",'
        ' "keyboard": {"Type": "keyboard", "Buttons": [{"Rows": 9223372036854775808,'
        ' "Columns": 9223372036854775808, "TextSize": 9223372036854775808}]}}'
    )

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ImportDialog)
        dialog.edit.setPlainText(text)
        dialog.try_accept()

    QTimer.singleShot(0, fill)
    window.message_actions.import_json()
    payload = window.composer.payload()
    assert "auth_token" not in payload
    assert window.status.currentMessage().endswith(BODY_TOKEN_NOTICE)
    assert "Ctrl+Z" in window.status.currentMessage()  # the import can be undone
    assert isinstance(payload["sticker_id"], OversizedNumber)
    assert payload["sender"]["name"] == "\ud800"
    assert payload["keyboard"]["Buttons"][0]["TextSize"] == 2**63
    assert not window.report.ok
    window.close()
    assert window.ctx.runner.wait(10_000)
    saved, _ = load_draft()
    assert saved is not None and saved["sender"]["name"] == "\ud800"


def test_the_dialog_says_what_parse_json_says() -> None:
    deep = "[" * 101 + "]" * 101
    with pytest.raises(JsonInputError) as caught:
        parse_json(deep, what="The pasted text")
    assert parse_payload(deep) == (None, str(caught.value))

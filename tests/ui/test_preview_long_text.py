"""The preview with a text at and past Viber's limit, and hostile button Text: a keystroke
changes the text in place, shows at most what Viber takes, and deep tags stay cheap."""

import time
from typing import Any

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from viber_desktop.core.limits import TEXT_MAX
from viber_desktop.ui.chat.text_view import BITS, NOTE, TextView
from viber_desktop.ui.composer.button_html import viber_html
from viber_desktop.ui.preview import ChatPreview


def text_msg(text: str, name: str = "Shop") -> dict[str, Any]:
    return {"type": "text", "sender": {"name": name}, "text": text}


def preview_of(qtbot: QtBot) -> ChatPreview:
    preview = ChatPreview()
    qtbot.addWidget(preview)
    preview.resize(420, 600)
    preview.show()
    return preview


def page(preview: ChatPreview) -> QWidget:
    shown = preview.chat.widget()
    assert shown is not None
    return shown


def test_a_keystroke_changes_the_text_in_place(qtbot: QtBot) -> None:
    preview = preview_of(qtbot)
    preview.show_message(text_msg("Big *sale*"))
    # Trap: no Python reference may outlive the page (a deleted widget's wrapper can be
    # handed out again for a new widget at its address): mark it instead.
    page(preview).setProperty("first", True)
    bubble = preview.bubble
    assert bubble is not None and bubble.text_label is not None
    preview.show_message(text_msg("Big *sale*!"))
    assert page(preview).property("first") and preview.bubble is bubble  # in place
    assert bubble.text_label.lines == [(("Big ", 0), ("sale", BITS["*"]), ("!", 0))]
    del bubble
    preview.show_message(text_msg("Big *sale*!", name="Other shop"))
    assert not page(preview).property("first")  # the sender changed: a new page
    preview.show_message({"type": "url", "sender": {"name": "Shop"}, "media": "https://a.b/"})
    assert preview.bubble is not None and preview.bubble.text_label is None


def test_a_text_past_the_limit_shows_what_viber_takes_and_says_how_much_more(
    qtbot: QtBot,
) -> None:
    preview = preview_of(qtbot)
    text = "Summer sale, everything must go. " * 3031  # 100,023 characters
    preview.show_message(text_msg(text))
    label = preview.bubble.text_label if preview.bubble is not None else None
    assert isinstance(label, TextView)
    note = label.lines[-1]
    assert len(note) == 1 and note[0][1] == NOTE  # a line of its own, in italics
    assert "… and 93,023 more character" in note[0][0]
    assert "not shown: Viber takes 7,000 at most" in note[0][0]
    assert len(label.plain_text()) < TEXT_MAX + 200
    began = time.perf_counter()
    for extra in "abc":
        preview.show_message(text_msg(text + extra))
        qtbot.wait(1)  # laid out and painted
    assert time.perf_counter() - began < 1.5  # was about 1 s a keystroke
    emoji = "👍" * 3600  # 7,200 UTF-16 units, as Viber and the counter count them
    preview.show_message(text_msg(emoji))
    assert label.plain_text().count("👍") == 3500 and "and 200 more character" in label.plain_text()
    short = text[:TEXT_MAX]
    preview.show_message(text_msg(short))
    assert "not shown" not in label.plain_text()


def test_deeply_nested_button_tags_are_cut_short() -> None:
    html = viber_html('<font color="#FF0000">' * 1000 + "Buy")
    assert html.count("<span") <= 16 and html.endswith("Buy" + "</span>" * html.count("<span"))
    assert viber_html("<b><i>Buy</i></b>") == "<b><i>Buy</i></b>"

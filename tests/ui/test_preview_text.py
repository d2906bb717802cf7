"""The preview's message text changed in place line by line (text_view.py): after any run of
edits it shows what a fresh render of the final text shows, formatted as Qt's rich text
formats ``markup.to_html`` (what the QLabel drew), drawn pixel for pixel as that QLabel, and a
keystroke lays out only the line it is in."""

import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from viber_desktop.core import markup
from viber_desktop.ui.chat.bubbles import Bubble
from viber_desktop.ui.chat.text_view import TextView, lines_of
from viber_desktop.ui.preview import ChatPreview

PIECES = [
    "a", "Sale", " ", "  ", "\n", "\n\n", "*", "_", "~", "```", "👍", "🇺🇦", "👨‍👩‍👧", "שלום",
    "مرحبا", "é", "1", ".", "{name}", "\t",
]  # fmt: skip


def formats(doc: QTextDocument) -> list[tuple[str, bool, bool, bool, bool, str]]:
    """Every visible character with what Viber's marks make of it (bold, italic, strike,
    monospace as Qt's own reading of the tag); spaces and line ends left out (rich text
    collapses spaces, and ends a line with U+2028 where the view starts a block)."""
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            f = fragment.charFormat()
            style = (
                f.fontWeight() >= QFont.Weight.Bold,
                f.fontItalic(),
                f.fontStrikeOut(),
                f.fontFixedPitch(),
                ",".join(f.fontFamilies() or []),
            )
            out += [(ch, *style) for ch in fragment.text() if not ch.isspace()]
            it += 1
        block = block.next()
    return out


def shown(view: TextView) -> tuple[str, list[tuple[str, bool, bool, bool, bool, str]], int]:
    return view.doc.toPlainText(), formats(view.doc), view.doc.blockCount()


def as_qlabel_had_it(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(markup.to_html(text))
    return doc


def edited(text: str, rng: random.Random) -> str:
    at = rng.randint(0, len(text))
    end = min(len(text), at + rng.choice([0, 0, 1, 3, 12]))
    return text[:at] + "".join(rng.choices(PIECES, k=rng.choice([0, 1, 1, 2, 5]))) + text[end:]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 2**32), start=st.lists(st.sampled_from(PIECES), max_size=60))
def test_after_any_edits_the_text_shows_as_a_fresh_render(
    qtbot: QtBot, seed: int, start: list[str]
) -> None:
    rng = random.Random(seed)
    text = "".join(start)
    view = TextView()
    qtbot.addWidget(view)
    view.resize(300, 100)
    for _ in range(12):
        text = edited(text, rng)
        view.show_lines(lines_of(text))
        fresh = TextView()
        fresh.show_lines(lines_of(text))
        assert view.lines == fresh.lines == lines_of(text)
        assert shown(view) == shown(fresh)
        assert view.plain_text() == markup.plain(text)
        assert view.doc.toPlainText() == markup.plain(text)
        assert formats(view.doc) == formats(as_qlabel_had_it(text))
        fresh.deleteLater()


def test_marks_across_lines_and_a_mark_that_changes_far_lines(qtbot: QtBot) -> None:
    view = TextView()
    qtbot.addWidget(view)
    text = "*bold\nstill bold*\nplain"
    view.show_lines(lines_of(text))
    assert formats(view.doc) == formats(as_qlabel_had_it(text))
    assert [ch for ch, bold, *_ in formats(view.doc) if bold] == list("boldstillbold")
    text = text.replace("bold*", "bold*x")  # the closing mark no longer closes: all plain
    view.show_lines(lines_of(text))
    assert not any(bold for _, bold, *_ in formats(view.doc))
    assert view.doc.toPlainText() == text


@pytest.mark.parametrize(
    "text",
    [
        "Big *sale* today _now_ ~old~ ```code``` end",
        "Line one\n\n*bold\nacross* lines, and a line long enough to wrap in a bubble anyway",
        "שלום *עולם* hello",
        "👍🇺🇦 emoji *👨‍👩‍👧 family*",
    ],
)
def test_drawn_as_the_qlabel_drew_it(qtbot: QtBot, text: str) -> None:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(markup.to_html(text))
    view = TextView()
    view.show_lines(lines_of("x"))
    view.show_lines(lines_of(text))  # changed in place, not built from it
    for widget in (label, view):
        qtbot.addWidget(widget)
        widget.setStyleSheet("color: #2f3136")
        widget.setFixedSize(300, widget.heightForWidth(300))
        widget.show()
    assert view.height() == label.height() > 0
    assert view.grab().toImage() == label.grab().toImage()


def test_a_keystroke_lays_out_only_its_line(qtbot: QtBot) -> None:
    view = TextView()
    qtbot.addWidget(view)
    view.resize(300, 100)
    lines = [f"Line {i}: our *winter* sale is on, _see_ the shop" for i in range(70)]
    view.show_lines(lines_of("\n".join(lines)))

    def revisions() -> list[int]:
        return [view.doc.findBlockByNumber(i).revision() for i in range(view.doc.blockCount())]

    before = revisions()
    lines[35] = lines[35].replace("sale", "sales")
    view.show_lines(lines_of("\n".join(lines)))
    after = revisions()
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [35]
    assert view.doc.blockCount() == 70
    view.show_lines(lines_of("\n".join([*lines[:10], "new", *lines[10:]])))  # a line comes
    before = revisions()
    view.show_lines(lines_of("\n".join(lines[:10] + lines[11:])))  # two lines go
    assert view.doc.blockCount() == 69
    assert before[:10] + before[12:] == revisions()  # the others untouched
    assert view.plain_text() == markup.plain("\n".join(lines[:10] + lines[11:]))
    view.show_lines(lines_of("\n".join(lines[1:])))  # the first line goes
    view.show_lines(lines_of("\n".join([*lines, "end"])))  # lines come at both ends
    assert view.plain_text() == markup.plain("\n".join([*lines, "end"]))


def test_the_bubble_keeps_its_width_rules(qtbot: QtBot) -> None:
    bubble = Bubble({"type": "text", "text": "Hi *there*"}, lambda url, show: None, 340, "12:00")
    qtbot.addWidget(bubble)
    view = bubble.text_label
    assert view is not None
    old = QTextDocument()  # the QLabel's rule: as wide as its longest line, margins too
    old.setDefaultFont(view.font())
    old.setHtml(markup.to_html("Hi *there*"))
    assert view.minimumWidth() == math.ceil(old.idealWidth()) + 2
    bubble.show_text("Hi *there*, " + "a long line " * 10)
    assert view.minimumWidth() == bubble.media_width  # a line over 80 characters wraps
    bubble.show_text("short\n" * 30)
    assert view.minimumWidth() < bubble.media_width // 2
    bubble.show_text("word " * 15 + "\nshort")  # 75 characters, wider than the bubble
    assert view.minimumWidth() == bubble.media_width


@pytest.mark.parametrize(("window", "ink"), [("#f0f0f0", "#1d1d1f"), ("#202124", "#e6e6e6")])
def test_the_preview_colours_the_text_in_light_and_dark(
    qtbot: QtBot, window: str, ink: str
) -> None:
    preview = ChatPreview()
    qtbot.addWidget(preview)
    palette = preview.palette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):  # as the theme sets both
        palette.setColor(role, QColor(window))
    preview.setPalette(palette)
    preview.resize(420, 400)
    preview.show_message({"type": "text", "sender": {"name": "Shop"}, "text": "█" * 5})
    preview.show()
    qtbot.waitExposed(preview)
    view = preview.bubble.text_label if preview.bubble is not None else None
    assert view is not None
    image = view.grab().toImage()
    assert image.pixelColor(3, view.height() // 2) == QColor(ink)


def test_the_mouse_selects_and_copies_as_in_a_label(qtbot: QtBot) -> None:
    view = TextView()
    qtbot.addWidget(view)
    view.show_lines(lines_of("Big *sale* today\nsecond line"))
    view.resize(300, view.heightForWidth(300))
    view.show()
    qtbot.waitExposed(view)
    line = view.fontMetrics().height()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(0, line // 2))
    qtbot.mouseMove(view, QPoint(299, line + line // 2))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(299, line + line // 2))
    assert view.selected_text() == "Big sale today\nsecond line"
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Big sale today\nsecond line"
    view.show_lines(lines_of("Big *sale*"))  # a change drops the selection
    assert view.selected_text() == ""


def test_the_bubble_grows_and_shrinks_with_the_text_in_place(qtbot: QtBot) -> None:
    preview = ChatPreview()
    qtbot.addWidget(preview)
    preview.resize(420, 600)
    preview.show()
    qtbot.waitExposed(preview)
    line = preview.fontMetrics().height()
    for text, lines in (("Hi", 1), ("Hi\n" + "a longer line of text " * 12, 4), ("Hi", 1)):
        preview.show_message({"type": "text", "sender": {"name": "Shop"}, "text": text})
        view = preview.bubble.text_label if preview.bubble is not None else None
        assert view is not None
        qtbot.waitUntil(lambda v=view: v.height() == v.heightForWidth(v.width()))  # type: ignore[misc]
        assert view.width() >= view.minimumWidth()
        assert view.height() >= lines * line and (lines > 1 or view.height() < 2 * line)

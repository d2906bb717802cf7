"""Spell checking in the fields, on the real Hunspell dictionaries (pytest-qt)."""

import os
import stat
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QAction, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
)
from pytestqt.qtbot import QtBot

from viber_desktop.core import i18n
from viber_desktop.core.spell_words import Mode, Word
from viber_desktop.services import spelling
from viber_desktop.services.settings import Profile, Settings
from viber_desktop.services.spelling import PERSONAL_FILE, Speller
from viber_desktop.ui.composer.spec_form import SpecForm
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.spelling import hub as hub_module
from viber_desktop.ui.spelling.attach import SpellCheck, spell_check
from viber_desktop.ui.spelling.hub import SpellingHub
from viber_desktop.ui.spelling.status import SpellStatus
from viber_desktop.ui.spelling.underline import LineUnderline

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


@pytest.fixture
def hub(qtbot: QtBot) -> Iterator[SpellingHub]:
    """A hub of the test's own (the personal dictionary is in this test's data folder)."""
    made = SpellingHub()
    previous = hub_module.set_default_hub(made)
    made.use_language("en")
    made.need("plain", "Hello")  # as a field holding words does
    qtbot.waitUntil(lambda: made.active or made.problem is not None, timeout=10_000)
    yield made
    made.close()
    hub_module.set_default_hub(previous)


def underlined(edit: QPlainTextEdit) -> list[str]:
    """The underlined words of every paragraph, as the editor will draw them."""
    words: list[str] = []
    block = edit.document().firstBlock()
    while block.isValid():
        text = block.text().encode("utf-16-le")
        for r in block.layout().formats():
            if r.format.underlineStyle() == WAVE:
                words.append(text[r.start * 2 : (r.start + r.length) * 2].decode("utf-16-le"))
        block = block.next()
    return words


def reddish_pixels(edit: QLineEdit) -> int:
    image = edit.grab().toImage()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            count += c.red() - c.green() > 40 and c.red() - c.blue() > 40
    return count


class Field(QPlainTextEdit):
    """A multi-line field with spell checking, as the composer's message text has."""

    def __init__(self, hub: SpellingHub, text: str) -> None:
        super().__init__()
        self.setPlainText(text)
        self.check = spell_check(self, "markup", lambda value, step: None, hub)

    def action(self, position: int, starts: str) -> QAction:
        """The context menu's action starting with ``starts`` on the word at ``position``."""
        menu = menu_on(self.check, self, position)
        return next(a for a in menu.actions() if a.text().startswith(starts))


def text_field(qtbot: QtBot, hub: SpellingHub, text: str) -> Field:
    edit = Field(hub, text)
    qtbot.addWidget(edit)
    return edit


def test_misspelt_words_are_underlined_and_the_underline_goes_when_fixed(
    qtbot: QtBot, hub: SpellingHub
) -> None:
    edit = text_field(qtbot, hub, "Helo, our new colection is here\nSecond paragraf")
    qtbot.waitUntil(lambda: underlined(edit) == ["Helo", "colection", "paragraf"])
    cursor = QTextCursor(edit.document())
    cursor.setPosition(3)
    cursor.insertText("l")  # Hello
    qtbot.waitUntil(lambda: underlined(edit) == ["colection", "paragraf"])
    edit.setPlainText("All good here")
    qtbot.waitUntil(lambda: underlined(edit) == [] and not hub._pending)
    assert underlined(edit) == []


def test_urls_placeholders_mentions_and_markup_are_not_underlined(
    qtbot: QtBot, hub: SpellingHub
) -> None:
    text = "Hi {frist_name}, see https://exmple.com/sael or write to bob@exmaple.org *nowe* @jonh"
    edit = text_field(qtbot, hub, text)
    qtbot.waitUntil(lambda: underlined(edit) == ["nowe"])


def test_a_one_line_field_is_underlined_too(qtbot: QtBot, hub: SpellingHub) -> None:
    line = QLineEdit()
    qtbot.addWidget(line)
    line.resize(320, 30)
    line.setText("All good")
    check = spell_check(line, "plain", lambda value, step: None, hub).underline
    assert isinstance(check, LineUnderline)
    qtbot.waitUntil(lambda: check.text == "All good" and not hub._pending)
    assert reddish_pixels(line) == 0
    line.setText("Contakt nmae")
    qtbot.waitUntil(lambda: [w.text for w in check.words] == ["Contakt", "nmae"])
    assert reddish_pixels(line) > 10
    line.setText("Contact name")
    qtbot.waitUntil(lambda: check.words == [])
    assert reddish_pixels(line) == 0


def test_words_are_checked_off_the_gui_thread_and_only_the_changed_paragraph(
    qtbot: QtBot, hub: SpellingHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[tuple[str, str]] = []
    real = Speller.misspelt

    def spy(self: Speller, paragraph: str, mode: Mode = "plain") -> list[Word]:
        checked.append((threading.current_thread().name, paragraph))
        return real(self, paragraph, mode)

    monkeypatch.setattr(Speller, "misspelt", spy)
    paragraphs = [f"Paragraph {n} has a tipo" for n in range(20)]
    edit = text_field(qtbot, hub, "\n".join(paragraphs))
    qtbot.waitUntil(lambda: underlined(edit) == ["tipo"] * 20)
    assert {name for name, _ in checked} == {"viber-spelling"}
    checked.clear()
    cursor = QTextCursor(edit.document().findBlockByNumber(7))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText("s")
    qtbot.waitUntil(lambda: underlined(edit) == ["tipo"] * 7 + ["tipos"] + ["tipo"] * 12)
    assert checked == [("viber-spelling", "Paragraph 7 has a tipos")]


def test_the_menu_offers_suggestions_and_a_choice_replaces_the_word(
    qtbot: QtBot, hub: SpellingHub
) -> None:
    written: list[tuple[str, str]] = []
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("Our wrold is big")
    check = spell_check(edit, "markup", lambda value, step: written.append((value, step)), hub)
    qtbot.waitUntil(lambda: underlined(edit) == ["wrold"])
    menu = menu_on(check, edit, 6)
    labels = [a.text() for a in menu.actions()]
    assert "world" in labels[:3]
    assert "Add “wrold” to dictionary" in labels and "Ignore “wrold”" in labels
    assert "&Copy\tCtrl+C" in labels  # the field's own menu stays below
    next(a for a in menu.actions() if a.text() == "world").trigger()
    assert edit.toPlainText() == "Our world is big"
    assert written == [("Our world is big", "Correct “wrold”")]
    qtbot.waitUntil(lambda: underlined(edit) == [])
    assert menu_on(check, edit, 6).actions()[0].text() == "&Undo\tCtrl+Z"


LOOKING = "Looking for corrections…"


def menu_on(check: SpellCheck, edit: QPlainTextEdit, position: int) -> QMenu:
    """The field's context menu at ``position``, once the worker's corrections are in it."""
    cursor = QTextCursor(edit.document())
    cursor.setPosition(position)
    menu = check.menu(edit.cursorRect(cursor).center() + QPoint(1, 0))
    deadline = time.monotonic() + 10
    while any(a.text() == LOOKING for a in menu.actions()) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    return menu


def test_add_to_dictionary_persists_in_the_data_folder(
    qtbot: QtBot, hub: SpellingHub, app_dirs: dict[str, Path]
) -> None:
    edit = text_field(qtbot, hub, "New from Vibershop today")
    qtbot.waitUntil(lambda: underlined(edit) == ["Vibershop"])
    edit.action(10, "Add").trigger()
    qtbot.waitUntil(lambda: underlined(edit) == [])
    assert (app_dirs["data"] / PERSONAL_FILE).read_text(encoding="utf-8") == "Vibershop\n"
    fresh = SpellingHub()  # the next start reads it
    try:
        fresh.use_language("en")
        fresh.need("plain", "Hello")
        qtbot.waitUntil(lambda: fresh.active)
        other = text_field(qtbot, fresh, "Vibershop and Vibershop's tipo")
        qtbot.waitUntil(lambda: underlined(other) == ["tipo"])
    finally:
        fresh.close()


def test_ignore_accepts_the_word_for_the_session_only(
    qtbot: QtBot, hub: SpellingHub, app_dirs: dict[str, Path]
) -> None:
    edit = text_field(qtbot, hub, "Meet Zorgle")
    qtbot.waitUntil(lambda: underlined(edit) == ["Zorgle"])
    edit.action(7, "Ignore").trigger()
    qtbot.waitUntil(lambda: underlined(edit) == [])
    assert not (app_dirs["data"] / PERSONAL_FILE).exists()


def test_the_profiles_language_is_the_checking_language(qtbot: QtBot, hub: SpellingHub) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    saved: list[int] = []
    settings = Settings(profiles=[Profile("Kyiv shop")])
    status = SpellStatus(window.statusBar(), settings, lambda: saved.append(1), hub)
    edit = text_field(qtbot, hub, "Привіт, друзі! Нова колекцыя")
    status.use_profile(settings.profiles[0])
    status.choose("uk")
    assert settings.profiles[0].spell_language == "uk" and saved == [1]
    qtbot.waitUntil(lambda: hub.active and hub.language == "uk")
    qtbot.waitUntil(lambda: underlined(edit) == ["колекцыя"])
    assert status.text() == "Spelling: Ukrainian"
    status.choose("en")
    qtbot.waitUntil(lambda: hub.active and hub.language == "en")
    assert status.text() == "Spelling: English"


def test_without_the_engine_the_app_says_spell_checking_is_off(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_engine(language: str) -> Speller:
        raise spelling.SpellingOff(
            "Spell checking is off: the Enchant spelling library is not installed. Install "
            "libenchant-2-2 and restart the app."
        )

    monkeypatch.setattr(hub_module, "open_speller", no_engine)
    off = SpellingHub()
    try:
        window = QMainWindow()
        qtbot.addWidget(window)
        status = SpellStatus(window.statusBar(), Settings(), lambda: None, off)
        edit = text_field(qtbot, off, "Helo wrold")
        status.use_profile(Profile("Shop", spell_language="en"))
        qtbot.waitUntil(lambda: off.problem is not None)
        assert status.text() == "Spell checking off"
        assert "libenchant-2-2" in status.toolTip()
        assert window.statusBar().currentMessage().startswith("Spell checking is off:")
        assert underlined(edit) == []
        menu = edit.check.menu(QPoint(5, 5))
        assert not any("dictionary" in a.text() for a in menu.actions())
    finally:
        off.close()


def test_in_the_window_a_correction_is_one_undo_step_of_the_message(
    qtbot: QtBot, hub: SpellingHub, window: MainWindow
) -> None:
    window.spelling.choose("en")
    window.composer.load_payload({"receiver": "r", "type": "text", "text": "x"})
    form = window.composer.forms["text"]
    assert isinstance(form, SpecForm)
    field = form.widgets["/text"]
    assert isinstance(field, QPlainTextEdit)
    check = field.findChild(SpellCheck)
    assert check is not None
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(field, " our new wrold")
    qtbot.waitUntil(lambda: underlined(field) == ["wrold"])
    assert window.doc.get("/text") == "x our new wrold"
    typed = window.doc.undo_stack.count()
    next(a for a in menu_on(check, field, 12).actions() if a.text() == "world").trigger()
    assert window.doc.get("/text") == "x our new world"
    assert window.doc.undo_stack.count() == typed + 1
    assert window.doc.undo_stack.undoText() == "Correct “wrold”"
    qtbot.waitUntil(lambda: underlined(field) == [])
    window.doc.undo_stack.undo()
    assert window.doc.get("/text") == "x our new wrold"
    qtbot.waitUntil(lambda: underlined(field) == ["wrold"])
    window.doc.undo_stack.undo()  # the typing, a step of its own
    assert window.doc.get("/text") == "x"


def test_contact_names_are_checked_and_corrected_in_one_line(
    qtbot: QtBot, hub: SpellingHub, window: MainWindow
) -> None:
    window.spelling.choose("en")
    window.composer.load_payload(
        {"receiver": "r", "type": "contact", "contact": {"name": "Customer servise"}}
    )
    form = window.composer.forms["contact"]
    assert isinstance(form, SpecForm)
    field = form.widgets["/contact/name"]
    assert isinstance(field, QLineEdit)
    check = field.findChild(SpellCheck)
    assert check is not None
    underline = check.underline
    assert isinstance(underline, LineUnderline)
    qtbot.waitUntil(lambda: [w.text for w in underline.words] == ["servise"])

    def menu_at(position: int) -> QMenu:
        field.setCursorPosition(position)
        return check.menu(field.cursorRect().center())

    assert menu_at(3).actions()[0].text().startswith("&Undo")  # "Customer" is right
    menu = menu_at(12)
    qtbot.waitUntil(lambda: "service" in [a.text() for a in menu.actions()])
    choice = next(a for a in menu.actions() if a.text() == "service")
    choice.trigger()
    assert field.text() == window.doc.get("/contact/name") == "Customer service"
    assert window.doc.undo_stack.undoText() == "Correct “servise”"
    qtbot.waitUntil(lambda: underline.words == [])


def off_status(qtbot: QtBot, off: SpellingHub) -> tuple[QMainWindow, SpellStatus]:
    window = QMainWindow()
    window.resize(1024, 700)
    qtbot.addWidget(window)
    status = SpellStatus(window.statusBar(), Settings(), lambda: None, off)
    status.use_profile(Profile("Shop", spell_language="en"))
    return window, status


def menu_texts(status: SpellStatus) -> list[str]:
    status.choices.aboutToShow.emit()
    return [a.text() for a in status.choices.actions() if not a.isSeparator()]


def message_box_text(qtbot: QtBot, action: QAction) -> str:
    """Trigger ``action``, read the message box it opens and close it."""
    seen: list[str] = []

    def read() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(10, read)

    QTimer.singleShot(0, read)
    action.trigger()
    assert seen, "no message box"
    return seen[0]


def test_an_engine_that_cannot_be_loaded_turns_spell_checking_off(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The real failure: pyenchant fails an assert when PYENCHANT_LIBRARY_PATH names no file.
    for name in [n for n in sys.modules if n == "enchant" or n.startswith("enchant.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setenv("PYENCHANT_LIBRARY_PATH", str(tmp_path / "missing.so"))
    off = SpellingHub()
    try:
        _, status = off_status(qtbot, off)
        qtbot.waitUntil(lambda: off.problem is not None)
        assert off.problem is not None and off.problem.startswith("Spell checking is off:")
        assert "PYENCHANT_LIBRARY_PATH" in off.problem and status.text() == "Spell checking off"
    finally:
        off.close()


def test_any_failure_opening_the_dictionary_ends_as_spell_checking_off(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(language: str) -> Speller:
        raise RuntimeError("hunspell: bad affix file")

    monkeypatch.setattr(hub_module, "open_speller", broken)
    off = SpellingHub()
    try:
        _, status = off_status(qtbot, off)
        off.need("plain", "Hello")  # a field holds words: the dictionary is opened
        qtbot.waitUntil(lambda: off.problem is not None)
        assert status.text() == "Spell checking off"
        assert off.problem is not None and "English dictionary could not be opened" in off.problem
        assert "hunspell-en-us" in off.problem and "RuntimeError" not in off.problem
        off.use_language("uk")  # the worker lives on
        qtbot.waitUntil(lambda: off.problem is not None and "Ukrainian" in off.problem)
    finally:
        off.close()


def test_the_whole_reason_spell_checking_is_off_stays_reachable(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    reason = (
        "Spell checking is off: no Ukrainian dictionary is installed. Install hunspell-uk "
        "(on Debian or Ubuntu: sudo apt install hunspell-uk) and restart the app."
    )

    def no_dictionary(language: str) -> Speller:
        raise spelling.SpellingOff(reason)

    monkeypatch.setattr(hub_module, "open_speller", no_dictionary)
    off = SpellingHub()
    try:
        _, status = off_status(qtbot, off)
        off.need("plain", "Hello")  # a field holds words: the dictionary is opened
        qtbot.waitUntil(lambda: off.problem is not None)
        assert reason in status.toolTip() and not status.icon().isNull()
        texts = menu_texts(status)
        assert texts[0] == "Why spell checking is off…" and "English" in texts
        assert message_box_text(qtbot, status.choices.actions()[0]) == reason
    finally:
        off.close()


def test_an_unreadable_personal_dictionary_is_shown_and_never_overwritten(
    qtbot: QtBot, app_dirs: dict[str, Path]
) -> None:
    path = app_dirs["data"] / PERSONAL_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    noted = SpellingHub()
    try:
        window, status = off_status(qtbot, noted)
        noted.need("plain", "Hello")
        qtbot.waitUntil(lambda: noted.active)
        assert noted.note is not None and str(path) in noted.note
        assert status.text() == "Spelling: English" and not status.icon().isNull()
        assert window.statusBar().currentMessage() == noted.note
        assert noted.note in status.toolTip()
        assert menu_texts(status)[0] == "Problem with your personal dictionary…"
        assert message_box_text(qtbot, status.choices.actions()[0]) == noted.note
        edit = text_field(qtbot, noted, "New from Vibershop")
        qtbot.waitUntil(lambda: underlined(edit) == ["Vibershop"])
        edit.action(10, "Add").trigger()
        qtbot.waitUntil(lambda: underlined(edit) == [])  # accepted until the app closes
        assert noted.note is not None and "was not saved" in noted.note
        assert stat.S_ISFIFO(path.stat().st_mode)
    finally:
        noted.close()


def test_a_profile_without_a_language_checks_in_the_windows_language(qtbot: QtBot) -> None:
    i18n.use("uk")  # --lang uk on a computer whose system locale is English
    made = SpellingHub()
    try:
        _, status = off_status(qtbot, made)
        status.use_profile(Profile("Shop"))
        made.need("plain", "Привіт")
        qtbot.waitUntil(lambda: made.active)
        assert made.language == "uk"
        edit = text_field(qtbot, made, "Нова колекцыя: Helo від Vibershop, привіт")
        qtbot.waitUntil(lambda: underlined(edit) == ["колекцыя", "Helo", "Vibershop"])
        assert menu_texts(status)[0] == f"Same as the window ({spelling.language_name('uk')})"
    finally:
        made.close()


def test_an_empty_field_opens_no_dictionary_until_words_come(qtbot: QtBot) -> None:
    """Issue 16: an empty draft leaves the dictionary (8 MiB for en_US) closed."""
    made = SpellingHub()
    try:
        _, status = off_status(qtbot, made)
        edit = text_field(qtbot, made, "")
        line = QLineEdit()
        qtbot.addWidget(line)
        spell_check(line, "plain", lambda value, step: None, made)
        line.setText("https://example.com/x 12345 {name}")  # nothing a dictionary checks
        qtbot.waitUntil(lambda: made._found)
        assert made.wait()
        assert made.speller is None and made.problem is None
        assert status.text() == "Spelling: English"
        assert status.toolTip().startswith("Spell checking in English.")
        edit.setPlainText("Helo")
        qtbot.waitUntil(lambda: underlined(edit) == ["Helo"])
        assert made.active
    finally:
        made.close()


def test_a_missing_dictionary_is_said_before_any_field_has_words(qtbot: QtBot) -> None:
    made = SpellingHub()
    try:
        window = QMainWindow()
        qtbot.addWidget(window)
        status = SpellStatus(window.statusBar(), Settings(), lambda: None, made)
        made.use_language("xx")
        qtbot.waitUntil(lambda: made.problem is not None)
        assert made.problem is not None and "no xx dictionary is installed" in made.problem
        assert status.text() == "Spell checking off"
    finally:
        made.close()


class _Marks(QSyntaxHighlighter):
    """Underlines every paragraph, as the spelling underlines do after a language change."""

    def highlightBlock(self, text: str) -> None:
        mark = QTextCharFormat()
        mark.setUnderlineStyle(WAVE)
        self.setFormat(0, len(text), mark)


def test_new_underlines_are_not_an_edit(qtbot: QtBot, window: MainWindow) -> None:
    """A language change redraws the underlines of every field, the hidden text message's
    too: Qt reports that as a change of the text, and the hidden field wrote its old text into
    a rich-media message (an undo step nobody made, a warning, a Fix button)."""
    window.composer.load_payload({"receiver": "r", "type": "text", "text": "Meet Zorgle"})
    window.composer.load_payload(
        {"receiver": "r", "type": "rich_media", "min_api_version": 2,
         "rich_media": {"Type": "rich_media", "Buttons": []}}
    )  # fmt: skip
    form = window.composer.forms["text"]
    assert isinstance(form, SpecForm)
    field = form.widgets["/text"]
    assert isinstance(field, QPlainTextEdit) and field.toPlainText() == "Meet Zorgle"
    steps = window.doc.undo_stack.count()
    marks = _Marks(field.document())
    marks.rehighlight()
    qtbot.wait(20)
    assert "text" not in window.doc.data
    assert window.doc.undo_stack.count() == steps
    marks.setDocument(None)


def test_an_idle_worker_lets_the_dictionary_go_and_opens_it_again_for_new_words(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hub_module, "IDLE_S", 0.3)
    made = SpellingHub()
    made.use_language("en")
    made.need("plain", "Hello")
    qtbot.waitUntil(lambda: made.active, timeout=10_000)
    try:
        edit = text_field(qtbot, made, "Hello there")
        qtbot.waitUntil(lambda: made.cached("markup", "Hello there") == [])
        speller = made.speller
        assert speller is not None
        qtbot.waitUntil(lambda: not speller.holds_dictionary, timeout=5_000)
        assert made.active  # still on: the next word opens it again
        edit.setPlainText("Hello there, new colection")
        qtbot.waitUntil(lambda: underlined(edit) == ["colection"], timeout=10_000)
        assert speller.holds_dictionary
        # A word underlined keeps the dictionary: its menu's suggestions need it.
        qtbot.wait(900)
        assert speller.holds_dictionary
        edit.setPlainText("Hello there, new collection")
        qtbot.waitUntil(lambda: underlined(edit) == [], timeout=10_000)
        qtbot.waitUntil(lambda: not speller.holds_dictionary, timeout=5_000)
        # Corrections asked for after that open it again on the worker; let go once unused.
        found: list[list[str]] = []
        made.suggest("wrold", found.append, edit)
        qtbot.waitUntil(lambda: bool(found) and "world" in found[0], timeout=10_000)
        assert speller.holds_dictionary
        qtbot.waitUntil(lambda: not speller.holds_dictionary, timeout=5_000)
    finally:
        made.close()


def test_the_menu_opens_at_once_and_the_corrections_come_from_the_worker(
    qtbot: QtBot, hub: SpellingHub
) -> None:
    hub.use_language("uk")  # Hunspell's Ukrainian corrections take 80-210 ms
    qtbot.waitUntil(lambda: hub.active, timeout=10_000)
    edit = text_field(qtbot, hub, "Знижка на прівіт")
    qtbot.waitUntil(lambda: underlined(edit) == ["прівіт"], timeout=10_000)
    cursor = QTextCursor(edit.document())
    cursor.setPosition(12)
    started = time.perf_counter()
    menu = edit.check.menu(edit.cursorRect(cursor).center() + QPoint(1, 0))
    took = time.perf_counter() - started
    labels = [a.text() for a in menu.actions()]
    assert LOOKING in labels and "Ignore “прівіт”" in labels
    assert took < 0.06, took  # the menu did not wait for Hunspell
    qtbot.waitUntil(lambda: "привіт" in [a.text() for a in menu.actions()], timeout=10_000)
    assert LOOKING not in [a.text() for a in menu.actions()]
    # Asked again, the corrections are known: in the menu from the start.
    again = edit.check.menu(edit.cursorRect(cursor).center() + QPoint(1, 0))
    assert "привіт" in [a.text() for a in again.actions()]
    menu.deleteLater()
    again.deleteLater()


def test_a_word_without_corrections_says_so(qtbot: QtBot, hub: SpellingHub) -> None:
    edit = text_field(qtbot, hub, "See xqzvbnmk here")
    qtbot.waitUntil(lambda: underlined(edit) == ["xqzvbnmk"])
    labels = [a.text() for a in menu_on(edit.check, edit, 7).actions()]
    assert "No suggestions" in labels and LOOKING not in labels

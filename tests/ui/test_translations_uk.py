"""The window in Ukrainian: the .ts is complete and matches the code, every translation keeps its
placeholders, the shipped .qm is compiled from it, the language follows the system or --lang, and
no visible text of the window, its menus, dialogs and History tab is left in English."""

import functools
import html
import os
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from viber_desktop.core import i18n, receivers, schema
from viber_desktop.core.bidi import plain
from viber_desktop.ui.about import AboutDialog
from viber_desktop.ui.assets import install_translations, sample_payload, ui_language
from viber_desktop.ui.composer.gallery import ExampleGallery
from viber_desktop.ui.context import AppContext
from viber_desktop.ui.history.compare import CompareDialog
from viber_desktop.ui.import_dialog import ImportDialog
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.preferences_dialog import PreferencesDialog
from viber_desktop.ui.profile_dialog import ProfileDialog
from viber_desktop.ui.receivers.edit_dialog import ReceiverEditDialog
from viber_desktop.ui.templates_dialog import TemplatesDialog
from viber_desktop.ui.token_dialog import TokenDialog

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402

UKRAINIAN = translations.ts_path("uk")
# The offscreen platform cannot do what a shown dialog asks of a real window system.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?n|%[0-9]|%[a-z]")
MNEMONIC = re.compile(r"&(?=[^&\s])")

# Words that stay as they are in Ukrainian: product and API names, key names, data formats.
ALLOWED = {
    *("Viber", "Desktop", "Composer", "Admin", "Panel", "Info", "Ctrl", "Shift", "Alt", "Enter"),
    *("Insert", "Delete", "Left", "Right", "Down", "Up", "Tab", "Esc", "curl", "null", "iPhone"),
    *("Lines", "rich", "media", "Qt", "requests", "keyring", "pydantic", "platformdirs", "via"),
    *("bold", "italic", "strike", "json", "jsonl", "csv", "px", "pt", "ok", "check", "font"),
    *("color", "br", "failed", "delivered", "seen", "true", "false", "iOS", "Android"),
    *("Sandbox", "Shop"),  # the built-in sandbox profile and its sender name (data)
}
"""Besides these, a word with a digit, _, /, ., -, @, $, = or + (IDs, URLs, API fields, keys), in
capitals (JSON, URL, API, ID) or in camelCase (API status names) is data or a name, not English
text; so is a JSON example."""


# --- the .ts file ------------------------------------------------------------------------------


def entries(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def forms(translation: ET.Element) -> list[str]:
    plural = translation.findall("numerusform")
    return [f.text or "" for f in plural] if plural else [translation.text or ""]


def test_the_ukrainian_ts_is_complete_and_matches_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / UKRAINIAN.name
    shutil.copy(UKRAINIAN, fresh)
    translations.update(fresh, plural_only=False)  # what the code asks for today
    assert fresh.read_text("utf-8") == UKRAINIAN.read_text("utf-8"), (
        "the code's texts changed: run python packaging/translations.py and translate what is new"
    )
    problems = []
    for context, source, translation in entries(UKRAINIAN):
        state = translation.get("type")  # unfinished, obsolete, vanished
        if state or not all(text.strip() for text in forms(translation)):
            problems.append(f"{context}: {source!r} is {state or 'empty'}")
    assert not problems, "\n".join(problems)


def test_every_context_is_one_the_code_translates_with() -> None:
    """lupdate files a text under the class it sees; a text filed under a name the code does
    not translate with (an empty context from ``tr = self.tr``) is never shown translated."""
    code = "\n".join((ROOT / s).read_text("utf-8") for s in translations.sources())
    classes = set(re.findall(r"^\s*class (\w+)", code, re.M))
    literal = set(re.findall(r"translate\(\s*\"(\w+)\"", code))
    unknown = {c for c, _, _ in entries(UKRAINIAN)} - classes - literal
    assert not unknown, f"texts filed under contexts the code never uses: {unknown}"


def test_every_translation_keeps_the_placeholders_and_plural_forms() -> None:
    problems = []
    for context, source, translation in entries(UKRAINIAN):
        if translation.get("type") == "unfinished":
            continue  # the completeness test names it
        wanted = sorted(PLACEHOLDER.findall(source))
        texts = forms(translation)
        if translation.findall("numerusform") and len(texts) != 3:
            problems.append(f"{source!r}: Ukrainian needs 3 plural forms, has {len(texts)}")
        for text in texts:
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"{context}: {source!r} -> {text!r}")
            if len(MNEMONIC.findall(source)) != len(MNEMONIC.findall(text)):
                problems.append(f"{context}: Alt letter lost or added in {text!r}")
            if source.count("\n") != text.count("\n") and "\n\n" in source:
                problems.append(f"{context}: paragraphs differ in {text!r}")
    assert not problems, "\n".join(problems)


def test_the_shipped_qm_files_are_compiled_from_the_ts(tmp_path: Path) -> None:
    for lang in translations.LANGUAGES:
        ts = translations.ts_path(lang)
        qm = tmp_path / f"{lang}.qm"
        translations.compile_qm(ts, qm)
        shipped = ts.with_suffix(".qm")
        assert qm.read_bytes() == shipped.read_bytes(), f"{shipped.name}: run translations.py"


def test_the_wheel_carries_the_compiled_translations() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    assert "viber_desktop.resources.i18n" in config["packages"]
    assert "*.qm" in config["package-data"]["viber_desktop.resources.i18n"]
    assert config["package-dir"]["viber_desktop.resources"] == "resources"
    for lang in translations.LANGUAGES:
        assert translations.ts_path(lang).with_suffix(".qm").stat().st_size > 1000


def test_the_helper_texts_reach_lupdate() -> None:
    found = translations.helper_texts(ROOT / "viber_desktop/ui/composer/type_forms.py")
    assert ("TypeForms", "Image &URL") in found
    sources = {(c, s) for c, s, _ in entries(UKRAINIAN)}
    assert ("TypeForms", "Image &URL") in sources and ("Gallery", "Product carousel") in sources


# --- choosing the language ---------------------------------------------------------------------


def test_the_language_follows_the_system_unless_chosen() -> None:
    assert ui_language(None, "uk_UA") == "uk"
    assert ui_language(None, "uk") == "uk"
    assert ui_language(None, "en_US") == "en"
    assert ui_language(None, "de_DE") == "en"
    assert ui_language("en", "uk_UA") == "en"
    assert ui_language("uk", "C") == "uk"
    assert ui_language(None, QLocale(QLocale.Language.Ukrainian).name()) == "uk"


def _start(args: list[str], env: dict[str, str]) -> str:
    """What a fresh process with ``env`` shows for a menu title and a standard button."""
    code = (
        "import sys\n"
        "from viber_desktop.ui.app import make_app\n"
        "from viber_desktop.core import i18n\n"
        "from PySide6.QtCore import QCoreApplication as A\n"
        "app = make_app(lang=sys.argv[1] or None)\n"
        "print(A.translate('Menus', '&File'), A.translate('QPlatformTheme', 'Cancel'),"
        " i18n.language(), app.layoutDirection().name)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return out.stdout.strip()


@pytest.mark.parametrize(
    ("lang", "locale", "shown"),
    [
        ("", "uk_UA.UTF-8", "&Файл Скасувати uk LeftToRight"),
        ("", "en_US.UTF-8", "&File Cancel en LeftToRight"),
        ("en", "uk_UA.UTF-8", "&File Cancel en LeftToRight"),
        ("uk", "C.UTF-8", "&Файл Скасувати uk LeftToRight"),
    ],
)
def test_a_start_shows_the_system_language_or_the_chosen_one(
    lang: str, locale: str, shown: str
) -> None:
    env = {"LC_ALL": locale, "LANG": locale, "LANGUAGE": ""}
    assert _start([lang], env) == shown


def test_the_command_takes_lang() -> None:
    from viber_desktop.main import stray_word

    assert stray_word(["--lang", "uk"]) is None
    assert stray_word(["--lang", "uk", "sned"]) == "sned"


# --- no English left on screen -----------------------------------------------------------------


@pytest.fixture
def ukrainian(qtbot: QtBot) -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    install_translations(app, "uk")
    yield
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    i18n.use(None)


@pytest.fixture
def uk_window(qtbot: QtBot, ctx: AppContext, ukrainian: None) -> Iterator[MainWindow]:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1024, 700)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=10_000)
    yield win
    win.stop_waiting()
    ctx.runner.wait_detached(15_000)
    ctx.runner.wait(15_000)


@functools.cache
def api_names() -> frozenset[str]:
    """Viber's field names and choices (a finding says "contact is required"): API names."""
    names = {part for f in schema.FIELDS for part in f.path}
    return frozenset(names | {str(c) for f in schema.FIELDS for c in f.choices})


def english_words(text: str) -> list[str]:
    text = plain(html.unescape(re.sub(r"<[^>]+>", " ", text))).replace("&", "")  # isolates too
    found = []
    for token in text.split():
        word = token.strip(".,:;!?()[]{}«»“”\"'…·—–*✔✖⚠◀▶")
        if any(c.isdigit() or c in "_/.@$=+-#%" for c in word) or word.isupper():
            continue
        if re.fullmatch(r"[a-z]+[A-Z]\w*", word):  # outOfSessionBilledMessage
            continue
        if word not in ALLOWED and word not in api_names() and re.fullmatch(r"[A-Za-z']{2,}", word):
            found.append(word)
    return found


def _texts(widget: QWidget) -> list[str]:
    out = [widget.toolTip(), widget.accessibleName(), widget.statusTip()]
    if widget.isWindow():
        out.append(widget.windowTitle())
    if isinstance(widget, QLabel | QAbstractButton):
        out.append(widget.text())
    if isinstance(widget, QGroupBox):
        out.append(widget.title())
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        out.append(widget.placeholderText())
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            out += [widget.tabText(i), widget.tabToolTip(i)]
    if isinstance(widget, QComboBox) and not widget.isEditable():
        out.append(widget.currentText())
    if isinstance(widget, QListWidget):
        out += [widget.item(i).text() for i in range(widget.count())]
    if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
        model = widget.model()
        out += [
            str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            for c in range(model.columnCount(QModelIndex()))
        ]
    return out


def _actions(actions: list[QAction]) -> list[str]:
    out = []
    for action in actions:
        out += [action.text(), action.toolTip(), action.statusTip()]
        menu = action.menu()
        if isinstance(menu, QMenu):
            out += _actions(menu.actions())
    return out


@functools.cache
def core_texts() -> tuple[re.Pattern[str], ...]:
    """The English texts core and services make (their gettext catalogue's and the schema's
    field notes), as patterns with {placeholders} matching anything: they are checked by
    test_core_texts_on_screen_are_ukrainian, not by the window's tests."""
    with (ROOT / "resources/i18n/core/uk.po").open("rb") as stream:
        pairs = [(m.id, m.string) for m in read_po(stream) if m.id]
    texts = [t for pair in pairs for i in pair if i for t in ((i,) if isinstance(i, str) else i)]
    texts += [t for f in schema.FIELDS for t in (f.description, f.warn_note) if t]
    texts.append(receivers.USER_DETAILS_LIMIT.source)
    patterns = []
    for text in sorted(set(texts), key=len, reverse=True):
        if len(re.sub(r"\{[^{}]*\}|[^A-Za-z]", "", text)) < 8:
            continue  # too little of its own to be recognised
        parts = re.split(r"\{[^{}]*\}", text)
        patterns.append(re.compile(".+?".join(re.escape(p) for p in parts)))
    return tuple(patterns)


def without_core_texts(text: str) -> str:
    for pattern in core_texts():
        text = pattern.sub(" ", text)
    return text


def english_on_screen(root: QWidget, *, core: bool = False) -> list[str]:
    """Every visible text of ``root`` that still reads as English; the core's texts too when
    ``core`` (they are translated by the core's catalogue, not by Qt)."""
    english = {s.replace("&", "") for c, s, t in entries(UKRAINIAN) if s not in forms(t)}
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is root or widget.isVisibleTo(root):
            texts += [(type(widget).__name__, t) for t in _texts(widget)]
    texts += [("QAction", t) for t in _actions(root.actions())]
    if isinstance(root, MainWindow):
        root.menus.fill_examples()  # as opening its submenu does
        texts += [("menu", t) for t in _actions(root.menuBar().actions())]
    found = []
    for where, text in texts:
        if text.startswith("{"):  # a JSON example
            continue
        own = text if core else without_core_texts(text)
        if text.replace("&", "") in english or english_words(own):
            found.append(f"{where}: {text!r}")
    return sorted(set(found))


UK_MESSAGE = {
    "receiver": "sandbox-user-1",
    "type": "text",
    "text": "Привіт! Знижки до неділі.",
    "sender": {"name": "Магазин"},
}


def ukrainian_data(data: Any) -> Any:
    """A sample message with its words in Ukrainian (the data is not what is checked)."""
    if isinstance(data, dict):
        return {
            k: "Знижки <b>до неділі</b>"
            if k in ("Text", "text", "alt_text", "name") and isinstance(v, str)
            else ukrainian_data(v)
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [ukrainian_data(v) for v in data]
    return data


def test_the_english_check_finds_english(qtbot: QtBot) -> None:
    label = QLabel("Send the message")
    qtbot.addWidget(label)
    assert english_on_screen(label) == ["QLabel: 'Send the message'"]
    assert english_words("Надіслати (Ctrl+Enter) sandbox-user-1 JSON Viber") == []


@pytest.mark.parametrize("kind", ["text", "picture", "video", "file", "contact", "location"])
def test_the_main_window_shows_no_english(qtbot: QtBot, uk_window: MainWindow, kind: str) -> None:
    combo = uk_window.composer.type_combo
    uk_window.composer.load_payload(UK_MESSAGE)
    combo.setCurrentIndex(combo.findData(kind))
    found = []
    for tab in range(uk_window.tabs.count()):
        uk_window.tabs.setCurrentIndex(tab)
        settle(qtbot, uk_window)
        found += english_on_screen(uk_window)
    assert not sorted(set(found)), "\n".join(sorted(set(found)))


def test_the_rich_media_editor_and_keyboard_show_no_english(
    qtbot: QtBot, uk_window: MainWindow
) -> None:
    uk_window.composer.load_payload(ukrainian_data(sample_payload("rich_media")))
    found = []
    for tab in range(uk_window.tabs.count()):
        uk_window.tabs.setCurrentIndex(tab)
        settle(qtbot, uk_window)
        found += english_on_screen(uk_window)
    found = sorted(set(found))
    assert not found, "\n".join(found)


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait for the check and the redraw an edit starts."""
    qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=10_000)
    qtbot.waitUntil(lambda: not window._view_timer.isActive(), timeout=5000)
    qtbot.wait(10)


def _send(qtbot: QtBot, window: MainWindow, receiver: str) -> None:
    window.composer.load_payload({**UK_MESSAGE, "receiver": receiver})
    with qtbot.waitSignal(window.send_finished, timeout=15_000):
        window.send()
    qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=5000)


def test_the_response_and_history_show_no_english(qtbot: QtBot, uk_window: MainWindow) -> None:
    _send(qtbot, uk_window, "sandbox-user-1")
    uk_window.tabs.setCurrentIndex(2)
    found = english_on_screen(uk_window)
    uk_window.modes.setCurrentIndex(1)
    panel = uk_window.history_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    panel.select_row(0)
    found += english_on_screen(uk_window)
    assert not found, "\n".join(sorted(set(found)))


def _dialogs(window: MainWindow, ctx: AppContext) -> dict[str, QDialog]:
    from viber_desktop.core.history import HistoryEntry

    entry = HistoryEntry(
        id=1,
        time=__import__("datetime").datetime(2026, 1, 1),
        profile="Sandbox",
        api_url="u",
        endpoint="send_message",
        receiver="r",
        type="text",
        sender_name="Магазин",
        request='{"text": "Привіт"}',
        bytes=1,
        outcome="ok",
        response='{"status":0}',
    )
    profile = ctx.settings.all_profiles()[0]
    return {
        "about": AboutDialog(window),
        "import": ImportDialog(window),
        "gallery": ExampleGallery(window),
        "preferences": PreferencesDialog(ctx.settings, window),
        "profile": ProfileDialog([], window),
        "receiver": ReceiverEditDialog(None, window),
        "templates": TemplatesDialog(ctx.templates, window),
        "token": TokenDialog(profile, ctx.runner, ctx.vault, sandbox=ctx.sandbox, parent=window),
        "compare": CompareDialog(entry, entry, window),
    }


def test_every_dialog_shows_no_english(
    qtbot: QtBot, uk_window: MainWindow, ctx: AppContext
) -> None:
    found = []
    for name, dialog in _dialogs(uk_window, ctx).items():
        dialog.show()
        found += [f"{name}: {text}" for text in english_on_screen(dialog)]
        dialog.close()
    ctx.book().put("Sandbox", "sandbox-user-1", label="Анна")
    book = uk_window.receiver_actions.open_book()
    qtbot.addWidget(book)
    qtbot.waitUntil(lambda: book.ready and not book.busy and bool(book.shown))
    found += [f"book: {text}" for text in english_on_screen(book)]
    book.select_ids(["sandbox-user-1"])
    lookup = book.look_up_selected()
    assert lookup is not None
    qtbot.addWidget(lookup)
    qtbot.waitUntil(lambda: not lookup.busy and lookup.lookup is not None)
    found += [f"lookup: {text}" for text in english_on_screen(lookup)]
    lookup.ask_viber()
    qtbot.waitUntil(lambda: not lookup.busy, timeout=10_000)
    answer = {f"QLabel: {label.text()!r}" for label in lookup.fields.values()}  # Viber's data
    found += [f"lookup: {text}" for text in english_on_screen(lookup) if text not in answer]
    lookup.close()
    book.close()
    assert not found, "\n".join(found)


def test_no_alt_letter_is_used_twice_in_ukrainian(qtbot: QtBot, uk_window: MainWindow) -> None:
    from tests.ui.test_mnemonics import _window_letters

    combo = uk_window.composer.type_combo
    for kind in ("text", "picture", "video", "file", "contact", "location", "url", "sticker"):
        combo.setCurrentIndex(combo.findData(kind))
        seen: dict[str, str] = {}
        for letter, text in _window_letters(uk_window):
            assert letter not in seen, f"{kind}: Alt+{letter}: {seen[letter]!r} and {text!r}"
            seen[letter] = text


def test_core_texts_on_screen_are_ukrainian(qtbot: QtBot, uk_window: MainWindow) -> None:
    """Findings, field notes, status meanings and history words come from core's catalogue."""
    combo = uk_window.composer.type_combo
    found = []
    for kind in ("text", "picture", "contact"):
        uk_window.composer.load_payload(UK_MESSAGE)
        combo.setCurrentIndex(combo.findData(kind))
        settle(qtbot, uk_window)
        found += english_on_screen(uk_window, core=True)
    _send(qtbot, uk_window, "sandbox-user-1")
    uk_window.tabs.setCurrentIndex(2)
    found += english_on_screen(uk_window, core=True)
    uk_window.modes.setCurrentIndex(1)
    qtbot.waitUntil(lambda: uk_window.history_panel.model.rowCount() == 1, timeout=5000)
    uk_window.history_panel.select_row(0)
    found += english_on_screen(uk_window, core=True)
    found = sorted(set(found))
    assert not found, f"{len(found)} English texts:\n" + "\n".join(found)


@pytest.mark.qt_log_ignore("keyToAscii Unhandled key code")  # QTest knows Latin keys only
@pytest.mark.parametrize("kind", ["text", "video", "location"])
def test_ukrainian_alt_letters_reach_their_fields(
    qtbot: QtBot, uk_window: MainWindow, kind: str
) -> None:
    from tests.ui.test_mnemonics import _MNEMONIC, _labels

    combo = uk_window.composer.type_combo
    combo.setCurrentIndex(combo.findData(kind))
    uk_window.activateWindow()
    qtbot.waitUntil(uk_window.isActiveWindow)
    labels = _labels(uk_window)
    assert len(labels) >= 6
    for label in labels:
        letter = _MNEMONIC.search(label.text()).group(1)  # type: ignore[union-attr]
        assert "а" <= letter.lower() <= "я" or letter.lower() in "іїєґ", label.text()
        uk_window.send_btn.setFocus()
        qtbot.keyClick(uk_window, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is label.buddy(), label.text()

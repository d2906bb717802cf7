"""English plural forms: every %n text in the UI has them, and the shipped .qm is up to date."""

import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from viber_desktop.core.checker import check_payload
from viber_desktop.ui.assets import install_translations
from viber_desktop.ui.findings_panel import FindingsPanel

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402

ENGLISH = ROOT / "resources" / "i18n" / "viber_desktop_en.ts"


def messages(ts: Path) -> dict[str, list[str]]:
    root = ET.parse(ts).getroot()
    out = {}
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") != "unfinished", f"no English plural forms for {source!r}"
        out[source] = [form.text or "" for form in translation.findall("numerusform")]
    return out


def test_every_counted_text_in_the_code_has_english_plural_forms(tmp_path: Path) -> None:
    fresh = tmp_path / ENGLISH.name
    shutil.copy(ENGLISH, fresh)
    translations.update(fresh, plural_only=True)  # what the code asks for today
    found = messages(fresh)
    assert found == messages(ENGLISH), "run: python packaging/translations.py"
    for source, (one, many) in found.items():
        assert one and many and one != many, source


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    qm = tmp_path / "en.qm"
    translations.compile_qm(ENGLISH, qm)
    assert qm.read_bytes() == ENGLISH.with_suffix(".qm").read_bytes(), (
        "run: python packaging/translations.py"
    )


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    install_translations(app)
    yield
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()


def test_counts_read_as_english(qtbot: QtBot, english: None) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_report(check_payload({"receiver": "", "type": "text", "text": "t"}))
    text = panel.summary.text()
    assert "(s)" not in text
    assert " error," in text or " errors," in text

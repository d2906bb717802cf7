"""Finds the packaged resources (icons, translations), in a checkout, a wheel or a bundle."""

import json
from importlib import resources
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon

from viber_desktop.core import i18n
from viber_desktop.core.i18n import LANGUAGES, language_code


def ui_language(choice: str | None = None, system: str | None = None) -> str:
    """'uk' or 'en': ``choice`` (--lang) if given, else the system locale (uk_UA -> 'uk')."""
    if choice:
        return choice if choice in LANGUAGES else "en"
    return language_code(QLocale.system().name() if system is None else system)


def install_translations(app: QCoreApplication, language: str = "en") -> None:
    """The window, Qt's standard buttons and the core's texts in ``language``.

    English needs only its plural forms ("1 error", "2 errors"). Translators installed here
    before are removed first, so a second call switches the language.
    """
    for old in app.findChildren(QTranslator, "viber_desktop"):
        app.removeTranslator(old)
        old.deleteLater()
    folder = resources.files("viber_desktop.resources") / "i18n"
    files = [folder / f"viber_desktop_{language}.qm"]
    if language != "en":
        qt = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        files.append(qt / f"qtbase_{language}.qm")
    for entry in files:
        translator = QTranslator(app)
        translator.setObjectName("viber_desktop")
        with resources.as_file(entry) as path:
            if translator.load(str(path)):
                app.installTranslator(translator)
            else:  # a bundle without Qt's own translations still starts
                translator.deleteLater()
    i18n.use(language)


def app_icon() -> QIcon:
    """The application icon, every size the package carries."""
    icon = QIcon()
    folder = resources.files("viber_desktop.resources") / "icons"
    for entry in folder.iterdir():
        if entry.name.endswith(".png"):
            with resources.as_file(entry) as path:
                icon.addFile(str(path))
    return icon


def sample_payload(name: str) -> dict[str, Any]:
    """A sample message shipped in resources/samples (the first message a new user sees)."""
    text = (resources.files("viber_desktop.resources") / "samples" / f"{name}.json").read_text(
        encoding="utf-8"
    )
    data = json.loads(text)
    assert isinstance(data, dict)
    return data

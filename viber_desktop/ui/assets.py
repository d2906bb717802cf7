"""Finds the packaged resources (icons), in a checkout, an installed wheel or a bundle."""

import json
from importlib import resources
from typing import Any

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QIcon


def install_translations(app: QCoreApplication) -> None:
    """English plural forms ("1 error", "2 errors"); the source text is English otherwise."""
    translator = QTranslator(app)
    entry = resources.files("viber_desktop.resources") / "i18n" / "viber_desktop_en.qm"
    with resources.as_file(entry) as path:
        if translator.load(str(path)):
            app.installTranslator(translator)


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

"""Finds the packaged resources (icons, translations), in a checkout, a wheel or a bundle."""

import importlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon

from viber_desktop.core import i18n
from viber_desktop.core.i18n import LANGUAGES, language_code

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


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
    folder = _resources() / "i18n"
    files: list[Traversable] = [folder / f"viber_desktop_{language}.qm"]
    if language != "en":
        qt = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        files.append(qt / f"qtbase_{language}.qm")
    for entry in files:
        translator = QTranslator(app)
        translator.setObjectName("viber_desktop")
        with _on_disk(entry) as path:
            if translator.load(str(path)):
                app.installTranslator(translator)
            else:  # a bundle without Qt's own translations still starts
                translator.deleteLater()
    i18n.use(language)


def app_icon() -> QIcon:
    """The application icon, every size the package carries."""
    icon = QIcon()
    for entry in (_resources() / "icons").iterdir():
        if entry.name.endswith(".png"):
            with _on_disk(entry) as path:
                icon.addFile(str(path))
    return icon


def sample_payload(name: str) -> dict[str, Any]:
    """A sample message shipped in resources/samples (the first message a new user sees)."""
    text = (_resources() / "samples" / f"{name}.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert isinstance(data, dict)
    return data


def _resources() -> "Traversable":
    """The resources package: its folder when it is one on disk (a checkout, an installed
    wheel), else what importlib.resources makes of it (a zip, a bundle).

    Trap: importlib.resources' first use imports its readers, 4-5 ms of every start that a
    folder on disk does not need (start-up, issue 16).
    """
    package = importlib.import_module("viber_desktop.resources")
    if package.__file__ and (folder := Path(package.__file__).parent).is_dir():
        return folder
    from importlib import resources

    return resources.files(package)


@contextmanager
def _on_disk(entry: "Traversable") -> Iterator[Path]:
    """A path Qt can open for ``entry`` (a copy for the time of the block if it is in a zip)."""
    if isinstance(entry, Path):
        yield entry
        return
    from importlib import resources

    with resources.as_file(entry) as path:
        yield path

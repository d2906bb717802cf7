"""Finds the packaged resources (icons), in a checkout, an installed wheel or a bundle."""

from importlib import resources

from PySide6.QtGui import QIcon


def app_icon() -> QIcon:
    """The application icon, every size the package carries."""
    icon = QIcon()
    folder = resources.files("viber_desktop.resources") / "icons"
    for entry in folder.iterdir():
        if entry.name.endswith(".png"):
            with resources.as_file(entry) as path:
                icon.addFile(str(path))
    return icon

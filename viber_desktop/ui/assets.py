"""Finds the packaged resources (icons), in a checkout, an installed wheel or a bundle."""

import json
from importlib import resources
from typing import Any

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


def sample_payload(name: str) -> dict[str, Any]:
    """A sample message shipped in resources/samples (the first message a new user sees)."""
    text = (resources.files("viber_desktop.resources") / "samples" / f"{name}.json").read_text(
        encoding="utf-8"
    )
    data = json.loads(text)
    assert isinstance(data, dict)
    return data

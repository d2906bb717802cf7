"""The window's size and splitter positions, kept in the settings as base64 text."""

import base64
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QByteArray

Part = tuple[Callable[[], QByteArray], Callable[[QByteArray], Any]]
"""How one part of the layout is saved and restored (``saveState``, ``restoreState``)."""


def saved_layout(parts: Mapping[str, Part]) -> dict[str, str]:
    return {
        key: base64.b64encode(bytes(save().data())).decode() for key, (save, _) in parts.items()
    }


def restore_layout(saved: Mapping[str, str], parts: Mapping[str, Part]) -> None:
    """Restore what was saved; damaged text is ignored, part by part."""
    for key, (_, restore) in parts.items():
        try:  # the settings check the text; Qt refuses bad bytes and clamps sizes itself
            data = base64.b64decode(saved.get(key) or "", validate=True)
        except ValueError:
            continue
        if data:
            restore(QByteArray(data))

"""Recently used emoji and the chosen skin tone, kept in the app's data folder.

A small JSON file written atomically; a damaged or foreign file reads as empty (the picker
still works) and is replaced on the next pick.
"""

import contextlib
import json
from pathlib import Path
from typing import Final

from viber_desktop.services.atomic import write_json_atomic
from viber_desktop.services.paths import data_dir

FILE_NAME: Final = "recent-emoji.json"
KEEP: Final = 32
_LONGEST: Final = 32  # characters of one emoji sequence (a family with tones is about 11)


class RecentEmoji:
    """The last ``KEEP`` emoji picked, newest first, and the last skin tone (0-5)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else data_dir() / FILE_NAME
        self.items: list[str] = []
        self.tone = 0
        self._read()

    def _read(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(raw, dict):
            return
        items = raw.get("recent")
        if isinstance(items, list):
            seen: list[str] = []
            for item in items:
                if isinstance(item, str) and 0 < len(item) <= _LONGEST and item not in seen:
                    seen.append(item)
            self.items = seen[:KEEP]
        tone = raw.get("tone")
        if isinstance(tone, int) and not isinstance(tone, bool) and 0 <= tone <= 5:
            self.tone = tone

    def used(self, char: str) -> None:
        """``char`` was inserted: first in the list, saved at once."""
        if not char or len(char) > _LONGEST:
            return
        self.items = [char, *(c for c in self.items if c != char)][:KEEP]
        self.save()

    def set_tone(self, tone: int) -> None:
        if 0 <= tone <= 5 and tone != self.tone:
            self.tone = tone
            self.save()

    def save(self) -> None:
        with contextlib.suppress(OSError):  # a read-only data folder: kept for this session
            write_json_atomic(self.path, {"recent": self.items, "tone": self.tone})

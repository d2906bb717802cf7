"""Recently used emoji and the chosen skin tone, kept in the app's data folder.

A small JSON file written atomically; a damaged or foreign file reads as empty (the picker
still works) and is replaced on the next pick. Only its first ``_MAX_BYTES`` are read and only
known emoji are kept (not words, markup or control characters someone wrote there).
"""

import contextlib
import json
from pathlib import Path
from typing import Final

from viber_desktop.services import emoji_data
from viber_desktop.services.atomic import write_json_atomic
from viber_desktop.services.paths import data_dir

FILE_NAME: Final = "recent-emoji.json"
KEEP: Final = 32
_LONGEST: Final = 32  # characters of one emoji sequence (a family with tones is about 11)
_MAX_BYTES: Final = 16 * 1024  # 32 emoji as JSON escapes take about 4 KB


class RecentEmoji:
    """The last ``KEEP`` emoji picked, newest first, and the last skin tone (0-5)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else data_dir() / FILE_NAME
        self.items: list[str] = []
        self.tone = 0
        self._read()

    def _read(self) -> None:
        try:
            with self.path.open("rb") as file:
                raw = json.loads(file.read(_MAX_BYTES).decode("utf-8"))
        except (OSError, ValueError):  # a longer file is cut mid-JSON: read as empty
            return
        if not isinstance(raw, dict):
            return
        items = raw.get("recent")
        if isinstance(items, list):
            known = emoji_data.by_char()
            seen: dict[str, None] = {}  # ordered, and a set's lookups
            for item in items:
                if len(seen) == KEEP:
                    break
                if isinstance(item, str) and item in known:
                    seen[item] = None
            self.items = list(seen)
        tone = raw.get("tone")
        if isinstance(tone, int) and not isinstance(tone, bool) and 0 <= tone <= 5:
            self.tone = tone

    def used(self, char: str) -> None:
        """``char`` was inserted: first in the list, saved at once."""
        if not char or len(char) > _LONGEST or char not in emoji_data.by_char():
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

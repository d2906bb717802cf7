"""Recently used emoji (a small file in the data folder) and the emoji data the picker reads."""

import json
import time
from pathlib import Path

import pytest

from viber_desktop.services import emoji_data
from viber_desktop.services.recent_emoji import FILE_NAME, KEEP, RecentEmoji


def test_recent_emoji_are_kept_newest_first_in_the_data_folder(
    app_dirs: dict[str, Path],
) -> None:
    recent = RecentEmoji()
    assert recent.path == app_dirs["data"] / FILE_NAME
    for char in ("👍", "🇺🇦", "👍"):
        recent.used(char)
    recent.set_tone(3)
    again = RecentEmoji()
    assert again.items == ["👍", "🇺🇦"] and again.tone == 3
    assert not [p for p in recent.path.parent.iterdir() if p.name.endswith(".tmp")]


def test_the_list_stays_short(tmp_path: Path) -> None:
    recent = RecentEmoji(tmp_path / FILE_NAME)
    for i in range(KEEP + 5):
        recent.used(chr(0x1F600 + i))
    assert len(RecentEmoji(tmp_path / FILE_NAME).items) == KEEP
    assert RecentEmoji(tmp_path / FILE_NAME).items[0] == chr(0x1F600 + KEEP + 4)


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[1, 2]",
        json.dumps({"recent": "👍", "tone": 9}),
        json.dumps({"recent": [1, None, "", "x" * 500, "😀"], "tone": True}),
    ],
)
def test_a_damaged_file_reads_as_empty_and_is_replaced(tmp_path: Path, content: str) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(content, encoding="utf-8")
    recent = RecentEmoji(path)
    assert recent.items in ([], ["😀"]) and recent.tone == 0
    recent.used("🎉")
    assert json.loads(path.read_text(encoding="utf-8"))["recent"][0] == "🎉"


def test_a_read_only_folder_keeps_the_list_for_the_session(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    recent = RecentEmoji(blocked / FILE_NAME)  # its folder cannot be made
    recent.used("👍")
    assert recent.items == ["👍"]


def test_emoji_data_has_categories_tones_names_and_costs() -> None:
    everything = emoji_data.all_emoji()
    assert len(everything) > 1500
    assert {e.category for e in everything} == set(emoji_data.CATEGORIES)
    wave = emoji_data.search("waving hand")[0]
    assert wave.char == "👋" and wave.in_tone(5) == "👋🏿" and wave.in_tone(0) == "👋"
    assert emoji_data.search("flag ukraine")[0].cost == 4
    assert emoji_data.search("thumbs up")[0].char == "👍"
    assert emoji_data.search("zzzz-no-such-name") == []
    assert emoji_data.by_char()["👋🏽"] is wave


def test_a_huge_file_reads_quickly_as_empty(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    items = [f"s{i}" for i in range(40_000)]  # 379 KB of distinct strings took 18 s
    path.write_text(json.dumps({"recent": items, "tone": 2}), encoding="utf-8")
    started = time.perf_counter()
    recent = RecentEmoji(path)
    assert time.perf_counter() - started < 0.5
    assert recent.items == [] and recent.tone == 0  # cut mid-JSON: damaged


def test_reading_stops_at_the_kept_count(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    chars = [e.char for e in emoji_data.all_emoji()[: KEEP + 40]]
    path.write_text(json.dumps({"recent": ["😀"] * 200 + chars}), encoding="utf-8")
    items = RecentEmoji(path).items
    assert len(items) == KEEP and items[0] == "😀" and len(set(items)) == KEEP


def test_only_known_emoji_are_kept(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    junk = ["hello", "<b>x</b>", "\u202e", "\ud800", "😀\u202e", "👋🏽", "😀", "🇺🇦"]
    path.write_text(json.dumps({"recent": junk}), encoding="utf-8")
    recent = RecentEmoji(path)
    assert recent.items == ["👋🏽", "😀", "🇺🇦"]
    recent.used("hello")
    assert recent.items == ["👋🏽", "😀", "🇺🇦"]

"""write_atomic leaves a file that already holds the bytes alone (a quicker exit, issue 16)."""

from pathlib import Path

import pytest

from viber_desktop.services.atomic import write_atomic


def test_the_same_bytes_are_not_written_again(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    write_atomic(path, b'{"a": 1}\n')
    inode = path.stat().st_ino
    write_atomic(path, b'{"a": 1}\n')
    assert path.stat().st_ino == inode  # not replaced
    assert path.read_bytes() == b'{"a": 1}\n'


def test_other_bytes_replace_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    write_atomic(path, b'{"a": 1}\n')
    write_atomic(path, b'{"a": 2}\n')  # same length, other bytes
    assert path.read_bytes() == b'{"a": 2}\n'
    write_atomic(path, b"{}\n")
    assert path.read_bytes() == b"{}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]  # no temp files


def test_a_folder_in_the_way_still_fails(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomic(path, b"{}\n")

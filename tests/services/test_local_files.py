"""The app's own files are read without trusting them: no hang on a FIFO, no endless read."""

import os
import time
from pathlib import Path

import pytest

from viber_desktop.services.drafts import draft_path, load_draft
from viber_desktop.services.local_files import read_local_file
from viber_desktop.services.settings import SettingsError, SettingsStore
from viber_desktop.services.templates import TemplateError, TemplateStore


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_bytes(b"{}")
    assert read_local_file(path) == b"{}"


@pytest.mark.parametrize("kind", ["fifo", "device", "huge"])
def test_a_draft_that_is_not_a_plain_small_file_is_refused_at_once(kind: str) -> None:
    path = draft_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)  # opening it for reading would wait for a writer forever
    elif kind == "device":
        path.symlink_to("/dev/zero")  # endless
    else:
        path.write_bytes(b'{"text": "' + b"x" * (9 * 1024 * 1024) + b'"}')
    start = time.monotonic()
    draft, problem = load_draft()
    assert time.monotonic() - start < 2
    assert draft is None and problem is not None
    assert "could not be read" in problem
    assert ("not a regular file" if kind != "huge" else "larger than 8 MB") in problem


def test_settings_and_templates_that_are_fifos_are_refused_in_words(tmp_path: Path) -> None:
    settings = tmp_path / "settings.json"
    os.mkfifo(settings)
    with pytest.raises(SettingsError, match="not a regular file"):
        SettingsStore(settings).load()
    store = TemplateStore(tmp_path / "templates")
    store.save("ok", {"text": "hi"})
    (tmp_path / "templates" / "pipe.json").unlink(missing_ok=True)
    os.mkfifo(tmp_path / "templates" / "pipe.json")
    with pytest.raises(TemplateError, match="not a regular file"):
        store.open("pipe")

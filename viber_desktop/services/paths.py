"""Where the app keeps its files: one place only.

``VIBER_DESKTOP_CONFIG_DIR``, ``VIBER_DESKTOP_DATA_DIR`` and ``VIBER_DESKTOP_CACHE_DIR`` override
the platform directories (tests and portable installs use them).

Asking where a folder is never fails: a folder that cannot be created shows up when a file is
written there, and :func:`data_dir_problem` says why in plain words.
"""

import contextlib
import os
import tempfile
from pathlib import Path

import platformdirs

from viber_desktop import APP_NAME
from viber_desktop.core.i18n import _

DATA_DIR_ENV = "VIBER_DESKTOP_DATA_DIR"


def _dir(env: str, default: str) -> Path:
    path = Path(os.environ.get(env) or default)
    with contextlib.suppress(OSError):
        path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    return _dir("VIBER_DESKTOP_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, False))


def data_dir() -> Path:
    return _dir(DATA_DIR_ENV, platformdirs.user_data_dir(APP_NAME, False))


def cache_dir() -> Path:
    return _dir("VIBER_DESKTOP_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME, False))


RECEIVER_BOOK_FILE = "receivers.sqlite3"


def receiver_book_path() -> Path:
    """The receiver book's file in the data folder (the window asks whether it exists
    without loading the book's module; start-up, issue 16)."""
    return data_dir() / RECEIVER_BOOK_FILE


def data_dir_problem() -> str | None:
    """Why the history, drafts and templates cannot be saved (plain words), or None."""
    path = data_dir()
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        return _(
            "The data folder {path} cannot be used ({problem}), so the send history and drafts "
            "cannot be saved and sending is disabled (every send is recorded before it leaves). "
            "Set {variable} to a folder you can write to, or fix the folder's permissions, then "
            "restart the app."
        ).format(path=path, problem=exc.strerror or type(exc).__name__, variable=DATA_DIR_ENV)
    return None

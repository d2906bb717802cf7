"""Where the app keeps its files: one place only.

``VIBER_DESKTOP_CONFIG_DIR``, ``VIBER_DESKTOP_DATA_DIR`` and ``VIBER_DESKTOP_CACHE_DIR`` override
the platform directories (tests and portable installs use them).

Asking where a folder is never fails: a folder that cannot be created shows up when a file is
written there, and :func:`data_dir_problem` says why in plain words.
"""

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Final, Literal

from viber_desktop import APP_NAME
from viber_desktop.core.i18n import _

DATA_DIR_ENV = "VIBER_DESKTOP_DATA_DIR"

Kind = Literal["config", "data", "cache"]
_XDG: Final[dict[Kind, tuple[str, str]]] = {
    "config": ("XDG_CONFIG_HOME", "~/.config"),
    "data": ("XDG_DATA_HOME", "~/.local/share"),
    "cache": ("XDG_CACHE_HOME", "~/.cache"),
}
"""The XDG variable of each folder and its default, as platformdirs reads them on Linux."""


def _dir(env: str, kind: Kind) -> Path:
    path = Path(os.environ.get(env) or _user_dir(kind))
    with contextlib.suppress(OSError):
        path.mkdir(parents=True, exist_ok=True)
    return path


def _user_dir(kind: Kind) -> str:
    """platformdirs' user folder of ``kind`` for this app.

    Trap: importing platformdirs is 1.2 % of a window's start (it compiles a large regular
    expression). On Linux with an absolute ``HOME`` its answer is the XDG rule below (a test
    holds the two equal); anything else (another system, Android, no usable ``HOME``) asks it.
    """
    home = os.environ.get("HOME", "")
    if sys.platform == "linux" and _plain_linux() and home.startswith("/"):
        variable, default = _XDG[kind]
        base = os.environ.get(variable, "")
        if not base.startswith("/"):
            base = os.path.expanduser(default)
        return os.path.join(base, APP_NAME)
    import platformdirs

    ask = {
        "config": platformdirs.user_config_dir,
        "data": platformdirs.user_data_dir,
        "cache": platformdirs.user_cache_dir,
    }[kind]
    return ask(APP_NAME, False)


def _plain_linux() -> bool:
    """Not what platformdirs takes for an Android app."""
    android = (
        os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system"
    )
    return not (android or hasattr(sys, "getandroidapilevel"))


def config_dir() -> Path:
    return _dir("VIBER_DESKTOP_CONFIG_DIR", "config")


def data_dir() -> Path:
    return _dir(DATA_DIR_ENV, "data")


def cache_dir() -> Path:
    return _dir("VIBER_DESKTOP_CACHE_DIR", "cache")


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

"""Where the app keeps its files: one place only.

``VIBER_DESKTOP_CONFIG_DIR``, ``VIBER_DESKTOP_DATA_DIR`` and ``VIBER_DESKTOP_CACHE_DIR`` override
the platform directories (tests and portable installs use them).
"""

import os
from pathlib import Path

import platformdirs

from viber_desktop import APP_NAME


def _dir(env: str, default: str) -> Path:
    path = Path(os.environ.get(env) or default)
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    return _dir("VIBER_DESKTOP_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, False))


def data_dir() -> Path:
    return _dir("VIBER_DESKTOP_DATA_DIR", platformdirs.user_data_dir(APP_NAME, False))


def cache_dir() -> Path:
    return _dir("VIBER_DESKTOP_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME, False))

"""What the window's start loads: pydantic, keyring and importlib.metadata stay off it.

Each case starts the real app (``viber-desktop --smoke-test``) in a fresh interpreter over a
well-formed settings file, notes the loaded modules at the first paint and at exit, and
prints them as JSON.
"""

import base64
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.fresh_process import seen_in_fresh_process

SLOW = (
    *("pydantic", "pydantic_core", "annotated_types", "importlib.metadata", "keyring"),
    *("sqlite3", "platformdirs"),
)
"""Modules the first paint must not wait for (about 100 ms together, more with keyring; sqlite3
and platformdirs 1 % of a start each: the history opens after the paint, the folders follow
platformdirs' XDG rule without it)."""

SCRIPT = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

WATCHED = {watched!r}
app = QApplication([sys.argv[0]])  # make_app reuses it
seen = {{}}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "at_paint" not in seen:
            seen["at_paint"] = [m for m in WATCHED if m in sys.modules]
            import gc
            seen["gc_on_at_paint"] = gc.isenabled()
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
from viber_desktop.main import main
seen["code"] = main(["--smoke-test"])
seen["at_exit"] = [m for m in WATCHED if m in sys.modules]
print("SEEN=" + json.dumps(seen))
"""


def start(app_dirs: dict[str, Path], settings: dict[str, object]) -> dict[str, Any]:
    app_dirs["config"].mkdir(parents=True, exist_ok=True)
    (app_dirs["config"] / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    # A keyring that keeps nothing: the user's own is never read (nor searched for).
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    seen = seen_in_fresh_process(SCRIPT.format(watched=SLOW), env)
    assert seen["code"] == 0 and "at_paint" in seen, seen
    return seen


LAYOUT = base64.b64encode(b"\x01\xd9\xd0\xcb\x00\x03\x00\x00" * 8).decode()
WELL_FORMED = {
    "schema_version": 1,
    "profiles": [
        {"name": "Shop", "api_url": "https://chatapi.viber.com/pa", "sender_name": "Shop bot"},
        {"name": "Local", "api_url": "http://127.0.0.1:8080/pa", "sender_avatar": ""},
    ],
    "active_profile": "Sandbox",
    "connect_timeout": 7,
    "read_timeout": 30.5,
    "window": {"geometry": LAYOUT},
}


def test_the_start_loads_neither_pydantic_nor_importlib_metadata(
    app_dirs: dict[str, Path],
) -> None:
    seen = start(app_dirs, WELL_FORMED)
    assert seen["at_paint"] == [] and seen["at_exit"] == []
    assert not seen["gc_on_at_paint"]  # on again once the paint is over (test_first_paint)


def test_the_modules_loaded_before_qt_need_no_qt() -> None:
    code = (
        "import sys, viber_desktop.main as m\n"
        "for name in m.WINDOW_SERVICES: __import__(name)\n"
        "print(sorted(x for x in sys.modules if x.startswith(('PySide6', 'shiboken6'))"
        " or x.split('.')[0] in ('pydantic', 'keyring', 'requests')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_keyring_profile_loads_keyring_only_after_the_first_paint(
    app_dirs: dict[str, Path],
) -> None:
    seen = start(app_dirs, {**WELL_FORMED, "active_profile": "Shop"})
    assert seen["at_paint"] == []
    assert "pydantic" not in seen["at_exit"]


def test_a_damaged_setting_still_loads_pydantic_to_name_it(app_dirs: dict[str, Path]) -> None:
    """The check above can fail: the slow path is still there when a setting is off."""
    seen = start(app_dirs, {**WELL_FORMED, "read_timeout": "abc"})
    assert "pydantic" in seen["at_paint"]


LAZY_SCRIPT = """
import json, re, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

app = QApplication([sys.argv[0]])
seen = {}

def compiled():
    found, made = [], []
    for name, module in list(sys.modules.items()):
        if not name.startswith(("viber_desktop.core", "viber_desktop.sandbox", "viber_desktop.ui")):
            continue
        for key, value in vars(module).items():
            if getattr(getattr(value, "__wrapped__", None), "func", None) is re.compile:
                found.append(f"{name}.{key}")  # a lazy_pattern: functools.cache of a partial
                if value.cache_info().currsize:
                    made.append(f"{name}.{key}")
    return found, made

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "at_paint" not in seen:
            seen["at_paint"] = sorted(m for m in sys.modules if m.startswith("viber_desktop."))
            seen["patterns"], seen["compiled"] = compiled()
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
from viber_desktop.main import main
seen["code"] = main(["--smoke-test"])
print("SEEN=" + json.dumps(seen))
"""

RECORDS_LATER = {
    "viber_desktop.core.api_result",  # ApiResult: the first answer
    "viber_desktop.core.history_records",  # HistoryEntry, HistoryFilter, HistorySummary
    "viber_desktop.core.features",  # a payload that needs a newer API level
    "viber_desktop.core.button_tags",  # button Text's tags (Element)
    "viber_desktop.services.send_target",  # the first send
}
"""Modules of records the first paint does not make (a dataclass costs about 1 ms to build)."""
PATTERNS_AT_START = {
    "viber_desktop.core.checker._PHONE_NUMBER",  # the receiver check
    "viber_desktop.core.checker._PHONE_LIKE",
    "viber_desktop.core.markup._CANDIDATE",  # the message text's markdown scan
    *(f"viber_desktop.core.endpoints._{name}" for name in ("SCHEME", "LABEL", "PORT", "PATH")),
    "viber_desktop.core.endpoints._NUMBERISH",  # the saved profiles' addresses, as they load
}


def test_the_start_makes_no_record_or_pattern_it_does_not_use(app_dirs: dict[str, Path]) -> None:
    """Issue 16: the records and regular expressions of later steps stay unbuilt."""
    app_dirs["config"].mkdir(parents=True, exist_ok=True)
    (app_dirs["config"] / "settings.json").write_text(json.dumps(WELL_FORMED), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    seen = seen_in_fresh_process(LAZY_SCRIPT, env)
    assert seen["code"] == 0 and "at_paint" in seen, seen
    loaded = set(seen["at_paint"])
    assert "viber_desktop.core.outcomes" in loaded
    assert "viber_desktop.services.history" not in loaded  # opened after the paint
    assert not loaded & RECORDS_LATER
    assert len(seen["patterns"]) >= 25  # the check can fail: it finds the lazy patterns
    assert "viber_desktop.ui.composer.fields._LONE_SURROGATE" in seen["patterns"]
    assert set(seen["compiled"]) <= PATTERNS_AT_START, seen["compiled"]

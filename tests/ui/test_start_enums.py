"""Qt classes the window's start must not make before its first paint (issue 16).

PySide makes a Qt class, with every Python enum it has, the first time Python touches it:
importing its name, or calling a function whose overloads name it (``QBrush(QColor)`` makes
QGradient's, 169 presets). Each enum class costs 0.2-0.3 ms of start-up. A class PySide has
made is in its module's ``__dict__``; one it has not made yet is not (lazy loading).

Each case starts the real app (``viber-desktop --smoke-test``) in a fresh interpreter and
notes, at the first paint event, which watched classes exist. Only up to the first paint:
``ui/style.py``'s Python paint overrides make every lazy class during that paint.
"""

import os
from pathlib import Path

from tests.fresh_process import seen_in_fresh_process

NOT_AT_START = {
    "QtGui": ["QGradient", "QTextOption"],
    "QtWidgets": [
        "QAbstractSpinBox",
        "QColorDialog",
        "QDialog",
        "QDialogButtonBox",
        "QFileDialog",
        "QInputDialog",
        "QMessageBox",
        "QTextEdit",
        *("QStyle", "QCommonStyle", "QProxyStyle", "QStyleOption", "QStyleHintReturn"),
    ],
}
"""Classes only a dialog, a Tab key, a gradient or a keyboard's button text needs (see where
the modules that use them import them); QStyle (11 enum classes) and its kin no start at all,
the focus ring after the first paint neither (see test_the_ring_is_placed_without_a_style_class)."""

MADE_AT_START = {"QtWidgets": ["QLineEdit", "QListWidget"]}
"""Classes the window uses: the check sees made classes (it can fail)."""

SCRIPT = """
import json, sys
from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import QEvent
from viber_desktop.ui import first_paint

WATCHED = {watched!r}
seen = {{}}

def made():
    modules = {{"QtGui": QtGui, "QtWidgets": QtWidgets}}
    return sorted(n for m, names in WATCHED.items() for n in names if n in vars(modules[m]))

class Gate(first_paint.FirstPaintGate):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "at_paint" not in seen:
            seen["at_paint"] = made()
        return super().eventFilter(watched, event)

first_paint.FirstPaintGate = Gate
{before}
from viber_desktop.main import main
seen["code"] = main(["--smoke-test"])
print("SEEN=" + json.dumps(seen))
"""
"""Trap: the watch is the window's own first-paint gate, not an event filter on the whole
application: PySide hands such a filter objects of Qt's private classes, and naming those
makes every lazy class."""


def made_at_first_paint(before: str = "") -> list[str]:
    """The watched classes that exist when the window's first paint event comes."""
    watched: dict[str, list[str]] = {}
    for group in (NOT_AT_START, MADE_AT_START):
        for module, names in group.items():
            watched.setdefault(module, []).extend(names)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    seen = seen_in_fresh_process(SCRIPT.format(watched=watched, before=before), env)
    assert seen["code"] == 0 and "at_paint" in seen, seen
    made: list[str] = seen["at_paint"]
    return made


def test_the_start_makes_no_dialog_spin_box_or_gradient_class(app_dirs: dict[str, Path]) -> None:
    made = made_at_first_paint()
    assert made == sorted(MADE_AT_START["QtWidgets"])


def test_a_gradient_made_before_the_window_is_seen(app_dirs: dict[str, Path]) -> None:
    """The check can fail: QBrush(QColor) makes QGradient (its overloads name it)."""
    made = made_at_first_paint("QtGui.QBrush(QtGui.QColor(1, 2, 3))")
    assert "QGradient" in made


def test_an_application_styled_after_it_is_made_is_seen(app_dirs: dict[str, Path]) -> None:
    """The check can fail: ``setStyle`` hands a QStyle back to Python, which makes its class."""
    made = made_at_first_paint(
        "import viber_desktop.ui.style as style; style.new_app = QtWidgets.QApplication"
    )
    assert {"QStyle", "QCommonStyle"} <= set(made)


RING_STYLE = ["QStyle", "QCommonStyle", "QProxyStyle", "QStyleOption", "QStyleHintReturn"]
"""The ring's style and what it handed Python (QFocusFrame asks its style)."""

EVERY_LAZY_CLASS = ["QFileDialog", "QMdiArea", "QWizard"]
"""Made only when PySide makes every lazy class: a function typed ``QWidget*`` that hands
Python a plain QWidget made in C++ (a scroll area's viewport), or ``QObject.inherits``."""

RING_SCRIPT = """
import json
from PySide6 import QtWidgets
from viber_desktop.ui import focus_ring

WATCHED = {watched!r}
seen = {{"placed": []}}
_fit = focus_ring.FocusRing._fit

def fit(self, *, shown):
    _fit(self, shown=shown)
    frame = self.frame
    if frame is not None and frame.isVisible() and not seen["placed"]:
        seen["placed"] = [type(self.widget()).__name__, frame.parent().objectName()]
        seen["at_ring"] = [n for n in WATCHED if n in vars(QtWidgets)]

focus_ring.FocusRing._fit = fit
from viber_desktop.main import main
seen["code"] = main(["--smoke-test"])
seen["at_exit"] = [n for n in WATCHED if n in vars(QtWidgets)]
print("SEEN=" + json.dumps(seen))
"""


def test_the_ring_is_placed_without_a_style_class(app_dirs: dict[str, Path]) -> None:
    """After the first paint too: the ring goes round the focused field (in the composer's
    viewport) with no QStyle class made, nor every lazy class, until the smoke test quits."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    watched = [*RING_STYLE, *EVERY_LAZY_CLASS, "QLineEdit"]
    seen = seen_in_fresh_process(RING_SCRIPT.format(watched=watched), env)
    assert seen["code"] == 0 and seen["placed"], seen
    assert seen["placed"][1] == "qt_scrollarea_viewport", seen
    assert seen["at_ring"] == seen["at_exit"] == ["QLineEdit"], seen

"""Records every Python enum class made in this process (PySide makes one per Qt enum when
its class is first touched): its ms, members, Qt owner and the deepest frame of our code
that caused it. Written to ``$ENUM_OUT`` at exit, one JSON line per enum class.

Put this folder on PYTHONPATH (``bench_ui.py --enums`` does). A bench tool, not a test.
``ENUM_PROBE_PLAIN_STYLE=1`` replaces ``ui.style.AccessibleStyle`` with a Fusion proxy without
Python overrides: that style's paint makes every lazy Qt class, which hides what the rest
of the start path makes.
"""

import atexit
import enum
import importlib.abc
import json
import os
import sys
import time
import traceback
from typing import Any, NoReturn

_ORIGINAL = enum.EnumType._create_  # type: ignore[attr-defined]
_RECORDS: list[tuple[float, Any, str, str]] = []
_OURS = ("viber_desktop", "bench_ui")


def _where() -> tuple[str, str]:
    """(the deepest frame of our code, the two frames of ours above it)."""
    ours = [
        f"{f.filename.split('viber_desktop/')[-1]}:{f.lineno}"
        for f in traceback.extract_stack(limit=80)
        if any(o in f.filename for o in _OURS)
    ]
    return (ours[-1], " < ".join(reversed(ours[-3:-1]))) if ours else ("-", "")


def _create(cls: Any, class_name: str, names: Any, **kw: Any) -> Any:
    t0 = time.perf_counter()
    made = _ORIGINAL(cls, class_name, names, **kw)
    ms = (time.perf_counter() - t0) * 1000
    _RECORDS.append((ms, made, *_where()))
    return made


enum.EnumType._create_ = _create  # type: ignore[attr-defined]


def _dump() -> None:
    path = os.environ.get("ENUM_OUT")
    if not path or not _RECORDS:
        return
    records, _RECORDS[:] = list(_RECORDS), []
    with open(path, "w", encoding="utf-8") as out:
        for ms, made, where, via in records:
            name = f"{getattr(made, '__module__', '')}.{getattr(made, '__qualname__', '?')}"
            row = {"ms": round(ms, 3), "enum": name, "members": len(made.__members__)}
            out.write(json.dumps({**row, "where": where, "via": via}) + "\n")


_EXIT = os._exit


def _exit(status: int) -> NoReturn:
    _dump()
    _EXIT(status)


os._exit = _exit
atexit.register(_dump)


class _PlainStyle(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Loads ui.style as usual, then swaps AccessibleStyle for a plain Fusion proxy."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != "viber_desktop.ui.style":
            return None
        sys.meta_path.remove(self)
        try:
            import importlib.util

            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        assert spec is not None and spec.loader is not None
        self._loader = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec: Any) -> Any:
        return None

    def exec_module(self, module: Any) -> None:
        self._loader.exec_module(module)
        if not hasattr(module, "AccessibleStyle"):
            return  # a style without that class: nothing to leave out
        from PySide6.QtWidgets import QProxyStyle

        class AccessibleStyle(QProxyStyle):
            def __init__(self) -> None:
                super().__init__("Fusion")

        module.AccessibleStyle = AccessibleStyle


if os.environ.get("ENUM_PROBE_PLAIN_STYLE") == "1":
    sys.meta_path.insert(0, _PlainStyle())

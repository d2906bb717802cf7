"""core/ stays pure: importing it loads no Qt and no I/O library."""

import subprocess
import sys


def test_core_imports_no_qt_or_io() -> None:
    code = (
        "import sys, pkgutil, importlib, viber_desktop.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'viber_desktop.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = {'PySide6', 'requests', 'keyring', 'sqlite3'} & set(sys.modules)\n"
        "print(sorted(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_import_linter_contracts_hold() -> None:
    from importlinter.cli import lint_imports

    assert lint_imports(no_cache=True, no_logo=True) == 0

"""The ``viber-desktop`` entry point: the window without a subcommand, else the CLI."""

import gc
import os
import sys
import time
from contextlib import suppress
from typing import NoReturn

START = time.perf_counter()
# pydantic scans every installed package for plugins at import (~20 ms); we use none.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")

from viber_desktop.commands import SECRET_SERVICE_CALL, SUBCOMMANDS  # noqa: E402

WINDOW_SERVICES = (
    "viber_desktop.services.sending",
    "viber_desktop.services.drafts",
    "viber_desktop.services.templates",
    "viber_desktop.services.profiles",
    "viber_desktop.services.images",
    "viber_desktop.core.curl",
    "viber_desktop.core.token_check",
)
"""The window's non-Qt modules (with what they import), loaded before PySide6: see _window."""

CLI_OPTIONS = ("-h", "--help", "--version")
QT_VALUE_OPTIONS = frozenset(
    {
        "platform",
        "platformpluginpath",
        "platformtheme",
        "plugin",
        "qmljsdebugger",
        "qwindowgeometry",
        "qwindowicon",
        "qwindowtitle",
        "session",
        "style",
        "stylesheet",
        "display",
        "geometry",
        "title",
        "name",
        "font",
        "fn",
        "bg",
        "background",
        "fg",
        "foreground",
        "btn",
        "button",
        "visual",
        "ncols",
        "cmap",
        "im",
        "inputstyle",
    }
)
"""Qt's own command-line options that take a value in the next argument (``-style fusion``)."""
WINDOW_VALUE_OPTIONS = frozenset({"lang"})
"""The window's own options that take a value (``--lang uk``)."""


def stray_word(args: list[str]) -> str | None:
    """The first argument that is neither an option nor an option's value, or None.

    The window takes only options (its own and Qt's); a word is a mistyped command.
    """
    takes_value = False
    for arg in args:
        if takes_value:
            takes_value = False
        elif arg.startswith("-"):
            name = arg.lstrip("-")
            takes_value = "=" not in arg and name in QT_VALUE_OPTIONS | WINDOW_VALUE_OPTIONS
        else:
            return arg
    return None


def entry() -> NoReturn:
    """The ``viber-desktop`` command: :func:`main`, then a quick exit after the window.

    Trap: once the window has closed, everything it wrote is saved and its stores are closed;
    the interpreter's teardown of a few hundred thousand Qt and Python objects would only
    make the exit slower (about twice a bare Qt window's), so it is skipped.
    """
    code = main()
    if _window_closed:
        for stream in (sys.stdout, sys.stderr):
            with suppress(Exception):
                stream.flush()
        os._exit(code)
    sys.exit(code)


_window_closed = False


def main(argv: list[str] | None = None) -> int:
    """Start the window (no subcommand) or run a CLI subcommand."""
    args = sys.argv[1:] if argv is None else argv
    if args == [SECRET_SERVICE_CALL]:
        from viber_desktop.services.secret_process import serve_call

        return serve_call()
    if args and (args[0] in SUBCOMMANDS or args[0] in CLI_OPTIONS):
        from viber_desktop.cli import main as cli_main

        return cli_main(args)
    word = stray_word(args)
    if word is not None:
        from viber_desktop.cli import EXIT_USAGE, unknown_command
        from viber_desktop.cli.output import say

        say(unknown_command(word), err=True)
        return EXIT_USAGE
    return _window(args)


def skip_pyside_source_scan() -> None:
    """Stop PySide6's import hook from reading the source of every module imported after it.

    Trap: for each new module the hook greps its source for "PySide6" to pick the module's
    default for ``from __feature__ import ...`` (0 "no feature" if it uses PySide, -1 "ignore
    this module" otherwise), about 0.2 ms a module, 20-30 ms over the window's modules. We
    never select a feature, so every module gets 0 ("no feature"), which is what it has in
    effect either way; a module that selects a feature still sets its own entry. Nothing is
    changed when shiboken's internals are not as expected.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]


def _uses_pyside(module: object) -> bool:
    return True


def _window(args: list[str]) -> int:
    """Load the window's modules, then start it.

    Trap: two costs of a Qt start are avoided here. PySide6's import hook reads the source of
    every module imported after PySide6, so the modules that need no Qt come first. And the
    garbage collector would run over and over while a few hundred thousand objects are made
    by imports and the build, next to none of them garbage: it is off until the window has
    painted (first_paint.settled then collects once, freezes what start-up made and turns it
    back on); the imports' objects are frozen here already (issue 16).
    """
    gc.disable()
    try:
        for name in WINDOW_SERVICES:
            __import__(name)
        from viber_desktop.services.paths import cache_dir
        from viber_desktop.services.shiboken_cache import compiled_once

        with compiled_once(cache_dir()):
            import PySide6  # noqa: F401 - loads shiboken's import hook, made cheap below

        skip_pyside_source_scan()
        from viber_desktop.ui.app import run
    finally:
        gc.freeze()
    global _window_closed
    code = run(args, START)
    _window_closed = True
    return code

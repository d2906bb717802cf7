"""Start the window: QApplication, context, main window; ``--smoke-test`` for packaging/CI."""

import os
import sys
import time
from collections.abc import Mapping
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from viber_desktop import __version__
from viber_desktop.services.settings import Settings, SettingsError
from viber_desktop.ui import first_paint
from viber_desktop.ui.assets import LANGUAGES, app_icon, install_translations, ui_language
from viber_desktop.ui.context import AppContext, build_context
from viber_desktop.ui.main_window import MainWindow
from viber_desktop.ui.style import install_style, new_app


class _FirstPaint(QObject):
    """Prints start-up time at the window's first paint, then quits (smoke test): what was
    held for after the paint is dropped, as a bare window has none (issue 16's yardstick)."""

    def __init__(self, app: QApplication, start: float) -> None:
        super().__init__()
        self.app = app
        self.start = start
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print(f"startup_ms={(time.perf_counter() - self.start) * 1000:.0f}", flush=True)
            first_paint.drop()
            QTimer.singleShot(0, self.app.quit)
        return False


def make_app(
    argv: list[str] | None = None, *, dark: bool = False, lang: str | None = None
) -> QApplication:
    """The application, in ``lang`` ('en', 'uk'; None follows the system locale).

    Trap: Qt's raster engine hands every fill or scale of 96 rows and more (Fusion's group box
    and tab frames) to a pool of GUI threads and waits for them; for a window of forms the
    hand-off costs more than the fill (3.6 % of a start's CPU, its two threads made during the
    first paint). ``QT_NO_GUI_THREADPOOL`` is Qt's switch for the serial path; it is read at
    the first such fill (a value the user set is kept).
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    app = QApplication.instance() or new_app([sys.argv[0], *(argv or [])])
    assert isinstance(app, QApplication)
    app.setApplicationName("Viber Desktop Composer")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("viber-desktop")
    app.setDesktopFileName("io.github.viberdesktop.Composer")
    install_style(app, dark=dark or app.styleHints().colorScheme() == Qt.ColorScheme.Dark)
    app.setWindowIcon(app_icon())
    install_translations(app, ui_language(lang))
    return app


def display_problem(env: Mapping[str, str], platform: str) -> str | None:
    """Why the window cannot open here (Qt would abort with a cryptic message), or None."""
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display found (DISPLAY and WAYLAND_DISPLAY are not set). Start it from a "
        "desktop session, or use the command line: viber-desktop --help"
    )


class Options(NamedTuple):
    """The window's own command-line options."""

    smoke_test: bool = False
    dark: bool = False
    rtl: bool = False
    lang: str | None = None


_FLAGS = frozenset({"--smoke-test", "--dark", "--rtl"})


def options(args: list[str]) -> tuple[Options, list[str]]:
    """The window's options in ``args``, and the arguments left for Qt.

    Trap: building argparse's parser costs about 5 ms of a start (gettext looks for its
    catalogue on every help text), so a start with no options or only plain flags skips it.
    """
    if all(arg in _FLAGS for arg in args):
        return Options("--smoke-test" in args, "--dark" in args, "--rtl" in args), []
    import argparse

    parser = argparse.ArgumentParser(prog="viber-desktop")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, wait for the first paint, print startup_ms and exit",
    )
    parser.add_argument("--dark", action="store_true", help="use the dark palette")
    parser.add_argument("--rtl", action="store_true", help="right-to-left layout")
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="language of the window (default: the system's)"
    )
    opts, qt_args = parser.parse_known_args(args)
    return Options(opts.smoke_test, opts.dark, opts.rtl, opts.lang), qt_args


def run(args: list[str], start: float | None = None) -> int:
    """Open the window (``viber-desktop`` with no command)."""
    opts, qt_args = options(args)
    problem = display_problem(os.environ, sys.platform)
    if problem:
        print(f"viber-desktop: {problem}", file=sys.stderr)
        return 2
    app = make_app(qt_args, dark=opts.dark, lang=opts.lang)
    if opts.rtl:
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        ctx = build_context()
        problem = ctx.settings_store.problem
    except SettingsError as exc:
        from viber_desktop.services.settings import SettingsStore
        from viber_desktop.services.vault import TokenVault
        from viber_desktop.ui.images import ImageLoader
        from viber_desktop.ui.tasks import TaskRunner

        runner = TaskRunner()
        ctx = AppContext(
            SettingsStore(read_only=True),
            Settings(),
            TokenVault(separate=True),
            runner,
            ImageLoader(runner),
        )
        problem = QCoreApplication.translate(
            "MainWindow", "{problem} Settings will not be saved this session."
        ).format(problem=exc)
    first_paint.hold()  # what the first look does not need waits (history, dictionary…)
    window = MainWindow(ctx)
    if opts.smoke_test:
        watcher = _FirstPaint(app, start if start is not None else time.perf_counter())
        window.installEventFilter(watcher)
        QTimer.singleShot(20_000, lambda: app.exit(1))
    gate = first_paint.FirstPaintGate(window)
    window.installEventFilter(gate)  # last installed, first called: released before a quit
    window.show()
    if problem and not opts.smoke_test:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(window, QCoreApplication.translate("MainWindow", "Settings"), problem)
    code = app.exec()
    ctx.runner.wait(10_000)
    ctx.close()
    return code

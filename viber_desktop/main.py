"""The ``viber-desktop`` entry point: the window without a subcommand, else the CLI."""

import os
import sys
import time

START = time.perf_counter()
# pydantic scans every installed package for plugins at import (~20 ms); we use none.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")

from viber_desktop.cli import SUBCOMMANDS  # noqa: E402 - START must come first


def main(argv: list[str] | None = None) -> int:
    """Start the window (no subcommand) or run a CLI subcommand."""
    args = sys.argv[1:] if argv is None else argv
    if args and (args[0] in SUBCOMMANDS or args[0] in ("-h", "--help", "--version")):
        from viber_desktop.cli import main as cli_main

        return cli_main(args)
    from viber_desktop.ui.app import run

    return run(args, START)

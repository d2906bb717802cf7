"""The headless command line: check, send, sandbox, token, profile, history."""

import argparse
import sys
from typing import TypeAlias

from viber_desktop import __version__

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

SUBCOMMANDS = ("check", "send", "sandbox", "token", "profile", "history")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_TRANSPORT = 3


class CliError(Exception):
    """A user-facing error: printed as one line on stderr, exit code attached."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    from viber_desktop.cli import check_cmd, history_cmd, profile_cmd, sandbox_cmd, send_cmd

    parser = argparse.ArgumentParser(
        prog="viber-desktop",
        description="Compose, check and send Viber bot messages. Without a command, opens the "
        "window.",
    )
    parser.add_argument("--version", action="version", version=f"viber-desktop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check_cmd.register(sub)
    send_cmd.register(sub)
    sandbox_cmd.register(sub)
    profile_cmd.register_token(sub)
    profile_cmd.register_profile(sub)
    history_cmd.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; user errors never show a traceback."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        code: int = args.func(args)
    except CliError as exc:
        print(f"viber-desktop {args.command}: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    return code

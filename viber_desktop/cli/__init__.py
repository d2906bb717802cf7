"""The headless command line: check, send, sandbox, token, profile, history, receivers."""

import argparse
import os
import sys
from typing import Any, NoReturn, TypeAlias

from viber_desktop import __version__
from viber_desktop.commands import SUBCOMMANDS

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_TRANSPORT = 3
EXIT_UNEXPECTED = 4
EXIT_INTERRUPTED = 130
"""128 + SIGINT: stopped with Ctrl+C."""
EXIT_PIPE_CLOSED = 141
"""128 + SIGPIPE, what a shell reports for a tool whose reader went away (``| head``)."""

DEBUG_ENV = "VIBER_DESKTOP_DEBUG"
"""Set (to anything) to get the traceback of an unexpected error on stderr."""

_SHOWN_ERROR_MAX = 300


class CliError(Exception):
    """A user-facing error: printed as one line on stderr, exit code attached.

    ``detail`` adds keys to the JSON object a ``--json`` command prints for the error.
    """

    def __init__(
        self, message: str, code: int = EXIT_USAGE, detail: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.detail = detail or {}


class _UsageError(Exception):
    """argparse refused the command line (raised instead of argparse's own exit)."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors come back to :func:`main` (for ``--json``)."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(self, message)


def build_parser() -> argparse.ArgumentParser:
    from viber_desktop.cli import (
        check_cmd,
        history_cmd,
        profile_cmd,
        receivers_cmd,
        sandbox_cmd,
        send_cmd,
    )

    parser: argparse.ArgumentParser = Parser(
        prog="viber-desktop",
        description="Compose, check and send Viber bot messages. Without a command, opens the "
        "window.",
        epilog=f"Exit codes: {EXIT_OK} ok; {EXIT_FINDINGS} the payload has errors, or Viber "
        f"answered with an error; {EXIT_USAGE} usage error, unreadable input or send refused; "
        f"{EXIT_TRANSPORT} not sent or outcome unknown; {EXIT_UNEXPECTED} an unexpected error "
        f"(please report it; set {DEBUG_ENV}=1 for details).",
    )
    parser.add_argument("--version", action="version", version=f"viber-desktop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check_cmd.register(sub)
    send_cmd.register(sub)
    sandbox_cmd.register(sub)
    profile_cmd.register_token(sub)
    profile_cmd.register_profile(sub)
    history_cmd.register(sub)
    receivers_cmd.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code: never a traceback, a closed pipe ends quietly."""
    args = sys.argv[1:] if argv is None else argv
    try:
        code = _run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        return _pipe_closed()
    except Exception as exc:  # noqa: BLE001 - e.g. a module that fails to import
        command = args[0] if args and args[0] in SUBCOMMANDS else None
        try:
            return _unexpected(argparse.Namespace(command=command, json="--json" in args), exc)
        except BrokenPipeError:
            return _pipe_closed()
    return code


def _run(argv: list[str]) -> int:
    from viber_desktop.cli.output import say

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        return _usage_error(exc, argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        code: int = args.func(args)
    except CliError as exc:
        _json_error(args, str(exc), exc.detail)
        say(f"viber-desktop {args.command}: {exc}", err=True)
        return exc.code
    except KeyboardInterrupt:
        _interrupted(args)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        raise
    except Exception as exc:  # noqa: BLE001 - the last resort: one plain line, not a traceback
        return _unexpected(args, exc)
    return code


def unknown_command(name: str) -> str:
    """The message for ``viber-desktop chek``: the closest command and the list of all."""
    import difflib

    from viber_desktop.cli.output import one_line

    close = difflib.get_close_matches(name, SUBCOMMANDS, n=1)
    guess = f" did you mean '{close[0]}'?" if close else ""
    return (
        f"viber-desktop: unknown command '{one_line(name[:80])}';{guess} Commands: "
        f"{', '.join(SUBCOMMANDS)}. Without a command, viber-desktop opens the window; "
        "see 'viber-desktop --help'."
    )


def _usage_error(exc: _UsageError, argv: list[str]) -> int:
    from viber_desktop.cli.json_shapes import error_shape
    from viber_desktop.cli.output import say, say_json

    if argv and not argv[0].startswith("-") and argv[0] not in SUBCOMMANDS:
        say(unknown_command(argv[0]), err=True)
        return EXIT_USAGE
    command = next((a for a in argv if a in SUBCOMMANDS), None)
    if "--json" in argv and command in ("check", "send"):
        say_json(error_shape(command, f"usage error: {exc}", {}))
    exc.parser.print_usage(sys.stderr)
    say(f"{exc.parser.prog}: {exc}. See '{exc.parser.prog} --help'.", err=True)
    return EXIT_USAGE


def _json_error(args: argparse.Namespace, error: str, detail: dict[str, Any]) -> None:
    """With ``--json``, ``check`` and ``send`` print a JSON object for errors too."""
    from viber_desktop.cli.json_shapes import error_shape
    from viber_desktop.cli.output import say_json

    if getattr(args, "json", False) and args.command in ("check", "send"):
        say_json(error_shape(args.command, error, detail))


def _interrupted(args: argparse.Namespace) -> None:
    """Ctrl+C: after a request may have left, ``send`` says the outcome is unknown."""
    if args.command == "send" and getattr(args, "request_may_have_left", False):
        from viber_desktop.cli.output import say
        from viber_desktop.cli.send_cmd import unexpected_outcome

        words, detail = unexpected_outcome(args)
        _json_error(args, "Stopped waiting (Ctrl+C).", detail)
        say(f"viber-desktop send: stopped waiting (Ctrl+C). {words}", err=True)


def _unexpected(args: argparse.Namespace, exc: Exception) -> int:
    """Say what stopped the command and, for ``send``, the truth about the message."""
    from viber_desktop.cli.output import one_line, say
    from viber_desktop.core.redact import redact

    if os.environ.get(DEBUG_ENV):
        import traceback

        traceback.print_exc()
    shown = redact(f"{type(exc).__name__}: {exc}", *getattr(args, "secrets", ()))
    if len(shown) > _SHOWN_ERROR_MAX:
        shown = shown[:_SHOWN_ERROR_MAX] + "…"
    what = f"an unexpected error stopped the command ({one_line(shown)})."
    detail: dict[str, Any] = {}
    if args.command == "send" and hasattr(args, "request_may_have_left"):
        from viber_desktop.cli.send_cmd import unexpected_outcome

        words, detail = unexpected_outcome(args)
        what = f"{what} {words}"
    what = f"{what} Please report it"
    if not os.environ.get(DEBUG_ENV):
        what = f"{what} (set {DEBUG_ENV}=1 to see the details)"
    _json_error(args, f"{what}.", detail)
    prefix = f"viber-desktop {args.command}" if args.command else "viber-desktop"
    say(f"{prefix}: {what}.", err=True)
    return EXIT_UNEXPECTED


def _pipe_closed() -> int:
    """The reader of stdout went away (``| head``): stop quietly.

    Trap: Python flushes stdout again at exit and would print the error then; pointing the
    file descriptor at devnull makes that last flush harmless.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass  # not a real file (an in-memory stream): nothing will flush it at exit
    return EXIT_PIPE_CLOSED

"""``viber-desktop sandbox``: run the local Viber API emulator in the foreground."""

import argparse
import contextlib

from viber_desktop.cli import EXIT_OK, CliError, Subparsers
from viber_desktop.cli.output import say
from viber_desktop.sandbox.rules import receivers_help
from viber_desktop.sandbox.server import Sandbox


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "sandbox",
        help="run the local Viber API emulator",
        description="Run a local emulator of the Viber REST Bot API on 127.0.0.1 "
        "(send_message, get_account_info, get_user_details, get_online). Test receivers:",
        epilog=receivers_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    p.add_argument("--quiet", action="store_true", help="do not log requests")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        sandbox = Sandbox(args.port, verbose=not args.quiet)
    except OSError as exc:
        raise CliError(f"cannot listen on 127.0.0.1:{args.port}: {exc.strerror}") from None
    say(f"Viber API sandbox at {sandbox.base_url}", flush=True)
    say(f"token: {sandbox.token}", flush=True)
    say("Press Ctrl+C to stop.", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        sandbox.serve_forever()
    return EXIT_OK

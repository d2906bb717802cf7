"""``viber-desktop send FILE``: check, then send once and decode the answer."""

import argparse
import json

from viber_desktop.cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_TRANSPORT,
    EXIT_USAGE,
    CliError,
    Subparsers,
)
from viber_desktop.cli.check_cmd import format_report
from viber_desktop.cli.payload_input import read_payload
from viber_desktop.core.checker import check_payload
from viber_desktop.core.curl import curl_command
from viber_desktop.core.endpoints import endpoint_url
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.statuses import billing_info
from viber_desktop.core.text import body_bytes
from viber_desktop.services.history import HistoryError, HistoryStore
from viber_desktop.services.sending import SendRefused, resolve_target, send_checked
from viber_desktop.services.settings import SettingsError, SettingsStore
from viber_desktop.services.viber_client import BadTokenError, UnsafeUrlError


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "send",
        help="check a payload, then send it once",
        description="Check a payload and send it to send_message once (never retried). "
        "Token: VIBER_AUTH_TOKEN, else the profile's keyring entry. Exit 0 ok, 1 api_error, "
        "2 usage error / invalid payload / no token, 3 not_sent or unknown.",
    )
    p.add_argument("file", help="payload file, or - for standard input")
    p.add_argument("--profile", help="bot profile (default: the active one, Sandbox at first)")
    p.add_argument("--api-url", help="API base URL (default: the profile's)")
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="read timeout (default: 20)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="send nothing; print the exact body and an equivalent curl command",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    payload = read_payload(args.file)
    report = check_payload(payload)
    if not report.ok:
        print(format_report(report))
        raise CliError("the payload has errors; nothing was sent", EXIT_USAGE)
    try:
        store = SettingsStore()
        settings = store.load()
        profile = settings.profile(args.profile or settings.active_profile)
    except KeyError:
        raise CliError(f"no profile named {args.profile!r}") from None
    except SettingsError as exc:
        raise CliError(str(exc)) from None
    if args.dry_run:
        url = endpoint_url(args.api_url or profile.public_api_url, "send_message")
        body = body_bytes(payload).decode("utf-8")
        print(body)
        print(curl_command(url, body))
        return EXIT_OK
    try:
        target = resolve_target(profile, api_url=args.api_url)
        history = HistoryStore()
        _, result = send_checked(
            payload,
            target,
            history,
            report=report,
            connect_timeout=settings.connect_timeout,
            read_timeout=args.timeout or settings.read_timeout,
        )
    except (SendRefused, UnsafeUrlError, BadTokenError, HistoryError) as exc:
        raise CliError(f"{exc}; nothing was sent") from None
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        print(format_result(result))
    return {"ok": EXIT_OK, "api_error": EXIT_FINDINGS}.get(result.outcome, EXIT_TRANSPORT)


def format_result(r: ApiResult) -> str:
    lines = [f"outcome: {r.outcome}"]
    if r.status is not None:
        lines.append(f"status: {r.status} {r.status_name}")
        if r.status_message:
            lines.append(f"status_message: {r.status_message}")
    lines.append(f"meaning: {r.explanation}")
    billing = billing_info(r.billing_status)
    if billing:
        lines.append(f"billing: {billing.code} {billing.name} - {billing.meaning}")
    if r.message_token is not None:
        lines.append(f"message_token: {r.message_token}")
    if r.chat_hostname:
        lines.append(f"chat_hostname: {r.chat_hostname}")
    lines.append(f"duration: {r.duration_ms:.0f} ms")
    return "\n".join(lines)

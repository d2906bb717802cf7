"""``viber-desktop send FILE``: check, then send once and decode the answer."""

import argparse
from typing import Any

from viber_desktop.cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_TRANSPORT,
    EXIT_USAGE,
    CliError,
    Subparsers,
)
from viber_desktop.cli.check_cmd import format_report
from viber_desktop.cli.json_shapes import send_result
from viber_desktop.cli.output import one_line, say, say_json
from viber_desktop.cli.payload_input import read_payload
from viber_desktop.core.body_token import BODY_TOKEN_NOTICE, strip_body_token
from viber_desktop.core.checker import check_payload
from viber_desktop.core.curl import curl_command
from viber_desktop.core.endpoints import base_url_problem, endpoint_url, timeout_problem
from viber_desktop.core.findings import CheckReport
from viber_desktop.core.outcomes import OUTCOME_LABELS, UNKNOWN_WARNING, ApiResult
from viber_desktop.core.statuses import billing_info
from viber_desktop.core.text import body_bytes
from viber_desktop.sandbox.local import LocalSandbox
from viber_desktop.services.history import HistoryError, HistoryStore
from viber_desktop.services.sending import SendRefused, resolve_target, send_checked
from viber_desktop.services.settings import Profile, Settings, SettingsError, SettingsStore
from viber_desktop.services.viber_client import BadTimeoutError, BadTokenError, UnsafeUrlError


def timeout_seconds(text: str) -> float:
    """argparse type for ``--timeout``: seconds above 0, finite, not absurd."""
    try:
        value = float(text)
    except ValueError:
        value = None
    problem = timeout_problem(value)
    if problem:
        raise argparse.ArgumentTypeError(
            f"{one_line(text)!r} cannot be used. {problem.rstrip('.')}"
        )
    assert value is not None
    return value


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "send",
        help="check a payload, then send it once",
        description="Check a payload and send it to send_message once (never retried). "
        "Token: VIBER_AUTH_TOKEN, else the profile's keyring entry. Exit 0 ok, 1 api_error, "
        "2 usage error / invalid payload / no token, 3 not_sent or unknown, 4 an unexpected "
        "error. With --json, always one JSON object. With --list NAME, the message goes to "
        "every receiver of that test list, one after another (at most 50), with a line (with "
        "--json, a JSON line) per receiver; exit 0 when all accepted it, 1 when one was refused "
        "or skipped, 3 when one was not sent, has an unknown outcome or was not tried, 130 "
        "when stopped with Ctrl+C (after the current receiver).",
    )
    p.add_argument("file", help="payload file, or - for standard input")
    p.add_argument("--profile", help="bot profile (default: the active one, Sandbox at first)")
    p.add_argument("--api-url", help="API base URL (default: the profile's)")
    p.add_argument(
        "--timeout", type=timeout_seconds, metavar="SECONDS", help="read timeout (default: 20)"
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="send nothing; print the exact body and an equivalent curl command",
    )
    p.add_argument(
        "--list",
        metavar="NAME",
        help="send to every receiver of this test list (see 'viber-desktop receivers')",
    )
    p.add_argument(
        "--allow-older",
        action="store_true",
        help="with --list: also send to receivers whose Viber is older than the message needs",
    )
    p.set_defaults(func=run, request_may_have_left=False, result=None, where={}, secrets=[])


def run(args: argparse.Namespace) -> int:
    payload, had_token = strip_body_token(read_payload(args.file))
    if had_token:
        say(BODY_TOKEN_NOTICE, err=True)
    if args.list is not None:
        from viber_desktop.cli.list_send_cmd import run_list

        return run_list(args, payload, *_profile(args))
    report = check_payload(payload)
    if not report.ok:
        if not args.json:
            say(format_report(report))
        raise CliError(
            "the payload has errors; nothing was sent",
            EXIT_USAGE,
            {"findings": [f.as_json() for f in report.findings]},
        )
    profile, settings = _profile(args)
    if args.dry_run:
        base_url = args.api_url or profile.public_api_url
        problem = base_url_problem(base_url)
        if problem:  # the curl command would carry $VIBER_AUTH_TOKEN there
            raise CliError(f"{problem.rstrip('.')}; nothing was printed or sent")
        url = endpoint_url(base_url, "send_message")
        body = body_bytes(payload).decode("utf-8")
        curl = curl_command(url, body)
        if args.json:
            say_json({"profile": profile.name, "endpoint": url, "body": payload, "curl": curl})
        else:
            say(body)
            say(curl)
        return EXIT_OK
    with LocalSandbox() as sandbox:  # the Sandbox profile's, for this command only
        result = _send(args, payload, report, profile, settings, sandbox)
    args.result = result
    if args.json:
        say_json(send_result(result, args.where))
    else:
        say(format_result(result))
    return {"ok": EXIT_OK, "api_error": EXIT_FINDINGS}.get(result.outcome, EXIT_TRANSPORT)


def _profile(args: argparse.Namespace) -> tuple[Profile, Settings]:
    """The profile to send with (``--profile``, else the active one) and the settings."""
    try:
        store = SettingsStore()
        settings = store.load()
        if store.problem:
            say(f"warning: {store.problem}", err=True)
        return settings.profile(args.profile or settings.active_profile), settings
    except KeyError as exc:
        raise CliError(
            f"no profile named {one_line(str(exc.args[0]))!r} (see 'viber-desktop profile "
            "list'); nothing was sent"
        ) from None
    except SettingsError as exc:
        raise CliError(f"{exc}; nothing was sent") from None


def _send(
    args: argparse.Namespace,
    payload: Any,
    report: CheckReport,
    profile: Profile,
    settings: Settings,
    sandbox: LocalSandbox,
) -> ApiResult:
    """Resolve the target and send once; CliError for a refusal before the request leaves."""
    try:
        target = resolve_target(profile, sandbox=sandbox, api_url=args.api_url)
        args.secrets.append(target.token)
        args.where = {
            "profile": target.profile,
            "endpoint": endpoint_url(target.base_url, "send_message"),
        }
        if not args.json:
            say(
                f"Sending with profile '{target.profile}' to {args.where['endpoint']} ...",
                flush=True,
            )
        history = HistoryStore()
        args.request_may_have_left = True  # from here on, an error of ours is "unknown"
        _, result = send_checked(
            payload,
            target,
            history,
            report=report,
            connect_timeout=settings.connect_timeout,
            read_timeout=args.timeout or settings.read_timeout,
        )
    except (SendRefused, UnsafeUrlError, BadTokenError, HistoryError) as exc:
        # Each is raised before the request leaves.
        args.request_may_have_left = False
        raise CliError(f"{exc}; nothing was sent", EXIT_USAGE, args.where) from None
    except BadTimeoutError as exc:  # raised by ViberClient, before anything is recorded
        args.request_may_have_left = False
        raise CliError(
            f"{str(exc).rstrip('.')} (connect {settings.connect_timeout:g} s + read "
            f"{args.timeout or settings.read_timeout:g} s); give a smaller --timeout. "
            "Nothing was sent",
            EXIT_USAGE,
            args.where,
        ) from None
    return result


def unexpected_outcome(args: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    """What a stop in ``send`` (a bug, Ctrl+C) means for the message: words and JSON keys.

    Once the request may have left, the truth is "unknown", never "nothing was sent".
    """
    if getattr(args, "list", None) is not None:
        from viber_desktop.cli.list_send_cmd import interrupted_words

        return interrupted_words(args)
    result: ApiResult | None = args.result
    if result is not None:
        return (
            f"The message was sent and the answer came back ({OUTCOME_LABELS[result.outcome]}); "
            "see 'viber-desktop history'.",
            send_result(result, args.where),
        )
    if args.request_may_have_left:
        return (
            f"{UNKNOWN_WARNING} See 'viber-desktop history'.",
            {
                **args.where,
                "outcome": "unknown",
                "explanation": f"{UNKNOWN_WARNING} See 'viber-desktop history'.",
            },
        )
    return "Nothing was sent.", dict(args.where)


def format_result(r: ApiResult) -> str:
    lines = [f"outcome: {r.outcome} ({OUTCOME_LABELS[r.outcome]})"]
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
    if r.history_error:
        lines.append(f"history: {r.history_error}")
    return "\n".join(lines)

"""``viber-desktop send FILE --list NAME``: the message to every member of a test list, one
send_message after another, with a line (or a JSON line) per receiver.

Ctrl+C stops after the current receiver; a second Ctrl+C stops waiting for it (its outcome is
then unknown, and the history says so).
"""

import argparse
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from viber_desktop.cli import (
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TRANSPORT,
    EXIT_USAGE,
    CliError,
)
from viber_desktop.cli.check_cmd import format_report
from viber_desktop.cli.output import one_line, say, say_json
from viber_desktop.core.checker import check_payload
from viber_desktop.core.endpoints import endpoint_url
from viber_desktop.core.outcomes import OUTCOME_LABELS
from viber_desktop.core.receivers import LIST_OUTCOME_LABELS
from viber_desktop.core.statuses import billing_info
from viber_desktop.sandbox.local import LocalSandbox
from viber_desktop.services.history import HistoryError, HistoryStore
from viber_desktop.services.list_send import ListSend, MemberResult, for_receiver, list_problem
from viber_desktop.services.receivers import ReceiverError, ReceiverStore
from viber_desktop.services.sending import SendRefused, resolve_target
from viber_desktop.services.settings import Profile, Settings
from viber_desktop.services.viber_client import (
    BadTimeoutError,
    BadTokenError,
    UnsafeUrlError,
    ViberClient,
)


def run_list(args: argparse.Namespace, payload: Any, profile: Profile, settings: Settings) -> int:
    """Send ``payload`` to the list ``args.list`` of ``profile``; the exit code."""
    if args.dry_run:
        raise CliError("--dry-run cannot be combined with --list; nothing was sent")
    if not isinstance(payload, dict):
        raise CliError("the payload must be a JSON object (a message); nothing was sent")
    try:
        with ReceiverStore() as book:
            test_list = book.test_list(profile.name, args.list)
            if test_list is None:
                raise CliError(
                    f"profile {one_line(profile.name)!r} has no list named "
                    f"{one_line(args.list)!r} (see 'viber-desktop receivers list --lists'); "
                    "nothing was sent"
                )
            levels = book.api_levels(profile.name, [m.id for m in test_list.members])
    except ReceiverError as exc:
        raise CliError(f"{exc} Nothing was sent.") from None
    problem = list_problem(test_list)
    if problem:
        raise CliError(problem)
    report = check_payload(for_receiver(payload, test_list.members[0].id))
    if not report.ok:
        if not args.json:
            say(format_report(report))
        raise CliError(
            "the payload has errors; nothing was sent",
            EXIT_USAGE,
            {"findings": [f.as_json() for f in report.findings]},
        )
    read_timeout = args.timeout or settings.read_timeout
    with LocalSandbox() as sandbox:
        try:
            target = resolve_target(profile, sandbox=sandbox, api_url=args.api_url)
            args.secrets.append(target.token)
            ViberClient(  # refuses a bad URL, token or timeout before anything is recorded
                target.base_url,
                target.token,
                connect_timeout=settings.connect_timeout,
                read_timeout=read_timeout,
            ).close()
            history = HistoryStore()
        except (SendRefused, UnsafeUrlError, BadTokenError, BadTimeoutError, HistoryError) as exc:
            raise CliError(f"{exc}; nothing was sent") from None
        endpoint = endpoint_url(target.base_url, "send_message")
        args.where = {"list": test_list.name, "profile": target.profile, "endpoint": endpoint}
        sender = ListSend(
            payload,
            test_list.members,
            target,
            history,
            levels=levels,
            allow_older=args.allow_older,
            connect_timeout=settings.connect_timeout,
            read_timeout=read_timeout,
        )
        args.list_send = sender
        say(
            f"Sending to list {one_line(test_list.name)!r} ({len(test_list.members)} "
            f"receivers) with profile {one_line(target.profile)!r} to {endpoint}, one at a "
            "time. Ctrl+C stops after the current one.",
            err=args.json,
            flush=True,
        )
        results = _send_all(sender, args)
    _summary(results, args)
    return _exit_code(results, sender.stopping)


def _send_all(sender: ListSend, args: argparse.Namespace) -> list[MemberResult]:
    results: list[MemberResult] = []
    with _stop_on_ctrl_c(sender):
        try:
            for result in sender.run():
                results.append(result)
                _show(result, args)
        except KeyboardInterrupt:  # the second Ctrl+C: stop waiting for the current one
            cut = sender.abandon_current()
            if cut is not None:
                results.append(cut)
                _show(cut, args)
            done = {r.receiver.id for r in results}
            for result in sender.run():  # every member left is reported as not tried
                if result.receiver.id not in done:
                    results.append(result)
                    _show(result, args)
    return results


@contextmanager
def _stop_on_ctrl_c(sender: ListSend) -> Iterator[None]:
    """The first Ctrl+C asks the list to stop after the current receiver; the second one
    raises KeyboardInterrupt as usual."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handle(signum: int, frame: FrameType | None) -> None:
        if sender.stopping:
            raise KeyboardInterrupt
        sender.stop()
        say(
            "Stopping after the current receiver (press Ctrl+C again to stop waiting for it; "
            "its outcome would then be unknown).",
            err=True,
            flush=True,
        )

    previous = signal.signal(signal.SIGINT, handle)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _show(r: MemberResult, args: argparse.Namespace) -> None:
    if args.json:
        say_json({**args.where, **r.as_json()})
        return
    who = one_line(r.receiver.shown)
    head = f"[{r.position}/{r.total}] {who}: "
    if r.result is None or r.reason:
        say(head + one_line(r.reason or LIST_OUTCOME_LABELS[r.outcome]), flush=True)
        return
    res = r.result
    words = OUTCOME_LABELS[res.outcome]
    if res.status is not None and res.outcome != "ok":
        words += f", status {res.status} {res.status_name}"
    if res.outcome == "ok":
        billing = billing_info(res.billing_status)
        extra = f", billing {billing.name}" if billing else ""
        say(f"{head}{words} (message_token {res.message_token}{extra})", flush=True)
    else:
        say(f"{head}{words}. {one_line(res.explanation)}", flush=True)
    if res.history_error:
        say(f"    history: {res.history_error}", flush=True)


def _summary(results: list[MemberResult], args: argparse.Namespace) -> None:
    counts: dict[str, int] = {}
    for r in results:
        counts[r.outcome] = counts.get(r.outcome, 0) + 1
    parts = [f"{n} {LIST_OUTCOME_LABELS[o]}" for o, n in counts.items()]
    text = f"{len(results)} receivers: {', '.join(parts)}."
    if counts.get("skipped") and any("status 13" in (r.reason or "") for r in results):
        text += " --allow-older sends to receivers whose Viber is older than the message needs."
    if counts.get("unknown"):
        text += " Do not send again to receivers whose outcome is unknown before checking them."
    say(text, err=args.json)


def _exit_code(results: list[MemberResult], stopped: bool) -> int:
    outcomes = {r.outcome for r in results}
    if stopped:
        return EXIT_INTERRUPTED
    if outcomes & {"not_sent", "unknown", "not_tried"}:
        return EXIT_TRANSPORT
    if outcomes & {"api_error", "skipped"}:
        return EXIT_FINDINGS
    return EXIT_OK


def interrupted_words(args: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    """What an unexpected stop of a list send means: words and JSON keys."""
    sender: ListSend | None = getattr(args, "list_send", None)
    if sender is None:
        return "Nothing was sent.", dict(args.where)
    current = sender.current
    words = "See 'viber-desktop history' for what was sent."
    if current is not None:
        words = (
            f"The send to {current.shown} may have left, so its outcome is unknown: it may "
            f"have been delivered. {words}"
        )
    return words, {**args.where, "outcome": "unknown" if current else None}

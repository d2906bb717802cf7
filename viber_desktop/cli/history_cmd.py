"""``viber-desktop history``: list, search and export recorded sends."""

import argparse
from pathlib import Path

from viber_desktop.cli import EXIT_OK, CliError, Subparsers
from viber_desktop.cli.output import one_line, say, say_json
from viber_desktop.core.history import STATE_LABELS, STATES, HistoryEntry, HistoryFilter
from viber_desktop.services.history import HistoryError, HistoryStore


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "history",
        help="list, search or export the send history",
        description="List recorded sends, newest first. 'history export FILE' "
        "writes JSON Lines (.jsonl) or CSV (.csv).",
    )
    p.add_argument("action", nargs="?", choices=["list", "export"], default="list")
    p.add_argument("file", nargs="?", help="export: the .jsonl or .csv file to write")
    p.add_argument("--limit", type=int, default=20, help="how many entries (default 20)")
    p.add_argument("--search", help="text to find in the request or the response")
    p.add_argument("--receiver")
    p.add_argument("--profile")
    p.add_argument("--type", dest="msg_type")
    p.add_argument("--outcome", choices=STATES)
    p.add_argument("--json", action="store_true", help="print one JSON array")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    flt = HistoryFilter(
        text=args.search,
        receiver=args.receiver,
        outcome=args.outcome,
        profile=args.profile,
        type=args.msg_type,
    )
    try:
        store = HistoryStore()
        if args.action == "export":
            if not args.file:
                raise CliError("history export needs a FILE (.jsonl or .csv)")
            n = store.export(Path(args.file), flt)
            say(f"exported {n} entries to {args.file}")
            return EXIT_OK
        entries = store.query(flt, limit=max(0, args.limit))
    except HistoryError as exc:
        raise CliError(str(exc)) from None
    labels = _labels(entries)
    if args.json:
        say_json([{**e.as_json(), "label": labels.get((e.profile, e.receiver))} for e in entries])
        return EXIT_OK
    if not entries:
        say("no entries")
        return EXIT_OK
    say(HEADER)
    for e in entries:
        say(format_entry(e, labels.get((e.profile, e.receiver))))
    return EXIT_OK


def _labels(entries: list[HistoryEntry]) -> dict[tuple[str, str], str]:
    """The receiver book's label of each (profile, receiver) shown; none when the book
    cannot be read (the history is shown all the same)."""
    if not entries:
        return {}
    from viber_desktop.services.receivers import ReceiverError, ReceiverStore, book_path

    labels: dict[tuple[str, str], str] = {}
    if not book_path().is_file():
        return labels  # no book yet: do not make one just to read it
    try:
        with ReceiverStore() as book:
            for profile in {e.profile for e in entries}:
                for r in book.receivers(profile):
                    if r.label:
                        labels[(profile, r.id)] = r.label
    except ReceiverError:
        return {}
    return labels


def _row(id_: str, time: str, profile: str, receiver: str, kind: str, state: str, why: str) -> str:
    return f"{id_:>6}  {time:<19}  {profile:<10} {receiver:<24} {kind:<10} {state:<15} {why}"


HEADER = _row("ID", "TIME", "PROFILE", "RECEIVER", "TYPE", "OUTCOME", "STATUS / REASON")


def format_entry(e: HistoryEntry, label: str | None = None) -> str:
    """One table row, the receiver's label beside its ID when the book has one; for a send
    that did not end in an answer, why (the stored error)."""
    status = f"{e.status} {e.status_name or ''}".rstrip() if e.status is not None else None
    why = status or e.error or ""
    return _row(
        str(e.id),
        f"{e.time:%Y-%m-%d %H:%M:%S}",
        one_line(e.profile),
        one_line(f"{e.receiver} ({label})" if label else e.receiver),
        one_line(e.type),
        STATE_LABELS[e.outcome],
        one_line(why),
    )

"""``viber-desktop history``: list, search and export recorded sends."""

import argparse
import json
from pathlib import Path

from viber_desktop.cli import EXIT_OK, CliError, Subparsers
from viber_desktop.core.history import STATES, HistoryFilter
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
            print(f"exported {n} entries to {args.file}")
            return EXIT_OK
        entries = store.query(flt, limit=max(0, args.limit))
    except HistoryError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        print(json.dumps([e.as_json() for e in entries], ensure_ascii=False))
        return EXIT_OK
    for e in entries:
        status = f"{e.status} {e.status_name}" if e.status is not None else ""
        print(
            f"{e.id:>6}  {e.time:%Y-%m-%d %H:%M:%S}  {e.profile:<10} {e.receiver:<24} "
            f"{e.type:<10} {e.outcome:<9} {status}"
        )
    if not entries:
        print("no entries")
    return EXIT_OK

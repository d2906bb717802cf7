"""``viber-desktop receivers ...``: the receiver book, test lists, lookups and online states."""

import argparse
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from viber_desktop.cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_TRANSPORT,
    EXIT_USAGE,
    CliError,
    Subparsers,
)
from viber_desktop.cli.output import one_line, say, say_json
from viber_desktop.core import receivers as rules
from viber_desktop.core.outcomes import ApiResult
from viber_desktop.core.receiver_records import OnlineEntry, Receiver
from viber_desktop.sandbox.local import LocalSandbox
from viber_desktop.services.receivers import (
    Lookup,
    ReceiverError,
    ReceiverStore,
    look_up,
    online_states,
)
from viber_desktop.services.sending import SendRefused, resolve_target
from viber_desktop.services.settings import Profile, SettingsError, SettingsStore
from viber_desktop.services.viber_client import BadTokenError, UnsafeUrlError, ViberClient


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "receivers",
        help="the receiver book: labels, test lists, lookups, online states",
        description="Named receivers and test lists, kept per bot profile (default: the active "
        "one). A receiver can be named by its ID or its label.",
    )
    ps = p.add_subparsers(dest="action", required=True, metavar="ACTION")

    def action(name: str, text: str) -> argparse.ArgumentParser:
        sp = ps.add_parser(name, help=text, description=text)
        sp.add_argument("--profile", help="bot profile (default: the active one)")
        return sp

    ls = action("list", "list the book, or the test lists")
    ls.add_argument("--tag", help="only receivers with this tag")
    ls.add_argument("--lists", action="store_true", help="list the test lists instead")
    ls.add_argument("--list", metavar="NAME", help="only the members of this list, in order")
    ls.add_argument("--json", action="store_true", help="print one JSON array")
    ls.set_defaults(func=run_list)

    add = action("add", "add a receiver, or change one (only the options given)")
    add.add_argument("id", help="the receiver's Viber user ID")
    add.add_argument("--label", help='a name, e.g. "Anna, iPhone test"')
    add.add_argument("--notes")
    add.add_argument("--tag", action="append", help="a tag (repeat for more; replaces the tags)")
    add.add_argument("--list", action="append", metavar="NAME", help="add it to this test list")
    add.set_defaults(func=run_add)

    rm = action("remove", "remove a receiver, take it off a list, or delete a list")
    rm.add_argument("id", nargs="?", help="the receiver (ID or label)")
    rm.add_argument("--list", metavar="NAME", help="only from this list; without ID: the list")
    rm.set_defaults(func=run_remove)

    lookup = action(
        "lookup",
        f"ask Viber about a receiver (get_user_details; Viber allows "
        f"{rules.USER_DETAILS_LIMIT.calls} per receiver every "
        f"{rules.USER_DETAILS_LIMIT.window_s / rules.HOUR:g} hours)",
    )
    lookup.add_argument("id", help="the receiver (ID or label)")
    lookup.add_argument(
        "--refresh", action="store_true", help="ask again even if an answer is kept"
    )
    lookup.add_argument("--json", action="store_true", help="print one JSON object")
    lookup.set_defaults(func=run_lookup)

    online = action("online", f"who is online (get_online, at most {rules.ONLINE_IDS_MAX})")
    online.add_argument("ids", nargs="*", metavar="ID", help="receivers (default: the book)")
    online.add_argument("--list", metavar="NAME", help="the members of this list")
    online.add_argument("--json", action="store_true", help="print one JSON array")
    online.set_defaults(func=run_online)

    imp = action("import", "add or update receivers from a CSV file")
    imp.add_argument("file", help=f"a .csv file with the columns {', '.join(rules.CSV_COLUMNS)}")
    imp.set_defaults(func=run_import)

    exp = action("export", "write the book to a CSV file")
    exp.add_argument("file", help="the .csv file to write")
    exp.set_defaults(func=run_export)


# --- shared ---------------------------------------------------------------------------------


def _profile(args: argparse.Namespace) -> Profile:
    store = SettingsStore()
    try:
        settings = store.load()
    except SettingsError as exc:
        raise CliError(str(exc)) from None
    if store.problem:
        say(f"warning: {store.problem}", err=True)
    name = args.profile or settings.active_profile
    try:
        return settings.profile(name)
    except KeyError:
        raise CliError(
            f"no profile named {one_line(name)!r}; see 'viber-desktop profile list'"
        ) from None


def _book() -> ReceiverStore:
    try:
        return ReceiverStore()
    except ReceiverError as exc:
        raise CliError(str(exc)) from None


def _find(book: ReceiverStore, profile: str, text: str) -> Receiver:
    """The receiver named by ID or label; an ID not in the book is used as it is."""
    found = book.get(profile, text)
    if found is not None:
        return found
    same = [r for r in book.receivers(profile) if r.label.casefold() == text.casefold()]
    if len(same) > 1:
        ids = ", ".join(one_line(r.id) for r in same[:5])
        raise CliError(f"{len(same)} receivers are labelled {one_line(text)!r} ({ids}); use the ID")
    if same:
        return same[0]
    problem = rules.receiver_id_problem(text)
    if problem:
        raise CliError(problem)
    return Receiver(id=text)


def _client(profile: Profile, sandbox: LocalSandbox) -> ViberClient:
    try:
        target = resolve_target(profile, sandbox=sandbox)
        return ViberClient(target.base_url, target.token)
    except (SendRefused, UnsafeUrlError, BadTokenError) as exc:
        raise CliError(f"{exc}; nothing was asked") from None


def _exit_for(result: ApiResult) -> int:
    return {"ok": EXIT_OK, "api_error": EXIT_FINDINGS}.get(result.outcome, EXIT_TRANSPORT)


def _result_line(result: ApiResult) -> str:
    if result.status is not None:
        head = f"Viber answered status {result.status} {result.status_name}"
        return one_line(f"{head}: {result.explanation}")
    return one_line(result.explanation)


# --- actions --------------------------------------------------------------------------------


def run_list(args: argparse.Namespace) -> int:
    profile = _profile(args)
    with _book() as book:
        try:
            if args.lists:
                return _show_lists(book, profile.name, args.json)
            if args.list:
                found = book.test_list(profile.name, args.list)
                if found is None:
                    raise CliError(f"no list named {one_line(args.list)!r} in {profile.name!r}")
                shown = list(found.members)
            else:
                shown = book.receivers(profile.name, tag=args.tag)
            rows = [(r, book.cached(profile.name, r.id)) for r in shown]
        except ReceiverError as exc:
            raise CliError(str(exc)) from None
    if args.json:
        say_json(
            [
                {
                    **r.as_json(),
                    "api_version": kept.details.api_version if kept else None,
                    "looked_up": _iso(kept.fetched_ts) if kept else None,
                }
                for r, kept in rows
            ]
        )
        return EXIT_OK
    if not rows:
        say(f"no receivers in the book of {profile.name!r}; add one with 'receivers add ID'")
        return EXIT_OK
    now = time.time()
    say(_row("LABEL", "ID", "API", "LOOKED UP", "TAGS", "LISTS"))
    for r, kept in rows:
        level = kept.details.api_version if kept else None
        say(
            _row(
                one_line(r.label),
                one_line(r.id),
                "" if level is None else str(level),
                rules.ago(now - kept.fetched_ts) if kept else "",
                one_line("; ".join(r.tags)),
                one_line("; ".join(r.lists)),
            )
        )
    return EXIT_OK


def _row(label: str, rid: str, level: str, age: str, tags: str, lists: str) -> str:
    return f"{label:<28} {rid:<28} {level:<4} {age:<16} {tags:<20} {lists}".rstrip()


def _show_lists(book: ReceiverStore, profile: str, as_json: bool) -> int:
    lists = book.lists(profile)
    if as_json:
        say_json([{"name": t.name, "members": [m.as_json() for m in t.members]} for t in lists])
        return EXIT_OK
    if not lists:
        say(f"no test lists in {profile!r}; make one with 'receivers add ID --list NAME'")
    for t in lists:
        members = "; ".join(one_line(m.who) for m in t.members)
        say(f"{one_line(t.name)} ({len(t.members)}): {members}")
    return EXIT_OK


def run_add(args: argparse.Namespace) -> int:
    profile = _profile(args)
    with _book() as book:
        try:
            r = book.put(
                profile.name,
                args.id,
                label=args.label,
                notes=args.notes,
                tags=args.tag,
                lists=args.list or (),
            )
        except ReceiverError as exc:
            raise CliError(str(exc)) from None
    where = f"; lists: {'; '.join(r.lists)}" if r.lists else ""
    say(f"{one_line(r.shown)} is in the book of {one_line(profile.name)!r}{one_line(where)}")
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    profile = _profile(args)
    if args.id is None and args.list is None:
        raise CliError("name a receiver to remove, or a --list to delete")
    with _book() as book:
        try:
            if args.id is None:
                if not book.delete_list(profile.name, args.list):
                    raise CliError(f"no list named {one_line(args.list)!r} in {profile.name!r}")
                say(f"deleted the list {one_line(args.list)!r} (its receivers stay in the book)")
                return EXIT_OK
            r = _find(book, profile.name, args.id)
            if args.list is not None:
                if not book.remove_from_list(profile.name, args.list, r.id):
                    raise CliError(
                        f"{one_line(r.shown)} is not in the list {one_line(args.list)!r}"
                    )
                say(f"took {one_line(r.shown)} off the list {one_line(args.list)!r}")
                return EXIT_OK
            if not book.remove(profile.name, r.id):
                raise CliError(f"{one_line(r.id)!r} is not in the book of {profile.name!r}")
        except ReceiverError as exc:
            raise CliError(str(exc)) from None
    say(f"removed {one_line(r.shown)} from the book and its lists")
    return EXIT_OK


def run_lookup(args: argparse.Namespace) -> int:
    profile = _profile(args)
    with _book() as book, LocalSandbox() as sandbox:
        try:
            r = _find(book, profile.name, args.id)
            asks = args.refresh or book.cached(profile.name, r.id) is None
            client = _client(profile, sandbox) if asks else None
            try:
                found = look_up(book, client, profile.name, r.id, refresh=args.refresh, who=r.who)
            finally:
                if client is not None:
                    client.close()
        except ReceiverError as exc:
            raise CliError(str(exc)) from None
    return _show_lookup(r, found, args.json)


def _show_lookup(r: Receiver, found: Lookup, as_json: bool) -> int:
    kept, result = found.cached, found.result
    code = EXIT_OK
    if found.refused:
        code = EXIT_USAGE
    elif result is not None and result.outcome != "ok":
        code = _exit_for(result)
    if as_json:
        say_json(
            {
                "receiver": r.id,
                "label": r.label,
                "details": kept.details.as_json() if kept else None,
                "looked_up": _iso(kept.fetched_ts) if kept else None,
                "fresh": found.fresh,
                "lookups_left": found.calls_left,
                "refused": found.refused,
                "outcome": result.outcome if result else None,
                "status": result.status if result else None,
                "explanation": result.explanation if result and result.outcome != "ok" else None,
            }
        )
        return code
    if found.refused:
        say(one_line(found.refused), err=True)
    if result is not None and result.outcome != "ok":
        say(_result_line(result), err=True)
    if kept is None:
        if result is not None and result.outcome == "ok":
            say("Viber answered without the receiver's details.", err=True)
            return EXIT_TRANSPORT
        return code
    say(one_line(r.shown))
    for words, value in kept.details.lines():
        say(f"  {words}: {one_line(value)}")
    when = rules.ago(time.time() - kept.fetched_ts)
    left = f"{found.calls_left} of {rules.USER_DETAILS_LIMIT.calls} lookups left"
    if found.fresh:
        say(f"Looked up {when}; {left} for now.")
    elif found.refused or result is not None:
        say(f"Kept answer, from {when}.")
    else:
        say(f"Kept answer, from {when} ({left}; --refresh asks Viber again).")
    return code


def run_online(args: argparse.Namespace) -> int:
    profile = _profile(args)
    with _book() as book:
        try:
            if args.list:
                found = book.test_list(profile.name, args.list)
                if found is None:
                    raise CliError(f"no list named {one_line(args.list)!r} in {profile.name!r}")
                named = list(found.members)
            elif args.ids:
                named = [_find(book, profile.name, text) for text in args.ids]
            else:
                named = book.receivers(profile.name)
                if not named:
                    raise CliError("the book is empty: name the receivers to ask about")
        except ReceiverError as exc:
            raise CliError(str(exc)) from None
    with LocalSandbox() as sandbox:
        client = _client(profile, sandbox)
        try:
            result, entries = online_states(client, [r.id for r in named])
        except ReceiverError as exc:
            raise CliError(str(exc)) from None
        finally:
            client.close()
    if result.outcome != "ok":
        if args.json:
            say_json({"outcome": result.outcome, "status": result.status, "error": result.error})
        say(_result_line(result), err=True)
        return _exit_for(result)
    by_id = {e.id: e for e in entries}
    if args.json:
        say_json([_online_json(r, by_id.get(r.id)) for r in named])
        return EXIT_OK
    now = time.time()
    for r in named:
        say(f"{one_line(r.shown)}: {_online_words(by_id.get(r.id), now)}")
    return EXIT_OK


def _online_words(entry: OnlineEntry | None, now: float) -> str:
    if entry is None:
        return "Viber's answer did not mention this receiver"
    words = entry.state.words
    if entry.last_online is not None:
        ts = entry.last_online.timestamp()
        words += f", last online {rules.clock_time(ts, now)} ({rules.ago(now - ts)})"
    return one_line(words)


def _online_json(r: Receiver, entry: OnlineEntry | None) -> dict[str, Any]:
    shown = entry.as_json() if entry else {"id": r.id, "online_status": None}
    return {**shown, "label": r.label}


def run_import(args: argparse.Namespace) -> int:
    profile = _profile(args)
    with _book() as book:
        try:
            report = book.import_csv(profile.name, Path(args.file))
        except ReceiverError as exc:
            raise CliError(str(exc)) from None
    say(
        f"imported {one_line(args.file)} into {one_line(profile.name)!r}: {report.added} added, "
        f"{report.updated} updated, {len(report.problems)} skipped"
    )
    for problem in report.problems[:20]:
        say(f"  skipped {one_line(problem)}", err=True)
    if len(report.problems) > 20:
        say(f"  and {len(report.problems) - 20} more", err=True)
    return EXIT_FINDINGS if report.problems else EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    profile = _profile(args)
    with _book() as book:
        try:
            n = book.export_csv(profile.name, Path(args.file))
        except ReceiverError as exc:
            raise CliError(str(exc)) from None
    say(f"exported {n} receivers of {one_line(profile.name)!r} to {one_line(args.file)}")
    return EXIT_OK


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts).astimezone().isoformat(timespec="seconds")
